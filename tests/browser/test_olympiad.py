"""The methodologist runs the municipal stage of the olympiad in a real browser (issue 21): passing scores, a result,
a tie decided, the results approved — a prize-winner enters the databank of gifted students and, once a consent to
publication is on record, the public protocol."""
import re
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import shot, submit_and_wait
from test_registry import login as sign_in


def login(browser, server, username):
    browser.delete_all_cookies()
    sign_in(browser, server, username)


def body(browser):
    return browser.find_element(By.TAG_NAME, "body").text


def table(browser):
    """The list's rows (a search echoes its words above them)."""
    return " ".join(t.text for t in browser.find_elements(By.CSS_SELECTOR, "table.list"))


def test_a_prize_winner_enters_the_databank_and_with_consent_the_public_protocol(server, browser):
    login(browser, server, "metod")
    browser.get(server + "/olympiad-stages")
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "математика"))
    stage = re.search(r"/olympiad-stages/([0-9a-f-]{36})", browser.current_url).group(1)
    # The passing scores and the papers, grade by grade.
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Проходные баллы и задания"))
    passing = browser.find_element(By.ID, "passing10")
    passing.clear()
    passing.send_keys("30")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert "Проходные баллы и задания сохранены." in browser.find_element(By.CSS_SELECTOR, ".flash").text
    # The rating: two share the total on the quota's boundary in the 10th grade.
    browser.get(server + f"/olympiad-stages/{stage}/rating")
    waiting = [row.find_elements(By.TAG_NAME, "td")[2].text
               for row in browser.find_elements(By.CSS_SELECTOR, "table.list tbody tr") if "ждёт решения" in row.text]
    assert len(waiting) == 2
    name = waiting[0]
    surname, given = name.split()[:2]
    shot(browser, "olympiad-01-tie")
    Select(browser.find_element(By.ID, "choice")).select_by_value("includeAll")
    browser.find_element(By.ID, "reason").send_keys("Решение жюри: равные баллы — оба призёры")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Записать решение']"))
    assert "Решение о равных баллах записано." in browser.find_element(By.CSS_SELECTOR, ".flash").text
    assert "ждёт решения" not in body(browser)
    # One of the invited still has no result: the methodologist enters it.
    browser.get(server + f"/olympiad-stages/{stage}/invited")
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Внести результат"))
    browser.find_element(By.ID, "code").send_keys("М-10-90")
    browser.find_element(By.ID, "scores").send_keys("1; 1; 1; 1; 11")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert "больше его максимума" in browser.find_element(By.ID, "scores-error").text
    scores = browser.find_element(By.ID, "scores")
    scores.clear()
    scores.send_keys("1; 1; 1; 1; 1")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert "Результат участника сохранён." in browser.find_element(By.CSS_SELECTOR, ".flash").text
    # Before the approval the prize-winner is not in the databank.
    needle = urllib.parse.quote(f"{surname} {given}")
    login(browser, server, "kmc")
    browser.get(server + f"/gifted?q={needle}")
    assert name not in table(browser)
    # The methodologist approves the results.
    login(browser, server, "metod")
    browser.get(server + f"/olympiad-stages/{stage}/publish")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Утвердить и опубликовать']"))
    assert "Результаты утверждены" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    shot(browser, "olympiad-02-approved")
    login(browser, server, "kmc")
    browser.get(server + f"/gifted?q={needle}")
    assert name in table(browser)
    shot(browser, "olympiad-03-databank")
    # The public protocol names nobody without a consent to publication, then the student once it is recorded.
    initials = f"{surname} {given[0]}."
    browser.delete_all_cookies()
    browser.get(server + f"/olympiad-stages/{stage}/public")
    assert initials not in body(browser)
    login(browser, server, "kmc")
    browser.get(server + f"/students?q={needle}")
    submit_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, f"{surname} {given}"))
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Изменить"))
    browser.find_element(By.ID, "publicationConsentOn").send_keys("01.12.2026")
    browser.find_element(By.ID, "publicationConsentBy").send_keys("мать, заявление № 17")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    browser.delete_all_cookies()
    browser.get(server + f"/olympiad-stages/{stage}/public")
    assert initials in body(browser)
    assert given not in body(browser)
    shot(browser, "olympiad-04-public")
