//! The launcher's search: one list of every account (the organisation's, the person's own and the
//! ones this browser knows) × its roles × regions, found by a few letters of each ("prod ro ohio",
//! "staging deploy", "1111 eu-w"), best first, each choice with the link that signs in to it.
//!
//! Every token of the query must match the account (display name words, alias, ID), the role
//! (name, name without its path, display name words) or else the region (as region search reads
//! it). Tokens that name no account or role choose the regions; without them a choice lands in
//! the account's default region (or the region it was last used in). Rows rank by how well the
//! tokens match (a whole word, the start of a name, the start of a later word), then the person's
//! favourite choices, then recent ones, then the configuration's order. The index is built once
//! (`Launcher::new`) so that a keystroke only compares prepared lowercase words.

use crate::aws::partition::Partition;
use crate::aws::region_search::{fold, match_rank, words, MatchRank};
use crate::aws::regions::Region;
use crate::tab::known_accounts::KnownAccounts;
use crate::tab::omnibox::{OmniboxAnswer, Suggestion, MAX_SUGGESTIONS};
use crate::tab::region_move::PendingMove;
use crate::tab::team_context::Team;
use crate::team::config::Role;
use crate::team::signin_links::{signin_link, LinkAccount, Place, SigninMethod};
use serde::{Deserialize, Serialize};

/// The person's choices to list first, as choice keys (`Choice::key`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct LauncherPrefs {
    /// Choices the person starred, in their order.
    pub favourites: Vec<String>,
    /// Choices opened lately, most recent first.
    pub recent: Vec<String>,
}

/// One row of the launcher: where it goes, how it signs in, and the link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// `ACCOUNT|ROLE|REGION` (empty parts for none): what favourites and recent choices store.
    pub key: String,
    /// The account as its links name it: its ID, or the alias of an account known only so.
    pub account: String,
    /// How to name the account: its display name, else alias, else ID.
    pub account_label: String,
    /// Its colour, `#rrggbb`, if it has one.
    pub color: Option<String>,
    /// The role's name, with its path.
    pub role: Option<String>,
    /// How to name the role: its display name, else its name.
    pub role_label: Option<String>,
    /// The region the choice lands in.
    pub region: Option<Region>,
    /// The region's name, "US East (Ohio)".
    pub region_name: Option<&'static str>,
    /// How it signs in.
    pub method: SigninMethod,
    /// "through your access portal", "switch role" or "IAM user".
    pub method_words: &'static str,
    /// The link to open.
    pub url: String,
    /// The region to move the tab to after a role switch lands (a role link names none).
    pub then_region: Option<Region>,
    /// That move, as the extension stores it for the tab that opens `url` (`region_move`).
    pub region_move: Option<PendingMove>,
    /// What to type for this choice alone: "acme-prod ReadOnlyAccess eu-west-1" (the omnibox's
    /// completion).
    pub typed: String,
    /// One line for the omnibox and screen readers: "Production · Read only · Europe (Ireland) ·
    /// through your access portal".
    pub description: String,
    /// Whether it is one of the person's favourites.
    pub favourite: bool,
    /// Whether it was opened lately.
    pub recent: bool,
    /// What its row says of that: "favourite" or "recent", none for the others.
    pub mark: Option<&'static str>,
    /// The favourite button's label for it: "Add … to favourites" or "Remove … from favourites".
    pub favourite_label: String,
}

/// The prepared words of one account.
#[derive(Debug, Clone)]
struct Entry {
    link: LinkAccount,
    color: Option<String>,
    /// How to name the account.
    label: String,
    /// What to type for it: its alias, else its ID.
    typed: String,
    /// Whole fields: the ID, the alias, the display name, folded.
    fields: Vec<String>,
    /// Words of the display name and alias.
    words: Vec<String>,
    roles: Vec<RoleEntry>,
    /// Bit `i` set: `Launcher::regions[i]` may be offered for it (its partition's, allowed).
    region_mask: u64,
    /// Its default region's index in `Launcher::regions`, if it has one it may be offered.
    default_region: Option<u8>,
}

#[derive(Debug, Clone)]
struct RoleEntry {
    role: Role,
    fields: Vec<String>,
    words: Vec<String>,
}

/// The index a search runs on.
#[derive(Debug, Clone)]
pub struct Launcher {
    entries: Vec<Entry>,
    /// How many of the entries are team accounts (the organisation's or the person's own).
    team_entries: usize,
    regions: Vec<Region>,
    /// The team's favourite regions, first among a choice's regions.
    favourite_regions: Vec<Region>,
    /// Bit `i` set: `regions[i]` may be offered.
    allowed: u64,
}

/// A matched row before its link is made: indexes and its ranking key.
#[derive(Debug, Clone, Copy)]
struct Row {
    key: (u32, u32, u32, u32, u32),
    entry: u32,
    role: Option<u8>,
    region: Option<u8>,
}

impl Launcher {
    /// The index of the team's accounts and, after them, the known accounts it does not list.
    pub fn new(team: &Team, known: &KnownAccounts) -> Launcher {
        let regions: Vec<Region> = Region::all(None).collect();
        let mut entries = Vec::new();
        for merged in &team.accounts.accounts {
            let account = &merged.account;
            let mut entry = Entry::new(LinkAccount::of_team(account), account.label());
            entry.color = account.color.as_ref().map(|c| c.as_str().to_owned());
            if let Some(alias) = &account.alias {
                entry.add_field(alias.as_str());
                entry.typed = alias.as_str().to_owned();
            }
            entries.push(entry);
        }
        let team_entries = entries.len();
        for known in known.accounts() {
            let listed = team.accounts.accounts.iter().any(|a| {
                known.account_id() == Some(&a.account.account_id)
                    || (known.alias().is_some() && known.alias() == a.account.alias.as_ref())
            });
            if listed {
                continue;
            }
            let account = known.account();
            let link = LinkAccount {
                display_name: None,
                partition: known.partition().unwrap_or(Partition::Aws),
                default_region: known.last_region(),
                roles: Vec::new(),
                portal: None,
                account: account.clone(),
            };
            let mut entry = Entry::new(link, account.as_str());
            if let (Some(id), Some(_)) = (known.account_id(), known.alias()) {
                entry.add_field(id.as_str());
            }
            entries.push(entry);
        }
        let allowed_list = team.accounts.allowed_regions.as_ref();
        let mut allowed = 0u64;
        for (i, region) in regions.iter().enumerate() {
            if allowed_list.is_none_or(|list| list.contains(region)) {
                allowed |= 1 << i;
            }
        }
        let mut launcher = Launcher {
            entries,
            team_entries,
            regions,
            favourite_regions: team.accounts.favourite_regions.clone(),
            allowed,
        };
        // What every search would compute again for each account.
        for e in 0..launcher.entries.len() {
            let entry = &launcher.entries[e];
            let mask = launcher.allowed & launcher.partition_mask(entry.link.partition);
            let default_region = entry
                .link
                .default_region
                .and_then(|r| launcher.region_index(r))
                .filter(|i| mask & (1 << i) != 0);
            let entry = &mut launcher.entries[e];
            entry.region_mask = mask;
            entry.default_region = default_region;
        }
        launcher
    }

    /// How many accounts the launcher lists.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// How many of them are team accounts (the organisation's or the person's own).
    pub fn team_accounts(&self) -> usize {
        self.team_entries
    }

    /// Whether it lists no account.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The omnibox's answer with the launcher's choices, in the popup's order (Enter opens the
    /// first); `None` when no team account is listed (the omnibox of known accounts answers).
    pub fn omnibox(&self, text: &str, prefs: &LauncherPrefs) -> Option<OmniboxAnswer> {
        if self.team_entries == 0 {
            return None;
        }
        let choices = self.search(text, prefs, MAX_SUGGESTIONS);
        Some(OmniboxAnswer {
            url: choices.first().map(|c| c.url.clone()),
            region_move: choices.first().and_then(|c| c.region_move.clone()),
            error: choices.is_empty().then(|| {
                format!(
                    "No account, role or region matches “{}”",
                    text.split_whitespace().collect::<Vec<_>>().join(" ")
                )
            }),
            suggestions: choices
                .into_iter()
                .map(|c| Suggestion {
                    content: c.typed,
                    description: c.description,
                })
                .collect(),
        })
    }

    /// The choices matching `query`, best first, at most `limit`.
    pub fn search(&self, query: &str, prefs: &LauncherPrefs, limit: usize) -> Vec<Choice> {
        let tokens: Vec<String> = query.split_whitespace().map(fold).collect();
        let region_masks: Vec<(u64, Vec<u32>)> =
            tokens.iter().map(|t| self.region_mask(t)).collect();
        let favourites = self.pref_rows(&prefs.favourites);
        let recent = self.pref_rows(&prefs.recent);
        let mut rows = Best::new(limit);
        let mut account_strength = vec![None; tokens.len()];
        for (e, entry) in self.entries.iter().enumerate() {
            for (t, token) in tokens.iter().enumerate() {
                account_strength[t] = strength(token, &entry.fields, &entry.words);
            }
            let roles = entry.roles.len().max(1) as u8;
            'roles: for role in (0..roles).map(|r| (!entry.roles.is_empty()).then_some(r)) {
                let mut score = 0u32;
                let mut region_mask = entry.region_mask;
                let mut region_rank: Option<&Vec<u32>> = None;
                for (t, token) in tokens.iter().enumerate() {
                    let role_strength = role.and_then(|r| {
                        let r = &entry.roles[usize::from(r)];
                        strength(token, &r.fields, &r.words)
                    });
                    match (account_strength[t], role_strength) {
                        (Some(a), Some(r)) => score += u32::from(a.min(r)),
                        (Some(s), None) | (None, Some(s)) => score += u32::from(s),
                        (None, None) => {
                            let (mask, ranks) = &region_masks[t];
                            region_mask &= mask;
                            if region_mask == 0 {
                                continue 'roles;
                            }
                            // The first region token orders the regions (its best rank).
                            region_rank.get_or_insert(ranks);
                        }
                    }
                }
                let entry_index = e as u32;
                let role_index = role.map_or(0, u32::from);
                match region_rank {
                    None => {
                        let region = entry.default_region;
                        let group = preference(&favourites, &recent, e, role, region);
                        rows.push(Row {
                            key: (score, group, entry_index, role_index, 0),
                            entry: entry_index,
                            role,
                            region,
                        });
                    }
                    Some(ranks) => {
                        let mut mask = region_mask;
                        while mask != 0 {
                            let i = mask.trailing_zeros() as u8;
                            mask &= mask - 1;
                            let rank = ranks[usize::from(i)];
                            let group = preference(&favourites, &recent, e, role, Some(i));
                            rows.push(Row {
                                key: (score + rank / 1000, group, entry_index, role_index, rank),
                                entry: entry_index,
                                role,
                                region: Some(i),
                            });
                        }
                    }
                }
            }
        }
        let mut rows = rows.into_rows();
        crate::small_sort::sort_by_key(&mut rows, |r| r.key);
        rows.truncate(limit);
        rows.iter()
            .filter_map(|row| self.choice(row, &favourites, &recent))
            .collect()
    }

    /// Bit `i` set for each region `regions[i]` of the partition.
    fn partition_mask(&self, partition: Partition) -> u64 {
        self.regions
            .iter()
            .enumerate()
            .filter(|(_, r)| r.partition() == partition)
            .fold(0, |mask, (i, _)| mask | (1 << i))
    }

    fn region_index(&self, region: Region) -> Option<u8> {
        self.regions
            .iter()
            .position(|r| *r == region)
            .map(|i| i as u8)
    }

    /// The regions a token matches, and each region's order among them: how well it matches
    /// (in thousands: 0 for the whole code, 1 for its start, 2 for a word of its name), then the
    /// team's favourite regions, then table order.
    fn region_mask(&self, token: &str) -> (u64, Vec<u32>) {
        let one = [token.to_owned()];
        let mut mask = 0;
        let mut ranks = vec![u32::MAX; self.regions.len()];
        for (i, region) in self.regions.iter().enumerate() {
            if let Some(rank) = match_rank(&one, *region) {
                mask |= 1 << i;
                let quality = match rank {
                    MatchRank::ExactCode => 0,
                    MatchRank::CodePrefix => 1,
                    MatchRank::NameWord => 2,
                };
                let favourite = self
                    .favourite_regions
                    .iter()
                    .position(|r| r == region)
                    .unwrap_or(self.favourite_regions.len());
                ranks[i] = quality * 1000 + (favourite as u32) * 64 + i as u32;
            }
        }
        (mask, ranks)
    }

    /// Choice keys read into (entry, role, region) indexes; keys naming nothing listed are left out.
    fn pref_rows(&self, keys: &[String]) -> Vec<(usize, Option<u8>, Option<u8>)> {
        keys.iter()
            .filter_map(|key| {
                let mut parts = key.split('|');
                let account = parts.next()?;
                let role = parts.next().unwrap_or("");
                let region = parts.next().unwrap_or("");
                let e = self
                    .entries
                    .iter()
                    .position(|e| e.link.account.as_str().eq_ignore_ascii_case(account))?;
                let entry = &self.entries[e];
                let role = if role.is_empty() {
                    None
                } else {
                    Some(
                        entry
                            .roles
                            .iter()
                            .position(|r| r.role.name.as_str() == role)?
                            as u8,
                    )
                };
                let region = if region.is_empty() {
                    None
                } else {
                    Some(self.region_index(Region::find(region)?)?)
                };
                // Only the key a choice of this row carries names it: not one with a part more,
                // nor one spelled otherwise (a stored key is one the launcher wrote).
                let role_name = role.map(|r| entry.roles[usize::from(r)].role.name.as_str());
                let region_code = region.map(|i| self.regions[usize::from(i)]);
                (choice_key(entry, role_name, region_code) == *key).then_some((e, role, region))
            })
            .collect()
    }

    fn choice(
        &self,
        row: &Row,
        favourites: &[(usize, Option<u8>, Option<u8>)],
        recent: &[(usize, Option<u8>, Option<u8>)],
    ) -> Option<Choice> {
        let e = row.entry as usize;
        let entry = self.entries.get(e)?;
        let role = row.role.map(|r| &entry.roles[usize::from(r)].role);
        let region = row.region.map(|i| self.regions[usize::from(i)]);
        let place = region.map(Place::Region);
        let link = signin_link(&entry.link, role.map(|r| r.name.as_str()), place.as_ref()).ok()?;
        let role_label = role.map(|r| {
            r.display_name
                .as_ref()
                .map_or(r.name.as_str(), |d| d.as_str())
                .to_owned()
        });
        let shown_region = region.or(link.region).or(link.then_region);
        let mut description = entry.label.clone();
        for part in [role_label.as_deref(), shown_region.map(Region::name)]
            .into_iter()
            .flatten()
        {
            description.push_str(" · ");
            description.push_str(part);
        }
        description.push_str(" · ");
        description.push_str(link.method.words());
        let id = (e, row.role, row.region);
        let favourite = favourites.contains(&id);
        let is_recent = recent.contains(&id);
        let typed = [
            Some(entry.typed.as_str()),
            role.map(|r| r.name.as_str()),
            region.or(link.then_region).map(Region::code),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        Some(Choice {
            typed,
            key: choice_key(entry, role.map(|r| r.name.as_str()), region),
            account: entry.link.account.as_str().to_owned(),
            account_label: entry.label.clone(),
            color: entry.color.clone(),
            role: link.role,
            role_label,
            region: shown_region,
            region_name: shown_region.map(Region::name),
            method: link.method,
            method_words: link.method.words(),
            url: link.url,
            then_region: link.then_region,
            region_move: link.then_region.map(|region| PendingMove {
                region: region.code().to_owned(),
                account: entry.link.account.as_str().to_owned(),
            }),
            favourite_label: if favourite {
                format!("Remove {description} from favourites")
            } else {
                format!("Add {description} to favourites")
            },
            description,
            favourite,
            recent: is_recent,
            mark: if favourite {
                Some("favourite")
            } else if is_recent {
                Some("recent")
            } else {
                None
            },
        })
    }
}

impl Entry {
    fn new(link: LinkAccount, label: &str) -> Entry {
        let account = link.account.as_str().to_owned();
        let mut entry = Entry {
            label: label.to_owned(),
            typed: account.clone(),
            color: None,
            fields: Vec::new(),
            words: Vec::new(),
            roles: Vec::new(),
            region_mask: 0,
            default_region: None,
            link,
        };
        entry.add_field(&account);
        entry.add_field(label);
        entry.roles = entry
            .link
            .roles
            .iter()
            .map(|role| {
                let mut r = RoleEntry {
                    role: role.clone(),
                    fields: Vec::new(),
                    words: Vec::new(),
                };
                let name = role.name.as_str();
                add(&mut r.fields, &mut r.words, name);
                if let Some((_, last)) = name.rsplit_once('/') {
                    add(&mut r.fields, &mut r.words, last);
                }
                if let Some(display) = &role.display_name {
                    add(&mut r.fields, &mut r.words, display.as_str());
                }
                r
            })
            .collect();
        entry
    }

    fn add_field(&mut self, text: &str) {
        add(&mut self.fields, &mut self.words, text);
    }
}

/// Adds a text as a whole field and its words (a camel-case name's parts too: "ReadOnlyAccess"
/// is found by "ro", "read" and "only").
fn add(fields: &mut Vec<String>, words_out: &mut Vec<String>, text: &str) {
    let folded = fold(text);
    if !fields.contains(&folded) {
        fields.push(folded.clone());
    }
    let mut found = words(&folded);
    found.extend(camel_words(text).iter().map(|w| fold(w)));
    let initials: String = camel_words(text)
        .iter()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    if initials.chars().count() > 1 {
        found.push(initials);
    }
    for word in found {
        if !words_out.contains(&word) {
            words_out.push(word);
        }
    }
}

/// The parts of a camel-case name: "ReadOnlyAccess" → Read, Only, Access.
fn camel_words(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (n, (i, c)) in chars.iter().enumerate() {
        let boundary = n > 0 && c.is_uppercase() && chars[n - 1].1.is_lowercase();
        if !c.is_alphanumeric() {
            if start < *i {
                parts.push(&text[start..*i]);
            }
            start = i + c.len_utf8();
        } else if boundary {
            parts.push(&text[start..*i]);
            start = *i;
        }
    }
    if start < text.len() {
        parts.push(&text[start..]);
    }
    parts
}

/// How well a token matches: 0 a whole field or word, 1 the start of a field, 2 the start of a
/// word; `None` not at all.
fn strength(token: &str, fields: &[String], words: &[String]) -> Option<u8> {
    if fields.iter().chain(words).any(|f| f == token) {
        Some(0)
    } else if fields.iter().any(|f| f.starts_with(token)) {
        Some(1)
    } else if words.iter().any(|w| w.starts_with(token)) {
        Some(2)
    } else {
        None
    }
}

/// The `limit` rows of smallest key seen so far: a search may match tens of thousands of rows
/// (every account × role × region of "1111 eu"), of which a few are shown.
struct Best {
    rows: Vec<Row>,
    limit: usize,
    /// The largest key kept after the last trim: a row with a key not below it cannot be shown.
    threshold: Option<(u32, u32, u32, u32, u32)>,
}

impl Best {
    fn new(limit: usize) -> Best {
        Best {
            rows: Vec::new(),
            limit,
            threshold: None,
        }
    }

    fn push(&mut self, row: Row) {
        if self.limit == 0 || self.threshold.is_some_and(|t| row.key >= t) {
            return;
        }
        self.rows.push(row);
        // Trimmed whenever four times as many as needed are held.
        if self.rows.len() >= 4 * self.limit.max(16) {
            self.trim();
            self.threshold = self.rows.iter().map(|r| r.key).max();
        }
    }

    fn trim(&mut self) {
        if self.limit < self.rows.len() {
            self.rows
                .select_nth_unstable_by_key(self.limit - 1, |r| r.key);
            self.rows.truncate(self.limit);
        }
    }

    /// The rows kept, in no order.
    fn into_rows(mut self) -> Vec<Row> {
        if self.limit == 0 {
            return Vec::new();
        }
        self.trim();
        self.rows
    }
}

/// The key of a choice, `ACCOUNT|ROLE|REGION` with empty parts for none: what favourites and
/// recent choices store.
fn choice_key(entry: &Entry, role: Option<&str>, region: Option<Region>) -> String {
    format!(
        "{}|{}|{}",
        entry.link.account.as_str(),
        role.unwrap_or(""),
        region.map_or("", Region::code)
    )
}

/// The preference group of a row: favourites in their order, then recent ones, then the rest.
fn preference(
    favourites: &[(usize, Option<u8>, Option<u8>)],
    recent: &[(usize, Option<u8>, Option<u8>)],
    entry: usize,
    role: Option<u8>,
    region: Option<u8>,
) -> u32 {
    let id = (entry, role, region);
    if let Some(i) = favourites.iter().position(|f| *f == id) {
        i as u32
    } else if let Some(i) = recent.iter().position(|r| *r == id) {
        1000 + i as u32
    } else {
        u32::MAX
    }
}
