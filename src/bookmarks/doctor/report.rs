//! The doctor's report: findings grouped by kind, duplicates, and counts (stable JSON names).
//! It reads back from the same JSON (`read_back`), so the extension can hand a report back.

use super::read_back;
use crate::aws::account::Account;
use crate::aws::partition::Partition;
use crate::aws::regions::Region;
use crate::url::verdict::Kind;
use serde::{Deserialize, Serialize};

/// Why a bookmark needs attention. The order is the order of groups in a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A host made to look like AWS: possible phishing.
    Lookalike,
    /// A federation token or other credentials in the URL: a secret in a bookmark.
    SecretInUrl,
    /// A page of the sign-in flow, captured by accident (`signin_redirect`).
    CapturedRedirect,
    /// A multi-session console link, tied to one session.
    MultiSession,
    /// An account sign-in URL not in canonical form (http, case, trailing junk).
    NotCanonical,
    /// An account sign-in host whose label is no account ID or alias.
    InvalidAccountLabel,
}

impl FindingKind {
    /// Every kind, in report order.
    pub const ALL: [FindingKind; 6] = [
        FindingKind::Lookalike,
        FindingKind::SecretInUrl,
        FindingKind::CapturedRedirect,
        FindingKind::MultiSession,
        FindingKind::NotCanonical,
        FindingKind::InvalidAccountLabel,
    ];

    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Lookalike => "lookalike",
            FindingKind::SecretInUrl => "secret_in_url",
            FindingKind::CapturedRedirect => "captured_redirect",
            FindingKind::MultiSession => "multi_session",
            FindingKind::NotCanonical => "not_canonical",
            FindingKind::InvalidAccountLabel => "invalid_account_label",
        }
    }
}

impl std::fmt::Display for FindingKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something the person can do about a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// Replace the bookmark's URL by this one (title, folder and position stay).
    Replace {
        /// The new URL; it never holds a secret.
        url: String,
    },
    /// Delete the bookmark.
    Delete,
    /// Replace the URL by the sign-in URL of an account the person picks or types
    /// (see `fix_with_account`).
    ChooseAccount,
}

/// One bookmark that needs attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The bookmark's id as given (in a file: its index among the file's bookmarks).
    pub id: String,
    /// Why it needs attention.
    pub kind: FindingKind,
    /// The bookmark's title.
    pub title: String,
    /// The folders it is in, from the top.
    pub folder_path: Vec<String>,
    /// Its URL for display, with secrets redacted; the original is only carried by `id`.
    pub url: String,
    /// What the URL is, in the URL model's words.
    #[serde(deserialize_with = "read_back::kind")]
    pub url_kind: Kind,
    /// The URL's partition, where known.
    #[serde(deserialize_with = "read_back::partition")]
    pub partition: Option<Partition>,
    /// The account the URL names, where known.
    #[serde(deserialize_with = "read_back::account")]
    pub account: Option<Account>,
    /// The region the URL names, where known.
    #[serde(deserialize_with = "read_back::region")]
    pub region: Option<Region>,
    /// What is wrong, in plain words.
    pub message: String,
    /// What can be done; the first is the one proposed.
    pub actions: Vec<Action>,
    /// The line of the bookmark in a bookmark file; none for browser bookmarks.
    pub line: Option<usize>,
}

impl Finding {
    /// The proposed new URL, when the proposed action is a replacement.
    pub fn proposed_url(&self) -> Option<&str> {
        match self.actions.first() {
            Some(Action::Replace { url }) => Some(url),
            _ => None,
        }
    }
}

/// The findings of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingGroup {
    /// The kind shared by all findings of the group.
    pub kind: FindingKind,
    /// The findings, in the order the bookmarks were given.
    pub findings: Vec<Finding>,
}

/// A bookmark in a group of duplicates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateMember {
    /// The bookmark's id.
    pub id: String,
    /// The bookmark's title.
    pub title: String,
    /// The folders it is in, from the top.
    pub folder_path: Vec<String>,
    /// Its URL for display (redacted).
    pub url: String,
    /// The line in a bookmark file; none for browser bookmarks.
    pub line: Option<usize>,
    /// Whether this is the one proposed to keep (exactly one per group).
    pub keep: bool,
}

/// Several bookmarks that sign in to the same account the same way: keep one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateGroup {
    /// The sign-in URL they all lead to once normalised.
    pub url: String,
    /// The account.
    #[serde(deserialize_with = "read_back::some_account")]
    pub account: Account,
    /// The bookmarks, in the order given.
    pub bookmarks: Vec<DuplicateMember>,
}

/// Everything the doctor found in a set of bookmarks.
///
/// `total == fine + not_aws + needs_attention`; duplicates are counted in those too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Bookmarks looked at.
    pub total: usize,
    /// AWS bookmarks with nothing to fix (counted, not listed).
    pub fine: usize,
    /// Bookmarks that are not AWS sign-in or console URLs (never touched).
    pub not_aws: usize,
    /// Bookmarks with a finding.
    pub needs_attention: usize,
    /// Findings grouped by kind, in `FindingKind::ALL` order; kinds without findings left out.
    pub groups: Vec<FindingGroup>,
    /// Groups of bookmarks for the same account sign-in.
    pub duplicates: Vec<DuplicateGroup>,
}

impl Report {
    /// Every finding, group after group.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.groups.iter().flat_map(|g| g.findings.iter())
    }

    /// Whether nothing needs attention (no findings and no duplicates).
    pub fn is_clean(&self) -> bool {
        self.groups.is_empty() && self.duplicates.is_empty()
    }
}
