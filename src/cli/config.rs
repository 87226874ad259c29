//! `signin-guard config`: team configurations. `import` turns `~/.aws/config` or an AWS Extend
//! Switch Roles configuration into the team JSON; `check` reads a team JSON as the extension
//! would and names every problem by its path.

use super::failure::Failure;
use super::save;
use super::shown::Shown;
use signin_guard::team::config::{Parsed, Severity, TeamConfig};
use signin_guard::team::import::{import, ImportFormat, Imported};
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

pub const AFTER_HELP: &str = "\
A team configuration is one JSON document (\"version\": 1) with the team's accounts, favourite and
allowed regions and policy; admins deploy it through the browsers' enterprise policy. Its format
is docs/team-config.schema.json. `import` makes one from the INI files people already have;
`check` says whether the extension can use one, and what it would drop.

Examples:
  signin-guard config import ~/.aws/config -o team.json
  signin-guard config import aesr.ini --format aesr
  signin-guard config check team.json";

const IMPORT_AFTER_HELP: &str = "\
Input:
  FILE is ~/.aws/config (profiles [profile NAME] and [default] with sso_account_id and
  sso_role_name, or role_arn; region; sso_session and its [sso-session NAME] section, or a legacy
  sso_start_url), or the configuration text of AWS Extend Switch Roles (profiles [NAME] or
  [profile NAME] with aws_account_id and role_name, or role_arn; color; region). `-` reads
  standard input. --format auto (the default) picks AESR when the file uses AESR's keys
  (aws_account_id, role_name, color) more than the AWS CLI's (sso_*, output, [sso-session]).

Output:
  The team configuration, as indented JSON, on standard output or in OUT: one account per
  account ID, named after its first profile, with the roles of all its profiles, its region and
  access portal (or AESR colour). OUT is written whole or not at all (a temporary file in its
  folder, then a rename), keeping the permissions of the file it replaces; a symbolic link or a
  hard link at OUT is refused unless --force (then written through the link).

  On standard error, one line per problem, `FILE:LINE: error|warning: MESSAGE` (an error: a
  profile or a value was not imported), one line per profile whose secrets were skipped, and a
  summary. Secrets (aws_access_key_id, aws_secret_access_key, aws_session_token) are never
  imported, and never printed: only the names of their keys are.

Exit status: 0 when the configuration was written, whatever was skipped; 1 if FILE cannot be
read or OUT cannot be written; 2 if FILE is JSON rather than INI, if OUT is FILE or a link
(without --force), or on a usage
error.

Examples:
  signin-guard config import ~/.aws/config
  signin-guard config import ~/.aws/config -o team.json
  signin-guard config import aesr.ini --format aesr -o team.json
  pbpaste | signin-guard config import - | jq '.accounts[].accountId'";

const CHECK_AFTER_HELP: &str = "\
FILE is a team configuration (JSON; `-` reads standard input), read exactly as the extension
reads it from managed storage: an account without a valid accountId is dropped, any other bad
value is dropped alone, unknown fields are warnings. Only a document that is not a JSON object,
or has no \"version\": 1, is unusable.

Text output: one summary line, then one line per problem, `error` or `warning` and then
`PATH: MESSAGE`, like `accounts[3].accountId: 11 digits, an account ID has 12`. Control and
bidirectional-formatting characters are shown escaped (\\u{1b}).

JSON output (--json): one object {\"usable\": bool, \"accounts\": number, \"problems\": [{\"path\",
\"message\", \"severity\"}], \"config\": the configuration as the extension would use it, or null}.

Exit status: 0 when the configuration is usable, even with problems; 1 if FILE cannot be read;
2 if it is not a usable team configuration (the reason on one line of stderr) or on a usage
error.

Examples:
  signin-guard config check team.json
  signin-guard config check --json team.json | jq -r '.problems[] | \"\\(.path)\\t\\(.message)\"'";

/// Arguments of `config`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Turns ~/.aws/config or an AWS Extend Switch Roles configuration into a team configuration
    #[command(after_help = IMPORT_AFTER_HELP)]
    Import(ImportArgs),
    /// Checks a team configuration (JSON) and names each problem by its path
    #[command(after_help = CHECK_AFTER_HELP)]
    Check(CheckArgs),
}

/// The INI dialects `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// ~/.aws/config, as the AWS CLI reads it
    AwsConfig,
    /// The configuration text of AWS Extend Switch Roles
    Aesr,
    /// AESR when the file uses AESR's keys more than the AWS CLI's, else aws-config
    Auto,
}

/// Arguments of `config import`.
#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// The INI file to import (`-`: standard input)
    #[arg(value_name = "FILE")]
    file: PathBuf,

    /// The file's dialect
    #[arg(long, value_enum, default_value_t = Format::Auto)]
    format: Format,

    /// Write the team configuration to OUT instead of standard output (never FILE itself)
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,

    /// Write OUT even if it is a symbolic link (then the file it leads to) or a hard link
    #[arg(long, requires = "output")]
    force: bool,
}

/// Arguments of `config check`.
#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Print the result as one JSON object instead of text
    #[arg(long)]
    json: bool,

    /// The team configuration to check (`-`: standard input)
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

/// Runs `config import` or `config check`.
pub fn run(args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    match &args.command {
        Command::Import(args) => run_import(args, out),
        Command::Check(args) => run_check(args, out),
    }
}

fn run_import(args: &ImportArgs, out: &mut impl Write) -> Result<(), Failure> {
    let name = shown_name(&args.file);
    let target = match &args.output {
        Some(output) if is_the_same_file(&args.file, output) => {
            return Err(Failure::Usage(format!(
                "{}: this is the input file {name}; write the team configuration elsewhere",
                output.display()
            )));
        }
        Some(output) => Some(save::output_path(output, args.force).map_err(Failure::Usage)?),
        None => None,
    };
    let text = read_text(&args.file)?;
    let format = match args.format {
        Format::AwsConfig => ImportFormat::AwsConfig,
        Format::Aesr => ImportFormat::Aesr,
        Format::Auto => ImportFormat::Auto,
    };
    let imported =
        import(&text, format).map_err(|error| Failure::Usage(format!("{name}: {error}")))?;
    let json = imported.config.to_json_pretty();
    match &target {
        Some(path) => {
            let source = (args.file != Path::new("-")).then_some(args.file.as_path());
            let permissions = save::permissions_for(path, source);
            // Whole or not at all: a reader never sees half a configuration.
            save::write_atomically(path, json.as_bytes(), &permissions).map_err(|error| {
                Failure::File {
                    path: path.clone(),
                    doing: "cannot write",
                    error,
                }
            })?
        }
        None => out.write_all(json.as_bytes()).map_err(Failure::Write)?,
    }
    // Nothing is left to do if stderr is gone; the configuration is written.
    let _ = report_import(
        &mut io::stderr().lock(),
        &name,
        &imported,
        args.output.as_deref(),
    );
    Ok(())
}

/// The problems, the skipped secrets and a summary, on stderr.
fn report_import(
    err: &mut impl Write,
    name: &str,
    imported: &Imported,
    output: Option<&Path>,
) -> io::Result<()> {
    for problem in &imported.problems {
        writeln!(
            err,
            "{}:{}: {}: {}",
            Shown(name),
            problem.line,
            problem.severity,
            Shown(&problem.message)
        )?;
    }
    for skipped in &imported.skipped_secrets {
        writeln!(
            err,
            "{}:{}: secrets of profile {} skipped, never imported: {}",
            Shown(name),
            skipped.line,
            Shown(&skipped.profile),
            skipped.keys.join(", ")
        )?;
    }
    let accounts = imported.config.accounts.len();
    let roles: usize = imported.config.accounts.iter().map(|a| a.roles.len()).sum();
    let mut summary = format!(
        "{}: {accounts} {} with {roles} {} from {} {} ({} format)",
        Shown(name),
        plural(accounts, "account", "accounts"),
        plural(roles, "role", "roles"),
        imported.profiles,
        plural(imported.profiles, "profile", "profiles"),
        imported.format.name()
    );
    if let Some(output) = output {
        summary.push_str(&format!(
            ", written to {}",
            Shown(&output.display().to_string())
        ));
    }
    writeln!(err, "{summary}")
}

fn run_check(args: &CheckArgs, out: &mut impl Write) -> Result<(), Failure> {
    let name = shown_name(&args.file);
    let text = read_text(&args.file)?;
    let parsed = TeamConfig::parse(&text);
    let written = if args.json {
        write_check_json(out, &parsed)
    } else {
        write_check_text(out, &name, &parsed)
    };
    written.map_err(Failure::Write)?;
    if parsed.is_usable() {
        return Ok(());
    }
    let reason = parsed
        .problems
        .first()
        .map_or_else(String::new, ToString::to_string);
    Err(Failure::Usage(format!(
        "{name}: not a usable team configuration: {reason}"
    )))
}

fn write_check_json(out: &mut impl Write, parsed: &Parsed) -> io::Result<()> {
    let value = serde_json::json!({
        "usable": parsed.is_usable(),
        "accounts": parsed.config.as_ref().map_or(0, |c| c.accounts.len()),
        "problems": parsed.problems,
        "config": parsed.config.as_ref().map(TeamConfig::to_value),
    });
    serde_json::to_writer(&mut *out, &value)?;
    out.write_all(b"\n")
}

/// The summary and a line per problem; nothing for an unusable document (its reason goes to
/// stderr).
fn write_check_text(out: &mut impl Write, name: &str, parsed: &Parsed) -> io::Result<()> {
    let Some(config) = &parsed.config else {
        return Ok(());
    };
    let count = |severity| {
        parsed
            .problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let accounts = config.accounts.len();
    let problems = match (errors, warnings) {
        (0, 0) => "no problems".to_owned(),
        (e, 0) => format!("{e} {}", plural(e, "error", "errors")),
        (0, w) => format!("{w} {}", plural(w, "warning", "warnings")),
        (e, w) => format!(
            "{e} {}, {w} {}",
            plural(e, "error", "errors"),
            plural(w, "warning", "warnings")
        ),
    };
    writeln!(
        out,
        "{}: usable, {accounts} {}; {problems}",
        Shown(name),
        plural(accounts, "account", "accounts")
    )?;
    for problem in &parsed.problems {
        writeln!(
            out,
            "  {:<8} {}",
            problem.severity.as_str(),
            Shown(&problem.to_string())
        )?;
    }
    Ok(())
}

/// The text of FILE (`-`: standard input); bytes that are not UTF-8 read as U+FFFD.
pub(super) fn read_text(path: &Path) -> Result<String, Failure> {
    let bytes = if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(Failure::Read)?;
        bytes
    } else {
        fs::read(path).map_err(|error| Failure::File {
            path: path.to_owned(),
            doing: "cannot read",
            error,
        })?
    };
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// How FILE is named in messages: as given, or `standard input`.
pub(super) fn shown_name(path: &Path) -> String {
    if path == Path::new("-") {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Whether `output` names the existing file `input` (`-`, standard input, never does).
fn is_the_same_file(input: &Path, output: &Path) -> bool {
    input != Path::new("-") && super::same_file::is_the_same_file(input, output)
}

/// `one` for a count of 1, else `many`.
fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 {
        one
    } else {
        many
    }
}
