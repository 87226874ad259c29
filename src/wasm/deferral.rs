//! The wake package's one answer about its own answers (`crate::url::deferral`): whether the
//! event just answered read a URL only the WHATWG parser reads, which the wake package does not
//! carry. Then that answer is void, and the worker asks the same event of the extension package.

use wasm_bindgen::prelude::*;

/// Whether the answer of the last call needs the full core (the extension package): call right
/// after each event's export; it clears what it says.
#[wasm_bindgen(js_name = needsFullCore)]
pub fn needs_full_core() -> bool {
    crate::url::deferral::take()
}
