// Kenshu site search. Works from file:// because every file of the index is a script
// (search-index.js, the manifest, is on the page; the chunks and page fragments a query needs
// are added as <script> elements, which file:// allows where fetch does not). A query loads
// only the chunk that can hold each of its terms (with the term's postings in every part of
// 1,000 pages), then the fragments of the results it shows, so a search on a big site reads a
// few files and a few hundred kilobytes at most.
//
// Japanese is cut into character bigrams; each term carries its positions, so a page is a hit
// only when it contains every word of the query itself (its terms side by side in the title,
// a heading, the text or the readings). Hits are ranked: the title is the query, then the
// title contains it, then a heading does, then by BM25 over the query's words; ties in site
// order. Each result shows a snippet cut from where the query occurs, the matches marked.
// SearchQuery.swift is the reference for what is found.
(function () {
  "use strict";
  var manifest = window.KENSHU_SEARCH_INDEX || { n: 0, per: 1000, avg: 1, c: [], parts: [] };
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  if (!input || !list || !status) return;
  var root = document.documentElement.getAttribute("data-root") || "../";
  var pageSize = 10;
  // When the last query's chunks were loaded and its hits ranked (for the benchmark).
  var timing = {};

  // --- Loading index files as scripts -------------------------------------------------
  var chunks = {}, docs = {}, waiting = {}, loadedFiles = [];
  window.KENSHU_SEARCH_CHUNK = function (path, terms) { chunks[path] = terms; settle(path); };
  window.KENSHU_SEARCH_DOC = function (id, doc) { docs[id] = doc; settle("search/doc/" + id + ".js"); };
  function settle(path) {
    var w = waiting[path];
    if (w) { w.done = true; w.resolve(); }
  }
  function load(path) {
    var w = waiting[path];
    if (w) return w.promise;
    w = waiting[path] = {};
    w.promise = new Promise(function (resolve) {
      w.resolve = resolve;
      var script = document.createElement("script");
      script.src = root + path;
      script.async = true;
      script.onerror = function () { resolve(); }; // a missing file finds nothing
      script.onload = function () { resolve(); };
      loadedFiles.push(path);
      document.head.appendChild(script);
    });
    return w.promise;
  }

  // --- Cutting text as the index does -----------------------------------------------
  function isCJK(c) { return /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/.test(c); }
  function isWord(c) { return /[\p{L}\p{N}]/u.test(c); }
  function norm(text) { return String(text || "").normalize("NFKC").toLowerCase(); }
  // The query's words (split at spaces and punctuation the index does not keep), each with
  // its terms at their offsets (in code points).
  function words(query) {
    return norm(query).split(/[\s\u3000、。・,.;:!?「」『』()]+/).filter(Boolean).map(function (text) {
      var chars = Array.from(text), items = [], word = "", start = 0, run = [];
      function flushWord() { if (word) items.push({ term: word, offset: start }); word = ""; }
      function flushRun() {
        if (run.length === 1) items.push({ term: run[0].c, offset: run[0].at, prefix: true });
        // Bigrams at even offsets and the last: side by side they cover the run.
        for (var i = 0; i + 1 < run.length; i++) {
          if (i % 2 === 0 || i === run.length - 2) items.push({ term: run[i].c + run[i + 1].c, offset: run[i].at });
        }
        run = [];
      }
      chars.forEach(function (c, at) {
        if (isCJK(c)) { flushWord(); run.push({ c: c, at: at }); }
        else if (isWord(c)) { flushRun(); if (!word) start = at; word += c; }
        else { flushWord(); flushRun(); }
      });
      flushWord(); flushRun();
      return { text: text, length: chars.length, items: items };
    }).filter(function (w) { return w.items.length > 0; });
  }

  // --- Reading postings ---------------------------------------------------------------
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var CODE = new Int8Array(128);
  for (var d = 0; d < DIGITS.length; d++) CODE[DIGITS.charCodeAt(d)] = d;
  // A posting list in typed arrays: `n` pages ascending in `pages`, the positions of
  // pages[i] (sorted) in pos[at[i]] … pos[at[i + 1] - 1]. Not an array per page in a Map: a
  // common term is on nearly all of 10,000 pages, and those arrays and lookups were most of
  // the time of a query for it (issue 18).
  function postingList(pageCapacity, positionCapacity) {
    var at = new Int32Array(pageCapacity + 1);
    return { n: 0, pages: new Int32Array(pageCapacity), at: at, pos: new Uint32Array(positionCapacity) };
  }
  function grown(array, size) {
    var bigger = new array.constructor(Math.max(size, array.length * 2));
    bigger.set(array);
    return bigger;
  }
  // The pages of one term of one part, appended to `into` (a list): their global ids and
  // sorted positions. The postings are a bit stream, six bits a character
  // (SearchPostingCode.swift says how it is written): 4 bits k; per page the page and count as
  // exp-Golomb codes of order 0, one bit "several regions", then the gaps of offsets (one
  // region, written once) or of positions, order k or k + 2. Decoded in one pass: a common
  // term has thousands of pages. Parts must come in ascending order.
  function decode(text, part, into) {
    // `buf` holds the last `have` unread bits (at most 30), refilled six at a time; a code that
    // lies within them (nearly all) is read with one count of leading zeros. Reading a bit at
    // a time was fifteen times slower on 150,000 positions.
    var n = text.length, next = 0, buf = 0, have = 0, page = part * manifest.per - 1;
    function bits(count) { // count <= 24
      while (have < count) {
        buf = ((buf & 0xffffff) << 6) | (next < n ? CODE[text.charCodeAt(next++)] : 0);
        have += 6;
      }
      have -= count;
      return (buf >>> have) & ((1 << count) - 1);
    }
    function expGolomb(order) {
      while (have <= 24 && next < n) { buf = ((buf & 0xffffff) << 6) | CODE[text.charCodeAt(next++)]; have += 6; }
      var zeros = Math.clz32(have ? buf << (32 - have) : 0), length = 2 * zeros + 1 + order;
      if (length > have) return longCode(order);
      have -= length;
      return ((buf >>> have) & ((1 << (zeros + 1 + order)) - 1)) - (1 << order);
    }
    // A code longer than the bits at hand (a gap of a million characters), as doubles.
    function longCode(order) {
      var zeros = 0;
      while (bits(1) === 0) if (++zeros > 64) return 0;
      var value = 1;
      for (var left = zeros + order; left > 0; left -= 24) {
        var take = Math.min(left, 24);
        value = value * (1 << take) + bits(take);
      }
      return value - Math.pow(2, order);
    }
    var k = bits(4), m = into.at[into.n];
    while ((n - next) * 6 + have >= 6) {
      page += expGolomb(0) + 1;
      var count = expGolomb(0) + 1, position = 0;
      if (into.n + 1 >= into.pages.length) { into.pages = grown(into.pages, 0); into.at = grown(into.at, 0); }
      if (m + count > into.pos.length) into.pos = grown(into.pos, m + count);
      var pos = into.pos;
      if (bits(1) === 0) {
        var region = bits(2);
        for (var q = 0; q < count; q++) { position += expGolomb(k); pos[m++] = position * 4 + region; }
      } else {
        for (var r = 0; r < count; r++) { position += expGolomb(k + 2); pos[m++] = position; }
      }
      into.pages[into.n++] = page;
      into.at[into.n] = m;
    }
    return into;
  }
  // A list for postings of about `characters` characters: a position takes a character and
  // a half or more, so this rarely grows.
  function listFor(characters) { return postingList(64 + (characters >> 3), 64 + characters); }
  // Index of the chunk that can hold `term`: the last whose first term does not sort after
  // it (the first chunk's is "", so every term has one; -1 only for an empty index).
  function chunkOf(term) {
    var c = manifest.c || [], lo = 0, hi = c.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (c[mid] <= term) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }
  // The file of chunk `chunk`: t<chunk>.js, or the number the manifest gives (`f`, after
  // `kenshu serve` split a chunk that grew, the new ones are numbered after the last).
  function chunkPath(chunk) { return "search/t" + (manifest.f ? manifest.f[chunk] : chunk) + ".js"; }
  // The chunks to load for an item: the one holding the term or, for a lone CJK character,
  // those holding any term that starts with it. A chunk holds its terms' postings in every
  // part, so this is one file per term however big the site.
  function chunksFor(item) {
    var first = chunkOf(item.term), last = item.prefix ? chunkOf(item.term + "\uffff") : first, paths = [];
    for (var k = Math.max(0, first); k <= last && k >= 0; k++) paths.push(chunkPath(k));
    return paths;
  }
  // A term's entry in a chunk: [part, postings, part, postings, …], parts ascending.
  function decodeAll(entry) {
    var characters = 0;
    for (var i = 1; i < entry.length; i += 2) characters += entry[i].length;
    var into = listFor(characters);
    for (var j = 0; j + 1 < entry.length; j += 2) decode(entry[j + 1], entry[j], into);
    return into;
  }
  // Lists of several terms as one: per page the positions of all, sorted (a lone character).
  function merged(lists) {
    if (lists.length === 1) return lists[0];
    var byPage = new Map();
    lists.forEach(function (l) {
      for (var i = 0; i < l.n; i++) {
        var old = byPage.get(l.pages[i]) || [];
        for (var p = l.at[i]; p < l.at[i + 1]; p++) old.push(l.pos[p]);
        byPage.set(l.pages[i], old);
      }
    });
    var ids = Array.from(byPage.keys()).sort(function (a, b) { return a - b; }), total = 0;
    byPage.forEach(function (v) { total += v.length; });
    var out = postingList(ids.length, total), m = 0;
    ids.forEach(function (id) {
      var positions = byPage.get(id).sort(function (a, b) { return a - b; });
      out.pages[out.n++] = id;
      for (var q = 0; q < positions.length; q++) out.pos[m++] = positions[q];
      out.at[out.n] = m;
    });
    return out;
  }
  // The list of an item over every part (chunks loaded).
  var decoded = {};
  function postings(item) {
    var key = (item.prefix ? "*" : "=") + item.term;
    if (decoded[key]) return decoded[key];
    var lists = [];
    chunksFor(item).forEach(function (path) {
      var terms = chunks[path] || {};
      if (!item.prefix) {
        if (Object.prototype.hasOwnProperty.call(terms, item.term)) lists.push(decodeAll(terms[item.term]));
        return;
      }
      Object.keys(terms).forEach(function (t) { if (t.indexOf(item.term) === 0) lists.push(decodeAll(terms[t])); });
    });
    return (decoded[key] = lists.length ? merged(lists) : postingList(0, 0));
  }
  // Whether pos[lo] … pos[hi - 1] (sorted) holds `value`.
  function has(pos, lo, hi, value) {
    hi--;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (pos[mid] === value) return true;
      if (pos[mid] < value) lo = mid + 1; else hi = mid - 1;
    }
    return false;
  }
  // A page's text length from its one-digit code (SearchIndexPart.lengthCode).
  var LENGTHS = new Float64Array(64);
  for (var code = 0; code < 64; code++) LENGTHS[code] = Math.pow(1.15, code);
  function meta(id, at, width) {
    var m = manifest.parts[Math.floor(id / manifest.per)].m, offset = (id % manifest.per) * 3 + at, v = 0;
    for (var i = 0; i < width; i++) v = v * 64 + CODE[m.charCodeAt(offset + i)];
    return v;
  }

  // --- Searching ----------------------------------------------------------------------
  // Ranked hits of a query (see `rank`), once the chunks it needs are loaded.
  function search(query) {
    var ws = words(query);
    if (!ws.length) return Promise.resolve(ranked([], 0));
    var paths = [];
    ws.forEach(function (w) { w.items.forEach(function (item) { paths = paths.concat(chunksFor(item)); }); });
    return Promise.all(paths.map(load)).then(function () {
      timing.loaded = performance.now();
      var hits = rank(ws);
      timing.ranked = performance.now();
      return hits;
    });
  }
  // Where a word occurs on the pages of `pool` (ascending ids, `count` of them), given its
  // items' lists (the anchor, on fewest pages, first): for each page that has it, the page's
  // index in the pool (`from`) and its occurrences, `start * 4 + region` as positions are
  // written, in occ[lo[i]] … occ[lo[i + 1] - 1]. Each list is walked once with a cursor, as
  // the pool is ascending.
  function occurrences(word, lists, pool, count) {
    var items = word.items, anchor = lists[0], offset0 = items[0].offset, others = lists.length;
    var cursor = new Int32Array(others), from = new Int32Array(count), lo = new Int32Array(count + 1);
    var occ = new Int32Array(Math.max(16, anchor.at[anchor.n])), found = 0, m = 0;
    for (var j = 0; j < count; j++) {
      var id = pool[j], k, ok = true;
      // Each list's entry for the page (its index in the list), or none.
      for (k = 0; k < others && ok; k++) {
        var l = lists[k], c = cursor[k];
        while (c < l.n && l.pages[c] < id) c++;
        cursor[k] = c;
        ok = c < l.n && l.pages[c] === id;
      }
      if (!ok) continue;
      var a = cursor[0], start0 = m;
      for (var i = anchor.at[a]; i < anchor.at[a + 1]; i++) {
        var p = anchor.pos[i], region = p & 3, start = (p >> 2) - offset0;
        if (start < 0) continue;
        var match = true;
        for (k = 1; k < others && match; k++) {
          var other = lists[k], e = cursor[k];
          match = has(other.pos, other.at[e], other.at[e + 1], (start + items[k].offset) * 4 + region);
        }
        if (match) {
          if (m >= occ.length) occ = grown(occ, 0);
          occ[m++] = start * 4 + region;
        }
      }
      if (m === start0) continue;
      from[found] = j;
      lo[found] = start0;
      found++;
      lo[found] = m;
    }
    return { n: found, from: from, lo: lo, occ: occ };
  }
  // `lookup(item)`: the list of an item (default: from the loaded chunks). Returns the hits,
  // ranked: the title is the query, then the title contains it, then a heading does, then by
  // BM25 over the query's words; ties in site order (`ranked` says how they are read).
  function rank(ws, lookup) {
    lookup = lookup || postings;
    // Each word's items, the one on fewest pages first: it is the anchor occurrences start from.
    var lists = ws.map(function (w) {
      var pairs = w.items.map(function (item) { return { item: item, list: lookup(item) }; });
      pairs.sort(function (a, c) { return a.list.n - c.list.n; });
      w.items = pairs.map(function (p) { return p.item; });
      return pairs.map(function (p) { return p.list; });
    });
    // Candidates: the pages holding the first word, then those of them holding the next …
    // `ids[c]` is candidate c's page; `found[wi]` where word wi occurs on it.
    var ids = lists[0][0].pages, count = lists[0][0].n, found = [];
    ws.forEach(function (w, wi) {
      var f = occurrences(w, lists[wi], ids, count), keep = new Int32Array(f.n);
      for (var c = 0; c < f.n; c++) keep[c] = ids[f.from[c]];
      // Earlier words' occurrences, of the candidates kept.
      found = found.map(function (g) {
        var lo = new Int32Array(f.n), hi = new Int32Array(f.n);
        for (var c = 0; c < f.n; c++) { lo[c] = g.lo[f.from[c]]; hi[c] = g.hi[f.from[c]]; }
        return { lo: lo, hi: hi, occ: g.occ };
      });
      found.push({ lo: f.lo.subarray(0, f.n), hi: f.lo.subarray(1, f.n + 1), occ: f.occ });
      ids = keep;
      count = f.n;
    });
    var N = manifest.n, k1 = 1.2, b = 0.75, avg = manifest.avg || 1;
    // Every candidate holds every word.
    var idf = ws.map(function () { return Math.log(1 + (N - count + 0.5) / (count + 0.5)); });
    var offsets = [], at = 0;
    ws.forEach(function (w) { offsets.push(at); at += w.length + 1; });
    var tiers = new Uint8Array(count), scores = new Float64Array(count);
    for (var c = 0; c < count; c++) {
      var id = ids[c], length = LENGTHS[meta(id, 0, 1)], score = 0;
      var exact = meta(id, 1, 2) === at - 1, inTitle = true, wi, x, g;
      for (wi = 0; wi < found.length; wi++) {
        g = found[wi];
        var tf = g.hi[c] - g.lo[c], title = false, first = offsets[wi] * 4, there = false;
        score += idf[wi] * (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / avg));
        for (x = g.lo[c]; x < g.hi[c]; x++) {
          if (g.occ[x] === first) there = true;
          if ((g.occ[x] & 3) === 0) title = true;
        }
        // The title is the query: each word in the title where the query has it, and the
        // title (before " | ") no longer.
        exact = exact && there;
        inTitle = inTitle && title;
      }
      // A heading holds every word: one of the first word's headings (the heading's number
      // is offset / 4096) that every word occurs in.
      var heading = false;
      if (!inTitle) {
        g = found[0];
        for (x = g.lo[c]; x < g.hi[c] && !heading; x++) {
          if ((g.occ[x] & 3) !== 1) continue;
          var h = Math.floor((g.occ[x] >> 2) / 4096);
          heading = true;
          for (wi = 1; wi < found.length && heading; wi++) heading = inHeading(found[wi], c, h);
        }
      }
      tiers[c] = exact ? 0 : inTitle ? 1 : heading ? 2 : 3;
      scores[c] = score;
    }
    return ranked(ids, count, tiers, scores);
  }
  function inHeading(g, c, h) {
    for (var y = g.lo[c]; y < g.hi[c]; y++) {
      if ((g.occ[y] & 3) === 1 && Math.floor((g.occ[y] >> 2) / 4096) === h) return true;
    }
    return false;
  }
  // The ranked hits of `count` candidates: `length`, and `slice(from, to)` of them in rank
  // order as [{id, tier, score}]. Only what is shown is put in order: the first results by
  // keeping the best `to` of one pass (a common term has 10,000 hits; sorting them all was a
  // few milliseconds of the query), the rest by sorting all once, when さらに表示 asks.
  function ranked(ids, count, tiers, scores) {
    function before(a, c) { return tiers[a] - tiers[c] || scores[c] - scores[a] || ids[a] - ids[c]; }
    var order = null, best = new Int32Array(0);
    function select(k) {
      var top = new Int32Array(k), m = 0;
      for (var c = 0; c < count; c++) {
        if (m === k && before(c, top[k - 1]) >= 0) continue;
        var i = m < k ? m++ : k - 1;
        while (i > 0 && before(c, top[i - 1]) < 0) { top[i] = top[i - 1]; i--; }
        top[i] = c;
      }
      return top.subarray(0, m);
    }
    function hit(c) { return { id: ids[c], tier: tiers[c], score: scores[c] }; }
    return {
      length: count,
      slice: function (from, to) {
        to = Math.min(to, count);
        if (from >= to) return [];
        if (!order && to > best.length) {
          if (to <= pageSize) best = select(pageSize);
          else {
            order = Array.from({ length: count }, function (_, c) { return c; }).sort(before);
          }
        }
        var chosen = order || best, out = [];
        for (var i = from; i < to; i++) out.push(hit(chosen[i]));
        return out;
      }
    };
  }

  // --- Showing results ----------------------------------------------------------------
  // Appends `text` to `parent`, each occurrence of a query word in a <mark>.
  function marked(parent, text, ws) {
    var lower = norm(text);
    var same = lower.length === text.length; // NFKC kept the length: positions carry over
    var shown = same ? text : lower;
    var at = 0;
    while (at < shown.length) {
      var next = -1, word = "";
      ws.forEach(function (w) {
        var i = lower.indexOf(w.text, at);
        if (i >= 0 && (next < 0 || i < next)) { next = i; word = w.text; }
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
  function snippet(doc, ws) {
    var text = doc.x || "";
    var lower = norm(text);
    var shown = lower.length === text.length ? text : lower;
    var first = -1;
    ws.forEach(function (w) { var i = lower.indexOf(w.text); if (i >= 0 && (first < 0 || i < first)) first = i; });
    if (first < 0) return { text: shown.slice(0, 120), before: false, after: shown.length > 120 };
    var start = Math.max(0, first - 40), end = Math.min(shown.length, start + 120);
    return { text: shown.slice(start, end), before: start > 0, after: end < shown.length };
  }
  function fragments(hits) {
    return Promise.all(hits.map(function (h) { return load("search/doc/" + h.id + ".js"); }));
  }
  function item(doc, ws) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = root + doc.u;
    marked(a, doc.t, ws);
    var p = document.createElement("p");
    var cut = snippet(doc, ws);
    if (cut.before) p.appendChild(document.createTextNode("…"));
    marked(p, cut.text, ws);
    if (cut.after) p.appendChild(document.createTextNode("…"));
    li.appendChild(a);
    li.appendChild(p);
    return li;
  }

  var current = { query: null, hits: [], shown: 0, ws: [] };
  var generation = 0;
  // `moveFocus`: after さらに表示, keyboard and screen-reader users land on the first added
  // result instead of staying on the button below the list.
  function showMore(moveFocus) {
    var mine = generation, next = current.hits.slice(current.shown, current.shown + pageSize);
    return fragments(next).then(function () {
      if (mine !== generation) return;
      window.KenshuSearch.last.fetched = performance.now();
      var first = null;
      next.forEach(function (h) {
        if (!docs[h.id]) return;
        var li = item(docs[h.id], current.ws);
        if (!first) first = li.querySelector("a");
        list.appendChild(li);
      });
      if (moveFocus && first) first.focus();
      current.shown += next.length;
      if (more) more.hidden = current.shown >= current.hits.length;
      window.KenshuSearch.last.shownAt = performance.now();
    });
  }
  function render(query) {
    var mine = ++generation, started = performance.now();
    if (!query.trim()) {
      list.textContent = ""; status.textContent = ""; if (more) more.hidden = true;
      return Promise.resolve();
    }
    var before = loadedFiles.length;
    return search(query).then(function (hits) {
      if (mine !== generation) return;
      current = { query: query, hits: hits, shown: 0, ws: words(query) };
      list.textContent = "";
      status.textContent = hits.length === 0 ? input.dataset.noResults
        : input.dataset.results.replace("%d", String(hits.length));
      window.KenshuSearch.last = {
        query: query, started: started, files: loadedFiles.slice(before), loaded: timing.loaded, ranked: timing.ranked
      };
      return showMore(false);
    });
  }

  // For tests and the benchmark in a browser: the ranked paths for a query, and what the
  // last query loaded and when its results were shown.
  window.KenshuSearch = {
    rank: function (query) {
      return search(query).then(function (hits) {
        var all = hits.slice(0, hits.length);
        return fragments(all).then(function () { return all.map(function (h) { return docs[h.id].u; }); });
      });
    },
    render: render,
    loaded: function () { return loadedFiles.slice(); },
    last: null
  };
  // On a big site, warm the decoder and the ranking up now, while the page opens (a few
  // milliseconds): the first query otherwise runs them in the interpreter, about 30 ms more
  // for a common term on 10,000 pages. The sample (SearchPostingCode.warmUpSample) is ranked
  // as a two-term word found on each of its 200 pages; nothing of it is kept.
  function warmUp() {
    var first = null, hits = null;
    for (var round = 0; round < 20; round++) first = decode(manifest.w, 0, listFor(manifest.w.length));
    // The same pages, each position two characters on.
    var m = first.at[first.n], second = postingList(first.n, m);
    second.n = first.n;
    second.pages.set(first.pages.subarray(0, first.n));
    second.at.set(first.at.subarray(0, first.n + 1));
    for (var p = 0; p < m; p++) second.pos[p] = first.pos[p] + 8;
    for (var again = 0; again < 5; again++) {
      var sample = [{ text: "warm", length: 4, items: [{ term: "a", offset: 0 }, { term: "b", offset: 2 }] }];
      hits = rank(sample, function (item) { return item.offset === 0 ? first : second; });
      hits.slice(0, pageSize);
    }
    return hits.length;
  }
  if (manifest.w && manifest.n >= 1000) {
    try { warmUp(); } catch (e) { /* only ever a slower first query, never no search */ }
  }
  var form = input.form;
  form.addEventListener("submit", function (event) { event.preventDefault(); render(input.value); });
  input.addEventListener("input", function () { render(input.value); });
  if (more) more.addEventListener("click", function () { showMore(true); });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; render(initial); }
})();
