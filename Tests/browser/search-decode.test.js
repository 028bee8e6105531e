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
const context = { manifest: { per: 1000 } };
vm.runInNewContext(
  "var DIGITS = " + JSON.stringify(digits[1]) + "; var CODE = new Int8Array(128);" +
    "for (var d = 0; d < DIGITS.length; d++) CODE[DIGITS.charCodeAt(d)] = d;" +
    extract("decode") + "this.decode = decode;", context);

const cases = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures/search-postings.json"), "utf8"));

test("every fixture list decodes to the pages and positions it was written from", () => {
  assert.ok(cases.length >= 20);
  for (const c of cases) {
    const into = new Map();
    context.decode(c.text, 0, into);
    // Compared as JSON: the decoder's arrays belong to the vm context's realm.
    assert.strictEqual(JSON.stringify(Array.from(into.entries())), JSON.stringify(c.pages), c.text);
  }
});

test("a list of part 3 numbers its pages from 3,000", () => {
  const c = cases[1];
  const into = new Map();
  context.decode(c.text, 3, into);
  assert.strictEqual(JSON.stringify(Array.from(into.keys())), JSON.stringify(c.pages.map(([page]) => 3000 + page)));
});

// The warm-up a big site's search page runs when it opens: it must rank the manifest's sample
// (SearchPostingCode.warmUpSample, written into the fixture by SearchIndexPartTests) as a
// word found on every one of its 200 pages, or it warms nothing of the ranking.
test("the warm-up ranks its sample as found on each of its 200 pages", () => {
  const sample = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures/search-warm-up.json"), "utf8"));
  const warm = { manifest: { n: 1000, per: 1000, avg: 800, w: sample.w, parts: [{ c: [], m: "AAA".repeat(1000) }] } };
  vm.runInNewContext(
    "var DIGITS = " + JSON.stringify(digits[1]) + "; var CODE = new Int8Array(128);" +
      "for (var d = 0; d < DIGITS.length; d++) CODE[DIGITS.charCodeAt(d)] = d;" +
      ["decode", "has", "occurrences", "meta", "rank", "warmUp"].map(extract).join("\n") +
      "var postings = null; this.hits = warmUp();" +
      "var into = new Map(); decode(manifest.w, 0, into); this.decoded = JSON.stringify(Array.from(into.entries()));",
    warm);
  assert.strictEqual(warm.decoded, JSON.stringify(sample.pages), "the sample decodes as written");
  assert.strictEqual(warm.hits, 200);
});

// The differential test of the index's files: SearchIndexPartTests writes a seeded site's
// manifest and chunks (four parts of 40 pages) and, per query, the pages the Swift reference
// (SearchIndex.search) finds. search.js's own functions choose the chunks each query needs,
// decode them and match the words; they must find exactly the reference's pages.
test("search.js finds in the index's files exactly the pages the Swift reference finds", () => {
  const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures/search-queries.json"), "utf8"));
  const page = { window: {} };
  vm.runInNewContext(fixture.manifest, page);
  const all = {};
  const files = { KENSHU_SEARCH_CHUNK: (path, terms) => { all[path] = terms; } };
  for (const script of Object.values(fixture.chunks)) vm.runInNewContext(script, files);
  const context = { manifest: page.window.KENSHU_SEARCH_INDEX, all };
  const names = ["isCJK", "isWord", "norm", "words", "decode", "chunkOf", "chunkPath", "chunksFor", "decodeAll",
    "postings", "has", "occurrences", "meta", "rank"];
  vm.runInNewContext(
    "var DIGITS = " + JSON.stringify(digits[1]) + "; var CODE = new Int8Array(128);" +
      "for (var d = 0; d < DIGITS.length; d++) CODE[DIGITS.charCodeAt(d)] = d;" +
      "var chunks = {}, decoded = {};" + names.map(extract).join("\n") +
      // As a search page would: only the chunks the query's terms sort into are there.
      "this.find = function (q) { chunks = {}; decoded = {}; var ws = words(q), loaded = 0;" +
      "  ws.forEach(function (w) { w.items.forEach(function (item) { chunksFor(item).forEach(function (p) {" +
      "    if (!chunks[p]) { chunks[p] = all[p]; loaded++; } }); }); });" +
      "  var ids = ws.length ? rank(ws).map(function (h) { return h.id; }) : [];" +
      "  return { ids: JSON.stringify(ids.sort(function (a, b) { return a - b; })), loaded: loaded }; };",
    context);
  assert.ok(fixture.queries.length > 100);
  let found = 0;
  for (const c of fixture.queries) {
    const result = context.find(c.q);
    assert.strictEqual(result.ids, JSON.stringify(c.hits), c.q);
    if (c.hits.length) found++;
    // One chunk per term (a lone character: the chunks of the terms it starts), whatever the parts.
    assert.ok(result.loaded <= Array.from(c.q).length + 2, c.q + ": " + result.loaded + " chunks");
  }
  assert.ok(found > 100);
});
