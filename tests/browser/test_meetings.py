"""The КМЦ hears a centre's year at a held meeting and records its decision on the designation (issue 22, item 6);
a centre's head drafts the year's analytic note, writes the conclusions and counts the figures again (item 7) — in a
real browser at desktop and phone width."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import shot, submit_and_wait
from test_plans import login


def body(browser):
    return browser.find_element(By.TAG_NAME, "body").text


def test_the_kmc_hears_a_centre_and_the_decision_is_on_its_card(server, browser):
    login(browser, server, "kmc")
    browser.get(server + "/meetings")
    submit_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Работа ресурсных центров"))
    meeting = browser.current_url
    assert "МБОУ «Лицей № 5»" in body(browser)
    centre = Select(browser.find_element(By.ID, "center"))
    option = next(o.text for o in centre.options if o.text.startswith("МБОУ «Гимназия № 2»"))
    centre.select_by_visible_text(option)
    Select(browser.find_element(By.ID, "decision")).select_by_value("change")
    # A change without saying what changes: refused beside the field, the choices kept.
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Записать решение о центре']"))
    assert "Укажите, какие функции и направления" in browser.find_element(By.ID, "reasoning-error").text
    assert Select(browser.find_element(By.ID, "center")).first_selected_option.text == option
    browser.find_element(By.ID, "reasoning").send_keys("Добавить направление «Инженерное образование».")
    shot(browser, "meetings-01-hearing-form")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Записать решение о центре']"))
    assert "Решение записано" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    assert browser.current_url.startswith(meeting)
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "МБОУ «Гимназия № 2»"))
    assert "Решения КМЦ о статусе центра" in body(browser)
    assert "Добавить направление «Инженерное образование»." in body(browser)
    browser.set_window_size(390, 900)
    shot(browser, "meetings-02-centre-card-phone")
    browser.set_window_size(1280, 900)


def test_the_head_drafts_the_analytic_note_and_counts_again(server, browser):
    login(browser, server, "centre1")
    browser.get(server + "/analytic-notes")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Составить справку']"))
    assert "Черновик справки составлен" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    note = browser.current_url
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Изменить текст"))
    browser.find_element(By.ID, "conclusions").clear()
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert "Напишите выводы" in browser.find_element(By.ID, "conclusions-error").text
    browser.find_element(By.ID, "conclusions").send_keys("Курс востребован; открыть вторую группу.")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert browser.current_url == note
    assert "открыть вторую группу" in body(browser)
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Пересчитать данные']"))
    assert "пересчитаны" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    assert "открыть вторую группу" in body(browser)
    browser.set_window_size(390, 900)
    shot(browser, "notes-01-phone")
    browser.set_window_size(1280, 900)
