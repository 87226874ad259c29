//! The words the extension's pages, its in-page notice, its worker and the web page (`www/`) show
//! of their own (buttons, statuses, labels, the sentences that say what happened), by name, one
//! table per part; the glue fills in a template's `{placeholders}` and shows the text as it is.

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

/// A part of the extension or of the web page that shows words of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The in-page notice's buttons and labels, and the worker's replies to them (the worker
    /// sends them with every notice: the content script has no core of its own).
    Notice,
    /// The toolbar button's title of its own (while access to the AWS sites is missing).
    Badge,
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
    /// The storage problems the worker and the pages record, and the box that shows them.
    Problems,
    /// The record of bookmark fixes (the doctor's batches and the single fix): why one is refused.
    Journal,
    /// The settings page's accounts section (the organisation's and the person's own).
    Team,
    /// The toolbar popup.
    Popup,
    /// The settings page.
    Options,
    /// The lookalike warning page.
    Warning,
    /// The bookmark doctor page.
    Doctor,
    /// The web page's URL checker and sign-in link maker (`www/app.js`), and the file doctor's
    /// status while its tools load, in the core package: the page shows them before it loads
    /// anything else.
    WebChecker,
    /// The web page's bookmark file doctor (`www/bookmark-file.js`), in the tools package it
    /// loads on first use. The words it shares with the extension's doctor are the same entries
    /// (`DOCTORS`), so both doctors say them alike.
    WebFileDoctor,
}

impl Part {
    /// Every part.
    pub const ALL: [Part; 16] = [
        Part::Notice,
        Part::Badge,
        Part::Worker,
        Part::BookmarkFix,
        Part::Launcher,
        Part::RegionPicker,
        Part::SiteAccess,
        Part::Problems,
        Part::Journal,
        Part::Team,
        Part::Popup,
        Part::Options,
        Part::Warning,
        Part::Doctor,
        Part::WebChecker,
        Part::WebFileDoctor,
    ];

    /// The web page's parts (`www/`), which the tools package serves (`webPageWords`).
    pub const WEB_PAGE: [Part; 2] = [Part::WebChecker, Part::WebFileDoctor];

    /// The part as the glue names it (`notice`, `bookmark-fix`, …).
    pub fn name(self) -> &'static str {
        match self {
            Part::Notice => "notice",
            Part::Badge => "badge",
            Part::Worker => "worker",
            Part::BookmarkFix => "bookmark-fix",
            Part::Launcher => "launcher",
            Part::RegionPicker => "region-picker",
            Part::SiteAccess => "site-access",
            Part::Problems => "problems",
            Part::Journal => "journal",
            Part::Team => "team",
            Part::Popup => "popup",
            Part::Options => "options",
            Part::Warning => "warning",
            Part::Doctor => "doctor",
            Part::WebChecker => "web-checker",
            Part::WebFileDoctor => "web-file-doctor",
        }
    }

    /// The part of that name.
    pub fn from_name(name: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|part| part.name() == name)
    }

    /// The web page's part of that name (`None` for the extension's parts).
    pub fn web_page_part(name: &str) -> Option<Part> {
        Part::WEB_PAGE.into_iter().find(|part| part.name() == name)
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

const BADGE: &[(&str, &str)] = &[(
    "no_access",
    "Sign-in Guard cannot see AWS pages: click to allow access",
)];

const WORKER: &[(&str, &str)] = &[
    (
        "offscreen_why",
        "Copy the canonical sign-in URL chosen from the context menu",
    ),
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

/// The end of every sentence about a save that failed.
macro_rules! not_saved_end {
    () => {
        "Your other saved data is unchanged; if the browser's storage is full, free some space."
    };
}

const PROBLEMS: &[(&str, &str)] = &[
    ("dismiss", "Dismiss"),
    (
        "not_read",
        "Sign-in Guard could not read its saved data ({error}).",
    ),
    (
        "not_saved_session",
        concat!(
            "Sign-in Guard could not save this tab's state ({error}). ",
            not_saved_end!()
        ),
    ),
    (
        "not_saved_local",
        concat!(
            "Sign-in Guard could not save your settings ({error}). ",
            not_saved_end!()
        ),
    ),
    (
        "not_removed",
        "Sign-in Guard could not remove saved data ({error}).",
    ),
    (
        "journal_not_saved",
        "Sign-in Guard could not save the record of bookmark fixes ({error}).",
    ),
    // A stored list that was unreadable, by its storage key.
    (
        "reset_favourite_regions",
        "Your favourite regions could not be read and were reset; nothing else was changed.",
    ),
    (
        "reset_recent_regions",
        "Your recent regions could not be read and were reset; nothing else was changed.",
    ),
    (
        "reset_recent_launches",
        "Your recent accounts could not be read and were reset; nothing else was changed.",
    ),
    (
        "reset_favourite_launches",
        "Your favourite accounts could not be read and were reset; nothing else was changed.",
    ),
];

const JOURNAL: &[(&str, &str)] = &[
    (
        "deleted_since",
        "Some of these bookmarks were deleted since the scan. Nothing was changed: scan again.",
    ),
    (
        "changed_since",
        "“{title}” was changed since the scan. Nothing was changed: scan again.",
    ),
    ("a_bookmark", "A bookmark"),
    (
        "not_recorded",
        "Nothing was changed: Sign-in Guard could not save the record it needs to undo the change.",
    ),
    (
        "no_batch",
        "This batch is no longer in the record: it was undone or forgotten.",
    ),
    ("not_restored", "could not be restored"),
];

const TEAM: &[(&str, &str)] = &[
    ("accounts_one", "{n} account"),
    ("accounts_other", "{n} accounts"),
    ("profiles_one", "{n} profile"),
    ("profiles_other", "{n} profiles"),
    ("field_display_name", "display name"),
    ("field_color", "colour"),
    ("field_default_region", "default region"),
    ("not_shown", "Sign-in Guard could not show the accounts: {error}"),
    // What the organisation configured.
    (
        "not_managed",
        "No configuration from your organisation: the accounts below are your own.",
    ),
    (
        "managed",
        "Your organisation manages {accounts} through the browser's policy{since}. ",
    ),
    ("in_force_since", " (in force since {when})"),
    (
        "locked",
        "Their names, colours and default regions are set by your organisation.",
    ),
    (
        "unlocked",
        "You may change their display name, colour and default region for yourself.",
    ),
    (
        "managed_note",
        "Managed by your organisation: read-only here. To change them, ask the person who manages \
         the browser policy.",
    ),
    ("the_one_from", "the one from {when}"),
    ("none_in_force", "none"),
    (
        "unusable",
        "Your organisation's newest configuration cannot be used, so {when} is in force:",
    ),
    ("warning_mark", " (warning)"),
    // The accounts.
    ("source_and_yours", "{source}; your {fields}"),
    ("edit", "Edit"),
    ("edit_label", "Edit {name}"),
    ("reset", "Reset"),
    ("reset_label", "Use your organisation's values for {name}"),
    ("remove", "Remove"),
    ("remove_label", "Remove {name}"),
    ("display_name", "Display name"),
    ("colour", "Colour (#rrggbb)"),
    ("default_region", "Default region"),
    ("no_region", "None"),
    ("save", "Save"),
    ("cancel", "Cancel"),
    ("saved", "Saved {name}."),
    ("was_reset", "{name} uses your organisation's values again."),
    ("removed", "Removed {name} from your accounts."),
    (
        "own_not_allowed",
        "Your organisation does not allow accounts of your own.",
    ),
    (
        "none_yet",
        "None yet: add one, or import the accounts of your ~/.aws/config.",
    ),
    ("hidden", "{label} ({account}) is not listed: {why}."),
    ("ignored", "Your {field} for {account} is not used: {why}."),
    // Adding, importing, exporting.
    ("added_first", "Added {accounts} ({names})"),
    ("added", "added {accounts} ({names})"),
    ("updated_first", "Updated {names}"),
    ("updated", "updated {names}"),
    ("unchanged_first", "{names} already there"),
    ("unchanged", "{names} already there"),
    ("changes", "{changes}."),
    ("nothing_to_add", "Nothing to add."),
    ("format_aesr", "AWS Extend Switch Roles configuration"),
    ("format_config", "AWS config file"),
    ("import_summary", "{accounts} from {profiles} of an {format}."),
    ("column_name", "Name"),
    ("column_account", "Account ID"),
    ("column_region", "Region"),
    ("column_roles", "Roles"),
    ("column_portal", "Portal"),
    ("secrets_skipped", "Secrets were skipped: "),
    (
        "secrets_not_kept",
        "these were not imported and are not kept (only the key names are shown).",
    ),
    ("secret_at", "[{profile}] (line {line}): {keys}"),
    (
        "secrets_clear",
        "Consider clearing them from the text box and from where you copied them.",
    ),
    ("problem_at", "Line {line}: {message}"),
    ("add_one", "Add this account to your accounts"),
    ("add_other", "Add these {n} accounts to your accounts"),
    (
        "exported_accounts",
        "Exported {n} accounts as signin-guard-accounts.json.",
    ),
    (
        "exported_bookmarks",
        "Exported the sign-in bookmarks as aws-accounts.html: import it in any browser's bookmarks \
         manager.",
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
    (
        "permission_webNavigation",
        "Browsing activity (webNavigation)",
    ),
    (
        "purpose_bookmarks",
        concat!("To ", bookmarks_purpose!(), "."),
    ),
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

/// The words both bookmark doctors show alike: the extension's (`Part::Doctor`) and the web
/// page's file doctor (`Part::WebFileDoctor`). One entry each, so the two never drift apart.
const DOCTORS: &[(&str, &str)] = &[
    // Counts, by the plural category `Intl.PluralRules` names (`one`, `other`).
    ("bookmarks_one", "{n} bookmark"),
    ("bookmarks_other", "{n} bookmarks"),
    ("signins_one", "{n} sign-in"),
    ("signins_other", "{n} sign-ins"),
    ("addresses_one", "{n} address"),
    ("addresses_other", "{n} addresses"),
    ("fine_one", "{n} AWS bookmark is fine"),
    ("fine_other", "{n} AWS bookmarks are fine"),
    (
        "not_aws_one",
        "{n} other bookmark is not AWS (never changed)",
    ),
    (
        "not_aws_other",
        "{n} other bookmarks are not AWS (never changed)",
    ),
    // The summary of a scan or of a file read.
    ("nothing_to_fix", "nothing to fix"),
    ("to_fix", "{bookmarks} to fix"),
    ("more_than_once", " and {signins} bookmarked more than once"),
    ("summary_rest", "; {fine}, {not_aws}."),
    // Groups and rows.
    ("no_title", "(no title)"),
    ("top_level", "(top level)"),
    ("account_placeholder", "12-digit ID or alias"),
    ("account_for", "Account for “{title}”"),
    ("what_to_do", "What to do with “{title}”"),
    ("now", "Now"),
    ("deleted", "Deleted"),
    ("keep", " Keep"),
    ("kept_fate", "kept"),
    ("deleted_fate", "deleted"),
    ("duplicates_title", "{account}: {bookmarks}"),
    ("duplicates_members", "Bookmarks of {account}"),
];

/// The extension's bookmark doctor page's own words (with `DOCTORS`).
const DOCTOR: &[(&str, &str)] = &[
    // Counts, by the plural category `Intl.PluralRules` names (`one`, `other`).
    ("folders_one", "{n} folder"),
    ("folders_other", "{n} folders"),
    ("items_one", "{n} item"),
    ("items_other", "{n} items"),
    ("changes_one", "{n} change"),
    ("changes_other", "{n} changes"),
    // The summary of a scan.
    ("scanned", "Scanned {bookmarks} in {folders}: "),
    (
        "access_refused",
        "Bookmark access was not allowed, so the doctor cannot read your bookmarks. Everything \
         else keeps working.",
    ),
    ("not_read", "The bookmarks could not be read: {error}"),
    // Groups and rows.
    ("select_group", " Select all {count} in this group"),
    ("group_selected", "{count} selected"),
    ("show_more", "Show {count} more ({rest} not shown)"),
    ("after", "After"),
    ("fix_row", "Fix…"),
    ("fix_one_label", "Fix “{title}”…"),
    ("type_account", "Type or pick an account"),
    ("keep_label", "Keep “{title}”"),
    ("duplicates_keep", "Keep one, delete the other {bookmarks}"),
    ("duplicates_fix_label", "Fix the duplicates of {account}…"),
    // Selection, preview and apply.
    ("selected", "{items} selected"),
    ("nothing_selected", "Nothing selected"),
    ("not_checked", "The selection could not be checked: {error}"),
    (
        "preview_problems",
        "Fix what is marked below (or leave those bookmarks out) before applying: nothing is \
         changed until then.",
    ),
    (
        "preview_summary",
        "{replaced} will get a new address and {deleted} will be deleted. Names, folders and \
         positions stay. You can undo this as one batch.",
    ),
    ("apply", "Apply"),
    ("apply_changes", "Apply {changes}"),
    ("quoted", "“{title}”"),
    (
        "not_changed",
        " {bookmarks} could not be changed: {titles}.",
    ),
    ("fixed", "Fixed {bookmarks}.{failed} "),
    ("undo", "Undo"),
    // The history of batches.
    ("batch", "{addresses} replaced, {bookmarks} deleted"),
    ("undo_label", "Undo the fixes of {when}"),
    ("undone", "Undone: {bookmarks} restored.{notes}"),
    ("undone_notes", " {notes}."),
    ("note_failed", "“{title}” {message}"),
    ("last_undone", "The last batch was undone."),
    ("forget_again", "Click again to forget (no undo after that)"),
    ("forget_records", "Forget these records"),
    ("forgotten", "The records are forgotten."),
    ("not_forgotten", "The records could not be removed."),
    (
        "exported",
        "Exported the findings as {format} (addresses redacted).",
    ),
];

const WEB_CHECKER: &[(&str, &str)] = &[
    ("paste_urls", "Paste at least one URL."),
    ("checked_one", "{n} URL checked."),
    ("checked_other", "{n} URLs checked."),
    // Whether a bookmark of the URL keeps working.
    ("keeps_working", "Yes"),
    ("stops_working", "No"),
    // The sign-in link maker.
    ("no_region", "None: AWS chooses"),
    ("region", "{name} ({code})"),
    ("region_opt_in", "{name} ({code}), opt-in"),
    ("copied", "Copied."),
    ("press_copy", "Selected: press Ctrl+C (⌘C) to copy."),
    // The file doctor's status while its tools package loads: said before that package is there.
    ("reading_file", "Reading {name}…"),
];

/// The web page's file doctor's own words (with `DOCTORS`).
const WEB_FILE_DOCTOR: &[(&str, &str)] = &[
    // Counts, by the plural category `Intl.PluralRules` names (`one`, `other`).
    ("places_one", "{n} place"),
    ("places_other", "{n} places"),
    ("findings_one", "{n} finding"),
    ("findings_other", "{n} findings"),
    ("more_bookmarks_one", "{n} more bookmark"),
    ("more_bookmarks_other", "{n} more bookmarks"),
    ("choices_one", "{n} choice"),
    ("choices_other", "{n} choices"),
    ("chosen_fixes_one", "{n} chosen fix"),
    ("chosen_fixes_other", "{n} chosen fixes"),
    // Reading the file (`Part::WebChecker`'s `reading_file` says it while the tools load).
    (
        "not_a_bookmarks_file",
        "{name} cannot be read as a bookmarks file: {error}.",
    ),
    ("file_total", "{name}: {bookmarks}; "),
    (
        "sloppy",
        " The file's markup is sloppy in {places}, read anyway: {notes}.",
    ),
    ("note_at", "line {line}: {message}"),
    ("read", "{name} read: {findings}."),
    ("listed_below", "{findings} listed below"),
    // Groups and rows.
    ("group_title", "{title} ({count})"),
    ("show_more", "Show more ({rest} not shown)"),
    ("at_line", "line {line}"),
    ("new", "New"),
    ("type_account", "Type the account"),
    ("kept_as_it_is", "kept as it is"),
    ("fixed_fate", "fixed"),
    (
        "duplicates_what",
        "What to do with the bookmarks of {account}",
    ),
    ("keep_all", "Keep them all"),
    (
        "delete_others",
        "Keep one (chosen below), delete the others",
    ),
    ("keep_label", "Keep “{title}”, line {line}"),
    (
        "duplicates_hidden",
        "…and {bookmarks} of this sign-in, deleted with the others when you keep one.",
    ),
    // The fixed file.
    (
        "choices_changed",
        "Your choices changed: the download makes the fixed file again.",
    ),
    ("not_made", "The fixed file could not be made: {error}"),
    (
        "fix_choices_first",
        "Nothing was changed: fix the {choices} listed below first.",
    ),
    ("left_as_it_is", "Left as it is: {why}"),
    (
        "not_written",
        " {fixes} cannot be written in this file (listed).",
    ),
    ("first_listed", " The first {count} are listed."),
    (
        "ready",
        "The fixed file is ready: {addresses} fixed and {bookmarks} deleted; every other byte is \
         as it was.{not_written}{first_listed}",
    ),
];

/// A table of words: `(name, words)`.
pub type Table = &'static [(&'static str, &'static str)];

/// The tables a part's words are in (more than one where parts share words), for a boundary that
/// sets them one by one instead of through a map (`ui_words`).
pub fn tables(part: Part) -> &'static [Table] {
    match part {
        Part::Notice => &[NOTICE],
        Part::Badge => &[BADGE],
        Part::Worker => &[WORKER],
        Part::BookmarkFix => &[BOOKMARK_FIX],
        Part::Launcher => &[LAUNCHER],
        Part::RegionPicker => &[REGION_PICKER],
        Part::SiteAccess => &[SITE_ACCESS],
        Part::Problems => &[PROBLEMS],
        Part::Journal => &[JOURNAL],
        Part::Team => &[TEAM],
        Part::Popup => &[POPUP],
        Part::Options => &[OPTIONS],
        Part::Warning => &[WARNING],
        Part::Doctor => &[DOCTORS, DOCTOR],
        Part::WebChecker => &[WEB_CHECKER],
        Part::WebFileDoctor => &[DOCTORS, WEB_FILE_DOCTOR],
    }
}

/// The words of a part, by name.
pub fn ui_words(part: Part) -> BTreeMap<&'static str, &'static str> {
    tables(part)
        .iter()
        .flat_map(|table| table.iter().copied())
        .collect()
}

/// The notice's words as a table of `(name, words)` (`ui_words(Part::Notice)`), without the
/// other parts' tables: the wake package holds only these and the badge's.
pub fn notice_table() -> &'static [(&'static str, &'static str)] {
    NOTICE
}

/// The toolbar button's words as a table (`ui_words(Part::Badge)`), without the other parts'.
pub fn badge_table() -> &'static [(&'static str, &'static str)] {
    BADGE
}

/// The web page's checker's words as a table (`ui_words(Part::WebChecker)`), without the other
/// parts': the core package (and so the wake package) holds only these.
pub fn web_checker_table() -> &'static [(&'static str, &'static str)] {
    WEB_CHECKER
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

    fn by_name(table: Table) -> BTreeMap<&'static str, &'static str> {
        table.iter().copied().collect()
    }

    #[test]
    fn the_wake_and_core_words_are_their_parts() {
        assert_eq!(by_name(notice_table()), ui_words(Part::Notice));
        assert_eq!(by_name(badge_table()), ui_words(Part::Badge));
        assert_eq!(by_name(web_checker_table()), ui_words(Part::WebChecker));
    }

    #[test]
    fn the_two_doctors_say_their_shared_words_alike() {
        let doctor = ui_words(Part::Doctor);
        let file_doctor = ui_words(Part::WebFileDoctor);
        for (name, words) in DOCTORS {
            assert_eq!(doctor[name], *words, "{name}");
            assert_eq!(file_doctor[name], *words, "{name}");
        }
        // A word the file doctor says as the extension's doctor does is in `DOCTORS`, not copied.
        for (name, words) in WEB_FILE_DOCTOR {
            assert!(
                !DOCTOR.contains(&(name, words)),
                "{name} is in both doctors' own tables: move it to DOCTORS"
            );
        }
    }

    #[test]
    fn the_web_page_parts_are_the_web_page_parts() {
        for part in Part::ALL {
            let web = part.name().starts_with("web-");
            assert_eq!(Part::web_page_part(part.name()).is_some(), web, "{part:?}");
        }
        assert_eq!(Part::web_page_part("doctor"), None);
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
            let entries: usize = tables(part).iter().map(|table| table.len()).sum();
            assert_eq!(words.len(), entries, "{part:?} names a word twice");
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
    fn counts_come_in_both_plural_categories() {
        for part in Part::ALL {
            let words = ui_words(part);
            for name in words.keys() {
                if let Some(counted) = name.strip_suffix("_one") {
                    let other = format!("{counted}_other");
                    assert!(words.contains_key(other.as_str()), "{part:?}.{other}");
                }
                if let Some(counted) = name.strip_suffix("_other") {
                    let one = format!("{counted}_one");
                    assert!(words.contains_key(one.as_str()), "{part:?}.{one}");
                }
            }
        }
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
