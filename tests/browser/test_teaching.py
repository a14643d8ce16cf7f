"""Teaching journeys in a real browser: a teacher marks a lesson in the register, the centre's head issues
certificates for a finished group, and the public page verifies one of them."""
import re

from selenium.webdriver.common.by import By

from conftest import shot, submit_and_wait
from test_enrolment import open_group
from test_registry import login


def test_teacher_marks_a_lesson(server, browser):
    login(browser, server, "teacher1")
    browser.get(server + "/timetable")
    assert "Расписание педагога" in browser.find_element(By.TAG_NAME, "h1").text
    shot(browser, "40-teacher-week")
    # Last week's lessons are not in the register yet: go one week back and open a lesson.
    submit_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "предыдущая неделя"))
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".lesson a"))
    assert "Журнал:" in browser.find_element(By.TAG_NAME, "h1").text
    topic = browser.find_element(By.ID, "topic")
    topic.clear()
    # Without marks for everyone the register is refused with the reason.
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert "Укажите тему занятия" in browser.find_element(By.TAG_NAME, "main").text or "Заполните" in browser.find_element(By.TAG_NAME, "main").text
    browser.find_element(By.ID, "topic").send_keys("Графы и деревья")
    for radio in browser.find_elements(By.CSS_SELECTOR, "input[type=radio][value=present]"):
        radio.click()
    shot(browser, "41-register-form")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert "сохранён" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    assert "Графы и деревья" in browser.find_element(By.ID, "topic").get_attribute("value")
    shot(browser, "42-register-saved")


def test_head_saves_the_results_of_a_whole_group(server, browser):
    """A results sheet of twelve students is a form of about 3 KB, more than the server's first read: it must be read
    whole before its CSRF token is looked for (it was refused as «Форма устарела»)."""
    login(browser, server, "centre1")
    browser.get(server + "/groups?q=Информатика (")
    submit_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Информатика ("))
    browser.get(browser.current_url.split("?")[0] + "/results")
    rows = browser.find_elements(By.CSS_SELECTOR, "main form table tbody tr")
    assert len(rows) >= 10
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Итоги аттестации сохранены" in main and "Форма устарела" not in main
    shot(browser, "46-results-saved")


def test_head_issues_certificates_and_the_public_page_verifies_one(server, browser):
    login(browser, server, "centre1")
    browser.get(server + "/groups?q=Информатика (")
    submit_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Информатика ("))
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main .actions").find_element(By.LINK_TEXT, "Сертификаты"))
    shot(browser, "43-certificates-candidates")
    # The bulk issue asks first, naming who gets a number and who does not.
    submit_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Выдать сертификаты"))
    assert "Получат номер сертификата" in browser.find_element(By.TAG_NAME, "main").text
    shot(browser, "43b-certificates-confirm")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form.stacked button.primary"))
    flash = browser.find_element(By.CSS_SELECTOR, ".flash").text
    assert "Выдано" in flash
    numbers = re.findall(r"[А-ЯA-Z]+-\d{4}-\d{5}", flash)
    assert numbers, flash
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, numbers[0]))
    facts = browser.find_element(By.CSS_SELECTOR, "dl.facts").text
    code = re.search(r"Код проверки\s*\n?\s*([0-9A-Z]{4}-[0-9A-Z]{4})", facts).group(1)
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main .actions").find_element(By.LINK_TEXT, "Печать"))
    assert "о прослушивании профильного курса" in browser.find_element(By.TAG_NAME, "main").text
    shot(browser, "44-certificate-print")
    browser.get(server + "/logout")
    browser.delete_all_cookies()

    browser.get(server + "/verify")
    browser.find_element(By.ID, "number").send_keys(numbers[0])
    browser.find_element(By.ID, "code").send_keys(code.lower())
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.filters button"))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Сертификат действителен" in main and numbers[0] in main
    shot(browser, "45-verify")
    browser.get(server + "/verify?number=" + numbers[0] + "&code=AAAA-AAAA")
    assert "не найден" in browser.find_element(By.TAG_NAME, "main").text
