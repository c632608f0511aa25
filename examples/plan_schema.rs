//! Writes the plan format's JSON Schema to `public/plan.schema.json` (or the path given),
//! generated from the model types. A host test fails when the shipped file is out of date.
fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "public/plan.schema.json".into());
    let schema = sre_workbook::model::plan::format::plan_schema();
    let text = serde_json::to_string_pretty(&schema).expect("a schema is JSON") + "\n";
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{path}: {e}"));
    println!("wrote {path}");
}
