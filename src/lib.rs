//! Sign-in Guard core: reads AWS sign-in and console URLs and says what each one is.
//!
//! Everything the extension, the web page and the CLI decide lives here, with no browser
//! dependency; `wasm` only converts types at the WebAssembly boundary.

pub mod account;
pub mod bookmark_doctor;
pub mod bookmark_file;
pub mod bookmark_fix;
pub mod canonical_link;
pub mod classify;
pub mod cloudtrail;
pub mod console_links;
pub mod hidden_text;
pub mod import;
pub mod known_accounts;
pub mod links;
mod lookalike;
pub mod navigation_flow;
pub mod omnibox;
pub mod page_view;
pub mod partition;
mod quick_reject;
pub mod redact;
pub mod region_search;
pub mod regions;
mod simple_url;
mod small_sort;
mod stored_value;
pub mod team_config;
pub mod team_view;
mod unicode_host;
pub mod user_info;
pub mod verdict;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use account::{Account, AccountError, AccountId, Alias};
pub use bookmark_doctor::{analyze, fix_with_account, Bookmark, Report};
pub use bookmark_file::{check_file, fix_file, FixPolicy, FixResult, ParseError};
pub use classify::classify;
pub use links::{account_signin_url, LinkError};
pub use partition::Partition;
pub use redact::redact;
pub use regions::{Region, RegionInfo};
pub use verdict::{Kind, Verdict, Warning, WarningCode};
