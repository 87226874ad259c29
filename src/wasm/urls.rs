//! Exports about URLs and regions: the verdict, sign-in links, the region table and search, console links.

use super::convert::{from_js, human_error, to_js};
use crate::partition::Partition;
use crate::regions::Region;
use wasm_bindgen::prelude::*;

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
#[cfg(feature = "pages")]
#[wasm_bindgen(js_name = stableConsoleUrl)]
pub fn stable_console_url(url: &str) -> Option<String> {
    crate::console_links::stable_console_url(url)
}

/// `{url, message}`: the canonical sign-in URL behind a link, or why it has none.
#[wasm_bindgen(js_name = linkCanonical)]
pub fn link_canonical(url: &str) -> Result<JsValue, JsError> {
    to_js(&crate::canonical_link::canonical_link(url))
}
