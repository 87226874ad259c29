//! Reads the host, and where it is plain the path, of the common http(s) URL exactly as the
//! WHATWG parser would, without running it: nearly every bookmark is such a URL, and the parse
//! cost more than everything else `classify` does with it.
//!
//! Only a narrow, plain form is accepted, one on which the parser's every step is the identity
//! (apart from lowercasing the scheme and the host); for anything else `read` returns `None` and
//! the caller parses. `tests` and `classify`'s tests check the agreement on generated URLs.

use std::borrow::Cow;

/// A plain `http(s)` URL, read as `url::Url::parse` would read it.
pub(crate) struct SimpleUrl<'a> {
    /// The host as `Url::host_str` gives it: a domain name, lowercase, any trailing dot kept.
    pub host: Cow<'a, str>,
    /// Everything after the authority (empty, or starting with `/`, `\`, `?` or `#`).
    rest: &'a str,
    /// Where `rest` starts in the input: before it are only spaces or controls, the scheme
    /// and an authority of letters, digits, `-`, `_`, dots, `:`.
    pub authority_end: usize,
}

/// Path, query and fragment of a plain URL, as `classify` reads them.
pub(crate) struct PlainParts<'a> {
    /// The path as `Url::path` gives it.
    pub path: &'a str,
    /// The query, without its `?`, as text (not re-encoded).
    pub query: Option<&'a str>,
    /// The fragment, without its `#`.
    pub fragment: Option<&'a str>,
}

impl<'a> SimpleUrl<'a> {
    /// Path, query and fragment, when no normalisation by the parser (percent-encoding, `\`
    /// read as `/`, dot segments, tabs and newlines dropped) would change them; `None` otherwise.
    pub fn plain_parts(&self) -> Option<PlainParts<'a>> {
        let rest = self.rest.as_bytes();
        let mut path_len = rest.len();
        for (i, &b) in rest.iter().enumerate() {
            if b == b'?' || b == b'#' {
                path_len = i;
                break;
            }
            // Every byte left as the parser leaves it: no byte of the path percent-encode set
            // (controls, space, `"#<>?^`{}|`, non-ASCII, DEL), no `\`. A segment starting
            // with `.` or `%2e` might be a dot segment, which the parser resolves.
            let segment_may_be_dots = b == b'/' && {
                let segment = &rest[i + 1..];
                segment.starts_with(b".") || starts_with_ignore_case(segment, b"%2e")
            };
            if !is_plain_path_byte(b) || segment_may_be_dots {
                return None;
            }
        }
        let (path, after_path) = self.rest.split_at(path_len);
        if !path.is_empty() && !path.starts_with('/') {
            return None;
        }
        // Tabs and newlines in the query or fragment make `classify` parse the whole URL,
        // which drops them.
        if memchr::memchr3(b'\t', b'\n', b'\r', after_path.as_bytes()).is_some() {
            return None;
        }
        let (query, fragment) = match memchr::memchr(b'#', after_path.as_bytes()) {
            Some(at) => (&after_path[..at], Some(&after_path[at + 1..])),
            None => (after_path, None),
        };
        Some(PlainParts {
            // A special URL always has a path; the parser gives an empty one "/".
            path: if path.is_empty() { "/" } else { path },
            query: query.strip_prefix('?'),
            fragment,
        })
    }
}

/// Reads `input` if it is a plain `http(s)` URL: `http://` or `https://` (any case), then an
/// authority of ASCII letters, digits, `-`, `_` and dots with an optional numeric port.
/// Leading and trailing spaces and controls are ignored, as by the parser. Tabs and newlines,
/// which the parser drops anywhere, are refused in the scheme and authority (so no host is
/// joined across one); after the authority they cannot change the host (`plain_parts` minds
/// them).
pub(crate) fn read(input: &str) -> Option<SimpleUrl<'_>> {
    let bytes = input.as_bytes();
    // Bytes up to a space are ASCII, so both ends are character boundaries.
    let start = bytes.iter().position(|&b| b > b' ')?;
    let end = bytes.iter().rposition(|&b| b > b' ')? + 1;
    let text = &input[start..end];
    let bytes = text.as_bytes();
    let host_start = if starts_with_ignore_case(bytes, b"https://") {
        8
    } else if starts_with_ignore_case(bytes, b"http://") {
        7
    } else {
        return None;
    };
    // The host: non-empty labels of letters, digits, `-` and `_`, none in punycode (which the
    // parser decodes and validates), at most one trailing dot. The parser leaves such a host
    // as it is but for lowercasing: nothing to percent-decode, nothing for UTS-46 to map.
    let mut i = host_start;
    let mut label_start = i;
    let mut last_label_start = i;
    let mut uppercase = false;
    loop {
        // Most bytes are lowercase letters and digits: skip them in a tight loop.
        i += bytes[i..]
            .iter()
            .position(|&b| HOST_BYTES[usize::from(b)] != HostByte::Label)
            .unwrap_or(bytes.len() - i);
        match bytes
            .get(i)
            .map_or(HostByte::End, |&b| HOST_BYTES[usize::from(b)])
        {
            HostByte::Label => {}
            HostByte::Upper => uppercase = true,
            HostByte::Dot => {
                if !is_plain_label(&bytes[label_start..i]) {
                    return None;
                }
                last_label_start = label_start;
                label_start = i + 1;
            }
            HostByte::End => break,
            HostByte::Other => return None,
        }
        i += 1;
    }
    let host_end = i;
    if label_start < host_end {
        if !is_plain_label(&bytes[label_start..host_end]) {
            return None;
        }
        last_label_start = label_start;
    } else if host_end == host_start {
        return None;
    }
    // A last label that is a number makes the host an IPv4 address (or invalid).
    if !bytes[last_label_start].is_ascii_alphabetic() {
        return None;
    }
    if bytes.get(i) == Some(&b':') {
        // A port the parser accepts: digits (or none) up to 65535; more than five digits
        // (leading zeros) is left to the parser.
        let port_start = i + 1;
        i = port_start;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let port = &text[port_start..i];
        let ends_authority = bytes
            .get(i)
            .is_none_or(|b| matches!(b, b'/' | b'\\' | b'?' | b'#'));
        if !ends_authority || port.len() > 5 || port.parse::<u32>().is_ok_and(|n| n > 65535) {
            return None;
        }
    }
    let host = &text[host_start..host_end];
    Some(SimpleUrl {
        host: if uppercase {
            Cow::Owned(host.to_ascii_lowercase())
        } else {
            Cow::Borrowed(host)
        },
        rest: &text[i..],
        authority_end: start + i,
    })
}

/// What a byte is to `read`'s host loop.
#[derive(Clone, Copy, PartialEq, Eq)]
enum HostByte {
    /// A lowercase letter, digit, `-` or `_`.
    Label,
    /// An uppercase letter, which the parser lowercases.
    Upper,
    Dot,
    /// What ends a special URL's host: the port's `:`, the path, query or fragment.
    End,
    /// Anything the plain form leaves to the parser.
    Other,
}

const HOST_BYTES: [HostByte; 256] = {
    let mut table = [HostByte::Other; 256];
    let mut b = 0;
    while b < table.len() {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' => HostByte::Label,
            b'A'..=b'Z' => HostByte::Upper,
            b'.' => HostByte::Dot,
            b':' | b'/' | b'\\' | b'?' | b'#' => HostByte::End,
            _ => HostByte::Other,
        };
        b += 1;
    }
    table
};

/// A label the parser keeps as it is: not empty, not punycode.
fn is_plain_label(label: &[u8]) -> bool {
    !label.is_empty() && !starts_with_ignore_case(label, b"xn--")
}

/// Bytes that the parser copies into a special URL's path as they are.
fn is_plain_path_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'@'
                | b'/'
                | b'%'
        )
}

fn starts_with_ignore_case(text: &[u8], prefix: &[u8]) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;
    use url::{Host, Url};

    /// What the parser reads: the host (a domain only) and the path of the part before the
    /// query, as `classify` parses it.
    fn parsed(text: &str) -> Option<(String, String)> {
        let text = text.trim_matches(|c: char| c <= ' ');
        let head = &text[..text.find(['?', '#']).unwrap_or(text.len())];
        let url = Url::parse(head).ok()?;
        match url.host()? {
            Host::Domain(domain) => Some((domain.to_owned(), url.path().to_owned())),
            _ => None,
        }
    }

    fn assert_agrees(text: &str) {
        let Some(simple) = read(text) else { return };
        let (host, path) = parsed(text).unwrap_or_else(|| panic!("{text:?}: the parser fails"));
        assert_eq!(simple.host, host, "{text:?}");
        if let Some(parts) = simple.plain_parts() {
            assert_eq!(parts.path, path, "{text:?}");
        }
    }

    /// Mostly plain URLs, with now and then a piece that the parser would change or reject.
    fn url_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let label = prop_oneof![
            16 => "[a-zA-Z0-9_-]{1,6}",
            1 => "([xX][nN]--|0[xX])[a-z0-9]{0,4}",
            1 => "[0-9]{1,3}",
            1 => "[a-z]{0,2}(%41|%2e|\\x{e4}|@|\\[|\\]| |\t|!|\\^|\\|)[a-z]{0,2}",
            1 => Just(String::new()),
        ];
        let host = (proptest::collection::vec(label, 1..5), "\\.{0,2}")
            .prop_map(|(labels, dots)| labels.join(".") + &dots);
        let segment = prop_oneof![
            12 => "[a-zA-Z0-9._~!$&'()*+,;=:@%-]{0,6}",
            1 => "(\\.|\\.\\.|%2[eE]|\\.%2[eE])",
            1 => "[a-z]{0,2}[{}|^`\"<> \\x{e4}\\x7f\\x01][a-z]{0,2}",
        ];
        let slash = prop_oneof![8 => Just("/"), 1 => Just("\\")];
        let path = proptest::collection::vec((slash, segment), 0..4).prop_map(|parts| {
            parts
                .into_iter()
                .map(|(s, p)| format!("{s}{p}"))
                .collect::<String>()
        });
        (
            "[ \\x01]?",
            prop_oneof![
                6 => "[hH][tT]{2}[pP][sS]?://",
                1 => "([hH][tT]{2}[pP][sS]?:(/|///|\\\\\\\\)?|ftp://|//)",
            ],
            host,
            prop_oneof![8 => "(:[0-9]{0,5})?", 1 => "(:[0-9]{6}|:x)"],
            path,
            "(\\?[a-z=&#%]{0,8})?(#[a-z#?]{0,4})?[ \t\\x01]?",
        )
            .prop_map(|(lead, scheme, host, port, path, tail)| {
                format!("{lead}{scheme}{host}{port}{path}{tail}")
            })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn reads_what_the_parser_reads(text in url_text()) {
            assert_agrees(&text);
        }
    }

    #[test]
    fn plain_urls_are_read() {
        let url = read(" HTTPS://WWW.Amazon.com.:443/dp/B0?tag=x#top ").expect("plain");
        assert_eq!(url.host, "www.amazon.com.");
        let parts = url.plain_parts().expect("plain parts");
        assert_eq!(parts.path, "/dp/B0");
        assert_eq!(parts.query, Some("tag=x"));
        assert_eq!(parts.fragment, Some("top"));
        let path = read("http://example.com").and_then(|u| u.plain_parts().map(|p| p.path));
        assert_eq!(path, Some("/"));
        for text in [
            "https://example.com/",
            "https://a_b.example-1.com:/x",
            "https://example.com\\a",
        ] {
            assert_agrees(text);
        }
    }

    #[test]
    fn anything_the_parser_would_change_is_left_to_it() {
        for text in [
            "https://signin.aws.amazon.com@evil.example/",
            "https://%61ws.example/",
            "https://xn--amazn-uce.com/",
            "https://ex\tample.com/",
            "ht\ttps://example.com/",
            "https://example.com:44\t3/",
            "https://54.239.28.85/console",
            "https://example.0x1f/",
            "https:///example.com/",
            "https:example.com/",
            "https://[::1]/",
            "https://example.com:65536/",
            "https://example.com:0000443/",
            "https://example..com/",
            "https://example.com../",
            "ftp://example.com/",
        ] {
            assert!(read(text).is_none(), "{text:?}");
        }
        for text in [
            "https://example.com/a/../b",
            "https://example.com/%2E/b",
            "https://example.com\\a",
            "https://example.com/a b",
            "https://example.com/\u{e4}",
            "https://example.com/?a=\tb",
        ] {
            let url = read(text).expect("a plain host");
            assert!(url.plain_parts().is_none(), "{text:?}");
        }
    }
}
