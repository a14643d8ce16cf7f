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


def test_the_kmc_issues_an_assignment_and_the_centre_sees_its_results_in_its_plan(server, browser):
    login(browser, server, "kmc")
    browser.get(server + "/assignments/new")
    from selenium.webdriver.support.ui import Select
    Select(browser.find_element(By.ID, "organization")).select_by_visible_text("МБОУ «Гимназия № 2»")
    browser.find_element(By.ID, "title").send_keys("Сетевой проект по физике")
    # Issued without goals: refused with the field named.
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[value=issue]"))
    assert "Заполните это поле." in browser.find_element(By.ID, "goals-error").text
    browser.find_element(By.ID, "goals").send_keys("Развитие одарённости в области физики.")
    browser.find_element(By.ID, "content").send_keys("Разработать сетевой проект.")
    browser.find_element(By.ID, "results").send_keys("Проект и отчёт.")
    shot(browser, "assignments-01-form")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[value=issue]"))
    assert "Задание выдано" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    assignment = browser.current_url
    assert "Аналитическая справка по результатам внедрения" in body(browser)

    login(browser, server, "centre1")
    browser.get(server + "/assignments")
    assert "Сетевой проект по физике" in body(browser)
    browser.get(assignment)
    browser.set_window_size(390, 900)
    shot(browser, "assignments-02-phone")
    browser.set_window_size(1280, 900)
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Положение о ресурсном центре"))
    assert "нужно подтверждение" in body(browser) or "подтвержд" in body(browser)
