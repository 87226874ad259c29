// @ts-check
// The words people read on the page come from the core (src/events/ui_words.rs: the checker's
// `checkerWords()` in the core package, the file doctor's `webPageWords("web-file-doctor")` in the tools
// package). This fills a template's `{name}` placeholders with values and picks a count's template; it holds
// no words of its own (as the extension's lib/words.js: the page ships on its own, so it has its own copy).

/**
 * A template with each `{name}` replaced by `values[name]`.
 * @param {string} template
 * @param {Record<string, unknown>} [values]
 */
export function fill(template, values = {}) {
  return Object.entries(values).reduce((text, [name, value]) => text.replaceAll(`{${name}}`, String(value)), template);
}

const PLURALS = new Intl.PluralRules("en");

/**
 * `n` things in words: the template `${name}_one` or `${name}_other` of `words` (by the plural category of
 * `n`; the core's words are English), filled with `{n}` written as `shown` (the number as it is by default).
 * @param {Record<string, string>} words
 * @param {string} name
 * @param {number} n
 * @param {string} [shown]
 */
export function counted(words, name, n, shown = String(n)) {
  const category = PLURALS.select(n) === "one" ? "one" : "other";
  return fill(words[`${name}_${category}`], { n: shown });
}
