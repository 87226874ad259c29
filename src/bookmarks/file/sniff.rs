//! Checks done before parsing: byte-order marks, UTF-16, binary data, empty files.

use super::error::{ParseError, Position};
use super::lines::LineCounter;

/// How far into the file a NUL byte marks it as binary (as `git` and `grep` decide).
const BINARY_WINDOW: usize = 8 * 1024;

/// Checks the start of the file and returns the offset where the HTML starts (after a UTF-8
/// byte-order mark, if any).
pub(crate) fn content_start(bytes: &[u8]) -> Result<usize, ParseError> {
    const START: Position = Position { line: 1, column: 1 };
    for (mark, evidence) in [
        (
            &[0xFF, 0xFE, 0x00, 0x00][..],
            "UTF-32 byte-order mark FF FE 00 00",
        ),
        (
            &[0x00, 0x00, 0xFE, 0xFF][..],
            "UTF-32 byte-order mark 00 00 FE FF",
        ),
        (&[0xFF, 0xFE][..], "UTF-16 byte-order mark FF FE"),
        (&[0xFE, 0xFF][..], "UTF-16 byte-order mark FE FF"),
    ] {
        if bytes.starts_with(mark) {
            return Err(ParseError::Utf16 {
                at: START,
                evidence,
            });
        }
    }
    let start = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    if bytes[start..].iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::Empty);
    }
    let window = &bytes[..bytes.len().min(BINARY_WINDOW)];
    if let Some(nul) = window.iter().position(|&b| b == 0) {
        let at = LineCounter::new(bytes).position(nul);
        if looks_like_utf16(window) {
            return Err(ParseError::Utf16 {
                at,
                evidence: "NUL bytes between ASCII characters",
            });
        }
        return Err(ParseError::Binary { at });
    }
    Ok(start)
}

/// UTF-16 text without a byte-order mark: ASCII characters with NUL bytes between them, all
/// on even or all on odd offsets.
fn looks_like_utf16(window: &[u8]) -> bool {
    let head = &window[..window.len().min(64)];
    let nuls = |parity: usize| {
        head.iter()
            .enumerate()
            .filter(|(i, &b)| i % 2 == parity && b == 0)
            .count()
    };
    let half = head.len() / 2;
    half >= 4 && (nuls(0) == half || nuls(1) == half)
}

/// What a file that is not a bookmark export most likely is, from its first bytes.
pub(crate) fn looks_like(content: &[u8]) -> Option<&'static str> {
    let lower: Vec<u8> = content
        .iter()
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    let starts = |prefix: &[u8]| lower.starts_with(prefix);
    if starts(b"{") || starts(b"[") {
        Some("JSON, perhaps a browser's internal Bookmarks file: export bookmarks to HTML from the bookmark manager instead")
    } else if starts(b"<?xml") {
        Some("XML, not the HTML bookmark export format")
    } else if starts(b"<!doctype html") || starts(b"<html") {
        Some("an ordinary HTML page, not a bookmark export")
    } else if starts(b"%pdf") {
        Some("a PDF document")
    } else if starts(b"pk\x03\x04") {
        Some("a ZIP archive")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_byte_order_mark_is_skipped() {
        assert_eq!(content_start(b"\xEF\xBB\xBF<DL>"), Ok(3));
    }

    #[test]
    fn utf16_is_recognised_with_or_without_a_mark() {
        assert!(matches!(
            content_start(b"\xFF\xFE<\0D\0L\0"),
            Err(ParseError::Utf16 { .. })
        ));
        let text: Vec<u8> = "<!DOCTYPE NETSCAPE-Bookmark-file-1>"
            .bytes()
            .flat_map(|b| [b, 0])
            .collect();
        assert!(matches!(
            content_start(&text),
            Err(ParseError::Utf16 { .. })
        ));
    }

    #[test]
    fn nul_byte_marks_a_binary_file_with_its_position() {
        let err = content_start(b"<DL>\nab\0cd").expect_err("binary");
        assert_eq!(
            err,
            ParseError::Binary {
                at: Position { line: 2, column: 3 }
            }
        );
    }

    #[test]
    fn white_space_only_is_empty() {
        assert_eq!(content_start(b" \r\n\t"), Err(ParseError::Empty));
    }
}
