//! Windows into `classify`'s private readers for the fuzz targets (`fuzz/`), behind the
//! `fuzz-probe` feature: the targets compare each shortcut with the full reading it stands for.
//! Not part of the product's API; nothing else may call it.

use crate::url::simple_url;
use crate::url::verdict::Verdict;

/// What the plain-URL reader (`simple_url`) makes of a text, owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainReading {
    /// The host, as the reader says `Url::host_str` gives it.
    pub host: String,
    /// The path, as the reader says `Url::path` gives it; `None` when the reader leaves the
    /// path to the parser.
    pub path: Option<String>,
}

/// The plain-URL reader's answer, or `None` when it leaves the text to the WHATWG parser.
pub fn read_plain_url(input: &str) -> Option<PlainReading> {
    let url = simple_url::read(input)?;
    Some(PlainReading {
        path: url.plain_parts().map(|parts| parts.path.to_owned()),
        host: url.host.into_owned(),
    })
}

/// `classify` without its shortcuts (the plain reader, the quick rejections): always the full
/// WHATWG parse, which must give the same verdict.
pub fn classify_without_shortcuts(input: &str) -> Verdict {
    crate::url::classify::classify_fully(input)
}
