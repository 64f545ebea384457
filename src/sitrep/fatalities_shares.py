"""Toll shares: how a document's text shares a toll among its events. A coder's note that a
toll is split over events ("deaths split between 4 events", "coded as 7 here"), the counts the
text tells by place ("5 coded for Kamu, 7 for Lenga") or by day ("two on 03/05 and four on
04/05"), or a span of days the toll is told over ("over the course of ten days") give an event
its share (split_share, place_share, day_share, span_share), the text read once per document
(TollNotes). ACLED codes one event per day and place, with the conservative figure (codebook:
the event, time, fatalities)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Optional

from .dates_phrases import resolve
from .fatalities_lex import TOLL_HEADERS, parse_number
from .records import EventDate, Location

SPLIT = re.compile(r"\b(?:split|spread|coded)(?:\s+up)?\s+(?:across|between|among)\s+(?:the\s+)?([\w-]+)\s+(?:separate\s+)?(?:events|locations)"
                   r"(?:\s*\(\s*(\d+)\s*\)|[^.;\]]*?\bwith\s+([\w-]+)\s+(?:coded|fatalities)\s+(?:to|for|in)\s+each)?", re.I)


EACH = re.compile(r"\b[\w-]+\s+(?:separate\s+)?events\s+(?:coded|recorded)\b[^.;\]]*?\bwith\s+([\w-]+)\s+"
                  r"(?:fatalit(?:y|ies)|deaths?|dead|killed)\s+(?:coded\s+)?(?:to\s+|in\s+|for\s+)?each", re.I)
HERE = re.compile(r"\b(?:coded|recorded|counted)\s+as\s+([\w-]+)\s+here\b|\b([\w-]+)\s+(?:coded|recorded|counted)\s+here\b", re.I)


@dataclass(frozen=True)
class SplitNote:
    """A coder's note that a toll is split over events: the figure it gives each event or, with
    ``divide``, the number of events the toll is divided by; ``said``, the note's words."""
    figure: int
    divide: bool
    said: str

    def share(self, count: int) -> int:
        """An event's share of a toll of ``count``, rounded down (ACLED's conservative figure)."""
        return count // self.figure if self.divide else self.figure


class TollNotes:
    """What a document's text says about sharing a toll among its events: a coder's split over
    events (``split``), the counts told for a day (``day_parts``: count, date phrase, the words)
    and the spans of days a toll may be divided by (``spans``: days, the words), in the text's
    order, and the counts told for a place (``place_parts``: count, place name, the words). Each
    is read from the text once per document, when an event first asks for it."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def split(self) -> Optional[SplitNote]:
        return _split_note(self.text)

    @cached_property
    def day_parts(self) -> tuple[tuple[int, str, str], ...]:
        return _day_parts(self.text)

    @cached_property
    def spans(self) -> tuple[tuple[int, str], ...]:
        return _spans(self.text)

    @cached_property
    def place_parts(self) -> tuple[tuple[int, str, str], ...]:
        return _place_parts(self.text)


def _split_note(text: str) -> Optional[SplitNote]:
    """A coder's note that a toll is split over several events ("deaths split between 4
    events", "[2 fatalities split among 6 events]", "split across 3 events (2)", "fatalities
    spread across three locations", "8 deaths (coded across 8 events)", "split between both
    events with 3 coded to each", "10 died (coded as 7 here and 3 in the next town)",
    "[6 dead - 1 recorded here]", "two events coded at A and B, with 2 fatalities each"): the
    figure the note gives each event, else the number of events to divide the toll by, and the note."""
    m = SPLIT.search(text)
    each = EACH.search(text) if m is None else None
    got = parse_number([each.group(1)]) if each is not None else None
    if got is not None:   # "Two events coded at A and B, with 1 fatality each"
        return SplitNote(got[0], divide=False, said=each.group(0))
    if m is None:
        here = HERE.search(text)
        got = parse_number([here.group(1) or here.group(2)]) if here else None
        return SplitNote(got[0], divide=False, said=here.group(0)) if got is not None else None
    each = m.group(2) or m.group(3)
    got = parse_number([each]) if each else None
    if got is not None:
        return SplitNote(got[0], divide=False, said=m.group(0))
    parts = parse_number(m.group(1).split("-"))
    if parts is None or parts[0] < 2:
        return None
    return SplitNote(parts[0], divide=True, said=m.group(0))


def split_share(notes: TollNotes, count: int) -> Optional[tuple[int, str]]:
    """A toll split by a coder over several events (_split_note): this event's share, and the
    note. The share is the figure the note gives each event, else the toll divided by the
    events, rounded down (ACLED's conservative figure)."""
    return None if notes.split is None else (notes.split.share(count), notes.split.said)


_DAY = r"(\d{1,2}/\d{1,2}(?:/\d{2,4})?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8})"
DAY_PART = re.compile(r"\b([\w-]+)\s+(?:(?:were\s+|was\s+)?(?:killed|dead|died|deaths?|fatalit(?:y|ies))\s+)?"
                      r"(?:coded\s+)?(?:on|for)\s+(?:the\s+)?" + _DAY + r"(?![\w/])")


def _day_parts(text: str) -> tuple[tuple[int, str, str], ...]:
    """The counts a text tells for a day ("two on 03/05", "5 coded for March 9"): count, date
    phrase, the words."""
    parts = []
    for m in DAY_PART.finditer(text):
        got = parse_number([m.group(1)])
        if got is not None:
            parts.append((got[0], m.group(2), m.group(0)))
    return tuple(parts)


def day_share(notes: TollNotes, count: int, when: EventDate) -> Optional[tuple[int, str]]:
    """A toll the text divides by day ("raiders killed six: two on 03/05 and four on 04/05",
    "eleven died in two days (5 coded for March 9, 6 for March 10)"), or tells over a span of
    days with no division ("twelve died over the course of three days"): the share of the
    event's own day (``when``, a date of day precision). ACLED codes one event per day and place
    (codebook, time), so the event has the dead of its day. A division counts only when its days'
    counts add up to the toll, one of them the event's day; a span only when the text gives no
    division (span_share)."""
    if when.start is None or when.precision != "day" or count < 2:
        return None
    day = when.start
    parts = []
    for n, phrase, said in notes.day_parts:
        told = _day_of(phrase, date.fromisoformat(day))
        if told is not None:
            parts.append((n, told, said))
    if len({p[1] for p in parts}) < 2:
        return span_share(notes, count)
    if sum(p[0] for p in parts) != count:
        return None
    mine = [p for p in parts if p[1] == day]
    return (mine[0][0], "; ".join(p[2] for p in parts)) if len(mine) == 1 else None


FIGHTS = r"(?:clashes|fighting|violence|battles?|raids?|attacks?|skirmishes)"
SPAN = re.compile(r"\b(?:over|during|across)\s+(?:the\s+course\s+of\s+|a\s+(?:period\s+of\s+)?)?([\w]+)[\s-]+(day|hour)s?\b"
                  r"|\b([\w]+)[\s-]+(day)s?\s+of\s+(?:\w+\s+)?" + FIGHTS + r"\b", re.I)
ONE_DAY_OF = re.compile(r"\b(?:first|second|third|fourth|fifth|last|final)\s+of\s+$", re.I)
KEPT_WHOLE = re.compile(r"\b(?:coded|recorded)\s+(?:on|in)\s+(?:the\s+)?last\s+day|\btotal\s+for\b", re.I)
IN_FIELD = re.compile(r"\b(?:" + "|".join(h.upper() for h in TOLL_HEADERS) + r")\s*[:=][^.]*$")   # "FATALITIES: ... <span>"


def _spans(text: str) -> tuple[tuple[int, str], ...]:
    """The spans of days a text tells a toll over with no division by day ("killed over the
    course of ten days", "after two days of clashes", "during a two-day battle", "over a 36 hour
    period", hours made whole days): days, the words. Not one day of a span ("the third of three
    days of clashes"), nor any where the coder says the toll is kept whole ("total for 2 days",
    "coded on the last day"), nor a span the toll field tells ("FATALITIES: 12 over 2 days": the
    figure the coder gave this event)."""
    if KEPT_WHOLE.search(text):
        return ()
    spans = []
    for m in SPAN.finditer(text):
        got = parse_number([m.group(1) or m.group(3)])
        if got is None or ONE_DAY_OF.search(text[:m.start()]) or IN_FIELD.search(text[:m.start()]):
            continue
        spans.append((got[0] if (m.group(2) or m.group(4)).lower() == "day" else -(-got[0] // 24), m.group(0)))
    return tuple(spans)


def span_share(notes: TollNotes, count: int) -> Optional[tuple[int, str]]:
    """A toll told over a span of two or more days (_spans): each day's event takes the toll
    divided by the days, rounded down (ACLED's conservative figure), and only a toll of at least
    one dead a day is divided (one death over two days is some one day's); the first span that
    may divide it."""
    return next(((count // days, said) for days, said in notes.spans if 2 <= days <= count), None)


def _day_of(phrase: str, day: date) -> Optional[str]:
    """The ISO day a date phrase of a toll's division names, read against the event's day; a
    numeric day and month with no year ('11/04') is day/month of the event's year."""
    if re.fullmatch(r"\d{1,2}/\d{1,2}", phrase):
        phrase = f"{phrase}/{day.year}"
    got = resolve(phrase, day)
    return got.start.isoformat() if got is not None and got.precision == "day" else None


PLACE = r"([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)"
PLACE_PART = re.compile(r"\b([\w-]+)\s+(?:(?:fatalit(?:y|ies)|killed|dead|deaths?)\s+)?(?:coded|recorded)\s+"
                        r"(?:for|in|at)\s+" + PLACE + r"|\b" + PLACE + r"\s*\((\d+)\)")
ONE_EACH = re.compile(r"\bone\s+in\s+" + PLACE + r"\s*,?\s+and\s+(?:the\s+other|another\s+one|another)\s+in\s+" + PLACE)


def _place_parts(text: str) -> tuple[tuple[int, str, str], ...]:
    """The counts a text tells for a place ("8 fatalities coded for Kamu, 7 coded for Lenga",
    "15 killed in Kamu (8) and Lenga (7)", "two deaths, one in Kamu and the other in Lenga"):
    count, place name, the words."""
    parts = []
    for m in PLACE_PART.finditer(text):
        got = parse_number([m.group(1) or m.group(4)])
        if got is not None:
            parts.append((got[0], m.group(2) or m.group(3), m.group(0)))
    for m in ONE_EACH.finditer(text):
        parts += [(1, m.group(1), m.group(0)), (1, m.group(2), m.group(0))]
    return tuple(parts)


def place_share(notes: TollNotes, count: int, where: Location) -> Optional[tuple[int, str]]:
    """A toll the text divides by place (_place_parts): the share of the event's own place
    (``where``, its location's name or the words that told it). ACLED's event happens at one
    named location on one day (codebook, the event), so the event has the dead of its place. A
    division counts only when its places' counts add up to the toll, one of them the event's."""
    names = {n.lower() for n in (where.name, where.text) if n}
    parts = notes.place_parts
    if not names or len({p[1].lower() for p in parts}) < 2 or sum(p[0] for p in parts) != count:
        return None
    mine = [p for p in parts if p[1].lower() in names]
    return (mine[0][0], "; ".join(dict.fromkeys(p[2] for p in parts))) if len(mine) == 1 else None
