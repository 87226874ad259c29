// @ts-check
// Fills the core's templates (src/events/ui_words.rs): each `{name}` replaced by its value in one pass over
// the template, so that a value which itself holds `{…}` (a bookmark's title, a file's name) is shown as it
// is rather than filled in turn. No words of its own. The extension (`extension/lib/fill.js`) and the web
// page (`www/words.js`) ship apart, so each holds this same file; tests/e2e/words-fill.test.mjs fails when
// the two differ.

/**
 * The template cut at its placeholders: text, then `{name}` as `{name: "name"}`, and so on.
 * @param {string} template
 * @returns {(string | {name: string})[]}
 */
function pieces(template) {
  /** @type {(string | {name: string})[]} */
  const out = [];
  let text = "";
  let rest = template;
  for (let close = rest.indexOf("}"); close >= 0; close = rest.indexOf("}")) {
    const open = rest.lastIndexOf("{", close);
    if (open < 0) {
      text += rest.slice(0, close + 1);
    } else {
      out.push(text + rest.slice(0, open), { name: rest.slice(open + 1, close) });
      text = "";
    }
    rest = rest.slice(close + 1);
  }
  out.push(text + rest);
  return out;
}

/**
 * A template with each `{name}` replaced by `values[name]` (a placeholder without a value stays as it is).
 * @param {string} template
 * @param {Record<string, unknown>} [values]
 */
export function fill(template, values = {}) {
  return pieces(template)
    .map((piece) => (typeof piece === "string" ? piece : Object.hasOwn(values, piece.name) ? String(values[piece.name]) : `{${piece.name}}`))
    .join("");
}

/**
 * A template as the parts to append to an element: its text, with each `{name}` replaced by the node (or
 * text) `values[name]`.
 * @param {string} template
 * @param {Record<string, Node | string>} values
 * @returns {(Node | string)[]}
 */
export function fillParts(template, values) {
  return pieces(template)
    .map((piece) => (typeof piece === "string" ? piece : Object.hasOwn(values, piece.name) ? values[piece.name] : `{${piece.name}}`))
    .filter((part) => part !== "");
}

/** English plural rules, made on first use: making them costs 0.2–0.8 ms, which every worker wake paid. */
let plurals = null;

/**
 * `n` things in words: the template `${name}_one` or `${name}_other` of `words` (by the plural category of
 * `n`; the core's words are English), filled with `{n}` written as `shown` (by default as the browser
 * writes numbers).
 * @param {Record<string, string>} words
 * @param {string} name
 * @param {number} n
 * @param {string} [shown]
 */
export function counted(words, name, n, shown = n.toLocaleString()) {
  plurals ??= new Intl.PluralRules("en");
  const category = plurals.select(n) === "one" ? "one" : "other";
  return fill(words[`${name}_${category}`], { n: shown });
}
