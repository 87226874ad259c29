//! Exports that read, import and edit team configurations (the pages package only).

use super::convert::{from_js, human_error, to_js};
use super::team::{optional_team_config, read_team_config};
use wasm_bindgen::prelude::*;

/// `{format, config, profiles, problems, skipped_secrets}` for the text of `~/.aws/config` or
/// of an AWS Extend Switch Roles configuration; `format` is `aws-config`, `aesr` or `auto`
/// (the default). Throws on an unknown format or on JSON text.
#[wasm_bindgen(js_name = importAwsConfig)]
pub fn import_aws_config(text: &str, format: Option<String>) -> Result<JsValue, JsError> {
    use crate::team::import::{import, ImportFormat};
    let format =
        ImportFormat::from_name(format.as_deref().unwrap_or("auto")).map_err(human_error)?;
    to_js(&import(text, format).map_err(human_error)?)
}

/// The text of an AWS config or AESR file with every secret value (access keys, session tokens)
/// replaced by `[redacted]`, for the import box: what was pasted or chosen is shown without them.
#[wasm_bindgen(js_name = redactConfigSecrets)]
pub fn redact_config_secrets(text: &str) -> String {
    crate::team::import::redact_secret_values(text)
}

/// `{known, warning}` for the account (ID or alias) of an account sign-in page: `known` is
/// true, false, or null when it cannot be told; `warning` is set only when an organisation's
/// configuration exists and does not list the account. Throws on a bad account label.
#[wasm_bindgen(js_name = isKnownToTeam)]
pub fn is_known_to_team(managed: JsValue, account: &str) -> Result<JsValue, JsError> {
    let account = crate::aws::account::Account::parse(account).map_err(human_error)?;
    let managed = optional_team_config(managed);
    let known = managed.as_ref().and_then(|m| m.is_known_to_team(&account));
    let warning = crate::team::config::team_warning(managed.as_ref(), &account);
    to_js(&serde_json::json!({ "known": known, "warning": warning }))
}

/// The person's own accounts (a team-format document, or null) as a configuration.
fn user_list(user: JsValue) -> crate::team::config::TeamConfig {
    optional_team_config(user).unwrap_or_default()
}

/// An account ID given by JS; throws the reason it is not one.
fn account_id(text: &str) -> Result<crate::aws::account::AccountId, JsError> {
    crate::aws::account::AccountId::parse(text).map_err(human_error)
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
    to_js(&crate::team::config::add_accounts(
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
    let edit: crate::team::config::AccountEdit = from_js(edit, "edit")?;
    let id = account_id(account_id_text)?;
    let managed = optional_team_config(managed);
    let edited = crate::team::config::edit_account(&user_list(user), managed.as_ref(), &id, &edit)
        .map_err(human_error)?;
    to_js(&edited)
}

/// The person's accounts without one account.
#[wasm_bindgen(js_name = removeUserAccount)]
pub fn remove_user_account(user: JsValue, account_id_text: &str) -> Result<JsValue, JsError> {
    let id = account_id(account_id_text)?;
    to_js(&crate::team::config::remove_account(&user_list(user), &id))
}

/// The settings page's one-account form (`{account_id, alias, display_name, default_region}`) read as
/// a team configuration: `{config, error}`, `error` naming the field that is wrong.
#[wasm_bindgen(js_name = readOneAccount)]
pub fn read_one_account(form: JsValue) -> Result<JsValue, JsError> {
    let form: crate::team::config::AccountForm = from_js(form, "the account form")?;
    to_js(&crate::team::config::read_one_account(&form))
}
