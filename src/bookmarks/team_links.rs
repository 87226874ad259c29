//! A team's links from a pasted or chosen file, for the web page: a team configuration (JSON, read
//! as `signin-guard links --config` reads it) or `~/.aws/config` (or an AWS Extend Switch Roles
//! configuration, imported as `signin-guard config import` imports it) made into the table
//! `links` prints and the bookmarks file `links --bookmarks` writes; what is wrong named with
//! where (a JSON path, a line); secrets dropped as the file is read; the table searched by a
//! few letters of its columns.

use super::team_file::team_bookmarks_file;
use crate::aws::regions::Region;
use crate::team::config::{Severity, TeamConfig};
use crate::team::import::{import, ImportError, ImportFormat, Imported};
use crate::team::link_table::{link_table, LinkRow};
use serde::Serialize;

/// What kind of file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TeamSource {
    /// A team configuration (JSON), the format the extension's settings page reads.
    TeamConfig,
    /// `~/.aws/config`.
    AwsConfig,
    /// The configuration of AWS Extend Switch Roles.
    Aesr,
}

impl TeamSource {
    /// How the summary names it.
    pub fn words(self) -> &'static str {
        match self {
            TeamSource::TeamConfig => "a team configuration",
            TeamSource::AwsConfig => "an AWS config file (~/.aws/config)",
            TeamSource::Aesr => "an AWS Extend Switch Roles configuration",
        }
    }
}

/// One row as the page shows it: the CLI's row and the words around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamLinkRow {
    /// The row `signin-guard links` prints.
    #[serde(flatten)]
    pub row: LinkRow,
    /// Its bookmark's title in the account's folder ("Read only · Europe (Ireland)").
    pub title: String,
    /// The region's name, where the link names one.
    pub region_name: Option<&'static str>,
    /// What to know before opening it (a role link cannot name a region).
    pub note: Option<&'static str>,
    /// The copy button's label: "Copy the link to Production as Read only in Europe (Ireland)".
    pub copy_label: String,
    /// What the page says once it is copied.
    pub copied: String,
    /// The row's words people search by, lowercase: names, words of names, ID, codes.
    #[serde(skip)]
    words: Vec<String>,
}

/// A problem of the file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamLinksProblem {
    /// Where: `line 12`, `accounts[2].accountId`, or empty for the whole file.
    pub place: String,
    /// What is wrong.
    pub message: String,
    /// `error` when something was left out, `warning` otherwise.
    pub severity: Severity,
    /// The sentence to show: "Line 12: …", "accounts[2].accountId: …".
    pub text: String,
}

/// What a pasted or chosen file gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamLinks {
    /// What it was read as; `None` when it is none of the formats.
    pub source: Option<TeamSource>,
    /// Every account × role × favourite region, as `signin-guard links` lists them.
    pub rows: Vec<TeamLinkRow>,
    /// How many accounts the rows are for.
    pub accounts: usize,
    /// The bookmarks file of the rows, as `links --bookmarks` writes it; empty without rows.
    pub bookmarks_file: String,
    /// The sentence that says what was read, when something was.
    pub summary: Option<String>,
    /// Why nothing could be read (what is wrong and where), or `None`.
    pub error: Option<String>,
    /// What was left out or ignored, in file order.
    pub problems: Vec<TeamLinksProblem>,
    /// Which secrets were dropped as the file was read (names of keys, never values).
    pub secrets: Option<String>,
    /// The name to save the bookmarks file as.
    pub bookmarks_file_name: &'static str,
    /// What the page says when the clipboard refused a link (it selects the link instead).
    pub copy_refused: &'static str,
}

/// Rows found by a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamLinksFound {
    /// The indexes of the rows that match, in table order.
    pub rows: Vec<u32>,
    /// What the search found, in words.
    pub summary: String,
}

/// The note of a role link: the console opens where it last was.
const LAST_REGION_NOTE: &str =
    "a role link names no region: the console opens in the region it last used";

/// The name the settings page's export has too.
const BOOKMARKS_FILE_NAME: &str = "aws-accounts.html";

const COPY_REFUSED: &str =
    "The browser did not allow copying: the link is selected, press Ctrl+C (⌘C) to copy it.";

/// Reads `text` (a file named `name`, or pasted when `None`): a team configuration when it is JSON,
/// else an INI file (`~/.aws/config` or AESR, told apart by its keys).
pub fn read_team_links(text: &str, name: Option<&str>) -> TeamLinks {
    let shown = name.map_or_else(|| "The pasted text".to_owned(), str::to_owned);
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return failed(format!(
            "{shown} is empty: paste a team configuration (JSON) or ~/.aws/config, or choose the file"
        ));
    }
    match import(text, ImportFormat::Auto) {
        Ok(imported) => from_import(imported, &shown),
        Err(ImportError::LooksLikeJson | ImportError::UnknownFormat(_)) => from_json(text, &shown),
    }
}

fn failed(error: String) -> TeamLinks {
    TeamLinks {
        source: None,
        rows: Vec::new(),
        accounts: 0,
        bookmarks_file: String::new(),
        summary: None,
        error: Some(error),
        problems: Vec::new(),
        secrets: None,
        bookmarks_file_name: BOOKMARKS_FILE_NAME,
        copy_refused: COPY_REFUSED,
    }
}

fn from_json(text: &str, shown: &str) -> TeamLinks {
    let parsed = TeamConfig::parse(text);
    let mut problems: Vec<TeamLinksProblem> = parsed
        .problems
        .iter()
        .map(|p| problem(p.path.clone(), &p.message, p.severity))
        .collect();
    let Some(config) = parsed.config else {
        let why = problems
            .first()
            .map_or_else(String::new, |p| p.text.clone());
        problems.clear();
        return failed(format!("{shown} is not a usable team configuration: {why}"));
    };
    links(&config, TeamSource::TeamConfig, shown, problems, None)
}

fn from_import(imported: Imported, shown: &str) -> TeamLinks {
    let source = match imported.format {
        ImportFormat::Aesr => TeamSource::Aesr,
        _ => TeamSource::AwsConfig,
    };
    let problems: Vec<TeamLinksProblem> = imported
        .problems
        .iter()
        .map(|p| problem(format!("line {}", p.line), &p.message, p.severity))
        .collect();
    let secrets = (!imported.skipped_secrets.is_empty()).then(|| {
        let profiles: Vec<String> = imported
            .skipped_secrets
            .iter()
            .map(|s| format!("[{}] (line {}): {}", s.profile, s.line, s.keys.join(", ")))
            .collect();
        format!(
            "Secrets were dropped as the file was read, never kept or shown: {}. Remove them \
             from where you copied the text if it should not hold them.",
            profiles.join("; ")
        )
    });
    if imported.config.accounts.is_empty() {
        let mut none = failed(if problems.is_empty() {
            format!(
                "{shown} names no account: {} holds no profile with an account ID \
                 (sso_account_id or role_arn)",
                source.words()
            )
        } else {
            format!(
                "{shown} names no account usable for links ({} read; see the problems \
                 listed)",
                source.words()
            )
        });
        none.problems = problems;
        none.secrets = secrets;
        none.source = Some(source);
        return none;
    }
    links(&imported.config, source, shown, problems, secrets)
}

fn problem(place: String, message: &str, severity: Severity) -> TeamLinksProblem {
    let text = if place.is_empty() {
        message.to_owned()
    } else {
        let mut chars = place.chars();
        let first: String = chars
            .next()
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default();
        // "line 12" starts a sentence as "Line 12"; a JSON path keeps its case.
        let place_shown = if place.starts_with("line ") {
            format!("{first}{}", chars.as_str())
        } else {
            place.clone()
        };
        format!("{place_shown}: {message}")
    };
    TeamLinksProblem {
        place,
        message: message.to_owned(),
        severity,
        text,
    }
}

fn links(
    config: &TeamConfig,
    source: TeamSource,
    shown: &str,
    problems: Vec<TeamLinksProblem>,
    secrets: Option<String>,
) -> TeamLinks {
    let table = link_table(config);
    let bookmarks_file = if table.is_empty() {
        String::new()
    } else {
        team_bookmarks_file(&table)
    };
    let mut accounts: Vec<&str> = table.iter().map(|r| r.account_id.as_str()).collect();
    accounts.dedup();
    let accounts = accounts.len();
    let rows: Vec<TeamLinkRow> = table
        .into_iter()
        .map(|row| {
            let alias = config
                .accounts
                .iter()
                .find(|a| a.account_id.as_str() == row.account_id)
                .and_then(|a| a.alias.as_ref())
                .map(|a| a.as_str().to_owned());
            shown_row(row, alias.as_deref())
        })
        .collect();
    let left_out = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let mut summary = format!(
        "{shown} ({}): {} to {}.",
        source.words(),
        counted(rows.len(), "link", "links"),
        counted(accounts, "account", "accounts")
    );
    if left_out > 0 {
        summary.push_str(&format!(
            " {} left out something: see below.",
            counted(left_out, "problem", "problems")
        ));
    }
    TeamLinks {
        source: Some(source),
        rows,
        accounts,
        bookmarks_file,
        summary: Some(summary),
        error: None,
        problems,
        secrets,
        bookmarks_file_name: BOOKMARKS_FILE_NAME,
        copy_refused: COPY_REFUSED,
    }
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn shown_row(row: LinkRow, alias: Option<&str>) -> TeamLinkRow {
    let mut words = Vec::new();
    let mut add = |text: &str| {
        let lower = text.to_lowercase();
        for word in lower.split(|c: char| !c.is_alphanumeric()) {
            if !word.is_empty() && !words.iter().any(|w| w == word) {
                words.push(word.to_owned());
            }
        }
        if !words.contains(&lower) {
            words.push(lower);
        }
    };
    add(&row.account);
    add(&row.account_id);
    if let Some(alias) = alias {
        add(alias);
    }
    for text in [row.role.as_deref(), row.role_label.as_deref()]
        .into_iter()
        .flatten()
    {
        add(text);
    }
    if let Some(region) = row.region {
        add(region.code());
        add(region.name());
    }
    add(row.method_words);
    let mut described = format!("the link to {}", row.account);
    if let Some(role) = row.role_label.as_deref() {
        described.push_str(&format!(" as {role}"));
    }
    if let Some(region) = row.region {
        described.push_str(&format!(" in {}", region.name()));
    }
    TeamLinkRow {
        copy_label: format!("Copy {described}"),
        copied: format!("Copied {described}."),
        title: row.title(),
        region_name: row.region.map(Region::name),
        note: row.opens_in_last_region.then_some(LAST_REGION_NOTE),
        row,
        words,
    }
}

impl TeamLinks {
    /// The rows every word of `query` starts a word of (the account's name, alias or ID, the
    /// role's name or display name, the region's code or name, how it signs in), ignoring case.
    pub fn search(&self, query: &str) -> TeamLinksFound {
        let tokens: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        let rows: Vec<u32> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                tokens
                    .iter()
                    .all(|t| row.words.iter().any(|w| w.starts_with(t.as_str())))
            })
            .filter_map(|(i, _)| u32::try_from(i).ok())
            .collect();
        let query = query.trim();
        let total = self.rows.len();
        let summary = if tokens.is_empty() {
            format!("All {}.", counted(total, "link", "links"))
        } else if rows.is_empty() {
            format!("No link matches “{query}”.")
        } else {
            format!(
                "{} of {} {} “{query}”.",
                rows.len(),
                counted(total, "link", "links"),
                if rows.len() == 1 { "matches" } else { "match" }
            )
        };
        TeamLinksFound { rows, summary }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEAM: &str = include_str!("../../docs/examples/team-config.json");
    const AWS_CONFIG: &str = include_str!("../../tests/data/team/aws-config");

    #[test]
    fn a_team_configuration_gives_the_cli_table_and_bookmarks_file() {
        let links = read_team_links(TEAM, Some("team-config.json"));
        assert_eq!(links.error, None);
        assert_eq!(links.source, Some(TeamSource::TeamConfig));
        let config = TeamConfig::parse(TEAM).config.expect("usable");
        let table = link_table(&config);
        assert_eq!(
            links.rows.iter().map(|r| r.row.clone()).collect::<Vec<_>>(),
            table
        );
        assert_eq!(links.bookmarks_file, team_bookmarks_file(&table));
        assert_eq!(links.accounts, 4);
        assert_eq!(
            links.summary.as_deref(),
            Some(&*format!(
                "team-config.json (a team configuration): {} links to 4 accounts.",
                table.len()
            ))
        );
        assert!(links.rows.iter().any(|r| r.note == Some(LAST_REGION_NOTE)));
        let json = serde_json::to_value(&links.rows[0]).expect("serialises");
        assert_eq!(json["account_id"], "111122223333");
        assert_eq!(json["region_name"], "Europe (Ireland)");
        assert!(json.get("words").is_none());
    }

    #[test]
    fn an_aws_config_gives_what_links_gives_for_its_import_and_drops_its_secrets() {
        let links = read_team_links(AWS_CONFIG, None);
        assert_eq!(links.source, Some(TeamSource::AwsConfig));
        // `config import` writes the configuration as JSON; `links --config` reads that back.
        let imported = import(AWS_CONFIG, ImportFormat::Auto).expect("INI");
        let written = TeamConfig::parse(&imported.config.to_json_pretty())
            .config
            .expect("usable");
        let table = link_table(&written);
        assert_eq!(
            links.rows.iter().map(|r| r.row.clone()).collect::<Vec<_>>(),
            table
        );
        assert_eq!(links.bookmarks_file, team_bookmarks_file(&table));
        let everything = serde_json::to_string(&links).expect("serialises");
        for secret in [
            "AKIAFIXTURESECRET0001",
            "fixtureSecretKeyDoNotPrint",
            "FIXTURESESSIONTOKENvalue",
        ] {
            assert!(!everything.contains(secret), "{secret}");
        }
        let secrets = links.secrets.expect("secrets named");
        assert!(secrets.contains("[old-ci] (line "), "{secrets}");
        assert!(secrets.contains("aws_secret_access_key"), "{secrets}");
        let typo = links
            .problems
            .iter()
            .find(|p| p.message.contains("11 digits"))
            .expect("the bad account ID named");
        assert!(typo.place.starts_with("line "), "{typo:?}");
        assert!(typo.text.starts_with("Line "), "{typo:?}");
    }

    #[test]
    fn what_cannot_be_read_is_named_with_where() {
        let broken = read_team_links("{\n  \"version\": 1,\n  \"accounts\": [\n}\n", None);
        let error = broken.error.expect("an error");
        assert!(
            error.starts_with("The pasted text is not a usable team configuration: not JSON: "),
            "{error}"
        );
        assert!(error.contains("line 4"), "{error}");
        assert!(broken.rows.is_empty() && broken.bookmarks_file.is_empty());

        let bad_id = read_team_links(
            r#"{"version": 1, "accounts": [{"accountId": "12345"}, {"accountId": "111122223333"}]}"#,
            Some("team.json"),
        );
        assert_eq!(bad_id.error, None);
        assert_eq!(bad_id.rows.len(), 1);
        assert!(
            bad_id.problems[0]
                .text
                .starts_with("accounts[0].accountId: "),
            "{:?}",
            bad_id.problems
        );

        let empty = read_team_links(" \n", Some("x.json"));
        assert!(empty.error.expect("error").starts_with("x.json is empty"));

        let no_account = read_team_links("[profile a]\nregion = eu-west-1\n", None);
        let error = no_account.error.expect("an error");
        assert!(error.contains("names no account"), "{error}");
        assert_eq!(no_account.problems[0].place, "line 1");
    }

    #[test]
    fn the_search_matches_the_start_of_every_word_given() {
        let links = read_team_links(TEAM, None);
        let found = |query: &str| -> Vec<String> {
            links
                .search(query)
                .rows
                .iter()
                .map(|&i| {
                    let row = &links.rows[i as usize].row;
                    format!(
                        "{} {} {}",
                        row.account,
                        row.role.as_deref().unwrap_or("-"),
                        row.region.map_or("-", Region::code)
                    )
                })
                .collect()
        };
        assert_eq!(
            found("prod read frank"),
            ["Production ReadOnlyAccess eu-central-1"]
        );
        assert_eq!(found("ACME-STAG"), found("4444"));
        assert_eq!(
            found("data engineer"),
            ["Data lake analytics/DataEngineer -"]
        );
        assert_eq!(links.search("").rows.len(), links.rows.len());
        assert_eq!(
            links.search("nothing-like-it").summary,
            "No link matches “nothing-like-it”."
        );
        assert_eq!(
            links.search(" sandbox ").summary,
            format!("2 of {} links match “sandbox”.", links.rows.len())
        );
    }
}
