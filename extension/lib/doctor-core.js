// @ts-check
// The core functions of the bookmark doctor, from the pages package (lib/pages-core.js); the page also uses
// lib/core.js (through store.js). Await `ready`, which waits for both, before calling them. See
// docs/wasm-api.md.
import { ready as coreReady } from "./core.js";
import { loadPages } from "./pages-core.js";

export {
  analyzeBookmarks,
  doctorFixWithAccount,
  doctorWords,
  findingsExport,
  journalRecord,
  planBookmarkBatch,
  planBookmarkUndo,
} from "./pages-core.js";

/** Resolves once both packages are instantiated. */
export const ready = Promise.all([coreReady, loadPages()]);
