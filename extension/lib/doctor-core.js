// @ts-check
// The core functions of the bookmark doctor, from the pages package (lib/pages-core.js); the page also uses
// lib/core.js (through store.js; the journal's functions are there, for the worker's fix and undo too). Await
// `ready`, which waits for both (and starts loading them when first awaited), before calling them. See
// docs/wasm-api.md.
import { onFirstUse, ready as coreReady } from "./core.js";
import { loadPages } from "./pages-core.js";

export {
  analyzeBookmarks,
  doctorAccountChoices,
  doctorFixWithAccount,
  doctorWords,
  findingsExport,
  planBookmarkBatch,
} from "./pages-core.js";

/** Resolves once both packages are instantiated. */
export const ready = onFirstUse(() => Promise.all([coreReady, loadPages()]));
