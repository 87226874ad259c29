//! A team's accounts: the configuration an organisation deploys (read strictly or leniently, merged
//! with the person's own accounts, its problems named) and the imports from files people already have.
//!
//! May import: `aws`, `url`.

pub mod config;
pub mod import;
