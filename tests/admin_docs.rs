//! `docs/admin.md` shows the very policy files in `docs/examples/policies/` (the ones the
//! end-to-end tests install), and each of them carries `docs/examples/team-config.json`, which the
//! core reads without a problem: a block edited in the docs but not in the file (or the other way
//! round), or a file whose configuration drifted from the example, fails here.

// A panic is how a test reports failure.
#![allow(clippy::unwrap_used)]

use serde_json::{Map, Value};
use signin_guard::team::config::TeamConfig;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const ADMIN: &str = include_str!("../docs/admin.md");
const EXAMPLE: &str = include_str!("../docs/examples/team-config.json");
const MARKER: &str = "<!-- file: ";
const POLICIES: &str = "docs/examples/policies";
const CHROME_ID: &str = "iaagkhpakfnpjpceafcmnhmjkgnnggpk";
const GECKO_ID: &str = "signin-guard@example.org";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Line ends as Markdown holds them (the `.reg` files have Windows line ends).
fn text_of(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .replace("\r\n", "\n")
}

/// Each `<!-- file: PATH -->` of admin.md with the fenced block that follows it.
fn shown_files() -> BTreeMap<String, String> {
    let mut shown = BTreeMap::new();
    let mut rest = ADMIN;
    while let Some(at) = rest.find(MARKER) {
        let after = &rest[at + MARKER.len()..];
        let end = after.find(" -->").expect("a marker ends with -->");
        let path = after[..end].to_owned();
        let after = &after[end..];
        let fence = after
            .find("\n```")
            .expect("a code block follows the marker");
        let between = &after[" -->".len()..fence];
        assert!(
            between.trim().is_empty(),
            "{path}: the code block must follow its marker at once"
        );
        let block = &after[fence + 4..];
        let body_start = block.find('\n').expect("a fence line") + 1;
        let body_end = block[body_start..]
            .find("\n```\n")
            .expect("a closing fence")
            + body_start
            + 1;
        assert!(
            shown
                .insert(path.clone(), block[body_start..body_end].to_owned())
                .is_none(),
            "{path} is shown twice"
        );
        rest = &block[body_end..];
    }
    shown
}

fn example() -> Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

#[test]
fn every_block_in_admin_md_is_its_file_and_every_file_is_shown() {
    let shown = shown_files();
    let mut files: Vec<String> = std::fs::read_dir(root().join(POLICIES))
        .unwrap()
        .map(|entry| {
            format!(
                "{POLICIES}/{}",
                entry.unwrap().file_name().to_string_lossy()
            )
        })
        .collect();
    files.sort();
    assert_eq!(shown.keys().cloned().collect::<Vec<_>>(), files);
    for (path, block) in &shown {
        assert_eq!(
            block,
            &text_of(&root().join(path)),
            "{path}: the block in docs/admin.md differs from the file"
        );
    }
}

/// The example reads without a problem, so each file below deploys a clean configuration.
#[test]
fn the_example_reads_without_a_problem() {
    let parsed = TeamConfig::from_value(&example());
    assert_eq!(parsed.problems, []);
    assert!(parsed.config.is_some());
}

fn json_file(name: &str) -> Value {
    serde_json::from_str(&text_of(&root().join(POLICIES).join(name))).unwrap()
}

#[test]
fn the_linux_policy_file_configures_the_development_id() {
    let policy = json_file("chromium-linux.json");
    assert_eq!(policy["3rdparty"]["extensions"][CHROME_ID], example());
    assert_eq!(policy.as_object().unwrap().len(), 1, "only 3rdparty");
}

#[test]
fn the_firefox_files_configure_the_gecko_id() {
    let policies = json_file("firefox-policies.json");
    assert_eq!(
        policies["policies"]["3rdparty"]["Extensions"][GECKO_ID],
        example()
    );
    let manifest = json_file("firefox-managed-storage.json");
    assert_eq!(manifest["name"], GECKO_ID);
    assert_eq!(manifest["type"], "storage");
    assert!(manifest["description"].is_string());
    assert_eq!(manifest["data"], example());
}

#[test]
fn the_admin_console_file_wraps_each_field_in_value() {
    let console = json_file("google-admin-console.json");
    let unwrapped: Map<String, Value> = console
        .as_object()
        .unwrap()
        .iter()
        .map(|(key, wrapped)| {
            let wrapped = wrapped.as_object().unwrap();
            assert_eq!(wrapped.len(), 1, "{key}: only Value");
            (key.clone(), wrapped["Value"].clone())
        })
        .collect();
    assert_eq!(Value::Object(unwrapped), example());
}

/// The values of one key of a `.reg` file: `"name"=dword:…` as integers, `"name"="…"` as the
/// JSON the string holds (how Chrome reads lists and objects from the registry).
fn registry_values(text: &str, key: &str) -> Value {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("Windows Registry Editor Version 5.00"));
    let mut values = Map::new();
    let mut in_key = false;
    for line in lines.filter(|l| !l.is_empty()) {
        if let Some(name) = line.strip_prefix('[') {
            in_key = name.strip_suffix(']') == Some(key);
            continue;
        }
        assert!(in_key, "{line}: a value outside {key}");
        let (name, value) = line.split_once('=').unwrap();
        let name = name.trim_matches('"').to_owned();
        let value = if let Some(hex) = value.strip_prefix("dword:") {
            Value::from(u32::from_str_radix(hex, 16).unwrap())
        } else {
            let quoted = value.strip_prefix('"').and_then(|v| v.strip_suffix('"'));
            let unescaped = quoted.unwrap().replace("\\\"", "\"").replace("\\\\", "\\");
            serde_json::from_str(&unescaped).unwrap()
        };
        values.insert(name, value);
    }
    Value::Object(values)
}

#[test]
fn the_registry_files_hold_the_example_under_each_browsers_key() {
    for (file, browser) in [
        ("chrome-windows.reg", r"Google\Chrome"),
        ("edge-windows.reg", r"Microsoft\Edge"),
    ] {
        let raw = std::fs::read_to_string(root().join(POLICIES).join(file)).unwrap();
        assert!(raw.is_ascii(), "{file}: ASCII only");
        let lines: Vec<&str> = raw.split_inclusive('\n').collect();
        assert!(
            lines.iter().all(|l| l.ends_with("\r\n")),
            "{file}: Windows line ends"
        );
        let key = format!(
            r"HKEY_LOCAL_MACHINE\SOFTWARE\Policies\{browser}\3rdparty\extensions\{CHROME_ID}\policy"
        );
        assert_eq!(
            registry_values(&text_of(&root().join(POLICIES).join(file)), &key),
            example(),
            "{file}"
        );
    }
}

/// A small reader for the plist XML of a configuration profile: dict, array, key, string,
/// integer, true and false (all a profile of ours holds).
struct Plist<'a> {
    rest: &'a str,
}

impl Plist<'_> {
    fn tag(&mut self) -> String {
        let start = self.rest.find('<').unwrap();
        let end = self.rest[start..].find('>').unwrap() + start;
        let tag = self.rest[start + 1..end].to_owned();
        self.rest = &self.rest[end + 1..];
        tag
    }

    fn text_until(&mut self, close: &str) -> String {
        let end = self.rest.find(close).unwrap();
        let text = self.rest[..end].replace("&lt;", "<").replace("&amp;", "&");
        self.rest = &self.rest[end + close.len()..];
        text
    }

    fn value(&mut self) -> Value {
        let tag = self.tag();
        match tag.as_str() {
            "string" => Value::from(self.text_until("</string>")),
            "integer" => Value::from(self.text_until("</integer>").parse::<i64>().unwrap()),
            "true/" => Value::Bool(true),
            "false/" => Value::Bool(false),
            "array" => {
                let mut items = Vec::new();
                while !self.rest.trim_start().starts_with("</array>") {
                    items.push(self.value());
                }
                self.tag();
                Value::Array(items)
            }
            "dict" => {
                let mut map = Map::new();
                while !self.rest.trim_start().starts_with("</dict>") {
                    assert_eq!(self.tag(), "key");
                    let key = self.text_until("</key>");
                    map.insert(key, self.value());
                }
                self.tag();
                Value::Object(map)
            }
            other => panic!("unexpected <{other}>"),
        }
    }
}

#[test]
fn the_macos_profile_has_one_payload_for_the_extensions_domain() {
    let text = text_of(&root().join(POLICIES).join("chrome-macos.mobileconfig"));
    let body = text.split_once("<plist version=\"1.0\">").unwrap().1;
    let profile = Plist { rest: body }.value();
    assert_eq!(profile["PayloadType"], "Configuration");
    let payloads = profile["PayloadContent"].as_array().unwrap();
    assert_eq!(payloads.len(), 1);
    let payload = payloads[0].as_object().unwrap();
    assert_eq!(
        payload["PayloadType"],
        format!("com.google.Chrome.extensions.{CHROME_ID}")
    );
    let config: Map<String, Value> = payload
        .iter()
        .filter(|(key, _)| !key.starts_with("Payload"))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    assert_eq!(Value::Object(config), example());
    let uuids = [&profile["PayloadUUID"], &payload["PayloadUUID"]];
    assert_ne!(uuids[0], uuids[1], "each payload has its own UUID");
}
