//! Installs what the build and the tests need, skipping whatever is already there.

use crate::command::{self, cargo, missing, which, which_any};
use crate::Result;
use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

/// The WebAssembly target the extension's core is built for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The programs the browser tests run (any one name of each will do) and the Debian package of each.
const SYSTEM_PROGRAMS: [(&[&str], &str); 4] = [
    (&["chromium", "chromium-browser"], "chromium"),
    (&["chromedriver"], "chromium-driver"),
    (&["firefox-esr", "firefox"], "firefox-esr"),
    // The end-to-end tests make their TLS certificate with it.
    (&["openssl"], "openssl"),
];

/// Which parts of the setup a command needs.
#[derive(Clone, Copy)]
pub struct Needs {
    /// rustfmt and clippy, for `cargo xtask test`.
    pub lint_tools: bool,
    /// Chromium, chromedriver, Firefox and geckodriver, for the browser tests.
    pub browsers: bool,
    /// The nightly toolchain and cargo-fuzz, for the fuzz targets.
    pub fuzzing: bool,
}

impl Needs {
    /// What `dist` and `run` need: the wasm toolchain and the npm packages.
    pub fn build() -> Needs {
        Needs {
            lint_tools: false,
            browsers: false,
            fuzzing: false,
        }
    }

    /// Everything (`cargo xtask setup`, `cargo xtask test`).
    pub fn everything() -> Needs {
        Needs {
            lint_tools: true,
            browsers: true,
            fuzzing: true,
        }
    }
}

/// Installs what is missing for `needs`; prints the commands it cannot run itself.
pub fn setup(root: &Path, needs: Needs) -> Result {
    println!("==> setup");
    wasm_target()?;
    if needs.lint_tools {
        lint_tools()?;
    }
    if needs.fuzzing {
        fuzz_tools()?;
    }
    wasm_bindgen_cli(root)?;
    npm_packages(root)?;
    if needs.browsers {
        system_packages()?;
        geckodriver()?;
    }
    Ok(())
}

/// The system packages' install command, for messages.
pub fn apt_install_hint() -> String {
    let packages: Vec<&str> = SYSTEM_PROGRAMS
        .iter()
        .map(|(_, package)| *package)
        .collect();
    format!(
        "apt-get update && apt-get install -y {} (as root)",
        packages.join(" ")
    )
}

fn wasm_target() -> Result {
    let sysroot = command::output(Command::new("rustc").args(["--print", "sysroot"]))
        .ok_or("`rustc --print sysroot` failed: is Rust installed? See https://rustup.rs")?;
    if Path::new(&sysroot)
        .join("lib/rustlib")
        .join(WASM_TARGET)
        .is_dir()
    {
        return Ok(());
    }
    if which("rustup").is_none() {
        return Err(format!(
            "the {WASM_TARGET} target is not installed for the toolchain at {sysroot}; \
             install it with `rustup target add {WASM_TARGET}`"
        ));
    }
    command::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

fn lint_tools() -> Result {
    let has = |tool: &str| command::output(cargo().args([tool, "--version"])).is_some();
    let absent: Vec<&str> = ["fmt", "clippy"]
        .into_iter()
        .filter(|tool| !has(tool))
        .collect();
    if absent.is_empty() {
        return Ok(());
    }
    let components: Vec<&str> = absent
        .iter()
        .map(|tool| if *tool == "fmt" { "rustfmt" } else { "clippy" })
        .collect();
    if which("rustup").is_none() {
        return Err(missing(
            &format!("cargo {}", absent.join(", cargo ")),
            &format!("rustup component add {}", components.join(" ")),
        ));
    }
    command::run(
        Command::new("rustup")
            .args(["component", "add"])
            .args(&components),
    )
}

/// The nightly toolchain (cargo-fuzz builds with sanitizers, which only nightly has) and
/// cargo-fuzz itself.
pub fn fuzz_tools() -> Result {
    let has_nightly = || {
        command::output(Command::new("rustup").args(["run", "nightly", "rustc", "--version"]))
            .is_some()
    };
    if !has_nightly() {
        if which("rustup").is_none() {
            return Err(missing(
                "the nightly Rust toolchain",
                "rustup toolchain install nightly --profile minimal (see https://rustup.rs)",
            ));
        }
        command::run(Command::new("rustup").args([
            "toolchain",
            "install",
            "nightly",
            "--profile",
            "minimal",
        ]))?;
    }
    if command::output(cargo().args(["fuzz", "--version"])).is_none() {
        command::run(cargo().args(["install", "cargo-fuzz", "--locked"]))?;
    }
    Ok(())
}

/// wasm-bindgen's CLI must be exactly the version of the `wasm-bindgen` crate in Cargo.lock.
fn wasm_bindgen_cli(root: &Path) -> Result {
    let version = locked_version(root, "wasm-bindgen")?;
    let installed = |tool: &str| {
        command::output(Command::new(tool).arg("--version"))
            .is_some_and(|v| v == format!("{tool} {version}"))
    };
    if installed("wasm-bindgen") && installed("wasm-bindgen-test-runner") {
        return Ok(());
    }
    command::run(cargo().args(["install", "wasm-bindgen-cli", "--version", &version]))?;
    if !installed("wasm-bindgen") {
        return Err(format!(
            "wasm-bindgen-cli {version} was installed, but `wasm-bindgen --version` on PATH does \
             not say {version}: put cargo's bin folder (~/.cargo/bin) first on PATH"
        ));
    }
    Ok(())
}

/// The version of a package in Cargo.lock.
pub fn locked_version(root: &Path, package: &str) -> Result<String> {
    let path = root.join("Cargo.lock");
    let lock = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == name_line {
            let version = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'));
            if let Some(version) = version {
                return Ok(version.to_owned());
            }
        }
    }
    Err(format!(
        "{} has no `{package}` package: run `cargo generate-lockfile`",
        path.display()
    ))
}

/// `npm ci` when node_modules is missing or older than package.json / package-lock.json.
/// A `node_modules` that is a link (a git worktree sharing another tree's packages) is left as it is:
/// `npm ci` would empty the tree it links to, and a fresh checkout's files always look newer than it.
fn npm_packages(root: &Path) -> Result {
    let manifest = root.join("package.json");
    if !manifest.is_file() {
        return Ok(());
    }
    let modules = root.join("node_modules");
    if modules.is_symlink() {
        println!(
            "{} is a link: its packages are used as they are (run `npm ci` where it points if \
             package-lock.json changed)",
            modules.display()
        );
        return Ok(());
    }
    let lock = root.join("package-lock.json");
    // npm writes this file at the end of every install: its age is the install's age.
    let installed = modified(&root.join("node_modules/.package-lock.json"));
    let fresh = installed.is_some_and(|done| {
        [&manifest, &lock]
            .iter()
            .all(|f| modified(f).is_none_or(|changed| changed <= done))
    });
    if fresh {
        return Ok(());
    }
    if which("npm").is_none() {
        return Err(missing(
            "npm",
            "apt-get install -y nodejs npm (or Node.js 20+ from https://nodejs.org)",
        ));
    }
    let verb = if lock.is_file() { "ci" } else { "install" };
    command::run(Command::new("npm").arg(verb).current_dir(root))
}

fn modified(path: &Path) -> Option<SystemTime> {
    path.metadata().and_then(|m| m.modified()).ok()
}

/// Chromium, chromedriver, Firefox and openssl from Debian's packages.
fn system_packages() -> Result {
    let absent: Vec<&str> = SYSTEM_PROGRAMS
        .iter()
        .filter(|(programs, _)| which_any(programs).is_none())
        .map(|(_, package)| *package)
        .collect();
    if absent.is_empty() {
        return Ok(());
    }
    if !command::is_root() || which("apt-get").is_none() {
        println!(
            "warning: the browser tests need the packages {list}, which this xtask installs only \
             as root, with apt-get. Run:\n    \
             sudo apt-get update && sudo apt-get install -y {list}\n\
             or install them with your system's package manager.",
            list = absent.join(" ")
        );
        return Ok(());
    }
    let apt = || {
        let mut cmd = Command::new("apt-get");
        cmd.env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    command::run(apt().arg("update"))?;
    command::run(apt().args(["install", "-y"]).args(&absent))
}

/// geckodriver, for the Firefox end-to-end tests (npm's `geckodriver` package cannot download here).
/// The tests also look in cargo's bin folder, so one installed there counts even when it is not on PATH.
fn geckodriver() -> Result {
    if which("geckodriver").is_some()
        || cargo_bin().is_some_and(|bin| bin.join("geckodriver").is_file())
    {
        return Ok(());
    }
    command::run(cargo().args(["install", "geckodriver"]))
}

/// Where `cargo install` puts programs: `$CARGO_HOME/bin`, else `~/.cargo/bin`.
fn cargo_bin() -> Option<std::path::PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))?;
    Some(home.join("bin"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wasm_bindgen_cli_version_comes_from_cargo_lock() {
        let root = crate::project_root();
        let version = locked_version(&root, "wasm-bindgen").expect("Cargo.lock lists wasm-bindgen");
        assert!(version.starts_with("0.2."), "{version}");
    }

    /// A worktree whose node_modules links to another tree's: provisioning leaves that tree's packages
    /// (npm would have removed them: nothing in this package.json lists them).
    #[cfg(unix)]
    #[test]
    fn a_linked_node_modules_is_left_alone() {
        let dir = std::env::temp_dir().join(format!("xtask-linked-modules-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let shared = dir.join("shared/node_modules");
        let package = shared.join("some-package");
        std::fs::create_dir_all(&package).unwrap();
        std::fs::write(
            package.join("package.json"),
            r#"{"name":"some-package","version":"1.0.0"}"#,
        )
        .unwrap();
        let worktree = dir.join("worktree");
        std::fs::create_dir_all(&worktree).unwrap();
        std::fs::write(
            worktree.join("package.json"),
            r#"{"name":"worktree","version":"1.0.0"}"#,
        )
        .unwrap();
        // With a lockfile provisioning would run `npm ci`, which starts by removing node_modules.
        let lock = r#"{"name":"worktree","version":"1.0.0","lockfileVersion":3,"requires":true,
            "packages":{"":{"name":"worktree","version":"1.0.0"}}}"#;
        std::fs::write(worktree.join("package-lock.json"), lock).unwrap();
        std::os::unix::fs::symlink(&shared, worktree.join("node_modules")).unwrap();
        let result = npm_packages(&worktree);
        let kept = package.join("package.json").is_file();
        std::fs::remove_dir_all(&dir).unwrap();
        result.unwrap();
        assert!(kept, "the linked tree's packages were removed");
    }
}
