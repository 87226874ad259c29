//! The team configurations the extension stores (written by the core), read back strictly from a
//! `StoredValue` by hand: what serde's derive of `TeamConfig` accepts, and nothing else, without
//! the derive's per-type readers, which cost the wake package ~8 KB gzipped (every page report
//! reads the stored team).
//!
//! The derive (`team::config::checked_or_none`) stays the reference: the tests compare both on
//! a table of documents. Both read an object, or a list of the fields in order (serde's other
//! struct form); a value that does not read is none.

use super::stored_value::StoredValue;
use crate::aws::account::{AccountId, Alias};
use crate::aws::regions::Region;
use crate::team::config::{
    Color, DisplayName, Policy, Role, RoleName, SsoStartUrl, TeamAccount, TeamConfig, VERSION,
};

/// How a field reads when it is missing: required, none (an `Option`), or its default.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Missing {
    Required,
    None,
    Default,
}

/// A struct's fields as given (`None`: missing), by `names`; `None` when the value is no struct
/// form, repeats a field, or a list lacks a field that has no default (a missing `Option` is an
/// error in serde's list form).
fn fields<'a>(
    value: &'a StoredValue,
    names: &[(&str, Missing)],
) -> Option<Vec<Option<&'a StoredValue>>> {
    let mut found = vec![None; names.len()];
    match value {
        StoredValue::Object(entries) => {
            for (name, value) in entries {
                if let Some(i) = names.iter().position(|(n, _)| n == name) {
                    if found[i].replace(value).is_some() {
                        return None;
                    }
                }
            }
            let required = names.iter().zip(&found);
            if required
                .into_iter()
                .any(|((_, m), f)| *m == Missing::Required && f.is_none())
            {
                return None;
            }
        }
        StoredValue::List(items) => {
            if items.len() > names.len() {
                return None;
            }
            for (i, (_, missing)) in names.iter().enumerate() {
                match items.get(i) {
                    Some(item) => found[i] = Some(item),
                    None if *missing == Missing::Default => {}
                    None => return None,
                }
            }
        }
        _ => return None,
    }
    Some(found)
}

/// A text value parsed by its own checked parser.
fn text<T, E>(value: &StoredValue, parse: impl FnOnce(&str) -> Result<T, E>) -> Option<T> {
    match value {
        StoredValue::Text(text) => parse(text).ok(),
        _ => None,
    }
}

/// An optional field: missing or `null` is none, else it must read (`Err` when it does not).
fn optional<T>(
    value: Option<&StoredValue>,
    read: impl FnOnce(&StoredValue) -> Option<T>,
) -> Result<Option<T>, ()> {
    match value {
        None | Some(StoredValue::Null) => Ok(None),
        Some(value) => read(value).map(Some).ok_or(()),
    }
}

/// A list field with a default: missing is empty; `null` or anything else does not read.
fn list<T>(
    value: Option<&StoredValue>,
    read: impl Fn(&StoredValue) -> Option<T>,
) -> Option<Vec<T>> {
    match value {
        None => Some(Vec::new()),
        Some(value) => read_list(value, read),
    }
}

fn read_list<T>(value: &StoredValue, read: impl Fn(&StoredValue) -> Option<T>) -> Option<Vec<T>> {
    match value {
        StoredValue::List(items) => items.iter().map(read).collect(),
        _ => None,
    }
}

fn region(value: &StoredValue) -> Option<Region> {
    text(value, |code| Region::find(code).ok_or(()))
}

fn role(value: &StoredValue) -> Option<Role> {
    let [name, display_name] = fields(
        value,
        &[("name", Missing::Required), ("displayName", Missing::None)],
    )?[..] else {
        return None;
    };
    Some(Role {
        name: text(name?, RoleName::parse)?,
        display_name: optional(display_name, |v| text(v, DisplayName::parse)).ok()?,
    })
}

fn account(value: &StoredValue) -> Option<TeamAccount> {
    let names = [
        ("accountId", Missing::Required),
        ("alias", Missing::None),
        ("displayName", Missing::None),
        ("defaultRegion", Missing::None),
        ("color", Missing::None),
        ("roles", Missing::Default),
        ("ssoStartUrl", Missing::None),
    ];
    let [id, alias, display_name, default_region, color, roles, sso_start_url] =
        fields(value, &names)?[..]
    else {
        return None;
    };
    Some(TeamAccount {
        account_id: text(id?, AccountId::parse)?,
        alias: optional(alias, |v| text(v, Alias::parse)).ok()?,
        display_name: optional(display_name, |v| text(v, DisplayName::parse)).ok()?,
        default_region: optional(default_region, region).ok()?,
        color: optional(color, |v| text(v, |c| Color::parse(c, false))).ok()?,
        roles: list(roles, role)?,
        sso_start_url: optional(sso_start_url, |v| text(v, SsoStartUrl::parse)).ok()?,
    })
}

fn flag(value: Option<&StoredValue>, default: bool) -> Option<bool> {
    match value {
        None => Some(default),
        Some(StoredValue::Bool(value)) => Some(*value),
        Some(_) => None,
    }
}

fn policy(value: Option<&StoredValue>) -> Option<Policy> {
    let default = Policy::default();
    let Some(value) = value else {
        return Some(default);
    };
    let names = [
        ("lockAccounts", Missing::Default),
        ("allowUserAccounts", Missing::Default),
    ];
    let [lock, allow] = fields(value, &names)?[..] else {
        return None;
    };
    Some(Policy {
        lock_accounts: flag(lock, default.lock_accounts)?,
        allow_user_accounts: flag(allow, default.allow_user_accounts)?,
    })
}

/// A stored configuration as the derive reads it: `null` or one that does not read is none.
pub(super) fn read_config(value: &StoredValue) -> Option<TeamConfig> {
    let names = [
        ("version", Missing::Required),
        ("accounts", Missing::Default),
        ("favouriteRegions", Missing::Default),
        ("allowedRegions", Missing::Default),
        ("policy", Missing::Default),
    ];
    let [version, accounts, favourites, allowed, policy_field] = fields(value, &names)?[..] else {
        return None;
    };
    // The core writes the version as an integer; `JSON.stringify` writes 1 for 1.0 too.
    if version? != &StoredValue::Number(VERSION as f64) {
        return None;
    }
    Some(TeamConfig {
        accounts: list(accounts, account)?,
        favourite_regions: list(favourites, region)?,
        allowed_regions: optional(allowed, |v| read_list(v, region)).ok()?,
        policy: policy(policy_field)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tab::team_context::TeamContext;
    use serde_json::{json, Value};

    /// The reference: serde's derive, on the whole value (not streaming, so a failure is clean).
    fn derived(value: &Value) -> Option<TeamConfig> {
        serde_json::from_value::<Option<TeamConfig>>(value.clone())
            .ok()
            .flatten()
    }

    fn by_hand(value: &Value) -> Option<TeamConfig> {
        let stored: StoredValue = serde_json::from_value(value.clone()).expect("a value");
        read_config(&stored)
    }

    fn account() -> Value {
        json!({"accountId": "111122223333", "alias": "acme-prod", "displayName": "Production",
               "defaultRegion": "eu-west-1", "color": "#c5221f",
               "roles": [{"name": "Admin", "displayName": "Admins"}, {"name": "ReadOnly"}],
               "ssoStartUrl": "https://acme.awsapps.com/start"})
    }

    /// Every field of each struct, missing, null, of the wrong type, invalid, given twice, and
    /// the list form with fields missing at its end.
    fn documents() -> Vec<Value> {
        let good = json!({"version": 1, "accounts": [account()], "favouriteRegions": ["eu-west-1"],
                          "allowedRegions": ["eu-west-1", "us-east-1"],
                          "policy": {"lockAccounts": true, "allowUserAccounts": false}});
        let mut documents = vec![
            good.clone(),
            Value::Null,
            json!(1),
            json!("text"),
            json!({}),
            json!({"version": 1}),
            json!({"version": 2}),
            json!({"version": -1}),
            json!({"version": 1.5}),
            json!({"version": "1"}),
            json!({"version": null}),
            json!({"version": 1, "unknown": [1, 2]}),
            json!([1]),
            json!([1, []]),
            json!([1, [account()], ["eu-west-1"], null, {"lockAccounts": true}]),
            json!([1, [], [], null, {}, "one too many"]),
            json!([]),
            json!({"version": 1, "policy": [true]}),
            json!({"version": 1, "policy": [true, false, true]}),
            json!({"version": 1, "accounts": [[ "111122223333", null, null, null, null ]]}),
            json!({"version": 1, "accounts": [[ "111122223333", null, null, null, null, [], null ]]}),
            json!({"version": 1, "accounts": [{"accountId": "111122223333", "roles": [["Admin"]]}]}),
            json!({"version": 1, "accounts": [{"accountId": "111122223333", "roles": [["Admin", null]]}]}),
        ];
        for (field, bad) in [
            ("accounts", json!(null)),
            ("accounts", json!({})),
            ("accounts", json!([1])),
            ("favouriteRegions", json!(null)),
            ("favouriteRegions", json!(["mars-1"])),
            ("favouriteRegions", json!([1])),
            ("allowedRegions", json!(null)),
            ("allowedRegions", json!([])),
            ("allowedRegions", json!(["nowhere"])),
            ("allowedRegions", json!("eu-west-1")),
            ("policy", json!(null)),
            ("policy", json!({})),
            ("policy", json!({"lockAccounts": null})),
            ("policy", json!({"allowUserAccounts": "yes"})),
            ("policy", json!(true)),
        ] {
            let mut document = good.clone();
            document[field] = bad;
            documents.push(document);
        }
        let account_fields = [
            "accountId",
            "alias",
            "displayName",
            "defaultRegion",
            "color",
            "roles",
            "ssoStartUrl",
        ];
        for field in account_fields {
            for bad in [
                None,
                Some(json!(null)),
                Some(json!(7)),
                Some(json!("not valid !")),
            ] {
                let mut one = account();
                match bad {
                    None => {
                        one.as_object_mut().expect("an object").remove(field);
                    }
                    Some(bad) => one[field] = bad,
                }
                documents.push(json!({"version": 1, "accounts": [one]}));
            }
        }
        for (field, bad) in [
            ("name", None),
            ("name", Some(json!(null))),
            ("name", Some(json!(""))),
            ("displayName", None),
            ("displayName", Some(json!(null))),
            ("displayName", Some(json!(false))),
        ] {
            let mut role = json!({"name": "Admin", "displayName": "Admins"});
            match bad {
                None => {
                    role.as_object_mut().expect("an object").remove(field);
                }
                Some(bad) => role[field] = bad,
            }
            let mut one = account();
            one["roles"] = json!([role]);
            documents.push(json!({"version": 1, "accounts": [one]}));
        }
        documents
    }

    #[test]
    fn reads_as_the_derive_reads() {
        let mut read = 0;
        for document in documents() {
            let expected = derived(&document);
            read += usize::from(expected.is_some());
            assert_eq!(by_hand(&document), expected, "{document}");
        }
        assert!(read >= 10, "the table reads some documents: {read}");
    }

    #[test]
    fn a_field_given_twice_does_not_read() {
        for text in [
            r#"{"version": 1, "version": 1}"#,
            r#"{"version": 1, "policy": {"lockAccounts": true, "lockAccounts": true}}"#,
            r#"{"version": 1, "accounts": [{"accountId": "111122223333", "accountId": "111122223333"}]}"#,
        ] {
            let derived = serde_json::from_str::<TeamConfig>(text).ok();
            let stored: StoredValue = serde_json::from_str(text).expect("a value");
            assert_eq!(derived, None, "{text}");
            assert_eq!(read_config(&stored), None, "{text}");
        }
        let twice = r#"{"version": 1, "accounts": [], "accounts": []}"#;
        let stored: StoredValue = serde_json::from_str(twice).expect("a value");
        assert_eq!(read_config(&stored), None);
    }

    #[test]
    fn a_team_context_skips_a_configuration_that_does_not_read_as_a_whole() {
        // A bad account inside `managed`: none, and `user` after it still reads (read from the
        // text, as the wasm boundary reads it).
        let text = r#"{"managed": {"version": 1, "accounts": [{"accountId": "bad"}]},
                       "user": {"version": 1, "accounts": [{"accountId": "444455556666"}]}}"#;
        let context: TeamContext = serde_json::from_str(text).expect("reads");
        assert_eq!(context.managed, None);
        assert_eq!(context.user.expect("user").accounts.len(), 1);
        // The whole context: as serde's derive of a struct with two defaulted fields (its
        // messages; serde_json adds a position to the derive's, which the wasm boundary drops).
        let listed: TeamContext = serde_json::from_str("[null]").expect("reads");
        assert_eq!(listed, TeamContext::default());
        for (text, message) in [
            ("null", "invalid type: null, expected struct TeamContext"),
            (
                "5",
                "invalid type: integer `5`, expected struct TeamContext",
            ),
            (
                "-5",
                "invalid type: integer `-5`, expected struct TeamContext",
            ),
            (
                "1.5",
                "invalid type: floating point `1.5`, expected struct TeamContext",
            ),
            (
                r#""x""#,
                r#"invalid type: string "x", expected struct TeamContext"#,
            ),
            (r#"{"user": null, "user": null}"#, "duplicate field `user`"),
            ("[null, null, null]", "trailing characters"),
        ] {
            let error = serde_json::from_str::<TeamContext>(text).expect_err(text);
            let error = error.to_string();
            assert!(error.starts_with(message), "{text}: {error}");
        }
    }
}
