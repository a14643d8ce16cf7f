"""A centre's head corrects the activity programme the КМЦ returned and submits it again; the КМЦ agrees it and its
work plan becomes the centre's plan (issue 22, item 3), in a real browser at desktop and phone width."""
from selenium.webdriver.common.by import By

from conftest import shot, submit_and_wait
from test_plans import login


def body(browser):
    return browser.find_element(By.TAG_NAME, "body").text


def test_the_head_corrects_and_submits_the_programme_and_the_kmc_agrees_it(server, browser):
    login(browser, server, "centre1")
    browser.get(server + "/")
    assert "Программа деятельности РЦ: дописать и направить" in body(browser)
    submit_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "учебный год"))
    program = browser.current_url
    assert "Дополните план работы мероприятиями для родителей." in body(browser)
    browser.set_window_size(390, 900)
    shot(browser, "programs-01-returned-phone")
    browser.set_window_size(1280, 900)
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Изменить"))
    # A section emptied: the submission is refused with the section named, beside it.
    browser.find_element(By.ID, "goals").clear()
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[value=submit]"))
    assert "Заполните раздел «Цель и задачи деятельности РЦ»." in browser.find_element(By.ID, "goals-error").text
    browser.find_element(By.ID, "goals").send_keys("Цель: повысить результаты обучающихся города.")
    browser.find_element(By.ID, "workPlan").send_keys(
        "\nРодительское собрание «Олимпиадный путь»; до 20.12; Белова И. О.; Совет родителей")
    shot(browser, "programs-02-form")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[value=submit]"))
    assert "направлена на согласование" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    assert browser.current_url == program
    assert "Версия 2" in body(browser)

    login(browser, server, "kmc")
    browser.get(server + "/")
    assert "Программы деятельности РЦ на согласовании" in body(browser)
    browser.get(program)
    assert "Родительское собрание «Олимпиадный путь»" in body(browser)
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[value=agree]"))
    assert "Программа согласована" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "План работы РЦ"))
    assert "Родительское собрание «Олимпиадный путь» (партнёры: Совет родителей)" in body(browser)
    shot(browser, "programs-03-plan")
    browser.get(program + "/document")
    assert "СОГЛАСОВАНО" in body(browser)
    shot(browser, "programs-04-document")
