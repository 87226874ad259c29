//! Reads a report back from its own JSON: the extension keeps the report it was given and hands
//! it back to plan a batch or to export it. Names are checked against the same tables that made
//! them, so a report read back holds only valid kinds, partitions, accounts and regions.

use crate::aws::account::Account;
use crate::aws::partition::Partition;
use crate::aws::regions::Region;
use crate::url::verdict::Kind;
use serde::de::Error;
use serde::{Deserialize, Deserializer};

/// A URL kind by its spec name (`signin_redirect`).
pub(super) fn kind<'de, D: Deserializer<'de>>(from: D) -> Result<Kind, D::Error> {
    let name = String::deserialize(from)?;
    Kind::from_name(&name).ok_or_else(|| D::Error::custom(format!("unknown URL kind {name:?}")))
}

/// A partition by its id (`aws-cn`), or null.
pub(super) fn partition<'de, D: Deserializer<'de>>(from: D) -> Result<Option<Partition>, D::Error> {
    Option::<String>::deserialize(from)?
        .map(|id| {
            Partition::from_id(&id)
                .ok_or_else(|| D::Error::custom(format!("unknown partition {id:?}")))
        })
        .transpose()
}

/// An account ID or alias, or null; invalid text is an error with the account's own message.
pub(super) fn account<'de, D: Deserializer<'de>>(from: D) -> Result<Option<Account>, D::Error> {
    Option::<String>::deserialize(from)?
        .map(|text| Account::parse(&text).map_err(|e| D::Error::custom(format!("{text:?}: {e}"))))
        .transpose()
}

/// An account ID or alias that must be there.
pub(super) fn some_account<'de, D: Deserializer<'de>>(from: D) -> Result<Account, D::Error> {
    account(from)?.ok_or_else(|| D::Error::custom("an account is required"))
}

/// A region code from the table, or null.
pub(super) fn region<'de, D: Deserializer<'de>>(from: D) -> Result<Option<Region>, D::Error> {
    Option::<String>::deserialize(from)?
        .map(|code| {
            Region::find(&code).ok_or_else(|| D::Error::custom(format!("unknown region {code:?}")))
        })
        .transpose()
}

#[cfg(test)]
mod tests {
    use crate::bookmarks::doctor::{analyze, Bookmark, Report};

    fn bookmark(id: &str, url: &str) -> Bookmark {
        Bookmark {
            id: id.to_owned(),
            url: url.to_owned(),
            title: format!("title {id}"),
            folder_path: vec!["Bar".to_owned(), "AWS".to_owned()],
        }
    }

    #[test]
    fn a_report_reads_back_from_its_json_unchanged() {
        let report = analyze(&[
            bookmark("1", "https://signin.aws.amazon.com/oauth?redirect_uri=x"),
            bookmark("2", "https://signin.amazonaws.cn/signin?redirect_uri=x"),
            bookmark(
                "3",
                "https://123456789012-abcd1234.eu-west-1.console.aws.amazon.com/s3/",
            ),
            bookmark("4", "http://myalias.signin.aws.amazon.com/console"),
            bookmark("5", "https://myalias.signin.aws.amazon.com/console"),
            bookmark("6", "https://myalias.signin.aws.amazon.com.evil.example/"),
        ]);
        let json = serde_json::to_string(&report).expect("serialisable");
        let back: Report = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, report);
    }

    #[test]
    fn a_tampered_report_is_refused_with_the_reason() {
        let report = analyze(&[bookmark(
            "1",
            "http://myalias.signin.aws.amazon.com/console",
        )]);
        let mut json = serde_json::to_value(&report).expect("serialisable");
        json["groups"][0]["findings"][0]["account"] = "my--alias".into();
        let error = serde_json::from_value::<Report>(json.clone()).expect_err("refused");
        assert!(
            error.to_string().contains("two hyphens"),
            "{error}: the account's own message"
        );
        json["groups"][0]["findings"][0]["account"] = serde_json::Value::Null;
        json["groups"][0]["findings"][0]["region"] = "mars-1".into();
        let error = serde_json::from_value::<Report>(json).expect_err("refused");
        assert!(error.to_string().contains("unknown region"), "{error}");
    }
}
