//! The lenient reader: a JSON value in, a valid `TeamConfig` and the problems out. Each bad
//! value is dropped alone and named; an account without a valid ID is dropped whole.

use super::problem::{Path, Problem};
use super::values::{Color, DisplayName, RoleName, SsoStartUrl, ValueError};
use super::{Parsed, Policy, Role, TeamAccount, TeamConfig, VERSION};
use crate::aws::account::{AccountError, AccountId, Alias};
use crate::aws::regions::Region;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

const TOP_FIELDS: &[&str] = &[
    "version",
    "accounts",
    "favouriteRegions",
    "allowedRegions",
    "policy",
];
const TOP_SYNONYMS: &[(&str, &str)] = &[
    ("favourites", "favouriteRegions"),
    ("favorites", "favouriteRegions"),
    ("regions", "favouriteRegions"),
];

const ACCOUNT_FIELDS: &[&str] = &[
    "accountId",
    "alias",
    "displayName",
    "defaultRegion",
    "color",
    "roles",
    "ssoStartUrl",
];
const ACCOUNT_SYNONYMS: &[(&str, &str)] = &[
    ("id", "accountId"),
    ("account", "accountId"),
    ("name", "displayName"),
    ("accountName", "displayName"),
    ("label", "displayName"),
    ("region", "defaultRegion"),
    ("colour", "color"),
    ("startUrl", "ssoStartUrl"),
    ("portal", "ssoStartUrl"),
    ("role", "roles"),
];

const ROLE_FIELDS: &[&str] = &["name", "displayName"];
const ROLE_SYNONYMS: &[(&str, &str)] = &[("roleName", "name"), ("label", "displayName")];

const POLICY_FIELDS: &[&str] = &["lockAccounts", "allowUserAccounts"];
const POLICY_SYNONYMS: &[(&str, &str)] = &[
    ("locked", "lockAccounts"),
    ("lock", "lockAccounts"),
    ("userAccounts", "allowUserAccounts"),
];

/// Reads a whole document.
pub(super) fn read_document(value: &Value) -> Parsed {
    let root = Path::root();
    let Value::Object(object) = value else {
        return Parsed::unusable(format!(
            "expected a JSON object with \"version\": {VERSION}, found {}",
            json_type(value)
        ));
    };
    let version_path = root.field("version");
    match object.get("version") {
        Some(version) if is_version(version) => {}
        Some(version) => {
            return Parsed {
                config: None,
                problems: vec![Problem::error(
                    &version_path,
                    format!("{version} is not supported, expected {VERSION}"),
                )],
            }
        }
        None => {
            return Parsed {
                config: None,
                problems: vec![Problem::error(
                    &version_path,
                    format!("missing, expected {VERSION}"),
                )],
            }
        }
    }
    let mut reader = Reader::default();
    let mut config = TeamConfig {
        allowed_regions: reader.allowed_regions(object.get("allowedRegions"), &root),
        ..TeamConfig::default()
    };
    config.favourite_regions = reader.favourite_regions(
        object.get("favouriteRegions"),
        &root.field("favouriteRegions"),
        config.allowed_regions.as_deref(),
    );
    config.accounts = reader.accounts(
        object.get("accounts"),
        &root.field("accounts"),
        config.allowed_regions.as_deref(),
    );
    config.policy = reader.policy(object.get("policy"), &root.field("policy"));
    reader.unknown_fields(object, TOP_FIELDS, TOP_SYNONYMS, &root);
    // Problems in document order: the reader visits top-level fields in a fixed order.
    let mut problems = reader.problems;
    problems.sort_by_key(|p| order_key(&p.path));
    Parsed {
        config: Some(config),
        problems,
    }
}

/// `1`, also as `1.0` (a JS number handed over from the browser).
fn is_version(value: &Value) -> bool {
    value.as_u64() == Some(VERSION) || value.as_f64() == Some(VERSION as f64)
}

/// Sorts problems by top-level field in the documented order, keeping the order within one.
fn order_key(path: &str) -> usize {
    let head = path.split(['.', '[']).next().unwrap_or_default();
    TOP_FIELDS
        .iter()
        .position(|f| *f == head)
        .unwrap_or(TOP_FIELDS.len())
}

#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
}

impl Reader {
    fn error(&mut self, path: &Path, message: impl std::fmt::Display) {
        self.problems.push(Problem::error(path, message));
    }

    fn warning(&mut self, path: &Path, message: impl std::fmt::Display) {
        self.problems.push(Problem::warning(path, message));
    }

    /// A list, or `None` (absent, null, or wrong type: then an error).
    fn list<'a>(&mut self, value: Option<&'a Value>, path: &Path) -> Option<&'a [Value]> {
        match value {
            None | Some(Value::Null) => None,
            Some(Value::Array(items)) => Some(items),
            Some(other) => {
                self.error(path, format!("expected a list, found {}", json_type(other)));
                None
            }
        }
    }

    /// A string, or `None` (absent, null, or wrong type: then an error).
    fn text<'a>(&mut self, value: Option<&'a Value>, path: &Path) -> Option<&'a str> {
        match value {
            None | Some(Value::Null) => None,
            Some(Value::String(text)) => Some(text),
            Some(other) => {
                self.error(
                    path,
                    format!("expected a string, found {}", json_type(other)),
                );
                None
            }
        }
    }

    /// A region code from the table, or `None` with an error.
    fn region(&mut self, value: &Value, path: &Path) -> Option<Region> {
        let code = self.text(Some(value), path)?;
        let region = Region::find(code);
        if region.is_none() {
            self.error(path, format!("{code:?} is not a known AWS region"));
        }
        region
    }

    /// A region that must also be allowed, for favourites and default regions.
    fn allowed_region(
        &mut self,
        value: &Value,
        path: &Path,
        allowed: Option<&[Region]>,
    ) -> Option<Region> {
        let region = self.region(value, path)?;
        if allowed.is_some_and(|allowed| !allowed.contains(&region)) {
            self.error(path, format!("{region} is not in allowedRegions"));
            return None;
        }
        Some(region)
    }

    /// The regions of a list, each once, in order.
    fn region_list(
        &mut self,
        items: &[Value],
        path: &Path,
        allowed: Option<&[Region]>,
    ) -> Vec<Region> {
        let mut regions: Vec<Region> = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let path = path.index(index);
            let Some(region) = self.allowed_region(item, &path, allowed) else {
                continue;
            };
            if regions.contains(&region) {
                self.warning(&path, format!("{region} is already in the list"));
            } else {
                regions.push(region);
            }
        }
        regions
    }

    fn allowed_regions(&mut self, value: Option<&Value>, root: &Path) -> Option<Vec<Region>> {
        let path = root.field("allowedRegions");
        let items = self.list(value, &path)?;
        if items.is_empty() {
            self.error(
                &path,
                "empty, which would allow no region; leave it out to allow every region",
            );
            return None;
        }
        let regions = self.region_list(items, &path, None);
        // Every code was bad: each is named above, and every region stays allowed.
        (!regions.is_empty()).then_some(regions)
    }

    fn favourite_regions(
        &mut self,
        value: Option<&Value>,
        path: &Path,
        allowed: Option<&[Region]>,
    ) -> Vec<Region> {
        match self.list(value, path) {
            Some(items) => self.region_list(items, path, allowed),
            None => Vec::new(),
        }
    }

    fn accounts(
        &mut self,
        value: Option<&Value>,
        path: &Path,
        allowed: Option<&[Region]>,
    ) -> Vec<TeamAccount> {
        let Some(items) = self.list(value, path) else {
            return Vec::new();
        };
        let mut accounts: Vec<TeamAccount> = Vec::new();
        // Where each kept ID and alias was first given, for the duplicate messages.
        // BTreeMap rather than HashMap: no hash table code in the core package (~1 KB gzipped).
        let mut id_at: BTreeMap<AccountId, usize> = BTreeMap::new();
        let mut alias_at: BTreeMap<Alias, usize> = BTreeMap::new();
        for (index, item) in items.iter().enumerate() {
            let path = path.index(index);
            let Some(mut account) = self.account(item, &path, allowed) else {
                continue;
            };
            if let Some(first) = id_at.get(&account.account_id) {
                self.error(
                    &path.field("accountId"),
                    format!(
                        "{} is already in accounts[{first}]; this entry is ignored",
                        account.account_id
                    ),
                );
                continue;
            }
            if let Some(alias) = account.alias.take() {
                match alias_at.get(&alias) {
                    Some(first) => self.error(
                        &path.field("alias"),
                        format!(
                            "{} is already the alias of accounts[{first}]",
                            alias.as_str()
                        ),
                    ),
                    None => {
                        alias_at.insert(alias.clone(), index);
                        account.alias = Some(alias);
                    }
                }
            }
            id_at.insert(account.account_id.clone(), index);
            accounts.push(account);
        }
        accounts
    }

    fn account(
        &mut self,
        value: &Value,
        path: &Path,
        allowed: Option<&[Region]>,
    ) -> Option<TeamAccount> {
        let Value::Object(entry) = value else {
            self.error(
                path,
                format!("expected an object, found {}", json_type(value)),
            );
            return None;
        };
        let account_id = self.account_id(entry.get("accountId"), &path.field("accountId"));
        let mut account = account_id.map(TeamAccount::new);
        // The other fields are checked even when the entry is dropped, so that one reading
        // names every problem.
        let alias = self.alias(entry.get("alias"), &path.field("alias"));
        let display_name = self.display_name(entry.get("displayName"), &path.field("displayName"));
        let default_region = entry
            .get("defaultRegion")
            .filter(|v| !v.is_null())
            .and_then(|v| self.allowed_region(v, &path.field("defaultRegion"), allowed));
        let color = self.value(entry.get("color"), &path.field("color"), |text| {
            Color::parse(text, false)
        });
        let roles = self.roles(entry.get("roles"), &path.field("roles"));
        let sso_start_url = self.value(
            entry.get("ssoStartUrl"),
            &path.field("ssoStartUrl"),
            SsoStartUrl::parse,
        );
        self.unknown_fields(entry, ACCOUNT_FIELDS, ACCOUNT_SYNONYMS, path);
        if let Some(account) = &mut account {
            account.alias = alias;
            account.display_name = display_name;
            account.default_region = default_region;
            account.color = color;
            account.roles = roles;
            account.sso_start_url = sso_start_url;
        }
        account
    }

    fn account_id(&mut self, value: Option<&Value>, path: &Path) -> Option<AccountId> {
        let text = match value {
            None | Some(Value::Null) => {
                self.error(path, "missing; every account needs its 12-digit account ID");
                return None;
            }
            Some(Value::Number(_)) => {
                self.error(
                    path,
                    "expected a string in quotes (an account ID keeps its leading zeros), \
                     found a number",
                );
                return None;
            }
            Some(Value::String(text)) => text.trim(),
            Some(other) => {
                self.error(
                    path,
                    format!("expected a string, found {}", json_type(other)),
                );
                return None;
            }
        };
        if let Some(digits) = console_form(text) {
            let id = AccountId::parse(&digits).ok()?;
            self.warning(path, format!("written with dashes; read as {id}"));
            return Some(id);
        }
        match AccountId::parse(text) {
            Ok(id) => Some(id),
            Err(AccountError::Empty) => {
                self.error(path, "empty; every account needs its 12-digit account ID");
                None
            }
            Err(reason @ AccountError::IdLength(_)) => {
                self.error(path, reason);
                None
            }
            Err(_) if Alias::parse(text).is_ok() => {
                self.error(
                    path,
                    format!(
                        "{text:?} is an alias, not an account ID; put it in alias and give the \
                         12-digit accountId"
                    ),
                );
                None
            }
            Err(_) => {
                self.error(
                    path,
                    format!("{text:?} is not an account ID: expected 12 digits"),
                );
                None
            }
        }
    }

    fn alias(&mut self, value: Option<&Value>, path: &Path) -> Option<Alias> {
        let text = self.text(value, path)?;
        match Alias::parse(text.trim()) {
            Ok(alias) => Some(alias),
            Err(AccountError::Empty) => {
                self.error(path, "empty; give the account alias or leave the field out");
                None
            }
            Err(reason) => {
                self.error(path, reason);
                None
            }
        }
    }

    fn display_name(&mut self, value: Option<&Value>, path: &Path) -> Option<DisplayName> {
        self.value(value, path, DisplayName::parse)
    }

    /// A string field read by `parse`, or `None` with the reason.
    fn value<T>(
        &mut self,
        value: Option<&Value>,
        path: &Path,
        parse: impl Fn(&str) -> Result<T, ValueError>,
    ) -> Option<T> {
        let text = self.text(value, path)?;
        match parse(text) {
            Ok(value) => Some(value),
            Err(reason) => {
                self.error(path, reason);
                None
            }
        }
    }

    fn roles(&mut self, value: Option<&Value>, path: &Path) -> Vec<Role> {
        let Some(items) = self.list(value, path) else {
            return Vec::new();
        };
        let mut roles: Vec<Role> = Vec::new();
        let mut first_at: BTreeMap<RoleName, usize> = BTreeMap::new();
        for (index, item) in items.iter().enumerate() {
            let path = path.index(index);
            let Some(role) = self.role(item, &path) else {
                continue;
            };
            if let Some(first) = first_at.get(&role.name) {
                let first = path_of_sibling(&path, *first);
                self.warning(
                    &path.field("name"),
                    format!("{} is already in {first}", role.name),
                );
                continue;
            }
            first_at.insert(role.name.clone(), index);
            roles.push(role);
        }
        roles
    }

    fn role(&mut self, value: &Value, path: &Path) -> Option<Role> {
        let Value::Object(entry) = value else {
            self.error(
                path,
                format!(
                    "expected an object like {{\"name\": \"ReadOnly\"}}, found {}",
                    json_type(value)
                ),
            );
            return None;
        };
        let name_path = path.field("name");
        let name = match entry.get("name") {
            None | Some(Value::Null) => {
                self.error(&name_path, "missing; every role needs its name");
                None
            }
            value => self.value(value, &name_path, RoleName::parse),
        };
        let display_name = self.display_name(entry.get("displayName"), &path.field("displayName"));
        self.unknown_fields(entry, ROLE_FIELDS, ROLE_SYNONYMS, path);
        Some(Role {
            name: name?,
            display_name,
        })
    }

    fn policy(&mut self, value: Option<&Value>, path: &Path) -> Policy {
        let mut policy = Policy::default();
        let entry = match value {
            None | Some(Value::Null) => return policy,
            Some(Value::Object(entry)) => entry,
            Some(other) => {
                self.error(
                    path,
                    format!("expected an object, found {}", json_type(other)),
                );
                return policy;
            }
        };
        if let Some(lock) = self.flag(entry.get("lockAccounts"), &path.field("lockAccounts")) {
            policy.lock_accounts = lock;
        }
        if let Some(allow) = self.flag(
            entry.get("allowUserAccounts"),
            &path.field("allowUserAccounts"),
        ) {
            policy.allow_user_accounts = allow;
        }
        self.unknown_fields(entry, POLICY_FIELDS, POLICY_SYNONYMS, path);
        policy
    }

    fn flag(&mut self, value: Option<&Value>, path: &Path) -> Option<bool> {
        match value {
            None | Some(Value::Null) => None,
            Some(Value::Bool(flag)) => Some(*flag),
            Some(other) => {
                self.error(
                    path,
                    format!(
                        "expected true or false, found {}; the default is kept",
                        json_type(other)
                    ),
                );
                None
            }
        }
    }

    /// A warning for each field not in `known`, sorted by name, with a suggestion when one
    /// looks meant.
    fn unknown_fields(
        &mut self,
        object: &Map<String, Value>,
        known: &[&str],
        synonyms: &[(&str, &'static str)],
        path: &Path,
    ) {
        let mut unknown: Vec<&String> = object
            .keys()
            .filter(|k| !known.contains(&k.as_str()))
            .collect();
        unknown.sort();
        for key in unknown {
            let message = match suggestion(key, known, synonyms) {
                Some(meant) => format!("unknown field (did you mean {meant}?)"),
                None => "unknown field".to_owned(),
            };
            self.warning(&path.field(key), message);
        }
    }
}

/// `1234-5678-9012`, as the console shows an account ID: its 12 digits.
fn console_form(text: &str) -> Option<String> {
    let groups: Vec<&str> = text.split('-').collect();
    let grouped = groups.len() == 3
        && groups
            .iter()
            .all(|g| g.len() == 4 && g.bytes().all(|b| b.is_ascii_digit()));
    grouped.then(|| groups.concat())
}

/// `accounts[0].roles[2]` for index 2 of the list that holds `accounts[0].roles[5]`.
fn path_of_sibling(path: &Path, index: usize) -> String {
    let text = path.as_str();
    let list = text.rfind('[').map_or(text, |at| &text[..at]);
    format!("{list}[{index}]")
}

/// The known field `key` probably means: a synonym, the same letters in another case or with
/// `_`/`-`, or a close spelling with the same first letter (`colour`, `favoriteRegions`).
fn suggestion<'a>(key: &str, known: &[&'a str], synonyms: &[(&str, &'a str)]) -> Option<&'a str> {
    let wanted = squash(key);
    if let Some((_, meant)) = synonyms.iter().find(|(s, _)| squash(s) == wanted) {
        return Some(meant);
    }
    let (distance, meant) = known
        .iter()
        .map(|k| (edit_distance(&squash(k), &wanted), *k))
        .min_by_key(|(d, _)| *d)?;
    // A slip of a letter or two, not another word (`notes` is not `roles`).
    let same_start = squash(meant).chars().next() == wanted.chars().next();
    let close_enough = distance == 0 || (same_start && wanted.len() >= 4 && distance <= 2);
    close_enough.then_some(meant)
}

/// Lowercase letters and digits only: `account_id` and `AccountID` both become `accountid`.
fn squash(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Levenshtein distance, on short field names.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

pub(crate) fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_catch_spelling_case_and_synonyms() {
        assert_eq!(
            suggestion("colour", ACCOUNT_FIELDS, ACCOUNT_SYNONYMS),
            Some("color")
        );
        assert_eq!(
            suggestion("account_id", ACCOUNT_FIELDS, &[]),
            Some("accountId")
        );
        assert_eq!(
            suggestion("AccountID", ACCOUNT_FIELDS, &[]),
            Some("accountId")
        );
        assert_eq!(
            suggestion("region", ACCOUNT_FIELDS, ACCOUNT_SYNONYMS),
            Some("defaultRegion")
        );
        assert_eq!(
            suggestion("favoriteRegions", TOP_FIELDS, &[]),
            Some("favouriteRegions")
        );
        assert_eq!(suggestion("notes", ACCOUNT_FIELDS, ACCOUNT_SYNONYMS), None);
        assert_eq!(suggestion("x", ROLE_FIELDS, ROLE_SYNONYMS), None);
    }

    #[test]
    fn console_form_is_three_groups_of_four_digits() {
        assert_eq!(
            console_form("1234-5678-9012").as_deref(),
            Some("123456789012")
        );
        assert_eq!(console_form("123-45678-9012"), None);
        assert_eq!(console_form("123456789012"), None);
    }
}
