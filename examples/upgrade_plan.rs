//! Rewrites a plan file of any supported version in the current format, through the same
//! reader as an import: `cargo run --example upgrade_plan -- IN.json OUT.json`. Used to
//! bring the shipped example plan to a new format version.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: upgrade_plan IN.json OUT.json");
        std::process::exit(2);
    };
    let bytes = std::fs::read(input).unwrap_or_else(|e| panic!("{input}: {e}"));
    let plan = sre_workbook::model::plan::format::read_plan(&bytes).unwrap_or_else(|e| {
        eprintln!("{input}:\n{e}");
        std::process::exit(1);
    });
    std::fs::write(
        output,
        sre_workbook::model::plan::format::write_plan(&plan, true),
    )
    .unwrap_or_else(|e| panic!("{output}: {e}"));
    println!("wrote {output}");
}
