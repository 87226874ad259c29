// @ts-check
// The page's team links: a pasted or chosen team configuration or ~/.aws/config read by the core in ONE
// call (`new TeamLinks`), its links listed with a copy button each, searched as the person types, and
// saved as the bookmarks file `signin-guard links --bookmarks` writes. Which format the text is, which links
// exist, what is wrong and where, which rows match a search and every sentence shown are the core's; this
// file only draws them. Secrets never stay in the text box: the core redacts what is pasted or typed, and
// the box is emptied once its text is read.
import { loadTools } from "./tools.js";

/** @type {(id: string) => any} the element with this id (of the type the page's markup gives it) */
const byId = (id) => document.getElementById(id);

/** The file read last (the core's `TeamLinks`), its view and the rows drawn; replaced by the next read. */
let current = null;
/** The tools package's exports once loaded, for redacting a paste at once. */
let loaded = null;

function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "dataset") Object.assign(node.dataset, value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** Counts an event on the body for the tests (`data-NAME`). */
function mark(name) {
  document.body.dataset[name] = String(Number(document.body.dataset[name] ?? 0) + 1);
}

async function tools() {
  loaded ??= await loadTools();
  return loaded;
}

// The text box: secrets out as soon as they are in ----------------------------------------------------------

/** Replaces the secret values in the box (pasted, dropped or typed) by `[redacted]`. */
async function redactBox() {
  const area = byId("team-text");
  const { redactPastedSecrets } = await tools();
  const redacted = redactPastedSecrets(area.value);
  if (redacted !== area.value) area.value = redacted;
}

/** A paste goes into the box already redacted when the tools are loaded (else the input event redacts it). */
function pasted(event) {
  if (!loaded) return;
  const text = event.clipboardData?.getData("text/plain");
  if (!text) return;
  event.preventDefault();
  const area = byId("team-text");
  area.setRangeText(loaded.redactPastedSecrets(text), area.selectionStart, area.selectionEnd, "end");
  area.dispatchEvent(new Event("input"));
}

// Reading -------------------------------------------------------------------------------------------------

/** Reads `text` (named `name` when it is a chosen file) and draws what the core made of it. */
async function read(text, name) {
  let exports;
  try {
    exports = await tools();
  } catch (error) {
    byId("team-error").textContent = error.message;
    return;
  }
  current?.file.free();
  const file = new exports.TeamLinks(text, name);
  const view = file.view();
  current = { file, view, rows: [] };
  byId("team-status").textContent = view.summary ?? "";
  byId("team-error").textContent = view.error ?? "";
  const secrets = byId("team-secrets");
  secrets.textContent = view.secrets ?? "";
  secrets.hidden = !view.secrets;
  byId("team-problems").replaceChildren(
    ...view.problems.map((p) => h("li", { class: `severity-${p.severity}`, dataset: { place: p.place } }, p.text)),
  );
  byId("team-copied").textContent = "";
  byId("team-search").value = "";
  drawRows(view);
  byId("team-result").hidden = view.rows.length === 0;
  search();
  mark("teamReads");
  return view;
}

function drawRows(view) {
  const labels = [...byId("team-table").tHead.rows[0].cells].map((th) => th.textContent);
  const rows = view.rows.map((row, index) => {
    const copy = byId("team-copy-button").content.firstElementChild.cloneNode(true);
    copy.setAttribute("aria-label", row.copy_label);
    copy.addEventListener("click", () => void copyLink(index));
    const cells = [
      [row.account, " ", h("code", {}, row.account_id)],
      row.role ? [row.role_label ?? row.role, row.role_label && row.role_label !== row.role ? [" ", h("code", {}, row.role)] : null] : ["—"],
      row.region ? [row.region_name, " ", h("code", {}, row.region)] : ["—"],
      [row.method_words, row.note ? h("span", { class: "muted note" }, row.note) : null],
      [h("a", { href: row.url, dataset: { testid: "team-link" } }, row.url), copy],
    ];
    return h(
      "tr",
      { dataset: { testid: "team-row", account: row.account_id, role: row.role ?? "", region: row.region ?? "", method: row.method } },
      ...cells.map((content, i) => h("td", { dataset: { label: labels[i] } }, ...content.flat())),
    );
  });
  current.rows = rows;
  byId("team-table").tBodies[0].replaceChildren(...rows);
}

// Search, copy, download ------------------------------------------------------------------------------------

/** Shows the rows the core finds for the search box's words. */
function search() {
  if (!current) return;
  const found = current.file.search(byId("team-search").value);
  const shown = new Set(found.rows);
  current.rows.forEach((row, index) => {
    row.hidden = !shown.has(index);
  });
  byId("team-found").textContent = current.view.rows.length ? found.summary : "";
}

async function copyLink(index) {
  const row = current.view.rows[index];
  const status = byId("team-copied");
  try {
    await navigator.clipboard.writeText(row.url);
    status.textContent = row.copied;
  } catch {
    getSelection().selectAllChildren(current.rows[index].querySelector("a"));
    status.textContent = current.view.copy_refused;
  }
}

function download() {
  if (!current?.view.bookmarks_file) return;
  const file = URL.createObjectURL(new Blob([current.view.bookmarks_file], { type: "text/html;charset=utf-8" }));
  const save = h("a", { href: file, download: current.view.bookmarks_file_name, hidden: true });
  document.body.append(save);
  save.click();
  save.remove();
  setTimeout(() => URL.revokeObjectURL(file), 60_000);
}

// Wiring ----------------------------------------------------------------------------------------------------

async function submitted(event) {
  event.preventDefault();
  const area = byId("team-text");
  await redactBox();
  const view = await read(area.value, undefined);
  // Read: the text is in the table now, and the box holds nothing more (what went wrong stays to be fixed).
  if (view && !view.error) area.value = "";
}

async function chosen() {
  const input = byId("team-file");
  const [file] = input.files;
  if (!file) return;
  const text = await file.text();
  input.value = "";
  await read(text, file.name);
}

function wire() {
  const area = byId("team-text");
  byId("team").addEventListener("focusin", () => void tools().catch(() => {}), { once: true });
  byId("team").addEventListener("pointerenter", () => void tools().catch(() => {}), { once: true });
  area.addEventListener("paste", pasted);
  area.addEventListener("input", () => void redactBox());
  byId("team-form").addEventListener("submit", (event) => void submitted(event));
  byId("team-file").addEventListener("change", () => void chosen());
  byId("team-search").addEventListener("input", search);
  byId("team-download").addEventListener("click", download);
  // Leaving the page empties the box: it may have held secrets.
  window.addEventListener("pagehide", () => {
    area.value = "";
  });
}

wire();
