//! Properties that hold for every input, checked on generated ones (proptest).

use proptest::prelude::*;
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
        partition in proptest::sample::select(Partition::ALL.to_vec()),
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
