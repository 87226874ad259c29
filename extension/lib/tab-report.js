// What the extension knows about one tab, for the worker, the popup and the notice alike: the core's
// page view of its URL, and whether the navigation that led here started at a URL that is unsafe to
// bookmark (a captured sign-in redirect or a federation token), with the bookmark that holds it.
import { api } from "./browser.js";
import { bookmarkFix, classify, pageView } from "./core.js";
import * as permissions from "./permissions.js";
import * as store from "./store.js";
import { teamContext } from "./team.js";

/**
 * @param {number} tabId
 * @param {string} url the tab's URL
 * @param {string|null} [userInfo] the page's raw `aws-userInfo` cookie; omitted: the one last seen in the tab
 * @param {object|Promise<object>} [knownAccounts] the known accounts, if the caller reads them anyway
 * @returns {Promise<{view, redirect: {url, verdict}|null, opened: string|null,
 *   bookmark: {id, title, fix}|null, bookmarksAllowed: boolean|null, known, state}>} where `opened` is the
 *   unsafe URL this navigation started at, if any, and `bookmarksAllowed` is asked only then (else null)
 *   (the core must be ready)
 */
export async function tabReport(tabId, url, userInfo, knownAccounts = store.knownAccounts()) {
  const [known, state, team] = await Promise.all([
    knownAccounts,
    // After any pending write of this context (the navigation's first URL may still be on its way).
    store.serialized(() => store.tabState(tabId)),
    // The organisation's accounts and the person's own (team.js: read once, kept until they change).
    teamContext(),
  ]);
  const user_info = userInfo === undefined ? (state.user_info ?? null) : userInfo;
  const view = pageView(url, { user_info, known, team });
  const first = state.flow?.first_url;
  const origin = first && first !== url ? classify(first) : null;
  const redirect = origin?.bookmark_safe === false ? { url: first, verdict: origin } : null;
  // The URL a bookmark may hold: where this navigation started, if that is unsafe to bookmark.
  const landedUnsafe = (!first || first === url) && view.verdict.bookmark_safe === false;
  const opened = redirect ? redirect.url : landedUnsafe ? url : null;
  const bookmarksAllowed = opened ? await permissions.has("bookmarks") : null;
  const bookmark = bookmarksAllowed ? await bookmarkOf(opened, known) : null;
  return { view, redirect, opened, bookmark, bookmarksAllowed, known, state };
}

/** The first bookmark whose URL is exactly `url`, with the core's fix for it, or null. */
async function bookmarkOf(url, known) {
  const [node] = await api.bookmarks.search({ url }).catch(() => []);
  if (!node) return null;
  return { id: node.id, title: node.title, fix: bookmarkFix(url, known, null) };
}
