// Trunk post_build hook: the finishing steps of a build, strictly one after the other.
// Trunk runs the hooks of a stage concurrently, so separate hooks raced: a precompressed
// index.html could be made before the Content-Security-Policy was written into it (and a
// browser served the .br got the placeholder), and the service worker's cache name could
// hash an unfinished page. Each step is its own script, run here in order.
await import("./split-wasm.mjs"); // per-workspace wasm chunks in wasm-<hash>/
await import("./prerender.mjs"); // the first visit's screen, drawn by the build itself
await import("./content-security-policy.mjs"); // fills the CSP into index.html
await import("./service-worker-manifest.mjs"); // precache list and cache name of the final files
await import("./precompress.mjs"); // .br and .gz copies of the final files
