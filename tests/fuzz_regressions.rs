//! The inputs the fuzz targets once crashed on (`fuzz/corpus/TARGET/regression-*`), replayed in
//! the normal test suite, through the same public functions, with the dev profile's checks.

use signin_guard::tab::known_accounts::KnownAccounts;
use signin_guard::tab::launcher::{Launcher, LauncherPrefs};
use signin_guard::tab::team_context::TeamContext;
use signin_guard::team::config::TeamConfig;
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

/// One kept regression input of a target, by its file name.
fn regression(target: &str, file: &str) -> Vec<u8> {
    regressions(target)
        .into_iter()
        .find(|(name, _)| name == file)
        .map(|(_, bytes)| bytes)
        .unwrap_or_else(|| panic!("fuzz/corpus/{target}/{file} is kept"))
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
    let bytes = regression(
        "classify",
        "regression-idna-adapter-uppercase-with-non-ascii",
    );
    assert_eq!(classify(text(&bytes)).kind, Kind::Unrelated);
}

/// A punycode label that decodes to U+200F (a right-to-left mark, disallowed) reaches a debug
/// assertion of idna 1.1 that says it cannot (the dev profile turns it off, see Cargo.toml): the
/// host is no URL's, as in release builds.
#[test]
fn punycode_of_a_right_to_left_mark_is_unrelated() {
    let bytes = regression("classify", "regression-idna-rlm-from-punycode");
    assert_eq!(classify(text(&bytes)).kind, Kind::Unrelated);
}

/// A stored key with a part more (`ACCOUNT|ROLE|REGION|…`) once marked the choice it starts
/// with as a favourite: only a choice's own key names it.
#[test]
fn a_key_with_a_part_more_names_no_choice() {
    let bytes = regression("account_search", "regression-key-with-a-part-more");
    let mut lines = text(&bytes).split('\n');
    let query = lines.next().unwrap_or_default();
    let favourites: Vec<String> = lines
        .next()
        .map(|line| line.split(',').map(str::to_owned).collect())
        .unwrap_or_default();
    let config = TeamConfig::parse(include_str!("data/launcher/team.json"))
        .config
        .expect("the example team configuration is usable");
    let context = TeamContext {
        managed: Some(config),
        user: None,
    };
    let launcher = Launcher::new(&context.read(), &KnownAccounts::new());
    let prefs = LauncherPrefs {
        favourites: favourites.clone(),
        recent: Vec::new(),
    };
    let choices = launcher.search(query, &prefs, 50);
    let nearly = choices
        .iter()
        .find(|c| c.key == "777788889999||us-east-2")
        .expect("the example team offers 777788889999 in us-east-2");
    assert!(!nearly.favourite, "{} is no favourite", nearly.key);
    // The key itself still names it.
    let prefs = LauncherPrefs {
        favourites: vec![nearly.key.clone()],
        recent: Vec::new(),
    };
    let again = launcher.search(query, &prefs, 50);
    assert!(again.iter().any(|c| c.key == nearly.key && c.favourite));
}
