//! `signin-guard`: checks AWS sign-in and console URLs, makes account sign-in links and lists
//! regions, from the same core the browser extension runs as WebAssembly.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
