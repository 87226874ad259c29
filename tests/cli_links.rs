//! `signin-guard link --config` and `signin-guard links` through the real binary: the link per
//! sign-in method, account names, exit statuses, the role link's note on stderr, and the
//! bookmarks file read back by the project's own bookmark file reader.

// A panic is how a test reports failure.
#![allow(clippy::unwrap_used)]

use serde_json::Value;
use signin_guard::bookmarks::file::parse;
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_signin-guard");
const EXAMPLE: &str = "docs/examples/team-config.json";

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .expect("run signin-guard")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

fn link(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["link"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--config", EXAMPLE]);
    let output = run(&all);
    (
        output.status.code().expect("an exit status"),
        text(&output.stdout),
        text(&output.stderr),
    )
}

#[test]
fn an_identity_center_account_gets_its_portal_shortcut() {
    let (status, out, err) = link(&["PRODUCTION", "--role", "read only", "--region", "us-east-2"]);
    assert_eq!((status, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "https://acme.awsapps.com/start/#/console?account_id=111122223333&role_name=ReadOnlyAccess\
         &destination=https%3A%2F%2Fus-east-2.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Dus-east-2\n"
    );
    // By alias and by ID, the account's default region and its only role.
    let (status, by_alias, _) = link(&["acme-staging"]);
    let (_, by_id, _) = link(&["444455556666"]);
    assert_eq!(status, 0);
    assert_eq!(by_alias, by_id);
    assert!(by_alias.ends_with(
        "role_name=PowerUserAccess&destination=https%3A%2F%2Feu-west-1.console.aws.amazon.com\
         %2Fconsole%2Fhome%3Fregion%3Deu-west-1\n"
    ));
}

#[test]
fn a_role_link_says_on_stderr_that_the_console_opens_in_its_last_region() {
    let (status, out, err) = link(&["data lake", "--region", "eu-west-1"]);
    assert_eq!(status, 0);
    assert_eq!(
        out,
        "https://signin.aws.amazon.com/switchrole?account=210987654321\
         &roleName=analytics/DataEngineer&displayName=Data%20lake%20%2F%20Data%20engineer\n"
    );
    assert_eq!(
        err,
        "signin-guard: a role link names no region: the console opens in the region it last used; \
         choose eu-west-1 there (the extension moves the tab itself)\n"
    );
}

#[test]
fn an_account_without_roles_gets_its_region_pinned_sign_in_url() {
    let (status, out, err) = link(&["sandbox"]);
    assert_eq!((status, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "https://777788889999.signin.aws.amazon.com/console?region=us-east-1\n"
    );
}

#[test]
fn an_unknown_role_is_exit_2_naming_the_roles() {
    let (status, out, err) = link(&["production", "--role", "Deploy"]);
    assert_eq!((status, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "signin-guard: account Production has no role \"Deploy\"; its roles: ReadOnlyAccess, \
         AdministratorAccess\n"
    );
}

#[test]
fn an_ambiguous_account_is_exit_2_listing_the_matches() {
    let dir = temp_dir("ambiguous");
    let config = dir.join("team.json");
    fs::write(
        &config,
        r#"{"version": 1, "accounts": [
            {"accountId": "111122223333", "displayName": "Prod"},
            {"accountId": "444455556666", "alias": "prod"}]}"#,
    )
    .unwrap();
    let output = run(&["link", "prod", "--config", config.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "signin-guard: \"prod\" names 2 accounts, give its ID or alias instead: \
         Prod (111122223333), prod (444455556666)\n"
    );
    let output = run(&["link", "nope", "--config", config.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).starts_with("signin-guard: no account \"nope\""));
}

#[test]
fn bad_regions_and_files_are_usage_errors() {
    let (status, _, err) = link(&["sandbox", "--region", "cn-north-1"]);
    assert_eq!(status, 2);
    assert_eq!(
        err,
        "signin-guard: region cn-north-1 belongs to partition aws-cn, not to the account's partition aws\n"
    );
    let (status, _, err) = link(&["sandbox", "--region", "mars-1"]);
    assert_eq!(status, 2);
    assert!(
        err.contains("\"mars-1\" is not a known AWS region"),
        "{err}"
    );
    let output = run(&["link", "x", "--config", "tests/data/team/aws-config"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("not a usable team configuration"));
    let output = run(&["link", "x", "--role", "Admin"]);
    assert_eq!(output.status.code(), Some(2), "--role needs --config");
}

#[test]
fn links_lists_every_account_role_and_favourite_region() {
    let output = run(&["links", "--config", EXAMPLE]);
    assert_eq!(output.status.code(), Some(0));
    let out = text(&output.stdout);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    let heads: Vec<String> = rows.iter().map(|r| r[..4].join(" ")).collect();
    assert_eq!(
        heads,
        [
            "Production ReadOnlyAccess eu-west-1 through your access portal",
            "Production ReadOnlyAccess eu-central-1 through your access portal",
            "Production AdministratorAccess eu-west-1 through your access portal",
            "Production AdministratorAccess eu-central-1 through your access portal",
            "Staging PowerUserAccess eu-west-1 through your access portal",
            "Staging PowerUserAccess eu-central-1 through your access portal",
            "Sandbox - eu-west-1 IAM user",
            "Sandbox - eu-central-1 IAM user",
            "Data lake analytics/DataEngineer - switch role",
        ]
    );
    let json = run(&["links", "--config", EXAMPLE, "--json"]);
    let value: Value = serde_json::from_slice(&json.stdout).unwrap();
    let urls: Vec<&str> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["url"].as_str().unwrap())
        .collect();
    let lines: Vec<&str> = rows.iter().map(|r| r[4]).collect();
    assert_eq!(urls, lines);
    assert_eq!(value[8]["opens_in_last_region"], Value::Bool(true));
}

#[test]
fn links_bookmarks_reads_back_with_every_link_title_and_folder() {
    let dir = temp_dir("bookmarks");
    let out = dir.join("aws-accounts.html");
    let output = run(&[
        "links",
        "--config",
        EXAMPLE,
        "--bookmarks",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).ends_with(": 9 links in 4 account folders\n"));
    let json = run(&["links", "--config", EXAMPLE, "--json"]);
    let rows: Value = serde_json::from_slice(&json.stdout).unwrap();
    let bytes = fs::read(&out).unwrap();
    let file = parse(&bytes).expect("a bookmarks file");
    assert_eq!(file.notes, []);
    assert_eq!(file.bookmarks.len(), 9);
    for (bookmark, row) in file.bookmarks.iter().zip(rows.as_array().unwrap()) {
        assert_eq!(bookmark.url, row["url"].as_str().unwrap());
        assert_eq!(
            file.folder_path(bookmark.folder),
            ["AWS accounts", row["account"].as_str().unwrap()]
        );
    }
    let titles: Vec<&str> = file.bookmarks.iter().map(|b| b.title.as_ref()).collect();
    assert_eq!(titles[0], "Read only · Europe (Ireland)");
    assert_eq!(titles[6], "Europe (Ireland)");
    assert_eq!(titles[8], "Data engineer");
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "signin-guard-cli-links-{}-{name}",
        std::process::id()
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}
