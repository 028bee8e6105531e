// The service worker (Sources/KenshuSite/Theme/worker/sw.js) in a simulated browser: two
// builds' workers share one CacheStorage, and the network answers when the test says so. This
// pins orderings a real browser produces only now and then, such as a response the old worker
// fetched arriving after the new worker has removed the old cache (offline_test.py saw the old
// cache come back under load).
// Run: node --test Tests/browser/service-worker.test.js
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const template = fs.readFileSync(
  path.join(__dirname, "../../Sources/KenshuSite/Theme/worker/sw.js"), "utf8");
const SITE = "https://kenshu.example/course/";

/** CacheStorage as the spec has it: a deleted cache's Cache object still takes puts, but its
 *  name is gone, and opening the name again makes a new, empty cache. */
function makeCacheStorage() {
  const named = new Map();
  function makeCache() {
    const entries = new Map();
    return {
      entries,
      put(url, response) { entries.set(String(url), response); return Promise.resolve(); },
      match(url) { return Promise.resolve(entries.get(String(url))); },
      addAll(urls) { urls.forEach((u) => entries.set(u, response(u))); return Promise.resolve(); },
    };
  }
  return {
    named,
    open(name) {
      if (!named.has(name)) named.set(name, makeCache());
      return Promise.resolve(named.get(name));
    },
    keys() { return Promise.resolve([...named.keys()]); },
    delete(name) { return Promise.resolve(named.delete(name)); },
    match(url) {
      for (const cache of named.values()) {
        if (cache.entries.has(String(url))) return Promise.resolve(cache.entries.get(String(url)));
      }
      return Promise.resolve(undefined);
    },
  };
}

function response(url) {
  return {
    url, ok: true, type: "basic",
    headers: { get: () => "text/css" },
    clone() { return response(url); },
    text() { return Promise.resolve(""); },
  };
}

/** A network whose answers wait until `release` is called. */
function makeNetwork() {
  const waiting = [];
  function fetch(request) {
    const url = typeof request === "string" ? request : request.url;
    return new Promise((resolve) => waiting.push({ url, resolve }));
  }
  function release() {
    waiting.splice(0).forEach((w) => w.resolve(response(w.url)));
  }
  return { fetch, release, waiting };
}

/** One build's worker: sw.js with its version and manifest, and its event handlers. */
function startWorker(version, caches, network) {
  const handlers = {};
  const self = {
    location: { href: SITE + "sw.js" },
    addEventListener(type, handler) { handlers[type] = handler; },
    skipWaiting() { return Promise.resolve(); },
    clients: { claim() { return Promise.resolve(); } },
  };
  const source = template.replace("__VERSION__", version)
    .replace("__MANIFEST__", JSON.stringify({ core: ["index.html", "assets/kenshu.css"], modules: {} }));
  vm.runInNewContext(source, { self, caches, fetch: network.fetch, URL, Promise, setTimeout, clearTimeout });
  function dispatch(type, fields) {
    const pending = [];
    const event = Object.assign({
      waitUntil(p) { pending.push(p); },
      respondWith(p) { pending.push(p); },
    }, fields);
    handlers[type](event);
    return Promise.all(pending);
  }
  return { dispatch };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test("a response the old worker stores after the new worker activated does not bring back the old cache", async () => {
  const caches = makeCacheStorage();
  const network = makeNetwork();
  const old = startWorker("aaaaaaaaaaaaaaaa", caches, network);
  await old.dispatch("install");
  await old.dispatch("activate");
  assert.deepStrictEqual([...caches.named.keys()], ["kenshu-aaaaaaaaaaaaaaaa"]);

  // A page's request goes through the old worker; the network has not answered yet.
  const answered = old.dispatch("fetch", { request: { method: "GET", url: SITE + "lesson.html" } });
  await settle();
  assert.strictEqual(network.waiting.length, 1);

  // The new build's worker installs and activates, removing the old build's cache.
  const next = startWorker("bbbbbbbbbbbbbbbb", caches, network);
  await next.dispatch("install");
  await next.dispatch("activate");
  assert.deepStrictEqual([...caches.named.keys()], ["kenshu-bbbbbbbbbbbbbbbb"]);

  // Now the old worker's response arrives and is stored: the page still gets it, but the
  // old cache must stay gone.
  network.release();
  await answered;
  await settle();
  assert.deepStrictEqual([...caches.named.keys()], ["kenshu-bbbbbbbbbbbbbbbb"]);
});

test("an old worker started again for a request does not bring back the old cache either", async () => {
  const caches = makeCacheStorage();
  const network = makeNetwork();
  const first = startWorker("eeeeeeeeeeeeeeee", caches, network);
  await first.dispatch("install");
  await first.dispatch("activate");
  // The browser stopped the idle worker; a navigation starts it again (the same build's
  // script, no install), and its request waits on a slow network.
  const restarted = startWorker("eeeeeeeeeeeeeeee", caches, network);
  const answered = restarted.dispatch("fetch", { request: { method: "GET", url: SITE + "lesson.html" } });
  await settle();
  const next = startWorker("ffffffffffffffff", caches, network);
  await next.dispatch("install");
  await next.dispatch("activate");
  network.release();
  await answered;
  await settle();
  assert.deepStrictEqual([...caches.named.keys()], ["kenshu-ffffffffffffffff"]);
});

test("each worker stores what it fetches in its own build's cache", async () => {
  const caches = makeCacheStorage();
  const network = makeNetwork();
  const worker = startWorker("cccccccccccccccc", caches, network);
  await worker.dispatch("install");
  await worker.dispatch("activate");
  const answered = worker.dispatch("fetch", { request: { method: "GET", url: SITE + "page.html?t=CODE" } });
  await settle();
  network.release();
  await answered;
  await settle();
  const cache = caches.named.get("kenshu-cccccccccccccccc");
  assert.ok(cache.entries.has(SITE + "page.html"), "kept under its address without the query");
  assert.ok(!cache.entries.has(SITE + "page.html?t=CODE"));
});

test("a request to the collection API is left to the network", async () => {
  const caches = makeCacheStorage();
  const network = makeNetwork();
  const worker = startWorker("dddddddddddddddd", caches, network);
  await worker.dispatch("install");
  let responded = false;
  worker.dispatch("fetch", {
    request: { method: "GET", url: SITE + "api/status" },
    respondWith() { responded = true; },
  });
  assert.strictEqual(responded, false);
});
