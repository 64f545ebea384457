"""Fusion: one real-world event from the event mentions of many documents.

Two mentions fuse when they agree on the day, the place, the type and the parties, each
with tolerance for precision (a month-precise date covers its days; a country-level place
covers its towns). They never fuse across different days or different named places (two
towns, or villages the gazetteer lacks and places at their town's or region's point, are
one place only as one gazetteer town under two names), and a mention placed no better
than its country is weak evidence (only a two-country event fuses on it); never
within one document (the coder already decided those are distinct), and never when either
is background, future or hypothetical. A mention joins a fused event only if it agrees
with every mention already in it (complete linkage), so fusion never chains A~B~C into
A~C.

Fatalities follow ACLED: the lowest corroborated figure (reported by two or more sources),
else the lowest reported, with the reported range and every report kept.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Optional

from ..records import IMPLIED

GENERIC_KINDS = frozenset({"group", "unknown"})  # civilians, protesters: no evidence that two reports agree
# ACLED's placeholder names: an unidentified group or "civilians" of a country names no one in particular
GENERIC_NAME = re.compile(r"^(unidentified|civilians|protesters|rioters)\b", re.IGNORECASE)


DISTINCTIVE_UNNAMED = "Explosions/Remote violence"


def is_generic(actor: dict) -> bool:
    """An actor that is no evidence two reports tell the same event: a crowd, a placeholder, or
    an actor the text never names, implied by the event's type ("Police Forces of Peru" for a
    lockdown; records.IMPLIED)."""
    return actor.get("kind") in GENERIC_KINDS or bool(GENERIC_NAME.match(actor.get("acled_name") or "")) \
        or (actor.get("reason") or "").startswith(IMPLIED)
DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
FUSABLE_STATUSES = frozenset({"asserted", "claimed", "denied"})
WEAK_PLACE = 3        # a mention placed no better than this is weak place evidence
SAME_TOWN_KM = 5.0   # two town-precise places under different names: one town (else two places)
DUPLICATE_TOWN_KM = 1.0  # two gazetteer towns of different names this close: one town listed twice
QUALIFIER_RANK = {"exact": 0, "at_least": 1, "about": 2, "at_most": 3, "unknown": 4}


def normalise_name(name: str) -> str:
    """Lower-case, accent-free, punctuation-free name with a leading 'the' removed."""
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def actor_key(actor: dict) -> str:
    """The canonical cross-document key of an actor: kind|country|normalised name."""
    name = actor.get("acled_name") or actor.get("name") or ""
    return "|".join((actor.get("kind") or "unknown", actor.get("country") or "", normalise_name(name)))


@dataclass(frozen=True)
class MentionKey:
    """What fusion compares, taken from one event mention."""
    document_id: str
    date_start: Optional[str]
    date_end: Optional[str]
    date_precision: Optional[str]
    country: Optional[str]
    admin1: Optional[str]
    location: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    geo_precision: Optional[int]
    geonameid: Optional[int]
    event_type: Optional[str]
    sub_event_type: Optional[str]
    plover_type: Optional[str]
    status: Optional[str]
    parties: frozenset  # canonical actor ids
    party_tokens: frozenset  # country codes of the parties, or 'actor:<id>' for parties without one
    deadly: bool = False  # reports a death toll
    initiators: frozenset = frozenset()  # canonical ids of the parties that acted (the rest were acted on)

    @property
    def fusable(self) -> bool:
        return (self.status in FUSABLE_STATUSES and bool(self.date_start)
                and self.date_precision in ("day", "week", "month")
                and bool(self.event_type or self.plover_type))


def key_from_event(document_id: str, event: dict, canon: dict, countries: dict) -> MentionKey:
    """``canon`` maps an actor dict's local id to its canonical id, ``countries`` a canonical
    id to its country code."""
    date = event.get("date") or {}
    loc = event.get("location") or {}
    acled = event.get("acled") or {}
    plover = event.get("plover") or {}
    parties = frozenset(canon[a["id"]] for a in (event.get("actors") or []) + (event.get("recipients") or [])
                        if a.get("id") in canon and not is_generic(a))
    tokens = frozenset(countries.get(p) or f"actor:{p}" for p in parties)
    initiators = frozenset(canon[a["id"]] for a in event.get("actors") or []
                           if a.get("id") in canon and not is_generic(a))
    return MentionKey(
        document_id=document_id, date_start=date.get("start"), date_end=date.get("end") or date.get("start"),
        date_precision=date.get("precision") or ("day" if date.get("start") else None),
        country=loc.get("country"), admin1=loc.get("admin1"), location=loc.get("name"),
        lat=loc.get("lat"), lon=loc.get("lon"), geo_precision=loc.get("precision"), geonameid=loc.get("geonameid"),
        event_type=acled.get("event_type"), sub_event_type=acled.get("sub_event_type"),
        plover_type=plover.get("type"), status=event.get("status") or "asserted",
        parties=parties, party_tokens=tokens, deadly=bool((event.get("fatalities") or {}).get("count")),
        initiators=initiators)


MAX_SPAN_DAYS = 31  # the longest fusable date (precision month)


def earliest_start(day: str) -> str:
    """The earliest start a fusable mention overlapping ``day`` can have."""
    try:
        return (_day(day) - dt.timedelta(days=MAX_SPAN_DAYS)).isoformat()
    except ValueError:
        return day


def _day(s: str) -> dt.date:
    return dt.date.fromisoformat(s[:10])


def dates_agree(a: MentionKey, b: MentionKey) -> bool:
    if a.date_precision == "day" and b.date_precision == "day":
        return a.date_start[:10] == b.date_start[:10]
    try:
        return _day(a.date_start) <= _day(b.date_end or b.date_start) and _day(b.date_start) <= _day(a.date_end or a.date_start)
    except ValueError:
        return False


def _km(a: MentionKey, b: MentionKey) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _precise(k: MentionKey) -> bool:
    """Placed at a town or a named site (a village placed at its region's point counts)."""
    if k.geo_precision is not None and k.geo_precision <= 2 and bool(k.location or k.geonameid or k.lat is not None):
        return True
    return site(k) is not None


def site(k: MentionKey) -> Optional[str]:
    """The specific place a mention names, normalised: a town ("near Jermuk"), or a village
    the gazetteer does not know, placed in its region ("Zamanly, Gadabay" -> admin1 Gadabay
    named 'Zamanly'). None for a region, an admin1 or a country alone."""
    if not k.location or k.geo_precision is None or k.geo_precision > 3:
        return None
    name = normalise_name(k.location)
    if k.geo_precision <= 2:
        return name
    return name if k.admin1 and name != normalise_name(k.admin1) else None


def places_agree(a: MentionKey, b: MentionKey) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    if a.geonameid and b.geonameid and a.geonameid == b.geonameid and _precise(a) and _precise(b):
        return True
    sa, sb = site(a), site(b)
    located = None not in (a.lat, a.lon, b.lat, b.lon)
    close = located and _km(a, b) <= SAME_TOWN_KM
    if sa and sb:
        # two named places: one gazetteer town under two names ("Khankendi", "Stepanakert") when
        # co-located; otherwise one name at one point (namesakes far apart, or one village name
        # placed at two different towns' or regions' points, are different places); two gazetteer
        # towns of two names are two towns however close (suburbs: "Oued Ellil", "Douar Hicher"),
        # unless at one point (one town listed twice)
        if a.geonameid and b.geonameid:
            return bool(close) and (sa == sb or _km(a, b) <= DUPLICATE_TOWN_KM)
        return sa == sb and (close or not located)
    if _precise(a) and _precise(b):  # unnamed points: the same place only if ~co-located
        return bool(close)
    if a.admin1 and b.admin1 and (a.geo_precision or 4) <= 3 and (b.geo_precision or 4) <= 3:
        return normalise_name(a.admin1) == normalise_name(b.admin1)
    return True


def places_match_closely(a: MentionKey, b: MentionKey) -> bool:
    """Both places known to region level or better, and agreeing."""
    return (a.geo_precision or 9) <= 3 and (b.geo_precision or 9) <= 3 and places_agree(a, b)


def types_agree(a: MentionKey, b: MentionKey) -> bool:
    if a.event_type and b.event_type:
        return a.event_type == b.event_type and (not (a.sub_event_type and b.sub_event_type)
                                                 or a.sub_event_type == b.sub_event_type)
    return bool(a.plover_type) and a.plover_type == b.plover_type


def parties_agree(a: MentionKey, b: MentionKey) -> Optional[str]:
    """'strong' (both sides agree: two shared actors or two shared countries, or one
    report's countries are part of the other's two-or-more-country event), 'weak' (one
    shared actor or country, or no parties on one side), or None (different parties)."""
    if not a.parties or not b.parties:
        return "weak"
    shared = a.party_tokens & b.party_tokens
    if not shared:
        return None
    small, large = sorted((a.party_tokens, b.party_tokens), key=len)
    if not small <= large and len(shared) / len(a.party_tokens | b.party_tokens) < 0.5:
        return None
    if len(a.parties & b.parties) >= 2 or len(shared) >= 2:
        return "strong"
    if small <= large and len(large) >= 2 and all(not t.startswith("actor:") for t in large):
        return "strong"  # one report names one side of a two-country event the other names in full
    return "weak"


def compatible(a: MentionKey, b: MentionKey) -> bool:
    """Two mentions of different documents that agree on type, day and place."""
    if a.document_id == b.document_id or not (a.fusable and b.fusable):
        return False
    return types_agree(a, b) and dates_agree(a, b) and places_agree(a, b)


def reversed_roles(a: MentionKey, b: MentionKey) -> bool:
    """Whether two asserted one-sided events have their roles swapped: each one's actors are only acted on in
    the other ("GNA aircraft struck LNA positions", "LNA aircraft struck GNA positions": two raids). Not a
    battle, where each side attacks, nor claims, where each side may blame the other for one event."""
    if a.event_type in (None, "Battles") or not (a.status == b.status == "asserted"):
        return False
    if not a.initiators or not b.initiators or a.initiators & b.initiators:
        return False
    return a.initiators <= b.parties - b.initiators and b.initiators <= a.parties - a.initiators


def parties_fit(a: MentionKey, b: MentionKey) -> bool:
    """Whether the parties of ``a`` fit those of ``b`` (a mention or a fused event's union)."""
    if reversed_roles(a, b):
        return False
    parties = parties_agree(a, b)
    if parties is None:
        return False
    if parties == "weak":
        # weak party evidence: named parties on both sides, or tolls on both sides of an explosion
        # (rare and distinctive in one town and day, unlike shootings or raids), same town and day
        # one shared actor (not only a shared country), and no other actor named on both sides
        # ("the army shelled Kansafra" and "the army shelled Ftireh": two targets, two events)
        named = bool(a.parties & b.parties) and not (a.parties - b.parties and b.parties - a.parties)
        bombing = a.deadly and b.deadly and a.event_type == b.event_type == DISTINCTIVE_UNNAMED
        return (named or bombing) and _precise(a) and _precise(b) and a.date_precision == b.date_precision == "day"
    weak_a, weak_b = (a.geo_precision or 9) > WEAK_PLACE, (b.geo_precision or 9) > WEAK_PLACE
    if weak_a or weak_b:
        # no place below country level on one side: only a two-country event is distinctive enough, and
        # only when the reports share a party, not just a country ("Al Shabaab threw a grenade at a police
        # post in Kenya" and "police attacked villagers" that day are two events)
        return len(_countries(a) | _countries(b)) >= 2 and bool(a.parties & b.parties)
    return True


def _countries(k: MentionKey) -> set:
    return {t for t in k.party_tokens if not t.startswith("actor:")}


def agree(a: MentionKey, b: MentionKey) -> bool:
    """Whether two mentions can be the same real-world event."""
    return compatible(a, b) and parties_fit(a, b)


def union(members: list[MentionKey]) -> MentionKey:
    """A fused event as one key: its most precise member, with every member's parties."""
    best = min(members, key=lambda m: ((m.geo_precision or 9), DATE_RANK.get(m.date_precision, 9)))
    day = min(members, key=lambda m: DATE_RANK.get(m.date_precision, 9))
    return dataclasses.replace(best, date_precision=day.date_precision,
                               parties=frozenset().union(*(m.parties for m in members)),
                               party_tokens=frozenset().union(*(m.party_tokens for m in members)),
                               initiators=frozenset().union(*(m.initiators for m in members)))


def score(a: MentionKey, b: MentionKey) -> float:
    """How well two agreeing mentions match (to choose among candidate fused events)."""
    s = 0.0
    s += 2.0 if a.parties & b.parties else 0.0
    s += len(a.party_tokens & b.party_tokens)
    s += 1.0 if a.sub_event_type and a.sub_event_type == b.sub_event_type else 0.0
    s += 1.0 if a.date_precision == b.date_precision == "day" else 0.0
    s += 1.0 if _precise(a) and _precise(b) else 0.0
    return s


def choose(key: MentionKey, candidates: dict[int, list[MentionKey]]) -> Optional[int]:
    """The fused event id a new mention joins, or None for a new fused event. A candidate
    qualifies when the mention agrees with each of its mentions on type, day and place, and
    its parties fit the fused event's; the best mean score wins, then the oldest id."""
    best: tuple[float, int] | None = None
    for fused_id, members in candidates.items():
        if members and all(compatible(key, m) for m in members) and parties_fit(key, union(members)):
            s = sum(score(key, m) for m in members) / len(members)
            if best is None or (s, -fused_id) > (best[0], -best[1]):
                best = (s, fused_id)
    return None if best is None else best[1]


def fuse_fatalities(reports: Iterable[dict]) -> Optional[dict]:
    """reports: [{document_id, count, qualifier, of, text}] -> fused fatalities or None."""
    reports = [r for r in reports if r.get("count") is not None]
    if not reports:
        return None
    sources: dict[int, set] = {}
    for r in reports:
        sources.setdefault(r["count"], set()).add(r["document_id"])
    corroborated = sorted(c for c, docs in sources.items() if len(docs) >= 2)
    count = corroborated[0] if corroborated else min(sources)
    chosen = sorted((r for r in reports if r["count"] == count),
                    key=lambda r: (QUALIFIER_RANK.get(r.get("qualifier") or "unknown", 9), r["document_id"]))[0]
    of, seen = [], set()
    for r in reports:
        for a in r.get("of") or []:
            if a.get("id") not in seen:
                seen.add(a.get("id"))
                of.append(a)
    counts = [r["count"] for r in reports]
    return {"count": count, "qualifier": chosen.get("qualifier") or "exact", "of": of, "text": chosen.get("text"),
            "corroborated": bool(corroborated), "range": [min(counts), max(counts)],
            "reports": [{"document_id": r["document_id"], "count": r["count"],
                         "qualifier": r.get("qualifier"), "text": r.get("text")} for r in reports],
            "reason": "lowest figure reported by two or more sources" if corroborated
            else "lowest reported figure (no figure corroborated)"}


def fused_status(statuses: list[str]) -> str:
    if "asserted" in statuses:
        return "asserted"
    if statuses and all(s == "denied" for s in statuses):
        return "denied"
    return "claimed" if "claimed" in statuses else (statuses[0] if statuses else "asserted")


def representative_order(event: dict, seq: int) -> tuple:
    """Sort key: the mention whose fields the fused record shows (most precise first)."""
    date = event.get("date") or {}
    loc = event.get("location") or {}
    return (0 if event.get("status") == "asserted" else 1, DATE_RANK.get(date.get("precision"), 9),
            loc.get("precision") or 9, -(event.get("confidence") or 0), seq)
