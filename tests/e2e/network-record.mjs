// The no-network promise, checked on every e2e run: every request made by an extension context (the worker,
// the popup, options, doctor and warning pages, the offscreen document) in any browser of a test file is
// recorded, and the file's last test fails if one went anywhere but the extension's own files or was not a
// navigation of a tab (the navigations a person asks for: a link, "Continue anyway", the omnibox).
//
// Chromium: Playwright's request events of the browser context, which cover its pages and (Playwright 1.65)
// its service workers. Requests a content script makes are indistinguishable there from its page's own.

import assert from "node:assert/strict";
import { test } from "node:test";

/** Every request of an extension context seen in this test file: `{context, url, navigation}`. */
const seen = [];

const EXTENSION_SCHEMES = ["chrome-extension:", "moz-extension:"];

/** The extension origin a context URL belongs to, or null for a web page. */
function extensionOrigin(url) {
  try {
    const parsed = new URL(url);
    return EXTENSION_SCHEMES.includes(parsed.protocol) ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

/** Whether a request of the context at `origin` stays inside the extension. */
function stays(origin, url) {
  return url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`) || url.startsWith("data:");
}

/** Records the extension contexts' requests of a Playwright (Chromium) browser context. */
export function recordChromium(context) {
  context.on("request", (request) => {
    const where = contextOf(request);
    const origin = where && extensionOrigin(where);
    if (!origin) return;
    seen.push({ context: where, url: request.url(), origin, navigation: request.isNavigationRequest() });
  });
}

/** The URL of the context that made a request: its service worker's, or its frame's (null if unknown). */
function contextOf(request) {
  const worker = request.serviceWorker();
  if (worker) return worker.url();
  try {
    return request.frame().url();
  } catch {
    return null;
  }
}

/** What went out: requests of an extension context that were neither its own files nor a navigation. */
export function requestsOut() {
  return seen.filter((r) => !r.navigation && !stays(r.origin, r.url));
}

/** Registers the file's last test: no extension context reached the network. */
export function testNoExtensionNetwork(name = "no extension context made a request outside the extension") {
  test(name, () => {
    assert.ok(seen.length > 0, "the recorder saw no request of an extension context: is it attached?");
    const out = requestsOut();
    assert.deepEqual(
      out.map((r) => `${r.context} → ${r.url}`),
      [],
      `${out.length} of ${seen.length} extension requests left the extension`,
    );
  });
}
