"""Headless Chromium check of offline use (issue 14): the site's service worker.

Runs `kenshu serve --collect` on a copy of the sample project (so that it can stop and
restart it on the same port and database):
1. over http (127.0.0.1 is a secure context) the module's start page registers sw.js; the
   worker keeps every page of the module, the images they show and the assets, in one cache
   named after the build (kenshu-VERSION); the survey link's ?t= never becomes a cache key;
2. server stopped: every page of the module — also those never opened — and the survey page
   are served from the cache, with their styles; the quiz still scores;
3. still offline, the survey form (opened from the cache: it cannot ask the server) is
   submitted: 送信待ち, not a download; the server is restarted: the outbox delivers it and the
   database holds it exactly once; nothing under api/ was cached;
4. a new build's worker (a changed sw.js) removes the earlier caches when it activates;
5. from file:// the site registers no worker and shows no error.

usage: offline_test.py KENSHU_BINARY PROJECT_DIR MODULE_ID SURVEY_ID
"""
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.common.by import By

from survey_filling import fill_every_item

kenshu, project, module_id, survey_id = sys.argv[1:5]
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
base = "http://127.0.0.1:%d/" % port
module_url = "%smodules/%s/index.html" % (base, module_id)
form_url = "%ssurveys/%s/index.html" % (base, survey_id)
log = open(os.path.join(project, "serve.log"), "ab")
server = None


def start_server():
    global server
    server = subprocess.Popen([kenshu, "serve", "--collect", "--no-watch", "--no-facilitator", "--port", str(port)],
                              cwd=project, stdout=log, stderr=log)
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(base + "api/health", timeout=1) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the collector did not start")


def stop_server():
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def wait_for(predicate, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.25)
    return predicate()


def cache_state(driver):
    """{cache name: [keys]} of this origin's Cache Storage."""
    return driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        caches.keys().then(function (names) {
          return Promise.all(names.map(function (name) {
            return caches.open(name).then(function (c) { return c.keys(); }).then(function (requests) {
              return [name, requests.map(function (r) { return r.url; })];
            });
          }));
        }).then(function (pairs) { var o = {}; pairs.forEach(function (p) { o[p[0]] = p[1]; }); done(o); },
                function (e) { done({error: String(e)}); });
    """)


def cache_names(driver):
    """The names in this origin's Cache Storage, read without opening any: caches.open on a
    name a worker is deleting would create that cache again."""
    return driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        caches.keys().then(done, function (e) { done(["error: " + String(e)]); });
    """)


def stored_count():
    out = os.path.join(project, "private", "offline-export.json")
    run = subprocess.run([kenshu, "responses", "export", survey_id, "--format", "json", "--out", out],
                         cwd=project, capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stderr)
        return -1
    return len(json.load(open(out, encoding="utf-8")))


def served(driver, url):
    """Opens url; true when the page (not the browser's error page) is shown with its styles."""
    try:
        driver.get(url)
    except Exception as error:  # noqa: BLE001 - a navigation error is the failure being checked
        print("     navigation failed: %s" % error)
        return False
    has_main = bool(driver.find_elements(By.ID, "main"))
    styled = driver.execute_script(
        "return Array.prototype.some.call(document.styleSheets, function (s) {"
        "  try { return /assets\\/kenshu\\.css$/.test(s.href || '') && s.cssRules.length > 0; }"
        "  catch (e) { return false; } })")
    return has_main and styled


options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,1200"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"))
driver.set_script_timeout(30)
start_server()
try:
    site = os.path.join(project, "site")
    worker = open(os.path.join(site, "sw.js"), encoding="utf-8").read()
    manifest = json.loads(re.search(r"var MANIFEST = (\{.*\});", worker).group(1))
    module_pages = [p for p in manifest["modules"][module_id] if p.endswith(".html")]
    check(len(module_pages) >= 4, "sw.js lists the module's pages: %s" % module_pages)

    # 1. Online: the module's start page registers the worker, which keeps the whole module.
    driver.get(module_url)
    registered = driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        navigator.serviceWorker.ready.then(function (r) { done(r.active ? r.active.scriptURL : null); },
                                           function (e) { done(String(e)); });
    """)
    check(registered == base + "sw.js", "the page registered sw.js: %s" % registered)
    wanted = [base + p for p in module_pages]
    wait_for(lambda: all(u in sum(cache_state(driver).values(), []) for u in wanted), 30)
    state = cache_state(driver)
    names = list(state.keys())
    check(len(names) == 1 and re.fullmatch(r"kenshu-[0-9a-f]{16}", names[0] or ""),
          "one cache, named after the build: %s" % names)
    kept = sum(state.values(), [])
    missing = [u for u in wanted if u not in kept]
    check(not missing, "every page of the module is kept once one is opened (missing %s)" % missing)
    check(base + "assets/module.css" in kept and base + "assets/kenshu.css" in kept, "the module's assets are kept")
    # The survey page, opened with an answer code in its link: kept, but never under its query.
    driver.get(form_url + "?t=SECRETCODE1234")
    wait_for(lambda: form_url in sum(cache_state(driver).values(), []), 15)
    kept = sum(cache_state(driver).values(), [])
    check(form_url in kept, "an opened survey page is kept")
    check(not any("SECRETCODE" in u or "?" in u for u in kept), "no cache key carries a query (the code): %s"
          % [u for u in kept if "?" in u])

    # 2. Offline: the server is stopped; every module page is served from the cache.
    stop_server()
    not_served = [u for u in wanted if not served(driver, u)]
    check(not not_served, "offline, every page of the module is served with its styles (failed: %s)" % not_served)
    driver.get(base + "modules/%s/" % module_id)
    check(bool(driver.find_elements(By.ID, "main")), "offline, the module's folder address serves its index")
    quiz = [u for u in wanted if u.endswith("/quiz.html")]
    if quiz:
        driver.get(quiz[0])
        check(bool(driver.find_elements(By.CSS_SELECTOR, "form, .quiz")), "offline, the quiz page is there to answer")

    # 3. The outbox still delivers: submitted offline (from the cached form), delivered after.
    check(served(driver, form_url), "offline, the survey form is served from the cache")
    fill_every_item(driver)
    driver.find_element(By.CSS_SELECTOR, "#survey-form button[type=submit]").click()
    status = driver.find_element(By.ID, "survey-result")
    wait_for(lambda: "送信待ち" in status.text, 20)
    check("送信待ち" in status.text, "offline, the answers wait in the outbox: %r" % status.text)
    start_server()
    delivered = wait_for(lambda: "送信" in status.text and "送信待ち" not in status.text, 90)
    check(delivered, "after the server is back the page says the answers were sent: %r" % status.text)
    wait_for(lambda: stored_count() >= 1, 20)
    check(stored_count() == 1, "stored exactly once (%d)" % stored_count())
    driver.get(base + "index.html")
    time.sleep(2)
    check(stored_count() == 1, "opening another page sends nothing again (%d)" % stored_count())
    kept = sum(cache_state(driver).values(), [])
    check(not any("/api/" in u for u in kept), "nothing of the API is cached")

    # 4. A new build's worker removes the earlier caches when it activates.
    old = cache_names(driver)
    with open(os.path.join(site, "sw.js"), "w", encoding="utf-8") as f:
        f.write(re.sub(r'var VERSION = "[0-9a-f]+";', 'var VERSION = "0123456789abcdef";', worker))
    driver.get(module_url)
    driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        navigator.serviceWorker.getRegistration().then(function (r) { return r.update(); })
          .then(function () { done(true); }, function (e) { done(String(e)); });
    """)
    # Names only while the workers change over (cache_names says why).
    wait_for(lambda: cache_names(driver) == ["kenshu-0123456789abcdef"], 30)
    check(cache_names(driver) == ["kenshu-0123456789abcdef"],
          "the new worker removed the old caches %s: %s" % (old, cache_names(driver)))
    with open(os.path.join(site, "sw.js"), "w", encoding="utf-8") as f:
        f.write(worker)

    # 5. file://: no worker, no error.
    driver.get("file://" + os.path.join(site, "modules", module_id, "index.html"))
    time.sleep(1)
    errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE" and "file://" in e.get("message", "")]
    check(driver.execute_script("return !navigator.serviceWorker || !navigator.serviceWorker.controller"),
          "from file:// no worker controls the page")
    check(not [e for e in errors if "sw.js" in e.get("message", "") or "offline.js" in e.get("message", "")],
          "from file:// the script reports no error: %s" % errors)
finally:
    driver.quit()
    if server and server.poll() is None:
        stop_server()

print("%d failed" % len(failures))
sys.exit(1 if failures else 0)
