//! Hosts made to look like AWS sign-in or console hosts.
