"""Stage: dates. Each event gets its own date, resolved against the publication date.

Where an event's date comes from, in order (the first that applies wins):

1. ``own``: a DATE/TIME entity whose nearest event-word ancestor in the dependency tree
   is the event's trigger ("met Aug. 31", "the 2020 war", "signed ... last year");
2. ``governing``: the own date of an event whose trigger governs this one ("killed ...
   in border clashes early Tuesday": the clashes take the killing's day);
3. ``nested``: the own date of an event linked by a preposition ("died in a war ... that
   was halted in November 2020");
4. ``sentence``: a date entity in the sentence attached to no event ("On 9 May 2020, ...");
5. the publication day, for events reported as current news; background events with no
   date of their own keep an empty date.

A date after publication is no date of a deed told in the past tense ("blocked the tracks
over admissions for next year"), and a year that modifies a noun naming no event of the
text ("a candidate in the 2017 General Election") dates that noun only, never the events
told under it.

Dates are resolved by :func:`resolve` (weekdays, decades, years, days of the month and
relative phrases here; other absolute and relative dates with dateparser); numbers alone,
none of them a year ("forms 32A, 33", an age "41,", "1513 shots"), are no date. An event is ``historical``
when its date lies clearly before the publication or a cue from data/date_cues.tsv
marks it as background.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Optional

from ..errors import Errors, SitrepError
from ..lexicon import load_table
from ..records import EventDate, Span

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
MONTH_WORD = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.I)
YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
DECADE = re.compile(r"^(?:the\s+)?(early|mid|late)?[\s-]*(1[6-9]\d0|20\d0)'?s$")
RANGE = re.compile(r"^(?:between\s+)?(\d{1,2})\s*(?:-|–|and|to)\s*(\d{1,2}\s+[a-z]+\.?,?\s+\d{4})$", re.I)
RELATIVE = re.compile(r"\b(ago|yesterday|today|last|this|next|past|week|month|year|earlier)\b")
WITHIN = ("in", "during", "amid", "at")  # "died in a war": the death takes the war's date
NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})")
BARE_NUMBERS = re.compile(r"[\d\s+,.\-–]+")  # "33", "+ 5", "1513": a count, an age, a form number
ORDINAL_DAY = re.compile(r"([1-9]|[12]\d|3[01])(?:st|nd|rd|th)")
HISTORICAL_DAYS = 14
CUE_KINDS = ("strip", "historical_prep", "historical_mod", "perfect_aux", "duration", "night_before", "today")  # day/week precision: older than this is background


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


# --- attaching dates to events -------------------------------------------------------

def _token(doc, span: Span):
    sp = doc.char_span(span.start, span.end, alignment_mode="expand")
    return sp.root if sp is not None and len(sp) else None


NOUN_MODIFIER = ("nummod", "compound", "amod", "nmod", "poss")
CLAUSE_POS = ("VERB", "AUX")


def _anchor(ent, triggers: dict) -> Optional[int]:
    """The token a date entity belongs to: the nearest event trigger or clause head above
    it, or the noun it modifies ("a 2020 war"). A date under "since" ("the worst since
    1994") dates nothing unless its clause is in the past perfect ("had occupied since")."""
    hist = cues().get("historical_prep", frozenset())
    tok, since = ent.root, False
    if tok.dep_ in NOUN_MODIFIER and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head.i
    for _ in range(50):
        if tok.i in triggers or (tok.pos_ in CLAUSE_POS and tok.dep_ not in ("aux", "auxpass")) \
                or tok.head.i == tok.i:
            break
        since = since or (tok.dep_ == "prep" and tok.text.lower() in hist)
        tok = tok.head
    if since and not (historical_cue(tok) or "").startswith("past perfect"):
        return None
    return tok.i


PAST_AUX = ("was", "were", "had")


def _told_as_past(tok) -> bool:
    """True if the verb ``tok`` tells a deed as done ("blocked", "was shot", "had fled"):
    such a deed lies before the report, so a date after publication is not its own."""
    if tok.tag_ == "VBD":
        return True
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    return tok.tag_ == "VBN" and any(c.text.lower() in PAST_AUX for c in aux) and not any(c.tag_ == "MD" for c in aux)


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


def _is_background(r: Resolved, pub: date) -> bool:
    if r.precision in ("day", "week"):
        return (pub - r.end).days > HISTORICAL_DAYS
    if r.precision == "month":
        return r.end < pub.replace(day=1)
    return r.end.year < pub.year


MONTH_NAMES = {m.lower() for m in calendar.month_name[1:]} | {m.lower() for m in calendar.month_abbr[1:]} | {"sept"}
DAY_NUMBER = re.compile(r"([1-9]|[12]\d|3[01])(st|nd|rd|th)?")


def _with_day(ent):
    """The entity with a day number or month the tagger left out ("8 | May 2020", "1st |
    May", "Aug | 8th 2019")."""
    prev = ent.doc[ent.start - 1] if ent.start > ent.sent.start else None
    if prev is not None and MONTH_WORD.match(ent[0].text) and DAY_NUMBER.fullmatch(prev.text.lower()):
        return ent.doc[ent.start - 1:ent.end]
    if prev is not None and DAY_NUMBER.fullmatch(ent[0].text.lower()) and prev.text[:1].isupper() \
            and prev.text.lower().rstrip(".") in MONTH_NAMES:
        return ent.doc[ent.start - 1:ent.end]
    return ent


def _event_date(r: Resolved, ent, reason: str) -> EventDate:
    return EventDate(start=r.start.isoformat(), end=r.end.isoformat(), precision=r.precision,
                     text=ent.text, span=Span(ent.text, ent.start_char, ent.end_char),
                     reason=f"{reason}; {r.how}")


def _published(state) -> Optional[date]:
    try:
        return date.fromisoformat((state.result.document.published or "")[:10])
    except ValueError:
        return None


def run(state):
    doc, events = state.doc, state.result.events
    pub = _published(state)
    toks = {ev.id: _token(doc, ev.trigger) for ev in events}
    triggers = {t.i: ev for ev in events if (t := toks[ev.id]) is not None}
    anchored: dict[int, tuple] = {}  # token index -> (ent, Resolved), the first date per anchor
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        ent = _with_day(ent)
        r = resolve(ent.text, pub, label=ent.label_)
        a = _anchor(ent, triggers) if r is not None else None
        if a is not None and pub is not None and r.start > pub and _told_as_past(doc[a]):
            continue  # "blocked the tracks over admissions for next year": not the blocking's date
        if a is not None and a not in anchored:
            anchored[a] = (ent, r)
    for ev in events:
        tok = toks[ev.id]
        cue = historical_cue(tok) if tok is not None else None
        found = _find(tok, anchored, triggers, cue) if tok is not None else None
        if found is not None:
            ent, r, why = found
            ev.date = _event_date(r, ent, why)
            if pub and _is_background(r, pub):
                cue = cue or f"dated {r.start.isoformat()}, clearly before publication {pub.isoformat()}"
        elif cue is None and pub is not None:
            ev.date = EventDate(start=pub.isoformat(), end=pub.isoformat(), precision="day", text=None,
                                reason="no date of its own: reported as current news, the publication day")
        elif cue is not None:
            ev.date = EventDate(reason=f"background event ({cue}) with no date of its own")
        if cue is not None and ev.status in ("asserted", "claimed"):
            ev.status = "historical"
            ev.reason = ((ev.reason + "; ") if ev.reason else "") + f"historical: {cue}"
    return state


def _clause_date(tok, anchored: dict, triggers: dict):
    """A date on the token itself or, for a noun, on a relative clause in its phrase
    ("a war over Karabakh that was halted in November 2020")."""
    if tok.i in anchored:
        return anchored[tok.i]
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in sorted(tok.subtree, key=lambda t: abs(t.i - tok.i)):
        if c.dep_ in ("relcl", "acl") and c.i in anchored and _nominal_path(c.head, tok, triggers):
            return anchored[c.i]
    return None


def _nominal_path(t, top, triggers: dict) -> bool:
    """True if ``t`` hangs under ``top`` through nouns and prepositions only, not through
    another clause ("protests supporting a blogger who was arrested on 6 May") or another
    event ("a rally against the attack that took place on April 28")."""
    while t.i != top.i:
        if t.pos_ in ("VERB", "AUX") or t.i in triggers or t.dep_ not in ("prep", "pobj", "appos", "compound"):
            return False  # not through a subject or object ("teachers who retired in 2007 protest")
        t = t.head
    return True


def _names_the_noun(a, ent, triggers: dict) -> bool:
    """True if the date ``ent`` is a modifier of the noun ``a``, no event, that it names
    ("a candidate in the 2017 General Election"): that date is the named thing's, not one
    that governs the events told under the noun."""
    return a.i not in triggers and a.pos_ in ("NOUN", "PROPN") and ent.root.head.i == a.i \
        and ent.root.dep_ in NOUN_MODIFIER


def _find(tok, anchored: dict, triggers: dict, cue: Optional[str]):
    """The date an event takes: its own, an event it happened in, or its clause's."""
    got = _clause_date(tok, anchored, triggers)
    if got:
        return (*got, f"date attached to '{tok.text}'")
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.text.lower() not in WITHIN:
            continue  # "appealed under a 1997 treaty" is not dated 1997
        for obj in prep.children:
            got = _clause_date(obj, anchored, triggers) if obj.dep_ == "pobj" and obj.i in triggers else None
            if got:
                return (*got, f"date of the event '{obj.text}' it happened in")
    if cue is not None:
        return None  # background: never the date of the clause that mentions it
    for a in tok.ancestors:
        if a.i in anchored and not _names_the_noun(a, anchored[a.i][0], triggers):
            return (*anchored[a.i], f"date of the governing {'event' if a.i in triggers else 'clause'} '{a.text}'")
        if a.i in triggers and historical_cue(a):
            return None
    return None
