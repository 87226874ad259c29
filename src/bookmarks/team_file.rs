//! A team's links as a bookmarks file (Netscape format, which every browser imports): one folder
//! "AWS accounts", in it a folder per account with a bookmark per role and region.

use crate::team::link_table::LinkRow;

/// The name of the folder that holds the accounts' folders.
pub const TOP_FOLDER: &str = "AWS accounts";

/// The bookmarks file of the rows, in their order, an account's rows in its folder.
pub fn team_bookmarks_file(rows: &[LinkRow]) -> String {
    let mut out = String::from(
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n\
         <!-- Made by Sign-in Guard for AWS from a team configuration. -->\n\
         <META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=UTF-8\">\n\
         <TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n",
    );
    out.push_str(&format!(
        "    <DT><H3>{}</H3>\n    <DL><p>\n",
        escape(TOP_FOLDER)
    ));
    let mut open: Option<&str> = None;
    for row in rows {
        if open != Some(row.account_id.as_str()) {
            if open.is_some() {
                out.push_str("        </DL><p>\n");
            }
            out.push_str(&format!(
                "        <DT><H3>{}</H3>\n        <DL><p>\n",
                escape(&row.account)
            ));
            open = Some(&row.account_id);
        }
        out.push_str(&format!(
            "            <DT><A HREF=\"{}\">{}</A>\n",
            escape(&row.url),
            escape(&row.title())
        ));
    }
    if open.is_some() {
        out.push_str("        </DL><p>\n");
    }
    out.push_str("    </DL><p>\n</DL><p>\n");
    out
}

/// Text as HTML text or attribute value: `&`, `<`, `>` and `"` as entities.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bookmarks::file::parse;
    use crate::team::config::TeamConfig;
    use crate::team::link_table::link_table;

    #[test]
    fn the_file_reads_back_with_every_link_title_and_folder() {
        let config = TeamConfig::parse(
            r#"{"version": 1, "favouriteRegions": ["eu-west-1"], "accounts": [
                {"accountId": "111122223333", "displayName": "Prod <EU> & \"more\"",
                 "ssoStartUrl": "https://acme.awsapps.com/start",
                 "roles": [{"name": "ReadOnly", "displayName": "Lecture seule"}]},
                {"accountId": "777788889999", "alias": "sandbox"}]}"#,
        )
        .config
        .expect("usable");
        let rows = link_table(&config);
        let text = team_bookmarks_file(&rows);
        let file = parse(text.as_bytes()).expect("a bookmarks file");
        assert_eq!(file.notes, []);
        let read: Vec<(Vec<String>, String, String)> = file
            .bookmarks
            .iter()
            .map(|b| {
                (
                    file.folder_path(b.folder),
                    b.title.to_string(),
                    b.url.to_string(),
                )
            })
            .collect();
        let expected: Vec<(Vec<String>, String, String)> = rows
            .iter()
            .map(|r| {
                (
                    vec![TOP_FOLDER.to_owned(), r.account.clone()],
                    r.title(),
                    r.url.clone(),
                )
            })
            .collect();
        assert_eq!(read, expected);
        assert_eq!(read[0].0[1], "Prod <EU> & \"more\"");
    }
}
