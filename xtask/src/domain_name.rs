//! What the catalogue accepts as a domain name.

/// A domain name as the catalogue keeps it: lowercase ASCII labels of letters, digits and hyphens.
pub fn is_domain(domain: &str) -> bool {
    domain.split('.').count() >= 2
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_labels_only() {
        assert!(is_domain("signin.csphome.adc-e.uk"));
        for bad in ["signin.{Region}.x", "com", "a..b", "A.com", "-a.com"] {
            assert!(!is_domain(bad), "{bad}");
        }
    }
}
