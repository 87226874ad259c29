// @ts-check
// The permissions a person may withhold, and asking for them again. Everything else works without them.
// - Optional permissions: `bookmarks` and `webNavigation`, asked for by the features that need them
//   (features.js: bookmark protection needs both, lookalike protection `webNavigation`).
// - Access to the AWS sites (the manifest's `host_permissions`): granted at install, but Firefox lets the
//   person turn it off (about:addons → Permissions, or the extensions panel), and Chrome lets people
//   restrict site access too. Without it no notice appears and the worker sees no AWS navigation.
// Every `request` must run first thing in a click or key handler, before any `await`: browsers only ask
// while the user gesture lasts (Firefox rejects the request outright otherwise).
import { api } from "./browser.js";

/** What each optional permission is for, in the words the UI uses. */
export const PURPOSE = Object.freeze({
  bookmarks: "find and fix bookmarks that point at a sign-in redirect, and bookmark sign-in URLs",
  webNavigation:
    "see the address a navigation to an AWS sign-in site started at, so that a bookmark of a sign-in redirect is " +
    "recognised before AWS redirects it; and, with lookalike protection on, check the address of every page you open",
});

/** The AWS sign-in, console and portal sites (match patterns): the manifest's host permissions. */
export const AWS_SITES = Object.freeze([...(api.runtime.getManifest().host_permissions ?? [])]);

/** What access to the AWS sites is for, in the words the UI uses. */
export const AWS_SITES_PURPOSE =
  "show which account an AWS sign-in or console page is for, its sign-in URL to bookmark, and warnings about sign-in redirects";

const list = (permissions) => [permissions].flat();

/** Whether the permission (or every one of a list) is granted. */
export function has(permissions) {
  return api.permissions.contains({ permissions: list(permissions) }).catch(() => false);
}

/** Asks for the permission or list, in one prompt (from a user gesture: see above). Resolves to whether granted. */
export function request(permissions) {
  return api.permissions.request({ permissions: list(permissions) }).catch(() => false);
}

/** Gives the permission (or list) back. */
export function revoke(permissions) {
  return api.permissions.remove({ permissions: list(permissions) }).catch(() => false);
}

/** Whether the extension may read every AWS site it works on. */
export function hasAwsSites() {
  return api.permissions.contains({ origins: AWS_SITES }).catch(() => false);
}

/** Asks for access to the AWS sites (from a user gesture: see above). Resolves to whether it is granted. */
export function requestAwsSites() {
  return api.permissions.request({ origins: AWS_SITES }).catch(() => false);
}
