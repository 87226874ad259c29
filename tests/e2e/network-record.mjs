// The no-network promise, checked on every e2e run: every request made by an extension context (the worker,
// the popup, options, doctor and warning pages, the offscreen document) in any browser of a test file is
// recorded, and the file's last test fails if one went anywhere but the extension's own files or was not a
// navigation of a tab (the navigations a person asks for: a link, "Continue anyway", the omnibox).
//
// Chromium: Playwright's request events of the browser context, which cover its pages and (Playwright 1.65)
// its service workers. Firefox: every request it makes goes through the fixture server's proxy (firefox.mjs),
// which records each one it refuses (a host that is not a fixture's, or plain http); Firefox's own services
// are the only other hosts allowed there. Both: the fixture server records each request's Fetch Metadata, so
// a request to an AWS host that was neither a navigation nor a fixture page's own file (a content script's
// or an extension page's fetch) is caught whichever context made it.

import assert from "node:assert/strict";
import { test } from "node:test";
import { fixturesOwn } from "./fixture-server.mjs";

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

/** The fixture servers whose requests this file's browsers made (see `recordServer`). */
const servers = new Set();

/**
 * Firefox's own services, which it may reach whatever its preferences say (remote settings, push, add-on
 * and certificate checks); nothing of the extension's goes to them.
 */
const FIREFOX_OWN = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net|mozgcp\.net)(:\d+)?$/;

/** Records what the browsers of this file asked of `server` (and of its proxy, for Firefox). */
export function recordServer(server) {
  servers.add(server);
}

/** Requests to the fixture hosts that were neither a navigation nor a fixture page's own files. */
export function scriptRequestsToPages() {
  return [...servers].flatMap((server) =>
    server.requests.filter((r) => r.mode !== null && r.mode !== "navigate" && !fixturesOwn(r.url)),
  );
}

/** What the proxy refused that is not one of Firefox's own services: somewhere else the browser tried to go. */
export function refusedElsewhere() {
  return [...servers].flatMap((server) => server.refused.filter((r) => !FIREFOX_OWN.test(r.target.replace(/^[a-z]+:\/\//, "").split("/")[0])));
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

/**
 * Registers the file's last test: no extension context reached the network. `browser`: `chromium` (its
 * extension contexts' requests are recorded one by one) or `firefox` (everything goes through the proxy).
 */
export function testNoExtensionNetwork(name = "no extension context made a request outside the extension", { browser = "chromium" } = {}) {
  test(name, () => {
    if (browser === "chromium") {
      assert.ok(seen.length > 0, "the recorder saw no request of an extension context: is it attached?");
    }
    // A file that opens no AWS page (the doctor's) has no fixture server; Firefox's proxy is its server.
    if (browser === "firefox") assert.ok(servers.size > 0, "no fixture server is recorded: is the proxy attached (recordServer)?");
    const requests = [...servers].reduce((n, server) => n + server.requests.length, 0);
    const out = requestsOut();
    assert.deepEqual(
      out.map((r) => `${r.context} → ${r.url}`),
      [],
      `${out.length} of ${seen.length} extension requests left the extension`,
    );
    const fetched = scriptRequestsToPages();
    assert.deepEqual(
      fetched.map((r) => `${r.method} ${r.url} (${r.mode}, ${r.dest})`),
      [],
      `${fetched.length} of ${requests} requests to AWS hosts were made by a script, not a navigation`,
    );
    const elsewhere = refusedElsewhere();
    assert.deepEqual(
      elsewhere.map((r) => r.target),
      [],
      `the browser tried to reach ${elsewhere.length} other hosts`,
    );
  });
}
