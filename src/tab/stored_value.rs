//! A value as JS or JSON gives it, before it is checked: what each part is, so that a wrong part
//! can be named ("accounts[2].alias: expected a string, found a number"). The known accounts and
//! the `aws-userInfo` cookie are read through it; `serde_json::Value` would do the same, but its
//! map and number types cost the core package ~5 KB gzipped. Filled by the hand JSON reader
//! (`json_text`, the wake package's, which has no serde deserializer) or by any serde deserializer
//! (serde_json, in the other builds).

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// One value, as given.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum StoredValue {
    /// `null` (or `undefined`, or nothing).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number (JS has no other kind).
    Number(f64),
    /// A string.
    Text(String),
    /// A list.
    List(Vec<StoredValue>),
    /// An object's fields, in order.
    Object(Vec<(String, StoredValue)>),
}

impl StoredValue {
    /// A field of an object (the last one of that name, as `JSON.parse` keeps); `None` for a
    /// missing field or when this is no object.
    pub(crate) fn get(&self, field: &str) -> Option<&StoredValue> {
        match self {
            StoredValue::Object(fields) => fields.iter().rev().find(|(name, _)| name == field),
            _ => None,
        }
        .map(|(_, value)| value)
    }

    /// What it is, in JSON terms, as messages say it: "a number".
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            StoredValue::Null => "null",
            StoredValue::Bool(_) => "a boolean",
            StoredValue::Number(_) => "a number",
            StoredValue::Text(_) => "a string",
            StoredValue::List(_) => "a list",
            StoredValue::Object(_) => "an object",
        }
    }

    /// What it is, as serde's messages name it (a number as serde_json reads the one
    /// `JSON.stringify` writes: an integer when it has no fraction).
    pub(crate) fn unexpected(&self) -> serde::de::Unexpected<'_> {
        use serde::de::Unexpected;
        match self {
            StoredValue::Null => Unexpected::Unit,
            StoredValue::Bool(value) => Unexpected::Bool(*value),
            StoredValue::Number(n)
                if n.fract() == 0.0 && *n >= 0.0 && *n < 18_446_744_073_709_551_616.0 =>
            {
                Unexpected::Unsigned(*n as u64)
            }
            StoredValue::Number(n)
                if n.fract() == 0.0 && *n < 0.0 && *n >= -9_223_372_036_854_775_808.0 =>
            {
                Unexpected::Signed(*n as i64)
            }
            StoredValue::Number(n) => Unexpected::Float(*n),
            StoredValue::Text(text) => Unexpected::Str(text),
            StoredValue::List(_) => Unexpected::Seq,
            StoredValue::Object(_) => Unexpected::Map,
        }
    }

    /// How a message quotes a scalar: `2`, `"1"`; a list or an object by its kind.
    pub(crate) fn quoted(&self) -> String {
        match self {
            StoredValue::Null => "null".to_owned(),
            StoredValue::Bool(value) => value.to_string(),
            StoredValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => (*n as i64).to_string(),
            // As JSON writes it, not by `f64`'s `Display`, whose exact algorithm would cost the
            // wake package ~15 KB (serde_json's shortest form is already in it).
            StoredValue::Number(n) => serde_json::Number::from_f64(*n)
                .map_or_else(|| "a number".to_owned(), |n| n.to_string()),
            StoredValue::Text(text) => format!("{text:?}"),
            other => other.kind().to_owned(),
        }
    }
}

impl<'de> Deserialize<'de> for StoredValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<StoredValue, D::Error> {
        deserializer.deserialize_any(StoredVisitor)
    }
}

struct StoredVisitor;

impl<'de> Visitor<'de> for StoredVisitor {
    type Value = StoredValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<StoredValue, E> {
        Ok(StoredValue::Null)
    }

    fn visit_none<E>(self) -> Result<StoredValue, E> {
        Ok(StoredValue::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<StoredValue, D::Error> {
        StoredValue::deserialize(deserializer)
    }

    fn visit_bool<E>(self, value: bool) -> Result<StoredValue, E> {
        Ok(StoredValue::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<StoredValue, E> {
        Ok(StoredValue::Number(value as f64))
    }

    fn visit_u64<E>(self, value: u64) -> Result<StoredValue, E> {
        Ok(StoredValue::Number(value as f64))
    }

    fn visit_f64<E>(self, value: f64) -> Result<StoredValue, E> {
        Ok(StoredValue::Number(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<StoredValue, E> {
        Ok(StoredValue::Text(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<StoredValue, E> {
        Ok(StoredValue::Text(value))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<StoredValue, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(StoredValue::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StoredValue, A::Error> {
        let mut fields = Vec::new();
        while let Some(field) = map.next_entry()? {
            fields.push(field);
        }
        Ok(StoredValue::Object(fields))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_every_json_value() {
        let value: StoredValue = serde_json::from_value(json!(
            {"a": [null, true, 2, -3, 1.5, "x"], "b": {}}
        ))
        .expect("any JSON reads");
        let list = StoredValue::List(vec![
            StoredValue::Null,
            StoredValue::Bool(true),
            StoredValue::Number(2.0),
            StoredValue::Number(-3.0),
            StoredValue::Number(1.5),
            StoredValue::Text("x".to_owned()),
        ]);
        assert_eq!(value.get("a"), Some(&list));
        assert_eq!(value.get("b").map(StoredValue::kind), Some("an object"));
        assert_eq!(value.get("c"), None);
        let twice: StoredValue = serde_json::from_str(r#"{"a": 1, "a": 2}"#).expect("reads");
        assert_eq!(twice.get("a"), Some(&StoredValue::Number(2.0)));
    }

    #[test]
    fn messages_quote_scalars_and_name_the_rest() {
        assert_eq!(StoredValue::Number(2.0).quoted(), "2");
        assert_eq!(StoredValue::Number(1.5).quoted(), "1.5");
        assert_eq!(StoredValue::Text("1".to_owned()).quoted(), "\"1\"");
        assert_eq!(StoredValue::List(Vec::new()).quoted(), "a list");
    }
}
