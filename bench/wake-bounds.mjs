// The wake's bounds for bench/sw-wake.mjs (`BOUNDS=1`): copies of a build whose worker does only part of
// what a wake does, and answers the content script's question as soon as that part is done. Measured in
// the same cycles as the build and the do-nothing worker, they split the time the build adds to the floor:
//   bound_listeners  the build's manifest, and a worker that registers the listeners of its first turn and
//                    starts its first turn's storage reads, nothing else (the browser's cost of the APIs
//                    a wake must set up); keep the list in step with background.js's first turn
//   bound_wasm       bound_listeners, answering once the wake package is compiled (its fetch and streaming
//                    compile)
//   bound_script     the build itself, with a first line that answers at once: the build's script loaded
//                    and its first turn run (the message is delivered when the first turn ends), but no
//                    wait for the wasm and no answer of the core
//   bound_core       bound_listeners with the wake package instantiated (its glue bundled in, as the build's
//                    is) and its cheapest export called before answering: what any worker pays whose
//                    decisions are this wasm core's, with none of the build's own script
//   bound_report     bound_core answering with the core's page report of the page (no stored state, no
//                    known accounts, no team): the least a wasm-core worker can do to answer the question
// Experiments only: none of them is a working extension. `BOUNDS=1` measures all of them; `BOUNDS=name,…`
// only those named.

import { build } from "esbuild";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const WAKE_WASM = "pkg/signin_guard_wake_bg.wasm";
const WAKE_GLUE = "./pkg/signin_guard_wake.js";

/** Every bound, in the order they are measured. */
export const BOUND_NAMES = ["bound_listeners", "bound_wasm", "bound_script", "bound_core", "bound_report"];

/** The answer the content script's question gets from a bound: the notice's canonical URL, as the bench checks. */
const answer = (canonical) => `sendResponse({ notice: { canonical: ${JSON.stringify(canonical)} } })`;

/** The listeners and reads of background.js's first turn, besides the message listener: every bound registers them. */
const FIRST_TURN = `const noop = () => {};
api.runtime.onInstalled.addListener(noop);
api.runtime.onStartup.addListener(noop);
api.contextMenus.onClicked.addListener(noop);
api.omnibox.onInputChanged.addListener(noop);
api.omnibox.onInputEntered.addListener(noop);
api.permissions.onAdded.addListener(noop);
api.permissions.onRemoved.addListener(noop);
api.storage.local.onChanged.addListener(noop);
api.storage.managed.onChanged?.addListener(noop);
void api.bookmarks;
void api.webNavigation;
api.storage.session.get(null).then(noop, noop);
api.storage.local.get(null).then(noop, noop);
api.storage.managed.get(null).then(noop, noop);
`;

const listenersWorker = (canonical, { waitForWasm }) => `// ${waitForWasm ? "bound_wasm" : "bound_listeners"} (bench/wake-bounds.mjs)
const api = chrome;
${waitForWasm ? `const compiled = WebAssembly.compileStreaming(fetch(new URL(${JSON.stringify(WAKE_WASM)}, import.meta.url)));\n` : ""}api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  ${waitForWasm ? `compiled.then(() => ${answer(canonical)});\n  return true;` : `${answer(canonical)};`}
});
${FIRST_TURN}`;

/**
 * bound_core and bound_report: the wake package instantiated as the build's worker does (streaming, from the
 * extension's `pkg/`), then one call of the core: its cheapest export, or the page report of the page. The
 * facts are the page's with nothing stored (docs/wasm-api.md, `pageReport`). They set the build's marks
 * (background.js `markOnce`), each the first time only.
 */
const coreWorker = (canonical, { report }) => `// ${report ? "bound_report" : "bound_core"} (bench/wake-bounds.mjs)
import initWake, { bookmarkOffered, pageReport } from ${JSON.stringify(WAKE_GLUE)};
const api = chrome;
const marked = new Set();
const mark = (step) => marked.has(step) || (marked.add(step), performance.mark("signin-guard:" + step));
const ready = initWake({ module_or_path: api.runtime.getURL(${JSON.stringify(WAKE_WASM)}) });
ready.then(() => mark("core-ready"));
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  mark("message");
  ready.then(() => {
    ${
      report
        ? `const { notice } = pageReport({ url: sender.url, from_page: true, user_info: null, state: {}, known: [], team: { managed: null, user: null }, notice_on: true, bookmarks_allowed: false, bookmarks: [], now_ms: Date.now() });
    mark("answer");
    sendResponse({ notice });`
        : `bookmarkOffered({}, "");
    mark("answer");
    ${answer(canonical)};`
    }
  });
  return true;
});
${FIRST_TURN}mark("listeners-registered");
`;

/** One module that imports nothing, as `cargo xtask dist` makes the build's worker (esbuild). */
async function bundled(source, folder) {
  const result = await build({
    stdin: { contents: source, resolveDir: folder, sourcefile: "bound.js" },
    bundle: true,
    format: "esm",
    write: false,
    logLevel: "warning",
  });
  return result.outputFiles[0].text;
}

/**
 * Writes the bounds named (all of `BOUND_NAMES` unless told) of the build in `extension` into `dir` (one folder
 * each) and returns `[name, folder]` pairs, for the page whose notice names `canonical`.
 */
export async function writeWakeBounds(extension, dir, canonical, names = BOUND_NAMES) {
  const manifest = JSON.parse(await readFile(join(extension, "manifest.json"), "utf8"));
  const worker = manifest.background.service_worker;
  const bounds = [];
  for (const name of BOUND_NAMES.filter((bound) => names.includes(bound))) {
    const folder = join(dir, name);
    await cp(extension, folder, { recursive: true });
    const script =
      name === "bound_script"
        ? `chrome.runtime.onMessage.addListener((message, sender, sendResponse) => void ${answer(canonical)});\n` +
          (await readFile(join(extension, worker), "utf8"))
        : name === "bound_core" || name === "bound_report"
          ? await bundled(coreWorker(canonical, { report: name === "bound_report" }), folder)
          : listenersWorker(canonical, { waitForWasm: name === "bound_wasm" });
    await writeFile(join(folder, worker), script);
    bounds.push([name, folder]);
  }
  return bounds;
}
