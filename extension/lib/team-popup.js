// @ts-check
// The team configuration in the popup: the account's display name and source. The core decides (the page
// view's `team_account`; the organisation's warning, the accounts to pick and the regions to offer first
// are in its popup view, events/popup.rs); this only shows it.
import { byId, h } from "./dom.js";

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
