// The web page's bookmark file doctor, shared by its Chromium and Firefox tests: the page served over
// local HTTP with every request logged, bookmark files written from the doctor's planted tree
// (doctor-bookmarks.mjs) and what each choice must make of them, the CLI's `bookmarks fix` on the same
// file, and readers of the page. Expected files are written here from the planted bookmarks, not asked of
// the core.
//
// Functions named `…InPage` run inside the page (page.evaluate, WebDriver's executeScript): no closures.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { promisify } from "node:util";
import { DELETED, KEEP_ONE, PLANTED, generateTree } from "./doctor-bookmarks.mjs";
import { ROOT } from "./harness.mjs";

export const WWW = join(ROOT, "dist/www");
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".png": "image/png" };

/** Real exports, each written by its browser's exporter (see tests/bookmark_file.rs): Firefox ESR's and Chromium's. */
export const FIREFOX_EXPORT = join(ROOT, "tests/data/bookmarks/firefox-esr.html");
export const CHROMIUM_EXPORT = join(ROOT, "tests/data/bookmarks/chromium-export.html");
/** The findings both real exports hold (tests/bookmark_file.rs), by title; the redirect's title differs. */
export function realExportFindings(redirectTitle) {
  return new Map([
    [redirectTitle, "captured_redirect"],
    ["EC2 (multi-session)", "multi_session"],
    ["Federated (token)", "secret_in_url"],
    ["Phish", "lookalike"],
    ["Prod (http, trailing slash)", "not_canonical"],
  ]);
}

/**
 * Serves dist/www (or the built page in `root`: bench/www-doctor.mjs's COMPARE) from a subfolder
 * (`/some/folder/`: the page uses relative paths only) and logs every request. Returns `{base, requests, close}`.
 */
export async function serveWww(root = WWW) {
  await stat(join(root, "pkg/signin_guard_tools_bg.wasm")).catch(() => {
    throw new Error(`${root}/pkg/signin_guard_tools_bg.wasm not found: build the web page first (cargo xtask dist)`);
  });
  const prefix = "/some/folder/";
  const requests = [];
  const server = createServer(async (request, response) => {
    requests.push(request.url);
    const pathname = decodeURIComponent(new URL(request.url, "http://x").pathname);
    if (!pathname.startsWith(prefix)) return void response.writeHead(404).end();
    const path = normalize(join(root, pathname.slice(prefix.length)));
    const file = path.endsWith(sep) || path === root ? join(path, "index.html") : path;
    if (!file.startsWith(root + sep)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { base, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

// --- Bookmark files ----------------------------------------------------------------------------------

const escapeHtml = (text) => text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/**
 * `tree` (generateTree) as Firefox writes an export: nested <DL>s, four-space indents, `&amp;` in HREFs.
 * `urlOf(bookmark, i)` gives each bookmark's URL, or DELETED to leave it out. Returns `{text, order}`:
 * `order[k]` is the tree index of the k-th bookmark in the file (its id in the page's report).
 */
export function netscapeFile(tree, urlOf = (b) => b.url) {
  const children = new Map();
  const add = (parent, item) => (children.get(parent) ?? children.set(parent, []).get(parent)).push(item);
  for (const folder of tree.folders) add(folder.parent, { folder });
  tree.bookmarks.forEach((bookmark, i) => add(bookmark.folder, { bookmark, i }));
  const lines = [
    "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
    "<!-- This is an automatically generated file.",
    "     It will be read and overwritten.",
    "     DO NOT EDIT! -->",
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    "<TITLE>Bookmarks</TITLE>",
    "<H1>Bookmarks Menu</H1>",
    "",
    "<DL><p>",
  ];
  const order = [];
  const list = (key, depth) => {
    const indent = "    ".repeat(depth);
    for (const item of children.get(key) ?? []) {
      if (item.folder) {
        lines.push(`${indent}<DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1700000001">${escapeHtml(item.folder.title)}</H3>`);
        lines.push(`${indent}<DL><p>`);
        list(item.folder.key, depth + 1);
        lines.push(`${indent}</DL><p>`);
        continue;
      }
      const url = urlOf(item.bookmark, item.i);
      order.push(item.i);
      if (url === DELETED) continue;
      lines.push(`${indent}<DT><A HREF="${escapeHtml(url)}" ADD_DATE="1700000002" LAST_MODIFIED="1700000003">${escapeHtml(item.bookmark.title)}</A>`);
    }
  };
  for (const [key, title, toolbar] of [["bar", "Bookmarks Toolbar", true], ["other", "Other Bookmarks", false]]) {
    lines.push(`    <DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1700000001"${toolbar ? ' PERSONAL_TOOLBAR_FOLDER="true"' : ""}>${title}</H3>`);
    lines.push("    <DL><p>");
    list(key, 2);
    lines.push("    </DL><p>");
  }
  lines.push("</DL>", "");
  return { text: lines.join("\n"), order };
}

/** What "fix all" proposes for the planted bookmarks whose `after` is not that (the choice differs). */
const FIX_ALL_PROPOSALS = {
  "federation-account": "https://210987654321.signin.aws.amazon.com/console",
  "dup-http": "https://dupteam2.signin.aws.amazon.com/console",
};

/**
 * The generated file with planted bad bookmarks of every kind: `{text, tree, planted, fixAllText,
 * chosenText}`. `planted`: report id (file position, as text) → PLANTED entry. `fixAllText`: the file
 * after "fix all" (replacements only, nothing deleted). `chosenText`: after every row's own choice
 * too (doctor-bookmarks.mjs's `after`: lookalikes and secrets deleted, the account typed, the
 * duplicates of each group but the kept one deleted).
 */
export function plantedFile({ total = 1500, folderCount = 40 } = {}) {
  const tree = generateTree({ total, folderCount });
  const { text, order } = netscapeFile(tree);
  const planted = new Map();
  order.forEach((i, position) => {
    const key = tree.bookmarks[i].planted;
    if (key) planted.set(String(position), PLANTED.find((p) => p.key === key));
  });
  const plantedOf = (b) => (b.planted ? PLANTED.find((p) => p.key === b.planted) : null);
  const fixAllText = netscapeFile(tree, (b) => {
    const p = plantedOf(b);
    if (!p) return b.url;
    if (FIX_ALL_PROPOSALS[p.key]) return FIX_ALL_PROPOSALS[p.key];
    return typeof p.after === "string" && !p.account ? p.after : b.url;
  }).text;
  // Of identical duplicates the doctor keeps the first in the file.
  const firstDupteam = order.find((i) => tree.bookmarks[i].planted?.startsWith("dup-") && plantedOf(tree.bookmarks[i]).after === KEEP_ONE);
  const chosenText = netscapeFile(tree, (b, i) => {
    const p = plantedOf(b);
    if (!p) return b.url;
    if (p.after === KEEP_ONE) return i === firstDupteam ? b.url : DELETED;
    return p.after;
  }).text;
  return { text, tree, planted, fixAllText, chosenText };
}

/** A temporary folder for files to choose and downloads; `cleanup()` removes it. */
export async function scratch() {
  const dir = await mkdtemp(join(tmpdir(), "signin-guard-www-"));
  return {
    dir,
    async write(name, content) {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** `signin-guard bookmarks fix FILE -o OUT`'s output, as bytes (the CLI built by cargo; OUT in a temporary folder). */
export async function cliFix(path) {
  const dir = await mkdtemp(join(tmpdir(), "signin-guard-cli-"));
  try {
    const out = join(dir, "fixed.html");
    await promisify(execFile)("cargo", ["run", "--quiet", "--bin", "signin-guard", "--", "bookmarks", "fix", path, "-o", out], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// --- Reading the page -----------------------------------------------------------------------------------

/** In the page: the summary, the error, and every drawn row (findings and groups of duplicates). */
export function readFileDoctorInPage() {
  const text = (selector) => document.querySelector(selector)?.textContent ?? null;
  return {
    shown: !document.querySelector("[data-testid=bookmarks-findings]").hidden,
    summary: text("[data-testid=bookmarks-summary]"),
    status: text("[data-testid=bookmarks-status]"),
    error: text("[data-testid=bookmarks-error]"),
    fixSummary: text("[data-testid=bookmarks-fix-summary]"),
    problems: [...document.querySelectorAll("[data-testid=bookmarks-fix-problems] li")].map((li) => li.textContent),
    files: Number(document.body.dataset.files ?? 0),
    fixes: Number(document.body.dataset.fixes ?? 0),
    rows: [...document.querySelectorAll("[data-testid=bookmarks-row]")].map((row) => ({
      id: row.dataset.id ?? null,
      url: row.dataset.url ?? null,
      kind: row.dataset.kind,
      title: row.querySelector(".title")?.textContent ?? null,
      old: row.querySelector("[data-testid=bookmarks-old-url]")?.textContent ?? null,
      proposed: row.querySelector("[data-testid=bookmarks-new-url]")?.textContent ?? null,
      actions: [...row.querySelectorAll("[data-testid=bookmarks-action] option")].map((o) => o.value),
      members: [...row.querySelectorAll(".members li")].map((li) => ({ id: li.dataset.id, keep: li.querySelector("input[type=radio]").checked })),
    })),
    dom: document.body.innerHTML,
  };
}

/**
 * Checks the page's findings for the planted file: one row per planted finding in its group, the two
 * groups of duplicates, the proposed URLs, nothing else, and no secret anywhere in the page.
 */
export function checkPlantedFindings(shown, planted) {
  const findingRows = shown.rows.filter((r) => r.kind !== "duplicates");
  const expected = [...planted].filter(([, p]) => p.kind !== null);
  assert.deepEqual(
    new Map(findingRows.map((r) => [r.id, r.kind])),
    new Map(expected.map(([id, p]) => [id, p.kind])),
    "exactly the planted bookmarks are found, each in its group",
  );
  const membersOf = (group) => [...planted].filter(([, p]) => p.duplicate === group).map(([id]) => id).sort();
  const duplicateRows = shown.rows.filter((r) => r.kind === "duplicates");
  assert.deepEqual(
    duplicateRows.map((r) => r.members.map((m) => m.id).sort()).sort(),
    [membersOf("dupteam"), membersOf("dupteam2")].sort(),
    "the groups of duplicates",
  );
  for (const [id, p] of expected) {
    const row = findingRows.find((r) => r.id === id);
    assert.equal(row.actions[0], "keep", `${p.key}: kept until the person chooses`);
    if (typeof p.after === "string" && !p.account && !p.duplicate) assert.equal(row.proposed, p.after, `${p.key}: proposed URL`);
    if (p.after === DELETED && !p.choose && !p.duplicate) assert.ok(row.actions.includes("delete"), `${p.key}: can be deleted`);
  }
  assert.match(shown.summary, new RegExp(`${expected.length} bookmarks to fix`));
  assert.match(shown.summary, /2 sign-ins bookmarked more than once/);
  assert.ok(!/SECRETTOKEN|SECRETSIG/.test(shown.dom), "no secret anywhere in the page");
}

/** The planted rows' choices for "every row's own choice": `{id, action, account?}` and the duplicate groups. */
export function plantedChoices(planted) {
  const choices = [];
  for (const [id, p] of planted) {
    if (p.kind === null) continue;
    if (p.account) choices.push({ id, action: "choose_account", account: p.account });
    else if (p.after === DELETED && !p.duplicate) choices.push({ id, action: "delete" });
  }
  return choices;
}

/**
 * Opens the web page in a new context of `browser` (Playwright Chromium) with every request, console error and
 * CSP violation recorded; `options` are the context's.
 */
export async function openWwwPage(browser, server, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(server.base);
  await page.evaluate(() => {
    document.documentElement.dataset.violations = "0";
    document.addEventListener("securitypolicyviolation", () => {
      document.documentElement.dataset.violations = String(Number(document.documentElement.dataset.violations) + 1);
    });
  });
  await page.waitForSelector("body[data-ready=true]");
  return { page, context, errors, requests, close: () => context.close() };
}
