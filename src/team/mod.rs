//! A team's accounts: the configuration an organisation deploys (read strictly or leniently, merged
//! with the person's own accounts, its problems named), the imports from files people already have,
//! and the sign-in links to its accounts.
//!
//! May import: `aws`, `url`.

pub mod config;
pub mod import;
pub mod link_table;
pub mod signin_links;
