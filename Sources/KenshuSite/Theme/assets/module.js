/* Kenshu self-study modules: progress in localStorage (inside an LMS: in the LMS, through the
   SCORM launch page), scenario feedback, quiz scoring, the certificate's name and date.
   Shipped as a file: the Content-Security-Policy forbids inline scripts. Nothing is sent
   anywhere unless the quiz form names a collection endpoint (data-collect-url). */
(function () {
  "use strict";
  var root = document.getElementById("module");
  if (!root) return;
  var en = (document.documentElement.lang || "ja").toLowerCase().indexOf("en") === 0;
  var words = {
    correct: en ? "✓ Correct" : "✓ 正解",
    wrong: en ? "✗ Not quite" : "✗ 不正解",
    recommended: en ? "✓ Recommended" : "✓ 推奨される対応です",
    better: en ? "△ There is a better response" : "△ より良い対応があります",
    chooseFirst: en ? "Choose an answer first." : "選択肢を選んでください。",
    answerFirst: en ? "No question has been answered yet. Choose your answers, then check them." : "まだ1問も回答していません。回答を選んでから採点してください。",
    read: en ? "(read)" : "（既読）",
    answered: en ? "(answered)" : "（回答済み）",
    passed: en ? "passed" : "合格",
    notPassed: en ? "not passed yet" : "不合格",
    lessons: en ? "Lessons read" : "読んだレッスン",
    scenarios: en ? "Scenarios answered" : "回答したシナリオ",
    best: en ? "Best quiz score" : "確認テストの最高点",
    none: en ? "not taken" : "未受験",
    reset: en ? "Your progress has been reset." : "進み具合を消去しました。",
    unanswered: en ? "unanswered" : "未回答",
    certReady: en ? "You passed the quiz. Type your name and print." : "確認テストに合格しています。氏名を入力して印刷してください。",
    certNotYet: en ? "You have not passed the quiz yet. The certificate can be printed after passing." : "まだ確認テストに合格していません。合格後に印刷できます。",
    sent: en ? "Your result was sent to the organiser." : "結果を主催者に送信しました。",
    notSent: en ? "Your result could not be sent; it is kept in this browser." : "結果を送信できませんでした（この端末には保存されています）。",
    queued: en ? "Waiting to send: your result is kept on this device and will be sent automatically when the connection is back."
               : "送信待ち：結果をこの端末に保存しました。接続が戻ると自動で送信します。"
  };
  var moduleID = root.getAttribute("data-module-id");
  var key = "kenshu.module." + moduleID;
  var lessonIDs = split(root.getAttribute("data-lesson-ids"));
  var scenarioIDs = split(root.getAttribute("data-scenario-ids"));
  var hasQuiz = root.getAttribute("data-has-quiz") === "true";
  var passMark = parseInt(root.getAttribute("data-pass-mark"), 10) || 0;
  var lms = connectedLMS();
  var state = load();

  function split(text) { return (text || "").split(" ").filter(Boolean); }
  function blank() { return { v: 1, lessons: {}, scenarios: {}, quiz: null, warningDismissed: false }; }
  /* Inside a SCORM package whose launch page reached an LMS, the LMS holds the progress (this
     learner's, this course's): the page takes it from the runtime and never touches the
     browser's storage, where another learner's progress may be. */
  function connectedLMS() {
    if (root.getAttribute("data-package") !== "scorm") return null;
    try {
      var runtime = window.parent !== window ? window.parent.KenshuSCORM : null;
      return runtime && runtime.connected() && runtime.stateText ? runtime : null;
    } catch (e) { return null; } /* a parent from another origin: standalone */
  }
  function load() {
    try {
      var parsed = JSON.parse(lms ? lms.stateText() : window.localStorage.getItem(key) || "null");
      if (parsed && parsed.v === 1) {
        parsed.lessons = parsed.lessons || {};
        parsed.scenarios = parsed.scenarios || {};
        return parsed;
      }
    } catch (e) { /* storage blocked or corrupt: start afresh */ }
    return blank();
  }
  function persist() {
    if (lms) return;
    try { window.localStorage.setItem(key, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }
  function save() {
    persist();
    report();
  }
  /* Inside a SCORM package the launch page (the parent frame) talks to the LMS. */
  function report() {
    if (lms) lms.report(state);
  }
  function all(selector, scope) { return Array.prototype.slice.call((scope || document).querySelectorAll(selector)); }
  function reveal(selector) { all(selector).forEach(function (el) { el.hidden = false; }); }
  function para(text, className) {
    var p = document.createElement("p");
    p.textContent = text;
    if (className) p.className = className;
    return p;
  }
  function countOf(map, ids) { return ids.filter(function (id) { return map[id]; }).length; }
  function isoToday() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }
  /* Same rule as ReiwaDate.swift: 令和 = year − 2018 from 2019-05-01; its first year is 元年. */
  function dateText(iso) {
    var p = iso.split("-").map(Number), y = p[0], m = p[1], d = p[2];
    var western = y + "年" + m + "月" + d + "日";
    if (y * 10000 + m * 100 + d < 20190501) return western;
    var r = y - 2018;
    return "令和" + (r === 1 ? "元" : r) + "年" + m + "月" + d + "日（" + western + "）";
  }

  reveal("[data-requires-script]");

  /* Content warning: shown until dismissed; without JavaScript it is a plain notice. */
  all("[data-content-warning]").forEach(function (notice) {
    if (state.warningDismissed) { notice.hidden = true; return; }
    var button = notice.querySelector("[data-dismiss-warning]");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      state.warningDismissed = true;
      save();
      notice.hidden = true;
      var heading = document.querySelector("h1");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    });
  });

  var kind = root.getAttribute("data-page-kind");
  var itemID = root.getAttribute("data-item-id");
  if (kind === "lesson" && itemID && !state.lessons[itemID]) { state.lessons[itemID] = true; save(); }

  function quizSummary() {
    if (!state.quiz || state.quiz.best == null) return words.none;
    return state.quiz.best + "%（" + (state.quiz.passed ? words.passed : words.notPassed) + "）";
  }

  function showStates() {
    all(".module-contents li").forEach(function (li) {
      var id = li.getAttribute("data-item-id"), out = li.querySelector("[data-item-state]"), text = "";
      if (!out) return;
      switch (li.getAttribute("data-item-kind")) {
        case "lesson": text = state.lessons[id] ? words.read : ""; break;
        case "scenario": text = state.scenarios[id] ? words.answered : ""; break;
        case "quiz": text = state.quiz && state.quiz.best != null ? "（" + quizSummary() + "）" : ""; break;
      }
      out.textContent = text;
    });
    var summary = document.querySelector("[data-progress-summary]");
    if (summary) {
      var list = document.createElement("ul");
      var rows = [[words.lessons, countOf(state.lessons, lessonIDs) + " / " + lessonIDs.length]];
      if (scenarioIDs.length) rows.push([words.scenarios, countOf(state.scenarios, scenarioIDs) + " / " + scenarioIDs.length]);
      if (hasQuiz) rows.push([words.best, quizSummary()]);
      rows.forEach(function (row) {
        var li = document.createElement("li");
        li.textContent = row[0] + ": " + row[1];
        list.appendChild(li);
      });
      summary.replaceChildren(list);
      reveal("[data-progress-note]");
      var reset = document.querySelector("[data-reset-progress]");
      if (reset && !reset.dataset.bound) {
        reset.dataset.bound = "true";
        reset.hidden = false;
        reset.addEventListener("click", function () {
          state = blank();
          if (!lms) { try { window.localStorage.removeItem(key); } catch (e) { /* nothing stored */ } }
          report(); /* the LMS keeps a recorded pass (runtime.js never lowers the status) */
          showStates();
          all("[data-content-warning]").forEach(function (n) { n.hidden = false; });
          var status = document.querySelector("[data-progress-status]");
          if (status) status.textContent = words.reset;
        });
      }
    }
  }

  /* Scenario: the feedback for the chosen response goes to a live region. */
  var scenarioForm = document.querySelector("[data-scenario-form]");
  if (scenarioForm) {
    var feedback = scenarioForm.querySelector("[data-feedback]");
    var showScenario = function (choiceID) {
      var input = all("input[name=choice]", scenarioForm).filter(function (i) { return i.value === choiceID; })[0];
      if (!input) return;
      input.checked = true;
      var good = input.getAttribute("data-correct") === "true";
      var explanation = document.querySelector('[data-feedback-for="' + CSS.escape(choiceID) + '"]');
      var head = para(good ? words.recommended : words.better, good ? "result--ok" : "result--no");
      var body = document.createElement("p");
      if (explanation) body.innerHTML = explanation.innerHTML; /* our own escaped HTML (ruby) */
      feedback.replaceChildren(head, body);
    };
    scenarioForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = scenarioForm.querySelector("input[name=choice]:checked");
      if (!chosen) { feedback.replaceChildren(para(words.chooseFirst)); return; }
      state.scenarios[itemID] = chosen.value;
      save();
      showScenario(chosen.value);
      showStates();
    });
    if (state.scenarios[itemID]) showScenario(state.scenarios[itemID]);
  }

  /* Quiz: every question all-or-nothing; score in % against the pass mark. */
  var quizForm = document.querySelector("[data-quiz-form]");
  if (quizForm) {
    var questions = all("fieldset[data-question]", quizForm);
    var scoreOut = quizForm.querySelector("[data-score]");
    var retry = quizForm.querySelector("[data-retry]");
    if (quizForm.getAttribute("data-shuffle") === "true") {
      questions.forEach(function (q) {
        if (q.getAttribute("data-kind") === "true-false") return;
        var list = q.querySelector(".choices"), items = all("li", list);
        for (var i = items.length - 1; i > 0; i--) {
          var j = Math.floor(Math.random() * (i + 1)), t = items[i]; items[i] = items[j]; items[j] = t;
        }
        items.forEach(function (li) { list.appendChild(li); });
      });
    }
    var chosenIn = function (q) {
      return all("input:checked", q).map(function (i) { return i.value; }).sort();
    };
    var correctIn = function (q) {
      return all("input[data-correct=true]", q).map(function (i) { return i.value; }).sort();
    };
    var grade = function (answers, announce) {
      var right = 0;
      questions.forEach(function (q) {
        var id = q.getAttribute("data-question"), chosen = answers[id] || [];
        all("input", q).forEach(function (i) { i.checked = chosen.indexOf(i.value) >= 0; });
        var ok = chosen.length > 0 && chosen.join(" ") === correctIn(q).join(" ");
        if (ok) right++;
        var out = q.querySelector("[data-result]");
        var parts = [para(chosen.length ? (ok ? words.correct : words.wrong) : words.wrong + "（" + words.unanswered + "）", ok ? "result--ok" : "result--no")];
        chosen.forEach(function (c) {
          var fb = q.querySelector('[data-feedback-for="' + CSS.escape(c) + '"]');
          if (fb) { var p = document.createElement("p"); p.innerHTML = fb.innerHTML; parts.push(p); }
        });
        out.replaceChildren.apply(out, parts);
        all(".choices > li", q).forEach(function (li) {
          var input = li.querySelector("input");
          li.classList.toggle("is-correct", input.getAttribute("data-correct") === "true");
        });
        var details = q.querySelector("details");
        if (details) details.open = true;
      });
      var score = questions.length ? Math.round((100 * right) / questions.length) : 0;
      var passed = score >= passMark;
      var best = state.quiz && state.quiz.best != null ? Math.max(state.quiz.best, score) : score;
      var text = (en ? "Score: " : "得点: ") + score + "%（" + right + " / " + questions.length + "）" +
        (en ? " — pass mark " : "　合格ライン ") + passMark + "% — " + (passed ? words.passed : words.notPassed);
      scoreOut.replaceChildren(para(text, passed ? "result--ok" : "result--no"),
        para((en ? "Best score: " : "最高点: ") + best + "%"));
      retry.hidden = false;
      if (!announce) return { score: score, passed: passed };
      state.quiz = {
        answers: answers, last: score, best: best,
        passed: (state.quiz && state.quiz.passed) || passed,
        passedAt: (state.quiz && state.quiz.passedAt) || (passed ? isoToday() : null),
        /* Set once the organiser's server acknowledged a passing completion (201). */
        collectedAt: (state.quiz && state.quiz.collectedAt) || null
      };
      save();
      showStates();
      return { score: score, passed: passed };
    };
    quizForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var answers = {};
      var answeredAny = false;
      questions.forEach(function (q) {
        var chosen = chosenIn(q);
        answers[q.getAttribute("data-question")] = chosen;
        if (chosen.length) answeredAny = true;
      });
      /* An empty submission is a slip, not an attempt: ask for answers, record nothing. */
      if (!answeredAny) {
        scoreOut.replaceChildren(para(words.answerFirst, "result--no"));
        var firstInput = quizForm.querySelector("input[type=radio], input[type=checkbox]");
        if (firstInput) firstInput.focus();
        return;
      }
      var result = grade(answers, true);
      collect(result);
    });
    retry.addEventListener("click", function () {
      questions.forEach(function (q) {
        all("input", q).forEach(function (i) { i.checked = false; });
        q.querySelector("[data-result]").replaceChildren();
        all(".choices > li", q).forEach(function (li) { li.classList.remove("is-correct"); });
        var details = q.querySelector("details");
        if (details) details.open = false;
      });
      scoreOut.replaceChildren();
      retry.hidden = true;
      var first = quizForm.querySelector("input");
      if (first) first.focus();
    });
    if (state.quiz && state.quiz.answers) grade(state.quiz.answers, false);

    /* Posted only when the site has a collection server and the module allows it. */
    var collect = function (result) {
      var url = quizForm.getAttribute("data-collect-url");
      if (!url || !window.fetch) return;
      var body = { score: result.score, passed: result.passed };
      var name = quizForm.querySelector("#participant-name");
      if (name && name.value.trim()) body.participant = name.value.trim();
      var outbox = window.KenshuOutbox;
      /* The server stored a passing completion: the certificate may say the organiser has it. */
      var acknowledged = function () {
        if (!result.passed || !state.quiz) return;
        state.quiz.collectedAt = state.quiz.collectedAt || isoToday();
        save();
      };
      var entry = outbox ? outbox.add(new URL(url, window.location.href).href, JSON.stringify(body), "completion", moduleID) : null;
      if (!entry) {
        window.fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
          .then(function (r) {
            if (r.ok) acknowledged();
            scoreOut.appendChild(para(r.ok ? words.sent : words.notSent));
          })
          .catch(function () { scoreOut.appendChild(para(words.notSent)); });
        return;
      }
      /* Through the outbox (outbox.js): kept and re-sent with one Idempotency-Key until acknowledged. */
      outbox.flush().then(function (outcomes) {
        var mine = outcomes.filter(function (o) { return o.key === entry.key; })[0] || { outcome: "pending" };
        if (mine.outcome === "rejected") outbox.remove(entry.key);
        if (mine.outcome === "sent") acknowledged();
        scoreOut.appendChild(para(mine.outcome === "sent" ? words.sent : mine.outcome === "pending" ? words.queued : words.notSent));
      });
    };
  }

  /* Certificate: the typed name and the date of passing go into the printable sheet. */
  var nameInput = document.querySelector("[data-certificate-name]");
  if (nameInput) {
    var nameOut = document.querySelector("[data-name-out]");
    var blankName = nameOut.textContent;
    nameInput.value = state.name || "";
    var showName = function () { nameOut.textContent = nameInput.value.trim() || blankName; };
    nameInput.addEventListener("input", function () {
      state.name = nameInput.value.trim();
      persist(); /* in an LMS the name stays in the launch page's memory, not in suspend_data */
      if (lms) lms.report(state);
      showName();
    });
    showName();
    var done = hasQuiz ? !!(state.quiz && state.quiz.passed) : countOf(state.lessons, lessonIDs) === lessonIDs.length;
    var status = document.querySelector("[data-certificate-status]");
    if (status) status.textContent = done ? words.certReady : words.certNotYet;
    var dateOut = document.querySelector("[data-date-out]");
    if (done && dateOut) dateOut.textContent = dateText((state.quiz && state.quiz.passedAt) || isoToday());
    /* Collected by the server: "verified by the organiser" replaces "self-declared". */
    var verified = done && !!(state.quiz && state.quiz.collectedAt);
    all("[data-verified]").forEach(function (e) { e.hidden = !verified; });
    if (verified) all("[data-self-declared]").forEach(function (e) { e.hidden = true; });
    var print = document.querySelector("[data-print]");
    if (print && done) {
      print.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }
  }

  showStates();
  report();
})();
