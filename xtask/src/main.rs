//! Build automation for Sign-in Guard, run as `cargo xtask <command>` (see `cargo xtask --help`).
//!
//! Everything the README and CI run goes through here, in Rust, so it behaves the same on every
//! machine; each missing tool is reported with the command that installs it.

mod aws_sites;
mod catalogue;
mod catalogue_facts;
mod catalogue_source;
mod command;
mod dist;
mod domain_name;
mod extension;
mod files;
mod package;
mod regions;
mod run;
mod setup;
mod signin_rules;
mod test;
mod wasm_packages;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A failure, as a sentence for the person at the terminal.
type Result<T = ()> = std::result::Result<T, String>;

const HELP: &str = "\
cargo xtask: build, test and run Sign-in Guard

USAGE:
    cargo xtask <COMMAND> [OPTIONS]

COMMANDS:
    setup         Install what the build and tests need, skipping what is present:
                  the wasm32-unknown-unknown target, rustfmt and clippy, wasm-bindgen-cli
                  at the Cargo.lock version, npm packages, Chromium + chromedriver +
                  Firefox (apt-get, as root) and geckodriver
    dist          Build dist/pkg (the core and pages wasm packages: wasm-bindgen +
                  wasm-opt, sizes printed), dist/chrome, dist/firefox, their zips and
                  dist/www
    dist --key FILE.pem [--update-url URL] [--firefox-update-url URL]
                  Also the self-hosting packages (docs/self-hosting.md): a CRX3 of
                  dist/chrome signed with the team's RSA key, dist/updates.xml and
                  dist/firefox-updates.json; URL: the https folder they are served from
    package --key FILE.pem [--update-url URL] [--firefox-update-url URL] [--out DIR]
                  The self-hosting packages only, from the dist/ built before
    test          Run every check CI runs, in order, stopping at the first failure:
                  fmt, clippy (host, and wasm32 for each wasm package), native tests,
                  wasm tests in headless Chromium (each package), eslint, dist,
                  end-to-end tests (tests/e2e)
    run           Build everything, say where it is, and open Chromium with the
                  extension loaded (when a display is available)
    regions [--botocore PATH | --cached | --check]
                  Generate the AWS catalogue (every host list: core tables, manifest
                  match patterns, worker URL filters, lookalike words) from botocore and
                  xtask/catalogue/aws-hosts.txt (PATH: a botocore wheel or folder;
                  default: newest from PyPI; --cached: the facts of the last run)
    help          Print this help

OPTIONS:
    test --quick  Skip the browser steps (wasm tests in Chromium, end-to-end tests)
                  and the browser installation
    -h, --help    Print this help

`test`, `dist` and `run` run the parts of `setup` they need first.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match dispatch(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nerror: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the command named by the arguments.
fn dispatch(args: &[String]) -> Result {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{HELP}");
        return Ok(());
    }
    let root = project_root();
    let (command, options) = match args.split_first() {
        Some((command, options)) => (command.as_str(), options),
        None => ("help", &[][..]),
    };
    if command == "regions" {
        // It checks its own options.
        return catalogue::run(options);
    }
    if command == "package" {
        return package::run(&root, options);
    }
    // `dist` takes the self-hosting options (`--key FILE.pem` …); they are checked before building.
    let signing = if command == "dist" {
        package::Options::for_dist(options)?
    } else {
        None
    };
    let allowed: &[&str] = if command == "test" { &["--quick"] } else { &[] };
    let checked = command == "dist";
    if let Some(unknown) = options
        .iter()
        .find(|o| !checked && !allowed.contains(&o.as_str()))
    {
        return Err(format!(
            "`cargo xtask {command}` does not accept `{unknown}` (see `cargo xtask --help`)"
        ));
    }
    match command {
        "setup" => setup::setup(&root, setup::Needs::everything()),
        "dist" => {
            setup::setup(&root, setup::Needs::build())?;
            dist::dist(&root)?;
            match signing {
                Some(signing) => package::package(&root, &signing),
                None => Ok(()),
            }
        }
        "test" => test::test(&root, options.iter().any(|o| o == "--quick")),
        "run" => run::run(&root),
        "help" => {
            print!("{HELP}");
            Ok(())
        }
        other => Err(format!(
            "unknown command `{other}`; the commands are setup, dist, package, test, run, regions (see `cargo xtask --help`)"
        )),
    }
}

/// The repository root: the folder above `xtask/`.
fn project_root() -> PathBuf {
    let xtask = Path::new(env!("CARGO_MANIFEST_DIR"));
    xtask.parent().unwrap_or(xtask).to_path_buf()
}
