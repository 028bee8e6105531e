"""Headless Chromium check of reception's check-in page (issue 15), on the sample project served
by `kenshu serve --collect` with watching on:

- reception: the field has the focus; a scanner "types" the slip's QR link and Enter; the
  answer shows the roster id (never the name), `recorded`; the same link again is `already`;
  an unknown code is a plain error; a course of another day is refused with its date (serve
  runs with --checkin-date 2026-10-17, the sample course's date); each time the field is emptied and focused again, and the
  list of recent check-ins grows;
- the watcher's turn after each check-in reloads nothing (the list survives) and the record on
  disk holds the check-ins;
- self check-in: the page opened from a link with ?course=…#t=CODE (and ?t=CODE) shows the
  code, sends nothing until 受付する is pressed, and takes the code out of the address bar;
- axe-core finds no violation on the page with results shown, and nothing overflows at 390 px.

usage: checkin_test.py BASE_URL PROJECT_DIR TOKENS_CSV
"""
import csv
import os
import sys
import time

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

base, project, tokens_csv = sys.argv[1:4]
COURSE = "tashokushu-2026/tashokushu-2026-day1"
OTHER_DAY = "koshi-2026/koshi-gw"
record = os.path.join(project, "rosters", "attendance-tashokushu-2026.xml")
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


with open(tokens_csv, encoding="utf-8-sig") as handle:
    rows = {row["participant"]: row for row in csv.DictReader(handle)}
names = {person: rows[person]["name"] for person in rows}


def slip_link(person):
    """What a keyboard-like scanner types from the slip's QR code."""
    return "https://kenshu.example.org/surveys/tashokushu-2026-eval/?t=" + rows[person]["token"]


def recorded_people():
    if not os.path.exists(record):
        return set()
    text = open(record, encoding="utf-8").read()
    return {person for person in rows if 'person="%s"' % person in text}


def wait_result(driver, previous_marker):
    """Waits until the result region shows a new final answer (not `sending`)."""
    deadline = time.time() + 15
    while time.time() < deadline:
        state = driver.execute_script(
            "var r = document.getElementById('checkin-result');"
            "return [r.getAttribute('data-result'), r.textContent, r.getAttribute('data-participant'),"
            " r.getAttribute('data-error'), document.getElementById('checkin-recent').children.length];")
        if state[0] not in (None, "sending") and (state[1], state[4]) != previous_marker:
            return state
        time.sleep(0.1)
    return state


def marker(driver):
    return tuple(driver.execute_script(
        "return [document.getElementById('checkin-result').textContent,"
        " document.getElementById('checkin-recent').children.length];"))


def scan(driver, text):
    """Types into whatever has the focus, as a scanner does, ending with Enter."""
    before = marker(driver)
    ActionChains(driver).send_keys(text + Keys.ENTER).perform()
    return wait_result(driver, before)


def focused_id(driver):
    return driver.execute_script("return document.activeElement && document.activeElement.id")


def field_value(driver):
    return driver.execute_script("return document.getElementById('checkin-code').value")


def overflow(driver):
    return driver.execute_script(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth")


RULES = '{"runOnly":{"type":"tag","values":["wcag2a","wcag2aa","wcag21a","wcag21aa","wcag22aa"]}}'


def axe(driver):
    checker = Axe(driver)
    checker.inject()
    return ["%s (%d)" % (v["id"], len(v["nodes"])) for v in checker.run(options=RULES)["violations"]]


options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,900"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"))
driver.set_script_timeout(30)
try:
    # Reception.
    driver.get(base + "checkin/index.html")
    time.sleep(0.5)
    check(driver.find_element(By.ID, "checkin-service").get_attribute("hidden") is not None,
          "served by serve --collect: no 'server does not answer' notice")
    check(focused_id(driver) == "checkin-code", "the code field has the focus when the page opens")
    # Reception picks the day with the keyboard: focus the list, choose, back to the field.
    Select(driver.find_element(By.ID, "checkin-course")).select_by_value(COURSE)
    driver.find_element(By.ID, "checkin-code").click()
    driver.execute_script("window.kenshuMarker = 'not reloaded';")

    state = scan(driver, slip_link("p001"))
    check(state[0] == "recorded" and state[2] == "p001", "p001's QR link + Enter: recorded: %r" % (state,))
    check(names["p001"] not in state[1], "the answer shows the roster id, not the name")
    if "遅刻" in state[1]:
        check(any(ch.isdigit() for ch in state[1]), "a late arrival shows its time: %r" % state[1])
    check(field_value(driver) == "" and focused_id(driver) == "checkin-code",
          "the field is emptied and focused for the next person")
    check(state[4] == 1, "one check-in in the recent list")

    state = scan(driver, slip_link("p001"))
    check(state[0] == "already" and state[2] == "p001", "the same link again: already: %r" % (state,))
    # A typed code, grouped and in lower case, as a person types it from the slip.
    token = rows["p002"]["token"].lower()
    state = scan(driver, token)
    check(state[0] == "recorded" and state[2] == "p002", "p002's typed code: recorded: %r" % (state,))
    state = scan(driver, "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-Z")
    check(state[0] == "error" and state[3] == "unknown-participant" and "名簿にいません" in state[1],
          "an unknown code: a plain error: %r" % (state,))
    check(field_value(driver) == "" and focused_id(driver) == "checkin-code", "the field is ready again after an error")
    state = scan(driver, "")
    check(state[0] == "error" and state[3] == "empty", "Enter on an empty field asks for a code")
    # A course of another day (koshi-gw is on 2026-09-12; serve takes 2026-10-17 as today):
    # refused with its date, nothing recorded, and the list does not grow.
    Select(driver.find_element(By.ID, "checkin-course")).select_by_value(OTHER_DAY)
    driver.find_element(By.ID, "checkin-code").click()
    state = scan(driver, slip_link("p004"))
    check(state[0] == "error" and state[3] == "course-not-today" and "2026-09-12" in state[1] and "当日" in state[1],
          "a course of another day: refused with its date: %r" % (state,))
    check("p004" not in recorded_people(), "nothing recorded for another day's course")
    Select(driver.find_element(By.ID, "checkin-course")).select_by_value(COURSE)
    driver.find_element(By.ID, "checkin-code").click()
    items = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#checkin-recent li")]
    check(len(items) == 3 and items[0].find("p002") >= 0 and items[-1].find("p001") >= 0,
          "the recent list, newest first: %r" % items)

    # The watcher's turns after these writes (polling every 0.4 s) reload nothing.
    time.sleep(2.5)
    check(driver.execute_script("return window.kenshuMarker") == "not reloaded",
          "the page was not reloaded after the check-ins (watching on)")
    check(recorded_people() == {"p001", "p002"}, "the record on disk holds p001 and p002: %r" % recorded_people())
    violations = axe(driver)
    check(violations == [], "axe: no violations with results shown: %r" % violations)
    check(not overflow(driver), "nothing overflows at 390 px")

    # Self check-in from the participant's phone, by a link with the code in the fragment.
    driver.get(base + "checkin/index.html?course=" + COURSE + "#t=" + rows["p003"]["token"])
    time.sleep(1.0)
    check("t=" not in driver.current_url and "course=" in driver.current_url,
          "the code is taken out of the address bar: %s" % driver.current_url)
    check(field_value(driver) == rows["p003"]["token"], "the code is in the field")
    check(driver.find_element(By.ID, "checkin-self").get_attribute("hidden") is None, "the page says to press 受付する")
    check(focused_id(driver) == "checkin-submit", "the focus is on 受付する")
    check("p003" not in recorded_people(), "opening the link checks nobody in")
    before = marker(driver)
    ActionChains(driver).send_keys(Keys.ENTER).perform()  # the focused button, from the keyboard
    state = wait_result(driver, before)
    check(state[0] == "recorded" and state[2] == "p003", "受付する: recorded: %r" % (state,))
    check("p003" in recorded_people(), "p003 is in the record")
    check(not driver.execute_script("return Object.keys(localStorage).concat(Object.keys(sessionStorage))"
                                    ".some(function (k) { var v = localStorage.getItem(k) || sessionStorage.getItem(k) || '';"
                                    " return v.indexOf(arguments[0]) >= 0; })", rows["p003"]["token"]),
          "the code is stored nowhere in the browser")

    # The slip's query form (?t=) too; an already checked-in person.
    driver.get(base + "checkin/index.html?t=" + rows["p003"]["token"] + "&course=" + COURSE)
    time.sleep(1.0)
    check("t=" not in driver.current_url.replace("checkin", ""), "?t= is taken out too: %s" % driver.current_url)
    driver.find_element(By.ID, "checkin-submit").click()
    state = wait_result(driver, ("", 0))
    check(state[0] == "already" and state[2] == "p003", "the second self check-in: already: %r" % (state,))

    # Opened as a file: the page says plainly that it needs serve --collect.
    driver.get("file://" + os.path.join(project, "site", "checkin", "index.html"))
    time.sleep(0.5)
    notice = driver.find_element(By.ID, "checkin-service")
    check(notice.get_attribute("hidden") is None and "serve --collect" in notice.text,
          "from file://, the notice says the page needs serve --collect")
    state = scan(driver, slip_link("p004"))
    check(state[0] == "error" and state[3] == "no-server", "from file://, a scan says no server: %r" % (state,))
finally:
    driver.quit()

if failures:
    print("%d failure(s)" % len(failures))
    sys.exit(1)
print("check-in page: all checks passed")
