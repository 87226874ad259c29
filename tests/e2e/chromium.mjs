// Launches headless Chromium with the extension and the fixture server's host mapping, and gives the tests
// what a person's hands and eyes would do: open tabs, open the popup for a tab, read and click the in-page
// notice inside its closed shadow root (through the DevTools protocol, which sees closed roots), run code in
// the extension's service worker, and stop the worker the way Chromium does when it is idle.

import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ROOT, SCREENSHOTS, WAIT, requireBuiltExtension as requireBuilt, waitFor } from "./harness.mjs";
import { recordChromium, recordServer } from "./network-record.mjs";
import { addTestHook } from "./test-hook.mjs";

// Shared with Firefox (harness.mjs); exported here too for the tests and benchmarks that import them from here.
export { ROOT, SCREENSHOTS, WAIT, waitFor };

/** The built Chrome extension (`cargo xtask dist`). */
export const DIST_CHROME = join(ROOT, "dist/chrome");
/** The Chromium binary: Debian's, unless `CHROMIUM` names another. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** Fails with a clear message when the extension (default `dist/chrome`) has not been built. */
export function requireBuiltExtension(dir = DIST_CHROME) {
  return requireBuilt(dir);
}

/**
 * Launches Chromium with a fresh profile.
 * @param {object} options
 * @param {import("./fixture-server.mjs").FixtureServer} options.server routes the AWS host names to it
 * @param {string|null} [options.extension] unpacked extension to load (default `dist/chrome`); null: none
 * @param {string[]} [options.grant] optional permissions to grant before the test (see `grantInProfile`)
 * @param {(manifest: object) => object} [options.manifest] edits the manifest of the test's copy
 * @param {string[]} [options.args] more command-line switches
 * @param {string} [options.executable] the program to start (default `CHROMIUM`; a wrapper that runs it)
 * @returns {Promise<ChromiumSession>}
 */
export async function launchChromium({ server, extension = DIST_CHROME, grant = [], manifest, args = [], executable = CHROMIUM } = {}) {
  if (server) recordServer(server);
  const dir = await mkdtemp(join(tmpdir(), "signin-guard-chromium-"));
  const profile = join(dir, "profile");
  let session = null;
  try {
    const switches = [
      ...(isRoot ? ["--no-sandbox"] : []),
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--no-default-browser-check",
      // Lets the DevTools protocol click the toolbar button (Extensions.triggerAction).
      "--enable-unsafe-extension-debugging",
      ...(server ? server.chromiumArgs() : []),
      ...args,
    ];
    let copy = null;
    if (extension) {
      await requireBuiltExtension(extension);
      // A snapshot: `cargo xtask dist` deletes and rewrites dist/, which must not pull files from under a
      // running browser; the copy is also where a test may edit the manifest.
      copy = join(dir, "extension");
      await cp(extension, copy, { recursive: true });
      await addTestHook(copy);
      if (manifest) {
        const file = join(copy, "manifest.json");
        const edited = manifest(JSON.parse(await readFile(file, "utf8")));
        await writeFile(file, JSON.stringify(edited, null, 2));
      }
      switches.push(`--disable-extensions-except=${copy}`, `--load-extension=${copy}`);
    }
    const launch = async () => {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: executable,
        headless: true,
        // Playwright passes --disable-extensions by default.
        ignoreDefaultArgs: ["--disable-extensions"],
        args: switches,
        viewport: { width: 1280, height: 800 },
        timeout: 120_000,
      });
      session = new ChromiumSession(context, dir, copy);
      if (copy) await session.worker();
      return session;
    };
    await launch();
    if (grant.length) {
      const id = session.extensionId;
      await session.context.close();
      await grantInProfile(profile, id, grant);
      await launch();
      const granted = await session.inWorker((permissions) => chrome.permissions.contains({ permissions }), grant);
      if (!granted) throw new Error(`Chromium did not keep the granted permissions ${grant.join(", ")} (see grantInProfile)`);
    }
    return session;
  } catch (error) {
    await session?.context.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Grants optional permissions to an installed extension the way Chromium records a person's "Allow":
 * adds them to the extension's `granted_permissions` and `active_permissions` in the profile's
 * Preferences (the browser must be closed). Headless Chromium cannot show the permission prompt to be
 * clicked (it stays pending), and the DevTools protocol has no way to answer it; Debian's Chromium
 * does not enforce the preference MACs, so the edit holds. The extension under test is not modified.
 */
export async function grantInProfile(profile, extensionId, permissions) {
  const file = join(profile, "Default", "Preferences");
  const prefs = JSON.parse(await readFile(file, "utf8"));
  const settings = prefs.extensions?.settings?.[extensionId];
  if (!settings) throw new Error(`no settings for extension ${extensionId} in ${file}`);
  for (const key of ["granted_permissions", "active_permissions"]) {
    settings[key] ??= {};
    settings[key].api = [...new Set([...(settings[key].api ?? []), ...permissions])];
  }
  await writeFile(file, JSON.stringify(prefs));
}

/** A running browser, its extension, and helpers to drive them. */
export class ChromiumSession {
  /** @type {import("playwright-core").BrowserContext} */
  context;
  /** Temp dir holding the profile and the extension's copy. */
  dir;
  /** The unpacked extension's folder, or null. */
  extensionDir;
  /** The extension's id, known once its worker has been seen. */
  extensionId = null;
  #cdp = new WeakMap();
  #browserCdp = null;
  #control = null;
  #closed = false;
  /** The extension worker's console messages, for failure messages. */
  logs = [];

  constructor(context, dir, extensionDir) {
    this.context = context;
    this.dir = dir;
    this.extensionDir = extensionDir;
    recordChromium(context);
    context.on("serviceworker", (worker) => this.#watchWorker(worker));
    for (const worker of context.serviceWorkers()) this.#watchWorker(worker);
  }

  #watched = new WeakSet();

  #watchWorker(worker) {
    if (!worker.url().startsWith("chrome-extension://") || this.#watched.has(worker)) return;
    this.#watched.add(worker);
    this.extensionId ??= new URL(worker.url()).host;
    worker.on("console", (message) => this.logs.push(`[worker ${message.type()}] ${message.text()}`));
  }

  /** The extension's service worker (running now, or the next to start), waiting for it if needed. */
  async worker({ timeout = WAIT } = {}) {
    const running = this.#extensionWorkers();
    if (running.length) return running.at(-1);
    const worker = await this.context.waitForEvent("serviceworker", {
      timeout,
      predicate: (w) => w.url().startsWith("chrome-extension://"),
    });
    this.#watchWorker(worker);
    return worker;
  }

  #extensionWorkers() {
    return this.context.serviceWorkers().filter((w) => w.url().startsWith("chrome-extension://"));
  }

  /** The URL of one of the extension's pages. */
  extensionUrl(path) {
    return `chrome-extension://${this.extensionId}/${path}`;
  }

  /**
   * Runs `fn(arg)` in the extension's service worker. It must be running: evaluating in a stopped worker
   * would wait for it forever, so this fails at once instead (wake it with an event first).
   */
  async inWorker(fn, arg) {
    if (!(await this.workerRunning())) {
      throw new Error("the extension's service worker is stopped; wake it with an event (a page load) first");
    }
    const worker = await this.worker();
    return worker.evaluate(fn, arg);
  }

  /** A DevTools session with the browser itself. */
  async browserCdp() {
    this.#browserCdp ??= await this.context.browser().newBrowserCDPSession();
    return this.#browserCdp;
  }

  /** Whether the extension's service worker is running now (it is a target only while it runs). */
  async workerRunning() {
    const { targetInfos } = await (await this.browserCdp()).send("Target.getTargets");
    return targetInfos.some((t) => t.type === "service_worker" && t.url.startsWith(this.extensionUrl("")));
  }

  /** The ids of all tabs, as the extension sees them. */
  tabIds() {
    return this.inWorker(async () => (await chrome.tabs.query({})).map((tab) => tab.id));
  }

  /**
   * Opens a new tab and loads `url` in it; returns the Playwright page and the tab's id for extension APIs.
   * The id is the one tab that appears between before and after (`tabs.query` hides URLs without the
   * `tabs` permission, so the tab cannot be found by its URL).
   */
  async openTab(url, { waitUntil = "load" } = {}) {
    const before = new Set(await this.tabIds());
    const page = await this.context.newPage();
    const tabId = await waitFor(
      async () => {
        const fresh = (await this.tabIds()).filter((id) => !before.has(id));
        if (fresh.length > 1) throw new Error(`several new tabs appeared (${fresh.join(", ")})`);
        return fresh[0];
      },
      { what: "the new tab's id" },
    );
    if (url) await page.goto(url, { waitUntil, timeout: WAIT });
    return { page, tabId };
  }

  /** Opens the popup for a tab, as a tab of its own (`popup.html?tab=ID`), and waits for it to load. */
  async openPopup(tabId, { width = 380, height = 600 } = {}) {
    const page = await this.context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(this.extensionUrl(`popup.html?tab=${tabId}`), { waitUntil: "load", timeout: WAIT });
    return page;
  }

  /** A CDP session for a page, kept for the page's lifetime. */
  async cdp(page) {
    let session = this.#cdp.get(page);
    if (!session) {
      session = await this.context.newCDPSession(page);
      this.#cdp.set(page, session);
    }
    return session;
  }

  /** The DOM node of the notice's host, its closed shadow root and the CDP session, or null. */
  async #notice(page) {
    const cdp = await this.cdp(page);
    const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
    const host = findNode(root, (node) => attribute(node, "data-signin-guard-notice") !== undefined);
    if (!host) return null;
    return { cdp, host, shadow: host.shadowRoots?.[0] ?? null };
  }

  /** The element with `data-testid=testid` inside the notice, with its CDP session, or null. */
  async #noticeElement(page, testid) {
    const notice = await this.#notice(page);
    if (!notice) return null;
    const scope = notice.shadow ?? notice.host;
    const node = findNode(scope, (n) => attribute(n, "data-testid") === testid);
    return node ? { cdp: notice.cdp, node } : null;
  }

  /** Whether the page has the notice host element (shadow root content not required). */
  async hasNotice(page) {
    return (await this.#notice(page)) !== null;
  }

  /**
   * What the in-page notice shows, read inside its closed shadow root: `{headline, detail, canonical,
   * buttons, level, closedShadowRoot, box}` (texts trimmed; null when absent or not rendered), or null
   * without a notice. `level` is the host's `data-signin-guard-notice` value (info, warning, danger).
   */
  async readNotice(page) {
    const notice = await this.#notice(page);
    if (!notice) return null;
    const scope = notice.shadow ?? notice.host;
    const text = async (testid) => {
      const node = findNode(scope, (n) => attribute(n, "data-testid") === testid);
      if (!node) return null;
      return (await rendered(notice.cdp, node)) ? textOf(notice.cdp, node) : null;
    };
    const buttons = [];
    for (const testid of ["notice-copy", "notice-fix", "notice-undo", "notice-dismiss"]) {
      const node = findNode(scope, (n) => attribute(n, "data-testid") === testid);
      if (node && (await rendered(notice.cdp, node))) buttons.push(testid);
    }
    return {
      headline: await text("notice-headline"),
      detail: await text("notice-detail"),
      canonical: await text("notice-canonical"),
      buttons,
      level: attribute(notice.host, "data-signin-guard-notice") || null,
      closedShadowRoot: notice.shadow ? notice.shadow.shadowRootType === "closed" : null,
      box: await boxOf(notice.cdp, notice.shadow ? firstElement(notice.shadow) ?? notice.host : notice.host),
    };
  }

  /** Waits until the notice exists and `accept(notice)` holds; returns the notice. */
  waitForNotice(page, accept = (notice) => notice.headline, { timeout = WAIT, what = "the in-page notice" } = {}) {
    let last = null;
    return waitFor(
      async () => {
        last = await this.readNotice(page);
        return last && accept(last) ? last : null;
      },
      { timeout, what },
    ).catch((error) => {
      throw new Error(`${error.message}; last notice read: ${JSON.stringify(last)}`);
    });
  }

  /** Clicks the element `testid` of the notice with the mouse, at the centre of its box. */
  async clickInNotice(page, testid) {
    const found = await waitFor(() => this.#noticeElement(page, testid), { what: `${testid} in the notice` });
    await found.cdp.send("DOM.scrollIntoViewIfNeeded", { nodeId: found.node.nodeId }).catch(() => {});
    const box = await waitFor(() => boxOf(found.cdp, found.node), { what: `${testid} to be rendered` });
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** Saves a PNG of the notice (its box, with a margin) to `file`. */
  async screenshotNotice(page, file, margin = 24) {
    const notice = await this.readNotice(page);
    if (!notice?.box) throw new Error("no rendered notice to take a picture of");
    const viewport = page.viewportSize();
    const x = Math.max(0, notice.box.x - margin);
    const y = Math.max(0, notice.box.y - margin);
    const clip = {
      x,
      y,
      width: Math.min(viewport.width - x, notice.box.width + 2 * margin),
      height: Math.min(viewport.height - y, notice.box.height + 2 * margin),
    };
    await page.screenshot({ path: file, clip });
  }

  /**
   * Stops the extension's service worker as Chromium does when it is idle (DevTools'
   * `ServiceWorker.stopAllWorkers`), and waits until the DevTools protocol reports it stopped and it is no
   * longer a target. Returns the states the worker went through (e.g. `["running", "stopping", "stopped"]`).
   */
  async stopServiceWorker() {
    if (!(await this.workerRunning())) throw new Error("the extension's service worker is not running");
    const control = await this.#controlPage();
    const states = [];
    const onUpdate = ({ versions }) => {
      for (const version of versions) {
        if (version.scriptURL.startsWith(this.extensionUrl("")) && states.at(-1) !== version.runningStatus) {
          states.push(version.runningStatus);
        }
      }
    };
    control.on("ServiceWorker.workerVersionUpdated", onUpdate);
    try {
      await control.send("ServiceWorker.stopAllWorkers");
      await waitFor(() => states.at(-1) === "stopped", {
        what: `the service worker to report "stopped" (states seen: ${states.join(" → ")})`,
      });
      await waitFor(async () => !(await this.workerRunning()), { what: "the service worker target to go away" });
    } finally {
      control.off("ServiceWorker.workerVersionUpdated", onUpdate);
    }
    return states;
  }

  /**
   * A blank tab whose DevTools session has the ServiceWorker domain enabled. It stays open for the
   * session: closing a tab is an event (`tabs.onRemoved`) that would wake the worker just stopped.
   */
  async #controlPage() {
    if (!this.#control) {
      const page = await this.context.newPage();
      const cdp = await this.cdp(page);
      await cdp.send("ServiceWorker.enable");
      this.#control = cdp;
    }
    return this.#control;
  }

  /** Waits until the extension's service worker runs (after an event woke it). */
  async waitForWorkerRunning({ timeout = WAIT } = {}) {
    await waitFor(() => this.workerRunning(), { timeout, what: "the service worker to start" });
  }

  /**
   * Clicks the extension's toolbar button for the tab showing `page` (DevTools' `Extensions.triggerAction`):
   * the real popup opens, and the click grants `activeTab` for that tab, as a person's click does.
   * Headless, the popup is not a tab, so it is driven through its own DevTools target.
   * @returns {Promise<RealPopup>}
   */
  async clickToolbarButton(page) {
    // A person clicks the button of the window's active tab, and the popup describes the active tab.
    await page.bringToFront();
    const cdp = await this.browserCdp();
    const { targetInfos } = await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
    const tabs = targetInfos.filter((t) => t.type === "tab" && t.url === page.url());
    if (tabs.length !== 1) throw new Error(`expected one tab showing ${page.url()}, found ${tabs.length}`);
    const popupUrl = this.extensionUrl("popup.html");
    await cdp.send("Extensions.triggerAction", { id: this.extensionId, targetId: tabs[0].targetId });
    const target = await waitFor(
      async () => (await cdp.send("Target.getTargets")).targetInfos.find((t) => t.url === popupUrl),
      { what: "the toolbar popup to open" },
    );
    return RealPopup.attach(cdp, target.targetId);
  }

  /** Closes the browser and removes its profile. */
  async close() {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.context.close();
    } finally {
      await rm(this.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    }
  }
}

/**
 * The toolbar popup opened by a (DevTools) click on the toolbar button, reached through a non-flattened
 * DevTools session, since Playwright sees only tabs.
 */
export class RealPopup {
  #cdp;
  #sessionId;
  #next = 1;
  #pending = new Map();
  #onMessage;
  targetId;

  static async attach(browserCdp, targetId) {
    const popup = new RealPopup();
    popup.#cdp = browserCdp;
    popup.targetId = targetId;
    popup.#onMessage = ({ sessionId, message }) => {
      if (sessionId !== popup.#sessionId) return;
      const reply = JSON.parse(message);
      const pending = popup.#pending.get(reply.id);
      if (!pending) return;
      popup.#pending.delete(reply.id);
      if (reply.error) pending.reject(new Error(`popup: ${reply.error.message}`));
      else pending.resolve(reply.result);
    };
    browserCdp.on("Target.receivedMessageFromTarget", popup.#onMessage);
    ({ sessionId: popup.#sessionId } = await browserCdp.send("Target.attachToTarget", { targetId, flatten: false }));
    return popup;
  }

  /** Sends a DevTools command to the popup's page. */
  send(method, params = {}) {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#cdp
        .send("Target.sendMessageToTarget", { sessionId: this.#sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
  }

  /** Runs `fn(arg)` in the popup and returns its (JSON) result. */
  async evaluate(fn, arg) {
    const { result, exceptionDetails } = await this.send("Runtime.evaluate", {
      expression: `(${fn})(${JSON.stringify(arg ?? null)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`popup: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  }

  /** Waits until `fn(arg)` is truthy in the popup; returns its value. */
  waitFor(fn, arg, what = "a condition in the popup") {
    return waitFor(() => this.evaluate(fn, arg), { what });
  }

  /** Saves a PNG of the popup. */
  async screenshot(file) {
    const { data } = await this.send("Page.captureScreenshot", { format: "png" });
    await writeFile(file, Buffer.from(data, "base64"));
  }

  async close() {
    await this.#cdp.send("Target.closeTarget", { targetId: this.targetId }).catch(() => {});
    this.#cdp.off("Target.receivedMessageFromTarget", this.#onMessage);
  }
}

/** The value of an attribute of a CDP DOM node, or undefined. */
function attribute(node, name) {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
}

/** Depth-first search of a pierced CDP DOM tree (children, shadow roots, frames' documents). */
function findNode(node, test) {
  if (!node) return null;
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? []), node.contentDocument]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return null;
}

function firstElement(node) {
  return (node.children ?? []).find((child) => child.nodeType === 1 && child.nodeName !== "STYLE") ?? null;
}

/** The border box of a node in viewport CSS pixels, or null when it is not rendered. */
async function boxOf(cdp, node) {
  try {
    const { model } = await cdp.send("DOM.getBoxModel", { nodeId: node.nodeId });
    const [x1, y1, x2, , , y3] = model.border;
    const box = { x: x1, y: y1, width: x2 - x1, height: y3 - y1 };
    return box.width > 0 && box.height > 0 ? box : null;
  } catch {
    return null;
  }
}

async function rendered(cdp, node) {
  return (await boxOf(cdp, node)) !== null;
}

/** The rendered text of a node (`innerText`, whitespace collapsed). */
async function textOf(cdp, node) {
  const { object } = await cdp.send("DOM.resolveNode", { nodeId: node.nodeId });
  try {
    const { result } = await cdp.send("Runtime.callFunctionOn", {
      objectId: object.objectId,
      functionDeclaration: "function () { return (this.innerText ?? this.textContent ?? '').replace(/\\s+/g, ' ').trim(); }",
      returnByValue: true,
    });
    return result.value;
  } finally {
    await cdp.send("Runtime.releaseObject", { objectId: object.objectId }).catch(() => {});
  }
}
