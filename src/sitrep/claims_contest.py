"""Contested claims: opposing parties telling the same fighting in contradicting ways.

Two claims of one document contest each other when all three hold:

1. **Opposing speakers**: their speakers belong to different countries, and either one
   claim blames the other speaker's country, or both countries are parties (actors or
   recipients) of the hostile events (ASSAULT, COERCE, THREATEN) the claims are about.
2. **The same happening**: they report a shared event, or both are about the fighting
   itself (a fighting word or an ASSAULT event in the content) on the same day, give or
   take one (two accounts of one night's clash often carry different dates).
3. **A contradiction**: each blames the other (who started it); one blames the other's
   side and that side denies or rejects (who started it); one says an event they both
   report happened and the other denies it (whether it happened); or they give different tolls for the same
   victims.

Each claim then lists the other in ``contested_by`` and its ``reason`` says why.
"""
from __future__ import annotations

from datetime import date
from itertools import combinations
from typing import Optional

from .records import Event

DAY_TOLERANCE = 1  # days between two accounts of the same fighting
DENYING = ("deny", "reject")
ASSERTING = ("assert", "accuse")
HOSTILE = ("ASSAULT", "COERCE", "THREATEN")  # events whose actors and recipients are the warring parties
VERB3 = {"deny": "denies", "reject": "rejects"}


def _country(info) -> Optional[str]:
    sp = info.claim.speaker
    return sp.country if sp is not None else None


def _parties(events: list[Event]) -> tuple[set, set]:
    actors = {a.country for e in events for a in e.actors if a.country}
    recipients = {a.country for e in events for a in e.recipients if a.country}
    return actors, recipients


def _related_events(a, b, events: list[Event]) -> list[Event]:
    ids = set(a.claim.event_ids) | set(b.claim.event_ids)
    days = (a.days | b.days) if _near_days(a.days, b.days) else set()
    return [e for e in events if e.plover.type in HOSTILE and (e.id in ids or (
        e.status != "historical" and e.date.start in days))]


def opposing(a, b, events: list[Event]) -> Optional[str]:
    ca, cb = _country(a), _country(b)
    if not ca or not cb or ca == cb:
        return None
    if cb in a.blamed:
        return f"{ca} blames {cb}"
    if ca in b.blamed:
        return f"{cb} blames {ca}"
    actors, recipients = _parties(_related_events(a, b, events))
    if {ca, cb} <= actors | recipients:
        return f"{ca} and {cb} are both parties to the fighting"
    return None


def _near_days(a: set, b: set) -> list[str]:
    """Days of ``a`` within one day of a day of ``b`` (accounts of one clash straddle midnight)."""
    out = []
    for x in a:
        for y in b:
            try:
                if abs((date.fromisoformat(x[:10]) - date.fromisoformat(y[:10])).days) <= DAY_TOLERANCE:
                    out.append(min(x, y))
            except ValueError:
                if x == y:
                    out.append(x)
    return sorted(out)


def same_happening(a, b) -> Optional[str]:
    shared = sorted(set(a.claim.event_ids) & set(b.claim.event_ids))
    if shared:
        return f"both report {', '.join(shared)}"
    days = _near_days(a.days, b.days)
    if a.fighting and b.fighting and days:
        return f"both are about the fighting of {days[0]}"
    return None


def contradiction(a, b) -> Optional[str]:
    ca, cb = _country(a), _country(b)
    sa, sb = a.claim.stance, b.claim.stance
    if cb in a.blamed and ca in b.blamed:
        return f"each blames the other ({ca} blames {cb}, {cb} blames {ca})"
    for x, y, cx, cy in ((a, b, ca, cb), (b, a, cb, ca)):
        if cy in x.blamed and y.claim.stance in DENYING:
            return f"{cx} blames {cy}, {cy} {VERB3[y.claim.stance]} it"
    shared = set(a.claim.event_ids) & set(b.claim.event_ids)
    if shared and ((sa in DENYING and sb in ASSERTING) or (sb in DENYING and sa in ASSERTING)):
        denier, teller = (ca, cb) if sa in DENYING else (cb, ca)
        return f"{teller} says it happened, {denier} denies it"
    for victim in set(a.tolls) & set(b.tolls):
        if a.tolls[victim] != b.tolls[victim]:
            return f"tolls differ ({ca} says {a.tolls[victim]}, {cb} says {b.tolls[victim]})"
    return None


def mark(infos: list, events: list[Event]) -> list[tuple[str, str, str]]:
    """Mark contested pairs on the claims; returns (claim id, claim id, reason) for each pair."""
    pairs = []
    for a, b in combinations(infos, 2):
        who = opposing(a, b, events)
        what = who and same_happening(a, b)
        why = what and contradiction(a, b)
        if not why:
            continue
        reason = f"{who}; {what}; {why}"
        for x, y in ((a, b), (b, a)):
            if y.claim.id not in x.claim.contested_by:
                x.claim.contested_by.append(y.claim.id)
            x.claim.reason = f"{x.claim.reason}; contested by {y.claim.id}: {reason}"
        pairs.append((a.claim.id, b.claim.id, reason))
    return pairs
