//! `signin-guard config import` and `config check` through the real binary: the team JSON on
//! standard output or in a file, the problems and skipped secrets on standard error, secrets
//! never printed, exit statuses, and the help.

// A panic is how a test reports failure.
#![allow(clippy::unwrap_used)]

use serde_json::{json, Value};
use signin_guard::team::config::TeamConfig;
use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

const BIN: &str = env!("CARGO_BIN_EXE_signin-guard");
const AWS_CONFIG: &str = "tests/data/team/aws-config";
const AESR: &str = "tests/data/team/aesr.ini";
const EXAMPLE: &str = "docs/examples/team-config.json";

/// The secret values planted in the fixtures.
const SECRETS: [&str; 3] = [
    "AKIAFIXTURESECRET0001",
    "fixtureSecretKeyDoNotPrint/abc123XYZ",
    "FIXTURESESSIONTOKENvalue==",
];

fn run<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .expect("run signin-guard")
}

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start signin-guard");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().expect("wait for signin-guard")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn status(output: &Output) -> i32 {
    output.status.code().unwrap()
}

fn assert_no_secret(text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{secret} appears in {text}");
    }
}

/// A fresh folder under the system's temporary folder, removed at the end.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "signin-guard-cli-config-{}-{}-{name}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        fs::write(&path, text).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn account_ids(json: &Value) -> Vec<&str> {
    json["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["accountId"].as_str().unwrap())
        .collect()
}

// import -----------------------------------------------------------------------------------------

#[test]
fn import_prints_the_team_json_and_reports_on_stderr() {
    let output = run(&["config", "import", AWS_CONFIG]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(
        account_ids(&json),
        [
            "111122223333",
            "444455556666",
            "777788889999",
            "121212121212",
            "210987654321",
            "999988887777"
        ]
    );
    // The output is a team configuration the extension reads without a problem.
    let parsed = TeamConfig::parse(&stdout(&output));
    assert_eq!(parsed.problems, []);
    let err = stderr(&output);
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines.contains(
        &"tests/data/team/aws-config:69: error: [profile typo] sso_account_id: 11 digits, an account ID has 12; the profile is not imported"
    ), "{err}");
    assert!(lines.contains(
        &"tests/data/team/aws-config:62: secrets of profile old-ci skipped, never imported: aws_access_key_id, aws_secret_access_key"
    ), "{err}");
    assert_eq!(
        lines.last(),
        Some(&"tests/data/team/aws-config: 6 accounts with 7 roles from 10 profiles (aws-config format)")
    );
}

#[test]
fn import_never_prints_a_secret() {
    for args in [
        vec!["config", "import", AWS_CONFIG],
        vec!["config", "import", AESR],
        vec!["config", "import", "--format", "aws-config", AESR],
        vec!["config", "import", "--format", "aesr", AWS_CONFIG],
    ] {
        let output = run(&args);
        assert_eq!(status(&output), 0, "{args:?}");
        assert_no_secret(&stdout(&output));
        assert_no_secret(&stderr(&output));
    }
}

#[test]
fn import_reads_aesr_by_itself_or_when_told() {
    for args in [
        vec!["config", "import", AESR],
        vec!["config", "import", AESR, "--format", "aesr"],
    ] {
        let output = run(&args);
        assert_eq!(status(&output), 0);
        let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(json["accounts"][0]["color"], "#ffaaee");
        assert!(
            stderr(&output).ends_with("5 accounts with 6 roles from 9 profiles (aesr format)\n")
        );
    }
}

#[test]
fn import_writes_out_and_never_over_its_input() {
    let dir = TempDir::new("out");
    let input = dir.file("config", &fs::read_to_string(AWS_CONFIG).unwrap());
    let out = dir.path("team.json");
    let output = run(&[
        OsStr::new("config"),
        OsStr::new("import"),
        input.as_os_str(),
        OsStr::new("-o"),
        out.as_os_str(),
    ]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    let written = fs::read_to_string(&out).unwrap();
    assert!(TeamConfig::parse(&written).problems.is_empty());
    assert!(stderr(&output)
        .trim_end()
        .ends_with(&format!(", written to {}", out.display())));
    // The same file under another name is refused, and left as it was.
    let same = dir.0.join(".").join("config");
    let before = fs::read(&input).unwrap();
    let output = run(&[
        OsStr::new("config"),
        OsStr::new("import"),
        input.as_os_str(),
        OsStr::new("--output"),
        same.as_os_str(),
    ]);
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("this is the input file"),
        "{}",
        stderr(&output)
    );
    assert_eq!(stderr(&output).lines().count(), 1);
    assert_eq!(fs::read(&input).unwrap(), before);
}

#[test]
fn import_reads_standard_input() {
    let text = "[profile dev]\r\nsso_account_id = 123456789012\r\nsso_role_name = Dev\r\n";
    let output = run_with_stdin(&["config", "import", "-"], text.as_bytes());
    assert_eq!(status(&output), 0);
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        json,
        json!({"version": 1, "accounts": [
            {"accountId": "123456789012", "displayName": "dev", "roles": [{"name": "Dev"}]}
        ]})
    );
    assert_eq!(
        stderr(&output),
        "standard input: 1 account with 1 role from 1 profile (aws-config format)\n"
    );
}

#[test]
fn import_refuses_json_and_names_missing_files() {
    let output = run(&["config", "import", EXAMPLE]);
    assert_eq!(status(&output), 2);
    assert_eq!(
        stderr(&output),
        "signin-guard: docs/examples/team-config.json: this is JSON, not an INI file like \
         ~/.aws/config; a team configuration needs no import\n"
    );
    let output = run(&["config", "import", "tests/data/team/no-such-file"]);
    assert_eq!(status(&output), 1);
    assert!(
        stderr(&output).starts_with("signin-guard: tests/data/team/no-such-file: cannot read: ")
    );
    let output = run(&["config", "import", "--format", "yaml", AWS_CONFIG]);
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("aws-config"),
        "{}",
        stderr(&output)
    );
}

// check ----------------------------------------------------------------------------------------

#[test]
fn check_passes_the_example() {
    let output = run(&["config", "check", EXAMPLE]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "docs/examples/team-config.json: usable, 4 accounts; no problems\n"
    );
    assert_eq!(stderr(&output), "");
}

#[test]
fn check_names_each_problem_by_path_and_keeps_exit_zero_when_usable() {
    let dir = TempDir::new("check");
    let file = dir.file(
        "team.json",
        r##"{"version": 1, "accounts": [
            {"accountId": "111122223333", "colour": "#ffffff"},
            {"accountId": "222233334444"},
            {"accountId": "333344445555"},
            {"accountId": "12345678901"},
            {"accountId": "555566667777", "displayName": "Evil\u001b[2J"}
        ]}"##,
    );
    let output = run(&[OsStr::new("config"), OsStr::new("check"), file.as_os_str()]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "{}: usable, 4 accounts; 2 errors, 1 warning\n\
             \x20 warning  accounts[0].colour: unknown field (did you mean color?)\n\
             \x20 error    accounts[3].accountId: 11 digits, an account ID has 12\n\
             \x20 error    accounts[4].displayName: has an invisible control or formatting character (U+001B)\n",
            file.display()
        )
    );
    let output = run(&[
        OsStr::new("config"),
        OsStr::new("check"),
        OsStr::new("--json"),
        file.as_os_str(),
    ]);
    assert_eq!(status(&output), 0);
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["usable"], true);
    assert_eq!(json["accounts"], 4);
    assert_eq!(
        json["problems"][1],
        json!({"path": "accounts[3].accountId", "message": "11 digits, an account ID has 12", "severity": "error"})
    );
    assert_eq!(json["config"]["accounts"].as_array().unwrap().len(), 4);
}

#[test]
fn check_fails_with_status_two_on_an_unusable_document() {
    let cases = [
        (
            r#"{"version": 2, "accounts": []}"#,
            "version: 2 is not supported, expected 1",
        ),
        (
            "[1, 2]",
            "expected a JSON object with \"version\": 1, found a list",
        ),
        // serde_json's own words follow: only where it stopped is pinned here.
        ("{\"version\": 1,", "not JSON: "),
    ];
    for (text, reason) in cases {
        let output = run_with_stdin(&["config", "check", "-"], text.as_bytes());
        assert_eq!(status(&output), 2, "{text}");
        assert_eq!(stdout(&output), "");
        let err = stderr(&output);
        let prefix =
            format!("signin-guard: standard input: not a usable team configuration: {reason}");
        assert!(err.starts_with(&prefix), "{err}");
        assert_eq!(err.lines().count(), 1);
        if reason == "not JSON: " {
            assert!(err.trim_end().ends_with("at line 1 column 14"), "{err}");
        } else {
            assert_eq!(err, format!("{prefix}\n"));
        }
        let output = run_with_stdin(&["config", "check", "--json", "-"], text.as_bytes());
        assert_eq!(status(&output), 2);
        let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(json["usable"], false);
        assert_eq!(json["config"], Value::Null);
    }
    let output = run(&["config", "check", "tests/data/team/no-such-file.json"]);
    assert_eq!(status(&output), 1);
}

#[test]
fn help_shows_the_subcommands_with_examples() {
    let output = run(&["config", "--help"]);
    assert_eq!(status(&output), 0);
    let help = stdout(&output);
    for needle in [
        "import",
        "check",
        "signin-guard config import ~/.aws/config -o team.json",
    ] {
        assert!(help.contains(needle), "{needle} missing from\n{help}");
    }
    let help = stdout(&run(&["config", "import", "--help"]));
    for needle in [
        "--format",
        "aws-config",
        "aesr",
        "auto",
        "-o, --output",
        "never printed",
    ] {
        assert!(help.contains(needle), "{needle} missing from\n{help}");
    }
    let help = stdout(&run(&["config", "check", "--help"]));
    for needle in ["--json", "accounts[3].accountId", "Exit status"] {
        assert!(help.contains(needle), "{needle} missing from\n{help}");
    }
    let help = stdout(&run(&["--help"]));
    assert!(help.contains("config"), "{help}");
}

#[test]
fn a_missing_argument_is_a_usage_error() {
    assert_eq!(status(&run(&["config"])), 2);
    assert_eq!(status(&run(&["config", "import"])), 2);
    assert!(Path::new(BIN).exists());
}

#[cfg(unix)]
#[test]
fn import_refuses_a_linked_output_unless_forced_and_keeps_permissions() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = TempDir::new("links");
    let input = dir.file("config", &fs::read_to_string(AWS_CONFIG).unwrap());
    let import_to = |out: &std::path::Path, force: bool| {
        let mut args = vec![
            OsStr::new("config"),
            OsStr::new("import"),
            input.as_os_str(),
            OsStr::new("-o"),
            out.as_os_str(),
        ];
        if force {
            args.push(OsStr::new("--force"));
        }
        run(&args)
    };
    let victim = dir.file("victim.txt", "not a team configuration\n");
    let link = dir.path("team.json");
    symlink(&victim, &link).unwrap();
    let hard = dir.path("hard.json");
    fs::hard_link(&victim, &hard).unwrap();
    for (out, what) in [
        (&link, "is a symbolic link to"),
        (&hard, "is one of 2 names of one file"),
    ] {
        let output = import_to(out, false);
        assert_eq!(status(&output), 2, "{}", stderr(&output));
        let message = stderr(&output);
        assert!(
            message.contains(what) && message.contains("--force"),
            "{message}"
        );
        assert_eq!(message.lines().count(), 1, "{message}");
        assert_eq!(
            fs::read_to_string(&victim).unwrap(),
            "not a team configuration\n"
        );
    }
    // Forced through the symbolic link: the link stays, the file it leads to is replaced whole
    // and keeps its permissions.
    fs::set_permissions(&victim, fs::Permissions::from_mode(0o640)).unwrap();
    let output = import_to(&link, true);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let written = fs::read_to_string(&victim).unwrap();
    assert!(TeamConfig::parse(&written).problems.is_empty(), "{written}");
    assert_eq!(
        fs::metadata(&victim).unwrap().permissions().mode() & 0o777,
        0o640
    );
    // A plain file is replaced by a rename (a new inode), never rewritten in place.
    let plain = dir.file("plain.json", "old\n");
    fs::set_permissions(&plain, fs::Permissions::from_mode(0o600)).unwrap();
    let inode =
        |path: &std::path::Path| std::os::unix::fs::MetadataExt::ino(&fs::metadata(path).unwrap());
    let before = inode(&plain);
    assert_eq!(status(&import_to(&plain, false)), 0);
    assert_ne!(inode(&plain), before, "written through a temporary file");
    assert_eq!(
        fs::metadata(&plain).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let names: Vec<String> = fs::read_dir(&dir.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}
