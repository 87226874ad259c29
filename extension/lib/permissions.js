// @ts-check
// The permissions a person may withhold, and asking for them again. Everything else works without them. What
// each is for, in words, is the core's (src/events/ui_words.rs).
// - Optional permissions: `bookmarks` and `webNavigation`, asked for by the features that need them
//   (features.js: bookmark protection needs both, lookalike protection `webNavigation`).
// - Access to the AWS sites (the manifest's `host_permissions`): granted at install, but Firefox lets the
//   person turn it off (about:addons → Permissions, or the extensions panel), and Chrome lets people
//   restrict site access too. Without it no notice appears and the worker sees no AWS navigation.
// Every `request` must run first thing in a click or key handler, before any `await`: browsers only ask
// while the user gesture lasts (Firefox rejects the request outright otherwise).
import { api } from "./browser.js";

/** The AWS sign-in, console and portal sites (match patterns): the manifest's host permissions. */
export const AWS_SITES = Object.freeze([...(api.runtime.getManifest().host_permissions ?? [])]);

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
