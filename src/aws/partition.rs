//! AWS partitions and the host names each one signs people in on (the table is the generated
//! `catalogue`).

use crate::aws::catalogue;

pub use crate::aws::catalogue::Partition;

impl Partition {
    /// Every partition botocore knows, in its order; the isolated ones have sign-in hosts only.
    pub const ALL: &'static [Partition] = &catalogue::ALL;

    /// The partitions with a known console, for which the product makes links.
    pub const WITH_CONSOLE: &'static [Partition] = &catalogue::WITH_CONSOLE;

    /// The partition's identifier as botocore and ARNs spell it (`aws-cn`).
    pub fn id(self) -> &'static str {
        catalogue::PARTITIONS[self as usize].0
    }

    /// Parses the identifier of a partition with a known console (`aws`, `aws-cn`, `aws-eusc`,
    /// `aws-us-gov`), ignoring case.
    pub fn from_id(id: &str) -> Option<Partition> {
        Partition::WITH_CONSOLE
            .iter()
            .copied()
            .find(|p| p.id().eq_ignore_ascii_case(id.trim()))
    }

    /// The identifiers `from_id` accepts, for messages: `aws, aws-cn, …`.
    pub fn ids() -> String {
        let ids: Vec<&str> = Partition::WITH_CONSOLE.iter().map(|p| p.id()).collect();
        ids.join(", ")
    }

    /// The domain below which sign-in hosts live: `ACCOUNT.signin.<this>`, `REGION.signin.<this>`.
    pub fn signin_domain(self) -> &'static str {
        catalogue::PARTITIONS[self as usize].1
    }

    /// The global console host, which is also the general sign-in page; `None` for the isolated
    /// partitions, whose console domains no source names.
    pub fn console_domain(self) -> Option<&'static str> {
        catalogue::PARTITIONS[self as usize].2
    }

    /// Whether the partition's console is known (so links can be made for it).
    pub fn has_console(self) -> bool {
        self.console_domain().is_some()
    }

    /// The sign-in page for people who type their account in themselves (`None` where no console is known).
    pub fn general_signin_url(self) -> Option<String> {
        self.console_domain()
            .map(|domain| format!("https://{domain}/"))
    }
}

impl std::fmt::Display for Partition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_partition_reads_back_from_its_id() {
        for &partition in Partition::WITH_CONSOLE {
            assert_eq!(Partition::from_id(partition.id()), Some(partition));
        }
        assert_eq!(Partition::from_id("AWS-EUSC"), Some(Partition::AwsEusc));
        // The isolated partitions: sign-in hosts only, no links.
        assert_eq!(Partition::from_id("aws-iso"), None);
        assert_eq!(Partition::AwsIso.console_domain(), None);
        assert_eq!(Partition::AwsIso.signin_domain(), "signin.c2shome.ic.gov");
        assert_eq!(Partition::ids(), "aws, aws-cn, aws-eusc, aws-us-gov");
    }
}
