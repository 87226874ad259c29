//! Packages for a team that hosts the extension itself (issue 5, docs/self-hosting.md):
//!
//! - `signin-guard-VERSION.crx`: a CRX3 of `dist/chrome`, signed with the team's own RSA key, whose
//!   id comes from that key (not the development id of the manifest template's `key`);
//! - `updates.xml`: the update manifest that Chrome's `ExtensionInstallForcelist` ("ID;URL") points at;
//! - `firefox-updates.json`: Firefox's update manifest, for an XPI signed by AMO on the unlisted channel;
//! - `chrome-self-hosted/` and `firefox-self-hosted/`: the folders packed (and to be signed), whose
//!   manifests name the team's update URLs.
//!
//! `cargo xtask dist --key FILE.pem` builds them after the normal outputs; `cargo xtask package --key
//! FILE.pem` builds them from the `dist/` already there (no rebuild: the end-to-end test uses it).
//!
//! The CRX3 format (Chromium's `components/crx_file/crx3.proto` and `crx_creator.cc`): `Cr24`, the
//! version 3 and the header's length (little-endian u32s), the header (a protobuf `CrxFileHeader`),
//! then the zip. The header holds `sha256_with_rsa` = {public key (SPKI DER), signature} and
//! `signed_header_data` = `SignedData{crx_id}`, the first 16 bytes of the key's SHA-256. The
//! signature (RSASSA-PKCS1-v1_5, SHA-256) covers `"CRX3 SignedData\0"`, the length of the signed
//! header data (le32), the signed header data and the zip.

use crate::{files, Result};
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs8::{EncodePublicKey, PrivateKeyInfo, SecretDocument};
use rsa::sha2::{Digest, Sha256};
use rsa::traits::PublicKeyParts;
use rsa::{Pkcs1v15Sign, RsaPrivateKey, RsaPublicKey};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// The smallest key accepted: what `chromium --pack-extension` and the Chrome Web Store use.
const MIN_KEY_BITS: usize = 2048;

/// Where the files go when no URL is given: a placeholder, said so when it is used.
const PLACEHOLDER_URL: &str = "https://extensions.example.com/signin-guard";

/// The update manifests' names, as written to the output folder and as hosted.
const CHROME_UPDATES: &str = "updates.xml";
const FIREFOX_UPDATES: &str = "firefox-updates.json";

/// What the self-hosting packages are built from and where they point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The team's RSA private key (PEM): it signs the CRX and fixes the extension's id.
    key: PathBuf,
    /// The folder URL serving the CRX and `updates.xml` (no trailing `/`).
    update_url: Option<String>,
    /// The folder URL (https) serving the XPIs and `firefox-updates.json` (no trailing `/`).
    firefox_update_url: Option<String>,
    /// The output folder (`package --out DIR`, from the working folder); default `dist/`.
    out: Option<PathBuf>,
}

impl Options {
    /// The options of `cargo xtask dist`: `None` without `--key` (nothing to sign).
    pub fn for_dist(args: &[String]) -> Result<Option<Options>> {
        parse(args, "dist", false)
    }
}

/// `cargo xtask package --key FILE.pem [--update-url URL] [--firefox-update-url URL] [--out DIR]`:
/// the self-hosting packages from the `dist/` built before.
pub fn run(root: &Path, args: &[String]) -> Result {
    let options = parse(args, "package", true)?.ok_or_else(|| {
        format!(
            "`cargo xtask package` needs `--key FILE.pem`, the team's RSA private key; make one \
             with `{}` and keep it out of the repository",
            keygen_hint("FILE.pem")
        )
    })?;
    package(root, &options)
}

/// Parses the packaging options of `command`; `--out` only where `allow_out`.
fn parse(args: &[String], command: &str, allow_out: bool) -> Result<Option<Options>> {
    let mut key = None;
    let mut update_url = None;
    let mut firefox_update_url = None;
    let mut out = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let slot = match name {
            "--key" => &mut key,
            "--update-url" => &mut update_url,
            "--firefox-update-url" => &mut firefox_update_url,
            "--out" if allow_out => &mut out,
            _ => {
                return Err(format!(
                    "`cargo xtask {command}` does not accept `{arg}` (see `cargo xtask --help`)"
                ))
            }
        };
        let value = match inline {
            Some(value) => value,
            None => args
                .next()
                .filter(|v| !v.starts_with("--"))
                .cloned()
                .ok_or_else(|| format!("`{name}` needs a value (see `cargo xtask --help`)"))?,
        };
        if value.is_empty() {
            return Err(format!("`{name}` needs a value (see `cargo xtask --help`)"));
        }
        if slot.replace(value).is_some() {
            return Err(format!("`{name}` is given twice"));
        }
    }
    let Some(key) = key else {
        if let Some(orphan) = [
            ("--update-url", &update_url),
            ("--firefox-update-url", &firefox_update_url),
            ("--out", &out),
        ]
        .iter()
        .find_map(|(name, value)| value.as_ref().map(|_| *name))
        {
            return Err(format!(
                "`{orphan}` is for the self-hosting packages, which need `--key FILE.pem` too"
            ));
        }
        return Ok(None);
    };
    let options = Options {
        key: PathBuf::from(key),
        update_url: update_url
            .map(|url| folder_url(&url, "--update-url", CHROME_UPDATES, false))
            .transpose()?,
        firefox_update_url: firefox_update_url
            .map(|url| folder_url(&url, "--firefox-update-url", FIREFOX_UPDATES, true))
            .transpose()?,
        out: out.map(PathBuf::from),
    };
    // Checked now, so that a bad key fails before minutes of building.
    signing_key(&options.key)?;
    Ok(Some(options))
}

/// Checks a folder URL (`http(s)://host/path`) and drops its trailing `/`.
fn folder_url(url: &str, option: &str, manifest: &str, https_only: bool) -> Result<String> {
    let scheme_ok = if https_only {
        url.starts_with("https://")
    } else {
        url.starts_with("https://") || url.starts_with("http://")
    };
    if !scheme_ok {
        let schemes = if https_only {
            "https:// (Firefox fetches updates only over https)"
        } else {
            "https:// or http:// (Chrome does not install from file:// update URLs)"
        };
        return Err(format!(
            "`{option} {url}`: the URL must start with {schemes}"
        ));
    }
    let host = url.split_once("://").map_or("", |(_, rest)| rest);
    let host = host.split('/').next().unwrap_or_default();
    if host.is_empty()
        || url
            .chars()
            .any(|c| c.is_whitespace() || c == '?' || c == '#')
    {
        return Err(format!(
            "`{option} {url}`: give the URL of the folder the files are served from, \
             e.g. https://extensions.example.com/signin-guard (no spaces, query or fragment)"
        ));
    }
    let url = url.trim_end_matches('/');
    let last = url.rsplit('/').next().unwrap_or_default();
    if last.ends_with(".xml") || last.ends_with(".json") || last.ends_with(".crx") {
        return Err(format!(
            "`{option} {url}`: give the folder's URL, not a file's: {manifest} and the packages \
             are added to it (e.g. {}/{manifest})",
            url.rsplit_once('/').map_or(url, |(folder, _)| folder)
        ));
    }
    Ok(url.to_owned())
}

/// Builds the self-hosting packages from `dist/chrome` (and `dist/firefox` when it exists).
pub fn package(root: &Path, options: &Options) -> Result {
    println!("==> package (self-hosting)");
    let dist = root.join("dist");
    let out = options.out.clone().unwrap_or_else(|| dist.clone());
    let key = signing_key(&options.key)?;
    let chrome = dist.join("chrome");
    let manifest = read_manifest(&chrome)?;
    let version = manifest_version(&manifest, &chrome)?;
    files::create_dir(&out)?;

    let base = options.update_url.as_deref();
    let packed = out.join("chrome-self-hosted");
    files::remove_dir(&packed)?;
    files::copy_dir(&chrome, &packed, &|_| true)?;
    let update_url = base.map(|base| format!("{base}/{CHROME_UPDATES}"));
    write_json(
        &packed.join("manifest.json"),
        &self_hosted_chrome_manifest(manifest, update_url.as_deref()),
    )?;
    // The zip is written next to the CRX, read back, and removed: only the CRX is a product.
    let zip_path = out.join(format!(".signin-guard-{version}.zip.tmp"));
    files::zip_dir(&packed, &zip_path)?;
    let zip = files::read(&zip_path);
    std::fs::remove_file(&zip_path)
        .map_err(|e| format!("cannot remove {}: {e}", zip_path.display()))?;
    let crx = crx3(&key, &zip?)?;
    let crx_name = format!("signin-guard-{version}.crx");
    files::write(&out.join(&crx_name), &crx.bytes)?;
    let id = crx.id;
    let codebase = format!("{}/{crx_name}", base.unwrap_or(PLACEHOLDER_URL));
    files::write(
        &out.join(CHROME_UPDATES),
        update_manifest_xml(&id, &codebase, &version),
    )?;
    println!(
        "signed {} with {} ({} bits)",
        out.join(&crx_name).display(),
        options.key.display(),
        key.size() * 8
    );
    println!("extension id: {id}");
    println!(
        "wrote {} (codebase {codebase}, version {version})",
        out.join(CHROME_UPDATES).display()
    );
    println!(
        "policy: ExtensionInstallForcelist entry \"{id};{}/{CHROME_UPDATES}\"",
        base.unwrap_or(PLACEHOLDER_URL)
    );
    println!(
        "manifest key for this id (for unpacked builds, optional): {}",
        public_key_base64(&key)?
    );
    if base.is_none() {
        println!(
            "warning: no --update-url: {CHROME_UPDATES} points at the placeholder {PLACEHOLDER_URL} \
             and the CRX names no update URL (it installs, but never updates); build again with \
             --update-url https://YOUR-SERVER/FOLDER"
        );
    }
    firefox(&dist, &out, options)?;
    Ok(())
}

/// `firefox-updates.json`, and `firefox-self-hosted/` (to be signed by AMO) when its URL is known.
fn firefox(dist: &Path, out: &Path, options: &Options) -> Result {
    let source = dist.join("firefox");
    if !source.join("manifest.json").is_file() {
        println!("no {}: no Firefox update manifest", source.display());
        return Ok(());
    }
    let mut manifest = read_manifest(&source)?;
    let version = manifest_version(&manifest, &source)?;
    let gecko_id = manifest
        .pointer("/browser_specific_settings/gecko/id")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            format!(
                "{}: no browser_specific_settings.gecko.id",
                source.join("manifest.json").display()
            )
        })?
        .to_owned();
    let base = options.firefox_update_url.as_deref();
    let xpi = format!(
        "{}/signin-guard-{version}.xpi",
        base.unwrap_or(PLACEHOLDER_URL)
    );
    let updates = json!({
        "addons": {
            gecko_id.as_str(): {
                "updates": [{"version": version, "update_link": xpi}]
            }
        }
    });
    write_json(&out.join(FIREFOX_UPDATES), &updates)?;
    println!(
        "wrote {} (update_link {xpi})",
        out.join(FIREFOX_UPDATES).display()
    );
    let signed_here = out.join("firefox-self-hosted");
    files::remove_dir(&signed_here)?;
    match base {
        Some(base) => {
            files::copy_dir(&source, &signed_here, &|_| true)?;
            if let Some(gecko) = manifest
                .pointer_mut("/browser_specific_settings/gecko")
                .and_then(Value::as_object_mut)
            {
                gecko.insert(
                    "update_url".into(),
                    json!(format!("{base}/{FIREFOX_UPDATES}")),
                );
            }
            write_json(&signed_here.join("manifest.json"), &manifest)?;
            println!(
                "wrote {} (gecko.update_url {base}/{FIREFOX_UPDATES})",
                signed_here.display()
            );
            println!(
                "note: Firefox installs only add-ons signed by Mozilla. Sign {shown} on AMO's \
                 unlisted channel (`npx web-ext sign --channel=unlisted --source-dir {shown} \
                 --api-key … --api-secret …`) and host the .xpi as {base}/signin-guard-{version}.xpi \
                 (see docs/self-hosting.md)",
                shown = signed_here.display()
            );
        }
        None => println!(
            "warning: no --firefox-update-url: {FIREFOX_UPDATES} points at the placeholder \
             {PLACEHOLDER_URL}, and no firefox-self-hosted/ is built for AMO's unlisted signing \
             (its manifest must name the URL); build again with --firefox-update-url \
             https://YOUR-SERVER/FOLDER"
        ),
    }
    Ok(())
}

/// The Chrome manifest packed into the CRX: without the development `key` (the CRX's key decides
/// the id), with the team's `update_url` (Chrome uses it for updates after the policy's first install).
fn self_hosted_chrome_manifest(mut manifest: Value, update_url: Option<&str>) -> Value {
    if let Some(object) = manifest.as_object_mut() {
        object.shift_remove("key");
        object.shift_remove("update_url");
        if let Some(url) = update_url {
            object.insert("update_url".into(), json!(url));
        }
    }
    manifest
}

/// The team's private key, checked: a readable PEM file holding an unencrypted RSA key of 2048+ bits.
fn signing_key(path: &Path) -> Result<RsaPrivateKey> {
    let shown = path.display();
    let bytes = std::fs::read(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            format!(
                "the signing key {shown} does not exist; a team makes its key once with `{}`, \
                 keeps it secret and out of the repository, and signs every release with it (the \
                 extension's id comes from it)",
                keygen_hint(&shown.to_string())
            )
        } else {
            format!("cannot read the signing key {shown}: {e}")
        }
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!("{shown} is not a PEM file (text starting with `-----BEGIN PRIVATE KEY-----`)")
    })?;
    let not_rsa = |what: &str| {
        format!(
            "{shown} holds {what}, not an RSA private key: the CRX is signed with RSA \
             (make a key with `{}`)",
            keygen_hint("NEW.pem")
        )
    };
    let key = if text.contains("-----BEGIN PRIVATE KEY-----") {
        let invalid =
            |e: &dyn std::fmt::Display| format!("{shown} is not a valid private key: {e}");
        let (_label, document) = SecretDocument::from_pem(&text).map_err(|e| invalid(&e))?;
        let info: PrivateKeyInfo = document.decode_msg().map_err(|e| invalid(&e))?;
        if info.algorithm.oid != rsa::pkcs1::ALGORITHM_OID {
            let algorithm = algorithm_name(&info.algorithm.oid);
            return Err(not_rsa(&format!(
                "a key of another algorithm ({algorithm})"
            )));
        }
        RsaPrivateKey::try_from(info).map_err(|e| invalid(&e))?
    } else if text.contains("-----BEGIN RSA PRIVATE KEY-----") {
        RsaPrivateKey::from_pkcs1_pem(&text)
            .map_err(|e| format!("{shown} is not a valid RSA private key: {e}"))?
    } else if text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") {
        return Err(format!(
            "{shown} is encrypted with a passphrase; sign with a decrypted copy kept as safely \
             (`openssl pkey -in {shown} -out DECRYPTED.pem`)"
        ));
    } else if text.contains("-----BEGIN EC PRIVATE KEY-----") {
        return Err(not_rsa("an EC key"));
    } else if text.contains("PUBLIC KEY-----") || text.contains("-----BEGIN CERTIFICATE-----") {
        return Err(not_rsa("a public key or certificate"));
    } else {
        return Err(format!(
            "{shown} is not a PEM private key (expected `-----BEGIN PRIVATE KEY-----`, as \
             `openssl genpkey` and `chromium --pack-extension` write)"
        ));
    };
    let bits = key.n().bits();
    if bits < MIN_KEY_BITS {
        return Err(format!(
            "{shown} is a {bits}-bit RSA key; use {MIN_KEY_BITS} bits or more (`{}`)",
            keygen_hint("NEW.pem")
        ));
    }
    Ok(key)
}

fn keygen_hint(path: &str) -> String {
    format!("openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:{MIN_KEY_BITS} -out {path}")
}

fn algorithm_name(oid: &rsa::pkcs8::ObjectIdentifier) -> String {
    match oid.to_string().as_str() {
        "1.2.840.10045.2.1" => "EC".into(),
        "1.3.101.112" => "Ed25519".into(),
        "1.3.101.113" => "Ed448".into(),
        "1.2.840.10040.4.1" => "DSA".into(),
        "1.2.840.113549.1.1.10" => "RSA-PSS".into(),
        other => format!("OID {other}"),
    }
}

/// A signed CRX3 and the extension id it gives.
struct Crx {
    bytes: Vec<u8>,
    id: String,
}

/// Packs `zip` into a CRX3 signed with `key`.
fn crx3(key: &RsaPrivateKey, zip: &[u8]) -> Result<Crx> {
    let public = public_key_der(key)?;
    let crx_id = &Sha256::digest(&public)[..16];
    let signed_data = proto_bytes(1, crx_id);
    let signed_len = u32::try_from(signed_data.len()).map_err(|e| e.to_string())?;
    let mut hasher = Sha256::new();
    hasher.update(b"CRX3 SignedData\x00");
    hasher.update(signed_len.to_le_bytes());
    hasher.update(&signed_data);
    hasher.update(zip);
    let signature = key
        .sign_with_rng(
            &mut rsa::rand_core::OsRng,
            Pkcs1v15Sign::new::<Sha256>(),
            &hasher.finalize(),
        )
        .map_err(|e| format!("signing the CRX failed: {e}"))?;
    let proof = [proto_bytes(1, &public), proto_bytes(2, &signature)].concat();
    let header = [proto_bytes(2, &proof), proto_bytes(10_000, &signed_data)].concat();
    let header_len = u32::try_from(header.len()).map_err(|e| e.to_string())?;
    let mut bytes = Vec::with_capacity(12 + header.len() + zip.len());
    bytes.extend_from_slice(b"Cr24");
    bytes.extend_from_slice(&3u32.to_le_bytes());
    bytes.extend_from_slice(&header_len.to_le_bytes());
    bytes.extend_from_slice(&header);
    bytes.extend_from_slice(zip);
    Ok(Crx {
        bytes,
        id: extension_id(&public),
    })
}

/// The public key as DER `SubjectPublicKeyInfo`, what Chrome hashes into the id.
fn public_key_der(key: &RsaPrivateKey) -> Result<Vec<u8>> {
    RsaPublicKey::from(key)
        .to_public_key_der()
        .map(|der| der.into_vec())
        .map_err(|e| format!("cannot encode the public key: {e}"))
}

/// The public key in base64, as a manifest's `key` names it.
fn public_key_base64(key: &RsaPrivateKey) -> Result<String> {
    let pem = RsaPublicKey::from(key)
        .to_public_key_pem(rsa::pkcs8::LineEnding::LF)
        .map_err(|e| format!("cannot encode the public key: {e}"))?;
    Ok(pem.lines().filter(|l| !l.starts_with("-----")).collect())
}

/// Chrome's id of a public key: the first 16 bytes of its SHA-256, each nibble a letter `a`–`p`.
fn extension_id(public_key_der: &[u8]) -> String {
    Sha256::digest(public_key_der)[..16]
        .iter()
        .flat_map(|byte| [byte >> 4, byte & 0xf])
        .map(|nibble| char::from(b'a' + nibble))
        .collect()
}

/// A protobuf length-delimited field (wire type 2).
fn proto_bytes(field: u32, value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len() + 8);
    varint(&mut out, (u64::from(field) << 3) | 2);
    varint(&mut out, value.len() as u64);
    out.extend_from_slice(value);
    out
}

fn varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// The gupdate (protocol 2.0) answer Chrome reads at the forcelist's update URL.
fn update_manifest_xml(id: &str, codebase: &str, version: &str) -> String {
    format!(
        "<?xml version='1.0' encoding='UTF-8'?>\n\
         <gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>\n  \
         <app appid='{}'>\n    \
         <updatecheck codebase='{}' version='{}' />\n  \
         </app>\n\
         </gupdate>\n",
        xml_attribute(id),
        xml_attribute(codebase),
        xml_attribute(version)
    )
}

fn xml_attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\'', "&apos;")
        .replace('"', "&quot;")
}

fn read_manifest(dir: &Path) -> Result<Value> {
    let path = dir.join("manifest.json");
    if !path.is_file() {
        return Err(format!(
            "{} not found: build the extension first (`cargo xtask dist`)",
            path.display()
        ));
    }
    serde_json::from_slice(&files::read(&path)?)
        .map_err(|e| format!("{} is not valid JSON: {e}", path.display()))
}

fn manifest_version(manifest: &Value, dir: &Path) -> Result<String> {
    manifest
        .get("version")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| {
            format!(
                "{} has no \"version\" string",
                dir.join("manifest.json").display()
            )
        })
}

fn write_json(path: &Path, value: &Value) -> Result {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())? + "\n";
    files::write(path, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::pkcs8::{DecodePublicKey, EncodePrivateKey};
    use std::sync::OnceLock;

    /// One throwaway key for all tests (generating one takes a moment).
    fn test_key() -> &'static RsaPrivateKey {
        static KEY: OnceLock<RsaPrivateKey> = OnceLock::new();
        KEY.get_or_init(|| {
            RsaPrivateKey::new(&mut rsa::rand_core::OsRng, MIN_KEY_BITS).expect("key generation")
        })
    }

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-package-{name}-{}", std::process::id()));
        files::remove_dir(&dir).expect("clean");
        files::create_dir(&dir).expect("mkdir");
        dir
    }

    /// Reads a protobuf message's length-delimited fields (the only kind CRX3 headers use here).
    fn proto_fields(mut bytes: &[u8]) -> Vec<(u64, Vec<u8>)> {
        fn read_varint(bytes: &mut &[u8]) -> u64 {
            let mut value = 0;
            for shift in (0..64).step_by(7) {
                let (byte, rest) = bytes.split_first().expect("truncated varint");
                *bytes = rest;
                value |= u64::from(byte & 0x7f) << shift;
                if byte & 0x80 == 0 {
                    break;
                }
            }
            value
        }
        let mut fields = Vec::new();
        while !bytes.is_empty() {
            let tag = read_varint(&mut bytes);
            assert_eq!(tag & 7, 2, "length-delimited field");
            let len = usize::try_from(read_varint(&mut bytes)).expect("length");
            fields.push((tag >> 3, bytes[..len].to_vec()));
            bytes = &bytes[len..];
        }
        fields
    }

    #[test]
    fn the_development_key_gives_the_development_id() {
        let template: Value = serde_json::from_slice(
            &std::fs::read(crate::project_root().join("extension/manifest.template.json"))
                .expect("template"),
        )
        .expect("JSON");
        let key = template["key"].as_str().expect("the template has a key");
        let body: Vec<String> = key
            .as_bytes()
            .chunks(64)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        let pem = format!(
            "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
            body.join("\n")
        );
        let public = RsaPublicKey::from_public_key_pem(&pem).expect("a public key");
        let der = public.to_public_key_der().expect("DER").into_vec();
        assert_eq!(extension_id(&der), "iaagkhpakfnpjpceafcmnhmjkgnnggpk");
    }

    #[test]
    fn crx3_has_chromes_layout_and_a_valid_signature() {
        let key = test_key();
        let zip = b"PK\x03\x04 not really a zip, the signature covers it all the same";
        let crx = crx3(key, zip).expect("packs");
        let bytes = &crx.bytes;
        assert_eq!(&bytes[..4], b"Cr24");
        assert_eq!(bytes[4..8], 3u32.to_le_bytes());
        let header_len = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes")) as usize;
        let header = &bytes[12..12 + header_len];
        assert_eq!(&bytes[12 + header_len..], zip, "the zip follows the header");

        let fields = proto_fields(header);
        let field = |n| {
            let found: Vec<&Vec<u8>> = fields
                .iter()
                .filter(|(f, _)| *f == n)
                .map(|(_, v)| v)
                .collect();
            assert_eq!(found.len(), 1, "field {n} once: {fields:?}");
            found[0].clone()
        };
        let proof = proto_fields(&field(2));
        let signed_data = field(10_000);
        let public = &proof[0];
        let signature = &proof[1];
        assert_eq!((public.0, signature.0), (1, 2));
        assert_eq!(public.1, public_key_der(key).expect("DER"));
        let crx_id = proto_fields(&signed_data);
        assert_eq!(crx_id.len(), 1);
        assert_eq!(crx_id[0].0, 1);
        assert_eq!(crx_id[0].1, Sha256::digest(&public.1)[..16].to_vec());
        assert_eq!(crx.id, extension_id(&public.1));
        assert!(crx.id.len() == 32 && crx.id.chars().all(|c| ('a'..='p').contains(&c)));

        let mut message = b"CRX3 SignedData\x00".to_vec();
        message.extend((signed_data.len() as u32).to_le_bytes());
        message.extend(&signed_data);
        message.extend(zip);
        let public_key = RsaPublicKey::from_public_key_der(&public.1).expect("SPKI");
        public_key
            .verify(
                Pkcs1v15Sign::new::<Sha256>(),
                &Sha256::digest(&message),
                &signature.1,
            )
            .expect("the signature verifies");
        message.push(0);
        assert!(public_key
            .verify(
                Pkcs1v15Sign::new::<Sha256>(),
                &Sha256::digest(&message),
                &signature.1
            )
            .is_err());
    }

    #[test]
    fn protobuf_field_numbers_above_15_take_several_bytes() {
        assert_eq!(proto_bytes(10_000, b"x"), [0x82, 0xf1, 0x04, 1, b'x']);
        assert_eq!(proto_bytes(2, &[0; 200])[..3], [0x12, 0xc8, 0x01]);
    }

    #[test]
    fn update_manifest_names_the_id_the_crx_and_the_version() {
        let xml = update_manifest_xml(
            "abcdefghijklmnopabcdefghijklmnop",
            "https://h.example/a&b/signin-guard-1.2.3.crx",
            "1.2.3",
        );
        assert_eq!(
            xml,
            "<?xml version='1.0' encoding='UTF-8'?>\n\
             <gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>\n  \
             <app appid='abcdefghijklmnopabcdefghijklmnop'>\n    \
             <updatecheck codebase='https://h.example/a&amp;b/signin-guard-1.2.3.crx' \
             version='1.2.3' />\n  </app>\n</gupdate>\n"
        );
    }

    #[test]
    fn the_packed_manifest_drops_the_development_key_and_names_the_update_url() {
        let manifest = json!({"name": "x", "key": "MIIB…", "version": "1"});
        let packed =
            self_hosted_chrome_manifest(manifest.clone(), Some("https://h.example/updates.xml"));
        assert_eq!(
            packed,
            json!({"name": "x", "version": "1", "update_url": "https://h.example/updates.xml"})
        );
        assert_eq!(
            self_hosted_chrome_manifest(manifest, None),
            json!({"name": "x", "version": "1"})
        );
    }

    #[test]
    fn options_are_checked() {
        let dir = temp_dir("options");
        let key = dir.join("team.pem");
        let pem = test_key()
            .to_pkcs8_pem(rsa::pkcs8::LineEnding::LF)
            .expect("PEM");
        std::fs::write(&key, pem.as_bytes()).expect("write key");
        let key = key.to_string_lossy().into_owned();
        assert_eq!(Options::for_dist(&[]), Ok(None));
        let parsed = Options::for_dist(&args(&[
            "--key",
            &key,
            "--update-url=https://h.example/ext/",
            "--firefox-update-url",
            "https://h.example/ff",
        ]))
        .expect("valid")
        .expect("some");
        assert_eq!(parsed.key, PathBuf::from(&key));
        assert_eq!(parsed.update_url.as_deref(), Some("https://h.example/ext"));
        assert_eq!(
            parsed.firefox_update_url.as_deref(),
            Some("https://h.example/ff")
        );
        let fails = |list: &[&str], expected: &str| {
            let error = parse(&args(list), "package", true).expect_err(expected);
            assert!(error.contains(expected), "{error}");
        };
        fails(&["--key"], "`--key` needs a value");
        fails(&["--key", "--update-url", "x"], "`--key` needs a value");
        fails(&["--key", &key, "--key", "b.pem"], "given twice");
        fails(&["--key", "missing.pem"], "missing.pem does not exist");
        fails(
            &["--update-url", "https://h.example"],
            "need `--key FILE.pem`",
        );
        fails(
            &["--key", &key, "--update-url", "file:///srv/ext"],
            "file://",
        );
        fails(&["--key", &key, "--update-url", "https:///x"], "folder");
        fails(
            &[
                "--key",
                &key,
                "--update-url",
                "https://h.example/updates.xml",
            ],
            "not a file's",
        );
        fails(
            &["--key", &key, "--firefox-update-url", "http://h.example/ff"],
            "only over https",
        );
        fails(&["--key", &key, "--quick"], "does not accept `--quick`");
        assert!(Options::for_dist(&args(&["--key", &key, "--out", "x"])).is_err());
        assert!(run(Path::new("."), &[])
            .expect_err("no key")
            .contains("needs `--key FILE.pem`"));
        files::remove_dir(&dir).expect("clean up");
    }

    #[test]
    fn bad_keys_are_named_clearly() {
        let dir = temp_dir("keys");
        let write = |name: &str, text: &str| {
            let path = dir.join(name);
            std::fs::write(&path, text).expect("write");
            path
        };
        let fails = |path: &Path, expected: &str| {
            let error = signing_key(path).expect_err(expected);
            assert!(error.contains(expected), "{error}");
        };
        fails(&dir.join("missing.pem"), "does not exist");
        fails(&write("text.pem", "hello"), "is not a PEM private key");
        fails(
            &write(
                "public.pem",
                &RsaPublicKey::from(test_key())
                    .to_public_key_pem(rsa::pkcs8::LineEnding::LF)
                    .expect("PEM"),
            ),
            "a public key or certificate, not an RSA private key",
        );
        // An Ed25519 key (RFC 8410's example).
        fails(
            &write(
                "ed25519.pem",
                "-----BEGIN PRIVATE KEY-----\n\
                 MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n\
                 -----END PRIVATE KEY-----\n",
            ),
            "another algorithm (Ed25519), not an RSA private key",
        );
        let small = RsaPrivateKey::new(&mut rsa::rand_core::OsRng, 1024).expect("key");
        let small_pem = small.to_pkcs8_pem(rsa::pkcs8::LineEnding::LF).expect("PEM");
        fails(&write("small.pem", &small_pem), "1024-bit RSA key");
        let good = test_key()
            .to_pkcs8_pem(rsa::pkcs8::LineEnding::LF)
            .expect("PEM");
        assert_eq!(
            &signing_key(&write("good.pem", &good)).expect("loads"),
            test_key()
        );
        files::remove_dir(&dir).expect("clean up");
    }

    #[test]
    fn packages_a_built_dist() {
        let root = temp_dir("dist");
        let write = |path: &str, text: &str| {
            let path = root.join(path);
            files::create_dir(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        };
        write(
            "dist/chrome/manifest.json",
            r#"{"name": "x", "version": "1.2.3", "key": "MIIB…"}"#,
        );
        write("dist/chrome/background.js", "");
        write(
            "dist/firefox/manifest.json",
            r#"{"name": "x", "version": "1.2.3", "browser_specific_settings": {"gecko": {"id": "x@example.org"}}}"#,
        );
        let key = root.join("team.pem");
        let pem = test_key()
            .to_pkcs8_pem(rsa::pkcs8::LineEnding::LF)
            .expect("PEM");
        std::fs::write(&key, pem.as_bytes()).expect("write key");
        let options = parse(
            &args(&[
                "--key",
                &key.to_string_lossy(),
                "--update-url",
                "http://127.0.0.1:8000/ext",
                "--firefox-update-url",
                "https://h.example/ff",
                "--out",
                &root.join("out").to_string_lossy(),
            ]),
            "package",
            true,
        )
        .expect("valid")
        .expect("some");
        package(&root, &options).expect("packages");

        let out = root.join("out");
        let crx = std::fs::read(out.join("signin-guard-1.2.3.crx")).expect("the CRX");
        assert_eq!(&crx[..4], b"Cr24");
        let id = extension_id(&public_key_der(test_key()).expect("DER"));
        let xml = std::fs::read_to_string(out.join("updates.xml")).expect("updates.xml");
        assert!(xml.contains(&format!("appid='{id}'")), "{xml}");
        assert!(
            xml.contains("codebase='http://127.0.0.1:8000/ext/signin-guard-1.2.3.crx'"),
            "{xml}"
        );
        let packed: Value = serde_json::from_slice(
            &std::fs::read(out.join("chrome-self-hosted/manifest.json")).expect("manifest"),
        )
        .expect("JSON");
        assert_eq!(
            packed,
            json!({"name": "x", "version": "1.2.3", "update_url": "http://127.0.0.1:8000/ext/updates.xml"})
        );
        let updates: Value = serde_json::from_slice(
            &std::fs::read(out.join("firefox-updates.json")).expect("firefox-updates.json"),
        )
        .expect("JSON");
        assert_eq!(
            updates,
            json!({"addons": {"x@example.org": {"updates": [
                {"version": "1.2.3", "update_link": "https://h.example/ff/signin-guard-1.2.3.xpi"}
            ]}}})
        );
        let firefox: Value = serde_json::from_slice(
            &std::fs::read(out.join("firefox-self-hosted/manifest.json")).expect("manifest"),
        )
        .expect("JSON");
        assert_eq!(
            firefox["browser_specific_settings"]["gecko"]["update_url"],
            "https://h.example/ff/firefox-updates.json"
        );
        // Only the products are left: no temporary zip.
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "chrome-self-hosted",
                "firefox-self-hosted",
                "firefox-updates.json",
                "signin-guard-1.2.3.crx",
                "updates.xml"
            ]
        );
        files::remove_dir(&root).expect("clean up");
    }
}
