// Benchmark: the launcher's search per keystroke, in the extension package's wasm in headless Chromium,
// with 500 accounts of 5 roles each (issue 12's goal: at most 1 ms median).
//
// An extension page of dist/chrome imports the extension package, builds the index once
// (`new Launcher(team, known)`, as the popup does when it opens), then types each query of QUERIES one
// character at a time, timing each `search(prefix, prefs, 8)` (the popup's call, its result converted to
// JS objects included). Region search (`searchRegions`, what the popup's region picker calls per
// keystroke) is timed in the same page on the same keystrokes, side by side, for the ratio.
//
//   node bench/launcher-search.mjs [ROUNDS]   (default 20; prints a JSON summary)

import { loadavg } from "node:os";
import { launchChromium, requireBuiltExtension } from "../tests/e2e/chromium.mjs";
import { summary } from "./stats.mjs";

const ROUNDS = Number(process.argv[2] ?? 20);
const ACCOUNTS = 500;
const ROLES = 5;
const QUERIES = ["prod ro ohio", "staging deploy", "1111 eu-w", "payments admin frank", "data lake read"];

/** A team configuration as the core writes it: 500 accounts, a third through a
 * portal, the others by role links, every account with 5 roles. */
function team() {
  const words = ["payments", "data", "staging", "prod", "sandbox", "billing", "search", "identity", "mobile", "web"];
  const roles = ["ReadOnlyAccess", "AdministratorAccess", "PowerUserAccess", "deploy/Deployer", "BillingViewer"];
  const regions = ["eu-west-1", "us-east-1", "us-east-2", "eu-central-1", "ap-southeast-2"];
  const accounts = [];
  for (let i = 0; i < ACCOUNTS; i += 1) {
    const account = {
      accountId: String(111100000000 + i * 7919).padStart(12, "0"),
      alias: `acme-${words[i % 10]}-${i}`,
      displayName: `${words[i % 10]} ${words[(i * 3) % 10]} ${i}`,
      defaultRegion: regions[i % 5],
      roles: roles.slice(0, ROLES).map((name) => ({ name, displayName: name.replace(/([a-z])([A-Z])/g, "$1 $2") })),
    };
    if (i % 3 === 0) account.ssoStartUrl = "https://acme.awsapps.com/start";
    if (i % 3 === 2) account.roles = roles.slice(0, ROLES).map((name) => ({ name }));
    accounts.push(account);
  }
  return { version: 1, accounts, favouriteRegions: ["eu-west-1", "eu-central-1"] };
}

async function main() {
  await requireBuiltExtension();
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl("options.html"), { waitUntil: "load" });
    const result = await page.evaluate(
      async ({ config, queries, rounds }) => {
        const core = await import(chrome.runtime.getURL("pkg/signin_guard_extension.js"));
        await core.default();
        const built = performance.now();
        const launcher = new core.Launcher({ managed: config, user: null }, undefined);
        const buildMs = performance.now() - built;
        const prefs = { favourites: [], recent: [] };
        const keystrokes = queries.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)));
        const launcherMs = [];
        const byKeystroke = new Map(keystrokes.map((k) => [k, []]));
        const regionMs = [];
        let rows = 0;
        for (let round = 0; round < rounds; round += 1) {
          for (const typed of keystrokes) {
            let start = performance.now();
            rows += launcher.search(typed, prefs, 8).length;
            launcherMs.push(performance.now() - start);
            byKeystroke.get(typed).push(launcherMs.at(-1));
            start = performance.now();
            core.searchRegions(typed.split(" ").pop(), { favourites: ["eu-west-1"] });
            regionMs.push(performance.now() - start);
          }
        }
        const middle = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
        const slowest = [...byKeystroke].map(([typed, ms]) => [typed, Math.round(middle(ms) * 100) / 100]).sort((a, b) => b[1] - a[1]).slice(0, 5);
        return { buildMs, launcherMs, regionMs, keystrokes: keystrokes.length, accounts: launcher.accounts, rows, slowest };
      },
      { config: team(), queries: QUERIES, rounds: ROUNDS },
    );
    const launcher = summary(result.launcherMs);
    const region = summary(result.regionMs);
    console.log(
      JSON.stringify(
        {
          benchmark: "launcher search per keystroke (wasm, headless Chromium)",
          accounts: result.accounts,
          roles_per_account: ROLES,
          keystrokes_per_round: result.keystrokes,
          rounds: ROUNDS,
          goal_median_ms: 1,
          launcher_search_ms: launcher,
          region_search_ms: region,
          ratio_of_medians: Math.round((launcher.median / Math.max(region.median, 0.001)) * 10) / 10,
          slowest_keystrokes_median_ms: Object.fromEntries(result.slowest),
          index_build_ms: Math.round(result.buildMs * 100) / 100,
          load_average: loadavg().map((l) => Math.round(l * 100) / 100),
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
