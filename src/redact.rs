//! Hides secrets (federation tokens, temporary credentials, signatures) in any URL we echo.

/// Parameter names whose values are secrets, compared without regard to case.
pub const SECRET_PARAMETERS: [&str; 5] = [
    "SigninToken",
    "Session",
    "X-Amz-Signature",
    "X-Amz-Credential",
    "X-Amz-Security-Token",
];

/// What replaces a secret value.
pub const REDACTED: &str = "[redacted]";

/// Separators between a name and its value: plain, percent-encoded once, or twice
/// (a secret inside an encoded `redirect_uri` or `Destination` is still a secret).
const EQUALS: [&[u8]; 3] = [b"=", b"%3d", b"%253d"];

/// Where a value ends: the next parameter (plain or encoded), the fragment, or whitespace.
const VALUE_ENDS: [&[u8]; 4] = [b"&", b"#", b"%26", b"%2526"];

/// What may stand before a parameter name: `?`, `&`, `#`, `;` or their percent-encoded forms,
/// so `MySession=` is not mistaken for `Session=`.
const BOUNDARIES: [&[u8]; 9] = [
    b"?", b"&", b"#", b";", b"%3f", b"%26", b"%23", b"%253f", b"%2526",
];

/// Returns `text` with the value of every secret parameter replaced by `[redacted]`, wherever
/// the parameter appears (query, fragment, or nested inside an encoded URL). The rest of the text
/// is kept byte for byte.
pub fn redact(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut pos = 0;
    while pos < bytes.len() {
        // Every secret name starts with `s` or `x`: only there is a closer look worth it.
        if !matches!(bytes[pos], b's' | b'S' | b'x' | b'X') {
            pos += 1;
            continue;
        }
        let Some((value_start, value_end)) = secret_value_at(bytes, pos) else {
            pos += 1;
            continue;
        };
        // Both ends sit next to ASCII bytes, so they are character boundaries.
        out.push_str(&text[copied..value_start]);
        if value_end > value_start {
            out.push_str(REDACTED);
        }
        copied = value_end;
        pos = value_end.max(pos + 1);
    }
    if copied == 0 {
        return text.to_owned();
    }
    out.push_str(&text[copied..]);
    out
}

/// If a secret parameter name starts at `pos` (after a boundary), the byte range of its value.
fn secret_value_at(bytes: &[u8], pos: usize) -> Option<(usize, usize)> {
    let before = &bytes[..pos];
    if !before.is_empty() && !BOUNDARIES.iter().any(|b| ends_with_ignore_case(before, b)) {
        return None;
    }
    let rest = &bytes[pos..];
    let name = SECRET_PARAMETERS
        .iter()
        .find(|name| starts_with_ignore_case(rest, name.as_bytes()))?;
    let after_name = pos + name.len();
    let equals = EQUALS
        .iter()
        .find(|eq| starts_with_ignore_case(&bytes[after_name..], eq))?;
    let value_start = after_name + equals.len();
    let value_len = (value_start..bytes.len())
        .find(|&i| {
            bytes[i].is_ascii_whitespace()
                || VALUE_ENDS
                    .iter()
                    .any(|end| starts_with_ignore_case(&bytes[i..], end))
        })
        .map_or(bytes.len() - value_start, |end| end - value_start);
    Some((value_start, value_start + value_len))
}

fn starts_with_ignore_case(text: &[u8], prefix: &[u8]) -> bool {
    text.len() >= prefix.len() && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn ends_with_ignore_case(text: &[u8], suffix: &[u8]) -> bool {
    text.len() >= suffix.len() && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signin_token_value_is_redacted() {
        assert_eq!(
            redact(
                "https://signin.aws.amazon.com/federation?Action=login&SigninToken=abc123&Issuer=x"
            ),
            "https://signin.aws.amazon.com/federation?Action=login&SigninToken=[redacted]&Issuer=x"
        );
    }

    #[test]
    fn empty_token_stays_empty() {
        assert_eq!(
            redact("https://signin.aws.amazon.com/federation?SigninToken="),
            "https://signin.aws.amazon.com/federation?SigninToken="
        );
    }

    #[test]
    fn encoded_nested_secret_is_redacted() {
        assert_eq!(
            redact(
                "https://x.example/?next=https%3A%2F%2Fb%2F%3Fx-amz-signature%3Ddeadbeef%26a%3D1"
            ),
            "https://x.example/?next=https%3A%2F%2Fb%2F%3Fx-amz-signature%3D[redacted]%26a%3D1"
        );
    }

    #[test]
    fn similar_names_are_kept() {
        let text = "https://x.example/?MySession=keep&sessionDuration=3600";
        assert_eq!(redact(text), text);
    }
}
