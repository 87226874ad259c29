// "Fix this bookmark" and its Undo: the core picks the replacement URL; the bookmark keeps its title,
// folder and position (`bookmarks.update` changes only the URL). Every fix is journalled first, so
// it can always be undone.
import { api } from "./browser.js";
import { bookmarkFix, redact } from "./core.js";
import * as store from "./store.js";

/**
 * Replaces the URL of bookmark `id` by the core's fix (for account `chosen`, if given).
 * @returns {Promise<{ok: boolean, message: string, replacement?: string}>} (the core must be ready)
 */
export async function fixBookmark(id, chosen = null) {
  const [node] = await api.bookmarks.get(id);
  const fix = bookmarkFix(node.url, await store.knownAccounts(), chosen);
  if (!fix) {
    await store.clearBookmarkWarning(id);
    return { ok: false, message: "This bookmark already opens a sign-in URL that keeps working." };
  }
  const entry = {
    id,
    old_url: node.url,
    new_url: fix.replacement,
    title: node.title,
    parent_id: node.parentId,
    index: node.index,
    time_ms: Date.now(),
  };
  if (!(await store.journalFix(entry))) {
    return { ok: false, message: "The bookmark was not changed: Sign-in Guard could not save the Undo record." };
  }
  await api.bookmarks.update(id, { url: fix.replacement });
  await store.clearBookmarkWarning(id);
  return {
    ok: true,
    replacement: fix.replacement,
    reason: fix.reason,
    message: `Fixed: “${redact(node.title)}” now opens ${fix.replacement}.`,
  };
}

/** Restores the URL bookmark `id` had before its latest fix (recreating it if it was deleted). */
export async function undoFix(id) {
  const entry = await store.lastFix(id);
  if (!entry) return { ok: false, message: "There is no fix of this bookmark to undo." };
  // The old URL comes back on purpose: the worker's new-bookmark warning is not for it.
  await store.expectBookmarkChange(id, entry.old_url);
  const restored = await api.bookmarks.update(id, { url: entry.old_url }).catch(() => null);
  if (!restored) {
    await store.expectBookmarkChanges([{ parent_id: entry.parent_id, url: entry.old_url }]);
    await api.bookmarks.create({
      parentId: entry.parent_id,
      index: entry.index,
      title: entry.title,
      url: entry.old_url,
    });
  }
  await store.dropFix(entry);
  return { ok: true, message: `Undone: “${redact(entry.title)}” opens its old address again.` };
}
