// @ts-check
// The in-page notice's stylesheet. The worker sends it with every notice (`notice.style`), so the content
// script, which runs on every AWS page, stays small, and a page without a notice never parses it.
import { noticeWords } from "./core.js";

// Allowed: a stylesheet, not words (`1px solid` reads like two words to the words guard).
// eslint-disable-next-line no-restricted-syntax
export const NOTICE_STYLE = `:host{all:initial}
section{position:fixed;z-index:2147483647;right:16px;bottom:16px;max-width:380px;font:14px/1.45 system-ui,sans-serif;color:#16191f;background:#fff;border:1px solid #8d99a8;border-left:6px solid #0972d3;border-radius:8px;padding:12px 40px 12px 14px;box-shadow:0 4px 18px #0005}
.warning{border-left-color:#b45309}
.danger{top:0;left:0;right:0;bottom:auto;max-width:none;border:0;border-radius:0;background:#b91c1c;color:#fff}
h2{font-size:15px;margin:0}p{margin:4px 0}code{display:block;word-break:break-all;font:12px ui-monospace,monospace}
button{font:13px system-ui,sans-serif;cursor:pointer;color:inherit;background:none;border:1px solid;border-radius:4px;padding:3px 10px;margin:6px 6px 0 0}
.x{position:absolute;top:6px;right:6px;border:0;font-size:20px}
:focus-visible{outline:3px solid #0972d3;outline-offset:2px}.danger :focus-visible{outline-color:#fff}
@media (prefers-color-scheme:dark){section:not(.danger){color:#e9ebed;background:#1b232d}}`;

/**
 * The notice as the content script takes it: the core's notice with the stylesheet and the notice's own words
 * (its buttons and labels, src/events/ui_words.rs: the content script has no core). Once the wake package is ready.
 */
export const styled = (notice) => notice && { ...notice, style: NOTICE_STYLE, words: wordsOnce() };

/** @type {ReturnType<typeof noticeWords> | undefined} */
let words;
// The words never change within a wake: one crossing of the boundary for them, not one per notice.
const wordsOnce = () => (words ??= noticeWords());
