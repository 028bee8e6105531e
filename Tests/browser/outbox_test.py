"""Headless Chromium check of the survey outbox (issue 14) against the real collector.

The test runs `kenshu serve --collect` itself so that it can stop and restart it on the same
port and database:
1. a draft is kept while typing and restored on reload;
2. server stopped, the form submitted: "送信待ち", the answers in the outbox, the form emptied;
   server restarted, the browser opens another page of the site (the home page): the outbox
   sends them, the page says so, and the database holds them once;
3. server stopped, submitted, restarted with the page left open: the outbox's timer delivers
   them and the form's status turns to "送信しました";
4. a lost acknowledgement: the delivered entry (same Idempotency-Key, same bytes) is put back
   into the outbox and a page opened: the server replays its answer, nothing is stored again;
5. afterwards nothing of the answers is left in localStorage (shared PCs);
6. tokens: `roster tokens --slips` writes each person's link; without a code the form asks for
   one; the slip's link fills in the participant and code and leaves the address bar at once;
   the code is in no storage but the tab's; a used code is refused; a typed code is accepted.

usage: outbox_test.py KENSHU_BINARY PROJECT_DIR SURVEY_ID
"""
import csv
import html
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

kenshu, project, survey_id = sys.argv[1:4]
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
base = "http://127.0.0.1:%d/" % port
form_url = "%ssurveys/%s/index.html" % (base, survey_id)
log = open(os.path.join(project, "serve.log"), "ab")
server = None


def start_server():
    global server
    server = subprocess.Popen([kenshu, "serve", "--collect", "--no-watch", "--no-facilitator", "--port", str(port)],
                              cwd=project, stdout=log, stderr=log)
    deadline = time.time() + 60
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


def stored_participants():
    out = os.path.join(project, "private", "outbox-export.json")
    run = subprocess.run([kenshu, "responses", "export", survey_id, "--format", "json", "--out", out],
                         cwd=project, capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stderr)
        return []
    return [row["participant"] for row in json.load(open(out, encoding="utf-8"))]


def outbox(driver):
    return json.loads(driver.execute_script("return localStorage.getItem('kenshu.outbox')") or "[]")


def wait_for(predicate, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.25)
    return predicate()


def submit(driver):
    driver.find_element(By.CSS_SELECTOR, "#survey-form button[type=submit]").click()
    status = driver.find_element(By.ID, "survey-result")
    wait_for(lambda: status.text and "…" not in status.text, 15)
    return status.text


options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,1200"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"))
start_server()
try:
    # 1. The draft survives a reload.
    driver.get(form_url)
    driver.find_element(By.ID, "participant").send_keys("outbox-1")
    fill_every_item(driver)
    driver.refresh()
    # The draft keeps the answers but never whose they are (shared PCs): the id is typed again.
    check(driver.find_element(By.ID, "participant").get_attribute("value") == "",
          "the draft does not keep the participant id")
    draft = driver.execute_script("return localStorage.getItem(arguments[0])", "kenshu.draft." + survey_id) or ""
    check("outbox-1" not in draft, "the participant id is not stored in the draft")
    restored = driver.execute_script(
        "return document.querySelectorAll('#survey-form input:checked').length")
    check(restored > 0, "the draft restores the chosen answers (%d checked)" % restored)
    driver.find_element(By.ID, "participant").send_keys("outbox-1")
    # A draft older than a day is someone else's: dropped, not restored.
    driver.execute_script(
        "var k = arguments[0], d = JSON.parse(localStorage.getItem(k)); d.savedAt = Date.now() - 25 * 3600e3;"
        " localStorage.setItem(k, JSON.stringify(d));", "kenshu.draft." + survey_id)
    driver.refresh()
    check(driver.execute_script("return document.querySelectorAll('#survey-form input:checked').length") == 0
          and driver.execute_script("return localStorage.getItem(arguments[0])", "kenshu.draft." + survey_id) is None,
          "a draft older than a day is dropped")
    fill_every_item(driver)
    driver.find_element(By.ID, "participant").send_keys("outbox-1")

    # 2. Server stopped; submitted; restarted; another page of the site opened.
    stop_server()
    text = submit(driver)
    check("送信待ち" in text, "the form says the answers wait to be sent: %r" % text)
    entries = outbox(driver)
    check(len(entries) == 1 and entries[0].get("key") and entries[0].get("target") == survey_id,
          "the outbox holds the submission with its key")
    first_entry = entries[0] if entries else {}
    check(driver.execute_script("return localStorage.getItem(arguments[0])", "kenshu.draft." + survey_id) is None,
          "the draft is gone once the answers are queued")
    check(driver.find_element(By.ID, "participant").get_attribute("value") == "",
          "the form is emptied for the next person")
    driver.get("about:blank")
    start_server()
    driver.get(base + "index.html")
    banner = None
    if wait_for(lambda: driver.find_elements(By.ID, "outbox-status"), 15):
        banner = driver.find_element(By.ID, "outbox-status")
    check(banner is not None and "送信しました" in banner.text,
          "the home page sends the waiting answers and says so: %r" % (banner.text if banner else None))
    check(wait_for(lambda: outbox(driver) == [], 5), "the outbox is empty after delivery")
    check(stored_participants().count("outbox-1") == 1, "the collector stored the offline answers once")

    # 3. Stopped, submitted, restarted with the page open: the timer delivers.
    driver.get(form_url)
    driver.find_element(By.ID, "participant").send_keys("outbox-2")
    fill_every_item(driver)
    stop_server()
    text = submit(driver)
    check("送信待ち" in text, "second submission waits: %r" % text)
    check(driver.find_element(By.ID, "survey-download-csv").is_displayed(),
          "the file download is still offered as the last resort")
    start_server()
    status = driver.find_element(By.ID, "survey-result")
    check(wait_for(lambda: "送信しました" in status.text, 45),
          "the open page re-sends on its timer and says so: %r" % status.text)
    check(not driver.find_elements(By.ID, "survey-download-csv"), "no download once delivered")
    check(outbox(driver) == [], "the outbox is empty again")

    # 4. A lost 201: the same entry resent (same key, same body) is replayed, not stored again.
    driver.execute_script("localStorage.setItem('kenshu.outbox', JSON.stringify([arguments[0]]))", first_entry)
    driver.get(base + "glossary/index.html")
    check(wait_for(lambda: outbox(driver) == [], 15), "the resent entry is acknowledged (replayed)")
    participants = stored_participants()
    check(participants.count("outbox-1") == 1 and participants.count("outbox-2") == 1 and len(participants) == 2,
          "each submission is stored exactly once: %s" % participants)

    # 4b. Shared PCs: another tab's (another person's) refused answers are never shown or offered
    # as a file to whoever opens the form next, and refused answers older than a day are removed.
    foreign = dict(first_entry, key="00000000-0000-4000-8000-000000000001", owner="another-tab",
                   state="rejected", status=422, error="invalid")
    stale = dict(foreign, key="00000000-0000-4000-8000-000000000002", owner="",
                 queuedAt="2000-01-01T00:00:00.000Z")
    driver.execute_script("localStorage.setItem('kenshu.outbox', JSON.stringify(arguments[0]))", [foreign, stale])
    driver.get(form_url)
    time.sleep(1)
    check(not driver.find_elements(By.ID, "survey-download-csv"),
          "another tab's refused answers are not offered as a file")
    check("outbox-1" not in driver.find_element(By.ID, "survey-result").text,
          "another tab's answers are not shown")
    keys_left = [e.get("key") for e in outbox(driver)]
    check(keys_left == [foreign["key"]], "a refused entry older than a day is removed: %s" % keys_left)
    driver.execute_script("localStorage.removeItem('kenshu.outbox')")

    # 5. Nothing personal lingers on the device.
    keys = driver.execute_script("return Object.keys(localStorage)")
    left = [k for k in keys if k.startswith("kenshu.outbox") or k.startswith("kenshu.draft") or k.startswith("kenshu.survey")]
    check(left == [], "no answers left in localStorage after delivery: %s" % left)

    # 6. Tokens: the survey now has one-time tokens; slips carry each person's link.
    run = subprocess.run([kenshu, "roster", "tokens", "local-2026", "--survey", survey_id, "--slips",
                          "--site-url", base], cwd=project, capture_output=True, text=True)
    check(run.returncode == 0, "roster tokens --slips exits 0: %s" % run.stderr.strip()[-300:])
    with open(os.path.join(project, "private", "tokens-%s.csv" % survey_id), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))[1:]
    slips = open(os.path.join(project, "private", "token-slips-%s.html" % survey_id), encoding="utf-8").read()
    first_link = html.unescape(re.search(r'<p class="link">([^<]+)</p>', slips).group(1))
    check(first_link == "%ssurveys/%s/?t=%s" % (base, survey_id, rows[0][3]),
          "the first slip links to the form with its token alone: %s" % first_link)

    driver.get(form_url)
    driver.find_element(By.ID, "participant").send_keys("no-token")
    fill_every_item(driver)
    text = submit(driver)
    check("回答コードが必要" in text, "without a code the form asks for one: %r" % text)
    check(driver.find_element(By.ID, "survey-code").get_attribute("open") is not None, "the code field is opened")
    check(outbox(driver) == [], "a refused submission is not left in the outbox")

    driver.get(first_link)
    check("t=" not in driver.current_url and "p=" not in driver.current_url,
          "the token is removed from the address bar: %s" % driver.current_url)
    check(driver.find_element(By.ID, "answer-code").get_attribute("value") == rows[0][3]
          and driver.find_element(By.ID, "participant").get_attribute("value") == "",
          "the link fills in the code (and names nobody)")
    fill_every_item(driver)
    stored_local = driver.execute_script(
        "return Object.keys(localStorage).map(function (k) { return localStorage.getItem(k); }).join(' ')")
    check(rows[0][3] not in stored_local, "the token is not in the draft or anywhere in localStorage")
    text = submit(driver)
    check("送信しました" in text, "the answers with the link's code are sent: %r" % text)
    check(driver.execute_script("return sessionStorage.getItem(arguments[0])", "kenshu.token." + survey_id) is None,
          "the code is forgotten after delivery")

    driver.get(first_link)
    fill_every_item(driver)
    text = submit(driver)
    check("すでに使われています" in text, "the same code again is refused as used: %r" % text)

    # A typed code, with hyphens, as read off the slip, by the next person.
    check(driver.execute_script("return localStorage.getItem(arguments[0])", "kenshu.draft." + survey_id) is None,
          "a used code empties the form: nothing of it is kept")
    driver.get(form_url)
    fill_every_item(driver)
    check(driver.find_element(By.ID, "answer-code").get_attribute("value") == "",
          "a used code is not kept for the next form")
    summary = driver.find_element(By.CSS_SELECTOR, "#survey-code summary")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
    summary.click()
    typed = "-".join(rows[1][3][i:i + 5] for i in range(0, len(rows[1][3]), 5)).upper()
    driver.find_element(By.ID, "answer-code").send_keys(typed)
    text = submit(driver)
    check("送信しました" in text, "a typed code alone (no participant id) is accepted: %r" % text)
    # Another person's code with a participant id typed that is not theirs: refused.
    driver.get(form_url)
    driver.find_element(By.ID, "participant").send_keys(rows[1][0])
    fill_every_item(driver)
    summary = driver.find_element(By.CSS_SELECTOR, "#survey-code summary")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
    summary.click()
    driver.find_element(By.ID, "answer-code").send_keys(rows[2][3])
    text = submit(driver)
    check("正しくない" in text, "a code with another person's id is refused: %r" % text)
    participants = stored_participants()
    check(participants.count(rows[0][0]) == 1 and participants.count(rows[1][0]) == 1
          and "no-token" not in participants, "with tokens: each person once, nothing without a code: %s" % participants)
finally:
    driver.quit()
    if server and server.poll() is None:
        stop_server()

print("%d failed" % len(failures))
sys.exit(1 if failures else 0)
