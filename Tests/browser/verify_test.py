"""The certificate verify page of a built site in headless Chromium, with real certificates.

usage: verify_test.py SITE_DIR BASE_URL NUMBER CODE EXPECTED [PDF_DIR CERT_DIR]
Opens SITE_DIR/verify/?n=NUMBER&c=CODE from file:// and BASE_URL/verify/?n=…&c=… over http and
requires data-result == EXPECTED (valid or revoked) on both, then the same number with a forged
code, which must read invalid, and the number and code typed into the form. With PDF_DIR and
CERT_DIR, also prints every certificate page of CERT_DIR (and all.html) to A4 PDF and requires
one page per certificate. Exits 1 when a check fails.
"""
import base64
import os
import re
import sys
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

site, base, number, code, expected = sys.argv[1:6]
pdf_dir, cert_dir = (sys.argv[6], sys.argv[7]) if len(sys.argv) > 7 else (None, None)
options = Options()
for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,900"):
    options.add_argument(argument)
driver = webdriver.Chrome(options=options)
failures = []


def forge(text):
    """The same code with one character changed (still a well-formed code)."""
    first = "B" if text[0] == "A" else "A"
    return first + text[1:]


def result(url):
    driver.get(url)
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.ID, "verify-result").get_attribute("data-result") not in (None, "")
    )
    element = driver.find_element(By.ID, "verify-result")
    return element.get_attribute("data-result"), element.text, driver.current_url


def check(label, url, want):
    got, text, address = result(url)
    ok = got == want
    print(f"{'ok  ' if ok else 'FAIL'} {label}: data-result={got} (want {want}) — {text.strip()[:80]!r}")
    if not ok:
        failures.append(label)
    # The number and the code are removed from the address bar at once.
    if "c=" in address:
        print(f"FAIL {label}: the code stays in the address bar: {address}")
        failures.append(label + " address")


query = "?n=" + urllib.parse.quote(number) + "&c=" + urllib.parse.quote(code)
forged = "?n=" + urllib.parse.quote(number) + "&c=" + urllib.parse.quote(forge(code))
try:
    index = "file://" + os.path.abspath(os.path.join(site, "verify", "index.html"))
    check("file:// real code", index + query, expected)
    check("file:// forged code", index + forged, "invalid")
    check("http real code", base.rstrip("/") + "/verify/" + query, expected)
    check("http forged code", base.rstrip("/") + "/verify/" + forged, "invalid")
    # Typed by hand into the form, lower case and without hyphens.
    driver.get(base.rstrip("/") + "/verify/")
    form = driver.find_element(By.CSS_SELECTOR, "form")
    inputs = form.find_elements(By.CSS_SELECTOR, "input")
    inputs[0].send_keys(number)
    inputs[1].send_keys(code.lower().replace("-", ""))
    form.find_element(By.CSS_SELECTOR, "button").click()
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.ID, "verify-result").get_attribute("data-result") not in (None, "")
    )
    typed = driver.find_element(By.ID, "verify-result").get_attribute("data-result")
    print(f"{'ok  ' if typed == expected else 'FAIL'} typed into the form: data-result={typed}")
    if typed != expected:
        failures.append("typed")
    if pdf_dir:
        pages = sorted(p for p in os.listdir(cert_dir) if p.endswith(".html") and p != "all.html")
        for name in pages + ["all.html"]:
            driver.get("file://" + os.path.abspath(os.path.join(cert_dir, name)))
            pdf = driver.execute_cdp_cmd(
                "Page.printToPDF", {"preferCSSPageSize": True, "displayHeaderFooter": False, "printBackground": True}
            )
            data = base64.b64decode(pdf["data"])
            out = os.path.join(pdf_dir, name.replace(".html", ".pdf"))
            open(out, "wb").write(data)
            count = len(re.findall(rb"/Type\s*/Page[^s]", data))
            want = len(pages) if name == "all.html" else 1
            ok = count == want
            print(f"{'ok  ' if ok else 'FAIL'} print {name}: {count} A4 pages (want {want})")
            if not ok:
                failures.append("print " + name)
finally:
    driver.quit()
if failures:
    print("failed:", ", ".join(failures))
sys.exit(1 if failures else 0)
