// The web page's bookmark file doctor (dist/www) in headless Firefox ESR, served from a subfolder of a local
// HTTP server: the planted file (exactly those found; "fix all" and the download give the CLI's bytes),
// the real Firefox export, a malformed file, and no request to any other origin (the server's log, the
// page's resource timing, no CSP violation). The same checks as www-doctor.test.mjs (Chromium).

import assert from "node:assert/strict";
import { mkdir, readFile, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { By } from "selenium-webdriver";
import { wwwInFirefox } from "./www-firefox.mjs";
import { waitFor } from "./harness.mjs";
import {
  FIREFOX_EXPORT,
  checkPlantedFindings,
  cliFix,
  plantedFile,
  readFileDoctorInPage,
  realExportFindings,
} from "./www-doctor.mjs";

const www = wwwInFirefox();

async function choose(path) {
  const before = await www.run(() => [Number(document.body.dataset.files ?? 0), document.querySelector("[data-testid=bookmarks-error]").textContent]);
  await www.driver.findElement(By.css("[data-testid=bookmarks-file]")).sendKeys(path);
  await waitFor(
    () =>
      www.run(
        ([count, error]) =>
          Number(document.body.dataset.files ?? 0) > count ||
          (document.querySelector("[data-testid=bookmarks-error]").textContent !== "" &&
            document.querySelector("[data-testid=bookmarks-error]").textContent !== error),
        before,
      ),
    { what: `${path} read` },
  );
  return www.run(readFileDoctorInPage);
}

async function fixAll() {
  const before = await www.run(() => Number(document.body.dataset.fixes ?? 0));
  await www.driver.findElement(By.css("[data-testid=bookmarks-fix-all]")).click();
  await waitFor(() => www.run((count) => Number(document.body.dataset.fixes ?? 0) > count, before), { what: "the fixed file" });
}

/** Clicks the download button and returns the file Firefox saved (the only one in the folder). */
async function download() {
  await rm(www.downloads, { recursive: true, force: true });
  await mkdir(www.downloads);
  await www.driver.findElement(By.css("[data-testid=bookmarks-download]")).click();
  const name = await waitFor(
    async () => (await readdir(www.downloads)).find((n) => !n.endsWith(".part") && !n.startsWith(".")),
    { what: "the download" },
  );
  // Firefox renames the .part file into place when the download is complete.
  await waitFor(async () => !(await readdir(www.downloads)).some((n) => n.endsWith(".part")), { what: "the download to finish" });
  return { name, bytes: await readFile(join(www.downloads, name)) };
}

test("Firefox: the planted bookmarks found exactly; fix all and the download give the CLI's bytes", async () => {
  const planted = plantedFile();
  const path = await www.files.write("bookmarks.html", planted.text);
  await www.openPage();
  const shown = await choose(path);
  assert.ok(shown.shown, shown.error);
  checkPlantedFindings(shown, planted.planted);
  await fixAll();
  const fixed = await download();
  assert.equal(fixed.name, "bookmarks-fixed.html");
  assert.equal(fixed.bytes.toString("utf8"), planted.fixAllText);
  assert.ok(fixed.bytes.equals(await cliFix(path)), "the same bytes as signin-guard bookmarks fix");
  await www.checkOnlyOwnOrigin();
});

test("Firefox: its own export, and a malformed file named with what is wrong and where", async () => {
  await www.openPage();
  const shown = await choose(FIREFOX_EXPORT);
  const findings = shown.rows.filter((r) => r.kind !== "duplicates");
  assert.deepEqual(new Map(findings.map((r) => [r.title, r.kind])), realExportFindings("Captured redirect"));
  await fixAll();
  const fixed = await download();
  assert.ok(fixed.bytes.equals(await cliFix(FIREFOX_EXPORT)), "the CLI's bytes");
  const json = await www.files.write("Bookmarks.json", '{"roots": {}}');
  const refused = await choose(json);
  assert.equal(refused.shown, false);
  assert.match(refused.error, /^Bookmarks\.json cannot be read as a bookmarks file: line 1, column 1: not a Netscape bookmark file/);
  await www.checkOnlyOwnOrigin();
});
