// @ts-check
// The facts of a tab that the core's page report reads (events/page_report.rs), gathered from storage and
// the browser: the worker for a page's report, the popup to describe a tab. Nothing is decided here.
import { api } from "./browser.js";
import * as permissions from "./permissions.js";
import * as store from "./store.js";
import { teamContext } from "./team.js";

/**
 * The bookmarks whose URL is exactly `url` (the tab's page): the core picks the one the tab was opened from.
 * @param {unknown} url
 * @returns {Promise<{id: string, title: string, url: string}[]>}
 */
async function bookmarksAt(url) {
  if (typeof url !== "string") return [];
  return asFound(await api.bookmarks.search({ url }).catch(() => []));
}

/**
 * The bookmarks of `ids` (found at a navigation's URL when it was noted), as they are now; one removed
 * since is left out.
 * @param {string[]} ids
 */
async function bookmarksById(ids) {
  const found = await Promise.all([...new Set(ids)].map((id) => api.bookmarks.get(id).catch(() => [])));
  return asFound(found.flat());
}

/** @param {chrome.bookmarks.BookmarkTreeNode[]} nodes */
const asFound = (nodes) => nodes.flatMap(({ id, title, url }) => (url ? [{ id, title: title ?? "", url }] : []));

/**
 * The ids of the bookmarks at `url`, a navigation's address as the browser reports it, when the extension
 * may read bookmarks (none otherwise): the tab's state keeps only the redacted address (core
 * `noteNavigation`), which finds no bookmark that holds a secret.
 * @param {string} url
 * @returns {Promise<string[]>}
 */
export async function bookmarkIdsAt(url) {
  if (!(await bookmarksReadable())) return [];
  return (await bookmarksAt(url)).map(({ id }) => id);
}

/**
 * Whether the extension may read bookmarks: the permission is asked for only where the bookmarks API exists
 * (without the permission the browser gives the worker none), so a page report of someone who never granted
 * it waits for no round trip to the browser (1–2 ms of a worker wake, bench/sw-wake.mjs).
 * @returns {Promise<boolean>}
 */
async function bookmarksReadable() {
  return api.bookmarks !== undefined && (await permissions.has("bookmarks"));
}

/**
 * The page report's facts about the tab whose stored state is `state`.
 * @param {Record<string, any>} state the tab's stored state (store.js `tabState`)
 * @param {{url: string|null, fromPage: boolean, userInfo?: string|null}} page the tab's URL (from the
 *   browser), and whether the page itself reports with its `aws-userInfo` cookie
 */
export async function pageFacts(state, { url, fromPage, userInfo = null }) {
  const [{ known, noticeOn }, team, allowed] = await Promise.all([
    store.pageSettings(),
    // The organisation's accounts and the person's own (team.js: read once, kept until they change).
    teamContext(),
    bookmarksReadable(),
  ]);
  const navigations = Array.isArray(state.navigations) ? state.navigations : [];
  const noted = navigations.flatMap((n) => (Array.isArray(n?.bookmark_ids) ? n.bookmark_ids : []));
  const bookmarks = allowed ? (await Promise.all([bookmarksAt(url), bookmarksById(noted)])).flat() : [];
  return {
    url: url ?? "",
    from_page: fromPage,
    user_info: userInfo,
    state,
    known,
    team,
    notice_on: noticeOn,
    bookmarks_allowed: allowed,
    bookmarks,
    now_ms: Date.now(),
  };
}
