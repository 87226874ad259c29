// The optional permissions: `bookmarks` (find and fix bookmarks of sign-in redirects) and
// `webNavigation` (lookalike protection on any site). Everything else works without them.
import { api } from "./browser.js";

/** What each optional permission is for, in the words the UI uses. */
export const PURPOSE = Object.freeze({
  bookmarks: "find and fix bookmarks that point at a sign-in redirect, and bookmark sign-in URLs",
  webNavigation: "warn you on pages that imitate AWS, on any site",
});

/** Whether the permission is granted. */
export function has(permission) {
  return api.permissions.contains({ permissions: [permission] }).catch(() => false);
}

/**
 * Asks for the permission. Call it first thing in a click or key handler, before any `await`:
 * the browser only asks while the user gesture lasts. Resolves to whether it is granted.
 */
export function request(permission) {
  return api.permissions.request({ permissions: [permission] }).catch(() => false);
}

/** Gives the permission back. */
export function revoke(permission) {
  return api.permissions.remove({ permissions: [permission] }).catch(() => false);
}
