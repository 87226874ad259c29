//! Region search for pickers and the omnibox: "ohio", "eu-w", "n. virginia" find their regions.
//!
//! Every token of the query must match a region, either as a prefix of its code or as a prefix
//! of a word of its display name. Results rank by how well they match (exact code, then code
//! prefix, then name word), then by the person's preferences (preferred, favourite, recent),
//! then by table order.

use crate::aws::partition::Partition;
use crate::aws::regions::Region;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The person's region preferences, as the extension stores them. Codes that are no region of
/// the partition are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct RegionPrefs {
    /// The partition to search (`aws`, `aws-cn`, `aws-us-gov`); `aws` when not given.
    pub partition: Option<String>,
    /// Regions the person starred, in their order.
    pub favourites: Vec<String>,
    /// Regions used lately, most recent first.
    pub recent: Vec<String>,
    /// Regions an administrator or the person marked as preferred, in their order.
    pub preferred: Vec<String>,
    /// The only regions to offer, when the organisation restricts them (`allowedRegions` of the
    /// team configuration); `None` offers every region of the partition.
    pub allowed: Option<Vec<String>>,
}

/// One search result: a table row plus why it is listed where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionChoice {
    /// The region code, e.g. `us-east-2`.
    pub code: &'static str,
    /// The display name, e.g. `US East (Ohio)`.
    pub name: &'static str,
    /// The partition of the region.
    pub partition: Partition,
    /// Whether an account must enable the region before using it.
    pub opt_in: bool,
    /// The region is one of the person's favourites.
    pub favourite: bool,
    /// The region was used lately.
    pub recent: bool,
    /// The region is a preferred one.
    pub preferred: bool,
}

/// Why a search cannot run; the message names the bad input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionSearchError {
    /// `prefs.partition` is not a partition identifier.
    UnknownPartition(String),
}

impl fmt::Display for RegionSearchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegionSearchError::UnknownPartition(id) => {
                write!(f, "partition {id:?} is not one of {}", Partition::ids())
            }
        }
    }
}

impl std::error::Error for RegionSearchError {}

/// How well a region matches the query; smaller is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum MatchRank {
    /// A token is the whole region code.
    ExactCode,
    /// A token starts the region code.
    CodePrefix,
    /// Tokens only start words of the display name.
    NameWord,
}

/// Where the person's preferences put a region among equally good matches; smaller is first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum PreferenceGroup {
    Preferred(usize),
    Favourite(usize),
    Recent(usize),
    Other,
}

/// Regions of the partition matching `query`, best first; an empty query lists every region of
/// the partition: preferred, favourites, recent, then the rest in table order.
pub fn search_regions(
    query: &str,
    prefs: &RegionPrefs,
) -> Result<Vec<RegionChoice>, RegionSearchError> {
    let partition = match prefs.partition.as_deref().map(str::trim) {
        None | Some("") => Partition::Aws,
        Some(id) => Partition::from_id(id)
            .ok_or_else(|| RegionSearchError::UnknownPartition(id.to_owned()))?,
    };
    Ok(search_in_partition(query, partition, prefs))
}

/// `search_regions` for a partition already known to be valid.
fn search_in_partition(
    query: &str,
    partition: Partition,
    prefs: &RegionPrefs,
) -> Vec<RegionChoice> {
    let preferred = known_codes(&prefs.preferred, partition);
    let favourites = known_codes(&prefs.favourites, partition);
    let recent = known_codes(&prefs.recent, partition);
    let allowed = prefs
        .allowed
        .as_ref()
        .map(|codes| known_codes(codes, partition));
    ranked_regions(query, partition, &preferred, &favourites, &recent)
        .into_iter()
        .filter(|region| {
            allowed
                .as_ref()
                .is_none_or(|allowed| allowed.contains(region))
        })
        .map(|region| RegionChoice {
            code: region.code(),
            name: region.name(),
            partition: region.partition(),
            opt_in: region.opt_in(),
            favourite: favourites.contains(&region),
            recent: recent.contains(&region),
            preferred: preferred.contains(&region),
        })
        .collect()
}

/// The regions of `partition` matching `query`, best first, the given regions first among
/// equal matches (the omnibox passes an account's last region as `recent`).
pub(crate) fn matching_regions(
    query: &str,
    partition: Partition,
    recent: &[Region],
) -> Vec<Region> {
    ranked_regions(query, partition, &[], &[], recent)
}

fn ranked_regions(
    query: &str,
    partition: Partition,
    preferred: &[Region],
    favourites: &[Region],
    recent: &[Region],
) -> Vec<Region> {
    let tokens: Vec<String> = query.split_whitespace().map(fold).collect();
    let position = |list: &[Region], region: Region| list.iter().position(|r| *r == region);
    let mut ranked: Vec<((MatchRank, PreferenceGroup, usize), Region)> =
        Region::all(Some(partition))
            .enumerate()
            .filter_map(|(table_index, region)| {
                let rank = match_rank(&tokens, region)?;
                let group = if let Some(i) = position(preferred, region) {
                    PreferenceGroup::Preferred(i)
                } else if let Some(i) = position(favourites, region) {
                    PreferenceGroup::Favourite(i)
                } else if let Some(i) = position(recent, region) {
                    PreferenceGroup::Recent(i)
                } else {
                    PreferenceGroup::Other
                };
                Some(((rank, group, table_index), region))
            })
            .collect();
    crate::small_sort::sort_by_key(&mut ranked, |(key, _)| *key);
    ranked.into_iter().map(|(_, region)| region).collect()
}

/// The regions of `partition` named in a preference list, in order, without repeats.
fn known_codes(codes: &[String], partition: Partition) -> Vec<Region> {
    let mut regions = Vec::new();
    for region in codes.iter().filter_map(|c| Region::find_in(c, partition)) {
        if !regions.contains(&region) {
            regions.push(region);
        }
    }
    regions
}

/// The best rank any token reaches, if every token matches; an empty query matches everything.
fn match_rank(tokens: &[String], region: Region) -> Option<MatchRank> {
    if tokens.is_empty() {
        return Some(MatchRank::NameWord);
    }
    let code = region.code();
    let name_words = words(&fold(region.name()));
    let mut best = MatchRank::NameWord;
    for token in tokens {
        let rank = if token == code {
            MatchRank::ExactCode
        } else if code.starts_with(token.as_str()) {
            MatchRank::CodePrefix
        } else if starts_name_words(token, &name_words) {
            MatchRank::NameWord
        } else {
            return None;
        };
        best = best.min(rank);
    }
    Some(best)
}

/// Whether each word of the token ("n." → "n") starts a word of the name.
fn starts_name_words(token: &str, name_words: &[String]) -> bool {
    let token_words = words(token);
    !token_words.is_empty()
        && token_words
            .iter()
            .all(|t| name_words.iter().any(|w| w.starts_with(t.as_str())))
}

/// Letters and digits runs: "us east (n. virginia)" → us, east, n, virginia.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Lowercase, with the accents of region names dropped ("São Paulo" is found by "sao").
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'õ' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(query: &str, prefs: &RegionPrefs) -> Vec<&'static str> {
        search_regions(query, prefs)
            .expect("valid prefs")
            .into_iter()
            .map(|c| c.code)
            .collect()
    }

    fn prefs() -> RegionPrefs {
        RegionPrefs::default()
    }

    fn list(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn display_name_word_finds_its_region() {
        assert_eq!(codes("ohio", &prefs()), ["us-east-2"]);
        assert_eq!(codes("Zurich", &prefs()), ["eu-central-2"]);
        assert_eq!(codes("oreg", &prefs()), ["us-west-2"]);
    }

    #[test]
    fn punctuated_name_words_match_with_or_without_the_dot() {
        assert_eq!(codes("n. virginia", &prefs()), ["us-east-1"]);
        assert_eq!(codes("N Virg", &prefs()), ["us-east-1"]);
    }

    #[test]
    fn code_prefix_lists_every_region_it_starts() {
        let found = codes("us-east", &prefs());
        assert!(found.len() >= 2, "{found:?}");
        assert!(found.iter().all(|c| c.starts_with("us-east")), "{found:?}");
        assert!(found.contains(&"us-east-1") && found.contains(&"us-east-2"));
        assert!(codes("eu-w", &prefs())
            .iter()
            .all(|c| c.starts_with("eu-w")));
        assert!(codes("EU-W", &prefs()).contains(&"eu-west-1"));
    }

    #[test]
    fn every_token_must_match() {
        assert_eq!(codes("us ohio", &prefs()), ["us-east-2"]);
        assert!(codes("ohio ireland", &prefs()).is_empty());
        assert!(codes("mars", &prefs()).is_empty());
    }

    #[test]
    fn exact_code_ranks_before_code_prefix() {
        let found = codes("us-east-1", &prefs());
        assert_eq!(found[0], "us-east-1");
        let found = codes("us-east-1 us", &prefs());
        assert_eq!(found, ["us-east-1"]);
    }

    #[test]
    fn code_prefix_ranks_before_a_name_word_even_of_a_preferred_region() {
        // "e" starts the codes eu-…, and only the name word "East" of the us-east regions.
        let prefs = RegionPrefs {
            preferred: list(&["us-east-1"]),
            ..prefs()
        };
        let found = codes("e", &prefs);
        let first_us = found
            .iter()
            .position(|c| c.starts_with("us-"))
            .expect("us-east-1");
        assert!(
            found[..first_us].iter().all(|c| c.starts_with("eu-")),
            "{found:?}"
        );
        assert!(first_us > 0, "{found:?}");
        assert_eq!(found[first_us], "us-east-1");
    }

    #[test]
    fn preferences_order_equal_matches() {
        let prefs = RegionPrefs {
            preferred: list(&["us-west-2"]),
            favourites: list(&["us-east-2"]),
            recent: list(&["us-east-1"]),
            ..prefs()
        };
        let found = codes("us", &prefs);
        assert_eq!(&found[..3], ["us-west-2", "us-east-2", "us-east-1"]);
    }

    #[test]
    fn empty_query_lists_preferred_favourites_recent_then_the_table() {
        let prefs = RegionPrefs {
            preferred: list(&["eu-central-2"]),
            favourites: list(&["us-west-2", "eu-west-1"]),
            recent: list(&["us-east-2", "us-west-2"]),
            ..prefs()
        };
        let found = codes("  ", &prefs);
        assert_eq!(
            &found[..4],
            ["eu-central-2", "us-west-2", "eu-west-1", "us-east-2"]
        );
        let rest: Vec<_> = Region::all(Some(Partition::Aws))
            .map(Region::code)
            .filter(|c| !found[..4].contains(c))
            .collect();
        assert_eq!(&found[4..], rest.as_slice());
    }

    #[test]
    fn choices_say_why_they_are_listed() {
        let prefs = RegionPrefs {
            favourites: list(&["us-east-2"]),
            recent: list(&["us-east-2"]),
            ..prefs()
        };
        let choice = &search_regions("ohio", &prefs).expect("valid prefs")[0];
        assert_eq!(
            *choice,
            RegionChoice {
                code: "us-east-2",
                name: "US East (Ohio)",
                partition: Partition::Aws,
                opt_in: false,
                favourite: true,
                recent: true,
                preferred: false,
            }
        );
    }

    #[test]
    fn opt_in_regions_are_included_and_flagged() {
        for region in Region::all(None) {
            let prefs = RegionPrefs {
                partition: Some(region.partition().id().to_owned()),
                ..prefs()
            };
            let found = search_regions(region.code(), &prefs).expect("valid prefs");
            assert_eq!(found[0].code, region.code());
            assert_eq!(found[0].opt_in, region.opt_in(), "{}", region.code());
        }
    }

    #[test]
    fn unknown_and_foreign_codes_in_preferences_are_ignored() {
        let prefs = RegionPrefs {
            favourites: list(&["mars-central-1", "cn-north-1", "us-east-2"]),
            ..prefs()
        };
        let found = search_regions("", &prefs).expect("valid prefs");
        assert_eq!(found[0].code, "us-east-2");
        assert!(found.iter().all(|c| c.partition == Partition::Aws));
    }

    #[test]
    fn partition_defaults_to_aws_and_can_be_chosen() {
        assert!(codes("", &prefs()).contains(&"us-east-1"));
        let china = RegionPrefs {
            partition: Some("aws-cn".to_owned()),
            ..prefs()
        };
        assert_eq!(codes("ningxia", &china), ["cn-northwest-1"]);
        assert!(codes("ohio", &china).is_empty());
    }

    #[test]
    fn only_the_organisations_allowed_regions_are_offered() {
        let restricted = RegionPrefs {
            allowed: Some(list(&["eu-west-1", "us-east-1", "cn-north-1"])),
            favourites: list(&["us-east-2"]),
            ..prefs()
        };
        assert_eq!(codes("", &restricted), ["eu-west-1", "us-east-1"]);
        assert!(codes("ohio", &restricted).is_empty());
        let nothing_allowed = RegionPrefs {
            allowed: Some(Vec::new()),
            ..prefs()
        };
        assert!(codes("", &nothing_allowed).is_empty());
    }

    #[test]
    fn unknown_partition_is_an_error_naming_it() {
        let bad = RegionPrefs {
            partition: Some("aws-mars".to_owned()),
            ..prefs()
        };
        assert_eq!(
            search_regions("", &bad).expect_err("rejected").to_string(),
            "partition \"aws-mars\" is not one of aws, aws-cn, aws-eusc, aws-us-gov"
        );
    }

    #[test]
    fn accents_do_not_matter() {
        assert_eq!(fold("São Paulo"), "sao paulo");
        assert!(starts_name_words(
            "sao",
            &words(&fold("South America (São Paulo)"))
        ));
    }

    #[test]
    fn prefs_read_from_json_with_fields_missing() {
        let prefs: RegionPrefs =
            serde_json::from_value(serde_json::json!({"favourites": ["us-east-2"]}))
                .expect("prefs");
        assert_eq!(prefs.favourites, ["us-east-2"]);
        assert_eq!(prefs.partition, None);
    }
}
