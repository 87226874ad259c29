//! Exports of the web page's team links (the tools package): a pasted or chosen team file read
//! once into its table, searched per keystroke; secrets taken out of the text box.

use super::convert::to_js;
use crate::bookmarks::team_links::{read_team_links, TeamLinks};
use wasm_bindgen::prelude::*;

/// A team file read (`new TeamLinks(text, name)`, `name` the chosen file's, or `undefined` when
/// pasted): its table, problems and bookmarks file, kept for the searches.
#[wasm_bindgen(js_name = TeamLinks)]
pub struct JsTeamLinks(TeamLinks);

#[wasm_bindgen(js_class = TeamLinks)]
impl JsTeamLinks {
    /// Reads the text; never throws (what is wrong is in `view().error`).
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str, name: Option<String>) -> JsTeamLinks {
        JsTeamLinks(read_team_links(text, name.as_deref()))
    }

    /// `{source, rows, accounts, bookmarks_file, summary, error, problems, secrets}`.
    pub fn view(&self) -> Result<JsValue, JsError> {
        to_js(&self.0)
    }

    /// `{rows, summary}`: the indexes of the rows that match `query`, in table order.
    pub fn search(&self, query: &str) -> Result<JsValue, JsError> {
        to_js(&self.0.search(query))
    }
}

/// The pasted text with every secret value (`aws_secret_access_key`, `SessionToken`, …) replaced
/// by `[redacted]`, for the text box: it never shows them again.
#[wasm_bindgen(js_name = redactPastedSecrets)]
pub fn redact_pasted_secrets(text: &str) -> String {
    crate::team::pasted_secrets::redact_pasted_secrets(text)
}
