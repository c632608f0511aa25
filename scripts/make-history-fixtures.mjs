// Writes the corpus of broken and messy SLI history files under tests/fixtures/history-bad/.
// The messages a user must see for each are kept by hand in expected.json there: `error`
// when the file cannot be imported at all, `problems` for the rows reported before import.
// Run `node scripts/make-history-fixtures.mjs` after changing a case; the files are committed.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";

const DIR = "tests/fixtures/history-bad";
const t0 = Date.UTC(2026, 8, 1);
const iso = (m) => new Date(t0 + m * 60_000).toISOString().replace(".000Z", "Z");
/** A CSV with `header` and 10 one-minute rows from `row(m)`, with `edit` applied to rows. */
function csv(header, row, edit = (rows) => rows) {
  const rows = Array.from({ length: 10 }, (_, m) => row(m));
  return [header, ...edit(rows)].join("\n") + "\n";
}
const counts = (edit) => csv("timestamp,good,total", (m) => `${iso(m)},1000,1000`, edit);
const at = (i, value) => (rows) => rows.map((r, k) => (k === i ? value : r));

const cases = [
  ["empty.csv", ""],
  ["header-only.csv", "timestamp,good,total\n"],
  ["not-utf8.csv", Buffer.concat([Buffer.from("timestamp,good,total\n2026-09-01T00:00:00Z,99"), Buffer.from([0xe9]), Buffer.from(",100\n")])],
  ["unclosed-quote.csv", counts(at(3, `"${iso(3)},1000,1000`))],
  ["bad-timestamps.csv", counts((rows) => rows.map((r, k) => (k === 2 ? "yesterday,1000,1000" : k === 5 ? "2026-02-30T00:00:00Z,1000,1000" : r)))],
  ["not-a-number.csv", counts(at(4, `${iso(4)},n/a,1000`))],
  ["negative-count.csv", counts(at(1, `${iso(1)},-5,1000`))],
  ["good-above-total.csv", counts(at(6, `${iso(6)},1200,1000`))],
  ["missing-cells.csv", counts((rows) => rows.map((r, k) => (k === 7 || k === 8 ? r.split(",").slice(0, 2).join(",") : r)))],
  ["duplicate-timestamps.csv", counts((rows) => [...rows.slice(0, 5), rows[4].replace(",1000,", ",990,"), ...rows.slice(5)])],
  ["out-of-order.csv", counts((rows) => [rows[0], rows[2], rows[1], ...rows.slice(3)])],
  ["ratio-out-of-range.csv", csv("timestamp,error_ratio", (m) => `${iso(m)},${m === 3 ? "1.5" : "0.001"}`)],
  ["percent-out-of-range.csv", csv("timestamp,error_percent", (m) => `${iso(m)},${m === 3 ? "150" : "0.1"}`)],
  // Semicolons and a decimal comma, as spreadsheets in many locales export: read, no problem.
  ["decimal-comma.csv", csv("timestamp;error_ratio", (m) => `${iso(m)};${m === 2 ? "0,5" : "0.001"}`)],
  ["html-page.csv", "<!doctype html>\n<html><head><title>Grafana</title></head><body>Sign in</body></html>\n"],
  ["prometheus-error.json", JSON.stringify({ status: "error", errorType: "bad_data", error: "invalid parameter \"query\": 1:5: parse error: unexpected end of input" })],
  ["prometheus-instant-vector.json", JSON.stringify({ status: "success", data: { resultType: "vector", result: [{ metric: { __name__: "up" }, value: [1788220800, "1"] }] } })],
  ["prometheus-empty.json", JSON.stringify({ status: "success", data: { resultType: "matrix", result: [] } })],
  ["prometheus-nan.json", JSON.stringify({ status: "success", data: { resultType: "matrix", result: [
    { metric: { __name__: "requests", code: "2xx" }, values: [[1788220800, "10"], [1788220860, "NaN"], [1788220920, "10"]] },
    { metric: { __name__: "requests" }, values: [[1788220800, "10"], [1788220860, "10"], [1788220920, "10"]] },
  ] } })],
  ["not-json.json", "{\"status\": \"success\", \"data\": "],
  // 1,234 may be a thousand and more or a little over one: refused by line, never guessed.
  ["thousands-comma.csv", csv("timestamp;good;total", (m) => `${iso(m)};${m === 4 ? "1,234" : "990"};${m === 7 ? "12,500" : "1000"}`)],
  // Two rows 8,200 years apart: more than 2^32 minutes, which a 32-bit index would wrap.
  ["spans-8200-years.csv", "timestamp,good,total\n0001-01-01T00:00:00Z,10,10\n8200-01-01T00:00:00Z,10,10\n"],
  // Unix milliseconds past the year 9999 are not times a history can hold.
  ["unix-ms-after-year-9999.csv", "timestamp,good,total\n1788220800000,10,10\n999999999999999,10,10\n"],
  // 101 series: more than a history imports (an SLI is one or two series).
  ["prometheus-101-series.json", JSON.stringify({ status: "success", data: { resultType: "matrix", result: Array.from({ length: 101 }, (_, i) => ({ metric: { __name__: "requests", pod: `p${i}` }, values: [[1788220800, "1"]] })) } })],
];

mkdirSync(DIR, { recursive: true });
for (const name of readdirSync(DIR)) if (name !== "expected.json") rmSync(`${DIR}/${name}`);
for (const [name, contents] of cases) writeFileSync(`${DIR}/${name}`, contents);
console.log(`${cases.length} files in ${DIR}`);
