//! Exports of the bookmark journal, which every bookmark change the extension makes is written to
//! first (the extension package: the worker's single fix and undo, and the doctor's batches).

use super::convert::{from_js, to_js};
use wasm_bindgen::prelude::*;

/// `{steps, skipped}`: how to undo a journaled batch, given its bookmarks as they are now and
/// the secrets still kept (`{[id]: {old_url, title}}`, or undefined).
#[wasm_bindgen(js_name = planBookmarkUndo)]
pub fn plan_bookmark_undo(
    entries: JsValue,
    current: JsValue,
    kept: JsValue,
) -> Result<JsValue, JsError> {
    use crate::bookmarks::doctor::{CurrentBookmark, JournalEntry, KeptSecret};
    use std::collections::HashMap;
    let entries: Vec<JournalEntry> = from_js(entries, "the undo record")?;
    let current: Vec<CurrentBookmark> = from_js(current, "bookmarks")?;
    let kept: HashMap<String, KeptSecret> = if kept.is_undefined() || kept.is_null() {
        HashMap::new()
    } else {
        from_js(kept, "the kept secrets")?
    };
    to_js(&crate::bookmarks::doctor::plan_undo(
        &entries, &current, &kept,
    ))
}

/// `{entry, kept}`: a bookmark as it was before a batch (`{id, old_url, new_url, title,
/// parent_id, index}`) split into the journal's entry, secrets redacted, and the secrets to keep
/// apart (`{old_url, title}`, or null).
#[wasm_bindgen(js_name = journalRecord)]
pub fn journal_record(entry: JsValue) -> Result<JsValue, JsError> {
    let entry: crate::bookmarks::doctor::JournalEntry = from_js(entry, "the bookmark")?;
    to_js(&crate::bookmarks::doctor::journal_record(entry))
}
