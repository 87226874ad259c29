//! The doctor's words: each group's heading and what it means, and the choices a finding offers,
//! for the extension's doctor page (browser bookmarks) and the web page's file doctor (a file).

use super::report::FindingKind;
use serde::Serialize;
use std::collections::BTreeMap;

/// Where the bookmarks are: what a person can do differs (a browser's bookmark can be matched to
/// an account the browser knows; a file's only to one typed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// The browser's own bookmarks (the extension's doctor page).
    Browser,
    /// An exported bookmarks file (the web page).
    File,
}

impl Surface {
    /// `browser` or `file`, as the pages name it.
    pub fn from_name(name: &str) -> Option<Surface> {
        match name {
            "browser" => Some(Surface::Browser),
            "file" => Some(Surface::File),
            _ => None,
        }
    }
}

/// A group's heading and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GroupWords {
    /// The heading.
    pub title: &'static str,
    /// What the group's bookmarks have in common and what to do with them.
    pub explain: &'static str,
}

/// Every word a doctor page shows of its own: the groups by finding kind (`duplicates` for the
/// duplicates' group) and the choices by action name (`keep`, `replace`, `delete`,
/// `choose_account`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DoctorWords {
    /// Each group's words, by the kind's JSON name, and `duplicates`.
    pub groups: BTreeMap<&'static str, GroupWords>,
    /// Each choice's words, by the action's JSON name.
    pub actions: BTreeMap<&'static str, &'static str>,
}

/// A group's words.
pub fn group_words(kind: FindingKind, surface: Surface) -> GroupWords {
    let (title, explain) = match kind {
        FindingKind::Lookalike => (
            "Pages imitating AWS",
            "Possible phishing: these addresses only look like AWS sign-in pages. Delete them.",
        ),
        FindingKind::SecretInUrl => (
            "Secrets in bookmarks",
            "A one-time sign-in token or temporary credentials are part of these addresses \
             (shown redacted). Delete them, or replace them with the sign-in URL.",
        ),
        FindingKind::CapturedRedirect => (
            "Sign-in pages saved mid-flow",
            match surface {
                Surface::Browser => {
                    "Pages of the sign-in flow, bookmarked by accident: they break. Replace them \
                     with the account's sign-in URL (pick or type the account; your team's \
                     accounts get their team links), or the general sign-in page."
                }
                Surface::File => {
                    "Pages of the sign-in flow, bookmarked by accident: they break. Replace them \
                     with the general sign-in page, or type the account to use its sign-in URL."
                }
            },
        ),
        FindingKind::MultiSession => (
            "Console links tied to one session",
            "Multi-session console links stop working when that session ends; the same page \
             without the session in its address works in any session.",
        ),
        FindingKind::NotCanonical => (
            "Account sign-in URLs to tidy",
            match surface {
                Surface::Browser => {
                    "http, capital letters, extra characters or a page of the sign-in flow: \
                     replaced with the account's canonical sign-in URL, or, for an account your \
                     team signs in to through its access portal or by switching role, with its \
                     team link."
                }
                Surface::File => {
                    "http, capital letters or extra characters: replaced with the account's \
                     canonical sign-in URL."
                }
            },
        ),
        FindingKind::InvalidAccountLabel => (
            "No valid account in the address",
            "The address names no valid account ID or alias: type the account it is for, or \
             delete it.",
        ),
    };
    GroupWords { title, explain }
}

/// The duplicates' group's words.
pub fn duplicates_words(surface: Surface) -> GroupWords {
    GroupWords {
        title: "The same sign-in bookmarked more than once",
        explain: match surface {
            Surface::Browser => {
                "These bookmarks all lead to the same account's sign-in page. Keep one; the \
                 others are deleted."
            }
            Surface::File => {
                "These bookmarks all lead to the same account's sign-in page. Keep one and \
                 delete the others, or keep them all."
            }
        },
    }
}

/// Every word a doctor page of `surface` shows of its own.
pub fn doctor_words(surface: Surface) -> DoctorWords {
    let mut groups: BTreeMap<&'static str, GroupWords> = FindingKind::ALL
        .into_iter()
        .map(|kind| (kind.as_str(), group_words(kind, surface)))
        .collect();
    groups.insert("duplicates", duplicates_words(surface));
    let choose_account = match surface {
        Surface::Browser => "Use the sign-in URL of an account I pick or type",
        Surface::File => "Use the sign-in URL of an account I type",
    };
    let replace = match surface {
        Surface::Browser => "Replace with the URL shown",
        Surface::File => "Fix: use the new address",
    };
    let actions = BTreeMap::from([
        ("keep", "Keep as it is"),
        ("replace", replace),
        ("delete", "Delete the bookmark"),
        ("choose_account", choose_account),
    ]);
    DoctorWords { groups, actions }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_and_the_duplicates_have_words_on_both_surfaces() {
        for surface in [Surface::Browser, Surface::File] {
            let words = doctor_words(surface);
            for kind in FindingKind::ALL {
                let group = words.groups[kind.as_str()];
                assert!(
                    !group.title.is_empty() && group.explain.ends_with('.'),
                    "{kind}"
                );
            }
            assert!(words.groups.contains_key("duplicates"));
            assert_eq!(words.groups.len(), FindingKind::ALL.len() + 1);
        }
    }

    #[test]
    fn every_action_a_finding_offers_has_words() {
        // The JSON names of `Action`'s variants, as findings carry them.
        for action in [
            super::super::Action::Replace { url: String::new() },
            super::super::Action::Delete,
            super::super::Action::ChooseAccount,
        ] {
            let json = serde_json::to_value(&action).expect("an action serialises");
            let name = json["action"]
                .as_str()
                .expect("tagged by `action`")
                .to_owned();
            for surface in [Surface::Browser, Surface::File] {
                assert!(
                    doctor_words(surface).actions.contains_key(name.as_str()),
                    "{name} ({json})"
                );
            }
        }
    }

    #[test]
    fn surfaces_are_named_as_the_pages_name_them() {
        assert_eq!(Surface::from_name("browser"), Some(Surface::Browser));
        assert_eq!(Surface::from_name("file"), Some(Surface::File));
        assert_eq!(Surface::from_name("File"), None);
    }
}
