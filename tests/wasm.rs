//! The WebAssembly exports, run in a browser: every corpus row (`tests/data/urls.tsv`) must come out
//! of `classify` as the corpus decides, and as the same JSON the native core gives.
//!
//! Run with `cargo xtask test` (headless Chromium through wasm-bindgen-test-runner), once for each
//! package: without features (the core API), with `--features extension` (plus the extension's
//! exports), with `--features pages` (plus the bookmark doctor's and the team editor's) and with
//! `--features tools` (the web page's bookmark files and team links). The wake package
//! (`--features wake`) has only its events' exports: it reads only plain addresses and answers
//! `undefined` where an answer needs the extension package.
#![cfg(target_arch = "wasm32")]

use serde_json::{json, Value};
#[cfg(not(wake_package))]
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

/// Where `verdict` (as JSON) differs from the row's kind, account, region and canonical URL.
fn differences(row: &Row, verdict: &Value, failures: &mut Vec<String>) {
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

#[cfg(not(wake_package))]
#[wasm_bindgen_test]
fn classify_gives_each_rows_kind_account_region_and_canonical() {
    let mut failures = Vec::new();
    for row in rows() {
        match to_json(wasm::classify(row.url), "classify") {
            Ok(verdict) => differences(&row, &verdict, &mut failures),
            Err(e) => failures.push(format!("{}: {e}", row.name())),
        }
    }
    report("classify", failures);
}

/// The wake package has no `classify`: its page report of each row shows the corpus's verdict,
/// or is `undefined` (left to the extension package, which the test above checks) for the few
/// rows only the WHATWG parser reads.
#[cfg(wake_package)]
#[wasm_bindgen_test]
fn the_wake_packages_page_report_of_each_row_shows_its_verdict_or_is_left() {
    let mut failures = Vec::new();
    let mut left = Vec::new();
    for row in rows() {
        let answer = wasm::page_report(js(&json!({"url": row.url})));
        if answer.as_ref().is_ok_and(JsValue::is_undefined) {
            left.push(row.name());
            continue;
        }
        match to_json(answer, "pageReport") {
            Ok(report) => differences(&row, &report["view"]["verdict"], &mut failures),
            Err(e) => failures.push(format!("{}: {e}", row.name())),
        }
    }
    report("pageReport's verdict", failures);
    // The corpus is mostly the AWS addresses people have, nearly all plain.
    assert!(left.len() < 20, "{} rows left: {left:#?}", left.len());
    assert!(!left.is_empty(), "no row left to the extension package");
}

#[cfg(not(wake_package))]
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

#[cfg(not(wake_package))]
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

#[cfg(not(wake_package))]
/// A JS array of the corpus URLs, as a page hands them over.
fn corpus_array(rows: &[Row]) -> js_sys::Array {
    rows.iter().map(|r| JsValue::from_str(r.url)).collect()
}

#[cfg(not(wake_package))]
/// `JSON.stringify` of a value: field order, `null` and `[]` as JS code sees them.
fn json_text(value: &JsValue) -> String {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| "(not JSON)".to_owned())
}

#[cfg(not(wake_package))]
#[wasm_bindgen_test]
fn classify_many_equals_classify_one_by_one() {
    let rows = rows();
    let many = match wasm::classify_many(corpus_array(&rows)) {
        Ok(many) => many,
        Err(e) => panic!("classifyMany threw {:?}", JsValue::from(e)),
    };
    assert_eq!(
        many.length() as usize,
        rows.len(),
        "classifyMany: one verdict per URL"
    );
    let mut failures = Vec::new();
    for (row, from_many) in rows.iter().zip(many.iter()) {
        // The same object as `classify` gives, down to the order of its fields and its nulls.
        match wasm::classify(row.url) {
            Ok(one) if json_text(&one) == json_text(&from_many) => {}
            Ok(one) => failures.push(format!(
                "{}: classifyMany gave {}, classify {}",
                row.name(),
                json_text(&from_many),
                json_text(&one)
            )),
            Err(e) => failures.push(format!(
                "{}: classify threw {:?}",
                row.name(),
                JsValue::from(e)
            )),
        }
    }
    report("classifyMany", failures);
}

#[cfg(not(wake_package))]
#[wasm_bindgen_test]
fn classify_many_reads_urls_that_hold_a_line_break_and_redacts_secrets() {
    // The list crosses as one text joined by line breaks; a URL holding one is read one by one.
    let urls = [
        "https://example.com/a\nb",
        "https://signin.aws.amazon.com/federation?Action=login&SigninToken=SECRET",
        "",
    ];
    let list: js_sys::Array = urls.iter().map(|u| JsValue::from_str(u)).collect();
    let many = wasm::classify_many(list).unwrap_or_else(|e| panic!("{:?}", JsValue::from(e)));
    assert_eq!(many.length(), 3);
    for (url, from_many) in urls.iter().zip(many.iter()) {
        let one = wasm::classify(url).unwrap_or_else(|e| panic!("{:?}", JsValue::from(e)));
        assert_eq!(json_text(&from_many), json_text(&one), "{url:?}");
    }
    assert!(
        !json_text(&many.get(1)).contains("SECRET"),
        "the token is redacted"
    );
    let empty = wasm::classify_many(js_sys::Array::new())
        .unwrap_or_else(|e| panic!("{:?}", JsValue::from(e)));
    assert_eq!(empty.length(), 0);
}

#[cfg(not(wake_package))]
#[wasm_bindgen_test]
fn classify_many_gives_each_verdict_its_own_warnings_array() {
    let urls: js_sys::Array = ["https://example.com/", "https://example.org/"]
        .into_iter()
        .map(JsValue::from_str)
        .collect();
    let many = wasm::classify_many(urls).unwrap_or_else(|e| panic!("{:?}", JsValue::from(e)));
    let warnings =
        |i: u32| js_sys::Reflect::get(&many.get(i), &"warnings".into()).unwrap_or_default();
    assert!(js_sys::Array::is_array(&warnings(0)));
    assert!(
        !js_sys::Object::is(&warnings(0), &warnings(1)),
        "two verdicts share one array"
    );
}

#[cfg(not(wake_package))]
#[wasm_bindgen_test]
fn classify_many_and_scan_urls_name_the_entry_that_is_not_a_string() {
    let urls: js_sys::Array = [
        JsValue::from_str("https://example.com/"),
        JsValue::from_f64(7.0),
    ]
    .into_iter()
    .collect();
    for (name, result) in [
        (
            "classifyMany",
            wasm::classify_many(urls.clone()).map(JsValue::from),
        ),
        ("scanUrls", wasm::scan_urls(urls.clone())),
    ] {
        let error = match result {
            Ok(value) => panic!("{name} gave {}, not an error", json_text(&value)),
            Err(e) => JsValue::from(e),
        };
        let message = js_sys::Reflect::get(&error, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_default();
        assert_eq!(message, "URL 1 of the list is not a string", "{name}");
    }
}

#[cfg(not(wake_package))]
#[wasm_bindgen_test]
fn scan_urls_gives_each_rows_kind_and_the_aws_urls() {
    let rows = rows();
    let scan = match wasm::scan_urls(corpus_array(&rows)) {
        Ok(scan) => scan,
        Err(e) => panic!("scanUrls threw {:?}", JsValue::from(e)),
    };
    let field = |name: &str| js_sys::Reflect::get(&scan, &name.into()).unwrap_or_default();
    let kinds = js_sys::Uint8Array::new(&field("kinds")).to_vec();
    let aws = js_sys::Uint32Array::new(&field("aws")).to_vec();
    let names: Vec<String> = js_sys::Array::from(&field("kind_names"))
        .iter()
        .filter_map(|n| n.as_string())
        .collect();
    assert_eq!(kinds.len(), rows.len(), "scanUrls: one kind per URL");
    let mut failures = Vec::new();
    let mut expected_aws = Vec::new();
    for (index, (row, kind)) in rows.iter().zip(&kinds).enumerate() {
        let name = names.get(usize::from(*kind)).map(String::as_str);
        if name != Some(row.kind) {
            failures.push(format!(
                "{}: scanUrls says {name:?}, the corpus {}",
                row.name(),
                row.kind
            ));
        }
        if row.kind != "unrelated" {
            expected_aws.push(index as u32);
        }
    }
    report("scanUrls", failures);
    assert_eq!(aws, expected_aws, "scanUrls: the indices of the AWS URLs");
}

#[cfg(not(wake_package))]
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

#[cfg(not(wake_package))]
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

// The wake package and up --------------------------------------------------------------

#[cfg(feature = "wake")]
#[wasm_bindgen_test]
fn known_accounts_load_leniently_alone_and_in_a_page_report() {
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
    let report = to_json(
        wasm::page_report(js(&json!({
            "url": "https://prod.signin.aws.amazon.com/console", "known": loaded["known"]}))),
        "pageReport",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report["view"]["account_id"], "111122223333");
    assert_eq!(report["known_unreadable"], Value::Null, "{report}");
    // The page report takes them as stored too, read as `loadKnownAccounts` reads them, and says
    // what it dropped (the worker then stores the readable ones and records the problem).
    let report = to_json(
        wasm::page_report(js(&json!({
            "url": "https://prod.signin.aws.amazon.com/console", "known": stored}))),
        "pageReport",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report["view"]["account_id"], "111122223333");
    assert_eq!(report["known_unreadable"], loaded, "{report}");
}

/// The wake package reads plain addresses by hand and carries no WHATWG parser: for any other
/// address an event's answer is `undefined` (the worker then asks the extension package, whose
/// answers are tested above and in the end-to-end tests).
#[cfg(wake_package)]
#[wasm_bindgen_test]
fn the_wake_package_leaves_to_the_extension_package_what_only_the_parser_reads() {
    let warning_page = "chrome-extension://x/warning.html";
    let answers = |url: &str| {
        let report = wasm::page_report(js(&json!({"url": url})));
        let change = wasm::bookmark_change(js(&json!({"id": "b1", "url": url})));
        let navigation = wasm::lookalike_navigation(js(&json!({
            "url": url, "frame_id": 0, "committed": false, "warning_page": warning_page,
            "state": {}})));
        [
            ("pageReport", report),
            ("bookmarkChange", change),
            ("lookalikeNavigation", navigation),
        ]
        .map(|(export, answer)| {
            let answer =
                answer.unwrap_or_else(|e| panic!("{export}({url}): {:?}", JsValue::from(e)));
            (export, answer.is_undefined())
        })
    };
    for (url, left) in [
        ("https://prod.signin.aws.amazon.com/console", false),
        (
            "https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:",
            false,
        ),
        // Text that is no AWS address needs no parser to be told apart.
        ("about:blank", false),
        ("https://user@prod.signin.aws.amazon.com/console", true),
        ("https://signin.aws.xn--amazn-uce.com/console", true),
    ] {
        for (export, undefined) in answers(url) {
            assert_eq!(undefined, left, "{export}({url}) is undefined: {undefined}");
        }
        // The note is cleared with each answer: a plain address after one left is answered.
        for (export, undefined) in answers("https://prod.signin.aws.amazon.com/console") {
            assert!(!undefined, "{export} of a plain address after {url}");
        }
    }
}

// The extension package and up: the team configuration ----------------------------------------------------------------------

#[cfg(any(feature = "wake", feature = "tools"))]
/// A JSON value as the plain JS object the extension would pass.
fn js(value: &Value) -> JsValue {
    use serde::Serialize;
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .expect("JSON crosses into JS")
}

#[cfg(feature = "wake")]
fn team_example() -> Value {
    json!({"version": 1, "accounts": [
        {"accountId": "111122223333", "alias": "acme-prod", "displayName": "Production",
         "defaultRegion": "eu-west-1"},
        {"accountId": "210987654321", "alias": "acme-data", "displayName": "Data lake"}]})
}

#[cfg(feature = "wake")]
#[wasm_bindgen_test]
fn a_noted_navigation_keeps_no_token() {
    let event = json!({"url": "https://signin.aws.amazon.com/federation?Action=login&SigninToken=VERYSECRET",
                       "committed": true, "transition_type": "auto_bookmark", "bookmark_ids": ["b7"]});
    let noted = to_json(wasm::note_navigation(js(&event)), "noteNavigation")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        noted["url"],
        "https://signin.aws.amazon.com/federation?Action=login&SigninToken=[redacted]"
    );
    assert_eq!(noted["bookmark_ids"], json!(["b7"]));
    assert_eq!(noted["transition_type"], "auto_bookmark");
}

#[cfg(feature = "wake")]
#[wasm_bindgen_test]
fn page_report_takes_the_team_from_the_facts() {
    let facts = |url: &str| {
        js(&json!({"url": url, "notice_on": true,
                   "team": {"managed": team_example(), "user": null}}))
    };
    let report = to_json(
        wasm::page_report(facts("https://acme-prod.signin.aws.amazon.com/console")),
        "pageReport",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let view = &report["view"];
    assert_eq!(view["team_account"]["name"], "Production (acme-prod)");
    assert_eq!(view["team_account"]["default_region"], "eu-west-1");
    assert_eq!(view["team_account"]["source"], "managed");
    assert_eq!(
        view["notice"]["headline"],
        "Sign-in page of account Production (acme-prod)"
    );
    let other = to_json(
        wasm::page_report(facts("https://999988887777.signin.aws.amazon.com/console")),
        "pageReport",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        other["view"]["team_warning"],
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
/// Every package reads only configurations the core wrote, as a whole (the strict reading: the
/// same meaning in every package); `parseTeamConfig` is the lenient reader.
#[wasm_bindgen_test]
fn merge_accounts_reads_unchecked_documents_strictly_in_every_package() {
    let one_bad_value = json!({"version": 1, "accounts": [
        {"accountId": "111122223333", "color": "green"}]});
    let merged = to_json(
        wasm::merge_accounts(js(&one_bad_value), JsValue::NULL),
        "mergeAccounts",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let listed = merged["accounts"].as_array().map_or(0, Vec::len);
    assert_eq!(listed, 0, "{merged}");
}

#[cfg(feature = "wake")]
#[wasm_bindgen_test]
fn a_page_report_keeps_the_address_a_bookmark_held_through_the_flows_own_steps() {
    let first = "https://signin.aws.amazon.com/signin?redirect_uri=x";
    let navigations = json!([
        {"url": first, "time": 1, "committed": true, "transition_type": "auto_bookmark",
         "transition_qualifiers": []},
        {"url": "https://us-east-1.signin.aws.amazon.com/oauth", "transition_type": "link",
         "transition_qualifiers": []}]);
    let report = to_json(
        wasm::page_report(js(&json!({
            "url": "https://us-east-1.signin.aws.amazon.com/oauth", "from_page": true,
            "notice_on": true, "state": {"navigations": navigations}}))),
        "pageReport",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report["state"]["flow"], json!({"first_url": first}));
    assert_eq!(report["state"]["navigations"], json!([]));
    assert_eq!(report["redirect"]["url"], first);
    assert_eq!(
        report["notice"]["headline"],
        "You arrived through a sign-in redirect"
    );
}

// The pages package only ---------------------------------------------------------------------------

// In the extension package: the worker checks a changed managed configuration with it.
#[cfg(feature = "extension")]
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
    // Nothing at all is a document without "version", not a failure to read.
    let nothing = to_json(
        wasm::parse_team_config(JsValue::UNDEFINED),
        "parseTeamConfig",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(nothing["config"], Value::Null);
    assert!(
        nothing["problems"]
            .as_array()
            .is_some_and(|p| !p.is_empty()),
        "{nothing}"
    );
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
    let report = wasm::analyze_bookmarks(js(&bookmarks), JsValue::UNDEFINED)
        .unwrap_or_else(|_| panic!("analyzes"));
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
        wasm::plan_bookmark_batch(report.clone(), js(&selection), JsValue::UNDEFINED),
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
    let fixed = wasm::doctor_fix_with_account(js(&finding), "team", JsValue::UNDEFINED)
        .unwrap_or_else(|_| panic!("a valid alias"));
    assert_eq!(fixed, "https://team.signin.aws.amazon.com/console");
    assert!(wasm::doctor_fix_with_account(js(&finding), "12345", JsValue::UNDEFINED).is_err());
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

// The tools package -----------------------------------------------------

#[cfg(feature = "tools")]
const BOOKMARK_FILE: &str = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n\
    <DT><A HREF=\"http://myteam.signin.aws.amazon.com/console\">Team</A>\n\
    <DT><A HREF=\"https://signin.aws.amazon.com.evil.example/console\">Phish</A>\n\
    </DL><p>\n";

/// What `fixBookmarkFile` gives, its bytes read back from their `Uint8Array`.
#[cfg(feature = "tools")]
#[derive(serde::Deserialize)]
struct FixedFile {
    #[serde(deserialize_with = "byte_buf")]
    output: Vec<u8>,
    changes: Vec<Value>,
    deleted: Vec<Value>,
    problems: Vec<Value>,
}

#[cfg(feature = "tools")]
fn byte_buf<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
    struct Bytes;
    impl serde::de::Visitor<'_> for Bytes {
        type Value = Vec<u8>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a Uint8Array")
        }
        fn visit_byte_buf<E>(self, bytes: Vec<u8>) -> Result<Vec<u8>, E> {
            Ok(bytes)
        }
        fn visit_bytes<E>(self, bytes: &[u8]) -> Result<Vec<u8>, E> {
            Ok(bytes.to_vec())
        }
    }
    deserializer.deserialize_byte_buf(Bytes)
}

#[cfg(feature = "tools")]
#[wasm_bindgen_test]
fn a_bookmark_file_is_checked_and_fixed_as_chosen() {
    let checked = to_json(
        wasm::check_bookmark_file(BOOKMARK_FILE.as_bytes()),
        "checkBookmarkFile",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(checked["report"]["needs_attention"], 2);
    assert_eq!(checked["report"]["groups"][0]["findings"][0]["line"], 4);
    assert_eq!(
        checked["fix_all"],
        json!({"findings": [{"id": "0", "action": "replace", "account": null}], "duplicates": []})
    );
    let selection =
        json!({"findings": [{"id": "0", "action": "replace"}, {"id": "1", "action": "delete"}]});
    let fixed = wasm::fix_bookmark_file(BOOKMARK_FILE.as_bytes(), js(&selection))
        .unwrap_or_else(|e| panic!("fixBookmarkFile threw {:?}", JsValue::from(e)));
    let fixed: FixedFile = serde_wasm_bindgen::from_value(fixed).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        String::from_utf8(fixed.output).unwrap_or_default(),
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n\
         <DT><A HREF=\"https://myteam.signin.aws.amazon.com/console\">Team</A>\n\
         </DL><p>\n"
    );
    assert_eq!((fixed.changes.len(), fixed.deleted.len()), (1, 1));
    assert!(fixed.problems.is_empty());
    let error = wasm::check_bookmark_file(b"{\"roots\": {}}")
        .err()
        .map(JsValue::from);
    let message = format!("{error:?}");
    assert!(
        message.contains("line 1, column 1") && message.contains("JSON"),
        "{message}"
    );
}

#[cfg(feature = "tools")]
#[wasm_bindgen_test]
fn a_pasted_team_file_gives_its_links_searched_and_its_secrets_go() {
    let pasted = "[profile dev]\nsso_start_url = https://acme.awsapps.com/start\n\
                  sso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = eu-west-1\n\
                  aws_secret_access_key = s3cr3tValue\n";
    let links = wasm::JsTeamLinks::new(pasted, None);
    let view = to_json(links.view(), "TeamLinks.view").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(view["source"], "aws_config");
    assert_eq!(view["rows"][0]["method"], "access_portal");
    assert_eq!(view["rows"][0]["region_name"], "Europe (Ireland)");
    assert!(view["bookmarks_file"]
        .as_str()
        .is_some_and(|file| file.contains("<H3>dev</H3>")));
    assert!(!json_text(&js(&view)).contains("s3cr3tValue"));
    assert!(view["secrets"]
        .as_str()
        .is_some_and(|s| s.contains("aws_secret_access_key")));
    let found =
        to_json(links.search("DEV eu-w"), "TeamLinks.search").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(found["rows"], json!([0]));
    let none = to_json(links.search("prod"), "TeamLinks.search").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        none,
        json!({"rows": [], "summary": "No link matches “prod”."})
    );
    assert_eq!(
        wasm::redact_pasted_secrets("{\"SessionToken\": \"tok\"}"),
        "{\"SessionToken\": \"[redacted]\"}"
    );
}
