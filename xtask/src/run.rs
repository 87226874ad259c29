//! `cargo xtask run`: builds everything, says where it is, and opens Chromium with the extension.

use crate::command::{self, cargo, missing, which_any};
use crate::setup::{self, Needs};
use crate::{dist, files, Result};
use std::path::Path;
use std::process::Command;

/// The page Chromium opens: an account sign-in URL, where the extension has something to say.
const START_URL: &str = "https://myalias.signin.aws.amazon.com/console";

/// Builds the CLI and `dist/`, prints their paths, then launches Chromium if there is a display.
pub fn run(root: &Path) -> Result {
    setup::setup(root, Needs::build())?;
    dist::dist(root)?;
    command::run(
        cargo()
            .args(["build", "--release", "--package", "signin-guard"])
            .args(["--bin", "signin-guard"])
            .current_dir(root),
    )?;
    let cli = dist::target_dir(root).join("release/signin-guard");
    let chrome = root.join("dist/chrome");
    println!("\nbuilt:");
    println!("  CLI                 {}", cli.display());
    for (what, path) in [
        ("wasm packages", "dist/pkg"),
        ("Chrome extension", "dist/chrome"),
        ("Firefox extension", "dist/firefox"),
        ("web page", "dist/www"),
    ] {
        let path = root.join(path);
        let state = if path.is_dir() {
            ""
        } else {
            "  (not built: no source yet)"
        };
        println!("  {what:<20}{}{state}", path.display());
    }
    if root.join("dist/firefox/manifest.json").is_file() {
        println!(
            "\nFirefox: `npx web-ext run --source-dir dist/firefox`, or about:debugging → This \
             Firefox → Load Temporary Add-on → dist/firefox/manifest.json"
        );
    }
    if !chrome.join("manifest.json").is_file() {
        println!("\nno extension to load yet (extension/manifest.template.json is missing)");
        return Ok(());
    }
    let has_display =
        std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some();
    if !has_display {
        println!(
            "\nno display (DISPLAY / WAYLAND_DISPLAY unset), so no browser is started. To load the \
             extension by hand: open chrome://extensions, turn on Developer mode, click \
             \"Load unpacked\" and choose {}",
            chrome.display()
        );
        return Ok(());
    }
    launch_chromium(root, &chrome)
}

/// Chromium with a fresh profile and only our extension; returns when the browser is closed.
fn launch_chromium(root: &Path, extension: &Path) -> Result {
    // Branded Chrome 137+ ignores --load-extension; Chromium does not.
    let chromium = which_any(&["chromium", "chromium-browser"])
        .ok_or_else(|| missing("chromium", &setup::apt_install_hint()))?;
    let profile = dist::target_dir(root).join("chromium-profile");
    files::remove_dir(&profile)?;
    files::create_dir(&profile)?;
    let mut cmd = Command::new(chromium);
    cmd.arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--load-extension={}", extension.display()))
        .arg(format!(
            "--disable-extensions-except={}",
            extension.display()
        ))
        .args(["--no-first-run", "--no-default-browser-check"]);
    if command::is_root() {
        // Chromium refuses to start as root with its sandbox on.
        cmd.arg("--no-sandbox");
    }
    cmd.arg(START_URL);
    println!("\nstarting Chromium; close it to finish");
    command::run(&mut cmd)
}
