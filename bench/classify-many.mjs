// Benchmark: the core package's bulk exports against a straightforward JS classifier, in V8 (issue 11's
// goal: `classifyMany` at least 1.5 times the JS classifier's speed, `scanUrls` at least 3 times).
//
// Headless Chromium loads `dist/pkg/signin_guard.js` (the core package, as the web page does) from a
// local server and classifies the same 10,000-URL bookmark mix as `benches/classify.rs` (bookmark-mix.mjs: same generator,
// same seed: 95 % ordinary web URLs of 40 to 150 characters, 5 % AWS URLs of the corpus) ROUNDS times with
// each contender, in turns (the order rotates every round), after WARMUP rounds each. Each round's ratio is
// the JS classifier's time over the export's in that round; the summary gives their median.
//
// The JS classifier is written here and nowhere else (the product's JS holds no URL rules): `new URL`, a
// few regular expressions over the host and path, and an object of the same fields as a `Verdict`. It is
// what a page would write to do without the core; it knows far fewer rules than the core.
//
//   node bench/classify-many.mjs [ROUNDS=30] [WARMUP=5]   (prints a JSON summary)
//   EXPORTS=name[,name…]   also times these exports of the core package (each called with the URL array)
//   PKG=DIR                 loads the core package from DIR instead of dist/pkg (another build)

import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { loadavg } from "node:os";
import { extname, join, normalize } from "node:path";
import { ROOT } from "../tests/e2e/chromium.mjs";
import { bookmarkMix } from "./bookmark-mix.mjs";
import { PipeBrowser, navigate } from "./cdp-pipe.mjs";
import { median, summary } from "./stats.mjs";

const ROUNDS = Number(process.argv[2] ?? 30);
const WARMUP = Number(process.argv[3] ?? 5);
const PKG = process.env.PKG ?? join(ROOT, "dist/pkg");
const EXTRA = (process.env.EXPORTS ?? "").split(",").filter(Boolean);

// What runs in the page ----------------------------------------------------------------------------

/** The page's side: every contender ROUNDS times on the mix, in rotating order. Returns times in ms. */
async function runInPage({ urls, rounds, warmup, extra }) {
  const core = await import("/pkg/signin_guard.js");
  await core.default();

  // The straightforward JS classifier (bench only).
  const ACCOUNT_SIGNIN = /^([a-z0-9][a-z0-9-]{0,62})\.signin\.(aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)$/;
  const CONSOLE = /^(?:(\d{12})-[a-z0-9]+\.)?(?:([a-z]{2}(?:-gov)?-[a-z]+-\d)\.)?console\.(aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)$/;
  const SIGNIN = /^(?:([a-z]{2}(?:-gov)?-[a-z]+-\d)\.)?signin\.(aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)$/;
  const PORTAL = /^(?:[a-z0-9-]+\.awsapps\.com|[a-z0-9-]+\.awsapps\.cn)$/;
  const LOOKALIKE = /(?:signin|console)[.-]aws[.-]amazon|amazonaws[.-](?:us-gov|cn)[.-]|aws-?signin|awsconsole/;
  const PARTITIONS = { "aws.amazon.com": "aws", "amazonaws-us-gov.com": "aws-us-gov", "amazonaws.cn": "aws-cn" };
  const verdict = (input, kind, partition = null, account = null, region = null, canonical = null, safe = null, warnings = []) => ({
    input,
    kind,
    partition,
    account,
    region,
    canonical,
    bookmark_safe: safe,
    cloudtrail: null,
    warnings,
  });
  const jsClassify = (text) => {
    let url;
    try {
      url = new URL(text);
    } catch {
      return verdict(text, "unrelated");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return verdict(text, "unrelated");
    const host = url.hostname;
    // The common case first: no AWS-looking name in the host at all.
    if (!host.includes("aws") && !host.includes("amazon")) return verdict(text, "unrelated");
    const region = url.searchParams.get("region");
    let m;
    if ((m = ACCOUNT_SIGNIN.exec(host))) {
      const canonical = `https://${m[1]}.signin.${m[2]}/console`;
      return verdict(text, "account_signin", PARTITIONS[m[2]], m[1], region, canonical, true);
    }
    if ((m = SIGNIN.exec(host))) {
      const partition = PARTITIONS[m[2]];
      if (/^\/federation\b/.test(url.pathname)) {
        return verdict(text.replace(/SigninToken=[^&#]*/, "SigninToken=REDACTED"), "federation_token", partition, null, m[1] ?? null, null, false, [
          { code: "federation_token", message: "A one-time sign-in token." },
        ]);
      }
      if (/^\/switchrole\b/.test(url.pathname)) return verdict(text, "switch_role", partition, url.searchParams.get("account"), null, null, true);
      if (/^\/(?:oauth|signin|v2)\b/.test(url.pathname) || url.searchParams.has("redirect_uri")) {
        return verdict(text, "signin_redirect", partition, null, m[1] ?? null, null, false, [
          { code: "captured_redirect", message: "A page of the sign-in flow." },
        ]);
      }
      return verdict(text, "general_signin", partition, null, m[1] ?? null, null, true);
    }
    if ((m = CONSOLE.exec(host))) {
      const partition = PARTITIONS[m[3]];
      if (url.pathname === "/" || url.pathname === "") return verdict(text, "general_signin", partition, m[1] ?? null, m[2] ?? region, null, true);
      return verdict(text, "console_page", partition, m[1] ?? null, m[2] ?? region, null, m[1] === undefined);
    }
    if (PORTAL.test(host)) return verdict(text, "access_portal", null, null, null, null, true);
    if (LOOKALIKE.test(host)) {
      return verdict(text, "lookalike", null, null, null, null, false, [{ code: "lookalike", message: "Not an AWS host." }]);
    }
    return verdict(text, "unrelated");
  };

  const contenders = {
    js_classifier: (list) => list.map(jsClassify),
    classifyMany: (list) => core.classifyMany(list),
  };
  if (typeof core.scanUrls === "function") contenders.scanUrls = (list) => core.scanUrls(list);
  for (const name of extra) {
    if (typeof core[name] !== "function") throw new Error(`the core package has no export ${name}`);
    contenders[name] = (list) => core[name](list);
  }
  const names = Object.keys(contenders);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  let sink = 0;
  for (let round = 0; round < warmup + rounds; round += 1) {
    for (let i = 0; i < names.length; i += 1) {
      const name = names[(round + i) % names.length];
      const started = performance.now();
      const result = contenders[name](urls);
      const ms = performance.now() - started;
      sink += result.length ?? result.kinds?.length ?? 0;
      if (round >= warmup) times[name].push(ms);
    }
  }
  // What each returns, to check that the contenders did the same work.
  const sample = { classifyMany: core.classifyMany(urls.slice(0, 3)), js_classifier: urls.slice(0, 3).map(jsClassify) };
  const kinds = (list) => list.reduce((count, v) => ({ ...count, [v.kind]: (count[v.kind] ?? 0) + 1 }), {});
  return { times, sink, sample, kinds: { classifyMany: kinds(core.classifyMany(urls)), js_classifier: kinds(urls.map(jsClassify)) } };
}

// The server and the browser -----------------------------------------------------------------------

const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };

function serve() {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://localhost").pathname));
    if (path === "/") {
      response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>classify bench</title>");
      return;
    }
    if (!path.startsWith("/pkg/")) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(PKG, path.slice("/pkg/".length)));
      response.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

async function main() {
  await readFile(join(PKG, "signin_guard_bg.wasm")).catch(() => {
    throw new Error("no dist/pkg/signin_guard_bg.wasm: run `cargo xtask dist` first");
  });
  const { urls, fromCorpus } = await bookmarkMix();
  const server = await serve();
  const browser = await PipeBrowser.launch();
  try {
    const page = await browser.newPage();
    await page.send("Page.enable");
    await navigate(page, `http://127.0.0.1:${server.address().port}/`);
    const args = JSON.stringify({ urls, rounds: ROUNDS, warmup: WARMUP, extra: EXTRA });
    const { result, exceptionDetails } = await page.send("Runtime.evaluate", {
      expression: `(${runInPage.toString()})(${args})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    const { times, sample, kinds } = result.value;
    const perUrl = (ms) => Math.round((ms * 1000 * 100) / urls.length) / 100;
    const contenders = {};
    for (const [name, list] of Object.entries(times)) {
      const ratios = list.map((ms, i) => times.js_classifier[i] / ms);
      contenders[name] = {
        round_ms: summary(list),
        per_url_us: perUrl(median(list)),
        speed_vs_js_classifier: Math.round(median(ratios) * 100) / 100,
      };
    }
    console.log(
      JSON.stringify(
        {
          benchmark: "bulk classification in V8: core package exports vs a straightforward JS classifier",
          urls: urls.length,
          aws_urls_from_corpus: fromCorpus,
          rounds: ROUNDS,
          goals: { classifyMany: "speed_vs_js_classifier >= 1.5", scanUrls: ">= 3" },
          contenders,
          kinds_found: kinds,
          sample,
          load_average: loadavg().map((l) => Math.round(l * 100) / 100),
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
