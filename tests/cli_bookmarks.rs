//! `signin-guard bookmarks check` and `bookmarks fix` through the real binary, on the committed
//! real exports (`tests/data/bookmarks/`) and on generated exports with planted bad AWS
//! bookmarks of every kind: the report, the JSON, the fixed file byte for byte, where files are
//! (and are never) written, secrets, and the errors.

// A panic is how a test reports failure.
#![allow(clippy::unwrap_used)]

use serde_json::Value;
use signin_guard::bookmarks::file;
use signin_guard::{fix_file, FixPolicy};
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

const BIN: &str = env!("CARGO_BIN_EXE_signin-guard");

const FIREFOX: &[u8] = include_bytes!("data/bookmarks/firefox-esr.html");
const CHROMIUM: &[u8] = include_bytes!("data/bookmarks/chromium-format.html");

/// The federation token planted in both real exports.
const REAL_TOKEN: &str = "VERYSECRETTOKEN123";

// Helpers: running the binary, temporary folders, fingerprints

fn run<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run signin-guard")
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

/// Exit status `code`, nothing on stdout, and one line on stderr starting with `start`.
fn assert_failure(output: &Output, code: i32, start: &str) -> String {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stderr: {}",
        stderr(output)
    );
    assert!(output.stdout.is_empty(), "stdout: {}", stdout(output));
    let text = stderr(output);
    assert!(
        text.starts_with(start),
        "{text:?} does not start with {start:?}"
    );
    assert_eq!(text.lines().count(), 1, "{text}");
    text
}

/// A fresh folder under the system's temporary folder, removed with everything in it on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let path = std::env::temp_dir().join(format!(
            "signin-guard-cli-bookmarks-{}-{}-{nanos}-{name}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        fs::create_dir(&path).expect("create a temporary folder");
        TempDir(path)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    /// Writes `bytes` to a new file `name` in the folder.
    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(name);
        fs::write(&path, bytes).expect("write a test file");
        path
    }

    /// The names in the folder, sorted.
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.0)
            .expect("list the temporary folder")
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// What shows that a file was not touched: a hash of its content, its length, its modification
/// time and (on Unix) its inode, which a rewrite by rename would change.
#[derive(Debug, PartialEq, Eq)]
struct Fingerprint {
    hash: u64,
    len: usize,
    modified: SystemTime,
    inode: u64,
}

fn fingerprint(path: &Path) -> Fingerprint {
    let bytes = fs::read(path).expect("read the file");
    let metadata = fs::metadata(path).expect("the file's metadata");
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&metadata);
    #[cfg(not(unix))]
    let inode = 0;
    Fingerprint {
        hash: hasher.finish(),
        len: bytes.len(),
        modified: metadata.modified().expect("a modification time"),
        inode,
    }
}

fn check_json(path: &Path) -> Value {
    let output = run(&[
        OsStr::new("bookmarks"),
        "check".as_ref(),
        "--json".as_ref(),
        path.as_ref(),
    ]);
    assert_success(&output);
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 1, "one JSON document on one line");
    serde_json::from_str(&text).expect("check --json prints JSON")
}

fn bookmarks_args<'a>(command: &'a str, file: &'a Path, rest: &[&'a OsStr]) -> Vec<&'a OsStr> {
    let mut args = vec![
        OsStr::new("bookmarks"),
        OsStr::new(command),
        file.as_os_str(),
    ];
    args.extend_from_slice(rest);
    args
}

fn fix(file: &Path, rest: &[&OsStr]) -> Output {
    run(&bookmarks_args("fix", file, rest))
}

fn check(file: &Path) -> Output {
    run(&bookmarks_args("check", file, &[]))
}

fn every_finding(json: &Value) -> Vec<&Value> {
    json["report"]["groups"]
        .as_array()
        .expect("groups is an array")
        .iter()
        .flat_map(|group| group["findings"].as_array().expect("findings").iter())
        .collect()
}

/// The `line N: OLD → NEW` lines of `fix`'s "Changed" section, by line.
fn reported_changes(text: &str) -> BTreeMap<usize, (String, String)> {
    let mut changes = BTreeMap::new();
    let mut in_changes = false;
    for line in text.lines() {
        if line.starts_with("Changed (") {
            in_changes = true;
            continue;
        }
        if !line.starts_with("  ") {
            in_changes = false;
        }
        if !in_changes {
            continue;
        }
        let rest = line.trim_start().strip_prefix("line ").expect("line N: …");
        let (number, urls) = rest.split_once(": ").expect("line N: OLD → NEW");
        let (old, new) = urls.split_once(" → ").expect("OLD → NEW");
        let number = number.parse().expect("a line number");
        assert!(
            changes
                .insert(number, (old.to_owned(), new.to_owned()))
                .is_none(),
            "one change a line in these files"
        );
    }
    changes
}

// Generated exports

/// A bad (or, for `None`, a fine but duplicated) AWS bookmark, planted once per round:
/// its finding kind, URL (`{r}` is the round), and how its HREF is quoted.
const PLANTED: [(Option<&str>, &str, char); 13] = [
    (Some("lookalike"), "https://signin.aws.amazon.com.evil.example/console", '"'),
    (Some("lookalike"), "https://signin.aws-amazon.com/console", '"'),
    (
        Some("secret_in_url"),
        "https://signin.aws.amazon.com/federation?Action=login&amp;Issuer=example.org&amp;Destination=https%3A%2F%2Fconsole.aws.amazon.com%2F&amp;SigninToken=PLANTEDTOKEN{r}Z",
        '"',
    ),
    (
        Some("secret_in_url"),
        "https://us-east-1.console.aws.amazon.com/s3/?X-Amz-Security-Token=PLANTEDCREDENTIAL{r}Z&amp;tab=objects",
        '\'',
    ),
    (
        Some("captured_redirect"),
        "https://signin.aws.amazon.com/oauth?response_type=code&amp;client_id=arn%3Aaws%3Asignin%3A%3A%3Aconsole%2Fcanvas&amp;redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com",
        '"',
    ),
    (
        Some("captured_redirect"),
        "https://us-east-1.signin.aws/platform/login?workflowStateHandle=planted{r}",
        '"',
    ),
    (
        Some("multi_session"),
        "https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:",
        '"',
    ),
    (
        Some("multi_session"),
        "https://123456789012-abcd1234.eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1",
        ' ',
    ),
    (None, "https://team{r}.signin.aws.amazon.com/console", '"'),
    (Some("not_canonical"), "http://Team{r}.signin.aws.amazon.com/console/", '"'),
    (
        Some("not_canonical"),
        "HTTPS://S3TEAM{r}.SIGNIN.AWS.AMAZON.COM/console/s3/?region=eu-west-1",
        '"',
    ),
    (Some("not_canonical"), "https://west{r}.signin.aws.amazon.com/console?region=us-west-2&amp;x=1", '"'),
    (Some("invalid_account_label"), "https://my--alias.signin.aws.amazon.com/console", '"'),
];

/// Everyday bookmarks (`{i}` is the bookmark's number) and whether each is an AWS one; every
/// AWS one is fine and signs in to an account no other bookmark does.
const EVERYDAY: [(&str, bool); 8] = [
    (
        "https://www.example.com/articles/{i}?utm_source=feed&amp;utm_medium=rss",
        false,
    ),
    ("https://github.com/example/project-{i}/issues", false),
    (
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_{i}.html",
        false,
    ),
    ("https://alias{i}.signin.aws.amazon.com/console", true),
    ("https://d-1234567890.awsapps.com/start#/", true),
    ("https://news.example.org/item?id={i}", false),
    (
        "https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:",
        true,
    ),
    (
        "https://signin.aws.amazon.com/switchrole?account={i:012}&amp;roleName=Admin",
        true,
    ),
];

/// One planted bookmark as the generator wrote it.
#[derive(Debug, Clone)]
struct Planted {
    title: String,
    kind: Option<&'static str>,
    folder: Vec<String>,
    line: usize,
    /// The secret in its URL, which must never be printed.
    secret: Option<String>,
}

/// A generated export and what was planted in it.
struct Export {
    bytes: Vec<u8>,
    planted: Vec<Planted>,
    total: usize,
    not_aws: usize,
    /// The line of the `<A>` without HREF the reader tolerates.
    note_line: usize,
}

/// A Chromium-style export of `count` bookmarks in folders of 40, two or three levels deep;
/// every `every`-th bookmark is the next of `PLANTED`. One `<A>` has no HREF (a note).
fn generated_export(count: usize, every: usize) -> Export {
    let mut lines: Vec<String> = [
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
        "<!-- This is an automatically generated file.",
        "     It will be read and overwritten.",
        "     DO NOT EDIT! -->",
        "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=UTF-8\">",
        "<TITLE>Bookmarks</TITLE>",
        "<H1>Bookmarks</H1>",
        "<DL><p>",
        "    <DT><H3 ADD_DATE=\"1732900000\" PERSONAL_TOOLBAR_FOLDER=\"true\">Bookmarks bar</H3>",
        "    <DL><p>",
        "        <DT><A ADD_DATE=\"1732900000\">A link without HREF</A>",
    ]
    .map(str::to_owned)
    .to_vec();
    let note_line = lines.len();
    let mut export = Export {
        bytes: Vec::new(),
        planted: Vec::new(),
        total: count,
        not_aws: 0,
        note_line,
    };
    let mut folder: Vec<String> = Vec::new();
    let mut planted_so_far = 0;
    for i in 0..count {
        if i % 40 == 0 {
            for _ in 0..folder.len().saturating_sub(1) {
                lines.push("        </DL><p>".to_owned());
            }
            let team = format!("Team {} & co", i / 40);
            lines.push(format!("        <DT><H3>Team {} &amp; co</H3>", i / 40));
            lines.push("        <DL><p>".to_owned());
            folder = vec!["Bookmarks bar".to_owned(), team];
            if (i / 40) % 2 == 1 {
                lines.push("            <DT><H3>AWS › Prod</H3>".to_owned());
                lines.push("            <DL><p>".to_owned());
                folder.push("AWS › Prod".to_owned());
            }
        }
        let (href, title) = if i % every == every - 1 {
            let (kind, template, quote) = PLANTED[planted_so_far % PLANTED.len()];
            let round = planted_so_far / PLANTED.len();
            planted_so_far += 1;
            let url = template.replace("{r}", &round.to_string());
            let secret = ["PLANTEDTOKEN", "PLANTEDCREDENTIAL"]
                .iter()
                .find(|s| url.contains(*s))
                .map(|s| format!("{s}{round}Z"));
            let title = format!("Planted {} #{i}", kind.unwrap_or("duplicate"));
            export.planted.push(Planted {
                title: title.clone(),
                kind,
                folder: folder.clone(),
                line: lines.len() + 1,
                secret,
            });
            let href = match quote {
                ' ' => url,
                quote => format!("{quote}{url}{quote}"),
            };
            (href, title.replace('&', "&amp;"))
        } else {
            let (template, aws) = EVERYDAY[i % EVERYDAY.len()];
            if !aws {
                export.not_aws += 1;
            }
            let url = template
                .replace("{i:012}", &format!("{i:012}"))
                .replace("{i}", &i.to_string());
            (
                format!("\"{url}\""),
                format!("Bookmark {i} &lt;everyday&gt;"),
            )
        };
        lines.push(format!(
            "            <DT><A HREF={href} ADD_DATE=\"1732900{:03}\">{title}</A>",
            i % 1000
        ));
    }
    for _ in 0..folder.len().saturating_sub(1) {
        lines.push("        </DL><p>".to_owned());
    }
    lines.push("    </DL><p>".to_owned());
    lines.push("</DL><p>".to_owned());
    export.bytes = (lines.join("\r\n") + "\r\n").into_bytes();
    export
}

/// The planted findings as (title, kind).
fn planted_findings(export: &Export) -> BTreeSet<(String, String)> {
    export
        .planted
        .iter()
        .filter_map(|p| Some((p.title.clone(), p.kind?.to_owned())))
        .collect()
}

/// The three test files: the two real exports and a generated one.
fn test_files(dir: &TempDir) -> Vec<PathBuf> {
    let generated = generated_export(2_000, 25);
    vec![
        dir.file("firefox-esr.html", FIREFOX),
        dir.file("chromium-format.html", CHROMIUM),
        dir.file("generated.html", &generated.bytes),
    ]
}

// Help

#[test]
fn help_documents_bookmark_commands_flags_and_examples() {
    let main = run(&["--help"]);
    assert_success(&main);
    let text = stdout(&main);
    assert!(text.contains("bookmarks"), "{text}");
    assert!(text.contains("signin-guard bookmarks check"), "{text}");
    for (command, expected) in [
        (
            &["bookmarks", "--help"][..],
            &["check", "fix", "Examples"][..],
        ),
        (
            &["bookmarks", "check", "--help"],
            &["--json", "<FILE>", "Exit status", "Examples", "folder_path"],
        ),
        (
            &["bookmarks", "fix", "--help"],
            &[
                "--output <OUT>",
                "--in-place",
                "--dry-run",
                "--account <ACCOUNT>",
                "FILE.bak",
                "Exit status",
                "Examples",
            ],
        ),
    ] {
        let help = run(command);
        assert_success(&help);
        let text = stdout(&help);
        for flag in expected {
            assert!(text.contains(flag), "{command:?} lacks {flag}");
        }
    }
}

#[test]
fn fix_without_output_or_in_place_is_a_usage_error() {
    let dir = TempDir::new("no-destination");
    let file = dir.file("bookmarks.html", CHROMIUM);
    let output = fix(&file, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--in-place"),
        "{}",
        stderr(&output)
    );
    let both = fix(
        &file,
        &[
            "-o".as_ref(),
            dir.path("out.html").as_os_str(),
            "--in-place".as_ref(),
        ],
    );
    assert_eq!(both.status.code(), Some(2));
    assert_eq!(dir.names(), ["bookmarks.html"]);
}

// check

#[test]
fn check_counts_the_real_exports() {
    let dir = TempDir::new("counts");
    for (name, bytes, folder) in [
        ("firefox-esr.html", FIREFOX, "AWS"),
        ("chromium-format.html", CHROMIUM, "Bookmarks bar › AWS"),
    ] {
        let file = dir.file(name, bytes);
        let output = check(&file);
        assert_success(&output);
        let text = stdout(&output);
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some(format!("{}: 10 bookmarks", file.display()).as_str())
        );
        assert_eq!(lines.next(), Some("  fine:           4"));
        assert_eq!(lines.next(), Some("  not AWS:        1"));
        assert_eq!(lines.next(), Some("  need attention: 5"));
        assert_eq!(
            lines.next(),
            Some("  duplicates:     2 bookmarks for 1 sign-in")
        );
        for heading in [
            "Pages imitating AWS (1)",
            "Secrets in bookmarks (1)",
            "Sign-in pages saved mid-flow (1)",
            "Console links tied to one session (1)",
            "Account sign-in URLs to tidy (1)",
            "Several bookmarks for the same account sign-in: keep one (1 sign-in)",
        ] {
            assert!(
                text.lines().any(|l| l == heading),
                "{name} lacks {heading}:\n{text}"
            );
        }
        assert!(
            text.contains(&format!("    folder:   {folder}\n")),
            "{text}"
        );
        assert!(
            text.contains("    proposed: replace with https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:\n"),
            "{text}"
        );
        assert!(
            text.contains("    proposed: delete (by hand, in the browser)\n"),
            "{text}"
        );
        assert!(
            text.contains("    or:       replace with your account's sign-in URL (bookmarks fix --account ACCOUNT)\n"),
            "{text}"
        );
    }
}

#[test]
fn check_text_lists_each_finding_with_title_folder_line_url_and_action() {
    let dir = TempDir::new("text");
    let file = dir.file("chromium-format.html", CHROMIUM);
    let output = check(&file);
    assert_success(&output);
    let text = stdout(&output);
    let expected = "\
Console links tied to one session (1)
  EC2 (multi-session)
    folder:   Bookmarks bar › AWS
    line:     18
    url:      https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:
    problem:  ";
    assert!(text.contains(expected), "{text}");
    let duplicates = "\
  https://myalias.signin.aws.amazon.com/console (account myalias)
    Prod sign-in
      folder:   Bookmarks bar › AWS
      line:     15
      url:      https://myalias.signin.aws.amazon.com/console
      proposed: keep this one
    Prod (http, trailing slash)
      folder:   Bookmarks bar › AWS
      line:     19
      url:      http://myalias.signin.aws.amazon.com/console/
      proposed: delete (by hand, in the browser), or keep this one instead
";
    assert!(text.ends_with(duplicates), "{text}");
}

#[test]
fn check_json_is_the_file_check_with_stable_snake_case_fields() {
    let dir = TempDir::new("json");
    let export = generated_export(2_000, 25);
    let file = dir.file("generated.html", &export.bytes);
    let json = check_json(&file);
    let keys = |value: &Value| -> BTreeSet<String> {
        value
            .as_object()
            .expect("an object")
            .keys()
            .cloned()
            .collect()
    };
    let set =
        |names: &[&str]| -> BTreeSet<String> { names.iter().map(|s| s.to_string()).collect() };
    assert_eq!(keys(&json), set(&["report", "notes"]));
    let report = &json["report"];
    assert_eq!(
        keys(report),
        set(&[
            "total",
            "fine",
            "not_aws",
            "needs_attention",
            "groups",
            "duplicates"
        ])
    );
    for group in report["groups"].as_array().unwrap() {
        assert_eq!(keys(group), set(&["kind", "findings"]));
        for finding in group["findings"].as_array().unwrap() {
            assert_eq!(
                keys(finding),
                set(&[
                    "id",
                    "kind",
                    "title",
                    "folder_path",
                    "url",
                    "url_kind",
                    "partition",
                    "account",
                    "region",
                    "message",
                    "actions",
                    "line",
                ])
            );
            assert_eq!(finding["kind"], group["kind"]);
            assert!(finding["id"].is_string() && finding["line"].is_u64());
            assert!(finding["folder_path"]
                .as_array()
                .unwrap()
                .iter()
                .all(Value::is_string));
            for action in finding["actions"].as_array().unwrap() {
                let name = action["action"].as_str().unwrap();
                match name {
                    "replace" => assert_eq!(keys(action), set(&["action", "url"])),
                    "delete" | "choose_account" => assert_eq!(keys(action), set(&["action"])),
                    other => panic!("unknown action {other}"),
                }
            }
        }
    }
    for group in report["duplicates"].as_array().unwrap() {
        assert_eq!(keys(group), set(&["url", "account", "bookmarks"]));
        let members = group["bookmarks"].as_array().unwrap();
        for member in members {
            assert_eq!(
                keys(member),
                set(&["id", "title", "folder_path", "url", "line", "keep"])
            );
        }
        assert_eq!(members.iter().filter(|m| m["keep"] == true).count(), 1);
    }
    let notes = json["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(keys(&notes[0]), set(&["at", "message"]));
    assert_eq!(notes[0]["at"]["line"], export.note_line);
    assert!(notes[0]["at"]["column"].is_u64());
}

#[test]
fn check_finds_exactly_the_planted_bookmarks_of_every_kind() {
    let dir = TempDir::new("planted");
    let export = generated_export(2_000, 25);
    let file = dir.file("generated.html", &export.bytes);
    let json = check_json(&file);
    let report = &json["report"];
    let planted = planted_findings(&export);
    let kinds: BTreeSet<&str> = planted.iter().map(|(_, kind)| kind.as_str()).collect();
    assert_eq!(kinds.len(), 6, "every finding kind is planted");
    assert_eq!(report["total"], export.total);
    assert_eq!(report["not_aws"], export.not_aws);
    assert_eq!(report["needs_attention"], planted.len());
    assert_eq!(
        report["fine"],
        export.total - export.not_aws - planted.len()
    );

    let found: BTreeSet<(String, String)> = every_finding(&json)
        .iter()
        .map(|f| {
            (
                f["title"].as_str().unwrap().to_owned(),
                f["kind"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(found, planted);
    for finding in every_finding(&json) {
        let title = finding["title"].as_str().unwrap();
        let plant = export.planted.iter().find(|p| p.title == title).unwrap();
        assert_eq!(finding["line"], plant.line, "{title}");
        assert_eq!(
            finding["folder_path"],
            serde_json::json!(plant.folder),
            "{title}"
        );
    }
    // Each round's canonical `team{r}` sign-in and its http form are one duplicate group.
    let rounds = export.planted.iter().filter(|p| p.kind.is_none()).count();
    let duplicates = report["duplicates"].as_array().unwrap();
    assert_eq!(duplicates.len(), rounds);
    for group in duplicates {
        let members: Vec<(&str, bool)> = group["bookmarks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| (m["title"].as_str().unwrap(), m["keep"].as_bool().unwrap()))
            .collect();
        assert_eq!(members.len(), 2);
        assert!(
            members[0].0.starts_with("Planted duplicate") && members[0].1,
            "{members:?}"
        );
        assert!(
            members[1].0.starts_with("Planted not_canonical") && !members[1].1,
            "{members:?}"
        );
    }
}

#[test]
fn check_escapes_terminal_control_characters_in_titles() {
    let dir = TempDir::new("escapes");
    let bytes = b"<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><H3>Folder \x1b[2J</H3>\n<DL><p>\n<DT><A HREF=\"https://signin.aws.amazon.com.evil.example/\">Title \x1b]0;owned\x07 \xe2\x80\xae</A>\n</DL><p>\n</DL>\n";
    let file = dir.file("escapes.html", bytes);
    let output = check(&file);
    assert_success(&output);
    let text = stdout(&output);
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'));
    assert!(
        text.contains("  Title \\u{1b}]0;owned\\u{7} \\u{202e}\n"),
        "{text}"
    );
    assert!(text.contains("    folder:   Folder \\u{1b}[2J\n"), "{text}");
}

#[test]
fn check_tolerated_markup_is_listed_last() {
    let dir = TempDir::new("notes");
    let export = generated_export(200, 25);
    let file = dir.file("generated.html", &export.bytes);
    let output = check(&file);
    assert_success(&output);
    let text = stdout(&output);
    let expected = format!(
        "\nTolerated markup (1):\n  line {}, column 13: an <A> without HREF: skipped\n",
        export.note_line
    );
    assert!(text.ends_with(&expected), "{text}");
}

#[test]
fn check_a_clean_file_says_nothing_needs_attention() {
    let dir = TempDir::new("clean");
    let file = dir.file(
        "clean.html",
        b"<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><A HREF=\"https://myalias.signin.aws.amazon.com/console\">Prod</A>\n<DT><A HREF=\"https://example.com/\">Example</A>\n</DL><p>\n",
    );
    let output = check(&file);
    assert_success(&output);
    assert_eq!(
        stdout(&output),
        format!(
            "{}: 2 bookmarks\n  fine:           1\n  not AWS:        1\n  need attention: 0\n\nNothing needs attention.\n",
            file.display()
        )
    );
}

#[test]
fn check_of_a_50000_bookmark_export_stops_quietly_when_its_reader_goes_away() {
    let dir = TempDir::new("pipe");
    let export = generated_export(50_000, 50);
    let file = dir.file("large.html", &export.bytes);
    let mut child = Command::new(BIN)
        .args([OsStr::new("bookmarks"), "check".as_ref(), file.as_os_str()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start signin-guard");
    let mut output = child.stdout.take().expect("stdout is piped");
    let mut start = [0; 64];
    output.read_exact(&mut start).expect("some output");
    drop(output); // like `| head -c 64`
    let finished = child.wait_with_output().expect("wait for signin-guard");
    assert_eq!(finished.status.code(), Some(0));
    assert_eq!(stderr(&finished), "");
    // The report begins with the file's path; temporary paths can be shorter than 64 bytes.
    let path = file.display().to_string();
    let shared = path.len().min(start.len());
    assert_eq!(
        String::from_utf8_lossy(&start[..shared]),
        &path[..shared],
        "the report begins with the file's path"
    );
}

// fix: what changes

#[test]
fn fix_output_differs_from_the_input_only_inside_the_reported_hrefs() {
    let dir = TempDir::new("bytes");
    for input in test_files(&dir) {
        let out = input.with_extension("fixed.html");
        let output = fix(&input, &["-o".as_ref(), out.as_os_str()]);
        assert_success(&output);
        let text = stdout(&output);
        let reported = reported_changes(&text);
        assert!(!reported.is_empty(), "{text}");

        let before = fs::read(&input).unwrap();
        let after = fs::read(&out).unwrap();
        let old = file::parse(&before).unwrap();
        let new = file::parse(&after).unwrap();
        assert_eq!(old.bookmarks.len(), new.bookmarks.len());
        let (mut old_pos, mut new_pos) = (0, 0);
        let mut changed = BTreeMap::new();
        for (a, b) in old.bookmarks.iter().zip(&new.bookmarks) {
            assert_eq!(
                before[old_pos..a.href.start],
                after[new_pos..b.href.start],
                "{}: bytes before the HREF of line {} differ",
                input.display(),
                a.line
            );
            assert_eq!(a.line, b.line, "a fix never adds or removes a line");
            assert_eq!((a.title.as_ref(), a.folder), (b.title.as_ref(), b.folder));
            if a.raw_url != b.raw_url {
                changed.insert(a.line, b.url.to_string());
            }
            old_pos = a.href.end;
            new_pos = b.href.end;
        }
        assert_eq!(
            before[old_pos..],
            after[new_pos..],
            "bytes after the last HREF differ"
        );
        let reported_new: BTreeMap<usize, String> = reported
            .into_iter()
            .map(|(line, (_, new))| (line, new))
            .collect();
        assert_eq!(changed, reported_new, "{}", input.display());
    }
}

#[test]
fn fixed_file_has_no_replaceable_findings_on_a_second_check() {
    let dir = TempDir::new("second-check");
    for input in test_files(&dir) {
        let out = input.with_extension("fixed.html");
        assert_success(&fix(&input, &["-o".as_ref(), out.as_os_str()]));
        let json = check_json(&out);
        let replaceable: Vec<&Value> = every_finding(&json)
            .into_iter()
            .filter(|f| f["actions"][0]["action"] == "replace")
            .collect();
        assert!(
            replaceable.is_empty(),
            "{}: {replaceable:?}",
            input.display()
        );
        // What is left cannot be fixed by rewriting an HREF.
        for finding in every_finding(&json) {
            let kind = finding["kind"].as_str().unwrap();
            assert!(
                ["lookalike", "captured_redirect", "invalid_account_label"].contains(&kind),
                "{finding}"
            );
        }
        // Fixing again changes nothing and still writes OUT: an identical copy.
        let again = input.with_extension("again.html");
        let output = fix(&out, &["-o".as_ref(), again.as_os_str()]);
        assert_success(&output);
        assert!(reported_changes(&stdout(&output)).is_empty());
        assert!(
            stdout(&output).contains("Nothing to change: wrote "),
            "{}",
            stdout(&output)
        );
        assert_eq!(fs::read(&again).unwrap(), fs::read(&out).unwrap());
    }
}

#[test]
fn fix_lists_what_is_left_to_fix_by_hand_with_why() {
    let dir = TempDir::new("left");
    let file = dir.file("firefox-esr.html", FIREFOX);
    let out = dir.path("out.html");
    let output = fix(&file, &["-o".as_ref(), out.as_os_str()]);
    assert_success(&output);
    let text = stdout(&output);
    assert!(
        text.starts_with(&format!(
            "{}: 4 bookmarks changed, 2 left to fix by hand\n",
            file.display()
        )),
        "{text}"
    );
    assert!(
        text.contains(
            "\nLeft to fix by hand (2):\n  line 18: http://myalias.signin.aws.amazon.com/console/\n    another bookmark"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "  line 20: https://signin.aws.amazon.com.evil.example/console\n    possible phishing: delete this bookmark by hand\n"
        ),
        "{text}"
    );
    assert!(
        text.ends_with(&format!(
            "\nWrote {}: {} with 4 HREF values changed, every other byte as it was\n",
            out.display(),
            file.display()
        )),
        "{text}"
    );
}

#[test]
fn account_replaces_redirects_and_secrets_that_name_no_account() {
    let dir = TempDir::new("account");
    let file = dir.file("chromium-format.html", CHROMIUM);
    let out = dir.path("out.html");
    let output = fix(
        &file,
        &[
            "-o".as_ref(),
            out.as_os_str(),
            "--account".as_ref(),
            " MyTeam ".as_ref(),
        ],
    );
    assert_success(&output);
    let changes = reported_changes(&stdout(&output));
    let account_url = "https://myteam.signin.aws.amazon.com/console";
    assert_eq!(changes[&16].1, account_url);
    assert_eq!(changes[&17].1, account_url);
    assert_eq!(
        changes[&19].1,
        "https://myalias.signin.aws.amazon.com/console"
    );
    let fixed = String::from_utf8(fs::read(&out).unwrap()).unwrap();
    assert_eq!(fixed.matches(&format!("HREF=\"{account_url}\"")).count(), 2);
}

#[test]
fn bad_account_exits_2_with_the_librarys_message_and_writes_nothing() {
    let dir = TempDir::new("bad-account");
    let file = dir.file("bookmarks.html", CHROMIUM);
    let before = fingerprint(&file);
    let output = fix(
        &file,
        &[
            "--in-place".as_ref(),
            "--account".as_ref(),
            "my--alias".as_ref(),
        ],
    );
    assert_failure(
        &output,
        2,
        "signin-guard: account \"my--alias\": an account alias cannot have two hyphens in a row\n",
    );
    let output = fix(
        &file,
        &[
            "-o".as_ref(),
            dir.path("out.html").as_os_str(),
            "--account".as_ref(),
            "12345".as_ref(),
        ],
    );
    assert_failure(
        &output,
        2,
        "signin-guard: account \"12345\": 5 digits, an account ID has 12\n",
    );
    assert_eq!(fingerprint(&file), before);
    assert_eq!(dir.names(), ["bookmarks.html"]);
}

// fix: where it writes

#[test]
fn dry_run_writes_nothing() {
    let dir = TempDir::new("dry-run");
    let file = dir.file("bookmarks.html", CHROMIUM);
    let before = fingerprint(&file);
    let out = dir.path("out.html");
    let output = fix(
        &file,
        &["-o".as_ref(), out.as_os_str(), "--dry-run".as_ref()],
    );
    assert_success(&output);
    let text = stdout(&output);
    assert_eq!(reported_changes(&text).len(), 4, "{text}");
    assert!(
        text.ends_with(&format!(
            "Dry run: nothing written; would write the fixed file to {}\n",
            out.display()
        )),
        "{text}"
    );
    let output = fix(&file, &["--in-place".as_ref(), "--dry-run".as_ref()]);
    assert_success(&output);
    let text = stdout(&output);
    assert!(
        text.ends_with(&format!(
            "Dry run: nothing written; would copy {0} to {0}.bak, then replace {0}\n\
             {0}.bak would still hold the secrets the fix removed: delete it once you no longer need it\n",
            file.display()
        )),
        "{text}"
    );
    assert_eq!(fingerprint(&file), before);
    assert_eq!(dir.names(), ["bookmarks.html"]);
}

#[test]
fn input_is_never_modified_without_in_place() {
    let dir = TempDir::new("untouched");
    for input in test_files(&dir) {
        let before = fingerprint(&input);
        let out = input.with_extension("out.html");
        let runs: [Vec<&OsStr>; 6] = [
            bookmarks_args("check", &input, &[]),
            bookmarks_args("check", &input, &["--json".as_ref()]),
            bookmarks_args("fix", &input, &["-o".as_ref(), out.as_os_str()]),
            bookmarks_args(
                "fix",
                &input,
                &["-o".as_ref(), out.as_os_str(), "--dry-run".as_ref()],
            ),
            bookmarks_args(
                "fix",
                &input,
                &["--in-place".as_ref(), "--dry-run".as_ref()],
            ),
            bookmarks_args("fix", &input, &["-o".as_ref(), input.as_os_str()]),
        ];
        for args in runs {
            let _ = run(&args);
            assert_eq!(fingerprint(&input), before, "{args:?}");
        }
    }
}

#[test]
fn in_place_keeps_a_byte_identical_backup_and_never_overwrites_one() {
    let dir = TempDir::new("in-place");
    let export = generated_export(2_000, 25);
    let file = dir.file("bookmarks.html", &export.bytes);
    let expected = fix_file(&export.bytes, &FixPolicy::default())
        .unwrap()
        .output;
    assert_ne!(expected, export.bytes);

    let output = fix(&file, &["--in-place".as_ref()]);
    assert_success(&output);
    assert!(
        stdout(&output).ends_with(&format!(
            "Copied the original to {0}.bak, then replaced {0} with the fixed file\n\
             {0}.bak still holds the secrets the fix removed: delete it once you no longer need it\n",
            file.display()
        )),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        fs::read(dir.path("bookmarks.html.bak")).unwrap(),
        export.bytes
    );
    assert_eq!(fs::read(&file).unwrap(), expected);
    assert_eq!(
        dir.names(),
        ["bookmarks.html", "bookmarks.html.bak"],
        "no temporary file left"
    );

    // Nothing left to change: no write, no backup.
    let fixed = fingerprint(&file);
    let output = fix(&file, &["--in-place".as_ref()]);
    assert_success(&output);
    assert!(
        stdout(&output).ends_with("left as it was, no backup made\n"),
        "{}",
        stdout(&output)
    );
    assert_eq!(fingerprint(&file), fixed);
    assert_eq!(dir.names(), ["bookmarks.html", "bookmarks.html.bak"]);

    // An earlier backup is kept: the next one is numbered.
    fs::write(&file, &export.bytes).unwrap();
    let older = b"an older backup".to_vec();
    fs::write(dir.path("bookmarks.html.bak"), &older).unwrap();
    fs::write(dir.path("bookmarks.html.bak.1"), &older).unwrap();
    assert_success(&fix(&file, &["--in-place".as_ref()]));
    assert_eq!(fs::read(dir.path("bookmarks.html.bak")).unwrap(), older);
    assert_eq!(fs::read(dir.path("bookmarks.html.bak.1")).unwrap(), older);
    assert_eq!(
        fs::read(dir.path("bookmarks.html.bak.2")).unwrap(),
        export.bytes
    );
    assert_eq!(fs::read(&file).unwrap(), expected);
}

#[cfg(unix)]
#[test]
fn in_place_keeps_the_files_permissions_and_symbolic_link() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = TempDir::new("permissions");
    let file = dir.file("real.html", CHROMIUM);
    fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.path("link.html");
    symlink(&file, &link).unwrap();
    assert_success(&fix(&link, &["--in-place".as_ref()]));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(&dir.path("real.html.bak")), 0o600);
    assert_eq!(fs::read(dir.path("real.html.bak")).unwrap(), CHROMIUM);
    assert_ne!(fs::read(&file).unwrap(), CHROMIUM);
}

#[test]
fn fix_refuses_an_output_that_is_the_input() {
    let dir = TempDir::new("refuse");
    fs::create_dir(dir.path("sub")).unwrap();
    let file = dir.file("bookmarks.html", CHROMIUM);
    let before = fingerprint(&file);
    let mut same: Vec<PathBuf> = vec![
        file.clone(),
        dir.path("sub/../bookmarks.html"),
        dir.path("./bookmarks.html"),
    ];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&file, dir.path("link.html")).unwrap();
        fs::hard_link(&file, dir.path("hard.html")).unwrap();
        same.push(dir.path("link.html"));
        same.push(dir.path("hard.html"));
    }
    for out in &same {
        for dry_run in [false, true] {
            let mut args = vec!["-o".as_ref(), out.as_os_str()];
            if dry_run {
                args.push("--dry-run".as_ref());
            }
            let output = fix(&file, &args);
            let message = assert_failure(
                &output,
                2,
                &format!(
                    "signin-guard: {}: this is the input file {}",
                    out.display(),
                    file.display()
                ),
            );
            assert!(message.contains("use --in-place"), "{message}");
            assert_eq!(fingerprint(&file), before);
        }
    }
    let names = dir.names();
    assert!(
        names
            .iter()
            .all(|n| !n.contains(".bak") && !n.ends_with(".tmp")),
        "{names:?}"
    );
}

// Secrets

#[test]
fn a_federation_token_is_never_printed_in_full() {
    let dir = TempDir::new("secrets");
    let export = generated_export(2_000, 25);
    let mut secrets: Vec<String> = export
        .planted
        .iter()
        .filter_map(|p| p.secret.clone())
        .collect();
    assert!(secrets.len() >= 4, "{secrets:?}");
    secrets.push(REAL_TOKEN.to_owned());
    let files = [
        dir.file("firefox-esr.html", FIREFOX),
        dir.file("chromium-format.html", CHROMIUM),
        dir.file("generated.html", &export.bytes),
    ];
    for input in &files {
        let out = input.with_extension("fixed.html");
        let runs = [
            bookmarks_args("check", input, &[]),
            bookmarks_args("check", input, &["--json".as_ref()]),
            bookmarks_args(
                "fix",
                input,
                &["-o".as_ref(), out.as_os_str(), "--dry-run".as_ref()],
            ),
            bookmarks_args("fix", input, &["-o".as_ref(), out.as_os_str()]),
        ];
        for args in runs {
            let output = run(&args);
            assert_success(&output);
            let printed = format!("{}{}", stdout(&output), stderr(&output));
            assert!(printed.contains("[redacted]"), "{args:?}");
            for secret in &secrets {
                assert!(
                    !printed.contains(secret.as_str()),
                    "{args:?} printed {secret}"
                );
            }
        }
        // The fixed file itself no longer holds them.
        let fixed = String::from_utf8_lossy(&fs::read(&out).unwrap()).into_owned();
        for secret in &secrets {
            assert!(
                !fixed.contains(secret.as_str()),
                "{} keeps {secret}",
                out.display()
            );
        }
    }
}

// Errors

#[test]
fn not_a_bookmark_file_exits_2_naming_the_file_line_and_column() {
    let dir = TempDir::new("not-bookmarks");
    let json = dir.file("settings.json", b"\n\n  {\"bookmarks\": []}\n");
    let binary = dir.file("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let out = dir.path("out.html");
    for args in [
        bookmarks_args("check", &json, &[]),
        bookmarks_args("check", &json, &["--json".as_ref()]),
        bookmarks_args("fix", &json, &["-o".as_ref(), out.as_os_str()]),
        bookmarks_args("fix", &json, &["--in-place".as_ref()]),
    ] {
        let message = assert_failure(
            &run(&args),
            2,
            &format!(
                "signin-guard: {}: line 3, column 3: not a Netscape bookmark file",
                json.display()
            ),
        );
        assert!(message.contains("{\\\"bookmarks\\\""), "{message}");
    }
    assert_failure(
        &check(&binary),
        2,
        &format!(
            "signin-guard: {}: line 3, column 1: a NUL byte",
            binary.display()
        ),
    );
    assert_eq!(dir.names(), ["image.png", "settings.json"]);
}

#[test]
fn missing_file_exits_1_naming_the_path_and_the_reason() {
    let dir = TempDir::new("missing");
    let missing = dir.path("no-such-bookmarks.html");
    let out = dir.path("out.html");
    for args in [
        bookmarks_args("check", &missing, &[]),
        bookmarks_args("fix", &missing, &["-o".as_ref(), out.as_os_str()]),
        bookmarks_args("fix", &missing, &["--in-place".as_ref()]),
    ] {
        let message = assert_failure(
            &run(&args),
            1,
            &format!("signin-guard: {}: cannot read: ", missing.display()),
        );
        assert!(message.contains("os error"), "{message}");
    }
    assert!(dir.names().is_empty());
}

#[test]
fn unwritable_output_exits_1_naming_it_and_leaves_nothing_behind() {
    let dir = TempDir::new("unwritable");
    let file = dir.file("bookmarks.html", CHROMIUM);
    let out = dir.path("no-such-folder/out.html");
    assert_failure(
        &fix(&file, &["-o".as_ref(), out.as_os_str()]),
        1,
        &format!(
            "signin-guard: {}: cannot write the fixed file: ",
            out.display()
        ),
    );
    assert_eq!(dir.names(), ["bookmarks.html"]);
}

// Titles that hold a secret

/// A Firefox-style export whose two token bookmarks are titled with their own URL (a page saved
/// without a title), one written with `&amp;`, one whose secret shows only once decoded.
const TITLED_TOKENS: &str = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<DL><p>\n\
    <DT><A HREF=\"https://signin.aws.amazon.com/federation?Action=login&amp;SigninToken=TITLESECRET1\">https://signin.aws.amazon.com/federation?Action=login&amp;SigninToken=TITLESECRET1</A>\n\
    <DT><A HREF=\"https://signin.aws.amazon.com/federation?Action=login&amp;SigninToken=TITLESECRET2\">federation &#63;Signin&#84;oken=TITLESECRET2 &lt;b&gt;</A>\n\
    <DT><A HREF=\"https://example.com/\">Plain &amp; simple</A>\n\
</DL><p>\n";

#[test]
fn titles_with_a_secret_are_never_printed_and_can_be_redacted() {
    let dir = TempDir::new("titles");
    let file = dir.file("bookmarks.html", TITLED_TOKENS.as_bytes());
    let out = dir.path("out.html");
    let secrets = ["TITLESECRET1", "TITLESECRET2"];
    let runs = [
        bookmarks_args("check", &file, &[]),
        bookmarks_args("check", &file, &["--json".as_ref()]),
        bookmarks_args("fix", &file, &["-o".as_ref(), out.as_os_str()]),
    ];
    for args in runs {
        let output = run(&args);
        assert_success(&output);
        let printed = format!("{}{}", stdout(&output), stderr(&output));
        for secret in secrets {
            assert!(
                !printed.contains(secret),
                "{args:?} printed {secret}:\n{printed}"
            );
        }
    }
    let json = check_json(&file);
    let titles: Vec<&str> = every_finding(&json)
        .iter()
        .map(|f| f["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.iter().all(|t| t.contains("[redacted]")),
        "{titles:?}"
    );

    // Without the flag the titles stay, and the report says so.
    let output = run(&bookmarks_args(
        "fix",
        &file,
        &["-o".as_ref(), out.as_os_str()],
    ));
    assert!(
        stdout(&output).contains("2 titles still hold a secret: add --redact-titles"),
        "{}",
        stdout(&output)
    );
    assert!(String::from_utf8(fs::read(&out).unwrap())
        .unwrap()
        .contains("TITLESECRET1"));

    // With it, every other byte of the title stays as written.
    let output = run(&bookmarks_args(
        "fix",
        &file,
        &["--in-place".as_ref(), "--redact-titles".as_ref()],
    ));
    assert_success(&output);
    let fixed = String::from_utf8(fs::read(&file).unwrap()).unwrap();
    for secret in secrets {
        assert!(!fixed.contains(secret), "{fixed}");
    }
    assert!(
        fixed.contains(
            ">https://signin.aws.amazon.com/federation?Action=login&amp;SigninToken=[redacted]</A>"
        ),
        "{fixed}"
    );
    assert!(
        fixed.contains(">federation ?SigninToken=[redacted] &lt;b&gt;</A>"),
        "{fixed}"
    );
    assert!(fixed.contains(">Plain &amp; simple</A>"), "{fixed}");
    let text = stdout(&output);
    assert!(text.contains("Titles redacted (2):"), "{text}");
    // The backup keeps the secrets, and the report names it.
    let backup = dir.path("bookmarks.html.bak");
    assert_eq!(fs::read(&backup).unwrap(), TITLED_TOKENS.as_bytes());
    assert!(
        text.contains(&format!(
            "{} still holds the secrets the fix removed: delete it once you no longer need it",
            backup.display()
        )),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn fix_refuses_a_linked_output_unless_forced() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new("linked-out");
    let file = dir.file("bookmarks.html", CHROMIUM);
    let victim = dir.file("victim.txt", b"keep me\n");
    let link = dir.path("out.html");
    symlink(&victim, &link).unwrap();
    let hard = dir.path("hard.html");
    fs::hard_link(&victim, &hard).unwrap();
    for (out, what) in [
        (&link, "is a symbolic link to"),
        (&hard, "is one of 2 names of one file"),
    ] {
        for dry_run in [false, true] {
            let mut args = vec!["-o".as_ref(), out.as_os_str()];
            if dry_run {
                args.push("--dry-run".as_ref());
            }
            let message = assert_failure(
                &fix(&file, &args),
                2,
                &format!("signin-guard: {}: {what}", out.display()),
            );
            assert!(message.contains("--force"), "{message}");
            assert_eq!(fs::read(&victim).unwrap(), b"keep me\n");
        }
    }
    assert_success(&fix(
        &file,
        &["-o".as_ref(), link.as_os_str(), "--force".as_ref()],
    ));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_ne!(fs::read(&victim).unwrap(), b"keep me\n");
}
