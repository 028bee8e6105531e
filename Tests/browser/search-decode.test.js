// The search page's decoder (search.js) must read the index's posting lists exactly as
// Kenshu writes them (Sources/KenshuSite/Search/SearchPostingCode.swift). The fixture holds
// seeded lists and the pages and positions they were written from; SearchIndexPartTests keeps
// it what the encoder writes now.
// Run: node --test Tests/browser/search-decode.test.js
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const source = fs.readFileSync(
  path.join(__dirname, "../../Sources/KenshuSite/Theme/assets/search.js"), "utf8");
// The decoder is declared inside search.js's closure; take it out by name.
function extract(name) {
  const start = source.indexOf("function " + name + "(");
  assert.ok(start >= 0, name + " not found in search.js");
  let depth = 0;
  for (let i = source.indexOf("{", start); i < source.length; i++) {
    if (source[i] === "{") depth++;
    if (source[i] === "}" && --depth === 0) return source.slice(start, i + 1);
  }
  throw new Error("unbalanced " + name);
}
const digits = source.match(/var DIGITS = "([^"]+)";/);
assert.ok(digits, "DIGITS not found in search.js");
const prelude = "var DIGITS = " + JSON.stringify(digits[1]) + "; var CODE = new Int8Array(128);" +
  "for (var d = 0; d < DIGITS.length; d++) CODE[DIGITS.charCodeAt(d)] = d; var pageSize = 10;" +
  source.match(/  var LENGTHS = [^\n]+\n[^\n]+\n/)[0];
const context = { manifest: { per: 1000 } };
vm.runInNewContext(
  prelude + ["postingList", "grown", "listFor", "decode"].map(extract).join("\n") +
    // A decoded list as [[page, [positions]], …].
    "this.decodedList = function (text, part) { var l = decode(text, part, listFor(text.length)), out = [];" +
    "  for (var i = 0; i < l.n; i++) out.push([l.pages[i], Array.from(l.pos.subarray(l.at[i], l.at[i + 1]))]);" +
    "  return JSON.stringify(out); };", context);

const cases = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures/search-postings.json"), "utf8"));

test("every fixture list decodes to the pages and positions it was written from", () => {
  assert.ok(cases.length >= 20);
  for (const c of cases) {
    // Compared as JSON: the decoder's arrays belong to the vm context's realm.
    assert.strictEqual(context.decodedList(c.text, 0), JSON.stringify(c.pages), c.text);
  }
});

test("a list of part 3 numbers its pages from 3,000", () => {
  const c = cases[1];
  const pages = JSON.parse(context.decodedList(c.text, 3)).map(([page]) => page);
  assert.strictEqual(JSON.stringify(pages), JSON.stringify(c.pages.map(([page]) => 3000 + page)));
});

// The warm-up a big site's search page runs when it opens: it must rank the manifest's sample
// (SearchPostingCode.warmUpSample, written into the fixture by SearchIndexPartTests) as a
// word found on every one of its 200 pages, or it warms nothing of the ranking.
test("the warm-up ranks its sample as found on each of its 200 pages", () => {
  const sample = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures/search-warm-up.json"), "utf8"));
  const warm = { manifest: { n: 1000, per: 1000, avg: 800, w: sample.w, parts: [{ c: [], m: "AAA".repeat(1000) }] } };
  vm.runInNewContext(
    prelude + ["postingList", "grown", "listFor", "decode", "has", "occurrences", "meta", "rank", "inHeading", "ranked",
      "warmUp"].map(extract).join("\n") +
      "var postings = null; this.hits = warmUp();" +
      "var l = decode(manifest.w, 0, listFor(1)), out = [];" +
      "for (var i = 0; i < l.n; i++) out.push([l.pages[i], Array.from(l.pos.subarray(l.at[i], l.at[i + 1]))]);" +
      "this.decoded = JSON.stringify(out);",
    warm);
  assert.strictEqual(warm.decoded, JSON.stringify(sample.pages), "the sample decodes as written");
  assert.strictEqual(warm.hits, 200);
});

// The differential test of the index's files: SearchIndexPartTests writes a seeded site's
// manifest and chunks (four parts of 40 pages; and the same pages as a site grown a few pages
// at a time leaves them, its chunks split and numbered out of order) and, per query, the pages
// the Swift reference (SearchIndex.search) finds. search.js's own functions choose the chunks
// each query needs, decode them and match the words; they must find exactly the reference's
// pages, in both layouts.
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures/search-queries.json"), "utf8"));
function searchOver(files) {
  const page = { window: {} };
  vm.runInNewContext(files.manifest, page);
  const all = {};
  const scripts = { KENSHU_SEARCH_CHUNK: (path, terms) => { all[path] = terms; } };
  for (const [name, script] of Object.entries(files.chunks)) {
    vm.runInNewContext(script, scripts);
    assert.ok(all[name], name + " names itself");
  }
  const context = { manifest: page.window.KENSHU_SEARCH_INDEX, all };
  const names = ["isCJK", "isWord", "norm", "words", "postingList", "grown", "listFor", "decode", "chunkOf", "chunkPath",
    "chunksFor", "decodeAll", "merged", "postings", "has", "occurrences", "meta", "rank", "inHeading", "ranked"];
  vm.runInNewContext(
    prelude + "var chunks = {}, decoded = {};" + names.map(extract).join("\n") +
      // As a search page would: only the chunks the query's terms sort into are there.
      "this.find = function (q) { chunks = {}; decoded = {}; var ws = words(q), loaded = 0;" +
      "  ws.forEach(function (w) { w.items.forEach(function (item) { chunksFor(item).forEach(function (p) {" +
      "    if (!chunks[p]) { chunks[p] = all[p]; loaded++; } }); }); });" +
      "  return { hits: ws.length ? rank(ws) : ranked([], 0), loaded: loaded }; };",
    context);
  return context.find;
}
const fresh = searchOver(fixture), grownSite = searchOver(fixture.grown);
const ids = (hits) => hits.slice(0, hits.length).map((h) => h.id);

test("search.js finds in the index's files exactly the pages the Swift reference finds", () => {
  assert.ok(fixture.queries.length > 100);
  let found = 0;
  for (const c of fixture.queries) {
    for (const find of [fresh, grownSite]) {
      const result = find(c.q);
      assert.strictEqual(JSON.stringify(ids(result.hits).sort((a, b) => a - b)), JSON.stringify(c.hits), c.q);
      // One chunk per term (a lone character: the chunks of the terms it starts), whatever the parts.
      assert.ok(result.loaded <= Array.from(c.q).length + 2, c.q + ": " + result.loaded + " chunks");
    }
    if (c.hits.length) found++;
  }
  assert.ok(found > 100);
});

// The first results are picked without sorting every hit (the best ten of one pass); they,
// and the pages after them (then sorted whole), must be in the order a full sort gives:
// the tier, then the score (highest first), then the page.
test("the first results and the rest are in the order of a full sort of the hits", () => {
  let many = 0;
  for (const c of fixture.queries) {
    const first = fresh(c.q).hits, all = fresh(c.q).hits.slice(0, Infinity);
    const sorted = all.slice().sort((a, b) => a.tier - b.tier || b.score - a.score || a.id - b.id);
    const key = (hits) => JSON.stringify(hits.map((h) => [h.id, h.tier, h.score]));
    assert.strictEqual(key(all), key(sorted), c.q + ": all hits");
    assert.strictEqual(key(first.slice(0, 10)), key(sorted.slice(0, 10)), c.q + ": the first ten");
    assert.strictEqual(key(first.slice(10, 20)), key(sorted.slice(10, 20)), c.q + ": the next ten");
    assert.strictEqual(key(first.slice(0, 3)), key(sorted.slice(0, 3)), c.q);
    assert.strictEqual(key(grownSite(c.q).hits.slice(0, 10)), key(sorted.slice(0, 10)), c.q + ": grown");
    if (all.length > 20 && new Set(all.map((h) => h.tier)).size > 1) many++;
  }
  assert.ok(many > 20, many + " queries with more than twenty hits in several tiers");
});
