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

Dates are resolved by :func:`sitrep.dates_phrases.resolve` (weekdays, decades, years, days of the
month and relative phrases there; other absolute and relative dates with dateparser); numbers alone,
none of them a year ("forms 32A, 33", an age "41,", "1513 shots"), are no date. An event is ``historical``
when its date lies clearly before the publication or a cue from data/date_cues.tsv
marks it as background.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from ..dates_phrases import MONTH_NAMES, MONTH_WORD, Resolved, cues, historical_cue, resolve
from ..records import EventDate, Span

WITHIN = ("in", "during", "amid", "at")  # "died in a war": the death takes the war's date
HISTORICAL_DAYS = 14  # day/week precision: older than this is background


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


def _is_background(r: Resolved, pub: date) -> bool:
    if r.precision in ("day", "week"):
        return (pub - r.end).days > HISTORICAL_DAYS
    if r.precision == "month":
        return r.end < pub.replace(day=1)
    return r.end.year < pub.year


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
