// Issue 12's launcher in real headless Firefox ESR, with the team of docs/examples (its managed-storage
// manifest in a temporary HOME, as team-firefox.test.mjs does): the popup's Accounts section opens each
// account by its sign-in method (the fixture server records the portal shortcut with its fragment); after a
// role link the tab moves to the chosen region; and the settings page's bookmarks file, imported by a fresh
// Firefox at start (`browser.places.importBookmarksHTML` + `browser.bookmarks.file`), reads back through the
// extension's bookmarks API with every link, title and folder.

import assert from "node:assert/strict";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Key } from "selenium-webdriver";
import { readPopupInPage, readTeamInPage } from "./contract.mjs";
import { DIST_FIREFOX, firefoxSessions } from "./firefox.mjs";
import { startFixtureServer } from "./fixture-server.mjs";
import { testNoExtensionNetwork } from "./network-record.mjs";
import { ROOT, requireBuiltExtension, waitFor } from "./harness.mjs";
import { LAUNCHER } from "./scenarios.mjs";

const GECKO_ID = "signin-guard@example.org";
const EXAMPLE = join(ROOT, "docs/examples/policies/firefox-managed-storage.json");
const LIMIT = { timeout: 300_000 };

/** @type {import("./fixture-server.mjs").FixtureServer} */
let server;
const sessions = firefoxSessions();
const folders = new Set();

before(async () => {
  await requireBuiltExtension(DIST_FIREFOX);
  server = await startFixtureServer({ proxy: true });
});

after(async () => {
  await sessions.closeAll();
  await server?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** A temporary folder, removed after the file's tests. */
async function scratch() {
  const folder = await mkdtemp(join(tmpdir(), "signin-guard-launcher-firefox-"));
  folders.add(folder);
  return folder;
}

/** A temporary HOME with the example's managed-storage manifest. */
async function teamHome() {
  const home = await scratch();
  const folder = join(home, ".mozilla", "managed-storage");
  await mkdir(folder, { recursive: true });
  await copyFile(EXAMPLE, join(folder, `${GECKO_ID}.json`));
  return home;
}

/** Waits until the settings page (the control tab) lists the team's 4 accounts. */
function waitForTeam(firefox) {
  return waitFor(
    async () => {
      const shown = await firefox.read(firefox.control, readTeamInPage);
      return shown.ready && shown.managed.length === 4 ? shown : null;
    },
    { what: "the team's 4 accounts in the settings page" },
  );
}

/** Types `query` in the popup's Accounts section (cleared first) and presses Enter; returns the first row's method. */
async function launch(firefox, popup, query) {
  await firefox.switchTo(popup);
  const input = await firefox.byTestId("launcher-search");
  await input.clear();
  await input.sendKeys(query);
  const method = await waitFor(
    () => firefox.driver.executeScript("return document.querySelector('[data-testid=launcher-option]')?.dataset.method ?? null"),
    { what: `rows for “${query}”` },
  );
  await input.sendKeys(Key.ENTER);
  return method;
}

test("the popup's Accounts section opens each team account by the method that signs in to it, and moves a role link's tab", LIMIT, async () => {
  await sessions.run({ server, env: { HOME: await teamHome() } }, async (firefox) => {
    await waitForTeam(firefox);
    const { handle, tabId } = await firefox.openTab("https://signin.aws.amazon.com/console");
    const popup = await firefox.openPopup(tabId);
    await waitFor(async () => (await firefox.read(popup, readPopupInPage)).ready, { what: "the popup to be ready" });

    let since = server.requests.length;
    assert.equal(await launch(firefox, popup, LAUNCHER.portal.query), "access_portal");
    const recorded = await server.waitForRequest(
      (url) => url.includes("/fixture-record?") && new URL(url).searchParams.get("href") === LAUNCHER.portal.opens,
      { since, what: "the portal shortcut with its fragment" },
    );
    assert.equal(new URL(recorded.url).searchParams.get("href"), LAUNCHER.portal.opens);

    since = server.requests.length;
    assert.equal(await launch(firefox, popup, LAUNCHER.role.query), "switch_role");
    await server.waitForRequest((url) => url === LAUNCHER.role.opens, { since, what: "the role link" });
    await server.waitForRequest((url) => url === LAUNCHER.role.movedTo, { since, what: "the console in the chosen region" });
    const moved = await firefox.waitForNotice(handle, (n) => n.headline?.startsWith("Moved to"));
    assert.equal(moved.headline, "Moved to Europe (Frankfurt) (eu-central-1)");
    assert.equal(await firefox.urlOf(handle), LAUNCHER.role.movedTo);

    since = server.requests.length;
    assert.equal(await launch(firefox, popup, LAUNCHER.iamUser.query), "iam_user");
    await server.waitForRequest((url) => url === LAUNCHER.iamUser.opens, { since, what: "the sign-in URL" });
  });
});

test("the settings page's bookmarks file imports into a fresh Firefox with every link, title and folder", LIMIT, async () => {
  // The file, as the settings page's button downloads it (the download's content caught in the page).
  let exported;
  await sessions.run({ server, env: { HOME: await teamHome() } }, async (firefox) => {
    await waitForTeam(firefox);
    await firefox.driver.executeScript(`
      window.exported = null;
      HTMLAnchorElement.prototype.click = function () { fetch(this.href).then((r) => r.text()).then((t) => (window.exported = t)); };`);
    await firefox.click(firefox.control, "team-bookmarks");
    exported = await waitFor(() => firefox.driver.executeScript("return window.exported"), { what: "the exported file" });
  });
  assert.match(exported, /^<!DOCTYPE NETSCAPE-Bookmark-file-1>/);
  const folder = await scratch();
  const file = join(folder, "aws-accounts.html");
  await writeFile(file, exported);

  // Firefox reads the file when it starts; then the extension (with bookmark access) reads the tree back.
  const prefs = { "browser.places.importBookmarksHTML": true, "browser.bookmarks.file": file };
  await sessions.run({ server, prefs, features: ["bookmark"] }, async (firefox) => {
    const read = await waitFor(
      () =>
        firefox.inExtension(async () => {
          const links = [];
          const walk = (node, path) => {
            if (node.url) links.push({ path: path.join("/"), title: node.title, url: node.url });
            for (const child of node.children ?? []) walk(child, node.url ? path : [...path, node.title]);
          };
          for (const root of await browser.bookmarks.getTree()) walk(root, []);
          return links.filter((l) => l.path.includes("AWS accounts"));
        }).then((links) => (links.length > 0 ? links : null)),
      { what: "the imported bookmarks" },
    );
    const expected = [...exported.matchAll(/<DT><H3>([^<]*)<\/H3>|<DT><A HREF="([^"]*)">([^<]*)<\/A>/g)];
    const decode = (text) => text.replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
    const wanted = [];
    let account = null;
    for (const [, heading, href, title] of expected) {
      if (heading !== undefined) account = heading === "AWS accounts" ? null : decode(heading);
      else wanted.push({ account, title: decode(title), url: decode(href) });
    }
    assert.equal(wanted.length, 9);
    assert.deepEqual(
      read.map((l) => ({ account: l.path.split("/").at(-1), title: l.title, url: l.url })),
      wanted,
      `read back: ${JSON.stringify(read)}`,
    );
    assert.ok(read.every((l) => l.path.endsWith(`AWS accounts/${l.path.split("/").at(-1)}`)), JSON.stringify(read.map((l) => l.path)));
  });
});

testNoExtensionNetwork(undefined, { browser: "firefox" });
