//! `signin-guard link`: an account's canonical sign-in URL, optionally pinned to a region.

use super::failure::Failure;
use std::io::Write;

pub const AFTER_HELP: &str = "\
Prints https://ACCOUNT.signin.DOMAIN/console, with ?region=REGION when a region is given. The
region's partition picks the domain; with both --region and --partition they must agree.

Exit status: 0 when the URL is printed; 2, with the reason on one line of stderr, when the
account, region or partition is not valid.

Examples:
  signin-guard link 123456789012
  signin-guard link myalias --region us-east-2
  signin-guard link 123456789012 --region cn-north-1
  signin-guard link myalias --partition aws-us-gov";

/// Arguments of `link`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The account: a 12-digit account ID or an account alias
    #[arg(value_name = "ACCOUNT")]
    account: String,

    /// Pin the sign-in to this region (adds ?region=REGION; see `signin-guard regions`)
    #[arg(long, value_name = "REGION")]
    region: Option<String>,

    /// The partition: aws, aws-cn, aws-eusc or aws-us-gov [default: the region's, else aws]
    #[arg(long, value_name = "PARTITION")]
    partition: Option<String>,
}

/// Prints the link, or fails with the core's reason.
pub fn run(args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let url = signin_guard::account_signin_url(
        &args.account,
        args.region.as_deref(),
        args.partition.as_deref(),
    )
    .map_err(|error| Failure::Usage(error.to_string()))?;
    writeln!(out, "{url}").map_err(Failure::Write)
}
