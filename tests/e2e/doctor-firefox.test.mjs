// The bookmark doctor end to end in real headless Firefox ESR: the Chromium test's planted bad AWS
// bookmarks and checks (doctor-bookmarks.mjs) in a smaller generated tree. The doctor finds exactly the
// planted ones; "fix all" changes exactly those (everything else keeps URL, title, parent and position);
// a second scan finds nothing; Undo, from a doctor page opened afterwards, restores the tree without
// raising the new-bookmark warning; and the doctor's own "Allow" button gets bookmark access.
//
// - Bookmark access comes from real clicks (the settings page's switch, or the doctor's Allow button):
//   with `extensions.webextOptionalPermissionPrompts` off, Firefox grants a request made from a click
//   (firefox.mjs).
// - The tree is created, and snapshots taken, in the extension's settings page (`inExtension`) under
//   Firefox's own folders. Firefox's fresh profile has bookmarks of its own: they are part of the tree
//   and must be left alone too.
// - Undo after a browser restart is the Chromium test's: a temporary add-on does not survive a restart
//   of Firefox, so here the Undo is clicked in a doctor page opened after the first one was closed.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { By } from "selenium-webdriver";
import {
  SENTINEL_URL,
  bookmarkWarningsInExtension,
  changedByFix,
  checkFirstScan,
  checkFixedTree,
  checkPreview,
  checkUndoneTree,
  createTreeInExtension,
  generateTree,
  plantedMap,
  readDoctorInPage,
  readPreviewInPage,
  snapshotInExtension,
  watchBookmarkWarningsInExtension,
} from "./doctor-bookmarks.mjs";
import { DIST_FIREFOX, firefoxSessions } from "./firefox.mjs";
import { startFixtureServer } from "./fixture-server.mjs";
import { testNoExtensionNetwork } from "./network-record.mjs";
import { requireBuiltExtension, waitFor } from "./harness.mjs";

/** Per test: generous, for a loaded 2-core machine; a hung test fails instead of blocking the run. */
const LIMIT = { timeout: 300_000 };
/** Enough for every planted bookmark and fine AWS one, and many others between them. */
const TOTAL = 400;
/** Firefox's bookmarks toolbar and "Other Bookmarks" (Chromium's "1" and "2"). */
const ROOTS = { bar: "toolbar_____", other: "unfiled_____" };

/** Firefox needs the fixture server's proxy to start, though the doctor opens no AWS page. */
let server;
/** Browsers of this file (a timed-out test leaves its browser there for `after` to close). */
const sessions = firefoxSessions();

before(async () => {
  await requireBuiltExtension(DIST_FIREFOX);
  server = await startFixtureServer({ proxy: true });
});

after(async () => {
  await sessions.closeAll();
  await server?.close();
});

/** Runs `body` with a fresh Firefox; always closes it. */
function withFirefox(options, body) {
  return sessions.run({ server, ...options }, body);
}

// --- Driving the doctor page -------------------------------------------------------------------------

/** Opens the doctor in a new tab and waits until it is ready; returns the tab's handle. */
async function openDoctor(firefox) {
  const { handle } = await firefox.openTab(firefox.extensionUrl("doctor.html"));
  await firefox.waitForReady("the doctor page to be ready");
  return handle;
}

/** The element matching `css` in the current tab, once there is one. */
const element = (firefox, css) => waitFor(() => firefox.driver.findElement(By.css(css)), { what: css });

/** Runs a closure-free reader (doctor-bookmarks.mjs) or a script in the tab `handle`. */
async function inPage(firefox, handle, script, ...args) {
  await firefox.switchTo(handle);
  return firefox.driver.executeScript(script, ...args);
}

/** Clicks Scan and waits for the list; returns what the page shows (every row drawn). */
async function scan(firefox, handle) {
  const scans = () => inPage(firefox, handle, "return Number(document.body.dataset.scans ?? 0)");
  const before = await scans();
  await firefox.click(handle, "doctor-scan");
  await waitFor(async () => (await scans()) === before + 1, { what: "the scan's results" });
  return shown(firefox, handle);
}

/** The groups and rows on the page, after "Show more" until none is left. */
async function shown(firefox, handle) {
  for (;;) {
    await firefox.switchTo(handle);
    const more = [];
    for (const button of await firefox.driver.findElements(By.css("[data-testid=doctor-more]"))) {
      if (await button.isDisplayed()) more.push(button);
    }
    if (!more.length) break;
    await more[0].click();
  }
  return inPage(firefox, handle, readDoctorInPage);
}

/** The CSS selector of the doctor's row for bookmark `id`, with `inside` it. */
const inRow = (id, inside = "") => `[data-testid=doctor-row][data-id="${id}"] ${inside}`.trim();

/** Picks `action` in the row of bookmark `id` (WebDriver's click on the option, as a person picks it). */
async function chooseAction(firefox, handle, id, action) {
  await firefox.switchTo(handle);
  await (await element(firefox, inRow(id, `[data-testid=doctor-action] option[value="${action}"]`))).click();
}

/** Opens "Fix selected…" and reads the preview dialog once it is open. */
async function openPreview(firefox, handle) {
  await firefox.click(handle, "doctor-fix-selected");
  await waitFor(() => inPage(firefox, handle, "return document.querySelector('[data-testid=doctor-preview]').open"), {
    what: "the preview dialog",
  });
  return inPage(firefox, handle, readPreviewInPage);
}

const textOf = (firefox, handle, testid) =>
  inPage(firefox, handle, "return document.querySelector(`[data-testid=\"${arguments[0]}\"]`).textContent", testid);

// --- The tests ---------------------------------------------------------------------------------------

test("without bookmark access the doctor says what it needs; its Allow button gets it, and Scan appears", LIMIT, async () => {
  await withFirefox({}, async (firefox) => {
    const doctor = await openDoctor(firefox);
    const visible = (testid) => inPage(firefox, doctor, `return document.querySelector('[data-testid="${testid}"]').checkVisibility()`);
    assert.equal(await visible("doctor-access"), true, "the access box is shown");
    assert.match(await textOf(firefox, doctor, "doctor-access"), /Read and change your bookmarks/);
    assert.equal(await visible("doctor-scan"), false, "no Scan without access");

    await firefox.click(doctor, "doctor-grant");
    // The page may load itself again to get the bookmarks API: wait for it to be ready with Scan.
    await waitFor(async () => (await inPage(firefox, doctor, "return document.body?.dataset.ready === 'true'")) && visible("doctor-scan"), {
      what: "Scan to appear after Allow",
    });
    assert.equal(await visible("doctor-access"), false, "the access box is gone");
    const granted = await firefox.inExtension(
      (permissions) => browser.permissions.contains({ permissions }),
      ["bookmarks", "webNavigation"],
    );
    assert.equal(granted, true, "the click granted bookmark protection's permissions");
    const first = await scan(firefox, doctor);
    assert.match(first.summary, /Scanned \d+ bookmarks/, `the scan reads Firefox's own bookmarks: ${first.summary}`);
  });
});

test(`${TOTAL} bookmarks: the doctor finds exactly the planted ones, fixes them all, and Undo restores the tree`, LIMIT, async () => {
  await withFirefox({ features: ["bookmark"] }, async (firefox) => {
    const tree = generateTree({ total: TOTAL, folderCount: 20 });
    const ids = await firefox.inExtension(createTreeInExtension, { tree, roots: ROOTS });
    const plantedById = plantedMap(tree, ids);
    // Firefox has separators (Chromium has none): one first in the toolbar, one among the generated
    // bookmarks. They are neither bookmarks nor folders, and must be left alone.
    const separators = new Set(
      await firefox.inExtension(
        async (parents) => Promise.all(parents.map(async ([parentId, index]) => (await browser.bookmarks.create({ parentId, index, type: "separator" })).id)),
        [[ROOTS.bar, 0], [ROOTS.other, 3]],
      ),
    );
    const idOf = new Map([...plantedById].map(([id, p]) => [p.key, id]));

    // Every new-bookmark warning from now on. The background checks bookmark events in order: once the
    // warning for a bad bookmark saved now is there, the planted ones have all been checked, and any
    // warning after it comes from what the doctor does.
    await firefox.inExtension(watchBookmarkWarningsInExtension);
    const createBad = (title) =>
      firefox.inExtension(
        async ({ parentId, title, url }) => (await browser.bookmarks.create({ parentId, title, url })).id,
        { parentId: ROOTS.bar, title, url: SENTINEL_URL },
      );
    const warnings = () => firefox.inExtension(bookmarkWarningsInExtension);
    const barrier = await createBad("Saved before the scan");
    await waitFor(async () => (await warnings()).includes(barrier), { what: "the warning for a bad bookmark saved before the scan" });
    await firefox.inExtension((id) => browser.bookmarks.remove(id), barrier);
    const warningsBefore = (await warnings()).length;

    const before = await firefox.inExtension(snapshotInExtension);
    assert.equal(before.filter((n) => separators.has(n.id)).length, 2, "the separators are in the tree");
    const total = before.filter((n) => n.url !== null && !separators.has(n.id)).length;
    assert.ok(total >= TOTAL, `${TOTAL} bookmarks were created (the tree has ${total}, Firefox's own included)`);
    for (const [id, p] of plantedById) {
      assert.equal(before.find((n) => n.id === id).url, p.url, `${p.key}: stored as written (Firefox did not rewrite it)`);
    }

    // --- The scan finds exactly the planted ones ---
    let doctor = await openDoctor(firefox);
    const first = await scan(firefox, doctor);
    const expectedFindings = checkFirstScan(first, plantedById, total);
    const bodyText = await inPage(firefox, doctor, "return document.body.textContent");
    assert.ok(!/SECRETTOKEN|SECRETSIG/.test(bodyText), "no token or signature on the page");
    assert.match(await inPage(firefox, doctor, `return document.querySelector('${inRow(idOf.get("federation"))}').textContent`), /SigninToken=\[redacted\]/);

    // --- Fix all: the person's choices, select all, preview (the label that is no account needs one), apply ---
    await chooseAction(firefox, doctor, idOf.get("federation-account"), "delete");
    await firefox.click(doctor, "doctor-select-all");
    assert.equal(await inPage(firefox, doctor, "return document.querySelector('[data-testid=doctor-select-all]').checked"), true);
    let preview = await openPreview(firefox, doctor);
    assert.equal(preview.applyDisabled, true, "a label that is no account needs one first");
    assert.equal(preview.problems.length, 1);
    assert.match(preview.problems[0], /no account given/);
    await (await element(firefox, "#cancel")).click();
    await (await element(firefox, inRow(idOf.get("invalid-label"), "[data-testid=doctor-account]"))).sendKeys("labelteam");

    preview = await openPreview(firefox, doctor);
    checkPreview(preview, plantedById);
    const changed = changedByFix(plantedById);
    await firefox.click(doctor, "doctor-apply");
    await element(firefox, "[data-testid=doctor-undo-last]");
    assert.match(await textOf(firefox, doctor, "doctor-status"), new RegExp(`Fixed ${changed.length} bookmarks`));

    // --- Everything else unchanged, the planted ones as expected ---
    const deleted = checkFixedTree(before, await firefox.inExtension(snapshotInExtension), plantedById);

    // --- A second scan finds nothing ---
    const second = await scan(firefox, doctor);
    assert.equal(second.clean, true, `the scan after the fix is clean: ${second.summary}`);
    assert.equal(second.rows.length, 0);

    // --- Undo, from a doctor page opened later, restores the tree ---
    await firefox.closeTab(doctor);
    doctor = await openDoctor(firefox);
    await firefox.click(doctor, "doctor-undo");
    await waitFor(async () => /Undone/.test(await textOf(firefox, doctor, "doctor-history-status")), { what: "Undo to finish" });
    assert.match(await textOf(firefox, doctor, "doctor-history-status"), new RegExp(`${changed.length} bookmarks restored`));
    checkUndoneTree(before, await firefox.inExtension(snapshotInExtension), deleted);
    assert.equal(await inPage(firefox, doctor, "return document.getElementById('history').hidden"), true, "the undone batch left the record");

    // Neither the fix nor the Undo (which put bad URLs back on purpose) raised a warning; a bad bookmark
    // saved after them does, and arrives after anything they would have raised.
    const sentinel = await createBad("Saved after the Undo");
    await waitFor(async () => (await warnings()).includes(sentinel), { what: "the warning for a bad bookmark saved after the Undo" });
    assert.deepEqual((await warnings()).slice(warningsBefore), [sentinel], "the doctor's own changes raised no warning");
    await firefox.inExtension((id) => browser.bookmarks.remove(id), sentinel);

    // And the doctor finds the planted ones again.
    const third = await scan(firefox, doctor);
    assert.equal(third.rows.filter((r) => r.kind !== "duplicates").length, expectedFindings.length);
  });
});

testNoExtensionNetwork(undefined, { browser: "firefox" });
