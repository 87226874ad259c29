//! The link that takes a person to an account, as a role, in a region, by the sign-in method the
//! team configured for that account: an access portal shortcut, a role link or the account's
//! sign-in URL (the spec's "Sign-in links").

use super::config::{DisplayName, Role, SsoStartUrl, TeamAccount};
use crate::aws::account::Account;
use crate::aws::partition::Partition;
use crate::aws::regions::Region;
use crate::url::classify::classify;
use crate::url::links::{canonical_url, region_pinned_url};
use crate::url::verdict::Kind;
use serde::Serialize;
use std::fmt;

/// The role link's `displayName` may be at most this many characters (IAM user guide).
pub const MAX_ROLE_LINK_DISPLAY_NAME: usize = 64;

/// How a person signs in to an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SigninMethod {
    /// An IAM Identity Center access portal's shortcut link, a permission set as the role.
    AccessPortal,
    /// A role link: switching to a role from an identity already signed in.
    SwitchRole,
    /// The account's sign-in URL, for its IAM users.
    IamUser,
}

impl SigninMethod {
    /// The words a row shows for the method.
    pub fn words(self) -> &'static str {
        match self {
            SigninMethod::AccessPortal => "through your access portal",
            SigninMethod::SwitchRole => "switch role",
            SigninMethod::IamUser => "IAM user",
        }
    }
}

/// What a link should land on, besides the account and role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The console home of a region.
    Region(Region),
    /// A console page (`https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1`).
    Page(String),
}

/// An account as a link needs it: how it is named, its partition and how it is set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkAccount {
    /// Its ID or, for an account known only so, its alias.
    pub account: Account,
    /// How to name it to people.
    pub display_name: Option<DisplayName>,
    /// The partition its links are for.
    pub partition: Partition,
    /// The region to land in when none is asked for.
    pub default_region: Option<Region>,
    /// Its roles, or the permission sets of its portal.
    pub roles: Vec<Role>,
    /// The access portal it is reached through, if any.
    pub portal: Option<SsoStartUrl>,
}

/// A link, with what it does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SigninLink {
    /// The URL to open.
    pub url: String,
    /// How it signs in.
    pub method: SigninMethod,
    /// The role (or permission set) it signs in as, by its configured name.
    pub role: Option<String>,
    /// The region the link lands in, where it names one.
    pub region: Option<Region>,
    /// A region the link cannot name (a role link opens the console in its last region): the
    /// product may move the tab there after the switch.
    pub then_region: Option<Region>,
}

/// Why a link cannot be made; the message names what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigninLinkError {
    /// The account does not list the role asked for.
    RoleNotListed {
        /// How the account is named.
        account: String,
        /// The role asked for.
        role: String,
        /// The roles it lists.
        roles: Vec<String>,
    },
    /// The account lists several roles and none was chosen.
    RoleNeeded {
        /// How the account is named.
        account: String,
        /// The roles it lists.
        roles: Vec<String>,
    },
    /// An access portal shortcut needs the 12-digit account ID; the account is known by alias.
    PortalNeedsAccountId {
        /// The alias.
        alias: String,
    },
    /// The region is of another partition than the account.
    RegionOfOtherPartition {
        /// The region asked for.
        region: Region,
        /// The account's partition.
        partition: Partition,
    },
    /// The partition has no console reached through these links (an isolated partition).
    NoConsole {
        /// The account's partition.
        partition: Partition,
    },
    /// The page is no console page of the account's partition.
    NotAConsolePage {
        /// The page as given, redacted.
        page: String,
        /// The account's partition.
        partition: Partition,
    },
}

impl fmt::Display for SigninLinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SigninLinkError::RoleNotListed {
                account,
                role,
                roles,
            } if roles.is_empty() => write!(
                f,
                "account {account} lists no roles (its IAM users sign in), so not role {role:?}"
            ),
            SigninLinkError::RoleNotListed {
                account,
                role,
                roles,
            } => write!(
                f,
                "account {account} has no role {role:?}; its roles: {}",
                roles.join(", ")
            ),
            SigninLinkError::RoleNeeded { account, roles } => write!(
                f,
                "account {account} has several roles, choose one: {}",
                roles.join(", ")
            ),
            SigninLinkError::PortalNeedsAccountId { alias } => write!(
                f,
                "account {alias:?} is reached through an access portal, whose links need the \
                 12-digit account ID, and only its alias is known"
            ),
            SigninLinkError::RegionOfOtherPartition { region, partition } => write!(
                f,
                "region {} belongs to partition {}, not to the account's partition {}",
                region.code(),
                region.partition(),
                partition
            ),
            SigninLinkError::NoConsole { partition } => write!(
                f,
                "partition {partition} has no console that sign-in links lead to"
            ),
            SigninLinkError::NotAConsolePage { page, partition } => {
                write!(f, "{page:?} is not a console page of partition {partition}")
            }
        }
    }
}

impl std::error::Error for SigninLinkError {}

impl LinkAccount {
    /// A team account: reached through its portal when it has one, else by its roles, else by
    /// its sign-in URL; its partition is its portal's, else its default region's, else `aws`.
    pub fn of_team(account: &TeamAccount) -> LinkAccount {
        let portal_partition = account
            .sso_start_url
            .as_ref()
            .and_then(|url| classify(url.as_str()).partition);
        LinkAccount {
            account: Account::Id(account.account_id.clone()),
            display_name: account.display_name.clone(),
            partition: portal_partition
                .or(account.default_region.map(Region::partition))
                .unwrap_or(Partition::Aws),
            default_region: account.default_region,
            roles: account.roles.clone(),
            portal: account.sso_start_url.clone(),
        }
    }

    /// How the account signs in.
    pub fn method(&self) -> SigninMethod {
        if self.portal.is_some() {
            SigninMethod::AccessPortal
        } else if !self.roles.is_empty() {
            SigninMethod::SwitchRole
        } else {
            SigninMethod::IamUser
        }
    }

    /// How to name the account to people: its display name, else its ID or alias.
    pub fn label(&self) -> &str {
        self.display_name
            .as_ref()
            .map_or(self.account.as_str(), DisplayName::as_str)
    }

    fn role_names(&self) -> Vec<String> {
        self.roles
            .iter()
            .map(|r| r.name.as_str().to_owned())
            .collect()
    }

    /// The listed role that `wanted` names: its name (with or without its path) or its display
    /// name, ignoring case.
    pub fn find_role(&self, wanted: &str) -> Option<&Role> {
        let wanted = wanted.trim();
        let by = |matches: &dyn Fn(&Role) -> bool| self.roles.iter().find(|r| matches(r));
        by(&|r| r.name.as_str() == wanted)
            .or_else(|| by(&|r| r.name.as_str().eq_ignore_ascii_case(wanted)))
            .or_else(|| {
                by(&|r| {
                    let last = r.name.as_str().rsplit('/').next().unwrap_or_default();
                    last.eq_ignore_ascii_case(wanted)
                })
            })
            .or_else(|| {
                by(&|r| {
                    r.display_name
                        .as_ref()
                        .is_some_and(|d| d.as_str().to_lowercase() == wanted.to_lowercase())
                })
            })
    }
}

/// The link for `account`, as `role` (required when it lists several), landing on `place`
/// (else its default region, else wherever the method lands).
pub fn signin_link(
    account: &LinkAccount,
    role: Option<&str>,
    place: Option<&Place>,
) -> Result<SigninLink, SigninLinkError> {
    let role = chosen_role(account, role)?;
    link_as(account, role, place)
}

/// `signin_link` as one of the roles `account` lists, already chosen: no name to look up, and
/// so no Unicode case folding of display names, whose tables (~8 KB gzipped) the wake package,
/// which makes the doctor's team links, would otherwise carry.
pub fn signin_link_as(
    account: &LinkAccount,
    role: &Role,
    place: Option<&Place>,
) -> Result<SigninLink, SigninLinkError> {
    link_as(account, Some(role), place)
}

/// The link as `role` (`None` when the account lists none: its IAM users sign in).
fn link_as(
    account: &LinkAccount,
    role: Option<&Role>,
    place: Option<&Place>,
) -> Result<SigninLink, SigninLinkError> {
    let method = account.method();
    let Some(console_domain) = account.partition.console_domain() else {
        return Err(SigninLinkError::NoConsole {
            partition: account.partition,
        });
    };
    let (region, page) = match place {
        Some(Place::Region(region)) => (Some(*region), None),
        Some(Place::Page(page)) => {
            let (region, page) = console_page(page, account.partition)?;
            (region, Some(page))
        }
        None => (account.default_region, None),
    };
    if let Some(region) = region.filter(|r| r.partition() != account.partition) {
        return Err(SigninLinkError::RegionOfOtherPartition {
            region,
            partition: account.partition,
        });
    }
    let role_name = role.map(|r| r.name.as_str().to_owned());
    let link = match (method, &account.portal, role) {
        (SigninMethod::AccessPortal, Some(portal), Some(role)) => {
            let Account::Id(id) = &account.account else {
                return Err(SigninLinkError::PortalNeedsAccountId {
                    alias: account.account.as_str().to_owned(),
                });
            };
            let mut url = format!(
                "{}/#/console?account_id={}&role_name={}",
                portal.as_str().trim_end_matches('/'),
                id.as_str(),
                encode(role.name.as_str())
            );
            let destination = page.or_else(|| region.map(|r| console_home(r, console_domain)));
            if let Some(destination) = destination {
                url.push_str("&destination=");
                url.push_str(&encode(&destination));
            }
            SigninLink {
                url,
                method,
                role: role_name,
                region,
                then_region: None,
            }
        }
        (SigninMethod::SwitchRole, _, Some(role)) => SigninLink {
            url: format!(
                "https://{}/switchrole?account={}&roleName={}&displayName={}",
                account.partition.signin_domain(),
                account.account.as_str(),
                encode_keeping_slashes(role.name.as_str()),
                encode(&role_link_display_name(account, role))
            ),
            method,
            role: role_name,
            region: None,
            then_region: region,
        },
        _ => SigninLink {
            url: match region {
                Some(region) => region_pinned_url(&account.account, region),
                None => canonical_url(&account.account, account.partition),
            },
            method: SigninMethod::IamUser,
            role: None,
            region,
            then_region: None,
        },
    };
    Ok(link)
}

/// The role to sign in as: the one asked for, else the only one listed.
fn chosen_role<'a>(
    account: &'a LinkAccount,
    wanted: Option<&str>,
) -> Result<Option<&'a Role>, SigninLinkError> {
    match wanted.map(str::trim).filter(|w| !w.is_empty()) {
        Some(wanted) => {
            account
                .find_role(wanted)
                .map(Some)
                .ok_or_else(|| SigninLinkError::RoleNotListed {
                    account: account.label().to_owned(),
                    role: wanted.to_owned(),
                    roles: account.role_names(),
                })
        }
        None if account.roles.len() > 1 => Err(SigninLinkError::RoleNeeded {
            account: account.label().to_owned(),
            roles: account.role_names(),
        }),
        None => Ok(account.roles.first()),
    }
}

/// A console page of the partition, with the region it names.
fn console_page(
    page: &str,
    partition: Partition,
) -> Result<(Option<Region>, String), SigninLinkError> {
    let verdict = classify(page);
    if verdict.kind == Kind::ConsolePage && verdict.partition == Some(partition) {
        Ok((verdict.region, page.trim().to_owned()))
    } else {
        Err(SigninLinkError::NotAConsolePage {
            page: verdict.input,
            partition,
        })
    }
}

/// `https://REGION.CONSOLE_DOMAIN/console/home?region=REGION`.
fn console_home(region: Region, console_domain: &str) -> String {
    format!(
        "https://{code}.{console_domain}/console/home?region={code}",
        code = region.code()
    )
}

/// "Production / Read only", cut to the 64 characters a role link allows.
fn role_link_display_name(account: &LinkAccount, role: &Role) -> String {
    let role_label = role
        .display_name
        .as_ref()
        .map_or(role.name.as_str(), DisplayName::as_str);
    let text = format!("{} / {role_label}", account.label());
    text.chars().take(MAX_ROLE_LINK_DISPLAY_NAME).collect()
}

/// Percent-encodes everything but the unreserved characters of RFC 3986 (UTF-8 bytes).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `encode`, but a role's path separators stay as IAM's role link writes them.
fn encode_keeping_slashes(text: &str) -> String {
    text.split('/').map(encode).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::account::AccountId;

    fn role(name: &str, display: Option<&str>) -> Role {
        Role {
            name: super::super::config::RoleName::parse(name).expect("role"),
            display_name: display.map(|d| DisplayName::parse(d).expect("name")),
        }
    }

    fn account(id: &str, portal: Option<&str>, roles: Vec<Role>) -> LinkAccount {
        let mut team = TeamAccount::new(AccountId::parse(id).expect("id"));
        team.roles = roles;
        team.sso_start_url = portal.map(|p| SsoStartUrl::parse(p).expect("portal"));
        LinkAccount::of_team(&team)
    }

    fn region(code: &str) -> Place {
        Place::Region(Region::find(code).expect("region"))
    }

    #[test]
    fn portal_shortcut_encodes_its_destination() {
        let prod = account(
            "111122223333",
            Some("https://acme.awsapps.com/start"),
            vec![role("ReadOnlyAccess", None)],
        );
        let link = signin_link(&prod, None, Some(&region("us-east-2"))).expect("link");
        assert_eq!(
            link.url,
            "https://acme.awsapps.com/start/#/console?account_id=111122223333\
             &role_name=ReadOnlyAccess&destination=https%3A%2F%2Fus-east-2.console.aws.amazon.com\
             %2Fconsole%2Fhome%3Fregion%3Dus-east-2"
        );
        assert_eq!(link.method, SigninMethod::AccessPortal);
    }

    #[test]
    fn a_role_chosen_already_links_as_its_name_does() {
        for portal in [None, Some("https://acme.awsapps.com/start")] {
            let team = account(
                "210987654321",
                portal,
                vec![
                    role("Admin", None),
                    role("analytics/DataEngineer", Some("Équipe données")),
                ],
            );
            for role in &team.roles {
                assert_eq!(
                    signin_link_as(&team, role, Some(&region("eu-west-1"))),
                    signin_link(&team, Some(role.name.as_str()), Some(&region("eu-west-1"))),
                    "{portal:?} as {}",
                    role.name.as_str()
                );
            }
            // Looked up by a person's words, a display name is matched ignoring Unicode case.
            let by_display_name = signin_link(&team, Some("ÉQUIPE DONNÉES"), None).expect("link");
            assert_eq!(
                by_display_name.role.as_deref(),
                Some("analytics/DataEngineer")
            );
        }
    }

    #[test]
    fn role_link_names_no_region_but_keeps_it_for_later() {
        let data = account(
            "210987654321",
            None,
            vec![role("analytics/DataEngineer", Some("Data engineer"))],
        );
        let link =
            signin_link(&data, Some("dataengineer"), Some(&region("eu-central-1"))).expect("link");
        assert_eq!(
            link.url,
            "https://signin.aws.amazon.com/switchrole?account=210987654321\
             &roleName=analytics/DataEngineer&displayName=210987654321%20%2F%20Data%20engineer"
        );
        assert_eq!(link.region, None);
        assert_eq!(link.then_region, Region::find("eu-central-1"));
    }

    #[test]
    fn several_roles_need_a_choice() {
        let prod = account(
            "111122223333",
            None,
            vec![role("ReadOnly", None), role("Admin", None)],
        );
        let error = signin_link(&prod, None, None).unwrap_err();
        assert_eq!(
            error.to_string(),
            "account 111122223333 has several roles, choose one: ReadOnly, Admin"
        );
    }
}
