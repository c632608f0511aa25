//! Where in a plan file its first type error lies (`slo_catalog.slos[2].target_percent`),
//! found by narrowing the JSON down rather than by tracking the path while reading: a
//! path-tracking reader instantiates a wrapper around every type of the plan, about 16 KB
//! (gzip) of the workbook's first download, for a path that is only wanted when a file is
//! wrong.
//!
//! The search repeats the plain read on smaller or repaired copies of the file: in a list,
//! the shortest prefix that still fails ends with the culprit; in an object, the key whose
//! repair (the value a valid plan has there, or removing the key) makes the error go away
//! holds it; failing that, the key that alone, put into the valid plan's object, gives the
//! same error. An error that needs several keys at once (a missing field) stays at the object.

use serde_json::Value;

use crate::model::plan::json_text;

/// One step of a path: an object key or a list index.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

fn at<'a>(mut value: &'a Value, path: &[Step]) -> Option<&'a Value> {
    for step in path {
        value = match step {
            Step::Key(k) => value.get(k)?,
            Step::Index(i) => value.get(i)?,
        };
    }
    Some(value)
}

fn at_mut<'a>(mut value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    for step in path {
        value = match step {
            Step::Key(k) => value.get_mut(k.as_str())?,
            Step::Index(i) => value.get_mut(*i)?,
        };
    }
    Some(value)
}

/// Trial reads (each of the whole narrowed file) stop once they have covered this many
/// bytes: a normal plan never comes near it, a hostile one is answered with the path found
/// so far instead of freezing the page.
pub const READ_BUDGET_BYTES: usize = 48 * 1024 * 1024;

/// The path (as `a.b[3].c`) of the part of the document `text` that gives the error
/// `error_of` finds in it. `stopped` is the byte offset at which the reader stopped on the
/// error (serde_json's column on the error's line, plus where that line starts).
/// `template` is a document without errors, used to repair keys.
///
/// Linear in the file's size rather than quadratic: the reader's own position leads straight
/// to the culprit, walked on the text itself (a hostile file with 300,000 keys is neither
/// read once per key nor copied into a `Value`); only when a position cannot say more
/// (inside tagged objects, whose fields are read after the whole object) is the document
/// built and narrowed by trial reads, which stop after [`READ_BUDGET_BYTES`].
pub fn locate(
    text: &str,
    stopped: usize,
    template: &Value,
    error_of: impl Fn(&Value) -> Option<String>,
) -> String {
    let mut trials_left = (READ_BUDGET_BYTES / text.len().max(1)).max(8);
    // The error itself, read only if the narrowing needs to compare with it.
    let error = std::cell::OnceCell::new();
    let fails = |v: &Value, trials_left: &mut usize| {
        *trials_left = trials_left.saturating_sub(1);
        error_of(v).is_some()
    };
    let seed = path_at(text, stopped);
    // What stands along the reader's path, read from the text.
    let along_seed = shapes_along(text, &seed);
    let mut seed = seed.into_iter();
    // The document, built only once a trial read needs it, with the lists cut so far.
    let mut doc: Option<Value> = None;
    let mut cuts: Vec<(Vec<Step>, usize)> = Vec::new();
    let build = |doc: &mut Option<Value>, cuts: &[(Vec<Step>, usize)]| {
        if doc.is_none() {
            let mut whole: Value = serde_json::from_str(text).ok()?;
            for (path, culprit) in cuts {
                cut_list(&mut whole, path, *culprit);
            }
            *doc = Some(whole);
        }
        doc.take()
    };
    // Where the search stands in `doc` (lists cut to the one culprit element), in the
    // original file (for the user), and in the template (its first element for lists).
    let mut path: Vec<Step> = Vec::new();
    let mut shown: Vec<Step> = Vec::new();
    let mut in_template: Option<Vec<Step>> = Some(Vec::new());
    loop {
        if trials_left == 0 {
            break;
        }
        let shape = match &doc {
            None => along_seed.get(path.len()).cloned().unwrap_or(Shape::Other),
            // Once built, the reader's path is left behind: only trial reads go on.
            Some(doc) => match at(doc, &path) {
                Some(Value::Array(items)) if !items.is_empty() => Shape::List(items.len()),
                Some(Value::Object(_)) => Shape::Object(false),
                _ => Shape::Other,
            },
        };
        match (shape, seed.next()) {
            // The position names the key: a key no valid plan has here is itself the problem.
            (Shape::Object(true), Some(Step::Key(key))) if in_template.is_some() => {
                shown.push(Step::Key(key.clone()));
                let mut key_path = in_template.clone().unwrap_or_default();
                key_path.push(Step::Key(key.clone()));
                if at(template, &key_path).is_none() {
                    break;
                }
                path.push(Step::Key(key));
                in_template = Some(key_path);
            }
            // The position names the element, which holds its error whatever its
            // neighbours are: the list is cut to it, once the document is built.
            (Shape::List(len), Some(Step::Index(culprit))) if culprit < len => {
                cuts.push((path.clone(), culprit));
                path.push(Step::Index(0));
                shown.push(Step::Index(culprit));
                in_template = step_into_list(in_template, template);
            }
            (Shape::List(_), _) => {
                seed = Vec::new().into_iter();
                let Some(mut whole) = build(&mut doc, &cuts) else {
                    break;
                };
                let lo = first_failing(&whole, &path, |v| fails(v, &mut trials_left));
                // Cut the list to the culprit, if it alone still fails.
                let culprit = lo - 1;
                cut_list(&mut whole, &path, culprit);
                let alone_fails = fails(&whole, &mut trials_left);
                doc = Some(whole);
                if !alone_fails {
                    break;
                }
                path.push(Step::Index(0));
                shown.push(Step::Index(culprit));
                in_template = step_into_list(in_template, template);
            }
            (Shape::Object(_), _) => {
                seed = Vec::new().into_iter();
                let Some(whole) = build(&mut doc, &cuts) else {
                    break;
                };
                let whole = &*doc.insert(whole);
                let map = at(whole, &path)
                    .and_then(Value::as_object)
                    .cloned()
                    .unwrap_or_default();
                let repaired = map.keys().find_map(|key| {
                    if trials_left == 0 {
                        return None;
                    }
                    let mut key_path = in_template.clone()?;
                    key_path.push(Step::Key(key.clone()));
                    let good = at(template, &key_path).cloned();
                    let mut trial = whole.clone();
                    let object = at_mut(&mut trial, &path)?.as_object_mut()?;
                    match &good {
                        Some(good) => object.insert(key.clone(), good.clone()),
                        None => object.remove(key),
                    };
                    (!fails(&trial, &mut trials_left)).then(|| (key.clone(), good.is_some()))
                });
                // No single repair helps: the key that carries the same error into the
                // valid plan's object (a wrong enum tag beside fields of its own).
                let repaired = repaired.or_else(|| {
                    let good = at(template, in_template.as_ref()?)?.as_object()?;
                    map.iter().find_map(|(key, value)| {
                        if trials_left == 0 {
                            return None;
                        }
                        trials_left -= 1;
                        let mut object = good.clone();
                        object.insert(key.clone(), value.clone());
                        let mut trial = whole.clone();
                        *at_mut(&mut trial, &path)? = Value::Object(object);
                        let original = error.get_or_init(|| {
                            serde_json::from_str::<Value>(text)
                                .ok()
                                .and_then(|v| error_of(&v))
                        });
                        let same = error_of(&trial) == *original;
                        same.then(|| (key.clone(), good.contains_key(key)))
                    })
                });
                match repaired {
                    Some((key, known)) => {
                        shown.push(Step::Key(key.clone()));
                        if !known {
                            // A key no valid plan has here: the key itself is the problem.
                            break;
                        }
                        path.push(Step::Key(key.clone()));
                        in_template = in_template.map(|mut t| {
                            t.push(Step::Key(key));
                            t
                        });
                    }
                    None => break,
                }
            }
            _ => break,
        }
    }
    path_text(shown)
}

/// A path as the messages write it: `slo_catalog.slos[2].window.days`.
fn path_text(steps: Vec<Step>) -> String {
    let mut text = String::new();
    for step in steps {
        match step {
            Step::Key(k) if text.is_empty() => text.push_str(&k),
            Step::Key(k) => {
                text.push('.');
                text.push_str(&k);
            }
            Step::Index(i) => text.push_str(&format!("[{i}]")),
        }
    }
    text
}

/// The end of the shortest prefix of the list at `path` in `whole` that still `fails`
/// (the whole list does), by bisection: the first element that carries the error.
fn first_failing(whole: &Value, path: &[Step], mut fails: impl FnMut(&Value) -> bool) -> usize {
    let items = match at(whole, path) {
        Some(Value::Array(items)) => items.clone(),
        _ => Vec::new(),
    };
    let mut trial = whole.clone();
    let (mut lo, mut hi) = (1, items.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if let Some(list) = at_mut(&mut trial, path) {
            *list = Value::Array(items[..mid].to_vec());
        }
        if fails(&trial) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// Replaces the list at `path` by a list of its element `culprit` alone.
fn cut_list(doc: &mut Value, path: &[Step], culprit: usize) {
    if let Some(Value::Array(items)) = at_mut(doc, path) {
        if culprit < items.len() {
            let element = items.swap_remove(culprit);
            *items = vec![element];
        }
    }
}

/// The template's path one level into a list (its first element), if it has one.
fn step_into_list(in_template: Option<Vec<Step>>, template: &Value) -> Option<Vec<Step>> {
    in_template
        .map(|mut t| {
            t.push(Step::Index(0));
            t
        })
        .filter(|t| at(template, t).is_some())
}

/// What stands at each step of the reader's path `seed` in `text`: `[0]` at the root,
/// `[d]` after `d` steps; it ends where the path leaves the text.
fn shapes_along(text: &str, seed: &[Step]) -> Vec<Shape> {
    let bytes = text.as_bytes();
    let mut start = json_text::skip_whitespace(bytes, 0);
    let mut shapes = Vec::new();
    for depth in 0..=seed.len() {
        let next = match (bytes.get(start), seed.get(depth)) {
            (Some(b'{'), step) => {
                let want = match step {
                    Some(Step::Key(key)) => Some(key.as_str()),
                    _ => None,
                };
                // The last of equal keys, as a `Value` keeps it.
                let mut found = None;
                let read = json_text::for_each_member(text, start, &mut |raw, _, value| {
                    if want.is_some_and(|key| key_is(raw, key)) {
                        found = Some(value.start);
                    }
                });
                shapes.push(if read.is_some() {
                    Shape::Object(found.is_some())
                } else {
                    Shape::Other
                });
                found.filter(|_| read.is_some())
            }
            (Some(b'['), step) => match json_text::list_items(text, start) {
                Some((items, _)) if !items.is_empty() => {
                    shapes.push(Shape::List(items.len()));
                    match step {
                        Some(Step::Index(i)) => items.get(*i).map(|item| item.start),
                        _ => None,
                    }
                }
                _ => {
                    shapes.push(Shape::Other);
                    None
                }
            },
            _ => {
                shapes.push(Shape::Other);
                None
            }
        };
        match next {
            Some(next) => start = next,
            None => break,
        }
    }
    shapes
}

/// Whether a key's raw text (with quotes) reads as `key`.
fn key_is(raw: &str, key: &str) -> bool {
    match raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        Some(plain) if !plain.contains('\\') => plain == key,
        _ => json_text::key_text(raw).as_deref() == Some(key),
    }
}

/// What stands at the search's path: a list of some length, an object (and whether it has
/// the key the reader's position names next), or a value.
#[derive(Clone)]
enum Shape {
    List(usize),
    Object(bool),
    Other,
}

/// The keys and indices leading to byte `offset` of compact JSON `text`, read in one pass:
/// the value being read there, or just read (a reader stops right after the value, key or
/// closing bracket it refuses).
fn path_at(text: &str, offset: usize) -> Vec<Step> {
    /// A container being read: an object and its current key, or a list and the index of
    /// its current element (None before the first).
    enum Frame {
        Object(Option<String>),
        List(Option<usize>),
    }
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    // Whether the next string in an object is its key (after `{` or `,`).
    let mut key_next = false;
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' | b'[' => {
                if let Some(Frame::List(index)) = stack.last_mut() {
                    *index = Some(index.map_or(0, |n| n));
                }
                stack.push(if bytes[i] == b'{' {
                    key_next = true;
                    Frame::Object(None)
                } else {
                    Frame::List(None)
                });
            }
            b'}' | b']' => {
                stack.pop();
                key_next = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key)) => {
                    *key = None;
                    key_next = true;
                }
                Some(Frame::List(index)) => *index = Some(index.map_or(1, |n| n + 1)),
                None => {}
            },
            b':' => key_next = false,
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                match stack.last_mut() {
                    Some(Frame::Object(key)) if key_next => {
                        *key = serde_json::from_str(&text[start..(i + 1).min(text.len())]).ok();
                    }
                    Some(Frame::List(index)) => *index = Some(index.map_or(0, |n| n)),
                    _ => {}
                }
            }
            _ => {
                if let Some(Frame::List(index)) = stack.last_mut() {
                    *index = Some(index.map_or(0, |n| n));
                }
            }
        }
        i += 1;
    }
    stack
        .into_iter()
        .map_while(|frame| match frame {
            Frame::Object(key) => key.map(Step::Key),
            Frame::List(index) => index.map(Step::Index),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        name: String,
        items: Vec<Item>,
        labels: std::collections::BTreeMap<String, String>,
        #[serde(default)]
        shape: Option<Shape>,
    }

    #[derive(Deserialize)]
    #[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
    #[allow(dead_code)]
    enum Shape {
        Circle { radius: f64 },
        Square { side: f64, label: String },
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        weight: f64,
    }

    fn path_of(doc: Value) -> String {
        let template = json!({"name": "n", "items": [{"id": "a", "weight": 1.0}], "labels": {}, "shape": {"kind": "circle", "radius": 1}});
        assert!(serde_json::from_value::<Doc>(doc.clone()).is_err());
        let text = doc.to_string();
        let offset = serde_json::from_str::<Doc>(&text).err().unwrap().column();
        locate(&text, offset, &template, |v| {
            serde_json::from_value::<Doc>(v.clone())
                .err()
                .map(|e| e.to_string())
        })
    }

    #[test]
    fn finds_the_first_bad_value_its_unknown_key_or_the_object_missing_a_field() {
        let items = |bad: Value| {
            let mut list: Vec<Value> = (0..40)
                .map(|i| json!({"id": format!("i{i}"), "weight": i}))
                .collect();
            list[27] = bad;
            list[33] = json!({"id": "later", "weight": "also wrong"});
            json!({"name": "x", "items": list, "labels": {"team": "a"}})
        };
        assert_eq!(
            path_of(items(json!({"id": "i27", "weight": "heavy"}))),
            "items[27].weight"
        );
        assert_eq!(
            path_of(items(json!({"id": "i27", "weight": 1, "colour": "red"}))),
            "items[27].colour"
        );
        assert_eq!(path_of(items(json!({"id": "i27"}))), "items[27]");
        assert_eq!(path_of(items(json!("not an item"))), "items[27]");
        assert_eq!(
            path_of(json!({"name": 5, "items": [], "labels": {}})),
            "name"
        );
        assert_eq!(
            path_of(json!({"name": "x", "items": [], "labels": {"team": 1}})),
            "labels.team"
        );
        assert_eq!(
            path_of(json!({"name": "x", "items": {}, "labels": {}})),
            "items"
        );
        assert_eq!(path_of(json!({"name": "x", "items": []})), "");
        let shape = |shape: Value| json!({"name": "x", "items": [], "labels": {}, "shape": shape});
        assert_eq!(
            path_of(shape(json!({"kind": "circle", "radius": "big"}))),
            "shape.radius"
        );
        assert_eq!(path_of(shape(json!({"kind": "hexagon"}))), "shape.kind");
        // Another variant than the valid plan's: its fields cannot be repaired one by one.
        assert_eq!(
            path_of(shape(json!({"kind": "square", "side": 1, "label": 5}))),
            "shape"
        );
    }

    #[test]
    fn the_readers_offset_leads_to_the_value_key_or_closed_object() {
        let text = r#"{"a":[1,{"b":"x","c\"d":[[],[2]]}],"e":{}}"#;
        let path = |needle: &str| {
            let offset = text.find(needle).unwrap() + needle.len();
            path_at(text, offset)
        };
        let key = |k: &str| Step::Key(k.into());
        assert_eq!(path(r#""x""#), vec![key("a"), Step::Index(1), key("b")]);
        assert_eq!(
            path(r#""c\"d""#),
            vec![key("a"), Step::Index(1), key("c\"d")]
        );
        assert_eq!(
            path("[2"),
            vec![
                key("a"),
                Step::Index(1),
                key("c\"d"),
                Step::Index(1),
                Step::Index(0)
            ]
        );
        assert_eq!(path("[2]]}"), vec![key("a"), Step::Index(1)]);
        assert_eq!(path(r#""e":{}"#), vec![key("e")]);
        assert_eq!(path("[1"), vec![key("a"), Step::Index(0)]);
    }

    #[test]
    fn a_hostile_map_is_not_read_once_per_key() {
        let mut labels: serde_json::Map<String, Value> = (0..100_000)
            .map(|i| (format!("k{i:06}"), json!("v")))
            .collect();
        labels.insert("k099999".into(), json!(7));
        let doc = json!({"name": "x", "items": [], "labels": labels});
        let template = json!({"name": "n", "items": [{"id": "a", "weight": 1.0}], "labels": {}});
        let reads = std::cell::Cell::new(0);
        let text = doc.to_string();
        let offset = serde_json::from_str::<Doc>(&text).err().unwrap().column();
        let path = locate(&text, offset, &template, |v| {
            reads.set(reads.get() + 1);
            serde_json::from_value::<Doc>(v.clone())
                .err()
                .map(|e| e.to_string())
        });
        assert_eq!(path, "labels.k099999");
        assert_eq!(reads.get(), 0, "trial reads");
    }
}
