// @ts-check
// The web page: the same wasm core as the extension, for checking pasted URLs and making sign-in
// links. Every decision and every word is the core's; this file only reads forms and writes tables.
import { accountSigninUrl, checkerWords, classifyMany, kindWords, regions } from "./pkg/signin_guard.js";
import { ready } from "./core.js";
import { counted, fill } from "./words.js";

/** @type {(id: string) => any} the element with this id (of the type the page's markup gives it) */
const byId = (id) => document.getElementById(id);

/** The words people read for each kind: the core's, as the extension shows them (`kindWords`). */
let kindNames = new Map();
/** The checker's own words (src/events/ui_words.rs `Part::WebChecker`), once the core is ready. */
let own = /** @type {Record<string, string>} */ ({});
ready.then(() => {
  kindNames = new Map(kindWords().map(({ kind, words }) => [kind, words]));
  own = /** @type {Record<string, string>} */ (checkerWords());
});

function cell(content, attributes = {}) {
  const td = document.createElement("td");
  for (const [name, value] of Object.entries(attributes)) td.setAttribute(name, value);
  td.append(content ?? "—");
  return td;
}

function code(text) {
  const node = document.createElement("code");
  node.textContent = text;
  return node;
}

function warningList(warnings) {
  if (warnings.length === 0) return "—";
  const list = document.createElement("ul");
  for (const warning of warnings) {
    const item = document.createElement("li");
    item.dataset.code = warning.code;
    const ended = [".", "!", "?"].some((end) => warning.message.endsWith(end));
    item.textContent = ended ? warning.message : `${warning.message}.`;
    list.append(item);
  }
  return list;
}

function keepWords(safe) {
  if (safe === true) return own.keeps_working;
  if (safe === false) return own.stops_working;
  return "—";
}

function row(verdict) {
  const tr = document.createElement("tr");
  tr.dataset.kind = verdict.kind;
  tr.append(
    cell(code(verdict.input)),
    cell(kindNames.get(verdict.kind) ?? verdict.kind),
    cell(verdict.account),
    cell(verdict.region),
    cell(verdict.canonical ? code(verdict.canonical) : null),
    cell(keepWords(verdict.bookmark_safe), { class: `keep-${verdict.bookmark_safe}` }),
    cell(warningList(verdict.warnings)),
  );
  return tr;
}

async function check(event) {
  event.preventDefault();
  await ready;
  const urls = byId("urls").value.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  const table = byId("verdicts");
  if (urls.length === 0) {
    table.hidden = true;
    byId("check-status").textContent = own.paste_urls;
    return;
  }
  table.tBodies[0].replaceChildren(...classifyMany(urls).map(row));
  table.hidden = false;
  byId("check-status").textContent = counted(own, "checked", urls.length);
}

function fillRegions() {
  const select = byId("region");
  select.replaceChildren(new Option(own.no_region, ""));
  const groups = new Map();
  for (const region of regions()) {
    if (!groups.has(region.partition)) {
      const group = document.createElement("optgroup");
      group.label = region.partition;
      groups.set(region.partition, group);
      select.append(group);
    }
    const label = fill(region.opt_in ? own.region_opt_in : own.region, { name: region.name, code: region.code });
    groups.get(region.partition).append(new Option(label, region.code));
  }
}

async function makeLink(event) {
  event.preventDefault();
  await ready;
  byId("link-error").textContent = "";
  byId("link-status").textContent = "";
  try {
    const url = accountSigninUrl(byId("account").value.trim(), byId("region").value || undefined);
    byId("link-url").href = url;
    byId("link-url").textContent = url;
    byId("link-result").hidden = false;
  } catch (error) {
    byId("link-result").hidden = true;
    byId("link-error").textContent = error.message;
  }
}

async function copyLink() {
  const url = byId("link-url").textContent;
  try {
    await navigator.clipboard.writeText(url);
    byId("link-status").textContent = own.copied;
  } catch {
    getSelection().selectAllChildren(byId("link-url"));
    byId("link-status").textContent = own.press_copy;
  }
}

byId("check-form").addEventListener("submit", check);
byId("link-form").addEventListener("submit", makeLink);
byId("link-copy").addEventListener("click", copyLink);
ready.then(
  () => {
    fillRegions();
    document.body.dataset.ready = "true";
  },
  (error) => {
    // eslint-disable-next-line no-restricted-syntax -- the core did not load, so it cannot say this
    byId("check-status").textContent = `The checker could not start: ${error.message}`;
  },
);
