// What a build in dist/ weighs: every file raw and gzip (level 9), and the critical path,
// the files a first visit must fetch before the first workspace is interactive: the page
// and the scripts, wasm and style sheets it links (chunks loaded later are not linked).
// Used by `make bench` (scripts/bench-report.mjs) and the size check in `make test`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";

/** Every file of `dist` (precompressed copies left out), with raw and gzip bytes. */
export function distFiles(dist = "dist") {
  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(dist)
    .filter((path) => !/\.(br|gz)$/.test(path))
    .map((path) => {
      const body = readFileSync(path);
      return { file: relative(dist, path).split(sep).join("/"), raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    });
}

/** The files of the critical path: index.html and the .js, .wasm and .css it links. */
export function criticalPath(dist = "dist") {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const linked = new Set(
    [...html.matchAll(/(?:href|src)="(?:\.\/)?([^"#?]+\.(?:js|wasm|css))"/g)].map((m) => m[1]),
  );
  // Trunk's inline loader imports the JS glue and fetches the wasm by name.
  for (const m of html.matchAll(/['"]\.\/([^'"]+\.(?:js|wasm))['"]/g)) linked.add(m[1]);
  const files = distFiles(dist).filter((f) => f.file === "index.html" || linked.has(f.file));
  const sum = (key) => files.reduce((n, f) => n + f[key], 0);
  return { files, raw: sum("raw"), gzip: sum("gzip") };
}
