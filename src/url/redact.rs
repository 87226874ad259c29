//! Hides secrets (federation tokens, temporary credentials, signatures) in any URL we echo.

/// Parameter names whose values are secrets, compared without regard to case and after
/// percent-decoding (`Signin%54oken` is `SigninToken`): federation tokens and temporary
/// credentials, SigV4 and SigV2 signed-URL parameters, and the OAuth authorization `code` and
/// `state` (a code is redeemable for a session until it is used).
pub const SECRET_PARAMETERS: [&str; 9] = [
    "SigninToken",
    "Session",
    "X-Amz-Signature",
    "X-Amz-Credential",
    "X-Amz-Security-Token",
    "Signature",
    "AWSAccessKeyId",
    "code",
    "state",
];

/// The longest name of `SECRET_PARAMETERS`, in bytes.
const LONGEST_NAME: usize = 20;

/// What replaces a secret value.
pub const REDACTED: &str = "[redacted]";

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

/// Whether `text` holds the value of a secret that grants something by itself: any of
/// `SECRET_PARAMETERS` but the OAuth `state`, which only ties a sign-in to its return address
/// (the console keeps `state=hashArgs#` there); `redact` hides it all the same.
pub fn holds_credential(text: &str) -> bool {
    if !may_hold_secret(text.as_bytes(), 0) {
        return false;
    }
    let mut found = false;
    for_each_secret(text.as_bytes(), |name, value_start, value_end| {
        found = value_end > value_start && !name.eq_ignore_ascii_case("state");
        !found
    });
    found
}

/// Calls `visit(name, value_start, value_end)` for every secret value, in text order, while it
/// returns true.
fn for_each_secret(bytes: &[u8], mut visit: impl FnMut(&'static str, usize, usize) -> bool) {
    let mut pos = 0;
    while pos < bytes.len() {
        // Every secret name starts with one of these letters or an escape: only there is a
        // closer look worth it.
        if !may_start_name(bytes[pos]) {
            pos += 1;
            continue;
        }
        let Some((name, value_start, value_end)) = secret_value_at(bytes, pos) else {
            pos += 1;
            continue;
        };
        if !visit(name, value_start, value_end) {
            return;
        }
        pos = value_end.max(pos + 1);
    }
}

/// Whether `redact` may change `text`: false proves it holds no secret (a quick test; true
/// only says it may).
pub(crate) fn may_need_redaction(text: &str) -> bool {
    may_hold_secret(text.as_bytes(), 0)
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
    let mut out = String::new();
    let mut copied = 0;
    for_each_secret(text.as_bytes(), |_, value_start, value_end| {
        // Both ends sit next to ASCII bytes, so they are character boundaries.
        out.push_str(&text[copied..value_start]);
        if value_end > value_start {
            out.push_str(REDACTED);
        }
        copied = value_end;
        true
    });
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
/// the first two letters of one (`si`, `se`, `st`, `x-`, `co`, `aw` in any case, either of them
/// possibly an escape) after a separator, a first letter or an escape after an escape (rarer,
/// so tested more loosely). A branch-free loop over equal-length lanes, which the compiler
/// turns into a few vector instructions: most blocks of a URL hold no such place.
fn block_may_hold_secret(window: &[u8; WINDOW]) -> bool {
    let name_start = |first: u8, second: u8| {
        let (letter, next) = (first | 0x20, second | 0x20);
        let escaped_next = second == b'%';
        (first == b'%')
            | ((letter == b's') & ((next == b'i') | (next == b'e') | (next == b't') | escaped_next))
            | ((letter == b'x') & ((next == b'-') | escaped_next))
            | ((letter == b'c') & ((next == b'o') | escaped_next))
            | ((letter == b'a') & ((next == b'w') | escaped_next))
    };
    let first_of_name = |b: u8| {
        let letter = b | 0x20;
        (letter == b's') | (letter == b'x') | (letter == b'c') | (letter == b'a') | (b == b'%')
    };
    let mut any = false;
    for i in 0..BLOCK {
        let b = window[i];
        let separator = (b == b'?') | (b == b'&') | (b == b'#') | (b == b';');
        let escape = b == b'%';
        any |= (separator & name_start(window[i + 1], window[i + 2]))
            | (escape & (first_of_name(window[i + 3]) | first_of_name(window[i + 5])));
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

/// Whether a byte may start a secret name: its first letter, or an escape of it.
fn may_start_name(byte: u8) -> bool {
    matches!(
        byte,
        b's' | b'S' | b'x' | b'X' | b'c' | b'C' | b'a' | b'A' | b'%'
    )
}

fn starts_with_secret_name(text: &[u8]) -> bool {
    secret_name_length(text).is_some()
}

fn secret_name_length(text: &[u8]) -> Option<usize> {
    secret_name_at(text).map(|(_, length)| length)
}

/// If `text` starts with a secret name and its `=`, each byte of either plain or
/// percent-encoded once or twice (a secret inside an encoded `redirect_uri` or `Destination`
/// is still a secret, and `Signin%54oken` is read as `SigninToken` by the server), the length
/// of both, with the name as listed.
fn secret_name_at(text: &[u8]) -> Option<(&'static str, usize)> {
    if !may_start_name(*text.first()?) {
        return None;
    }
    let mut name = [0u8; LONGEST_NAME];
    let mut len = 0;
    let mut pos = 0;
    loop {
        let (byte, width) = decoded_byte(&text[pos..])?;
        pos += width;
        if byte == b'=' {
            break;
        }
        if len == LONGEST_NAME || !(byte.is_ascii_alphanumeric() || byte == b'-') {
            return None;
        }
        name[len] = byte;
        len += 1;
    }
    let name = &name[..len];
    SECRET_PARAMETERS
        .iter()
        .find(|secret| secret.as_bytes().eq_ignore_ascii_case(name))
        .map(|secret| (*secret, pos))
}

/// The first byte of `text` percent-decoded (twice when the first escape gives `%` and another
/// escape follows), and how many bytes of `text` it took.
fn decoded_byte(text: &[u8]) -> Option<(u8, usize)> {
    let first = *text.first()?;
    let Some(once) = (first == b'%')
        .then(|| text.get(1..3).and_then(hex_pair))
        .flatten()
    else {
        return Some((first, 1));
    };
    match text.get(3..5).and_then(hex_pair) {
        Some(twice) if once == b'%' => Some((twice, 5)),
        _ => Some((once, 3)),
    }
}

fn hex_pair(pair: &[u8]) -> Option<u8> {
    let digit = |b: u8| (b as char).to_digit(16);
    Some((digit(pair[0])? * 16 + digit(pair[1])?) as u8)
}

/// If a secret parameter name starts at `pos` (after a boundary), the name as listed and the
/// byte range of its value.
fn secret_value_at(bytes: &[u8], pos: usize) -> Option<(&'static str, usize, usize)> {
    let before = &bytes[..pos];
    if !before.is_empty() && !BOUNDARIES.iter().any(|b| ends_with_ignore_case(before, b)) {
        return None;
    }
    let (name, length) = secret_name_at(&bytes[pos..])?;
    let value_start = pos + length;
    let value_len = (value_start..bytes.len())
        .find(|&i| {
            bytes[i].is_ascii_whitespace()
                || VALUE_ENDS
                    .iter()
                    .any(|end| starts_with_ignore_case(&bytes[i..], end))
        })
        .map_or(bytes.len() - value_start, |end| end - value_start);
    Some((name, value_start, value_start + value_len))
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
            text in "([a-z=&?#;%]|%3[dDfF]|%2[36]|%25|%253[dD]|%2526|%5[34]|%6[39]|%255[34]|session|SigninToken|x-amz-signature|X-Amz-Credential|x-amz-security-token|signature|AWSAccessKeyId|code|state|Co%64e|%73tate|\\x{e4}){0,12}"
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
            rest in "([/a-z=&?#;%]|%3[dDfF]|%2[36]|%253[dD]|%2526|%5[34]|session|SigninToken|x-amz-signature|code|state|AWSAccessKeyId){0,12}",
        ) {
            let text = format!("{authority}{rest}");
            proptest::prop_assert_eq!(redact_after(&text, authority.len()), redact(&text));
        }
    }

    #[test]
    fn similar_names_are_kept() {
        let text = "https://x.example/?MySession=keep&sessionDuration=3600&code_challenge=keep&statement=keep&xcode=keep";
        assert_eq!(redact(text), text);
    }

    #[test]
    fn state_alone_is_redacted_but_grants_nothing() {
        let captured = "https://signin.aws.amazon.com/oauth?redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com%2Fconsole%2Fhome%3Fstate%3DhashArgs%2523%26isauthcode%3Dtrue&response_type=code";
        assert_ne!(redact(captured), captured);
        assert!(!holds_credential(captured));
        assert!(holds_credential("https://x.example/cb?state=s&code=c"));
        assert!(holds_credential("https://x.example/?Signin%54oken=t"));
        assert!(!holds_credential("https://x.example/?SigninToken="));
    }

    #[test]
    fn oauth_code_and_state_are_redacted() {
        assert_eq!(
            redact("https://console.aws.amazon.com/console/home?code=AUTHCODE&state=hashArgs&isauthcode=true"),
            "https://console.aws.amazon.com/console/home?code=[redacted]&state=[redacted]&isauthcode=true"
        );
    }

    #[test]
    fn sigv2_signature_and_access_key_are_redacted() {
        assert_eq!(
            redact("https://bucket.s3.amazonaws.com/key?AWSAccessKeyId=AKIAEXAMPLE&Expires=1&Signature=abc%2Bdef"),
            "https://bucket.s3.amazonaws.com/key?AWSAccessKeyId=[redacted]&Expires=1&Signature=[redacted]"
        );
    }

    #[test]
    fn percent_encoded_names_are_read_as_the_server_reads_them() {
        assert_eq!(
            redact("https://signin.aws.amazon.com/federation?Action=login&Signin%54oken=abc123"),
            "https://signin.aws.amazon.com/federation?Action=login&Signin%54oken=[redacted]"
        );
        assert_eq!(
            redact("https://x.example/?%53ession=a&x%2Damz%2Dsignature%3Db&%2573tate%253Dc"),
            "https://x.example/?%53ession=[redacted]&x%2Damz%2Dsignature%3D[redacted]&%2573tate%253D[redacted]"
        );
    }
}
