// `make bench`: gathers every measurement into one table, prints it and writes it to
// docs/performance.md with the machine it ran on. Expects `cargo bench` (Criterion, in
// target/criterion/), the release build in dist/ and target/large-plan.json to exist.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem, release, platform } from "node:os";
import { join } from "node:path";
import { measureBrowser } from "./bench-browser.mjs";
import { criticalPath, distFiles, FIRST_WORKSPACE, WORKSPACES } from "./bundle-size.mjs";

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** dist/ files by kind, raw and gzip (as served), and the critical path of a first visit. */
function bundle() {
  const files = distFiles("dist");
  const kind = (re) => files.filter((f) => re.test(f.file) && f.file !== "sw.js");
  const sum = (list) => ({ raw: list.reduce((n, f) => n + f.raw, 0), gzip: list.reduce((n, f) => n + f.gzip, 0) });
  const critical = criticalPath("dist");
  // Opening on another workspace (a deep link, or the last session's) fetches its chunks instead.
  const others = WORKSPACES.filter((w) => w !== FIRST_WORKSPACE).map((w) => {
    const p = criticalPath("dist", w);
    return { workspace: w, raw: p.raw, gzip: p.gzip, br: p.br, wasm_files: p.wasmFiles };
  });
  const main = kind(/_bg\.wasm$/);
  return {
    wasm: sum(kind(/\.(wasm|pack)$/)), wasm_files: kind(/\.(wasm|pack)$/).length, main: sum(main), js: sum(kind(/\.js$/)), css: sum(kind(/\.css$/)), html: sum(kind(/\.html$/)),
    first_visit: { raw: critical.raw, gzip: critical.gzip, br: critical.br, wasm_files: critical.wasmFiles }, others,
  };
}

/** Criterion's mean and 95 % interval for each benchmark. */
function criterion() {
  const root = "target/criterion";
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => existsSync(join(root, d, "new", "estimates.json")))
    .map((d) => {
      const e = JSON.parse(readFileSync(join(root, d, "new", "estimates.json"), "utf8")).mean;
      const ms = (ns) => (ns / 1e6).toFixed(3);
      return { name: d, mean_ms: ms(e.point_estimate), low_ms: ms(e.confidence_interval.lower_bound), high_ms: ms(e.confidence_interval.upper_bound) };
    });
}

const b = bundle();
const browser = await measureBrowser("target/large-plan.json");
const core = criterion();
const machine = {
  cpu: `${cpus()[0].model} × ${cpus().length}`,
  memory: `${Math.round(totalmem() / 2 ** 30)} GB`,
  os: `${platform()} ${release()}`,
  node: process.version,
  rustc: execSync("rustc --version").toString().trim(),
  chromium: browser.chromium,
};

const verdict = (ok) => (ok ? "✓ within" : "✗ over");
const rows = [
  ["Bundle", `wasm: the main module and the packs of every split, ${b.wasm_files} files (each compressed alone)`, `${kb(b.wasm.raw)} raw, ${kb(b.wasm.gzip)} gzip`, ""],
  ["Bundle", "main wasm (shell, plan model, framework)", `${kb(b.main.raw)} raw, ${kb(b.main.gzip)} gzip`, ""],
  ["Bundle", "JS", `${kb(b.js.raw)} raw, ${kb(b.js.gzip)} gzip`, ""],
  ["Bundle", "CSS", `${kb(b.css.raw)} raw, ${kb(b.css.gzip)} gzip`, ""],
  ["Bundle", `first visit: HTML (with the first screen), JS, CSS, main wasm and the Plans workspace's pack; ${b.first_visit.wasm_files} wasm requests`, `${kb(b.first_visit.raw)} raw, ${kb(b.first_visit.gzip)} gzip, ${kb(b.first_visit.br)} brotli`, `≤ 300 KB gzip: ${verdict(b.first_visit.gzip <= 300 * 1024)}; ≤ 8 wasm requests: ${verdict(b.first_visit.wasm_files <= 8)}`],
  ...b.others.map((o) => ["Bundle", `opening on ${o.workspace} by its address instead; ${o.wasm_files} wasm requests`, `${kb(o.raw)} raw, ${kb(o.gzip)} gzip, ${kb(o.br)} brotli`, `≤ 400 KB gzip: ${verdict(o.gzip <= 400 * 1024)}; ≤ 8 wasm requests: ${verdict(o.wasm_files <= 8)}`]),
  ...[["gzip", browser.lighthouse.gzip], ["brotli", browser.lighthouse.brotli]].map(([encoding, l]) => [
    "Lighthouse (mobile)",
    `first visit, ${encoding} served: performance (median of ${l.runs}; runs ${l.scores.join(", ")}), accessibility, best practices`,
    `${l.median.performance}, ${l.median.accessibility}, ${l.median.best_practices}; LCP ${l.median.lcp_ms} ms, TBT ${l.median.tbt_ms} ms, CLS ${l.median.cls}, FCP ${l.median.fcp_ms} ms`,
    encoding === "gzip"
      ? `≥ 90: ${verdict(l.median.performance >= 90)}; LCP ≤ 2.5 s: ${verdict(l.median.lcp_ms <= 2500)}; TBT ≤ 200 ms: ${verdict(l.median.tbt_ms <= 200)}; 100 and 100: ${verdict(l.median.accessibility === 100 && l.median.best_practices === 100)}`
      : "",
  ]),
  ["Cold load", `longest task of a first visit, unthrottled (median of ${browser.cold_load.unthrottled.runs}; 0 = none of 50 ms or more)`, `${browser.cold_load.unthrottled.longest_task_ms} ms`, `≤ 50 ms: ${verdict(browser.cold_load.unthrottled.longest_task_ms <= 50)}`],
  ...[["unthrottled", browser.cold_load.unthrottled], ["4× CPU throttling", browser.cold_load.cpu_4x]].flatMap(([label, c]) => [
    ["Cold load", `first contentful paint, ${label} (median of ${c.runs})`, `${c.first_contentful_paint_ms} ms`, label === "unthrottled" ? `< 150 ms: ${verdict(c.first_contentful_paint_ms < 150)}` : ""],
    ["Cold load", `example plan interactive, ${label} (median of ${c.runs})`, `${c.interactive_ms} ms`, label === "unthrottled" ? `< 300 ms: ${verdict(c.interactive_ms < 300)}` : ""],
  ]),
  ...[[browser.cold_load.slow_link, 1600], [browser.cold_load.fast_link, 600]].map(([c, budget]) => [
    "Cold load",
    `example plan interactive on ${c.network}, gzip (median of ${c.runs})`,
    `${c.interactive_ms} ms (first contentful paint ${c.first_contentful_paint_ms} ms; main wasm sent as ${c.main_wasm_kb_sent} KB)`,
    `≤ ${budget} ms: ${verdict(c.interactive_ms <= budget)}`,
  ]),
  ...(browser.cold_load.slow_link_brotli
    ? [[
        "Cold load",
        `example plan interactive on ${browser.cold_load.slow_link_brotli.network}, brotli (median of ${browser.cold_load.slow_link_brotli.runs})`,
        `${browser.cold_load.slow_link_brotli.interactive_ms} ms (first contentful paint ${browser.cold_load.slow_link_brotli.first_contentful_paint_ms} ms; main wasm sent as ${browser.cold_load.slow_link_brotli.main_wasm_kb_sent} KB)`,
        "beside the gzip row (the goal is measured with gzip)",
      ]]
    : []),
  ...[["SLO target → budget figures", browser.interaction.slo_target], ["scenario baseline → simulation, charts, table", browser.interaction.scenario_baseline]].map(([label, r]) => [
    "Interaction",
    `${label} (${r.edits} edits)`,
    `p50 ${r.p50_ms} ms, p95 ${r.p95_ms} ms (p95 to the next frame ${r.p95_to_next_frame_ms} ms)`,
    `p95 < 16 ms: ${verdict(r.p95_ms < 16)}`,
  ]),
  ["Replay history", `read a ${browser.history.read.mb} MB CSV in the page: split into cells, then rows checked`, `${browser.history.read.split_ms} ms + ${browser.history.read.check_ms} ms`, `< 1000 ms: ${verdict(browser.history.read.split_ms + browser.history.read.check_ms < 1000)}`],
  ["Replay history", "keep 90 days of 1-minute rows with the plan: pack on import, unpack on reload; plan entry in local storage", browser.history.kept ? `${browser.history.kept.pack_ms} ms, ${browser.history.kept.unpack_ms} ms; ${browser.history.kept.stored_kb} KB` : "not measured", "must fit (about 5 MB per origin)"],
  ["Replay history", "replay 90 days of 1-minute rows in the page (minute grid + backtest, 3 rules)", `${browser.history.replay.replay_ms} ms (target finder, 10 targets: ${browser.history.replay.targets_ms} ms)`, `< 50 ms: ${verdict(browser.history.replay.replay_ms < 50)}`],
  ["Replay history", "alert lab: six alerting schemes over the same 90 days, and at 1/100 of the traffic (median of 5)", `${browser.history.replay.alert_lab_ms} ms`, `< 100 ms: ${verdict(browser.history.replay.alert_lab_ms < 100)}`],
  ["Monte Carlo", `${browser.monte_carlo.runs_per_click.toLocaleString("en")} runs in the page (median of ${browser.monte_carlo.clicks})`, `${browser.monte_carlo.median_ms} ms`, `< 1 s: ${verdict(browser.monte_carlo.median_ms < 1000)}`],
  ["Hostile plan", `a ${browser.hostile_plan.file_mb} MB plan of 350,000 labels, one a number: refused with its place named, imported as a file (from the input's change event; Playwright's hand-over of the file adds ${browser.hostile_plan.file_with_playwright_handover_ms - Math.round(browser.hostile_plan.file_ms)} ms)`, `${browser.hostile_plan.file_ms} ms`, `< 1 s: ${verdict(browser.hostile_plan.file_ms < 1000)}`],
  ["Hostile plan", `the same plan as a share link (${browser.hostile_plan.link_kb} KB), opened: refused with its place named, from the page's first script, of which ${browser.hostile_plan.link_read_ms} ms reading the link (from navigation start: ${browser.hostile_plan.link_ms} ms; Chromium runs a page's first script about 0.4 s late for a 1 MB address; the page without a link is interactive at ${browser.hostile_plan.page_without_link_interactive_ms} ms)`, `${browser.hostile_plan.link_from_first_script_ms} ms`, `< 1 s: ${verdict(browser.hostile_plan.link_from_first_script_ms < 1000)}`],
  ["Large plan", "50 teams, 12 rounds, 200 SLOs, 40 scenarios: import and open", `${browser.large_plan.import_and_open_ms} ms`, `< 1 s: ${verdict(browser.large_plan.import_and_open_ms < 1000)}`],
  ...Object.entries(browser.large_plan.first_render_ms).map(([page, ms]) => ["Large plan", `first render of ${page}`, `${ms} ms`, `< 1 s: ${verdict(ms < 1000)}`]),
  ["Large plan", "autosave (validate, serialize, write)", `${browser.large_plan.autosave_ms} ms`, ""],
  ["Large plan", "memory after visiting every workspace", `JS heap ${browser.large_plan.js_heap_mb} MB, wasm memory ${browser.large_plan.wasm_memory_mb} MB`, ""],
  ...core.map((c) => ["Core (native, Criterion)", c.name, `${c.mean_ms} ms (95 % CI ${c.low_ms}–${c.high_ms})`, c.name.startsWith("simulate") ? `< 2 ms: ${verdict(Number(c.mean_ms) < 2)}` : ""]),
];

const table = ["| area | measure | result | budget |", "|---|---|---|---|", ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
const doc = `# Performance

Written by \`make bench\` on ${new Date().toISOString().slice(0, 10)}. Lighthouse runs its mobile preset (simulated
slow 4G, 4× CPU, a phone's screen) in a fresh Chromium per run. Cold loads use a fresh browser
context with the cache disabled and no service worker (a first visit) against \`dist/\` on localhost;
interaction times run in the page from the input event until the DOM shows the new value
(and, in brackets, until the next frame); the large plan is generated by
\`cargo run --example large_plan\`.

## Machine

| | |
|---|---|
${Object.entries(machine).map(([k, v]) => `| ${k} | ${v} |`).join("\n")}

## Results

${table}
`;
writeFileSync("docs/performance.md", doc);
console.log(table);
console.log("\nWritten to docs/performance.md");
