// Benchmark: the web page's bookmark file doctor on a 50,000-bookmark export (the one benches/bookmarks.rs
// generates, written here the same way), in headless Chromium over local HTTP (issue 14's goals: findings
// shown at most 300 ms after the file is chosen; the fixed file ready at most 200 ms after "fix all").
//
// Each round opens the page afresh and chooses the file (Playwright's setInputFiles), timed by the page
// from the input's `change` event to the frame after the findings were drawn (`requestAnimationFrame` then a
// task), with its parts (reading the file, the core's check, drawing); then clicks "fix all", timed from
// the click event to the fixed file's Blob URL (`ready`) and to the frame after the summary was drawn:
// - cold: the file is chosen on a page that has not loaded the tools package yet, so the choice also pays
//   for fetching and compiling it;
// - warm: the pointer was over the file box first (as a person's is, to click it), which starts loading the
//   tools package (and its warm-up rounds, tools.js); the choice is made once that is done (body[data-tools=ready]),
//   as a person picking a file in the dialog takes longer than that.
//
//   node bench/www-doctor.mjs [RUNS] [BOOKMARKS]   (default 5 and 50000; prints a JSON summary)
//   COMPARE=DIR node bench/www-doctor.mjs [RUNS]      (also the page built in DIR, e.g. a copy of an older
//                                                     dist/www, its rounds taking turns with this build's in
//                                                     the same browser; prints both and this build's ratios)

import { writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM } from "../tests/e2e/chromium.mjs";
import { scratch, serveWww } from "../tests/e2e/www-doctor.mjs";
import { median, summary } from "./stats.mjs";

const RUNS = Number(process.argv[2] ?? 5);
const COUNT = Number(process.argv[3] ?? 50_000);
const COMPARE = process.env.COMPARE;

/** benches/bookmarks.rs's EVERYDAY and BAD URL templates, as written in its export. */
const EVERYDAY = [
  "https://www.example.com/articles/{i}?utm_source=feed&amp;utm_medium=rss",
  "https://github.com/example/project-{i}/issues",
  "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_{i}.html",
  "https://myalias.signin.aws.amazon.com/console",
  "https://d-1234567890.awsapps.com/start#/",
  "https://news.example.org/item?id={i}",
  "https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:",
  "https://mail.example.net/u/0/#inbox/{i}",
];
const BAD = [
  "https://signin.aws.amazon.com/oauth?response_type=code&amp;client_id=arn%3Aaws%3Asignin%3A%3A%3Aconsole%2Fcanvas&amp;redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com",
  "https://signin.aws.amazon.com/federation?Action=login&amp;SigninToken=abc{i}",
  "https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/console/home",
  "http://MyAlias.signin.aws.amazon.com/console/",
  "https://signin.aws-amazon.com/console",
];

/** benches/bookmarks.rs's `export(count)`: a Firefox-style export, folders of 50 bookmarks, two levels deep. */
function exportFile(count) {
  const out = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks Menu</H1>\n\n<DL><p>\n',
  ];
  for (let i = 0; i < count; i += 1) {
    if (i % 50 === 0) {
      if (i > 0) out.push("        </DL><p>\n    </DL><p>\n");
      out.push(`    <DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1700000000">Folder ${i}</H3>\n    <DL><p>\n        <DT><H3>Sub</H3>\n        <DL><p>\n`);
    }
    const template = i % 50 === 49 ? BAD[Math.floor(i / 50) % BAD.length] : EVERYDAY[i % EVERYDAY.length];
    const url = template.replaceAll("{i}", String(i));
    out.push(`            <DT><A HREF="${url}" ADD_DATE="1700000000" LAST_MODIFIED="1700000001">Bookmark number ${i} &amp; more</A>\n`);
  }
  out.push("        </DL><p>\n    </DL><p>\n</DL>\n");
  return out.join("");
}

async function round(browser, base, path, warm) {
  const page = await browser.newPage();
  try {
    await page.goto(base);
    await page.waitForSelector("body[data-ready=true]");
    if (warm) {
      await page.hover("#file-drop");
      // Loaded, instantiated and warmed up (tools.js); then the moment a person's click in the file dialog takes.
      await page.waitForSelector("body[data-tools=ready]", { timeout: 120_000 });
      await page.waitForTimeout(300);
    }
    await page.setInputFiles("[data-testid=bookmarks-file]", path);
    await page.waitForSelector("body[data-files='1']", { timeout: 120_000 });
    const file = JSON.parse(await page.getAttribute("body", "data-files-timings"));
    await page.click("[data-testid=bookmarks-fix-all]");
    await page.waitForSelector("body[data-fixes='1']", { timeout: 120_000 });
    const fix = JSON.parse(await page.getAttribute("body", "data-fixes-timings"));
    const rows = await page.evaluate(() => document.querySelectorAll("[data-testid=bookmarks-row]").length);
    return { file, fix, rows };
  } finally {
    await page.close();
  }
}

const part = (runs, pick) => Math.round(median(runs.map(pick)) * 10) / 10;
const parts = (runs) => ({
  read: part(runs, (r) => r.file.read_ms),
  check: part(runs, (r) => r.file.check_ms),
  render: part(runs, (r) => r.file.render_ms),
});

/** The figures of one build's rounds. */
function figures({ cold, warm }) {
  const both = [...cold, ...warm];
  return {
    bookmarks: cold[0].file.bookmarks,
    bytes: cold[0].file.bytes,
    rows_drawn: cold[0].rows,
    cold_chosen_to_findings_ms: summary(cold.map((r) => r.file.shown_ms)),
    cold_parts_median_ms: parts(cold),
    warm_chosen_to_findings_ms: summary(warm.map((r) => r.file.shown_ms)),
    warm_parts_median_ms: parts(warm),
    fix_all_to_file_ready_ms: summary(both.map((r) => r.fix.ready_ms)),
    fix_all_to_summary_shown_ms: summary(both.map((r) => r.fix.shown_ms)),
    fix_all_core_call_median_ms: part(both, (r) => r.fix.fix_ms),
  };
}

async function main() {
  const builds = [{ name: "this build", server: await serveWww(), cold: [], warm: [] }];
  if (COMPARE) builds.push({ name: COMPARE, server: await serveWww(COMPARE), cold: [], warm: [] });
  const files = await scratch();
  const path = join(files.dir, "bookmarks-50k.html");
  await writeFile(path, exportFile(COUNT));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  try {
    // One round of each to warm up the browser's caches and code paths.
    for (const build of builds) {
      await round(browser, build.server.base, path, false);
      await round(browser, build.server.base, path, true);
    }
    // The builds take turns, so that a change in the machine's load falls on both.
    for (let i = 0; i < RUNS; i += 1) {
      for (const build of builds) {
        build.cold.push(await round(browser, build.server.base, path, false));
        build.warm.push(await round(browser, build.server.base, path, true));
      }
    }
    const [mine, other] = builds.map(figures);
    const ratio = (pick) => Math.round((pick(mine) / pick(other)) * 100) / 100;
    console.log(
      JSON.stringify(
        {
          benchmark: "web page file doctor: file chosen to findings shown; fix all to fixed file ready",
          goals_ms: { findings_shown: 300, fixed_file_ready: 200 },
          ...mine,
          ...(other
            ? {
                compared_with: { build: COMPARE, ...other },
                ratios_to_compared: {
                  warm_findings: ratio((f) => f.warm_chosen_to_findings_ms.median),
                  cold_findings: ratio((f) => f.cold_chosen_to_findings_ms.median),
                  fix_all_file_ready: ratio((f) => f.fix_all_to_file_ready_ms.median),
                },
              }
            : {}),
          load_average: loadavg().map((l) => Math.round(l * 100) / 100),
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    for (const build of builds) await build.server.close();
    await files.cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
