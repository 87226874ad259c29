//! The URL model: decides what an AWS sign-in or console URL is (spec: `url-model.md`).
//!
//! The URL is parsed as a browser parses it (WHATWG, by the `url` crate; the common plain form
//! is read as that parser would read it, by `simple_url`) and only the host the browser would
//! connect to, the path and top-level query parameters are judged, never the text.

use crate::aws::account::{Account, AccountId};
use crate::aws::partition::Partition;
use crate::aws::regions::Region;
use crate::url::cloudtrail;
use crate::url::links;
use crate::url::lookalike::{self, labels_under};
use crate::url::quick_reject;
use crate::url::redact::{redact, redact_after};
use crate::url::simple_url::{self, PlainParts};
#[cfg(not(wake_package))]
use crate::url::unicode_host;
use crate::url::verdict::{Kind, Verdict, Warning, WarningCode};
use std::borrow::Cow;
#[cfg(not(wake_package))]
use url::{Host, Url};

/// Classifies one URL, given as typed, bookmarked or seen in the address bar.
///
/// Never panics; text that is not an http(s) URL is `unrelated`.
#[cfg(not(wake_package))]
pub fn classify(input: &str) -> Verdict {
    classify_without_parser(input).unwrap_or_else(|| classify_fully(input))
}

/// Classifies one URL, in the wake package, which carries no WHATWG parser: a URL only the parser
/// reads makes the answer being worked out void (`deferral`), and the worker asks the extension
/// package instead; the verdict given meanwhile is a placeholder, never shown.
#[cfg(wake_package)]
pub fn classify(input: &str) -> Verdict {
    classify_without_parser(input).unwrap_or_else(|| {
        crate::url::deferral::note();
        unrelated(String::new())
    })
}

/// `classify`'s verdict where it needs no WHATWG parse: the quick scan knows the URL is unrelated,
/// or it is plain (`simple_url`); `None` when only the full reading (`classify_fully`) can tell.
pub(crate) fn classify_without_parser(input: &str) -> Option<Verdict> {
    let simple = simple_url::read(input);
    match quickly_unrelated(input, simple.as_ref()) {
        Some(Some(redact_from)) => return Some(unrelated(redact_after(input, redact_from))),
        Some(None) => return Some(unrelated(input.to_owned())),
        None => {}
    }
    let url = simple?;
    let parts = url.plain_parts()?;
    Some(judge(input, &WebUrl::from_plain(url.host, parts)))
}

/// The kind `classify` gives, without building the verdict where the quick scan already knows
/// the URL is unrelated (no redacted copy of the input): for scans of thousands of URLs.
pub fn classify_kind(input: &str) -> Kind {
    match quickly_unrelated(input, simple_url::read(input).as_ref()) {
        Some(_) => Kind::Unrelated,
        None => classify(input).kind,
    }
}

/// The quick scan, shared by `classify` and `classify_kind`: `Some` when it alone knows the URL
/// is unrelated, with where its redaction may start (`None`: the text needs none).
fn quickly_unrelated(
    input: &str,
    simple: Option<&simple_url::SimpleUrl<'_>>,
) -> Option<Option<usize>> {
    match simple {
        Some(url) => {
            // Every AWS host and every lookalike has one of the quick scan's pieces in its host;
            // without userinfo (a plain URL has none) nothing else of the URL can make it either.
            // A backslash right after the host reads, to a person, as more of the authority
            // (`https://login.example\@x.signin.aws.amazon.com/`): judged in full.
            let shows_more_host = input[url.authority_end..].starts_with('\\');
            (!quick_reject::host_may_be_aws(&url.host) && !shows_more_host)
                .then_some(Some(url.authority_end))
        }
        None => quick_reject::certainly_unrelated(input).then_some(None),
    }
}

/// The full reading: the WHATWG parse, without the shortcuts of `classify`.
#[cfg(not(wake_package))]
pub(crate) fn classify_fully(input: &str) -> Verdict {
    match parse_web_url(input) {
        Some(url) => judge(input, &url),
        None => {
            let mut verdict = unrelated(redact(input));
            // A non-ASCII host (see `unicode_host`) is still judged as a possible lookalike; a
            // non-ASCII spelling of a real AWS host reads as unrelated.
            let host = unicode_host::punycode_host(input);
            if let Some(finding) = host.and_then(|host| lookalike::judge_host(&host)) {
                lookalike_reading(finding).fill(&mut verdict);
            }
            verdict
        }
    }
}

/// The verdict on an http(s) URL, read either way.
fn judge(input: &str, url: &WebUrl<'_>) -> Verdict {
    let mut verdict = unrelated(redact(input));
    let Some(host) = url.domain() else {
        return verdict;
    };
    // "signin.aws.amazon.com." (a fully qualified name) reaches the same server.
    let host = host.strip_suffix('.').unwrap_or(host);
    let reading = read_aws_host(url, host, input).or_else(|| {
        let standing = lookalike::standing(host);
        if standing == lookalike::Standing::AwsOwned {
            // AWS's, but not a sign-in or console host (documentation, marketing, unknown forms).
            return Some(Reading::new(Kind::Unrelated, None));
        }
        let (username, password) = url.userinfo();
        lookalike::judge_standing(username, password, host, standing)
            .or_else(|| lookalike::judge_shown_host(input, host))
            .map(lookalike_reading)
    });
    if let Some(reading) = reading {
        reading.fill(&mut verdict);
    }
    verdict
}

/// The verdict for text that is no AWS URL; `input` is already redacted.
fn unrelated(input: String) -> Verdict {
    Verdict {
        input,
        kind: Kind::Unrelated,
        partition: None,
        account: None,
        region: None,
        canonical: None,
        bookmark_safe: None,
        cloudtrail: None,
        warnings: Vec::new(),
    }
}

/// A URL as the browser reads it, with its query and fragment kept as text: host, userinfo and
/// path come from a WHATWG parse of the part before them (all the parser needs for those), so a
/// long sign-in query is not re-encoded only to be decoded again; or, for a plain URL, straight
/// from the text (`simple_url`).
struct WebUrl<'a> {
    head: Head<'a>,
    query: Option<Cow<'a, str>>,
    fragment: Option<Cow<'a, str>>,
}

/// Where host, userinfo and path come from.
enum Head<'a> {
    #[cfg(not(wake_package))]
    Parsed(Url),
    /// A plain URL: a domain host (lowercase) and path read as the parser would, no userinfo.
    Plain { host: Cow<'a, str>, path: &'a str },
}

impl<'a> WebUrl<'a> {
    fn from_plain(host: Cow<'a, str>, parts: PlainParts<'a>) -> WebUrl<'a> {
        WebUrl {
            head: Head::Plain {
                host,
                path: parts.path,
            },
            query: parts.query.map(Cow::Borrowed),
            fragment: parts.fragment.map(Cow::Borrowed),
        }
    }

    /// The host if it is a domain name (not an IP address).
    fn domain(&self) -> Option<&str> {
        match &self.head {
            #[cfg(not(wake_package))]
            Head::Parsed(url) => match url.host()? {
                Host::Domain(domain) => Some(domain),
                _ => None,
            },
            Head::Plain { host, .. } => Some(host),
        }
    }

    /// Username and password, as the parser gives them (`""` and `None` when absent).
    fn userinfo(&self) -> (&str, Option<&str>) {
        match &self.head {
            #[cfg(not(wake_package))]
            Head::Parsed(url) => (url.username(), url.password()),
            Head::Plain { .. } => ("", None),
        }
    }

    fn path(&self) -> &str {
        match &self.head {
            #[cfg(not(wake_package))]
            Head::Parsed(url) => url.path(),
            Head::Plain { path, .. } => path,
        }
    }

    #[cfg(test)]
    fn query_pairs(&self) -> url::form_urlencoded::Parse<'_> {
        url::form_urlencoded::parse(self.query.as_deref().unwrap_or("").as_bytes())
    }

    fn fragment(&self) -> Option<&str> {
        self.fragment.as_deref()
    }
}

/// Parses http and https URLs; everything else (other schemes, bare text) is not ours to judge.
#[cfg(not(wake_package))]
fn parse_web_url(input: &str) -> Option<WebUrl<'_>> {
    // The parser trims C0 controls and spaces, and drops tabs and newlines anywhere; with the
    // latter, only the whole parse is sure to agree with the browser.
    let text = input.trim_matches(|c: char| c <= ' ');
    let head_end = text.find(['?', '#']).unwrap_or(text.len());
    // A head ending in spaces would lose them to trimming, unlike in the whole URL.
    let whole_parse =
        text.contains(['\t', '\n', '\r']) || text[..head_end].ends_with(|c: char| c <= ' ');
    let (head, query, fragment) = if whole_parse {
        let full = Url::parse(text).ok()?;
        let query = full.query().map(|q| Cow::Owned(q.to_owned()));
        let fragment = full.fragment().map(|f| Cow::Owned(f.to_owned()));
        (full, query, fragment)
    } else {
        let (query, fragment) = match text[head_end..].split_once('#') {
            Some((query, fragment)) => (query, Some(Cow::Borrowed(fragment))),
            None => (&text[head_end..], None),
        };
        let head = Url::parse(&text[..head_end]).ok()?;
        (head, query.strip_prefix('?').map(Cow::Borrowed), fragment)
    };
    matches!(head.scheme(), "http" | "https").then_some(WebUrl {
        head: Head::Parsed(head),
        query,
        fragment,
    })
}

/// What was read from a URL before it becomes a `Verdict`.
struct Reading {
    kind: Kind,
    partition: Option<Partition>,
    account: Option<Account>,
    region: Option<Region>,
    /// Whether `account` is the one signed in to (so the canonical URL is offered).
    signs_in_to_account: bool,
    bookmark_safe: bool,
    cloudtrail: Option<cloudtrail::CloudTrail>,
    warnings: Vec<Warning>,
}

impl Reading {
    fn new(kind: Kind, partition: Option<Partition>) -> Reading {
        Reading {
            kind,
            partition,
            account: None,
            region: None,
            signs_in_to_account: false,
            bookmark_safe: !matches!(
                kind,
                Kind::SigninRedirect | Kind::FederationToken | Kind::Lookalike
            ),
            cloudtrail: None,
            warnings: Vec::new(),
        }
    }

    fn warn(&mut self, code: WarningCode, message: String) {
        self.warnings.push(Warning { code, message });
    }

    fn fill(self, verdict: &mut Verdict) {
        verdict.kind = self.kind;
        verdict.partition = self.partition;
        verdict.canonical = match (&self.account, self.partition) {
            (Some(account), Some(partition)) if self.signs_in_to_account => {
                Some(links::canonical_url(account, partition))
            }
            _ => None,
        };
        verdict.account = self.account;
        verdict.region = self.region;
        verdict.bookmark_safe = (self.kind != Kind::Unrelated).then_some(self.bookmark_safe);
        verdict.cloudtrail = self.cloudtrail;
        verdict.warnings = self.warnings;
    }
}

fn lookalike_reading(finding: lookalike::Finding) -> Reading {
    let mut reading = Reading::new(Kind::Lookalike, None);
    reading.warn(WarningCode::Lookalike, finding.message());
    reading
}

/// Reads a host that AWS serves: sign-in, console and access portal hosts of every partition.
/// `None` for any other host (`judge` looks at whether AWS owns it).
fn read_aws_host(url: &WebUrl<'_>, host: &str, input: &str) -> Option<Reading> {
    for &partition in Partition::ALL {
        if let Some(prefix) = labels_under(host, partition.signin_domain()) {
            return Some(if partition.has_console() {
                read_signin_host(url, partition, prefix, input)
            } else {
                read_isolated_signin_host(partition, prefix)
            });
        }
        if let Some(prefix) = partition
            .console_domain()
            .and_then(|domain| labels_under(host, domain))
        {
            return Some(read_console_host(url, partition, prefix));
        }
    }
    read_identity_center_host(url, host)
}

/// `signin.DOMAIN`, `REGION.signin.DOMAIN` and `ACCOUNT.signin.DOMAIN`.
fn read_signin_host(url: &WebUrl<'_>, partition: Partition, prefix: &str, input: &str) -> Reading {
    let path = url.path();
    let federation = path == "/federation" || path.starts_with("/federation/");
    if prefix.contains('.') {
        // The wildcard certificate covers one label: two labels is no form AWS serves.
        return Reading::new(Kind::Unrelated, None);
    }
    let host_region = (!prefix.is_empty())
        .then(|| Region::find_in(prefix, partition))
        .flatten();
    let mut reading = if federation {
        let mut reading = Reading::new(Kind::FederationToken, Some(partition));
        reading.warn(
            WarningCode::FederationToken,
            "This federation URL carries a one-time sign-in token or temporary credentials: it is a \
             secret, it expires, and it must not be bookmarked or shared"
                .to_owned(),
        );
        reading
    } else if prefix.is_empty() {
        read_global_signin_path(url, partition, path)
    } else if host_region.is_some() {
        captured_redirect(partition)
    } else {
        Reading::new(Kind::AccountSignin, Some(partition))
    };
    reading.region = host_region.or_else(|| query_region(url, partition, &mut reading));
    if prefix.is_empty() || host_region.is_some() {
        return reading;
    }
    // An account sign-in host: the label names the account.
    match account_from_label(prefix) {
        Ok(account) => {
            reading.account = Some(account);
            if reading.kind == Kind::AccountSignin {
                reading.signs_in_to_account = true;
                reading.cloudtrail =
                    Some(cloudtrail::predict(console_service(path), reading.region));
                if let Some(region) = reading.region.filter(|r| r.opt_in()) {
                    reading.warn(
                        WarningCode::OptInRegion,
                        format!(
                            "{} ({}) is an opt-in region: sign-in there fails unless the account has enabled it",
                            region.code(),
                            region.name()
                        ),
                    );
                }
                if !is_canonical_form(input, reading.account.as_ref(), partition, reading.region) {
                    reading.warn(
                        WarningCode::NotCanonical,
                        "This is the account's sign-in page, but not in its canonical form; \
                         bookmark the canonical URL instead"
                            .to_owned(),
                    );
                }
            }
        }
        Err(reason) => reading.warn(
            WarningCode::InvalidAccountLabel,
            format!(
                "{prefix:?} is neither a 12-digit account ID nor a valid account alias: {reason}"
            ),
        ),
    }
    reading
}

/// A sign-in host of an isolated partition: `REGION.signin.DOMAIN` is a regional sign-in endpoint,
/// `ACCOUNT.signin.DOMAIN` an account's sign-in host; nothing more is claimed (no general sign-in,
/// no canonical URL, no CloudTrail prediction), so everything else there reads as unrelated.
fn read_isolated_signin_host(partition: Partition, prefix: &str) -> Reading {
    if prefix.is_empty() || prefix.contains('.') {
        return Reading::new(Kind::Unrelated, None);
    }
    if let Some(region) = Region::find_in(prefix, partition) {
        let mut reading = captured_redirect(partition);
        reading.region = Some(region);
        return reading;
    }
    let mut reading = Reading::new(Kind::AccountSignin, Some(partition));
    match account_from_label(prefix) {
        Ok(account) => reading.account = Some(account),
        Err(reason) => reading.warn(
            WarningCode::InvalidAccountLabel,
            format!(
                "{prefix:?} is neither a 12-digit account ID nor a valid account alias: {reason}"
            ),
        ),
    }
    reading
}

/// Paths of the global `signin.DOMAIN` host, which has no account in its name.
fn read_global_signin_path(url: &WebUrl<'_>, partition: Partition, path: &str) -> Reading {
    match path {
        "/console" | "/console/" => Reading::new(Kind::GeneralSignin, Some(partition)),
        "/switchrole" | "/switchrole/" => {
            let mut reading = Reading::new(Kind::SwitchRole, Some(partition));
            // The target of the role switch, not the account signed in to: no canonical URL.
            reading.account = query_value(url, "account").and_then(|a| account_from_label(&a).ok());
            reading
        }
        _ => captured_redirect(partition),
    }
}

fn captured_redirect(partition: Partition) -> Reading {
    let mut reading = Reading::new(Kind::SigninRedirect, Some(partition));
    reading.warn(
        WarningCode::CapturedRedirect,
        "This is a page of the sign-in flow, not your account's sign-in URL; a bookmark of it breaks"
            .to_owned(),
    );
    reading
}

/// `console.DOMAIN`, `REGION.console.DOMAIN`, `SERVICE.console.DOMAIN` and the multi-session
/// `ACCOUNTID-XXXXXXXX.REGION.console.aws.amazon.com`.
fn read_console_host(url: &WebUrl<'_>, partition: Partition, prefix: &str) -> Reading {
    let labels: Vec<&str> = if prefix.is_empty() {
        Vec::new()
    } else {
        prefix.split('.').collect()
    };
    match labels.as_slice() {
        [] => {
            let kind = if matches!(url.path(), "/" | "/console/home" | "/console/home/") {
                Kind::GeneralSignin
            } else {
                Kind::ConsolePage
            };
            let mut reading = Reading::new(kind, Some(partition));
            reading.region = query_region(url, partition, &mut reading);
            reading
        }
        [label] => {
            let mut reading = Reading::new(Kind::ConsolePage, Some(partition));
            reading.region = Region::find_in(label, partition)
                .or_else(|| query_region(url, partition, &mut reading));
            reading
        }
        [session, region] if partition == Partition::Aws => {
            let (Some(account), Some(region)) = (
                multi_session_account(session),
                Region::find_in(region, partition),
            ) else {
                return Reading::new(Kind::Unrelated, None);
            };
            let mut reading = Reading::new(Kind::ConsolePage, Some(partition));
            reading.account = Some(Account::Id(account));
            reading.region = Some(region);
            reading.signs_in_to_account = true;
            reading.bookmark_safe = false;
            reading.warn(
                WarningCode::MultiSession,
                "This console link belongs to one multi-session sign-in and stops working when that \
                 session ends; bookmark the account's sign-in URL instead"
                    .to_owned(),
            );
            reading
        }
        _ => Reading::new(Kind::Unrelated, None),
    }
}

/// `ACCOUNTID-XXXXXXXX`: the account ID of a multi-session console host label.
fn multi_session_account(label: &str) -> Option<AccountId> {
    let (id, session) = label.split_once('-')?;
    let session_ok = session.len() == 8
        && session
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    session_ok.then(|| AccountId::parse(id).ok()).flatten()
}

/// IAM Identity Center: access portals and the `REGION.signin.aws` sign-in pages.
fn read_identity_center_host(url: &WebUrl<'_>, host: &str) -> Option<Reading> {
    if let Some(label) = labels_under(host, "signin.aws") {
        let region = Region::find(label)?;
        let mut reading = captured_redirect(region.partition());
        reading.region = Some(region);
        return Some(reading);
    }
    let (partition, region) = access_portal_host(host, url.path())?;
    let partition = region.map_or(partition, Region::partition);
    let mut reading = Reading::new(Kind::AccessPortal, Some(partition));
    // A shortcut link lands on its `destination`: a console URL of the portal's partition gives
    // the region (so a region-pinned shortcut reads back with it).
    reading.region = region.or_else(|| shortcut_region(url, partition));
    // A shortcut link names the account to open (a target, like switch_role): no canonical URL.
    reading.account = shortcut_account(url);
    Some(reading)
}

/// The region of a portal shortcut's `destination`, when that is a console URL of `partition`.
fn shortcut_region(url: &WebUrl<'_>, partition: Partition) -> Option<Region> {
    let destination = shortcut_parameter(url, "destination")?;
    // `classify` gives `classify_fully`'s verdict (its tests say so), mostly without the parse.
    let verdict = classify(&destination);
    let console = matches!(verdict.kind, Kind::ConsolePage | Kind::GeneralSignin);
    (console && verdict.partition == Some(partition))
        .then_some(verdict.region)
        .flatten()
}

/// Recognises the access portal host forms; returns the partition and any region in the host.
fn access_portal_host(host: &str, path: &str) -> Option<(Partition, Option<Region>)> {
    let starts_portal = path == "/start" || path.starts_with("/start/");
    let directory = path.starts_with("/directory/");
    if let Some(label) = labels_under(host, "awsapps.com") {
        if label == "start.us-gov-home" && directory {
            return Some((Partition::AwsUsGov, None));
        }
        return (is_host_label(label) && starts_portal).then_some((Partition::Aws, None));
    }
    if let Some(prefix) = labels_under(host, "awsapps.cn") {
        if let ["start", region, "home"] = prefix.split('.').collect::<Vec<_>>().as_slice() {
            let region = Region::find(region)?;
            return directory.then_some((Partition::AwsCn, Some(region)));
        }
        return (is_host_label(prefix) && starts_portal).then_some((Partition::AwsCn, None));
    }
    // ssoins-<hex>.portal.REGION.app.aws and its China twin, ssoins-<hex>.REGION.portal.amazonaws.com(.cn).
    let (instance, rest) = host.split_once('.')?;
    // AWS documents 16 hex digits, yet its own examples use other letters too: under AWS's own
    // domains, accept any instance ID AWS could issue rather than call a real portal phishing.
    let id = instance.strip_prefix("ssoins-")?;
    if id.is_empty()
        || id.len() > 32
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return None;
    }
    let labels: Vec<&str> = rest.split('.').collect();
    let (region, partition) = match labels.as_slice() {
        ["portal", region, "app", "aws"] => (*region, Partition::Aws),
        ["portal", region, "app", "amazonwebservices", "com", "cn"] => (*region, Partition::AwsCn),
        [region, "portal", "amazonaws", "com"] => (*region, Partition::Aws),
        [region, "portal", "amazonaws", "com", "cn"] => (*region, Partition::AwsCn),
        _ => return None,
    };
    Some((partition, Some(Region::find(region)?)))
}

/// A portal shortcut link's `#/console?account_id=…`.
fn shortcut_account(url: &WebUrl<'_>) -> Option<Account> {
    let value = shortcut_parameter(url, "account_id")?;
    AccountId::parse(&value).ok().map(Account::Id)
}

/// A parameter of a portal shortcut link's fragment (`#/console?account_id=…&destination=…`), decoded.
fn shortcut_parameter(url: &WebUrl<'_>, name: &str) -> Option<String> {
    let fragment = url.fragment()?;
    let (_, query) = fragment.split_once('?')?;
    first_value(query, name)
}

fn is_host_label(label: &str) -> bool {
    !label.is_empty()
        && !label.contains('.')
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// An account label from a host or a parameter: a 12-digit ID or else an alias.
fn account_from_label(label: &str) -> Result<Account, crate::aws::account::AccountError> {
    Account::parse(label)
}

/// The first top-level query parameter with this name, decoded.
fn query_value(url: &WebUrl<'_>, name: &str) -> Option<String> {
    first_value(url.query.as_deref()?, name)
}

/// The first value of `name` in a query string, decoded as `form_urlencoded::parse` decodes.
fn first_value(query: &str, name: &str) -> Option<String> {
    let query = query.as_bytes();
    // As `form_urlencoded::parse` splits, but decoding only the pairs whose key may be `name`:
    // a key without `%` or `+` decodes to itself.
    query.split(|&b| b == b'&').find_map(|pair| {
        let key = pair.split(|&b| b == b'=').next().unwrap_or(pair);
        if key != name.as_bytes() && !key.iter().any(|&b| b == b'%' || b == b'+') {
            return None;
        }
        let (key, value) = url::form_urlencoded::parse(pair).next()?;
        (key == name).then(|| value.into_owned())
    })
}

/// A top-level `region=` of this partition; anything else is reported and ignored.
fn query_region(url: &WebUrl<'_>, partition: Partition, reading: &mut Reading) -> Option<Region> {
    let value = query_value(url, "region")?;
    if value.is_empty() {
        return None;
    }
    match Region::find(&value) {
        Some(region) if region.partition() == partition => Some(region),
        Some(region) => {
            reading.warn(
                WarningCode::UnknownRegion,
                format!(
                    "region={} is a region of {}, not of this {} host: AWS ignores it",
                    region.code(),
                    region.partition(),
                    partition
                ),
            );
            None
        }
        None => {
            reading.warn(
                WarningCode::UnknownRegion,
                format!("region={value} is not a region of {partition}: AWS ignores it"),
            );
            None
        }
    }
}

/// `/console/SERVICE`: the console the sign-in continues to (`s3`), if any.
fn console_service(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("/console/")?;
    let service = rest.split('/').next().unwrap_or("");
    (!service.is_empty()).then_some(service)
}

/// Whether the text, as typed, is exactly the canonical URL, optionally with a console service
/// path and a region pin: anything else (http, capitals, a port, a trailing slash, other query
/// parameters, a fragment) is worth normalising in a bookmark.
fn is_canonical_form(
    input: &str,
    account: Option<&Account>,
    partition: Partition,
    region: Option<Region>,
) -> bool {
    let Some(account) = account else {
        return false;
    };
    let canonical = links::canonical_url(account, partition);
    let Some(rest) = input.trim().strip_prefix(canonical.as_str()) else {
        return false;
    };
    let (path, query) = match rest.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (rest, None),
    };
    let service_ok = path.is_empty()
        || path.strip_prefix('/').is_some_and(|service| {
            !service.is_empty()
                && service
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        });
    let query_ok = match (query, region) {
        (None, _) => true,
        (Some(query), Some(region)) => query.strip_prefix("region=") == Some(region.code()),
        (Some(_), None) => false,
    };
    service_ok && query_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn quick_rejection_agrees_with_the_full_reading(
            text in "(https?://)?([a-z0-9%@:.-]|aw|am|az|xn|-s|[?#&=]){0,30}(/[a-zA-Z0-9%?#&=.]{0,20})?"
        ) {
            if quick_reject::certainly_unrelated(&text) {
                let full = classify_fully(&text);
                proptest::prop_assert_eq!(full.kind, Kind::Unrelated);
                proptest::prop_assert_eq!(full.input, text);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn split_parse_reads_what_the_whole_parse_reads(
            text in "https?://([a-zA-Z0-9@:.%-]|\\?|#|&|=|/|\\\\| |\t){0,40}"
        ) {
            if let (Some(split), Ok(whole)) = (parse_web_url(&text), Url::parse(&text)) {
                let Head::Parsed(head) = &split.head else {
                    unreachable!("parse_web_url always parses");
                };
                proptest::prop_assert_eq!(head.host_str(), whole.host_str());
                proptest::prop_assert_eq!(head.username(), whole.username());
                proptest::prop_assert_eq!(split.path(), whole.path());
                let pairs: Vec<_> = split.query_pairs().collect();
                let whole_pairs: Vec<_> = whole.query_pairs().collect();
                proptest::prop_assert_eq!(pairs, whole_pairs);
            }
        }
    }

    /// Mostly one of `common`, now and then one of `odd`.
    fn usually(
        common: &[&'static str],
        odd: &[&'static str],
    ) -> impl proptest::strategy::Strategy<Value = &'static str> {
        use proptest::prelude::*;
        prop_oneof![
            6 => proptest::sample::select(common.to_vec()),
            1 => proptest::sample::select(odd.to_vec()),
        ]
    }

    /// URLs built from pieces of AWS hosts and lookalike spellings, and now and then what
    /// makes the parser change a URL: userinfo, ports, escapes, capitals, trailing dots, IDNA,
    /// dot segments, backslashes, spaces, tabs.
    fn generated_url() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let label = usually(
            &[
                "amazon",
                "aws",
                "signin",
                "console",
                "amaz0n",
                "arnazon",
                "avvs",
                "aw5",
                "s3",
                "s3-website-us-east-1",
                "execute-api",
                "compute-1",
                "us-east-2",
                "eu-central-2",
                "cn-north-1",
                "us-gov-west-1",
                "123456789012",
                "123456789012-abcd1234",
                "myalias",
                "my-alias",
                "com",
                "cn",
                "co",
                "amazonaws",
                "amazonaws-us-gov",
                "amazonwebservices",
                "awsapps",
                "app",
                "portal",
                "home",
                "ssoins-1234abcd",
                "start",
                "us-gov-home",
                "d-1234567890",
                "evil",
                "example",
                "on",
                "www",
                "docs",
                "login",
                "sso",
                "session",
                "aws-signin",
                "signin-aws",
            ],
            &[
                "AWS",
                "Amazon",
                "SignIn",
                "My-Alias",
                "my--alias",
                "my_alias",
                "xn--amazn-uce",
                "xn--signn-q2e",
                "XN--AMAZN-UCE",
                "-",
                "_",
                "0x1f",
                "54",
                "%61",
                "%2e",
                "am%61zon",
                "amaz\u{3bf}n",
                "\u{e4}",
                "",
            ],
        );
        let labels = proptest::collection::vec(label, 0..4).prop_map(|labels| labels.join("."));
        (
            usually(
                &["https://", "http://"],
                &[
                    "HTTPS://",
                    "hTTp://",
                    "https:/",
                    "https:///",
                    "https:\\\\",
                    " https://",
                    "ftp://",
                    "",
                ],
            ),
            usually(
                &[""],
                &[
                    "user@",
                    "signin.aws.amazon.com@",
                    "a:b@",
                    "amazon:@",
                    ":aws@",
                    "x@y@",
                ],
            ),
            labels,
            usually(
                &[
                    "",
                    "amazon.com",
                    "aws.amazon.com",
                    "signin.aws.amazon.com",
                    "console.aws.amazon.com",
                    "signin.amazonaws.cn",
                    "console.amazonaws-us-gov.com",
                    "awsapps.com",
                    "app.aws",
                    "signin.aws",
                    "amazonaws.com",
                    "on.aws",
                    "com",
                    "amazon.co.uk",
                ],
                &[
                    ".",
                    "..",
                    "signin.aws.amazon.com.",
                    "SIGNIN.AWS.AMAZON.COM",
                    "amazon.com.evil.example",
                    "-evil.example",
                ],
            ),
            usually(&["", ""], &[":443", ":", ":99999", ":0000443", ":8x"]),
            usually(
                &[
                    "",
                    "/",
                    "/console",
                    "/console/",
                    "/console/s3",
                    "/console/home",
                    "/federation",
                    "/switchrole",
                    "/start",
                    "/start/",
                    "/directory/d-1",
                    "/oauth",
                    "/dp/B0",
                ],
                &[
                    "/federation/x",
                    "/a/../console",
                    "/%2e/console",
                    "/%2E%2E/console",
                    "\\console",
                    "/\u{e4}",
                    "/a b",
                    "/a|b",
                    "/CONSOLE",
                    "/console\t",
                    "/sign\nin",
                ],
            ),
            usually(
                &[
                    "",
                    "?region=us-east-2",
                    "?region=cn-north-1",
                    "?account=123456789012&roleName=x",
                    "?x=1&SigninToken=secret",
                    "?Session=abc&x=1",
                    "?tag=x",
                ],
                &[
                    "?region=",
                    "?next=https%3A%2F%2Fx%2F%3FX-Amz-Signature%3Dsig",
                    "?region=us-east-2&region=eu-west-1",
                    "?a=%zz",
                    "?region=US-EAST-2",
                ],
            ),
            usually(
                &["", "#/console?account_id=123456789012"],
                &["#", "#x?region=us-east-2", "#&session=s"],
            ),
            usually(&[""], &[" ", "\u{1}"]),
        )
            .prop_map(
                |(scheme, userinfo, labels, domain, port, path, query, fragment, end)| {
                    let dot = if labels.is_empty() || domain.is_empty() {
                        ""
                    } else {
                        "."
                    };
                    format!(
                        "{scheme}{userinfo}{labels}{dot}{domain}{port}{path}{query}{fragment}{end}"
                    )
                },
            )
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn shortcuts_agree_with_the_full_reading(text in generated_url()) {
            let full = classify_fully(&text);
            proptest::prop_assert_eq!(classify_kind(&text), full.kind, "{:?}", text);
            proptest::prop_assert_eq!(classify(&text), full, "{:?}", text);
        }
    }

    #[test]
    fn shortcuts_agree_on_the_corpus() {
        for line in include_str!("../../tests/data/urls.tsv").lines().skip(1) {
            let url = line.split('\t').next().unwrap_or("");
            let full = classify_fully(url);
            assert_eq!(classify_kind(url), full.kind, "{url:?}");
            assert_eq!(classify(url), full, "{url:?}");
        }
    }

    /// What the wake package decides without the parser: the full reading's verdict, or nothing
    /// (the answer is void and the extension package is asked), and nothing only for a URL that
    /// is neither plain nor unrelated to the quick scan.
    fn assert_wake_agrees(text: &str) {
        let without_parser = classify_without_parser(text);
        let simple = simple_url::read(text);
        let plain = simple
            .as_ref()
            .is_some_and(|url| url.plain_parts().is_some());
        let full = classify_fully(text);
        match without_parser {
            Some(verdict) => assert_eq!(verdict, full, "{text:?}"),
            None => {
                assert!(!plain, "{text:?} is plain, yet left to the parser");
                assert!(
                    quickly_unrelated(text, simple.as_ref()).is_none(),
                    "{text:?} is unrelated to the quick scan, yet left to the parser"
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn the_wake_package_gives_the_full_verdict_or_asks_for_it(text in generated_url()) {
            assert_wake_agrees(&text);
        }
    }

    #[test]
    fn the_wake_package_gives_every_corpus_verdict_or_asks_for_it() {
        let mut asked = Vec::new();
        for line in include_str!("../../tests/data/urls.tsv").lines().skip(1) {
            let url = line.split('\t').next().unwrap_or("");
            assert_wake_agrees(url);
            if classify_without_parser(url).is_none() {
                asked.push(url);
            }
        }
        // The corpus is mostly the AWS URLs people have: nearly all plain.
        assert!(
            asked.len() < 20,
            "{} corpus URLs left to the parser: {asked:#?}",
            asked.len()
        );
    }

    #[test]
    fn the_wake_package_asks_for_exactly_what_only_the_parser_reads() {
        for text in [
            "https://123456789012.signin.aws.amazon.com/console",
            " HTTPS://MyAlias.Signin.AWS.Amazon.com:443/console/s3?region=eu-west-1#x ",
            "https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:",
            "https://d-1234567890.awsapps.com/start#/",
            "https://signin.aws.amazon.com/federation?Action=login&SigninToken=abc",
            "https://signin.aws.amazon.com.evil.example/console",
            "https://arnazon.com/",
            "https://example.com/a/../b",
            "about:blank",
            "chrome://newtab/",
            "file:///home/me/notes.txt",
            "not a url at all",
            "",
        ] {
            assert!(classify_without_parser(text).is_some(), "{text:?} asks");
            assert_wake_agrees(text);
        }
        for text in [
            "https://user@signin.aws.amazon.com/console",
            "https://signin.aws.amazon.com@evil.example/",
            "https://xn--amazn-uce.com/",
            "https://signin.aws.amaz\u{3bf}n.com/",
            "https://%73ignin.aws.amazon.com/console",
            "https://54.239.28.85/signin.aws.amazon.com/console",
            "https://signin.aws.amazon.com/console/../x",
            "https://signin.aws.amazon.com\\console",
            "https://signin.aws.amazon.com/con\tsole",
            "https:signin.aws.amazon.com/console",
            "https://signin.aws.amazon.com..",
        ] {
            assert!(classify_without_parser(text).is_none(), "{text:?} is read");
            assert_wake_agrees(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn first_value_is_the_first_pair_form_urlencoded_reads(
            query in "(region|Region|reg%69on|region%3D|re+gion|account|=|&|%|%2|%41|\\+|[a-z0-9-]|\\x{e4}){0,16}"
        ) {
            for name in ["region", "account", "re gion"] {
                let expected = url::form_urlencoded::parse(query.as_bytes())
                    .find(|(key, _)| key == name)
                    .map(|(_, value)| value.into_owned());
                proptest::prop_assert_eq!(first_value(&query, name), expected);
            }
        }
    }

    #[test]
    fn quick_rejection_agrees_on_the_corpus() {
        for line in include_str!("../../tests/data/urls.tsv").lines().skip(1) {
            let url = line.split('\t').next().unwrap_or("");
            if quick_reject::certainly_unrelated(url) {
                assert_eq!(classify_fully(url).kind, Kind::Unrelated, "{url}");
            }
        }
    }

    /// The fuzz target's property, replayed on the inputs it once stopped on: the shortcuts give
    /// the full reading's verdict.
    #[test]
    fn shortcuts_agree_on_the_fuzz_regressions() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/classify");
        for entry in std::fs::read_dir(dir).expect("the classify seeds") {
            let path = entry.expect("a directory entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if let Some(text) = name
                .starts_with("regression-")
                .then(|| std::fs::read(&path).expect("readable"))
                .and_then(|bytes| String::from_utf8(bytes).ok())
            {
                assert_eq!(classify(&text), classify_fully(&text), "{name}");
            }
        }
    }

    #[test]
    fn region_label_is_a_regional_endpoint_not_an_alias() {
        let verdict = classify("https://us-east-2.signin.aws.amazon.com/console");
        assert_eq!(verdict.kind, Kind::SigninRedirect);
        assert_eq!(verdict.account, None);
    }

    #[test]
    fn client_id_account_is_never_the_users() {
        let verdict = classify(
            "https://signin.aws.amazon.com/signin?client_id=arn%3Aaws%3Aiam%3A%3A015428540659%3Auser%2Fhomepage",
        );
        assert_eq!(verdict.account, None);
        assert!(verdict.has_warning(WarningCode::CapturedRedirect));
    }

    #[test]
    fn canonical_url_has_no_not_canonical_warning() {
        let verdict = classify("https://myalias.signin.aws.amazon.com/console?region=us-east-2");
        assert!(verdict.warnings.is_empty(), "{:?}", verdict.warnings);
    }

    #[test]
    fn http_account_url_is_flagged_for_normalising() {
        let verdict = classify("http://myalias.signin.aws.amazon.com/console");
        assert!(verdict.has_warning(WarningCode::NotCanonical));
    }

    #[test]
    fn invalid_label_says_why() {
        let verdict = classify("https://my--alias.signin.aws.amazon.com/console");
        assert_eq!(verdict.kind, Kind::AccountSignin);
        assert!(verdict.warnings[0].message.contains("two hyphens"));
    }

    #[test]
    fn multi_session_link_is_not_bookmark_safe() {
        let verdict =
            classify("https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/console/home");
        assert_eq!(verdict.bookmark_safe, Some(false));
        assert!(verdict.has_warning(WarningCode::MultiSession));
    }

    #[test]
    fn non_ascii_lookalike_host_is_judged() {
        // A Greek omicron in "amazon": the URL parser rejects the host, the lookalike check not.
        let verdict = classify("https://signin.aws.amaz\u{3bf}n.com/console");
        assert_eq!(verdict.kind, Kind::Lookalike);
        assert!(verdict.warnings[0]
            .message
            .contains("signin.aws.xn--amazn-uce.com"));
        assert_eq!(classify("https://ex\u{e4}mple.com/").kind, Kind::Unrelated);
        // A non-ASCII label under a real AWS domain is no lookalike, and no AWS page either.
        let verdict = classify("https://\u{e4}.signin.aws.amazon.com/console");
        assert_eq!(verdict.kind, Kind::Unrelated);
        // Capitals next to non-ASCII reach the ASCII-only IDNA back end (see Cargo.toml).
        for text in ["https://A\u{10d8e}", "https://A%C3%A4.com/"] {
            assert_eq!(classify(text).kind, Kind::Unrelated, "{text:?}");
        }
    }

    #[test]
    fn a_shortcut_reads_the_region_of_a_console_destination_of_its_own_partition() {
        let shortcut = |destination: &str| {
            classify(&format!(
                "https://d-1234567890.awsapps.com/start/#/console?account_id=123456789012&role_name=R&destination={}",
                url::form_urlencoded::byte_serialize(destination.as_bytes()).collect::<String>()
            ))
        };
        let verdict = shortcut("https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1");
        assert_eq!(verdict.region.map(Region::code), Some("eu-west-1"));
        // A console of another partition, or no console URL at all: no region claimed.
        assert_eq!(
            shortcut("https://cn-north-1.console.amazonaws.cn/console/home").region,
            None
        );
        assert_eq!(
            shortcut("https://evil.example/?region=us-east-1").region,
            None
        );
    }

    #[test]
    fn isolated_partitions_claim_their_sign_in_hosts_only() {
        let verdict = classify("https://123456789012.signin.c2shome.ic.gov/console");
        assert_eq!(verdict.kind, Kind::AccountSignin);
        assert_eq!(verdict.partition, Some(Partition::AwsIso));
        assert_eq!((verdict.canonical, verdict.cloudtrail), (None, None));
        let verdict = classify("https://us-isob-east-1.signin.sc2shome.sgov.gov/oauth?x=1");
        assert_eq!(verdict.kind, Kind::SigninRedirect);
        assert_eq!(verdict.region.map(Region::code), Some("us-isob-east-1"));
        // The bare domain claims nothing, and is no lookalike.
        assert_eq!(
            classify("https://signin.csphome.adc-e.uk/console").kind,
            Kind::Unrelated
        );
    }

    #[test]
    fn federation_token_is_redacted_in_input() {
        let verdict =
            classify("https://signin.aws.amazon.com/federation?Action=login&SigninToken=SECRET");
        assert_eq!(verdict.kind, Kind::FederationToken);
        assert!(!verdict.input.contains("SECRET"));
    }
}
