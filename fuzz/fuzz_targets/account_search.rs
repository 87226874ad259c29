//! Account search (the launcher) on any query, preferences and limit, over the team's example
//! configuration: never a panic; at most `limit` choices, each listed once; every choice's link
//! classifies back to its account, in the region it names where the method can pin one; a choice
//! is marked a favourite exactly when its key is one (the order itself is the ranking tests' job,
//! `tests/data/launcher/ranking.tsv`).
//!
//! Input: lines of text: the query, then comma-separated choice keys of favourites and of recent
//! choices, then the limit (a number; anything else: 8).
#![no_main]

use libfuzzer_sys::fuzz_target;
use signin_guard::classify;
use signin_guard::tab::known_accounts::KnownAccounts;
use signin_guard::tab::launcher::{Launcher, LauncherPrefs};
use signin_guard::tab::team_context::TeamContext;
use signin_guard::team::config::TeamConfig;
use signin_guard::team::signin_links::SigninMethod;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The example team of the launcher's tests, indexed once.
fn launcher() -> &'static Launcher {
    static LAUNCHER: OnceLock<Launcher> = OnceLock::new();
    LAUNCHER.get_or_init(|| {
        let config = TeamConfig::parse(include_str!("../../tests/data/launcher/team.json"))
            .config
            .expect("the example team configuration is usable");
        let context = TeamContext {
            managed: Some(config),
            user: None,
        };
        Launcher::new(&context.read(), &KnownAccounts::new())
    })
}

fuzz_target!(|text: &str| {
    let mut lines = text.split('\n');
    let query = lines.next().unwrap_or_default();
    let mut keys = || -> Vec<String> {
        lines
            .next()
            .map(|line| line.split(',').map(str::to_owned).collect())
            .unwrap_or_default()
    };
    let prefs = LauncherPrefs {
        favourites: keys(),
        recent: keys(),
    };
    let limit = lines
        .next()
        .and_then(|l| l.trim().parse::<usize>().ok())
        .unwrap_or(8)
        .min(10_000);
    let choices = launcher().search(query, &prefs, limit);
    assert!(
        choices.len() <= limit,
        "{} choices for a limit of {limit}",
        choices.len()
    );
    let mut seen = HashSet::new();
    for choice in &choices {
        assert!(
            seen.insert(choice.key.clone()),
            "{} listed twice",
            choice.key
        );
        assert_eq!(
            choice.favourite,
            prefs.favourites.contains(&choice.key),
            "{} marked as a favourite or not",
            choice.key
        );
        let verdict = classify(&choice.url);
        let account = verdict.account.as_ref().map(|a| a.as_str().to_owned());
        assert!(
            account.as_deref() == Some(choice.account.as_str()),
            "{} reads back as account {account:?}, not {}",
            choice.url,
            choice.account
        );
        if choice.method != SigninMethod::SwitchRole {
            assert_eq!(verdict.region, choice.region, "{}", choice.url);
        }
    }
});
