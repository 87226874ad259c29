// The web page's team links (dist/www) in headless Chromium, served from a subfolder of a local HTTP server:
// the example team configuration chosen (every link the CLI's `links --config` prints, in its order; the
// download is the CLI's `--bookmarks` file; search; copy read back from the clipboard), the ~/.aws/config
// with planted secrets pasted (no secret anywhere in the page, the text box included; the links of
// `config import` then `links`), pasted text that cannot be read named with what and where, a phone's width
// in light and dark, and no request to another origin.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { CHROMIUM, SCREENSHOTS } from "./chromium.mjs";
import { openWwwPage, serveWww } from "./www-doctor.mjs";
import { AWS_CONFIG, PLANTED_SECRETS, TEAM_CONFIG, cliLinks, linksOfLines, readTeamLinksInPage } from "./www-team.mjs";

let server;
let browser;

before(async () => {
  server = await serveWww();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const openPage = (options) => openWwwPage(browser, server, options);

const reads = (page) => page.evaluate(() => Number(document.body.dataset.teamReads ?? 0));

/** Does `act` and waits until the page has read a team file once more. */
async function readOnce(page, act) {
  const count = await reads(page);
  await act();
  await page.waitForFunction((n) => Number(document.body.dataset.teamReads ?? 0) > n, count);
  return page.evaluate(readTeamLinksInPage);
}

async function download(page) {
  const [saved] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=team-download]")]);
  return { name: saved.suggestedFilename(), text: await readFile(await saved.path(), "utf8") };
}

async function checkOnlyOwnOrigin(page, requests) {
  const origin = new URL(server.base).origin;
  const foreign = requests.filter((url) => !url.startsWith("blob:") && new URL(url).origin !== origin);
  assert.deepEqual(foreign, [], "no request to another origin");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.violations), "0", "no CSP violation");
}

test("the example team file chosen: the CLI's links in its order, search, copy, and the CLI's bookmarks file", async () => {
  const expected = await cliLinks(TEAM_CONFIG);
  const { page, context, errors, requests, close } = await openPage();
  try {
    const before = requests.length;
    const shown = await readOnce(page, () => page.setInputFiles("[data-testid=team-file]", TEAM_CONFIG));
    assert.equal(shown.error, "");
    assert.ok(shown.shown);
    assert.ok(requests.slice(before).some((url) => url.endsWith("pkg/signin_guard_tools_bg.wasm")), "the tools package loads on first use");
    assert.ok(!requests.slice(0, before).some((url) => url.includes("signin_guard_tools")), "…and not with the page");
    assert.deepEqual(shown.lines, expected.lines, "every row as `signin-guard links --config` prints it");
    assert.ok(shown.linkTextsMatch, "each link shows the address it opens");
    assert.equal(shown.status, `team-config.json (a team configuration): ${expected.lines.length} links to 4 accounts.`);
    assert.equal(shown.found, `All ${expected.lines.length} links.`);
    assert.equal(shown.problems.length, 0);
    assert.equal(shown.copyLabels[0], "Copy the link to Production as Read only in Europe (Ireland)");

    // Search: every word starts a word of a column (account, role, region, how it signs in).
    await page.fill("[data-testid=team-search]", "prod read frank");
    let found = await page.evaluate(readTeamLinksInPage);
    assert.deepEqual(found.visible, linksOfLines(expected.lines, ([account, role, region]) => account === "Production" && role === "ReadOnlyAccess" && region === "eu-central-1"));
    assert.equal(found.found, `1 of ${expected.lines.length} links matches “prod read frank”.`);
    await page.fill("[data-testid=team-search]", "switch");
    found = await page.evaluate(readTeamLinksInPage);
    assert.deepEqual(found.visible, linksOfLines(expected.lines, (cols) => cols[3] === "switch role"));
    await page.fill("[data-testid=team-search]", "no such thing");
    found = await page.evaluate(readTeamLinksInPage);
    assert.deepEqual(found.visible, []);
    assert.equal(found.found, "No link matches “no such thing”.");
    await page.fill("[data-testid=team-search]", "");

    // Copy: the clipboard holds the row's link.
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.base).origin });
    const row = page.locator("[data-testid=team-row]").nth(6);
    await row.locator("[data-testid=team-copy]").click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected.lines[6].split("\t")[4]);
    assert.equal(await page.textContent("[data-testid=team-copied]"), "Copied the link to Sandbox in Europe (Ireland).");

    const saved = await download(page);
    assert.equal(saved.name, "aws-accounts.html");
    assert.equal(saved.text, expected.bookmarks, "the bookmarks file `links --bookmarks` writes");
    await checkOnlyOwnOrigin(page, requests);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("~/.aws/config with secrets pasted: no secret anywhere in the page; the links of `config import` then `links`", async () => {
  const text = await readFile(AWS_CONFIG, "utf8");
  const expected = await cliLinks(AWS_CONFIG, { importFirst: true });
  const { page, errors, requests, close } = await openPage();
  try {
    await page.fill("[data-testid=team-input]", text);
    // The box is redacted as soon as the text is in it, before anything is asked for.
    await page.waitForFunction(() => document.querySelector("[data-testid=team-input]").value.includes("[redacted]"));
    const typed = await page.evaluate(readTeamLinksInPage);
    for (const secret of PLANTED_SECRETS) assert.ok(!typed.everything.includes(secret), `${secret} redacted in the box`);
    assert.match(typed.input, /aws_secret_access_key = \[redacted\]/);

    const shown = await readOnce(page, () => page.click("[data-testid=team-read]"));
    assert.equal(shown.error, "");
    assert.equal(shown.input, "", "the box is emptied once read");
    assert.deepEqual(shown.lines, expected.lines, "the links of `config import` then `links --config`");
    assert.match(shown.status, /^The pasted text \(an AWS config file \(~\/\.aws\/config\)\): \d+ links to 6 accounts\./);
    assert.match(shown.secrets, /^Secrets were dropped as the file was read, never kept or shown: \[old-ci\] \(line 62\): aws_access_key_id, aws_secret_access_key; \[sandbox\] \(line 78\): aws_session_token\./);
    assert.ok(shown.problems.some((p) => p.startsWith("Line 69: [profile typo] sso_account_id: 11 digits")), shown.problems.join("\n"));
    for (const secret of PLANTED_SECRETS) assert.ok(!shown.everything.includes(secret), `${secret} nowhere in the page`);
    const saved = await download(page);
    assert.equal(saved.text, expected.bookmarks);

    // A paste once the tools are loaded is redacted before it reaches the box.
    await page.evaluate((pastedText) => {
      const data = new DataTransfer();
      data.setData("text/plain", pastedText);
      document.querySelector("[data-testid=team-input]").dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    const box = await page.inputValue("[data-testid=team-input]");
    assert.match(box, /\[profile old-ci\]\naws_access_key_id = \[redacted\]\naws_secret_access_key = \[redacted\]/);
    for (const secret of PLANTED_SECRETS) assert.ok(!box.includes(secret));

    // The same file chosen: the same links, named by the file, and still no secret in the page.
    await page.fill("[data-testid=team-input]", "");
    const chosen = await readOnce(page, () => page.setInputFiles("[data-testid=team-file]", AWS_CONFIG));
    assert.deepEqual(chosen.lines, expected.lines);
    assert.match(chosen.status, /^aws-config \(an AWS config file/);
    for (const secret of PLANTED_SECRETS) assert.ok(!chosen.everything.includes(secret), `${secret} nowhere in the page`);
    await checkOnlyOwnOrigin(page, requests);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("text that cannot be read is named with what is wrong and where", async () => {
  const { page, errors, close } = await openPage();
  try {
    await page.fill("[data-testid=team-input]", '{\n  "version": 1,\n  "accounts": [\n}\n');
    let shown = await readOnce(page, () => page.click("[data-testid=team-read]"));
    assert.match(shown.error, /^The pasted text is not a usable team configuration: not JSON: .* line 4 column 1$/);
    assert.equal(shown.shown, false);
    assert.notEqual(shown.input, "", "what went wrong stays in the box to be fixed");

    await page.fill("[data-testid=team-input]", '{"version": 1, "accounts": [{"accountId": "12345"}, {"accountId": "111122223333", "defaultRegion": "eu-west-1"}]}');
    shown = await readOnce(page, () => page.click("[data-testid=team-read]"));
    assert.equal(shown.lines.length, 1, "the usable account is listed");
    assert.match(shown.problems[0], /^accounts\[0\]\.accountId: /);

    await page.fill("[data-testid=team-input]", "[profile dev]\nregion = eu-west-1\nthis is no line of an INI file\n");
    shown = await readOnce(page, () => page.click("[data-testid=team-read]"));
    assert.match(shown.error, /^The pasted text names no account usable for links/);
    assert.ok(shown.problems.some((p) => p.startsWith("Line 3: neither a [section]")), shown.problems.join("\n"));
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("at a phone's width, light and dark: nothing wider than the screen; keyboard from the box to the links", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, close } = await openPage({ viewport: { width: 390, height: 844 }, colorScheme });
    try {
      await readOnce(page, () => page.setInputFiles("[data-testid=team-file]", TEAM_CONFIG));
      const layout = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: innerWidth }));
      assert.ok(layout.page <= layout.screen, `${colorScheme}: the page is ${layout.page} px wide on a ${layout.screen} px screen`);
      await page.locator("[data-testid=team-result]").evaluate((node) => node.scrollIntoView());
      await page.screenshot({ path: join(SCREENSHOTS, `www-team-phone-${colorScheme}.png`) });
      // Keyboard alone: from the text box on to the search, the download and the first link and its copy button.
      await page.focus("[data-testid=team-input]");
      const reached = [];
      for (let i = 0; i < 8; i += 1) {
        await page.keyboard.press("Tab");
        reached.push(await page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.tagName));
      }
      assert.deepEqual(reached.slice(0, 6), ["team-read", "team-file", "team-search", "team-download", "team-link", "team-copy"], reached.join(", "));
      // The search is announced: its summary is a live status region the box points to.
      assert.equal(await page.getAttribute("[data-testid=team-search]", "aria-describedby"), "team-found");
      assert.equal(await page.getAttribute("[data-testid=team-found]", "aria-live"), "polite");
    } finally {
      await close();
    }
  }
});
