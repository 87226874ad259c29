//! The words the extension's pages, its in-page notice and its worker show of their own (buttons,
//! statuses, labels, the sentences that say what happened), by name, one table per part; the glue
//! fills in a template's `{placeholders}` and shows the text as it is.

use std::collections::BTreeMap;

/// What bookmark access lets Sign-in Guard do (a macro, so the sentences below can hold it).
macro_rules! bookmarks_purpose {
    () => {
        "find and fix bookmarks that point at a sign-in redirect, and bookmark sign-in URLs"
    };
}

/// What the browsing-activity permission lets Sign-in Guard do.
macro_rules! navigation_purpose {
    () => {
        "see the address a navigation to an AWS sign-in site started at, so that a bookmark of a \
         sign-in redirect is recognised before AWS redirects it; and, with lookalike protection \
         on, check the address of every page you open"
    };
}

/// What access to the AWS sites lets Sign-in Guard do.
macro_rules! sites_purpose {
    () => {
        "show which account an AWS sign-in or console page is for, its sign-in URL to bookmark, \
         and warnings about sign-in redirects"
    };
}

/// A part of the extension that shows words of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The in-page notice's buttons and labels, and the worker's replies to them (the worker
    /// sends them with every notice: the content script has no core of its own).
    Notice,
    /// The worker's own: the context menu, the copy notices, the omnibox.
    Worker,
    /// A single bookmark's fix and its undo (the notice's and the popup's).
    BookmarkFix,
    /// The popup's and the omnibox's account launcher.
    Launcher,
    /// The popup's region picker.
    RegionPicker,
    /// The box that asks again for access to the AWS sites (popup and settings page).
    SiteAccess,
    /// The toolbar popup.
    Popup,
    /// The settings page.
    Options,
    /// The lookalike warning page.
    Warning,
    /// The bookmark doctor page.
    Doctor,
}

impl Part {
    /// Every part.
    pub const ALL: [Part; 10] = [
        Part::Notice,
        Part::Worker,
        Part::BookmarkFix,
        Part::Launcher,
        Part::RegionPicker,
        Part::SiteAccess,
        Part::Popup,
        Part::Options,
        Part::Warning,
        Part::Doctor,
    ];

    /// The part as the glue names it (`notice`, `bookmark-fix`, …).
    pub fn name(self) -> &'static str {
        match self {
            Part::Notice => "notice",
            Part::Worker => "worker",
            Part::BookmarkFix => "bookmark-fix",
            Part::Launcher => "launcher",
            Part::RegionPicker => "region-picker",
            Part::SiteAccess => "site-access",
            Part::Popup => "popup",
            Part::Options => "options",
            Part::Warning => "warning",
            Part::Doctor => "doctor",
        }
    }

    /// The part of that name.
    pub fn from_name(name: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|part| part.name() == name)
    }
}

const NOTICE: &[(&str, &str)] = &[
    ("region", "Sign-in Guard"),
    ("dismiss", "Dismiss"),
    ("copy", "Copy"),
    ("copied", "Copied."),
    ("press_copy", "Press Ctrl+C to copy."),
    ("fix", "Fix this bookmark"),
    ("undo", "Undo"),
    ("settings", "Open settings"),
    ("no_answer", "No answer; try again."),
    (
        "not_offered",
        "Sign-in Guard did not offer to fix that bookmark in this tab.",
    ),
    (
        "needs_bookmarks",
        concat!(
            "Sign-in Guard needs bookmark access to ",
            bookmarks_purpose!(),
            "."
        ),
    ),
];

const WORKER: &[(&str, &str)] = &[
    ("menu_copy", "Copy canonical AWS sign-in URL"),
    ("copied", "Copied the canonical sign-in URL"),
    ("copy_failed", "Could not copy to the clipboard"),
    ("no_canonical", "No canonical sign-in URL"),
    ("copied_badge", "Copied {url}"),
    ("omnibox_open", "Open {url}"),
    (
        "omnibox_hint",
        "Type an account and a region, e.g. prod eu-west-1",
    ),
];

const BOOKMARK_FIX: &[(&str, &str)] = &[
    (
        "not_needed",
        "This bookmark already opens a sign-in URL that keeps working.",
    ),
    ("not_changed", "The bookmark was not changed: {why}."),
    ("refused", "the browser refused"),
    ("fixed", "Fixed: “{title}” now opens {url}."),
    ("no_undo", "There is no fix of this bookmark to undo."),
    ("undone", "Undone: “{title}” opens its old address again."),
    ("not_restored", "“{title}” could not be restored"),
    ("not_undone", "Not undone: {why}."),
];

const LAUNCHER: &[(&str, &str)] = &[("no_match", "No account matches.")];

const REGION_PICKER: &[(&str, &str)] = &[
    ("no_match", "No region matches."),
    ("favourite", "Favourite"),
    ("favourite_mark", " favourite"),
    ("recent_mark", "recent"),
    ("opt_in_mark", "opt-in"),
    (
        "opt_in_title",
        "Opt-in region: it must be enabled for the account first",
    ),
    ("favourite_of", "Favourite: {name}"),
    ("unfavourite_title", "Remove {name} from favourites"),
    ("favourite_title", "Add {name} to favourites"),
    ("the_region", "the region"),
    ("switch", "Switch this tab to {name} ({code})"),
];

const SITE_ACCESS: &[(&str, &str)] = &[
    ("heading", "Sign-in Guard cannot see AWS pages"),
    (
        "explain",
        concat!(
            "It needs access to the AWS sign-in and console sites to ",
            sites_purpose!(),
            ". The browser's settings withhold it now. Sign-in Guard reads those pages on this \
             computer and sends nothing anywhere."
        ),
    ),
    ("which_sites", "Which sites"),
    ("allow", "Allow access to AWS sites"),
    (
        "allowed",
        "Access allowed. Reload open AWS pages to see the notice.",
    ),
    (
        "refused",
        "Access was not allowed. The region list and the settings keep working; AWS pages get no \
         notice.",
    ),
];

const POPUP: &[(&str, &str)] = &[
    ("suggested", "the URL Sign-in Guard suggests"),
    ("account_url", "the sign-in URL of {account}"),
    (
        "no_address",
        "Sign-in Guard cannot see this page's address. Click the toolbar button while the page is \
         open to check it.",
    ),
    ("copied", "Copied."),
    (
        "copy_failed",
        "Could not copy; select the address and press Ctrl+C.",
    ),
    (
        "needs_bookmarks",
        concat!(
            "Sign-in Guard needs bookmark access to ",
            bookmarks_purpose!(),
            ". Everything else works without it."
        ),
    ),
    ("already_bookmarked", "Already bookmarked as “{title}”."),
    ("bookmark_title_of", "AWS sign-in: {label}"),
    ("bookmark_title", "AWS sign-in"),
    ("bookmarked", "Bookmarked as “{title}”."),
    ("bookmark_failed", "Could not bookmark it: {error}"),
    ("redirect_started", "It started at {url}. "),
    (
        "redirect_bookmark",
        "Your bookmark “{title}” holds that address. ",
    ),
    (
        "redirect_fix",
        "Fix it to open {url} instead (same name, folder and position).",
    ),
    (
        "redirect_access",
        concat!(
            "With bookmark access Sign-in Guard can ",
            bookmarks_purpose!(),
            "."
        ),
    ),
    (
        "access_refused",
        "Bookmark access was not granted; everything else keeps working.",
    ),
    ("general_signin", "None: the general sign-in page"),
    (
        "choose_account",
        "Choose an account first: Sign-in Guard knows none for this page.",
    ),
    ("opened_new_tab", "Opened {url} in a new tab."),
    ("opened", "Opened {url}."),
    ("switched", "Switched the tab to {name}."),
];

const OPTIONS: &[(&str, &str)] = &[
    ("permission_bookmarks", "Bookmarks"),
    ("permission_webNavigation", "Browsing activity (webNavigation)"),
    ("purpose_bookmarks", concat!("To ", bookmarks_purpose!(), ".")),
    (
        "purpose_webNavigation",
        concat!("To ", navigation_purpose!(), "."),
    ),
    ("feature_bookmarks", "Bookmark protection"),
    ("feature_lookalike", "Lookalike protection"),
    ("feature_in_use", "{feature} (on)"),
    (
        "feature_refused",
        "{feature} is not on: the permission was not granted. Everything else keeps working.",
    ),
    ("feature_on", "{feature} is on."),
    ("feature_off", "{feature} is off."),
    ("granted", "Granted"),
    ("not_granted", "Not granted"),
    ("recent_cleared", "Recent regions cleared."),
    ("recent_not_cleared", "Could not clear the recent regions."),
    ("forget", "Forget"),
    ("forget_label", "Forget {name}"),
    ("forgot", "Forgot {name}."),
    ("forget_all", "Forget all accounts"),
    ("forget_all_again", "Click again to forget every account"),
    (
        "forget_all_confirm",
        "Click “Forget all accounts” again to confirm.",
    ),
    ("all_forgotten", "All known accounts are forgotten."),
    ("remove_favourite", "Remove {name} from favourites"),
    (
        "no_favourites",
        "None yet: star a region in the popup, or add one here.",
    ),
    ("favourite_added", "Added {code} to the favourites."),
    ("favourite_removed", "Removed {code} from the favourites."),
];

const WARNING: &[(&str, &str)] = &[(
    "not_known",
    "The page this warning was about is no longer known; go back to continue.",
)];

const DOCTOR: &[(&str, &str)] = &[];

/// The table of a part.
fn table(part: Part) -> &'static [(&'static str, &'static str)] {
    match part {
        Part::Notice => NOTICE,
        Part::Worker => WORKER,
        Part::BookmarkFix => BOOKMARK_FIX,
        Part::Launcher => LAUNCHER,
        Part::RegionPicker => REGION_PICKER,
        Part::SiteAccess => SITE_ACCESS,
        Part::Popup => POPUP,
        Part::Options => OPTIONS,
        Part::Warning => WARNING,
        Part::Doctor => DOCTOR,
    }
}

/// The words of a part, by name.
pub fn ui_words(part: Part) -> BTreeMap<&'static str, &'static str> {
    table(part).iter().copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of a template's `{placeholders}`, or `None` when its braces do not pair.
    fn placeholders(text: &str) -> Option<Vec<&str>> {
        let mut names = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let close = after.find('}')?;
            let name = &after[..close];
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return None;
            }
            names.push(name);
            rest = &after[close + 1..];
        }
        (!rest.contains('}')).then_some(names)
    }

    #[test]
    fn every_part_is_named_as_the_glue_names_it() {
        for part in Part::ALL {
            assert_eq!(Part::from_name(part.name()), Some(part));
        }
        assert_eq!(Part::from_name("Popup"), None);
    }

    #[test]
    fn no_name_twice_and_no_empty_words() {
        for part in Part::ALL {
            let words = ui_words(part);
            assert_eq!(words.len(), table(part).len(), "{part:?} names a word twice");
            for (name, text) in words {
                assert!(!text.trim().is_empty(), "{part:?}.{name}");
            }
        }
    }

    #[test]
    fn templates_pair_their_braces() {
        for part in Part::ALL {
            for (name, text) in ui_words(part) {
                assert!(placeholders(text).is_some(), "{part:?}.{name}: {text}");
            }
        }
        assert_eq!(placeholders("Open {url}."), Some(vec!["url"]));
        assert_eq!(placeholders("Open {url."), None);
        assert_eq!(placeholders("Open url}."), None);
    }

    #[test]
    fn the_purposes_are_said_once_and_alike() {
        let notice = ui_words(Part::Notice);
        let popup = ui_words(Part::Popup);
        let options = ui_words(Part::Options);
        for text in [
            notice["needs_bookmarks"],
            popup["needs_bookmarks"],
            popup["redirect_access"],
            options["purpose_bookmarks"],
        ] {
            assert!(text.contains(bookmarks_purpose!()), "{text}");
        }
        assert_eq!(
            notice["needs_bookmarks"],
            "Sign-in Guard needs bookmark access to find and fix bookmarks that point at a \
             sign-in redirect, and bookmark sign-in URLs."
        );
    }
}
