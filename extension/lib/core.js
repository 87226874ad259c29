// The WebAssembly core, instantiated once per context. Every caller awaits `ready` before calling
// a core function; no listener waits for it at the top level (a module worker must not use
// top-level await, or its listeners never register).
import init from "../pkg/signin_guard.js";

export {
  accountSigninUrl,
  bookmarkFix,
  classify,
  classifyMany,
  forgetAccount,
  linkCanonical,
  loadKnownAccounts,
  omnibox,
  pageView,
  parseUserInfo,
  regions,
  rememberAccount,
  searchRegions,
  switchConsoleRegion,
} from "../pkg/signin_guard.js";

/** Resolves once the wasm module is compiled and instantiated. */
export const ready = init();
