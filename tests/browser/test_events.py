"""An event appears on the public calendar and a parent registers the child from there; the coordinator sees the
consolidated plan and the participants (issue 23, item 1) — in a real browser at desktop and phone width."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import shot, submit_and_wait
from test_plans import login


def body(browser):
    return browser.find_element(By.TAG_NAME, "body").text


def test_a_parent_registers_the_child_from_the_public_calendar(server, browser):
    browser.delete_all_cookies()
    browser.get(server + "/calendar")
    assert "Мастер-класс «Робототехника: первые шаги»" in body(browser)
    # A private seminar is not on the public calendar.
    assert "Наставничество в школе" not in body(browser)
    browser.set_window_size(390, 900)
    shot(browser, "events-01-calendar-phone")
    browser.set_window_size(1280, 900)
    card = browser.find_element(By.XPATH, "//li[contains(., 'Робототехника')]")
    submit_and_wait(browser, card.find_element(By.LINK_TEXT, "Записаться"))
    # Not signed in: the login form, which comes back to the event after it.
    browser.find_element(By.NAME, "username").send_keys("parent1")
    browser.find_element(By.NAME, "password").send_keys("setka-demo")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form .primary"))
    assert "/registrations" in browser.current_url
    assert "Записано: 3 из 20" in body(browser)
    Select(browser.find_element(By.ID, "who")).select_by_visible_text("Ёлкин Артём Ильич")
    shot(browser, "events-02-register")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form .primary"))
    assert "Запись принята" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    assert "Записано: 4 из 20" in body(browser)
    assert "Ёлкин Артём Ильич" in browser.find_element(By.XPATH, "//h2[.='Мои записи']/following-sibling::ul").text

    login(browser, server, "kmc")
    browser.get(server + "/events/plan")
    assert "Сводный план мероприятий" in body(browser)
    assert "Робототехника" in body(browser)
    shot(browser, "events-03-plan")
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Мастер-класс «Робототехника: первые шаги»"))
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Запись и участники"))
    assert "Ёлкин Артём Ильич" in body(browser)
    browser.set_window_size(390, 900)
    shot(browser, "events-04-participants-phone")
    browser.set_window_size(1280, 900)
