// Service worker of the SRE Foundations Workbook: keeps the app shell available offline.
// The build (scripts/service-worker-manifest.mjs) fills in the cache version, a hash of
// every file in dist/, and the list of files, so each deployment gets a cache of its own
// and old caches are deleted when it activates.
const CACHE_PREFIX = "sre-workbook-";
const CACHE_NAME = CACHE_PREFIX + "__CACHE_VERSION__";
const PRECACHE = __PRECACHE_URLS__;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE_NAME)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, self.registration.scope))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    // Pages: the network first, so a new deployment shows on the next visit; the cached
    // shell when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          caches.open(CACHE_NAME).then((cache) => cache.put(new URL("./", self.registration.scope), copy));
          return response;
        })
        .catch(() =>
          caches.match(new URL("./", self.registration.scope)).then((cached) => cached || caches.match(request)),
        ),
    );
    return;
  }
  // Assets carry a content hash in their names: the cache first.
  event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
});
