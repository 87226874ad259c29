//! A page report (the content script's `page` message, and the popup describing a tab): the tab's
//! view, badge and notice with its words, the accounts to remember and the state to store, from
//! the facts the worker read, in one answer.
//!
//! The headline decision is here: a tab whose flow began at a URL unsafe to bookmark (a captured
//! sign-in redirect, a federation token) arrived through it, most likely from a bookmark.

use crate::bookmarks::fix::bookmark_fix;
use crate::events::tab_state::{OfferedBookmark, TabState};
use crate::events::words::{bookmark_headline, sentence, WhichBookmark};
use crate::tab::known_accounts::{KnownAccounts, LoadedKnownAccounts};
use crate::tab::navigation_flow::{follow_navigations, merge_noted, Flow};
use crate::tab::page_view::{page_view, Badge, NoticeLevel, PageContext, PageView};
use crate::tab::read_stored::read_by_hand;
use crate::tab::team_context::TeamContext;
use crate::tab::user_info::parse_user_info;
use crate::url::classify::classify;
use crate::url::redact::redact;
use crate::url::verdict::Verdict;
use serde::{Deserialize, Serialize};

/// What the extension asks bookmark access for, in the words of the notice.
const ASK_BOOKMARK_ACCESS: &str =
    " To find and fix a bookmark of it, allow bookmark access in the settings.";

/// A bookmark the glue found at the tab's page's URL, or at a noted navigation's URL when it was
/// noted (`Navigation::bookmark_ids`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct FoundBookmark {
    /// The browser's id.
    pub id: String,
    /// Its title.
    #[serde(default)]
    pub title: String,
    /// Its URL (as the bookmark holds it).
    pub url: String,
}

read_by_hand!(FoundBookmark {
    id: required,
    title: or_default,
    url: required
});

/// What the worker knows when a page reports (or the popup asks about a tab).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct PageFacts {
    /// The tab's URL, as the browser reports it (never as the page says).
    pub url: String,
    /// The page itself reported: `user_info` is its cookie; else the one last seen in the tab.
    #[serde(default)]
    pub from_page: bool,
    /// The page's raw `aws-userInfo` cookie.
    #[serde(default)]
    pub user_info: Option<String>,
    /// The tab's stored state.
    #[serde(default)]
    pub state: TabState,
    /// The accounts this browser knows, as stored: read leniently (what is unreadable is dropped,
    /// and the report says so in `known_unreadable`), so the worker loads them in this one call.
    #[serde(default)]
    pub known: LoadedKnownAccounts,
    /// The organisation's configuration and the person's accounts.
    #[serde(default)]
    pub team: TeamContext,
    /// Whether the in-page notice is on.
    #[serde(default)]
    pub notice_on: bool,
    /// Whether the extension may read bookmarks.
    #[serde(default)]
    pub bookmarks_allowed: bool,
    /// The bookmarks at the tab's page's URL and those noted with its navigations.
    #[serde(default)]
    pub bookmarks: Vec<FoundBookmark>,
    /// Now, in milliseconds since the epoch (when an account is remembered).
    #[serde(default)]
    pub now_ms: f64,
}

read_by_hand!(PageFacts {
    url: required,
    from_page: or_default,
    user_info: or_default,
    state: or_default,
    known: or_default,
    team: or_default,
    notice_on: or_default,
    bookmarks_allowed: or_default,
    bookmarks: or_default,
    now_ms: or_default,
});

/// The in-page notice, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TabNotice {
    /// How loud it is.
    pub level: NoticeLevel,
    /// One short sentence.
    pub headline: String,
    /// What it means and what to do.
    pub detail: String,
    /// The canonical sign-in URL to offer (copy), if any.
    pub canonical: Option<String>,
    /// The id of the bookmark "Fix this bookmark" fixes, if any.
    pub fix: Option<String>,
    /// Whether to offer the settings (to allow bookmark access).
    pub settings: bool,
}

/// Where the tab's flow began, when that is a URL unsafe to bookmark other than the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Redirect {
    /// The flow's first URL, redacted.
    pub url: String,
    /// What it is.
    pub verdict: Verdict,
}

/// Everything the worker shows and stores for a page report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageReport {
    /// The page's own view.
    pub view: PageView,
    /// The notice for the page; `None` when there is none or notices are off.
    pub notice: Option<TabNotice>,
    /// The tab's toolbar badge.
    pub badge: Badge,
    /// Whether the toolbar icon warns.
    pub alarming: bool,
    /// The known accounts after remembering the one the page names, if it names one.
    pub remember: Option<KnownAccounts>,
    /// The tab's state to store.
    pub state: TabState,
    /// Where the tab's flow began, when that is unsafe to bookmark and not the page.
    pub redirect: Option<Redirect>,
    /// The tab was opened at a URL unsafe to bookmark (the flow's first, or the page's own).
    pub opened_unsafe: bool,
    /// The bookmark that holds that URL, when found.
    pub bookmark: Option<OfferedBookmark>,
    /// When some of the stored known accounts were unreadable: the readable ones, to store in
    /// their place, and what was dropped (a problem to record).
    pub known_unreadable: Option<LoadedKnownAccounts>,
}

/// Decides everything about a page report.
pub fn page_report(facts: &PageFacts) -> PageReport {
    let known = &facts.known.known;
    let mut state = facts.state.clone();
    // The navigations since the last report: the core says which flow the tab is in now.
    let after = follow_navigations(state.flow.take(), &merge_noted(&state.navigations));
    state.navigations.clear();
    if after.restarted {
        state.dismissed = false;
        state.origin_bookmark = None;
    }
    // As noted (redacted; raw in a state stored before navigations were noted so) when the flow
    // began in these navigations; redacted as stored otherwise.
    let first = after.flow.as_ref().and_then(|f| f.first_url.clone());
    state.flow = after.flow.map(|flow| Flow {
        first_url: flow.first_url.as_deref().map(redact),
    });

    let user_info = if facts.from_page {
        facts.user_info.clone()
    } else {
        state.user_info.clone()
    };
    let context = PageContext {
        user_info: user_info.clone(),
        known: known.clone(),
        team: facts.team.clone(),
    };
    let view = page_view(&facts.url, &context);
    let page = redact(&facts.url);

    let elsewhere = first.as_deref().filter(|first| redact(first) != page);
    let redirect = elsewhere.and_then(|first| {
        let url = redact(first);
        let verdict = classify(&url);
        (verdict.bookmark_safe == Some(false)).then_some(Redirect { url, verdict })
    });
    let landed_unsafe = elsewhere.is_none() && view.verdict.bookmark_safe == Some(false);
    // The URL a bookmark may hold: where this navigation started, if that is unsafe to bookmark.
    let opened = match (&redirect, elsewhere) {
        (Some(_), Some(first)) => Some(first),
        _ if landed_unsafe => Some(facts.url.as_str()),
        _ => None,
    };
    if let Some(opened) = opened.filter(|_| facts.bookmarks_allowed) {
        // Compared redacted: the noted navigation's URL is, the bookmark's is not.
        let opened_redacted = redact(opened);
        let found = facts
            .bookmarks
            .iter()
            .find(|b| redact(&b.url) == opened_redacted);
        if let Some(found) = found {
            state.origin_bookmark = Some(OfferedBookmark {
                id: found.id.clone(),
                title: redact(&found.title),
                replacement: bookmark_fix(opened, known, None, &facts.team.read().accounts)
                    .ok()
                    .flatten()
                    .map(|fix| fix.replacement),
            });
        }
    }
    let bookmark = opened
        .filter(|_| facts.bookmarks_allowed)
        .and(state.origin_bookmark.clone());

    let notice = if facts.notice_on {
        notice(
            &view,
            redirect.as_ref(),
            opened.is_some(),
            bookmark.as_ref(),
            facts.bookmarks_allowed,
            state.dismissed,
        )
    } else {
        None
    };
    if let Some(id) = notice.as_ref().and_then(|n| n.fix.as_deref()) {
        state.offer(id);
    }

    let badge = match &redirect {
        Some(redirect) => {
            let context = PageContext {
                known: known.clone(),
                ..PageContext::default()
            };
            page_view(&redirect.url, &context).badge
        }
        None => view.badge.clone(),
    };
    let alarming = redirect.is_some()
        || view
            .notice
            .as_ref()
            .is_some_and(|n| n.level != NoticeLevel::Info);

    let remember = if facts.from_page {
        remembered(&view, user_info.as_deref(), known, facts.now_ms)
    } else {
        None
    };
    if facts.from_page {
        state.url = Some(page);
        state.user_info = user_info;
    }
    PageReport {
        opened_unsafe: opened.is_some(),
        view,
        notice,
        badge,
        alarming,
        remember,
        state,
        redirect,
        bookmark,
        known_unreadable: facts.known.error.is_some().then(|| facts.known.clone()),
    }
}

/// The notice: the page's own, or the warning that the tab arrived through a sign-in redirect (from
/// a bookmark, when found). Once dismissed in a flow, only warnings and dangers come back.
fn notice(
    view: &PageView,
    redirect: Option<&Redirect>,
    opened_unsafe: bool,
    bookmark: Option<&OfferedBookmark>,
    bookmarks_allowed: bool,
    dismissed: bool,
) -> Option<TabNotice> {
    let (level, headline, detail, show_canonical) = match redirect.filter(|_| !dismissed) {
        Some(redirect) => (
            NoticeLevel::Warning,
            match bookmark {
                Some(_) => bookmark_headline(redirect.verdict.kind, WhichBookmark::Opened),
                None => "You arrived through a sign-in redirect".to_owned(),
            },
            redirect
                .verdict
                .warnings
                .first()
                .map(|w| w.message.clone())
                .unwrap_or_default(),
            true,
        ),
        None => {
            let own = view.notice.as_ref()?;
            (
                own.level,
                own.headline.clone(),
                own.detail.clone(),
                own.show_canonical,
            )
        }
    };
    if dismissed && level == NoticeLevel::Info {
        return None;
    }
    // Without bookmark access the extension cannot look for the bookmark: say so.
    let settings = opened_unsafe && !bookmarks_allowed;
    let mut detail = sentence(&detail);
    if settings {
        detail.push_str(ASK_BOOKMARK_ACCESS);
    }
    Some(TabNotice {
        level,
        headline,
        detail,
        canonical: view.canonical.clone().filter(|_| show_canonical),
        fix: bookmark
            .filter(|b| b.replacement.is_some())
            .map(|b| b.id.clone()),
        settings,
    })
}

/// The known accounts with the page's account remembered, when the page itself names it (its URL
/// or the console's cookie), not when it is a guess from the known accounts.
fn remembered(
    view: &PageView,
    user_info: Option<&str>,
    known: &KnownAccounts,
    now_ms: f64,
) -> Option<KnownAccounts> {
    let named = view.verdict.account.is_some() || user_info.and_then(parse_user_info).is_some();
    if !named || (view.account_id.is_none() && view.alias.is_none()) {
        return None;
    }
    let mut known = known.clone();
    let region = view.verdict.region.map(|r| r.code());
    known
        .remember(
            view.account_id.as_ref().map(|id| id.as_str()),
            view.alias.as_deref(),
            region,
            now_ms,
        )
        .ok()?;
    Some(known)
}
