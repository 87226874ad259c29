// Sign-in Guard's background worker. It asks the wasm core about every AWS page a content script
// reports, sets the toolbar badge, remembers accounts, and serves the omnibox, the context menu and the
// optional features: bookmark protection (bookmarks and webNavigation: notices bookmarks of sign-in
// redirects) and lookalike protection (webNavigation). Every listener is registered in the first turn
// (the worker is stopped when idle and woken by these events); each waits for the core inside.
import { api, omniboxUsesXml } from "./lib/browser.js";
import {
  bookmarkFix,
  classify,
  linkCanonical,
  pageView,
  parseUserInfo,
  ready,
  redact,
  rememberAccount,
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
import { tabReport } from "./lib/tab-report.js";
import { followManagedStorage, teamContext, teamOmnibox } from "./lib/team.js";
import { bookmarkHeadline, sentence } from "./lib/words.js";

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
api.tabs.onRemoved.addListener((tabId) => void store.forgetTab(tabId));
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
ready.then(() => markOnce("core-ready"), logError);

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
 * URL the bookmark or link held). Nothing else: it runs while the page loads, so it neither waits for
 * the core nor reads the URL; the core reads the noted navigations when the page asks (store.js).
 */
function onAwsNavigation({ tabId, frameId, url, timeStamp }) {
  if (tabId < 0 || frameId !== 0) return;
  store.noteNavigation(tabId, { url, time: timeStamp }).catch(logError);
}

/** Notes how the navigation was started (a bookmark, a link…), once known; the core reads it (navigation_flow.rs). */
function onAwsCommit({ tabId, frameId, url, timeStamp, transitionType, transitionQualifiers = [] }) {
  if (tabId < 0 || frameId !== 0) return;
  const commit = { url, time: timeStamp, transition_type: transitionType ?? null, transition_qualifiers: transitionQualifiers };
  store.noteCommit(tabId, commit).catch(logError);
}

// Messages from the content script -----------------------------------------------------------------

const HANDLERS = new Map([
  ["page", onPage],
  ["fix", ({ id }, tabId) => fix(String(id), tabId)],
  ["undo", ({ id }) => undoFix(String(id))],
  ["dismiss", (_message, tabId) => store.updateTabState(tabId, (state) => ({ ...state, dismissed: true }))],
  ["open-options", () => api.runtime.openOptionsPage()],
]);

/** Answers content scripts only (extension pages call the core themselves). */
function onMessage(message, sender, sendResponse) {
  const handler = HANDLERS.get(message?.type);
  const tabId = sender.tab?.id;
  if (!handler || tabId === undefined) return false;
  markOnce("message");
  ready
    .then(() => handler(message, tabId))
    .then((reply) => {
      markOnce("answer");
      sendResponse(reply);
    }, (error) => {
      logError(error);
      sendResponse({ ok: false, message: error.message });
    });
  return true;
}

/**
 * `{type: "page", url, userInfo}` → `{notice}`, from one read of each storage area. The badge and the
 * known accounts are updated after the answer has gone, so the notice shows sooner.
 */
async function onPage(message, tabId) {
  if (typeof message.url !== "string") return { notice: null };
  const userInfo = typeof message.userInfo === "string" ? message.userInfo : null;
  const settings = store.pageSettings();
  const [report, { noticeOn }] = await Promise.all([
    tabReport(tabId, message.url, userInfo, settings.then(({ known }) => known)),
    settings,
  ]);
  setTimeout(() => afterPage(tabId, message.url, userInfo, report).catch(logError));
  return { notice: noticeOn ? styled(noticeFor(report)) : null };
}

async function afterPage(tabId, url, userInfo, { view, redirect, known }) {
  await store.updateTabState(tabId, (state) => ({ ...state, url, user_info: userInfo }));
  const badge = redirect ? pageView(redirect.url, { user_info: null, known }).badge : view.badge;
  const alarming = redirect !== null || (view.notice !== null && view.notice.level !== "info");
  await showBadge(badge, { tabId, alarming });
  // Remember what the page itself says (its URL or the console's cookie), not a guess from known accounts.
  const named = view.verdict.account !== null || (userInfo !== null && parseUserInfo(userInfo) !== null);
  if (named && (view.account_id || view.alias)) {
    await store.updateKnownAccounts((list) =>
      rememberAccount(list, view.account_id, view.alias, view.verdict.region, Date.now()),
    );
  }
}

/**
 * The notice for the content script: the core's, or the captured-redirect warning. Once dismissed in
 * a tab, only warnings and dangers come back (until the next navigation from outside AWS).
 */
function noticeFor({ view, redirect, opened, bookmark, bookmarksAllowed, state }) {
  const arrived = redirect !== null && !state.dismissed;
  const base = arrived
    ? {
        level: "warning",
        headline: bookmark ? bookmarkHeadline(redirect.verdict.kind) : "You arrived through a sign-in redirect",
        detail: redirect.verdict.warnings[0]?.message,
        show_canonical: true,
      }
    : view.notice;
  if (!base || (state.dismissed && base.level === "info")) return null;
  // Without the bookmarks permission the extension cannot look for the bookmark: say so.
  const settings = opened !== null && !bookmarksAllowed;
  const ask = settings ? " To find and fix a bookmark of it, allow bookmark access in the settings." : "";
  return {
    level: base.level,
    headline: base.headline,
    detail: sentence(base.detail) + ask,
    canonical: base.show_canonical && view.canonical ? view.canonical : null,
    fix: bookmark?.fix ? bookmark.id : null,
    settings,
  };
}

/** "Fix this bookmark" from the notice; once fixed, the tab's redirect warning is done with. */
async function fix(id, tabId) {
  if (!(await permissions.has("bookmarks"))) {
    return { ok: false, message: `Sign-in Guard needs bookmark access to ${permissions.PURPOSE.bookmarks}.` };
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
  bookmarkChecks = bookmarkChecks.then(() => ready).then(() => checkBookmark(change)).catch(logError);
}

/**
 * A bookmark saved with an unsafe URL: a pending warning, the global badge, and the notice if it can;
 * not for a change the extension made itself and announced (an Undo, store.js `expectBookmarkChanges`).
 */
async function checkBookmark({ id, parent_id, url, title: asSaved }) {
  if (!url) return;
  // A page saved without a title is titled with its URL, secret and all.
  const title = redact(asSaved ?? "");
  const verdict = classify(url);
  if (verdict.bookmark_safe !== false || (await store.isExpectedBookmarkChange({ id, parent_id, url }))) return;
  const known = await store.knownAccounts();
  const headline = bookmarkHeadline(verdict.kind, { created: true });
  const message = sentence(verdict.warnings[0]?.message);
  await store.setBookmarkWarning({ id, title, kind: verdict.kind, input: verdict.input, headline, message, time_ms: Date.now() });
  await showBadge(pageView(url, { user_info: null, known }).badge, { alarming: true });
  const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined || !(await store.noticeEnabled())) return;
  const fixable = bookmarkFix(url, known, null) !== null;
  const notice = { level: "warning", headline, detail: `“${title}”: ${message}`, canonical: null, fix: fixable ? id : null };
  // Only AWS pages run the content script; elsewhere the popup shows the warning.
  await api.tabs.sendMessage(tab.id, { type: "notice", notice: styled(notice) }).catch(() => {});
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

function onBeforeNavigate(details) {
  if (details.frameId === 0) ready.then(() => checkLookalike(details, false)).catch(logError);
}

function onCommitted(details) {
  if (details.frameId === 0) ready.then(() => checkLookalike(details, true)).catch(logError);
}

/** Sends a tab headed for a lookalike to the warning page, unless the person chose to continue. */
async function checkLookalike({ tabId, url }, committed) {
  if (tabId < 0 || url === WARNING_PAGE || !(await lookalikeChoice())) return;
  const lookalike = classify(url).kind === "lookalike";
  const state = await store.tabState(tabId);
  if (!lookalike) {
    // The tab left the lookalike: the next one is stopped again.
    if (committed && (state.allowed || state.blocked)) {
      await store.updateTabState(tabId, (s) => ({ ...s, allowed: false, blocked: null }));
    }
    return;
  }
  if (state.allowed) return;
  await store.updateTabState(tabId, (s) => ({ ...s, blocked: { url, committed } }));
  await api.tabs.update(tabId, { url: WARNING_PAGE });
}

// Context menu: "Copy canonical AWS sign-in URL" on links ------------------------------------------

async function createMenus() {
  await api.contextMenus.removeAll();
  api.contextMenus.create({
    id: MENU_COPY,
    title: "Copy canonical AWS sign-in URL",
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
  const notice = copied
    ? { level: "info", headline: "Copied the canonical sign-in URL", detail: sentence(message), canonical: url }
    : { level: "warning", headline: url ? "Could not copy to the clipboard" : "No canonical sign-in URL", detail: sentence(message), canonical: url };
  if (tab?.id === undefined) return;
  await store.updateTabState(tab.id, (state) => ({ ...state, last_copy: { url, copied, message } }));
  await api.tabs.sendMessage(tab.id, { type: "notice", notice: styled(notice) }).catch(() => {});
  await flashBadge(tab.id, copied ? "✓" : "✗", copied ? `Copied ${url}` : sentence(message));
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
  return String(text).replace(/[&<>"']/g, (c) => entities[c]);
}

async function omniboxChanged(text, suggest) {
  await ready;
  const result = teamOmnibox(text, await store.knownAccounts(), await teamContext());
  const hint = result.error ?? (result.url ? `Open ${result.url}` : "Type an account and a region, e.g. prod eu-west-1");
  api.omnibox.setDefaultSuggestion({ description: omniboxText(hint) });
  suggest(result.suggestions.map(({ content, description }) => ({ content, description: omniboxText(description) })));
}

async function omniboxEntered(text, disposition) {
  await ready;
  const { url } = teamOmnibox(text, await store.knownAccounts(), await teamContext());
  if (!url) return;
  if (disposition === "newForegroundTab") await api.tabs.create({ url });
  else if (disposition === "newBackgroundTab") await api.tabs.create({ url, active: false });
  else await api.tabs.update({ url });
}

// The end-to-end tests reach menuClicked, omniboxChanged and omniboxEntered through a hook that
// their snapshot of the extension adds here (tests/e2e/test-hook.mjs); the shipped worker has none.
