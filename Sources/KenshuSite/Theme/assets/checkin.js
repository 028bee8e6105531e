// 受付 (check-in, issue 15): reception's page on the venue laptop, and the participant's own
// phone. A keyboard-like QR scanner types the slip's link and Enter into #checkin-code (or a
// person types the printed code); the code is sent to POST api/checkin of `kenshu serve
// --collect` (docs/collect.md) and the answer — the roster id, never a name — is shown in
// #checkin-result (an aria-live region; data-result="recorded|already|error"). The field is
// then emptied and focused for the next person, and the last few check-ins are listed, in this
// page's memory only.
//
// Privacy: a code is never stored (no localStorage, no sessionStorage, no cookie). A link
// carrying one (checkin/index.html?t=CODE or #t=CODE) puts it into the field and out of the
// address bar, and nothing is sent until the person presses 受付する: opening a link never
// checks anyone in (link previews and prefetchers open links too).
(function () {
  "use strict";
  var form = document.getElementById("checkin-form");
  var field = document.getElementById("checkin-code");
  var course = document.getElementById("checkin-course");
  var result = document.getElementById("checkin-result");
  var recent = document.getElementById("checkin-recent");
  var recentEmpty = document.getElementById("checkin-recent-empty");
  var service = document.getElementById("checkin-service");
  var selfNote = document.getElementById("checkin-self");
  var button = document.getElementById("checkin-submit");
  if (!form || !field || !result) return;
  var RECENT = 10;

  function msg(name) { return form.getAttribute("data-" + name) || ""; }

  // Where to post: the collect-url the build was given (as the survey forms post), else this
  // origin; null when the page was opened as a file.
  function endpoint() {
    var base = form.getAttribute("data-collect-url");
    try {
      if (base) return new URL("api/checkin", new URL(base, window.location.href)).href;
      if (!/^https?:$/.test(window.location.protocol)) return null;
      return new URL("/api/checkin", window.location.href).href;
    } catch (e) { return null; }
  }
  var target = endpoint();

  function showService(problem) { if (service) service.hidden = !problem; }

  // Whether a check-in server answers: its /api/health, probed when the page opens, so that
  // reception learns before the first participant arrives.
  function probe() {
    if (!target || !window.fetch) { showService(true); return; }
    var health;
    try { health = new URL("health", target).href; } catch (e) { showService(true); return; }
    fetch(health, { method: "GET", credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        var type = response.headers.get("content-type") || "";
        showService(!(response.ok && type.indexOf("json") >= 0));
      })
      .catch(function () { showService(true); });
  }

  // The slip's code from the address (?t= or #t=), moved into the field; the address keeps
  // everything else (as the survey pages do).
  function takeCodeFromAddress() {
    var url;
    try { url = new URL(window.location.href); } catch (e) { return; }
    var hashText = url.hash.replace(/^#/, "");
    var fromHash = /(^|&)t=/.test(hashText);
    var hash = new URLSearchParams(fromHash ? hashText : "");
    var code = url.searchParams.get("t") || hash.get("t");
    if (code === null) return;
    url.searchParams.delete("t");
    if (fromHash) {
      hash.delete("t");
      url.hash = hash.toString() ? "#" + hash.toString() : "";
    }
    try { window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash); } catch (e) { /* file:// in some browsers */ }
    if (!code) return;
    field.value = code.slice(0, 64);
    if (selfNote) selfNote.hidden = false;
    return true;
  }

  // The course: the link's ?course=PROGRAMME/COURSE (a poster or a self check-in link pins it),
  // else the one chosen before in this tab (a reload in the morning keeps it), else today's,
  // which the server picks. Not personal data.
  var courseKey = "kenshu.checkin.course";
  function restoreCourse() {
    if (!course) return;
    var wanted = null;
    try { wanted = new URL(window.location.href).searchParams.get("course"); } catch (e) { wanted = null; }
    if (!wanted) {
      try { wanted = window.sessionStorage.getItem(courseKey); } catch (e) { wanted = null; }
    }
    if (wanted && Array.prototype.some.call(course.options, function (o) { return o.value === wanted; })) course.value = wanted;
    course.addEventListener("change", function () {
      try { window.sessionStorage.setItem(courseKey, course.value); } catch (e) { /* storage blocked */ }
    });
  }

  function body(code) {
    var request = { token: code };
    var option = course && course.selectedIndex >= 0 ? course.options[course.selectedIndex] : null;
    if (option && option.getAttribute("data-programme")) {
      request.programme = option.getAttribute("data-programme");
      request.course = option.getAttribute("data-course");
    }
    return JSON.stringify(request);
  }

  function clock() {
    var now = new Date();
    return ("0" + now.getHours()).slice(-2) + ":" + ("0" + now.getMinutes()).slice(-2);
  }

  // One answer in the live region and, for a check-in, at the top of the list.
  function show(kind, text, participant, error) {
    result.setAttribute("data-result", kind);
    if (participant) result.setAttribute("data-participant", participant); else result.removeAttribute("data-participant");
    if (error) result.setAttribute("data-error", error); else result.removeAttribute("data-error");
    result.textContent = "";
    if (participant) {
      var id = document.createElement("span");
      id.className = "checkin-id";
      id.textContent = participant;
      result.appendChild(id);
      result.appendChild(document.createTextNode(" — "));
    }
    result.appendChild(document.createTextNode(text));
  }

  function remember(time, participant, text) {
    if (!recent) return;
    var item = document.createElement("li");
    item.textContent = time + " " + participant + " — " + text;
    recent.insertBefore(item, recent.firstChild);
    while (recent.children.length > RECENT) recent.removeChild(recent.lastChild);
    if (recentEmpty) recentEmpty.hidden = true;
  }

  function answered(status, data) {
    if (status === 200 && data && (data.status === "recorded" || data.status === "already")) {
      var text = msg(data.status);
      if (data.late && data.arrival) text += "（" + msg("late").replace("{time}", data.arrival) + "）";
      var participant = String(data.participant || "");
      show(data.status, text, participant, null);
      remember(clock(), participant, text);
      return;
    }
    var code = data && typeof data.error === "string" ? data.error : "http-" + status;
    // A server without check-in (serve without --collect, another site): its 404 is not JSON
    // of the API, or names no known endpoint.
    if (code === "not-found" || (status === 404 && !(data && data.error))) {
      showService(true);
      show("error", msg("no-server"), null, code);
      return;
    }
    // A course of another day names its date; a course without one says so.
    var date = data && typeof data.date === "string" ? data.date : "";
    if (code === "course-not-today" && !date) code = "course-undated";
    var text2 = (msg("error-" + code) || msg("error-other").replace("{code}", code)).replace("{date}", date);
    show("error", text2, null, code);
  }

  // Check-ins go one after another, in the order scanned: the next person's code can be
  // scanned while the previous answer is on its way.
  var queue = Promise.resolve();
  function send(code) {
    if (!target || !window.fetch) {
      showService(true);
      show("error", msg("no-server"), null, "no-server");
      return;
    }
    queue = queue.then(function () {
      show("sending", msg("sending"), null, null);
      return fetch(target, {
        method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin",
        cache: "no-store", body: body(code)
      }).then(function (response) {
        return response.json().then(
          function (data) { answered(response.status, data); },
          function () { answered(response.status, null); });
      }, function () {
        showService(true);
        show("error", msg("no-server"), null, "no-server");
      });
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var code = field.value.trim();
    field.value = "";
    if (selfNote) selfNote.hidden = true;
    field.focus();
    if (!code) {
      show("error", msg("empty"), null, "empty");
      return;
    }
    send(code);
  });

  restoreCourse();
  probe();
  // From a link: the person presses 受付する themselves (focus on the button); otherwise the
  // field has the focus, ready for the scanner.
  if (takeCodeFromAddress() && button) button.focus();
  else field.focus();
})();
