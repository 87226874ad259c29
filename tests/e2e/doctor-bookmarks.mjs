// The bookmark doctor's test tree, shared by its Chromium and Firefox tests: the planted bad AWS bookmarks
// with what the doctor must make of them, a generated tree around them, and the checks both browsers make
// the same way. Expected results are written here by hand, from what each planted URL is, not asked of
// the core.
//
// Functions named `…InExtension` run INSIDE the extension (Chromium's worker, a Firefox extension page)
// and `…InPage` inside the doctor page: they use no closure and return plain JSON.

import assert from "node:assert/strict";

export const GENERAL = "https://console.aws.amazon.com/";

/** A captured sign-in redirect saved by hand after the Undo (not planted). */
export const SENTINEL_URL = "https://signin.aws.amazon.com/signin?redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com%2Fsentinel";

// --- The planted bookmarks ---------------------------------------------------------------------------
// `kind` is the group the doctor must list it in (null: only in a group of duplicates); `after` is the
// URL after "fix all", or DELETED. `choose` is what the test does in the row before fixing all.

export const DELETED = Symbol("deleted");
/** Of identical canonical duplicates, the doctor keeps the first in the tree: whichever that is. */
export const KEEP_ONE = Symbol("keep one");
const REDIRECT_QUERY =
  "redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com%2Fconsole%2Fhome%3Fstate%3DhashArgs%2523%26isauthcode%3Dtrue" +
  "&client_id=arn%3Aaws%3Aiam%3A%3A015428540659%3Auser%2Fhomepage&response_type=code";

export const PLANTED = [
  // Captured sign-in pages without an account: the general sign-in URL of their partition.
  { key: "redirect", kind: "captured_redirect", url: `https://signin.aws.amazon.com/oauth?${REDIRECT_QUERY}`, after: GENERAL },
  {
    key: "redirect-regional",
    kind: "captured_redirect",
    url: `https://us-east-2.signin.aws.amazon.com/oauth?${REDIRECT_QUERY}`,
    after: GENERAL,
    validate: true,
  },
  { key: "redirect-china", kind: "captured_redirect", url: "https://signin.amazonaws.cn/signin?redirect_uri=https%3A%2F%2Fconsole.amazonaws.cn%2F", after: "https://console.amazonaws.cn/" },
  // IAM Identity Center's own sign-in page names no portal: it can only be deleted.
  { key: "redirect-identity-center", kind: "captured_redirect", url: "https://us-east-1.signin.aws/platform/d-1234567890/login?workflowStateHandle=abc", after: DELETED },
  // Captured sign-in pages WITH an account: on the account's own host, the core files them as account
  // URLs not in canonical form, fixed to the account's sign-in URL.
  { key: "redirect-account-id", kind: "not_canonical", url: `https://123456789012.signin.aws.amazon.com/oauth?${REDIRECT_QUERY}`, after: "https://123456789012.signin.aws.amazon.com/console" },
  { key: "redirect-account-alias", kind: "not_canonical", url: "https://teamblue.signin.aws.amazon.com/signin?redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com%2F", after: "https://teamblue.signin.aws.amazon.com/console" },
  // Secrets: replaced (proposed), or deleted when the person chooses so.
  { key: "federation", kind: "secret_in_url", url: "https://signin.aws.amazon.com/federation?Action=login&Issuer=example.org&Destination=https%3A%2F%2Fconsole.aws.amazon.com%2F&SigninToken=SECRETTOKEN1", after: GENERAL },
  { key: "federation-account", kind: "secret_in_url", url: "https://210987654321.signin.aws.amazon.com/federation?Action=login&SigninToken=SECRETTOKEN2", after: DELETED, choose: "delete" },
  { key: "credentials", kind: "secret_in_url", url: "https://eu-west-1.console.aws.amazon.com/s3/buckets?region=eu-west-1&X-Amz-Security-Token=SECRETTOKEN3&X-Amz-Signature=SECRETSIG", after: GENERAL },
  // Multi-session console links: the same page on the stable host.
  { key: "multi-session", kind: "multi_session", url: "https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/console/home?region=us-east-1", after: "https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1" },
  { key: "multi-session-fragment", kind: "multi_session", url: "https://111122223333-zz99yy88.eu-central-1.console.aws.amazon.com/ec2/home?region=eu-central-1#Instances:", after: "https://eu-central-1.console.aws.amazon.com/ec2/home?region=eu-central-1#Instances:" },
  // Lookalikes: deleted.
  { key: "lookalike-suffix", kind: "lookalike", url: "https://myalias.signin.aws.amazon.com.evil.example/console", after: DELETED },
  { key: "lookalike-hyphen", kind: "lookalike", url: "https://signin-aws-amazon.example.net/console", after: DELETED },
  { key: "lookalike-tld", kind: "lookalike", url: "https://signin.aws.amazon.co/console", after: DELETED },
  // Account URLs not in canonical form (browsers lowercase hosts, so the case is in the path).
  { key: "http", kind: "not_canonical", url: "http://prodteam.signin.aws.amazon.com/console", after: "https://prodteam.signin.aws.amazon.com/console" },
  { key: "mixed-case", kind: "not_canonical", url: "https://devteam.signin.aws.amazon.com/Console", after: "https://devteam.signin.aws.amazon.com/console" },
  { key: "trailing-slash", kind: "not_canonical", url: "https://qateam.signin.aws.amazon.com/CONSOLE/", after: "https://qateam.signin.aws.amazon.com/console" },
  { key: "trailing-junk", kind: "not_canonical", url: "https://444455556666.signin.aws.amazon.com/console?#", after: "https://444455556666.signin.aws.amazon.com/console" },
  { key: "service-and-region", kind: "not_canonical", url: "https://stagingteam.signin.aws.amazon.com/console/s3/?region=eu-west-2", after: "https://stagingteam.signin.aws.amazon.com/console/s3?region=eu-west-2" },
  // No valid account in the host: the person types one.
  { key: "invalid-label", kind: "invalid_account_label", url: "https://my--alias.signin.aws.amazon.com/console", after: "https://labelteam.signin.aws.amazon.com/console", account: "labelteam" },
  // Duplicates: three identical, kept the first; an http one and its canonical twin, kept the canonical.
  { key: "dup-a", kind: null, duplicate: "dupteam", url: "https://dupteam.signin.aws.amazon.com/console", after: KEEP_ONE },
  { key: "dup-b", kind: null, duplicate: "dupteam", url: "https://dupteam.signin.aws.amazon.com/console", after: KEEP_ONE },
  { key: "dup-c", kind: null, duplicate: "dupteam", url: "https://dupteam.signin.aws.amazon.com/console", after: KEEP_ONE },
  { key: "dup-http", kind: "not_canonical", duplicate: "dupteam2", url: "http://dupteam2.signin.aws.amazon.com/console", after: DELETED },
  { key: "dup-canonical", kind: null, duplicate: "dupteam2", url: "https://dupteam2.signin.aws.amazon.com/console", after: "https://dupteam2.signin.aws.amazon.com/console" },
];

/** AWS bookmarks that are fine: counted, never listed, never changed. */
export const FINE = [
  "https://signin.aws.amazon.com/switchrole?account=123456789012&roleName=Admin",
  "https://d-1234567890.awsapps.com/start",
  "https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1",
  "https://console.aws.amazon.com/",
  "https://console.amazonaws-us-gov.com/",
];

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The tree: `folderCount` folders nested up to 7 deep under the bookmarks bar ("bar") and "Other
 * bookmarks" ("other"), and `total` bookmarks spread over them; the planted ones at fixed places in the
 * creation order. `bookmarks[i].planted` is the key of the planted bookmark it is.
 */
export function generateTree({ total, folderCount, seed = 4 }) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const names = ["AWS", "Work", "Projects", "Reading", "Ünïcode ✓ folder", "Archive 2019", "Team, \"ops\"", "Nested"];
  const folders = [];
  const depth = { bar: 0, other: 0 };
  for (let i = 0; i < folderCount; i += 1) {
    const candidates = ["bar", "other", ...folders.map((f) => f.key)].filter((key) => depth[key] < 7);
    const parent = pick(candidates);
    const key = `f${i}`;
    depth[key] = depth[parent] + 1;
    folders.push({ key, parent, title: `${pick(names)} ${i}` });
  }
  const places = ["bar", "other", ...folders.map((f) => f.key)];
  const titles = ["Docs", "Wiki — team", "日本語のページ", "🔥 Dashboard", "", "Notes, \"quoted\"", "Ticket #42"];
  const others = [
    (i) => `https://site${i % 997}.example.com/page/${i}?q=${i}&lang=en#top`,
    (i) => `https://docs.aws.amazon.com/IAM/latest/UserGuide/page-${i}.html`,
    (i) => `https://aws.amazon.com/blogs/aws/post-${i}/`,
    (i) => `https://github.com/example/repo-${i}/issues/${i % 300}`,
    (i) => `javascript:void(alert(${i}))`,
    (i) => `https://xn--bcher-kva.example/${i}`,
    (i) => `https://fine${i}.signin.aws.amazon.com/console`,
  ];
  const bookmarks = [];
  const plantedEvery = Math.floor(total / (PLANTED.length + FINE.length + 1));
  let planted = 0;
  let fine = 0;
  for (let i = 0; i < total; i += 1) {
    const folder = pick(places);
    const title = `${pick(titles)} ${i}`;
    if (i % plantedEvery === plantedEvery - 1 && planted < PLANTED.length) {
      const p = PLANTED[planted++];
      // A page saved without a title is titled with its URL: a secret's title holds the secret too.
      const title = p.kind === "secret_in_url" ? `${p.url} AWS ${p.key} ${i}` : `AWS ${p.key} ${i}`;
      bookmarks.push({ folder, title, url: p.url, planted: p.key });
    } else if (i % plantedEvery === Math.floor(plantedEvery / 2) && fine < FINE.length) {
      bookmarks.push({ folder, title, url: FINE[fine++] });
    } else {
      // Few fine account URLs (distinct accounts), the rest not AWS sign-in or console URLs.
      const kind = i % 50 === 7 ? 6 : Math.floor(next() * 6);
      bookmarks.push({ folder, title, url: others[kind](i) });
    }
  }
  assert.equal(planted, PLANTED.length, "every planted bookmark is in the tree");
  return { folders, bookmarks };
}


/**
 * In the extension: creates `tree` (generateTree) under the browser's own folders `roots` (`{bar,
 * other}`: Chromium "1" and "2", Firefox "toolbar_____" and "unfiled_____"), 500 bookmarks at a time;
 * returns the bookmarks' ids in creation order.
 */
export async function createTreeInExtension({ tree: { folders, bookmarks }, roots }) {
  const api = globalThis.browser ?? globalThis.chrome;
  const ids = { ...roots };
  for (const folder of folders) {
    ids[folder.key] = (await api.bookmarks.create({ parentId: ids[folder.parent], title: folder.title })).id;
  }
  const created = [];
  for (let i = 0; i < bookmarks.length; i += 500) {
    const part = bookmarks.slice(i, i + 500);
    const nodes = await Promise.all(part.map((b) => api.bookmarks.create({ parentId: ids[b.folder], title: b.title, url: b.url })));
    created.push(...nodes.map((node) => node.id));
  }
  return created;
}

/** In the extension: every node of the tree but the root, `{id, parentId, index, title, url}` (url null for folders). */
export async function snapshotInExtension() {
  const api = globalThis.browser ?? globalThis.chrome;
  const out = [];
  const stack = await api.bookmarks.getTree();
  while (stack.length) {
    const node = stack.pop();
    if (node.parentId !== undefined) {
      out.push({ id: node.id, parentId: node.parentId, index: node.index, title: node.title, url: node.url ?? null });
    }
    if (node.children) stack.push(...node.children);
  }
  return out;
}

/**
 * In an extension page: from now on, records the id of every new-bookmark warning the background raises
 * (it keeps only the latest, in storage.local). The ids are kept in the page's DOM, not in a global:
 * WebDriver runs each of Firefox's scripts in a sandbox of its own, which share only the page's DOM.
 */
export function watchBookmarkWarningsInExtension() {
  const api = globalThis.browser ?? globalThis.chrome;
  const root = document.documentElement;
  root.dataset.warningsRaised = "[]";
  api.storage.onChanged.addListener((changes, area) => {
    const warning = area === "local" ? changes.bookmark_warning?.newValue : undefined;
    if (warning) root.dataset.warningsRaised = JSON.stringify([...JSON.parse(root.dataset.warningsRaised), warning.id]);
  });
}

/** In the same extension page: the ids recorded since watchBookmarkWarningsInExtension, oldest first. */
export function bookmarkWarningsInExtension() {
  return JSON.parse(document.documentElement.dataset.warningsRaised);
}

/** Orders snapshot nodes by folder, then position. */
export const byPosition = (a, b) => (a.parentId === b.parentId ? a.index - b.index : a.parentId < b.parentId ? -1 : 1);
/** A snapshot node without its id (a re-created bookmark gets a new one). */
export const withoutId = ({ parentId, index, title, url }) => ({ parentId, index, title, url });

/** The planted bookmarks by id: id → PLANTED entry (`ids`: createTreeInExtension's answer). */
export function plantedMap(tree, ids) {
  const byId = new Map();
  tree.bookmarks.forEach((b, i) => {
    if (b.planted) byId.set(ids[i], PLANTED.find((p) => p.key === b.planted));
  });
  return byId;
}

// --- Reading the doctor page ------------------------------------------------------------------------

/** In the doctor page: the summary and every drawn row (click "Show more" until none is left first). */
export function readDoctorInPage() {
  const summary = document.querySelector("[data-testid=doctor-summary]");
  return {
    summary: summary.textContent,
    clean: summary.dataset.clean === "true",
    timings: JSON.parse(document.body.dataset.scanTimings ?? "null"),
    rows: [...document.querySelectorAll("[data-testid=doctor-row]")].map((row) => ({
      id: row.dataset.id ?? null,
      kind: row.dataset.kind,
      old: row.querySelector("[data-testid=doctor-old-url]")?.textContent ?? null,
      after: row.querySelector("[data-testid=doctor-new-url]")?.textContent ?? null,
      members: [...row.querySelectorAll(".members li")].map((li) => ({
        id: li.dataset.id,
        keep: li.querySelector("input[type=radio]").checked,
      })),
    })),
  };
}

/** In the doctor page: the open preview dialog's rows (`{id, now, after}`), problems, and whether Apply is disabled. */
export function readPreviewInPage() {
  return {
    rows: [...document.querySelectorAll("#preview-table tbody tr")].map((tr) => ({
      id: tr.dataset.id,
      now: tr.cells[1].textContent,
      after: tr.cells[2].textContent,
    })),
    problems: [...document.querySelectorAll("[data-testid=doctor-preview-problems] li")].map((li) => li.textContent),
    applyDisabled: document.querySelector("[data-testid=doctor-apply]").disabled,
  };
}

// --- The checks -------------------------------------------------------------------------------------

/**
 * Checks the first scan (`shown`: readDoctorInPage) against the planted bookmarks: one row per finding
 * in its group, the groups of duplicates with one kept each, the summary's counts (`total`: bookmarks in
 * the tree), the proposed URLs. Settles KEEP_ONE in `planted` (by id) to what the doctor keeps. Returns
 * the expected findings, `[id, planted]`.
 */
export function checkFirstScan(shown, planted, total) {
  const findingRows = shown.rows.filter((r) => r.kind !== "duplicates");
  const expectedFindings = [...planted].filter(([, p]) => p.kind !== null);
  assert.deepEqual(
    new Map(findingRows.map((r) => [r.id, r.kind])),
    new Map(expectedFindings.map(([id, p]) => [id, p.kind])),
    "one row per planted finding, in the right group",
  );
  const duplicateRows = shown.rows.filter((r) => r.kind === "duplicates");
  const membersOf = (group) => [...planted].filter(([, p]) => p.duplicate === group).map(([id]) => id).sort();
  assert.deepEqual(
    duplicateRows.map((r) => r.members.map((m) => m.id).sort()).sort(),
    [membersOf("dupteam"), membersOf("dupteam2")].sort(),
    "the groups of duplicates",
  );
  const idOf = (key) => [...planted].find(([, p]) => p.key === key)[0];
  for (const group of duplicateRows) {
    const kept = group.members.filter((m) => m.keep);
    assert.equal(kept.length, 1, "one bookmark of each group is proposed to keep");
    if (planted.get(kept[0].id).duplicate === "dupteam2") assert.equal(kept[0].id, idOf("dup-canonical"), "the canonical one is kept");
    // Identical ones: the first in the tree is kept, the others deleted.
    for (const member of group.members) {
      const p = planted.get(member.id);
      if (p.after === KEEP_ONE) planted.set(member.id, { ...p, after: member.keep ? p.url : DELETED });
    }
  }
  assert.match(shown.summary, new RegExp(`Scanned ${total.toLocaleString("en-US")} bookmarks`));
  assert.match(shown.summary, new RegExp(`${expectedFindings.length} bookmarks to fix`));
  assert.match(shown.summary, /2 sign-ins bookmarked more than once/);
  // Each proposed URL is shown before anything changes.
  for (const [id, p] of expectedFindings) {
    if (p.after === DELETED || p.account || p.duplicate) continue;
    assert.equal(findingRows.find((r) => r.id === id).after, p.after, `${p.key}: proposed URL`);
  }
  return expectedFindings;
}

/** The planted bookmarks "fix all" changes, `[id, planted]` (after checkFirstScan settled KEEP_ONE). */
export const changedByFix = (planted) => [...planted].filter(([, p]) => p.after === DELETED || p.after !== p.url);

/** Checks the preview of "fix all" (readPreviewInPage): every change, old URLs redacted. */
export function checkPreview(preview, planted) {
  assert.deepEqual(preview.problems, []);
  assert.deepEqual(
    new Map(preview.rows.map((r) => [r.id, r.after])),
    new Map(changedByFix(planted).map(([id, p]) => [id, p.after === DELETED ? "Deleted" : p.after])),
    "the preview shows every change, old and new",
  );
  assert.ok(preview.rows.every((r) => !/SECRETTOKEN|SECRETSIG/.test(r.now)), "old URLs redacted in the preview");
}

/**
 * Checks the tree after "fix all" (snapshots before and after): the planted bookmarks as expected,
 * every other node with the same URL, title, parent and position. Returns the ids deleted.
 */
export function checkFixedTree(before, fixed, planted) {
  const afterById = new Map(fixed.map((n) => [n.id, n]));
  const deleted = new Set(changedByFix(planted).filter(([, p]) => p.after === DELETED).map(([id]) => id));
  const deletedBefore = (node) =>
    before.filter((n) => deleted.has(n.id) && n.parentId === node.parentId && n.index < node.index).length;
  for (const node of before) {
    if (deleted.has(node.id)) {
      assert.equal(afterById.has(node.id), false, `${planted.get(node.id).key} was deleted`);
      continue;
    }
    const p = planted.get(node.id);
    // A deletion moves the later bookmarks of its folder up by one: their order is kept.
    const expected = { ...node, index: node.index - deletedBefore(node), url: p ? p.after : node.url };
    assert.deepEqual(afterById.get(node.id), expected, p ? p.key : `unplanted bookmark ${node.id}`);
  }
  assert.equal(fixed.length, before.length - deleted.size, "no bookmark or folder appeared");
  return deleted;
}

/**
 * Checks the tree after Undo: as it was before the fix, by position and content; every bookmark not
 * deleted keeps its id, the deleted ones come back with new ids (browsers never reuse one).
 */
export function checkUndoneTree(before, undone, deleted) {
  assert.deepEqual(undone.map(withoutId).sort(byPosition), before.map(withoutId).sort(byPosition), "the tree as it was");
  const undoneById = new Map(undone.map((n) => [n.id, n]));
  for (const node of before.filter((n) => !deleted.has(n.id))) assert.deepEqual(undoneById.get(node.id), node);
  assert.equal(undone.filter((n) => !before.some((b) => b.id === n.id)).length, deleted.size, "only the deleted ones have new ids");
}

/**
 * Checks the tree after an Undo that could not bring the secrets back (the browser was closed since the
 * fix, and the journal keeps secrets only in storage.session): as `checkUndoneTree`, but every
 * `secret_in_url` bookmark stays as the fix left it (fixed, or deleted).
 */
export function checkUndoneWithoutSecrets(before, undone, planted, deleted) {
  const secret = new Map([...planted].filter(([, p]) => p.kind === "secret_in_url"));
  const gone = new Set([...secret].filter(([, p]) => p.after === DELETED).map(([id]) => id));
  const goneBefore = (node) => before.filter((n) => gone.has(n.id) && n.parentId === node.parentId && n.index < node.index).length;
  const expected = before
    .filter((n) => !gone.has(n.id))
    .map((n) => ({ ...n, index: n.index - goneBefore(n), url: secret.has(n.id) ? secret.get(n.id).after : n.url }));
  checkUndoneTree(expected, undone, new Set([...deleted].filter((id) => !gone.has(id))));
}
