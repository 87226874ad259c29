// @ts-check
// The toolbar button says when Sign-in Guard has lost access to the AWS sites (Firefox lets people
// withhold an extension's host permissions; see permissions.js), so that the person opens the popup,
// which explains and asks (site-access-view.js). Checked at install, at browser start and whenever
// permissions change: never on a plain wake of the worker.
import { api } from "./browser.js";
import { DEFAULT_TITLE, showBadge } from "./badge.js";
import { badgeWords, wakeReady } from "./core.js";
import { hasAwsSites } from "./permissions.js";

/** The toolbar button's title while access is missing (also how it knows the global badge is its own). */
const noAccessTitle = () => badgeWords().no_access;

/** Registers its listeners; call it in the worker's first turn, with the others. */
export function watchSiteAccess() {
  const check = () => void showSiteAccess().catch((error) => console.error("Sign-in Guard:", error));
  api.runtime.onInstalled.addListener(check);
  api.runtime.onStartup.addListener(check);
  api.permissions.onAdded.addListener(check);
  api.permissions.onRemoved.addListener(check);
}

async function showSiteAccess() {
  const [granted] = await Promise.all([hasAwsSites(), wakeReady]);
  if (!granted) {
    await showBadge({ text: "!", color: "#b45309", title: noAccessTitle() }, { alarming: true });
    return;
  }
  // Access is back: the global badge is cleared if it is still this one (a bookmark warning may have
  // replaced it since, and stays).
  if ((await api.action.getTitle({})) === noAccessTitle()) await showBadge({ text: "", title: DEFAULT_TITLE });
}
