//! Which organisation's configuration is in force: the record the extension keeps of what managed
//! storage held (`team_managed` in `storage.local`). A usable configuration replaces the copy; an
//! unusable one (no `"version": 1`) is kept beside the last good copy, which stays in force, so that
//! the settings page can say what is wrong with it.

use super::read_lenient;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// The stored record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManagedRecord {
    /// The configuration in force, as managed storage gave it.
    #[serde(default)]
    pub value: Option<Value>,
    /// `value` as the core checked it: present (even as null) once checked; a record written by a
    /// version that did not check has none and is checked again.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub config: Option<Option<Value>>,
    /// Since when `value` is in force.
    #[serde(default)]
    pub since_ms: Option<f64>,
    /// An unusable configuration managed storage holds now, beside the copy in force.
    #[serde(default)]
    pub unusable: Option<Value>,
    /// Since when it is there.
    #[serde(default)]
    pub unusable_ms: Option<f64>,
}

/// A field that is there, even as null.
fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Option<Value>>, D::Error> {
    Option::<Value>::deserialize(deserializer).map(Some)
}

/// The record after managed storage was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextRecord {
    /// What to store; `None`: remove the record (no policy).
    pub record: Option<ManagedRecord>,
    /// Whether it differs from the stored one (nothing is written otherwise).
    pub changed: bool,
}

/// The checked configuration of a document, when usable.
fn checked(value: &Value) -> Option<Value> {
    let config = read_lenient(value).config?;
    serde_json::to_value(config).ok()
}

/// The record after managed storage gave `value` (`None`: no policy).
pub fn next_managed_record(
    stored: Option<&ManagedRecord>,
    value: Option<&Value>,
    now_ms: f64,
) -> NextRecord {
    let record = value.map(|value| next(stored, value, now_ms));
    NextRecord {
        changed: record.as_ref() != stored,
        record,
    }
}

fn next(stored: Option<&ManagedRecord>, value: &Value, now_ms: f64) -> ManagedRecord {
    let was_checked = stored.is_some_and(|s| s.config.is_some());
    let same_value = stored.is_some_and(|s| s.value.as_ref() == Some(value));
    let same_unusable = stored.is_some_and(|s| s.unusable.as_ref() == Some(value));
    // The same value again needs no new check.
    if let Some(stored) = stored.filter(|_| was_checked) {
        if same_value {
            return ManagedRecord {
                unusable: None,
                unusable_ms: None,
                ..stored.clone()
            };
        }
        if same_unusable {
            return stored.clone();
        }
    }
    if let Some(config) = checked(value) {
        return ManagedRecord {
            value: Some(value.clone()),
            config: Some(Some(config)),
            since_ms: if same_value {
                stored.and_then(|s| s.since_ms)
            } else {
                Some(now_ms)
            },
            unusable: None,
            unusable_ms: None,
        };
    }
    let kept = stored.and_then(|s| s.value.clone());
    ManagedRecord {
        config: Some(kept.as_ref().and_then(checked)),
        value: kept,
        since_ms: stored.and_then(|s| s.since_ms),
        unusable: Some(value.clone()),
        unusable_ms: if same_unusable {
            stored.and_then(|s| s.unusable_ms)
        } else {
            Some(now_ms)
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn good(id: &str) -> Value {
        json!({"version": 1, "accounts": [{"accountId": id}]})
    }

    #[test]
    fn the_configuration_in_force_follows_managed_storage() {
        let bad = json!({"accounts": []});
        let first = next_managed_record(None, Some(&good("111122223333")), 1.0);
        assert!(first.changed);
        let first = first.record.expect("a record");
        assert_eq!(first.since_ms, Some(1.0));
        assert!(matches!(&first.config, Some(Some(_))));

        /// (stored, value now, changed, value in force, unusable kept)
        type Row<'a> = (
            Option<&'a ManagedRecord>,
            Option<Value>,
            bool,
            Option<Value>,
            Option<Value>,
        );
        let table: [Row; 5] = [
            // The same again: nothing to write.
            (
                Some(&first),
                Some(good("111122223333")),
                false,
                Some(good("111122223333")),
                None,
            ),
            // Another usable one replaces it.
            (
                Some(&first),
                Some(good("210987654321")),
                true,
                Some(good("210987654321")),
                None,
            ),
            // An unusable one is kept beside the copy, which stays in force.
            (
                Some(&first),
                Some(bad.clone()),
                true,
                Some(good("111122223333")),
                Some(bad.clone()),
            ),
            // No policy: the record goes.
            (Some(&first), None, true, None, None),
            // Unusable with no copy: nothing in force.
            (None, Some(bad.clone()), true, None, Some(bad.clone())),
        ];
        for (stored, value, changed, in_force, unusable) in table {
            let next = next_managed_record(stored, value.as_ref(), 2.0);
            assert_eq!(next.changed, changed, "{value:?}");
            let record = next.record.unwrap_or_default();
            assert_eq!(record.value, in_force, "{value:?}");
            assert_eq!(record.unusable, unusable, "{value:?}");
        }
        // The unusable one again: unchanged, its time kept.
        let beside = next_managed_record(Some(&first), Some(&bad), 2.0)
            .record
            .expect("kept");
        let again = next_managed_record(Some(&beside), Some(&bad), 3.0);
        assert!(!again.changed);
        // A record of a version that did not check is checked again.
        let unchecked = ManagedRecord {
            config: None,
            ..first.clone()
        };
        let rechecked = next_managed_record(Some(&unchecked), Some(&good("111122223333")), 4.0);
        assert!(rechecked.changed);
        assert_eq!(rechecked.record.and_then(|r| r.since_ms), Some(1.0));
    }
}
