// One file per split instead of dozens: wasm-split-cli puts the code several splits share
// into a chunk_N.wasm per distinct set of splits, so opening one workspace fetched 20 to 40
// small files. `packSplits` (called by split-wasm.mjs) concatenates each split's module and
// every chunk it needs into <split>.pack, drops the separate files, and rewrites the loader
// (__wasm_split.js) to take each module from its split's pack: opening a workspace is one
// request beside the main wasm. Chunks shared by several splits travel in each of their
// packs; the loader still instantiates each chunk once (its makeLoad memo), from whichever
// requested pack holds it. The packs and their parts are listed in the loader, compactly
// (every route downloads the list), as `const PACKED = {...};`, decoded by `unpackList`
// there and when bundle-size.mjs reads it back.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The wasm files each split needs, read from the split loader's text as wasm-split-cli
 * writes it: { workspace_plans: ["split_workspace_plans.wasm", "chunk_6.wasm", ...], ... }.
 * The loader lists every shared chunk_N.wasm under a comment naming the splits that use it.
 */
export function splitParts(loader) {
  const parts = {};
  for (const m of loader.matchAll(/makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/(split_(\w+)\.wasm)"/g)) {
    parts[m[2]] = [m[1]];
  }
  for (const m of loader.matchAll(/\/\* ([^*]*) \*\/\s*const __chunk_\d+ = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
    for (const split of m[1].split(", ")) {
      if (!parts[split]) throw new Error(`wasm-packs: chunk ${m[2]} names an unknown split ${split}`);
      parts[split].push(m[2]);
    }
  }
  return parts;
}

/**
 * Sections of a workspace that are splits of their own ({ section: workspace }): each is
 * fetched only by its workspace's page, once that page shows, so the workspace's pack is
 * always already there. A section's pack leaves out the chunks its workspace's pack holds
 * (the loader takes a module from the first requested pack that holds it): the page does
 * not download them twice.
 */
export const SECTIONS = {
  scenarios_history: "workspace_scenarios",
  scenarios_side: "workspace_scenarios",
  transition_workshop: "workspace_transition",
};

/** The style sheets listed in a rewritten loader: { split: [file, integrity] }, file in dist/. */
export function stylesOf(loader) {
  const m = /^const STYLES = (.*);$/m.exec(loader);
  if (!m) throw new Error("wasm-packs: the loader lists no STYLES; was it rewritten by packSplits?");
  return JSON.parse(m[1]);
}

/** The packs listed in a rewritten loader: { split: { file, parts: { name: [offset, length] } } }. */
export function packsOf(loader) {
  const m = /^const PACKED = (.*);$/m.exec(loader);
  if (!m) throw new Error("wasm-packs: the loader lists no PACKED (is it a build with packs?)");
  return unpackList(JSON.parse(m[1]));
}

/**
 * The packs from their compact list, { split: "s:1514,11:19097,..." }: each part in order as
 * name:length, "s" for the split's own module and N for chunk_N.wasm; a pack is <split>.pack
 * and each part starts where the one before ends. (Its source is also the loader's.)
 */
export function unpackList(packed) {
  return Object.fromEntries(
    Object.entries(packed).map(([split, list]) => {
      const parts = {};
      let offset = 0;
      for (const item of list.split(",")) {
        const [name, length] = item.split(":");
        parts[name === "s" ? "split_" + split + ".wasm" : "chunk_" + name + ".wasm"] = [offset, Number(length)];
        offset += Number(length);
      }
      return [split, { file: split + ".pack", parts }];
    }),
  );
}

/** The compact list of `packs` (see `unpackList`). */
function packList(packs) {
  return Object.fromEntries(
    Object.entries(packs).map(([split, pack]) => {
      if (pack.file !== `${split}.pack`) throw new Error(`wasm-packs: pack ${pack.file} is not named after ${split}`);
      let offset = 0;
      const items = Object.entries(pack.parts).map(([file, [at, length]]) => {
        if (at !== offset) throw new Error(`wasm-packs: ${file} is not where the part before it ends`);
        offset += length;
        if (file === `split_${split}.wasm`) return `s:${length}`;
        const chunk = /^chunk_(\d+)\.wasm$/.exec(file);
        if (!chunk) throw new Error(`wasm-packs: ${file} is neither the split's module nor a chunk`);
        return `${chunk[1]}:${length}`;
      });
      return [split, items.join(",")];
    }),
  );
}

/** What the rewritten loader adds: the packs, and how a module is taken from one. */
const runtime = (packs, styles) => `
// Added by scripts/wasm-packs.mjs: each split's module and chunks come in one file, its pack.
const PACKED = ${JSON.stringify(packList(packs))};
const PACKS = (${unpackList.toString()})(PACKED);
// The style sheet of each workspace the page does not link, as [file, integrity].
const STYLES = ${JSON.stringify(styles)};
const requested = new Map();
const compiled = new Map();
const styled = new Set();
/** Links a split's style sheet (once); settles when it has loaded (or failed: it is taken
 *  out, so a retry links it again). */
function requestStyle(split) {
    const style = STYLES[split];
    if (!style || styled.has(split)) return Promise.resolve();
    return new Promise((loaded, failed) => {
        const href = new URL("../" + style[0], import.meta.url).href;
        // Requested as the page preloads it (crossorigin), so a preload is used, not repeated.
        const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href, integrity: style[1], crossOrigin: "anonymous" });
        link.onload = () => {
            styled.add(split);
            loaded();
        };
        link.onerror = () => {
            link.remove();
            failed(new Error(style[0] + " could not be loaded"));
        };
        document.head.append(link);
    });
}
/** Requests a split's pack and style sheet (once; again after a failure, so Retry can
 *  work): its modules wait for both, so a workspace never shows unstyled. */
function requestPack(split) {
    if (!requested.has(split)) {
        const pack = fetch(new URL("./" + PACKS[split].file, import.meta.url)).then((response) => {
            if (!response.ok) throw new Error(PACKS[split].file + ": HTTP " + response.status);
            return response.arrayBuffer();
        });
        // Each module is compiled as soon as its pack arrives, while the CPU waits for the
        // main module's last bytes: only instantiating is left when the split is loaded.
        pack.then((buffer) => {
            for (const [file, at] of Object.entries(PACKS[split].parts)) {
                if (compiled.has(file)) continue;
                const module = WebAssembly.compile(new Uint8Array(buffer, at[0], at[1]));
                module.catch(() => compiled.delete(file)); // a retry compiles it again
                compiled.set(file, module);
            }
        }, () => {});
        const bytes = Promise.all([pack, requestStyle(split)]).then(([buffer]) => buffer);
        bytes.catch(() => requested.delete(split));
        requested.set(split, bytes);
    }
}
/** A module, compiled from the first requested pack that holds it. */
function part(file) {
    for (const [split, bytes] of requested) {
        const at = PACKS[split].parts[file];
        if (at) return bytes.then((buffer) => compiled.get(file) ?? WebAssembly.compile(new Uint8Array(buffer, at[0], at[1])));
    }
    return Promise.reject(new Error("no requested pack holds " + file));
}
/** A module's loader: compiled from a pack, instantiated once its dependencies are. */
const loadPart = (file, deps) => makeLoad(() => {
    const src = part(file);
    src.catch(() => {});
    return async (imports) => WebAssembly.instantiate(await src, imports);
}, deps);
/** A split's loader that requests its pack before its modules are taken from it. */
function withPack(split, load) {
    return () => {
        requestPack(split);
        return load();
    };
}
// The page preloads the pack of the workspace it opens with, and the plan reader's when it
// has plans to read (index.html).
for (const split of [].concat(globalThis.workbookFirstPack || [])) if (PACKS[split]) requestPack(split);
`;

/**
 * Packs the split modules in `dir` (after wasm-opt) and rewrites its __wasm_split.js;
 * returns the packs as listed in the loader.
 */
export function packSplits(dir, styles = {}) {
  const loaderPath = join(dir, "__wasm_split.js");
  let loader = readFileSync(loaderPath, "utf8");
  const parts = splitParts(loader);
  for (const [section, workspace] of Object.entries(SECTIONS)) {
    if (!parts[section] || !parts[workspace]) throw new Error(`wasm-packs: section ${section} or its workspace ${workspace} is not a split`);
    const held = new Set(parts[workspace]);
    parts[section] = parts[section].filter((f) => !held.has(f));
  }
  const packs = {};
  for (const [split, files] of Object.entries(parts)) {
    const bodies = files.map((f) => readFileSync(join(dir, f)));
    let offset = 0;
    const at = {};
    files.forEach((f, i) => {
      at[f] = [offset, bodies[i].length];
      offset += bodies[i].length;
    });
    packs[split] = { file: `${split}.pack`, parts: at };
    writeFileSync(join(dir, `${split}.pack`), Buffer.concat(bodies));
  }
  for (const f of new Set(Object.values(parts).flat())) rmSync(join(dir, f));

  const fetcher = /const src = fetch\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\)\);\s*src\.catch\(\(\) => \{\}\);\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);/g;
  const fetchers = [...loader.matchAll(fetcher)].length;
  if (fetchers !== new Set(Object.values(parts).flat()).size) {
    throw new Error(`wasm-packs: the loader has ${fetchers} module fetchers for ${new Set(Object.values(parts).flat()).size} modules; has wasm-split-cli's output changed?`);
  }
  loader = loader.replace(
    fetcher,
    `const src = part("$1");\n    src.catch(() => {});\n    return async (imports) => (WebAssembly.instantiate(await src, imports));`,
  );
  const exported = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?)\n, \[([^\]]*)\]\)\);/g;
  const exports = [...loader.matchAll(exported)].length;
  if (exports !== Object.keys(parts).length) throw new Error(`wasm-packs: ${exports} split loaders for ${Object.keys(parts).length} splits`);
  loader = loader.replace(exported, `export const __wasm_split_load_$1 = wrapAsyncCb(withPack("$1", makeLoad($2\n, [$3])));`);
  // Every route downloads the loader: each module's loader in one line instead of six, the
  // chunks by short names, and without the comments naming the splits of each chunk (read
  // above): 94.2 → 31.2 KB raw, 7.4 → 6.0 KB gzip with 13 splits and 240 chunks.
  const longForm = /makeLoad\(\(\) => \{\n    const src = part\("([^"]+)"\);\n    src\.catch\(\(\) => \{\}\);\n    return async \(imports\) => \(WebAssembly\.instantiate\(await src, imports\)\);\n\}\n, \[/g;
  const modules = [...loader.matchAll(longForm)].length;
  if (modules !== fetchers) throw new Error(`wasm-packs: ${modules} of ${fetchers} module loaders have the expected form`);
  loader = loader.replace(longForm, 'loadPart("$1", [');
  if (/\bc\d+\b/.test(loader)) throw new Error("wasm-packs: the loader already uses names like c12; the chunks' short names would clash");
  loader = loader.replace(/\b__chunk_(\d+)\b/g, "c$1").replace(/^\/\* [\w, ]+ \*\/\n/gm, "");
  const head = /^import \{ initSync \} from "\.\/[^"]+";\n/;
  if (!head.test(loader)) throw new Error("wasm-packs: the loader does not start with its import of initSync");
  loader = loader.replace(head, (line) => line + runtime(packs, styles));
  writeFileSync(loaderPath, loader);
  const listed = JSON.stringify(packsOf(loader));
  if (listed !== JSON.stringify(packs)) throw new Error("wasm-packs: the loader's list of packs does not read back as written");
  return packs;
}
