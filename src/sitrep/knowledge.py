"""Actor knowledge: countries, demonyms, capitals and international organisations,
loaded once from sitrep's data files (and a user's own file, if configured)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from .lexicon import load_table, split


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


@dataclass
class Knowledge:
    countries: dict[str, Country] = field(default_factory=dict)
    igos: dict[str, Igo] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)      # lower name/alias -> iso3
    by_demonym: dict[str, str] = field(default_factory=dict)   # lower demonym -> iso3
    by_capital: dict[str, str] = field(default_factory=dict)   # lower capital -> iso3
    igo_by_name: dict[str, str] = field(default_factory=dict)  # lower name/alias -> igo id

    def country_for(self, text: str) -> Optional[str]:
        key = _key(text)
        return self.by_name.get(key) or self.by_demonym.get(key)

    def capital_for(self, text: str) -> Optional[str]:
        return self.by_capital.get(_key(text))

    def igo_for(self, text: str) -> Optional[Igo]:
        key = _key(text)
        igo_id = self.igo_by_name.get(key)
        return self.igos.get(igo_id) if igo_id else None

    def ruler_patterns(self) -> list[dict]:
        pats = []
        for c in self.countries.values():
            for n in (c.name, *c.aliases):
                pats.append({"label": "GPE", "pattern": n, "id": c.iso3})
            for n in c.demonyms:
                pats.append({"label": "NORP", "pattern": n, "id": c.iso3})
        for g in self.igos.values():
            for n in (g.name, *g.aliases):
                pats.append({"label": "ORG", "pattern": n, "id": g.id})
        return pats


def _key(text: str) -> str:
    t = text.strip().lower().replace("’", "'")
    if t.startswith("the "):
        t = t[4:]
    if t.endswith("'s"):
        t = t[:-2]
    return t


@lru_cache(maxsize=2)
def knowledge() -> Knowledge:
    kb = Knowledge()
    for row in load_table("countries.tsv", required=["iso3", "iso2", "name"]):
        c = Country(row["iso3"], row["iso2"], row["name"], tuple(split(row.get("aliases"))),
                    tuple(split(row.get("demonyms"))), tuple(split(row.get("capitals"))))
        kb.countries[c.iso3] = c
        for n in (c.name, *c.aliases):
            kb.by_name.setdefault(_key(n), c.iso3)
        for n in c.demonyms:
            kb.by_demonym.setdefault(_key(n), c.iso3)
        for n in c.capitals:
            kb.by_capital.setdefault(_key(n), c.iso3)
    for row in load_table("igos.tsv", required=["id", "name"]):
        g = Igo(row["id"], row["name"], tuple(split(row.get("aliases"))), tuple(split(row.get("members"))),
                row.get("sector") or "IGO")
        kb.igos[g.id] = g
        for n in (g.name, *g.aliases):
            kb.igo_by_name.setdefault(_key(n), g.id)
    return kb
