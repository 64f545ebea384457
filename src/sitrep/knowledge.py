"""Actor knowledge: countries, territories, international organisations, armed groups,
titles and date-bounded office holders, loaded once from sitrep's data files and,
if configured, from a user's own actor file (``Settings.user_actors`` / ``SITREP_ACTORS``,
documented in docs/actors.md). User rows are read last and win over bundled rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Optional

from .errors import Errors, SitrepError
from .lexicon import load_table, split

# titles that make their holder the head of the executive (for ACLED's "(YYYY-)" regime year)
#: PLOVER sectors of armed actors: state military and police, rebels, militias, other armed groups, criminals
ARMED_SECTORS = ("MIL", "COP", "REB", "PRM", "UAF", "CRM")
STATE_FORCES = ("MIL", "COP")   # sectors of a state's armed forces
HEAD_TITLES = ("president", "prime minister", "premier", "chancellor", "king", "emir",
               "supreme leader", "leader", "state counsellor")


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Igo:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    sector: str = "IGO"
    kind: str = "igo"
    acled_name: Optional[str] = None
    host: Optional[str] = None   # the country a peace or monitoring mission works in


@dataclass(frozen=True)
class Group:
    """A named non-state actor (armed group, party, movement) or a user-defined organisation."""
    name: str
    aliases: tuple[str, ...] = ()
    country: Optional[str] = None
    sector: Optional[str] = None
    kind: str = "armed_group"
    acled_name: Optional[str] = None
    acled_inter: Optional[int] = None
    source: str = ""   # the data file that holds it (the actor's reason names it)
    former_country: Optional[str] = None   # its country before ``country_from`` (a state born since)
    country_from: Optional[str] = None
    local_aliases: tuple[str, ...] = ()   # names it shares with others ("NASA"): read only at home, in its time
    active_from: Optional[str] = None   # the days the local aliases name it (from inclusive, to exclusive)
    active_to: Optional[str] = None

    def country_on(self, day: Optional[str]) -> Optional[str]:
        """The group's country on ``day``, date-bounded like an office holder's role: the
        former country before the day the current one begins (the SPLM/A is Sudan's before
        South Sudan's independence); with no day, the current one."""
        if day and self.former_country and self.country_from and day < self.country_from:
            return self.former_country
        return self.country

    def active_on(self, day: Optional[str]) -> bool:
        """The group existed on ``day`` (its local aliases name it only then; no day, no reading)."""
        return bool(day) and (self.active_from or "0000") <= day and (self.active_to is None or day < self.active_to)


@dataclass(frozen=True)
class Territory:
    name: str
    aliases: tuple[str, ...] = ()
    country: Optional[str] = None       # the internationally recognised sovereign
    disputed_by: Optional[str] = None


@dataclass(frozen=True)
class Title:
    phrase: str
    role: str          # person | body
    sector: str
    kind: str
    acled: Optional[str] = None
    inter: Optional[int] = None


@dataclass(frozen=True)
class Role:
    """One date-bounded office (petrarch-style): person, country, sector, title, from, to."""
    name: str
    aliases: tuple[str, ...]
    country: Optional[str]
    sector: Optional[str]
    title: Optional[str]
    start: Optional[str] = None
    end: Optional[str] = None

    def holds_on(self, day: Optional[str]) -> bool:
        if not day:
            return self.end is None
        return (self.start or "0000") <= day and (self.end is None or day < self.end)


@dataclass
class Knowledge:
    countries: dict[str, Country] = field(default_factory=dict)
    igos: dict[str, Igo] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)          # key(name) -> group
    territories: dict[str, Territory] = field(default_factory=dict)  # key(name) -> territory
    titles: dict[str, Title] = field(default_factory=dict)          # phrase -> title
    roles: list[Role] = field(default_factory=list)
    by_name: dict[str, str] = field(default_factory=dict)      # key name/alias -> iso3
    by_demonym: dict[str, str] = field(default_factory=dict)   # key demonym -> iso3
    by_capital: dict[str, str] = field(default_factory=dict)   # key capital -> iso3
    igo_by_name: dict[str, str] = field(default_factory=dict)  # key name/alias -> igo id
    group_by_name: dict[str, str] = field(default_factory=dict)  # key alias -> group key
    local_by_name: dict[str, str] = field(default_factory=dict)  # key local alias -> group key
    territory_by_name: dict[str, str] = field(default_factory=dict)
    roles_by_name: dict[str, list[Role]] = field(default_factory=dict)  # key name/alias -> roles
    heads: dict[str, list[Role]] = field(default_factory=dict)  # iso3 -> roles of a head of the executive
    ethnic: dict[str, tuple[str, Optional[str]]] = field(default_factory=dict)  # key alias -> (name, iso3)
    ethnic_former: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (former iso3, current from)
    user_names: set[str] = field(default_factory=set)  # names from the user's file: matched even when one word
    acronyms: set[str] = field(default_factory=set)   # keys of country aliases written in capitals ("CAR", "US")

    # --- look-ups -------------------------------------------------------------------
    def country_for(self, text: str) -> Optional[str]:
        """The country a name, alias or demonym names. An alias the file writes in capitals
        is an acronym, and only names the country written in capitals too: "CAR" is the
        Central African Republic, "a car" and "us" are common words."""
        key = _key(text)
        if key in self.acronyms and not text.strip().isupper():
            return self.by_demonym.get(key)
        return self.by_name.get(key) or self.by_demonym.get(key)

    def misspelt_country(self, text: str) -> Optional[str]:
        """The country a one-word name is a typing slip of: one letter of a country name of
        six letters or more dropped, added or swapped with its neighbour ("Afganistan",
        "Ethopia", "Ugnada"), when exactly one country name is that near."""
        key = _key(text)
        if not key.isalpha() or len(key) < 5:
            return None
        hits = {self.by_name[k] for k in slips(key) if len(k) >= 6 and k in self.by_name}
        return hits.pop() if len(hits) == 1 else None

    def capital_for(self, text: str) -> Optional[str]:
        return self.by_capital.get(_key(text))

    def igo_for(self, text: str) -> Optional[Igo]:
        igo_id = self.igo_by_name.get(_key(text))
        return self.igos.get(igo_id) if igo_id else None

    def group_for(self, text: str) -> Optional[Group]:
        k = self.group_by_name.get(_key(text))
        return self.groups.get(k) if k else None

    def local_group_for(self, text: str, day: Optional[str]) -> Optional[Group]:
        """The group a name it shares with others refers to on ``day`` (actors_parties.tsv
        local_aliases: "NASA" is Kenya's National Super Alliance from 2017), if it existed then."""
        k = self.local_by_name.get(_key(text))
        group = self.groups.get(k) if k else None
        return group if group is not None and group.active_on(day) else None

    def territory_for(self, text: str) -> Optional[Territory]:
        k = self.territory_by_name.get(_key(text))
        return self.territories.get(k) if k else None

    def ethnic_for(self, text: str) -> Optional[tuple[str, Optional[str]]]:
        """(group name, country) of an ethnic or communal group name ("Turkana", "Fulani")."""
        return self.ethnic.get(_key(text))

    def ethnic_country(self, name: str, iso: Optional[str], day: Optional[str]) -> Optional[str]:
        """The country of the ethnic group ``name`` (its actors_ethnic.tsv row) on ``day``, when
        ``iso`` is the row's own country: the former country before the day the current one
        begins (the Toposa are Sudan's before South Sudan's independence), like a dated group."""
        former = self.ethnic_former.get(name)
        if day and former and day < former[1] and iso == (self.ethnic_for(name) or (None, None))[1]:
            return former[0]
        return iso

    def place_country(self, text: str) -> Optional[str]:
        """Country of a country name, capital or disputed territory (for 'a base in X')."""
        t = self.territory_for(text)
        return self.country_for(text) or self.capital_for(text) or (t.country if t else None)

    def title_for(self, phrase: str) -> Optional[Title]:
        return self.titles.get(" ".join(phrase.lower().replace("-", " ").split()))

    @cached_property
    def title_ends(self) -> frozenset[str]:
        """The last word of every title phrase: a word no title ends with ends none."""
        return frozenset(phrase.split()[-1] for phrase in self.titles if phrase.split())

    def role_for(self, name: str, day: Optional[str]) -> Optional[Role]:
        """The role a named person holds on ``day`` (else their latest earlier role)."""
        roles = self.roles_by_name.get(_key(name)) or []
        if not roles:
            return None
        now = [r for r in roles if r.holds_on(day)]
        if now:
            return now[0]
        earlier = [r for r in roles if day and (r.start or "") <= day]
        pool = earlier or roles
        return max(pool, key=lambda r: r.start or "")

    def regime_start(self, iso3: Optional[str], day: Optional[str]) -> Optional[str]:
        """Year the head of the executive in office on ``day`` took power (continuous
        tenure across roles), as ACLED writes in "Military Forces of X (YYYY-)"."""
        if not iso3:
            return None
        every = self.heads.get(iso3, [])
        starts = []
        for h in (r for r in every if r.holds_on(day)):
            start = h.start or ""
            chain = sorted((r for r in every if r.name == h.name), key=lambda r: r.start or "")
            for r in reversed(chain):   # an earlier head role ending the year this one began continues it
                if r.end and r.end[:4] >= start[:4] and (r.start or "") < start:
                    start = r.start or start
            starts.append(start)
        return min(starts)[:4] if starts else None

    def acled_name(self, template: Optional[str], iso3: Optional[str], day: Optional[str]) -> Optional[str]:
        if not template:
            return None
        country = self.countries[iso3].name if iso3 in self.countries else None
        if "{country}" in template and not country:
            return None
        since = self.regime_start(iso3, day)
        name = template.replace("{country}", country or "")
        return name.replace("{since}", since) if since else name.replace(" ({since}-)", "")

    def ruler_patterns(self) -> list[dict]:
        """Entity-ruler patterns (exact spelling) for every name this knowledge holds."""
        pats: list[dict] = []

        def add(label, text, ident):
            for t in {text, text[:1].upper() + text[1:]}:
                pats.append({"label": label, "pattern": t, "id": ident})

        for c in self.countries.values():
            for n in (c.name, *c.aliases, *c.capitals):
                add("GPE", n, c.iso3)
            for n in c.demonyms:
                add("NORP", n, c.iso3)
        for t in self.territories.values():
            for n in (t.name, *t.aliases):
                add("GPE", n, t.country or "")
        for g in self.igos.values():
            for n in (g.name, *g.aliases):
                add("ORG", n, g.id)
        for k, (name, iso) in self.ethnic.items():
            add("NORP", name, iso or "")
        for g in self.groups.values():
            for n in (g.name, *g.aliases):
                add("ORG", n, g.name)
        for names, roles in self.roles_by_name.items():
            for r in roles[:1]:
                for n in (r.name, *r.aliases):
                    if len(n.split()) >= 2 or n in self.user_names:   # bundled single surnames: NER + propagation
                        add("PERSON", n, r.name)
        return pats


def _key(text: str) -> str:
    t = " ".join(text.strip().lower().replace("’", "'").split())
    if t.startswith("the "):
        t = t[4:]
    if t.endswith("'s"):
        t = t[:-2]
    return t


@lru_cache(maxsize=4096)
def slips(word: str) -> frozenset[str]:
    """Every word one typing slip inside ``word`` away: a letter dropped, a letter added or two
    neighbouring letters swapped, the first and last letters kept (a word's edges are what a
    reader checks; 'Inland' is no Finland, 'Americas' no America, 'Romani' no Romania)."""
    cuts = [(word[:i], word[i:]) for i in range(1, len(word))]
    dropped = {a + b[1:] for a, b in cuts if len(b) > 1}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 2}
    added = {a + c + b for a, b in cuts for c in "abcdefghijklmnopqrstuvwxyz"}
    return frozenset((dropped | swapped | added) - {word})


def _int(v: Optional[str]) -> Optional[int]:
    return int(v) if v and v.strip().isdigit() else None


def _add_country(kb: Knowledge, c: Country) -> None:
    kb.countries[c.iso3] = c
    for n in (c.name, *c.aliases):
        kb.by_name[_key(n)] = c.iso3
        if n.isupper():
            kb.acronyms.add(_key(n))
    for n in c.demonyms:
        kb.by_demonym.setdefault(_key(n), c.iso3)
    for n in c.capitals:
        kb.by_capital.setdefault(_key(n), c.iso3)


def _add_igo(kb: Knowledge, g: Igo) -> None:
    kb.igos[g.id] = g
    for n in (g.name, *g.aliases):
        kb.igo_by_name[_key(n)] = g.id


def _add_group(kb: Knowledge, g: Group) -> None:
    kb.groups[_key(g.name)] = g
    for n in (g.name, *g.aliases):
        kb.group_by_name[_key(n)] = _key(g.name)
    for n in g.local_aliases:
        kb.local_by_name[_key(n)] = _key(g.name)


def _add_role(kb: Knowledge, r: Role, *, first: bool = False) -> None:
    kb.roles.append(r)
    if r.country and r.title and r.title.lower() in HEAD_TITLES:
        kb.heads.setdefault(r.country, []).append(r)
    for n in (r.name, *r.aliases):
        roles = kb.roles_by_name.setdefault(_key(n), [])
        roles.insert(0, r) if first else roles.append(r)


def _load_bundled(kb: Knowledge) -> None:
    for row in load_table("countries.tsv", required=["iso3", "iso2", "name"]):
        _add_country(kb, Country(row["iso3"], row["iso2"], row["name"], tuple(split(row.get("aliases"))),
                                 tuple(split(row.get("demonyms"))),
                                 tuple(c for c in split(row.get("capitals")) if c != "-")))   # "-": no metonymy
    for row in load_table("igos.tsv", required=["id", "name"]):
        _add_igo(kb, Igo(row["id"], row["name"], tuple(split(row.get("aliases"))), tuple(split(row.get("members"))),
                         row.get("sector") or "IGO", row.get("kind") or "igo", row.get("acled_name"), row.get("host")))
    for path in ("actors_groups.tsv", "actors_parties.tsv"):
        for row in load_table(path, required=["name", "country", "sector", "kind"]):
            _add_group(kb, Group(row["name"], tuple(split(row.get("aliases"))), row.get("country"), row.get("sector"),
                                 row.get("kind") or "armed_group", row.get("acled_name"), _int(row.get("acled_inter")),
                                 path, row.get("former_country"), row.get("country_from"),
                                 tuple(split(row.get("local_aliases"))), row.get("from") or None,
                                 row.get("to") or None))
    for path in ("actors_forces.tsv", "actors_institutions.tsv"):   # state forces and other state bodies
        for row in load_table(path, required=["name", "country", "sector", "acled"]):
            _add_group(kb, Group(row["name"], tuple(split(row.get("aliases"))), row["country"], row["sector"], "state",
                                 row["acled"], _int(row.get("acled_inter")), path))
    for row in load_table("actors_territories.tsv", required=["name", "country"]):
        t = Territory(row["name"], tuple(split(row.get("aliases"))), row.get("country"), row.get("disputed_by"))
        kb.territories[_key(t.name)] = t
        for n in (t.name, *t.aliases):
            kb.territory_by_name[_key(n)] = _key(t.name)
    for row in load_table("actors_ethnic.tsv", required=["name", "country"]):
        for n in (row["name"], *split(row.get("aliases"))):
            kb.ethnic[_key(n)] = (row["name"], row.get("country"))
        if row.get("former_country") and row.get("country_from"):
            kb.ethnic_former[row["name"]] = (row["former_country"], row["country_from"])
    for row in load_table("titles.tsv", required=["phrase", "role", "sector", "kind"]):
        kb.titles[row["phrase"].lower()] = Title(row["phrase"].lower(), row["role"], row["sector"], row["kind"],
                                                 row.get("acled"), _int(row.get("inter")))
    for row in load_table("office_holders.tsv", required=["name", "country", "sector", "title", "from", "to"]):
        _add_role(kb, Role(row["name"], tuple(split(row.get("aliases"))), row.get("country"), row.get("sector"),
                           row.get("title"), row.get("from"), row.get("to")))


@lru_cache(maxsize=1)
def currency_words() -> frozenset[str]:
    """Lemmas naming a currency or money in general ("shilling", "currency"), from
    data/currencies.tsv: a country name qualifying one names no party ("Kenyan shillings")."""
    return frozenset(row["word"] for row in load_table("currencies.tsv", required=["word", "kind"]))


def qualifies_currency(span) -> bool:
    """A country name that only qualifies a currency ("the US dollar", "Kenyan shillings"),
    also in a chain of nouns the parse attached past the currency ("the US dollar exchange rate")."""
    words = currency_words()
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and not after.is_alpha and after.text in words:   # "US $50 million", "US$"
        return True
    return span.root.dep_ in ("compound", "amod", "nmod") and (
        span.root.head.lemma_.lower() in words or (after is not None and after.lemma_.lower() in words))


@lru_cache(maxsize=1)
def private_people() -> frozenset[str]:
    """Lemmas of common nouns naming a private person or people ("girl", "refugee",
    "citizen"), from data/actors_private_people.tsv: a nationality written on one names
    civilians of that country, not its state."""
    return frozenset(row["word"] for row in load_table("actors_private_people.tsv", required=["word"]))


@lru_cache(maxsize=1)
def identity_cues() -> dict[str, tuple[str, bool]]:
    """Words of identity violence (data/identity_cues.tsv): word -> (ACLED militia kind
    "Ethnic" | "Tribal" | "Clan" | "Communal", whether it also marks a militia's name)."""
    return {row["word"]: (row["kind"], row.get("marker") == "yes")
            for row in load_table("identity_cues.tsv", required=["word", "kind", "marker"])}


@dataclass(frozen=True)
class FrontSide:
    """A settlement on one side of a front line (data/actors_front_sides.tsv) over a span of dates."""
    place: str
    country: str
    held_by: str        # state | party
    party: str          # ACLED name of the non-state side of the line
    party_inter: int
    start: str
    end: str


@lru_cache(maxsize=1)
def front_sides() -> dict[str, FrontSide]:
    """Settlements of a front line and the side that held them, by lower-cased name and alias."""
    out = {}
    for row in load_table("actors_front_sides.tsv", required=["place", "country", "held_by", "party", "party_inter",
                                                             "from", "to"]):
        side = FrontSide(row["place"], row["country"], row["held_by"], row["party"], int(row["party_inter"]),
                         row["from"], row["to"])
        if side.held_by not in ("state", "party"):
            raise SitrepError(Errors.E102, path="actors_front_sides.tsv", detail=f"held_by {side.held_by!r}")
        for name in (row["place"], *split(row.get("aliases"))):
            out[name.lower()] = side
    return out


USER_COLUMNS = ["name", "kind"]


def _load_user(kb: Knowledge, path: Path) -> None:
    """A user's actor file: one actor per row; see docs/actors.md for the columns."""
    if not path.exists():
        raise SitrepError(Errors.E130, path=path)
    for n, row in enumerate(load_table(path, required=USER_COLUMNS), 1):
        kind = row["kind"]
        aliases = tuple(split(row.get("aliases")))
        kb.user_names.update((row["name"], *aliases))
        country = row.get("country")
        if country and country not in kb.countries:
            raise SitrepError(Errors.E131, path=path, row=n, value=country)
        if kind == "person":
            _add_role(kb, Role(row["name"], aliases, country, row.get("sector"), row.get("title"),
                               row.get("from"), row.get("to")), first=True)
        elif kind == "igo":
            _add_igo(kb, Igo(row.get("id") or row["name"], row["name"], aliases, tuple(split(row.get("members"))),
                             row.get("sector") or "IGO", "igo", row.get("acled_name")))
        elif kind == "state":
            c = kb.countries.get(country or "")
            if c is None:
                raise SitrepError(Errors.E131, path=path, row=n, value=country)
            _add_country(kb, Country(c.iso3, c.iso2, c.name, c.aliases + (row["name"], *aliases),
                                     c.demonyms + tuple(split(row.get("demonyms"))), c.capitals))
        elif kind in ("armed_group", "organization", "group"):
            _add_group(kb, Group(row["name"], aliases, country, row.get("sector"), kind, row.get("acled_name"),
                                 _int(row.get("acled_inter"))))
        else:
            raise SitrepError(Errors.E132, path=path, row=n, value=kind)


@lru_cache(maxsize=4)
def knowledge(user_actors: Optional[Path] = None) -> Knowledge:
    """The bundled actor knowledge, plus the user's actor file when one is given."""
    kb = Knowledge()
    _load_bundled(kb)
    if user_actors is not None:
        _load_user(kb, Path(user_actors))
    return kb
