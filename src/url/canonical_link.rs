//! The canonical sign-in URL behind a link (for the context menu's "copy canonical link"), or a
//! sentence saying why the link has none.

use crate::url::classify::classify;
use crate::url::links::canonical_url;
use crate::url::verdict::{Kind, WarningCode};
use serde::Serialize;

/// The answer for one link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CanonicalLink {
    /// The account's canonical sign-in URL, when the link names the account signed in to.
    pub url: Option<String>,
    /// What the URL is, or why there is none; a sentence for people.
    pub message: String,
}

/// The canonical sign-in URL of a link, or why there is none.
pub fn canonical_link(link: &str) -> CanonicalLink {
    let verdict = classify(link);
    let warning = |code: WarningCode| {
        verdict
            .warnings
            .iter()
            .find(|w| w.code == code)
            .map(|w| w.message.clone())
    };
    if let (Some(url), Some(account)) = (&verdict.canonical, &verdict.account) {
        return CanonicalLink {
            url: Some(url.clone()),
            message: format!("The canonical sign-in URL of account {account}"),
        };
    }
    let message = match verdict.kind {
        Kind::AccountSignin => match warning(WarningCode::InvalidAccountLabel) {
            Some(why) => format!("This link names no valid account: {why}"),
            None => "This link names no valid account".to_owned(),
        },
        Kind::SigninRedirect => "This link is a sign-in redirect; it names no account".to_owned(),
        Kind::FederationToken => match (&verdict.account, verdict.partition) {
            (Some(account), Some(partition)) => {
                return CanonicalLink {
                    url: Some(canonical_url(account, partition)),
                    message: format!(
                        "This link carries a one-time federation token (a secret: don't share \
                         it); here is the sign-in URL of account {account} instead"
                    ),
                }
            }
            _ => "This link carries a one-time federation token (a secret: don't share it); \
                  it names no account"
                .to_owned(),
        },
        Kind::GeneralSignin => {
            "This link is the general AWS sign-in page; it names no account".to_owned()
        }
        Kind::SwitchRole => match &verdict.account {
            Some(target) => format!(
                "This is a switch-role link; account {target} is the role's target, not the \
                 account you sign in to"
            ),
            None => "This is a switch-role link; it names no account to sign in to".to_owned(),
        },
        Kind::ConsolePage => "This console link names no account".to_owned(),
        Kind::AccessPortal => {
            "This is an IAM Identity Center access portal link; bookmark the portal itself"
                .to_owned()
        }
        Kind::Lookalike => match warning(WarningCode::Lookalike) {
            Some(why) => format!("This is not an AWS link: {why}"),
            None => "This is not an AWS link".to_owned(),
        },
        Kind::Unrelated => "This is not an AWS sign-in or console link".to_owned(),
    };
    CanonicalLink { url: None, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_link_gives_its_canonical_url() {
        let link =
            canonical_link("http://MyAlias.signin.aws.amazon.com/console/s3?region=eu-west-1");
        assert_eq!(
            link.url.as_deref(),
            Some("https://myalias.signin.aws.amazon.com/console")
        );
        assert_eq!(link.message, "The canonical sign-in URL of account myalias");
    }

    #[test]
    fn multi_session_console_link_gives_its_accounts_canonical_url() {
        let link = canonical_link(
            "https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/console/home",
        );
        assert_eq!(
            link.url.as_deref(),
            Some("https://123456789012.signin.aws.amazon.com/console")
        );
    }

    #[test]
    fn redirect_link_names_no_account() {
        let link = canonical_link("https://signin.aws.amazon.com/oauth?x=1");
        assert_eq!(link.url, None);
        assert_eq!(
            link.message,
            "This link is a sign-in redirect; it names no account"
        );
    }

    #[test]
    fn switch_role_target_is_not_offered() {
        let link = canonical_link(
            "https://signin.aws.amazon.com/switchrole?account=123456789012&roleName=R",
        );
        assert_eq!(link.url, None);
        assert!(
            link.message.contains("the role's target"),
            "{}",
            link.message
        );
    }

    #[test]
    fn invalid_label_says_why() {
        let link = canonical_link("https://my--alias.signin.aws.amazon.com/console");
        assert_eq!(link.url, None);
        assert!(link.message.contains("two hyphens"), "{}", link.message);
    }

    #[test]
    fn lookalike_and_unrelated_links_have_none() {
        let lookalike = canonical_link("https://signin.aws.amazon.com@evil.example/console");
        assert_eq!(lookalike.url, None);
        assert!(lookalike.message.starts_with("This is not an AWS link"));
        let unrelated = canonical_link("https://example.com/");
        assert_eq!(
            unrelated.message,
            "This is not an AWS sign-in or console link"
        );
        assert_eq!(canonical_link("").url, None);
    }

    #[test]
    fn federation_link_on_an_account_host_gives_that_accounts_url() {
        let link = canonical_link(
            "https://myalias.signin.aws.amazon.com/federation?Action=login&SigninToken=X",
        );
        assert_eq!(
            link.url.as_deref(),
            Some("https://myalias.signin.aws.amazon.com/console")
        );
        assert!(link.message.contains("one-time federation token"));
    }

    #[test]
    fn every_other_kind_has_a_message() {
        for link in [
            "https://console.aws.amazon.com/",
            "https://console.aws.amazon.com/iam/home",
            "https://d-1234567890.awsapps.com/start",
            "https://signin.aws.amazon.com/federation?Action=login&SigninToken=X",
        ] {
            let answer = canonical_link(link);
            assert_eq!(answer.url, None, "{link}");
            assert!(answer.message.starts_with("This "), "{link}");
        }
    }
}
