//! Netscape bookmark files (`bookmarks.html`), as every browser exports them: read, check, fix.
//!
//! The parser works on the file's bytes, in one pass, without recursion: it accepts any
//! encoding that keeps ASCII markup readable (UTF-8, Latin-1, …), tolerates the usual
//! sloppiness, and remembers where each HREF value is so the fixer can change those bytes and
//! nothing else.

mod choices;
mod entities;
mod entry;
mod error;
mod fix;
mod lines;
mod scan;
mod sniff;

pub use choices::{fix_all_selection, fix_file_as_chosen, ChosenFix, Deletion};
pub use error::{Note, ParseError, Position};
pub use fix::{fix_file, Change, FixPolicy, FixResult, Unchanged};
pub use scan::Quote;

use crate::bookmarks::doctor::{self, BookmarkView, Report};
use lines::LineCounter;
use scan::{read_tag, TagKind, Unclosed};
use serde::Serialize;
use std::borrow::Cow;
use std::ops::Range;

/// At most this many notes are kept; the rest are counted in a last note.
const MAX_NOTES: usize = 200;

/// A folder (`<DT><H3>Name</H3><DL>…</DL>`), linked to the folder it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folder {
    /// The folder's name, entity-decoded (invalid UTF-8 replaced by U+FFFD).
    pub name: String,
    /// The folder it is in, as an index into `BookmarkFile::folders`; `None` at the top.
    pub parent: Option<usize>,
}

/// One bookmark (`<DT><A HREF="…">Title</A>`) of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileBookmark<'a> {
    /// Position among the file's bookmarks, from 0; also its `id` in reports, as text.
    pub index: usize,
    /// Line of its `<A` tag, from 1.
    pub line: usize,
    /// The bytes of its `<A …>` start tag.
    pub tag: Range<usize>,
    /// The bytes of the HREF value in the file (inside the quotes, entities as written).
    pub href: Range<usize>,
    /// How the HREF value is quoted.
    pub quote: Quote,
    /// The HREF value exactly as in the file.
    pub raw_url: &'a [u8],
    /// The URL with entities decoded, read as UTF-8 (invalid bytes become U+FFFD): for
    /// classification and display only, never written back.
    pub url: Cow<'a, str>,
    /// The title, entity-decoded and read as UTF-8 lossily.
    pub title: Cow<'a, str>,
    /// The bytes of the title in the file (entities as written, surrounding white space left
    /// out).
    pub title_range: Range<usize>,
    /// The folder it is in, as an index into `BookmarkFile::folders`; `None` at the top.
    pub folder: Option<usize>,
}

/// A parsed bookmark file: its bookmarks in file order, its folders, and what was tolerated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookmarkFile<'a> {
    /// Every bookmark with an HREF, in file order.
    pub bookmarks: Vec<FileBookmark<'a>>,
    /// Every folder, in file order.
    pub folders: Vec<Folder>,
    /// Sloppy markup that was tolerated (anchors without HREF, unclosed tags, …).
    pub notes: Vec<Note>,
}

impl BookmarkFile<'_> {
    /// The names of the folders from the top down to `folder`.
    pub fn folder_path(&self, folder: Option<usize>) -> Vec<String> {
        let mut path = Vec::new();
        let mut next = folder;
        while let Some(index) = next {
            let Some(folder) = self.folders.get(index) else {
                break;
            };
            path.push(folder.name.clone());
            next = folder.parent;
        }
        path.reverse();
        path
    }
}

/// Reads a Netscape bookmark file.
///
/// Fails only when the bytes are not a bookmark file at all (empty, binary, UTF-16, or text
/// with neither the Netscape DOCTYPE nor a `<DL>` list); sloppy markup becomes `notes`.
pub fn parse(bytes: &[u8]) -> Result<BookmarkFile<'_>, ParseError> {
    let start = sniff::content_start(bytes)?;
    let mut parser = Parser::new(bytes);
    parser.run(start);
    let doctype = parser.doctype;
    if !doctype && !parser.list_seen {
        let content = &bytes[start..];
        let skipped = content
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        let found: String =
            String::from_utf8_lossy(&content[skipped..content.len().min(skipped + 40)])
                .chars()
                .take(30)
                .collect();
        return Err(ParseError::NotBookmarkFile {
            at: LineCounter::new(bytes).position(start + skipped),
            found,
            looks_like: sniff::looks_like(&content[skipped..]),
        });
    }
    let mut file = parser.finish();
    if !doctype {
        let note = Note {
            at: LineCounter::new(bytes).position(start),
            message:
                "no <!DOCTYPE NETSCAPE-Bookmark-file-1> line; read as a bookmark file because \
                      it has <DL> or <DT> bookmark lists"
                    .to_owned(),
        };
        file.notes.insert(0, note);
    }
    Ok(file)
}

/// The state of one pass over the file.
struct Parser<'a> {
    bytes: &'a [u8],
    lines: LineCounter<'a>,
    file: BookmarkFile<'a>,
    /// For each open `<DL>`, the folder its items are in.
    open_lists: Vec<Option<usize>>,
    /// The name of the last `<H3>`, waiting for its `<DL>`.
    pending_folder: Option<String>,
    doctype: bool,
    list_seen: bool,
    notes_dropped: usize,
}

impl<'a> Parser<'a> {
    fn new(bytes: &'a [u8]) -> Parser<'a> {
        Parser {
            bytes,
            lines: LineCounter::new(bytes),
            file: BookmarkFile {
                bookmarks: Vec::new(),
                folders: Vec::new(),
                notes: Vec::new(),
            },
            open_lists: Vec::new(),
            pending_folder: None,
            doctype: false,
            list_seen: false,
            notes_dropped: 0,
        }
    }

    fn run(&mut self, start: usize) {
        let bytes = self.bytes;
        let mut pos = start;
        while let Some(found) = memchr::memchr(b'<', &bytes[pos..]) {
            let at = pos + found;
            let tag = read_tag(bytes, at, b"href");
            if let Some(sloppiness) = tag.sloppiness {
                self.note(at, describe(sloppiness, &tag.kind));
            }
            match tag.kind {
                TagKind::Start(name) if name.eq_ignore_ascii_case(b"a") => {
                    self.anchor(at, tag.wanted, tag.end);
                }
                TagKind::Start(name) if name.eq_ignore_ascii_case(b"h3") => {
                    self.pending_folder = Some(self.text_after(tag.end).into_owned());
                }
                TagKind::Start(name) if name.eq_ignore_ascii_case(b"dl") => {
                    self.list_seen = true;
                    let parent = self.current_folder();
                    let folder = match self.pending_folder.take() {
                        Some(name) => {
                            self.file.folders.push(Folder { name, parent });
                            Some(self.file.folders.len() - 1)
                        }
                        None => parent,
                    };
                    self.open_lists.push(folder);
                }
                TagKind::Start(name) if name.eq_ignore_ascii_case(b"dt") => {
                    self.list_seen = true;
                }
                TagKind::End(name) if name.eq_ignore_ascii_case(b"dl") => {
                    self.pending_folder = None;
                    if self.open_lists.pop().is_none() {
                        self.note(at, "a </DL> without its <DL>: ignored".to_owned());
                    }
                }
                TagKind::Declaration(body) => {
                    let lower = body.to_ascii_lowercase();
                    if scan::find(&lower, 0, b"netscape-bookmark-file").is_some() {
                        self.doctype = true;
                    }
                }
                _ => {}
            }
            pos = tag.end.max(at + 1);
            if pos >= bytes.len() {
                break;
            }
        }
    }

    fn anchor(&mut self, at: usize, href: Option<scan::AttributeValue>, tag_end: usize) {
        let Some(href) = href else {
            self.note(at, "an <A> without HREF: skipped".to_owned());
            return;
        };
        let line = self.lines.position(at).line;
        let raw_url = &self.bytes[href.range.clone()];
        let title_range = self.text_range_after(tag_end);
        let bookmark = FileBookmark {
            index: self.file.bookmarks.len(),
            line,
            tag: at..tag_end,
            href: href.range,
            quote: href.quote,
            raw_url,
            url: entities::decode_lossy(raw_url),
            title: entities::decode_lossy(&self.bytes[title_range.clone()]),
            title_range,
            folder: self.current_folder(),
        };
        // A folder name is only a folder's if its <DL> follows right away.
        self.pending_folder = None;
        self.file.bookmarks.push(bookmark);
    }

    /// The text from `from` to the next tag, decoded, without surrounding white space.
    fn text_after(&self, from: usize) -> Cow<'a, str> {
        entities::decode_lossy(&self.bytes[self.text_range_after(from)])
    }

    /// Where the text from `from` to the next tag lies, without surrounding white space.
    fn text_range_after(&self, from: usize) -> Range<usize> {
        let bytes = self.bytes;
        let end = memchr::memchr(b'<', &bytes[from..]).map_or(bytes.len(), |i| from + i);
        let text = &bytes[from..end];
        let start = from + (text.len() - text.trim_ascii_start().len());
        let end = end - (text.len() - text.trim_ascii_end().len());
        start..end.max(start)
    }

    fn current_folder(&self) -> Option<usize> {
        self.open_lists.last().copied().flatten()
    }

    fn note(&mut self, offset: usize, message: String) {
        if self.file.notes.len() >= MAX_NOTES {
            self.notes_dropped += 1;
            return;
        }
        let at = self.lines.position(offset);
        self.file.notes.push(Note { at, message });
    }

    fn finish(mut self) -> BookmarkFile<'a> {
        if self.notes_dropped > 0 {
            let at = self.lines.position(self.bytes.len());
            self.file.notes.push(Note {
                at,
                message: format!("and {} more notes like these", self.notes_dropped),
            });
        }
        self.file
    }
}

fn describe(sloppiness: Unclosed, kind: &TagKind<'_>) -> String {
    let name = match kind {
        TagKind::Start(name) | TagKind::End(name) => String::from_utf8_lossy(name).to_uppercase(),
        TagKind::Declaration(_) => "<!…>".to_owned(),
        TagKind::Comment => "comment".to_owned(),
        TagKind::NotATag => "tag".to_owned(),
    };
    match sloppiness {
        Unclosed::Tag => {
            format!("a <{name}> tag without its closing '>': read up to the next tag")
        }
        Unclosed::QuotedValue => {
            format!("a quoted value in <{name}> without its closing quote: read up to the end of the line")
        }
        Unclosed::Comment => {
            "a comment without its closing '-->': the rest of the file is the comment".to_owned()
        }
    }
}

/// The result of checking a bookmark file: the doctor's report and what the parser tolerated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileCheck {
    /// Findings and counts, as for browser bookmarks; ids are bookmark indexes as text.
    pub report: Report,
    /// Sloppy markup that was tolerated.
    pub notes: Vec<Note>,
}

/// Checks every bookmark of a file: what `signin-guard bookmarks check FILE` prints.
pub fn check_file(bytes: &[u8]) -> Result<FileCheck, ParseError> {
    let file = parse(bytes)?;
    let report = analyze_file(&file);
    Ok(FileCheck {
        report,
        notes: file.notes,
    })
}

/// `check_file` for showing people (the web page): titles and folder names with secrets redacted
/// too, as the CLI prints them (URLs in reports are redacted already).
pub fn check_file_for_display(bytes: &[u8]) -> Result<FileCheck, ParseError> {
    use crate::url::redact::redact;
    let mut check = check_file(bytes)?;
    let report = &mut check.report;
    let redact_path =
        |path: &mut Vec<String>| path.iter_mut().for_each(|name| *name = redact(name));
    for finding in report.groups.iter_mut().flat_map(|g| g.findings.iter_mut()) {
        finding.title = redact(&finding.title);
        redact_path(&mut finding.folder_path);
    }
    for member in report
        .duplicates
        .iter_mut()
        .flat_map(|g| g.bookmarks.iter_mut())
    {
        member.title = redact(&member.title);
        redact_path(&mut member.folder_path);
    }
    Ok(check)
}

/// Runs the doctor over a parsed file; folder paths are built only for bookmarks it lists.
pub(crate) fn analyze_file(file: &BookmarkFile<'_>) -> Report {
    let views = file.bookmarks.iter().map(|b| BookmarkView {
        id: Cow::Owned(b.index.to_string()),
        url: &b.url,
        title: &b.title,
        line: Some(b.line),
    });
    doctor::analyze_views(
        views,
        |index| file.folder_path(file.bookmarks[index].folder),
        &doctor::no_team(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles_and_paths(text: &str) -> Vec<(String, Vec<String>)> {
        let file = parse(text.as_bytes()).expect("a bookmark file");
        file.bookmarks
            .iter()
            .map(|b| (b.title.to_string(), file.folder_path(b.folder)))
            .collect()
    }

    #[test]
    fn folders_nest_and_close() {
        let text =
            "<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p><DT><H3>A</H3><DL><p><DT><H3>B &amp; C</H3>\
                    <DL><p><DT><A HREF=\"x\">in b</A></DL><p><DT><A HREF=\"y\">in a</A></DL><p>\
                    <DT><A HREF=\"z\">top</A></DL>";
        assert_eq!(
            titles_and_paths(text),
            [
                ("in b".to_owned(), vec!["A".to_owned(), "B & C".to_owned()]),
                ("in a".to_owned(), vec!["A".to_owned()]),
                ("top".to_owned(), vec![]),
            ]
        );
    }

    #[test]
    fn heading_without_a_list_is_no_folder() {
        let text = "<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><DT><H3>Empty</H3><DT><A HREF=\"x\">a</A><DL><DT><A HREF=\"y\">b</A></DL></DL>";
        assert_eq!(
            titles_and_paths(text),
            [("a".to_owned(), vec![]), ("b".to_owned(), vec![])]
        );
    }

    #[test]
    fn an_export_without_bookmarks_is_a_bookmark_file() {
        let file =
            parse(b"<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<H1>Bookmarks</H1>\n<DL><p>\n</DL><p>\n")
                .expect("empty export");
        assert!(file.bookmarks.is_empty());
        assert!(file.notes.is_empty());
    }

    #[test]
    fn a_list_without_doctype_is_read_with_a_note() {
        let file = parse(b"<DL><DT><A HREF=\"x\">a</A></DL>").expect("read");
        assert_eq!(file.bookmarks.len(), 1);
        assert_eq!(file.notes.len(), 1);
        assert!(file.notes[0].message.starts_with("no <!DOCTYPE"));
    }

    #[test]
    fn notes_are_capped() {
        let text = format!(
            "<!DOCTYPE NETSCAPE-Bookmark-file-1><DL>{}",
            "<A>".repeat(1000)
        );
        let file = parse(text.as_bytes()).expect("read");
        assert_eq!(file.notes.len(), MAX_NOTES + 1);
        assert_eq!(
            file.notes[MAX_NOTES].message,
            "and 800 more notes like these"
        );
    }
}
