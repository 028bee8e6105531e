"""Layout checks of a report page in headless Chromium: nothing wider than a 390 px phone
(outside the explicitly scrollable table boxes), and the print to A4 PDF within a page budget.

usage: report_layout.py INDEX_HTML MAX_PAGES OUT_PDF
Prints the measured widths and page count; exits 1 when a check fails.
"""
import base64
import re
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options

page, max_pages, out_pdf = sys.argv[1], int(sys.argv[2]), sys.argv[3]
options = Options()
for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,900"):
    options.add_argument(argument)
driver = webdriver.Chrome(options=options)
failed = False
try:
    # A phone: 390 CSS px wide, honouring the page's viewport meta tag.
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
    )
    driver.get("file://" + page)
    # The layout viewport is 390 px wide minus any scroll bar: nothing may reach past it.
    viewport = driver.execute_script("return document.documentElement.clientWidth")
    width = driver.execute_script("return document.documentElement.scrollWidth")
    wide = driver.execute_script(
        """return Array.from(document.querySelectorAll('body *'))
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5
                     && !e.closest('.scroll'))
        .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className.baseVal + e.className)"""
    )
    print(f"390 px phone: viewport {viewport} px, document {width} px")
    if width > viewport or wide:
        print("FAIL: wider than the phone:", wide)
        failed = True
    # Print as a user would: A4 from the page's own @page rules, no browser header/footer.
    pdf = driver.execute_cdp_cmd(
        "Page.printToPDF", {"preferCSSPageSize": True, "displayHeaderFooter": False, "printBackground": True}
    )
    data = base64.b64decode(pdf["data"])
    open(out_pdf, "wb").write(data)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    print(f"print: {pages} A4 pages (budget {max_pages})")
    if pages > max_pages or pages == 0:
        print("FAIL: too many pages")
        failed = True
finally:
    driver.quit()
sys.exit(1 if failed else 0)
