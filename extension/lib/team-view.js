// @ts-check
// The options page's "Accounts" section: the organisation's accounts (read-only, "managed by your
// organisation") and the person's own, where each comes from, the problems of the organisation's
// configuration, and the person's tools: edit, remove, add, import from `~/.aws/config` or AWS Extend
// Switch Roles, export as team JSON. The core reads, checks, merges and edits; this file shows and asks.
import {
  addUserAccounts,
  editUserAccount,
  importAwsConfig,
  mergeAccounts,
  mergedBookmarksFile,
  parseTeamConfig,
  readOneAccount,
  redactConfigSecrets,
  regions,
  removeUserAccount,
} from "./pages-core.js";
import { byId, h } from "./dom.js";
import { onTeamChange, readTeam, saveUserAccounts } from "./team.js";
import { counted, fill, wordsOf } from "./words.js";

/** This section's words (the core's part `team`), once the core is ready. */
const words = () => wordsOf("team");
/** A field of an account in words (`display_name` → "display name"). */
const fieldWords = (field) => words()[`field_${field}`] ?? field;
const EMPTY = Object.freeze({ version: 1, accounts: [] });

/** What is shown: `{stored, user, merged}` (see team.js `readTeam`, the core's `mergeAccounts`). */
let shown = null;
/** The account whose edit form is open, or null. */
let editing = null;
/** The last import previewed (the core's `importAwsConfig` result), or null. */
let preview = null;

/** Shows the section, and keeps it up to date (the core must be ready); never throws (says what failed). */
export async function showTeam() {
  try {
    wire();
    onTeamChange(() => void render().catch(fail));
    await render();
  } catch (error) {
    fail(error);
  }
}

function fail(error) {
  console.error(error);
  say(fill(words().not_shown, { error: error.message }), true);
}

function say(text, error = false) {
  const node = byId("team-status");
  node.textContent = text;
  node.classList.toggle("error", error);
}

async function render() {
  const { stored, user } = await readTeam();
  const merged = mergeAccounts(stored?.config ?? null, user);
  shown = { stored, user, merged };
  showSummary(stored, merged);
  showProblems(stored);
  const managed = merged.accounts.filter((a) => a.source === "managed");
  const own = merged.accounts.filter((a) => a.source === "user");
  byId("managed-part").hidden = !merged.policy.managed;
  fillTable(byId("managed-accounts"), managed);
  fillTable(byId("user-accounts"), own);
  byId("user-accounts").hidden = own.length === 0;
  showUserNote(merged, own);
  showHiddenAndIgnored(merged);
  byId("user-tools").hidden = !merged.policy.allow_user_accounts;
  fillRegionSelect(byId("add-region"), merged, null);
  byId("team").dataset.ready = "true";
}

// What the organisation configured -------------------------------------------------------------------

function showSummary(stored, { policy, accounts }) {
  const count = accounts.filter((a) => a.source === "managed").length;
  let text;
  if (!policy.managed) {
    text = words().not_managed;
  } else {
    const since = stored?.since_ms ? fill(words().in_force_since, { when: new Date(stored.since_ms).toLocaleString() }) : "";
    text = fill(words().managed, { accounts: counted(words(), "accounts", count), since });
    text += policy.lock_accounts ? words().locked : words().unlocked;
  }
  byId("team-summary").textContent = text;
  byId("managed-note").textContent = policy.managed ? words().managed_note : "";
}

/** Each problem as `path: message` (the core's words), the newest unusable configuration first. */
function showProblems(stored) {
  const items = [];
  if (stored?.unusable) {
    const when = stored.since_ms ? fill(words().the_one_from, { when: new Date(stored.since_ms).toLocaleString() }) : words().none_in_force;
    items.push(
      h("li", { class: "severity-error" }, fill(words().unusable, { when })),
      ...parseTeamConfig(stored.unusable).problems.map(problemItem),
    );
  }
  if (stored?.value) items.push(...parseTeamConfig(stored.value).problems.map(problemItem));
  byId("team-problems").replaceChildren(...items);
  byId("team-problems-box").hidden = items.length === 0;
}

function problemItem({ path, message, severity }) {
  return h(
    "li",
    { class: `severity-${severity}`, dataset: { testid: "team-problem", severity, path } },
    path ? h("code", {}, path) : null,
    path ? `: ${message}` : message,
    severity === "warning" ? h("span", { class: "source" }, words().warning_mark) : null,
  );
}

// The accounts ------------------------------------------------------------------------------------

const regionWords = (code) => {
  if (!code) return "—";
  const region = regions().find((r) => r.code === code);
  return region ? `${region.name} (${code})` : code;
};

function fillTable(table, accounts) {
  const rows = accounts.flatMap((account) => {
    const row = accountRow(account);
    return editing === account.account_id ? [row, editRow(account)] : [row];
  });
  table.tBodies[0].replaceChildren(...rows);
}

function accountRow(account) {
  const name = account.display_name ?? account.alias ?? account.account_id;
  const mine = account.overridden.map(fieldWords);
  const source = mine.length ? fill(words().source_and_yours, { source: account.source_label, fields: mine.join(", ") }) : account.source_label;
  return h(
    "tr",
    { dataset: { testid: "team-account", account: account.account_id, source: account.source } },
    h(
      "td",
      {},
      account.color ? h("span", { class: "swatch", style: `background:${account.color}`, title: account.color }) : null,
      h("span", { dataset: { testid: "team-account-name" } }, name),
    ),
    h("td", {}, account.alias ?? "—"),
    h("td", {}, h("code", {}, account.account_id)),
    h("td", {}, regionWords(account.default_region)),
    h("td", {}, account.roles.map((r) => (r.display_name ? `${r.display_name} (${r.name})` : r.name)).join(", ") || "—"),
    h("td", { class: "source", dataset: { testid: "team-account-source" } }, source),
    h("td", {}, ...accountActions(account, name)),
  );
}

function accountActions(account, name) {
  const actions = [];
  if (account.editable.length > 0) {
    actions.push(
      h("button", { type: "button", "aria-label": fill(words().edit_label, { name }), dataset: { testid: "team-edit" }, onclick: () => openEditor(account) }, words().edit),
    );
  }
  if (account.source === "managed" && account.overridden.length > 0 && account.editable.length > 0) {
    actions.push(
      h("button", { type: "button", "aria-label": fill(words().reset_label, { name }), onclick: () => resetAccount(account, name) }, words().reset),
    );
  }
  if (account.source === "user") {
    actions.push(
      h("button", { type: "button", "aria-label": fill(words().remove_label, { name }), dataset: { testid: "team-remove" }, onclick: () => removeAccount(account, name) }, words().remove),
    );
  }
  return actions;
}

function editRow(account) {
  const input = (id, label, value, field) => [
    h("label", { for: id }, label),
    h("input", { type: "text", id, value: value ?? "", disabled: !account.editable.includes(field), autocomplete: "off" }),
  ];
  const region = h("select", { id: "edit-region", disabled: !account.editable.includes("default_region") });
  fillRegionSelect(region, shown.merged, account.default_region);
  const form = h(
    "form",
    { class: "team-form", dataset: { testid: "team-edit-form" } },
    ...input("edit-display-name", words().display_name, account.display_name, "display_name"),
    ...input("edit-color", words().colour, account.color, "color"),
    h("label", { for: "edit-region" }, words().default_region),
    region,
    h(
      "p",
      { class: "actions" },
      h("button", { type: "submit", class: "primary", dataset: { testid: "team-edit-save" } }, words().save),
      h("button", { type: "button", onclick: closeEditor }, words().cancel),
    ),
  );
  form.onsubmit = (event) => {
    event.preventDefault();
    void saveEdit(account, {
      display_name: byId("edit-display-name").value,
      color: byId("edit-color").value,
      default_region: region.value,
    });
  };
  return h("tr", { class: "editing" }, h("td", { colspan: "7" }, form));
}

/** Region choices: the allowed ones when the organisation restricts them, else all, by partition. */
function fillRegionSelect(select, merged, current) {
  const allowed = merged.allowed_regions;
  const all = regions().filter((r) => !allowed || allowed.includes(r.code));
  const groups = new Map();
  for (const region of all) {
    if (!groups.has(region.partition)) groups.set(region.partition, h("optgroup", { label: region.partition }));
    groups.get(region.partition).append(h("option", { value: region.code }, `${region.name} (${region.code})`));
  }
  select.replaceChildren(h("option", { value: "" }, words().no_region), ...groups.values());
  select.value = current ?? "";
}

function openEditor(account) {
  editing = account.account_id;
  void render().then(() => byId("edit-display-name")?.focus(), fail);
}

function closeEditor() {
  editing = null;
  void render().catch(fail);
}

async function saveEdit(account, values) {
  let user;
  try {
    user = editUserAccount(shown.user, shown.stored?.config ?? null, account.account_id, values);
  } catch (error) {
    say(error.message, true);
    return;
  }
  editing = null;
  await saveUserAccounts(user);
  say(fill(words().saved, { name: values.display_name || account.alias || account.account_id }));
}

async function resetAccount(account, name) {
  const user = editUserAccount(shown.user, shown.stored?.config ?? null, account.account_id, {});
  await saveUserAccounts(user);
  say(fill(words().was_reset, { name }));
}

async function removeAccount(account, name) {
  await saveUserAccounts(removeUserAccount(shown.user, account.account_id));
  say(fill(words().removed, { name }));
}

function showUserNote({ policy }, own) {
  let text = "";
  if (!policy.allow_user_accounts) text = words().own_not_allowed;
  else if (own.length === 0) text = words().none_yet;
  byId("user-note").textContent = text;
}

function showHiddenAndIgnored({ hidden, ignored }) {
  byId("team-hidden").replaceChildren(
    ...hidden.map((a) =>
      h("li", { dataset: { testid: "team-hidden-account", account: a.account_id } }, fill(words().hidden, { label: a.label, account: a.account_id, why: a.reason.message })),
    ),
    ...ignored.map((s) =>
      h("li", { dataset: { testid: "team-ignored" } }, fill(words().ignored, { field: fieldWords(s.field), account: s.account_id, why: s.reason.message })),
    ),
  );
}

// Adding, importing, exporting ------------------------------------------------------------------------

/** Adds the accounts of a team-format configuration to the person's; says what changed. */
async function addAccounts(config) {
  const { user, added, updated, unchanged } = addUserAccounts(shown.user, config);
  await saveUserAccounts(user);
  // The first part says it with a capital letter (the core's `_first` words).
  const parts = [];
  const part = (name, values) => parts.push(fill(words()[parts.length ? name : `${name}_first`], values));
  if (added.length) part("added", { accounts: counted(words(), "accounts", added.length), names: added.join(", ") });
  if (updated.length) part("updated", { names: updated.join(", ") });
  if (unchanged.length) part("unchanged", { names: unchanged.join(", ") });
  say(parts.length ? fill(words().changes, { changes: parts.join("; ") }) : words().nothing_to_add);
}

async function addOne(event) {
  event.preventDefault();
  // The core reads it as it reads every team configuration; its words name the field that is wrong.
  const { config, error } = readOneAccount({
    account_id: byId("add-account-id").value,
    alias: byId("add-alias").value,
    display_name: byId("add-display-name").value,
    default_region: byId("add-region").value,
  });
  if (error) {
    say(error, true);
    return;
  }
  await addAccounts(config);
  byId("team-add-form").reset();
}

async function readChosenFile(event) {
  const [file] = event.target.files;
  if (!file) return;
  // The secrets go as the file is read: the box never shows them.
  byId("import-text").value = redactConfigSecrets(await file.text());
  event.target.value = "";
  showPreview();
}

/** Replaces the secret values in the import box (pasted, dropped or typed) as soon as they are there. */
function redactImportText() {
  const area = byId("import-text");
  const redacted = redactConfigSecrets(area.value);
  if (redacted !== area.value) area.value = redacted;
}

/** Leaving the import (closing it, or the page) clears what was pasted: it may hold secrets. */
function clearImport() {
  preview = null;
  byId("import-text").value = "";
  byId("import-result").replaceChildren();
}

function showPreview() {
  const box = byId("import-result");
  preview = null;
  redactImportText();
  let result;
  try {
    result = importAwsConfig(byId("import-text").value, "auto");
  } catch (error) {
    box.replaceChildren(h("p", { class: "status error", dataset: { testid: "import-error" } }, error.message));
    return;
  }
  preview = result;
  const accounts = result.config.accounts;
  const format = result.format === "aesr" ? words().format_aesr : words().format_config;
  const parts = [
    h(
      "p",
      { dataset: { testid: "import-summary" } },
      fill(words().import_summary, {
        accounts: counted(words(), "accounts", accounts.length),
        profiles: counted(words(), "profiles", result.profiles),
        format,
      }),
    ),
  ];
  if (accounts.length) {
    parts.push(
      h(
        "table",
        { dataset: { testid: "import-accounts" } },
        h("thead", {}, h("tr", {}, ...["column_name", "column_account", "column_region", "column_roles", "column_portal"].map((t) => h("th", { scope: "col" }, words()[t])))),
        h(
          "tbody",
          {},
          ...accounts.map((a) =>
            h(
              "tr",
              { dataset: { testid: "import-account", account: a.accountId } },
              h("td", {}, a.displayName ?? a.alias ?? "—"),
              h("td", {}, h("code", {}, a.accountId)),
              h("td", {}, regionWords(a.defaultRegion)),
              h("td", {}, (a.roles ?? []).map((r) => r.name).join(", ") || "—"),
              h("td", {}, a.ssoStartUrl ?? "—"),
            ),
          ),
        ),
      ),
    );
  }
  if (result.skipped_secrets.length) {
    parts.push(
      h(
        "div",
        { class: "warning-box", dataset: { testid: "import-secrets" } },
        h("p", {}, h("strong", {}, words().secrets_skipped), words().secrets_not_kept),
        h("ul", {}, ...result.skipped_secrets.map((s) => h("li", {}, fill(words().secret_at, { profile: s.profile, line: s.line, keys: s.keys.join(", ") })))),
        h("p", {}, words().secrets_clear),
      ),
    );
  }
  if (result.problems.length) {
    parts.push(
      h(
        "ul",
        { class: "team-problems", dataset: { testid: "import-problems" } },
        ...result.problems.map((p) => h("li", { class: `severity-${p.severity}` }, fill(words().problem_at, { line: p.line, message: p.message }))),
      ),
    );
  }
  if (accounts.length && shown.merged.policy.allow_user_accounts) {
    const add = counted(words(), "add", accounts.length);
    parts.push(
      h(
        "p",
        { class: "actions" },
        h("button", { type: "button", class: "primary", dataset: { testid: "import-add" }, onclick: addPreview }, add),
      ),
    );
  }
  box.replaceChildren(...parts);
}

async function addPreview() {
  if (!preview) return;
  await addAccounts(preview.config);
  preview = null;
  // The pasted text goes once its accounts are added.
  clearImport();
}

/** Downloads the person's accounts as a team configuration (the format admins deploy). */
function exportAccounts() {
  const { config } = parseTeamConfig(shown?.user ?? EMPTY);
  download(`${JSON.stringify(config ?? EMPTY, null, 2)}\n`, "application/json", "signin-guard-accounts.json");
  say(fill(words().exported_accounts, { n: config?.accounts.length ?? 0 }));
}

/**
 * Downloads a bookmarks file (Netscape format, which every browser imports) with a sign-in link for every
 * account, role and favourite region, by the method that signs in to each (the core's links).
 */
function exportBookmarks() {
  const text = mergedBookmarksFile(shown?.stored?.config ?? null, shown?.user ?? null);
  download(text, "text/html", "aws-accounts.html");
  say(words().exported_bookmarks);
}

/** Saves `text` as a download named `name`. */
function download(text, type, name) {
  const link = h("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name, class: "offscreen" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

let wired = false;

function wire() {
  if (wired) return;
  wired = true;
  byId("team-add-form").addEventListener("submit", (event) => void addOne(event).catch(fail));
  byId("import-file").addEventListener("change", (event) => void readChosenFile(event).catch(fail));
  byId("import-preview").addEventListener("click", showPreview);
  byId("import-text").addEventListener("input", redactImportText);
  byId("team-import").addEventListener("toggle", (event) => {
    if (!event.target.open) clearImport();
  });
  window.addEventListener("pagehide", clearImport);
  byId("team-export").addEventListener("click", exportAccounts);
  byId("team-bookmarks").addEventListener("click", exportBookmarks);
}
