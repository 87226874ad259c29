//! Typed values read by hand from a `StoredValue`, naming the part that is wrong
//! (`state.navigations[0].url: expected a string, found a number`): how the wake package reads
//! every event's facts, instead of serde's derive, whose per-type readers and messages were most
//! of its size. Each type's derive stays (other packages and the CLI use it) and is the
//! reference: `events::readers_agree` compares the two on every field missing, null or of
//! another type.
//!
//! A struct reads from an object only (serde's derive also takes a list of the fields in order,
//! which nothing writes); fields it does not know are ignored, as by the derive.
// Read by the wake package's exports (`wasm::convert::read_js`); natively only by the tests.
#![cfg_attr(not(feature = "wake"), allow(dead_code))]

use super::json_text;
use super::stored_value::StoredValue;
use std::fmt;

/// One step of the way to a part of a value.
#[derive(Clone, Copy)]
enum Step<'a> {
    Field(&'a str),
    Index(usize),
}

/// Where a part is, from the whole: written out only when a message names it.
#[derive(Clone, Copy)]
pub(crate) struct At<'a> {
    parent: Option<&'a At<'a>>,
    step: Option<Step<'a>>,
}

impl<'a> At<'a> {
    /// The whole value.
    pub(crate) const ROOT: At<'static> = At {
        parent: None,
        step: None,
    };

    /// Its field `name`.
    pub(crate) fn field(&'a self, name: &'a str) -> At<'a> {
        At {
            parent: Some(self),
            step: Some(Step::Field(name)),
        }
    }

    /// Its item `index`.
    pub(crate) fn index(&'a self, index: usize) -> At<'a> {
        At {
            parent: Some(self),
            step: Some(Step::Index(index)),
        }
    }

    fn write(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.write(out);
        }
        match self.step {
            None => {}
            Some(Step::Field(name)) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Some(Step::Index(index)) => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }

    /// `state.navigations[0].url`; empty for the whole.
    pub(crate) fn path(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

/// A value that does not read as its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// Where (`state.navigations[0].url`); empty for the whole value.
    pub at: String,
    /// What is wrong there.
    pub problem: String,
}

impl ReadError {
    /// An error of the part at `at`.
    pub(crate) fn new(at: At<'_>, problem: impl Into<String>) -> ReadError {
        ReadError {
            at: at.path(),
            problem: problem.into(),
        }
    }

    fn expected(at: At<'_>, what: &str, found: &StoredValue) -> ReadError {
        ReadError::new(at, format!("expected {what}, found {}", found.kind()))
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at.as_str() {
            "" => f.write_str(&self.problem),
            at => write!(f, "{at}: {}", self.problem),
        }
    }
}

impl std::error::Error for ReadError {}

/// A type read by hand from a `StoredValue`, as its serde derive reads it.
pub(crate) trait ReadStored: Sized {
    /// Reads `value`, the part at `at` of the whole.
    fn read(value: &StoredValue, at: At<'_>) -> Result<Self, ReadError>;
}

/// Reads JSON text (as `JSON.stringify` wrote it) as a `T`.
pub(crate) fn read_json<T: ReadStored>(text: &str) -> Result<T, ReadError> {
    let value = json_text::parse(text).map_err(|e| ReadError::new(At::ROOT, e.to_string()))?;
    T::read(&value, At::ROOT)
}

impl ReadStored for StoredValue {
    fn read(value: &StoredValue, _: At<'_>) -> Result<StoredValue, ReadError> {
        Ok(value.clone())
    }
}

impl ReadStored for bool {
    fn read(value: &StoredValue, at: At<'_>) -> Result<bool, ReadError> {
        match value {
            StoredValue::Bool(value) => Ok(*value),
            other => Err(ReadError::expected(at, "a boolean", other)),
        }
    }
}

impl ReadStored for String {
    fn read(value: &StoredValue, at: At<'_>) -> Result<String, ReadError> {
        match value {
            StoredValue::Text(text) => Ok(text.clone()),
            other => Err(ReadError::expected(at, "a string", other)),
        }
    }
}

impl ReadStored for f64 {
    fn read(value: &StoredValue, at: At<'_>) -> Result<f64, ReadError> {
        match value {
            StoredValue::Number(n) => Ok(*n),
            other => Err(ReadError::expected(at, "a number", other)),
        }
    }
}

/// A whole number in `min..=max` (bounds exact in `f64`; written in messages as integers, not by
/// `f64`'s `Display`, which the wake package does not carry).
fn whole(value: &StoredValue, at: At<'_>, min: i64, max: i64) -> Result<f64, ReadError> {
    match value {
        StoredValue::Number(n) if n.fract() == 0.0 && (min as f64..=max as f64).contains(n) => {
            Ok(*n)
        }
        StoredValue::Number(_) => Err(ReadError::new(
            at,
            format!("expected a whole number from {min} to {max}"),
        )),
        other => Err(ReadError::expected(at, "a whole number", other)),
    }
}

impl ReadStored for i64 {
    fn read(value: &StoredValue, at: At<'_>) -> Result<i64, ReadError> {
        // -2^63 is exact in f64; the largest f64 below 2^63 is 2^63 - 1024.
        Ok(whole(value, at, i64::MIN, i64::MAX - 1023)? as i64)
    }
}

impl ReadStored for u32 {
    fn read(value: &StoredValue, at: At<'_>) -> Result<u32, ReadError> {
        Ok(whole(value, at, 0, i64::from(u32::MAX))? as u32)
    }
}

impl<T: ReadStored> ReadStored for Option<T> {
    fn read(value: &StoredValue, at: At<'_>) -> Result<Option<T>, ReadError> {
        match value {
            StoredValue::Null => Ok(None),
            value => T::read(value, at).map(Some),
        }
    }
}

impl<T: ReadStored> ReadStored for Vec<T> {
    fn read(value: &StoredValue, at: At<'_>) -> Result<Vec<T>, ReadError> {
        match value {
            StoredValue::List(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| T::read(item, at.index(i)))
                .collect(),
            other => Err(ReadError::expected(at, "a list", other)),
        }
    }
}

/// The fields of an object, read one by one.
pub(crate) struct Fields<'v, 'a> {
    value: &'v StoredValue,
    at: At<'a>,
}

impl<'v, 'a> Fields<'v, 'a> {
    /// The object at `at`; an error when it is none.
    pub(crate) fn of(value: &'v StoredValue, at: At<'a>) -> Result<Fields<'v, 'a>, ReadError> {
        match value {
            StoredValue::Object(_) => Ok(Fields { value, at }),
            other => Err(ReadError::expected(at, "an object", other)),
        }
    }

    /// A field that must be given. (An `Option` field is read `or_default`: serde's derive
    /// reads a missing `Option` as `None`, with or without `#[serde(default)]`.)
    pub(crate) fn required<T: ReadStored>(&self, name: &str) -> Result<T, ReadError> {
        match self.value.get(name) {
            Some(value) => T::read(value, self.at.field(name)),
            None => Err(ReadError::new(self.at, format!("missing field `{name}`"))),
        }
    }

    /// A field read as its default when missing (serde's `#[serde(default)]`).
    pub(crate) fn or_default<T: ReadStored + Default>(&self, name: &str) -> Result<T, ReadError> {
        match self.value.get(name) {
            Some(value) => T::read(value, self.at.field(name)),
            None => Ok(T::default()),
        }
    }
}

/// `ReadStored` for a struct of named fields, each `required` or `or_default` (as its serde
/// derive has `#[serde(default)]` or is an `Option`): `read_by_hand!(Flow { first_url: or_default });`.
macro_rules! read_by_hand {
    ($type:ident { $($field:ident: $how:ident),* $(,)? }) => {
        impl $crate::tab::read_stored::ReadStored for $type {
            fn read(
                value: &$crate::tab::stored_value::StoredValue,
                at: $crate::tab::read_stored::At<'_>,
            ) -> Result<$type, $crate::tab::read_stored::ReadError> {
                let fields = $crate::tab::read_stored::Fields::of(value, at)?;
                Ok($type {
                    $($field: fields.$how(stringify!($field))?,)*
                })
            }
        }
    };
}
pub(crate) use read_by_hand;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_part() {
        assert_eq!(
            read_json::<Vec<String>>(r#"["a", 2]"#).map_err(|e| e.to_string()),
            Err("[1]: expected a string, found a number".to_owned())
        );
        assert_eq!(
            read_json::<Vec<Vec<bool>>>("[[true], [1]]").map_err(|e| e.to_string()),
            Err("[1][0]: expected a boolean, found a number".to_owned())
        );
        assert_eq!(
            read_json::<u32>("-1").map_err(|e| e.to_string()),
            Err("expected a whole number from 0 to 4294967295".to_owned())
        );
        assert_eq!(
            read_json::<bool>("[1,").map_err(|e| e.to_string()),
            Err("not JSON at character 4: the text ends where a value should be".to_owned())
        );
    }

    #[test]
    fn whole_numbers_read_as_serde_reads_them() {
        for (text, expected) in [
            ("0", Some(0)),
            ("-1", Some(-1)),
            ("1.5", None),
            ("-9223372036854775808", Some(i64::MIN)),
            ("9223372036854775808", None),
        ] {
            assert_eq!(read_json::<i64>(text).ok(), expected, "{text}");
        }
        assert_eq!(read_json::<u32>("4294967295").ok(), Some(u32::MAX));
        assert_eq!(read_json::<u32>("4294967296").ok(), None);
    }

    #[test]
    fn fields_read_by_name() {
        let value = json_text::parse(r#"{"a": "x", "c": null}"#).expect("JSON");
        let fields = Fields::of(&value, At::ROOT).expect("an object");
        assert_eq!(fields.required::<String>("a"), Ok("x".to_owned()));
        assert_eq!(fields.or_default::<Option<String>>("b"), Ok(None));
        assert_eq!(fields.required::<Option<String>>("c"), Ok(None));
        assert_eq!(
            fields.required::<String>("b").map_err(|e| e.to_string()),
            Err("missing field `b`".to_owned())
        );
        assert_eq!(fields.or_default::<Vec<String>>("b"), Ok(Vec::new()));
        assert_eq!(
            fields.or_default::<bool>("c").map_err(|e| e.to_string()),
            Err("c: expected a boolean, found null".to_owned())
        );
        assert!(Fields::of(&StoredValue::List(Vec::new()), At::ROOT).is_err());
    }
}
