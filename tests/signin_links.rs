//! The sign-in links the core makes for a team's accounts: each method in each partition that has
//! it, role paths, display names, the destination's encoding, the default region and every error.

use signin_guard::team::config::{DisplayName, Role, RoleName, SsoStartUrl, TeamAccount};
use signin_guard::team::signin_links::{
    signin_link, LinkAccount, Place, SigninLinkError, SigninMethod,
};
use signin_guard::{classify, Account, AccountId, Kind, Partition, Region};

fn role(name: &str, display: Option<&str>) -> Role {
    Role {
        name: RoleName::parse(name).expect("role name"),
        display_name: display.map(|d| DisplayName::parse(d).expect("display name")),
    }
}

fn team_account(
    id: &str,
    display: Option<&str>,
    default_region: Option<&str>,
    portal: Option<&str>,
    roles: Vec<Role>,
) -> LinkAccount {
    let mut team = TeamAccount::new(AccountId::parse(id).expect("id"));
    team.display_name = display.map(|d| DisplayName::parse(d).expect("display name"));
    team.default_region = default_region.map(|r| Region::find(r).expect("region"));
    team.sso_start_url = portal.map(|p| SsoStartUrl::parse(p).expect("portal"));
    team.roles = roles;
    LinkAccount::of_team(&team)
}

fn region(code: &str) -> Place {
    Place::Region(Region::find(code).expect("region"))
}

#[test]
fn portal_shortcut_in_each_partition_with_a_portal() {
    let cases = [
        (
            "https://acme.awsapps.com/start",
            "us-east-2",
            "https://acme.awsapps.com/start/#/console?account_id=111122223333&role_name=ReadOnly\
             &destination=https%3A%2F%2Fus-east-2.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Dus-east-2",
        ),
        (
            "https://acme.awsapps.cn/start/",
            "cn-north-1",
            "https://acme.awsapps.cn/start/#/console?account_id=111122223333&role_name=ReadOnly\
             &destination=https%3A%2F%2Fcn-north-1.console.amazonaws.cn%2Fconsole%2Fhome%3Fregion%3Dcn-north-1",
        ),
        (
            "https://start.us-gov-home.awsapps.com/directory/d-1234567890",
            "us-gov-west-1",
            "https://start.us-gov-home.awsapps.com/directory/d-1234567890/#/console?account_id=111122223333\
             &role_name=ReadOnly&destination=https%3A%2F%2Fus-gov-west-1.console.amazonaws-us-gov.com\
             %2Fconsole%2Fhome%3Fregion%3Dus-gov-west-1",
        ),
    ];
    for (portal, code, expected) in cases {
        let account = team_account(
            "111122223333",
            None,
            None,
            Some(portal),
            vec![role("ReadOnly", None)],
        );
        let link = signin_link(&account, Some("ReadOnly"), Some(&region(code))).expect(portal);
        assert_eq!(link.url, expected);
        assert_eq!(link.method, SigninMethod::AccessPortal);
        assert_eq!(link.region, Region::find(code));
        let verdict = classify(&link.url);
        assert_eq!(verdict.kind, Kind::AccessPortal, "{}", link.url);
        assert_eq!(
            verdict.account,
            Some(Account::parse("111122223333").unwrap())
        );
    }
}

#[test]
fn portal_shortcut_to_a_service_page_keeps_its_path() {
    let account = team_account(
        "111122223333",
        None,
        Some("eu-west-1"),
        Some("https://acme.awsapps.com/start"),
        vec![role("ReadOnly", None)],
    );
    let page = "https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:";
    let link = signin_link(&account, None, Some(&Place::Page(page.to_owned()))).expect("link");
    assert_eq!(
        link.url,
        "https://acme.awsapps.com/start/#/console?account_id=111122223333&role_name=ReadOnly\
         &destination=https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fec2%2Fhome%3Fregion%3Deu-west-1%23Instances%3A"
    );
    assert_eq!(link.region, Region::find("eu-west-1"));
}

#[test]
fn portal_shortcut_without_a_region_has_no_destination() {
    let account = team_account(
        "111122223333",
        None,
        None,
        Some("https://acme.awsapps.com/start"),
        vec![role("ReadOnly", None)],
    );
    let link = signin_link(&account, None, None).expect("link");
    assert_eq!(
        link.url,
        "https://acme.awsapps.com/start/#/console?account_id=111122223333&role_name=ReadOnly"
    );
    assert_eq!(link.region, None);
}

#[test]
fn role_link_in_each_partition() {
    for (code, host) in [
        ("eu-west-1", "signin.aws.amazon.com"),
        ("cn-northwest-1", "signin.amazonaws.cn"),
        ("us-gov-east-1", "signin.amazonaws-us-gov.com"),
    ] {
        let account = team_account(
            "210987654321",
            Some("Data"),
            Some(code),
            None,
            vec![role("Deploy", None)],
        );
        let link = signin_link(&account, None, None).expect("link");
        assert_eq!(
            link.url,
            format!("https://{host}/switchrole?account=210987654321&roleName=Deploy&displayName=Data%20%2F%20Deploy")
        );
        assert_eq!(link.method, SigninMethod::SwitchRole);
        assert_eq!(link.region, None, "a role link names no region");
        assert_eq!(
            link.then_region,
            Region::find(code),
            "the default region comes after"
        );
        let verdict = classify(&link.url);
        assert_eq!(verdict.kind, Kind::SwitchRole);
        assert_eq!(
            verdict.account,
            Some(Account::parse("210987654321").unwrap())
        );
    }
}

#[test]
fn role_link_keeps_the_role_path_and_encodes_display_names() {
    let account = team_account(
        "210987654321",
        Some("Données Zürich prod"),
        None,
        None,
        vec![role(
            "analytics/team/DataEngineer",
            Some("Ingénieur données"),
        )],
    );
    let link = signin_link(&account, Some("analytics/team/DataEngineer"), None).expect("link");
    assert_eq!(
        link.url,
        "https://signin.aws.amazon.com/switchrole?account=210987654321\
         &roleName=analytics/team/DataEngineer\
         &displayName=Donn%C3%A9es%20Z%C3%BCrich%20prod%20%2F%20Ing%C3%A9nieur%20donn%C3%A9es"
    );
}

#[test]
fn role_link_display_name_is_cut_to_64_characters() {
    let long = "é".repeat(60);
    let account = team_account(
        "210987654321",
        Some(&long),
        None,
        None,
        vec![role("Admin", None)],
    );
    let link = signin_link(&account, None, None).expect("link");
    let display = link.url.split("displayName=").nth(1).expect("display name");
    // 64 characters: 60 × é (6 bytes encoded each), then " / A".
    assert_eq!(display, format!("{}%20%2F%20A", "%C3%A9".repeat(60)));
}

#[test]
fn roles_are_found_by_name_path_less_name_or_display_name_ignoring_case() {
    let account = team_account(
        "210987654321",
        None,
        None,
        None,
        vec![role("ops/ReadOnly", Some("Read only")), role("Admin", None)],
    );
    for wanted in ["ops/ReadOnly", "readonly", "READ ONLY", "ops/readonly"] {
        let link = signin_link(&account, Some(wanted), None).expect(wanted);
        assert_eq!(link.role.as_deref(), Some("ops/ReadOnly"), "{wanted}");
    }
}

#[test]
fn iam_user_sign_in_url_in_each_partition_region_pinned() {
    for (code, expected) in [
        (
            "eu-west-1",
            "https://777788889999.signin.aws.amazon.com/console?region=eu-west-1",
        ),
        (
            "cn-north-1",
            "https://777788889999.signin.amazonaws.cn/console?region=cn-north-1",
        ),
        (
            "us-gov-west-1",
            "https://777788889999.signin.amazonaws-us-gov.com/console?region=us-gov-west-1",
        ),
    ] {
        let account = team_account("777788889999", None, Some(code), None, vec![]);
        let link = signin_link(&account, None, None).expect("link");
        assert_eq!(link.url, expected);
        assert_eq!(link.method, SigninMethod::IamUser);
        let verdict = classify(&link.url);
        assert_eq!(verdict.kind, Kind::AccountSignin);
        assert_eq!(verdict.region, Region::find(code));
    }
}

#[test]
fn the_default_region_is_used_and_a_chosen_one_wins() {
    let account = team_account("777788889999", None, Some("us-east-1"), None, vec![]);
    assert_eq!(
        signin_link(&account, None, None).unwrap().url,
        "https://777788889999.signin.aws.amazon.com/console?region=us-east-1"
    );
    assert_eq!(
        signin_link(&account, None, Some(&region("eu-central-1")))
            .unwrap()
            .url,
        "https://777788889999.signin.aws.amazon.com/console?region=eu-central-1"
    );
    let unpinned = team_account("777788889999", None, None, None, vec![]);
    assert_eq!(
        signin_link(&unpinned, None, None).unwrap().url,
        "https://777788889999.signin.aws.amazon.com/console"
    );
}

#[test]
fn a_role_the_account_does_not_list_names_the_ones_it_has() {
    let account = team_account(
        "111122223333",
        Some("Production"),
        None,
        Some("https://acme.awsapps.com/start"),
        vec![
            role("ReadOnlyAccess", None),
            role("AdministratorAccess", None),
        ],
    );
    let error = signin_link(&account, Some("Deploy"), None).unwrap_err();
    assert!(matches!(error, SigninLinkError::RoleNotListed { .. }));
    assert_eq!(
        error.to_string(),
        "account Production has no role \"Deploy\"; its roles: ReadOnlyAccess, AdministratorAccess"
    );
    let iam = team_account("777788889999", Some("Sandbox"), None, None, vec![]);
    assert_eq!(
        signin_link(&iam, Some("Admin"), None)
            .unwrap_err()
            .to_string(),
        "account Sandbox lists no roles (its IAM users sign in), so not role \"Admin\""
    );
    assert_eq!(
        signin_link(&account, None, None).unwrap_err().to_string(),
        "account Production has several roles, choose one: ReadOnlyAccess, AdministratorAccess"
    );
}

#[test]
fn a_permission_set_needs_the_12_digit_account_id() {
    let account = LinkAccount {
        account: Account::parse("acme-prod").unwrap(),
        display_name: None,
        partition: Partition::Aws,
        default_region: None,
        roles: vec![role("ReadOnly", None)],
        portal: Some(SsoStartUrl::parse("https://acme.awsapps.com/start").unwrap()),
    };
    let error = signin_link(&account, None, None).unwrap_err();
    assert_eq!(
        error,
        SigninLinkError::PortalNeedsAccountId {
            alias: "acme-prod".to_owned()
        }
    );
    assert!(error.to_string().contains("need the 12-digit account ID"));
}

#[test]
fn a_region_or_page_of_another_partition_is_refused() {
    let account = team_account("777788889999", None, Some("eu-west-1"), None, vec![]);
    assert_eq!(
        signin_link(&account, None, Some(&region("cn-north-1")))
            .unwrap_err()
            .to_string(),
        "region cn-north-1 belongs to partition aws-cn, not to the account's partition aws"
    );
    let page = Place::Page("https://cn-north-1.console.amazonaws.cn/ec2/home".to_owned());
    assert_eq!(
        signin_link(&account, None, Some(&page)).unwrap_err().to_string(),
        "\"https://cn-north-1.console.amazonaws.cn/ec2/home\" is not a console page of partition aws"
    );
    let not_console = Place::Page("https://example.com/".to_owned());
    assert!(matches!(
        signin_link(&account, None, Some(&not_console)),
        Err(SigninLinkError::NotAConsolePage { .. })
    ));
}

#[test]
fn methods_have_the_words_rows_show() {
    assert_eq!(
        SigninMethod::AccessPortal.words(),
        "through your access portal"
    );
    assert_eq!(SigninMethod::SwitchRole.words(), "switch role");
    assert_eq!(SigninMethod::IamUser.words(), "IAM user");
}

#[test]
fn a_partition_without_a_console_has_no_links() {
    let account = LinkAccount {
        account: Account::parse("111122223333").unwrap(),
        display_name: None,
        partition: Partition::AwsIso,
        default_region: None,
        roles: vec![],
        portal: None,
    };
    assert_eq!(
        signin_link(&account, None, None).unwrap_err(),
        SigninLinkError::NoConsole {
            partition: Partition::AwsIso
        }
    );
}
