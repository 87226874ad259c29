// @ts-check
// The facts of a tab that the core's page report reads (events/page_report.rs), gathered from storage and
// the browser: the worker for a page's report, the popup to describe a tab. Nothing is decided here.
import { api } from "./browser.js";
import * as permissions from "./permissions.js";
import * as store from "./store.js";
import { teamContext } from "./team.js";

/**
 * The bookmarks whose URL is exactly one of `urls` (the tab's noted navigations and its page): the core
 * picks the one the tab was opened from.
 * @param {unknown[]} urls
 * @returns {Promise<{id: string, title: string, url: string}[]>}
 */
async function bookmarksAt(urls) {
  const distinct = [...new Set(urls.filter((url) => typeof url === "string"))];
  const found = await Promise.all(distinct.map((url) => api.bookmarks.search({ url }).catch(() => [])));
  return found.flat().flatMap(({ id, title, url }) => (url ? [{ id, title: title ?? "", url }] : []));
}

/**
 * The page report's facts about the tab whose stored state is `state`.
 * @param {Record<string, any>} state the tab's stored state (store.js `tabState`)
 * @param {{url: string|null, fromPage: boolean, userInfo?: string|null}} page the tab's URL (from the
 *   browser), and whether the page itself reports with its `aws-userInfo` cookie
 */
export async function pageFacts(state, { url, fromPage, userInfo = null }) {
  const [{ known, noticeOn }, team, bookmarksAllowed] = await Promise.all([
    store.pageSettings(),
    // The organisation's accounts and the person's own (team.js: read once, kept until they change).
    teamContext(),
    permissions.has("bookmarks"),
  ]);
  const allowed = bookmarksAllowed && api.bookmarks !== undefined;
  const navigations = Array.isArray(state.navigations) ? state.navigations : [];
  const bookmarks = allowed ? await bookmarksAt([...navigations.map((n) => n?.url), url]) : [];
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
