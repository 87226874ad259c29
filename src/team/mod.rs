//! A team's accounts: the configuration an organisation deploys (read strictly or leniently, merged
//! with the person's own accounts, its problems named), the imports from files people already have,
//! the sign-in links to its accounts, and secrets taken out of pasted text.
//!
//! May import: `aws`, `url`.

pub mod config;
pub mod import;
pub mod link_table;
pub mod pasted_secrets;
pub mod signin_links;
