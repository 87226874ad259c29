// Benchmark: service-worker wake to first verdict (issue 3's goal: median at most 20 ms).
//
// Headless Chromium with dist/chrome opens the fixture account sign-in page. Then, CYCLES times, the
// extension's worker is stopped through DevTools (ServiceWorker.stopAllWorkers, until it reports
// "stopped"), and the page's content script asks for its verdict exactly as it does on a page load
// (`{type: "page", url, userInfo}`, sent from the content script's own isolated world). The time from
// sending to the answer covers the worker's start, its module and wasm initialisation, and the verdict.
// The same question to the running worker gives the warm time.
//
// The browser is driven through a bare DevTools pipe (cdp-pipe.mjs), not Playwright, which would attach
// to the worker as it starts and hold it, adding to the very time measured.
//
//   node bench/sw-wake.mjs [CYCLES]     (default 20; prints a JSON summary)


import { loadavg } from "node:os";
import { DIST_CHROME, requireBuiltExtension, waitFor } from "../tests/e2e/chromium.mjs";
import { startFixtureServer } from "../tests/e2e/fixture-server.mjs";
import { PAGES } from "../tests/e2e/scenarios.mjs";
import { PipeBrowser, navigate } from "./cdp-pipe.mjs";
import { median, summary } from "./stats.mjs";

const CYCLES = Number(process.argv[2] ?? 20);
const PAGE = PAGES.accountSignin;

/** Runs in the content script's world: one verdict request, timed. */
function askForVerdict() {
  const started = performance.now();
  return chrome.runtime.sendMessage({ type: "page", url: location.href, userInfo: null }).then((reply) => ({
    ms: performance.now() - started,
    sent_at: performance.timeOrigin + started,
    canonical: reply?.notice?.canonical ?? null,
  }));
}

async function main() {
  await requireBuiltExtension();
  const server = await startFixtureServer();
  const browser = await PipeBrowser.launch({ extension: DIST_CHROME, args: server.chromiumArgs() });
  try {
    const worker = await waitFor(
      async () => (await browser.targets("service_worker")).find((t) => t.url.startsWith("chrome-extension://")),
      { what: "the extension's service worker" },
    );
    // `new URL(…).origin` is "null" for a chrome-extension: URL; the context's origin is scheme and host.
    const origin = worker.url.match(/^chrome-extension:\/\/[a-p]{32}/)[0];
    const page = await browser.newPage();
    const contexts = [];
    page.on("Runtime.executionContextCreated", ({ context }) => contexts.push(context));
    await page.send("Page.enable");
    await page.send("Runtime.enable");
    await navigate(page, PAGE.url);
    const world = await waitFor(() => contexts.find((c) => c.auxData?.type === "isolated" && c.origin === origin), {
      what: "the content script's world",
    });
    const ask = async () => {
      const { result, exceptionDetails } = await page.send("Runtime.evaluate", {
        contextId: world.id,
        expression: `(${askForVerdict})()`,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      if (result.value.canonical !== PAGE.canonical) throw new Error(`wrong answer: ${JSON.stringify(result.value)}`);
      return result.value;
    };

    const warm = [];
    await ask();
    for (let i = 0; i < CYCLES; i += 1) warm.push((await ask()).ms);

    let status = "running";
    page.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
      for (const v of versions) if (v.scriptURL.startsWith(origin)) status = v.runningStatus;
    });
    await page.send("ServiceWorker.enable");
    const cold = [];
    const started = [];
    for (let i = 0; i < CYCLES; i += 1) {
      await page.send("ServiceWorker.stopAllWorkers");
      await waitFor(() => status === "stopped", { what: `cycle ${i + 1}: the worker to stop` });
      await waitFor(async () => (await browser.targets("service_worker")).length === 0, { what: "no worker target" });
      const answer = await ask();
      cold.push(answer.ms);
      // When the worker's global scope began, after the question was sent (both clocks are wall-clock based).
      const target = (await browser.targets("service_worker")).find((t) => t.url.startsWith(origin));
      const session = await browser.attach(target.targetId);
      const { result } = await session.send("Runtime.evaluate", { expression: "performance.timeOrigin", returnByValue: true });
      await browser.send("Target.detachFromTarget", { sessionId: session.sessionId });
      started.push(result.value - answer.sent_at);
    }

    console.log(
      JSON.stringify(
        {
          benchmark: "service-worker wake to first verdict",
          page: PAGE.url,
          cycles: CYCLES,
          wake_to_verdict_ms: summary(cold),
          worker_global_scope_after_ms: summary(started),
          global_scope_to_verdict_ms: summary(cold.map((ms, i) => ms - started[i])),
          warm_verdict_ms: summary(warm),
          goal_ms: 20,
          meets_goal: median(cold) <= 20,
          load_average: loadavg().map((x) => Math.round(x * 100) / 100),
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
