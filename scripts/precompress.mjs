// Last step of the Trunk post_build hook (scripts/post-build.mjs): writes a Brotli (.br) and a gzip (.gz) copy beside each
// text and wasm file of the build, so static hosts that serve precompressed files (and our
// own scripts/serve.mjs) send the small version without compressing on every request.
// The service worker precaches the plain files only (its list is written before this runs).
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

let raw = 0;
let br = 0;
for (const path of walk(staging).filter((p) => COMPRESSIBLE.has(extname(p)))) {
  const body = readFileSync(path);
  const brotli = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  raw += body.length;
  br += brotli.length;
}
console.log(`precompressed: ${(raw / 1024).toFixed(0)} KB raw, ${(br / 1024).toFixed(0)} KB brotli`);
