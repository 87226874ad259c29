//! The file fixer: rewrites the HREF values of fixable bookmarks and no other byte.
//!
//! Deleting a bookmark from a file is out of scope: such findings (and duplicates) are returned
//! as "needs attention", unchanged.

use super::entities::{decode_lossy, escape_attribute, has_bare_ampersand, has_reference};
use super::error::{Note, ParseError};
use super::{analyze_file, parse, BookmarkFile, FileBookmark, Quote};
use crate::aws::account::Account;
use crate::aws::partition::Partition;
use crate::bookmarks::doctor::{Finding, FindingKind};
use crate::url::links;
use crate::url::redact::redact;
use serde::Serialize;
use std::ops::Range;

/// Which findings the fixer rewrites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixPolicy {
    /// Replace captured sign-in pages by the account's (or the general) sign-in URL.
    pub captured_redirect: bool,
    /// Replace URLs that carry a token or credentials by a sign-in URL.
    pub secret_in_url: bool,
    /// Replace multi-session console links by their stable form.
    pub multi_session: bool,
    /// Normalise account sign-in URLs to canonical form.
    pub not_canonical: bool,
    /// Where a captured redirect or a secret URL names no account, sign in to this one instead
    /// of the general sign-in page.
    pub account: Option<Account>,
    /// Also redact the secrets in titles (a page saved without a title is titled with its
    /// URL, secret and all), of every bookmark.
    pub redact_titles: bool,
}

impl Default for FixPolicy {
    /// Every replacement the doctor proposes, with no account chosen.
    fn default() -> FixPolicy {
        FixPolicy {
            captured_redirect: true,
            secret_in_url: true,
            multi_session: true,
            not_canonical: true,
            account: None,
            redact_titles: false,
        }
    }
}

impl FixPolicy {
    fn fixes(&self, kind: FindingKind) -> bool {
        match kind {
            FindingKind::CapturedRedirect => self.captured_redirect,
            FindingKind::SecretInUrl => self.secret_in_url,
            FindingKind::MultiSession => self.multi_session,
            FindingKind::NotCanonical => self.not_canonical,
            FindingKind::Lookalike | FindingKind::InvalidAccountLabel => false,
        }
    }
}

/// One rewritten HREF.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The bookmark's index in the file, as text (its id in the report).
    pub id: String,
    /// The line of its `<A` tag.
    pub line: usize,
    /// Why it was changed.
    pub kind: FindingKind,
    /// The bytes of the old HREF value in the input.
    pub href: Range<usize>,
    /// The bytes of the new HREF value in the output.
    pub output_href: Range<usize>,
    /// The old URL, secrets redacted.
    pub old_url: String,
    /// The new URL (decoded; the file holds it escaped as the old one was).
    pub new_url: String,
}

/// A bookmark that needs attention but was left as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unchanged {
    /// The bookmark's index in the file, as text.
    pub id: String,
    /// The line of its `<A` tag.
    pub line: Option<usize>,
    /// Its URL, secrets redacted.
    pub url: String,
    /// The finding, or none for an extra bookmark of a duplicate group.
    pub finding: Option<FindingKind>,
    /// Why it was not changed, and what to do.
    pub reason: String,
}

/// A title whose secrets were redacted (`FixPolicy::redact_titles`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TitleChange {
    /// The bookmark's index in the file, as text.
    pub id: String,
    /// The line of its `<A` tag.
    pub line: usize,
    /// The title as it is now, secrets redacted.
    pub title: String,
}

/// The fixed file and what changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FixResult {
    /// The input with the fixed HREF values replaced; every other byte identical.
    #[serde(skip)]
    pub output: Vec<u8>,
    /// What was rewritten, in file order.
    pub changes: Vec<Change>,
    /// What needs attention but was not changed, in file order.
    pub needs_attention: Vec<Unchanged>,
    /// Titles whose secrets were redacted, in file order.
    pub titles: Vec<TitleChange>,
    /// How many titles still hold a secret (`FixPolicy::redact_titles` was off).
    pub secret_titles_left: usize,
    /// Sloppy markup the parser tolerated.
    pub notes: Vec<Note>,
}

/// Fixes a bookmark file: rewrites the HREF of every bookmark whose finding the policy fixes.
///
/// The replacement is escaped and quoted as the original value was (`&amp;` or a bare `&`,
/// double, single or no quotes). Fixing a fixed file changes nothing.
pub fn fix_file(bytes: &[u8], policy: &FixPolicy) -> Result<FixResult, ParseError> {
    let file = parse(bytes)?;
    let report = analyze_file(&file);
    let escape_by_default = file_escapes_ampersands(&file);
    let mut changes = Vec::new();
    let mut needs_attention = Vec::new();
    for finding in report.findings() {
        let Some(bookmark) = bookmark_of(&file, &finding.id) else {
            continue;
        };
        match planned_change(finding, bookmark, policy, escape_by_default) {
            Ok((new_url, written)) => changes.push((
                Change {
                    id: finding.id.clone(),
                    line: bookmark.line,
                    kind: finding.kind,
                    href: bookmark.href.clone(),
                    output_href: 0..0, // set by `splice`
                    old_url: finding.url.clone(),
                    new_url,
                },
                written,
            )),
            Err(reason) => needs_attention.push(Unchanged {
                id: finding.id.clone(),
                line: finding.line,
                url: finding.url.clone(),
                finding: Some(finding.kind),
                reason,
            }),
        }
    }
    for group in &report.duplicates {
        let kept = group
            .bookmarks
            .iter()
            .find(|m| m.keep)
            .map(|m| m.id.as_str());
        for member in group.bookmarks.iter().filter(|m| !m.keep) {
            needs_attention.push(Unchanged {
                id: member.id.clone(),
                line: member.line,
                url: member.url.clone(),
                finding: None,
                reason: format!(
                    "another bookmark (#{}) signs in to {} the same way: delete one of them by hand",
                    kept.unwrap_or("?"),
                    group.account
                ),
            });
        }
    }
    changes.sort_by_key(|(change, _)| change.href.start);
    needs_attention.sort_by_key(|u| u.id.parse::<usize>().unwrap_or(usize::MAX));
    let mut titles = Vec::new();
    let mut secret_titles_left = 0;
    let mut title_edits = Vec::new();
    for bookmark in &file.bookmarks {
        let Some(written) = redacted_title(bytes, bookmark) else {
            continue;
        };
        if !policy.redact_titles {
            secret_titles_left += 1;
            continue;
        }
        titles.push(TitleChange {
            id: bookmark.index.to_string(),
            line: bookmark.line,
            title: redact(&bookmark.title),
        });
        title_edits.push((bookmark.title_range.clone(), written));
    }
    let output = splice(bytes, &mut changes, title_edits);
    Ok(FixResult {
        output,
        changes: changes.into_iter().map(|(change, _)| change).collect(),
        needs_attention,
        titles,
        secret_titles_left,
        notes: file.notes,
    })
}

/// The bytes to write for a title that holds a secret, or none when it holds none. The title
/// is redacted as written (entities and all, so every other byte stays) unless a secret shows
/// only once entities are decoded; then it is written anew from the decoded, redacted title.
fn redacted_title(bytes: &[u8], bookmark: &FileBookmark<'_>) -> Option<Vec<u8>> {
    let redacted = redact(&bookmark.title);
    if redacted == bookmark.title {
        return None;
    }
    if let Ok(raw) = std::str::from_utf8(&bytes[bookmark.title_range.clone()]) {
        let written = redact(raw);
        if redact(&decode_lossy(written.as_bytes())) == decode_lossy(written.as_bytes()) {
            return Some(written.into_bytes());
        }
    }
    Some(escape_text(&redacted).into_bytes())
}

pub(super) fn bookmark_of<'f, 'a>(
    file: &'f BookmarkFile<'a>,
    id: &str,
) -> Option<&'f FileBookmark<'a>> {
    file.bookmarks.get(id.parse::<usize>().ok()?)
}

/// The new URL and the bytes to write for it, or why the bookmark stays as it is.
fn planned_change(
    finding: &Finding,
    bookmark: &FileBookmark<'_>,
    policy: &FixPolicy,
    escape_by_default: bool,
) -> Result<(String, Vec<u8>), String> {
    if !policy.fixes(finding.kind) {
        return Err(match finding.kind {
            FindingKind::Lookalike => "possible phishing: delete this bookmark by hand".to_owned(),
            FindingKind::InvalidAccountLabel => {
                "no valid account in the URL: delete it or replace it by your account's sign-in URL"
                    .to_owned()
            }
            kind => format!("{kind} fixes are turned off"),
        });
    }
    let proposed = finding
        .proposed_url()
        .ok_or_else(|| format!("{}: delete this bookmark by hand", finding.message))?;
    let new_url = match (&policy.account, &finding.account, finding.kind) {
        (Some(account), None, FindingKind::CapturedRedirect | FindingKind::SecretInUrl) => {
            links::canonical_url(account, finding.partition.unwrap_or(Partition::Aws))
        }
        _ => proposed.to_owned(),
    };
    let written = written_href(bookmark, &new_url, escape_by_default)?;
    Ok((new_url, written))
}

/// The bytes to write for `new_url` in `bookmark`'s HREF: escaped and quoted as the old value
/// was, or why it cannot be written there.
pub(super) fn written_href(
    bookmark: &FileBookmark<'_>,
    new_url: &str,
    escape_by_default: bool,
) -> Result<Vec<u8>, String> {
    let escape = if has_reference(bookmark.raw_url) {
        true
    } else if has_bare_ampersand(bookmark.raw_url) {
        false
    } else {
        escape_by_default
    };
    // A bare `&` is only safe where it cannot be read as the start of a reference.
    let escape = escape || decode_lossy(new_url.as_bytes()) != new_url;
    let written = escape_attribute(new_url, escape, bookmark.quote.byte());
    // Unquoted, a value ends at white space or `>`; browsers and this parser accept `=` in it.
    if bookmark.quote == Quote::Unquoted
        && written
            .bytes()
            .any(|b| b.is_ascii_whitespace() || b"\"'<>".contains(&b))
    {
        return Err(
            "the new URL cannot be written without quotes: fix this bookmark by hand".to_owned(),
        );
    }
    Ok(written.into_bytes())
}

/// Whether the file's writer escapes `&` in HREF values (Firefox does, Chromium does not);
/// escaping is the default when no HREF tells.
pub(super) fn file_escapes_ampersands(file: &BookmarkFile<'_>) -> bool {
    let mut bare = false;
    for bookmark in &file.bookmarks {
        if has_reference(bookmark.raw_url) {
            return true;
        }
        bare |= has_bare_ampersand(bookmark.raw_url);
    }
    !bare
}

/// The input with each change's HREF bytes and each title edit's bytes replaced (nothing
/// overlaps: a title follows its tag). Records where each new HREF value landed in the output.
fn splice(
    bytes: &[u8],
    changes: &mut [(Change, Vec<u8>)],
    title_edits: Vec<(Range<usize>, Vec<u8>)>,
) -> Vec<u8> {
    // Every edit in file order: its bytes, what replaces them, and the change it is, if any.
    let mut edits: Vec<(Range<usize>, &[u8], Option<usize>)> = changes
        .iter()
        .enumerate()
        .map(|(index, (change, written))| (change.href.clone(), written.as_slice(), Some(index)))
        .chain(
            title_edits
                .iter()
                .map(|(range, written)| (range.clone(), written.as_slice(), None)),
        )
        .collect();
    edits.sort_by_key(|(range, _, _)| range.start);
    let plain: Vec<(Range<usize>, &[u8])> = edits
        .iter()
        .map(|(range, written, _)| (range.clone(), *written))
        .collect();
    let (output, landed) = splice_edits(bytes, &plain);
    let landed: Vec<(usize, Range<usize>)> = edits
        .iter()
        .zip(landed)
        .filter_map(|((_, _, change), range)| change.map(|index| (index, range)))
        .collect();
    for (index, range) in landed {
        changes[index].0.output_href = range;
    }
    output
}

/// Writes `text` as element content: `&`, `<` and `>` as references.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// The input with each range replaced by its bytes (empty: deleted); ranges sorted, not
/// overlapping. Returns the output and where each replacement landed in it.
pub(super) fn splice_edits(
    bytes: &[u8],
    edits: &[(Range<usize>, &[u8])],
) -> (Vec<u8>, Vec<Range<usize>>) {
    let extra: usize = edits.iter().map(|(_, w)| w.len()).sum();
    let mut output = Vec::with_capacity(bytes.len() + extra);
    let mut landed = Vec::with_capacity(edits.len());
    let mut copied = 0;
    for (range, written) in edits {
        output.extend_from_slice(&bytes[copied..range.start]);
        landed.push(output.len()..output.len() + written.len());
        output.extend_from_slice(written);
        copied = range.end;
    }
    output.extend_from_slice(&bytes[copied..]);
    (output, landed)
}
