//! Imports accounts from the INI files people already have: `~/.aws/config` (profiles with
//! `sso_account_id`/`sso_role_name`, `role_arn`, `region`, `sso_session` and its
//! `[sso-session NAME]`, or a legacy `sso_start_url`) and the configuration of AWS Extend Switch
//! Roles (`aws_account_id`, `role_name`, `role_arn`, `color`, `region`).
//!
//! The result is a team configuration (one account per account ID, its display name the first
//! profile's name, the roles of all its profiles), the problems by line number, and which
//! profiles held secrets. Secrets (`aws_access_key_id`, `aws_secret_access_key`,
//! `aws_session_token`) are never imported: their values are dropped as the file is read, and
//! only the names of their keys are reported.

mod ini;

pub use ini::{redact_secret_values, SECRET_KEYS};

use crate::aws::account::{AccountError, AccountId, Alias};
use crate::aws::partition::Partition;
use crate::aws::regions::Region;
use crate::team::config::{
    Color, DisplayName, Role, RoleName, Severity, SsoStartUrl, TeamAccount, TeamConfig,
};
use ini::{Entry, Section};
use serde::{Serialize, Serializer};
use std::fmt;

/// Which INI dialect to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportFormat {
    /// `~/.aws/config`, as the AWS CLI reads it.
    AwsConfig,
    /// The configuration text of the AWS Extend Switch Roles extension.
    Aesr,
    /// Decide from the file: AESR when it uses AESR's keys more than the CLI's.
    Auto,
}

/// A problem of the imported file, by line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportProblem {
    /// The line (1-based).
    pub line: usize,
    /// What is wrong, naming the section and key (`[profile dev] region: …`).
    pub message: String,
    /// `error` when something was not imported, `warning` otherwise.
    pub severity: Severity,
}

/// A profile whose secrets were skipped: the names of the keys, never their values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedSecrets {
    /// The profile (or section) name.
    pub profile: String,
    /// The line of its section header.
    pub line: usize,
    /// The secret keys it had, in file order.
    pub keys: Vec<String>,
}

/// What an import gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The dialect read (never `Auto`).
    pub format: ImportFormat,
    /// The accounts found, as a team configuration.
    pub config: TeamConfig,
    /// How many profiles the file has.
    pub profiles: usize,
    /// What could not be imported, and other remarks, in line order.
    pub problems: Vec<ImportProblem>,
    /// The profiles that held secrets, which were not imported.
    pub skipped_secrets: Vec<SkippedSecrets>,
}

/// Why a text cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The text is JSON (a team configuration, probably), not INI.
    LooksLikeJson,
    /// `--format` names no format.
    UnknownFormat(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::LooksLikeJson => f.write_str(
                "this is JSON, not an INI file like ~/.aws/config; a team configuration needs \
                 no import",
            ),
            ImportError::UnknownFormat(name) => {
                write!(
                    f,
                    "unknown import format {name:?}: aws-config, aesr or auto"
                )
            }
        }
    }
}

impl std::error::Error for ImportError {}

impl ImportFormat {
    /// `aws-config`, `aesr` or `auto`.
    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::AwsConfig => "aws-config",
            ImportFormat::Aesr => "aesr",
            ImportFormat::Auto => "auto",
        }
    }

    /// Reads a format name.
    pub fn from_name(name: &str) -> Result<ImportFormat, ImportError> {
        match name.trim() {
            "aws-config" => Ok(ImportFormat::AwsConfig),
            "aesr" => Ok(ImportFormat::Aesr),
            "auto" | "" => Ok(ImportFormat::Auto),
            other => Err(ImportError::UnknownFormat(other.to_owned())),
        }
    }
}

impl Serialize for ImportFormat {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl ImportProblem {
    fn error(line: usize, message: impl fmt::Display) -> ImportProblem {
        ImportProblem {
            line,
            message: message.to_string(),
            severity: Severity::Error,
        }
    }

    fn warning(line: usize, message: impl fmt::Display) -> ImportProblem {
        ImportProblem {
            severity: Severity::Warning,
            ..ImportProblem::error(line, message)
        }
    }
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl Serialize for Imported {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Imported", 5)?;
        s.serialize_field("format", &self.format)?;
        s.serialize_field("config", &self.config)?;
        s.serialize_field("profiles", &self.profiles)?;
        s.serialize_field("problems", &self.problems)?;
        s.serialize_field("skipped_secrets", &self.skipped_secrets)?;
        s.end()
    }
}

/// Imports the accounts of an INI text; fails only for JSON text.
pub fn import(text: &str, format: ImportFormat) -> Result<Imported, ImportError> {
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
    {
        return Err(ImportError::LooksLikeJson);
    }
    let mut problems = Vec::new();
    let sections = ini::read(text, &mut problems);
    let format = match format {
        ImportFormat::Auto => detect(&sections),
        chosen => chosen,
    };
    let mut import = Import {
        format,
        problems,
        accounts: Vec::new(),
        skipped_secrets: Vec::new(),
    };
    let profiles = import.profiles(&sections);
    for profile in &profiles {
        import.profile(profile, &sections);
    }
    let Import {
        accounts,
        mut problems,
        skipped_secrets,
        ..
    } = import;
    problems.sort_by_key(|p| p.line);
    Ok(Imported {
        format,
        config: TeamConfig {
            accounts,
            ..TeamConfig::default()
        },
        profiles: profiles.len(),
        problems,
        skipped_secrets,
    })
}

/// AESR when the file uses AESR's own keys more than the CLI's, or only bare `[NAME]` sections
/// with role ARNs (AESR's simplest form); `~/.aws/config` otherwise.
fn detect(sections: &[Section]) -> ImportFormat {
    const AESR_KEYS: [&str; 6] = [
        "aws_account_id",
        "role_name",
        "color",
        "image",
        "target_role_name",
        "target_region",
    ];
    let mut aesr = 0;
    let mut cli = 0;
    for section in sections {
        if section.header.starts_with("sso-session") {
            cli += 1;
        }
        for entry in &section.entries {
            if AESR_KEYS.contains(&entry.key.as_str()) {
                aesr += 1;
            } else if entry.key.starts_with("sso_")
                || entry.key.starts_with("cli_")
                || ["credential_process", "credential_source", "output"]
                    .contains(&entry.key.as_str())
            {
                cli += 1;
            }
        }
    }
    let bare_role_sections = || {
        sections.iter().any(|s| {
            s.header != "default"
                && !s.header.contains(char::is_whitespace)
                && s.get("role_arn").is_some()
        })
    };
    if aesr > cli || (aesr == 0 && cli == 0 && bare_role_sections()) {
        ImportFormat::Aesr
    } else {
        ImportFormat::AwsConfig
    }
}

/// A profile: its name and every section that defines it (a profile may be given twice).
struct Profile<'a> {
    name: String,
    sections: Vec<&'a Section>,
}

impl Profile<'_> {
    /// The last value of `key` in any of its sections.
    fn get(&self, key: &str) -> Option<&Entry> {
        self.sections.iter().rev().find_map(|s| s.get(key))
    }

    fn line(&self) -> usize {
        self.sections.first().map_or(0, |s| s.line)
    }

    fn shown(&self) -> String {
        self.sections
            .first()
            .map_or_else(|| format!("[{}]", self.name), |s| s.shown())
    }
}

struct Import {
    format: ImportFormat,
    problems: Vec<ImportProblem>,
    accounts: Vec<TeamAccount>,
    skipped_secrets: Vec<SkippedSecrets>,
}

impl Import {
    /// The profiles of the file, in order of first appearance; records the secrets of every
    /// section and warns about sections that are no profile in this format.
    fn profiles<'a>(&mut self, sections: &'a [Section]) -> Vec<Profile<'a>> {
        let mut profiles: Vec<Profile<'a>> = Vec::new();
        for section in sections {
            let kind = self.section_kind(section);
            let name = match &kind {
                SectionKind::Profile(name) | SectionKind::Other(name) => name.clone(),
            };
            self.note_secrets(section, &name);
            let SectionKind::Profile(name) = kind else {
                continue;
            };
            match profiles.iter_mut().find(|p| p.name == name) {
                Some(profile) => {
                    self.problems.push(ImportProblem::warning(
                        section.line,
                        format!(
                            "{} defines profile {name} again (first on line {}); its keys are \
                             merged, later values win",
                            section.shown(),
                            profile.line()
                        ),
                    ));
                    profile.sections.push(section);
                }
                None => profiles.push(Profile {
                    name,
                    sections: vec![section],
                }),
            }
        }
        profiles
    }

    fn section_kind(&mut self, section: &Section) -> SectionKind {
        let header = section.header.as_str();
        let (word, rest) = header
            .split_once(char::is_whitespace)
            .map_or((header, ""), |(w, r)| (w, r.trim()));
        let rest = unquote(rest).to_owned();
        match self.format {
            ImportFormat::Aesr => {
                if word.eq_ignore_ascii_case("profile") && !rest.is_empty() {
                    SectionKind::Profile(rest)
                } else {
                    SectionKind::Profile(header.to_owned())
                }
            }
            _ => match (word, rest.is_empty()) {
                ("default", true) => SectionKind::Profile("default".to_owned()),
                ("profile", false) => SectionKind::Profile(rest),
                ("sso-session" | "services", false) | ("plugins" | "preview", true) => {
                    SectionKind::Other(rest)
                }
                _ => {
                    let only_secrets = section.entries.iter().all(Entry::is_secret);
                    if !only_secrets {
                        self.problems.push(ImportProblem::warning(
                            section.line,
                            format!(
                                "{} is not a profile in ~/.aws/config (a profile is \
                                 [profile NAME]); ignored",
                                section.shown()
                            ),
                        ));
                    }
                    SectionKind::Other(header.to_owned())
                }
            },
        }
    }

    fn note_secrets(&mut self, section: &Section, name: &str) {
        let mut keys: Vec<String> = Vec::new();
        for entry in section.entries.iter().filter(|e| e.is_secret()) {
            if !keys.contains(&entry.key) {
                keys.push(entry.key.clone());
            }
        }
        if keys.is_empty() {
            return;
        }
        match self.skipped_secrets.iter_mut().find(|s| s.profile == name) {
            Some(skipped) => {
                for key in keys {
                    if !skipped.keys.contains(&key) {
                        skipped.keys.push(key);
                    }
                }
            }
            None => self.skipped_secrets.push(SkippedSecrets {
                profile: name.to_owned(),
                line: section.line,
                keys,
            }),
        }
    }

    fn profile(&mut self, profile: &Profile, sections: &[Section]) {
        let target = match self.format {
            ImportFormat::Aesr => self.aesr_target(profile),
            _ => self.cli_target(profile),
        };
        let Some((account_id, role)) = target else {
            return;
        };
        let mut account = TeamAccount::new(account_id);
        account.display_name = match DisplayName::parse(&profile.name) {
            Ok(name) => Some(name),
            Err(reason) => {
                self.problems.push(ImportProblem::error(
                    profile.line(),
                    format!(
                        "{}: the profile name is not used as display name: {reason}",
                        profile.shown()
                    ),
                ));
                None
            }
        };
        account.roles = role
            .map(|name| Role {
                name,
                display_name: None,
            })
            .into_iter()
            .collect();
        account.default_region = self.parse(profile, "region", |code| {
            Region::find(code).ok_or_else(|| format!("{code:?} is not a known AWS region"))
        });
        match self.format {
            ImportFormat::Aesr => {
                account.color = self.parse(profile, "color", |text| {
                    Color::parse(text, true).map_err(|e| e.to_string())
                });
            }
            _ => account.sso_start_url = self.start_url(profile, sections),
        }
        self.add(account);
    }

    /// The account and role of a `~/.aws/config` profile: from `role_arn` (what the profile
    /// finally signs in as), else from `sso_account_id` and `sso_role_name`.
    fn cli_target(&mut self, profile: &Profile) -> Option<(AccountId, Option<RoleName>)> {
        if profile.get("role_arn").is_some() {
            return self.parse_account(profile, "role_arn", |arn| {
                role_arn(arn).map(|(id, role)| (id, Some(role)))
            });
        }
        if profile.get("sso_account_id").is_some() {
            let id = self
                .parse_account(profile, "sso_account_id", |t| {
                    account_id(t).map(|id| (id, None))
                })?
                .0;
            let role = self.parse(profile, "sso_role_name", role_name);
            return Some((id, role));
        }
        self.problems.push(ImportProblem::warning(
            profile.line(),
            format!(
                "{} names no account (no sso_account_id or role_arn); not imported",
                profile.shown()
            ),
        ));
        None
    }

    /// The account and role of an AESR profile: from `role_arn`, else `aws_account_id` and
    /// `role_name` (a base account has no role).
    fn aesr_target(&mut self, profile: &Profile) -> Option<(AccountId, Option<RoleName>)> {
        if profile.get("role_arn").is_some() {
            return self.parse_account(profile, "role_arn", |arn| {
                role_arn(arn).map(|(id, role)| (id, Some(role)))
            });
        }
        let Some(entry) = profile.get("aws_account_id") else {
            self.problems.push(ImportProblem::warning(
                profile.line(),
                format!(
                    "{} names no account (no aws_account_id or role_arn); not imported",
                    profile.shown()
                ),
            ));
            return None;
        };
        let is_alias =
            !entry.value.bytes().all(|b| b.is_ascii_digit()) && Alias::parse(&entry.value).is_ok();
        if is_alias {
            self.problems.push(ImportProblem::warning(
                entry.line,
                format!(
                    "{} aws_account_id: {:?} is an account alias; the team format needs the \
                     12-digit account ID, so this profile is not imported",
                    profile.shown(),
                    entry.value
                ),
            ));
            return None;
        }
        let id = self
            .parse_account(profile, "aws_account_id", |t| {
                account_id(t).map(|id| (id, None))
            })?
            .0;
        let role = self.parse(profile, "role_name", role_name);
        Some((id, role))
    }

    /// The access portal of a `~/.aws/config` profile: its `sso_session`'s `sso_start_url`,
    /// else its own (legacy) `sso_start_url`.
    fn start_url(&mut self, profile: &Profile, sections: &[Section]) -> Option<SsoStartUrl> {
        let Some(session) = profile.get("sso_session") else {
            return self.parse(profile, "sso_start_url", start_url);
        };
        let name = unquote(&session.value);
        let found = sections.iter().rev().find(|s| {
            s.header.strip_prefix("sso-session").is_some_and(|rest| {
                rest.starts_with(char::is_whitespace) && unquote(rest.trim()) == name
            })
        });
        let Some(found) = found else {
            self.problems.push(ImportProblem::error(
                session.line,
                format!(
                    "{} sso_session: there is no [sso-session {name}] section in the file, so \
                     the access portal is not known",
                    profile.shown()
                ),
            ));
            return None;
        };
        let entry = found.get("sso_start_url")?;
        match start_url(&entry.value) {
            Ok(url) => Some(url),
            Err(reason) => {
                self.problems.push(ImportProblem::error(
                    entry.line,
                    format!("{} sso_start_url: {reason}", found.shown()),
                ));
                None
            }
        }
    }

    /// The account (and role) the profile names by `key`, or `None` with the reason, which
    /// says that the whole profile is left out.
    fn parse_account(
        &mut self,
        profile: &Profile,
        key: &str,
        read: impl Fn(&str) -> Result<(AccountId, Option<RoleName>), String>,
    ) -> Option<(AccountId, Option<RoleName>)> {
        self.parse(profile, key, |text| {
            read(text).map_err(|reason| format!("{reason}; the profile is not imported"))
        })
    }

    /// The value of `key` read by `read`, or `None` (absent; or bad, with the reason).
    fn parse<T>(
        &mut self,
        profile: &Profile,
        key: &str,
        read: impl Fn(&str) -> Result<T, String>,
    ) -> Option<T> {
        let entry = profile.get(key)?;
        match read(&entry.value) {
            Ok(value) => Some(value),
            Err(reason) => {
                self.problems.push(ImportProblem::error(
                    entry.line,
                    format!("{} {key}: {reason}", profile.shown()),
                ));
                None
            }
        }
    }

    /// Adds an account, or merges it into the one with the same ID: roles are collected, the
    /// first profile's name, region, colour and portal are kept.
    fn add(&mut self, account: TeamAccount) {
        let Some(known) = self
            .accounts
            .iter_mut()
            .find(|a| a.account_id == account.account_id)
        else {
            self.accounts.push(account);
            return;
        };
        for role in account.roles {
            if !known.roles.iter().any(|r| r.name == role.name) {
                known.roles.push(role);
            }
        }
        known.display_name = known.display_name.take().or(account.display_name);
        known.default_region = known.default_region.or(account.default_region);
        known.color = known.color.take().or(account.color);
        known.sso_start_url = known.sso_start_url.take().or(account.sso_start_url);
    }
}

enum SectionKind {
    /// A profile, by name.
    Profile(String),
    /// Another section (`sso-session`, `services`, …), by name.
    Other(String),
}

/// `"name"` without its quotes.
fn unquote(text: &str) -> &str {
    text.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text)
}

fn account_id(text: &str) -> Result<AccountId, String> {
    AccountId::parse(text).map_err(|error| match error {
        AccountError::Empty => "empty; expected a 12-digit account ID".to_owned(),
        AccountError::IdLength(_) => error.to_string(),
        _ => format!("{text:?} is not an account ID: expected 12 digits"),
    })
}

fn role_name(text: &str) -> Result<RoleName, String> {
    RoleName::parse(text).map_err(|e| e.to_string())
}

fn start_url(text: &str) -> Result<SsoStartUrl, String> {
    SsoStartUrl::parse(text).map_err(|e| e.to_string())
}

/// The account and role name of `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME` (the path kept,
/// as the console's switch-role form takes it).
fn role_arn(arn: &str) -> Result<(AccountId, RoleName), String> {
    let not_a_role =
        || format!("{arn:?} is not an IAM role ARN (like arn:aws:iam::123456789012:role/NAME)");
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let ["arn", partition, "iam", "", account, resource] = parts.as_slice() else {
        return Err(not_a_role());
    };
    if Partition::from_id(partition).is_none() {
        return Err(not_a_role());
    }
    let id = AccountId::parse(account).map_err(|_| not_a_role())?;
    let name = resource.strip_prefix("role/").ok_or_else(not_a_role)?;
    let role = RoleName::parse(name).map_err(|e| e.to_string())?;
    Ok((id, role))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_arns_give_the_account_and_the_role_with_its_path() {
        let (id, role) = role_arn("arn:aws:iam::123456789012:role/team/Admin").expect("arn");
        assert_eq!((id.as_str(), role.as_str()), ("123456789012", "team/Admin"));
        assert!(role_arn("arn:aws-cn:iam::123456789012:role/Admin").is_ok());
        for bad in [
            "arn:aws:iam::123456789012:user/alice",
            "arn:aws:sts::123456789012:role/Admin",
            "arn:aws:iam::12345:role/Admin",
            "arn:mars:iam::123456789012:role/Admin",
            "123456789012",
        ] {
            assert!(role_arn(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn auto_detects_aesr_by_its_keys() {
        let read = |text: &str| detect(&ini::read(text, &mut Vec::new()));
        assert_eq!(
            read("[a]\naws_account_id = 123456789012\nrole_name = x\n"),
            ImportFormat::Aesr
        );
        assert_eq!(
            read("[marketing]\nrole_arn = arn:aws:iam::123456789012:role/m\n"),
            ImportFormat::Aesr
        );
        assert_eq!(
            read("[profile a]\nsso_account_id = 123456789012\n"),
            ImportFormat::AwsConfig
        );
        assert_eq!(
            read("[profile a]\nrole_arn = arn:aws:iam::123456789012:role/m\n"),
            ImportFormat::AwsConfig
        );
        assert_eq!(read(""), ImportFormat::AwsConfig);
    }
}
