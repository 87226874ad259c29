//! Exports for the browser's events, one per event (`crate::events`): the facts come in as one
//! object, the answer goes out as one.

use super::convert::{read_js, to_js};
#[cfg(feature = "extension")]
use crate::events::popup;
use crate::events::{bookmark_change, lookalike, page_report, tab_state::TabState};
use crate::tab::navigation_flow::Navigation;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A page report: `{view, notice, badge, alarming, remember, state, redirect, opened_unsafe,
/// bookmark, known_unreadable}` from `{url, from_page, user_info, state, known, team, notice_on,
/// bookmarks_allowed, bookmarks, now_ms}` (`known` as stored); `undefined` from the wake package
/// when only the extension package can answer (`event_answer`).
#[wasm_bindgen(js_name = pageReport)]
pub fn page_report(facts: JsValue) -> Result<JsValue, JsError> {
    event_answer(|| {
        let facts: page_report::PageFacts = read_js(&facts, "the page report's facts")?;
        Ok(page_report::page_report(&facts))
    })
}

/// An event's answer as the JS value; in the wake package `undefined` instead when working it out
/// read a URL that only the WHATWG parser reads, which the wake package does not carry
/// (`crate::url::deferral`): that answer is void, and the worker asks the same event of the
/// extension package, which parses and so always answers.
fn event_answer<T: Serialize>(
    work: impl FnOnce() -> Result<T, JsError>,
) -> Result<JsValue, JsError> {
    let answer = work();
    #[cfg(wake_package)]
    if crate::url::deferral::take() {
        return Ok(JsValue::UNDEFINED);
    }
    to_js(&answer?)
}

/// What the popup shows about a tab, from `{tab_url, warning_page, page}` (`page`: as for
/// `pageReport`, without `url`).
#[cfg(feature = "extension")]
#[wasm_bindgen(js_name = popupView)]
pub fn popup_view(facts: JsValue) -> Result<JsValue, JsError> {
    let facts: popup::PopupFacts = read_js(&facts, "the popup's facts")?;
    to_js(&popup::popup_view(&facts))
}

/// A navigation event of a tab to an AWS site (its start or its commit, `{url, committed,
/// transition_type, transition_qualifiers, bookmark_ids}`) as the tab's state keeps it: redacted.
#[wasm_bindgen(js_name = noteNavigation)]
pub fn note_navigation(event: JsValue) -> Result<JsValue, JsError> {
    let event: Navigation = read_js(&event, "the navigation event")?;
    to_js(&event.noted())
}

/// A bookmark created or edited: `{warning, badge, notice, expected}` (or `undefined`, as for
/// `pageReport`).
#[wasm_bindgen(js_name = bookmarkChange)]
pub fn bookmark_change(facts: JsValue) -> Result<JsValue, JsError> {
    event_answer(|| {
        let facts: bookmark_change::BookmarkChangeFacts = read_js(&facts, "the bookmark change")?;
        Ok(bookmark_change::bookmark_change(&facts))
    })
}

/// The announced bookmark changes to store: the pending ones still awaited, then `changes`
/// (`[{id?, parent_id?, url}]`), redacted, with their expiry.
#[wasm_bindgen(js_name = expectedBookmarkChanges)]
pub fn expected_bookmark_changes(
    pending: JsValue,
    changes: JsValue,
    now_ms: f64,
) -> Result<JsValue, JsError> {
    let pending: Option<Vec<bookmark_change::ExpectedChange>> =
        read_js(&pending, "the announced bookmark changes").unwrap_or_default();
    let changes: Vec<bookmark_change::AnnouncedChange> = read_js(&changes, "the bookmark changes")?;
    let changes: Vec<bookmark_change::ExpectedChange> =
        changes.into_iter().map(Into::into).collect();
    to_js(&bookmark_change::expected_changes(
        &pending.unwrap_or_default(),
        &changes,
        now_ms,
    ))
}

/// A navigation while lookalike protection is on: `{action: "allow"|"block", state}` (or
/// `undefined`, as for `pageReport`).
#[wasm_bindgen(js_name = lookalikeNavigation)]
pub fn lookalike_navigation(facts: JsValue) -> Result<JsValue, JsError> {
    event_answer(|| {
        let facts: lookalike::NavigationFacts = read_js(&facts, "the navigation")?;
        Ok(lookalike::lookalike_navigation(&facts))
    })
}

/// "Continue anyway" on the warning page: `{state, open}`, or `null` when nothing is blocked.
#[wasm_bindgen(js_name = continueAnyway)]
pub fn continue_anyway(state: JsValue) -> Result<JsValue, JsError> {
    let state: Option<TabState> = read_js(&state, "the tab's state")?;
    to_js(&lookalike::continue_anyway(&state.unwrap_or_default()))
}

/// Whether a fix or undo of bookmark `id` was offered to the tab whose state this is.
#[wasm_bindgen(js_name = bookmarkOffered)]
pub fn bookmark_offered(state: JsValue, id: &str) -> Result<bool, JsError> {
    let state: Option<TabState> = read_js(&state, "the tab's state")?;
    Ok(state.is_some_and(|s| s.was_offered(id)))
}
