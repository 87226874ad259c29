//! What the extension keeps about one tab in `storage.session`, as far as the events decide it.
//! No secret is kept: URLs are stored redacted, the navigations too from the moment they are noted
//! (`Navigation::noted`), which the next page report uses up (`page_report`).

use crate::tab::navigation_flow::{Flow, Navigation};
use crate::tab::read_stored::read_by_hand;
use serde::{Deserialize, Serialize};

/// How many bookmark ids a tab remembers having offered to fix.
const OFFERED_MAX: usize = 8;

/// The tab's stored state (the fields the core owns; the glue keeps any others as they are).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TabState {
    /// The sign-in flow the tab is in; its first URL redacted.
    #[serde(default)]
    pub flow: Option<Flow>,
    /// Navigations noted since the last page report (redacted, with the bookmarks at their raw
    /// URL); a state the core returns has used them up (written as an empty list).
    #[serde(default, serialize_with = "used_up")]
    pub navigations: Vec<Navigation>,
    /// The last AWS page of the tab, redacted.
    #[serde(default)]
    pub url: Option<String>,
    /// The last `aws-userInfo` cookie the tab's page reported.
    #[serde(default)]
    pub user_info: Option<String>,
    /// The person dismissed the flow's warning.
    #[serde(default)]
    pub dismissed: bool,
    /// The bookmark the flow was opened from, when the extension found it.
    #[serde(default)]
    pub origin_bookmark: Option<OfferedBookmark>,
    /// The ids of the bookmarks this tab's notices offered to fix (and so to undo).
    #[serde(default)]
    pub offered: Vec<String>,
    /// The lookalike page the tab was stopped before, if any.
    #[serde(default)]
    pub blocked: Option<Blocked>,
    /// The lookalike hosts the person chose to continue to, in this tab, until it closes.
    #[serde(default)]
    pub allowed_hosts: Vec<String>,
}

read_by_hand!(TabState {
    flow: or_default,
    navigations: or_default,
    url: or_default,
    user_info: or_default,
    dismissed: or_default,
    origin_bookmark: or_default,
    offered: or_default,
    blocked: or_default,
    allowed_hosts: or_default,
});

/// Writes the noted navigations as used up: the page report that returns a state has followed them.
fn used_up<S: serde::Serializer>(_: &[Navigation], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(std::iter::empty::<()>())
}

/// What a lookalike navigation changes in the tab's state (the rest is left as stored).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LookalikeState {
    /// The lookalike page the tab was stopped before, if any.
    pub blocked: Option<Blocked>,
    /// The lookalike hosts the person chose to continue to, in this tab.
    pub allowed_hosts: Vec<String>,
}

impl TabState {
    /// The lookalike part of the state.
    pub fn lookalike(&self) -> LookalikeState {
        LookalikeState {
            blocked: self.blocked.clone(),
            allowed_hosts: self.allowed_hosts.clone(),
        }
    }

    /// Whether a fix or undo of bookmark `id` was offered to this tab.
    pub fn was_offered(&self, id: &str) -> bool {
        self.offered.iter().any(|offered| offered == id)
    }

    /// Remembers that the tab was offered to fix bookmark `id`.
    pub fn offer(&mut self, id: &str) {
        if !self.was_offered(id) {
            self.offered.push(id.to_owned());
        }
        let extra = self.offered.len().saturating_sub(OFFERED_MAX);
        self.offered.drain(..extra);
    }
}

/// A bookmark found for the tab, with the core's replacement for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferedBookmark {
    /// The browser's bookmark id.
    pub id: String,
    /// Its title, redacted.
    pub title: String,
    /// What "Fix" puts in its place, if the core has a fix.
    #[serde(default)]
    pub replacement: Option<String>,
}

read_by_hand!(OfferedBookmark {
    id: required,
    title: required,
    replacement: or_default
});

/// A lookalike page the tab was sent away from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blocked {
    /// Its URL, redacted.
    pub url: String,
    /// Its host: the one "Continue anyway" allows.
    pub host: String,
    /// It was a sub-frame of the tab's page, not the page itself.
    #[serde(default)]
    pub frame: bool,
    /// How many history steps "Go back" takes from the warning page to the page before.
    pub back_steps: u32,
}

read_by_hand!(Blocked {
    url: required,
    host: required,
    frame: or_default,
    back_steps: required,
});
