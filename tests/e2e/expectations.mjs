// The checks both browsers' tests make the same way. Each browser reads the notice, the popup and the
// tab its own way (DevTools in Chromium, WebDriver in Firefox) and hands what it read to these; the
// expectations themselves come from scenarios.mjs. Functions named `…InExtension` run INSIDE the
// extension (Chromium's worker, a Firefox extension page), so they use no closure and return plain JSON.

/**
 * What a browser showed for a scenario page that differs from scenarios.mjs, as readable lines.
 * @param {string} name the scenario's key in PAGES
 * @param {object} scenario PAGES[name]
 * @param {{landed: string, notice: {level, canonical}|null, popup: ReturnType<import("./contract.mjs").readPopupInPage>}} shown
 *   the tab's URL, the notice (null: none came), the popup's state
 */
export function pageMismatches(name, scenario, { landed, notice, popup }) {
  const failures = [];
  const lands = scenario.lands ?? scenario.url;
  if (landed !== lands) failures.push(`${name}: the tab shows ${landed}, not ${lands}`);
  if (scenario.notice !== undefined) {
    if (!notice) failures.push(`${name}: no notice came (expected a ${scenario.notice} one)`);
    else if (notice.level !== scenario.notice) failures.push(`${name}: a ${notice.level} notice, expected ${scenario.notice}`);
    else if (scenario.canonical && notice.canonical !== scenario.canonical) {
      failures.push(`${name}: notice-canonical ${notice.canonical}, expected ${scenario.canonical}`);
    }
  }
  if (popup.kind !== scenario.kind) failures.push(`${name}: popup kind ${popup.kind}, expected ${scenario.kind}`);
  if (scenario.canonical && popup.canonical !== scenario.canonical) {
    failures.push(`${name}: popup canonical ${popup.canonical}, expected ${scenario.canonical}`);
  }
  for (const code of scenario.warnings) {
    if (!popup.warnings.includes(code)) failures.push(`${name}: popup warnings ${popup.warnings} lack ${code}`);
  }
  return failures;
}

/** A bookmark's title, folder and position: what "Fix this bookmark" and Undo must keep. */
export const bookmarkPlace = ({ title, parentId, index }) => ({ title, parentId, index });

/**
 * In the extension: a folder "Work" in `parentId` with three bookmarks, the middle one of `url`;
 * returns that one as the browser reports it (`parentId` differs: Chromium's bookmarks bar is "1",
 * Firefox's "toolbar_____").
 */
export async function createBookmarkAmongOthersInExtension({ url, title, parentId }) {
  const api = globalThis.browser ?? globalThis.chrome;
  const folder = await api.bookmarks.create({ parentId, title: "Work" });
  await api.bookmarks.create({ parentId: folder.id, title: "Wiki", url: "https://wiki.example/" });
  const node = await api.bookmarks.create({ parentId: folder.id, title, url });
  await api.bookmarks.create({ parentId: folder.id, title: "Docs", url: "https://docs.example/" });
  const [created] = await api.bookmarks.get(node.id);
  return { id: created.id, title: created.title, url: created.url, parentId: created.parentId, index: created.index };
}

/** In the extension: the bookmark `id` (`{id, title, url, parentId, index}`), or null when it is gone. */
export async function bookmarkInExtension(id) {
  const api = globalThis.browser ?? globalThis.chrome;
  const [node] = await api.bookmarks.get(id).catch(() => []);
  return node ? { id: node.id, title: node.title, url: node.url, parentId: node.parentId, index: node.index } : null;
}
