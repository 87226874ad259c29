// Mozilla's linter (`web-ext lint`, the addons-linter that addons.mozilla.org runs on every upload) on
// dist/firefox, and the shape of the zip that is uploaded (issue 6). It runs offline. Not `--self-hosted`:
// the extension is meant for addons.mozilla.org, so AMO's own checks apply.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { promisify } from "node:util";
import { after, before, test } from "node:test";
import { DIST_FIREFOX } from "./firefox.mjs";
import { ROOT, requireBuiltExtension } from "./harness.mjs";
import { readZip } from "./zip.mjs";

const run = promisify(execFile);
const WEB_EXT = join(ROOT, "node_modules/.bin/web-ext");

/**
 * The extension supports Firefox 140 and newer (ESR 128 has reached its end of life, issue 10): 140 is
 * the first Firefox that reads `browser_specific_settings.gecko.data_collection_permissions`, which
 * addons.mozilla.org requires of new add-ons, so the linter has nothing to warn about. The extension is not
 * offered for Android; `gecko_android.strict_min_version` 142 (the first Android release that reads the key)
 * keeps the linter from taking the desktop floor for Android.
 */
/** Files that must never reach the store: sources of the build, type declarations, editor litter. */
const DEV_FILE = /(^|\/)\.|~$|\.d\.ts$|\.map$|^manifest\.template\.json$|(^|\/)(Cargo\.toml|package(-lock)?\.json)$/;

/** Snapshots of dist/firefox and its zip: `cargo xtask dist` may rewrite dist/ while the tests read. */
let snapshot;
let zipSnapshot;
let workDir;

before(async () => {
  await requireBuiltExtension(DIST_FIREFOX);
  workDir = await mkdtemp(join(tmpdir(), "signin-guard-web-ext-"));
  snapshot = join(workDir, "firefox");
  await cp(DIST_FIREFOX, snapshot, { recursive: true });
  const { version } = JSON.parse(await readFile(join(snapshot, "manifest.json"), "utf8"));
  zipSnapshot = join(workDir, `signin-guard-firefox-${version}.zip`);
  await cp(join(ROOT, "dist", `signin-guard-firefox-${version}.zip`), zipSnapshot);
});

after(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** The files under `dir`, as sorted `/`-separated relative paths. */
async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join("/"))
    .sort();
}

test("web-ext lint on dist/firefox: no errors, no warnings", { timeout: 180_000 }, async (t) => {
  let stdout;
  try {
    ({ stdout } = await run(
      WEB_EXT,
      ["lint", "--source-dir", snapshot, "--output", "json", "--no-config-discovery", "--no-input"],
      { cwd: workDir, maxBuffer: 16 * 1024 * 1024 },
    ));
  } catch (error) {
    // web-ext exits non-zero when there are errors; its report is still on stdout.
    if (!error.stdout) throw new Error(`web-ext lint did not run (npm ci installs it): ${error.message}`, { cause: error });
    stdout = error.stdout;
  }
  const report = JSON.parse(stdout);
  const line = (m) => `${m.code} (${m.file ?? "?"}): ${m.message} ${String(m.description ?? "").replace(/\s+/g, " ")}`;
  for (const notice of report.notices) t.diagnostic(`notice: ${line(notice)}`);

  assert.deepEqual(report.errors.map(line), [], "web-ext lint errors");
  assert.deepEqual(report.warnings.map(line), [], "web-ext lint warnings");
  const manifest = JSON.parse(await readFile(join(snapshot, "manifest.json"), "utf8"));
  assert.equal(manifest.browser_specific_settings.gecko.strict_min_version, "140.0");
  assert.equal(report.metadata.id, JSON.parse(await readFile(join(snapshot, "manifest.json"), "utf8")).browser_specific_settings.gecko.id);
});

test("the addons.mozilla.org zip: manifest at the root, exactly the files of dist/firefox, no development files", async () => {
  const manifest = JSON.parse(await readFile(join(snapshot, "manifest.json"), "utf8"));
  const entries = await readZip(zipSnapshot);
  const names = entries.map((entry) => entry.name);

  assert.ok(names.includes("manifest.json"), "manifest.json at the zip's root");
  assert.deepEqual(names.filter((name) => name.startsWith("/") || name.includes("\\") || name.includes("..")), [], "relative / paths only");
  assert.deepEqual(names.filter((name) => DEV_FILE.test(name)), [], "no development files");
  assert.deepEqual([...names].sort(), await filesUnder(snapshot), "the zip holds exactly dist/firefox");
  const differing = [];
  for (const entry of entries) {
    if (!entry.data.equals(await readFile(join(snapshot, entry.name)))) differing.push(entry.name);
  }
  assert.deepEqual(differing, [], "zip entries identical to dist/firefox");
  assert.deepEqual(JSON.parse(entries.find((e) => e.name === "manifest.json").data), manifest);
});
