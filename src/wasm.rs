//! The WebAssembly boundary: converts between JS values and the core's types, nothing else.
#![deny(clippy::unwrap_used)]

use crate::partition::Partition;
use crate::regions::Region;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Serialises plain objects (not `Map`s) so JS reads fields as `verdict.kind`.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// What `classify` returns: the verdict for one URL.
#[wasm_bindgen]
pub fn classify(url: &str) -> Result<JsValue, JsError> {
    to_js(&crate::classify::classify(url))
}

/// Verdicts for a whole list, in one boundary crossing.
#[wasm_bindgen(js_name = classifyMany)]
pub fn classify_many(urls: Vec<String>) -> Result<JsValue, JsError> {
    let verdicts: Vec<_> = urls.iter().map(|u| crate::classify::classify(u)).collect();
    to_js(&verdicts)
}

/// The canonical (or region-pinned) sign-in URL of an account; throws a clear error on bad input.
#[wasm_bindgen(js_name = accountSigninUrl)]
pub fn account_signin_url(account: &str, region: Option<String>) -> Result<String, JsError> {
    crate::links::account_signin_url(account, region.as_deref(), None)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The region table, of one partition or all.
#[wasm_bindgen]
pub fn regions(partition: Option<String>) -> Result<JsValue, JsError> {
    let partition = match partition.as_deref() {
        None | Some("") => None,
        Some(id) => Some(
            Partition::from_id(id)
                .ok_or_else(|| JsError::new(&format!("unknown partition {id:?}")))?,
        ),
    };
    let rows: Vec<_> = Region::all(partition).map(Region::info).collect();
    to_js(&rows)
}

/// A core error as the `Error` JS code throws: its message is the sentence to show people.
fn human_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}

/// The message of a conversion error, without the "Error: " that JS puts in front of it.
fn conversion_message(error: &serde_wasm_bindgen::Error) -> String {
    let text = error.to_string();
    match text.strip_prefix("Error: ") {
        Some(message) => message.to_owned(),
        None => text,
    }
}

/// Reads a JS argument into a core input type; the message names the argument.
fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("{what}: {}", conversion_message(&e))))
}

/// Known accounts passed back in by JS (as `loadKnownAccounts` gave them); `undefined` is empty.
fn known_from_js(value: JsValue) -> Result<crate::known_accounts::KnownAccounts, JsError> {
    // The core's error already says "the known accounts are unreadable (…)".
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&conversion_message(&e)))
}

/// Regions matching a query, best first; `prefs` may be omitted.
#[wasm_bindgen(js_name = searchRegions)]
pub fn search_regions(query: &str, prefs: JsValue) -> Result<JsValue, JsError> {
    let prefs: Option<crate::region_search::RegionPrefs> = from_js(prefs, "region preferences")?;
    let choices = crate::region_search::search_regions(query, &prefs.unwrap_or_default())
        .map_err(human_error)?;
    to_js(&choices)
}

/// The same console page in another region; throws when `url` is no console page.
#[wasm_bindgen(js_name = switchConsoleRegion)]
pub fn switch_console_region(url: &str, region: &str) -> Result<String, JsError> {
    crate::console_links::switch_console_region(url, region).map_err(human_error)
}

/// A multi-session console link rewritten to work in any session, or `undefined` for other URLs.
#[wasm_bindgen(js_name = stableConsoleUrl)]
pub fn stable_console_url(url: &str) -> Option<String> {
    crate::console_links::stable_console_url(url)
}

/// What the `aws-userInfo` cookie says, or `null` when it is unreadable.
#[wasm_bindgen(js_name = parseUserInfo)]
pub fn parse_user_info(cookie_value: &str) -> Result<JsValue, JsError> {
    to_js(&crate::user_info::parse_user_info(cookie_value))
}

/// Badge, notice and account of a tab; `context = {user_info?, known}`.
#[wasm_bindgen(js_name = pageView)]
pub fn page_view(url: &str, context: JsValue) -> Result<JsValue, JsError> {
    let context: Option<crate::page_view::PageContext> = from_js(context, "page context")?;
    to_js(&crate::page_view::page_view(
        url,
        &context.unwrap_or_default(),
    ))
}

/// Known accounts from local storage; never throws: what is unreadable is dropped and explained.
#[wasm_bindgen(js_name = loadKnownAccounts)]
pub fn load_known_accounts(stored: JsValue) -> Result<JsValue, JsError> {
    use crate::known_accounts::{KnownAccounts, LoadedKnownAccounts};
    let loaded = match serde_wasm_bindgen::from_value::<serde_json::Value>(stored) {
        Ok(value) => KnownAccounts::load(&value),
        Err(e) => LoadedKnownAccounts::unreadable(&conversion_message(&e)),
    };
    to_js(&loaded)
}

/// `known` with an account added or merged; throws on a bad ID, alias, region or time.
#[wasm_bindgen(js_name = rememberAccount)]
pub fn remember_account(
    known: JsValue,
    account_id: Option<String>,
    alias: Option<String>,
    region: Option<String>,
    now_ms: f64,
) -> Result<JsValue, JsError> {
    let mut known = known_from_js(known)?;
    known
        .remember(
            account_id.as_deref(),
            alias.as_deref(),
            region.as_deref(),
            now_ms,
        )
        .map_err(human_error)?;
    to_js(&known)
}

/// `known` without the account whose ID or alias is `key`.
#[wasm_bindgen(js_name = forgetAccount)]
pub fn forget_account(known: JsValue, key: &str) -> Result<JsValue, JsError> {
    let mut known = known_from_js(known)?;
    known.forget(key);
    to_js(&known)
}

/// `null` when the bookmarked URL needs no fix, else `{replacement, reason}`.
#[wasm_bindgen(js_name = bookmarkFix)]
pub fn bookmark_fix(url: &str, known: JsValue, chosen: Option<String>) -> Result<JsValue, JsError> {
    let known = known_from_js(known)?;
    let fix =
        crate::bookmark_fix::bookmark_fix(url, &known, chosen.as_deref()).map_err(human_error)?;
    to_js(&fix)
}

/// The omnibox keyword's answer for the text typed after it.
#[wasm_bindgen]
pub fn omnibox(text: &str, known: JsValue) -> Result<JsValue, JsError> {
    let known = known_from_js(known)?;
    to_js(&crate::omnibox::omnibox(text, &known))
}

/// `{url, message}`: the canonical sign-in URL behind a link, or why it has none.
#[wasm_bindgen(js_name = linkCanonical)]
pub fn link_canonical(url: &str) -> Result<JsValue, JsError> {
    to_js(&crate::canonical_link::canonical_link(url))
}
