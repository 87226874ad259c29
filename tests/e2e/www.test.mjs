// The web page (dist/www) in headless Chromium: it loads the core wasm package (the core API alone),
// checks pasted URLs through `classifyMany` and makes sign-in links through `accountSigninUrl` and
// `regions`. Served over local HTTP, as any static host would serve it, with the page's own files only.

import assert from "node:assert/strict";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { CHROMIUM } from "./chromium.mjs";
import { ROOT } from "./harness.mjs";

const WWW = join(ROOT, "dist/www");
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".png": "image/png" };

let server;
let browser;
let base;

before(async () => {
  await stat(join(WWW, "pkg/signin_guard_bg.wasm")).catch(() => {
    throw new Error(`${WWW}/pkg/signin_guard_bg.wasm not found: build the web page first (cargo xtask dist)`);
  });
  server = createServer(async (request, response) => {
    const path = normalize(join(WWW, decodeURIComponent(new URL(request.url, "http://x").pathname)));
    const file = path.endsWith(sep) ? join(path, "index.html") : path;
    if (!file.startsWith(WWW + sep)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openPage() {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(base);
  // The core package instantiates after the load event can fire: the page says when it is ready.
  await page.waitForSelector("body[data-ready=true]");
  return { page, errors };
}

test("the web page checks pasted URLs with the core package", async () => {
  const { page, errors } = await openPage();
  await page.fill('[data-testid="urls"]', [
    "https://signin.aws.amazon.com/signin?redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com%2F",
    "  https://MyAlias.signin.aws.amazon.com/console  ",
    "https://example.com/",
  ].join("\n"));
  await page.click('[data-testid="check"]');
  await page.waitForSelector('[data-testid="verdicts"]:not([hidden])');
  const rows = await page.$$eval('[data-testid="verdicts"] tbody tr', (trs) =>
    trs.map((tr) => ({ kind: tr.dataset.kind, cells: [...tr.cells].map((td) => td.textContent.trim()) })),
  );
  assert.deepEqual(rows.map((r) => r.kind), ["signin_redirect", "account_signin", "unrelated"]);
  assert.equal(rows[1].cells[2], "myalias", "the account");
  assert.equal(rows[1].cells[4], "https://myalias.signin.aws.amazon.com/console", "the canonical URL");
  assert.equal(await page.textContent("#check-status"), "3 URLs checked.");
  assert.deepEqual(errors, []);
});

test("the web page makes a region-pinned sign-in link and names a bad account", async () => {
  const { page, errors } = await openPage();
  const regions = await page.$$eval('[data-testid="region"] option', (options) => options.map((o) => o.value));
  assert.ok(regions.includes("us-east-2") && regions.includes("eu-west-1"), `regions offered: ${regions.length}`);
  await page.fill('[data-testid="account"]', "MyAlias");
  await page.selectOption('[data-testid="region"]', "us-east-2");
  await page.click('[data-testid="make-link"]');
  await page.waitForSelector("#link-result:not([hidden])");
  assert.equal(await page.textContent('[data-testid="link-url"]'), "https://myalias.signin.aws.amazon.com/console?region=us-east-2");

  await page.fill('[data-testid="account"]', "my_alias");
  await page.click('[data-testid="make-link"]');
  await page.waitForFunction(() => document.getElementById("link-error").textContent !== "");
  assert.match(await page.textContent("#link-error"), /my_alias|'_'/);
  assert.deepEqual(errors, []);
});
