"""Headless Chromium check of collection (issue 7): a participant fills the real survey form of
the sample site served by `kenshu serve --collect`, the page posts it, and the response is in
`kenshu responses export`, which `kenshu evaluate` summarises with the free text escaped.

usage: collect_form.py BASE_URL SURVEY_ID KENSHU_BINARY PROJECT_DIR WORK_DIR
"""
import json
import os
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.common.by import By

from survey_filling import fill_every_item

base, survey_id, kenshu, project, work = sys.argv[1:6]
failures = []
injection = "<script>alert('x')</script>'; DROP TABLE responses;-- ブラウザから"


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,1200"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"))
try:
    driver.get("%ssurveys/%s/index.html" % (base, survey_id))
    driver.find_element(By.ID, "participant").send_keys("web-collect-1")
    fill_every_item(driver, free_text=injection)
    driver.find_element(By.CSS_SELECTOR, "#survey-form button[type=submit]").click()
    result = driver.find_element(By.ID, "survey-result")
    deadline = time.time() + 15
    while time.time() < deadline and ("送信しました" not in result.text and "送信できません" not in result.text):
        time.sleep(0.2)
    check("送信しました" in result.text, "the page says the answers were sent: %r" % result.text)
    check(not driver.find_elements(By.ID, "survey-download-csv"), "no download offered after a successful post")
finally:
    driver.quit()

count = subprocess.run([kenshu, "responses", "count"], cwd=project, capture_output=True, text=True)
check(survey_id in count.stdout and count.stdout.strip().endswith("1"), "responses count shows 1: %r" % count.stdout)
exported = os.path.join(work, "export.csv")
run = subprocess.run([kenshu, "responses", "export", survey_id, "--out", exported], cwd=project,
                     capture_output=True, text=True)
check(run.returncode == 0, "responses export exits 0")
text = open(exported, encoding="utf-8-sig").read() if run.returncode == 0 else ""
check("web-collect-1" in text and injection in text, "the export holds the response, free text verbatim")
out = os.path.join(work, "evaluation")
run = subprocess.run([kenshu, "evaluate", "--survey", survey_id, "--responses", exported, "--out", out],
                     cwd=project, capture_output=True, text=True)
check(run.returncode == 0, "kenshu evaluate exits 0: %s" % run.stderr.strip()[-300:])
summary = json.load(open(os.path.join(out, "summary.json"))) if run.returncode == 0 else {}
check(summary.get("responses", {}).get("used") == 1, "kenshu evaluate used the collected row")
report = open(os.path.join(out, "index.html"), encoding="utf-8").read() if run.returncode == 0 else ""
check("<script>alert" not in report and "&lt;script&gt;alert" in report, "the free text is escaped in the report")

print("%d failed" % len(failures))
sys.exit(1 if failures else 0)
