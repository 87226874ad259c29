//! HTML character references in attribute values and titles (`&amp;`, `&#39;`, `&#x27;`).
//!
//! Bookmark exporters only ever write a handful of them; anything unknown is kept as written.

use std::borrow::Cow;

/// Named references that bookmark exporters write, with the text they stand for.
const NAMED: [(&[u8], &str); 7] = [
    (b"amp", "&"),
    (b"lt", "<"),
    (b"gt", ">"),
    (b"quot", "\""),
    (b"apos", "'"),
    (b"nbsp", "\u{a0}"),
    (b"#39", "'"),
];

/// Longest reference we look at, `&#x10FFFF;` included.
const MAX_REFERENCE_LEN: usize = 10;

/// Decodes character references, then reads the bytes as UTF-8, replacing invalid sequences
/// with U+FFFD. Borrows when there is nothing to change.
pub(crate) fn decode_lossy(raw: &[u8]) -> Cow<'_, str> {
    if !raw.contains(&b'&') {
        return String::from_utf8_lossy(raw);
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut pos = 0;
    while pos < raw.len() {
        let byte = raw[pos];
        if byte == b'&' {
            if let Some((text, len)) = reference_at(&raw[pos + 1..]) {
                out.extend_from_slice(text.as_bytes());
                pos += 1 + len;
                continue;
            }
        }
        out.push(byte);
        pos += 1;
    }
    Cow::Owned(
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

/// Whether the bytes hold at least one character reference we decode (so the writer escaped `&`).
pub(crate) fn has_reference(raw: &[u8]) -> bool {
    raw.iter()
        .enumerate()
        .any(|(i, &b)| b == b'&' && reference_at(&raw[i + 1..]).is_some())
}

/// Whether the bytes hold an `&` that starts no reference (so the writer left `&` as is).
pub(crate) fn has_bare_ampersand(raw: &[u8]) -> bool {
    raw.iter()
        .enumerate()
        .any(|(i, &b)| b == b'&' && reference_at(&raw[i + 1..]).is_none())
}

/// The text of the reference starting right after an `&`, and how many bytes it spans
/// (through the `;`). References must end with `;`: `&region=` in a URL is no reference.
fn reference_at(after_ampersand: &[u8]) -> Option<(Cow<'static, str>, usize)> {
    let window = &after_ampersand[..after_ampersand.len().min(MAX_REFERENCE_LEN)];
    let end = window.iter().position(|&b| b == b';')?;
    let name = &window[..end];
    if let Some((_, text)) = NAMED.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
        return Some((Cow::Borrowed(text), end + 1));
    }
    let number = name.strip_prefix(b"#")?;
    let value = match number.first() {
        Some(b'x' | b'X') => parse_number(&number[1..], 16)?,
        _ => parse_number(number, 10)?,
    };
    let c = char::from_u32(value).filter(|&c| c != '\0')?;
    Some((Cow::Owned(c.to_string()), end + 1))
}

fn parse_number(digits: &[u8], radix: u32) -> Option<u32> {
    if digits.is_empty() {
        return None;
    }
    let text = std::str::from_utf8(digits).ok()?;
    u32::from_str_radix(text, radix).ok()
}

/// Writes `text` for an attribute value: `&` as `&amp;` if `escape_ampersand`, and the quote
/// that delimits the value as a reference.
pub(crate) fn escape_attribute(text: &str, escape_ampersand: bool, quote: Option<u8>) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' if escape_ampersand => out.push_str("&amp;"),
            '"' if quote == Some(b'"') => out.push_str("&quot;"),
            '\'' if quote == Some(b'\'') => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ampersand_entities_in_a_url_are_decoded() {
        assert_eq!(
            decode_lossy(b"https://x/?a=1&amp;b=2"),
            "https://x/?a=1&b=2"
        );
    }

    #[test]
    fn bare_ampersand_parameters_are_not_references() {
        let raw = b"https://x/?a=1&region=us-east-1&lt=2";
        assert_eq!(decode_lossy(raw), "https://x/?a=1&region=us-east-1&lt=2");
        assert!(has_bare_ampersand(raw));
        assert!(!has_reference(raw));
    }

    #[test]
    fn numeric_references_are_decoded() {
        assert_eq!(decode_lossy(b"&#39;&#x41;&#233;&#0;"), "'A\u{e9}&#0;");
    }

    #[test]
    fn latin1_bytes_become_replacement_characters() {
        assert_eq!(decode_lossy(b"Caf\xe9 &amp; bar"), "Caf\u{fffd} & bar");
    }

    #[test]
    fn escaping_follows_the_quote() {
        assert_eq!(
            escape_attribute("a&b\"c'", true, Some(b'"')),
            "a&amp;b&quot;c'"
        );
        assert_eq!(
            escape_attribute("a&b\"c'", false, Some(b'\'')),
            "a&b\"c&#39;"
        );
    }
}
