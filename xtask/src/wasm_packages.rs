//! The three WebAssembly packages built from the crate, named once for the build and the extensions.

/// One WebAssembly package built from the crate: its cargo features and the name of its JS glue
/// (`NAME.js`) and module (`NAME_bg.wasm`).
pub struct Package {
    /// `NAME` of `NAME.js` and `NAME_bg.wasm`.
    pub out_name: &'static str,
    /// The cargo features it is built with.
    pub features: &'static [&'static str],
    /// The cargo profile (Cargo.toml) and wasm-opt's level: size first for the packages a worker
    /// wake or an extension page loads, speed first for the web page's bulk checks.
    pub profile: &'static str,
    /// wasm-opt's optimisation level, to match the profile.
    pub wasm_opt_level: &'static str,
}

/// The core API (`classify`, `classifyMany`, `accountSigninUrl`, `regions`), which the web page
/// loads.
pub const CORE: Package = Package {
    out_name: "signin_guard",
    features: &[],
    profile: "wasm-speed",
    wasm_opt_level: "-O3",
};

/// The core API plus what the extension's worker, popup and warning page ask: every worker wake
/// instantiates it.
pub const EXTENSION: Package = Package {
    out_name: "signin_guard_extension",
    features: &["extension"],
    profile: "wasm-release",
    wasm_opt_level: "-Oz",
};

/// The extension package's exports plus the bookmark doctor's and the team configuration
/// editor's, for the doctor and options pages (and the worker, only when the organisation's
/// configuration changed).
pub const PAGES: Package = Package {
    out_name: "signin_guard_pages",
    features: &["pages"],
    profile: "wasm-release",
    wasm_opt_level: "-Oz",
};

/// The packages the extensions carry (the core package is in the extension package).
pub const EXTENSION_PACKAGES: [&str; 2] = [EXTENSION.out_name, PAGES.out_name];

/// The folder of `dist/pkg` where wasm-bindgen writes the JS snippets of `#[wasm_bindgen(inline_js)]`
/// (src/wasm/bulk.rs), which every package's glue imports.
pub const SNIPPETS: &str = "snippets";
