//! The URL model: decides what an AWS sign-in or console URL is (spec: shared url-model.md).
use crate::verdict::{Kind, Verdict};

/// Classifies one URL, given as typed, bookmarked or seen in the address bar.
pub fn classify(input: &str) -> Verdict {
    Verdict {
        input: crate::redact::redact(input),
        kind: Kind::Unrelated,
        partition: None,
        account: None,
        region: None,
        canonical: None,
        bookmark_safe: None,
        cloudtrail: None,
        warnings: Vec::new(),
    }
}
