//! Secret values taken out of pasted text before a text box shows it again: `~/.aws/config`'s
//! secret keys (as the import reads them) and, in JSON, the values of credential keys
//! (`SecretAccessKey`, `SessionToken`, …: an answer of `aws sts assume-role` or
//! `aws configure export-credentials` pasted by mistake). Every other byte stays as it was.

use super::import::redact_secret_values;
use crate::url::redact::REDACTED;

/// Credential keys of JSON, compared lowercase without `_` and `-`: the CLI's INI names and the
/// names of AWS's JSON answers.
const JSON_SECRET_KEYS: [&str; 8] = [
    "awsaccesskeyid",
    "awssecretaccesskey",
    "awssessiontoken",
    "awssecuritytoken",
    "accesskeyid",
    "secretaccesskey",
    "sessiontoken",
    "securitytoken",
];

/// The text with the value of every secret key replaced by `[redacted]`, in INI lines and in
/// JSON alike (a text is read as both: neither reading changes what the other would find).
pub fn redact_pasted_secrets(text: &str) -> String {
    redact_secret_values(&redact_json_secrets(text))
}

/// The JSON string values of `JSON_SECRET_KEYS` replaced; text that is no JSON passes through
/// (a lone quote only makes the rest read as one string).
fn redact_json_secrets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // Whether the string just closed is a secret's key, waiting for its `:` and value.
    let mut secret_key = false;
    while let Some(at) = rest.find('"') {
        let before = &rest[..at];
        out.push_str(before);
        let after_colon = secret_key && before.trim_start().starts_with(':') && {
            let value = before.trim_start()[1..].trim();
            value.is_empty()
        };
        let end = string_end(&rest[at + 1..]).map(|e| at + 1 + e);
        let Some(end) = end else {
            out.push_str(&rest[at..]);
            return out;
        };
        let inside = &rest[at + 1..end];
        if after_colon {
            out.push('"');
            out.push_str(REDACTED);
            out.push('"');
            secret_key = false;
        } else {
            out.push_str(&rest[at..=end]);
            let next = rest[end + 1..].trim_start();
            secret_key = next.starts_with(':') && is_secret_key(inside);
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The index of the quote that closes a JSON string starting right after its opening quote.
fn string_end(text: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some(i),
            _ => {}
        }
    }
    None
}

fn is_secret_key(key: &str) -> bool {
    let normal: String = key
        .chars()
        .filter(|c| !matches!(c, '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect();
    JSON_SECRET_KEYS.contains(&normal.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credential_values_in_json_are_redacted_and_nothing_else() {
        let text = "{\"Credentials\": {\n  \"AccessKeyId\": \"ASIAFIXTURE\",\n  \
                    \"SecretAccessKey\" : \"abc\\\"def/xyz\",\n  \"SessionToken\":\"tok==\",\n  \
                    \"Expiration\": \"2026-12-04T20:00:00Z\"}, \"aws_session_token\": 12}";
        let redacted = redact_pasted_secrets(text);
        assert_eq!(
            redacted,
            "{\"Credentials\": {\n  \"AccessKeyId\": \"[redacted]\",\n  \
             \"SecretAccessKey\" : \"[redacted]\",\n  \"SessionToken\":\"[redacted]\",\n  \
             \"Expiration\": \"2026-12-04T20:00:00Z\"}, \"aws_session_token\": 12}"
        );
    }

    #[test]
    fn ini_secrets_are_redacted_and_a_team_configuration_is_unchanged() {
        let ini = "[profile ci]\naws_secret_access_key = s3cr3t\nregion = \"eu-west-1\"\n";
        assert_eq!(
            redact_pasted_secrets(ini),
            "[profile ci]\naws_secret_access_key = [redacted]\nregion = \"eu-west-1\"\n"
        );
        let team = include_str!("../../docs/examples/team-config.json");
        assert_eq!(redact_pasted_secrets(team), team);
        assert_eq!(redact_pasted_secrets("{\"a\": \"b"), "{\"a\": \"b");
        // A value after a key that is no secret, and a secret key's name as a value, stay.
        assert_eq!(
            redact_pasted_secrets("[\"SessionToken\", {\"x\": \"SessionToken\"}]"),
            "[\"SessionToken\", {\"x\": \"SessionToken\"}]"
        );
    }
}
