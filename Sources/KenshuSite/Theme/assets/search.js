// Kenshu site search: works from file:// because the index is loaded by <script> tags
// (each search-index-N.js adds a part to window.KENSHU_SEARCH_PARTS). Japanese is looked up
// by character bigrams; a page is a hit only when its title, headings, text or readings
// contain every word of the query itself. Hits are ranked: the title is the query, then the
// title contains it, then a heading does, then by BM25 over the query's bigrams. Each result
// shows a snippet cut from where the query occurs, the matches marked.
(function () {
  "use strict";
  var index = { docs: [], terms: {} };
  (window.KENSHU_SEARCH_PARTS || []).forEach(function (part) {
    part.docs.forEach(function (doc, i) { index.docs[part.offset + i] = doc; });
    Object.keys(part.terms).forEach(function (term) {
      var ids = part.terms[term].map(function (id) { return id + part.offset; });
      index.terms[term] = (index.terms[term] || []).concat(ids);
    });
  });
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list || !status) return;
  var root = document.documentElement.getAttribute("data-root") || "../";

  function isCJK(c) { return /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/.test(c); }
  function norm(text) { return String(text || "").normalize("NFKC").toLowerCase(); }
  function tokens(text) {
    var out = [], word = "", run = "";
    text = norm(text);
    function flushWord() { if (word.length > 0) out.push(word); word = ""; }
    function flushRun() {
      if (run.length === 1) out.push(run);
      for (var i = 0; i + 1 < run.length; i++) out.push(run.substr(i, 2));
      run = "";
    }
    for (var ch of text) {
      if (isCJK(ch)) { flushWord(); run += ch; }
      else if (/[\p{L}\p{N}]/u.test(ch)) { flushRun(); word += ch; }
      else { flushWord(); flushRun(); }
    }
    flushWord(); flushRun();
    return out;
  }
  // The query's words (split at spaces and punctuation the index does not keep).
  function phrases(query) {
    return norm(query).split(/[\s\u3000、。・,.;:!?！？「」『』（）()]+/).filter(Boolean);
  }

  function posting(term) {
    if (term.length !== 1) return index.terms[term] || [];
    // A single kana or kanji: every bigram starting with it (and the character alone).
    var ids = [];
    Object.keys(index.terms).forEach(function (k) { if (k.indexOf(term) === 0) ids = ids.concat(index.terms[k]); });
    return ids;
  }

  // Normalised fields, made once per document when first needed.
  function fields(doc) {
    if (!doc.n) {
      doc.n = { t: norm(doc.t), x: norm(doc.x || doc.s), h: (doc.h || []).map(norm), r: norm(doc.r) };
      doc.n.all = [doc.n.t, doc.n.x, doc.n.h.join(" "), doc.n.r].join(" ");
    }
    return doc.n;
  }
  function count(hay, needle) {
    var n = 0, at = hay.indexOf(needle);
    while (at >= 0) { n++; at = hay.indexOf(needle, at + needle.length); }
    return n;
  }
  var averageLength = null;
  function avgLength() {
    if (averageLength === null) {
      var total = 0, n = 0;
      index.docs.forEach(function (d) { if (d) { total += (d.x || d.s || "").length; n++; } });
      averageLength = n ? Math.max(1, total / n) : 1;
    }
    return averageLength;
  }
  function containsAll(text, words) { return words.every(function (w) { return text.indexOf(w) >= 0; }); }

  // Ranked hits: [{id, tier, score}].
  function search(query) {
    var terms = tokens(query), words = phrases(query);
    if (!terms.length || !words.length) return [];
    var candidates = null;
    terms.forEach(function (t) {
      var set = new Set(posting(t));
      candidates = candidates === null ? set : new Set([...candidates].filter(function (d) { return set.has(d); }));
    });
    var N = index.docs.length, k1 = 1.2, b = 0.75, avg = avgLength();
    var unique = terms.filter(function (t, i) { return terms.indexOf(t) === i; });
    var idf = {};
    unique.forEach(function (t) {
      var df = new Set(posting(t)).size;
      idf[t] = Math.log(1 + (N - df + 0.5) / (df + 0.5));
    });
    var q = words.join(" ");
    var hits = [];
    [...candidates].forEach(function (id) {
      var doc = index.docs[id];
      if (!doc) return;
      var f = fields(doc);
      if (!containsAll(f.all, words)) return; // the bigrams are there, the words are not
      var titleHead = f.t.split(" | ")[0].trim();
      var tier = f.t === q || titleHead === q ? 0 : containsAll(f.t, words) ? 1
        : f.h.some(function (h) { return containsAll(h, words); }) ? 2 : 3;
      var length = (doc.x || doc.s || "").length, score = 0;
      unique.forEach(function (t) {
        var tf = count(f.all, t);
        score += idf[t] * (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / avg));
      });
      hits.push({ id: id, tier: tier, score: score });
    });
    hits.sort(function (a, c) {
      return a.tier - c.tier || c.score - a.score || (index.docs[a.id].u < index.docs[c.id].u ? -1 : 1);
    });
    return hits;
  }

  // Appends `text` to `parent`, each occurrence of a query word in a <mark>.
  function marked(parent, text, words) {
    var lower = norm(text);
    var same = lower.length === text.length; // NFKC kept the length: positions carry over
    var shown = same ? text : lower;
    var at = 0;
    while (at < shown.length) {
      var next = -1, word = "";
      words.forEach(function (w) {
        var i = lower.indexOf(w, at);
        if (i >= 0 && (next < 0 || i < next)) { next = i; word = w; }
      });
      if (next < 0) { parent.appendChild(document.createTextNode(shown.slice(at))); break; }
      if (next > at) parent.appendChild(document.createTextNode(shown.slice(at, next)));
      var mark = document.createElement("mark");
      mark.textContent = shown.slice(next, next + word.length);
      parent.appendChild(mark);
      at = next + word.length;
    }
  }

  // About 120 characters of the page's text around the first match (the page start when the
  // match is only in the title, a heading or a reading).
  function snippet(doc, words) {
    var text = doc.x || doc.s || "";
    var lower = norm(text);
    var base = lower.length === text.length ? text : lower;
    var first = -1;
    words.forEach(function (w) { var i = lower.indexOf(w); if (i >= 0 && (first < 0 || i < first)) first = i; });
    if (first < 0) return { text: doc.s || text.slice(0, 120), before: false, after: text.length > 120 };
    var start = Math.max(0, first - 40), end = Math.min(base.length, start + 120);
    return { text: base.slice(start, end), before: start > 0, after: end < base.length };
  }

  function render(query) {
    list.textContent = "";
    if (!query.trim()) { status.textContent = ""; return; }
    var hits = search(query), words = phrases(query);
    status.textContent = hits.length === 0 ? input.dataset.noResults
      : input.dataset.results.replace("%d", String(hits.length));
    hits.slice(0, 50).forEach(function (hit) {
      var doc = index.docs[hit.id];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + doc.u;
      marked(a, doc.t, words);
      var p = document.createElement("p");
      var cut = snippet(doc, words);
      if (cut.before) p.appendChild(document.createTextNode("…"));
      marked(p, cut.text, words);
      if (cut.after) p.appendChild(document.createTextNode("…"));
      li.appendChild(a);
      li.appendChild(p);
      list.appendChild(li);
    });
  }
  // For tests in a browser: the ranked paths for a query.
  window.KenshuSearch = { rank: function (query) { return search(query).map(function (h) { return index.docs[h.id].u; }); } };
  var form = input.form;
  form.addEventListener("submit", function (event) { event.preventDefault(); render(input.value); });
  input.addEventListener("input", function () { render(input.value); });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; render(initial); }
})();
