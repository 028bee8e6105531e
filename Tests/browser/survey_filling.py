"""Fills every item of a built survey form the way a participant does (through the labels),
shared by the browser checks. Returns the expected CSV values by column."""
from selenium.webdriver.common.by import By


DEFAULT_FREE_TEXT = 'よかった, "特に" 事例検討\n次回も参加したい'


def fill_every_item(driver, free_text=DEFAULT_FREE_TEXT):
    expected = {}
    for item in driver.find_elements(By.CSS_SELECTOR, "[data-item]"):
        item_id = item.get_attribute("data-item")
        kind = item.get_attribute("data-type")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", item)
        if kind in ("likert", "single", "profession"):
            for group in item.find_elements(By.CSS_SELECTOR, "[data-group]"):
                radios = group.find_elements(By.CSS_SELECTOR, "input[type=radio]:not([data-other])")
                choice = radios[min(len(radios) - 1, 1 if group.get_attribute("data-group").endswith(".before") else 3)]
                driver.find_element(By.CSS_SELECTOR, "label[for='%s']" % choice.get_attribute("id")).click()
                expected[group.get_attribute("data-group")] = choice.get_attribute("value")
        elif kind == "multiple":
            boxes = item.find_elements(By.CSS_SELECTOR, "input[type=checkbox]:not([data-other])")
            for box in boxes[:2]:
                driver.find_element(By.CSS_SELECTOR, "label[for='%s']" % box.get_attribute("id")).click()
            other = item.find_elements(By.CSS_SELECTOR, "[data-other-text]")
            if other:
                other[0].send_keys("地域ケア会議; 勉強会")
        elif kind == "numeric":
            item.find_element(By.TAG_NAME, "input").send_keys("5")
            expected[item_id] = "5"
        elif kind == "text":
            item.find_element(By.TAG_NAME, "textarea").send_keys(free_text)
    return expected
