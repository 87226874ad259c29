// @ts-check
// The bookmark doctor page: asks for bookmark access in context, reads the whole tree, has the
// core analyse it in ONE call, lists what needs attention (a few rows per group at a time), shows
// each change before it is made, applies the person's selection as one journaled batch, and
// undoes batches. Every decision (what is wrong, what to change, how to undo) is the core's.
import { api } from "./lib/browser.js";
import { readTree, watchTree } from "./lib/bookmark-tree.js";
import {
  analyzeBookmarks,
  doctorAccountChoices,
  doctorFixWithAccount,
  doctorWords,
  findingsExport,
  planBookmarkBatch,
  ready,
} from "./lib/doctor-core.js";
import * as journal from "./lib/doctor-journal.js";
import { byId, h } from "./lib/dom.js";
import { turnOnBookmarkProtection } from "./lib/features.js";
import * as permissions from "./lib/permissions.js";
import { showProblems } from "./lib/problems-view.js";
import * as store from "./lib/store.js";
import { teamContext } from "./lib/team.js";
import { counted, fill, wordsOf } from "./lib/words.js";

/** Rows drawn per group at first, and per "Show more". */
const FIRST_ROWS = 30;
const MORE_ROWS = 200;

/** The core's words for each group and choice (`doctorWords`), once the packages are ready. */
let words = { groups: {}, actions: {} };
/** The page's own words (src/events/ui_words.rs), once the packages are ready. */
let own = /** @type {Record<string, string>} */ ({});

/** What the page holds between events. */
const state = {
  /** Bumped by every bookmark change; a tree read before the last bump is stale. */
  generation: 0,
  /** `{generation, promise}` of the last tree read. */
  treeRead: null,
  /** The tree behind `report`. */
  tree: null,
  report: null,
  /** Listed bookmarks by id: `{title, folder_path, url}` (url redacted), for the preview. */
  listed: new Map(),
  /** Finding id → the finding. */
  findings: new Map(),
  /** Finding id → `{selected, action, account}`. */
  choices: new Map(),
  /** Duplicate group url → `{selected, keep}`. */
  duplicates: new Map(),
  /** Group key → `{items, shown, list, selectBox, countNode}`. */
  groups: new Map(),
  /** The plan shown in the preview. */
  plan: null,
  /** `{managed, user}` (team.js), read at each scan: the accounts whose team links replace. */
  team: null,
};

function say(id, text, error = false) {
  const node = byId(id);
  node.textContent = text;
  node.classList.toggle("error", error);
}

/** `n` of a counted thing (`bookmarks`, `folders`…: the core's `bookmarks_one`, `bookmarks_other`). */
const plural = (n, name) => counted(own, name, n);
const folderText = (path) => (path.length ? path.join(" › ") : own.top_level);
const titleOf = (item) => item.title || own.no_title;

main().catch((error) => {
  console.error(error);
  // Allowed: what failed may be the core itself, which holds every other word.
  // eslint-disable-next-line no-restricted-syntax
  say("summary", `The bookmark doctor could not start: ${error.message}`, true);
  byId("scanner").hidden = false;
});

async function main() {
  await ready;
  words = doctorWords("browser");
  own = wordsOf("doctor");
  wire();
  await Promise.all([showAccess(), showHistory(), fillKnownAccounts(), showProblems(byId("problems"))]);
  document.body.dataset.ready = "true";
}

function wire() {
  byId("grant").addEventListener("click", grant);
  byId("scan").addEventListener("click", (event) => void scan(event.timeStamp));
  byId("export-json").addEventListener("click", () => exportFindings("json"));
  byId("export-csv").addEventListener("click", () => exportFindings("csv"));
  byId("select-all").addEventListener("change", (event) => selectAll(event.target.checked));
  byId("results").addEventListener("submit", (event) => {
    event.preventDefault();
    preview(currentSelection());
  });
  byId("apply").addEventListener("click", () => void apply());
  byId("cancel").addEventListener("click", () => byId("preview").close());
  byId("forget-history").addEventListener("click", () => void forgetHistory());
  api.permissions.onAdded.addListener(() => void showAccess());
  api.permissions.onRemoved.addListener(() => void showAccess());
  api.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && "doctor_journal" in changes) void showHistory();
    if ("storage_problems" in changes) void showProblems(byId("problems"));
  });
}

// Bookmark access ----------------------------------------------------------------------------------

let watching = false;

/** Shows the scanner with the permission, else what it is for and the button to allow it. */
async function showAccess() {
  const allowed = (await permissions.has("bookmarks")) && api.bookmarks !== undefined;
  byId("access").hidden = allowed;
  byId("scanner").hidden = !allowed;
  if (!allowed) {
    byId("results").hidden = true;
    return;
  }
  if (!watching) {
    watching = true;
    watchTree(() => {
      state.generation += 1;
    });
  }
  // Read the tree now, so a click on Scan only waits for the analysis.
  void currentTree().catch(() => {});
}

function grant() {
  // First thing in the click: the browser asks only during the user gesture.
  turnOnBookmarkProtection().then(async (granted) => {
    if (!granted) {
      say("access-status", own.access_refused, true);
      return;
    }
    say("access-status", "");
    // The API appears in this page once granted; should the browser not do that, load it again.
    if (api.bookmarks === undefined) {
      location.reload();
      return;
    }
    await showAccess();
    byId("scan").focus();
  });
}

// Scanning -----------------------------------------------------------------------------------------

/** The tree as it is now: the last read, unless a bookmark changed since it started. */
function currentTree() {
  if (!state.treeRead || state.treeRead.generation !== state.generation) {
    state.treeRead = { generation: state.generation, promise: readTree() };
  }
  return state.treeRead.promise;
}

/** Calls `done` once the frame with the latest DOM changes has been painted (about). */
function afterPaint(done) {
  requestAnimationFrame(() => setTimeout(done, 0));
}

/** Reads the tree, analyses it in one core call and lists the findings. `start`: the click's time. */
async function scan(start = performance.now()) {
  const button = byId("scan");
  button.disabled = true;
  try {
    let tree = await currentTree();
    // A change while it was read: read again.
    while (state.treeRead.generation !== state.generation) tree = await currentTree();
    // The team's accounts: a captured sign-in page of one, or one chosen for a finding, gets its team link.
    state.team = await teamContext();
    const read = performance.now();
    const report = analyzeBookmarks(tree.bookmarks, state.team);
    const analysed = performance.now();
    showReport(report, tree);
    const rendered = performance.now();
    afterPaint(() => {
      const timings = {
        tree_ms: round(read - start),
        analyze_ms: round(analysed - read),
        render_ms: round(rendered - analysed),
        shown_ms: round(performance.now() - start),
        bookmarks: report.total,
      };
      document.body.dataset.scanTimings = JSON.stringify(timings);
      document.body.dataset.scans = String(Number(document.body.dataset.scans ?? 0) + 1);
    });
  } catch (error) {
    say("summary", fill(own.not_read, { error: error.message }), true);
  } finally {
    button.disabled = false;
  }
}

const round = (ms) => Math.round(ms * 10) / 10;

function showReport(report, tree) {
  state.report = report;
  state.tree = tree;
  state.listed = new Map();
  state.findings = new Map();
  state.choices = new Map();
  state.duplicates = new Map();
  state.groups = new Map();
  for (const group of report.groups) {
    for (const finding of group.findings) {
      state.findings.set(finding.id, finding);
      state.choices.set(finding.id, { selected: false, action: finding.actions[0]?.action ?? "delete", account: "" });
      state.listed.set(finding.id, finding);
    }
  }
  for (const group of report.duplicates) {
    const keep = group.bookmarks.find((m) => m.keep) ?? group.bookmarks[0];
    state.duplicates.set(group.url, { selected: false, keep: keep.id });
    for (const member of group.bookmarks) if (!state.listed.has(member.id)) state.listed.set(member.id, member);
  }
  showSummary(report, tree);
  const fragment = document.createDocumentFragment();
  for (const group of report.groups) fragment.append(groupSection(group.kind, group.findings, findingRow));
  if (report.duplicates.length) fragment.append(groupSection("duplicates", report.duplicates, duplicateRow));
  byId("groups").replaceChildren(fragment);
  byId("select-all").checked = false;
  byId("select-all").indeterminate = false;
  byId("results").hidden = report.groups.length === 0 && report.duplicates.length === 0;
  byId("export-json").disabled = false;
  byId("export-csv").disabled = false;
  updateCounts();
}

function showSummary(report, tree) {
  const listed = report.needs_attention + report.duplicates.length;
  const parts = [
    fill(own.scanned, { bookmarks: plural(report.total, "bookmarks"), folders: plural(tree.folders, "folders") }),
    h("strong", {}, listed === 0 ? own.nothing_to_fix : fill(own.to_fix, { bookmarks: plural(report.needs_attention, "bookmarks") })),
  ];
  if (report.duplicates.length) parts.push(fill(own.more_than_once, { signins: plural(report.duplicates.length, "signins") }));
  parts.push(fill(own.summary_rest, { fine: plural(report.fine, "fine"), not_aws: plural(report.not_aws, "not_aws") }));
  const summary = byId("summary");
  summary.classList.remove("error");
  summary.dataset.clean = String(listed === 0);
  summary.replaceChildren(...parts);
}

// Groups and rows -----------------------------------------------------------------------------------

/** A group's section: heading, "select all in group", its first rows and "Show more". */
function groupSection(key, items, renderRow) {
  const group = words.groups[key] ?? { title: key, explain: "" };
  const headingId = `group-${key}`;
  const selectBox = h("input", {
    type: "checkbox",
    dataset: { testid: "doctor-select-group", kind: key },
    onchange: (event) => selectGroup(key, event.target.checked),
  });
  const countNode = h("span", { class: "muted" });
  const list = h("ol", { class: "rows" });
  const more = h("button", { type: "button", class: "more", dataset: { testid: "doctor-more" } });
  const entry = { key, items, shown: 0, list, selectBox, countNode, more, renderRow };
  more.onclick = () => showMore(entry, MORE_ROWS, true);
  state.groups.set(key, entry);
  showMore(entry, FIRST_ROWS, false);
  return h(
    "section",
    { class: `group ${key === "duplicates" ? "duplicates" : ""}`, "aria-labelledby": headingId, dataset: { kind: key, testid: "doctor-group" } },
    h(
      "div",
      { class: "group-head" },
      h("h2", { id: headingId }, `${group.title} (${items.length.toLocaleString()})`),
      h("label", {}, selectBox, fill(own.select_group, { count: items.length.toLocaleString() })),
      countNode,
    ),
    h("p", { class: "explain muted" }, group.explain),
    list,
    more,
  );
}

/** Draws `count` more rows of a group (`focus`: move focus to the first new one). */
function showMore(entry, count, focus) {
  const fragment = document.createDocumentFragment();
  const from = entry.shown;
  const to = Math.min(entry.items.length, from + count);
  for (let i = from; i < to; i += 1) fragment.append(entry.renderRow(entry.items[i], i));
  entry.list.append(fragment);
  entry.shown = to;
  const rest = entry.items.length - to;
  entry.more.hidden = rest === 0;
  entry.more.textContent = fill(own.show_more, { count: Math.min(rest, MORE_ROWS).toLocaleString(), rest: rest.toLocaleString() });
  if (focus) entry.list.children[from]?.querySelector("input")?.focus();
}

/** One finding: its checkbox, title and folder, address now → after, the action, Fix. */
function findingRow(finding) {
  const choice = state.choices.get(finding.id);
  const boxId = `pick-${finding.id}`;
  const errorId = `error-${finding.id}`;
  const after = h("code", { class: "new", dataset: { testid: "doctor-new-url" } });
  const error = h("span", { class: "field-error", id: errorId, role: "alert" });
  const account = h("input", {
    type: "text",
    list: "known-accounts",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: own.account_placeholder,
    "aria-label": fill(own.account_for, { title: finding.title }),
    "aria-describedby": errorId,
    dataset: { testid: "doctor-account" },
    value: choice.account,
  });
  const showAfter = () => {
    const shown = afterOf(finding, choice);
    after.textContent = shown.text;
    after.classList.toggle("delete", choice.action === "delete");
    error.textContent = shown.error ?? "";
    account.setAttribute("aria-invalid", String(Boolean(shown.error)));
    account.hidden = choice.action !== "choose_account";
  };
  account.addEventListener("input", () => {
    choice.account = account.value;
    showAfter();
  });
  const controls = [];
  if (finding.actions.length > 1) {
    const select = h(
      "select",
      { "aria-label": fill(own.what_to_do, { title: finding.title }), dataset: { testid: "doctor-action" } },
      ...finding.actions.map((a) => h("option", { value: a.action, selected: a.action === choice.action }, words.actions[a.action] ?? a.action)),
    );
    select.addEventListener("change", () => {
      choice.action = select.value;
      showAfter();
      if (choice.action === "choose_account") account.focus();
    });
    controls.push(select);
  }
  controls.push(account, error);
  showAfter();
  return h(
    "li",
    { class: "row", dataset: { id: finding.id, testid: "doctor-row", kind: finding.kind } },
    h("input", {
      type: "checkbox",
      id: boxId,
      checked: choice.selected,
      dataset: { testid: "doctor-pick" },
      onchange: (event) => pick(finding.id, event.target.checked),
    }),
    h(
      "div",
      {},
      h("label", { for: boxId, class: "title" }, titleOf(finding)),
      h("span", { class: "folder" }, folderText(finding.folder_path)),
      h("span", { class: "message" }, finding.message),
    ),
    h(
      "div",
      { class: "change" },
      h("span", { class: "label" }, own.now),
      h("span", {}),
      h("span", { class: "label" }, own.after),
      h("code", { class: "old", dataset: { testid: "doctor-old-url" } }, finding.url),
      h("span", { class: "arrow", "aria-hidden": "true" }, "→"),
      after,
      h("div", { class: "choice" }, ...controls),
    ),
    h(
      "button",
      {
        type: "button",
        class: "fix-one",
        "aria-label": fill(own.fix_one_label, { title: finding.title }),
        dataset: { testid: "doctor-fix-one" },
        onclick: () => preview({ findings: [selected(finding.id, choice)], duplicates: [] }),
      },
      own.fix_row,
    ),
  );
}

/** What a finding's bookmark becomes with the person's choice: `{text, error?}`. */
function afterOf(finding, choice) {
  if (choice.action === "delete") return { text: own.deleted };
  if (choice.action === "replace") {
    return { text: finding.actions.find((a) => a.action === "replace")?.url ?? "" };
  }
  if (!choice.account.trim()) return { text: own.type_account, error: null };
  try {
    return { text: doctorFixWithAccount(finding, choice.account, state.team) };
  } catch (error) {
    return { text: "—", error: error.message };
  }
}

/** One group of duplicates: which one to keep (radio buttons), the others are deleted. */
function duplicateRow(group, index) {
  const choice = state.duplicates.get(group.url);
  const boxId = `dup-${index}`;
  const fates = new Map();
  const members = group.bookmarks.map((member) => {
    const fate = h("span", { class: "fate" });
    fates.set(member.id, fate);
    return h(
      "li",
      { dataset: { id: member.id } },
      h(
        "label",
        {},
        h("input", {
          type: "radio",
          name: `keep-${index}`,
          value: member.id,
          checked: member.id === choice.keep,
          "aria-label": fill(own.keep_label, { title: titleOf(member) }),
          dataset: { testid: "doctor-keep" },
          onchange: () => {
            choice.keep = member.id;
            showFates();
          },
        }),
        own.keep,
      ),
      fate,
      h("span", { class: "title" }, titleOf(member)),
      h("span", { class: "folder" }, folderText(member.folder_path)),
      h("code", {}, member.url),
    );
  });
  const showFates = () => {
    for (const [id, fate] of fates) {
      fate.textContent = id === choice.keep ? own.kept_fate : own.deleted_fate;
      fate.classList.toggle("delete", id !== choice.keep);
    }
  };
  showFates();
  const others = group.bookmarks.length - 1;
  return h(
    "li",
    { class: "row", dataset: { url: group.url, testid: "doctor-row", kind: "duplicates" } },
    h("input", {
      type: "checkbox",
      id: boxId,
      checked: choice.selected,
      dataset: { testid: "doctor-pick" },
      onchange: (event) => pickDuplicates(group.url, event.target.checked),
    }),
    h(
      "div",
      {},
      h("label", { for: boxId, class: "title" }, fill(own.duplicates_title, { account: group.account, bookmarks: plural(group.bookmarks.length, "bookmarks") })),
      h("span", { class: "folder" }, fill(own.duplicates_keep, { bookmarks: plural(others, "bookmarks") })),
      h("code", {}, group.url),
    ),
    h("ol", { class: "members", "aria-label": fill(own.duplicates_members, { account: group.account }) }, ...members),
    h(
      "button",
      {
        type: "button",
        class: "fix-one",
        "aria-label": fill(own.duplicates_fix_label, { account: group.account }),
        dataset: { testid: "doctor-fix-one" },
        onclick: () => preview({ findings: [], duplicates: [selectedDuplicates(group.url, choice)] }),
      },
      own.fix_row,
    ),
  );
}

// Selection ----------------------------------------------------------------------------------------

function pick(id, on) {
  state.choices.get(id).selected = on;
  updateCounts();
}

function pickDuplicates(url, on) {
  state.duplicates.get(url).selected = on;
  updateCounts();
}

/** Selects or clears every item of a group, drawn or not. */
function selectGroup(key, on) {
  const entry = state.groups.get(key);
  for (const item of entry.items) {
    if (key === "duplicates") state.duplicates.get(item.url).selected = on;
    else state.choices.get(item.id).selected = on;
  }
  for (const box of entry.list.querySelectorAll('[data-testid="doctor-pick"]')) box.checked = on;
  updateCounts();
}

function selectAll(on) {
  for (const key of state.groups.keys()) selectGroup(key, on);
}

const isSelected = (key, item) =>
  key === "duplicates" ? state.duplicates.get(item.url).selected : state.choices.get(item.id).selected;

/** The counts of selected items, and the group and page checkboxes' states. */
function updateCounts() {
  let total = 0;
  let all = 0;
  for (const [key, entry] of state.groups) {
    const count = entry.items.filter((item) => isSelected(key, item)).length;
    entry.selectBox.checked = count === entry.items.length && count > 0;
    entry.selectBox.indeterminate = count > 0 && count < entry.items.length;
    entry.countNode.textContent = count ? fill(own.group_selected, { count: count.toLocaleString() }) : "";
    total += count;
    all += entry.items.length;
  }
  byId("select-all").checked = total === all && all > 0;
  byId("select-all").indeterminate = total > 0 && total < all;
  byId("selected-count").textContent = total ? fill(own.selected, { items: plural(total, "items") }) : own.nothing_selected;
  byId("fix-selected").disabled = total === 0;
}

const selected = (id, choice) => ({
  id,
  action: choice.action,
  ...(choice.action === "choose_account" ? { account: choice.account } : {}),
});

function selectedDuplicates(url, choice) {
  // Allowed: finds the core's own duplicate group by the key the core gave it; nothing is read from the URL.
  // eslint-disable-next-line no-restricted-syntax
  const group = state.report.duplicates.find((g) => g.url === url);
  return { url, keep: choice.keep, delete: group.bookmarks.map((m) => m.id).filter((id) => id !== choice.keep) };
}

/** What the person selected, in the shape the core's `planBookmarkBatch` reads. */
function currentSelection() {
  const findings = [];
  for (const [id, choice] of state.choices) if (choice.selected) findings.push(selected(id, choice));
  const duplicates = [];
  for (const [url, choice] of state.duplicates) if (choice.selected) duplicates.push(selectedDuplicates(url, choice));
  return { findings, duplicates };
}

// Preview and apply --------------------------------------------------------------------------------

/** Shows what the selection changes, as the core plans it; Apply only when nothing is wrong. */
function preview(selection) {
  let plan;
  try {
    plan = planBookmarkBatch(state.report, selection, state.team);
  } catch (error) {
    say("result-status", fill(own.not_checked, { error: error.message }), true);
    return;
  }
  state.plan = plan;
  const rows = plan.changes.map((change) => {
    const shown = state.listed.get(change.id) ?? { title: change.id, folder_path: [], url: "" };
    return h(
      "tr",
      { dataset: { id: change.id } },
      h("th", { scope: "row" }, titleOf(shown), h("span", { class: "folder muted" }, ` ${folderText(shown.folder_path)}`)),
      h("td", {}, h("code", {}, shown.url)),
      change.new_url === null ? h("td", { class: "delete" }, own.deleted) : h("td", {}, h("code", {}, change.new_url)),
    );
  });
  const tbody = byId("preview-table").tBodies[0];
  tbody.replaceChildren(...rows);
  byId("preview-problems").replaceChildren(...plan.problems.map((p) => h("li", {}, p.message)));
  const replaced = plan.changes.filter((c) => c.new_url !== null).length;
  const deleted = plan.changes.length - replaced;
  byId("preview-summary").textContent = plan.problems.length
    ? own.preview_problems
    : fill(own.preview_summary, { replaced: plural(replaced, "bookmarks"), deleted: plural(deleted, "bookmarks") });
  const applyButton = byId("apply");
  applyButton.disabled = plan.problems.length > 0 || plan.changes.length === 0;
  applyButton.textContent = plan.changes.length ? fill(own.apply_changes, { changes: plural(plan.changes.length, "changes") }) : own.apply;
  byId("preview").showModal();
  (applyButton.disabled ? byId("cancel") : applyButton).focus();
}

/** Journals and applies the previewed batch, then scans again. */
async function apply() {
  const plan = state.plan;
  byId("preview").close();
  if (!plan || plan.problems.length > 0) return;
  const wanted = new Set(plan.changes.map((c) => c.id));
  const scanned = new Map();
  for (const bookmark of state.tree.bookmarks) if (wanted.has(bookmark.id)) scanned.set(bookmark.id, bookmark.url);
  let result;
  try {
    result = await journal.applyBatch(plan.changes, scanned);
  } catch (error) {
    say("result-status", error.message, true);
    return;
  }
  // Our own changes make the tree read before them stale (their events may come later).
  state.generation += 1;
  await scan();
  const done = result.batch?.entries.length ?? 0;
  const titles = result.failed.map((f) => fill(own.quoted, { title: f.title })).join(", ");
  const failed = result.failed.length ? fill(own.not_changed, { bookmarks: plural(result.failed.length, "bookmarks"), titles }) : "";
  const status = byId("result-status");
  status.classList.toggle("error", result.failed.length > 0);
  status.replaceChildren(fill(own.fixed, { bookmarks: plural(done, "bookmarks"), failed }));
  if (result.batch) {
    const undo = h(
      "button",
      { type: "button", dataset: { testid: "doctor-undo-last" }, onclick: () => void undo(result.batch.batch_id) },
      own.undo,
    );
    status.append(undo);
    undo.focus();
  }
  await showHistory();
}

// Undo and the history ------------------------------------------------------------------------------

async function showHistory() {
  const list = await journal.batches();
  byId("history").hidden = list.length === 0;
  byId("batches").replaceChildren(
    ...list.map((batch) => {
      const deleted = batch.entries.filter((e) => e.new_url === null).length;
      const when = new Date(batch.time).toLocaleString();
      return h(
        "li",
        { dataset: { batch: batch.batch_id } },
        h("span", {}, when),
        h("span", {}, fill(own.batch, { addresses: plural(batch.entries.length - deleted, "addresses"), bookmarks: plural(deleted, "bookmarks") })),
        h(
          "button",
          { type: "button", "aria-label": fill(own.undo_label, { when }), dataset: { testid: "doctor-undo" }, onclick: () => void undo(batch.batch_id) },
          own.undo,
        ),
      );
    }),
  );
}

async function undo(batchId) {
  try {
    const result = await journal.undoBatch(batchId);
    const notes = [
      ...result.skipped.map((/** @type {any} */ s) => s.message),
      ...result.failed.map((f) => fill(own.note_failed, { title: f.title, message: f.message })),
    ];
    const noted = notes.length ? fill(own.undone_notes, { notes: notes.join("; ") }) : "";
    say("history-status", fill(own.undone, { bookmarks: plural(result.restored, "bookmarks"), notes: noted }), result.failed.length > 0);
    const last = byId("result-status");
    if (last.querySelector('[data-testid="doctor-undo-last"]')) last.replaceChildren(own.last_undone);
  } catch (error) {
    say("history-status", error.message, true);
  }
  await showHistory();
  state.generation += 1;
  if (state.report) await scan();
  byId("history-status").scrollIntoView({ block: "nearest" });
}

let forgetArmed = null;

/** Forgetting the records takes a second click within five seconds. */
async function forgetHistory() {
  const button = byId("forget-history");
  if (forgetArmed === null) {
    button.textContent = own.forget_again;
    forgetArmed = setTimeout(() => {
      forgetArmed = null;
      button.textContent = own.forget_records;
    }, 5000);
    return;
  }
  clearTimeout(forgetArmed);
  forgetArmed = null;
  button.textContent = own.forget_records;
  const saved = await journal.forgetAll();
  say("history-status", saved ? own.forgotten : own.not_forgotten, !saved);
  await showHistory();
}

// Export and known accounts -----------------------------------------------------------------------

function exportFindings(format) {
  if (!state.report) return;
  const text = findingsExport(state.report, format);
  const type = format === "csv" ? "text/csv" : "application/json";
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const day = new Date().toISOString().slice(0, 10);
  const link = h("a", { href: url, download: `aws-bookmark-findings-${day}.${format}`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  say("result-status", fill(own.exported, { format: format.toUpperCase() }));
}

/** The accounts offered while typing one: the team's first, then the others this browser knows (the core's list). */
async function fillKnownAccounts() {
  const [known, team] = await Promise.all([store.knownAccounts(), teamContext(), ready]);
  byId("known-accounts").replaceChildren(...doctorAccountChoices(known, team).map(({ value, label }) => h("option", { value, label })));
}
