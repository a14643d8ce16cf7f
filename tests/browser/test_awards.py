"""The coordinator (КМЦ) assigns teachers' financial support on the demo's round — an amount above the range is said
beside the field and nothing is saved —, the administrator approves the round after a confirmation and drafts the
order on financial support, which names the round's teachers (issue 23, item 3) — in a real browser at desktop and
phone width."""
from selenium.webdriver.common.by import By

from conftest import shot, submit_and_wait
from test_plans import login


def body(browser):
    return browser.find_element(By.TAG_NAME, "body").text


def amount(browser, name):
    return browser.find_element(By.CSS_SELECTOR, f'input[aria-label="Сумма: {name}"]')


def test_the_kmc_assigns_amounts_and_the_administrator_approves_and_drafts_the_order(server, browser):
    login(browser, server, "kmc")
    browser.get(server + "/awards")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main table a"))
    # Teachers of fewer than three years have no field; Орлов and Ёжиков (four years) do.
    assert "нет права" in body(browser)
    amount(browser, "Орлов Денис Андреевич").send_keys("45000")
    amount(browser, "Ёжиков Павел Семёнович").send_keys("20000")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form .primary"))
    errors = browser.find_elements(By.CSS_SELECTOR, "td p.error")
    assert errors and "от 5 000 ₽ до 30 000 ₽" in errors[0].text
    shot(browser, "awards-01-out-of-range")
    field = amount(browser, "Орлов Денис Андреевич")
    field.clear()
    field.send_keys("30000")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form .primary"))
    assert "Суммы сохранены." in body(browser)
    assert "50 000 ₽" in body(browser)
    browser.set_window_size(390, 900)
    shot(browser, "awards-02-round-phone")
    browser.set_window_size(1280, 900)

    login(browser, server, "admin")
    browser.get(server + "/awards")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main table a"))
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Утвердить распределение"))
    assert "2 педагога, 50 000 ₽ из 111 000 ₽" in body(browser)
    shot(browser, "awards-03-confirm")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "Распределение утверждено." in body(browser)
    assert not browser.find_elements(By.CSS_SELECTOR, "input.amount")
    submit_and_wait(
        browser, browser.find_element(By.XPATH, "//button[text()='Подготовить приказ о финансовой поддержке']"))
    text = body(browser)
    assert "Орлов Денис Андреевич" in text and "Ёжиков Павел Семёнович" in text
    shot(browser, "awards-04-order")
