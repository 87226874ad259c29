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
    redact_after(text, 0)
}

/// `redact` for a text that holds none of `?&#;%` in its first `skip` bytes and does not start
/// with a secret name (the scheme and authority of a plain URL): the quick test for secrets
/// starts after them.
pub(crate) fn redact_after(text: &str, skip: usize) -> String {
    debug_assert!(
        skip == 0
            || (!starts_with_secret_name(text.as_bytes())
                && !text.as_bytes()[..skip].iter().any(|b| b"?&#;%".contains(b)))
    );
    if !may_hold_secret(text.as_bytes(), skip) {
        return text.to_owned();
    }
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

/// Whether a secret name starts anywhere a boundary allows one (from byte `skip` on, see
/// `redact_after`): at the start, after `?`, `&`,
/// `#` or `;`, or after an escape (`%3F` and the like end three bytes before the name, `%253F`
/// and `%2526` five). `redact` finds nothing to hide in a text without one, and this test is
/// much cheaper than its look at every `s` and `x`.
fn may_hold_secret(bytes: &[u8], skip: usize) -> bool {
    if skip == 0 && starts_with_secret_name(bytes) {
        return true;
    }
    if bytes.len() < skip + WINDOW {
        return (skip..bytes.len()).any(|i| boundary_before_name(bytes, i));
    }
    // Blocks of `BLOCK` positions, each first tested as a whole by `block_may_hold_secret`;
    // the last block overlaps the one before so as to end at the text's end. Boundaries in the
    // last `LOOKAHEAD` bytes are left out: no secret name fits after them.
    let last = bytes.len() - WINDOW;
    let mut start = skip;
    loop {
        let block = start.min(last);
        // (Always `WINDOW` bytes; were it not, the exact test would run.)
        let window = bytes[block..].first_chunk::<WINDOW>();
        if window.is_none_or(block_may_hold_secret)
            && (block..block + BLOCK).any(|i| boundary_before_name(bytes, i))
        {
            return true;
        }
        if block == last {
            return false;
        }
        start += BLOCK;
    }
}

/// Positions tested at once by `block_may_hold_secret`.
const BLOCK: usize = 16;
/// How far past a boundary its test looks: to the first letter of a name after `%25XX`.
const LOOKAHEAD: usize = 5;
/// The bytes that `block_may_hold_secret` reads.
const WINDOW: usize = BLOCK + LOOKAHEAD;

/// Whether a boundary in the first `BLOCK` bytes is followed by what may start a secret name:
/// `si`, `se` or `x-` (in any case) after a separator, `s` or `x` after an escape (rarer, so
/// tested more loosely). A branch-free loop over equal-length lanes, which the compiler turns
/// into a few vector instructions: most blocks of a URL hold no such place.
fn block_may_hold_secret(window: &[u8; WINDOW]) -> bool {
    let s_or_x = |b: u8| (b | 0x20 == b's') | (b | 0x20 == b'x');
    let name_start = |first: u8, second: u8| {
        let (first, second) = (first | 0x20, second | 0x20);
        ((first == b's') & ((second == b'i') | (second == b'e')))
            | ((first == b'x') & (second == b'-'))
    };
    let mut any = false;
    for i in 0..BLOCK {
        let b = window[i];
        let separator = (b == b'?') | (b == b'&') | (b == b'#') | (b == b';');
        let escape = b == b'%';
        any |= (separator & name_start(window[i + 1], window[i + 2]))
            | (escape & (s_or_x(window[i + 3]) | s_or_x(window[i + 5])));
    }
    any
}

/// Whether the byte at `i` ends a boundary (or, for `%`, starts an escape) after which a
/// secret name begins.
fn boundary_before_name(bytes: &[u8], i: usize) -> bool {
    let name_at = |pos: usize| bytes.get(pos..).is_some_and(starts_with_secret_name);
    match bytes[i] {
        b'?' | b'&' | b'#' | b';' => name_at(i + 1),
        b'%' => name_at(i + 3) || name_at(i + 5),
        _ => false,
    }
}

fn starts_with_secret_name(text: &[u8]) -> bool {
    matches!(text.first(), Some(b's' | b'S' | b'x' | b'X'))
        && SECRET_PARAMETERS
            .iter()
            .any(|name| starts_with_ignore_case(text, name.as_bytes()))
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        /// The quick test never says "no secret" where the scan would redact something.
        #[test]
        fn quick_test_misses_no_secret(
            text in "([a-z=&?#;%]|%3[dDfF]|%2[36]|%25|%253[dD]|%2526|session|SigninToken|x-amz-signature|X-Amz-Credential|x-amz-security-token|\\x{e4}){0,12}"
        ) {
            let bytes = text.as_bytes();
            if !may_hold_secret(bytes, 0) {
                for pos in 0..bytes.len() {
                    proptest::prop_assert_eq!(secret_value_at(bytes, pos), None, "{:?} at {}", text, pos);
                }
            }
        }
    }

    proptest::proptest! {
        /// Skipping a URL's scheme and authority changes nothing.
        #[test]
        fn redacting_after_the_authority_is_redacting(
            authority in "[ ]?[hH][tT]{2}[pP][sS]?://[a-zA-Z0-9._-]{0,20}(:[0-9]{0,5})?",
            rest in "([/a-z=&?#;%]|%3[dDfF]|%2[36]|%253[dD]|%2526|session|SigninToken|x-amz-signature){0,12}",
        ) {
            let text = format!("{authority}{rest}");
            proptest::prop_assert_eq!(redact_after(&text, authority.len()), redact(&text));
        }
    }

    #[test]
    fn similar_names_are_kept() {
        let text = "https://x.example/?MySession=keep&sessionDuration=3600";
        assert_eq!(redact(text), text);
    }
}
