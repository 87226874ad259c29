//! Why a file is not a bookmark file, and where in it (line and column, counted from 1).

use serde::Serialize;
use std::fmt;

/// A place in a file: 1-based line, and 1-based column counted in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Byte column in the line, from 1.
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// Why a file cannot be read as a Netscape bookmark file at all.
///
/// Ordinary sloppiness (unclosed tags, anchors without HREF) is no error: it becomes a `Note`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// The file has no bytes, or only white space.
    Empty,
    /// The file is UTF-16 (or UTF-32); browsers export UTF-8, and the fixer only edits bytes it
    /// can read.
    Utf16 {
        /// Where the tell-tale bytes are.
        at: Position,
        /// What gave it away (a byte-order mark, NUL bytes between ASCII letters).
        evidence: &'static str,
    },
    /// A NUL byte early in the file: binary data, not HTML.
    Binary {
        /// Where the first NUL byte is.
        at: Position,
    },
    /// Text, but no `<!DOCTYPE NETSCAPE-Bookmark-file-1>` and no `<DL>` bookmark list.
    NotBookmarkFile {
        /// Where the file's content starts.
        at: Position,
        /// The first few characters found there.
        found: String,
        /// What the content looks like, when we can tell.
        looks_like: Option<&'static str>,
    },
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Empty => f.write_str("the file is empty: a bookmark export has at least a <DL> list"),
            ParseError::Utf16 { at, evidence } => write!(
                f,
                "{at}: the file is UTF-16 or UTF-32 ({evidence}); browsers export bookmarks as UTF-8, \
                 so save it as UTF-8 or export it again"
            ),
            ParseError::Binary { at } => write!(
                f,
                "{at}: a NUL byte: this is a binary file, not a bookmark export (HTML)"
            ),
            ParseError::NotBookmarkFile { at, found, looks_like } => {
                write!(
                    f,
                    "{at}: not a Netscape bookmark file: no <!DOCTYPE NETSCAPE-Bookmark-file-1> line \
                     and no <DL> bookmark list; it starts with {found:?}"
                )?;
                if let Some(kind) = looks_like {
                    write!(f, " ({kind})")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ParseError {}

/// Something sloppy the parser tolerated; the file is still read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// Where it is.
    pub at: Position,
    /// What was tolerated, in plain words.
    pub message: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}
