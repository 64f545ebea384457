"""Exports of the store's fused events: ACLED CSV (ACLED's column names and conventions),
PLOVER JSONL (the PLOVER manual's record), GeoJSON (QGIS), Parquet (DuckDB, pandas) and
JSON (the Fused records of SPEC §2).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import IO, Iterable, Optional, Union

from . import __version__
from .errors import Errors, SitrepError

FORMATS = ("acled", "plover", "geojson", "parquet", "json")
ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp")
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}          # ACLED: 1 day, 2 week, 3 month
PLOVER_RESOLUTION = {1: 4, 2: 3, 3: 2, 4: 1}                          # ours -> PLOVER (4 city ... 1 country)


def _country(iso3: Optional[str]) -> tuple[str, str]:
    """(English name, numeric ISO code) for an alpha-3 code."""
    if not iso3:
        return "", ""
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3)
    return (c.name, str(int(c.numeric))) if c else (iso3, "")


def _actor_name(a: dict) -> str:
    return a.get("acled_name") or a.get("name") or ""


def _source_names(ev: dict, sources: dict) -> str:
    return "; ".join(dict.fromkeys(sources.get(d) or d for d in ev.get("sources") or []))


def acled_row(ev: dict, sources: dict, stamp: int) -> dict:
    """One fused event as an ACLED row (actor1 = the acting side, actor2 = the other)."""
    date = ev.get("date") or {}
    loc = ev.get("location") or {}
    acled = ev.get("acled") or {}
    actors, recipients = ev.get("actors") or [], ev.get("recipients") or []
    inter1 = actors[0].get("acled_inter") if actors else None
    inter2 = recipients[0].get("acled_inter") if recipients else None
    interaction = "".join(str(i) for i in sorted(x for x in (inter1, inter2) if x is not None))
    if interaction and len(interaction) == 1:
        interaction += "0"
    country = loc.get("country") or next((a.get("country") for a in actors + recipients if a.get("country")), None)
    name, iso = _country(country)
    fat = ev.get("fatalities") or {}
    start = date.get("start") or ""
    geo = loc.get("precision")
    return {
        "event_id_cnty": f"{country or 'XXX'}{ev['id'][1:]}", "event_date": start[:10], "year": start[:4],
        "time_precision": TIME_PRECISION.get(date.get("precision"), ""),
        "disorder_type": acled.get("disorder_type") or "", "event_type": acled.get("event_type") or "",
        "sub_event_type": acled.get("sub_event_type") or "",
        "actor1": _actor_name(actors[0]) if actors else "",
        "assoc_actor_1": "; ".join(_actor_name(a) for a in actors[1:]), "inter1": inter1 if inter1 is not None else "",
        "actor2": _actor_name(recipients[0]) if recipients else "",
        "assoc_actor_2": "; ".join(_actor_name(a) for a in recipients[1:]),
        "inter2": inter2 if inter2 is not None else "", "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if any(a.get("sector") == "CVL" or a.get("acled_inter") == 7
                                                          for a in recipients) else "",
        "iso": iso, "region": "", "country": name, "admin1": loc.get("admin1") or "", "admin2": "", "admin3": "",
        "location": loc.get("name") or "", "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": min(geo, 3) if geo else "", "source": _source_names(ev, sources), "source_scale": "",
        "notes": ((ev.get("sentence") or {}).get("text") or "").replace("\n", " "),
        "fatalities": fat.get("count") or 0, "tags": f"sitrep_id={ev['id']}; status={ev.get('status')}",
        "timestamp": stamp,
    }


def _entity(a: dict) -> dict:
    return {"code": a.get("country") or (a.get("name") if a.get("kind") == "igo" else None),
            "sector": a.get("sector"), "entity_text": a.get("name"), "identifier_id": a.get("id"),
            "identifier_text": a.get("acled_name") or a.get("name"), "office": a.get("title")}


def plover_record(ev: dict, sources: dict, coded: str) -> dict:
    """One fused event as a PLOVER JSON record (manual, chapter 'Data Fields')."""
    date, loc, plover = ev.get("date") or {}, ev.get("location") or {}, ev.get("plover") or {}
    name, _ = _country(loc.get("country"))
    return {
        "id": f"sitrep-{ev['id']}", "has_event": True, "date": (date.get("start") or "")[:10] or None,
        "enddate": (date.get("end") or "")[:10] or None,
        "actor": [_entity(a) for a in ev.get("actors") or []],
        "recipient": [_entity(a) for a in ev.get("recipients") or []],
        "event": [plover["type"]] if plover.get("type") else [],
        "mode": [plover["mode"]] if plover.get("mode") else [], "context": list(plover.get("context") or []),
        "event_loc": {"extracted_place": loc.get("text"), "resolved_place": loc.get("name"),
                      "geonameid": loc.get("geonameid"), "lat": loc.get("lat"), "lon": loc.get("lon"),
                      "province": loc.get("admin1"), "country": name or None, "country_code": loc.get("country"),
                      "resolution": PLOVER_RESOLUTION.get(loc.get("precision"))},
        "event_text": [(ev.get("sentence") or {}).get("text")],
        "cite_info": {"publication": _source_names(ev, sources) or None, "coder": f"sitrep {__version__}",
                      "codebook": "plover-base"},
        "coder": f"sitrep {__version__}", "coded_date": coded,
        "link": ev["id"], "cameo": ev.get("cameo"), "status": ev.get("status"),
        "dead": (ev.get("fatalities") or {}).get("count"),
        "comment": f"fused from {len(ev.get('mentions') or [])} mention(s) in {len(ev.get('sources') or [])} document(s)",
    }


def geojson(events: Iterable[dict], sources: dict) -> dict:
    feats = []
    for ev in events:
        loc = ev.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        props = acled_row(ev, sources, 0)
        props.pop("timestamp")
        props.update(id=ev["id"], plover_type=(ev.get("plover") or {}).get("type"), cameo=ev.get("cameo"),
                     status=ev.get("status"), n_sources=len(ev.get("sources") or []))
        feats.append({"type": "Feature", "id": ev["id"],
                      "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}, "properties": props})
    return {"type": "FeatureCollection", "features": feats}


def _rows(events: list[dict], sources: dict, stamp: int) -> list[dict]:
    rows = []
    for ev in events:
        row = acled_row(ev, sources, stamp)
        row.update(sitrep_id=ev["id"], plover_type=(ev.get("plover") or {}).get("type"), cameo=ev.get("cameo"),
                   status=ev.get("status"), n_sources=len(ev.get("sources") or []),
                   sources=list(ev.get("sources") or []))
        rows.append(row)
    return rows


def export(store, fmt: str, out: Union[str, Path, IO[str], None] = None, **filters) -> int:
    """Write the store's fused events (optionally filtered as in ``Store.events``) in ``fmt``
    to ``out`` (a path, a text stream, or None for a string return via io). Returns the
    number of events written."""
    if fmt not in FORMATS:
        raise SitrepError(Errors.E207, fmt=fmt, choices=", ".join(FORMATS))
    filters.setdefault("limit", None)
    filters.setdefault("desc", False)
    events = store.events(**filters)
    sources = {d["id"]: d.get("source") or d["id"] for d in store.documents(limit=None)}
    now = dt.datetime.now(dt.timezone.utc)
    if fmt == "parquet":
        if out is None or not isinstance(out, (str, Path)):
            raise SitrepError(Errors.E209, fmt=fmt)
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = _rows(events, sources, int(now.timestamp()))
        for r in rows:
            for k in ("latitude", "longitude", "inter1", "inter2", "geo_precision", "time_precision", "year", "iso"):
                r[k] = None if r[k] == "" else r[k]
            r["year"] = int(r["year"]) if r["year"] else None
            r["iso"] = int(r["iso"]) if r["iso"] else None
        schema = pa.schema([(c, pa.float64() if c in ("latitude", "longitude") else
                             pa.int64() if c in ("year", "time_precision", "inter1", "inter2", "geo_precision",
                                                 "fatalities", "timestamp", "iso", "n_sources") else
                             pa.list_(pa.string()) if c == "sources" else pa.string())
                            for c in list(ACLED_COLUMNS) + ["sitrep_id", "plover_type", "cameo", "status",
                                                            "n_sources", "sources"]])
        for r in rows:
            r["interaction"] = str(r["interaction"]) if r["interaction"] != "" else None
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), str(out))
        return len(events)
    own = isinstance(out, (str, Path))
    fh = open(out, "w", encoding="utf-8", newline="") if own else (out or io.StringIO())
    try:
        if fmt == "acled":
            w = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS)
            w.writeheader()
            stamp = int(now.timestamp())
            for ev in events:
                w.writerow(acled_row(ev, sources, stamp))
        elif fmt == "plover":
            coded = now.date().isoformat()
            for ev in events:
                fh.write(json.dumps(plover_record(ev, sources, coded), ensure_ascii=False) + "\n")
        elif fmt == "geojson":
            json.dump(geojson(events, sources), fh, ensure_ascii=False)
        else:
            json.dump(events, fh, ensure_ascii=False, indent=1)
    finally:
        if own:
            fh.close()
    return len(events)
