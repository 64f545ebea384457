"""Coded spans of one document -> flat text segments for the document view.

Every value sitrep codes carries the span that supports it (SPEC §2). This module gathers
those spans from a Result dict (actor mentions, event triggers, dates, places, tolls,
claims, relations) and cuts the article text at every span boundary, so that a template
can render each piece once, with the kinds of every span covering it and what was coded.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

KINDS = ("actor", "trigger", "date", "place", "toll", "claim", "relation")


@dataclass(frozen=True)
class Mark:
    kind: str
    start: int
    end: int
    label: str
    anchor: Optional[str] = None


@dataclass
class Segment:
    text: str
    start: int
    kinds: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)


def _names(actors: Optional[list]) -> str:
    return ", ".join(a.get("name") or "?" for a in actors or []) or "?"


def _span(d: Any) -> Optional[tuple[int, int]]:
    if isinstance(d, dict) and isinstance(d.get("start"), int) and isinstance(d.get("end"), int):
        return d["start"], d["end"]
    return None


def _event_marks(ev: dict) -> Iterator[Mark]:
    acled, plover = ev.get("acled") or {}, ev.get("plover") or {}
    what = (f"event {ev.get('id')}: {acled.get('event_type') or '?'} / {acled.get('sub_event_type') or '?'}"
            f" / PLOVER {plover.get('type') or '?'}; {_names(ev.get('actors'))} -> "
            f"{_names(ev.get('recipients'))}; status {ev.get('status')}")
    if s := _span(ev.get("trigger")):
        yield Mark("trigger", *s, what, f"ev-{ev.get('id')}")
    date = ev.get("date") or {}
    if s := _span(date.get("span")):
        yield Mark("date", *s, f"date of {ev.get('id')}: {date.get('start')} ({date.get('precision')})")
    loc = ev.get("location") or {}
    if s := _span(loc.get("span")):
        yield Mark("place", *s, f"place of {ev.get('id')}: {loc.get('name')}, {loc.get('country')}"
                                f" ({loc.get('lat')}, {loc.get('lon')}), precision {loc.get('precision')}")
    fat = ev.get("fatalities") or {}
    if s := _span(fat.get("span")):
        yield Mark("toll", *s, f"fatalities of {ev.get('id')}: {fat.get('count')} ({fat.get('qualifier')})"
                               f" of {_names(fat.get('of'))}")


def marks(result: dict) -> list[Mark]:
    """Every coded span of a Result dict, deduplicated."""
    out: list[Mark] = []
    for actor in result.get("actors") or []:
        label = f"actor {actor.get('name')} ({actor.get('kind')}, {actor.get('country') or '-'})"
        out += [Mark("actor", *s, label) for m in actor.get("mentions") or [] if (s := _span(m))]
    for ev in result.get("events") or []:
        out += list(_event_marks(ev))
    for claim in result.get("claims") or []:
        speaker = (claim.get("speaker") or {}).get("name") or "?"
        label = f"claim {claim.get('id')} by {speaker}: {claim.get('stance')} ({claim.get('verb')})"
        if claim.get("contested_by"):
            label += f"; contested by {', '.join(map(str, claim['contested_by']))}"
        if s := _span(claim.get("text")):
            out.append(Mark("claim", *s, label, f"claim-{claim.get('id')}"))
    for rel in result.get("relations") or []:
        label = (f"relation {rel.get('type')}: {(rel.get('source') or {}).get('name')} -> "
                 f"{(rel.get('target') or {}).get('name')}")
        if s := _span(rel.get("text")):
            out.append(Mark("relation", *s, label))
    seen, unique = set(), []
    for m in out:
        if (m.kind, m.start, m.end, m.label) not in seen:
            seen.add((m.kind, m.start, m.end, m.label))
            unique.append(m)
    return unique


def segments(text: str, result: dict) -> list[Segment]:
    """Cut ``text`` at every span boundary; each segment lists the spans covering it."""
    good = [m for m in marks(result) if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text)} | {m.start for m in good} | {m.end for m in good})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        cover = [m for m in good if m.start <= a and m.end >= b]
        out.append(Segment(
            text=text[a:b], start=a,
            kinds=sorted({m.kind for m in cover}, key=KINDS.index),
            labels=[m.label for m in cover],
            anchors=[m.anchor for m in cover if m.anchor and m.start == a]))
    return out
