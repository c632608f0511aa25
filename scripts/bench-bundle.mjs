// Prints the size of what a first visit downloads from dist/: each file raw and gzip
// (level 9), and the totals. Run by `make bench` after a release build.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = "dist";
const rows = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else {
      const body = readFileSync(path);
      rows.push({ file: path.slice(dist.length + 1), raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    }
  }
}
walk(dist);
// A first visit loads the page, script, wasm and styles; icons, manifest and the service
// worker's precache of the same files come after.
const firstVisit = rows.filter((r) => /\.(html|js|wasm|css)$/.test(r.file) && r.file !== "sw.js");
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log("file".padEnd(44) + "raw KB".padStart(8) + "gzip KB".padStart(9));
for (const r of rows.sort((a, b) => b.raw - a.raw)) console.log(r.file.padEnd(44) + kb(r.raw) + kb(r.gzip) + " ");
const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
console.log("first visit (html, js, wasm, css)".padEnd(44) + kb(sum(firstVisit, "raw")) + kb(sum(firstVisit, "gzip")) + " ");
