//! Exports that show the team's accounts: merged with the person's, and in the omnibox.

use super::convert::{from_js, known_from_js, to_js};
use wasm_bindgen::prelude::*;

/// A configuration the core wrote (the extension's stored copies), `null`/`undefined` or one that
/// does not read being none: the strict reading, the same in every package.
pub(super) fn optional_team_config(value: JsValue) -> Option<crate::team::config::TeamConfig> {
    super::convert::read_json(&value, |config| crate::team::config::read_strict(config))
}

/// A team configuration handed over by JS, read leniently: JSON text, or the object itself (as
/// managed storage gives it). The object is read as the JSON text `JSON.stringify` makes of it,
/// so the extension package needs no reader of arbitrary JS values (serde-wasm-bindgen's
/// `deserialize_any`): what managed storage holds is JSON anyway.
pub(super) fn read_team_config(value: JsValue) -> crate::team::config::Parsed {
    use crate::team::config::{Parsed, TeamConfig};
    if let Some(text) = value.as_string() {
        return TeamConfig::parse(&text);
    }
    if value.is_undefined() || value.is_null() {
        return crate::team::config::read_lenient(&serde_json::Value::Null);
    }
    let text = js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|text| text.as_string());
    match text.map(|text| serde_json::from_str::<serde_json::Value>(&text)) {
        Some(Ok(value)) => crate::team::config::read_lenient(&value),
        Some(Err(e)) => Parsed::unusable(format!("not JSON: {e}")),
        None => Parsed::unusable("not a JSON value"),
    }
}

/// `{config, problems}` for a team configuration (an object, as managed storage gives it, or
/// pasted JSON text); `config` is null only when the document is unusable. Never throws. In the
/// extension package: the worker checks a changed managed configuration with it.
#[wasm_bindgen(js_name = parseTeamConfig)]
pub fn parse_team_config(value: JsValue) -> Result<JsValue, JsError> {
    to_js(&read_team_config(value))
}

/// The accounts to list: the organisation's configuration (`null` when none) merged with the
/// person's own accounts (a team-format document, or `null`), each with its source.
#[wasm_bindgen(js_name = mergeAccounts)]
pub fn merge_accounts(managed: JsValue, user: JsValue) -> Result<JsValue, JsError> {
    use crate::team::config::{merge, UserAccounts};
    let managed = optional_team_config(managed);
    let user = optional_team_config(user)
        .map(UserAccounts::from_config)
        .unwrap_or_default();
    to_js(&merge(managed.as_ref(), &user))
}

/// The team context the extension hands over: `{managed, user}` as it stores them.
fn team_from_js(value: JsValue) -> Result<crate::tab::team_context::Team, JsError> {
    let context: Option<crate::tab::team_context::TeamContext> = from_js(value, "team")?;
    Ok(context.unwrap_or_default().read())
}

/// The omnibox's answer with the team's accounts too (display names, default regions);
/// `team = {managed, user}` as for `pageView`.
#[wasm_bindgen(js_name = teamOmnibox)]
pub fn team_omnibox(text: &str, known: JsValue, team: JsValue) -> Result<JsValue, JsError> {
    let known = known_from_js(known)?;
    let team = team_from_js(team)?;
    to_js(&crate::tab::team_omnibox::team_omnibox(text, &known, &team))
}
