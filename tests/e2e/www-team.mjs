// The web page's team links, shared by its Chromium and Firefox tests: the files read (the example team
// configuration, the developer's ~/.aws/config with planted secrets), what the real CLI makes of them
// (`signin-guard links --config`, its `--bookmarks` file, and `config import` first for ~/.aws/config), and
// the page's reader. The expected links are the CLI's output, not asked of the page's own package.
//
// Functions named `…InPage` run inside the page (page.evaluate, WebDriver's executeScript): no closures.

import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT } from "./harness.mjs";

export const TEAM_CONFIG = join(ROOT, "docs/examples/team-config.json");
export const AWS_CONFIG = join(ROOT, "tests/data/team/aws-config");
/** The secret values planted in AWS_CONFIG: none may be anywhere in the page. */
export const PLANTED_SECRETS = ["AKIAFIXTURESECRET0001", "fixtureSecretKeyDoNotPrint/abc123XYZ", "FIXTURESESSIONTOKENvalue=="];

const run = promisify(execFile);

async function cli(...args) {
  const { stdout } = await run("cargo", ["run", "--quiet", "--bin", "signin-guard", "--", ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/**
 * What the CLI makes of a file: `{lines, bookmarks}`, the tab-separated lines of `links --config` and the
 * text of `links --bookmarks`. A `~/.aws/config` is made a team configuration with `config import -o` first.
 */
export async function cliLinks(path, { importFirst = false } = {}) {
  const dir = await mkdtemp(join(tmpdir(), "signin-guard-team-"));
  try {
    let config = path;
    if (importFirst) {
      config = join(dir, "team.json");
      await cli("config", "import", path, "-o", config);
    }
    const lines = (await cli("links", "--config", config)).split("\n").filter((line) => line !== "");
    const out = join(dir, "aws-accounts.html");
    await cli("links", "--config", config, "--bookmarks", out);
    return { lines, bookmarks: await readFile(out, "utf8") };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** In the page: what the team links show, each row as the CLI's line, and every text a secret could hide in. */
export function readTeamLinksInPage() {
  const text = (selector) => document.querySelector(selector)?.textContent ?? null;
  const rows = [...document.querySelectorAll("[data-testid=team-links] [data-testid=team-row]")];
  return {
    reads: Number(document.body.dataset.teamReads ?? 0),
    shown: !document.querySelector("[data-testid=team-result]").hidden,
    status: text("[data-testid=team-status]"),
    error: text("[data-testid=team-error]"),
    secrets: document.querySelector("[data-testid=team-secrets]").hidden ? null : text("[data-testid=team-secrets]"),
    problems: [...document.querySelectorAll("[data-testid=team-problems] li")].map((li) => li.textContent),
    found: text("[data-testid=team-found]"),
    lines: rows.map((tr) => {
      const cells = tr.cells;
      const link = tr.querySelector("[data-testid=team-link]");
      return [
        cells[0].childNodes[0].textContent,
        tr.dataset.role || "-",
        tr.dataset.region || "-",
        cells[3].childNodes[0].textContent,
        link.getAttribute("href"),
      ].join("\t");
    }),
    linkTextsMatch: rows.every((tr) => {
      const link = tr.querySelector("[data-testid=team-link]");
      return link.textContent === link.getAttribute("href");
    }),
    visible: rows.filter((tr) => !tr.hidden).map((tr) => tr.querySelector("[data-testid=team-link]").getAttribute("href")),
    copyLabels: rows.map((tr) => tr.querySelector("[data-testid=team-copy]").getAttribute("aria-label")),
    input: document.querySelector("[data-testid=team-input]").value,
    everything: [
      document.documentElement.outerHTML,
      ...[...document.querySelectorAll("textarea, input")].map((field) => field.value),
    ].join("\n"),
  };
}

/** The visible rows' links for a search, as the rows' order and the CLI's lines give them. */
export function linksOfLines(lines, keep) {
  return lines.filter((line) => keep(line.split("\t"))).map((line) => line.split("\t")[4]);
}
