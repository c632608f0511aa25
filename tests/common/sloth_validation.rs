//! Sloth's own checks of a `prometheus/v1` spec, ported rule by rule so the Sloth export is
//! held to what `sloth generate` accepts rather than to our own idea of it. Source: slok/sloth
//! at 0e395d81513ff701f5d27b7aa47d794cb764fd5e; each check names its Go file and line.

use serde_yaml::Value;

/// Sloth's `NameRegexpStr` (`pkg/common/conventions/conventions.go:10`):
/// `^[A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]$`.
fn is_name(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.len() >= 2
        && chars[0].is_ascii_alphanumeric()
        && chars[chars.len() - 1].is_ascii_alphanumeric()
        && chars
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(*c))
}

/// `TplSLIQueryWindowVarRegex` (`conventions.go:14`): `{{ *\.window *}}`, replaced by the
/// fake data `promql.go:57` renders it with (`1m`). Any other `{{` is a template action
/// Sloth would run (`promql.go:67-76`): refused here.
fn render_window(query: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = query;
    let mut found = false;
    while let Some(at) = rest.find("{{") {
        out.push_str(&rest[..at]);
        let action = &rest[at + 2..];
        let end = action
            .find("}}")
            .ok_or("an unclosed template action (promql.go:67)")?;
        if action[..end].trim_matches(' ') != ".window" {
            return Err(format!(
                "a template action other than {{{{.window}}}}: {{{{{}}}}} (promql.go:73)",
                &action[..end]
            ));
        }
        out.push_str("1m");
        found = true;
        rest = &action[end + 2..];
    }
    out.push_str(rest);
    if !found {
        return Err("template must contain the {{ .window }} variable (slo.go:28)".into());
    }
    Ok(out)
}

/// `isValidSLIQueryTemplate` (`slo.go:23`) and `ValidateQueryExpression` (`promql.go:59`):
/// present, with the window variable, and PromQL once rendered.
fn check_query(query: Option<&str>, what: &str, problems: &mut Vec<String>) {
    let Some(query) = query.filter(|q| !q.is_empty()) else {
        problems.push(format!("{what}: query template is required (slo.go:24)"));
        return;
    };
    match render_window(query) {
        Err(e) => problems.push(format!("{what}: {e}")),
        Ok(rendered) => {
            if let Err(e) = promql_parser::parser::parse(&rendered) {
                problems.push(format!(
                    "{what}: not PromQL (promql.go:78): {e}: {rendered}"
                ));
            }
        }
    }
}

/// `ValidateLabelKey` (`promql.go:17`): not `__name__`, a valid UTF-8 label name (any
/// non-empty string, in Prometheus' UTF-8 validation); `ValidateLabelValue` (`promql.go:29`):
/// not empty.
fn check_labels(labels: Option<&Value>, what: &str, annotations: bool, problems: &mut Vec<String>) {
    let Some(labels) = labels else { return };
    let Some(map) = labels.as_mapping() else {
        problems.push(format!("{what}: not a mapping"));
        return;
    };
    for (k, v) in map {
        let (Some(k), Some(v)) = (k.as_str(), v.as_str()) else {
            problems.push(format!("{what}: {k:?}: {v:?} is not text: text"));
            continue;
        };
        if k.is_empty() || (!annotations && k == "__name__") {
            problems.push(format!("{what}: key {k:?} (promql.go:18/42)"));
        }
        if v.is_empty() {
            problems.push(format!(
                "{what}: {k}: the value is required (promql.go:30/50)"
            ));
        }
    }
}

/// Every problem Sloth would find in one `prometheus/v1` document, loaded by
/// `internal/storage/io/sloth.go` and checked by `ValidateSLO` (`slo.go:148`).
pub fn sloth_problems(doc: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    // sloth.go:67: the version.
    if doc["version"].as_str() != Some("prometheus/v1") {
        problems.push("invalid spec version (sloth.go:67)".into());
    }
    let service = doc["service"].as_str().unwrap_or_default();
    // slo.go:157: the service is a name.
    if !is_name(service) {
        problems.push(format!("invalid SLO service {service:?} (slo.go:157)"));
    }
    check_labels(doc.get("labels"), "labels", false, &mut problems);
    let slos = doc["slos"].as_sequence().cloned().unwrap_or_default();
    // sloth.go:72: at least one SLO.
    if slos.is_empty() {
        problems.push("at least one SLO is required (sloth.go:72)".into());
    }
    for slo in &slos {
        let name = slo["name"].as_str().unwrap_or_default();
        let at = format!("SLO {name:?}");
        // slo.go:149 and :153: the ID (service-name, sloth.go:114) and the name.
        if !is_name(&format!("{service}-{name}")) || !is_name(name) {
            problems.push(format!("{at}: invalid SLO ID or name (slo.go:149/153)"));
        }
        // slo.go:165: the objective.
        match slo["objective"].as_f64() {
            Some(o) if o > 0.0 && o <= 100.0 => {}
            other => problems.push(format!(
                "{at}: objective {other:?} must >0 and <=100 (slo.go:165)"
            )),
        }
        check_labels(
            slo.get("labels"),
            &format!("{at} labels"),
            false,
            &mut problems,
        );
        // slo.go:38-77: exactly one SLI type, queries valid, error != total.
        let sli = &slo["sli"];
        match (sli.get("events"), sli.get("raw")) {
            (Some(events), None) => {
                let error = events["error_query"].as_str();
                let total = events["total_query"].as_str();
                if error == total {
                    problems.push(format!(
                        "{at}: both error and total queries can't be the same (slo.go:49)"
                    ));
                }
                check_query(error, &format!("{at} error_query"), &mut problems);
                check_query(total, &format!("{at} total_query"), &mut problems);
            }
            (None, Some(raw)) => check_query(
                raw["error_ratio_query"].as_str(),
                &format!("{at} error_ratio_query"),
                &mut problems,
            ),
            _ => problems.push(format!(
                "{at}: exactly one SLI type is required (slo.go:38/42)"
            )),
        }
        // slo.go:82-122 with sloth.go:172-186: page and ticket alerts, their name, labels
        // and annotations (the alerting ones merged with each alert's own).
        let alerting = &slo["alerting"];
        for kind in ["page_alert", "ticket_alert"] {
            if alerting[kind]["disable"].as_bool() == Some(true) {
                continue;
            }
            if alerting["name"].as_str().is_none_or(str::is_empty) {
                problems.push(format!("{at} {kind}: alert name is required (slo.go:99)"));
            }
            for field in ["labels", "annotations"] {
                let annotations = field == "annotations";
                check_labels(
                    alerting.get(field),
                    &format!("{at} alerting {field}"),
                    annotations,
                    &mut problems,
                );
                check_labels(
                    alerting[kind].get(field),
                    &format!("{at} {kind} {field}"),
                    annotations,
                    &mut problems,
                );
            }
        }
    }
    problems
}

/// The period a Sloth file's header tells the user to run it with
/// (`--default-slo-period=Nd`), which must be one Sloth can parse (`generate.go:98`).
pub fn commanded_period_days(text: &str) -> Option<u32> {
    let at = text.find("--default-slo-period=")? + "--default-slo-period=".len();
    let digits: String = text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (text[at + digits.len()..].starts_with('d')).then(|| digits.parse().ok())?
}
