"""Stage: fatalities. Deaths reported for each event, ACLED's conservative way.

A death mention is a word from data/fatality_words.tsv ("killed", "died", "deaths",
"dead"); its victims come from the parse (the object of an active verb, the subject of a
passive or of "die", the number counting a noun). The toll is the number in the victims'
phrase (numerals, number words, ACLED's values for vague words from
data/fatality_numbers.tsv) with the qualifier in front of it (data/fatality_qualifiers.tsv).
A mention without any number ("deaths among X troops, without giving numbers") gives no
toll. Casualties and injuries are never deaths.

The toll goes to the event the death is linked to in the parse: the event it happened in
("killed in border clashes"), the event that caused it ("the attack killed", "killed when a
bomb exploded"), the death word's own event, or the event governing it. A background death
("since thousands died in a 2020 war") only ever goes to the event it is linked to, never
to the clause that mentions it. No event is invented for a death without one.

One incident told by several events ("raided ... clashed ... 2 killed and 2 abducted") has
one toll, on its lead event (the most prominent current violent event of the incident); a
toll the parse put on a lesser mention moves there unless a cue says another incident, the
lesser event is the reason of its sentence's, or the killing names its own killer. Deaths a
coder says are coded as another event ("2 killed (coded separately)") and deaths a protest is
about ("to protest the death of") are not counted; deaths in a protest's repression are its toll.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..errors import Errors, SitrepError
from ..events_lex import DISORDER
from ..knowledge import ARMED_SECTORS, knowledge
from ..lexicon import load_table
from ..records import AcledType, Actor, Fatalities, Span
from . import actors as actors_stage
from .dates import historical_cue

VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")
IN_PREPS = ("in", "during", "amid", "at", "after", "following", "from")
CAUSE_MARKS = ("when", "as", "after", "while")
GENERIC = ("fatality", "death", "people", "person", "body", "dead", "corpse", "toll", "victim", "-PRON-", "-NUM-")
DATE_LIKE = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(1[89]|20)\d\d\b|/|"
                       r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(day|week|month|year)s?\b", re.I)
SUMMARY_REACH = 3  # sentences back that a toll without an event of its own may reach
NUMERAL = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")
RANGE = re.compile(r"^(\d+)[-–](\d+)$")


@dataclass
class Mention:
    count: int
    qualifier: str
    key: str  # what the dead are ("soldier", "civilian"; generic words lump together)
    tokens: list = field(default_factory=list)
    of: list[Actor] = field(default_factory=list)
    reason: str = ""
    word: object = None
    victim: str = ""
    claimed: bool = False  # a party's own claim ("Al Shabaab claims eight dead")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    words = {}
    for row in load_table("fatality_words.tsv", required=["lemma", "pos", "kind", "role"]):
        words[(row["lemma"], row["pos"])] = row
    table = load_table("fatality_numbers.tsv", required=["word", "value", "kind"])
    for r in table:
        if not (r["value"] or "").isdigit():
            raise SitrepError(Errors.E150, path=table.path, word=r["word"], value=r["value"])
    numbers = {r["word"]: r for r in table}
    quals = {tuple(r["phrase"].split()): r["qualifier"]
             for r in load_table("fatality_qualifiers.tsv", required=["phrase", "qualifier"])}
    return {"words": words, "numbers": numbers, "qualifiers": quals}


@lru_cache(maxsize=None)
def _kind(kind: str, pos: tuple = ()) -> frozenset:
    """Lemmas of fatality_words.tsv of one kind (and, if given, of those parts of speech); built once."""
    return frozenset(k[0] for k, r in lexicon()["words"].items() if r["kind"] == kind and (not pos or k[1] in pos))


ELSEWHERE = re.compile(r"\bcoded\s+(sep[ae]rately|elsewhere|as\s+(a\s+)?sep[ae]rate)|\(\s*sep[ae]rate\s+event", re.I)


OTHER_DEAD = re.compile(r"\((\s*(and|\+)\b[^()]*|[^()]*\d[^()]*)\)", re.I)


def _elsewhere_notes(sent) -> tuple[list, list]:
    """Once per sentence: the parentheses that tell other dead ("(and 3 civilians - coded
    separately)"), and where a coder's "coded separately" stands outside them (char offsets)."""
    base, text = sent.start_char, sent.text
    others = [(base + m.start(), base + m.end()) for m in OTHER_DEAD.finditer(text)]
    blank = OTHER_DEAD.sub(lambda m: " " * len(m.group()), text)   # same length: offsets stay the sentence's
    return others, [base + m.start() for m in ELSEWHERE.finditer(blank)]


def _coded_elsewhere(word, notes: dict) -> bool:
    """A coder's note that these deaths are another event's ("2 killed (coded separately)",
    "police intervened killing 4 - coded seperately"): the clause of the death word (from it
    to the sentence's end) says so, outside a parenthesis that tells other dead ("2 police
    killed (and 3 civilians - coded separately)": the civilians are elsewhere). ``notes``
    keeps each sentence's _elsewhere_notes."""
    if _toll_header(word) is not None:
        return False   # the coder's toll field is this event's
    if word.sent.start not in notes:
        notes[word.sent.start] = _elsewhere_notes(word.sent)
    others, marks = notes[word.sent.start]
    if any(lo < word.idx < hi for lo, hi in others):   # a death word inside such a parenthesis: its rest is the clause
        return bool(ELSEWHERE.search(OTHER_DEAD.sub(" ", word.doc[word.i:word.sent.end].text)))
    return any(m >= word.idx for m in marks)


def _protest_cause(word, triggers: dict) -> bool:
    """A death that is the reason for a protest or riot ("demonstrated over the killing of",
    "riots following the death of", "residents stormed the school after gunmen killed")."""
    causes = _kind("cause")
    links = _kind("cause", ("VERB", "NOUN"))
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


def parse_number(words: list[str]) -> Optional[tuple[int, str]]:
    """Value and kind ('exact' or the vague word's qualifier) of a number phrase:
    ["forty", "-", "nine"] -> (49, "exact"), ["2,000"] -> (2000, "exact"), ["dozens"] -> (12, "at_least")."""
    nums = lexicon()["numbers"]
    words = [w.lower() for w in words if w not in ("-", "and", "of")]
    if not words:
        return None
    if len(words) == 1 and RANGE.match(words[0]):  # "10-15": the conservative end
        lo, hi = RANGE.match(words[0]).groups()
        return min(int(lo), int(hi)), "at_least"
    if len(words) <= 3 and nums.get(words[-1], {}).get("kind") == "vague" \
            and all(w in ("a", "an", "few", "some", "several") or w == words[-1] for w in words):
        row = nums[words[-1]]
        return int(row["value"]), row.get("qualifier") or "unknown"
    total, current, seen = 0.0, 0.0, False
    if len(words) > 1 and words[0] in ("a", "an"):
        words = words[1:]   # "a couple" is 2, "a hundred" 100: the article counts nothing by itself
    for w in words:
        if NUMERAL.match(w):
            current, seen = float(w.replace(",", "")), True
            continue
        row = nums.get(w)
        if row is None or row["kind"] == "vague":
            return None
        value = float(row["value"])
        if row["kind"] == "scale" or w == "dozen":
            current = max(current, 1.0) * value
            if value >= 1000:
                total, current = total + current, 0.0
        else:
            current += value
        seen = True
    return (int(total + current), "exact") if seen else None


def _is_numberish(tok) -> bool:
    nums = lexicon()["numbers"]
    return tok.like_num or tok.text.lower() in nums or bool(NUMERAL.match(tok.text) or RANGE.match(tok.text)) \
        or tok.text == "-"


def _number_phrase(tok) -> list:
    """The contiguous number words around ``tok`` ("forty - nine", "a dozen", "2,000")."""
    doc = tok.doc
    lo = hi = tok.i
    while lo > tok.sent.start and _is_numberish(doc[lo - 1]) and doc[lo - 1].text.lower() not in ("no",):
        lo -= 1
    while hi + 1 < tok.sent.end and _is_numberish(doc[hi + 1]) and doc[hi + 1].pos_ in ("NUM", "PUNCT"):
        hi += 1
    while lo < tok.i and doc[lo].text == "-":
        lo += 1
    return [doc[i] for i in range(lo, hi + 1)]


def _range_low(phrase: list, value: int) -> Optional[int]:
    """The lower end when the number is one end of a range, else None."""
    m = re.fullmatch(r"(\d+)\s*[-–]\s*(\d+)", "".join(t.text for t in phrase))
    if m:
        return min(int(m.group(1)), int(m.group(2)))
    doc, first, last = phrase[0].doc, phrase[0], phrase[-1]
    between = first.i > 0 and doc[first.i - 1].text.lower() == "between"
    joiners = ("to", "-", "–", "or") + (("and",) if between else ())
    if last.i + 2 < len(doc) and doc[last.i + 1].text.lower() in joiners and _is_numberish(doc[last.i + 2]):
        other = parse_number([doc[last.i + 2].text])
        return min(value, other[0]) if other else None
    if first.i >= 2 and doc[first.i - 1].text.lower() in ("to", "-", "–", "and", "or") and _is_numberish(doc[first.i - 2]):
        other = parse_number([doc[first.i - 2].text])
        return min(value, other[0]) if other else None
    return None


def _qualifier(first) -> tuple[str, list]:
    """The qualifier phrase that ends right before token ``first``."""
    doc, quals = first.doc, lexicon()["qualifiers"]
    for n in (4, 3, 2, 1):
        lo = first.i - n
        if lo < first.sent.start:
            continue
        words = tuple(t.text.lower() for t in doc[lo:first.i])
        if words in quals:
            return quals[words], list(doc[lo:first.i])
    return "exact", []


def _negated(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _in_date(tok) -> bool:
    """True for a token of a real date ("27 February", "11/04"), not of a number the
    tagger took for one ("Between 10 and 15" militants)."""
    if tok.ent_type_ not in ("DATE", "TIME"):
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None and tok.i == ent.end - 1 > ent.start + 1 and tok.like_num and ent[0].like_num \
            and ent.end < len(tok.doc) and tok.doc[ent.end].tag_ == "NNS":
        return False  # "01 Oct. 7 people killed": the tagger ran the date on into the count
    text = ent.text if ent is not None else tok.text
    return bool(DATE_LIKE.search(text))


def _count(victim) -> Optional[tuple[int, str, list]]:
    """(count, qualifier, tokens) of one victim phrase headed by ``victim``."""
    nums = lexicon()["numbers"]
    if victim.lower_ == "old" and victim.pos_ != "VERB" and any(t.lower_ == "year" for t in victim.subtree):
        return 1, "exact", [victim]  # "killed a 21-year-old": one person (the tagger makes the age a date)
    if victim.pos_ in ("VERB", "AUX") or _in_date(victim):
        return None
    if victim.text.lower() in ("nobody", "none") or (victim.text.lower() == "one" and any(c.text.lower() == "no" for c in victim.children)):
        return 0, "exact", [victim]
    num = victim if _is_numberish(victim) and victim.pos_ in ("NUM", "NOUN", "ADJ", "DET", "PRON", "PROPN") and victim.text.lower() not in ("a", "an") else None
    if num is None:
        for c in victim.children:
            if _in_date(c):
                continue
            if c.dep_ in ("nummod", "quantmod") or (c.dep_ in ("amod", "det") and c.text.lower() in nums and c.text.lower() not in ("a", "an")):
                num = c
                break
        else:  # a number the parser hung elsewhere in the phrase ("Four/compound Azerbaijani soldiers")
            left = [t for t in victim.subtree if t.i < victim.i and t.pos_ == "NUM" and not _in_date(t)
                    and not (t.i < t.head.i and _in_date(t.head))]   # not the day of "27 February: a civilian shot dead"
            left = [t for t in left if parse_number([t.text]) is not None]   # not "police on 11/04 shot dead two"
            num = left[0] if left else _stray_number(victim)
    if num is not None:
        phrase = _number_phrase(num)
        words = [t.text for t in phrase]
        for c in num.children:  # "a number of", "an unknown number of"
            if c.dep_ in ("amod", "det") and c.text.lower() in nums and nums[c.text.lower()]["kind"] == "vague":
                words = [c.text]
        got = parse_number(words)
        if got is None:
            return None
        value, kind = got
        qual, qtoks = _qualifier(phrase[0])
        low = _range_low(phrase, value)
        if low is not None:  # "2 to 4", "between 10 and 15", "10-15": the lower figure
            return low, "at_least", phrase
        if kind != "exact":
            qual = qual if qual != "exact" else kind
        return value, qual, qtoks + phrase
    for c in victim.children:  # "a family of three", "a group of 5 people"
        if c.dep_ == "prep" and c.text.lower() == "of":
            for g in c.children:
                if g.dep_ == "pobj" and (_is_numberish(g) or any(k.dep_ == "nummod" for k in g.children)):
                    return _count(g)
    if victim.tag_ in ("NN", "NNP") or (victim.pos_ == "PRON" and victim.text.lower() in ("him", "her", "he", "she", "his")):
        return 1, "exact", [victim]  # "a man", "the driver", "his father"
    if victim.lower_ == "other" and any(c.dep_ == "det" and c.lower_ == "the" for c in victim.children):
        return 1, "exact", [victim]  # "one was injured and the other died"
    return None


def _stray_number(victim):
    """A number right before a plural victim's phrase that the parser cut off as a fragment of
    its own ("14/ROOT Al Shabaab militants were killed")."""
    first = min(t.i for t in victim.subtree)
    prev = victim.doc[first - 1] if first else None
    if prev is not None and prev.sent.start != victim.sent.start and len(prev.sent) > 1:
        return None   # a number that ends the sentence before ("...in 2020. Militants"), not a fragment
    if victim.tag_ in ("NNS", "NNPS") and prev is not None and prev.pos_ == "NUM" and prev.dep_ in ("ROOT", "npadvmod") \
            and _is_numberish(prev) and not _in_date(prev):
        return prev
    return None


def _nearest(kids: list, deps: tuple, word) -> list:
    """Children with one of ``deps``, in order of preference then nearness to ``word``."""
    return sorted((c for c in kids if c.dep_ in deps), key=lambda c: (deps.index(c.dep_), abs(c.i - word.i)))


def _raised(verb) -> list:
    """The subject of the clause a subjectless verb hangs in ("two people were reported to
    have died", "two men were in the evening shot dead")."""
    if verb.dep_ in ("xcomp", "advcl", "conj", "ccomp") and not any(c.dep_.startswith("nsubj") for c in verb.children):
        return _nearest(list(verb.head.children), ("nsubjpass", "nsubj"), verb)
    return []


def _dangling_subject(verb) -> list:
    """A subject the parser hung on the place before it: "On 5 May, in Town, Region, a
    trafficker was killed" (the victim an apposition of the region)."""
    first = min([c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "advmod") and c.i < verb.i]
                + [verb.i])
    for t in reversed(verb.doc[verb.sent.start:first]):
        if t.dep_ == "appos" and t.pos_ in ("NOUN", "PRON") and max(x.i for x in t.subtree) >= first - 1 \
                and t.head.pos_ == "PROPN":
            return [t]
    return []


def _bracketed(tok) -> bool:
    """A phrase in brackets of its own ("6 killed (spears)"): an aside, not an argument."""
    words = [t.i for t in tok.subtree if not t.is_punct] or [tok.i]
    lo, hi, doc = min(words), max(words), tok.doc
    return lo > 0 and doc[lo - 1].text in ("(", "[") and hi + 1 < len(doc) and doc[hi + 1].text in (")", "]")


SURVIVABLE = frozenset(("abduct", "kidnap", "capture", "arrest", "detain", "attack", "shoot", "beat", "stab", "assault", "rape",
              "torture", "hit", "whip", "hack", "cut", "slash"))   # "killed and abducted 5": not all 5 are dead


def _objectless(word, kids: list) -> list:
    """The dead of a killing verb with no object: "Police reservist killed when raiders
    attack", "Four police killed, dozens hurt" (a headline passive, its subject the dead);
    "three women were reported killed", "Three men found killed" (the subject of the verb it
    completes); "attacks civilians and kills 4" (the count the parser hung on the verb)."""
    for c in kids:
        shared = [g for g in c.children if g.dep_ == "dobj"] if c.dep_ in ("ccomp", "xcomp", "conj") else []
        if shared and c.dep_ == "conj" and c.lemma_.lower() not in _kind("not_death") | SURVIVABLE and (
                shared[0].tag_ == "PRP" or c.lemma_.lower() not in _kind("death")) \
                and shared[0].lemma_.lower() not in _kind("death"):   # not "killed and mutilated the body of"
            return shared[:1]   # "killing and robbing him", "lynched and burned three men": one object of both
        if shared:
            return []   # "killed and injured 5 people": the object is the conjunct's
    counts = [c for c in kids if c.i > word.i and c.pos_ == "NUM" and c.dep_ in ("nummod", "npadvmod", "attr")]
    if counts:
        return counts[:1]
    if word.tag_ == "VBN" and word.dep_ in ("xcomp", "advcl", "ccomp") and not any(c.dep_.startswith("nsubj") for c in kids):
        return _raised(word)   # "Man found killed" (a complement clause of no subject of its own)
    own = [c for c in word.children if c.dep_ == "nsubj"]
    if own and (word.tag_ == "VBN" or word.tag_ == "VBD" and own[0].pos_ == "NUM") \
            and not any(c.dep_ in ("aux", "auxpass") for c in kids) \
            and (own[0].pos_ in ("NOUN", "NUM", "PROPN") or _is_numberish(own[0])) \
            and own[0].lemma_.lower() not in _kind("not_person"):
        return own[:1]   # "attacked the market, one killed and one injured", ", 15 killed in a village": a
        # participle's subject, or a bare count's with no object ("fights with a faction, 15 killed/VBD")
    headline = word.dep_ in ("ROOT", "ccomp", "parataxis") or word.dep_ == "conj" and word.head.tag_ in ("VBD", "VBN") \
        and word.head.dep_ in ("ROOT", "ccomp", "parataxis") and not any(
            c.dep_ in ("dobj", "aux", "auxpass") for c in word.head.children)   # "1 priest dragged ... and killed"
    if word.tag_ in ("VBD", "VBN") and headline and not any(c.dep_ in ("aux", "auxpass") for c in kids):
        subj = _nearest(kids, ("nsubj",), word)
        if subj and subj[0].pos_ in ("NOUN", "NUM", "PROPN") and subj[0].lemma_.lower() not in _kind("not_person"):
            return subj
    return []


def _victims(word, row) -> list:
    role, kids = row["role"], list(word.children)
    if word.dep_ == "conj" and word.pos_ == "VERB" and not any(c.dep_.startswith("nsubj") for c in kids):
        kids = kids + [c for c in word.head.children if c.dep_.startswith("nsubj")]  # "was shot and killed"
    if role == "subject":
        if row["lemma"] == "lose" and not any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in kids):
            return []  # only "lost their lives"
        subjects = [c for c in _nearest(kids, ("nsubj", "nsubjpass"), word) if not _in_date(c)]
        if subjects and subjects[0].tag_ in ("WDT", "WP") and word.dep_ == "relcl":
            rel = subjects[0]   # "shot one robber, who died later": a clause after a comma tells a new fact;
            told = rel.i > 0 and rel.nbor(-1).text == "," and word.head.dep_ in ("dobj", "nsubjpass")
            return [word.head] if told else []   # not "honour a man who died in riots" (who he is)
        return subjects or _raised(word) or _dangling_subject(word)
    if role == "object":
        if word.lemma_ == "gun" and not any(c.dep_ == "prt" and c.text.lower() == "down" for c in kids):
            return []
        passive = _nearest(kids, ("nsubjpass",), word)
        if passive:
            return [word.head] if passive[0].tag_ in ("WDT", "WP") and word.dep_ == "relcl" else passive
        counted = [c for c in kids if c.dep_ in ("dobj", "npadvmod", "nummod") and c.pos_ == "NUM" and c.i > word.i]
        if word.dep_ == "acl" and counted and not any(c.dep_ == "auxpass" for c in kids):
            return counted[:1]   # "1000 raiders - killed 8": an active participle's count
        if word.dep_ == "acl" and word.head.pos_ == "NUM" and not any(c.dep_ == "dobj" for c in kids):
            return [word.head]   # "fights with a faction, 15/npadvmod killed/acl in a village": the count
        if any(c.dep_ == "auxpass" for c in kids) or (word.tag_ == "VBN" and word.dep_ in ("acl", "amod", "relcl")
                                                       and not any(c.dep_ == "dobj" and c.i > word.i for c in kids)):
            return [word.head] if word.dep_ in ("acl", "amod", "relcl") else _dangling_subject(word)
        if word.dep_ == "ROOT" and not any(c.dep_ in ("dobj", "aux") for c in kids) and not any(
                c.dep_ == "conj" and any(g.dep_ == "dobj" for g in c.children) for c in kids) and \
                (word.tag_ == "VBN" or any(c.dep_ == "nsubj" and _is_numberish(next(iter(c.lefts), c))
                                            and next(iter(c.lefts), c).lower_ not in ("a", "an") for c in kids)
                 or any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in kids)):
            # headline style "5 killed in raid", "1 killed."
            after = word.nbor(1) if word.i + 1 < word.sent.end else None
            if after is not None and after.pos_ == "NUM" and not _in_date(after):
                return [after]   # "1000 raiders - killed 8, abducted 3": the count after the verb
            return _nearest(kids, ("nsubj",), word) or [c for c in word.lefts if _is_numberish(c) and c.pos_ == "NUM"][-1:]
        objects = [o for o in _nearest(kids, ("dobj",), word) if not _bracketed(o)]   # not "6 killed (spears)"
        for o in objects[:1]:
            counts = [n for n in o.children if n.dep_ == "nummod" and any(
                c.dep_ == "conj" and c.pos_ == "VERB" for c in n.children)]
            if counts:   # "killing four and stealing cattle": the parser hung the next verb on the count
                return counts
        if objects:
            return objects
        return _objectless(word, kids)
    if role == "count":
        if word.dep_ == "conj" and any(c.dep_ == "nummod" for c in word.head.children) \
                and word.head.pos_ in ("NOUN", "ADJ", "PROPN") and any(c.dep_ == "nummod" for c in kids):
            return [word.head]  # "2 rebel and 1 military fatality": both counts (the conjunct comes along)
        if word.lemma_ == "toll":
            head = word.head
            return [t for t in head.subtree if t.i > word.i and _is_numberish(t) and t.pos_ == "NUM"][:1]
        if word.dep_ == "pobj" and word.head.text.lower() == "to" and word.head.head.pos_ == "VERB":
            verb = word.head.head  # "beaten to death", "was attacked and beaten to death"
            found = _nearest(list(verb.children), ("nsubjpass", "dobj"), word)
            if not found and verb.dep_ == "conj":
                found = _nearest(list(verb.head.children), ("nsubjpass", "dobj"), word)
            if not found and word.lemma_ == "death" and verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBN") \
                    and not any(c.dep_ in ("aux", "dobj") for c in verb.children):   # "One speared to death"
                found = [c for c in _nearest(list(verb.children), ("nsubj",), word) if c.pos_ in ("NUM", "NOUN")]
            if not found and word.lemma_ == "death" and verb.tag_ == "VBN":
                found = _dangling_subject(verb)   # "On 9 May, in Town, Region, a man was beaten to death"
            if found:
                return found   # else "leading to the death of a bystander": the "of" phrase below
        of = [g for c in kids if c.dep_ == "prep" and c.text.lower() == "of" for g in c.children if g.dep_ == "pobj"]
        return of or [word]
    if role == "predicate":  # "left 5 people dead", "was found dead", "5 dead"
        if any(c.dep_ in ("nummod",) for c in kids):
            return [word]
        head = word.head
        hung = [c for c in head.children if c.dep_ == "nummod" and c.i > word.i and _is_numberish(c)]
        if head.pos_ == "VERB" and hung:
            return hung[:1]  # "shooting dead 3": the count the parser hung on the verb
        if word.dep_ == "amod" and (_is_numberish(head) or head.pos_ in ("NOUN", "PROPN")):
            return [head]  # "Five dead", "shot dead two herders"
        if head.dep_ == "acl" and head.tag_ == "VBN" and head.head.pos_ in ("NOUN", "PROPN"):
            return [head.head]   # "9 rustlers shot dead by police"
        return _nearest([c for c in head.children if c.i != word.i], ("dobj", "nsubjpass", "nsubj"), word) \
            or _raised(head)
    return []


def _with_conjuncts(tok) -> list:
    """The victim and its coordinated victims; a bare singular conjunct with no determiner
    or number of its own is the same person when a name or a singular verb says so
    ("journalist and activist Jane Roe was shot"), not in "driver and conductor killed"."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ == "PROPN" and not any(k.dep_ == "cc" for k in tok.children) \
                and knowledge().title_for(tok.text) is not None:
            continue  # "MP, Ilmi Gelle": the title's holder, one person
        if c.dep_ == "conj" and c.ent_type_ in ("GPE", "LOC", "FAC"):
            continue   # "a police officer was shot in Londrina, Parana": a place, no victim
        after = c.doc[max(t.i for t in c.subtree) + 1] if max(t.i for t in c.subtree) + 1 < len(c.doc) else None
        if c.dep_ == "conj" and after is not None and after.lemma_.lower() in _kind("not_death") | {"injure", "wound"}:
            continue   # "left 3 fighters dead and 6 others injured": the injured are no dead
        if c.dep_ == "conj":
            named = tok.tag_ == "NNP" or any(k.dep_ in ("appos", "compound", "flat") and k.tag_ in ("NNP", "NNPS")
                                             for k in (*tok.children, *c.children))
            singular = any(k.dep_ in ("aux", "auxpass") and k.lower_ in ("was", "is", "has")
                           for k in tok.head.children)
            if c.tag_ == "NN" and tok.tag_ in ("NN", "NNP") and (named or singular) and not any(
                    k.dep_ in ("det", "poss", "nummod") for k in c.children):
                continue
            out += _with_conjuncts(c)
    return out


def _along_with(word) -> list:
    """Victims added by 'along with' on the death word or the verb it completes ("was shot dead
    along with two guards", "is shot and killed, along with his nephew")."""
    verbs = [word] + ([word.head] if word.dep_ in ("oprd", "acomp", "conj") else [])
    return [g for v in verbs for a in v.children if a.dep_ == "prep" and a.lower_ == "along"
            for w in a.children if w.dep_ == "prep" and w.lower_ == "with" for g in w.children if g.dep_ == "pobj"]


def _whose(state, tok) -> list[Actor]:
    """Whose dead: the actor the victim phrase names ("his country's soldiers" -> ARM MIL)."""
    resolve = getattr(actors_stage, "resolve_phrase", None) or actors_stage.actor_of
    got = resolve(state, tok)
    if got is None:
        for t in tok.subtree:
            got = actors_stage.actor_of(state, t)
            if got is not None:
                break
    if got is None:
        return []
    return list(got) if isinstance(got, (list, tuple)) else [got]


def mentions(state, word) -> list[Mention]:
    """The death counts one death word reports (empty if no number is given)."""
    header = _toll_header(word)
    if header is not None:
        return [header]
    row = lexicon()["words"].get((word.lemma_.lower(), word.pos_))
    if row is None or row["kind"] != "death" or _no_death(word):
        return []
    coded = _coded_toll(word)
    if coded is not None:
        return [coded]
    ranged = _ranged_toll(word)
    if ranged is not None:
        return [ranged]
    out: list[Mention] = []
    animals = _kind("not_person")
    for n, v in enumerate(_victims(word, row)):
        if v.lemma_.lower() in animals or v.text.lower() in animals:
            break  # "killed 15 livestock"
        if out and row["role"] != "count":
            break  # the first candidate that gives a count is the victims
        along = [c for a in _along_with(word) for c in _with_conjuncts(a)] if n == 0 else []
        for victim in _with_conjuncts(v) + along:
            if victim is not v and victim.lemma_.lower() in animals:
                continue  # "one dead and houses burned": houses are no victims
            if victim.i == word.i and not _is_numberish(word) and not any(
                    c.dep_ in ("nummod", "quantmod") or c.text.lower() in lexicon()["numbers"] for c in word.children):
                poss = [c for c in word.children if c.dep_ == "poss"]
                if not poss or poss[0].text.lower() in ("their", "its", "our") or poss[0].tag_ in ("NNS", "NNPS"):
                    continue  # "the death", "their deaths" count no one by themselves
                victim = poss[0]  # "his death", "a man's body": one person
            got = _count(victim)
            if got is None:
                continue
            count, qual, toks = got
            if _negated(word):
                count, qual = 0, "exact"
            target = next((g for c in victim.children if c.dep_ == "prep" and c.text.lower() == "of"
                           for g in c.children if g.dep_ == "pobj"), victim)
            key = "-PRON-" if target.pos_ == "PRON" else "-NUM-" if _is_numberish(target) else target.lemma_.lower()
            out.append(Mention(count, qual, key, sorted(set(toks + [word, target]), key=lambda t: t.i),
                               _whose(state, target), f"'{word.text}' with victims '{target.text}'", word,
                               target.text))
    if len(out) > 1:  # coordinated victims of one death word add up ("40 GNA and 8 LNA soldiers")
        quals = {m.qualifier for m in out}
        victims = " and ".join(f"'{m.victim}'" for m in out)
        out = [Mention(sum(m.count for m in out), quals.pop() if len(quals) == 1 else "at_least",
                       "+".join(sorted({m.key for m in out})), sorted({t for m in out for t in m.tokens}, key=lambda t: t.i),
                       [a for m in out for a in m.of], f"'{word.text}' with victims {victims}", word, victims)]
    return out


CODED = "-CODED-"  # the key of a coder's own figure


def _ranged_toll(word) -> Optional[Mention]:
    """"Fatalities range from 1 to 2", "information on deaths ranges from 3 to 5": the
    lower figure (the codebook's conservative end)."""
    verb = next((a for a in word.ancestors if a.lemma_.lower() == "range" and a.pos_ in ("VERB", "NOUN")), None)
    if verb is None or word.dep_ not in ("nsubj", "pobj"):
        return None
    low = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
           for g in c.children if g.dep_ == "pobj" and _is_numberish(g)]
    got = parse_number([t.text for t in _number_phrase(low[0])]) if low else None
    if got is None:
        return None
    return Mention(got[0], "at_least", "-RANGE-", sorted({word, verb, low[0]}, key=lambda t: t.i), [],
                   f"'{word.text}' range from {low[0].text}: the lower figure", word, word.text)


def _coded_toll(word) -> Optional[Mention]:
    """A coder's statement of the toll ("Unclear fatalities coded as 10.", "Fatalities were
    coded as 3."): ACLED notes say so when sources give no figure; it is the event's toll."""
    subj = word
    if word.dep_ == "pobj" and word.head.text.lower() == "of" and word.head.head.lemma_.lower() == "number":
        subj = word.head.head   # "Unknown number of fatalities coded as 10."
    verb = subj.head
    if subj.dep_ not in ("nsubj", "nsubjpass") or verb.text.lower() != "coded":
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.text.lower() == "as":
            for num in prep.children:
                got = parse_number([t.text for t in _number_phrase(num)]) if num.dep_ == "pobj" else None
                if got is not None:
                    text_toks = sorted({word, verb, prep, num}, key=lambda t: t.i)
                    return Mention(got[0], "exact", CODED, text_toks, [],
                                   f"the coder's figure: '{word.text} {verb.text} as {num.text}'", word, word.text)
    return None


TOLL_HEADERS = ("fatalities", "fatality", "deaths", "dead", "killed")
HEADER_REASON = "the coder's toll field:"


def _note_event(events) -> tuple[Optional[object], str]:
    """The event a note's toll field belongs to: its first current violent event, else its
    first current typed event, else its first current event."""
    current = [e for e in events if _can_kill(e) or e.status in ("asserted", "claimed") and e.acled.event_type]
    for pick in ([e for e in current if e.acled.event_type in VIOLENT], [e for e in current if e.acled.event_type],
                 current):
        if pick:
            return pick[0], "the note's event"
    return None, "no event"


def _toll_header(word) -> Optional[Mention]:
    """A coder's toll field ("FATALITIES: 2 - ACTORS NOT SPECIFIED", "Fatalities: 3"): a
    header word, a colon, then the figure."""
    doc = word.doc
    if word.lower_ not in TOLL_HEADERS or word.i + 2 >= len(doc) or doc[word.i + 1].text != ":" \
            or not (word.text.isupper() or word.is_sent_start or word.i and doc[word.i - 1].text in (".", "(", "[", ";")):
        return None
    num = doc[word.i + 2]
    got = parse_number([t.text for t in _number_phrase(num)]) if _is_numberish(num) else None
    if got is None:
        return None
    return Mention(got[0], "exact", CODED, [word, doc[word.i + 1], num], [],
                   f"{HEADER_REASON} '{word.text}: {num.text}'", word, word.text)


def _either_or(word) -> bool:
    """A death word coordinated by 'or' with harm that is no death ("killed or injured",
    "wounded or killed", "killed, injured or captured")."""
    harm = _kind("not_death") | {"capture", "arrest", "abduct", "kidnap", "missing"}
    doc, sent = word.doc, word.sent
    i, harmed = word.i + 1, False   # "killed[, injured] or captured": the list after the word
    while i + 1 < sent.end and (doc[i].text == "," or doc[i].lemma_.lower() in harm):
        harmed, i = harmed or doc[i].lemma_.lower() in harm, i + 1
    if i + 1 < sent.end and doc[i].lower_ == "or" and (harmed or doc[i + 1].lemma_.lower() in harm):
        return True
    return word.i - 2 >= sent.start and doc[word.i - 1].lower_ == "or" and doc[word.i - 2].lemma_.lower() in harm


def _no_death(word) -> bool:
    """A death word that reports no death here: "the dead" alone, "death squads", "tried to
    kill", "escaped death", "arrested/lynched for killing", "sentenced to death"."""
    if word.lemma_ == "dead" and word.pos_ == "NOUN" and word.i > 0 and word.nbor(-1).text.lower() == "the" \
            and not list(word.children):
        return True
    if word.dep_ == "compound":
        return True  # "death toll" is counted on "toll"
    if _either_or(word):
        return True  # "2 fighters were killed, injured or captured": no one is said to be dead
    if any(c.dep_ == "advmod" and c.lower_ in ("nearly", "almost") or c.dep_ == "mark" and c.lower_ in ("whether", "if")
           for c in word.children):
        return True  # "nearly lynched", "whether anyone was killed is not clear"
    if word.dep_ == "pobj" and any(c.dep_ == "det" and c.lower_ == "no" for c in word.head.head.children):
        return True  # "no report of death or injury"
    if word.dep_ == "pcomp" and word.head.text.lower() == "for":
        return True  # "lynched for killing his brother", "arrested for killing": the reason, not a death here
    if word.dep_ == "acl" and word.tag_ == "VBN":
        return False  # "2 suspects killed by police": the suspects died
    governors = [word.head]
    if word.head.dep_ in ("aux", "prep", "mark") or word.dep_ in ("pcomp", "pobj"):
        governors.append(word.head.head)
    return word.dep_ in ("xcomp", "dobj", "pobj", "pcomp", "ccomp", "acl", "advcl") and any(
        a.lemma_.lower() in _kind("attempt") | _kind("charge") and not _misread_suspected(a, word)
        for a in governors if a.i != word.i)


def _misread_suspected(gov, word) -> bool:
    """'suspected' the parser made the verb over a clause that stands on its own: the adjective
    of the subject ("suspected militants killed villagers") or a coder's tail
    ("Grenade attack kills five; Al Shabaab involvement suspected")."""
    if gov.lower_ != "suspected" or word.dep_ != "ccomp" or not any(c.dep_.startswith("nsubj") for c in word.children):
        return False
    own_subject = any(c.dep_.startswith("nsubj") for c in gov.children)
    return gov.i > word.i or (not own_subject and gov.i < min(c.i for c in word.children if c.dep_.startswith("nsubj")))


def _owner(word, triggers: dict, counted: dict):
    """The event a death word belongs to, and how it was found."""
    kids = list(word.children)
    if word.pos_ == "ADJ" and word.dep_ in ("oprd", "acomp"):
        kids += [c for c in word.head.children if c.dep_ == "prep"]   # "were shot dead during protests"
    for c in kids:
        if c.dep_ == "prep" and c.text.lower() in IN_PREPS:
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp") and g.i in triggers:  # "killed in the clash", "after exchanging fire"
                    return triggers[g.i], f"killed in '{g.text}'"
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
    protests = [e for i, e in sorted(triggers.items()) if e.status in ("asserted", "claimed")
                and e.acled.event_type == "Protests" and i < word.sent.end
                and word.doc[i].sent.start >= (word.doc[word.sent.start - 1].sent.start if word.sent.start else 0)]
    causes = _kind("cause")
    chain = (word, *word.ancestors)
    if any(a.lemma_.lower() in causes or a.lower_ in causes or a.lemma_.lower() in ("body", "corpse") or any(
            c.dep_ == "mark" and c.lower_ in causes for c in a.children) for a in chain):
        return None, "no event (a death the protest is about)"   # "protesting the killing", "after 5 were killed"
    if protests and _said_as_reason(word.doc, word.doc.char_span(protests[-1].trigger.start, protests[-1].trigger.end,
                                                                alignment_mode="expand"), word.i):
        return None, "no event (a death the protest followed)"
    if protests:   # "Police ... accidently shot and killed a rider" told of a protest: its repression's toll
        return protests[-1], "the protest of its sentence or the one before (killed in its repression)"
    return None, "no event"


DIE_VERBS = ("die", "succumb")
CLAIM_VERBS = ("claim",)  # a toll a party claims ("claims eight dead") yields to one reported  # their subject is the dead, never a perpetrator


def _earlier_incident(word, own, triggers: dict):
    """The violent event a bare death belongs to: "Gunmen shot three drivers. Two victims
    died.", "... detonated explosives. Twelve killed." A death ("died", or "killed" with no
    killer named) with no perpetrator of its own, right after a current violent
    event (earlier in its sentence or in the sentence before), is that event's toll, and
    the death's own event is that event again (``run`` drops it)."""
    bare_dead = word.lower_ == "dead" and word.pos_ == "ADJ" and word.dep_ == "acomp"   # "six are dead"
    if own.status == "historical" or word.pos_ != "VERB" and not bare_dead:
        return None
    # "Twelve killed.", "A man was killed.", "At least one soldier killed and two wounded":
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


def _armed_dead(ev) -> None:
    """An attack whose only dead are armed men ("four police officers feared dead following an
    al Shabaab attack") is a battle: the codebook's one-sided violence targets civilians."""
    fat = ev.fatalities
    if ev.acled.sub_event_type != "Attack" or ev.recipients or fat is None or not fat.count or not fat.of:
        return
    if all(a.sector in ARMED_SECTORS for a in fat.of):
        ev.acled = AcledType(disorder_type=DISORDER.get("Battles"), event_type="Battles", sub_event_type="Armed clash")
        ev.reason = f"{ev.reason}; its dead are armed ({', '.join(a.name for a in fat.of)}): a battle"


def _can_kill(ev) -> bool:
    """Events a death can be put on without a direct link: current, and violent or untyped."""
    return ev.status != "historical" and (ev.acled.event_type is None or ev.acled.event_type in VIOLENT)


def _total(ms: list[Mention]) -> Mention:
    """One toll from several mentions of one event: the same dead counted once (the
    largest figure per kind of victim); distinct victims add up; a generic total
    ("5 fatalities") stands if it is larger."""
    coded = [m for m in ms if m.key == CODED]
    if coded:   # the coder's figure stands over the counts the sources gave
        return coded[-1]
    ms = [m for m in ms if not m.claimed] or ms   # a reported toll stands over a party's claim
    by_key: dict[str, Mention] = {}
    for m in ms:
        if m.key not in by_key or m.count > by_key[m.key].count:
            by_key[m.key] = m
    specific = [m for k, m in by_key.items() if k not in GENERIC]
    generic = [m for k, m in by_key.items() if k in GENERIC]
    best_generic = max(generic, key=lambda m: m.count, default=None)
    if specific and (best_generic is None or sum(m.count for m in specific) >= best_generic.count):
        if len(specific) == 1:
            return specific[0]
        quals = {m.qualifier for m in specific}
        return Mention(sum(m.count for m in specific), quals.pop() if len(quals) == 1 else "at_least",
                       "+".join(m.key for m in specific), sorted({t for m in specific for t in m.tokens}, key=lambda t: t.i),
                       [a for m in specific for a in m.of], "sum of " + "; ".join(m.reason for m in specific))
    return best_generic


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
    return not any(t.lower_ in SEPARATE for t in doc.char_span(first.trigger.end, last.sentence.end,
                                                                alignment_mode="expand") or [])


REASON_WORDS = ("after", "following", "over", "against", "demanding", "demand", "because")


def _said_as_reason(doc, protest, i: int) -> bool:
    """A word between a protest and a death told after it that makes the death its reason
    ("protested after 40 prisoners were killed", "demanding action after a gas leak killed 11")."""
    if protest is None or not len(protest) or protest.end > i:
        return False
    return any(t.lower_ in REASON_WORDS for t in doc[protest.end:i])


def _is_reason(doc, ev, told=None) -> bool:
    """An event (or the words ``told``, a Span record) told as the reason or antecedent of its
    sentence's event ("raids following the targeting of a vehicle", "clashes erupted after
    four bodies were found", "marched over a pupil run over by a bus")."""
    told = told or ev.trigger
    sp = doc.char_span(told.start, told.end, alignment_mode="expand")
    if sp is None or not len(sp):
        return False
    causes = _kind("cause")
    return any((a.lemma_.lower() in causes or a.lower_ in causes) and a.pos_ != "NOUN" for a in sp.root.ancestors) or any(
        c.dep_ == "mark" and c.lower_ in causes for a in (sp.root, *sp.root.ancestors) for c in a.children)


def _own_killer(word, triggers: dict) -> bool:
    """A death word that names its killer: an agent ("killed by a sniper") or the subject of
    an active killing ("police killed two"); not a pronoun (the incident's attackers told
    again: "they killed 4 people"), an event ("the explosion killed"), or a subject shared
    with the verb it is coordinated with ("gunmen attack and kill 2")."""
    if word.pos_ != "VERB":
        return False
    kids = list(word.children)
    agents = [g for c in kids + (list(word.head.children) if word.dep_ == "conj" else [])
              if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    subjects = [c for c in kids if c.dep_ == "nsubj"] if lexicon()["words"].get(
        (word.lemma_.lower(), word.pos_), {}).get("role") == "object" and any(c.dep_ == "dobj" for c in kids) else []
    return any(t.pos_ != "PRON" and t.i not in triggers and not _told_again(t) for t in agents + subjects)


def _told_again(tok) -> bool:
    """A definite common noun that names the incident's party again ("gunmen ambushed a convoy.
    The attackers killed one driver"), as a pronoun would."""
    return tok.tag_ in ("NN", "NNS") and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                                              for c in tok.children) and not any(
        c.dep_ in ("compound", "amod", "poss") and c.tag_ in ("NNP", "NNPS") for c in tok.children)


def _lead_tolls(doc, events, found: dict, triggers: dict) -> None:
    """One incident told by several events ("raided the village ... clashed with police ...
    2 were killed and 2 abducted") has one toll, on its lead event: the most prominent
    current violent event of the incident (the highest confidence, then the first told).
    A toll the parse put on a lesser mention of the incident (the abduction, 'the fighting',
    the gunfire) moves there, unless the lead has a toll of its own or the killing names
    its own killer ("A soldier was shot and killed by a sniper": the sniper's own event)."""
    rank = {e.id: (-(e.confidence or 0.0), e.trigger.start) for e in events}
    own = {eid for eid, ms in found.items() if any(_own_killer(m.word, triggers) for m in ms if m.word is not None)}
    current = [e for e in events if e.status in ("asserted", "claimed")]
    bodies = {eid for eid, ms in found.items()   # a body a protest carries or claims is its reason, not its toll
              if all(m.word is not None and m.word.lemma_.lower() in ("body", "corpse") for m in ms)}
    for ev in events:
        if ev.fatalities is None or ev.status not in ("asserted", "claimed") or ev.id in own and ev.acled.event_type:
            continue
        # an event of no ACLED type ('called for', 'demanding') yields also to a protest (its repression's toll)
        kinds = VIOLENT + (("Protests",) if ev.acled.event_type is None and ev.id not in bodies else ())
        better = sorted((h for h in current if h is not ev and h.acled.event_type in kinds and h.fatalities is None
                         and rank[h.id] < rank[ev.id] and _same_incident(doc, h, ev)), key=lambda h: rank[h.id])
        if better and better[0].acled.event_type == "Protests" and ev.fatalities.span is not None:
            lead_sp = doc.char_span(better[0].trigger.start, better[0].trigger.end, alignment_mode="expand")
            told = doc.char_span(ev.fatalities.span.start, ev.fatalities.span.end, alignment_mode="expand")
            if told is None or _said_as_reason(doc, lead_sp, told.start):
                continue
        if better:
            lead = better[0]
            lead.fatalities, ev.fatalities = ev.fatalities, None
            lead.fatalities.reason = f"{lead.fatalities.reason}; the toll of the incident '{lead.trigger.text}' " \
                                     f"leads (told also as '{ev.trigger.text}')"


def run(state):
    doc, events = state.doc, state.result.events
    triggers = {}
    for ev in events:
        sp = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
        if sp is not None and len(sp):
            triggers[sp.root.i] = ev
    found: dict[str, list[Mention]] = {}
    folded: dict[str, object] = {}   # id of a bare death's own event -> the event it is the toll of
    by_id = {ev.id: ev for ev in events}
    elsewhere: dict[int, tuple] = {}   # sentence start -> its _elsewhere_notes
    for word in doc:
        ms = mentions(state, word)
        if not ms or _protest_cause(word, triggers) or _coded_elsewhere(word, elsewhere):
            continue
        ev, how = _note_event(events) if ms[0].reason.startswith(HEADER_REASON) else _owner(word, triggers, found)
        if ev is None:
            continue
        claimed = any(a.lemma_.lower() in CLAIM_VERBS and a.pos_ == "VERB" for a in word.ancestors)
        for m in ms:
            m.reason = f"{m.reason}; {how}" + ("; a party's claim" if claimed else "")
            m.claimed = claimed
        found.setdefault(ev.id, []).extend(ms)
        own = triggers.get(word.i) or (triggers.get(word.head.i) if word.dep_ == "conj" else None)
        if own is not None and own is not ev and "tells the toll of the earlier" in how:
            folded[own.id] = ev
    for eid, ms in found.items():
        m = _total(ms)
        lo, hi = m.tokens[0], m.tokens[-1]
        text = doc[lo.i:hi.i + 1].text
        of = []
        for a in m.of:
            if a not in of:
                of.append(a)
        by_id[eid].fatalities = Fatalities(count=m.count, qualifier=m.qualifier, of=of, text=text,
                                           span=Span(text, lo.idx, hi.idx + len(hi.text)), reason=m.reason)
    _lead_tolls(doc, events, found, triggers)
    for ev in events:
        _armed_dead(ev)
    for eid, host in folded.items():
        if eid not in found:
            host.reason = f"{host.reason}; merged '{by_id[eid].trigger.text}' (its victims' deaths)"
    state.result.events = [ev for ev in events if ev.id not in folded or ev.id in found]
    return state
