"""Fact matcher for expected.yaml files (the worked example's acceptance facts).

The matching rules are those written in the yaml's header: dotted keys walk records,
lists match when any element matches, ``parties`` gathers the countries of actors and
recipients, ``_at_least`` compares numbers, ``between`` holds in either direction.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

IGNORED = {"why"}


@dataclass
class FactResult:
    section: str
    fact: dict
    held: bool

    @property
    def why(self) -> str:
        return self.fact.get("why", "")


def _walk(value: Any, path: list[str]) -> list[Any]:
    """All values reached by a dotted path; lists fan out."""
    if not path:
        return value if isinstance(value, list) else [value]
    if isinstance(value, list):
        return [v for item in value for v in _walk(item, path)]
    if not isinstance(value, dict):
        return []
    return _walk(value.get(path[0]), path[1:])


def _eq(actual: Any, expected: Any, prefix: bool = False, surname: bool = False) -> bool:
    if actual is None:
        return False
    if isinstance(expected, str) or isinstance(actual, str):
        a, e = str(actual).lower(), str(expected).lower()
        if prefix:
            return a.startswith(e)
        # A person fact may name the surname alone ("speaker.name: Pashinyan"), meaning the
        # canonical actor "Nikol Pashinyan" that every bare "Pashinyan" resolves to.
        return a == e or (surname and " " not in e and a.endswith(" " + e))
    return actual == expected


def _key_holds(record: dict, key: str, expected: Any) -> bool:
    if key == "parties":
        countries = {str(c).lower() for c in _walk(record, ["actors", "country"]) + _walk(record, ["recipients", "country"]) if c}
        return all(str(e).lower() in countries for e in expected)
    if key == "parties_igo":
        names = set()
        for a in (record.get("actors") or []) + (record.get("recipients") or []):
            if a.get("kind") == "igo":
                names |= {str(a.get("name", "")).lower(), str(a.get("id", "")).lower()}
        return all(str(e).lower() in names for e in expected)
    if key == "text_has":
        text = (record.get("sentence") or record.get("text") or {}).get("text", "")
        return all(w.lower() in text.lower() for w in str(expected).split())
    if key == "between":
        src = set(_walk(record, ["source", "country"]) + _walk(record, ["source", "name"]))
        tgt = set(_walk(record, ["target", "country"]) + _walk(record, ["target", "name"]))
        a, b = expected
        return (a in src and b in tgt) or (b in src and a in tgt)
    at_least = key.endswith("_at_least")
    path = (key[: -len("_at_least")] if at_least else key).split(".")
    values = [v for v in _walk(record, path) if v is not None]
    if at_least:
        return any(isinstance(v, (int, float)) and v >= expected for v in values)
    options = expected if isinstance(expected, list) else [expected]
    prefix = path[-1] in ("start", "since", "until")
    surname = len(path) >= 2 and path[-1] == "name"
    return any(_eq(v, o, prefix, surname) for v in values for o in options)


def fact_holds(records: Iterable[dict], fact: dict) -> bool:
    keys = {k: v for k, v in fact.items() if k not in IGNORED}
    return any(all(_key_holds(r, k, v) for k, v in keys.items()) for r in records)


def _contested_holds(result: dict, fact: dict) -> bool:
    a, b = fact["between"]
    claims = {c["id"]: c for c in result.get("claims", [])}
    for c in claims.values():
        for other in c.get("contested_by") or []:
            o = claims.get(other)
            if not o:
                continue
            pair = {(c.get("speaker") or {}).get("country"), (o.get("speaker") or {}).get("country")}
            if pair == {a, b}:
                return True
    return False


def _actor_mentions_hold(result: dict, fact: dict) -> bool:
    for actor in result.get("actors", []):
        if str(actor.get("name", "")).lower() == fact["name"].lower():
            return len(actor.get("mentions") or []) >= fact["count_at_least"]
    return False


def check(result: dict, expected: dict) -> list[FactResult]:
    """Every fact of an expected.yaml against one result dict (SPEC §2 shape)."""
    out: list[FactResult] = []
    for section, records in (("events", result.get("events", [])), ("claims", result.get("claims", [])),
                             ("relations", result.get("relations", [])), ("actors", result.get("actors", []))):
        spec = expected.get(section) or {}
        for fact in spec.get("must") or []:
            out.append(FactResult(f"{section}.must", fact, fact_holds(records, fact)))
        for fact in spec.get("must_not") or []:
            out.append(FactResult(f"{section}.must_not", fact, not fact_holds(records, fact)))
        for fact in spec.get("contested") or []:
            out.append(FactResult(f"{section}.contested", fact, _contested_holds(result, fact)))
        for fact in spec.get("mentions") or []:
            out.append(FactResult(f"{section}.mentions", fact, _actor_mentions_hold(result, fact)))
    return out
