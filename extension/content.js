// @ts-check
// Sign-in Guard: after the load event, asks the worker about this page (the core decides) and shows the
// notice it gets (words and stylesheet) in a closed shadow root. Every word it shows comes with the notice
// (`notice.words`, the core's: src/events/ui_words.rs). Until then it only waits, so the page
// never waits for it.
const api = globalThis.browser ?? globalThis.chrome;
const send = (message) => api.runtime.sendMessage(message).catch(() => null);
let host;

/** An element; `notice-${id}` is its data-testid (the tests' DOM contract). */
function el(tag, id, text, props) {
  const node = Object.assign(document.createElement(tag), props);
  if (id) node.dataset.testid = `notice-${id}`;
  if (text) node.textContent = text;
  return node;
}

function show(notice) {
  host?.remove();
  if (!notice) return;
  const { level, canonical: url, fix, words } = notice;
  host = el("signin-guard-notice");
  host.dataset.signinGuardNotice = level;
  const role = level === "danger" ? "alert" : "region";
  const box = el("section", 0, 0, { className: level, role, ariaLabel: words.region });
  const status = el("p", "status", 0, { role: "status" });
  const say = (text) => (status.textContent = text);
  const add = (id, text, onclick, props) => box.appendChild(el("button", id, text, { onclick, ...props }));
  const dismiss = () => {
    host.remove();
    send({ type: "dismiss" });
  };
  const x = add("dismiss", "×", dismiss, { className: "x", ariaLabel: words.dismiss });
  box.append(el("h2", "headline", notice.headline), el("p", "detail", notice.detail));
  if (url) {
    const code = box.appendChild(el("code", "canonical", url));
    // Without clipboard access: select it and try the copy command, else the person presses Ctrl+C.
    const copy = () => {
      getSelection().selectAllChildren(code);
      say(document.execCommand("copy") ? words.copied : words.press_copy);
    };
    add("copy", words.copy, () => navigator.clipboard.writeText(url).then(() => say(words.copied), copy));
  }
  // Fix and Undo take turns once the worker has done it; the focus follows.
  const act = async (type, done, next) => {
    const reply = await send({ type, id: fix });
    say(reply?.message ?? words.no_answer);
    if (!reply?.ok) return;
    done.hidden = true;
    next.hidden = false;
    next.focus();
  };
  if (fix) {
    const fixIt = add("fix", words.fix, () => act("fix", fixIt, undo));
    const undo = add("undo", words.undo, () => act("undo", undo, fixIt), { hidden: true });
  } else if (notice.settings) {
    add("settings", words.settings, () => send({ type: "open-options" }));
  }
  box.append(status);
  box.onkeydown = (event) => event.key === "Escape" && x.click();
  host.attachShadow({ mode: "closed" }).append(el("style", 0, notice.style), box);
  document.documentElement.append(host);
}

let listening = false;

function ask() {
  if (!listening) api.runtime.onMessage.addListener((message) => message?.type === "notice" && show(message.notice));
  listening = true;
  const cookie = document.cookie.split("; ").find((c) => c.startsWith("aws-userInfo="));
  // The worker takes the page's address from the browser, not from this message (lib/messages.js).
  send({ type: "page", userInfo: cookie?.slice(13) ?? null }).then((r) => r?.notice && show(r.notice));
}

// After the load event, when the page is idle; a page still loading after 3 s does not hold the notice back.
let asked = false;
const later = () => {
  if (!asked) requestIdleCallback(ask, { timeout: 200 });
  asked = true;
};
addEventListener("load", later, { once: true });
setTimeout(later, document.readyState === "complete" ? 0 : 3000);
// Back from the back/forward cache: the browser has reset the tab's badge, so ask again.
addEventListener("pageshow", (event) => event.persisted && ask());
