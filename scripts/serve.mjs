// A small static server for dist/: `node scripts/serve.mjs [--port 8080] [--root dist]
// [--prefix /workbook/] [--encodings gzip]`. With a prefix, the workbook is served under that
// sub-path only, as on a static host such as https://example.org/workbook/. It serves the
// precompressed brotli or gzip copy a browser accepts, or only the encodings named (`make
// bench` measures each alone). Used by `make serve`, the end-to-end tests and the build's
// prerender step; it binds to 127.0.0.1 only.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Starts a server; resolves to the server once it listens. */
export function serve({ root = "dist", port = 8080, prefix = "/", encodings = ["br", "gzip"] } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    let file = normalize(join(base, path.slice(prefix.length)));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      // Like a static host: the precompressed copy the browser accepts, if the build has one.
      const accepts = String(req.headers["accept-encoding"] ?? "");
      const copies = [["br", ".br"], ["gzip", ".gz"]].filter(([name]) => encodings.includes(name) && accepts.includes(name));
      let body;
      let encoding;
      for (const [name, suffix] of copies) {
        try {
          body = await readFile(file + suffix);
          encoding = name;
          break;
        } catch {
          // no such copy: try the next encoding, then the plain file
        }
      }
      body ??= await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        vary: "accept-encoding",
        ...(encoding ? { "content-encoding": encoding } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((done) => server.listen(port, "127.0.0.1", () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
  );
  const prefix = args.prefix ?? "/";
  const encodings = args.encodings?.split(",") ?? ["br", "gzip"];
  const server = await serve({ root: args.root ?? "dist", port: Number(args.port ?? 8080), prefix, encodings });
  const { port } = server.address();
  console.log(`SRE Foundations Workbook: http://127.0.0.1:${port}${prefix}`);
}
