"""PLOVER gold-standard records (plover-gsr/PLOVER_GSR_CAMEO.json): 322 sentences from the
CAMEO manual, coded in PLOVER 0.5b1 with source/target actors (country code + sector).

Each sentence is coded with the record's date as publication date; the result's main
event (``base.main_event(..., ontology="plover")``) is compared with the record:
- type: the GSR's 0.5b1 labels are read as today's 16 types with the PLOVER manual's
  CAMEO-to-PLOVER table (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE,
  FIGHT -> ASSAULT);
- source/target country: a gold actor counts when one actor on the same side of the
  event (actors = source, recipients = target) has its country. CAMEO codes that are not
  ISO 3166 (JAP, ITL, VTN) are read as ISO; gold "IGO" actors count when a predicted
  actor on that side is an IGO; NGO/IMG/ISM actors are not scored;
- sector: gold actors with a sector ("CVLalb" is read as CVL; "***" is no sector) count
  when an actor on the same side has both their country and their sector.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from .base import MetricSpec, main_event
from .metrics import Measure, accuracy, every_kth, share

NAME = "plover"
FOLDER = "plover-gsr"
FILE = "PLOVER_GSR_CAMEO.json"
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CAMEO_NOT_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
UNSCORED = {"NGO", "IMG", "ISM", "MNC"}
METRICS = (
    MetricSpec("plover.type", 0.80, "PLOVER type of the main event"),
    MetricSpec("plover.source_country", 0.85, "gold source actors whose country (or IGO) is on the event's actor side"),
    MetricSpec("plover.target_country", 0.85, "gold target actors whose country (or IGO) is on the event's recipient side"),
    MetricSpec("plover.source_sector", 0.85, "gold source actors with a sector matched in country and sector"),
    MetricSpec("plover.target_sector", 0.85, "gold target actors with a sector matched in country and sector"),
    MetricSpec("plover.dead", None, "fatalities count of the main event on records with 'dead'"),
)


def files(data_dir: Path) -> list[Path]:
    return [data_dir / FOLDER / FILE]


def load(data_dir: Path, limit: Optional[int] = None) -> list[dict]:
    records = json.loads((data_dir / FOLDER / FILE).read_text(encoding="utf-8"))
    return every_kth([r for r in records if r.get("event") != "DOCUMENT" and r.get("text")], limit)


def gold_type(event: str) -> str:
    return OLD_TYPES.get(event, event)


def gold_actors(value) -> list[tuple[str, Optional[str]]]:
    """(country key, sector) of a GSR source/target cell; keys are ISO3 or 'IGO'."""
    out = []
    for a in value if isinstance(value, list) else []:
        if not isinstance(a, dict) or not a.get("code"):
            continue
        code = CAMEO_NOT_ISO.get(a["code"], a["code"]).upper()
        if code in UNSCORED:
            continue
        sector = (a.get("sector") or "")[:3].upper()
        out.append((code, sector if sector.isalpha() else None))
    return out


def actor_key(actor) -> Optional[str]:
    if actor.country:
        return actor.country
    return "IGO" if actor.kind == "igo" or actor.sector == "IGO" else None


def score_records(pairs: list[tuple[dict, object]]) -> dict[str, Measure]:
    """Metrics over (GSR record, main event or None) pairs."""
    out: dict[str, Measure] = {
        "plover.type": accuracy([gold_type(r["event"]) for r, _ in pairs],
                                [ev.plover.type if ev else None for _, ev in pairs]),
    }
    for side, field in (("source", "actors"), ("target", "recipients")):
        country_hits, sector_hits = [], []
        for record, ev in pairs:
            pred = [(actor_key(a), a.sector) for a in (getattr(ev, field) if ev else [])]
            for key, sector in gold_actors(record.get(side)):
                country_hits.append(any(k == key for k, _ in pred))
                if sector:
                    # the GSR codes an IGO's own officials IGO + GOV; sitrep gives them sector IGO
                    same = {(key, sector), ("IGO", "IGO")} if (key, sector) == ("IGO", "GOV") else {(key, sector)}
                    sector_hits.append(bool(same & set(pred)))
        out[f"plover.{side}_country"] = share(country_hits)
        out[f"plover.{side}_sector"] = share(sector_hits)
    out["plover.dead"] = share(
        ev is not None and ev.fatalities is not None and ev.fatalities.count == int(r["dead"])
        for r, ev in pairs if str(r.get("dead") or "").isdigit())
    return out


def score(pipeline, data_dir: Path, limit: Optional[int] = None) -> dict[str, Measure]:
    records = load(data_dir, limit)
    articles = ({"id": r["id"], "text": r["text"], "published": r.get("date") or "2000-01-01"} for r in records)
    pairs = [(r, main_event(res, ontology="plover")) for r, res in zip(records, pipeline.pipe(articles))]
    return score_records(pairs)
