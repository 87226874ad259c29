//! The team configuration readers: the lenient one (anything a person wrote) never panics, and
//! what it keeps, written out as the core writes it, reads back the same with the strict reader
//! (the extension's stored copies) and with the lenient one, without a problem.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signin_guard::team::config::{read_lenient, read_strict, TeamConfig};

fuzz_target!(|text: &str| {
    let parsed = TeamConfig::parse(text);
    // `parse` skips a byte-order mark, as some editors write one.
    let json = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(document) = serde_json::from_str::<serde_json::Value>(json) else {
        assert!(parsed.config.is_none(), "{text:?}: not JSON, yet usable");
        return;
    };
    let strict_of_document = read_strict(&document);
    let Some(config) = read_lenient(&document).config else {
        assert!(
            strict_of_document.is_none(),
            "only the strict reader reads {text:?}"
        );
        return;
    };
    let written = config.to_value();
    assert_eq!(
        read_strict(&written).as_ref(),
        Some(&config),
        "strict reading of {written}"
    );
    let again = read_lenient(&written);
    assert_eq!(
        again.config.as_ref(),
        Some(&config),
        "lenient reading of {written}"
    );
    assert!(again.problems.is_empty(), "{written}: {:?}", again.problems);
    let text_again = TeamConfig::parse(&config.to_json_pretty());
    assert_eq!(
        text_again.config.as_ref(),
        Some(&config),
        "the pretty text of {written}"
    );
});
