"""A coordinator's first journey through the registry, in a real browser."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import shot, submit_and_wait


def login(driver, base, username, password="setka-demo"):
    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    # Wait for the login to land before navigating on, or the next page load aborts the form submission.
    submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))


def test_public_page_lists_resource_centres(server, browser):
    browser.get(server + "/")
    shot(browser, "01-public")
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "Ресурсные центры" in body
    assert "МБОУ «Гимназия № 2»" in body
    # The stylesheet is served by the binary itself, whatever the working directory.
    bg = browser.execute_script("return getComputedStyle(document.querySelector('header.top')).backgroundColor")
    assert bg not in ("", "rgba(0, 0, 0, 0)")


def test_coordinator_creates_an_organisation(server, browser):
    login(browser, server, "kmc")
    assert "Котова Алла Игоревна" in browser.find_element(By.TAG_NAME, "header").text
    browser.get(server + "/organizations")
    shot(browser, "02-organizations")
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Добавить организацию"))
    # An empty form is refused with messages next to the fields.
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert browser.find_element(By.ID, "shortName-error").text == "Заполните это поле."
    shot(browser, "03-form-errors")
    Select(browser.find_element(By.ID, "kind")).select_by_value("school")
    browser.find_element(By.ID, "fullName").send_keys("Муниципальное бюджетное общеобразовательное учреждение «Школа № 14»")
    browser.find_element(By.ID, "shortName").send_keys("МБОУ «Школа № 14»")
    browser.find_element(By.ID, "address").send_keys("г. Светлоозёрск, ул. Ёлочная, 14")
    browser.find_element(By.ID, "phone").send_keys("+7 (900) 000-00-14")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert "Организация «МБОУ «Школа № 14»» добавлена." in browser.find_element(By.CSS_SELECTOR, ".flash").text
    shot(browser, "04-card")
    browser.get(server + "/organizations?q=ЕЛОЧНАЯ")
    assert "МБОУ «Школа № 14»" in browser.find_element(By.CSS_SELECTOR, "table.list").text
    # The public page, as a visitor sees it (signed in, `/` is the coordinator's start page).
    browser.delete_all_cookies()
    browser.get(server + "/")
    assert "МБОУ «Школа № 14»" in browser.find_element(By.TAG_NAME, "body").text


def test_school_administrator_cannot_create(server, browser):
    login(browser, server, "school1")
    browser.get(server + "/organizations/new")
    assert "Доступ запрещён" in browser.find_element(By.TAG_NAME, "h1").text
    shot(browser, "05-forbidden")


def test_coordinator_designates_a_resource_centre_seen_on_the_public_page(server, browser):
    login(browser, server, "kmc")
    browser.get(server + "/organizations/new")
    Select(browser.find_element(By.ID, "kind")).select_by_value("school")
    browser.find_element(By.ID, "fullName").send_keys("Муниципальное бюджетное общеобразовательное учреждение «Школа № 15»")
    browser.find_element(By.ID, "shortName").send_keys("МБОУ «Школа № 15»")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    browser.get(server + "/resource-centers")
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Назначить ресурсный центр"))
    Select(browser.find_element(By.ID, "organization")).select_by_visible_text("МБОУ «Школа № 15»")
    for subject in ("география", "экономика"):
        browser.find_element(By.XPATH, f"//label[contains(@class,'check')][normalize-space()='{subject}']/input").click()
    browser.find_element(By.XPATH, "//label[contains(@class,'check')][contains(., 'инженерно-технические проекты')]/input").click()
    browser.find_element(By.ID, "decreeNumber").send_keys("310")
    browser.find_element(By.ID, "decreeDate").send_keys("02.09.2026")
    shot(browser, "06-designation-form")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button.primary"))
    assert "добавлена" in browser.find_element(By.CSS_SELECTOR, ".flash").text
    shot(browser, "07-designation-card")
    browser.delete_all_cookies()
    browser.get(server + "/")
    centres = browser.find_element(By.CSS_SELECTOR, ".cards").text
    assert "МБОУ «Школа № 15»" in centres
    assert "география, экономика" in centres
    shot(browser, "08-public-with-new-centre")
