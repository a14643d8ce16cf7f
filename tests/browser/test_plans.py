"""A school with a «Точка роста» centre marks an overdue item of its roadmap done with evidence in a real browser
(issue 22, item 2); the authority sees the plan's overdue count fall in the side-by-side view."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import shot, submit_and_wait
from test_registry import login as sign_in


def login(browser, server, username):
    browser.delete_all_cookies()
    sign_in(browser, server, username)


def overdue_of(browser, owner):
    """The «Просрочено» cell of the owner's «Точка роста» roadmap plan on /plans (a centre may have other plans)."""
    for row in browser.find_elements(By.CSS_SELECTOR, "table.list tbody tr"):
        if owner in row.text and "Точка роста" in row.text:
            return int(row.find_elements(By.TAG_NAME, "td")[4].text)
    raise AssertionError(f"no plan of {owner}")


def test_the_school_marks_an_overdue_item_done_and_the_authority_sees_it(server, browser):
    login(browser, server, "admin")
    browser.get(server + "/plans")
    shot(browser, "plans-01-side-by-side")
    before = overdue_of(browser, "МБОУ «СОШ № 1»")
    assert before > 0
    assert overdue_of(browser, "МБОУ «Гимназия № 2»") == 0

    login(browser, server, "school1")
    browser.get(server + "/")
    assert "Мои сроки" in browser.find_element(By.TAG_NAME, "body").text
    browser.get(server + "/plans")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "table.list tbody tr td a"))
    browser.get(browser.current_url.split("?")[0] + "?state=overdue&side=center")
    shot(browser, "plans-02-overdue")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.plan tbody tr.late")
    assert rows, "the school's plan has overdue items of the centre"
    # An item that needs evidence: refused without it, saved with it.
    needs = [r for r in rows if "нужно подтверждение" in r.text]
    row = needs[0] if needs else rows[0]
    submit_and_wait(browser, row.find_element(By.CSS_SELECTOR, "td a"))
    item = browser.current_url
    Select(browser.find_element(By.ID, "status")).select_by_value("done")
    if needs:
        submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
        assert "только с подтверждением" in browser.find_element(By.ID, "evidenceNote-error").text
        Select(browser.find_element(By.ID, "status")).select_by_value("done")
    browser.find_element(By.ID, "evidenceNote").send_keys("Приказ директора № 77-од, размещён на сайте школы")
    shot(browser, "plans-03-item")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "Пункт плана сохранён." in browser.find_element(By.CSS_SELECTOR, ".flash").text
    assert browser.current_url == item
    assert "Приказ директора № 77-од" in browser.find_element(By.TAG_NAME, "body").text
    assert re.search(r"История изменений[\s\S]*school1", browser.find_element(By.TAG_NAME, "body").text)

    login(browser, server, "admin")
    browser.get(server + "/plans")
    assert overdue_of(browser, "МБОУ «СОШ № 1»") == before - 1


def test_the_school_submits_its_quarterly_report_and_the_authority_sees_it_consolidated(server, browser):
    login(browser, server, "school1")
    browser.get(server + "/")
    submit_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Ежеквартальный отчёт"))
    report = browser.current_url
    # Setka's numbers are there already, with where they came from; the rest the school writes.
    assert "Посчитано в Setka" in browser.find_element(By.TAG_NAME, "body").text
    assert browser.find_element(By.ID, "hours").get_attribute("value") != ""
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[value=submit]"))
    assert "обязателен" in browser.find_element(By.ID, "events-error").text
    browser.find_element(By.ID, "events").send_keys("4")
    browser.find_element(By.ID, "equipmentLoad").send_keys("64,5")
    browser.find_element(By.ID, "problems").send_keys("Кабинет центра занят в первую смену")
    browser.find_element(By.ID, "reportDate").send_keys("01.12.2026")
    shot(browser, "reports-01-form")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[value=submit]"))
    assert "Отчёт сдан" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    assert browser.current_url == report

    login(browser, server, "kmc")
    browser.get(server + "/report-campaigns")
    links = browser.find_elements(By.PARTIAL_LINK_TEXT, "Ежеквартальный отчёт")
    # The newest campaign first: this quarter's.
    submit_and_wait(browser, links[0])
    assert "МБОУ «СОШ № 1»" in browser.find_element(By.TAG_NAME, "body").text
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Сводный отчёт"))
    shot(browser, "reports-02-consolidated")
    text = browser.find_element(By.TAG_NAME, "body").text
    assert "МБОУ «СОШ № 1»: Кабинет центра занят в первую смену" in text
    assert "МБОУ «СОШ № 1»: 64,5" in text
