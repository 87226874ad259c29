//! The five WebAssembly packages built from the crate, named once for the build and the extensions.

/// One WebAssembly package built from the crate: its cargo features and the name of its JS glue
/// (`NAME.js`) and module (`NAME_bg.wasm`).
pub struct Package {
    /// `NAME` of `NAME.js` and `NAME_bg.wasm`.
    pub out_name: &'static str,
    /// The cargo features it is built with.
    pub features: &'static [&'static str],
    /// Built for speed (cargo profile `wasm-speed`, `wasm-opt -O3`) rather than size
    /// (`wasm-release`, `-Oz`).
    pub for_speed: bool,
}

impl Package {
    /// The cargo profile it is built with.
    pub fn profile(&self) -> &'static str {
        if self.for_speed {
            "wasm-speed"
        } else {
            "wasm-release"
        }
    }

    /// The optimisation level given to `wasm-opt`.
    pub fn wasm_opt_level(&self) -> &'static str {
        if self.for_speed {
            "-O3"
        } else {
            "-Oz"
        }
    }
}

/// The core API (`classify`, `classifyMany`, `accountSigninUrl`, `regions`), which the web page
/// loads.
pub const CORE: Package = Package {
    out_name: "signin_guard",
    features: &[],
    // The web page's and the bulk checks' package: classifyMany and scanUrls measured about twice
    // as fast built for speed (bench/classify-many.mjs), for a few KB more.
    for_speed: true,
};

/// The core API plus the exports a worker wake calls (one per browser event: a page report, a
/// bookmark change, a lookalike navigation, and the stored values they read): every worker wake
/// instantiates it, so it holds nothing else (issue 11: at most 100 KB gzipped).
pub const WAKE: Package = Package {
    out_name: "signin_guard_wake",
    features: &["wake"],
    for_speed: false,
};

/// The wake package's exports plus everything else the extension's popup and warning page ask,
/// and the worker on first use (omnibox, context menu, a changed managed configuration, a fix):
/// instantiated when first needed (`extension/lib/core.js`).
pub const EXTENSION: Package = Package {
    out_name: "signin_guard_extension",
    features: &["extension"],
    for_speed: false,
};

/// The extension package's exports plus the bookmark doctor's and the team configuration
/// editor's, for the doctor and options pages (and the worker, only when the organisation's
/// configuration changed).
pub const PAGES: Package = Package {
    out_name: "signin_guard_pages",
    features: &["pages"],
    for_speed: false,
};

/// The core API plus bookmark files checked and fixed as chosen: the web page's file doctor,
/// loaded on first use (`www/tools.js`).
pub const TOOLS: Package = Package {
    out_name: "signin_guard_tools",
    features: &["tools"],
    // It reads whole bookmark exports in a click: twice as fast for ~20 KB more (gzipped).
    for_speed: true,
};

/// The packages the web page carries: the core API at once, the tools on first use.
pub const WWW_PACKAGES: [&str; 2] = [CORE.out_name, TOOLS.out_name];

/// The packages the extensions carry (the core package is in each of them).
pub const EXTENSION_PACKAGES: [&str; 3] = [WAKE.out_name, EXTENSION.out_name, PAGES.out_name];

/// The folder of `dist/pkg` where wasm-bindgen writes the JS snippets of `#[wasm_bindgen(inline_js)]`
/// (src/wasm/bulk.rs), which every package's glue imports.
pub const SNIPPETS: &str = "snippets";
