//! The replacement of a captured sign-in page of a team account reached through an access portal
//! or by switching role: that account's team link, as the launcher makes it. Its IAM user sign-in
//! URL would only show a password form its people have no password for.

use crate::aws::account::Account;
use crate::tab::team_context::spoken_name;
use crate::team::config::{DisplayName, MergedAccounts, UserAccounts};
use crate::team::signin_links::{signin_link_as, LinkAccount, SigninLink, SigninMethod};

/// A team account's link, with how sentences name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamLink {
    /// The link (portal shortcut or role link) to the account's default region.
    pub link: SigninLink,
    /// "Production (acme-prod)".
    pub account: String,
    /// How to name the role it signs in as: its display name, else its name.
    pub role: String,
}

impl TeamLink {
    /// "the team's link to Production (acme-prod), through your access portal as Read only".
    pub fn words(&self) -> String {
        let how = match self.link.method {
            SigninMethod::AccessPortal => format!("through your access portal as {}", self.role),
            SigninMethod::SwitchRole | SigninMethod::IamUser => {
                format!("switching to role {}", self.role)
            }
        };
        format!("the team's link to {}, {how}", self.account)
    }
}

/// The team link of `account` when the team lists it with a portal or roles: as its first listed
/// role (the team's order puts the everyday one first), to its default region. `None` for an
/// account the team does not list or whose IAM users sign in.
pub fn team_link(team: &MergedAccounts, account: &Account) -> Option<TeamLink> {
    let listed = &team.find(account)?.account;
    let link_account = LinkAccount::of_team(listed);
    let role = link_account.roles.first()?;
    let link = signin_link_as(&link_account, role, None).ok()?;
    if link.method == SigninMethod::IamUser {
        return None;
    }
    let label = listed
        .alias
        .as_ref()
        .map_or(listed.account_id.as_str(), |a| a.as_str());
    Some(TeamLink {
        account: spoken_name(label, listed.display_name.as_ref().map(DisplayName::as_str)),
        role: role
            .display_name
            .as_ref()
            .map_or(role.name.as_str(), DisplayName::as_str)
            .to_owned(),
        link,
    })
}

/// No team: the doctor of a bookmarks file, or of a browser without a team configuration.
pub fn no_team() -> MergedAccounts {
    crate::team::config::merge(None, &UserAccounts::default())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::team::config::read_lenient;

    /// The example team of the docs (docs/examples/team-config.json), the person's own accounts
    /// none.
    pub(crate) fn example_team() -> MergedAccounts {
        let text = include_str!("../../../docs/examples/team-config.json");
        let document = serde_json::from_str(text).expect("JSON");
        let config = read_lenient(&document).config.expect("the example reads");
        crate::team::config::merge(Some(&config), &UserAccounts::default())
    }

    fn link_of(account: &str) -> Option<TeamLink> {
        team_link(&example_team(), &Account::parse(account).expect("account"))
    }

    #[test]
    fn a_portal_account_gets_its_shortcut_as_its_first_role_to_its_default_region() {
        let link = link_of("acme-prod").expect("a team link");
        assert_eq!(
            link.link.url,
            "https://acme.awsapps.com/start/#/console?account_id=111122223333\
             &role_name=ReadOnlyAccess&destination=https%3A%2F%2Feu-west-1.console.aws.amazon.com\
             %2Fconsole%2Fhome%3Fregion%3Deu-west-1"
        );
        assert_eq!(
            link.words(),
            "the team's link to Production (acme-prod), through your access portal as Read only"
        );
        assert_eq!(link_of("111122223333"), Some(link), "by ID alike");
    }

    #[test]
    fn a_role_account_gets_its_role_link() {
        let link = link_of("210987654321").expect("a team link");
        assert_eq!(
            link.link.url,
            "https://signin.aws.amazon.com/switchrole?account=210987654321\
             &roleName=analytics/DataEngineer&displayName=Data%20lake%20%2F%20Data%20engineer"
        );
        assert_eq!(
            link.words(),
            "the team's link to Data lake (acme-data), switching to role Data engineer"
        );
    }

    #[test]
    fn iam_user_and_unlisted_accounts_get_none() {
        assert_eq!(link_of("777788889999"), None, "Sandbox: IAM users");
        assert_eq!(link_of("123456789012"), None, "not the team's");
        assert_eq!(
            team_link(&no_team(), &Account::parse("acme-prod").expect("alias")),
            None
        );
    }
}
