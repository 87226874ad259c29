// Benchmark: what the extension adds to the load of an AWS page (issue 3's goal: under 5 ms median),
// and the size of its content script (goal: under 4 KB).
//
// Two headless Chromiums, one with dist/chrome and one without, load the same fixture page (served
// with AWS's strict CSP by the e2e fixture server) N times each, alternately, after a few warm-up loads.
// Each load's time is the page's own navigation timing: `loadEventEnd` (and `domContentLoadedEventEnd`),
// from the navigation's start. Browsers are driven through a bare DevTools pipe (cdp-pipe.mjs).
//
//   node bench/page-load.mjs [N] [PAGE]   (default 30 and accountSignin, a key of PAGES in
//                                          tests/e2e/scenarios.mjs; prints a JSON summary)
//   EXTENSION=DIR node bench/page-load.mjs  measures another unpacked build (e.g. a variant of dist/chrome)


import { readFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { DIST_CHROME, requireBuiltExtension, waitFor } from "../tests/e2e/chromium.mjs";
import { startFixtureServer } from "../tests/e2e/fixture-server.mjs";
import { PAGES } from "../tests/e2e/scenarios.mjs";
import { PipeBrowser, navigate } from "./cdp-pipe.mjs";
import { median, summary } from "./stats.mjs";

const N = Number(process.argv[2] ?? 30);
const PAGE_NAME = process.argv[3] ?? "accountSignin";
const WARM_UP = 3;
const EXTENSION = process.env.EXTENSION ?? DIST_CHROME;

/** Runs in the page: its navigation timing, in ms from the navigation's start. */
function navigationTiming() {
  const [entry] = performance.getEntriesByType("navigation");
  return { load: entry.loadEventEnd, dom_content_loaded: entry.domContentLoadedEventEnd, response_end: entry.responseEnd };
}

async function main() {
  const scenario = PAGES[PAGE_NAME];
  if (!scenario) throw new Error(`no page ${PAGE_NAME}; pages: ${Object.keys(PAGES).join(", ")}`);
  await requireBuiltExtension(EXTENSION);
  const server = await startFixtureServer();
  const runs = [];
  try {
    const setups = [
      { name: "with_extension", extension: EXTENSION },
      { name: "without_extension", extension: null },
    ];
    for (const setup of setups) {
      const browser = await PipeBrowser.launch({ extension: setup.extension, args: server.chromiumArgs() });
      runs.push({ ...setup, browser, loads: [] });
      const manifest = setup.extension && JSON.parse(await readFile(join(setup.extension, "manifest.json"), "utf8"));
      if (manifest?.background?.service_worker) {
        await waitFor(async () => (await browser.targets("service_worker")).length > 0, { what: "the extension's worker" });
      }
      const page = await browser.newPage();
      await page.send("Page.enable");
      runs.at(-1).page = page;
    }
    const loadOnce = async (run) => {
      await navigate(run.page, scenario.url);
      const { result } = await run.page.send("Runtime.evaluate", {
        expression: `(${navigationTiming})()`,
        returnByValue: true,
      });
      return result.value;
    };
    for (let i = 0; i < WARM_UP; i += 1) for (const run of runs) await loadOnce(run);
    for (let i = 0; i < N; i += 1) {
      // Alternate which browser goes first, so neither always loads right after the other.
      for (const run of i % 2 ? [...runs].reverse() : runs) run.loads.push(await loadOnce(run));
    }

    const content = await readFile(join(EXTENSION, "content.js"));
    const [withExt, without] = runs;
    const medianLoad = (run) => median(run.loads.map((t) => t.load));
    console.log(
      JSON.stringify(
        {
          benchmark: "page load with vs without the extension",
          page: scenario.url,
          extension: EXTENSION,
          loads_each: N,
          load_event_end_ms: Object.fromEntries(runs.map((run) => [run.name, summary(run.loads.map((t) => t.load))])),
          dom_content_loaded_ms: Object.fromEntries(
            runs.map((run) => [run.name, summary(run.loads.map((t) => t.dom_content_loaded))]),
          ),
          added_median_ms: Math.round((medianLoad(withExt) - medianLoad(without)) * 100) / 100,
          goal_added_ms: 5,
          content_script: {
            file: join(EXTENSION, "content.js"),
            bytes: content.length,
            gzip_bytes: gzipSync(content, { level: 9 }).length,
            goal_bytes: 4096,
          },
          load_average: loadavg().map((x) => Math.round(x * 100) / 100),
        },
        null,
        2,
      ),
    );
  } finally {
    for (const run of runs) await run.browser.close();
    await server.close();
  }
}

await main();
