"""ACLED notes (acled-global-2020-apr-may, acled-kenya-2004-2019): code each note's
``notes`` text with the note's event_date as publication date, take the result's main
event (``base.main_event``) and compare it with the row.

The gold files are read at evaluation time only; nothing of them is kept.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator, Optional

from ..geo import gazetteer
from .base import MetricSpec, main_event
from .metrics import Measure, accuracy, every_kth, haversine_km, norm_label, same_place, share, weighted_f1

NAME = "acled"
FOLDERS = ("acled-global-2020-apr-may", "acled-kenya-2004-2019")
DATE_FORMATS = ("%d-%b-%y", "%d-%m-%y", "%Y-%m-%d")  # global 2020: 9-May-20; Kenya: 31-12-19
METRICS = (
    MetricSpec("acled.event_type", 0.95, "event_type accuracy of the main event"),
    MetricSpec("acled.sub_event_type", None, "sub_event_type accuracy of the main event"),
    MetricSpec("acled.sub_event_type_f1", 0.90, "sub_event_type F1, weighted by gold support"),
    MetricSpec("acled.admin1", 0.85, "admin1 of the main event's location (same_admin1: spelling variants "
               "and the gazetteer's other names of the region match, in the note's country)"),
    MetricSpec("acled.within_25km", 0.75, "main event located within 25 km, on notes with geo_precision 1"),
    MetricSpec("acled.fatalities_exact", 0.90, "fatalities exact (none coded = 0) on single-event notes"),
    MetricSpec("acled.fatalities_exact_deaths", 0.80, "fatalities exact on single-event notes with deaths > 0"),
    MetricSpec("acled.actor1_country", 0.90, "country of the main event's first actor = actor1's country"),
    MetricSpec("acled.inter1", 0.85, "acled_inter of the main event's first actor = inter1"),
    MetricSpec("acled.distinct", 0.98, "notes not fused with another by the store (each note is a distinct event); "
               "on blocks of neighbouring notes (load_dense)"),
)
# notes that say their toll is shared with other events ("Fatalities split between 3 events")
SPLIT_TOLL = re.compile(
    r"\b(split|spread|divided|distributed|coded across|in one event|assigned to this event)\b"
    r"|\b(across|between|among|over)\s+(\w+\s+){0,2}events\b", re.I)
PAREN = re.compile(r"\(([^()]*)\)")
OF_COUNTRY = re.compile(r"\b(?:Forces|Government) of (?:the )?([A-Z][^()]*?)\s*(?:\(|$)")  # state forces


@dataclass(frozen=True)
class Note:
    id: str
    text: str
    published: str
    event_type: str
    sub_event_type: str
    admin1: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    geo_precision: Optional[int]
    fatalities: int
    actor1: str
    actor1_country: Optional[str]
    inter1: Optional[int]
    country: str = ""


def files(data_dir: Path) -> list[Path]:
    return [p for folder in FOLDERS for p in sorted((data_dir / folder).glob("*.csv"))]


def parse_date(value: str) -> str:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"unknown ACLED date {value!r}")


def _country_iso3(name: str) -> Optional[str]:
    from ..knowledge import knowledge

    iso = knowledge().country_for(name)
    if iso:
        return iso
    try:
        import pycountry

        return pycountry.countries.lookup(name).alpha_3
    except (LookupError, ImportError):
        return None


def iso3_of_row(row_country: str, iso3: str) -> str:
    """The row's country as an ISO 3166 alpha-3 code: its iso3 field when that is one, else the code of
    its country's name (the global file writes Romania "ROM", a code ISO 3166 never had: ROU), else the
    field as written."""
    iso3 = (iso3 or "").strip().upper()
    try:
        import pycountry

        if not iso3 or pycountry.countries.get(alpha_3=iso3) is not None:
            return iso3
    except ImportError:
        return iso3
    return (_country_iso3(row_country) or iso3) if row_country else iso3


def actor_country(name: str, row_country: str = "", row_iso3: str = "") -> Optional[str]:
    """ISO3 country of an ACLED actor name, or None when the name names no country.

    "Protesters (Kenya)", "Military Forces of Azerbaijan (2003-)", "Police Forces of
    Kenya (2013-) Prison Guards": the country in parentheses, else after "Forces of" or
    "Government of" (not "Cooperative for Development of Congo"). When it is
    the row's own country the row's iso3 is used; other names are looked up in sitrep's
    country table, then in pycountry. "Al Shabaab", "Protesters (International)": None.
    """
    if not name:
        return None
    candidates = [c.strip() for c in PAREN.findall(name) if not re.match(r"^\d{4}", c.strip())]
    m = OF_COUNTRY.search(name)
    if m:
        candidates.append(m.group(1).strip())
    for cand in candidates:
        if row_country and norm_label(cand) == norm_label(row_country) and row_iso3:
            return iso3_of_row(row_country, row_iso3)
        iso = _country_iso3(cand)
        if iso:
            return iso
    return None


def single_event(text: str) -> bool:
    """False for notes whose toll is split across several ACLED events."""
    return not SPLIT_TOLL.search(text)


def _float(v: Optional[str]) -> Optional[float]:
    try:
        return float(v) if v not in (None, "") else None
    except ValueError:
        return None


def _int(v: Optional[str]) -> Optional[int]:
    f = _float(v)
    return None if f is None else int(f)


def read_notes(path: Path) -> Iterator[Note]:
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if not (row.get("notes") or "").strip():
                continue
            yield Note(
                id=f"{path.stem}:{row['data_id']}", text=row["notes"], published=parse_date(row["event_date"]),
                event_type=row["event_type"], sub_event_type=row["sub_event_type"],
                admin1=row.get("admin1") or None, lat=_float(row.get("latitude")),
                lon=_float(row.get("longitude")), geo_precision=_int(row.get("geo_precision")),
                fatalities=_int(row.get("fatalities")) or 0, actor1=row.get("actor1") or "",
                actor1_country=actor_country(row.get("actor1") or "", row.get("country") or "",
                                             row.get("iso3") or ""),
                inter1=_int(row.get("inter1")),
                country=iso3_of_row(row.get("country") or "", row.get("iso3") or "") or row.get("country") or "",
            )


def load(data_dir: Path, limit: Optional[int] = None) -> list[Note]:
    """Notes of both files; with ``limit``, an even sample of at most ``limit`` per file."""
    return [n for p in files(data_dir) for n in every_kth(list(read_notes(p)), limit)]


def load_dense(data_dir: Path, limit: Optional[int] = None, block: int = 25) -> list[Note]:
    """Notes for the over-fusion measure. An even sample would spread notes so thin that
    none share a day and a place; here the notes of each file are sorted by country,
    admin1 and date, and blocks of ``block`` neighbours are taken evenly (at most
    ``limit`` notes per file), so that each block holds notes of one place and days."""
    out = []
    for path in files(data_dir):
        notes = sorted(read_notes(path), key=lambda n: (n.country, norm_label(n.admin1) or "", n.published, n.id))
        if not limit or limit >= len(notes):
            out += notes
            continue
        starts = every_kth(range(0, len(notes) - block + 1), max(1, limit // block))
        out += [n for start in starts for n in notes[start:start + block]]
    return out


def score_pairs(pairs: list[tuple[Note, object]]) -> dict[str, Measure]:
    """Metrics over (note, main event or None) pairs."""
    def get(ev, path: str):
        for part in path.split("."):
            if ev is None:
                return None
            ev = getattr(ev, part, None)
        return ev

    first_actor = [((ev.actors or [None])[0] if ev is not None else None) for _, ev in pairs]
    gold_et = [norm_label(n.event_type) for n, _ in pairs]
    gold_st = [norm_label(n.sub_event_type) for n, _ in pairs]
    pred_et = [norm_label(get(ev, "acled.event_type")) for _, ev in pairs]
    pred_st = [norm_label(get(ev, "acled.sub_event_type")) for _, ev in pairs]
    single = [(n, ev) for n, ev in pairs if single_event(n.text)]

    def count(ev) -> int:
        fat = get(ev, "fatalities")
        return fat.count if fat is not None and fat.count is not None else 0

    def near(n: Note, ev) -> bool:
        lat, lon = get(ev, "location.lat"), get(ev, "location.lon")
        return lat is not None and lon is not None and haversine_km(n.lat, n.lon, lat, lon) <= 25.0

    return {
        "acled.event_type": accuracy(gold_et, pred_et),
        "acled.sub_event_type": accuracy(gold_st, pred_st),
        "acled.sub_event_type_f1": weighted_f1(gold_st, pred_st),
        "acled.admin1": share(same_admin1(n.country, n.admin1, get(ev, "location.admin1"),
                                          get(ev, "location.country")) for n, ev in pairs if n.admin1),
        "acled.within_25km": share(near(n, ev) for n, ev in pairs
                                   if n.geo_precision == 1 and n.lat is not None and n.lon is not None),
        "acled.fatalities_exact": share(count(ev) == n.fatalities for n, ev in single),
        "acled.fatalities_exact_deaths": share(count(ev) == n.fatalities for n, ev in single if n.fatalities > 0),
        "acled.actor1_country": share(a is not None and a.country == n.actor1_country
                                      for (n, _), a in zip(pairs, first_actor) if n.actor1_country),
        "acled.inter1": share(a is not None and a.acled_inter == n.inter1
                              for (n, _), a in zip(pairs, first_actor) if n.inter1),
    }


def same_admin1(country: Optional[str], gold: Optional[str], pred: Optional[str],
                pred_country: Optional[str] = None) -> bool:
    """``same_place``, or two names the gazetteer gives one region of the note's country
    (ACLED's French 'Ouest' and GeoNames' 'West' in Cameroon); never a namesake region of another
    country (``pred_country``, the coded location's: Saudi Arabia's Al Jawf is not Yemen's)."""
    if pred_country and country and pred_country != country:
        return False
    if same_place(gold, pred):
        return True
    if not gold or not pred or not country:
        return False
    gaz = gazetteer()
    a, b = gaz.admin1(gold, country=country), gaz.admin1(pred, country=country)
    return bool(a and b) and a[0] is b[0]


def distinct(fused_events: list[dict]) -> Measure:
    """Over-fusion (issue 5): every ACLED note is a distinct event, so a fused event with
    several source documents is an error. The share of documents (with a stored event)
    not fused with another document."""
    sources = [set(f.get("sources") or []) for f in fused_events]
    every = set().union(*sources) if sources else set()
    merged = set().union(*(s for s in sources if len(s) > 1)) if sources else set()
    return share(doc not in merged for doc in sorted(every, key=str))


def fuse(results) -> list[dict]:
    """The fused events of coded notes, as a throwaway in-memory store makes them."""
    from ..store import Store

    with Store(":memory:") as store:
        store.add_many(results)
        return store.events(limit=None)


def score(pipeline, data_dir: Path, limit: Optional[int] = None) -> dict[str, Measure]:
    notes = load(data_dir, limit)
    articles = ({"id": n.id, "text": n.text, "published": n.published} for n in notes)
    results = list(pipeline.pipe(articles))
    scores = score_pairs([(n, main_event(r)) for n, r in zip(notes, results)])
    if limit:
        dense = load_dense(data_dir, limit)
        results = list(pipeline.pipe({"id": n.id, "text": n.text, "published": n.published} for n in dense))
    scores["acled.distinct"] = distinct(fuse(results))
    return scores
