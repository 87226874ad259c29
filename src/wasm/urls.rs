//! The core API: the verdict, the account sign-in link and the region table.

use super::convert::to_js;
use crate::aws::partition::Partition;
use crate::aws::regions::Region;
use wasm_bindgen::prelude::*;

// The verdicts are not the wake package's: it reads only plain URLs (`crate::url::deferral`), and
// the worker asks the extension package for them.

/// What `classify` returns: the verdict for one URL.
#[cfg(not(wake_package))]
#[wasm_bindgen]
pub fn classify(url: &str) -> Result<JsValue, JsError> {
    to_js(&crate::url::classify::classify(url))
}

/// Verdicts for a whole list, in one boundary crossing; each object built directly (`bulk`).
#[cfg(not(wake_package))]
#[wasm_bindgen(
    js_name = classifyMany,
    unchecked_return_type = "Verdict[]"
)]
pub fn classify_many(
    #[wasm_bindgen(unchecked_param_type = "string[]")] urls: js_sys::Array,
) -> Result<js_sys::Array, JsError> {
    super::bulk::verdicts(&urls)
}

/// Every URL's kind and where the AWS URLs are, for scanning thousands (bookmarks):
/// `{kinds: Uint8Array, aws: Uint32Array, kind_names: string[]}`, `kinds[i]` indexing
/// `kind_names`, `aws` the indices of the URLs whose kind is not `unrelated`.
#[cfg(not(wake_package))]
#[wasm_bindgen(js_name = scanUrls, unchecked_return_type = "UrlScan")]
pub fn scan_urls(
    #[wasm_bindgen(unchecked_param_type = "string[]")] urls: js_sys::Array,
) -> Result<JsValue, JsError> {
    super::bulk::scan(&urls)
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

/// Every kind with the words people read for it (`[{kind, words}]`), for pages that name kinds.
#[wasm_bindgen(js_name = kindWords)]
pub fn kind_words() -> Result<JsValue, JsError> {
    to_js(&crate::events::words::all_kind_words())
}

/// A text (a URL or a bookmark's title) with every secret value replaced by `[redacted]`.
#[wasm_bindgen]
pub fn redact(text: &str) -> String {
    crate::url::redact::redact(text)
}
