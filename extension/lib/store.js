// @ts-check
// What the extension keeps: known accounts, preferences and bookmark warnings in `storage.local`
// (never synced), per-tab state in `storage.session`. Each item has its own key, so one unreadable
// item is reset alone; a failed write is reported as a problem for the popup and options page
// instead of being thrown at the person.
import { api } from "./browser.js";
import { expectedBookmarkChanges, loadKnownAccounts } from "./core.js";

const KNOWN = "known_accounts";
const NOTICE = "notice_enabled";
const FAVOURITES = "favourite_regions";
const RECENT = "recent_regions";
const BOOKMARK_WARNING = "bookmark_warning";
const OLD_FIX_JOURNAL = "bookmark_journal";
const PROBLEMS = "storage_problems";
const EXPECTED_CHANGES = "expected_bookmark_changes";
const GLOBAL_WARNING_ICON = "global_warning_icon";
const LOOKALIKE = "lookalike_protection";
const RECENT_LAUNCHES = "recent_launches";
const FAVOURITE_LAUNCHES = "favourite_launches";

const RECENT_MAX = 5;
const PROBLEMS_MAX = 5;

/** @type {Promise<unknown>} */
let queue = Promise.resolve();

/**
 * Runs read-modify-write steps one after another within this context, so none overwrites another.
 * @template T
 * @param {() => T | Promise<T>} step
 * @returns {Promise<T>}
 */
export function serialized(step) {
  const run = queue.then(step);
  queue = run.catch(() => {});
  return run;
}

/** What tells two recorded problems apart: the same one again replaces the first. */
const problemKey = (entry) => JSON.stringify([entry?.message ?? null, entry?.problem ?? null, entry?.values ?? null]);

/**
 * Records a problem for the popup and options page: in session storage (its own quota), then local. A problem
 * is the core's message, or `{problem, values}`: the name of its words (the core's part `problems`, which
 * problems-view.js shows filled with `values`), as the worker may record one before its core is ready.
 * @param {string | {problem: string, values?: Record<string, string>}} problem
 */
export async function noteProblem(problem) {
  const entry = { ...(typeof problem === "string" ? { message: problem } : problem), time_ms: Date.now() };
  const key = problemKey(entry);
  for (const area of ["session", "local"]) {
    try {
      const list = (await api.storage[area].get(PROBLEMS))[PROBLEMS];
      const others = Array.isArray(list) ? list.filter((p) => problemKey(p) !== key) : [];
      await api.storage[area].set({ [PROBLEMS]: [entry, ...others].slice(0, PROBLEMS_MAX) });
    } catch (error) {
      console.error("Sign-in Guard:", key, error);
    }
  }
}

/** The recorded problems, newest first, without duplicates. */
export async function problems() {
  const lists = await Promise.all(
    ["session", "local"].map((area) =>
      api.storage[area].get(PROBLEMS).then((items) => items[PROBLEMS], () => []),
    ),
  );
  const seen = new Map();
  for (const entry of lists.flatMap((list) => (Array.isArray(list) ? list : []))) {
    const known = typeof entry?.message === "string" || typeof entry?.problem === "string";
    if (known && !seen.has(problemKey(entry))) seen.set(problemKey(entry), entry);
  }
  return [...seen.values()].sort((a, b) => b.time_ms - a.time_ms);
}

/** Forgets the recorded problems (the person has read them). */
export async function clearProblems() {
  await Promise.all(["session", "local"].map((area) => api.storage[area].remove(PROBLEMS).catch(() => {})));
}

/** The stored items of `keys` (a key or a list) in one read; `{}` (and a recorded problem) on failure. */
async function readItems(area, keys) {
  try {
    return await api.storage[area].get(keys);
  } catch (error) {
    await noteProblem({ problem: "not_read", values: { error: error.message } });
    return {};
  }
}

const read = async (area, key) => (await readItems(area, key))[key];

/** Saves `items`; on failure records a problem and returns false (nothing else is touched). */
async function write(area, items) {
  if (area === "local") forgetPageItems();
  try {
    await api.storage[area].set(items);
    return true;
  } catch (error) {
    await noteProblem({ problem: `not_saved_${area}`, values: { error: error.message } });
    return false;
  }
}

async function remove(area, key) {
  if (area === "local") forgetPageItems();
  try {
    await api.storage[area].remove(key);
  } catch (error) {
    await noteProblem({ problem: "not_removed", values: { error: error.message } });
  }
}

// Known accounts --------------------------------------------------------------------------------

/** The known accounts; unreadable data is reset, with the core's message recorded as a problem. */
export async function knownAccounts() {
  return knownFrom(await read("local", KNOWN));
}

/** The known accounts from their stored value (the core must be ready). */
async function knownFrom(stored) {
  const loaded = loadKnownAccounts(stored ?? null);
  if (stored !== undefined) await replaceUnreadableKnown(loaded);
  return loaded.known;
}

/**
 * After the core read the stored known accounts and some were unreadable (`{known, error}`: the readable
 * ones and what was dropped): records the problem and stores the readable ones in their place.
 * @param {{known: object, error: string|null}} loaded
 */
export async function replaceUnreadableKnown({ known, error }) {
  if (!error) return;
  await noteProblem(error);
  await write("local", { [KNOWN]: known });
}

/**
 * What every page report needs: `{known, noticeOn}`, `known` as stored (the page report reads it: its
 * `known_unreadable` says what it dropped) and whether notices are on (see `noticeEnabled`), from one read kept
 * until these items change (`readAhead` starts it when the worker wakes).
 */
export async function pageSettings() {
  const items = await pageItems().catch(() => readItems("local", [KNOWN, NOTICE]));
  return { known: items[KNOWN] ?? null, noticeOn: items[NOTICE] !== false };
}

// The page report's stored items, read ahead -----------------------------------------------------
// The worker starts this read in its first turn, so the first page report after a wake finds it done
// instead of waiting for it. It is read again after any change of `storage.local`: a write here
// forgets it at once, a write by another page through `onChanged`.

let pageItemsRead = null;

function pageItems() {
  pageItemsRead ??= api.storage.local.get([KNOWN, NOTICE]).catch((error) => {
    pageItemsRead = null;
    throw error;
  });
  return pageItemsRead;
}

function forgetPageItems() {
  pageItemsRead = null;
}

(api.storage.local.onChanged ?? api.storage.onChanged).addListener((changes, area) => {
  if ((area === undefined || area === "local") && (KNOWN in changes || NOTICE in changes)) forgetPageItems();
});

/** Starts the reads every page report needs (call it in the worker's first turn; it does not block). */
export function readAhead() {
  pageItems().catch(() => {});
}

/** Saves the known accounts the core worked out (a page report's `remember`). */
export const setKnownAccounts = (known) => serialized(() => write("local", { [KNOWN]: known }));

/** Applies `change(known) → known` to the known accounts and saves the result. */
export function updateKnownAccounts(change) {
  return serialized(async () => {
    const next = change(await knownAccounts());
    await write("local", { [KNOWN]: next });
    return next;
  });
}

// Preferences -----------------------------------------------------------------------------------

/** Whether the in-page notice is shown (on unless turned off). */
export async function noticeEnabled() {
  return (await read("local", NOTICE)) !== false;
}

export function setNoticeEnabled(on) {
  return write("local", { [NOTICE]: Boolean(on) });
}

/** A stored list of region codes; anything else is reset to empty, with the problem `reset_${key}` recorded. */
async function regionList(key) {
  const value = await read("local", key);
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((code) => typeof code === "string")) return value;
  await noteProblem({ problem: `reset_${key}` });
  await write("local", { [key]: [] });
  return [];
}

export const favouriteRegions = () => regionList(FAVOURITES);
export const recentRegions = () => regionList(RECENT);

/** Adds the region to the favourites, or removes it; resolves to whether it is a favourite now. */
export function toggleFavourite(code) {
  return serialized(async () => {
    const list = await favouriteRegions();
    const next = list.includes(code) ? list.filter((c) => c !== code) : [...list, code];
    await write("local", { [FAVOURITES]: next });
    return next.includes(code);
  });
}

/** Puts the region first among the recent ones. */
export function addRecent(code) {
  return serialized(async () => {
    const list = await recentRegions();
    await write("local", { [RECENT]: [code, ...list.filter((c) => c !== code)].slice(0, RECENT_MAX) });
  });
}

export const clearRecent = () => write("local", { [RECENT]: [] });

/** The launcher's choices opened lately (choice keys, `ACCOUNT|ROLE|REGION`), most recent first. */
export const recentLaunches = () => regionList(RECENT_LAUNCHES);

/** The launcher's choices the person starred (choice keys), in the order starred. */
export const favouriteLaunches = () => regionList(FAVOURITE_LAUNCHES);

/** `{favourites, recent}`, what the popup's Accounts section and the omnibox rank the launcher's choices by. */
export async function launcherPrefs() {
  const [favourites, recent] = await Promise.all([favouriteLaunches(), recentLaunches()]);
  return { favourites, recent };
}

/** Stars the launcher's choice `key`, or unstars it. */
export function toggleFavouriteLaunch(key) {
  return serialized(async () => {
    const list = await favouriteLaunches();
    await write("local", { [FAVOURITE_LAUNCHES]: list.includes(key) ? list.filter((k) => k !== key) : [...list, key] });
  });
}

/** `storage.session`, per tab: `{region, account}`, where a role link opened in the tab should land. */
const regionMoveKey = (tabId) => `region_move_${tabId}`;

/** Notes that the tab, once a role switch lands it on the console, should move to `region`. */
export const setRegionMove = (tabId, move) => write("session", { [regionMoveKey(tabId)]: move });

/** Forgets the tab's pending region move (it is made once). */
export const clearRegionMove = (tabId) => api.storage.session.remove(regionMoveKey(tabId));

/** `storage.session`, per tab: the notice the page after a region move shows. */
const regionMovedKey = (tabId) => `region_moved_${tabId}`;

/** Keeps the notice to show on the page the move lands on. */
export const setRegionMoved = (tabId, notice) => write("session", { [regionMovedKey(tabId)]: notice });

/** Forgets the move's notice (shown once). */
export const clearRegionMoved = (tabId) => api.storage.session.remove(regionMovedKey(tabId));

/** Puts the launcher's choice first among the recent ones. */
export function addRecentLaunch(key) {
  return serialized(async () => {
    const list = await recentLaunches();
    await write("local", { [RECENT_LAUNCHES]: [key, ...list.filter((k) => k !== key)].slice(0, RECENT_MAX) });
  });
}

/**
 * Whether lookalike protection is switched on: its own choice, apart from the `webNavigation` permission
 * it needs, which bookmark protection may hold too (features.js). Undefined until the person chooses.
 */
export async function lookalikeProtection() {
  return read("local", LOOKALIKE);
}

export const setLookalikeProtection = (on) => write("local", { [LOOKALIKE]: Boolean(on) });

/** Calls `onChange(on)` when the lookalike protection choice changes (in any of the extension's pages). */
export function onLookalikeProtectionChange(onChange) {
  (api.storage.local.onChanged ?? api.storage.onChanged).addListener((changes, area) => {
    if ((area === undefined || area === "local") && LOOKALIKE in changes) onChange(changes[LOOKALIKE].newValue === true);
  });
}

// Bookmark warnings ----------------------------------------------------------------------------

/** The pending warning about a bookmark just created or edited, or null. */
export async function bookmarkWarning() {
  const value = await read("local", BOOKMARK_WARNING);
  return typeof value?.id === "string" ? value : null;
}

export const setBookmarkWarning = (warning) => write("local", { [BOOKMARK_WARNING]: warning });

/** Removes the pending warning (only if it is about bookmark `id`, when given). */
export function clearBookmarkWarning(id) {
  return serialized(async () => {
    const warning = await bookmarkWarning();
    if (warning && (id === undefined || warning.id === id)) await remove("local", BOOKMARK_WARNING);
  });
}

/**
 * Removes the fix journal of earlier versions, whose entries held old URLs in full (secrets and
 * all); fixes are journalled by the doctor's journal now (doctor-journal.js), secrets kept apart.
 */
export const forgetOldFixJournal = () => remove("local", OLD_FIX_JOURNAL);

/**
 * Announces bookmark changes the extension is about to make, so that its own bookmark listeners raise
 * no warning about them (an Undo puts bad URLs back on purpose): `{id, url}` for an update, `{parent_id,
 * url}` for a bookmark re-created in that folder (its id is not known yet). Written before the changes,
 * redacted by the core (storage keeps no secret; the core matches redacted URLs).
 */
export function expectBookmarkChanges(changes) {
  return serialized(async () => {
    const pending = (await read("session", EXPECTED_CHANGES)) ?? null;
    return write("session", { [EXPECTED_CHANGES]: expectedBookmarkChanges(pending, changes, Date.now()) });
  });
}

export const expectBookmarkChange = (id, url) => expectBookmarkChanges([{ id, url }]);

/** The announced bookmark changes as stored (the core reads them: events/bookmark_change.rs). */
export async function expectedChanges() {
  const list = await read("session", EXPECTED_CHANGES);
  return Array.isArray(list) ? list : [];
}

/** Stores the announced changes the core left (one used up, the expired gone). */
export const setExpectedChanges = (list) => write("session", { [EXPECTED_CHANGES]: list });

// The toolbar ------------------------------------------------------------------------------------

/** Whether the toolbar's global icon is the warning icon (see badge.js); it lasts as long as the session. */
export async function globalWarningIcon() {
  return (await read("session", GLOBAL_WARNING_ICON)) === true;
}

export const setGlobalWarningIcon = (warning) => write("session", { [GLOBAL_WARNING_ICON]: warning });

// Per-tab state (session storage: cleared when the browser closes) ----------------------------

const tabKey = (tabId) => `tab:${tabId}`;
/** How many navigation events (starts and commits) a tab keeps before a page report follows them. */
const NAVIGATIONS_MAX = 16;

/**
 * What the worker keeps about a tab, as stored (the core's `TabState`, events/tab_state.rs): the flow,
 * the last AWS page, what was dismissed and offered, the lookalike blocked and the hosts allowed, and
 * the navigations noted since the last page report (the core follows them, then they are used up).
 */
export async function tabState(tabId) {
  return asTabState(await read("session", tabKey(tabId)));
}

/** A stored tab state as read: `{}` when there is none (or it is not an object). */
const asTabState = (value) => (value && typeof value === "object" ? value : {});

/** Applies `change(state) → state` to the tab's stored state. */
export function updateTabState(tabId, change) {
  return serialized(async () => {
    const next = change(await tabState(tabId));
    await write("session", { [tabKey(tabId)]: next });
    return next;
  });
}

/**
 * Runs one event's step on the tab's state, after any pending write of this context and before the
 * next: `step(state) → {state, answer}`, where `state` holds the fields the core decided (written over
 * the stored ones; null: nothing to write). Resolves to `answer` as soon as the step has it: the write
 * is started at once and the next step of this context waits for it (`serialized`), so a page's notice
 * does not wait for the browser to confirm the write (0.15–0.45 ms of a worker wake, bench/sw-wake.mjs).
 * The write is asked of the browser before the answer is given, so it comes before any later call of this
 * context (a tab sent to the warning page, the popup reading the tab).
 * @template T
 * @param {number} tabId
 * @param {(state: Record<string, any>) => {state: object|null, answer: T} | Promise<{state: object|null, answer: T}>} step
 * @returns {Promise<T>}
 */
export function tabStep(tabId, step) {
  return new Promise((resolve, reject) => {
    serialized(async () => {
      const stored = await tabState(tabId);
      const { state, answer } = await step(stored);
      resolve(answer);
      if (state) await writeTabState(tabId, stored, { ...stored, ...state });
    }).catch(reject);
  });
}

/**
 * `tabStep` for a page report, which also needs the tab's region move (after a role link: launcher.js): the
 * step gets the tab's state and `{move, moved}` (the pending move, the notice of a move just made), read together
 * in one round trip to the browser (a page report after a wake waits for each, bench/sw-wake.mjs).
 * @template T
 * @param {number} tabId
 * @param {(state: Record<string, any>, region: {move: object|null, moved: object|null}) => {state: object|null, answer: T} | Promise<{state: object|null, answer: T}>} step
 * @returns {Promise<T>}
 */
export function pageStep(tabId, step) {
  return new Promise((resolve, reject) => {
    serialized(async () => {
      const keys = [tabKey(tabId), regionMoveKey(tabId), regionMovedKey(tabId)];
      const items = await readItems("session", keys);
      const stored = asTabState(items[keys[0]]);
      const { state, answer } = await step(stored, { move: items[keys[1]] ?? null, moved: items[keys[2]] ?? null });
      resolve(answer);
      if (state) await writeTabState(tabId, stored, { ...stored, ...state });
    }).catch(reject);
  });
}

/**
 * Writes the tab's state (`write` notes its own failure, a problem the popup shows, and never throws). The first
 * state of a tab is when the states of tabs closed since are forgotten (`forgetClosedTabs`), after this write.
 */
async function writeTabState(tabId, stored, next) {
  await write("session", { [tabKey(tabId)]: next });
  if (Object.keys(stored).length === 0) setTimeout(() => void forgetClosedTabs().catch(() => {}));
}

/**
 * Notes a navigation event of the tab, as `noted()` gives it (the core's `noteNavigation`: redacted, with the
 * bookmarks at its raw address), after any pending write of this context so that events keep their order:
 * its start (from `webNavigation.onBeforeNavigate`: a server redirect does not start another, so its URL is
 * the address the bookmark or link held) or its commit (`onCommitted`). The next page report pairs them and
 * follows them (navigation_flow.rs).
 * @param {number} tabId
 * @param {() => Promise<object>} noted
 */
export function noteNavigation(tabId, noted) {
  return serialized(async () => {
    const event = await noted();
    const state = await tabState(tabId);
    const navigations = [...(state.navigations ?? []), event].slice(-NAVIGATIONS_MAX);
    await writeTabState(tabId, state, { ...state, navigations });
  });
}

// Closed tabs -----------------------------------------------------------------------------------------
// A closed tab's items are forgotten when another tab's first state is written, not when the tab closes: a
// `tabs.onRemoved` listener would wake the worker for every tab the person closes, on any site, and make every
// wake set up the `tabs` API (~0.8 ms before the first answer, bench/sw-wake.mjs). So the session keeps the
// open tabs' items and those of tabs closed since the last new one, and is emptied when the browser restarts.

/** The keys of a tab's items in `storage.session`. */
const TAB_ITEMS = [tabKey, regionMoveKey, regionMovedKey];

/** Forgets the `storage.session` items of every tab that is no longer open. */
export async function forgetClosedTabs() {
  const [items, tabs] = await Promise.all([api.storage.session.get(null), api.tabs.query({})]);
  const open = new Set(tabs.flatMap(({ id }) => (id === undefined ? [] : TAB_ITEMS.map((key) => key(id)))));
  const prefixes = TAB_ITEMS.map((key) => key(""));
  const closed = Object.keys(items).filter((key) => !open.has(key) && prefixes.some((prefix) => key.startsWith(prefix)));
  if (closed.length > 0) await api.storage.session.remove(closed);
}
