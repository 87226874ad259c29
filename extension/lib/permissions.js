// The permissions a person may withhold, and asking for them again. Everything else works without them.
// - Optional permissions: `bookmarks` (find and fix bookmarks of sign-in redirects) and `webNavigation`
//   (lookalike protection on any site).
// - Access to the AWS sites (the manifest's `host_permissions`): granted at install, but Firefox lets the
//   person turn it off (about:addons → Permissions, or the extensions panel), and Chrome lets people
//   restrict site access too. Without it no notice appears and the worker sees no AWS navigation.
// Every `request` must run first thing in a click or key handler, before any `await`: browsers only ask
// while the user gesture lasts (Firefox rejects the request outright otherwise).
import { api } from "./browser.js";

/** What each optional permission is for, in the words the UI uses. */
export const PURPOSE = Object.freeze({
  bookmarks: "find and fix bookmarks that point at a sign-in redirect, and bookmark sign-in URLs",
  webNavigation: "warn you on pages that imitate AWS, on any site",
});

/** The AWS sign-in, console and portal sites (match patterns): the manifest's host permissions. */
export const AWS_SITES = Object.freeze([...(api.runtime.getManifest().host_permissions ?? [])]);

/** What access to the AWS sites is for, in the words the UI uses. */
export const AWS_SITES_PURPOSE =
  "show which account an AWS sign-in or console page is for, its sign-in URL to bookmark, and warnings about sign-in redirects";

/** Whether the permission is granted. */
export function has(permission) {
  return api.permissions.contains({ permissions: [permission] }).catch(() => false);
}

/** Asks for the permission (from a user gesture: see above). Resolves to whether it is granted. */
export function request(permission) {
  return api.permissions.request({ permissions: [permission] }).catch(() => false);
}

/** Gives the permission back. */
export function revoke(permission) {
  return api.permissions.remove({ permissions: [permission] }).catch(() => false);
}

/** Whether the extension may read every AWS site it works on. */
export function hasAwsSites() {
  return api.permissions.contains({ origins: AWS_SITES }).catch(() => false);
}

/** Asks for access to the AWS sites (from a user gesture: see above). Resolves to whether it is granted. */
export function requestAwsSites() {
  return api.permissions.request({ origins: AWS_SITES }).catch(() => false);
}
