// Trunk post_build step (run first by post-build.mjs): replaces Trunk's single wasm with
// the same program cut into chunks, so a first visit fetches the shell and one workspace.
//
//   cargo's wasm (built by Trunk, linked with --emit-relocs, see .cargo/config.toml)
//     → wasm-split-cli: the main module, one split per #[wasm_split] workspace
//       (src/ui/lazy_workspace.rs), chunk_N files for code several splits share, and
//       __wasm_split.js, the loader that fetches them beside the JS glue
//     → wasm-bindgen on the main module (--keep-lld-exports: the chunks link to its exports)
//     → wasm-opt -Oz on the main module and on every chunk (release builds), without the
//       producers and target-features sections (a copy in each of ~200 chunks, unread)
//     → the JS glue and the loader minified by esbuild (release builds)
//
// Everything lands in one directory named by the hash of its contents, wasm-<hash>/, and
// index.html is pointed at it. So file names stay unique per build, and a page of one
// deployment can never load the chunks of another: an old page asking for its chunks
// after a new deployment gets a 404 and says so (LazyWorkspace), it never mixes builds.
// Trunk's data-wasm-opt="0" in index.html leaves optimizing to this step, done once.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { transformSync } from "esbuild";
import { packSplits, packsOf, stylesOf } from "./wasm-packs.mjs";

const NAME = "sre-workbook";
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook");
  process.exit(1);
}
const profile = process.env.TRUNK_PROFILE === "release" ? "release" : "debug";
const targetDir = process.env.CARGO_TARGET_DIR ?? join(process.env.TRUNK_SOURCE_DIR ?? ".", "target");
const input = join(targetDir, "wasm32-unknown-unknown", profile, `${NAME}.wasm`);

const run = (cmd, args) => {
  try {
    execFileSync(cmd, args, { stdio: ["ignore", "ignore", "inherit"] });
  } catch (e) {
    const why = e.code === "ENOENT" ? `${cmd} is not on PATH (make tools installs it)` : `${cmd} failed (exit ${e.status})`;
    throw new Error(`split-wasm: ${why}`);
  }
};
/**
 * Minifies the JS glue and the split loader in `dir` (every route downloads both: 9.2 + 7.5
 * → 7.1 + 6.1 KB gzip). The loader's lists of packs and style sheets stay as written, one
 * line each, so scripts/wasm-packs.mjs (and the tests) can read them back.
 */
function minifyScripts(dir) {
  const minify = (file, keep = null) => {
    const path = join(dir, file);
    const lines = readFileSync(path, "utf8").split("\n");
    const kept = keep ? lines.filter((line) => keep.test(line)) : [];
    const rest = keep ? lines.filter((line) => !keep.test(line)).join("\n") : lines.join("\n");
    const { code } = transformSync(rest, { minify: true, format: "esm", charset: "utf8" });
    writeFileSync(path, kept.map((line) => line + "\n").join("") + code);
  };
  minify(`${NAME}.js`);
  const loader = join(dir, "__wasm_split.js");
  const before = readFileSync(loader, "utf8");
  minify("__wasm_split.js", /^const (PACKED|STYLES) = .*;$/);
  const after = readFileSync(loader, "utf8");
  for (const read of [packsOf, stylesOf]) {
    if (JSON.stringify(read(after)) !== JSON.stringify(read(before))) throw new Error("split-wasm: the minified loader lists other packs or styles");
  }
}

const walk = (dir) =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));

// Trunk's own outputs: the JS glue and wasm it named with its hash.
const trunkFiles = readdirSync(staging).filter((f) => new RegExp(`^${NAME}-[0-9a-f]+(?:_bg\\.wasm|\\.js)$`).test(f));
const trunkJs = trunkFiles.find((f) => f.endsWith(".js"));
const trunkWasm = trunkFiles.find((f) => f.endsWith(".wasm"));
if (!trunkJs || !trunkWasm) {
  console.error(`split-wasm: Trunk's ${NAME}-<hash>.js and _bg.wasm are not in ${staging}`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "split-wasm-"));
try {
  const split = join(work, "split");
  const pkg = join(work, "pkg");
  const out = join(work, "out");
  mkdirSync(out);
  run("wasm-split-cli", ["--target", "web", "--out-name", NAME, input, split]);
  run("wasm-bindgen", [
    "--target", "web", "--no-typescript", "--keep-lld-exports", "--no-demangle",
    "--out-dir", pkg, "--out-name", NAME, join(split, `${NAME}.wasm`),
  ]);
  // The glue and any wasm-bindgen snippets, then every wasm file, optimized in release.
  cpSync(pkg, out, { recursive: true, filter: (src) => !src.endsWith(`${NAME}_bg.wasm`) });
  cpSync(join(split, "__wasm_split.js"), join(out, "__wasm_split.js"));
  const modules = [[join(pkg, `${NAME}_bg.wasm`), `${NAME}_bg.wasm`]];
  for (const f of readdirSync(split)) {
    if (f.endsWith(".wasm") && f !== `${NAME}.wasm`) modules.push([join(split, f), f]);
  }
  for (const [from, name] of modules) {
    if (profile === "release") {
      // WASM_NAMES=1 keeps function names, to see what takes the bytes (never for shipping).
      const names = process.env.WASM_NAMES ? ["-g"] : [];
      // Each chunk carried its own producers and target-features sections (~200 bytes, 15 KB
      // raw in the Plans pack): browsers do not read them.
      const strip = ["--strip-producers", "--strip-target-features"];
      run("wasm-opt", ["-Oz", ...names, "--enable-bulk-memory", "--enable-nontrapping-float-to-int", ...strip, from, "-o", join(out, name)]);
    } else {
      cpSync(from, join(out, name));
    }
  }

  // The style sheets of the workspaces a first visit does not show come with their packs;
  // the shell's (base) and the first screen's (plans) are written into index.html, which
  // spares the first paint a round trip (150 ms on a slow mobile link). The CSP allows
  // those <style> elements by hash (content-security-policy.mjs).
  const page = join(staging, "index.html");
  let html = readFileSync(page, "utf8");
  const styles = {};
  for (const m of html.matchAll(/<link rel="stylesheet" href="\.\/((\w+)-[0-9a-f]+\.css)" integrity="([^"]+)"\/?>\n?/g)) {
    const [tag, file, name, integrity] = m;
    if (name === "base" || name === "plans") {
      const css = readFileSync(join(staging, file), "utf8");
      if (css.includes("</")) throw new Error(`split-wasm: ${file} contains "</", which would end an inline <style>`);
      html = html.replace(tag, () => `<style>${css}</style>\n`);
      continue;
    }
    styles[`workspace_${name}`] = [file, integrity];
    html = html.replace(tag, "");
  }

  // Each split's module and chunks in one file, its pack (scripts/wasm-packs.mjs).
  const packs = packSplits(out, styles);
  if (profile === "release") minifyScripts(out);
  for (const split of Object.keys(styles)) {
    if (!packs[split]) throw new Error(`split-wasm: style sheet ${styles[split][0]} names no workspace split`);
  }

  const files = walk(out).map((p) => relative(out, p).split(sep).join("/")).sort();
  const hash = createHash("sha256");
  for (const f of files) hash.update(f).update(readFileSync(join(out, f)));
  const dir = `wasm-${hash.digest("hex").slice(0, 16)}`;
  cpSync(out, join(staging, dir), { recursive: true });
  for (const f of trunkFiles) rmSync(join(staging, f));

  // Point index.html at the split build, with integrity hashes of the new files.
  const sri = (file) => `sha384-${createHash("sha384").update(readFileSync(join(staging, dir, file))).digest("base64")}`;
  const retarget = (from, to) => {
    if (!html.includes(from)) throw new Error(`index.html does not name ${from}`);
    html = html
      .replace(new RegExp(`(<link[^>]*href="\\./${from}"[^>]*integrity=")[^"]*`, "g"), `$1${sri(to)}`)
      .replaceAll(from, `${dir}/${to}`);
  };
  retarget(trunkJs, `${NAME}.js`);
  retarget(trunkWasm, `${NAME}_bg.wasm`);
  // What start-up fetches: the JS glue, the split loader it imports (preloading it saves a
  // round trip) and the main wasm, then the chunks of the workspace the page opens with (the
  // address's, else the Overview for a returning visitor and Plans on a first visit, as App
  // decides), beside the main wasm instead of after start-up. The script below requests them
  // (Trunk's own <link> tags are taken out): at once, or on a first visit, whose screen is
  // already in the page (scripts/prerender.mjs), once that screen is painted, so the page's
  // first paint never waits on the app's bytes.
  const trunkLinks = [
    new RegExp(`<link rel="modulepreload" href="\\./${dir}/${NAME}\\.js"[^>]*>`),
    new RegExp(`<link rel="preload" href="\\./${dir}/${NAME}_bg\\.wasm"[^>]*>`),
  ];
  for (const tag of trunkLinks) {
    if (!tag.test(html)) throw new Error(`split-wasm: index.html has no ${tag.source}`);
    html = html.replace(tag, "");
  }
  const start = [
    { rel: "modulepreload", href: `./${dir}/${NAME}.js`, integrity: sri(`${NAME}.js`) },
    { rel: "modulepreload", href: `./${dir}/__wasm_split.js`, integrity: sri("__wasm_split.js") },
    { rel: "preload", as: "fetch", type: "application/wasm", href: `./${dir}/${NAME}_bg.wasm`, integrity: sri(`${NAME}_bg.wasm`) },
  ];
  // Trunk's loader starts the app; on a first visit it waits for the first screen's paint too.
  const loader = /<script type="module">\s*import init, \* as bindings from '([^']+)';\s*const wasm = await init\(/;
  if (!loader.test(html)) throw new Error("split-wasm: Trunk's module loader in index.html has changed");
  html = html.replace(
    loader,
    `<script type="module">\nawait window.workbookAfterFirstPaint;\nconst bindings = await import('$1');\nconst init = bindings.default;\nconst wasm = await init(`,
  );
  if (!packs.workspace_plans) throw new Error("split-wasm: no workspace_plans split; is src/ui/lazy_workspace.rs split?");
  if (!packs.plan_reader) throw new Error("split-wasm: no plan_reader split; is src/ui/plan_reader.rs split?");
  const workspacePacks = Object.fromEntries(
    Object.entries(packs).filter(([split]) => split.startsWith("workspace_")).map(([split, pack]) => [split.slice("workspace_".length), pack.file]),
  );
  const workspaceStyles = Object.fromEntries(
    Object.entries(styles).map(([split, [file, integrity]]) => [split.slice("workspace_".length), { rel: "preload", as: "style", href: `./${file}`, integrity }]),
  );
  const preload = `<script>
(() => {
  const start = ${JSON.stringify(start)};
  const packs = ${JSON.stringify(workspacePacks)};
  const styles = ${JSON.stringify(workspaceStyles)};
  const route = (hash) => (/^#\\/(\\w+)/.exec(hash || "") || [])[1];
  let open = route(location.hash);
  if (!packs[open]) try { open = JSON.parse(localStorage.getItem("sre-workbook/session")).visited ? "overview" : "plans"; } catch {}
  if (!packs[open]) open = "plans";
  // Plans stored here or a share link are read by the plan reader, a part of its own
  // (src/ui/plan_reader.rs) requested beside the workspace; a first visit needs neither.
  let read = Boolean(window.workbookOpenedWith);
  try {
    read ||= Object.keys(localStorage).some((key) => key.startsWith("sre-workbook/plan/") || key.startsWith("sre-workbook/set-aside/"));
  } catch {
    read = true;
  }
  // The loader (__wasm_split.js) takes these modules from the preloaded packs.
  window.workbookFirstPack = ["workspace_" + open].concat(read ? ["plan_reader"] : []);
  start.push({ rel: "preload", as: "fetch", href: "./${dir}/" + packs[open] });
  // Its style sheet, which the loader links when it takes the pack (Plans' is in the page).
  if (styles[open]) start.push(styles[open]);
  if (read) start.push({ rel: "preload", as: "fetch", href: "./${dir}/${packs.plan_reader.file}" });
  const request = () => {
    for (const link of start) document.head.append(Object.assign(document.createElement("link"), { crossOrigin: "anonymous" }, link));
  };
  if (window.workbookFirstScreen) {
    // Once the whole page is parsed (readyState "interactive" comes before the module
    // scripts run) and then painted: the frame after it, then the task after that frame.
    window.workbookAfterFirstPaint = new Promise((painted) => {
      const afterPaint = () => requestAnimationFrame(() => setTimeout(() => {
        request();
        painted();
      }));
      if (document.readyState === "loading") document.addEventListener("readystatechange", afterPaint, { once: true });
      else afterPaint();
    });
  } else {
    request();
  }
})();
</script>
`;
  // Last in <head>: the style sheets are requested first.
  if (!html.includes("</head>")) throw new Error("index.html has no </head>");
  html = html.replace("</head>", `${preload}</head>`);
  writeFileSync(page, html);

  console.log(`split wasm: ${dir}/ with the main module and ${Object.keys(packs).length} packs of ${new Set(Object.values(packs).flatMap((p) => Object.keys(p.parts))).size} split modules and chunks (${profile})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
