// @ts-check
// Shows the storage problems the worker or a page recorded (a reset, a failed save) until read, in the core's
// words (store.js records a problem's name and values: the worker may have no core when it records one).
import { h } from "./dom.js";
import * as store from "./store.js";
import { fill, wordsOf } from "./words.js";

/** Fills `box` with the recorded problems and a Dismiss button; hides it when there are none. */
export async function showProblems(box) {
  const list = await store.problems();
  box.hidden = list.length === 0;
  if (list.length === 0) return;
  const words = wordsOf("problems");
  const dismiss = h(
    "button",
    { type: "button", onclick: () => store.clearProblems().then(() => (box.hidden = true)) },
    words.dismiss,
  );
  // The core's message as it is, or the words of the problem named (the core's), filled.
  const text = (p) => p.message ?? fill(words[p.problem] ?? p.problem, p.values ?? {});
  box.replaceChildren(h("div", { class: "problem", role: "alert" }, ...list.map((p) => h("p", {}, text(p))), dismiss));
}
