// @ts-check
// The options page: known accounts, favourite regions, the notice, lookalike protection and the
// optional permissions. Everything here is a button, checkbox or select, so it all works by keyboard.
import { api } from "./lib/browser.js";
import { forgetAccount, ready, regions } from "./lib/core.js";
import { byId, h } from "./lib/dom.js";
import * as features from "./lib/features.js";
import * as permissions from "./lib/permissions.js";
import { showProblems } from "./lib/problems-view.js";
import { showSiteAccess } from "./lib/site-access-view.js";
import { loadPages } from "./lib/pages-core.js";
import * as store from "./lib/store.js";
import { showTeam } from "./lib/team-view.js";
import { fill, wordsOf } from "./lib/words.js";

const OPTIONAL = ["bookmarks", "webNavigation"];

/** This page's words (src/events/ui_words.rs), once the core is ready. */
const words = () => wordsOf("options");

function say(id, text, error = false) {
  const node = byId(id);
  node.textContent = text;
  node.classList.toggle("error", error);
}

main().catch((error) => {
  console.error(error);
  // Allowed: what failed may be the core itself, which holds every other word.
  // eslint-disable-next-line no-restricted-syntax
  say("accounts-status", `The settings could not be loaded: ${error.message}`, true);
});

async function main() {
  // The accounts section edits team configurations: the pages package (lib/pages-core.js).
  await Promise.all([ready, loadPages()]);
  await Promise.all([showAccounts(), showFavourites(), showNotice(), showPermissions(), showSiteAccess(byId("site-access"))]);
  // The organisation's accounts and the person's own: lib/team-view.js.
  await showTeam();
  await showProblems(byId("problems"));
  wire();
  document.body.dataset.ready = "true";
}

function wire() {
  byId("forget-all").addEventListener("click", forgetAll);
  byId("favourite-add-button").addEventListener("click", addFavourite);
  byId("recent-clear").addEventListener("click", async () => {
    const saved = await store.clearRecent();
    say("favourites-status", saved ? words().recent_cleared : words().recent_not_cleared, !saved);
  });
  byId("notice-enabled").addEventListener("change", async (event) => {
    const saved = await store.setNoticeEnabled(event.target.checked);
    if (!saved) await showProblems(byId("problems"));
  });
  byId("lookalike-protection").addEventListener("change", toggleLookalikeProtection);
  byId("bookmark-protection").addEventListener("change", toggleBookmarkProtection);
  // Other pages and the worker change the same data: follow them.
  api.storage.onChanged.addListener((changes, area) => {
    if ("storage_problems" in changes) void showProblems(byId("problems"));
    if (area !== "local") return;
    if ("known_accounts" in changes) void showAccounts();
    if ("favourite_regions" in changes) void showFavourites();
    if ("lookalike_protection" in changes) void showPermissions();
  });
  api.permissions.onAdded.addListener(() => void showPermissions());
  api.permissions.onRemoved.addListener(() => void showPermissions());
}

// Known accounts ------------------------------------------------------------------------------------

async function showAccounts() {
  const known = await store.knownAccounts();
  const rows = known.accounts.map((account) => {
    const key = account.account_id ?? account.alias;
    const name = account.alias ?? account.account_id;
    const forget = h(
      "button",
      { type: "button", "aria-label": fill(words().forget_label, { name }), dataset: { testid: "forget-account", account: key }, onclick: () => forgetOne(key, name) },
      words().forget,
    );
    return h(
      "tr",
      {},
      h("td", {}, account.alias ?? "—"),
      h("td", {}, account.account_id ?? "—"),
      h("td", {}, account.last_region ?? "—"),
      h("td", {}, account.last_seen_ms ? new Date(account.last_seen_ms).toLocaleString() : "—"),
      h("td", {}, forget),
    );
  });
  byId("accounts").tBodies[0].replaceChildren(...rows);
  byId("accounts").hidden = rows.length === 0;
  byId("accounts-empty").hidden = rows.length > 0;
  byId("forget-all").disabled = rows.length === 0;
}

async function forgetOne(key, name) {
  await store.updateKnownAccounts((known) => forgetAccount(known, key));
  say("accounts-status", fill(words().forgot, { name }));
  await showAccounts();
  byId("forget-all").focus();
}

let confirmTimer = null;

/** "Forget all" asks for a second click within five seconds. */
async function forgetAll() {
  const button = byId("forget-all");
  if (confirmTimer === null) {
    button.textContent = words().forget_all_again;
    say("accounts-status", words().forget_all_confirm);
    confirmTimer = setTimeout(() => {
      confirmTimer = null;
      button.textContent = words().forget_all;
    }, 5000);
    return;
  }
  clearTimeout(confirmTimer);
  confirmTimer = null;
  button.textContent = words().forget_all;
  await store.updateKnownAccounts((known) =>
    known.accounts.reduce((rest, account) => forgetAccount(rest, account.account_id ?? account.alias), known),
  );
  say("accounts-status", words().all_forgotten);
  await showAccounts();
}

// Favourite regions ---------------------------------------------------------------------------------

async function showFavourites() {
  const all = regions();
  const name = new Map(all.map((r) => [r.code, r.name]));
  const favourites = await store.favouriteRegions();
  byId("favourites").replaceChildren(
    ...favourites.map((code) =>
      h(
        "li",
        { dataset: { code } },
        `${name.get(code) ?? code} (${code})`,
        h("button", { type: "button", "aria-label": fill(words().remove_favourite, { name: name.get(code) ?? code }), onclick: () => removeFavourite(code) }, "×"),
      ),
    ),
  );
  if (favourites.length === 0) byId("favourites").append(h("li", { class: "muted" }, words().no_favourites));
  const groups = new Map();
  for (const region of all.filter((r) => !favourites.includes(r.code))) {
    if (!groups.has(region.partition)) groups.set(region.partition, h("optgroup", { label: region.partition }));
    groups.get(region.partition).append(h("option", { value: region.code }, `${region.name} (${region.code})`));
  }
  byId("favourite-add").replaceChildren(...groups.values());
}

async function addFavourite() {
  const code = byId("favourite-add").value;
  if (!code) return;
  await store.toggleFavourite(code);
  say("favourites-status", fill(words().favourite_added, { code }));
  await showFavourites();
}

async function removeFavourite(code) {
  await store.toggleFavourite(code);
  say("favourites-status", fill(words().favourite_removed, { code }));
  await showFavourites();
  byId("favourite-add").focus();
}

// The notice, lookalike protection, permissions ----------------------------------------------------

async function showNotice() {
  byId("notice-enabled").checked = await store.noticeEnabled();
}

/**
 * Turns a feature on or off from its checkbox; `turnOn` asks in the same turn as the click (the browser
 * only asks during the user gesture).
 */
function toggleFeature(event, { name, statusId, turnOn, turnOff }) {
  const on = event.target.checked;
  const change = on ? turnOn() : turnOff();
  change.then(async () => {
    const enabled = (await features.featureStates())[name];
    event.target.checked = enabled;
    const feature = words()[`feature_${name}`];
    if (on && !enabled) say(statusId, fill(words().feature_refused, { feature }), true);
    else say(statusId, fill(enabled ? words().feature_on : words().feature_off, { feature }));
    await showPermissions();
  });
}

function toggleBookmarkProtection(event) {
  toggleFeature(event, {
    name: "bookmarks",
    statusId: "bookmark-protection-status",
    turnOn: features.turnOnBookmarkProtection,
    turnOff: features.turnOffBookmarkProtection,
  });
}

function toggleLookalikeProtection(event) {
  toggleFeature(event, {
    name: "lookalike",
    statusId: "protection-status",
    turnOn: features.turnOnLookalikeProtection,
    turnOff: features.turnOffLookalikeProtection,
  });
}

/** The feature switches and the table of optional permissions: what each is for, who uses it, granted or not. */
async function showPermissions() {
  const [granted, on] = await Promise.all([Promise.all(OPTIONAL.map((p) => permissions.has(p))), features.featureStates()]);
  byId("bookmark-protection").checked = on.bookmarks;
  byId("lookalike-protection").checked = on.lookalike;
  const rows = OPTIONAL.map((permission, i) => {
    const users = features
      .featuresUsing(permission)
      .map((feature) => (on[feature] ? fill(words().feature_in_use, { feature: words()[`feature_${feature}`] }) : words()[`feature_${feature}`]))
      .join(", ");
    return h(
      "tr",
      { dataset: { permission } },
      h("th", { scope: "row" }, words()[`permission_${permission}`]),
      h("td", {}, words()[`purpose_${permission}`]),
      h("td", {}, users),
      h("td", { class: granted[i] ? "granted" : "", dataset: { testid: `permission-${permission}` } }, granted[i] ? words().granted : words().not_granted),
    );
  });
  byId("permissions").tBodies[0].replaceChildren(...rows);
}
