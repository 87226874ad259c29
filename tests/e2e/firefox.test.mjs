// End-to-end scenarios of the extension in real headless Firefox ESR (issue 6), installed as a temporary
// add-on from dist/firefox (one test installs the addons.mozilla.org zip instead). The pages, the
// expectations and the DOM contract are the Chromium tests' own (scenarios.mjs, expectations.mjs,
// contract.mjs): one list of scenarios, two browsers. Each test gets a fresh browser and profile.
//
// How things a person does are driven here (firefox.mjs):
// - pages open in new tabs; the popup opens as a tab `popup.html?tab=ID` (the DOM contract);
// - the in-page notice lives in a CLOSED shadow root: WebDriver's `getShadowRoot()` reaches it, as the
//   page's own scripts cannot, and its buttons get WebDriver's real clicks;
// - optional features are turned on by clicking their switch on the settings page: with the pref
//   `extensions.webextOptionalPermissionPrompts` off, Firefox grants a request made from a click without
//   showing its doorhanger (as if "Allow" were clicked); a request without a click is still refused;
// - extension API calls the tests need (tab ids, bookmarks) run in the extension's settings page
//   (`firefox.inExtension(fn)`); inside those functions `browser` is Firefox's extension API, and the
//   test's session is called `firefox`.

import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Key } from "selenium-webdriver";
import { NOTICE, POPUP, SITE_ACCESS, readPopupInPage } from "./contract.mjs";
import { bookmarkInExtension, bookmarkPlace, createBookmarkAmongOthersInExtension, pageMismatches } from "./expectations.mjs";
import { DIST_FIREFOX, firefoxSessions } from "./firefox.mjs";
import { startFixtureServer } from "./fixture-server.mjs";
import { testNoExtensionNetwork } from "./network-record.mjs";
import { ROOT, SCREENSHOTS, WAIT, requireBuiltExtension, waitFor } from "./harness.mjs";
import { ACCOUNT, CANONICAL, LINKS, MENU_COPY_CANONICAL, PAGES, PROTECTED_AWS_PAGES, REGION_PICK } from "./scenarios.mjs";

/** @type {import("./fixture-server.mjs").FixtureServer} */
let server;
/** Browsers of this file (a timed-out test leaves its browser there for `after` to close). */
const sessions = firefoxSessions();
/** Per test: generous, for a loaded 2-core machine; a hung test fails instead of blocking the run. */
const LIMIT = { timeout: 240_000 };
/** Firefox's bookmarks toolbar (Chromium's bookmarks bar is "1"). */
const TOOLBAR = "toolbar_____";

before(async () => {
  await requireBuiltExtension(DIST_FIREFOX);
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startFixtureServer({ proxy: true });
});

after(async () => {
  await sessions.closeAll();
  await server?.close();
});

/**
 * Runs `body` with a fresh Firefox; always closes it.
 * @param {Omit<Parameters<typeof import("./firefox.mjs").launchFirefox>[0], "server">} options
 * @param {(firefox: import("./firefox.mjs").FirefoxSession) => Promise<void>} body
 */
function withFirefox(options, body) {
  return sessions.run({ server, ...options }, body);
}

/** Opens the popup for a tab; returns its handle and what it shows (once ready). */
async function popupFor(firefox, tabId) {
  const handle = await firefox.openPopup(tabId);
  return { handle, shown: await firefox.read(handle, readPopupInPage) };
}

/** Waits until the popup's state satisfies `accept`; the failure shows the last state. */
async function waitForPopup(firefox, handle, accept, what) {
  let last;
  try {
    return await waitFor(
      async () => {
        last = await firefox.read(handle, readPopupInPage);
        return accept(last) ? last : null;
      },
      { what },
    );
  } catch (error) {
    error.message += `; popup showed: ${JSON.stringify(last)}`;
    throw error;
  }
}

/** The sign-in page of the fixture account, opened so that the extension learns the account. */
async function learnAccount(firefox) {
  const opened = await firefox.openTab(PAGES.accountSignin.url);
  await firefox.waitForNotice(opened.handle, (notice) => notice.canonical === CANONICAL);
  await waitFor(
    () => firefox.inExtension(async (alias) => JSON.stringify(await browser.storage.local.get(null)).includes(alias), ACCOUNT.alias),
    { what: `the extension to remember account ${ACCOUNT.alias}` },
  );
  return opened;
}

const bookmark = (firefox, id) => firefox.inExtension(bookmarkInExtension, id);

// --- Scenarios ------------------------------------------------------------------------------------

test("account sign-in page: the notice shows the canonical URL, and so does the popup (installed from the AMO zip)", LIMIT, async () => {
  const scenario = PAGES.accountSignin;
  const { version } = JSON.parse(await readFile(join(DIST_FIREFOX, "manifest.json"), "utf8"));
  const zip = join(ROOT, "dist", `signin-guard-firefox-${version}.zip`);
  await withFirefox({ extension: zip }, async (firefox) => {
    const { handle, tabId } = await firefox.openTab(scenario.url);

    const notice = await firefox.waitForNotice(handle, (n) => n.canonical);
    assert.equal(notice.canonical, scenario.canonical, "notice-canonical");
    assert.equal(notice.level, scenario.notice, "notice level");
    assert.equal(notice.closedShadowRoot, true, "the notice lives in a closed shadow root");
    assert.ok(notice.buttons.includes(NOTICE.copy), `notice buttons: ${notice.buttons}`);
    assert.equal(
      await firefox.driver.executeScript("return document.documentElement.dataset.fixtureScript"),
      "ran",
      "the page's own script still runs under its strict CSP",
    );
    await firefox.screenshot(handle, join(SCREENSHOTS, "firefox-notice-account-signin.png"));

    const { shown } = await popupFor(firefox, tabId);
    assert.equal(shown.kind, scenario.kind, "popup verdict-kind");
    assert.equal(shown.account, scenario.account, "popup account-label");
    assert.equal(shown.canonical, scenario.canonical, "popup canonical-url");
    assert.deepEqual(shown.warnings, scenario.warnings, "popup warnings");
    assert.equal(shown.siteAccess, false, "no “cannot see AWS pages” box while access is granted");
  });
});

test("every scenario page (lookalikes aside): the notice and the popup agree with scenarios.mjs", LIMIT, async () => {
  await withFirefox({}, async (firefox) => {
    const failures = [];
    for (const [name, scenario] of Object.entries(PAGES).filter(([, page]) => page.kind !== "lookalike")) {
      const { handle, tabId } = await firefox.openTab(scenario.url);
      const landed = await firefox.urlOf(handle);
      const notice =
        scenario.notice === undefined
          ? null
          : await firefox
              .waitForNotice(handle, (n) => n.level === scenario.notice, { what: `${name}: a ${scenario.notice} notice` })
              .catch((error) => {
                failures.push(error.message);
                return null;
              });
      const popup = await popupFor(firefox, tabId);
      failures.push(...pageMismatches(name, scenario, { landed, notice, popup: popup.shown }));
      await firefox.closeTab(popup.handle);
      await firefox.closeTab(handle);
    }
    assert.deepEqual(failures, [], failures.join("\n"));
  });
});

test("a bookmark of signin.aws.amazon.com/signin?redirect_uri=… opened: warning; Fix makes it canonical; Undo restores it", LIMIT, async () => {
  const scenario = PAGES.capturedRedirect;
  await withFirefox({ features: ["bookmark"] }, async (firefox) => {
    await learnAccount(firefox);
    const saved = await firefox.inExtension(createBookmarkAmongOthersInExtension, {
      url: scenario.url,
      title: "AWS console",
      parentId: TOOLBAR,
    });

    // The bookmark is opened: the browser goes to its URL, which the server redirects.
    const since = server.requests.length;
    const { handle, tabId } = await firefox.openTab(scenario.url);
    await server.waitForRequest((url) => url === scenario.url, { since, what: "the bookmarked /signin request" });
    await server.waitForRequest((url) => url === scenario.lands, { since, what: "the redirect's regional /oauth request" });
    assert.equal(await firefox.urlOf(handle), scenario.lands, "the tab landed where AWS redirects");

    const notice = await firefox.waitForNotice(handle, (n) => n.buttons.includes(NOTICE.fix), {
      what: "the captured-redirect warning with its Fix button",
    });
    assert.equal(notice.level, scenario.notice, "notice level");
    assert.match(notice.headline, /bookmark/i, "the headline says it is about a bookmark");

    const { shown } = await popupFor(firefox, tabId);
    for (const code of scenario.warnings) assert.ok(shown.warnings.includes(code), `popup warnings ${shown.warnings} lack ${code}`);

    await firefox.clickInNotice(handle, NOTICE.fix);
    const fixed = await waitFor(
      async () => {
        const node = await bookmark(firefox, saved.id);
        return node?.url === scenario.fix ? node : null;
      },
      { what: `the bookmark's URL to become ${scenario.fix}` },
    );
    assert.deepEqual(bookmarkPlace(fixed), bookmarkPlace(saved), "title, folder and position kept");

    await firefox.clickInNotice(handle, NOTICE.undo);
    const restored = await waitFor(
      async () => {
        const node = await bookmark(firefox, saved.id);
        return node?.url === scenario.url ? node : null;
      },
      { what: "Undo to restore the bookmark's URL" },
    );
    assert.deepEqual(bookmarkPlace(restored), bookmarkPlace(saved), "Undo keeps title, folder and position");
  });
});

test("a captured redirect opened without the bookmarks permission: warning that says what access it needs", LIMIT, async () => {
  const scenario = PAGES.capturedRedirect;
  await withFirefox({}, async (firefox) => {
    const { handle } = await firefox.openTab(scenario.url);
    assert.equal(await firefox.urlOf(handle), scenario.lands);
    const notice = await firefox.waitForNotice(handle, (n) => n.level === "warning", { what: "the captured-redirect warning" });
    assert.ok(!notice.buttons.includes(NOTICE.fix), "no Fix without bookmark access");
    assert.match(notice.detail, /bookmark access/i, "the warning says bookmark access is needed to fix it");
  });
});

test("optional permissions: asked for only from a click; bookmark protection gets both in one request, without turning lookalike protection on", LIMIT, async () => {
  await withFirefox({}, async (firefox) => {
    const asked = await firefox.inExtension(async (permissions) => {
      try {
        return { granted: await browser.permissions.request({ permissions }) };
      } catch (error) {
        return { refused: error.message };
      }
    }, ["bookmarks"]);
    assert.match(asked.refused ?? "", /user input/i, `a request without a click: ${JSON.stringify(asked)}`);

    await firefox.turnOn("bookmark");
    const granted = await firefox.inExtension(
      (permissions) => browser.permissions.contains({ permissions }),
      ["bookmarks", "webNavigation"],
    );
    assert.equal(granted, true, "bookmark protection's click grants both");
    const lookalikeSwitch = () => firefox.inExtension(() => document.querySelector('[data-testid="lookalike-protection"]').checked);
    assert.equal(await lookalikeSwitch(), false, "lookalike protection stays off");

    // A lookalike page opens: the permission is there, but lookalike protection was not chosen.
    const { handle } = await firefox.openTab(PAGES.lookalike.url);
    assert.equal(await firefox.urlOf(handle), PAGES.lookalike.url, "not stopped: lookalike protection is off");

    await firefox.turnOn("lookalike");
    assert.equal(await lookalikeSwitch(), true);
  });
});

test("region picker: typing “ohio” and Enter opens the us-east-2 sign-in link", LIMIT, async () => {
  await withFirefox({}, async (firefox) => {
    const { handle, tabId } = await firefox.openTab(PAGES[REGION_PICK.from].url);
    const popup = await firefox.openPopup(tabId);
    await firefox.type(popup, POPUP.regionSearch, REGION_PICK.query);
    const shown = await waitForPopup(firefox, popup, (state) => state.regions[0] === REGION_PICK.code, `${REGION_PICK.code} first`);
    assert.equal(shown.regions[0], REGION_PICK.code);

    const since = server.requests.length;
    await firefox.type(popup, POPUP.regionSearch, Key.ENTER);
    await server.waitForRequest((url) => url === REGION_PICK.opens, { since, what: `a request for ${REGION_PICK.opens}` });
    await waitFor(async () => (await firefox.urlOf(handle)) === REGION_PICK.opens, {
      what: `the described tab to show ${REGION_PICK.opens}`,
    });
  });
});

for (const [name, scenario] of Object.entries(PAGES).filter(([, page]) => page.kind === "lookalike")) {
  test(`lookalike host (${new URL(scenario.url).hostname}) with lookalike protection: prominent warning, no canonical URL`, LIMIT, async () => {
    await withFirefox({ features: ["lookalike"] }, async (firefox) => {
      const { handle, tabId } = await firefox.openTab(scenario.url); // the extension stops this navigation
      const warningPage = firefox.extensionUrl("warning.html");
      await waitFor(async () => (await firefox.urlOf(handle)) === warningPage, { what: `the tab to show ${warningPage}` });
      await firefox.waitForReady("the warning page to be ready");
      const warning = await firefox.driver.executeScript(() => ({
        headline: document.querySelector('[data-testid="warning-headline"]')?.textContent.trim(),
        address: document.querySelector('[data-testid="warning-address"]')?.textContent.trim(),
        body: document.body.innerText,
      }));
      assert.ok(warning.headline, "the warning page has a headline");
      assert.equal(warning.address, scenario.url, "the warning names the page it stopped");
      assert.ok(!warning.body.includes(CANONICAL), "no canonical sign-in URL offered on the warning page");
      if (name === "lookalike") await firefox.screenshot(handle, join(SCREENSHOTS, "firefox-warning-lookalike.png"));

      const { shown } = await popupFor(firefox, tabId);
      assert.equal(shown.kind, scenario.kind, "popup verdict-kind");
      assert.equal(shown.danger, true, "popup danger-panel shown");
      assert.equal(shown.canonical, null, "popup offers no canonical URL");
      for (const code of scenario.warnings) assert.ok(shown.warnings.includes(code), `popup warnings ${shown.warnings} lack ${code}`);
    });
  });
}

test("European Sovereign Cloud pages with lookalike protection on: the notice, never the warning page", LIMIT, async () => {
  await withFirefox({ features: ["lookalike"] }, async (firefox) => {
    const failures = [];
    for (const name of PROTECTED_AWS_PAGES) {
      const scenario = PAGES[name];
      const { handle, tabId } = await firefox.openTab(scenario.url);
      const notice = await firefox
        .waitForNotice(handle, (n) => n.level === scenario.notice, { what: `${name}: a ${scenario.notice} notice` })
        .catch((error) => {
          failures.push(error.message);
          return null;
        });
      const landed = await firefox.urlOf(handle);
      assert.ok(!landed.startsWith(firefox.extensionUrl("")), `${name}: not replaced by the warning page (${landed})`);
      const popup = await popupFor(firefox, tabId);
      failures.push(...pageMismatches(name, scenario, { landed, notice, popup: popup.shown }));
      assert.equal(popup.shown.danger, false, `${name}: no danger panel in the popup`);
      await firefox.closeTab(popup.handle);
      await firefox.closeTab(handle);
    }
    assert.deepEqual(failures, [], failures.join("\n"));
  });
});

test("access to the AWS sites withheld: the badge says so, the popup explains and asks, and Allow brings the notice back", LIMIT, async () => {
  const scenario = PAGES.accountSignin;
  await withFirefox({}, async (firefox) => {
    const sites = () => firefox.inExtension(() => browser.permissions.contains({ origins: browser.runtime.getManifest().host_permissions }));
    const title = () => firefox.inExtension(() => browser.action.getTitle({}));
    assert.equal(await sites(), true, "granted at install");
    // What the person's "off" in about:addons → Permissions does.
    await firefox.inExtension(() => browser.permissions.remove({ origins: browser.runtime.getManifest().host_permissions }));
    assert.equal(await sites(), false, "withheld");
    await waitFor(async () => /cannot see AWS pages/.test(await title()), { what: "the toolbar button's title to say access is missing" });

    const { handle, tabId } = await firefox.openTab(scenario.url);
    // The content script cannot run without access; give it the time it takes with access.
    await new Promise((done) => setTimeout(done, 2_000));
    assert.equal(await firefox.hasNotice(handle), false, "no notice without access");

    const popup = await firefox.openPopup(tabId);
    const before = await firefox.read(popup, readPopupInPage);
    assert.equal(before.siteAccess, true, "the popup explains that it cannot see AWS pages");
    assert.equal(before.canonical, null, "and cannot describe the tab");
    await firefox.screenshot(popup, join(SCREENSHOTS, "firefox-popup-site-access.png"));

    await firefox.click(popup, SITE_ACCESS.allow);
    assert.equal(await waitFor(sites, { what: "access after Allow" }), true);
    // The popup reloads itself and now describes the tab.
    const after = await waitForPopup(firefox, popup, (state) => state.ready && state.canonical, "the popup to describe the tab");
    assert.equal(after.siteAccess, false, "the box is gone");
    assert.equal(after.kind, scenario.kind);
    assert.equal(after.canonical, scenario.canonical);
    await waitFor(async () => !/cannot see AWS pages/.test(await title()), { what: "the toolbar button's title to be normal again" });

    await firefox.switchTo(handle);
    await firefox.driver.navigate().refresh();
    const notice = await firefox.waitForNotice(handle, (n) => n.canonical, { timeout: WAIT, what: "the notice once access is back" });
    assert.equal(notice.canonical, scenario.canonical);
  });
});

test("a page restored from the back/forward cache gets its toolbar badge back", LIMIT, async () => {
  // A cacheable copy of the account sign-in page (AWS's own no-store pages never enter the cache).
  const url = `${PAGES.accountSignin.url}?bfcache`;
  await withFirefox({}, async (firefox) => {
    const { handle, tabId } = await firefox.openTab(url);
    await firefox.waitForNotice(handle, (n) => n.level);
    const badge = () => firefox.inExtension((id) => browser.action.getTitle({ tabId: id }), tabId);
    const shown = await waitFor(async () => ((await badge()) !== "Sign-in Guard for AWS" ? badge() : null), {
      what: "the page's own toolbar title",
    });
    await firefox.switchTo(handle);
    await firefox.driver.executeScript(() =>
      addEventListener("pageshow", (event) => (document.documentElement.dataset.restored = event.persisted)),
    );

    // Another site in the same tab: the browser resets the tab's badge and title.
    await firefox.driver.get(PAGES.lookalike.url);
    await waitFor(async () => (await badge()) !== shown, { what: "the title to be reset by the navigation" });

    await firefox.switchTo(handle);
    await firefox.driver.navigate().back();
    const restored = await firefox.driver.executeScript(() => document.documentElement.dataset.restored);
    assert.equal(restored, "true", "restored from the back/forward cache");
    await waitFor(async () => (await badge()) === shown, { what: `the restored page's title to be “${shown}” again` });
  });
});

test("context menu copy: made by the background page, a page that rewrites copy events cannot change it", LIMIT, async () => {
  // The Clipboard API for the test's own reads, without a prompt (a testing preference).
  await withFirefox({ prefs: { "dom.events.testing.asyncClipboard": true } }, async (firefox) => {
    const { handle, tabId } = await firefox.openTab(PAGES.console.url);
    await firefox.switchTo(handle);
    await firefox.driver.executeScript(`document.addEventListener("copy", (event) => {
      event.clipboardData.setData("text/plain", "https://evil.example/rewritten");
      event.preventDefault();
    }, true);`);
    const [link] = LINKS;
    // Headless Firefox has no context menu: the worker's own handler, through the test snapshot's hook.
    const copied = await firefox.inExtension(
      async ({ menuItemId, linkUrl, tabId }) => {
        const background = await browser.runtime.getBackgroundPage();
        const tab = await browser.tabs.get(tabId);
        await navigator.clipboard.writeText("(clipboard cleared by the test)");
        await background.signinGuard.menuClicked({ menuItemId, linkUrl, pageUrl: tab.url, frameId: 0 }, tab);
        return navigator.clipboard.readText();
      },
      { menuItemId: MENU_COPY_CANONICAL, linkUrl: link.url, tabId },
    );
    assert.equal(copied, link.canonical, "the clipboard holds what the extension copied");
    const notice = await firefox.waitForNotice(handle, (n) => n.canonical === link.canonical);
    assert.equal(notice.level, "info", "and the extension says it copied");
  });
});

testNoExtensionNetwork(undefined, { browser: "firefox" });
