//! The events' facts read by hand (`tab::read_stored`, what the wake package does) and by their
//! serde derive (the reference, which the other packages use) agree: on a full document of each
//! type and on every variant of it with one part missing, null, of another type, or with an
//! unknown field added.

use crate::events::bookmark_change::{AnnouncedChange, BookmarkChangeFacts, ExpectedChange};
use crate::events::lookalike::NavigationFacts;
use crate::events::page_report::PageFacts;
use crate::events::popup::PopupFacts;
use crate::events::tab_state::TabState;
use crate::tab::navigation_flow::Navigation;
use crate::tab::read_stored::{read_json, ReadStored};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::fmt::Debug;

/// What may stand in any part's place. Not `[]` or `["x"]`: serde's derive also reads a list as a
/// struct's fields in order, which the hand readers refuse (nothing writes it); `[1]` is refused
/// by both at every struct of these facts (their first fields take no number).
fn stand_ins() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(4_294_967_296_u64),
        json!("x"),
        json!([1]),
        json!({}),
    ]
}

/// Every variant of `value` with one part changed: each part replaced by each stand-in, each
/// field left out, each object given an unknown field.
fn variants(value: &Value) -> Vec<Value> {
    let mut out: Vec<Value> = stand_ins();
    match value {
        Value::Object(fields) => {
            let mut extra = fields.clone();
            extra.insert("not_a_field".to_owned(), json!(1));
            out.push(Value::Object(extra));
            for (name, part) in fields {
                let mut without = fields.clone();
                without.remove(name);
                out.push(Value::Object(without));
                for changed in variants(part) {
                    let mut with = fields.clone();
                    with.insert(name.clone(), changed);
                    out.push(Value::Object(with));
                }
            }
        }
        Value::Array(items) => {
            for (i, part) in items.iter().enumerate() {
                for changed in variants(part) {
                    let mut with = items.clone();
                    with[i] = changed;
                    out.push(Value::Array(with));
                }
            }
        }
        _ => {}
    }
    out
}

/// Both readers give the same value, or both refuse, on `full` and every variant of it; returns
/// how many variants each accepted.
fn agree<T: DeserializeOwned + ReadStored + PartialEq + Debug>(full: Value) -> (usize, usize) {
    assert!(
        serde_json::from_value::<T>(full.clone()).is_ok(),
        "the full document reads: {full}"
    );
    let (mut accepted, mut refused) = (0, 0);
    for variant in std::iter::once(full.clone()).chain(variants(&full)) {
        let by_serde = serde_json::from_value::<T>(variant.clone()).ok();
        let by_hand = read_json::<T>(&variant.to_string());
        assert_eq!(by_hand.as_ref().ok(), by_serde.as_ref(), "{variant}");
        if by_hand.is_ok() {
            accepted += 1;
        } else {
            refused += 1;
        }
    }
    (accepted, refused)
}

fn tab_state() -> Value {
    json!({
        "flow": {"first_url": "https://signin.aws.amazon.com/oauth?code=[redacted]"},
        "navigations": [{
            "url": "https://signin.aws.amazon.com/console",
            "transition_type": "auto_bookmark",
            "transition_qualifiers": ["from_address_bar"],
            "committed": true,
            "bookmark_ids": ["12"],
        }],
        "url": "https://111122223333.signin.aws.amazon.com/console",
        "user_info": "{}",
        "dismissed": true,
        "origin_bookmark": {"id": "12", "title": "AWS", "replacement": "https://a.signin.aws.amazon.com/console"},
        "offered": ["12", "13"],
        "blocked": {"url": "https://signin.aws-amazon.example/", "host": "signin.aws-amazon.example", "frame": true, "back_steps": 2},
        "allowed_hosts": ["signin.aws-amazon.example"],
    })
}

fn known() -> Value {
    json!({"version": 1, "accounts": [
        {"account_id": "111122223333", "alias": "prod", "last_region": "eu-west-1", "last_seen_ms": 1_700_000_000_000_u64}
    ]})
}

fn team() -> Value {
    json!({
        "managed": {"version": 1, "accounts": [{"accountId": "111122223333", "displayName": "Prod"}]},
        "user": null,
    })
}

#[test]
fn page_facts_read_alike() {
    let (accepted, refused) = agree::<PageFacts>(json!({
        "url": "https://prod.signin.aws.amazon.com/console",
        "from_page": true,
        "user_info": "%7B%22alias%22%3A%22prod%22%7D",
        "state": tab_state(),
        "known": known(),
        "team": team(),
        "notice_on": true,
        "bookmarks_allowed": true,
        "bookmarks": [{"id": "12", "title": "AWS", "url": "https://signin.aws.amazon.com/console"}],
        "now_ms": 1_700_000_000_000_u64,
    }));
    // Both outcomes are exercised, not only one.
    assert!(
        accepted > 50 && refused > 200,
        "{accepted} accepted, {refused} refused"
    );
}

#[test]
fn popup_facts_read_alike() {
    agree::<PopupFacts>(json!({
        "tab_url": "https://signin.aws.amazon.com/oauth?code=abc",
        "warning_page": "chrome-extension://id/warning.html",
        "page": {"url": "", "state": tab_state(), "known": known(), "team": team(), "notice_on": true},
    }));
}

#[test]
fn tab_states_read_alike() {
    agree::<TabState>(tab_state());
    agree::<Option<TabState>>(tab_state());
    assert_eq!(read_json::<Option<TabState>>("null"), Ok(None));
}

#[test]
fn bookmark_changes_read_alike() {
    agree::<BookmarkChangeFacts>(json!({
        "id": "12",
        "parent_id": "1",
        "url": "https://signin.aws.amazon.com/oauth?code=abc",
        "title": "AWS",
        "known": known(),
        "expected": [{"id": "12", "parent_id": null, "url": "https://x.signin.aws.amazon.com/console", "until_ms": 1.5}],
        "notice_on": true,
        "now_ms": 12,
        "active_tab_offered": ["12"],
    }));
    agree::<Vec<ExpectedChange>>(json!([
        {"id": "12", "parent_id": "1", "url": "https://x.signin.aws.amazon.com/console", "until_ms": 10}
    ]));
    agree::<Vec<AnnouncedChange>>(json!([
        {"id": "12", "parent_id": "1", "url": "https://x.signin.aws.amazon.com/console"}
    ]));
}

#[test]
fn navigations_read_alike() {
    agree::<NavigationFacts>(json!({
        "url": "https://signin.aws-amazon.example/",
        "frame_id": 3,
        "committed": true,
        "warning_page": "chrome-extension://id/warning.html",
        "state": tab_state(),
    }));
    agree::<Navigation>(json!({
        "url": "https://signin.aws.amazon.com/console",
        "transition_type": "link",
        "transition_qualifiers": [],
        "committed": false,
        "bookmark_ids": [],
    }));
}

#[test]
fn hand_errors_name_the_part_that_is_wrong() {
    let error = read_json::<PageFacts>(
        r#"{"url": "https://a.signin.aws.amazon.com/", "state": {"navigations": [{"url": 5}]}}"#,
    )
    .expect_err("a number as a URL");
    assert_eq!(
        error.to_string(),
        "state.navigations[0].url: expected a string, found a number"
    );
    let error = read_json::<PageFacts>("{}").expect_err("no URL");
    assert_eq!(error.to_string(), "missing field `url`");
}

#[test]
fn both_readers_drop_an_unreadable_known_account_and_say_so() {
    // The known accounts come as stored (a page report loads them): one unreadable entry is
    // dropped, not the whole report refused.
    let text = r#"{"url": "u", "known": {"version": 1, "accounts": [{"alias": 5},
        {"alias": "prod", "last_seen_ms": 1}]}}"#;
    let by_hand = read_json::<PageFacts>(text).expect("read by hand");
    let by_derive: PageFacts = serde_json::from_str(text).expect("read by the derive");
    assert_eq!(by_hand, by_derive);
    assert_eq!(by_hand.known.known.accounts().len(), 1);
    let error = by_hand.known.error.expect("the dropped account is told");
    assert!(error.starts_with("One known account"), "{error}");
    assert!(error.contains("accounts[0]"), "{error}");
}
