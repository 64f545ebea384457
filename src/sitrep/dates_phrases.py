"""Date phrases and background cues, read without the pipeline: :func:`resolve` turns a date
phrase into a period against the publication day (weekdays, decades, years, days of the month
and relative phrases here; other absolute and relative dates with dateparser), and
:func:`historical_cue` says why an event word reads as background. Cue words come from
data/date_cues.tsv. The dates stage (sitrep.stages.dates) attaches what these read to events;
the fatalities and places modules read the same phrases and month and weekday names.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Optional

from .errors import Errors, SitrepError
from .lexicon import load_table

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
MONTH_WORD = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.I)
YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
DECADE = re.compile(r"^(?:the\s+)?(early|mid|late)?[\s-]*(1[6-9]\d0|20\d0)'?s$")
RANGE = re.compile(r"^(?:between\s+)?(\d{1,2})\s*(?:-|–|and|to)\s*(\d{1,2}\s+[a-z]+\.?,?\s+\d{4})$", re.I)
RELATIVE = re.compile(r"\b(ago|yesterday|today|last|this|next|past|week|month|year|earlier)\b")
MONTH_NAMES = {m.lower() for m in calendar.month_name[1:]} | {m.lower() for m in calendar.month_abbr[1:]} | {"sept"}
NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})")
BARE_NUMBERS = re.compile(r"[\d\s+,.\-–]+")  # "33", "+ 5", "1513": a count, an age, a form number
ORDINAL_DAY = re.compile(r"([1-9]|[12]\d|3[01])(?:st|nd|rd|th)")
CUE_KINDS = ("strip", "historical_prep", "historical_mod", "perfect_aux", "duration", "night_before", "today")


@dataclass(frozen=True)
class Resolved:
    start: date
    end: date
    precision: str
    how: str


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """Cue words by kind (strip, historical_prep, historical_mod, perfect_aux, duration, ...)."""
    out: dict[str, set[str]] = {}
    table = load_table("date_cues.tsv", required=["cue", "kind"])
    for row in table:
        if row["kind"] not in CUE_KINDS:
            raise SitrepError(Errors.E151, path=table.path, cue=row["cue"], kind=row["kind"], known=", ".join(CUE_KINDS))
        out.setdefault(row["kind"], set()).add(row["cue"].lower())
    return {k: frozenset(v) for k, v in out.items()}


def _period(d: date, precision: str) -> tuple[date, date]:
    if precision == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    if precision == "month":
        return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if precision == "week":
        monday = d - timedelta(days=d.weekday())
        return monday, monday + timedelta(days=6)
    return d, d


def _resolved(d: date, precision: str, how: str) -> Resolved:
    start, end = _period(d, precision)
    return Resolved(start, end, precision, how)


def _clean(text: str) -> str:
    words = re.sub(r"[\s,]+", " ", text.strip().lower()).split(" ")
    strip = cues().get("strip", frozenset())
    while words and (words[0] in strip or words[0] in ("the", "a", "an", "in", "of", "by")):
        words = words[1:]
    while words and words[-1] in ("morning", "night", "afternoon", "evening"):
        words = words[:-1]
    return " ".join(words)


def _is_duration(text: str) -> bool:
    if re.search(r"\b(ago|last|this|next|past|earlier|later)\b", text) or MONTH_WORD.search(text):
        return False
    parts = set(re.split(r"[\s-]+", text))
    return bool(parts & cues().get("duration", frozenset()))


def _dateparser(text: str, pub: Optional[date]) -> Optional[Resolved]:
    """dateparser on one cleaned date phrase (never ``search`` on raw text)."""
    base = datetime.combine(pub, datetime.min.time()) if pub else None
    settings = {"PREFER_DATES_FROM": "current_period", "RETURN_TIME_AS_PERIOD": True}
    if base:
        settings["RELATIVE_BASE"] = base
    data = _parser(tuple(sorted(settings.items()))).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    d, period = data.date_obj.date(), data.period or "day"
    precision = {"time": "day"}.get(period, period)
    if precision not in ("day", "week", "month", "year"):
        precision = "day"
    if pub and precision in ("day", "month") and not YEAR.search(text) and not RELATIVE.search(text):
        d = _nearest_year(d, pub, precision)
    return _resolved(d, precision, f"dateparser ({precision})")


AHEAD_DAYS = 31  # a day without a year may lie this far after publication ("talks on Sept. 20")


def _nearest_year(d: date, pub: date, precision: str) -> date:
    """The year of a day or month written without one: the latest such day not after
    publication ("Aug. 31" in a September story, "Dec. 28" in a January story is last
    December), unless the day is at most a month ahead ("8 May" in a note of 29 April)."""
    options = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            options.append(d.replace(year=year))
        except ValueError:  # 29 February
            options.append(d.replace(year=year, day=28))
    if precision == "month":
        return max(x for x in options if x.replace(day=1) <= pub)
    return max(x for x in options if (x - pub).days <= AHEAD_DAYS)


@lru_cache(maxsize=64)  # one parser per publication date seen recently
def _parser(settings: tuple):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=dict(settings))


def _numeric(a: int, b: int, year: int, pub: Optional[date]) -> Optional[Resolved]:
    """"12/05/2017": day-month or month-day, whichever reading is valid and not after
    publication (day-month first, as in most of the world's press)."""
    year += 2000 if year < 100 else 0
    readings = []
    for day, month, order in ((a, b, "day/month"), (b, a, "month/day")):
        try:
            readings.append((date(year, month, day), order))
        except ValueError:
            continue
    fit = [r for r in readings if pub is None or r[0] <= pub] or readings
    if not fit:
        return None
    d, order = fit[0]
    return _resolved(d, "day", f"numeric date read as {order}")


def _day_of_month(day: int, pub: Optional[date]) -> Optional[Resolved]:
    """"the 12th": a day of the month written alone is that day of the publication month
    (English leaves out the month it is in), ahead of publication or not, as a day written
    without its year may be."""
    if pub is None or day > calendar.monthrange(pub.year, pub.month)[1]:
        return None
    return _resolved(pub.replace(day=day), "day", "a day of the month: the publication month's")


def resolve(text: str, published: Optional[date], *, label: str = "DATE") -> Optional[Resolved]:
    """Resolve a date phrase against the publication day; None if it is no date
    (a duration, a clock time, or a relative phrase with no publication date)."""
    raw = text.strip().lower()
    kinds = cues()
    if raw in kinds.get("today", ()) or raw in kinds.get("night_before", ()):
        if published is None:
            return None
        back = 1 if raw in kinds.get("night_before", ()) else 0
        return _resolved(published - timedelta(days=back), "day", f"'{raw}': the publication day" + (" - 1" if back else ""))
    if _is_duration(raw):
        return None
    if label == "TIME" and not (set(re.split(r"[\s,]+", raw)) & set(WEEKDAYS) or MONTH_WORD.search(raw)
                                or re.search(r"\b(yesterday|ago)\b", raw)):
        return None  # a clock time ("9 a.m.") says nothing about the day
    m = DECADE.match(re.sub(r"^(in|since|during|by)\s+", "", raw))
    if m:
        part, decade = m.group(1), int(m.group(2))
        lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(part, (0, 9))
        return Resolved(date(decade + lo, 1, 1), date(decade + hi, 12, 31), "year", f"decade {decade}s")
    t = _clean(re.sub(r"\b(early|mid|late)-", "", raw))
    if not t:
        return None
    m = YEAR.fullmatch(t)
    if m:
        return _resolved(date(int(m.group(1)), 1, 1), "year", "a year")
    if t in WEEKDAYS:
        if published is None:
            return None
        back = (published.weekday() - WEEKDAYS[t]) % 7
        return _resolved(published - timedelta(days=back), "day",
                         "weekday: the latest such day on or before publication")
    m = re.fullmatch(r"(last|this|next|past) (week|month|year)", t)
    if m and published is not None:
        step, unit = m.groups()
        d = published
        if step in ("last", "past"):
            d = {"week": published - timedelta(days=7), "month": (published.replace(day=1) - timedelta(days=1)),
                 "year": published.replace(year=published.year - 1, day=1)}[unit]
        elif step == "next":
            d = {"week": published + timedelta(days=7),
                 "month": published.replace(day=28) + timedelta(days=4),
                 "year": published.replace(year=published.year + 1, day=1)}[unit]
        return _resolved(d, unit, f"'{t}' from the publication date")
    m = NUMERIC.fullmatch(t)
    if m:
        return _numeric(*(int(g) for g in m.groups()), published)
    if BARE_NUMBERS.fullmatch(t) and not YEAR.search(t):
        return None  # numbers alone, none of them a year, are no date
    m = ORDINAL_DAY.fullmatch(t)
    if m:
        return _day_of_month(int(m.group(1)), published)
    m = RANGE.match(t)
    if m:
        end = _dateparser(m.group(2), published)
        if end and end.precision == "day":
            try:
                start = end.start.replace(day=int(m.group(1)))
            except ValueError:
                start = None
            if start and start <= end.start:
                precision = "week" if (end.start - start).days <= 7 else "month"
                return Resolved(start, end.start, precision, "a range of days")
    if not (MONTH_WORD.search(t) or YEAR.search(t) or re.search(r"\d", t) or RELATIVE.search(t)):
        return None
    if published is None and not YEAR.search(t):
        return None
    return _dateparser(t, published)


def _in_reported_speech(tok) -> bool:
    return any(a.dep_ in ("ccomp", "xcomp") for a in [tok, *tok.ancestors])


def historical_cue(tok) -> Optional[str]:
    """Why the event word ``tok`` reads as background, or None."""
    kinds = cues()
    if tok.dep_ == "pobj" and tok.head.text.lower() in kinds.get("historical_prep", ()):
        return f"'{tok.head.text} {tok.text}'"
    for c in tok.children:
        if c.dep_ == "mark" and c.text.lower() in kinds.get("historical_prep", ()):
            return f"'{c.text} ... {tok.text}'"
        if c.dep_ in ("amod", "advmod") and c.text.lower() in kinds.get("historical_mod", ()):
            return f"'{c.text} {tok.text}'"
    perfect = any(c.dep_ == "aux" and c.text.lower() in kinds.get("perfect_aux", ()) for c in tok.children)
    if perfect and tok.tag_ == "VBN" and not _in_reported_speech(tok):
        return f"past perfect '{tok.text}'"
    return None
