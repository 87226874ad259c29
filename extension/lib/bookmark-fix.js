// "Fix this bookmark" and its Undo, from the notice and the popup: the core picks the replacement URL;
// the bookmark keeps its title, folder and position (`bookmarks.update` changes only the URL). A fix is
// a doctor batch of one (doctor-journal.js): journalled first, with its secrets kept apart, and undone by
// the same planner, which leaves alone a bookmark edited since.
import { api } from "./browser.js";
import { bookmarkFix, ready, redact } from "./core.js";
import { applyBatch, batches, undoBatch } from "./doctor-journal.js";
import * as store from "./store.js";
import { teamContext } from "./team.js";
import { fill, wordsOf } from "./words.js";

/**
 * Replaces the URL of bookmark `id` by the core's fix (for account `chosen`, if given).
 * @returns {Promise<{ok: boolean, message: string, replacement?: string}>}
 */
export async function fixBookmark(id, chosen = null) {
  const [[node]] = await Promise.all([api.bookmarks.get(id), ready]);
  const fix = bookmarkFix(node.url, await store.knownAccounts(), chosen, await teamContext());
  const words = wordsOf("bookmark-fix");
  if (!fix) {
    await store.clearBookmarkWarning(id);
    return { ok: false, message: words.not_needed };
  }
  const { batch, failed } = await applyBatch([{ id, new_url: fix.replacement }], new Map([[id, node.url]]));
  if (!batch) return { ok: false, message: fill(words.not_changed, { why: failed[0]?.message ?? words.refused }) };
  await store.clearBookmarkWarning(id);
  return {
    ok: true,
    replacement: fix.replacement,
    reason: fix.reason,
    message: fill(words.fixed, { title: redact(node.title), url: fix.replacement }),
  };
}

/** Undoes the latest fix of bookmark `id` (recreating it if it was deleted), unless it was edited since. */
export async function undoFix(id) {
  await ready;
  const words = wordsOf("bookmark-fix");
  const batch = (await batches()).find((b) => b.entries.length === 1 && b.entries[0].id === id);
  if (!batch) return { ok: false, message: words.no_undo };
  const result = await undoBatch(batch.batch_id);
  const title = batch.entries[0].title;
  if (result.restored > 0) return { ok: true, message: fill(words.undone, { title }) };
  const why = result.skipped[0]?.message ?? fill(words.not_restored, { title });
  return { ok: false, message: fill(words.not_undone, { why }) };
}
