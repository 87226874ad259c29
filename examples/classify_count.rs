//! Classifies one of the benchmark's URL mixes a given number of times, for instruction counts
//! that do not depend on the machine's load (wall-clock figures come from `benches/classify.rs`):
//!
//! `valgrind --tool=callgrind --toggle-collect='*classify_all*' target/release/examples/classify_count corpus 100`
//!
//! Arguments: `corpus` or `bookmark_mix`, then the number of rounds (default 100).

use signin_guard::classify;
use std::hint::black_box;

#[path = "../benches/mixes/mod.rs"]
#[allow(dead_code)]
mod mixes;

/// Every URL once; kept out of line so that callgrind can count it alone.
#[inline(never)]
fn classify_all(urls: &[&str], rounds: usize) {
    for _ in 0..rounds {
        for url in urls {
            black_box(classify(black_box(url)));
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mix = args.next().unwrap_or_else(|| "corpus".to_owned());
    let rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    let owned;
    let urls: Vec<&str> = match mix.as_str() {
        "corpus" => mixes::corpus_urls(),
        "bookmark_mix" => {
            owned = mixes::bookmark_mix();
            owned.iter().map(String::as_str).collect()
        }
        other => {
            eprintln!("unknown mix {other:?}: corpus or bookmark_mix");
            std::process::exit(2);
        }
    };
    classify_all(&urls, rounds);
    println!("{} URLs × {rounds}", urls.len());
}
