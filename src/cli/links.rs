//! `signin-guard links`: every account × role × favourite region of a team configuration with
//! its sign-in link, as lines, JSON or a bookmarks file.

use super::failure::Failure;
use super::save::{write_atomically, NewPermissions};
use super::shown::Shown;
use super::team_file::read_team_config;
use signin_guard::bookmarks::team_file::team_bookmarks_file;
use signin_guard::team::link_table::link_table;
use signin_guard::Region;
use std::io::Write;
use std::path::PathBuf;

pub const AFTER_HELP: &str = "\
Lists a link for every account, each of its roles and each favourite region of the team
(favouriteRegions of the account's partition, allowed ones; else the account's defaultRegion),
by the method its configuration calls for (see `signin-guard link --help`).

Lines are tab-separated: account, role (- for none), region (- for none), how it signs in, link.
--json writes one JSON array of objects. --bookmarks writes a bookmarks file (Netscape format,
which every browser imports): a folder \"AWS accounts\" with a folder per account.

Exit status: 0 when written; 1 when a file cannot be read or written; 2 when FILE is not a
usable team configuration.

Examples:
  signin-guard links --config team.json
  signin-guard links --config team.json --json
  signin-guard links --config team.json --bookmarks aws-accounts.html";

/// Arguments of `links`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The team configuration (JSON; - for standard input)
    #[arg(long, value_name = "FILE")]
    config: PathBuf,

    /// Write JSON instead of lines
    #[arg(long, conflicts_with = "bookmarks")]
    json: bool,

    /// Write a bookmarks file to OUT.html instead of lines
    #[arg(long, value_name = "OUT.html")]
    bookmarks: Option<PathBuf>,
}

/// Writes the table, or fails naming why.
pub fn run(args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let config = read_team_config(&args.config)?;
    let rows = link_table(&config);
    if let Some(path) = &args.bookmarks {
        let file = team_bookmarks_file(&rows);
        write_atomically(path, file.as_bytes(), &NewPermissions::Default).map_err(|error| {
            Failure::File {
                path: path.clone(),
                doing: "cannot write",
                error,
            }
        })?;
        let accounts = config.accounts.len();
        return writeln!(
            out,
            "{}: {} links in {accounts} account {}",
            Shown(&path.display().to_string()),
            rows.len(),
            if accounts == 1 { "folder" } else { "folders" }
        )
        .map_err(Failure::Write);
    }
    if args.json {
        serde_json::to_writer(&mut *out, &rows).map_err(|error| Failure::Write(error.into()))?;
        return writeln!(out).map_err(Failure::Write);
    }
    for row in &rows {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            Shown(&row.account),
            row.role.as_deref().unwrap_or("-"),
            row.region.map_or("-", Region::code),
            row.method_words,
            row.url
        )
        .map_err(Failure::Write)?;
    }
    Ok(())
}
