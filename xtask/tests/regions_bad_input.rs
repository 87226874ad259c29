//! `cargo xtask regions` on bad botocore input: it names the file and the field, writes nothing and
//! exits non-zero (the real binary, on a botocore folder made here).

use std::path::Path;
use std::process::Command;

/// The generated files, whose contents must not change.
const GENERATED: [&str; 4] = [
    "xtask/catalogue/botocore.tsv",
    "src/aws/catalogue.rs",
    "extension/lib/aws-sites.js",
    "xtask/src/aws_sites.rs",
];

#[test]
fn bad_botocore_input_names_file_and_field_and_writes_nothing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let before: Vec<Vec<u8>> = GENERATED
        .iter()
        .map(|p| std::fs::read(root.join(p)).expect("generated file"))
        .collect();
    let dir = std::env::temp_dir().join(format!("xtask-bad-botocore-{}", std::process::id()));
    let data = dir.join("botocore/data");
    std::fs::create_dir_all(data.join("signin/2023-01-01")).expect("temp writable");
    std::fs::write(dir.join("botocore/__init__.py"), "__version__ = '1.44.8'\n").expect("writable");
    // A rule set whose shape changed, and a partition without its `outputs`.
    std::fs::write(
        data.join("partitions.json"),
        r#"{"partitions": [{"id": "aws", "regions": {"us-east-1": {"description": "US East (N. Virginia)"}}}]}"#,
    )
    .expect("writable");
    std::fs::write(
        data.join("endpoints.json"),
        r#"{"partitions": [{"partition": "aws", "regions": {"us-east-1": {"description": "US East (N. Virginia)"}}}]}"#,
    )
    .expect("writable");
    std::fs::write(
        data.join("signin/2023-01-01/endpoint-rule-set-1.json"),
        r#"{"rules": [{"conditions": [], "type": "sometimes"}]}"#,
    )
    .expect("writable");

    let run = |dir: &Path| {
        Command::new(env!("CARGO_BIN_EXE_xtask"))
            .args(["regions", "--botocore"])
            .arg(dir)
            .output()
            .expect("xtask runs")
    };
    let output = run(&dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(
        stderr.contains("signin/2023-01-01/endpoint-rule-set-1.json: `rules[0].type`"),
        "{stderr}"
    );

    // The rule set fixed, the partition's missing field is named next.
    std::fs::write(
        data.join("signin/2023-01-01/endpoint-rule-set-1.json"),
        r#"{"rules": [{"conditions": [{"fn": "stringEquals", "argv": [{"fn": "getAttr", "argv": [{"ref": "PartitionResult"}, "name"]}, "aws"]}], "endpoint": {"url": "https://{Region}.signin.aws.amazon.com"}, "type": "endpoint"}]}"#,
    )
    .expect("writable");
    let output = run(&dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(
        stderr.contains("partitions.json: partition aws has no `outputs.dnsSuffix` domain"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).expect("clean up");

    let after: Vec<Vec<u8>> = GENERATED
        .iter()
        .map(|p| std::fs::read(root.join(p)).expect("generated file"))
        .collect();
    assert!(before == after, "a failed run wrote a generated file");
}
