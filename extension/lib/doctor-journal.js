// The bookmark doctor's journal in `storage.local` (never synced): every batch is written here
// BEFORE it is applied, so it can be undone as a batch, also after the browser restarts. The
// core decides how to undo (`planBookmarkUndo`); this module reads and writes, and calls the
// bookmarks API.
//
// Stored under "doctor_journal": newest batch first,
//   [{batch_id, time, entries: [{id, old_url, new_url | null, title, parent_id, index, secret}]}]
// `new_url` null: the batch deleted the bookmark. The core redacts what the journal stores
// (`journalRecord`); a URL or title that held a secret is kept whole only in `storage.session`
// under "doctor_journal_secrets", `{[batch_id]: {[id]: {old_url, title}}}`, which the browser
// empties when it closes: after that, Undo leaves such a bookmark as the batch left it, and says so.
// The notice's and the popup's "Fix this bookmark" is a batch of one here too (bookmark-fix.js).
import { api } from "./browser.js";
import { journalRecord, planBookmarkUndo } from "./core.js";
import * as store from "./store.js";
import { fill, wordsOf } from "./words.js";

const KEY = "doctor_journal";
const SECRETS = "doctor_journal_secrets";

/** The secrets kept for each batch, `{[batch_id]: {[id]: {old_url, title}}}`. */
async function keptSecrets() {
  const value = (await api.storage.session.get(SECRETS))[SECRETS];
  return value && typeof value === "object" ? value : {};
}

/** Keeps only the secrets of batches still in the journal, plus `added` for one batch. */
async function saveSecrets(list, added = null) {
  const all = await keptSecrets();
  if (added) all[added.batch_id] = added.kept;
  const kept = Object.fromEntries(list.filter((b) => all[b.batch_id]).map((b) => [b.batch_id, all[b.batch_id]]));
  await api.storage.session.set({ [SECRETS]: kept });
}
/** Older batches are forgotten (and cannot be undone any more). */
export const MAX_BATCHES = 20;

const isBatch = (batch) =>
  typeof batch?.batch_id === "string" && Number.isFinite(batch.time) && Array.isArray(batch.entries);

/** The journaled batches, newest first. */
export async function batches() {
  const value = (await api.storage.local.get(KEY))[KEY];
  return Array.isArray(value) ? value.filter(isBatch) : [];
}

/** Applies `change(batches) → batches` and saves; resolves to whether it was saved. */
function update(change) {
  return store.serialized(async () => {
    const next = change(await batches()).slice(0, MAX_BATCHES);
    try {
      await api.storage.local.set({ [KEY]: next });
      await saveSecrets(next);
      return true;
    } catch (error) {
      await store.noteProblem({ problem: "journal_not_saved", values: { error: error.message } });
      return false;
    }
  });
}

/** Forgets every batch (they can no longer be undone). */
export const forgetAll = () => update(() => []);

/**
 * Applies the core's planned changes (`[{id, new_url}]`, `new_url` null: delete). Each bookmark
 * is read again first: if one changed since `scanned` (its URL then, by id), nothing is done.
 * The batch is journaled before the first change; only the changes that succeed stay in it.
 * @returns {Promise<{batch: object|null, failed: {id: string, title: string, message: string}[]}>}
 */
export async function applyBatch(changes, scanned) {
  const ids = changes.map((c) => c.id);
  let found;
  try {
    found = ids.length ? await api.bookmarks.get(ids) : [];
  } catch {
    throw new Error(wordsOf("journal").deleted_since);
  }
  const nodes = new Map(found.map((node) => [node.id, node]));
  const changed = ids.find((id) => nodes.get(id)?.url !== scanned.get(id));
  if (changed !== undefined) {
    const title = nodes.get(changed)?.title ?? wordsOf("journal").a_bookmark;
    throw new Error(fill(wordsOf("journal").changed_since, { title }));
  }
  const records = changes.map((change) => {
    const node = nodes.get(change.id);
    return journalRecord({
      id: change.id,
      old_url: node.url,
      new_url: change.new_url ?? null,
      title: node.title ?? "",
      parent_id: node.parentId,
      index: node.index,
    });
  });
  const entries = records.map((r) => r.entry);
  const batch = { batch_id: crypto.randomUUID(), time: Date.now(), entries };
  const kept = Object.fromEntries(records.filter((r) => r.kept).map((r) => [r.entry.id, r.kept]));
  // The secrets first: a batch in the journal can always find what it may bring back.
  const secretsSaved = await saveSecrets([batch, ...(await batches())], { batch_id: batch.batch_id, kept }).then(
    () => true,
    () => false,
  );
  if (!secretsSaved || !(await update((list) => [batch, ...list]))) {
    throw new Error(wordsOf("journal").not_recorded);
  }
  const results = await Promise.allSettled(
    entries.map((e) => (e.new_url === null ? api.bookmarks.remove(e.id) : api.bookmarks.update(e.id, { url: e.new_url }))),
  );
  const applied = entries.filter((_, i) => results[i].status === "fulfilled");
  const failed = entries
    .map((e, i) => ({ id: e.id, title: e.title, message: results[i].reason?.message }))
    .filter((_, i) => results[i].status === "rejected");
  if (failed.length > 0) {
    await update((list) =>
      list.map((b) => (b.batch_id === batch.batch_id ? { ...b, entries: applied } : b)).filter((b) => b.entries.length > 0),
    );
  }
  return { batch: applied.length > 0 ? { ...batch, entries: applied } : null, failed };
}

/** `[{id, url | null}]`: the bookmarks as they are now (null: there is no such bookmark). */
async function currentState(ids) {
  return Promise.all(
    ids.map((id) =>
      api.bookmarks.get(id).then(
        ([node]) => ({ id, url: node?.url ?? null }),
        () => ({ id, url: null }),
      ),
    ),
  );
}

/** Creates a bookmark where it was; if its index no longer exists, at the end of its folder. */
async function recreate(step) {
  const atEnd = { parentId: step.parent_id, title: step.title, url: step.url };
  try {
    return await api.bookmarks.create({ ...atEnd, index: step.index });
  } catch (error) {
    return api.bookmarks.create(atEnd).catch(() => {
      throw error;
    });
  }
}

/**
 * Undoes a journaled batch as the core plans it: old URLs back, deleted bookmarks re-created in
 * place (their new ids replace the old ones in the rest of the journal); bookmarks changed since
 * are left alone. The batch leaves the journal, except entries that failed (to try again).
 * @returns {Promise<{restored: number, skipped: object[], failed: {id: string, title: string, message: string}[]}>}
 */
export async function undoBatch(batchId) {
  const batch = (await batches()).find((b) => b.batch_id === batchId);
  if (!batch) throw new Error(wordsOf("journal").no_batch);
  const kept = (await keptSecrets())[batchId] ?? {};
  const plan = planBookmarkUndo(batch.entries, await currentState(batch.entries.map((e) => e.id)), kept);
  const failed = [];
  const newIds = new Map();
  const updates = plan.steps.filter((s) => s.step === "update");
  const creates = plan.steps.filter((s) => s.step === "create");
  // The old URLs come back on purpose: the worker's new-bookmark warning is not for them.
  await store.expectBookmarkChanges([
    ...updates.map((s) => ({ id: s.id, url: s.url })),
    ...creates.map((s) => ({ parent_id: s.parent_id, url: s.url })),
  ]);
  const results = await Promise.allSettled(updates.map((s) => api.bookmarks.update(s.id, { url: s.url })));
  results.forEach((result, i) => {
    if (result.status === "rejected") failed.push(updates[i].id);
  });
  // In the planned order: each lands where it was once the ones before it are back.
  for (const step of creates) {
    try {
      newIds.set(step.id, (await recreate(step)).id);
    } catch {
      failed.push(step.id);
    }
  }
  const left = batch.entries.filter((e) => failed.includes(e.id));
  await update((list) =>
    list
      .map((b) => (b.batch_id === batchId ? { ...b, entries: left } : b))
      .filter((b) => b.entries.length > 0)
      .map((b) => ({ ...b, entries: b.entries.map((e) => (newIds.has(e.id) ? { ...e, id: newIds.get(e.id) } : e)) })),
  );
  return {
    restored: plan.steps.length - failed.length,
    skipped: plan.skipped,
    failed: left.map((e) => ({ id: e.id, title: e.title, message: wordsOf("journal").not_restored })),
  };
}
