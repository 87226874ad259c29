// Issue 5's self-hosting path, end to end, as a team's admin would do it: a CRX3 signed with the team's
// own key (`cargo xtask package --key`, the packaging step of `cargo xtask dist --key`, run on the dist/
// already built), served with its update manifest from a web server, and force-installed by Chromium from
// an `ExtensionInstallForcelist` policy, in a fresh profile with no --load-extension.
//
// The key is a throwaway one made here with openssl; the packages go to a temporary folder, not dist/.
// Chromium reads policies only from /etc/chromium/policies/managed: the test needs root (CI runs as
// root) and skips otherwise. Its policy file has a unique name and is removed afterwards, also on
// failure, Ctrl-C or SIGTERM; no other file of that folder is touched. Only a SIGKILL can leave it
// behind: the test then names the stale file at its next start.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createHash, createPublicKey, randomBytes } from "node:crypto";
import { accessSync, constants, existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import { CHROMIUM, ChromiumSession, ROOT, requireBuiltExtension } from "./chromium.mjs";

/** Debian Chromium's folder of mandatory policies (Chrome's is /etc/opt/chrome/policies/managed). */
const POLICY_DIR = "/etc/chromium/policies/managed";
/** This test's policy files start so: unique per run, and recognisable when a killed run left one. */
const POLICY_PREFIX = "signin-guard-test-self-hosting-";
/** Building xtask (first run) and packing; then Chromium fetching, unpacking and starting the worker. */
const LIMIT = { timeout: 600_000 };
const INSTALL_WAIT = 120_000;

const run = promisify(execFile);

/** Why the test cannot run here, or null. */
function skipReason() {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) {
    return `needs root: Chromium reads its policies only from ${POLICY_DIR} (CI runs as root)`;
  }
  let dir = POLICY_DIR;
  while (!existsSync(dir)) dir = dirname(dir);
  try {
    accessSync(dir, constants.W_OK);
    return null;
  } catch (error) {
    return `cannot write to ${dir}, so not to ${POLICY_DIR} (${error.code ?? error.message})`;
  }
}

/** The policy file written by this run; removed by `removePolicy` whatever happens. */
let policyFile = null;
/** The policy folders this run created (removed afterwards when empty). */
let createdDirs = [];

function removePolicy() {
  if (policyFile) {
    rmSync(policyFile, { force: true });
    policyFile = null;
  }
  // Only folders this run made, only when empty: rmdir fails on anything else, which is left alone.
  for (const dir of createdDirs.toReversed()) {
    try {
      rmdirSync(dir);
    } catch {
      break;
    }
  }
  createdDirs = [];
}

/** The test's temporary folder (throwaway key, packages, profile); also removed when a signal ends the run. */
let scratch = null;

function removeScratch() {
  if (scratch) {
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
    scratch = null;
  }
}

function onSignal(signal) {
  removePolicy();
  process.off(signal, onSignal);
  // Playwright's own handler (closing the browser, then exiting) runs when it is installed; without
  // another handler, the signal is raised again for its default effect.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

/** Writes the policy, with every exit path removing it. */
function writePolicy(policy) {
  const missing = [];
  for (let dir = POLICY_DIR; !existsSync(dir); dir = dirname(dir)) missing.unshift(dir);
  mkdirSync(POLICY_DIR, { recursive: true });
  createdDirs = missing;
  policyFile = join(POLICY_DIR, `${POLICY_PREFIX}${process.pid}-${randomBytes(6).toString("hex")}.json`);
  process.on("exit", removePolicy);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);
  writeFileSync(policyFile, JSON.stringify(policy, null, 2), { mode: 0o644 });
}

/**
 * Headless Chromium with a fresh profile and no extension loaded: whatever runs comes from the policy.
 * Not `launchChromium`: it turns background networking off, and with it the policy's downloads.
 * @returns {Promise<ChromiumSession>} the launcher's session, for its worker helpers
 */
async function launchForPolicy(dir) {
  const context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    // Playwright's defaults turn extensions and the extension downloader (background networking) off.
    ignoreDefaultArgs: ["--disable-extensions", "--disable-background-networking"],
    args: [
      ...(process.getuid() === 0 ? ["--no-sandbox"] : []),
      "--disable-component-update",
      "--no-first-run",
      "--no-default-browser-check",
    ],
    timeout: 120_000,
  });
  return new ChromiumSession(context, dir, null);
}

/** Chrome's id of a public key: the first 16 bytes of the SHA-256 of its DER SPKI, nibbles as a–p. */
function extensionIdOf(spki) {
  const hex = createHash("sha256").update(spki).digest("hex").slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join("");
}

/** A local update server for the packages in `dir`; logs the paths asked for. */
async function serveFolder(dir) {
  const requests = [];
  const types = { ".xml": "text/xml", ".crx": "application/x-chrome-extension" };
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, "http://127.0.0.1").pathname;
    requests.push(path);
    const name = path.slice(1);
    const type = types[name.slice(name.lastIndexOf("."))];
    if (!type || name.includes("/") || name.startsWith(".")) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(dir, name));
      response.writeHead(200, { "content-type": type, "content-length": body.length }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((done) => server.close(done)),
  };
}

after(removePolicy);

const skip = skipReason();

test("a CRX3 signed with a team key installs through ExtensionInstallForcelist from a local update server", { ...LIMIT, skip: skip ?? false }, async (t) => {
  await requireBuiltExtension();
  const stale = (existsSync(POLICY_DIR) ? readdirSync(POLICY_DIR) : []).filter((name) => name.startsWith(POLICY_PREFIX));
  if (stale.length) {
    t.diagnostic(`stale policy files from a killed run (remove them): ${stale.map((n) => join(POLICY_DIR, n)).join(", ")}`);
  }
  const dir = await mkdtemp(join(tmpdir(), "signin-guard-self-hosting-"));
  scratch = dir;
  // After Playwright's SIGINT handler has closed the browser and exits.
  process.on("exit", removeScratch);
  let server = null;
  let browser = null;
  try {
    // The team's key, and the id Chromium must derive from it (computed here independently of xtask).
    const key = join(dir, "team-key.pem");
    await run("openssl", ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key]);
    const spki = createPublicKey(await readFile(key, "utf8")).export({ type: "spki", format: "der" });
    const id = extensionIdOf(spki);

    const out = join(dir, "out");
    server = await serveFolder(out);
    const { stdout } = await run(
      "cargo",
      ["xtask", "package", "--key", key, "--update-url", server.url, "--out", out],
      { cwd: ROOT, maxBuffer: 16 << 20 },
    );
    assert.match(stdout, new RegExp(`^extension id: ${id}$`, "m"), `xtask's id for the key:\n${stdout}`);

    const { version } = JSON.parse(await readFile(join(ROOT, "dist/chrome/manifest.json"), "utf8"));
    const crx = `signin-guard-${version}.crx`;
    const xml = await readFile(join(out, "updates.xml"), "utf8");
    assert.match(xml, new RegExp(`<app appid='${id}'>`), xml);
    assert.match(xml, new RegExp(`<updatecheck codebase='${server.url}/${crx}' version='${version}' />`), xml);
    const packed = JSON.parse(await readFile(join(out, "chrome-self-hosted/manifest.json"), "utf8"));
    assert.equal(packed.key, undefined, "the development key is not packed");
    assert.equal(packed.update_url, `${server.url}/updates.xml`);

    writePolicy({
      ExtensionInstallForcelist: [`${id};${server.url}/updates.xml`],
      // Chromium's default (0) keeps DevTools, and so the test's driver, away from force-installed
      // extensions: their worker is no target and their pages close when attached to. Test-only.
      DeveloperToolsAvailability: 1,
    });
    browser = await launchForPolicy(join(dir, "browser"));

    const worker = await browser.worker({ timeout: INSTALL_WAIT }).catch((error) => {
      throw new Error(`${error.message}; the update server was asked for: ${JSON.stringify(server.requests)}`);
    });
    assert.equal(worker.url(), `chrome-extension://${id}/background.js`);
    assert.ok(server.requests.includes("/updates.xml"), `requests: ${server.requests}`);
    assert.ok(server.requests.includes(`/${crx}`), `requests: ${server.requests}`);

    const self = await browser.inWorker(async () => {
      const { installType, enabled, version } = await chrome.management.getSelf();
      const { key, update_url } = chrome.runtime.getManifest();
      return { installType, enabled, version, key, update_url };
    });
    assert.deepEqual(self, {
      installType: "admin",
      enabled: true,
      version,
      // Chromium records the CRX's key in the installed manifest: the team's, not the template's.
      key: spki.toString("base64"),
      update_url: `${server.url}/updates.xml`,
    });

    // The installed package's WebAssembly core answers, in one of its pages.
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${id}/options.html`, { waitUntil: "load" });
    const verdict = await page.evaluate(async (url) => {
      const core = await import("/lib/core.js");
      await core.ready;
      // The glue's own bulk export (lib/core.js re-exports only what the extension calls).
      return core.classifyMany([url])[0];
    }, "https://123456789012.signin.aws.amazon.com/console");
    assert.equal(verdict.kind, "account_signin", JSON.stringify(verdict));
    assert.equal(verdict.account, "123456789012");
    const errors = browser.logs.filter((line) => line.startsWith("[worker error]"));
    assert.deepEqual(errors, [], "the worker logged no errors");
  } catch (error) {
    if (browser?.logs.length) error.message += `\n--- extension console ---\n${browser.logs.join("\n")}`;
    throw error;
  } finally {
    await browser?.close().catch(() => {});
    removePolicy();
    await server?.close();
    removeScratch();
  }
});
