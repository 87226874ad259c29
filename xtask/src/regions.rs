//! Reads botocore (a wheel, a folder, or the newest from PyPI): its partitions, their regions and
//! display names, service domains, and each partition's sign-in domain from the `signin` service's
//! endpoint rules, into the facts that `cargo xtask regions` keeps in `xtask/catalogue/botocore.tsv`.
//!
//! botocore (the data behind the AWS SDK for Python) is a machine-readable list of AWS partitions
//! and regions that AWS keeps current, so the catalogue is generated from it, never typed by hand.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The oldest botocore accepted: older releases lack regions the rest of the crate expects.
const MIN_BOTOCORE: (u64, u64, u64) = (1, 44, 8);

/// botocore's region list in the endpoint-rules format (`partitions[].id`).
const PARTITIONS_FILE: &str = "partitions.json";

/// botocore's older endpoints model (`partitions[].partition`), read as a cross-check.
const ENDPOINTS_FILE: &str = "endpoints.json";

/// The aws-partition regions that every account has enabled.
///
/// botocore's data says nothing about opt-in (its region entries carry only a `description`),
/// so this comes from AWS's documented rule instead. "Enable or disable AWS Regions in your
/// account", <https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html>:
/// Regions launched before March 20, 2019 are enabled by default; Regions launched after it are
/// disabled by default ("opt-in Regions"). These are the 17 aws regions launched before that
/// date (ap-northeast-3 counts: it launched as a local region in 2018). Every other aws region
/// is opt-in. The China and GovCloud partitions have no opt-in regions.
const DEFAULT_ENABLED: [&str; 17] = [
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ca-central-1",
    "eu-central-1",
    "eu-north-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
];

/// The aws-partition opt-in regions confirmed against the same AWS page (launched after
/// March 20, 2019).
///
/// The rule above already makes these opt-in; listing them lets the generator tell a region it
/// has checked from one that is new since, which it warns about so that someone confirms it on
/// the AWS page and adds it here. A listed code missing from botocore fails the run: a region
/// disappearing means the data or this list is wrong, and the table must not silently shrink.
const OPT_IN: [&str; 17] = [
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-south-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-west-1",
    "eu-central-2",
    "eu-south-1",
    "eu-south-2",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
];

/// One generated region: code, botocore's description, partition id and opt-in flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub code: String,
    pub name: String,
    pub partition: String,
    pub opt_in: bool,
}

/// The `signin` service's endpoint rules, which name each partition's sign-in domain.
const SIGNIN_RULES_FILE: &str = "signin/2023-01-01/endpoint-rule-set-1.json";

/// The botocore data files, decoded, with where they came from.
pub struct Botocore {
    pub version: String,
    /// File names as read (`partitions.json` or `partitions.json.gz`), for the generated headers.
    pub partitions_name: String,
    pub partitions: String,
    pub endpoints_name: String,
    pub endpoints: String,
    pub signin_rules_name: String,
    pub signin_rules: String,
}

impl Botocore {
    /// The files read, as the generated files' first lines name them.
    pub fn sources(&self) -> String {
        format!(
            "data/{}, data/{}, data/{}",
            self.partitions_name, self.endpoints_name, self.signin_rules_name
        )
    }
}

/// Downloads the newest botocore wheel into a temporary directory and reads it.
pub fn download_and_load() -> Result<Botocore, String> {
    let dir = TempDir::new()?;
    eprintln!("downloading the newest botocore wheel from PyPI…");
    let status = Command::new("python3")
        .args([
            "-m",
            "pip",
            "download",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .args(["--no-deps", "--only-binary=:all:", "botocore", "-d"])
        .arg(&dir.0)
        // pip's progress belongs with our diagnostics, keeping stdout to the one summary line.
        .stdout(std::io::stderr())
        .status()
        .map_err(|e| format!("cannot run `python3 -m pip`: {e} (or pass --botocore PATH)"))?;
    if !status.success() {
        return Err(format!(
            "`python3 -m pip download botocore` failed ({status}); pass --botocore PATH instead"
        ));
    }
    let wheel = fs::read_dir(&dir.0)
        .map_err(|e| format!("cannot list {}: {e}", dir.0.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("botocore-") && n.ends_with(".whl"))
        })
        .ok_or("pip reported success but left no botocore wheel")?;
    load(&wheel)
}

/// A directory removed when dropped, so a failed run leaves no download behind.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir, String> {
        let path = std::env::temp_dir().join(format!("xtask-botocore-{}", std::process::id()));
        // A leftover from a crashed run with the same pid would confuse the wheel search.
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        Ok(TempDir(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Reads botocore from a wheel or an unpacked directory.
pub fn load(path: &Path) -> Result<Botocore, String> {
    if path.is_dir() {
        return load_dir(path);
    }
    if !path.is_file() {
        return Err(format!("{} does not exist", path.display()));
    }
    let file = fs::File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    load_wheel(file, file_name).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads a wheel; `file_name` supplies the version if `botocore/__init__.py` does not.
fn load_wheel<R: Read + Seek>(reader: R, file_name: &str) -> Result<Botocore, String> {
    let mut wheel =
        zip::ZipArchive::new(reader).map_err(|e| format!("not a readable wheel: {e}"))?;
    let mut read = |name: &str| -> Result<Option<Vec<u8>>, String> {
        match wheel.by_name(name) {
            Ok(mut entry) => {
                let mut bytes = Vec::new();
                entry
                    .read_to_end(&mut bytes)
                    .map_err(|e| format!("cannot read {name}: {e}"))?;
                Ok(Some(bytes))
            }
            Err(zip::result::ZipError::FileNotFound) => Ok(None),
            Err(e) => Err(format!("cannot read {name}: {e}")),
        }
    };
    let version = match read("botocore/__init__.py")? {
        Some(init) => version_from_init(&String::from_utf8_lossy(&init)),
        None => None,
    }
    .or_else(|| version_from_wheel_name(file_name))
    .ok_or("cannot tell the botocore version from botocore/__init__.py or the file name")?;
    let (partitions_name, partitions) =
        read_data(PARTITIONS_FILE, |n| read(&format!("botocore/data/{n}")))?;
    let (endpoints_name, endpoints) =
        read_data(ENDPOINTS_FILE, |n| read(&format!("botocore/data/{n}")))?;
    let (signin_rules_name, signin_rules) =
        read_data(SIGNIN_RULES_FILE, |n| read(&format!("botocore/data/{n}")))?;
    Ok(Botocore {
        version,
        partitions_name,
        partitions,
        endpoints_name,
        endpoints,
        signin_rules_name,
        signin_rules,
    })
}

/// Reads an unpacked botocore: the directory holding `botocore/`, the package or its `data`.
fn load_dir(path: &Path) -> Result<Botocore, String> {
    let has_data = |dir: &Path| {
        [PARTITIONS_FILE.to_string(), format!("{PARTITIONS_FILE}.gz")]
            .iter()
            .any(|n| dir.join(n).is_file())
    };
    let data = [
        path.join("botocore/data"),
        path.join("data"),
        path.to_path_buf(),
    ]
    .into_iter()
    .find(|d| has_data(d))
    .ok_or_else(|| {
        format!(
            "no {PARTITIONS_FILE}(.gz) found in or below {}",
            path.display()
        )
    })?;
    let init = data.join("../__init__.py");
    let version = fs::read_to_string(&init)
        .ok()
        .and_then(|text| version_from_init(&text))
        .ok_or_else(|| format!("cannot read the botocore version from {}", init.display()))?;
    let read = |name: &str| -> Result<Option<Vec<u8>>, String> {
        let file = data.join(name);
        match fs::read(&file) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("cannot read {}: {e}", file.display())),
        }
    };
    let (partitions_name, partitions) = read_data(PARTITIONS_FILE, read)?;
    let (endpoints_name, endpoints) = read_data(ENDPOINTS_FILE, read)?;
    let (signin_rules_name, signin_rules) = read_data(SIGNIN_RULES_FILE, read)?;
    Ok(Botocore {
        version,
        partitions_name,
        partitions,
        endpoints_name,
        endpoints,
        signin_rules_name,
        signin_rules,
    })
}

/// Reads `name` or, failing that, `name.gz` (newer botocore releases may gzip their data),
/// returning the name found and the decoded text.
fn read_data(
    name: &str,
    mut read: impl FnMut(&str) -> Result<Option<Vec<u8>>, String>,
) -> Result<(String, String), String> {
    if let Some(bytes) = read(name)? {
        let text = String::from_utf8(bytes).map_err(|e| format!("{name} is not UTF-8: {e}"))?;
        return Ok((name.to_string(), text));
    }
    let gz = format!("{name}.gz");
    let bytes = read(&gz)?.ok_or_else(|| format!("botocore data has neither {name} nor {gz}"))?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes.as_slice())
        .read_to_string(&mut text)
        .map_err(|e| format!("cannot decompress {gz}: {e}"))?;
    Ok((gz, text))
}

/// The version from a line like `__version__ = '1.44.8'`.
fn version_from_init(text: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let value = line
            .trim()
            .strip_prefix("__version__")?
            .trim_start()
            .strip_prefix('=')?;
        let value = value.trim().trim_matches(|c| c == '\'' || c == '"');
        parse_version(value).map(|_| value.to_string())
    })
}

/// The version from a wheel name like `botocore-1.44.8-py3-none-any.whl`.
fn version_from_wheel_name(name: &str) -> Option<String> {
    let version = name.strip_prefix("botocore-")?.split('-').next()?;
    parse_version(version).map(|_| version.to_string())
}

/// Parses `X.Y.Z`, the only form botocore releases use.
fn parse_version(version: &str) -> Option<(u64, u64, u64)> {
    let mut parts = version.split('.').map(|p| p.parse::<u64>().ok());
    let parsed = (parts.next()??, parts.next()??, parts.next()??);
    parts.next().is_none().then_some(parsed)
}

pub fn check_version(version: &str) -> Result<(), String> {
    let parsed = parse_version(version)
        .ok_or_else(|| format!("botocore version `{version}` is not of the form X.Y.Z"))?;
    if parsed < MIN_BOTOCORE {
        let (a, b, c) = MIN_BOTOCORE;
        return Err(format!(
            "botocore {version} is too old: the catalogue needs botocore {a}.{b}.{c} or newer"
        ));
    }
    Ok(())
}

/// What botocore says about one partition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartitionFacts {
    /// botocore's id (`aws-eusc`).
    pub id: String,
    /// The domain of `https://{Region}.signin.DOMAIN` in the `signin` endpoint rules.
    pub signin_domain: String,
    /// `outputs.dnsSuffix` (`amazonaws.com`).
    pub dns_suffix: String,
    /// `outputs.dualStackDnsSuffix` (`api.aws`).
    pub dual_stack_dns_suffix: String,
}

/// Region code to description, per partition id, in the file's partition order.
type RegionsByPartition = Vec<(String, BTreeMap<String, String>)>;

fn parse_json(json: &str, file: &str) -> Result<Value, String> {
    serde_json::from_str(json).map_err(|e| format!("{file}: not valid JSON: {e}"))
}

fn partitions_array<'a>(root: &'a Value, file: &str) -> Result<&'a Vec<Value>, String> {
    root.get("partitions")
        .and_then(Value::as_array)
        .filter(|p| !p.is_empty())
        .ok_or_else(|| format!("{file}: no `partitions` array"))
}

/// Reads `partitions[].regions` from either data file; `id_key` is the key naming the
/// partition (`id` in partitions.json, `partition` in endpoints.json).
fn parse_regions(json: &str, file: &str, id_key: &str) -> Result<RegionsByPartition, String> {
    let root = parse_json(json, file)?;
    let mut out = RegionsByPartition::new();
    for (index, entry) in partitions_array(&root, file)?.iter().enumerate() {
        let id = entry
            .get(id_key)
            .and_then(Value::as_str)
            .filter(|id| is_partition_id(id))
            .ok_or_else(|| {
                format!(
                    "{file}: partitions[{index}] has no `{id_key}` (a partition id like aws-cn)"
                )
            })?;
        let regions = entry
            .get("regions")
            .and_then(Value::as_object)
            .ok_or_else(|| format!("{file}: partition {id} has no `regions` object"))?;
        let mut codes = BTreeMap::new();
        for (code, info) in regions {
            // partitions.json also lists pseudo-regions such as `aws-global` for global
            // endpoints; nobody can sign in to those.
            if !is_region_code(code) {
                continue;
            }
            let name = info
                .get("description")
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .ok_or_else(|| format!("{file}: region {code} has no description"))?;
            codes.insert(code.clone(), name.to_string());
        }
        if codes.is_empty() {
            return Err(format!(
                "{file}: partition {id} has no regions in `regions`"
            ));
        }
        if out.iter().any(|(known, _)| known == id) {
            return Err(format!("{file}: partition {id} is listed twice"));
        }
        out.push((id.to_string(), codes));
    }
    Ok(out)
}

/// `aws`, `aws-cn`, `aws-iso-b`: lowercase words joined by single hyphens.
fn is_partition_id(id: &str) -> bool {
    id.split('-')
        .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
}

/// A real region code: lowercase words joined by dashes, ending in a number (`us-gov-west-1`).
fn is_region_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let Some(last) = parts.next_back() else {
        return false;
    };
    let words: Vec<&str> = parts.collect();
    !last.is_empty()
        && last.bytes().all(|b| b.is_ascii_digit())
        && words.len() >= 2
        && words
            .iter()
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
}

/// The partitions in partitions.json order, each with its `outputs` domains and, from the
/// `signin` endpoint rules, its sign-in domain.
pub fn partition_facts(botocore: &Botocore) -> Result<Vec<PartitionFacts>, String> {
    let file = PARTITIONS_FILE;
    let root = parse_json(&botocore.partitions, file)?;
    let signin = crate::signin_rules::signin_domains(&botocore.signin_rules)?;
    let mut out = Vec::new();
    for (index, entry) in partitions_array(&root, file)?.iter().enumerate() {
        let id = entry
            .get("id")
            .and_then(Value::as_str)
            .filter(|id| is_partition_id(id))
            .ok_or_else(|| format!("{file}: partitions[{index}] has no `id`"))?;
        let output = |field: &str| {
            entry
                .get("outputs")
                .and_then(|o| o.get(field))
                .and_then(Value::as_str)
                .filter(|d| crate::domain_name::is_domain(d))
                .map(str::to_owned)
                .ok_or_else(|| format!("{file}: partition {id} has no `outputs.{field}` domain"))
        };
        let dns_suffix = output("dnsSuffix")?;
        let dual_stack_dns_suffix = output("dualStackDnsSuffix")?;
        let signin_domain = signin
            .by_partition
            .iter()
            .find(|(partition, _)| partition == id)
            .map(|(_, domain)| domain.clone())
            // The rules' default for a partition without a rule of its own.
            .or_else(|| {
                signin
                    .default_uses_dns_suffix
                    .then(|| format!("signin.{dns_suffix}"))
            })
            .ok_or_else(|| {
                format!(
                    "{SIGNIN_RULES_FILE}: no rule gives partition {id} an endpoint \
                     `https://{{Region}}.signin.DOMAIN` (`rules[].endpoint.url`)"
                )
            })?;
        out.push(PartitionFacts {
            id: id.to_owned(),
            signin_domain,
            dns_suffix,
            dual_stack_dns_suffix,
        });
    }
    Ok(out)
}

/// Merges both files into rows (partitions in partitions.json order, codes sorted) with opt-in
/// flags; returns the rows and warnings.
pub fn build_table(
    partitions_json: &str,
    endpoints_json: &str,
) -> Result<(Vec<Row>, Vec<String>), String> {
    let from_partitions = parse_regions(partitions_json, PARTITIONS_FILE, "id")?;
    let from_endpoints = parse_regions(endpoints_json, ENDPOINTS_FILE, "partition")?;
    let mut warnings = Vec::new();
    let mut rows = Vec::new();
    for (partition, primary) in &from_partitions {
        let secondary = &from_endpoints
            .iter()
            .find(|(id, _)| id == partition)
            .ok_or_else(|| format!("{ENDPOINTS_FILE}: partition {partition} is missing"))?
            .1;
        // A union: partitions.json tends to gain a region before any service endpoint exists in
        // endpoints.json, and either file alone missing a region is worth a look, not a failure.
        let codes: BTreeSet<&String> = primary.keys().chain(secondary.keys()).collect();
        for code in codes {
            let name = match (primary.get(code), secondary.get(code)) {
                (Some(a), Some(b)) => {
                    if a != b {
                        warnings.push(format!(
                            "{code}: {PARTITIONS_FILE} calls it \"{a}\", {ENDPOINTS_FILE} \"{b}\"; using the former"
                        ));
                    }
                    a
                }
                (Some(a), None) => {
                    warnings.push(format!(
                        "{code} is in {PARTITIONS_FILE} but not {ENDPOINTS_FILE}"
                    ));
                    a
                }
                (None, Some(b)) => {
                    warnings.push(format!(
                        "{code} is in {ENDPOINTS_FILE} but not {PARTITIONS_FILE}"
                    ));
                    b
                }
                (None, None) => unreachable!("code comes from one of the maps"),
            };
            rows.push(Row {
                code: code.clone(),
                name: name.clone(),
                partition: partition.clone(),
                opt_in: opt_in(partition, code, &mut warnings),
            });
        }
    }
    check_listed_regions(&rows)?;
    Ok((rows, warnings))
}

/// Whether a region needs opting in, by AWS's launch-date rule (see [`DEFAULT_ENABLED`]).
fn opt_in(partition: &str, code: &str, warnings: &mut Vec<String>) -> bool {
    if partition != "aws" || DEFAULT_ENABLED.contains(&code) {
        return false;
    }
    if !OPT_IN.contains(&code) {
        warnings.push(format!(
            "{code} is new to the opt-in list: marked opt-in (AWS's rule for regions launched after \
             2019-03-20); confirm on the AWS page and add it to OPT_IN in xtask/src/regions.rs"
        ));
    }
    true
}

/// Fails if a region listed here by hand is absent from botocore's aws partition.
fn check_listed_regions(rows: &[Row]) -> Result<(), String> {
    let aws: BTreeSet<&str> = rows
        .iter()
        .filter(|r| r.partition == "aws")
        .map(|r| r.code.as_str())
        .collect();
    let missing: Vec<&str> = DEFAULT_ENABLED
        .iter()
        .chain(OPT_IN.iter())
        .copied()
        .filter(|code| !aws.contains(code))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "botocore's aws partition lacks {} listed in xtask/src/regions.rs; \
             fix DEFAULT_ENABLED/OPT_IN or the botocore source before regenerating",
            missing.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every hand-listed aws region, as botocore would describe it, plus `extra` entries.
    fn aws_regions(extra: &str) -> String {
        let listed: Vec<String> = DEFAULT_ENABLED
            .iter()
            .chain(OPT_IN.iter())
            .map(|code| format!(r#""{code}": {{"description": "Name of {code}"}}"#))
            .collect();
        format!("{{{}{extra}}}", listed.join(", "))
    }

    fn partitions_json() -> String {
        format!(
            r#"{{"version": "1.1", "partitions": [
                {{"id": "aws", "outputs": {{"dnsSuffix": "amazonaws.com", "dualStackDnsSuffix": "api.aws"}}, "regions": {}}},
                {{"id": "aws-eusc", "outputs": {{"dnsSuffix": "amazonaws.eu", "dualStackDnsSuffix": "api.amazonwebservices.eu"}},
                  "regions": {{"eusc-de-east-1": {{"description": "AWS European Sovereign Cloud (Germany)"}}, "aws-eusc-global": {{"description": "g"}}}}}}
            ]}}"#,
            aws_regions(r#", "aws-global": {"description": "aws global region"}"#)
        )
    }

    fn endpoints_json() -> String {
        format!(
            r#"{{"version": 3, "partitions": [
                {{"partition": "aws", "services": {{}}, "regions": {}}},
                {{"partition": "aws-eusc", "regions": {{"eusc-de-east-1": {{"description": "AWS European Sovereign Cloud (Germany)"}}}}}}
            ]}}"#,
            aws_regions("")
        )
    }

    fn rules_json(partitions: &[(&str, &str)]) -> String {
        let rules: Vec<String> = partitions
            .iter()
            .map(|(p, domain)| {
                format!(
                    r#"{{"conditions": [{{"fn": "stringEquals", "argv": [{{"fn": "getAttr", "argv": [{{"ref": "PartitionResult"}}, "name"]}}, "{p}"]}}],
                      "endpoint": {{"url": "https://{{Region}}.signin.{domain}"}}, "type": "endpoint"}}"#
                )
            })
            .collect();
        format!(r#"{{"version": "1.0", "rules": [{}]}}"#, rules.join(","))
    }

    fn botocore(partitions: String, endpoints: String, rules: String) -> Botocore {
        Botocore {
            version: "1.44.8".into(),
            partitions_name: "partitions.json".into(),
            partitions,
            endpoints_name: "endpoints.json".into(),
            endpoints,
            signin_rules_name: "signin/2023-01-01/endpoint-rule-set-1.json.gz".into(),
            signin_rules: rules,
        }
    }

    fn good() -> Botocore {
        botocore(
            partitions_json(),
            endpoints_json(),
            rules_json(&[("aws", "aws.amazon.com"), ("aws-eusc", "amazonaws-eusc.eu")]),
        )
    }

    #[test]
    fn reads_partitions_with_their_domains_and_regions() {
        let b = good();
        let facts = partition_facts(&b).expect("valid");
        assert_eq!(facts.len(), 2);
        assert_eq!(facts[1].id, "aws-eusc");
        assert_eq!(facts[1].signin_domain, "signin.amazonaws-eusc.eu");
        assert_eq!(facts[1].dns_suffix, "amazonaws.eu");
        let (rows, warnings) = build_table(&b.partitions, &b.endpoints).expect("valid");
        assert!(warnings.is_empty(), "{warnings:?}");
        let eusc: Vec<&Row> = rows.iter().filter(|r| r.partition == "aws-eusc").collect();
        assert_eq!(eusc.len(), 1, "pseudo-regions are left out");
        assert!(!eusc[0].opt_in);
        assert!(rows.iter().any(|r| r.code == "af-south-1" && r.opt_in));
        assert!(rows.iter().any(|r| r.code == "us-east-1" && !r.opt_in));
    }

    #[test]
    fn a_partition_without_its_fields_is_refused_naming_file_and_field() {
        let no_suffix = partitions_json().replace(r#""dnsSuffix": "amazonaws.eu", "#, "");
        let err = partition_facts(&botocore(no_suffix, endpoints_json(), good().signin_rules))
            .err()
            .expect("refused");
        assert_eq!(
            err,
            "partitions.json: partition aws-eusc has no `outputs.dnsSuffix` domain"
        );
        let no_id = partitions_json().replace(r#""id": "aws-eusc""#, r#""name": "aws-eusc""#);
        let err = partition_facts(&botocore(no_id, endpoints_json(), good().signin_rules))
            .err()
            .expect("refused");
        assert_eq!(err, "partitions.json: partitions[1] has no `id`");
        let no_rule = rules_json(&[("aws", "aws.amazon.com")]);
        let err = partition_facts(&botocore(partitions_json(), endpoints_json(), no_rule))
            .err()
            .expect("refused");
        assert!(
            err.starts_with(
                "signin/2023-01-01/endpoint-rule-set-1.json: no rule gives partition aws-eusc"
            ),
            "{err}"
        );
        let no_gov = endpoints_json().replace("\"aws-eusc\"", "\"aws-other\"");
        let err = build_table(&partitions_json(), &no_gov).expect_err("refused");
        assert_eq!(err, "endpoints.json: partition aws-eusc is missing");
        let no_name = partitions_json().replace(
            r#"{"description": "AWS European Sovereign Cloud (Germany)"}"#,
            "{}",
        );
        let err = build_table(&no_name, &endpoints_json()).expect_err("refused");
        assert_eq!(
            err,
            "partitions.json: region eusc-de-east-1 has no description"
        );
    }

    #[test]
    fn listed_region_missing_from_botocore_fails() {
        let json = partitions_json().replace(r#""me-south-1""#, r#""me-gone-1""#);
        let endpoints = endpoints_json().replace(r#""me-south-1""#, r#""me-gone-1""#);
        let err = build_table(&json, &endpoints).expect_err("must be rejected");
        assert!(err.contains("lacks me-south-1"), "{err}");
    }

    #[test]
    fn recognises_region_codes_and_domains() {
        for code in [
            "us-east-1",
            "us-gov-west-1",
            "eusc-de-east-1",
            "us-isob-east-1",
        ] {
            assert!(is_region_code(code), "{code}");
        }
        for code in [
            "aws-global",
            "aws-us-gov-global",
            "us-1",
            "US-east-1",
            "us--1",
        ] {
            assert!(!is_region_code(code), "{code}");
        }
    }

    #[test]
    fn versions() {
        assert_eq!(
            version_from_init("__version__ = '1.44.8'\n").as_deref(),
            Some("1.44.8")
        );
        assert_eq!(
            version_from_wheel_name("botocore-1.45.0-py3-none-any.whl").as_deref(),
            Some("1.45.0")
        );
        assert!(check_version("1.44.8").is_ok());
        assert!(check_version("1.44.7")
            .expect_err("old")
            .contains("too old"));
    }

    #[test]
    fn reads_an_unpacked_package_with_the_gzipped_rule_set() {
        use std::io::Write;
        let root = std::env::temp_dir().join(format!("xtask-regions-test-{}", std::process::id()));
        let data = root.join("botocore/data");
        fs::create_dir_all(data.join("signin/2023-01-01")).expect("temp dir writable");
        fs::write(
            root.join("botocore/__init__.py"),
            "__version__ = '1.44.8'\n",
        )
        .expect("writable");
        fs::write(data.join("partitions.json"), partitions_json()).expect("writable");
        fs::write(data.join("endpoints.json"), endpoints_json()).expect("writable");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(good().signin_rules.as_bytes())
            .expect("in memory");
        fs::write(
            data.join("signin/2023-01-01/endpoint-rule-set-1.json.gz"),
            gz.finish().expect("in memory"),
        )
        .expect("writable");
        let b = load(&root).expect("readable");
        assert_eq!(
            b.signin_rules_name,
            "signin/2023-01-01/endpoint-rule-set-1.json.gz"
        );
        assert_eq!(partition_facts(&b).expect("valid").len(), 2);
        fs::remove_file(data.join("signin/2023-01-01/endpoint-rule-set-1.json.gz")).expect("rm");
        let err = load(&root).err().expect("no rule set");
        fs::remove_dir_all(&root).expect("clean up");
        assert!(
            err.contains("signin/2023-01-01/endpoint-rule-set-1.json"),
            "{err}"
        );
    }
}
