// @ts-check
// The one place that knows which browser the extension runs in. Everything else goes through `api` and
// never names `chrome.*` or `browser.*` itself (the content script, a classic script, repeats line one).
//
// Firefox differences the rest of the code must not assume away:
// - MV3 host permissions can be withheld by the person (permissions.js `hasAwsSites`, site-access*.js).
// - Optional permissions are granted only from a user gesture: `permissions.request` first in a handler.
// - `storage.managed` is read once at start (no `onChanged`), and `get()` REJECTS when no policy exists
//   ("Managed storage manifest not found"): treat that as "no team configuration".
// - The background is an event page (`background.scripts`), not a service worker; both are stopped when idle.

/** The extension API: Firefox's `browser`, else Chrome's `chrome` (both promise-based in Manifest V3). */
export const api = globalThis.browser ?? globalThis.chrome;

/**
 * Whether this is Firefox, told by its own URL scheme: Chromium (156, seen here) defines `browser` too, so
 * the namespace's presence does not tell.
 */
export const isFirefox = api.runtime.getURL("").startsWith("moz-extension:");

/** Whether omnibox descriptions are XML (Chrome) rather than plain text (Firefox). */
export const omniboxUsesXml = !isFirefox;
