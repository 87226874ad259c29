// What ships (dist/chrome, dist/firefox and their store zips): the worker one bundled file without a test
// hook, and a content security policy that keeps every extension page off the network. Runs offline.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { DIST_CHROME } from "./chromium.mjs";
import { DIST_FIREFOX } from "./firefox.mjs";
import { ROOT, requireBuiltExtension } from "./harness.mjs";
import { HOOK_NAME } from "./test-hook.mjs";
import { readZip } from "./zip.mjs";

for (const [browser, dist] of [["chrome", DIST_CHROME], ["firefox", DIST_FIREFOX]]) {
  test(`${browser}: the shipped worker has no test hook, the pages no network`, async () => {
    await requireBuiltExtension(dist);
    const manifest = JSON.parse(await readFile(join(dist, "manifest.json"), "utf8"));
    const worker = await readFile(join(dist, "background.js"), "utf8");
    assert.ok(!worker.includes(HOOK_NAME), `dist/${browser}/background.js defines globalThis.${HOOK_NAME}`);
    // One file a wake fetches and compiles (cargo xtask dist bundles it): no module it imports at run time.
    assert.ok(!/^\s*(import|export)\b/m.test(worker), `dist/${browser}/background.js is not one bundled file`);
    assert.ok(worker.includes("api.runtime.onMessage.addListener(onMessage)"), `dist/${browser}/background.js holds the worker`);
    const policy = manifest.content_security_policy.extension_pages.split(";").map((d) => d.trim());
    // blob: for the exports the pages download (a blob is made by the page itself: no network).
    assert.ok(policy.includes("default-src 'self' blob:"), policy.join("; "));
    assert.ok(policy.includes("script-src 'self' 'wasm-unsafe-eval'"), policy.join("; "));
    // The worker is an extension page too, and nothing in its manifest opens a way out.
    assert.ok(!policy.some((d) => /^connect-src/.test(d)), "no connect-src wider than default-src");

    const zip = join(ROOT, "dist", `signin-guard-${browser}-${manifest.version}.zip`);
    const entries = await readZip(zip);
    const zipped = entries.find((entry) => entry.name === "background.js");
    assert.ok(zipped, `${zip} holds background.js`);
    assert.ok(!zipped.data.toString("utf8").includes(HOOK_NAME), `${zip}: background.js defines the test hook`);
  });
}
