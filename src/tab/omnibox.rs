//! The address-bar keyword: "prod eu-west-1", "prod ohio" or "123456789012" → the account's
//! sign-in URL (region-pinned when a region is typed), with suggestions from known accounts.
//!
//! The first word names the account (a known alias or ID, or any valid one typed in full); the
//! rest, if any, names the region as the region search reads it.

use crate::aws::account::{Account, AccountError};
use crate::aws::partition::Partition;
use crate::aws::region_search::matching_regions;
use crate::aws::regions::Region;
use crate::tab::known_accounts::{KnownAccount, KnownAccounts};
use crate::tab::region_move::PendingMove;
use crate::url::links::{canonical_url, region_pinned_url};
use serde::Serialize;
use std::fmt;

/// Chrome shows at most this many suggestions.
pub const MAX_SUGGESTIONS: usize = 6;

/// What the omnibox does with the text typed after the keyword.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OmniboxAnswer {
    /// Where Enter goes, when the text names an account (and a region, if one is typed).
    pub url: Option<String>,
    /// Completions to offer, best first.
    pub suggestions: Vec<Suggestion>,
    /// Why the text leads nowhere, when it cannot be completed either.
    pub error: Option<String>,
    /// Where to move the tab after `url`, a role link, lands on the console (it names no
    /// region): stored as the popup stores it (`region_move`).
    pub region_move: Option<PendingMove>,
}

/// One omnibox suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The text that replaces what was typed when the suggestion is chosen.
    pub content: String,
    /// What it opens, as plain text (Chrome's XML escaping is the extension's, at its API).
    pub description: String,
}

/// Why the typed text leads nowhere; the message is shown as the omnibox's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OmniboxError {
    /// The first word is neither a known account nor a valid ID or alias.
    Account {
        /// The word typed.
        input: String,
        /// What is wrong with it.
        reason: AccountError,
    },
    /// No region of the partition matches the region words.
    NoRegion {
        /// The region words typed.
        query: String,
        /// The partition searched.
        partition: Partition,
    },
    /// The region code typed is of another partition than the known account's.
    RegionOfOtherPartition {
        /// The region typed.
        region: Region,
        /// The partition the account was last used in.
        partition: Partition,
    },
}

impl fmt::Display for OmniboxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OmniboxError::Account { input, reason } => {
                write!(f, "{input:?} is not an account ID or alias: {reason}")
            }
            OmniboxError::NoRegion { query, partition } => {
                write!(f, "no region of {partition} matches {query:?}")
            }
            OmniboxError::RegionOfOtherPartition { region, partition } => write!(
                f,
                "{} is a region of {}, but this account was last used in {partition}",
                region.code(),
                region.partition()
            ),
        }
    }
}

impl std::error::Error for OmniboxError {}

/// The regions the region words name, best first.
#[derive(Debug, Clone)]
struct RegionMatches {
    best: Region,
    others: Vec<Region>,
}

impl RegionMatches {
    fn all(&self) -> impl Iterator<Item = Region> + '_ {
        std::iter::once(self.best).chain(self.others.iter().copied())
    }
}

/// Reads the text typed after the omnibox keyword.
pub fn omnibox(text: &str, known: &KnownAccounts) -> OmniboxAnswer {
    let mut words = text.split_whitespace();
    let Some(account_text) = words.next() else {
        return OmniboxAnswer {
            url: None,
            suggestions: known
                .accounts()
                .iter()
                .take(MAX_SUGGESTIONS)
                .map(|k| account_suggestion(k, None))
                .collect(),
            error: None,
            region_move: None,
        };
    };
    let region_query = words.collect::<Vec<_>>().join(" ");
    let typed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let completions = known_completions(account_text, known);

    // The account Enter goes to: a known one named exactly, else the label as typed.
    let exact = Account::parse(account_text)
        .ok()
        .and_then(|account| known.find(&account));
    let target = match exact {
        Some(entry) => Ok((entry.account(), Some(entry))),
        None => Account::parse(account_text)
            .map(|account| (account, None))
            .map_err(|reason| OmniboxError::Account {
                input: account_text.to_owned(),
                reason,
            }),
    };
    let known_partition = exact.and_then(KnownAccount::partition);
    let region = read_region(&region_query, exact);

    let url = match (&target, &region) {
        (Ok((account, _)), Ok(Some(regions))) => Some(region_pinned_url(account, regions.best)),
        (Ok((account, _)), Ok(None)) => Some(canonical_url(
            account,
            known_partition.unwrap_or(Partition::Aws),
        )),
        _ => None,
    };

    let mut suggestions: Vec<Suggestion> = match (&target, &region) {
        // A named account and several regions matching: offer the regions.
        (Ok((account, entry)), Ok(Some(regions))) if !regions.others.is_empty() => regions
            .all()
            .map(|region| Suggestion {
                content: format!("{account} {}", region.code()),
                description: format!(
                    "Sign in to {} in {} ({})",
                    entry_name(*entry, account),
                    region.name(),
                    region.code()
                ),
            })
            .collect(),
        _ => {
            let region = region
                .as_ref()
                .ok()
                .and_then(|r| r.as_ref())
                .map(|r| r.best);
            completions
                .iter()
                .map(|entry| match (region, region_query.is_empty()) {
                    (Some(region), _) => account_suggestion(entry, Some(region)),
                    (None, true) => account_suggestion(entry, None),
                    (None, false) => Suggestion {
                        content: format!("{} {region_query}", entry.account()),
                        ..account_suggestion(entry, None)
                    },
                })
                .collect()
        }
    };
    // What is typed already is not worth suggesting again.
    suggestions.retain(|s| !s.content.eq_ignore_ascii_case(&typed));
    suggestions.truncate(MAX_SUGGESTIONS);

    let error = match (&target, &region) {
        (_, Err(why)) => Some(why.to_string()),
        (Err(why), _) if completions.is_empty() => Some(why.to_string()),
        _ => None,
    };
    OmniboxAnswer {
        url,
        suggestions,
        error,
        region_move: None,
    }
}

/// Known accounts whose alias or ID starts with the text, exact matches first.
fn known_completions<'k>(text: &str, known: &'k KnownAccounts) -> Vec<&'k KnownAccount> {
    let key = text.to_ascii_lowercase();
    let starts = |entry: &KnownAccount| {
        entry.alias().is_some_and(|a| a.as_str().starts_with(&key))
            || entry
                .account_id()
                .is_some_and(|id| id.as_str().starts_with(&key))
    };
    let exact = |entry: &KnownAccount| {
        entry.alias().is_some_and(|a| a.as_str() == key)
            || entry.account_id().is_some_and(|id| id.as_str() == key)
    };
    let mut found: Vec<&KnownAccount> = known.accounts().iter().filter(|e| starts(e)).collect();
    // Stable: otherwise most recently seen first, as stored.
    crate::small_sort::sort_by_key(&mut found, |e| !exact(e));
    found
}

/// The regions a region query names, best first; `None` when no region is typed.
/// A full region code of any partition counts; words search the account's partition.
fn read_region(
    query: &str,
    entry: Option<&KnownAccount>,
) -> Result<Option<RegionMatches>, OmniboxError> {
    if query.is_empty() {
        return Ok(None);
    }
    let known_partition = entry.and_then(KnownAccount::partition);
    if let Some(region) = Region::find(query) {
        return match known_partition {
            Some(partition) if partition != region.partition() => {
                Err(OmniboxError::RegionOfOtherPartition { region, partition })
            }
            _ => Ok(Some(RegionMatches {
                best: region,
                others: Vec::new(),
            })),
        };
    }
    let partition = known_partition.unwrap_or(Partition::Aws);
    let last_region: Vec<Region> = entry
        .and_then(KnownAccount::last_region)
        .into_iter()
        .collect();
    let mut found = matching_regions(query, partition, &last_region)
        .into_iter()
        .take(MAX_SUGGESTIONS);
    match found.next() {
        Some(best) => Ok(Some(RegionMatches {
            best,
            others: found.collect(),
        })),
        None => Err(OmniboxError::NoRegion {
            query: query.to_owned(),
            partition,
        }),
    }
}

/// "prod (123456789012)", "prod" or "123456789012".
fn entry_name(entry: Option<&KnownAccount>, account: &Account) -> String {
    match entry.map(|e| (e.alias(), e.account_id())) {
        Some((Some(alias), Some(id))) => format!("{} ({})", alias.as_str(), id.as_str()),
        _ => account.as_str().to_owned(),
    }
}

fn account_suggestion(entry: &KnownAccount, region: Option<Region>) -> Suggestion {
    let account = entry.account();
    let name = entry_name(Some(entry), &account);
    match region {
        Some(region) => Suggestion {
            content: format!("{account} {}", region.code()),
            description: format!("Sign in to {name} in {} ({})", region.name(), region.code()),
        },
        None => Suggestion {
            content: account.as_str().to_owned(),
            description: match entry.last_region() {
                Some(last) => format!("Sign in to {name}, last used in {}", last.name()),
                None => format!("Sign in to {name}"),
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tab::known_accounts::tests::known;

    fn accounts() -> KnownAccounts {
        known(&[
            ("111111111111", "prod", "us-east-2", 3),
            ("222222222222", "prod-eu", "eu-west-1", 2),
            ("333333333333", "dev", "us-west-2", 1),
        ])
    }

    fn contents(answer: &OmniboxAnswer) -> Vec<&str> {
        answer
            .suggestions
            .iter()
            .map(|s| s.content.as_str())
            .collect()
    }

    #[test]
    fn alias_and_region_code_give_the_region_pinned_url() {
        let answer = omnibox("prod eu-west-1", &accounts());
        assert_eq!(
            answer.url.as_deref(),
            Some("https://prod.signin.aws.amazon.com/console?region=eu-west-1")
        );
        assert_eq!(answer.error, None);
    }

    #[test]
    fn region_name_word_is_searched() {
        let answer = omnibox("prod ohio", &accounts());
        assert_eq!(
            answer.url.as_deref(),
            Some("https://prod.signin.aws.amazon.com/console?region=us-east-2")
        );
        let answer = omnibox("dev n. virginia", &accounts());
        assert_eq!(
            answer.url.as_deref(),
            Some("https://dev.signin.aws.amazon.com/console?region=us-east-1")
        );
    }

    #[test]
    fn account_id_alone_gives_the_canonical_url() {
        let answer = omnibox("  123456789012 ", &accounts());
        assert_eq!(
            answer.url.as_deref(),
            Some("https://123456789012.signin.aws.amazon.com/console")
        );
        assert!(answer.suggestions.is_empty());
        assert_eq!(answer.error, None);
    }

    #[test]
    fn known_id_signs_in_with_its_alias() {
        let answer = omnibox("333333333333", &accounts());
        assert_eq!(
            answer.url.as_deref(),
            Some("https://dev.signin.aws.amazon.com/console")
        );
    }

    #[test]
    fn empty_text_suggests_known_accounts_most_recent_first() {
        let answer = omnibox("", &accounts());
        assert_eq!(answer.url, None);
        assert_eq!(answer.error, None);
        assert_eq!(contents(&answer), ["prod", "prod-eu", "dev"]);
        assert_eq!(
            answer.suggestions[0].description,
            "Sign in to prod (111111111111), last used in US East (Ohio)"
        );
    }

    #[test]
    fn prefix_suggests_matching_accounts_exact_first() {
        let answer = omnibox("pro", &accounts());
        assert_eq!(contents(&answer), ["prod", "prod-eu"]);
        // "pro" is a valid alias in its own right: Enter goes where it says.
        assert_eq!(
            answer.url.as_deref(),
            Some("https://pro.signin.aws.amazon.com/console")
        );
        let answer = omnibox("prod", &accounts());
        assert_eq!(contents(&answer), ["prod-eu"]);
    }

    #[test]
    fn id_prefix_suggests_the_account() {
        let answer = omnibox("2222", &accounts());
        assert_eq!(contents(&answer), ["prod-eu"]);
        assert_eq!(answer.url, None);
        assert_eq!(answer.error, None);
    }

    #[test]
    fn unknown_short_text_explains_itself() {
        let answer = omnibox("zz", &accounts());
        assert_eq!(answer.url, None);
        assert!(answer.suggestions.is_empty());
        assert_eq!(
            answer.error.as_deref(),
            Some(
                "\"zz\" is not an account ID or alias: 2 characters, an account alias has 3 to 63"
            )
        );
    }

    #[test]
    fn partial_region_offers_region_completions() {
        let answer = omnibox("prod us-e", &accounts());
        let found = contents(&answer);
        assert!(found.contains(&"prod us-east-1"), "{found:?}");
        // The account's last region comes first, and Enter goes there.
        assert_eq!(found[0], "prod us-east-2");
        assert_eq!(
            answer.url.as_deref(),
            Some("https://prod.signin.aws.amazon.com/console?region=us-east-2")
        );
        assert_eq!(
            answer.suggestions[0].description,
            "Sign in to prod (111111111111) in US East (Ohio) (us-east-2)"
        );
    }

    #[test]
    fn partial_account_with_region_completes_the_account() {
        let answer = omnibox("prod-e ireland", &accounts());
        assert_eq!(contents(&answer), ["prod-eu eu-west-1"]);
    }

    #[test]
    fn unknown_region_is_an_error() {
        let answer = omnibox("prod atlantis", &accounts());
        assert_eq!(answer.url, None);
        assert_eq!(
            answer.error.as_deref(),
            Some("no region of aws matches \"atlantis\"")
        );
    }

    #[test]
    fn region_code_sets_the_partition_of_an_unknown_account() {
        let answer = omnibox("acme cn-north-1", &accounts());
        assert_eq!(
            answer.url.as_deref(),
            Some("https://acme.signin.amazonaws.cn/console?region=cn-north-1")
        );
    }

    #[test]
    fn region_of_another_partition_than_the_known_account_is_an_error() {
        let answer = omnibox("prod cn-north-1", &accounts());
        assert_eq!(answer.url, None);
        assert_eq!(
            answer.error.as_deref(),
            Some("cn-north-1 is a region of aws-cn, but this account was last used in aws")
        );
    }

    #[test]
    fn at_most_six_suggestions() {
        let mut many = KnownAccounts::new();
        for i in 0..10 {
            many.remember(None, Some(&format!("team-{i}")), None, f64::from(i))
                .expect("valid");
        }
        assert_eq!(omnibox("team", &many).suggestions.len(), MAX_SUGGESTIONS);
        assert_eq!(omnibox("", &many).suggestions.len(), MAX_SUGGESTIONS);
    }

    #[test]
    fn serialises_as_the_contract_says() {
        let value = serde_json::to_value(omnibox("", &accounts())).expect("json");
        assert!(value["url"].is_null());
        assert!(value["error"].is_null());
        assert_eq!(value["suggestions"][0]["content"], "prod");
        assert!(value["suggestions"][0]["description"].is_string());
    }
}
