//! Bookmarks: the doctor that finds the AWS bookmarks that break or leak, the fix of one bookmark,
//! exported bookmark files (Netscape HTML) read, checked and fixed byte for byte, and a team's
//! links written as one and, for the web page, read from a pasted team file.
//!
//! May import: `aws`, `url`, `team`, `tab`.

pub mod doctor;
pub mod file;
pub mod fix;
pub mod team_file;
pub mod team_links;
