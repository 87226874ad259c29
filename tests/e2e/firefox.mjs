// Launches headless Firefox ESR with the extension as a temporary add-on (selenium-webdriver +
// geckodriver), reaching the fixture server for the real AWS host names (issue 6), and gives the tests
// what a person's hands and eyes would do: open tabs, open the popup for a tab, read and click the in-page
// notice inside its closed shadow root, click buttons on the extension's pages. The scenarios, the DOM
// contract and the expectations are shared with Chromium (scenarios.mjs, contract.mjs, expectations.mjs).
//
// Host mapping: Firefox's `network.dns.localDomains` maps a name to 127.0.0.1 but keeps port 443, and the
// fixture server listens on a random port; so Firefox is pointed at the server's CONNECT proxy instead
// (`startFixtureServer({proxy: true})`), which tunnels only the mapped domains to the HTTPS server. URLs
// stay exactly AWS's (no port), and the browser does no DNS lookup for them.
//
// Extension pages: WebDriver refuses to navigate to `moz-extension://` unless geckodriver runs with
// `--allow-system-access` (Firefox's `-remote-allow-system-access`); the tests need it for nothing else.
// Their address is fixed before the add-on is installed, through the pref that holds each add-on's UUID
// (`extensions.webextensions.uuids`). Code that uses the extension's API (tab ids, bookmarks) runs in the
// extension's options page, kept open in the first tab ("the control tab").

import { randomUUID } from "node:crypto";
import { access, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { basename, delimiter, join } from "node:path";
import { Builder, By } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import { NOTICE } from "./contract.mjs";
import { ROOT, WAIT, requireBuiltExtension, waitFor } from "./harness.mjs";
import { recordServer } from "./network-record.mjs";
import { addTestHook } from "./test-hook.mjs";
import { readZip } from "./zip.mjs";

/** The built Firefox extension (`cargo xtask dist`). */
export const DIST_FIREFOX = join(ROOT, "dist/firefox");

/** The first of `candidates` that exists, else null. */
async function firstExisting(candidates) {
  for (const candidate of candidates) {
    try {
      await access(candidate);
      return candidate;
    } catch {
      // next one
    }
  }
  return null;
}

const onPath = (name) => (process.env.PATH ?? "").split(delimiter).filter(Boolean).map((dir) => join(dir, name));

/** Firefox: `FIREFOX`, else Debian's ESR, else a `firefox-esr` or `firefox` on PATH. */
export function findFirefox() {
  if (process.env.FIREFOX) return Promise.resolve(process.env.FIREFOX);
  return firstExisting(["/usr/bin/firefox-esr", ...onPath("firefox-esr"), ...onPath("firefox")]);
}

/**
 * geckodriver: `GECKODRIVER`, else the one `cargo install geckodriver` put in cargo's bin folder
 * (`cargo xtask setup` does that), else one on PATH.
 */
export function findGeckodriver() {
  if (process.env.GECKODRIVER) return Promise.resolve(process.env.GECKODRIVER);
  const cargoHome = process.env.CARGO_HOME ?? join(homedir(), ".cargo");
  return firstExisting([join(cargoHome, "bin/geckodriver"), ...onPath("geckodriver")]);
}

/**
 * Starts Firefox with a fresh (temporary) profile and installs the extension as a temporary add-on.
 * @param {object} options
 * @param {import("./fixture-server.mjs").FixtureServer} options.server started with `{proxy: true}`
 * @param {string} [options.extension] the extension folder, or its zip/xpi (default `dist/firefox`)
 * @param {("bookmark"|"lookalike")[]} [options.features] optional features to turn on first, with the
 *   settings page's switches (see `turnOn`)
 * @param {Record<string, unknown>} [options.prefs] more Firefox preferences
 * @param {Record<string, string>} [options.env] environment variables for geckodriver and Firefox (e.g. `HOME`)
 * @returns {Promise<FirefoxSession>}
 */
export async function launchFirefox({ server, extension = DIST_FIREFOX, features = [], prefs = {}, env = {} }) {
  if (!server?.proxyPort) throw new Error("launchFirefox needs the fixture server's proxy: startFixtureServer({proxy: true})");
  const [binary, geckodriver] = await Promise.all([findFirefox(), findGeckodriver()]);
  if (!binary) throw new Error("Firefox not found: apt-get install firefox-esr (or set FIREFOX); `cargo xtask setup` does it");
  if (!geckodriver) {
    throw new Error("geckodriver not found: cargo install geckodriver (or set GECKODRIVER); `cargo xtask setup` does it");
  }
  const packed = extension.endsWith(".zip") || extension.endsWith(".xpi");
  if (!packed) await requireBuiltExtension(extension);
  // A snapshot: `cargo xtask dist` deletes and rewrites dist/, which must not pull files from under the test.
  const dir = await mkdtemp(join(tmpdir(), "signin-guard-firefox-"));
  const copy = join(dir, basename(extension));
  let manifest;
  try {
    await cp(extension, copy, { recursive: true });
    if (!packed) await addTestHook(copy);
    manifest = JSON.parse(
      packed
        ? (await readZip(copy)).find((entry) => entry.name === "manifest.json").data.toString("utf8")
        : await readFile(join(copy, "manifest.json"), "utf8"),
    );
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`cannot read the extension at ${extension} (build it with cargo xtask dist): ${error.message}`, { cause: error });
  }
  const addonId = manifest.browser_specific_settings.gecko.id;
  const uuid = randomUUID();

  const options = new firefox.Options().setBinary(binary).addArguments("-headless").setAcceptInsecureCerts(true);
  options.windowSize({ width: 1280, height: 800 });
  const settings = {
    // Every https request goes through the fixture proxy, which refuses anything but the mapped domains.
    "network.proxy.type": 1,
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": server.proxyPort,
    // Plain http too, so that a request to any host is seen (the proxy refuses and records it).
    "network.proxy.http": "127.0.0.1",
    "network.proxy.http_port": server.proxyPort,
    "network.proxy.no_proxies_on": "",
    // The extension's moz-extension:// address, fixed before it is installed.
    "extensions.webextensions.uuids": JSON.stringify({ [addonId]: uuid }),
    // A permission request made from a click is granted without its doorhanger, as if the person had
    // clicked "Allow" (Mozilla's own tests use this pref); a request made without a click still fails.
    "extensions.webextOptionalPermissionPrompts": false,
    // No first-run pages, no update checks, no telemetry.
    "browser.shell.checkDefaultBrowser": false,
    "app.update.enabled": false,
    "datareporting.policy.dataSubmissionEnabled": false,
    "toolkit.telemetry.enabled": false,
    ...prefs,
  };
  for (const [name, value] of Object.entries(settings)) options.setPreference(name, value);
  const service = new firefox.ServiceBuilder(geckodriver).addArguments("--allow-system-access").setStdio("ignore");
  // Firefox inherits geckodriver's environment.
  if (Object.keys(env).length) service.setEnvironment({ ...process.env, ...env });
  let driver;
  try {
    driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  recordServer(server);
  const session = new FirefoxSession(driver, addonId, uuid, dir);
  try {
    const installed = await driver.installAddon(copy, true);
    if (installed !== addonId) throw new Error(`installed add-on ${installed}, expected ${addonId}`);
    await session.openControlTab();
    for (const feature of features) await session.turnOn(feature);
    return session;
  } catch (error) {
    await session.close().catch(() => {});
    throw error;
  }
}

/**
 * The Firefox sessions of one test file: `run(options, body)` launches one (`launchFirefox(options)`),
 * runs `body` with it and always closes it; `closeAll()`, in the file's `after`, closes the ones a
 * timed-out test left open.
 */
export function firefoxSessions() {
  const open = new Set();
  return {
    async run(options, body) {
      const firefox = await launchFirefox(options);
      open.add(firefox);
      try {
        await body(firefox);
      } finally {
        open.delete(firefox);
        await firefox.close();
      }
    },
    async closeAll() {
      for (const firefox of open) await firefox.close().catch(() => {});
    },
  };
}

/** A running Firefox, its extension, and helpers to drive them. Every call is sequential: one WebDriver. */
export class FirefoxSession {
  /** @type {import("selenium-webdriver").WebDriver} */
  driver;
  /** The add-on's id (`browser_specific_settings.gecko.id`). */
  addonId;
  /** The host of its `moz-extension://` pages. */
  uuid;
  /** The window handle of the control tab (the extension's options page). */
  control = null;
  /** Temp dir holding the extension's snapshot. */
  #dir;
  #closed = false;

  constructor(driver, addonId, uuid, dir) {
    this.driver = driver;
    this.addonId = addonId;
    this.uuid = uuid;
    this.#dir = dir;
  }

  /** The URL of one of the extension's pages. */
  extensionUrl(path) {
    return `moz-extension://${this.uuid}/${path}`;
  }

  /** Loads the options page in the first tab: where `inExtension` runs code. */
  async openControlTab() {
    this.control = await this.driver.getWindowHandle();
    await this.driver.get(this.extensionUrl("options.html"));
    await this.waitForReady();
  }

  /** Waits until the current extension page has set `body[data-ready=true]`. */
  waitForReady(what = "the extension page to be ready") {
    return waitFor(() => this.driver.executeScript("return document.body?.dataset.ready === 'true'"), { what });
  }

  /** Makes the tab `handle` WebDriver's current one (and the browser's selected tab). */
  async switchTo(handle) {
    if ((await this.driver.getWindowHandle()) !== handle) await this.driver.switchTo().window(handle);
  }

  /**
   * Runs `fn(arg)` in the control tab (an extension page: `browser.*` is there) and returns its JSON
   * result; WebDriver's current tab is the same afterwards.
   */
  async inExtension(fn, arg) {
    const back = await this.driver.getWindowHandle();
    await this.switchTo(this.control);
    try {
      const reply = await this.driver.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         Promise.resolve(arguments[0]).then(${fn}).then(
           (value) => done({ ok: true, value: value === undefined ? null : value }),
           (error) => done({ ok: false, error: String(error && error.message ? error.message : error) }),
         );`,
        arg ?? null,
      );
      if (!reply.ok) throw new Error(`in the extension: ${reply.error}`);
      return reply.value;
    } finally {
      await this.switchTo(back);
    }
  }

  /** The ids of all tabs, as the extension sees them. */
  tabIds() {
    return this.inExtension(async () => (await browser.tabs.query({})).map((tab) => tab.id));
  }

  /**
   * Opens a new tab and loads `url` in it (null: leaves it blank); returns its window handle and its id
   * for extension APIs (the one id that appears: without the `tabs` permission URLs are hidden).
   */
  async openTab(url) {
    const before = new Set(await this.tabIds());
    await this.driver.switchTo().newWindow("tab");
    const handle = await this.driver.getWindowHandle();
    const fresh = (await this.tabIds()).filter((id) => !before.has(id));
    if (fresh.length !== 1) throw new Error(`expected one new tab, found ${fresh.join(", ") || "none"}`);
    if (url) await this.driver.get(url);
    return { handle, tabId: fresh[0] };
  }

  /** The URL the tab `handle` shows. */
  async urlOf(handle) {
    await this.switchTo(handle);
    return this.driver.getCurrentUrl();
  }

  /** Closes the tab `handle`; WebDriver is left on the control tab. */
  async closeTab(handle) {
    await this.switchTo(handle);
    await this.driver.close();
    await this.driver.switchTo().window(this.control);
  }

  /** Opens the popup for a tab, as a tab of its own (`popup.html?tab=ID`), and waits until it is ready. */
  async openPopup(tabId) {
    const { handle } = await this.openTab(this.extensionUrl(`popup.html?tab=${tabId}`));
    await this.waitForReady("the popup to be ready");
    return handle;
  }

  /** Runs a closure-free reader (contract.mjs) in the tab `handle`. */
  async read(handle, reader) {
    await this.switchTo(handle);
    return this.driver.executeScript(reader);
  }

  /** The element `[data-testid=testid]` of the current page. */
  byTestId(testid) {
    return this.driver.findElement(By.css(`[data-testid="${testid}"]`));
  }

  /** Clicks `[data-testid=testid]` in the tab `handle` (WebDriver's click: real input, a user gesture). */
  async click(handle, testid) {
    await this.switchTo(handle);
    const element = await waitFor(() => this.byTestId(testid), { what: `${testid} on the page` });
    await element.click();
  }

  /** Types into `[data-testid=testid]` of the tab `handle`; `Key.ENTER` etc. are allowed. */
  async type(handle, testid, ...keys) {
    await this.switchTo(handle);
    await this.byTestId(testid).sendKeys(...keys);
  }

  /**
   * Turns an optional feature on as a person does: its switch on the settings page (`bookmark-protection`
   * or `lookalike-protection`), clicked. With the prompts pref off, Firefox then grants the permissions it
   * asks for at once; without the click it would refuse. Waits until the page says the feature is on.
   */
  async turnOn(feature) {
    await this.click(this.control, `${feature}-protection`);
    await waitFor(
      () => this.inExtension((id) => document.querySelector(`[data-testid="${id}"]`)?.checked === true &&
        /is on\.$/.test(document.getElementById(id === "bookmark-protection" ? "bookmark-protection-status" : "protection-status")?.textContent ?? ""),
      `${feature}-protection`),
      { what: `Firefox to turn ${feature} protection on after the click` },
    );
  }

  /** The notice's host element in the tab `handle`, or null. */
  async #noticeHost(handle) {
    await this.switchTo(handle);
    const [host] = await this.driver.findElements(By.css(`[${NOTICE.host}]`));
    return host ?? null;
  }

  /** Whether the tab `handle` has the notice's host element. */
  async hasNotice(handle) {
    return (await this.#noticeHost(handle)) !== null;
  }

  /**
   * What the in-page notice shows, read inside its closed shadow root (WebDriver reaches closed roots;
   * the page's own scripts cannot): `{headline, detail, canonical, buttons, level, closedShadowRoot}`
   * (texts null when absent or hidden), or null without a notice.
   */
  async readNotice(handle) {
    const host = await this.#noticeHost(handle);
    if (!host) return null;
    const root = await host.getShadowRoot();
    const find = async (testid) => (await root.findElements(By.css(`[data-testid="${testid}"]`)))[0] ?? null;
    const text = async (testid) => {
      const node = await find(testid);
      return node && (await node.isDisplayed()) ? (await node.getText()).replace(/\s+/g, " ").trim() : null;
    };
    const buttons = [];
    for (const testid of [NOTICE.copy, NOTICE.fix, NOTICE.undo, NOTICE.dismiss]) {
      const node = await find(testid);
      if (node && (await node.isDisplayed())) buttons.push(testid);
    }
    return {
      headline: await text(NOTICE.headline),
      detail: await text(NOTICE.detail),
      canonical: await text(NOTICE.canonical),
      buttons,
      level: (await host.getAttribute(NOTICE.host)) || null,
      // A closed root is invisible to the page: `shadowRoot` is null there.
      closedShadowRoot: await this.driver.executeScript("return arguments[0].shadowRoot === null", host),
    };
  }

  /** Waits until the tab `handle` has a notice and `accept(notice)` holds; returns the notice. */
  waitForNotice(handle, accept = (notice) => notice.headline, { timeout = WAIT, what = "the in-page notice" } = {}) {
    let last = null;
    return waitFor(
      async () => {
        last = await this.readNotice(handle);
        return last && accept(last) ? last : null;
      },
      { timeout, what },
    ).catch((error) => {
      throw new Error(`${error.message}; last notice read: ${JSON.stringify(last)}`);
    });
  }

  /** Clicks the element `testid` inside the notice of the tab `handle`. */
  async clickInNotice(handle, testid) {
    const button = await waitFor(
      async () => {
        const host = await this.#noticeHost(handle);
        if (!host) return null;
        const [node] = await (await host.getShadowRoot()).findElements(By.css(`[data-testid="${testid}"]`));
        return node && (await node.isDisplayed()) ? node : null;
      },
      { what: `${testid} in the notice` },
    );
    await button.click();
  }

  /** Saves a PNG of what the tab `handle` shows. */
  async screenshot(handle, file) {
    await this.switchTo(handle);
    await writeFile(file, Buffer.from(await this.driver.takeScreenshot(), "base64"));
  }

  /** Quits Firefox (geckodriver removes the temporary profile) and removes the extension's snapshot. */
  async close() {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.driver.quit();
    } finally {
      await rm(this.#dir, { recursive: true, force: true });
    }
  }
}

/**
 * Starts headless Firefox with a fresh profile and no extension, for web pages (the web page's tests):
 * downloads go to `downloads` without asking. Returns the WebDriver; `driver.quit()` ends it.
 * @param {object} options
 * @param {string} options.downloads the folder downloads are saved in
 * @param {Record<string, unknown>} [options.prefs] more Firefox preferences
 */
export async function launchPlainFirefox({ downloads, prefs = {} }) {
  const [binary, geckodriver] = await Promise.all([findFirefox(), findGeckodriver()]);
  if (!binary) throw new Error("Firefox not found: apt-get install firefox-esr (or set FIREFOX); `cargo xtask setup` does it");
  if (!geckodriver) {
    throw new Error("geckodriver not found: cargo install geckodriver (or set GECKODRIVER); `cargo xtask setup` does it");
  }
  const options = new firefox.Options().setBinary(binary).addArguments("-headless");
  options.windowSize({ width: 1280, height: 800 });
  const settings = {
    "browser.download.folderList": 2,
    "browser.download.dir": downloads,
    "browser.download.useDownloadDir": true,
    "browser.download.always_ask_before_handling_new_types": false,
    "browser.download.manager.showWhenStarting": false,
    "browser.helperApps.neverAsk.saveToDisk": "text/html,application/json,text/csv",
    "browser.shell.checkDefaultBrowser": false,
    "app.update.enabled": false,
    "datareporting.policy.dataSubmissionEnabled": false,
    "toolkit.telemetry.enabled": false,
    ...prefs,
  };
  for (const [name, value] of Object.entries(settings)) options.setPreference(name, value);
  const service = new firefox.ServiceBuilder(geckodriver).setStdio("ignore");
  return new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
}
