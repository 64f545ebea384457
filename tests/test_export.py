"""Exports round-trip: the ACLED CSV re-read has the same events; PLOVER, GeoJSON and
Parquet read back in their tools' terms."""
import csv
import io
import json

import pytest

from sitrep.errors import SitrepError
from sitrep.export import ACLED_COLUMNS, export
from sitrep.store import Store
from sitrep.store.synthetic import report

ARM = ("Armenian forces", "state", "ARM", "MIL")
AZE = ("Azerbaijani forces", "state", "AZE", "MIL")
CIV = ("Civilians", "group", "SDN", "CVL")


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "x.db")
    s.add_many([
        report("w1", "Azerbaijani forces clashed with Armenian forces near Jermuk; 49 were killed.",
               published="2022-09-13", source="Wire One",
               events=[dict(trigger="clashed", type=("Political violence", "Battles", "Armed clash"), plover="ASSAULT",
                            mode="", cameo="19", actors=[AZE], recipients=[ARM], fatalities=(49, "at_least"),
                            place=("Jermuk", "ARM", 1, 39.84, 45.67))]),
        report("w2", "Gunmen attacked Civilians in a village in Sudan, witnesses said.", published="2023-05-02",
               events=[dict(trigger="attacked", type=("Political violence", "Violence against civilians", "Attack"),
                            plover="ASSAULT", actors=[("Unidentified Armed Group", "armed_group", "SDN")],
                            recipients=[CIV], place=(None, "SDN", 4))]),
    ])
    yield s
    s.close()


def test_acled_csv_round_trip(store):
    buf = io.StringIO()
    assert export(store, "acled", buf) == 2
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    by_id = {r["tags"].split(";")[0].split("=")[1]: r for r in rows}
    for ev in store.events(limit=None):
        r = by_id[ev["id"]]
        assert r["event_date"] == ev["date"]["start"] and r["year"] == ev["date"]["start"][:4]
        assert (r["event_type"], r["sub_event_type"]) == (ev["acled"]["event_type"], ev["acled"]["sub_event_type"])
        assert int(r["fatalities"]) == ((ev["fatalities"] or {}).get("count") or 0)
        assert r["actor1"] == ev["actors"][0]["name"]
    clash = next(r for r in rows if r["event_type"] == "Battles")
    assert (clash["country"], clash["iso"], clash["location"], clash["time_precision"]) == ("Armenia", "51", "Jermuk", "1")
    assert clash["event_id_cnty"].startswith("ARM") and clash["source"] == "Wire One"
    attack = next(r for r in rows if r["event_type"] == "Violence against civilians")
    assert attack["civilian_targeting"] == "Civilian targeting"


def test_pandas_reads_the_acled_csv_like_acled_data(store, tmp_path):
    pd = pytest.importorskip("pandas")
    export(store, "acled", tmp_path / "e.csv")
    df = pd.read_csv(tmp_path / "e.csv")
    assert list(df.columns) == list(ACLED_COLUMNS) and df["fatalities"].sum() == 49


def test_plover_jsonl_follows_the_manual(store):
    buf = io.StringIO()
    export(store, "plover", buf)
    recs = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert len(recs) == 2
    for rec in recs:
        assert {"id", "date", "actor", "event"} <= set(rec)  # the manual's required fields
        assert isinstance(rec["event"], list) and isinstance(rec["actor"], list)
    clash = next(r for r in recs if r["actor"][0]["code"] == "AZE")
    assert clash["event"] == ["ASSAULT"] and clash["recipient"][0] == {
        "code": "ARM", "sector": "MIL", "entity_text": "Armenian forces", "identifier_id": clash["recipient"][0]["identifier_id"],
        "identifier_text": "Armenian forces", "office": None}
    assert clash["event_loc"]["resolution"] == 4 and clash["dead"] == 49


def test_geojson_has_points_for_located_events(store):
    buf = io.StringIO()
    export(store, "geojson", buf)
    gj = json.loads(buf.getvalue())
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 1
    assert gj["features"][0]["geometry"] == {"type": "Point", "coordinates": [45.67, 39.84]}


def test_parquet_reads_in_pandas_and_duckdb(store, tmp_path):
    pd = pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "e.parquet"
    export(store, "parquet", out)
    df = pd.read_parquet(out)
    assert len(df) == 2 and set(ACLED_COLUMNS) <= set(df.columns)
    n = duckdb.sql(f"SELECT SUM(fatalities) FROM read_parquet('{out}') WHERE event_type = 'Battles'").fetchall()[0][0]
    assert n == 49


def test_bad_export_requests_are_coded_errors(store):
    with pytest.raises(SitrepError) as err:
        export(store, "xml", io.StringIO())
    assert err.value.reason == "E207"
    with pytest.raises(SitrepError) as err:
        export(store, "parquet", io.StringIO())
    assert err.value.reason == "E209"
