//! The WebAssembly boundary: converts between JS values and the core's types, nothing else.
//!
//! One crate, five packages (`cargo xtask dist`): the core package's exports are in every package
//! but the wake package, and the extension and pages packages each hold the one before:
//! - the core package (`signin_guard`, no features): the core API of `urls` (`classify`,
//!   `classifyMany`, `accountSigninUrl`, `regions`) and the web page's checker's words (`words`),
//!   which the web page loads;
//! - the wake package (`signin_guard_wake`, feature `wake`, `cfg(wake_package)`), the one not
//!   holding the package before it: only the exports a worker wake calls, one per browser event
//!   (`events`: a page report, a bookmark change, a lookalike navigation) and the stored values
//!   they read (`tabs`: known accounts), and the in-page notice's and the toolbar button's words
//!   (`words`). Every worker wake instantiates it, so nothing else is in it: not the core API,
//!   nor the WHATWG parser (the `url` crate). It reads plain URLs by hand; for any other an
//!   event's answer is `undefined` (`crate::url::deferral`), and the worker asks the extension
//!   package;
//! - the extension package (`signin_guard_extension`, feature `extension`): plus what the popup
//!   and warning page ask for, and the worker on first use (`team`, `launcher`, region search,
//!   console links, bookmark fixes, the managed configuration's check);
//! - the pages package (`signin_guard_pages`, feature `pages`): plus the bookmark doctor's
//!   exports and those that read, import and edit team configurations, for the doctor and
//!   options pages;
//! - the tools package (`signin_guard_tools`, feature `tools`): the core API plus bookmark files
//!   checked and fixed as chosen (and the file doctor's words), the doctor's findings exported and
//!   a pasted team file's links,
//!   which `www/` loads on first use (apart from the pages package: ~82 KB less gzipped than it, and the pages package does not
//!   carry bookmark files).
//!
//! Each page loads only what it calls, so the module a worker wake or a page load compiles stays
//! as small as its page.
#![deny(clippy::unwrap_used)]

#[cfg(feature = "tools")]
mod bookmark_file;
#[cfg(not(wake_package))]
mod bulk;
mod convert;
#[cfg(feature = "pages")]
mod doctor;
#[cfg(feature = "wake")]
mod events;
#[cfg(feature = "extension")]
mod extension_urls;
#[cfg(any(feature = "pages", feature = "tools"))]
mod findings;
#[cfg(feature = "extension")]
mod journal;
#[cfg(feature = "extension")]
mod launcher;
#[cfg(feature = "wake")]
mod tabs;
#[cfg(feature = "extension")]
mod team;
#[cfg(feature = "pages")]
mod team_edit;
#[cfg(feature = "tools")]
mod team_links;
#[cfg(not(wake_package))]
mod urls;
mod words;

#[cfg(feature = "tools")]
pub use bookmark_file::*;
#[cfg(feature = "pages")]
pub use doctor::*;
#[cfg(feature = "wake")]
pub use events::*;
#[cfg(feature = "extension")]
pub use extension_urls::*;
#[cfg(any(feature = "pages", feature = "tools"))]
pub use findings::*;
#[cfg(feature = "extension")]
pub use journal::*;
#[cfg(feature = "extension")]
pub use launcher::*;
#[cfg(feature = "wake")]
pub use tabs::*;
#[cfg(feature = "extension")]
pub use team::*;
#[cfg(feature = "pages")]
pub use team_edit::*;
#[cfg(feature = "tools")]
pub use team_links::*;
#[cfg(not(wake_package))]
pub use urls::*;
pub use words::*;
