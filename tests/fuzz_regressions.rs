//! The inputs the fuzz targets once crashed on (`fuzz/corpus/TARGET/regression-*`), replayed in
//! the normal test suite, through the same public functions, with the dev profile's checks.

use signin_guard::{classify, Kind};
use std::path::Path;

/// The regression inputs of one target, with their file names.
fn regressions(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut inputs: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.to_owned();
            name.starts_with("regression-")
                .then(|| (name, std::fs::read(&path).expect("readable")))
        })
        .collect();
    inputs.sort();
    inputs
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("the fuzz targets take UTF-8 text")
}

/// Every classify input that once crashed a fuzz target classifies without a panic.
#[test]
fn classify_regressions_never_panic() {
    let inputs = regressions("classify");
    assert!(
        !inputs.is_empty(),
        "fuzz/corpus/classify has regression inputs"
    );
    for (name, bytes) in inputs {
        let verdict = std::panic::catch_unwind(|| classify(text(&bytes)));
        assert!(verdict.is_ok(), "{name} panics");
    }
}

/// Capitals next to non-ASCII in the host reach idna_adapter's debug assertion (the dev profile
/// turns it off, see Cargo.toml; cargo-fuzz's default build forced it on): such a host is no URL.
#[test]
fn uppercase_next_to_non_ascii_host_is_unrelated() {
    let (_, bytes) = regressions("classify")
        .into_iter()
        .find(|(name, _)| name == "regression-idna-adapter-uppercase-with-non-ascii")
        .expect("the input is kept");
    assert_eq!(classify(text(&bytes)).kind, Kind::Unrelated);
}
