// @ts-check
// Small DOM helpers for the extension pages (no framework): build elements, copy text.

/**
 * Creates an element: `h("li", {class: "x", dataset: {code}}, "text", child)`. Attributes are set
 * with setAttribute (booleans: present or absent); `dataset` and `on*` functions are assigned.
 * @param {string} tag
 * @param {Record<string, any>} [attributes]
 * @param {...any} children
 * @returns {any} the element (of the tag's type, as the caller knows)
 */
export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "dataset") Object.assign(node.dataset, value);
    else if (typeof value === "function") node[name] = value;
    else if (value === true) node.setAttribute(name, "");
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/**
 * The element with this id (the pages' markup defines them all, each of the type its page uses).
 * @param {string} id
 * @returns {any}
 */
export const byId = (id) => document.getElementById(id);

/** Copies text; falls back to selecting a hidden textarea when the clipboard API refuses. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h("textarea", { "aria-hidden": "true", class: "offscreen" });
    area.value = text;
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    return copied;
  }
}
