//! What AWS is made of, as the product needs it: partitions and their host names, the region table
//! generated from botocore, account labels, and region search.
//!
//! May import: nothing else of the crate (every other wing builds on this one).

pub mod account;
pub mod partition;
pub mod region_search;
pub mod regions;
