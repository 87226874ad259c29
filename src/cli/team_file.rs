//! The team configuration that `link --config` and `links` read: a file or standard input (`-`),
//! read leniently like the extension reads it, its problems summed up on stderr.

use super::config::{read_text, shown_name};
use super::failure::Failure;
use super::shown::Shown;
use signin_guard::team::config::TeamConfig;
use std::io::{self, Write};
use std::path::Path;

/// The usable configuration in FILE; a document that is none is a usage error naming why.
pub fn read_team_config(path: &Path) -> Result<TeamConfig, Failure> {
    let name = shown_name(path);
    let parsed = TeamConfig::parse(&read_text(path)?);
    let Some(config) = parsed.config else {
        let reason = parsed
            .problems
            .first()
            .map_or_else(String::new, ToString::to_string);
        return Err(Failure::Usage(format!(
            "{name}: not a usable team configuration: {reason}"
        )));
    };
    if !parsed.problems.is_empty() {
        let count = parsed.problems.len();
        let _ = writeln!(
            io::stderr(),
            "signin-guard: {}: {count} {} left out or ignored (see `signin-guard config check`)",
            Shown(&name),
            if count == 1 { "problem" } else { "problems" }
        );
    }
    Ok(config)
}
