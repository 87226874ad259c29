//! Undoing a batch from its journal: which URLs to put back, which bookmarks to re-create and
//! in what order, and which to leave alone because they changed since.
//!
//! The journal records each bookmark as it was before the batch (old URL, title, parent, index),
//! with its secrets redacted (`journal_record`): the secrets themselves are kept apart, only
//! until the browser closes, and an undo without them leaves that bookmark as the batch left it.
//! Re-created bookmarks are created parent by parent in increasing index, after every URL is put
//! back, so each lands where it was when the rest of its folder is as the batch left it.

use crate::url::redact::{holds_credential, redact};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One bookmark of a journaled batch, as it was before the batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// The bookmark's id (after an undo that re-created it elsewhere: its new id).
    pub id: String,
    /// Its URL before the batch.
    pub old_url: String,
    /// The URL the batch gave it; `None` when the batch deleted it.
    pub new_url: Option<String>,
    /// Its title.
    pub title: String,
    /// Its folder's id.
    pub parent_id: String,
    /// Its position in the folder.
    pub index: u32,
    /// Whether `old_url` or `title` held a secret, stored redacted: only the `KeptSecret` can
    /// bring it back.
    #[serde(default)]
    pub secret: bool,
}

/// A journal entry's URL and title with their secrets, kept apart from the journal (by the
/// extension in `storage.session`, which the browser empties when it closes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptSecret {
    /// The URL before the batch, secrets and all.
    pub old_url: String,
    /// The title, secrets and all.
    pub title: String,
}

/// What to store of a bookmark before a batch changes it: the entry, secrets redacted, and the
/// secrets to keep apart, if it had any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JournalRecord {
    /// The entry for the journal; it holds no secret.
    pub entry: JournalEntry,
    /// The secrets, when the entry had any.
    pub kept: Option<KeptSecret>,
}

/// Splits a bookmark as it was before a batch into what the journal may store and the secrets.
pub fn journal_record(entry: JournalEntry) -> JournalRecord {
    // A redacted OAuth `state` alone grants nothing: kept as it is, so that a captured sign-in
    // page can still be put back after the browser restarts.
    if !holds_credential(&entry.old_url) && !holds_credential(&entry.title) {
        return JournalRecord { entry, kept: None };
    }
    let (old_url, title) = (redact(&entry.old_url), redact(&entry.title));
    let kept = KeptSecret {
        old_url: entry.old_url,
        title: entry.title,
    };
    JournalRecord {
        entry: JournalEntry {
            old_url,
            title,
            secret: true,
            ..entry
        },
        kept: Some(kept),
    }
}

/// A bookmark of the batch as it is now: its URL, or `None` when it no longer exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentBookmark {
    /// The bookmark's id.
    pub id: String,
    /// Its URL now; `None` when there is no bookmark with this id.
    #[serde(default)]
    pub url: Option<String>,
}

/// One step of an undo, to run in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum UndoStep {
    /// Put the old URL back (`bookmarks.update(id, {url})`).
    Update {
        /// The bookmark's id.
        id: String,
        /// Its URL before the batch.
        url: String,
    },
    /// Create the bookmark again where it was (`bookmarks.create`); it gets a new id.
    Create {
        /// The id it had (the journal maps it to the new one).
        id: String,
        /// Its folder's id.
        parent_id: String,
        /// Its position in the folder.
        index: u32,
        /// Its title.
        title: String,
        /// Its URL before the batch.
        url: String,
    },
}

/// Why a bookmark of the batch is left alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// It has its old URL already.
    AlreadyRestored,
    /// Its URL was changed again after the batch: that later change is kept.
    ChangedSince,
    /// Its old URL held a secret, which is no longer kept (the browser was closed since).
    SecretNotKept,
}

/// A bookmark of the batch the undo leaves alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The bookmark's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Why.
    pub reason: SkipReason,
    /// The same, in plain words.
    pub message: String,
}

/// The undo of one batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UndoPlan {
    /// What to do, in order: updates first, then creations folder by folder, by index.
    pub steps: Vec<UndoStep>,
    /// What is left alone.
    pub skipped: Vec<Skipped>,
}

/// Plans the undo of a batch from its journal entries, the bookmarks as they are now (ids not
/// in `current`, or with no URL, no longer exist) and the secrets still kept, by bookmark id.
pub fn plan_undo(
    entries: &[JournalEntry],
    current: &[CurrentBookmark],
    kept: &HashMap<String, KeptSecret>,
) -> UndoPlan {
    let now: HashMap<&str, &str> = current
        .iter()
        .filter_map(|c| c.url.as_deref().map(|url| (c.id.as_str(), url)))
        .collect();
    let mut updates = Vec::new();
    let mut creates: Vec<JournalEntry> = Vec::new();
    let mut skipped = Vec::new();
    for stored in entries {
        // The secrets back in place where they are still kept.
        let entry = &match (stored.secret, kept.get(&stored.id)) {
            (true, Some(secret)) => JournalEntry {
                old_url: secret.old_url.clone(),
                title: secret.title.clone(),
                ..stored.clone()
            },
            _ => stored.clone(),
        };
        let skip = |reason| Skipped {
            id: entry.id.clone(),
            title: stored.title.clone(),
            reason,
            message: match reason {
                SkipReason::AlreadyRestored => {
                    format!("“{}” has its old address already", stored.title)
                }
                SkipReason::ChangedSince => {
                    format!(
                        "“{}” was changed again since: that change is kept",
                        stored.title
                    )
                }
                SkipReason::SecretNotKept => format!(
                    "“{}” held a secret, which Sign-in Guard keeps only until the browser closes: \
                     it keeps its new address (sign in again for a new link)",
                    stored.title
                ),
            },
        };
        let secret_gone = stored.secret && !kept.contains_key(&stored.id);
        match (now.get(entry.id.as_str()), &entry.new_url) {
            (Some(&url), _) if url == entry.old_url => {
                skipped.push(skip(SkipReason::AlreadyRestored))
            }
            (Some(&url), Some(new_url)) if url != new_url => {
                skipped.push(skip(SkipReason::ChangedSince))
            }
            (Some(_), None) => skipped.push(skip(SkipReason::ChangedSince)),
            _ if secret_gone => skipped.push(skip(SkipReason::SecretNotKept)),
            (None, _) => creates.push(entry.clone()),
            (Some(_), Some(_)) => updates.push(UndoStep::Update {
                id: entry.id.clone(),
                url: entry.old_url.clone(),
            }),
        }
    }
    // Folders in the order they first appear; in each, increasing index.
    let mut folder_order: HashMap<String, usize> = HashMap::new();
    for entry in &creates {
        let next = folder_order.len();
        folder_order.entry(entry.parent_id.clone()).or_insert(next);
    }
    creates.sort_by_key(|e| (folder_order[e.parent_id.as_str()], e.index));
    let mut steps = updates;
    steps.extend(creates.into_iter().map(|e| UndoStep::Create {
        id: e.id,
        parent_id: e.parent_id,
        index: e.index,
        title: e.title,
        url: e.old_url,
    }));
    UndoPlan { steps, skipped }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, new_url: Option<&str>, parent: &str, index: u32) -> JournalEntry {
        JournalEntry {
            id: id.to_owned(),
            old_url: format!("https://old/{id}"),
            new_url: new_url.map(str::to_owned),
            title: format!("t{id}"),
            parent_id: parent.to_owned(),
            index,
            secret: false,
        }
    }

    fn plan_undo(entries: &[JournalEntry], current: &[CurrentBookmark]) -> UndoPlan {
        super::plan_undo(entries, current, &HashMap::new())
    }

    fn now(id: &str, url: &str) -> CurrentBookmark {
        CurrentBookmark {
            id: id.to_owned(),
            url: Some(url.to_owned()),
        }
    }

    fn created(plan: &UndoPlan) -> Vec<(String, u32)> {
        plan.steps
            .iter()
            .filter_map(|s| match s {
                UndoStep::Create {
                    parent_id, index, ..
                } => Some((parent_id.clone(), *index)),
                UndoStep::Update { .. } => None,
            })
            .collect()
    }

    #[test]
    fn replaced_bookmarks_get_their_old_url_back() {
        let plan = plan_undo(
            &[entry("1", Some("https://new/1"), "f", 0)],
            &[now("1", "https://new/1")],
        );
        assert_eq!(
            plan.steps,
            [UndoStep::Update {
                id: "1".to_owned(),
                url: "https://old/1".to_owned()
            }]
        );
        assert_eq!(plan.skipped, []);
    }

    #[test]
    fn deleted_bookmarks_are_recreated_after_updates_by_folder_and_increasing_index() {
        let entries = [
            entry("9", None, "a", 7),
            entry("3", None, "b", 2),
            entry("1", Some("https://new/1"), "a", 0),
            entry("5", None, "a", 1),
            entry("4", None, "b", 0),
        ];
        let plan = plan_undo(&entries, &[now("1", "https://new/1")]);
        assert!(matches!(plan.steps[0], UndoStep::Update { .. }));
        assert_eq!(
            created(&plan),
            [
                ("a".to_owned(), 1),
                ("a".to_owned(), 7),
                ("b".to_owned(), 0),
                ("b".to_owned(), 2)
            ]
        );
    }

    #[test]
    fn a_replaced_bookmark_deleted_since_is_recreated() {
        let plan = plan_undo(&[entry("1", Some("https://new/1"), "f", 3)], &[]);
        assert_eq!(
            plan.steps,
            [UndoStep::Create {
                id: "1".to_owned(),
                parent_id: "f".to_owned(),
                index: 3,
                title: "t1".to_owned(),
                url: "https://old/1".to_owned(),
            }]
        );
    }

    #[test]
    fn later_changes_are_kept_and_restored_ones_skipped() {
        let entries = [
            entry("1", Some("https://new/1"), "f", 0),
            entry("2", Some("https://new/2"), "f", 1),
        ];
        let plan = plan_undo(
            &entries,
            &[now("1", "https://edited/1"), now("2", "https://old/2")],
        );
        assert_eq!(plan.steps, []);
        let reasons: Vec<_> = plan.skipped.iter().map(|s| s.reason).collect();
        assert_eq!(
            reasons,
            [SkipReason::ChangedSince, SkipReason::AlreadyRestored]
        );
        assert_eq!(
            plan.skipped[0].message,
            "“t1” was changed again since: that change is kept"
        );
    }

    #[test]
    fn journal_entries_read_from_stored_json() {
        let entries: Vec<JournalEntry> = serde_json::from_str(
            r#"[{"id": "1", "old_url": "u", "new_url": null, "title": "t", "parent_id": "2", "index": 4}]"#,
        )
        .expect("reads");
        assert_eq!(entries[0].new_url, None);
        let bad = serde_json::from_str::<Vec<JournalEntry>>(r#"[{"id": "1"}]"#);
        assert!(bad.is_err());
    }

    const TOKEN_URL: &str =
        "https://signin.aws.amazon.com/federation?Action=login&SigninToken=JOURNALTOKEN";

    fn token_record(new_url: Option<&str>) -> JournalRecord {
        journal_record(JournalEntry {
            old_url: TOKEN_URL.to_owned(),
            title: format!("{TOKEN_URL} saved"),
            ..entry("1", new_url, "f", 2)
        })
    }

    #[test]
    fn the_journal_stores_no_secret_and_keeps_it_apart() {
        let record = token_record(Some("https://console.aws.amazon.com/"));
        let stored = serde_json::to_string(&record.entry).unwrap_or_default();
        assert!(!stored.contains("JOURNALTOKEN"), "{stored}");
        assert!(record.entry.secret);
        assert_eq!(
            record.kept.as_ref().map(|k| k.old_url.as_str()),
            Some(TOKEN_URL)
        );
        let plain = journal_record(entry("2", None, "f", 0));
        assert_eq!((plain.entry.secret, plain.kept), (false, None));
        let captured = journal_record(JournalEntry {
            old_url: "https://signin.aws.amazon.com/oauth?redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com%2Fconsole%2Fhome%3Fstate%3DhashArgs".to_owned(),
            ..entry("3", None, "f", 0)
        });
        assert!(
            !captured.entry.secret,
            "a state alone is no credential: kept for Undo"
        );
    }

    #[test]
    fn a_kept_secret_comes_back_and_a_lost_one_is_said_so() {
        let fixed = "https://console.aws.amazon.com/";
        for new_url in [Some(fixed), None] {
            let record = token_record(new_url);
            let current: Vec<_> = new_url.map(|url| now("1", url)).into_iter().collect();
            let kept = HashMap::from([(
                "1".to_owned(),
                record.kept.clone().unwrap_or_else(|| unreachable!()),
            )]);
            let plan = super::plan_undo(std::slice::from_ref(&record.entry), &current, &kept);
            let url = match &plan.steps[..] {
                [UndoStep::Update { url, .. }] => url,
                [UndoStep::Create { url, title, .. }] => {
                    assert_eq!(title, &format!("{TOKEN_URL} saved"));
                    url
                }
                other => panic!("{other:?}"),
            };
            assert_eq!(url, TOKEN_URL);

            let plan = plan_undo(std::slice::from_ref(&record.entry), &current);
            assert_eq!(plan.steps, []);
            assert_eq!(plan.skipped[0].reason, SkipReason::SecretNotKept);
            assert!(
                plan.skipped[0]
                    .message
                    .contains("keeps only until the browser closes"),
                "{}",
                plan.skipped[0].message
            );
            assert!(!plan.skipped[0].message.contains("JOURNALTOKEN"));
        }
    }
}
