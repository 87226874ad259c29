// @ts-check
// The whole bookmark tree as the doctor reads it: one `bookmarks.getTree()`, flattened without
// recursion into the list the core analyses, in the order people see bookmarks (depth first).
import { api } from "./browser.js";

/**
 * @typedef {{id: string, url: string, title: string, folder_path: string[]}} FlatBookmark
 * @typedef {{bookmarks: FlatBookmark[], nodes: chrome.bookmarks.BookmarkTreeNode[], folders: number}} Tree
 */

/**
 * Reads every bookmark. `bookmarks[i]` is what the core needs (bookmarks in one folder share one
 * `folder_path` array); `nodes[i]` is the browser's node for it (parentId, index, title, url).
 * @returns {Promise<Tree>}
 */
export async function readTree() {
  const roots = await api.bookmarks.getTree();
  return flatten(roots);
}

/** Flattens tree nodes depth first, each folder's items in the browser's order. */
export function flatten(roots) {
  const bookmarks = [];
  const nodes = [];
  let folders = 0;
  // Nodes still to visit, the next one last, each with the names of the folders above it.
  const stack = [];
  const pushChildren = (children, path) => {
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i], path });
  };
  // The invisible root (no parent, no title) adds nothing to the path.
  for (const root of [...roots].reverse()) {
    if (root.parentId === undefined && !root.title) pushChildren(root.children ?? [], []);
    else stack.push({ node: root, path: [] });
  }
  while (stack.length > 0) {
    const { node, path } = stack.pop();
    if (node.type === "separator") {
      // Firefox's separators are neither bookmarks nor folders, though they carry `url: "data:"`.
    } else if (node.url !== undefined) {
      bookmarks.push({ id: node.id, url: node.url, title: node.title, folder_path: path });
      nodes.push(node);
    } else if (node.children !== undefined || node.type === "folder") {
      folders += 1;
      pushChildren(node.children ?? [], [...path, node.title]);
    }
  }
  return { bookmarks, nodes, folders };
}

/** The browser's node of each bookmark by id (built when needed, not on every scan). */
export function nodesById(tree) {
  return new Map(tree.nodes.map((node) => [node.id, node]));
}

/** Calls `onChange` whenever any bookmark or folder is created, changed, moved or removed. */
export function watchTree(onChange) {
  const events = ["onCreated", "onRemoved", "onChanged", "onMoved", "onChildrenReordered", "onImportEnded"];
  for (const name of events) api.bookmarks?.[name]?.addListener(onChange);
}
