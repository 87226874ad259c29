//! Exports both bookmark doctors use (the extension's, in the pages package, and the web page's
//! file doctor, in the tools package): an account's URL for a finding, the findings as a file.

use super::convert::{from_js, human_error, to_js};
use wasm_bindgen::prelude::*;

/// The sign-in URL of the account picked or typed for a finding of a report (its team link, for
/// an account of `team`, `{managed, user}` as for `pageView`, or undefined); throws the reason
/// the account is not valid, in words for people.
#[wasm_bindgen(js_name = doctorFixWithAccount)]
pub fn doctor_fix_with_account(
    finding: JsValue,
    account: &str,
    team: JsValue,
) -> Result<String, JsError> {
    let finding: crate::bookmarks::doctor::Finding = from_js(finding, "finding")?;
    let team = super::convert::team_accounts_from_js(team)?;
    crate::bookmarks::doctor::fix_with_team_account(&finding, account, &team).map_err(human_error)
}

/// A report's findings as the text of a `json` or `csv` file (URLs redacted).
#[wasm_bindgen(js_name = findingsExport)]
pub fn findings_export(report: JsValue, format: &str) -> Result<String, JsError> {
    use crate::bookmarks::doctor::{export_findings, ExportFormat};
    let format = ExportFormat::from_name(format)
        .ok_or_else(|| JsError::new(&format!("unknown export format {format:?}: json or csv")))?;
    let report: crate::bookmarks::doctor::Report = from_js(report, "report")?;
    Ok(export_findings(&report, format))
}

/// The words a doctor page shows of its own (`{groups: {KIND: {title, explain}}, actions: {ACTION:
/// words}}`), for `browser` bookmarks (the extension) or a bookmarks `file` (the web page).
#[wasm_bindgen(js_name = doctorWords)]
pub fn doctor_words(surface: &str) -> Result<JsValue, JsError> {
    let surface = crate::bookmarks::doctor::Surface::from_name(surface).ok_or_else(|| {
        JsError::new(&format!(
            "unknown doctor surface {surface:?}: browser or file"
        ))
    })?;
    to_js(&crate::bookmarks::doctor::doctor_words(surface))
}
