// Last step of the Trunk post_build hook (scripts/post-build.mjs): writes a Brotli (.br) and a gzip (.gz) copy beside each
// text and wasm file of the build, so static hosts that serve precompressed files (and our
// own scripts/serve.mjs) send the small version without compressing on every request.
// The service worker precaches the plain files only (its list is written before this runs).
// The gzip copies are Zopfli's (Debian's `zopfli`, installed by `make tools`): the same
// format every browser reads, 3–5 % smaller than zlib's level 9 (first visit 290.7 →
// ~277.5 KB), written once per build instead of on every request. Without it (a plain
// `trunk build` on a machine `make` has not set up) the copies fall back to level 9, and the
// size check says so by its figures.
import { execFile } from "node:child_process";
import { availableParallelism } from "node:os";
import { promisify } from "node:util";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook");
  process.exit(1);
}

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".pack", ".json", ".webmanifest", ".svg"]);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const run = promisify(execFile);
const zopfli = await run("zopfli", ["-h"]).then(
  () => true,
  (e) => e.code !== "ENOENT",
);
if (!zopfli) console.warn("precompress: zopfli is not installed (`make tools` installs it); gzip copies written with zlib level 9");

/** The gzip copy of `path`: Zopfli's when it is installed. */
async function gzipCopy(path, body) {
  if (!zopfli) return writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  await run("zopfli", ["--gzip", path]);
}

const files = walk(staging).filter((p) => COMPRESSIBLE.has(extname(p)));
let raw = 0;
let br = 0;
let gz = 0;
const queue = [...files];
async function worker() {
  for (let path = queue.shift(); path; path = queue.shift()) {
    const body = readFileSync(path);
    const brotli = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    writeFileSync(`${path}.br`, brotli);
    await gzipCopy(path, body);
    raw += body.length;
    br += brotli.length;
    gz += statSync(`${path}.gz`).size;
  }
}
await Promise.all(Array.from({ length: availableParallelism() }, worker));
console.log(`precompressed: ${(raw / 1024).toFixed(0)} KB raw, ${(gz / 1024).toFixed(0)} KB gzip, ${(br / 1024).toFixed(0)} KB brotli`);
