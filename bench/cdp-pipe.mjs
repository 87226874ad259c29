// A bare DevTools-protocol client over Chromium's `--remote-debugging-pipe`, for the benchmarks.
//
// Playwright attaches to every service worker as it starts and holds it until the debugger lets it run;
// that adds tens of milliseconds to exactly what `sw-wake.mjs` measures. This client attaches only to the
// targets it is asked to, so a worker starts as it would for a person.


import { spawn } from "node:child_process";
import { clearTimeout, setTimeout } from "node:timers";
import { EventEmitter } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM } from "../tests/e2e/chromium.mjs";

/** One DevTools session: the browser's, or a page's (flattened, by session id). */
class Session extends EventEmitter {
  constructor(browser, sessionId) {
    super();
    this.browser = browser;
    this.sessionId = sessionId;
  }

  send(method, params = {}) {
    return this.browser.send(method, params, this.sessionId);
  }
}

/** Chromium started by this process, driven through the pipe. */
export class PipeBrowser {
  #child;
  #dir;
  #next = 1;
  #pending = new Map();
  #sessions = new Map();
  #buffer = "";
  /** The browser-level session. */
  root = new Session(this, undefined);

  /**
   * Starts headless Chromium with a fresh profile.
   * @param {{extension?: string|null, args?: string[]}} options
   */
  static async launch({ extension = null, args = [] } = {}) {
    const browser = new PipeBrowser();
    browser.#dir = await mkdtemp(join(tmpdir(), "signin-guard-bench-"));
    const switches = [
      "--headless",
      "--remote-debugging-pipe",
      `--user-data-dir=${join(browser.#dir, "profile")}`,
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--mute-audio",
      ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
      ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
      ...args,
      "about:blank",
    ];
    browser.#child = spawn(CHROMIUM, switches, { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] });
    browser.#child.stdio[4].on("data", (chunk) => browser.#receive(chunk));
    browser.#child.once("exit", (code) => {
      for (const { reject } of browser.#pending.values()) reject(new Error(`Chromium exited (${code})`));
      browser.#pending.clear();
    });
    await browser.send("Browser.getVersion");
    return browser;
  }

  send(method, params = {}, sessionId = undefined) {
    const id = this.#next++;
    const message = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, method });
      this.#child.stdio[3].write(`${message}\0`);
    });
  }

  #receive(chunk) {
    this.#buffer += chunk.toString("utf8");
    let end;
    while ((end = this.#buffer.indexOf("\0")) >= 0) {
      const message = JSON.parse(this.#buffer.slice(0, end));
      this.#buffer = this.#buffer.slice(end + 1);
      if (message.id !== undefined) {
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        if (!pending) continue;
        if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}`));
        else pending.resolve(message.result);
      } else {
        const session = message.sessionId ? this.#sessions.get(message.sessionId) : this.root;
        session?.emit(message.method, message.params);
      }
    }
  }

  /** Attaches to a target (flattened) and returns its session. */
  async attach(targetId) {
    const { sessionId } = await this.send("Target.attachToTarget", { targetId, flatten: true });
    const session = new Session(this, sessionId);
    this.#sessions.set(sessionId, session);
    return session;
  }

  /** Opens a tab at `url` and returns its session. */
  async newPage(url = "about:blank") {
    const { targetId } = await this.send("Target.createTarget", { url });
    return this.attach(targetId);
  }

  /** The targets of a type (`page`, `service_worker`, …). */
  async targets(type) {
    const { targetInfos } = await this.send("Target.getTargets");
    return targetInfos.filter((t) => t.type === type);
  }

  async close() {
    const exited =
      this.#child.exitCode !== null || this.#child.signalCode !== null
        ? Promise.resolve()
        : new Promise((done) => this.#child.once("exit", done));
    await this.send("Browser.close").catch(() => {});
    const timer = setTimeout(() => this.#child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
    await rm(this.#dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

/** Loads `url` in a page session and resolves once its load event has fired. */
export async function navigate(page, url) {
  const loaded = new Promise((done) => page.once("Page.loadEventFired", done));
  const { errorText } = await page.send("Page.navigate", { url });
  if (errorText) throw new Error(`navigation to ${url} failed: ${errorText}`);
  await loaded;
}
