//! The parts of a URL that the readers after `classify` look at (the bookmark fix, the doctor's
//! replacements, the lookalike navigation's host), read either by the WHATWG parser (`url::Url`)
//! or, in the wake package, which carries no parser, from a plain URL as that parser would read
//! it (`PlainUrl`, on `simple_url`'s reading). `read` picks the reading of the build; in the wake
//! package a URL that is not plain makes the answer void (`deferral`) and the worker asks the
//! extension package, which parses.
// Every other build parses: there the plain reading is only its tests' (and the wake's twin).
#![cfg_attr(not(wake_package), allow(dead_code))]

use crate::url::simple_url::{self, PlainParts};
use std::borrow::Cow;

/// What the readers ask of a parsed `http(s)` URL, as `url::Url` answers.
pub(crate) trait UrlParts {
    /// `"http"` or `"https"`, lowercase (other schemes for `url::Url`).
    fn scheme(&self) -> &str;
    /// The host, as `Url::host_str` gives it.
    fn host_str(&self) -> Option<&str>;
    /// The path, as `Url::path` gives it.
    fn path(&self) -> &str;
    /// Whether there is a fragment (even an empty one).
    fn has_fragment(&self) -> bool;
    /// The query's pairs, decoded, as `Url::query_pairs` gives them.
    fn query_pairs(&self) -> url::form_urlencoded::Parse<'_>;
    /// The URL's serialisation with `host` for its host and `https` for its scheme, as
    /// `Url::set_host`, `Url::set_scheme` and `String::from` make it; `None` where they fail
    /// (or, for a plain URL, where the serialisation is not certain to be the text's).
    fn https_with_host(&self, host: &str) -> Option<String>;
}

/// A plain `http(s)` URL (`simple_url::read` and `plain_parts`), read as `url::Url` reads it.
pub(crate) struct PlainUrl<'a> {
    https: bool,
    host: Cow<'a, str>,
    /// Whether the authority has a port part (`:443`, `:`), which the parser normalises.
    port_written: bool,
    parts: PlainParts<'a>,
}

impl<'a> PlainUrl<'a> {
    /// The plain URL, or `None` when only the parser can read `text`.
    pub(crate) fn read(text: &'a str) -> Option<PlainUrl<'a>> {
        let simple = simple_url::read(text)?;
        let parts = simple.plain_parts()?;
        // `read` accepted `http://` or `https://` (any case) after spaces and controls.
        let start = text.bytes().position(|b| b > b' ')?;
        let https = text
            .as_bytes()
            .get(start + 4)
            .is_some_and(|b| b | 0x20 == b's');
        let host_end = start + if https { 8 } else { 7 } + simple.host.len();
        Some(PlainUrl {
            https,
            port_written: host_end != simple.authority_end,
            host: simple.host,
            parts,
        })
    }
}

/// Bytes the parser copies into a special URL's query and fragment as they are, and that it
/// serialises as they are (no space, control, non-ASCII, `"`, `<`, `>`, `'`, `` ` ``; `#` ends
/// the query): the plain serialisation is only trusted with these.
fn is_kept_byte(b: u8) -> bool {
    (0x21..0x7f).contains(&b) && !matches!(b, b'"' | b'<' | b'>' | b'\'' | b'`')
}

impl UrlParts for PlainUrl<'_> {
    fn scheme(&self) -> &str {
        if self.https {
            "https"
        } else {
            "http"
        }
    }

    fn host_str(&self) -> Option<&str> {
        Some(&self.host)
    }

    fn path(&self) -> &str {
        self.parts.path
    }

    fn has_fragment(&self) -> bool {
        self.parts.fragment.is_some()
    }

    fn query_pairs(&self) -> url::form_urlencoded::Parse<'_> {
        // The parser percent-encodes some bytes of the query, which decoding undoes: the pairs
        // of the text as written are the pairs of the parsed query.
        url::form_urlencoded::parse(self.parts.query.unwrap_or("").as_bytes())
    }

    fn https_with_host(&self, host: &str) -> Option<String> {
        let query = self.parts.query.unwrap_or("");
        let fragment = self.parts.fragment.unwrap_or("");
        let kept = query.bytes().all(|b| is_kept_byte(b) && b != b'#')
            && fragment.bytes().all(is_kept_byte);
        let host_kept = !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
        if self.port_written || !kept || !host_kept {
            return None;
        }
        let mut out = format!("https://{host}{}", self.parts.path);
        if let Some(query) = self.parts.query {
            out.push('?');
            out.push_str(query);
        }
        if let Some(fragment) = self.parts.fragment {
            out.push('#');
            out.push_str(fragment);
        }
        Some(out)
    }
}

impl UrlParts for url::Url {
    fn scheme(&self) -> &str {
        url::Url::scheme(self)
    }

    fn host_str(&self) -> Option<&str> {
        url::Url::host_str(self)
    }

    fn path(&self) -> &str {
        url::Url::path(self)
    }

    fn has_fragment(&self) -> bool {
        self.fragment().is_some()
    }

    fn query_pairs(&self) -> url::form_urlencoded::Parse<'_> {
        url::Url::query_pairs(self)
    }

    fn https_with_host(&self, host: &str) -> Option<String> {
        let mut url = self.clone();
        url.set_host(Some(host)).ok()?;
        url.set_scheme("https").ok()?;
        Some(url.into())
    }
}

/// The URL as this build reads it: parsed (every package but the wake package).
#[cfg(not(wake_package))]
pub(crate) fn read(text: &str) -> Option<impl UrlParts + '_> {
    url::Url::parse(text).ok()
}

/// The URL as this build reads it: the wake package reads a plain URL; any other makes the
/// answer void (`deferral`).
#[cfg(wake_package)]
pub(crate) fn read(text: &str) -> Option<impl UrlParts + '_> {
    let plain = PlainUrl::read(text);
    if plain.is_none() {
        crate::url::deferral::note();
    }
    plain
}

/// The URL as `read` reads it, but never making the answer void: for a reader whose result is
/// only used when `classify` of the same text judged it as more than unrelated, which in the wake
/// package it only does for a plain URL (any other made the answer void already).
#[cfg(not(wake_package))]
pub(crate) fn read_after_classify(text: &str) -> Option<impl UrlParts + '_> {
    url::Url::parse(text).ok()
}

/// The URL as `read` reads it, but never making the answer void (see above).
#[cfg(wake_package)]
pub(crate) fn read_after_classify(text: &str) -> Option<impl UrlParts + '_> {
    PlainUrl::read(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use url::Url;

    /// Every part a plain reading gives is the parser's.
    fn assert_agrees(text: &str) {
        let Some(plain) = PlainUrl::read(text) else {
            return;
        };
        let parsed = Url::parse(text).unwrap_or_else(|e| panic!("{text:?}: the parser fails: {e}"));
        assert_eq!(plain.scheme(), UrlParts::scheme(&parsed), "{text:?}");
        assert_eq!(plain.host_str(), UrlParts::host_str(&parsed), "{text:?}");
        assert_eq!(plain.path(), UrlParts::path(&parsed), "{text:?}");
        assert_eq!(plain.has_fragment(), parsed.has_fragment(), "{text:?}");
        let pairs: Vec<_> = plain.query_pairs().collect();
        let parsed_pairs: Vec<_> = UrlParts::query_pairs(&parsed).collect();
        assert_eq!(pairs, parsed_pairs, "{text:?}");
        for host in ["us-east-1.console.aws.amazon.com", "example.com"] {
            if let Some(serialised) = plain.https_with_host(host) {
                assert_eq!(
                    Some(serialised),
                    parsed.https_with_host(host),
                    "{text:?} with {host}"
                );
            }
        }
    }

    /// Plain URLs, and now and then what makes one not plain or changes its serialisation.
    fn url_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        (
            "[ \\x01]?",
            prop_oneof![6 => "[hH][tT]{2}[pP][sS]?://", 1 => "([hH][tT]{2}[pP][sS]?:/?|ftp://)"],
            "([a-zA-Z0-9_-]{1,5}\\.){0,3}[a-zA-Z][a-z0-9-]{0,4}\\.?",
            prop_oneof![8 => Just(String::new()), 1 => "(:[0-9]{0,5})"],
            "(/[a-zA-Z0-9._~%!$&'()*+,;=:@-]{0,6}){0,3}",
            "(\\?([a-zA-Z0-9=&%+;'\"<>`{}| \\x{e4}.-]|%2[0-9]){0,12})?",
            "(#([a-zA-Z0-9=&%+?#/'\"<>`{}| \\x{e4}-]){0,6})?",
            "[ \\x01]?",
        )
            .prop_map(|(lead, scheme, host, port, path, query, fragment, tail)| {
                format!("{lead}{scheme}{host}{port}{path}{query}{fragment}{tail}")
            })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn a_plain_reading_gives_the_parsers_parts(text in url_text()) {
            assert_agrees(&text);
        }
    }

    #[test]
    fn corpus_urls_read_plainly_give_the_parsers_parts() {
        let mut plain = 0;
        for line in include_str!("../../tests/data/urls.tsv").lines().skip(1) {
            let url = line.split('\t').next().unwrap_or("");
            assert_agrees(url);
            plain += usize::from(PlainUrl::read(url).is_some());
        }
        assert!(plain > 80, "only {plain} corpus URLs read plainly");
    }

    #[test]
    fn the_serialisation_is_only_given_where_it_is_the_parsers() {
        let read = |text| PlainUrl::read(text).expect("plain");
        let host = "us-east-1.console.aws.amazon.com";
        assert_eq!(
            read("HTTP://ID-ab12.us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#I:")
                .https_with_host(host)
                .as_deref(),
            Some("https://us-east-1.console.aws.amazon.com/ec2/home?region=us-west-2#I:")
        );
        assert_eq!(
            read("https://a.example").https_with_host(host).as_deref(),
            Some("https://us-east-1.console.aws.amazon.com/")
        );
        for text in [
            "https://a.example:443/",
            "https://a.example:/",
            "https://a.example/?a b",
            "https://a.example/?'",
            "https://a.example/#\u{e4}",
        ] {
            assert_eq!(read(text).https_with_host(host), None, "{text:?}");
            assert_agrees(text);
        }
        assert!(PlainUrl::read("https://user@a.example/").is_none());
        assert!(PlainUrl::read("https://a.example/a/../b").is_none());
    }
}
