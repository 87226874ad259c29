//! Reads `xtask/catalogue/aws-hosts.txt`: the AWS host names botocore does not give (console and
//! IAM Identity Center domains, the domains only Amazon serves, the names phishing imitates), one
//! entry a line, each with its source after `#`.

use crate::domain_name::is_domain;

/// The file, relative to the workspace root.
pub const PATH: &str = "xtask/catalogue/aws-hosts.txt";

/// Everything the file says.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Source {
    /// `(partition, domain)` of each `console` entry.
    pub consoles: Vec<(String, String)>,
    /// `portal` entries.
    pub portals: Vec<Portal>,
    /// `owned` domains.
    pub owned: Vec<String>,
    /// `imitated` texts.
    pub imitated: Vec<String>,
    /// `brand` words.
    pub brands: Vec<String>,
    /// `brand-inside` words.
    pub brands_inside: Vec<String>,
}

/// An IAM Identity Center domain the extension works on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Portal {
    pub partition: String,
    pub domain: String,
    /// A URL on it that must read as that partition's access portal or sign-in page.
    pub example: String,
}

/// Parses the file; `name` is how messages call it. Every entry needs its source (`# …`).
pub fn parse(text: &str, name: &str) -> Result<Source, String> {
    let mut source = Source::default();
    for (index, line) in text.lines().enumerate() {
        let at = format!("{name}:{}", index + 1);
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (entry, comment) = line
            .split_once(" #")
            .ok_or_else(|| format!("{at}: the entry names no source (add `# SOURCE`)"))?;
        if comment.trim().is_empty() {
            return Err(format!("{at}: the entry's source after `#` is empty"));
        }
        let fields: Vec<&str> = entry.split_whitespace().collect();
        let domain = |d: &str| -> Result<String, String> {
            if is_domain(d) {
                Ok(d.to_owned())
            } else {
                Err(format!("{at}: {d:?} is not a lowercase domain name"))
            }
        };
        let word = |w: &str| -> Result<String, String> {
            if !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()) {
                Ok(w.to_owned())
            } else {
                Err(format!("{at}: {w:?} is not a lowercase word"))
            }
        };
        match fields.as_slice() {
            ["console", partition, d] => source
                .consoles
                .push(((*partition).to_owned(), domain(d)?)),
            ["portal", partition, d, example] => {
                let domain = domain(d)?;
                let host = example
                    .strip_prefix("https://")
                    .and_then(|rest| rest.split(['/', '?', '#']).next())
                    .unwrap_or("");
                if !(host == domain || host.ends_with(&format!(".{domain}"))) {
                    return Err(format!(
                        "{at}: the example {example:?} is not an https URL on {domain}"
                    ));
                }
                source.portals.push(Portal {
                    partition: (*partition).to_owned(),
                    domain,
                    example: (*example).to_owned(),
                });
            }
            ["owned", d] => source.owned.push(domain(d)?),
            ["imitated", text] => {
                let ok = text.split('.').all(|l| !l.is_empty())
                    && text
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
                if !ok {
                    return Err(format!("{at}: {text:?} is not lowercase host text"));
                }
                source.imitated.push((*text).to_owned());
            }
            ["brand", w] => source.brands.push(word(w)?),
            ["brand-inside", w] => source.brands_inside.push(word(w)?),
            [kind, ..] => {
                return Err(format!(
                    "{at}: `{kind}` with {} field(s) is no entry: the entries are `console PARTITION DOMAIN`, \
                     `portal PARTITION DOMAIN EXAMPLE`, `owned DOMAIN`, `imitated TEXT`, `brand WORD`, \
                     `brand-inside WORD`",
                    fields.len() - 1
                ))
            }
            [] => return Err(format!("{at}: an empty entry before `#`")),
        }
    }
    Ok(source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_entry() {
        let text = "# a comment\n\
            console aws-eusc console.amazonaws-eusc.eu # endpoint reference\n\
            portal aws awsapps.com https://d-1234567890.awsapps.com/start # user guide\n\
            owned amazon.com # Amazon's\n\
            imitated signin.amazonaws # partial\n\
            brand aws # name\n\
            brand-inside awsapps # name\n";
        let source = parse(text, "f").expect("valid");
        assert_eq!(
            source.consoles,
            [(
                "aws-eusc".to_owned(),
                "console.amazonaws-eusc.eu".to_owned()
            )]
        );
        assert_eq!(source.portals[0].domain, "awsapps.com");
        assert_eq!(source.owned, ["amazon.com"]);
        assert_eq!(source.imitated, ["signin.amazonaws"]);
        assert_eq!(source.brands, ["aws"]);
        assert_eq!(source.brands_inside, ["awsapps"]);
    }

    #[test]
    fn an_entry_without_its_source_or_of_bad_shape_is_refused_with_its_line() {
        for (text, says) in [
            ("owned amazon.com\n", "f:1: the entry names no source"),
            (
                "\nowned amazon.com #  \n",
                "f:2: the entry's source after `#` is empty",
            ),
            ("owned Amazon.com # x\n", "is not a lowercase domain name"),
            ("console aws # x\n", "`console` with 1 field(s) is no entry"),
            (
                "portal aws awsapps.com https://evil.example/ # x\n",
                "is not an https URL on awsapps.com",
            ),
            ("brand amaz0n # x\n", "is not a lowercase word"),
        ] {
            let err = parse(text, "f").expect_err(text);
            assert!(err.contains(says), "{text:?}: {err}");
        }
    }

    #[test]
    fn the_real_file_reads() {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue/aws-hosts.txt"),
        )
        .expect("the file");
        let source = parse(&text, PATH).expect("the real file is valid");
        assert!(source.consoles.iter().any(|(p, _)| p == "aws-eusc"));
    }
}
