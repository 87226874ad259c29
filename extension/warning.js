// The lookalike interstitial: the worker sends a tab here (with the optional webNavigation
// permission) before a page that imitates AWS opens. The core's verdict says why.
import { api } from "./lib/browser.js";
import { pageView, ready } from "./lib/core.js";
import { showBadge } from "./lib/badge.js";
import { byId } from "./lib/dom.js";
import * as store from "./lib/store.js";
import { sentence } from "./lib/words.js";

main().catch((error) => {
  console.error(error);
  byId("warning-detail").textContent = `Sign-in Guard could not load this warning: ${error.message}`;
});

async function main() {
  const [tab] = await Promise.all([api.tabs.getCurrent(), ready]);
  const { blocked } = await store.tabState(tab.id);
  const back = byId("go-back");
  back.addEventListener("click", () => goBack(tab.id, blocked));
  back.focus();
  if (!blocked) {
    byId("warning-detail").textContent = "The page this warning was about is no longer known; go back to continue.";
    byId("continue").hidden = true;
    return;
  }
  const view = pageView(blocked.url, { user_info: null, known: await store.knownAccounts() });
  if (view.notice) byId("warning-title").textContent = view.notice.headline;
  byId("warning-detail").textContent = sentence(view.verdict.warnings[0]?.message ?? view.notice?.detail);
  byId("warning-address").textContent = view.verdict.input;
  byId("continue").addEventListener("click", async () => {
    await store.updateTabState(tab.id, (state) => ({ ...state, allowed: true }));
    location.replace(blocked.url);
  });
  await showBadge(view.badge, { tabId: tab.id, alarming: true });
  document.body.dataset.ready = "true";
}

/** Back to the page before the lookalike (it stays in the history if it had loaded), or close the tab. */
function goBack(tabId, blocked) {
  const steps = blocked?.committed ? 2 : 1;
  if (history.length > steps) history.go(-steps);
  else api.tabs.remove(tabId);
}
