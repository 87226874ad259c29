// The toolbar popup: this tab's verdict (from the core), warnings about captured redirects and
// bookmarks, and the region picker. Opened as a normal tab, `popup.html?tab=<id>` describes tab <id>.
import { api } from "./lib/browser.js";
import { accountSigninUrl, ready, redact, switchConsoleRegion } from "./lib/core.js";
import { clearGlobalBadge } from "./lib/badge.js";
import { fixBookmark, undoFix } from "./lib/bookmark-fix.js";
import { byId, copyText, h } from "./lib/dom.js";
import { turnOnBookmarkProtection } from "./lib/features.js";
import * as permissions from "./lib/permissions.js";
import { showProblems } from "./lib/problems-view.js";
import { showSiteAccess } from "./lib/site-access-view.js";
import { regionPicker } from "./lib/region-picker.js";
import * as store from "./lib/store.js";
import { tabReport } from "./lib/tab-report.js";
import { accountChoices, preferredRegions, showTeamAccount, teamAccounts } from "./lib/team-popup.js";
import { bookmarkHeadline, kindInWords, sentence } from "./lib/words.js";

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
  say("region-status", `Sign-in Guard could not start: ${error.message}`, true);
});

async function main() {
  const [tab] = await Promise.all([targetTab(), ready]);
  const state = tab.id === undefined ? {} : await store.tabState(tab.id);
  const url = tab.url === WARNING_PAGE || !tab.url ? (state.blocked?.url ?? null) : tab.url;
  const report = url === null ? null : await tabReport(tab.id, url);
  const known = report?.known ?? (await store.knownAccounts());
  await Promise.all([
    showProblems(byId("problems")),
    showBookmarkWarning(known, report?.bookmark?.id),
    // Without access to the AWS sites (Firefox lets people withhold it): explain and ask; once allowed,
    // read the tab again.
    showSiteAccess(byId("site-access"), { onGranted: () => location.reload() }),
  ]);
  showTab(report, tab);
  // The account's display name and source, and the organisation's warning (team-popup.js).
  showTeamAccount(report?.view);
  await setUpRegions(report, url, known, tab);
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
      h("option", { value: "" }, "the URL Sign-in Guard suggests"),
      ...known.accounts.map((a) => h("option", { value: a.alias ?? a.account_id }, `the sign-in URL of ${accountName(a)}`)),
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

function showTab(report, tab) {
  const kind = byId("verdict-kind");
  if (!report) {
    kind.textContent = "Sign-in Guard cannot see this page's address. Click the toolbar button while the page is open to check it.";
    return;
  }
  const { view, redirect } = report;
  const verdict = view.verdict;
  kind.textContent = kindInWords(verdict.kind);
  kind.dataset.kind = verdict.kind;
  if (view.label) {
    byId("account-label").textContent = view.label;
    byId("account-row").hidden = false;
  }
  if (verdict.kind === "lookalike") {
    byId("danger-message").textContent = sentence(verdict.warnings[0]?.message);
    byId("danger-panel").hidden = false;
  }
  showCanonical(view);
  // The page's warnings, then those of the URL this tab started at that the page does not repeat.
  const own = new Set(verdict.warnings.map((w) => w.code));
  const warnings = [
    ...verdict.warnings.map((w) => ({ ...w, prefix: "" })),
    ...(redirect?.verdict.warnings ?? [])
      .filter((w) => !own.has(w.code))
      .map((w) => ({ ...w, prefix: "Where this tab came from: " })),
  ];
  byId("warnings").replaceChildren(
    ...warnings.map((w) => h("li", { dataset: { testid: "warning", code: w.code } }, w.prefix + sentence(w.message))),
  );
  showRedirect(report, tab);
  if (verdict.cloudtrail) {
    byId("cloudtrail-text").textContent = verdict.cloudtrail.explanation;
    byId("cloudtrail").hidden = false;
  }
}

function showCanonical(view) {
  const general = !view.canonical && view.verdict.partition && view.signin_url;
  const url = view.canonical ?? (general ? view.signin_url : null);
  if (!url) return;
  byId("canonical-caption").textContent = view.canonical
    ? "Sign-in URL of this account (the one to bookmark)"
    : "General sign-in URL (Sign-in Guard does not know the account yet)";
  byId("canonical-url").textContent = url;
  byId("canonical-row").hidden = false;
  byId("copy-canonical").onclick = async () => {
    const copied = await copyText(url);
    say("canonical-status", copied ? "Copied." : "Could not copy; select the address and press Ctrl+C.", !copied);
  };
  byId("bookmark-this").onclick = () => {
    // Ask first, while the click still counts as a user gesture.
    turnOnBookmarkProtection().then(async (granted) => {
      if (!granted) {
        say("canonical-status", `Sign-in Guard needs bookmark access to ${permissions.PURPOSE.bookmarks}. Everything else works without it.`, true);
        return;
      }
      const [existing] = await api.bookmarks.search({ url });
      if (existing) {
        say("canonical-status", `Already bookmarked as “${redact(existing.title)}”.`);
        return;
      }
      const title = view.label ? `AWS sign-in: ${view.label}` : "AWS sign-in";
      await api.bookmarks.create({ title, url });
      say("canonical-status", `Bookmarked as “${title}”.`);
    }).catch((error) => say("canonical-status", `Could not bookmark it: ${error.message}`, true));
  };
}

/** The captured-redirect box: where this tab's navigation started, and the bookmark that holds it. */
function showRedirect({ view, redirect, opened, bookmark, bookmarksAllowed }, tab) {
  if (!opened || (!redirect && bookmarksAllowed && !bookmark)) return;
  const box = byId("redirect");
  const origin = redirect?.verdict;
  byId("redirect-title").textContent = bookmark
    ? bookmarkHeadline((origin ?? view.verdict).kind)
    : redirect
      ? "This tab arrived through a sign-in redirect"
      : "If you opened this page from a bookmark, the bookmark will break";
  const parts = [];
  if (origin) parts.push("It started at ", h("code", {}, origin.input), ". ");
  if (bookmark) parts.push(`Your bookmark “${redact(bookmark.title)}” holds that address. `);
  if (bookmark?.fix) parts.push("Fix it to open ", h("code", {}, bookmark.fix.replacement), " instead (same name, folder and position).");
  if (!bookmarksAllowed) parts.push(`With bookmark access Sign-in Guard can ${permissions.PURPOSE.bookmarks}.`);
  byId("redirect-detail").replaceChildren(...parts);
  box.hidden = false;

  const allow = byId("redirect-allow");
  allow.hidden = bookmarksAllowed;
  allow.onclick = () => {
    turnOnBookmarkProtection().then((granted) => {
      if (granted) location.reload();
      else say("redirect-status", "Bookmark access was not granted; everything else keeps working.", true);
    });
  };
  if (!bookmark?.fix) return;
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

async function setUpRegions(report, url, known, tab) {
  const view = report?.view;
  const own = view ? (view.alias ?? view.account_id) : null;
  const select = byId("account-select");
  // The organisation's and the person's accounts, then the other known ones (team-popup.js).
  const team = await teamAccounts();
  const choices = accountChoices(team, known, accountName);
  if (!own && choices.length > 0) {
    select.replaceChildren(
      ...choices.map(({ value, text }) => h("option", { value }, text)),
      h("option", { value: "" }, "None: the general sign-in page"),
    );
    byId("account-choice").hidden = false;
  }
  const general = view?.verdict.kind !== "lookalike" ? (view?.signin_url ?? null) : null;
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
      say("region-status", "Choose an account first: Sign-in Guard knows none for this page.", true);
      return;
    }
    await store.addRecent(choice.code);
    if (newTab) {
      await api.tabs.create({ url: link, active: false });
      say("region-status", `Opened ${link} in a new tab.`);
    } else {
      await api.tabs.update(tab.id, { url: link });
      if (inTab) say("region-status", `Opened ${link}.`);
      else window.close();
    }
  };

  const switchTo = async (choice) => {
    try {
      const next = switchConsoleRegion(url, choice.code);
      await store.addRecent(choice.code);
      await api.tabs.update(tab.id, { url: next });
      if (inTab) say("region-status", `Switched the tab to ${choice.name}.`);
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
        return preferredRegions(view, team, select.value);
      },
      // The organisation's allowedRegions (null: every region), as on the settings page.
      allowed: team.allowed_regions ?? null,
      canSwitch: view?.verdict.kind === "console_page",
      open: (choice, newTab) => void open(choice, newTab),
      switchTo: (choice) => void switchTo(choice),
    },
  );
  await picker.refresh();
  select.addEventListener("change", () => void picker.refresh());
  byId("region-search").focus();
}
