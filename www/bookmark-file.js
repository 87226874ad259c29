// The page's bookmark file doctor: reads a chosen or dropped bookmarks export, has the core check it in ONE
// call, lists the findings grouped as the extension's doctor groups them with a choice per finding, and
// has the core write the fixed file (the CLI's `bookmarks check` and `fix` on the same core). Which
// bookmarks need attention, what "fix all" chooses, which choices are allowed and which bytes change
// are the core's decisions, and every word shown is the core's; this file only shows them and collects the
// person's choices.
import { checkerWords } from "./pkg/signin_guard.js";
import { ready } from "./core.js";
import { loadTools, reading, warmTools } from "./tools.js";
import { counted, fill } from "./words.js";

const byId = (id) => document.getElementById(id);

/**
 * Rows drawn per group at first and per "Show more"; members of a group of duplicates drawn. Few at first:
 * creating and styling rows is most of the drawing (bench/www-doctor.mjs), and a group's heading says how many.
 */
const FIRST_ROWS = 10;
const MORE_ROWS = 500;
const MEMBERS_SHOWN = 20;
/** Changes listed after a fix (the report has them all). */
const CHANGES_SHOWN = 200;

/** The core's words for each group and choice (`doctorWords`), once the tools package is loaded. */
let words = { groups: {}, actions: {} };
/**
 * The file doctor's own words (src/events/ui_words.rs `Part::WebFileDoctor`: those it shares with the
 * extension's doctor and its own), once the tools package is loaded.
 */
let own = /** @type {Record<string, string>} */ ({});

/** The file and what the person chose; replaced when another file is read. */
let state = null;
/** The tools package's exports, once loaded (a file was read, so they are). */
let loaded = null;
const toolsNow = () => loaded;

/** One formatter, made as the page loads: `toLocaleString` makes one per call (~2 ms each in a fresh page). */
const numbers = new Intl.NumberFormat("en-US");
const count = (n) => numbers.format(n);
/** `n` of a counted thing (`bookmarks`, `places`…: the core's `bookmarks_one`, `bookmarks_other`). */
const plural = (n, name) => counted(own, name, n, count(n));
const folderText = (path) => (path.length ? path.join(" › ") : own.top_level);
const titleOf = (item) => item.title || own.no_title;
const round = (ms) => Math.round(ms * 10) / 10;

function h(tag, attributes = {}, ...children) {
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

/** Calls `done` once the frame with the latest DOM changes has been painted (about). */
const afterPaint = (done) => requestAnimationFrame(() => setTimeout(done, 0));

/** Counts an event on the body for tests and benchmarks (`data-NAME`), with its timings. */
function mark(name, timings) {
  // eslint-disable-next-line no-restricted-syntax -- a data attribute's name (`data-NAME-timings`), never shown
  document.body.dataset[`${name}Timings`] = JSON.stringify(timings);
  document.body.dataset[name] = String(Number(document.body.dataset[name] ?? 0) + 1);
}

function say(text) {
  byId("file-status").textContent = text;
}

function fail(text) {
  byId("file-error").textContent = text;
}

// Reading and checking ----------------------------------------------------------------------------------

/** Reads the file, checks it in one core call and lists the findings (no warm-up meanwhile). `start`: when it was chosen. */
async function readFile(file, start) {
  reading(true);
  try {
    await checkFile(file, start);
  } finally {
    reading(false);
  }
  // A file chosen before the pointer ever rested on the box: "fix all" runs warmer code for it.
  warm();
}

async function checkFile(file, start) {
  fail("");
  byId("fix-result").hidden = true;
  let tools;
  try {
    // The core package (loaded with the page) says it, as the tools package may still be on its way.
    await ready;
    say(fill(checkerWords().reading_file, { name: file.name }));
    tools = await loadTools();
    loaded = tools;
    words = tools.doctorWords("file");
    own = tools.webPageWords("web-file-doctor");
  } catch (error) {
    say("");
    // eslint-disable-next-line no-restricted-syntax -- the core's package did not load, so it cannot say this
    fail(`The bookmark tools could not be loaded: ${error.message}`);
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const read = performance.now();
  let checked;
  try {
    checked = tools.checkBookmarkFile(bytes);
  } catch (error) {
    state = null;
    byId("file-findings").hidden = true;
    say("");
    fail(fill(own.not_a_bookmarks_file, { name: file.name, error: error.message }));
    return;
  }
  const analysed = performance.now();
  state = {
    name: file.name,
    bytes,
    report: checked.report,
    notes: checked.notes,
    fixAll: checked.fix_all,
    choices: new Map(),
    duplicates: new Map(),
    rows: new Map(),
    fixed: null,
  };
  showReport();
  const rendered = performance.now();
  await new Promise((painted) => afterPaint(painted));
  mark("files", {
    read_ms: round(read - start),
    check_ms: round(analysed - read),
    render_ms: round(rendered - analysed),
    shown_ms: round(performance.now() - start),
    bytes: bytes.length,
    bookmarks: checked.report.total,
  });
}

function showReport() {
  const { report, notes } = state;
  for (const finding of report.groups.flatMap((g) => g.findings)) state.choices.set(finding.id, { action: "keep", account: "" });
  for (const group of report.duplicates) {
    const keep = group.bookmarks.find((m) => m.keep) ?? group.bookmarks[0];
    state.duplicates.set(group.url, { remove: false, keep: keep.id });
  }
  const listed = report.needs_attention + report.duplicates.length;
  const parts = [
    fill(own.file_total, { name: state.name, bookmarks: plural(report.total, "bookmarks") }),
    listed === 0 ? own.nothing_to_fix : fill(own.to_fix, { bookmarks: plural(report.needs_attention, "bookmarks") }),
  ];
  if (report.duplicates.length) parts.push(fill(own.more_than_once, { signins: plural(report.duplicates.length, "signins") }));
  parts.push(fill(own.summary_rest, { fine: plural(report.fine, "fine"), not_aws: plural(report.not_aws, "not_aws") }));
  if (notes.length) {
    const first = notes.slice(0, 3).map((n) => fill(own.note_at, { line: n.at.line, message: n.message }));
    parts.push(fill(own.sloppy, { places: plural(notes.length, "places"), notes: `${first.join("; ")}${notes.length > 3 ? "; …" : ""}` }));
  }
  const summary = parts.join("");
  byId("file-summary").textContent = summary;
  byId("file-summary").dataset.clean = String(listed === 0);
  const fragment = document.createDocumentFragment();
  for (const group of report.groups) fragment.append(groupSection(group.kind, group.findings, findingRow));
  if (report.duplicates.length) fragment.append(groupSection("duplicates", report.duplicates, duplicateRow));
  byId("file-groups").replaceChildren(fragment);
  byId("fix-all").disabled = state.fixAll.findings.length === 0;
  byId("file-findings").hidden = false;
  const findings = listed === 0 ? own.nothing_to_fix : fill(own.listed_below, { findings: plural(listed, "findings") });
  say(fill(own.read, { name: state.name, findings }));
}

/** A group: heading, explanation and the first rows; "Show more" draws the next ones. */
function groupSection(key, items, row) {
  const group = words.groups[key] ?? { title: key, explain: "" };
  const list = h("ul", { class: "rows" });
  const more = h("button", { type: "button", class: "secondary" });
  const section = h(
    "section",
    { class: "group", dataset: { kind: key }, "aria-labelledby": `group-${key}` },
    h("h3", { id: `group-${key}` }, fill(own.group_title, { title: group.title, count: count(items.length) })),
    h("p", { class: "muted" }, group.explain),
    list,
    more,
  );
  let shown = 0;
  const draw = (rows) => {
    const end = Math.min(items.length, shown + rows);
    list.append(...items.slice(shown, end).map((item, i) => row(item, shown + i)));
    shown = end;
    more.hidden = shown >= items.length;
    more.textContent = fill(own.show_more, { rest: count(items.length - shown) });
  };
  more.addEventListener("click", () => {
    const first = shown;
    draw(MORE_ROWS);
    list.children[first]?.querySelector("select")?.focus();
  });
  draw(FIRST_ROWS);
  return section;
}

/** One finding: title, folder and line; the address now and the one proposed; the person's choice. */
function findingRow(finding) {
  const choice = state.choices.get(finding.id);
  const replacement = finding.actions.find((a) => a.action === "replace")?.url ?? null;
  const after = h("code", { class: "new", dataset: { testid: "bookmarks-new-url" } });
  const fate = h("span", { class: "fate" });
  const errorId = `file-error-${finding.id}`;
  const error = h("span", { class: "field-error", id: errorId, role: "alert" });
  const account = h("input", {
    type: "text",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: own.account_placeholder,
    "aria-label": fill(own.account_for, { title: titleOf(finding) }),
    "aria-describedby": errorId,
    dataset: { testid: "bookmarks-account" },
    value: choice.account,
  });
  const select = h(
    "select",
    { "aria-label": fill(own.what_to_do, { title: titleOf(finding) }), dataset: { testid: "bookmarks-action" } },
    ...["keep", ...finding.actions.map((a) => a.action)].map((action) =>
      h("option", { value: action, selected: action === choice.action }, words.actions[action] ?? action),
    ),
  );
  const show = () => {
    select.value = choice.action;
    account.hidden = choice.action !== "choose_account";
    error.textContent = "";
    if (choice.action === "choose_account") {
      after.textContent = choice.account.trim() ? accountUrl(finding, choice.account, error) : own.type_account;
    } else {
      after.textContent = replacement ?? "—";
    }
    fate.textContent = { keep: own.kept_as_it_is, replace: own.fixed_fate, delete: own.deleted_fate, choose_account: own.fixed_fate }[choice.action];
    row.dataset.choice = choice.action;
  };
  select.addEventListener("change", () => {
    choice.action = select.value;
    chosen();
    show();
    if (choice.action === "choose_account") account.focus();
  });
  account.addEventListener("input", () => {
    choice.account = account.value;
    chosen();
    show();
  });
  const row = h(
    "li",
    { class: "row", dataset: { id: finding.id, kind: finding.kind, testid: "bookmarks-row" } },
    h(
      "div",
      { class: "what" },
      h("span", { class: "title" }, titleOf(finding)),
      h("span", { class: "folder" }, folderText(finding.folder_path)),
      h("span", { class: "line muted" }, finding.line ? fill(own.at_line, { line: finding.line }) : ""),
      h("span", { class: "message" }, finding.message),
    ),
    h(
      "div",
      { class: "change" },
      h("span", { class: "label" }, own.now),
      h("code", { class: "old", dataset: { testid: "bookmarks-old-url" } }, finding.url),
      h("span", { class: "label" }, own.new),
      after,
    ),
    h("div", { class: "choice" }, select, account, h("span", { class: "muted" }, " → "), fate, error),
  );
  state.rows.set(finding.id, show);
  show();
  return row;
}

/** The sign-in URL of the account typed for a finding, or "—" with the reason next to it. */
function accountUrl(finding, text, error) {
  try {
    return toolsNow().doctorFixWithAccount(finding, text);
  } catch (problem) {
    error.textContent = problem.message;
    return "—";
  }
}


/** A group of duplicates: keep them all, or keep one (a radio button each) and delete the others. */
function duplicateRow(group, index) {
  const choice = state.duplicates.get(group.url);
  const fates = new Map();
  const kept = group.bookmarks.find((m) => m.id === choice.keep);
  const shown = group.bookmarks.slice(0, MEMBERS_SHOWN);
  if (kept && !shown.includes(kept)) shown.push(kept);
  const showFates = () => {
    for (const [id, fate] of fates) {
      const deleted = choice.remove && id !== choice.keep;
      fate.textContent = deleted ? own.deleted_fate : own.kept_fate;
      fate.classList.toggle("delete", deleted);
    }
    select.value = choice.remove ? "delete" : "keep";
  };
  const select = h(
    "select",
    { "aria-label": fill(own.duplicates_what, { account: group.account }), dataset: { testid: "bookmarks-action" } },
    h("option", { value: "keep" }, own.keep_all),
    h("option", { value: "delete" }, own.delete_others),
  );
  select.addEventListener("change", () => {
    choice.remove = select.value === "delete";
    chosen();
    showFates();
  });
  const members = shown.map((member) => {
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
          "aria-label": fill(own.keep_label, { title: titleOf(member), line: member.line }),
          dataset: { testid: "bookmarks-keep" },
          onchange: () => {
            choice.keep = member.id;
            chosen();
            showFates();
          },
        }),
        own.keep,
      ),
      fate,
      h("span", { class: "title" }, titleOf(member)),
      h("span", { class: "folder" }, folderText(member.folder_path)),
      h("span", { class: "line muted" }, member.line ? fill(own.at_line, { line: member.line }) : ""),
      h("code", {}, member.url),
    );
  });
  const hidden = group.bookmarks.length - shown.length;
  const row = h(
    "li",
    { class: "row", dataset: { url: group.url, kind: "duplicates", testid: "bookmarks-row" } },
    h(
      "div",
      { class: "what" },
      h("span", { class: "title" }, fill(own.duplicates_title, { account: group.account, bookmarks: plural(group.bookmarks.length, "bookmarks") })),
      h("code", {}, group.url),
    ),
    h("div", { class: "choice" }, select),
    h("ol", { class: "members", "aria-label": fill(own.duplicates_members, { account: group.account }) }, ...members),
    hidden > 0 ? h("p", { class: "muted" }, fill(own.duplicates_hidden, { bookmarks: plural(hidden, "more_bookmarks") })) : null,
  );
  showFates();
  return row;
}

// Choices, fix all and the fixed file -------------------------------------------------------------------

/** A choice changed: the fixed file made before is out of date. */
function chosen() {
  if (!state?.fixed) return;
  URL.revokeObjectURL(state.fixed.url);
  state.fixed = null;
  byId("fix-summary").textContent = own.choices_changed;
}

/** What the person chose, in the shape the core's batch planner reads (`planBookmarkBatch`'s). */
function currentSelection() {
  const findings = [];
  for (const [id, choice] of state.choices) {
    if (choice.action === "keep") continue;
    findings.push({ id, action: choice.action, ...(choice.action === "choose_account" ? { account: choice.account } : {}) });
  }
  const duplicates = [];
  for (const group of state.report.duplicates) {
    const choice = state.duplicates.get(group.url);
    if (!choice.remove) continue;
    duplicates.push({ url: group.url, keep: choice.keep, delete: group.bookmarks.map((m) => m.id).filter((id) => id !== choice.keep) });
  }
  return { findings, duplicates };
}

/** "Fix all": every replacement the core proposes is chosen, then the fixed file is made. */
async function fixAll(start) {
  if (!state) return;
  for (const { id } of state.fixAll.findings) {
    const choice = state.choices.get(id);
    if (choice && choice.action !== "delete") choice.action = "replace";
    state.rows.get(id)?.();
  }
  chosen();
  await makeFixed(start);
}

/** Has the core write the fixed file for the current choices; false (with why) when it cannot. */
async function makeFixed(start = performance.now()) {
  const tools = await loadTools();
  let result;
  try {
    result = tools.fixBookmarkFile(state.bytes, currentSelection());
  } catch (error) {
    fail(fill(own.not_made, { error: error.message }));
    return false;
  }
  const fixedAt = performance.now();
  const problems = byId("fix-problems");
  problems.replaceChildren(...result.problems.map((p) => h("li", {}, p.message)));
  byId("fix-result").hidden = false;
  if (result.problems.length) {
    byId("fix-summary").textContent = fill(own.fix_choices_first, { choices: plural(result.problems.length, "choices") });
    byId("fix-changes").tBodies[0].replaceChildren();
    return false;
  }
  const url = URL.createObjectURL(new Blob([result.output], { type: "text/html" }));
  state.fixed = { url, result };
  const ready = performance.now();
  showChanges(result);
  afterPaint(() => mark("fixes", { fix_ms: round(fixedAt - start), ready_ms: round(ready - start), shown_ms: round(performance.now() - start), bytes: result.output.length }));
  return true;
}

function showChanges(result) {
  const titles = new Map(state.report.groups.flatMap((g) => g.findings).map((f) => [f.id, f.title]));
  const rows = [
    ...result.changes.map((c) => ({ line: c.line, id: c.id, before: c.old_url, after: c.new_url })),
    ...result.deleted.map((d) => ({ line: d.line, id: d.id, before: d.url, after: null, title: d.title })),
    ...result.unchanged.map((u) => ({ line: u.line, id: u.id, before: u.url, after: undefined, why: u.reason })),
  ].sort((a, b) => a.line - b.line);
  const body = rows.slice(0, CHANGES_SHOWN).map((r) =>
    h(
      "tr",
      { dataset: { id: r.id } },
      h("td", {}, String(r.line)),
      h("td", {}, r.title ?? titles.get(r.id) ?? ""),
      h("td", {}, h("code", {}, r.before)),
      r.after === null
        ? h("td", { class: "delete" }, own.deleted)
        : r.after === undefined
          ? h("td", {}, fill(own.left_as_it_is, { why: r.why }))
          : h("td", {}, h("code", {}, r.after)),
    ),
  );
  byId("fix-changes").tBodies[0].replaceChildren(...body);
  const notWritten = result.unchanged.length ? fill(own.not_written, { fixes: plural(result.unchanged.length, "chosen_fixes") }) : "";
  const firstListed = rows.length > CHANGES_SHOWN ? fill(own.first_listed, { count: CHANGES_SHOWN }) : "";
  byId("fix-summary").textContent = fill(own.ready, {
    addresses: plural(result.changes.length, "addresses"),
    bookmarks: plural(result.deleted.length, "bookmarks"),
    not_written: notWritten,
    first_listed: firstListed,
  });
}

/** Saves the fixed file (made again if the choices changed since). */
async function download() {
  if (!state) return;
  if (!state.fixed && !(await makeFixed())) return;
  const dot = state.name.lastIndexOf(".");
  const name = dot > 0 ? `${state.name.slice(0, dot)}-fixed${state.name.slice(dot)}` : `${state.name}-fixed.html`;
  save(state.fixed.url, name);
}

function save(url, name) {
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
}

async function exportReport(format) {
  if (!state) return;
  const tools = await loadTools();
  const text = tools.findingsExport(state.report, format);
  const type = format === "csv" ? "text/csv" : "application/json";
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const dot = state.name.lastIndexOf(".");
  // eslint-disable-next-line no-restricted-syntax -- a file name's ending (`bookmarks-findings.csv`), not words
  save(url, `${dot > 0 ? state.name.slice(0, dot) : state.name}-findings.${format}`);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// Wiring ------------------------------------------------------------------------------------------------

/** Starts loading and warming up the tools when the person reaches for the file doctor, so a choice waits less. */
function warm() {
  warmTools().then((tools) => (loaded = tools), () => {});
}

function wire() {
  const input = byId("bookmarks-file");
  const drop = byId("file-drop");
  for (const name of ["pointerenter", "focusin", "dragenter"]) drop.addEventListener(name, warm, { once: true });
  input.addEventListener("change", (event) => {
    const file = input.files[0];
    if (file) void readFile(file, event.timeStamp);
  });
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    const file = event.dataTransfer.files[0];
    if (file) void readFile(file, event.timeStamp);
  });
  byId("fix-all").addEventListener("click", (event) => void fixAll(event.timeStamp));
  byId("download").addEventListener("click", () => void download());
  byId("export-json").addEventListener("click", () => void exportReport("json"));
  byId("export-csv").addEventListener("click", () => void exportReport("csv"));
}

wire();
