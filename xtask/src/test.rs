//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure.

use crate::command::{self, cargo, missing, which};
use crate::setup::{self, Needs, WASM_TARGET};
use crate::{dist, files, fuzz, Result};
use std::path::Path;
use std::process::Command;

/// The folders eslint checks, where they exist.
const LINTED: [&str; 4] = ["extension", "www", "tests/e2e", "bench"];

/// One check: its name, whether it needs a browser, and what it runs.
struct Step<'a> {
    name: &'static str,
    browser: bool,
    action: Box<dyn Fn() -> Result + 'a>,
}

impl<'a> Step<'a> {
    fn new(name: &'static str, browser: bool, action: impl Fn() -> Result + 'a) -> Step<'a> {
        Step {
            name,
            browser,
            action: Box::new(action),
        }
    }
}

/// Runs the checks; `quick` skips the ones that need a browser.
pub fn test(root: &Path, quick: bool) -> Result {
    let needs = Needs {
        lint_tools: true,
        browsers: !quick,
        fuzzing: true,
    };
    setup::setup(root, needs)?;
    let in_root = |make: fn() -> Command| move || command::run(make().current_dir(root));
    let steps = [
        Step::new("cargo fmt", false, in_root(fmt)),
        Step::new("cargo fmt (fuzz targets)", false, in_root(fmt_fuzz)),
        Step::new("cargo clippy", false, in_root(clippy)),
        Step::new("cargo clippy (fuzz targets)", false, in_root(clippy_fuzz)),
        Step::new("cargo clippy (wasm32, core package)", false, || {
            command::run(clippy_wasm(&[]).current_dir(root))
        }),
        Step::new("cargo clippy (wasm32, wake package)", false, || {
            command::run(clippy_wasm(&["wake"]).current_dir(root))
        }),
        Step::new("cargo clippy (wasm32, extension package)", false, || {
            command::run(clippy_wasm(&["extension"]).current_dir(root))
        }),
        Step::new("cargo clippy (wasm32, pages package)", false, || {
            command::run(clippy_wasm(&["pages"]).current_dir(root))
        }),
        Step::new("cargo clippy (wasm32, tools package)", false, || {
            command::run(clippy_wasm(&["tools"]).current_dir(root))
        }),
        Step::new("cargo test", false, in_root(native_tests)),
        Step::new("fuzz targets (15 s each)", false, || {
            fuzz::fuzz(root, fuzz::SHORT_RUN_SECONDS)
        }),
        Step::new("wasm tests, core package (headless Chromium)", true, || {
            wasm_tests(root, &[])
        }),
        Step::new("wasm tests, wake package (headless Chromium)", true, || {
            wasm_tests(root, &["wake"])
        }),
        Step::new(
            "wasm tests, extension package (headless Chromium)",
            true,
            || wasm_tests(root, &["extension"]),
        ),
        Step::new(
            "wasm tests, pages package (headless Chromium)",
            true,
            || wasm_tests(root, &["pages"]),
        ),
        Step::new(
            "wasm tests, tools package (headless Chromium)",
            true,
            || wasm_tests(root, &["tools"]),
        ),
        Step::new("eslint", false, || eslint(root)),
        Step::new(
            "eslint guard (tests/lint/violations.js must fail it)",
            false,
            || eslint_guard(root),
        ),
        Step::new("cargo xtask dist", false, || dist::dist(root)),
        Step::new(
            "tsc --noEmit (the glue against the wasm .d.ts)",
            false,
            || tsc(root),
        ),
        Step::new("end-to-end tests", true, || e2e_tests(root)),
    ];
    let total = steps.len();
    for (number, step) in steps.iter().enumerate() {
        let number = number + 1;
        if quick && step.browser {
            println!("\n==> [{number}/{total}] {}: skipped (--quick)", step.name);
            continue;
        }
        println!("\n==> [{number}/{total}] {}", step.name);
        (step.action)().map_err(|e| format!("step `{}` failed: {e}", step.name))?;
    }
    println!(
        "\nall checks passed{}",
        if quick {
            " (browser steps skipped)"
        } else {
            ""
        }
    );
    Ok(())
}

fn fmt() -> Command {
    let mut cmd = cargo();
    cmd.args(["fmt", "--all", "--check"]);
    cmd
}

/// The fuzz targets are their own workspace (`fuzz/`), which `--all` does not reach.
fn fmt_fuzz() -> Command {
    let mut cmd = cargo();
    cmd.args(["fmt", "--manifest-path", "fuzz/Cargo.toml", "--check"]);
    cmd
}

/// Clippy over the fuzz targets (and the core's `fuzz-probe` feature they use), on stable.
fn clippy_fuzz() -> Command {
    let mut cmd = cargo();
    cmd.args([
        "clippy",
        "--manifest-path",
        "fuzz/Cargo.toml",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]);
    cmd
}

/// Clippy on the host, over everything.
fn clippy() -> Command {
    let mut cmd = cargo();
    cmd.args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]);
    cmd
}

/// Clippy on wasm32, where `src/wasm/` and `tests/wasm.rs` are compiled (the CLI, the benches
/// and the other tests are host-only), with the features of one wasm package.
fn clippy_wasm(features: &[&str]) -> Command {
    let mut cmd = cargo();
    cmd.args([
        "clippy",
        "--package",
        "signin-guard",
        "--lib",
        "--test",
        "wasm",
    ])
    .args(["--target", WASM_TARGET]);
    with_features(&mut cmd, features);
    cmd.args(["--", "-D", "warnings"]);
    cmd
}

/// `--features …` when there are any.
fn with_features(cmd: &mut Command, features: &[&str]) {
    if !features.is_empty() {
        cmd.args(["--features", &features.join(",")]);
    }
}

fn native_tests() -> Command {
    let mut cmd = cargo();
    cmd.args(["test", "--workspace"]);
    cmd
}

/// `tests/wasm.rs` in headless Chromium, through wasm-bindgen-test-runner (the cargo runner for
/// wasm32 in `.cargo/config.toml`), which reads the browser's options from `webdriver.json`, built
/// with the features of one wasm package.
fn wasm_tests(root: &Path, features: &[&str]) -> Result {
    let chromedriver =
        which("chromedriver").ok_or_else(|| missing("chromedriver", &setup::apt_install_hint()))?;
    if which("wasm-bindgen-test-runner").is_none() {
        let version = setup::locked_version(root, "wasm-bindgen")?;
        return Err(missing(
            "wasm-bindgen-test-runner",
            &format!("cargo install wasm-bindgen-cli --version {version}"),
        ));
    }
    let mut cmd = cargo();
    cmd.args(["test", "--package", "signin-guard", "--test", "wasm"])
        .args(["--target", WASM_TARGET]);
    with_features(&mut cmd, features);
    cmd
        // The runner takes the first driver it finds, geckodriver before chromedriver:
        // naming chromedriver and hiding the others makes it Chromium.
        .env("CHROMEDRIVER", chromedriver)
        .env(
            "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
            root.join("webdriver.json"),
        )
        .env_remove("GECKODRIVER")
        .env_remove("GECKODRIVER_REMOTE")
        .env_remove("CHROMEDRIVER_REMOTE")
        .env_remove("SAFARIDRIVER_REMOTE")
        .env_remove("MSEDGEDRIVER_REMOTE")
        .current_dir(root);
    command::run(&mut cmd)
}

/// eslint (flat config `eslint.config.mjs`) over the JavaScript folders that exist.
fn eslint(root: &Path) -> Result {
    let folders: Vec<&str> = LINTED
        .into_iter()
        .filter(|f| root.join(f).is_dir())
        .collect();
    if folders.is_empty() {
        println!("no {}: nothing to lint", LINTED.join(", "));
        return Ok(());
    }
    let eslint = root.join("node_modules/.bin/eslint");
    if !eslint.is_file() {
        return Err(missing("eslint (npm)", "npm ci"));
    }
    command::run(
        Command::new(eslint)
            // A folder with no JavaScript yet is not an error.
            .arg("--no-error-on-unmatched-pattern")
            .args(&folders)
            .current_dir(root),
    )
}

/// The glue's URL and words guards (`URL_GUARD`, `WORDS_GUARD` in eslint.config.mjs) must fail
/// `tests/lint/violations.js`, linted as if it were a file of the extension: exactly on the lines
/// marked "must fail".
fn eslint_guard(root: &Path) -> Result {
    use std::io::Write;
    use std::process::Stdio;
    let fixture = root.join("tests/lint/violations.js");
    let text = std::fs::read_to_string(&fixture)
        .map_err(|e| format!("cannot read {}: {e}", fixture.display()))?;
    let expected: Vec<u64> = (1..)
        .zip(text.lines())
        .filter(|(_, line)| line.ends_with("// must fail"))
        .map(|(number, _)| number)
        .collect();
    let mut child = Command::new(root.join("node_modules/.bin/eslint"))
        .args(["--no-ignore", "--format", "json", "--stdin"])
        .args(["--stdin-filename", "extension/guard-violations.js"])
        .current_dir(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run eslint: {e} (run `npm ci`)"))?;
    child
        .stdin
        .take()
        .ok_or("eslint's input is not open")?
        .write_all(text.as_bytes())
        .map_err(|e| format!("cannot give eslint the fixture: {e}"))?;
    let output = child
        .wait_with_output()
        .map_err(|e| format!("eslint did not finish: {e}"))?;
    let report: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("eslint's JSON report is unreadable: {e}"))?;
    let mut failed: Vec<u64> = report[0]["messages"]
        .as_array()
        .ok_or("eslint's report has no messages for the fixture")?
        .iter()
        .filter(|m| m["ruleId"] == "no-restricted-syntax")
        .filter_map(|m| m["line"].as_u64())
        .collect();
    failed.dedup();
    if failed != expected {
        return Err(format!(
            "the eslint guards failed tests/lint/violations.js on lines {failed:?}, \
             expected exactly the lines marked \"must fail\": {expected:?}"
        ));
    }
    println!("eslint guard: all {} violations caught", expected.len());
    Ok(())
}

/// `tsc --noEmit` (tsconfig.json): the `// @ts-check` glue against the `.d.ts` files wasm-bindgen wrote
/// in `dist/pkg` (so after `dist`).
fn tsc(root: &Path) -> Result {
    let tsc = root.join("node_modules/.bin/tsc");
    if !tsc.is_file() {
        return Err(missing("typescript (npm)", "npm ci"));
    }
    command::run(
        Command::new(tsc)
            .args(["--noEmit", "-p", "tsconfig.json"])
            .current_dir(root),
    )
}

/// Node's built-in test runner over the test files in `tests/e2e/`, one file at a time (they share
/// browsers and ports).
fn e2e_tests(root: &Path) -> Result {
    let dir = root.join("tests/e2e");
    if !dir.is_dir() {
        println!("no tests/e2e: skipped");
        return Ok(());
    }
    // The files are named, not the folder: Node 20 searches a folder for these names, Node 22
    // reads its arguments as globs instead. An empty list would pass silently: that is an error.
    let tests: Vec<String> = files::list_files(&dir)?
        .into_iter()
        .filter(|file| is_node_test_file(file))
        .map(|file| format!("tests/e2e/{}", file.to_string_lossy().replace('\\', "/")))
        .collect();
    if tests.is_empty() {
        return Err(
            "tests/e2e has no test files: node --test runs files named *.test.mjs, *-test.mjs, \
             *_test.mjs, test-*.mjs or test.mjs (.js and .cjs too)"
                .into(),
        );
    }
    if which("node").is_none() {
        return Err(missing("node", "apt-get install -y nodejs (Node.js 20+)"));
    }
    command::run(
        Command::new("node")
            .args(["--test", "--test-concurrency=1"])
            .args(&tests)
            .current_dir(root),
    )
}

/// Whether Node's test runner counts a file as a test by its name (its default patterns).
fn is_node_test_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let Some(stem) = [".js", ".mjs", ".cjs"]
        .iter()
        .find_map(|ext| name.strip_suffix(ext))
    else {
        return false;
    };
    stem == "test"
        || stem.starts_with("test-")
        || [".test", "-test", "_test"]
            .iter()
            .any(|s| stem.ends_with(s))
        || path.components().any(|c| c.as_os_str() == "test")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_test_files_are_recognised_by_name() {
        for name in [
            "popup.test.mjs",
            "test-firefox.mjs",
            "a_test.js",
            "b-test.cjs",
            "test.mjs",
        ] {
            assert!(is_node_test_file(Path::new(name)), "{name}");
        }
        for name in [
            "chromium.mjs",
            "fixture-server.mjs",
            "testing.mjs",
            "popup.test.ts",
        ] {
            assert!(!is_node_test_file(Path::new(name)), "{name}");
        }
    }
}
