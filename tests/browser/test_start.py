"""Start pages: every role lands on `/` with what is waiting for it; on a phone the menu folds behind «Меню»."""
import os

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from conftest import SHOTS, shot, submit_and_wait
from test_registry import login

ERRORS = ("Доступ запрещён", "Страница не найдена", "Ошибка на сервере")


@pytest.fixture()
def phone():
    opts = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=ru-RU"):
        opts.add_argument(arg)
    # A true 390 px viewport: a plain window that narrow is widened by Chromium.
    opts.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2}})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    driver.implicitly_wait(1)
    os.makedirs(SHOTS, exist_ok=True)
    yield driver
    driver.quit()


def test_the_coordinator_lands_on_what_is_waiting_and_each_line_leads_somewhere(server, browser):
    login(browser, server, "kmc")
    assert browser.current_url.rstrip("/") == server
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Здравствуйте")
    tasks = browser.find_elements(By.CSS_SELECTOR, "li.task ul a")
    assert tasks, "the demo leaves the coordinator something to do"
    hrefs = [a.get_attribute("href") for a in tasks]
    shot(browser, "start-kmc")
    for href in hrefs:
        browser.get(href)
        assert browser.find_element(By.TAG_NAME, "h1").text not in ERRORS, href


def test_on_a_phone_the_menu_folds_and_the_start_page_comes_first(server, phone):
    login(phone, server, "teacher1")
    assert phone.execute_script("return window.innerWidth") == 390
    menu = phone.find_element(By.CSS_SELECTOR, "nav.menu")
    assert not menu.is_displayed(), "the menu is folded on a phone"
    greeting = phone.find_element(By.TAG_NAME, "h1")
    assert greeting.location["y"] < 400, "the page starts on the first screen, not under the menu"
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 390
    shot(phone, "start-teacher1-phone")
    phone.find_element(By.CSS_SELECTOR, "label.menu-button").click()
    assert menu.is_displayed()
    names = [a.text for a in menu.find_elements(By.TAG_NAME, "a")]
    assert "Журнал" in names and "Партнёры" not in names and "Состав КМЦ" not in names
    shot(phone, "start-teacher1-phone-menu")
    submit_and_wait(phone, menu.find_element(By.LINK_TEXT, "Журнал"))
    assert phone.find_element(By.TAG_NAME, "h1").text.startswith("Журнал")
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 390
