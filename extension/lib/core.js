// @ts-check
// The WebAssembly extension package (`pkg/signin_guard_extension.js`, the one the worker wakes with), instantiated
// once per context. Every caller awaits `ready` before calling a core function; no listener waits for it at
// the top level (a module worker must not use top-level await, or its listeners never register). The
// doctor's and the team editor's functions are in the pages package: lib/pages-core.js.
import init from "../pkg/signin_guard_extension.js";

export {
  Launcher,
  accountSigninUrl,
  bookmarkChange,
  bookmarkFix,
  bookmarkOffered,
  classifyMany,
  continueAnyway,
  expectedBookmarkChanges,
  forgetAccount,
  linkCanonical,
  loadKnownAccounts,
  lookalikeNavigation,
  managedRecord,
  mergeAccounts,
  pageReport,
  popupView,
  regionMove,
  redact,
  regions,
  searchRegions,
  switchConsoleRegion,
  teamOmnibox,
} from "../pkg/signin_guard_extension.js";

/** Resolves once the wasm module is compiled and instantiated. */
export const ready = init();
