//! A tab's sign-in flow: which of its navigations to the AWS sites begins one, so that the address
//! a bookmark or a typed URL held (the flow's first URL, before AWS redirects it) is known when the
//! page asks for its verdict.
//!
//! The extension notes each navigation as the browser's navigation events report it (where it
//! started, then how it was started once it commits), redacted and with the bookmarks at its
//! address (`Navigation::noted`), without deciding anything; this decides.

use super::read_stored::read_by_hand;
use crate::url::redact::redact;
use serde::{Deserialize, Serialize};

/// How a navigation was started, as `webNavigation.onCommitted` names it (`transitionType`), when
/// the person started it in the browser itself rather than a page did.
const BROWSER_TRANSITIONS: [&str; 8] = [
    "typed",
    "auto_bookmark",
    "generated",
    "keyword",
    "keyword_generated",
    "start_page",
    "reload",
    "auto_toplevel",
];

/// `transitionQualifiers` that say the browser started it whatever the type (a link's page reloaded
/// from the address bar, back and forward through the history).
const BROWSER_QUALIFIERS: [&str; 2] = ["from_address_bar", "forward_back"];

/// One navigation of a tab to an AWS site, as the extension noted it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Navigation {
    /// Where it started: a server redirect starts no new navigation, so this is the address the
    /// bookmark, typed URL or link held. Redacted once noted (`noted`).
    pub url: String,
    /// Its `transitionType`, once it committed; `None` while not seen.
    #[serde(default)]
    pub transition_type: Option<String>,
    /// Its `transitionQualifiers`, once it committed.
    #[serde(default)]
    pub transition_qualifiers: Vec<String>,
    /// Noted when it committed (`onCommitted`), not when it started (`onBeforeNavigate`).
    #[serde(default)]
    pub committed: bool,
    /// The bookmarks at its URL when it was noted, which the worker looks up then: the redacted
    /// URL kept afterwards no longer finds a bookmark that holds a secret.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bookmark_ids: Vec<String>,
}

read_by_hand!(Navigation {
    url: required,
    transition_type: or_default,
    transition_qualifiers: or_default,
    committed: or_default,
    bookmark_ids: or_default,
});

impl Navigation {
    /// The navigation as the tab's state keeps it until the next page report: its URL redacted,
    /// so that a federation link's token or an OAuth code the address carries is never stored.
    pub fn noted(self) -> Navigation {
        Navigation {
            url: redact(&self.url),
            ..self
        }
    }

    /// Whether the person started it in the browser (a bookmark, a typed address, a reload, back
    /// or forward) rather than a page (a link, a form, a script). One whose commit was not seen
    /// counts as the browser's, so that its first URL is kept.
    pub fn started_by_browser(&self) -> bool {
        let Some(transition) = self.transition_type.as_deref() else {
            return true;
        };
        BROWSER_TRANSITIONS.contains(&transition)
            || self
                .transition_qualifiers
                .iter()
                .any(|q| BROWSER_QUALIFIERS.contains(&q.as_str()))
    }
}

/// The navigations as the extension noted the browser's events, in order: each start
/// (`onBeforeNavigate`) and each commit (`onCommitted`). A commit completes the start noted just
/// before it that has not committed yet (a server redirect starts no new navigation, so the start's
/// address is the one the bookmark held); a commit with no such start (one begun outside the AWS
/// sites and redirected to one) is a navigation of its own, at the address it committed.
pub fn merge_noted(events: &[Navigation]) -> Vec<Navigation> {
    let mut navigations: Vec<Navigation> = Vec::new();
    for event in events {
        match navigations.last_mut() {
            Some(pending) if event.committed && !pending.committed => {
                pending.committed = true;
                pending.transition_type = event.transition_type.clone();
                pending.transition_qualifiers = event.transition_qualifiers.clone();
            }
            _ => navigations.push(event.clone()),
        }
    }
    navigations
}

/// The tab's current flow.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flow {
    /// Where the flow began, when the extension saw it.
    #[serde(default)]
    pub first_url: Option<String>,
}

read_by_hand!(Flow {
    first_url: or_default
});

/// The flow after some navigations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlowAfter {
    /// The flow the tab is in now.
    pub flow: Option<Flow>,
    /// A new flow began: what the person dismissed about the old one shows again.
    pub restarted: bool,
}

/// Follows `navigations`, in order, from the tab's `flow`: one started by a page continues the
/// flow the tab is in (the sign-in flow's own steps, form posts); one started by the browser, or
/// the tab's first, begins a new flow at its address.
pub fn follow_navigations(flow: Option<Flow>, navigations: &[Navigation]) -> FlowAfter {
    let mut after = FlowAfter {
        flow,
        restarted: false,
    };
    for navigation in navigations {
        if after.flow.is_none() || navigation.started_by_browser() {
            after.flow = Some(Flow {
                first_url: Some(navigation.url.clone()),
            });
            after.restarted = true;
        }
    }
    after
}

#[cfg(test)]
mod tests {
    use super::*;

    const REDIRECT: &str = "https://signin.aws.amazon.com/signin?redirect_uri=x";

    fn by(url: &str, transition: Option<&str>, qualifiers: &[&str]) -> Navigation {
        Navigation {
            url: url.to_owned(),
            transition_type: transition.map(str::to_owned),
            transition_qualifiers: qualifiers.iter().map(|q| (*q).to_owned()).collect(),
            committed: transition.is_some(),
            bookmark_ids: Vec::new(),
        }
    }

    fn started(url: &str) -> Navigation {
        Navigation {
            url: url.to_owned(),
            ..Navigation::default()
        }
    }

    #[test]
    fn a_commit_completes_the_start_before_it_or_stands_alone() {
        let oauth = "https://us-east-1.signin.aws.amazon.com/oauth?x";
        /// The navigations expected: (url, transition).
        type Expected<'a> = Vec<(&'a str, Option<&'a str>)>;
        // (events noted, navigations expected)
        let table: [(Vec<Navigation>, Expected); 4] = [
            // The bookmark's address started it; the commit (at the redirect's end) says how.
            (
                vec![started(REDIRECT), by(oauth, Some("auto_bookmark"), &[])],
                vec![(REDIRECT, Some("auto_bookmark"))],
            ),
            // Begun outside AWS: only the commit was seen.
            (
                vec![by(oauth, Some("link"), &[])],
                vec![(oauth, Some("link"))],
            ),
            // Two starts, the first cancelled: the commit completes the latest.
            (
                vec![
                    started(REDIRECT),
                    started(oauth),
                    by(oauth, Some("typed"), &[]),
                ],
                vec![(REDIRECT, None), (oauth, Some("typed"))],
            ),
            // A start not committed yet stays as it is.
            (
                vec![by(oauth, Some("link"), &[]), started(REDIRECT)],
                vec![(oauth, Some("link")), (REDIRECT, None)],
            ),
        ];
        for (events, expected) in table {
            let merged = merge_noted(&events);
            let got: Vec<(&str, Option<&str>)> = merged
                .iter()
                .map(|n| (n.url.as_str(), n.transition_type.as_deref()))
                .collect();
            assert_eq!(got, expected, "{events:?}");
        }
    }

    fn first_url(after: &FlowAfter) -> Option<&str> {
        after.flow.as_ref()?.first_url.as_deref()
    }

    #[test]
    fn a_bookmark_begins_a_flow_at_the_address_it_held() {
        let after = follow_navigations(None, &[by(REDIRECT, Some("auto_bookmark"), &[])]);
        assert_eq!(first_url(&after), Some(REDIRECT));
        assert!(after.restarted);
    }

    #[test]
    fn the_sign_in_flows_own_steps_continue_it() {
        let flow = Some(Flow {
            first_url: Some(REDIRECT.to_owned()),
        });
        let steps = [
            by(
                "https://us-east-1.signin.aws.amazon.com/oauth?x",
                Some("link"),
                &[],
            ),
            by(
                "https://signin.aws.amazon.com/signin",
                Some("form_submit"),
                &[],
            ),
        ];
        let after = follow_navigations(flow, &steps);
        assert_eq!(first_url(&after), Some(REDIRECT));
        assert!(!after.restarted);
    }

    #[test]
    fn typed_reloaded_or_back_forward_navigations_begin_anew() {
        for navigation in [
            by("https://a.example/", Some("typed"), &[]),
            by("https://a.example/", Some("reload"), &[]),
            by("https://a.example/", Some("link"), &["forward_back"]),
            by("https://a.example/", Some("link"), &["from_address_bar"]),
            by("https://a.example/", None, &[]),
        ] {
            let flow = Some(Flow {
                first_url: Some(REDIRECT.to_owned()),
            });
            let after = follow_navigations(flow, std::slice::from_ref(&navigation));
            assert_eq!(
                first_url(&after),
                Some("https://a.example/"),
                "{navigation:?}"
            );
            assert!(after.restarted, "{navigation:?}");
        }
    }

    #[test]
    fn a_tabs_first_navigation_begins_a_flow_even_from_a_link() {
        let after = follow_navigations(None, &[by(REDIRECT, Some("link"), &[])]);
        assert_eq!(first_url(&after), Some(REDIRECT));
    }

    #[test]
    fn no_navigation_leaves_the_flow_as_it_was() {
        let flow = Some(Flow { first_url: None });
        let after = follow_navigations(flow.clone(), &[]);
        assert_eq!(after.flow, flow);
        assert!(!after.restarted);
    }
}
