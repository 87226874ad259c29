// Benchmark: what the extension adds to the load of an AWS page (issue 3's goal: under 5 ms median),
// when its notice appears, and the size of its content script (goal: under 4 KB).
//
// Headless Chromiums, one without an extension and one with each build measured, load the same fixture
// page (served with AWS's strict CSP by the e2e fixture server) N times each, in rounds: every round loads
// the page once in each browser, in a rotating order, after a few warm-up rounds. Each load's time is the
// page's own navigation timing: `loadEventEnd` (and `domContentLoadedEventEnd`), from the navigation's
// start. A script the page runs first notes when the extension's notice element enters the document.
// After each load the browser is left alone for a moment (SETTLE_MS), so that what one load leaves to do
// (the worker's bookkeeping, the notice) is not counted in the next load of another browser.
//
// `dcl_to_load_ms` (from DOMContentLoaded's end to the load event's end) is where a content script at
// `document_idle` runs when it delays the load; what comes before DOMContentLoaded is the network path.
//
// The added time is given two ways: the difference of the medians, and the median of each round's
// difference (paired: robust when the machine's load drifts during the run, as it does on a shared
// 2-core machine). Browsers are driven through a bare DevTools pipe (cdp-pipe.mjs).
//
//   node bench/page-load.mjs [N] [PAGE]   (default 30 and accountSignin, a key of PAGES in
//                                          tests/e2e/scenarios.mjs; prints a JSON summary)
//   EXTENSION=DIR            measures another unpacked build (default dist/chrome)
//   COMPARE=DIR[,DIR…]       also measures these builds in the same rounds (an A/B under the same load)
//   WORKER=stopped           stops the extension's worker before each load, as after 30 s idle: the
//                            navigation wakes it (default: running, as on the second page of a session)

import { readFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { basename, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { gzipSync } from "node:zlib";
import { DIST_CHROME, requireBuiltExtension, waitFor } from "../tests/e2e/chromium.mjs";
import { startFixtureServer } from "../tests/e2e/fixture-server.mjs";
import { PAGES } from "../tests/e2e/scenarios.mjs";
import { PipeBrowser, navigate } from "./cdp-pipe.mjs";
import { median, summary } from "./stats.mjs";

const N = Number(process.argv[2] ?? 30);
const PAGE_NAME = process.argv[3] ?? "accountSignin";
const WARM_UP = 3;
const SETTLE_MS = 250;
/** How long to wait for the notice after the load event before counting it as not shown. */
const NOTICE_WAIT_MS = 2_000;
const EXTENSION = process.env.EXTENSION ?? DIST_CHROME;
const COMPARE = (process.env.COMPARE ?? "").split(",").filter(Boolean);
const STOP_WORKER = process.env.WORKER === "stopped";

/**
 * Runs in the page before its own scripts: records when the extension's notice element (appended to
 * `<html>` by the content script) enters the document. Watches only the child lists of the document and
 * of `<html>`, so it costs the page next to nothing.
 */
function watchForNotice() {
  const seen = (node) => {
    if (node.nodeName === "SIGNIN-GUARD-NOTICE") globalThis.__signinGuardNoticeAt ??= performance.now();
  };
  const watch = (root) =>
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          seen(node);
          if (node === document.documentElement) watch(node);
        }
      }
    }).observe(root, { childList: true });
  watch(document);
  if (document.documentElement) watch(document.documentElement);
}

/** Runs in the page: its navigation timing, in ms from the navigation's start, and the notice's time. */
function pageTiming() {
  const [entry] = performance.getEntriesByType("navigation");
  return {
    load: entry.loadEventEnd,
    dom_content_loaded: entry.domContentLoadedEventEnd,
    notice: globalThis.__signinGuardNoticeAt ?? null,
  };
}

const evaluate = async (page, expression) =>
  (await page.send("Runtime.evaluate", { expression, returnByValue: true })).result.value;

/** One browser: without an extension, or with one build. */
async function openSetup(name, extension, server) {
  const browser = await PipeBrowser.launch({ extension, args: server.chromiumArgs() });
  const setup = { name, extension, browser, loads: [] };
  if (extension) {
    const manifest = JSON.parse(await readFile(join(extension, "manifest.json"), "utf8"));
    setup.manifest = manifest;
    if (manifest.background?.service_worker) {
      const worker = await waitFor(
        async () => (await browser.targets("service_worker")).find((t) => t.url.startsWith("chrome-extension://")),
        { what: `the worker of ${extension}` },
      );
      setup.origin = worker.url.match(/^chrome-extension:\/\/[a-p]{32}/)[0];
    }
  }
  setup.page = await browser.newPage();
  await setup.page.send("Page.enable");
  await setup.page.send("Page.addScriptToEvaluateOnNewDocument", { source: `(${watchForNotice})()` });
  if (setup.origin) {
    setup.workerStatus = "running";
    setup.page.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
      for (const v of versions) if (v.scriptURL.startsWith(setup.origin)) setup.workerStatus = v.runningStatus;
    });
    await setup.page.send("ServiceWorker.enable");
  }
  return setup;
}

/** Stops the setup's extension worker and waits until DevTools says it has stopped. */
async function stopWorker(setup) {
  await setup.page.send("ServiceWorker.stopAllWorkers");
  await waitFor(() => setup.workerStatus === "stopped", { interval: 10, what: `the worker of ${setup.name} to stop` });
}

async function loadOnce(setup, url) {
  if (STOP_WORKER && setup.origin) await stopWorker(setup);
  await navigate(setup.page, url);
  if (setup.extension) {
    // The notice comes after the load event; wait for it (or give up) before the next load.
    const deadline = Date.now() + NOTICE_WAIT_MS;
    while (Date.now() < deadline && !(await evaluate(setup.page, "globalThis.__signinGuardNoticeAt"))) await sleep(10);
  }
  const timing = await evaluate(setup.page, `(${pageTiming})()`);
  await sleep(SETTLE_MS);
  return timing;
}

/** `summary` of a list that may hold nulls (notices not shown), with how many were missing. */
function summaryOf(values) {
  const present = values.filter((v) => v !== null);
  return present.length ? { ...summary(present), missing: values.length - present.length } : null;
}

const round2 = (ms) => Math.round(ms * 100) / 100;

async function main() {
  const scenario = PAGES[PAGE_NAME];
  if (!scenario) throw new Error(`no page ${PAGE_NAME}; pages: ${Object.keys(PAGES).join(", ")}`);
  for (const dir of [EXTENSION, ...COMPARE]) await requireBuiltExtension(dir);
  const server = await startFixtureServer();
  const setups = [];
  try {
    setups.push(await openSetup("without_extension", null, server));
    setups.push(await openSetup("with_extension", EXTENSION, server));
    for (const dir of COMPARE) setups.push(await openSetup(`with ${basename(dir)}`, dir, server));

    for (let i = 0; i < WARM_UP; i += 1) for (const setup of setups) await loadOnce(setup, scenario.url);
    for (let i = 0; i < N; i += 1) {
      // Rotate which browser goes first, so none always loads right after another.
      const order = setups.map((_, k) => setups[(i + k) % setups.length]);
      for (const setup of order) setup.loads.push(await loadOnce(setup, scenario.url));
    }

    const [without, ...withs] = setups;
    const loadsOf = (setup) => setup.loads.map((t) => t.load);
    const added = (setup) => ({
      extension: setup.extension,
      load_event_end_ms: summary(loadsOf(setup)),
      dom_content_loaded_ms: summary(setup.loads.map((t) => t.dom_content_loaded)),
      dcl_to_load_ms: summary(setup.loads.map((t) => t.load - t.dom_content_loaded)),
      notice_shown_ms: summaryOf(setup.loads.map((t) => t.notice)),
      added_median_ms: round2(median(loadsOf(setup)) - median(loadsOf(without))),
      added_paired_median_ms: round2(median(loadsOf(setup).map((ms, k) => ms - without.loads[k].load))),
    });
    const measured = added(withs[0]);
    const content = await readFile(join(EXTENSION, "content.js"));
    console.log(
      JSON.stringify(
        {
          benchmark: "page load with vs without the extension",
          page: scenario.url,
          worker: STOP_WORKER ? "stopped before each load" : "running",
          loads_each: N,
          without_extension: {
            load_event_end_ms: summary(loadsOf(without)),
            dom_content_loaded_ms: summary(without.loads.map((t) => t.dom_content_loaded)),
            dcl_to_load_ms: summary(without.loads.map((t) => t.load - t.dom_content_loaded)),
          },
          with_extension: measured,
          ...(COMPARE.length ? { compared: Object.fromEntries(withs.slice(1).map((s) => [s.name.slice(5), added(s)])) } : {}),
          added_median_ms: measured.added_median_ms,
          added_paired_median_ms: measured.added_paired_median_ms,
          goal_added_ms: 5,
          content_script: {
            file: join(EXTENSION, "content.js"),
            bytes: content.length,
            gzip_bytes: gzipSync(content, { level: 9 }).length,
            goal_bytes: 4096,
          },
          load_average: loadavg().map((x) => round2(x)),
        },
        null,
        2,
      ),
    );
  } finally {
    for (const setup of setups) await setup.browser.close();
    await server.close();
  }
}

await main();
