"""Headless Chromium check of the site search (issue 14), opened from file:// as a participant
without a server would: ranking (a page whose title holds the query first), only pages that
contain the query itself, a snippet from where it occurs with the match marked, ten results
at a time, readings of ruby and glossary terms found, and no facilitator-only text.

usage: search_test.py SITE_DIR
"""
import os
import sys
import urllib.parse

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

site = os.path.abspath(sys.argv[1])
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,1200"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"))


def settled(_):
    last = driver.execute_script("return window.KenshuSearch && window.KenshuSearch.last")
    return bool(last and last.get("shownAt"))


def results(query):
    driver.get("file://%s/search/index.html?q=%s" % (site, urllib.parse.quote(query)))
    # The index is loaded as the query needs it: wait for the results to be shown.
    WebDriverWait(driver, 10).until(settled)
    items = driver.find_elements(By.CSS_SELECTOR, "#search-results li")
    return [(li.find_element(By.TAG_NAME, "a"), li.find_element(By.TAG_NAME, "p")) for li in items]


def page_text(href):
    driver.get(href)
    return driver.find_element(By.ID, "main").text


try:
    hits = results("退院支援")
    titles = [a.text for a, _ in hits]
    check(len(hits) > 0 and "退院支援" in titles[0], "退院支援: a page titled with it comes first: %s" % titles[:3])
    check(all("退院支援" in a.text for a, _ in hits[:1]), "the title match is ranked first")
    marks = driver.find_elements(By.CSS_SELECTOR, "#search-results mark")
    check(len(marks) > 0 and all(m.text == "退院支援" for m in marks), "matches are marked: %d" % len(marks))
    body_hits = [(a.text, p.text) for a, p in hits if "退院支援" not in a.text]
    check(all("退院支援" in p for _, p in body_hits),
          "every snippet is cut where the query occurs: %s" % [t for t, p in body_hits if "退院支援" not in p])

    # Precision: each hit's page really contains the query (bigrams in any order are not enough).
    # 看護支援: its bigrams 看護, 護支, 支援 are all on four sample pages, the word on none.
    hrefs = [a.get_attribute("href") for a, _ in results("看護支援")]
    check(hrefs == [], "看護支援 (every bigram present, the word absent) finds nothing: %s" % hrefs)
    for query in ["退院支援", "ケアマネジャー", "急変時"]:
        hrefs = [a.get_attribute("href") for a, _ in results(query)]
        missing = [h for h in hrefs if query not in page_text(h).replace("\n", "")]
        check(hrefs and not missing, "%s: every hit's page contains it (%d hits) %s" % (query, len(hrefs), missing))

    # Recall and precision against the pages' own text: for each query, the hits are exactly
    # the learner pages (all but the search page, the print handouts and reception's check-in
    # page, a tool with no content of its own) whose main text contains it.
    pages = sorted(os.path.relpath(os.path.join(d, f), site) for d, _, fs in os.walk(site) for f in fs
                   if f.endswith(".html") and not d.endswith("/handout") and not d.endswith("/search")
                   and not d.endswith("/checkin"))
    texts = {}
    for path in pages:
        driver.get("file://%s/%s" % (site, path))
        # The page's own text: navigation (breadcrumbs, the previous/next pager) left out.
        texts[path] = driver.execute_script(
            "var main = document.getElementById('main');"
            "main.querySelectorAll('nav').forEach(function (n) { n.style.display = 'none'; });"
            "return main.innerText.normalize('NFKC').toLowerCase().replace(/\\s+/g, ' ')")
    driver.get("file://%s/search/index.html" % site)
    for query in ["退院支援", "ケアマネジャー", "急変時", "人生会議", "ハラスメント", "訪問看護", "事例", "アンケート",
                  "在宅医療", "心不全", "acp", "グループワーク", "確認テスト", "修了証", "用語集", "多職種"]:
        ranked = driver.execute_script("return window.KenshuSearch.rank(arguments[0])", query)
        expected = {p for p, t in texts.items() if query in t}
        got = set(ranked)
        check(got == expected, "%s: hits = pages containing it (%d): missing %s, extra %s"
              % (query, len(expected), sorted(expected - got), sorted(got - expected)))

    # Ten results at a time; the button shows ten more, then goes away (issue 18).
    hits = results("事例")
    more = driver.find_element(By.ID, "search-more")
    check(len(hits) == 10 and more.is_displayed(), "事例: ten results shown first, with さらに表示: %d" % len(hits))
    more.click()
    WebDriverWait(driver, 10).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#search-results li")) > 10)
    shown = len(driver.find_elements(By.CSS_SELECTOR, "#search-results li"))
    check(shown == 20, "さらに表示 shows ten more: %d" % shown)
    focused = driver.execute_script(
        "var a = document.activeElement, items = document.querySelectorAll('#search-results li');"
        "return !!a && a === items[10].querySelector('a')")
    check(focused, "after さらに表示 the focus is on the first added result")
    status = driver.find_element(By.ID, "search-status").text
    check("23" in status, "the status counts every hit: %s" % status)

    # Readings: ruby in the text and glossary readings.
    hits = results("じんせいかいぎ")
    titles = [a.text for a, _ in hits]
    check(any("用語集" in t for t in titles), "じんせいかいぎ finds the glossary (its reading): %s" % titles)
    check(len(hits) >= 2, "じんせいかいぎ also finds the pages with {人生会議|じんせいかいぎ}: %s" % titles)
    hits = results("たいいんしえん")
    check(any("用語集" in a.text for a, _ in hits), "a glossary reading finds the glossary")

    # No facilitator-only text in the learner site's index.
    hits = results("ファシリテーター用メモ")
    check(not any("ファシリテーター用" in a.text for a, _ in hits), "no facilitator page in the learner index")
finally:
    driver.quit()

print("%d failed" % len(failures))
sys.exit(1 if failures else 0)
