// Writes the corpus of broken and hostile plan files under tests/fixtures/bad/. The messages a
// user must see for each are kept by hand in tests/fixtures/bad/expected.json, which also
// lists two cases too big to commit (a 20 MB file and 100,000 teams) with a `generate` recipe
// that the host test and the end-to-end test each build in memory.
// Run `node scripts/make-bad-fixtures.mjs` after changing a case; the files are committed.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { packText } from "./pack-series.mjs";

const DIR = "tests/fixtures/bad";
// Most cases start from the frozen version-1 example (so they also pass through the
// migration); the cases of version-2 fields start from the version-2 example.
const base = readFileSync("tests/fixtures/v1/example.json", "utf8");
const example = () => JSON.parse(base);
const example2 = () => JSON.parse(readFileSync("tests/fixtures/v2/example.json", "utf8"));
const example3 = () => JSON.parse(readFileSync("tests/fixtures/v3/example.json", "utf8"));
const example4 = () => JSON.parse(readFileSync("tests/fixtures/v4/example.json", "utf8"));
const pretty = (value) => JSON.stringify(value, null, 2) + "\n";

/** A case whose file is the example plan after `edit`, with its own id. */
function edited(edit, from = example) {
  const plan = from();
  plan.id = "bad-fixture";
  edit(plan);
  return pretty(plan);
}

/** Replaces the first `"key": value` text after `after` with `replacement` (for non-JSON values). */
function splice(text, after, key, replacement) {
  const start = text.indexOf(`"${key}": `, text.indexOf(after));
  const end = text.indexOf("\n", start);
  const comma = text[end - 1] === "," ? "," : "";
  return text.slice(0, start) + `"${key}": ${replacement}${comma}` + text.slice(end);
}

const HTML = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>"'&`;
const TEXT_KEYS = new Set(["name", "label", "description", "note", "action", "title", "challenge", "organization", "owner", "gap", "misaligned", "target_mindset", "levels"]);
function poison(value, key = "") {
  if (typeof value === "string") return TEXT_KEYS.has(key) ? `${HTML} ${value}`.slice(0, 190) : value;
  if (Array.isArray(value)) return value.map((v) => poison(v, key));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  return value;
}

const nestedArrays = (depth) => `{"format": "sre-workbook-plan", "version": 1, "name": ${"[".repeat(depth)}${"]".repeat(depth)}}`;

/** [file name, contents (string or bytes)]. */
const cases = [
  ["truncated.json", base.slice(0, 2000)],
  ["empty.json", ""],
  ["whitespace-only.json", "  \n\t\n"],
  ["single-quotes.json", base.replace('"id": "example-parcelry"', "'id': 'example-parcelry'")],
  ["trailing-comma.json", base.replace('"version": 1,', '"version": 1,,')],
  ["comment.json", "// exported plan\n" + base],
  ["not-an-object.json", "[1, 2, 3]\n"],
  ["null.json", "null\n"],
  ["a-string.json", '"sre-workbook-plan"\n'],
  ["byte-order-mark.json", "\ufeff" + edited((p) => Object.assign(p, { id: "bad-fixture-bom", name: "Plan with a byte-order mark" }))],
  ["byte-order-mark-then-garbage.json", "\ufeff{oops}"],
  ["latin-1-bytes.json", Buffer.concat([Buffer.from(base.slice(0, 60)), Buffer.from([0xe9]), Buffer.from(base.slice(60))])],
  ["utf-16.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(base, "utf16le")])],
  ["binary.json", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
  ["missing-format.json", edited((p) => delete p.format)],
  ["unknown-format.json", edited((p) => (p.format = "openslo/v1"))],
  ["missing-version.json", edited((p) => delete p.version)],
  ["future-version.json", edited((p) => (p.version = 5))],
  ["version-zero.json", edited((p) => (p.version = 0))],
  ["version-as-text.json", edited((p) => (p.version = "1"))],
  ["target-as-text.json", edited((p) => (p.slo_catalog.slos[0].target_percent = "99.9%"))],
  ["teams-as-object.json", edited((p) => (p.transition.teams = { checkout: "Checkout" }))],
  ["level-as-fraction.json", edited((p) => (p.transition.rounds[0].ratings[0].level = 1.5))],
  ["missing-name.json", edited((p) => delete p.name)],
  ["missing-transition.json", edited((p) => delete p.transition)],
  ["missing-team-name.json", edited((p) => delete p.transition.teams[2].name)],
  ["missing-slo-target.json", edited((p) => delete p.slo_catalog.slos[3].target_percent)],
  ["empty-plan-name.json", edited((p) => (p.name = "   "))],
  ["unknown-field.json", edited((p) => (p.owner = "me"))],
  ["nan-target.json", splice(edited(() => {}), '"checkout-availability"', "target_percent", "NaN")],
  ["infinity-target.json", splice(edited(() => {}), '"checkout-availability"', "target_percent", "Infinity")],
  ["huge-number-target.json", splice(edited(() => {}), '"checkout-availability"', "target_percent", "1e309")],
  ["negative-window-days.json", edited((p) => (p.slo_catalog.slos[0].window = { kind: "rolling", days: -30 }))],
  ["negative-incident-duration.json", edited((p) => (p.scenarios[0].incidents[0].duration_minutes = -5))],
  ["negative-events-per-day.json", edited((p) => (p.slo_catalog.slos[0].budgeting.expected_per_day = -120000))],
  ["negative-releases-per-week.json", edited((p) => (p.scenarios[0].releases.releases_per_week = -1))],
  ["negative-readiness-share.json", edited((p) => (p.transition.readiness_share_percent = -10))],
  ["target-0.json", edited((p) => (p.slo_catalog.slos[0].target_percent = 0))],
  ["target-100.json", edited((p) => (p.slo_catalog.slos[0].target_percent = 100))],
  ["target-minus-1.json", edited((p) => (p.slo_catalog.slos[0].target_percent = -1))],
  ["window-0-days.json", edited((p) => (p.slo_catalog.slos[0].window = { kind: "rolling", days: 0 }))],
  ["window-10000-days.json", edited((p) => (p.slo_catalog.slos[0].window = { kind: "rolling", days: 10000 }))],
  ["incident-after-window.json", edited((p) => (p.scenarios[0].incidents[0].start_minute = 50000))],
  ["incident-runs-past-window.json", edited((p) => Object.assign(p, { id: "bad-fixture-late-incident", name: "Incident running past the window" }) && (p.scenarios[0].incidents[0].start_minute = 43190))],
  // Durations past 32 bits once wrapped in the browser's usize and erased the span.
  ["incident-duration-4294967295.json", edited((p) => (p.scenarios[0].incidents[0].duration_minutes = 4294967295))],
  ["maintenance-longer-than-window.json", edited((p) => (p.scenarios[1].maintenance[0].duration_minutes = 43201))],
  ["restore-minutes-1e12.json", edited((p) => (p.scenarios[0].releases.restore_minutes = 1e12))],
  // Version 2: calendar periods, queries, alert tiers and labels.
  ["calendar-month-2027-13.json", edited((p) => (p.slo_catalog.slos[4].window.month = "2027-13"), example2)],
  ["query-with-range.json", edited((p) => (p.slo_catalog.slos[0].metrics.bad = 'http_requests_total{code=~"5.."}[5m]'), example2)],
  ["query-unclosed-quote.json", edited((p) => (p.slo_catalog.slos[0].metrics.total = 'http_requests_total{job="shop-api}'), example2)],
  ["query-good-and-bad.json", edited((p) => (p.slo_catalog.slos[0].metrics.good = "http_requests_total"), example2)],
  ["query-script-in-matchers.json", edited((p) => (p.slo_catalog.slos[1].metrics.matchers = 'job="x"}) or vector(1) # <script>'), example2)],
  ["alert-tier-short-longer-than-long.json", edited((p) => (p.slo_catalog.slos[0].alerting.tiers[0].short_minutes = 120), example2)],
  ["alert-tier-longer-than-window.json", edited((p) => (p.slo_catalog.slos[0].alerting.tiers[2].long_minutes = 50000), example2)],
  ["alert-label-reserved.json", edited((p) => (p.slo_catalog.slos[0].alerting.labels.severity = "critical"), example2)],
  ["alert-label-bad-name.json", edited((p) => (p.slo_catalog.slos[0].alerting.labels["team-name"] = "checkout"), example2)],
  ["negative-traffic-guard.json", edited((p) => (p.slo_catalog.slos[0].alerting.min_events_per_hour = -1), example2)],
  ["version-1-with-version-2-fields.json", edited((p) => (p.slo_catalog.slos[0].metrics = { kind: "events", good: null, bad: "errors_total", total: "requests_total" }))],
  ["duplicate-team-ids.json", edited((p) => p.transition.teams.push({ ...p.transition.teams[0], name: "Checkout again" }))],
  ["duplicate-slo-ids.json", edited((p) => (p.slo_catalog.slos[4].id = p.slo_catalog.slos[0].id))],
  ["duplicate-scenario-ids.json", edited((p) => (p.scenarios[1].id = p.scenarios[0].id))],
  ["rating-of-missing-team.json", edited((p) => (p.transition.rounds[0].ratings[0].team = "ghost-team"))],
  ["service-of-missing-team.json", edited((p) => (p.slo_catalog.services[0].team = "ghost-team"))],
  ["slo-of-missing-service.json", edited((p) => (p.slo_catalog.slos[0].subject = { kind: "service", id: "ghost-service" }))],
  ["journey-of-missing-service.json", edited((p) => (p.slo_catalog.journeys[0].service = "ghost-service"))],
  ["scenario-of-missing-slo.json", edited((p) => (p.scenarios[0].slo = "ghost-slo"))],
  ["action-for-missing-team.json", edited((p) => (p.transition.actions[0].teams = ["ghost-team"]))],
  ["impossible-date.json", edited((p) => (p.transition.rounds[1].date = "2026-02-30"))],
  ["arrays-10000-deep.json", nestedArrays(10000)],
  ["objects-10000-deep.json", `{"format": "sre-workbook-plan", "version": 1, "name": ${'{"a": '.repeat(10000)}1${"}".repeat(10000)}}`],
  ["history-in-version-2-file.json", edited((p) => (p.histories = example3().histories), example2)],
  ["policy-agreement-in-version-3-file.json", edited((p) => (p.slo_catalog.slos[0].policy.agreed_by = "Jonas"), example3)],
  ["policy-review-before-agreement.json", edited((p) => (p.slo_catalog.slos[0].policy.review_on = "2026-01-31"), example4)],
  ["policy-agreed-on-not-a-date.json", edited((p) => (p.slo_catalog.slos[1].policy.agreed_on = "15/06/2026"), example4)],
  ["history-of-missing-slo.json", edited((p) => (p.histories[0].slo = "ghost-slo"), example3)],
  ["two-histories-for-one-slo.json", edited((p) => p.histories.push({ ...p.histories[0], id: "history-again" }), example3)],
  ["history-without-series.json", edited((p) => delete p.histories[0].series, example3)],
  ["history-series-not-packed.json", edited((p) => (p.histories[0].series = "timestamp,good,total\n1788220800,999,1000"), example3)],
  ["history-series-not-base64.json", edited((p) => (p.histories[0].series = "v1:<script>alert(1)</script>"), example3)],
  ["history-series-truncated.json", edited((p) => (p.histories[0].series = p.histories[0].series.slice(0, 40)), example3)],
  ["history-series-good-above-total.json", edited((p) => (p.histories[0].series = packText("1788220800000\n60000*2\ngood:1000,1001,1000\n1000*3\n")), example3)],
  ["history-series-time-backwards.json", edited((p) => (p.histories[0].series = packText("1788220800000\n60000,-60000\nbad:0*3\n1000*3\n")), example3)],
  ["history-unknown-gap-policy.json", edited((p) => (p.histories[0].gaps = "ignored"), example3)],
  // A run of 2^32 - 1 rows: on 32-bit wasm the row count would wrap past the cap.
  ["history-series-run-near-2-32.json", edited((p) => (p.histories[0].series = packText("1788220800000\n60000\nbad:0,1*4294967295\n1000,1000\n")), example3)],
  // Steps that each pass but add up to 8,000 years: more than 2^32 minutes on the grid.
  ["history-series-spans-8000-years.json", edited((p) => (p.histories[0].series = packText("-62000000000000\n1000000000000*258\nbad:0*259\n1*259\n")), example3)],
  // A first time at the end of an i64: one step more would overflow.
  ["history-series-time-at-i64-max.json", edited((p) => (p.histories[0].series = packText("9223372036854775807\n60000\nbad:0,0\n10,10\n")), example3)],
  ["html-and-script-in-every-text-field.json", pretty({ ...poison(example()), id: "bad-fixture-html" })],
];

mkdirSync(DIR, { recursive: true });
for (const name of readdirSync(DIR)) if (name !== "expected.json") rmSync(`${DIR}/${name}`);
for (const [name, contents] of cases) writeFileSync(`${DIR}/${name}`, contents);
console.log(`${cases.length} files in ${DIR}`);
