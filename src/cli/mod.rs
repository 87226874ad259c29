//! The `signin-guard` command line: arguments, dispatch to one module a subcommand, exit status.

mod bookmarks;
mod check;
mod config;
mod failure;
mod link;
mod links;
mod regions;
mod same_file;
mod save;
mod shown;
mod team_file;

use clap::{Parser, Subcommand};
use failure::Failure;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

const MAIN_AFTER_HELP: &str = "\
Exit status:
  0  success; for `check` and `bookmarks check` whatever they find (the output is a report)
  1  reading standard input or a file, or writing the output or a file, failed
  2  usage error: unknown flag, a bad account, role, region or partition, an account name that
     names several of the team's accounts or none, a file that is not a
     bookmark file, `bookmarks fix -o` or `config import -o` naming the input file, a file
     that is not a usable team configuration (`config check`) or that is JSON (`config import`)

Output stops quietly, with status 0, when its reader goes away (`signin-guard regions | head`).

Examples:
  signin-guard check https://myalias.signin.aws.amazon.com/console
  signin-guard check --json < urls.txt
  signin-guard link myalias --region us-east-2
  signin-guard link production --config team.json --role ReadOnlyAccess
  signin-guard links --config team.json --bookmarks aws-accounts.html
  signin-guard regions --partition aws-cn
  signin-guard bookmarks check bookmarks.html
  signin-guard bookmarks fix bookmarks.html -o bookmarks-fixed.html
  signin-guard config import ~/.aws/config -o team.json
  signin-guard config check team.json";

/// Keeps people on the right AWS sign-in URL.
#[derive(Debug, Parser)]
#[command(
    name = "signin-guard",
    version,
    about = "Checks AWS sign-in and console URLs, makes account sign-in links, lists regions, \
        checks and fixes AWS bookmarks in exported bookmark files, and imports and checks team \
        configurations",
    long_about = "Checks AWS sign-in and console URLs, makes account sign-in links, lists regions, \
        checks and fixes AWS bookmarks in exported bookmark files, and imports and checks team \
        configurations.\n\n\
        It runs the same core as the Sign-in Guard browser extension: what `check` says about a URL \
        is what the extension says, and `bookmarks` finds what its bookmark doctor finds.",
    after_help = MAIN_AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Says what each URL is: its kind, account, region, canonical sign-in URL and warnings
    #[command(after_help = check::AFTER_HELP)]
    Check(check::Args),
    /// Prints an account's sign-in URL, optionally pinned to a region; with --config, a team
    /// account's link as a role (access portal shortcut, role link or sign-in URL)
    #[command(after_help = link::AFTER_HELP)]
    Link(link::Args),
    /// Lists every team account × role × favourite region with its link, as lines, JSON or a
    /// bookmarks file
    #[command(after_help = links::AFTER_HELP)]
    Links(links::Args),
    /// Lists the known regions with their names, partitions and opt-in status
    #[command(after_help = regions::AFTER_HELP)]
    Regions(regions::Args),
    /// Checks and fixes the AWS bookmarks of an exported bookmark file (bookmarks.html)
    #[command(after_help = bookmarks::AFTER_HELP)]
    Bookmarks(bookmarks::Args),
    /// Imports team configurations from ~/.aws/config or AWS Extend Switch Roles, and checks them
    #[command(after_help = config::AFTER_HELP)]
    Config(config::Args),
}

/// Parses the arguments, runs the subcommand and turns its outcome into the exit status.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match &cli.command {
        Command::Check(args) => check::run(args, &mut out),
        Command::Link(args) => link::run(args, &mut out),
        Command::Links(args) => links::run(args, &mut out),
        Command::Regions(args) => regions::run(args, &mut out),
        Command::Bookmarks(args) => bookmarks::run(args, &mut out),
        Command::Config(args) => config::run(args, &mut out),
    };
    let flushed = out.flush().map_err(Failure::Write);
    match result.and(flushed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}
