//! The doctor's findings as a file to keep or share: JSON (the report itself) or CSV (one row per
//! listed bookmark). URLs are redacted once more on the way out, whatever the report holds.

use super::{Action, Report};
use crate::url::redact::redact;

/// The file formats findings are exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The report's JSON (the same fields as `bookmarks check --json`'s `report`), indented.
    Json,
    /// Comma-separated values (RFC 4180: CRLF line ends, fields quoted when needed).
    Csv,
}

impl ExportFormat {
    /// `json` or `csv` (ignoring case).
    pub fn from_name(name: &str) -> Option<ExportFormat> {
        match name.trim().to_ascii_lowercase().as_str() {
            "json" => Some(ExportFormat::Json),
            "csv" => Some(ExportFormat::Csv),
            _ => None,
        }
    }
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 10] = [
    "kind", "title", "folder", "url", "action", "new_url", "account", "message", "id", "line",
];

/// Between folder names in the CSV's `folder` column (as the CLI shows folder paths).
pub const FOLDER_SEPARATOR: &str = " › ";

/// The findings of `report` in `format`.
pub fn export_findings(report: &Report, format: ExportFormat) -> String {
    match format {
        ExportFormat::Json => json(report),
        ExportFormat::Csv => csv(report),
    }
}

fn json(report: &Report) -> String {
    let mut report = report.clone();
    for finding in report.groups.iter_mut().flat_map(|g| g.findings.iter_mut()) {
        finding.url = redact(&finding.url);
    }
    for member in report
        .duplicates
        .iter_mut()
        .flat_map(|g| g.bookmarks.iter_mut())
    {
        member.url = redact(&member.url);
    }
    // Plain data (strings, numbers, lists): serialising it cannot fail.
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}

fn csv(report: &Report) -> String {
    let mut out = String::new();
    push_row(&mut out, CSV_COLUMNS.map(str::to_owned));
    for finding in report.findings() {
        let (action, new_url) = match finding.actions.first() {
            Some(Action::Replace { url }) => ("replace", redact(url)),
            Some(Action::Delete) => ("delete", String::new()),
            Some(Action::ChooseAccount) | None => ("choose_account", String::new()),
        };
        push_row(
            &mut out,
            [
                finding.kind.as_str().to_owned(),
                finding.title.clone(),
                finding.folder_path.join(FOLDER_SEPARATOR),
                redact(&finding.url),
                action.to_owned(),
                new_url,
                finding
                    .account
                    .as_ref()
                    .map(|a| a.as_str().to_owned())
                    .unwrap_or_default(),
                finding.message.clone(),
                finding.id.clone(),
                finding.line.map(|l| l.to_string()).unwrap_or_default(),
            ],
        );
    }
    for group in &report.duplicates {
        let others = group.bookmarks.len().saturating_sub(1);
        for member in &group.bookmarks {
            let message = format!(
                "signs in the same way as {others} other bookmark{}",
                if others == 1 { "" } else { "s" }
            );
            push_row(
                &mut out,
                [
                    "duplicate".to_owned(),
                    member.title.clone(),
                    member.folder_path.join(FOLDER_SEPARATOR),
                    redact(&member.url),
                    if member.keep { "keep" } else { "delete" }.to_owned(),
                    if member.keep {
                        redact(&group.url)
                    } else {
                        String::new()
                    },
                    group.account.as_str().to_owned(),
                    message,
                    member.id.clone(),
                    member.line.map(|l| l.to_string()).unwrap_or_default(),
                ],
            );
        }
    }
    out
}

fn push_row<const N: usize>(out: &mut String, fields: [String; N]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, field);
    }
    out.push_str("\r\n");
}

/// One field: quoted when it holds a comma, quote or line break (quotes doubled); a field a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first) starts with `'`.
fn push_field(out: &mut String, field: &str) {
    let formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = formula || field.contains([',', '"', '\n', '\r']) || field.trim() != field;
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in field.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bookmarks::doctor::{analyze, Bookmark};

    fn bookmark(id: &str, title: &str, url: &str) -> Bookmark {
        Bookmark {
            id: id.to_owned(),
            url: url.to_owned(),
            title: title.to_owned(),
            folder_path: vec!["Bar".to_owned(), "AWS, \"prod\"".to_owned()],
        }
    }

    /// Reads CSV back (RFC 4180), to check quoting by a round trip.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = vec![];
        let mut row = vec![];
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        rows
    }

    fn sample() -> Report {
        analyze(&[
            bookmark(
                "1",
                "Sign-in, \"prod\"\nsecond line",
                "https://123456789012.signin.aws.amazon.com/federation?Action=login&SigninToken=TOPSECRET",
            ),
            bookmark("2", "=HYPERLINK(\"https://evil\")", "https://myalias.signin.aws.amazon.com.evil.example/"),
            bookmark("3", "team", "http://team.signin.aws.amazon.com/console"),
            bookmark("4", "team again", "https://team.signin.aws.amazon.com/console"),
            bookmark("5", "not aws", "https://example.com/"),
        ])
    }

    #[test]
    fn csv_quotes_fields_and_reads_back_to_the_same_values() {
        let text = export_findings(&sample(), ExportFormat::Csv);
        let rows = parse_csv(&text);
        assert_eq!(rows[0], CSV_COLUMNS);
        assert!(
            rows.iter().all(|r| r.len() == CSV_COLUMNS.len()),
            "{rows:?}"
        );
        let secret = rows.iter().find(|r| r[8] == "1").expect("the token row");
        assert_eq!(secret[0], "secret_in_url");
        assert_eq!(secret[1], "Sign-in, \"prod\"\nsecond line");
        assert_eq!(secret[2], "Bar › AWS, \"prod\"");
        assert_eq!(secret[4], "replace");
        assert_eq!(
            secret[5],
            "https://123456789012.signin.aws.amazon.com/console"
        );
        assert_eq!(secret[6], "123456789012");
        // Two not-canonical/duplicate rows for "team", a lookalike, the secret; never example.com.
        assert!(
            !text.contains("example.com/"),
            "non-AWS bookmarks are not exported"
        );
        let duplicates: Vec<_> = rows
            .iter()
            .filter(|r| r[0] == "duplicate")
            .map(|r| r[4].as_str())
            .collect();
        assert_eq!(duplicates, ["delete", "keep"]);
    }

    #[test]
    fn secrets_never_reach_an_export() {
        for format in [ExportFormat::Json, ExportFormat::Csv] {
            let text = export_findings(&sample(), format);
            assert!(!text.contains("TOPSECRET"), "{format:?}: {text}");
            assert!(text.contains("[redacted]"), "{format:?}");
        }
    }

    #[test]
    fn a_formula_title_is_not_run_by_a_spreadsheet() {
        let text = export_findings(&sample(), ExportFormat::Csv);
        let rows = parse_csv(&text);
        let lookalike = rows
            .iter()
            .find(|r| r[0] == "lookalike")
            .expect("lookalike row");
        assert_eq!(lookalike[1], "'=HYPERLINK(\"https://evil\")");
        assert_eq!(lookalike[4], "delete");
    }

    #[test]
    fn json_is_the_report_and_reads_back() {
        let report = sample();
        let text = export_findings(&report, ExportFormat::Json);
        let back: Report = serde_json::from_str(&text).expect("the report's JSON");
        assert_eq!(back, report);
    }

    #[test]
    fn format_names() {
        assert_eq!(ExportFormat::from_name("CSV"), Some(ExportFormat::Csv));
        assert_eq!(ExportFormat::from_name("json"), Some(ExportFormat::Json));
        assert_eq!(ExportFormat::from_name("xml"), None);
    }

    #[test]
    fn a_title_that_holds_a_token_is_exported_redacted() {
        let token = "https://signin.aws.amazon.com/federation?Action=login&SigninToken=TITLETOKEN";
        let report = analyze(&[
            bookmark("1", token, token),
            bookmark(
                "2",
                &format!("{token} again"),
                "https://team.signin.aws.amazon.com/console",
            ),
            bookmark(
                "3",
                &format!("{token} twice"),
                "https://team.signin.aws.amazon.com/console",
            ),
        ]);
        for format in [ExportFormat::Csv, ExportFormat::Json] {
            let text = export_findings(&report, format);
            assert!(!text.contains("TITLETOKEN"), "{text}");
            assert!(text.contains("SigninToken=[redacted] again"), "{text}");
        }
        let shown = serde_json::to_string(&report).unwrap_or_default();
        assert!(!shown.contains("TITLETOKEN"), "{shown}");
    }
}
