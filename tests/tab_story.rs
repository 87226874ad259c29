//! The tab's story, decided by the core (`signin_guard::events`), as data tables: every corpus URL
//! as the first URL of a flow followed by each kind of landing page; dismissal; the bookmark found;
//! what is remembered and stored (never a secret); bookmark warnings; lookalikes allowed per host.

use signin_guard::events::bookmark_change::{bookmark_change, BookmarkChangeFacts, ExpectedChange};
use signin_guard::events::lookalike::{
    continue_anyway, lookalike_navigation, LookalikeAction, NavigationFacts,
};
use signin_guard::events::page_report::{page_report, FoundBookmark, PageFacts, PageReport};
use signin_guard::events::popup::{popup_view, PopupFacts};
use signin_guard::events::tab_state::{LookalikeState, TabState};
use signin_guard::tab::known_accounts::KnownAccounts;
use signin_guard::tab::navigation_flow::{Flow, Navigation};
use signin_guard::tab::page_view::NoticeLevel;
use signin_guard::{classify, redact};

const CORPUS: &str = include_str!("data/urls.tsv");
const WARNING_PAGE: &str = "chrome-extension://abc/warning.html";
const NOW: f64 = 1_800_000_000_000.0;

/// The landing pages of a flow, one of each kind the extension's content script runs on (and a
/// lookalike and an unrelated page, which the popup describes).
const LANDINGS: [&str; 7] = [
    "https://myalias.signin.aws.amazon.com/console",
    "https://us-east-1.signin.aws.amazon.com/oauth?response_type=code&client_id=x",
    "https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1",
    "https://console.aws.amazon.com/",
    "https://ssoins-7223fd24797c3af2.portal.us-east-1.app.aws/start",
    "https://myalias.signin.aws.amazon.com.evil.example/console",
    "https://example.com/",
];

fn corpus_urls() -> Vec<&'static str> {
    CORPUS
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').next().expect("a URL cell"))
        .collect()
}

fn bookmarked(url: &str) -> Navigation {
    Navigation {
        url: url.to_owned(),
        transition_type: Some("auto_bookmark".to_owned()),
        committed: true,
        ..Navigation::default()
    }
}

fn linked(url: &str) -> Navigation {
    Navigation {
        url: url.to_owned(),
        transition_type: Some("link".to_owned()),
        committed: true,
        ..Navigation::default()
    }
}

/// A page report of `landing` after navigations `navigations` from the tab's `state`.
fn facts(landing: &str, navigations: Vec<Navigation>, state: TabState) -> PageFacts {
    PageFacts {
        url: landing.to_owned(),
        from_page: true,
        state: TabState {
            navigations,
            ..state
        },
        notice_on: true,
        bookmarks_allowed: true,
        now_ms: NOW,
        ..PageFacts::default()
    }
}

/// The stored state's URLs hold no secret (redacting them changes nothing).
fn assert_no_secret(report: &PageReport, what: &str) {
    let state = &report.state;
    let urls = [
        state.flow.as_ref().and_then(|f| f.first_url.as_deref()),
        state.url.as_deref(),
        state.blocked.as_ref().map(|b| b.url.as_str()),
    ];
    for url in urls.into_iter().flatten() {
        assert_eq!(redact(url), url, "{what}: the stored state holds a secret");
    }
}

#[test]
fn every_corpus_url_as_the_first_of_a_flow_then_each_landing_page() {
    for first in corpus_urls() {
        let origin = classify(first);
        for landing in LANDINGS {
            let what = format!("{first} → {landing}");
            let navigations = vec![bookmarked(first), linked(landing)];
            let report = page_report(&facts(landing, navigations, TabState::default()));
            let own = page_report(&facts(
                landing,
                vec![bookmarked(landing)],
                TabState::default(),
            ));
            let elsewhere = redact(first) != redact(landing);
            let arrived = elsewhere && origin.bookmark_safe == Some(false);
            assert_eq!(report.redirect.is_some(), arrived, "{what}: redirect");
            assert_no_secret(&report, &what);
            assert_eq!(
                report.state.flow.as_ref().and_then(|f| f.first_url.clone()),
                Some(redact(first)),
                "{what}: the flow's first URL is kept, redacted"
            );
            assert!(
                report.state.navigations.is_empty(),
                "{what}: navigations used up"
            );
            if arrived {
                let notice = report.notice.as_ref().expect("a redirect warning");
                assert_eq!(notice.level, NoticeLevel::Warning, "{what}");
                assert_eq!(
                    notice.headline, "You arrived through a sign-in redirect",
                    "{what}"
                );
                assert!(report.alarming, "{what}: the icon warns");
                assert!(report.opened_unsafe, "{what}");
                assert!(
                    notice.detail.ends_with('.'),
                    "{what}: the detail is a sentence"
                );
            } else {
                // Nothing about where the flow began: the page's own notice and badge.
                assert_eq!(report.notice, own.notice, "{what}: the page's own notice");
                assert_eq!(report.badge, own.badge, "{what}: the page's own badge");
            }
        }
    }
}

/// The page report after navigations noted as the worker notes them (redacted, with the bookmark
/// found at the raw URL then) is the one after the raw navigations: notice, badge, redirect, the
/// bookmark offered and its fix.
#[test]
fn navigations_noted_redacted_decide_as_the_raw_ones_did() {
    for first in corpus_urls() {
        for landing in LANDINGS {
            let what = format!("{first} → {landing}");
            let with = |navigations: Vec<Navigation>| {
                let mut facts = facts(landing, navigations, TabState::default());
                facts.bookmarks = vec![FoundBookmark {
                    id: "b1".to_owned(),
                    title: "AWS".to_owned(),
                    url: first.to_owned(),
                }];
                page_report(&facts)
            };
            let raw = with(vec![bookmarked(first), linked(landing)]);
            let noted = with(vec![
                Navigation {
                    bookmark_ids: vec!["b1".to_owned()],
                    ..bookmarked(first)
                }
                .noted(),
                linked(landing).noted(),
            ]);
            assert_eq!(noted.notice, raw.notice, "{what}: notice");
            assert_eq!(noted.badge, raw.badge, "{what}: badge");
            assert_eq!(noted.redirect, raw.redirect, "{what}: redirect");
            assert_eq!(noted.bookmark, raw.bookmark, "{what}: the bookmark offered");
            assert_eq!(noted.state, raw.state, "{what}: the state stored");
        }
    }
}

#[test]
fn a_noted_navigation_holds_no_secret_and_keeps_its_bookmarks() {
    for url in corpus_urls() {
        let noted = Navigation {
            bookmark_ids: vec!["b1".to_owned()],
            ..bookmarked(url)
        }
        .noted();
        assert_eq!(noted.url, redact(url), "{url}");
        assert_eq!(noted.bookmark_ids, ["b1"], "{url}");
        assert_eq!(noted.transition_type.as_deref(), Some("auto_bookmark"));
        assert!(noted.committed);
    }
}

#[test]
fn the_bookmark_the_flow_began_at_is_offered_to_fix() {
    let first = "https://signin.aws.amazon.com/federation?Action=login&Destination=https%3A%2F%2Fconsole.aws.amazon.com%2F&SigninToken=VERYSECRET";
    let landing = "https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1";
    let mut facts = facts(landing, vec![bookmarked(first)], TabState::default());
    facts.bookmarks = vec![
        FoundBookmark {
            id: "other".to_owned(),
            title: "Console".to_owned(),
            url: landing.to_owned(),
        },
        FoundBookmark {
            id: "b7".to_owned(),
            title: "AWS".to_owned(),
            url: first.to_owned(),
        },
    ];
    let report = page_report(&facts);
    let notice = report.notice.as_ref().expect("a warning");
    assert_eq!(
        notice.headline,
        "The bookmark you opened holds a one-time sign-in token"
    );
    assert_eq!(notice.fix.as_deref(), Some("b7"));
    assert!(report.state.was_offered("b7"));
    assert!(!report.state.was_offered("other"));
    let json = serde_json::to_string(&report.state).expect("serialises");
    assert!(!json.contains("VERYSECRET"), "{json}");

    // The next report in the same flow (the popup, or the page again) still knows the bookmark.
    let mut again = facts.clone();
    again.state = report.state.clone();
    again.bookmarks.clear();
    let later = page_report(&again);
    assert_eq!(later.bookmark.as_ref().map(|b| b.id.as_str()), Some("b7"));
    assert!(later.redirect.is_some());

    // Without bookmark access: no fix, and the notice says what access would do.
    let mut without = facts.clone();
    without.bookmarks_allowed = false;
    let report = page_report(&without);
    let notice = report.notice.expect("a warning");
    assert_eq!(notice.fix, None);
    assert!(notice.settings);
    assert!(
        notice.detail.contains("allow bookmark access"),
        "{}",
        notice.detail
    );
}

#[test]
fn dismissal_silences_the_flow_until_a_new_one_begins() {
    let first = "https://signin.aws.amazon.com/signin?redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com%2F&client_id=x";
    let info_page = "https://myalias.signin.aws.amazon.com/console";
    let warning_page = "https://us-east-1.signin.aws.amazon.com/oauth?response_type=code";
    let dismissed = TabState {
        flow: Some(Flow {
            first_url: Some(first.to_owned()),
        }),
        dismissed: true,
        ..TabState::default()
    };
    // (page, navigations since, notice level expected)
    let table: [(&str, Vec<Navigation>, Option<NoticeLevel>); 4] = [
        // In the dismissed flow: an info page says nothing, a warning page still warns.
        (info_page, vec![linked(info_page)], None),
        (
            warning_page,
            vec![linked(warning_page)],
            Some(NoticeLevel::Warning),
        ),
        // A flow begun from the browser: everything shows again.
        (
            info_page,
            vec![bookmarked(info_page)],
            Some(NoticeLevel::Info),
        ),
        (warning_page, vec![], Some(NoticeLevel::Warning)),
    ];
    for (page, navigations, level) in table {
        let report = page_report(&facts(page, navigations.clone(), dismissed.clone()));
        assert_eq!(
            report.notice.map(|n| n.level),
            level,
            "{page} after {navigations:?}"
        );
    }
    let restarted = page_report(&facts(info_page, vec![bookmarked(info_page)], dismissed));
    assert!(!restarted.state.dismissed);
}

#[test]
fn notices_off_show_nothing_but_the_badge_and_state_still_follow() {
    let page = "https://us-east-1.signin.aws.amazon.com/oauth?response_type=code";
    let mut facts = facts(page, vec![bookmarked(page)], TabState::default());
    facts.notice_on = false;
    let report = page_report(&facts);
    assert_eq!(report.notice, None);
    assert_eq!(report.badge.text, "!");
    assert!(report.alarming);
}

#[test]
fn accounts_are_remembered_only_when_the_page_names_them() {
    let mut one = KnownAccounts::new();
    one.remember(Some("123456789012"), Some("myalias"), None, NOW - 1.0)
        .expect("a valid account");
    let cookie = "%7B%22arn%22%3A%22arn%3Aaws%3Aiam%3A%3A123456789012%3Auser%2Fjane%22%2C%22alias%22%3A%22myalias%22%7D";
    // (page, cookie, known, remembered)
    let table = [
        (
            "https://myalias.signin.aws.amazon.com/console",
            None,
            KnownAccounts::new(),
            true,
        ),
        (
            "https://us-east-1.console.aws.amazon.com/console/home",
            Some(cookie),
            KnownAccounts::new(),
            true,
        ),
        (
            "https://us-east-1.console.aws.amazon.com/console/home",
            None,
            KnownAccounts::new(),
            false,
        ),
        // A sign-in flow page hides the account; the only known one is a guess, not remembered.
        (
            "https://us-east-1.signin.aws.amazon.com/oauth?x=1",
            None,
            one.clone(),
            false,
        ),
        ("https://example.com/", None, KnownAccounts::new(), false),
    ];
    for (page, cookie, known, expected) in table {
        let mut facts = facts(page, vec![bookmarked(page)], TabState::default());
        facts.user_info = cookie.map(str::to_owned);
        facts.known = known.into();
        let report = page_report(&facts);
        assert_eq!(
            report.remember.is_some(),
            expected,
            "{page} with {cookie:?}"
        );
        if let Some(known) = report.remember {
            assert_eq!(known.accounts().len(), 1, "{page}");
        }
        // The popup describes, it does not remember.
        facts.from_page = false;
        assert_eq!(page_report(&facts).remember, None, "{page} from the popup");
    }
}

#[test]
fn a_page_report_loads_the_known_accounts_as_stored_and_says_what_it_dropped() {
    // The facts carry the known accounts as stored: one unreadable entry of three.
    let stored = |accounts: serde_json::Value| {
        serde_json::from_value::<PageFacts>(serde_json::json!({
            "url": "https://myalias.signin.aws.amazon.com/console",
            "from_page": true,
            "known": {"version": 1, "accounts": accounts},
            "notice_on": true,
            "now_ms": NOW,
        }))
        .expect("facts")
    };
    let report = page_report(&stored(serde_json::json!([
        {"account_id": "111122223333", "last_seen_ms": 1},
        {"alias": 5, "last_seen_ms": 2},
        {"alias": "sandbox", "last_seen_ms": 3},
    ])));
    let unreadable = report.known_unreadable.expect("the dropped entry is told");
    assert_eq!(
        unreadable.known.accounts().len(),
        2,
        "the readable ones are kept"
    );
    let error = unreadable.error.expect("a problem to record");
    assert!(error.contains("accounts[1]"), "{error}");
    // The page's account is remembered among the readable ones.
    let remember = report.remember.expect("the page names its account");
    assert_eq!(remember.accounts().len(), 3);
    // Stored known accounts that all read say nothing; none stored neither.
    let readable = page_report(&stored(
        serde_json::json!([{"alias": "sandbox", "last_seen_ms": 3}]),
    ));
    assert_eq!(readable.known_unreadable, None);
    let mut none = stored(serde_json::json!([]));
    none.known = serde_json::from_value(serde_json::Value::Null).expect("null reads as none");
    assert_eq!(page_report(&none).known_unreadable, None);
}

#[test]
fn the_popup_merges_warnings_once_and_never_offers_sign_in_on_a_lookalike() {
    let first = "https://signin.aws.amazon.com/signin?redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com%2F&client_id=x";
    let oauth = "https://us-east-1.signin.aws.amazon.com/oauth?response_type=code";
    let page = facts(
        "",
        vec![bookmarked(first), linked(oauth)],
        TabState::default(),
    );
    let view = popup_view(&PopupFacts {
        tab_url: Some(oauth.to_owned()),
        warning_page: WARNING_PAGE.to_owned(),
        page,
    });
    let codes: Vec<&str> = view.warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(
        codes,
        ["captured_redirect"],
        "the origin's warning is not repeated"
    );
    assert!(view.redirect_box.is_some());
    assert_eq!(
        view.general_signin.as_deref(),
        Some("https://console.aws.amazon.com/")
    );

    let lookalike = "https://signin.aws-amazon.com/console";
    let blocked = lookalike_navigation(&NavigationFacts {
        url: lookalike.to_owned(),
        warning_page: WARNING_PAGE.to_owned(),
        ..NavigationFacts::default()
    })
    .state
    .expect("blocked");
    let state = TabState {
        blocked: blocked.blocked,
        ..TabState::default()
    };
    let mut page = facts("", vec![], state);
    page.from_page = false;
    let view = popup_view(&PopupFacts {
        tab_url: Some(WARNING_PAGE.to_owned()),
        warning_page: WARNING_PAGE.to_owned(),
        page,
    });
    let report = view.report.as_ref().expect("the blocked page is described");
    assert_eq!(report.view.verdict.input, lookalike);
    assert!(view.danger.is_some());
    assert_eq!(view.general_signin, None);
    assert_eq!(view.signin, None);
}

#[test]
fn bookmark_warnings_follow_the_corpus_and_skip_announced_changes() {
    for url in corpus_urls() {
        let change = bookmark_change(&BookmarkChangeFacts {
            id: "9".to_owned(),
            url: Some(url.to_owned()),
            title: "Saved".to_owned(),
            notice_on: true,
            active_tab_offered: Some(vec![]),
            now_ms: NOW,
            ..BookmarkChangeFacts::default()
        });
        let unsafe_url = classify(url).bookmark_safe == Some(false);
        assert_eq!(change.warning.is_some(), unsafe_url, "{url}");
        assert_eq!(change.notice.is_some(), unsafe_url, "{url}");
        let offered = change.notice.as_ref().and_then(|n| n.fix.clone());
        assert_eq!(
            change.active_tab_offered,
            offered.map(|id| vec![id]),
            "{url}"
        );
        if let Some(warning) = change.warning {
            assert_eq!(
                redact(&warning.input),
                warning.input,
                "{url}: stored redacted"
            );
            assert!(
                warning.headline.starts_with("The bookmark you just saved"),
                "{url}"
            );
        }
    }
    let token = "https://signin.aws.amazon.com/federation?Action=login&SigninToken=SECRET";
    let announced = ExpectedChange {
        id: Some("9".to_owned()),
        parent_id: None,
        url: redact(token),
        until_ms: NOW + 1000.0,
    };
    let facts = |id: &str, expected: Vec<ExpectedChange>| BookmarkChangeFacts {
        id: id.to_owned(),
        url: Some(token.to_owned()),
        title: token.to_owned(),
        expected,
        notice_on: true,
        now_ms: NOW,
        ..BookmarkChangeFacts::default()
    };
    // Announced (an Undo): no warning, the announcement used up.
    let undo = bookmark_change(&facts("9", vec![announced.clone()]));
    assert_eq!(undo.warning, None);
    assert_eq!(undo.expected, Some(vec![]));
    // Another bookmark, or an expired announcement: warned; the title is redacted too.
    let expired = ExpectedChange {
        until_ms: NOW - 1.0,
        ..announced.clone()
    };
    for change in [facts("10", vec![announced]), facts("9", vec![expired])] {
        let warning = bookmark_change(&change).warning.expect("a warning");
        assert!(!warning.title.contains("SECRET"), "{}", warning.title);
    }
}

#[test]
fn continue_anyway_allows_only_that_host_in_that_tab() {
    let a = "https://signin.aws-amazon.com/console";
    let b = "https://myalias.signin.aws.amazon.com.evil.example/console";
    let stored = |s: LookalikeState| TabState {
        blocked: s.blocked,
        allowed_hosts: s.allowed_hosts,
        ..TabState::default()
    };
    let nav = |url: &str, frame_id: i64, committed: bool, state: &TabState| {
        lookalike_navigation(&NavigationFacts {
            url: url.to_owned(),
            frame_id,
            committed,
            warning_page: WARNING_PAGE.to_owned(),
            state: state.clone(),
        })
    };
    let fresh = TabState::default();
    let blocked = nav(a, 0, false, &fresh);
    assert_eq!(blocked.action, LookalikeAction::Block);
    let state = stored(blocked.state.expect("the blocked page is kept"));
    let continued = continue_anyway(&state).expect("something to continue to");
    assert_eq!(continued.open.as_deref(), Some(a));
    let allowed = stored(continued.state);
    // (url, frame, committed, action)
    let table = [
        (a, 0, false, LookalikeAction::Allow),
        (a, 0, true, LookalikeAction::Allow),
        (a, 3, false, LookalikeAction::Allow),
        (b, 0, false, LookalikeAction::Block),
        (b, 5, false, LookalikeAction::Block),
        (
            "https://console.aws.amazon.com/",
            0,
            true,
            LookalikeAction::Allow,
        ),
        (WARNING_PAGE, 0, true, LookalikeAction::Allow),
    ];
    for (url, frame, committed, action) in table {
        assert_eq!(
            nav(url, frame, committed, &allowed).action,
            action,
            "{url} in frame {frame}"
        );
    }
    // Another tab has allowed nothing.
    assert_eq!(nav(a, 0, false, &fresh).action, LookalikeAction::Block);
    // A lookalike sub-frame: the warning returns to the page that holds it.
    let framed = stored(nav(b, 2, false, &allowed).state.expect("blocked"));
    let blocked = framed.blocked.clone().expect("blocked");
    assert!(blocked.frame);
    assert_eq!(blocked.back_steps, 2);
    let continued = continue_anyway(&framed).expect("continue");
    assert_eq!(
        continued.open, None,
        "back to the page that holds the frame"
    );
    assert_eq!(continued.state.allowed_hosts.len(), 2);
    // Leaving for a real AWS page clears the warning, not the hosts allowed.
    let left = nav("https://console.aws.amazon.com/", 0, true, &framed)
        .state
        .expect("changed");
    assert_eq!(left.blocked, None);
    assert_eq!(left.allowed_hosts, allowed.allowed_hosts);
    // A secret in a lookalike's URL is not stored.
    let token = nav(
        "https://signin.aws-amazon.com/federation?SigninToken=SECRET",
        0,
        false,
        &fresh,
    );
    let json = serde_json::to_string(&token.state).expect("serialises");
    assert!(!json.contains("SECRET"), "{json}");
}

#[test]
fn the_popup_offers_the_organisations_accounts_first_with_their_names_and_regions() {
    let page: PageFacts = serde_json::from_value(serde_json::json!({
        "url": "",
        "team": {"managed": {"version": 1, "favouriteRegions": ["us-west-2"], "accounts": [
            {"accountId": "111122223333", "alias": "acme-prod", "displayName": "Production",
             "defaultRegion": "eu-west-1"},
            {"accountId": "210987654321"}]}, "user": null},
        "known": {"version": 1, "accounts": [
            {"account_id": "111122223333", "last_seen_ms": 1},
            {"alias": "sandbox", "last_seen_ms": 2},
            {"account_id": "444455556666", "alias": "dev", "last_seen_ms": 3}]},
    }))
    .expect("facts");
    let view = popup_view(&PopupFacts {
        tab_url: Some("https://console.aws.amazon.com/".to_owned()),
        warning_page: WARNING_PAGE.to_owned(),
        page,
    });
    let choices: Vec<(&str, &str, Vec<&str>)> = view
        .account_choices
        .iter()
        .map(|c| {
            (
                c.value.as_str(),
                c.text.as_str(),
                c.preferred_regions.clone(),
            )
        })
        .collect();
    assert_eq!(
        choices,
        [
            (
                "acme-prod",
                "Production (acme-prod)",
                vec!["eu-west-1", "us-west-2"]
            ),
            ("210987654321", "210987654321", vec!["us-west-2"]),
            ("dev", "dev (444455556666)", vec!["us-west-2"]),
            ("sandbox", "sandbox", vec!["us-west-2"]),
        ]
    );
    assert_eq!(view.preferred_regions, ["us-west-2"]);
}
