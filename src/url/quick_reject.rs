//! A cheap scan that proves a text can only be an `unrelated` URL holding no secret, so that
//! the texts that `simple_url` does not read (other schemes, userinfo, escapes in the host…)
//! mostly skip URL parsing too; and the same pieces looked for in a host alone.
//!
//! Every AWS host and every lookalike rule needs one of the triggers in the text (after
//! lowercasing); secret parameters, whose names may be percent-encoded, are left to
//! `redact`'s own quick test. The parser may also build a host out of other text: percent
//! escapes and tab/newline removal in the authority, IDNA mapping of non-ASCII; texts with any
//! of those take the full path.

use crate::aws::catalogue::HOST_TRIGGERS;
use crate::url::redact;

/// Lowercase pieces of which every non-`unrelated` verdict or secret needs one besides the
/// catalogue's `HOST_TRIGGERS` (AWS names and their ASCII imitations, generated): punycode, and the
/// secret parameter names of `redact`.
const TRIGGERS: [&[u8]; 4] = [b"xn--", b"x-amz-", b"signintoken", b"session"];

/// For each ASCII first byte, the second bytes that some trigger starts with (bit N of the entry
/// for byte N): looked at before any whole trigger is.
static PAIRS: [u128; 128] = {
    let mut pairs = [0u128; 128];
    let mut i = 0;
    while i < HOST_TRIGGERS.len() + TRIGGERS.len() {
        let t = if i < HOST_TRIGGERS.len() {
            HOST_TRIGGERS[i].as_bytes()
        } else {
            TRIGGERS[i - HOST_TRIGGERS.len()]
        };
        pairs[t[0] as usize] |= 1 << t[1];
        i += 1;
    }
    pairs
};

/// The host triggers' first two letters alone (the secret names do not matter in a host).
static HOST_PAIRS: [u128; 128] = HOST_PAIRS_CONST;
const HOST_PAIRS_CONST: [u128; 128] = {
    let mut pairs = [0u128; 128];
    let mut i = 0;
    while i < HOST_TRIGGERS.len() {
        let t = HOST_TRIGGERS[i].as_bytes();
        pairs[t[0] as usize] |= 1 << t[1];
        i += 1;
    }
    pairs[b'x' as usize] |= 1 << b'n';
    pairs
};

/// The bytes that some host trigger (or punycode) starts with, in `HOST_FIRSTS[..HOST_FIRST_COUNT]`:
/// the host scan's first look, eight bytes at a time.
const HOST_FIRST_COUNT: usize = {
    let mut count = 0;
    let mut letter = 0;
    while letter < 128 {
        if HOST_PAIRS_CONST[letter] != 0 {
            count += 1;
        }
        letter += 1;
    }
    count
};
const HOST_FIRSTS: [u8; HOST_FIRST_COUNT] = {
    let mut firsts = [0u8; HOST_FIRST_COUNT];
    let mut count = 0;
    let mut letter = 0;
    while letter < 128 {
        if HOST_PAIRS_CONST[letter] != 0 {
            firsts[count] = letter as u8;
            count += 1;
        }
        letter += 1;
    }
    firsts
};

/// The high bit of byte N is set where byte N of `word` (eight host bytes, little-endian) is one
/// of `HOST_FIRSTS`, and no other bit (as `redact`'s boundary scan finds its bytes).
fn host_first_hits(word: u64) -> u64 {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const LOW_SEVEN: u64 = u64::from_le_bytes([0x7f; 8]);
    let mut hits = 0;
    for first in HOST_FIRSTS {
        // A byte's high bit stays clear only where `word` holds `first`.
        let x = word ^ (ONES * u64::from(first));
        hits |= !(((x & LOW_SEVEN) + LOW_SEVEN) | x);
    }
    hits & !LOW_SEVEN
}

/// Whether a host trigger or punycode starts at `i` of `bytes`: the first two letters of every
/// trigger (one look-up, in line), then the whole list.
#[inline(always)]
fn host_trigger_at(bytes: &[u8], i: usize) -> bool {
    let (Some(&first), Some(&second)) = (bytes.get(i), bytes.get(i + 1)) else {
        return false;
    };
    second < 128
        && HOST_PAIRS[usize::from(first) & 127] & (1 << second) != 0
        && host_trigger_listed_at(&bytes[i..])
}

/// Whether `rest` starts with a host trigger or punycode.
#[inline(never)]
fn host_trigger_listed_at(rest: &[u8]) -> bool {
    rest.starts_with(b"xn--") || HOST_TRIGGERS.iter().any(|t| rest.starts_with(t.as_bytes()))
}

/// Whether a host (lowercase ASCII, as the parser gives it) holds one of the host triggers or
/// punycode: without one it is neither an AWS host nor a lookalike (see the module comment).
pub(crate) fn host_may_be_aws(host: &str) -> bool {
    let bytes = host.as_bytes();
    // The trigger's first letters found eight bytes at a time (a host has few), then the first
    // two letters of every trigger, then the whole list, only there.
    if bytes.len() < 8 {
        return (0..bytes.len())
            .any(|i| HOST_FIRSTS.contains(&bytes[i]) && host_trigger_at(bytes, i));
    }
    let mut start = 0;
    loop {
        // The last block ends at the host's end, its bytes seen before left out.
        let block = start.min(bytes.len() - 8);
        let seen = start - block;
        let Some(word) = bytes[block..].first_chunk::<8>() else {
            return false;
        };
        let mut hits = host_first_hits(u64::from_le_bytes(*word)) & (u64::MAX << (seen * 8));
        while hits != 0 {
            let i = block + (hits.trailing_zeros() / 8) as usize;
            hits &= hits - 1;
            if host_trigger_at(bytes, i) {
                return true;
            }
        }
        start += 8;
        if start >= bytes.len() {
            return false;
        }
    }
}

/// The bytes (either case) that some trigger starts with: the scan's first look at each byte.
static FIRST_BYTES: [bool; 256] = {
    let mut first = [false; 256];
    let mut letter = 0;
    while letter < 128 {
        if PAIRS[letter] != 0 {
            first[letter] = true;
            first[(letter as u8).to_ascii_uppercase() as usize] = true;
        }
        letter += 1;
    }
    first
};

fn is_pair(first: u8, second: u8) -> bool {
    first < 128 && second < 128 && PAIRS[first as usize] & (1 << second) != 0
}

/// True when the text certainly classifies as `unrelated` and needs no redaction.
pub(crate) fn certainly_unrelated(text: &str) -> bool {
    no_aws_trigger(text) && !redact::may_need_redaction(text)
}

fn no_aws_trigger(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut in_authority_part = true;
    for (i, &byte) in bytes.iter().enumerate() {
        match byte {
            b'\t' | b'\n' | b'\r' => return false,
            0x80.. => return false,
            b'?' | b'#' => in_authority_part = false,
            // Escapes decode in the host; later in the URL only secret names matter, and
            // `redact` looks for those.
            b'%' if in_authority_part => return false,
            _ if FIRST_BYTES[usize::from(byte)] && trigger_at(&bytes[i..]) => return false,
            _ => {}
        }
    }
    true
}

/// Whether a trigger starts here. The first two letters rule out almost every position at once,
/// which keeps the scan near one comparison a byte on ordinary URLs.
fn trigger_at(rest: &[u8]) -> bool {
    let (Some(&first), Some(&second)) = (rest.first(), rest.get(1)) else {
        return false;
    };
    is_pair(first.to_ascii_lowercase(), second.to_ascii_lowercase())
        && (HOST_TRIGGERS
            .iter()
            .any(|t| starts_with_ignore_case(rest, t.as_bytes()))
            || TRIGGERS.iter().any(|t| starts_with_ignore_case(rest, t)))
}

fn starts_with_ignore_case(text: &[u8], lower_prefix: &[u8]) -> bool {
    text.len() >= lower_prefix.len()
        && text
            .iter()
            .zip(lower_prefix)
            .all(|(a, b)| a.to_ascii_lowercase() == *b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_urls_are_rejected_quickly() {
        assert!(certainly_unrelated(
            "https://github.com/rust-lang/rust/issues?q=is%3Aopen"
        ));
        assert!(certainly_unrelated(
            "https://en.wikipedia.org/wiki/Main_Page"
        ));
    }

    /// `host_may_be_aws` as its definition reads: a trigger or `xn--` anywhere.
    fn host_holds_a_trigger(host: &str) -> bool {
        (0..host.len()).any(|i| {
            host[i..].starts_with("xn--") || HOST_TRIGGERS.iter().any(|t| host[i..].starts_with(t))
        })
    }

    proptest::proptest! {
        #[test]
        fn the_block_scan_of_a_host_finds_every_trigger(
            host in "([a-z0-9.-]|aws|aw5|amazon|arnaz0n|c2shome|xn--|a|c|x){0,24}",
        ) {
            proptest::prop_assert_eq!(host_may_be_aws(&host), host_holds_a_trigger(&host), "{}", host);
        }
    }

    #[test]
    fn a_trigger_is_found_at_every_place_of_a_host() {
        for trigger in HOST_TRIGGERS.iter().copied().chain(["xn--"]) {
            for before in 0..20 {
                for after in 0..10 {
                    let host = format!("{}{trigger}{}", "b".repeat(before), "d".repeat(after));
                    assert!(host_may_be_aws(&host), "{host}");
                    let cut = &host[..before + trigger.len() - 1];
                    assert_eq!(host_may_be_aws(cut), host_holds_a_trigger(cut), "{cut}");
                }
            }
        }
    }

    #[test]
    fn anything_that_might_be_aws_takes_the_full_path() {
        for text in [
            "https://myalias.signin.aws.amazon.com/console",
            "https://%61ws.example/",
            "https://arnazon.example/",
            "https://xn--amazn-uce.com/",
            "https://ex\tample.com/",
            "https://example.com/?SigninToken=x",
            "mailto:x@example.com?Signin%54oken=x",
            "ftp://example.com/?code=x",
            "ftp://example.com/?AWSAccessKeyId=x&Signature=y",
            "https://exämple.com/",
        ] {
            assert!(!certainly_unrelated(text), "{text}");
        }
    }
}
