//! The address-bar keyword with the team's accounts: suggested like known accounts, described by
//! their display names, found by a display name's first letters.

use crate::aws::account::{Account, Alias};
use crate::aws::regions::Region;
use crate::tab::known_accounts::KnownAccounts;
use crate::tab::omnibox::{omnibox, OmniboxAnswer, Suggestion, MAX_SUGGESTIONS};
use crate::tab::team_context::Team;
use crate::team::config::MergedAccount;

/// The omnibox with the team's accounts: they are suggested like known accounts (their default
/// region standing for the last one used), described by their display names, and found by a
/// display name's first letters ("aws data" → the account named "Data lake").
pub fn team_omnibox(text: &str, known: &KnownAccounts, team: &Team) -> OmniboxAnswer {
    let mut all = known.clone();
    // Known accounts keep their place (most recently seen first); the team's others follow in
    // the team's order, as if seen at the dawn of time (1 ms, 2 ms, … before the first).
    let listed = &team.accounts.accounts;
    for (index, listed) in listed.iter().enumerate() {
        let account = &listed.account;
        let seen = all.find(&Account::Id(account.account_id.clone())).is_some();
        let alias = account.alias.as_ref().map(Alias::as_str);
        let region = if seen {
            None
        } else {
            account.default_region.map(Region::code)
        };
        let time = (team.accounts.accounts.len() - index) as f64;
        // Cannot fail: the ID, alias and region are valid already, and so is the time.
        let _ = all.remember(Some(account.account_id.as_str()), alias, region, time);
    }
    let mut answer = omnibox(text, &all);
    let mut words = text.split_whitespace();
    if let Some(first) = words.next() {
        let rest: Vec<&str> = words.collect();
        let named = by_display_name(first, team);
        let completes = |s: &Suggestion| s.content.split_whitespace().next().map(str::to_owned);
        let offered: Vec<String> = answer.suggestions.iter().filter_map(completes).collect();
        let fresh: Vec<&MergedAccount> = named
            .into_iter()
            .filter(|a| !offered.iter().any(|o| label_of(a) == *o))
            .collect();
        if !fresh.is_empty() && offered.is_empty() {
            if let [only] = fresh[..] {
                // The one account so named is where Enter goes.
                let resolved = omnibox(&format!("{} {}", label_of(only), rest.join(" ")), &all);
                answer.url = resolved.url;
                answer.error = resolved.error;
            } else {
                answer.error = None;
            }
        }
        for account in fresh {
            let typed = std::iter::once(label_of(account).as_str())
                .chain(rest.iter().copied())
                .collect::<Vec<_>>()
                .join(" ");
            let suggestion = omnibox(&typed, &all)
                .suggestions
                .into_iter()
                .next()
                .unwrap_or_else(|| Suggestion {
                    description: format!("Sign in to {}", full_name(account)),
                    content: typed,
                });
            answer.suggestions.push(suggestion);
        }
        answer.suggestions.truncate(MAX_SUGGESTIONS);
    }
    for suggestion in &mut answer.suggestions {
        name_in_description(suggestion, team);
    }
    answer
}

/// How an account is typed: its alias, else its ID.
fn label_of(account: &MergedAccount) -> String {
    account
        .account
        .alias
        .as_ref()
        .map_or_else(|| account.account.account_id.as_str(), Alias::as_str)
        .to_owned()
}

/// "acme-prod (111122223333)", or the ID alone.
fn full_name(account: &MergedAccount) -> String {
    let id = account.account.account_id.as_str();
    match &account.account.alias {
        Some(alias) => format!("{} ({id})", alias.as_str()),
        None => id.to_owned(),
    }
}

/// Listed accounts whose display name, or one of its words, starts with `typed` (any case).
fn by_display_name<'t>(typed: &str, team: &'t Team) -> Vec<&'t MergedAccount> {
    let typed = typed.to_lowercase();
    team.accounts
        .accounts
        .iter()
        .filter(|a| {
            a.account.display_name.as_ref().is_some_and(|name| {
                let name = name.as_str().to_lowercase();
                name.starts_with(&typed) || name.split_whitespace().any(|w| w.starts_with(&typed))
            })
        })
        .collect()
}

/// "Sign in to acme-prod (111122223333) …" → "Sign in to Production: acme-prod (111122223333) …"
/// for a listed account with a display name.
fn name_in_description(suggestion: &mut Suggestion, team: &Team) {
    let Some(first) = suggestion.content.split_whitespace().next() else {
        return;
    };
    let Ok(account) = Account::parse(first) else {
        return;
    };
    let Some(name) = team
        .accounts
        .find(&account)
        .and_then(|a| a.account.display_name.as_ref())
    else {
        return;
    };
    const PREFIX: &str = "Sign in to ";
    if let Some(rest) = suggestion.description.strip_prefix(PREFIX) {
        if !rest.starts_with(name.as_str()) {
            suggestion.description = format!("{PREFIX}{name}: {rest}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tab::known_accounts::tests::known;
    use crate::tab::team_context::tests::{contents, example, team};
    use serde_json::json;

    #[test]
    fn the_omnibox_suggests_the_team_accounts_with_their_display_names() {
        let team = team(Some(example()), None);
        let answer = team_omnibox("", &KnownAccounts::new(), &team);
        assert_eq!(
            contents(&answer),
            ["acme-prod", "acme-staging", "acme-data"]
        );
        assert_eq!(
            answer.suggestions[0].description,
            "Sign in to Production: acme-prod (111122223333), last used in Europe (Ireland)"
        );
    }

    #[test]
    fn known_accounts_come_first_in_the_omnibox() {
        let team = team(Some(example()), None);
        let known = known(&[("123456789012", "mine", "us-east-2", 5)]);
        let answer = team_omnibox("", &known, &team);
        assert_eq!(
            contents(&answer),
            ["mine", "acme-prod", "acme-staging", "acme-data"]
        );
    }

    #[test]
    fn a_team_alias_with_a_region_opens_the_region_pinned_url() {
        let team = team(Some(example()), None);
        let answer = team_omnibox("acme-prod eu-west-1", &KnownAccounts::new(), &team);
        assert_eq!(
            answer.url.as_deref(),
            Some("https://acme-prod.signin.aws.amazon.com/console?region=eu-west-1")
        );
    }

    #[test]
    fn a_display_name_finds_its_account() {
        let team = team(Some(example()), None);
        let answer = team_omnibox("data", &KnownAccounts::new(), &team);
        assert_eq!(contents(&answer), ["acme-data"]);
        assert_eq!(
            answer.url.as_deref(),
            Some("https://acme-data.signin.aws.amazon.com/console")
        );
        assert!(answer.suggestions[0]
            .description
            .starts_with("Sign in to Data lake: acme-data (210987654321)"));
        let with_region = team_omnibox("lake frankfurt", &KnownAccounts::new(), &team);
        assert_eq!(
            with_region.url.as_deref(),
            Some("https://acme-data.signin.aws.amazon.com/console?region=eu-central-1")
        );
        assert_eq!(contents(&with_region), ["acme-data eu-central-1"]);
    }

    #[test]
    fn display_names_are_plain_text_escaped_once_by_the_extension() {
        let mut config = example();
        config["accounts"][0]["displayName"] = json!("R&D <prod>");
        let team = team(Some(config), None);
        let answer = team_omnibox("acme-p", &KnownAccounts::new(), &team);
        let description = &answer
            .suggestions
            .first()
            .expect("a suggestion")
            .description;
        assert!(
            description.starts_with("Sign in to R&D <prod>: acme-prod"),
            "{description}"
        );
    }

    #[test]
    fn the_persons_own_accounts_are_suggested_too() {
        let user = json!({"version": 1, "accounts": [
            {"accountId": "123456789012", "alias": "sandbox-me", "displayName": "My sandbox"}]});
        let team = team(Some(example()), Some(user));
        let answer = team_omnibox("sandbox", &KnownAccounts::new(), &team);
        assert_eq!(contents(&answer), ["sandbox-me"]);
        assert!(answer.suggestions[0]
            .description
            .starts_with("Sign in to My sandbox: sandbox-me"));
    }
}
