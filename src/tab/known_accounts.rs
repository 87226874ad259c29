//! The accounts this browser has signed in to, as the extension keeps them in local storage.
//!
//! Stored as `{version: 1, accounts: [{account_id, alias, last_region, last_seen_ms}]}`, most
//! recently seen first, at most 50. An account's ID and alias merge into one entry; an alias
//! belongs to one account at a time. Reading stored data never fails: what is unreadable is
//! dropped with a message that says what was wrong.

use crate::aws::account::{Account, AccountError, AccountId, Alias};
use crate::aws::partition::Partition;
use crate::aws::regions::Region;
use crate::tab::read_stored::{At, ReadError, ReadStored};
use crate::tab::stored_value::StoredValue;
use serde::de::{Deserializer, Error as _};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// The storage format version this code reads and writes.
pub const VERSION: u64 = 1;

/// How many accounts are kept; the least recently seen go first.
pub const MAX_ACCOUNTS: usize = 50;

/// Largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// One account this browser has seen: its ID, its alias or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownAccount {
    labels: Labels,
    last_region: Option<Region>,
    last_seen_ms: u64,
}

/// An entry's ID, alias or both: never neither.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Labels {
    Id(AccountId),
    Alias(Alias),
    Both(AccountId, Alias),
}

impl Labels {
    fn new(account_id: Option<AccountId>, alias: Option<Alias>) -> Option<Labels> {
        match (account_id, alias) {
            (Some(id), Some(alias)) => Some(Labels::Both(id, alias)),
            (Some(id), None) => Some(Labels::Id(id)),
            (None, Some(alias)) => Some(Labels::Alias(alias)),
            (None, None) => None,
        }
    }

    fn account_id(&self) -> Option<&AccountId> {
        match self {
            Labels::Id(id) | Labels::Both(id, _) => Some(id),
            Labels::Alias(_) => None,
        }
    }

    fn alias(&self) -> Option<&Alias> {
        match self {
            Labels::Alias(alias) | Labels::Both(_, alias) => Some(alias),
            Labels::Id(_) => None,
        }
    }
}

/// The list of known accounts, most recently seen first, without duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownAccounts {
    accounts: Vec<KnownAccount>,
}

/// What `load` returns: the accounts that could be read, and what could not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadedKnownAccounts {
    /// The readable accounts (empty when nothing was).
    pub known: KnownAccounts,
    /// A sentence for people when something was dropped or reset.
    pub error: Option<String>,
}

/// What is wrong with stored known accounts; the message names the place (`accounts[2].alias`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KnownAccountsError {
    /// The stored value is not an object.
    NotAnObject {
        /// What it is instead, in JSON terms.
        found: &'static str,
    },
    /// `version` is missing or not one this code reads.
    Version {
        /// The version found, as JSON text; `None` when missing.
        found: Option<String>,
    },
    /// `accounts` is missing or not a list.
    AccountsNotAList {
        /// What it is instead, in JSON terms.
        found: &'static str,
    },
    /// One entry of `accounts` is unreadable.
    Entry {
        /// Its position in the stored list.
        index: usize,
        /// What is wrong with it.
        problem: EntryProblem,
    },
}

/// What is wrong with one stored entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryProblem {
    /// The entry is not an object.
    NotAnObject {
        /// What it is instead, in JSON terms.
        found: &'static str,
    },
    /// A field has the wrong JSON type.
    WrongType {
        /// The field.
        field: &'static str,
        /// The type it should have.
        expected: &'static str,
        /// The type it has.
        found: &'static str,
    },
    /// `account_id` is not 12 digits.
    AccountId(AccountError),
    /// `alias` is not a valid alias.
    Alias(AccountError),
    /// Neither `account_id` nor `alias` is given.
    NoAccount,
    /// `last_seen_ms` is not a whole, non-negative number of milliseconds.
    LastSeen,
}

/// Why an account cannot be remembered; the message names the bad argument.
#[derive(Debug, Clone, PartialEq)]
pub enum RememberError {
    /// Neither an account ID nor an alias was given.
    NoAccount,
    /// The account ID is not 12 digits.
    AccountId(AccountError),
    /// The alias is not valid.
    Alias(AccountError),
    /// No region has this code.
    UnknownRegion(String),
    /// The time is not a whole, non-negative number of milliseconds.
    Time(f64),
}

/// Stored known accounts given as input that do not read (not the lenient `load`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableKnownAccounts(pub KnownAccountsError);

impl fmt::Display for KnownAccountsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KnownAccountsError::NotAnObject { found } => {
                write!(f, "expected an object with version and accounts, found {found}")
            }
            KnownAccountsError::Version { found: None } => {
                write!(f, "version: missing, expected {VERSION}")
            }
            KnownAccountsError::Version { found: Some(found) } => {
                write!(f, "version: {found} is not supported, expected {VERSION}")
            }
            KnownAccountsError::AccountsNotAList { found } => {
                write!(f, "accounts: expected a list, found {found}")
            }
            KnownAccountsError::Entry { index, problem } => match problem {
                EntryProblem::NotAnObject { found } => {
                    write!(f, "accounts[{index}]: expected an object, found {found}")
                }
                EntryProblem::WrongType {
                    field,
                    expected,
                    found,
                } => write!(f, "accounts[{index}].{field}: expected {expected}, found {found}"),
                EntryProblem::AccountId(reason) => {
                    write!(f, "accounts[{index}].account_id: {reason}")
                }
                EntryProblem::Alias(reason) => write!(f, "accounts[{index}].alias: {reason}"),
                EntryProblem::NoAccount => {
                    write!(f, "accounts[{index}]: has neither account_id nor alias")
                }
                EntryProblem::LastSeen => write!(
                    f,
                    "accounts[{index}].last_seen_ms: expected a whole, non-negative number of milliseconds"
                ),
            },
        }
    }
}

impl std::error::Error for KnownAccountsError {}

impl fmt::Display for RememberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RememberError::NoAccount => {
                f.write_str("no account to remember: give an account ID, an alias or both")
            }
            RememberError::AccountId(reason) => write!(f, "account ID: {reason}"),
            RememberError::Alias(reason) => write!(f, "account alias: {reason}"),
            RememberError::UnknownRegion(code) => {
                write!(f, "region {code:?} is not a known AWS region")
            }
            RememberError::Time(ms) => write!(
                f,
                "time {ms} is not a whole, non-negative number of milliseconds"
            ),
        }
    }
}

impl std::error::Error for RememberError {}

impl fmt::Display for UnreadableKnownAccounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the known accounts are unreadable ({})", self.0)
    }
}

impl std::error::Error for UnreadableKnownAccounts {}

impl KnownAccount {
    /// The account ID, when known.
    pub fn account_id(&self) -> Option<&AccountId> {
        self.labels.account_id()
    }

    /// The alias, when known.
    pub fn alias(&self) -> Option<&Alias> {
        self.labels.alias()
    }

    /// The region last used with the account.
    pub fn last_region(&self) -> Option<Region> {
        self.last_region
    }

    /// When the account was last seen, in milliseconds since 1970.
    pub fn last_seen_ms(&self) -> u64 {
        self.last_seen_ms
    }

    /// The label to sign in with and to show people: the alias, else the ID.
    pub fn account(&self) -> Account {
        match &self.labels {
            Labels::Alias(alias) | Labels::Both(_, alias) => Account::Alias(alias.clone()),
            Labels::Id(id) => Account::Id(id.clone()),
        }
    }

    /// The partition the account was last used in, when a region says so.
    pub fn partition(&self) -> Option<Partition> {
        self.last_region.map(Region::partition)
    }

    /// Whether `account` (an ID or an alias) names this entry.
    pub fn is(&self, account: &Account) -> bool {
        match account {
            Account::Id(id) => self.account_id() == Some(id),
            Account::Alias(alias) => self.alias() == Some(alias),
        }
    }
}

impl KnownAccounts {
    /// No accounts.
    pub fn new() -> KnownAccounts {
        KnownAccounts::default()
    }

    /// The accounts, most recently seen first.
    pub fn accounts(&self) -> &[KnownAccount] {
        &self.accounts
    }

    /// The entry named by an ID or alias.
    pub fn find(&self, account: &Account) -> Option<&KnownAccount> {
        self.accounts.iter().find(|known| known.is(account))
    }

    /// The only known account, if exactly one is known and it may belong to `partition`
    /// (its last region is of that partition, or it has none).
    pub fn sole_account(&self, partition: Partition) -> Option<&KnownAccount> {
        match self.accounts.as_slice() {
            [only] if only.partition().is_none_or(|p| p == partition) => Some(only),
            _ => None,
        }
    }

    /// Reads stored known accounts strictly: the first unreadable part is an error.
    /// `null` is an empty list.
    pub fn from_json<'de, D: Deserializer<'de>>(
        stored: D,
    ) -> Result<KnownAccounts, KnownAccountsError> {
        KnownAccounts::from_stored(&read_value(stored)?)
    }

    fn from_stored(value: &StoredValue) -> Result<KnownAccounts, KnownAccountsError> {
        let (entries, problems) = read_stored(value)?;
        match problems.into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(KnownAccounts::from_entries(entries)),
        }
    }

    /// Reads stored known accounts leniently, for loading local storage: unreadable entries are
    /// dropped, an unreadable whole gives an empty list; `error` then says what was wrong.
    pub fn load<'de, D: Deserializer<'de>>(stored: D) -> LoadedKnownAccounts {
        KnownAccounts::load_read(read_value(stored).and_then(|value| read_stored(&value)))
    }

    /// As `load`, from a value already read (the wake package's hand reading).
    pub(crate) fn load_stored(stored: &StoredValue) -> LoadedKnownAccounts {
        KnownAccounts::load_read(read_stored(stored))
    }

    fn load_read(read: Result<StoredEntries, KnownAccountsError>) -> LoadedKnownAccounts {
        match read {
            Err(problem) => LoadedKnownAccounts {
                known: KnownAccounts::new(),
                error: Some(reset_message(&problem)),
            },
            Ok((entries, problems)) => {
                let error = match (problems.first(), entries.is_empty()) {
                    (None, _) => None,
                    (Some(first), true) => Some(reset_message(first)),
                    (Some(first), false) if problems.len() == 1 => Some(format!(
                        "One known account in local storage was unreadable ({first}) and was dropped"
                    )),
                    (Some(first), false) => Some(format!(
                        "{} known accounts in local storage were unreadable (the first: {first}) and were dropped",
                        problems.len()
                    )),
                };
                LoadedKnownAccounts {
                    known: KnownAccounts::from_entries(entries),
                    error,
                }
            }
        }
    }

    /// Adds an account seen at `now_ms`, or merges it into the entry with the same ID or alias
    /// (the new alias and region win; a region not given keeps the last one). An alias given
    /// with another ID than the one stored moves to the new ID.
    pub fn remember(
        &mut self,
        account_id: Option<&str>,
        alias: Option<&str>,
        region: Option<&str>,
        now_ms: f64,
    ) -> Result<(), RememberError> {
        fn given(text: Option<&str>) -> Option<&str> {
            text.map(str::trim).filter(|t| !t.is_empty())
        }
        let account_id = given(account_id)
            .map(AccountId::parse)
            .transpose()
            .map_err(RememberError::AccountId)?;
        let alias = given(alias)
            .map(Alias::parse)
            .transpose()
            .map_err(RememberError::Alias)?;
        let last_region = given(region)
            .map(|code| {
                Region::find(code).ok_or_else(|| RememberError::UnknownRegion(code.to_owned()))
            })
            .transpose()?;
        let last_seen_ms = millis_from_f64(now_ms).ok_or(RememberError::Time(now_ms))?;
        let labels = Labels::new(account_id, alias).ok_or(RememberError::NoAccount)?;
        self.insert(KnownAccount {
            labels,
            last_region,
            last_seen_ms,
        });
        Ok(())
    }

    /// Removes the account whose ID or alias is `key`; anything else leaves the list as it is.
    pub fn forget(&mut self, key: &str) {
        if let Ok(account) = Account::parse(key) {
            self.accounts.retain(|known| !known.is(&account));
        }
    }

    /// Builds the list from entries in any order, merging duplicates, newest first.
    fn from_entries(mut entries: Vec<KnownAccount>) -> KnownAccounts {
        // Oldest first, so that newer entries' aliases and regions win the merge.
        crate::small_sort::sort_by_key(&mut entries, |e| e.last_seen_ms);
        let mut known = KnownAccounts::new();
        for entry in entries {
            known.insert(entry);
        }
        known
    }

    fn insert(&mut self, new: KnownAccount) {
        let mut account_id = new.account_id().cloned();
        let mut alias = new.alias().cloned();
        let mut last_region = new.last_region;
        let mut last_seen_ms = new.last_seen_ms;
        let mut others = Vec::with_capacity(self.accounts.len() + 1);
        for mut old in self.accounts.drain(..) {
            let same_id = account_id.is_some() && old.account_id() == account_id.as_ref();
            let same_alias = alias.is_some() && old.alias() == alias.as_ref();
            match old.account_id() {
                _ if same_id => {}
                None if same_alias => {}
                Some(old_id) if same_alias && account_id.is_none() => {
                    account_id = Some(old_id.clone());
                }
                Some(old_id) if same_alias => {
                    // The alias now names another account; this one keeps its ID.
                    old.labels = Labels::Id(old_id.clone());
                    others.push(old);
                    continue;
                }
                _ => {
                    others.push(old);
                    continue;
                }
            }
            // The same account: the new labels and region win, the old fill the gaps.
            account_id = account_id.or_else(|| old.account_id().cloned());
            alias = alias.or_else(|| old.alias().cloned());
            last_region = last_region.or(old.last_region);
            last_seen_ms = last_seen_ms.max(old.last_seen_ms);
        }
        let labels = Labels::new(account_id, alias).unwrap_or(new.labels);
        others.push(KnownAccount {
            labels,
            last_region,
            last_seen_ms,
        });
        // Stable: entries seen at the same time keep their order, the newest of them first.
        others.reverse();
        crate::small_sort::sort_by_key(&mut others, |e| std::cmp::Reverse(e.last_seen_ms));
        others.truncate(MAX_ACCOUNTS);
        self.accounts = others;
    }
}

/// Known accounts read leniently as a part of an event's facts (a page report's `known`: the value as
/// stored, so the worker needs no crossing of its own to load them first), as `load` reads them.
impl ReadStored for LoadedKnownAccounts {
    fn read(value: &StoredValue, _: At<'_>) -> Result<LoadedKnownAccounts, ReadError> {
        Ok(KnownAccounts::load_stored(value))
    }
}

/// As the hand reader (`ReadStored`): never fails.
impl<'de> Deserialize<'de> for LoadedKnownAccounts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<LoadedKnownAccounts, D::Error> {
        Ok(KnownAccounts::load(deserializer))
    }
}

impl Default for LoadedKnownAccounts {
    fn default() -> LoadedKnownAccounts {
        KnownAccounts::new().into()
    }
}

/// Accounts already read: nothing was dropped.
impl From<KnownAccounts> for LoadedKnownAccounts {
    fn from(known: KnownAccounts) -> LoadedKnownAccounts {
        LoadedKnownAccounts { known, error: None }
    }
}

impl LoadedKnownAccounts {
    /// An empty list, for a stored value that could not even be read as JSON data.
    pub fn unreadable(why: &str) -> LoadedKnownAccounts {
        LoadedKnownAccounts {
            known: KnownAccounts::new(),
            error: Some(format!(
                "Known accounts in local storage were unreadable ({why}) and were reset"
            )),
        }
    }
}

impl<'de> Deserialize<'de> for KnownAccounts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<KnownAccounts, D::Error> {
        let value = StoredValue::deserialize(deserializer)?;
        KnownAccounts::from_stored(&value)
            .map_err(|problem| D::Error::custom(UnreadableKnownAccounts(problem)))
    }
}

impl ReadStored for KnownAccounts {
    fn read(value: &StoredValue, at: At<'_>) -> Result<KnownAccounts, ReadError> {
        KnownAccounts::from_stored(value)
            .map_err(|problem| ReadError::new(at, UnreadableKnownAccounts(problem).to_string()))
    }
}

impl Serialize for KnownAccounts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("KnownAccounts", 2)?;
        s.serialize_field("version", &VERSION)?;
        s.serialize_field("accounts", &self.accounts)?;
        s.end()
    }
}

impl Serialize for KnownAccount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("KnownAccount", 4)?;
        s.serialize_field("account_id", &self.account_id())?;
        s.serialize_field("alias", &self.alias().map(Alias::as_str))?;
        s.serialize_field("last_region", &self.last_region)?;
        s.serialize_field("last_seen_ms", &self.last_seen_ms)?;
        s.end()
    }
}

fn reset_message(problem: &KnownAccountsError) -> String {
    LoadedKnownAccounts::unreadable(&problem.to_string())
        .error
        .unwrap_or_default()
}

/// The readable entries and the problems of the others; an error when the whole is unreadable.
type StoredEntries = (Vec<KnownAccount>, Vec<KnownAccountsError>);

/// Whatever was given, as a value; what is no value at all (a JS function) is no object either.
fn read_value<'de, D: Deserializer<'de>>(stored: D) -> Result<StoredValue, KnownAccountsError> {
    StoredValue::deserialize(stored).map_err(|_| KnownAccountsError::NotAnObject {
        found: "something else",
    })
}

fn read_stored(value: &StoredValue) -> Result<StoredEntries, KnownAccountsError> {
    match value {
        StoredValue::Null => return Ok((Vec::new(), Vec::new())),
        StoredValue::Object(_) => {}
        other => {
            return Err(KnownAccountsError::NotAnObject {
                found: other.kind(),
            })
        }
    };
    match value.get("version") {
        Some(StoredValue::Number(version)) if *version == VERSION as f64 => {}
        Some(version) => {
            return Err(KnownAccountsError::Version {
                found: Some(version.quoted()),
            })
        }
        None => return Err(KnownAccountsError::Version { found: None }),
    }
    let list = match value.get("accounts") {
        Some(StoredValue::List(list)) => list,
        other => {
            return Err(KnownAccountsError::AccountsNotAList {
                found: other.map_or("nothing", StoredValue::kind),
            })
        }
    };
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (index, value) in list.iter().enumerate() {
        match read_entry(value) {
            Ok(entry) => entries.push(entry),
            Err(problem) => problems.push(KnownAccountsError::Entry { index, problem }),
        }
    }
    Ok((entries, problems))
}

fn read_entry(entry: &StoredValue) -> Result<KnownAccount, EntryProblem> {
    if !matches!(entry, StoredValue::Object(_)) {
        return Err(EntryProblem::NotAnObject {
            found: entry.kind(),
        });
    }
    let text = |field: &'static str| -> Result<Option<&str>, EntryProblem> {
        match entry.get(field) {
            None | Some(StoredValue::Null) => Ok(None),
            Some(StoredValue::Text(text)) => Ok(Some(text.as_str())),
            Some(other) => Err(EntryProblem::WrongType {
                field,
                expected: "a string",
                found: other.kind(),
            }),
        }
    };
    let account_id = text("account_id")?
        .map(AccountId::parse)
        .transpose()
        .map_err(EntryProblem::AccountId)?;
    let alias = text("alias")?
        .map(Alias::parse)
        .transpose()
        .map_err(EntryProblem::Alias)?;
    let labels = Labels::new(account_id, alias).ok_or(EntryProblem::NoAccount)?;
    // A region code the table no longer has is forgotten, not held against the account.
    let last_region = text("last_region")?.and_then(Region::find);
    let last_seen_ms = match entry.get("last_seen_ms") {
        None | Some(StoredValue::Null) => 0,
        Some(StoredValue::Number(ms)) => millis_from_f64(*ms).ok_or(EntryProblem::LastSeen)?,
        Some(_) => return Err(EntryProblem::LastSeen),
    };
    Ok(KnownAccount {
        labels,
        last_region,
        last_seen_ms,
    })
}

/// A JS time (`Date.now()`) as whole milliseconds, if it is one.
fn millis_from_f64(ms: f64) -> Option<u64> {
    let whole = ms.is_finite() && ms >= 0.0 && ms.fract() == 0.0 && ms <= MAX_SAFE_INTEGER as f64;
    // The checks above make the conversion exact.
    whole.then_some(ms as u64)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// Known accounts from `(id, alias, region, seen)` rows, for tests of this and other modules.
    pub(crate) fn known(rows: &[(&str, &str, &str, u64)]) -> KnownAccounts {
        let mut known = KnownAccounts::new();
        for (id, alias, region, seen) in rows {
            known
                .remember(Some(id), Some(alias), Some(region), *seen as f64)
                .expect("valid test account");
        }
        known
    }

    fn labels(known: &KnownAccounts) -> Vec<(Option<&str>, Option<&str>)> {
        known
            .accounts()
            .iter()
            .map(|a| {
                (
                    a.account_id().map(AccountId::as_str),
                    a.alias().map(Alias::as_str),
                )
            })
            .collect()
    }

    #[test]
    fn nothing_stored_is_an_empty_list_without_error() {
        let loaded = KnownAccounts::load(&Value::Null);
        assert!(loaded.known.accounts().is_empty());
        assert_eq!(loaded.error, None);
    }

    #[test]
    fn stored_accounts_round_trip() {
        let stored = json!({"version": 1, "accounts": [
            {"account_id": "123456789012", "alias": "prod", "last_region": "eu-west-1", "last_seen_ms": 2000},
            {"account_id": null, "alias": "dev", "last_region": null, "last_seen_ms": 1000},
        ]});
        let loaded = KnownAccounts::load(&stored);
        assert_eq!(loaded.error, None);
        assert_eq!(serde_json::to_value(&loaded.known).expect("json"), stored);
    }

    #[test]
    fn load_sorts_newest_first() {
        let stored = json!({"version": 1, "accounts": [
            {"alias": "old", "last_seen_ms": 1},
            {"alias": "new", "last_seen_ms": 3},
            {"alias": "mid", "last_seen_ms": 2},
        ]});
        let known = KnownAccounts::load(&stored).known;
        assert_eq!(
            labels(&known),
            [
                (None, Some("new")),
                (None, Some("mid")),
                (None, Some("old"))
            ]
        );
    }

    #[test]
    fn one_bad_entry_is_dropped_and_named() {
        let stored = json!({"version": 1, "accounts": [
            {"account_id": "123456789012", "last_seen_ms": 1},
            {"alias": "dev", "last_seen_ms": 2},
            {"account_id": "12345678901", "last_seen_ms": 3},
        ]});
        let loaded = KnownAccounts::load(&stored);
        assert_eq!(loaded.known.accounts().len(), 2);
        assert_eq!(
            loaded.error.as_deref(),
            Some(
                "One known account in local storage was unreadable \
                 (accounts[2].account_id: 11 digits, an account ID has 12) and was dropped"
            )
        );
    }

    #[test]
    fn several_bad_entries_are_counted() {
        let stored = json!({"version": 1, "accounts": [
            {"alias": "dev", "last_seen_ms": 2},
            "prod",
            {"alias": 7},
            {"alias": "x", "last_seen_ms": 1},
            {"last_seen_ms": 1},
            {"alias": "ok-too", "last_seen_ms": -1},
        ]});
        let loaded = KnownAccounts::load(&stored);
        assert_eq!(labels(&loaded.known), [(None, Some("dev"))]);
        assert_eq!(
            loaded.error.as_deref(),
            Some(
                "5 known accounts in local storage were unreadable \
                 (the first: accounts[1]: expected an object, found a string) and were dropped"
            )
        );
    }

    #[test]
    fn all_entries_bad_resets_with_the_first_problem() {
        let stored = json!({"version": 1, "accounts": [
            {"account_id": "12345678901", "last_seen_ms": 3},
        ]});
        let loaded = KnownAccounts::load(&stored);
        assert!(loaded.known.accounts().is_empty());
        assert_eq!(
            loaded.error.as_deref(),
            Some(
                "Known accounts in local storage were unreadable \
                 (accounts[0].account_id: 11 digits, an account ID has 12) and were reset"
            )
        );
    }

    #[test]
    fn unreadable_wholes_reset_and_say_why() {
        let cases = [
            (
                json!("prod"),
                "expected an object with version and accounts, found a string",
            ),
            (json!({"accounts": []}), "version: missing, expected 1"),
            (
                json!({"version": 2, "accounts": []}),
                "version: 2 is not supported, expected 1",
            ),
            (
                json!({"version": "1", "accounts": []}),
                "version: \"1\" is not supported, expected 1",
            ),
            (
                json!({"version": 1}),
                "accounts: expected a list, found nothing",
            ),
            (
                json!({"version": 1, "accounts": {}}),
                "accounts: expected a list, found an object",
            ),
        ];
        for (stored, why) in cases {
            let loaded = KnownAccounts::load(&stored);
            assert!(loaded.known.accounts().is_empty());
            assert_eq!(
                loaded.error,
                Some(format!(
                    "Known accounts in local storage were unreadable ({why}) and were reset"
                )),
                "{stored}"
            );
        }
    }

    #[test]
    fn wrong_field_types_are_named() {
        let stored = json!({"version": 1, "accounts": [{"alias": "dev", "last_region": 5}]});
        assert_eq!(
            KnownAccounts::from_json(&stored)
                .expect_err("rejected")
                .to_string(),
            "accounts[0].last_region: expected a string, found a number"
        );
    }

    #[test]
    fn unknown_last_region_is_forgotten_but_the_account_kept() {
        let stored =
            json!({"version": 1, "accounts": [{"alias": "dev", "last_region": "mars-central-1"}]});
        let loaded = KnownAccounts::load(&stored);
        assert_eq!(loaded.error, None);
        assert_eq!(loaded.known.accounts()[0].last_region(), None);
    }

    #[test]
    fn stored_duplicates_merge_into_one_account() {
        let stored = json!({"version": 1, "accounts": [
            {"account_id": "123456789012", "alias": null, "last_region": "us-east-2", "last_seen_ms": 5},
            {"account_id": null, "alias": "prod", "last_region": null, "last_seen_ms": 3},
            {"account_id": "123456789012", "alias": "prod", "last_region": "eu-west-1", "last_seen_ms": 1},
        ]});
        let known = KnownAccounts::load(&stored).known;
        assert_eq!(labels(&known), [(Some("123456789012"), Some("prod"))]);
        let only = &known.accounts()[0];
        assert_eq!(only.last_region().map(Region::code), Some("us-east-2"));
        assert_eq!(only.last_seen_ms(), 5);
    }

    #[test]
    fn strict_reading_rejects_what_load_would_drop() {
        let stored = json!({"version": 1, "accounts": [{"alias": "my--alias"}]});
        let err = serde_json::from_value::<KnownAccounts>(stored).expect_err("rejected");
        assert_eq!(
            err.to_string(),
            "the known accounts are unreadable \
             (accounts[0].alias: an account alias cannot have two hyphens in a row)"
        );
        let empty: KnownAccounts = serde_json::from_value(Value::Null).expect("null is empty");
        assert!(empty.accounts().is_empty());
    }

    #[test]
    fn remembering_the_alias_of_a_known_id_merges_them() {
        let mut known = KnownAccounts::new();
        known
            .remember(Some("123456789012"), None, Some("us-east-2"), 1.0)
            .expect("ok");
        known.remember(None, Some("Prod"), None, 2.0).expect("ok");
        known
            .remember(Some("123456789012"), Some("prod"), None, 3.0)
            .expect("ok");
        assert_eq!(labels(&known), [(Some("123456789012"), Some("prod"))]);
        assert_eq!(
            known.accounts()[0].last_region().map(Region::code),
            Some("us-east-2")
        );
        assert_eq!(known.accounts()[0].last_seen_ms(), 3);
    }

    #[test]
    fn remembering_by_alias_alone_updates_the_account_with_that_alias() {
        let mut known = known(&[("123456789012", "prod", "us-east-2", 1)]);
        known
            .remember(None, Some("prod"), Some("eu-west-1"), 9.0)
            .expect("ok");
        assert_eq!(labels(&known), [(Some("123456789012"), Some("prod"))]);
        assert_eq!(
            known.accounts()[0].last_region().map(Region::code),
            Some("eu-west-1")
        );
    }

    #[test]
    fn an_alias_moved_to_another_account_leaves_the_old_one() {
        let mut known = known(&[("111111111111", "prod", "us-east-2", 1)]);
        known
            .remember(Some("222222222222"), Some("prod"), None, 2.0)
            .expect("ok");
        assert_eq!(
            labels(&known),
            [
                (Some("222222222222"), Some("prod")),
                (Some("111111111111"), None)
            ]
        );
    }

    #[test]
    fn a_new_alias_replaces_the_old_one_of_the_same_account() {
        let mut known = known(&[("111111111111", "prod", "us-east-2", 1)]);
        known
            .remember(Some("111111111111"), Some("production"), None, 2.0)
            .expect("ok");
        assert_eq!(labels(&known), [(Some("111111111111"), Some("production"))]);
    }

    #[test]
    fn most_recent_first_and_at_most_fifty() {
        let mut known = KnownAccounts::new();
        for i in 0..60u64 {
            let id = format!("{:012}", i);
            known.remember(Some(&id), None, None, i as f64).expect("ok");
        }
        assert_eq!(known.accounts().len(), MAX_ACCOUNTS);
        assert_eq!(
            known.accounts()[0].account_id().map(AccountId::as_str),
            Some("000000000059")
        );
        assert_eq!(
            known.accounts()[49].account_id().map(AccountId::as_str),
            Some("000000000010")
        );
    }

    #[test]
    fn remember_names_its_bad_argument() {
        let mut known = KnownAccounts::new();
        let cases = [
            (
                None,
                None,
                None,
                1.0,
                "no account to remember: give an account ID, an alias or both",
            ),
            (
                Some("12345"),
                None,
                None,
                1.0,
                "account ID: 5 digits, an account ID has 12",
            ),
            (
                None,
                Some("a"),
                None,
                1.0,
                "account alias: 1 characters, an account alias has 3 to 63",
            ),
            (
                None,
                Some("dev"),
                Some("mars-1"),
                1.0,
                "region \"mars-1\" is not a known AWS region",
            ),
            (
                None,
                Some("dev"),
                None,
                1.5,
                "time 1.5 is not a whole, non-negative number of milliseconds",
            ),
            (
                None,
                Some("dev"),
                None,
                f64::NAN,
                "time NaN is not a whole, non-negative number of milliseconds",
            ),
        ];
        for (id, alias, region, ms, message) in cases {
            let err = known.remember(id, alias, region, ms).expect_err("rejected");
            assert_eq!(err.to_string(), message);
        }
        assert!(known.accounts().is_empty());
        // Empty strings are "not given".
        assert_eq!(
            known.remember(Some(""), Some(" "), None, 1.0),
            Err(RememberError::NoAccount)
        );
    }

    #[test]
    fn forget_removes_by_id_or_alias() {
        let mut known = known(&[
            ("111111111111", "prod", "us-east-2", 2),
            ("222222222222", "dev", "us-east-2", 1),
        ]);
        known.forget("PROD");
        assert_eq!(labels(&known), [(Some("222222222222"), Some("dev"))]);
        known.forget("222222222222");
        assert!(known.accounts().is_empty());
        known.forget("not valid!");
    }

    #[test]
    fn sole_account_only_when_exactly_one_of_the_partition() {
        let one = known(&[("111111111111", "prod", "us-east-2", 1)]);
        assert!(one.sole_account(Partition::Aws).is_some());
        assert!(one.sole_account(Partition::AwsCn).is_none());
        let two = known(&[
            ("111111111111", "prod", "us-east-2", 2),
            ("222222222222", "dev", "us-east-2", 1),
        ]);
        assert!(two.sole_account(Partition::Aws).is_none());
        let mut no_region = KnownAccounts::new();
        no_region
            .remember(None, Some("dev"), None, 1.0)
            .expect("ok");
        assert!(no_region.sole_account(Partition::AwsUsGov).is_some());
    }

    #[test]
    fn account_label_prefers_the_alias() {
        let known = known(&[("111111111111", "prod", "us-east-2", 1)]);
        assert_eq!(known.accounts()[0].account().as_str(), "prod");
        let mut id_only = KnownAccounts::new();
        id_only
            .remember(Some("111111111111"), None, None, 1.0)
            .expect("ok");
        assert_eq!(id_only.accounts()[0].account().as_str(), "111111111111");
    }
}
