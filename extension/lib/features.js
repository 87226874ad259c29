// @ts-check
// The two optional features and the permissions each needs. Bookmark protection (find, fix and
// recognise bookmarks of sign-in redirects) needs `bookmarks` and `webNavigation`, asked for together in
// one prompt; lookalike protection (a warning page before a page that imitates AWS, on any site) needs
// `webNavigation` and is a choice of its own (store.js `lookalikeProtection`), so that allowing bookmark
// protection never turns it on. Turning a feature off gives back what the other one does not use.
// Every `turnOn…` must run first thing in a click or key handler (permissions.js).
import * as permissions from "./permissions.js";
import * as store from "./store.js";

/** The permissions of bookmark protection, in the order the browser lists them. */
export const BOOKMARK_PROTECTION = Object.freeze(["bookmarks", "webNavigation"]);
/** The permission of lookalike protection. */
export const LOOKALIKE_PROTECTION = Object.freeze(["webNavigation"]);

/** The features (as `featureStates` names them) that use `permission`. */
export function featuresUsing(permission) {
  const needs = { bookmarks: BOOKMARK_PROTECTION, lookalike: LOOKALIKE_PROTECTION };
  return Object.keys(needs).filter((feature) => needs[feature].includes(permission));
}

/** `{bookmarks, lookalike}`: whether each feature is on (its permissions granted, and for lookalikes chosen). */
export async function featureStates() {
  const [bookmarks, navigation, chosen] = await Promise.all([
    permissions.has("bookmarks"),
    permissions.has("webNavigation"),
    store.lookalikeProtection(),
  ]);
  return { bookmarks: bookmarks && navigation, lookalike: navigation && chosen === true };
}

/** Asks for bookmark protection's permissions in one prompt; resolves to whether it is on. */
export function turnOnBookmarkProtection() {
  return permissions.request(BOOKMARK_PROTECTION);
}

/** Gives back `bookmarks`, and `webNavigation` unless lookalike protection uses it. */
export async function turnOffBookmarkProtection() {
  const keep = (await store.lookalikeProtection()) === true;
  return permissions.revoke(keep ? ["bookmarks"] : BOOKMARK_PROTECTION);
}

/** Asks for `webNavigation` (if not granted yet) and records the choice; resolves to whether it is on. */
export function turnOnLookalikeProtection() {
  return permissions.request(LOOKALIKE_PROTECTION).then(async (granted) => granted && (await store.setLookalikeProtection(true)));
}

/** Records the choice, and gives back `webNavigation` unless bookmark protection uses it. */
export async function turnOffLookalikeProtection() {
  await store.setLookalikeProtection(false);
  if (!(await permissions.has("bookmarks"))) await permissions.revoke(LOOKALIKE_PROTECTION);
}

/**
 * On an update from a version where `webNavigation` was asked for only by lookalike protection: if it
 * is granted and no choice is stored, the person had turned the protection on, and it stays on.
 */
export async function keepLookalikeProtection({ reason }) {
  if (reason !== "update" || (await store.lookalikeProtection()) !== undefined) return;
  if (await permissions.has("webNavigation")) await store.setLookalikeProtection(true);
}
