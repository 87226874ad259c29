//! Region search on any query and preferences: never a panic; every result is a region of the
//! searched partition, listed once, allowed when regions are restricted; an empty query lists
//! every (allowed) region of the partition.
//!
//! Input: lines of text: the query, the partition (empty: none), then comma-separated codes of
//! favourites, recent and preferred regions, and, if there is a sixth line, the allowed ones.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signin_guard::aws::partition::Partition;
use signin_guard::aws::region_search::{search_regions, RegionPrefs};
use signin_guard::aws::regions::Region;
use std::collections::HashSet;

fuzz_target!(|text: &str| {
    let mut lines = text.split('\n');
    let query = lines.next().unwrap_or_default();
    let partition = lines.next().filter(|p| !p.is_empty()).map(str::to_owned);
    let mut codes = || -> Option<Vec<String>> {
        lines
            .next()
            .map(|line| line.split(',').map(str::to_owned).collect())
    };
    let prefs = RegionPrefs {
        partition,
        favourites: codes().unwrap_or_default(),
        recent: codes().unwrap_or_default(),
        preferred: codes().unwrap_or_default(),
        allowed: codes(),
    };
    let Ok(choices) = search_regions(query, &prefs) else {
        return;
    };
    let partition = prefs
        .partition
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map_or(Partition::Aws, |id| {
            Partition::from_id(id).expect("a search ran: the partition is known")
        });
    let mut seen = HashSet::new();
    for choice in &choices {
        assert!(seen.insert(choice.code), "{} listed twice", choice.code);
        assert_eq!(choice.partition, partition, "{}", choice.code);
        if let Some(allowed) = &prefs.allowed {
            assert!(
                allowed
                    .iter()
                    .any(|a| Region::find_in(a, partition).map(Region::code) == Some(choice.code)),
                "{} is not allowed",
                choice.code
            );
        }
    }
    if query.trim().is_empty() {
        let expected = Region::all(Some(partition))
            .filter(|r| {
                prefs.allowed.as_ref().is_none_or(|allowed| {
                    allowed
                        .iter()
                        .any(|a| Region::find_in(a, partition) == Some(*r))
                })
            })
            .count();
        assert_eq!(
            choices.len(),
            expected,
            "an empty query lists every allowed region"
        );
    }
});
