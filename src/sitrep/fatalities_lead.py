"""One toll per incident. Several mentions of one event's dead are one toll (the same dead
counted once, distinct victims added up, a coder's figure over the sources'); one incident
told by several events ("raided ... clashed ... 2 killed and 2 abducted") has its toll on
its lead event (the most prominent current violent event), unless a cue says another
incident, the lesser event is the reason of its sentence's, or the killing names its own
killer. An attack whose only dead are armed men is a battle."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from .events_lex import DISORDER
from .fatalities_lex import kind_words, lexicon
from .fatalities_mentions import CODED, Mention
from .fatalities_owner import SUMMARY_REACH, VIOLENT, said_as_reason
from .knowledge import ARMED_SECTORS
from .records import AcledType, Fatalities, Span


GENERIC = ("fatality", "death", "people", "person", "body", "dead", "corpse", "toll", "victim", "-PRON-", "-NUM-")


def toll(doc, m: Mention) -> Fatalities:
    """The Fatalities record of one event's toll ``m`` (its words from the first to the last)."""
    lo, hi = m.tokens[0], m.tokens[-1]
    text = doc[lo.i:hi.i + 1].text
    of = []
    for a in m.of:
        if a not in of:
            of.append(a)
    return Fatalities(count=m.count, qualifier=m.qualifier, of=of, text=text,
                      span=Span(text, lo.idx, hi.idx + len(hi.text)), reason=m.reason)


def armed_dead(ev) -> None:
    """An attack whose only dead are armed men ("four police officers feared dead following an
    al Shabaab attack") is a battle: the codebook's one-sided violence targets civilians."""
    fat = ev.fatalities
    if ev.acled.sub_event_type != "Attack" or ev.recipients or fat is None or not fat.count or not fat.of:
        return
    if all(a.sector in ARMED_SECTORS for a in fat.of):
        ev.acled = AcledType(disorder_type=DISORDER.get("Battles"), event_type="Battles", sub_event_type="Armed clash")
        ev.reason = f"{ev.reason}; its dead are armed ({', '.join(a.name for a in fat.of)}): a battle"


def total(ms: list[Mention]) -> Mention:
    """One toll from several mentions of one event: the coder's figure over the sources'; a
    reported toll over a party's claim; doubted 'other'/'more' dead left out (_hedged); dead told
    as 'other'/'more' added to the count told right before them (_with_more); otherwise the same
    dead counted once (_one_toll)."""
    coded = [m for m in ms if m.key == CODED and not m.more]   # "FATALITIES: 3 others killed" adds (_with_more)
    if coded:
        return coded[-1]
    ms = [m for m in ms if not m.claimed] or ms
    ms = [m for m in ms if m is ms[0] or not (m.more and _hedged(m))]   # "(2 others feared dead, not confirmed)"
    if any(_adds(m, ms) for m in ms):
        return _with_more(ms)
    return _one_toll(ms)


def _adds(m: Mention, ms: list[Mention]) -> bool:
    """Dead told as beyond those told before them ("2 other policemen were killed") that add
    to the toll: not the first mention (nothing before it to add to), not doubted (_hedged)."""
    return m.more and m is not ms[0] and not _hedged(m)


def _with_more(ms: list[Mention]) -> Mention:
    """"2 policemen were killed ... 2 other policemen were killed": the others add up. The toll
    is the running count (_running_count) if it is more than the mentions without the others
    make (_one_toll); the victims and words of both are kept."""
    more = [m for m in ms if _adds(m, ms)]
    base = _one_toll([m for m in ms if not m.more or m is ms[0]])
    running = _running_count(ms)
    if running <= base.count:
        return base
    told = [base, *more]
    return Mention(running, base.qualifier, base.key, sorted({t for m in told for t in m.tokens}, key=lambda t: t.i),
                   [a for m in told for a in m.of], f"{base.reason}; and more: " + "; ".join(m.reason for m in more))


def _running_count(ms: list[Mention]) -> int:
    """The count of the dead told last, in the order told: a plain count (or the first mention)
    sets it; 'other'/'more' dead add to it, not to a total told before that holds them; doubted
    'more' dead leave it as it was."""
    running = 0
    for m in ms:
        if not m.more or m is ms[0]:
            running = m.count
        elif _adds(m, ms):
            running += m.count
    return running


def _one_toll(ms: list[Mention]) -> Mention:
    """The same dead counted once: a mention that tells part of another's dead (_part_of) or one
    dead named again ("the suspect") drops; the largest figure per kind of victim stands, and
    distinct kinds add up; a generic total ("5 fatalities") stands if it is larger, unless a
    named source gives it beside a count by kind (_second_report)."""
    ms = [m for m in ms if not any(_part_of(m, n) for n in ms)]
    ms = [m for m in ms if not (m.again and any(n.count == 1 and n.word is not None and m.word is not None
                                                and n.word.i < m.word.i for n in ms))] or ms   # "the suspect" again
    by_key: dict[str, Mention] = {}
    for m in ms:
        if m.key not in by_key or m.count > by_key[m.key].count:
            by_key[m.key] = m
    specific = [m for k, m in by_key.items() if k not in GENERIC]
    generic = [m for k, m in by_key.items() if k in GENERIC and not (specific and _second_report(m))]
    best_generic = max(generic, key=lambda m: m.count, default=None)
    if specific and (best_generic is None or sum(m.count for m in specific) >= best_generic.count):
        if len(specific) == 1:
            return specific[0]
        quals = {m.qualifier for m in specific}
        return Mention(sum(m.count for m in specific), quals.pop() if len(quals) == 1 else "at_least",
                       "+".join(m.key for m in specific), sorted({t for m in specific for t in m.tokens}, key=lambda t: t.i),
                       [a for m in specific for a in m.of], "sum of " + "; ".join(m.reason for m in specific))
    return best_generic


def _adds_up(theirs: Optional[list[Mention]], mine: Optional[list[Mention]]) -> bool:
    """Two events' tolls of one incident that may add up ("A policeman was killed ... Three civilians
    were also killed in the blast"): not one dead person named again ("Jacob Juma is shot dead
    ... his killing"), not another source's figure for the same dead ("Conflicting reports have
    eight deaths", "The Star reports four dead": ACLED keeps the lowest), not an estimate word's
    figure ("alleged to have killed many")."""
    if not theirs or not mine:
        return False
    both = theirs + mine
    if any(m.word is None or _sourced(m.word.sent) for m in both):
        return False
    if any(all(m.count == 1 and _named_again(m) for m in ms) for ms in (theirs, mine)):
        return False
    if any(t.lower_ in ("among", "including") for m in both for t in m.word.sent):
        return False   # "Among the dead were two boys and four men": the dead told again, in parts
    if any(all(m.word.lemma_.lower() in ("body", "corpse") for m in ms) for ms in (theirs, mine)):
        return False   # a body found: the dead told again, or an earlier death
    if any(a.dep_ == "relcl" for m in both for a in (m.word, *m.word.ancestors)) or any(
            m.word.dep_ == "acl" and m.word.tag_ == "VBG" for m in both):
        return False   # "militants believed to be part of a group who attacked a camp, killing four": their deed
    vague = _vague_words()
    return not any(t.lower_ in vague for m in mine for t in m.tokens)


@lru_cache(maxsize=None)
def _vague_words() -> frozenset:
    """The estimate words of data/fatality_numbers.tsv ("many", "dozens"), read once."""
    return frozenset(w for w, row in lexicon()["numbers"].items() if row["kind"] == "vague")


def _named_again(m: Mention) -> bool:
    """A single dead named by a name or a pronoun ("Msando was murdered", "his killing")."""
    return any(c.dep_ == "poss" or c.tag_ == "PRP$" for c in m.word.children) or any(
        t.pos_ in ("PROPN", "PRON") or t.tag_ == "PRP$" or t.lower_ == "other" and any(
        c.lower_ == "the" for c in t.children) for t in m.tokens if t.i != m.word.i)   # "the other was stoned"


def _second_report(m: Mention) -> bool:
    """A generic figure a named source gives ("a news agency reported 5 deaths that month",
    "Kenya Times records 9 dead"): another report of the dead counted by kind; ACLED keeps the
    more conservative count."""
    return m.word is not None and any(_reported_by(a, ("report", "record"), ("PROPN",)) for a in m.word.ancestors)


SOURCE_VERBS = ("report", "say", "put", "give", "claim", "indicate")


def _sourced(sent) -> bool:
    """A sentence that gives a named source's figure ("Shabelle Media Network reports nine officers
    dead", "conflicting reports", "according to police")."""
    return any(t.lower_ in ("according", "conflicting", "contest", "contests", "saying")
               or _reported_by(t, SOURCE_VERBS, ("PROPN", "NOUN")) for t in sent)


def _reported_by(verb, verbs, subjects) -> bool:
    """``verb`` is a report verb (a lemma of ``verbs``) whose subject is a noun of the parts of
    speech ``subjects`` ("Kenya Times records", "police say"): a source giving its figure."""
    return verb.lemma_.lower() in verbs and verb.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and c.pos_ in subjects for c in verb.children)


HEDGES = ("feared", "unconfirmed", "missing", "may", "might", "possibly", "could")


def _hedged(m: Mention) -> bool:
    """Dead told in a sentence that doubts them ("five more deaths are feared, not yet confirmed",
    "two others were missing and thought dead")."""
    return m.word is not None and any(t.lower_ in HEDGES for t in m.word.sent)


def _part_of(m: Mention, n: Mention) -> bool:
    """Mention ``m`` tells some of the dead ``n`` counts together ("a police officer and two
    youths were killed ... a police officer was killed"): its kinds of victim are a part of
    n's, and its count no more than n's."""
    mine, theirs = set(m.key.split("+")), set(n.key.split("+"))
    return mine < theirs and m.count <= n.count and not mine & set(GENERIC)


SEPARATE = ("separate", "separately", "elsewhere", "another", "meanwhile", "earlier", "later")


def _same_incident(doc, lead, ev) -> bool:
    """Two mentions of one incident: told within SUMMARY_REACH sentences of each other
    ("Bandits attacked a village, killing 6. The attackers targeted non-locals": the lead
    may be told after), on the same day and in the same region, and nothing between says
    the second is another ("separately", "elsewhere", "in another attack")."""
    first, last = sorted((lead, ev), key=lambda e: e.trigger.start)
    if lead is last and lead.sentence.start != ev.sentence.start and (
            lead.acled.event_type in ("Riots", "Protests") or ev.fatalities and ev.fatalities.span
            and _is_reason(doc, ev, ev.fatalities.span)):
        return False   # "... a student was killed. Students went on a rampage": the riot the death set off;
        # "went on a rampage after a student was killed. They stoned cars": the death is the antecedent
    if lead.date.span and ev.date.span and lead.date.start != ev.date.start:
        return False   # two dates told (a date of no text of its own is the publication day's fallback)
    a, b = lead.location, ev.location
    told = all(x.location.span is not None and x.sentence.start <= x.location.span.start < x.sentence.end
               for x in (lead, ev))   # a place of no sentence of its own is the note's, not a second place
    if told and (a.admin1 and b.admin1 and a.admin1 != b.admin1 or a.country and b.country and a.country != b.country):
        return False
    if lead.sentence.start == ev.sentence.start and _is_reason(doc, ev):
        return False
    span = doc.char_span(first.sentence.start, last.sentence.end, alignment_mode="expand")
    if span is None or len(list(span.sents)) > SUMMARY_REACH + 1:
        return False
    between = doc.char_span(first.trigger.end, last.sentence.end, alignment_mode="expand") or []
    return not any(t.lower_ in SEPARATE and not _told_later(t) and not _counts_more(t) and not _thing_history(t)
                   for t in between)


def _counts_more(tok) -> bool:
    """'another' that counts more people of the incident ("another 79 people were injured",
    "another two were missing"), not another incident ("in another attack")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ == "another" and nxt is not None and (nxt.like_num or nxt.lower_ in lexicon()["numbers"])


AFTERMATH = ("find", "discover", "recover", "die", "succumb", "determine", "confirm", "identify", "report",
             "say", "rise", "update", "announce")   # what is told of an incident's dead some time after it


def _told_later(tok) -> bool:
    """'later' or 'earlier' that times what was learnt of the dead, not another incident ("the
    bodies were later found", "five (later determined to be seven)", "found five days later"), or
    'later' that times what became of the incident's victims ("was abducted ... He was beaten to
    death later"; not 'earlier': "cultists who killed a resident earlier", the antecedent)."""
    if tok.lower_ not in ("later", "earlier"):
        return False
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ in ("npadvmod", "advmod", "pobj", "prep"):
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return verb.lemma_.lower() in AFTERMATH or tok.lower_ == "later" and _kills(verb)


def _thing_history(tok) -> bool:
    """'earlier' or 'later' in a relative clause that tells what befell a thing of the incident
    ("taking back camels that were lost a week earlier"): the thing's past, not another
    incident told; a killing told so ("cultists who killed a resident earlier") stays another."""
    if tok.lower_ not in ("later", "earlier"):
        return False
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.dep_ != "relcl" or verb.head.pos_ != "NOUN":
        return False
    death = (lexicon()["words"].get((verb.lemma_.lower(), verb.pos_)) or {}).get("kind") == "death"
    return not death and not _kills(verb)


def _kills(verb) -> bool:
    """A verb that tells a death with no killer of its own ("He was tortured to death later", "was
    later killed"): what became of the incident's victims."""
    words = lexicon()["words"]
    told = [t for t in (verb, *(c for c in verb.children if c.dep_ == "prep" for c in c.children))
            if (words.get((t.lemma_.lower(), t.pos_)) or {}).get("kind") == "death"]
    return bool(told) and not any(c.dep_ in ("agent", "nsubj") and c.pos_ != "PRON" for c in verb.children)


def _is_reason(doc, ev, told=None) -> bool:
    """An event (or the words ``told``, a Span record) told as the reason or antecedent of its
    sentence's event ("raids following the targeting of a vehicle", "clashes erupted after
    four bodies were found", "marched over a pupil run over by a bus")."""
    told = told or ev.trigger
    sp = doc.char_span(told.start, told.end, alignment_mode="expand")
    if sp is None or not len(sp):
        return False
    causes = kind_words("cause")
    return any((a.lemma_.lower() in causes or a.lower_ in causes) and a.pos_ != "NOUN" for a in sp.root.ancestors) or any(
        c.dep_ == "mark" and c.lower_ in causes for a in (sp.root, *sp.root.ancestors) for c in a.children)


def _own_killer(word, triggers: dict) -> bool:
    """A death word that names its killer: an agent ("killed by a sniper") or the subject of
    an active killing ("police killed two"); not a pronoun (the incident's attackers told
    again: "they killed 4 people"), an event ("the explosion killed"), or a subject shared
    with the verb it is coordinated with ("gunmen attack and kill 2"), or a noun an event word
    modifies ("Grenade attack kills": the grenade event told again)."""
    if word.pos_ != "VERB":
        return False
    kids = list(word.children)
    agents = [g for c in kids + (list(word.head.children) if word.dep_ == "conj" else [])
              if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    subjects = [c for c in kids if c.dep_ == "nsubj"] if lexicon()["words"].get(
        (word.lemma_.lower(), word.pos_), {}).get("role") == "object" and any(c.dep_ == "dobj" for c in kids) else []
    tools = kind_words("instrument")   # "killed by a gunshot", "killed by machete": a weapon is no killer of its own
    return any(t.pos_ not in ("PRON", "NUM") and t.i not in triggers and not _told_again(t) and t.lemma_.lower() not in tools
               and not any(c.dep_ == "compound" and c.i in triggers for c in t.children) for t in agents + subjects)


def _told_again(tok) -> bool:
    """A definite common noun that names the incident's party again ("gunmen ambushed a convoy.
    The attackers killed one driver"), as a pronoun would."""
    return tok.tag_ in ("NN", "NNS") and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                                              for c in tok.children) and not any(
        c.dep_ in ("compound", "amod", "poss") and c.tag_ in ("NNP", "NNPS") for c in tok.children)


def fold_toll(gone, host) -> None:
    """An event folded into the incident whose dead it tells (``run`` drops it) takes no toll
    away with it: a toll lead_tolls moved onto it goes to the event it is folded into, when
    that one has none ("was found dead ... she was kidnapped and killed": the kidnapping led,
    then folded into the finding)."""
    if gone.fatalities is not None and host.fatalities is None:
        host.fatalities, gone.fatalities = gone.fatalities, None
        host.fatalities.reason = f"{host.fatalities.reason}; back on '{host.trigger.text}' " \
                                 f"('{gone.trigger.text}' folded into it)"


def lead_tolls(doc, events, found: dict, triggers: dict) -> None:
    """One incident told by several events ("raided the village ... clashed with police ...
    2 were killed and 2 abducted") has one toll, on its lead event: the most prominent
    current violent event of the incident (the highest confidence, then the first told).
    A toll the parse put on a lesser mention of the incident (the abduction, 'the fighting',
    the gunfire) moves there, unless the lead has a toll of its own or the killing names
    its own killer ("A soldier was shot and killed by a sniper": the sniper's own event). When
    the lead has a toll of its own, the two add up as one event's mentions would (total),
    unless they may be the same dead told twice (_adds_up)."""
    rank = {e.id: (-(e.confidence or 0.0), e.trigger.start) for e in events}
    own = {eid for eid, ms in found.items() if any(_own_killer(m.word, triggers) for m in ms if m.word is not None)}
    current = [e for e in events if e.status in ("asserted", "claimed")]
    bodies = {eid for eid, ms in found.items()   # a body a protest carries or claims is its reason, not its toll
              if all(m.word is not None and m.word.lemma_.lower() in ("body", "corpse") for m in ms)}
    mentions_of = {eid: list(ms) for eid, ms in found.items()}   # each toll's mentions, following it as it moves
    for ev in events:
        if ev.fatalities is None or ev.status not in ("asserted", "claimed") or ev.id in own and ev.acled.event_type:
            continue
        # an event of no ACLED type ('called for', 'demanding') yields also to a protest (its repression's toll)
        kinds = VIOLENT + (("Protests",) if ev.acled.event_type is None and ev.id not in bodies else ())
        # an event of no ACLED type is never the note's event: its toll goes to a typed one however ranked
        better = sorted((h for h in current if h is not ev and h.acled.event_type in kinds
                         and (h.fatalities is None or _adds_up(mentions_of.get(h.id), mentions_of.get(ev.id)))
                         and (rank[h.id] < rank[ev.id] or ev.acled.event_type is None) and _same_incident(doc, h, ev)),
                        key=lambda h: rank[h.id])
        if better and better[0].acled.event_type == "Protests" and ev.fatalities.span is not None:
            lead_sp = doc.char_span(better[0].trigger.start, better[0].trigger.end, alignment_mode="expand")
            told = doc.char_span(ev.fatalities.span.start, ev.fatalities.span.end, alignment_mode="expand")
            if told is None or said_as_reason(doc, lead_sp, told.start):
                continue
        if better and better[0].fatalities is not None:   # both tolls of the incident make one (_adds_up)
            lead = better[0]
            both = sorted(mentions_of[lead.id] + mentions_of[ev.id], key=lambda m: m.word.i)
            lead.fatalities, ev.fatalities, mentions_of[lead.id] = toll(doc, total(both)), None, both
            lead.fatalities.reason = f"{lead.fatalities.reason}; one incident's tolls, told as " \
                                     f"'{lead.trigger.text}' and '{ev.trigger.text}'"
            continue
        if better:
            lead = better[0]
            lead.fatalities, ev.fatalities = ev.fatalities, None
            if ev.id in mentions_of:
                mentions_of[lead.id] = mentions_of[ev.id]
            lead.fatalities.reason = f"{lead.fatalities.reason}; the toll of the incident '{lead.trigger.text}' " \
                                     f"leads (told also as '{ev.trigger.text}')"
