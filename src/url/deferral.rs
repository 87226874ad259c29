//! What the wake package does with a URL only the WHATWG parser reads: it carries no parser (the
//! `url` crate is ~23 KB of its gzipped wasm), so it reads the plain forms by hand (`simple_url`,
//! `plain_url`) and, for anything else, notes here that the answer it is working out is void.
//! The event's export then answers `undefined`, and the worker asks the same event of the
//! extension package, which has the parser (`event_answer`, `src/wasm/events.rs`). Every other
//! build never notes anything.
//!
//! Events are pure (facts in, an answer out), so an answer worked out after a note is only thrown
//! away; the flag is read and cleared right after each call, in the same turn.

use std::cell::Cell;

thread_local! {
    static NEEDED: Cell<bool> = const { Cell::new(false) };
}

/// Notes that the answer being worked out needed the full parser.
#[cfg_attr(not(wake_package), allow(dead_code))]
pub(crate) fn note() {
    NEEDED.with(|needed| needed.set(true));
}

/// Whether `note` was called since the last `take`; clears it.
#[cfg_attr(any(not(wake_package), not(target_arch = "wasm32")), allow(dead_code))]
pub(crate) fn take() -> bool {
    NEEDED.with(|needed| needed.replace(false))
}
