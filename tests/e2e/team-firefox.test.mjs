// Issue 5's team configuration in real headless Firefox ESR: Firefox reads an extension's managed storage
// from a native manifest, `~/.mozilla/managed-storage/<add-on id>.json`, when it starts. Each test gives
// Firefox (through geckodriver's environment) a HOME of its own, a temporary folder, so the person's real
// ~/.mozilla is never read or written; the manifest is docs/examples/policies/firefox-managed-storage.json,
// the very file docs/admin.md shows. Without the file, `storage.managed.get()` rejects ("Managed storage
// manifest not found"), which the extension takes as "no team configuration".

import assert from "node:assert/strict";
import { copyFile, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { readTeamInPage } from "./contract.mjs";
import { DIST_FIREFOX, firefoxSessions } from "./firefox.mjs";
import { startFixtureServer } from "./fixture-server.mjs";
import { testNoExtensionNetwork } from "./network-record.mjs";
import { ROOT, requireBuiltExtension, waitFor } from "./harness.mjs";

const GECKO_ID = "signin-guard@example.org";
const EXAMPLE = join(ROOT, "docs/examples/policies/firefox-managed-storage.json");
/** A real-shaped ~/.aws/config with secrets planted in it (the core's import tests read it too). */
const AWS_CONFIG = join(ROOT, "tests/data/team/aws-config");
const SECRETS = ["AKIAFIXTURESECRET0001", "fixtureSecretKeyDoNotPrint/abc123XYZ", "FIXTURESESSIONTOKENvalue=="];
const LIMIT = { timeout: 240_000 };

/** @type {import("./fixture-server.mjs").FixtureServer} */
let server;
const sessions = firefoxSessions();
const homes = new Set();

before(async () => {
  await requireBuiltExtension(DIST_FIREFOX);
  server = await startFixtureServer({ proxy: true });
});

after(async () => {
  await sessions.closeAll();
  await server?.close();
  for (const home of homes) await rm(home, { recursive: true, force: true });
});

/** A temporary HOME, with the example's managed-storage manifest in it when `manifest` is true. */
async function makeHome({ manifest }) {
  const home = await mkdtemp(join(tmpdir(), "signin-guard-firefox-home-"));
  homes.add(home);
  if (manifest) {
    const folder = join(home, ".mozilla", "managed-storage");
    await mkdir(folder, { recursive: true });
    await copyFile(EXAMPLE, join(folder, `${GECKO_ID}.json`));
  }
  return home;
}

/** Runs `body` with a fresh Firefox whose HOME is `home`; always closes it and removes the folder. */
async function withFirefox(home, body) {
  try {
    await sessions.run({ server, env: { HOME: home } }, async (firefox) => {
      assert.equal(firefox.addonId, GECKO_ID, "the add-on id the manifest is named after");
      await body(firefox);
    });
  } finally {
    await rm(home, { recursive: true, force: true });
    homes.delete(home);
  }
}

/** Waits until the settings page (the control tab) shows what `accept` wants; the failure shows what it showed. */
async function waitForTeam(firefox, accept, what) {
  let last;
  try {
    return await waitFor(
      async () => {
        last = await firefox.read(firefox.control, readTeamInPage);
        return last.ready && accept(last) ? last : null;
      },
      { what },
    );
  } catch (error) {
    error.message += `; the settings page showed: ${JSON.stringify(last)}`;
    throw error;
  }
}

test("the team's accounts from ~/.mozilla/managed-storage show in the settings page and the notice", LIMIT, async () => {
  await withFirefox(await makeHome({ manifest: true }), async (firefox) => {
    const team = await waitForTeam(firefox, (s) => s.managed.length === 4, "the team's 4 accounts");
    assert.deepEqual(
      team.managed.map((a) => [a.name, a.account, a.sourceLabel]),
      [
        ["Production", "111122223333", "managed by your organisation"],
        ["Staging", "444455556666", "managed by your organisation"],
        ["Sandbox", "777788889999", "managed by your organisation"],
        ["Data lake", "210987654321", "managed by your organisation"],
      ],
    );
    assert.deepEqual(team.problems, []);
    assert.match(team.summary, /^Your organisation manages 4 accounts/);

    const { handle } = await firefox.openTab("https://acme-prod.signin.aws.amazon.com/console");
    const notice = await firefox.waitForNotice(handle, (n) => n.headline?.includes("acme-prod"));
    assert.equal(notice.headline, "Sign-in page of account Production (acme-prod)");
  });
});

test("without a managed-storage manifest the extension works and shows no organisation's accounts", LIMIT, async () => {
  await withFirefox(await makeHome({ manifest: false }), async (firefox) => {
    const team = await waitForTeam(firefox, (s) => s.summary !== "", "the Accounts section");
    assert.deepEqual(team.managed, []);
    assert.deepEqual(team.problems, []);
    assert.match(team.summary, /^No configuration from your organisation/);

    const { handle } = await firefox.openTab("https://999988887777.signin.aws.amazon.com/console");
    const notice = await firefox.waitForNotice(handle, (n) => n.headline);
    assert.equal(notice.headline, "Sign-in page of account 999988887777", "no organisation: no warning");
    assert.equal(notice.level, "info");
  });
});

test("importing ~/.aws/config in the settings page: a preview, the secrets named but not kept, the accounts added and exported", LIMIT, async () => {
  const text = await readFile(AWS_CONFIG, "utf8");
  await withFirefox(await makeHome({ manifest: false }), async (firefox) => {
    await waitForTeam(firefox, (s) => s.summary !== "", "the Accounts section");
    const { driver } = firefox;
    await firefox.switchTo(firefox.control);
    // As pasted: the text box's value, then a real click on Preview.
    await driver.executeScript(
      "const area = document.querySelector('[data-testid=import-text]'); area.closest('details').open = true; area.value = arguments[0];",
      text,
    );
    await firefox.click(firefox.control, "import-preview");
    const preview = await waitFor(
      () =>
        driver.executeScript(`
          const text = (id) => document.querySelector('[data-testid="' + id + '"]')?.textContent.replace(/\\s+/g, " ").trim() ?? null;
          const add = document.querySelector('[data-testid="import-add"]');
          return add ? { summary: text("import-summary"), secrets: text("import-secrets"), add: add.textContent } : null;`),
      { what: "the import preview" },
    );
    assert.equal(preview.summary, "6 accounts from 10 profiles of an AWS config file.");
    assert.match(preview.secrets, /\[old-ci\] \(line 62\): aws_access_key_id, aws_secret_access_key/);
    assert.match(preview.secrets, /\[sandbox\] \(line 78\): aws_session_token/);
    for (const secret of SECRETS) assert.ok(!preview.secrets.includes(secret), "no secret value is shown");
    // The box itself no longer shows them: redacted as soon as they were read.
    const boxed = await driver.executeScript("return document.querySelector('[data-testid=import-text]').value");
    for (const secret of SECRETS) assert.ok(!boxed.includes(secret), `the import box still shows ${secret}`);
    assert.match(boxed, /aws_secret_access_key = \[redacted\]/);
    assert.equal(preview.add, "Add these 6 accounts to your accounts");

    await firefox.click(firefox.control, "import-add");
    const team = await waitForTeam(firefox, (s) => s.user.length === 6, "the 6 imported accounts");
    assert.deepEqual(
      team.user.map((a) => [a.name, a.account, a.sourceLabel]),
      [
        ["acme-prod-admin", "111122223333", "added by you"],
        ["acme-staging", "444455556666", "added by you"],
        ["sandbox", "777788889999", "added by you"],
        ["billing", "121212121212", "added by you"],
        ["data-lake", "210987654321", "added by you"],
        ["lost-session", "999988887777", "added by you"],
      ],
    );
    assert.equal(await driver.executeScript("return document.querySelector('[data-testid=import-text]').value"), "", "the pasted text is cleared");
    // Pasted again (an input event, as a paste fires): redacted at once; closing the import clears it.
    const boxValue = () => driver.executeScript("return document.querySelector('[data-testid=import-text]').value");
    await driver.executeScript(
      "const area = document.querySelector('[data-testid=import-text]'); area.closest('details').open = true; area.value = arguments[0]; area.dispatchEvent(new Event('input', { bubbles: true }));",
      text,
    );
    const pasted = await boxValue();
    for (const secret of SECRETS) assert.ok(!pasted.includes(secret), `the pasted box shows ${secret}`);
    assert.ok(pasted.includes("[profile old-ci]"), "the rest of the text stays");
    await driver.executeScript("document.querySelector('[data-testid=import-text]').closest('details').open = false;");
    await waitFor(async () => (await boxValue()) === "", { what: "the import box to be cleared once the import is closed" });
    // Edit one (a real click on Edit, the form filled, Save clicked), remove another.
    await firefox.click(firefox.control, "team-edit");
    const field = await waitFor(() => firefox.byTestId("team-edit-form").then((form) => form.findElement({ id: "edit-display-name" })), {
      what: "the edit form",
    });
    await field.clear();
    await field.sendKeys("Production admin");
    await firefox.click(firefox.control, "team-edit-save");
    await waitForTeam(firefox, (s) => s.user[0]?.name === "Production admin", "the new display name");
    await driver.executeScript("[...document.querySelectorAll('[data-testid=team-remove]')].at(-1).scrollIntoView()");
    const removes = await driver.findElements({ css: '[data-testid="team-remove"]' });
    await removes.at(-1).click();
    const edited = await waitForTeam(firefox, (s) => s.user.length === 5, "5 accounts after the removal");
    assert.deepEqual(edited.user.map((a) => a.account).at(-1), "210987654321");

    const stored = await firefox.inExtension(async () => JSON.stringify(await browser.storage.local.get(null)));
    for (const secret of SECRETS) assert.ok(!stored.includes(secret), "no secret value is stored");

    // Export: the person's accounts as a team configuration (the download's content, caught in the page).
    await driver.executeScript(`
      window.exported = null;
      HTMLAnchorElement.prototype.click = function () { fetch(this.href).then((r) => r.text()).then((t) => (window.exported = t)); };`);
    await firefox.click(firefox.control, "team-export");
    const exported = JSON.parse(await waitFor(() => driver.executeScript("return window.exported"), { what: "the exported file" }));
    assert.equal(exported.version, 1);
    assert.deepEqual(
      exported.accounts.map((a) => a.accountId),
      ["111122223333", "444455556666", "777788889999", "121212121212", "210987654321"],
    );
    assert.equal(exported.accounts[0].displayName, "Production admin");
    assert.deepEqual(exported.accounts[0].roles.map((r) => r.name), ["AdministratorAccess", "ReadOnlyAccess"]);
  });
});

testNoExtensionNetwork(undefined, { browser: "firefox" });
