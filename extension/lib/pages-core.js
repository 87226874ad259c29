// @ts-check
// The pages package (`pkg/signin_guard_pages.js`, docs/wasm-api.md): the extension package's exports plus the bookmark
// doctor's and those that read, import and edit team configurations, for the doctor and options pages. Its
// JS glue is imported statically, also by the worker (a service worker may not use `import()`), but its
// wasm, about three times the core's, is fetched and instantiated only when `loadPages()` is first called.
import init from "../pkg/signin_guard_pages.js";

export {
  addUserAccounts,
  analyzeBookmarks,
  doctorAccountChoices,
  doctorFixWithAccount,
  doctorWords,
  editUserAccount,
  findingsExport,
  importAwsConfig,
  mergeAccounts,
  mergedBookmarksFile,
  parseTeamConfig,
  redactConfigSecrets,
  planBookmarkBatch,
  readOneAccount,
  regions,
  removeUserAccount,
} from "../pkg/signin_guard_pages.js";

let loading = null;

/** Resolves once the pages package is compiled and instantiated (a failed attempt is retried next time). */
export function loadPages() {
  loading ??= init().catch((error) => {
    loading = null;
    throw error;
  });
  return loading;
}
