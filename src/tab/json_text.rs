//! JSON text read into a `StoredValue` by hand: how the wake package reads every event's facts
//! (the text `JSON.stringify` made of them), so that it carries no serde deserializer, whose
//! per-type readers and messages were a third of its size. serde_json stays the reference: the
//! tests read the same texts with both.
// Read by the wake package's exports (`wasm::convert::read_js`); natively only by the tests.
#![cfg_attr(not(feature = "wake"), allow(dead_code))]

use super::stored_value::StoredValue;
use std::fmt;

/// Text that is not JSON: where it stops being JSON (a character offset) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// The character (counted from 1) at which the text stops being JSON.
    pub at: usize,
    /// What was wrong there.
    pub problem: &'static str,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not JSON at character {}: {}", self.at, self.problem)
    }
}

impl std::error::Error for JsonError {}

/// How deep lists and objects may nest (127 levels): serde_json's own limit, so that no text can
/// exhaust the stack of the worker's WebAssembly.
const MAX_DEPTH: usize = 127;

/// Reads one JSON value, the whole text (surrounding white space allowed). Strings keep every
/// character; an escaped lone surrogate, which `JSON.stringify` writes for a title cut in the
/// middle of an emoji, reads as U+FFFD.
pub(crate) fn parse(text: &str) -> Result<StoredValue, JsonError> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.at < text.len() {
        return Err(reader.error("text after the value"));
    }
    Ok(value)
}

struct Reader<'t> {
    text: &'t str,
    /// A byte offset, always at a character boundary.
    at: usize,
}

impl Reader<'_> {
    fn error(&self, problem: &'static str) -> JsonError {
        JsonError {
            at: self.text[..self.at.min(self.text.len())].chars().count() + 1,
            problem,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect_word(&mut self, word: &str, value: StoredValue) -> Result<StoredValue, JsonError> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<StoredValue, JsonError> {
        self.skip_space();
        match self.peek() {
            None => Err(self.error("the text ends where a value should be")),
            Some(b'n') => self.expect_word("null", StoredValue::Null),
            Some(b't') => self.expect_word("true", StoredValue::Bool(true)),
            Some(b'f') => self.expect_word("false", StoredValue::Bool(false)),
            Some(b'"') => Ok(StoredValue::Text(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') if depth < MAX_DEPTH => self.list(depth + 1),
            Some(b'{') if depth < MAX_DEPTH => self.object(depth + 1),
            Some(b'[' | b'{') => Err(self.error("lists and objects nested too deeply")),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    /// JSON's number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    fn number(&mut self) -> Result<StoredValue, JsonError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let whole_start = self.at;
        match self.digits() {
            0 => return Err(self.error("a number without digits")),
            n if n > 1 && self.text.as_bytes()[whole_start] == b'0' => {
                self.at = whole_start + 1;
                return Err(self.error("a number with a leading zero"));
            }
            _ => {}
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error("a number without digits after its point"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("a number without digits in its exponent"));
            }
        }
        let n = number_value(&self.text[start..self.at]);
        if n.is_finite() {
            Ok(StoredValue::Number(n))
        } else {
            Err(self.error("a number too large"))
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("an escape \\u without four hex digits"))?;
        self.at += 4;
        u32::from_str_radix(digits, 16)
            .map_err(|_| self.error("an escape \\u without four hex digits"))
    }

    /// A `\u` escape (the `\u` read): one character, or a surrogate pair's.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.text[self.at..].starts_with("\\u") {
            let before = self.at;
            self.at += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            // Not its pair: the next escape is read again on its own.
            self.at = before;
        }
        Ok(char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let run_start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            out.push_str(&self.text[run_start..self.at]);
            match self.peek() {
                None => return Err(self.error("a string without its closing quote")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = self.peek();
                    self.at += 1;
                    out.push(match escaped {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => {
                            self.at -= 1;
                            return Err(self.error("an unknown escape in a string"));
                        }
                    });
                }
                Some(_) => return Err(self.error("a control character in a string")),
            }
        }
    }

    /// After an item: `,` (another follows) or the closing bracket.
    fn more(&mut self, close: u8) -> Result<bool, JsonError> {
        self.skip_space();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(true)
            }
            Some(b) if b == close => {
                self.at += 1;
                Ok(false)
            }
            _ if close == b']' => Err(self.error("expected , or ] in a list")),
            _ => Err(self.error("expected , or } in an object")),
        }
    }

    fn list(&mut self, depth: usize) -> Result<StoredValue, JsonError> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(StoredValue::List(items));
        }
        loop {
            items.push(self.value(depth)?);
            if !self.more(b']')? {
                return Ok(StoredValue::List(items));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<StoredValue, JsonError> {
        self.at += 1;
        let mut fields = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(StoredValue::Object(fields));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a field name in quotes"));
            }
            let name = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.error("expected : after a field name"));
            }
            self.at += 1;
            fields.push((name, self.value(depth)?));
            if !self.more(b'}')? {
                return Ok(StoredValue::Object(fields));
            }
        }
    }
}

/// The powers of ten that `f64` holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// An exponent's value (`+12`, `-3`, `7`), held within ±100,000: beyond, every number is zero or
/// too large alike.
fn exponent_value(text: &str) -> i64 {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = digits
        .bytes()
        .fold(0_i64, |n, b| (n * 10 + i64::from(b - b'0')).min(100_000));
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// The value of a number's text (JSON's grammar, already checked). Exact (correctly rounded)
/// when it has at most 15 significant digits, wholly within 10^±22 of them, which takes in every
/// whole number up to 2^53 and so every number the facts hold (milliseconds, counts, frame
/// ids); others closely (within 10^-14 of the exact value, which the `event_facts` fuzz target
/// checks against serde_json). Not `str::parse`, whose exact
/// algorithm's tables would cost the wake package more than all its JSON reading.
fn number_value(text: &str) -> f64 {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (digits, exponent) = match text.find(['e', 'E']) {
        Some(e) => (&text[..e], exponent_value(&text[e + 1..])),
        None => (text, 0),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut mantissa: u64 = 0;
    // The power of ten the mantissa's digits are to be multiplied by.
    let mut scale: i64 = exponent;
    for b in whole.bytes() {
        if mantissa < 1_000_000_000_000_000_000 {
            mantissa = mantissa * 10 + u64::from(b - b'0');
        } else {
            scale += 1;
        }
    }
    for b in fraction.bytes() {
        if mantissa < 1_000_000_000_000_000_000 {
            mantissa = mantissa * 10 + u64::from(b - b'0');
            scale -= 1;
        }
    }
    let m = mantissa as f64;
    let value = if mantissa == 0 {
        0.0
    } else if mantissa < 1 << 53 && (-22..=22).contains(&scale) {
        let power = EXACT_POWERS_OF_TEN[scale.unsigned_abs() as usize];
        if scale < 0 {
            m / power
        } else {
            m * power
        }
    } else {
        let scaled = |scale: i64| {
            // In two steps, so that neither power of ten overflows or underflows on its own.
            let scale = scale.clamp(-800, 800) as i32;
            m * 10f64.powi(scale / 2) * 10f64.powi(scale - scale / 2)
        };
        match scaled(scale) {
            // Rounding on the way may overshoot the largest `f64` that the number rounds to.
            n if n.is_infinite() && scaled(scale - 1) <= f64::MAX / 10.0 * (1.0 + 1e-14) => {
                f64::MAX
            }
            n => n,
        }
    };
    if negative {
        -value
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same text read by serde_json into a `StoredValue` (the reference).
    fn by_serde(text: &str) -> Option<StoredValue> {
        serde_json::from_str(text).ok()
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let texts = [
            "null",
            " true ",
            "false",
            "0",
            "-0",
            "12",
            "-3.25",
            "1e3",
            "1E-2",
            "2.5e+2",
            "1.5e22",
            "5e-324",
            "9007199254740993",
            r#""""#,
            r#""a \"quoted\" \\ / \/ \b\f\n\r\t word""#,
            r#""\u00e9\u20AC\ud83d\ude00 é€😀""#,
            "[]",
            "[1, [2, [3]], {}]",
            r#"{"a": 1, "b": [true, null], "c": {"d": "e"}}"#,
            r#"{"a": 1, "a": 2}"#,
            "\n\t{ \"x\" :\r 1 }\n",
        ];
        for text in texts {
            let expected = by_serde(text).unwrap_or_else(|| panic!("serde reads {text}"));
            assert_eq!(parse(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        let texts = [
            "",
            " ",
            "nul",
            "True",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "1e+",
            "+1",
            "NaN",
            "1e400",
            "\"open",
            "\"bad \\x escape\"",
            "\"tab\tinside\"",
            "\"\\u12\"",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{\"a\": 1,}",
            "{a: 1}",
            "[",
            "{",
            "1 2",
            "[] x",
            "{\"a\":1}}",
        ];
        for text in texts {
            assert!(by_serde(text).is_none(), "serde refuses {text:?}");
            assert!(parse(text).is_err(), "{text:?} is not JSON");
        }
    }

    #[test]
    fn numbers_read_exactly_where_the_facts_need_it() {
        let exact = [
            "0",
            "-0",
            "7",
            "-42",
            "1700000000000",
            "9007199254740992",
            "0.5",
            "-3.25",
            "1e22",
            "123456789012345e-22",
            "1.5e3",
            "25e-1",
            "0.000001",
            "4294967295",
        ];
        for text in exact {
            let expected: f64 = text.parse().expect("a number");
            assert_eq!(parse(text), Ok(StoredValue::Number(expected)), "{text}");
        }
        for too_large in ["1.8e308", "1e309", "-2e308", "1e99999999999999999999"] {
            assert!(too_large.parse::<f64>().is_ok_and(f64::is_infinite));
            assert!(parse(too_large).is_err(), "{too_large}");
        }
        let close = [
            "0.1e-10",
            "1.79769313486231e308",
            "5e-324",
            "2.2250738585072014e-308",
            "123456789012345678901234567890",
            "0.30000000000000004",
            "1e-400",
            "6.02214076e23",
        ];
        for text in close {
            let expected: f64 = text.parse().expect("a number");
            let Ok(StoredValue::Number(n)) = parse(text) else {
                panic!("{text} reads as a number")
            };
            let off = (n - expected).abs();
            assert!(
                off <= expected.abs() * 4.0 * f64::EPSILON || off < 1e-320,
                "{text}: {n}"
            );
        }
    }

    #[test]
    fn a_lone_surrogate_reads_as_the_replacement_character() {
        // serde_json refuses these; JSON.stringify writes them for a string cut inside a pair.
        assert_eq!(
            parse(r#""a\ud83d b\ude00 \ud83d\u0041""#),
            Ok(StoredValue::Text(
                "a\u{FFFD} b\u{FFFD} \u{FFFD}A".to_owned()
            ))
        );
    }

    #[test]
    fn errors_say_where_and_what() {
        let error = parse(r#"{"é": [1, 2 3]}"#).expect_err("not JSON");
        assert_eq!(
            error.to_string(),
            "not JSON at character 13: expected , or ] in a list"
        );
        assert_eq!(
            parse("\"abc").expect_err("open").to_string(),
            "not JSON at character 5: a string without its closing quote"
        );
    }

    #[test]
    fn nesting_is_limited_as_serde_json_limits_it() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&deep(127)).is_ok());
        assert!(by_serde(&deep(127)).is_some());
        assert!(parse(&deep(128)).is_err());
        assert!(by_serde(&deep(128)).is_none());
        assert!(parse(&deep(100_000)).is_err());
    }
}
