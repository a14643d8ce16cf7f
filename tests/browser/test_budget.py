"""The administrator takes money from a line of the programme's budget for an event — more than the line has left is
said beside the amount and nothing is taken —, marks it paid, and sees the year's lines with their balances at
desktop and phone width (issue 23, item 6) — in a real browser."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import shot, submit_and_wait
from test_plans import login


def body(browser):
    return browser.find_element(By.TAG_NAME, "body").text


def test_the_administrator_commits_and_pays_within_a_line(server, browser):
    login(browser, server, "admin")
    browser.get(server + "/budget-lines")
    assert "Финансовая поддержка учителей сети" in body(browser)
    assert "Скачать XLSX" in body(browser)
    submit_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Мероприятия сети"))
    assert "32 000 ₽" in body(browser)
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Взять обязательство"))
    source = Select(browser.find_element(By.ID, "source"))
    source.select_by_index(1)
    browser.find_element(By.ID, "amount").send_keys("50000")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form .primary"))
    # More than is left: said beside the amount, nothing taken.
    assert "Больше остатка строки: осталось 32 000 ₽." in browser.find_element(By.ID, "amount-error").text
    shot(browser, "budget-01-above-remainder")
    amount = browser.find_element(By.ID, "amount")
    amount.clear()
    amount.send_keys("10000")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form .primary"))
    assert "Обязательство записано." in body(browser)
    assert "22 000 ₽" in body(browser)
    submit_and_wait(browser, browser.find_elements(By.LINK_TEXT, "Оплатить")[0])
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form .primary"))
    assert "Оплата отмечена." in body(browser)
    shot(browser, "budget-02-line")
    browser.set_window_size(390, 900)
    browser.get(server + "/budget-lines")
    shot(browser, "budget-03-list-phone")
    browser.set_window_size(1280, 900)
