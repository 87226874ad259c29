//! Properties that hold for every input, checked on generated ones (proptest).

use proptest::prelude::*;
use signin_guard::aws::catalogue::{PORTAL_DOMAINS, PORTAL_EXAMPLES};
use signin_guard::url::links::{canonical_url, region_pinned_url};
use signin_guard::url::redact::SECRET_PARAMETERS;
use signin_guard::{classify, redact, Account, Kind, Partition, Region};

/// Valid account labels: 12-digit IDs and aliases of 3 to 63 characters without `--`.
fn account() -> impl Strategy<Value = Account> {
    prop_oneof!["[0-9]{12}", "[a-z0-9]([a-z0-9]|-[a-z0-9]){1,30}",]
        // A region code is a regional endpoint's label, never an alias (the spec checks regions first).
        .prop_filter("not a region code", |text| Region::find(text).is_none())
        .prop_filter_map("valid label", |text| Account::parse(&text).ok())
}

fn region() -> impl Strategy<Value = Region> {
    let all: Vec<Region> = Region::all(None).collect();
    (0..all.len()).prop_map(move |i| all[i])
}

fn url_like() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("https://".to_owned()),
        Just("http://".to_owned()),
        Just(".signin.aws.amazon.com".to_owned()),
        Just(".console.aws.amazon.com".to_owned()),
        Just("/console".to_owned()),
        Just("?region=us-east-2".to_owned()),
        Just("@".to_owned()),
        Just("xn--".to_owned()),
        Just("%".to_owned()),
        Just("#".to_owned()),
        "[a-z0-9.-]{0,12}",
        "\\PC{0,8}",
    ];
    proptest::collection::vec(pieces, 0..8).prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn classify_never_panics_on_any_string(text in "\\PC*") {
        let _ = classify(&text);
    }

    #[test]
    fn classify_never_panics_on_url_shaped_strings(text in url_like()) {
        let verdict = classify(&text);
        // A verdict never echoes a secret and never offers a canonical URL for a non-account page.
        if verdict.canonical.is_some() {
            prop_assert!(matches!(verdict.kind, Kind::AccountSignin | Kind::ConsolePage));
        }
    }

    #[test]
    fn canonical_urls_classify_as_account_signin_with_the_same_account(
        account in account(),
        partition in proptest::sample::select(Partition::WITH_CONSOLE.to_vec()),
    ) {
        let url = canonical_url(&account, partition);
        let verdict = classify(&url);
        prop_assert_eq!(verdict.kind, Kind::AccountSignin);
        prop_assert_eq!(verdict.account.as_ref(), Some(&account));
        prop_assert_eq!(verdict.partition, Some(partition));
        prop_assert_eq!(verdict.canonical.as_deref(), Some(url.as_str()));
        prop_assert!(verdict.warnings.is_empty(), "{:?}", verdict.warnings);
    }

    #[test]
    fn region_pinned_link_round_trips_its_region(account in account(), region in region()) {
        let url = region_pinned_url(&account, region);
        let verdict = classify(&url);
        prop_assert_eq!(verdict.kind, Kind::AccountSignin);
        prop_assert_eq!(verdict.region, Some(region));
        prop_assert_eq!(verdict.account.as_ref(), Some(&account));
    }

    #[test]
    fn redaction_removes_every_listed_secret_wherever_it_appears(
        prefix in "[a-zA-Z0-9:/._?=&#-]{0,40}",
        suffix in "[a-zA-Z0-9:/._?=&#-]{0,40}",
        secret in "[A-Za-z0-9+/_.~-]{6,40}",
        name_index in 0..SECRET_PARAMETERS.len(),
        uppercase in any::<bool>(),
        encoded_letter in proptest::option::of(0usize..20),
        separator in proptest::sample::select(vec![("?", "="), ("&", "="), ("#", "="), ("%3F", "%3D"), ("%26", "%3D"), ("%2526", "%253D")]),
    ) {
        let name = SECRET_PARAMETERS[name_index];
        let name = if uppercase { name.to_ascii_uppercase() } else { name.to_owned() };
        // A server decodes the name before it reads it: `Signin%54oken` is `SigninToken`.
        let name = match encoded_letter {
            Some(index) if index < name.len() => format!(
                "{}%{:02X}{}",
                &name[..index],
                name.as_bytes()[index],
                &name[index + 1..]
            ),
            _ => name,
        };
        let secret = format!("S3cr3t{secret}");
        let (before, equals) = separator;
        let text = format!("{prefix}{before}{name}{equals}{secret}&{suffix}");
        let redacted = redact(&text);
        prop_assert!(!redacted.contains(&secret), "{} -> {}", text, redacted);
        prop_assert!(redacted.contains("[redacted]"));
        // The verdict's input, which every output shows, is redacted too.
        prop_assert!(!classify(&text).input.contains(&secret));
    }
}

#[test]
fn huge_and_odd_inputs_give_a_verdict() {
    let megabyte = format!(
        "https://myalias.signin.aws.amazon.com/console?x={}",
        "a".repeat(1 << 20)
    );
    assert_eq!(classify(&megabyte).kind, Kind::AccountSignin);
    for text in [
        "",
        "   ",
        "\0",
        "https://\0.signin.aws.amazon.com/",
        "https://",
        "http://[",
        "\u{feff}https://x",
    ] {
        let _ = classify(text);
    }
}

/// A team account of any method and partition, with its region.
fn link_account() -> impl Strategy<Value = (signin_guard::team::signin_links::LinkAccount, Region)>
{
    use signin_guard::team::config::{DisplayName, Role, RoleName, SsoStartUrl, TeamAccount};
    (
        "[0-9]{12}",
        region(),
        0..3usize,
        "[A-Za-z][A-Za-z0-9+=,.@_-]{0,20}(/[A-Za-z0-9_-]{1,8}){0,2}",
        "[\\p{L} ]{0,10}[\\p{L}]",
    )
        .prop_filter_map("valid values", |(id, region, method, role, display)| {
            // Links lead to a console; the isolated partitions have none reached so.
            if !region.partition().has_console() {
                return None;
            }
            let mut team = TeamAccount::new(signin_guard::AccountId::parse(&id).ok()?);
            team.display_name = DisplayName::parse(&display).ok();
            team.default_region = Some(region);
            if method > 0 {
                team.roles = vec![Role {
                    name: RoleName::parse(&role).ok()?,
                    display_name: team.display_name.clone(),
                }];
            }
            if method == 2 {
                let portal = match region.partition() {
                    Partition::Aws => "https://acme.awsapps.com/start",
                    Partition::AwsCn => "https://acme.awsapps.cn/start",
                    Partition::AwsUsGov => "https://start.us-gov-home.awsapps.com/directory/d-1",
                    // No access portal host is known in the other partitions.
                    _ => return None,
                };
                team.sso_start_url = Some(SsoStartUrl::parse(portal).ok()?);
                // A permission set has no path.
                team.roles[0].name = RoleName::parse(role.split('/').next()?).ok()?;
            }
            Some((
                signin_guard::team::signin_links::LinkAccount::of_team(&team),
                region,
            ))
        })
}

proptest! {
    #[test]
    fn every_team_link_classifies_back_to_its_account_and_pinned_region(
        (account, region) in link_account(),
    ) {
        use signin_guard::team::signin_links::{signin_link, Place, SigninMethod};
        let link = signin_link(&account, None, Some(&Place::Region(region))).unwrap();
        let verdict = classify(&link.url);
        prop_assert_eq!(verdict.account.as_ref(), Some(&account.account), "{}", link.url);
        prop_assert_eq!(verdict.partition, Some(region.partition()), "{}", link.url);
        let kind = match link.method {
            SigninMethod::AccessPortal => Kind::AccessPortal,
            SigninMethod::SwitchRole => Kind::SwitchRole,
            SigninMethod::IamUser => Kind::AccountSignin,
        };
        prop_assert_eq!(verdict.kind, kind);
        // A role link names no region; a shortcut's is its destination's, an account URL's pinned.
        if link.method != SigninMethod::SwitchRole {
            prop_assert_eq!(verdict.region, Some(region), "{}", link.url);
        }
    }
}

/// Every region's shortcut link reads back with its destination's region.
#[test]
fn portal_shortcut_reads_back_its_destination_region() {
    use signin_guard::team::config::{Role, RoleName, SsoStartUrl, TeamAccount};
    use signin_guard::team::signin_links::{signin_link, LinkAccount, Place};
    for region in Region::all(None) {
        let portal = match region.partition() {
            Partition::Aws => "https://acme.awsapps.com/start",
            Partition::AwsCn => "https://acme.awsapps.cn/start",
            Partition::AwsUsGov => "https://start.us-gov-home.awsapps.com/directory/d-1",
            _ => continue,
        };
        let mut team = TeamAccount::new(signin_guard::AccountId::parse("111122223333").unwrap());
        team.sso_start_url = Some(SsoStartUrl::parse(portal).unwrap());
        team.roles = vec![Role {
            name: RoleName::parse("ReadOnly").unwrap(),
            display_name: None,
        }];
        let link = signin_link(
            &LinkAccount::of_team(&team),
            None,
            Some(&Place::Region(region)),
        )
        .unwrap();
        assert_eq!(classify(&link.url).region, Some(region), "{}", link.url);
    }
}

/// The AWS kinds: everything but `unrelated` and `lookalike`.
fn is_aws_kind(kind: Kind) -> bool {
    !matches!(kind, Kind::Unrelated | Kind::Lookalike)
}

/// Every host form of the generated catalogue, with its partition: the sign-in hosts of every
/// partition (`signin.DOMAIN` only where a console is known: the isolated partitions claim their
/// regional and account hosts alone), and the console hosts of every partition that has one.
fn catalogue_host() -> impl Strategy<Value = (String, Partition)> {
    let regions: Vec<(Partition, Region)> = Partition::ALL
        .iter()
        .flat_map(|&p| Region::all(Some(p)).map(move |r| (p, r)))
        .collect();
    let partitions = Partition::ALL.to_vec();
    let with_console = Partition::WITH_CONSOLE.to_vec();
    let regional = proptest::sample::select(regions.clone()).prop_flat_map(|(p, r)| {
        let mut hosts = vec![format!("{}.{}", r.code(), p.signin_domain())];
        if let Some(console) = p.console_domain() {
            hosts.push(format!("{}.{console}", r.code()));
        }
        proptest::sample::select(hosts).prop_map(move |h| (h, p))
    });
    let account = (account(), proptest::sample::select(partitions))
        .prop_map(|(a, p)| (format!("{a}.{}", p.signin_domain()), p));
    let global = (
        proptest::sample::select(with_console),
        "(s3|ec2|iam|[a-z]{2,8})",
    )
        .prop_flat_map(|(p, service)| {
            let console = p.console_domain().unwrap_or_default();
            let hosts = vec![
                p.signin_domain().to_owned(),
                console.to_owned(),
                format!("{service}.{console}"),
            ];
            proptest::sample::select(hosts).prop_map(move |h| (h, p))
        })
        // A service label that is a region code is a regional console host: still its partition.
        .prop_filter("a service label", |(h, _)| !h.starts_with("xn-"));
    let multi_session = (
        "[0-9]{12}",
        "[a-z0-9]{8}",
        proptest::sample::select(Region::all(Some(Partition::Aws)).collect::<Vec<_>>()),
    )
        .prop_map(|(id, session, r)| {
            (
                format!("{id}-{session}.{}.console.aws.amazon.com", r.code()),
                Partition::Aws,
            )
        });
    prop_oneof![regional, account, global, multi_session]
}

/// The path forms a person or a page might put after a catalogue host.
const PATH_FORMS: [&str; 12] = [
    "",
    "/",
    "/console",
    "/console/",
    "/console/home?region=us-east-1",
    "/console/s3",
    "/oauth?response_type=code&client_id=x",
    "/federation?Action=login&SigninToken=secret",
    "/switchrole?account=123456789012&roleName=Admin",
    "/start",
    "/a/b?c=d#e",
    "/signin?redirect_uri=https%3A%2F%2Fevil.example%2F",
];

/// Every catalogue domain a lookalike could imitate: sign-in, console and Identity Center domains.
fn catalogue_domains() -> Vec<&'static str> {
    let mut domains: Vec<&str> = Partition::ALL.iter().map(|p| p.signin_domain()).collect();
    domains.extend(Partition::ALL.iter().filter_map(|p| p.console_domain()));
    domains.extend(PORTAL_DOMAINS.iter().map(|(d, _)| *d));
    domains
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn every_catalogue_host_under_every_path_form_is_aws_of_its_partition(
        (host, partition) in catalogue_host(),
        path in proptest::sample::select(PATH_FORMS.to_vec()),
        scheme in proptest::sample::select(vec!["https://", "http://", "HTTPS://"]),
    ) {
        let url = format!("{scheme}{host}{path}");
        let verdict = classify(&url);
        prop_assert!(is_aws_kind(verdict.kind), "{url}: {:?}", verdict.kind);
        prop_assert_eq!(verdict.partition, Some(partition), "{}", url);
    }

    #[test]
    fn every_catalogue_domain_imitated_is_a_lookalike(
        domain in proptest::sample::select(catalogue_domains()),
        label in "[a-z][a-z0-9]{0,10}",
        form in 0..5usize,
    ) {
        let url = match form {
            0 => format!("https://{domain}.evil.example/console"),
            1 => format!("https://{label}.{domain}.evil.example/"),
            2 => format!("https://{domain}-{label}.example/console"),
            3 => format!("https://{domain}@{label}.example/"),
            _ => format!("https://{label}.example\\@{label}.{domain}/console"),
        };
        let verdict = classify(&url);
        prop_assert_eq!(verdict.kind, Kind::Lookalike, "{}", url);
    }
}

/// Each IAM Identity Center domain's example URL (from `aws-hosts.txt`), also with a query or a
/// shortcut fragment, reads as an AWS page of its partition.
#[test]
fn every_identity_center_example_is_aws_of_its_partition() {
    for &(example, partition) in PORTAL_EXAMPLES {
        for suffix in ["", "?x=1", "#/", "#/console?account_id=123456789012"] {
            let url = format!("{example}{suffix}");
            let verdict = classify(&url);
            assert!(is_aws_kind(verdict.kind), "{url}: {:?}", verdict.kind);
            assert_eq!(verdict.partition, Some(partition), "{url}");
        }
    }
}
