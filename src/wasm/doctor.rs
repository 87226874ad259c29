//! Exports of the bookmark doctor (the pages package only).

use super::convert::{from_js, to_js};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The doctor's report on the whole bookmark tree, `[{id, url, title, folder_path}]`, in one
/// boundary crossing; `team` is `{managed, user}` as for `pageView` (or undefined): a captured
/// sign-in page of its accounts gets their team links.
///
/// Conversion only, shaped for 50,000 bookmarks: `id`, `url` and `title` of all of them cross as
/// one JSON text read without copying (`JSON.stringify` with those keys), and the `folder_path`
/// of a bookmark is read only when the report lists it.
#[wasm_bindgen(js_name = analyzeBookmarks)]
pub fn analyze_bookmarks(bookmarks: JsValue, team: JsValue) -> Result<JsValue, JsError> {
    use crate::bookmarks::doctor::{analyze_views, BookmarkView};
    let team = super::convert::team_accounts_from_js(team)?;
    let keys = to_js(&["id", "url", "title"])?;
    let text = json_stringify(&bookmarks, &keys)
        .ok()
        .flatten()
        .ok_or_else(|| {
            JsError::new("bookmarks: expected a list of {id, url, title, folder_path}")
        })?;
    let list: Vec<BookmarkText> =
        serde_json::from_str(&text).map_err(|e| JsError::new(&format!("bookmarks: {e}")))?;
    let objects: &BookmarkObjects = bookmarks.unchecked_ref();
    let views = list.iter().map(|b| BookmarkView {
        id: std::borrow::Cow::Borrowed(&b.id),
        url: &b.url,
        title: &b.title,
        line: None,
    });
    let folder_path_of = |index| {
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        let object: BookmarkObject = objects.get(index).unchecked_into();
        // A missing or malformed path shows as the top level; it decides nothing.
        object
            .folder_path()
            .ok()
            .and_then(|path| super::convert::from_js(path, "folder_path").ok())
            .unwrap_or_default()
    };
    let report = analyze_views(views, folder_path_of, &team);
    to_js(&report)
}

/// What `analyzeBookmarks` reads of every bookmark, borrowed from the JSON text.
#[derive(serde::Deserialize)]
struct BookmarkText<'a> {
    #[serde(borrow)]
    id: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    url: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    title: std::borrow::Cow<'a, str>,
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.stringify(value, keys)`; `None` for values JSON cannot hold.
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    fn json_stringify(value: &JsValue, keys: &JsValue) -> Result<Option<String>, JsValue>;

    /// The array given to `analyzeBookmarks`.
    type BookmarkObjects;
    #[wasm_bindgen(method, structural, indexing_getter)]
    fn get(this: &BookmarkObjects, index: u32) -> JsValue;

    /// One of its objects.
    type BookmarkObject;
    #[wasm_bindgen(method, structural, getter, catch)]
    fn folder_path(this: &BookmarkObject) -> Result<JsValue, JsValue>;
}

/// `{changes: [{id, new_url, reason}], problems: [{id, message}]}` for what the person selected
/// in a report (`new_url` null: delete); apply nothing unless `problems` is empty. `team` as for
/// `analyzeBookmarks`: an account of it chosen for a finding gets its team link.
#[wasm_bindgen(js_name = planBookmarkBatch)]
pub fn plan_bookmark_batch(
    report: JsValue,
    selection: JsValue,
    team: JsValue,
) -> Result<JsValue, JsError> {
    let report: crate::bookmarks::doctor::Report = from_js(report, "report")?;
    let selection: crate::bookmarks::doctor::Selection = from_js(selection, "selection")?;
    let team = super::convert::team_accounts_from_js(team)?;
    to_js(&crate::bookmarks::doctor::plan_team_batch(
        &report, &selection, &team,
    ))
}

/// The accounts to offer while an account is typed for a finding, `[{value, label}]`: the team's
/// (`{managed, user}` as for `pageView`, or undefined) first, then the other `known` accounts (as
/// `loadKnownAccounts` gave them).
#[wasm_bindgen(js_name = doctorAccountChoices)]
pub fn doctor_account_choices(known: JsValue, team: JsValue) -> Result<JsValue, JsError> {
    let known = super::convert::known_from_js(known)?;
    let team = super::convert::team_accounts_from_js(team)?;
    to_js(&crate::bookmarks::doctor::account_choices(&known, &team))
}
