// Samenscan's service worker: makes the app work offline after the first visit.
// scripts/post_build.py fills in the build's version, file list and the SHA-256 of each file
// (index.html aside), so every new build is a byte-different service worker, which the browser
// installs as an update.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const HASHES = __HASHES__;
// The folder the app is served from: its cache is its own (two copies in two folders of one
// server share an origin, and each removed the other's offline copy), and only its own pages
// and files are answered from it.
const SCOPE = new URL(self.registration.scope).pathname;
const CACHE = "samenscan-" + VERSION + " " + SCOPE;

/** A file of this build, fetched past the HTTP cache and checked against its hash. */
async function fetchChecked(file) {
  // `cache: "reload"` skips the HTTP cache, so an update never caches a stale file.
  const request = new Request(file, { cache: "reload" });
  const response = await fetch(request);
  if (!response.ok) {
    throw new Error(file + ": HTTP " + response.status);
  }
  const expected = HASHES[file];
  if (!expected) {
    return [request, response];
  }
  // A build being copied over the old one (a large wasm still half-written) is not this
  // build's file yet: installing fails, the old version keeps working, and the browser tries
  // again later. Cached as it was, the half file broke the app for good. The body is read once
  // and cached from those bytes (a clone of the response held a second copy).
  const bytes = await response.arrayBuffer();
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  const actual = btoa(String.fromCharCode(...new Uint8Array(digest)));
  if (actual !== expected) {
    throw new Error(file + " is not this build's file (still being copied?)");
  }
  const { status, statusText, headers } = response;
  return [request, new Response(bytes, { status, statusText, headers })];
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    try {
      // One file at a time: only one file's bytes are held while it is checked (the service
      // worker shares the page's process and its memory).
      const cache = await caches.open(CACHE);
      for (const file of FILES) {
        const [request, response] = await fetchChecked(file);
        await cache.put(request, response);
      }
    } catch (e) {
      await caches.delete(CACHE);
      throw e;
    }
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys
          // This folder's older builds, and caches of builds before caches named their folder.
          .filter((k) => k.startsWith("samenscan-") && k !== CACHE
            && (k.endsWith(" " + SCOPE) || !k.includes(" ")))
          .map((k) => caches.delete(k))
      ))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) {
    return;
  }
  const file = "./" + url.pathname.slice(SCOPE.length);
  // The app's page is index.html (routes live in the #fragment); any other page or file under
  // this address (a manual beside the app, another tool later served here) goes to the network.
  const page = request.mode === "navigate" && (file === "./" || file === "./index.html");
  if (!page && !FILES.includes(file)) {
    return;
  }
  const lookup = page ? "./index.html" : request;
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(lookup, { ignoreSearch: page }))
      .then((hit) => hit || fetch(request))
  );
});
