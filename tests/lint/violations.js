// Code the glue must not hold: the eslint guards (eslint.config.mjs `URL_GUARD`, `WORDS_GUARD`) must fail on
// every line marked "must fail". `cargo xtask test` lints this text as if it were extension/guard-violations.js
// and fails unless each marked line gets a guard's error (and no other line does).
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

// Words people read: only the core says them (src/events/ui_words.rs).
export const button = "Fix this bookmark"; // must fail
export const single = "Undo"; // must fail
export const status = `Opened ${link} in a new tab.`; // must fail
export const fragment = " and the others"; // must fail
export const ending = "copied."; // must fail
export const acronym = "AWS sign-in"; // must fail
export const labelled = { "aria-label": `Forget ${other}` }; // must fail

// Allowed: class lists, test ids, selectors, permission names, message types, key names, developers' console.
export const classes = { class: "mark opt-in" };
export const testId = "doctor-undo-last";
export const selector = '[data-testid="doctor-pick"]';
export const permission = "webNavigation";
export const messageType = { type: "open-options" };
export const escape = text.key === "Escape";
console.error("Sign-in Guard:", other);
