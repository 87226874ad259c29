//! The toolbar popup describing a tab: which URL it is about, the page report of it, and what the
//! popup shows of that (the kind in words, every warning once, the sign-in URL to offer, where the
//! tab came from and the bookmark that holds it).

use crate::aws::regions::Region;
use crate::events::page_report::{page_report, PageFacts, PageReport};
use crate::events::words::{bookmark_headline, kind_in_words, sentence, WhichBookmark};
use crate::tab::known_accounts::KnownAccounts;
use crate::tab::offered_accounts::offered_accounts;
use crate::tab::read_stored::read_by_hand;
use crate::tab::team_context::Team;
use crate::url::verdict::{Kind, WarningCode};
use serde::{Deserialize, Serialize};

/// What the popup knows of the tab.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct PopupFacts {
    /// The tab's URL, when the popup may read it.
    #[serde(default)]
    pub tab_url: Option<String>,
    /// The extension's warning page (a tab there is about the lookalike it stopped).
    pub warning_page: String,
    /// The page facts, without `url` (set from `tab_url` here).
    pub page: PageFacts,
}

read_by_hand!(PopupFacts {
    tab_url: or_default,
    warning_page: required,
    page: required
});

/// One line of the popup's warning list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PopupWarning {
    /// The warning's code (`not_team_account` for the organisation's).
    pub code: String,
    /// The sentence to show.
    pub text: String,
}

/// The sign-in URL the popup offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OfferedSignin {
    /// The URL.
    pub url: String,
    /// What it is.
    pub caption: &'static str,
}

/// The box about where the tab came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RedirectBox {
    /// Its title.
    pub title: String,
    /// Where the tab's flow began (redacted), when not the page.
    pub started_at: Option<String>,
    /// The title of the bookmark that holds it, when found.
    pub bookmark_title: Option<String>,
    /// What "Fix" makes of it.
    pub replacement: Option<String>,
    /// Whether to ask for bookmark access.
    pub ask_access: bool,
}

/// What the popup shows about the tab.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PopupView {
    /// The page report of the tab's URL; `None` when the popup cannot see it.
    pub report: Option<PageReport>,
    /// The kind in words.
    pub kind_words: Option<&'static str>,
    /// The danger panel's message, on a lookalike.
    pub danger: Option<String>,
    /// Every warning once: the organisation's, the page's, then those of where the tab came from.
    pub warnings: Vec<PopupWarning>,
    /// The sign-in URL to offer (copy, bookmark).
    pub signin: Option<OfferedSignin>,
    /// Where the region picker opens a region when no account is chosen; never on a lookalike.
    pub general_signin: Option<String>,
    /// The box about where the tab came from.
    pub redirect_box: Option<RedirectBox>,
    /// Whether the picker may switch the tab's console region.
    pub can_switch: bool,
    /// The accounts to choose from when the page names none: the organisation's and the person's
    /// (with their display names), then the other known ones.
    pub account_choices: Vec<AccountChoice>,
    /// The regions the picker offers first with no account chosen (or the page's own).
    pub preferred_regions: Vec<&'static str>,
    /// The only regions the picker offers, when the organisation restricts them.
    pub allowed_regions: Option<Vec<&'static str>>,
}

/// The organisation's allowed regions, as codes.
fn allowed(team: &Team) -> Option<Vec<&'static str>> {
    let regions = team.accounts.allowed_regions.as_ref()?;
    Some(regions.iter().map(|r| r.code()).collect())
}

/// An account the person may pick in the popup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountChoice {
    /// What the region picker signs in to: the alias, else the ID.
    pub value: String,
    /// How the choice reads.
    pub text: String,
    /// The regions to offer first once it is chosen.
    pub preferred_regions: Vec<&'static str>,
}

/// The regions to offer first: the account's default region, the page's own, then the
/// organisation's favourites, each once.
fn preferred(default: Option<Region>, page: Option<Region>, team: &Team) -> Vec<&'static str> {
    let mut regions: Vec<&'static str> = Vec::new();
    let all = default
        .into_iter()
        .chain(page)
        .chain(team.accounts.favourite_regions.iter().copied());
    for region in all {
        if !regions.contains(&region.code()) {
            regions.push(region.code());
        }
    }
    regions
}

/// The choices: the merged accounts first (their display names), then the known accounts they
/// do not include.
fn account_choices(
    team: &Team,
    known: &KnownAccounts,
    own_default: Option<Region>,
    page: Option<Region>,
) -> Vec<AccountChoice> {
    offered_accounts(&team.accounts, known)
        .into_iter()
        .map(|offered| {
            let account = offered.team;
            let text = match account.and_then(|a| a.display_name.as_ref()) {
                Some(name) => format!("{} ({})", name.as_str(), offered.value),
                None => offered.both_labels(),
            };
            let default = own_default.or(account.and_then(|a| a.default_region));
            AccountChoice {
                value: offered.value.to_owned(),
                text,
                preferred_regions: preferred(default, page, team),
            }
        })
        .collect()
}

/// Decides what the popup shows.
pub fn popup_view(facts: &PopupFacts) -> PopupView {
    let url = match facts.tab_url.as_deref() {
        Some(url) if url != facts.warning_page && !url.is_empty() => Some(url.to_owned()),
        // The warning page is about the page it stopped.
        _ => facts.page.state.blocked.as_ref().map(|b| b.url.clone()),
    };
    let Some(url) = url else {
        return PopupView {
            report: None,
            kind_words: None,
            danger: None,
            warnings: Vec::new(),
            signin: None,
            general_signin: None,
            redirect_box: None,
            can_switch: false,
            account_choices: account_choices(
                &facts.page.team.read(),
                &facts.page.known.known,
                None,
                None,
            ),
            preferred_regions: preferred(None, None, &facts.page.team.read()),
            allowed_regions: allowed(&facts.page.team.read()),
        };
    };
    let page = PageFacts {
        url,
        from_page: false,
        ..facts.page.clone()
    };
    let report = page_report(&page);
    let view = &report.view;
    let verdict = &view.verdict;
    let first_message = verdict.warnings.first().map(|w| sentence(&w.message));
    let mut warnings: Vec<PopupWarning> = view
        .team_warning
        .iter()
        .map(|text| PopupWarning {
            code: "not_team_account".to_owned(),
            text: sentence(text),
        })
        .collect();
    warnings.extend(verdict.warnings.iter().map(|w| PopupWarning {
        code: w.code.as_str().to_owned(),
        text: sentence(&w.message),
    }));
    let own: Vec<WarningCode> = verdict.warnings.iter().map(|w| w.code).collect();
    if let Some(redirect) = &report.redirect {
        warnings.extend(
            redirect
                .verdict
                .warnings
                .iter()
                .filter(|w| !own.contains(&w.code))
                .map(|w| PopupWarning {
                    code: w.code.as_str().to_owned(),
                    text: format!("Where this tab came from: {}", sentence(&w.message)),
                }),
        );
    }
    let signin = match (&view.canonical, verdict.partition, &view.signin_url) {
        (Some(canonical), _, _) => Some(OfferedSignin {
            url: canonical.clone(),
            caption: "Sign-in URL of this account (the one to bookmark)",
        }),
        (None, Some(_), Some(general)) => Some(OfferedSignin {
            url: general.clone(),
            caption: "General sign-in URL (Sign-in Guard does not know the account yet)",
        }),
        _ => None,
    };
    let redirect_box = redirect_box(&report, facts.page.bookmarks_allowed);
    let team = facts.page.team.read();
    let own_default = view.team_account.as_ref().and_then(|a| a.default_region);
    PopupView {
        account_choices: account_choices(
            &team,
            &facts.page.known.known,
            own_default,
            verdict.region,
        ),
        preferred_regions: preferred(own_default, verdict.region, &team),
        allowed_regions: allowed(&team),
        kind_words: Some(kind_in_words(verdict.kind)),
        danger: (verdict.kind == Kind::Lookalike).then(|| first_message.unwrap_or_default()),
        warnings,
        signin,
        general_signin: view
            .signin_url
            .clone()
            .filter(|_| verdict.kind != Kind::Lookalike),
        redirect_box,
        can_switch: verdict.kind == Kind::ConsolePage,
        report: Some(report),
    }
}

/// The captured-redirect box: shown when the tab was opened at a URL unsafe to bookmark, unless the
/// page was opened directly and no bookmark of it exists.
fn redirect_box(report: &PageReport, bookmarks_allowed: bool) -> Option<RedirectBox> {
    if !report.opened_unsafe
        || (report.redirect.is_none() && bookmarks_allowed && report.bookmark.is_none())
    {
        return None;
    }
    let origin = report.redirect.as_ref().map(|r| &r.verdict);
    let title = match (&report.bookmark, origin) {
        (Some(_), _) => bookmark_headline(
            origin.unwrap_or(&report.view.verdict).kind,
            WhichBookmark::Opened,
        ),
        (None, Some(_)) => "This tab arrived through a sign-in redirect".to_owned(),
        (None, None) => {
            "If you opened this page from a bookmark, the bookmark will break".to_owned()
        }
    };
    Some(RedirectBox {
        title,
        started_at: origin.map(|v| v.input.clone()),
        // A page saved without a title is titled with its URL, secret and all.
        bookmark_title: report
            .bookmark
            .as_ref()
            .map(|b| crate::url::redact::redact(&b.title)),
        replacement: report.bookmark.as_ref().and_then(|b| b.replacement.clone()),
        ask_access: !bookmarks_allowed,
    })
}
