// The one place that knows which extension API object the browser provides: Firefox's promise-based
// `browser`, else Chrome's `chrome` (promise-based too in Manifest V3).
export const api = globalThis.browser ?? globalThis.chrome;

/** Whether this is Chrome's API, whose omnibox descriptions are XML (Firefox's are plain text). */
export const omniboxUsesXml = globalThis.browser === undefined;
