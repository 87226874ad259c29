//! `cargo xtask regions`: regenerates `src/aws/regions/table.rs` from botocore's partition and endpoint data.
//!
//! botocore (the data behind the AWS SDK for Python) is a machine-readable list of AWS regions and
//! their display names that AWS keeps current, so the crate's region table is generated from it
//! instead of being typed in by hand. Usage:
//!
//! ```text
//! cargo xtask regions [--botocore PATH]
//! ```
//!
//! `PATH` is a botocore wheel (`.whl`), an unpacked `botocore` package directory or its `data`
//! directory. Without it the newest wheel is downloaded from PyPI with `pip download`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The oldest botocore accepted: older releases lack regions the rest of the crate expects.
const MIN_BOTOCORE: (u64, u64, u64) = (1, 44, 8);

/// Where the table goes, relative to the workspace root.
const TABLE_PATH: &str = "src/aws/regions/table.rs";

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

/// The partitions the crate's URL model supports, in table order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Partition {
    Aws,
    AwsCn,
    AwsUsGov,
}

impl Partition {
    const ALL: [Partition; 3] = [Partition::Aws, Partition::AwsCn, Partition::AwsUsGov];

    /// The identifier botocore uses.
    fn id(self) -> &'static str {
        match self {
            Partition::Aws => "aws",
            Partition::AwsCn => "aws-cn",
            Partition::AwsUsGov => "aws-us-gov",
        }
    }

    /// The variant's path in the generated Rust code.
    fn rust_path(self) -> &'static str {
        match self {
            Partition::Aws => "Partition::Aws",
            Partition::AwsCn => "Partition::AwsCn",
            Partition::AwsUsGov => "Partition::AwsUsGov",
        }
    }

    fn from_id(id: &str) -> Option<Partition> {
        Partition::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// One generated table row.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    code: String,
    name: String,
    partition: Partition,
    opt_in: bool,
}

/// The two botocore data files, decoded, with where they came from.
struct Botocore {
    version: String,
    /// File names as read (`partitions.json` or `partitions.json.gz`), for the table header.
    partitions_name: String,
    partitions: String,
    endpoints_name: String,
    endpoints: String,
}

/// Runs `cargo xtask regions`; `args` are the arguments after the subcommand name.
pub fn run(args: &[String]) -> Result<(), String> {
    let Some(source) = parse_args(args)? else {
        println!("{}", usage());
        return Ok(());
    };
    let botocore = match source {
        Some(path) => load(&path)?,
        None => download_and_load()?,
    };
    check_version(&botocore.version)?;

    let (rows, warnings) = build_table(&botocore.partitions, &botocore.endpoints)?;
    for warning in &warnings {
        eprintln!("warning: {warning}");
    }

    let rendered = render(
        &botocore.version,
        &botocore.partitions_name,
        &botocore.endpoints_name,
        &rows,
    )?;
    let root = workspace_root()?;
    let path = root.join(TABLE_PATH);
    let unchanged = fs::read_to_string(&path).is_ok_and(|old| old == rendered);
    if !unchanged {
        fs::write(&path, &rendered).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    println!(
        "{} ({TABLE_PATH} {})",
        summary(&botocore.version, &rows),
        if unchanged { "unchanged" } else { "written" }
    );
    Ok(())
}

fn usage() -> &'static str {
    "usage: cargo xtask regions [--botocore PATH]\n\
     \n\
     Regenerates src/aws/regions/table.rs from botocore's data/partitions.json and data/endpoints.json.\n\
     PATH is a botocore wheel (.whl), an unpacked botocore package directory or its data directory;\n\
     without it the newest botocore wheel is downloaded with `python3 -m pip download`."
}

/// `Ok(None)` means help was asked for; `Ok(Some(None))` means "download botocore".
fn parse_args(args: &[String]) -> Result<Option<Option<PathBuf>>, String> {
    // Tolerate being handed the subcommand name too, so the dispatcher may pass either slice.
    let args = match args.first() {
        Some(first) if first == "regions" => &args[1..],
        _ => args,
    };
    let mut botocore = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let path = match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--botocore" => it
                .next()
                .ok_or_else(|| format!("--botocore needs a path\n{}", usage()))?
                .clone(),
            other => match other.strip_prefix("--botocore=") {
                Some(path) => path.to_string(),
                None => return Err(format!("unexpected argument `{other}`\n{}", usage())),
            },
        };
        if botocore.replace(PathBuf::from(path)).is_some() {
            return Err("--botocore given twice".to_string());
        }
    }
    Ok(Some(botocore))
}

/// The workspace root: xtask lives one level below it.
fn workspace_root() -> Result<PathBuf, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .ok_or("xtask has no parent directory")?
        .to_path_buf();
    // Refuse to write a table where the crate that includes it is not.
    if !root.join("src/aws/regions/mod.rs").is_file() {
        return Err(format!(
            "{} does not look like the workspace root (no src/aws/regions/mod.rs)",
            root.display()
        ));
    }
    Ok(root)
}

/// Downloads the newest botocore wheel into a temporary directory and reads it.
fn download_and_load() -> Result<Botocore, String> {
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
fn load(path: &Path) -> Result<Botocore, String> {
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
    Ok(Botocore {
        version,
        partitions_name,
        partitions,
        endpoints_name,
        endpoints,
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
    Ok(Botocore {
        version,
        partitions_name,
        partitions,
        endpoints_name,
        endpoints,
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

fn check_version(version: &str) -> Result<(), String> {
    let parsed = parse_version(version)
        .ok_or_else(|| format!("botocore version `{version}` is not of the form X.Y.Z"))?;
    if parsed < MIN_BOTOCORE {
        let (a, b, c) = MIN_BOTOCORE;
        return Err(format!(
            "botocore {version} is too old: the region table needs botocore {a}.{b}.{c} or newer"
        ));
    }
    Ok(())
}

/// Region code to description, per supported partition.
type RegionsByPartition = BTreeMap<Partition, BTreeMap<String, String>>;

/// Reads `partitions[].regions` from either data file; `id_key` is the key naming the
/// partition (`id` in partitions.json, `partition` in endpoints.json).
fn parse_regions(json: &str, file: &str, id_key: &str) -> Result<RegionsByPartition, String> {
    let root: Value = serde_json::from_str(json).map_err(|e| format!("{file}: {e}"))?;
    let partitions = root
        .get("partitions")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{file}: no `partitions` array"))?;
    let mut out = RegionsByPartition::new();
    for entry in partitions {
        let id = entry
            .get(id_key)
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{file}: a partition has no `{id_key}`"))?;
        // Other partitions (aws-iso*, aws-eusc, …) have sign-in URLs our model does not know.
        let Some(partition) = Partition::from_id(id) else {
            continue;
        };
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
        if out.insert(partition, codes).is_some() {
            return Err(format!("{file}: partition {id} is listed twice"));
        }
    }
    for partition in Partition::ALL {
        if !out.contains_key(&partition) {
            return Err(format!("{file}: partition {} is missing", partition.id()));
        }
    }
    Ok(out)
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

/// Merges both files into sorted rows with opt-in flags; returns the rows and warnings.
fn build_table(
    partitions_json: &str,
    endpoints_json: &str,
) -> Result<(Vec<Row>, Vec<String>), String> {
    let from_partitions = parse_regions(partitions_json, PARTITIONS_FILE, "id")?;
    let from_endpoints = parse_regions(endpoints_json, ENDPOINTS_FILE, "partition")?;
    let mut warnings = Vec::new();
    let mut rows = Vec::new();
    for partition in Partition::ALL {
        let primary = &from_partitions[&partition];
        let secondary = &from_endpoints[&partition];
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
                partition,
                opt_in: opt_in(partition, code, &mut warnings),
            });
        }
    }
    check_listed_regions(&rows)?;
    Ok((rows, warnings))
}

/// Whether a region needs opting in, by AWS's launch-date rule (see [`DEFAULT_ENABLED`]).
fn opt_in(partition: Partition, code: &str, warnings: &mut Vec<String>) -> bool {
    if partition != Partition::Aws || DEFAULT_ENABLED.contains(&code) {
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
        .filter(|r| r.partition == Partition::Aws)
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

/// A Rust string literal for `s`; control characters are refused rather than escaped, since a
/// region name containing one means the data is broken.
fn rust_str(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => return Err(format!("control character in region data: {s:?}")),
            c => out.push(c),
        }
    }
    out.push('"');
    Ok(out)
}

/// The complete `src/aws/regions/table.rs`.
///
/// The rows carry `#[rustfmt::skip]`: one region per line reads and diffs better than the
/// five-line struct literals rustfmt would make of them, and `cargo fmt --check` still passes.
fn render(
    version: &str,
    partitions_name: &str,
    endpoints_name: &str,
    rows: &[Row],
) -> Result<String, String> {
    let mut out = format!(
        "// @generated by `cargo xtask regions` from botocore {version} (data/{partitions_name}, data/{endpoints_name}). Do not edit.\n\
         use super::RegionInfo;\n\
         use crate::aws::partition::Partition;\n\
         \n\
         /// The botocore release this table was generated from.\n\
         pub(crate) const BOTOCORE_VERSION: &str = {};\n\
         \n\
         /// Every region of the supported partitions, by partition then code.\n\
         #[rustfmt::skip]\n\
         pub(crate) static REGIONS: &[RegionInfo] = &[\n",
        rust_str(version)?
    );
    for row in rows {
        out.push_str(&format!(
            "    RegionInfo {{ code: {}, name: {}, partition: {}, opt_in: {} }},\n",
            rust_str(&row.code)?,
            rust_str(&row.name)?,
            row.partition.rust_path(),
            row.opt_in
        ));
    }
    out.push_str("];\n");
    Ok(out)
}

/// The one-line report: version and regions per partition.
fn summary(version: &str, rows: &[Row]) -> String {
    let per_partition: Vec<String> = Partition::ALL
        .iter()
        .map(|&p| {
            let count = rows.iter().filter(|r| r.partition == p).count();
            let opt_in = rows.iter().filter(|r| r.partition == p && r.opt_in).count();
            if opt_in > 0 {
                format!("{} {count} ({opt_in} opt-in)", p.id())
            } else {
                format!("{} {count}", p.id())
            }
        })
        .collect();
    format!(
        "botocore {version}: {} regions: {}",
        rows.len(),
        per_partition.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    /// Every hand-listed aws region, as botocore would describe it, plus `extra` entries.
    fn aws_regions(extra: &str) -> String {
        let listed: Vec<String> = DEFAULT_ENABLED
            .iter()
            .chain(OPT_IN.iter())
            .map(|code| format!(r#""{code}": {{"description": "Name of {code}"}}"#))
            .collect();
        format!("{{{}{extra}}}", listed.join(", "))
    }

    fn partitions_json(aws_extra: &str) -> String {
        format!(
            r#"{{"version": "1.1", "partitions": [
                {{"id": "aws", "regionRegex": "x", "regions": {}}},
                {{"id": "aws-cn", "regions": {{
                    "aws-cn-global": {{"description": "aws-cn global region"}},
                    "cn-northwest-1": {{"description": "China (Ningxia)"}},
                    "cn-north-1": {{"description": "China (Beijing)"}}}}}},
                {{"id": "aws-iso", "regions": {{"us-iso-east-1": {{"description": "US ISO East"}}}}}},
                {{"id": "aws-us-gov", "regions": {{
                    "us-gov-west-1": {{"description": "AWS GovCloud (US-West)"}}}}}}
            ]}}"#,
            aws_regions(&format!(
                r#", "aws-global": {{"description": "aws global region"}}{aws_extra}"#
            ))
        )
    }

    fn endpoints_json(aws_extra: &str) -> String {
        format!(
            r#"{{"version": 3, "partitions": [
                {{"partition": "aws", "services": {{}}, "regions": {}}},
                {{"partition": "aws-cn", "regions": {{
                    "cn-north-1": {{"description": "China (Beijing)"}},
                    "cn-northwest-1": {{"description": "China (Ningxia)"}}}}}},
                {{"partition": "aws-us-gov", "regions": {{
                    "us-gov-west-1": {{"description": "AWS GovCloud (US-West)"}}}}}}
            ]}}"#,
            aws_regions(aws_extra)
        )
    }

    #[test]
    fn hand_lists_are_sorted_disjoint_region_codes() {
        for list in [&DEFAULT_ENABLED[..], &OPT_IN[..]] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?} not sorted");
            assert!(list.iter().all(|c| is_region_code(c)));
        }
        assert!(DEFAULT_ENABLED.iter().all(|c| !OPT_IN.contains(c)));
    }

    #[test]
    fn builds_sorted_rows_with_opt_in_flags() {
        let (rows, warnings) =
            build_table(&partitions_json(""), &endpoints_json("")).expect("sample is valid");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(rows.len(), 34 + 2 + 1);
        // Partition order, then code order within each partition.
        let keys: Vec<(Partition, &str)> = rows
            .iter()
            .map(|r| (r.partition, r.code.as_str()))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
        let row = |code: &str| {
            rows.iter()
                .find(|r| r.code == code)
                .expect("region in table")
        };
        assert!(row("af-south-1").opt_in);
        assert!(!row("us-east-1").opt_in);
        assert!(!row("ap-northeast-3").opt_in);
        assert_eq!(row("cn-north-1").name, "China (Beijing)");
        assert!(!row("cn-north-1").opt_in);
        assert!(!row("us-gov-west-1").opt_in);
        // Pseudo-regions and unsupported partitions are left out.
        assert!(rows
            .iter()
            .all(|r| !r.code.contains("global") && r.code != "us-iso-east-1"));
    }

    #[test]
    fn unknown_aws_region_is_opt_in_with_a_warning() {
        let extra = r#", "xx-new-1": {"description": "Nowhere (New)"}"#;
        let (rows, warnings) =
            build_table(&partitions_json(extra), &endpoints_json("")).expect("sample is valid");
        let row = rows
            .iter()
            .find(|r| r.code == "xx-new-1")
            .expect("new region kept");
        assert!(row.opt_in);
        assert_eq!(row.name, "Nowhere (New)");
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("xx-new-1 is in partitions.json but not endpoints.json"));
        assert!(warnings[1].contains("xx-new-1 is new to the opt-in list"));
    }

    #[test]
    fn region_only_in_endpoints_is_kept() {
        let extra = r#", "xx-old-1": {"description": "Old"}"#;
        let (rows, warnings) =
            build_table(&partitions_json(""), &endpoints_json(extra)).expect("sample is valid");
        assert!(rows.iter().any(|r| r.code == "xx-old-1" && r.name == "Old"));
        assert!(warnings[0].contains("in endpoints.json but not partitions.json"));
    }

    #[test]
    fn listed_region_missing_from_botocore_fails() {
        let json = partitions_json("").replace(r#""me-south-1""#, r#""me-gone-1""#);
        let endpoints = endpoints_json("").replace(r#""me-south-1""#, r#""me-gone-1""#);
        let err = build_table(&json, &endpoints).expect_err("must be rejected");
        assert!(err.contains("lacks me-south-1"), "{err}");
    }

    #[test]
    fn missing_partition_or_description_fails() {
        let no_gov = endpoints_json("").replace("aws-us-gov", "aws-other");
        let err = build_table(&partitions_json(""), &no_gov).expect_err("must be rejected");
        assert_eq!(err, "endpoints.json: partition aws-us-gov is missing");
        let no_name = partitions_json(r#", "xx-new-1": {}"#);
        let err = build_table(&no_name, &endpoints_json("")).expect_err("must be rejected");
        assert_eq!(err, "partitions.json: region xx-new-1 has no description");
    }

    #[test]
    fn recognises_region_codes() {
        for code in [
            "us-east-1",
            "us-gov-west-1",
            "ap-southeast-10",
            "eusc-de-east-1",
        ] {
            assert!(is_region_code(code), "{code}");
        }
        for code in [
            "aws-global",
            "aws-us-gov-global",
            "us-1",
            "us-east-",
            "US-east-1",
            "us--1",
        ] {
            assert!(!is_region_code(code), "{code}");
        }
    }

    #[test]
    fn renders_the_table_file() {
        let rows = vec![
            Row {
                code: "us-east-2".into(),
                name: "US East (Ohio)".into(),
                partition: Partition::Aws,
                opt_in: false,
            },
            Row {
                code: "xx-1".into(),
                name: r#"Quote " and \ slash"#.into(),
                partition: Partition::AwsUsGov,
                opt_in: true,
            },
        ];
        let out = render("1.44.8", "partitions.json", "endpoints.json.gz", &rows).expect("renders");
        let expected = r#"// @generated by `cargo xtask regions` from botocore 1.44.8 (data/partitions.json, data/endpoints.json.gz). Do not edit.
use super::RegionInfo;
use crate::aws::partition::Partition;

/// The botocore release this table was generated from.
pub(crate) const BOTOCORE_VERSION: &str = "1.44.8";

/// Every region of the supported partitions, by partition then code.
#[rustfmt::skip]
pub(crate) static REGIONS: &[RegionInfo] = &[
    RegionInfo { code: "us-east-2", name: "US East (Ohio)", partition: Partition::Aws, opt_in: false },
    RegionInfo { code: "xx-1", name: "Quote \" and \\ slash", partition: Partition::AwsUsGov, opt_in: true },
];
"#;
        assert_eq!(out, expected);
        assert!(rust_str("bad\nname").is_err());
    }

    #[test]
    fn summary_counts_regions_per_partition() {
        let (rows, _) =
            build_table(&partitions_json(""), &endpoints_json("")).expect("sample is valid");
        assert_eq!(
            summary("1.44.8", &rows),
            "botocore 1.44.8: 37 regions: aws 34 (17 opt-in), aws-cn 2, aws-us-gov 1"
        );
    }

    #[test]
    fn versions() {
        assert_eq!(
            version_from_init("import os\n__version__ = '1.44.8'\n").as_deref(),
            Some("1.44.8")
        );
        assert_eq!(
            version_from_init("__version__ = \"2.0.1\"").as_deref(),
            Some("2.0.1")
        );
        assert_eq!(
            version_from_wheel_name("botocore-1.45.0-py3-none-any.whl").as_deref(),
            Some("1.45.0")
        );
        assert_eq!(
            version_from_wheel_name("boto3-1.45.0-py3-none-any.whl"),
            None
        );
        assert!(check_version("1.44.8").is_ok());
        assert!(check_version("1.45.0").is_ok());
        assert!(check_version("2.0.0").is_ok());
        assert!(check_version("1.44.7")
            .expect_err("must be rejected")
            .contains("too old"));
        assert!(check_version("1.44").is_err());
    }

    #[test]
    fn args() {
        let s = |v: &[&str]| v.iter().map(|a| a.to_string()).collect::<Vec<_>>();
        assert_eq!(parse_args(&s(&[])).expect("valid arguments"), Some(None));
        assert_eq!(
            parse_args(&s(&["regions"])).expect("valid arguments"),
            Some(None)
        );
        assert_eq!(
            parse_args(&s(&["--botocore", "a.whl"])).expect("valid arguments"),
            Some(Some(PathBuf::from("a.whl")))
        );
        assert_eq!(
            parse_args(&s(&["regions", "--botocore=dir"])).expect("valid arguments"),
            Some(Some(PathBuf::from("dir")))
        );
        assert_eq!(parse_args(&s(&["--help"])).expect("valid arguments"), None);
        assert!(parse_args(&s(&["--botocore"])).is_err());
        assert!(parse_args(&s(&["--bogus"])).is_err());
        assert!(parse_args(&s(&["--botocore", "a", "--botocore", "b"])).is_err());
    }

    fn gzip(text: &str) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(text.as_bytes()).expect("in memory");
        enc.finish().expect("in memory")
    }

    /// An in-memory wheel with plain partitions.json and gzipped endpoints.json.
    fn wheel(init: Option<&str>) -> Cursor<Vec<u8>> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let mut add = |name: &str, bytes: &[u8]| {
            zip.start_file(name, opts).expect("in memory");
            zip.write_all(bytes).expect("in memory");
        };
        if let Some(init) = init {
            add("botocore/__init__.py", init.as_bytes());
        }
        add(
            "botocore/data/partitions.json",
            partitions_json("").as_bytes(),
        );
        add(
            "botocore/data/endpoints.json.gz",
            &gzip(&endpoints_json("")),
        );
        let mut cursor = zip.finish().expect("in memory");
        cursor.set_position(0);
        cursor
    }

    #[test]
    fn reads_a_wheel_with_plain_and_gzipped_data() {
        let b = load_wheel(wheel(Some("__version__ = '1.50.0'\n")), "whatever.whl")
            .expect("wheel is readable");
        assert_eq!(b.version, "1.50.0");
        assert_eq!(
            (b.partitions_name.as_str(), b.endpoints_name.as_str()),
            ("partitions.json", "endpoints.json.gz")
        );
        assert_eq!(b.endpoints, endpoints_json(""));
        assert!(build_table(&b.partitions, &b.endpoints).is_ok());

        let b =
            load_wheel(wheel(None), "botocore-1.44.9-py3-none-any.whl").expect("wheel is readable");
        assert_eq!(b.version, "1.44.9");
        assert!(load_wheel(wheel(None), "botocore.whl").is_err());
        assert!(load_wheel(Cursor::new(b"not a zip".to_vec()), "x.whl").is_err());
    }

    #[test]
    fn reads_an_unpacked_package_at_any_level() {
        let root = std::env::temp_dir().join(format!("xtask-regions-test-{}", std::process::id()));
        let data = root.join("botocore/data");
        fs::create_dir_all(&data).expect("temp dir writable");
        fs::write(
            root.join("botocore/__init__.py"),
            "__version__ = '1.44.8'\n",
        )
        .expect("temp dir writable");
        fs::write(data.join("partitions.json.gz"), gzip(&partitions_json("")))
            .expect("temp dir writable");
        fs::write(data.join("endpoints.json"), endpoints_json("")).expect("temp dir writable");
        for dir in [root.clone(), root.join("botocore"), data.clone()] {
            let b = load(&dir).expect("directory is readable");
            assert_eq!(b.version, "1.44.8");
            assert_eq!(b.partitions_name, "partitions.json.gz");
            assert_eq!(b.partitions, partitions_json(""));
        }
        let err = load(&root.join("nope")).err().expect("must be rejected");
        fs::remove_dir_all(&root).expect("temp dir removable");
        assert!(err.contains("does not exist"), "{err}");
    }
}
