// The web page's bookmark file doctor (dist/www) in headless Chromium, served from a subfolder of a local
// HTTP server: a generated file with planted bad bookmarks of every kind (exactly those found; "fix all"
// and the download give exactly the expected bytes, the same as `signin-guard bookmarks fix`; every row's
// own choice too), the real exports in tests/data/bookmarks, a malformed file named with what is wrong
// and where, and no request to any other origin.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { join } from "node:path";
import { CHROMIUM, SCREENSHOTS } from "./chromium.mjs";
import { DELETED } from "./doctor-bookmarks.mjs";
import {
  CHROMIUM_EXPORT,
  FIREFOX_EXPORT,
  checkPlantedFindings,
  cliFix,
  openWwwPage,
  plantedChoices,
  plantedFile,
  readFileDoctorInPage,
  realExportFindings,
  scratch,
  serveWww,
} from "./www-doctor.mjs";

let server;
let browser;
let files;

before(async () => {
  server = await serveWww();
  files = await scratch();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await files?.cleanup();
});

const openPage = () => openWwwPage(browser, server);

/** Chooses a file in the page's file input and waits until it was read (or refused). */
async function choose(page, path) {
  const before = await page.evaluate(() => Number(document.body.dataset.files ?? 0));
  const errorBefore = await page.textContent("[data-testid=bookmarks-error]");
  await page.setInputFiles("[data-testid=bookmarks-file]", path);
  await page.waitForFunction(
    ([count, error]) =>
      Number(document.body.dataset.files ?? 0) > count ||
      (document.querySelector("[data-testid=bookmarks-error]").textContent !== "" &&
        document.querySelector("[data-testid=bookmarks-error]").textContent !== error),
    [before, errorBefore],
  );
  return page.evaluate(readFileDoctorInPage);
}

/** Clicks "fix all" and waits for the fixed file. */
async function fixAll(page) {
  const before = await page.evaluate(() => Number(document.body.dataset.fixes ?? 0));
  await page.click("[data-testid=bookmarks-fix-all]");
  await page.waitForFunction((count) => Number(document.body.dataset.fixes ?? 0) > count, before);
}

/** Clicks the download button and returns the saved file's name and bytes. */
async function download(page) {
  const [saved] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=bookmarks-download]")]);
  return { name: saved.suggestedFilename(), bytes: await readFile(await saved.path()) };
}

/** Every request went to the page's own origin (blob: URLs are the page's downloads). */
async function checkOnlyOwnOrigin(page, requests) {
  const origin = new URL(server.base).origin;
  const foreign = requests.filter((url) => !url.startsWith("blob:") && new URL(url).origin !== origin);
  assert.deepEqual(foreign, [], "no request to another origin");
  assert.ok(requests.some((url) => url.endsWith("pkg/signin_guard_tools_bg.wasm")), "the tools package was loaded");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.violations), "0", "no CSP violation");
}

test("the file doctor finds exactly the planted bookmarks; fix all and the download give the CLI's bytes", async () => {
  const planted = plantedFile();
  const path = await files.write("bookmarks.html", planted.text);
  const { page, errors, requests, close } = await openPage();
  try {
    const before = requests.length;
    const shown = await choose(page, path);
    assert.ok(shown.shown, shown.error);
    assert.ok(requests.slice(before).some((url) => url.endsWith("signin_guard_tools.js")), "the tools package loads on first use");
    assert.ok(!requests.slice(0, before).some((url) => url.includes("signin_guard_tools")), "…and not with the page");
    checkPlantedFindings(shown, planted.planted);
    assert.match(shown.summary, /^bookmarks\.html: 1,500 bookmarks; /);

    await fixAll(page);
    const fixed = await download(page);
    assert.equal(fixed.name, "bookmarks-fixed.html");
    assert.equal(fixed.bytes.toString("utf8"), planted.fixAllText, "fix all: exactly the proposed replacements");
    assert.ok(fixed.bytes.equals(await cliFix(path)), "the same bytes as signin-guard bookmarks fix");
    const summary = await page.textContent("[data-testid=bookmarks-fix-summary]");
    const lines = planted.text.split("\n");
    const replaced = planted.fixAllText.split("\n").filter((line, i) => line !== lines[i]).length;
    assert.ok(replaced >= 15, `${replaced} replacements`);
    assert.match(summary, new RegExp(`^The fixed file is ready: ${replaced} addresses fixed and 0 bookmarks deleted`));
    await checkOnlyOwnOrigin(page, requests);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("each row's own choice: deletions, a typed account, duplicates; the fixed file has exactly those changes", async () => {
  const planted = plantedFile();
  const path = await files.write("chosen.html", planted.text);
  const { page, errors, close } = await openPage();
  try {
    await choose(page, path);
    await fixAll(page);
    for (const choice of plantedChoices(planted.planted)) {
      const row = `[data-testid=bookmarks-row][data-id="${choice.id}"]`;
      await page.selectOption(`${row} [data-testid=bookmarks-action]`, choice.action);
      if (choice.account) await page.fill(`${row} [data-testid=bookmarks-account]`, choice.account);
    }
    // A bad account is named next to its row before anything is made.
    const label = [...planted.planted].find(([, p]) => p.account)[0];
    const account = `[data-testid=bookmarks-row][data-id="${label}"] [data-testid=bookmarks-account]`;
    await page.fill(account, "12345");
    assert.match(await page.textContent(`[data-testid=bookmarks-row][data-id="${label}"] .field-error`), /12/);
    const refused = await page.evaluate(() => document.querySelector("[data-testid=bookmarks-download]").click());
    assert.equal(refused, undefined);
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=bookmarks-fix-problems] li").length === 1);
    await page.fill(account, "labelteam");
    for (const group of await page.$$("[data-testid=bookmarks-row][data-kind=duplicates] [data-testid=bookmarks-action]")) {
      await group.selectOption("delete");
    }
    const fixed = await download(page);
    assert.equal(fixed.bytes.toString("utf8"), planted.chosenText, "exactly the chosen changes, every other byte kept");
    const deleted = [...planted.planted.values()].filter((p) => p.after === DELETED).length + 2;
    assert.match(await page.textContent("[data-testid=bookmarks-fix-summary]"), new RegExp(`and ${deleted} bookmarks deleted`));
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("real exports (Firefox's own, Chromium's own): their findings, and fix all as the CLI fixes them", async () => {
  const { page, errors, requests, close } = await openPage();
  try {
    for (const [path, redirectTitle] of [
      [FIREFOX_EXPORT, "Captured redirect"],
      [CHROMIUM_EXPORT, "Amazon Web Services Sign-In"],
    ]) {
      const shown = await choose(page, path);
      const findings = shown.rows.filter((r) => r.kind !== "duplicates");
      assert.deepEqual(new Map(findings.map((r) => [r.title, r.kind])), realExportFindings(redirectTitle), path);
      assert.equal(shown.rows.filter((r) => r.kind === "duplicates").length, 1);
      await fixAll(page);
      const fixed = await download(page);
      assert.ok(fixed.bytes.equals(await cliFix(path)), `${path}: the CLI's bytes`);
    }
    await checkOnlyOwnOrigin(page, requests);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("a file that is no bookmark export is refused with what is wrong and where", async () => {
  const { page, errors, close } = await openPage();
  try {
    const json = await files.write("Bookmarks", '{\n  "roots": {}\n}\n');
    const shown = await choose(page, json);
    assert.equal(shown.shown, false);
    assert.match(shown.error, /^Bookmarks cannot be read as a bookmarks file: line 1, column 1: not a Netscape bookmark file/);
    assert.match(shown.error, /JSON, perhaps a browser's internal Bookmarks file/);
    const utf16 = await files.write("utf16.html", Buffer.from("\ufeff<!DOCTYPE NETSCAPE-Bookmark-file-1>", "utf16le"));
    const second = await choose(page, utf16);
    assert.match(second.error, /line 1, column 1: the file is UTF-16/);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("at a phone's width, light and dark: nothing wider than the screen; the file input reached by keyboard", async () => {
  const planted = plantedFile({ total: 300, folderCount: 10 });
  const path = await files.write("phone.html", planted.text);
  for (const colorScheme of ["light", "dark"]) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme });
    const page = await context.newPage();
    try {
      await page.goto(server.base);
      await page.waitForSelector("body[data-ready=true]");
      await page.setInputFiles("[data-testid=bookmarks-file]", path);
      await page.waitForSelector("body[data-files='1']");
      const layout = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        screen: innerWidth,
        background: getComputedStyle(document.body).backgroundColor,
      }));
      assert.ok(layout.page <= layout.screen, `${colorScheme}: the page is ${layout.page} px wide on a ${layout.screen} px screen`);
      assert.equal(layout.background, colorScheme === "dark" ? "rgb(15, 20, 26)" : "rgb(255, 255, 255)");
      await page.locator("#file-summary").scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, `www-doctor-phone-${colorScheme}.png`) });
      // Tab order: the file input is reached from the link form's controls by keyboard alone.
      await page.focus("[data-testid=make-link]");
      let reached = false;
      for (let i = 0; i < 6 && !reached; i += 1) {
        await page.keyboard.press("Tab");
        reached = await page.evaluate(() => document.activeElement?.dataset.testid === "bookmarks-file");
      }
      assert.ok(reached, "Tab reaches the file input");
    } finally {
      await context.close();
    }
  }
});
