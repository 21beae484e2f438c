// Samenscan's service worker: makes the app work offline after the first visit.
// scripts/post_build.py fills in the build's version and file list, so every new build is a
// byte-different service worker, which the browser installs as an update.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = "samenscan-" + VERSION;

self.addEventListener("install", (event) => {
  // `cache: "reload"` skips the HTTP cache, so an update never caches a stale index.html.
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((k) => k.startsWith("samenscan-") && k !== CACHE).map((k) => caches.delete(k))
      ))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  // Every page of the app is index.html (routes live in the #fragment).
  const lookup = request.mode === "navigate" ? "./index.html" : request;
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(lookup, { ignoreSearch: request.mode === "navigate" }))
      .then((hit) => hit || fetch(request))
  );
});
