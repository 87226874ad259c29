// @ts-check
// The words people read come from the core: kinds, headlines and notices (src/events/words.rs), and each
// part's own words, its buttons, statuses and labels (src/events/ui_words.rs: `uiWords(part)`, the
// notice's `noticeWords()`). This fills a template's `{name}` placeholders with values (no words of its
// own) and ends a core message shown as it is (the context menu's) with a full stop.
import { uiWords } from "./core.js";

/** @type {Map<string, Record<string, string>>} */
const parts = new Map();

/**
 * The words of a part of the extension (`popup`, `options`, `bookmark-fix`…), read from the core once;
 * call it once the extension package is ready (core.js `ready`).
 * @param {string} part
 * @returns {Record<string, string>}
 */
export function wordsOf(part) {
  let words = parts.get(part);
  if (!words) {
    words = /** @type {Record<string, string>} */ (uiWords(part));
    parts.set(part, words);
  }
  return words;
}

/**
 * A template with each `{name}` replaced by `values[name]`.
 * @param {string} template
 * @param {Record<string, unknown>} [values]
 */
export function fill(template, values = {}) {
  return Object.entries(values).reduce((text, [name, value]) => text.replaceAll(`{${name}}`, String(value)), template);
}

/**
 * A template as the parts to append to an element: its text, with each `{name}` replaced by the node (or
 * text) `values[name]`.
 * @param {string} template
 * @param {Record<string, Node | string>} values
 * @returns {(Node | string)[]}
 */
export function fillParts(template, values) {
  /** @type {(Node | string)[]} */
  let parts = [template];
  for (const [name, value] of Object.entries(values)) {
    parts = parts.flatMap((part) =>
      typeof part === "string" ? part.split(`{${name}}`).flatMap((text, i) => (i === 0 ? [text] : [value, text])) : [part],
    );
  }
  return parts.filter((part) => part !== "");
}

const PLURALS = new Intl.PluralRules("en");

/**
 * `n` things in words: the template `${name}_one` or `${name}_other` of `words` (by the plural category of
 * `n`; the core's words are English), filled with `{n}`.
 * @param {Record<string, string>} words
 * @param {string} name
 * @param {number} n
 */
export function counted(words, name, n) {
  const category = PLURALS.select(n) === "one" ? "one" : "other";
  return fill(words[`${name}_${category}`], { n: n.toLocaleString() });
}

/**
 * `text` as a sentence: the core's messages have no final full stop.
 * @param {unknown} text
 */
export function sentence(text) {
  const trimmed = String(text ?? "").trim();
  return trimmed === "" || [".", "!", "?"].some((end) => trimmed.endsWith(end)) ? trimmed : `${trimmed}.`;
}
