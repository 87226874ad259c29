// The organisation's team configuration (managed storage, set by enterprise policy) and the person's own
// accounts, for the worker and the pages alike. The core reads, checks and merges them; this file only
// moves them between the browser's storage areas.
//
// Managed storage, as the browsers give it (shared/notes/browser-facts.md):
// - Chrome: `get()` gives `{}` for a few seconds after the browser starts, then the values arrive through
//   `storage.managed.onChanged`; a policy file changed later arrives the same way, without a restart.
// - Firefox: read once at start, no `onChanged`, and `get()` REJECTS when no policy exists.
// So the worker keeps the last good copy in `storage.local` (`team_managed`), and everything else reads
// that copy: `{}` at start is "not known yet" (the copy stays in force), `{}` after a change, or once the
// browser has run for SETTLE_MS, is "no policy" (the copy goes).
//
// Checking a configuration (`parseTeamConfig`) is in the extension package, the one the worker wakes with:
// the worker imports nothing of the pages package.
import { api, isFirefox } from "./browser.js";
import { parseTeamConfig, ready as coreReady } from "./core.js";

// The omnibox with the team's accounts (display names, default regions): `teamOmnibox(text, known, team)`.
export { teamOmnibox } from "./core.js";

/**
 * `storage.local`: `{value, config, since_ms, unusable, unusable_ms}`, the organisation's configuration in
 * force: `value` as managed storage gave it, `config` as the core checked it (`parseTeamConfig`'s `config`,
 * what the extension package reads).
 */
export const MANAGED = "team_managed";
/** `storage.local`: the person's own accounts, a team-format document written by the core. */
export const USER = "user_accounts";
/** `storage.session`: when this browser session first read managed storage. */
const SESSION_START = "team_session_start";
/** `storage.session`: true once this browser session has read managed storage for good (see `wake`). */
const SESSION_SETTLED = "team_session_settled";
/** How long after a start Chrome may still give `{}` for a policy it has (about 3 s seen). */
export const SETTLE_MS = 15_000;

const logError = (error) => console.error("Sign-in Guard (team configuration):", error);

// What the core needs: `{managed, user}` --------------------------------------------------------

let context = null;

/**
 * `{managed, user}` as `pageView`, `teamOmnibox` and `mergeAccounts` take them in the extension package: the
 * configuration in force as checked (or null) and the person's own accounts (or null). Read once, then
 * again only after either changes.
 * @returns {Promise<{managed: object|null, user: object|null}>}
 */
export function teamContext() {
  context ??= api.storage.local.get([MANAGED, USER]).then(
    (items) => ({ managed: items[MANAGED]?.config ?? null, user: items[USER] ?? null }),
    () => ({ managed: null, user: null }),
  );
  return context;
}

// Registered when the module loads (the worker's first turn): a change made by a page or by the
// worker itself is seen by the next page report.
const localChanges = api.storage.local.onChanged ?? api.storage.onChanged;
localChanges.addListener((changes, area) => {
  if ((area === undefined || area === "local") && (MANAGED in changes || USER in changes)) context = null;
});

/** Everything the options page shows: the stored record of the managed configuration and the person's list. */
export async function readTeam() {
  const items = await api.storage.local.get([MANAGED, USER]);
  return { stored: items[MANAGED] ?? null, user: items[USER] ?? null };
}

/** Saves the person's own accounts (a document the core wrote). */
export function saveUserAccounts(user) {
  return api.storage.local.set({ [USER]: user });
}

/** Calls `onChange()` whenever the configuration in force or the person's accounts change. */
export function onTeamChange(onChange) {
  localChanges.addListener((changes, area) => {
    if ((area === undefined || area === "local") && (MANAGED in changes || USER in changes)) onChange();
  });
}

// Following managed storage (the worker) ------------------------------------------------------------

/**
 * Reads managed storage once per browser session and, in Chrome, whenever it changes. Call it in the
 * worker's first turn; it does not block: the read goes on after the listeners are registered.
 */
export function followManagedStorage() {
  const managed = api.storage.managed;
  if (!managed) return Promise.resolve();
  try {
    // Chrome only; Firefox rereads policies at its next start.
    managed.onChanged?.addListener(() => void refresh("changed").catch(logError));
  } catch {
    // Firefox: the event is not supported.
  }
  return wake().catch(logError);
}

/**
 * Reads managed storage at the worker's start, unless this browser session already has (a read costs the
 * worker ~8 ms, on every wake). Skipping it is safe because managed storage changes only in two ways, both
 * covered: Chrome tells of every change through `storage.managed.onChanged`, an event that wakes the worker
 * (its listener is registered in the first turn) and refreshes the copy; Firefox reads policies only when it
 * starts. `storage.session` is emptied when the browser (or the extension) restarts, so every session reads
 * once, and the mark is set only once a read settled: Chrome's `{}` of the first seconds sets nothing.
 */
async function wake() {
  const session = api.storage.session;
  if (session && (await session.get(SESSION_SETTLED))[SESSION_SETTLED] === true) return;
  if (await refresh("start")) await session?.set({ [SESSION_SETTLED]: true });
}

/**
 * Reads managed storage and updates the copy in `storage.local`; true when what it read is final (not
 * Chrome's "not known yet").
 */
async function refresh(reason) {
  let value;
  try {
    value = await api.storage.managed.get(null);
  } catch {
    // Firefox without a policy: "Managed storage manifest not found".
    await settle(null);
    return true;
  }
  if (value && typeof value === "object" && Object.keys(value).length > 0) {
    await settle(value);
    return true;
  }
  if (isFirefox || reason !== "start") {
    await settle(null);
    return true;
  }
  // Chrome's `{}` at start: not known yet. The copy stays in force until the browser has had the time.
  const left = (await sessionStart()) + SETTLE_MS - Date.now();
  if (left <= 0) {
    await settle(null);
    return true;
  }
  setTimeout(() => void wake().catch(logError), left);
  return false;
}

/** When this browser session first read managed storage (`storage.session` lasts as long as the session). */
async function sessionStart() {
  const session = api.storage.session;
  if (!session) return Date.now();
  const started = (await session.get(SESSION_START))[SESSION_START];
  if (typeof started === "number") return started;
  const now = Date.now();
  await session.set({ [SESSION_START]: now });
  return now;
}

/**
 * Stores what managed storage holds (`null`: no policy). A usable configuration replaces the copy; an
 * unusable one (no `"version": 1`) is kept beside the last good copy, which stays in force, so that the
 * options page can say what is wrong with it. Nothing is written when nothing changed.
 */
async function settle(value) {
  const stored = (await api.storage.local.get(MANAGED))[MANAGED] ?? null;
  const next = value === null ? null : await nextRecord(stored, value);
  if (same(next, stored)) return;
  if (next === null) await api.storage.local.remove(MANAGED);
  else await api.storage.local.set({ [MANAGED]: next });
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

async function nextRecord(stored, value) {
  // The copy in force was checked usable (its `config` says how), and an unusable one kept beside it was
  // checked unusable: the same value again needs no new check. (A copy stored by a
  // version without `config` is checked again.)
  const checked = stored?.config !== undefined;
  if (checked && same(stored.value, value)) return { ...stored, unusable: null, unusable_ms: null };
  if (checked && same(stored.unusable, value)) return stored;
  await coreReady;
  const { config } = parseTeamConfig(value);
  if (config !== null) {
    const since = same(stored?.value, value) ? stored.since_ms : Date.now();
    return { value, config, since_ms: since, unusable: null, unusable_ms: null };
  }
  const kept = stored?.value ?? null;
  return {
    value: kept,
    config: kept === null ? null : parseTeamConfig(kept).config,
    since_ms: stored?.since_ms ?? null,
    unusable: value,
    unusable_ms: same(stored?.unusable, value) ? stored.unusable_ms : Date.now(),
  };
}
