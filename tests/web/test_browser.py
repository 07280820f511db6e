"""End to end in headless Chromium: upload, see highlights, review by keyboard, search, country, PDF.

The server is a real uvicorn on a free loopback port in a thread, over a
SQLite library in a temporary directory. Screenshots of every page at 1280 px
and 375 px go to /tmp/habeas-shots/ for a human to look at.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_helpers import PUBLIC_TEXT

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(os.environ.get("HABEAS_SHOTS", "/tmp/habeas-shots"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium): browser tests skipped")
    pytest.importorskip("playwright.sync_api", reason="playwright (Python) not installed")
    import uvicorn

    from habeas.settings import Settings
    from habeas.web import create_app

    root = tmp_path_factory.mktemp("browser")
    settings = Settings(database_url=f"sqlite:///{root / 'habeas.db'}", data_dir=root / "data")
    port = _free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not uv.started and time.time() < deadline:
        time.sleep(0.05)
    assert uv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


def _shoot(browser, url: str, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, label in ((1280, "desktop"), (375, "mobile")):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.set_default_timeout(60_000)  # a loaded CI machine is slow, not broken
        page.goto(url)
        page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=label == "desktop")
        page.close()


def test_empty_library_says_so(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.set_default_timeout(60_000)  # a loaded CI machine is slow, not broken
    page.goto(server + "/library")
    assert "No documents yet" in page.inner_text("main")
    _shoot(browser, server + "/library", "library-empty")
    _shoot(browser, server + "/review", "review-empty")
    page.close()


def test_whole_editor_journey(server: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.set_default_timeout(60_000)  # a loaded CI machine is slow, not broken
    page.goto(server + "/library")
    # The skip link is the first stop for keyboard users.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"

    # Upload through the file picker (the same handler as drag and drop).
    upload_file = tmp_path / "freedonia-monitor.txt"
    upload_file.write_text(PUBLIC_TEXT)
    page.click("summary")
    page.fill("input[name=country]", "FIN")
    page.select_option("select[name=kind]", "monitor")
    page.fill("input[name=published]", "2024-03-01")
    page.set_input_files("#upload-files", str(upload_file))
    page.wait_for_selector("#upload-results li.result-ingested a", timeout=20000)
    page.click("#upload-results li.result-ingested a")

    # The document page shows its facts highlighted and linked.
    page.wait_for_selector("a.fact-mark mark")
    marks = page.locator("a.fact-mark")
    assert marks.count() >= 1
    assert "4,210" in page.inner_text(".text-body")
    doc_url = page.url

    # Review queue by keyboard: the card advances without a page reload.
    page.goto(server + "/review")
    page.wait_for_selector("#review-card[data-fact-id]")
    page.evaluate("window.__sameDocument = true")
    first = page.get_attribute("#review-card", "data-fact-id")
    quote = page.inner_text("#review-card blockquote mark")
    assert quote.strip()
    page.keyboard.press("a")
    page.wait_for_function(
        f"document.querySelector('#review-card') && "
        f"document.querySelector('#review-card').dataset.factId !== '{first}'")
    assert page.evaluate("window.__sameDocument") is True, "the queue reloaded the page"
    assert f"Accepted fact {first}" in page.inner_text("#review-card")

    # Correct with 'e', then move with j/k.
    if page.get_attribute("#review-card", "data-fact-id"):
        page.keyboard.press("e")
        assert page.is_visible("#correct-form")
        page.keyboard.press("Escape")
        assert not page.is_visible("#correct-form")
    _shoot(browser, page.url, "review")

    # The accepted fact is marked accepted on the document page.
    page.goto(doc_url)
    assert page.locator(f'a.fact-mark.status-accepted[href="/facts/{first}"]').count() == 1 or \
        page.locator("a.fact-mark.status-accepted").count() >= 1
    _shoot(browser, doc_url, "document")

    # Search finds it, highlighted.
    page.goto(server + "/search?q=immigration+detention")
    assert page.locator(".hit mark").count() >= 1
    assert "freedonia" in page.inner_text(".hits").lower() or page.locator(".hit").count() >= 1
    _shoot(browser, page.url, "search")

    # The country page shows the accepted fact and offers the PDF.
    page.goto(server + "/countries/FIN")
    assert "Finland" in page.inner_text("h1")
    with page.expect_download() as download_info:
        page.click("text=PDF")
    pdf_path = tmp_path / "profile.pdf"
    download_info.value.save_as(str(pdf_path))
    assert pdf_path.read_bytes().startswith(b"%PDF")
    _shoot(browser, page.url, "country")

    for path, name in (("/library", "library"), ("/facts", "facts"), ("/countries", "countries"),
                       ("/updates", "updates"), (f"/facts/{first}", "fact")):
        _shoot(browser, server + path, name)
    page.close()


def test_inline_correction_in_facts_table(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(60_000)  # a loaded CI machine is slow, not broken
    page.goto(server + "/facts?type=treaty")
    row = page.locator("table.facts-table tbody tr").first
    row_id = row.get_attribute("id")
    row.locator("button", has_text="Correct").click()
    page.wait_for_selector(f"#{row_id}.editing")
    page.fill(f"#{row_id} input[name=year]", "1997")
    page.click(f"#{row_id} button[name=_op][value=accept]")
    page.wait_for_selector(f"#{row_id}:not(.editing)")
    text = page.inner_text(f"#{row_id}")
    assert "1997" in text and "accepted" in text.lower()
    page.close()
