// End-to-end scenarios of the extension in real headless Chromium (issue 3's list). Each test gets a
// fresh browser and profile; the fixture server plays AWS for real AWS host names (see scenarios.mjs).
//
// How things a person does are driven here:
// - pages open in new tabs (Playwright), the popup as a tab `popup.html?tab=ID` (the DOM contract), the
//   real toolbar popup through DevTools' Extensions.triggerAction (which grants activeTab as a click does);
// - the in-page notice lives in a CLOSED shadow root: it is read and clicked through the DevTools DOM
//   (`pierce: true`) and real mouse clicks at its buttons' coordinates;
// - optional permissions (bookmarks, webNavigation) cannot be accepted headless: they are granted in the
//   profile before the test, as Chromium records a person's "Allow" (chromium.mjs, grantInProfile);
//   lookalike protection, a choice of its own, is then switched on with a real click on the settings page
//   (a request for a permission already granted resolves without a prompt);
// - omnibox and context menu have no UI headless: the tests fire the extension's own registered listeners
//   with the arguments Chromium passes (`chrome.omnibox.onInputEntered.dispatch(text, disposition)`,
//   `chrome.contextMenus.onClicked.dispatch(info, tab)`), and check what the browser then does.

import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { SCREENSHOTS, WAIT, launchChromium, requireBuiltExtension, waitFor } from "./chromium.mjs";
import { POPUP, readPopupInPage } from "./contract.mjs";
import { bookmarkInExtension, bookmarkPlace, createBookmarkAmongOthersInExtension, pageMismatches } from "./expectations.mjs";
import { startFixtureServer } from "./fixture-server.mjs";
import {
  ACCOUNT,
  CANONICAL,
  LINKS,
  MENU_COPY_CANONICAL,
  OMNIBOX,
  PAGES,
  PROTECTED_AWS_PAGES,
  REGION_PICK,
  REGION_SWITCH,
} from "./scenarios.mjs";
import { testNoExtensionNetwork } from "./network-record.mjs";

/** @type {import("./fixture-server.mjs").FixtureServer} */
let server;
/** Browsers still open (a timed-out test leaves its browser here for `after` to close). */
const open = new Set();
/** Per test: generous, for a loaded 2-core machine; a hung test fails instead of blocking the run. */
const LIMIT = { timeout: 240_000 };
/** Bookmark protection's permissions, asked for together (extension/lib/features.js). */
const BOOKMARK_PROTECTION = ["bookmarks", "webNavigation"];

before(async () => {
  await requireBuiltExtension();
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startFixtureServer();
});

after(async () => {
  for (const browser of open) await browser.close().catch(() => {});
  await server?.close();
});

/**
 * Runs `body` with a fresh browser; on failure, adds what the extension logged; always closes it.
 * @param {Parameters<typeof launchChromium>[0]} options
 * @param {(browser: import("./chromium.mjs").ChromiumSession) => Promise<void>} body
 */
async function withBrowser(options, body) {
  const browser = await launchChromium({ server, ...options });
  open.add(browser);
  try {
    await body(browser);
  } catch (error) {
    if (browser.logs.length) error.message += `\n--- extension console ---\n${browser.logs.join("\n")}`;
    throw error;
  } finally {
    open.delete(browser);
    await browser.close();
  }
}

/** Opens the popup for a tab and waits until it has described it. */
async function popupFor(browser, tabId) {
  const popup = await browser.openPopup(tabId);
  await waitForPopup(popup, (state) => state.ready, "the popup to be ready");
  return popup;
}

/** Waits until the popup's state satisfies `accept`; the failure shows the last state. */
async function waitForPopup(popup, accept, what) {
  let last;
  try {
    return await waitFor(
      async () => {
        last = await popup.evaluate(readPopupInPage);
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
async function learnAccount(browser) {
  const opened = await browser.openTab(PAGES.accountSignin.url);
  await browser.waitForNotice(opened.page, (notice) => notice.canonical === CANONICAL);
  await waitFor(
    () => browser.inWorker(async (alias) => JSON.stringify(await chrome.storage.local.get(null)).includes(alias), ACCOUNT.alias),
    { what: `the extension to remember account ${ACCOUNT.alias}` },
  );
  return opened;
}

/** Reads the clipboard from a page (its origin must have been granted clipboard-read). */
function readClipboard(page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

async function clearClipboard(browser, page) {
  const origin = new URL(page.url()).origin;
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  await page.evaluate(() => navigator.clipboard.writeText("(clipboard cleared by the test)"));
}

const bookmark = (browser, id) => browser.inWorker(bookmarkInExtension, id);

/** A folder on the bookmarks bar with three bookmarks, the middle one of `url` (expectations.mjs). */
function createBookmarkAmongOthers(browser, url, title) {
  return browser.inWorker(createBookmarkAmongOthersInExtension, { url, title, parentId: "1" });
}

/** Opens the settings page and waits until it is ready. */
async function openOptions(browser) {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl("options.html"), { timeout: WAIT });
  await page.waitForSelector("body[data-ready=true]", { timeout: WAIT });
  return page;
}

/** Clicks the settings page's lookalike protection switch (its permission granted already) and waits until it is on. */
async function turnOnLookalikeProtection(browser) {
  const options = await openOptions(browser);
  await options.click('[data-testid="lookalike-protection"]');
  await options.waitForFunction(() => /is on\.$/.test(document.getElementById("protection-status").textContent), null, { timeout: WAIT });
  await options.close();
}

// --- Scenarios ------------------------------------------------------------------------------------

test("account sign-in page: the notice and the popup show the canonical URL, and Copy copies it", LIMIT, async () => {
  const scenario = PAGES.accountSignin;
  await withBrowser({}, async (browser) => {
    const { page, tabId } = await browser.openTab(scenario.url);

    const notice = await browser.waitForNotice(page, (n) => n.canonical);
    assert.equal(notice.canonical, scenario.canonical, "notice-canonical");
    assert.equal(notice.level, scenario.notice, "notice level");
    assert.equal(notice.closedShadowRoot, true, "the notice lives in a closed shadow root");
    assert.ok(notice.buttons.includes("notice-copy"), `notice buttons: ${notice.buttons}`);
    assert.equal(
      await page.evaluate(() => document.documentElement.dataset.fixtureScript),
      "ran",
      "the page's own script still runs under its strict CSP",
    );
    await browser.screenshotNotice(page, join(SCREENSHOTS, "notice-account-signin.png"));

    await clearClipboard(browser, page);
    await browser.clickInNotice(page, "notice-copy");
    await waitFor(async () => (await readClipboard(page)) === scenario.canonical, {
      what: `the clipboard to hold ${scenario.canonical} after the notice's Copy`,
    });

    const popup = await popupFor(browser, tabId);
    const shown = await popup.evaluate(readPopupInPage);
    assert.equal(shown.kind, scenario.kind, "popup verdict-kind");
    assert.equal(shown.account, scenario.account, "popup account-label");
    assert.equal(shown.canonical, scenario.canonical, "popup canonical-url");
    assert.deepEqual(shown.warnings, scenario.warnings, "popup warnings");
    await popup.screenshot({ path: join(SCREENSHOTS, "popup-account-signin.png"), fullPage: true });

    // Extension pages have an opaque origin that cannot be granted clipboard-read: the AWS tab reads it.
    await page.bringToFront();
    await clearClipboard(browser, page);
    await popup.bringToFront();
    await popup.click(`[data-testid="${POPUP.copy}"]`);
    await page.bringToFront();
    await waitFor(async () => (await readClipboard(page)) === scenario.canonical, {
      what: `the clipboard to hold ${scenario.canonical} after the popup's Copy`,
    });
  });
});

test("every scenario page (lookalikes aside): the notice and the popup agree with scenarios.mjs", LIMIT, async () => {
  await withBrowser({}, async (browser) => {
    const failures = [];
    for (const [name, scenario] of Object.entries(PAGES).filter(([, page]) => page.kind !== "lookalike")) {
      const { page, tabId } = await browser.openTab(scenario.url);
      const notice =
        scenario.notice === undefined
          ? null
          : await browser
              .waitForNotice(page, (n) => n.level === scenario.notice, { what: `${name}: a ${scenario.notice} notice` })
              .catch((error) => {
                failures.push(error.message);
                return null;
              });
      const popup = await popupFor(browser, tabId);
      const shown = await popup.evaluate(readPopupInPage);
      failures.push(...pageMismatches(name, scenario, { landed: page.url(), notice, popup: shown }));
      await popup.close();
      await page.close();
    }
    assert.deepEqual(failures, [], failures.join("\n"));
  });
});

test("account sign-in page of another partition: the canonical URL is that partition's", LIMIT, async () => {
  const scenario = PAGES.accountSigninChina;
  await withBrowser({}, async (browser) => {
    const { page, tabId } = await browser.openTab(scenario.url);
    const notice = await browser.waitForNotice(page, (n) => n.canonical);
    assert.equal(notice.canonical, scenario.canonical);
    const shown = await (await popupFor(browser, tabId)).evaluate(readPopupInPage);
    assert.equal(shown.kind, scenario.kind);
    assert.equal(shown.canonical, scenario.canonical);
  });
});

test("a bookmark of signin.aws.amazon.com/signin?redirect_uri=… opened: warning; Fix makes it canonical; Undo restores it", LIMIT, async () => {
  const scenario = PAGES.capturedRedirect;
  await withBrowser({ grant: BOOKMARK_PROTECTION }, async (browser) => {
    await learnAccount(browser);
    const saved = await createBookmarkAmongOthers(browser, scenario.url, "AWS console");

    // The bookmark is opened: the browser goes to its URL, which the server redirects.
    const since = server.requests.length;
    const { page, tabId } = await browser.openTab(scenario.url);
    await server.waitForRequest((url) => url === scenario.url, { since, what: "the bookmarked /signin request" });
    await server.waitForRequest((url) => url === scenario.lands, { since, what: "the redirect's regional /oauth request" });
    assert.equal(page.url(), scenario.lands, "the tab landed where AWS redirects");

    const notice = await browser.waitForNotice(page, (n) => n.buttons.includes("notice-fix"), {
      what: "the captured-redirect warning with its Fix button",
    });
    assert.equal(notice.level, scenario.notice, "notice level");
    assert.match(notice.headline, /bookmark/i, "the headline says it is about a bookmark");
    await browser.screenshotNotice(page, join(SCREENSHOTS, "notice-captured-redirect.png"));

    const popup = await popupFor(browser, tabId);
    const shown = await popup.evaluate(readPopupInPage);
    for (const code of scenario.warnings) assert.ok(shown.warnings.includes(code), `popup warnings ${shown.warnings} lack ${code}`);
    await popup.close();

    await browser.clickInNotice(page, "notice-fix");
    const fixed = await waitFor(
      async () => {
        const node = await bookmark(browser, saved.id);
        return node.url === scenario.fix ? node : null;
      },
      { what: `the bookmark's URL to become ${scenario.fix}` },
    );
    assert.deepEqual(bookmarkPlace(fixed), bookmarkPlace(saved), "title, folder and position kept");

    await browser.clickInNotice(page, "notice-undo");
    const restored = await waitFor(
      async () => {
        const node = await bookmark(browser, saved.id).catch(() => null);
        return node?.url === scenario.url ? node : null;
      },
      { what: "Undo to restore the bookmark's URL" },
    );
    assert.deepEqual(bookmarkPlace(restored), bookmarkPlace(saved), "Undo keeps title, folder and position");
  });
});

test("a federation-token bookmark titled with its URL: redacted in the popup, fixed with no token in the journal, Undo keeps a later edit", LIMIT, async () => {
  const TOKEN = "JOURNALTOKEN123";
  const url = `https://signin.aws.amazon.com/federation?Action=login&Issuer=example.org&SigninToken=${TOKEN}`;
  await withBrowser({ grant: BOOKMARK_PROTECTION }, async (browser) => {
    const { tabId } = await learnAccount(browser);
    // A page saved without a title is titled with its URL, token and all.
    const saved = await createBookmarkAmongOthers(browser, url, url);
    let popup = await popupFor(browser, tabId);
    await popup.waitForSelector("#bookmark-warning:not([hidden])", { timeout: WAIT });
    const detail = await popup.textContent("#bookmark-warning-detail");
    assert.match(detail, /SigninToken=\[redacted\]/, detail);
    assert.ok(!(await popup.textContent("body")).includes(TOKEN), "the popup never shows the token");

    await popup.click('[data-testid="bookmark-warning-fix"]');
    const fixed = await waitFor(
      async () => {
        const node = await bookmark(browser, saved.id);
        return node.url !== url ? node : null;
      },
      { what: "the fix to replace the token URL" },
    );
    assert.ok(!fixed.url.includes(TOKEN));
    const status = await popup.textContent("#bookmark-warning-status");
    assert.ok(!status.includes(TOKEN), status);
    // Read back: what lasts (storage.local) holds no token; only the session copy, for Undo, does.
    const stored = await browser.inWorker(async () => ({
      local: JSON.stringify(await chrome.storage.local.get(null)),
      session: JSON.stringify(await chrome.storage.session.get("doctor_journal_secrets")),
    }));
    assert.ok(!stored.local.includes(TOKEN), `storage.local holds the token: ${stored.local}`);
    assert.match(stored.local, /SigninToken=\[redacted\]/, "the journal holds the redacted URL");
    assert.ok(stored.session.includes(TOKEN), "the secret is kept for Undo until the browser closes");

    // The person edits the bookmark after the fix: Undo keeps the edit and says so.
    const edited = "https://myteam.signin.aws.amazon.com/console";
    await browser.inWorker((change) => chrome.bookmarks.update(change.id, { url: change.url }), { id: saved.id, url: edited });
    await popup.click('[data-testid="bookmark-warning-undo"]');
    await waitFor(async () => /changed again since/.test(await popup.textContent("#bookmark-warning-status")), {
      what: "Undo to say the bookmark was changed since",
    });
    assert.equal((await bookmark(browser, saved.id)).url, edited, "Undo kept the later edit");
    await popup.close();
  });
});

test("a captured redirect opened without the bookmarks permission: warning that says what access it needs", LIMIT, async () => {
  const scenario = PAGES.capturedRedirect;
  await withBrowser({}, async (browser) => {
    const { page } = await browser.openTab(scenario.url);
    assert.equal(page.url(), scenario.lands);
    const notice = await browser.waitForNotice(page, (n) => n.level === "warning", { what: "the captured-redirect warning" });
    assert.ok(!notice.buttons.includes("notice-fix"), "no Fix without bookmark access");
    assert.match(notice.detail, /bookmark access/i, "the warning says bookmark access is needed to fix it");
  });
});

test("creating a bookmark of a regional /oauth?… URL: warning", LIMIT, async () => {
  const scenario = PAGES.regionalOauth;
  await withBrowser({ grant: BOOKMARK_PROTECTION }, async (browser) => {
    const { page, tabId } = await learnAccount(browser);
    await page.bringToFront();
    const saved = await browser.inWorker(
      async (url) => chrome.bookmarks.create({ parentId: "1", title: "AWS sign-in (saved mid-flow)", url }),
      scenario.url,
    );

    // The active AWS tab's notice warns at once …
    const notice = await browser.waitForNotice(page, (n) => n.buttons.includes("notice-fix"), {
      what: "the new-bookmark warning in the active AWS tab",
    });
    assert.equal(notice.level, scenario.notice);
    assert.match(notice.headline, /bookmark/i);
    // … the popup shows it too, and the toolbar badge is raised.
    const popup = await popupFor(browser, tabId);
    const warning = await popup.evaluate(() => {
      const box = document.getElementById("bookmark-warning");
      return box && !box.hidden ? box.textContent.replace(/\s+/g, " ").trim() : null;
    });
    assert.ok(warning, "the popup shows the bookmark warning");
    const badge = await browser.inWorker(() => chrome.action.getBadgeText({}));
    assert.notEqual(badge, "", "a global badge is shown");

    await browser.clickInNotice(page, "notice-fix");
    await waitFor(async () => (await bookmark(browser, saved.id)).url === scenario.fix, {
      what: `the new bookmark to be fixed to ${scenario.fix}`,
    });
  });
});

test("region picker: typing “ohio” and Enter opens the us-east-2 sign-in link", LIMIT, async () => {
  await withBrowser({}, async (browser) => {
    const { page, tabId } = await browser.openTab(PAGES[REGION_PICK.from].url);
    const popup = await popupFor(browser, tabId);
    const search = popup.locator(`[data-testid="${POPUP.regionSearch}"]`);
    await search.click();
    await popup.keyboard.type(REGION_PICK.query, { delay: 20 });
    const shown = await waitForPopup(popup, (state) => state.regions[0] === REGION_PICK.code, `${REGION_PICK.code} first`);
    assert.equal(shown.regions[0], REGION_PICK.code);
    const since = server.requests.length;
    await popup.keyboard.press("Enter");
    await server.waitForRequest((url) => url === REGION_PICK.opens, { since, what: `a request for ${REGION_PICK.opens}` });
    await waitFor(() => browser.context.pages().some((p) => p.url() === REGION_PICK.opens), {
      what: `a tab showing ${REGION_PICK.opens}`,
    });
    assert.equal(page.url(), REGION_PICK.opens, "the described tab went to the region's sign-in link");
  });
});

test("switching a console tab's region rewrites its URL", LIMIT, async () => {
  const scenario = PAGES[REGION_SWITCH.from];
  await withBrowser({}, async (browser) => {
    const { page, tabId } = await browser.openTab(scenario.url);
    const popup = await popupFor(browser, tabId);
    const before = await popup.evaluate(readPopupInPage);
    assert.equal(before.kind, scenario.kind);
    assert.equal(before.account, scenario.accountFromCookie, "the account comes from the aws-userInfo cookie");
    assert.equal(before.canonical, scenario.canonical);
    await popup.screenshot({ path: join(SCREENSHOTS, "popup-console.png"), fullPage: true });

    await popup.locator(`[data-testid="${POPUP.regionSearch}"]`).fill(REGION_PICK.query);
    await waitForPopup(popup, (state) => state.regions[0] === REGION_SWITCH.code && state.switchRegion, "the switch button");
    await popup.click(`[data-testid="${POPUP.switchRegion}"]`);
    await page.waitForURL(REGION_SWITCH.becomes, { timeout: WAIT });
  });
});

for (const [name, scenario] of Object.entries(PAGES).filter(([, page]) => page.kind === "lookalike")) {
  test(`lookalike host (${new URL(scenario.url).hostname}) with lookalike protection: prominent warning, no canonical URL`, LIMIT, async () => {
    await withBrowser({ grant: ["webNavigation"] }, async (browser) => {
      await turnOnLookalikeProtection(browser);
      const { page, tabId } = await browser.openTab(null);
      await page.goto(scenario.url, { timeout: WAIT }).catch(() => {}); // the extension stops this navigation
      const warningPage = browser.extensionUrl("warning.html");
      await waitFor(() => page.url() === warningPage, { what: `the tab to show ${warningPage} (it shows ${page.url()})` });
      await page.waitForSelector("body[data-ready=true]", { timeout: WAIT });
      const warning = await page.evaluate(() => ({
        headline: document.querySelector('[data-testid="warning-headline"]')?.textContent.trim(),
        address: document.querySelector('[data-testid="warning-address"]')?.textContent.trim(),
        body: document.body.innerText,
      }));
      assert.equal(warning.address, scenario.url, "the warning names the page it stopped");
      assert.ok(!warning.body.includes(CANONICAL), "no canonical sign-in URL offered on the warning page");
      if (name === "lookalike") await page.screenshot({ path: join(SCREENSHOTS, "warning-lookalike.png") });

      const shown = await (await popupFor(browser, tabId)).evaluate(readPopupInPage);
      assert.equal(shown.kind, scenario.kind, "popup verdict-kind");
      assert.equal(shown.danger, true, "popup danger-panel shown");
      assert.equal(shown.canonical, null, "popup offers no canonical URL");
      for (const code of scenario.warnings) assert.ok(shown.warnings.includes(code), `popup warnings ${shown.warnings} lack ${code}`);
    });
  });
}

test("European Sovereign Cloud pages with lookalike protection on: the notice, never the warning page", LIMIT, async () => {
  await withBrowser({ grant: ["webNavigation"] }, async (browser) => {
    await turnOnLookalikeProtection(browser);
    const failures = [];
    for (const name of PROTECTED_AWS_PAGES) {
      const scenario = PAGES[name];
      const { page, tabId } = await browser.openTab(scenario.url);
      const notice = await browser
        .waitForNotice(page, (n) => n.level === scenario.notice, { what: `${name}: a ${scenario.notice} notice` })
        .catch((error) => {
          failures.push(error.message);
          return null;
        });
      assert.ok(!page.url().startsWith(browser.extensionUrl("")), `${name}: not replaced by the warning page (${page.url()})`);
      const shown = await (await popupFor(browser, tabId)).evaluate(readPopupInPage);
      failures.push(...pageMismatches(name, scenario, { landed: page.url(), notice, popup: shown }));
      assert.equal(shown.danger, false, `${name}: no danger panel in the popup`);
      await page.close();
    }
    assert.deepEqual(failures, [], failures.join("\n"));
  });
});

test("lookalike host without lookalike protection: the toolbar popup warns, with no canonical URL", LIMIT, async () => {
  const scenario = PAGES.lookalike;
  await withBrowser({}, async (browser) => {
    const { page } = await browser.openTab(scenario.url);
    assert.equal(page.url(), scenario.url, "without webNavigation the page opens");
    assert.equal(await browser.hasNotice(page), false, "no content script on a non-AWS host");
    const popup = await browser.clickToolbarButton(page);
    try {
      const shown = await waitForPopup(popup, (state) => state.ready, "the toolbar popup to be ready");
      assert.equal(shown.kind, scenario.kind);
      assert.equal(shown.danger, true, "danger-panel shown");
      assert.equal(shown.canonical, null, "no canonical URL offered");
      await popup.screenshot(join(SCREENSHOTS, "popup-lookalike.png"));
    } finally {
      await popup.close();
    }
  });
});

test("bookmark protection's permissions do not turn lookalike protection on; the settings page keeps them apart", LIMIT, async () => {
  const scenario = PAGES.lookalike;
  await withBrowser({ grant: BOOKMARK_PROTECTION }, async (browser) => {
    const options = await openOptions(browser);
    const switches = () =>
      options.evaluate(() => ({
        bookmarks: document.querySelector('[data-testid="bookmark-protection"]').checked,
        lookalike: document.querySelector('[data-testid="lookalike-protection"]').checked,
        webNavigation: document.querySelector('[data-testid="permission-webNavigation"]').textContent,
      }));
    assert.deepEqual(await switches(), { bookmarks: true, lookalike: false, webNavigation: "Granted" });

    const { page } = await browser.openTab(scenario.url);
    assert.equal(page.url(), scenario.url, "the lookalike page opens: lookalike protection is off");

    // Lookalike protection on, then off again: bookmark protection keeps its webNavigation permission.
    await options.bringToFront();
    await options.click('[data-testid="lookalike-protection"]');
    await options.waitForFunction(() => /is on\.$/.test(document.getElementById("protection-status").textContent), null, { timeout: WAIT });
    await options.click('[data-testid="lookalike-protection"]');
    await options.waitForFunction(() => /is off\.$/.test(document.getElementById("protection-status").textContent), null, { timeout: WAIT });
    assert.deepEqual(await switches(), { bookmarks: true, lookalike: false, webNavigation: "Granted" });
    assert.equal(await browser.inWorker(() => chrome.permissions.contains({ permissions: ["webNavigation"] })), true);
  });
});

test("omnibox: “aws myalias eu-west-1” opens the region-pinned sign-in link; “aws mya” suggests the account", LIMIT, async () => {
  await withBrowser({}, async (browser) => {
    const { page } = await learnAccount(browser);
    await page.bringToFront();

    const suggestions = await browser.inWorker(
      (text) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error("no omnibox suggestions within 20 s")), 20_000);
          chrome.omnibox.onInputChanged.dispatch(text, (list) => {
            clearTimeout(timer);
            resolve(list);
          });
        }),
      OMNIBOX.partial,
    );
    assert.ok(
      suggestions.some((s) => s.content === OMNIBOX.suggests),
      `suggestions for “${OMNIBOX.partial}”: ${JSON.stringify(suggestions)}`,
    );

    const since = server.requests.length;
    await browser.inWorker((text) => chrome.omnibox.onInputEntered.dispatch(text, "currentTab"), OMNIBOX.text);
    await server.waitForRequest((url) => url === OMNIBOX.opens, { since, what: `a request for ${OMNIBOX.opens}` });
    await page.waitForURL(OMNIBOX.opens, { timeout: WAIT });

    const before = browser.context.pages().length;
    await browser.inWorker((text) => chrome.omnibox.onInputEntered.dispatch(text, "newForegroundTab"), OMNIBOX.text);
    const opened = await waitFor(
      () => browser.context.pages().length > before && browser.context.pages().find((p) => p.url() === OMNIBOX.opens && p !== page),
      { what: `a new tab showing ${OMNIBOX.opens}` },
    );
    assert.ok(opened);
  });
});

test("context menu on a link: “Copy canonical AWS sign-in URL” copies the link's canonical URL", LIMIT, async () => {
  await withBrowser({}, async (browser) => {
    const { page, tabId } = await browser.openTab(PAGES.console.url);
    await page.bringToFront();
    await clearClipboard(browser, page);
    for (const link of LINKS) {
      await page.evaluate(() => navigator.clipboard.writeText("(clipboard cleared by the test)"));
      await browser.inWorker(
        async ({ menuItemId, linkUrl, tabId }) => {
          const tab = await chrome.tabs.get(tabId);
          chrome.contextMenus.onClicked.dispatch(
            { menuItemId, linkUrl, pageUrl: tab.url, frameId: 0, editable: false },
            tab,
          );
        },
        { menuItemId: MENU_COPY_CANONICAL, linkUrl: link.url, tabId },
      );
      if (link.canonical) {
        await waitFor(async () => (await readClipboard(page)) === link.canonical, {
          what: `the clipboard to hold ${link.canonical} for ${link.id}`,
        });
        const notice = await browser.waitForNotice(page, (n) => n.canonical === link.canonical);
        assert.equal(notice.level, "info");
      } else {
        const notice = await browser.waitForNotice(page, (n) => n.level === "warning" && !n.canonical, {
          what: `the “no canonical URL” notice for ${link.id}`,
        });
        assert.ok(notice.headline);
        assert.equal(await readClipboard(page), "(clipboard cleared by the test)", "nothing copied");
      }
    }
  });
});

test("context menu copy: a page that blocks the Clipboard API and rewrites copy events cannot change what is copied", LIMIT, async () => {
  await withBrowser({}, async (browser) => {
    // The clipboard is read back in another tab of the same origin: the hostile page may not write it.
    const reader = await browser.openTab(PAGES.console.url);
    await clearClipboard(browser, reader.page);
    const { page, tabId } = await browser.openTab(`${PAGES.console.url}&no-clipboard-api`);
    await page.bringToFront();
    assert.equal(
      await page.evaluate(() => navigator.clipboard.writeText("x").then(() => "written", (error) => error.name)),
      "NotAllowedError",
      "the page really has no Clipboard API",
    );
    await page.evaluate(() =>
      document.addEventListener(
        "copy",
        (event) => {
          event.clipboardData.setData("text/plain", "https://evil.example/rewritten");
          event.preventDefault();
        },
        true,
      ),
    );
    const [link] = LINKS;
    await browser.inWorker(
      async ({ menuItemId, linkUrl, tabId }) => {
        const tab = await chrome.tabs.get(tabId);
        chrome.contextMenus.onClicked.dispatch({ menuItemId, linkUrl, pageUrl: tab.url, frameId: 0, editable: false }, tab);
      },
      { menuItemId: MENU_COPY_CANONICAL, linkUrl: link.url, tabId },
    );
    const notice = await browser.waitForNotice(page, (n) => n.canonical === link.canonical);
    assert.equal(notice.level, "info", "the extension says it copied");
    await reader.page.bringToFront();
    // The copy reaches the browser's clipboard from the offscreen document's renderer, the read from the
    // reader's: under load the read may come first, so it is repeated; the page's rewrite must never show.
    const read = [];
    const copied = await waitFor(
      async () => {
        const text = await readClipboard(reader.page);
        read.push(text);
        return text === link.canonical;
      },
      { what: "the clipboard to hold what the extension copied" },
    ).catch(() => false);
    assert.ok(copied, `the clipboard never held ${link.canonical}; it read: ${[...new Set(read)].join(", ")}`);
    assert.ok(!read.includes("https://evil.example/rewritten"), `the page's copy event changed the clipboard: ${read.join(", ")}`);
  });
});

test("the service worker is stopped and woken by an event, and still answers correctly", LIMIT, async () => {
  const scenario = PAGES.accountSignin;
  await withBrowser({}, async (browser) => {
    const { page, tabId } = await learnAccount(browser);

    for (let round = 1; round <= 2; round += 1) {
      const states = await browser.stopServiceWorker();
      assert.equal(states.at(-1), "stopped", `round ${round}: worker states ${states.join(" → ")}`);
      assert.equal(await browser.workerRunning(), false, `round ${round}: the worker is not running`);

      // An event wakes it: the page loads again, its content script asks the worker.
      await page.reload();
      await browser.waitForWorkerRunning();
      const notice = await browser.waitForNotice(page, (n) => n.canonical, { what: `round ${round}: the notice after the wake` });
      assert.equal(notice.canonical, scenario.canonical, `round ${round}: the woken worker's answer`);
    }

    // What it learnt before the stops is still there.
    const shown = await (await popupFor(browser, tabId)).evaluate(readPopupInPage);
    assert.equal(shown.account, scenario.account);
    assert.equal(shown.canonical, scenario.canonical);
  });
});

testNoExtensionNetwork();
