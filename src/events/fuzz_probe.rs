//! Windows into the wake package's hand readers for the fuzz targets (`fuzz/`), behind the
//! `fuzz-probe` feature: the JSON reader against serde_json, and the page report's facts read
//! by hand. Not part of the product's API; nothing else may call it.

use crate::events::page_report::PageFacts;
use crate::tab::read_stored::read_json;
use crate::tab::stored_value::StoredValue;

/// How the hand JSON reader and serde_json's differ on `text`, if they do: both read it to the
/// same value (numbers beyond the reader's exact range to within 10^-14 of each other) or both
/// refuse it. The one difference allowed: an escaped lone surrogate, which serde_json refuses
/// and the hand reader reads as U+FFFD.
pub fn json_readers_differ(text: &str) -> Option<String> {
    let by_serde = serde_json::from_str::<StoredValue>(text);
    match (read_json::<StoredValue>(text), by_serde) {
        (Ok(by_hand), Ok(by_serde)) => (!alike(&by_hand, &by_serde))
            .then(|| format!("read as {by_hand:?}, serde_json reads {by_serde:?}")),
        (Err(_), Err(_)) => None,
        (Ok(_), Err(_)) if has_surrogate_escape(text) => None,
        (Ok(by_hand), Err(error))
            if error.to_string().starts_with("number out of range") && holds_near_max(&by_hand) =>
        {
            None
        }
        (Ok(by_hand), Err(error)) => Some(format!("read as {by_hand:?}, serde_json: {error}")),
        (Err(error), Ok(by_serde)) => Some(format!("{error}, serde_json reads {by_serde:?}")),
    }
}

/// Whether the text escapes a UTF-16 surrogate (`\ud83d`), which serde_json refuses unpaired.
fn has_surrogate_escape(text: &str) -> bool {
    text.match_indices("\\u").any(|(at, _)| {
        let mut hex = text[at + 2..].chars();
        matches!(hex.next(), Some('d' | 'D'))
            && matches!(hex.next(), Some('8'..='9' | 'a'..='f' | 'A'..='F'))
    })
}

/// Whether a number within 10^-14 of the largest finite double was read: serde_json's default
/// number reading refuses some just below the overflow boundary (`1.7976931348623158e308`), which
/// round to `f64::MAX`, as the hand reader and JavaScript read them.
fn holds_near_max(value: &StoredValue) -> bool {
    match value {
        StoredValue::Number(x) => x.is_finite() && (x.abs() - f64::MAX).abs() <= f64::MAX * 1e-14,
        StoredValue::List(items) => items.iter().any(holds_near_max),
        StoredValue::Object(fields) => fields.iter().any(|(_, v)| holds_near_max(v)),
        _ => false,
    }
}

fn alike(a: &StoredValue, b: &StoredValue) -> bool {
    match (a, b) {
        (StoredValue::Number(x), StoredValue::Number(y)) => {
            x == y || (x - y).abs() <= x.abs().max(y.abs()) * 1e-14 || (x - y).abs() < 1e-300
        }
        (StoredValue::List(xs), StoredValue::List(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| alike(x, y))
        }
        (StoredValue::Object(xs), StoredValue::Object(ys)) => {
            xs.len() == ys.len()
                && xs
                    .iter()
                    .zip(ys)
                    .all(|((n, x), (m, y))| n == m && alike(x, y))
        }
        _ => a == b,
    }
}

/// The page report's facts, read from JSON text as the wake package reads them.
pub fn read_page_facts(text: &str) -> Result<PageFacts, String> {
    read_json(text).map_err(|e| e.to_string())
}
