//! `signin-guard regions`: the region table, as text columns or a JSON array.

use super::failure::Failure;
use signin_guard::{LinkError, Partition, Region, RegionInfo};
use std::io::{self, Write};

pub const AFTER_HELP: &str = "\
The table is generated from botocore's partitions.json and endpoints.json.

Text output: columns CODE, NAME, PARTITION and OPT-IN (\"opt-in\" for a region an account must
enable before signing in there).
JSON output (--json): one array of {\"code\": string, \"name\": string, \"partition\": string,
\"opt_in\": bool}.

Exit status: 0, or 2 with the reason on one line of stderr for an unknown partition.

Examples:
  signin-guard regions
  signin-guard regions --partition aws-cn
  signin-guard regions --json | jq -r '.[] | select(.opt_in) | .code'";

/// Arguments of `regions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print a JSON array instead of a table
    #[arg(long)]
    json: bool,

    /// Only the regions of this partition: aws, aws-cn, aws-eusc or aws-us-gov
    #[arg(long, value_name = "PARTITION")]
    partition: Option<String>,
}

/// Lists the regions, of one partition or all.
pub fn run(args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let partition = match args.partition.as_deref() {
        None => None,
        Some(id) => Some(Partition::from_id(id).ok_or_else(|| {
            Failure::Usage(LinkError::UnknownPartition(id.to_owned()).to_string())
        })?),
    };
    let rows: Vec<&RegionInfo> = Region::all(partition).map(Region::info).collect();
    let written = if args.json {
        write_json(out, &rows)
    } else {
        write_table(out, &rows)
    };
    written.map_err(Failure::Write)
}

fn write_json(out: &mut impl Write, rows: &[&RegionInfo]) -> io::Result<()> {
    serde_json::to_writer(&mut *out, rows)?;
    out.write_all(b"\n")
}

fn write_table(out: &mut impl Write, rows: &[&RegionInfo]) -> io::Result<()> {
    let width = |header: &str, column: fn(&RegionInfo) -> &str| {
        rows.iter()
            .map(|row| column(row).len())
            .fold(header.len(), usize::max)
    };
    let code = width("CODE", |row| row.code);
    let name = width("NAME", |row| row.name);
    let partition = width("PARTITION", |row| row.partition.id());
    writeln!(
        out,
        "{:<code$}  {:<name$}  {:<partition$}  OPT-IN",
        "CODE", "NAME", "PARTITION"
    )?;
    for row in rows {
        let line = format!(
            "{:<code$}  {:<name$}  {:<partition$}  {}",
            row.code,
            row.name,
            row.partition.id(),
            if row.opt_in { "opt-in" } else { "" }
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
