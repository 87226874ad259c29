//! `cargo xtask fuzz`: every cargo-fuzz target in `fuzz/`, built once, then run one after another
//! for a set time each, from its committed seed corpus; prints executions and time per target.

use crate::command::{self, which};
use crate::{files, Result};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// The targets, in the order they run (`fuzz/Cargo.toml` names each one's file).
pub const TARGETS: [&str; 9] = [
    "classify",
    "plain_url",
    "bookmark_file",
    "team_config",
    "team_import",
    "user_info",
    "region_search",
    "account_search",
    "event_facts",
];

/// Seconds per target of `cargo xtask fuzz` without `--seconds`: the long run.
pub const LONG_RUN_SECONDS: u64 = 600;

/// Seconds per target in `cargo xtask test`.
pub const SHORT_RUN_SECONDS: u64 = 15;

/// Optimised, with the checks of `fuzz/Cargo.toml`'s release profile (without it cargo-fuzz
/// forces debug assertions on every crate, idna_adapter's known one included).
const OPTIMIZED: &str = "--release";

/// What one target's run did.
struct Run {
    target: &'static str,
    executions: Option<u64>,
    seconds: f64,
}

/// `cargo xtask fuzz [--seconds N]`.
pub fn run(root: &Path, options: &[String]) -> Result {
    let seconds = match options {
        [] => LONG_RUN_SECONDS,
        [flag, n] if flag == "--seconds" => n
            .parse()
            .ok()
            .filter(|&n: &u64| n > 0)
            .ok_or_else(|| format!("`--seconds {n}`: give a whole number of seconds above 0"))?,
        _ => {
            return Err(format!(
                "`cargo xtask fuzz` takes only `--seconds N`, not `{}`",
                options.join(" ")
            ))
        }
    };
    crate::setup::fuzz_tools()?;
    fuzz(root, seconds)
}

/// Builds every target once, then runs each for `seconds`; fails at the first crash, naming the
/// input cargo-fuzz saved.
pub fn fuzz(root: &Path, seconds: u64) -> Result {
    command::run(cargo_fuzz(root).args(["build", OPTIMIZED]))?;
    let work = root.join("fuzz/target/corpus-work");
    let logs = root.join("fuzz/target/logs");
    files::create_dir(&logs)?;
    let mut runs = Vec::new();
    for target in TARGETS {
        // New inputs go to a scratch corpus; the committed seeds (`fuzz/corpus/TARGET`, which
        // include every crash input found so far) are only read.
        let scratch = work.join(target);
        files::create_dir(&scratch)?;
        runs.push(run_target(root, target, seconds, &scratch, &logs)?);
    }
    println!("\nfuzzing done, {seconds} s per target:");
    println!("| target | executions | seconds |");
    println!("| --- | ---: | ---: |");
    for run in &runs {
        let executions = run
            .executions
            .map_or_else(|| "?".to_owned(), |n| n.to_string());
        println!("| {} | {executions} | {:.0} |", run.target, run.seconds);
    }
    Ok(())
}

fn run_target(
    root: &Path,
    target: &'static str,
    seconds: u64,
    scratch: &Path,
    logs: &Path,
) -> Result<Run> {
    let mut cmd = cargo_fuzz(root);
    cmd.args(["run", OPTIMIZED, target])
        .arg(scratch)
        .arg(root.join("fuzz/corpus").join(target))
        .args([
            "--",
            &format!("-max_total_time={seconds}"),
            "-print_final_stats=1",
        ])
        .stdout(Stdio::inherit())
        .stderr(Stdio::piped());
    println!("\n==> fuzz {target} for {seconds} s");
    let started = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("could not start cargo fuzz: {e}"))?;
    let log_path = logs.join(format!("{target}.log"));
    let mut log = std::fs::File::create(&log_path)
        .map_err(|e| format!("cannot write {}: {e}", log_path.display()))?;
    let mut executions = None;
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr)
            .lines()
            .map_while(std::io::Result::ok)
        {
            let _ = writeln!(log, "{line}");
            // libFuzzer's progress lines (`#4096 pulse …`) only go to the log.
            if !line.starts_with('#') {
                eprintln!("{line}");
            }
            if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
                executions = n.trim().parse().ok();
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("cargo fuzz run {target}: {e}"))?;
    let seconds = started.elapsed().as_secs_f64();
    if !status.success() {
        return Err(format!(
            "fuzz target `{target}` failed ({status}); its input is in fuzz/artifacts/{target}/ \
             (the log: {}). Fix the core, add a regression test, and keep the input in \
             fuzz/corpus/{target}/",
            log_path.display()
        ));
    }
    Ok(Run {
        target,
        executions,
        seconds,
    })
}

/// `cargo fuzz` with the nightly toolchain, in the repository root (it finds `fuzz/` there).
fn cargo_fuzz(root: &Path) -> Command {
    let mut cmd = Command::new(which("rustup").unwrap_or_else(|| "rustup".into()));
    cmd.args(["run", "nightly", "cargo", "fuzz"])
        // The outer cargo's toolchain must not leak into nightly's build.
        .env_remove("RUSTC")
        .env_remove("RUSTDOC")
        .env_remove("CARGO")
        .current_dir(root);
    cmd
}
