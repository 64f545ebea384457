"""Browser tests: headless Debian Chromium driven by Playwright (no browser download).

Each page loads with the example store, the map shows markers and opens a popup, the table
filters, the timeline and network render, the document view highlights spans; the browser
asks nothing of any host but the app's, and HTML/JS payloads stay inert. Screenshots go to
test-artifacts/web/.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from sitrep.web import create_app
from test_web_fixtures import PAYLOAD_ACTOR, PAYLOAD_PLACE, LiveServer, web_db  # noqa: F401

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "web"
DEMO = "armenia-azerbaijan-2022-09-13"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="Debian chromium not installed (apt-get install chromium); browser tests skipped")


@pytest.fixture(scope="module")
def server(web_db):  # noqa: F811
    with LiveServer(create_app(web_db)) as live:
        yield live


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM,
                              args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A page that records every request, console error and dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.requests, pg.errors, pg.dialogs, pg.failed = [], [], [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("response", lambda r: r.status >= 400 and pg.failed.append((r.status, r.url)))
    pg.on("requestfailed", lambda r: pg.failed.append((r.failure, r.url)))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    assert not pg.dialogs, f"a payload opened a dialog: {pg.dialogs}"
    assert pg.evaluate("window.__xss") is None, "an HTML/JS payload ran"
    assert not pg.errors, pg.errors
    assert not pg.failed, pg.failed
    context.close()


def shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("url,name,heading", [
    ("/", "overview", "Overview"), ("/events", "events", "Events"), ("/claims", "claims", "Contested claims"),
    (f"/documents/{DEMO}", "document", "Armenia-Azerbaijan border clashes"),
])
def test_pages_load(page, server, url, name, heading):
    page.goto(server.url + url)
    assert heading in page.locator("h1").inner_text()
    shot(page, name)


def test_only_localhost_is_contacted(page, server):
    for url in ("/", "/events", "/map", "/timeline", "/network", "/claims", f"/documents/{DEMO}"):
        page.goto(server.url + url)
        page.wait_for_load_state("networkidle")
    hosts = {urlparse(u).hostname for u in page.requests if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, hosts


def test_map_markers_and_popup(page, server):
    page.goto(server.url + "/map")
    page.wait_for_selector("#map[data-ready]")
    page.wait_for_selector("path.leaflet-interactive")  # country outlines are not interactive; markers are
    assert page.locator("path.event-marker, .marker-cluster").count() >= 1
    assert page.locator("#map .leaflet-overlay-pane path").count() > 100  # Natural Earth outlines
    while page.locator("path.event-marker").count() == 0:
        page.locator(".marker-cluster").first.click()
        page.wait_for_timeout(400)
    page.locator("path.event-marker").first.click(force=True)
    popup = page.wait_for_selector(".leaflet-popup-content .popup")
    text = popup.inner_text()
    assert "Date" in text and "Evidence" in text
    assert popup.query_selector("a.evidence").get_attribute("href").startswith("/documents/")
    shot(page, "map")


def test_map_popup_payload_is_inert(page, server):
    page.goto(server.url + "/map?q=militia")
    page.wait_for_selector("#map[data-ready]")
    page.wait_for_selector("path.event-marker")
    page.locator("path.event-marker").first.click(force=True)
    popup = page.wait_for_selector(".leaflet-popup-content .popup")
    assert PAYLOAD_ACTOR in popup.inner_text() and PAYLOAD_PLACE in popup.inner_text()
    assert popup.query_selector("img, svg, script") is None
    shot(page, "map-payload")


def test_events_table_filters(page, server):
    page.goto(server.url + "/events")
    before = page.locator("table.events tbody tr").count()
    page.select_option("select[name=type]", "Protests")
    page.click("form.filter button[type=submit]")
    page.wait_for_url("**/events?*type=Protests*")
    rows = page.locator("table.events tbody tr")
    assert 0 < rows.count() < before
    assert all("Protests" in rows.nth(i).inner_text() for i in range(rows.count()))
    shot(page, "events-filtered")


def test_timeline_renders_and_range_filters(page, server):
    page.goto(server.url + "/timeline")
    page.wait_for_selector("#timeline[data-ready]")
    assert page.locator("#timeline rect.bar").count() >= 3
    shot(page, "timeline")
    box = page.locator("#timeline svg").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.05, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    page.wait_for_url("**/timeline?*since=*until=*")
    page.wait_for_selector("#timeline[data-ready]")  # the filtered page's own data in before leaving it: a click
    # while its timeline.json is in flight aborts that request (a race of the test, not a failure of the server)
    href = page.locator("header nav a", has_text="Events").get_attribute("href")
    assert "since=" in href and "until=" in href
    page.click("header nav a:has-text('Map')")
    page.wait_for_selector("#map[data-ready]")
    assert "since=" in page.url


def test_network_renders_and_links_to_actors(page, server):
    page.goto(server.url + "/network")
    page.wait_for_selector("#network[data-ready]")
    assert page.locator("#network a.node").count() >= 5
    assert page.locator("#network line.edge-relation").count() >= 2
    assert page.locator("#network line.edge-event").count() >= 1
    labels = page.locator("#network text.label").evaluate_all("els => els.map(e => e.textContent)")
    assert PAYLOAD_ACTOR in labels  # shown as text, not markup
    assert page.locator("#network image, #network foreignObject").count() == 0
    shot(page, "network")
    page.locator("#network a.node", has_text="Armenia").first.dispatch_event("click")
    page.wait_for_url("**/actors/A*")
    assert "Events as actor" in page.content()
    shot(page, "actor")


def test_document_view_highlights_spans(page, server):
    page.goto(server.url + "/documents/wire-contest")
    for kind in ("actor", "trigger", "date", "place", "toll", "claim"):
        assert page.locator(f"#article .k-{kind}").count() >= 1, kind
    page.locator("#article .k-place").first.hover()
    assert "place of" in page.locator("#details ul").inner_text()
    shot(page, "document-contest")


def test_payload_document_is_inert(page, server):
    page.goto(server.url + "/documents/wire-payload")
    assert page.locator("#article script, #article img, #article svg, #article b").count() == 0
    for span in page.locator("#article .hl").all():
        span.hover()
    assert "<script>" in page.locator("#article").inner_text()
    shot(page, "document-payload")
