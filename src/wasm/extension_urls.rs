//! The extension's exports about URLs and regions: region search, console links, a link's sign-in URL.

use super::convert::{from_js, human_error, to_js};
use wasm_bindgen::prelude::*;

/// Regions matching a query, best first; `prefs` may be omitted.
#[wasm_bindgen(js_name = searchRegions)]
pub fn search_regions(query: &str, prefs: JsValue) -> Result<JsValue, JsError> {
    let prefs: Option<crate::aws::region_search::RegionPrefs> =
        from_js(prefs, "region preferences")?;
    let choices = crate::aws::region_search::search_regions(query, &prefs.unwrap_or_default())
        .map_err(human_error)?;
    to_js(&choices)
}

/// The same console page in another region; throws when `url` is no console page.
#[wasm_bindgen(js_name = switchConsoleRegion)]
pub fn switch_console_region(url: &str, region: &str) -> Result<String, JsError> {
    crate::url::console_links::switch_console_region(url, region).map_err(human_error)
}

/// A multi-session console link rewritten to work in any session, or `undefined` for other URLs.
#[cfg(feature = "pages")]
#[wasm_bindgen(js_name = stableConsoleUrl)]
pub fn stable_console_url(url: &str) -> Option<String> {
    crate::url::console_links::stable_console_url(url)
}

/// `{url, message}`: the canonical sign-in URL behind a link, or why it has none.
#[wasm_bindgen(js_name = linkCanonical)]
pub fn link_canonical(url: &str) -> Result<JsValue, JsError> {
    to_js(&crate::url::canonical_link::canonical_link(url))
}
