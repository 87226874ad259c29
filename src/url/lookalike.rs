//! Hosts made to look like AWS sign-in or console hosts: userinfo and suffix tricks,
//! typosquats, homoglyphs, and customer content named like AWS.

use std::borrow::Cow;

// The AWS names come from the generated catalogue (`cargo xtask regions`).
use crate::aws::catalogue::{
    AWS_NAMES, AWS_OWNED, BRAND_WORDS, BRAND_WORDS_INSIDE, SERVICE_DOMAINS,
};

/// Words that, next to `aws` in a foreign host, make it look like a sign-in or console page.
const SIGNIN_WORDS: [&str; 6] = ["signin", "console", "login", "logon", "signon", "sso"];

/// Why a host is judged a lookalike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    /// The host the browser would really connect to.
    pub host: String,
    /// What gave it away.
    pub trick: Trick,
}

/// The kinds of imitation recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trick {
    /// An AWS name before an `@`: the browser ignores it and goes to the host after.
    Userinfo,
    /// An AWS host name inside a longer foreign host name.
    EmbeddedAwsName,
    /// Words like `signin`/`console` with `aws` on a foreign domain.
    AwsWords,
    /// A misspelling or look-alike characters of an AWS brand name.
    Typosquat,
    /// Customer content (an S3 website, an app host) named like AWS.
    CustomerContent,
    /// The URL's text shows an AWS host where a person reads the host, but the browser goes
    /// elsewhere (`https://login.example\@x.signin.aws.amazon.com/`: `\` is a path separator).
    ShownHost,
}

impl Finding {
    /// The warning sentence shown to people.
    pub fn message(&self) -> String {
        let how = match self.trick {
            Trick::Userinfo => "an AWS name placed before '@', which the browser ignores",
            Trick::EmbeddedAwsName => {
                "(part of) an AWS host name inside a host name that AWS does not own"
            }
            Trick::AwsWords => "AWS sign-in words on a domain that AWS does not own",
            Trick::Typosquat => "a misspelt or look-alike AWS domain name",
            Trick::CustomerContent => "customer-hosted content named like an AWS host",
            Trick::ShownHost => "an AWS host name in its text where the browser does not go",
        };
        // Built by pieces: `format!` costs a lookalike-heavy scan more than the judging does.
        [
            "Possible phishing: this page is on ",
            &self.host,
            ", not AWS; it imitates AWS with ",
            how,
            ". Do not enter your credentials here",
        ]
        .concat()
    }
}

/// Who serves a host, as far as the lookalike rules care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Standing<'h> {
    /// Amazon alone (so it cannot be a lookalike, whatever its labels).
    AwsOwned,
    /// Customer content under an AWS domain: the customer-chosen part.
    Customer(&'h str),
    /// Anyone else.
    Foreign,
}

/// `host`'s standing, worked out once for all the rules that need it (the suffix comparisons
/// are most of a lookalike's judging).
pub(crate) fn standing(host: &str) -> Standing<'_> {
    match customer_part(host) {
        Some(customer) => Standing::Customer(customer),
        None if under_aws_owned_domain(host) => Standing::AwsOwned,
        None => Standing::Foreign,
    }
}

/// Whether Amazon alone serves `host` (so it cannot be a lookalike, whatever its labels).
pub(crate) fn is_aws_owned(host: &str) -> bool {
    standing(host) == Standing::AwsOwned
}

fn under_aws_owned_domain(host: &str) -> bool {
    AWS_OWNED.iter().any(|d| ends_with_domain(host, d))
}

/// Judges a host that is not a known AWS sign-in, console or portal host, with the URL's
/// userinfo (`""` and `None` when it has none).
#[cfg(test)]
pub(crate) fn judge(username: &str, password: Option<&str>, host: &str) -> Option<Finding> {
    judge_standing(username, password, host, standing(host))
}

/// `judge` with the host's `standing` already worked out.
pub(crate) fn judge_standing(
    username: &str,
    password: Option<&str>,
    host: &str,
    standing: Standing<'_>,
) -> Option<Finding> {
    let has_userinfo = !username.is_empty() || password.is_some_and(|p| !p.is_empty());
    if has_userinfo && standing == Standing::Foreign {
        let userinfo = format!("{username}:{}", password.unwrap_or(""));
        let userinfo = escapes_as_written(&userinfo).to_ascii_lowercase();
        if looks_like_aws(&userinfo).is_some() || userinfo.contains("amazon") {
            return Some(Finding {
                host: host.to_owned(),
                trick: Trick::Userinfo,
            });
        }
    }
    judge_host_standing(host, standing)
}

/// The parser's userinfo with what it percent-encoded read back, so that an escape's hex digits never
/// join the letters around it (`https://[::mazon…@x.example/` shows no `amazon`, though its password
/// reads `%3Amazon…`; nor does a control character or a non-ASCII byte before `mazon`, `%1Amazon`,
/// `%8Amazon`). Punctuation and space read as the text wrote them (`[` for `%5B`); any other byte the
/// parser escapes (controls, non-ASCII) reads as U+FFFD, which is no letter. What the parser never
/// writes stays as the text wrote it: escapes of letters and digits, of tab, newline and carriage
/// return (which it removes), and anything but two upper-case hex digits after `%` (`%0amazon`,
/// `%+amazon`: the text's own `%`, which the parser leaves alone).
fn escapes_as_written(userinfo: &str) -> Cow<'_, str> {
    let bytes = userinfo.as_bytes();
    let parser_escape = |at: usize| {
        let hex = bytes.get(at + 1..at + 3)?;
        if !hex
            .iter()
            .all(|&b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
        {
            return None;
        }
        let byte = u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
        match byte {
            b'\t' | b'\n' | b'\r' => None,
            _ if byte.is_ascii_alphanumeric() => None,
            _ if byte.is_ascii_punctuation() || byte == b' ' => Some(char::from(byte)),
            _ => Some(char::REPLACEMENT_CHARACTER),
        }
    };
    if !bytes.contains(&b'%') {
        return Cow::Borrowed(userinfo);
    }
    let mut written = String::with_capacity(userinfo.len());
    let mut at = 0;
    while let Some(offset) = userinfo[at..].find('%') {
        let percent = at + offset;
        written.push_str(&userinfo[at..percent]);
        match parser_escape(percent) {
            Some(read) => {
                written.push(read);
                at = percent + 3;
            }
            None => {
                written.push('%');
                at = percent + 1;
            }
        }
    }
    written.push_str(&userinfo[at..]);
    Cow::Owned(written)
}

/// `judge` without the URL around the host (the userinfo is not looked at): for hosts that
/// `Url::parse` rejects (see `unicode_host`).
#[cfg(not(wake_package))]
pub(crate) fn judge_host(host: &str) -> Option<Finding> {
    judge_host_standing(host, standing(host))
}

fn judge_host_standing(host: &str, standing: Standing<'_>) -> Option<Finding> {
    let trick = match standing {
        Standing::Customer(customer) => looks_like_aws(customer).map(|_| Trick::CustomerContent),
        Standing::AwsOwned => None,
        Standing::Foreign => looks_like_aws(host),
    }?;
    Some(Finding {
        host: host.to_owned(),
        trick,
    })
}

/// The host a person reads in a URL's text, when the browser connects to another one: the text
/// after the last `@` of everything up to the first `/`, `?` or `#` (a backslash, which the parser
/// reads as `/`, does not end it to the eye). A lookalike when that shown host is AWS's.
pub(crate) fn judge_shown_host(input: &str, host: &str) -> Option<Finding> {
    let text = input.trim_start_matches(|c: char| c <= ' ');
    let (_, rest) = text.split_once("://")?;
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let (_, shown) = authority.rsplit_once('@')?;
    let shown = shown
        .split(':')
        .next()
        .unwrap_or(shown)
        .to_ascii_lowercase();
    let shown = shown.strip_suffix('.').unwrap_or(&shown);
    let aws = !shown.is_empty() && (is_aws_owned(shown) || embeds_aws_name(shown));
    (aws && shown != host).then(|| Finding {
        host: host.to_owned(),
        trick: Trick::ShownHost,
    })
}

/// For hosts where AWS serves customers' content under its own domain, the customer-chosen part.
fn customer_part(host: &str) -> Option<&str> {
    // The part in front of the label that starts at byte `at` (none when it is the first).
    let prefix_before = |at: usize| (at > 0).then(|| &host[..at - 1]);
    if ends_with_domain(host, "on.aws") {
        // Lambda function URLs and other customer endpoints.
        return prefix_before(host.len() - "on.aws".len());
    }
    // Buckets (`NAME.s3.amazonaws.com`, `NAME.s3-website-REGION.amazonaws.com`) and the public
    // names of API Gateway, load balancers and EC2 instances, under a botocore service domain.
    // The labels first: most hosts have none of these, and then no domain needs comparing.
    let at = service_label_start(host)?;
    if SERVICE_DOMAINS.iter().any(|d| ends_with_domain(host, d)) {
        return prefix_before(at);
    }
    None
}

/// Where the first label naming a service that serves customers' content starts: `s3`,
/// `s3-…`, `execute-api`, `elb`, `compute…`. One pass over the bytes, looking closer only
/// where a label starts with `s`, `e` or `c`.
fn service_label_start(host: &str) -> Option<usize> {
    let bytes = host.as_bytes();
    let whole_label = |at: usize, label: &[u8]| {
        bytes[at..].starts_with(label) && bytes.get(at + label.len()).is_none_or(|&b| b == b'.')
    };
    let mut at = 0;
    loop {
        let service = match bytes.get(at) {
            Some(b's') => whole_label(at, b"s3") || bytes[at..].starts_with(b"s3-"),
            Some(b'e') => whole_label(at, b"execute-api") || whole_label(at, b"elb"),
            Some(b'c') => bytes[at..].starts_with(b"compute"),
            _ => false,
        };
        if service {
            return Some(at);
        }
        at += memchr::memchr(b'.', &bytes[at..])? + 1;
    }
}

/// Whether a foreign host name (or a customer's part of one) is built to look like AWS.
fn looks_like_aws(name: &str) -> Option<Trick> {
    if embeds_aws_name(name) {
        return Some(Trick::EmbeddedAwsName);
    }
    let mut has_aws = false;
    let mut has_signin_word = false;
    let mut typosquat = false;
    // Decode punycode labels before splitting on hyphens, which punycode itself contains.
    for label in name.split('.') {
        let label = decode_label(label);
        for word in label.split('-').filter(|w| !w.is_empty()) {
            let skeleton = skeleton(word);
            let skeleton = skeleton.as_ref();
            has_aws |= skeleton == "aws";
            has_signin_word |= SIGNIN_WORDS.contains(&skeleton);
            typosquat |= (BRAND_WORDS.contains(&skeleton) && word != skeleton)
                || BRAND_WORDS_INSIDE.iter().any(|w| contains(skeleton, w));
        }
    }
    if has_aws && has_signin_word {
        return Some(Trick::AwsWords);
    }
    typosquat.then_some(Trick::Typosquat)
}

/// Whether one of `AWS_NAMES` appears in `text` starting at a label boundary (start, `.` or
/// `-`).
fn embeds_aws_name(text: &str) -> bool {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .filter(|&at| at == 0 || matches!(bytes[at - 1], b'.' | b'-'))
        .any(|at| {
            AWS_NAMES
                .iter()
                .any(|name| bytes[at..].starts_with(name.as_bytes()))
        })
}

/// `str::contains` for the short words here, without setting up a substring searcher.
fn contains(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

fn ends_with_domain(host: &str, domain: &str) -> bool {
    labels_under(host, domain).is_some()
}

/// The labels in front of `domain` in `host` (`""` when they are equal), if `host` is under it.
pub(crate) fn labels_under<'h>(host: &'h str, domain: &str) -> Option<&'h str> {
    let prefix_len = host.len().checked_sub(domain.len())?;
    let (prefix, tail) = host.as_bytes().split_at(prefix_len);
    // Compared from the end, in line: a host under another domain differs in its last labels,
    // mostly in the first bytes looked at.
    let same = tail
        .iter()
        .rev()
        .zip(domain.as_bytes().iter().rev())
        .all(|(a, b)| a == b);
    if !same {
        return None;
    }
    match prefix.split_last() {
        None => Some(""),
        Some((b'.', _)) => Some(&host[..prefix_len - 1]),
        Some(_) => None,
    }
}

/// Decodes a punycode word (`xn--amazn-uce` → `amazοn`), so homoglyphs can be compared.
fn decode_label(word: &str) -> Cow<'_, str> {
    word.strip_prefix("xn--")
        .and_then(idna::punycode::decode_to_string)
        .map_or(Cow::Borrowed(word), Cow::Owned)
}

/// Maps look-alike characters to the Latin letters they imitate (`0`→`o`, `rn`→`m`, Greek ο,
/// Cyrillic а…), so that `arnazon`, `amaz0n` and `amazοn` all read `amazon`.
fn skeleton(word: &str) -> Cow<'_, str> {
    // Most words have nothing to map: lowercase ASCII without `0135`, `rn` or `vv`.
    let bytes = word.as_bytes();
    let unchanged = bytes.iter().all(|b| {
        b.is_ascii() && !b.is_ascii_uppercase() && !matches!(b, b'0' | b'1' | b'3' | b'5')
    }) && !bytes.windows(2).any(|pair| pair == b"rn" || pair == b"vv");
    if unchanged {
        return Cow::Borrowed(word);
    }
    let mut mapped = String::with_capacity(word.len());
    for c in word.chars() {
        let c = match c {
            '0' | 'ο' | 'о' | 'օ' => 'o',
            '1' | 'ӏ' | 'ⅼ' => 'l',
            '3' | 'е' | 'ε' => 'e',
            '5' | 'ѕ' => 's',
            'а' | 'α' | 'ɑ' => 'a',
            'с' | 'ϲ' => 'c',
            'р' | 'ρ' => 'p',
            'і' | 'ı' | 'ι' => 'i',
            'ј' => 'j',
            'ԁ' => 'd',
            'ɡ' => 'g',
            'ո' => 'n',
            'м' => 'm',
            'ѡ' | 'ω' => 'w',
            'ν' => 'v',
            'х' | 'χ' => 'x',
            'у' => 'y',
            'ᴢ' => 'z',
            other => other.to_ascii_lowercase(),
        };
        // `rn` reads `m` and `vv` reads `w`, pairs taken from the left as they come (so
        // `rrn` is `rm` and `vvv` is `wv`).
        match (mapped.chars().next_back(), c) {
            (Some('r'), 'n') => {
                mapped.pop();
                mapped.push('m');
            }
            (Some('v'), 'v') => {
                mapped.pop();
                mapped.push('w');
            }
            _ => mapped.push(c),
        }
    }
    Cow::Owned(mapped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use url::Url;

    fn judged(url: &str) -> Option<Trick> {
        let url = Url::parse(url).ok()?;
        let host = url.host_str()?.to_owned();
        judge(url.username(), url.password(), &host).map(|f| f.trick)
    }

    /// The skeleton as first written: map every character, then replace `rn`, then `vv`.
    fn skeleton_by_replacing(word: &str) -> String {
        let mapped: String = word
            .chars()
            .map(|c| {
                skeleton(c.encode_utf8(&mut [0; 4]))
                    .chars()
                    .next()
                    .unwrap_or(c)
            })
            .collect();
        mapped.replace("rn", "m").replace("vv", "w")
    }

    proptest::proptest! {
        #[test]
        fn skeleton_replaces_pairs_as_str_replace_does(
            word in "([a-zA-Z0-9_]|rn|vv|RN|\\x{3bf}|\\x{430}|\\x{3bd}){0,12}"
        ) {
            proptest::prop_assert_eq!(skeleton(&word), skeleton_by_replacing(&word));
        }
    }

    /// `looks_like_aws` as first written, with a vector of words and one of skeletons.
    fn looks_like_aws_as_first_written(name: &str) -> Option<Trick> {
        let contains_name = |name: &str, aws: &str| {
            name.match_indices(aws).any(|(at, _)| {
                at == 0 || matches!(name.as_bytes().get(at - 1), Some(b'.') | Some(b'-'))
            })
        };
        if AWS_NAMES.iter().any(|aws| contains_name(name, aws)) {
            return Some(Trick::EmbeddedAwsName);
        }
        let words: Vec<String> = name
            .split('.')
            .map(|label| decode_label(label).into_owned())
            .flat_map(|label| {
                label
                    .split('-')
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect();
        let skeletons: Vec<String> = words.iter().map(|w| skeleton_by_replacing(w)).collect();
        let has_aws = skeletons.iter().any(|w| w == "aws");
        if has_aws && skeletons.iter().any(|w| SIGNIN_WORDS.contains(&w.as_str())) {
            return Some(Trick::AwsWords);
        }
        let typosquat = words
            .iter()
            .zip(&skeletons)
            .any(|(word, skel)| BRAND_WORDS.contains(&skel.as_str()) && word != skel);
        if typosquat
            || skeletons
                .iter()
                .any(|w| w.contains("amazonaws") || w.contains("awsapps"))
        {
            return Some(Trick::Typosquat);
        }
        None
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        #[test]
        fn looks_like_aws_reads_as_first_written(
            name in "(aws|amazon|amaz0n|arnazon|avvs|aw5|AWS|signin|console|sso|login|amazonaws|awsapps|xn--amazn-uce|xn--|apps|com|s3|s3-x|elb|execute-api|compute-1|on|[a-z0-9]{1,4}|\\x{3bf}|\\.|-|:|@|%){0,8}",
            domain in proptest::sample::select(vec!["", ".amazonaws.com", "amazonaws.com", ".amazonaws.com.cn", ".on.aws", "on.aws", ".s3.amazonaws.com"]),
        ) {
            let name = name + domain;
            proptest::prop_assert_eq!(looks_like_aws(&name), looks_like_aws_as_first_written(&name));
            let host = name.to_ascii_lowercase();
            proptest::prop_assert_eq!(customer_part(&host), customer_part_as_first_written(&host));
        }
    }

    /// `customer_part` as first written, with a vector of labels.
    fn customer_part_as_first_written(host: &str) -> Option<&str> {
        let labels: Vec<&str> = host.split('.').collect();
        let prefix_of = |index: usize| -> Option<&str> {
            let len: usize = labels[..index].iter().map(|l| l.len() + 1).sum();
            (len > 0).then(|| &host[..len - 1])
        };
        if ends_with_domain(host, "amazonaws.com") || ends_with_domain(host, "amazonaws.com.cn") {
            let service = labels.iter().position(|l| {
                *l == "s3"
                    || l.starts_with("s3-")
                    || *l == "execute-api"
                    || *l == "elb"
                    || l.starts_with("compute")
            })?;
            return prefix_of(service);
        }
        if ends_with_domain(host, "on.aws") {
            return prefix_of(labels.len() - 2);
        }
        None
    }

    #[test]
    fn look_alike_spellings_read_as_the_brand() {
        for (word, reads) in [
            ("arnaz0n", "amazon"),
            ("avvs", "aws"),
            ("rrn", "rm"),
            ("vvv", "wv"),
            ("AW5", "aws"),
            ("amaz\u{3bf}n", "amazon"),
            ("\u{3bd}v", "w"),
        ] {
            assert_eq!(skeleton(word), reads, "{word}");
        }
    }

    proptest::proptest! {
        /// Nobody outside AWS can serve a host under a domain AWS owns: whatever its labels (punycode,
        /// words like `signin-aws`, instance IDs of any letters), it is never a lookalike, unless it is
        /// customer content (a bucket or an API named by a customer), which `customer_part` carves out.
        #[test]
        fn no_host_under_an_aws_owned_domain_is_a_lookalike(
            labels in "((xn--[a-z0-9]{1,8}|signin|console|aws|amaz0n|ssoins-[a-z0-9]{16}|[a-z0-9]{1,10})(-[a-z0-9]{1,4})?\\.){1,3}",
            domain in proptest::sample::select(AWS_OWNED.to_vec()),
        ) {
            let host = format!("{labels}{domain}");
            let customer = host.split('.').any(|l| l == "s3" || l.starts_with("s3-") || l == "execute-api" || l == "elb" || l.starts_with("compute"));
            if !customer {
                let verdict = crate::url::classify::classify(&format!("https://{host}/console"));
                proptest::prop_assert_ne!(verdict.kind, crate::url::verdict::Kind::Lookalike, "{}", host);
            }
        }
    }

    #[test]
    fn a_url_whose_text_shows_an_aws_host_elsewhere_is_a_lookalike() {
        let finding = judge_shown_host(
            "https://login.example\\@myalias.signin.aws.amazon.com/console",
            "login.example",
        );
        assert_eq!(finding.map(|f| f.trick), Some(Trick::ShownHost));
        // No `@`, or the shown host is the real one, or not AWS's: nothing shown elsewhere.
        assert_eq!(
            judge_shown_host("https://login.example/console", "login.example"),
            None
        );
        assert_eq!(
            judge_shown_host("https://a.example\\@b.example/", "a.example"),
            None
        );
        assert_eq!(
            judge_shown_host("https://x@signin.aws.amazon.com/", "signin.aws.amazon.com"),
            None
        );
    }

    #[test]
    fn amazon_retail_is_not_a_lookalike() {
        assert_eq!(judged("https://www.amazon.de/"), None);
        assert_eq!(judged("https://www.amazon.co.uk/"), None);
    }

    #[test]
    fn ordinary_sites_are_not_lookalikes() {
        assert_eq!(judged("https://github.com/aws/aws-cli"), None);
        assert_eq!(judged("https://news.ycombinator.com/"), None);
    }

    #[test]
    fn userinfo_escapes_do_not_make_letters() {
        // The parser writes `[::mazonqws` as `%5B:%3Amazonqws`: no AWS name was written (found by
        // the classify fuzz target, where the quick scan, reading the text, said unrelated).
        assert_eq!(judge("%5B", Some("%3Amazonqws"), "x.cn"), None);
        assert_eq!(escapes_as_written("%5B:%3Amazon%20x%61"), "[::mazon x%61");
        // Nor a control character's or a non-ASCII byte's (`https://;:\u{1a}mazonqws@w`, the classify
        // fuzz target again).
        assert_eq!(judge("%3B", Some("%1Amazonqws"), "w"), None);
        assert_eq!(judge("x", Some("%C3%8Amazonqws"), "w"), None);
        assert_eq!(
            escapes_as_written("%1Amazon%8Amazon"),
            "\u{fffd}mazon\u{fffd}mazon"
        );
        // A `%` the parser did not write (it writes upper-case hex, and never escapes the tab,
        // newline and carriage return it removes) is the text's own: the name after it is seen.
        assert_eq!(
            escapes_as_written("%+amazon%0amazon%0Amazon"),
            "%+amazon%0amazon%0Amazon"
        );
        assert!(judge("x", Some("%+amazonqws"), "w").is_some());
        assert!(judge("x", Some("%0amazonqws"), "w").is_some());
        // What the text does write is still seen.
        assert!(judge("%5B", Some("%3Aamazonaws"), "x.cn").is_some());
    }

    #[test]
    fn userinfo_trick_is_caught() {
        assert_eq!(
            judged("https://signin.aws.amazon.com@evil.example/"),
            Some(Trick::Userinfo)
        );
    }

    #[test]
    fn homoglyph_punycode_is_a_typosquat() {
        assert_eq!(judged("https://xn--amazn-uce.com/"), Some(Trick::Typosquat));
    }

    #[test]
    fn s3_bucket_named_like_signin_is_customer_content() {
        assert_eq!(
            judged("https://signin.aws.amazon.com.s3.amazonaws.com/"),
            Some(Trick::CustomerContent)
        );
        assert!(!is_aws_owned("signin.aws.amazon.com.s3.amazonaws.com"));
        assert!(is_aws_owned("docs.aws.amazon.com"));
    }
}
