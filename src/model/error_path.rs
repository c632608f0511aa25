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

fn at_mut<'a>(mut value: &'a mut Value, path: &[Step]) -> &'a mut Value {
    for step in path {
        value = match step {
            Step::Key(k) => &mut value[k.as_str()],
            Step::Index(i) => &mut value[*i],
        };
    }
    value
}

/// The path (as `a.b[3].c`) of the part of `doc` that gives the error `error_of` finds in
/// it. `template` is a document without errors, used to repair keys.
pub fn locate(
    doc: &Value,
    template: &Value,
    error_of: impl Fn(&Value) -> Option<String>,
) -> String {
    let fails = |v: &Value| error_of(v).is_some();
    let error = error_of(doc);
    let mut doc = doc.clone();
    // Where the search stands in `doc` (lists cut to the one culprit element), in the
    // original file (for the user), and in the template (its first element for lists).
    let mut path: Vec<Step> = Vec::new();
    let mut shown: Vec<Step> = Vec::new();
    let mut in_template: Option<Vec<Step>> = Some(Vec::new());
    loop {
        match at(&doc, &path).cloned() {
            Some(Value::Array(items)) if !items.is_empty() => {
                let mut trial = doc.clone();
                let mut prefix_fails = |k: usize| {
                    *at_mut(&mut trial, &path) = Value::Array(items[..k].to_vec());
                    fails(&trial)
                };
                // The smallest prefix that fails; the whole list does.
                let (mut lo, mut hi) = (1, items.len());
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    if prefix_fails(mid) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                let culprit = lo - 1;
                let mut alone = doc.clone();
                *at_mut(&mut alone, &path) = Value::Array(vec![items[culprit].clone()]);
                if !fails(&alone) {
                    break;
                }
                doc = alone;
                path.push(Step::Index(0));
                shown.push(Step::Index(culprit));
                in_template = in_template
                    .map(|mut t| {
                        t.push(Step::Index(0));
                        t
                    })
                    .filter(|t| at(template, t).is_some());
            }
            Some(Value::Object(map)) => {
                let repaired = map.keys().find_map(|key| {
                    let mut key_path = in_template.clone()?;
                    key_path.push(Step::Key(key.clone()));
                    let good = at(template, &key_path).cloned();
                    let mut trial = doc.clone();
                    let object = at_mut(&mut trial, &path).as_object_mut()?;
                    match &good {
                        Some(good) => object.insert(key.clone(), good.clone()),
                        None => object.remove(key),
                    };
                    (!fails(&trial)).then(|| (key.clone(), good.is_some()))
                });
                // No single repair helps: the key that carries the same error into the
                // valid plan's object (a wrong enum tag beside fields of its own).
                let repaired = repaired.or_else(|| {
                    let good = at(template, in_template.as_ref()?)?.as_object()?;
                    map.iter().find_map(|(key, value)| {
                        let mut object = good.clone();
                        object.insert(key.clone(), value.clone());
                        let mut trial = doc.clone();
                        *at_mut(&mut trial, &path) = Value::Object(object);
                        (error_of(&trial) == error).then(|| (key.clone(), good.contains_key(key)))
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
    let mut text = String::new();
    for step in shown {
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
        locate(&doc, &template, |v| {
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
}
