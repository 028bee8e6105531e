"""Per-query cost of the site search in headless Chromium, opened from file:// (issue 18).

For each query, in a fresh page: the bytes of index files the query loaded (the manifest,
which the search page loads first, is reported apart), how many files, and the time from the
keystroke (an `input` event) to the results being shown, with its stages (the chunks loaded,
the hits ranked, the first results' fragments loaded, the results shown). Prints a table and the medians per
query length; exits 1 when a 2- or 4-character query is over the budget (300 KB, 50 ms).

usage: search-budget.py SITE_DIR [QUERY ...]
Needs Debian chromium + chromium-driver and a Python with selenium (tools/web-check's venv).
The 10,000-session learner site: `kenshu bench site --work-folder DIR`, then
`cd DIR/project && kenshu build --output SITE` (DIR/kenshu-site holds both editions).
"""
import os
import statistics
import sys
import urllib.parse

from selenium import webdriver

BUDGET_BYTES = 300 * 1024
BUDGET_MS = 50.0
DEFAULT_QUERIES = [
    "在宅", "支援", "看護", "退院", "職種", "口腔", "ケア", "会議",
    "在宅医療", "退院支援", "訪問看護", "多職種連", "口腔ケア", "服薬状況", "人生会議", "看護支援",
]

site = os.path.abspath(sys.argv[1])
queries = sys.argv[2:] or DEFAULT_QUERIES
options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"))
driver.set_script_timeout(30)

manifest = os.path.getsize(os.path.join(site, "search", "search-index.js"))
index_files = [os.path.join(d, f) for d, _, fs in os.walk(os.path.join(site, "search")) for f in fs if f.endswith(".js")]
total = sum(os.path.getsize(f) for f in index_files)
print("index: %d files, %.1f MiB in all; manifest %.1f KiB (loaded with the search page)"
      % (len(index_files), total / 1048576, manifest / 1024))

# Type the query as a person would (one input event), then wait until the first results are
# shown; the page records when the query started and when its results were shown.
TYPE = """
var query = arguments[0], done = arguments[arguments.length - 1];
var input = document.getElementById('search-query');
input.value = query;
input.dispatchEvent(new Event('input'));
(function wait() {
  var last = window.KenshuSearch.last;
  if (last && last.query === query && last.shownAt) {
    done({ms: last.shownAt - last.started, files: last.files, load: last.loaded - last.started,
          rank: last.ranked - last.loaded,
          fragments: last.fetched ? last.fetched - last.ranked : null,
          show: last.fetched ? last.shownAt - last.fetched : null,
          hits: document.getElementById('search-status').textContent});
  } else setTimeout(wait, 2);
})();
"""

rows = []
failures = []
try:
    for query in queries:
        runs = []
        for _ in range(3):
            # A fresh page each run: nothing of an earlier query is loaded.
            driver.get("file://%s/search/index.html" % site)
            runs.append(driver.execute_async_script(TYPE, query))
        result = runs[0]
        size = sum(os.path.getsize(os.path.join(site, f)) for f in result["files"])
        ms = statistics.median(r["ms"] for r in runs)
        length = len(query)
        rows.append((query, length, len(result["files"]), size, ms, result["hits"]))
        stages = "chunks loaded after %.1f ms, ranked in %.1f ms" % (
            statistics.median(r["load"] for r in runs), statistics.median(r["rank"] for r in runs))
        if all(r["fragments"] is not None for r in runs):
            stages += ", fragments loaded in %.1f ms, shown in %.1f ms" % (
                statistics.median(r["fragments"] for r in runs), statistics.median(r["show"] for r in runs))
        print("  %s: %s" % (query, stages))
        if length in (2, 4) and (size > BUDGET_BYTES or ms > BUDGET_MS):
            failures.append(query)
finally:
    driver.quit()

print("%-10s %5s %6s %10s %9s  %s" % ("query", "chars", "files", "KiB", "ms", "status"))
for query, length, files, size, ms, hits in rows:
    print("%-10s %5d %6d %10.1f %9.1f  %s" % (query, length, files, size / 1024, ms, hits))
for length in sorted({r[1] for r in rows}):
    same = [r for r in rows if r[1] == length]
    print("%d-character queries: median %.1f KiB (max %.1f), %.1f ms (max %.1f)" % (
        length, statistics.median(r[3] for r in same) / 1024, max(r[3] for r in same) / 1024,
        statistics.median(r[4] for r in same), max(r[4] for r in same)))
if failures:
    print("over the budget (%d KiB, %.0f ms): %s" % (BUDGET_BYTES // 1024, BUDGET_MS, ", ".join(failures)))
sys.exit(1 if failures else 0)
