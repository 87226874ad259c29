//! The accounts people see: the organisation's (managed, read-only) merged with their own.
//!
//! Rules, in the order they apply:
//! - every managed account is listed, in the managed order, marked "managed by your
//!   organisation"; the person cannot remove it or change its ID, alias, roles or portal;
//! - a user entry with the ID of a managed account changes its display name, colour and
//!   default region, unless the policy locks accounts (then the change is listed as ignored);
//! - other user accounts follow, unless the policy forbids accounts of one's own, or the
//!   account claims the alias of a managed account: then they are listed as hidden, with why;
//! - a default region outside `allowedRegions` is ignored, and favourite regions are the
//!   managed ones, then the person's, allowed ones only.

use super::problem::Problem;
use super::values::{Color, DisplayName};
use super::{Parsed, Policy, TeamAccount, TeamConfig};
use crate::aws::account::{Account, AccountId, Alias};
use crate::aws::regions::Region;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use serde_json::Value;
use std::fmt;

/// The words of the warning on an account sign-in page for an account the team does not list.
pub const NOT_A_TEAM_ACCOUNT: &str = "not one of your organisation's accounts";

/// The person's own accounts, kept by the extension in the team format (`{version: 1,
/// accounts: […], favouriteRegions: […]}`); an entry with a managed account's ID holds the
/// person's display name, colour and default region for it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserAccounts {
    /// The accounts, each ID once.
    pub accounts: Vec<TeamAccount>,
    /// The person's favourite regions.
    pub favourite_regions: Vec<Region>,
}

/// Where a merged account comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The organisation's managed configuration.
    Managed,
    /// The person's own list.
    User,
}

/// A setting of an account that people may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// `displayName`.
    DisplayName,
    /// `color`.
    Color,
    /// `defaultRegion`.
    DefaultRegion,
}

/// One account as people see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedAccount {
    /// The account as configured, with the person's changes applied.
    pub account: TeamAccount,
    /// Where it comes from.
    pub source: Source,
    /// The settings people may change here (none on a locked managed account).
    pub editable: Vec<Field>,
    /// The settings that hold the person's value instead of the organisation's.
    pub overridden: Vec<Field>,
}

/// Why a user account is not listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HiddenReason {
    /// The policy sets `allowUserAccounts` to false.
    UserAccountsNotAllowed,
    /// Its alias is the alias of a managed account with another ID.
    AliasOfTeamAccount {
        /// The alias.
        alias: Alias,
        /// The managed account that has it.
        team_account: AccountId,
    },
}

/// A user account that is not listed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HiddenAccount {
    /// The account as the person configured it.
    pub account: TeamAccount,
    /// Why it is not listed.
    pub reason: HiddenReason,
}

/// Why a setting the person made is not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IgnoredReason {
    /// The policy locks the team's accounts.
    AccountsLocked,
    /// The region is not in `allowedRegions`.
    RegionNotAllowed(Region),
}

/// A setting the person made that is not used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoredSetting {
    /// The account it was made for.
    pub account_id: AccountId,
    /// Which setting.
    pub field: Field,
    /// Why it is not used.
    pub reason: IgnoredReason,
}

/// The policy in force, for the options page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MergedPolicy {
    /// Whether an organisation's configuration is in force at all.
    pub managed: bool,
    /// Whether the team's accounts are locked.
    pub lock_accounts: bool,
    /// Whether people may add accounts of their own.
    pub allow_user_accounts: bool,
}

/// Everything the popup and options page list: the accounts with their sources, what was
/// hidden or ignored and why, and the regions to offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergedAccounts {
    /// Managed accounts first, in the organisation's order, then the person's.
    pub accounts: Vec<MergedAccount>,
    /// User accounts not listed.
    pub hidden: Vec<HiddenAccount>,
    /// User settings not used.
    pub ignored: Vec<IgnoredSetting>,
    /// Regions to offer first: the organisation's, then the person's.
    pub favourite_regions: Vec<Region>,
    /// The only regions to offer, when the organisation restricts them.
    pub allowed_regions: Option<Vec<Region>>,
    /// The policy in force.
    pub policy: MergedPolicy,
}

impl UserAccounts {
    /// The person's accounts from a configuration in the team format (its policy and allowed
    /// regions do not apply to a person's own list and are not kept).
    pub fn from_config(config: TeamConfig) -> UserAccounts {
        UserAccounts {
            accounts: config.accounts,
            favourite_regions: config.favourite_regions,
        }
    }

    /// Reads the stored list leniently; nothing stored (`null`) is an empty list.
    pub fn from_value(value: &Value) -> (UserAccounts, Vec<Problem>) {
        if value.is_null() {
            return (UserAccounts::default(), Vec::new());
        }
        let Parsed { config, problems } = TeamConfig::from_value(value);
        let accounts = config.map(UserAccounts::from_config).unwrap_or_default();
        (accounts, problems)
    }
}

impl Source {
    /// How the options page names the source.
    pub fn description(self) -> &'static str {
        match self {
            Source::Managed => "managed by your organisation",
            Source::User => "added by you",
        }
    }
}

impl Field {
    /// Every field people may change.
    pub const ALL: [Field; 3] = [Field::DisplayName, Field::Color, Field::DefaultRegion];

    /// The field's name in the team format.
    pub fn name(self) -> &'static str {
        match self {
            Field::DisplayName => "displayName",
            Field::Color => "color",
            Field::DefaultRegion => "defaultRegion",
        }
    }
}

impl fmt::Display for HiddenReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HiddenReason::UserAccountsNotAllowed => {
                f.write_str("your organisation does not allow adding accounts of your own")
            }
            HiddenReason::AliasOfTeamAccount {
                alias,
                team_account,
            } => write!(
                f,
                "the alias {} belongs to your organisation's account {team_account}",
                alias.as_str()
            ),
        }
    }
}

impl HiddenReason {
    /// A stable code for the reason.
    pub fn code(&self) -> &'static str {
        match self {
            HiddenReason::UserAccountsNotAllowed => "user_accounts_not_allowed",
            HiddenReason::AliasOfTeamAccount { .. } => "alias_of_team_account",
        }
    }
}

impl fmt::Display for IgnoredReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IgnoredReason::AccountsLocked => {
                f.write_str("your organisation manages this account and does not allow changing it")
            }
            IgnoredReason::RegionNotAllowed(region) => {
                write!(f, "your organisation does not allow the region {region}")
            }
        }
    }
}

impl IgnoredReason {
    /// A stable code for the reason.
    pub fn code(&self) -> &'static str {
        match self {
            IgnoredReason::AccountsLocked => "accounts_locked",
            IgnoredReason::RegionNotAllowed(_) => "region_not_allowed",
        }
    }
}

impl MergedAccounts {
    /// The listed account that `account` (an ID or an alias) names.
    pub fn find(&self, account: &Account) -> Option<&MergedAccount> {
        self.accounts.iter().find(|a| a.account.is(account))
    }
}

/// Merges the organisation's configuration, if there is one, with the person's accounts.
pub fn merge(managed: Option<&TeamConfig>, user: &UserAccounts) -> MergedAccounts {
    let policy = managed.map_or_else(Policy::default, |m| m.policy);
    let allowed = managed.and_then(|m| m.allowed_regions.clone());
    let mut merged = MergedAccounts {
        accounts: Vec::new(),
        hidden: Vec::new(),
        ignored: Vec::new(),
        favourite_regions: Vec::new(),
        allowed_regions: allowed.clone(),
        policy: MergedPolicy {
            managed: managed.is_some(),
            lock_accounts: policy.lock_accounts,
            allow_user_accounts: policy.allow_user_accounts,
        },
    };
    let is_allowed = |region: &Region| {
        allowed
            .as_ref()
            .is_none_or(|allowed| allowed.contains(region))
    };
    let team_accounts = managed.map_or(&[][..], |m| &m.accounts[..]);
    for team in team_accounts {
        let mut account = team.clone();
        let mut overridden = Vec::new();
        let mine = user
            .accounts
            .iter()
            .find(|a| a.account_id == team.account_id);
        if let Some(mine) = mine {
            for field in changed_fields(team, mine) {
                if policy.lock_accounts {
                    merged.ignored.push(IgnoredSetting {
                        account_id: team.account_id.clone(),
                        field,
                        reason: IgnoredReason::AccountsLocked,
                    });
                    continue;
                }
                if let Some(ignored) = apply(&mut account, mine, field, &is_allowed) {
                    merged.ignored.push(ignored);
                } else {
                    overridden.push(field);
                }
            }
        }
        let editable = if policy.lock_accounts {
            Vec::new()
        } else {
            Field::ALL.to_vec()
        };
        merged.accounts.push(MergedAccount {
            account,
            source: Source::Managed,
            editable,
            overridden,
        });
    }
    for mine in &user.accounts {
        if team_accounts
            .iter()
            .any(|t| t.account_id == mine.account_id)
        {
            continue;
        }
        let hidden_because = if !policy.allow_user_accounts {
            Some(HiddenReason::UserAccountsNotAllowed)
        } else {
            mine.alias.as_ref().and_then(|alias| {
                team_accounts
                    .iter()
                    .find(|t| t.alias.as_ref() == Some(alias))
                    .map(|t| HiddenReason::AliasOfTeamAccount {
                        alias: alias.clone(),
                        team_account: t.account_id.clone(),
                    })
            })
        };
        if let Some(reason) = hidden_because {
            merged.hidden.push(HiddenAccount {
                account: mine.clone(),
                reason,
            });
            continue;
        }
        let mut account = mine.clone();
        if let Some(region) = account.default_region.filter(|r| !is_allowed(r)) {
            account.default_region = None;
            merged.ignored.push(IgnoredSetting {
                account_id: account.account_id.clone(),
                field: Field::DefaultRegion,
                reason: IgnoredReason::RegionNotAllowed(region),
            });
        }
        merged.accounts.push(MergedAccount {
            account,
            source: Source::User,
            editable: Field::ALL.to_vec(),
            overridden: Vec::new(),
        });
    }
    let managed_favourites = managed.map_or(&[][..], |m| &m.favourite_regions[..]);
    for region in managed_favourites.iter().chain(&user.favourite_regions) {
        if is_allowed(region) && !merged.favourite_regions.contains(region) {
            merged.favourite_regions.push(*region);
        }
    }
    merged
}

/// The warning for an account sign-in page: `Some` only when an organisation's configuration
/// exists and surely does not list the account.
pub fn team_warning(managed: Option<&TeamConfig>, account: &Account) -> Option<String> {
    let managed = managed?;
    (managed.is_known_to_team(account) == Some(false))
        .then(|| format!("{account} is {NOT_A_TEAM_ACCOUNT}"))
}

/// The cosmetic fields the person set to something other than the organisation's value.
fn changed_fields(team: &TeamAccount, mine: &TeamAccount) -> Vec<Field> {
    let mut fields = Vec::new();
    if mine.display_name.is_some() && mine.display_name != team.display_name {
        fields.push(Field::DisplayName);
    }
    if mine.color.is_some() && mine.color != team.color {
        fields.push(Field::Color);
    }
    if mine.default_region.is_some() && mine.default_region != team.default_region {
        fields.push(Field::DefaultRegion);
    }
    fields
}

/// Puts the person's value of `field` on `account`, or says why it is not used.
fn apply(
    account: &mut TeamAccount,
    mine: &TeamAccount,
    field: Field,
    is_allowed: &impl Fn(&Region) -> bool,
) -> Option<IgnoredSetting> {
    match field {
        Field::DisplayName => account.display_name.clone_from(&mine.display_name),
        Field::Color => account.color.clone_from(&mine.color),
        Field::DefaultRegion => {
            let region = mine.default_region?;
            if !is_allowed(&region) {
                return Some(IgnoredSetting {
                    account_id: account.account_id.clone(),
                    field,
                    reason: IgnoredReason::RegionNotAllowed(region),
                });
            }
            account.default_region = Some(region);
        }
    }
    None
}

/// `{code, message}` for a reason.
struct Reason<'a> {
    code: &'static str,
    message: &'a dyn fmt::Display,
}

impl Serialize for Reason<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Reason", 2)?;
        s.serialize_field("code", self.code)?;
        s.serialize_field("message", &self.message.to_string())?;
        s.end()
    }
}

/// A role as the merged view shows it (snake_case, like the rest of the wasm API).
#[derive(Serialize)]
struct ShownRole<'a> {
    name: &'a str,
    display_name: Option<&'a str>,
}

/// The account fields of the merged view, shared by listed and hidden accounts.
fn serialize_account_fields<S: SerializeStruct>(
    s: &mut S,
    account: &TeamAccount,
) -> Result<(), S::Error> {
    let roles: Vec<ShownRole> = account
        .roles
        .iter()
        .map(|r| ShownRole {
            name: r.name.as_str(),
            display_name: r.display_name.as_ref().map(DisplayName::as_str),
        })
        .collect();
    s.serialize_field("account_id", &account.account_id)?;
    s.serialize_field("alias", &account.alias.as_ref().map(Alias::as_str))?;
    s.serialize_field(
        "display_name",
        &account.display_name.as_ref().map(DisplayName::as_str),
    )?;
    s.serialize_field("label", account.label())?;
    s.serialize_field("default_region", &account.default_region)?;
    s.serialize_field("color", &account.color.as_ref().map(Color::as_str))?;
    s.serialize_field("roles", &roles)?;
    s.serialize_field(
        "sso_start_url",
        &account.sso_start_url.as_ref().map(|u| u.as_str()),
    )
}

impl Serialize for MergedAccount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("MergedAccount", 13)?;
        serialize_account_fields(&mut s, &self.account)?;
        s.serialize_field("source", &self.source)?;
        s.serialize_field("source_label", self.source.description())?;
        s.serialize_field("read_only", &(self.source == Source::Managed))?;
        s.serialize_field("editable", &self.editable)?;
        s.serialize_field("overridden", &self.overridden)?;
        s.end()
    }
}

impl Serialize for HiddenAccount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("HiddenAccount", 9)?;
        serialize_account_fields(&mut s, &self.account)?;
        let reason = Reason {
            code: self.reason.code(),
            message: &self.reason,
        };
        s.serialize_field("reason", &reason)?;
        s.end()
    }
}

impl Serialize for IgnoredSetting {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("IgnoredSetting", 3)?;
        s.serialize_field("account_id", &self.account_id)?;
        s.serialize_field("field", &self.field)?;
        let reason = Reason {
            code: self.reason.code(),
            message: &self.reason,
        };
        s.serialize_field("reason", &reason)?;
        s.end()
    }
}
