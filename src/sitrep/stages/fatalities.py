"""Stage: fatalities. Deaths reported for each event, ACLED's conservative way.

A death mention is a word from data/fatality_words.tsv ("killed", "died", "deaths",
"dead") and the counts of its victims (sitrep.fatalities_mentions, reading the victim
phrase with sitrep.fatalities_victims and the number with sitrep.fatalities_lex:
numerals, number words, ACLED's values for vague words, the qualifier in front). A mention
without any number gives no toll; casualties and injuries are never deaths.

Each mention goes to the event it belongs to (sitrep.fatalities_owner: the event it
happened in, the event that caused it, its own event, the event governing it; background
deaths only to the event they are linked to; none for deaths a coder says are coded
separately or a protest is about). An event's mentions make one toll, and one incident
told by several events has one toll, on its lead event (sitrep.fatalities_lead). A toll a
coder splits over events, or the text over days, gives each event its share
(sitrep.fatalities_shares).
"""
from __future__ import annotations

from ..fatalities_lead import armed_dead, fold_toll, lead_tolls, toll, total
from ..fatalities_lex import lexicon, parse_number
from ..fatalities_mentions import CODED, Mention, mentions
from ..fatalities_owner import CLAIM_VERBS, coded_elsewhere, note_event, owner, protest_cause
from ..fatalities_shares import TollNotes, day_share, place_share, split_share

__all__ = ["run", "lexicon", "parse_number"]   # the number reading is the stage's public face too


def run(state):
    """Put each death mention's toll on its event: one toll per event, one per incident."""
    doc, events = state.doc, state.result.events
    triggers = {}
    for ev in events:
        sp = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
        if sp is not None and len(sp):
            triggers[sp.root.i] = ev
    found: dict[str, list[Mention]] = {}
    folded: dict[str, object] = {}   # id of a bare death's own event -> the event it is the toll of
    by_id = {ev.id: ev for ev in events}
    elsewhere: dict[int, tuple] = {}   # sentence start -> its coded-elsewhere notes (coded_elsewhere keeps them)
    told: set[int] = set()   # tokens of the mentions read so far
    for word in doc:
        ms = [] if word.i in told else mentions(state, word)   # not "his body and the body of a woman" twice
        told.update(t.i for m in ms for t in m.tokens)
        if not ms or protest_cause(word, triggers) or coded_elsewhere(word, elsewhere):
            continue
        ev, how = note_event(events) if ms[0].key == CODED else owner(word, triggers, found)   # a coder's figure: the note's
        if ev is None:
            continue
        earlier = _more_of(word, ms, found, by_id) if "own event" in how or how.startswith("governed") else None
        if earlier is not None:   # "3 were killed. 2 other herders were killed as they fled": the same incident's
            folded[ev.id] = earlier
            ev, how = earlier, f"more dead of '{earlier.trigger.text}', told before"
        claimed = _claimed(word)
        for m in ms:
            m.reason = f"{m.reason}; {how}" + ("; a party's claim" if claimed else "")
            m.claimed = claimed
        found.setdefault(ev.id, []).extend(ms)
        own = triggers.get(word.i) or (triggers.get(word.head.i) if word.dep_ == "conj" else None)
        if own is not None and own is not ev and "tells the toll of the earlier" in how:
            folded[own.id] = ev
    for eid, ms in found.items():
        by_id[eid].fatalities = toll(doc, total(ms))
    lead_tolls(doc, events, found, triggers)
    _share(doc.text, events)
    for ev in events:
        armed_dead(ev)
    for eid, host in folded.items():
        if eid not in found:
            fold_toll(by_id[eid], host)
            host.reason = f"{host.reason}; merged '{by_id[eid].trigger.text}' (its victims' deaths)"
    state.result.events = [ev for ev in events if ev.id not in folded or ev.id in found]
    return state


def _share(text: str, events: list) -> None:
    """Give each event with a toll its share of it: a coder's split of the toll over events, else
    the text's division by place, by day or over a span of days (the text read once per document:
    TollNotes)."""
    notes = TollNotes(text)
    for ev in events:
        if ev.fatalities is None:
            continue
        split, whose = split_share(notes, ev.fatalities.count), "the coder's share"
        if split is None:   # (not a coder's split of the toll over events: the text's division by place)
            split, whose = place_share(notes, ev.fatalities.count, ev.location), "the share of its place"
        if split is None:   # (nor by place: by day)
            split, whose = day_share(notes, ev.fatalities.count, ev.date), "the share of its day"
        if split is not None:
            ev.fatalities.count = split[0]
            ev.fatalities.reason = f"{ev.fatalities.reason}; {whose}: '{split[1]}'"


def _more_of(word, ms, found: dict, by_id: dict):
    """The event whose dead were told just before "other"/"more" dead that name no killer ("3
    herders were killed. 2 other herders were killed as they fled"): they add to its toll."""
    if not all(m.more for m in ms) or any(c.dep_ in ("agent", "nsubj") for c in word.children) or not found:
        return None
    eid, last = max(((e, max(m.word.i for m in got if m.word is not None)) for e, got in found.items()
                     if any(m.word is not None and m.word.i < word.i for m in got)), key=lambda x: x[1], default=(None, 0))
    if eid is None or word.doc[last].sent.start < (word.doc[word.sent.start - 1].sent.start if word.sent.start else 0):
        return None   # only the dead of the sentence before, or of this one
    return by_id[eid]


def _claimed(word) -> bool:
    """A toll a party claims ("Al Shabaab claimed many killed"): a claim verb governs the
    death word within its clause, not across an adverbial or coordinated clause that
    reports it otherwise ("claimed many killed, though reports indicate three dead")."""
    t = word
    while t.head.i != t.i:
        if t.dep_ in ("advcl", "conj", "parataxis") and t.pos_ in ("VERB", "AUX"):
            return False
        t = t.head
        if t.lemma_.lower() in CLAIM_VERBS and t.pos_ == "VERB":
            return True
    return False
