// The tools package (`pkg/signin_guard_tools.js`: bookmark files checked and fixed, and what else the page
// does beyond checking URLs), fetched and instantiated only when first used. Every feature of the page that
// needs it calls `loadTools()`; the first call starts the download, later ones share it.

let loading = null;

/** Resolves to the package's exports once its wasm is instantiated (a failed attempt is retried next time). */
export function loadTools() {
  loading ??= import("./pkg/signin_guard_tools.js")
    .then(async (tools) => {
      await tools.default();
      return tools;
    })
    .catch((error) => {
      loading = null;
      throw error;
    });
  return loading;
}
