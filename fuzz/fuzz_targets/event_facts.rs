//! The wake package's hand readers on any text: the JSON reader agrees with serde_json's, and
//! page facts that read give a page report, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signin_guard::events::fuzz_probe::{json_readers_differ, read_page_facts};
use signin_guard::events::page_report::page_report;

fuzz_target!(|text: &str| {
    if let Some(difference) = json_readers_differ(text) {
        panic!("{text:?}: {difference}");
    }
    if let Ok(facts) = read_page_facts(text) {
        serde_json::to_string(&page_report(&facts)).expect("serialises");
    }
});
