// @ts-check
// The lookalike interstitial: the worker sends a tab here (with the optional webNavigation
// permission) before a page, or a frame of it, that imitates AWS opens. The core's verdict says why;
// "Continue anyway" allows only that host, in this tab, until it closes (events/lookalike.rs).
import { api } from "./lib/browser.js";
import { continueAnyway, popupView, ready } from "./lib/core.js";
import { showBadge } from "./lib/badge.js";
import { byId } from "./lib/dom.js";
import * as store from "./lib/store.js";
import { pageFacts } from "./lib/tab-facts.js";
import { wordsOf } from "./lib/words.js";

const WARNING_PAGE = api.runtime.getURL("warning.html");

main().catch((error) => {
  console.error(error);
  // Allowed: what failed may be the core itself, which holds every other word.
  // eslint-disable-next-line no-restricted-syntax
  byId("warning-detail").textContent = `Sign-in Guard could not load this warning: ${error.message}`;
});

async function main() {
  const [tab] = await Promise.all([api.tabs.getCurrent(), ready]);
  const tabId = /** @type {number} */ (tab?.id);
  const state = await store.tabState(tabId);
  const { blocked } = state;
  const back = byId("go-back");
  back.addEventListener("click", () => goBack(tabId, blocked));
  back.focus();
  if (!blocked) {
    byId("warning-detail").textContent = wordsOf("warning").not_known;
    byId("continue").hidden = true;
    return;
  }
  const popup = popupView({
    tab_url: WARNING_PAGE,
    warning_page: WARNING_PAGE,
    page: await pageFacts(state, { url: null, fromPage: false }),
  });
  const { view } = popup.report;
  if (view.notice) byId("warning-title").textContent = view.notice.headline;
  byId("warning-detail").textContent = popup.danger ?? view.notice?.detail ?? "";
  byId("warning-address").textContent = view.verdict.input;
  byId("continue").addEventListener("click", async () => {
    const continued = continueAnyway(await store.tabState(tabId));
    if (!continued) return;
    await store.updateTabState(tabId, (stored) => ({ ...stored, ...continued.state }));
    // The lookalike page itself, or back to the page that holds the lookalike frame.
    if (continued.open) location.replace(continued.open);
    else history.back();
  });
  await showBadge(view.badge, { tabId, alarming: true });
  document.body.dataset.ready = "true";
}

/** Back to the page before the lookalike (the core counts the steps), or close the tab. */
function goBack(tabId, blocked) {
  const steps = blocked?.back_steps ?? 1;
  if (history.length > steps) history.go(-steps);
  else api.tabs.remove(tabId);
}
