//! How fast `classify` is, per URL, on two mixes:
//!
//! - `classify/corpus`: every URL of the test corpus (`tests/data/urls.tsv`), which is nearly all
//!   AWS sign-in, console and lookalike URLs: the expensive paths.
//! - `classify/bookmark_mix`: 10,000 bookmark-like URLs, generated from a fixed seed: about 95%
//!   ordinary web URLs of 40 to 150 characters and 5% AWS URLs drawn from the corpus, which is what
//!   scanning someone's bookmarks looks like.
//!
//! Throughput is in elements, so criterion reports URLs per second; time per iteration divided by
//! the element count is the time per URL.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use signin_guard::classify;
use std::hint::black_box;

mod mixes;
use mixes::{bookmark_mix, corpus_aws_urls, corpus_urls};

fn classify_all<S: AsRef<str>>(urls: &[S]) {
    for url in urls {
        black_box(classify(black_box(url.as_ref())));
    }
}

/// The mix is what the doc comment says it is; checked once, before measuring.
fn assert_realistic(mix: &[String]) {
    let aws = corpus_aws_urls();
    let (from_corpus, web): (Vec<&String>, Vec<&String>) =
        mix.iter().partition(|url| aws.contains(&url.as_str()));
    assert!(
        (400..=600).contains(&from_corpus.len()),
        "{} AWS URLs in the bookmark mix",
        from_corpus.len()
    );
    assert!(web.iter().all(|url| (40..=150).contains(&url.len())));
}

fn benchmarks(c: &mut Criterion) {
    let corpus = corpus_urls();
    let bookmarks = bookmark_mix();
    assert_realistic(&bookmarks);
    let mut group = c.benchmark_group("classify");
    group.throughput(Throughput::Elements(corpus.len() as u64));
    group.bench_function("corpus", |b| b.iter(|| classify_all(&corpus)));
    group.throughput(Throughput::Elements(bookmarks.len() as u64));
    group.bench_function("bookmark_mix", |b| b.iter(|| classify_all(&bookmarks)));
    group.finish();
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
