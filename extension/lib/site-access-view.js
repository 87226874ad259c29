// @ts-check
// "Sign-in Guard cannot see AWS pages": on the popup and the settings page, explains why access to the
// AWS sites matters and asks for it again with a button (a request needs the click's user gesture).
import { api } from "./browser.js";
import { h } from "./dom.js";
import { AWS_SITES, AWS_SITES_PURPOSE, hasAwsSites, requestAwsSites } from "./permissions.js";

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
          status.textContent = granted
            ? "Access allowed. Reload open AWS pages to see the notice."
            : "Access was not allowed. The region list and the settings keep working; AWS pages get no notice.";
          if (granted) onGranted?.();
        }),
    },
    "Allow access to AWS sites",
  );
  const sites = AWS_SITES.map((pattern) => h("li", {}, h("code", {}, pattern)));
  box.replaceChildren(
    h("h2", {}, "Sign-in Guard cannot see AWS pages"),
    h(
      "p",
      {},
      `It needs access to the AWS sign-in and console sites to ${AWS_SITES_PURPOSE}. ` +
        "The browser's settings withhold it now. Sign-in Guard reads those pages on this computer and sends nothing anywhere.",
    ),
    h("details", {}, h("summary", {}, "Which sites"), h("ul", {}, ...sites)),
    h("p", { class: "actions" }, allow),
    status,
  );
  box.hidden = false;
}
