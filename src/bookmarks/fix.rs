//! Bookmark repair, one bookmark at a time: the extension's "Fix this bookmark". What replaces a
//! bookmark is the bookmark doctor's decision (`bookmarks::doctor::diagnose`); this adds the account
//! the person chose or the only one known, and says why in a sentence.

use crate::aws::account::{Account, AccountError};
use crate::aws::partition::Partition;
use crate::bookmarks::doctor::{diagnose, team_link, Action, FindingKind};
use crate::tab::known_accounts::KnownAccounts;
use crate::team::config::MergedAccounts;
use crate::url::classify::classify;
use crate::url::links::canonical_url;
use crate::url::plain_url::{self, UrlParts};
use crate::url::verdict::{Kind, Verdict};
use serde::Serialize;
use std::fmt;

/// A replacement for a bookmarked URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BookmarkFix {
    /// The URL to bookmark instead.
    pub replacement: String,
    /// Why, in one or two sentences for people.
    pub reason: String,
}

/// Why no fix can be worked out; the message names the bad input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookmarkFixError {
    /// The account chosen by the person is neither an ID nor a valid alias.
    ChosenAccount {
        /// The text given.
        input: String,
        /// What is wrong with it.
        reason: AccountError,
    },
}

impl fmt::Display for BookmarkFixError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BookmarkFixError::ChosenAccount { input, reason } => {
                write!(f, "the chosen account {input:?} is not valid: {reason}")
            }
        }
    }
}

impl std::error::Error for BookmarkFixError {}

/// The fix for a bookmarked `url`, or `None` when it needs none or only the person can decide
/// (a lookalike or an IAM Identity Center sign-in page is deleted, not replaced; an invalid
/// account label needs the person's account).
///
/// For sign-in flow pages and URLs holding a secret, the account is the one the URL names, else
/// `chosen`, else the only known account; without one the replacement is the partition's
/// general sign-in page. An empty `chosen` counts as not given. An account of `team` reached
/// through a portal or by role gets its team link instead of its sign-in URL, as in the doctor.
pub fn bookmark_fix(
    url: &str,
    known: &KnownAccounts,
    chosen: Option<&str>,
    team: &MergedAccounts,
) -> Result<Option<BookmarkFix>, BookmarkFixError> {
    let chosen = chosen
        .filter(|c| !c.trim().is_empty())
        .map(|c| {
            Account::parse(c).map_err(|reason| BookmarkFixError::ChosenAccount {
                input: c.to_owned(),
                reason,
            })
        })
        .transpose()?;
    let verdict = classify(url);
    let Some((kind, _, actions)) = diagnose(&verdict, url, team).finding else {
        return Ok(None);
    };
    let Some(replacement) = actions.into_iter().find_map(|action| match action {
        Action::Replace { url } => Some(url),
        Action::Delete | Action::ChooseAccount => None,
    }) else {
        return Ok(None);
    };
    let fix = match kind {
        FindingKind::CapturedRedirect | FindingKind::SecretInUrl => {
            replace_flow_page(&verdict, kind, known, chosen, team, replacement)
        }
        FindingKind::MultiSession => BookmarkFix {
            replacement,
            reason: "This console link belongs to one multi-session sign-in and stops working \
                     when that session ends; the same page without the session in its host \
                     name works in any session."
                .to_owned(),
        },
        FindingKind::NotCanonical => {
            match verdict.account.as_ref().and_then(|a| team_link(team, a)) {
                Some(link) => BookmarkFix {
                    reason: format!(
                        "This is a sign-in page for the IAM users of account {}; {}, replaces it.",
                        link.account,
                        link.words()
                    ),
                    replacement,
                },
                None => BookmarkFix {
                    reason: normalising_reason(url, &verdict),
                    replacement,
                },
            }
        }
        FindingKind::Lookalike | FindingKind::InvalidAccountLabel => return Ok(None),
    };
    Ok(Some(fix))
}

/// A sign-in flow page or a URL holding a secret becomes the sign-in URL of the account it
/// names, the chosen one or the only known one (its team link, where the team has one); else the
/// doctor's `general` replacement.
fn replace_flow_page(
    verdict: &Verdict,
    kind: FindingKind,
    known: &KnownAccounts,
    chosen: Option<Account>,
    team: &MergedAccounts,
    general: String,
) -> BookmarkFix {
    let partition = verdict.partition.unwrap_or(Partition::Aws);
    let account = verdict
        .account
        .clone()
        .or(chosen)
        .or_else(|| known.sole_account(partition).map(|k| k.account()));
    let what = if verdict.kind == Kind::FederationToken {
        "This bookmark holds a one-time federation sign-in token, a secret that expires"
    } else if kind == FindingKind::SecretInUrl {
        "This bookmark holds credentials or a signature, secrets that expire and must not be kept"
    } else {
        "This bookmark is a page of the sign-in flow, which stops working once that sign-in is over"
    };
    let team_link = account.as_ref().and_then(|a| team_link(team, a));
    match (account, team_link) {
        (Some(_), Some(link)) => BookmarkFix {
            reason: format!("{what}; {}, replaces it.", link.words()),
            replacement: link.link.url,
        },
        (Some(account), None) => BookmarkFix {
            replacement: canonical_url(&account, partition),
            reason: format!("{what}; the sign-in URL of account {account} replaces it."),
        },
        (None, _) => BookmarkFix {
            replacement: general,
            reason: format!(
                "{what}; no account is known for it, so the general AWS sign-in page, where you \
                 enter your account, replaces it."
            ),
        },
    }
}

/// Why an account sign-in URL is replaced by its canonical form, naming what differs.
fn normalising_reason(url: &str, verdict: &Verdict) -> String {
    let account = verdict
        .account
        .as_ref()
        .map_or_else(String::new, |a| format!(" of account {a}"));
    let differences = differences_from_canonical(url);
    let mut reason = format!("This is the sign-in URL{account}");
    if differences.is_empty() {
        reason.push_str(", but not in its canonical form");
    } else {
        reason.push_str(&format!(", but with {}", join_words(&differences)));
    }
    reason.push_str("; its canonical form replaces it");
    if let Some(region) = verdict.region {
        reason.push_str(&format!(", still pinned to {}", region.code()));
    }
    reason.push('.');
    reason
}

/// What makes an account sign-in URL differ from `https://ACCOUNT.signin.DOMAIN/console`, with
/// an optional console service (`/console/s3`) and region pin, which its canonical form keeps.
fn differences_from_canonical(input: &str) -> Vec<String> {
    let mut found = Vec::new();
    if input.trim() != input {
        found.push("spaces around it".to_owned());
    }
    let text = input.trim();
    let Some(url) = plain_url::read(text) else {
        return found;
    };
    if url.scheme() == "http" {
        found.push("http instead of https".to_owned());
    }
    let typed_host = text.split_once("://").map_or("", |(_, rest)| {
        rest.split(['/', '?', '#']).next().unwrap_or("")
    });
    if typed_host.bytes().any(|b| b.is_ascii_uppercase()) {
        found.push("capital letters in the host name".to_owned());
    }
    if typed_host.contains(':') {
        found.push("a port number".to_owned());
    }
    let typed_path = text.split_once("://").map_or("", |(_, rest)| {
        rest.trim_start_matches(|c| !matches!(c, '/' | '?' | '#'))
    });
    let typed_path = typed_path.split(['?', '#']).next().unwrap_or("");
    match typed_path {
        "/console" => {}
        "/console/" => found.push("a trailing slash".to_owned()),
        path if path.starts_with("/console/") => {
            let service = path.trim_start_matches("/console/").trim_end_matches('/');
            let is_service = !service.is_empty()
                && service
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-');
            if !is_service {
                found.push(format!("the path {path}"));
            } else if service.bytes().any(|b| b.is_ascii_uppercase()) {
                found.push("capital letters in the path".to_owned());
            }
            if is_service && path.ends_with('/') {
                found.push("a trailing slash".to_owned());
            }
        }
        "" | "/" => found.push("no /console path".to_owned()),
        path => found.push(format!("the path {path}")),
    }
    let extra_params = url.query_pairs().any(|(key, _)| key != "region");
    let region_params = url.query_pairs().filter(|(key, _)| key == "region").count();
    if extra_params || region_params > 1 {
        found.push("extra query parameters".to_owned());
    }
    if url.has_fragment() {
        found.push("a fragment (#…)".to_owned());
    }
    found
}

/// "a", "a and b", "a, b and c".
fn join_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bookmarks::doctor::no_team;
    use crate::tab::known_accounts::tests::known;

    fn fix(url: &str, known: &KnownAccounts, chosen: Option<&str>) -> Option<BookmarkFix> {
        bookmark_fix(url, known, chosen, &no_team()).expect("valid chosen account")
    }

    fn replacement(url: &str, known: &KnownAccounts, chosen: Option<&str>) -> Option<String> {
        fix(url, known, chosen).map(|f| f.replacement)
    }

    const REDIRECT: &str = "https://signin.aws.amazon.com/signin?redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com%2Fconsole%2Fhome&client_id=arn%3Aaws%3Aiam%3A%3A015428540659%3Auser%2Fhomepage";

    #[test]
    fn redirect_bookmark_is_replaced_by_the_chosen_accounts_canonical_url() {
        let fix = fix(REDIRECT, &KnownAccounts::new(), Some("MyAlias")).expect("a fix");
        assert_eq!(
            fix.replacement,
            "https://myalias.signin.aws.amazon.com/console"
        );
        assert_eq!(
            fix.reason,
            "This bookmark is a page of the sign-in flow, which stops working once that sign-in \
             is over; the sign-in URL of account myalias replaces it."
        );
    }

    #[test]
    fn redirect_bookmark_uses_the_only_known_account() {
        let one = known(&[("111111111111", "prod", "us-east-2", 1)]);
        assert_eq!(
            replacement(REDIRECT, &one, None).as_deref(),
            Some("https://prod.signin.aws.amazon.com/console")
        );
    }

    #[test]
    fn chosen_account_wins_over_the_only_known_one() {
        let one = known(&[("111111111111", "prod", "us-east-2", 1)]);
        assert_eq!(
            replacement(REDIRECT, &one, Some("222222222222")).as_deref(),
            Some("https://222222222222.signin.aws.amazon.com/console")
        );
    }

    #[test]
    fn redirect_bookmark_without_account_becomes_the_general_signin_page() {
        let two = known(&[
            ("111111111111", "prod", "us-east-2", 2),
            ("222222222222", "dev", "us-east-2", 1),
        ]);
        let fix = fix(
            "https://us-east-2.signin.aws.amazon.com/oauth?response_type=code",
            &two,
            None,
        )
        .expect("a fix");
        assert_eq!(fix.replacement, "https://console.aws.amazon.com/");
        assert!(fix.reason.contains("no account is known"), "{}", fix.reason);
    }

    #[test]
    fn china_redirect_stays_in_its_partition() {
        assert_eq!(
            replacement(
                "https://signin.amazonaws.cn/oauth?x=1",
                &KnownAccounts::new(),
                Some("prod")
            )
            .as_deref(),
            Some("https://prod.signin.amazonaws.cn/console")
        );
        assert_eq!(
            replacement(
                "https://signin.amazonaws.cn/oauth?x=1",
                &KnownAccounts::new(),
                None
            )
            .as_deref(),
            Some("https://console.amazonaws.cn/")
        );
    }

    #[test]
    fn federation_bookmark_is_replaced_and_the_reason_says_it_is_a_secret() {
        let fix = fix(
            "https://signin.aws.amazon.com/federation?Action=login&SigninToken=SECRET",
            &KnownAccounts::new(),
            Some("prod"),
        )
        .expect("a fix");
        assert_eq!(
            fix.replacement,
            "https://prod.signin.aws.amazon.com/console"
        );
        assert!(
            fix.reason.contains("a secret that expires"),
            "{}",
            fix.reason
        );
    }

    #[test]
    fn federation_on_an_account_host_uses_that_account() {
        assert_eq!(
            replacement(
                "https://myalias.signin.aws.amazon.com/federation?Action=login&SigninToken=X",
                &KnownAccounts::new(),
                Some("other")
            )
            .as_deref(),
            Some("https://myalias.signin.aws.amazon.com/console")
        );
    }

    #[test]
    fn multi_session_console_bookmark_becomes_the_stable_console_url() {
        let fix = fix(
            "https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/s3/buckets?region=us-east-1",
            &KnownAccounts::new(),
            None,
        )
        .expect("a fix");
        assert_eq!(
            fix.replacement,
            "https://us-east-1.console.aws.amazon.com/s3/buckets?region=us-east-1"
        );
        assert!(fix.reason.contains("multi-session"));
    }

    #[test]
    fn non_canonical_account_url_is_normalised_and_says_how() {
        let fix = fix(
            "http://MyAlias.signin.aws.amazon.com/console/",
            &KnownAccounts::new(),
            None,
        )
        .expect("a fix");
        assert_eq!(
            fix.replacement,
            "https://myalias.signin.aws.amazon.com/console"
        );
        assert_eq!(
            fix.reason,
            "This is the sign-in URL of account myalias, but with http instead of https, capital \
             letters in the host name and a trailing slash; its canonical form replaces it."
        );
    }

    #[test]
    fn normalising_keeps_the_console_service_and_region_pin_and_drops_the_rest() {
        let fix = fix(
            "https://myalias.signin.aws.amazon.com/console/s3?region=eu-west-1&foo=bar#x",
            &KnownAccounts::new(),
            None,
        )
        .expect("a fix");
        assert_eq!(
            fix.replacement,
            "https://myalias.signin.aws.amazon.com/console/s3?region=eu-west-1"
        );
        assert!(
            fix.reason.contains("extra query parameters"),
            "{}",
            fix.reason
        );
        assert!(fix.reason.contains("a fragment"), "{}", fix.reason);
        assert!(
            fix.reason.ends_with("still pinned to eu-west-1."),
            "{}",
            fix.reason
        );
    }

    #[test]
    fn region_of_another_partition_is_not_kept() {
        assert_eq!(
            replacement(
                "https://myalias.signin.aws.amazon.com/console?region=cn-north-1",
                &KnownAccounts::new(),
                None
            )
            .as_deref(),
            Some("https://myalias.signin.aws.amazon.com/console")
        );
    }

    #[test]
    fn port_and_spaces_are_named() {
        let fix = fix(
            " https://myalias.signin.aws.amazon.com:443/console ",
            &KnownAccounts::new(),
            None,
        );
        let reason = fix.map(|f| f.reason).unwrap_or_default();
        assert!(
            reason.contains("spaces around it") && reason.contains("a port number"),
            "{reason}"
        );
    }

    #[test]
    fn urls_that_need_no_fix_give_none() {
        for url in [
            "https://myalias.signin.aws.amazon.com/console",
            "https://myalias.signin.aws.amazon.com/console?region=us-east-2",
            "https://myalias.signin.aws.amazon.com/console/s3",
            "https://console.aws.amazon.com/",
            "https://us-east-1.console.aws.amazon.com/ec2/home",
            "https://d-1234567890.awsapps.com/start",
            "https://signin.aws.amazon.com/switchrole?account=123456789012&roleName=Dev",
            "https://signin.aws.amazon.com.evil.example/console",
            "https://example.com/",
            "not a url",
            "https://my--alias.signin.aws.amazon.com/console",
        ] {
            assert_eq!(fix(url, &KnownAccounts::new(), Some("prod")), None, "{url}");
        }
    }

    #[test]
    fn agrees_with_the_bookmark_doctor_on_every_corpus_url() {
        for row in include_str!("../../tests/data/urls.tsv").lines().skip(1) {
            let url = row.split('\t').next().unwrap_or_default();
            let doctor =
                diagnose(&classify(url), url, &no_team())
                    .finding
                    .and_then(|(_, _, actions)| {
                        actions.into_iter().find_map(|action| match action {
                            Action::Replace { url } => Some(url),
                            _ => None,
                        })
                    });
            assert_eq!(
                replacement(url, &KnownAccounts::new(), None),
                doctor,
                "{url}"
            );
        }
    }

    #[test]
    fn a_team_accounts_redirect_gets_its_team_link_in_the_doctor_and_the_single_fix() {
        let team = crate::bookmarks::doctor::team_link::tests::example_team();
        let portal = "https://acme-prod.signin.aws.amazon.com/oauth?redirect_uri=x&client_id=y";
        let shortcut = "https://acme.awsapps.com/start/#/console?account_id=111122223333\
                        &role_name=ReadOnlyAccess&destination=https%3A%2F%2Feu-west-1.console.aws.\
                        amazon.com%2Fconsole%2Fhome%3Fregion%3Deu-west-1";
        let fix = bookmark_fix(portal, &KnownAccounts::new(), None, &team)
            .expect("no chosen account")
            .expect("a fix");
        assert_eq!(fix.replacement, shortcut);
        assert_eq!(
            fix.reason,
            "This is a sign-in page for the IAM users of account Production (acme-prod); the \
             team's link to Production (acme-prod), through your access portal as Read only, \
             replaces it."
        );
        // A redirect that names no account, for the team account chosen (or the only known).
        let fix = bookmark_fix(REDIRECT, &KnownAccounts::new(), Some("acme-prod"), &team)
            .expect("a valid account")
            .expect("a fix");
        assert_eq!(fix.replacement, shortcut);
        assert_eq!(
            fix.reason,
            "This bookmark is a page of the sign-in flow, which stops working once that sign-in \
             is over; the team's link to Production (acme-prod), through your access portal as \
             Read only, replaces it."
        );
        let report = crate::bookmarks::doctor::analyze_for_team(
            &[crate::bookmarks::doctor::Bookmark {
                id: "1".to_owned(),
                url: portal.to_owned(),
                title: "Prod".to_owned(),
                folder_path: Vec::new(),
            }],
            &team,
        );
        let finding = report.findings().next().expect("a finding");
        assert_eq!(finding.proposed_url(), Some(shortcut));
        assert!(
            finding
                .message
                .ends_with("through your access portal as Read only, replaces it"),
            "{}",
            finding.message
        );

        // The account chosen for a redirect that names none: its role link.
        let fix = bookmark_fix(REDIRECT, &KnownAccounts::new(), Some("210987654321"), &team)
            .expect("a valid account")
            .expect("a fix");
        assert!(
            fix.replacement
                .starts_with("https://signin.aws.amazon.com/switchrole?account=210987654321&"),
            "{}",
            fix.replacement
        );
        // An account whose IAM users sign in keeps its sign-in URL.
        let fix = bookmark_fix(REDIRECT, &KnownAccounts::new(), Some("777788889999"), &team)
            .expect("a valid account")
            .expect("a fix");
        assert_eq!(
            fix.replacement,
            "https://777788889999.signin.aws.amazon.com/console"
        );
    }

    #[test]
    fn identity_center_signin_page_is_left_to_the_person() {
        assert_eq!(
            fix(
                "https://us-east-1.signin.aws/platform/login?workflowStateHandle=x",
                &KnownAccounts::new(),
                Some("prod")
            ),
            None
        );
    }

    #[test]
    fn console_link_with_credentials_is_replaced_by_a_sign_in_url() {
        let fix = fix(
            "https://us-east-1.console.aws.amazon.com/ec2/home?X-Amz-Security-Token=SECRET",
            &KnownAccounts::new(),
            Some("prod"),
        )
        .expect("a fix");
        assert_eq!(
            fix.replacement,
            "https://prod.signin.aws.amazon.com/console"
        );
        assert!(fix.reason.contains("credentials"), "{}", fix.reason);
    }

    #[test]
    fn capitalised_console_service_is_lowercased_and_named() {
        let fix = fix(
            "https://myalias.signin.aws.amazon.com/console/S3/",
            &KnownAccounts::new(),
            None,
        )
        .expect("a fix");
        assert_eq!(
            fix.replacement,
            "https://myalias.signin.aws.amazon.com/console/s3"
        );
        assert!(
            fix.reason
                .contains("capital letters in the path and a trailing slash"),
            "{}",
            fix.reason
        );
    }

    #[test]
    fn invalid_chosen_account_is_an_error_naming_it() {
        let err = bookmark_fix(
            REDIRECT,
            &KnownAccounts::new(),
            Some("my_alias"),
            &no_team(),
        )
        .expect_err("rejected");
        assert_eq!(
            err.to_string(),
            "the chosen account \"my_alias\" is not valid: '_' is not allowed in an account alias \
             (only a-z, 0-9 and -)"
        );
        assert_eq!(
            bookmark_fix(REDIRECT, &KnownAccounts::new(), Some(" "), &no_team())
                .map(|f| f.is_some()),
            Ok(true)
        );
    }

    #[test]
    fn serialises_as_replacement_and_reason() {
        let fix = fix(REDIRECT, &KnownAccounts::new(), Some("prod")).expect("a fix");
        let value = serde_json::to_value(fix).expect("json");
        assert_eq!(
            value["replacement"],
            "https://prod.signin.aws.amazon.com/console"
        );
        assert!(value["reason"].is_string());
    }
}
