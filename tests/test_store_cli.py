"""The store verbs on the command line: --db and SITREP_DB, every --format, contested
claims side by side, export; and one end-to-end ingest through the real model."""
import csv
import io
import json

import pytest
from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.store import Store

from test_fusion import ONE_EVENT, add_all


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.db"
    with Store(path) as s:
        add_all(s, ONE_EVENT)
    return path


@pytest.mark.parametrize("verb", ["events", "claims", "actors", "relations"])
def test_every_query_verb_prints_every_format(db, verb):
    runner = CliRunner()
    res = runner.invoke(cli, [verb, "--db", str(db), "--format", "json"])
    assert res.exit_code == 0, res.output
    records = json.loads(res.output)
    res = runner.invoke(cli, [verb, "--db", str(db), "--format", "jsonl"])
    assert [json.loads(line) for line in res.output.splitlines()] == records
    res = runner.invoke(cli, [verb, "--db", str(db), "--format", "csv"])
    assert len(list(csv.DictReader(io.StringIO(res.output)))) == len(records)
    res = runner.invoke(cli, [verb, "--db", str(db)])
    assert res.exit_code == 0 and len(res.output.splitlines()) == len(records) + 2


def test_events_jsonl_prints_fused_records(db):
    res = CliRunner().invoke(cli, ["events", "--db", str(db), "--format", "jsonl", "--country", "ARM"])
    (ev,) = [json.loads(line) for line in res.output.splitlines()]
    assert len(ev["mentions"]) == 4 and {"document_id", "event_id"} == set(ev["mentions"][0])


def test_sitrep_db_environment_variable(db, monkeypatch):
    monkeypatch.setenv("SITREP_DB", str(db))
    res = CliRunner().invoke(cli, ["events", "--format", "json"])
    assert res.exit_code == 0 and len(json.loads(res.output)) == 1


def test_contested_claims_side_by_side(db):
    res = CliRunner().invoke(cli, ["claims", "--db", str(db), "--contested"])
    assert res.exit_code == 0
    first = res.output.splitlines()[0]
    assert "Defence Ministry of Armenia [accuse: said]" in first and "Ministry of Defence of Azerbaijan" in first
    assert " | " in first and "@" in res.output.splitlines()[1]


def test_export_verb_writes_files(db, tmp_path):
    out = tmp_path / "e.geojson"
    res = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "geojson", "-o", str(out)])
    assert res.exit_code == 0 and json.loads(out.read_text())["features"]
    res = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "parquet"])
    assert res.exit_code != 0 and "E209" in res.output


def test_ingest_end_to_end_with_the_model(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Azerbaijani forces shelled the Armenian town of Jermuk on Tuesday, "
                               "killing three soldiers, the Armenian Defence Ministry said.")
    (src / "b.jsonl").write_text(json.dumps({"id": "b1", "published": "2023-03-20", "text":
                                             "Police fired tear gas at protesters in Nairobi on Monday."}) + "\n")
    (src / "c.txt").write_bytes(b"\x00\x01binary")
    db = tmp_path / "e2e.db"
    args = ["ingest", str(src), "--db", str(db), "--published", "2022-09-13", "--no-progress"]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    assert "2 added" in res.output and "bad: " in res.output and "c.txt" in res.output
    res = CliRunner().invoke(cli, args)
    assert "0 added, 2 already stored" in res.output
    with Store(db) as s:
        assert s.stats()["documents"] == 2
