//! What the core says about one URL: its kind, account, region, canonical URL and warnings.

use crate::aws::account::Account;
use crate::aws::partition::Partition;
use crate::aws::regions::Region;
use crate::url::cloudtrail::CloudTrail;
use serde::Serialize;

/// What a URL is, in the spec's words (`account_signin`, `signin_redirect`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// `ACCOUNT.signin.DOMAIN`, any path: the URL to bookmark.
    AccountSignin,
    /// Sign-in without an account (`console.DOMAIN/`, `signin.DOMAIN/console`).
    GeneralSignin,
    /// A page of the sign-in flow that a bookmark captures by accident.
    SigninRedirect,
    /// `/federation?…`: carries a one-time SigninToken or temporary credentials.
    FederationToken,
    /// `signin.DOMAIN/switchrole?account=…`.
    SwitchRole,
    /// A console page after sign-in.
    ConsolePage,
    /// An IAM Identity Center access portal or its shortcut link.
    AccessPortal,
    /// A host made to look like an AWS sign-in or console host.
    Lookalike,
    /// Anything else, unparsable text included.
    Unrelated,
}

impl Kind {
    /// The spec's name, as in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::AccountSignin => "account_signin",
            Kind::GeneralSignin => "general_signin",
            Kind::SigninRedirect => "signin_redirect",
            Kind::FederationToken => "federation_token",
            Kind::SwitchRole => "switch_role",
            Kind::ConsolePage => "console_page",
            Kind::AccessPortal => "access_portal",
            Kind::Lookalike => "lookalike",
            Kind::Unrelated => "unrelated",
        }
    }

    /// Parses the spec's name of a kind.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Every kind.
    pub const ALL: [Kind; 9] = [
        Kind::AccountSignin,
        Kind::GeneralSignin,
        Kind::SigninRedirect,
        Kind::FederationToken,
        Kind::SwitchRole,
        Kind::ConsolePage,
        Kind::AccessPortal,
        Kind::Lookalike,
        Kind::Unrelated,
    ];
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A stable warning code; scripts and the extension match on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// A page of the sign-in flow, not an account's sign-in URL.
    CapturedRedirect,
    /// A federation URL: a one-time token or credentials in the URL.
    FederationToken,
    /// A host that imitates AWS.
    Lookalike,
    /// An account sign-in host whose label is neither an ID nor an alias.
    InvalidAccountLabel,
    /// `region=` names no region of this partition.
    UnknownRegion,
    /// The region must be enabled for the account before sign-in works there.
    OptInRegion,
    /// A multi-session console link, valid only for one browser session.
    MultiSession,
    /// An account sign-in URL that is not in its canonical form (http, case, extra path or query).
    NotCanonical,
}

impl WarningCode {
    /// The code as in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningCode::CapturedRedirect => "captured_redirect",
            WarningCode::FederationToken => "federation_token",
            WarningCode::Lookalike => "lookalike",
            WarningCode::InvalidAccountLabel => "invalid_account_label",
            WarningCode::UnknownRegion => "unknown_region",
            WarningCode::OptInRegion => "opt_in_region",
            WarningCode::MultiSession => "multi_session",
            WarningCode::NotCanonical => "not_canonical",
        }
    }
}

/// A warning: a stable code and a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// Stable machine-readable code.
    pub code: WarningCode,
    /// What is wrong and what to do, in plain words.
    pub message: String,
}

/// Everything the core decides about one URL. Field names are the spec's, for JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// The URL as given, with secrets redacted.
    pub input: String,
    /// What the URL is.
    pub kind: Kind,
    /// The partition of an AWS URL.
    pub partition: Option<Partition>,
    /// The account named by the URL (see the spec for where it may come from).
    pub account: Option<Account>,
    /// The region named by the host or a top-level `region=` parameter.
    pub region: Option<Region>,
    /// The account's canonical sign-in URL, where the account is the one signed in to.
    pub canonical: Option<String>,
    /// Whether a bookmark of this URL keeps working; `None` for unrelated URLs.
    pub bookmark_safe: Option<bool>,
    /// Where CloudTrail logs a sign-in through this URL, for account sign-in URLs.
    pub cloudtrail: Option<CloudTrail>,
    /// Warnings, most important first.
    pub warnings: Vec<Warning>,
}

impl Verdict {
    /// Whether a warning with this code is present.
    pub fn has_warning(&self, code: WarningCode) -> bool {
        self.warnings.iter().any(|w| w.code == code)
    }
}
