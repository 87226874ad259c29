// The tools package (`pkg/signin_guard_tools.js`: bookmark files checked and fixed, and what else the page
// does beyond checking URLs), fetched and instantiated only when first used. Every feature of the page that
// needs it calls `loadTools()`; the first call starts the download, later ones share it.

let loading = null;

/** Resolves to the package's exports once its wasm is instantiated (a failed attempt is retried next time). */
export function loadTools() {
  loading ??= import("./pkg/signin_guard_tools.js")
    .then(async (tools) => {
      await tools.default();
      warmUp(tools);
      document.body.dataset.tools = "ready";
      return tools;
    })
    .catch((error) => {
      loading = null;
      throw error;
    });
  return loading;
}

/**
 * Runs the file check once on a small made-up export, so that the browser's optimising compiler has the
 * hot functions (the parser, `classify`) ready before the person's file comes: a first call on a 50,000-bookmark
 * export otherwise runs mostly in the baseline tier (measured with bench/www-doctor.mjs).
 */
function warmUp(tools) {
  const lines = ["<!DOCTYPE NETSCAPE-Bookmark-file-1>", "<DL><p>"];
  for (let i = 0; i < 3000; i += 1) {
    const url = i % 10 === 0 ? `http://team${i}.signin.aws.amazon.com/console/` : `https://site${i}.example.com/page?a=${i}&amp;b=2`;
    lines.push(`<DT><A HREF="${url}" ADD_DATE="1">Bookmark ${i}</A>`);
  }
  lines.push("</DL><p>", "");
  const bytes = new TextEncoder().encode(lines.join("\n"));
  try {
    const checked = tools.checkBookmarkFile(bytes);
    tools.fixBookmarkFile(bytes, checked.fix_all);
  } catch {
    // Only a warm-up: the real file's check reports its own errors.
  }
}
