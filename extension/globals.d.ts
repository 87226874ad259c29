// The browsers' extension APIs for `tsc --noEmit` (tsconfig.json): Chrome's `chrome` and Firefox's
// `browser`, untyped here (the glue reaches them through lib/browser.js's `api`).
declare var chrome: any;
declare var browser: any;
declare namespace chrome.bookmarks {
  type BookmarkTreeNode = any;
}
declare function requestIdleCallback(callback: () => void, options?: { timeout: number }): number;
