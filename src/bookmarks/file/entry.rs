//! The bytes a bookmark takes in a file, so deleting it removes its entry and nothing else:
//! `<DT><A …>Title</A>`, with its line when it has one to itself and its `<DD>` description.

use std::ops::Range;

/// The bytes of the entry of the bookmark whose `<A …>` start tag is at `tag`.
///
/// From its `<DT>` (when one is right before it) to its `</A>`; when the entry has its line to
/// itself (as every exporter writes it), the whole line with its line end, and the `<DD>`
/// description lines after it (Firefox writes those).
pub(super) fn entry_bytes(bytes: &[u8], tag: Range<usize>) -> Range<usize> {
    let mut start = tag.start;
    let before = blanks_before(bytes, start);
    if before >= 4 && bytes[before - 4..before].eq_ignore_ascii_case(b"<dt>") {
        start = before - 4;
    }
    let mut end = next_tag(bytes, tag.end.min(bytes.len()));
    if starts_with_ignoring_case(&bytes[end..], b"</a>") {
        end += 4;
    }
    let line_start = blanks_before(bytes, start);
    if line_start != 0 && bytes[line_start - 1] != b'\n' {
        return start..end;
    }
    let after = blanks_after(bytes, end);
    if after < bytes.len() && bytes[after] != b'\n' {
        return start..end;
    }
    let mut end = (after + 1).min(bytes.len());
    let description = blanks_after(bytes, end);
    if starts_with_ignoring_case(&bytes[description..], b"<dd>") {
        let text_end = next_tag(bytes, description + 4);
        end = bytes[description..text_end]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(text_end, |i| description + i + 1);
    }
    line_start..end
}

/// The offset of the next `<` at or after `from`, or the end.
fn next_tag(bytes: &[u8], from: usize) -> usize {
    memchr::memchr(b'<', &bytes[from..]).map_or(bytes.len(), |i| from + i)
}

/// Where the spaces and tabs (and a `\r`) just before `at` begin.
fn blanks_before(bytes: &[u8], mut at: usize) -> usize {
    while at > 0 && matches!(bytes[at - 1], b' ' | b'\t' | b'\r') {
        at -= 1;
    }
    at
}

/// Where the spaces and tabs (and a `\r`) from `at` end.
fn blanks_after(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'\r') {
        at += 1;
    }
    at
}

fn starts_with_ignoring_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text left when the entry of the `<A` at `anchor` is cut out.
    fn without(text: &str, anchor: &str) -> String {
        let start = text.find(anchor).expect("anchor");
        let end = start + text[start..].find('>').expect("tag end") + 1;
        let range = entry_bytes(text.as_bytes(), start..end);
        format!("{}{}", &text[..range.start], &text[range.end..])
    }

    #[test]
    fn an_entry_on_its_own_line_goes_with_its_line() {
        let text = "<DL><p>\n    <DT><A HREF=\"a\">A</A>\n    <DT><A HREF=\"b\">B</A>\n</DL>\n";
        assert_eq!(
            without(text, "<A HREF=\"a\""),
            "<DL><p>\n    <DT><A HREF=\"b\">B</A>\n</DL>\n"
        );
    }

    #[test]
    fn crlf_line_ends_and_the_last_line_without_one() {
        let text = "<DL>\r\n<DT><A HREF=\"a\">A</A>\r\n<DT><A HREF=\"b\">B</A>";
        assert_eq!(
            without(text, "<A HREF=\"a\""),
            "<DL>\r\n<DT><A HREF=\"b\">B</A>"
        );
        assert_eq!(
            without(text, "<A HREF=\"b\""),
            "<DL>\r\n<DT><A HREF=\"a\">A</A>\r\n"
        );
    }

    #[test]
    fn its_description_goes_with_it() {
        let text = "    <DT><A HREF=\"a\">A</A>\n    <DD>About a\n    and more\n    <DT><A HREF=\"b\">B</A>\n";
        assert_eq!(
            without(text, "<A HREF=\"a\""),
            "    <DT><A HREF=\"b\">B</A>\n"
        );
    }

    #[test]
    fn entries_sharing_a_line_leave_the_others_there() {
        let text = "<DL><DT><A HREF=\"a\">A</A><DT><A HREF=\"b\">B</A></DL>";
        assert_eq!(
            without(text, "<A HREF=\"a\""),
            "<DL><DT><A HREF=\"b\">B</A></DL>"
        );
        assert_eq!(
            without(text, "<A HREF=\"b\""),
            "<DL><DT><A HREF=\"a\">A</A></DL>"
        );
    }

    #[test]
    fn an_anchor_without_dt_or_closing_tag() {
        let text = "<DL>\n<A HREF=\"a\">A\n<DT><A HREF=\"b\">B</A>\n";
        assert_eq!(
            without(text, "<A HREF=\"a\""),
            "<DL>\n<DT><A HREF=\"b\">B</A>\n"
        );
    }
}
