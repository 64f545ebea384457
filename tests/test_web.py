"""The web app over a real store: pages and JSON twins, filters, spans, escaping, the token."""
from __future__ import annotations

import html
import os
import re
import stat
from pathlib import Path

import pytest
from markupsafe import escape
from fastapi.testclient import TestClient

from sitrep.errors import SitrepError
from sitrep.web import create_app, highlight
from sitrep.web.auth import authorized, configured_token, ensure_token_file, read_token_file
from test_web_fixtures import PAYLOAD_PLACE, PAYLOAD_TEXT, PAYLOAD_TITLE, web_db  # noqa: F401

DEMO = "armenia-azerbaijan-2022-09-13"
PAGES = ["/", "/events", "/map", "/timeline", "/network", "/claims", f"/documents/{DEMO}", "/documents/wire-payload"]
TOKEN = "t0k3n-for-the-tests-only-0123456789"


@pytest.fixture(scope="module")
def client(web_db):  # noqa: F811
    return TestClient(create_app(web_db))


@pytest.fixture
def writer(web_db, pipeline):  # noqa: F811
    app = create_app(web_db, token=TOKEN, max_body=5_000)
    app.state.pipeline = pipeline
    return TestClient(app)


# ---- pages and twins ----------------------------------------------------------------------
@pytest.mark.parametrize("url", PAGES)
def test_page_and_json_twin(client, url):
    page = client.get(url)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    twin = client.get("/.json" if url == "/" else url + ".json")
    assert twin.status_code == 200 and isinstance(twin.json(), dict)


@pytest.mark.parametrize("url", ["/api/events", "/api/claims", "/api/actors", "/api/relations", "/api/documents",
                                 "/api/timeline", "/api/network", "/api/map", "/api/stats", "/openapi.json"])
def test_api_routes(client, url):
    assert client.get(url).status_code == 200


def test_openapi_describes_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/documents", "/api/network", "/events.json"} <= set(paths)
    assert "post" in paths["/api/documents"]


def test_missing_things_are_404(client):
    for url in ("/documents/nope", "/documents/nope.json", "/actors/A999999", "/api/events/E999999"):
        assert client.get(url).status_code == 404, url


def test_events_filter_by_country_and_type(client):
    every = client.get("/events.json").json()
    aze = client.get("/events.json", params={"country": "AZE", "type": "Violence against civilians"}).json()
    assert 0 < aze["total"] < every["total"]
    assert all(e["acled"]["event_type"] == "Violence against civilians" for e in aze["events"])


def test_events_paginate_server_side(client):
    total = client.get("/events.json").json()["total"]
    first = client.get("/events.json", params={"limit": 5}).json()
    second = client.get("/events.json", params={"limit": 5, "offset": 5}).json()
    assert total > 10 and len(first["events"]) == 5 and len(second["events"]) == 5
    assert not {e["id"] for e in first["events"]} & {e["id"] for e in second["events"]}
    page = client.get("/events", params={"limit": 5}).text
    assert 'rel="next"' in page and f"of {total}" in page


def test_empty_form_fields_are_no_filter(client):
    every = client.get("/events.json").json()["total"]
    empty = {k: "" for k in ("country", "actor", "type", "status", "since", "until", "contested", "q")}
    assert client.get("/events.json", params=empty).json()["total"] == every
    assert client.get("/events", params=empty).status_code == 200


def test_events_sort_by_fatalities(client):
    rows = client.get("/events.json", params={"sort": "fatalities", "desc": True, "limit": 3}).json()["events"]
    tolls = [(e.get("fatalities") or {}).get("count") or 0 for e in rows]
    assert tolls == sorted(tolls, reverse=True) and tolls[0] >= 5


@pytest.mark.parametrize("params,why", [
    ({"sort": "drop table"}, "sort keys come from a whitelist"),
    ({"limit": 0}, "a page holds at least one row"),
    ({"limit": 100000}, "pages are bounded"),
    ({"since": "yesterday"}, "dates are ISO dates"),
    ({"until": "2022-13-45"}, "dates are real dates"),
    ({"contested": "maybe"}, "contested is true or false"),
    ({"status": "rumoured"}, "statuses are the SPEC's"),
])
def test_bad_parameters_are_422(client, params, why):
    assert client.get("/api/events", params=params).status_code == 422, why


def test_every_row_links_to_its_evidence(client):
    data = client.get("/events.json", params={"limit": 500}).json()
    page = client.get("/events", params={"limit": 500}).text
    for ev in data["events"]:
        m = ev["mentions"][0]
        assert html.escape(f"/documents/{m['document_id']}#ev-{m['event_id']}") in page


def test_timeline_range_is_kept_in_links_to_other_views(client):
    page = client.get("/timeline", params={"since": "2022-09-13", "until": "2022-09-14"}).text
    assert 'href="/map?since=2022-09-13&amp;until=2022-09-14"' in page
    assert 'href="/events?since=2022-09-13&amp;until=2022-09-14"' in page
    days = client.get("/timeline.json", params={"since": "2022-09-13", "until": "2022-09-14"}).json()["days"]
    assert days and {d["date"] for d in days} <= {"2022-09-13", "2022-09-14"}


def test_map_points_carry_popup_facts(client):
    points = client.get("/map.json").json()["points"]
    jermuk = next(p for p in points if p["place"] == "Jermuk")
    assert jermuk["type"] == "Explosions/Remote violence" and jermuk["fatalities"] == 5
    assert jermuk["actors"] == ["Azerbaijani forces"] and jermuk["evidence"].startswith("/documents/wire-contest#ev-")


def test_network_has_typed_weighted_edges(client):
    net = client.get("/network.json").json()
    kinds = {e["kind"] for e in net["edges"]}
    assert kinds == {"event", "relation"}
    assert {"member_of", "military_presence"} <= {e["type"] for e in net["edges"]}
    assert all(e["weight"] >= 1 for e in net["edges"])


def test_contested_claims_side_by_side(client):
    data = client.get("/claims.json").json()
    pair = next(g for g in data["groups"] if len(g) == 2)
    assert {c["stance"] for c in pair} == {"accuse", "deny"}
    page = client.get("/claims").text
    assert page.count('<section class="contest">') >= 1 and "Armenian defence ministry" in page


def test_actor_page_lists_events_and_relations(client):
    arm = client.get("/api/actors", params={"q": "Armenia", "kind": "state", "country": "ARM"}).json()["actors"][0]
    page = client.get(f"/actors/{arm['id']}").text
    assert "Events as actor" in page and "member_of" in page and "Mentions" in page


# ---- document view ------------------------------------------------------------------------
def test_document_view_highlights_every_kind(client):
    page = client.get("/documents/wire-contest").text
    for kind in ("actor", "trigger", "date", "place", "toll", "claim"):
        assert f"k-{kind}" in page.split('<div id="article"')[1], kind
    assert 'id="ev-e1"' in page and 'id="claim-c1"' in page


def test_example_document_highlights_coded_actors(client):
    page = client.get(f"/documents/{DEMO}").text
    article = page.split('<div id="article"')[1].split("</div>")[0]
    assert article.count("k-actor") >= 10 and article.count("k-trigger") >= 1


@pytest.mark.parametrize("text,result,expected,why", [
    ("Armenia shelled Azerbaijan",
     {"actors": [{"name": "Armenia", "mentions": [{"start": 0, "end": 7}]}],
      "events": [{"id": "e1", "trigger": {"start": 8, "end": 15}}]},
     [("Armenia", ["actor"]), (" ", []), ("shelled", ["trigger"]), (" Azerbaijan", [])],
     "separate spans become separate segments"),
    ("Russia said Armenia fired",
     {"actors": [{"name": "Armenia", "mentions": [{"start": 12, "end": 19}]}],
      "claims": [{"id": "c1", "text": {"start": 0, "end": 25}}]},
     [("Russia said ", ["claim"]), ("Armenia", ["actor", "claim"]), (" fired", ["claim"])],
     "a span inside a claim is cut out and keeps both kinds"),
    ("abc", {"actors": [{"name": "x", "mentions": [{"start": 2, "end": 9}, {"start": 2, "end": 1}]}]},
     [("abc", [])], "spans outside the text or reversed are ignored"),
])
def test_segments(text, result, expected, why):
    segs = highlight.segments(text, result)
    assert [(s.text, s.kinds) for s in segs] == expected, why
    assert "".join(s.text for s in segs) == text


# ---- escaping -----------------------------------------------------------------------------
@pytest.mark.parametrize("url", PAGES + ["/events?q=militia", "/claims?contested=false"])
def test_payloads_are_escaped_in_html(client, web_db, url):  # noqa: F811
    page = client.get(url).text
    for raw in ("<script>window.__xss", "<img src=x", "<svg onload", "<b onmouseover", "<i>src</i>"):
        assert raw not in page, (url, raw)


def test_payloads_shown_as_text(client):
    page = client.get("/documents/wire-payload").text
    for raw in (PAYLOAD_TITLE, "<script>window.__xss=5</script>", PAYLOAD_PLACE):
        assert str(escape(raw)) in page, raw
    assert PAYLOAD_TEXT not in page


def test_document_url_must_be_http(web_db, example_result):  # noqa: F811
    from sitrep.store import Store
    from sitrep.store.synthetic import report

    r = report("wire-js-url", "A javascript link test: troops clashed.", published="2022-01-01")
    r.document.url = "javascript:window.__xss=9"
    with Store(web_db) as store:
        store.add(r)
    page = TestClient(create_app(web_db)).get("/documents/wire-js-url").text
    assert "javascript:" not in page.split('class="meta"')[1].split("</p>")[0]


# ---- token and ingest ---------------------------------------------------------------------
def test_token_file_is_private(tmp_path, monkeypatch):
    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    path = ensure_token_file(tmp_path / "cfg" / "token")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    token = configured_token(enable_writes=True, path=path)
    assert len(token) >= 32 and ensure_token_file(path).read_text().strip() == token
    os.chmod(path, 0o644)
    with pytest.raises(SitrepError, match="E402"):
        read_token_file(path)


def test_writes_off_without_token_or_flag(tmp_path, monkeypatch):
    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    assert configured_token(enable_writes=False, path=tmp_path / "token") is None
    monkeypatch.setenv("SITREP_TOKEN", "from-the-environment-1234")
    assert configured_token(enable_writes=False) == "from-the-environment-1234"


@pytest.mark.parametrize("header,ok", [
    (f"Bearer {TOKEN}", True), (f"bearer {TOKEN}", True), (None, False), ("", False), ("Bearer ", False),
    (f"Basic {TOKEN}", False), (f"Bearer {TOKEN}x", False), ("Bearer wrong", False),
])
def test_authorized(header, ok):
    assert authorized(header, TOKEN) is ok


def test_ingest_is_off_without_a_token(client):
    r = client.post("/api/documents", json={"text": "Troops clashed."}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403 and r.json()["detail"]["error"] == "E401"


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong-token"}, {"Authorization": TOKEN}])
def test_ingest_refuses_missing_or_wrong_token(writer, headers):
    r = writer.post("/api/documents", json={"text": "Troops clashed."}, headers=headers)
    assert r.status_code == 401 and r.json()["detail"]["error"] == "E404"


@pytest.mark.parametrize("body,status,code", [
    ("x" * 6_000, 413, "E405"), ("not json", 422, "E406"), ('{"title": "no text"}', 422, "E406"),
    ('{"text": "ok", "title": 5}', 422, "E406"), ('["text"]', 422, "E406"),
])
def test_ingest_refuses_bad_bodies(writer, body, status, code):
    r = writer.post("/api/documents", content=body,
                    headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert r.status_code == status and r.json()["detail"]["error"] == code


def test_ingest_codes_and_stores(writer):
    text = ("Azerbaijani forces shelled the Armenian town of Goris on Monday, killing two civilians, "
            "the Armenian defence ministry said.")
    r = writer.post("/api/documents", json={"id": "posted-1", "text": text, "published": "2022-09-19",
                                            "title": "Posted"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["added"] is True and body["events"] >= 1
    assert writer.get(body["url"]).status_code == 200
    again = writer.post("/api/documents", json={"id": "posted-1", "text": text, "published": "2022-09-19"},
                        headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.status_code == 201 and again.json()["added"] is False
    assert again.json()["document_id"] == "posted-1"
    other = writer.post("/api/documents", json={"id": "posted-1", "text": text.replace("two", "three"),
                                                "published": "2022-09-19"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert other.json()["added"] is True and other.json()["document_id"].startswith("posted-1~")
    assert "three civilians" in writer.get(other.json()["url"] + ".json").json()["document"]["text"]


# ---- the CLI verb -------------------------------------------------------------------------
@pytest.fixture
def fake_serve(monkeypatch):
    import sitrep.web

    calls = []
    monkeypatch.setattr(sitrep.web, "serve", lambda db, **kw: calls.append((db, kw)))
    return calls


def test_cli_serve_defaults_to_loopback_with_writes_off(fake_serve, monkeypatch, tmp_path):
    from click.testing import CliRunner

    from sitrep.cli import cli

    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    res = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.db")])
    assert res.exit_code == 0, res.output
    db, kw = fake_serve[0]
    assert db == str(tmp_path / "s.db") and kw["host"] == "127.0.0.1" and kw["port"] == 8000
    assert kw["token"] is None and "writes are off" in res.output
    assert not (tmp_path / "sitrep" / "token").exists()


def test_cli_serve_enable_writes_makes_a_private_token(fake_serve, monkeypatch, tmp_path):
    from click.testing import CliRunner

    from sitrep.cli import cli

    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    res = CliRunner().invoke(cli, ["serve", "--enable-writes", "--host", "0.0.0.0"])
    assert res.exit_code == 0, res.output
    path = tmp_path / "sitrep" / "token"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert fake_serve[0][1]["token"] == path.read_text().strip()
    assert "warning" in res.output and path.read_text().strip() not in res.output
    os.chmod(path, 0o640)
    res = CliRunner().invoke(cli, ["serve", "--enable-writes"])
    assert res.exit_code != 0 and "E402" in res.output


def test_empty_store_pages(tmp_path):
    c = TestClient(create_app(str(tmp_path / "empty.db")))
    for url in ("/", "/events", "/map", "/map.json", "/timeline", "/network.json", "/claims", "/api/stats"):
        assert c.get(url).status_code == 200, url
    assert "The store is empty" in c.get("/").text


# ---- offline front end --------------------------------------------------------------------
WEB = Path(__file__).resolve().parent.parent / "src" / "sitrep" / "web"


def test_vendored_libraries_carry_their_licences():
    vendor = WEB / "static" / "vendor"
    for lib in ("leaflet", "markercluster", "topojson-client", "world-atlas"):
        files = {p.name for p in (vendor / lib).iterdir()}
        assert any("LICEN" in f for f in files), lib
    assert (vendor / "world-atlas" / "countries-110m.json").stat().st_size < 200_000


def test_templates_and_scripts_load_nothing_from_outside():
    own = list((WEB / "templates").glob("*.html")) + list((WEB / "static").glob("*.js"))
    for path in own:
        text = path.read_text(encoding="utf-8").replace("http://www.w3.org/2000/svg", "")
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text), path.name
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text, path.name
