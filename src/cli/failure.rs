//! Why a subcommand stopped early, and the exit status and one-line message that says so.

use super::shown::Shown;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// A subcommand's failure.
#[derive(Debug)]
pub enum Failure {
    /// Input the user can correct (a bad account, region or partition, a file that is not a
    /// bookmark file, an output that would overwrite the input): exit status 2.
    Usage(String),
    /// Reading standard input failed: exit status 1.
    Read(io::Error),
    /// Writing the output failed: exit status 1, except a closed pipe, which is a normal end.
    Write(io::Error),
    /// Reading or writing a named file failed: exit status 1.
    File {
        /// The file, as the user named it (or where it was being written).
        path: PathBuf,
        /// What could not be done, as in "cannot read".
        doing: &'static str,
        /// The system's reason.
        error: io::Error,
    },
}

impl Failure {
    /// Prints the reason as one line on stderr and returns the exit status.
    pub fn report(self) -> ExitCode {
        let (message, status) = match self {
            // The reader has what it wanted (`| head`): not an error.
            Failure::Write(error) if error.kind() == io::ErrorKind::BrokenPipe => {
                return ExitCode::SUCCESS
            }
            Failure::Usage(message) => (message, 2),
            Failure::Read(error) => (format!("reading standard input: {error}"), 1),
            Failure::Write(error) => (format!("writing the output: {error}"), 1),
            Failure::File { path, doing, error } => {
                (format!("{}: {doing}: {error}", path.display()), 1)
            }
        };
        // Nothing is left to do if stderr is gone too; `eprintln!` would panic.
        let _ = writeln!(io::stderr(), "signin-guard: {}", Shown(&message));
        ExitCode::from(status)
    }
}
