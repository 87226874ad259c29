//! Exports for bookmark files (the tools package, which `www/` loads on first use): a file checked,
//! a file fixed as chosen.

use super::convert::{from_js, human_error, to_js};
use crate::bookmarks::doctor::Report;
use crate::bookmarks::doctor::{Selection, SelectionProblem};
use crate::bookmarks::file::{
    check_file_for_display, fix_all_selection, fix_file_as_chosen, Change, Deletion, Note,
    Unchanged,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `{report, notes, fix_all}` for the bytes of a bookmark file (`Uint8Array`): the doctor's report
/// (ids are bookmark indexes as text, `line` set; titles redacted too), the markup tolerated, and the selection "fix
/// all" applies (every proposed replacement). Throws what is wrong and where when the bytes are
/// no bookmark file.
#[wasm_bindgen(js_name = checkBookmarkFile)]
pub fn check_bookmark_file(bytes: &[u8]) -> Result<JsValue, JsError> {
    let check = check_file_for_display(bytes).map_err(human_error)?;
    let fix_all = fix_all_selection(&check.report);
    to_js(&CheckedFile {
        report: &check.report,
        notes: &check.notes,
        fix_all: &fix_all,
    })
}

#[derive(Serialize)]
struct CheckedFile<'a> {
    report: &'a Report,
    notes: &'a [Note],
    fix_all: &'a Selection,
}

/// `{output, changes, deleted, unchanged, problems}`: the file (`Uint8Array`) with `selection`
/// (as for `planBookmarkBatch`) applied; `output` is the fixed file's bytes (a `Uint8Array`),
/// empty when `problems` is not.
#[wasm_bindgen(js_name = fixBookmarkFile)]
pub fn fix_bookmark_file(bytes: &[u8], selection: JsValue) -> Result<JsValue, JsError> {
    let selection: Selection = from_js(selection, "selection")?;
    let fixed = fix_file_as_chosen(bytes, &selection).map_err(human_error)?;
    let answer = to_js(&FixedFile {
        changes: &fixed.changes,
        deleted: &fixed.deleted,
        unchanged: &fixed.unchanged,
        problems: &fixed.problems,
    })?;
    // The file crosses as one Uint8Array copied once, not as JSON's array of numbers.
    let output = js_sys::Uint8Array::from(&fixed.output[..]);
    js_sys::Reflect::set(&answer, &JsValue::from_str("output"), &output)
        .map_err(|_| JsError::new("the fixed file could not be handed over"))?;
    Ok(answer)
}

/// What `fixBookmarkFile` answers besides `output`, which is set on the object as a `Uint8Array`.
#[derive(Serialize)]
struct FixedFile<'a> {
    changes: &'a [Change],
    deleted: &'a [Deletion],
    unchanged: &'a [Unchanged],
    problems: &'a [SelectionProblem],
}
