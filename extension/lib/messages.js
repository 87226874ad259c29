// @ts-check
// Every message between the extension's parts, with its constructor and its guard (after Ruffle's
// messages.ts): the content script asks the worker (`page`, `fix`, `undo`, `dismiss`, `open-options`),
// the worker tells a tab (`notice`). content.js is a classic script and cannot import this module: it
// builds the same shapes, and the worker accepts only what these guards accept.
//
// Trust: a message counts only from this extension (`sender.id`), from a tab's top frame; the page's
// URL is the sender's, never the message's; fix and undo only for a bookmark offered to that tab.

/** @typedef {{type: "page", userInfo: string|null}} PageMessage */
/** @typedef {{type: "fix" | "undo", id: string}} BookmarkMessage */
/** @typedef {{type: "dismiss"}} DismissMessage */
/** @typedef {{type: "open-options"}} OpenOptionsMessage */
/** @typedef {PageMessage | BookmarkMessage | DismissMessage | OpenOptionsMessage} ContentMessage */
/** @typedef {{type: "notice", notice: object|null}} NoticeMessage */

/** @param {string|null} userInfo the page's raw `aws-userInfo` cookie @returns {PageMessage} */
export const pageMessage = (userInfo) => ({ type: "page", userInfo });
/** @param {string} id @returns {BookmarkMessage} */
export const fixMessage = (id) => ({ type: "fix", id });
/** @param {string} id @returns {BookmarkMessage} */
export const undoMessage = (id) => ({ type: "undo", id });
/** @returns {DismissMessage} */
export const dismissMessage = () => ({ type: "dismiss" });
/** @returns {OpenOptionsMessage} */
export const openOptionsMessage = () => ({ type: "open-options" });
/** @param {object|null} notice a styled notice @returns {NoticeMessage} */
export const noticeMessage = (notice) => ({ type: "notice", notice });

const isObject = (/** @type {unknown} */ value) => typeof value === "object" && value !== null;

/** @param {unknown} message @returns {message is PageMessage} */
export function isPageMessage(message) {
  if (!isObject(message)) return false;
  const { type, userInfo } = /** @type {Record<string, unknown>} */ (message);
  return type === "page" && (userInfo === null || userInfo === undefined || typeof userInfo === "string");
}

/** @param {unknown} message @returns {message is BookmarkMessage} */
export function isBookmarkMessage(message) {
  if (!isObject(message)) return false;
  const { type, id } = /** @type {Record<string, unknown>} */ (message);
  return (type === "fix" || type === "undo") && typeof id === "string" && id !== "";
}

/** @param {unknown} message @returns {message is DismissMessage | OpenOptionsMessage} */
export function isPlainMessage(message) {
  if (!isObject(message)) return false;
  const { type } = /** @type {Record<string, unknown>} */ (message);
  return type === "dismiss" || type === "open-options";
}

/** @param {unknown} message @returns {message is ContentMessage} */
export function isContentMessage(message) {
  return isPageMessage(message) || isBookmarkMessage(message) || isPlainMessage(message);
}

/** @param {unknown} message @returns {message is NoticeMessage} */
export function isNoticeMessage(message) {
  return isObject(message) && /** @type {Record<string, unknown>} */ (message).type === "notice";
}

/**
 * A content script's message as the worker may trust it: `{message, tabId, url}` (the URL from the
 * sender), or null when it is not one (another extension or a page, a sub-frame, an unknown shape).
 * @param {unknown} message
 * @param {{id?: string, frameId?: number, url?: string, tab?: {id?: number, url?: string}}} sender
 * @param {string} extensionId this extension's id (`runtime.id`)
 * @returns {{message: ContentMessage, tabId: number, url: string} | null}
 */
export function fromContentScript(message, sender, extensionId) {
  if (sender.id !== extensionId || sender.frameId !== 0 || !isContentMessage(message)) return null;
  const tabId = sender.tab?.id;
  const url = sender.url ?? sender.tab?.url;
  if (typeof tabId !== "number" || tabId < 0 || typeof url !== "string") return null;
  return { message, tabId, url };
}
