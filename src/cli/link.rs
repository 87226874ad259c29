//! `signin-guard link`: an account's sign-in URL, optionally pinned to a region; with `--config`,
//! the link to a team account, as a role, by the method its configuration names.

use super::failure::Failure;
use super::team_file::read_team_config;
use signin_guard::team::link_table::find_account;
use signin_guard::team::signin_links::{signin_link, LinkAccount, Place};
use signin_guard::url::links::LinkError;
use signin_guard::Region;
use std::io::{self, Write};
use std::path::PathBuf;

pub const AFTER_HELP: &str = "\
Prints https://ACCOUNT.signin.DOMAIN/console, with ?region=REGION when a region is given. The
region's partition picks the domain; with both --region and --partition they must agree.

With --config FILE (a team configuration; - reads standard input), ACCOUNT is one of its
accounts, named by alias, 12-digit ID or display name (ignoring case), and the link is the one
its configuration calls for:
  - an account with an access portal (ssoStartUrl): the portal's shortcut link,
    START_URL/#/console?account_id=ID&role_name=ROLE&destination=CONSOLE_URL;
  - an account with roles and no portal: the role link,
    https://signin.DOMAIN/switchrole?account=ID&roleName=ROLE&displayName=TEXT, which names no
    region: the console opens in the region it last used (said on stderr);
  - an account with neither: its sign-in URL, for its IAM users.
Without --region, the account's defaultRegion. --role is needed when the account lists several.

Exit status: 0 when the URL is printed; 2, with the reason on one line of stderr, when the
account, role, region or partition is not valid, when ACCOUNT names several of the team's
accounts (they are listed) or none, or when the role is not the account's (its roles are named).

Examples:
  signin-guard link 123456789012
  signin-guard link myalias --region us-east-2
  signin-guard link 123456789012 --region cn-north-1
  signin-guard link myalias --partition aws-us-gov
  signin-guard link production --config team.json --role ReadOnlyAccess --region us-east-2";

/// Arguments of `link`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The account: a 12-digit account ID or an account alias (with --config, also a display name)
    #[arg(value_name = "ACCOUNT")]
    account: String,

    /// Pin the sign-in to this region (adds ?region=REGION; see `signin-guard regions`)
    #[arg(long, value_name = "REGION")]
    region: Option<String>,

    /// The partition: aws, aws-cn, aws-eusc or aws-us-gov [default: the region's, else aws]
    #[arg(long, value_name = "PARTITION", conflicts_with = "config")]
    partition: Option<String>,

    /// A team configuration (JSON; - for standard input) that lists the account
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// The role (or permission set) to sign in as: its name or display name (needs --config)
    #[arg(long, value_name = "NAME", requires = "config")]
    role: Option<String>,
}

/// Prints the link, or fails with the core's reason.
pub fn run(args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    if let Some(config) = &args.config {
        return run_team(args, config, out);
    }
    let url = signin_guard::account_signin_url(
        &args.account,
        args.region.as_deref(),
        args.partition.as_deref(),
    )
    .map_err(|error| Failure::Usage(error.to_string()))?;
    writeln!(out, "{url}").map_err(Failure::Write)
}

fn run_team(args: &Args, config: &std::path::Path, out: &mut impl Write) -> Result<(), Failure> {
    let config = read_team_config(config)?;
    let account =
        find_account(&config, &args.account).map_err(|error| Failure::Usage(error.to_string()))?;
    let region = args
        .region
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(|code| {
            Region::find(code).ok_or_else(|| {
                Failure::Usage(LinkError::UnknownRegion(code.to_owned()).to_string())
            })
        })
        .transpose()?;
    let place = region.map(Place::Region);
    let link = signin_link(
        &LinkAccount::of_team(account),
        args.role.as_deref(),
        place.as_ref(),
    )
    .map_err(|error| Failure::Usage(error.to_string()))?;
    writeln!(out, "{}", link.url).map_err(Failure::Write)?;
    if let Some(region) = link.then_region {
        // Nothing is left to do if stderr is gone.
        let _ = writeln!(
            io::stderr(),
            "signin-guard: a role link names no region: the console opens in the region it \
             last used; choose {} there (the extension moves the tab itself)",
            region.code()
        );
    }
    Ok(())
}
