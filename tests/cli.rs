//! The `signin-guard` binary as people and scripts use it: arguments, standard input, output
//! formats and exit statuses.

use serde_json::Value;
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::process::{Command, Output, Stdio};
use std::thread;

const BIN: &str = env!("CARGO_BIN_EXE_signin-guard");

/// The decided examples of the URL model: url, kind, account, region, canonical, note.
const CORPUS: &str = include_str!("data/urls.tsv");

/// Exactly the fields of a verdict in JSON.
const VERDICT_FIELDS: [&str; 9] = [
    "input",
    "kind",
    "partition",
    "account",
    "region",
    "canonical",
    "bookmark_safe",
    "cloudtrail",
    "warnings",
];

const KINDS: [&str; 9] = [
    "account_signin",
    "general_signin",
    "signin_redirect",
    "federation_token",
    "switch_role",
    "console_page",
    "access_portal",
    "lookalike",
    "unrelated",
];

const FEDERATION_URL: &str = "https://signin.aws.amazon.com/federation?Action=login&Issuer=example.org&Destination=https%3A%2F%2Fconsole.aws.amazon.com%2F&SigninToken=SECRET123";

/// Runs the binary with `args`, feeding `stdin` from another thread so that large inputs and
/// outputs cannot block each other.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start signin-guard");
    let mut input = child.stdin.take().expect("stdin is piped");
    let bytes = stdin.to_vec();
    // The binary may stop reading early (a usage error): a closed pipe is fine here.
    let writer = thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let output = child.wait_with_output().expect("wait for signin-guard");
    writer.join().expect("stdin writer thread");
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn assert_success(output: &Output) {
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Exit status 2, nothing on stdout, and exactly `signin-guard: <reason>` on stderr.
fn assert_usage_error(output: &Output, reason: &str) {
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "stdout: {}", stdout(output));
    assert_eq!(stderr(output), format!("signin-guard: {reason}\n"));
}

/// Every line of stdout parsed as one JSON value.
fn json_lines(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is one JSON value"))
        .collect()
}

fn is_string_or_null(value: &Value) -> bool {
    value.is_string() || value.is_null()
}

/// A verdict has exactly the documented fields, each of its documented type.
fn assert_verdict_shape(verdict: &Value) {
    let object = verdict.as_object().expect("a verdict is a JSON object");
    let keys: BTreeSet<&str> = object.keys().map(String::as_str).collect();
    assert_eq!(keys, BTreeSet::from(VERDICT_FIELDS), "{verdict}");
    assert!(object["input"].is_string(), "{verdict}");
    let kind = object["kind"].as_str().expect("kind is a string");
    assert!(KINDS.contains(&kind), "unknown kind {kind}");
    for field in ["partition", "account", "region", "canonical"] {
        assert!(is_string_or_null(&object[field]), "{field} in {verdict}");
    }
    assert!(
        object["bookmark_safe"].is_boolean() || object["bookmark_safe"].is_null(),
        "{verdict}"
    );
    match &object["cloudtrail"] {
        Value::Null => {}
        Value::Object(cloudtrail) => {
            let keys: BTreeSet<&str> = cloudtrail.keys().map(String::as_str).collect();
            assert_eq!(keys, BTreeSet::from(["endpoint", "region", "explanation"]));
            assert!(is_string_or_null(&cloudtrail["endpoint"]), "{verdict}");
            assert!(is_string_or_null(&cloudtrail["region"]), "{verdict}");
            assert!(cloudtrail["explanation"].is_string(), "{verdict}");
        }
        other => panic!("cloudtrail is {other}, not an object or null"),
    }
    let warnings = object["warnings"].as_array().expect("warnings is an array");
    for warning in warnings {
        let warning = warning.as_object().expect("a warning is an object");
        let keys: BTreeSet<&str> = warning.keys().map(String::as_str).collect();
        assert_eq!(keys, BTreeSet::from(["code", "message"]), "{verdict}");
        assert!(warning["code"].is_string() && warning["message"].is_string());
    }
}

/// The corpus rows as (url, kind), without the header.
fn corpus() -> Vec<(&'static str, &'static str)> {
    CORPUS
        .lines()
        .skip(1)
        .map(|row| {
            let mut columns = row.split('\t');
            let url = columns.next().unwrap_or_default();
            (url, columns.next().unwrap_or_default())
        })
        .collect()
}

// Help and usage

#[test]
fn help_documents_every_subcommand_flag_and_examples() {
    let main = run(&["--help"], b"");
    assert_success(&main);
    let text = stdout(&main);
    for expected in ["check", "link", "regions", "Exit status", "Examples"] {
        assert!(text.contains(expected), "--help lacks {expected}");
    }
    for (command, flags) in [
        ("check", &["--json", "[URL]...", "Examples"][..]),
        (
            "link",
            &["--region", "--partition", "<ACCOUNT>", "Examples"],
        ),
        ("regions", &["--json", "--partition", "Examples"]),
    ] {
        let help = run(&[command, "--help"], b"");
        assert_success(&help);
        let text = stdout(&help);
        for flag in flags {
            assert!(text.contains(flag), "{command} --help lacks {flag}");
        }
    }
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let output = run(&["check", "--no-such-flag"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
}

// link

#[test]
fn link_alias_with_region_prints_region_pinned_url() {
    let output = run(&["link", "myalias", "--region", "us-east-2"], b"");
    assert_success(&output);
    assert_eq!(
        stdout(&output),
        "https://myalias.signin.aws.amazon.com/console?region=us-east-2\n"
    );
}

#[test]
fn link_without_region_prints_canonical_url_of_the_partition() {
    let output = run(&["link", "123456789012", "--partition", "aws-us-gov"], b"");
    assert_success(&output);
    assert_eq!(
        stdout(&output),
        "https://123456789012.signin.amazonaws-us-gov.com/console\n"
    );
}

#[test]
fn link_takes_the_partition_of_the_region() {
    let output = run(&["link", "123456789012", "--region", "cn-north-1"], b"");
    assert_success(&output);
    assert_eq!(
        stdout(&output),
        "https://123456789012.signin.amazonaws.cn/console?region=cn-north-1\n"
    );
}

#[test]
fn link_bad_account_exits_2_with_one_line_reason() {
    assert_usage_error(
        &run(&["link", "my--alias"], b""),
        "account \"my--alias\": an account alias cannot have two hyphens in a row",
    );
}

#[test]
fn link_unknown_region_exits_2_with_one_line_reason() {
    assert_usage_error(
        &run(&["link", "myalias", "--region", "mars-central-1"], b""),
        "region \"mars-central-1\" is not a known AWS region (see `signin-guard regions`)",
    );
}

#[test]
fn link_unknown_partition_exits_2_with_one_line_reason() {
    assert_usage_error(
        &run(&["link", "myalias", "--partition", "aws-mars"], b""),
        "partition \"aws-mars\" is not one of aws, aws-cn, aws-eusc, aws-us-gov",
    );
}

#[test]
fn link_region_of_another_partition_exits_2_with_one_line_reason() {
    assert_usage_error(
        &run(
            &[
                "link",
                "myalias",
                "--region",
                "cn-north-1",
                "--partition",
                "aws",
            ],
            b"",
        ),
        "region cn-north-1 belongs to partition aws-cn, not aws",
    );
}

// regions

#[test]
fn regions_table_has_a_header_and_a_row_per_region() {
    let output = run(&["regions"], b"");
    assert_success(&output);
    let text = stdout(&output);
    let mut lines = text.lines();
    let header = lines.next().expect("a header line");
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        ["CODE", "NAME", "PARTITION", "OPT-IN"]
    );
    let ohio = lines
        .clone()
        .find(|line| line.starts_with("us-east-2 "))
        .expect("a us-east-2 row");
    assert!(
        ohio.contains("US East (Ohio)") && ohio.contains("aws"),
        "{ohio}"
    );
    assert!(!ohio.contains("opt-in"), "{ohio}");
    let zurich = lines
        .find(|line| line.starts_with("eu-central-2 "))
        .expect("an eu-central-2 row");
    assert!(zurich.ends_with("opt-in"), "{zurich}");
}

#[test]
fn regions_json_for_aws_cn_lists_only_aws_cn_rows() {
    let output = run(&["regions", "--json", "--partition", "aws-cn"], b"");
    assert_success(&output);
    let rows: Value = serde_json::from_str(&stdout(&output)).expect("one JSON array");
    let rows = rows.as_array().expect("a JSON array");
    assert!(!rows.is_empty());
    for row in rows {
        let object = row.as_object().expect("a region is an object");
        let keys: BTreeSet<&str> = object.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            BTreeSet::from(["code", "name", "partition", "opt_in"])
        );
        assert_eq!(object["partition"], "aws-cn", "{row}");
        assert!(object["code"].is_string() && object["name"].is_string());
        assert!(object["opt_in"].is_boolean());
    }
    assert!(rows.iter().any(|row| row["code"] == "cn-north-1"));
}

#[test]
fn regions_unknown_partition_exits_2_with_one_line_reason() {
    assert_usage_error(
        &run(&["regions", "--partition", "aws-mars"], b""),
        "partition \"aws-mars\" is not one of aws, aws-cn, aws-eusc, aws-us-gov",
    );
}

// check: input and output formats

#[test]
fn check_json_is_one_verdict_object_per_line_with_the_documented_fields() {
    let urls = [
        "https://myalias.signin.aws.amazon.com/console?region=us-east-2",
        "https://signin.aws.amazon.com/switchrole?account=123456789012&roleName=Admin",
        "not a url",
        FEDERATION_URL,
    ];
    let mut args = vec!["check", "--json"];
    args.extend(urls);
    let output = run(&args, b"");
    assert_success(&output);
    let verdicts = json_lines(&output);
    assert_eq!(verdicts.len(), urls.len());
    verdicts.iter().for_each(assert_verdict_shape);
    assert_eq!(verdicts[2]["input"], "not a url");
}

#[test]
fn check_json_has_the_documented_shape_for_every_corpus_url() {
    let urls: Vec<&str> = corpus().into_iter().map(|(url, _)| url).collect();
    let mut args = vec!["check", "--json"];
    args.extend(&urls);
    let output = run(&args, b"");
    assert_success(&output);
    let verdicts = json_lines(&output);
    assert_eq!(verdicts.len(), urls.len());
    verdicts.iter().for_each(assert_verdict_shape);
}

#[test]
fn check_reads_stdin_after_dash() {
    let output = run(
        &["check", "--json", "-"],
        b"https://example.com/\nhttps://myalias.signin.aws.amazon.com/console\n",
    );
    assert_success(&output);
    let verdicts = json_lines(&output);
    assert_eq!(verdicts.len(), 2);
    assert_eq!(verdicts[0]["input"], "https://example.com/");
    assert_eq!(
        verdicts[1]["input"],
        "https://myalias.signin.aws.amazon.com/console"
    );
}

#[test]
fn check_reads_stdin_without_arguments() {
    let output = run(&["check"], b"https://example.com/\n");
    assert_success(&output);
    let text = stdout(&output);
    assert!(text.starts_with("https://example.com/\n"), "{text}");
    assert!(text.contains("kind:"), "{text}");
}

#[test]
fn check_keeps_the_order_of_arguments_around_dash() {
    let output = run(
        &[
            "check",
            "--json",
            "https://a.example/",
            "-",
            "https://c.example/",
        ],
        b"https://b.example/\n",
    );
    assert_success(&output);
    let inputs: Vec<Value> = json_lines(&output)
        .into_iter()
        .map(|v| v["input"].clone())
        .collect();
    assert_eq!(
        inputs,
        [
            "https://a.example/",
            "https://b.example/",
            "https://c.example/"
        ]
    );
}

#[test]
fn check_strips_crlf_and_skips_blank_lines() {
    let output = run(
        &["check", "--json"],
        b"https://a.example/\r\n\r\n   \nhttps://b.example/",
    );
    assert_success(&output);
    let inputs: Vec<Value> = json_lines(&output)
        .into_iter()
        .map(|v| v["input"].clone())
        .collect();
    assert_eq!(inputs, ["https://a.example/", "https://b.example/"]);
}

#[test]
fn check_invalid_utf8_on_stdin_gives_an_unrelated_verdict() {
    let output = run(
        &["check", "--json"],
        b"https://exa\xffmple.com/\n\xc3\x28\xa0\xa1\nhttps://b.example/\n",
    );
    assert_success(&output);
    let verdicts = json_lines(&output);
    assert_eq!(verdicts.len(), 3);
    verdicts.iter().for_each(assert_verdict_shape);
    assert_eq!(verdicts[0]["input"], "https://exa\u{fffd}mple.com/");
    assert_eq!(verdicts[0]["kind"], "unrelated");
    assert_eq!(verdicts[1]["kind"], "unrelated");
    assert_eq!(verdicts[2]["input"], "https://b.example/");
}

#[cfg(unix)]
#[test]
fn check_invalid_utf8_argument_gives_an_unrelated_verdict() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let output = Command::new(BIN)
        .args(["check", "--json"])
        .arg(OsStr::from_bytes(b"https://exa\xffmple.com/"))
        .output()
        .expect("run signin-guard");
    assert_success(&output);
    let verdicts = json_lines(&output);
    assert_eq!(verdicts.len(), 1);
    assert_eq!(verdicts[0]["input"], "https://exa\u{fffd}mple.com/");
    assert_eq!(verdicts[0]["kind"], "unrelated");
}

#[test]
fn check_nul_bytes_on_stdin_give_verdicts() {
    let output = run(
        &["check", "--json"],
        b"https://exa\0mple.com/\n\0\nhttps://myalias.signin.aws.amazon.com/console\0\n",
    );
    assert_success(&output);
    let verdicts = json_lines(&output);
    assert_eq!(verdicts.len(), 3);
    verdicts.iter().for_each(assert_verdict_shape);
    assert_eq!(verdicts[0]["input"], "https://exa\0mple.com/");
    assert_eq!(verdicts[0]["kind"], "unrelated");
    assert_eq!(verdicts[1]["kind"], "unrelated");

    let text = run(&["check"], b"https://exa\0mple.com/\n");
    assert_success(&text);
    assert!(!text.stdout.contains(&0), "a NUL byte reached the terminal");
}

#[test]
fn check_one_megabyte_line_gives_a_verdict() {
    let mut input = b"https://example.com/?q=".to_vec();
    input.resize(1024 * 1024, b'a');
    input.extend_from_slice(b"\nhttps://b.example/\n");
    for args in [&["check", "--json"][..], &["check"]] {
        let output = run(args, &input);
        assert_success(&output);
        assert!(output.stdout.len() > 1024 * 1024);
    }
    let verdicts = json_lines(&run(&["check", "--json"], &input));
    assert_eq!(verdicts.len(), 2);
    assert_eq!(
        verdicts[0]["input"].as_str().map(str::len),
        Some(1024 * 1024)
    );
    assert_eq!(verdicts[0]["kind"], "unrelated");
}

#[test]
fn check_exits_0_for_urls_that_are_not_aws_or_not_urls() {
    let output = run(
        &[
            "check",
            "not a url",
            "javascript:alert(document.cookie)",
            "",
            "https://signin.aws.amazon.com@evil.example/",
        ],
        b"",
    );
    assert_success(&output);
    assert_eq!(stdout(&output).matches("  kind:").count(), 4);
}

#[test]
fn text_output_escapes_terminal_control_sequences() {
    let output = run(
        &["check", "https://a.example/\u{1b}[2J\u{202e}moc.evil"],
        b"",
    );
    assert_success(&output);
    let text = stdout(&output);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text}"
    );
    assert!(text.contains("\\u{1b}[2J\\u{202e}moc.evil"), "{text}");
}

// check: secrets

#[test]
fn federation_token_is_never_printed_in_text_output() {
    for output in [
        run(&["check", FEDERATION_URL], b""),
        run(&["check"], format!("{FEDERATION_URL}\n").as_bytes()),
    ] {
        assert_success(&output);
        let text = stdout(&output) + &stderr(&output);
        assert!(!text.contains("SECRET123"), "{text}");
        assert!(text.contains("SigninToken=[redacted]"), "{text}");
    }
}

#[test]
fn federation_token_is_never_printed_in_json_output() {
    for output in [
        run(&["check", "--json", FEDERATION_URL], b""),
        run(
            &["check", "--json", "-"],
            format!("{FEDERATION_URL}\r\n").as_bytes(),
        ),
    ] {
        assert_success(&output);
        let text = stdout(&output) + &stderr(&output);
        assert!(!text.contains("SECRET123"), "{text}");
        let verdicts = json_lines(&output);
        assert_eq!(verdicts.len(), 1);
        assert!(verdicts[0]["input"]
            .as_str()
            .is_some_and(|input| input.ends_with("&SigninToken=[redacted]")));
    }
}

// check: what the classifier decides, as the CLI shows it

#[test]
fn check_text_shows_kind_account_region_canonical_and_cloudtrail() {
    let output = run(
        &[
            "check",
            "https://myalias.signin.aws.amazon.com/console?region=us-east-2",
        ],
        b"",
    );
    assert_success(&output);
    let text = stdout(&output);
    for expected in [
        "kind:          account_signin",
        "partition:     aws",
        "account:       myalias",
        "region:        us-east-2 (US East (Ohio))",
        "canonical:     https://myalias.signin.aws.amazon.com/console",
        "bookmark-safe: yes",
        "cloudtrail:    ",
    ] {
        assert!(text.contains(expected), "no {expected:?} in\n{text}");
    }
}

#[test]
fn check_json_reports_the_fields_of_an_account_signin_url() {
    let output = run(
        &[
            "check",
            "--json",
            "https://myalias.signin.aws.amazon.com/console?region=us-east-2",
        ],
        b"",
    );
    assert_success(&output);
    let verdict = &json_lines(&output)[0];
    assert_eq!(verdict["kind"], "account_signin");
    assert_eq!(verdict["partition"], "aws");
    assert_eq!(verdict["account"], "myalias");
    assert_eq!(verdict["region"], "us-east-2");
    assert_eq!(
        verdict["canonical"],
        "https://myalias.signin.aws.amazon.com/console"
    );
    assert_eq!(verdict["bookmark_safe"], true);
    assert_eq!(verdict["cloudtrail"]["region"], "us-east-2");
}

#[test]
fn check_federation_url_is_a_federation_token_with_its_warning() {
    let output = run(&["check", "--json", FEDERATION_URL], b"");
    assert_success(&output);
    let verdict = &json_lines(&output)[0];
    assert_eq!(verdict["kind"], "federation_token");
    assert_eq!(verdict["bookmark_safe"], false);
    let codes: Vec<&Value> = verdict["warnings"]
        .as_array()
        .expect("warnings is an array")
        .iter()
        .map(|w| &w["code"])
        .collect();
    assert!(
        codes.contains(&&Value::from("federation_token")),
        "{verdict}"
    );
}

#[test]
fn check_json_kind_matches_the_corpus_for_every_row() {
    let rows = corpus();
    let mut args = vec!["check", "--json"];
    args.extend(rows.iter().map(|(url, _)| *url));
    let output = run(&args, b"");
    assert_success(&output);
    let verdicts = json_lines(&output);
    let wrong: Vec<String> = rows
        .iter()
        .zip(&verdicts)
        .filter(|((_, kind), verdict)| verdict["kind"] != *kind)
        .map(|((url, kind), verdict)| format!("{url:?}: expected {kind}, got {}", verdict["kind"]))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} rows:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

// Pipes and I/O errors

#[test]
fn closed_output_pipe_ends_quietly_with_status_0() {
    let mut child = Command::new(BIN)
        .args(["check", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start signin-guard");
    let mut input = child.stdin.take().expect("stdin is piped");
    let writer = thread::spawn(move || {
        for _ in 0..50_000 {
            if input
                .write_all(b"https://example.com/some/path?q=1\n")
                .is_err()
            {
                break;
            }
        }
    });
    let mut output = child.stdout.take().expect("stdout is piped");
    let mut start = [0; 64];
    output.read_exact(&mut start).expect("some output");
    drop(output); // like `| head -c 64`
    let finished = child.wait_with_output().expect("wait for signin-guard");
    writer.join().expect("stdin writer thread");
    assert_eq!(finished.status.code(), Some(0));
    assert_eq!(stderr(&finished), "");
}

#[cfg(target_os = "linux")]
#[test]
fn write_error_exits_1_with_one_line_reason() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("open /dev/full");
    let output = Command::new(BIN)
        .args(["regions"])
        .stdout(full)
        .output()
        .expect("run signin-guard");
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.starts_with("signin-guard: writing the output: "),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1, "{text}");
}

#[cfg(target_os = "linux")]
#[test]
fn read_error_exits_1_with_one_line_reason() {
    let directory = std::fs::File::open("/").expect("open / for reading");
    let output = Command::new(BIN)
        .args(["check"])
        .stdin(directory)
        .output()
        .expect("run signin-guard");
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.starts_with("signin-guard: reading standard input: "),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1, "{text}");
}

#[test]
fn the_european_sovereign_cloud_works_like_any_partition() {
    let output = run(
        &[
            "link",
            "123456789012",
            "--partition",
            "aws-eusc",
            "--region",
            "eusc-de-east-1",
        ],
        b"",
    );
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "https://123456789012.signin.amazonaws-eusc.eu/console?region=eusc-de-east-1\n"
    );
    let output = run(&["regions", "--partition", "aws-eusc"], b"");
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].contains("PARTITION"), "{text}");
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[1].starts_with("eusc-de-east-1") && lines[1].contains("aws-eusc"),
        "{text}"
    );
    // The isolated partitions: no links are made for them.
    let output = run(&["link", "123456789012", "--partition", "aws-iso"], b"");
    assert_eq!(output.status.code(), Some(2));
}
