// The glue's template filler (extension/lib/fill.js, and www/words.js, the same file for the web page,
// which ships apart): the core's templates filled in one pass, so a person's own text (a bookmark's
// title, a file's name) is shown as it is even when it holds a `{placeholder}` of its own.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import * as extension from "../../extension/lib/fill.js";
import * as page from "../../www/words.js";
import { ROOT } from "./harness.mjs";

test("the extension and the web page fill templates with the same file", () => {
  assert.equal(readFileSync(join(ROOT, "www/words.js"), "utf8"), readFileSync(join(ROOT, "extension/lib/fill.js"), "utf8"));
});

for (const [name, { fill, fillParts, counted }] of [["extension/lib/fill.js", extension], ["www/words.js", page]]) {
  test(`${name} fills each placeholder once, leaving the values' own braces alone`, () => {
    assert.equal(fill("Keep “{title}”, line {line}", { title: "{line} of {title}", line: 12 }), "Keep “{line} of {title}”, line 12");
    assert.equal(fill("{name} cannot be read: {error}.", { name: "{error}.html", error: "not HTML" }), "{error}.html cannot be read: not HTML.");
    assert.equal(fill("{a}{a} and {b}", { a: 1, b: "" }), "11 and ");
    // A placeholder without a value, and braces that name none, stay as they are.
    assert.equal(fill("{missing} {x", { other: 1 }), "{missing} {x");
    assert.equal(fill("a} {b} {c {d}", { b: "B", d: "D" }), "a} B {c D");
    assert.equal(fill("no placeholders"), "no placeholders");
    // Not inherited names: a template's `{constructor}` is not filled from Object.prototype.
    assert.equal(fill("{constructor}", {}), "{constructor}");
  });

  test(`${name} puts nodes where a template names them, without empty texts`, () => {
    const node = { node: true };
    assert.deepEqual(fillParts("{link} opens {title}", { link: node, title: "{link}" }), [node, " opens ", "{link}"]);
    assert.deepEqual(fillParts("Open {link}", { link: node }), ["Open ", node]);
  });

  test(`${name} counts by the plural category`, () => {
    const words = { bookmarks_one: "{n} bookmark", bookmarks_other: "{n} bookmarks" };
    assert.equal(counted(words, "bookmarks", 1), "1 bookmark");
    assert.equal(counted(words, "bookmarks", 0), "0 bookmarks");
    assert.equal(counted(words, "bookmarks", 2, "two"), "two bookmarks");
  });
}
