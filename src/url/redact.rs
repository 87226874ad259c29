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

// `secret_name_at` compares the first three bytes of every name.
const _: () = {
    let mut i = 0;
    while i < SECRET_PARAMETERS.len() {
        assert!(
            SECRET_PARAMETERS[i].len() >= 3,
            "a secret name of fewer than 3 bytes"
        );
        i += 1;
    }
};

/// The longest name of `SECRET_PARAMETERS`, in bytes.
const LONGEST_NAME: usize = 20;

/// What replaces a secret value.
pub const REDACTED: &str = "[redacted]";

/// Where a value ends: the next parameter (plain or encoded), the fragment, or whitespace.
const VALUE_ENDS: [&[u8]; 4] = [b"&", b"#", b"%26", b"%2526"];

/// What may stand before a parameter name: `?`, `&`, `#`, `;` or their percent-encoded forms,
/// so `MySession=` is not mistaken for `Session=` (`for_each_secret` finds them as it goes;
/// the tests compare it with this list).
#[cfg(test)]
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
    let mut found = false;
    for_each_secret(text.as_bytes(), 0, |name, value_start, value_end| {
        found = value_end > value_start && !name.eq_ignore_ascii_case("state");
        !found
    });
    found
}

/// Calls `visit(name, value_start, value_end)` for every secret value, in text order, while it
/// returns true. A name may start only at the text's start or right after a boundary, so only
/// those places are looked at: the boundaries' first bytes (`?&#;%`) are rare in most of a URL
/// and found a block at a time (`boundary_bytes`). Boundaries are looked for from byte
/// `skip` on (see `redact_after`).
fn for_each_secret(
    bytes: &[u8],
    skip: usize,
    mut visit: impl FnMut(&'static str, usize, usize) -> bool,
) {
    // No name is looked for inside a secret's value: the next one may start at its end.
    let mut resume = 0;
    if !look_at(bytes, 0, &mut resume, &mut visit) {
        return;
    }
    let mut block_start = skip;
    while block_start < bytes.len() {
        let mut boundaries = match bytes.get(block_start..block_start + BLOCK) {
            Some(block) => boundary_bytes(block.try_into().unwrap_or_default()),
            // The last, short block: the text's last `BLOCK` bytes, those looked at before left
            // out, or (a text shorter than a block) padded with bytes that are no boundary.
            None => match bytes.len().checked_sub(BLOCK) {
                Some(last) => {
                    let seen = block_start - last;
                    block_start = last;
                    let block = bytes[last..].try_into().unwrap_or_default();
                    boundary_bytes(block) & (u64::MAX << (seen * 8))
                }
                None => {
                    let mut block = [0u8; BLOCK];
                    block[..bytes.len() - block_start].copy_from_slice(&bytes[block_start..]);
                    boundary_bytes(block)
                }
            },
        };
        while boundaries != 0 {
            let at = block_start + (boundaries.trailing_zeros() / 8) as usize;
            boundaries &= boundaries - 1;
            let name_at = match bytes[at] {
                b'%' => match escaped_boundary_length(&bytes[at + 1..]) {
                    Some(length) => at + 1 + length,
                    None => continue,
                },
                b'?' | b'&' | b'#' | b';' => at + 1,
                _ => continue,
            };
            if !look_at(bytes, name_at, &mut resume, &mut visit) {
                return;
            }
        }
        block_start += BLOCK;
    }
}

/// Bytes looked at by one `boundary_bytes`.
const BLOCK: usize = 8;

/// The high bit of byte N is set where byte N of the block may start a boundary, and no other
/// bit: the eight bytes compared at once, in one 64-bit word (most blocks of a URL hold no
/// boundary at all). Two comparisons cover the five bytes: `;` and `?` differ in one bit, and
/// `#`, `%` and `&` are among the eight bytes from space to `'` (the caller looks at which).
fn boundary_bytes(block: [u8; BLOCK]) -> u64 {
    const ONES: u64 = u64::from_le_bytes([0x01; BLOCK]);
    const LOW_SEVEN: u64 = u64::from_le_bytes([0x7f; BLOCK]);
    let word = u64::from_le_bytes(block);
    // A byte's high bit stays clear only where `word`, its `ignored` bits left out, holds
    // `byte` (the low seven bits added to 0x7f carry into the high bit unless they are all
    // zero; no carry crosses into the next byte).
    let differs = |byte: u8, ignored: u8| {
        let x = (word ^ (ONES * u64::from(byte))) & !(ONES * u64::from(ignored));
        ((x & LOW_SEVEN) + LOW_SEVEN) | x
    };
    !(differs(b' ', 0x07) & differs(b';', b';' ^ b'?')) & !LOW_SEVEN
}

/// `for_each_secret`'s look at a place where a name may start: false when `visit` says stop.
#[inline(always)]
fn look_at(
    bytes: &[u8],
    pos: usize,
    resume: &mut usize,
    visit: &mut impl FnMut(&'static str, usize, usize) -> bool,
) -> bool {
    if pos < *resume || !may_start_secret(bytes.get(pos..).unwrap_or_default()) {
        return true;
    }
    let Some((name, value_start, value_end)) = secret_value_after_boundary(bytes, pos) else {
        return true;
    };
    *resume = value_end.max(pos + 1);
    visit(name, value_start, value_end)
}

/// After a `%`, how many more bytes make it a boundary: `3F`, `26` or `23` (an escaped `?`,
/// `&` or `#`), or `253F` and `2526` (escaped twice), in either case.
fn escaped_boundary_length(rest: &[u8]) -> Option<usize> {
    let pair = rest.get(..2)?;
    if pair.eq_ignore_ascii_case(b"3f") || pair == b"26" || pair == b"23" {
        return Some(2);
    }
    let four = rest.get(..4)?;
    (four.eq_ignore_ascii_case(b"253f") || four == b"2526").then_some(4)
}

/// Whether `redact` may change `text`: false proves it holds no secret.
pub(crate) fn may_need_redaction(text: &str) -> bool {
    let mut found = false;
    for_each_secret(text.as_bytes(), 0, |_, _, _| {
        found = true;
        false
    });
    found
}

/// `redact` for a text that holds none of `?&#;%` in its first `skip` bytes and does not start
/// with a secret name (the scheme and authority of a plain URL): the search for boundaries
/// starts after them.
pub(crate) fn redact_after(text: &str, skip: usize) -> String {
    debug_assert!(
        skip == 0
            || (!starts_with_secret_name(text.as_bytes())
                && !text.as_bytes()[..skip].iter().any(|b| b"?&#;%".contains(b)))
    );
    let mut out = String::new();
    let mut copied = 0;
    for_each_secret(text.as_bytes(), skip, |_, value_start, value_end| {
        if value_end > value_start {
            // Both ends sit next to ASCII bytes, so they are character boundaries.
            out.push_str(&text[copied..value_start]);
            out.push_str(REDACTED);
            copied = value_end;
        }
        true
    });
    if copied == 0 {
        return text.to_owned();
    }
    out.push_str(&text[copied..]);
    out
}

/// Whether `text` may start with a secret name, by its first two bytes: those of a name in
/// either case, or an escape (`NAME_STARTS`). Most parameter names fail here, before any
/// decoding, in one look-up.
fn may_start_secret(text: &[u8]) -> bool {
    let [first, second, ..] = *text else {
        // A name needs at least one byte and its `=`.
        return false;
    };
    second < 128 && NAME_STARTS[usize::from(first)] & (1 << second) != 0
}

/// For each byte, the second bytes (as bits, ASCII only) with which it may start a secret name:
/// a name's first two letters in any case, or the first letter followed by an escape; after
/// `%` (an escaped first letter) any byte.
static NAME_STARTS: [u128; 256] = {
    let mut table = [0u128; 256];
    table[b'%' as usize] = u128::MAX;
    let mut i = 0;
    while i < SECRET_PARAMETERS.len() {
        let name = SECRET_PARAMETERS[i].as_bytes();
        let (first, second) = (name[0], name[1]);
        let seconds =
            1 << second.to_ascii_lowercase() | 1 << second.to_ascii_uppercase() | 1 << b'%';
        table[first.to_ascii_lowercase() as usize] |= seconds;
        table[first.to_ascii_uppercase() as usize] |= seconds;
        i += 1;
    }
    table
};

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
        // Most texts that pass the first look part from every name by their third byte
        // (`section-2`): no need to read them to their end.
        if len == 3
            && !SECRET_PARAMETERS
                .iter()
                .any(|secret| secret.as_bytes()[..3].eq_ignore_ascii_case(&name[..3]))
        {
            return None;
        }
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
#[cfg(test)]
fn secret_value_at(bytes: &[u8], pos: usize) -> Option<(&'static str, usize, usize)> {
    let before = &bytes[..pos];
    if !before.is_empty() && !BOUNDARIES.iter().any(|b| ends_with_ignore_case(before, b)) {
        return None;
    }
    secret_value_after_boundary(bytes, pos)
}

/// `secret_value_at` for a `pos` known to be the start or right after a boundary.
fn secret_value_after_boundary(bytes: &[u8], pos: usize) -> Option<(&'static str, usize, usize)> {
    let (name, length) = secret_name_at(bytes.get(pos..)?)?;
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

#[cfg(test)]
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
        /// Looking after boundaries only finds what a look at every position finds, each
        /// secret's value skipped.
        #[test]
        fn boundaries_find_what_every_position_finds(
            text in "([a-z=&?#;%]|%3[dDfF]|%2[36]|%23|%25|%253[dDfF]|%2526|%5[34]|%6[39]|%255[34]|session|SigninToken|x-amz-signature|X-Amz-Credential|x-amz-security-token|signature|AWSAccessKeyId|code|state|Co%64e|%73tate|\\x{e4}| ){0,12}"
        ) {
            let bytes = text.as_bytes();
            let mut every_position = Vec::new();
            let mut pos = 0;
            while pos < bytes.len() {
                match secret_value_at(bytes, pos) {
                    Some(secret) => {
                        every_position.push(secret);
                        pos = secret.2.max(pos + 1);
                    }
                    None => pos += 1,
                }
            }
            let mut found = Vec::new();
            for_each_secret(bytes, 0, |name, start, end| {
                found.push((name, start, end));
                true
            });
            proptest::prop_assert_eq!(&found, &every_position, "{:?}", text);
            proptest::prop_assert_eq!(may_need_redaction(&text), !found.is_empty());
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
    fn every_secret_name_passes_the_first_look() {
        for name in SECRET_PARAMETERS {
            let [first, second] = [0, 1].map(|i| &name[i..=i]);
            let mut texts = vec![
                name.to_owned(),
                name.to_ascii_uppercase(),
                name.to_ascii_lowercase(),
                format!(
                    "{}{}",
                    first.to_ascii_lowercase(),
                    &name[1..].to_ascii_uppercase()
                ),
                format!(
                    "{}{}",
                    first.to_ascii_uppercase(),
                    &name[1..].to_ascii_lowercase()
                ),
            ];
            // An escaped first or second letter.
            texts.push(format!("%{:02X}{}", name.as_bytes()[0], &name[1..]));
            texts.push(format!(
                "{first}%{:02x}{}",
                second.as_bytes()[0],
                &name[2..]
            ));
            for text in texts {
                assert!(may_start_secret(format!("{text}=").as_bytes()), "{text}");
            }
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
