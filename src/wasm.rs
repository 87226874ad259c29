//! The WebAssembly boundary: converts between JS values and the core's types, nothing else.
#![deny(clippy::unwrap_used)]

use crate::partition::Partition;
use crate::regions::Region;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Serialises plain objects (not `Map`s) so JS reads fields as `verdict.kind`.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&e.to_string()))
}

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

/// A core error as the `Error` JS code throws: its message is the sentence to show people.
fn human_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}

/// The message of a conversion error, without the "Error: " that JS puts in front of it.
fn conversion_message(error: &serde_wasm_bindgen::Error) -> String {
    let text = error.to_string();
    match text.strip_prefix("Error: ") {
        Some(message) => message.to_owned(),
        None => text,
    }
}

/// Reads a JS argument into a core input type; the message names the argument.
fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("{what}: {}", conversion_message(&e))))
}

/// Known accounts passed back in by JS (as `loadKnownAccounts` gave them); `undefined` is empty.
fn known_from_js(value: JsValue) -> Result<crate::known_accounts::KnownAccounts, JsError> {
    // The core's error already says "the known accounts are unreadable (…)".
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&conversion_message(&e)))
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
#[wasm_bindgen(js_name = stableConsoleUrl)]
pub fn stable_console_url(url: &str) -> Option<String> {
    crate::console_links::stable_console_url(url)
}

/// What the `aws-userInfo` cookie says, or `null` when it is unreadable.
#[wasm_bindgen(js_name = parseUserInfo)]
pub fn parse_user_info(cookie_value: &str) -> Result<JsValue, JsError> {
    to_js(&crate::user_info::parse_user_info(cookie_value))
}

/// Badge, notice and account of a tab; `context = {user_info?, known}`.
#[wasm_bindgen(js_name = pageView)]
pub fn page_view(url: &str, context: JsValue) -> Result<JsValue, JsError> {
    let context: Option<crate::page_view::PageContext> = from_js(context, "page context")?;
    to_js(&crate::page_view::page_view(
        url,
        &context.unwrap_or_default(),
    ))
}

/// Known accounts from local storage; never throws: what is unreadable is dropped and explained.
#[wasm_bindgen(js_name = loadKnownAccounts)]
pub fn load_known_accounts(stored: JsValue) -> Result<JsValue, JsError> {
    use crate::known_accounts::{KnownAccounts, LoadedKnownAccounts};
    let loaded = match serde_wasm_bindgen::from_value::<serde_json::Value>(stored) {
        Ok(value) => KnownAccounts::load(&value),
        Err(e) => LoadedKnownAccounts::unreadable(&conversion_message(&e)),
    };
    to_js(&loaded)
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
        crate::bookmark_fix::bookmark_fix(url, &known, chosen.as_deref()).map_err(human_error)?;
    to_js(&fix)
}

/// The omnibox keyword's answer for the text typed after it.
#[wasm_bindgen]
pub fn omnibox(text: &str, known: JsValue) -> Result<JsValue, JsError> {
    let known = known_from_js(known)?;
    to_js(&crate::omnibox::omnibox(text, &known))
}

/// `{url, message}`: the canonical sign-in URL behind a link, or why it has none.
#[wasm_bindgen(js_name = linkCanonical)]
pub fn link_canonical(url: &str) -> Result<JsValue, JsError> {
    to_js(&crate::canonical_link::canonical_link(url))
}

// The bookmark doctor ------------------------------------------------------------------------------

/// The doctor's report on the whole bookmark tree, `[{id, url, title, folder_path}]`, in one
/// boundary crossing.
///
/// Conversion only, shaped for 50,000 bookmarks: `id`, `url` and `title` of all of them cross as
/// one JSON text read without copying (`JSON.stringify` with those keys), and the `folder_path`
/// of a bookmark is read only when the report lists it.
#[wasm_bindgen(js_name = analyzeBookmarks)]
pub fn analyze_bookmarks(bookmarks: JsValue) -> Result<JsValue, JsError> {
    use crate::bookmark_doctor::{analyze_views, BookmarkView};
    let keys = to_js(&["id", "url", "title"])?;
    let text = json_stringify(&bookmarks, &keys)
        .ok()
        .flatten()
        .ok_or_else(|| {
            JsError::new("bookmarks: expected a list of {id, url, title, folder_path}")
        })?;
    let list: Vec<BookmarkText> =
        serde_json::from_str(&text).map_err(|e| JsError::new(&format!("bookmarks: {e}")))?;
    let objects: &BookmarkObjects = bookmarks.unchecked_ref();
    let views = list.iter().map(|b| BookmarkView {
        id: std::borrow::Cow::Borrowed(&b.id),
        url: &b.url,
        title: &b.title,
        line: None,
    });
    let report = analyze_views(views, |index| {
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        let object: BookmarkObject = objects.get(index).unchecked_into();
        // A missing or malformed path shows as the top level; it decides nothing.
        object
            .folder_path()
            .ok()
            .and_then(|path| serde_wasm_bindgen::from_value(path).ok())
            .unwrap_or_default()
    });
    to_js(&report)
}

/// What `analyzeBookmarks` reads of every bookmark, borrowed from the JSON text.
#[derive(serde::Deserialize)]
struct BookmarkText<'a> {
    #[serde(borrow)]
    id: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    url: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    title: std::borrow::Cow<'a, str>,
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.stringify(value, keys)`; `None` for values JSON cannot hold.
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    fn json_stringify(value: &JsValue, keys: &JsValue) -> Result<Option<String>, JsValue>;

    /// The array given to `analyzeBookmarks`.
    type BookmarkObjects;
    #[wasm_bindgen(method, structural, indexing_getter)]
    fn get(this: &BookmarkObjects, index: u32) -> JsValue;

    /// One of its objects.
    type BookmarkObject;
    #[wasm_bindgen(method, structural, getter, catch)]
    fn folder_path(this: &BookmarkObject) -> Result<JsValue, JsValue>;
}

/// The sign-in URL of the account picked or typed for a finding of a report; throws the reason
/// the account is not valid, in words for people.
#[wasm_bindgen(js_name = doctorFixWithAccount)]
pub fn doctor_fix_with_account(finding: JsValue, account: &str) -> Result<String, JsError> {
    let finding: crate::bookmark_doctor::Finding = from_js(finding, "finding")?;
    crate::bookmark_doctor::fix_with_account(&finding, account).map_err(human_error)
}

/// `{changes: [{id, new_url, reason}], problems: [{id, message}]}` for what the person selected
/// in a report (`new_url` null: delete); apply nothing unless `problems` is empty.
#[wasm_bindgen(js_name = planBookmarkBatch)]
pub fn plan_bookmark_batch(report: JsValue, selection: JsValue) -> Result<JsValue, JsError> {
    let report: crate::bookmark_doctor::Report = from_js(report, "report")?;
    let selection: crate::bookmark_doctor::Selection = from_js(selection, "selection")?;
    to_js(&crate::bookmark_doctor::plan_batch(&report, &selection))
}

/// `{steps, skipped}`: how to undo a journaled batch, given its bookmarks as they are now.
#[wasm_bindgen(js_name = planBookmarkUndo)]
pub fn plan_bookmark_undo(entries: JsValue, current: JsValue) -> Result<JsValue, JsError> {
    let entries: Vec<crate::bookmark_doctor::JournalEntry> = from_js(entries, "the undo record")?;
    let current: Vec<crate::bookmark_doctor::CurrentBookmark> = from_js(current, "bookmarks")?;
    to_js(&crate::bookmark_doctor::plan_undo(&entries, &current))
}

/// A report's findings as the text of a `json` or `csv` file (URLs redacted).
#[wasm_bindgen(js_name = findingsExport)]
pub fn findings_export(report: JsValue, format: &str) -> Result<String, JsError> {
    use crate::bookmark_doctor::{export_findings, ExportFormat};
    let format = ExportFormat::from_name(format)
        .ok_or_else(|| JsError::new(&format!("unknown export format {format:?}: json or csv")))?;
    let report: crate::bookmark_doctor::Report = from_js(report, "report")?;
    Ok(export_findings(&report, format))
}

// Team configuration -------------------------------------------------------------------------------

/// A team configuration handed over by JS, read leniently: JSON text, or the object itself (as
/// managed storage gives it).
fn read_team_config(value: JsValue) -> crate::team_config::Parsed {
    use crate::team_config::{Parsed, TeamConfig};
    if let Some(text) = value.as_string() {
        return TeamConfig::parse(&text);
    }
    match serde_wasm_bindgen::from_value::<serde_json::Value>(value) {
        Ok(value) => TeamConfig::from_value(&value),
        Err(e) => Parsed::unusable(conversion_message(&e)),
    }
}

/// A configuration that may be absent: `null`/`undefined`, or an unusable one, is none.
fn optional_team_config(value: JsValue) -> Option<crate::team_config::TeamConfig> {
    if value.is_null() || value.is_undefined() {
        return None;
    }
    read_team_config(value).config
}

/// `{config, problems}` for a team configuration (the object read from managed storage, or
/// pasted JSON text); `config` is null only when the document is unusable. Never throws.
#[wasm_bindgen(js_name = parseTeamConfig)]
pub fn parse_team_config(value: JsValue) -> Result<JsValue, JsError> {
    to_js(&read_team_config(value))
}

/// `{format, config, profiles, problems, skipped_secrets}` for the text of `~/.aws/config` or
/// of an AWS Extend Switch Roles configuration; `format` is `aws-config`, `aesr` or `auto`
/// (the default). Throws on an unknown format or on JSON text.
#[wasm_bindgen(js_name = importAwsConfig)]
pub fn import_aws_config(text: &str, format: Option<String>) -> Result<JsValue, JsError> {
    use crate::import::{import, ImportFormat};
    let format =
        ImportFormat::from_name(format.as_deref().unwrap_or("auto")).map_err(human_error)?;
    to_js(&import(text, format).map_err(human_error)?)
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

/// `{known, warning}` for the account (ID or alias) of an account sign-in page: `known` is
/// true, false, or null when it cannot be told; `warning` is set only when an organisation's
/// configuration exists and does not list the account. Throws on a bad account label.
#[wasm_bindgen(js_name = isKnownToTeam)]
pub fn is_known_to_team(managed: JsValue, account: &str) -> Result<JsValue, JsError> {
    let account = crate::account::Account::parse(account).map_err(human_error)?;
    let managed = optional_team_config(managed);
    let known = managed.as_ref().and_then(|m| m.is_known_to_team(&account));
    let warning = crate::team_config::team_warning(managed.as_ref(), &account);
    to_js(&serde_json::json!({ "known": known, "warning": warning }))
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

/// The person's own accounts (a team-format document, or null) as a configuration.
fn user_list(user: JsValue) -> crate::team_config::TeamConfig {
    optional_team_config(user).unwrap_or_default()
}

/// An account ID given by JS; throws the reason it is not one.
fn account_id(text: &str) -> Result<crate::account::AccountId, JsError> {
    crate::account::AccountId::parse(text).map_err(human_error)
}

/// `{user, added, updated, unchanged}`: the person's accounts with those of `imported` (a
/// team-format configuration, as `importAwsConfig` gives it) added. Throws when `imported` is
/// unusable.
#[wasm_bindgen(js_name = addUserAccounts)]
pub fn add_user_accounts(user: JsValue, imported: JsValue) -> Result<JsValue, JsError> {
    let parsed = read_team_config(imported);
    let imported = parsed.config.ok_or_else(|| {
        let why = parsed.problems.first().map(|p| p.to_string());
        JsError::new(&format!(
            "the accounts to add are unreadable ({})",
            why.unwrap_or_default()
        ))
    })?;
    to_js(&crate::team_config::add_accounts(
        &user_list(user),
        &imported,
    ))
}

/// The person's accounts with the display name, colour and default region of one account set
/// (`edit = {display_name, color, default_region}`, an empty text clears; `managed`: the
/// organisation's configuration or null, whose values are not kept as the person's); throws
/// the reason a value is not valid.
#[wasm_bindgen(js_name = editUserAccount)]
pub fn edit_user_account(
    user: JsValue,
    managed: JsValue,
    account_id_text: &str,
    edit: JsValue,
) -> Result<JsValue, JsError> {
    let edit: crate::team_config::AccountEdit = from_js(edit, "edit")?;
    let id = account_id(account_id_text)?;
    let managed = optional_team_config(managed);
    let edited = crate::team_config::edit_account(&user_list(user), managed.as_ref(), &id, &edit)
        .map_err(human_error)?;
    to_js(&edited)
}

/// The person's accounts without one account.
#[wasm_bindgen(js_name = removeUserAccount)]
pub fn remove_user_account(user: JsValue, account_id_text: &str) -> Result<JsValue, JsError> {
    let id = account_id(account_id_text)?;
    to_js(&crate::team_config::remove_account(&user_list(user), &id))
}
