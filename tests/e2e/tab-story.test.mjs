// The tab's story end to end in headless Chromium (issue 13's items of the worker's messages, session
// storage and lookalike protection): what the worker stores after a federation-token navigation holds no
// token; a forged message (from a sub-frame, another extension, or for a bookmark the tab was not offered)
// is refused; "Continue anyway" on one lookalike host does not allow another.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { WAIT, launchChromium, requireBuiltExtension, waitFor } from "./chromium.mjs";
import { createBookmarkAmongOthersInExtension, bookmarkInExtension } from "./expectations.mjs";
import { startFixtureServer } from "./fixture-server.mjs";
import { testNoExtensionNetwork } from "./network-record.mjs";
import { ACCOUNT, CANONICAL, FEDERATION, PAGES } from "./scenarios.mjs";

/** @type {import("./fixture-server.mjs").FixtureServer} */
let server;
const open = new Set();
const LIMIT = { timeout: 240_000 };
const BOOKMARK_PROTECTION = ["bookmarks", "webNavigation"];

before(async () => {
  await requireBuiltExtension();
  server = await startFixtureServer();
});

after(async () => {
  for (const browser of open) await browser.close().catch(() => {});
  await server?.close();
});

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

/** Everything the extension keeps, as text: session and local storage. */
const storedText = (browser) =>
  browser.inWorker(async () => JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null)]));

test("after a federation-token navigation, session storage holds no token", LIMIT, async () => {
  await withBrowser({ grant: BOOKMARK_PROTECTION }, async (browser) => {
    const { page } = await browser.openTab(FEDERATION.url);
    assert.equal(page.url(), FEDERATION.lands, "the federation link signs in and lands on the console");
    const notice = await browser.waitForNotice(page, (n) => n.level === "warning", { what: "the federation-link warning" });
    assert.match(notice.headline, /redirect|token/i);
    const stored = await storedText(browser);
    assert.ok(stored.includes("federation"), `the flow's first URL is kept (redacted): ${stored}`);
    assert.ok(!stored.includes(FEDERATION.token), `storage holds the token: ${stored}`);
  });
});

test("a federation-token navigation that loads no page leaves no token in session storage", LIMIT, async () => {
  await withBrowser({ grant: BOOKMARK_PROTECTION }, async (browser) => {
    const { page, tabId } = await browser.openTab(null);
    const url = `${FEDERATION.url}&no-content`;
    // A 204 ends the navigation without a page: no page report uses up what the worker noted.
    await page.goto(url, { timeout: WAIT }).catch(() => {});
    const noted = await waitFor(
      () =>
        browser.inWorker(async (key) => {
          const navigations = (await chrome.storage.session.get(key))[key]?.navigations ?? [];
          return navigations.length ? JSON.stringify(navigations) : null;
        }, `tab:${tabId}`),
      { what: "the worker to note the navigation" },
    );
    assert.ok(noted.includes("/federation"), `the navigation is noted: ${noted}`);
    assert.ok(!noted.includes(FEDERATION.token), `the noted navigation holds the token: ${noted}`);
    const stored = await storedText(browser);
    assert.ok(!stored.includes(FEDERATION.token), `storage holds the token: ${stored}`);
  });
});

test("a closed tab's items are forgotten once another tab's first page reports", LIMIT, async () => {
  await withBrowser({}, async (browser) => {
    const sessionKeys = () => browser.inWorker(async () => Object.keys(await chrome.storage.session.get(null)));
    const closed = await browser.openTab(PAGES.accountSignin.url);
    await browser.waitForNotice(closed.page);
    // A region move the tab never made (closed before its role switch landed) is the tab's too.
    await browser.inWorker((key) => chrome.storage.session.set({ [key]: { region: "eu-west-1" } }), `region_move_${closed.tabId}`);
    const kept = await browser.openTab(PAGES.accountSignin.url);
    await browser.waitForNotice(kept.page);
    const closedItems = [`tab:${closed.tabId}`, `region_move_${closed.tabId}`];
    const before = await sessionKeys();
    for (const key of closedItems) assert.ok(before.includes(key), `${key} is stored while its tab is open: ${before}`);
    await closed.page.close();
    // The worker has no tabs.onRemoved listener (it would wake for every tab closed): the next new tab's first
    // page report forgets the closed tab's items.
    const next = await browser.openTab(PAGES.accountSignin.url);
    await browser.waitForNotice(next.page);
    const after = await waitFor(async () => {
      const keys = await sessionKeys();
      return closedItems.every((key) => !keys.includes(key)) ? keys : null;
    }, { what: `the closed tab's items (${closedItems.join(", ")}) to be forgotten` });
    for (const tabId of [kept.tabId, next.tabId]) {
      assert.ok(after.includes(`tab:${tabId}`), `the open tab ${tabId} keeps its state: ${after}`);
    }
  });
});

test("a page report drops an unreadable stored known account, records it, and keeps the rest", LIMIT, async () => {
  await withBrowser({}, async (browser) => {
    const first = await browser.openTab(PAGES.accountSignin.url);
    await browser.waitForNotice(first.page);
    const stored = {
      version: 1,
      accounts: [
        { alias: 5, last_seen_ms: 2 },
        { account_id: "111122223333", alias: "sandbox", last_seen_ms: 1 },
      ],
    };
    await browser.inWorker((known) => chrome.storage.local.set({ known_accounts: known }), stored);
    const { page } = await browser.openTab(PAGES.accountSignin.url);
    await browser.waitForNotice(page);
    const { known, problems } = await waitFor(
      () =>
        browser.inWorker(async () => {
          const { known_accounts: known } = await chrome.storage.local.get("known_accounts");
          const { storage_problems: problems = [] } = await chrome.storage.session.get("storage_problems");
          return known.accounts.length === 2 && problems.length > 0 ? { known, problems } : null;
        }),
      { what: "the page report to replace the unreadable known accounts and record why" },
    );
    assert.deepEqual(known.accounts.map((a) => a.alias).sort(), [ACCOUNT.alias, "sandbox"], JSON.stringify(known));
    assert.match(problems[0].message, /known account/i, JSON.stringify(problems));
    assert.match(problems[0].message, /accounts\[0\]/, JSON.stringify(problems));
  });
});

/**
 * Dispatches a message to the worker's own listener as Chromium would deliver it from `sender`, and
 * resolves to its answer, or to "no answer" when the worker does not answer within two seconds.
 */
function dispatchInWorker({ message, sender }) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve("no answer"), 2000);
    chrome.runtime.onMessage.dispatch(message, { id: chrome.runtime.id, ...sender }, (reply) => {
      clearTimeout(timer);
      resolve(reply);
    });
  });
}

test("a forged message from a sub-frame, another extension or for a bookmark not offered is refused", LIMIT, async () => {
  const scenario = PAGES.capturedRedirect;
  await withBrowser({ grant: BOOKMARK_PROTECTION }, async (browser) => {
    const learned = await browser.openTab(PAGES.accountSignin.url);
    await browser.waitForNotice(learned.page, (n) => n.canonical === CANONICAL);
    await waitFor(
      () => browser.inWorker(async (alias) => JSON.stringify(await chrome.storage.local.get(null)).includes(alias), ACCOUNT.alias),
      { what: "the account to be known" },
    );
    const saved = await browser.inWorker(createBookmarkAmongOthersInExtension, { url: scenario.url, title: "AWS console", parentId: "1" });
    // Another captured redirect, but not the one this tab came from: never offered to it. (With the same URL
    // either bookmark may be the one offered.)
    const otherUrl = `${scenario.url}&bookmarked=elsewhere`;
    const other = await browser.inWorker(createBookmarkAmongOthersInExtension, { url: otherUrl, title: "Another", parentId: "1" });
    // A new bookmark of a captured redirect is offered to the tab active when the worker checks it: wait for
    // both checks (they run in turn) before the scenario's tab opens, or it could be offered "Another".
    await waitFor(
      () => browser.inWorker(async (id) => (await chrome.storage.local.get("bookmark_warning")).bookmark_warning?.id === id, other.id),
      { what: "the worker to have checked the new bookmarks" },
    );
    const { page, tabId } = await browser.openTab(scenario.url);
    await browser.waitForNotice(page, (n) => n.buttons.includes("notice-fix"), { what: "the warning with its Fix button" });
    const top = { frameId: 0, url: page.url(), tab: { id: tabId, url: page.url() } };
    const send = (message, sender = top) => browser.inWorker(dispatchInWorker, { message, sender });

    const forged = [
      // Another bookmark than the one offered to this tab.
      [{ type: "fix", id: other.id }, top],
      [{ type: "undo", id: other.id }, top],
      // From a sub-frame, or from another extension, even for the offered bookmark.
      [{ type: "fix", id: saved.id }, { ...top, frameId: 3 }],
      [{ type: "fix", id: saved.id }, { ...top, id: "another-extension-id" }],
    ];
    for (const [message, sender] of forged) {
      const reply = await send(message, sender);
      assert.ok(reply === "no answer" || reply?.ok === false, `${JSON.stringify([message, sender])} was answered: ${JSON.stringify(reply)}`);
    }
    for (const [id, url] of [[saved.id, scenario.url], [other.id, otherUrl]]) {
      assert.equal((await browser.inWorker(bookmarkInExtension, id)).url, url, `bookmark ${id} unchanged`);
    }
    // A page report from a sub-frame gets no answer either.
    assert.equal(await send({ type: "page", userInfo: null }, { ...top, frameId: 5 }), "no answer");

    // The offered bookmark, from the tab's top frame: fixed.
    const reply = await send({ type: "fix", id: saved.id });
    assert.equal(reply?.ok, true, JSON.stringify(reply));
    assert.equal((await browser.inWorker(bookmarkInExtension, saved.id)).url, scenario.fix);
  });
});

test("“Continue anyway” on one lookalike host does not allow another, nor a lookalike in a frame, nor one only the parser reads", LIMIT, async () => {
  const [a, b] = [PAGES.lookalikeHyphen, PAGES.lookalike];
  await withBrowser({ grant: ["webNavigation"] }, async (browser) => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl("options.html"), { timeout: WAIT });
    await options.waitForSelector("body[data-ready=true]", { timeout: WAIT });
    await options.click('[data-testid="lookalike-protection"]');
    await options.waitForFunction(() => /is on\.$/.test(document.getElementById("protection-status").textContent), null, { timeout: WAIT });
    const warningPage = browser.extensionUrl("warning.html");

    const { page } = await browser.openTab(null);
    const stopped = async (url) => {
      await page.goto(url, { timeout: WAIT }).catch(() => {});
      await waitFor(() => page.url() === warningPage, { what: `the warning page for ${url} (the tab shows ${page.url()})` });
      await page.waitForSelector("body[data-ready=true]", { timeout: WAIT });
    };
    await stopped(a.url);
    await page.click('[data-testid="warning-continue"]');
    await waitFor(() => page.url() === a.url, { what: `the tab to continue to ${a.url} (it shows ${page.url()})` });
    // Host A again in this tab: allowed.
    await page.goto(a.url, { timeout: WAIT });
    await page.waitForTimeout(500);
    assert.equal(page.url(), a.url, "the allowed host opens again in the same tab");
    // Host B: stopped.
    await stopped(b.url);
    // A lookalike only the parser reads: the wake package leaves it to the extension package, which stops it.
    await stopped(PAGES.lookalikePunycode.url);
    // A page of an allowed host framing host B: the frame stops the tab.
    await page.goto(a.url, { timeout: WAIT });
    await page.evaluate((src) => {
      const frame = document.createElement("iframe");
      frame.src = src;
      document.body.append(frame);
    }, b.url);
    await waitFor(() => page.url() === warningPage, { what: "the warning page for the lookalike frame" });
  });
});

testNoExtensionNetwork();
