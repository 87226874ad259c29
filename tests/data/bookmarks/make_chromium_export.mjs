// Makes tests/data/bookmarks/chromium-export.html: a real bookmark export written by Chromium's own exporter
// (chrome://bookmarks, "Export bookmarks"), of the bookmarks chromium-format.html holds.
// Chromium has no headless or command-line export: its exporter writes only where its save dialog says. So a
// fresh profile gets those bookmarks as its `Bookmarks` file, Chromium runs with a window on a virtual display,
// the bookmark manager's export is started, and the save dialog is given the output path and its Save button
// clicked (xdotool). The result is Chromium's writer's output, not ours; it has no ICON attributes (the
// profile has no favicons).
// Usage: xvfb-run -a -s "-screen 0 1280x900x24" sh -c 'matchbox-window-manager -use_titlebar no & node
//   tests/data/bookmarks/make_chromium_export.mjs OUT.html'   (Debian: xvfb, matchbox-window-manager, xdotool;
//   a one-off for the committed file, not part of the tests: GTK's dialog needs a window manager for keys)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { randomUUID } from "node:crypto";
import { chromium } from "playwright-core";

const out = resolve(process.argv[2] ?? "chromium-export.html");
if (existsSync(out)) throw new Error(`${out} exists: remove it first (the dialog would ask to replace it)`);

// Chromium's dates are microseconds since 1601; the export writes them as Unix seconds.
const date = (unix) => String((unix + 11_644_473_600) * 1_000_000);
const bookmark = (url, added, name) => ({ type: "url", url, name, date_added: date(added) });
const folder = (name, added, modified, children) => ({ type: "folder", name, date_added: date(added), date_modified: date(modified), children });

const roots = {
  bookmark_bar: folder("Bookmarks bar", 1732900000, 1732900300, [
    bookmark("https://111122223333.signin.aws.amazon.com/console", 1732900001, "Dev sign-in"),
    bookmark("https://111122223333.signin.aws.amazon.com/console?region=us-east-2", 1732900002, "Dev Ohio"),
    folder("AWS", 1732900010, 1732900200, [
      bookmark("https://myalias.signin.aws.amazon.com/console", 1732900011, "Prod sign-in"),
      bookmark(
        "https://signin.aws.amazon.com/signin?redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com%2Fconsole%2Fhome&client_id=arn%3Aaws%3Asignin%3A%3A%3Aconsole%2Fcanvas&forceMobileApp=0",
        1732900012,
        "Amazon Web Services Sign-In",
      ),
      bookmark(
        "https://signin.aws.amazon.com/federation?Action=login&Issuer=example.com&Destination=https%3A%2F%2Fconsole.aws.amazon.com%2F&SigninToken=VERYSECRETTOKEN123",
        1732900013,
        "Federated (token)",
      ),
      bookmark("https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:", 1732900014, "EC2 (multi-session)"),
      bookmark("http://myalias.signin.aws.amazon.com/console/", 1732900015, "Prod (http, trailing slash)"),
      bookmark("https://myalias.signin.aws.amazon.com/console?region=eu-west-1", 1732900016, "Prod Ireland"),
      bookmark("https://signin.aws.amazon.com.evil.example/console", 1732900017, "Phish"),
    ]),
  ]),
  other: folder("Other bookmarks", 1732900000, 1732900100, [
    bookmark("https://www.example.com/?a=1&b=2", 1732900100, "Example <> \"quoted\" & it's \u2014 \u00fcn\u00efcode"),
  ]),
  synced: folder("Mobile bookmarks", 1732900000, 1732900000, []),
};
let id = 0;
const number = (node) => {
  Object.assign(node, { id: String(++id), guid: randomUUID() });
  for (const child of node.children ?? []) number(child);
};
Object.values(roots).forEach(number);

const profile = mkdtempSync(join(tmpdir(), "chromium-export-"));
mkdirSync(join(profile, "Default"));
// An empty checksum: Chromium reads the file and writes its own.
writeFileSync(join(profile, "Default/Bookmarks"), JSON.stringify({ checksum: "", roots, version: 1 }));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: false,
  args: ["--no-sandbox", "--disable-background-networking", "--no-first-run"],
});
const xdotool = (...args) => execFileSync("xdotool", args).toString().trim();
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto("chrome://bookmarks");
  await page.waitForFunction(() => typeof chrome.bookmarkManagerPrivate?.export === "function");
  void page.evaluate(() => chrome.bookmarkManagerPrivate.export());
  let dialog = "";
  for (let i = 0; i < 100 && !dialog; i++) {
    await page.waitForTimeout(100);
    try {
      dialog = xdotool("search", "--onlyvisible", "--name", "Save File").split("\n").pop();
    } catch {
      // Not open yet.
    }
  }
  if (!dialog) throw new Error("Chromium's save dialog did not open");
  xdotool("windowfocus", "--sync", dialog);
  await page.waitForTimeout(500);
  xdotool("key", "ctrl+a");
  xdotool("type", "--delay", "20", out);
  await page.waitForTimeout(500);
  // The dialog's Save button, by its mnemonic (Enter is not taken by the name field here).
  xdotool("key", "alt+s");
  for (let i = 0; i < 100 && !existsSync(out); i++) await page.waitForTimeout(100);
  if (!existsSync(out)) throw new Error(`Chromium did not write ${out}`);
  console.log(`written ${out} by ${execFileSync("/usr/bin/chromium", ["--version"]).toString().trim()}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
