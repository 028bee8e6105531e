// Kenshu survey form: validates, keeps a draft of the answers on this device while they are
// typed, and, when a collection server is configured (data-collect-url) or the page is served by
// `kenshu serve --collect`, queues the submission in the outbox (outbox.js), which sends it with
// an Idempotency-Key and re-sends it until the server acknowledges it. Without a server the
// answers are kept in localStorage and offered as one CSV row in Kenshu's own response format
// (what `kenshu evaluate` reads) and as JSON. Field names are the CSV's column names.
(function () {
  "use strict";
  var form = document.getElementById("survey-form");
  if (!form) return;
  var surveyID = form.getAttribute("data-survey") || "survey";
  var storageKey = "kenshu.survey." + surveyID;
  var errorBox = document.getElementById("survey-errors");
  var result = document.getElementById("survey-result");
  var downloads = document.getElementById("survey-downloads");
  var submit = form.querySelector("button[type=submit]");
  var items = Array.prototype.slice.call(form.querySelectorAll("[data-item]"));

  function msg(key, value) {
    var text = form.getAttribute("data-msg-" + key) || key;
    return value === undefined ? text : text.replace(/%[ds]/, String(value));
  }
  function inputs(root, name) {
    return Array.prototype.filter.call(root.querySelectorAll("input"), function (i) { return i.name === name; });
  }
  function otherText(root, name) {
    var field = root.querySelector("[data-other-text]");
    return field && field.getAttribute("data-other-text") === name ? field : null;
  }

  // One group's answer: a label / point (radio) or a list (checkbox); "other" gives its text.
  // Returns {value, problem}.
  function readGroup(item, name, multiple) {
    var chosen = [];
    var problem = null;
    inputs(item, name).forEach(function (input) {
      if (!input.checked) return;
      if (input.hasAttribute("data-other")) {
        var text = (otherText(item, name) || { value: "" }).value.trim();
        // ";" separates answers in the CSV cell; keep it out of the free text.
        if (text) chosen.push(text.replace(/[;；]/g, "、")); else problem = "other";
      } else {
        chosen.push(input.value);
      }
    });
    return { value: multiple ? chosen : (chosen.length ? chosen[0] : null), problem: problem };
  }

  // Reads every item: answers keyed by column name, and the problems found.
  function collect() {
    var answers = {};
    var columns = [];
    var problems = [];
    items.forEach(function (item) {
      var id = item.getAttribute("data-item");
      var type = item.getAttribute("data-type");
      var required = item.getAttribute("data-required") === "true";
      var names = item.getAttribute("data-retrospective") === "true" ? [id + ".before", id + ".now"] : [id];
      names.forEach(function (name) {
        columns.push(name);
        var value = null;
        var problem = null;
        if (type === "numeric" || type === "text") {
          var field = item.querySelector("input, textarea");
          var raw = field.value.trim();
          if (type === "numeric" && raw !== "") {
            value = Number(raw);
            var min = field.getAttribute("min");
            var max = field.getAttribute("max");
            if (!isFinite(value) || field.validity.badInput) problem = "number";
            else if ((min !== null && value < Number(min)) || (max !== null && value > Number(max))) problem = "range";
          } else if (type === "numeric" && field.validity && field.validity.badInput) {
            problem = "number";
          } else if (raw !== "") {
            value = raw;
            var limit = field.getAttribute("maxlength");
            if (limit !== null && raw.length > Number(limit)) problem = "length";
          }
        } else {
          var read = readGroup(item, name, type === "multiple");
          value = read.value;
          problem = read.problem;
          if (type === "likert" && value !== null) value = Number(value);
          if (Array.isArray(value) && value.length === 0) value = null;
        }
        if (!problem && required && (value === null || value === "")) problem = "required";
        if (problem) problems.push({ item: item, problem: problem });
        if (value !== null && value !== "") answers[name] = value;
      });
    });
    return { answers: answers, columns: columns, problems: problems };
  }

  function problemText(entry) {
    if (entry.problem === "range") {
      var field = entry.item.querySelector("input");
      var min = field.getAttribute("min");
      var max = field.getAttribute("max");
      return msg("range", (min !== null ? min : "") + "〜" + (max !== null ? max : ""));
    }
    return msg(entry.problem === "other" ? "other" : entry.problem);
  }

  function clearErrors() {
    errorBox.hidden = true;
    errorBox.textContent = "";
    items.forEach(function (item) {
      var error = item.querySelector(".field-error");
      if (error) { error.hidden = true; error.textContent = ""; }
      item.classList.remove("has-error");
      Array.prototype.forEach.call(item.querySelectorAll("input, textarea"), function (f) {
        f.removeAttribute("aria-invalid");
      });
    });
  }

  // Errors are listed at the top (announced: role=alert, focused) with links to the fields,
  // and written next to each field, which is marked aria-invalid and described by the text.
  function showErrors(problems) {
    var seen = [];
    var list = document.createElement("ul");
    problems.forEach(function (entry) {
      if (seen.indexOf(entry.item) >= 0) return;
      seen.push(entry.item);
      var text = problemText(entry);
      var error = entry.item.querySelector(".field-error");
      var first = entry.item.querySelector("input, textarea");
      if (error) { error.textContent = text; error.hidden = false; }
      entry.item.classList.add("has-error");
      Array.prototype.forEach.call(entry.item.querySelectorAll("input, textarea"), function (f) {
        f.setAttribute("aria-invalid", "true");
        if (error) {
          var described = (f.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
          if (described.indexOf(error.id) < 0) described.push(error.id);
          f.setAttribute("aria-describedby", described.join(" "));
        }
      });
      var label = entry.item.querySelector("legend, label");
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + (first ? first.id : entry.item.id);
      link.textContent = (label ? label.textContent.trim() : entry.item.getAttribute("data-item")) + " — " + text;
      link.addEventListener("click", function (event) {
        if (!first) return;
        event.preventDefault();
        first.focus();
      });
      li.appendChild(link);
      list.appendChild(li);
    });
    var heading = document.createElement("p");
    heading.textContent = msg("summary", seen.length);
    errorBox.appendChild(heading);
    errorBox.appendChild(list);
    errorBox.hidden = false;
    errorBox.focus();
  }

  // The formula guard of Kenshu's CSV writer (KenshuTabular/FormulaGuard.swift), exactly: one
  // apostrophe before a cell a spreadsheet would run (=, +, -, @, tab, CR first, and not just a
  // signed number), also when apostrophes already stand before such text; Kenshu's reader
  // removes it again, so `evaluate` reads the answer as typed.
  function looksLikeFormula(text) {
    if (!/^[=+\-@\t\r]/.test(text)) return false;
    return !/^[+\-](?=.*[0-9])[0-9.,]*$/.test(text);
  }
  function guarded(text) {
    return looksLikeFormula(text.replace(/^'+/, "")) ? "'" + text : text;
  }
  // RFC 4180 cell; the reader trims cells, so leading/trailing spaces are quoted too.
  function csvCell(value) {
    var text = value === undefined || value === null ? "" : Array.isArray(value) ? value.join(";") : String(value);
    text = guarded(text);
    return /[",\r\n]|^\s|\s$/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  // UTF-8 with BOM (Excel shows Japanese correctly), CRLF line ends.
  function csvText(participant, columns, answers) {
    var header = ["participant"].concat(columns);
    var row = [participant].concat(columns.map(function (c) { return answers[c]; }));
    return "\uFEFF" + header.map(csvCell).join(",") + "\r\n" + row.map(csvCell).join(",") + "\r\n";
  }

  function store(record) {
    try {
      var saved = JSON.parse(window.localStorage.getItem(storageKey) || "[]");
      if (!Array.isArray(saved)) saved = [];
      saved.push(record);
      window.localStorage.setItem(storageKey, JSON.stringify(saved));
      return true;
    } catch (e) {
      return false; // storage disabled (private mode, file:// policies): the download remains
    }
  }

  // Ward PCs are shared: whoever answered can remove their answers from this browser.
  function offerClear() {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary";
    button.id = "survey-clear";
    button.textContent = msg("clear");
    button.addEventListener("click", function () {
      try { window.localStorage.removeItem(storageKey); } catch (e) { /* nothing stored */ }
      result.textContent = msg("cleared");
      button.remove();
      result.focus(); // the button had focus: keep it near, on the announcement
    });
    downloads.appendChild(button);
    downloads.hidden = false;
  }

  var objectURLs = [];
  function offerDownloads(participant, columns, answers, payload) {
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
    var base = surveyID + "-" + (participant ? participant.replace(/[^A-Za-z0-9_-]/g, "_") : stamp);
    [
      ["csv", "text/csv;charset=utf-8", csvText(participant, columns, answers)],
      ["json", "application/json", JSON.stringify(payload, null, 2) + "\n"],
    ].forEach(function (entry) {
      var url = URL.createObjectURL(new Blob([entry[2]], { type: entry[1] }));
      objectURLs.push(url);
      var link = document.createElement("a");
      link.className = "button button--secondary";
      link.href = url;
      link.download = base + "." + entry[0];
      link.id = "survey-download-" + entry[0];
      link.textContent = msg(entry[0]);
      downloads.appendChild(link);
      downloads.appendChild(document.createTextNode(" "));
    });
    downloads.hidden = false;
  }

  // Where to post: data-collect-url, else the same origin when it answers /api/health (the
  // page is served by `kenshu serve --collect`); null for a static host or file://. Probed when
  // the page opens, so that a server gone by the time of submitting still gets the answers
  // (queued) rather than a download.
  function probeEndpoint() {
    var base = form.getAttribute("data-collect-url");
    var path = "api/surveys/" + encodeURIComponent(surveyID) + "/responses";
    if (base) {
      try { return Promise.resolve(new URL(path, new URL(base, window.location.href)).href); } catch (e) { return Promise.resolve(null); }
    }
    if (!/^https?:$/.test(window.location.protocol) || !window.fetch) return Promise.resolve(null);
    var probe = new URL("/api/health", window.location.href).href;
    var here = new URL("/" + path, window.location.href).href;
    // A page opened offline (kept by the service worker) cannot ask: when this origin answered
    // as a collector before, the answers are queued for it rather than offered as a file.
    var memory = "kenshu.collector";
    return fetch(probe, { method: "GET", credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        var type = response.headers.get("content-type") || "";
        var collector = response.ok && type.indexOf("json") >= 0;
        try {
          if (collector) window.localStorage.setItem(memory, "1");
          else window.localStorage.removeItem(memory);
        } catch (e) { /* storage blocked: ask each time */ }
        return collector ? here : null;
      })
      .catch(function () {
        var known = null;
        try { known = window.localStorage.getItem(memory); } catch (e) { known = null; }
        return known === "1" ? here : null;
      });
  }
  var probed = probeEndpoint();
  function endpoint() {
    return probed.then(function (url) {
      if (url) return url;
      probed = probeEndpoint(); // the server may have come up since the page opened
      return probed;
    });
  }

  // The draft: what has been typed so far, restored when the page is opened again within a day
  // (ward and facility PCs are shared: a draft older than that is someone else's and is dropped).
  // Removed once the answers are submitted. Fields marked data-no-draft (the participant id and
  // the token) are left out, so a draft never says whose answers these are.
  var DRAFT_HOURS = 24;
  var draftKey = "kenshu.draft." + surveyID;
  function draftFields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.id && el.tagName !== "BUTTON" && el.type !== "submit" && !el.hasAttribute("data-no-draft");
    });
  }
  function saveDraft() {
    var fields = {};
    draftFields().forEach(function (el) {
      if (el.type === "radio" || el.type === "checkbox") { if (el.checked) fields[el.id] = true; }
      else if (el.value !== "") fields[el.id] = el.value;
    });
    try {
      if (Object.keys(fields).length) window.localStorage.setItem(draftKey, JSON.stringify({ v: 1, savedAt: Date.now(), fields: fields }));
      else window.localStorage.removeItem(draftKey);
    } catch (e) { /* storage blocked: no draft */ }
  }
  function restoreDraft() {
    var draft = null;
    try { draft = JSON.parse(window.localStorage.getItem(draftKey) || "null"); } catch (e) { draft = null; }
    if (!draft || draft.v !== 1 || !draft.fields) return;
    if (!(draft.savedAt > Date.now() - DRAFT_HOURS * 3600 * 1000)) {
      try { window.localStorage.removeItem(draftKey); } catch (e) { /* blocked */ }
      return;
    }
    draftFields().forEach(function (el) {
      if (!Object.prototype.hasOwnProperty.call(draft.fields, el.id)) return;
      if (el.type === "radio" || el.type === "checkbox") el.checked = draft.fields[el.id] === true;
      else el.value = String(draft.fields[el.id]);
    });
  }
  function dropDraft() {
    try { window.localStorage.removeItem(draftKey); } catch (e) { /* nothing stored */ }
  }

  var outbox = window.KenshuOutbox || null;

  // The answer code (one-time token). From the slip's link (…/surveys/ID/?t=CODE, or the same
  // after "#"; older slips also carry p=ID) it goes into the form and straight out of the
  // address bar, so it is not
  // left in the history, a bookmark, a shared link or a Referer; it is kept for this tab only
  // (sessionStorage, so a reload keeps it) until the answers are delivered, and never in the
  // draft. A survey without tokens ignores an empty code.
  var codeField = document.getElementById("answer-code");
  var codeBox = document.getElementById("survey-code");
  var participantField = document.getElementById("participant");
  var tokenKey = "kenshu.token." + surveyID;
  function rememberToken() {
    try {
      if (codeField.value.trim()) window.sessionStorage.setItem(tokenKey, codeField.value.trim());
      else window.sessionStorage.removeItem(tokenKey);
    } catch (e) { /* storage blocked: the field alone holds it */ }
  }
  function forgetToken() {
    try { window.sessionStorage.removeItem(tokenKey); } catch (e) { /* nothing kept */ }
  }
  function takeTokenFromAddress() {
    var url;
    try { url = new URL(window.location.href); } catch (e) { return; }
    var fromHash = /(^|&)(t|p)=/.test(url.hash.replace(/^#/, ""));
    var hash = new URLSearchParams(fromHash ? url.hash.replace(/^#/, "") : "");
    var token = url.searchParams.get("t") || hash.get("t");
    var participant = url.searchParams.get("p") || hash.get("p");
    if (token === null && participant === null) return;
    url.searchParams.delete("t");
    url.searchParams.delete("p");
    if (fromHash) {
      hash.delete("t");
      hash.delete("p");
      url.hash = hash.toString() ? "#" + hash.toString() : "";
    }
    try { window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash); } catch (e) { /* file:// in some browsers */ }
    if (participant && participantField) participantField.value = participant.slice(0, 64);
    if (token && codeField) {
      codeField.value = token.slice(0, 64);
      rememberToken();
    }
  }
  function restoreToken() {
    if (!codeField || codeField.value) return;
    try { codeField.value = window.sessionStorage.getItem(tokenKey) || ""; } catch (e) { /* blocked */ }
  }
  var TOKEN_ERRORS = ["token-required", "bad-token", "token-used"];
  function askForCode() {
    if (!codeBox || !codeField) return;
    codeBox.open = true;
  }

  // Offers the answers of a refused or waiting submission as files, and (when refused) a way to
  // delete them from this device.
  function offerFallback(entry, body, refused) {
    var columns = collect().columns;
    offerDownloads(body.participant || "", columns, body.answers || {}, body);
    if (!refused) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary";
    button.id = "survey-discard";
    button.textContent = msg("discard");
    button.addEventListener("click", function () {
      if (entry) outbox.remove(entry.key);
      downloads.textContent = "";
      downloads.hidden = true;
      result.textContent = msg("cleared");
      result.focus();
    });
    downloads.appendChild(button);
  }

  function resetDownloads() {
    objectURLs.forEach(function (u) { URL.revokeObjectURL(u); });
    objectURLs = [];
    downloads.textContent = "";
    downloads.hidden = true;
  }

  function refusalText(outcome) {
    if (TOKEN_ERRORS.indexOf(outcome.error) >= 0) return msg(outcome.error);
    return msg("rejected", outcome.error || ("HTTP " + outcome.status));
  }

  // Shows what the outbox holds for this survey when the page opens; later deliveries (by the
  // timer, on `online`, by another tab) update the status.
  var shown = null; // the key whose fate the status line reports
  var submitting = false; // the submit handler reports its own attempt
  function showOutbox() {
    if (!outbox) return;
    // Only what was submitted in this tab is shown or offered as files: on a shared PC another
    // person's waiting answers are re-sent silently, never displayed to the next person.
    var mine = outbox.entries().filter(function (e) {
      return e.kind === "survey" && e.target === surveyID && outbox.isOwn(e);
    });
    var refused = mine.filter(function (e) { return e.state === "rejected"; })[0];
    var waiting = mine.filter(function (e) { return e.state !== "rejected"; })[0];
    var entry = waiting || refused;
    if (!entry) return;
    shown = entry.key;
    resetDownloads();
    var body = {};
    try { body = JSON.parse(entry.body); } catch (e) { body = {}; }
    if (waiting) { result.textContent = msg("queued"); offerFallback(entry, body, false); }
    else {
      result.textContent = refusalText(refused);
      offerFallback(entry, body, true);
      if (TOKEN_ERRORS.indexOf(refused.error) >= 0) askForCode();
    }
  }
  if (outbox) {
    outbox.onChange(function (event) {
      if (event.type !== "flushed" || !shown || submitting) return;
      var mine = event.outcomes.filter(function (o) { return o.key === shown; })[0];
      if (!mine || mine.outcome === "pending") return;
      shown = null;
      if (mine.outcome === "sent") {
        resetDownloads();
        result.textContent = msg("sent-later");
      }
      showOutbox(); // another waiting or refused submission of this survey, if any
      if (mine.outcome === "rejected" && !shown) result.textContent = refusalText(mine);
    });
  }

  form.noValidate = true; // our own messages: announced, in the page's language, per field
  submit.disabled = false;
  restoreDraft();
  takeTokenFromAddress();
  restoreToken();
  if (codeField) {
    if (codeField.value) codeBox.open = true;
    codeField.addEventListener("input", rememberToken);
  }
  form.addEventListener("input", saveDraft);
  form.addEventListener("change", saveDraft);
  showOutbox();
  // Typing an "other" answer chooses "other".
  Array.prototype.forEach.call(form.querySelectorAll("[data-other-text]"), function (field) {
    field.addEventListener("input", function () {
      var name = field.getAttribute("data-other-text");
      var option = inputs(field.closest("[data-item]"), name).filter(function (i) { return i.hasAttribute("data-other"); })[0];
      if (option && field.value.trim()) option.checked = true;
    });
  });

  // The submission is done (delivered or safely queued): the form is emptied, so that on a
  // shared PC the next person sees none of it, and the draft goes.
  function finished() {
    dropDraft();
    forgetToken();
    form.reset();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    resetDownloads();
    result.textContent = "";
    var read = collect();
    if (read.problems.length) { showErrors(read.problems); return; }
    var participant = (participantField || { value: "" }).value.trim();
    var token = codeField ? codeField.value.trim() : "";
    // The code alone says whose it is (the server knows); a participant id typed as well must
    // be the code's holder.
    var payload = { participant: participant || null, answers: read.answers };
    if (token) payload = { participant: participant || null, token: token, answers: read.answers };
    submit.disabled = true;
    submitting = true;
    result.textContent = msg("sending");
    endpoint().then(function (url) {
      if (!url) {
        submitting = false;
        // No server: kept here and handed over as a file.
        var stored = store({ participant: participant || null, answers: read.answers, savedAt: new Date().toISOString() });
        submit.disabled = false;
        result.textContent = msg("saved");
        offerDownloads(participant, read.columns, read.answers, payload);
        if (stored) offerClear();
        dropDraft();
        return;
      }
      var body = JSON.stringify(payload);
      var entry = outbox ? outbox.add(url, body, "survey", surveyID) : null;
      if (!entry) {
        // This browser cannot keep it (storage blocked): one attempt, then the files.
        return fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin", body: body })
          .then(function (r) { return r.status === 201; }, function () { return false; })
          .then(function (ok) {
            submitting = false;
            submit.disabled = false;
            result.textContent = msg(ok ? "sent" : "failed");
            if (ok) finished(); else offerDownloads(participant, read.columns, read.answers, payload);
          });
      }
      shown = entry.key;
      return outbox.flush().then(function (outcomes) {
        submitting = false;
        submit.disabled = false;
        var mine = outcomes.filter(function (o) { return o.key === entry.key; })[0] || { outcome: "pending" };
        if (mine.outcome === "sent") {
          shown = null;
          result.textContent = msg("sent");
          finished();
        } else if (mine.outcome === "pending") {
          result.textContent = msg("queued");
          offerFallback(entry, payload, false);
          finished();
        } else {
          // Refused for good (e.g. a wrong code): nothing was stored, the answers stay in the
          // form to be corrected and sent again (a new submission, with a new key).
          shown = null;
          outbox.remove(entry.key);
          result.textContent = refusalText(mine);
          if (mine.error === "token-used") {
            finished(); // this person's answers are already in: nothing here is worth keeping
          } else if (TOKEN_ERRORS.indexOf(mine.error) >= 0) {
            askForCode();
            if (codeField) codeField.focus();
          } else {
            offerDownloads(participant, read.columns, read.answers, payload);
          }
        }
      });
    });
  });
})();
