"""`sitrep code` and `sitrep demo` end to end (model)."""
import json

import pytest
from click.testing import CliRunner

from sitrep.cli import cli

pytestmark = pytest.mark.model

TEXT = "Armenia's Defense Ministry said Azerbaijani forces shelled the town of Jermuk on Tuesday, killing two soldiers."


def test_code_text_file_json(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT)
    res = CliRunner().invoke(cli, ["code", str(path), "--published", "2022-09-13", "--format", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert set(out) == {"document", "actors", "events", "claims", "relations"}
    ev = next(e for e in out["events"] if e["plover"]["type"] == "ASSAULT")
    assert ev["acled"]["sub_event_type"] == "Shelling/artillery/missile attack"
    assert ev["date"]["start"] == "2022-09-13"
    assert out["document"]["published"] == "2022-09-13"


def test_code_stdin_jsonl_keeps_order_and_ids():
    lines = [{"id": "z9", "text": TEXT, "published": "2022-09-13"}, {"id": "bad", "text": ""},
             {"id": "a1", "text": "Police arrested 12 protesters in Nairobi on Monday.", "published": "2020-05-04"}]
    stdin = "\n".join(json.dumps(x) for x in lines)
    res = CliRunner().invoke(cli, ["code", "-", "--format", "jsonl"], input=stdin)
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    assert [r["document"]["id"] for r in rows] == ["z9", "bad", "a1"]
    assert rows[1]["document"]["dropped"].startswith("[E001]") and rows[1]["events"] == []


def test_code_html_keeps_article_text(tmp_path):
    html = ("<html><head><title>Clashes</title></head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>Border clashes</h1><p>{TEXT}</p><p>{TEXT}</p></article>"
            "<footer>Copyright 2022 Example News. All rights reserved.</footer></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html)
    res = CliRunner().invoke(cli, ["code", str(path), "--published", "2022-09-13"])
    assert res.exit_code == 0, res.output
    text = json.loads(res.output)["document"]["text"]
    assert "shelled the town of Jermuk" in text and "Copyright" not in text and "Sport" not in text


def test_demo_codes_into_the_store_and_prints_events(tmp_path):
    db = tmp_path / "demo.db"
    res = CliRunner().invoke(cli, ["demo", "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "Armed clash" in res.output and ">=49" in res.output and "stored in" in res.output
    again = CliRunner().invoke(cli, ["demo", "--db", str(db)])
    assert "already in" in again.output
    from sitrep.store import Store

    with Store(db) as store:
        assert store.count_events() > 10
