//! The words people read about kinds of URL and about bookmarks, in one place: the extension's
//! notices and popup and the web page take them from here.

use crate::url::verdict::Kind;
use serde::Serialize;

/// A kind in words, as the popup and the web page name it.
pub fn kind_in_words(kind: Kind) -> &'static str {
    match kind {
        Kind::AccountSignin => "Account sign-in page",
        Kind::GeneralSignin => "General AWS sign-in page (no account)",
        Kind::SigninRedirect => "Page of the sign-in flow (not a sign-in URL to keep)",
        Kind::FederationToken => "Federation link with a one-time sign-in token",
        Kind::SwitchRole => "Switch-role link",
        Kind::ConsolePage => "AWS console page",
        Kind::AccessPortal => "IAM Identity Center access portal",
        Kind::Lookalike => "Page imitating AWS (possible phishing)",
        Kind::Unrelated => "Not an AWS sign-in or console page",
    }
}

/// Every kind's name and words, for pages that list them (`www/`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindWords {
    /// The spec's name (`account_signin`, …).
    pub kind: Kind,
    /// What people read.
    pub words: &'static str,
}

/// Every kind with its words, in the spec's order.
pub fn all_kind_words() -> Vec<KindWords> {
    Kind::ALL
        .into_iter()
        .map(|kind| KindWords {
            kind,
            words: kind_in_words(kind),
        })
        .collect()
}

/// Which bookmark a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhichBookmark {
    /// The one the tab was opened from.
    Opened,
    /// The one just saved or edited.
    Saved,
}

/// The headline of a warning about a bookmark of a URL of this kind.
pub fn bookmark_headline(kind: Kind, which: WhichBookmark) -> String {
    let which = match which {
        WhichBookmark::Opened => "The bookmark you opened",
        WhichBookmark::Saved => "The bookmark you just saved",
    };
    match kind {
        Kind::FederationToken => format!("{which} holds a one-time sign-in token"),
        Kind::Lookalike => format!("{which} points at a page that imitates AWS"),
        _ => format!("{which} points at a sign-in redirect"),
    }
}

/// `text` as a sentence: the core's warning messages have no final full stop.
pub fn sentence(text: &str) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.ends_with(['.', '!', '?']) {
        trimmed.to_owned()
    } else {
        format!("{trimmed}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_once() {
        for (text, expected) in [
            ("", ""),
            ("  ", ""),
            ("A token", "A token."),
            ("A token.", "A token."),
            ("Stop!", "Stop!"),
            (" Why? ", "Why?"),
        ] {
            assert_eq!(sentence(text), expected, "{text:?}");
        }
    }

    #[test]
    fn every_kind_has_words_of_its_own() {
        let words = all_kind_words();
        assert_eq!(words.len(), Kind::ALL.len());
        let distinct: std::collections::BTreeSet<_> = words.iter().map(|w| w.words).collect();
        assert_eq!(distinct.len(), words.len());
    }

    #[test]
    fn bookmark_headlines_name_the_bookmark_and_the_danger() {
        for (kind, which, expected) in [
            (
                Kind::FederationToken,
                WhichBookmark::Opened,
                "The bookmark you opened holds a one-time sign-in token",
            ),
            (
                Kind::Lookalike,
                WhichBookmark::Saved,
                "The bookmark you just saved points at a page that imitates AWS",
            ),
            (
                Kind::SigninRedirect,
                WhichBookmark::Opened,
                "The bookmark you opened points at a sign-in redirect",
            ),
        ] {
            assert_eq!(bookmark_headline(kind, which), expected);
        }
    }
}
