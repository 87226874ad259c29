// The DOM contract between the extension and its tests (data-testid values), and functions that read
// the extension's pages through it. The readers run INSIDE the page (Playwright's `page.evaluate`,
// Selenium's `executeScript`), so they use no closure and return plain JSON: both browsers share them.

/** data-testid values of the in-page notice (inside a closed shadow root on `[data-signin-guard-notice]`). */
export const NOTICE = Object.freeze({
  host: "data-signin-guard-notice",
  headline: "notice-headline",
  detail: "notice-detail",
  canonical: "notice-canonical",
  copy: "notice-copy",
  fix: "notice-fix",
  undo: "notice-undo",
  dismiss: "notice-dismiss",
});

/** data-testid values of the popup (`popup.html?tab=<id>`). */
export const POPUP = Object.freeze({
  kind: "verdict-kind",
  account: "account-label",
  canonical: "canonical-url",
  copy: "copy-canonical",
  regionSearch: "region-search",
  regionOption: "region-option",
  switchRegion: "switch-region",
  warning: "warning",
  danger: "danger-panel",
});

/** data-testid values of the "Sign-in Guard cannot see AWS pages" box (popup and settings page). */
export const SITE_ACCESS = Object.freeze({
  box: "site-access",
  allow: "site-access-allow",
  status: "site-access-status",
});

/**
 * In the popup: what it shows now. `kind` is the verdict's code (`data-kind` of verdict-kind, else its
 * text); texts are null when their element is absent or hidden; `ready` is set by the popup when done;
 * `siteAccess`: whether the "cannot see AWS pages" box shows.
 */
export function readPopupInPage() {
  const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);
  const shown = (node) => Boolean(node) && node.closest("[hidden]") === null && node.getClientRects().length > 0;
  const text = (id) => {
    const node = byTestId(id);
    return shown(node) ? node.textContent.replace(/\s+/g, " ").trim() : null;
  };
  const kindNode = byTestId("verdict-kind");
  return {
    ready: document.body.dataset.ready === "true",
    kind: kindNode?.dataset.kind ?? text("verdict-kind"),
    kindText: text("verdict-kind"),
    account: text("account-label"),
    canonical: text("canonical-url"),
    warnings: [...document.querySelectorAll('[data-testid="warning"]')].filter(shown).map((node) => node.dataset.code),
    danger: shown(byTestId("danger-panel")),
    regions: [...document.querySelectorAll('[data-testid="region-option"]')].filter(shown).map((node) => node.dataset.code),
    switchRegion: text("switch-region"),
    siteAccess: shown(byTestId("site-access")),
  };
}

/** data-testid values of the settings page's "Accounts" section (lib/team-view.js). */
export const TEAM = Object.freeze({
  section: "team",
  summary: "team-summary",
  managed: "managed-accounts",
  user: "user-accounts",
  account: "team-account",
  name: "team-account-name",
  source: "team-account-source",
  problem: "team-problem",
  importText: "import-text",
  importPreview: "import-preview",
  importAdd: "import-add",
  importSecrets: "import-secrets",
});

/**
 * In the settings page: what its "Accounts" section shows. `ready` once drawn; `managed` and `user`:
 * the rows shown in each table (`{account, source, name, sourceLabel}`); `problems`: the managed
 * configuration's problems as shown (`path: message`).
 */
export function readTeamInPage() {
  const shown = (node) => Boolean(node) && node.closest("[hidden]") === null && node.getClientRects().length > 0;
  const text = (node) => (node?.textContent ?? "").replace(/\s+/g, " ").trim();
  const rows = (table) =>
    [...document.querySelectorAll(`[data-testid="${table}"] [data-testid="team-account"]`)].filter(shown).map((row) => ({
      account: row.dataset.account,
      source: row.dataset.source,
      name: text(row.querySelector('[data-testid="team-account-name"]')),
      sourceLabel: text(row.querySelector('[data-testid="team-account-source"]')),
    }));
  return {
    ready: document.querySelector('[data-testid="team"]')?.dataset.ready === "true",
    summary: text(document.querySelector('[data-testid="team-summary"]')),
    managed: rows("managed-accounts"),
    user: rows("user-accounts"),
    problems: [...document.querySelectorAll('[data-testid="team-problem"]')].filter(shown).map(text),
  };
}
