// @ts-check
// The words people read come from the core (kinds, headlines, notices: src/events/words.rs); this only
// ends a core message that is shown as it is (the context menu's) with a full stop.

/**
 * `text` as a sentence: the core's messages have no final full stop.
 * @param {unknown} text
 */
export function sentence(text) {
  const trimmed = String(text ?? "").trim();
  return trimmed === "" || [".", "!", "?"].some((end) => trimmed.endsWith(end)) ? trimmed : `${trimmed}.`;
}
