//! Console links: the same console page in another region, and a multi-session console link
//! rewritten so it works in any session.

use crate::aws::partition::Partition;
use crate::aws::regions::Region;
use crate::url::classify::classify;
use crate::url::plain_url::{self, UrlParts};
use crate::url::verdict::Kind;
use std::fmt;
use url::Url;

/// Why a console link cannot be made; the message names the bad input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConsoleLinkError {
    /// The URL is not a page of the AWS console.
    NotAConsolePage {
        /// What the URL is instead.
        kind: Kind,
    },
    /// No region has this code.
    UnknownRegion(String),
    /// The region exists, but in another partition than the console page.
    RegionOfOtherPartition {
        /// The region asked for.
        region: Region,
        /// The partition of the console page.
        partition: Partition,
    },
    /// The rewritten host name is not one a URL can hold (not expected for table regions).
    InvalidHost(String),
}

impl fmt::Display for ConsoleLinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // Every console form classify reads can be switched; kept for completeness.
            ConsoleLinkError::NotAConsolePage {
                kind: Kind::ConsolePage,
            } => f.write_str("this console page's address has no region to switch"),
            ConsoleLinkError::NotAConsolePage { kind } => match kind_in_words(*kind) {
                Some(what) => write!(
                    f,
                    "this is {what}, not an AWS console page, so it has no region to switch"
                ),
                None => {
                    f.write_str("this is not an AWS console page, so it has no region to switch")
                }
            },
            ConsoleLinkError::UnknownRegion(code) => {
                write!(f, "region {code:?} is not a known AWS region")
            }
            ConsoleLinkError::RegionOfOtherPartition { region, partition } => write!(
                f,
                "region {} belongs to partition {}, but this console page is in {}",
                region.code(),
                region.partition(),
                partition
            ),
            ConsoleLinkError::InvalidHost(host) => {
                write!(f, "{host:?} is not a valid host name for a console page")
            }
        }
    }
}

impl std::error::Error for ConsoleLinkError {}

/// What a page is, for the error message; `None` where "not an AWS console page" says it.
fn kind_in_words(kind: Kind) -> Option<&'static str> {
    let words = match kind {
        Kind::AccountSignin => "an account sign-in page",
        Kind::GeneralSignin => "a sign-in page",
        Kind::SigninRedirect => "a page of the sign-in flow",
        Kind::FederationToken => "a federation sign-in link",
        Kind::SwitchRole => "a switch-role page",
        Kind::AccessPortal => "an IAM Identity Center access portal",
        Kind::Lookalike => "a site imitating AWS",
        Kind::ConsolePage | Kind::Unrelated => return None,
    };
    Some(words)
}

/// The same console page in `region`.
///
/// - `REGION.console.DOMAIN/…`: the region label and any `region=` parameter are replaced;
/// - `console.DOMAIN/SERVICE/…` and `SERVICE.console.DOMAIN/…`: `region=` is set or replaced;
/// - multi-session `ID-XXXXXXXX.REGION.console.aws.amazon.com/…`: the region label and any
///   `region=` parameter are replaced;
/// - the general sign-in page on `console.DOMAIN` leads to the console home of the region.
///
/// Path, other query parameters and fragment are kept as they are.
pub fn switch_console_region(url: &str, region: &str) -> Result<String, ConsoleLinkError> {
    let verdict = classify(url);
    let not_console = ConsoleLinkError::NotAConsolePage { kind: verdict.kind };
    let Some(partition) = verdict.partition else {
        return Err(not_console);
    };
    let Some(mut parsed) = Url::parse(url.trim()).ok() else {
        return Err(not_console);
    };
    let labels = console_labels(&parsed, partition).ok_or(not_console.clone())?;
    let region = region_of(region, partition)?;
    let console_domain = partition.console_domain().ok_or(not_console.clone())?;

    match (verdict.kind, labels.as_slice()) {
        (Kind::GeneralSignin, []) => Ok(format!(
            "https://{code}.{console_domain}/console/home?region={code}",
            code = region.code()
        )),
        (Kind::ConsolePage, []) => {
            set_region_param(&mut parsed, region, true);
            Ok(parsed.into())
        }
        (Kind::ConsolePage, [label]) if Region::find_in(label, partition).is_some() => {
            set_host(&mut parsed, &format!("{}.{console_domain}", region.code()))?;
            set_region_param(&mut parsed, region, false);
            Ok(parsed.into())
        }
        (Kind::ConsolePage, [_service]) => {
            set_region_param(&mut parsed, region, true);
            Ok(parsed.into())
        }
        (Kind::ConsolePage, [session, _region]) => {
            set_host(
                &mut parsed,
                &format!("{session}.{}.{console_domain}", region.code()),
            )?;
            set_region_param(&mut parsed, region, false);
            Ok(parsed.into())
        }
        _ => Err(not_console),
    }
}

/// A multi-session console link (`ID-XXXXXXXX.REGION.console.aws.amazon.com/PATH`) as the same
/// page on `REGION.console.aws.amazon.com`, which works in any session; `None` for any other URL.
pub fn stable_console_url(url: &str) -> Option<String> {
    let verdict = classify(url);
    if verdict.kind != Kind::ConsolePage || verdict.canonical.is_none() {
        return None;
    }
    let partition = verdict.partition?;
    let region = verdict.region?;
    let parsed = plain_url::read(url.trim())?;
    match console_labels(&parsed, partition)?.as_slice() {
        // A multi-session host is always https; the stable form is too.
        [_session, _region] => parsed.https_with_host(&format!(
            "{}.{}",
            region.code(),
            partition.console_domain()?
        )),
        _ => None,
    }
}

/// The labels in front of the partition's console domain, if the URL's host is under it.
fn console_labels(url: &impl UrlParts, partition: Partition) -> Option<Vec<String>> {
    let host = url.host_str()?;
    let host = host.strip_suffix('.').unwrap_or(host);
    let domain = partition.console_domain()?;
    if host == domain {
        return Some(Vec::new());
    }
    let prefix = host.strip_suffix(domain)?.strip_suffix('.')?;
    Some(prefix.split('.').map(str::to_owned).collect())
}

/// The region for a code, which must belong to the page's partition.
fn region_of(code: &str, partition: Partition) -> Result<Region, ConsoleLinkError> {
    let region = Region::find(code)
        .ok_or_else(|| ConsoleLinkError::UnknownRegion(code.trim().to_owned()))?;
    if region.partition() != partition {
        return Err(ConsoleLinkError::RegionOfOtherPartition { region, partition });
    }
    Ok(region)
}

fn set_host(url: &mut Url, host: &str) -> Result<(), ConsoleLinkError> {
    url.set_host(Some(host))
        .map_err(|_| ConsoleLinkError::InvalidHost(host.to_owned()))
}

/// Replaces every top-level `region=` parameter by one for `region`, keeping the other
/// parameters byte for byte; adds it at the end when there was none and `add` is set.
fn set_region_param(url: &mut Url, region: Region, add: bool) {
    let param = format!("region={}", region.code());
    let mut pairs: Vec<String> = Vec::new();
    let mut replaced = false;
    for pair in url
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let key = pair.split('=').next().unwrap_or("");
        if key == "region" {
            if !replaced {
                pairs.push(param.clone());
                replaced = true;
            }
        } else {
            pairs.push(pair.to_owned());
        }
    }
    if !replaced {
        if !add {
            return;
        }
        pairs.push(param);
    }
    url.set_query(Some(&pairs.join("&")));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn switch(url: &str, region: &str) -> String {
        switch_console_region(url, region).expect("a console page")
    }

    #[test]
    fn regional_console_host_and_region_param_are_both_replaced() {
        assert_eq!(
            switch(
                "https://us-west-2.console.aws.amazon.com/console/home?region=us-west-2#",
                "eu-west-1"
            ),
            "https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1#"
        );
    }

    #[test]
    fn regional_console_host_without_region_param_gets_none_added() {
        assert_eq!(
            switch(
                "https://us-east-1.console.aws.amazon.com/route53/v2/home#Dashboard",
                "us-east-2"
            ),
            "https://us-east-2.console.aws.amazon.com/route53/v2/home#Dashboard"
        );
    }

    #[test]
    fn global_console_service_page_gets_a_region_param() {
        assert_eq!(
            switch(
                "https://console.aws.amazon.com/iam/home#/users",
                "us-east-2"
            ),
            "https://console.aws.amazon.com/iam/home?region=us-east-2#/users"
        );
    }

    #[test]
    fn service_console_host_keeps_other_params_in_order() {
        assert_eq!(
            switch(
                "https://s3.console.aws.amazon.com/s3/buckets/b?tab=objects&region=us-west-2&prefix=a%2Fb%2F",
                "eu-west-1"
            ),
            "https://s3.console.aws.amazon.com/s3/buckets/b?tab=objects&region=eu-west-1&prefix=a%2Fb%2F"
        );
    }

    #[test]
    fn repeated_region_params_become_one() {
        assert_eq!(
            switch(
                "https://console.aws.amazon.com/ec2/home?region=us-east-1&region=us-west-2",
                "eu-west-1"
            ),
            "https://console.aws.amazon.com/ec2/home?region=eu-west-1"
        );
    }

    #[test]
    fn multi_session_host_keeps_its_session_label() {
        assert_eq!(
            switch(
                "https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/console/home?region=us-east-1",
                "us-west-2"
            ),
            "https://123456789012-abcd1234.us-west-2.console.aws.amazon.com/console/home?region=us-west-2"
        );
    }

    #[test]
    fn general_signin_on_the_console_host_goes_to_the_regional_console_home() {
        assert_eq!(
            switch("https://console.aws.amazon.com/", "eu-central-2"),
            "https://eu-central-2.console.aws.amazon.com/console/home?region=eu-central-2"
        );
        assert_eq!(
            switch("https://console.amazonaws.cn/console/home", "cn-north-1"),
            "https://cn-north-1.console.amazonaws.cn/console/home?region=cn-north-1"
        );
    }

    #[test]
    fn china_console_page_switches_within_its_partition() {
        assert_eq!(
            switch(
                "https://cn-north-1.console.amazonaws.cn/ec2/home?region=cn-north-1",
                "CN-NORTHWEST-1"
            ),
            "https://cn-northwest-1.console.amazonaws.cn/ec2/home?region=cn-northwest-1"
        );
    }

    #[test]
    fn sign_in_pages_are_not_console_pages() {
        let err =
            switch_console_region("https://myalias.signin.aws.amazon.com/console", "us-east-1")
                .expect_err("rejected");
        assert_eq!(
            err.to_string(),
            "this is an account sign-in page, not an AWS console page, so it has no region to switch"
        );
        assert!(
            switch_console_region("https://signin.aws.amazon.com/console", "us-east-1").is_err()
        );
        assert_eq!(
            switch_console_region("https://example.com/", "us-east-1")
                .expect_err("rejected")
                .to_string(),
            "this is not an AWS console page, so it has no region to switch"
        );
        assert!(switch_console_region("not a url", "us-east-1").is_err());
    }

    #[test]
    fn lookalike_console_is_not_a_console_page() {
        let err =
            switch_console_region("https://console.aws.amazon.com.evil.example/", "us-east-1")
                .expect_err("rejected");
        assert_eq!(
            err,
            ConsoleLinkError::NotAConsolePage {
                kind: Kind::Lookalike
            }
        );
    }

    #[test]
    fn unknown_region_is_named() {
        let err = switch_console_region("https://console.aws.amazon.com/", "mars-central-1")
            .expect_err("rejected");
        assert_eq!(
            err.to_string(),
            "region \"mars-central-1\" is not a known AWS region"
        );
    }

    #[test]
    fn region_of_another_partition_is_refused() {
        let err = switch_console_region(
            "https://us-east-1.console.aws.amazon.com/console/home",
            "cn-north-1",
        )
        .expect_err("rejected");
        assert_eq!(
            err.to_string(),
            "region cn-north-1 belongs to partition aws-cn, but this console page is in aws"
        );
    }

    #[test]
    fn stable_console_url_drops_the_session_label() {
        assert_eq!(
            stable_console_url(
                "https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:"
            )
            .as_deref(),
            Some("https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:")
        );
    }

    #[test]
    fn stable_console_url_is_only_for_multi_session_links() {
        assert_eq!(
            stable_console_url("https://us-east-1.console.aws.amazon.com/ec2/home"),
            None
        );
        assert_eq!(
            stable_console_url("https://myalias.signin.aws.amazon.com/console"),
            None
        );
        assert_eq!(stable_console_url("junk"), None);
    }
}
