//! The WebAssembly exports, run in a browser: every corpus row (`tests/data/urls.tsv`) must come out
//! of `classify` as the corpus decides, and as the same JSON the native core gives.
//!
//! Run with `cargo xtask test` (headless Chromium through wasm-bindgen-test-runner), once for each
//! package: without features (the core API), with `--features extension` (plus the extension's
//! exports) and with `--features pages` (plus the bookmark doctor's and the team editor's).
#![cfg(target_arch = "wasm32")]

use serde_json::{json, Value};
use signin_guard::aws::regions::Region;
use signin_guard::wasm;
use wasm_bindgen::{JsError, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const CORPUS: &str = include_str!("data/urls.tsv");

/// One decided example; an empty cell means "none".
struct Row {
    line: usize,
    /// Exactly as in the file: leading and trailing spaces are part of the example.
    url: &'static str,
    kind: &'static str,
    account: &'static str,
    region: &'static str,
    canonical: &'static str,
}

impl Row {
    /// How a failure names the row.
    fn name(&self) -> String {
        format!("line {} ({:?})", self.line, self.url)
    }
}

fn rows() -> Vec<Row> {
    let rows: Vec<Row> = CORPUS
        .split('\n')
        .enumerate()
        .skip(1) // the header
        .filter(|(_, line)| !line.is_empty())
        .map(|(index, line)| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 6, "line {}: expected 6 cells", index + 1);
            Row {
                line: index + 1,
                url: cells[0],
                kind: cells[1],
                account: cells[2],
                region: cells[3],
                canonical: cells[4],
            }
        })
        .collect();
    assert!(rows.len() > 100, "only {} corpus rows", rows.len());
    rows
}

/// A JS value from the wasm exports, as JSON.
fn to_json(value: Result<JsValue, JsError>, what: &str) -> Result<Value, String> {
    let value = value.map_err(|e| format!("{what} threw {:?}", JsValue::from(e)))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| format!("{what}: not JSON: {e}"))
}

/// The corpus cell as the JSON the verdict holds: empty means `null`.
fn cell(text: &str) -> Value {
    if text.is_empty() {
        Value::Null
    } else {
        json!(text)
    }
}

/// Panics with every failure at once, so one run shows all rows that differ.
fn report(test: &str, failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{test}: {} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[wasm_bindgen_test]
fn classify_gives_each_rows_kind_account_region_and_canonical() {
    let mut failures = Vec::new();
    for row in rows() {
        let verdict = match to_json(wasm::classify(row.url), "classify") {
            Ok(verdict) => verdict,
            Err(e) => {
                failures.push(format!("{}: {e}", row.name()));
                continue;
            }
        };
        let expected = [
            ("kind", json!(row.kind)),
            ("account", cell(row.account)),
            ("region", cell(row.region)),
            ("canonical", cell(row.canonical)),
        ];
        for (field, want) in expected {
            let got = verdict.get(field).unwrap_or(&Value::Null);
            if *got != want {
                failures.push(format!("{}: {field}: got {got}, want {want}", row.name()));
            }
        }
    }
    report("classify", failures);
}

#[wasm_bindgen_test]
fn redact_hides_secrets_in_any_text_as_natively() {
    for text in [
        "https://example.com/cb?code=WASMCODE&state=s",
        "https://signin.aws.amazon.com/federation?Signin%54oken=t saved",
        "no secret here",
    ] {
        assert_eq!(wasm::redact(text), signin_guard::redact(text), "{text}");
    }
    assert!(!wasm::redact("?code=WASMCODE").contains("WASMCODE"));
}

#[wasm_bindgen_test]
fn classify_in_wasm_gives_the_same_json_as_the_native_core() {
    let mut failures = Vec::new();
    for row in rows() {
        let native = serde_json::to_value(signin_guard::classify(row.url));
        match (to_json(wasm::classify(row.url), "classify"), native) {
            (Ok(wasm), Ok(native)) if wasm == native => {}
            (Ok(wasm), Ok(native)) => failures.push(format!(
                "{}: wasm gave {wasm}, the native core {native}",
                row.name()
            )),
            (Err(e), _) => failures.push(format!("{}: {e}", row.name())),
            (_, Err(e)) => failures.push(format!("{}: native: {e}", row.name())),
        }
    }
    report("wasm vs native", failures);
}

#[wasm_bindgen_test]
fn classify_many_equals_classify_one_by_one() {
    let rows = rows();
    let urls: Vec<String> = rows.iter().map(|r| r.url.to_owned()).collect();
    let many = match to_json(wasm::classify_many(urls), "classifyMany") {
        Ok(Value::Array(many)) => many,
        Ok(other) => panic!("classifyMany gave {other}, not an array"),
        Err(e) => panic!("{e}"),
    };
    assert_eq!(many.len(), rows.len(), "classifyMany: one verdict per URL");
    let mut failures = Vec::new();
    for (row, from_many) in rows.iter().zip(&many) {
        match to_json(wasm::classify(row.url), "classify") {
            Ok(one) if one == *from_many => {}
            Ok(one) => failures.push(format!(
                "{}: classifyMany gave {from_many}, classify {one}",
                row.name()
            )),
            Err(e) => failures.push(format!("{}: {e}", row.name())),
        }
    }
    report("classifyMany", failures);
}

#[wasm_bindgen_test]
fn account_signin_url_in_wasm_agrees_with_the_native_core() {
    let mut failures = Vec::new();
    for row in rows().iter().filter(|r| !r.account.is_empty()) {
        let region = (!row.region.is_empty()).then(|| row.region.to_owned());
        let native = signin_guard::account_signin_url(row.account, region.as_deref(), None)
            .map_err(|e| e.to_string());
        let wasm = wasm::account_signin_url(row.account, region.clone())
            .map_err(|e| format!("{:?}", JsValue::from(e)));
        match (&wasm, &native) {
            (Ok(w), Ok(n)) if w == n => {}
            (Err(_), Err(_)) => {}
            _ => failures.push(format!(
                "{}: accountSigninUrl({:?}, {region:?}): wasm {wasm:?}, native {native:?}",
                row.name(),
                row.account
            )),
        }
    }
    report("accountSigninUrl", failures);
}

#[wasm_bindgen_test]
fn regions_lists_the_native_table() {
    let infos: Vec<_> = Region::all(None).map(Region::info).collect();
    let native = serde_json::to_value(infos).expect("the region table serialises");
    let wasm = to_json(wasm::regions(None), "regions()").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(wasm, native, "regions() differs from the native table");
    assert!(
        wasm::regions(Some("no-such-partition".to_owned())).is_err(),
        "regions(\"no-such-partition\") must throw"
    );
}

// The extension package and up --------------------------------------------------------------

#[cfg(feature = "extension")]
#[wasm_bindgen_test]
fn known_accounts_load_leniently_and_are_read_back_strictly() {
    let stored = json!({"version": 1, "accounts": [
        {"account_id": "111122223333", "alias": "prod", "last_region": "eu-west-1",
         "last_seen_ms": 1_700_000_000_000_u64},
        {"alias": 5}]});
    let loaded = to_json(wasm::load_known_accounts(js(&stored)), "loadKnownAccounts")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded["known"]["accounts"], json!([stored["accounts"][0]]));
    assert!(
        loaded["error"]
            .as_str()
            .is_some_and(|e| e.contains("accounts[1].alias: expected a string, found a number")),
        "{loaded}"
    );
    let view = to_json(
        wasm::page_view(
            "https://prod.signin.aws.amazon.com/console",
            js(&json!({"known": loaded["known"]})),
        ),
        "pageView",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(view["account_id"], "111122223333");
    let error = wasm::page_view(
        "https://prod.signin.aws.amazon.com/console",
        js(&json!({"known": stored})),
    )
    .err()
    .map(|e| format!("{:?}", JsValue::from(e)))
    .unwrap_or_default();
    assert!(
        error.contains("the known accounts are unreadable"),
        "{error}"
    );
}

// The extension package and up: the team configuration ----------------------------------------------------------------------

#[cfg(feature = "extension")]
/// A JSON value as the plain JS object the extension would pass.
fn js(value: &Value) -> JsValue {
    use serde::Serialize;
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .expect("JSON crosses into JS")
}

#[cfg(feature = "extension")]
fn team_example() -> Value {
    json!({"version": 1, "accounts": [
        {"accountId": "111122223333", "alias": "acme-prod", "displayName": "Production",
         "defaultRegion": "eu-west-1"},
        {"accountId": "210987654321", "alias": "acme-data", "displayName": "Data lake"}]})
}

#[cfg(feature = "extension")]
#[wasm_bindgen_test]
fn page_view_takes_the_team_from_the_context() {
    let context = json!({"team": {"managed": team_example(), "user": null}});
    let view = to_json(
        wasm::page_view(
            "https://acme-prod.signin.aws.amazon.com/console",
            js(&context),
        ),
        "pageView",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(view["team_account"]["name"], "Production (acme-prod)");
    assert_eq!(view["team_account"]["default_region"], "eu-west-1");
    assert_eq!(view["team_account"]["source"], "managed");
    assert_eq!(
        view["notice"]["headline"],
        "Sign-in page of account Production (acme-prod)"
    );
    let other = to_json(
        wasm::page_view(
            "https://999988887777.signin.aws.amazon.com/console",
            js(&context),
        ),
        "pageView",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        other["team_warning"],
        "999988887777 is not one of your organisation's accounts"
    );
    assert_eq!(other["notice"]["level"], "warning");
}

#[cfg(feature = "extension")]
#[wasm_bindgen_test]
fn team_omnibox_finds_a_display_name() {
    let team = json!({"managed": team_example()});
    let answer = to_json(
        wasm::team_omnibox("lake", JsValue::NULL, js(&team)),
        "teamOmnibox",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        answer["url"],
        "https://acme-data.signin.aws.amazon.com/console"
    );
    assert_eq!(answer["suggestions"][0]["content"], "acme-data");
}

#[cfg(feature = "extension")]
#[wasm_bindgen_test]
fn merge_accounts_lists_the_organisations_accounts_first() {
    let user = json!({"version": 1, "accounts": [{"accountId": "123456789012"}]});
    let merged = to_json(
        wasm::merge_accounts(js(&team_example()), js(&user)),
        "mergeAccounts",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let sources: Vec<&Value> = merged["accounts"]
        .as_array()
        .map(|a| a.iter().map(|account| &account["source"]).collect())
        .unwrap_or_default();
    assert_eq!(
        sources,
        [&json!("managed"), &json!("managed"), &json!("user")]
    );
}

#[cfg(feature = "extension")]
/// The extension package reads only configurations the core wrote, as a whole; the pages package
/// reads any document leniently (a bad value is dropped alone).
#[wasm_bindgen_test]
fn merge_accounts_reads_unchecked_documents_as_its_package_does() {
    let one_bad_value = json!({"version": 1, "accounts": [
        {"accountId": "111122223333", "color": "green"}]});
    let merged = to_json(
        wasm::merge_accounts(js(&one_bad_value), JsValue::NULL),
        "mergeAccounts",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let listed = merged["accounts"].as_array().map_or(0, Vec::len);
    assert_eq!(listed, if cfg!(feature = "pages") { 1 } else { 0 });
}

#[cfg(feature = "extension")]
#[wasm_bindgen_test]
fn follow_flow_keeps_the_address_a_bookmark_held_through_the_flows_own_steps() {
    let first = "https://signin.aws.amazon.com/signin?redirect_uri=x";
    let navigations = json!([
        {"url": first, "time": 1, "committed": true, "transition_type": "auto_bookmark",
         "transition_qualifiers": []},
        {"url": "https://us-east-1.signin.aws.amazon.com/oauth", "transition_type": "link",
         "transition_qualifiers": []}]);
    let after = to_json(
        wasm::follow_flow(JsValue::NULL, js(&navigations)),
        "followFlow",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        after,
        json!({"flow": {"first_url": first}, "restarted": true})
    );
}

// The pages package only ---------------------------------------------------------------------------

#[cfg(feature = "pages")]
#[wasm_bindgen_test]
fn parse_team_config_reads_text_and_objects_alike() {
    let text = team_example().to_string();
    let from_text = to_json(
        wasm::parse_team_config(JsValue::from_str(&text)),
        "parseTeamConfig",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let from_object = to_json(
        wasm::parse_team_config(js(&team_example())),
        "parseTeamConfig",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_text, from_object);
    assert_eq!(from_text["config"]["accounts"][0]["alias"], "acme-prod");
    let unusable = to_json(wasm::parse_team_config(js(&json!({}))), "parseTeamConfig")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(unusable["config"], Value::Null);
}

#[cfg(feature = "pages")]
#[wasm_bindgen_test]
fn import_and_is_known_to_team() {
    let text = "[profile dev]\nsso_account_id = 123456789012\nsso_role_name = Admin\n";
    let imported = to_json(
        wasm::import_aws_config(text, Some("aws-config".to_owned())),
        "importAwsConfig",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        imported["config"]["accounts"][0]["accountId"],
        "123456789012"
    );
    assert!(wasm::import_aws_config(text, Some("yaml".to_owned())).is_err());
    let known = to_json(
        wasm::is_known_to_team(js(&team_example()), "999988887777"),
        "isKnownToTeam",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(known["known"], false);
    assert_eq!(
        known["warning"],
        "999988887777 is not one of your organisation's accounts"
    );
}

#[cfg(feature = "pages")]
#[wasm_bindgen_test]
fn the_doctor_analyses_plans_exports_and_undoes() {
    let bookmarks = json!([
        {"id": "1", "url": "https://signin.aws.amazon.com/oauth?redirect_uri=x", "title": "a",
         "folder_path": ["Work"]},
        {"id": "2", "url": "https://example.com/", "title": "b", "folder_path": []},
        {"id": "3", "url": "https://MyAlias.signin.aws.amazon.com/console/", "title": "c",
         "folder_path": ["Work"]}]);
    let report = wasm::analyze_bookmarks(js(&bookmarks)).unwrap_or_else(|_| panic!("analyzes"));
    let json_report =
        to_json(Ok(report.clone()), "analyzeBookmarks").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json_report["total"], 3);
    assert_eq!(json_report["not_aws"], 1);
    let finding = json_report["groups"]
        .as_array()
        .and_then(|groups| groups.iter().find(|g| g["kind"] == "not_canonical"))
        .map(|group| group["findings"][0].clone())
        .unwrap_or_else(|| panic!("a not_canonical finding in {json_report}"));
    assert_eq!(finding["folder_path"], json!(["Work"]));
    let selection = json!({"findings": [{"id": finding["id"]}], "duplicates": []});
    let plan = to_json(
        wasm::plan_bookmark_batch(report.clone(), js(&selection)),
        "planBookmarkBatch",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan["problems"], json!([]));
    assert_eq!(
        plan["changes"][0]["new_url"],
        "https://myalias.signin.aws.amazon.com/console"
    );
    let csv = wasm::findings_export(report.clone(), "csv").unwrap_or_else(|_| panic!("csv"));
    assert!(csv.contains("myalias"), "{csv}");
    assert!(wasm::findings_export(report, "xml").is_err());
    let fixed = wasm::doctor_fix_with_account(js(&finding), "team")
        .unwrap_or_else(|_| panic!("a valid alias"));
    assert_eq!(fixed, "https://team.signin.aws.amazon.com/console");
    assert!(wasm::doctor_fix_with_account(js(&finding), "12345").is_err());
    let entries = json!([{"id": "3", "old_url": "https://MyAlias.signin.aws.amazon.com/console/",
        "new_url": "https://myalias.signin.aws.amazon.com/console", "title": "c",
        "parent_id": "9", "index": 0}]);
    let current = json!([{"id": "3", "url": "https://myalias.signin.aws.amazon.com/console"}]);
    let undo = to_json(
        wasm::plan_bookmark_undo(js(&entries), js(&current), JsValue::UNDEFINED),
        "planBookmarkUndo",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        undo["steps"],
        json!([{"step": "update", "id": "3", "url": "https://MyAlias.signin.aws.amazon.com/console/"}])
    );
    // A secret is journalled redacted and kept apart; Undo brings it back only while it is kept.
    let token = "https://signin.aws.amazon.com/federation?Action=login&SigninToken=WASMTOKEN";
    let bookmark = json!({"id": "4", "old_url": token, "new_url": "https://console.aws.amazon.com/",
        "title": token, "parent_id": "9", "index": 1});
    let record = to_json(wasm::journal_record(js(&bookmark)), "journalRecord")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !record["entry"].to_string().contains("WASMTOKEN"),
        "{record}"
    );
    assert_eq!(record["kept"]["old_url"], token);
    let current = json!([{"id": "4", "url": "https://console.aws.amazon.com/"}]);
    let kept = json!({"4": record["kept"]});
    let entries = json!([record["entry"]]);
    let undo = to_json(
        wasm::plan_bookmark_undo(js(&entries), js(&current), js(&kept)),
        "planBookmarkUndo",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(undo["steps"][0]["url"], token);
    let undo = to_json(
        wasm::plan_bookmark_undo(js(&entries), js(&current), JsValue::UNDEFINED),
        "planBookmarkUndo",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(undo["skipped"][0]["reason"], "secret_not_kept");
}

#[cfg(feature = "pages")]
#[wasm_bindgen_test]
fn an_imported_files_secret_values_are_redacted_for_the_import_box() {
    let text = "[profile ci]\naws_secret_access_key = WASMSECRET\nregion = eu-west-1\n";
    assert_eq!(
        wasm::redact_config_secrets(text),
        "[profile ci]\naws_secret_access_key = [redacted]\nregion = eu-west-1\n"
    );
}

#[cfg(feature = "pages")]
#[wasm_bindgen_test]
fn the_persons_accounts_are_added_edited_and_removed_in_the_team_format() {
    let imported =
        json!({"version": 1, "accounts": [{"accountId": "123456789012", "displayName": "dev"}]});
    let added = to_json(
        wasm::add_user_accounts(JsValue::NULL, js(&imported)),
        "addUserAccounts",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(added["added"], json!(["123456789012"]));
    assert_eq!(added["user"], imported);
    let edit = json!({"display_name": "Dev", "color": "#00AA00", "default_region": "eu-west-1"});
    let edited = to_json(
        wasm::edit_user_account(js(&added["user"]), JsValue::NULL, "123456789012", js(&edit)),
        "editUserAccount",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        edited["accounts"][0],
        json!({"accountId": "123456789012", "displayName": "Dev", "defaultRegion": "eu-west-1", "color": "#00aa00"})
    );
    let bad = json!({"color": "green"});
    assert!(
        wasm::edit_user_account(js(&edited), JsValue::NULL, "123456789012", js(&bad)).is_err(),
        "a bad colour throws"
    );
    let removed = to_json(
        wasm::remove_user_account(js(&edited), "123456789012"),
        "removeUserAccount",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(removed, json!({"version": 1, "accounts": []}));
}
