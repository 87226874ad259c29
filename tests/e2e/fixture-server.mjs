// A local HTTPS server that plays AWS: it answers for real AWS host names (the browser is told to resolve
// them to 127.0.0.1), with a self-signed certificate made at start, a strict CSP like AWS's on every
// response, and the routes of `scenarios.mjs`. It records every request, so a test can see that a redirect
// or a link really went through the network.

import { execFile } from "node:child_process";
import { EventEmitter } from "node:events";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ACCOUNT, LINKS, MAPPED_DOMAINS, ROUTES, USER_INFO, fixtureHosts } from "./scenarios.mjs";

const run = promisify(execFile);

/** The Content-Security-Policy of every fixture response: as strict as AWS's own pages. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; frame-ancestors 'none'";

/**
 * Makes a self-signed certificate for `hosts` (plus a wildcard for each mapped domain) in `dir`.
 * @returns {Promise<{key: Buffer, cert: Buffer}>}
 */
export async function makeCertificate(dir, hosts) {
  try {
    await run("openssl", ["version"]);
  } catch (error) {
    throw new Error(`the e2e tests need the openssl command to make their TLS certificate: ${error.message}`, {
      cause: error,
    });
  }
  const names = new Set(hosts);
  for (const domain of MAPPED_DOMAINS) names.add(domain).add(`*.${domain}`);
  for (const host of hosts) names.add(`*.${host.split(".").slice(1).join(".")}`);
  const keyFile = join(dir, "key.pem");
  const certFile = join(dir, "cert.pem");
  await run("openssl", [
    "req", "-x509", "-nodes", "-days", "2",
    "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
    "-keyout", keyFile, "-out", certFile,
    "-subj", "/CN=Sign-in Guard e2e fixtures",
    "-addext", `subjectAltName=${[...names].map((name) => `DNS:${name}`).join(",")}`,
    "-addext", "basicConstraints=critical,CA:FALSE",
  ]);
  return { key: await readFile(keyFile), cert: await readFile(certFile) };
}

/** Whether `host` matches a route's host pattern (`*.` matches one or more labels). */
function hostMatches(pattern, host) {
  if (pattern.startsWith("*.")) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return host === pattern;
}

/** Whether `path` matches a route's path: `*`, the exact path, or a prefix ending at a `/`. */
function pathMatches(route, path) {
  if (route.path === "*") return true;
  if (route.exact || path === route.path) return path === route.path;
  const prefix = route.path.endsWith("/") ? route.path : `${route.path}/`;
  return path.startsWith(prefix);
}

/** The first route of `scenarios.mjs` for this URL, or undefined. */
export function routeFor(url) {
  return ROUTES.find((route) => hostMatches(route.host, url.hostname) && pathMatches(route, url.pathname));
}

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<link rel="stylesheet" href="/fixture.css">
<script src="/fixture.js" defer></script>
</head>
<body>
<header class="bar"><span class="logo">aws</span></header>
<main>
${body}
</main>
</body>
</html>
`;
}

function signinForm({ heading, account, note }) {
  return `<section class="card" id="signin">
<h1>${escape(heading)}</h1>
${note ? `<p class="note">${escape(note)}</p>` : ""}
<form id="signin-form" action="#" method="post">
<label>Account ID or alias <input name="account" id="account" value="${escape(account ?? "")}" autocomplete="off"></label>
<label>IAM username <input name="username" id="username" autocomplete="username"></label>
<label>Password <input name="password" id="password" type="password" autocomplete="current-password"></label>
<button type="submit" id="submit">Sign in</button>
</form>
</section>`;
}

/** The page templates that `ROUTES` names. */
const TEMPLATES = {
  "account-signin": (url) =>
    page("Amazon Web Services Sign-In", signinForm({ heading: "Sign in as IAM user", account: url.hostname.split(".")[0] })),
  "general-signin": () => page("Amazon Web Services Sign-In", signinForm({ heading: "Sign in" })),
  "oauth-signin": () =>
    page(
      "Amazon Web Services Sign-In",
      signinForm({ heading: "Sign in", note: "Regional sign-in endpoint of the sign-in flow (fixture)." }),
    ),
  console: (url) => {
    const region = url.searchParams.get("region") ?? url.hostname.split(".")[0];
    const links = LINKS.map((link) => `<li><a id="${link.id}" href="${escape(link.url)}">${escape(link.url)}</a></li>`);
    return page(
      "Console Home",
      `<section class="card" id="console">
<h1>Console Home</h1>
<p id="account-menu">${escape(ACCOUNT.user)} @ ${escape(ACCOUNT.alias)} (${escape(ACCOUNT.id)})</p>
<p>Region: <span id="region">${escape(region)}</span></p>
<h2>Links from a colleague</h2>
<ul id="links">${links.join("\n")}</ul>
</section>`,
    );
  },
  "access-portal": () => page("AWS access portal", `<section class="card"><h1>AWS access portal</h1></section>`),
  phishing: () =>
    page("Amazon Web Services Sign-In", signinForm({ heading: "Sign in as IAM user", account: ACCOUNT.alias })),
};

const STATIC = {
  "/fixture.css": {
    type: "text/css",
    body: `body{font:15px/1.4 system-ui,sans-serif;margin:0;background:#f2f3f3;color:#16191f}
.bar{background:#232f3e;color:#fff;padding:10px 20px}.logo{font-weight:700}
main{padding:32px}.card{background:#fff;max-width:420px;margin:0 auto;padding:24px;border-radius:8px}
label{display:block;margin:12px 0}input{display:block;width:100%;box-sizing:border-box;padding:6px}
button{margin-top:12px;background:#ff9900;border:0;padding:8px 16px;border-radius:4px}
`,
  },
  // The page's own script, as AWS pages have: the tests check that it still runs with the extension.
  "/fixture.js": {
    type: "text/javascript",
    // A page with a fragment (an access portal shortcut) reports its full address, which the server records
    // as the `href` of a /fixture-record request.
    body:
      `document.documentElement.dataset.fixtureScript = "ran";\n` +
      `if (location.hash) fetch("/fixture-record?href=" + encodeURIComponent(location.href), { cache: "no-store" });\n`,
  },
};

/** Whether a request for `url` is one a fixture page makes itself (its script, style sheet, icon, record). */
export function fixturesOwn(url) {
  const path = new URL(url).pathname;
  return path in STATIC || path === "/favicon.ico" || path === "/fixture-record";
}

/** A running fixture server; see `startFixtureServer`. */
export class FixtureServer extends EventEmitter {
  /**
   * Every request, in order, with its Fetch Metadata (`mode`: `navigate` for a navigation; `dest`), which
   * tells a navigation from a request a script made.
   * @type {{time: number, method: string, url: string, status: number, mode: string|null, dest: string|null}[]}
   */
  requests = [];
  /** Every request the proxy refused (a host that is not a fixture's, or plain http): `{time, target}`. */
  refused = [];
  /** HTTPS port on 127.0.0.1 */
  port = 0;
  /** Port of the CONNECT proxy (for Firefox), or 0 without one. */
  proxyPort = 0;

  #dir;
  #https;
  #proxy;
  #tunnels = new Set();

  /** Chromium's `--host-resolver-rules` value that sends every mapped domain here. */
  hostResolverRules() {
    return MAPPED_DOMAINS.flatMap((domain) => [`MAP ${domain} 127.0.0.1:${this.port}`, `MAP *.${domain} 127.0.0.1:${this.port}`]).join(", ");
  }

  /** Chromium command-line switches that route the fixture hosts here and accept the test certificate. */
  chromiumArgs() {
    return [`--host-resolver-rules=${this.hostResolverRules()}`, "--ignore-certificate-errors"];
  }

  /**
   * Waits for a request whose URL (`https://host/path?query`, no port) satisfies `test`.
   * @param {(url: string) => boolean} test
   * @param {{timeout?: number, since?: number, what?: string}} options `since`: index in `requests` to start at
   */
  waitForRequest(test, { timeout = 30_000, since = 0, what = "the expected request" } = {}) {
    const found = this.requests.slice(since).find((request) => test(request.url));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onRequest = (request) => {
        if (!test(request.url)) return;
        clearTimeout(timer);
        this.off("request", onRequest);
        resolve(request);
      };
      const timer = setTimeout(() => {
        this.off("request", onRequest);
        const seen = this.requests.slice(since).map((request) => `  ${request.method} ${request.url} -> ${request.status}`);
        reject(new Error(`fixture server: no ${what} within ${timeout} ms; requests seen:\n${seen.join("\n") || "  (none)"}`));
      }, timeout);
      this.on("request", onRequest);
    });
  }

  async start({ proxy = false } = {}) {
    this.#dir = await mkdtemp(join(tmpdir(), "signin-guard-tls-"));
    const { key, cert } = await makeCertificate(this.#dir, fixtureHosts());
    this.#https = createHttpsServer({ key, cert }, (request, response) => this.#answer(request, response));
    this.#https.keepAliveTimeout = 1_000;
    this.port = await listen(this.#https);
    if (proxy) {
      this.#proxy = createHttpServer((request, response) => {
        this.refused.push({ time: Date.now(), target: request.url });
        response.writeHead(405, { "content-type": "text/plain" });
        response.end("fixture proxy: only CONNECT is supported\n");
      });
      this.#proxy.on("connect", (request, socket, head) => this.#tunnel(request, socket, head));
      this.proxyPort = await listen(this.#proxy);
    }
    return this;
  }

  async close() {
    for (const socket of this.#tunnels) socket.destroy();
    for (const server of [this.#proxy, this.#https]) {
      if (!server) continue;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    }
    if (this.#dir) await rm(this.#dir, { recursive: true, force: true });
  }

  #answer(request, response) {
    const host = (request.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
    const url = new URL(`https://${host}${request.url}`);
    const header = (name) => request.headers[name]?.toString() ?? null;
    const record = {
      time: Date.now(),
      method: request.method,
      url: url.href,
      status: 0,
      mode: header("sec-fetch-mode"),
      dest: header("sec-fetch-dest"),
    };
    const send = (status, headers, body = "") => {
      record.status = status;
      response.writeHead(status, {
        "content-security-policy": CSP,
        "x-content-type-options": "nosniff",
        "cache-control": "no-store",
        ...headers,
      });
      response.end(request.method === "HEAD" ? undefined : body);
      this.requests.push(record);
      this.emit("request", record);
    };

    // A page's own address with its fragment, which no request carries (see fixture.js).
    if (url.pathname === "/fixture-record") return send(204, {});
    const asset = STATIC[url.pathname];
    if (asset) return send(200, { "content-type": `${asset.type}; charset=utf-8` }, asset.body);
    if (url.pathname === "/favicon.ico") return send(204, {});
    const route = routeFor(url);
    if (!route) {
      return send(404, { "content-type": "text/plain; charset=utf-8" }, `fixture server: no route for ${url.href}\n`);
    }
    // `?no-content`: an answer that loads no page (204), so the navigation ends with no page to report.
    if (url.searchParams.has("no-content")) return send(204, {});
    if (route.redirect) return send(302, { location: route.redirect(url) });
    const headers = { "content-type": "text/html; charset=utf-8" };
    // `?bfcache`: a page the browser may keep in its back/forward cache (no-store keeps it out).
    if (url.searchParams.has("bfcache")) headers["cache-control"] = "private, max-age=0";
    // `?no-clipboard-api`: a page that denies itself the Clipboard API (as a hostile page may, so that a
    // copy made in it falls back to a `copy` event it can rewrite).
    if (url.searchParams.has("no-clipboard-api")) headers["permissions-policy"] = "clipboard-write=()";
    if (route.cookieDomain) {
      const value = encodeURIComponent(JSON.stringify(USER_INFO));
      headers["set-cookie"] = `aws-userInfo=${value}; Domain=${route.cookieDomain}; Path=/; Secure; SameSite=Lax`;
    }
    return send(200, headers, TEMPLATES[route.page](url));
  }

  /** CONNECT tunnels to the HTTPS server, for mapped domains only (Firefox reaches the fixtures this way). */
  #tunnel(request, socket, head) {
    const [host] = request.url.split(":");
    if (!MAPPED_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`))) {
      this.refused.push({ time: Date.now(), target: request.url });
      socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
      return;
    }
    const upstream = connect(this.port, "127.0.0.1", () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    for (const end of [socket, upstream]) {
      this.#tunnels.add(end);
      end.on("error", () => {
        socket.destroy();
        upstream.destroy();
      });
      end.on("close", () => this.#tunnels.delete(end));
    }
  }
}

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server.address().port));
  });
}

/**
 * Starts the fixture server on a random port.
 * @param {{proxy?: boolean}} options `proxy`: also start a CONNECT proxy to it (Firefox keeps URLs port-less so)
 */
export function startFixtureServer(options) {
  return new FixtureServer().start(options);
}
