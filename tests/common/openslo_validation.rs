//! The OpenSLO v1 rules of OpenSLO's reference SDK, ported for the objects the workbook writes
//! (Service and SLO with an inline indicator), so the OpenSLO export is held to what
//! `oslo validate` and the Go SDK accept. Source: OpenSLO/go-sdk v0.9.2 at
//! ae145da12c36289a0c6566474f1ce8a9a6aeaf1e, `pkg/openslo/v1/`; each check names its file
//! and line. (OpenSLO/OpenSLO itself publishes no schema file, only the prose spec.)

use serde_yaml::Value;

/// govy's `StringDNSLabel` (RFC 1123 label): at most 63 of `[a-z0-9-]`, alphanumeric at both
/// ends.
fn is_dns_label(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 63
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !text.starts_with('-')
        && !text.ends_with('-')
}

/// `durationShorthandValidation` (`duration_shorthand.go:57`): `[0-9]+[mhdwMQY]`.
fn is_duration(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && text.len() == digits + 1 && "mhdwMQY".contains(&text[digits..])
}

/// `validationRulesMetadata` (`objects.go:105`): name a DNS label, displayName at most 63
/// characters.
fn check_metadata(metadata: &Value, at: &str, problems: &mut Vec<String>) {
    let name = metadata["name"].as_str().unwrap_or_default();
    if !is_dns_label(name) {
        problems.push(format!("{at}: metadata.name {name:?} (objects.go:114)"));
    }
    if let Some(display) = metadata.get("displayName") {
        let chars = display.as_str().map_or(usize::MAX, |d| d.chars().count());
        if chars > 63 {
            problems.push(format!(
                "{at}: metadata.displayName longer than 63 (objects.go:118)"
            ));
        }
    }
}

/// `StringMaxLength(1050)` on a description (`service.go:73`, `slo.go:168`).
fn check_description(spec: &Value, at: &str, problems: &mut Vec<String>) {
    if let Some(d) = spec.get("description") {
        if d.as_str().is_none_or(|d| d.chars().count() > 1050) {
            problems.push(format!(
                "{at}: spec.description longer than 1050 (slo.go:168)"
            ));
        }
    }
}

/// `sliMetricSpecValidation` (`sli.go:174-187`): a metric source with a spec of at least one
/// entry.
fn check_metric_source(source: &Value, at: &str, problems: &mut Vec<String>) {
    if source["metricSource"]["spec"]
        .as_mapping()
        .is_none_or(|m| m.is_empty())
    {
        problems.push(format!("{at}: metricSource.spec is required (sli.go:186)"));
    }
}

/// Every problem the SDK would find in one OpenSLO v1 document of the kinds written.
pub fn openslo_problems(doc: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let kind = doc["kind"].as_str().unwrap_or_default();
    let at = format!(
        "{kind} {:?}",
        doc["metadata"]["name"].as_str().unwrap_or_default()
    );
    // objects.go:87: apiVersion openslo/v1.
    if doc["apiVersion"].as_str() != Some("openslo/v1") {
        problems.push(format!("{at}: apiVersion (objects.go:93)"));
    }
    check_metadata(&doc["metadata"], &at, &mut problems);
    let spec = &doc["spec"];
    check_description(spec, &at, &mut problems);
    match kind {
        "Service" => {}
        "SLO" => {
            // slo.go:169: service required.
            if spec["service"].as_str().is_none_or(str::is_empty) {
                problems.push(format!("{at}: spec.service is required (slo.go:171)"));
            }
            // slo.go:172: budgetingMethod one of the three.
            let method = spec["budgetingMethod"].as_str().unwrap_or_default();
            if !["Occurrences", "Timeslices", "RatioTimeslices"].contains(&method) {
                problems.push(format!("{at}: budgetingMethod {method:?} (slo.go:175)"));
            }
            // slo.go:176-257: exactly one time window; calendar iff not rolling; its duration,
            // start time (time.DateTime) and time zone.
            let windows = spec["timeWindow"]
                .as_sequence()
                .cloned()
                .unwrap_or_default();
            if windows.len() != 1 {
                problems.push(format!(
                    "{at}: timeWindow must hold one window (slo.go:178)"
                ));
            }
            for w in &windows {
                let rolling = w["isRolling"].as_bool().unwrap_or(false);
                if rolling == w.get("calendar").is_some() {
                    problems.push(format!("{at}: calendar must be set exactly when isRolling is false (slo.go:235-239)"));
                }
                if !w["duration"].as_str().is_some_and(is_duration) {
                    problems.push(format!(
                        "{at}: timeWindow duration {:?} (slo.go:245)",
                        w["duration"]
                    ));
                }
                if let Some(c) = w.get("calendar") {
                    let start = c["startTime"].as_str().unwrap_or_default();
                    let b = start.as_bytes();
                    let ok = b.len() == 19
                        && b.iter().enumerate().all(|(i, c)| match i {
                            4 | 7 => *c == b'-',
                            10 => *c == b' ',
                            13 | 16 => *c == b':',
                            _ => c.is_ascii_digit(),
                        });
                    if !ok {
                        problems.push(format!("{at}: calendar.startTime {start:?} (slo.go:252)"));
                    }
                    if c["timeZone"].as_str().is_none_or(str::is_empty) {
                        problems.push(format!("{at}: calendar.timeZone (slo.go:255)"));
                    }
                }
            }
            // slo.go:203-229: an inline indicator with valid metadata, ratio or threshold.
            let indicator = &spec["indicator"];
            check_metadata(
                &indicator["metadata"],
                &format!("{at} indicator"),
                &mut problems,
            );
            let ratio = indicator["spec"].get("ratioMetric");
            let threshold = indicator["spec"].get("thresholdMetric");
            match (ratio, threshold) {
                (Some(r), None) => {
                    // sli.go: exactly one of good and bad, and total.
                    if r.get("good").is_some() == r.get("bad").is_some() {
                        problems.push(format!(
                            "{at}: ratioMetric needs good or bad, not both (sli.go:141)"
                        ));
                    }
                    for part in ["good", "bad", "total"] {
                        if let Some(p) = r.get(part) {
                            check_metric_source(p, &format!("{at} {part}"), &mut problems);
                        }
                    }
                    if r.get("total").is_none() {
                        problems.push(format!("{at}: ratioMetric.total is required (sli.go:126)"));
                    }
                }
                (None, Some(t)) => {
                    check_metric_source(t, &format!("{at} threshold"), &mut problems)
                }
                _ => problems.push(format!(
                    "{at}: one of ratioMetric and thresholdMetric (sli.go:111)"
                )),
            }
            // slo.go:295-329 and :339-360: objectives.
            let objectives = spec["objectives"]
                .as_sequence()
                .cloned()
                .unwrap_or_default();
            if objectives.is_empty() {
                problems.push(format!("{at}: objectives required (slo.go)"));
            }
            for o in &objectives {
                match o["target"].as_f64() {
                    Some(t) if (0.0..1.0).contains(&t) => {}
                    other => problems.push(format!(
                        "{at}: target {other:?} must be in [0, 1) (slo.go:303)"
                    )),
                }
                let has_op = o.get("op").is_some() || o.get("value").is_some();
                if threshold.is_some() {
                    if !["lt", "lte", "gt", "gte"].contains(&o["op"].as_str().unwrap_or_default())
                        || o["value"].as_f64().is_none()
                    {
                        problems.push(format!(
                            "{at}: a threshold objective needs op and value (slo.go:311-318)"
                        ));
                    }
                } else if has_op {
                    problems.push(format!(
                        "{at}: op and value are forbidden with ratioMetric (slo.go:321-327)"
                    ));
                }
                if method == "Timeslices" {
                    match o["timeSliceTarget"].as_f64() {
                        Some(t) if t > 0.0 && t <= 1.0 => {}
                        other => {
                            problems.push(format!("{at}: timeSliceTarget {other:?} (slo.go:346)"))
                        }
                    }
                    if !o["timeSliceWindow"].as_str().is_some_and(is_duration) {
                        problems.push(format!(
                            "{at}: timeSliceWindow {:?} (slo.go:360)",
                            o["timeSliceWindow"]
                        ));
                    }
                }
            }
        }
        other => problems.push(format!(
            "{at}: kind {other:?} is not one the workbook writes"
        )),
    }
    problems
}
