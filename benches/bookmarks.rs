//! `bookmarks check` and `bookmarks fix` on a generated 50,000-bookmark export.
//!
//! Goal (issue 4): checking a 50,000-bookmark export takes at most 100 ms.
//! Run: `cargo bench --bench bookmarks`.

use criterion::{criterion_group, criterion_main, Criterion};
use signin_guard::bookmarks::file;
use signin_guard::{check_file, fix_file, FixPolicy};
use std::hint::black_box;

/// Everyday URLs, most not AWS; one in 50 bookmarks is a planted bad AWS one.
const EVERYDAY: [&str; 8] = [
    "https://www.example.com/articles/{i}?utm_source=feed&amp;utm_medium=rss",
    "https://github.com/example/project-{i}/issues",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_{i}.html",
    "https://myalias.signin.aws.amazon.com/console",
    "https://d-1234567890.awsapps.com/start#/",
    "https://news.example.org/item?id={i}",
    "https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:",
    "https://mail.example.net/u/0/#inbox/{i}",
];

const BAD: [&str; 5] = [
    "https://signin.aws.amazon.com/oauth?response_type=code&amp;client_id=arn%3Aaws%3Asignin%3A%3A%3Aconsole%2Fcanvas&amp;redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com",
    "https://signin.aws.amazon.com/federation?Action=login&amp;SigninToken=abc{i}",
    "https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/console/home",
    "http://MyAlias.signin.aws.amazon.com/console/",
    "https://signin.aws-amazon.com/console",
];

/// A Firefox-style export: folders of 50 bookmarks, two levels deep.
fn export(count: usize) -> Vec<u8> {
    let mut out = String::from(
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=UTF-8\">\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks Menu</H1>\n\n<DL><p>\n",
    );
    for i in 0..count {
        if i % 50 == 0 {
            if i > 0 {
                out.push_str("        </DL><p>\n    </DL><p>\n");
            }
            out.push_str(&format!(
                "    <DT><H3 ADD_DATE=\"1700000000\" LAST_MODIFIED=\"1700000000\">Folder {i}</H3>\n    <DL><p>\n        <DT><H3>Sub</H3>\n        <DL><p>\n"
            ));
        }
        let template = if i % 50 == 49 {
            BAD[(i / 50) % BAD.len()]
        } else {
            EVERYDAY[i % EVERYDAY.len()]
        };
        let url = template.replace("{i}", &i.to_string());
        out.push_str(&format!(
            "            <DT><A HREF=\"{url}\" ADD_DATE=\"1700000000\" LAST_MODIFIED=\"1700000001\">Bookmark number {i} &amp; more</A>\n"
        ));
    }
    out.push_str("        </DL><p>\n    </DL><p>\n</DL>\n");
    out.into_bytes()
}

fn bookmarks(c: &mut Criterion) {
    let bytes = export(50_000);
    let mut group = c.benchmark_group("bookmarks_50k");
    group.sample_size(20);
    group.bench_function("parse", |b| {
        b.iter(|| file::parse(black_box(&bytes)).map(|f| f.bookmarks.len()))
    });
    group.bench_function("check_file", |b| b.iter(|| check_file(black_box(&bytes))));
    group.bench_function("fix_file", |b| {
        b.iter(|| fix_file(black_box(&bytes), &FixPolicy::default()))
    });
    group.finish();
}

criterion_group!(benches, bookmarks);
criterion_main!(benches);
