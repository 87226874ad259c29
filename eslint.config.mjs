// eslint flat config for the extension, the web page and the end-to-end tests (`cargo xtask test`).
import js from "@eslint/js";
import globals from "globals";

/** What the glue may not do with URLs (see the rule below): eslint `no-restricted-syntax` entries. */
const URL_WORDS = "/url|href|host|origin|path|link|address/i";
const MATCHING = "/^(startsWith|endsWith|includes|indexOf|lastIndexOf|match|matchAll|search|split|replace|replaceAll|slice|substring|substr)$/";
export const URL_GUARD = [
  { selector: "NewExpression[callee.name='URL']", message: "No URL parsing in the glue: ask the core." },
  { selector: "CallExpression[callee.object.name='URL'][callee.property.name=/^(parse|canParse)$/]", message: "No URL parsing in the glue: ask the core." },
  { selector: "Identifier[name='URLSearchParams']", message: "No query reading in the glue: ask the core." },
  { selector: "Literal[regex]", message: "No regular expressions in the glue: the core reads text." },
  { selector: "NewExpression[callee.name='RegExp'], CallExpression[callee.name='RegExp']", message: "No regular expressions in the glue: the core reads text." },
  { selector: `CallExpression[callee.property.name=${MATCHING}][callee.object.name=${URL_WORDS}]`, message: "No string matching over URLs in the glue: ask the core." },
  { selector: `CallExpression[callee.property.name=${MATCHING}][callee.object.property.name=${URL_WORDS}]`, message: "No string matching over URLs in the glue: ask the core." },
  { selector: `BinaryExpression[operator=/^[!=]==?$/][left.name=${URL_WORDS}][right.type!='Literal'][right.name!='undefined']`, message: "No comparing URLs in the glue: ask the core." },
  { selector: `BinaryExpression[operator=/^[!=]==?$/][left.property.name=${URL_WORDS}][right.type!='Literal'][right.name!='undefined']`, message: "No comparing URLs in the glue: ask the core." },
];

/**
 * What reads as words people read (see the rule below): a capitalised word (not a key name) at the start, two
 * words of letters side by side, or a letter and a full stop at the end. Class lists, test ids, selectors,
 * permission names and message types are single lowercase words or joined by hyphens, so they pass.
 */
const KEY_NAMES = "Escape|Enter|Tab|Backspace|Home|End|ArrowUp|ArrowDown|ArrowLeft|ArrowRight";
const WORDS = `/^(?!(${KEY_NAMES})$)[A-Z][a-z'’-]*([ ,.:;!?…]|$)|[A-Za-z]{2,} [A-Za-z]{2,}|[a-z]\\.$/`;
/** Where such text is no word people read: console lines for developers, and class lists. */
const NOT_READ = ":not(CallExpression[callee.object.name='console'] > *, Property[key.name=/^(class|className)$/] > *)";
export const WORDS_GUARD = [
  { selector: `Literal[value=${WORDS}]${NOT_READ}`, message: "No words of the glue's own: the core says them (src/events/ui_words.rs)." },
  { selector: `TemplateElement[value.raw=${WORDS}]`, message: "No words of the glue's own: the core says them (src/events/ui_words.rs)." },
];

export default [
  {
    // Generated or copied code: wasm-bindgen's glue, build output, installed packages.
    ignores: ["dist/**", "node_modules/**", "target/**", "**/pkg/**", "tests/e2e/artifacts/**"],
  },
  js.configs.recommended,
  {
    files: ["extension/**/*.{js,mjs}", "www/**/*.{js,mjs}"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: { ...globals.browser, ...globals.webextensions, ...globals.serviceworker },
    },
  },
  {
    // The guard: the glue holds no URL logic (the core reads every URL). It fails on the URL parser, query
    // readers, regular expressions and string matching over values named like URLs; the few uses that are
    // not about a URL are allowed where they stand, each with an eslint-disable comment saying why.
    // tests/lint/violations.js must fail it (tests/lint/guard.test.mjs).
    files: ["extension/**/*.{js,mjs}", "www/**/*.{js,mjs}"],
    rules: {
      "no-restricted-syntax": ["error", ...URL_GUARD],
    },
  },
  {
    // The words guard: the glue of the extension and of the web page holds no words of its own (the core's
    // src/events/ui_words.rs has them, one table per part). It fails on a string or template that reads as
    // words; the few that must stay (what is shown when the core itself could not load, CSS) are allowed where
    // they stand, each with an eslint-disable comment saying why. tests/lint/violations.js must fail it too.
    files: ["extension/**/*.{js,mjs}", "www/**/*.{js,mjs}"],
    rules: {
      "no-restricted-syntax": ["error", ...URL_GUARD, ...WORDS_GUARD],
    },
  },
  {
    // The tests drive browsers from Node.js; code they send into a page may use browser globals.
    files: ["tests/e2e/**/*.{js,mjs}", "bench/**/*.{js,mjs}"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser, ...globals.webextensions },
    },
  },
];
