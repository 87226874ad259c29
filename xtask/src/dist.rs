//! Builds the five WebAssembly packages into `dist/pkg`, then the extensions and the web page
//! around them.

use crate::command::{self, cargo, missing};
use crate::setup::WASM_TARGET;
use crate::wasm_packages::{Package, CORE, EXTENSION, PAGES, TOOLS, WAKE, WWW_PACKAGES};
use crate::{extension, files, Result};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The crate's library name, and so the name of the `.wasm` cargo writes.
const LIB_NAME: &str = "signin_guard";

/// Features the Rust compiler's wasm output uses. wasm-opt also reads them from the module's
/// `target_features` section (kept because the release profile does not strip); naming them keeps
/// it working if that section is ever gone.
const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds everything under `dist/`: `pkg`, `chrome`, `firefox`, their zips and `www`.
pub fn dist(root: &Path) -> Result {
    println!("==> dist");
    let dist = root.join("dist");
    files::remove_dir(&dist)?;
    let pkg = dist.join("pkg");
    let mut sizes = Vec::new();
    for package in [&CORE, &WAKE, &EXTENSION, &PAGES, &TOOLS] {
        let (line, gzipped) = build_pkg(root, &pkg, package)?;
        if package.out_name != WAKE.out_name {
            sizes.push(line);
            continue;
        }
        if gzipped > WAKE_MOST_GZIPPED {
            return Err(format!(
                "{line}: the wake package is over its {WAKE_MOST_GZIPPED} bytes gzipped: every \
                 worker wake compiles it (README, \"The wake package\")"
            ));
        }
        sizes.push(format!(
            "{line}: all a worker wake instantiates (at most {WAKE_MOST_GZIPPED} gzipped)"
        ));
    }
    for line in sizes {
        println!("{line}");
    }
    extension::build_extensions(root, &pkg, &extension::esbuild(root))?;
    build_www(root, &pkg)?;
    Ok(())
}

/// The most the wake package may weigh, gzipped (-9): every worker wake fetches and compiles it,
/// so a change that outgrows it fails the build rather than slowing every wake unnoticed.
const WAKE_MOST_GZIPPED: usize = 100_000;

/// `cargo build` for wasm32, `wasm-bindgen --target web`, then `wasm-opt` (`-Oz`, or `-O3` for a
/// package built for speed); returns the line that says the module's size, and its gzipped size.
fn build_pkg(root: &Path, pkg: &Path, package: &Package) -> Result<(String, usize)> {
    let mut build = cargo();
    build
        .args(["build", "--profile", package.profile()])
        .args(["--lib", "--package", "signin-guard"])
        .args(["--target", WASM_TARGET]);
    if !package.features.is_empty() {
        build.args(["--features", &package.features.join(",")]);
    }
    // Both packages come out as the same file: wasm-bindgen reads it before the next build.
    command::run(build.current_dir(root))?;
    let wasm = target_dir(root)
        .join(WASM_TARGET)
        .join(package.profile())
        .join(format!("{LIB_NAME}.wasm"));
    command::run(
        Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--out-name",
                package.out_name,
                "--out-dir",
            ])
            .arg(pkg)
            .arg(&wasm)
            .current_dir(root),
    )?;
    let optimized = pkg.join(format!("{}_bg.wasm", package.out_name));
    let wasm_opt = root.join("node_modules/.bin/wasm-opt");
    if !wasm_opt.is_file() {
        return Err(missing("wasm-opt (npm package binaryen)", "npm ci"));
    }
    command::run(
        Command::new(wasm_opt)
            .arg(package.wasm_opt_level())
            .args(WASM_FEATURES)
            // Metadata no browser reads, once wasm-bindgen has used `target_features`.
            .args(["--strip-producers", "--strip-target-features"])
            .arg(&optimized)
            .arg("-o")
            .arg(&optimized)
            .current_dir(root),
    )?;
    let bytes = files::read(&optimized)?;
    let gzipped = gzipped_len(&bytes)?;
    let line = format!(
        "{}: {} bytes, {gzipped} bytes gzipped (-9)",
        optimized.display(),
        bytes.len(),
    );
    Ok((line, gzipped))
}

/// `dist/www`: the web page, with its packages next to it in `pkg` (the core package at once, the
/// tools package on first use).
fn build_www(root: &Path, pkg: &Path) -> Result {
    let www = root.join("www");
    if !www.is_dir() {
        println!("no {}: skipping dist/www", www.display());
        return Ok(());
    }
    let out = root.join("dist/www");
    files::copy_dir(&www, &out, &|p| !p.starts_with("pkg"))?;
    let www_files = |p: &Path| {
        let stem = p.file_stem().and_then(|stem| stem.to_str()).unwrap_or("");
        let stem = stem.strip_suffix("_bg").unwrap_or(stem);
        p.starts_with(crate::wasm_packages::SNIPPETS) || WWW_PACKAGES.contains(&stem)
    };
    files::copy_dir(pkg, &out.join("pkg"), &www_files)?;
    println!("built {}", out.display());
    Ok(())
}

/// Cargo's target folder (`CARGO_TARGET_DIR` or `target/`).
pub fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    }
}

/// The size after `gzip -9`, which is roughly what a download costs.
fn gzipped_len(bytes: &[u8]) -> Result<usize> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map(|gz| gz.len())
        .map_err(|e| format!("gzip failed: {e}"))
}
