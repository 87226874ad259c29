//! AWS partitions and the host names each one signs people in on.

use serde::Serialize;

/// A group of AWS regions with its own sign-in and console domains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Partition {
    /// The commercial partition (`aws.amazon.com`).
    #[serde(rename = "aws")]
    Aws,
    /// The China partition (`amazonaws.cn`).
    #[serde(rename = "aws-cn")]
    AwsCn,
    /// AWS GovCloud (US) (`amazonaws-us-gov.com`).
    #[serde(rename = "aws-us-gov")]
    AwsUsGov,
}

impl Partition {
    /// Every supported partition, in a stable order.
    pub const ALL: [Partition; 3] = [Partition::Aws, Partition::AwsCn, Partition::AwsUsGov];

    /// The partition's identifier as botocore and ARNs spell it (`aws-cn`).
    pub fn id(self) -> &'static str {
        match self {
            Partition::Aws => "aws",
            Partition::AwsCn => "aws-cn",
            Partition::AwsUsGov => "aws-us-gov",
        }
    }

    /// Parses a partition identifier (`aws`, `aws-cn`, `aws-us-gov`), ignoring case.
    pub fn from_id(id: &str) -> Option<Partition> {
        Partition::ALL
            .into_iter()
            .find(|p| p.id().eq_ignore_ascii_case(id.trim()))
    }

    /// The domain below which sign-in hosts live: `ACCOUNT.signin.<this>`.
    pub fn signin_domain(self) -> &'static str {
        match self {
            Partition::Aws => "signin.aws.amazon.com",
            Partition::AwsCn => "signin.amazonaws.cn",
            Partition::AwsUsGov => "signin.amazonaws-us-gov.com",
        }
    }

    /// The global console host, which is also the general sign-in page.
    pub fn console_domain(self) -> &'static str {
        match self {
            Partition::Aws => "console.aws.amazon.com",
            Partition::AwsCn => "console.amazonaws.cn",
            Partition::AwsUsGov => "console.amazonaws-us-gov.com",
        }
    }

    /// The sign-in page for people who type their account in themselves.
    pub fn general_signin_url(self) -> String {
        format!("https://{}/", self.console_domain())
    }
}

impl std::fmt::Display for Partition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}
