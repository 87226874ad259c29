//! Every decided example of the spec's corpus (`tests/data/urls.tsv`, a copy of the shared one),
//! read as data: kind, account, region and canonical URL must match, and a failure names the row.

use signin_guard::{classify, Kind};

const CORPUS: &str = include_str!("data/urls.tsv");

/// One decided example; empty cells mean "none".
struct Row<'a> {
    line: usize,
    url: &'a str,
    kind: &'a str,
    account: &'a str,
    region: &'a str,
    canonical: &'a str,
    note: &'a str,
}

fn rows() -> Vec<Row<'static>> {
    CORPUS
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, line)| !line.is_empty())
        .map(|(index, line)| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(
                cells.len(),
                6,
                "line {}: expected 6 tab-separated cells",
                index + 1
            );
            Row {
                line: index + 1,
                url: cells[0],
                kind: cells[1],
                account: cells[2],
                region: cells[3],
                canonical: cells[4],
                note: cells[5],
            }
        })
        .collect()
}

fn or_empty<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

#[test]
fn every_corpus_row_is_classified_as_decided() {
    let rows = rows();
    assert!(
        rows.len() > 100,
        "the corpus has {} rows; expected the full copy",
        rows.len()
    );
    let mut failures = Vec::new();
    for row in &rows {
        assert!(
            Kind::from_name(row.kind).is_some(),
            "line {}: unknown kind {:?}",
            row.line,
            row.kind
        );
        let verdict = classify(row.url);
        let got = [
            ("kind", verdict.kind.to_string()),
            ("account", or_empty(verdict.account.as_ref())),
            ("region", or_empty(verdict.region)),
            ("canonical", verdict.canonical.clone().unwrap_or_default()),
        ];
        let want = [row.kind, row.account, row.region, row.canonical];
        for ((field, got), want) in got.iter().zip(want) {
            if got != want {
                failures.push(format!(
                    "line {} {:?} ({}): {field} is {got:?}, expected {want:?}",
                    row.line, row.url, row.note
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} corpus mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn bookmark_safety_follows_the_kind_table() {
    for row in rows() {
        let verdict = classify(row.url);
        let expected = match verdict.kind {
            Kind::Unrelated => None,
            Kind::SigninRedirect | Kind::FederationToken | Kind::Lookalike => Some(false),
            Kind::ConsolePage if verdict.account.is_some() => Some(false),
            _ => Some(true),
        };
        assert_eq!(
            verdict.bookmark_safe, expected,
            "line {} {:?}",
            row.line, row.url
        );
    }
}

#[test]
fn redirects_and_tokens_carry_their_warning() {
    for row in rows() {
        let verdict = classify(row.url);
        let code = match verdict.kind {
            Kind::SigninRedirect => "captured_redirect",
            Kind::FederationToken => "federation_token",
            Kind::Lookalike => "lookalike",
            _ => continue,
        };
        assert!(
            verdict.warnings.iter().any(|w| w.code.as_str() == code),
            "line {} {:?}: no {code} warning in {:?}",
            row.line,
            row.url,
            verdict.warnings
        );
    }
}

#[test]
fn the_corpus_copy_matches_the_reference_when_present() {
    // The project never needs ../shared; when it is beside the checkout, the copy must not drift.
    let reference =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/urls.tsv");
    if let Ok(text) = std::fs::read_to_string(&reference) {
        assert!(
            text == CORPUS,
            "tests/data/urls.tsv differs from {}: copy it in",
            reference.display()
        );
    }
}
