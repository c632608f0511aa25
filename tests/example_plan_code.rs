//! The example plan as Rust code (src/model/plan/example_code.rs) is generated from the
//! shipped example_plan.json, so a first visit can open the example without the plan file
//! reader (about 60 KB gzip of wasm, a part fetched only when there is a file to read).
//! This test holds the code to the file: it regenerates the code and fails when the
//! checked-in copy differs (`UPDATE_EXAMPLE_CODE=1 cargo test --test example_plan_code`
//! rewrites it), and compares the plan the code builds with the plan the reader reads.

use std::fmt::Write as _;

use sre_workbook::model::plan::example::{example_plan, EXAMPLE_PLAN_JSON};
use sre_workbook::model::plan::format::read_plan_text;

const CODE_FILE: &str = "src/model/plan/example_code.rs";

/// The enum each enum-typed field holds (`Debug` names a variant without its enum), by
/// the struct (or struct variant) and field it sits in.
const ENUM_FIELDS: [(&str, &str, &str); 12] = [
    ("CoachingAction", "status", "ActionStatus"),
    ("ActivityRecord", "activity", "FoundationalActivity"),
    ("ActivityRecord", "status", "ActivityStatus"),
    ("Sli", "kind", "SliKind"),
    ("Slo", "subject", "SloSubject"),
    ("Slo", "window", "SloWindow"),
    ("Slo", "budgeting", "BudgetingMethod"),
    ("Slo", "metrics", "SliMetrics"),
    ("AlertTier", "severity", "AlertSeverity"),
    ("SliHistory", "weight", "Weight"),
    ("SliHistory", "gaps", "GapPolicy"),
    ("TimeSlices", "good_when", "Comparison"),
];

/// Turns the example plan's pretty `Debug` text into Rust that builds the same value.
struct Coder<'a> {
    text: &'a [u8],
    at: usize,
    out: String,
}

impl Coder<'_> {
    fn skip_space(&mut self) {
        while self.at < self.text.len() && self.text[self.at].is_ascii_whitespace() {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> u8 {
        self.skip_space();
        self.text[self.at]
    }

    fn expect(&mut self, b: u8) {
        assert_eq!(self.peek() as char, b as char, "at byte {}", self.at);
        self.at += 1;
    }

    fn ident(&mut self) -> String {
        self.skip_space();
        let start = self.at;
        while self.text[self.at].is_ascii_alphanumeric() || self.text[self.at] == b'_' {
            self.at += 1;
        }
        String::from_utf8(self.text[start..self.at].to_vec()).unwrap()
    }

    fn string(&mut self) {
        self.skip_space();
        let start = self.at;
        self.at += 1;
        while self.text[self.at] != b'"' {
            self.at += if self.text[self.at] == b'\\' { 2 } else { 1 };
        }
        self.at += 1;
        let literal = std::str::from_utf8(&self.text[start..self.at]).unwrap();
        write!(self.out, "s({literal})").unwrap();
    }

    /// One value; `of_enum` names the enum it belongs to, when it is one.
    fn value(&mut self, of_enum: Option<&str>) {
        match self.peek() {
            b'"' => self.string(),
            b'[' => {
                self.at += 1;
                self.out.push_str("vec![");
                while self.peek() != b']' {
                    self.value(of_enum);
                    self.comma();
                }
                self.at += 1;
                self.out.push(']');
            }
            b'{' => {
                // A map: its entries as (key, value) pairs.
                self.at += 1;
                self.out.push('[');
                while self.peek() != b'}' {
                    self.out.push('(');
                    self.value(None);
                    self.expect(b':');
                    self.out.push_str(", ");
                    self.value(None);
                    self.out.push(')');
                    self.comma();
                }
                self.at += 1;
                self.out.push_str("].into()");
            }
            b'-' | b'0'..=b'9' => {
                let start = self.at;
                while matches!(self.text[self.at], b'-' | b'+' | b'.' | b'e' | b'0'..=b'9') {
                    self.at += 1;
                }
                self.out
                    .push_str(std::str::from_utf8(&self.text[start..self.at]).unwrap());
            }
            _ => {
                let name = self.ident();
                match name.as_str() {
                    "true" | "false" | "None" => self.out.push_str(&name),
                    "Some" => {
                        self.out.push_str("Some(");
                        self.expect(b'(');
                        self.value(of_enum);
                        self.comma();
                        self.expect(b')');
                        self.out.push(')');
                    }
                    _ => {
                        if let Some(e) = of_enum {
                            write!(self.out, "{e}::").unwrap();
                        }
                        self.out.push_str(&name);
                        match self.peek() {
                            b'{' => {
                                self.at += 1;
                                self.out.push_str(" { ");
                                while self.peek() != b'}' {
                                    let field = self.ident();
                                    self.expect(b':');
                                    write!(self.out, "{field}: ").unwrap();
                                    let of = ENUM_FIELDS
                                        .iter()
                                        .find(|(s, f, _)| *s == name && *f == field)
                                        .map(|(_, _, e)| *e);
                                    self.value(of);
                                    self.comma();
                                }
                                self.at += 1;
                                self.out.push('}');
                            }
                            b'(' => {
                                self.at += 1;
                                self.out.push('(');
                                while self.peek() != b')' {
                                    self.value(None);
                                    self.comma();
                                }
                                self.at += 1;
                                self.out.push(')');
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
    }

    fn comma(&mut self) {
        if self.peek() == b',' {
            self.at += 1;
            self.out.push_str(", ");
        }
    }
}

fn generated_code() -> String {
    let plan = read_plan_text(EXAMPLE_PLAN_JSON).expect("the example plan reads");
    let debug = format!("{plan:#?}");
    let mut coder = Coder {
        text: debug.as_bytes(),
        at: 0,
        out: String::new(),
    };
    coder.value(None);
    assert_eq!(
        coder.peek_end(),
        debug.len(),
        "the whole Debug text was read"
    );
    format!(
        "// Generated by tests/example_plan_code.rs from example_plan.json: do not edit; run\n\
         // `UPDATE_EXAMPLE_CODE=1 cargo test --test example_plan_code` after changing the file.\n\
         \n\
         use crate::model::history::series::{{GapPolicy, SeriesText, SliHistory, Weight}};\n\
         use crate::model::plan::*;\n\
         \n\
         /// One text of the plan, as the field's type holds it.\n\
         fn s<T: From<String>>(text: &str) -> T {{\n    T::from(text.to_string())\n}}\n\
         \n\
         /// The example plan, built as example_plan.json describes it.\n\
         pub(super) fn build() -> Plan {{\n    {}\n}}\n",
        coder.out
    )
}

impl Coder<'_> {
    fn peek_end(&mut self) -> usize {
        self.skip_space();
        self.at
    }
}

#[test]
fn the_example_plans_code_is_generated_from_its_file() {
    let code = generated_code();
    if std::env::var_os("UPDATE_EXAMPLE_CODE").is_some() {
        std::fs::write(CODE_FILE, &code).unwrap();
    }
    let checked_in = std::fs::read_to_string(CODE_FILE).unwrap_or_default();
    assert!(
        checked_in == code,
        "{CODE_FILE} is not the code of example_plan.json: run \
         `UPDATE_EXAMPLE_CODE=1 cargo test --test example_plan_code`"
    );
}

#[test]
fn the_example_plans_code_builds_the_plan_its_file_reads_to() {
    assert_eq!(example_plan(), read_plan_text(EXAMPLE_PLAN_JSON).unwrap());
}
