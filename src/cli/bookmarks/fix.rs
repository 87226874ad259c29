//! `signin-guard bookmarks fix`: rewrites the HREF values of fixable AWS bookmarks, writes the
//! result to a new file or (with a backup) over the input, and lists what is left to do by hand.

use super::super::failure::Failure;
use super::super::shown::Shown;
use super::{not_a_bookmark_file, plural, read, write_notes};
use crate::cli::save::{self, NewPermissions};
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
  and account sign-in URLs not in canonical form; with --redact-titles also the secrets in
  titles (a page saved without a title is titled with its URL, token and all). Every other byte
  stays as it was: titles, folders, order, dates, icons, line ends. A new value is quoted and escaped as the old one was.
  Lookalike hosts, IAM Identity Center sign-in pages, hosts without a valid account and several
  bookmarks for one sign-in cannot be fixed by rewriting an HREF: they are listed, with what to
  do by hand. `signin-guard bookmarks check FILE` shows every finding first.

Where it writes:
  -o OUT writes the fixed file to OUT, also when nothing changed (then an identical copy), but
  never over FILE itself, whatever the path that names it, and not when OUT is a symbolic link
  or a hard link unless --force (then through the link). --in-place first copies FILE to
  FILE.bak (FILE.bak.1, FILE.bak.2, … when that exists: a backup is never overwritten), then
  replaces FILE; when nothing changes it writes nothing, not even a backup. The backup still
  holds every secret the fix removed: the report says so; delete it once you no longer need it. A file is written
  whole or not at all: to a temporary file in the same folder, then renamed into place.
  --dry-run writes nothing. To use the fixed file, import it into the browser in place of the
  bookmarks it came from (an import adds to the bookmarks already there).

Output:
  One line per change, `line N: OLD → NEW`, OLD with secrets redacted; then the bookmarks left to
  fix by hand (to delete, to give an account, duplicates to remove), each with why; then what was
  written.

Exit status: 0 when the file was fixed or nothing needed fixing; 1 if FILE cannot be read or OUT
or the backup cannot be written; 2 if FILE is not a bookmark file (the reason names the line
and column), if OUT is FILE or a link (without --force), if ACCOUNT is not valid, or on a usage error.

Examples:
  signin-guard bookmarks fix bookmarks.html -o bookmarks-fixed.html
  signin-guard bookmarks fix bookmarks.html -o bookmarks-fixed.html --dry-run
  signin-guard bookmarks fix bookmarks.html --in-place
  signin-guard bookmarks fix bookmarks.html --in-place --account 123456789012
  signin-guard bookmarks fix bookmarks.html --in-place --redact-titles";

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

    /// Also replace the secrets in titles by [redacted]
    #[arg(long)]
    redact_titles: bool,

    /// Write OUT even if it is a symbolic link (then the file it leads to) or a hard link
    #[arg(long, requires = "output")]
    force: bool,
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
    let mut policy = policy(args.account.as_deref())?;
    policy.redact_titles = args.redact_titles;
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
            path: save::through_link(&args.file),
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
        path: save::output_path(output, args.force).map_err(Failure::Usage)?,
    })
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
            let permissions = save::permissions_for(path, Some(input));
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
    if !fixed.titles.is_empty() {
        writeln!(out, "\nTitles redacted ({}):", fixed.titles.len())?;
        for title in &fixed.titles {
            writeln!(out, "  line {}: {}", title.line, Shown(&title.title))?;
        }
    }
    if fixed.secret_titles_left > 0 {
        writeln!(
            out,
            "\n{} {} still {} a secret: add --redact-titles to replace it by [redacted]",
            fixed.secret_titles_left,
            plural(fixed.secret_titles_left, "title", "titles"),
            if fixed.secret_titles_left == 1 {
                "holds"
            } else {
                "hold"
            },
        )?;
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
    writeln!(out, "{}", Shown(&line))?;
    if let Written::Replaced { backup } = written {
        if removes_a_secret(fixed) {
            let holds = if args.dry_run {
                "would still hold"
            } else {
                "still holds"
            };
            let note = format!(
                "{} {holds} the secrets the fix removed: delete it once you no longer need it",
                backup.display()
            );
            writeln!(out, "{}", Shown(&note))?;
        }
    }
    Ok(())
}

/// Whether the fix takes a secret out of the file (an old URL or a title had one redacted).
fn removes_a_secret(fixed: &FixResult) -> bool {
    !fixed.titles.is_empty()
        || fixed
            .changes
            .iter()
            .any(|change| change.old_url.contains(signin_guard::url::redact::REDACTED))
}

/// `  line N: URL` and, indented below, why a file fix cannot settle it and what to do.
fn write_unchanged(out: &mut impl Write, unchanged: &Unchanged) -> io::Result<()> {
    match unchanged.line {
        Some(line) => writeln!(out, "  line {line}: {}", Shown(&unchanged.url))?,
        None => writeln!(out, "  #{}: {}", unchanged.id, Shown(&unchanged.url))?,
    }
    writeln!(out, "    {}", Shown(&unchanged.reason))
}
