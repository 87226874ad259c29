// @ts-check
// The web page: the same wasm core as the extension, for checking pasted URLs and making sign-in
// links. Every decision is the core's; this file only reads forms and writes tables.
import init, { accountSigninUrl, classifyMany, kindWords, regions } from "./pkg/signin_guard.js";

const ready = init();
/** @type {(id: string) => any} the element with this id (of the type the page's markup gives it) */
const byId = (id) => document.getElementById(id);

/** The words people read for each kind: the core's, as the extension shows them (`kindWords`). */
let kindNames = new Map();
ready.then(() => {
  kindNames = new Map(kindWords().map(({ kind, words }) => [kind, words]));
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
  if (safe === true) return "Yes";
  if (safe === false) return "No";
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
    byId("check-status").textContent = "Paste at least one URL.";
    return;
  }
  table.tBodies[0].replaceChildren(...classifyMany(urls).map(row));
  table.hidden = false;
  byId("check-status").textContent = urls.length === 1 ? "1 URL checked." : `${urls.length} URLs checked.`;
}

function fillRegions() {
  const select = byId("region");
  select.replaceChildren(new Option("None: AWS chooses", ""));
  const groups = new Map();
  for (const region of regions()) {
    if (!groups.has(region.partition)) {
      const group = document.createElement("optgroup");
      group.label = region.partition;
      groups.set(region.partition, group);
      select.append(group);
    }
    const label = `${region.name} (${region.code})${region.opt_in ? ", opt-in" : ""}`;
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
    byId("link-status").textContent = "Copied.";
  } catch {
    getSelection().selectAllChildren(byId("link-url"));
    byId("link-status").textContent = "Selected: press Ctrl+C (⌘C) to copy.";
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
    byId("check-status").textContent = `The checker could not start: ${error.message}`;
  },
);
