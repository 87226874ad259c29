//! The launcher's search over accounts × roles × regions: ranking cases as data
//! (`tests/data/launcher/ranking.tsv`), the team's example configuration, known accounts.

use signin_guard::tab::known_accounts::KnownAccounts;
use signin_guard::tab::launcher::{Launcher, LauncherPrefs};
use signin_guard::tab::team_context::TeamContext;
use signin_guard::team::config::TeamConfig;
use signin_guard::team::signin_links::SigninMethod;

fn launcher(json: &str, known: &KnownAccounts) -> Launcher {
    let config = TeamConfig::parse(json)
        .config
        .expect("usable team configuration");
    let context = TeamContext {
        managed: Some(config),
        user: None,
    };
    Launcher::new(&context.read(), known)
}

fn list(column: &str) -> Vec<String> {
    match column.trim() {
        "-" | "" => Vec::new(),
        text => text.split(' ').map(str::to_owned).collect(),
    }
}

#[test]
fn ranking_cases() {
    let launcher = launcher(
        include_str!("data/launcher/team.json"),
        &KnownAccounts::new(),
    );
    let cases = include_str!("data/launcher/ranking.tsv");
    let mut checked = 0;
    for line in cases.lines().filter(|l| !l.starts_with('#')) {
        let columns: Vec<&str> = line.split('\t').collect();
        let [query, favourites, recent, expected] = columns[..] else {
            panic!("four columns: {line:?}");
        };
        let prefs = LauncherPrefs {
            favourites: list(favourites),
            recent: list(recent),
        };
        let expected = list(expected);
        let found: Vec<String> = launcher
            .search(query, &prefs, 50)
            .into_iter()
            .map(|c| c.key)
            .collect();
        if expected.is_empty() {
            assert_eq!(found, Vec::<String>::new(), "query {query:?}");
        } else {
            assert_eq!(
                found.get(..expected.len()),
                Some(&expected[..]),
                "query {query:?}: {found:?}"
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 11);
}

#[test]
fn choices_of_the_example_configuration_carry_their_links_and_words() {
    let launcher = launcher(
        include_str!("../docs/examples/team-config.json"),
        &KnownAccounts::new(),
    );
    let prod = &launcher.search("production read", &LauncherPrefs::default(), 5)[0];
    assert_eq!(prod.account_label, "Production");
    assert_eq!(prod.color.as_deref(), Some("#c5221f"));
    assert_eq!(prod.role_label.as_deref(), Some("Read only"));
    assert_eq!(prod.method, SigninMethod::AccessPortal);
    assert_eq!(prod.method_words, "through your access portal");
    assert_eq!(
        prod.url,
        "https://acme.awsapps.com/start/#/console?account_id=111122223333&role_name=ReadOnlyAccess\
         &destination=https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Deu-west-1"
    );
    assert_eq!(
        prod.description,
        "Production · Read only · Europe (Ireland) · through your access portal"
    );
    let data = &launcher.search("data eu-central-1", &LauncherPrefs::default(), 5)[0];
    assert_eq!(data.method_words, "switch role");
    assert_eq!(data.then_region.map(|r| r.code()), Some("eu-central-1"));
    let sandbox = &launcher.search("sandbox", &LauncherPrefs::default(), 5)[0];
    assert_eq!(sandbox.method_words, "IAM user");
    assert_eq!(
        sandbox.url,
        "https://777788889999.signin.aws.amazon.com/console?region=us-east-1"
    );
}

#[test]
fn regions_outside_the_allowed_ones_are_not_offered() {
    let launcher = launcher(
        include_str!("../docs/examples/team-config.json"),
        &KnownAccounts::new(),
    );
    // The example allows eu-west-1, eu-central-1 and us-east-1 only.
    assert!(launcher
        .search("sandbox ohio", &LauncherPrefs::default(), 5)
        .is_empty());
    let regions: Vec<_> = launcher
        .search("sandbox eu", &LauncherPrefs::default(), 10)
        .into_iter()
        .map(|c| c.region.map(|r| r.code()))
        .collect();
    assert_eq!(regions, [Some("eu-west-1"), Some("eu-central-1")]);
}

#[test]
fn known_accounts_the_team_does_not_list_are_offered_as_iam_users() {
    let mut known = KnownAccounts::new();
    known
        .remember(None, Some("my-own"), Some("ap-south-1"), 5.0)
        .expect("valid");
    known
        .remember(
            Some("111122223333"),
            Some("acme-prod"),
            Some("us-west-2"),
            6.0,
        )
        .expect("valid");
    let launcher = launcher(include_str!("data/launcher/team.json"), &known);
    assert_eq!(launcher.len(), 5, "the team's four and my-own");
    let mine = &launcher.search("my-own", &LauncherPrefs::default(), 5)[0];
    assert_eq!(
        mine.url,
        "https://my-own.signin.aws.amazon.com/console?region=ap-south-1"
    );
    assert_eq!(mine.method, SigninMethod::IamUser);
}

#[test]
fn the_limit_keeps_the_best() {
    let launcher = launcher(
        include_str!("data/launcher/team.json"),
        &KnownAccounts::new(),
    );
    let all = launcher.search("eu", &LauncherPrefs::default(), 1000);
    let three = launcher.search("eu", &LauncherPrefs::default(), 3);
    assert!(all.len() > 3);
    assert_eq!(three, all[..3]);
}

#[test]
fn the_omnibox_offers_the_same_choices_in_the_same_order() {
    let launcher = launcher(
        include_str!("../docs/examples/team-config.json"),
        &KnownAccounts::new(),
    );
    let prefs = LauncherPrefs::default();
    for text in ["", "prod", "data", "eu", "sandbox us-east-1"] {
        let answer = launcher.omnibox(text, &prefs).expect("team accounts");
        let popup = launcher.search(text, &prefs, 6);
        let described: Vec<&str> = answer
            .suggestions
            .iter()
            .map(|s| s.description.as_str())
            .collect();
        let rows: Vec<&str> = popup.iter().map(|c| c.description.as_str()).collect();
        assert_eq!(described, rows, "{text:?}");
        assert_eq!(answer.url.as_ref(), popup.first().map(|c| &c.url));
        // Choosing a suggestion types its content, whose first choice is that suggestion.
        for (suggestion, choice) in answer.suggestions.iter().zip(&popup) {
            let again = launcher.search(&suggestion.content, &prefs, 1);
            assert_eq!(again[0].key, choice.key, "{:?}", suggestion.content);
        }
    }
    assert_eq!(
        launcher
            .omnibox("zzz", &prefs)
            .expect("team")
            .error
            .as_deref(),
        Some("No account, role or region matches “zzz”")
    );
    let known_only = Launcher::new(&TeamContext::default().read(), &KnownAccounts::new());
    assert_eq!(known_only.omnibox("prod", &prefs), None);
}

#[test]
fn a_role_links_region_move_is_the_same_from_the_popup_and_the_omnibox() {
    let launcher = launcher(
        include_str!("../docs/examples/team-config.json"),
        &KnownAccounts::new(),
    );
    let prefs = LauncherPrefs::default();
    let popup = &launcher.search("data frankfurt", &prefs, 1)[0];
    let pending = popup.region_move.as_ref().expect("a role link's move");
    assert_eq!(
        (pending.region.as_str(), pending.account.as_str()),
        ("eu-central-1", "210987654321")
    );
    let answer = launcher.omnibox("data frankfurt", &prefs).expect("team");
    assert_eq!(answer.url.as_ref(), Some(&popup.url));
    assert_eq!(answer.region_move.as_ref(), Some(pending));
    // A portal shortcut names its region: nothing to move.
    let portal = launcher
        .omnibox("prod read frankfurt", &prefs)
        .expect("team");
    assert_eq!(portal.region_move, None);
    assert_eq!(
        launcher.search("prod read frankfurt", &prefs, 1)[0].region_move,
        None
    );
}

#[test]
fn favourites_come_first_and_say_so() {
    let launcher = launcher(
        include_str!("../docs/examples/team-config.json"),
        &KnownAccounts::new(),
    );
    let plain = launcher.search("", &LauncherPrefs::default(), 10);
    let last = plain.last().expect("choices").clone();
    assert_ne!(plain[0].key, last.key);
    assert_eq!(last.mark, None);
    assert_eq!(
        last.favourite_label,
        format!("Add {} to favourites", last.description)
    );
    let prefs = LauncherPrefs {
        favourites: vec![last.key.clone()],
        recent: vec![plain[1].key.clone()],
    };
    let ranked = launcher.search("", &prefs, 10);
    assert_eq!(ranked[0].key, last.key, "the favourite first");
    assert_eq!(ranked[1].key, plain[1].key, "then the recent one");
    assert_eq!(ranked[0].mark, Some("favourite"));
    assert_eq!(ranked[1].mark, Some("recent"));
    assert_eq!(
        ranked[0].favourite_label,
        format!("Remove {} from favourites", last.description)
    );
    // The omnibox ranks them alike.
    let answer = launcher.omnibox("", &prefs).expect("team");
    assert_eq!(answer.suggestions[0].description, ranked[0].description);
}
