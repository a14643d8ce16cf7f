"""Enrolment journeys in a real browser: a guardian's ИУП ends on a waiting list; a КМЦ list is accepted by the centre;
a school imports students from a file."""
import os
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import shot, submit_and_wait
from test_registry import login


def open_group(browser, server, name):
    browser.get(server + "/groups?q=" + name)
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, name))


def test_guardian_fills_an_iup_and_sees_the_child_on_the_waiting_list(server, browser):
    # The centre fills its group to the last place, so the next applicant waits.
    login(browser, server, "centre1")
    open_group(browser, server, "Информатика-10")
    facts = browser.find_element(By.CSS_SELECTOR, "dl.facts").text
    taken = int(facts.split("занято ")[1].split(" из")[0])
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Изменить"))
    capacity = browser.find_element(By.ID, "capacity")
    capacity.clear()
    capacity.send_keys(str(taken))
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert f"занято {taken} из {taken}" in browser.find_element(By.CSS_SELECTOR, "dl.facts").text
    browser.get(server + "/logout")
    browser.delete_all_cookies()

    login(browser, server, "parent1")
    browser.get(server + "/applications")
    shot(browser, "30-parent-applications")
    submit_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Подать заявку"))
    shot(browser, "31-iup-form")
    options = Select(browser.find_element(By.ID, "choice1")).options
    value = next(o.get_attribute("value") for o in options if "Информатика-10" in o.text)
    Select(browser.find_element(By.ID, "choice1")).select_by_value(value)
    # Without the agreement the ИУП is refused next to the checkbox.
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert "отметьте согласие" in browser.find_element(By.ID, "agree-error").text
    Select(browser.find_element(By.ID, "choice1")).select_by_value(value)
    browser.find_element(By.CSS_SELECTOR, "input[name=agree][value=yes]").click()
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    flash = browser.find_element(By.CSS_SELECTOR, ".flash").text
    assert "листе ожидания" in flash and "место № 1" in flash
    assert "лист ожидания, место № 1" in browser.find_element(By.TAG_NAME, "main").text
    shot(browser, "32-iup-waitlisted")
    browser.get(server + "/applications")
    assert "Информатика-10" in browser.find_element(By.TAG_NAME, "main").text
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "ИУП для печати"))
    assert "Индивидуальный учебный план обучающегося" in browser.find_element(By.TAG_NAME, "article").text
    shot(browser, "33-iup-printable")


def test_coordinator_sends_a_list_and_the_centre_accepts_it(server, browser):
    login(browser, server, "kmc")
    open_group(browser, server, "Математика-11")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Составить список КМЦ']"))
    Select(browser.find_element(By.ID, "grade")).select_by_value("11")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.filters button"))
    boxes = browser.find_elements(By.CSS_SELECTOR, "#candidates input[type=checkbox]")
    assert len(boxes) >= 2
    names = [browser.find_element(By.CSS_SELECTOR, f"label[for='{b.get_attribute('id')}']").text for b in boxes[:2]]
    for b in boxes[:2]:
        b.click()
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Добавить выбранных']"))
    assert "Добавлено в список: 2" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    shot(browser, "34-kmc-list")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Отправить в ресурсный центр']"))
    assert "отправлен" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    list_url = browser.current_url
    browser.get(server + "/logout")
    browser.delete_all_cookies()

    login(browser, server, "centre1")
    browser.get(server + "/lists")
    shot(browser, "35-centre-lists")
    browser.get(list_url)
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Принять список и зачислить']"))
    assert "Список принят: зачислено 2" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    open_group(browser, server, "Математика-11")
    enrolled = browser.find_element(By.TAG_NAME, "main").text
    for n in names:
        assert n in enrolled
    shot(browser, "36-group-after-list")


def test_school_imports_students_from_a_file(server, browser):
    login(browser, server, "school1")
    browser.get(server + "/students")
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Загрузить из файла"))
    shot(browser, "37-import-form")
    path = os.path.join(tempfile.mkdtemp(), "9б.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("Фамилия;Имя;Отчество;Дата рождения;Пол;Класс\nЛиповая;Марина;Олеговна;03.04.2011;ж;9Б\nКаштанов;Илья;;17.08.2011;м;9Б\n")
    browser.find_element(By.ID, "file").send_keys(path)
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert "Новые обучающиеся (2)" in browser.find_element(By.TAG_NAME, "main").text
    shot(browser, "38-import-preview")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Загрузить в реестр']"))
    assert "добавлено 2" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    browser.get(server + "/students?q=Липовая")
    assert "Липовая Марина Олеговна" in browser.find_element(By.TAG_NAME, "main").text
