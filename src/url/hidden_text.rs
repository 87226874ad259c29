//! Characters that hide or reorder text when shown: what a display name may not hold and what the
//! CLI escapes before printing.

/// C0/C1 controls, and the format characters that reorder or hide text: soft hyphen, Arabic
/// letter mark, zero-width characters and marks, line and paragraph separators, bidi embeddings,
/// overrides and isolates, invisible operators, byte-order mark.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{61c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{feff}'
        )
}
