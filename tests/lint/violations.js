// Code the glue must not hold: the eslint guard (eslint.config.mjs `URL_GUARD`) must fail on every line
// marked "must fail". `cargo xtask test` lints this text as if it were extension/guard-violations.js and
// fails unless each marked line gets the guard's error (and no other line does).
/* global tab, link, verdict, other, text */

export const host = new URL(tab.url).hostname; // must fail
export const parsed = URL.parse(link); // must fail
export const query = new URLSearchParams(link.search); // must fail
export const federation = /\/federation\?/.test(tab.url); // must fail
export const built = new RegExp("signin\\.aws"); // must fail
export const signin = tab.url.startsWith("https://signin."); // must fail
export const onConsole = link.includes("console.aws"); // must fail
export const same = tab.url === other; // must fail
export const parts = link.split("?"); // must fail

// Allowed: words, not URLs.
export const kind = verdict.kind === "lookalike";
export const words = text.trim().endsWith(".");
export const missing = tab.url === undefined;
