// The tools package (`pkg/signin_guard_tools.js`: bookmark files checked and fixed, and what else the page
// does beyond checking URLs), fetched and instantiated only when first used. Every feature of the page that
// needs it calls `loadTools()`; the first call starts the download, later ones share it. `warmTools()` (the
// pointer over the file box, or the findings of a file chosen at once shown) also warms it up.

let loading = null;
let warming = null;
/** Set while a file is being read: the warm-up's rounds left are not run (the file's check warms up too). */
let paused = false;

/** Resolves to the package's exports once its wasm is instantiated (a failed attempt is retried next time). */
export function loadTools() {
  loading ??= import("./pkg/signin_guard_tools.js")
    .then(async (tools) => {
      await tools.default();
      document.body.dataset.tools = "loaded";
      return tools;
    })
    .catch((error) => {
      loading = null;
      throw error;
    });
  return loading;
}

/** Loads the tools, then warms them up in the background; `body[data-tools=ready]` once done. */
export function warmTools() {
  warming ??= loadTools().then(async (tools) => {
    await warmUp(tools);
    document.body.dataset.tools = "ready";
    return tools;
  });
  return warming;
}

/** A file is being read: the warm-up stops after the round it is in, and does not start until `reading(false)`. */
export function reading(now) {
  paused = now;
}

/** Rounds of the warm-up, each a task of its own, so that a file chosen meanwhile waits at most one. */
const WARM_UP_ROUNDS = 5;

/**
 * Checks and fixes a small made-up export a few times, so that the browser's optimising compiler has the hot
 * functions (the parser, `classify`, the report's JSON) ready before the person's file comes: wasm code runs in
 * the baseline tier until it has run a while, and the optimised code is compiled in the background (several
 * rounds give it the time: bench/www-doctor.mjs measured a first 50,000-bookmark check ~2.5x its later ones after
 * a single round). When a file is chosen before the package was loaded, the file's check comes first and the
 * warm-up (of "fix all" above all) after its findings are shown.
 */
async function warmUp(tools) {
  const bytes = sample();
  for (let round = 0; round < WARM_UP_ROUNDS && !paused; round += 1) {
    try {
      const checked = tools.checkBookmarkFile(bytes);
      tools.fixBookmarkFile(bytes, checked.fix_all);
    } catch {
      // Only a warm-up: the real file's check reports its own errors.
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/**
 * The made-up export: folders of 50 bookmarks of the shapes bookmarks commonly have (sites, AWS consoles and
 * docs, sign-in pages, a few that the doctor lists), so that the warm-up runs the paths a real export runs.
 */
function sample() {
  const shapes = [
    (i) => `https://site${i}.example.com/page?a=${i}&amp;b=2`,
    (i) => `https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:${i}`,
    (i) => `https://docs.aws.amazon.com/IAM/latest/UserGuide/page_${i}.html`,
    (i) => `https://team${i % 7}.signin.aws.amazon.com/console`,
    (i) => `https://d-123456789${i % 10}.awsapps.com/start#/`,
    (i) => `http://team${i}.signin.aws.amazon.com/console/`,
    (i) => `https://signin.aws.amazon.com/federation?Action=login&amp;SigninToken=made-up${i}`,
  ];
  // eslint-disable-next-line no-restricted-syntax -- the bookmark file format's first line, never shown
  const lines = ["<!DOCTYPE NETSCAPE-Bookmark-file-1>", "<DL><p>"];
  for (let i = 0; i < 3000; i += 1) {
    if (i % 50 === 0) lines.push(`<DT><H3>Folder ${i}</H3>`, "<DL><p>");
    lines.push(`<DT><A HREF="${shapes[i % shapes.length](i)}" ADD_DATE="1">Bookmark ${i} &amp; more</A>`);
    if (i % 50 === 49) lines.push("</DL><p>");
  }
  lines.push("</DL><p>", "");
  return new TextEncoder().encode(lines.join("\n"));
}
