//! `signin-guard`: checks AWS sign-in and console URLs, makes account sign-in links and lists
//! regions, from the same core the browser extension runs as WebAssembly.

// The CLI is native only; a wasm build of the tests still compiles every binary, so it gets an
// empty one there.
#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
