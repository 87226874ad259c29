// Copies text to the clipboard from an extension context, never through a web page: a page can rewrite
// the `copy` event of a copy made in its DOM. Chrome's worker has no DOM, so an offscreen document
// (reason CLIPBOARD, offscreen.html) copies; Firefox's background is an event page with a DOM of its own.
// Both need the clipboardWrite permission: neither context has the focus or a click of its own. Called once the
// extension package is ready (the offscreen document's reason is the core's words).
import { api } from "./browser.js";
import { wordsOf } from "./words.js";

const OFFSCREEN = "offscreen.html";

/** Writes `text` to the clipboard; resolves to whether it was written. */
export function copyFromExtension(text) {
  if (api.offscreen) return copyOffscreen(text);
  return navigator.clipboard.writeText(text).then(
    () => true,
    () => false,
  );
}

async function copyOffscreen(text) {
  const url = api.runtime.getURL(OFFSCREEN);
  const isOpen = async () =>
    (await api.runtime.getContexts({ contextTypes: ["OFFSCREEN_DOCUMENT"], documentUrls: [url] })).length > 0;
  if (!(await isOpen())) {
    await api.offscreen
      .createDocument({ url: OFFSCREEN, reasons: ["CLIPBOARD"], justification: wordsOf("worker").offscreen_why })
      // Two clicks at once: the other one created it (Chrome allows a single offscreen document).
      .catch(async (error) => {
        if (!(await isOpen())) throw error;
      });
  }
  const answer = await api.runtime.sendMessage({ target: "offscreen", type: "copy", text }).catch(() => null);
  return answer?.copied === true;
}
