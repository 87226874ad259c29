//! Changes to the person's own list of accounts (kept by the extension in the team format):
//! adding what an import found, changing an account's display name, colour or default region,
//! and removing an account.
//!
//! An entry with the ID of one of the organisation's accounts holds the person's own display
//! name, colour and default region for it (see `merge`), so the same edits serve both lists.

use super::values::{Color, DisplayName, ValueError};
use super::{Role, TeamAccount, TeamConfig};
use crate::aws::account::AccountId;
use crate::aws::regions::Region;
use serde::Serialize;
use std::fmt;

/// What adding accounts to the person's list did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Added {
    /// The list afterwards.
    pub user: TeamConfig,
    /// Accounts that were not in the list, in the order added.
    pub added: Vec<AccountId>,
    /// Accounts already in the list that got new values or roles.
    pub updated: Vec<AccountId>,
    /// Accounts already in the list, with nothing new.
    pub unchanged: Vec<AccountId>,
}

/// The values an edit sets on one account; an empty text clears the value.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct AccountEdit {
    /// The display name.
    #[serde(default)]
    pub display_name: String,
    /// The colour, `#rrggbb`.
    #[serde(default)]
    pub color: String,
    /// The default region's code.
    #[serde(default)]
    pub default_region: String,
}

/// Why an edit is refused; the message is shown next to the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The display name or colour is not valid.
    Value {
        /// Which field ("display name", "colour").
        field: &'static str,
        /// What is wrong.
        error: ValueError,
    },
    /// The region code is no AWS region.
    UnknownRegion(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::Value { field, error } => write!(f, "{field}: {error}"),
            EditError::UnknownRegion(code) => {
                write!(f, "default region: {code:?} is not a known AWS region")
            }
        }
    }
}

impl std::error::Error for EditError {}

/// The person's list with `imported` added: a new account is appended; for one already listed,
/// the imported values that are set replace the old ones and new roles are added after the
/// old ones. Favourite regions are added the same way.
pub fn add_accounts(user: &TeamConfig, imported: &TeamConfig) -> Added {
    let mut list = user.clone();
    let (mut added, mut updated, mut unchanged) = (Vec::new(), Vec::new(), Vec::new());
    for new in &imported.accounts {
        let id = new.account_id.clone();
        match list.accounts.iter_mut().find(|a| a.account_id == id) {
            None => {
                list.accounts.push(new.clone());
                added.push(id);
            }
            Some(old) => {
                let before = old.clone();
                update(old, new);
                if *old == before {
                    unchanged.push(id);
                } else {
                    updated.push(id);
                }
            }
        }
    }
    for region in &imported.favourite_regions {
        if !list.favourite_regions.contains(region) {
            list.favourite_regions.push(*region);
        }
    }
    // An alias names one account: the account that had it before loses it to the new one.
    for id in added.iter().chain(&updated) {
        let Some(alias) = list.account(id).and_then(|a| a.alias.clone()) else {
            continue;
        };
        for other in list.accounts.iter_mut().filter(|a| &a.account_id != id) {
            if other.alias.as_ref() == Some(&alias) {
                other.alias = None;
            }
        }
    }
    Added {
        user: list,
        added,
        updated,
        unchanged,
    }
}

fn update(old: &mut TeamAccount, new: &TeamAccount) {
    if new.alias.is_some() {
        old.alias.clone_from(&new.alias);
    }
    if new.display_name.is_some() {
        old.display_name.clone_from(&new.display_name);
    }
    if new.default_region.is_some() {
        old.default_region = new.default_region;
    }
    if new.color.is_some() {
        old.color.clone_from(&new.color);
    }
    if new.sso_start_url.is_some() {
        old.sso_start_url.clone_from(&new.sso_start_url);
    }
    for role in &new.roles {
        match old.roles.iter_mut().find(|r| r.name == role.name) {
            Some(Role { display_name, .. }) if role.display_name.is_some() => {
                display_name.clone_from(&role.display_name);
            }
            Some(_) => {}
            None => old.roles.push(role.clone()),
        }
    }
}

/// The person's list with the display name, colour and default region of account `id` set
/// (an entry is made for an account not in the list yet: one of the organisation's).
///
/// For one of the organisation's accounts (in `managed`), a value equal to the organisation's
/// is not kept (so a later change by the organisation shows), and an entry left with no value
/// of its own is removed: the account is back to the organisation's values.
pub fn edit_account(
    user: &TeamConfig,
    managed: Option<&TeamConfig>,
    id: &AccountId,
    edit: &AccountEdit,
) -> Result<TeamConfig, EditError> {
    let given = |text: &str| {
        Some(text.trim())
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    let display_name = given(&edit.display_name)
        .map(|t| DisplayName::parse(&t))
        .transpose()
        .map_err(|error| EditError::Value {
            field: "display name",
            error,
        })?;
    let color = given(&edit.color)
        .map(|t| Color::parse(&t, false))
        .transpose()
        .map_err(|error| EditError::Value {
            field: "colour",
            error,
        })?;
    let default_region = given(&edit.default_region)
        .map(|code| Region::find(&code).ok_or(EditError::UnknownRegion(code)))
        .transpose()?;
    let mut list = user.clone();
    let index = match list.accounts.iter().position(|a| &a.account_id == id) {
        Some(index) => index,
        None => {
            list.accounts.push(TeamAccount::new(id.clone()));
            list.accounts.len() - 1
        }
    };
    let account = &mut list.accounts[index];
    account.display_name = display_name;
    account.color = color;
    account.default_region = default_region;
    if let Some(team) = managed.and_then(|m| m.account(id)) {
        if account.display_name == team.display_name {
            account.display_name = None;
        }
        if account.color == team.color {
            account.color = None;
        }
        if account.default_region == team.default_region {
            account.default_region = None;
        }
        if *account == TeamAccount::new(id.clone()) {
            list.accounts.remove(index);
        }
    }
    Ok(list)
}

/// The person's list without account `id`.
pub fn remove_account(user: &TeamConfig, id: &AccountId) -> TeamConfig {
    let mut list = user.clone();
    list.accounts.retain(|a| &a.account_id != id);
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn config(value: serde_json::Value) -> TeamConfig {
        let parsed = TeamConfig::from_value(&value);
        assert_eq!(parsed.problems, []);
        parsed.config.expect("usable")
    }

    fn id(text: &str) -> AccountId {
        AccountId::parse(text).expect("id")
    }

    fn ids(list: &[AccountId]) -> Vec<&str> {
        list.iter().map(AccountId::as_str).collect()
    }

    #[test]
    fn imported_accounts_are_appended_and_listed_ones_updated() {
        let user = config(json!({"version": 1, "accounts": [
            {"accountId": "111111111111", "alias": "prod", "displayName": "Prod",
             "roles": [{"name": "ReadOnly"}]},
            {"accountId": "222222222222", "displayName": "Dev"}
        ]}));
        let imported = config(json!({"version": 1, "accounts": [
            {"accountId": "333333333333", "displayName": "sandbox"},
            {"accountId": "111111111111", "defaultRegion": "eu-west-1",
             "roles": [{"name": "ReadOnly", "displayName": "Read only"}, {"name": "Admin"}]},
            {"accountId": "222222222222", "displayName": "Dev"}
        ], "favouriteRegions": ["eu-west-1"]}));
        let result = add_accounts(&user, &imported);
        assert_eq!(ids(&result.added), ["333333333333"]);
        assert_eq!(ids(&result.updated), ["111111111111"]);
        assert_eq!(ids(&result.unchanged), ["222222222222"]);
        assert_eq!(
            result.user.to_value(),
            json!({"version": 1, "accounts": [
                {"accountId": "111111111111", "alias": "prod", "displayName": "Prod",
                 "defaultRegion": "eu-west-1",
                 "roles": [{"name": "ReadOnly", "displayName": "Read only"}, {"name": "Admin"}]},
                {"accountId": "222222222222", "displayName": "Dev"},
                {"accountId": "333333333333", "displayName": "sandbox"}
            ], "favouriteRegions": ["eu-west-1"]})
        );
    }

    #[test]
    fn an_imported_alias_moves_to_its_new_account() {
        let user = config(json!({"version": 1, "accounts": [
            {"accountId": "111111111111", "alias": "prod"}]}));
        let imported = config(json!({"version": 1, "accounts": [
            {"accountId": "222222222222", "alias": "prod"}]}));
        let result = add_accounts(&user, &imported);
        assert_eq!(
            result.user.to_value()["accounts"],
            json!([{"accountId": "111111111111"}, {"accountId": "222222222222", "alias": "prod"}])
        );
    }

    #[test]
    fn an_edit_sets_or_clears_the_three_values() {
        let user = config(json!({"version": 1, "accounts": [
            {"accountId": "111111111111", "alias": "prod", "displayName": "Prod", "color": "#123456"}]}));
        let edit = AccountEdit {
            display_name: " Production ".into(),
            color: String::new(),
            default_region: "eu-west-1".into(),
        };
        let edited = edit_account(&user, None, &id("111111111111"), &edit).expect("valid");
        assert_eq!(
            edited.to_value()["accounts"],
            json!([{"accountId": "111111111111", "alias": "prod", "displayName": "Production",
                    "defaultRegion": "eu-west-1"}])
        );
    }

    #[test]
    fn editing_an_account_not_in_the_list_adds_an_entry_for_it() {
        let edit = AccountEdit {
            display_name: "Our prod".into(),
            ..AccountEdit::default()
        };
        let edited =
            edit_account(&TeamConfig::default(), None, &id("444455556666"), &edit).expect("ok");
        assert_eq!(
            edited.to_value()["accounts"],
            json!([{"accountId": "444455556666", "displayName": "Our prod"}])
        );
    }

    #[test]
    fn values_of_the_organisation_are_not_kept_as_the_persons() {
        let managed = config(json!({"version": 1, "accounts": [
            {"accountId": "111111111111", "displayName": "Production", "defaultRegion": "eu-west-1"}]}));
        let account = id("111111111111");
        let same = AccountEdit {
            display_name: "Production".into(),
            color: "#00ff00".into(),
            default_region: "eu-west-1".into(),
        };
        let edited =
            edit_account(&TeamConfig::default(), Some(&managed), &account, &same).expect("ok");
        assert_eq!(
            edited.to_value()["accounts"],
            json!([{"accountId": "111111111111", "color": "#00ff00"}])
        );
        let back = AccountEdit {
            display_name: "Production".into(),
            ..AccountEdit::default()
        };
        let reset = edit_account(&edited, Some(&managed), &account, &back).expect("ok");
        assert_eq!(
            reset.to_value()["accounts"],
            json!([]),
            "back to the organisation's values"
        );
    }

    #[test]
    fn bad_values_are_refused_with_the_field_named() {
        let user = TeamConfig::default();
        let account = id("111111111111");
        let bad_color = AccountEdit {
            color: "red".into(),
            ..AccountEdit::default()
        };
        let error = edit_account(&user, None, &account, &bad_color).expect_err("bad colour");
        assert!(error.to_string().starts_with("colour: "), "{error}");
        let bad_region = AccountEdit {
            default_region: "eu-west-9".into(),
            ..AccountEdit::default()
        };
        assert_eq!(
            edit_account(&user, None, &account, &bad_region)
                .expect_err("bad region")
                .to_string(),
            "default region: \"eu-west-9\" is not a known AWS region"
        );
        let hidden = AccountEdit {
            display_name: "Prod\u{202e}".into(),
            ..AccountEdit::default()
        };
        let error = edit_account(&user, None, &account, &hidden).expect_err("hidden character");
        assert!(error.to_string().starts_with("display name: "), "{error}");
    }

    #[test]
    fn removing_an_account_keeps_the_others() {
        let user = config(json!({"version": 1, "accounts": [
            {"accountId": "111111111111"}, {"accountId": "222222222222"}]}));
        let left = remove_account(&user, &id("111111111111"));
        assert_eq!(
            left.to_value()["accounts"],
            json!([{"accountId": "222222222222"}])
        );
        assert_eq!(remove_account(&left, &id("999999999999")), left);
    }
}
