"""The offline gazetteer: towns, admin1 regions and countries from GeoNames.

The compiled file ``data/gazetteer.tsv.gz`` is built by ``scripts/build_gazetteer.py``
and loaded once. ``Gazetteer.lookup`` ranks the places a name may denote: names that
match exactly before alternate names, places in the countries the document is about
first, then by population.
"""
from __future__ import annotations

import difflib
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterable, Optional

from .errors import Errors, SitrepError
from .lexicon import DATA_DIR, load_table

GAZETTEER = "gazetteer.tsv.gz"
KINDS = ("town", "admin1", "country", "region")


@dataclass(frozen=True)
class Place:
    name: str
    country: Optional[str]  # ISO 3166-1 alpha-3
    admin1: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    geonameid: Optional[int]
    kind: str  # town | admin1 | country | region | site (a place the gazetteer lacks, at its region's point)
    population: int = 0


def fold(text: str) -> str:
    """Lookup key: ASCII-folded, lower case, no apostrophes, hyphens as spaces."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    t = re.sub(r"['`’‘]", "", t)
    t = re.sub(r"[-‐–_/.,]+", " ", t)
    t = re.sub(r"\s+", " ", t).strip()
    return t[4:] if t.startswith("the ") else t


VARIANT_RATIO = 0.75  # how alike two names must be to be spellings of one name
SHORT_KEY_CONSONANTS = 3  # a spelling key with fewer consonants matches only a name this alike ("Saiya": Siaya)
_VOWELS = re.compile(r"[aeiou]+")
ARABIC_ARTICLES = ("al", "el", "ad", "ar", "as", "ash", "an", "at", "az")
_ARTICLE = re.compile(r"(?:" + "|".join(ARABIC_ARTICLES) + r") ")
_DOUBLED = re.compile(r"(.)\1+")


def _bare(folded: str) -> str:
    """A folded name without its leading Arabic article ("al qamishli": "qamishli")."""
    m = _ARTICLE.match(folded)
    return folded[m.end():] if m and m.end() < len(folded) else folded


def spelling_key(name: str) -> Optional[str]:
    """A transliteration-tolerant lookup key: folded, no article (al-, ar-), every run of
    vowels one 'a', no doubled letters, no final h. 'Nabatiyeh' and
    'Nabatiye', 'Urozgan' and 'Oruzgan', 'Lower Shabelle' and 'Lower Shabeelle' share
    one; 'Koimugo' and 'Kakamega' do not. None when under four letters."""
    t = _bare(fold(name))
    t = _DOUBLED.sub(r"\1", _VOWELS.sub("a", t))
    if t.endswith("h"):
        t = t[:-1]
    return t if sum(c.isalpha() for c in t) >= 4 else None


_APOSTROPHE_NAME = re.compile(r"[A-Z][a-z]*(?:['’‘`][A-Za-z][a-z]*)+")
_CAMEL_NAME = re.compile(r"(?:[A-Z][a-z]+){2,}")  # "KwaZulu", "KwaMashu", "McAllen", "DeKalb"


def titled(text: str) -> bool:
    """Whether a token is written like a place name: title case, including names with an
    apostrophe ("Dar'a", "Ma'rib", "Sa'dah") or a capital inside ("KwaZulu", "McAllen"),
    which ``str.istitle`` rejects."""
    return text.istitle() or bool(_APOSTROPHE_NAME.fullmatch(text) or _CAMEL_NAME.fullmatch(text))


@lru_cache(maxsize=1)
def terms() -> dict[str, dict[str, Optional[int]]]:
    """geo_terms.tsv as term -> {role: precision}."""
    out: dict[str, dict[str, Optional[int]]] = {}
    for row in load_table("geo_terms.tsv", required=["term", "role", "precision"]):
        prec = int(row["precision"]) if row["precision"] else None
        out.setdefault(row["term"].lower(), {})[row["role"]] = prec
    return out


@lru_cache(maxsize=1)
def admin_words() -> frozenset[str]:
    return frozenset(t for t, roles in terms().items() if "admin" in roles)


@dataclass
class Gazetteer:
    places: list[Place] = field(default_factory=list)
    primary: dict[str, list[int]] = field(default_factory=dict)    # folded name -> place indices
    alternate: dict[str, list[int]] = field(default_factory=dict)  # folded alt name -> indices
    countries: dict[str, Place] = field(default_factory=dict)      # iso3 -> country place
    country_index: dict[str, int] = field(default_factory=dict)    # iso3 -> index in places
    admin1s: dict[tuple[str, str], Place] = field(default_factory=dict)  # (iso3, folded) -> place
    local_only: set[int] = field(default_factory=set)  # places found only in a document about their country
    _loose_towns: dict[str, dict[str, list[int]]] = field(default_factory=dict)  # iso3 -> loose_towns(iso3)

    def add(self, place: Place, alts: Iterable[str]) -> None:
        i = len(self.places)
        self.places.append(place)
        key = fold(place.name)
        self.primary.setdefault(key, []).append(i)
        for a in alts:
            k = fold(a)
            if k and k != key:
                self.alternate.setdefault(k, []).append(i)
        if place.kind == "country" and place.country:
            self.countries[place.country] = place
            self.country_index[place.country] = i
        if place.kind == "admin1" and place.country:
            for k in {key, *(fold(a) for a in alts)}:
                self.admin1s.setdefault((place.country, k), place)

    @cached_property
    def loose(self) -> dict[str, list[int]]:
        """spelling_key -> indices of admin1 regions, by any of their names; built on
        first use."""
        out: dict[str, set[int]] = {}
        index = {id(p): i for i, p in enumerate(self.places) if p.kind == "admin1"}
        for (_, key), place in self.admin1s.items():
            k = spelling_key(key)
            if k:
                out.setdefault(k, set()).add(index[id(place)])
        return {k: sorted(v) for k, v in out.items()}

    @cached_property
    def towns_of(self) -> dict[str, list[int]]:
        """ISO3 -> indices of the country's towns; built on first use."""
        out: dict[str, list[int]] = {}
        for i, p in enumerate(self.places):
            if p.kind == "town" and p.country:
                out.setdefault(p.country, []).append(i)
        return out

    def loose_towns(self, country: str) -> dict[str, list[int]]:
        """spelling_key -> indices of ``country``'s towns, by their own name; built on first use for each
        country (keying all 190,000 towns at once cost seconds where a story names one or two countries)."""
        if country not in self._loose_towns:
            out: dict[str, list[int]] = {}
            for i in self.towns_of.get(country, ()):
                k = spelling_key(self.places[i].name)
                if k:
                    out.setdefault(k, []).append(i)
            self._loose_towns[country] = out
        return self._loose_towns[country]

    def known(self, name: str, *, primary: bool = False) -> bool:
        """Whether ``name`` is a place name in the gazetteer (a primary name, or also an
        alternate name unless ``primary``)."""
        key = fold(name)
        return key in self.primary or (not primary and key in self.alternate)

    def country(self, iso3: str) -> Optional[Place]:
        return self.countries.get(iso3)

    def admin1(self, name: str, *, country: Optional[str] = None) -> list[Place]:
        """Admin1 regions called ``name`` ('Tavush', 'Tavush Province'), in ``country``
        if given, largest first."""
        return [p for p in self.lookup(name, countries=(country,) if country else (), kinds=("admin1",))
                if country is None or p.country == country]

    def lookup(self, name: str, *, countries: Iterable[str] = (),
               kinds: Iterable[str] = KINDS) -> list[Place]:
        """Places called ``name``, best first. ``countries`` (ISO3, most relevant first)
        are the document's countries; a place in one of them outranks any other."""
        kinds = tuple(kinds)
        countries = [c for c in countries if c]
        key = fold(name)
        words = key.split()
        admin_only = len(words) > 1 and words[-1] in admin_words()
        if admin_only:
            whole = [*self.primary.get(key, ()), *self.alternate.get(key, ())]
            if not any(self.places[i].kind in ("admin1", "region") for i in whole):  # ("Central District" is a name)
                key = " ".join(words[:-1])
            kinds = ("admin1", "region")
        found: dict[int, bool] = {}
        for i in self.primary.get(key, ()):
            found[i] = True
        for i in self.alternate.get(key, ()):
            found.setdefault(i, False)
        if "country" in kinds:
            iso3 = _country_code(name)
            if iso3 in self.country_index:
                found[self.country_index[iso3]] = True
        if not found and countries:  # a spelling of a region the gazetteer lacks ("Nabatiyeh",
            # "Urozgan"), in one of the document's countries (a village abroad is too often
            # spelled like a region: "Utage" and Otago); never a town ("Banihar" village is not
            # the town of Buna Hir)
            loose = spelling_key(key) or ""
            short = sum(c.isalpha() and c != "a" for c in loose) < SHORT_KEY_CONSONANTS
            for i in self.loose.get(loose, ()):
                if self.places[i].country in countries and not (short and not is_variant(key, self.places[i].name)):
                    found[i] = False  # (a short key is too loose alone: "Loima" is not Lamu, "Miraa" not Meru)
        scored = []
        for i, exact in found.items():
            p = self.places[i]
            if p.kind not in kinds or (i in self.local_only and p.country not in countries):
                continue
            scored.append((-self._score(p, exact, countries), i, p))
        return [p for _, _, p in sorted(scored)]

    def variant_towns(self, name: str, countries: Iterable[str]) -> list[Place]:
        """Towns of the document's countries that ``name`` may be another transliteration of ("Qamishli" and
        Al Qamishli, "Saraqab" and Saraqib): the same spelling key, and alike as strings once the article is
        left out; largest first. A last resort, after every table (``lookup`` never guesses a town)."""
        key = fold(name)
        loose = spelling_key(key)
        found = sorted(i for c in dict.fromkeys(c for c in countries if c) if loose
                       for i in self.loose_towns(c).get(loose, ()) if is_variant(key, self.places[i].name))
        return sorted((self.places[i] for i in found), key=lambda p: -p.population)

    def _score(self, p: Place, exact: bool, countries: list[str]) -> float:
        """Score in log10-population units: a place in the document's first country gets
        3 (others 2.5), so it wins unless the alternative is ~1000 times larger."""
        score = 0.0
        if p.country in countries:
            score += 3.0 if countries[0] == p.country else 2.5
        if p.kind == "country":
            score += 15
        elif p.kind in ("admin1", "region"):
            score += 5.0  # beats namesake towns under 100,000 people ...
        elif p.population >= 100_000:
            score += 2  # ... unless the town is a city ("Aleppo", "Kiev")
        score += 2 if exact else 0
        return score + math.log10(p.population + 10)


def is_variant(name: str, other: str) -> bool:
    """Whether two names are spellings of one ("Lokichogio", "Lokichokio"; "Isiollo", "Isiolo"; "Kut", "Al-Kut"),
    not different names: alike as strings, whole or without a leading Arabic article."""
    a, b = fold(name), fold(other)
    return any(difflib.SequenceMatcher(None, x, y).ratio() >= VARIANT_RATIO for x, y in ((a, b), (_bare(a), _bare(b))))


def _country_code(name: str) -> Optional[str]:
    from .knowledge import knowledge

    kb = knowledge()
    by_name = getattr(kb, "by_name", {})
    return by_name.get(name.strip().lower().removeprefix("the ").removesuffix("'s"))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The compiled gazetteer, loaded once per process."""
    path = DATA_DIR / GAZETTEER
    if not path.exists():
        raise SitrepError(Errors.E104, path=path)
    table = load_table(path, required=["geonameid", "kind", "name", "alt", "country", "admin1",
                                       "lat", "lon", "population"])
    gaz = Gazetteer()
    for row in table:
        alts = row["alt"].split("|") if row["alt"] else []
        gaz.add(Place(
            name=row["name"], country=row["country"], admin1=row["admin1"],
            lat=float(row["lat"]) if row["lat"] else None, lon=float(row["lon"]) if row["lon"] else None,
            geonameid=int(row["geonameid"]) if row["geonameid"] else None, kind=row["kind"],
            population=int(row["population"]) if row["population"] else 0), alts)
    aliases = load_table("admin1_aliases.tsv", required=["country", "name", "alias"])
    # "North Sinai" finds Shamal Sina', "Extreme-Nord" Cameroon's Far North
    for iso3, name, other in [(c, n, e) for (c, n), e in admin1_english().items()] + \
            [(r["country"], r["name"], r["alias"]) for r in aliases]:
        place = gaz.admin1s.get((iso3, fold(name)))
        key = fold(other)
        if place is not None and (iso3, key) not in gaz.admin1s:
            gaz.admin1s[(iso3, key)] = place
            index = next(i for i in gaz.primary.get(fold(place.name), ()) if gaz.places[i] is place)
            gaz.alternate.setdefault(key, []).append(index)
    _add_former_regions(gaz)
    # spellings of towns as reported that GeoNames lacks ("Elwak" for El Wak)
    for r in load_table("town_aliases.tsv", required=["country", "town", "admin1", "alias"]):
        for i in gaz.primary.get(fold(r["town"]), ()):
            p = gaz.places[i]
            if p.kind == "town" and p.country == r["country"] and p.admin1 == r["admin1"]:
                gaz.alternate.setdefault(fold(r["alias"]), []).append(i)
    return gaz


def _add_former_regions(gaz: Gazetteer) -> None:
    """Regions abolished since ("Rift Valley Province" of Kenya, data/admin1_former.tsv) as places of kind
    region, at the point and in the admin1 of the current region that holds their former capital (ACLED's
    placing of a report that names only the old region); a name that is also a common word or another
    country's region ("Eastern") is found only with "Province" after it, in a document about the country."""
    for row in load_table("admin1_former.tsv", required=["country", "names", "seat", "until", "local"]):
        seat = gaz.admin1s.get((row["country"], fold(row["seat"])))
        if seat is None:
            raise SitrepError(Errors.E102, path="admin1_former.tsv",
                              detail=f"{row['country']} has no region {row['seat']!r} in the gazetteer")
        names = [f"{n} Province" for n in row["names"].split("|")]
        if row["local"] != "yes":
            names = [n.removesuffix(" Province") for n in names] + names
        gaz.add(Place(name=names[0], country=row["country"], admin1=seat.name, lat=seat.lat, lon=seat.lon,
                      geonameid=None, kind="region"), names[1:])
        if row["local"] == "yes":
            gaz.local_only.add(len(gaz.places) - 1)


@lru_cache(maxsize=1)
def admin1_english() -> dict[tuple[str, str], str]:
    """(country, gazetteer admin1 name) -> conventional English name (data/admin1_english.tsv)."""
    return {(r["country"], r["name"]): r["english"]
            for r in load_table("admin1_english.tsv", required=["country", "name", "english"])}


def lookup(name: str, *, countries: Iterable[str] = ()) -> list[Place]:
    """Module-level shortcut for ``gazetteer().lookup``."""
    return gazetteer().lookup(name, countries=countries)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))
