//! A team's links as a table: the account a person names (alias, ID or display name), and every
//! account × role × favourite region with its sign-in link, for `signin-guard links`, the
//! settings page and `www/`.

use super::config::{MergedAccounts, TeamAccount, TeamConfig};
use super::signin_links::{signin_link, LinkAccount, Place, SigninMethod};
use crate::aws::regions::Region;
use serde::Serialize;
use std::fmt;

/// Why no single account has the name given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountLookupError {
    /// No account has this alias, ID or display name.
    NotFound {
        /// The name given.
        name: String,
        /// How the configuration's accounts are named.
        accounts: Vec<String>,
    },
    /// Several accounts have it.
    Ambiguous {
        /// The name given.
        name: String,
        /// The accounts it names, as "Production (111122223333)".
        matches: Vec<String>,
    },
}

impl fmt::Display for AccountLookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AccountLookupError::NotFound { name, accounts } if accounts.is_empty() => {
                write!(
                    f,
                    "no account {name:?}: the configuration lists no accounts"
                )
            }
            AccountLookupError::NotFound { name, accounts } => write!(
                f,
                "no account {name:?} (an alias, 12-digit ID or display name); the accounts: {}",
                accounts.join(", ")
            ),
            AccountLookupError::Ambiguous { name, matches } => write!(
                f,
                "{name:?} names {} accounts, give its ID or alias instead: {}",
                matches.len(),
                matches.join(", ")
            ),
        }
    }
}

impl std::error::Error for AccountLookupError {}

/// "Production (111122223333)": an account named so that people can tell it from others.
pub fn named(account: &TeamAccount) -> String {
    let id = account.account_id.as_str();
    match (&account.display_name, &account.alias) {
        (Some(name), _) => format!("{} ({id})", name.as_str()),
        (None, Some(alias)) => format!("{} ({id})", alias.as_str()),
        (None, None) => id.to_owned(),
    }
}

/// The account that `name` names: its ID, its alias or its display name, ignoring case.
pub fn find_account<'a>(
    config: &'a TeamConfig,
    name: &str,
) -> Result<&'a TeamAccount, AccountLookupError> {
    let wanted = name.trim().to_lowercase();
    let matches: Vec<&TeamAccount> = config
        .accounts
        .iter()
        .filter(|a| {
            a.account_id.as_str() == wanted
                || a.alias
                    .as_ref()
                    .is_some_and(|alias| alias.as_str() == wanted)
                || a.display_name
                    .as_ref()
                    .is_some_and(|d| d.as_str().to_lowercase() == wanted)
        })
        .collect();
    match matches[..] {
        [only] => Ok(only),
        [] => Err(AccountLookupError::NotFound {
            name: name.trim().to_owned(),
            accounts: config.accounts.iter().map(named).collect(),
        }),
        _ => Err(AccountLookupError::Ambiguous {
            name: name.trim().to_owned(),
            matches: matches.into_iter().map(named).collect(),
        }),
    }
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkRow {
    /// The 12-digit account ID.
    pub account_id: String,
    /// How to name the account: its display name, else alias, else ID.
    pub account: String,
    /// The role's name, with its path.
    pub role: Option<String>,
    /// How to name the role: its display name, else its name.
    pub role_label: Option<String>,
    /// The region the link is for.
    pub region: Option<Region>,
    /// How it signs in.
    pub method: SigninMethod,
    /// "through your access portal", "switch role" or "IAM user".
    pub method_words: &'static str,
    /// The link.
    pub url: String,
    /// For a role link: the region the console opens in is its last one, not this.
    pub opens_in_last_region: bool,
}

impl LinkRow {
    /// A bookmark's title in the account's folder: "Read only · Europe (Ireland)".
    pub fn title(&self) -> String {
        let parts: Vec<&str> = [self.role_label.as_deref(), self.region.map(Region::name)]
            .into_iter()
            .flatten()
            .collect();
        if parts.is_empty() {
            format!("{} · {}", self.account, self.method_words)
        } else {
            parts.join(" · ")
        }
    }
}

/// Every account × role × favourite region (of the account's partition and allowed; else its
/// default region), in the configuration's order; a role link, which names no region, once.
pub fn link_table(config: &TeamConfig) -> Vec<LinkRow> {
    table(
        config.accounts.iter(),
        &config.favourite_regions,
        config.allowed_regions.as_deref(),
    )
}

/// `link_table` of the accounts people see: the organisation's and their own, merged.
pub fn merged_link_table(merged: &MergedAccounts) -> Vec<LinkRow> {
    table(
        merged.accounts.iter().map(|a| &a.account),
        &merged.favourite_regions,
        merged.allowed_regions.as_deref(),
    )
}

fn table<'a>(
    accounts: impl Iterator<Item = &'a TeamAccount>,
    favourite_regions: &[Region],
    allowed: Option<&[Region]>,
) -> Vec<LinkRow> {
    let mut rows = Vec::new();
    for account in accounts {
        let link_account = LinkAccount::of_team(account);
        let mut regions: Vec<Option<Region>> = favourite_regions
            .iter()
            .filter(|r| {
                r.partition() == link_account.partition && allowed.is_none_or(|a| a.contains(r))
            })
            .map(|r| Some(*r))
            .collect();
        if regions.is_empty() {
            regions.push(account.default_region);
        }
        // A role link names no region: one link per role, the console opening where it last was.
        if link_account.method() == SigninMethod::SwitchRole {
            regions = vec![None];
        }
        let roles: Vec<Option<&str>> = if account.roles.is_empty() {
            vec![None]
        } else {
            account
                .roles
                .iter()
                .map(|r| Some(r.name.as_str()))
                .collect()
        };
        for role in &roles {
            for region in &regions {
                let place = region.map(Place::Region);
                // Cannot fail: the role is listed and the region of the account's partition.
                let Ok(link) = signin_link(&link_account, *role, place.as_ref()) else {
                    continue;
                };
                let role_label = role.and_then(|name| link_account.find_role(name)).map(|r| {
                    r.display_name
                        .as_ref()
                        .map_or(r.name.as_str(), |d| d.as_str())
                        .to_owned()
                });
                rows.push(LinkRow {
                    account_id: account.account_id.as_str().to_owned(),
                    account: account.label().to_owned(),
                    role: link.role.clone(),
                    role_label,
                    region: *region,
                    method: link.method,
                    method_words: link.method.words(),
                    opens_in_last_region: link.then_region.is_some(),
                    url: link.url,
                });
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> TeamConfig {
        TeamConfig::parse(
            r#"{"version": 1, "accounts": [
                {"accountId": "111122223333", "alias": "acme-prod", "displayName": "Production"},
                {"accountId": "444455556666", "displayName": "production"},
                {"accountId": "777788889999", "alias": "sandbox", "defaultRegion": "us-east-1",
                 "roles": [{"name": "Admin"}]}]}"#,
        )
        .config
        .expect("usable")
    }

    #[test]
    fn accounts_are_found_by_id_alias_or_display_name_ignoring_case() {
        let config = config();
        for name in ["111122223333", "ACME-PROD", " acme-prod "] {
            assert_eq!(
                find_account(&config, name).expect(name).account_id.as_str(),
                "111122223333"
            );
        }
        assert_eq!(
            find_account(&config, "Production").unwrap_err().to_string(),
            "\"Production\" names 2 accounts, give its ID or alias instead: \
             Production (111122223333), production (444455556666)"
        );
        assert_eq!(
            find_account(&config, "nope").unwrap_err().to_string(),
            "no account \"nope\" (an alias, 12-digit ID or display name); the accounts: \
             Production (111122223333), production (444455556666), sandbox (777788889999)"
        );
    }

    #[test]
    fn without_favourite_regions_each_account_has_its_default_region() {
        let rows = link_table(&config());
        let regions: Vec<_> = rows.iter().map(|r| r.region.map(Region::code)).collect();
        assert_eq!(regions, [None, None, None], "sandbox's is a role link");
        assert!(rows[2].opens_in_last_region);
        assert_eq!(rows[2].title(), "Admin");
    }
}
