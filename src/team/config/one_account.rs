//! One account the person types in on the settings page: read as a team configuration of that one
//! account, as every team configuration is read, with what is wrong named by its field.

use super::{read_lenient, Severity, TeamConfig};
use serde::{Deserialize, Serialize};

/// The settings page's form, as typed (blank fields are not given).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct AccountForm {
    /// The account ID.
    #[serde(default)]
    pub account_id: String,
    /// Its alias.
    #[serde(default)]
    pub alias: String,
    /// Its display name.
    #[serde(default)]
    pub display_name: String,
    /// Its default region's code.
    #[serde(default)]
    pub default_region: String,
}

/// The form read: the configuration of the one account, or why it cannot be added.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OneAccount {
    /// The configuration to add, when the account reads.
    pub config: Option<TeamConfig>,
    /// "Not added: alias: …", when it does not.
    pub error: Option<String>,
}

/// Reads the form as `{"version": 1, "accounts": [the account]}`.
pub fn read_one_account(form: &AccountForm) -> OneAccount {
    let mut account = serde_json::Map::new();
    for (name, value) in [
        ("accountId", &form.account_id),
        ("alias", &form.alias),
        ("displayName", &form.display_name),
        ("defaultRegion", &form.default_region),
    ] {
        let value = value.trim();
        if name == "accountId" || !value.is_empty() {
            account.insert(name.to_owned(), value.into());
        }
    }
    let document = serde_json::json!({"version": 1, "accounts": [account]});
    let parsed = read_lenient(&document);
    let errors: Vec<_> = parsed
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    let usable = parsed
        .config
        .as_ref()
        .is_some_and(|c| !c.accounts.is_empty());
    if usable && errors.is_empty() {
        return OneAccount {
            config: parsed.config,
            error: None,
        };
    }
    let shown = if errors.is_empty() {
        parsed.problems.iter().collect()
    } else {
        errors
    };
    // The field's name, not its place in the one-account document.
    let words: Vec<String> = shown
        .iter()
        .map(|p| {
            let field = p.path.strip_prefix("accounts[0].").unwrap_or(&p.path);
            format!("{field}: {}", p.message)
        })
        .collect();
    let words = if words.is_empty() {
        "no account ID".to_owned()
    } else {
        words.join("; ")
    };
    OneAccount {
        config: None,
        error: Some(format!("Not added: {words}.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(id: &str, alias: &str, region: &str) -> AccountForm {
        AccountForm {
            account_id: id.to_owned(),
            alias: alias.to_owned(),
            default_region: region.to_owned(),
            ..AccountForm::default()
        }
    }

    #[test]
    fn a_good_account_reads_and_a_bad_one_names_its_field() {
        let good = read_one_account(&form(" 111122223333 ", "prod", "eu-west-1"));
        assert_eq!(good.error, None);
        assert_eq!(good.config.map(|c| c.accounts.len()), Some(1));
        for (form, field) in [
            (form("12", "", ""), "accountId"),
            (form("111122223333", "Bad_Alias", ""), "alias"),
            (form("111122223333", "", "mars-1"), "defaultRegion"),
        ] {
            let bad = read_one_account(&form);
            let error = bad.error.expect("an error");
            assert!(bad.config.is_none());
            assert!(
                error.starts_with(&format!("Not added: {field}: ")),
                "{error}"
            );
            assert!(!error.contains("accounts[0]"), "{error}");
        }
    }
}
