//! The layout promised in `src/lib.rs`: the core's wings import only the wings before them, and no
//! module of the core or of `xtask` imports, through others, itself (an import circle).
//!
//! Imports are read from the source text: every `crate::a::b` path and every `use crate::{…}`
//! group, outside `#[cfg(test)]` modules (tests may use any module).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The core's wings in order: each may import only the ones before it.
const WINGS: [&str; 6] = ["aws", "url", "team", "tab", "bookmarks", "events"];

/// A module's name (`tab::page_view`) → the modules it imports.
type Graph = BTreeMap<String, BTreeSet<String>>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/tab/page_view.rs` → `tab::page_view`; `src/bookmarks/doctor/mod.rs` → `bookmarks::doctor`.
fn module_name(root: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(root).expect("a file under the root");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    parts.join("::")
}

/// The text before the file's test module: what the module itself imports.
fn without_tests(text: &str) -> &str {
    text.find("#[cfg(test)]\nmod ")
        .or_else(|| text.find("#[cfg(test)]\npub(crate) mod "))
        .map_or(text, |at| &text[..at])
}

/// Every `crate::…` path in the text, as the list of its segments.
fn crate_paths(text: &str) -> Vec<Vec<String>> {
    paths_after(text, "crate::", &[])
}

/// Every path in the text that starts with `start`, as the list of its segments after `prefix`.
fn paths_after(text: &str, start: &str, prefix: &[String]) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(start) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + start.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue; // `signin_guard::…`, `self::super::…` or another crate's `…crate::`
        }
        paths.extend(expand(rest, prefix.to_vec()));
    }
    paths
}

/// Every `crate::…` and `super::…` path of the module `module`.
fn module_paths(module: &str, text: &str) -> Vec<Vec<String>> {
    let mut parent: Vec<String> = module.split("::").map(str::to_owned).collect();
    parent.pop();
    let mut paths = crate_paths(text);
    paths.extend(paths_after(text, "super::", &parent));
    paths
}

/// The paths that `a::b::{c, d::e}` at the start of `text` names, after `prefix`.
fn expand(text: &str, prefix: Vec<String>) -> Vec<Vec<String>> {
    if let Some(group) = text.strip_prefix('{') {
        return group_items(group)
            .into_iter()
            .flat_map(|item| expand(item.trim(), prefix.clone()))
            .collect();
    }
    let mut path = prefix;
    let mut rest = text;
    loop {
        let word: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if word.is_empty() {
            break;
        }
        path.push(word.clone());
        rest = &rest[word.len()..];
        if let Some(after) = rest.strip_prefix("::") {
            rest = after;
            if rest.starts_with('{') {
                return expand(rest, path);
            }
        } else {
            break;
        }
    }
    vec![path]
}

/// The top-level items of a `{…}` group (the text after its `{`).
fn group_items(text: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&text[start..i]);
                return items;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items
}

/// The import graph of the modules under `root`, to the longest module each path names.
fn graph(root: &Path) -> Graph {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let texts: BTreeMap<String, String> = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).expect("a readable source file");
            (module_name(root, f), text)
        })
        .collect();
    let modules: BTreeSet<&String> = texts.keys().collect();
    let mut graph = Graph::new();
    for (module, text) in &texts {
        let imports = graph.entry(module.clone()).or_default();
        for path in module_paths(module, without_tests(text)) {
            let target = (1..=path.len())
                .rev()
                .map(|n| path[..n].join("::"))
                .find(|name| modules.contains(name));
            if let Some(target) = target {
                // A module may use its own children and parents' items: not an import circle.
                if !within(&target, module) && !within(module, &target) {
                    imports.insert(target);
                }
            }
        }
    }
    graph
}

/// Whether `inner` is `outer` or one of its descendants (`wasm::team_edit` is not in `wasm::team`).
fn within(inner: &str, outer: &str) -> bool {
    inner == outer || inner.starts_with(&format!("{outer}::"))
}

/// An import circle, as the modules along it, if there is one.
fn circle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut found = stack[at..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, stack, done) {
                return Some(found);
            }
        }
        stack.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

fn wing_of(module: &str) -> Option<usize> {
    let first = module.split("::").next()?;
    WINGS.iter().position(|w| *w == first)
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_core_has_no_import_circle() {
    let graph = graph(&root().join("src"));
    assert!(
        graph.contains_key("tab::page_view"),
        "the reader found the modules"
    );
    if let Some(found) = circle(&graph) {
        panic!("import circle in src/: {}", found.join(" → "));
    }
}

#[test]
fn xtask_has_no_import_circle() {
    let graph = graph(&root().join("xtask/src"));
    if let Some(found) = circle(&graph) {
        panic!("import circle in xtask/src/: {}", found.join(" → "));
    }
}

#[test]
fn each_wing_imports_only_the_wings_before_it() {
    let graph = graph(&root().join("src"));
    let mut wrong = Vec::new();
    for (module, imports) in &graph {
        let Some(wing) = wing_of(module) else {
            continue;
        };
        for import in imports {
            if wing_of(import).is_some_and(|w| w > wing) || import.starts_with("wasm") {
                wrong.push(format!("{module} imports {import}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the wings' order ({WINGS:?}):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_circle_finder_finds_a_circle() {
    let mut graph = Graph::new();
    graph.entry("a".into()).or_default().insert("b".into());
    graph.entry("b".into()).or_default().insert("c".into());
    graph.entry("c".into()).or_default().insert("a".into());
    assert_eq!(circle(&graph).map(|c| c.len()), Some(4));
    if let Some(c) = graph.get_mut("c") {
        c.clear();
    }
    assert_eq!(circle(&graph), None);
}

#[test]
fn super_paths_are_read_from_the_parent() {
    let text = "use super::convert::to_js; use super::{team::a, other};";
    let joined: Vec<String> = module_paths("wasm::team_edit", text)
        .iter()
        .map(|p| p.join("::"))
        .collect();
    assert_eq!(
        joined,
        ["wasm::convert::to_js", "wasm::team::a", "wasm::other"]
    );
    let from_mod_file = module_paths("bookmarks::file", "super::doctor::x");
    assert_eq!(from_mod_file, [["bookmarks", "doctor", "x"]]);
}

#[test]
fn grouped_imports_are_read_to_their_modules() {
    let paths = crate_paths("use crate::{tab::{page_view::Badge, omnibox}, aws::regions::Region};");
    let joined: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        joined,
        [
            "tab::page_view::Badge",
            "tab::omnibox",
            "aws::regions::Region"
        ]
    );
}

/// The JS modules the extension's worker imports, statically and transitively, from
/// `extension/background.js` (paths relative to `extension/`).
fn worker_modules() -> BTreeSet<String> {
    let extension = Path::new(env!("CARGO_MANIFEST_DIR")).join("extension");
    let mut seen = BTreeSet::new();
    let mut queue = vec!["background.js".to_owned()];
    while let Some(module) = queue.pop() {
        if !seen.insert(module.clone()) {
            continue;
        }
        let path = extension.join(&module);
        let Ok(text) = std::fs::read_to_string(&path) else {
            // The wasm-bindgen glue under pkg/ exists only in dist/: a leaf here.
            continue;
        };
        let folder = Path::new(&module).parent().unwrap_or(Path::new(""));
        for line in text.lines() {
            let Some(from) = line.split(" from \"").nth(1).or_else(|| {
                line.trim_start()
                    .strip_prefix("import \"")
                    .map(|rest| rest.trim_end_matches(';'))
            }) else {
                continue;
            };
            let Some(target) = from.split('"').next().filter(|t| t.starts_with('.')) else {
                continue;
            };
            let mut parts: Vec<String> = folder
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            for part in target.split('/') {
                match part {
                    "." => {}
                    ".." => {
                        parts.pop();
                    }
                    name => parts.push(name.to_owned()),
                }
            }
            queue.push(parts.join("/"));
        }
    }
    seen
}

#[test]
fn the_worker_imports_no_glue_of_the_pages_package() {
    let modules = worker_modules();
    assert!(
        modules.contains("lib/core.js") && modules.contains("pkg/signin_guard_wake.js"),
        "the import walk finds the worker's modules: {modules:?}"
    );
    for page_only in [
        "lib/pages-core.js",
        "lib/doctor-core.js",
        "pkg/signin_guard_pages.js",
    ] {
        assert!(
            !modules.contains(page_only),
            "the worker imports {page_only}, the doctor's and options pages' package: {modules:?}"
        );
    }
}
