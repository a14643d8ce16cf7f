"""A phone of 390×844 (Chromium's mobile emulation: a plain window that narrow is widened to about 500 px): a
teacher marks a lesson and a guardian reads «Мои дети» without scrolling sideways."""
import os

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from conftest import SHOTS, shot, submit_and_wait
from test_registry import login


@pytest.fixture()
def phone():
    opts = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=ru-RU"):
        opts.add_argument(arg)
    opts.add_experimental_option(
        "mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3.0, "touch": True}})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    driver.implicitly_wait(1)
    os.makedirs(SHOTS, exist_ok=True)
    yield driver
    driver.quit()


def assert_fits(driver):
    width, inner = driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]")
    assert inner == 390
    assert width <= inner, f"the page is {width} px wide on a {inner} px screen"


def test_teacher_marks_a_lesson_on_a_phone(server, phone):
    login(phone, server, "teacher1")
    phone.get(server + "/timetable")
    # Two weeks back: last week's first lesson is the desktop journey's.
    for _ in range(2):
        submit_and_wait(phone, phone.find_element(By.PARTIAL_LINK_TEXT, "предыдущая неделя"))
    submit_and_wait(phone, phone.find_element(By.CSS_SELECTOR, ".lesson a"))
    assert "Журнал:" in phone.find_element(By.TAG_NAME, "h1").text
    lesson = phone.current_url.split("?")[0]
    assert_fits(phone)

    submit_and_wait(phone, phone.find_element(By.XPATH, "//button[normalize-space(.)='Все присутствуют']"))
    present = phone.find_elements(By.CSS_SELECTOR, "input[type=radio][value=present]")
    assert len(present) >= 2 and all(radio.is_selected() for radio in present)
    rows = phone.find_elements(By.CSS_SELECTOR, "table.marks tbody tr")
    # Every choice is a tap target of at least 44 px, inside the screen.
    for chip in phone.find_elements(By.CSS_SELECTOR, "table.marks label.chip"):
        box = chip.rect
        assert box["height"] >= 44 and box["width"] >= 44 and box["x"] + box["width"] <= 390, box
    absent = rows[1].find_element(By.CSS_SELECTOR, "input[value=absent]")
    absent_name = absent.get_attribute("name")
    rows[1].find_element(By.CSS_SELECTOR, "label.chip:has(input[value=absent])").click()
    topic = phone.find_element(By.ID, "topic")
    topic.clear()
    topic.send_keys("Обход графа в ширину")
    assert_fits(phone)
    shot(phone, "90-phone-register-form")
    submit_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert "сохранён" in phone.find_element(By.CSS_SELECTOR, ".flash").text

    phone.get(lesson)
    marks = {radio.get_attribute("name"): radio.get_attribute("value")
             for radio in phone.find_elements(By.CSS_SELECTOR, "input[type=radio]") if radio.is_selected()}
    assert marks[absent_name] == "absent"
    assert sorted(set(marks.values())) == ["absent", "present"]
    assert list(marks.values()).count("absent") == 1
    assert phone.find_element(By.ID, "topic").get_attribute("value") == "Обход графа в ширину"
    assert_fits(phone)
    shot(phone, "91-phone-register-saved")


def test_guardian_reads_children_on_a_phone(server, phone):
    login(phone, server, "parent1")
    phone.get(server + "/children")
    assert "Мои дети" in phone.find_element(By.TAG_NAME, "h1").text
    assert_fits(phone)
    shot(phone, "92-phone-children")
