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

const OPTIONAL = ["bookmarks", "webNavigation"];
const PERMISSION_NAMES = { bookmarks: "Bookmarks", webNavigation: "Browsing activity (webNavigation)" };
const FEATURE_NAMES = { bookmarks: "Bookmark protection", lookalike: "Lookalike protection" };

function say(id, text, error = false) {
  const node = byId(id);
  node.textContent = text;
  node.classList.toggle("error", error);
}

main().catch((error) => {
  console.error(error);
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
    say("favourites-status", saved ? "Recent regions cleared." : "Could not clear the recent regions.", !saved);
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
      { type: "button", "aria-label": `Forget ${name}`, dataset: { testid: "forget-account", account: key }, onclick: () => forgetOne(key, name) },
      "Forget",
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
  say("accounts-status", `Forgot ${name}.`);
  await showAccounts();
  byId("forget-all").focus();
}

let confirmTimer = null;

/** "Forget all" asks for a second click within five seconds. */
async function forgetAll() {
  const button = byId("forget-all");
  if (confirmTimer === null) {
    button.textContent = "Click again to forget every account";
    say("accounts-status", "Click “Forget all accounts” again to confirm.");
    confirmTimer = setTimeout(() => {
      confirmTimer = null;
      button.textContent = "Forget all accounts";
    }, 5000);
    return;
  }
  clearTimeout(confirmTimer);
  confirmTimer = null;
  button.textContent = "Forget all accounts";
  await store.updateKnownAccounts((known) =>
    known.accounts.reduce((rest, account) => forgetAccount(rest, account.account_id ?? account.alias), known),
  );
  say("accounts-status", "All known accounts are forgotten.");
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
        h("button", { type: "button", "aria-label": `Remove ${name.get(code) ?? code} from favourites`, onclick: () => removeFavourite(code) }, "×"),
      ),
    ),
  );
  if (favourites.length === 0) byId("favourites").append(h("li", { class: "muted" }, "None yet: star a region in the popup, or add one here."));
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
  say("favourites-status", `Added ${code} to the favourites.`);
  await showFavourites();
}

async function removeFavourite(code) {
  await store.toggleFavourite(code);
  say("favourites-status", `Removed ${code} from the favourites.`);
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
    const label = FEATURE_NAMES[name];
    if (on && !enabled) say(statusId, `${label} is not on: the permission was not granted. Everything else keeps working.`, true);
    else say(statusId, enabled ? `${label} is on.` : `${label} is off.`);
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
    const users = features.featuresUsing(permission).map((feature) => `${FEATURE_NAMES[feature]}${on[feature] ? " (on)" : ""}`).join(", ");
    return h(
      "tr",
      { dataset: { permission } },
      h("th", { scope: "row" }, PERMISSION_NAMES[permission]),
      h("td", {}, `To ${permissions.PURPOSE[permission]}.`),
      h("td", {}, users),
      h("td", { class: granted[i] ? "granted" : "", dataset: { testid: `permission-${permission}` } }, granted[i] ? "Granted" : "Not granted"),
    );
  });
  byId("permissions").tBodies[0].replaceChildren(...rows);
}
