//! Conversions between JS values and the core's types, shared by the exports (serde-wasm-bindgen).
//! The core API takes only strings in; objects come in only in the extension's packages.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Serialises plain objects (not `Map`s) so JS reads fields as `verdict.kind`; bytes (a fixed
/// file) cross as one `Uint8Array`, not an array of numbers.
pub(super) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let serializer =
        serde_wasm_bindgen::Serializer::json_compatible().serialize_bytes_as_arrays(false);
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// A core error as the `Error` JS code throws: its message is the sentence to show people.
#[cfg(any(feature = "extension", feature = "tools"))]
pub(super) fn human_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}

/// The message of a conversion error, without the "Error: " that JS puts in front of it.
#[cfg(any(feature = "extension", feature = "tools"))]
pub(super) fn conversion_message(error: &serde_wasm_bindgen::Error) -> String {
    let text = error.to_string();
    match text.strip_prefix("Error: ") {
        Some(message) => message.to_owned(),
        None => text,
    }
}

/// Reads a JS argument into a core input type; the message names the argument.
#[cfg(any(feature = "extension", feature = "tools"))]
pub(super) fn from_js<T: serde::de::DeserializeOwned>(
    value: JsValue,
    what: &str,
) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("{what}: {}", conversion_message(&e))))
}

/// Known accounts passed back in by JS (as `loadKnownAccounts` gave them); `undefined` is empty.
#[cfg(feature = "extension")]
pub(super) fn known_from_js(
    value: JsValue,
) -> Result<crate::tab::known_accounts::KnownAccounts, JsError> {
    // The core's error already says "the known accounts are unreadable (…)".
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&conversion_message(&e)))
}
