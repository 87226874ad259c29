// @ts-check
// The toolbar button's badge, title and icon: per tab for the page's verdict, and globally for a
// bookmark that needs attention. The core decides the text and colour; this only applies them.
//
// Browsers reset a tab's own badge, title and icon when the tab loads another page, so a page's normal
// icon is the default one already: setting it is skipped (it costs the worker ~15 ms: four images are
// fetched and decoded) unless the global icon is the warning icon, which the tab's must then hide.
import { api } from "./browser.js";
import * as store from "./store.js";

/** The toolbar button's own title: the manifest's (the extension's name), not words of the glue. */
export const DEFAULT_TITLE = api.runtime.getManifest().action?.default_title ?? api.runtime.getManifest().name;

const icons = (name) => Object.fromEntries([16, 32, 48, 128].map((size) => [size, `icons/${name}-${size}.png`]));
const NORMAL_ICONS = icons("icon");
const WARNING_ICONS = icons("warning");

/**
 * Shows the core's badge `{text, color, title}` on one tab (or on every tab without its own).
 * @param {{text?: string, color?: string, title?: string}} badge
 * @param {{tabId?: number, alarming?: boolean}} [options]
 */
export async function showBadge(badge, { tabId, alarming = false } = {}) {
  const target = tabId === undefined ? {} : { tabId };
  const icon = () => api.action.setIcon({ ...target, path: alarming ? WARNING_ICONS : NORMAL_ICONS });
  const steps = [
    api.action.setBadgeText({ ...target, text: badge.text ?? "" }),
    api.action.setTitle({ ...target, title: badge.title || DEFAULT_TITLE }),
  ];
  if (badge.color) steps.push(api.action.setBadgeBackgroundColor({ ...target, color: badge.color }));
  if (tabId === undefined) steps.push(icon(), store.setGlobalWarningIcon(alarming));
  else if (alarming || (await store.globalWarningIcon())) steps.push(icon());
  // A tab closed meanwhile has no badge to set.
  await Promise.all(steps).catch(() => {});
}

/** Removes the global badge (the bookmark warning is resolved). */
export function clearGlobalBadge() {
  return showBadge({ text: "", title: DEFAULT_TITLE });
}
