"""Contested claims: opposing parties telling the same fighting in contradicting ways.

Two claims of one document contest each other when all three hold:

1. **Opposing speakers**: different speakers, and either one claim blames the other
   speaker's side (its country, or the speaker itself as in a civil war: "the army said
   the RSF attacked"), or both speakers' countries are parties (actors or recipients) of
   the hostile events (ASSAULT, COERCE, THREATEN) the claims are about, or one speaker is
   an actor and the other a recipient of such an event.
2. **The same happening**: they report a shared event, or both are about the fighting
   itself (a fighting word or an ASSAULT event in the content) on the same day, give or
   take one (two accounts of one night's clash often carry different dates); an account
   that dates nothing ("X denied starting the conflict") matches any day.
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


def _label(info) -> str:
    sp = info.claim.speaker
    return (sp.country or sp.name) if sp is not None else "?"


def _blames(x, y) -> bool:
    """Does claim ``x`` present the side of ``y``'s speaker as the perpetrator?"""
    sp = y.claim.speaker
    if sp is None:
        return False
    if sp.id in getattr(x, "opponents", ()):
        return True
    cx = _country(x)
    return bool(sp.country and sp.country != cx and sp.country in x.blamed)


def _parties(events: list[Event]) -> tuple[set, set]:
    actors = {a.country for e in events for a in e.actors if a.country}
    recipients = {a.country for e in events for a in e.recipients if a.country}
    return actors, recipients


def _related_events(a, b, events: list[Event]) -> list[Event]:
    ids = set(a.claim.event_ids) | set(b.claim.event_ids)
    undated = not a.days or not b.days
    days = (a.days | b.days) if undated or _near_days(a.days, b.days) else set()
    return [e for e in events if e.plover.type in HOSTILE and (e.id in ids or (
        e.status != "historical" and e.date.start in days))]


def opposing(a, b, events: list[Event]) -> Optional[str]:
    sa, sb = a.claim.speaker, b.claim.speaker
    if sa is None or sb is None or sa.id == sb.id:
        return None
    if _blames(a, b):
        return f"{_label(a)} blames {_label(b)}"
    if _blames(b, a):
        return f"{_label(b)} blames {_label(a)}"
    ca, cb = sa.country, sb.country
    related = _related_events(a, b, events)
    if ca and cb and ca != cb:
        actors, recipients = _parties(related)
        if {ca, cb} <= actors | recipients:
            return f"{ca} and {cb} are both parties to the fighting"
    for e in related:
        doers, targets = {x.id for x in e.actors}, {x.id for x in e.recipients}
        if (sa.id in doers and sb.id in targets) or (sb.id in doers and sa.id in targets):
            return f"{_label(a)} and {_label(b)} are on opposite sides of {e.id}"
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
    if not (a.fighting and b.fighting):
        return None
    if not a.days or not b.days:
        dated = sorted(a.days | b.days)
        return f"both are about the fighting{' of ' + dated[0] if dated else ''} (one account gives no date)"
    days = _near_days(a.days, b.days)
    return f"both are about the fighting of {days[0]}" if days else None


def contradiction(a, b) -> Optional[str]:
    la, lb = _label(a), _label(b)
    sa, sb = a.claim.stance, b.claim.stance
    if _blames(a, b) and _blames(b, a):
        return f"each blames the other ({la} blames {lb}, {lb} blames {la})"
    for x, y, lx, ly in ((a, b, la, lb), (b, a, lb, la)):
        if _blames(x, y) and y.claim.stance in DENYING:
            return f"{lx} blames {ly}, {ly} {VERB3[y.claim.stance]} it"
    shared = set(a.claim.event_ids) & set(b.claim.event_ids)
    if shared and ((sa in DENYING and sb in ASSERTING) or (sb in DENYING and sa in ASSERTING)):
        denier, teller = (la, lb) if sa in DENYING else (lb, la)
        return f"{teller} says it happened, {denier} denies it"
    for victim in set(a.tolls) & set(b.tolls):
        if a.tolls[victim] != b.tolls[victim]:
            return f"tolls differ ({la} says {a.tolls[victim]}, {lb} says {b.tolls[victim]})"
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
