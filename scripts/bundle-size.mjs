// What a build in dist/ weighs: every file raw, gzip and brotli, and the critical path,
// the files a first visit must fetch before the first workspace is interactive: the page
// and the scripts, wasm and style sheets it links (chunks loaded later are not linked).
// Used by `make bench` (scripts/bench-report.mjs) and the size check in `make test`.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { packsOf, stylesOf } from "./wasm-packs.mjs";

/**
 * Every file of `dist` (precompressed copies left out), with raw, gzip and brotli bytes:
 * the build's own .gz and .br copies, as a host serves them (the size check holds that each
 * decompresses to its file), or compressed here (zlib level 9, brotli) where it has none.
 */
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
      const br = existsSync(`${path}.br`) ? statSync(`${path}.br`).size : brotliCompressSync(body).length;
      const gzip = existsSync(`${path}.gz`) ? statSync(`${path}.gz`).size : gzipSync(body, { level: 9 }).length;
      return { file: relative(dist, path).split(sep).join("/"), raw: body.length, gzip, br };
    });
}

/** The workspace a first visit opens (no saved route, no hash): Plans. */
export const FIRST_WORKSPACE = "plans";

/** Every workspace, as its address names it (`#/slos`); each has a split of its own. */
export const WORKSPACES = ["plans", "overview", "transition", "slos", "scenarios", "report"];

/**
 * The files of the critical path: index.html, the .js, .wasm and .css it links, and the
 * pack of the workspace it opens with (its split module and chunks, scripts/wasm-packs.mjs;
 * the other workspaces' packs load when opened), plus the packs of `parts` it needs too (the
 * plan reader's, when plans are stored or a share link is opened). `wasmFiles` counts the
 * wasm requests: the main module and the packs.
 */
export function criticalPath(dist = "dist", split = FIRST_WORKSPACE, parts = []) {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const linked = new Set(
    [...html.matchAll(/(?:href|src)="(?:\.\/)?([^"#?]+\.(?:js|wasm|css))"/g)].map((m) => m[1]),
  );
  // Trunk's inline loader imports the JS glue and fetches the wasm by name.
  for (const m of html.matchAll(/['"]\.\/([^'"]+\.(?:js|wasm))['"]/g)) linked.add(m[1]);
  const loader = [...linked].find((f) => f.endsWith("__wasm_split.js"));
  if (loader) {
    const dir = loader.slice(0, loader.lastIndexOf("/") + 1);
    const loaderText = readFileSync(join(dist, loader), "utf8");
    const packs = packsOf(loaderText);
    // The workspace's style sheet, which the loader links with its pack.
    const style = stylesOf(loaderText)[`workspace_${split}`];
    if (style) linked.add(style[0]);
    for (const name of [`workspace_${split}`, ...parts]) {
      if (!packs[name]) throw new Error(`no pack ${name} in ${loader}`);
      linked.add(dir + packs[name].file);
    }
  }
  const files = distFiles(dist).filter((f) => f.file === "index.html" || linked.has(f.file));
  const sum = (key) => files.reduce((n, f) => n + f[key], 0);
  return { files, raw: sum("raw"), gzip: sum("gzip"), br: sum("br"), wasmFiles: files.filter((f) => /\.(wasm|pack)$/.test(f.file)).length };
}
