//! The region table (generated from botocore) and the `Region` type that only holds a listed region.

use crate::aws::catalogue;
use crate::aws::partition::Partition;
use serde::{Serialize, Serializer};
use std::fmt;

/// One row of the generated region table (defined with it in the catalogue).
pub use crate::aws::catalogue::RegionInfo;

/// A region from the table: holding one proves the code is known.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Region(&'static RegionInfo);

/// The botocore release the table was generated from.
pub const BOTOCORE_VERSION: &str = catalogue::BOTOCORE_VERSION;

impl Region {
    /// Finds a region by code (case-insensitive) in the partitions the product makes links for
    /// (those with a known console); the isolated partitions' regions only `find_in` finds.
    pub fn find(code: &str) -> Option<Region> {
        Region::find_any(code).filter(|r| r.partition().has_console())
    }

    /// Finds a region by code only if it belongs to `partition` (any partition, isolated ones too).
    pub fn find_in(code: &str, partition: Partition) -> Option<Region> {
        Region::find_any(code).filter(|r| r.partition() == partition)
    }

    fn find_any(code: &str) -> Option<Region> {
        let code = code.trim();
        catalogue::REGIONS
            .iter()
            .find(|r| r.code.eq_ignore_ascii_case(code))
            .map(Region)
    }

    /// The region code.
    pub fn code(self) -> &'static str {
        self.0.code
    }

    /// The display name, e.g. `US East (Ohio)`.
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// The partition of the region.
    pub fn partition(self) -> Partition {
        self.0.partition
    }

    /// Whether the region is disabled until the account opts in.
    pub fn opt_in(self) -> bool {
        self.0.opt_in
    }

    /// Every region of one partition, or of every partition with a known console, in table order.
    pub fn all(partition: Option<Partition>) -> impl Iterator<Item = Region> {
        catalogue::REGIONS
            .iter()
            .filter(move |r| match partition {
                Some(p) => r.partition == p,
                None => r.partition.has_console(),
            })
            .map(Region)
    }

    /// The table row behind the region.
    pub fn info(self) -> &'static RegionInfo {
        self.0
    }
}

impl fmt::Debug for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Region({})", self.0.code)
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.code)
    }
}

impl Serialize for Region {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.code)
    }
}

impl Serialize for RegionInfo {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("RegionInfo", 4)?;
        s.serialize_field("code", self.code)?;
        s.serialize_field("name", self.name)?;
        s.serialize_field("partition", &self.partition)?;
        s.serialize_field("opt_in", &self.opt_in)?;
        s.end()
    }
}
