//! Team configurations: every problem message with its path, what is kept and dropped, the
//! merge of managed and personal accounts, imports of real-shaped `~/.aws/config` and AWS Extend
//! Switch Roles files (`tests/data/team/`), secrets that never come through, and the two schema
//! files in docs/ (the JSON Schema, and the managed-storage schema Chrome must accept).

// A panic is how a test reports failure.
#![allow(clippy::unwrap_used)]

use serde_json::{json, Value};
use signin_guard::team::config::{
    merge, team_warning, Field, HiddenReason, IgnoredReason, Severity, Source, TeamConfig,
    UserAccounts,
};
use signin_guard::team::import::{import, ImportError, ImportFormat, Imported};
use signin_guard::{Account, Region};
use std::collections::BTreeMap;

const AWS_CONFIG: &str = include_str!("data/team/aws-config");
const AESR: &str = include_str!("data/team/aesr.ini");
const EXAMPLE: &str = include_str!("../docs/examples/team-config.json");
const JSON_SCHEMA: &str = include_str!("../docs/team-config.schema.json");
const MANAGED_SCHEMA: &str = include_str!("../docs/managed_schema.json");

/// The secret values planted in the fixtures.
const SECRETS: [&str; 3] = [
    "AKIAFIXTURESECRET0001",
    "fixtureSecretKeyDoNotPrint/abc123XYZ",
    "FIXTURESESSIONTOKENvalue==",
];

// Helpers -------------------------------------------------------------------------------------

/// The problems of a document as `severity path: message` lines.
fn problems_of(document: &Value) -> Vec<String> {
    TeamConfig::from_value(document)
        .problems
        .iter()
        .map(|p| format!("{} {p}", p.severity))
        .collect()
}

/// The account IDs a document keeps.
fn kept_ids(document: &Value) -> Vec<String> {
    TeamConfig::from_value(document)
        .config
        .expect("usable")
        .accounts
        .iter()
        .map(|a| a.account_id.to_string())
        .collect()
}

fn config(document: Value) -> TeamConfig {
    let parsed = TeamConfig::from_value(&document);
    assert_eq!(parsed.problems, [], "{document}");
    parsed.config.expect("usable")
}

fn account(label: &str) -> Account {
    Account::parse(label).unwrap()
}

fn region(code: &str) -> Region {
    Region::find(code).unwrap()
}

// Reading: every message ------------------------------------------------------------------------

#[test]
fn documents_that_are_not_usable_say_why_and_give_no_config() {
    let cases = [
        (
            json!([]),
            "expected a JSON object with \"version\": 1, found a list",
        ),
        (
            json!(null),
            "expected a JSON object with \"version\": 1, found null",
        ),
        (
            json!("text"),
            "expected a JSON object with \"version\": 1, found a string",
        ),
        (json!({"accounts": []}), "version: missing, expected 1"),
        (
            json!({"version": 2}),
            "version: 2 is not supported, expected 1",
        ),
        (
            json!({"version": "1"}),
            "version: \"1\" is not supported, expected 1",
        ),
    ];
    for (document, message) in cases {
        let parsed = TeamConfig::from_value(&document);
        assert_eq!(parsed.config, None, "{document}");
        assert!(!parsed.is_usable());
        let shown: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
        assert_eq!(shown, [message], "{document}");
        assert_eq!(parsed.problems[0].severity, Severity::Error);
    }
}

#[test]
fn text_that_is_not_json_names_the_line_and_column() {
    let parsed = TeamConfig::parse("{\"version\": 1,\n \"accounts\": [}\n");
    assert_eq!(parsed.config, None);
    assert_eq!(parsed.problems[0].path, "");
    assert!(
        parsed.problems[0].message.starts_with("not JSON: ")
            && parsed.problems[0].message.contains("line 2 column"),
        "{}",
        parsed.problems[0].message
    );
}

#[test]
fn an_ini_file_given_as_team_json_is_recognised() {
    for text in [AWS_CONFIG, AESR, "[default]\nregion = eu-west-1\n"] {
        let parsed = TeamConfig::parse(text);
        assert_eq!(parsed.config, None);
        assert!(
            parsed.problems[0]
                .message
                .starts_with("not JSON but INI, like ~/.aws/config: import it instead ("),
            "{}",
            parsed.problems[0]
        );
    }
    assert!(TeamConfig::parse("[1]").problems[0]
        .message
        .starts_with("expected a JSON object"));
}

#[test]
fn a_byte_order_mark_and_a_float_version_are_fine() {
    assert!(TeamConfig::parse("\u{feff}{\"version\": 1}").is_usable());
    assert!(TeamConfig::from_value(&json!({"version": 1.0})).is_usable());
}

#[test]
fn every_account_id_problem_is_named_and_drops_the_entry() {
    let cases: [(Value, &str); 8] = [
        (json!({}), "error accounts[0].accountId: missing; every account needs its 12-digit account ID"),
        (json!({"accountId": null}), "error accounts[0].accountId: missing; every account needs its 12-digit account ID"),
        (json!({"accountId": ""}), "error accounts[0].accountId: empty; every account needs its 12-digit account ID"),
        (json!({"accountId": "12345678901"}), "error accounts[0].accountId: 11 digits, an account ID has 12"),
        (json!({"accountId": "1"}), "error accounts[0].accountId: 1 digit, an account ID has 12"),
        (
            json!({"accountId": 123456789012_u64}),
            "error accounts[0].accountId: expected a string in quotes (an account ID keeps its leading zeros), found a number",
        ),
        (
            json!({"accountId": "acme-prod"}),
            "error accounts[0].accountId: \"acme-prod\" is an alias, not an account ID; put it in alias and give the 12-digit accountId",
        ),
        (
            json!({"accountId": "1234 5678 9012"}),
            "error accounts[0].accountId: \"1234 5678 9012\" is not an account ID: expected 12 digits",
        ),
    ];
    for (entry, message) in cases {
        let document = json!({"version": 1, "accounts": [entry]});
        assert_eq!(problems_of(&document), [message], "{entry}");
        assert!(kept_ids(&document).is_empty());
    }
    let document = json!({"version": 1, "accounts": [{"accountId": ["1"]}]});
    assert_eq!(
        problems_of(&document),
        ["error accounts[0].accountId: expected a string, found a list"]
    );
}

#[test]
fn the_brief_example_names_entry_three() {
    let document = json!({"version": 1, "accounts": [
        {"accountId": "111111111111"},
        {"accountId": "222222222222"},
        {"accountId": "333333333333"},
        {"accountId": "12345678901"},
        {"accountId": "555555555555"},
    ]});
    assert_eq!(
        problems_of(&document),
        ["error accounts[3].accountId: 11 digits, an account ID has 12"]
    );
    assert_eq!(
        kept_ids(&document),
        [
            "111111111111",
            "222222222222",
            "333333333333",
            "555555555555"
        ]
    );
}

#[test]
fn an_account_id_with_console_dashes_is_read_with_a_warning() {
    let document = json!({"version": 1, "accounts": [{"accountId": "1111-2222-3333"}]});
    assert_eq!(
        problems_of(&document),
        ["warning accounts[0].accountId: written with dashes; read as 111122223333"]
    );
    assert_eq!(kept_ids(&document), ["111122223333"]);
}

#[test]
fn every_field_problem_is_named_and_drops_only_the_field() {
    let cases: Vec<(Value, &str)> = vec![
        (json!({"alias": "my--alias"}), "error accounts[0].alias: an account alias cannot have two hyphens in a row"),
        (json!({"alias": "a"}), "error accounts[0].alias: 1 characters, an account alias has 3 to 63"),
        (json!({"alias": "-prod"}), "error accounts[0].alias: an account alias must start and end with a letter or digit"),
        (json!({"alias": "my_alias"}), "error accounts[0].alias: '_' is not allowed in an account alias (only a-z, 0-9 and -)"),
        (json!({"alias": ""}), "error accounts[0].alias: empty; give the account alias or leave the field out"),
        (json!({"alias": 5}), "error accounts[0].alias: expected a string, found a number"),
        (json!({"displayName": "  "}), "error accounts[0].displayName: empty; give a name or leave the field out"),
        (
            json!({"displayName": "x".repeat(65)}),
            "error accounts[0].displayName: 65 characters, a display name has at most 64",
        ),
        (
            json!({"displayName": "Prod\u{202e}dorP"}),
            "error accounts[0].displayName: has an invisible control or formatting character (U+202E)",
        ),
        (
            json!({"displayName": "Prod\u{1b}[2J"}),
            "error accounts[0].displayName: has an invisible control or formatting character (U+001B)",
        ),
        (json!({"displayName": true}), "error accounts[0].displayName: expected a string, found a boolean"),
        (json!({"defaultRegion": "eu-west-9"}), "error accounts[0].defaultRegion: \"eu-west-9\" is not a known AWS region"),
        (json!({"defaultRegion": 1}), "error accounts[0].defaultRegion: expected a string, found a number"),
        (json!({"color": "red"}), "error accounts[0].color: \"red\" is not a colour of the form #rrggbb (like #1a73e8)"),
        (json!({"color": "ffaaee"}), "error accounts[0].color: \"ffaaee\" is not a colour of the form #rrggbb (like #1a73e8)"),
        (json!({"color": "#fff"}), "error accounts[0].color: \"#fff\" is not a colour of the form #rrggbb (like #1a73e8)"),
        (json!({"roles": "Admin"}), "error accounts[0].roles: expected a list, found a string"),
        (
            json!({"roles": ["Admin"]}),
            "error accounts[0].roles[0]: expected an object like {\"name\": \"ReadOnly\"}, found a string",
        ),
        (json!({"roles": [{}]}), "error accounts[0].roles[0].name: missing; every role needs its name"),
        (
            json!({"roles": [{"name": "Read Only"}]}),
            "error accounts[0].roles[0].name: \"Read Only\" is not a role name: ' ' is not allowed (letters, digits and +=,.@_- only)",
        ),
        (
            json!({"roles": [{"name": "team//Admin"}]}),
            "error accounts[0].roles[0].name: \"team//Admin\" is not a role name: a path separator / needs a name on each side",
        ),
        (
            json!({"roles": [{"name": "A".repeat(65)}]}),
            "error accounts[0].roles[0].name: 65 characters, a role name has at most 64",
        ),
        (json!({"roles": [{"name": ""}]}), "error accounts[0].roles[0].name: empty; give a name or leave the field out"),
        (
            json!({"roles": [{"name": "Admin", "displayName": ""}]}),
            "error accounts[0].roles[0].displayName: empty; give a name or leave the field out",
        ),
        (
            json!({"roles": [{"name": "Admin"}, {"name": "Admin"}]}),
            "warning accounts[0].roles[1].name: Admin is already in accounts[0].roles[0]",
        ),
        (
            json!({"ssoStartUrl": "https://example.com/start"}),
            "error accounts[0].ssoStartUrl: \"https://example.com/start\" is not an IAM Identity Center access portal URL (like https://d-1234567890.awsapps.com/start)",
        ),
        (
            json!({"ssoStartUrl": "http://acme.awsapps.com/start"}),
            "error accounts[0].ssoStartUrl: \"http://acme.awsapps.com/start\" is not an https:// URL",
        ),
        (
            json!({"ssoStartUrl": "https://awsapps.com.evil.example/start"}),
            "error accounts[0].ssoStartUrl: \"https://awsapps.com.evil.example/start\" is on a host that imitates AWS, not an IAM Identity Center access portal",
        ),
        (
            json!({"ssoStartUrl": "https://signin.aws.amazon.com/federation?Action=login&SigninToken=SECRETTOKEN123"}),
            "error accounts[0].ssoStartUrl: \"https://signin.aws.amazon.com/federation?Action=login&SigninToken=[redacted]\" is not an IAM Identity Center access portal URL (like https://d-1234567890.awsapps.com/start)",
        ),
    ];
    for (fields, message) in cases {
        let mut entry = json!({"accountId": "111122223333"});
        for (key, value) in fields.as_object().unwrap() {
            entry[key] = value.clone();
        }
        let document = json!({"version": 1, "accounts": [entry]});
        assert_eq!(problems_of(&document), [message], "{fields}");
        // The account stays; only the bad value is gone.
        assert_eq!(kept_ids(&document), ["111122223333"], "{fields}");
    }
}

#[test]
fn the_redacted_secret_of_a_bad_start_url_is_never_shown() {
    let document = json!({"version": 1, "accounts": [{"accountId": "111122223333",
        "ssoStartUrl": "https://signin.aws.amazon.com/federation?SigninToken=SECRETTOKEN123"}]});
    let parsed = TeamConfig::from_value(&document);
    assert!(!serde_json::to_string(&parsed)
        .unwrap()
        .contains("SECRETTOKEN123"));
}

#[test]
fn entries_that_are_not_objects_are_named_and_the_others_kept() {
    let document = json!({"version": 1, "accounts": [
        "111122223333", {"accountId": "444455556666"}, null, 7,
    ]});
    assert_eq!(
        problems_of(&document),
        [
            "error accounts[0]: expected an object, found a string",
            "error accounts[2]: expected an object, found null",
            "error accounts[3]: expected an object, found a number",
        ]
    );
    assert_eq!(kept_ids(&document), ["444455556666"]);
}

#[test]
fn duplicate_accounts_keep_the_first_and_name_the_others() {
    let document = json!({"version": 1, "accounts": [
        {"accountId": "111122223333", "displayName": "First"},
        {"accountId": "444455556666", "alias": "prod"},
        {"accountId": "111122223333", "displayName": "Second"},
        {"accountId": "777788889999", "alias": "PROD"},
    ]});
    assert_eq!(
        problems_of(&document),
        [
            "error accounts[2].accountId: 111122223333 is already in accounts[0]; this entry is ignored",
            "error accounts[3].alias: prod is already the alias of accounts[1]",
        ]
    );
    let config = TeamConfig::from_value(&document).config.unwrap();
    assert_eq!(config.accounts.len(), 3);
    assert_eq!(config.accounts[0].label(), "First");
    assert_eq!(config.accounts[2].alias, None);
}

#[test]
fn unknown_fields_are_warnings_with_a_suggestion_when_one_fits() {
    let document = json!({
        "version": 1,
        "acounts": [],
        "favoriteRegions": ["eu-west-1"],
        "comment": "made by hand",
        "accounts": [{
            "accountId": "111122223333", "colour": "#ffffff", "account_id": "1", "region": "eu-west-1",
            "name": "Prod", "notes": "x", "roles": [{"name": "Admin", "roleName": "Admin", "label": "A"}]
        }],
        "policy": {"locked": true, "lockAccounts": false, "my field": 1}
    });
    assert_eq!(
        problems_of(&document),
        [
            "warning accounts[0].roles[0].label: unknown field (did you mean displayName?)",
            "warning accounts[0].roles[0].roleName: unknown field (did you mean name?)",
            "warning accounts[0].account_id: unknown field (did you mean accountId?)",
            "warning accounts[0].colour: unknown field (did you mean color?)",
            "warning accounts[0].name: unknown field (did you mean displayName?)",
            "warning accounts[0].notes: unknown field",
            "warning accounts[0].region: unknown field (did you mean defaultRegion?)",
            "warning policy.locked: unknown field (did you mean lockAccounts?)",
            "warning policy[\"my field\"]: unknown field",
            "warning acounts: unknown field (did you mean accounts?)",
            "warning comment: unknown field",
            "warning favoriteRegions: unknown field (did you mean favouriteRegions?)",
        ]
    );
    assert_eq!(kept_ids(&document), ["111122223333"]);
}

#[test]
fn region_lists_drop_bad_codes_one_by_one() {
    let document = json!({
        "version": 1,
        "allowedRegions": ["eu-west-1", "EU-CENTRAL-1", "mars-1", "eu-west-1", 5],
        "favouriteRegions": ["eu-central-1", "us-east-1", "eu-central-1", "nowhere"],
        "accounts": [{"accountId": "111122223333", "defaultRegion": "us-east-1"}]
    });
    assert_eq!(
        problems_of(&document),
        [
            "error accounts[0].defaultRegion: us-east-1 is not in allowedRegions",
            "error favouriteRegions[1]: us-east-1 is not in allowedRegions",
            "warning favouriteRegions[2]: eu-central-1 is already in the list",
            "error favouriteRegions[3]: \"nowhere\" is not a known AWS region",
            "error allowedRegions[2]: \"mars-1\" is not a known AWS region",
            "warning allowedRegions[3]: eu-west-1 is already in the list",
            "error allowedRegions[4]: expected a string, found a number",
        ]
    );
    let config = TeamConfig::from_value(&document).config.unwrap();
    assert_eq!(
        config.allowed_regions,
        Some(vec![region("eu-west-1"), region("eu-central-1")])
    );
    assert_eq!(config.favourite_regions, [region("eu-central-1")]);
    assert_eq!(config.accounts[0].default_region, None);
    assert!(config.allows_region(region("eu-west-1")));
    assert!(!config.allows_region(region("us-east-1")));
}

#[test]
fn wrong_types_at_the_top_are_named_and_defaults_kept() {
    let document = json!({
        "version": 1, "accounts": {}, "favouriteRegions": "eu-west-1", "allowedRegions": [],
        "policy": {"lockAccounts": "yes", "allowUserAccounts": 0}
    });
    assert_eq!(
        problems_of(&document),
        [
            "error accounts: expected a list, found an object",
            "error favouriteRegions: expected a list, found a string",
            "error allowedRegions: empty, which would allow no region; leave it out to allow every region",
            "error policy.lockAccounts: expected true or false, found a string; the default is kept",
            "error policy.allowUserAccounts: expected true or false, found a number; the default is kept",
        ]
    );
    let config = TeamConfig::from_value(&document).config.unwrap();
    assert!(config.accounts.is_empty());
    assert_eq!(config.allowed_regions, None);
    assert!(!config.policy.lock_accounts);
    assert!(config.policy.allow_user_accounts);
    assert_eq!(
        problems_of(&json!({"version": 1, "policy": []})),
        ["error policy: expected an object, found a list"]
    );
}

#[test]
fn problems_serialise_with_path_message_and_severity() {
    let parsed = TeamConfig::from_value(&json!({"version": 1, "accounts": [{"accountId": "1"}]}));
    assert_eq!(
        serde_json::to_value(&parsed).unwrap(),
        json!({"config": {"version": 1, "accounts": []}, "problems": [{
            "path": "accounts[0].accountId",
            "message": "1 digit, an account ID has 12",
            "severity": "error"
        }]})
    );
}

// Merging ----------------------------------------------------------------------------------------

fn team(policy: Value) -> TeamConfig {
    config(json!({
        "version": 1,
        "accounts": [
            {"accountId": "111122223333", "alias": "acme-prod", "displayName": "Production",
             "color": "#c5221f", "defaultRegion": "eu-west-1", "roles": [{"name": "ReadOnly"}]},
            {"accountId": "444455556666", "displayName": "Staging"},
        ],
        "favouriteRegions": ["eu-west-1"],
        "allowedRegions": ["eu-west-1", "eu-central-1", "us-east-1"],
        "policy": policy
    }))
}

fn mine() -> UserAccounts {
    UserAccounts::from_config(config(json!({
        "version": 1,
        "accounts": [
            {"accountId": "111122223333", "displayName": "Prod (mine)", "color": "#000000",
             "defaultRegion": "eu-central-1", "alias": "other-alias", "roles": [{"name": "Mine"}]},
            {"accountId": "444455556666", "defaultRegion": "ap-south-1"},
            {"accountId": "999900001111", "displayName": "My sandbox", "defaultRegion": "ap-south-1"},
            {"accountId": "222200001111", "alias": "acme-prod"},
        ],
        "favouriteRegions": ["us-east-1", "eu-west-1", "ap-south-1"]
    })))
}

#[test]
fn without_a_managed_config_every_account_is_the_users() {
    let merged = merge(None, &mine());
    assert!(!merged.policy.managed);
    assert!(merged.accounts.iter().all(|a| a.source == Source::User));
    assert_eq!(merged.accounts.len(), 4);
    assert!(merged.hidden.is_empty() && merged.ignored.is_empty());
    assert_eq!(merged.allowed_regions, None);
}

#[test]
fn managed_accounts_come_first_read_only_with_the_users_cosmetic_changes() {
    let team = team(json!({}));
    let merged = merge(Some(&team), &mine());
    let listed: Vec<(&str, Source)> = merged
        .accounts
        .iter()
        .map(|a| (a.account.account_id.as_str(), a.source))
        .collect();
    assert_eq!(
        listed,
        [
            ("111122223333", Source::Managed),
            ("444455556666", Source::Managed),
            ("999900001111", Source::User),
        ]
    );
    let prod = &merged.accounts[0];
    assert_eq!(prod.account.label(), "Prod (mine)");
    assert_eq!(prod.account.color.as_ref().unwrap().as_str(), "#000000");
    assert_eq!(prod.account.default_region, Some(region("eu-central-1")));
    assert_eq!(
        prod.overridden,
        [Field::DisplayName, Field::Color, Field::DefaultRegion]
    );
    assert_eq!(prod.editable, Field::ALL);
    // What is not cosmetic stays the organisation's.
    assert_eq!(prod.account.alias.as_ref().unwrap().as_str(), "acme-prod");
    assert_eq!(prod.account.roles.len(), 1);
    assert_eq!(prod.account.roles[0].name.as_str(), "ReadOnly");
    // A region outside allowedRegions is ignored, with why.
    let staging = &merged.accounts[1];
    assert_eq!(staging.account.default_region, None);
    let ignored: Vec<(&str, Field, String)> = merged
        .ignored
        .iter()
        .map(|i| (i.account_id.as_str(), i.field, i.reason.to_string()))
        .collect();
    assert_eq!(
        ignored,
        [
            (
                "444455556666",
                Field::DefaultRegion,
                "your organisation does not allow the region ap-south-1".to_owned()
            ),
            (
                "999900001111",
                Field::DefaultRegion,
                "your organisation does not allow the region ap-south-1".to_owned()
            ),
        ]
    );
    // The alias of a managed account cannot name another account.
    assert_eq!(merged.hidden.len(), 1);
    assert_eq!(
        merged.hidden[0].reason,
        HiddenReason::AliasOfTeamAccount {
            alias: signin_guard::Alias::parse("acme-prod").unwrap(),
            team_account: signin_guard::AccountId::parse("111122223333").unwrap(),
        }
    );
    assert_eq!(
        merged.hidden[0].reason.to_string(),
        "the alias acme-prod belongs to your organisation's account 111122223333"
    );
    assert_eq!(
        merged.favourite_regions,
        [region("eu-west-1"), region("us-east-1")]
    );
}

#[test]
fn locked_accounts_ignore_the_users_changes_and_say_so() {
    let team = team(json!({"lockAccounts": true}));
    let merged = merge(Some(&team), &mine());
    let prod = &merged.accounts[0];
    assert_eq!(prod.account.label(), "Production");
    assert!(prod.editable.is_empty() && prod.overridden.is_empty());
    let locked: Vec<Field> = merged
        .ignored
        .iter()
        .filter(|i| i.reason == IgnoredReason::AccountsLocked)
        .map(|i| i.field)
        .collect();
    assert_eq!(
        locked,
        [
            Field::DisplayName,
            Field::Color,
            Field::DefaultRegion,
            Field::DefaultRegion
        ]
    );
    assert_eq!(
        IgnoredReason::AccountsLocked.to_string(),
        "your organisation manages this account and does not allow changing it"
    );
}

#[test]
fn user_accounts_are_hidden_when_the_organisation_allows_none() {
    let team = team(json!({"allowUserAccounts": false}));
    let merged = merge(Some(&team), &mine());
    assert!(merged.accounts.iter().all(|a| a.source == Source::Managed));
    let hidden: Vec<(&str, String)> = merged
        .hidden
        .iter()
        .map(|h| (h.account.account_id.as_str(), h.reason.to_string()))
        .collect();
    let reason = "your organisation does not allow adding accounts of your own".to_owned();
    assert_eq!(
        hidden,
        [("999900001111", reason.clone()), ("222200001111", reason)]
    );
    // Changes to managed accounts are still allowed: they are no accounts of one's own.
    assert_eq!(merged.accounts[0].account.label(), "Prod (mine)");
}

#[test]
fn merged_accounts_serialise_with_sources_for_the_options_page() {
    let team = team(json!({"allowUserAccounts": false}));
    let value = serde_json::to_value(merge(Some(&team), &mine())).unwrap();
    assert_eq!(
        value["accounts"][0],
        json!({
            "account_id": "111122223333", "alias": "acme-prod", "display_name": "Prod (mine)",
            "label": "Prod (mine)", "default_region": "eu-central-1", "color": "#000000",
            "roles": [{"name": "ReadOnly", "display_name": null}], "sso_start_url": null,
            "source": "managed", "source_label": "managed by your organisation",
            "read_only": true, "editable": ["display_name", "color", "default_region"],
            "overridden": ["display_name", "color", "default_region"]
        })
    );
    assert_eq!(
        value["hidden"][0]["reason"],
        json!({"code": "user_accounts_not_allowed",
               "message": "your organisation does not allow adding accounts of your own"})
    );
    assert_eq!(
        value["ignored"][0],
        json!({"account_id": "444455556666", "field": "default_region", "reason": {
            "code": "region_not_allowed",
            "message": "your organisation does not allow the region ap-south-1"}})
    );
    assert_eq!(
        value["policy"],
        json!({"managed": true, "lock_accounts": false, "allow_user_accounts": false})
    );
    let user_only = serde_json::to_value(merge(None, &mine())).unwrap();
    assert_eq!(user_only["accounts"][0]["source_label"], "added by you");
    assert_eq!(user_only["accounts"][0]["read_only"], false);
}

#[test]
fn user_accounts_read_from_storage_leniently() {
    let (accounts, problems) = UserAccounts::from_value(&json!({"version": 1, "accounts": [
        {"accountId": "111122223333"}, {"accountId": "bad"}]}));
    assert_eq!(accounts.accounts.len(), 1);
    assert_eq!(problems.len(), 1);
    assert_eq!(
        UserAccounts::from_value(&Value::Null),
        (UserAccounts::default(), vec![])
    );
}

#[test]
fn sign_in_pages_of_accounts_the_team_does_not_list_get_a_warning() {
    let team = team(json!({}));
    assert_eq!(team.is_known_to_team(&account("111122223333")), Some(true));
    assert_eq!(team.is_known_to_team(&account("acme-prod")), Some(true));
    assert_eq!(team.is_known_to_team(&account("999999999999")), Some(false));
    assert_eq!(
        team_warning(Some(&team), &account("999999999999")).as_deref(),
        Some("999999999999 is not one of your organisation's accounts")
    );
    assert_eq!(team_warning(Some(&team), &account("acme-prod")), None);
    // Staging has no alias listed: an unknown alias may be its, so no warning.
    assert_eq!(team.is_known_to_team(&account("someone-else")), None);
    assert_eq!(team_warning(Some(&team), &account("someone-else")), None);
    // No organisation's configuration: never a warning.
    assert_eq!(team_warning(None, &account("999999999999")), None);
}

// Imports ------------------------------------------------------------------------------------------

/// `(id, display name, region, roles, portal)` of each imported account.
type Row = (String, String, String, Vec<String>, String);

fn rows(imported: &Imported) -> Vec<Row> {
    imported
        .config
        .accounts
        .iter()
        .map(|a| {
            (
                a.account_id.to_string(),
                a.display_name
                    .as_ref()
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                a.default_region
                    .map(|r| r.code().to_owned())
                    .unwrap_or_default(),
                a.roles.iter().map(|r| r.name.to_string()).collect(),
                a.sso_start_url
                    .as_ref()
                    .map(|u| u.to_string())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

fn row(id: &str, name: &str, region: &str, roles: &[&str], portal: &str) -> Row {
    (
        id.to_owned(),
        name.to_owned(),
        region.to_owned(),
        roles.iter().map(|r| r.to_string()).collect(),
        portal.to_owned(),
    )
}

fn problem_lines(imported: &Imported) -> Vec<String> {
    imported
        .problems
        .iter()
        .map(|p| format!("{} {p}", p.severity))
        .collect()
}

fn assert_no_secret(text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{secret} appears in {text}");
    }
}

fn aws_config_expected_rows() -> Vec<Row> {
    let acme = "https://acme.awsapps.com/start";
    vec![
        row(
            "111122223333",
            "acme-prod-admin",
            "eu-west-1",
            &["AdministratorAccess", "ReadOnlyAccess"],
            acme,
        ),
        row(
            "444455556666",
            "acme-staging",
            "us-east-2",
            &["PowerUserAccess"],
            acme,
        ),
        row(
            "777788889999",
            "sandbox",
            "us-west-2",
            &["SandboxDeveloper"],
            "https://d-9067642ac7.awsapps.com/start",
        ),
        row(
            "121212121212",
            "billing",
            "",
            &["Billing"],
            "https://d-9067642ac7.awsapps.com/start#/",
        ),
        row(
            "210987654321",
            "data-lake",
            "eu-west-1",
            &["analytics/DataEngineer"],
            "",
        ),
        row("999988887777", "lost-session", "", &["Billing"], ""),
    ]
}

#[test]
fn a_real_shaped_aws_config_imports_every_account_once_with_its_roles() {
    let imported = import(AWS_CONFIG, ImportFormat::Auto).unwrap();
    assert_eq!(imported.format, ImportFormat::AwsConfig);
    assert_eq!(imported.profiles, 10);
    assert_eq!(rows(&imported), aws_config_expected_rows());
    assert_eq!(
        problem_lines(&imported),
        [
            "warning line 4: [default] names no account (no sso_account_id or role_arn); not imported",
            "warning line 62: [profile old-ci] names no account (no sso_account_id or role_arn); not imported",
            "error line 69: [profile typo] sso_account_id: 11 digits, an account ID has 12; the profile is not imported",
            "error line 74: [profile lost-session] sso_session: there is no [sso-session nowhere] section in the file, so the access portal is not known",
            "warning line 78: [profile sandbox] defines profile sandbox again (first on line 42); its keys are merged, later values win",
            "warning line 85: [ci-runner] is not a profile in ~/.aws/config (a profile is [profile NAME]); ignored",
        ]
    );
}

#[test]
fn nested_values_and_comments_do_not_change_the_profile() {
    // acme-staging's `s3 =` block has its own `region = ap-southeast-2`, and acme-prod-admin's
    // region has a trailing comment: neither leaks.
    let imported = import(AWS_CONFIG, ImportFormat::AwsConfig).unwrap();
    let regions: BTreeMap<String, String> = rows(&imported)
        .into_iter()
        .map(|(id, _, region, _, _)| (id, region))
        .collect();
    assert_eq!(regions["444455556666"], "us-east-2");
    assert_eq!(regions["111122223333"], "eu-west-1");
}

#[test]
fn crlf_and_cr_line_ends_import_the_same() {
    let lf = import(AWS_CONFIG, ImportFormat::Auto).unwrap();
    for end in ["\r\n", "\r"] {
        let text = format!("\u{feff}{}", AWS_CONFIG.replace('\n', end));
        let other = import(&text, ImportFormat::Auto).unwrap();
        assert_eq!(other, lf, "{end:?}");
    }
}

#[test]
fn secrets_are_skipped_named_by_key_and_never_anywhere_in_the_result() {
    let imported = import(AWS_CONFIG, ImportFormat::Auto).unwrap();
    let skipped: Vec<(&str, usize, Vec<&str>)> = imported
        .skipped_secrets
        .iter()
        .map(|s| {
            (
                s.profile.as_str(),
                s.line,
                s.keys.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        skipped,
        [
            (
                "old-ci",
                62,
                vec!["aws_access_key_id", "aws_secret_access_key"]
            ),
            ("sandbox", 78, vec!["aws_session_token"]),
        ]
    );
    assert_no_secret(&serde_json::to_string(&imported).unwrap());
    assert_no_secret(&format!("{imported:?}"));
    assert_no_secret(&imported.config.to_json_pretty());
    let aesr = import(AESR, ImportFormat::Auto).unwrap();
    assert_no_secret(&serde_json::to_string(&aesr).unwrap());
    assert_no_secret(&format!("{aesr:?}"));
}

#[test]
fn a_credentials_file_gives_no_account_and_lists_its_secrets() {
    let credentials = "[default]\naws_access_key_id = AKIAFIXTURESECRET0001\n\
        aws_secret_access_key = fixtureSecretKeyDoNotPrint/abc123XYZ\n\n\
        [ci]\naws_access_key_id=AKIAFIXTURESECRET0001\naws_secret_access_key=fixtureSecretKeyDoNotPrint/abc123XYZ\n\
        aws_session_token=FIXTURESESSIONTOKENvalue==\n";
    let imported = import(credentials, ImportFormat::AwsConfig).unwrap();
    assert!(imported.config.accounts.is_empty());
    let profiles: Vec<&str> = imported
        .skipped_secrets
        .iter()
        .map(|s| s.profile.as_str())
        .collect();
    assert_eq!(profiles, ["default", "ci"]);
    assert_eq!(imported.skipped_secrets[1].keys.len(), 3);
    // `[ci]` holds only secrets: the secrets line says all there is to say.
    assert_eq!(
        problem_lines(&imported),
        ["warning line 1: [default] names no account (no sso_account_id or role_arn); not imported"]
    );
    assert_no_secret(&serde_json::to_string(&imported).unwrap());
}

#[test]
fn an_aesr_configuration_imports_roles_colours_and_base_accounts() {
    let imported = import(AESR, ImportFormat::Auto).unwrap();
    assert_eq!(imported.format, ImportFormat::Aesr);
    assert_eq!(imported.profiles, 9);
    assert_eq!(
        rows(&imported),
        [
            row(
                "123456789012",
                "marketingadmin",
                "us-east-1",
                &["marketingadmin", "Role1", "Role2"],
                ""
            ),
            row(
                "987654321987",
                "anotheraccount",
                "ap-northeast-1",
                &["anotherrole"],
                ""
            ),
            row("000011112222", "baseaccount2", "", &[], ""),
            row("987654321988", "athirdaccount", "", &["athirdrole"], ""),
            row("555566667777", "leaked", "", &["Admin"], ""),
        ]
    );
    let colors: Vec<Option<&str>> = imported
        .config
        .accounts
        .iter()
        .map(|a| a.color.as_ref().map(|c| c.as_str()))
        .collect();
    assert_eq!(colors, [Some("#ffaaee"), Some("#bbeeff"), None, None, None]);
    assert_eq!(
        problem_lines(&imported),
        [
            "warning line 3: [organization1] aws_account_id: \"acme-root\" is an account alias; the team format needs the 12-digit account ID, so this profile is not imported",
            "error line 35: [athirdaccount] color: \"purple\" is not a colour of the form #rrggbb (like #1a73e8)",
            "warning line 42: [norole] names no account (no aws_account_id or role_arn); not imported",
        ]
    );
    assert_eq!(imported.skipped_secrets.len(), 1);
    assert_eq!(imported.skipped_secrets[0].profile, "leaked");
    assert_eq!(imported.skipped_secrets[0].keys, ["aws_secret_access_key"]);
}

#[test]
fn the_same_file_read_in_the_other_format_says_what_it_ignores() {
    // AESR's bare [NAME] sections are no profiles to the AWS CLI.
    let as_cli = import(AESR, ImportFormat::AwsConfig).unwrap();
    assert_eq!(rows(&as_cli).len(), 1);
    assert_eq!(
        as_cli.config.accounts[0]
            .display_name
            .as_ref()
            .unwrap()
            .as_str(),
        "marketingadmin"
    );
    assert!(problem_lines(&as_cli)
        .iter()
        .any(|p| p == "warning line 16: [Org1-Account1-Role1] is not a profile in ~/.aws/config (a profile is [profile NAME]); ignored"));
}

#[test]
fn bad_values_in_profiles_are_named_by_line() {
    let text = "[profile a]\nrole_arn = arn:aws:iam::123456789012:user/alice\n\n\
        [profile b]\nsso_account_id = 123456789012\nsso_role_name = Read Only\nregion = mars-1\n\
        sso_start_url = https://example.com/start\n\n\
        [profile c]\nsso_session = s\nsso_account_id = 210987654321\n\
        [sso-session s]\nsso_start_url = https://awsapps.com.evil.example/start\n\
        [profile]\nregion = eu-west-1\n\
        [broken\nsso_account_id = 111111111111\n\
        just text\n";
    let imported = import(text, ImportFormat::AwsConfig).unwrap();
    assert_eq!(
        problem_lines(&imported),
        [
            "error line 2: [profile a] role_arn: \"arn:aws:iam::123456789012:user/alice\" is not an IAM role ARN (like arn:aws:iam::123456789012:role/NAME); the profile is not imported",
            "error line 6: [profile b] sso_role_name: \"Read Only\" is not a role name: ' ' is not allowed (letters, digits and +=,.@_- only)",
            "error line 7: [profile b] region: \"mars-1\" is not a known AWS region",
            "error line 8: [profile b] sso_start_url: \"https://example.com/start\" is not an IAM Identity Center access portal URL (like https://d-1234567890.awsapps.com/start)",
            "error line 14: [sso-session s] sso_start_url: \"https://awsapps.com.evil.example/start\" is on a host that imitates AWS, not an IAM Identity Center access portal",
            "warning line 15: [profile] is not a profile in ~/.aws/config (a profile is [profile NAME]); ignored",
            "error line 17: a section header without its closing ]; the lines up to the next section are ignored",
            "error line 19: neither a [section], a key = value line nor a comment; ignored",
        ]
    );
    assert_eq!(
        rows(&imported),
        [
            row("123456789012", "b", "", &[], ""),
            row("210987654321", "c", "", &[], ""),
        ]
    );
}

#[test]
fn json_text_is_refused_and_unknown_formats_named() {
    assert_eq!(
        import(EXAMPLE, ImportFormat::Auto),
        Err(ImportError::LooksLikeJson)
    );
    assert_eq!(
        ImportFormat::from_name("yaml").unwrap_err().to_string(),
        "unknown import format \"yaml\": aws-config, aesr or auto"
    );
    for format in [
        ImportFormat::AwsConfig,
        ImportFormat::Aesr,
        ImportFormat::Auto,
    ] {
        assert_eq!(ImportFormat::from_name(format.name()), Ok(format));
    }
}

#[test]
fn imports_export_to_team_json_that_reads_back_without_problems() {
    for (text, format) in [
        (AWS_CONFIG, ImportFormat::AwsConfig),
        (AESR, ImportFormat::Aesr),
    ] {
        let imported = import(text, format).unwrap();
        let json = imported.config.to_json_pretty();
        let parsed = TeamConfig::parse(&json);
        assert_eq!(parsed.problems, [], "{json}");
        assert_eq!(parsed.config.as_ref(), Some(&imported.config));
        assert_eq!(
            json_schema_errors(&serde_json::from_str(&json).unwrap()),
            Vec::<String>::new()
        );
    }
}

// The schema files and the example ----------------------------------------------------------------

fn parse_json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn the_example_reads_without_problems_and_round_trips() {
    let example = parse_json(EXAMPLE);
    let parsed = TeamConfig::from_value(&example);
    assert_eq!(parsed.problems, []);
    let config = parsed.config.unwrap();
    assert_eq!(config.accounts.len(), 4);
    assert_eq!(config.to_value(), example);
}

#[test]
fn the_example_satisfies_the_json_schema() {
    assert_eq!(
        json_schema_errors(&parse_json(EXAMPLE)),
        Vec::<String>::new()
    );
}

#[test]
fn the_example_passes_chromes_managed_schema_without_a_key_stripped() {
    let schema = parse_json(MANAGED_SCHEMA);
    let mut errors = Vec::new();
    chrome_validate(&schema, &parse_json(EXAMPLE), "", &mut errors);
    assert_eq!(errors, Vec::<String>::new());
}

/// The attributes Chrome's schema parser accepts for each type (components/policy/core/common/
/// schema.cc), less those that would make it drop a whole key for one bad item (`required`,
/// `pattern`, `enum`, `minimum`, `maximum`, `additionalProperties`, `patternProperties`) and
/// `$ref`/`id`, which we do not need.
fn chrome_attributes(kind: &str) -> &'static [&'static str] {
    match kind {
        "array" => &["type", "description", "title", "items"],
        "object" => &["type", "description", "title", "properties"],
        "boolean" | "integer" | "number" | "string" => &["type", "description", "title"],
        _ => &[],
    }
}

fn chrome_schema_errors(node: &Value, path: &str, errors: &mut Vec<String>) {
    let Some(object) = node.as_object() else {
        errors.push(format!("{path}: a schema must be an object"));
        return;
    };
    let kind = object
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if !["boolean", "integer", "number", "string", "array", "object"].contains(&kind) {
        errors.push(format!("{path}: type {kind:?} is not one Chrome knows"));
        return;
    }
    for key in object.keys() {
        if !chrome_attributes(kind).contains(&key.as_str()) {
            errors.push(format!("{path}: attribute {key:?} is not allowed here"));
        }
    }
    for key in ["description", "title"] {
        if object.get(key).is_some_and(|v| !v.is_string()) {
            errors.push(format!("{path}: {key} must be a string"));
        }
    }
    match kind {
        "array" => match object.get("items") {
            Some(items) => chrome_schema_errors(items, &format!("{path}[]"), errors),
            None => errors.push(format!("{path}: an array needs items")),
        },
        "object" => {
            let properties = object.get("properties").and_then(Value::as_object);
            match properties {
                Some(properties) => {
                    for (name, schema) in properties {
                        chrome_schema_errors(schema, &format!("{path}.{name}"), errors);
                    }
                }
                None => errors.push(format!("{path}: an object needs properties")),
            }
        }
        _ => {}
    }
}

#[test]
fn the_managed_schema_is_one_chrome_accepts_and_lenient() {
    let schema = parse_json(MANAGED_SCHEMA);
    assert_eq!(schema["type"], "object", "the top level must be an object");
    let mut errors = Vec::new();
    chrome_schema_errors(&schema, "", &mut errors);
    assert_eq!(errors, Vec::<String>::new());
    // Said twice on purpose: Chrome refuses these at the top level whatever else it allows.
    assert!(schema.get("additionalProperties").is_none());
    assert!(schema.get("patternProperties").is_none());
}

#[test]
fn a_copy_of_the_managed_schema_in_the_extension_is_this_one() {
    let copy = concat!(env!("CARGO_MANIFEST_DIR"), "/extension/managed_schema.json");
    if let Ok(text) = std::fs::read_to_string(copy) {
        assert_eq!(parse_json(&text), parse_json(MANAGED_SCHEMA));
    }
}

/// Validates a value as Chrome would: the types of known keys; an unknown key (which Chrome
/// strips) is an error here, so that the example relies on nothing Chrome drops.
fn chrome_validate(schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    let kind = schema["type"].as_str().unwrap_or_default();
    let ok = match kind {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        _ => false,
    };
    if !ok {
        errors.push(format!("{path}: expected {kind}, found {value}"));
        return;
    }
    if let (Some(object), Some(properties)) = (value.as_object(), schema["properties"].as_object())
    {
        for (key, item) in object {
            match properties.get(key) {
                Some(schema) => chrome_validate(schema, item, &format!("{path}.{key}"), errors),
                None => errors.push(format!("{path}.{key}: not in the managed schema")),
            }
        }
    }
    if let Some(items) = value.as_array() {
        for (index, item) in items.iter().enumerate() {
            chrome_validate(&schema["items"], item, &format!("{path}[{index}]"), errors);
        }
    }
}

/// Every `(path, type)` a schema describes, following `$ref`s; `const` numbers are integers.
fn shape(root: &Value, schema: &Value, path: &str, out: &mut BTreeMap<String, String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.strip_prefix("#/$defs/").unwrap();
        return shape(root, &root["$defs"][name], path, out);
    }
    let kind = match (&schema["type"], &schema["const"]) {
        (Value::String(kind), _) => kind.clone(),
        (_, Value::Number(_)) => "integer".to_owned(),
        _ => panic!("{path}: no type"),
    };
    out.insert(path.to_owned(), kind.clone());
    if let Some(properties) = schema["properties"].as_object() {
        for (name, property) in properties {
            shape(root, property, &format!("{path}.{name}"), out);
        }
    }
    if kind == "array" {
        shape(root, &schema["items"], &format!("{path}[]"), out);
    }
}

#[test]
fn both_schemas_describe_the_same_fields_with_the_same_types() {
    let json_schema = parse_json(JSON_SCHEMA);
    let managed = parse_json(MANAGED_SCHEMA);
    let (mut full, mut chrome) = (BTreeMap::new(), BTreeMap::new());
    shape(&json_schema, &json_schema, "", &mut full);
    shape(&managed, &managed, "", &mut chrome);
    assert_eq!(full, chrome);
    assert!(full.contains_key(".accounts[].roles[].displayName"));
}

// A validator for the part of JSON Schema 2020-12 that docs/team-config.schema.json uses: a test
// fails on any other keyword, and on any pattern it does not know, rather than pass by ignoring.

const ANNOTATIONS: [&str; 7] = [
    "$schema",
    "$id",
    "$defs",
    "$comment",
    "title",
    "description",
    "default",
];

/// The schema's patterns, each as the check it stands for.
fn pattern_matches(pattern: &str, text: &str) -> bool {
    let all = |t: &str, f: fn(char) -> bool| t.chars().all(f);
    let role_part = |c: char| c.is_ascii_alphanumeric() || "+=,.@_-".contains(c);
    match pattern {
        "^[0-9]{12}$" => text.len() == 12 && all(text, |c| c.is_ascii_digit()),
        "^[a-zA-Z0-9][a-zA-Z0-9-]{1,61}[a-zA-Z0-9]$" => {
            (3..=63).contains(&text.len())
                && all(text, |c| c.is_ascii_alphanumeric() || c == '-')
                && !text.starts_with('-')
                && !text.ends_with('-')
        }
        "^#[0-9a-fA-F]{6}$" => text
            .strip_prefix('#')
            .is_some_and(|hex| hex.len() == 6 && all(hex, |c| c.is_ascii_hexdigit())),
        "^https://" => text.starts_with("https://"),
        "^([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,64}$" => {
            let parts: Vec<&str> = text.split('/').collect();
            parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(role_part))
                && parts.last().is_some_and(|name| name.len() <= 64)
        }
        "^[a-z]{2,4}(-[a-z]+)+-[0-9]+$" => {
            let parts: Vec<&str> = text.split('-').collect();
            parts.len() >= 3
                && (2..=4).contains(&parts[0].len())
                && all(parts[0], |c| c.is_ascii_lowercase())
                && parts[1..parts.len() - 1]
                    .iter()
                    .all(|p| !p.is_empty() && all(p, |c| c.is_ascii_lowercase()))
                && parts
                    .last()
                    .is_some_and(|n| !n.is_empty() && all(n, |c| c.is_ascii_digit()))
        }
        other => panic!("the test does not know the pattern {other:?}: add it"),
    }
}

fn json_schema_errors(value: &Value) -> Vec<String> {
    let root = parse_json(JSON_SCHEMA);
    let mut errors = Vec::new();
    validate(&root, &root, value, "", &mut errors);
    errors
}

fn validate(root: &Value, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    let schema = schema.as_object().unwrap();
    for (keyword, argument) in schema {
        match keyword.as_str() {
            k if ANNOTATIONS.contains(&k) || k == "format" => {}
            "$ref" => {
                let name = argument.as_str().unwrap().strip_prefix("#/$defs/").unwrap();
                validate(root, &root["$defs"][name], value, path, errors);
            }
            "type" => {
                let ok = match argument.as_str().unwrap() {
                    "object" => value.is_object(),
                    "array" => value.is_array(),
                    "string" => value.is_string(),
                    "boolean" => value.is_boolean(),
                    "integer" => value.is_i64() || value.is_u64(),
                    other => panic!("type {other} not handled"),
                };
                if !ok {
                    errors.push(format!("{path}: not of type {argument}"));
                }
            }
            "const" => {
                if value != argument {
                    errors.push(format!("{path}: not {argument}"));
                }
            }
            "required" => {
                for name in argument.as_array().unwrap() {
                    let name = name.as_str().unwrap();
                    if value.is_object() && value.get(name).is_none() {
                        errors.push(format!("{path}: {name} is required"));
                    }
                }
            }
            "properties" => {
                if let Some(object) = value.as_object() {
                    for (name, item) in object {
                        if let Some(property) = argument.get(name) {
                            validate(root, property, item, &format!("{path}.{name}"), errors);
                        }
                    }
                }
            }
            "additionalProperties" => {
                assert_eq!(argument, &json!(false), "only false is handled");
                let known = schema["properties"].as_object().unwrap();
                for name in value.as_object().map(|o| o.keys()).into_iter().flatten() {
                    if !known.contains_key(name) {
                        errors.push(format!("{path}.{name}: not allowed"));
                    }
                }
            }
            "items" => {
                for (index, item) in value.as_array().into_iter().flatten().enumerate() {
                    validate(root, argument, item, &format!("{path}[{index}]"), errors);
                }
            }
            "minItems" => {
                if value
                    .as_array()
                    .is_some_and(|a| (a.len() as u64) < argument.as_u64().unwrap())
                {
                    errors.push(format!("{path}: fewer than {argument} items"));
                }
            }
            "uniqueItems" => {
                if let Some(items) = value.as_array() {
                    if (1..items.len()).any(|i| items[..i].contains(&items[i])) {
                        errors.push(format!("{path}: items repeat"));
                    }
                }
            }
            "minLength" | "maxLength" => {
                if let Some(text) = value.as_str() {
                    let length = text.chars().count() as u64;
                    let limit = argument.as_u64().unwrap();
                    let bad = if keyword == "minLength" {
                        length < limit
                    } else {
                        length > limit
                    };
                    if bad {
                        errors.push(format!("{path}: {keyword} {limit}"));
                    }
                }
            }
            "pattern" => {
                if let Some(text) = value.as_str() {
                    if !pattern_matches(argument.as_str().unwrap(), text) {
                        errors.push(format!("{path}: does not match {argument}"));
                    }
                }
            }
            other => panic!("the test validator does not handle the keyword {other:?}: add it"),
        }
    }
}

#[test]
fn the_json_schema_rejects_what_the_core_reports_as_errors() {
    let bad_entries = [
        json!({"accountId": "12345678901"}),
        json!({"accountId": 123456789012_u64}),
        json!({"alias": "prod"}),
        json!({"accountId": "111122223333", "color": "red"}),
        json!({"accountId": "111122223333", "defaultRegion": "Ireland"}),
        json!({"accountId": "111122223333", "roles": [{"name": "Read Only"}]}),
        json!({"accountId": "111122223333", "roles": [{}]}),
        json!({"accountId": "111122223333", "ssoStartUrl": "http://acme.awsapps.com/start"}),
        json!({"accountId": "111122223333", "displayName": ""}),
        json!({"accountId": "111122223333", "colour": "#ffffff"}),
    ];
    for entry in bad_entries {
        let document = json!({"version": 1, "accounts": [entry]});
        assert!(!json_schema_errors(&document).is_empty(), "{document}");
        assert!(
            !TeamConfig::from_value(&document).problems.is_empty(),
            "{document}"
        );
    }
    for document in [
        json!({"accounts": []}),
        json!({"version": 2}),
        json!({"version": 1, "allowedRegions": []}),
    ] {
        assert!(!json_schema_errors(&document).is_empty(), "{document}");
    }
}

#[test]
fn the_schema_patterns_agree_with_the_core() {
    for region in Region::all(None) {
        assert!(
            pattern_matches("^[a-z]{2,4}(-[a-z]+)+-[0-9]+$", region.code()),
            "{region}"
        );
    }
    for name in [
        "Admin",
        "team/Admin",
        "a+b=c,d.e@f_g-h",
        "AWSReservedSSO_Admin_0123abcd",
    ] {
        let core = signin_guard::team::config::RoleName::parse(name).is_ok();
        assert!(core, "{name}");
        assert!(pattern_matches(
            "^([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,64}$",
            name
        ));
    }
    for name in ["Read Only", "/Admin", "team//Admin", "Admin/"] {
        assert!(
            signin_guard::team::config::RoleName::parse(name).is_err(),
            "{name}"
        );
        assert!(!pattern_matches(
            "^([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,64}$",
            name
        ));
    }
}
