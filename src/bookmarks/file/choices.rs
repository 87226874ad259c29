//! A bookmark file fixed as the person chose, finding by finding (the web page's file doctor):
//! the choices are checked by the doctor's batch planner, as the extension's doctor checks them,
//! then written: new HREF values and deleted entries, every other byte as it was.

use super::entry::entry_bytes;
use super::error::ParseError;
use super::fix::{bookmark_of, file_escapes_ampersands, splice_edits, written_href};
use super::{analyze_file, parse, Change, Unchanged};
use crate::bookmarks::doctor::{
    plan_batch, Choice, Report, SelectedFinding, Selection, SelectionProblem,
};
use crate::url::redact::redact;
use serde::Serialize;
use std::collections::HashMap;
use std::ops::Range;

/// A bookmark deleted from the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deletion {
    /// The bookmark's index in the file, as text (its id in the report).
    pub id: String,
    /// The line of its `<A` tag.
    pub line: usize,
    /// Its title, secrets redacted.
    pub title: String,
    /// Its URL, secrets redacted.
    pub url: String,
    /// Why: the finding's kind, or `duplicate`.
    pub reason: &'static str,
    /// The bytes of the input that were its entry (see `entry_bytes`).
    pub bytes: Range<usize>,
}

/// The file with the person's choices applied, or the problems that stop them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChosenFix {
    /// The fixed file: the input with the new HREF values and without the deleted entries. Empty
    /// when `problems` is not.
    #[serde(skip)]
    pub output: Vec<u8>,
    /// The rewritten HREF values, in file order.
    pub changes: Vec<Change>,
    /// The deleted bookmarks, in file order.
    pub deleted: Vec<Deletion>,
    /// Replacements chosen that cannot be written in this file (an unquoted HREF), left as they
    /// were, with why.
    pub unchanged: Vec<Unchanged>,
    /// Choices that cannot be applied (as the doctor's batch planner finds them); when there is
    /// any, nothing is applied.
    pub problems: Vec<SelectionProblem>,
}

/// What "fix all" chooses: every finding whose proposed action is a replacement, replaced.
/// Deleting (a lookalike, a secret, a duplicate) is never among them: it is chosen one by one.
/// Applied to a file, it makes what `bookmarks fix` (every replacement, no account) writes.
pub fn fix_all_selection(report: &Report) -> Selection {
    let findings = report
        .findings()
        .filter(|finding| finding.proposed_url().is_some())
        .map(|finding| SelectedFinding {
            id: finding.id.clone(),
            action: Some(Choice::Replace),
            account: None,
        })
        .collect();
    Selection {
        findings,
        duplicates: Vec::new(),
    }
}

/// Applies `selection` (ids are the report's: bookmark indexes as text) to the file.
pub fn fix_file_as_chosen(bytes: &[u8], selection: &Selection) -> Result<ChosenFix, ParseError> {
    let file = parse(bytes)?;
    let report = analyze_file(&file);
    let plan = plan_batch(&report, selection);
    let mut fixed = ChosenFix {
        output: Vec::new(),
        changes: Vec::new(),
        deleted: Vec::new(),
        unchanged: Vec::new(),
        problems: plan.problems,
    };
    if !fixed.problems.is_empty() {
        return Ok(fixed);
    }
    let findings: HashMap<&str, _> = report.findings().map(|f| (f.id.as_str(), f)).collect();
    let escape_by_default = file_escapes_ampersands(&file);
    let mut edits: Vec<(Range<usize>, Vec<u8>)> = Vec::new();
    for planned in &plan.changes {
        let Some(bookmark) = bookmark_of(&file, &planned.id) else {
            continue;
        };
        match (&planned.new_url, findings.get(planned.id.as_str())) {
            (Some(new_url), Some(finding)) => {
                match written_href(bookmark, new_url, escape_by_default) {
                    Ok(written) => {
                        fixed.changes.push(Change {
                            id: planned.id.clone(),
                            line: bookmark.line,
                            kind: finding.kind,
                            href: bookmark.href.clone(),
                            output_href: 0..0, // set below
                            old_url: finding.url.clone(),
                            new_url: new_url.clone(),
                        });
                        edits.push((bookmark.href.clone(), written));
                    }
                    Err(reason) => fixed.unchanged.push(Unchanged {
                        id: planned.id.clone(),
                        line: Some(bookmark.line),
                        url: finding.url.clone(),
                        finding: Some(finding.kind),
                        reason,
                    }),
                }
            }
            (Some(_), None) => {} // The planner only replaces findings' URLs.
            (None, _) => {
                let range = entry_bytes(bytes, bookmark.tag.clone());
                fixed.deleted.push(Deletion {
                    id: planned.id.clone(),
                    line: bookmark.line,
                    title: redact(&bookmark.title),
                    url: redact(&bookmark.url),
                    reason: planned.reason,
                    bytes: range.clone(),
                });
                edits.push((range, Vec::new()));
            }
        }
    }
    edits.sort_by_key(|(range, _)| range.start);
    let borrowed: Vec<(Range<usize>, &[u8])> = edits
        .iter()
        .map(|(range, written)| (range.clone(), written.as_slice()))
        .collect();
    let (output, landed) = splice_edits(bytes, &borrowed);
    let landed: HashMap<usize, Range<usize>> = edits
        .iter()
        .zip(landed)
        .map(|((range, _), out)| (range.start, out))
        .collect();
    for change in &mut fixed.changes {
        change.output_href = landed.get(&change.href.start).cloned().unwrap_or(0..0);
    }
    fixed.changes.sort_by_key(|c| c.href.start);
    fixed.deleted.sort_by_key(|d| d.bytes.start);
    fixed.output = output;
    Ok(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bookmarks::doctor::SelectedDuplicates;
    use crate::bookmarks::file::{check_file, fix_file, FixPolicy};

    const FILE: &str = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n\
        <DT><A HREF=\"http://myteam.signin.aws.amazon.com/console\">Team (http)</A>\n\
        <DT><A HREF=\"https://myteam.signin.aws.amazon.com/console\">Team</A>\n\
        <DT><A HREF=\"https://signin.aws.amazon.com.evil.example/console\">Phish</A>\n\
        <DD>A description\n\
        <DT><A HREF=\"https://signin.aws.amazon.com/federation?Action=login&amp;SigninToken=SECRET\">Token</A>\n\
        <DT><A HREF=\"https://example.com/\">Other</A>\n\
        </DL><p>\n";

    fn choose(id: &str, action: Choice) -> SelectedFinding {
        SelectedFinding {
            id: id.to_owned(),
            action: Some(action),
            account: None,
        }
    }

    #[test]
    fn fix_all_writes_what_the_cli_writes_and_deletes_nothing() {
        let report = check_file(FILE.as_bytes()).expect("read").report;
        let chosen =
            fix_file_as_chosen(FILE.as_bytes(), &fix_all_selection(&report)).expect("read");
        let cli = fix_file(FILE.as_bytes(), &FixPolicy::default()).expect("read");
        assert_eq!(chosen.output, cli.output);
        assert_eq!(chosen.changes, cli.changes);
        assert_eq!(chosen.deleted, []);
        assert_eq!(chosen.changes.len(), 2, "{chosen:?}");
    }

    #[test]
    fn deletions_take_the_entry_and_its_description() {
        let selection = Selection {
            findings: vec![choose("2", Choice::Delete), choose("3", Choice::Delete)],
            duplicates: vec![SelectedDuplicates {
                url: "https://myteam.signin.aws.amazon.com/console".to_owned(),
                keep: "1".to_owned(),
                delete: vec!["0".to_owned()],
            }],
        };
        let fixed = fix_file_as_chosen(FILE.as_bytes(), &selection).expect("read");
        assert_eq!(fixed.problems, []);
        assert_eq!(
            String::from_utf8(fixed.output).expect("text"),
            "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n\
            <DT><A HREF=\"https://myteam.signin.aws.amazon.com/console\">Team</A>\n\
            <DT><A HREF=\"https://example.com/\">Other</A>\n\
            </DL><p>\n"
        );
        let reasons: Vec<_> = fixed
            .deleted
            .iter()
            .map(|d| (d.id.as_str(), d.reason))
            .collect();
        assert_eq!(
            reasons,
            [
                ("0", "duplicate"),
                ("2", "lookalike"),
                ("3", "secret_in_url")
            ]
        );
        assert!(fixed.deleted.iter().all(|d| !d.url.contains("SECRET")));
    }

    #[test]
    fn a_choice_the_doctor_does_not_offer_changes_nothing() {
        let selection = Selection {
            findings: vec![choose("2", Choice::Replace), choose("3", Choice::Delete)],
            duplicates: vec![],
        };
        let fixed = fix_file_as_chosen(FILE.as_bytes(), &selection).expect("read");
        assert_eq!(fixed.problems.len(), 1);
        assert_eq!(fixed.problems[0].id, "2");
        assert!(fixed.output.is_empty() && fixed.deleted.is_empty());
    }
}
