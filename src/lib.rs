//! Sign-in Guard core: reads AWS sign-in and console URLs and says what each one is.
//!
//! Everything the extension, the web page and the CLI decide lives here, with no browser
//! dependency; `wasm` only converts types at the WebAssembly boundary. The wings, each building
//! only on the ones before it (`tests/layout.rs` checks that no import goes back):
//! - `aws`: partitions, regions, account labels;
//! - `url`: what one URL is, lookalikes, redaction, the links the product makes;
//! - `team`: the team configuration and the imports;
//! - `tab`: what the extension shows and keeps for a tab;
//! - `bookmarks`: the bookmark doctor, the single fix, bookmark files;
//! - `events`: one answer per browser event (page report, bookmark change, lookalike navigation);
//! - `wasm` (the WebAssembly boundary) and, in the binary, `cli`: they use every wing.

pub mod aws;
pub mod bookmarks;
pub mod events;
mod small_sort;
pub mod tab;
pub mod team;
pub mod url;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use aws::account::{Account, AccountError, AccountId, Alias};
pub use aws::partition::Partition;
pub use aws::regions::{Region, RegionInfo};
pub use bookmarks::doctor::{analyze, fix_with_account, Bookmark, Report};
pub use bookmarks::file::{check_file, fix_file, FixPolicy, FixResult, ParseError};
pub use url::classify::classify;
pub use url::links::{account_signin_url, LinkError};
pub use url::redact::redact;
pub use url::verdict::{Kind, Verdict, Warning, WarningCode};
