//! The versioned plan file: the one place that turns incoming text (an imported file, a
//! stored entry) into a valid current [`Plan`] or a precise [`PlanError`], and that writes
//! plans out with a stable field order so exported files diff well.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::history::validation::check_history_rows;
use crate::model::plan::error_path::locate;
use crate::model::plan::example::example_plan;
use crate::model::plan::json_text;
use crate::model::plan::migrations;
use crate::model::plan::problem::{PlanError, Problem};
use crate::model::plan::validate::validate;
use crate::model::plan::Plan;

/// The `format` every plan file carries.
pub const FORMAT_NAME: &str = "sre-workbook-plan";

/// The format version this app writes; files of this version or older are read.
pub const CURRENT_VERSION: u64 = 4;

/// Largest plan file accepted, in bytes (local storage holds about 5 MB per site).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// Header fields that sit beside the plan's own fields in a file.
const HEADER_FIELDS: [&str; 3] = ["$schema", "format", "version"];

/// Where exported files say their schema is, relative to the page; the UI makes it absolute.
pub const SCHEMA_FILE: &str = "plan.schema.json";

#[derive(Serialize)]
struct PlanFile<'a> {
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    schema: Option<&'a str>,
    format: &'static str,
    version: u64,
    #[serde(flatten)]
    plan: &'a Plan,
}

/// The plan as the text of a file: header first, then the plan's fields in model order.
/// `pretty` indents for people and version control; compact text is for local storage.
pub fn write_plan(plan: &Plan, pretty: bool) -> String {
    write_plan_with_schema(plan, pretty, None)
}

/// An exported plan file: pretty, with `$schema` pointing at the format's JSON Schema so
/// editors can check and complete it.
pub fn export_plan(plan: &Plan, schema_url: &str) -> String {
    write_plan_with_schema(plan, true, Some(schema_url))
}

fn write_plan_with_schema(plan: &Plan, pretty: bool, schema: Option<&str>) -> String {
    let file = PlanFile {
        schema,
        format: FORMAT_NAME,
        version: CURRENT_VERSION,
        plan,
    };
    // Serializing plain structs of strings, numbers and vectors cannot fail.
    let text = serde_json::to_string(&file).expect("a plan always serializes");
    if pretty {
        let mut text = indent_json(&text);
        text.push('\n');
        text
    } else {
        text
    }
}

/// Lays compact JSON out as `serde_json::to_string_pretty` does (two spaces, `": "`, empty
/// lists and objects kept as `[]` and `{}`). Re-indenting the compact text spares the
/// download a second instance of the plan's whole serializer (about 13 KB of wasm).
pub fn indent_json(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.extend(std::iter::repeat_n(b' ', depth * 2));
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                out.push(b);
            }
            b'{' | b'[' => {
                out.push(b);
                if matches!(bytes.get(i), Some(b'}' | b']')) {
                    out.push(bytes[i]);
                    i += 1;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b);
            }
            b',' => {
                out.push(b);
                newline(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(b),
        }
    }
    // Only ASCII bytes were added to valid UTF-8, at character boundaries.
    String::from_utf8(out).expect("re-indented JSON stays UTF-8")
}

/// Reads a plan file from raw bytes: checks encoding, JSON syntax, format and version,
/// migrates older versions, then checks types and content. Changes nothing on failure.
pub fn read_plan(bytes: &[u8]) -> Result<Plan, PlanError> {
    check_file_size(bytes.len())?;
    let text = std::str::from_utf8(bytes).map_err(|e| not_utf8(bytes, e.valid_up_to()))?;
    let plan = read_plan_text(text)?;
    // Stored plans skip this: their rows were checked when they came in.
    let problems = check_history_rows(&plan);
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(PlanError { problems })
    }
}

/// Names the first byte that is not UTF-8 by line and column, and recognizes UTF-16 files.
fn not_utf8(bytes: &[u8], at: usize) -> PlanError {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return PlanError::single(Problem::file(
            "the file is UTF-16 text; save it as UTF-8 and import it again",
        ));
    }
    let before = &bytes[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    PlanError::single(Problem::file(format!(
        "the file is not UTF-8 text: byte 0x{:02X} at line {line}, column {column} is not a character",
        bytes[at]
    )))
}

/// Refuses a file larger than [`MAX_FILE_BYTES`] before it is read.
pub fn check_file_size(bytes: usize) -> Result<(), PlanError> {
    if bytes > MAX_FILE_BYTES {
        return Err(PlanError::single(Problem::file(format!(
            "the file is {:.1} MB; plans larger than {} MB cannot be imported",
            bytes as f64 / 1_048_576.0,
            MAX_FILE_BYTES / 1_048_576
        ))));
    }
    Ok(())
}

/// Reads a plan from text; see [`read_plan`].
pub fn read_plan_text(text: &str) -> Result<Plan, PlanError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(PlanError::single(Problem::file("the file is empty")));
    }
    if let Some(read) = read_current(text) {
        return read;
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let what = match e.classify() {
            serde_json::error::Category::Eof => {
                "the file ends too early (is it truncated?)".to_string()
            }
            _ => json_problem(text, &e),
        };
        PlanError::single(Problem::file(format!(
            "not valid JSON at line {}, column {}: {what}",
            e.line(),
            e.column()
        )))
    })?;
    let Value::Object(mut fields) = value else {
        return Err(PlanError::single(Problem::file(format!(
            "this is not a workbook plan: expected a JSON object, found {}",
            kind_of(&value)
        ))));
    };
    let version = check_header(&fields)?;
    for field in HEADER_FIELDS {
        fields.remove(field);
    }
    let current = migrate(fields, version)?;
    // Read from text, the one way the workbook reads a plan: reading from a `Value` as well
    // would compile every plan type's reader twice (about 28 KB gzip of the first
    // download), and the text's reader knows where it stopped.
    let compact = Value::Object(current).to_string();
    let plan: Plan = serde_json::from_str(&compact).map_err(|e| type_error(&compact, &e))?;
    checked(plan)
}

/// A file of the current version, read straight from its text with the header members
/// left out: no `Value` is built (for a 5 MB plan that copy cost more than the reading),
/// and a type error is located on the same text. `None` sends the file down the full
/// path, which names what is wrong with it: not one object, not JSON, another format,
/// an older version, or a header that is not as written.
fn read_current(text: &str) -> Option<Result<Plan, PlanError>> {
    let members = json_text::top_level_members(text)?;
    let mut header = Map::new();
    let mut body = String::with_capacity(text.len() + 2);
    body.push('{');
    for member in &members {
        if HEADER_FIELDS.contains(&member.key.as_str()) {
            let value = serde_json::from_str(text.get(member.value.clone())?).ok()?;
            header.insert(member.key.clone(), value);
        } else {
            if body.len() > 1 {
                body.push(',');
            }
            body.push_str(text.get(member.span.clone())?);
        }
    }
    body.push('}');
    if check_header(&header).ok()? != CURRENT_VERSION {
        return None;
    }
    match serde_json::from_str::<Plan>(&body) {
        Ok(plan) => Some(checked(plan)),
        // A wrong type in a file that is JSON throughout (else its syntax is the news).
        Err(e)
            if e.classify() == serde_json::error::Category::Data
                && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() =>
        {
            Some(Err(type_error(&body, &e)))
        }
        Err(_) => None,
    }
}

/// A plan that was read, checked for content.
fn checked(plan: Plan) -> Result<Plan, PlanError> {
    let problems = validate(&plan);
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(PlanError { problems })
    }
}

/// The reader's type error `e` in the plan text `doc`, with the path of the value it names.
fn type_error(doc: &str, e: &serde_json::Error) -> PlanError {
    let line_start = match e.line() {
        0 | 1 => 0,
        line => doc
            .match_indices('\n')
            .nth(line - 2)
            .map_or(0, |(i, _)| i + 1),
    };
    let path = locate(doc, line_start + e.column(), &plan_template(), |v| {
        serde_json::from_str::<Plan>(&v.to_string())
            .err()
            .map(|e| strip_position(&e.to_string()))
    });
    let (path, message) = type_problem(path, &strip_position(&e.to_string()));
    PlanError::single(Problem::at(path, message))
}

/// A valid plan's fields, whose values repair a broken file's keys while its error is
/// located: the example plan, which has an item in every list. Built, not read from the
/// example's file, whose text would then ship in the page's main module for this alone.
fn plan_template() -> Value {
    serde_json::to_value(example_plan()).expect("a plan always serializes")
}

/// Says what is wrong with text that is not JSON, naming the values people expect to work
/// (NaN, Infinity, comments) and the limits of the reader.
fn json_problem(text: &str, e: &serde_json::Error) -> String {
    let message = strip_position(&e.to_string());
    let at = text
        .lines()
        .nth(e.line().saturating_sub(1))
        .map(|line| {
            let start = line
                .char_indices()
                .nth(e.column().saturating_sub(1))
                .map_or(line.len(), |(i, _)| i);
            line[start..].trim_start()
        })
        .unwrap_or("");
    if message == "recursion limit exceeded" {
        "lists or objects are nested more than 128 levels deep; a plan is never that deep".into()
    } else if message == "number out of range" {
        "a number is too large to use (beyond ±1.8 × 10^308)".into()
    } else if ["NaN", "Infinity", "-Infinity"]
        .iter()
        .any(|w| at.starts_with(w))
    {
        let word = at
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .unwrap_or(at);
        format!("{word} is not a JSON number; every number must be finite")
    } else if at.starts_with("//") || at.starts_with("/*") {
        "comments are not allowed in JSON".into()
    } else {
        message
    }
}

/// Turns a type error from the reader into words without Rust type names, and names a missing
/// field in the path.
fn type_problem(path: String, message: &str) -> (String, String) {
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        let path = if path.is_empty() {
            field.to_string()
        } else {
            format!("{path}.{field}")
        };
        return (path, "missing: this field is required".into());
    }
    let mut message = message.to_string();
    for (rust, words) in [
        ("expected f64", "expected a number"),
        ("expected u8", "expected a whole number of 0 or more"),
        ("expected u16", "expected a whole number of 0 or more"),
        ("expected u32", "expected a whole number of 0 or more"),
        ("expected u64", "expected a whole number of 0 or more"),
        ("expected usize", "expected a whole number of 0 or more"),
        ("invalid type: map", "invalid type: an object"),
        ("invalid type: sequence", "invalid type: a list"),
        ("expected a sequence", "expected a list"),
        ("expected a map", "expected an object"),
        ("floating point `", "number `"),
        ("integer `", "number `"),
    ] {
        message = message.replace(rust, words);
    }
    (path, message)
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Checks `format` and `version` and returns the version.
fn check_header(fields: &Map<String, Value>) -> Result<u64, PlanError> {
    match fields.get("format") {
        None => {
            return Err(PlanError::single(Problem::at(
                "format",
                format!(
                    "missing: this is not a workbook plan (expected \"format\": \"{FORMAT_NAME}\")"
                ),
            )))
        }
        Some(Value::String(name)) if name == FORMAT_NAME => {}
        Some(other) => {
            return Err(PlanError::single(Problem::at(
                "format",
                format!("{other} is not a format this app reads (expected \"{FORMAT_NAME}\")"),
            )))
        }
    }
    match fields.get("version") {
        None => Err(PlanError::single(Problem::at(
            "version",
            "missing: the file must say which format version it uses",
        ))),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) if (1..=CURRENT_VERSION).contains(&v) => Ok(v),
            Some(v) => Err(unsupported_version(v)),
            None => Err(PlanError::single(Problem::at(
                "version",
                format!("{n} is not a format version (a whole number from 1)"),
            ))),
        },
        Some(other) => Err(PlanError::single(Problem::at(
            "version",
            format!("expected a whole number, found {}", kind_of(other)),
        ))),
    }
}

/// Why a file's format version cannot be read: newer than this app, or not a version.
fn unsupported_version(version: u64) -> PlanError {
    let message = if version > CURRENT_VERSION {
        format!("{version} is newer than this app understands (up to {CURRENT_VERSION}); open it with a newer version of the workbook")
    } else {
        format!("{version} is not a format version (a whole number from 1)")
    };
    PlanError::single(Problem::at("version", message))
}

/// The JSON Schema of a plan file (draft 2020-12), generated from the model types: the
/// plan's fields plus the `$schema`, `format` and `version` header. Shipped as
/// `public/plan.schema.json` by `cargo run --example plan_schema`.
#[cfg(not(target_arch = "wasm32"))]
pub fn plan_schema() -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(Plan)).expect("a schema is JSON");
    schema["title"] = "SRE Foundations Workbook plan".into();
    schema["description"] = format!(
        "A plan exported by the SRE Foundations Workbook (format \"{FORMAT_NAME}\", version {CURRENT_VERSION}). Ranges and references are checked by the app on import."
    )
    .into();
    let properties = schema["properties"]
        .as_object_mut()
        .expect("a plan has properties");
    properties.insert(
        "$schema".into(),
        serde_json::json!({"type": "string", "description": "Where this schema is."}),
    );
    properties.insert(
        "format".into(),
        serde_json::json!({"const": FORMAT_NAME, "description": "Names the file as a workbook plan."}),
    );
    properties.insert(
        "version".into(),
        serde_json::json!({"type": "integer", "minimum": 1, "maximum": CURRENT_VERSION, "description": "Format version; older versions are migrated on import."}),
    );
    let required = schema["required"]
        .as_array_mut()
        .expect("a plan has required fields");
    required.insert(0, "version".into());
    required.insert(0, "format".into());
    schema
}

/// A step that turns the fields of a version-N file into those of version N+1.
type Migration = fn(Map<String, Value>) -> Result<Map<String, Value>, PlanError>;

/// Migration steps in order: `MIGRATIONS[i]` turns version `i + 1` into version `i + 2`.
/// Each version adds its step here (in `migrations.rs`), with a fixture of the version
/// before in `tests/fixtures/`.
const MIGRATIONS: [Migration; (CURRENT_VERSION - 1) as usize] = [
    migrations::v1_to_v2,
    migrations::v2_to_v3,
    migrations::v3_to_v4,
];

/// Brings the fields of a file of `version` up to [`CURRENT_VERSION`]. Total: a version
/// outside 1..=[`CURRENT_VERSION`] is an error, whoever calls it.
pub fn migrate(
    mut fields: Map<String, Value>,
    version: u64,
) -> Result<Map<String, Value>, PlanError> {
    if !(1..=CURRENT_VERSION).contains(&version) {
        return Err(unsupported_version(version));
    }
    let done = usize::try_from(version - 1).unwrap_or(usize::MAX);
    for step in MIGRATIONS.iter().skip(done) {
        fields = step(fields)?;
    }
    Ok(fields)
}

/// A file name for an exported plan: `<plan name>.json`, with characters that file systems
/// refuse replaced by `-`.
pub fn export_file_name(plan_name: &str) -> String {
    download_file_name(plan_name, "json")
}

/// A safe file name `<stem>.<extension>` for any download (plan, CSV, YAML, SVG); `plan`
/// when nothing usable is left of the stem.
pub fn download_file_name(stem: &str, extension: &str) -> String {
    let cleaned: String = stem
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '-'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if cleaned.is_empty() {
        format!("plan.{extension}")
    } else {
        format!(
            "{}.{extension}",
            cleaned.chars().take(120).collect::<String>()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::example::example_plan;

    #[test]
    fn a_current_file_is_read_from_its_text_in_any_layout_with_the_header_anywhere() {
        let plan = example_plan();
        let pretty = export_plan(&plan, "https://example.test/plan.schema.json");
        let compact = write_plan(&plan, false);
        // The header last, odd whitespace, a repeated version (the last one counts).
        let moved = compact.replacen(
            "{\"format\":\"sre-workbook-plan\",\"version\":4,",
            "{ \"version\" : 3 ,\n\t",
            1,
        );
        let moved = format!(
            "{}, \"format\": \"sre-workbook-plan\", \"version\": 4 }}",
            moved.trim_end_matches('}')
        );
        for text in [&pretty, &compact, &moved] {
            match read_current(text) {
                Some(Ok(read)) => assert_eq!(read, plan),
                other => panic!("not read from its text: {other:?}"),
            }
        }
        // Older versions, other formats and text that is not one object take the full path.
        let older = compact.replacen("\"version\":4", "\"version\":3", 1);
        for text in [
            &older,
            "[]",
            "{\"format\":\"other\",\"version\":4}",
            &compact[1..],
        ] {
            assert!(read_current(text).is_none(), "{text:.40}");
        }
    }

    #[test]
    fn a_type_error_is_placed_alike_in_pretty_and_compact_text_and_syntax_goes_first() {
        let plan = example_plan();
        let compact = write_plan(&plan, false);
        let id = &plan.slo_catalog.slos[1].id;
        let broken = compact.replacen(
            &format!("\"id\":\"{id}\""),
            &format!("\"id\":\"{id}\",\"target_percent\":\"high\""),
            1,
        );
        let pretty = indent_json(&broken);
        for text in [&broken, &pretty] {
            let error = read_plan_text(text).unwrap_err();
            assert_eq!(error.problems[0].path, "slo_catalog.slos[1].target_percent");
        }
        // The same type error before a cut-off end: the file is reported as truncated.
        let truncated = &broken[..broken.len() - 3];
        let error = read_plan_text(truncated).unwrap_err();
        assert!(
            error.problems[0].message.contains("ends too early"),
            "{:?}",
            error.problems
        );
    }
}
