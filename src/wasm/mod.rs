//! The WebAssembly boundary: converts between JS values and the core's types, nothing else.
//!
//! One crate, two packages (`cargo xtask dist`): the core package (`signin_guard`), which the
//! worker, the popup and the web page load, and the pages package (`signin_guard_pages`, built
//! with the `pages` feature): the same exports plus the bookmark doctor's and those that read,
//! import and edit team configurations, for the doctor and options pages. Keeping those out of
//! the core package keeps the module every worker wake instantiates small.
#![deny(clippy::unwrap_used)]

mod convert;
#[cfg(feature = "pages")]
mod doctor;
mod tabs;
mod team;
#[cfg(feature = "pages")]
mod team_edit;
mod urls;

#[cfg(feature = "pages")]
pub use doctor::*;
pub use tabs::*;
pub use team::*;
#[cfg(feature = "pages")]
pub use team_edit::*;
pub use urls::*;
