//! `signin-guard bookmarks`: the bookmark doctor on exported bookmark files (Netscape bookmark
//! HTML, as every browser exports them). `check` reports; `fix` rewrites the HREF values it can
//! fix and no other byte.

mod check;
mod fix;

use super::failure::Failure;
use signin_guard::bookmarks::doctor::{Action, FindingKind};
use signin_guard::bookmarks::file::Note;
use signin_guard::ParseError;
use std::io::{self, Write};
use std::path::Path;

pub const AFTER_HELP: &str = "\
FILE is a bookmark export in Netscape bookmark HTML, as every browser writes it (Chrome, Edge:
Bookmarks › Export bookmarks; Firefox: Bookmarks › Manage bookmarks › Import and Backup › Export
Bookmarks to HTML). `check` only reads it; `fix` changes the HREF values it can fix and no other
byte, and writes over FILE only with --in-place, after keeping a backup.

Examples:
  signin-guard bookmarks check bookmarks.html
  signin-guard bookmarks check --json bookmarks.html | jq .report.needs_attention
  signin-guard bookmarks fix bookmarks.html -o bookmarks-fixed.html
  signin-guard bookmarks fix bookmarks.html --in-place --dry-run";

/// Arguments of `bookmarks`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Reports the AWS bookmarks of a bookmark file that need attention, and what to do
    #[command(after_help = check::AFTER_HELP)]
    Check(check::Args),
    /// Writes the bookmark file with its fixable AWS bookmarks fixed and every other byte kept
    #[command(after_help = fix::AFTER_HELP)]
    Fix(fix::Args),
}

/// Runs `bookmarks check` or `bookmarks fix`.
pub fn run(args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    match &args.command {
        Command::Check(args) => check::run(args, out),
        Command::Fix(args) => fix::run(args, out),
    }
}

/// The bytes of the file, or the system's reason it cannot be read (exit status 1).
fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|error| Failure::File {
        path: path.to_owned(),
        doing: "cannot read",
        error,
    })
}

/// A file that is not a bookmark file: exit status 2, naming the file before the reason (which
/// names the line and column).
fn not_a_bookmark_file(path: &Path, error: &ParseError) -> Failure {
    Failure::Usage(format!("{}: {error}", path.display()))
}

/// `one` for a count of 1, else `many`.
fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 {
        one
    } else {
        many
    }
}

/// `Bookmarks bar › AWS › Prod`, or `(top level)`.
fn folder_path(path: &[String]) -> String {
    if path.is_empty() {
        "(top level)".to_owned()
    } else {
        path.join(" › ")
    }
}

/// The kind of a finding in words, as a section heading: the web page's file doctor's.
fn kind_in_words(kind: FindingKind) -> &'static str {
    signin_guard::bookmarks::doctor::group_words(
        kind,
        signin_guard::bookmarks::doctor::Surface::File,
    )
    .title
}

/// An action in words; `kind` says how an account can be chosen for it.
fn action_in_words(action: &Action, kind: FindingKind) -> String {
    match action {
        Action::Replace { url } => format!("replace with {url}"),
        Action::Delete => "delete (by hand, in the browser)".to_owned(),
        Action::ChooseAccount => match kind {
            FindingKind::CapturedRedirect | FindingKind::SecretInUrl => {
                "replace with your account's sign-in URL (bookmarks fix --account ACCOUNT)"
                    .to_owned()
            }
            _ => "replace with your account's sign-in URL (signin-guard link ACCOUNT)".to_owned(),
        },
    }
}

/// The markup the reader tolerated, under a heading; nothing when there is none.
fn write_notes(out: &mut impl Write, notes: &[Note]) -> io::Result<()> {
    if notes.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nTolerated markup ({}):", notes.len())?;
    for note in notes {
        writeln!(out, "  {}", super::shown::Shown(&note.to_string()))?;
    }
    Ok(())
}
