// @generated placeholder: replaced by `cargo xtask regions`. Do not edit.
use super::RegionInfo;
use crate::partition::Partition;

/// The botocore release this table was generated from.
pub(crate) const BOTOCORE_VERSION: &str = "placeholder";

/// Every region of the supported partitions, by partition then code.
pub(crate) static REGIONS: &[RegionInfo] = &[
    RegionInfo { code: "af-south-1", name: "Africa (Cape Town)", partition: Partition::Aws, opt_in: true },
    RegionInfo { code: "ap-southeast-1", name: "Asia Pacific (Singapore)", partition: Partition::Aws, opt_in: false },
    RegionInfo { code: "ap-southeast-7", name: "Asia Pacific (Thailand)", partition: Partition::Aws, opt_in: true },
    RegionInfo { code: "eu-central-2", name: "Europe (Zurich)", partition: Partition::Aws, opt_in: true },
    RegionInfo { code: "eu-west-1", name: "Europe (Ireland)", partition: Partition::Aws, opt_in: false },
    RegionInfo { code: "us-east-1", name: "US East (N. Virginia)", partition: Partition::Aws, opt_in: false },
    RegionInfo { code: "us-east-2", name: "US East (Ohio)", partition: Partition::Aws, opt_in: false },
    RegionInfo { code: "us-west-2", name: "US West (Oregon)", partition: Partition::Aws, opt_in: false },
    RegionInfo { code: "cn-north-1", name: "China (Beijing)", partition: Partition::AwsCn, opt_in: false },
    RegionInfo { code: "cn-northwest-1", name: "China (Ningxia)", partition: Partition::AwsCn, opt_in: false },
    RegionInfo { code: "us-gov-east-1", name: "AWS GovCloud (US-East)", partition: Partition::AwsUsGov, opt_in: false },
    RegionInfo { code: "us-gov-west-1", name: "AWS GovCloud (US-West)", partition: Partition::AwsUsGov, opt_in: false },
];
