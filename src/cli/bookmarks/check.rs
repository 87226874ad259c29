//! `signin-guard bookmarks check`: the doctor's report on a bookmark file, as text or JSON.

use super::super::failure::Failure;
use super::super::shown::Shown;
use super::{
    action_in_words, folder_path, kind_in_words, not_a_bookmark_file, plural, read, write_notes,
};
use signin_guard::bookmarks::doctor::{DuplicateGroup, FindingGroup, Report};
use signin_guard::bookmarks::file::FileCheck;
use signin_guard::{check_file, redact};
use std::io::{self, Write};
use std::path::PathBuf;

pub const AFTER_HELP: &str = "\
Input:
  FILE is a bookmark export in Netscape bookmark HTML (any browser's \"Export bookmarks\"). It is
  only read. Bookmarks that are not AWS sign-in or console URLs are counted, never listed.

Text output:
  The counts: bookmarks in the file, AWS ones that are fine, ones that are not AWS, and ones that
  need attention. Then a section per kind of finding (lookalike host, secret in the URL,
  captured sign-in page, multi-session console link, account URL not in canonical form, host
  without a valid account) and one for bookmarks that sign in to the same account the same way.
  Each bookmark shows its title, folder path (Bookmarks bar › AWS › Prod), line in the file, URL
  with secrets redacted, what is wrong, and the proposed action (replace with a URL, delete, or
  choose an account), then the alternatives. Last, the markup the reader tolerated (an <A>
  without HREF, an unclosed tag). Control and bidirectional-formatting characters are shown
  escaped (\\u{1b}).

JSON output (--json):
  One object, with exactly these fields:
    report.total, report.fine, report.not_aws, report.needs_attention    numbers
    report.groups      array of {kind, findings}, kind one of lookalike, secret_in_url,
                       captured_redirect, multi_session, not_canonical, invalid_account_label
      a finding        {id, kind, title, folder_path, url, url_kind, partition, account, region,
                       message, actions, line}: id is the bookmark's index in the file (text),
                       url is redacted, folder_path an array of folder names from the top,
                       actions proposed first: {\"action\": \"replace\", \"url\": string},
                       {\"action\": \"delete\"} or {\"action\": \"choose_account\"}
    report.duplicates  array of {url, account, bookmarks}; each bookmark {id, title,
                       folder_path, url, line, keep}, exactly one with keep true
    notes              array of {at: {line, column}, message}: tolerated markup

Secrets (the values of SigninToken, Session, X-Amz-Signature, X-Amz-Credential and
X-Amz-Security-Token, also inside encoded URLs) are never printed.

Exit status: 0 when the file was read, whatever it holds (the output is a report); 1 if it
cannot be read; 2 if it is not a bookmark file (the reason names the line and column) or on a
usage error.

Examples:
  signin-guard bookmarks check bookmarks.html
  signin-guard bookmarks check --json bookmarks.html | jq .report.needs_attention
  signin-guard bookmarks check --json bookmarks.html \\
    | jq -r '.report.groups[] | .kind as $k | .findings[] | \"\\(.line)\\t\\($k)\\t\\(.title)\"'";

/// Arguments of `bookmarks check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print the report as one JSON object instead of text
    #[arg(long)]
    json: bool,

    /// The bookmark file (Netscape bookmark HTML, as browsers export it)
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

/// Reads the file and prints the doctor's report.
pub fn run(args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let bytes = read(&args.file)?;
    let check = check_file(&bytes).map_err(|error| not_a_bookmark_file(&args.file, &error))?;
    let written = if args.json {
        write_json(out, &check)
    } else {
        write_text(out, &args.file.display().to_string(), &check)
    };
    written.map_err(Failure::Write)
}

/// The `FileCheck` as one JSON document and a line end.
fn write_json(out: &mut impl Write, check: &FileCheck) -> io::Result<()> {
    serde_json::to_writer(&mut *out, check)?;
    out.write_all(b"\n")
}

/// The counts, a section per group of findings, the duplicates and the tolerated markup.
fn write_text(out: &mut impl Write, name: &str, check: &FileCheck) -> io::Result<()> {
    let report = &check.report;
    write_counts(out, name, report)?;
    for group in &report.groups {
        write_group(out, group)?;
    }
    if !report.duplicates.is_empty() {
        writeln!(
            out,
            "\nSeveral bookmarks for the same account sign-in: keep one ({} {})",
            report.duplicates.len(),
            plural(report.duplicates.len(), "sign-in", "sign-ins")
        )?;
        for group in &report.duplicates {
            write_duplicates(out, group)?;
        }
    }
    write_notes(out, &check.notes)
}

fn write_counts(out: &mut impl Write, name: &str, report: &Report) -> io::Result<()> {
    writeln!(
        out,
        "{}: {} {}",
        Shown(name),
        report.total,
        plural(report.total, "bookmark", "bookmarks")
    )?;
    count(out, "fine", &report.fine.to_string())?;
    count(out, "not AWS", &report.not_aws.to_string())?;
    count(out, "need attention", &report.needs_attention.to_string())?;
    if !report.duplicates.is_empty() {
        let members: usize = report.duplicates.iter().map(|g| g.bookmarks.len()).sum();
        let groups = report.duplicates.len();
        let value = format!(
            "{members} bookmarks for {groups} {}",
            plural(groups, "sign-in", "sign-ins")
        );
        count(out, "duplicates", &value)?;
    }
    if report.is_clean() {
        writeln!(out, "\nNothing needs attention.")?;
    }
    Ok(())
}

fn write_group(out: &mut impl Write, group: &FindingGroup) -> io::Result<()> {
    writeln!(
        out,
        "\n{} ({})",
        kind_in_words(group.kind),
        group.findings.len()
    )?;
    for finding in &group.findings {
        writeln!(out, "  {}", Shown(&redact(&finding.title)))?;
        let indent = "    ";
        bookmark_fields(
            out,
            indent,
            &finding.folder_path,
            finding.line,
            &finding.url,
        )?;
        field(out, indent, "problem", &finding.message)?;
        let mut actions = finding.actions.iter();
        if let Some(action) = actions.next() {
            field(
                out,
                indent,
                "proposed",
                &action_in_words(action, finding.kind),
            )?;
        }
        for action in actions {
            field(out, indent, "or", &action_in_words(action, finding.kind))?;
        }
    }
    Ok(())
}

fn write_duplicates(out: &mut impl Write, group: &DuplicateGroup) -> io::Result<()> {
    writeln!(
        out,
        "  {} (account {})",
        Shown(&group.url),
        Shown(group.account.as_str())
    )?;
    for member in &group.bookmarks {
        writeln!(out, "    {}", Shown(&redact(&member.title)))?;
        let indent = "      ";
        bookmark_fields(out, indent, &member.folder_path, member.line, &member.url)?;
        let action = if member.keep {
            "keep this one"
        } else {
            "delete (by hand, in the browser), or keep this one instead"
        };
        field(out, indent, "proposed", action)?;
    }
    Ok(())
}

/// Folder path, line and URL (already redacted) of a listed bookmark.
fn bookmark_fields(
    out: &mut impl Write,
    indent: &str,
    path: &[String],
    line: Option<usize>,
    url: &str,
) -> io::Result<()> {
    field(out, indent, "folder", &redact(&folder_path(path)))?;
    if let Some(line) = line {
        field(out, indent, "line", &line.to_string())?;
    }
    field(out, indent, "url", url)
}

/// `  label:          value`, a count of the summary, values aligned.
fn count(out: &mut impl Write, label: &str, value: &str) -> io::Result<()> {
    writeln!(out, "  {:<16}{value}", format!("{label}:"))
}

/// `label:    value` after the indent, values aligned.
fn field(out: &mut impl Write, indent: &str, label: &str, value: &str) -> io::Result<()> {
    writeln!(out, "{indent}{:<10}{}", format!("{label}:"), Shown(value))
}
