//! The accounts the doctor offers while a person types one for a finding: the team's first (the
//! organisation's and the person's own, by their display names), then the others this browser
//! knows; each once.

use crate::tab::known_accounts::KnownAccounts;
use crate::tab::offered_accounts::offered_accounts;
use crate::team::config::MergedAccounts;
use serde::Serialize;

/// One account to offer: what typing it enters, and how the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountChoice {
    /// The alias, else the ID: what a finding's account reads.
    pub value: String,
    /// "Production: acme-prod (111122223333)", "prod (123456789012)" or the value alone.
    pub label: String,
}

/// The team's accounts in the team's order, then the known accounts the team does not list
/// (`offered_accounts`).
pub fn account_choices(known: &KnownAccounts, team: &MergedAccounts) -> Vec<AccountChoice> {
    offered_accounts(team, known)
        .into_iter()
        .map(|offered| AccountChoice {
            value: offered.value.to_owned(),
            label: match offered.team.and_then(|a| a.display_name.as_ref()) {
                Some(name) => format!("{}: {}", name.as_str(), offered.both_labels()),
                None => offered.both_labels(),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tab::team_context::TeamContext;
    use serde_json::json;

    #[test]
    fn the_teams_accounts_come_first_by_name_then_the_other_known_ones_once() {
        let team: TeamContext =
            serde_json::from_value(json!({"managed": {"version": 1, "accounts": [
            {"accountId": "111122223333", "alias": "acme-prod", "displayName": "Production"},
            {"accountId": "210987654321", "displayName": "Data lake"}]}}))
            .expect("a team context");
        let known = KnownAccounts::load(json!({"version": 1, "accounts": [
            {"account_id": "111122223333", "alias": "acme-prod", "last_seen_ms": 1},
            {"account_id": "123456789012", "alias": "sandbox", "last_seen_ms": 2},
            {"alias": "legacy", "last_seen_ms": 3}]}))
        .known;
        let choices = account_choices(&known, &team.read().accounts);
        let shown: Vec<(&str, &str)> = choices
            .iter()
            .map(|c| (c.value.as_str(), c.label.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("acme-prod", "Production: acme-prod (111122223333)"),
                ("210987654321", "Data lake: 210987654321"),
                // The known ones as the browser keeps them: the last seen first.
                ("legacy", "legacy"),
                ("sandbox", "sandbox (123456789012)"),
            ]
        );
    }
}
