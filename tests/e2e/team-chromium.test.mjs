// Issue 5's team configuration in real headless Chromium, read from its managed policy folder as an admin
// deploys it: docs/examples/policies/chromium-linux.json (the very file docs/admin.md shows) names the
// development id, which the unpacked extension has through its manifest `key`.
//
// Where the policy file goes. Chromium reads mandatory policies only from /etc/chromium/policies/managed,
// which every Chromium on the machine reads too; so by default Chromium runs in a private mount namespace
// (`unshare --mount`, root only) in which the test's own folder is mounted on that path: Chromium sees a
// uniquely named file in /etc/chromium/policies/managed, no other browser sees it, and not even a SIGKILL
// can leave it behind. Without a namespace (no `unshare`, or SIGNIN_GUARD_POLICY_FOLDER=system) the file is
// written to the real folder, under a unique name, and removed on every exit path (finally, exit, SIGINT,
// SIGTERM, SIGHUP); no other file there is touched. Either way the folder is created if missing, and
// removed afterwards only if this run created it and it is empty. Not root: skipped, with the reason.
//
// Seen here: the launcher's --disable-background-networking does not stop local policy files; on a fresh
// start `storage.managed.get()` gives `{}` and the values arrive through `storage.managed.onChanged`
// seconds later; an edit of the file arrives the same way without a restart.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, rmdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { CHROMIUM, ROOT, SCREENSHOTS, WAIT, launchChromium, requireBuiltExtension, waitFor } from "./chromium.mjs";
import { readPopupInPage, readTeamInPage } from "./contract.mjs";
import { startFixtureServer } from "./fixture-server.mjs";
import { LAUNCHER, TEAM_DOCTOR } from "./scenarios.mjs";
import { testNoExtensionNetwork } from "./network-record.mjs";

/** Debian Chromium's folder of mandatory policies. */
const POLICY_DIR = "/etc/chromium/policies/managed";
/** This test's policy files start so: unique per run, and recognisable if a killed run left one. */
const POLICY_PREFIX = "signin-guard-test-team-";
/** The file docs/admin.md shows, installed as is. */
const EXAMPLE = join(ROOT, "docs/examples/policies/chromium-linux.json");
/** The development build's id (the manifest `key`), the one the example names. */
const EXTENSION_ID = "iaagkhpakfnpjpceafcmnhmjkgnnggpk";
/** Chromium rereads an edited policy file about 5 s later; generous for a loaded machine. */
const CHANGE_WAIT = 45_000;
const LIMIT = { timeout: 240_000 };

/** Why the test cannot run here, or null. */
function skipReason() {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) {
    return `needs root: Chromium reads its policies only from ${POLICY_DIR} (CI runs as root)`;
  }
  return null;
}

// The policy folder ---------------------------------------------------------------------------------

/** Folders this run created on the way to POLICY_DIR (removed afterwards when empty). */
let createdDirs = [];
/** The run's temporary folder (policy folder in a namespace, the wrapper script). */
let scratch = null;
/** The policy file written by this run, or null. */
let policyFile = null;
/** `{folder, executable, namespaced}`: where the policy goes and how Chromium is started. */
let setup = null;

function ensurePolicyDir() {
  const missing = [];
  for (let dir = POLICY_DIR; !existsSync(dir); dir = dirname(dir)) missing.unshift(dir);
  mkdirSync(POLICY_DIR, { recursive: true });
  createdDirs = missing;
}

/** Whether a private mount namespace with a bind mount works here. */
function namespacesWork(folder) {
  try {
    execFileSync("unshare", ["--mount", "sh", "-c", 'mount --bind "$1" "$2"', "sh", folder, POLICY_DIR], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Decides where the policy goes, and makes the wrapper that starts Chromium in its namespace. */
function setUpPolicyFolder() {
  scratch = mkdtempSync(join(tmpdir(), "signin-guard-team-chromium-"));
  ensurePolicyDir();
  const folder = join(scratch, "managed");
  mkdirSync(folder, { mode: 0o755 });
  if (process.env.SIGNIN_GUARD_POLICY_FOLDER !== "system" && namespacesWork(folder)) {
    const wrapper = join(scratch, "chromium-in-namespace.sh");
    // Playwright talks to Chromium over file descriptors 3 and 4: `exec` keeps them.
    writeFileSync(
      wrapper,
      `#!/bin/sh\n# Chromium with ${folder} mounted on ${POLICY_DIR}, in a mount namespace of its own.\n` +
        `exec unshare --mount sh -c 'mount --bind "$1" "$2" && shift 2 && exec "$@"' sh '${folder}' '${POLICY_DIR}' '${CHROMIUM}' "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
    return { folder, executable: wrapper, namespaced: true };
  }
  return { folder: POLICY_DIR, executable: CHROMIUM, namespaced: false };
}

/** Writes (or rewrites) the run's policy file; every exit path removes it. */
function writePolicy(policy) {
  policyFile ??= join(setup.folder, `${POLICY_PREFIX}${process.pid}-${randomBytes(6).toString("hex")}.json`);
  const text = typeof policy === "string" ? policy : `${JSON.stringify(policy, null, 2)}\n`;
  writeFileSync(policyFile, text, { mode: 0o644 });
}

function removePolicy() {
  if (policyFile) {
    rmSync(policyFile, { force: true });
    policyFile = null;
  }
}

function cleanUp() {
  removePolicy();
  // Only folders this run made, only when empty: rmdir fails on anything else, which is left alone.
  for (const dir of createdDirs.toReversed()) {
    try {
      rmdirSync(dir);
    } catch {
      break;
    }
  }
  createdDirs = [];
  if (scratch) {
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
    scratch = null;
  }
}

function onSignal(signal) {
  cleanUp();
  process.off(signal, onSignal);
  // Playwright's own handler (closing the browser, then exiting) runs when installed; else the signal is
  // raised again for its default effect.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

// The browser ------------------------------------------------------------------------------------

/** @type {import("./fixture-server.mjs").FixtureServer} */
let server;
const open = new Set();
const skip = skipReason();

before(async () => {
  if (skip) return;
  await requireBuiltExtension();
  const stale = existsSync(POLICY_DIR) ? readdirSync(POLICY_DIR).filter((n) => n.startsWith(POLICY_PREFIX)) : [];
  if (stale.length) console.warn(`stale policy files from a killed run (remove them): ${stale.map((n) => join(POLICY_DIR, n)).join(", ")}`);
  process.on("exit", cleanUp);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, onSignal);
  setup = setUpPolicyFolder();
  server = await startFixtureServer();
});

after(async () => {
  for (const browser of open) await browser.close().catch(() => {});
  await server?.close();
  cleanUp();
});

/** Runs `body` with a fresh Chromium that reads the run's policy folder (optional permissions `grant` granted); always closes it. */
async function withBrowser(body, { grant = [] } = {}) {
  const browser = await launchChromium({ server, executable: setup.executable, grant });
  open.add(browser);
  try {
    assert.equal(browser.extensionId, EXTENSION_ID, "the manifest key gives the id the policy names");
    await body(browser);
  } catch (error) {
    if (browser.logs.length) error.message += `\n--- extension console ---\n${browser.logs.join("\n")}`;
    throw error;
  } finally {
    open.delete(browser);
    await browser.close();
    removePolicy();
  }
}

/** The settings page, open in a tab. */
async function openSettings(browser) {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl("options.html"), { waitUntil: "load", timeout: WAIT });
  return page;
}

/** Waits until the settings page's Accounts section satisfies `accept`; the failure shows what it showed. */
async function waitForTeam(page, accept, what, timeout = WAIT) {
  let last;
  try {
    return await waitFor(
      async () => {
        last = await page.evaluate(readTeamInPage);
        return last.ready && accept(last) ? last : null;
      },
      { what, timeout },
    );
  } catch (error) {
    error.message += `; the settings page showed: ${JSON.stringify(last)}`;
    throw error;
  }
}

const example = () => JSON.parse(readFileSync(EXAMPLE, "utf8"));
const names = (team) => team.managed.map((a) => a.name);

// Scenarios ------------------------------------------------------------------------------------------

test("the team's accounts from the policy file show in the settings page, the notice, the popup and the omnibox", { ...LIMIT, skip: skip ?? false }, async (t) => {
  t.diagnostic(setup.namespaced ? `policy folder: ${setup.folder}, mounted on ${POLICY_DIR} for Chromium only` : `policy folder: ${POLICY_DIR}`);
  writePolicy(readFileSync(EXAMPLE, "utf8"));
  await withBrowser(async (browser) => {
    const started = Date.now();
    const settings = await openSettings(browser);
    const team = await waitForTeam(settings, (s) => s.managed.length === 4, "the team's 4 accounts");
    t.diagnostic(`the policy reached the settings page ${Date.now() - started} ms after the browser started`);
    assert.deepEqual(names(team), ["Production", "Staging", "Sandbox", "Data lake"]);
    assert.deepEqual(
      team.managed.map((a) => [a.account, a.sourceLabel]),
      [
        ["111122223333", "managed by your organisation"],
        ["444455556666", "managed by your organisation"],
        ["777788889999", "managed by your organisation"],
        ["210987654321", "managed by your organisation"],
      ],
    );
    assert.deepEqual(team.problems, []);
    assert.deepEqual(team.user, []);
    assert.match(team.summary, /^Your organisation manages 4 accounts/);
    await settings.locator("#team").screenshot({ path: join(SCREENSHOTS, "settings-team-accounts.png") });

    // The sign-in page of a team account: its display name in the notice and the popup.
    const prod = await browser.openTab("https://acme-prod.signin.aws.amazon.com/console");
    const notice = await browser.waitForNotice(prod.page, (n) => n.headline?.includes("Production"));
    assert.equal(notice.headline, "Sign-in page of account Production (acme-prod)");
    assert.equal(notice.level, "info");
    const popup = await browser.openPopup(prod.tabId);
    const shown = await waitFor(async () => {
      const state = await popup.evaluate(readPopupInPage);
      return state.ready ? state : null;
    }, { what: "the popup to be ready" });
    assert.equal(shown.account, "Production (acme-prod)");
    assert.equal(await popup.textContent('[data-testid="account-source"]'), "managed by your organisation");
    assert.equal(shown.regions[0], "eu-west-1", `the account's default region first: ${shown.regions.slice(0, 4)}`);
    // The policy's allowedRegions: the picker offers those and no other.
    assert.deepEqual([...shown.regions].sort(), ["eu-central-1", "eu-west-1", "us-east-1"], `regions offered: ${shown.regions}`);
    assert.deepEqual(shown.warnings, []);

    // An account the organisation does not list: the warning, in the notice and the popup.
    const other = await browser.openTab("https://999988887777.signin.aws.amazon.com/console");
    const warning = await browser.waitForNotice(other.page, (n) => n.level === "warning");
    assert.equal(warning.headline, "999988887777 is not one of your organisation's accounts");
    await browser.screenshotNotice(other.page, join(SCREENSHOTS, "notice-not-team-account.png"));
    const otherPopup = await browser.openPopup(other.tabId);
    const otherShown = await waitFor(async () => {
      const state = await otherPopup.evaluate(readPopupInPage);
      return state.ready ? state : null;
    }, { what: "the popup to be ready" });
    assert.ok(otherShown.warnings.includes("not_team_account"), `popup warnings: ${otherShown.warnings}`);

    // A page that names no account: the popup offers the team's accounts, and the chosen one's default region first.
    const general = await browser.openTab("https://signin.aws.amazon.com/console");
    const generalPopup = await browser.openPopup(general.tabId);
    await waitFor(async () => (await generalPopup.evaluate(readPopupInPage)).ready, { what: "the popup to be ready" });
    const choices = await generalPopup.$$eval("#account-select option", (options) => options.map((o) => [o.value, o.textContent]));
    assert.deepEqual(choices.slice(0, 4), [
      ["acme-prod", "Production (acme-prod)"],
      ["acme-staging", "Staging (acme-staging)"],
      ["777788889999", "Sandbox (777788889999)"],
      ["acme-data", "Data lake (acme-data)"],
    ]);
    await generalPopup.selectOption("#account-select", "acme-data");
    await waitFor(async () => (await generalPopup.evaluate(readPopupInPage)).regions[0] === "eu-central-1", {
      what: "the Data lake account's default region first",
    });

    // The omnibox finds a team account by its display name.
    const suggestions = await browser.inWorker(
      (text) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error("no omnibox suggestions within 20 s")), 20_000);
          chrome.omnibox.onInputChanged.dispatch(text, (list) => {
            clearTimeout(timer);
            resolve(list);
          });
        }),
      "data",
    );
    const data = suggestions.find((s) => s.content.startsWith("acme-data"));
    assert.ok(data, `suggestions for “data”: ${JSON.stringify(suggestions)}`);
    assert.match(data.description, /Data lake/);
  });
});

test("a policy with one bad account shows the others and names the bad one", { ...LIMIT, skip: skip ?? false }, async () => {
  const policy = example();
  policy["3rdparty"].extensions[EXTENSION_ID].accounts[1].accountId = "44445555666";
  writePolicy(policy);
  await withBrowser(async (browser) => {
    const settings = await openSettings(browser);
    const team = await waitForTeam(settings, (s) => s.managed.length > 0 && s.problems.length > 0, "the accounts and the problem");
    assert.deepEqual(names(team), ["Production", "Sandbox", "Data lake"]);
    assert.deepEqual(team.problems, ["accounts[1].accountId: 11 digits, an account ID has 12"]);
  });
});

test("an edit of the policy file reaches the extension without a restart, and so does its removal", { ...LIMIT, skip: skip ?? false }, async (t) => {
  writePolicy(readFileSync(EXAMPLE, "utf8"));
  await withBrowser(async (browser) => {
    const settings = await openSettings(browser);
    await waitForTeam(settings, (s) => s.managed.length === 4, "the team's 4 accounts");

    const policy = example();
    const config = policy["3rdparty"].extensions[EXTENSION_ID];
    config.accounts[0].displayName = "Production EU";
    config.accounts.pop();
    let since = Date.now();
    writePolicy(policy);
    const changed = await waitForTeam(settings, (s) => names(s).join() === "Production EU,Staging,Sandbox", "the edited accounts", CHANGE_WAIT);
    t.diagnostic(`the edit reached the open settings page ${Date.now() - since} ms later`);
    assert.deepEqual(changed.problems, []);

    since = Date.now();
    removePolicy();
    const gone = await waitForTeam(settings, (s) => s.managed.length === 0 && s.summary.startsWith("No configuration"), "no team accounts", CHANGE_WAIT);
    t.diagnostic(`the removal reached the open settings page ${Date.now() - since} ms later`);
    assert.deepEqual(gone.problems, []);
  });
});

/** The full address (fragment included) a page reported to the fixture server (fixture.js), once it does. */
async function reportedAddress(expected, since) {
  const request = await server.waitForRequest(
    (url) => url.includes("/fixture-record?") && new URL(url).searchParams.get("href") === expected,
    { since, what: `the page at ${expected}` },
  );
  return new URL(request.url).searchParams.get("href");
}

/** Types in the popup's Accounts section and presses Enter (unless `enter` is false); returns its rows. */
async function launch(popup, query, { enter = true } = {}) {
  const input = popup.locator("[data-testid=launcher-search]");
  await input.fill("");
  await input.pressSequentially(query, { delay: 10 });
  await waitFor(async () => (await popup.$$("[data-testid=launcher-option]")).length > 0, { what: `rows for “${query}”` });
  const rows = await popup.$$eval("[data-testid=launcher-option]", (nodes) =>
    nodes.map((n) => ({ key: n.dataset.key, method: n.dataset.method, text: n.textContent })),
  );
  if (enter) await input.press("Enter");
  return rows;
}

test("the popup's Accounts section and the omnibox open each team account by the method that signs in to it", { ...LIMIT, skip: skip ?? false }, async () => {
  writePolicy(readFileSync(EXAMPLE, "utf8"));
  await withBrowser(async (browser) => {
    const settings = await openSettings(browser);
    await waitForTeam(settings, (s) => s.managed.length === 4, "the team's 4 accounts");
    const tab = await browser.openTab("https://signin.aws.amazon.com/console");
    const popup = await browser.openPopup(tab.tabId);
    await waitFor(async () => (await popup.evaluate(readPopupInPage)).ready, { what: "the popup to be ready" });
    assert.equal(await popup.evaluate(() => document.activeElement?.dataset.testid), "launcher-search", "typing goes to Accounts");
    // Every account's rows, with the words of each method; a screenshot for the README.
    const all = await popup.$$eval("[data-testid=launcher-option]", (nodes) => nodes.map((n) => n.textContent));
    assert.ok(all.some((t) => t.includes("Production") && t.includes("through your access portal")), all.join(" | "));
    assert.ok(all.some((t) => t.includes("Data lake") && t.includes("switch role")), all.join(" | "));
    assert.ok(all.some((t) => t.includes("Sandbox") && t.includes("IAM user")), all.join(" | "));
    await popup.locator("#launcher").screenshot({ path: join(SCREENSHOTS, "popup-accounts.png") });

    // IAM Identity Center: the portal's shortcut link, fragment and all, reaches the portal.
    let since = server.requests.length;
    const portalRows = await launch(popup, LAUNCHER.portal.query);
    assert.equal(portalRows[0].method, "access_portal");
    assert.equal(await reportedAddress(LAUNCHER.portal.opens, since), LAUNCHER.portal.opens);

    // A role link: the switch lands in the console's last region, and the tab moves to the chosen one, once.
    since = server.requests.length;
    const roleRows = await launch(popup, LAUNCHER.role.query);
    assert.equal(roleRows[0].method, "switch_role");
    await server.waitForRequest((url) => url === LAUNCHER.role.opens, { since, what: "the role link" });
    await server.waitForRequest((url) => url === LAUNCHER.lastRegionConsole, { since, what: "the console in its last region" });
    await server.waitForRequest((url) => url === LAUNCHER.role.movedTo, { since, what: "the console in the chosen region" });
    const moved = await browser.waitForNotice(tab.page, (n) => n.headline?.startsWith("Moved to"));
    assert.equal(moved.headline, "Moved to Europe (Frankfurt) (eu-central-1)");
    assert.equal(tab.page.url(), LAUNCHER.role.movedTo);

    // An IAM user account: its region-pinned sign-in URL.
    since = server.requests.length;
    const userRows = await launch(popup, LAUNCHER.iamUser.query);
    assert.equal(userRows[0].method, "iam_user");
    await server.waitForRequest((url) => url === LAUNCHER.iamUser.opens, { since, what: "the sign-in URL" });

    // A favourite ranks first: the last row, starred with the ★ button, is the first of the list after.
    const input = popup.locator("[data-testid=launcher-search]");
    await input.fill("");
    await waitFor(async () => (await popup.$$("[data-testid=launcher-option]")).length > 1, { what: "every row" });
    const before = await popup.$$eval("[data-testid=launcher-option]", (nodes) => nodes.map((n) => n.dataset.key));
    const starred = before.at(-1);
    await input.press("ArrowUp");
    assert.equal(await popup.getAttribute("[data-testid=launcher-favourite]", "aria-pressed"), "false");
    assert.match(await popup.getAttribute("[data-testid=launcher-favourite]", "aria-label"), /^Add .+ to favourites$/);
    await popup.click("[data-testid=launcher-favourite]");
    await waitFor(async () => (await popup.getAttribute("[data-testid=launcher-option]", "data-key")) === starred, {
      what: `the starred ${starred} first`,
    });
    assert.notEqual(before[0], starred, "it was not first before");
    assert.equal(await popup.textContent("[data-testid=launcher-option] .mark"), "favourite");
    assert.equal(await popup.getAttribute("[data-testid=launcher-favourite]", "aria-pressed"), "true");

    // The omnibox: the same choices in the same order (the favourite and the recent ones first alike), and
    // Enter opens the first.
    for (const { query } of [{ query: "" }, LAUNCHER.portal, LAUNCHER.role, LAUNCHER.iamUser]) {
      const rows = query ? await launch(popup, query, { enter: false }) : null;
      const suggestions = await browser.inWorker(
        (text) =>
          new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error("no omnibox suggestions within 20 s")), 20_000);
            chrome.omnibox.onInputChanged.dispatch(text, (list) => {
              clearTimeout(timer);
              resolve(list);
            });
          }),
        query,
      );
      const descriptions = await popup.$$eval("[data-testid=launcher-option]", (nodes) => nodes.map((n) => n.getAttribute("aria-label")));
      assert.deepEqual(
        suggestions.map((s) => s.description),
        descriptions.slice(0, suggestions.length),
        `omnibox and popup for “${query}”`,
      );
      if (rows) assert.ok(rows.length >= suggestions.length);
    }
    since = server.requests.length;
    await browser.inWorker((text) => globalThis.signinGuard.omniboxEntered(text, "newForegroundTab"), LAUNCHER.portal.query);
    assert.equal(await reportedAddress(LAUNCHER.portal.opens, since), LAUNCHER.portal.opens);
  });
});
test("the omnibox's role link moves its tab to the chosen region once the switch lands, as the popup's does", { ...LIMIT, skip: skip ?? false }, async () => {
  writePolicy(readFileSync(EXAMPLE, "utf8"));
  await withBrowser(async (browser) => {
    const settings = await openSettings(browser);
    await waitForTeam(settings, (s) => s.managed.length === 4, "the team's 4 accounts");
    const since = server.requests.length;
    const opened = browser.context.waitForEvent("page", { timeout: WAIT });
    await browser.inWorker((text) => globalThis.signinGuard.omniboxEntered(text, "newForegroundTab"), LAUNCHER.role.query);
    const page = await opened;
    await server.waitForRequest((url) => url === LAUNCHER.role.opens, { since, what: "the role link" });
    await server.waitForRequest((url) => url === LAUNCHER.lastRegionConsole, { since, what: "the console in its last region" });
    try {
      await server.waitForRequest((url) => url === LAUNCHER.role.movedTo, { since, what: "the console in the chosen region" });
    } catch (error) {
      // Seen once in CI (2026-12-07) and never since: what the worker held for the tabs says which step was missed.
      const session = await browser.inWorker(() => chrome.storage.session.get(null)).catch((e) => `unreadable: ${e.message}`);
      error.message += `\nthe worker's session storage: ${JSON.stringify(session)}\nthe page: ${page.url()}`;
      throw error;
    }
    const moved = await browser.waitForNotice(page, (n) => n.headline?.startsWith("Moved to"));
    assert.equal(moved.headline, "Moved to Europe (Frankfurt) (eu-central-1)");
    assert.equal(page.url(), LAUNCHER.role.movedTo);
  });
});

test("the bookmark doctor replaces a team account's captured sign-in page by the account's team link", { ...LIMIT, skip: skip ?? false }, async () => {
  writePolicy(readFileSync(EXAMPLE, "utf8"));
  await withBrowser(
    async (browser) => {
      const settings = await openSettings(browser);
      await waitForTeam(settings, (s) => s.managed.length === 4, "the team's 4 accounts");
      const bookmarks = await browser.inWorker(
        (urls) => Promise.all(urls.map((url, i) => chrome.bookmarks.create({ parentId: "1", title: `AWS ${i}`, url }))),
        [TEAM_DOCTOR.portal.url, TEAM_DOCTOR.role.url, TEAM_DOCTOR.iamUser.url],
      );
      const page = await browser.context.newPage();
      await page.goto(browser.extensionUrl("doctor.html"), { waitUntil: "load", timeout: WAIT });
      await page.waitForSelector("body[data-ready=true]", { timeout: WAIT });
      await page.focus("[data-testid=doctor-scan]");
      await page.keyboard.press("Enter");
      await page.waitForSelector("body[data-scans='1']", { timeout: WAIT });
      const proposals = await page.$$eval("[data-testid=doctor-row]", (rows) =>
        Object.fromEntries(rows.map((row) => [row.dataset.id, row.querySelector("[data-testid=doctor-new-url]")?.textContent ?? null])),
      );
      assert.deepEqual(
        bookmarks.map((b) => proposals[b.id]),
        [TEAM_DOCTOR.portal.after, TEAM_DOCTOR.role.after, TEAM_DOCTOR.iamUser.after],
        JSON.stringify(proposals),
      );
      // Typing an account for a finding offers the team's accounts, by their names.
      const offered = await page.$$eval("#known-accounts option", (options) => options.map((o) => [o.value, o.label]));
      assert.deepEqual(offered.slice(0, 2), [
        ["acme-prod", "Production: acme-prod (111122223333)"],
        ["acme-staging", "Staging: acme-staging (444455556666)"],
      ], JSON.stringify(offered));
    },
    { grant: ["bookmarks"] },
  );
});

testNoExtensionNetwork();
