// Kenshu outbox: a submission meant for the collection server is kept on this device
// (localStorage "kenshu.outbox") until the server acknowledges it, and re-sent automatically:
// when any page of the site is opened, when the browser comes back online, when the page is
// shown again, and on a timer while a page is open. Each submission gets its Idempotency-Key
// once, when it is queued, and every attempt resends the same key with the same bytes, so the
// server stores it exactly once however often it arrives (docs/collect.md). Loaded on every
// learner page; the survey form (survey.js) queues through window.KenshuOutbox.
(function () {
  "use strict";
  var KEY = "kenshu.outbox";
  var en = (document.documentElement.lang || "ja").toLowerCase().indexOf("en") === 0;
  var words = {
    pending: en ? "Waiting to send: %d answer(s) or result(s) are kept on this device and will be sent automatically when the connection is back."
                : "送信待ち：回答・結果 %d 件をこの端末に保存しています。接続が戻ると自動で送信します。",
    sent: en ? "Sent: your saved answers were sent. Nothing is left on this device." : "送信済み：保存していた回答を送信しました。この端末には残っていません。",
    rejected: en ? "Saved answers were refused by the server. Open the survey page to see why."
                 : "保存していた回答がサーバーに受け付けられませんでした。アンケートのページで理由を確認してください。"
  };
  var listeners = [];
  var flushing = null;
  var again = false;
  var timer = null;
  var failures = 0;

  // How long an entry is kept on a shared device: a waiting one for two weeks (a training day's
  // Wi-Fi, a weekend offline), a refused one for a day (for the person who sent it to see why
  // and take the file); after that the answers are removed, delivered or not.
  var PENDING_DAYS = 14;
  var REFUSED_HOURS = 24;
  function expired(entry, now) {
    var queued = Date.parse(entry.queuedAt || "");
    if (!(queued > 0)) return true;
    var limit = entry.state === "rejected" ? REFUSED_HOURS * 3600e3 : PENDING_DAYS * 86400e3;
    return now - queued > limit;
  }
  function read() {
    try {
      var list = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      if (!Array.isArray(list)) return [];
      var now = Date.now();
      var valid = list.filter(function (e) { return e && e.key && e.url && typeof e.body === "string"; });
      var kept = valid.filter(function (e) { return !expired(e, now); });
      if (kept.length !== list.length) write(kept);
      return kept;
    } catch (e) { return []; }
  }

  // This tab's own name (sessionStorage dies with the tab): entries it queued carry it, so the
  // survey form shows and offers as files only what was sent from this tab.
  var TAB_KEY = "kenshu.tab";
  var tab = null;
  function tabID() {
    if (tab) return tab;
    try {
      tab = window.sessionStorage.getItem(TAB_KEY);
      if (!tab) { tab = newKey(); window.sessionStorage.setItem(TAB_KEY, tab); }
    } catch (e) { tab = tab || newKey(); }
    return tab;
  }
  function isOwn(entry) { return !!entry && entry.owner === tabID(); }
  function write(list) {
    try {
      if (list.length) window.localStorage.setItem(KEY, JSON.stringify(list));
      else window.localStorage.removeItem(KEY);
      return true;
    } catch (e) { return false; }
  }
  // Read-modify-write by key, so that another tab's changes in between are kept.
  function update(key, change) {
    var list = read();
    var next = [];
    list.forEach(function (entry) {
      if (entry.key !== key) { next.push(entry); return; }
      var changed = change(entry);
      if (changed) next.push(changed);
    });
    write(next);
  }

  // A UUID v4 from the CSPRNG (crypto.randomUUID needs a secure context; plain http has not).
  function newKey() {
    if (window.crypto && window.crypto.randomUUID) {
      try { return window.crypto.randomUUID(); } catch (e) { /* not a secure context */ }
    }
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function notify(event) { listeners.forEach(function (f) { try { f(event); } catch (e) { /* a listener's bug */ } }); }

  // Retry on what may succeed later (network down, 409 key-in-use, 408/425/429, 5xx); any other
  // refusal is final for this body: the entry is kept as "rejected" for the survey page to show.
  function retryable(status, code) {
    if (status === 409) return code === "idempotency-key-in-use";
    return status === 408 || status === 425 || status === 429 || status >= 500;
  }

  function send(entry) {
    return fetch(entry.url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": '"' + entry.key + '"' },
      credentials: "same-origin",
      cache: "no-store",
      body: entry.body
    }).then(function (response) {
      return response.text().then(function (text) {
        var parsed = null;
        try { parsed = JSON.parse(text); } catch (e) { parsed = null; }
        return { status: response.status, body: parsed, retryAfter: Number(response.headers.get("Retry-After")) || 0 };
      });
    }, function () { return { status: 0, body: null, retryAfter: 0 }; });
  }

  // One attempt at every pending entry, oldest first. Resolves with what happened to each.
  function attempt() {
    var outcomes = [];
    var wait = 0;
    var pending = read().filter(function (e) { return e.state !== "rejected"; });
    return pending.reduce(function (chain, entry) {
      return chain.then(function () {
        return send(entry).then(function (reply) {
          var code = reply.body && reply.body.error;
          if (reply.status === 200 || reply.status === 201) {
            update(entry.key, function () { return null; });
            outcomes.push({ key: entry.key, target: entry.target, outcome: "sent" });
          } else if (reply.status === 0 || retryable(reply.status, code)) {
            update(entry.key, function (e) { e.tries = (e.tries || 0) + 1; return e; });
            wait = Math.max(wait, reply.retryAfter);
            outcomes.push({ key: entry.key, target: entry.target, outcome: "pending" });
          } else if (entry.kind !== "survey") {
            // A refused completion is dropped: the result stays in the module's own progress.
            update(entry.key, function () { return null; });
            outcomes.push({ key: entry.key, target: entry.target, outcome: "rejected", status: reply.status, error: code || "" });
          } else {
            update(entry.key, function (e) { e.state = "rejected"; e.status = reply.status; e.error = code || ""; return e; });
            outcomes.push({ key: entry.key, target: entry.target, outcome: "rejected", status: reply.status, error: code || "" });
          }
        });
      });
    }, Promise.resolve()).then(function () { return { outcomes: outcomes, retryAfter: wait }; });
  }

  // Serialised within the page; across tabs the key makes a simultaneous resend harmless.
  function flush() {
    if (!window.fetch) return Promise.resolve([]);
    if (flushing) { again = true; return flushing; }
    flushing = attempt().then(function (result) {
      flushing = null;
      var stillPending = result.outcomes.some(function (o) { return o.outcome === "pending"; });
      failures = stillPending ? failures + 1 : 0;
      schedule(result.retryAfter);
      notify({ type: "flushed", outcomes: result.outcomes });
      if (again) { again = false; return flush().then(function (more) { return result.outcomes.concat(more); }); }
      return result.outcomes;
    });
    return flushing;
  }

  // While a page is open: 5 s, 10 s, 20 s … at most a minute apart (Retry-After when longer),
  // with jitter so that a room full of phones does not retry in step.
  function schedule(retryAfter) {
    if (timer) { clearTimeout(timer); timer = null; }
    if (!pendingCount()) return;
    var delay = Math.min(60000, 5000 * Math.pow(2, Math.max(0, failures - 1)));
    delay = Math.max(delay * (0.75 + Math.random() * 0.5), (retryAfter || 0) * 1000);
    timer = setTimeout(function () { timer = null; flush(); }, delay);
  }

  function pendingCount() { return read().filter(function (e) { return e.state !== "rejected"; }).length; }

  // Queues a submission: the exact body to send, where, and what it belongs to ({kind, target}).
  // Returns the entry (with its key), or null when this browser cannot keep it.
  function add(url, body, kind, target) {
    var entry = { key: newKey(), url: url, body: body, kind: kind, target: target, queuedAt: new Date().toISOString(), tries: 0, owner: tabID() };
    var list = read();
    list.push(entry);
    if (!write(list)) return null;
    notify({ type: "queued", entry: entry });
    return entry;
  }

  function remove(key) { update(key, function () { return null; }); notify({ type: "removed", key: key }); }

  window.KenshuOutbox = {
    add: add,
    flush: flush,
    remove: remove,
    entries: read,
    isOwn: isOwn,
    pendingCount: pendingCount,
    onChange: function (listener) { listeners.push(listener); }
  };

  // On pages other than the survey form, one line says what the outbox did (role=status).
  function banner(text) {
    if (document.getElementById("survey-form")) return; // the form shows its own status
    var main = document.getElementById("main");
    if (!main) return;
    var line = document.getElementById("outbox-status");
    if (!line) {
      line = document.createElement("p");
      line.id = "outbox-status";
      line.className = "outbox-status";
      line.setAttribute("role", "status");
      main.insertBefore(line, main.firstChild);
    }
    line.textContent = text;
  }
  listeners.push(function (event) {
    if (event.type !== "flushed" || !event.outcomes.length) return;
    var sent = event.outcomes.filter(function (o) { return o.outcome === "sent"; }).length;
    var rejected = event.outcomes.filter(function (o) { return o.outcome === "rejected"; }).length;
    var waiting = pendingCount();
    if (waiting) banner(words.pending.replace("%d", String(waiting)));
    else if (rejected) banner(words.rejected);
    else if (sent) banner(words.sent);
  });

  window.addEventListener("online", function () { failures = 0; flush(); });
  window.addEventListener("pageshow", function (event) { if (event.persisted) flush(); });
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "visible" && pendingCount()) flush(); });
  // Another tab queued or delivered something: retry here too (the key keeps it single).
  window.addEventListener("storage", function (event) { if (event.key === KEY && pendingCount() && !timer && !flushing) schedule(0); });
  if (pendingCount()) flush();
})();
