//! The INI dialect of `~/.aws/config` (and of AWS Extend Switch Roles), read line by line with
//! line numbers: `[section]` headers, `key = value` (or `key: value`) properties, `#`/`;`
//! comments on their own line or after a value (after a space), indented continuation lines
//! (nested values such as `s3 =` followed by `  max_concurrent_requests = 20`), CRLF or CR line
//! ends, a byte-order mark.
//!
//! The values of secret keys are dropped here, as they are read: nothing later can show them.
//! A line that cannot be read is never echoed either (it may be a pasted secret).

use super::ImportProblem;

/// The keys whose values are secrets: never kept, never shown.
pub const SECRET_KEYS: [&str; 4] = [
    "aws_access_key_id",
    "aws_secret_access_key",
    "aws_session_token",
    // The old name of aws_session_token, still read by botocore.
    "aws_security_token",
];

/// One `[section]` and its properties, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The text between the brackets, trimmed (`profile dev`).
    pub header: String,
    /// The line of the header (1-based).
    pub line: usize,
    /// The properties, in file order (a key given twice appears twice).
    pub entries: Vec<Entry>,
}

/// One `key = value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The key, lowercase.
    pub key: String,
    /// The value, trimmed, without a trailing comment; empty for a secret.
    pub value: String,
    /// The line of the key (1-based).
    pub line: usize,
}

impl Entry {
    /// Whether the key is one of `SECRET_KEYS` (its value was dropped).
    pub fn is_secret(&self) -> bool {
        SECRET_KEYS.contains(&self.key.as_str())
    }
}

impl Section {
    /// The last value given for `key`, with its entry.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().rev().find(|e| e.key == key)
    }

    /// `[profile dev]`, for messages.
    pub fn shown(&self) -> String {
        format!("[{}]", self.header)
    }
}

/// Reads the sections; lines that do not read are reported (by number, never by content).
pub fn read(text: &str, problems: &mut Vec<ImportProblem>) -> Vec<Section> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut sections: Vec<Section> = Vec::new();
    // Whether the lines now belong to a section (false after a broken header).
    let mut in_section = false;
    // The indentation of the last property: a line indented deeper continues its value.
    let mut property_indent: Option<usize> = None;
    for (index, raw) in lines(text).enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            continue;
        }
        let indent = raw.len() - raw.trim_start_matches([' ', '\t']).len();
        if property_indent.is_some_and(|above| indent > above) {
            // A continuation or nested value (`s3 =` then `  max_concurrent_requests = 20`):
            // part of the property above, never a property of the section.
            continue;
        }
        if let Some(inside) = trimmed.strip_prefix('[') {
            property_indent = None;
            match header(inside) {
                Some(name) if !name.is_empty() => {
                    sections.push(Section {
                        header: name.to_owned(),
                        line,
                        entries: Vec::new(),
                    });
                    in_section = true;
                }
                Some(_) => {
                    problems.push(ImportProblem::error(
                        line,
                        "an empty section header []; the lines up to the next section are ignored",
                    ));
                    in_section = false;
                }
                None => {
                    problems.push(ImportProblem::error(
                        line,
                        "a section header without its closing ]; the lines up to the next \
                         section are ignored",
                    ));
                    in_section = false;
                }
            }
            continue;
        }
        let Some((key, value)) = property(trimmed) else {
            problems.push(ImportProblem::error(
                line,
                "neither a [section], a key = value line nor a comment; ignored",
            ));
            property_indent = None;
            continue;
        };
        property_indent = Some(indent);
        let key = key.to_ascii_lowercase();
        let Some(section) = sections.last_mut().filter(|_| in_section) else {
            if sections.is_empty() {
                problems.push(ImportProblem::warning(
                    line,
                    format!("{key} is outside any [section]; ignored"),
                ));
            }
            continue;
        };
        let mut entry = Entry {
            key,
            value: value.to_owned(),
            line,
        };
        if entry.is_secret() {
            entry.value.clear();
        }
        if let Some(first) = section.get(&entry.key) {
            problems.push(ImportProblem::warning(
                line,
                format!(
                    "{} {} is set again (first on line {}); the later value is used",
                    section.shown(),
                    entry.key,
                    first.line
                ),
            ));
        }
        section.entries.push(entry);
    }
    sections
}

/// The text with the value of every secret key (`SECRET_KEYS`, as `read` finds them: any case,
/// `=` or `:`) replaced by `[redacted]`; every other byte as it was. For a text box that shows
/// what the person pasted or chose: the secret is gone as soon as it is read.
pub fn redact_secret_values(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(['\r', '\n']).unwrap_or(rest.len());
        out.push_str(&redact_line(&rest[..end]));
        let line_end = rest[end..]
            .chars()
            .take_while(|c| matches!(c, '\r' | '\n'))
            .count();
        out.push_str(&rest[end..end + line_end]);
        rest = &rest[end + line_end..];
    }
    out
}

/// One line, with a secret key's value replaced.
fn redact_line(line: &str) -> std::borrow::Cow<'_, str> {
    let Some(at) = line.find(['=', ':']) else {
        return line.into();
    };
    let key = line[..at].trim().trim_start_matches('\u{feff}');
    if !SECRET_KEYS.iter().any(|k| k.eq_ignore_ascii_case(key)) {
        return line.into();
    }
    let value = &line[at + 1..];
    let spaces = value.len() - value.trim_start().len();
    if value.trim().is_empty() {
        return line.into();
    }
    format!("{}{}[redacted]", &line[..=at], &value[..spaces]).into()
}

/// Lines split at `\r\n`, `\n` or a lone `\r`.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    let mut done = text.is_empty();
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        match rest.find(['\r', '\n']) {
            Some(at) => {
                let line = &rest[..at];
                let skip = if rest[at..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[at + skip..];
                Some(line)
            }
            None => {
                done = true;
                Some(rest)
            }
        }
    })
}

/// The name inside `[…]` (the text after the `[`), or `None` without a closing bracket.
/// Anything after the `]` is taken for a comment.
fn header(inside: &str) -> Option<&str> {
    let end = inside.find(']')?;
    Some(inside[..end].trim())
}

/// `key = value` (or `key: value`, as botocore also reads), value trimmed and without a
/// trailing ` # comment`.
fn property(line: &str) -> Option<(&str, &str)> {
    let at = line.find(['=', ':'])?;
    let key = line[..at].trim();
    if key.is_empty() {
        return None;
    }
    Some((key, strip_comment(line[at + 1..].trim())))
}

/// A value without a trailing comment: `#` or `;` after whitespace starts one (a URL's `#/`
/// does not).
fn strip_comment(value: &str) -> &str {
    let mut previous_space = false;
    for (at, c) in value.char_indices() {
        if previous_space && (c == '#' || c == ';') {
            return value[..at].trim_end();
        }
        previous_space = c.is_whitespace();
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections(text: &str) -> (Vec<Section>, Vec<String>) {
        let mut problems = Vec::new();
        let sections = read(text, &mut problems);
        (sections, problems.iter().map(|p| p.to_string()).collect())
    }

    #[test]
    fn secret_values_are_redacted_and_nothing_else_changes() {
        let text = "\u{feff}[default]\r\nAWS_Secret_Access_Key = wJalrXUtnFEMI/K7MDENG\r\naws_access_key_id:AKIAEXAMPLE\naws_session_token =\nregion = eu-west-1 # aws_session_token = x\r";
        assert_eq!(
            redact_secret_values(text),
            "\u{feff}[default]\r\nAWS_Secret_Access_Key = [redacted]\r\naws_access_key_id:[redacted]\naws_session_token =\nregion = eu-west-1 # aws_session_token = x\r"
        );
        let plain = "[profile dev]\nsso_account_id = 123456789012\n";
        assert_eq!(redact_secret_values(plain), plain);
    }

    #[test]
    fn nested_values_do_not_leak_into_the_section() {
        let (sections, problems) = sections(
            "[profile dev]\nregion = eu-west-1\ns3 =\n  region = us-east-1\n  max_concurrent_requests = 20\noutput = json\n",
        );
        assert_eq!(problems, Vec::<String>::new());
        let dev = &sections[0];
        assert_eq!(
            dev.get("region").map(|e| e.value.as_str()),
            Some("eu-west-1")
        );
        assert_eq!(dev.get("output").map(|e| e.line), Some(6));
        assert_eq!(dev.entries.len(), 3);
    }

    #[test]
    fn properties_indented_alike_are_properties() {
        let (sections, problems) =
            sections("[profile dev]\n   region = eu-west-1\n   output = json\n");
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(sections[0].entries.len(), 2);
    }

    #[test]
    fn comments_after_values_need_a_space_before_them() {
        assert_eq!(strip_comment("eu-west-1 # Ireland"), "eu-west-1");
        assert_eq!(strip_comment("eu-west-1\t; Ireland"), "eu-west-1");
        assert_eq!(
            strip_comment("https://d-1234567890.awsapps.com/start#/"),
            "https://d-1234567890.awsapps.com/start#/"
        );
    }

    #[test]
    fn line_ends_of_every_kind_count_lines_the_same() {
        for end in ["\n", "\r\n", "\r"] {
            let text = ["[a]", "x = 1", "", "[b]", "y = 2"].join(end);
            let (sections, _) = sections(&text);
            assert_eq!(sections[1].line, 4, "{end:?}");
            assert_eq!(sections[1].get("y").map(|e| e.line), Some(5));
        }
    }

    #[test]
    fn secret_values_are_dropped_when_read() {
        let (sections, _) = sections("[default]\naws_secret_access_key = wJalrXUtnFEMI\n");
        let entry = &sections[0].entries[0];
        assert!(entry.is_secret());
        assert_eq!(entry.value, "");
    }

    #[test]
    fn unreadable_lines_are_named_by_number_only() {
        let (_, problems) = sections("[default]\nAKIAEXAMPLESECRET\n[broken\nregion = x\n");
        assert_eq!(
            problems,
            [
                "line 2: neither a [section], a key = value line nor a comment; ignored",
                "line 3: a section header without its closing ]; the lines up to the next section are ignored",
            ]
        );
    }
}
