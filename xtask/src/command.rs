//! Runs external programs, echoing each one, and turns failures into messages naming the program.

use crate::Result;
use std::ffi::OsStr;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `cargo`: the one running this xtask when there is one, so the same toolchain builds everything.
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs a command with the terminal attached; fails with its command line unless it exits with 0.
pub fn run(cmd: &mut Command) -> Result {
    let line = display(cmd);
    println!("$ {line}");
    match cmd.status() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("`{line}` failed ({status})")),
        Err(e) => Err(spawn_error(cmd, &e)),
    }
}

/// Runs a command quietly and returns its trimmed stdout, or `None` if it is missing or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// The path of a program on `PATH`, as a shell would find it.
pub fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| is_executable(candidate))
}

/// The first of several program names found on `PATH` (e.g. `firefox-esr`, `firefox`).
pub fn which_any(programs: &[&str]) -> Option<PathBuf> {
    programs.iter().find_map(|p| which(p))
}

/// Whether this process runs as root (and so may install system packages itself).
pub fn is_root() -> bool {
    output(Command::new("id").arg("-u")).as_deref() == Some("0")
}

/// The message for a tool that is not installed, with the command that installs it.
pub fn missing(tool: &str, install: &str) -> String {
    format!("`{tool}` is not installed; install it with `{install}` (or run `cargo xtask setup`)")
}

fn spawn_error(cmd: &Command, e: &std::io::Error) -> String {
    let program = cmd.get_program().to_string_lossy();
    if e.kind() == ErrorKind::NotFound {
        format!("`{program}` was not found on PATH (run `cargo xtask setup`)")
    } else {
        format!("could not start `{program}`: {e}")
    }
}

/// The command as one would type it, with the environment variables it sets.
fn display(cmd: &Command) -> String {
    let mut parts: Vec<String> = cmd
        .get_envs()
        .filter_map(|(k, v)| Some(format!("{}={}", k.to_string_lossy(), quote(v?))))
        .collect();
    // `cargo` is the toolchain's own (a long path): shown as typed.
    let program = cmd.get_program();
    let is_cargo = Path::new(program).file_name() == Some(OsStr::new("cargo"));
    parts.push(if is_cargo {
        "cargo".into()
    } else {
        quote(program)
    });
    parts.extend(cmd.get_args().map(quote));
    parts.join(" ")
}

fn quote(s: &OsStr) -> String {
    let s = s.to_string_lossy();
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_=./:,@+%".contains(c));
    if plain {
        s.into_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file() || path.with_extension("exe").is_file()
}
