//! Builds `dist/chrome` and `dist/firefox` (and their zips) from `extension/` and its manifest template.
//!
//! One template, transformed per browser: each browser warns about, or rejects, the other's keys.

use crate::files;
use serde_json::{json, Map, Value};
use std::path::Path;

/// The manifest every browser's `manifest.json` is made from.
pub const TEMPLATE: &str = "manifest.template.json";

/// The add-on id Firefox knows the extension by (it is also the key of its managed storage).
const GECKO_ID: &str = "signin-guard@example.org";

/// The oldest Firefox supported: 140, the first to read `data_collection_permissions` (which
/// addons.mozilla.org requires of new add-ons); ESR 128 has reached its end of life (issue 10).
const GECKO_MIN_VERSION: &str = "140.0";

/// The Firefox for Android floor the linter checks `data_collection_permissions` against: 142, the
/// first Android release that reads the key. The extension is not offered for Android; without this
/// the linter takes the desktop floor (140) for Android too and warns.
const GECKO_ANDROID_MIN_VERSION: &str = "142.0";

/// What the template says where the generated AWS match patterns go (`host_permissions` and the
/// content script's `matches`): they are `aws_sites::MATCH_PATTERNS`, from `cargo xtask regions`.
const MATCH_PATTERNS_PLACEHOLDER: &str =
    "@generated: the AWS match patterns of xtask/src/aws_sites.rs";

/// Manifest keys only Chrome reads, dropped from Firefox's manifest, each with the reason.
const CHROME_ONLY_KEYS: [(&str, &str); 6] = [
    ("key", "pins Chrome's extension id; Firefox's is gecko.id"),
    (
        "minimum_chrome_version",
        "Chrome's floor; Firefox's is gecko.strict_min_version",
    ),
    (
        "update_url",
        "Chrome's self-hosted updates; Firefox's is gecko.update_url",
    ),
    (
        "storage",
        "Chrome's managed_schema: Firefox enforces no schema on managed storage, and its manifest \
         schema has no `storage` key (checked in Firefox ESR 153's schemas/manifest.json)",
    ),
    (
        "side_panel",
        "Firefox has no side panel (its sidebar is sidebar_action)",
    ),
    ("externally_connectable", "Firefox does not support it"),
];

/// Permissions only Chrome knows (web-ext lint warns about each), dropped from Firefox's manifest.
const CHROME_ONLY_PERMISSIONS: [(&str, &str); 2] = [
    (
        "offscreen",
        "Chrome's offscreen documents; Firefox's event page has a DOM already",
    ),
    ("sidePanel", "Firefox has no side panel"),
];

/// The browsers the extension is built for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Browser {
    Chrome,
    Firefox,
}

impl Browser {
    const ALL: [Browser; 2] = [Browser::Chrome, Browser::Firefox];

    fn name(self) -> &'static str {
        match self {
            Browser::Chrome => "chrome",
            Browser::Firefox => "firefox",
        }
    }
}

/// The worker's file, which `cargo xtask dist` makes one module of (its imports inlined).
const WORKER: &str = "background.js";

/// Makes `dir/background.js` one module that imports nothing (`esbuild --bundle`), in place.
pub type WorkerBundler<'a> = &'a dyn Fn(&Path) -> Result<(), String>;

/// The worker bundled by esbuild (npm, `node_modules/.bin/esbuild`): a wake then fetches and
/// compiles one file instead of 16 modules (bench/sw-wake.mjs, README "The wake package"). Not
/// minified, so the shipped worker stays readable for store review: a minified bundle measured
/// within the noise of this one. The pages keep their modules (each loads only its own).
pub fn esbuild(root: &Path) -> impl Fn(&Path) -> Result<(), String> + '_ {
    move |dir: &Path| {
        let esbuild = root.join("node_modules/.bin/esbuild");
        if !esbuild.is_file() {
            return Err("esbuild is missing: run `npm ci` (package.json lists it)".to_owned());
        }
        let bundled = dir.join("background.bundle.js");
        crate::command::run(
            std::process::Command::new(esbuild)
                .arg(WORKER)
                .args(["--bundle", "--format=esm", "--log-level=warning"])
                .arg(format!("--outfile={}", bundled.display()))
                .current_dir(dir),
        )?;
        std::fs::rename(&bundled, dir.join(WORKER))
            .map_err(|e| format!("{}: {e}", bundled.display()))
    }
}

/// Builds `dist/<browser>/` (the extension plus the wasm package `pkg`, the worker made one module
/// by `bundle_worker`) and `dist/signin-guard-<browser>-<version>.zip`; does nothing without
/// `extension/manifest.template.json`.
pub fn build_extensions(
    root: &Path,
    pkg: &Path,
    bundle_worker: WorkerBundler<'_>,
) -> Result<(), String> {
    let source = root.join("extension");
    let template_path = source.join(TEMPLATE);
    if !template_path.is_file() {
        println!(
            "no {}: skipping dist/chrome and dist/firefox",
            template_path.display()
        );
        return Ok(());
    }
    let template: Value = serde_json::from_slice(&files::read(&template_path)?)
        .map_err(|e| format!("{} is not valid JSON: {e}", template_path.display()))?;
    let version = template
        .get("version")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{} has no \"version\" string", template_path.display()))?;
    for browser in Browser::ALL {
        let out = root.join("dist").join(browser.name());
        files::remove_dir(&out)?;
        // `extension/pkg` may be a developer's link to a local build: dist gets the fresh one.
        // TypeScript declarations (`globals.d.ts`, for `tsc --noEmit`) are for the type check, not browsers.
        files::copy_dir(&source, &out, &|p| {
            p != Path::new(TEMPLATE)
                && !p.starts_with("pkg")
                && !is_editor_litter(p)
                && !p.to_string_lossy().ends_with(".d.ts")
        })?;
        // The extension's packages only; TypeScript declarations are for editors, not browsers.
        files::copy_dir(pkg, &out.join("pkg"), &|p| {
            is_extension_package(p) && !p.to_string_lossy().ends_with(".d.ts")
        })?;
        bundle_worker(&out)?;
        let manifest = manifest_for(&template, browser)
            .map_err(|e| format!("{}: {e}", template_path.display()))?;
        let text = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())? + "\n";
        files::write(&out.join("manifest.json"), text)?;
        let zip = root
            .join("dist")
            .join(format!("signin-guard-{}-{version}.zip", browser.name()));
        files::zip_dir(&out, &zip)?;
        println!("built {} and {}", out.display(), zip.display());
    }
    Ok(())
}

/// Hidden files and editor backups (`.DS_Store`, `.foo.swp`, `foo~`): never shipped, so the store
/// zips hold only the extension.
fn is_editor_litter(path: &Path) -> bool {
    path.components().any(|c| {
        let name = c.as_os_str().to_string_lossy();
        name.starts_with('.') || name.ends_with('~')
    })
}

/// The template turned into one browser's `manifest.json`.
fn manifest_for(template: &Value, browser: Browser) -> Result<Value, String> {
    let mut manifest = template
        .as_object()
        .cloned()
        .ok_or("the manifest template must be a JSON object")?;
    insert_match_patterns(&mut manifest);
    let worker = manifest
        .get("background")
        .and_then(|b| b.get("service_worker"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    match browser {
        Browser::Chrome => {
            if let Some(worker) = worker {
                // The worker imports the wasm-bindgen glue as an ES module.
                manifest.insert(
                    "background".into(),
                    json!({"service_worker": worker, "type": "module"}),
                );
            }
            // Chrome warns "Unrecognized manifest key" about Firefox's settings.
            manifest.shift_remove("browser_specific_settings");
        }
        Browser::Firefox => {
            if let Some(worker) = worker {
                // Firefox runs MV3 backgrounds as event pages, not service workers; the same
                // module works there as a background script.
                manifest.insert(
                    "background".into(),
                    json!({"scripts": [worker], "type": "module"}),
                );
            }
            for (key, _why) in CHROME_ONLY_KEYS {
                manifest.shift_remove(key);
            }
            for list in ["permissions", "optional_permissions"] {
                if let Some(Value::Array(permissions)) = manifest.get_mut(list) {
                    permissions.retain(|p| {
                        !CHROME_ONLY_PERMISSIONS
                            .iter()
                            .any(|(chrome_only, _why)| p.as_str() == Some(chrome_only))
                    });
                }
            }
            add_gecko_settings(&mut manifest)?;
        }
    }
    Ok(Value::Object(manifest))
}

/// Replaces each placeholder string of the template with the generated AWS match patterns.
fn insert_match_patterns(manifest: &mut Map<String, Value>) {
    fn visit(value: &mut Value) {
        match value {
            Value::String(s) if s == MATCH_PATTERNS_PLACEHOLDER => {
                *value = json!(crate::aws_sites::MATCH_PATTERNS);
            }
            Value::Array(items) => items.iter_mut().for_each(visit),
            Value::Object(map) => map.values_mut().for_each(visit),
            _ => {}
        }
    }
    manifest.values_mut().for_each(visit);
}

/// Firefox's settings; values already in the template win, so the id can be changed there.
fn add_gecko_settings(manifest: &mut Map<String, Value>) -> Result<(), String> {
    let defaults = json!({
        "id": GECKO_ID,
        "strict_min_version": GECKO_MIN_VERSION,
        // Required of new add-ons on addons.mozilla.org: the extension collects nothing.
        "data_collection_permissions": {"required": ["none"]},
    });
    let gecko = manifest
        .entry("browser_specific_settings")
        .or_insert_with(|| json!({}))
        .as_object_mut()
        .ok_or("browser_specific_settings must be an object")?
        .entry("gecko")
        .or_insert_with(|| json!({}))
        .as_object_mut()
        .ok_or("browser_specific_settings.gecko must be an object")?;
    if let Value::Object(defaults) = defaults {
        for (key, value) in defaults {
            gecko.entry(key).or_insert(value);
        }
    }
    if let Some(Value::Object(settings)) = manifest.get_mut("browser_specific_settings") {
        settings
            .entry("gecko_android")
            .or_insert_with(|| json!({"strict_min_version": GECKO_ANDROID_MIN_VERSION}));
    }
    Ok(())
}

/// Whether a file of `dist/pkg` belongs to a package the extension loads (`NAME.js`,
/// `NAME_bg.wasm`, and the JS snippets the packages' glue imports, `snippets/…`).
fn is_extension_package(file: &Path) -> bool {
    if file.starts_with(crate::wasm_packages::SNIPPETS) {
        return true;
    }
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let name = stem.strip_suffix("_bg").unwrap_or(stem);
    crate::wasm_packages::EXTENSION_PACKAGES.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template() -> Value {
        json!({
            "manifest_version": 3,
            "name": "Sign-in Guard for AWS",
            "version": "0.1.0",
            "minimum_chrome_version": "121",
            "key": "MIIB…",
            "background": {"service_worker": "background.js"},
            "permissions": ["storage"],
        })
    }

    /// A template with every Chrome-only key and permission the Firefox build drops.
    fn template_with_chrome_extras() -> Value {
        let mut template = template();
        for (key, _why) in CHROME_ONLY_KEYS {
            template[key] = json!({});
        }
        template["key"] = json!("MIIB…");
        template["permissions"] = json!(["storage", "offscreen", "sidePanel"]);
        template["optional_permissions"] = json!(["bookmarks", "offscreen"]);
        template
    }

    #[test]
    fn chrome_keeps_the_service_worker_as_a_module() {
        let manifest = manifest_for(&template(), Browser::Chrome).expect("valid template");
        assert_eq!(
            manifest["background"],
            json!({"service_worker": "background.js", "type": "module"})
        );
        assert_eq!(manifest["key"], "MIIB…");
        assert_eq!(manifest["minimum_chrome_version"], "121");
        assert!(manifest.get("browser_specific_settings").is_none());
    }

    #[test]
    fn firefox_runs_the_worker_as_a_module_background_script() {
        let manifest = manifest_for(&template(), Browser::Firefox).expect("valid template");
        assert_eq!(
            manifest["background"],
            json!({"scripts": ["background.js"], "type": "module"})
        );
        assert_eq!(
            manifest["browser_specific_settings"]["gecko"],
            json!({
                "id": GECKO_ID,
                "strict_min_version": "140.0",
                "data_collection_permissions": {"required": ["none"]},
            })
        );
    }

    #[test]
    fn firefox_drops_the_keys_only_chrome_knows() {
        let manifest =
            manifest_for(&template_with_chrome_extras(), Browser::Firefox).expect("valid template");
        for (key, _why) in CHROME_ONLY_KEYS {
            assert!(manifest.get(key).is_none(), "{key}");
        }
        assert_eq!(manifest["permissions"], json!(["storage"]));
        assert_eq!(manifest["optional_permissions"], json!(["bookmarks"]));
    }

    #[test]
    fn chrome_keeps_its_own_keys() {
        let template = template_with_chrome_extras();
        let manifest = manifest_for(&template, Browser::Chrome).expect("valid template");
        for (key, _why) in CHROME_ONLY_KEYS {
            assert_eq!(manifest[key], template[key], "{key}");
        }
        assert_eq!(manifest["permissions"], template["permissions"]);
    }

    #[test]
    fn firefox_floor_is_140() {
        let manifest = manifest_for(&template(), Browser::Firefox).expect("valid template");
        assert_eq!(
            manifest["browser_specific_settings"]["gecko_android"],
            json!({"strict_min_version": "142.0"})
        );
        let gecko = &manifest["browser_specific_settings"]["gecko"];
        assert_eq!(gecko["strict_min_version"], "140.0");
        assert_eq!(
            gecko["data_collection_permissions"],
            json!({"required": ["none"]})
        );
    }

    #[test]
    fn hidden_files_and_backups_are_not_shipped() {
        for litter in [".DS_Store", "lib/.popup.js.swp", "popup.js~", ".git/config"] {
            assert!(is_editor_litter(Path::new(litter)), "{litter}");
        }
        for shipped in ["popup.js", "lib/browser.js", "icons/icon-16.png"] {
            assert!(!is_editor_litter(Path::new(shipped)), "{shipped}");
        }
    }

    #[test]
    fn gecko_settings_in_the_template_win() {
        let mut template = template();
        template["browser_specific_settings"] = json!({"gecko": {"id": "other@example.com"}});
        let manifest = manifest_for(&template, Browser::Firefox).expect("valid template");
        let gecko = &manifest["browser_specific_settings"]["gecko"];
        assert_eq!(gecko["id"], "other@example.com");
        assert_eq!(gecko["strict_min_version"], "140.0");
    }

    #[test]
    fn builds_a_folder_and_a_zip_per_browser() {
        let root = std::env::temp_dir().join(format!("xtask-extension-{}", std::process::id()));
        let write = |path: &str, text: &str| {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        };
        let template = serde_json::to_string(&template()).expect("JSON");
        write("extension/manifest.template.json", &template);
        write(
            "extension/background.js",
            "import init from './pkg/signin_guard_extension.js';\n",
        );
        write("extension/popup/popup.html", "<!doctype html>\n");
        for package in [
            "signin_guard",
            "signin_guard_wake",
            "signin_guard_extension",
            "signin_guard_pages",
        ] {
            write(
                &format!("pkg/{package}.js"),
                "export default function init() {}\n",
            );
            write(&format!("pkg/{package}_bg.wasm"), "\0asm");
            write(&format!("pkg/{package}.d.ts"), "export {};\n");
        }
        write("pkg/snippets/signin-guard-0/inline0.js", "export {};\n");

        // The worker as it was copied (esbuild, from npm, is not needed for this test); a
        // bundler that fails stops the build.
        build_extensions(&root, &root.join("pkg"), &|_| Ok(())).expect("builds");
        let failing = |_: &Path| Err("no bundler".to_owned());
        assert_eq!(
            build_extensions(&root, &root.join("pkg"), &failing),
            Err("no bundler".to_owned())
        );
        build_extensions(&root, &root.join("pkg"), &|_| Ok(())).expect("builds");

        for browser in ["chrome", "firefox"] {
            let out = root.join("dist").join(browser);
            assert!(
                out.join("manifest.json").is_file(),
                "{browser}: manifest.json"
            );
            assert!(
                !out.join(TEMPLATE).exists(),
                "{browser}: the template is not shipped"
            );
            assert!(
                out.join("popup/popup.html").is_file(),
                "{browser}: subfolders"
            );
            for shipped in [
                "signin_guard_wake.js",
                "signin_guard_wake_bg.wasm",
                "signin_guard_extension.js",
                "signin_guard_extension_bg.wasm",
                "signin_guard_pages.js",
                "signin_guard_pages_bg.wasm",
                "snippets/signin-guard-0/inline0.js",
            ] {
                assert!(
                    out.join("pkg").join(shipped).is_file(),
                    "{browser}: {shipped}"
                );
            }
            for left_out in [
                "signin_guard.js",
                "signin_guard_bg.wasm",
                "signin_guard_extension.d.ts",
            ] {
                assert!(
                    !out.join("pkg").join(left_out).exists(),
                    "{browser}: no {left_out} (the web page's package, or declarations)"
                );
            }
            let zip = root.join(format!("dist/signin-guard-{browser}-0.1.0.zip"));
            assert!(zip.is_file(), "{}", zip.display());
        }
        let firefox: Value = serde_json::from_slice(
            &std::fs::read(root.join("dist/firefox/manifest.json")).expect("read"),
        )
        .expect("JSON");
        assert_eq!(firefox["background"]["scripts"], json!(["background.js"]));
        std::fs::remove_dir_all(&root).expect("clean up");
    }

    #[test]
    fn no_template_means_no_extension() {
        let root = std::env::temp_dir().join(format!("xtask-no-extension-{}", std::process::id()));
        build_extensions(&root, &root.join("pkg"), &|_| Ok(())).expect("nothing to do is fine");
        assert!(!root.join("dist").exists());
    }

    /// The real template: Chrome's manifest names the managed-storage schema, and that file is in
    /// `extension/` (a manifest naming a missing or bad schema stops Chrome from loading it).
    #[test]
    fn chrome_names_the_managed_schema_that_ships_with_the_extension() {
        let extension = Path::new(env!("CARGO_MANIFEST_DIR")).join("../extension");
        let template: Value =
            serde_json::from_slice(&std::fs::read(extension.join(TEMPLATE)).expect("the template"))
                .expect("JSON");
        let chrome = manifest_for(&template, Browser::Chrome).expect("valid template");
        let schema = chrome["storage"]["managed_schema"]
            .as_str()
            .expect("storage.managed_schema");
        let text = std::fs::read(extension.join(schema)).expect("the schema file ships");
        let schema: Value = serde_json::from_slice(&text).expect("the schema is JSON");
        assert_eq!(schema["type"], "object");
        let firefox = manifest_for(&template, Browser::Firefox).expect("valid template");
        assert!(firefox.get("storage").is_none());
    }

    /// The real template takes its host permissions and content-script matches from the generated
    /// catalogue: https only (issues 10 and 13), the same list in both places.
    #[test]
    fn the_manifest_names_the_generated_aws_sites_https_only() {
        let extension = Path::new(env!("CARGO_MANIFEST_DIR")).join("../extension");
        let template: Value =
            serde_json::from_slice(&std::fs::read(extension.join(TEMPLATE)).expect("the template"))
                .expect("JSON");
        for browser in Browser::ALL {
            let manifest = manifest_for(&template, browser).expect("valid template");
            let patterns = json!(crate::aws_sites::MATCH_PATTERNS);
            assert_eq!(manifest["host_permissions"], patterns);
            assert_eq!(manifest["content_scripts"][0]["matches"], patterns);
            assert!(crate::aws_sites::MATCH_PATTERNS
                .iter()
                .all(|p| p.starts_with("https://*.") && p.ends_with("/*")));
            assert!(!serde_json::to_string(&manifest)
                .expect("JSON")
                .contains(MATCH_PATTERNS_PLACEHOLDER));
        }
    }

    #[test]
    fn key_order_follows_the_template() {
        let manifest = manifest_for(&template(), Browser::Firefox).expect("valid template");
        let keys: Vec<&str> = manifest
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "manifest_version",
                "name",
                "version",
                "background",
                "permissions",
                "browser_specific_settings"
            ]
        );
    }
}
