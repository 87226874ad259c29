//! The bookmark doctor: finds AWS bookmarks that break, leak a secret or imitate AWS, and says
//! what to do with each. Shared by the extension's doctor page and the CLI's bookmark commands.
//!
//! One pass, one `classify` per bookmark; fine bookmarks are counted, non-AWS ones only counted.

mod account_choices;
mod batch;
mod export;
mod read_back;
mod replacement;
mod report;
pub(crate) mod team_link;
mod undo;
mod words;

pub use account_choices::{account_choices, AccountChoice};
pub use batch::{
    plan_batch, plan_team_batch, BatchPlan, Choice, PlannedChange, SelectedDuplicates,
    SelectedFinding, Selection, SelectionProblem,
};
pub use export::{export_findings, ExportFormat, CSV_COLUMNS, FOLDER_SEPARATOR};
pub use replacement::stable_console_url;
pub use report::{
    Action, DuplicateGroup, DuplicateMember, Finding, FindingGroup, FindingKind, Report,
};
pub use team_link::{no_team, team_link, TeamLink};
pub use undo::{
    journal_record, plan_undo, CurrentBookmark, JournalEntry, JournalRecord, KeptSecret,
    SkipReason, Skipped, UndoPlan, UndoStep,
};
pub use words::{doctor_words, duplicates_words, group_words, DoctorWords, GroupWords, Surface};

use crate::aws::account::{Account, AccountError};
use crate::aws::partition::Partition;
use crate::team::config::MergedAccounts;
use crate::url::classify::classify;
use crate::url::links;
use crate::url::plain_url::{self, UrlParts};
use crate::url::redact::{holds_credential, redact};
use crate::url::verdict::{Kind, Verdict, WarningCode};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;

/// A bookmark as the browser (or a file) has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// The browser's id for it, carried through to findings.
    pub id: String,
    /// Its URL, as stored.
    pub url: String,
    /// Its title.
    pub title: String,
    /// The names of the folders it is in, from the top.
    #[serde(default)]
    pub folder_path: Vec<String>,
}

/// Looks at every bookmark once and reports what needs attention.
pub fn analyze(bookmarks: &[Bookmark]) -> Report {
    analyze_for_team(bookmarks, &no_team())
}

/// `analyze`, where a captured sign-in page of one of `team`'s accounts is replaced by the
/// account's team link (`team_link`).
pub fn analyze_for_team(bookmarks: &[Bookmark], team: &MergedAccounts) -> Report {
    let views = bookmarks.iter().map(|b| BookmarkView {
        id: Cow::Borrowed(&b.id),
        url: &b.url,
        title: &b.title,
        line: None,
    });
    analyze_views(views, |index| bookmarks[index].folder_path.clone(), team)
}

/// The sign-in URL of an account the person picked or typed for a finding, in the finding's
/// partition (`aws` when unknown): for "choose account" and for redirects with no account.
pub fn fix_with_account(finding: &Finding, account_text: &str) -> Result<String, AccountError> {
    fix_with_team_account(finding, account_text, &no_team())
}

/// `fix_with_account`, where an account of `team` reached through a portal or by role gets its
/// team link.
pub fn fix_with_team_account(
    finding: &Finding,
    account_text: &str,
    team: &MergedAccounts,
) -> Result<String, AccountError> {
    let account = Account::parse(account_text)?;
    if let Some(link) = team_link(team, &account) {
        return Ok(link.link.url);
    }
    Ok(links::canonical_url(
        &account,
        finding.partition.unwrap_or(Partition::Aws),
    ))
}

/// What the doctor needs of one bookmark; folder paths are asked for only when listed.
pub(crate) struct BookmarkView<'a> {
    pub(crate) id: Cow<'a, str>,
    pub(crate) url: &'a str,
    pub(crate) title: &'a str,
    pub(crate) line: Option<usize>,
}

/// The doctor's pass over bookmarks; `folder_path_of(i)` gives the path of the i-th one.
pub(crate) fn analyze_views<'a>(
    views: impl Iterator<Item = BookmarkView<'a>>,
    folder_path_of: impl Fn(usize) -> Vec<String>,
    team: &MergedAccounts,
) -> Report {
    let mut report = Report {
        total: 0,
        fine: 0,
        not_aws: 0,
        needs_attention: 0,
        groups: Vec::new(),
        duplicates: Vec::new(),
    };
    let mut by_kind: HashMap<FindingKind, Vec<Finding>> = HashMap::new();
    // Account sign-in URL (normalised) → bookmarks that lead to it, in order.
    let mut sign_ins: HashMap<String, (Account, Vec<(usize, DuplicateMember)>)> = HashMap::new();
    let mut sign_in_order: Vec<String> = Vec::new();

    for (index, view) in views.enumerate() {
        report.total += 1;
        let verdict = classify(view.url);
        if verdict.kind == Kind::Unrelated {
            report.not_aws += 1;
            continue;
        }
        let diagnosis = diagnose(&verdict, view.url, team);
        if let (Some(key), Some(account)) = (&diagnosis.sign_in_key, &verdict.account) {
            let entry = sign_ins.entry(key.clone()).or_insert_with(|| {
                sign_in_order.push(key.clone());
                (account.clone(), Vec::new())
            });
            let member = DuplicateMember {
                id: view.id.to_string(),
                title: redact(view.title),
                folder_path: Vec::new(), // filled in below, only for real duplicates
                url: verdict.input.clone(),
                line: view.line,
                keep: false,
            };
            entry.1.push((index, member));
        }
        let Some((kind, message, actions)) = diagnosis.finding else {
            report.fine += 1;
            continue;
        };
        report.needs_attention += 1;
        by_kind.entry(kind).or_default().push(Finding {
            id: view.id.into_owned(),
            kind,
            // A title is often the URL itself (a page saved without one): redacted alike.
            title: redact(view.title),
            folder_path: folder_path_of(index),
            url: verdict.input,
            url_kind: verdict.kind,
            partition: verdict.partition,
            account: verdict.account,
            region: verdict.region,
            message,
            actions,
            line: view.line,
        });
    }

    for kind in FindingKind::ALL {
        if let Some(findings) = by_kind.remove(&kind) {
            report.groups.push(FindingGroup { kind, findings });
        }
    }
    report.duplicates = duplicate_groups(sign_in_order, sign_ins, folder_path_of);
    report
}

/// What is wrong with one AWS bookmark, and the sign-in it leads to (for duplicates).
/// The one decision about a bookmark: the extension's single-bookmark fix follows it too.
pub(crate) struct Diagnosis {
    /// Why it needs attention, the message, and what can be done; `None` when it is fine.
    pub(crate) finding: Option<(FindingKind, String, Vec<Action>)>,
    sign_in_key: Option<String>,
}

/// Diagnoses the bookmarked `url` from its verdict; a sign-in page of one of `team`'s accounts
/// reached through a portal or by role is replaced by its team link.
pub(crate) fn diagnose(verdict: &Verdict, url: &str, team: &MergedAccounts) -> Diagnosis {
    let warning = |code: WarningCode| {
        verdict
            .warnings
            .iter()
            .find(|w| w.code == code)
            .map(|w| w.message.clone())
    };
    let mut diagnosis = Diagnosis {
        finding: None,
        sign_in_key: None,
    };
    // A redacted OAuth `state` alone (a captured sign-in page's return address) grants nothing.
    let has_secret =
        verdict.kind == Kind::FederationToken || (verdict.input != url && holds_credential(url));
    diagnosis.finding = if verdict.kind == Kind::Lookalike {
        let message = warning(WarningCode::Lookalike)
            .unwrap_or_else(|| "This host imitates AWS: possible phishing".to_owned());
        Some((FindingKind::Lookalike, message, vec![Action::Delete]))
    } else if has_secret {
        let message = warning(WarningCode::FederationToken).unwrap_or_else(|| {
            "This URL carries credentials or a signature: it is a secret and must not be bookmarked"
                .to_owned()
        });
        let (url, message) = flow_replacement(verdict, team, message);
        let actions = vec![Action::Replace { url }, Action::Delete];
        Some((FindingKind::SecretInUrl, message, actions))
    } else if verdict.kind == Kind::SigninRedirect {
        Some(captured_redirect(
            verdict,
            url,
            warning(WarningCode::CapturedRedirect),
            team,
        ))
    } else if let Some(message) = warning(WarningCode::MultiSession) {
        let url = stable_console_url(url).unwrap_or_else(|| replacement::signin_url(verdict));
        Some((
            FindingKind::MultiSession,
            message,
            vec![Action::Replace { url }],
        ))
    } else if verdict.kind == Kind::AccountSignin {
        if let Some(message) = warning(WarningCode::NotCanonical) {
            replacement::canonical_account_url(verdict, url).map(|canonical| {
                // Duplicates are told by the sign-in they lead to, whatever replaces them.
                diagnosis.sign_in_key = Some(canonical.clone());
                let (url, message) = match team_account_link(verdict, team) {
                    Some(link) => (link.link.url.clone(), with_team_link(message, &link)),
                    None => (canonical, message),
                };
                (
                    FindingKind::NotCanonical,
                    message,
                    vec![Action::Replace { url }],
                )
            })
        } else {
            warning(WarningCode::InvalidAccountLabel).map(|message| {
                (
                    FindingKind::InvalidAccountLabel,
                    message,
                    vec![Action::ChooseAccount, Action::Delete],
                )
            })
        }
    } else {
        None
    };
    if verdict.kind == Kind::AccountSignin {
        diagnosis.sign_in_key = match &diagnosis.finding {
            Some((FindingKind::NotCanonical, _, _)) => diagnosis.sign_in_key.take(),
            None => Some(url.trim().to_owned()),
            Some(_) => None,
        };
    }
    diagnosis
}

/// A captured sign-in page: replace it by the account's URL, or the general sign-in URL.
/// IAM Identity Center's own sign-in pages (`REGION.signin.aws`) belong to an access portal,
/// whose URL the page does not name: those can only be deleted or replaced by hand.
fn captured_redirect(
    verdict: &Verdict,
    url: &str,
    message: Option<String>,
    team: &MergedAccounts,
) -> (FindingKind, String, Vec<Action>) {
    let message =
        message.unwrap_or_else(|| "A page of the sign-in flow, captured by accident".to_owned());
    let identity_center = plain_url::read(url.trim())
        .and_then(|u| {
            u.host_str()
                .map(|h| h.trim_end_matches('.').ends_with(".signin.aws"))
        })
        .unwrap_or(false);
    if identity_center {
        let message = format!(
            "{message}; it is an IAM Identity Center sign-in page: bookmark your access portal URL instead"
        );
        return (FindingKind::CapturedRedirect, message, vec![Action::Delete]);
    }
    let (url, message) = flow_replacement(verdict, team, message);
    let mut actions = vec![Action::Replace { url }];
    if verdict.account.is_none() {
        actions.push(Action::ChooseAccount);
    }
    (FindingKind::CapturedRedirect, message, actions)
}

/// What replaces a page of the sign-in flow, and the finding's message saying so: the team link
/// of the account it names, where the team has one, else the account's sign-in URL (or the
/// general one).
fn flow_replacement(verdict: &Verdict, team: &MergedAccounts, message: String) -> (String, String) {
    match team_account_link(verdict, team) {
        Some(link) => {
            let message = with_team_link(message, &link);
            (link.link.url, message)
        }
        None => (replacement::signin_url(verdict), message),
    }
}

/// The team link of the account the URL names, where the team has one.
fn team_account_link(verdict: &Verdict, team: &MergedAccounts) -> Option<TeamLink> {
    verdict.account.as_ref().and_then(|a| team_link(team, a))
}

/// A finding's message, saying that the team link replaces the bookmark.
fn with_team_link(message: String, link: &TeamLink) -> String {
    format!("{message}; {}, replaces it", link.words())
}

/// Sign-ins reached by more than one bookmark; the one already in canonical form (else the
/// first) is proposed to keep.
fn duplicate_groups(
    order: Vec<String>,
    mut sign_ins: HashMap<String, (Account, Vec<(usize, DuplicateMember)>)>,
    folder_path_of: impl Fn(usize) -> Vec<String>,
) -> Vec<DuplicateGroup> {
    let mut groups = Vec::new();
    for url in order {
        let Some((account, members)) = sign_ins.remove(&url) else {
            continue;
        };
        if members.len() < 2 {
            continue;
        }
        let keep = members.iter().position(|(_, m)| m.url == url).unwrap_or(0);
        let bookmarks = members
            .into_iter()
            .enumerate()
            .map(|(i, (index, member))| DuplicateMember {
                folder_path: folder_path_of(index),
                keep: i == keep,
                ..member
            })
            .collect();
        groups.push(DuplicateGroup {
            url,
            account,
            bookmarks,
        });
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bookmark(id: &str, url: &str) -> Bookmark {
        Bookmark {
            id: id.to_owned(),
            url: url.to_owned(),
            title: format!("title {id}"),
            folder_path: vec!["AWS".to_owned()],
        }
    }

    fn only_finding(url: &str) -> Finding {
        let report = analyze(&[bookmark("1", url)]);
        let findings: Vec<_> = report.findings().cloned().collect();
        assert_eq!(findings.len(), 1, "{report:?}");
        findings.into_iter().next().expect("one finding")
    }

    #[test]
    fn redirect_bookmark_is_replaced_by_the_general_signin_url() {
        let finding =
            only_finding("https://signin.aws.amazon.com/oauth?redirect_uri=x&client_id=y");
        assert_eq!(finding.kind, FindingKind::CapturedRedirect);
        assert_eq!(
            finding.proposed_url(),
            Some("https://console.aws.amazon.com/")
        );
        assert_eq!(finding.actions[1], Action::ChooseAccount);
        assert_eq!(finding.folder_path, ["AWS"]);
    }

    #[test]
    fn china_redirect_gets_the_china_signin_url() {
        let finding = only_finding("https://signin.amazonaws.cn/signin?redirect_uri=x");
        assert_eq!(
            finding.proposed_url(),
            Some("https://console.amazonaws.cn/")
        );
    }

    #[test]
    fn identity_center_signin_page_can_only_be_deleted() {
        let finding =
            only_finding("https://us-east-1.signin.aws/platform/login?workflowStateHandle=x");
        assert_eq!(finding.kind, FindingKind::CapturedRedirect);
        assert_eq!(finding.actions, [Action::Delete]);
    }

    #[test]
    fn federation_token_on_an_account_host_is_replaced_by_the_accounts_url() {
        let finding = only_finding(
            "https://123456789012.signin.aws.amazon.com/federation?Action=login&SigninToken=TOPSECRET",
        );
        assert_eq!(finding.kind, FindingKind::SecretInUrl);
        assert_eq!(
            finding.proposed_url(),
            Some("https://123456789012.signin.aws.amazon.com/console")
        );
        assert_eq!(finding.actions[1], Action::Delete);
        assert!(!format!("{finding:?}").contains("TOPSECRET"));
    }

    #[test]
    fn credentials_in_a_console_link_are_a_secret() {
        let finding = only_finding(
            "https://us-east-1.console.aws.amazon.com/s3/?X-Amz-Security-Token=TOPSECRET&a=1",
        );
        assert_eq!(finding.kind, FindingKind::SecretInUrl);
        assert!(!finding.url.contains("TOPSECRET"));
    }

    #[test]
    fn multi_session_link_is_replaced_by_the_stable_console_url() {
        let finding = only_finding(
            "https://123456789012-abcd1234.eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1",
        );
        assert_eq!(finding.kind, FindingKind::MultiSession);
        assert_eq!(
            finding.proposed_url(),
            Some("https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1")
        );
    }

    #[test]
    fn http_account_url_is_normalised_and_keeps_its_region_pin() {
        let finding =
            only_finding("http://MyAlias.signin.aws.amazon.com/console/?region=us-west-2");
        assert_eq!(finding.kind, FindingKind::NotCanonical);
        assert_eq!(
            finding.proposed_url(),
            Some("https://myalias.signin.aws.amazon.com/console?region=us-west-2")
        );
    }

    #[test]
    fn lookalike_is_offered_for_deletion_only() {
        let finding = only_finding("https://myalias.signin.aws.amazon.com.evil.example/console");
        assert_eq!(finding.kind, FindingKind::Lookalike);
        assert_eq!(finding.actions, [Action::Delete]);
    }

    #[test]
    fn invalid_account_label_asks_for_an_account() {
        let finding = only_finding("https://my--alias.signin.aws.amazon.com/console");
        assert_eq!(finding.kind, FindingKind::InvalidAccountLabel);
        assert_eq!(finding.actions, [Action::ChooseAccount, Action::Delete]);
    }

    #[test]
    fn fine_and_unrelated_bookmarks_are_only_counted() {
        let report = analyze(&[
            bookmark("1", "https://myalias.signin.aws.amazon.com/console"),
            bookmark(
                "2",
                "https://signin.aws.amazon.com/switchrole?account=123456789012&roleName=Admin",
            ),
            bookmark("3", "https://d-1234567890.awsapps.com/start"),
            bookmark("4", "https://example.com/"),
            bookmark("5", "not a url"),
        ]);
        assert_eq!(
            (
                report.total,
                report.fine,
                report.not_aws,
                report.needs_attention
            ),
            (5, 3, 2, 0)
        );
        assert!(report.is_clean());
    }

    #[test]
    fn several_bookmarks_of_one_account_signin_are_grouped() {
        let report = analyze(&[
            bookmark("a", "http://myalias.signin.aws.amazon.com/console"),
            bookmark("b", "https://myalias.signin.aws.amazon.com/console"),
            bookmark(
                "c",
                "https://myalias.signin.aws.amazon.com/console?region=us-east-2",
            ),
            bookmark("d", "https://MYALIAS.signin.aws.amazon.com/console/"),
        ]);
        assert_eq!(report.duplicates.len(), 1);
        let group = &report.duplicates[0];
        assert_eq!(group.url, "https://myalias.signin.aws.amazon.com/console");
        let members: Vec<(&str, bool)> = group
            .bookmarks
            .iter()
            .map(|m| (m.id.as_str(), m.keep))
            .collect();
        assert_eq!(members, [("a", false), ("b", true), ("d", false)]);
        assert_eq!(group.bookmarks[0].folder_path, ["AWS"]);
    }

    #[test]
    fn chosen_account_is_validated_as_typed() {
        let finding = only_finding("https://signin.aws.amazon.com/oauth?x=1");
        assert_eq!(
            fix_with_account(&finding, " MyAlias ").as_deref(),
            Ok("https://myalias.signin.aws.amazon.com/console")
        );
        assert_eq!(
            fix_with_account(&finding, "my--alias").map_err(|e| e.to_string()),
            Err("an account alias cannot have two hyphens in a row".to_owned())
        );
    }

    #[test]
    fn report_json_has_stable_snake_case_names() {
        let report = analyze(&[bookmark("1", "https://signin.aws.amazon.com/oauth?x=1")]);
        let json = serde_json::to_value(&report).expect("serialisable");
        let mut keys: Vec<&str> = json
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "duplicates",
                "fine",
                "groups",
                "needs_attention",
                "not_aws",
                "total"
            ]
        );
        let finding = &json["groups"][0]["findings"][0];
        assert_eq!(json["groups"][0]["kind"], "captured_redirect");
        assert_eq!(finding["url_kind"], "signin_redirect");
        assert_eq!(finding["actions"][0]["action"], "replace");
        assert_eq!(finding["actions"][1]["action"], "choose_account");
    }
}
