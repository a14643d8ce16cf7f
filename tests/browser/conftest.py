"""Starts `setka serve` on a temporary SQLite file and a free port, and a headless Chromium."""
import os
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHOTS = os.environ.get("SETKA_SCREENSHOTS", os.path.join(tempfile.gettempdir(), "setka-screenshots"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    binary = os.environ.get("SETKA_BIN", os.path.join(ROOT, ".build", "debug", "setka"))
    workdir = tempfile.mkdtemp(prefix="setka-browser-")
    port = free_port()
    env = dict(os.environ, SETKA_SQLITE_PATH=os.path.join(workdir, "setka.sqlite"), SETKA_DEMO="1")
    env.pop("DATABASE_URL", None)
    log = open(os.path.join(workdir, "serve.log"), "w")
    # Run from an unrelated folder: pages must look right whatever the working directory.
    proc = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)],
                            cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(base + "/health", timeout=2).status == 200:
                break
        except OSError:
            time.sleep(0.5)
        if proc.poll() is not None:
            raise RuntimeError("setka serve exited: " + open(os.path.join(workdir, "serve.log")).read())
    else:
        proc.kill()
        raise RuntimeError("setka serve did not answer /health in time")
    yield base
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture()
def browser():
    opts = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=ru-RU"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    driver.implicitly_wait(1)
    os.makedirs(SHOTS, exist_ok=True)
    yield driver
    driver.quit()


def shot(driver, name):
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))


def submit_and_wait(driver, element):
    """Clicks something that loads a new page and waits until the old page is gone and the new one has loaded."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def old_page_gone(d):
        try:
            old.is_enabled()
            return False
        except WebDriverException:
            # Stale, or Chrome's «node does not belong to the document» while it swaps documents: either way, gone.
            return True

    WebDriverWait(driver, 30).until(old_page_gone)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
