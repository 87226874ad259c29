//! What is wrong in a team configuration, and where: `accounts[3].accountId: 11 digits, an
//! account ID has 12`.

use serde::Serialize;
use std::fmt;

/// How much a problem matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something was dropped: an entry, a field or (when `config` is `None`) the whole document.
    Error,
    /// Nothing the configuration says was lost: an unknown field, a duplicate, a value read
    /// in another spelling.
    Warning,
}

impl Severity {
    /// `error` or `warning`, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem: where (`accounts[3].accountId`; empty for the whole document), what, and how
/// much it matters. Displayed as `path: message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Where in the document, as a JavaScript-like path; empty for the document itself.
    pub path: String,
    /// What is wrong, in words for people.
    pub message: String,
    /// Whether something was dropped.
    pub severity: Severity,
}

impl Problem {
    /// An error at `path`.
    pub fn error(path: &Path, message: impl fmt::Display) -> Problem {
        Problem {
            path: path.to_string(),
            message: message.to_string(),
            severity: Severity::Error,
        }
    }

    /// A warning at `path`.
    pub fn warning(path: &Path, message: impl fmt::Display) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(path, message)
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// A place in the document, built as the reader goes down: `accounts`, `[3]`, `accountId`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Path(String);

impl Path {
    /// The document itself.
    pub fn root() -> Path {
        Path::default()
    }

    /// The field `name` of the object here; a name that is no identifier is quoted
    /// (`accounts[0]["my field"]`).
    pub fn field(&self, name: &str) -> Path {
        let plain = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
            && !name.starts_with(|c: char| c.is_ascii_digit());
        let mut path = self.0.clone();
        if plain {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(name);
        } else {
            let quoted = serde_json::to_string(name).unwrap_or_default();
            path.push('[');
            path.push_str(&quoted);
            path.push(']');
        }
        Path(path)
    }

    /// The item `index` of the list here.
    pub fn index(&self, index: usize) -> Path {
        Path(format!("{}[{index}]", self.0))
    }

    /// The path as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_like_javascript() {
        let account = Path::root().field("accounts").index(3);
        assert_eq!(account.field("accountId").as_str(), "accounts[3].accountId");
        assert_eq!(
            account.field("my field").as_str(),
            "accounts[3][\"my field\"]"
        );
        assert_eq!(Path::root().field("").as_str(), "[\"\"]");
    }

    #[test]
    fn a_problem_without_a_path_is_just_its_message() {
        let problem = Problem::error(&Path::root(), "expected an object");
        assert_eq!(problem.to_string(), "expected an object");
    }
}
