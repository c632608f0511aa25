//! Property tests of every export: arbitrary Unicode (controls, CR, NEL, LS, PS, DEL, C1,
//! quotes, `{{`, `---`, `#`, `|`, `[`, `!`…) in every text field of a plan, and each export
//! read back by a real parser gives exactly the documents, keys and values the plan holds,
//! nothing more: YAML by libyaml (serde_yaml), Markdown by pulldown-cmark, CSV by an RFC 4180
//! reader written here.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/openslo_validation.rs"]
mod openslo_validation;
// Only its `sloth_problems` is used here.
#[allow(dead_code)]
#[path = "common/sloth_validation.rs"]
mod sloth_validation;

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Deserialize;
use serde_yaml::Value;
use sre_workbook::interop::csv::{assessments_csv, slo_table_csv};
use sre_workbook::interop::markdown::report_markdown;
use sre_workbook::interop::openslo::openslo_yaml;
use sre_workbook::interop::prometheus_rules::{prometheus_rules, template_text};
use sre_workbook::interop::pyrra::pyrra_objectives;
use sre_workbook::interop::sli_queries::{exported_slos, service_of};
use sre_workbook::interop::sloth::sloth_files;
use sre_workbook::model::plan::example::example_plan;
use sre_workbook::model::plan::validate::validate;
use sre_workbook::model::plan::Plan;

/// The documents of a YAML stream, parsed by libyaml; a parse error fails the property.
fn documents(text: &str) -> Result<Vec<Value>, TestCaseError> {
    serde_yaml::Deserializer::from_str(text)
        .map(|d| Value::deserialize(d).map_err(|e| TestCaseError::fail(format!("{e}:\n{text}"))))
        .filter(|v| !matches!(v, Ok(Value::Null)))
        .collect()
}

/// The keys of a YAML mapping.
fn keys(value: &Value) -> BTreeSet<String> {
    value
        .as_mapping()
        .map(|m| {
            m.keys()
                .map(|k| k.as_str().unwrap_or("?").to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// A YAML mapping of text to text.
fn text_map(value: &Value) -> BTreeMap<String, String> {
    value
        .as_mapping()
        .map(|m| {
            m.iter()
                .map(|(k, v)| {
                    (
                        k.as_str().unwrap().to_string(),
                        v.as_str().unwrap().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Text built from pieces that have broken exports (line breaks of every kind, controls,
/// markup, template braces, document markers) and any other character.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n".to_string()),
        Just("\r".to_string()),
        Just("\r\n".to_string()),
        Just("\u{85}".to_string()),
        Just("\u{2028}".to_string()),
        Just("\u{2029}".to_string()),
        Just("\u{7F}".to_string()),
        Just("\u{9B}".to_string()),
        Just("\u{0}".to_string()),
        Just("\t".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("\u{FFFE}".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("\\".to_string()),
        Just("{{".to_string()),
        Just("}}".to_string()),
        Just("{{ .window }}".to_string()),
        Just("\n---\n".to_string()),
        Just("...".to_string()),
        Just("# ".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just("|".to_string()),
        Just("[x](https://e.example)".to_string()),
        Just("![](https://tracker.example/p.png)".to_string()),
        Just("<b>".to_string()),
        Just("&amp;".to_string()),
        Just("*_`~".to_string()),
        Just("key: value".to_string()),
        Just("=1+2".to_string()),
        Just(",".to_string()),
        Just("  ".to_string()),
        "[a-z]{1,6}".prop_map(|s| s),
        any::<char>().prop_map(String::from),
    ];
    // Names are required: text of blanks only gets a letter.
    prop::collection::vec(piece, 1..12).prop_map(|p| {
        let mut text = p.concat();
        if text.trim().is_empty() {
            text.push('x');
        }
        text
    })
}

/// The example plan with hostile text in every text field the exports write: plan name,
/// organization, challenge, services' names and descriptions, SLO ids (kept unique), names
/// and SLI descriptions, alert label values, policy actions, teams, groups, round labels,
/// notes and action titles.
fn hostile_plan() -> impl Strategy<Value = Plan> {
    prop::collection::vec(hostile_text(), 300).prop_map(|texts| {
        let mut t = texts.into_iter().cycle();
        let mut plan = example_plan();
        plan.name = t.next().unwrap();
        plan.organization = t.next().unwrap();
        plan.challenge = format!("{}\n\n{}", t.next().unwrap(), t.next().unwrap());
        for s in &mut plan.slo_catalog.services {
            s.name = t.next().unwrap();
            s.description = t.next().unwrap();
        }
        for (i, slo) in plan.slo_catalog.slos.iter_mut().enumerate() {
            let id = format!("{}{i}", t.next().unwrap());
            for scenario in plan.scenarios.iter_mut().filter(|s| s.slo == slo.id) {
                scenario.slo = id.clone();
            }
            for history in plan.histories.iter_mut().filter(|h| h.slo == slo.id) {
                history.slo = id.clone();
            }
            slo.id = id;
            slo.name = t.next().unwrap();
            slo.sli.description = t.next().unwrap();
            for value in slo.alerting.labels.values_mut() {
                *value = format!("{}x", t.next().unwrap());
            }
        }
        // The same actions for every SLO, so they still share one policy.
        let actions: Vec<String> = (0..8).map(|_| t.next().unwrap()).collect();
        for slo in &mut plan.slo_catalog.slos {
            for (threshold, action) in slo.policy.thresholds.iter_mut().zip(&actions) {
                threshold.action = action.clone();
            }
        }
        for team in &mut plan.transition.teams {
            team.name = t.next().unwrap();
        }
        for group in &mut plan.transition.groups {
            group.name = t.next().unwrap();
        }
        for action in &mut plan.transition.actions {
            action.title = t.next().unwrap();
            action.owner = t.next().unwrap();
        }
        for round in &mut plan.transition.rounds {
            round.label = t.next().unwrap();
            for rating in &mut round.ratings {
                rating.note = t.next().unwrap();
            }
        }
        plan
    })
}

/// Plan text as the Markdown export shows it: controls as spaces, whitespace collapsed.
fn shown(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// One CSV file read back by RFC 4180: rows of fields (quoted fields may hold anything).
fn read_csv(text: &str) -> Result<Vec<Vec<String>>, TestCaseError> {
    let text = text
        .strip_prefix('\u{feff}')
        .ok_or_else(|| TestCaseError::fail("no byte-order mark"))?;
    let mut rows = vec![vec![String::new()]];
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        let field = rows.last_mut().unwrap().last_mut().unwrap();
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => rows.last_mut().unwrap().push(String::new()),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                rows.push(vec![String::new()]);
            }
            (false, c) if "\"\r\n".contains(c) => {
                return Err(TestCaseError::fail(format!(
                    "a bare {c:?} in an unquoted field"
                )))
            }
            (false, c) => field.push(c),
        }
    }
    prop_assert!(!quoted, "an unclosed quote");
    prop_assert_eq!(
        rows.pop(),
        Some(vec![String::new()]),
        "the file ends with CRLF"
    );
    Ok(rows)
}

/// A CSV cell as the export defuses it: an apostrophe before what a spreadsheet would run.
fn defused(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_export_reads_back_to_exactly_the_plans_text(plan in hostile_plan()) {
        let problems = validate(&plan);
        prop_assert!(problems.is_empty(), "{:?}", problems.iter().take(3).map(ToString::to_string).collect::<Vec<_>>());
        let with_queries: Vec<_> = exported_slos(&plan, None)
            .into_iter()
            .filter_map(|(slo, q)| q.ok().map(|q| (slo, q)))
            .collect();

        // Prometheus rules: one document, a group per SLO with queries, the recorded
        // series labelled with the SLO's and service's ids, alert labels as written.
        let rules = documents(&prometheus_rules(&plan, None))?;
        prop_assert_eq!(rules.len(), 1);
        prop_assert_eq!(keys(&rules[0]), BTreeSet::from(["groups".to_string()]));
        let groups = rules[0]["groups"].as_sequence().unwrap();
        prop_assert_eq!(groups.len(), with_queries.len());
        for (group, (slo, _)) in groups.iter().zip(&with_queries) {
            let name = format!("slo-{}", slo.id);
            prop_assert_eq!(group["name"].as_str(), Some(name.as_str()));
            for rule in group["rules"].as_sequence().unwrap() {
                let labels = text_map(&rule["labels"]);
                if rule.get("record").is_some() {
                    prop_assert_eq!(keys(rule), BTreeSet::from(["record", "expr", "labels"].map(String::from)));
                    prop_assert_eq!(&labels["slo"], &slo.id);
                    prop_assert_eq!(labels["service"].as_str(), service_of(&plan, slo));
                } else {
                    prop_assert_eq!(keys(rule), BTreeSet::from(["alert", "expr", "labels", "annotations"].map(String::from)));
                    let mut expected: BTreeSet<String> = ["severity", "long_window", "short_window"].map(String::from).into();
                    expected.extend(slo.alerting.labels.keys().cloned());
                    prop_assert_eq!(labels.keys().cloned().collect::<BTreeSet<_>>(), expected);
                    for (k, v) in &slo.alerting.labels {
                        prop_assert_eq!(&labels[k], &template_text(v));
                    }
                    let annotations = text_map(&rule["annotations"]);
                    prop_assert!(annotations["summary"].starts_with(&template_text(&slo.name)));
                }
                // The expression is PromQL with the ids inside its strings only.
                let expr = rule["expr"].as_str().unwrap();
                prop_assert!(promql_parser::parser::parse(expr).is_ok(), "{}", expr);
            }
        }

        // Sloth: per file, a document per service holding exactly its SLOs, each passing
        // Sloth's own validation, with the plan's name and label values.
        let mut sloth_seen = 0;
        let mut sloth_names = BTreeSet::new();
        for file in sloth_files(&plan, None) {
            for doc in documents(&file.text)? {
                prop_assert_eq!(keys(&doc), BTreeSet::from(["version", "service", "slos"].map(String::from)));
                let problems = sloth_validation::sloth_problems(&doc);
                prop_assert!(problems.is_empty(), "{:?}\n{}", problems, file.text);
                for s in doc["slos"].as_sequence().unwrap() {
                    sloth_seen += 1;
                    prop_assert!(sloth_names.insert(format!("{}-{}", doc["service"].as_str().unwrap(), s["name"].as_str().unwrap())), "a repeated Sloth SLO ID");
                    prop_assert_eq!(keys(s), BTreeSet::from(["name", "objective", "description", "sli", "alerting"].map(String::from)));
                    let labels = text_map(&s["alerting"]["labels"]);
                    // An SLO of the plan with this name and these labels.
                    prop_assert!(with_queries.iter().any(|(slo, _)| {
                        s["description"].as_str() == Some(slo.name.as_str())
                            && labels == slo.alerting.labels.iter().map(|(k, v)| (k.clone(), template_text(v))).collect::<BTreeMap<_, _>>()
                    }), "{}", file.text);
                }
            }
        }
        prop_assert_eq!(sloth_seen, with_queries.len());

        // Pyrra: one objective per SLO it can take, its description the SLO's name, every
        // alert label as a pyrra.dev/ label or annotation.
        let pyrra_text = pyrra_objectives(&plan, None);
        let objectives = documents(&pyrra_text)?;
        for o in &objectives {
            prop_assert_eq!(keys(o), BTreeSet::from(["apiVersion", "kind", "metadata", "spec"].map(String::from)));
            let mut carried = text_map(&o["metadata"]["labels"]);
            carried.extend(text_map(&o["metadata"]["annotations"]));
            // An SLO of the plan with this name and these labels.
            prop_assert!(plan.slo_catalog.slos.iter().any(|slo| {
                o["spec"]["description"].as_str() == Some(slo.name.as_str())
                    && carried == slo.alerting.labels.iter().map(|(k, v)| (format!("pyrra.dev/{k}"), template_text(v))).collect::<BTreeMap<_, _>>()
            }), "{}", pyrra_text);
        }
        prop_assert!(objectives.len() <= with_queries.len());

        // OpenSLO: a Service per service and an SLO per SLO, all passing the SDK's rules.
        let openslo = documents(&openslo_yaml(&plan))?;
        prop_assert_eq!(openslo.len(), plan.slo_catalog.services.len() + plan.slo_catalog.slos.len());
        for doc in &openslo {
            let problems = openslo_validation::openslo_problems(doc);
            prop_assert!(problems.is_empty(), "{:?}", problems);
        }
        for (doc, service) in openslo.iter().zip(&plan.slo_catalog.services) {
            if service.description.chars().count() <= 1050 {
                prop_assert_eq!(doc["spec"]["description"].as_str(), Some(service.description.as_str()));
            }
        }

        // Markdown: plan text comes back as text; no link, image, HTML, code or emphasis,
        // and as many headings, list items and table cells as the same report of the
        // example plan (whose text is plain).
        let md = report_markdown(&plan, 20_782);
        let shape = |md: &str| {
            let mut shape = BTreeMap::<String, usize>::new();
            let mut blocks = Vec::new();
            let mut current = String::new();
            for event in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
                let name = match &event {
                    Event::Start(Tag::Heading { level, .. }) => format!("heading {level}"),
                    Event::Start(Tag::Item) => "item".into(),
                    Event::Start(Tag::TableCell) => "cell".into(),
                    Event::Start(Tag::Paragraph) => "paragraph".into(),
                    Event::Start(tag) => format!("{tag:?}").split([' ', '{', '(']).next().unwrap().to_string(),
                    Event::Text(text) => {
                        current.push_str(text);
                        continue;
                    }
                    Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell) => {
                        blocks.push(std::mem::take(&mut current));
                        continue;
                    }
                    Event::End(_) => continue,
                    Event::SoftBreak => {
                        current.push(' ');
                        "soft break".into()
                    }
                    other => format!("{other:?}").split([' ', '(']).next().unwrap().to_string(),
                };
                *shape.entry(name).or_default() += 1;
            }
            (shape, blocks)
        };
        // Paragraphs are left out: an empty challenge paragraph or organization is no
        // paragraph at all.
        let (mut expected_shape, _) = shape(&report_markdown(&example_plan(), 20_782));
        let (mut got_shape, blocks) = shape(&md);
        expected_shape.remove("paragraph");
        got_shape.remove("paragraph");
        prop_assert_eq!(&got_shape, &expected_shape, "{}", md);
        for key in got_shape.keys() {
            prop_assert!(key.starts_with("heading ") || ["item", "cell", "List", "Table", "TableHead", "TableRow"].contains(&key.as_str()), "{} in {}", key, md);
        }
        prop_assert_eq!(&blocks[0], &shown(&plan.name));
        for paragraph in plan.challenge.split("\n\n").filter(|p| !shown(p).is_empty()) {
            prop_assert!(blocks.contains(&shown(paragraph)), "{:?} not in {:?}", shown(paragraph), blocks);
        }

        // CSV: as many rows and cells as the plan has, each cell the plan's text.
        let table = read_csv(&slo_table_csv(&plan))?;
        prop_assert_eq!(table.len(), 1 + plan.slo_catalog.slos.len());
        for (row, slo) in table[1..].iter().zip(&plan.slo_catalog.slos) {
            prop_assert_eq!(row.len(), table[0].len());
            prop_assert_eq!(&row[0], &defused(&slo.id));
            prop_assert_eq!(&row[1], &defused(&slo.name));
        }
        let ratings = read_csv(&assessments_csv(&plan))?;
        let notes: Vec<String> = ratings[1..].iter().map(|r| r[6].clone()).collect();
        let mut expected: Vec<String> = plan.transition.rounds.iter().flat_map(|r| r.ratings.iter().map(|x| defused(&x.note))).collect();
        let mut sorted = notes.clone();
        sorted.sort();
        expected.sort();
        prop_assert_eq!(sorted, expected);
    }
}
