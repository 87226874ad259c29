// What the browser launchers and tests of both browsers share: where things are, how long to wait, and
// polling. Browser-specific driving lives in chromium.mjs and firefox.mjs.

import { stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Where the tests save their screenshots (the README shows them). */
export const SCREENSHOTS = join(ROOT, "docs/screenshots");

/** Generous: a loaded 2-core machine can take seconds for what takes milliseconds on a laptop. */
export const WAIT = 30_000;

/** Polls `probe` until it returns a value other than undefined/null/false; fails with `what` on timeout. */
export async function waitFor(probe, { timeout = WAIT, interval = 100, what = "a condition" } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await probe();
      if (last !== undefined && last !== null && last !== false) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError ? ` (last error: ${lastError.message})` : "";
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${why}`);
    }
    await new Promise((done) => setTimeout(done, interval));
  }
}

/** Fails with a clear message when the extension in `dir` has not been built. */
export async function requireBuiltExtension(dir) {
  try {
    await stat(join(dir, "manifest.json"));
  } catch {
    throw new Error(`${dir}/manifest.json not found: build the extension first (cargo xtask dist)`);
  }
}
