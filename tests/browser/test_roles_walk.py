"""Each demo role opens every page of its menu: none is an error page, and each is kept as a screenshot."""
import pytest
from selenium.webdriver.common.by import By

from conftest import shot, submit_and_wait
from test_registry import login

ROLES = ["admin", "kmc", "metod", "centre1", "teacher1", "school1", "student1", "parent1"]


@pytest.mark.parametrize("username", ROLES)
def test_role_walks_its_menu(server, browser, username):
    login(browser, server, username)
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "nav.menu a")]
    assert links, "every signed-in role has a menu"
    for i, href in enumerate(links):
        browser.get(href)
        title = browser.find_element(By.TAG_NAME, "h1").text
        assert title not in ("Доступ запрещён", "Страница не найдена", "Ошибка на сервере"), href
        shot(browser, f"role-{username}-{i:02d}-{href.rsplit('/', 1)[-1] or 'home'}")
        # The first record of a list opens as a card.
        cards = browser.find_elements(By.CSS_SELECTOR, "table.list tbody td a")
        if cards and "/audit" not in href:
            submit_and_wait(browser, cards[0])
            assert browser.find_element(By.TAG_NAME, "h1").text not in ("Доступ запрещён", "Страница не найдена", "Ошибка на сервере")
            shot(browser, f"role-{username}-{i:02d}-card")
