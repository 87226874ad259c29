//! Decided redaction examples (`tests/data/redactions.tsv`): every output that echoes a URL
//! shows exactly the redacted form, whichever of `classify`'s paths reads it.

use signin_guard::{classify, redact};

const EXAMPLES: &str = include_str!("data/redactions.tsv");

#[test]
fn every_example_is_redacted_as_decided() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (index, line) in EXAMPLES.lines().enumerate().skip(1) {
        if line.is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        assert_eq!(cells.len(), 3, "line {}: expected 3 cells", index + 1);
        let (input, expected, note) = (cells[0], cells[1], cells[2]);
        count += 1;
        for (what, got) in [
            ("redact", redact(input)),
            ("classify", classify(input).input),
        ] {
            if got != expected {
                failures.push(format!(
                    "line {} ({note}): {what} gave {got:?}, expected {expected:?}",
                    index + 1
                ));
            }
        }
    }
    assert!(count >= 10, "only {count} examples read");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
