//! Names the one build whose code differs by more than its exports: `cfg(wake_package)`, the wake
//! package alone (feature `wake` without `extension`), which carries no WHATWG URL parser
//! (`src/url/deferral.rs`). Every other build, native ones included, is `not(wake_package)`.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(wake_package)");
    let wake = std::env::var_os("CARGO_FEATURE_WAKE").is_some();
    let extension = std::env::var_os("CARGO_FEATURE_EXTENSION").is_some();
    if wake && !extension {
        println!("cargo::rustc-cfg=wake_package");
    }
}
