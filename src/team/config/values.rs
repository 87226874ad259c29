//! The small value types of a team configuration, each valid by construction: a colour, a
//! display name, a role name and an access portal URL. Their errors are the sentences that follow
//! `accounts[2].color: ` in a problem.

use crate::url::classify::classify;
use crate::url::verdict::Kind;
use serde::{Serialize, Serializer};
use std::fmt;

/// Longest display name, in characters: enough for "Payments production (EU)", short enough
/// for a popup row.
pub const MAX_DISPLAY_NAME: usize = 64;

/// Longest role name, in characters (IAM's limit; a path before it may add more).
pub const MAX_ROLE_NAME: usize = 64;

/// A colour as `#rrggbb`, stored lowercase.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Color(String);

/// A name to show people: 1 to 64 characters, trimmed, without control or bidirectional
/// formatting characters (which could disguise one account as another).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DisplayName(String);

/// An IAM role or permission set name, optionally after a path (`path/to/Name`): each part of
/// letters, digits and `+=,.@_-`, the name itself at most 64 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RoleName(String);

/// The start URL of an IAM Identity Center access portal, as `classify` recognises one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SsoStartUrl(String);

/// Why a text is not one of the values above; the message is shown to people as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    /// Not `#rrggbb`.
    Color(String),
    /// Empty, or only spaces.
    EmptyName,
    /// Longer than allowed.
    TooLong {
        /// What is too long ("a display name").
        what: &'static str,
        /// Its length in characters.
        length: usize,
        /// The most allowed.
        max: usize,
    },
    /// A control or bidirectional formatting character.
    HiddenCharacter(char),
    /// A role name with a character IAM does not allow.
    RoleCharacter {
        /// The name as given.
        name: String,
        /// The first character not allowed.
        found: char,
    },
    /// A role name with an empty part (`a//b`, `/a`, `a/`).
    RolePath(String),
    /// A URL that is not `https://`.
    NotHttps(String),
    /// A URL on a lookalike host.
    LookalikeUrl(String),
    /// A URL that is no access portal.
    NotAccessPortal(String),
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueError::Color(text) => {
                write!(f, "{text:?} is not a colour of the form #rrggbb (like #1a73e8)")
            }
            ValueError::EmptyName => f.write_str("empty; give a name or leave the field out"),
            ValueError::TooLong { what, length, max } => {
                write!(f, "{length} characters, {what} has at most {max}")
            }
            ValueError::HiddenCharacter(c) => write!(
                f,
                "has an invisible control or formatting character (U+{:04X})",
                u32::from(*c)
            ),
            ValueError::RoleCharacter { name, found } => write!(
                f,
                "{name:?} is not a role name: {found:?} is not allowed (letters, digits and +=,.@_- only)"
            ),
            ValueError::RolePath(name) => write!(
                f,
                "{name:?} is not a role name: a path separator / needs a name on each side"
            ),
            ValueError::NotHttps(url) => {
                write!(f, "{url:?} is not an https:// URL")
            }
            ValueError::LookalikeUrl(url) => write!(
                f,
                "{url:?} is on a host that imitates AWS, not an IAM Identity Center access portal"
            ),
            ValueError::NotAccessPortal(url) => write!(
                f,
                "{url:?} is not an IAM Identity Center access portal URL \
                 (like https://d-1234567890.awsapps.com/start)"
            ),
        }
    }
}

impl std::error::Error for ValueError {}

impl Color {
    /// Accepts `#rrggbb` (any case; stored lowercase); with `allow_bare`, also `rrggbb` as AWS
    /// Extend Switch Roles writes it.
    pub fn parse(text: &str, allow_bare: bool) -> Result<Color, ValueError> {
        let trimmed = text.trim();
        let hex = match trimmed.strip_prefix('#') {
            Some(hex) => hex,
            None if allow_bare => trimmed,
            None => return Err(ValueError::Color(text.to_owned())),
        };
        if hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(Color(format!("#{}", hex.to_ascii_lowercase())))
        } else {
            Err(ValueError::Color(text.to_owned()))
        }
    }

    /// `#rrggbb`, lowercase.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl DisplayName {
    /// Accepts a name of 1 to 64 characters after trimming spaces, without hidden characters.
    pub fn parse(text: &str) -> Result<DisplayName, ValueError> {
        let name = text.trim();
        if name.is_empty() {
            return Err(ValueError::EmptyName);
        }
        if let Some(c) = name
            .chars()
            .find(|c| crate::url::hidden_text::is_hidden(*c))
        {
            return Err(ValueError::HiddenCharacter(c));
        }
        let length = name.chars().count();
        if length > MAX_DISPLAY_NAME {
            return Err(ValueError::TooLong {
                what: "a display name",
                length,
                max: MAX_DISPLAY_NAME,
            });
        }
        Ok(DisplayName(name.to_owned()))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl RoleName {
    /// Accepts `Name` or `path/Name`, trimmed.
    pub fn parse(text: &str) -> Result<RoleName, ValueError> {
        let name = text.trim();
        if name.is_empty() {
            return Err(ValueError::EmptyName);
        }
        if let Some(found) = name.chars().find(|c| !is_role_character(*c)) {
            return Err(ValueError::RoleCharacter {
                name: name.to_owned(),
                found,
            });
        }
        if name.split('/').any(str::is_empty) {
            return Err(ValueError::RolePath(name.to_owned()));
        }
        let last = name.rsplit('/').next().unwrap_or(name);
        let length = last.chars().count();
        if length > MAX_ROLE_NAME {
            return Err(ValueError::TooLong {
                what: "a role name",
                length,
                max: MAX_ROLE_NAME,
            });
        }
        Ok(RoleName(name.to_owned()))
    }

    /// The name, with its path if it has one.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl SsoStartUrl {
    /// Accepts an `https://` URL that `classify` calls an access portal.
    pub fn parse(text: &str) -> Result<SsoStartUrl, ValueError> {
        let url = text.trim();
        let verdict = classify(url);
        // The verdict's input is redacted: the only form of the URL an error may show.
        let shown = verdict.input.clone();
        match verdict.kind {
            Kind::Lookalike => Err(ValueError::LookalikeUrl(shown)),
            Kind::AccessPortal if !starts_with_https(url) => Err(ValueError::NotHttps(shown)),
            Kind::AccessPortal => Ok(SsoStartUrl(url.to_owned())),
            _ => Err(ValueError::NotAccessPortal(shown)),
        }
    }

    /// The URL as given (trimmed).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn starts_with_https(url: &str) -> bool {
    url.get(..8)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
}

fn is_role_character(c: char) -> bool {
    c.is_ascii_alphanumeric() || "+=,.@_-/".contains(c)
}

macro_rules! text_value {
    ($($name:ident),*) => {$(
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }
    )*};
}

text_value!(Color, DisplayName, RoleName, SsoStartUrl);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_stored_lowercase_and_bare_hex_only_when_allowed() {
        assert_eq!(
            Color::parse("#1A73E8", false).map(|c| c.0),
            Ok("#1a73e8".into())
        );
        assert_eq!(
            Color::parse("ffaaee", true).map(|c| c.0),
            Ok("#ffaaee".into())
        );
        assert!(Color::parse("ffaaee", false).is_err());
        assert!(Color::parse("#fff", false).is_err());
        assert!(Color::parse("#gggggg", true).is_err());
    }

    #[test]
    fn role_names_may_have_a_path() {
        assert!(RoleName::parse("division/team/Admin").is_ok());
        assert!(RoleName::parse("AWSReservedSSO_Admin_0123abcd").is_ok());
        assert_eq!(
            RoleName::parse("/Admin").map_err(|e| e.to_string()),
            Err(
                "\"/Admin\" is not a role name: a path separator / needs a name on each side"
                    .into()
            )
        );
        assert!(RoleName::parse(&"a".repeat(65)).is_err());
        assert!(RoleName::parse(&format!("path/{}", "a".repeat(64))).is_ok());
    }

    #[test]
    fn display_names_refuse_bidi_overrides() {
        assert_eq!(
            DisplayName::parse("prod\u{202e}ved").map_err(|e| e.to_string()),
            Err("has an invisible control or formatting character (U+202E)".into())
        );
        assert_eq!(
            DisplayName::parse("  Prod  ").map(|n| n.0),
            Ok("Prod".into())
        );
    }

    #[test]
    fn start_urls_must_be_https_access_portals() {
        assert!(SsoStartUrl::parse("https://d-1234567890.awsapps.com/start").is_ok());
        assert!(matches!(
            SsoStartUrl::parse("http://d-1234567890.awsapps.com/start"),
            Err(ValueError::NotHttps(_))
        ));
        assert!(matches!(
            SsoStartUrl::parse("https://awsapps.com.evil.example/start"),
            Err(ValueError::LookalikeUrl(_))
        ));
        assert!(matches!(
            SsoStartUrl::parse("https://example.com/start"),
            Err(ValueError::NotAccessPortal(_))
        ));
    }
}
