// @ts-check
// The core package (`pkg/signin_guard.js`: the URL checker, the sign-in link maker and their words),
// instantiated once as the page loads; every file of the page that calls it awaits `ready` first.
import init from "./pkg/signin_guard.js";

/** Resolves once the core package's exports can be called. */
export const ready = init();
