//! Text made safe for a terminal: input echoed in text output cannot move the cursor, change
//! colours, reverse the reading direction or hide characters.

use std::fmt;

/// Displays a string with control, bidirectional and invisible formatting characters escaped
/// (`\u{1b}`), so a crafted URL shows what it holds instead of driving the terminal. The empty
/// string shows as `""`.
pub struct Shown<'a>(pub &'a str);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("\"\"");
        }
        let mut rest = self.0;
        while let Some(at) = rest.find(signin_guard::url::hidden_text::is_hidden) {
            f.write_str(&rest[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            write!(f, "{}", c.escape_unicode())?;
            rest = &rest[at + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

#[cfg(test)]
mod tests {
    use super::Shown;

    #[test]
    fn terminal_escapes_and_bidi_overrides_are_escaped() {
        assert_eq!(
            Shown("https://a.example/\u{1b}[2J\u{202e}x\0").to_string(),
            "https://a.example/\\u{1b}[2J\\u{202e}x\\u{0}"
        );
    }

    #[test]
    fn ordinary_text_is_kept() {
        let text = "https://bücher.example/?q=été";
        assert_eq!(Shown(text).to_string(), text);
    }
}
