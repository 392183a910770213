"""Open a view page in headless Chromium with the network cut off, and take a screenshot.

Used by the browser tests and ``bench/view_scale.py`` (the pictures in ``docs/img/``):
``python -m phoihop.view.screenshot PAGE.html OUT.png [WIDTH HEIGHT]``. Needs selenium
(the ``test`` extra) and Debian's ``chromium`` + ``chromium-driver``.
"""
from __future__ import annotations

import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def _binary(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium_available() -> bool:
    return bool(_binary("chromium", "chromium-browser") and _binary("chromedriver"))


@contextmanager
def offline_chromium(width: int = 1400, height: int = 900) -> Iterator["object"]:
    """A headless Chromium that cannot reach any host (DNS and proxy blocked, CDP offline)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = _binary("chromium", "chromium-browser") or "chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={width},{height}", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
                "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                "--disable-background-networking", "--no-first-run", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--lang=vi"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(options=opts, service=Service(_binary("chromedriver") or "chromedriver"))
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
        yield driver
    finally:
        driver.quit()


def wait_until_laid_out(driver, timeout: float = 60.0) -> None:
    """Wait until vis-network has drawn and finished its stabilisation."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if driver.execute_script("return document.body && document.body.getAttribute('data-stable') === '1'"):
            return
        time.sleep(0.1)
    raise TimeoutError(f"the graph was not laid out within {timeout:.0f} s")


def screenshot(page: str | Path, out: str | Path, width: int = 1400, height: int = 900) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with offline_chromium(width, height) as driver:
        driver.get(Path(page).resolve().as_uri())
        wait_until_laid_out(driver)
        time.sleep(0.5)
        driver.save_screenshot(str(out))
    return out


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) not in (2, 4):
        sys.exit("usage: python -m phoihop.view.screenshot PAGE.html OUT.png [WIDTH HEIGHT]")
    size = (int(args[2]), int(args[3])) if len(args) == 4 else (1400, 900)
    print(screenshot(args[0], args[1], *size))
