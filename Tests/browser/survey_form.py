"""Headless Chromium check of a built survey form (issue 6).

Fills the sample survey's form the way a participant would, submits it, and checks that
- submitting with required questions unanswered shows announced errors (role=alert, focused,
  fields marked aria-invalid) instead of saving;
- after a valid submit without a collector, localStorage holds the answers under kenshu.survey.ID;
- with a collector, the post carries an Idempotency-Key, nothing stays on the device after it,
  and a failed post waits in the outbox and is re-sent with the same key;
- the downloaded CSV row is read by `kenshu evaluate` with every row used and no value excluded.

usage: survey_form.py SITE_DIR SURVEY_ID KENSHU_BINARY PROJECT_DIR WORK_DIR
"""
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
import time

from selenium import webdriver
from selenium.webdriver.common.by import By

from survey_filling import fill_every_item

site, survey_id, kenshu, project, work = sys.argv[1:6]
downloads = os.path.join(work, "downloads")
os.makedirs(downloads, exist_ok=True)
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


# A stand-in for `kenshu serve --collect` on the same origin: off (a static host, /api/health
# is 404), "ok" (answers health and stores posts with 201) or "fail" (health answers, posts
# get 500).
collector = {"mode": "off", "posts": [], "keys": [], "stored": []}


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/api/health" and collector["mode"] != "off":
            return self.reply(200, {"status": "ok"})
        return super().do_GET()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if collector["mode"] == "ok" and self.path == "/api/surveys/%s/responses" % survey_id:
            key = self.headers.get("Idempotency-Key")
            collector["keys"].append(key)
            known = [i for i, k in enumerate(collector["stored"]) if k == key]
            if known:  # the real server's replay: same answer, nothing stored
                return self.reply(201, {"id": str(known[0] + 1)})
            collector["stored"].append(key)
            collector["posts"].append((self.headers.get("Content-Type"), json.loads(body)))
            return self.reply(201, {"id": str(len(collector["posts"]))})
        collector["keys"].append(self.headers.get("Idempotency-Key"))
        return self.reply(500, {"error": "internal", "message": "test failure"})


handler = functools.partial(Handler, directory=site)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = "http://127.0.0.1:%d/surveys/%s/index.html" % (server.server_address[1], survey_id)

options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,1200"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
options.add_experimental_option("prefs", {
    "download.default_directory": downloads, "download.prompt_for_download": False,
})
service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver")
driver = webdriver.Chrome(options=options, service=service)
try:
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    driver.get(url)
    button = driver.find_element(By.CSS_SELECTOR, "#survey-form button[type=submit]")
    check(button.is_enabled(), "survey.js enables the submit button")

    # 1. Nothing answered: errors, announced and focused; nothing stored.
    button.click()
    errors = driver.find_element(By.ID, "survey-errors")
    check(errors.is_displayed() and errors.get_attribute("role") == "alert", "error summary shown with role=alert")
    check(driver.switch_to.active_element == errors, "focus moves to the error summary")
    invalid = driver.find_elements(By.CSS_SELECTOR, "[data-required=true] [aria-invalid=true]")
    check(len(invalid) > 0, "required fields are marked aria-invalid")
    stored = driver.execute_script("return localStorage.getItem('kenshu.survey.' + arguments[0])", survey_id)
    check(stored is None, "nothing is stored while answers are invalid")

    # 2. Answer everything, keyboard-free but through the labels a user clicks.
    driver.find_element(By.ID, "participant").send_keys("web-0001")
    expected = fill_every_item(driver)
    button.click()
    result = driver.find_element(By.ID, "survey-result")
    deadline = time.time() + 10
    while time.time() < deadline and not driver.find_elements(By.ID, "survey-download-csv"):
        time.sleep(0.2)
    check(not errors.is_displayed(), "no errors after answering everything")
    check("保存しました" in result.text, "status announces that the answers were saved: %r" % result.text)

    stored = json.loads(driver.execute_script(
        "return localStorage.getItem('kenshu.survey.' + arguments[0])", survey_id) or "[]")
    check(len(stored) == 1 and stored[0]["participant"] == "web-0001", "localStorage holds one response")
    answers = stored[0]["answers"] if stored else {}
    for column, value in expected.items():
        check(str(answers.get(column)) == value, "localStorage %s = %s (got %r)" % (column, value, answers.get(column)))

    driver.find_element(By.ID, "survey-download-csv").click()
    driver.find_element(By.ID, "survey-download-json").click()
    deadline = time.time() + 10
    csv_files = []
    while time.time() < deadline:
        names = os.listdir(downloads)
        csv_files = [n for n in names if n.endswith(".csv")]
        if csv_files and any(n.endswith(".json") for n in names) and not any(n.endswith(".crdownload") for n in names):
            break
        time.sleep(0.2)
    check(len(csv_files) == 1, "a CSV file was downloaded: %s" % os.listdir(downloads))
    driver.find_element(By.ID, "survey-clear").click()
    stored = driver.execute_script("return localStorage.getItem('kenshu.survey.' + arguments[0])", survey_id)
    check(stored is None, "the clear button removes the answers saved on this device")
    check("消去しました" in driver.find_element(By.ID, "survey-result").text, "clearing is announced")

    # 3. Served by a collector on the same origin: the answers are posted, success announced.
    def answer_required_and_submit(participant):
        driver.get(url)
        driver.find_element(By.ID, "participant").send_keys(participant)
        for item in driver.find_elements(By.CSS_SELECTOR, "[data-required=true]"):
            for group in item.find_elements(By.CSS_SELECTOR, "[data-group]"):
                radio = group.find_element(By.CSS_SELECTOR, "input[type=radio]")
                driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", radio)
                driver.find_element(By.CSS_SELECTOR, "label[for='%s']" % radio.get_attribute("id")).click()
        driver.find_element(By.CSS_SELECTOR, "#survey-form button[type=submit]").click()
        status = driver.find_element(By.ID, "survey-result")
        deadline = time.time() + 10
        while time.time() < deadline and ("…" in status.text or not status.text):
            time.sleep(0.2)
        return status.text

    collector["mode"] = "ok"
    text = answer_required_and_submit("web-0002")
    check("送信しました" in text, "status announces the answers were sent: %r" % text)
    check(len(collector["posts"]) == 1, "the collector received one post")
    if collector["posts"]:
        content_type, body = collector["posts"][0]
        check(content_type == "application/json", "posted as application/json")
        check(body.get("participant") == "web-0002" and isinstance(body.get("answers"), dict),
              "posted {participant, answers}")
        numbers = [v for k, v in body["answers"].items() if isinstance(v, (int, float))]
        check(len(numbers) > 0, "Likert answers are posted as numbers: %s" % body["answers"])
    check(not driver.find_elements(By.ID, "survey-download-csv"), "no download offered after sending")
    check(len(collector["keys"]) == 1 and collector["keys"][0] and collector["keys"][0].startswith('"'),
          "the post carries an Idempotency-Key (a structured-field string): %s" % collector["keys"])
    # Only the note that this origin is a collector stays ("1": no answers, no one's id), so a
    # form opened offline from the service worker's cache queues instead of offering a file.
    left = driver.execute_script(
        "return Object.keys(localStorage).filter(function (k) { return k.indexOf('kenshu.') === 0"
        " && !(k === 'kenshu.collector' && localStorage.getItem(k) === '1'); })")
    check(left == [], "nothing of the answers is left on the device after sending: %s" % left)

    # 4. The collector fails (500): the answers wait in the outbox, the file is the last resort,
    #    and once the collector answers again the page's timer sends them with the same key.
    collector["mode"] = "fail"  # /api/health still answers; the post gets 500
    text = answer_required_and_submit("web-0003")
    check("送信待ち" in text, "status says the answers wait to be sent: %r" % text)
    check(driver.find_element(By.ID, "survey-download-csv").is_displayed(), "download offered as a last resort")
    queued = json.loads(driver.execute_script("return localStorage.getItem('kenshu.outbox')") or "[]")
    check(len(queued) == 1, "the outbox holds the submission")
    collector["mode"] = "ok"
    status = driver.find_element(By.ID, "survey-result")
    deadline = time.time() + 40
    while time.time() < deadline and "送信しました" not in status.text:
        time.sleep(0.25)
    check("送信しました" in status.text, "the timer re-sends and the status says sent: %r" % status.text)
    keys = collector["keys"][1:]
    check(len(keys) >= 2 and len(set(keys)) == 1, "every attempt carried the same key: %s" % keys)
    check(len(collector["posts"]) == 2, "stored once more, not per attempt")
finally:
    driver.quit()
    server.shutdown()

if csv_files:
    path = os.path.join(downloads, csv_files[0])
    raw = open(path, "rb").read()
    check(raw.startswith(b"\xef\xbb\xbf"), "CSV starts with a UTF-8 BOM")
    header = raw.decode("utf-8-sig").split("\r\n")[0]
    template = subprocess.run([kenshu, "survey", "template", survey_id], cwd=project, capture_output=True)
    check(template.returncode == 0 and template.stdout.decode("utf-8-sig").splitlines()[0] == header,
          "CSV header equals `kenshu survey template`")
    out = os.path.join(work, "evaluation")
    run = subprocess.run([kenshu, "evaluate", "--survey", survey_id, "--responses", path, "--out", out],
                         cwd=project, capture_output=True, text=True)
    print(run.stderr.strip())
    check(run.returncode == 0, "kenshu evaluate exits 0")
    summary = json.load(open(os.path.join(out, "summary.json"))) if run.returncode == 0 else {}
    files = summary.get("responses", {}).get("files", [{}])
    check(summary.get("responses", {}).get("used") == 1, "kenshu evaluate used the row")
    check(files[0].get("format") == "kenshu", "read as Kenshu's own format")
    check(files[0].get("excludedValues") == 0 and not files[0].get("rejected"), "no value excluded, no row rejected")
    check("evaluation-value" not in run.stderr and "unmatched" not in run.stderr, "no value or column warnings")
    items = {i["id"]: i for i in summary.get("items", [])}
    check(all(i["n"] == 1 for i in items.values()), "every item has its answer: %s" %
          [k for k, i in items.items() if i["n"] != 1])

print("%d failed" % len(failures))
sys.exit(1 if failures else 0)
