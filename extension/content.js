// Sign-in Guard: reports this AWS page to the worker (the core decides) and shows its notice.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const send = (message) => api.runtime.sendMessage(message).catch(() => null);
  const css = `:host{all:initial}
section{position:fixed;z-index:2147483647;right:16px;bottom:16px;max-width:380px;font:14px/1.45 system-ui,sans-serif;color:#16191f;background:#fff;border:1px solid #8d99a8;border-left:6px solid #0972d3;border-radius:8px;padding:12px 40px 12px 14px;box-shadow:0 4px 18px #0005}
.warning{border-left-color:#b45309}
.danger{top:0;left:0;right:0;bottom:auto;max-width:none;border:0;border-radius:0;background:#b91c1c;color:#fff}
h2{font-size:15px;margin:0}p{margin:4px 0}code{display:block;word-break:break-all;font:12px ui-monospace,monospace}
button{font:13px system-ui,sans-serif;cursor:pointer;color:inherit;background:none;border:1px solid;border-radius:4px;padding:3px 10px;margin:6px 6px 0 0}
.x{position:absolute;top:6px;right:6px;border:0;font-size:20px}
:focus-visible{outline:3px solid #0972d3;outline-offset:2px}.danger :focus-visible{outline-color:#fff}
@media (prefers-color-scheme:dark){section:not(.danger){color:#e9ebed;background:#1b232d}}`;
  let host;

  const el = (tag, testid, text) => {
    const node = document.createElement(tag);
    if (testid) node.dataset.testid = testid;
    if (text) node.textContent = text;
    return node;
  };
  const button = (testid, text, onclick) => Object.assign(el("button", testid, text), { onclick });

  function show(notice) {
    host?.remove();
    if (!notice) return;
    host = el("signin-guard-notice");
    host.setAttribute("data-signin-guard-notice", notice.level);
    const root = host.attachShadow({ mode: "closed" });
    const box = el("section");
    box.className = notice.level;
    box.setAttribute("role", notice.level === "danger" ? "alert" : "region");
    box.setAttribute("aria-label", "Sign-in Guard");
    const status = el("p", "notice-status");
    status.setAttribute("role", "status");
    const say = (text) => (status.textContent = text);
    const x = button("notice-dismiss", "×", () => {
      host.remove();
      send({ type: "dismiss" });
    });
    x.className = "x";
    x.setAttribute("aria-label", "Dismiss");
    box.append(x, el("h2", "notice-headline", notice.headline), el("p", "notice-detail", notice.detail));
    const url = notice.canonical;
    if (url) {
      const code = el("code", "notice-canonical", url);
      const copied = () => say("Copied.");
      box.append(code, button("notice-copy", "Copy", () => navigator.clipboard.writeText(url).then(copied, () => {
        getSelection().selectAllChildren(code);
        if (document.execCommand("copy")) copied();
        else say("Press Ctrl+C to copy.");
      })));
    }
    if (notice.fix) {
      const act = async (type, hide, next) => {
        const reply = await send({ type, id: notice.fix });
        say(reply?.message ?? "No answer; try again.");
        if (!reply?.ok) return;
        hide.hidden = true;
        next.hidden = false;
        next.focus();
      };
      const fix = button("notice-fix", "Fix this bookmark", () => act("fix", fix, undo));
      const undo = button("notice-undo", "Undo", () => act("undo", undo, fix));
      undo.hidden = true;
      box.append(fix, undo);
    } else if (notice.settings) {
      box.append(button("notice-settings", "Open settings", () => send({ type: "open-options" })));
    }
    box.append(status);
    box.addEventListener("keydown", (event) => event.key === "Escape" && x.click());
    root.append(el("style", 0, css), box);
    document.documentElement.append(host);
  }

  api.runtime.onMessage.addListener((message) => message?.type === "notice" && show(message.notice));
  const cookie = document.cookie.split("; ").find((c) => c.startsWith("aws-userInfo="));
  send({ type: "page", url: location.href, userInfo: cookie ? cookie.slice(13) : null }).then(
    (reply) => reply?.notice && show(reply.notice),
  );
})();
