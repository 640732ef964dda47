// PoolScope's service worker: after one visit, the page, the app and its shipped lessons (inside
// poolscope.data) open without the network, and the browser can install the page as an app. The build
// (scripts/web_page.py) writes the version in: the app's files are asked for as NAME?v=VERSION, kept in a
// cache named after it, and never fetched twice; a new build changes this file, so the browser installs the
// new worker, which keeps the new files and drops the old cache. Pages (index.html, lessons.html) and
// anything else on the site come from the network when it answers, else from the copy kept last time, so
// the next visit online gets a new build's page.
"use strict";

const kVersion = "@POOLSCOPE_WEB_VERSION@";
const kCache = `poolscope-${kVersion}`;
const kAppFiles = ["poolscope_keys.js", "poolscope_page.js", "poolscope.js", "poolscope.wasm",
  "poolscope.data"]
  .map((name) => `${name}?v=${kVersion}`);
const kPageFiles = ["./", "index.html", "manifest.webmanifest", "icons/poolscope-192.png",
  "icons/poolscope-512.png", "icons/poolscope.svg"];
const kSiteFiles = [/*POOLSCOPE_SITE_FILES*/];  // `make site` lists its lesson index and lessons here

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(kCache)
    .then((cache) => cache.addAll([...kAppFiles, ...kPageFiles, ...kSiteFiles]))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith("poolscope-") && name !== kCache)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

// A versioned file: the cache, else the network (then kept). Anything else: the network (then kept), else
// the kept copy; a page asked for with ?lesson=... matches the copy kept without it (and is kept without it).
async function answer(request) {
  const cache = await caches.open(kCache);
  const url = new URL(request.url);
  if (url.searchParams.has("v")) {
    const kept = await cache.match(request);
    if (kept) return kept;
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  }
  try {
    // Asked of the server each time (no-cache: the HTTP cache may keep an old page for minutes).
    const response = await fetch(url.href, { cache: "no-cache" });
    if (response.ok) await cache.put(url.origin + url.pathname, response.clone());
    return response;
  } catch (offline) {
    const kept = await cache.match(url.origin + url.pathname);
    if (kept) return kept;
    throw offline;
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(answer(event.request));
});
