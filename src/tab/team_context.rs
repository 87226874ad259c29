//! The team's context of a page: which of the team's accounts a page names, how sentences name
//! it, and whether the organisation surely does not list it (the page view shows the warning).
//!
//! The extension hands over what it stores, as is: the organisation's configuration read from
//! managed storage (`managed`) and the person's own accounts (`user`), both in the team format.
//! Both are read leniently here (an unusable one counts as none), so a bad stored value never
//! stops a page from being described.

use super::read_stored::{At, ReadError, ReadStored};
use super::stored_team;
use super::stored_value::StoredValue;
use crate::aws::account::{Account, AccountId, Alias};
use crate::aws::regions::Region;
use crate::team::config::{
    merge, team_warning, MergedAccount, MergedAccounts, Source, TeamConfig, UserAccounts,
};
use serde::de::{Deserializer, Error as _};
use serde::{Deserialize, Serialize};

/// The team configuration and the person's own accounts, as the extension stores them: both as
/// the core wrote them, read strictly (`stored_team`, as `team::config::checked_or_none` reads),
/// so that describing a page does not take the lenient reader. A stored configuration that does
/// not read is none, as a whole: the fields after it read as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamContext {
    /// The organisation's configuration (managed storage) as checked, if any.
    pub managed: Option<TeamConfig>,
    /// The person's own accounts (a team-format document the core wrote), if any.
    pub user: Option<TeamConfig>,
}

/// Why a stored team context does not read as a whole.
enum ContextError<'v> {
    /// A field given twice.
    Duplicate(&'static str),
    /// A list of more than its two fields.
    TooLong,
    /// Neither an object nor a list.
    Other(&'v StoredValue),
}

impl TeamContext {
    /// As serde's derive reads a struct of two fields with defaults: an object (a field given
    /// twice is an error) or a list of at most two; anything else is an error of the whole.
    fn from_stored(value: &StoredValue) -> Result<TeamContext, ContextError<'_>> {
        let read = |v: Option<&StoredValue>| v.and_then(stored_team::read_config);
        match value {
            StoredValue::Object(entries) => {
                for name in ["managed", "user"] {
                    if entries.iter().filter(|(n, _)| n == name).count() > 1 {
                        return Err(ContextError::Duplicate(name));
                    }
                }
                Ok(TeamContext {
                    managed: read(value.get("managed")),
                    user: read(value.get("user")),
                })
            }
            StoredValue::List(items) if items.len() <= 2 => Ok(TeamContext {
                managed: read(items.first()),
                user: read(items.get(1)),
            }),
            StoredValue::List(_) => Err(ContextError::TooLong),
            other => Err(ContextError::Other(other)),
        }
    }
}

/// With serde's messages.
impl<'de> Deserialize<'de> for TeamContext {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TeamContext, D::Error> {
        let value = StoredValue::deserialize(deserializer)?;
        TeamContext::from_stored(&value).map_err(|error| match error {
            ContextError::Duplicate(name) => {
                D::Error::custom(format_args!("duplicate field `{name}`"))
            }
            ContextError::TooLong => D::Error::custom("trailing characters"),
            ContextError::Other(other) => {
                D::Error::invalid_type(other.unexpected(), &"struct TeamContext")
            }
        })
    }
}

impl ReadStored for TeamContext {
    fn read(value: &StoredValue, at: At<'_>) -> Result<TeamContext, ReadError> {
        TeamContext::from_stored(value).map_err(|error| match error {
            ContextError::Duplicate(name) => ReadError::new(at, format!("{name} given twice")),
            ContextError::TooLong => ReadError::new(at, "expected an object, found a list"),
            ContextError::Other(other) => {
                ReadError::new(at, format!("expected an object, found {}", other.kind()))
            }
        })
    }
}

/// The context read: the organisation's configuration and the accounts people see.
#[derive(Debug, Clone)]
pub struct Team {
    /// The organisation's configuration, when there is a usable one.
    pub managed: Option<TeamConfig>,
    /// The organisation's accounts merged with the person's.
    pub accounts: MergedAccounts,
}

/// How the page view names a listed account: what the team configuration says of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListedAccount {
    /// How sentences name it: "Production (acme-prod)", or the label alone.
    pub name: String,
    /// The display name, if the account has one.
    pub display_name: Option<String>,
    /// Its colour, `#rrggbb`.
    pub color: Option<String>,
    /// The region to offer first.
    pub default_region: Option<Region>,
    /// `managed` (the organisation's) or `user` (the person's own).
    pub source: Source,
    /// "managed by your organisation" or "added by you".
    pub source_label: &'static str,
}

impl TeamContext {
    /// The organisation's accounts merged with the person's.
    pub fn read(&self) -> Team {
        let managed = self.managed.clone();
        let user = self
            .user
            .clone()
            .map(UserAccounts::from_config)
            .unwrap_or_default();
        let accounts = merge(managed.as_ref(), &user);
        Team { managed, accounts }
    }
}

impl Team {
    /// The listed account (the organisation's or the person's) with this ID, else this alias.
    pub fn listed(&self, id: Option<&AccountId>, alias: Option<&Alias>) -> Option<&MergedAccount> {
        let by_id = id.and_then(|id| self.accounts.find(&Account::Id(id.clone())));
        by_id.or_else(|| alias.and_then(|a| self.accounts.find(&Account::Alias(a.clone()))))
    }

    /// The warning for the sign-in page of `shown` (the account as the URL names it), whose ID
    /// and alias, as far as they are known, are `id` and `alias`: set only when the
    /// organisation's configuration exists and surely does not list the account.
    pub fn warning(
        &self,
        shown: &Account,
        id: Option<&AccountId>,
        alias: Option<&Alias>,
    ) -> Option<String> {
        let managed = self.managed.as_ref()?;
        let listed = |account: Account| managed.is_known_to_team(&account) == Some(true);
        if id.cloned().is_some_and(|id| listed(Account::Id(id)))
            || alias.cloned().is_some_and(|a| listed(Account::Alias(a)))
        {
            return None;
        }
        team_warning(Some(managed), shown)
    }
}

impl ListedAccount {
    /// What the page view shows of a listed account; `label` is how the page names it.
    pub fn of(account: &MergedAccount, label: &str) -> ListedAccount {
        let team = &account.account;
        ListedAccount {
            name: spoken_name(label, team.display_name.as_ref().map(|n| n.as_str())),
            display_name: team.display_name.as_ref().map(|n| n.as_str().to_owned()),
            color: team.color.as_ref().map(|c| c.as_str().to_owned()),
            default_region: team.default_region,
            source: account.source,
            source_label: account.source.description(),
        }
    }
}

/// How sentences name an account: "Production (acme-prod)" when it has a display name other
/// than its label, else the label.
pub fn spoken_name(label: &str, display_name: Option<&str>) -> String {
    match display_name {
        Some(name) if !name.eq_ignore_ascii_case(label) => format!("{name} ({label})"),
        _ => label.to_owned(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::tab::omnibox::OmniboxAnswer;
    use crate::tab::page_view::{page_view, NoticeLevel, PageContext, PageView, AMBER};
    use serde_json::{json, Value};

    pub(crate) fn example() -> Value {
        json!({
            "version": 1,
            "accounts": [
                {"accountId": "111122223333", "alias": "acme-prod", "displayName": "Production",
                 "defaultRegion": "eu-west-1", "color": "#c5221f"},
                {"accountId": "444455556666", "alias": "acme-staging", "displayName": "Staging"},
                {"accountId": "210987654321", "alias": "acme-data", "displayName": "Data lake",
                 "defaultRegion": "eu-central-1"}
            ],
            "policy": {"lockAccounts": true}
        })
    }

    /// The context as the extension hands it over, read as the wasm boundary reads it.
    fn context(managed: Option<Value>, user: Option<Value>) -> TeamContext {
        serde_json::from_value(json!({"managed": managed, "user": user})).expect("always reads")
    }

    pub(crate) fn team(managed: Option<Value>, user: Option<Value>) -> Team {
        context(managed, user).read()
    }

    pub(crate) fn contents(answer: &OmniboxAnswer) -> Vec<&str> {
        answer
            .suggestions
            .iter()
            .map(|s| s.content.as_str())
            .collect()
    }

    #[test]
    fn unusable_or_missing_documents_count_as_none() {
        let none = team(Some(json!({})), Some(json!("not a document")));
        assert!(none.managed.is_none());
        assert!(none.accounts.accounts.is_empty());
        assert!(!none.accounts.policy.managed);
        assert!(team(Some(Value::Null), None).managed.is_none());
    }

    #[test]
    fn listed_accounts_are_found_by_id_then_alias() {
        let team = team(Some(example()), None);
        let id = AccountId::parse("111122223333").expect("id");
        let alias = Alias::parse("acme-data").expect("alias");
        let by_id = team.listed(Some(&id), Some(&alias)).expect("listed");
        assert_eq!(by_id.account.account_id, id);
        let by_alias = team.listed(None, Some(&alias)).expect("listed");
        assert_eq!(by_alias.account.account_id.as_str(), "210987654321");
        assert!(team.listed(None, None).is_none());
    }

    #[test]
    fn the_warning_is_only_for_accounts_the_organisation_surely_does_not_list() {
        let team = team(Some(example()), None);
        let other = Account::parse("999988887777").expect("id");
        let other_id = AccountId::parse("999988887777").expect("id");
        assert_eq!(
            team.warning(&other, Some(&other_id), None).as_deref(),
            Some("999988887777 is not one of your organisation's accounts")
        );
        let prod = Account::parse("acme-prod").expect("alias");
        let prod_alias = Alias::parse("acme-prod").expect("alias");
        assert_eq!(team.warning(&prod, None, Some(&prod_alias)), None);
        // An alias the known accounts tie to a listed ID is the team's.
        let old = Account::parse("old-name").expect("alias");
        let old_alias = Alias::parse("old-name").expect("alias");
        let prod_id = AccountId::parse("111122223333").expect("id");
        assert_eq!(team.warning(&old, Some(&prod_id), Some(&old_alias)), None);
        // Without an organisation's configuration there is nothing to warn about.
        let personal = self::team(None, Some(example()));
        assert_eq!(personal.warning(&other, Some(&other_id), None), None);
    }

    #[test]
    fn spoken_names_put_the_display_name_first() {
        assert_eq!(
            spoken_name("acme-prod", Some("Production")),
            "Production (acme-prod)"
        );
        assert_eq!(spoken_name("prod", Some("Prod")), "prod");
        assert_eq!(spoken_name("acme-prod", None), "acme-prod");
    }

    fn view(url: &str, managed: Option<Value>, user: Option<Value>) -> PageView {
        let context = PageContext {
            team: context(managed, user),
            ..PageContext::default()
        };
        page_view(url, &context)
    }

    #[test]
    fn a_team_account_is_named_by_its_display_name_on_its_sign_in_page() {
        let view = view(
            "https://acme-prod.signin.aws.amazon.com/console",
            Some(example()),
            None,
        );
        assert_eq!(view.label.as_deref(), Some("acme-prod"));
        assert_eq!(
            view.account_id.as_ref().map(AccountId::as_str),
            Some("111122223333"),
            "the team configuration ties the alias to its ID"
        );
        let notice = view.notice.expect("a notice");
        assert_eq!(notice.level, NoticeLevel::Info);
        assert_eq!(
            notice.headline,
            "Sign-in page of account Production (acme-prod)"
        );
        assert_eq!(view.badge.text, "acme");
        assert_eq!(
            view.badge.title,
            "Sign-in page of account Production (acme-prod)"
        );
        let listed = view.team_account.expect("listed");
        assert_eq!(listed.name, "Production (acme-prod)");
        assert_eq!(listed.display_name.as_deref(), Some("Production"));
        assert_eq!(listed.default_region.map(Region::code), Some("eu-west-1"));
        assert_eq!(listed.color.as_deref(), Some("#c5221f"));
        assert_eq!(listed.source, Source::Managed);
        assert_eq!(listed.source_label, "managed by your organisation");
        assert_eq!(view.team_warning, None);
    }

    #[test]
    fn an_id_in_the_url_gets_the_team_alias_and_display_name() {
        let view = view(
            "https://210987654321.signin.aws.amazon.com/console",
            Some(example()),
            None,
        );
        assert_eq!(view.alias.as_deref(), Some("acme-data"));
        assert_eq!(
            view.canonical.as_deref(),
            Some("https://210987654321.signin.aws.amazon.com/console"),
            "the canonical URL is still the one the URL names"
        );
        assert_eq!(
            view.notice.expect("a notice").headline,
            "Sign-in page of account Data lake (acme-data)"
        );
    }

    #[test]
    fn an_account_the_organisation_does_not_list_is_warned_about() {
        let view = view(
            "https://999988887777.signin.aws.amazon.com/console",
            Some(example()),
            None,
        );
        let warning = "999988887777 is not one of your organisation's accounts";
        assert_eq!(view.team_warning.as_deref(), Some(warning));
        let notice = view.notice.expect("a notice");
        assert_eq!(notice.level, NoticeLevel::Warning);
        assert_eq!(notice.headline, warning);
        assert!(
            notice
                .detail
                .contains("make sure it is the account you mean"),
            "{}",
            notice.detail
        );
        assert!(
            notice
                .detail
                .ends_with("This is the URL to bookmark for this account."),
            "{}",
            notice.detail
        );
        assert!(notice.show_canonical);
        assert_eq!((view.badge.text.as_str(), view.badge.color), ("!", AMBER));
        assert_eq!(view.badge.title, warning);
        assert!(view.team_account.is_none());
    }

    #[test]
    fn the_persons_own_account_is_named_but_still_not_the_organisations() {
        let user = json!({"version": 1, "accounts": [
            {"accountId": "999988887777", "alias": "my-lab", "displayName": "My lab"}]});
        let view = view(
            "https://my-lab.signin.aws.amazon.com/console",
            Some(example()),
            Some(user),
        );
        assert_eq!(
            view.team_warning.as_deref(),
            Some("my-lab is not one of your organisation's accounts")
        );
        let listed = view.team_account.expect("listed as the person's own");
        assert_eq!(listed.source, Source::User);
        assert_eq!(listed.source_label, "added by you");
        assert_eq!(
            view.badge.title,
            "my-lab is not one of your organisation's accounts"
        );
    }

    #[test]
    fn without_an_organisation_there_is_no_warning() {
        let user = json!({"version": 1, "accounts": [
            {"accountId": "111122223333", "alias": "acme-prod", "displayName": "Production"}]});
        let unlisted = view(
            "https://999988887777.signin.aws.amazon.com/console",
            None,
            Some(user.clone()),
        );
        assert_eq!(unlisted.team_warning, None);
        assert_eq!(unlisted.notice.expect("a notice").level, NoticeLevel::Info);
        let named = view(
            "https://acme-prod.signin.aws.amazon.com/console",
            None,
            Some(user),
        );
        assert_eq!(
            named.notice.expect("a notice").headline,
            "Sign-in page of account Production (acme-prod)"
        );
    }

    #[test]
    fn console_pages_name_the_team_account_but_do_not_warn() {
        let cookie = "%7B%22arn%22%3A%22arn%3Aaws%3Asts%3A%3A111122223333%3Aassumed-role%2FAdmin%2Fjane%22%7D";
        let context = PageContext {
            user_info: Some(cookie.to_owned()),
            team: context(Some(example()), None),
            ..PageContext::default()
        };
        let view = page_view(
            "https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1",
            &context,
        );
        assert_eq!(
            view.notice.expect("a notice").headline,
            "AWS console — account Production (acme-prod)"
        );
        assert!(
            view.badge
                .title
                .starts_with("AWS console, account Production (acme-prod)"),
            "{}",
            view.badge.title
        );
        let stranger = PageContext {
            user_info: Some(cookie.replace("111122223333", "999988887777")),
            ..context
        };
        let view = page_view(
            "https://eu-west-1.console.aws.amazon.com/console/home",
            &stranger,
        );
        assert_eq!(view.team_warning, None);
    }

    #[test]
    fn no_team_changes_nothing() {
        let url = "https://acme-prod.signin.aws.amazon.com/console";
        let plain = page_view(url, &PageContext::default());
        assert_eq!(plain, view(url, None, None));
        assert_eq!(plain, view(url, Some(json!({})), Some(json!(null))));
        assert!(plain.team_account.is_none());
    }
}
