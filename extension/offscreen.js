// Chrome's offscreen document for the worker's clipboard writes (lib/extension-copy.js): an extension
// page no web page can reach. It has no focus, so the Clipboard API refuses; a copy command on its own
// text area works, and no page sees its `copy` event.
import { api } from "./lib/browser.js";

api.runtime.onMessage.addListener((message, sender, reply) => {
  if (message?.target !== "offscreen" || message.type !== "copy" || sender.id !== api.runtime.id) return false;
  const area = document.getElementById("copy");
  area.value = String(message.text);
  area.select();
  const copied = document.execCommand("copy");
  area.value = "";
  reply({ copied });
  return false;
});
