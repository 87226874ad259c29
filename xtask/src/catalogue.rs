//! `cargo xtask regions`: generates the whole AWS catalogue, every host list the product uses, from
//! botocore and the one hand-kept file `xtask/catalogue/aws-hosts.txt`.
//!
//! ```text
//! cargo xtask regions [--botocore PATH | --cached | --check]
//! ```
//!
//! `PATH` is a botocore wheel (`.whl`), an unpacked `botocore` package directory or its `data`
//! directory; without it the newest wheel is downloaded from PyPI with `pip download`. `--cached`
//! reads botocore's facts from `xtask/catalogue/botocore.tsv` (written by the last run) instead, for
//! an edit of `aws-hosts.txt`. Everything is checked before anything is written: on bad input the
//! command names the file and the field, writes nothing and fails.

use crate::catalogue_facts::{self, Facts};
use crate::catalogue_source::{self, Source};
use crate::regions;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The command that writes the files, as messages name it.
pub const COMMAND: &str = "cargo xtask regions";

/// The core's catalogue: partitions, regions, domains and the lookalike and quick-reject names.
const CORE_PATH: &str = "src/aws/catalogue.rs";
/// The worker's `webNavigation` URL filters.
const WORKER_PATH: &str = "extension/lib/aws-sites.js";
/// The manifest's host permissions and content-script matches.
const MANIFEST_PATH: &str = "xtask/src/aws_sites.rs";

/// Where botocore comes from.
#[derive(Debug, PartialEq, Eq)]
enum Input {
    Download,
    Path(PathBuf),
    Cached,
    /// Only check that the generated files are fresh.
    Check,
}

/// Runs `cargo xtask regions`; `args` are the arguments after the subcommand name.
pub fn run(args: &[String]) -> Result<(), String> {
    let Some(input) = parse_args(args)? else {
        println!("{}", usage());
        return Ok(());
    };
    let root = workspace_root()?;
    if input == Input::Check {
        check_fresh(&root)?;
        println!("every generated catalogue file is fresh");
        return Ok(());
    }
    let facts = match input {
        Input::Check => unreachable!("handled above"),
        Input::Cached => Facts::parse(&read(&root, catalogue_facts::PATH)?)?,
        Input::Path(path) => from_botocore(&regions::load(&path)?)?,
        Input::Download => from_botocore(&regions::download_and_load()?)?,
    };
    let source = catalogue_source::parse(
        &read(&root, catalogue_source::PATH)?,
        catalogue_source::PATH,
    )?;
    let files = generate(&facts, &source)?;
    let mut written = Vec::new();
    for (path, text) in &files {
        let file = root.join(path);
        if fs::read_to_string(&file).is_ok_and(|old| old == *text) {
            continue;
        }
        fs::write(&file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        written.push(*path);
    }
    println!(
        "botocore {}: {} partitions, {} regions; {}",
        facts.version,
        facts.partitions.len(),
        facts.regions.len(),
        if written.is_empty() {
            "every generated file unchanged".to_owned()
        } else {
            format!("written: {}", written.join(", "))
        }
    );
    Ok(())
}

fn from_botocore(botocore: &regions::Botocore) -> Result<Facts, String> {
    let (facts, warnings) = Facts::from_botocore(botocore)?;
    for warning in &warnings {
        eprintln!("warning: {warning}");
    }
    Ok(facts)
}

fn read(root: &Path, path: &str) -> Result<String, String> {
    fs::read_to_string(root.join(path)).map_err(|e| format!("cannot read {path}: {e}"))
}

fn usage() -> &'static str {
    "usage: cargo xtask regions [--botocore PATH | --cached | --check]\n\
     \n\
     Generates the AWS catalogue (src/aws/catalogue.rs, extension/lib/aws-sites.js,\n\
     xtask/src/aws_sites.rs, xtask/catalogue/botocore.tsv) from botocore's data/partitions.json,\n\
     data/endpoints.json and data/signin/2023-01-01/endpoint-rule-set-1.json.gz and from\n\
     xtask/catalogue/aws-hosts.txt. PATH is a botocore wheel (.whl), an unpacked botocore package\n\
     directory or its data directory; without it the newest botocore wheel is downloaded with\n\
     `python3 -m pip download`. --cached reuses the botocore facts of xtask/catalogue/botocore.tsv;\n\
     --check only says whether every generated file is what the generator writes now."
}

/// `Ok(None)` means help was asked for.
fn parse_args(args: &[String]) -> Result<Option<Input>, String> {
    // Tolerate being handed the subcommand name too, so the dispatcher may pass either slice.
    let args = match args.first() {
        Some(first) if first == "regions" => &args[1..],
        _ => args,
    };
    let mut input = Input::Download;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let next = match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--cached" => Input::Cached,
            "--check" => Input::Check,
            "--botocore" => Input::Path(PathBuf::from(
                it.next()
                    .ok_or_else(|| format!("--botocore needs a path\n{}", usage()))?,
            )),
            other => match other.strip_prefix("--botocore=") {
                Some(path) => Input::Path(PathBuf::from(path)),
                None => return Err(format!("unexpected argument `{other}`\n{}", usage())),
            },
        };
        if input != Input::Download {
            return Err(format!(
                "give one of --botocore and --cached, once\n{}",
                usage()
            ));
        }
        input = next;
    }
    Ok(Some(input))
}

/// The workspace root: xtask lives one level below it.
fn workspace_root() -> Result<PathBuf, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .ok_or("xtask has no parent directory")?
        .to_path_buf();
    // Refuse to write where the crate that includes the catalogue is not.
    if !root.join("src/aws/mod.rs").is_file() {
        return Err(format!(
            "{} does not look like the workspace root (no src/aws/mod.rs)",
            root.display()
        ));
    }
    Ok(root)
}

/// One partition as the outputs need it.
struct PartitionRow<'a> {
    id: &'a str,
    variant: String,
    signin_domain: &'a str,
    console_domain: Option<&'a str>,
}

/// Every generated file, `(path from the root, text)`, or why the input is bad.
pub fn generate(facts: &Facts, source: &Source) -> Result<Vec<(&'static str, String)>, String> {
    let file = catalogue_source::PATH;
    let known = |partition: &str, kind: &str| -> Result<(), String> {
        if facts.partitions.iter().any(|p| p.id == partition) {
            Ok(())
        } else {
            Err(format!(
                "{file}: a `{kind}` entry names partition {partition}, which botocore {} does not have",
                facts.version
            ))
        }
    };
    for (partition, _) in &source.consoles {
        known(partition, "console")?;
        if source
            .consoles
            .iter()
            .filter(|(p, _)| p == partition)
            .count()
            > 1
        {
            return Err(format!(
                "{file}: partition {partition} has two `console` entries"
            ));
        }
    }
    for portal in &source.portals {
        known(&portal.partition, "portal")?;
    }
    if source.brands.is_empty() {
        return Err(format!("{file}: no `brand` entry"));
    }
    let partitions: Vec<PartitionRow> = facts
        .partitions
        .iter()
        .map(|p| PartitionRow {
            id: &p.id,
            variant: variant(&p.id),
            signin_domain: &p.signin_domain,
            console_domain: source
                .consoles
                .iter()
                .find(|(id, _)| *id == p.id)
                .map(|(_, d)| d.as_str()),
        })
        .collect();
    if !partitions
        .iter()
        .any(|p| p.id == "aws" && p.console_domain.is_some())
    {
        return Err(format!(
            "{file}: no `console aws …` entry (the commercial partition is the default everywhere)"
        ));
    }
    // The sites the extension works on: sign-in and console domains of the partitions it makes
    // links for (those with a console), then the IAM Identity Center domains.
    let mut sites: Vec<&str> = Vec::new();
    for p in partitions.iter().filter(|p| p.console_domain.is_some()) {
        sites.push(p.signin_domain);
        sites.extend(p.console_domain);
    }
    sites.extend(source.portals.iter().map(|p| p.domain.as_str()));
    let service_domains: Vec<&str> = unique(
        facts
            .partitions
            .iter()
            .flat_map(|p| [p.dns_suffix.as_str(), p.dual_stack_dns_suffix.as_str()]),
    );
    let owned = outermost(
        source
            .owned
            .iter()
            .map(String::as_str)
            .chain(facts.partitions.iter().map(|p| p.signin_domain.as_str()))
            .chain(sites.iter().copied())
            .chain(service_domains.iter().copied()),
    );
    let names = fewest_names(
        source
            .imitated
            .iter()
            .map(String::as_str)
            .chain(facts.partitions.iter().map(|p| p.signin_domain.as_str()))
            .chain(sites.iter().copied()),
    );
    let brands: Vec<&str> = unique(
        source
            .brands
            .iter()
            .chain(&source.brands_inside)
            .map(String::as_str),
    );
    let triggers = triggers(&brands, &names);
    let header = |what: &str, comment: &str| {
        format!(
            "{comment} @generated by `{COMMAND}` from botocore {} ({}) and {file}{what}. Do not edit.\n",
            facts.version, facts.sources
        )
    };

    let mut core = header("", "//");
    core.push_str(&render_core(
        facts,
        source,
        &partitions,
        &owned,
        &service_domains,
        &names,
        &brands,
        &triggers,
    )?);
    let mut worker = header("", "//");
    worker.push_str(&render_worker(&sites)?);
    let mut manifest = header("", "//");
    manifest.push_str(&render_manifest(&sites)?);
    Ok(vec![
        (catalogue_facts::PATH, facts.render()),
        (CORE_PATH, core),
        (WORKER_PATH, worker),
        (MANIFEST_PATH, manifest),
    ])
}

/// `aws-iso-b` → `AwsIsoB`.
fn variant(id: &str) -> String {
    id.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The items in first-seen order, without repeats.
fn unique<'a>(items: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// The domains, sorted, without those under another of them (`aws.amazon.com` under `amazon.com`).
fn outermost<'a>(domains: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let all: BTreeSet<&str> = domains.into_iter().collect();
    all.iter()
        .copied()
        .filter(|d| !all.iter().any(|o| d.ends_with(&format!(".{o}"))))
        .collect()
}

/// The names, sorted, without those holding another one at a label boundary (start, after `.` or
/// `-`): the lookalike test finds the shorter one wherever it would find the longer.
fn fewest_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let all: BTreeSet<&str> = names.into_iter().collect();
    let holds = |long: &str, short: &str| {
        long != short
            && long
                .match_indices(short)
                .any(|(at, _)| at == 0 || matches!(long.as_bytes()[at - 1], b'.' | b'-'))
    };
    all.iter()
        .copied()
        .filter(|long| !all.iter().any(|short| holds(long, short)))
        .collect()
}

/// The ASCII spellings that read as a letter, as `lookalike.rs`'s skeleton maps them back
/// (`0`→`o`, `rn`→`m`, `vv`→`w`…).
const ASCII_IMITATIONS: [(char, &str); 6] = [
    ('o', "0"),
    ('l', "1"),
    ('e', "3"),
    ('s', "5"),
    ('m', "rn"),
    ('w', "vv"),
];

/// The pieces of which every catalogue host and every imitation of one holds at least one: each
/// brand word in every ASCII spelling that reads as it, and each AWS name holding none of those;
/// without any piece holding another.
fn triggers(brands: &[&str], names: &[&str]) -> Vec<String> {
    let mut spellings: Vec<String> = Vec::new();
    for brand in brands {
        let mut words = vec![String::new()];
        for c in brand.chars() {
            let mut ways = vec![c.to_string()];
            ways.extend(
                ASCII_IMITATIONS
                    .iter()
                    .filter(|(letter, _)| *letter == c)
                    .map(|(_, spelling)| (*spelling).to_owned()),
            );
            words = words
                .iter()
                .flat_map(|w| ways.iter().map(move |way| format!("{w}{way}")))
                .collect();
        }
        spellings.extend(words);
    }
    for name in names {
        if !spellings.iter().any(|s| name.contains(s.as_str())) {
            spellings.push((*name).to_owned());
        }
    }
    let all: BTreeSet<String> = spellings.into_iter().collect();
    all.iter()
        .filter(|long| {
            !all.iter()
                .any(|short| short != *long && long.contains(short.as_str()))
        })
        .cloned()
        .collect()
}

/// A Rust string literal; control characters and quotes are refused rather than escaped, since a
/// name holding one means the data is broken.
fn rust_str(s: &str) -> Result<String, String> {
    if s.chars().any(|c| c.is_control() || c == '"' || c == '\\') {
        return Err(format!(
            "botocore data holds an unexpected character: {s:?}"
        ));
    }
    Ok(format!("\"{s}\""))
}

fn rust_list(items: &[&str]) -> Result<String, String> {
    let quoted: Result<Vec<String>, String> = items.iter().map(|i| rust_str(i)).collect();
    Ok(quoted?
        .iter()
        .map(|q| format!("    {q},\n"))
        .collect::<String>())
}

#[allow(clippy::too_many_arguments)]
fn render_core(
    facts: &Facts,
    source: &Source,
    partitions: &[PartitionRow],
    owned: &[&str],
    service_domains: &[&str],
    names: &[&str],
    brands: &[&str],
    triggers: &[String],
) -> Result<String, String> {
    let mut out = String::from(
        "//! The AWS catalogue: every partition botocore knows, its regions, sign-in and console domains,\n\
         //! the IAM Identity Center domains, and the names lookalike judging and the quick reject need.\n\
         \n\
         use serde::Serialize;\n\
         \n",
    );
    out.push_str(&format!(
        "/// The botocore release this catalogue was generated from.\n\
         pub const BOTOCORE_VERSION: &str = {};\n\n",
        rust_str(&facts.version)?
    ));
    out.push_str(
        "/// A group of AWS regions with its own sign-in domain, as botocore names it.\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]\n\
         pub enum Partition {\n",
    );
    for p in partitions {
        out.push_str(&format!(
            "    /// botocore's `{}`: sign-in on `{}`{}.\n    #[serde(rename = {})]\n    {},\n",
            p.id,
            p.signin_domain,
            match p.console_domain {
                Some(console) => format!(", console on `{console}`"),
                None => ", no console domain known".to_owned(),
            },
            rust_str(p.id)?,
            p.variant
        ));
    }
    out.push_str("}\n\n");
    out.push_str(&format!(
        "/// Every partition, in botocore's order.\n\
         pub(crate) const ALL: [Partition; {}] = [{}];\n\n",
        partitions.len(),
        partitions
            .iter()
            .map(|p| format!("Partition::{}", p.variant))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    let with_console: Vec<&PartitionRow> = partitions
        .iter()
        .filter(|p| p.console_domain.is_some())
        .collect();
    out.push_str(&format!(
        "/// The partitions with a known console: the product makes links for these only.\n\
         pub(crate) const WITH_CONSOLE: [Partition; {}] = [{}];\n\n",
        with_console.len(),
        with_console
            .iter()
            .map(|p| format!("Partition::{}", p.variant))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    out.push_str(
        "/// What one partition's hosts are: `(id, sign-in domain, console domain)`, by `Partition as usize`.\n\
         pub(crate) static PARTITIONS: &[(&str, &str, Option<&str>)] = &[\n",
    );
    for p in partitions {
        out.push_str(&format!(
            "    ({}, {}, {}),\n",
            rust_str(p.id)?,
            rust_str(p.signin_domain)?,
            match p.console_domain {
                Some(d) => format!("Some({})", rust_str(d)?),
                None => "None".to_owned(),
            }
        ));
    }
    out.push_str("];\n\n");
    out.push_str(
        "/// One row of the region table.\n\
         #[derive(Debug, PartialEq, Eq, Hash)]\n\
         pub struct RegionInfo {\n\
         \x20   /// The region code, e.g. `us-east-2`.\n\
         \x20   pub code: &'static str,\n\
         \x20   /// botocore's description, e.g. `US East (Ohio)`.\n\
         \x20   pub name: &'static str,\n\
         \x20   /// The partition the region belongs to.\n\
         \x20   pub partition: Partition,\n\
         \x20   /// Whether an account must enable the region before using it.\n\
         \x20   pub opt_in: bool,\n\
         }\n\n",
    );
    out.push_str("/// Every region of every partition, by partition then code.\npub(crate) static REGIONS: &[RegionInfo] = &[\n");
    for r in &facts.regions {
        let p = partitions
            .iter()
            .find(|p| p.id == r.partition)
            .ok_or_else(|| {
                format!(
                    "{}: region {} of unknown partition {}",
                    catalogue_facts::PATH,
                    r.code,
                    r.partition
                )
            })?;
        out.push_str(&format!(
            "    RegionInfo {{ code: {}, name: {}, partition: Partition::{}, opt_in: {} }},\n",
            rust_str(&r.code)?,
            rust_str(&r.name)?,
            p.variant,
            r.opt_in
        ));
    }
    out.push_str("];\n\n");
    out.push_str("/// IAM Identity Center domains (access portals, sign-in pages) and their partition.\npub static PORTAL_DOMAINS: &[(&str, Partition)] = &[\n");
    for portal in &source.portals {
        let p = partitions
            .iter()
            .find(|p| p.id == portal.partition)
            .ok_or("checked above")?;
        out.push_str(&format!(
            "    ({}, Partition::{}),\n",
            rust_str(&portal.domain)?,
            p.variant
        ));
    }
    out.push_str("];\n\n");
    out.push_str("/// One URL of each IAM Identity Center domain, which reads as that partition's portal or sign-in page.\npub static PORTAL_EXAMPLES: &[(&str, Partition)] = &[\n");
    for portal in &source.portals {
        let p = partitions
            .iter()
            .find(|p| p.id == portal.partition)
            .ok_or("checked above")?;
        out.push_str(&format!(
            "    ({}, Partition::{}),\n",
            rust_str(&portal.example)?,
            p.variant
        ));
    }
    out.push_str("];\n\n");
    out.push_str(&format!(
        "/// Registrable domains only Amazon serves: nothing under them is a lookalike (but see\n\
         /// `SERVICE_DOMAINS`).\n\
         pub(crate) static AWS_OWNED: &[&str] = &[\n{}];\n\n",
        rust_list(owned)?
    ));
    out.push_str(&format!(
        "/// botocore's service domains (`dnsSuffix`, `dualStackDnsSuffix`): AWS's, but customers name\n\
         /// hosts under them (buckets, APIs, load balancers).\n\
         pub(crate) static SERVICE_DOMAINS: &[&str] = &[\n{}];\n\n",
        rust_list(service_domains)?
    ));
    out.push_str(&format!(
        "/// AWS host names that, inside a host AWS does not own or in userinfo, only serve to imitate AWS.\n\
         pub(crate) static AWS_NAMES: &[&str] = &[\n{}];\n\n",
        rust_list(names)?
    ));
    out.push_str(&format!(
        "/// Brand words whose misspellings and homoglyphs are typosquats.\n\
         pub(crate) static BRAND_WORDS: &[&str] = &[\n{}];\n\n",
        rust_list(brands)?
    ));
    let inside: Vec<&str> = source.brands_inside.iter().map(String::as_str).collect();
    out.push_str(&format!(
        "/// Brand words that make a typosquat even inside a longer word.\n\
         pub(crate) static BRAND_WORDS_INSIDE: &[&str] = &[\n{}];\n\n",
        rust_list(&inside)?
    ));
    let triggers: Vec<&str> = triggers.iter().map(String::as_str).collect();
    out.push_str(&format!(
        "/// Lowercase pieces of which every catalogue host, every AWS name and every ASCII spelling of a\n\
         /// brand word holds one (the quick reject's host triggers).\n\
         pub(crate) static HOST_TRIGGERS: &[&str] = &[\n{}];\n",
        rust_list(&triggers)?
    ));
    Ok(out)
}

fn js_str(s: &str) -> Result<String, String> {
    rust_str(s)
}

fn render_worker(sites: &[&str]) -> Result<String, String> {
    let mut out = String::from(
        "// The AWS sign-in, console and access-portal sites as the worker's webNavigation filters take them:\n\
         // each domain and its subdomains, https only. The manifest's match patterns name the same sites.\n\
         \n\
         /** `webNavigation` event filters matching exactly the AWS sites (the domain itself or a subdomain). */\n\
         export const AWS_URL_FILTERS = Object.freeze([\n",
    );
    for site in sites {
        let quoted = js_str(site)?;
        let suffix = js_str(&format!(".{site}"))?;
        out.push_str(&format!(
            "  {{ schemes: [\"https\"], hostEquals: {quoted} }},\n  {{ schemes: [\"https\"], hostSuffix: {suffix} }},\n"
        ));
    }
    out.push_str("]);\n");
    Ok(out)
}

fn render_manifest(sites: &[&str]) -> Result<String, String> {
    let mut out = String::from(
        "//! The manifest's host permissions and content-script matches: every AWS site the extension\n\
         //! works on, https only (`extension.rs` puts them in each browser's manifest).\n\
         \n\
         /// `https://*.DOMAIN/*` of each AWS site (the pattern matches the domain itself too).\n\
         pub const MATCH_PATTERNS: &[&str] = &[\n",
    );
    for site in sites {
        out.push_str(&format!(
            "    {},\n",
            rust_str(&format!("https://*.{site}/*"))?
        ));
    }
    out.push_str("];\n");
    Ok(out)
}

/// The generated files under `root` that differ from what `generate` writes now, as one message
/// naming the command to run; `Ok` when all are fresh.
pub fn check_fresh(root: &Path) -> Result<(), String> {
    let facts = Facts::parse(&read(root, catalogue_facts::PATH)?)?;
    let source =
        catalogue_source::parse(&read(root, catalogue_source::PATH)?, catalogue_source::PATH)?;
    let stale: Vec<&str> = generate(&facts, &source)?
        .into_iter()
        .filter(|(path, text)| fs::read_to_string(root.join(path)).ok().as_ref() != Some(text))
        .map(|(path, _)| path)
        .collect();
    if stale.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} differ(s) from what the generator writes now (edited by hand, or {} changed): \
             run `{COMMAND} --cached` (or `{COMMAND}` for the newest botocore)",
            stale.join(", "),
            catalogue_source::PATH
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> PathBuf {
        workspace_root().expect("the workspace")
    }

    fn real_input() -> (Facts, Source) {
        let root = root();
        let facts =
            Facts::parse(&read(&root, catalogue_facts::PATH).expect("facts")).expect("facts");
        let source = catalogue_source::parse(
            &read(&root, catalogue_source::PATH).expect("source"),
            catalogue_source::PATH,
        )
        .expect("source");
        (facts, source)
    }

    /// The freshness check of the repository itself: every generated file is what the generator
    /// writes now from `botocore.tsv` and `aws-hosts.txt`.
    #[test]
    fn generated_files_are_fresh() {
        if let Err(message) = check_fresh(&root()) {
            panic!("{message}");
        }
    }

    /// A copy of the repository's catalogue files under a temporary root.
    fn copy_to_temp(name: &str) -> PathBuf {
        let temp =
            std::env::temp_dir().join(format!("xtask-catalogue-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&temp);
        let (facts, source) = real_input();
        let files = generate(&facts, &source).expect("valid input");
        for path in files
            .iter()
            .map(|(p, _)| *p)
            .chain([catalogue_source::PATH])
        {
            let to = temp.join(path);
            fs::create_dir_all(to.parent().expect("a folder")).expect("temp writable");
            fs::copy(root().join(path), &to).expect("copy");
        }
        temp
    }

    #[test]
    fn a_hand_edited_generated_file_fails_the_check_naming_the_command() {
        let temp = copy_to_temp("edited");
        check_fresh(&temp).expect("a fresh copy passes");
        let (facts, source) = real_input();
        for (path, text) in generate(&facts, &source).expect("valid input") {
            let file = temp.join(path);
            // One hand edit: a host added or a name changed, as someone might type it.
            let edited = if path == catalogue_facts::PATH {
                text.replace("Europe (Frankfurt)", "Europe (Berlin)")
            } else {
                text.replace("signin.amazonaws-eusc.eu", "signin.amazonaws-eusc.example")
            };
            assert_ne!(edited, text, "{path}: the edit changes something");
            fs::write(&file, &edited).expect("temp writable");
            let err = check_fresh(&temp).expect_err(path);
            assert!(err.contains(path), "{err}");
            assert!(err.contains("cargo xtask regions"), "{err}");
            fs::write(&file, &text).expect("temp writable");
        }
        check_fresh(&temp).expect("restored");
        fs::remove_dir_all(&temp).expect("clean up");
    }

    #[test]
    fn generated_files_say_so_in_their_first_line() {
        let (facts, source) = real_input();
        for (path, text) in generate(&facts, &source).expect("valid input") {
            let first = text.lines().next().unwrap_or("");
            assert!(
                first.contains("@generated by `cargo xtask regions`")
                    && first.contains("Do not edit"),
                "{path}: {first}"
            );
        }
    }

    #[test]
    fn the_catalogue_holds_every_partition_and_https_sites_only() {
        let (facts, source) = real_input();
        let files = generate(&facts, &source).expect("valid input");
        let text = |name: &str| &files.iter().find(|(p, _)| *p == name).expect(name).1;
        let core = text(CORE_PATH);
        for variant in [
            "AwsEusc", "AwsIso,", "AwsIsoB", "AwsIsoE", "AwsIsoF", "AwsUsGov",
        ] {
            assert!(core.contains(variant), "{variant}");
        }
        assert!(core.contains(
            r#"("aws-eusc", "signin.amazonaws-eusc.eu", Some("console.amazonaws-eusc.eu"))"#
        ));
        assert!(core.contains(r#"("aws-iso", "signin.c2shome.ic.gov", None)"#));
        assert!(text(MANIFEST_PATH).contains("\"https://*.signin.amazonaws-eusc.eu/*\""));
        assert!(
            !text(MANIFEST_PATH).contains("c2shome"),
            "no host access for isolated partitions"
        );
        assert!(!text(WORKER_PATH).contains("\"http\""));
    }

    #[test]
    fn bad_hand_entries_are_refused_naming_the_file() {
        let (facts, mut source) = real_input();
        source
            .consoles
            .push(("aws-mars".into(), "console.mars.example".into()));
        let err = generate(&facts, &source).expect_err("unknown partition");
        assert!(
            err.starts_with(catalogue_source::PATH) && err.contains("aws-mars"),
            "{err}"
        );
        let (facts, mut source) = real_input();
        source.consoles.retain(|(p, _)| p != "aws");
        let err = generate(&facts, &source).expect_err("no aws console");
        assert!(err.contains("console aws"), "{err}");
    }

    #[test]
    fn names_pieces_and_domains() {
        assert_eq!(variant("aws-iso-b"), "AwsIsoB");
        assert_eq!(
            outermost(["aws.amazon.com", "amazon.com", "x.cn"]),
            ["amazon.com", "x.cn"]
        );
        assert_eq!(
            fewest_names([
                "signin.amazonaws",
                "signin.amazonaws.cn",
                "amazonaws-us-gov",
                "x.amazonaws-us-gov.com"
            ]),
            ["amazonaws-us-gov", "signin.amazonaws"]
        );
        assert_eq!(
            triggers(&["aws", "awsapps"], &["signin.c2shome.ic.gov", "app.aws"]),
            ["avv5", "avvs", "aw5", "aws", "signin.c2shome.ic.gov"]
        );
    }

    #[test]
    fn args() {
        let s = |v: &[&str]| v.iter().map(|a| a.to_string()).collect::<Vec<_>>();
        assert_eq!(parse_args(&s(&[])).expect("valid"), Some(Input::Download));
        assert_eq!(
            parse_args(&s(&["regions", "--cached"])).expect("valid"),
            Some(Input::Cached)
        );
        assert_eq!(
            parse_args(&s(&["--botocore", "a.whl"])).expect("valid"),
            Some(Input::Path(PathBuf::from("a.whl")))
        );
        assert_eq!(
            parse_args(&s(&["--botocore=dir"])).expect("valid"),
            Some(Input::Path(PathBuf::from("dir")))
        );
        assert_eq!(parse_args(&s(&["--help"])).expect("valid"), None);
        assert!(parse_args(&s(&["--botocore"])).is_err());
        assert!(parse_args(&s(&["--bogus"])).is_err());
        assert!(parse_args(&s(&["--cached", "--botocore", "b"])).is_err());
    }
}
