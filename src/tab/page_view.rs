//! What the extension shows for a tab: the account, its sign-in URL, the toolbar badge and the
//! in-page notice, decided from the URL, the `aws-userInfo` cookie and the known accounts.

use crate::aws::account::{Account, AccountId, Alias};
use crate::aws::partition::Partition;
use crate::tab::known_accounts::KnownAccounts;
use crate::tab::team_context::{spoken_name, ListedAccount, TeamContext};
use crate::tab::user_info::parse_user_info;
use crate::url::classify::classify;
use crate::url::links;
use crate::url::verdict::{Kind, Verdict, WarningCode};
use serde::{Deserialize, Serialize};

/// What the extension knows besides the URL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct PageContext {
    /// The raw value of the tab's `aws-userInfo` cookie, if any.
    #[serde(default)]
    pub user_info: Option<String>,
    /// The accounts this browser has seen.
    #[serde(default)]
    pub known: KnownAccounts,
    /// The organisation's configuration and the person's own accounts (`team_context`).
    #[serde(default)]
    pub team: TeamContext,
}

/// Everything the extension shows for one tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageView {
    /// What the URL is.
    pub verdict: Verdict,
    /// The account's ID, when known.
    pub account_id: Option<AccountId>,
    /// The account's alias, when known.
    pub alias: Option<String>,
    /// How to name the account to people: the alias, else the ID.
    pub label: Option<String>,
    /// The account's canonical sign-in URL, when the account is known; never on lookalikes.
    pub canonical: Option<String>,
    /// Where to sign in: `canonical`, else the partition's general sign-in page.
    pub signin_url: Option<String>,
    /// The toolbar badge.
    pub badge: Badge,
    /// The in-page notice, if the page deserves one.
    pub notice: Option<Notice>,
    /// What the team configuration says of the account, when it lists it.
    pub team_account: Option<ListedAccount>,
    /// "… is not one of your organisation's accounts", on the sign-in page of such an account.
    pub team_warning: Option<String>,
}

/// The toolbar badge of a tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Badge {
    /// At most 4 characters; empty shows no badge.
    pub text: String,
    /// The badge background, as `#rrggbb`.
    pub color: &'static str,
    /// The toolbar button's tooltip: one line saying what the page is.
    pub title: String,
}

/// How loud a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeLevel {
    /// Useful to know; nothing is wrong.
    Info,
    /// Something will break or leak if the person goes on as usual.
    Warning,
    /// The page is not AWS.
    Danger,
}

/// The notice shown in the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// How loud it is.
    pub level: NoticeLevel,
    /// One short sentence.
    pub headline: String,
    /// What it means and what to do.
    pub detail: String,
    /// Whether to offer `PageView::canonical` (copy, open, bookmark).
    pub show_canonical: bool,
}

/// Neutral grey: the badge only names the account.
pub const NEUTRAL: &str = "#5f6368";
/// Amber: a page not to bookmark or share.
pub const AMBER: &str = "#b06000";
/// Red: a site imitating AWS.
pub const RED: &str = "#c5221f";

/// The account a page is about, with what is known of it.
#[derive(Debug, Clone, Default)]
struct Who {
    account_id: Option<AccountId>,
    alias: Option<Alias>,
}

impl Who {
    fn from_account(account: &Account) -> Who {
        match account {
            Account::Id(id) => Who {
                account_id: Some(id.clone()),
                alias: None,
            },
            Account::Alias(alias) => Who {
                account_id: None,
                alias: Some(alias.clone()),
            },
        }
    }

    /// The label to sign in with and show: the alias, else the ID.
    fn account(&self) -> Option<Account> {
        match (&self.alias, &self.account_id) {
            (Some(alias), _) => Some(Account::Alias(alias.clone())),
            (None, Some(id)) => Some(Account::Id(id.clone())),
            (None, None) => None,
        }
    }

    /// Fills the ID or alias from the known account that has the other.
    fn completed_from(mut self, known: &KnownAccounts) -> Who {
        let by_id = self
            .account_id
            .clone()
            .and_then(|id| known.find(&Account::Id(id)));
        let by_alias = self
            .alias
            .clone()
            .and_then(|a| known.find(&Account::Alias(a)));
        if let Some(entry) = by_id {
            self.alias = self.alias.or_else(|| entry.alias().cloned());
        } else if let Some(entry) = by_alias {
            self.account_id = self.account_id.or_else(|| entry.account_id().cloned());
        }
        self
    }
}

/// Decides what to show for the tab at `url`.
pub fn page_view(url: &str, context: &PageContext) -> PageView {
    let verdict = classify(url);
    let team = context.team.read();
    let mut who = identify(&verdict, context).completed_from(&context.known);
    let listed = team.listed(who.account_id.as_ref(), who.alias.as_ref());
    if let Some(listed) = listed {
        // The team configuration ties the ID and the alias together too.
        who.account_id = who
            .account_id
            .or_else(|| Some(listed.account.account_id.clone()));
        who.alias = who.alias.or_else(|| listed.account.alias.clone());
    }
    let account = who.account();
    let label = account.as_ref().map(|a| a.as_str().to_owned());
    // How sentences name the account: with its display name, when the team gives one.
    let display_name = listed.and_then(|l| l.account.display_name.as_ref());
    let name = label
        .as_deref()
        .map(|l| spoken_name(l, display_name.map(|n| n.as_str())));
    // The URL's own canonical form first: it names the account with the label the URL uses.
    let canonical = verdict.canonical.clone().or_else(|| {
        let partition = verdict.partition?;
        Some(links::canonical_url(account.as_ref()?, partition))
    });
    let signin_url = canonical.clone().or_else(|| match verdict.kind {
        Kind::Unrelated => None,
        // Somewhere safe to go instead of the imitation.
        Kind::Lookalike => Partition::Aws.general_signin_url(),
        _ => verdict.partition.and_then(Partition::general_signin_url),
    });
    let mut badge = badge(&verdict, label.as_deref(), name.as_deref());
    let mut notice = notice(&verdict, name.as_deref(), canonical.is_some());
    let team_warning = match (verdict.kind, &verdict.account) {
        (Kind::AccountSignin, Some(shown)) => {
            team.warning(shown, who.account_id.as_ref(), who.alias.as_ref())
        }
        _ => None,
    };
    if let Some(warning) = &team_warning {
        (badge, notice) = warned(notice, warning);
    }
    let team_account = listed
        .zip(label.as_deref())
        .map(|(listed, label)| ListedAccount::of(listed, label));
    PageView {
        account_id: who.account_id,
        alias: who.alias.map(|a| a.as_str().to_owned()),
        label,
        canonical,
        signin_url,
        badge,
        notice,
        team_account,
        team_warning,
        verdict,
    }
}

/// The account the page is about: from the URL where it names the account signed in to, from
/// the cookie on console pages, or the only known account on pages that hide the account.
fn identify(verdict: &Verdict, context: &PageContext) -> Who {
    let Some(partition) = verdict.partition else {
        return Who::default();
    };
    let from_url = verdict.account.as_ref().map(Who::from_account);
    match verdict.kind {
        Kind::AccountSignin => from_url.unwrap_or_default(),
        Kind::ConsolePage => {
            let cookie = context
                .user_info
                .as_deref()
                .and_then(parse_user_info)
                .filter(|info| info.partition.is_none_or(|p| p == partition))
                .map(|info| Who {
                    account_id: info.account_id,
                    alias: info.alias,
                });
            match (from_url, cookie) {
                // A multi-session page names its account; the cookie may be another session's.
                (Some(url), Some(cookie)) if url.account_id == cookie.account_id => cookie,
                (Some(url), _) => url,
                (None, cookie) => cookie.unwrap_or_default(),
            }
        }
        Kind::SigninRedirect | Kind::FederationToken => from_url
            .or_else(|| {
                context.known.sole_account(partition).map(|known| Who {
                    account_id: known.account_id().cloned(),
                    alias: known.alias().cloned(),
                })
            })
            .unwrap_or_default(),
        // Sign-in without an account, switch-role and portal targets: not the person's account.
        _ => Who::default(),
    }
}

/// "prod" → "prod", "my-company" → "my-c", "123456789012" → "9012".
fn short_label(label: &str) -> String {
    if label.bytes().all(|b| b.is_ascii_digit()) {
        label[label.len().saturating_sub(4)..].to_owned()
    } else {
        label.chars().take(4).collect()
    }
}

/// `label` names the account in the badge's text, `name` in its title.
fn badge(verdict: &Verdict, label: Option<&str>, name: Option<&str>) -> Badge {
    let (text, color, title) = match (verdict.kind, label) {
        (Kind::Unrelated, _) => (String::new(), NEUTRAL, String::new()),
        (Kind::Lookalike, _) => (
            "!!".to_owned(),
            RED,
            "Not AWS: this site imitates an AWS sign-in or console page".to_owned(),
        ),
        (Kind::SigninRedirect, _) => (
            "!".to_owned(),
            AMBER,
            "A page of the AWS sign-in flow: don't bookmark it".to_owned(),
        ),
        (Kind::FederationToken, _) => (
            "!".to_owned(),
            AMBER,
            "A one-time federation sign-in link: it holds a secret, don't bookmark or share it"
                .to_owned(),
        ),
        (Kind::AccountSignin, None) => (
            "!".to_owned(),
            AMBER,
            "This sign-in URL names no valid account".to_owned(),
        ),
        (Kind::AccountSignin, Some(label)) => {
            let name = name.unwrap_or(label);
            let title = if verdict.has_warning(WarningCode::NotCanonical) {
                format!("Sign-in page of account {name}, not in its canonical form")
            } else {
                format!("Sign-in page of account {name}")
            };
            (short_label(label), NEUTRAL, title)
        }
        (Kind::ConsolePage, label) => {
            let mut title = match name.or(label) {
                Some(name) => format!("AWS console, account {name}"),
                None => "AWS console".to_owned(),
            };
            if let Some(region) = verdict.region {
                title.push_str(&format!(", {} ({})", region.name(), region.code()));
            }
            (label.map(short_label).unwrap_or_default(), NEUTRAL, title)
        }
        (Kind::GeneralSignin, _) => (
            String::new(),
            NEUTRAL,
            "AWS sign-in page (no account in the URL)".to_owned(),
        ),
        (Kind::SwitchRole, _) => {
            let title = match &verdict.account {
                Some(target) => format!("AWS switch-role page, to account {target}"),
                None => "AWS switch-role page".to_owned(),
            };
            (String::new(), NEUTRAL, title)
        }
        (Kind::AccessPortal, _) => (
            String::new(),
            NEUTRAL,
            "IAM Identity Center access portal".to_owned(),
        ),
    };
    Badge { text, color, title }
}

fn notice(verdict: &Verdict, label: Option<&str>, has_canonical: bool) -> Option<Notice> {
    let warning_text = |code: WarningCode| {
        verdict
            .warnings
            .iter()
            .find(|w| w.code == code)
            .map(|w| w.message.clone())
    };
    let bookmark_instead = match (label, verdict.partition) {
        (Some(label), _) if has_canonical => {
            format!("Bookmark the sign-in URL of account {label} instead.")
        }
        (_, partition) => format!(
            "Bookmark your account's sign-in URL instead: https://ACCOUNT.{}/console, with your \
             account ID or alias for ACCOUNT.",
            partition.unwrap_or(Partition::Aws).signin_domain()
        ),
    };
    let notice = match verdict.kind {
        Kind::Unrelated | Kind::GeneralSignin | Kind::SwitchRole | Kind::AccessPortal => {
            return None
        }
        Kind::Lookalike => Notice {
            level: NoticeLevel::Danger,
            headline: "This is not an AWS page".to_owned(),
            detail: format!(
                "{} Do not enter your AWS password, MFA code or access keys here.",
                sentence(warning_text(WarningCode::Lookalike).unwrap_or_else(|| {
                    "This site imitates an AWS sign-in or console page".to_owned()
                }))
            ),
            show_canonical: false,
        },
        Kind::SigninRedirect => Notice {
            level: NoticeLevel::Warning,
            headline: "This page is part of the sign-in flow — don't bookmark it".to_owned(),
            detail: format!(
                "A bookmark of this page stops working once this sign-in is over. {bookmark_instead}"
            ),
            show_canonical: has_canonical,
        },
        Kind::FederationToken => Notice {
            level: NoticeLevel::Warning,
            headline: "This link carries a one-time sign-in token — don't bookmark or share it"
                .to_owned(),
            detail: format!(
                "The token is a secret and expires within hours. {bookmark_instead}"
            ),
            show_canonical: has_canonical,
        },
        Kind::AccountSignin => match label {
            None => Notice {
                level: NoticeLevel::Warning,
                headline: "This sign-in URL names no valid account".to_owned(),
                detail: sentence(
                    warning_text(WarningCode::InvalidAccountLabel)
                        .unwrap_or_else(|| "The account label is not valid".to_owned()),
                ),
                show_canonical: false,
            },
            Some(label) => {
                let mut detail = if verdict.has_warning(WarningCode::NotCanonical) {
                    "This is the account's sign-in page, but not in its canonical form: bookmark \
                     the canonical URL instead."
                        .to_owned()
                } else {
                    "This is the URL to bookmark for this account.".to_owned()
                };
                if let Some(opt_in) = warning_text(WarningCode::OptInRegion) {
                    detail.push(' ');
                    detail.push_str(&sentence(opt_in));
                }
                Notice {
                    level: NoticeLevel::Info,
                    headline: format!("Sign-in page of account {label}"),
                    detail,
                    show_canonical: has_canonical,
                }
            }
        },
        Kind::ConsolePage => {
            let label = label.filter(|_| has_canonical)?;
            let detail = if verdict.has_warning(WarningCode::MultiSession) {
                "This console link belongs to one multi-session sign-in and stops working when it \
                 ends; to come back to this account, use its sign-in URL."
            } else {
                "To come back to this account, use its sign-in URL."
            };
            Notice {
                level: NoticeLevel::Info,
                headline: format!("AWS console — account {label}"),
                detail: detail.to_owned(),
                show_canonical: true,
            }
        }
    };
    Some(notice)
}

/// A warning message as a sentence (the verdict's messages have no final full stop).
fn sentence(text: String) -> String {
    if text.ends_with('.') {
        text
    } else {
        text + "."
    }
}

/// The badge and notice of an account sign-in page with the team warning: amber, and the notice
/// a warning that says so first.
pub(crate) fn warned(notice: Option<Notice>, warning: &str) -> (Badge, Option<Notice>) {
    let badge = Badge {
        text: "!".to_owned(),
        color: AMBER,
        title: warning.to_owned(),
    };
    let before = "Your organisation's Sign-in Guard configuration does not list it: make sure it \
                  is the account you mean before you sign in.";
    let notice = Notice {
        level: NoticeLevel::Warning,
        headline: warning.to_owned(),
        detail: match &notice {
            Some(notice) => format!("{before} {}", notice.detail),
            None => before.to_owned(),
        },
        show_canonical: notice.is_some_and(|n| n.show_canonical),
    };
    (badge, Some(notice))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::regions::Region;
    use crate::tab::known_accounts::tests::known;

    const COOKIE: &str = "%7B%22alias%22%3A%22myalias%22%2C%22arn%22%3A%22arn%3Aaws%3Asts%3A%3A123456789012%3Aassumed-role%2FAdmin%2Fjane%22%7D";

    fn view(url: &str) -> PageView {
        page_view(url, &PageContext::default())
    }

    fn view_with(url: &str, user_info: Option<&str>, known: KnownAccounts) -> PageView {
        page_view(
            url,
            &PageContext {
                user_info: user_info.map(str::to_owned),
                known,
                team: TeamContext::default(),
            },
        )
    }

    fn one_known() -> KnownAccounts {
        known(&[("111111111111", "prod", "us-east-2", 1)])
    }

    fn two_known() -> KnownAccounts {
        known(&[
            ("111111111111", "prod", "us-east-2", 2),
            ("222222222222", "dev", "eu-west-1", 1),
        ])
    }

    fn level(view: &PageView) -> Option<NoticeLevel> {
        view.notice.as_ref().map(|n| n.level)
    }

    #[test]
    fn account_page_badge_shows_the_first_letters_of_the_alias() {
        let view = view("https://my-company-prod.signin.aws.amazon.com/console");
        assert_eq!(view.label.as_deref(), Some("my-company-prod"));
        assert_eq!(view.badge.text, "my-c");
        assert_eq!(view.badge.color, NEUTRAL);
        assert_eq!(view.badge.title, "Sign-in page of account my-company-prod");
    }

    #[test]
    fn account_page_badge_shows_the_last_digits_of_an_id() {
        let view = view("https://123456789012.signin.aws.amazon.com/console");
        assert_eq!(view.badge.text, "9012");
        assert_eq!(
            view.account_id.as_ref().map(AccountId::as_str),
            Some("123456789012")
        );
        assert_eq!(view.alias, None);
    }

    #[test]
    fn account_page_shows_an_info_notice_with_the_canonical_url() {
        let view = view("http://MyAlias.signin.aws.amazon.com/console/");
        assert_eq!(
            view.canonical.as_deref(),
            Some("https://myalias.signin.aws.amazon.com/console")
        );
        assert_eq!(view.signin_url, view.canonical);
        let notice = view.notice.expect("a notice");
        assert_eq!(notice.level, NoticeLevel::Info);
        assert_eq!(notice.headline, "Sign-in page of account myalias");
        assert!(
            notice.detail.contains("not in its canonical form"),
            "{}",
            notice.detail
        );
        assert!(notice.show_canonical);
        assert_eq!(
            view.badge.title,
            "Sign-in page of account myalias, not in its canonical form"
        );
    }

    #[test]
    fn account_page_notice_mentions_an_opt_in_region() {
        let opt_in = Region::all(Some(Partition::Aws))
            .find(|r| r.opt_in())
            .expect("the table has opt-in regions");
        let view = view(&format!(
            "https://myalias.signin.aws.amazon.com/console?region={}",
            opt_in.code()
        ));
        let notice = view.notice.expect("a notice");
        assert!(
            notice.detail.starts_with("This is the URL to bookmark"),
            "{}",
            notice.detail
        );
        assert!(notice.detail.contains("opt-in region"), "{}", notice.detail);
    }

    #[test]
    fn known_account_completes_the_alias_of_an_id_page() {
        let view = view_with(
            "https://111111111111.signin.aws.amazon.com/console",
            None,
            two_known(),
        );
        assert_eq!(view.alias.as_deref(), Some("prod"));
        assert_eq!(view.label.as_deref(), Some("prod"));
        // The canonical URL keeps the label the URL uses.
        assert_eq!(
            view.canonical.as_deref(),
            Some("https://111111111111.signin.aws.amazon.com/console")
        );
    }

    #[test]
    fn invalid_account_label_warns_and_offers_no_canonical() {
        let view = view("https://my--alias.signin.aws.amazon.com/console");
        assert_eq!(view.canonical, None);
        assert_eq!(
            view.signin_url.as_deref(),
            Some("https://console.aws.amazon.com/")
        );
        assert_eq!(view.badge.text, "!");
        let notice = view.notice.expect("a notice");
        assert_eq!(notice.level, NoticeLevel::Warning);
        assert!(notice.detail.contains("two hyphens"), "{}", notice.detail);
        assert!(!notice.show_canonical);
    }

    #[test]
    fn captured_redirect_warns_with_an_amber_badge() {
        let view = view("https://us-east-2.signin.aws.amazon.com/oauth?response_type=code");
        assert_eq!(view.badge.text, "!");
        assert_eq!(view.badge.color, AMBER);
        let notice = view.notice.expect("a notice");
        assert_eq!(notice.level, NoticeLevel::Warning);
        assert_eq!(
            notice.headline,
            "This page is part of the sign-in flow — don't bookmark it"
        );
        assert!(!notice.show_canonical);
        assert!(notice
            .detail
            .contains("https://ACCOUNT.signin.aws.amazon.com/console"));
        assert_eq!(view.canonical, None);
        assert_eq!(
            view.signin_url.as_deref(),
            Some("https://console.aws.amazon.com/")
        );
    }

    #[test]
    fn redirect_uses_the_only_known_account() {
        let view = view_with("https://signin.aws.amazon.com/oauth?x=1", None, one_known());
        assert_eq!(view.label.as_deref(), Some("prod"));
        assert_eq!(
            view.canonical.as_deref(),
            Some("https://prod.signin.aws.amazon.com/console")
        );
        let notice = view.notice.expect("a notice");
        assert!(notice.show_canonical);
        assert_eq!(notice.detail, "A bookmark of this page stops working once this sign-in is over. Bookmark the sign-in URL of account prod instead.");
        assert_eq!(view.badge.text, "!");
    }

    #[test]
    fn redirect_guesses_no_account_among_several() {
        let view = view_with("https://signin.aws.amazon.com/oauth?x=1", None, two_known());
        assert_eq!(view.label, None);
        assert_eq!(view.canonical, None);
    }

    #[test]
    fn redirect_ignores_a_known_account_of_another_partition() {
        let view = view_with("https://signin.amazonaws.cn/oauth?x=1", None, one_known());
        assert_eq!(view.label, None);
        assert_eq!(
            view.signin_url.as_deref(),
            Some("https://console.amazonaws.cn/")
        );
    }

    #[test]
    fn federation_token_warns() {
        let view = view("https://signin.aws.amazon.com/federation?Action=login&SigninToken=SECRET");
        assert_eq!(view.badge.text, "!");
        assert_eq!(view.badge.color, AMBER);
        let notice = view.notice.expect("a notice");
        assert_eq!(notice.level, NoticeLevel::Warning);
        assert!(notice.headline.contains("one-time sign-in token"));
        assert!(!view.verdict.input.contains("SECRET"));
    }

    #[test]
    fn lookalike_is_danger_with_a_red_badge_and_no_canonical() {
        let view = view_with(
            "https://signin.aws.amazon.com.evil.example/console",
            None,
            one_known(),
        );
        assert_eq!(view.badge.text, "!!");
        assert_eq!(view.badge.color, RED);
        assert_eq!(view.canonical, None);
        assert_eq!(view.label, None);
        assert_eq!(
            view.signin_url.as_deref(),
            Some("https://console.aws.amazon.com/")
        );
        let notice = view.notice.expect("a notice");
        assert_eq!(notice.level, NoticeLevel::Danger);
        assert!(!notice.show_canonical);
        assert!(notice
            .detail
            .ends_with("Do not enter your AWS password, MFA code or access keys here."));
    }

    #[test]
    fn unrelated_page_has_no_badge_and_no_notice() {
        let view = view_with("https://example.com/", Some(COOKIE), one_known());
        assert_eq!(view.badge.text, "");
        assert_eq!(view.badge.title, "");
        assert_eq!(view.notice, None);
        assert_eq!(view.label, None);
        assert_eq!(view.signin_url, None);
    }

    #[test]
    fn console_page_names_the_account_from_the_cookie() {
        let view = view_with(
            "https://us-east-2.console.aws.amazon.com/ec2/home?region=us-east-2",
            Some(COOKIE),
            KnownAccounts::new(),
        );
        assert_eq!(
            view.account_id.as_ref().map(AccountId::as_str),
            Some("123456789012")
        );
        assert_eq!(view.label.as_deref(), Some("myalias"));
        assert_eq!(view.badge.text, "myal");
        assert_eq!(
            view.badge.title,
            "AWS console, account myalias, US East (Ohio) (us-east-2)"
        );
        assert_eq!(
            view.canonical.as_deref(),
            Some("https://myalias.signin.aws.amazon.com/console")
        );
        let notice = view.notice.expect("a notice");
        assert_eq!(notice.level, NoticeLevel::Info);
        assert_eq!(notice.headline, "AWS console — account myalias");
    }

    #[test]
    fn console_page_without_cookie_is_quiet() {
        let view = view_with(
            "https://console.aws.amazon.com/iam/home#/users",
            None,
            one_known(),
        );
        assert_eq!(view.label, None);
        assert_eq!(view.notice, None);
        assert_eq!(view.badge.text, "");
        assert_eq!(view.badge.title, "AWS console");
    }

    #[test]
    fn cookie_of_another_partition_is_ignored() {
        let view = view_with(
            "https://cn-north-1.console.amazonaws.cn/ec2/home",
            Some(COOKIE),
            KnownAccounts::new(),
        );
        assert_eq!(view.label, None);
    }

    #[test]
    fn multi_session_console_names_its_account_and_ignores_another_sessions_cookie() {
        let url = "https://222222222222-abcd1234.us-east-1.console.aws.amazon.com/console/home";
        let view = view_with(url, Some(COOKIE), two_known());
        assert_eq!(
            view.account_id.as_ref().map(AccountId::as_str),
            Some("222222222222")
        );
        assert_eq!(view.alias.as_deref(), Some("dev"));
        assert_eq!(
            view.canonical.as_deref(),
            Some("https://222222222222.signin.aws.amazon.com/console")
        );
        let notice = view.notice.expect("a notice");
        assert_eq!(notice.level, NoticeLevel::Info);
        assert!(notice.detail.contains("multi-session"), "{}", notice.detail);
    }

    #[test]
    fn general_signin_and_portals_have_no_notice() {
        for url in [
            "https://console.aws.amazon.com/",
            "https://signin.aws.amazon.com/console",
            "https://d-1234567890.awsapps.com/start",
            "https://signin.aws.amazon.com/switchrole?account=123456789012&roleName=Dev",
        ] {
            let view = view_with(url, Some(COOKIE), one_known());
            assert_eq!(level(&view), None, "{url}");
            assert_eq!(view.badge.text, "", "{url}");
            assert_eq!(view.label, None, "{url}");
            assert!(!view.badge.title.is_empty(), "{url}");
        }
    }

    #[test]
    fn switch_role_title_names_the_target() {
        let view =
            view("https://signin.aws.amazon.com/switchrole?account=123456789012&roleName=Dev");
        assert_eq!(
            view.badge.title,
            "AWS switch-role page, to account 123456789012"
        );
    }

    #[test]
    fn short_labels() {
        assert_eq!(short_label("ab1"), "ab1");
        assert_eq!(short_label("production"), "prod");
        assert_eq!(short_label("012345678901"), "8901");
    }

    #[test]
    fn context_reads_from_json_with_known_missing() {
        let context: PageContext =
            serde_json::from_value(serde_json::json!({"user_info": null})).expect("context");
        assert_eq!(context, PageContext::default());
    }

    #[test]
    fn serialised_shape_matches_the_contract() {
        let value = serde_json::to_value(view("https://myalias.signin.aws.amazon.com/console"))
            .expect("json");
        let keys: Vec<_> = value.as_object().expect("object").keys().cloned().collect();
        let mut expected = [
            "verdict",
            "account_id",
            "alias",
            "label",
            "canonical",
            "signin_url",
            "badge",
            "notice",
            "team_account",
            "team_warning",
        ];
        expected.sort_unstable();
        let mut keys = keys;
        keys.sort();
        assert_eq!(keys, expected);
        assert_eq!(value["notice"]["level"], "info");
        assert_eq!(value["badge"]["color"], NEUTRAL);
        assert_eq!(value["notice"]["show_canonical"], true);
    }
}
