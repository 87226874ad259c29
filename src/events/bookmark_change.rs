//! A bookmark created or edited (`bookmarks.onCreated`, `onChanged`): its warning, when its URL is
//! unsafe to keep, unless it is a change the extension announced itself (an Undo puts the old URL
//! back on purpose).

use crate::bookmarks::doctor::no_team;
use crate::bookmarks::fix::bookmark_fix;
use crate::events::page_report::TabNotice;
use crate::events::words::{bookmark_headline, sentence, WhichBookmark};
use crate::tab::known_accounts::KnownAccounts;
use crate::tab::page_view::{page_view, Badge, NoticeLevel, PageContext};
use crate::tab::read_stored::read_by_hand;
use crate::url::classify::classify;
use crate::url::redact::redact;
use crate::url::verdict::Kind;
use serde::{Deserialize, Serialize};

/// A bookmark change the extension announced before making it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExpectedChange {
    /// The bookmark's id, for an update; `None` for one re-created in `parent_id`.
    #[serde(default)]
    pub id: Option<String>,
    /// The folder of a re-created bookmark.
    #[serde(default)]
    pub parent_id: Option<String>,
    /// Its URL, redacted.
    pub url: String,
    /// Until when it is awaited (an announced change that never came expires).
    pub until_ms: f64,
}

read_by_hand!(ExpectedChange {
    id: or_default,
    parent_id: or_default,
    url: required,
    until_ms: required,
});

/// A bookmark change the worker is about to make, as it announces it (`expectedBookmarkChanges`):
/// awaited from when it is announced.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AnnouncedChange {
    /// The bookmark's id, for an update; `None` for one re-created in `parent_id`.
    #[serde(default)]
    pub id: Option<String>,
    /// The folder of a re-created bookmark.
    #[serde(default)]
    pub parent_id: Option<String>,
    /// Its URL, as it will be (redacted when stored).
    pub url: String,
}

read_by_hand!(AnnouncedChange {
    id: or_default,
    parent_id: or_default,
    url: required
});

impl From<AnnouncedChange> for ExpectedChange {
    fn from(change: AnnouncedChange) -> ExpectedChange {
        ExpectedChange {
            id: change.id,
            parent_id: change.parent_id,
            url: change.url,
            until_ms: 0.0,
        }
    }
}

/// How long an announced bookmark change is awaited, in milliseconds.
pub const EXPECTED_CHANGE_MS: f64 = 120_000.0;

/// The changes the extension is about to make, as stored: URLs redacted, with their expiry.
pub fn expected_changes(
    pending: &[ExpectedChange],
    changes: &[ExpectedChange],
    now_ms: f64,
) -> Vec<ExpectedChange> {
    let mut next: Vec<ExpectedChange> = pending
        .iter()
        .filter(|c| c.until_ms > now_ms)
        .cloned()
        .collect();
    next.extend(changes.iter().map(|c| ExpectedChange {
        url: redact(&c.url),
        until_ms: now_ms + EXPECTED_CHANGE_MS,
        ..c.clone()
    }));
    next
}

/// The facts of one bookmark change.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct BookmarkChangeFacts {
    /// The bookmark's id.
    pub id: String,
    /// Its folder, for a created bookmark.
    #[serde(default)]
    pub parent_id: Option<String>,
    /// Its URL (none for a folder).
    #[serde(default)]
    pub url: Option<String>,
    /// Its title.
    #[serde(default)]
    pub title: String,
    /// The known accounts.
    #[serde(default)]
    pub known: KnownAccounts,
    /// The changes the extension announced (as stored).
    #[serde(default)]
    pub expected: Vec<ExpectedChange>,
    /// Whether the in-page notice is on.
    #[serde(default)]
    pub notice_on: bool,
    /// Now, in milliseconds since the epoch.
    #[serde(default)]
    pub now_ms: f64,
    /// The ids of the bookmarks the active tab was offered to fix (`TabState::offered`), when
    /// there is an active tab to tell.
    #[serde(default)]
    pub active_tab_offered: Option<Vec<String>>,
}

read_by_hand!(BookmarkChangeFacts {
    id: required,
    parent_id: or_default,
    url: or_default,
    title: or_default,
    known: or_default,
    expected: or_default,
    notice_on: or_default,
    now_ms: or_default,
    active_tab_offered: or_default,
});

/// The warning kept for the popup until resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BookmarkWarning {
    /// The bookmark's id.
    pub id: String,
    /// Its title, redacted.
    pub title: String,
    /// What its URL is.
    pub kind: Kind,
    /// Its URL, redacted.
    pub input: String,
    /// The warning's headline.
    pub headline: String,
    /// What is wrong, as a sentence.
    pub message: String,
    /// When it was saved.
    pub time_ms: f64,
}

/// What the worker shows and stores for a bookmark change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BookmarkChange {
    /// The warning to keep, when the bookmark is unsafe (and not a change the extension announced).
    pub warning: Option<BookmarkWarning>,
    /// The global badge to show with it.
    pub badge: Option<Badge>,
    /// The notice for the active tab, when notices are on and there is one.
    pub notice: Option<TabNotice>,
    /// The active tab's offered bookmark ids after this notice (when it offers a fix).
    pub active_tab_offered: Option<Vec<String>>,
    /// The announced changes to store, when this change used one up (or some expired).
    pub expected: Option<Vec<ExpectedChange>>,
}

/// Decides what a bookmark change means.
pub fn bookmark_change(facts: &BookmarkChangeFacts) -> BookmarkChange {
    let quiet = BookmarkChange {
        warning: None,
        badge: None,
        notice: None,
        active_tab_offered: None,
        expected: None,
    };
    let Some(url) = facts.url.as_deref() else {
        return quiet;
    };
    let verdict = classify(url);
    if verdict.bookmark_safe != Some(false) {
        return quiet;
    }
    let redacted = redact(url);
    let pending: Vec<&ExpectedChange> = facts
        .expected
        .iter()
        .filter(|c| c.until_ms > facts.now_ms)
        .collect();
    let announced = pending.iter().position(|c| {
        c.url == redacted
            && (c.id.as_deref() == Some(facts.id.as_str())
                || (c.id.is_none() && facts.parent_id.is_some() && c.parent_id == facts.parent_id))
    });
    if let Some(at) = announced {
        let mut rest: Vec<ExpectedChange> = pending.into_iter().cloned().collect();
        rest.remove(at);
        return BookmarkChange {
            expected: Some(rest),
            ..quiet
        };
    }
    let headline = bookmark_headline(verdict.kind, WhichBookmark::Saved);
    let message = sentence(
        verdict
            .warnings
            .first()
            .map(|w| w.message.as_str())
            .unwrap_or_default(),
    );
    let title = redact(&facts.title);
    let context = PageContext {
        known: facts.known.clone(),
        ..PageContext::default()
    };
    let badge = page_view(url, &context).badge;
    // Whether a fix exists does not depend on the team (its links only replace sign-in URLs).
    let fixable = matches!(
        bookmark_fix(url, &facts.known, None, &no_team()),
        Ok(Some(_))
    );
    let tab = facts
        .active_tab_offered
        .as_ref()
        .filter(|_| facts.notice_on);
    let notice = tab.map(|_| TabNotice {
        level: NoticeLevel::Warning,
        headline: headline.clone(),
        detail: format!("“{title}”: {message}"),
        canonical: None,
        fix: fixable.then(|| facts.id.clone()),
        settings: false,
    });
    BookmarkChange {
        warning: Some(BookmarkWarning {
            id: facts.id.clone(),
            title,
            kind: verdict.kind,
            input: verdict.input,
            headline,
            message,
            time_ms: facts.now_ms,
        }),
        badge: Some(badge),
        active_tab_offered: tab.zip(notice.as_ref().and_then(|n| n.fix.clone())).map(
            |(offered, id)| {
                let mut state = crate::events::tab_state::TabState {
                    offered: offered.clone(),
                    ..Default::default()
                };
                state.offer(&id);
                state.offered
            },
        ),
        notice,
        expected: None,
    }
}
