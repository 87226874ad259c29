// Benchmark: service-worker wake to first verdict (issue 3's goal: median at most 20 ms).
//
// Headless Chromium with dist/chrome opens the fixture account sign-in page. Then, CYCLES times, the
// extension's worker is stopped through DevTools (ServiceWorker.stopAllWorkers, until it reports
// "stopped"), and the page's content script asks for its verdict exactly as it does on a page load
// (`{type: "page", url, userInfo}`, sent from the content script's own isolated world). The time from
// sending to the answer covers the worker's start, its module and wasm initialisation, and the verdict.
// The same question to the running worker gives the warm time (one question every WARM_GAP_MS, as pages
// come, so that one answer's bookkeeping is not counted in the next).
//
// The floor: the same cycles with a minimal extension (generated here: a module worker whose listener
// answers at once, an empty content script), in its own browser, interleaved cycle by cycle. What
// Chromium itself takes to start a stopped worker and deliver a message is in the floor; the difference
// (`above_floor_ms`, median of each cycle's difference) is what this extension adds to it.
//
// The browser is driven through a bare DevTools pipe (cdp-pipe.mjs), not Playwright, which would attach
// to the worker as it starts and hold it, adding to the very time measured.
//
//   node bench/sw-wake.mjs [CYCLES]   (default 20; prints a JSON summary)
//   EXTENSION=DIR                      measures another unpacked build (default dist/chrome)
//   COMPARE=DIR[,DIR…]                 also measures these builds in the same cycles (an A/B under the same load)
//   FLOOR=0                            skips the floor
//   TRACE=FILE                         after the cycles, one more wake of EXTENSION traced (Chromium's
//                                      `Tracing`, over the same pipe) into FILE, and a summary of where
//                                      the worker's main thread went: the tasks, the script compiled,
//                                      the wasm functions V8 compiled on their first call
//   TRACE_JS=1                         with TRACE, JS samples too (the JS functions, by self time)
//   BOUNDS=1 | BOUNDS=name,…           also measures bounds of EXTENSION in the same cycles (all, or those
//                                      named; bench/wake-bounds.mjs): its listeners alone, then with the
//                                      wake package compiled, its script answering on its first line, the
//                                      listeners with the wake package instantiated and called, and that
//                                      answering with the core's page report
//   PER_CYCLE=1                        also prints each cycle to stderr (build, cycle, ms, the worker's marks):
//                                      whether a run's wakes change as it goes (V8 caches the wasm it tiered up)

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { DIST_CHROME, requireBuiltExtension, waitFor } from "../tests/e2e/chromium.mjs";
import { startFixtureServer } from "../tests/e2e/fixture-server.mjs";
import { PAGES } from "../tests/e2e/scenarios.mjs";
import { PipeBrowser, navigate } from "./cdp-pipe.mjs";
import { median, summary } from "./stats.mjs";
import { BOUND_NAMES, writeWakeBounds } from "./wake-bounds.mjs";

const CYCLES = Number(process.argv[2] ?? 20);
const PAGE = PAGES.accountSignin;
const WARM_GAP_MS = 100;
const EXTENSION = process.env.EXTENSION ?? DIST_CHROME;
const COMPARE = (process.env.COMPARE ?? "").split(",").filter(Boolean);
const FLOOR = process.env.FLOOR !== "0";
const TRACE = process.env.TRACE ?? null;
const TRACE_JS = process.env.TRACE_JS === "1";
const PER_CYCLE = process.env.PER_CYCLE === "1";
/** The bounds to measure (bench/wake-bounds.mjs): `BOUNDS=1` all of them, `BOUNDS=name,…` those named. */
const BOUNDS = ["", "0", undefined].includes(process.env.BOUNDS)
  ? null
  : process.env.BOUNDS === "1"
    ? BOUND_NAMES
    : process.env.BOUNDS.split(",");
const UNKNOWN_BOUNDS = (BOUNDS ?? []).filter((name) => !BOUND_NAMES.includes(name));
if (UNKNOWN_BOUNDS.length) {
  console.error(`BOUNDS: no bound named ${UNKNOWN_BOUNDS.join(", ")} (there are ${BOUND_NAMES.join(", ")})`);
  process.exit(2);
}
const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8",
  "v8.wasm",
  "disabled-by-default-v8.wasm.detailed",
  "v8.compile",
  // With TRACE_JS=1, JS samples every 100 µs, for the JS functions the wake ran (`js_self_time`). The
  // profiler slows the wake (it starts in the worker's first turn and logs every wasm function compiled).
  ...(TRACE_JS ? ["disabled-by-default-v8.cpu_profiler", "disabled-by-default-v8.cpu_profiler.hires"] : []),
];

/** Runs in the content script's world: one verdict request, timed. */
function askForVerdict() {
  const started = performance.now();
  return chrome.runtime.sendMessage({ type: "page", url: location.href, userInfo: null }).then((reply) => ({
    ms: performance.now() - started,
    sent_at: performance.timeOrigin + started,
    canonical: reply?.notice?.canonical ?? null,
  }));
}

/** Writes the floor extension: the least an extension can do to answer the content script's question. */
async function writeFloorExtension(dir, manifest) {
  const floor = {
    manifest_version: 3,
    name: "Wake floor",
    version: "1.0",
    background: { service_worker: "worker.js", type: "module" },
    host_permissions: manifest.host_permissions,
    content_scripts: [{ matches: manifest.content_scripts[0].matches, js: ["content.js"], run_at: "document_idle" }],
  };
  await writeFile(join(dir, "manifest.json"), JSON.stringify(floor, null, 2));
  await writeFile(
    join(dir, "worker.js"),
    "chrome.runtime.onMessage.addListener((message, sender, sendResponse) => void sendResponse({ notice: null }));\n",
  );
  await writeFile(join(dir, "content.js"), "");
}

/** One browser with one extension, on the fixture page, ready to stop its worker and ask. */
async function openSetup(name, extension, server, { check = true } = {}) {
  const browser = await PipeBrowser.launch({ extension, args: server.chromiumArgs() });
  const worker = await waitFor(
    async () => (await browser.targets("service_worker")).find((t) => t.url.startsWith("chrome-extension://")),
    { what: `the service worker of ${extension}` },
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
  const setup = {
    name,
    extension,
    browser,
    page,
    origin,
    status: "running",
    wakes: 0,
    restops: 0,
    spoiled: 0,
    cold: [],
    started: [],
    warm: [],
    marks: {},
  };
  setup.ask = async () => {
    const { result, exceptionDetails } = await page.send("Runtime.evaluate", {
      contextId: world.id,
      expression: `(${askForVerdict})()`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    if (check && result.value.canonical !== PAGE.canonical) {
      throw new Error(`${name}: wrong answer: ${JSON.stringify(result.value)}`);
    }
    return result.value;
  };
  page.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
    for (const v of versions) {
      if (!v.scriptURL.startsWith(origin)) continue;
      if (v.runningStatus === "starting" && setup.status !== "starting") setup.wakes += 1;
      setup.status = v.runningStatus;
      setup.history?.push(`${v.runningStatus} (version ${v.versionId}, ${v.status})`);
    }
  });
  await page.send("ServiceWorker.enable");
  return setup;
}

/**
 * Stops the worker and waits until it stays stopped. Chrome starts a stopped worker again at once when
 * an event for it is due, most likely here the `storage.onChanged` of the last answer's own writes
 * (`afterPage`: the badge, the known accounts) when the stop comes before them; the worker then stays
 * up for its idle time (the old wait for "stopped" timed out at cycle 3 or 5 of a run without COMPARE,
 * two runs in four). So a worker that starts again without being asked is stopped again (`restops`).
 */
async function stopWorker(setup, cycle) {
  const { browser, page } = setup;
  // The statuses DevTools reported since the stop, for the message when the worker does not stop.
  setup.history = [];
  for (;;) {
    const wakes = setup.wakes;
    await page.send("ServiceWorker.stopAllWorkers");
    await waitFor(() => setup.status === "stopped" || (setup.wakes > wakes && setup.status === "running"), {
      interval: 10,
      what: `cycle ${cycle}: the worker of ${setup.name} to stop`,
    }).catch((error) => {
      throw new Error(`${error.message}; statuses reported since: ${setup.history.join(", ") || "none"}`);
    });
    if (setup.status !== "stopped") {
      setup.restops += 1;
      continue;
    }
    await waitFor(async () => setup.status !== "stopped" || (await browser.targets("service_worker")).length === 0, {
      what: "no worker target",
    });
    if (setup.status === "stopped") return;
    // Started again between the report and the target list: wait for it to run, then stop it again.
    await waitFor(() => setup.status === "running", { what: `cycle ${cycle}: the restarted worker of ${setup.name}` });
    setup.restops += 1;
  }
}

/**
 * Stops the worker, asks once, and notes the times (and when the worker's global scope began). A cycle
 * whose worker began before the question was sent (something else woke it in between) does not count:
 * it is run again (`spoiled`).
 */
async function coldCycle(setup, cycle) {
  const { browser, origin } = setup;
  for (;;) {
    await stopWorker(setup, cycle);
    const answer = await setup.ask();
    // When the worker's global scope began, after the question was sent (both clocks are wall-clock based).
    const target = (await browser.targets("service_worker")).find((t) => t.url.startsWith(origin));
    const session = await browser.attach(target.targetId);
    const { result } = await session.send("Runtime.evaluate", {
      expression: `({ origin: performance.timeOrigin, marks: ${workerMarks} })`,
      returnByValue: true,
    });
    await browser.send("Target.detachFromTarget", { sessionId: session.sessionId });
    const started = result.value.origin - answer.sent_at;
    if (started < 0) {
      setup.spoiled += 1;
      continue;
    }
    setup.cold.push(answer.ms);
    if (PER_CYCLE) console.error(setup.name, cycle, round2(answer.ms), JSON.stringify(result.value.marks.map(([name, at]) => [name, round2(at)])));
    setup.started.push(started);
    for (const [name, at] of result.value.marks) (setup.marks[name] ??= []).push(at);
    return;
  }
}

/**
 * Evaluated in the woken worker: the performance marks it set (`signin-guard:…`, see background.js),
 * each `[name, ms from the worker's global scope start]`.
 */
const workerMarks = `performance.getEntriesByType("mark").filter((m) => m.name.startsWith("signin-guard:")).map((m) => [m.name, m.startTime])`;

const round2 = (ms) => Math.round(ms * 100) / 100;

/**
 * One more wake of `setup`'s worker, traced into `file` (Chrome's trace format, for chrome://tracing or
 * Perfetto). Returns the worker thread's busy time by event name while the trace ran (the stopped worker
 * woken by the question, until the answer): the
 * complete events (`X`) of the thread named like a service worker's, top-level tasks and the wasm
 * functions compiled on first call (`wasm.CompileLazy`) among them.
 */
async function tracedWake(setup, file) {
  const { browser } = setup;
  await stopWorker(setup, "traced");
  const events = [];
  const collect = ({ value }) => events.push(...value);
  browser.root.on("Tracing.dataCollected", collect);
  const complete = new Promise((done) => browser.root.once("Tracing.tracingComplete", done));
  await browser.send("Tracing.start", {
    transferMode: "ReportEvents",
    traceConfig: { includedCategories: TRACE_CATEGORIES, excludedCategories: ["*"] },
  });
  const answer = await setup.ask();
  await browser.send("Tracing.end");
  await complete;
  browser.root.off("Tracing.dataCollected", collect);
  await writeFile(file, JSON.stringify({ traceEvents: events }));
  const workerThreads = new Set(
    events
      .filter((e) => e.name === "thread_name" && /ServiceWorker/i.test(e.args?.name ?? ""))
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byName = {};
  for (const e of events) {
    if (e.ph !== "X" || !workerThreads.has(`${e.pid}:${e.tid}`)) continue;
    const entry = (byName[e.name] ??= { count: 0, ms: 0 });
    entry.count += 1;
    entry.ms += (e.dur ?? 0) / 1000;
  }
  const busiest = Object.entries(byName)
    .sort(([, a], [, b]) => b.ms - a.ms)
    .slice(0, 25)
    .map(([name, { count, ms }]) => ({ name, count, ms: round2(ms) }));
  return {
    file,
    wake_to_verdict_ms: round2(answer.ms),
    worker_thread_events: busiest,
    ...(TRACE_JS ? { js_self_time: jsSelfTime(events, workerThreads) } : {}),
  };
}

/**
 * The JS functions the worker's samples were in (`ProfileChunk` events of the worker thread's profile),
 * by self time: `name file:line` and ms, the busiest first.
 */
function jsSelfTime(events, workerThreads) {
  const profiles = new Set(
    events.filter((e) => e.name === "Profile" && workerThreads.has(`${e.pid}:${e.tid}`)).map((e) => `${e.pid}:${e.id}`),
  );
  const frames = new Map();
  const self = new Map();
  for (const e of events) {
    if (e.name !== "ProfileChunk" || !profiles.has(`${e.pid}:${e.id}`)) continue;
    const { cpuProfile = {}, timeDeltas = [] } = e.args?.data ?? {};
    for (const node of cpuProfile.nodes ?? []) {
      const { functionName, url = "", lineNumber = -1 } = node.callFrame;
      frames.set(`${e.pid}:${e.id}:${node.id}`, `${functionName || "(anonymous)"} ${url.split("/").pop()}:${lineNumber + 1}`);
    }
    (cpuProfile.samples ?? []).forEach((node, i) => {
      const frame = frames.get(`${e.pid}:${e.id}:${node}`) ?? "?";
      // A sample's time is the delta to the next one; the last takes its own delta.
      const ms = (timeDeltas[i + 1] ?? timeDeltas[i] ?? 0) / 1000;
      self.set(frame, (self.get(frame) ?? 0) + ms);
    });
  }
  return [...self]
    .sort(([, a], [, b]) => b - a)
    .slice(0, 25)
    .map(([frame, ms]) => ({ frame, ms: round2(ms) }));
}

function resultOf(setup, floor) {
  return {
    extension: setup.extension,
    wake_to_verdict_ms: summary(setup.cold),
    worker_global_scope_after_ms: summary(setup.started),
    global_scope_to_verdict_ms: summary(setup.cold.map((ms, i) => ms - setup.started[i])),
    warm_verdict_ms: summary(setup.warm),
    // Stops repeated because the worker started again by itself, and cycles run again (see coldCycle).
    restops: setup.restops,
    spoiled_cycles: setup.spoiled,
    ...(Object.keys(setup.marks).length
      ? { worker_marks_ms: Object.fromEntries(Object.entries(setup.marks).map(([name, times]) => [name, summary(times)])) }
      : {}),
    ...(floor ? { above_floor_ms: round2(median(setup.cold.map((ms, i) => ms - floor.cold[i]))) } : {}),
  };
}

async function main() {
  for (const dir of [EXTENSION, ...COMPARE]) await requireBuiltExtension(dir);
  const manifest = JSON.parse(await readFile(join(EXTENSION, "manifest.json"), "utf8"));
  const server = await startFixtureServer();
  const floorDir = FLOOR ? await mkdtemp(join(tmpdir(), "signin-guard-wake-floor-")) : null;
  const boundsDir = BOUNDS ? await mkdtemp(join(tmpdir(), "signin-guard-wake-bounds-")) : null;
  const setups = [];
  try {
    setups.push(await openSetup("extension", EXTENSION, server));
    for (const dir of COMPARE) setups.push(await openSetup(basename(dir), dir, server));
    if (boundsDir) {
      for (const [name, dir] of await writeWakeBounds(EXTENSION, boundsDir, PAGE.canonical, BOUNDS)) {
        setups.push(await openSetup(name, dir, server));
      }
    }
    if (floorDir) {
      await writeFloorExtension(floorDir, manifest);
      setups.push(await openSetup("floor", floorDir, server, { check: false }));
    }

    for (const setup of setups) {
      await setup.ask();
      for (let i = 0; i < CYCLES; i += 1) {
        await sleep(WARM_GAP_MS);
        setup.warm.push((await setup.ask()).ms);
      }
    }
    for (let i = 0; i < CYCLES; i += 1) {
      // Rotate which browser goes first, so none always runs right after another.
      for (let k = 0; k < setups.length; k += 1) await coldCycle(setups[(i + k) % setups.length], i + 1);
    }

    const trace = TRACE ? await tracedWake(setups[0], TRACE) : null;
    const floor = floorDir ? setups.at(-1) : null;
    const measured = floor ? setups.slice(0, -1) : setups;
    const [result, ...compared] = measured.map((setup) => resultOf(setup, floor));
    console.log(
      JSON.stringify(
        {
          benchmark: "service-worker wake to first verdict",
          page: PAGE.url,
          cycles: CYCLES,
          ...result,
          ...(compared.length ? { compared: Object.fromEntries(compared.map((r, k) => [measured[k + 1].name, r])) } : {}),
          ...(floor ? { floor: resultOf(floor, null) } : {}),
          goal_ms: 20,
          meets_goal: median(measured[0].cold) <= 20,
          ...(trace ? { trace } : {}),
          load_average: loadavg().map((x) => round2(x)),
        },
        null,
        2,
      ),
    );
  } finally {
    for (const setup of setups) await setup.browser.close();
    await server.close();
    if (floorDir) await rm(floorDir, { recursive: true, force: true });
    if (boundsDir) await rm(boundsDir, { recursive: true, force: true });
  }
}

await main();
