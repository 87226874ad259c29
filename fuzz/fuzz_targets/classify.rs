//! `classify` on any text: never panics, and its shortcuts (the plain-URL reader, the quick
//! rejections) give exactly the verdict of the full WHATWG reading.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signin_guard::url::fuzz_probe::classify_without_shortcuts;

fuzz_target!(|input: &str| {
    let verdict = signin_guard::classify(input);
    assert_eq!(verdict, classify_without_shortcuts(input), "{input:?}");
});
