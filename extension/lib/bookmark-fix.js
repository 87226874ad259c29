// "Fix this bookmark" and its Undo, from the notice and the popup: the core picks the replacement URL;
// the bookmark keeps its title, folder and position (`bookmarks.update` changes only the URL). A fix is
// a doctor batch of one (doctor-journal.js): journalled first, with its secrets kept apart, and undone by
// the same planner, which leaves alone a bookmark edited since.
import { api } from "./browser.js";
import { bookmarkFix, ready, redact } from "./core.js";
import { applyBatch, batches, undoBatch } from "./doctor-journal.js";
import * as store from "./store.js";
import { teamContext } from "./team.js";

/**
 * Replaces the URL of bookmark `id` by the core's fix (for account `chosen`, if given).
 * @returns {Promise<{ok: boolean, message: string, replacement?: string}>}
 */
export async function fixBookmark(id, chosen = null) {
  const [[node]] = await Promise.all([api.bookmarks.get(id), ready]);
  const fix = bookmarkFix(node.url, await store.knownAccounts(), chosen, await teamContext());
  if (!fix) {
    await store.clearBookmarkWarning(id);
    return { ok: false, message: "This bookmark already opens a sign-in URL that keeps working." };
  }
  const { batch, failed } = await applyBatch([{ id, new_url: fix.replacement }], new Map([[id, node.url]]));
  if (!batch) return { ok: false, message: `The bookmark was not changed: ${failed[0]?.message ?? "the browser refused"}.` };
  await store.clearBookmarkWarning(id);
  return {
    ok: true,
    replacement: fix.replacement,
    reason: fix.reason,
    message: `Fixed: “${redact(node.title)}” now opens ${fix.replacement}.`,
  };
}

/** Undoes the latest fix of bookmark `id` (recreating it if it was deleted), unless it was edited since. */
export async function undoFix(id) {
  await ready;
  const batch = (await batches()).find((b) => b.entries.length === 1 && b.entries[0].id === id);
  if (!batch) return { ok: false, message: "There is no fix of this bookmark to undo." };
  const result = await undoBatch(batch.batch_id);
  if (result.restored > 0) {
    return { ok: true, message: `Undone: “${batch.entries[0].title}” opens its old address again.` };
  }
  const why = result.skipped[0]?.message ?? `“${batch.entries[0].title}” could not be restored`;
  return { ok: false, message: `Not undone: ${why}.` };
}
