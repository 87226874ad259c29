//! The URL mixes that `classify` is measured on (`benches/classify.rs`, and
//! `examples/classify_count.rs` for instruction counts): the corpus, and a bookmark-like mix.

use std::fmt::Write;

const CORPUS: &str = include_str!("../../tests/data/urls.tsv");

/// The first column of every corpus row, the header left out.
pub fn corpus_urls() -> Vec<&'static str> {
    CORPUS
        .lines()
        .skip(1)
        .map(|row| row.split('\t').next().unwrap_or_default())
        .collect()
}

/// The corpus URLs that are AWS URLs (every kind but `unrelated`).
pub fn corpus_aws_urls() -> Vec<&'static str> {
    CORPUS
        .lines()
        .skip(1)
        .filter_map(|row| {
            let mut columns = row.split('\t');
            let url = columns.next()?;
            (columns.next()? != "unrelated").then_some(url)
        })
        .collect()
}

/// SplitMix64: a small, good-enough PRNG, so the mix is the same on every run and machine.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const DOMAINS: [&str; 40] = [
    "www.google.com",
    "mail.google.com",
    "docs.google.com",
    "drive.google.com",
    "calendar.google.com",
    "github.com",
    "gitlab.com",
    "stackoverflow.com",
    "en.wikipedia.org",
    "www.youtube.com",
    "news.ycombinator.com",
    "www.reddit.com",
    "x.com",
    "www.linkedin.com",
    "www.amazon.com",
    "www.amazon.co.uk",
    "www.nytimes.com",
    "www.bbc.co.uk",
    "medium.com",
    "dev.to",
    "docs.rs",
    "crates.io",
    "www.npmjs.com",
    "pypi.org",
    "developer.mozilla.org",
    "app.slack.com",
    "zoom.us",
    "outlook.office.com",
    "login.microsoftonline.com",
    "portal.azure.com",
    "console.cloud.google.com",
    "www.notion.so",
    "trello.com",
    "mycompany.atlassian.net",
    "www.figma.com",
    "www.dropbox.com",
    "vercel.com",
    "app.datadoghq.com",
    "grafana.internal.example.com",
    "wiki.example.org",
];

const WORDS: [&str; 32] = [
    "docs",
    "api",
    "v2",
    "search",
    "issues",
    "pull",
    "settings",
    "dashboard",
    "projects",
    "blob",
    "main",
    "src",
    "guide",
    "getting-started",
    "reference",
    "account",
    "billing",
    "watch",
    "article",
    "2024",
    "news",
    "user",
    "profile",
    "team",
    "reports",
    "overview",
    "en-US",
    "questions",
    "how-to-configure-a-reverse-proxy",
    "release-notes",
    "index.html",
    "wiki",
];

const KEYS: [&str; 12] = [
    "q",
    "id",
    "page",
    "ref",
    "utm_source",
    "utm_medium",
    "tab",
    "sort",
    "lang",
    "v",
    "filter",
    "region",
];

/// An ordinary web URL of 40 to 150 characters: host, one to four path segments, a query.
fn web_url(rng: &mut SplitMix64) -> String {
    let target = 40 + rng.below(111);
    let mut url = format!("https://{}", rng.pick(&DOMAINS));
    for _ in 0..1 + rng.below(4) {
        url.push('/');
        url.push_str(rng.pick(&WORDS));
        if rng.below(5) == 0 {
            let _ = write!(url, "/{}", rng.next() % 10_000_000);
        }
    }
    let mut separator = '?';
    while url.len() < target {
        let key = rng.pick(&KEYS);
        let _ = match rng.below(3) {
            0 => write!(url, "{separator}{key}={:x}", rng.next()),
            _ => write!(url, "{separator}{key}={}", rng.pick(&WORDS)),
        };
        separator = '&';
    }
    if rng.below(10) == 0 {
        url.push_str("#section-2");
    }
    url.truncate(150);
    url
}

/// 10,000 bookmark-like URLs: 5% AWS URLs from the corpus, the rest ordinary web URLs.
pub fn bookmark_mix() -> Vec<String> {
    let aws = corpus_aws_urls();
    let mut rng = SplitMix64(0x5167_6e49_6e47_7561);
    (0..10_000)
        .map(|_| {
            if rng.below(100) < 5 {
                rng.pick(&aws).to_owned()
            } else {
                web_url(&mut rng)
            }
        })
        .collect()
}
