// Trunk post_build hook: writes the cache version (a hash of every built file) and the list
// of files to precache into the staged sw.js, so each build has its own offline cache.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook");
  process.exit(1);
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = walk(staging)
  .map((path) => relative(staging, path).split(sep).join("/"))
  .filter((path) => path !== "sw.js")
  .sort();
const hash = createHash("sha256");
for (const file of files) {
  hash.update(file);
  hash.update(readFileSync(join(staging, file)));
}
const version = hash.digest("hex").slice(0, 16);
const urls = ["./", ...files.filter((f) => f !== "index.html")];
const swPath = join(staging, "sw.js");
const sw = readFileSync(swPath, "utf8")
  .replace("__CACHE_VERSION__", version)
  .replace("__PRECACHE_URLS__", JSON.stringify(urls));
writeFileSync(swPath, sw);
console.log(`service worker: cache ${version}, ${urls.length} files`);
