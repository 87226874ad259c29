//! Exports of the launcher: its search, built once per page (`new Launcher(team, known)`), and a
//! team's links as a table and as a bookmarks file.

use super::convert::{from_js, known_from_js, to_js};
use wasm_bindgen::prelude::*;

/// The launcher's index of the team's accounts (`{managed, user}` as for `pageView`) and the
/// known accounts (as `loadKnownAccounts` gave them).
#[wasm_bindgen(js_name = Launcher)]
pub struct JsLauncher(crate::tab::launcher::Launcher);

#[wasm_bindgen(js_class = Launcher)]
impl JsLauncher {
    /// Builds the index.
    #[wasm_bindgen(constructor)]
    pub fn new(team: JsValue, known: JsValue) -> Result<JsLauncher, JsError> {
        let context: Option<crate::tab::team_context::TeamContext> = from_js(team, "team")?;
        let known = known_from_js(known)?;
        Ok(JsLauncher(crate::tab::launcher::Launcher::new(
            &context.unwrap_or_default().read(),
            &known,
        )))
    }

    /// The choices for `query`, best first, at most `limit`; `prefs = {favourites, recent}` (choice
    /// keys), or `undefined`.
    pub fn search(&self, query: &str, prefs: JsValue, limit: usize) -> Result<JsValue, JsError> {
        let prefs: Option<crate::tab::launcher::LauncherPrefs> = from_js(prefs, "prefs")?;
        to_js(&self.0.search(query, &prefs.unwrap_or_default(), limit))
    }

    /// The omnibox's answer with these choices (`{url, suggestions, error}`), or `null` when no
    /// team account is listed.
    pub fn omnibox(&self, text: &str, prefs: JsValue) -> Result<JsValue, JsError> {
        let prefs: Option<crate::tab::launcher::LauncherPrefs> = from_js(prefs, "prefs")?;
        to_js(&self.0.omnibox(text, &prefs.unwrap_or_default()))
    }

    /// How many of its accounts are team accounts (the organisation's or the person's own).
    #[wasm_bindgen(getter, js_name = teamAccounts)]
    pub fn team_accounts(&self) -> usize {
        self.0.team_accounts()
    }

    /// How many accounts it lists.
    #[wasm_bindgen(getter)]
    pub fn accounts(&self) -> usize {
        self.0.len()
    }
}

/// After a role link: what to do with the tab's page `url` given the pending move
/// `{region, account}`: `{action: "wait" | "drop" | "move", url, message}`.
#[wasm_bindgen(js_name = regionMove)]
pub fn region_move(url: &str, pending: JsValue) -> Result<JsValue, JsError> {
    let pending: crate::tab::region_move::PendingMove = from_js(pending, "pending")?;
    to_js(&crate::tab::region_move::region_move(url, &pending))
}

/// A team configuration the core wrote (`{version: 1, …}`), or an error naming why not.
fn config_from_js(config: JsValue) -> Result<crate::team::config::TeamConfig, JsError> {
    super::team::optional_team_config(config)
        .ok_or_else(|| JsError::new("not a team configuration as Sign-in Guard writes it"))
}

/// Every account × role × favourite region of a team configuration, with its link.
#[wasm_bindgen(js_name = teamLinks)]
pub fn team_links(config: JsValue) -> Result<JsValue, JsError> {
    to_js(&crate::team::link_table::link_table(&config_from_js(
        config,
    )?))
}

/// The same links as a bookmarks file (Netscape format), a folder per account.
#[wasm_bindgen(js_name = teamBookmarksFile)]
pub fn team_bookmarks_file(config: JsValue) -> Result<String, JsError> {
    let rows = crate::team::link_table::link_table(&config_from_js(config)?);
    Ok(crate::bookmarks::team_file::team_bookmarks_file(&rows))
}

/// The bookmarks file of the accounts people see: the organisation's configuration (`null` when
/// none) merged with the person's own accounts (a team-format document, or `null`).
#[wasm_bindgen(js_name = mergedBookmarksFile)]
pub fn merged_bookmarks_file(managed: JsValue, user: JsValue) -> Result<String, JsError> {
    use crate::team::config::{merge, UserAccounts};
    let managed = super::team::optional_team_config(managed);
    let user = super::team::optional_team_config(user)
        .map(UserAccounts::from_config)
        .unwrap_or_default();
    let rows = crate::team::link_table::merged_link_table(&merge(managed.as_ref(), &user));
    Ok(crate::bookmarks::team_file::team_bookmarks_file(&rows))
}
