//! What changed between two versions of a plan, in words a reviewer reads: "SLO “Checkout”:
//! target 99.9 % → 99.95 %". The one comparison behind `sre-workbook diff` and the Plans
//! page's "Compare with file…", so a pull-request comment and the page agree.
//!
//! Plans are compared field by field in their file form. Things with an id (teams, SLOs,
//! scenarios, …) are matched by id, so a reorder or an insertion reads as what it is;
//! ratings by team and group, activity records by team and activity; other lists (alert
//! tiers, policy thresholds, incidents) by position. `updated` is left out: it changes on
//! every edit and says nothing a reviewer must approve.

use serde_json::{Map, Value};

use crate::model::plan::Plan;

/// One change: the thing it concerns, the field, and the values before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// What the change concerns, e.g. `SLO “Checkout availability”`, or `Plan`.
    pub subject: String,
    /// The field within it, e.g. `target` or `alert tier 2, long window`; empty when the
    /// whole subject was added or removed.
    pub field: String,
    /// What happened.
    pub kind: ChangeKind,
}

/// Added, removed, or changed from one value to another (values as words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// Present only in the new plan.
    Added(String),
    /// Present only in the old plan.
    Removed(String),
    /// Present in both with different values.
    Changed { from: String, to: String },
}

/// Every change between two plans, in file order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanDiff {
    /// The old plan's name.
    pub old_name: String,
    /// The new plan's name.
    pub new_name: String,
    /// The changes, grouped by subject in the order the file holds them.
    pub changes: Vec<Change>,
}

/// Compares `old` with `new`.
pub fn diff_plans(old: &Plan, new: &Plan) -> PlanDiff {
    let old_value = serde_json::to_value(old).unwrap_or(Value::Null);
    let new_value = serde_json::to_value(new).unwrap_or(Value::Null);
    let names = Names { old, new };
    let mut changes = Vec::new();
    if let (Value::Object(a), Value::Object(b)) = (&old_value, &new_value) {
        let mut walker = Walker {
            names: &names,
            changes: &mut changes,
        };
        walker.object("Plan", "", a, b, &["updated"]);
    }
    PlanDiff {
        old_name: old.name.clone(),
        new_name: new.name.clone(),
        changes,
    }
}

impl PlanDiff {
    /// Whether the plans are the same (apart from `updated`).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Each subject with its changes as lines of words, in order: what the page lists.
    pub fn sections(&self) -> Vec<(String, Vec<String>)> {
        self.grouped()
            .into_iter()
            .map(|(subject, changes)| {
                (
                    subject.to_string(),
                    changes.into_iter().map(change_words).collect(),
                )
            })
            .collect()
    }

    /// The changes grouped by subject, in order.
    fn grouped(&self) -> Vec<(&str, Vec<&Change>)> {
        let mut groups: Vec<(&str, Vec<&Change>)> = Vec::new();
        for change in &self.changes {
            match groups.iter_mut().find(|(s, _)| *s == change.subject) {
                Some((_, list)) => list.push(change),
                None => groups.push((&change.subject, vec![change])),
            }
        }
        groups
    }

    /// The headline: how many changes, or that the plans are the same.
    pub fn headline(&self) -> String {
        match self.changes.len() {
            0 => format!("No changes to plan “{}”.", self.new_name),
            1 => format!("1 change to plan “{}”.", self.new_name),
            n => format!("{n} changes to plan “{}”.", self.new_name),
        }
    }

    /// The summary as plain text: the headline, then each subject and its changes.
    pub fn words(&self) -> String {
        let mut out = format!("{}\n", self.headline());
        for (subject, changes) in self.grouped() {
            out.push_str(&format!("\n{subject}\n"));
            for change in changes {
                out.push_str(&format!("  - {}\n", change_words(change)));
            }
        }
        out
    }

    /// The summary as Markdown for a pull-request comment: plan text escaped, so a name
    /// can never become markup.
    pub fn markdown(&self) -> String {
        let md = crate::interop::markdown::text;
        let mut out = format!("### Plan changes\n\n{}\n", md(&self.headline()));
        for (subject, changes) in self.grouped() {
            out.push_str(&format!("\n**{}**\n\n", md(subject)));
            for change in changes {
                out.push_str(&format!("- {}\n", md(&change_words(change))));
            }
        }
        out
    }
}

/// One change as a line of words.
fn change_words(change: &Change) -> String {
    let field = if change.field.is_empty() {
        String::new()
    } else {
        format!("{}: ", change.field)
    };
    match &change.kind {
        ChangeKind::Added(v) if change.field.is_empty() => format!("added ({v})"),
        ChangeKind::Removed(v) if change.field.is_empty() => format!("removed (was {v})"),
        ChangeKind::Added(v) => format!("{field}added {v}"),
        ChangeKind::Removed(v) => format!("{field}removed (was {v})"),
        ChangeKind::Changed { from, to } => format!("{field}{from} → {to}"),
    }
}

/// The two plans, to name teams and groups that ratings refer to by id.
struct Names<'a> {
    old: &'a Plan,
    new: &'a Plan,
}

impl Names<'_> {
    fn team(&self, id: &str) -> String {
        [self.new, self.old]
            .iter()
            .find_map(|p| p.transition.teams.iter().find(|t| t.id == id))
            .map_or_else(|| id.to_string(), |t| t.name.clone())
    }

    fn group(&self, id: &str) -> String {
        [self.new, self.old]
            .iter()
            .find_map(|p| p.transition.groups.iter().find(|g| g.id == id))
            .map_or_else(|| id.to_string(), |g| g.name.clone())
    }
}

/// The noun for an item of a list with ids, by the list's field name.
fn noun(list: &str) -> &str {
    match list {
        "groups" => "Stakeholder group",
        "teams" => "Team",
        "rounds" => "Assessment round",
        "actions" => "Coaching action",
        "services" => "Service",
        "journeys" => "Journey",
        "slos" => "SLO",
        "scenarios" => "Scenario",
        "histories" => "SLI history",
        _ => "Item",
    }
}

/// A field's name in words.
fn label(key: &str) -> String {
    let known = match key {
        "target_percent" => "target",
        "target_override_percent" => "target override",
        "latency_threshold_ms" => "latency threshold (ms)",
        "tiers" => "alert tier",
        "thresholds" => "policy threshold",
        "readiness_share_percent" => "readiness share",
        "budget_percent" => "budget spent",
        "long_minutes" => "long window (minutes)",
        "short_minutes" => "short window (minutes)",
        "min_events_per_hour" => "low-traffic guard (events per hour)",
        "consumed_percent" => "at budget consumed",
        "agreed_by" => "agreed by",
        "agreed_on" => "agreed on",
        "review_on" => "review on",
        "slo_catalog" => "SLO catalog",
        "sli" => "SLI",
        "depends_on" => "depends on",
        "action_templates" => "action template",
        "activities" => "activity record",
        "ratings" => "rating",
        "monte_carlo" => "Monte Carlo",
        "p90_restore_minutes" => "p90 time to restore (minutes)",
        "median_restore_minutes" => "median time to restore (minutes)",
        _ => "",
    };
    if known.is_empty() {
        key.replace('_', " ")
    } else {
        known.to_string()
    }
}

/// Where a field comes in the summary: what a reviewer looks at first (names, then the
/// transition, the catalog, targets and windows), then the rest alphabetically. (Objects
/// read from JSON have sorted keys, so the model's own field order is not at hand.)
fn rank(key: &str) -> usize {
    const FIRST: [&str; 24] = [
        "name",
        "label",
        "title",
        "organization",
        "challenge",
        "created",
        "transition",
        "slo_catalog",
        "scenarios",
        "histories",
        "groups",
        "teams",
        "rounds",
        "services",
        "journeys",
        "slos",
        "target_percent",
        "window",
        "budgeting",
        "sli",
        "severity",
        "long_minutes",
        "short_minutes",
        "budget_percent",
    ];
    FIRST.iter().position(|k| *k == key).unwrap_or(FIRST.len())
}

/// A value in words: text quoted, percentages with their sign, lists and objects compact.
fn value_words(key: &str, value: &Value) -> String {
    match value {
        Value::Null => "none".into(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        Value::Number(n) if key.ends_with("_percent") => format!("{} %", number(n)),
        Value::Number(n) => number(n),
        Value::String(s) if PROSE.contains(&key) => format!("“{}”", shorten(s)),
        Value::String(s) => format!("“{s}”"),
        Value::Array(items) if items.is_empty() => "none".into(),
        Value::Array(items) => items
            .iter()
            .map(|v| value_words(key, v))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(fields) => {
            let mut fields: Vec<_> = fields.iter().collect();
            fields.sort_by_key(|(k, _)| (rank(k), k.as_str()));
            fields
                .iter()
                .map(|(k, v)| format!("{} {}", label(k), value_words(k, v)))
                .collect::<Vec<_>>()
                .join(", ")
        }
    }
}

/// A number as people write it: 2, not 2.0.
fn number(n: &serde_json::Number) -> String {
    match (n.as_i64(), n.as_f64()) {
        (Some(i), _) => i.to_string(),
        (None, Some(f)) => f.to_string(),
        _ => n.to_string(),
    }
}

/// Fields of prose, shown cut to a line: the rest (names, queries, ids) in full, since the
/// change may be anywhere in them.
const PROSE: [&str; 8] = [
    "challenge",
    "description",
    "misaligned",
    "target_mindset",
    "action",
    "note",
    "gap",
    "organization",
];

/// Long text cut to a line's worth, so a changed paragraph stays one readable line.
fn shorten(text: &str) -> String {
    const MAX: usize = 80;
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX {
        one_line
    } else {
        let cut: String = one_line.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// How the items of a list are matched between the two plans.
fn item_key(list: &str, item: &Value) -> Option<String> {
    let field = |k: &str| item.get(k).and_then(Value::as_str).map(str::to_string);
    match list {
        "ratings" => Some(format!("{}/{}", field("team")?, field("group")?)),
        "activities" => Some(format!("{}/{}", field("team")?, field("activity")?)),
        "action_templates" => Some(format!(
            "{}/{}",
            field("group")?,
            item.get("level")?.as_u64()?
        )),
        _ => field("id"),
    }
}

struct Walker<'a, 'b> {
    names: &'a Names<'a>,
    changes: &'b mut Vec<Change>,
}

impl Walker<'_, '_> {
    fn push(&mut self, subject: &str, field: &str, kind: ChangeKind) {
        self.changes.push(Change {
            subject: subject.to_string(),
            field: field.to_string(),
            kind,
        });
    }

    /// Compares two objects' fields; `prefix` is the field path within `subject`.
    fn object(
        &mut self,
        subject: &str,
        prefix: &str,
        a: &Map<String, Value>,
        b: &Map<String, Value>,
        skip: &[&str],
    ) {
        let mut keys: Vec<&String> = a
            .keys()
            .chain(b.keys().filter(|k| !a.contains_key(*k)))
            .filter(|k| !skip.contains(&k.as_str()))
            .collect();
        keys.sort_by_key(|k| (rank(k), k.as_str()));
        for key in keys {
            let field = join(prefix, &label(key));
            match (a.get(key), b.get(key)) {
                (Some(x), Some(y)) => self.value(subject, &field, key, x, y),
                (None, Some(y)) => {
                    self.push(subject, &field, ChangeKind::Added(value_words(key, y)))
                }
                (Some(x), None) => {
                    self.push(subject, &field, ChangeKind::Removed(value_words(key, x)))
                }
                (None, None) => {}
            }
        }
    }

    fn value(&mut self, subject: &str, field: &str, key: &str, a: &Value, b: &Value) {
        if a == b {
            return;
        }
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => self.object(subject, field, x, y, &[]),
            (Value::Array(x), Value::Array(y)) => self.list(subject, field, key, x, y),
            _ if key == "series" => self.push(
                subject,
                "rows",
                ChangeKind::Changed {
                    from: "the rows imported before".into(),
                    to: "other rows".into(),
                },
            ),
            _ => self.push(
                subject,
                field,
                ChangeKind::Changed {
                    from: value_words(key, a),
                    to: value_words(key, b),
                },
            ),
        }
    }

    fn list(&mut self, subject: &str, field: &str, key: &str, a: &[Value], b: &[Value]) {
        let keyed = |items: &[Value]| -> Option<Vec<(String, Value)>> {
            items
                .iter()
                .map(|v| Some((item_key(key, v)?, v.clone())))
                .collect()
        };
        let all_objects =
            a.iter().chain(b).all(Value::is_object) && !(a.is_empty() && b.is_empty());
        match (all_objects.then(|| (keyed(a), keyed(b))), key) {
            (Some((Some(x), Some(y))), _) => self.keyed_list(subject, field, key, &x, &y),
            _ if all_objects => self.indexed_list(subject, field, key, a, b),
            _ => self.push(
                subject,
                field,
                ChangeKind::Changed {
                    from: value_words(key, &Value::Array(a.to_vec())),
                    to: value_words(key, &Value::Array(b.to_vec())),
                },
            ),
        }
    }

    /// The subject an item of a keyed list is named by, and the fields that name it.
    fn item_subject(
        &self,
        subject: &str,
        field: &str,
        list: &str,
        item: &Value,
    ) -> (String, Vec<&'static str>) {
        let text = |k: &str| {
            item.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        match list {
            "ratings" => (
                format!(
                    "{subject}, rating of team “{}” for “{}”",
                    self.names.team(&text("team")),
                    self.names.group(&text("group"))
                ),
                vec!["team", "group"],
            ),
            "activities" => (
                format!(
                    "{subject}, team “{}”, {}",
                    self.names.team(&text("team")),
                    text("activity").replace('_', " ")
                ),
                vec!["team", "activity"],
            ),
            "action_templates" => (
                format!(
                    "{subject}, action template for “{}” at level {}",
                    self.names.group(&text("group")),
                    item.get("level").and_then(Value::as_u64).unwrap_or(0)
                ),
                vec!["group", "level"],
            ),
            _ => {
                let name = ["name", "label", "title"]
                    .iter()
                    .map(|k| text(k))
                    .find(|n| !n.is_empty())
                    .unwrap_or_else(|| text("id"));
                let own = format!("{} “{}”", noun(list), shorten(&name));
                // Top-level collections stand alone; nested ones say where they sit.
                let named = if subject == "Plan" || field.is_empty() || noun(list) != "Item" {
                    own
                } else {
                    format!("{subject}, {field} “{}”", shorten(&name))
                };
                (named, vec!["id"])
            }
        }
    }

    fn keyed_list(
        &mut self,
        subject: &str,
        field: &str,
        list: &str,
        a: &[(String, Value)],
        b: &[(String, Value)],
    ) {
        for (key, new) in b {
            let (named, identity) = self.item_subject(subject, field, list, new);
            match a.iter().find(|(k, _)| k == key) {
                Some((_, old)) => match (old, new) {
                    (Value::Object(x), Value::Object(y)) => {
                        self.object(&named, "", x, y, &identity)
                    }
                    _ => self.value(&named, "", list, old, new),
                },
                None => self.push(&named, "", ChangeKind::Added(summary(list, new))),
            }
        }
        for (key, old) in a {
            if !b.iter().any(|(k, _)| k == key) {
                let (named, _) = self.item_subject(subject, field, list, old);
                self.push(&named, "", ChangeKind::Removed(summary(list, old)));
            }
        }
        let order = |items: &[(String, Value)], other: &[(String, Value)]| -> Vec<String> {
            items
                .iter()
                .filter(|(k, _)| other.iter().any(|(o, _)| o == k))
                .map(|(k, _)| k.clone())
                .collect()
        };
        if order(a, b) != order(b, a)
            && !matches!(list, "ratings" | "activities" | "action_templates")
        {
            let words = |items: &[(String, Value)]| {
                items
                    .iter()
                    .map(|(_, v)| self.item_subject(subject, field, list, v).0)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let (from, to) = (words(a), words(b));
            let where_ = if subject == "Plan" {
                String::new()
            } else {
                subject.to_string()
            };
            self.push(
                if where_.is_empty() { "Plan" } else { &where_ },
                &format!("order of {}", label(list)),
                ChangeKind::Changed { from, to },
            );
        }
    }

    fn indexed_list(&mut self, subject: &str, field: &str, key: &str, a: &[Value], b: &[Value]) {
        for i in 0..a.len().max(b.len()) {
            let at = format!("{field} {}", i + 1);
            match (a.get(i), b.get(i)) {
                (Some(Value::Object(x)), Some(Value::Object(y))) => {
                    self.object(subject, &at, x, y, &[])
                }
                (Some(x), Some(y)) => self.value(subject, &at, key, x, y),
                (None, Some(y)) => self.push(subject, &at, ChangeKind::Added(value_words(key, y))),
                (Some(x), None) => {
                    self.push(subject, &at, ChangeKind::Removed(value_words(key, x)))
                }
                (None, None) => {}
            }
        }
    }
}

/// An added or removed item in a few words: its level or target where it has one.
fn summary(list: &str, item: &Value) -> String {
    let number = |k: &str| item.get(k).and_then(Value::as_f64);
    match list {
        "ratings" => format!("level {}", number("level").unwrap_or(0.0)),
        "slos" => format!("target {} %", number("target_percent").unwrap_or(0.0)),
        "activities" => item
            .get("status")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .replace('_', " "),
        _ => item
            .get("id")
            .and_then(Value::as_str)
            .map_or_else(String::new, |id| format!("id {id}")),
    }
}

/// `prefix, field`, or the field alone.
fn join(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_string()
    } else {
        format!("{prefix}, {field}")
    }
}
