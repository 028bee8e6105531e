/* Kenshu SCORM 1.2 runtime, loaded by scorm.html (the SCO's launch page).
   Finds the LMS API (window.parent up to 7 levels, then window.opener), initialises, and shows
   the module's pages in a frame. Inside an LMS the LMS is the source of truth: this learner's
   progress in this course is restored from cmi.suspend_data and kept in this page's memory
   only; the pages (module.js) read it with KenshuSCORM.stateText() and report changes with
   KenshuSCORM.report(state). Nothing is read from or written to the browser's storage, so a
   second learner (or a second course using the module) on the same browser starts from their
   own record. Reports set cmi.core.lesson_status (incomplete → passed/failed, or completed
   without a quiz) and cmi.core.score.raw/min/max (0–100), never lowering what the LMS already
   holds (a reset after passing keeps the pass), and cmi.suspend_data in a compact form within
   SCORM 1.2's 4,096 characters. With no API found the module works standalone, its progress
   kept in the browser as on the site. */
(function () {
  "use strict";
  var root = document.documentElement;
  var hasQuiz = root.getAttribute("data-has-quiz") === "true";
  var layout = {
    lessons: ids("data-lesson-ids"),
    scenarios: ids("data-scenario-ids"),
    questions: ids("data-question-ids")
  };
  var en = (root.lang || "ja").indexOf("en") === 0;
  var MAX_SUSPEND = 4096;
  var RANK = { "not attempted": 0, "browsed": 0, "incomplete": 1, "failed": 2, "completed": 3, "passed": 3 };
  var api = findAPI();
  var live = false, finished = false, started = Date.now();
  var sent = {};
  var learner = "";
  var current = null;   /* this learner's progress, this LMS session: memory only */
  var recordedRank = 0; /* the best lesson status the LMS holds for this learner */
  var recordedRaw = -1; /* the best score the LMS holds */

  function ids(attribute) { return (root.getAttribute(attribute) || "").split(" ").filter(Boolean); }

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
  function get(element) {
    var value = call("LMSGetValue", element);
    return value === "false" ? "" : value;
  }
  function set(element, value) {
    value = String(value);
    if (sent[element] === value) return false;
    if (call("LMSSetValue", element, value) === "true") sent[element] = value;
    return true;
  }
  function status(text) { document.getElementById("lms-status").textContent = text; }

  /* A short tag of the learner id (FNV-1a, 32 bits): suspend_data written for one learner is
     never restored for another, whatever the LMS hands over. */
  function learnerTag(id) {
    var h = 0x811c9dc5;
    for (var i = 0; i < id.length; i++) { h ^= id.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h.toString(36);
  }

  /* suspend_data, version 2: positions instead of ids, against the ids the launch page lists.
       {"v":2,"u":learner tag,"l":lessons read (5 per base-32 digit),"s":[chosen response per
        scenario],"q":[best,last,passed 0/1,"YYYY-MM-DD"],"a":[chosen choices per question,
        space-separated],"w":1 when the content warning was dismissed}
     No name and no free text (personal data stays out of the LMS's suspend_data). */
  var DIGITS = "0123456789abcdefghijklmnopqrstuv";
  function encodeBits(list, map) {
    var out = "";
    for (var i = 0; i < list.length; i += 5) {
      var n = 0;
      for (var j = 0; j < 5 && i + j < list.length; j++) if (map[list[i + j]]) n |= 1 << j;
      out += DIGITS.charAt(n);
    }
    return out.replace(/0+$/, "");
  }
  function decodeBits(list, text) {
    var map = {};
    list.forEach(function (id, i) {
      var n = DIGITS.indexOf((text || "").charAt(Math.floor(i / 5)));
      if (n > 0 && n & (1 << (i % 5))) map[id] = true;
    });
    return map;
  }
  function trimmed(array) {
    while (array.length && array[array.length - 1] === "") array.pop();
    return array;
  }
  function encode(state, shape, tag) {
    var kept = { v: 2 };
    if (tag) kept.u = tag;
    var lessons = encodeBits(shape.lessons, state.lessons || {});
    if (lessons) kept.l = lessons;
    var scenarios = trimmed(shape.scenarios.map(function (id) { return (state.scenarios || {})[id] || ""; }));
    if (scenarios.length) kept.s = scenarios;
    var quiz = state.quiz;
    if (quiz && quiz.best != null) kept.q = [quiz.best, quiz.last == null ? quiz.best : quiz.last, quiz.passed ? 1 : 0, quiz.passedAt || ""];
    if (quiz && quiz.answers) {
      var answers = trimmed(shape.questions.map(function (id) { return (quiz.answers[id] || []).join(" "); }));
      if (answers.length) kept.a = answers;
    }
    if (state.warningDismissed) kept.w = 1;
    var text = JSON.stringify(kept);
    /* Too long (very long ids): the answers go first, then the scenarios' choices; what counts
       for the LMS (lessons read, score, pass) stays. */
    if (text.length > MAX_SUSPEND) { delete kept.a; text = JSON.stringify(kept); }
    if (text.length > MAX_SUSPEND) { delete kept.s; text = JSON.stringify(kept); }
    return text.length > MAX_SUSPEND ? "" : text;
  }
  function blank() { return { v: 1, lessons: {}, scenarios: {}, quiz: null, warningDismissed: false }; }
  function decode(text, shape, tag) {
    var saved;
    try { saved = JSON.parse(text); } catch (e) { return null; }
    if (!saved || typeof saved !== "object") return null;
    var state = blank();
    if (saved.v === 1) {
      /* Written by an earlier package: ids instead of positions, and no learner tag. */
      Object.keys(saved.lessons || {}).forEach(function (id) { state.lessons[id] = true; });
      Object.keys(saved.scenarios || {}).forEach(function (id) { state.scenarios[id] = String(saved.scenarios[id]); });
      if (saved.quiz && saved.quiz.best != null) state.quiz = saved.quiz;
      return state;
    }
    if (saved.v !== 2) return null;
    if (saved.u && tag && saved.u !== tag) return null; /* another learner's record */
    state.lessons = decodeBits(shape.lessons, saved.l);
    (saved.s || []).forEach(function (choice, i) { if (choice && shape.scenarios[i]) state.scenarios[shape.scenarios[i]] = String(choice); });
    if (Array.isArray(saved.q)) {
      var answers = {};
      (saved.a || []).forEach(function (chosen, i) {
        if (shape.questions[i]) answers[shape.questions[i]] = String(chosen).split(" ").filter(Boolean);
      });
      state.quiz = { best: Number(saved.q[0]), last: Number(saved.q[1]), passed: saved.q[2] === 1, passedAt: saved.q[3] || null };
      if (saved.a) state.quiz.answers = answers;
    }
    state.warningDismissed = saved.w === 1;
    return state;
  }

  function report(state) {
    if (!live || finished || !state) return;
    current = JSON.parse(JSON.stringify(state));
    var changed = false;
    var lessonStatus = "incomplete";
    if (hasQuiz && current.quiz && current.quiz.best != null) {
      var raw = Math.max(0, Math.min(100, Math.round(current.quiz.best)));
      if (raw > recordedRaw) {
        changed = set("cmi.core.score.min", "0") || changed;
        changed = set("cmi.core.score.max", "100") || changed;
        changed = set("cmi.core.score.raw", raw) || changed;
        recordedRaw = raw;
      }
      lessonStatus = current.quiz.passed ? "passed" : "failed";
    } else if (!hasQuiz && layout.lessons.every(function (id) { return current.lessons && current.lessons[id]; })) {
      lessonStatus = "completed";
    }
    /* Never lower what the LMS holds: a reset, or a worse retake, after passing keeps the pass. */
    if (RANK[lessonStatus] >= recordedRank) {
      changed = set("cmi.core.lesson_status", lessonStatus) || changed;
      recordedRank = RANK[lessonStatus];
    }
    /* Nothing that fits: keep what the LMS holds rather than overwrite it with nothing. */
    var suspend = encode(current, layout, learnerTag(learner));
    if (suspend) changed = set("cmi.suspend_data", suspend) || changed;
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
    call("LMSSetValue", "cmi.core.exit", recordedRank >= RANK.completed ? "" : "suspend");
    call("LMSCommit", "");
    call("LMSFinish", "");
  }

  window.KenshuSCORM = {
    report: report,
    connected: function () { return live && !finished; },
    /* This learner's progress as JSON text (the page parses it in its own frame). */
    stateText: function () { return JSON.stringify(current || blank()); },
    /* For tests: the suspend_data encoding against a given list of ids. */
    codec: { encode: encode, decode: decode, tag: learnerTag }
  };

  if (api && call("LMSInitialize", "") === "true") {
    live = true;
    learner = get("cmi.core.student_id");
    var recorded = get("cmi.core.lesson_status");
    recordedRank = RANK[recorded] || 0;
    if (recordedRank === 0) set("cmi.core.lesson_status", "incomplete");
    else sent["cmi.core.lesson_status"] = recorded;
    var rawText = get("cmi.core.score.raw");
    if (rawText !== "" && isFinite(Number(rawText))) recordedRaw = Number(rawText);
    var suspended = get("cmi.suspend_data");
    current = (suspended && decode(suspended, layout, learnerTag(learner))) || blank();
    if (suspended) sent["cmi.suspend_data"] = suspended;
    /* A pass the LMS holds whose details did not fit (or were reset): the pages show it. */
    if (hasQuiz && recorded === "passed" && !(current.quiz && current.quiz.passed)) {
      var score = recordedRaw >= 0 ? recordedRaw : null;
      current.quiz = { best: score, last: score, passed: true, passedAt: null };
    }
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
