"""Which event a death belongs to. The toll goes to the event the death is linked to in
the parse: the event it happened in ("killed in border clashes"), the event that caused it
("the attack killed", "killed when a bomb exploded"), the death word's own event, or the
event governing it; a bare death right after an incident ("Gunmen shot three drivers. Two
victims died.") is that incident's toll. A background death ("since thousands died in a
2020 war") only ever goes to the event it is linked to. No event is invented for a death
without one. Deaths a coder says are another event's ("2 killed (coded separately)"),
deaths a protest is about ("to protest the death of"), deaths of a clause timed days
before or after the told deed ("two days after gunmen killed") and deaths an event is told
to have followed ("clashes erupted after four bodies were found") count for no event here."""
from __future__ import annotations

import re
from typing import Optional

from .dates_phrases import historical_cue
from .fatalities_lex import kind_words
from .fatalities_mentions import toll_header


VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")
IN_PREPS = ("in", "during", "amid", "at", "after", "following", "from")
CAUSE_MARKS = ("when", "as", "after", "while")
SUMMARY_REACH = 3  # sentences back that a toll without an event of its own may reach
ELSEWHERE = re.compile(r"\bcoded\s+(sep[ae]rately|elsewhere|as\s+(a\s+)?sep[ae]rate)|\(\s*sep[ae]rate\s+event", re.I)
OTHER_DEAD = re.compile(r"\((\s*(and|\+)\b[^()]*|[^()]*\d[^()]*)\)", re.I)


def _elsewhere_notes(sent) -> tuple[list, list]:
    """Once per sentence: the parentheses that tell other dead ("(and 3 civilians - coded
    separately)"), and where a coder's "coded separately" stands outside them (char offsets)."""
    base, text = sent.start_char, sent.text
    others = [(base + m.start(), base + m.end()) for m in OTHER_DEAD.finditer(text)]
    blank = OTHER_DEAD.sub(lambda m: " " * len(m.group()), text)   # same length: offsets stay the sentence's
    return others, [base + m.start() for m in ELSEWHERE.finditer(blank)]


def coded_elsewhere(word, notes: dict) -> bool:
    """A coder's note that these deaths are another event's ("2 killed (coded separately)",
    "police intervened killing 4 - coded seperately"): the clause of the death word (from it
    to the sentence's end) says so, outside a parenthesis that tells other dead ("2 police
    killed (and 3 civilians - coded separately)": the civilians are elsewhere). ``notes``
    keeps each sentence's _elsewhere_notes."""
    if toll_header(word) is not None:
        return False   # the coder's toll field is this event's
    if word.sent.start not in notes:
        notes[word.sent.start] = _elsewhere_notes(word.sent)
    others, marks = notes[word.sent.start]
    if any(lo < word.idx < hi for lo, hi in others):   # a death word inside such a parenthesis: its rest is the clause
        return bool(ELSEWHERE.search(OTHER_DEAD.sub(" ", word.doc[word.i:word.sent.end].text)))
    return any(m >= word.idx for m in marks)


def protest_cause(word, triggers: dict) -> bool:
    """A death that is the reason for a protest or riot ("demonstrated over the killing of",
    "riots following the death of", "residents stormed the school after gunmen killed")."""
    causes = kind_words("cause")
    links = kind_words("cause", ("VERB", "NOUN"))
    if any(a.lemma_.lower() in links for a in word.ancestors) and any(
            e.acled.event_type in ("Protests", "Riots") for i, e in triggers.items() if word.sent.start <= i < word.sent.end):
        return True  # "blocked a road to protest the death of a woman who was killed", "riot in protest of killing"
    for a in word.ancestors:   # "demonstrated to ask for supplies and to report the death of a nurse": its purpose
        if a.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children) and any(
                triggers[g.i].acled.event_type in ("Protests", "Riots") for g in a.ancestors if g.i in triggers):
            return True
    if word.dep_ in ("dobj", "pobj") and (word.head.lemma_.lower() in causes or (
            word.head.i in triggers and triggers[word.head.i].acled.event_type in ("Protests", "Riots"))):
        return True  # "to protest the death of", "mourning the killing of"
    sent_protest = word.pos_ == "NOUN" and any(e.acled.event_type in ("Protests", "Riots") for i, e in triggers.items()
                                               if word.sent.start <= i < word.sent.end)
    t = word
    for _ in range(6):
        if t.head.i == t.i:
            return False
        link = t.head if t.dep_ == "pobj" else next((c for c in t.children if c.dep_ == "mark"), None)
        up = t.head.head if t.dep_ == "pobj" else t.head
        if link is not None and link.text.lower() in causes:
            if sent_protest and link.text.lower() in ("after", "following"):
                return True  # "following the death of a shopkeeper, traders staged a protest"
            for a in [up, *up.ancestors]:
                ev = triggers.get(a.i)
                if ev is not None and ev.acled.event_type in ("Protests", "Riots"):
                    return True
        t = t.head
    return False


def note_event(events) -> tuple[Optional[object], str]:
    """The event a coder's toll ("FATALITIES: 2", "Fatalities coded as 10") belongs to: the
    note's most prominent current violent event (the highest confidence, then the first told),
    else its most prominent current typed event, else its most prominent current event."""
    current = [e for e in events if _can_kill(e) or e.status in ("asserted", "claimed") and e.acled.event_type]
    for pick in ([e for e in current if e.acled.event_type in VIOLENT], [e for e in current if e.acled.event_type],
                 current):
        if pick:
            return min(pick, key=lambda e: (-(e.confidence or 0.0), e.trigger.start)), "the note's event"
    return None, "no event"


def owner(word, triggers: dict, counted: dict):
    """The event a death word belongs to, and how it was found: none for a death of another
    day (another_time) or one the event followed (_follow_link), unless the event is told in
    that clause itself."""
    ev, how = _linked(word, triggers, counted)
    if ev is not None and _told_outside(ev, another_time(word), triggers):
        return None, "no event (an incident told at another time: 'two days after')"
    if ev is not None and _told_outside(ev, _follow_link(word), triggers):
        return None, f"no event (a death '{ev.trigger.text}' followed: its antecedent, not its toll)"
    return ev, how


def _told_outside(ev, clause, triggers: dict) -> bool:
    """A clause holds the death (``clause`` is not None) and the event is not told inside it:
    the clause's own event ("two days after gunmen killed nine": the killing) keeps its dead."""
    if clause is None:
        return False
    inside = {t.i for t in clause.subtree}
    return not any(i in inside and e is ev for i, e in triggers.items())


def _linked(word, triggers: dict, counted: dict):
    """The event a death word is linked to in the parse or told beside, and how it was found."""
    kids = list(word.children)
    if word.pos_ == "ADJ" and word.dep_ in ("oprd", "acomp"):
        kids += [c for c in word.head.children if c.dep_ == "prep"]   # "were shot dead during protests"
    for c in kids:
        if c.dep_ == "prep" and c.text.lower() in IN_PREPS:
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp") and g.i in triggers and not _only_after(word, c, triggers[g.i], triggers):
                    return triggers[g.i], f"killed in '{g.text}'"   # "killed in the clash", "after exchanging fire"
        if c.dep_ in ("nsubj", "agent") and c.i in triggers:
            return triggers[c.i], f"caused by '{c.text}'"
        if c.dep_ == "advcl" and c.i in triggers and any(m.text.lower() in CAUSE_MARKS for m in c.children) \
                and (triggers[c.i].acled.event_type in VIOLENT or triggers[c.i].acled.event_type is None and not any(
                    k.dep_ == "nsubj" and k.pos_ == "PRON" for k in c.children)):  # not "killed a man after he refused"
            return triggers[c.i], f"killed when '{c.text}'"
    head = word.head if word.pos_ == "ADJ" else None
    if head is not None:
        for c in head.children:
            if c.dep_ in ("nsubj",) and c.i in triggers:
                return triggers[c.i], f"caused by '{c.text}'"
    if word.dep_ in ("advcl", "conj", "xcomp") and word.head.i in triggers:
        own = triggers[word.head.i]
        if word.dep_ == "conj" and not own.actors and not any(
                c.dep_ in ("agent", "dobj") for c in word.head.children):
            # "They clashed in Oicha. 1 officer was shot and killed.": no shooter of its own
            host = _earlier_incident(word, own, triggers)
            if host is not None:
                return host, f"'{word.head.text} and {word.text}' tells the toll of the earlier '{host.trigger.text}'"
        return own, f"result of '{word.head.text}'"
    if word.i in triggers:
        host = _earlier_incident(word, triggers[word.i], triggers)
        if host is not None:
            return host, f"'{word.text}' tells the toll of the earlier '{host.trigger.text}'"
        return triggers[word.i], "the death word's own event"
    if historical_cue(word):
        return None, "background death with no event"
    for a in word.ancestors:
        if a.i in triggers and _can_kill(triggers[a.i]):
            return triggers[a.i], f"governed by '{a.text}'"
    sent = [e for i, e in triggers.items() if word.sent.start <= i < word.sent.end and _can_kill(e)]
    if not sent:  # "3 fatalities." after the sentence(s) that tell the event
        before = [(i, e) for i, e in sorted(triggers.items()) if i < word.sent.start and _can_kill(e)]
        told = [e for i, e in before if e.id in counted]
        if told:
            return told[-1], "the earlier event whose toll this restates"
        back = word.sent
        for _ in range(SUMMARY_REACH):  # the event of the nearest earlier sentence that has one
            back = word.doc[back.start - 1].sent if back.start else None
            sent = [e for i, e in before if back is not None and back.start <= i < back.end]
            if sent or back is None:
                break
    violent = [e for e in sent if e.acled.event_type in VIOLENT]
    if not violent and sent and word.sent.start:   # "... deny these deaths": an untyped event of the
        earlier = [e for i, e in sorted(triggers.items())  # sentence yields to the violent one before
                   if i < word.sent.start and _can_kill(e) and e.acled.event_type in VIOLENT
                   and word.doc[i].sent.start >= word.doc[word.sent.start - 1].sent.start]
        if earlier:
            return earlier[-1], "the violent event of the sentence before"
    violent = violent or sent
    if violent:
        return violent[0], "the sentence's event"
    found = _victims_told_after(word, triggers)
    if found is not None:
        return found, "bodies told before the violence they were victims of"
    protests = [e for i, e in sorted(triggers.items()) if e.status in ("asserted", "claimed")
                and e.acled.event_type == "Protests" and i < word.sent.end
                and word.doc[i].sent.start >= (word.doc[word.sent.start - 1].sent.start if word.sent.start else 0)]
    causes = kind_words("cause")
    chain = (word, *word.ancestors)
    if any(a.lemma_.lower() in causes or a.lower_ in causes or a.lemma_.lower() in ("body", "corpse") or any(
            c.dep_ == "mark" and c.lower_ in causes for c in a.children) for a in chain):
        return None, "no event (a death the protest is about)"   # "protesting the killing", "after 5 were killed"
    if protests and said_as_reason(word.doc, word.doc.char_span(protests[-1].trigger.start, protests[-1].trigger.end,
                                                                alignment_mode="expand"), word.i):
        return None, "no event (a death the protest followed)"
    if protests:   # "Police ... accidently shot and killed a rider" told of a protest: its repression's toll
        return protests[-1], "the protest of its sentence or the one before (killed in its repression)"
    return None, "no event"


TIME_UNITS = ("hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years")


def another_time(word):
    """The clause that holds a death and is timed some hours, days or weeks before or after
    the deed the sentence tells ("shot two herders, three days after raiders had killed a
    trader", "bombs were found a few hours after a victim of the blast died"), else None:
    the clause tells another incident (ACLED codes one event per day and place), and its
    dead are not the told deed's toll."""
    for t in (word, *word.ancestors):
        if t.dep_ == "advcl":
            marks = [c for c in t.children if c.dep_ == "mark" and c.lower_ in ("after", "before")]
        elif t.dep_ == "pcomp" and t.head.lower_ in ("after", "before"):
            marks = [t.head]   # "two days after being abducted"
        else:
            continue
        if any(g.dep_ == "npadvmod" and g.lower_ in TIME_UNITS for m in marks for g in (*m.children, *t.children)):
            return t
    return None


FOLLOW_MARKS = ("after", "following")
TOLD_DEPS = ("nsubj", "nsubjpass", "dobj", "oprd", "acomp")   # the dead as what a clause tells of


def _follow_link(word):
    """The clause marked 'after'/'following', or the phrase of that preposition, that tells a
    death ("clashes erupted after four bodies were found", "went on a rampage after a student
    was killed", "abducted two doctors after killing their guard"), else None: the death is
    what the event outside it followed, its antecedent, not its toll (a killing and what it
    set off are two events). Only a clause whose head is the death word or tells of it as its
    subject, object or predicate ("bodies/nsubjpass were found", "were discovered dead/oprd");
    a death deeper in it is told of something else there ("following a clash resulting in 25
    deaths")."""
    for t in (word, word.head if word.dep_ in TOLD_DEPS else word):
        if any(c.dep_ == "mark" and c.lower_ in FOLLOW_MARKS for c in t.children):
            return t
        if t.dep_ in ("pobj", "pcomp") and t.head.dep_ == "prep" and t.head.lower_ in FOLLOW_MARKS:
            return t.head
    return None


def _only_after(word, prep, ev, triggers: dict) -> bool:
    """A killing of its own told after a deed that is no violence or protest ("villagers killed a
    herbalist after accusing him of sorcery", "shot a trader dead after arresting him"): 'after'
    and 'following' order the two in time; the dead are not that deed's toll but their own
    violent event's."""
    own = triggers.get(word.i) or (triggers.get(word.head.i) if word.pos_ == "ADJ" else None)   # "shot/ dead"
    return prep.lower_ in FOLLOW_MARKS and ev.acled.event_type in (None, "Strategic developments") \
        and own is not None and own.acled.event_type in VIOLENT


def _victims_told_after(word, triggers: dict):
    """Bodies found before any event is told, in a note of no protest ("Four bodies were pulled
    from the lake. The victims were killed during the violence"): the violent event of the next sentence."""
    doc = word.doc
    if word.lemma_.lower() not in ("body", "corpse") or word.sent.end >= len(doc) or any(
            e.acled.event_type in ("Protests", "Riots") and e.status != "historical" for e in triggers.values()):
        return None
    nxt = doc[word.sent.end].sent
    after = [e for i, e in sorted(triggers.items()) if nxt.start <= i < nxt.end and _can_kill(e)
             and e.acled.event_type in VIOLENT]
    return after[0] if after else None


DIE_VERBS = ("die", "succumb")  # their subject is the dead, never a perpetrator
CLAIM_VERBS = ("claim",)  # a toll a party claims ("claims eight dead") yields to one reported


def _earlier_incident(word, own, triggers: dict):
    """The violent event a bare death belongs to: "Gunmen shot three drivers. Two victims
    died.", "... detonated explosives. Twelve killed." A death ("died", or "killed" with no
    killer named) with no perpetrator of its own, right after a current violent
    event (earlier in its sentence or in the sentence before), is that event's toll, and
    the death's own event is that event again (``run`` drops it)."""
    bare_dead = word.lower_ == "dead" and word.pos_ == "ADJ" and word.dep_ == "acomp"   # "six are dead"
    if own.status == "historical" or word.pos_ != "VERB" and not bare_dead:
        return None
    # "Twelve killed.", "A man was killed.", "At least one guard killed, two hurt":
    # killed with no killer and no object (its subject, if any, is the dead)
    bare_kill = word.lemma_.lower() == "kill" and not any(c.dep_ in ("agent", "dobj") for c in word.children) \
        and (word.tag_ == "VBN" and not own.actors or word.dep_ in ("ROOT", "conj"))
    if word.lemma_.lower() not in DIE_VERBS and not bare_kill and not bare_dead:
        return None
    prev = word.doc[word.sent.start - 1].sent if word.sent.start else None
    lo = prev.start if prev is not None else word.sent.start
    current = ("asserted", "claimed")   # "X reportedly detonated an IED. One soldier killed."
    before = [e for i, e in sorted(triggers.items()) if lo <= i < word.i and e is not own
              and (e.status == own.status or {e.status, own.status} <= set(current)) and e.acled.event_type in VIOLENT]
    return before[-1] if before else None


def _can_kill(ev) -> bool:
    """Events a death can be put on without a direct link: current, and violent or untyped."""
    return ev.status != "historical" and (ev.acled.event_type is None or ev.acled.event_type in VIOLENT)


REASON_WORDS = ("after", "following", "over", "against", "demanding", "demand", "because")


def said_as_reason(doc, protest, i: int) -> bool:
    """A word between a protest and a death told after it that makes the death its reason
    ("protested after 40 prisoners were killed", "demanding action after a gas leak killed 11")."""
    if protest is None or not len(protest) or protest.end > i:
        return False
    return any(t.lower_ in REASON_WORDS for t in doc[protest.end:i])
