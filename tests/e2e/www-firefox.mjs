// The web page in headless Firefox ESR for one test file: dist/www served from a subfolder of a local HTTP
// server, a scratch folder with the browser's downloads folder, one Firefox for the file's tests (started
// and stopped by the file's before/after hooks), and the page opened with its CSP violations counted.

import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { after, before } from "node:test";
import { By, until } from "selenium-webdriver";
import { launchPlainFirefox } from "./firefox.mjs";
import { WAIT } from "./harness.mjs";
import { scratch, serveWww } from "./www-doctor.mjs";

/**
 * Registers the file's hooks; the fields are set once `before` has run.
 * @returns {{server: any, files: any, driver: any, downloads: string, run: (fn: Function, ...args: unknown[]) => Promise<any>, openPage: () => Promise<void>, checkOnlyOwnOrigin: () => Promise<void>}}
 */
export function wwwInFirefox() {
  const www = {
    server: null,
    files: null,
    driver: null,
    downloads: "",
    /** Runs `fn` in the page with `args`, resolving to what it returns. */
    run: (fn, ...args) => www.driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args),
    /** Opens the page, waits until it is ready, and counts its CSP violations (`data-violations`). */
    async openPage() {
      await www.driver.get(www.server.base);
      await www.driver.wait(until.elementLocated(By.css("body[data-ready=true]")), WAIT);
      await www.run(() => {
        document.documentElement.dataset.violations = "0";
        document.addEventListener("securitypolicyviolation", () => {
          document.documentElement.dataset.violations = String(Number(document.documentElement.dataset.violations) + 1);
        });
      });
    },
    /** Asserts the page asked nothing of another origin, its server only its own files, with no CSP violation. */
    async checkOnlyOwnOrigin() {
      const origin = new URL(www.server.base).origin;
      const resources = await www.run(() => [location.href, ...performance.getEntriesByType("resource").map((e) => e.name)]);
      assert.deepEqual(resources.filter((url) => !url.startsWith("blob:") && new URL(url).origin !== origin), [], "no request to another origin");
      assert.ok(resources.some((url) => url.endsWith("pkg/signin_guard_tools_bg.wasm")), "the tools package was loaded");
      assert.ok(www.server.requests.every((url) => url.startsWith("/some/folder/")), "the page asked its server only for its own files");
      assert.equal(await www.run(() => document.documentElement.dataset.violations), "0", "no CSP violation");
    },
  };
  before(async () => {
    www.server = await serveWww();
    www.files = await scratch();
    www.downloads = join(www.files.dir, "downloads");
    await mkdir(www.downloads);
    www.driver = await launchPlainFirefox({ downloads: www.downloads });
  });
  after(async () => {
    await www.driver?.quit();
    await www.server?.close();
    await www.files?.cleanup();
  });
  return www;
}
