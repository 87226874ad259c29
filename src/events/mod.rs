//! The browser's events, one answer each: for a page report, a new or changed bookmark and a
//! navigation to a lookalike site, everything the extension shows and stores, decided at once
//! from the facts the worker read (the glue passes the event's facts in and writes the answer out).
//! Also the words people read about them (`words`) and the words each part of the extension shows
//! of its own (`ui_words`).
//!
//! May import: `aws`, `url`, `team`, `tab`, `bookmarks`.

pub mod bookmark_change;
/// For the fuzz targets only (`fuzz/`): the wake package's hand readers.
#[cfg(feature = "fuzz-probe")]
#[doc(hidden)]
pub mod fuzz_probe;
pub mod lookalike;
pub mod page_report;
pub mod popup;
#[cfg(test)]
mod readers_agree;
pub mod tab_state;
pub mod ui_words;
pub mod words;
