// @ts-check
// The region picker: a combobox over the core's `searchRegions` (ARIA 1.2 combobox with a listbox
// popup). Arrow keys move, Enter or a click opens, Ctrl/Cmd/middle click opens in a new tab, Escape
// clears. Favourites and recent regions come first (the core orders them).
import { searchRegions } from "./core.js";
import { h } from "./dom.js";
import * as store from "./store.js";
import { fill, wordsOf } from "./words.js";

/**
 * @param {{input: HTMLInputElement, list: HTMLElement, favourite: HTMLButtonElement,
 *   switchButton: HTMLButtonElement}} elements
 * @param {{partition?: string|null, preferred?: string[], allowed?: string[]|null, canSwitch: boolean,
 *   open: (choice, newTab: boolean) => void, switchTo: (choice) => void}} options
 */
export function regionPicker({ input, list, favourite, switchButton }, options) {
  let choices = [];
  let active = 0;
  const words = wordsOf("region-picker");

  const optionId = (code) => `region-option-${code}`;

  /** Searches again; `keep`: keep the same region active (else the best match is). */
  async function refresh(keep = false) {
    const [favourites, recent] = await Promise.all([store.favouriteRegions(), store.recentRegions()]);
    const prefs = { favourites, recent, preferred: options.preferred ?? [], allowed: options.allowed ?? null };
    if (options.partition) prefs.partition = options.partition;
    const activeCode = choices[active]?.code;
    choices = searchRegions(input.value, prefs);
    const kept = choices.findIndex((c) => c.code === activeCode);
    active = keep && kept >= 0 ? kept : 0;
    render();
  }

  function render() {
    list.replaceChildren(...choices.map((choice, index) => optionFor(choice, index)));
    input.setAttribute("aria-expanded", String(choices.length > 0));
    if (choices.length === 0) list.append(h("li", { class: "empty", role: "presentation" }, words.no_match));
    showActive();
  }

  function optionFor(choice, index) {
    const marks = [
      choice.favourite && h("span", { class: "mark favourite", title: words.favourite }, "★", h("span", { class: "offscreen" }, words.favourite_mark)),
      choice.recent && h("span", { class: "mark" }, words.recent_mark),
      choice.opt_in && h("span", { class: "mark opt-in", title: words.opt_in_title }, words.opt_in_mark),
    ];
    const option = h(
      "li",
      {
        id: optionId(choice.code),
        role: "option",
        "aria-selected": String(index === active),
        dataset: { testid: "region-option", code: choice.code },
      },
      h("span", { class: "name" }, choice.name),
      " ",
      h("code", {}, choice.code),
      ...marks,
    );
    // Keep the focus in the search box; open on click (a new tab with Ctrl/Cmd or the middle button).
    option.addEventListener("mousedown", (event) => event.preventDefault());
    option.addEventListener("click", (event) => options.open(choice, event.ctrlKey || event.metaKey));
    option.addEventListener("auxclick", (event) => event.button === 1 && options.open(choice, true));
    return option;
  }

  function showActive() {
    const choice = choices[active];
    for (const node of list.querySelectorAll("[role=option]")) {
      node.setAttribute("aria-selected", String(node.id === (choice && optionId(choice.code))));
    }
    if (choice) {
      input.setAttribute("aria-activedescendant", optionId(choice.code));
      document.getElementById(optionId(choice.code))?.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
    favourite.disabled = !choice;
    favourite.setAttribute("aria-pressed", String(Boolean(choice?.favourite)));
    favourite.textContent = choice?.favourite ? "★" : "☆";
    favourite.setAttribute("aria-label", choice ? fill(words.favourite_of, { name: choice.name }) : words.favourite);
    favourite.title = choice?.favourite
      ? fill(words.unfavourite_title, { name: choice.name })
      : fill(words.favourite_title, { name: choice?.name ?? words.the_region });
    switchButton.hidden = !options.canSwitch || !choice;
    if (choice) switchButton.textContent = fill(words.switch, { name: choice.name, code: choice.code });
  }

  function move(by) {
    if (choices.length === 0) return;
    active = (active + by + choices.length) % choices.length;
    showActive();
  }

  input.addEventListener("input", () => void refresh());
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter" && choices[active]) {
      event.preventDefault();
      options.open(choices[active], event.ctrlKey || event.metaKey);
    } else if (event.key === "Escape" && input.value !== "") {
      // Escape clears the search; on an empty search it closes the popup as usual.
      event.preventDefault();
      input.value = "";
      void refresh();
    }
  });
  favourite.addEventListener("click", async () => {
    const choice = choices[active];
    if (!choice) return;
    await store.toggleFavourite(choice.code);
    await refresh(true);
  });
  switchButton.addEventListener("click", () => choices[active] && options.switchTo(choices[active]));

  return { refresh };
}
