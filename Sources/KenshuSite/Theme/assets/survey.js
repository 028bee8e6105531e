// Kenshu survey form: validates, keeps the answers on this device (localStorage), offers them
// as one CSV row in Kenshu's own response format (what `kenshu evaluate` reads) and as JSON,
// and, when a collection server is configured (data-collect-url) or the page is served by
// `kenshu serve --collect`, posts them there. Field names are the CSV's column names.
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

  // RFC 4180 cell; the reader trims cells, so leading/trailing spaces are quoted too.
  function csvCell(value) {
    var text = value === undefined || value === null ? "" : Array.isArray(value) ? value.join(";") : String(value);
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
  // page is served by `kenshu serve --collect`); null for a static host or file://.
  function endpoint() {
    var base = form.getAttribute("data-collect-url");
    var path = "api/surveys/" + encodeURIComponent(surveyID) + "/responses";
    if (base) {
      try { return Promise.resolve(new URL(path, new URL(base, window.location.href)).href); } catch (e) { return Promise.resolve(null); }
    }
    if (!/^https?:$/.test(window.location.protocol) || !window.fetch) return Promise.resolve(null);
    var probe = new URL("/api/health", window.location.href).href;
    return fetch(probe, { method: "GET", credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        var type = response.headers.get("content-type") || "";
        return response.ok && type.indexOf("json") >= 0 ? new URL("/" + path, window.location.href).href : null;
      })
      .catch(function () { return null; });
  }

  function post(url, payload) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(payload),
    }).then(function (response) {
      if (response.status !== 201 && !response.ok) throw new Error("HTTP " + response.status);
      return true;
    });
  }

  form.noValidate = true; // our own messages: announced, in the page's language, per field
  submit.disabled = false;
  // Typing an "other" answer chooses "other".
  Array.prototype.forEach.call(form.querySelectorAll("[data-other-text]"), function (field) {
    field.addEventListener("input", function () {
      var name = field.getAttribute("data-other-text");
      var option = inputs(field.closest("[data-item]"), name).filter(function (i) { return i.hasAttribute("data-other"); })[0];
      if (option && field.value.trim()) option.checked = true;
    });
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    objectURLs.forEach(function (u) { URL.revokeObjectURL(u); });
    objectURLs = [];
    downloads.textContent = "";
    downloads.hidden = true;
    result.textContent = "";
    var read = collect();
    if (read.problems.length) { showErrors(read.problems); return; }
    var participant = (form.querySelector("#participant") || { value: "" }).value.trim();
    var payload = { participant: participant || null, answers: read.answers };
    var stored = store({ participant: participant || null, answers: read.answers, savedAt: new Date().toISOString() });
    submit.disabled = true;
    result.textContent = msg("sending");
    endpoint()
      .then(function (url) {
        if (!url) return "saved";
        return post(url, payload).then(function () { return "sent"; }, function () { return "failed"; });
      })
      .then(function (outcome) {
        submit.disabled = false;
        result.textContent = msg(outcome);
        if (outcome !== "sent") offerDownloads(participant, read.columns, read.answers, payload);
        if (stored) offerClear();
      });
  });
})();
