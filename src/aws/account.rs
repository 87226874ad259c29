//! Account labels: a 12-digit account ID or an IAM account alias, each valid by construction.

use serde::{Serialize, Serializer};
use std::fmt;

/// An AWS account ID: exactly 12 ASCII digits, leading zeros kept (it is text, not a number).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AccountId(String);

/// An IAM account alias: 3 to 63 of `a-z0-9-`, starting and ending with a letter or digit,
/// never two hyphens in a row. Stored lowercase, since host labels ignore case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Alias(String);

/// The label that names an account in its sign-in URL.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Account {
    /// A 12-digit account ID.
    Id(AccountId),
    /// An account alias.
    Alias(Alias),
}

/// Why a text is not an account ID or alias; the message is shown to people as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountError {
    /// Nothing was given.
    Empty,
    /// All digits, but not 12 of them.
    IdLength(usize),
    /// Shorter than 3 or longer than 63 characters.
    AliasLength(usize),
    /// A character outside `a-z`, `0-9` and `-`.
    AliasCharacter(char),
    /// Starts or ends with a hyphen.
    AliasEdgeHyphen,
    /// Has `--` somewhere.
    AliasDoubleHyphen,
}

impl fmt::Display for AccountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AccountError::Empty => {
                f.write_str("no account given: expected a 12-digit account ID or an account alias")
            }
            AccountError::IdLength(1) => f.write_str("1 digit, an account ID has 12"),
            AccountError::IdLength(n) => write!(f, "{n} digits, an account ID has 12"),
            AccountError::AliasLength(n) => {
                write!(f, "{n} characters, an account alias has 3 to 63")
            }
            AccountError::AliasCharacter(c) => write!(
                f,
                "{c:?} is not allowed in an account alias (only a-z, 0-9 and -)"
            ),
            AccountError::AliasEdgeHyphen => {
                f.write_str("an account alias must start and end with a letter or digit")
            }
            AccountError::AliasDoubleHyphen => {
                f.write_str("an account alias cannot have two hyphens in a row")
            }
        }
    }
}

impl std::error::Error for AccountError {}

impl AccountId {
    /// Accepts exactly 12 ASCII digits.
    pub fn parse(text: &str) -> Result<AccountId, AccountError> {
        if text.is_empty() {
            return Err(AccountError::Empty);
        }
        if !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AccountError::AliasCharacter(
                text.chars().find(|c| !c.is_ascii_digit()).unwrap_or('?'),
            ));
        }
        if text.len() != 12 {
            return Err(AccountError::IdLength(text.len()));
        }
        Ok(AccountId(text.to_owned()))
    }

    /// The 12 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Alias {
    /// Accepts a valid alias in any case and stores it lowercase.
    pub fn parse(text: &str) -> Result<Alias, AccountError> {
        let lower = text.to_ascii_lowercase();
        let len = lower.chars().count();
        if len == 0 {
            return Err(AccountError::Empty);
        }
        if let Some(c) = lower
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
        {
            return Err(AccountError::AliasCharacter(c));
        }
        if !(3..=63).contains(&len) {
            return Err(AccountError::AliasLength(len));
        }
        if lower.starts_with('-') || lower.ends_with('-') {
            return Err(AccountError::AliasEdgeHyphen);
        }
        if lower.contains("--") {
            return Err(AccountError::AliasDoubleHyphen);
        }
        Ok(Alias(lower))
    }

    /// The alias, lowercase.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Account {
    /// Reads an account ID (all digits) or else an alias, after trimming spaces.
    pub fn parse(text: &str) -> Result<Account, AccountError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(AccountError::Empty);
        }
        if text.bytes().all(|b| b.is_ascii_digit()) {
            AccountId::parse(text).map(Account::Id)
        } else {
            Alias::parse(text).map(Account::Alias)
        }
    }

    /// The label as it appears in a sign-in host.
    pub fn as_str(&self) -> &str {
        match self {
            Account::Id(id) => id.as_str(),
            Account::Alias(alias) => alias.as_str(),
        }
    }

    /// The account ID, when the label is one.
    pub fn id(&self) -> Option<&AccountId> {
        match self {
            Account::Id(id) => Some(id),
            Account::Alias(_) => None,
        }
    }
}

impl fmt::Display for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Account {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for AccountId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_keeps_leading_zeros() {
        assert_eq!(
            Account::parse("012345678901").unwrap().as_str(),
            "012345678901"
        );
    }

    #[test]
    fn short_id_says_how_many_digits() {
        assert_eq!(
            Account::parse("12345678901").unwrap_err().to_string(),
            "11 digits, an account ID has 12"
        );
    }

    #[test]
    fn alias_rules_follow_create_account_alias() {
        assert!(Alias::parse("abc").is_ok());
        assert!(Alias::parse("MyAlias").is_ok());
        assert_eq!(Alias::parse("a"), Err(AccountError::AliasLength(1)));
        assert_eq!(
            Alias::parse("my--alias"),
            Err(AccountError::AliasDoubleHyphen)
        );
        assert_eq!(Alias::parse("myalias-"), Err(AccountError::AliasEdgeHyphen));
        assert_eq!(
            Alias::parse("my_alias"),
            Err(AccountError::AliasCharacter('_'))
        );
        assert_eq!(
            Alias::parse(&"a".repeat(64)),
            Err(AccountError::AliasLength(64))
        );
    }
}
