//! Exports that show the team's accounts: merged with the person's, and in the omnibox.

use super::convert::{from_js, known_from_js, to_js};
use wasm_bindgen::prelude::*;

/// A configuration that may be absent: `null`/`undefined`, or an unusable one, is none.
///
/// The extension package reads only configurations the core wrote (`parseTeamConfig`'s `config`,
/// the person's accounts as the core edited them), strictly: the lenient reader is only in the
/// pages package, which reads any document.
#[cfg(not(feature = "pages"))]
pub(super) fn optional_team_config(value: JsValue) -> Option<crate::team_config::TeamConfig> {
    let deserializer = serde_wasm_bindgen::Deserializer::from(value);
    crate::team_config::checked_or_none(deserializer).unwrap_or(None)
}

/// A configuration that may be absent: `null`/`undefined`, or an unusable one, is none.
#[cfg(feature = "pages")]
pub(super) fn optional_team_config(value: JsValue) -> Option<crate::team_config::TeamConfig> {
    if value.is_null() || value.is_undefined() {
        return None;
    }
    super::team_edit::read_team_config(value).config
}

/// The accounts to list: the organisation's configuration (`null` when none) merged with the
/// person's own accounts (a team-format document, or `null`), each with its source.
#[wasm_bindgen(js_name = mergeAccounts)]
pub fn merge_accounts(managed: JsValue, user: JsValue) -> Result<JsValue, JsError> {
    use crate::team_config::{merge, UserAccounts};
    let managed = optional_team_config(managed);
    let user = optional_team_config(user)
        .map(UserAccounts::from_config)
        .unwrap_or_default();
    to_js(&merge(managed.as_ref(), &user))
}

/// The team context the extension hands over: `{managed, user}` as it stores them.
fn team_from_js(value: JsValue) -> Result<crate::team_view::Team, JsError> {
    let context: Option<crate::team_view::TeamContext> = from_js(value, "team")?;
    Ok(context.unwrap_or_default().read())
}

/// The omnibox's answer with the team's accounts too (display names, default regions);
/// `team = {managed, user}` as for `pageView`.
#[wasm_bindgen(js_name = teamOmnibox)]
pub fn team_omnibox(text: &str, known: JsValue, team: JsValue) -> Result<JsValue, JsError> {
    let known = known_from_js(known)?;
    let team = team_from_js(team)?;
    to_js(&crate::team_view::team_omnibox(text, &known, &team))
}
