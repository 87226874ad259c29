// The core functions of the bookmark doctor, from the same WebAssembly instance as lib/core.js
// (await `ready` before calling them). See docs/wasm-api.md.
export { ready } from "./core.js";
export {
  analyzeBookmarks,
  doctorFixWithAccount,
  findingsExport,
  planBookmarkBatch,
  planBookmarkUndo,
} from "../pkg/signin_guard.js";
