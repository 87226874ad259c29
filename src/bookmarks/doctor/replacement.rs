//! The URLs a bad bookmark is replaced by: sign-in URLs and the stable form of a console link.

use crate::aws::partition::Partition;
use crate::url::links;
use crate::url::plain_url::{self, UrlParts};
use crate::url::verdict::Verdict;

/// The account's canonical sign-in URL when the verdict names an account, else the general
/// sign-in URL of its partition (`aws` when unknown).
pub(crate) fn signin_url(verdict: &Verdict) -> String {
    let partition = verdict.partition.unwrap_or(Partition::Aws);
    match (&verdict.canonical, &verdict.account) {
        (Some(canonical), _) => canonical.clone(),
        (None, Some(account)) => links::canonical_url(account, partition),
        (None, None) => partition.general_signin_url().unwrap_or_else(|| {
            // An isolated partition: no general sign-in page is known, only the regional sign-in
            // endpoint of botocore's rules (`https://{Region}.signin.DOMAIN`).
            match verdict.region {
                Some(region) => format!("https://{}.{}/", region.code(), partition.signin_domain()),
                None => format!("https://{}/", partition.signin_domain()),
            }
        }),
    }
}

/// An account sign-in URL in canonical form, keeping what the canonical form allows of the
/// original: a console service (`/console/s3`) and a valid region pin (`?region=…`).
pub(crate) fn canonical_account_url(verdict: &Verdict, url: &str) -> Option<String> {
    let canonical = verdict.canonical.as_ref()?;
    let service = plain_url::read(url.trim()).and_then(|u| {
        let path = u.path().to_ascii_lowercase();
        let service = path
            .strip_prefix("/console/")?
            .trim_end_matches('/')
            .to_owned();
        let valid = !service.is_empty()
            && service
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        valid.then_some(service)
    });
    let mut out = canonical.clone();
    if let Some(service) = service {
        out.push('/');
        out.push_str(&service);
    }
    if let Some(region) = verdict.region {
        out.push_str("?region=");
        out.push_str(region.code());
    }
    Some(out)
}

// The stable form of a multi-session console link is the extension's too: one definition.
pub use crate::url::console_links::stable_console_url;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::classify::classify;

    #[test]
    fn multi_session_link_keeps_path_query_and_fragment() {
        assert_eq!(
            stable_console_url(
                "https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:"
            )
            .as_deref(),
            Some("https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:")
        );
        assert_eq!(
            stable_console_url("https://us-east-1.console.aws.amazon.com/"),
            None
        );
    }

    #[test]
    fn canonical_account_url_keeps_service_and_region_pin() {
        let url = "http://MyAlias.signin.aws.amazon.com/console/S3/?region=eu-west-1";
        let verdict = classify(url);
        assert_eq!(
            canonical_account_url(&verdict, url).as_deref(),
            Some("https://myalias.signin.aws.amazon.com/console/s3?region=eu-west-1")
        );
    }

    #[test]
    fn region_pin_of_another_partition_is_dropped() {
        let url = "https://myalias.signin.aws.amazon.com/console?region=cn-north-1";
        let verdict = classify(url);
        assert_eq!(
            canonical_account_url(&verdict, url).as_deref(),
            Some("https://myalias.signin.aws.amazon.com/console")
        );
    }
}
