//! The `~/.aws/config` and AESR imports on any text, in each format: never a panic, and the
//! imported configuration, as stored, reads back the same with the strict and lenient readers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signin_guard::team::config::{read_lenient, read_strict};
use signin_guard::team::import::{import, ImportFormat};

fuzz_target!(|text: &str| {
    for format in [
        ImportFormat::AwsConfig,
        ImportFormat::Aesr,
        ImportFormat::Auto,
    ] {
        let Ok(imported) = import(text, format) else {
            continue;
        };
        let written = imported.config.to_value();
        assert_eq!(
            read_strict(&written).as_ref(),
            Some(&imported.config),
            "{written}"
        );
        let lenient = read_lenient(&written);
        assert_eq!(lenient.config.as_ref(), Some(&imported.config), "{written}");
        assert!(
            lenient.problems.is_empty(),
            "{written}: {:?}",
            lenient.problems
        );
        serde_json::to_string(&imported).expect("the import report serialises");
    }
});
