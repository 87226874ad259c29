// The bookmark doctor end to end in real headless Chromium (issue 4): a generated tree of 10,000
// bookmarks in nested folders with planted bad AWS bookmarks of every kind; the doctor finds exactly
// the planted ones; "fix all" changes exactly those (everything else keeps URL, title, parent and
// position); a second scan finds nothing; after a browser restart, Undo restores the tree.
//
// - The `bookmarks` permission is granted in the profile before the test (chromium.mjs, grantInProfile):
//   headless Chromium cannot answer the permission prompt.
// - The tree is created through the extension's worker with `chrome.bookmarks.create`, 500 at a time.
// - Snapshots are `bookmarks.getTree()` flattened to `{id, parentId, index, title, url}` per node.
// - Expected results are written here by hand, from what each planted URL is, not asked of the core.

import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { CHROMIUM, ChromiumSession, SCREENSHOTS, WAIT, launchChromium, requireBuiltExtension } from "./chromium.mjs";

const LIMIT = { timeout: 420_000 };
const TOTAL = 10_000;
const GENERAL = "https://console.aws.amazon.com/";
/** Browsers still open, closed in `after` if a test times out. */
const open = new Set();

before(async () => {
  await requireBuiltExtension();
  await mkdir(SCREENSHOTS, { recursive: true });
});

after(async () => {
  for (const browser of open) await browser.close().catch(() => {});
});

/** A captured sign-in redirect saved by hand after the Undo (not planted). */
const SENTINEL_URL = "https://signin.aws.amazon.com/signin?redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com%2Fsentinel";

// --- The planted bookmarks ---------------------------------------------------------------------------
// `kind` is the group the doctor must list it in (null: only in a group of duplicates); `after` is the
// URL after "fix all", or DELETED. `choose` is what the test does in the row before fixing all.

const DELETED = Symbol("deleted");
/** Of identical canonical duplicates, the doctor keeps the first in the tree: whichever that is. */
const KEEP_ONE = Symbol("keep one");
const REDIRECT_QUERY =
  "redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com%2Fconsole%2Fhome%3Fstate%3DhashArgs%2523%26isauthcode%3Dtrue" +
  "&client_id=arn%3Aaws%3Aiam%3A%3A015428540659%3Auser%2Fhomepage&response_type=code";

const PLANTED = [
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
  // Account URLs not in canonical form (Chromium lowercases hosts, so the case is in the path).
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
const FINE = [
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
 * The tree: 80 folders nested up to 7 deep under the bookmarks bar and "Other bookmarks", and 10,000
 * bookmarks spread over them; the planted ones at fixed places in the creation order.
 */
function generateTree(seed = 4) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const names = ["AWS", "Work", "Projects", "Reading", "Ünïcode ✓ folder", "Archive 2019", "Team, \"ops\"", "Nested"];
  const folders = [];
  const depth = { bar: 0, other: 0 };
  for (let i = 0; i < 80; i += 1) {
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
  const plantedEvery = Math.floor(TOTAL / (PLANTED.length + FINE.length + 1));
  let planted = 0;
  let fine = 0;
  for (let i = 0; i < TOTAL; i += 1) {
    const folder = pick(places);
    const title = `${pick(titles)} ${i}`;
    if (i % plantedEvery === plantedEvery - 1 && planted < PLANTED.length) {
      const p = PLANTED[planted++];
      bookmarks.push({ folder, title: `AWS ${p.key} ${i}`, url: p.url, planted: p.key });
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

/** Creates the tree through the extension's worker; returns the bookmarks' ids in creation order. */
function createTree(browser, tree) {
  return browser.inWorker(async ({ folders, bookmarks }) => {
    const ids = { bar: "1", other: "2" };
    for (const folder of folders) {
      ids[folder.key] = (await chrome.bookmarks.create({ parentId: ids[folder.parent], title: folder.title })).id;
    }
    const created = [];
    for (let i = 0; i < bookmarks.length; i += 500) {
      const part = bookmarks.slice(i, i + 500);
      const nodes = await Promise.all(part.map((b) => chrome.bookmarks.create({ parentId: ids[b.folder], title: b.title, url: b.url })));
      created.push(...nodes.map((node) => node.id));
    }
    return created;
  }, tree);
}

/** Every node of the tree but the root: `{id, parentId, index, title, url}` (url null for folders). */
function snapshot(page) {
  return page.evaluate(async () => {
    const out = [];
    const stack = await chrome.bookmarks.getTree();
    while (stack.length) {
      const node = stack.pop();
      if (node.parentId !== undefined) {
        out.push({ id: node.id, parentId: node.parentId, index: node.index, title: node.title, url: node.url ?? null });
      }
      if (node.children) stack.push(...node.children);
    }
    return out;
  });
}

const byPosition = (a, b) => (a.parentId === b.parentId ? a.index - b.index : a.parentId < b.parentId ? -1 : 1);
const withoutId = ({ parentId, index, title, url }) => ({ parentId, index, title, url });

// --- Driving the page ------------------------------------------------------------------------------

async function openDoctor(browser) {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl("doctor.html"), { waitUntil: "load", timeout: WAIT });
  await page.waitForSelector("body[data-ready=true]", { timeout: WAIT });
  return page;
}

/** Clicks Scan (by keyboard: focus and Enter) and waits for the list; returns what the page shows. */
async function scan(page) {
  const before = Number((await page.getAttribute("body", "data-scans")) ?? 0);
  await page.focus("[data-testid=doctor-scan]");
  await page.keyboard.press("Enter");
  await page.waitForSelector(`body[data-scans="${before + 1}"]`, { timeout: WAIT });
  return shown(page);
}

/** The groups and rows on the page (every row drawn first, "Show more" until none is left). */
async function shown(page) {
  while (await page.locator("[data-testid=doctor-more]:visible").count()) {
    await page.locator("[data-testid=doctor-more]:visible").first().click();
  }
  return page.evaluate(() => ({
    summary: document.querySelector("[data-testid=doctor-summary]").textContent,
    clean: document.querySelector("[data-testid=doctor-summary]").dataset.clean === "true",
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
  }));
}

const row = (page, id) => page.locator(`[data-testid=doctor-row][data-id="${id}"]`);

/** Opens "Fix selected…" and reads the preview dialog. */
async function openPreview(page) {
  await page.click("[data-testid=doctor-fix-selected]");
  await page.waitForSelector("[data-testid=doctor-preview][open]", { timeout: WAIT });
  return page.evaluate(() => ({
    rows: [...document.querySelectorAll("#preview-table tbody tr")].map((tr) => ({
      id: tr.dataset.id,
      now: tr.cells[1].textContent,
      after: tr.cells[2].textContent,
    })),
    problems: [...document.querySelectorAll("[data-testid=doctor-preview-problems] li")].map((li) => li.textContent),
    applyDisabled: document.querySelector("[data-testid=doctor-apply]").disabled,
  }));
}

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: WAIT }), page.click(`[data-testid=${testid}]`)]);
  return readFile(await file.path(), "utf8");
}

/**
 * Closes the browser and starts it again on the same profile (as a person restarting it), with the
 * launcher's switches. Returns the new session; the old one must not be closed (it would delete the
 * profile).
 */
async function restart(browser) {
  await browser.context.close();
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const context = await chromium.launchPersistentContext(join(browser.dir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ["--disable-extensions"],
    args: [
      ...(isRoot ? ["--no-sandbox"] : []),
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--no-default-browser-check",
      `--disable-extensions-except=${browser.extensionDir}`,
      `--load-extension=${browser.extensionDir}`,
    ],
    viewport: { width: 1280, height: 800 },
    timeout: 120_000,
  });
  const next = new ChromiumSession(context, browser.dir, browser.extensionDir);
  await next.worker();
  return next;
}

// --- The tests ---------------------------------------------------------------------------------------

test("without bookmark access the doctor says what it needs and offers to ask", LIMIT, async () => {
  const browser = await launchChromium({});
  open.add(browser);
  try {
    const page = await openDoctor(browser);
    assert.equal(await page.isVisible("[data-testid=doctor-access]"), true, "the access box is shown");
    assert.match(await page.textContent("[data-testid=doctor-access]"), /Read and change your bookmarks/);
    assert.equal(await page.isVisible("[data-testid=doctor-grant]"), true, "an Allow button");
    assert.equal(await page.isVisible("[data-testid=doctor-scan]"), false, "no Scan without access");
    // The doctor is reachable from the options page and the popup.
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl("options.html"), { waitUntil: "load" });
    assert.equal(await options.getAttribute("[data-testid=open-doctor]", "href"), "doctor.html");
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl("popup.html?tab=1"), { waitUntil: "load" });
    const [opened] = await Promise.all([browser.context.waitForEvent("page"), popup.click("[data-testid=open-doctor]")]);
    await opened.waitForLoadState("load");
    assert.equal(opened.url(), browser.extensionUrl("doctor.html"));
  } finally {
    open.delete(browser);
    await browser.close();
  }
});

test("10,000 bookmarks: the doctor finds exactly the planted ones, fixes them all, and Undo (after a restart) restores the tree", LIMIT, async () => {
  let browser = await launchChromium({ grant: ["bookmarks"] });
  open.add(browser);
  try {
    const tree = generateTree();
    const ids = await createTree(browser, tree);
    const plantedById = new Map();
    tree.bookmarks.forEach((b, i) => {
      if (b.planted) plantedById.set(ids[i], PLANTED.find((p) => p.key === b.planted));
    });
    const idOf = new Map([...plantedById].map(([id, p]) => [p.key, id]));

    let page = await openDoctor(browser);
    const before = await snapshot(page);
    assert.equal(before.filter((n) => n.url !== null).length, TOTAL, "10,000 bookmarks were created");
    for (const [id, p] of plantedById) {
      assert.equal(before.find((n) => n.id === id).url, p.url, `${p.key}: stored as written (Chromium did not rewrite it)`);
    }

    // --- The scan finds exactly the planted ones ---
    const first = await scan(page);
    const findingRows = first.rows.filter((r) => r.kind !== "duplicates");
    const expectedFindings = [...plantedById].filter(([, p]) => p.kind !== null);
    assert.deepEqual(
      new Map(findingRows.map((r) => [r.id, r.kind])),
      new Map(expectedFindings.map(([id, p]) => [id, p.kind])),
      "one row per planted finding, in the right group",
    );
    const duplicateRows = first.rows.filter((r) => r.kind === "duplicates");
    const groupOf = (id) => plantedById.get(id).duplicate;
    assert.deepEqual(
      duplicateRows.map((r) => r.members.map((m) => m.id).sort()).sort(),
      Object.values(
        Object.fromEntries(["dupteam", "dupteam2"].map((g) => [g, [...plantedById].filter(([, p]) => p.duplicate === g).map(([id]) => id).sort()])),
      ).sort(),
      "the groups of duplicates",
    );
    for (const group of duplicateRows) {
      const kept = group.members.filter((m) => m.keep);
      assert.equal(kept.length, 1, "one bookmark of each group is proposed to keep");
      if (groupOf(kept[0].id) === "dupteam2") assert.equal(kept[0].id, idOf.get("dup-canonical"), "the canonical one is kept");
      // Identical ones: the first in the tree is kept, the others deleted.
      for (const member of group.members) {
        if (plantedById.get(member.id).after === KEEP_ONE) {
          plantedById.set(member.id, { ...plantedById.get(member.id), after: member.keep ? plantedById.get(member.id).url : DELETED });
        }
      }
    }
    assert.match(first.summary, new RegExp(`Scanned ${TOTAL.toLocaleString("en-US")} bookmarks`));
    assert.match(first.summary, new RegExp(`${expectedFindings.length} bookmarks to fix`));
    assert.match(first.summary, /2 sign-ins bookmarked more than once/);
    // Secrets are never shown in full.
    const pageText = await page.textContent("body");
    assert.ok(!/SECRETTOKEN|SECRETSIG/.test(pageText), "no token or signature on the page");
    assert.match(await row(page, idOf.get("federation")).textContent(), /SigninToken=\[redacted\]/);
    // Each proposed URL is shown before anything changes.
    for (const [id, p] of expectedFindings) {
      if (p.after === DELETED || p.account || p.duplicate) continue;
      assert.equal(findingRows.find((r) => r.id === id).after, p.after, `${p.key}: proposed URL`);
    }

    // --- Exports: JSON and CSV, redacted ---
    const json = JSON.parse(await download(page, "doctor-export-json"));
    assert.equal(json.needs_attention, expectedFindings.length);
    const csv = await download(page, "doctor-export-csv");
    assert.ok(!/SECRETTOKEN|SECRETSIG/.test(csv), "no secret in the CSV");
    assert.equal(csv.trimEnd().split("\r\n").length, 1 + expectedFindings.length + 5, "header, findings, duplicate members");

    // The picture for the README: the summary and the first groups.
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, "doctor.png") });

    // --- An account typed for a captured redirect is validated as typed ---
    const regional = row(page, idOf.get("redirect-regional"));
    await regional.locator("[data-testid=doctor-action]").selectOption("choose_account");
    await regional.locator("[data-testid=doctor-account]").fill("12345");
    assert.equal(await regional.locator(".field-error").textContent(), "5 digits, an account ID has 12");
    assert.equal(await regional.locator("[data-testid=doctor-account]").getAttribute("aria-invalid"), "true");
    await regional.locator("[data-testid=doctor-fix-one]").click();
    await page.waitForSelector("[data-testid=doctor-preview][open]");
    assert.equal(await page.isDisabled("[data-testid=doctor-apply]"), true, "no Apply with an invalid account");
    assert.match(await page.textContent("[data-testid=doctor-preview-problems]"), /5 digits, an account ID has 12/);
    await page.click("#cancel");
    await regional.locator("[data-testid=doctor-account]").fill("Typed-Team");
    assert.equal(await regional.locator("[data-testid=doctor-new-url]").textContent(), "https://typed-team.signin.aws.amazon.com/console");
    assert.equal(await regional.locator(".field-error").textContent(), "");
    // Fix all applies the proposed actions: back to the general sign-in URL for this one.
    await regional.locator("[data-testid=doctor-action]").selectOption("replace");
    await row(page, idOf.get("federation-account")).locator("[data-testid=doctor-action]").selectOption("delete");

    // --- Fix all: select all, preview (the account-less label needs an account), apply ---
    await page.focus("[data-testid=doctor-select-all]");
    await page.keyboard.press("Space");
    assert.equal(await page.isChecked("[data-testid=doctor-select-all]"), true);
    let preview = await openPreview(page);
    assert.equal(preview.applyDisabled, true, "a label that is no account needs one first");
    assert.equal(preview.problems.length, 1);
    assert.match(preview.problems[0], /no account given/);
    await page.keyboard.press("Escape");
    await row(page, idOf.get("invalid-label")).locator("[data-testid=doctor-account]").fill("labelteam");

    preview = await openPreview(page);
    const changed = [...plantedById].filter(([, p]) => p.after === DELETED || p.after !== p.url);
    assert.deepEqual(preview.problems, []);
    assert.deepEqual(
      new Map(preview.rows.map((r) => [r.id, r.after])),
      new Map(changed.map(([id, p]) => [id, p.after === DELETED ? "Deleted" : p.after])),
      "the preview shows every change, old and new",
    );
    assert.ok(preview.rows.every((r) => !/SECRETTOKEN|SECRETSIG/.test(r.now)), "old URLs redacted in the preview");
    await page.click("[data-testid=doctor-apply]");
    await page.waitForSelector("[data-testid=doctor-undo-last]", { timeout: WAIT });
    assert.match(await page.textContent("[data-testid=doctor-status]"), new RegExp(`Fixed ${changed.length} bookmarks`));

    // --- Everything else unchanged, the planted ones as expected ---
    const fixed = await snapshot(page);
    const afterById = new Map(fixed.map((n) => [n.id, n]));
    const deleted = new Set(changed.filter(([, p]) => p.after === DELETED).map(([id]) => id));
    const deletedBefore = (node) =>
      before.filter((n) => deleted.has(n.id) && n.parentId === node.parentId && n.index < node.index).length;
    for (const node of before) {
      if (deleted.has(node.id)) {
        assert.equal(afterById.has(node.id), false, `${plantedById.get(node.id).key} was deleted`);
        continue;
      }
      const planted = plantedById.get(node.id);
      // A deletion moves the later bookmarks of its folder up by one: their order is kept.
      const expected = { ...node, index: node.index - deletedBefore(node), url: planted ? planted.after : node.url };
      assert.deepEqual(afterById.get(node.id), expected, planted ? planted.key : `unplanted bookmark ${node.id}`);
    }
    assert.equal(fixed.length, before.length - deleted.size, "no bookmark or folder appeared");

    // --- A second scan finds nothing ---
    const second = await scan(page);
    assert.equal(second.clean, true, `the scan after the fix is clean: ${second.summary}`);
    assert.equal(second.rows.length, 0);

    // --- After a browser restart, Undo restores the tree ---
    browser = await restart(browser);
    open.clear();
    open.add(browser);
    page = await openDoctor(browser);
    await page.waitForSelector("[data-testid=doctor-undo]", { timeout: WAIT });
    // Every new-bookmark warning the worker raises from now on (it keeps the latest in storage.local).
    await page.evaluate(() => {
      globalThis.warningsRaised = [];
      chrome.storage.onChanged.addListener((changes, area) => {
        const warning = area === "local" ? changes.bookmark_warning?.newValue : undefined;
        if (warning) globalThis.warningsRaised.push(warning.id);
      });
    });
    await page.click("[data-testid=doctor-undo]");
    await page.waitForFunction(() => /Undone/.test(document.querySelector("[data-testid=doctor-history-status]").textContent), null, { timeout: WAIT });
    assert.match(await page.textContent("[data-testid=doctor-history-status]"), new RegExp(`${changed.length} bookmarks restored`));
    const undone = await snapshot(page);
    // Deleted bookmarks come back with new ids (Chromium never reuses one): compare by position and
    // content; every other node keeps its id.
    assert.deepEqual(undone.map(withoutId).sort(byPosition), before.map(withoutId).sort(byPosition), "the tree as it was");
    const undoneById = new Map(undone.map((n) => [n.id, n]));
    for (const node of before.filter((n) => !deleted.has(n.id))) assert.deepEqual(undoneById.get(node.id), node);
    assert.equal(undone.filter((n) => !before.some((b) => b.id === n.id)).length, deleted.size, "only the deleted ones have new ids");
    assert.equal(await page.isVisible("#history"), false, "the undone batch left the record");

    // Undo put bad URLs back on purpose: no new-bookmark warning for them. A bad bookmark saved after it
    // is warned about; the worker checks bookmark events in order, so once that warning is there, every
    // change of the Undo has been checked before it.
    const sentinel = await page.evaluate(
      (url) => chrome.bookmarks.create({ parentId: "1", title: "Saved after the Undo", url }).then((node) => node.id),
      SENTINEL_URL,
    );
    await page.waitForFunction((id) => globalThis.warningsRaised.includes(id), sentinel, { timeout: WAIT });
    assert.deepEqual(await page.evaluate(() => globalThis.warningsRaised), [sentinel], "Undo's own changes raised no warning");
    await page.evaluate((id) => chrome.bookmarks.remove(id), sentinel);

    // And the doctor finds the planted ones again.
    const third = await scan(page);
    assert.equal(third.rows.filter((r) => r.kind !== "duplicates").length, expectedFindings.length);
  } finally {
    open.delete(browser);
    await browser.close();
  }
});
