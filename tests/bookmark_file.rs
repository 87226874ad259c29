//! Bookmark files end to end: real browser exports, generated large and deep files, malformed
//! input, and the fixer's promise (only fixed HREF values change; fixing twice changes nothing).
//!
//! Real exports in `tests/data/bookmarks/`:
//! - `firefox-esr.html` was written by Firefox ESR 153 itself: `make_firefox_export.sh` imports
//!   `firefox-seed.html` into a fresh headless profile, quits through Marionette, and Firefox's
//!   `browser.bookmarks.autoExportHTML` writes its export on the way out.
//! - `chromium-export.html` was written by Chromium 156 itself: `make_chromium_export.mjs` gives a
//!   fresh profile the bookmarks, starts the bookmark manager's export in a window on a virtual
//!   display and answers its save dialog (Chromium cannot export headless).
//! - `chromium-format.html` is written by `make_chromium_format.py` in the format of Chromium's
//!   exporter (`bookmark_html_writer.cc`), with favicons (ICON) the real export's fresh profile has
//!   none of; without them it is the real export byte for byte (tested below).

// A panic is how a test reports failure.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use signin_guard::bookmarks::doctor::{Action, Choice, FindingKind, SelectedFinding, Selection};
use signin_guard::bookmarks::file::{self, FixPolicy, FixResult, ParseError, Quote};
use signin_guard::{check_file, fix_file};

const FIREFOX: &[u8] = include_bytes!("data/bookmarks/firefox-esr.html");
const CHROMIUM: &[u8] = include_bytes!("data/bookmarks/chromium-format.html");
const CHROMIUM_EXPORT: &[u8] = include_bytes!("data/bookmarks/chromium-export.html");

/// Asserts that `output` is `input` with exactly the changes' HREF values replaced, and that
/// each new value is written escaped (it decodes to the change's new URL).
fn assert_only_hrefs_changed(input: &[u8], fixed: &FixResult) {
    let output = &fixed.output;
    let mut in_pos = 0;
    let mut out_pos = 0;
    for change in &fixed.changes {
        let kept = &input[in_pos..change.href.start];
        assert_eq!(
            &output[out_pos..change.output_href.start],
            kept,
            "bytes before {:?} changed",
            change.href
        );
        let written = String::from_utf8_lossy(&output[change.output_href.clone()]);
        assert_eq!(written.replace("&amp;", "&"), change.new_url);
        in_pos = change.href.end;
        out_pos = change.output_href.end;
    }
    assert_eq!(
        &output[out_pos..],
        &input[in_pos..],
        "bytes after the last change differ"
    );
}

fn kinds_of(bytes: &[u8]) -> Vec<(String, FindingKind)> {
    let check = check_file(bytes).expect("a bookmark file");
    check
        .report
        .findings()
        .map(|f| (f.title.clone(), f.kind))
        .collect()
}

#[test]
fn the_chromium_format_copy_is_chromiums_real_export_with_favicons() {
    let text = std::str::from_utf8(CHROMIUM).unwrap();
    let mut without_icons = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(" ICON=\"") {
        without_icons.push_str(&rest[..start]);
        let value = &rest[start + " ICON=\"".len()..];
        rest = &value[value.find('"').unwrap() + 1..];
    }
    without_icons.push_str(rest);
    assert_ne!(without_icons, text, "the format copy has favicons");
    assert_eq!(
        without_icons.as_bytes(),
        CHROMIUM_EXPORT,
        "chromium-format.html without ICON differs from Chromium's own export"
    );
}

#[test]
fn firefox_export_is_read_with_folders_titles_and_lines() {
    let file = file::parse(FIREFOX).unwrap();
    assert_eq!(file.bookmarks.len(), 10);
    assert!(file.notes.is_empty(), "{:?}", file.notes);
    let example = &file.bookmarks[7];
    assert_eq!(example.title, "Example <> \"quoted\" — ünïcode");
    assert_eq!(example.url, "https://www.example.com/?a=1&b=2");
    assert_eq!(example.raw_url, b"https://www.example.com/?a=1&amp;b=2");
    assert_eq!(&FIREFOX[example.href.clone()], example.raw_url);
    assert_eq!(example.quote, Quote::Double);
    assert_eq!(file.folder_path(example.folder), ["Café & more"]);
    assert_eq!(example.line, 24);
    let dev = &file.bookmarks[8];
    assert_eq!(file.folder_path(dev.folder), ["Bookmarks Toolbar"]);
}

#[test]
fn chromium_export_is_read_with_crlf_icons_and_bare_ampersands() {
    let file = file::parse(CHROMIUM).unwrap();
    assert_eq!(file.bookmarks.len(), 10);
    assert!(file.notes.is_empty(), "{:?}", file.notes);
    let redirect = &file.bookmarks[3];
    assert_eq!(file.folder_path(redirect.folder), ["Bookmarks bar", "AWS"]);
    assert!(redirect.raw_url.windows(11).any(|w| w == b"&client_id="));
    assert_eq!(redirect.line, 16);
    let example = file.bookmarks.last().unwrap();
    assert_eq!(example.title, "Example <> \"quoted\" & it's — ünïcode");
    assert_eq!(file.folder_path(example.folder), Vec::<String>::new());
}

#[test]
fn real_exports_show_exactly_the_planted_findings() {
    for (bytes, redirect_title) in [
        (FIREFOX, "Captured redirect"),
        (CHROMIUM, "Amazon Web Services Sign-In"),
        (CHROMIUM_EXPORT, "Amazon Web Services Sign-In"),
    ] {
        let mut found = kinds_of(bytes);
        found.sort();
        let mut planted = vec![
            (redirect_title.to_owned(), FindingKind::CapturedRedirect),
            ("EC2 (multi-session)".to_owned(), FindingKind::MultiSession),
            ("Federated (token)".to_owned(), FindingKind::SecretInUrl),
            ("Phish".to_owned(), FindingKind::Lookalike),
            (
                "Prod (http, trailing slash)".to_owned(),
                FindingKind::NotCanonical,
            ),
        ];
        planted.sort();
        assert_eq!(found, planted);
        let report = check_file(bytes).unwrap().report;
        assert_eq!((report.total, report.fine, report.not_aws), (10, 4, 1));
        assert_eq!(report.duplicates.len(), 1);
        let group = &report.duplicates[0];
        assert_eq!(group.url, "https://myalias.signin.aws.amazon.com/console");
        let kept: Vec<_> = group
            .bookmarks
            .iter()
            .map(|m| (m.title.as_str(), m.keep))
            .collect();
        assert_eq!(
            kept,
            [
                ("Prod sign-in", true),
                ("Prod (http, trailing slash)", false)
            ]
        );
    }
}

#[test]
fn report_never_shows_the_token() {
    for bytes in [FIREFOX, CHROMIUM, CHROMIUM_EXPORT] {
        let json = serde_json::to_string(&check_file(bytes).unwrap()).unwrap();
        assert!(!json.contains("VERYSECRETTOKEN123"), "{json}");
        assert!(json.contains("SigninToken=[redacted]"));
        let fixed = fix_file(bytes, &FixPolicy::default()).unwrap();
        let json = serde_json::to_string(&fixed).unwrap();
        assert!(!json.contains("VERYSECRETTOKEN123"), "{json}");
    }
}

#[test]
fn fixing_real_exports_changes_only_the_fixed_hrefs() {
    for bytes in [FIREFOX, CHROMIUM, CHROMIUM_EXPORT] {
        let before = bytes.to_vec();
        let fixed = fix_file(bytes, &FixPolicy::default()).unwrap();
        assert_eq!(bytes, before, "the input is never changed");
        let new_urls: Vec<(FindingKind, &str)> = fixed
            .changes
            .iter()
            .map(|c| (c.kind, c.new_url.as_str()))
            .collect();
        assert_eq!(
            new_urls,
            [
                (
                    FindingKind::CapturedRedirect,
                    "https://console.aws.amazon.com/"
                ),
                (FindingKind::SecretInUrl, "https://console.aws.amazon.com/"),
                (
                    FindingKind::MultiSession,
                    "https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:"
                ),
                (
                    FindingKind::NotCanonical,
                    "https://myalias.signin.aws.amazon.com/console"
                ),
            ]
        );
        assert_only_hrefs_changed(bytes, &fixed);
        // The lookalike cannot be deleted from a file, and the duplicate stays for the person.
        let left: Vec<_> = fixed.needs_attention.iter().map(|u| u.finding).collect();
        assert_eq!(left, [None, Some(FindingKind::Lookalike)]);
        let again = fix_file(&fixed.output, &FixPolicy::default()).unwrap();
        assert!(again.changes.is_empty(), "{:?}", again.changes);
        assert_eq!(again.output, fixed.output);
    }
}

#[test]
fn replacement_is_escaped_like_the_original() {
    let multi = "https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/s3/home?region=us-east-1&amp;tab=x";
    let escaped = format!(
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><A HREF=\"{multi}\">m</A>\n</DL>\n"
    );
    let fixed = fix_file(escaped.as_bytes(), &FixPolicy::default()).unwrap();
    let text = String::from_utf8(fixed.output).unwrap();
    assert!(
        text.contains(
            "HREF=\"https://us-east-1.console.aws.amazon.com/s3/home?region=us-east-1&amp;tab=x\""
        ),
        "{text}"
    );

    let bare = escaped.replace("&amp;", "&").replace('"', "'");
    let fixed = fix_file(bare.as_bytes(), &FixPolicy::default()).unwrap();
    let text = String::from_utf8(fixed.output).unwrap();
    assert!(
        text.contains(
            "HREF='https://us-east-1.console.aws.amazon.com/s3/home?region=us-east-1&tab=x'"
        ),
        "{text}"
    );

    let unquoted = "<DL><DT><A HREF=http://MyAlias.signin.aws.amazon.com/console/?region=us-east-2 ADD_DATE=1>p</A></DL>";
    let fixed = fix_file(unquoted.as_bytes(), &FixPolicy::default()).unwrap();
    assert_eq!(
        String::from_utf8(fixed.output).unwrap(),
        "<DL><DT><A HREF=https://myalias.signin.aws.amazon.com/console?region=us-east-2 ADD_DATE=1>p</A></DL>"
    );
}

#[test]
fn chosen_account_replaces_the_general_signin_page() {
    let policy = FixPolicy {
        account: Some(signin_guard::Account::parse("999988887777").unwrap()),
        ..FixPolicy::default()
    };
    let fixed = fix_file(CHROMIUM, &policy).unwrap();
    assert_eq!(
        fixed.changes[0].new_url,
        "https://999988887777.signin.aws.amazon.com/console"
    );
}

#[test]
fn policy_can_turn_kinds_off() {
    let policy = FixPolicy {
        secret_in_url: false,
        ..FixPolicy::default()
    };
    let fixed = fix_file(FIREFOX, &policy).unwrap();
    assert_eq!(fixed.changes.len(), 3);
    assert!(fixed
        .needs_attention
        .iter()
        .any(|u| u.finding == Some(FindingKind::SecretInUrl)));
}

// ---- generated files ----

/// URLs planted in generated files, with the finding each must give (`None`: fine or not AWS).
const PLANTED: [(&str, Option<FindingKind>); 8] = [
    ("https://www.example.com/page?id=1&amp;x=2", None),
    ("https://222233334444.signin.aws.amazon.com/console", None),
    (
        "https://signin.aws.amazon.com/oauth?response_type=code&amp;client_id=x",
        Some(FindingKind::CapturedRedirect),
    ),
    (
        "https://signin.aws.amazon.com/federation?Action=login&amp;SigninToken=s3cr3t",
        Some(FindingKind::SecretInUrl),
    ),
    (
        "https://123456789012-zz99yy88.eu-west-1.console.aws.amazon.com/console/home",
        Some(FindingKind::MultiSession),
    ),
    (
        "https://signin.aws-amazon.com/console",
        Some(FindingKind::Lookalike),
    ),
    ("https://docs.aws.amazon.com/IAM/latest/UserGuide/", None),
    ("https://github.com/", None),
];

/// A Firefox-style export with `count` bookmarks in folders 3 deep; every 97th is planted bad.
fn generated_export(count: usize, icon_len: usize) -> (Vec<u8>, Vec<Option<FindingKind>>) {
    let icon = "A".repeat(icon_len);
    let mut out = String::from(
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=UTF-8\">\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks Menu</H1>\n\n<DL><p>\n",
    );
    let mut expected = Vec::with_capacity(count);
    for i in 0..count {
        if i % 100 == 0 {
            if i > 0 {
                out.push_str("        </DL><p>\n    </DL><p>\n");
            }
            out.push_str(&format!(
                "    <DT><H3 ADD_DATE=\"1\" LAST_MODIFIED=\"2\">Group {i}</H3>\n    <DL><p>\n        <DT><H3>Sub &amp; more</H3>\n        <DL><p>\n"
            ));
        }
        let (url, kind) = if i % 97 == 0 {
            PLANTED[2 + (i / 97) % 4]
        } else {
            (PLANTED[[0, 1, 6, 7][i % 4]].0, None)
        };
        let url = if url.starts_with("https://www.example.com") {
            format!("https://www.example.com/page?id={i}&amp;x=2")
        } else {
            url.to_owned()
        };
        out.push_str(&format!(
            "            <DT><A HREF=\"{url}\" ADD_DATE=\"1700000000\" ICON=\"data:image/png;base64,{icon}\">Bookmark {i}</A>\n"
        ));
        expected.push(kind);
    }
    out.push_str("        </DL><p>\n    </DL><p>\n</DL>\n");
    (out.into_bytes(), expected)
}

#[test]
fn generated_export_with_thousands_of_bookmarks() {
    let (bytes, expected) = generated_export(5_000, 0);
    let file = file::parse(&bytes).unwrap();
    assert_eq!(file.bookmarks.len(), 5_000);
    assert_eq!(
        file.folder_path(file.bookmarks[4_999].folder),
        ["Group 4900", "Sub & more"]
    );
    let report = check_file(&bytes).unwrap().report;
    let mut found: Vec<(usize, FindingKind)> = report
        .findings()
        .map(|f| (f.id.parse().unwrap(), f.kind))
        .collect();
    found.sort();
    let planted: Vec<(usize, FindingKind)> = expected
        .iter()
        .enumerate()
        .filter_map(|(i, k)| k.map(|k| (i, k)))
        .collect();
    assert_eq!(found, planted);
    let fixed = fix_file(&bytes, &FixPolicy::default()).unwrap();
    assert_only_hrefs_changed(&bytes, &fixed);
    assert!(fix_file(&fixed.output, &FixPolicy::default())
        .unwrap()
        .changes
        .is_empty());
}

#[test]
fn twenty_megabyte_export_is_read_and_fixed() {
    // Chromium writes each favicon as a data URL; 2 KB icons make 10,000 bookmarks ~20 MB.
    let (bytes, expected) = generated_export(10_000, 2_000);
    assert!(bytes.len() > 20_000_000, "{} bytes", bytes.len());
    let fixed = fix_file(&bytes, &FixPolicy::default()).unwrap();
    let planted_fixable = expected
        .iter()
        .filter(|k| {
            matches!(
                k,
                Some(
                    FindingKind::CapturedRedirect
                        | FindingKind::SecretInUrl
                        | FindingKind::MultiSession
                )
            )
        })
        .count();
    assert_eq!(fixed.changes.len(), planted_fixable);
    assert_only_hrefs_changed(&bytes, &fixed);
}

#[test]
fn folders_nested_ten_thousand_deep() {
    const DEPTH: usize = 10_000;
    let mut out = String::from("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n");
    for level in 0..DEPTH {
        out.push_str(&format!("<DT><H3>F{level}</H3>\n<DL><p>\n"));
    }
    out.push_str("<DT><A HREF=\"http://deep.signin.aws.amazon.com/console\">Deep</A>\n");
    // Half the lists are never closed: a missing </DL> is tolerated.
    for _ in 0..DEPTH / 2 {
        out.push_str("</DL><p>\n");
    }
    out.push_str("<DT><A HREF=\"https://example.com/\">Shallower</A>\n");
    let bytes = out.into_bytes();
    let file = file::parse(&bytes).unwrap();
    assert_eq!(file.folder_path(file.bookmarks[0].folder).len(), DEPTH);
    assert_eq!(file.folder_path(file.bookmarks[1].folder).len(), DEPTH / 2);
    let check = check_file(&bytes).unwrap();
    let finding = check.report.findings().next().unwrap();
    assert_eq!(finding.kind, FindingKind::NotCanonical);
    assert_eq!(finding.folder_path.len(), DEPTH);
    assert_eq!(finding.folder_path[DEPTH - 1], format!("F{}", DEPTH - 1));
    let fixed = fix_file(&bytes, &FixPolicy::default()).unwrap();
    assert_eq!(fixed.changes.len(), 1);
    drop(file);
}

// ---- malformed files ----

#[test]
fn not_a_bookmark_file_is_a_clear_error_with_a_position() {
    let err = file::parse(b"\n\n  {\"roots\": {}}").unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 3, column 3: not a Netscape bookmark file: no <!DOCTYPE NETSCAPE-Bookmark-file-1> line \
         and no <DL> bookmark list; it starts with \"{\\\"roots\\\": {}}\" (JSON, perhaps a browser's internal \
         Bookmarks file: export bookmarks to HTML from the bookmark manager instead)"
    );
    let err = file::parse(b"<html><body><a href=\"https://x\">x</a></body></html>").unwrap_err();
    assert!(matches!(err, ParseError::NotBookmarkFile { .. }), "{err}");
    assert_eq!(file::parse(b"").unwrap_err(), ParseError::Empty);
}

#[test]
fn utf16_and_binary_files_are_clear_errors() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            String::from_utf8_lossy(FIREFOX)
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let err = check_file(&utf16).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("line 1, column 1: the file is UTF-16"),
        "{err}"
    );
    let err = check_file(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 3, column 1: a NUL byte: this is a binary file, not a bookmark export (HTML)"
    );
}

#[test]
fn latin1_titles_are_read_lossily_and_bytes_are_kept() {
    let bytes = b"<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p><DT><H3>Caf\xe9</H3><DL><p>\n<DT><A HREF=\"http://MyAlias.signin.aws.amazon.com/console\">R\xe9sum\xe9</A>\n</DL><p></DL><p>\n";
    let file = file::parse(bytes).unwrap();
    assert_eq!(file.bookmarks[0].title, "R\u{fffd}sum\u{fffd}");
    assert_eq!(file.folder_path(file.bookmarks[0].folder), ["Caf\u{fffd}"]);
    let fixed = fix_file(bytes, &FixPolicy::default()).unwrap();
    let expected = String::from_utf8_lossy(bytes).replace(
        "http://MyAlias.signin.aws.amazon.com/console",
        "https://myalias.signin.aws.amazon.com/console",
    );
    assert_eq!(String::from_utf8_lossy(&fixed.output), expected);
    assert_eq!(fixed.output.iter().filter(|&&b| b == 0xe9).count(), 3);
}

#[test]
fn sloppy_markup_is_tolerated_with_notes() {
    let bytes = b"<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<dl><p>\n<dt><a>no href</a>\n<DT><A HREF=\"https://signin.aws.amazon.com/oauth?x=1\n<DT><A HREF='https://myalias.signin.aws.amazon.com/console' >ok\n<DT><a href=https://example.com/ add_date=1>unquoted</a>\n</DL></DL>\n<DT><A HREF=\"https://x.example/";
    let file = file::parse(bytes).unwrap();
    let urls: Vec<&str> = file.bookmarks.iter().map(|b| b.url.as_ref()).collect();
    assert_eq!(
        urls,
        [
            "https://signin.aws.amazon.com/oauth?x=1",
            "https://myalias.signin.aws.amazon.com/console",
            "https://example.com/",
            "https://x.example/",
        ]
    );
    let notes: Vec<String> = file.notes.iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        [
            "line 3, column 5: an <A> without HREF: skipped",
            "line 4, column 5: a quoted value in <A> without its closing quote: read up to the end of the line",
            "line 7, column 6: a </DL> without its <DL>: ignored",
            "line 8, column 5: a quoted value in <A> without its closing quote: read up to the end of the line",
        ]
    );
}

#[test]
fn every_prefix_of_a_real_export_is_handled_without_panic() {
    for end in 0..=FIREFOX.len() {
        let prefix = &FIREFOX[..end];
        if let Ok(fixed) = fix_file(prefix, &FixPolicy::default()) {
            assert_only_hrefs_changed(prefix, &fixed);
        }
    }
}

// ---- properties ----

fn href_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("https://signin.aws.amazon.com/signin?redirect_uri=x&amp;client_id=y".to_owned()),
        Just("https://signin.aws.amazon.com/signin?redirect_uri=x&client_id=y".to_owned()),
        Just(
            "https://signin.aws.amazon.com/federation?SigninToken=abc&amp;Action=login".to_owned()
        ),
        Just(
            "https://111122223333-abcd1234.us-west-2.console.aws.amazon.com/s3/?a=1&b=2".to_owned()
        ),
        Just("HTTP://MyAlias.Signin.AWS.Amazon.com/console/?region=us-east-2".to_owned()),
        Just("https://myalias.signin.aws.amazon.com/console".to_owned()),
        Just("https://signin.aws.amazon.com@evil.example/".to_owned()),
        Just("https://example.com/?q=a&amp;b".to_owned()),
        "[ -~]{0,30}",
    ]
}

fn bookmark_line() -> impl Strategy<Value = String> {
    (
        href_value(),
        0..3usize,
        "[a-zA-Z &;<>#0-9\u{e9}]{0,12}",
        "[ \t\r\n]{0,2}",
    )
        .prop_map(|(href, quote, title, space)| {
            let attr = match quote {
                0 => format!("HREF=\"{}\"", href.replace('"', "")),
                1 => format!("href='{}'", href.replace('\'', "")),
                _ => format!("Href={}", href.replace([' ', '>', '"', '\''], "")),
            };
            format!("<DT><A {attr} ADD_DATE=\"1\">{title}</A>{space}\n")
        })
}

fn bookmark_document() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        4 => bookmark_line().prop_map(String::into_bytes),
        1 => Just(b"<DT><H3>Folder</H3>\n<DL><p>\n".to_vec()),
        1 => Just(b"</DL><p>\n".to_vec()),
        1 => Just(b"<!-- c -->".to_vec()),
        1 => proptest::collection::vec(any::<u8>(), 0..8).prop_filter("no NUL", |b| !b.contains(&0)),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|pieces| {
        let mut doc = b"<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n".to_vec();
        doc.extend(pieces.concat());
        doc
    })
}

proptest! {
    #[test]
    fn fixing_never_changes_bytes_outside_hrefs(doc in bookmark_document()) {
        let fixed = fix_file(&doc, &FixPolicy::default()).unwrap();
        let file = file::parse(&doc).unwrap();
        let hrefs: Vec<_> = file.bookmarks.iter().map(|b| b.href.clone()).collect();
        for change in &fixed.changes {
            prop_assert!(hrefs.contains(&change.href));
        }
        assert_only_hrefs_changed(&doc, &fixed);
    }

    #[test]
    fn fixing_a_fixed_file_changes_nothing(doc in bookmark_document()) {
        let once = fix_file(&doc, &FixPolicy::default()).unwrap();
        let twice = fix_file(&once.output, &FixPolicy::default()).unwrap();
        prop_assert!(twice.changes.is_empty(), "{:?}", twice.changes);
        prop_assert_eq!(twice.output, once.output);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(fixed) = fix_file(&bytes, &FixPolicy::default()) {
            prop_assert!(fixed.changes.is_empty() || fixed.output != bytes);
        }
        let _ = check_file(&bytes);
    }
}

#[test]
fn findings_offer_the_documented_actions() {
    let report = check_file(FIREFOX).unwrap().report;
    let actions = |kind: FindingKind| {
        report
            .findings()
            .find(|f| f.kind == kind)
            .map(|f| f.actions.clone())
            .unwrap()
    };
    assert_eq!(actions(FindingKind::Lookalike), [Action::Delete]);
    assert_eq!(
        actions(FindingKind::SecretInUrl),
        [
            Action::Replace {
                url: "https://console.aws.amazon.com/".into()
            },
            Action::Delete
        ]
    );
    assert_eq!(
        actions(FindingKind::CapturedRedirect),
        [
            Action::Replace {
                url: "https://console.aws.amazon.com/".into()
            },
            Action::ChooseAccount
        ]
    );
}

// The web page's file doctor: the person's choices, finding by finding --------------------------

/// "Fix all" (every proposed replacement) as the page applies it.
fn fix_all(bytes: &[u8]) -> file::ChosenFix {
    let report = check_file(bytes).unwrap().report;
    file::fix_file_as_chosen(bytes, &file::fix_all_selection(&report)).unwrap()
}

#[test]
fn fix_all_on_real_exports_writes_what_bookmarks_fix_writes() {
    let (generated, _) = generated_export(2_000, 40);
    for bytes in [FIREFOX, CHROMIUM, CHROMIUM_EXPORT, &generated] {
        let cli = fix_file(bytes, &FixPolicy::default()).unwrap();
        let page = fix_all(bytes);
        assert!(!cli.changes.is_empty());
        assert_eq!(page.output, cli.output);
        assert_eq!(page.changes, cli.changes);
        assert_eq!((page.deleted.len(), page.problems.len()), (0, 0));
    }
}

#[test]
fn deleting_from_real_exports_removes_exactly_their_entries() {
    for bytes in [FIREFOX, CHROMIUM, CHROMIUM_EXPORT] {
        let report = check_file(bytes).unwrap().report;
        let deletable: Vec<_> = report
            .findings()
            .filter(|f| f.actions.contains(&Action::Delete))
            .map(|f| SelectedFinding {
                id: f.id.clone(),
                action: Some(Choice::Delete),
                account: None,
            })
            .collect();
        assert!(deletable.len() >= 2);
        let selection = Selection {
            findings: deletable.clone(),
            duplicates: vec![],
        };
        let fixed = file::fix_file_as_chosen(bytes, &selection).unwrap();
        assert_eq!(fixed.deleted.len(), deletable.len());
        // What is left reads as the same file without those bookmarks, every other byte kept.
        let before = file::parse(bytes).unwrap();
        let after = file::parse(&fixed.output).unwrap();
        let gone: Vec<usize> = fixed
            .deleted
            .iter()
            .map(|d| d.id.parse().unwrap())
            .collect();
        let kept: Vec<_> = before
            .bookmarks
            .iter()
            .filter(|b| !gone.contains(&b.index))
            .map(|b| (b.raw_url, b.title.clone(), before.folder_path(b.folder)))
            .collect();
        let left: Vec<_> = after
            .bookmarks
            .iter()
            .map(|b| (b.raw_url, b.title.clone(), after.folder_path(b.folder)))
            .collect();
        assert_eq!(left, kept);
        let mut rebuilt = Vec::new();
        let mut copied = 0;
        for deletion in &fixed.deleted {
            rebuilt.extend_from_slice(&bytes[copied..deletion.bytes.start]);
            let entry = String::from_utf8_lossy(&bytes[deletion.bytes.clone()]);
            assert!(entry.trim_start().starts_with("<DT><A "), "{entry:?}");
            assert!(entry.ends_with('\n'), "the whole line: {entry:?}");
            copied = deletion.bytes.end;
        }
        rebuilt.extend_from_slice(&bytes[copied..]);
        assert_eq!(rebuilt, fixed.output);
    }
}

proptest! {
    #[test]
    fn fix_all_is_bookmarks_fix(doc in bookmark_document()) {
        let cli = fix_file(&doc, &FixPolicy::default()).unwrap();
        let page = fix_all(&doc);
        prop_assert_eq!(page.output, cli.output);
        prop_assert_eq!(page.changes, cli.changes);
    }
}
