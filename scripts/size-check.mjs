// The size check of `make test`: fails when what a visit must fetch before its first
// workspace is interactive (see scripts/bundle-size.mjs) grows past its limit in gzip
// bytes, or takes more than 8 requests for wasm. Bytes and counts, not times, so the check
// is deterministic on any machine. Every workspace is checked, as a link can open on any.
//
// The goals (issue 27) are 300 KB gzip for a first visit and 400 KB for opening on any
// workspace by its address. Until the bundle reaches a goal, its limit is a ratchet just
// above today's size: growth is caught when it is made, and each session that shrinks the
// bundle lowers the limit with it; a route within its goal is held to the goal.
// History of the first visit's limit: 560 KB (548.7 measured); 620 KB when plan format 2
// brought queries, alert tiers and the Prometheus, Sloth and Pyrra exports (613.5); 365 KB
// when the wasm was split per workspace (359.7); 366 KB when current-version plans came to
// be read straight from their text (365.2: about 3 KB for a 5 MB plan refused in 0.3 s
// instead of 1.5 s); 376 KB when the first visit's screen came to be drawn into index.html
// at build time (375.6: +2.5 KB of markup, and "Getting started", 5.4 KB fetched right after
// the Plans page until then and so left out of this count, became part of it); 368 KB when
// each split's modules came in one pack and start-up in short tasks (367.4: one file
// compresses better than 24, and the page's loader grew by 1.3 KB); 374 KB when the Plans
// page gained "Compare with file…" (373.9: the picker and the summary's view in the Plans
// pack, +5.2 KB; the diff itself is a part of its own, fetched on use, but its loader entries
// reach every route, +0.9 KB). The other routes' limits rose by the same 1.2 to 2.1 KB.
// 381 KB when the open plan could be bound to a file on disk (380.4: the Plans page's file
// buttons +3.9 KB in its pack; the autosave's hook, the header's "Saved to <file>" and the
// binding's loader entries +2.6 KB on every route; the binding itself, pickers, writes and the
// offer of a file changed elsewhere, is a part of its own fetched on first use).
// 300 KB, the goal, when the plan file reader became a part of its own (292.5: the example
// plan is built by code generated from its file, so a first visit reads no JSON; the
// session is read by the JSON text walker; the workspaces' style sheets come with their
// packs), and every other route fell by 66 to 84 KB with it.
//
// Then the SLOs page's production-file writers became a part fetched on the first export
// (SLOs 406.9 → 390.7, within its goal), and the loader's list of packs compact (-2.8 KB on
// every route: each part's name and length instead of names and offsets in full). The
// shell's and the first screen's style sheets then moved into index.html (290.7: the same
// bytes, one round trip less before the first paint).
// The gzip copies then came to be written by Zopfli (scripts/precompress.mjs): the same
// format, 3–5 % fewer bytes on every route (first visit 276.3, Transition 419.8 → 396.6,
// within its goal, Scenarios 540.0). Then the sections of Transition and Scenarios below
// their first screens became parts fetched once the workspace shows (scripts/wasm-packs.mjs
// SECTIONS: Replay history, the column beside the scenario editor, the workshop dialog):
// Scenarios 540.0 → 357.6, within its goal. Each split costs every route its loader's
// entries and the main module's plumbing, and splits the shared code into more chunks:
// first visit 276.3 → 280.2, the share link and returning paths +3.7 KB. Then esbuild came
// to minify the JS glue and the loader, and wasm-opt to strip each chunk's producers and
// target-features sections: every route −4.2 KB (first visit 276.2, share link 375.4,
// returning 379.7).
//
// A visit with plans stored here, or a share link, also fetches the plan reader's pack:
// those two paths are held by limits of their own (a ratchet, like the routes' were).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { criticalPath, FIRST_WORKSPACE, WORKSPACES } from "./bundle-size.mjs";
import { SECTIONS } from "./wasm-packs.mjs";

const KB = 1024;
const GOAL = { first: 300 * KB, other: 400 * KB };
/** Each workspace's limit in gzip bytes, as the page opens on it. */
const LIMIT = {
  plans: GOAL.first, // the first visit
  overview: GOAL.other,
  transition: GOAL.other,
  slos: GOAL.other,
  scenarios: GOAL.other,
  report: GOAL.other,
};
/** Visits that read plans: the workspace they open on, with the plan reader's pack. */
const WITH_READER = [
  { what: "a share link (Plans)", workspace: "plans", limit: 377 * KB },
  { what: "returning (Overview)", workspace: "overview", limit: 381 * KB },
];
const MAX_WASM_REQUESTS = 8;

const dist = process.argv[2] ?? "dist";
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const failures = [];
for (const workspace of WORKSPACES) {
  const path = criticalPath(dist, workspace);
  const goal = workspace === FIRST_WORKSPACE ? GOAL.first : GOAL.other;
  const what = workspace === FIRST_WORKSPACE ? "first visit (Plans)" : `opening on ${workspace}`;
  if (workspace === FIRST_WORKSPACE) {
    for (const f of path.files) console.log(`  ${f.file.padEnd(48)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip`);
  }
  console.log(
    `${what.padEnd(24)} ${kb(path.gzip).padStart(9)} gzip (limit ${kb(LIMIT[workspace])}, goal ${kb(goal)}), ${path.wasmFiles} wasm requests (at most ${MAX_WASM_REQUESTS})`,
  );
  if (!path.files.some((f) => f.file.endsWith(".wasm"))) failures.push(`${what}: no wasm found; is ${dist}/ a Trunk build?`);
  if (path.gzip > LIMIT[workspace]) failures.push(`${what} is ${kb(path.gzip)} gzip, over its ${kb(LIMIT[workspace])} limit`);
  if (path.wasmFiles > MAX_WASM_REQUESTS) failures.push(`${what} makes ${path.wasmFiles} wasm requests, over ${MAX_WASM_REQUESTS}`);
}
for (const { what, workspace, limit } of WITH_READER) {
  const path = criticalPath(dist, workspace, ["plan_reader"]);
  console.log(`${what.padEnd(24)} ${kb(path.gzip).padStart(9)} gzip (limit ${kb(limit)}), ${path.wasmFiles} wasm requests (at most ${MAX_WASM_REQUESTS})`);
  if (path.gzip > limit) failures.push(`${what} is ${kb(path.gzip)} gzip, over its ${kb(limit)} limit`);
  if (path.wasmFiles > MAX_WASM_REQUESTS) failures.push(`${what} makes ${path.wasmFiles} wasm requests, over ${MAX_WASM_REQUESTS}`);
}
// Sections fetched once their workspace shows (not before it is interactive): what they
// add, for the record.
for (const [section, workspace] of Object.entries(SECTIONS)) {
  const name = workspace.replace(/^workspace_/, "");
  const path = criticalPath(dist, name, [section]);
  console.log(`${`${name} + ${section}`.padEnd(24)} ${kb(path.gzip).padStart(9)} gzip, the section fetched after the workspace is interactive`);
}
if (failures.length > 0) {
  for (const f of failures) console.error(`size check failed: ${f}`);
  process.exit(1);
}

// The precompressed copies must be of the final files: a host serves them instead.
const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const stale = walk(dist)
  .filter((p) => /\.(br|gz)$/.test(p))
  .filter((p) => {
    const unpacked = (p.endsWith(".br") ? brotliDecompressSync : gunzipSync)(readFileSync(p));
    return !unpacked.equals(readFileSync(p.slice(0, -3)));
  });
if (stale.length > 0) {
  console.error(`size check failed: precompressed copies differ from their files: ${stale.join(", ")}`);
  process.exit(1);
}
console.log("precompressed copies: all equal to their files");
