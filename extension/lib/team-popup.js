// @ts-check
// The team configuration in the popup: the account's display name and source, the warning about an
// account the organisation does not list (in the core's popup view), the accounts to pick from and the regions to offer first.
// The core decides (pageView's `team_account` and `team_warning`, `mergeAccounts`); this only shows it.
import { mergeAccounts } from "./core.js";
import { byId, h } from "./dom.js";
import { teamContext } from "./team.js";

/** The organisation's accounts and the person's own, merged by the core (`MergedAccounts`). */
export async function teamAccounts() {
  const { managed, user } = await teamContext();
  return mergeAccounts(managed, user);
}

/** After the popup has described the tab: its account's display name and source (the organisation's warning is among the core's warnings). */
export function showTeamAccount(view) {
  const listed = view?.team_account;
  if (listed) {
    byId("account-label").textContent = listed.name;
    const row = byId("account-row");
    row.append(
      " ",
      h("span", { class: "team-source", dataset: { testid: "account-source", source: listed.source } }, listed.source_label),
    );
    if (listed.color) row.style.setProperty("--account-color", listed.color);
    row.classList.toggle("has-color", Boolean(listed.color));
  }
}

/**
 * The accounts to choose from when the page names none: the merged ones (organisation's first, with their
 * display names), then the known accounts they do not include. `name(known)` names a known account.
 * @returns {{value: string, text: string}[]}
 */
export function accountChoices(merged, known, name) {
  const listed = merged.accounts.map((a) => ({
    value: a.alias ?? a.account_id,
    text: a.display_name ? `${a.display_name} (${a.alias ?? a.account_id})` : nameOf(a),
    ids: [a.account_id, a.alias],
  }));
  const taken = new Set(listed.flatMap((c) => c.ids).filter(Boolean));
  const others = known.accounts
    .filter((a) => !taken.has(a.account_id) && !taken.has(a.alias))
    .map((a) => ({ value: a.alias ?? a.account_id, text: name(a) }));
  return [...listed.map(({ value, text }) => ({ value, text })), ...others];
}

const nameOf = (a) => (a.alias ? `${a.alias} (${a.account_id})` : a.account_id);

/**
 * The regions the picker offers first: the default region of the page's account (or of the account
 * chosen), the page's own region, then the organisation's favourites.
 */
export function preferredRegions(view, merged, chosen) {
  const account =
    view?.team_account ?? merged.accounts.find((a) => chosen && (a.alias === chosen || a.account_id === chosen));
  const regions = [account?.default_region, view?.verdict.region, ...merged.favourite_regions];
  return [...new Set(regions.filter(Boolean))];
}
