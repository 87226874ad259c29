// @ts-check
// Access to the AWS sites withheld: on the popup and the settings page, explains why access to the
// AWS sites matters and asks for it again with a button (a request needs the click's user gesture).
import { api } from "./browser.js";
import { h } from "./dom.js";
import { AWS_SITES, hasAwsSites, requestAwsSites } from "./permissions.js";
import { wordsOf } from "./words.js";

/**
 * Fills `box` while access is missing (hidden otherwise) and follows permission changes. `onGranted`
 * runs when the person allows it here (the popup reloads to read its tab again).
 * @param {HTMLElement} box
 * @param {{onGranted?: () => void}} [options]
 */
export async function showSiteAccess(box, { onGranted } = {}) {
  const render = () => hasAwsSites().then((granted) => (granted ? hide(box) : explain(box, onGranted)));
  api.permissions.onAdded.addListener(render);
  api.permissions.onRemoved.addListener(render);
  await render();
}

function hide(box) {
  box.hidden = true;
  box.replaceChildren();
}

function explain(box, onGranted) {
  if (!box.hidden) return;
  const words = wordsOf("site-access");
  const status = h("p", { class: "status", role: "status", dataset: { testid: "site-access-status" } });
  const allow = h(
    "button",
    {
      type: "button",
      class: "primary",
      dataset: { testid: "site-access-allow" },
      // The request first, in the click's own turn.
      onclick: () =>
        void requestAwsSites().then((granted) => {
          status.classList.toggle("error", !granted);
          status.textContent = granted ? words.allowed : words.refused;
          if (granted) onGranted?.();
        }),
    },
    words.allow,
  );
  const sites = AWS_SITES.map((pattern) => h("li", {}, h("code", {}, pattern)));
  box.replaceChildren(
    h("h2", {}, words.heading),
    h("p", {}, words.explain),
    h("details", {}, h("summary", {}, words.which_sites), h("ul", {}, ...sites)),
    h("p", { class: "actions" }, allow),
    status,
  );
  box.hidden = false;
}
