//! A batch of fixes the person selected in the doctor: which bookmark gets which URL and which is
//! deleted. Every choice is checked against the report, so a batch never touches a bookmark the
//! report does not list, never applies an action the report does not offer, and never deletes
//! every bookmark of a sign-in.

use super::{fix_with_team_account, no_team, Action, Finding, Report};
use crate::team::config::MergedAccounts;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// What the person selected: findings (each with its action) and duplicate groups.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    /// Selected findings.
    #[serde(default)]
    pub findings: Vec<SelectedFinding>,
    /// Selected groups of duplicates.
    #[serde(default)]
    pub duplicates: Vec<SelectedDuplicates>,
}

/// One selected finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectedFinding {
    /// The finding's bookmark id.
    pub id: String,
    /// The action chosen; none means the proposed one (the finding's first).
    #[serde(default)]
    pub action: Option<Choice>,
    /// The account picked or typed, for `choose_account`.
    #[serde(default)]
    pub account: Option<String>,
}

/// An action the person can choose for a finding (the report's `Action`, without its data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// The replacement URL the report offers.
    Replace,
    /// Delete the bookmark.
    Delete,
    /// The sign-in URL of the account in `SelectedFinding::account`.
    ChooseAccount,
}

/// A selected group of duplicates: the one to keep and those to delete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectedDuplicates {
    /// The group's sign-in URL (`DuplicateGroup::url`), which names the group.
    pub url: String,
    /// The bookmark to keep.
    pub keep: String,
    /// The bookmarks to delete.
    #[serde(default)]
    pub delete: Vec<String>,
}

/// One change of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedChange {
    /// The bookmark's id.
    pub id: String,
    /// Its new URL; `None` deletes it.
    pub new_url: Option<String>,
    /// Why: the finding's kind, or `duplicate`.
    pub reason: &'static str,
}

/// A choice that cannot be applied, with the sentence to show next to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SelectionProblem {
    /// The bookmark the problem is about (for a duplicate group: the one it names).
    pub id: String,
    /// What is wrong, in plain words.
    pub message: String,
}

/// What a selection comes to: the changes, or the problems that stop it (apply nothing then).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BatchPlan {
    /// The changes, in report order, at most one per bookmark.
    pub changes: Vec<PlannedChange>,
    /// Choices that cannot be applied; a batch is applied only when this is empty.
    pub problems: Vec<SelectionProblem>,
}

/// The reason given for deleting a duplicate.
pub const DUPLICATE: &str = "duplicate";

/// Turns a selection into changes, checked against the report.
///
/// A bookmark deleted as a duplicate is deleted even if a fix of its URL was selected too (the
/// fixed URL would duplicate the one kept); every other double choice is a problem.
pub fn plan_batch(report: &Report, selection: &Selection) -> BatchPlan {
    plan_team_batch(report, selection, &no_team())
}

/// `plan_batch`, where an account of `team` chosen for a finding gets its team link
/// (`fix_with_team_account`), as the report's own replacements do.
pub fn plan_team_batch(report: &Report, selection: &Selection, team: &MergedAccounts) -> BatchPlan {
    let findings: HashMap<&str, &Finding> = report.findings().map(|f| (f.id.as_str(), f)).collect();
    let mut problems = Vec::new();
    let mut chosen: HashMap<String, (Option<String>, &'static str)> = HashMap::new();

    let mut seen = HashSet::new();
    for selected in &selection.findings {
        let Some(finding) = findings.get(selected.id.as_str()) else {
            problems.push(problem(
                &selected.id,
                "this bookmark is not among the findings",
            ));
            continue;
        };
        if !seen.insert(selected.id.as_str()) {
            problems.push(problem(
                &selected.id,
                &format!("“{}” is selected twice", finding.title),
            ));
            continue;
        }
        match new_url(finding, selected, team) {
            Ok(url) => {
                chosen.insert(selected.id.clone(), (url, finding.kind.as_str()));
            }
            Err(message) => problems.push(problem(&selected.id, &message)),
        }
    }

    let mut kept = Vec::new();
    let mut seen_groups = HashSet::new();
    for selected in &selection.duplicates {
        let Some(group) = report.duplicates.iter().find(|g| g.url == selected.url) else {
            problems.push(problem(
                &selected.keep,
                "these bookmarks are not among the duplicates found",
            ));
            continue;
        };
        if !seen_groups.insert(group.url.as_str()) {
            problems.push(problem(
                &selected.keep,
                "this group of duplicates is selected twice",
            ));
            continue;
        }
        let member = |id: &str| group.bookmarks.iter().find(|m| m.id == id);
        let Some(keep) = member(&selected.keep) else {
            problems.push(problem(
                &selected.keep,
                "the bookmark to keep is not in its group of duplicates",
            ));
            continue;
        };
        for id in &selected.delete {
            if id == &keep.id {
                problems.push(problem(
                    id,
                    &format!("“{}” cannot be both kept and deleted", keep.title),
                ));
            } else if member(id).is_none() {
                problems.push(problem(
                    id,
                    "this bookmark is not in the group of duplicates",
                ));
            } else {
                chosen.insert(id.clone(), (None, DUPLICATE));
            }
        }
        kept.push(keep);
    }
    for keep in kept {
        if matches!(chosen.get(&keep.id), Some((None, _))) {
            problems.push(problem(
                &keep.id,
                &format!(
                    "“{}” is the bookmark kept of its duplicates: it cannot be deleted too",
                    keep.title
                ),
            ));
        }
    }

    let mut changes = Vec::new();
    let order = report.findings().map(|f| f.id.as_str()).chain(
        report
            .duplicates
            .iter()
            .flat_map(|g| g.bookmarks.iter().map(|m| m.id.as_str())),
    );
    for id in order {
        if let Some((new_url, reason)) = chosen.remove(id) {
            changes.push(PlannedChange {
                id: id.to_owned(),
                new_url,
                reason,
            });
        }
    }
    BatchPlan { changes, problems }
}

/// The URL a finding gets for the person's choice (`None`: deleted), or why it cannot.
fn new_url(
    finding: &Finding,
    selected: &SelectedFinding,
    team: &MergedAccounts,
) -> Result<Option<String>, String> {
    let choice = match selected.action {
        Some(choice) => choice,
        None => match finding.actions.first() {
            Some(Action::Replace { .. }) => Choice::Replace,
            Some(Action::Delete) => Choice::Delete,
            Some(Action::ChooseAccount) | None => Choice::ChooseAccount,
        },
    };
    let offered = finding.actions.iter().any(|action| {
        matches!(
            (choice, action),
            (Choice::Replace, Action::Replace { .. })
                | (Choice::Delete, Action::Delete)
                | (Choice::ChooseAccount, Action::ChooseAccount)
        )
    });
    if !offered {
        return Err(format!(
            "“{}”: that action is not offered for this bookmark",
            finding.title
        ));
    }
    match choice {
        Choice::Delete => Ok(None),
        Choice::Replace => Ok(finding.proposed_url().map(str::to_owned).or_else(|| {
            finding.actions.iter().find_map(|action| match action {
                Action::Replace { url } => Some(url.clone()),
                _ => None,
            })
        })),
        Choice::ChooseAccount => {
            let text = selected.account.as_deref().unwrap_or("");
            fix_with_team_account(finding, text, team)
                .map(Some)
                .map_err(|error| format!("“{}”: {error}", finding.title))
        }
    }
}

fn problem(id: &str, message: &str) -> SelectionProblem {
    SelectionProblem {
        id: id.to_owned(),
        message: message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bookmarks::doctor::{analyze, Bookmark};

    fn report(urls: &[&str]) -> Report {
        let bookmarks: Vec<Bookmark> = urls
            .iter()
            .enumerate()
            .map(|(i, url)| Bookmark {
                id: format!("b{i}"),
                url: (*url).to_owned(),
                title: format!("t{i}"),
                folder_path: vec![],
            })
            .collect();
        analyze(&bookmarks)
    }

    fn pick(id: &str) -> SelectedFinding {
        SelectedFinding {
            id: id.to_owned(),
            action: None,
            account: None,
        }
    }

    fn with(id: &str, action: Choice, account: Option<&str>) -> SelectedFinding {
        SelectedFinding {
            id: id.to_owned(),
            action: Some(action),
            account: account.map(str::to_owned),
        }
    }

    fn plan(report: &Report, findings: Vec<SelectedFinding>) -> BatchPlan {
        plan_batch(
            report,
            &Selection {
                findings,
                duplicates: vec![],
            },
        )
    }

    fn change(id: &str, url: Option<&str>, reason: &'static str) -> PlannedChange {
        PlannedChange {
            id: id.to_owned(),
            new_url: url.map(str::to_owned),
            reason,
        }
    }

    const REDIRECT: &str = "https://signin.aws.amazon.com/oauth?redirect_uri=x";
    const LOOKALIKE: &str = "https://myalias.signin.aws.amazon.com.evil.example/console";
    const TOKEN: &str = "https://signin.aws.amazon.com/federation?Action=login&SigninToken=SECRET";

    #[test]
    fn proposed_actions_become_changes_in_report_order() {
        let report = report(&[REDIRECT, "https://example.com/", LOOKALIKE, TOKEN]);
        let plan = plan(&report, vec![pick("b0"), pick("b2"), pick("b3")]);
        assert_eq!(plan.problems, []);
        assert_eq!(
            plan.changes,
            [
                change("b2", None, "lookalike"),
                change(
                    "b3",
                    Some("https://console.aws.amazon.com/"),
                    "secret_in_url"
                ),
                change(
                    "b0",
                    Some("https://console.aws.amazon.com/"),
                    "captured_redirect"
                ),
            ]
        );
    }

    #[test]
    fn a_secret_can_be_deleted_instead_of_replaced() {
        let report = report(&[TOKEN]);
        let plan = plan(&report, vec![with("b0", Choice::Delete, None)]);
        assert_eq!(plan.changes, [change("b0", None, "secret_in_url")]);
    }

    #[test]
    fn an_action_the_report_does_not_offer_is_refused() {
        let report = report(&[LOOKALIKE]);
        let plan = plan(&report, vec![with("b0", Choice::Replace, None)]);
        assert_eq!(plan.changes, []);
        assert_eq!(
            plan.problems[0].message,
            "“t0”: that action is not offered for this bookmark"
        );
    }

    #[test]
    fn bookmarks_outside_the_findings_are_never_changed() {
        let report = report(&[
            "https://example.com/",
            "https://myalias.signin.aws.amazon.com/console",
        ]);
        let plan = plan(&report, vec![pick("b0"), pick("b1"), pick("nope")]);
        assert_eq!(plan.changes, []);
        assert_eq!(plan.problems.len(), 3);
        assert!(plan
            .problems
            .iter()
            .all(|p| p.message == "this bookmark is not among the findings"));
    }

    #[test]
    fn a_typed_team_account_gets_its_team_link() {
        let report = report(&[REDIRECT]);
        let team = crate::bookmarks::doctor::team_link::tests::example_team();
        let selection = Selection {
            findings: vec![with("b0", Choice::ChooseAccount, Some("acme-data"))],
            duplicates: vec![],
        };
        assert_eq!(
            plan_team_batch(&report, &selection, &team).changes,
            [change(
                "b0",
                Some(
                    "https://signin.aws.amazon.com/switchrole?account=210987654321\
                     &roleName=analytics/DataEngineer&displayName=Data%20lake%20%2F%20Data%20engineer"
                ),
                "captured_redirect"
            )]
        );
        assert_eq!(
            plan_batch(&report, &selection).changes[0]
                .new_url
                .as_deref(),
            Some("https://acme-data.signin.aws.amazon.com/console"),
            "without the team: its sign-in URL"
        );
    }

    #[test]
    fn a_typed_account_is_validated_and_used() {
        let report = report(&[REDIRECT]);
        let good = plan(
            &report,
            vec![with("b0", Choice::ChooseAccount, Some(" MyTeam "))],
        );
        assert_eq!(
            good.changes,
            [change(
                "b0",
                Some("https://myteam.signin.aws.amazon.com/console"),
                "captured_redirect"
            )]
        );
        let bad = plan(
            &report,
            vec![with("b0", Choice::ChooseAccount, Some("12345"))],
        );
        assert_eq!(bad.changes, []);
        assert_eq!(
            bad.problems[0].message,
            "“t0”: 5 digits, an account ID has 12"
        );
        let missing = plan(&report, vec![with("b0", Choice::ChooseAccount, None)]);
        assert!(
            missing.problems[0].message.contains("no account given"),
            "{missing:?}"
        );
    }

    #[test]
    fn a_label_that_is_no_account_needs_one_chosen() {
        let report = report(&["https://my--alias.signin.aws.amazon.com/console"]);
        let plan_without = plan(&report, vec![pick("b0")]);
        assert!(plan_without.problems[0]
            .message
            .contains("no account given"));
        let plan_with = plan(
            &report,
            vec![with("b0", Choice::ChooseAccount, Some("my-alias"))],
        );
        assert_eq!(
            plan_with.changes,
            [change(
                "b0",
                Some("https://my-alias.signin.aws.amazon.com/console"),
                "invalid_account_label"
            )]
        );
    }

    #[test]
    fn the_same_bookmark_selected_twice_is_a_problem() {
        let report = report(&[REDIRECT]);
        let plan = plan(
            &report,
            vec![pick("b0"), with("b0", Choice::ChooseAccount, Some("team"))],
        );
        assert_eq!(
            plan.changes,
            [change(
                "b0",
                Some("https://console.aws.amazon.com/"),
                "captured_redirect"
            )]
        );
        assert_eq!(plan.problems[0].message, "“t0” is selected twice");
    }

    fn duplicates_report() -> Report {
        report(&[
            "http://myalias.signin.aws.amazon.com/console",
            "https://myalias.signin.aws.amazon.com/console",
            "https://MYALIAS.signin.aws.amazon.com/console/",
        ])
    }

    #[test]
    fn duplicates_are_deleted_and_win_over_a_fix_of_the_same_bookmark() {
        let report = duplicates_report();
        let group = &report.duplicates[0];
        assert_eq!(group.bookmarks.iter().filter(|m| m.keep).count(), 1);
        let selection = Selection {
            findings: report.findings().map(|f| pick(&f.id)).collect(),
            duplicates: vec![SelectedDuplicates {
                url: group.url.clone(),
                keep: "b1".to_owned(),
                delete: vec!["b0".to_owned(), "b2".to_owned()],
            }],
        };
        let plan = plan_batch(&report, &selection);
        assert_eq!(plan.problems, []);
        assert_eq!(
            plan.changes,
            [change("b0", None, DUPLICATE), change("b2", None, DUPLICATE)]
        );
    }

    #[test]
    fn the_kept_duplicate_is_never_deleted() {
        let report = duplicates_report();
        let url = report.duplicates[0].url.clone();
        let both = SelectedDuplicates {
            url: url.clone(),
            keep: "b1".to_owned(),
            delete: vec!["b1".to_owned()],
        };
        let plan = plan_batch(
            &report,
            &Selection {
                findings: vec![],
                duplicates: vec![both],
            },
        );
        assert_eq!(plan.changes, []);
        assert_eq!(
            plan.problems[0].message,
            "“t1” cannot be both kept and deleted"
        );

        let stranger = SelectedDuplicates {
            url,
            keep: "b7".to_owned(),
            delete: vec!["b0".to_owned()],
        };
        let plan = plan_batch(
            &report,
            &Selection {
                findings: vec![],
                duplicates: vec![stranger],
            },
        );
        assert_eq!(plan.changes, []);
        assert_eq!(plan.problems.len(), 1);
    }

    #[test]
    fn keeping_another_duplicate_than_proposed_is_allowed() {
        let report = duplicates_report();
        let group = SelectedDuplicates {
            url: report.duplicates[0].url.clone(),
            keep: "b2".to_owned(),
            delete: vec!["b1".to_owned()],
        };
        let plan = plan_batch(
            &report,
            &Selection {
                findings: vec![pick("b2")],
                duplicates: vec![group],
            },
        );
        assert_eq!(plan.problems, []);
        assert_eq!(
            plan.changes,
            [
                change(
                    "b2",
                    Some("https://myalias.signin.aws.amazon.com/console"),
                    "not_canonical"
                ),
                change("b1", None, DUPLICATE),
            ]
        );
    }

    #[test]
    fn selection_json_has_snake_case_names() {
        let selection: Selection = serde_json::from_str(
            r#"{"findings": [{"id": "1"}, {"id": "2", "action": "choose_account", "account": "team"}],
                "duplicates": [{"url": "u", "keep": "3", "delete": ["4"]}]}"#,
        )
        .expect("reads");
        assert_eq!(selection.findings[1].action, Some(Choice::ChooseAccount));
        assert_eq!(selection.duplicates[0].delete, ["4"]);
    }
}
