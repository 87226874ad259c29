//! Reading one URL: what it is (`classify` and the readers that make it fast), lookalike judging,
//! redaction of secrets, the verdict, where CloudTrail logs a sign-in, and the links the product makes.
//!
//! May import: `aws`.

pub mod canonical_link;
pub mod classify;
pub mod cloudtrail;
pub mod console_links;
pub(crate) mod deferral;
/// For the fuzz targets only (`fuzz/`): the private readers `classify` takes shortcuts with.
#[cfg(feature = "fuzz-probe")]
#[doc(hidden)]
pub mod fuzz_probe;
pub mod hidden_text;
pub mod links;
mod lookalike;
pub(crate) mod plain_url;
mod quick_reject;
pub mod redact;
mod simple_url;
#[cfg(not(wake_package))]
mod unicode_host;
pub mod verdict;
