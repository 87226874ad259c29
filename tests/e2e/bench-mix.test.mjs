// The in-browser benchmarks' bookmark mix (bench/bookmark-mix.mjs) is made from the native mix's lists
// (benches/mixes/mod.rs): when those moved, bench/classify-many.mjs stopped running, unnoticed, as no test
// ran it. This checks that the lists are found and that the mix is what the benchmarks say they measure.
import assert from "node:assert/strict";
import { test } from "node:test";
import { MIX_SOURCE, bookmarkMix, mixLists } from "../../bench/bookmark-mix.mjs";

test(`the bench's bookmark mix reads its lists from ${MIX_SOURCE}`, async () => {
  const { domains, words, keys } = await mixLists();
  assert.equal(domains.length, 40, "DOMAINS");
  assert.equal(words.length, 32, "WORDS");
  assert.equal(keys.length, 12, "KEYS");
});

test("the bench's bookmark mix is 10,000 URLs, about 5 % AWS URLs of the corpus, the rest web URLs of 40 to 150 characters", async () => {
  const { urls, fromCorpus } = await bookmarkMix();
  assert.equal(urls.length, 10000);
  assert.ok(fromCorpus >= 400 && fromCorpus <= 600, `${fromCorpus} URLs of the corpus`);
  const { domains } = await mixLists();
  const web = urls.filter((url) => domains.some((domain) => url.startsWith(`https://${domain}/`)));
  assert.equal(web.length, urls.length - fromCorpus, "every other URL is on one of the mix's domains");
  assert.deepEqual(web.filter((url) => url.length < 40 || url.length > 150), [], "web URLs outside 40 to 150 characters");
  // Generated from a fixed seed: the same mix on every run.
  assert.deepEqual((await bookmarkMix()).urls, urls);
});
