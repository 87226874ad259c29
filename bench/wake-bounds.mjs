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
// Experiments only: none of them is a working extension.

import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const WAKE_WASM = "pkg/signin_guard_wake_bg.wasm";

/** The answer the content script's question gets from a bound: the notice's canonical URL, as the bench checks. */
const answer = (canonical) => `sendResponse({ notice: { canonical: ${JSON.stringify(canonical)} } })`;

const listenersWorker = (canonical, { waitForWasm }) => `// ${waitForWasm ? "bound_wasm" : "bound_listeners"} (bench/wake-bounds.mjs)
const api = chrome;
const noop = () => {};
${waitForWasm ? `const compiled = WebAssembly.compileStreaming(fetch(new URL(${JSON.stringify(WAKE_WASM)}, import.meta.url)));\n` : ""}api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  ${waitForWasm ? `compiled.then(() => ${answer(canonical)});\n  return true;` : `${answer(canonical)};`}
});
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

/**
 * Writes the three bounds of the build in `extension` into `dir` (one folder each) and returns
 * `[name, folder]` pairs, for the page whose notice names `canonical`.
 */
export async function writeWakeBounds(extension, dir, canonical) {
  const manifest = JSON.parse(await readFile(join(extension, "manifest.json"), "utf8"));
  const worker = manifest.background.service_worker;
  const bounds = [];
  for (const name of ["bound_listeners", "bound_wasm", "bound_script"]) {
    const folder = join(dir, name);
    await cp(extension, folder, { recursive: true });
    const script =
      name === "bound_script"
        ? `chrome.runtime.onMessage.addListener((message, sender, sendResponse) => void ${answer(canonical)});\n` +
          (await readFile(join(extension, worker), "utf8"))
        : listenersWorker(canonical, { waitForWasm: name === "bound_wasm" });
    await writeFile(join(folder, worker), script);
    bounds.push([name, folder]);
  }
  return bounds;
}
