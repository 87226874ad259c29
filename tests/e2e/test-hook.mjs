// The worker's test hook, added only to the e2e harness's snapshot of the extension: a headless
// browser has no context menu or omnibox to click, so the tests call the worker's own handlers.
// The shipped worker (dist/, the store zips) has no such global (tests/e2e/shipped.test.mjs).

import { appendFile } from "node:fs/promises";
import { join } from "node:path";

/** The global the hook defines in the worker. */
export const HOOK_NAME = "signinGuard";

/** The line appended to the snapshot's background.js, in the module's own scope. */
const HOOK = `\n// Added by tests/e2e/test-hook.mjs to the test snapshot only.\nglobalThis.${HOOK_NAME} = Object.freeze({ menuClicked, omniboxChanged, omniboxEntered });\n`;

/** Adds the hook to the unpacked extension snapshot in `dir`. */
export async function addTestHook(dir) {
  await appendFile(join(dir, "background.js"), HOOK);
}
