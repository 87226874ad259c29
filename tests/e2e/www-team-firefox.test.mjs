// The web page's team links (dist/www) in headless Firefox ESR, served from a subfolder of a local HTTP
// server: the example team configuration chosen (the CLI's links, search, the CLI's bookmarks file), the
// ~/.aws/config with planted secrets pasted (no secret anywhere in the page, the text box included), an
// unreadable text named with what and where, and no request to another origin (the server's log, the page's
// resource timing, no CSP violation). The same checks as www-team.test.mjs (Chromium).

import assert from "node:assert/strict";
import { mkdir, readFile, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { By } from "selenium-webdriver";
import { wwwInFirefox } from "./www-firefox.mjs";
import { waitFor } from "./harness.mjs";
import { AWS_CONFIG, PLANTED_SECRETS, TEAM_CONFIG, cliLinks, linksOfLines, readTeamLinksInPage } from "./www-team.mjs";

const www = wwwInFirefox();

/** Does `act` and waits until the page has read a team file once more. */
async function readOnce(act) {
  const count = await www.run(() => Number(document.body.dataset.teamReads ?? 0));
  await act();
  await waitFor(() => www.run((n) => Number(document.body.dataset.teamReads ?? 0) > n, count), { what: "the team file read" });
  return www.run(readTeamLinksInPage);
}

/** Puts text in the box as a paste does (the value, then an input event), and waits for its redaction. */
async function paste(text) {
  await www.run((value) => {
    const box = document.querySelector("[data-testid=team-input]");
    box.value = value;
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
}

async function search(query) {
  const box = await www.driver.findElement(By.css("[data-testid=team-search]"));
  await box.clear();
  if (query) await box.sendKeys(query);
  return www.run(readTeamLinksInPage);
}

/** Clicks the download button and returns the file Firefox saved (the only one in the folder). */
async function download() {
  await rm(www.downloads, { recursive: true, force: true });
  await mkdir(www.downloads);
  await www.driver.findElement(By.css("[data-testid=team-download]")).click();
  const name = await waitFor(async () => (await readdir(www.downloads)).find((n) => !n.endsWith(".part") && !n.startsWith(".")), { what: "the download" });
  await waitFor(async () => !(await readdir(www.downloads)).some((n) => n.endsWith(".part")), { what: "the download to finish" });
  return { name, text: await readFile(join(www.downloads, name), "utf8") };
}

test("Firefox: the example team file chosen gives the CLI's links, search and bookmarks file", async () => {
  const expected = await cliLinks(TEAM_CONFIG);
  await www.openPage();
  const shown = await readOnce(() => www.driver.findElement(By.css("[data-testid=team-file]")).sendKeys(TEAM_CONFIG));
  assert.equal(shown.error, "");
  assert.deepEqual(shown.lines, expected.lines, "every row as `signin-guard links --config` prints it");
  assert.ok(shown.linkTextsMatch);
  const found = await search("staging eu-c");
  assert.deepEqual(found.visible, linksOfLines(expected.lines, ([account, , region]) => account === "Staging" && region === "eu-central-1"));
  assert.equal(found.found, `1 of ${expected.lines.length} links matches “staging eu-c”.`);
  await search("");
  const saved = await download();
  assert.equal(saved.name, "aws-accounts.html");
  assert.equal(saved.text, expected.bookmarks, "the bookmarks file `links --bookmarks` writes");
  await www.checkOnlyOwnOrigin();
});

test("Firefox: ~/.aws/config with secrets pasted: none anywhere in the page; the links of `config import` then `links`", async () => {
  const expected = await cliLinks(AWS_CONFIG, { importFirst: true });
  await www.openPage();
  await paste(await readFile(AWS_CONFIG, "utf8"));
  await waitFor(() => www.run(() => document.querySelector("[data-testid=team-input]").value.includes("[redacted]")), { what: "the box redacted" });
  const typed = await www.run(readTeamLinksInPage);
  for (const secret of PLANTED_SECRETS) assert.ok(!typed.everything.includes(secret), `${secret} redacted in the box`);
  const shown = await readOnce(() => www.driver.findElement(By.css("[data-testid=team-read]")).click());
  assert.equal(shown.error, "");
  assert.equal(shown.input, "", "the box is emptied once read");
  assert.deepEqual(shown.lines, expected.lines);
  assert.match(shown.secrets, /\[old-ci\] \(line 62\): aws_access_key_id, aws_secret_access_key/);
  for (const secret of PLANTED_SECRETS) assert.ok(!shown.everything.includes(secret), `${secret} nowhere in the page`);
  const saved = await download();
  assert.equal(saved.text, expected.bookmarks);

  await paste('{\n  "version": 1,\n  "accounts": [\n}\n');
  const refused = await readOnce(() => www.driver.findElement(By.css("[data-testid=team-read]")).click());
  assert.match(refused.error, /^The pasted text is not a usable team configuration: not JSON: .* line 4 column 1$/);
  assert.equal(refused.shown, false);
  await www.checkOnlyOwnOrigin();
});
