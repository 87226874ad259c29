// @ts-check
// Sign-in Guard's background worker. It asks the wasm core about every AWS page a content script
// reports, sets the toolbar badge, remembers accounts, and serves the omnibox, the context menu and the
// optional features: bookmark protection (bookmarks and webNavigation: notices bookmarks of sign-in
// redirects) and lookalike protection (webNavigation). Every listener is registered in the first turn
// (the worker is stopped when idle and woken by these events); each waits for the core inside.
import { api, omniboxUsesXml } from "./lib/browser.js";
import {
  Launcher,
  bookmarkChange,
  bookmarkOffered,
  linkCanonical,
  lookalikeNavigation,
  noteNavigation as noteNavigationCore,
  noticeWords,
  pageReport,
  ready,
  regionMove,
  wakeReady,
} from "./lib/core.js";
import { clearGlobalBadge, showBadge, DEFAULT_TITLE } from "./lib/badge.js";
import { fixBookmark, undoFix } from "./lib/bookmark-fix.js";
import { copyFromExtension } from "./lib/extension-copy.js";
import { AWS_URL_FILTERS } from "./lib/aws-sites.js";
import { keepLookalikeProtection } from "./lib/features.js";
import { styled } from "./lib/notice-style.js";
import * as permissions from "./lib/permissions.js";
import * as store from "./lib/store.js";
import { watchSiteAccess } from "./lib/site-access.js";
import { fromContentScript, noticeMessage } from "./lib/messages.js";
import { bookmarkIdsAt, pageFacts } from "./lib/tab-facts.js";
import { followManagedStorage, teamContext, teamOmnibox } from "./lib/team.js";
import { fill, sentence, wordsOf } from "./lib/words.js";

/** The AWS sign-in, console and portal hosts: the manifest's host permissions, the one list of them. */
const AWS_HOSTS = api.runtime.getManifest().host_permissions;
const MENU_COPY = "copy-canonical";
const WARNING_PAGE = api.runtime.getURL("warning.html");

const logError = (error) => console.error("Sign-in Guard:", error);

/** The steps of a wake already marked (see `markOnce`). */
const marked = new Set();

/** Whether lookalike protection is chosen (a promise, read once per wake; see `lookalikeChoice`). */
let lookalikeOn = null;

// Listeners: all registered now, in the first turn ------------------------------------------------

api.runtime.onMessage.addListener(onMessage);
api.runtime.onInstalled.addListener((details) => {
  createMenus().catch(logError);
  keepLookalikeProtection(details).catch(logError);
  store.forgetOldFixJournal().catch(logError);
});
api.contextMenus.onClicked.addListener((info, tab) => void menuClicked(info, tab).catch(logError));
api.omnibox.onInputChanged.addListener((text, suggest) => void omniboxChanged(text, suggest).catch(logError));
api.omnibox.onInputEntered.addListener((text, how) => void omniboxEntered(text, how).catch(logError));
api.permissions.onAdded.addListener(registerOptionalListeners);
registerOptionalListeners();
store.onLookalikeProtectionChange(followLookalikeChoice);
// Lost access to the AWS sites (Firefox lets people withhold it): a badge that leads to the popup.
watchSiteAccess();
// The organisation's team configuration (enterprise policy): read now, then follow Chrome's changes (team.js).
followManagedStorage();
// What the first page report will read, read now: it is done by the time the report's message arrives.
store.readAhead();
void teamContext().catch(logError);
markOnce("listeners-registered");
wakeReady.then(() => markOnce("core-ready"), logError);

/**
 * Marks the first time of a step after a wake (`performance.mark`, from the worker's start), for
 * bench/sw-wake.mjs: where a wake's time goes. Each step once, so the timeline does not grow.
 */
function markOnce(step) {
  if (marked.has(step)) return;
  marked.add(step);
  performance.mark(`signin-guard:${step}`);
}

/**
 * Bookmark and navigation listeners exist only once their optional permission is granted. The lookalike
 * listeners see every site's navigations, so they are registered now (a navigation that woke the worker
 * for them must find them) and removed again once the stored choice says the protection is off: then the
 * browser no longer wakes the worker for every page.
 */
function registerOptionalListeners() {
  if (api.bookmarks && !api.bookmarks.onCreated.hasListener(onBookmarkCreated)) {
    api.bookmarks.onCreated.addListener(onBookmarkCreated);
    api.bookmarks.onChanged.addListener(onBookmarkChanged);
  }
  const navigation = api.webNavigation;
  if (navigation && !navigation.onBeforeNavigate.hasListener(onAwsNavigation)) {
    navigation.onBeforeNavigate.addListener(onAwsNavigation, { url: AWS_URL_FILTERS });
    navigation.onCommitted.addListener(onAwsCommit, { url: AWS_URL_FILTERS });
    setLookalikeListeners(true);
    // The latest choice once read (a change may have come meanwhile).
    lookalikeChoice()
      .then(() => lookalikeOn)
      .then(setLookalikeListeners, logError);
  }
}

// The first URL of each navigation to an AWS host (with the optional webNavigation permission) --------

/**
 * Notes where the tab's navigation started (a server redirect starts no new navigation, so this is the
 * URL the bookmark or link held): redacted by the core, with the bookmarks at that URL, which the redacted
 * one cannot find later. The core follows the noted navigations when the page asks (store.js).
 */
function onAwsNavigation({ tabId, frameId, url }) {
  if (tabId < 0 || frameId !== 0) return;
  noteTabNavigation(tabId, { url });
}

/** Notes how the navigation was started (a bookmark, a link…), once known; the core reads it (navigation_flow.rs). */
function onAwsCommit({ tabId, frameId, url, transitionType, transitionQualifiers = [] }) {
  if (tabId < 0 || frameId !== 0) return;
  noteTabNavigation(tabId, { url, committed: true, transition_type: transitionType ?? null, transition_qualifiers: transitionQualifiers });
}

/** @param {number} tabId @param {{url: string} & Record<string, unknown>} event */
function noteTabNavigation(tabId, event) {
  const noted = async () => {
    const [bookmarkIds] = await Promise.all([bookmarkIdsAt(event.url), wakeReady]);
    return noteNavigationCore({ ...event, bookmark_ids: bookmarkIds });
  };
  store.noteNavigation(tabId, noted).catch(logError);
}

// Messages from the content script -----------------------------------------------------------------

/** @typedef {(message: any, tabId: number, url: string) => any} Handler */
/** @type {Map<string, Handler>} */
const HANDLERS = new Map(/** @type {[string, Handler][]} */ ([
  ["page", onPage],
  ["fix", ({ id }, tabId) => offeredOnly(tabId, id, () => fix(id, tabId))],
  ["undo", ({ id }, tabId) => offeredOnly(tabId, id, () => undoFix(id))],
  ["dismiss", (_message, tabId) => store.updateTabState(tabId, (state) => ({ ...state, dismissed: true }))],
  ["open-options", () => api.runtime.openOptionsPage()],
]));

/**
 * Answers this extension's content scripts, from a tab's top frame only (extension pages call the core
 * themselves); the page's URL is the browser's (lib/messages.js). Anything else gets no answer.
 */
function onMessage(message, sender, sendResponse) {
  const trusted = fromContentScript(message, sender, api.runtime.id);
  if (!trusted) return false;
  const handler = HANDLERS.get(trusted.message.type);
  markOnce("message");
  wakeReady
    .then(() => handler(trusted.message, trusted.tabId, trusted.url))
    .then((reply) => {
      markOnce("answer");
      sendResponse(reply);
    }, (error) => {
      logError(error);
      sendResponse({ ok: false, message: error.message });
    });
  return true;
}

/** Fix and Undo only for a bookmark the tab's notice offered (the core keeps the offered ids). */
async function offeredOnly(tabId, id, act) {
  if (!bookmarkOffered(await store.tabState(tabId), id)) {
    return { ok: false, message: noticeWords().not_offered };
  }
  return act();
}

/**
 * After a role link from the popup's Accounts section (launcher.js): once the switch lands the tab on the
 * console, moves it to the region chosen (the core decides, `regionMove`), once, and the page it lands on
 * says so. Given the tab's pending `move` and the notice of a move just made (`moved`), returns the reply to
 * the page, or null to describe the page as usual.
 */
async function regionMoveStep(tabId, url, { move, moved }) {
  if (moved) {
    await store.clearRegionMoved(tabId);
    return { notice: styled({ ...moved, canonical: null, fix: null, settings: false }) };
  }
  if (!move) return null;
  await ready;
  const answer = regionMove(url, move);
  if (answer.action === "wait") return null;
  await store.clearRegionMove(tabId);
  if (answer.action !== "move") return null;
  await store.setRegionMoved(tabId, answer.notice);
  await api.tabs.update(tabId, { url: answer.url });
  return { notice: null };
}

/**
 * `{type: "page", userInfo}` → `{notice}`: one page report of the core (events/page_report.rs) gives the
 * notice, the badge, the accounts to remember and the tab's state to store. The badge and the known
 * accounts are written after the answer has gone, so the notice shows sooner.
 */
async function onPage({ userInfo = null }, tabId, url) {
  const reportStep = async (state) => {
    const answer = await pageReport(await pageFacts(state, { url, fromPage: true, userInfo }));
    return { state: answer.state, answer };
  };
  // The tab's state and its region move come in one read; a tab with a move pending (rare) is reported after it.
  let report = await store.pageStep(tabId, (state, region) =>
    region.move || region.moved ? { state: null, answer: { region } } : reportStep(state),
  );
  if (report.region) {
    const moved = await regionMoveStep(tabId, url, report.region);
    if (moved) return moved;
    report = await store.tabStep(tabId, reportStep);
  }
  const done = report;
  setTimeout(() => afterPage(tabId, done).catch(logError));
  return { notice: styled(done.notice) };
}

async function afterPage(tabId, { badge, alarming, remember, known_unreadable: unreadable }) {
  await showBadge(badge, { tabId, alarming });
  if (unreadable) await store.replaceUnreadableKnown(unreadable);
  if (remember) await store.setKnownAccounts(remember);
}

/** "Fix this bookmark" from the notice; once fixed, the tab's redirect warning is done with. */
async function fix(id, tabId) {
  if (!(await permissions.has("bookmarks"))) {
    return { ok: false, message: noticeWords().needs_bookmarks };
  }
  const result = await fixBookmark(id);
  if (!result.ok) return result;
  await store.updateTabState(tabId, (state) => ({ ...state, dismissed: true }));
  if (!(await store.bookmarkWarning())) await clearGlobalBadge();
  return result;
}

// Bookmarks (with the optional permission) ------------------------------------------------------------

/** Bookmark events are checked one after another, in the order they came (an import brings thousands). */
let bookmarkChecks = Promise.resolve();

function onBookmarkCreated(id, node) {
  queueBookmarkCheck({ id, parent_id: node.parentId ?? null, url: node.url, title: node.title });
}

function onBookmarkChanged(id, change) {
  if (change.url) queueBookmarkCheck({ id, url: change.url, title: change.title });
}

function queueBookmarkCheck(change) {
  bookmarkChecks = bookmarkChecks.then(() => wakeReady).then(() => checkBookmark(change)).catch(logError);
}

/**
 * A bookmark saved with an unsafe URL: a pending warning, the global badge, and the notice in the active
 * tab if it can; not for a change the extension made itself and announced (an Undo, store.js
 * `expectBookmarkChanges`). The core decides all of it (events/bookmark_change.rs).
 */
async function checkBookmark({ id, parent_id, url, title }) {
  if (!url) return;
  const [[tab], known, expected, noticeOn] = await Promise.all([
    api.tabs.query({ active: true, lastFocusedWindow: true }),
    store.knownAccounts(),
    store.expectedChanges(),
    store.noticeEnabled(),
  ]);
  const tabId = tab?.id;
  const offered = tabId === undefined ? null : ((await store.tabState(tabId)).offered ?? []);
  const change = await bookmarkChange({
    id, parent_id, url, title, known, expected, notice_on: noticeOn, now_ms: Date.now(), active_tab_offered: offered,
  });
  if (change.expected) await store.setExpectedChanges(change.expected);
  if (!change.warning) return;
  await store.setBookmarkWarning(change.warning);
  await showBadge(change.badge, { alarming: true });
  if (tabId === undefined || !change.notice) return;
  if (change.active_tab_offered) {
    await store.updateTabState(tabId, (state) => ({ ...state, offered: change.active_tab_offered }));
  }
  // Only AWS pages run the content script; elsewhere the popup shows the warning.
  await api.tabs.sendMessage(tabId, noticeMessage(styled(change.notice))).catch(() => {});
}

// Lookalike protection (with the optional webNavigation permission, when switched on) ------------------

/** The stored choice, read once per wake and then followed (`store.onLookalikeProtectionChange`). */
function lookalikeChoice() {
  lookalikeOn ??= store.lookalikeProtection().then((on) => on === true);
  return lookalikeOn;
}

/** The choice changed (on the settings page): follow it. */
function followLookalikeChoice(on) {
  lookalikeOn = Promise.resolve(on);
  setLookalikeListeners(on);
}

/** Adds or removes the lookalike listeners (removed, the browser stops waking the worker for them). */
function setLookalikeListeners(on) {
  const navigation = api.webNavigation;
  if (!navigation) return;
  for (const [event, listener] of [[navigation.onBeforeNavigate, onBeforeNavigate], [navigation.onCommitted, onCommitted]]) {
    if (on && !event.hasListener(listener)) event.addListener(listener);
    if (!on) event.removeListener(listener);
  }
}

// Every frame is judged: a lookalike sub-frame (a phishing login in an iframe) stops the tab too.
function onBeforeNavigate(details) {
  wakeReady.then(() => checkLookalike(details, false)).catch(logError);
}

function onCommitted(details) {
  wakeReady.then(() => checkLookalike(details, true)).catch(logError);
}

/**
 * Sends a tab headed for a lookalike to the warning page, unless the person chose to continue to that
 * host in this tab; the core decides (events/lookalike.rs).
 */
async function checkLookalike({ tabId, frameId, url }, committed) {
  if (tabId < 0 || !(await lookalikeChoice())) return;
  const blocked = await store.tabStep(tabId, async (state) => {
    const answer = await lookalikeNavigation({ url, frame_id: frameId, committed, warning_page: WARNING_PAGE, state });
    return { state: answer.state, answer: answer.action === "block" };
  });
  if (blocked) await api.tabs.update(tabId, { url: WARNING_PAGE });
}

// Context menu: "Copy canonical AWS sign-in URL" on links ------------------------------------------

async function createMenus() {
  await Promise.all([api.contextMenus.removeAll(), ready]);
  api.contextMenus.create({
    id: MENU_COPY,
    title: wordsOf("worker").menu_copy,
    contexts: ["link"],
    targetUrlPatterns: AWS_HOSTS,
  });
}

/** Copies the link's canonical sign-in URL; says what happened in the tab's badge and notice. */
async function menuClicked(info, tab) {
  if (info.menuItemId !== MENU_COPY) return;
  await ready;
  const { url, message } = linkCanonical(info.linkUrl);
  const copied = url !== null && (await copyFromExtension(url));
  const words = wordsOf("worker");
  const notice = copied
    ? { level: "info", headline: words.copied, detail: sentence(message), canonical: url }
    : { level: "warning", headline: url ? words.copy_failed : words.no_canonical, detail: sentence(message), canonical: url };
  if (tab?.id === undefined) return;
  await store.updateTabState(tab.id, (state) => ({ ...state, last_copy: { url, copied, message } }));
  await api.tabs.sendMessage(tab.id, noticeMessage(styled(notice))).catch(() => {});
  await flashBadge(tab.id, copied ? "✓" : "✗", copied ? fill(words.copied_badge, { url }) : sentence(message));
}

async function flashBadge(tabId, text, title) {
  const [oldText, oldTitle] = await Promise.all([
    api.action.getBadgeText({ tabId }),
    api.action.getTitle({ tabId }),
  ]).catch(() => ["", DEFAULT_TITLE]);
  await Promise.all([api.action.setBadgeText({ tabId, text }), api.action.setTitle({ tabId, title })]).catch(() => {});
  setTimeout(() => {
    api.action.setBadgeText({ tabId, text: oldText }).catch(() => {});
    api.action.setTitle({ tabId, title: oldTitle }).catch(() => {});
  }, 2500);
}

// Omnibox: "aws prod eu-west-1" ----------------------------------------------------------------------

/** Chrome reads omnibox descriptions as XML; Firefox as plain text. */
function omniboxText(text) {
  if (!omniboxUsesXml) return text;
  const entities = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
  return [...String(text)].map((c) => entities[c] ?? c).join("");
}

/**
 * The omnibox's answer: with team accounts, the launcher's choices in the popup's order (launcher.js), else
 * the known accounts' completions.
 */
async function omniboxAnswer(text) {
  await ready;
  const [known, team, prefs] = await Promise.all([store.knownAccounts(), teamContext(), store.launcherPrefs()]);
  const launcher = new Launcher(team, known);
  try {
    return launcher.omnibox(text, prefs) ?? teamOmnibox(text, known, team);
  } finally {
    launcher.free();
  }
}

async function omniboxChanged(text, suggest) {
  const result = await omniboxAnswer(text);
  const words = wordsOf("worker");
  const hint = result.error ?? (result.url ? fill(words.omnibox_open, { url: result.url }) : words.omnibox_hint);
  api.omnibox.setDefaultSuggestion({ description: omniboxText(hint) });
  suggest(result.suggestions.map(({ content, description }) => ({ content, description: omniboxText(description) })));
}

async function omniboxEntered(text, disposition) {
  const { url, region_move: move } = await omniboxAnswer(text);
  if (!url) return;
  const newTab = disposition === "newForegroundTab" || disposition === "newBackgroundTab";
  if (!move) {
    if (newTab) await api.tabs.create({ url, active: disposition === "newForegroundTab" });
    else await api.tabs.update({ url });
    return;
  }
  // A role link names no region: as from the popup (launcher.js), the move is stored for the tab before the
  // link opens in it, and the tab moves once the switch lands it on the console (regionMoveStep).
  const tab = newTab
    ? await api.tabs.create({ url: "about:blank", active: disposition === "newForegroundTab" })
    : (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  if (tab?.id === undefined) return;
  await store.setRegionMove(tab.id, move);
  await api.tabs.update(tab.id, { url });
}

// The end-to-end tests reach menuClicked, omniboxChanged and omniboxEntered through a hook that
// their snapshot of the extension adds here (tests/e2e/test-hook.mjs); the shipped worker has none.
