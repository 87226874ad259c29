// @ts-check
// The extension's two WebAssembly packages, each instantiated at most once per context:
// - the wake package (`pkg/signin_guard_wake.js`): what a worker wake calls, one export per browser event (a page
//   report, a bookmark change, a lookalike navigation), the stored values they read and the notice's words. It is
//   instantiated when this module loads: `wakeReady`. It reads only plain addresses (no WHATWG parser): for any
//   other, an event's answer comes from the extension package instead (`answered` below, the core's decision).
// - the extension package (`pkg/signin_guard_extension.js`): everything else the worker, the popup and the warning
//   page call (the launcher and omnibox, region search, console links, bookmark fixes and their journal, the
//   managed configuration check, every part's own words). It is fetched and instantiated only when `ready` is first
//   awaited, so a wake that only answers a page, a bookmark or a navigation never compiles it.
// A service worker may not use `import()`, so both glues are imported statically; only their wasm waits. No listener
// waits at the top level (a module worker must not use top-level await, or its listeners never register). The
// doctor's and the team editor's functions are in the pages package: lib/pages-core.js.
import initWake, * as wake from "../pkg/signin_guard_wake.js";
import initExtension, * as extension from "../pkg/signin_guard_extension.js";
import { api } from "./browser.js";

export {
  badgeWords,
  bookmarkOffered,
  continueAnyway,
  expectedBookmarkChanges,
  loadKnownAccounts,
  noteNavigation,
  noticeWords,
} from "../pkg/signin_guard_wake.js";

export {
  Launcher,
  accountSigninUrl,
  bookmarkFix,
  classifyMany,
  forgetAccount,
  journalRecord,
  linkCanonical,
  managedRecord,
  mergeAccounts,
  planBookmarkUndo,
  popupView,
  regionMove,
  redact,
  regions,
  searchRegions,
  switchConsoleRegion,
  teamOmnibox,
  uiWords,
} from "../pkg/signin_guard_extension.js";

/**
 * Each package's wasm named from the extension's root: a glue's default is its own folder (`import.meta.url`),
 * which in the worker, made one file by `cargo xtask dist` (esbuild), is the root, not `pkg/`.
 * @param {string} name
 */
const wasmOf = (name) => ({ module_or_path: api.runtime.getURL(`pkg/${name}_bg.wasm`) });

/** Resolves once the wake package is instantiated: enough for the wake package's exports above. */
export const wakeReady = initWake(wasmOf("signin_guard_wake"));

/**
 * A promise-like that starts `load()` only when first awaited (or `then`ed), and retries it after a failure: a
 * package the worker may never need is not compiled by a wake that does not.
 * @param {() => Promise<unknown>} load
 * @returns {PromiseLike<void>}
 */
export function onFirstUse(load) {
  let loading = null;
  return {
    then(onFulfilled, onRejected) {
      loading ??= load().then(
        () => undefined,
        (error) => {
          loading = null;
          throw error;
        },
      );
      return loading.then(onFulfilled, onRejected);
    },
  };
}

/** Resolves once both packages are instantiated: every export above may be called. */
export const ready = onFirstUse(() => Promise.all([wakeReady, initExtension(wasmOf("signin_guard_extension"))]));

/**
 * One event's answer from the wake package, or, when the wake package answers `undefined` (the event read an address
 * only the WHATWG parser reads, which the wake package does not carry: src/url/deferral.rs), the same event's answer
 * from the extension package, which parses. The core decides; this only follows. Await `wakeReady` first.
 * @template T
 * @param {(facts: any) => T | undefined} inWake @param {(facts: any) => T} inExtension @param {any} facts
 * @returns {Promise<T>}
 */
async function answered(inWake, inExtension, facts) {
  const answer = inWake(facts);
  if (answer !== undefined) return answer;
  await ready;
  return inExtension(facts);
}

/** A page report (events/page_report.rs): resolves to the core's answer. */
export const pageReport = (facts) => answered(wake.pageReport, extension.pageReport, facts);

/** A bookmark created or edited (events/bookmark_change.rs): resolves to the core's answer. */
export const bookmarkChange = (facts) => answered(wake.bookmarkChange, extension.bookmarkChange, facts);

/** A navigation while lookalike protection is on (events/lookalike.rs): resolves to the core's answer. */
export const lookalikeNavigation = (facts) =>
  answered(wake.lookalikeNavigation, extension.lookalikeNavigation, facts);
