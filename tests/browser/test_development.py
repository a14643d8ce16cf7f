"""A school's administration puts a teacher's course into the professional development plan-schedule, with a
mistake corrected beside the field; the coordinator sees who is due and the staff card shows the course (issue 23,
item 2) — in a real browser at desktop and phone width."""
import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import shot, submit_and_wait
from test_plans import login


def body(browser):
    return browser.find_element(By.TAG_NAME, "body").text


def test_a_school_plans_a_course_and_the_coordinator_sees_who_is_due(server, browser):
    login(browser, server, "school1")
    browser.get(server + "/professional-development")
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Добавить курс"))
    Select(browser.find_element(By.ID, "teacher")).select_by_visible_text(
        "Никитина Ольга Сергеевна — МБОУ «СОШ № 1»")
    browser.find_element(By.ID, "course").send_keys("Функциональная грамотность на уроках")
    browser.find_element(By.ID, "provider").send_keys("Институт развития образования края")
    browser.find_element(By.ID, "hours").send_keys("0")
    start = datetime.date.today() + datetime.timedelta(days=60)
    browser.find_element(By.ID, "startsOn").send_keys(start.strftime("%d.%m.%Y"))
    Select(browser.find_element(By.ID, "trip")).select_by_visible_text("Выезд в другой регион")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form .primary"))
    # The volume is wrong: said beside the field, nothing saved.
    assert browser.find_element(By.ID, "hours-error").text
    shot(browser, "development-01-form-error")
    hours = browser.find_element(By.ID, "hours")
    hours.clear()
    hours.send_keys("36")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form .primary"))
    assert "Функциональная грамотность на уроках" in body(browser)
    assert "Запланировано" in body(browser)

    login(browser, server, "kmc")
    browser.get(server + "/professional-development/due")
    text = body(browser)
    assert "Выполнение плана-графика" in text
    # Никитина has nothing completed but now has a course planned: no longer among those due.
    assert "Никитина" not in browser.find_element(By.CSS_SELECTOR, "main table").text
    assert "Белова" in text
    browser.set_window_size(390, 900)
    shot(browser, "development-02-due-phone")
    browser.set_window_size(1280, 900)
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Повышение квалификации"))
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Никитина Ольга Сергеевна"))
    assert "Функциональная грамотность на уроках" in body(browser)
    assert "Сетевая работа" in body(browser)
    shot(browser, "development-03-staff-card")
