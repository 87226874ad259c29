//! The accounts a person may pick from (the popup's account list, the doctor's typed account):
//! the team's (the organisation's and the person's own) in the team's order, then the other
//! accounts this browser knows, the last seen first; each once.

use crate::tab::known_accounts::KnownAccounts;
use crate::team::config::{MergedAccounts, TeamAccount};

/// One account to offer.
#[derive(Debug, Clone, Copy)]
pub struct OfferedAccount<'a> {
    /// The alias, else the ID: what picking it enters.
    pub value: &'a str,
    /// Its alias, if known.
    pub alias: Option<&'a str>,
    /// Its ID, if known.
    pub id: Option<&'a str>,
    /// The team's entry, for an account of the team.
    pub team: Option<&'a TeamAccount>,
}

impl OfferedAccount<'_> {
    /// "alias (ID)", or whichever of the two there is.
    pub fn both_labels(&self) -> String {
        match (self.alias, self.id) {
            (Some(alias), Some(id)) => format!("{alias} ({id})"),
            (Some(label), None) | (None, Some(label)) => label.to_owned(),
            (None, None) => String::new(),
        }
    }
}

/// The team's accounts, then the known accounts whose ID or alias the team does not list.
pub fn offered_accounts<'a>(
    team: &'a MergedAccounts,
    known: &'a KnownAccounts,
) -> Vec<OfferedAccount<'a>> {
    let mut offered: Vec<OfferedAccount<'a>> = team
        .accounts
        .iter()
        .map(|merged| {
            let account = &merged.account;
            let alias = account.alias.as_ref().map(|a| a.as_str());
            let id = account.account_id.as_str();
            OfferedAccount {
                value: alias.unwrap_or(id),
                alias,
                id: Some(id),
                team: Some(account),
            }
        })
        .collect();
    let listed = offered.len();
    for entry in known.accounts() {
        let id = entry.account_id().map(|id| id.as_str());
        let alias = entry.alias().map(|a| a.as_str());
        let taken = |label: Option<&str>| {
            label.is_some_and(|label| {
                offered[..listed]
                    .iter()
                    .any(|o| o.id == Some(label) || o.alias == Some(label))
            })
        };
        if taken(id) || taken(alias) {
            continue;
        }
        let Some(value) = alias.or(id) else { continue };
        offered.push(OfferedAccount {
            value,
            alias,
            id,
            team: None,
        });
    }
    offered
}
