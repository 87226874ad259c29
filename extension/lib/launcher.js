// The popup's Accounts section: one search over the accounts (the organisation's, the person's own and the
// known ones) × roles × regions, as the core's `Launcher` ranks them (ARIA 1.2 combobox with a listbox
// popup, like the region picker). Arrow keys move, Enter or a click opens the choice's link (Ctrl/Cmd or the
// middle button: a new tab), Escape clears. Each row shows what the core says: the account's display name
// and colour, the role, the region and how it signs in.
import { api } from "./browser.js";
import { Launcher } from "./core.js";
import { h } from "./dom.js";
import * as store from "./store.js";
import { teamContext } from "./team.js";
import { wordsOf } from "./words.js";

/** Rows shown at most. */
const LIMIT = 8;

/**
 * Sets up the section.
 * @param {{section: HTMLElement, input: HTMLInputElement, list: HTMLElement, status: HTMLElement, favourite: HTMLButtonElement}} elements
 * @param {{known: object, tabId: number|undefined, inTab: boolean}} options
 * @returns {Promise<{refresh: () => Promise<void>, wantsFocus: boolean}|null>} null when no account is listed
 */
export async function showLauncher({ section, input, list, status, favourite }, { known, tabId, inTab }) {
  let launcher;
  try {
    launcher = new Launcher(await teamContext(), known);
  } catch (error) {
    // The rest of the popup still works; the core's message says what could not be read.
    section.hidden = false;
    status.textContent = error.message;
    status.classList.add("error");
    return null;
  }
  if (launcher.accounts === 0) return null;
  section.hidden = false;
  let choices = [];
  let active = 0;
  const optionId = (index) => `launcher-option-${index}`;

  async function refresh() {
    // The person's starred and recent choices first, as the omnibox ranks them (background.js).
    choices = launcher.search(input.value, await store.launcherPrefs(), LIMIT);
    active = 0;
    list.replaceChildren(...choices.map(optionFor));
    input.setAttribute("aria-expanded", String(choices.length > 0));
    if (choices.length === 0) list.append(h("li", { class: "empty", role: "presentation" }, wordsOf("launcher").no_match));
    showActive();
  }

  function optionFor(choice, index) {
    const option = h(
      "li",
      {
        id: optionId(index),
        role: "option",
        "aria-selected": "false",
        "aria-label": choice.description,
        class: choice.color ? "has-color" : "",
        dataset: { testid: "launcher-option", key: choice.key, method: choice.method },
      },
      h("span", { class: "name" }, choice.account_label),
      choice.role_label && h("span", { class: "role" }, choice.role_label),
      choice.region && h("code", { class: "region" }, choice.region),
      h("span", { class: "method" }, choice.method_words),
      choice.mark && h("span", { class: "mark" }, choice.mark),
    );
    if (choice.color) option.style.setProperty("--account-color", choice.color);
    option.addEventListener("mousedown", (event) => event.preventDefault());
    option.addEventListener("click", (event) => void open(choice, event.ctrlKey || event.metaKey));
    option.addEventListener("auxclick", (event) => event.button === 1 && void open(choice, true));
    return option;
  }

  function showActive() {
    for (const [index, node] of [...list.querySelectorAll("[role=option]")].entries()) {
      node.setAttribute("aria-selected", String(index === active));
    }
    const choice = choices[active];
    favourite.disabled = !choice;
    favourite.setAttribute("aria-pressed", String(Boolean(choice?.favourite)));
    favourite.textContent = choice?.favourite ? "★" : "☆";
    if (choice) {
      favourite.setAttribute("aria-label", choice.favourite_label);
      favourite.title = choice.favourite_label;
    }
    if (choice) {
      input.setAttribute("aria-activedescendant", optionId(active));
      document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  async function open(choice, newTab) {
    await store.addRecentLaunch(choice.key);
    // A role link names no region: the worker moves the tab once the switch lands it on the console.
    const move = choice.region_move;
    if (newTab) {
      const created = await api.tabs.create({ url: "about:blank", active: false });
      if (move) await store.setRegionMove(created.id, move);
      await api.tabs.update(created.id, { url: choice.url });
    } else {
      if (move) await store.setRegionMove(tabId, move);
      await api.tabs.update(tabId, { url: choice.url });
    }
    status.textContent = choice.description;
    if (!newTab && !inTab) window.close();
  }

  favourite.addEventListener("mousedown", (event) => event.preventDefault());
  favourite.addEventListener("click", async () => {
    const choice = choices[active];
    if (!choice) return;
    await store.toggleFavouriteLaunch(choice.key);
    await refresh();
    input.focus();
  });
  input.addEventListener("input", () => void refresh());
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (choices.length === 0) return;
      active = (active + (event.key === "ArrowDown" ? 1 : -1) + choices.length) % choices.length;
      showActive();
    } else if (event.key === "Enter" && choices[active]) {
      event.preventDefault();
      void open(choices[active], event.ctrlKey || event.metaKey);
    } else if (event.key === "Escape" && input.value !== "") {
      event.preventDefault();
      input.value = "";
      void refresh();
    }
  });
  await refresh();
  // With team accounts, typing goes here first; the region picker keeps the focus otherwise.
  return { refresh, wantsFocus: launcher.teamAccounts > 0 };
}
