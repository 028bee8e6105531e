"""Browser tests of a self-study module in headless Chromium (run by run-module-tests.sh).

usage: module_test.py SITE_DIR LMS_DIR MODULE_ID
  SITE_DIR  a built site (kenshu build)
  LMS_DIR   fake-lms/ files with the SCORM package unzipped into pkg/
Both folders are served over http://127.0.0.1 (never file://). Prints one line per check and
exits 1 when any fails."""
import functools, http.server, json, shutil, sys, threading
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from axe_selenium_python import Axe

site_dir, lms_dir, module_id = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f" — {detail}"))
    if not ok:
        failures.append(name)


def serve(folder):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def browser(script=True):
    opts = Options()
    if not script:
        opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    opts.binary_location = shutil.which("chromium")
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=ja",
              "--window-size=1280,900"):
        opts.add_argument(a)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=opts)


RULES = '{"runOnly":{"type":"tag","values":["wcag2a","wcag2aa","wcag21a","wcag21aa","wcag22aa"]}}'


def axe_violations(drv):
    axe = Axe(drv)
    axe.inject()
    return [f"{v['id']} ({len(v['nodes'])})" for v in axe.run(options=RULES)["violations"]]


def text(drv, css):
    return drv.find_element(By.CSS_SELECTOR, css).text


def wait_text(drv, css, needle, timeout=5):
    try:
        WebDriverWait(drv, timeout).until(lambda d: needle in d.find_element(By.CSS_SELECTOR, css).text)
        return True
    except Exception:
        return False


def answer_quiz(drv, wrong_question=None):
    """Answers every question correctly except `wrong_question` (its first wrong choice), using
    the keyboard for single-choice questions and clicks on labels for the others."""
    for fieldset in drv.find_elements(By.CSS_SELECTOR, "fieldset[data-question]"):
        qid = fieldset.get_attribute("data-question")
        inputs = fieldset.find_elements(By.CSS_SELECTOR, "input")
        wanted = [i for i in inputs if (i.get_attribute("data-correct") == "true") != (qid == wrong_question)]
        if qid == wrong_question:
            wanted = wanted[:1]
        for i in wanted:
            if i.get_attribute("type") == "radio":
                drv.execute_script("arguments[0].focus()", i)
                i.send_keys(Keys.SPACE)
            else:
                fieldset.find_element(By.CSS_SELECTOR, f"label[for='{i.get_attribute('id')}']").click()
    drv.find_element(By.CSS_SELECTOR, "[data-quiz-form] button[type=submit]").send_keys(Keys.ENTER)


def site_tests(drv, base):
    folder = f"{base}/modules/{module_id}"
    drv.get(f"{folder}/index.html")
    summary = text(drv, "[data-progress-summary]")
    check("overview shows empty progress", "0 / 6" in summary, summary)
    check("overview has the consultation desks", "相談窓口" in text(drv, ".consultation"))
    check("content warning shown first", drv.find_element(By.CSS_SELECTOR, "[data-content-warning]").is_displayed())
    drv.find_element(By.CSS_SELECTOR, "[data-dismiss-warning]").send_keys(Keys.ENTER)
    check("content warning dismissible", not drv.find_element(By.CSS_SELECTOR, "[data-content-warning]").is_displayed())
    check("overview: 0 axe violations", not (v := axe_violations(drv)), v)

    first_lesson = drv.find_element(By.CSS_SELECTOR, ".module-contents li[data-item-kind=lesson] a").get_attribute("href")
    drv.get(first_lesson)
    check("warning stays dismissed on other pages",
          not drv.find_element(By.CSS_SELECTOR, "[data-content-warning]").is_displayed())
    check("lesson marked read in the contents", "既読" in text(drv, ".module-contents li[data-item-kind=lesson]"))
    check("lesson: 0 axe violations", not (v := axe_violations(drv)), v)

    scenario = drv.find_element(By.CSS_SELECTOR, ".module-contents li[data-item-kind=scenario] a").get_attribute("href")
    drv.get(scenario)
    wrong = drv.find_element(By.CSS_SELECTOR, "[data-scenario-form] input:not([data-correct])")
    drv.execute_script("arguments[0].focus()", wrong)
    wrong.send_keys(Keys.SPACE)
    drv.find_element(By.CSS_SELECTOR, "[data-scenario-form] button[type=submit]").send_keys(Keys.ENTER)
    check("scenario: feedback for a weaker choice says so in words",
          wait_text(drv, "[data-feedback]", "より良い対応"), text(drv, "[data-feedback]"))
    check("scenario feedback is a live region",
          drv.find_element(By.CSS_SELECTOR, "[data-feedback]").get_attribute("role") == "status")
    check("scenario answered: 0 axe violations", not (v := axe_violations(drv)), v)

    drv.get(f"{folder}/quiz.html")
    questions = drv.find_elements(By.CSS_SELECTOR, "fieldset[data-question]")
    check("quiz has 10 questions", len(questions) == 10, len(questions))
    check("quiz: もう一度解く hidden before any attempt",
          not drv.find_element(By.CSS_SELECTOR, "[data-retry]").is_displayed())
    drv.find_element(By.CSS_SELECTOR, "[data-quiz-form] button[type=submit]").send_keys(Keys.ENTER)
    check("empty quiz asks for answers", wait_text(drv, "[data-score]", "まだ1問も回答していません"),
          text(drv, "[data-score]"))
    check("empty quiz is not scored", "得点" not in text(drv, "[data-score]")
          and not drv.find_element(By.CSS_SELECTOR, "[data-retry]").is_displayed()
          and all(not r.text for r in drv.find_elements(By.CSS_SELECTOR, "[data-result]")))
    drv.get(f"{folder}/index.html")
    check("empty quiz records no attempt", "未受験" in text(drv, "[data-progress-summary]"),
          text(drv, "[data-progress-summary]"))
    drv.get(f"{folder}/quiz.html")
    drv.set_window_size(360, 800)
    bad = drv.execute_script("""
      return Array.from(document.querySelectorAll('fieldset > legend')).filter(function (l) {
        var f = l.parentElement.getBoundingClientRect(), r = l.getBoundingClientRect();
        var top = parseFloat(getComputedStyle(l.parentElement).borderTopWidth);
        return r.top < f.top + top || r.left < f.left || r.right > f.right || l.scrollWidth > l.clientWidth + 1;
      }).map(function (l) { return l.textContent.slice(0, 20); });""")
    multi = drv.execute_script("""
      return Array.from(document.querySelectorAll('fieldset > legend')).filter(function (l) {
        return l.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(l).lineHeight); }).length;""")
    check("multi-line legends wrap inside their fieldsets (360 px wide)", multi > 0 and not bad, (multi, bad))
    drv.set_window_size(1280, 900)
    questions = drv.find_elements(By.CSS_SELECTOR, "fieldset[data-question]")
    answer_quiz(drv, wrong_question=questions[0].get_attribute("data-question"))
    check("quiz score 90% and passed", wait_text(drv, "[data-score]", "90%") and "合格" in text(drv, "[data-score]"),
          text(drv, "[data-score]"))
    check("per-question feedback in words",
          "不正解" in text(drv, "fieldset[data-question] [data-result]"))
    check("quiz answered: 0 axe violations", not (v := axe_violations(drv)), v)

    drv.refresh()
    check("after reload the score is still shown", wait_text(drv, "[data-score]", "90%"), text(drv, "[data-score]"))
    kept = drv.execute_script(
        "return Array.from(document.querySelectorAll('fieldset[data-question] input:checked')).length")
    check("after reload the answers are still checked", kept >= 10, kept)

    drv.get(f"{folder}/certificate.html")
    name = drv.find_element(By.CSS_SELECTOR, "[data-certificate-name]")
    name.send_keys("訪問 花子")
    check("certificate shows the typed name", text(drv, "[data-name-out]") == "訪問 花子", text(drv, "[data-name-out]"))
    date = text(drv, "[data-date-out]")
    check("certificate date in 令和 and Western form", date.startswith("令和") and "（20" in date, date)
    check("certificate is marked self-declared", "自己申告" in text(drv, ".certificate"))
    check("certificate print button shown after passing",
          drv.find_element(By.CSS_SELECTOR, "[data-print]").is_displayed())
    check("certificate: 0 axe violations", not (v := axe_violations(drv)), v)

    drv.get(f"{folder}/index.html")
    summary = text(drv, "[data-progress-summary]")
    check("overview shows kept progress", "1 / 6" in summary and "1 / 4" in summary and "90%" in summary, summary)
    drv.find_element(By.CSS_SELECTOR, "[data-reset-progress]").send_keys(Keys.ENTER)
    summary = text(drv, "[data-progress-summary]")
    check("reset clears the progress", "0 / 6" in summary and "未受験" in summary, summary)
    check("reset is announced", "消去" in drv.find_element(By.CSS_SELECTOR, "[data-progress-status]").get_attribute("textContent"))
    drv.refresh()
    check("reset survives a reload", "0 / 6" in text(drv, "[data-progress-summary]"))
    drv.get(f"{folder}/certificate.html")
    check("certificate: 印刷する hidden before the quiz is passed",
          not drv.find_element(By.CSS_SELECTOR, "[data-print]").is_displayed()
          and "まだ" in text(drv, "[data-certificate-status]"), text(drv, "[data-certificate-status]"))


def no_script_tests(base):
    """With JavaScript off every control that needs it is hidden, and the page says why."""
    plain = browser(script=False)
    try:
        folder = f"{base}/modules/{module_id}"
        for page, note in (("index.html", True), ("quiz.html", True), ("certificate.html", True)):
            plain.get(f"{folder}/{page}")
            shown = [b.text for b in plain.find_elements(By.CSS_SELECTOR, "button") if b.is_displayed()]
            check(f"no script, {page}: no button shown", not shown, shown)
            notes = [n.text for n in plain.find_elements(By.CSS_SELECTOR, "[data-noscript-note]") if n.is_displayed()]
            check(f"no script, {page}: a line says why", bool(notes) == note, notes)
        scenario = plain.find_element(By.CSS_SELECTOR, ".module-contents li[data-item-kind=scenario] a").get_attribute("href")
        plain.get(scenario)
        shown = [b.text for b in plain.find_elements(By.CSS_SELECTOR, "button") if b.is_displayed()]
        check("no script, scenario: no 回答する button", not shown, shown)
        check("no script, scenario: a line says why", any(
            "回答には JavaScript" in n.text for n in plain.find_elements(By.CSS_SELECTOR, "[data-noscript-note]")))
    finally:
        plain.quit()


def scorm_tests(drv, base):
    drv.get(f"{base}/lms.html")
    WebDriverWait(drv, 5).until(lambda d: d.execute_script("return window.calls.length > 0"))
    drv.switch_to.frame("sco")
    check("launch page reports the LMS connection", wait_text(drv, "#lms-status", "接続"), text(drv, "#lms-status"))
    drv.switch_to.frame("module-frame")
    WebDriverWait(drv, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#module"))
    drv.execute_script("location.href = 'quiz.html'")
    WebDriverWait(drv, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-quiz-form]"))
    answer_quiz(drv)
    wait_text(drv, "[data-score]", "100%")
    drv.switch_to.default_content()
    drv.execute_script("document.getElementById('sco').remove()")
    calls = drv.execute_script("return window.calls")
    cmi = drv.execute_script("return window.cmi")
    names = [c[0] for c in calls]
    check("LMSInitialize(\"\") first", calls[0] == ["LMSInitialize", "", "true"], calls[:1])
    check("status set to incomplete on start",
          ["LMSSetValue", "cmi.core.lesson_status", "incomplete", "true"] in calls, calls[:6])
    check("score min/max/raw set", all(["LMSSetValue", k, v, "true"] in calls for k, v in
          (("cmi.core.score.min", "0"), ("cmi.core.score.max", "100"), ("cmi.core.score.raw", "100")))
          , [c for c in calls if "score" in str(c)])
    check("status passed after the quiz", cmi.get("cmi.core.lesson_status") == "passed", cmi)
    incomplete = calls.index(["LMSSetValue", "cmi.core.lesson_status", "incomplete", "true"])
    passed = calls.index(["LMSSetValue", "cmi.core.lesson_status", "passed", "true"])
    check("incomplete comes before passed", incomplete < passed)
    check("committed after passing", "LMSCommit" in names[passed:])
    check("suspend_data ≤ 4096 characters and compact JSON (v2, best score first in q)",
          0 < len(cmi.get("cmi.suspend_data", "")) <= 4096 and json.loads(cmi["cmi.suspend_data"])["q"][0] == 100)
    check("LMSFinish(\"\") last, once, on unload", calls[-1] == ["LMSFinish", "", "true"] and names.count("LMSFinish") == 1,
          calls[-3:])
    check("session time set before finishing", any(c[:2] == ["LMSSetValue", "cmi.core.session_time"] for c in calls))
    check("every call's argument list is strings", all(isinstance(a, str) for c in calls for a in c))
    print("SCORM call sequence:", " ".join(f"{c[0]}({','.join(c[1:-1])})" for c in calls))

    drv.get(f"{base}/pkg/scorm.html")
    check("standalone: no LMS found is said", wait_text(drv, "#lms-status", "見つかりません"), text(drv, "#lms-status"))
    drv.switch_to.frame("module-frame")
    check("standalone: the module opens", bool(WebDriverWait(drv, 5).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#module"))))
    drv.switch_to.default_content()
    check("launch page: 0 axe violations", not (v := axe_violations(drv)), v)


def open_lms(drv, base, learner, course):
    """Launches the package in the fake LMS as `learner` in `course`; leaves the driver in the
    module's frame."""
    drv.switch_to.default_content()
    drv.get(f"{base}/lms.html?learner={learner}&course={course}")
    WebDriverWait(drv, 5).until(lambda d: d.execute_script("return window.calls.length > 0"))
    drv.switch_to.frame("sco")
    wait_text(drv, "#lms-status", "接続")
    drv.switch_to.frame("module-frame")
    WebDriverWait(drv, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-progress-summary] li"))


def close_lms(drv):
    """Ends the LMS session (the SCO frame goes away) and returns the LMS's data model."""
    drv.switch_to.default_content()
    drv.execute_script("document.getElementById('sco').remove()")
    return drv.execute_script("return window.cmi"), drv.execute_script("return window.calls")


def in_module_frame(drv, page):
    drv.execute_script("location.href = arguments[0]", page)
    WebDriverWait(drv, 5).until(lambda d: d.execute_script("return document.readyState") == "complete"
                                and d.find_elements(By.CSS_SELECTOR, "#module"))


def scorm_learner_tests(drv, base):
    """Two learners (and two courses) on one browser profile: each LMS gets its learner's own
    status, restored from suspend_data; a reset after passing keeps the pass (issue 14)."""
    # Someone passed the module outside any LMS in this browser: progress in localStorage.
    drv.get(f"{base}/pkg/scorm.html")
    drv.switch_to.frame("module-frame")
    WebDriverWait(drv, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#module"))
    in_module_frame(drv, "quiz.html")
    answer_quiz(drv)
    check("standalone pass stored in the browser", wait_text(drv, "[data-score]", "100%"))
    standalone = drv.execute_script("return localStorage.getItem('kenshu.module.' + arguments[0])", module_id)
    drv.switch_to.default_content()

    # Learner A passes in course 1.
    open_lms(drv, base, "A", "c1")
    check("learner A starts with no progress (nothing from the browser's storage)",
          "未受験" in text(drv, "[data-progress-summary]"), text(drv, "[data-progress-summary]"))
    lessons = [a.get_attribute("href") for a in drv.find_elements(By.CSS_SELECTOR, ".module-contents li[data-item-kind=lesson] a")]
    for lesson in lessons:
        in_module_frame(drv, lesson)
    in_module_frame(drv, "quiz.html")
    answer_quiz(drv)
    wait_text(drv, "[data-score]", "100%")
    cmi_a, _ = close_lms(drv)
    check("A: passed with 100", cmi_a.get("cmi.core.lesson_status") == "passed" and cmi_a.get("cmi.core.score.raw") == "100", cmi_a)
    data = cmi_a.get("cmi.suspend_data", "")
    check("A: suspend_data of the whole module read and answered is compact: %d characters" % len(data),
          0 < len(data) <= 1024, data)

    # Learner B, same browser, same course: opens one lesson only.
    open_lms(drv, base, "B", "c1")
    check("learner B does not see A's progress", "未受験" in text(drv, "[data-progress-summary]")
          and "0 / " in text(drv, "[data-progress-summary]"), text(drv, "[data-progress-summary]"))
    in_module_frame(drv, lessons[0])
    cmi_b, calls_b = close_lms(drv)
    check("B: reported incomplete, no score", cmi_b.get("cmi.core.lesson_status") == "incomplete"
          and not cmi_b.get("cmi.core.score.raw")
          and not any(c[:2] == ["LMSSetValue", "cmi.core.score.raw"] for c in calls_b), cmi_b)
    saved_b = json.loads(cmi_b.get("cmi.suspend_data") or "{}")
    check("B: suspend_data holds B's one lesson and no quiz", saved_b.get("l") == "1" and "q" not in saved_b, saved_b)

    # Learner A in another course using the same module.
    open_lms(drv, base, "A", "c2")
    check("A in course 2 starts afresh", "未受験" in text(drv, "[data-progress-summary]"), text(drv, "[data-progress-summary]"))
    cmi_a2, _ = close_lms(drv)
    check("A in course 2: incomplete, no score", cmi_a2.get("cmi.core.lesson_status") == "incomplete"
          and not cmi_a2.get("cmi.core.score.raw"), cmi_a2)

    # A comes back to course 1: restored from suspend_data; a reset keeps the pass.
    open_lms(drv, base, "A", "c1")
    summary = text(drv, "[data-progress-summary]")
    check("A's progress is restored from the LMS", "100%" in summary and "合格" in summary
          and "%d / %d" % (len(lessons), len(lessons)) in summary, summary)
    drv.find_element(By.CSS_SELECTOR, "[data-reset-progress]").send_keys(Keys.ENTER)
    check("reset inside the LMS clears the shown progress", "未受験" in text(drv, "[data-progress-summary]"))
    cmi_a3, calls_a3 = close_lms(drv)
    check("reset after passing does not downgrade the LMS record",
          cmi_a3.get("cmi.core.lesson_status") == "passed" and cmi_a3.get("cmi.core.score.raw") == "100"
          and not any(c[:3] in (["LMSSetValue", "cmi.core.lesson_status", "incomplete"],
                                ["LMSSetValue", "cmi.core.lesson_status", "failed"]) for c in calls_a3), cmi_a3)

    # Another learner's suspend_data handed over by the LMS is not restored.
    drv.get(f"{base}/lms.js")  # a page of the LMS's origin without a running SCO
    drv.execute_script("localStorage.setItem('fake-lms:c1:C', JSON.stringify({'cmi.core.lesson_status': 'incomplete', "
                       "'cmi.suspend_data': arguments[0]}))", data)
    open_lms(drv, base, "C", "c1")
    check("suspend_data tagged for another learner is ignored", "未受験" in text(drv, "[data-progress-summary]"),
          text(drv, "[data-progress-summary]"))
    close_lms(drv)
    check("the LMS sessions left the browser's own progress alone",
          drv.execute_script("return localStorage.getItem('kenshu.module.' + arguments[0])", module_id) == standalone)

    # Room to spare: 40 lessons, 40 scenarios and 40 multiple-answer questions with long ids.
    drv.get(f"{base}/pkg/scorm.html")
    size = drv.execute_script("""
      var codec = window.KenshuSCORM.codec, shape = {lessons: [], scenarios: [], questions: []};
      var state = {v: 1, lessons: {}, scenarios: {}, quiz: {answers: {}, best: 85, last: 85, passed: true, passedAt: '2026-06-01'}, warningDismissed: true};
      for (var i = 1; i <= 40; i++) {
        var n = String(i).padStart(2, '0');
        shape.lessons.push('lesson-' + n + '-communication-with-families');
        shape.scenarios.push('scenario-' + n + '-night-visit');
        shape.questions.push('question-' + n + '-care-plan');
        state.lessons['lesson-' + n + '-communication-with-families'] = true;
        state.scenarios['scenario-' + n + '-night-visit'] = 'response-' + n + '-c';
        state.quiz.answers['question-' + n + '-care-plan'] = ['choice-' + n + '-b', 'choice-' + n + '-d'];
      }
      var text = codec.encode(state, shape, codec.tag('learner-0001'));
      var back = codec.decode(text, shape, codec.tag('learner-0001'));
      return [text.length, JSON.stringify(back), JSON.stringify(state)];""")
    check("40 lessons + 40 scenarios + 40 questions: %d characters of 4096, round trip exact" % size[0],
          size[0] <= 2048 and json.loads(size[1]) == json.loads(size[2]), size)


site_server, site_base = serve(site_dir)
lms_server, lms_base = serve(lms_dir)
drv = browser()
try:
    site_tests(drv, site_base)
    no_script_tests(site_base)
    scorm_tests(drv, lms_base)
    scorm_learner_tests(drv, lms_base)
finally:
    drv.quit()
    site_server.shutdown()
    lms_server.shutdown()
print(f"{len(failures)} failed" if failures else "all module browser checks passed")
sys.exit(1 if failures else 0)
