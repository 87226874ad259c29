//! Links the product hands out: an account's canonical sign-in URL, region-pinned, or general.

use crate::aws::account::{Account, AccountError};
use crate::aws::partition::Partition;
use crate::aws::regions::Region;
use std::fmt;

/// Why a link cannot be made; the message names the bad input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// The account is neither a 12-digit ID nor a valid alias.
    Account {
        /// The text given.
        input: String,
        /// What is wrong with it.
        reason: AccountError,
    },
    /// No region has this code.
    UnknownRegion(String),
    /// The region exists, but in another partition.
    RegionOfOtherPartition {
        /// The region asked for.
        region: Region,
        /// The partition the link is for.
        partition: Partition,
    },
    /// No partition has this identifier.
    UnknownPartition(String),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Account { input, reason } => write!(f, "account {input:?}: {reason}"),
            LinkError::UnknownRegion(code) => write!(
                f,
                "region {code:?} is not a known AWS region (see `signin-guard regions`)"
            ),
            LinkError::RegionOfOtherPartition { region, partition } => write!(
                f,
                "region {} belongs to partition {}, not {}",
                region.code(),
                region.partition(),
                partition
            ),
            LinkError::UnknownPartition(id) => {
                write!(f, "partition {id:?} is not one of {}", Partition::ids())
            }
        }
    }
}

impl std::error::Error for LinkError {}

/// `https://ACCOUNT.signin.DOMAIN/console`: the URL to bookmark for an account.
pub fn canonical_url(account: &Account, partition: Partition) -> String {
    [
        "https://",
        account.as_str(),
        ".",
        partition.signin_domain(),
        "/console",
    ]
    .concat()
}

/// The canonical URL with `?region=REGION`, which signs in straight to that region.
pub fn region_pinned_url(account: &Account, region: Region) -> String {
    format!(
        "{}?region={}",
        canonical_url(account, region.partition()),
        region.code()
    )
}

/// Validates text input and builds the canonical or region-pinned sign-in URL.
///
/// Without a partition, the region's partition is used (else `aws`); with both, they must agree.
pub fn account_signin_url(
    account: &str,
    region: Option<&str>,
    partition: Option<&str>,
) -> Result<String, LinkError> {
    let parsed = Account::parse(account).map_err(|reason| LinkError::Account {
        input: account.to_owned(),
        reason,
    })?;
    let partition = partition
        .map(|p| Partition::from_id(p).ok_or_else(|| LinkError::UnknownPartition(p.to_owned())))
        .transpose()?;
    let region = region
        .filter(|r| !r.trim().is_empty())
        .map(|r| Region::find(r).ok_or_else(|| LinkError::UnknownRegion(r.trim().to_owned())))
        .transpose()?;
    match (region, partition) {
        (Some(region), Some(partition)) if region.partition() != partition => {
            Err(LinkError::RegionOfOtherPartition { region, partition })
        }
        (Some(region), _) => Ok(region_pinned_url(&parsed, region)),
        (None, partition) => Ok(canonical_url(&parsed, partition.unwrap_or(Partition::Aws))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_link_is_canonical() {
        assert_eq!(
            account_signin_url("MyAlias", None, None).unwrap(),
            "https://myalias.signin.aws.amazon.com/console"
        );
    }

    #[test]
    fn region_picks_its_partition() {
        assert_eq!(
            account_signin_url("123456789012", Some("cn-north-1"), None).unwrap(),
            "https://123456789012.signin.amazonaws.cn/console?region=cn-north-1"
        );
    }

    #[test]
    fn region_of_another_partition_is_an_error() {
        let err = account_signin_url("myalias", Some("cn-north-1"), Some("aws")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "region cn-north-1 belongs to partition aws-cn, not aws"
        );
    }

    #[test]
    fn bad_account_is_named() {
        let err = account_signin_url("my--alias", None, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "account \"my--alias\": an account alias cannot have two hyphens in a row"
        );
    }
}
