"""Places: the data tables besides the gazetteer: second-level units (data/admin2.tsv), town
quarters and landmarks (data/town_quarters.tsv, data/landmarks.tsv), area cues
(data/area_cues.tsv) and the home regions of peoples (data/homelands.tsv)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Span

from .geo import Place, fold, gazetteer
from .lexicon import load_table, split
from .places_syntax import has_term


@lru_cache(maxsize=1)
def admin2_units() -> dict[str, list[tuple[str, str]]]:
    """data/admin2.tsv as folded unit name -> [(country, admin1)]; a unit named with a direction
    word is also known with the word at the other end ("South Imenti", "Imenti South"), and a name of
    two words also written as one ("Tanadelta", "Transmara")."""
    out: dict[str, list[tuple[str, str]]] = {}
    other: dict[str, list[tuple[str, str]]] = {}
    for r in load_table("admin2.tsv", required=["country", "name", "admin1", "kind"]):
        out.setdefault(fold(r["name"]), []).append((r["country"], r["admin1"]))
        words = r["name"].split()
        if len(words) == 2 and has_term(words[0].lower(), "direction") != has_term(words[1].lower(), "direction"):
            other.setdefault(fold(f"{words[1]} {words[0]}"), []).append((r["country"], r["admin1"]))
        elif len(words) == 2:
            other.setdefault(fold("".join(words)), []).append((r["country"], r["admin1"]))
    return {**other, **out}


def admin2_sites(name: str, countries: list[str]) -> list[Place]:
    """Second-level units called ``name`` in the document's countries (any when it names
    none), as sites at their region's point."""
    gaz, out = gazetteer(), []
    for country, admin1 in admin2_units().get(fold(name), ()):
        region = gaz.admin1(admin1, country=country) if not countries or country in countries else []
        out += [Place(name=name, country=country, admin1=r.name, lat=r.lat, lon=r.lon, geonameid=None, kind="site")
                for r in region[:1]]
    return out


def admin2_regions(name: str, countries: list[str]) -> list[Place]:
    """The first-level regions holding a second-level unit called ``name``, in the document's countries
    (any when it names none): "Soum" -> Burkina Faso's Sahel region."""
    gaz = gazetteer()
    return [r for country, admin1 in admin2_units().get(fold(name), ())
            if not countries or country in countries for r in gaz.admin1(admin1, country=country)[:1]]


@lru_cache(maxsize=1)
def town_quarters() -> dict[str, list[Place]]:
    """data/town_quarters.tsv, data/landmarks.tsv and data/villages.tsv as folded name -> the towns it
    is a part of or near ("Eastleigh", "Moi University", "Zolote-5": their towns)."""
    gaz, out = gazetteer(), {}
    rows = [*load_table("town_quarters.tsv", required=["country", "quarter", "town"]),
            *({**r, "quarter": r["name"]} for r in _landmarks())]
    for r in rows:
        towns = [p for p in gaz.lookup(r["town"], countries=[r["country"]])
                 if p.kind == "town" and p.country == r["country"]]
        if towns:
            out.setdefault(fold(r["quarter"]), []).append(towns[0])
    return out


@lru_cache(maxsize=1)
def _landmarks() -> tuple[dict, ...]:
    """The rows of data/landmarks.tsv, and of data/villages.tsv as kind "village" (a village near a
    town: "Zolote-5"), read once per process."""
    return (*load_table("landmarks.tsv", required=["country", "name", "town", "kind"]),
            *({**r, "kind": "village"} for r in load_table("villages.tsv", required=["country", "name", "town"])))


@lru_cache(maxsize=1)
def landmark_kinds() -> dict[str, str]:
    """data/landmarks.tsv as folded name -> kind (university, airport, park, camp, ...; village for
    data/villages.tsv)."""
    return {fold(r["name"]): r["kind"] for r in _landmarks()}


def quarter_of(name: str, countries: list[str]) -> list[Place]:
    """The city a named quarter is a part of, in the document's countries (or any when it names
    none, or when no place of the document's countries bears the name itself: "Eastleigh" in a
    story that names only the suspects' countries)."""
    towns = town_quarters().get(fold(name), [])
    here = [t for t in towns if not countries or t.country in countries]
    if here or not towns:
        return here
    own = any(p.country in countries and fold(p.name) == fold(name) for p in gazetteer().lookup(name, countries=countries))
    return [] if own else towns


@lru_cache(maxsize=1)
def area_cues() -> list[tuple[re.Pattern, str, tuple, Optional[int], Optional[int]]]:
    """data/area_cues.tsv as (pattern, country, {(country, gazetteer admin1 name)}, from, to)."""
    gaz, out = gazetteer(), []
    for r in load_table("area_cues.tsv", required=["cue", "country", "admin1", "from", "to"]):
        regions = tuple((r["country"], p.name) for n in r["admin1"].split("|")
                        for p in gaz.admin1(n, country=r["country"])[:1])
        out.append((re.compile(r"(?<!\w)" + re.escape(r["cue"]) + r"(?!\w)"), r["country"], regions,
                    int(r["from"]) if r["from"] else None, int(r["to"]) if r["to"] else None))
    return out


def document_areas(text: str, published: Optional[str]) -> list[tuple[str, str]]:
    """(country, admin1) regions that the text's cues point to ("OSCE SMM" in 2020: Donetsk
    and Luhansk), in the file's order, for cues valid in the publication year (all cues
    when it is unknown)."""
    year = int(published[:4]) if published and published[:4].isdigit() else None
    found = (a for pattern, _, regions, start, end in area_cues()
             if (year is None or (start is None or start <= year) and (end is None or year <= end))
             and pattern.search(text) for a in regions)
    return list(dict.fromkeys(found))


@lru_cache(maxsize=1)
def unit_cues() -> list[tuple[re.Pattern, str]]:
    """data/unit_cues.tsv as (pattern, country): words for units that one country alone uses."""
    return [(re.compile(r"(?<!\w)" + re.escape(r["cue"]) + r"(?!\w)"), r["country"])
            for r in load_table("unit_cues.tsv", required=["cue", "country"])]


def unit_countries(text: str) -> list[str]:
    """The countries whose own unit words the text uses ("Rafi LGA": Nigeria), in the file's order."""
    return list(dict.fromkeys(country for pattern, country in unit_cues() if pattern.search(text)))


@lru_cache(maxsize=1)
def area_villages() -> dict[tuple[str, str], str]:
    """(country, folded name) -> the region (gazetteer name) of a line village whose name the gazetteer holds
    only elsewhere in the country (data/area_villages.tsv); read only where an area cue names several regions."""
    gaz = gazetteer()
    out = {}
    for r in load_table("area_villages.tsv", required=["country", "name", "admin1"]):
        box = gaz.admin1(r["admin1"], country=r["country"])
        if box:
            out[(r["country"], fold(r["name"]))] = box[0].name
    return out


@lru_cache(maxsize=1)
def homelands() -> dict[str, frozenset[tuple[str, str]]]:
    """data/homelands.tsv as people (its actors_ethnic.tsv name) -> {(country, gazetteer admin1 name)}."""
    gaz = gazetteer()
    return {r["people"]: frozenset((r["country"], p.name) for n in split(r["admin1"])
                                   for p in gaz.admin1(n, country=r["country"])[:1])
            for r in load_table("homelands.tsv", required=["people", "country", "admin1"])}


def people_named(text: str) -> Optional[str]:
    """The people of actors_ethnic.tsv that ``text`` names, by its name or an alias, also in the
    plural ("Turkanas"): the knowledge base's ethnic lookup."""
    from .knowledge import knowledge

    kb = knowledge()
    hit = kb.ethnic_for(text) or (kb.ethnic_for(text[:-1]) if text.endswith("s") else None)
    return hit[0] if hit else None


def home_region(doc) -> Optional[tuple[str, str, Span]]:
    """The one (country, admin1) region that is home to every people the document names
    (data/homelands.tsv), with the first naming: "Orma and Pokomo herders" -> Tana River.
    None when it names no people with a home, or their homes share no region or several."""
    homes, found = homelands(), []
    for tok in doc:
        if tok.text[:1].isupper() and tok.lower_ != "the":
            for span in (doc[tok.i:tok.i + 2], doc[tok.i:tok.i + 1]):   # two-word names first: "Il Chamus"
                people = people_named(span.text)
                if people in homes:
                    found.append((people, span))
                    break
    if not found:
        return None
    common = frozenset.intersection(*(homes[people] for people, _ in found))
    if len(common) != 1:
        return None
    country, admin1 = next(iter(common))
    return country, admin1, found[0][1]
