// Kenshu site search: works from file:// because the index is loaded by <script> tags
// (each search-index-N.js adds a part to window.KENSHU_SEARCH_PARTS); Japanese is matched by
// character bigrams.
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
  function tokens(text) {
    var out = [], word = "", run = "";
    text = text.normalize("NFKC").toLowerCase();
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
  function search(query) {
    var terms = tokens(query), hits = null;
    terms.forEach(function (t) {
      var posting = index.terms[t] || [];
      if (t.length === 1) {
        posting = [];
        Object.keys(index.terms).forEach(function (k) {
          if (k.indexOf(t) === 0) posting = posting.concat(index.terms[k]);
        });
      }
      var set = new Set(posting);
      hits = hits === null ? set : new Set([...hits].filter(function (d) { return set.has(d); }));
    });
    return hits === null ? [] : [...hits];
  }
  function render(query) {
    list.textContent = "";
    if (!query.trim()) { status.textContent = ""; return; }
    var hits = search(query);
    status.textContent = hits.length === 0 ? input.dataset.noResults
      : input.dataset.results.replace("%d", String(hits.length));
    hits.slice(0, 50).forEach(function (id) {
      var doc = index.docs[id];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + doc.u;
      a.textContent = doc.t;
      var p = document.createElement("p");
      p.textContent = doc.s;
      li.appendChild(a);
      li.appendChild(p);
      list.appendChild(li);
    });
  }
  var form = input.form;
  form.addEventListener("submit", function (event) { event.preventDefault(); render(input.value); });
  input.addEventListener("input", function () { render(input.value); });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; render(initial); }
})();
