"""The КМЦ supports gifted students in a real browser (issue 21, item 5): the candidates ranked by points, a stipend
assigned (a wrong period refused under its field), the draft order of the year's proposed measures signed by the
administrator — and the databank marks the stipend holder with the decree."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import shot, submit_and_wait
from test_olympiad import body, login


def test_a_stipend_chosen_from_the_candidates_is_awarded_by_the_signed_order(server, browser):
    login(browser, server, "kmc")
    browser.get(server + "/support/candidates")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.list tbody tr")
    assert rows, "no candidates"
    points = [int(row.find_elements(By.TAG_NAME, "td")[3].text) for row in rows]
    assert points == sorted(points, reverse=True)
    # The first candidate without a measure this year.
    row = next(r for r in rows if r.find_elements(By.TAG_NAME, "td")[5].text == "—")
    name = row.find_elements(By.TAG_NAME, "td")[1].text
    shot(browser, "support-01-candidates")
    submit_and_wait(browser, row.find_element(By.LINK_TEXT, "Назначить"))
    Select(browser.find_element(By.ID, "kind")).select_by_value("stipend")
    browser.find_element(By.ID, "amount").send_keys("2 500")
    browser.find_element(By.ID, "basis").send_keys("Призёр муниципального этапа по итогам года")
    browser.find_element(By.ID, "startsOn").send_keys("01.02.2027")
    browser.find_element(By.ID, "endsOn").send_keys("01.01.2027")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert "Окончание не раньше начала." in browser.find_element(By.ID, "endsOn-error").text
    ends = browser.find_element(By.ID, "endsOn")
    ends.clear()
    ends.send_keys("31.05.2027")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert "Мера поддержки сохранена." in browser.find_element(By.CSS_SELECTOR, ".flash").text
    assert "2 500 ₽ в месяц × 4 мес. = 10 000 ₽" in body(browser).replace("\u00a0", " ")
    # The draft order of the year's proposed measures.
    browser.get(server + "/support/order")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert "Проект приказа составлен" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    order = re.search(r"/orders/([0-9a-f-]{36})", browser.current_url).group(1)
    browser.get(server + f"/orders/{order}/document")
    assert name.split()[0] in body(browser) and "стипендия" in body(browser)
    shot(browser, "support-02-order")
    # The administrator signs it; the measures get its number and date.
    login(browser, server, "admin")
    browser.get(server + f"/orders/{order}/sign")
    number = browser.find_element(By.ID, "number")
    number.clear()
    number.send_keys("88-о")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert browser.find_element(By.CSS_SELECTOR, ".flash").text
    login(browser, server, "kmc")
    browser.get(server + "/gifted?q=" + name.split()[0])
    assert "стипендиат, приказ № 88-о" in body(browser)
    shot(browser, "support-03-databank")


def test_the_school_keeps_a_route_and_its_notes_that_the_kmc_does_not_see(server, browser):
    login(browser, server, "school1")
    browser.get(server + "/routes")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "table.list tbody tr a"))
    route = browser.current_url
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Добавить этап"))
    Select(browser.find_element(By.ID, "kind")).select_by_value("summerSchool")
    browser.find_element(By.ID, "title").send_keys("Летняя математическая школа")
    browser.find_element(By.ID, "dueOn").send_keys("20.07.2027")
    Select(browser.find_element(By.ID, "status")).select_by_value("done")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert "Опишите результат выполненного этапа." in browser.find_element(By.ID, "result-error").text
    browser.find_element(By.ID, "result").send_keys("Диплом участника")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert "Этап сохранён." in browser.find_element(By.CSS_SELECTOR, ".flash").text
    assert "Летняя математическая школа" in body(browser) and "Диплом участника" in body(browser)
    browser.find_element(By.ID, "text").send_keys("Запись для проверки видимости")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Добавить запись']"))
    assert "Запись для проверки видимости" in body(browser)
    shot(browser, "routes-01-school")
    login(browser, server, "kmc")
    browser.get(route)
    assert "Летняя математическая школа" in body(browser)
    assert "Запись для проверки видимости" not in body(browser)
    assert "Психолого-педагогическое сопровождение" not in body(browser)
