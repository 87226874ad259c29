//! Hosts written with non-ASCII characters (`signin.aws.amazοn.com` with a Greek omicron), which
//! `Url::parse` rejects: url's IDNA back end is the ASCII-only `idna_adapter` 1.0, since the
//! Unicode tables of the full one would add about 45 KB to the gzipped wasm.
//!
//! Browsers hand extensions such hosts in punycode already; for text typed or pasted elsewhere
//! (the CLI, the web page) this finds the host as a browser would and spells it in punycode, so
//! that the lookalike check still sees it.
//!
//! Limitation: there is no UTS-46 mapping (no normalisation, lowercasing only of the scripts
//! homoglyphs come from), so a non-ASCII spelling of a real AWS host (full-width letters, which
//! a browser maps to ASCII) reads as `unrelated` (or as a lookalike), never as the AWS page it
//! would open.

/// The host of an `http(s)` URL with non-ASCII characters in it, lowercased, each non-ASCII
/// label in punycode (`xn--…`); `None` for other text.
pub(crate) fn punycode_host(input: &str) -> Option<String> {
    if input.is_ascii() {
        return None;
    }
    // As WHATWG parses: leading and trailing C0 controls and spaces go, tabs and newlines
    // anywhere; a special scheme skips any slashes and backslashes before the authority, which
    // ends at the first `/`, `\`, `?` or `#`; userinfo ends at the last `@`; a port at `:`.
    let text: String = input
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, rest) = text.split_once(':')?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority = rest
        .trim_start_matches(['/', '\\'])
        .split(['/', '\\', '?', '#'])
        .next()?;
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = host.split(':').next()?;
    let mut punycode = String::new();
    // UTS-46 maps the ideographic and full-width full stops to `.`.
    for (i, label) in host
        .split(['.', '\u{3002}', '\u{ff0e}', '\u{ff61}'])
        .enumerate()
    {
        if i > 0 {
            punycode.push('.');
        }
        let label: String = label.chars().map(lowercase).collect();
        if label.is_ascii() {
            punycode.push_str(&label);
        } else {
            punycode.push_str("xn--");
            punycode.push_str(&idna::punycode::encode_str(&label)?);
        }
    }
    let forbidden = |c: char| c <= ' ' || "#%/:<>?@[\\]^|\u{7f}".contains(c);
    (!punycode.is_empty() && !punycode.contains(forbidden)).then_some(punycode)
}

/// `char::to_lowercase` for ASCII, Latin-1, Greek, Cyrillic, Armenian and the other capitals
/// whose small letters imitate Latin ones (Ӏ, Ⅼ, Ɑ, Ϲ, Ԁ, Ɡ); the full Unicode table would add
/// about 5 KB to the gzipped wasm.
fn lowercase(c: char) -> char {
    let code = u32::from(c);
    let lower = match code {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde => code + 0x20,
        // Greek: Ά, Έ-Ί, Ό, Ύ-Ώ, Α-Ϋ, lunate Ϲ.
        0x386 => 0x3ac,
        0x388..=0x38a => code + 0x25,
        0x38c => 0x3cc,
        0x38e | 0x38f => code + 0x3f,
        0x391..=0x3a1 | 0x3a3..=0x3ab => code + 0x20,
        0x3f9 => 0x3f2,
        // Cyrillic: Ѐ-Џ, А-Я, Ӏ, and the pairs of the extended letters (Ѡ/ѡ … Ԯ/ԯ).
        0x400..=0x40f => code + 0x50,
        0x410..=0x42f => code + 0x20,
        0x4c0 => 0x4cf,
        0x460..=0x481 | 0x48a..=0x4bf | 0x4d0..=0x52f if code % 2 == 0 => code + 1,
        0x4c1..=0x4ce if code % 2 == 1 => code + 1,
        // Armenian Ա-Ֆ, Roman numerals Ⅰ-Ⅿ, Ɑ, Ɡ.
        0x531..=0x556 => code + 0x30,
        0x2160..=0x216f => code + 0x10,
        0x2c6d => 0x251,
        0xa7ac => 0x261,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_labels_are_spelt_in_punycode() {
        assert_eq!(
            punycode_host("https://signin.aws.amaz\u{3bf}n.com/console").as_deref(),
            Some("signin.aws.xn--amazn-uce.com")
        );
        assert_eq!(
            punycode_host(" HTTPS:\\\\user:pw@Ex\u{e4}mple.COM:8443\\path?q#f").as_deref(),
            Some("xn--exmple-cua.com")
        );
        assert_eq!(
            punycode_host("http://AMAZ\u{39f}N\u{3002}com/").as_deref(),
            Some("xn--amazn-uce.com")
        );
    }

    #[test]
    fn hosts_are_found_as_a_browser_finds_them() {
        for (text, host) in [
            // Only called when `Url::parse` fails, but the host is the same either way.
            ("https://example.com/\u{e4}", Some("example.com")),
            ("https:///\u{e4}", Some("xn--4ca")),
            ("https://a b\u{e4}.com/", None),
            ("https://signin.aws.amazon.com/console", None),
            ("ftp://amaz\u{3bf}n.com/", None),
            ("amaz\u{3bf}n.com", None),
        ] {
            assert_eq!(punycode_host(text).as_deref(), host, "{text:?}");
        }
    }

    #[test]
    fn lowercase_agrees_with_unicode_where_it_maps() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let ours = lowercase(c);
            if ours != c {
                assert_eq!(c.to_lowercase().collect::<Vec<_>>(), [ours], "{c:?}");
            }
        }
    }
}
