// The size check of `make test`: fails when the critical path of the build in dist/ (see
// scripts/bundle-size.mjs) grows past its limit in gzip bytes. Bytes, not times, so the
// check is deterministic on any machine.
//
// The goal (issue "Load fast on any link") is 200 KB gzip. Until code splitting brings the
// first screen under it, the limit is a ratchet just above today's size: growth is caught
// when it is made, and each session that shrinks the bundle lowers the limit with it.
// History: 560 KB (548.7 measured); 620 KB when plan format 2 brought queries, alert
// tiers and the Prometheus, Sloth and Pyrra exports (613.5 measured); 365 KB when the
// wasm was split per workspace and the critical path became the shell plus the Plans
// workspace's chunks (359.7 measured); 366 KB when current-version plans came to be read
// straight from their text, with errors located on it (365.2 measured: about 3 KB for
// a 5 MB plan refused in 0.3 s instead of 1.5 s, and every large plan read without a copy);
// 376 KB when the first visit's screen came to be drawn into index.html at build time
// (375.6 measured: +2.5 KB of markup, and "Getting started", 5.4 KB fetched right after the
// Plans page until then and so left out of this count, became part of it).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { criticalPath } from "./bundle-size.mjs";

const GOAL_GZIP = 200 * 1024;
const LIMIT_GZIP = 376 * 1024;

const path = criticalPath(process.argv[2] ?? "dist");
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const f of path.files) console.log(`  ${f.file.padEnd(48)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip`);
console.log(`critical path: ${kb(path.raw)} raw, ${kb(path.gzip)} gzip (limit ${kb(LIMIT_GZIP)}, goal ${kb(GOAL_GZIP)})`);
if (!path.files.some((f) => f.file.endsWith(".wasm"))) {
  console.error("size check: no wasm found on the critical path; is dist/ a Trunk build?");
  process.exit(1);
}
if (path.gzip > LIMIT_GZIP) {
  console.error(`size check failed: the critical path is ${kb(path.gzip)} gzip, over its ${kb(LIMIT_GZIP)} limit`);
  process.exit(1);
}

// The precompressed copies must be of the final files: a host serves them instead.
const dist = process.argv[2] ?? "dist";
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
