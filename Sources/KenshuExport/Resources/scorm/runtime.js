/* Kenshu SCORM 1.2 runtime, loaded by scorm.html (the SCO's launch page).
   Finds the LMS API (window.parent up to 7 levels, then window.opener), initialises, restores
   progress from cmi.suspend_data, then shows the module's pages in a frame. The pages report
   their progress through window.KenshuSCORM.report(state); this sets cmi.core.lesson_status
   (incomplete → passed/failed, or completed without a quiz), cmi.core.score.raw/min/max (0–100)
   and cmi.suspend_data (≤ 4096 characters), commits, and finishes when the page goes away.
   With no API found the module works standalone, its progress kept in the browser. */
(function () {
  "use strict";
  var root = document.documentElement;
  var moduleID = root.getAttribute("data-module-id");
  var key = "kenshu.module." + moduleID;
  var hasQuiz = root.getAttribute("data-has-quiz") === "true";
  var lessonIDs = (root.getAttribute("data-lesson-ids") || "").split(" ").filter(Boolean);
  var en = (root.lang || "ja").indexOf("en") === 0;
  var MAX_SUSPEND = 4096;
  var api = findAPI();
  var live = false, finished = false, started = Date.now();
  var sent = {};

  function scan(win) {
    try {
      var hops = 0;
      while (win && !win.API) {
        if (!win.parent || win.parent === win || ++hops > 7) return null;
        win = win.parent;
      }
      return win ? win.API || null : null;
    } catch (e) { return null; } /* a frame from another origin */
  }
  function findAPI() {
    var found = scan(window);
    if (!found && window.opener) found = scan(window.opener);
    return found;
  }
  function call(name) {
    var args = Array.prototype.slice.call(arguments, 1);
    try { return String(api[name].apply(api, args)); } catch (e) { return "false"; }
  }
  function set(element, value) {
    value = String(value);
    if (sent[element] === value) return false;
    if (call("LMSSetValue", element, value) === "true") sent[element] = value;
    return true;
  }
  function status(text) { document.getElementById("lms-status").textContent = text; }

  /* What survives between LMS sessions: no name (personal data stays in the browser). */
  function suspendData(state) {
    var kept = { v: 1, lessons: state.lessons || {}, scenarios: state.scenarios || {}, quiz: state.quiz || null };
    var text = JSON.stringify(kept);
    if (text.length > MAX_SUSPEND && kept.quiz) {
      kept.quiz = { best: kept.quiz.best, last: kept.quiz.last, passed: kept.quiz.passed, passedAt: kept.quiz.passedAt };
      text = JSON.stringify(kept);
    }
    if (text.length > MAX_SUSPEND) { kept.scenarios = {}; text = JSON.stringify(kept); }
    if (text.length > MAX_SUSPEND) { kept.lessons = {}; text = JSON.stringify(kept); }
    return text.length > MAX_SUSPEND ? "" : text;
  }

  function restore(text) {
    var saved;
    try { saved = JSON.parse(text); } catch (e) { return; }
    if (!saved || saved.v !== 1) return;
    var local = null;
    try { local = JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { local = null; }
    if (!local || local.v !== 1) local = { v: 1, lessons: {}, scenarios: {}, quiz: null };
    Object.keys(saved.lessons || {}).forEach(function (id) { local.lessons[id] = true; });
    Object.keys(saved.scenarios || {}).forEach(function (id) {
      if (!local.scenarios[id]) local.scenarios[id] = saved.scenarios[id];
    });
    if (saved.quiz && (!local.quiz || (saved.quiz.best || 0) > (local.quiz.best || 0))) local.quiz = saved.quiz;
    try { window.localStorage.setItem(key, JSON.stringify(local)); } catch (e) { /* storage blocked */ }
  }

  function report(state) {
    if (!live || finished || !state) return;
    var changed = false;
    var lessonStatus = "incomplete";
    if (hasQuiz && state.quiz && state.quiz.best != null) {
      var raw = Math.max(0, Math.min(100, Math.round(state.quiz.best)));
      changed = set("cmi.core.score.min", "0") || changed;
      changed = set("cmi.core.score.max", "100") || changed;
      changed = set("cmi.core.score.raw", raw) || changed;
      lessonStatus = state.quiz.passed ? "passed" : "failed";
    } else if (!hasQuiz && lessonIDs.every(function (id) { return state.lessons && state.lessons[id]; })) {
      lessonStatus = "completed";
    }
    changed = set("cmi.core.lesson_status", lessonStatus) || changed;
    changed = set("cmi.suspend_data", suspendData(state)) || changed;
    if (changed) call("LMSCommit", "");
  }

  /* SCORM 1.2 CMITimespan: HHHH:MM:SS. */
  function timespan(ms) {
    var s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    return String(h).padStart(4, "0") + ":" + String(m).padStart(2, "0") + ":" + String(s % 60).padStart(2, "0");
  }

  function finish() {
    if (!live || finished) return;
    finished = true;
    call("LMSSetValue", "cmi.core.session_time", timespan(Date.now() - started));
    var done = sent["cmi.core.lesson_status"] === "passed" || sent["cmi.core.lesson_status"] === "completed";
    call("LMSSetValue", "cmi.core.exit", done ? "" : "suspend");
    call("LMSCommit", "");
    call("LMSFinish", "");
  }

  window.KenshuSCORM = { report: report, connected: function () { return live; } };

  if (api && call("LMSInitialize", "") === "true") {
    live = true;
    var current = call("LMSGetValue", "cmi.core.lesson_status");
    if (current === "not attempted" || current === "" || current === "false") {
      set("cmi.core.lesson_status", "incomplete");
    } else {
      sent["cmi.core.lesson_status"] = current;
    }
    var suspended = call("LMSGetValue", "cmi.suspend_data");
    if (suspended && suspended !== "false") { restore(suspended); sent["cmi.suspend_data"] = suspended; }
    call("LMSCommit", "");
    status(en ? "Connected to the learning-management system." : "学習管理システム（LMS）に接続しました。");
  } else {
    status(en ? "No learning-management system found: your progress is kept in this browser only."
              : "学習管理システム（LMS）が見つかりません。進み具合はこのブラウザにだけ保存されます。");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
  document.getElementById("module-frame").src = root.getAttribute("data-start");
})();
