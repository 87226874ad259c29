//! Each partition's sign-in domain, from botocore's endpoint rules of the `signin` service
//! (`data/signin/2023-01-01/endpoint-rule-set-1.json.gz`), whose plain endpoints are
//! `https://{Region}.signin.DOMAIN`.

use serde_json::Value;

/// The rule-set file as botocore names it, for messages.
const FILE: &str = "signin/2023-01-01/endpoint-rule-set-1.json";

/// What the endpoint URL of a plain (not FIPS, not dual-stack) regional sign-in rule starts with.
const PREFIX: &str = "https://{Region}.signin.";

/// The default rule's domain, a template over the partition's `outputs`.
const DNS_SUFFIX_TEMPLATE: &str = "{PartitionResult#dnsSuffix}";

/// The sign-in domains the rules give: `(partition id, domain)` in rule order, the first rule for a
/// partition winning (rules are evaluated in order), plus the partition-independent default's
/// domain template if there is one (`None` when the rules have no default).
pub struct SigninDomains {
    pub by_partition: Vec<(String, String)>,
    /// `Some(true)` when a rule without a partition condition gives
    /// `https://{Region}.signin.{PartitionResult#dnsSuffix}`.
    pub default_uses_dns_suffix: bool,
}

/// Reads the rule set; a changed shape is an error naming the field.
pub fn signin_domains(json: &str) -> Result<SigninDomains, String> {
    let root: Value =
        serde_json::from_str(json).map_err(|e| format!("{FILE}: not valid JSON: {e}"))?;
    let rules = root
        .get("rules")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{FILE}: no `rules` array"))?;
    let mut out = SigninDomains {
        by_partition: Vec::new(),
        default_uses_dns_suffix: false,
    };
    walk(rules, "rules", &[], &mut out)?;
    if out.by_partition.is_empty() {
        return Err(format!(
            "{FILE}: no rule in `rules` has a partition condition and an endpoint \
             `https://{{Region}}.signin.DOMAIN` (the rule set's shape changed)"
        ));
    }
    Ok(out)
}

/// Visits every rule, with the conditions of the trees around it.
fn walk(
    rules: &[Value],
    path: &str,
    outer: &[&Value],
    out: &mut SigninDomains,
) -> Result<(), String> {
    for (index, rule) in rules.iter().enumerate() {
        let here = format!("{path}[{index}]");
        let conditions = rule
            .get("conditions")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("{FILE}: `{here}.conditions` is not an array"))?;
        let mut all: Vec<&Value> = outer.to_vec();
        all.extend(conditions);
        match rule.get("type").and_then(Value::as_str) {
            Some("tree") => {
                let inner = rule
                    .get("rules")
                    .and_then(Value::as_array)
                    .ok_or_else(|| format!("{FILE}: `{here}.rules` is not an array"))?;
                walk(inner, &format!("{here}.rules"), &all, out)?;
            }
            Some("endpoint") => {
                let url = rule
                    .get("endpoint")
                    .and_then(|e| e.get("url"))
                    .ok_or_else(|| format!("{FILE}: `{here}.endpoint.url` is missing"))?;
                // A reference (`{"ref": "Endpoint"}`) is the caller's own endpoint: nothing to learn.
                let Some(url) = url.as_str() else { continue };
                if is_variant(&all) {
                    continue;
                }
                let Some(domain) = url.strip_prefix(PREFIX) else {
                    continue;
                };
                match partition_condition(&all) {
                    Some(partition) => {
                        if domain.contains(['{', '}', '/'])
                            || !crate::domain_name::is_domain(domain)
                        {
                            return Err(format!(
                                "{FILE}: `{here}.endpoint.url` {url:?} has no plain sign-in domain"
                            ));
                        }
                        let signin = format!("signin.{domain}");
                        if !out.by_partition.iter().any(|(p, _)| p == partition) {
                            out.by_partition.push((partition.to_owned(), signin));
                        }
                    }
                    None if domain == DNS_SUFFIX_TEMPLATE => out.default_uses_dns_suffix = true,
                    None => {}
                }
            }
            Some("error") => {}
            other => {
                return Err(format!(
                    "{FILE}: `{here}.type` is {other:?}, not \"tree\", \"endpoint\" or \"error\""
                ))
            }
        }
    }
    Ok(())
}

/// Whether the conditions ask for a FIPS or dual-stack endpoint (or one of a custom endpoint).
fn is_variant(conditions: &[&Value]) -> bool {
    conditions.iter().any(|c| {
        let f = c.get("fn").and_then(Value::as_str);
        let argv = c.get("argv").and_then(Value::as_array);
        match (f, argv.map(Vec::as_slice)) {
            (Some("booleanEquals"), Some([reference, Value::Bool(true)])) => matches!(
                reference.get("ref").and_then(Value::as_str),
                Some("UseFIPS" | "UseDualStack")
            ),
            _ => false,
        }
    })
}

/// The partition of a `stringEquals(getAttr(PartitionResult, "name"), P)` condition.
fn partition_condition<'a>(conditions: &[&'a Value]) -> Option<&'a str> {
    conditions.iter().find_map(|c| {
        if c.get("fn").and_then(Value::as_str) != Some("stringEquals") {
            return None;
        }
        let [attr, Value::String(partition)] = c.get("argv")?.as_array()?.as_slice() else {
            return None;
        };
        let is_name = attr.get("fn").and_then(Value::as_str) == Some("getAttr")
            && attr.get("argv").and_then(Value::as_array).is_some_and(|a| {
                a.len() == 2
                    && a[0].get("ref").and_then(Value::as_str) == Some("PartitionResult")
                    && a[1].as_str() == Some("name")
            });
        is_name.then_some(partition.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rule of the shape botocore uses: `https://{Region}.signin.DOMAIN` for a partition.
    pub fn rule(partition: &str, url: &str, fips: bool) -> String {
        format!(
            r#"{{"conditions": [
                {{"fn": "booleanEquals", "argv": [{{"ref": "UseFIPS"}}, {fips}]}},
                {{"fn": "aws.partition", "argv": [{{"ref": "Region"}}], "assign": "PartitionResult"}},
                {{"fn": "stringEquals", "argv": [{{"fn": "getAttr", "argv": [{{"ref": "PartitionResult"}}, "name"]}}, "{partition}"]}}
            ], "endpoint": {{"url": "{url}"}}, "type": "endpoint"}}"#
        )
    }

    #[test]
    fn reads_plain_regional_endpoints_first_rule_winning() {
        let json = format!(
            r#"{{"rules": [
                {{"conditions": [], "type": "tree", "rules": [{}, {}]}},
                {},
                {},
                {{"conditions": [], "endpoint": {{"url": "https://{{Region}}.signin.{{PartitionResult#dnsSuffix}}"}}, "type": "endpoint"}},
                {{"conditions": [], "error": "no", "type": "error"}}
            ]}}"#,
            rule("aws", "https://{Region}.signin-fips.aws.amazon.com", true),
            rule("aws", "https://{Region}.signin.aws.amazon.com", false),
            rule("aws", "https://{Region}.signin.other.example", false),
            rule(
                "aws-eusc",
                "https://{Region}.signin.amazonaws-eusc.eu",
                false
            ),
        );
        let found = signin_domains(&json).expect("valid rules");
        assert_eq!(
            found.by_partition,
            [
                ("aws".to_owned(), "signin.aws.amazon.com".to_owned()),
                ("aws-eusc".to_owned(), "signin.amazonaws-eusc.eu".to_owned())
            ]
        );
        assert!(found.default_uses_dns_suffix);
    }

    #[test]
    fn a_changed_shape_names_the_field() {
        for (json, field) in [
            (r#"{"version": "1.0"}"#, "no `rules` array"),
            (
                r#"{"rules": [{"type": "endpoint"}]}"#,
                "`rules[0].conditions`",
            ),
            (
                r#"{"rules": [{"conditions": [], "type": "tree"}]}"#,
                "`rules[0].rules`",
            ),
            (
                r#"{"rules": [{"conditions": [], "type": "endpoint"}]}"#,
                "`rules[0].endpoint.url`",
            ),
            (
                r#"{"rules": [{"conditions": [], "type": "rule"}]}"#,
                "`rules[0].type`",
            ),
            (r#"{"rules": []}"#, "shape changed"),
        ] {
            let err = signin_domains(json).err().expect("must be rejected");
            assert!(err.starts_with(FILE), "{err}");
            assert!(err.contains(field), "{json}: {err}");
        }
        let bad = format!(
            r#"{{"rules": [{}]}}"#,
            rule("aws", "https://{Region}.signin.{Other}", false)
        );
        let err = signin_domains(&bad).err().expect("must be rejected");
        assert!(err.contains("`rules[0].endpoint.url`"), "{err}");
    }
}
