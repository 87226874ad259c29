// @ts-check
// The toolbar popup: this tab's verdict (from the core), warnings about captured redirects and
// bookmarks, and the region picker. Opened as a normal tab, `popup.html?tab=<id>` describes tab <id>.
import { api } from "./lib/browser.js";
import { accountSigninUrl, popupView, ready, redact, switchConsoleRegion } from "./lib/core.js";
import { clearGlobalBadge } from "./lib/badge.js";
import { fixBookmark, undoFix } from "./lib/bookmark-fix.js";
import { byId, copyText, h } from "./lib/dom.js";
import { turnOnBookmarkProtection } from "./lib/features.js";
import { showProblems } from "./lib/problems-view.js";
import { showSiteAccess } from "./lib/site-access-view.js";
import { regionPicker } from "./lib/region-picker.js";
import { showLauncher } from "./lib/launcher.js";
import * as store from "./lib/store.js";
import { pageFacts } from "./lib/tab-facts.js";
import { showTeamAccount } from "./lib/team-popup.js";
import { fill, fillParts, wordsOf } from "./lib/words.js";

// Allowed: this page's own `?tab=<id>` (set by the extension itself), not an address the core judges.
// eslint-disable-next-line no-restricted-syntax
const params = new URLSearchParams(location.search);
const inTab = params.has("tab");
const WARNING_PAGE = api.runtime.getURL("warning.html");
document.body.classList.toggle("in-tab", inTab);

/** Writes a status line (`error`: shown as a problem). */
function say(id, text, error = false) {
  const node = byId(id);
  node.textContent = text;
  node.classList.toggle("error", error);
}

main().catch((error) => {
  console.error(error);
  // Allowed: what failed may be the core itself, which holds every other word.
  // eslint-disable-next-line no-restricted-syntax
  say("region-status", `Sign-in Guard could not start: ${error.message}`, true);
});

/** This page's words (src/events/ui_words.rs), once the core is ready. */
const words = () => wordsOf("popup");

async function main() {
  const [tab] = await Promise.all([targetTab(), ready]);
  const popup = await describeTab(tab);
  const { report } = popup;
  const url = report?.view.verdict.input ?? null;
  const known = await store.knownAccounts();
  await Promise.all([
    showProblems(byId("problems")),
    showBookmarkWarning(known, report?.bookmark?.id),
    // Without access to the AWS sites (Firefox lets people withhold it): explain and ask; once allowed,
    // read the tab again.
    showSiteAccess(byId("site-access"), { onGranted: () => location.reload() }),
  ]);
  showTab(popup, tab);
  // The account's display name and source (team-popup.js).
  showTeamAccount(report?.view);
  // The Accounts section: every account × role × region, by the method that signs in (launcher.js).
  const launcher = await showLauncher(
    { section: byId("launcher"), input: byId("launcher-search"), list: byId("launcher-list"), status: byId("launcher-status"), favourite: byId("launcher-favourite") },
    { known, tabId: tab.id, inTab },
  );
  await setUpRegions(popup, tab.url ?? url, known, tab);
  if (launcher?.wantsFocus) byId("launcher-search").focus();
  // A save that fails later (storage full) is reported at once.
  api.storage.onChanged.addListener((changes) => {
    if ("storage_problems" in changes) void showProblems(byId("problems"));
  });
  byId("options-link").addEventListener("click", (event) => {
    event.preventDefault();
    api.runtime.openOptionsPage().then(() => inTab || window.close());
  });
  document.body.dataset.ready = "true";
}

/**
 * What the popup shows of the tab: the core's popup view (events/popup.rs), from the tab's URL, its
 * stored state and what the page report reads; the warning page describes the lookalike it stopped.
 */
async function describeTab(tab) {
  const state = tab.id === undefined ? {} : await store.tabState(tab.id);
  const page = await pageFacts(state, { url: tab.url, fromPage: false });
  return popupView({ tab_url: tab.url, warning_page: WARNING_PAGE, page });
}

/** The tab to describe: `?tab=<id>`, else the active tab (its URL is readable through activeTab). */
async function targetTab() {
  if (inTab) {
    const id = Number(params.get("tab"));
    const tab = await api.tabs.get(id).catch(() => null);
    return { id, url: tab?.url ?? null };
  }
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url ?? null };
}

// The pending bookmark warning ----------------------------------------------------------

/** The warning about a bookmark just saved (unless this tab's own warning is about the same one). */
async function showBookmarkWarning(known, tabBookmarkId) {
  const warning = await store.bookmarkWarning();
  if (!warning || warning.id === tabBookmarkId) return;
  byId("bookmark-warning").hidden = false;
  byId("bookmark-warning-title").textContent = warning.headline;
  byId("bookmark-warning-detail").textContent = `“${redact(warning.title ?? "")}”: ${warning.message}`;
  const select = byId("bookmark-warning-account");
  if (known.accounts.length > 0) {
    select.replaceChildren(
      h("option", { value: "" }, words().suggested),
      ...known.accounts.map((a) => h("option", { value: a.alias ?? a.account_id }, fill(words().account_url, { account: accountName(a) }))),
    );
    byId("bookmark-warning-choice").hidden = false;
  }
  const fix = byId("bookmark-warning-fix");
  const undo = byId("bookmark-warning-undo");
  fix.onclick = async () => {
    const result = await fixBookmark(warning.id, select.value || null).catch((error) => ({ ok: false, message: error.message }));
    say("bookmark-warning-status", result.message, !result.ok);
    if (!result.ok) return;
    await clearGlobalBadge();
    fix.hidden = true;
    undo.hidden = false;
    undo.focus();
  };
  undo.onclick = async () => {
    const result = await undoFix(warning.id).catch((error) => ({ ok: false, message: error.message }));
    say("bookmark-warning-status", result.message, !result.ok);
    if (!result.ok) return;
    undo.hidden = true;
    fix.hidden = false;
    fix.focus();
  };
  byId("bookmark-warning-dismiss").onclick = async () => {
    await store.clearBookmarkWarning(warning.id);
    await clearGlobalBadge();
    byId("bookmark-warning").hidden = true;
  };
}

const accountName = (account) =>
  account.alias && account.account_id ? `${account.alias} (${account.account_id})` : (account.alias ?? account.account_id);

// This tab ----------------------------------------------------------------------------------------

function showTab(popup, tab) {
  const kind = byId("verdict-kind");
  const { report } = popup;
  if (!report) {
    kind.textContent = words().no_address;
    return;
  }
  const { view } = report;
  const verdict = view.verdict;
  kind.textContent = popup.kind_words;
  kind.dataset.kind = verdict.kind;
  if (view.label) {
    byId("account-label").textContent = view.label;
    byId("account-row").hidden = false;
  }
  if (popup.danger !== null) {
    byId("danger-message").textContent = popup.danger;
    byId("danger-panel").hidden = false;
  }
  showCanonical(popup.signin, view);
  // Every warning once, as the core merged them (the organisation's, the page's, where the tab came from).
  byId("warnings").replaceChildren(
    ...popup.warnings.map((w) => h("li", { dataset: { testid: "warning", code: w.code } }, w.text)),
  );
  showRedirect(popup.redirect_box, report.bookmark, tab);
  if (verdict.cloudtrail) {
    byId("cloudtrail-text").textContent = verdict.cloudtrail.explanation;
    byId("cloudtrail").hidden = false;
  }
}

function showCanonical(signin, view) {
  if (!signin) return;
  const { url } = signin;
  byId("canonical-caption").textContent = signin.caption;
  byId("canonical-url").textContent = url;
  byId("canonical-row").hidden = false;
  byId("copy-canonical").onclick = async () => {
    const copied = await copyText(url);
    say("canonical-status", copied ? words().copied : words().copy_failed, !copied);
  };
  byId("bookmark-this").onclick = () => {
    // Ask first, while the click still counts as a user gesture.
    turnOnBookmarkProtection().then(async (granted) => {
      if (!granted) {
        say("canonical-status", words().needs_bookmarks, true);
        return;
      }
      const [existing] = await api.bookmarks.search({ url });
      if (existing) {
        say("canonical-status", fill(words().already_bookmarked, { title: redact(existing.title) }));
        return;
      }
      const title = view.label ? fill(words().bookmark_title_of, { label: view.label }) : words().bookmark_title;
      await api.bookmarks.create({ title, url });
      say("canonical-status", fill(words().bookmarked, { title }));
    }).catch((error) => say("canonical-status", fill(words().bookmark_failed, { error: error.message }), true));
  };
}

/** The captured-redirect box (the core's `redirect_box`): where this tab started, and the bookmark that holds it. */
function showRedirect(redirect, bookmark, tab) {
  if (!redirect) return;
  const box = byId("redirect");
  byId("redirect-title").textContent = redirect.title;
  const parts = [];
  const { redirect_started, redirect_bookmark, redirect_fix, redirect_access } = words();
  if (redirect.started_at) parts.push(...fillParts(redirect_started, { url: h("code", {}, redirect.started_at) }));
  if (redirect.bookmark_title !== null) parts.push(fill(redirect_bookmark, { title: redirect.bookmark_title }));
  if (redirect.replacement) parts.push(...fillParts(redirect_fix, { url: h("code", {}, redirect.replacement) }));
  if (redirect.ask_access) parts.push(redirect_access);
  byId("redirect-detail").replaceChildren(...parts);
  box.hidden = false;

  const allow = byId("redirect-allow");
  allow.hidden = !redirect.ask_access;
  allow.onclick = () => {
    turnOnBookmarkProtection().then((granted) => {
      if (granted) location.reload();
      else say("redirect-status", words().access_refused, true);
    });
  };
  if (!bookmark || !redirect.replacement) return;
  const fix = byId("redirect-fix");
  const undo = byId("redirect-undo");
  fix.hidden = false;
  fix.onclick = async () => {
    const result = await fixBookmark(bookmark.id).catch((error) => ({ ok: false, message: error.message }));
    say("redirect-status", result.message, !result.ok);
    if (!result.ok) return;
    if (tab.id !== undefined) await store.updateTabState(tab.id, (state) => ({ ...state, dismissed: true }));
    if (!(await store.bookmarkWarning())) await clearGlobalBadge();
    fix.hidden = true;
    undo.hidden = false;
    undo.focus();
  };
  undo.onclick = async () => {
    const result = await undoFix(bookmark.id).catch((error) => ({ ok: false, message: error.message }));
    say("redirect-status", result.message, !result.ok);
    if (!result.ok) return;
    undo.hidden = true;
    fix.hidden = false;
    fix.focus();
  };
}

// The region picker ---------------------------------------------------------------------------------

async function setUpRegions(popup, url, known, tab) {
  const view = popup.report?.view;
  const own = view ? (view.alias ?? view.account_id) : null;
  const select = byId("account-select");
  // The organisation's and the person's accounts, then the other known ones (the core's popup view).
  const choices = popup.account_choices;
  if (!own && choices.length > 0) {
    select.replaceChildren(
      ...choices.map(({ value, text }) => h("option", { value }, text)),
      h("option", { value: "" }, words().general_signin),
    );
    byId("account-choice").hidden = false;
  }
  const general = popup.general_signin;
  const account = () => own ?? (select.value || null);

  const open = async (choice, newTab) => {
    let link;
    try {
      link = account() ? accountSigninUrl(account(), choice.code) : general;
    } catch (error) {
      say("region-status", error.message, true);
      return;
    }
    if (!link) {
      say("region-status", words().choose_account, true);
      return;
    }
    await store.addRecent(choice.code);
    if (newTab) {
      await api.tabs.create({ url: link, active: false });
      say("region-status", fill(words().opened_new_tab, { url: link }));
    } else {
      await api.tabs.update(tab.id, { url: link });
      if (inTab) say("region-status", fill(words().opened, { url: link }));
      else window.close();
    }
  };

  const switchTo = async (choice) => {
    try {
      const next = switchConsoleRegion(url, choice.code);
      await store.addRecent(choice.code);
      await api.tabs.update(tab.id, { url: next });
      if (inTab) say("region-status", fill(words().switched, { name: choice.name }));
      else window.close();
    } catch (error) {
      say("region-status", error.message, true);
    }
  };

  const picker = regionPicker(
    {
      input: byId("region-search"),
      list: byId("region-list"),
      favourite: byId("favourite"),
      switchButton: byId("switch-region"),
    },
    {
      partition: view?.verdict.partition ?? null,
      // The account's default region first (team configuration), then the page's own region.
      get preferred() {
        return choices.find((c) => c.value === select.value)?.preferred_regions ?? popup.preferred_regions;
      },
      // The organisation's allowedRegions (null: every region), as on the settings page.
      allowed: popup.allowed_regions,
      canSwitch: popup.can_switch,
      open: (choice, newTab) => void open(choice, newTab),
      switchTo: (choice) => void switchTo(choice),
    },
  );
  await picker.refresh();
  select.addEventListener("change", () => void picker.refresh());
  byId("region-search").focus();
}
