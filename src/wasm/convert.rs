//! Conversions between JS values and the core's types, shared by the exports: JSON text both ways.
//! The core API takes only strings in; objects come in only in the extension's packages. Out, the
//! answer is serde_json's text; in, the events' facts are read by hand (`read_js`: the small JSON
//! reader `tab::json_text` and `tab::read_stored`, so the wake package has no serde deserializer)
//! and the rest by serde's derive (`from_js`, `read_json`).
//!
//! Why JSON text and not serde-wasm-bindgen: V8's `JSON.parse` builds a result faster than
//! serde-wasm-bindgen sets it field by field (bench/classify-many.mjs, README "Figures"), and the
//! core already holds serde_json, so a package carries one serialiser and one deserialiser
//! instead of two of each (and the wake package, which every worker wake instantiates, only the
//! serialiser).

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A core value as the plain JS value JS code reads (`verdict.kind`; `None` is `null`).
pub(super) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("the core's answer is not JSON"))
}

/// A JS argument as JSON text (`JSON.stringify`): `undefined` is `null`; `None` when it is no
/// JSON value (a BigInt, a cycle, a function).
#[cfg(any(feature = "wake", feature = "tools"))]
pub(super) fn json_text(value: &JsValue) -> Option<String> {
    if value.is_undefined() {
        return Some("null".to_owned());
    }
    js_sys::JSON::stringify(value).ok()?.as_string()
}

/// A core error as the `Error` JS code throws: its message is the sentence to show people.
#[cfg(any(feature = "extension", feature = "tools"))]
pub(super) fn human_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}

/// The message of a reading error, without serde_json's position in the text, which JS never saw
/// (it is the text `JSON.stringify` made).
#[cfg(any(feature = "extension", feature = "tools"))]
pub(super) fn conversion_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match text.strip_suffix(&position) {
        Some(message) => message.to_owned(),
        None => text,
    }
}

/// Reads a JS argument into a core input type by hand (`tab::read_stored`, no serde: the wake
/// package's exports); the message names the argument and the part that is wrong.
#[cfg(feature = "wake")]
pub(super) fn read_js<T: crate::tab::read_stored::ReadStored>(
    value: &JsValue,
    what: &str,
) -> Result<T, JsError> {
    let text =
        json_text(value).ok_or_else(|| JsError::new(&format!("{what}: not a JSON value")))?;
    crate::tab::read_stored::read_json(&text).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// Reads a JS argument into a core input type by serde's derive; the message names the argument.
#[cfg(any(feature = "extension", feature = "tools"))]
pub(super) fn from_js<T: serde::de::DeserializeOwned>(
    value: JsValue,
    what: &str,
) -> Result<T, JsError> {
    let text =
        json_text(&value).ok_or_else(|| JsError::new(&format!("{what}: not a JSON value")))?;
    serde_json::from_str(&text)
        .map_err(|e| JsError::new(&format!("{what}: {}", conversion_message(&e))))
}

/// Runs a core reader that takes any deserializer on a JS argument (as JSON text; a value that is
/// no JSON reads as `null`).
#[cfg(feature = "extension")]
pub(super) fn read_json<R>(
    value: &JsValue,
    read: impl FnOnce(&mut serde_json::Deserializer<serde_json::de::StrRead<'_>>) -> R,
) -> R {
    let text = json_text(value).unwrap_or_else(|| "null".to_owned());
    read(&mut serde_json::Deserializer::from_str(&text))
}

/// The accounts of `{managed, user}` as the extension stores them (`team.js`'s `teamContext`,
/// read as `pageView` reads it); `undefined` or `null` is no team.
#[cfg(any(feature = "extension", feature = "tools"))]
pub(super) fn team_accounts_from_js(
    value: JsValue,
) -> Result<crate::team::config::MergedAccounts, JsError> {
    let context: Option<crate::tab::team_context::TeamContext> = from_js(value, "team")?;
    Ok(context.unwrap_or_default().read().accounts)
}

/// Known accounts passed back in by JS (as `loadKnownAccounts` gave them); `undefined` is empty.
#[cfg(feature = "extension")]
pub(super) fn known_from_js(
    value: JsValue,
) -> Result<crate::tab::known_accounts::KnownAccounts, JsError> {
    let text = json_text(&value)
        .ok_or_else(|| JsError::new("the known accounts are unreadable (not a JSON value)"))?;
    // The core's error already says "the known accounts are unreadable (…)".
    serde_json::from_str(&text).map_err(|e| JsError::new(&conversion_message(&e)))
}
