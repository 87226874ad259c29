//! Reading back a configuration this core wrote (`TeamConfig`'s own JSON, every value checked
//! when it was first read), strictly, with serde's derive. The core package reads the extension's
//! stored team this way, so that the lenient reader (`read`), with its problems and suggestions,
//! is only in the pages package. A document that does not read fails as a whole.

use super::{Color, DisplayName, Policy, RoleName, SsoStartUrl, TeamAccount, TeamConfig, VERSION};
use crate::aws::account::{AccountId, Alias};
use crate::aws::regions::Region;
use serde::de::{Deserializer, Error};
use serde::Deserialize;

/// A value type read from its text by its own parser, which checks it again.
macro_rules! from_text {
    ($type:ty, $parse:expr) => {
        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<$type, D::Error> {
                let text = String::deserialize(deserializer)?;
                $parse(&text).map_err(D::Error::custom)
            }
        }
    };
}

from_text!(AccountId, AccountId::parse);
from_text!(Alias, Alias::parse);
from_text!(DisplayName, DisplayName::parse);
from_text!(RoleName, RoleName::parse);
from_text!(SsoStartUrl, SsoStartUrl::parse);
from_text!(Color, |text: &str| Color::parse(text, false));
from_text!(Region, |code: &str| Region::find(code)
    .ok_or_else(|| format!("{code:?} is not a known AWS region")));

/// The document as `TeamConfig` writes it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Written {
    version: u64,
    #[serde(default)]
    accounts: Vec<TeamAccount>,
    #[serde(default)]
    favourite_regions: Vec<Region>,
    #[serde(default)]
    allowed_regions: Option<Vec<Region>>,
    #[serde(default)]
    policy: Policy,
}

impl<'de> Deserialize<'de> for TeamConfig {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TeamConfig, D::Error> {
        let written = Written::deserialize(deserializer)?;
        if written.version != VERSION {
            return Err(D::Error::custom(format!(
                "version {} is not supported, expected {VERSION}",
                written.version
            )));
        }
        Ok(TeamConfig {
            accounts: written.accounts,
            favourite_regions: written.favourite_regions,
            allowed_regions: written.allowed_regions,
            policy: written.policy,
        })
    }
}

/// For `#[serde(deserialize_with)]`: a checked configuration, or none when the value is none or
/// does not read (a bad stored value must never stop a page from being described).
pub fn checked_or_none<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<TeamConfig>, D::Error> {
    Ok(Option::<TeamConfig>::deserialize(deserializer).unwrap_or(None))
}

/// The strict reading: a configuration this core wrote (the extension's stored copies), or none
/// when the value is none or does not read. Small: no problems, no suggestions.
pub fn read_strict<'de, D: Deserializer<'de>>(deserializer: D) -> Option<TeamConfig> {
    checked_or_none(deserializer).unwrap_or(None)
}

/// The lenient reading: any document a person or an admin wrote, with every problem named and
/// the usable rest kept (`Parsed::config` is none only when the document is unusable).
pub fn read_lenient(document: &serde_json::Value) -> super::Parsed {
    TeamConfig::from_value(document)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_written_configuration_reads_back_the_same() {
        let document = crate::team::config::tests::every_field();
        let lenient = TeamConfig::from_value(&document).config.expect("usable");
        let strict: TeamConfig = serde_json::from_value(document).expect("reads");
        assert_eq!(strict, lenient);
        let minimal: TeamConfig =
            serde_json::from_value(json!({"version": 1, "accounts": []})).expect("reads");
        assert_eq!(minimal, TeamConfig::default());
    }

    #[test]
    fn anything_not_written_by_the_core_fails_as_a_whole() {
        for bad in [
            json!({"version": 2, "accounts": []}),
            json!({"accounts": []}),
            json!({"version": 1, "accounts": [{"accountId": "12345"}]}),
            json!({"version": 1, "accounts": [{"accountId": "012345678901", "color": "red"}]}),
            json!({"version": 1, "favouriteRegions": ["eu-west-9"]}),
            json!("text"),
        ] {
            assert!(
                serde_json::from_value::<TeamConfig>(bad.clone()).is_err(),
                "{bad}"
            );
        }
    }
}
