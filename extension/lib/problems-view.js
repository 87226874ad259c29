// @ts-check
// Shows the storage problems the worker or a page recorded (a reset, a failed save) until read.
import { h } from "./dom.js";
import * as store from "./store.js";

/** Fills `box` with the recorded problems and a Dismiss button; hides it when there are none. */
export async function showProblems(box) {
  const list = await store.problems();
  box.hidden = list.length === 0;
  if (list.length === 0) return;
  const dismiss = h(
    "button",
    { type: "button", onclick: () => store.clearProblems().then(() => (box.hidden = true)) },
    "Dismiss",
  );
  box.replaceChildren(h("div", { class: "problem", role: "alert" }, ...list.map((p) => h("p", {}, p.message)), dismiss));
}
