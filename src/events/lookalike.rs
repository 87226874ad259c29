//! A navigation while lookalike protection is on (`webNavigation`, any frame): block it, or let it
//! go. "Continue anyway" on the warning page allows only the host it was about, in that tab, until
//! the tab closes; a lookalike in a sub-frame (a phishing login in an iframe) stops the tab too.

use crate::events::tab_state::{Blocked, LookalikeState, TabState};
use crate::tab::read_stored::read_by_hand;
use crate::url::classify::classify;
use crate::url::plain_url::{self, UrlParts};
use crate::url::redact::redact;
use crate::url::verdict::Kind;
use serde::{Deserialize, Serialize};

/// The facts of one navigation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct NavigationFacts {
    /// Where the frame goes.
    pub url: String,
    /// The browser's frame id: 0 for the tab's page, else a sub-frame.
    #[serde(default)]
    pub frame_id: i64,
    /// It committed (`onCommitted`), rather than starting (`onBeforeNavigate`).
    #[serde(default)]
    pub committed: bool,
    /// The extension's warning page.
    pub warning_page: String,
    /// The tab's stored state.
    #[serde(default)]
    pub state: TabState,
}

read_by_hand!(NavigationFacts {
    url: required,
    frame_id: or_default,
    committed: or_default,
    warning_page: required,
    state: or_default,
});

/// What to do with the navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LookalikeAction {
    /// Let it go.
    Allow,
    /// Send the tab to the warning page.
    Block,
}

/// The answer: what to do, and the tab's state to store when it changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LookalikeAnswer {
    /// What to do.
    pub action: LookalikeAction,
    /// The tab's lookalike state to store, if it changed.
    pub state: Option<LookalikeState>,
}

/// The host of `url`, lower-cased, if it has one.
fn host_of(url: &str) -> Option<String> {
    // Only used for a lookalike: plain in the wake package, where classify read it.
    let parsed = plain_url::read_after_classify(url)?;
    Some(parsed.host_str()?.to_ascii_lowercase())
}

/// Decides about one navigation of a tab.
pub fn lookalike_navigation(facts: &NavigationFacts) -> LookalikeAnswer {
    let allow = |state: Option<LookalikeState>| LookalikeAnswer {
        action: LookalikeAction::Allow,
        state,
    };
    if facts.url == facts.warning_page {
        return allow(None);
    }
    let verdict = classify(&facts.url);
    let host = host_of(&facts.url);
    let top = facts.frame_id == 0;
    if verdict.kind != Kind::Lookalike {
        // The tab's page left the lookalike: the warning is done with.
        if top && facts.committed && facts.state.blocked.is_some() {
            let mut state = facts.state.lookalike();
            state.blocked = None;
            return allow(Some(state));
        }
        return allow(None);
    }
    let Some(host) = host else {
        return allow(None);
    };
    if facts.state.allowed_hosts.contains(&host) {
        return allow(None);
    }
    let mut state = facts.state.lookalike();
    state.blocked = Some(Blocked {
        url: redact(&facts.url),
        host,
        frame: !top,
        // A committed page, or the page that holds the frame, is in the history: step over it.
        back_steps: if facts.committed || !top { 2 } else { 1 },
    });
    LookalikeAnswer {
        action: LookalikeAction::Block,
        state: Some(state),
    }
}

/// Where "Continue anyway" goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Continued {
    /// The tab's lookalike state to store: the host allowed, the warning done with.
    pub state: LookalikeState,
    /// The page to open (the lookalike page itself), or `None` to go back one step to the page
    /// that holds the lookalike frame.
    pub open: Option<String>,
}

/// "Continue anyway": allows the blocked host in this tab; `None` when nothing is blocked.
pub fn continue_anyway(state: &TabState) -> Option<Continued> {
    let blocked = state.blocked.clone()?;
    let mut state = state.lookalike();
    if !state.allowed_hosts.contains(&blocked.host) {
        state.allowed_hosts.push(blocked.host.clone());
    }
    state.blocked = None;
    Some(Continued {
        state,
        open: (!blocked.frame).then_some(blocked.url),
    })
}
