//! The `aws-userInfo` cookie the console sets after sign-in: which account and alias it is.
//!
//! The value is URL-encoded JSON (sometimes encoded twice) with `alias` and `arn` among other
//! fields. Only what validates is kept: an alias by the IAM rules, and an account ID and
//! partition from a well-formed ARN. Junk gives `None`, never a panic.

use crate::aws::account::{AccountId, Alias};
use crate::aws::partition::Partition;
use crate::tab::stored_value::StoredValue;
use serde::{Serialize, Serializer};

/// A cookie value longer than this is not the console's (browsers cap a cookie at 4096 bytes).
const MAX_COOKIE_LEN: usize = 8192;

/// How many layers of URL encoding are undone at most.
const MAX_DECODINGS: usize = 3;

/// What the `aws-userInfo` cookie says about the signed-in account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserInfo {
    /// The account ID, from the ARN.
    pub account_id: Option<AccountId>,
    /// The account alias, when the cookie has a valid one.
    #[serde(serialize_with = "serialize_alias")]
    pub alias: Option<Alias>,
    /// The signed-in principal's ARN, when it is well-formed.
    pub arn: Option<String>,
    /// The partition, from the ARN.
    pub partition: Option<Partition>,
}

fn serialize_alias<S: Serializer>(alias: &Option<Alias>, serializer: S) -> Result<S::Ok, S::Error> {
    match alias {
        Some(alias) => serializer.serialize_some(alias.as_str()),
        None => serializer.serialize_none(),
    }
}

/// Reads the cookie value; `None` when it is unreadable or names nothing useful.
pub fn parse_user_info(cookie_value: &str) -> Option<UserInfo> {
    if cookie_value.len() > MAX_COOKIE_LEN {
        return None;
    }
    let object = decode_json_object(cookie_value)?;
    let text = |field: &str| match object.get(field) {
        Some(StoredValue::Text(text)) => Some(text.as_str()),
        _ => None,
    };
    let alias = text("alias").and_then(|a| Alias::parse(a).ok());
    let arn = text("arn").and_then(Arn::parse);
    let info = UserInfo {
        account_id: arn.as_ref().and_then(|a| a.account.clone()),
        partition: arn.as_ref().map(|a| a.partition),
        arn: arn.map(|a| a.text),
        alias,
    };
    let empty = info.account_id.is_none() && info.alias.is_none() && info.arn.is_none();
    (!empty).then_some(info)
}

/// Undoes URL encoding until the text is a JSON object.
fn decode_json_object(value: &str) -> Option<StoredValue> {
    let mut text = value.trim().trim_matches('"').to_owned();
    for _ in 0..=MAX_DECODINGS {
        if text.starts_with('{') {
            let object = super::json_text::parse(&text).ok()?;
            return matches!(object, StoredValue::Object(_)).then_some(object);
        }
        let decoded = percent_decode(&text)?;
        if decoded == text {
            return None;
        }
        text = decoded.trim().to_owned();
    }
    None
}

/// `%XX` escapes to bytes (a `+` stays a `+`: cookies are not form-encoded); `None` when the
/// result is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, as far as the cookie needs it.
struct Arn {
    text: String,
    partition: Partition,
    account: Option<AccountId>,
}

impl Arn {
    fn parse(text: &str) -> Option<Arn> {
        let parts: Vec<&str> = text.splitn(6, ':').collect();
        let ["arn", partition, service, _region, account, resource] = parts.as_slice() else {
            return None;
        };
        if service.is_empty() || resource.is_empty() {
            return None;
        }
        // Partition identifiers are lowercase in ARNs; `from_id` would also accept "AWS".
        let partition = *Partition::ALL.iter().find(|p| p.id() == *partition)?;
        Some(Arn {
            text: text.to_owned(),
            partition,
            account: AccountId::parse(account).ok(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COOKIE: &str = "%7B%22alias%22%3A%22myalias%22%2C%22arn%22%3A%22arn%3Aaws%3Asts%3A%3A123456789012%3Aassumed-role%2FAdmin%2Fjane%22%2C%22keybase%22%3A%22abc%2B%2F%3D%22%2C%22issuer%22%3A%22https%3A%2F%2Fsignin.aws.amazon.com%22%7D";

    fn id(text: &str) -> Option<AccountId> {
        AccountId::parse(text).ok()
    }

    #[test]
    fn console_cookie_gives_account_alias_and_partition() {
        let info = parse_user_info(COOKIE).expect("readable");
        assert_eq!(info.account_id, id("123456789012"));
        assert_eq!(info.alias.as_ref().map(Alias::as_str), Some("myalias"));
        assert_eq!(
            info.arn.as_deref(),
            Some("arn:aws:sts::123456789012:assumed-role/Admin/jane")
        );
        assert_eq!(info.partition, Some(Partition::Aws));
    }

    #[test]
    fn double_encoded_cookie_is_read() {
        let twice = COOKIE.replace('%', "%25");
        assert_eq!(parse_user_info(&twice), parse_user_info(COOKIE));
    }

    #[test]
    fn plain_json_and_quoted_values_are_read() {
        let info =
            parse_user_info(r#"{"arn":"arn:aws-cn:iam::012345678901:root"}"#).expect("readable");
        assert_eq!(info.account_id, id("012345678901"));
        assert_eq!(info.partition, Some(Partition::AwsCn));
        assert_eq!(info.alias, None);
        let quoted = format!("\"{COOKIE}\"");
        assert!(parse_user_info(&quoted).is_some());
    }

    #[test]
    fn invalid_alias_is_dropped_but_the_account_kept() {
        let info = parse_user_info(
            r#"{"alias":"my--alias","arn":"arn:aws-us-gov:iam::123456789012:user/bob"}"#,
        )
        .expect("readable");
        assert_eq!(info.alias, None);
        assert_eq!(info.account_id, id("123456789012"));
        assert_eq!(info.partition, Some(Partition::AwsUsGov));
    }

    #[test]
    fn alias_in_capitals_is_stored_lowercase() {
        let info = parse_user_info(r#"{"alias":"MyAlias"}"#).expect("readable");
        assert_eq!(info.alias.as_ref().map(Alias::as_str), Some("myalias"));
        assert_eq!(info.account_id, None);
    }

    #[test]
    fn malformed_arns_give_no_account() {
        for arn in [
            "arn:aws:sts::12345678901:assumed-role/Admin/jane",
            "arn:mars:iam::123456789012:root",
            "arn:aws:iam::123456789012",
            "123456789012",
            "arn:AWS:iam::123456789012:root",
        ] {
            let cookie = format!(r#"{{"alias":"ok-alias","arn":"{arn}"}}"#);
            let info = parse_user_info(&cookie).expect("alias is readable");
            assert_eq!(info.account_id, None, "{arn}");
            let bad_shape = !arn.starts_with("arn:aws:sts::12345678901");
            if bad_shape {
                assert_eq!(info.arn, None, "{arn}");
            }
        }
    }

    #[test]
    fn junk_is_none_and_never_panics() {
        for junk in [
            "",
            "   ",
            "%",
            "%7",
            "%ZZ",
            "%7B",
            "%FF%FE",
            "null",
            "[1,2]",
            "\"\"",
            "{}",
            r#"{"alias":42,"arn":["x"]}"#,
            "%257B%2522alias%2522%253A%2522x%2522",
            "%7B%22alias%22%3A%22a%22%7D",
        ] {
            assert_eq!(parse_user_info(junk), None, "{junk:?}");
        }
        assert_eq!(parse_user_info(&"%25".repeat(5000)), None);
    }

    #[test]
    fn serialises_with_nulls_for_what_is_unknown() {
        let info = parse_user_info(r#"{"alias":"myalias"}"#).expect("readable");
        assert_eq!(
            serde_json::to_value(&info).expect("json"),
            serde_json::json!({"account_id": null, "alias": "myalias", "arn": null, "partition": null})
        );
    }
}
