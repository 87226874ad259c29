//! Exports for the known accounts, the omnibox and bookmark fixes (a tab's page report and the
//! popup's view are the events' exports: `events.rs`).

use super::convert::to_js;
#[cfg(feature = "extension")]
use super::convert::{human_error, known_from_js};
use wasm_bindgen::prelude::*;

/// Known accounts from local storage; never throws: what is unreadable is dropped and explained.
#[wasm_bindgen(js_name = loadKnownAccounts)]
pub fn load_known_accounts(stored: JsValue) -> Result<JsValue, JsError> {
    let text = super::convert::json_text(&stored).unwrap_or_else(|| "null".to_owned());
    // Text `JSON.stringify` made is JSON: reading it fails only on what no JSON holds.
    let stored =
        crate::tab::json_text::parse(&text).unwrap_or(crate::tab::stored_value::StoredValue::Null);
    to_js(&crate::tab::known_accounts::KnownAccounts::load_stored(
        &stored,
    ))
}

/// `known` without the account whose ID or alias is `key`.
#[cfg(feature = "extension")]
#[wasm_bindgen(js_name = forgetAccount)]
pub fn forget_account(known: JsValue, key: &str) -> Result<JsValue, JsError> {
    let mut known = known_from_js(known)?;
    known.forget(key);
    to_js(&known)
}

/// `null` when the bookmarked URL needs no fix, else `{replacement, reason}`; `team` is
/// `{managed, user}` as for `pageView` (or undefined): its accounts get their team links.
#[cfg(feature = "extension")]
#[wasm_bindgen(js_name = bookmarkFix)]
pub fn bookmark_fix(
    url: &str,
    known: JsValue,
    chosen: Option<String>,
    team: JsValue,
) -> Result<JsValue, JsError> {
    let known = known_from_js(known)?;
    let team = super::convert::team_accounts_from_js(team)?;
    let fix = crate::bookmarks::fix::bookmark_fix(url, &known, chosen.as_deref(), &team)
        .map_err(human_error)?;
    to_js(&fix)
}

/// The omnibox keyword's answer for the text typed after it.
#[cfg(feature = "pages")]
#[wasm_bindgen]
pub fn omnibox(text: &str, known: JsValue) -> Result<JsValue, JsError> {
    let known = known_from_js(known)?;
    to_js(&crate::tab::omnibox::omnibox(text, &known))
}
