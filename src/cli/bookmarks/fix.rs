//! `signin-guard bookmarks fix`: rewrites the HREF values of fixable AWS bookmarks, writes the
//! result to a new file or (with a backup) over the input, and lists what is left to do by hand.

use super::super::failure::Failure;
use super::super::shown::Shown;
use super::save::{self, NewPermissions};
use super::{not_a_bookmark_file, plural, read, write_notes};
use signin_guard::bookmarks::file::{FixResult, Unchanged};
use signin_guard::{fix_file, Account, FixPolicy, LinkError};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub const AFTER_HELP: &str = "\
What changes:
  Only the HREF values of the bookmarks the doctor can fix: captured sign-in pages and URLs that
  carry a secret (replaced by the account's sign-in URL, or where the URL names no account the
  general sign-in URL, or --account's), multi-session console links (by the stable console URL)
  and account sign-in URLs not in canonical form. Every other byte stays as it was: titles,
  folders, order, dates, icons, line ends. A new value is quoted and escaped as the old one was.
  Lookalike hosts, IAM Identity Center sign-in pages, hosts without a valid account and several
  bookmarks for one sign-in cannot be fixed by rewriting an HREF: they are listed, with what to
  do by hand. `signin-guard bookmarks check FILE` shows every finding first.

Where it writes:
  -o OUT writes the fixed file to OUT, also when nothing changed (then an identical copy), but
  never over FILE itself, whatever the path that names it. --in-place first copies FILE to
  FILE.bak (FILE.bak.1, FILE.bak.2, … when that exists: a backup is never overwritten), then
  replaces FILE; when nothing changes it writes nothing, not even a backup. A file is written
  whole or not at all: to a temporary file in the same folder, then renamed into place.
  --dry-run writes nothing. To use the fixed file, import it into the browser in place of the
  bookmarks it came from (an import adds to the bookmarks already there).

Output:
  One line per change, `line N: OLD → NEW`, OLD with secrets redacted; then the bookmarks left to
  fix by hand (to delete, to give an account, duplicates to remove), each with why; then what was
  written.

Exit status: 0 when the file was fixed or nothing needed fixing; 1 if FILE cannot be read or OUT
or the backup cannot be written; 2 if FILE is not a bookmark file (the reason names the line
and column), if OUT is FILE, if ACCOUNT is not valid, or on a usage error.

Examples:
  signin-guard bookmarks fix bookmarks.html -o bookmarks-fixed.html
  signin-guard bookmarks fix bookmarks.html -o bookmarks-fixed.html --dry-run
  signin-guard bookmarks fix bookmarks.html --in-place
  signin-guard bookmarks fix bookmarks.html --in-place --account 123456789012";

/// Arguments of `bookmarks fix`.
#[derive(Debug, clap::Args)]
#[command(group(
    clap::ArgGroup::new("destination")
        .required(true)
        .args(["output", "in_place"])
))]
pub struct Args {
    /// The bookmark file to fix (Netscape bookmark HTML, as browsers export it)
    #[arg(value_name = "FILE")]
    file: PathBuf,

    /// Write the fixed file to OUT (never FILE itself: see --in-place)
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,

    /// Replace FILE with the fixed file, after copying it to FILE.bak
    #[arg(long)]
    in_place: bool,

    /// Show what would change, and write nothing
    #[arg(long)]
    dry_run: bool,

    /// Where a captured sign-in page or secret URL names no account, use ACCOUNT's sign-in URL
    #[arg(long, value_name = "ACCOUNT")]
    account: Option<String>,
}

/// Where the fixed file goes.
enum Destination {
    /// `-o OUT`: `named` as given, written at `path` (where a symbolic link leads).
    Output { named: PathBuf, path: PathBuf },
    /// `--in-place`: over the input at `path` (where a symbolic link leads).
    InPlace { path: PathBuf },
}

/// What was (or, in a dry run, would be) written.
enum Written {
    /// `-o`: the fixed file, or an identical copy, at OUT as given.
    Output { named: PathBuf },
    /// `--in-place`: the backup, then the fixed file over the input.
    Replaced { backup: PathBuf },
    /// `--in-place` with nothing to change: nothing at all.
    Nothing,
}

/// Fixes the file, writes the result unless it is a dry run, and reports.
pub fn run(args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let policy = policy(args.account.as_deref())?;
    let bytes = read(&args.file)?;
    let destination = destination(args)?;
    let fixed =
        fix_file(&bytes, &policy).map_err(|error| not_a_bookmark_file(&args.file, &error))?;
    // Files first: a reader that goes away early (`| head`) must not stop the fix half-way.
    let written = if args.dry_run {
        planned(&destination, &fixed)?
    } else {
        write(&args.file, &destination, &bytes, &fixed)?
    };
    report(out, args, &fixed, &written).map_err(Failure::Write)
}

/// The policy: every replacement the doctor proposes, with the chosen account if valid.
fn policy(account: Option<&str>) -> Result<FixPolicy, Failure> {
    let account = match account {
        None => None,
        Some(text) => Some(Account::parse(text).map_err(|reason| {
            let error = LinkError::Account {
                input: text.to_owned(),
                reason,
            };
            Failure::Usage(error.to_string())
        })?),
    };
    Ok(FixPolicy {
        account,
        ..FixPolicy::default()
    })
}

/// Where to write; refuses an OUT that is the input under any name.
fn destination(args: &Args) -> Result<Destination, Failure> {
    let Some(output) = &args.output else {
        return Ok(Destination::InPlace {
            path: through_link(&args.file),
        });
    };
    if crate::cli::same_file::is_the_same_file(&args.file, output) {
        return Err(Failure::Usage(format!(
            "{}: this is the input file {}; to fix it in place, use --in-place (it keeps a backup)",
            output.display(),
            args.file.display()
        )));
    }
    Ok(Destination::Output {
        named: output.clone(),
        path: through_link(output),
    })
}

/// Where a symbolic link leads, so that writing replaces the file and not the link; the path
/// itself when it is no link or leads nowhere.
fn through_link(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        if let Ok(real) = fs::canonicalize(path) {
            return real;
        }
    }
    path.to_owned()
}

/// What a real run would write, with nothing written.
fn planned(destination: &Destination, fixed: &FixResult) -> Result<Written, Failure> {
    Ok(match destination {
        Destination::Output { named, .. } => Written::Output {
            named: named.clone(),
        },
        Destination::InPlace { .. } if fixed.changes.is_empty() => Written::Nothing,
        Destination::InPlace { path } => Written::Replaced {
            backup: save::next_backup_name(path).map_err(|error| Failure::File {
                path: path.clone(),
                doing: "cannot name a backup",
                error,
            })?,
        },
    })
}

/// Writes the fixed file: to OUT, or over the input after a backup.
fn write(
    input: &Path,
    destination: &Destination,
    bytes: &[u8],
    fixed: &FixResult,
) -> Result<Written, Failure> {
    match destination {
        Destination::Output { named, path } => {
            let permissions = match fs::metadata(path) {
                Ok(existing) => NewPermissions::Exactly(existing.permissions()),
                Err(_) => match fs::metadata(input) {
                    Ok(input) => NewPermissions::NoMoreThan(input.permissions()),
                    Err(_) => NewPermissions::Default,
                },
            };
            save::write_atomically(path, &fixed.output, &permissions).map_err(|error| {
                Failure::File {
                    path: path.clone(),
                    doing: "cannot write the fixed file",
                    error,
                }
            })?;
            Ok(Written::Output {
                named: named.clone(),
            })
        }
        Destination::InPlace { .. } if fixed.changes.is_empty() => Ok(Written::Nothing),
        Destination::InPlace { path } => {
            let permissions = fs::metadata(path)
                .map(|m| NewPermissions::Exactly(m.permissions()))
                .unwrap_or(NewPermissions::Default);
            let backup =
                save::write_backup(path, bytes, &permissions).map_err(|error| Failure::File {
                    path: path.clone(),
                    doing: "cannot write a backup (nothing was changed)",
                    error,
                })?;
            save::write_atomically(path, &fixed.output, &permissions).map_err(|error| {
                Failure::File {
                    path: path.clone(),
                    doing: "cannot write the fixed file (the file is as it was)",
                    error,
                }
            })?;
            Ok(Written::Replaced { backup })
        }
    }
}

/// The changes, what is left to do by hand, the tolerated markup, and what was written.
fn report(
    out: &mut impl Write,
    args: &Args,
    fixed: &FixResult,
    written: &Written,
) -> io::Result<()> {
    let file = args.file.display().to_string();
    let changes = fixed.changes.len();
    let left = fixed.needs_attention.len();
    writeln!(
        out,
        "{}: {changes} {} changed, {left} left to fix by hand",
        Shown(&file),
        plural(changes, "bookmark", "bookmarks"),
    )?;
    if changes > 0 {
        writeln!(out, "\nChanged ({changes}):")?;
        for change in &fixed.changes {
            writeln!(
                out,
                "  line {}: {} → {}",
                change.line,
                Shown(&change.old_url),
                Shown(&change.new_url)
            )?;
        }
    }
    if left > 0 {
        writeln!(out, "\nLeft to fix by hand ({left}):")?;
        for unchanged in &fixed.needs_attention {
            write_unchanged(out, unchanged)?;
        }
    }
    write_notes(out, &fixed.notes)?;
    writeln!(out)?;
    let dry = if args.dry_run {
        "Dry run: nothing written; "
    } else {
        ""
    };
    let line = match written {
        Written::Output { named: output } => {
            let output = output.display();
            match (args.dry_run, changes) {
                (true, 0) => format!("{dry}would write {output} as an identical copy of {file}"),
                (true, _) => format!("{dry}would write the fixed file to {output}"),
                (false, 0) => {
                    format!("Nothing to change: wrote {output} as an identical copy of {file}")
                }
                (false, _) => format!(
                    "Wrote {output}: {file} with {changes} HREF {} changed, every other byte as it was",
                    plural(changes, "value", "values")
                ),
            }
        }
        Written::Replaced { backup } => {
            let backup = backup.display();
            if args.dry_run {
                format!("{dry}would copy {file} to {backup}, then replace {file}")
            } else {
                format!("Copied the original to {backup}, then replaced {file} with the fixed file")
            }
        }
        Written::Nothing => {
            format!("Nothing to change: {file} left as it was, no backup made")
        }
    };
    writeln!(out, "{}", Shown(&line))
}

/// `  line N: URL` and, indented below, why a file fix cannot settle it and what to do.
fn write_unchanged(out: &mut impl Write, unchanged: &Unchanged) -> io::Result<()> {
    match unchanged.line {
        Some(line) => writeln!(out, "  line {line}: {}", Shown(&unchanged.url))?,
        None => writeln!(out, "  #{}: {}", unchanged.id, Shown(&unchanged.url))?,
    }
    writeln!(out, "    {}", Shown(&unchanged.reason))
}
