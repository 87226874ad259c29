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
const EQUALS: [&str; 3] = ["=", "%3d", "%253d"];

/// Where a value ends: the next parameter (plain or encoded), the fragment, or whitespace.
const VALUE_ENDS: [&str; 4] = ["&", "#", "%26", "%2526"];

/// Returns `text` with the value of every secret parameter replaced by `[redacted]`, wherever
/// the parameter appears (query, fragment, or nested inside an encoded URL). The rest of the text
/// is kept byte for byte.
pub fn redact(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut pos = 0;
    while pos < text.len() {
        let Some((value_start, value_end)) = secret_value_at(&lower, pos) else {
            pos += lower[pos..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        out.push_str(&text[copied..value_start]);
        if value_end > value_start {
            out.push_str(REDACTED);
        }
        copied = value_end;
        pos = value_end.max(pos + 1);
    }
    out.push_str(&text[copied..]);
    out
}

/// If a secret parameter name starts at `pos` (after a boundary), the byte range of its value.
fn secret_value_at(lower: &str, pos: usize) -> Option<(usize, usize)> {
    if !at_parameter_boundary(lower, pos) {
        return None;
    }
    let rest = &lower[pos..];
    let name = SECRET_PARAMETERS
        .iter()
        .find(|name| rest.starts_with(&name.to_ascii_lowercase()))?;
    let after_name = pos + name.len();
    let equals = EQUALS
        .iter()
        .find(|eq| lower[after_name..].starts_with(**eq))?;
    let value_start = after_name + equals.len();
    let value_len = lower[value_start..]
        .char_indices()
        .find(|(i, c)| {
            c.is_whitespace() || VALUE_ENDS.iter().any(|end| lower[value_start + i..].starts_with(end))
        })
        .map_or(lower.len() - value_start, |(i, _)| i);
    Some((value_start, value_start + value_len))
}

/// A parameter name counts only at the start of the text or after `?`, `&`, `#`, `;`
/// or their percent-encoded forms, so `MySession=` is not mistaken for `Session=`.
fn at_parameter_boundary(lower: &str, pos: usize) -> bool {
    let before = &lower[..pos];
    before.is_empty()
        || ["?", "&", "#", ";", "%3f", "%26", "%23", "%253f", "%2526"]
            .iter()
            .any(|b| before.ends_with(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signin_token_value_is_redacted() {
        assert_eq!(
            redact("https://signin.aws.amazon.com/federation?Action=login&SigninToken=abc123&Issuer=x"),
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
            redact("https://x.example/?next=https%3A%2F%2Fb%2F%3Fx-amz-signature%3Ddeadbeef%26a%3D1"),
            "https://x.example/?next=https%3A%2F%2Fb%2F%3Fx-amz-signature%3D[redacted]%26a%3D1"
        );
    }

    #[test]
    fn similar_names_are_kept() {
        let text = "https://x.example/?MySession=keep&sessionDuration=3600";
        assert_eq!(redact(text), text);
    }
}
