//! Reads one tag at a time from the bytes of an HTML file: no tree, no recursion, no copies.
//!
//! Only what bookmark files need: start and end tags with one wanted attribute, comments and
//! declarations. Sloppy markup ends a tag early instead of swallowing the rest of the file.

use std::ops::Range;

/// How an attribute value was delimited in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quote {
    /// `HREF="…"`
    Double,
    /// `HREF='…'`
    Single,
    /// `HREF=…`
    Unquoted,
}

impl Quote {
    /// The quote byte, if any.
    pub fn byte(self) -> Option<u8> {
        match self {
            Quote::Double => Some(b'"'),
            Quote::Single => Some(b'\''),
            Quote::Unquoted => None,
        }
    }
}

/// The value of the attribute a caller asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AttributeValue {
    /// The value's bytes in the file, quotes excluded.
    pub(crate) range: Range<usize>,
    /// How it was quoted.
    pub(crate) quote: Quote,
}

/// What kind of markup starts at a `<`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TagKind<'a> {
    /// `<NAME …>`; the name as written (any case).
    Start(&'a [u8]),
    /// `</NAME>`.
    End(&'a [u8]),
    /// `<!…>` or `<?…>`, the text between the markers.
    Declaration(&'a [u8]),
    /// `<!-- … -->`.
    Comment,
    /// A `<` that starts no tag (`a < b` in text).
    NotATag,
}

/// What a sloppy tag left unclosed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unclosed {
    /// The tag has no `>` before the next `<` or the end of the file.
    Tag,
    /// A quoted value has no closing quote on its line.
    QuotedValue,
    /// `<!--` without `-->`.
    Comment,
}

/// One tag read from the file.
#[derive(Debug)]
pub(crate) struct Tag<'a> {
    pub(crate) kind: TagKind<'a>,
    /// Offset just after the tag: where text or the next tag starts.
    pub(crate) end: usize,
    /// The wanted attribute's value (the first one, as browsers read it).
    pub(crate) wanted: Option<AttributeValue>,
    /// What was tolerated, if anything.
    pub(crate) sloppiness: Option<Unclosed>,
}

/// Reads the markup starting at `bytes[at] == b'<'`; `wanted` names the attribute (lowercase)
/// whose value to return for start tags.
pub(crate) fn read_tag<'a>(bytes: &'a [u8], at: usize, wanted: &[u8]) -> Tag<'a> {
    let rest = &bytes[at + 1..];
    let mut tag = Tag {
        kind: TagKind::NotATag,
        end: at + 1,
        wanted: None,
        sloppiness: None,
    };
    match rest.first() {
        Some(b'!') if rest.starts_with(b"!--") => {
            tag.kind = TagKind::Comment;
            match find(bytes, at + 4, b"-->") {
                Some(close) => tag.end = close + 3,
                None => {
                    tag.end = bytes.len();
                    tag.sloppiness = Some(Unclosed::Comment);
                }
            }
        }
        Some(b'!' | b'?') => {
            let (end, closed) = skip_to_tag_end(bytes, at + 2);
            let body_end = if closed { end - 1 } else { end };
            tag.kind = TagKind::Declaration(&bytes[at + 2..body_end]);
            tag.end = end;
            tag.sloppiness = (!closed).then_some(Unclosed::Tag);
        }
        Some(b'/') if rest.get(1).is_some_and(u8::is_ascii_alphabetic) => {
            let name_end = name_end(bytes, at + 2);
            let (end, closed) = skip_to_tag_end(bytes, name_end);
            tag.kind = TagKind::End(&bytes[at + 2..name_end]);
            tag.end = end;
            tag.sloppiness = (!closed).then_some(Unclosed::Tag);
        }
        Some(b) if b.is_ascii_alphabetic() => {
            let name_end = name_end(bytes, at + 1);
            tag.kind = TagKind::Start(&bytes[at + 1..name_end]);
            read_attributes(bytes, name_end, wanted, &mut tag);
        }
        _ => {}
    }
    tag
}

/// Where a tag name that starts at `from` ends.
fn name_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .map_or(bytes.len(), |i| from + i)
}

/// The offset after the next `>` (closed), or of the next `<` or the end (unclosed).
fn skip_to_tag_end(bytes: &[u8], from: usize) -> (usize, bool) {
    match memchr::memchr2(b'>', b'<', &bytes[from..]) {
        Some(i) if bytes[from + i] == b'>' => (from + i + 1, true),
        Some(i) => (from + i, false),
        None => (bytes.len(), false),
    }
}

/// Reads `name=value` pairs up to the `>` that closes the tag, keeping the wanted value.
fn read_attributes(bytes: &[u8], mut pos: usize, wanted: &[u8], tag: &mut Tag<'_>) {
    loop {
        while pos < bytes.len() && (bytes[pos].is_ascii_whitespace() || bytes[pos] == b'/') {
            pos += 1;
        }
        match bytes.get(pos) {
            None => {
                tag.end = bytes.len();
                tag.sloppiness.get_or_insert(Unclosed::Tag);
                return;
            }
            Some(b'>') => {
                tag.end = pos + 1;
                return;
            }
            Some(b'<') => {
                tag.end = pos;
                tag.sloppiness.get_or_insert(Unclosed::Tag);
                return;
            }
            Some(_) => {}
        }
        let name_start = pos;
        pos += 1;
        while pos < bytes.len()
            && !matches!(bytes[pos], b'=' | b'>' | b'<' | b'/')
            && !bytes[pos].is_ascii_whitespace()
        {
            pos += 1;
        }
        let name = &bytes[name_start..pos];
        let mut after = pos;
        while after < bytes.len() && bytes[after].is_ascii_whitespace() {
            after += 1;
        }
        if bytes.get(after) != Some(&b'=') {
            continue; // An attribute without a value, like `checked`.
        }
        pos = after + 1;
        while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let (value, next) = read_value(bytes, pos, tag);
        if tag.wanted.is_none() && name.eq_ignore_ascii_case(wanted) {
            tag.wanted = Some(value);
        }
        pos = next;
    }
}

/// Reads a value starting at `pos`; returns it and the offset after it.
fn read_value(bytes: &[u8], pos: usize, tag: &mut Tag<'_>) -> (AttributeValue, usize) {
    let quote = match bytes.get(pos) {
        Some(b'"') => Quote::Double,
        Some(b'\'') => Quote::Single,
        _ => Quote::Unquoted,
    };
    match quote.byte() {
        Some(q) => {
            let start = pos + 1;
            // Exporters never put a line break inside a value: one there means the quote was
            // never closed, and the damage stops at the end of the line.
            match memchr::memchr2(q, b'\n', &bytes[start..]) {
                Some(i) if bytes[start + i] == q => (
                    AttributeValue {
                        range: start..start + i,
                        quote,
                    },
                    start + i + 1,
                ),
                found => {
                    let end = found.map_or(bytes.len(), |i| start + i);
                    tag.sloppiness = Some(Unclosed::QuotedValue);
                    (
                        AttributeValue {
                            range: start..end,
                            quote,
                        },
                        end,
                    )
                }
            }
        }
        None => {
            let end = bytes[pos..]
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'<')
                .map_or(bytes.len(), |i| pos + i);
            (
                AttributeValue {
                    range: pos..end,
                    quote,
                },
                end,
            )
        }
    }
}

/// The offset of `needle` in `bytes` at or after `from`.
pub(crate) fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn href(text: &str) -> (String, Quote, usize) {
        let tag = read_tag(text.as_bytes(), 0, b"href");
        let value = tag.wanted.expect("href");
        (text[value.range].to_owned(), value.quote, tag.end)
    }

    #[test]
    fn quoted_unquoted_and_single_quoted_values() {
        assert_eq!(
            href(r#"<A HREF="x y" ADD_DATE="1">"#),
            ("x y".into(), Quote::Double, 27)
        );
        assert_eq!(href("<a href='x\"y'>").0, "x\"y");
        assert_eq!(href("<a Href=x>"), ("x".into(), Quote::Unquoted, 10));
        assert_eq!(
            href("<a icon=\"a>b\" href = \"u\">"),
            ("u".into(), Quote::Double, 25)
        );
    }

    #[test]
    fn first_of_two_hrefs_wins() {
        assert_eq!(href(r#"<A HREF="one" href="two">"#).0, "one");
    }

    #[test]
    fn unclosed_quote_stops_at_the_end_of_the_line() {
        let text = "<A HREF=\"https://x\n<DT><A HREF=\"y\">";
        let tag = read_tag(text.as_bytes(), 0, b"href");
        assert_eq!(tag.wanted.map(|v| &text[v.range]), Some("https://x"));
        assert_eq!(tag.end, 19);
        assert!(tag.sloppiness.is_some());
    }

    #[test]
    fn comments_and_declarations() {
        let tag = read_tag(b"<!-- a > b --><p>", 0, b"href");
        assert_eq!((tag.kind, tag.end), (TagKind::Comment, 14));
        let tag = read_tag(b"<!DOCTYPE x>", 0, b"href");
        assert_eq!(tag.kind, TagKind::Declaration(b"DOCTYPE x"));
        assert_eq!(read_tag(b"< 3", 0, b"href").kind, TagKind::NotATag);
        assert_eq!(read_tag(b"</DL><p>", 0, b"href").kind, TagKind::End(b"DL"));
    }

    #[test]
    fn tag_cut_off_at_the_end_of_the_file() {
        let tag = read_tag(b"<A HREF=\"x", 0, b"href");
        assert_eq!(tag.end, 10);
        assert_eq!(tag.sloppiness, Some(Unclosed::QuotedValue));
    }
}
