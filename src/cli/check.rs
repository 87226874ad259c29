//! `signin-guard check`: classifies URLs from the arguments or standard input and reports each
//! one as a text block or a JSON line.

use super::failure::Failure;
use super::shown::Shown;
use signin_guard::{classify, Verdict};
use std::borrow::Cow;
use std::ffi::OsString;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};

pub const AFTER_HELP: &str = "\
Input:
  URLs come from the arguments, in order. With no URL, or where an argument is `-`, they are read
  from standard input, one a line: \\n or \\r\\n line ends, blank lines skipped, a leading byte-order
  mark ignored. Bytes that are not UTF-8 become U+FFFD, which makes the URL unrelated.

Text output:
  One block per URL: the URL as given but with secrets redacted, then its kind, partition,
  account, region, canonical sign-in URL, whether a bookmark of it keeps working, where CloudTrail
  logs a sign-in through it, and one line per warning (code: message). Lines without a value are
  left out. Control and bidirectional-formatting characters are shown escaped (\\u{1b}).

JSON output (--json):
  One object per URL and line, with exactly these fields:
    input          string: the URL with secrets redacted
    kind           string: account_signin, general_signin, signin_redirect, federation_token,
                   switch_role, console_page, access_portal, lookalike or unrelated
    partition      \"aws\", \"aws-cn\", \"aws-eusc\", \"aws-us-gov\", an isolated one (\"aws-iso\"…) or null
    account        string (12-digit ID or alias) or null
    region         string (region code) or null
    canonical      string (https://ACCOUNT.signin.DOMAIN/console) or null
    bookmark_safe  true, false, or null for unrelated URLs
    cloudtrail     {endpoint: \"regional\"|\"global\"|null, region: string|null, explanation: string}
                   or null
    warnings       array of {code: string, message: string}, most important first

Secrets (the values of SigninToken, Session, X-Amz-Signature, X-Amz-Credential and
X-Amz-Security-Token, also inside encoded URLs) are never printed.

Exit status: 0 when every URL was checked, whatever the verdicts; 1 if reading or writing
failed; 2 on a usage error.

Examples:
  signin-guard check 'https://myalias.signin.aws.amazon.com/console?region=us-east-2'
  signin-guard check --json 'https://signin.aws.amazon.com/switchrole?account=123456789012&roleName=Admin'
  signin-guard check < bookmarked-urls.txt
  signin-guard check --json - < urls.txt | jq -r 'select(.kind == \"signin_redirect\") | .input'";

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print one JSON object per line (JSON Lines) instead of text blocks
    #[arg(long)]
    json: bool,

    /// URLs to check; `-` reads URLs from standard input, one a line (the default without URLs)
    #[arg(value_name = "URL", value_parser = clap::value_parser!(OsString))]
    urls: Vec<OsString>,
}

/// Checks every URL of the arguments and standard input, in order.
pub fn run(args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let mut report = Report {
        out,
        json: args.json,
        blocks: 0,
    };
    if args.urls.is_empty() {
        return report.stdin();
    }
    for url in &args.urls {
        if url == "-" {
            report.stdin()?;
        } else {
            report.url(&url.to_string_lossy())?;
        }
    }
    Ok(())
}

/// Writes verdicts in the chosen format.
struct Report<'a, W: Write> {
    out: &'a mut W,
    json: bool,
    /// Text blocks written so far, to separate them with a blank line.
    blocks: usize,
}

impl<W: Write> Report<'_, W> {
    /// Classifies one URL and writes its verdict.
    fn url(&mut self, url: &str) -> Result<(), Failure> {
        let verdict = classify(url);
        let written = if self.json {
            write_json(self.out, &verdict)
        } else {
            let separator = if self.blocks == 0 { "" } else { "\n" };
            self.blocks += 1;
            self.out
                .write_all(separator.as_bytes())
                .and_then(|()| write_text(self.out, &verdict))
        };
        written.map_err(Failure::Write)
    }

    /// Checks every line of standard input. Output is flushed whenever the input has nothing
    /// more ready, so a pipeline that feeds URLs slowly sees each verdict as it comes.
    fn stdin(&mut self) -> Result<(), Failure> {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            let _ = writeln!(
                io::stderr(),
                "signin-guard: reading URLs from standard input, one a line, until end of input (Ctrl-D)"
            );
        }
        let mut reader = BufReader::with_capacity(64 * 1024, stdin.lock());
        let mut line = Vec::new();
        let mut first = true;
        loop {
            line.clear();
            if reader.read_until(b'\n', &mut line).map_err(Failure::Read)? == 0 {
                return Ok(());
            }
            let text = line_text(&line, first);
            first = false;
            if !text.trim().is_empty() {
                self.url(&text)?;
            }
            if reader.buffer().is_empty() {
                self.out.flush().map_err(Failure::Write)?;
            }
        }
    }
}

/// The URL on one line of input: without its line end, invalid UTF-8 replaced by U+FFFD, and on
/// the first line without a byte-order mark.
fn line_text(line: &[u8], first: bool) -> Cow<'_, str> {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let line = if first {
        line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line)
    } else {
        line
    };
    String::from_utf8_lossy(line)
}

/// One JSON object (the serialized `Verdict`) and a line end.
fn write_json(out: &mut impl Write, verdict: &Verdict) -> io::Result<()> {
    serde_json::to_writer(&mut *out, verdict)?;
    out.write_all(b"\n")
}

/// A text block: the redacted input, then one labelled line per known fact.
fn write_text(out: &mut impl Write, verdict: &Verdict) -> io::Result<()> {
    writeln!(out, "{}", Shown(&verdict.input))?;
    field(out, "kind", verdict.kind.as_str())?;
    if let Some(partition) = verdict.partition {
        field(out, "partition", partition.id())?;
    }
    if let Some(account) = &verdict.account {
        field(out, "account", account.as_str())?;
    }
    if let Some(region) = verdict.region {
        let opt_in = if region.opt_in() { ", opt-in" } else { "" };
        field(
            out,
            "region",
            &format!("{} ({}{opt_in})", region.code(), region.name()),
        )?;
    }
    if let Some(canonical) = &verdict.canonical {
        field(out, "canonical", canonical)?;
    }
    if let Some(safe) = verdict.bookmark_safe {
        field(out, "bookmark-safe", if safe { "yes" } else { "no" })?;
    }
    if let Some(cloudtrail) = &verdict.cloudtrail {
        field(out, "cloudtrail", &cloudtrail.explanation)?;
    }
    for warning in &verdict.warnings {
        field(
            out,
            "warning",
            &format!("{}: {}", warning.code.as_str(), warning.message),
        )?;
    }
    Ok(())
}

/// `  label:         value`, values aligned.
fn field(out: &mut impl Write, label: &str, value: &str) -> io::Result<()> {
    writeln!(out, "  {:<15}{}", format!("{label}:"), Shown(value))
}

#[cfg(test)]
mod tests {
    use super::line_text;

    #[test]
    fn line_ends_and_byte_order_mark_are_dropped() {
        assert_eq!(
            line_text(b"https://a.example/\r\n", false),
            "https://a.example/"
        );
        assert_eq!(
            line_text(b"\xef\xbb\xbfhttps://a.example/\n", true),
            "https://a.example/"
        );
        assert_eq!(line_text(b"\xef\xbb\xbfx", false), "\u{feff}x");
    }

    #[test]
    fn invalid_utf8_becomes_replacement_characters() {
        assert_eq!(
            line_text(b"https://a\xffb.example/", false),
            "https://a\u{fffd}b.example/"
        );
    }
}
