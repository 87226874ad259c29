// The 10,000-URL bookmark mix that `classify` is measured on natively (benches/mixes/mod.rs, for
// `benches/classify.rs` and `examples/classify_count.rs`), generated here the same way for the in-browser
// benchmarks: the same generator and seed, the lists read from the Rust file so that the two mixes stay one
// (tests/e2e/bench-mix.test.mjs checks that they are found).

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "../tests/e2e/harness.mjs";

/** Where the native mix is made. */
export const MIX_SOURCE = "benches/mixes/mod.rs";

const MASK = (1n << 64n) - 1n;

/** SplitMix64, as in benches/mixes/mod.rs (BigInt for the 64-bit arithmetic). */
class SplitMix64 {
  constructor(seed) {
    this.state = seed;
  }
  next() {
    this.state = (this.state + 0x9e3779b97f4a7c15n) & MASK;
    let z = this.state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
    return z ^ (z >> 31n);
  }
  below(n) {
    return Number(this.next() % BigInt(n));
  }
  pick(items) {
    return items[this.below(items.length)];
  }
}

/** DOMAINS, WORDS and KEYS of the native mix, read from its source so that the two mixes stay one. */
export async function mixLists() {
  const source = await readFile(join(ROOT, MIX_SOURCE), "utf8");
  const list = (name) => {
    const body = source.match(new RegExp(`const ${name}: \\[&str; \\d+\\] = \\[([^\\]]*)\\]`))?.[1];
    if (!body) throw new Error(`${MIX_SOURCE}: no list ${name}`);
    return [...body.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  };
  return { domains: list("DOMAINS"), words: list("WORDS"), keys: list("KEYS") };
}

function webUrl(rng, { domains, words, keys }) {
  const target = 40 + rng.below(111);
  let url = `https://${rng.pick(domains)}`;
  for (let i = 1 + rng.below(4); i > 0; i -= 1) {
    url += `/${rng.pick(words)}`;
    if (rng.below(5) === 0) url += `/${rng.next() % 10000000n}`;
  }
  let separator = "?";
  while (url.length < target) {
    const key = rng.pick(keys);
    url += rng.below(3) === 0 ? `${separator}${key}=${rng.next().toString(16)}` : `${separator}${key}=${rng.pick(words)}`;
    separator = "&";
  }
  if (rng.below(10) === 0) url += "#section-2";
  return url.slice(0, 150);
}

/**
 * 10,000 bookmark-like URLs: 5 % AWS URLs of the corpus (tests/data/urls.tsv), the rest ordinary web URLs.
 * @returns {Promise<{urls: string[], fromCorpus: number}>}
 */
export async function bookmarkMix() {
  const corpus = await readFile(join(ROOT, "tests/data/urls.tsv"), "utf8");
  const aws = corpus
    .split("\n")
    .slice(1)
    .filter(Boolean)
    .map((row) => row.split("\t"))
    .filter((columns) => columns[1] !== "unrelated")
    .map((columns) => columns[0]);
  const lists = await mixLists();
  const rng = new SplitMix64(0x51676e496e477561n);
  const urls = [];
  for (let i = 0; i < 10000; i += 1) urls.push(rng.below(100) < 5 ? rng.pick(aws) : webUrl(rng, lists));
  const fromCorpus = urls.filter((url) => aws.includes(url)).length;
  if (fromCorpus < 400 || fromCorpus > 600) throw new Error(`${fromCorpus} AWS URLs in the bookmark mix`);
  return { urls, fromCorpus };
}
