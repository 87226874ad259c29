// @ts-check
// The words people read come from the core: kinds, headlines and notices (src/events/words.rs), and each
// part's own words, its buttons, statuses and labels (src/events/ui_words.rs: `uiWords(part)`, the
// notice's `noticeWords()`). This reads a part's words once and ends a core message shown as it is (the
// context menu's) with a full stop; fill.js fills the templates. No words of its own.
import { uiWords } from "./core.js";

export { counted, fill, fillParts } from "./fill.js";

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
 * `text` as a sentence: the core's messages have no final full stop.
 * @param {unknown} text
 */
export function sentence(text) {
  const trimmed = String(text ?? "").trim();
  return trimmed === "" || [".", "!", "?"].some((end) => trimmed.endsWith(end)) ? trimmed : `${trimmed}.`;
}
