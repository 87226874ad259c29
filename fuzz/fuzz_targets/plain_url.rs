//! The plain-URL reader against `url::Url`: whenever the reader answers, the WHATWG parser reads
//! the same text as a URL with the same domain host, and the same path where the reader gives one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signin_guard::url::fuzz_probe::read_plain_url;
use url::{Host, Url};

fuzz_target!(|input: &str| {
    let Some(plain) = read_plain_url(input) else {
        return;
    };
    let url = Url::parse(input)
        .unwrap_or_else(|e| panic!("{input:?}: read as plain, but the parser fails: {e}"));
    match url.host() {
        Some(Host::Domain(domain)) => assert_eq!(plain.host, domain, "host of {input:?}"),
        other => panic!(
            "{input:?}: read as plain host {:?}, parsed as {other:?}",
            plain.host
        ),
    }
    if let Some(path) = plain.path {
        assert_eq!(path, url.path(), "path of {input:?}");
    }
});
