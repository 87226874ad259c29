//! The core API: the verdict, the account sign-in link and the region table.

use super::convert::to_js;
use crate::aws::partition::Partition;
use crate::aws::regions::Region;
use wasm_bindgen::prelude::*;

/// What `classify` returns: the verdict for one URL.
#[wasm_bindgen]
pub fn classify(url: &str) -> Result<JsValue, JsError> {
    to_js(&crate::url::classify::classify(url))
}

/// Verdicts for a whole list, in one boundary crossing.
#[wasm_bindgen(js_name = classifyMany)]
pub fn classify_many(urls: Vec<String>) -> Result<JsValue, JsError> {
    let verdicts: Vec<_> = urls
        .iter()
        .map(|u| crate::url::classify::classify(u))
        .collect();
    to_js(&verdicts)
}

/// The canonical (or region-pinned) sign-in URL of an account; throws a clear error on bad input.
#[wasm_bindgen(js_name = accountSigninUrl)]
pub fn account_signin_url(account: &str, region: Option<String>) -> Result<String, JsError> {
    crate::url::links::account_signin_url(account, region.as_deref(), None)
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

/// A text (a URL or a bookmark's title) with every secret value replaced by `[redacted]`.
#[wasm_bindgen]
pub fn redact(text: &str) -> String {
    crate::url::redact::redact(text)
}
