// Trunk post_build hook: fills in index.html's Content-Security-Policy. Only files of this
// origin run, plus the page's inline scripts (Trunk's module loader and the chunk preloader
// of split-wasm.mjs), each allowed by its SHA-256 (they name the build's hashed files, so
// their hashes change with every build). WebAssembly compilation
// needs 'wasm-unsafe-eval'; nothing may use eval or inline handlers. Style attributes are
// allowed (style-src-attr) only because plotters measures chart text with a styled span;
// style sheets come from this origin, and <style> elements only as the build wrote them
// (the shell's and the first screen's sheets, by hash).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook");
  process.exit(1);
}
const path = join(staging, "index.html");
const html = readFileSync(path, "utf8");
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash("sha256").update(m[1]).digest("base64")}'`,
);
// The shell's and the first screen's style sheets, written into the page by split-wasm.mjs.
const inlineStyles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
  (m) => `'sha256-${createHash("sha256").update(m[1]).digest("base64")}'`,
);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${inline.join(" ")}`.trim(),
  `style-src 'self' ${inlineStyles.join(" ")}`.trim(),
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
if (!html.includes("__CONTENT_SECURITY_POLICY__")) {
  console.error("index.html has no __CONTENT_SECURITY_POLICY__ placeholder");
  process.exit(1);
}
writeFileSync(path, html.replace("__CONTENT_SECURITY_POLICY__", policy));
console.log(`content security policy: ${inline.length} inline script(s) and ${inlineStyles.length} style element(s) allowed by hash`);
