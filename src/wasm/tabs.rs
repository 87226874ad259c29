//! Exports for what the worker and the popup show of a tab: the page view, the known accounts, the
//! omnibox and bookmark fixes.

use super::convert::{from_js, human_error, known_from_js, to_js};
use wasm_bindgen::prelude::*;

/// What the `aws-userInfo` cookie says, or `null` when it is unreadable.
#[wasm_bindgen(js_name = parseUserInfo)]
pub fn parse_user_info(cookie_value: &str) -> Result<JsValue, JsError> {
    to_js(&crate::tab::user_info::parse_user_info(cookie_value))
}

/// The tab's sign-in flow after the navigations noted since (`{flow, restarted}`); `flow` may be
/// `null`, `navigations` is `[{url, transition_type?, transition_qualifiers?}]`.
#[wasm_bindgen(js_name = followFlow)]
pub fn follow_flow(flow: JsValue, navigations: JsValue) -> Result<JsValue, JsError> {
    let flow: Option<crate::tab::navigation_flow::Flow> = from_js(flow, "the tab's flow")?;
    let navigations: Vec<crate::tab::navigation_flow::Navigation> =
        from_js(navigations, "the noted navigations")?;
    to_js(&crate::tab::navigation_flow::follow_navigations(
        flow,
        &navigations,
    ))
}

/// Badge, notice and account of a tab; `context = {user_info?, known}`.
#[wasm_bindgen(js_name = pageView)]
pub fn page_view(url: &str, context: JsValue) -> Result<JsValue, JsError> {
    let context: Option<crate::tab::page_view::PageContext> = from_js(context, "page context")?;
    to_js(&crate::tab::page_view::page_view(
        url,
        &context.unwrap_or_default(),
    ))
}

/// Known accounts from local storage; never throws: what is unreadable is dropped and explained.
#[wasm_bindgen(js_name = loadKnownAccounts)]
pub fn load_known_accounts(stored: JsValue) -> Result<JsValue, JsError> {
    to_js(&super::convert::read_json(&stored, |stored| {
        crate::tab::known_accounts::KnownAccounts::load(stored)
    }))
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
        crate::bookmarks::fix::bookmark_fix(url, &known, chosen.as_deref()).map_err(human_error)?;
    to_js(&fix)
}

/// The omnibox keyword's answer for the text typed after it.
#[cfg(feature = "pages")]
#[wasm_bindgen]
pub fn omnibox(text: &str, known: JsValue) -> Result<JsValue, JsError> {
    let known = known_from_js(known)?;
    to_js(&crate::tab::omnibox::omnibox(text, &known))
}
