//! Team configuration: the accounts, regions and policy an organisation gives everyone, in one
//! versioned JSON format that admins write by hand and deploy through the browsers' enterprise
//! policy (Chrome's managed storage), and that imports from `~/.aws/config` produce.
//!
//! ```json
//! {"version": 1,
//!  "accounts": [{"accountId": "123456789012", "alias": "acme-prod", "displayName": "Production",
//!                "defaultRegion": "eu-west-1", "color": "#c5221f",
//!                "roles": [{"name": "ReadOnly", "displayName": "Read only"}],
//!                "ssoStartUrl": "https://acme.awsapps.com/start"}],
//!  "favouriteRegions": ["eu-west-1"], "allowedRegions": ["eu-west-1", "us-east-1"],
//!  "policy": {"lockAccounts": true, "allowUserAccounts": false}}
//! ```
//!
//! Field names are camelCase, unlike the rest of the core's JSON: admins write these files, and
//! they are the keys of Chrome policies, where camelCase is the convention. The format is
//! documented by `docs/team-config.schema.json` (and `docs/managed_schema.json` for Chrome).
//!
//! Reading is lenient, because one typo must not take a whole team's accounts away: an account
//! without a valid `accountId` is dropped, any other bad value is dropped alone, unknown fields
//! are warnings, and every problem names its place (`accounts[3].accountId: 11 digits, an
//! account ID has 12`). Only a document that is no object, or of another version, is unusable.

mod checked;
mod managed_record;
mod merge;
mod one_account;
mod problem;
mod read;
pub use checked::{checked_or_none, read_lenient, read_strict};
mod user_list;
mod values;

pub use managed_record::{next_managed_record, ManagedRecord, NextRecord};
pub use merge::{
    merge, team_warning, Field, HiddenAccount, HiddenReason, IgnoredReason, IgnoredSetting,
    MergedAccount, MergedAccounts, MergedPolicy, Source, UserAccounts, NOT_A_TEAM_ACCOUNT,
};
pub use one_account::{read_one_account, AccountForm, OneAccount};
pub use problem::{Path, Problem, Severity};
pub use user_list::{add_accounts, edit_account, remove_account, AccountEdit, Added, EditError};
pub use values::{
    Color, DisplayName, RoleName, SsoStartUrl, ValueError, MAX_DISPLAY_NAME, MAX_ROLE_NAME,
};

use crate::aws::account::{Account, AccountId, Alias};
use crate::aws::regions::Region;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

/// The format version this code reads and writes.
pub const VERSION: u64 = 1;

/// A valid team configuration: every value checked, no duplicate account.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamConfig {
    /// The team's accounts, in the document's order, each account ID once.
    pub accounts: Vec<TeamAccount>,
    /// Regions to offer first, in order.
    pub favourite_regions: Vec<Region>,
    /// The only regions to offer, when the organisation restricts them; `None`: every region.
    pub allowed_regions: Option<Vec<Region>>,
    /// What people may change.
    pub policy: Policy,
}

/// One account of the team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TeamAccount {
    /// The 12-digit account ID: what identifies the account.
    pub account_id: AccountId,
    /// Its IAM account alias, if it has one.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_alias"
    )]
    pub alias: Option<Alias>,
    /// How to name it to people.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<DisplayName>,
    /// The region to sign in to and to offer first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_region: Option<Region>,
    /// Its colour in the popup and notices.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<Color>,
    /// The roles people use in it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// The access portal people sign in through, for accounts reached by IAM Identity Center.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sso_start_url: Option<SsoStartUrl>,
}

/// A role (or Identity Center permission set) in an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Role {
    /// The role's name, with its path if any.
    pub name: RoleName,
    /// How to name it to people.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<DisplayName>,
}

/// What the organisation lets people change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Policy {
    /// People may not change the display name, colour or default region of the team's
    /// accounts (default false).
    pub lock_accounts: bool,
    /// People may add accounts of their own (default true).
    pub allow_user_accounts: bool,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            lock_accounts: false,
            allow_user_accounts: true,
        }
    }
}

/// What reading a document gives: the usable configuration, if there is one, and every problem
/// found, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Parsed {
    /// `None` only when the document is no JSON object or of an unsupported version.
    pub config: Option<TeamConfig>,
    /// Every problem, errors and warnings.
    pub problems: Vec<Problem>,
}

impl Parsed {
    /// Whether the document gave a configuration (perhaps with entries dropped).
    pub fn is_usable(&self) -> bool {
        self.config.is_some()
    }

    /// A document that could not be read at all, for the reason given.
    pub fn unusable(message: impl std::fmt::Display) -> Parsed {
        Parsed {
            config: None,
            problems: vec![Problem::error(&Path::root(), message)],
        }
    }
}

impl TeamConfig {
    /// Reads a team configuration from JSON text; never fails: see `Parsed`.
    pub fn parse(json: &str) -> Parsed {
        // A byte-order mark is what some Windows editors put first.
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        match serde_json::from_str::<Value>(json) {
            Ok(value) => TeamConfig::from_value(&value),
            Err(error) if looks_like_ini(json) => Parsed::unusable(format!(
                "not JSON but INI, like ~/.aws/config: import it instead ({error})"
            )),
            Err(error) => Parsed::unusable(format!("not JSON: {error}")),
        }
    }

    /// Reads a team configuration from a JSON value (managed storage as the browser gives it).
    pub fn from_value(value: &Value) -> Parsed {
        read::read_document(value)
    }

    /// The configuration as a JSON value in the documented format.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The configuration as indented JSON text in the documented format, ending in a newline.
    pub fn to_json_pretty(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The team's account with this ID.
    pub fn account(&self, id: &AccountId) -> Option<&TeamAccount> {
        self.accounts.iter().find(|a| &a.account_id == id)
    }

    /// Whether the account is one of the team's: `Some(true)` when its ID or alias is listed,
    /// `Some(false)` when it is not, and `None` for an alias that is not listed while some
    /// listed account has no alias (it may be that account's).
    pub fn is_known_to_team(&self, account: &Account) -> Option<bool> {
        match account {
            Account::Id(id) => Some(self.account(id).is_some()),
            Account::Alias(alias) => {
                if self
                    .accounts
                    .iter()
                    .any(|a| a.alias.as_ref() == Some(alias))
                {
                    Some(true)
                } else if self.accounts.iter().all(|a| a.alias.is_some()) {
                    Some(false)
                } else {
                    None
                }
            }
        }
    }

    /// Whether people may use this region (every region, unless `allowedRegions` is set).
    pub fn allows_region(&self, region: Region) -> bool {
        self.allowed_regions
            .as_ref()
            .is_none_or(|allowed| allowed.contains(&region))
    }
}

impl TeamAccount {
    /// An account with nothing but its ID.
    pub fn new(account_id: AccountId) -> TeamAccount {
        TeamAccount {
            account_id,
            alias: None,
            display_name: None,
            default_region: None,
            color: None,
            roles: Vec::new(),
            sso_start_url: None,
        }
    }

    /// How to name the account to people: its display name, else its alias, else its ID.
    pub fn label(&self) -> &str {
        if let Some(name) = &self.display_name {
            name.as_str()
        } else if let Some(alias) = &self.alias {
            alias.as_str()
        } else {
            self.account_id.as_str()
        }
    }

    /// Whether `account` (an ID or an alias) names this account.
    pub fn is(&self, account: &Account) -> bool {
        match account {
            Account::Id(id) => &self.account_id == id,
            Account::Alias(alias) => self.alias.as_ref() == Some(alias),
        }
    }
}

impl Serialize for TeamConfig {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("version", &VERSION)?;
        map.serialize_entry("accounts", &self.accounts)?;
        if !self.favourite_regions.is_empty() {
            map.serialize_entry("favouriteRegions", &self.favourite_regions)?;
        }
        if let Some(allowed) = &self.allowed_regions {
            map.serialize_entry("allowedRegions", allowed)?;
        }
        if self.policy != Policy::default() {
            map.serialize_entry("policy", &self.policy)?;
        }
        map.end()
    }
}

/// Whether text that is not JSON starts like an INI file: a comment or a `[section]`.
fn looks_like_ini(text: &str) -> bool {
    let text = text.trim_start();
    text.starts_with(['#', ';'])
        || text.strip_prefix('[').is_some_and(|rest| {
            rest.trim_start()
                .starts_with(|c: char| c.is_ascii_alphabetic())
        })
}

fn serialize_alias<S: Serializer>(alias: &Option<Alias>, serializer: S) -> Result<S::Ok, S::Error> {
    match alias {
        Some(alias) => serializer.serialize_str(alias.as_str()),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::json;

    /// A configuration with every field set, as the core writes it.
    pub(crate) fn every_field() -> Value {
        json!({
            "version": 1,
            "accounts": [{
                "accountId": "012345678901", "alias": "acme-prod", "displayName": "Production",
                "defaultRegion": "eu-west-1", "color": "#c5221f",
                "roles": [{"name": "ReadOnly", "displayName": "Read only"}, {"name": "Admin"}],
                "ssoStartUrl": "https://acme.awsapps.com/start"
            }, {"accountId": "210987654321"}],
            "favouriteRegions": ["eu-west-1", "us-east-1"],
            "allowedRegions": ["eu-west-1", "us-east-1"],
            "policy": {"lockAccounts": true, "allowUserAccounts": false}
        })
    }

    #[test]
    fn written_configuration_reads_back_the_same() {
        let document = every_field();
        let parsed = TeamConfig::from_value(&document);
        assert_eq!(parsed.problems, []);
        let config = parsed.config.expect("usable");
        assert_eq!(config.to_value(), document);
        assert_eq!(
            TeamConfig::parse(&config.to_json_pretty()).config,
            Some(config)
        );
    }

    #[test]
    fn defaults_are_left_out_when_written() {
        let config = TeamConfig::default();
        assert_eq!(config.to_value(), json!({"version": 1, "accounts": []}));
    }

    #[test]
    fn an_unlisted_alias_is_unknown_only_when_every_account_has_an_alias() {
        let mut config = TeamConfig::default();
        let mut prod = TeamAccount::new(AccountId::parse("111111111111").expect("id"));
        prod.alias = Some(Alias::parse("prod").expect("alias"));
        config.accounts.push(prod);
        let other = Account::parse("other").expect("alias");
        assert_eq!(config.is_known_to_team(&other), Some(false));
        assert_eq!(
            config.is_known_to_team(&Account::parse("prod").expect("alias")),
            Some(true)
        );
        config.accounts.push(TeamAccount::new(
            AccountId::parse("222222222222").expect("id"),
        ));
        assert_eq!(config.is_known_to_team(&other), None);
        assert_eq!(
            config.is_known_to_team(&Account::parse("333333333333").expect("id")),
            Some(false)
        );
    }
}
