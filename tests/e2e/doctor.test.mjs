// The bookmark doctor end to end in real headless Chromium (issue 4): a generated tree of 10,000
// bookmarks in nested folders with planted bad AWS bookmarks of every kind; the doctor finds exactly
// the planted ones; "fix all" changes exactly those (everything else keeps URL, title, parent and
// position); a second scan finds nothing; after a browser restart, Undo restores the tree.
//
// - The `bookmarks` permission is granted in the profile before the test (chromium.mjs, grantInProfile):
//   headless Chromium cannot answer the permission prompt.
// - The tree is created through the extension's worker with `chrome.bookmarks.create`, 500 at a time.
// - Snapshots are `bookmarks.getTree()` flattened to `{id, parentId, index, title, url}` per node.
// - The planted bookmarks, the generated tree and the checks are doctor-bookmarks.mjs's, shared with
//   the Firefox test (doctor-firefox.test.mjs).

import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { CHROMIUM, ChromiumSession, SCREENSHOTS, WAIT, launchChromium, requireBuiltExtension } from "./chromium.mjs";
import {
  SENTINEL_URL,
  bookmarkWarningsInExtension,
  changedByFix,
  checkFirstScan,
  checkFixedTree,
  checkPreview,
  checkUndoneWithoutSecrets,
  createTreeInExtension,
  generateTree,
  plantedMap,
  readDoctorInPage,
  readPreviewInPage,
  snapshotInExtension,
  watchBookmarkWarningsInExtension,
} from "./doctor-bookmarks.mjs";
import { waitFor } from "./harness.mjs";
import { testNoExtensionNetwork } from "./network-record.mjs";

const LIMIT = { timeout: 420_000 };
const TOTAL = 10_000;
/** Browsers still open, closed in `after` if a test times out. */
const open = new Set();

before(async () => {
  await requireBuiltExtension();
  await mkdir(SCREENSHOTS, { recursive: true });
});

after(async () => {
  for (const browser of open) await browser.close().catch(() => {});
});

// --- Driving the page ------------------------------------------------------------------------------

async function openDoctor(browser) {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl("doctor.html"), { waitUntil: "load", timeout: WAIT });
  await page.waitForSelector("body[data-ready=true]", { timeout: WAIT });
  return page;
}

/** Clicks Scan (by keyboard: focus and Enter) and waits for the list; returns what the page shows. */
async function scan(page) {
  const before = Number((await page.getAttribute("body", "data-scans")) ?? 0);
  await page.focus("[data-testid=doctor-scan]");
  await page.keyboard.press("Enter");
  await page.waitForSelector(`body[data-scans="${before + 1}"]`, { timeout: WAIT });
  return shown(page);
}

/** The groups and rows on the page (every row drawn first, "Show more" until none is left). */
async function shown(page) {
  while (await page.locator("[data-testid=doctor-more]:visible").count()) {
    await page.locator("[data-testid=doctor-more]:visible").first().click();
  }
  return page.evaluate(readDoctorInPage);
}

const row = (page, id) => page.locator(`[data-testid=doctor-row][data-id="${id}"]`);

/** Opens "Fix selected…" and reads the preview dialog. */
async function openPreview(page) {
  await page.click("[data-testid=doctor-fix-selected]");
  await page.waitForSelector("[data-testid=doctor-preview][open]", { timeout: WAIT });
  return page.evaluate(readPreviewInPage);
}

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: WAIT }), page.click(`[data-testid=${testid}]`)]);
  return readFile(await file.path(), "utf8");
}

/**
 * Closes the browser and starts it again on the same profile (as a person restarting it), with the
 * launcher's switches. Returns the new session; the old one must not be closed (it would delete the
 * profile).
 */
async function restart(browser) {
  await browser.context.close();
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const context = await chromium.launchPersistentContext(join(browser.dir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ["--disable-extensions"],
    args: [
      ...(isRoot ? ["--no-sandbox"] : []),
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--no-default-browser-check",
      `--disable-extensions-except=${browser.extensionDir}`,
      `--load-extension=${browser.extensionDir}`,
    ],
    viewport: { width: 1280, height: 800 },
    timeout: 120_000,
  });
  const next = new ChromiumSession(context, browser.dir, browser.extensionDir);
  await next.worker();
  return next;
}

// --- The tests ---------------------------------------------------------------------------------------

test("without bookmark access the doctor says what it needs and offers to ask", LIMIT, async () => {
  const browser = await launchChromium({});
  open.add(browser);
  try {
    const page = await openDoctor(browser);
    assert.equal(await page.isVisible("[data-testid=doctor-access]"), true, "the access box is shown");
    assert.match(await page.textContent("[data-testid=doctor-access]"), /Read and change your bookmarks/);
    assert.equal(await page.isVisible("[data-testid=doctor-grant]"), true, "an Allow button");
    assert.equal(await page.isVisible("[data-testid=doctor-scan]"), false, "no Scan without access");
    // The doctor is reachable from the options page and the popup.
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl("options.html"), { waitUntil: "load" });
    assert.equal(await options.getAttribute("[data-testid=open-doctor]", "href"), "doctor.html");
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl("popup.html?tab=1"), { waitUntil: "load" });
    const [opened] = await Promise.all([browser.context.waitForEvent("page"), popup.click("[data-testid=open-doctor]")]);
    await opened.waitForLoadState("load");
    assert.equal(opened.url(), browser.extensionUrl("doctor.html"));
  } finally {
    open.delete(browser);
    await browser.close();
  }
});

test("10,000 bookmarks: the doctor finds exactly the planted ones, fixes them all, and Undo (after a restart) restores the tree", LIMIT, async () => {
  let browser = await launchChromium({ grant: ["bookmarks"] });
  open.add(browser);
  try {
    const tree = generateTree({ total: TOTAL, folderCount: 80 });
    const ids = await browser.inWorker(createTreeInExtension, { tree, roots: { bar: "1", other: "2" } });
    const plantedById = plantedMap(tree, ids);
    const idOf = new Map([...plantedById].map(([id, p]) => [p.key, id]));

    let page = await openDoctor(browser);
    const before = await page.evaluate(snapshotInExtension);
    assert.equal(before.filter((n) => n.url !== null).length, TOTAL, "10,000 bookmarks were created");
    for (const [id, p] of plantedById) {
      assert.equal(before.find((n) => n.id === id).url, p.url, `${p.key}: stored as written (Chromium did not rewrite it)`);
    }

    // --- The scan finds exactly the planted ones ---
    const first = await scan(page);
    const expectedFindings = checkFirstScan(first, plantedById, TOTAL);
    // Secrets are never shown in full.
    const pageText = await page.textContent("body");
    assert.ok(!/SECRETTOKEN|SECRETSIG/.test(pageText), "no token or signature on the page");
    assert.match(await row(page, idOf.get("federation")).textContent(), /SigninToken=\[redacted\]/);

    // --- Exports: JSON and CSV, redacted ---
    const json = JSON.parse(await download(page, "doctor-export-json"));
    assert.equal(json.needs_attention, expectedFindings.length);
    const csv = await download(page, "doctor-export-csv");
    assert.ok(!/SECRETTOKEN|SECRETSIG/.test(csv), "no secret in the CSV");
    assert.equal(csv.trimEnd().split("\r\n").length, 1 + expectedFindings.length + 5, "header, findings, duplicate members");

    // The picture for the README: the summary and the first groups.
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, "doctor.png") });

    // --- An account typed for a captured redirect is validated as typed ---
    const regional = row(page, idOf.get("redirect-regional"));
    await regional.locator("[data-testid=doctor-action]").selectOption("choose_account");
    await regional.locator("[data-testid=doctor-account]").fill("12345");
    assert.equal(await regional.locator(".field-error").textContent(), "5 digits, an account ID has 12");
    assert.equal(await regional.locator("[data-testid=doctor-account]").getAttribute("aria-invalid"), "true");
    await regional.locator("[data-testid=doctor-fix-one]").click();
    await page.waitForSelector("[data-testid=doctor-preview][open]");
    assert.equal(await page.isDisabled("[data-testid=doctor-apply]"), true, "no Apply with an invalid account");
    assert.match(await page.textContent("[data-testid=doctor-preview-problems]"), /5 digits, an account ID has 12/);
    await page.click("#cancel");
    await regional.locator("[data-testid=doctor-account]").fill("Typed-Team");
    assert.equal(await regional.locator("[data-testid=doctor-new-url]").textContent(), "https://typed-team.signin.aws.amazon.com/console");
    assert.equal(await regional.locator(".field-error").textContent(), "");
    // Fix all applies the proposed actions: back to the general sign-in URL for this one.
    await regional.locator("[data-testid=doctor-action]").selectOption("replace");
    await row(page, idOf.get("federation-account")).locator("[data-testid=doctor-action]").selectOption("delete");

    // --- Fix all: select all, preview (the account-less label needs an account), apply ---
    await page.focus("[data-testid=doctor-select-all]");
    await page.keyboard.press("Space");
    assert.equal(await page.isChecked("[data-testid=doctor-select-all]"), true);
    let preview = await openPreview(page);
    assert.equal(preview.applyDisabled, true, "a label that is no account needs one first");
    assert.equal(preview.problems.length, 1);
    assert.match(preview.problems[0], /no account given/);
    await page.keyboard.press("Escape");
    await row(page, idOf.get("invalid-label")).locator("[data-testid=doctor-account]").fill("labelteam");

    preview = await openPreview(page);
    const changed = changedByFix(plantedById);
    checkPreview(preview, plantedById);
    await page.click("[data-testid=doctor-apply]");
    await page.waitForSelector("[data-testid=doctor-undo-last]", { timeout: WAIT });
    assert.match(await page.textContent("[data-testid=doctor-status]"), new RegExp(`Fixed ${changed.length} bookmarks`));

    // --- Everything else unchanged, the planted ones as expected ---
    const deleted = checkFixedTree(before, await page.evaluate(snapshotInExtension), plantedById);

    // --- The journal keeps no secret: storage.local read back; the secrets only in storage.session ---
    const stored = await page.evaluate(async () => ({
      local: JSON.stringify(await chrome.storage.local.get(null)),
      session: JSON.stringify(await chrome.storage.session.get(null)),
    }));
    assert.ok(!/SECRETTOKEN|SECRETSIG/.test(stored.local), "storage.local holds no token or signature after the fix");
    assert.match(stored.local, /SigninToken=\[redacted\]/, "the journal holds the redacted URL");
    assert.match(stored.session, /SECRETTOKEN1/, "the secret is kept for Undo until the browser closes");

    // --- A second scan finds nothing ---
    const second = await scan(page);
    assert.equal(second.clean, true, `the scan after the fix is clean: ${second.summary}`);
    assert.equal(second.rows.length, 0);

    // --- After a browser restart, Undo restores the tree but for the secrets, which it says it cannot ---
    browser = await restart(browser);
    open.clear();
    open.add(browser);
    page = await openDoctor(browser);
    await page.waitForSelector("[data-testid=doctor-undo]", { timeout: WAIT });
    await page.evaluate(watchBookmarkWarningsInExtension);
    await page.click("[data-testid=doctor-undo]");
    await page.waitForFunction(() => /Undone/.test(document.querySelector("[data-testid=doctor-history-status]").textContent), null, { timeout: WAIT });
    const secrets = [...plantedById.values()].filter((p) => p.kind === "secret_in_url").length;
    const history = await page.textContent("[data-testid=doctor-history-status]");
    assert.match(history, new RegExp(`${changed.length - secrets} bookmarks restored`));
    assert.match(history, /keeps only until the browser closes/, "Undo says why the secrets are not back");
    assert.ok(!/SECRETTOKEN|SECRETSIG/.test(history));
    checkUndoneWithoutSecrets(before, await page.evaluate(snapshotInExtension), plantedById, deleted);
    assert.equal(await page.isVisible("#history"), false, "the undone batch left the record");

    // Undo put bad URLs back on purpose: no new-bookmark warning for them. A bad bookmark saved after it
    // is warned about; the worker checks bookmark events in order, so once that warning is there, every
    // change of the Undo has been checked before it.
    const sentinel = await page.evaluate(
      (url) => chrome.bookmarks.create({ parentId: "1", title: "Saved after the Undo", url }).then((node) => node.id),
      SENTINEL_URL,
    );
    await waitFor(async () => (await page.evaluate(bookmarkWarningsInExtension)).includes(sentinel), {
      what: "the warning for the bookmark saved after the Undo",
    });
    assert.deepEqual(await page.evaluate(bookmarkWarningsInExtension), [sentinel], "Undo's own changes raised no warning");
    await page.evaluate((id) => chrome.bookmarks.remove(id), sentinel);

    // And the doctor finds the planted ones again, but the secrets, which stayed fixed.
    const third = await scan(page);
    assert.equal(third.rows.filter((r) => r.kind !== "duplicates").length, expectedFindings.length - secrets);
  } finally {
    open.delete(browser);
    await browser.close();
  }
});

testNoExtensionNetwork();
