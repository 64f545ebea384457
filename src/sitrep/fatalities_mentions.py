"""Death mentions: the counts one death word reports. A word from data/fatality_words.tsv
of kind "death" that reports a death here (not "tried to kill", "sentenced to death",
"killed or injured", a lynching the victim survived, a road death) with the victims
fatalities_victims reads; a coder's own figure
("Fatalities were coded as 3", "FATALITIES: 2", a closing "4 fatalities.") or range
("fatalities range from 1 to 2") or estimate ("coded at a low estimate of 3") stands for the
toll. A mention without any number gives no toll. (How a toll is shared among events, by a
coder's split, by place or by day, is read by sitrep.fatalities_shares.)"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .fatalities_lex import TOLL_HEADERS, is_numberish, kind_words, lexicon, number_phrase, parse_number
from .fatalities_victims import along_with, compound_head, split_subjects, victim_count, victims_of, whose, \
    with_conjuncts
from .records import Actor


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
    more: bool = False  # dead told as more than those told before ("2 other policemen", "4 more bodies")
    again: bool = False  # one dead named again with 'the' ("lynched a thief ... beat the suspect to death")


def _negated(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def mentions(state, word) -> list[Mention]:
    """The death counts one death word reports (empty if no number is given)."""
    header = toll_header(word) or closing_toll(word) or coded_estimate(word)
    if header is not None:
        return [header]
    row = lexicon()["words"].get((word.lemma_.lower(), word.pos_))
    if row is None or row["kind"] != "death" or _no_death(word) or _victims_deed(word, row) or _lynching_survived(word) \
            or _road_death(word):
        return []
    coded = _coded_toll(word)
    if coded is not None:
        return [coded]
    ranged = _ranged_toll(word)
    if ranged is not None:
        return [ranged]
    out: list[Mention] = []
    animals = kind_words("not_person")
    for n, v in enumerate(victims_of(word, row)):
        if v.lemma_.lower() in animals or v.text.lower() in animals:
            break  # "killed 15 livestock"
        if out and row["role"] != "count":
            break  # the first candidate that gives a count is the victims
        along = [c for a in along_with(word) + split_subjects(word, v) for c in with_conjuncts(a)] if n == 0 else []
        for victim in with_conjuncts(v) + along:
            if victim is not v and victim.lemma_.lower() in animals:
                continue  # "one dead and houses burned": houses are no victims
            if victim.i == word.i and not is_numberish(word) and not any(
                    c.dep_ in ("nummod", "quantmod") or c.text.lower() in lexicon()["numbers"] for c in word.children) \
                    and not any(g.pos_ == "NUM" for c in word.children if c.dep_ == "amod" and c.lower_ in MORE
                                for g in c.children):   # "3/npadvmod more/amod bodies": the count of the more
                poss = [c for c in word.children if c.dep_ == "poss"]
                if not poss or poss[0].text.lower() in ("their", "its", "our") or poss[0].tag_ in ("NNS", "NNPS"):
                    continue  # "the death", "their deaths" count no one by themselves
                victim = poss[0]  # "his death", "a man's body": one person
            got = victim_count(victim)
            if got is None:
                continue
            count, qual, toks = got
            if _negated(word):
                count, qual = 0, "exact"
            target = next((g for c in victim.children if c.dep_ == "prep" and c.text.lower() == "of"
                           for g in c.children if g.dep_ == "pobj"), victim)
            key = "-PRON-" if target.pos_ == "PRON" else "-NUM-" if is_numberish(target) else target.lemma_.lower()
            out.append(Mention(count, qual, key, sorted(set(toks + [word, target]), key=lambda t: t.i),
                               whose(state, target), f"'{word.text}' with victims '{target.text}'", word,
                               target.text, more=told_as_more(target), again=count == 1 and told_again(target)))
    if len(out) > 1:  # coordinated victims of one death word add up ("40 GNA and 8 LNA soldiers")
        quals = {m.qualifier for m in out}
        victims = " and ".join(f"'{m.victim}'" for m in out)
        out = [Mention(sum(m.count for m in out), quals.pop() if len(quals) == 1 else "at_least",
                       "+".join(sorted({m.key for m in out})), sorted({t for m in out for t in m.tokens}, key=lambda t: t.i),
                       [a for m in out for a in m.of], f"'{word.text}' with victims {victims}", word, victims)]
    return out


CODED = "-CODED-"  # the key of a coder's own figure
MORE = ("other", "others", "another", "more", "additional", "further")


def told_again(victim) -> bool:
    """One victim named with 'the' or 'this' ("the suspect", "the victim"), in a sentence that does
    not say 'also': the one dead person a mention before it counts."""
    return victim.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in victim.children) \
        and not any(c.dep_ == "poss" for c in victim.children) and not any(
            t.lower_ in ("also", "too", "well", "another", "second") for t in victim.sent)


def told_as_more(victim) -> bool:
    """Victims told as dead beyond those told before: "2 other policemen were killed", "4 more
    bodies were found", "another man died", "two others reported dead"; not the definite ones
    of a set already told ("one was shot and the other hacked to death"), nor "more than 10"."""
    if any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "its", "their") for c in victim.children):
        return False
    doc = victim.doc
    words = [victim] + [t for t in victim.subtree if t.i < victim.i and t.dep_ in ("amod", "det", "advmod")]
    return any(t.lower_ in MORE and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "than") for t in words)


def _ranged_toll(word) -> Optional[Mention]:
    """"Fatalities range from 1 to 2", "information on deaths ranges from 3 to 5": the
    lower figure (the codebook's conservative end)."""
    verb = next((a for a in word.ancestors if a.lemma_.lower() == "range" and a.pos_ in ("VERB", "NOUN")), None)
    if verb is None or word.dep_ not in ("nsubj", "pobj"):
        return None
    low = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
           for g in c.children if g.dep_ == "pobj" and is_numberish(g)]
    got = parse_number([t.text for t in number_phrase(low[0])]) if low else None
    if got is None:
        return None
    return Mention(got[0], "at_least", "-RANGE-", sorted({word, verb, low[0]}, key=lambda t: t.i), [],
                   f"'{word.text}' range from {low[0].text}: the lower figure", word, word.text)


def _coded_toll(word) -> Optional[Mention]:
    """A coder's statement of the toll ("Unclear fatalities coded as 10.", "Fatalities were
    coded as 3."): ACLED notes say so when sources give no figure; it is the note's toll."""
    subj = word
    if word.dep_ == "pobj" and word.head.text.lower() == "of":
        subj = word.head.head   # "An unclear number of fatalities, coded as 12.", "Dozens of fatalities ... coded as 6."
    verb = subj.head
    if subj.dep_ not in ("nsubj", "nsubjpass") or verb.text.lower() != "coded":
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.text.lower() in ("as", "to"):   # "Total fatalities coded to 10."
            for num in prep.children:
                got = parse_number([t.text for t in number_phrase(num)]) if num.dep_ == "pobj" else None
                if got is not None:
                    text_toks = sorted({word, verb, prep, num}, key=lambda t: t.i)
                    return Mention(got[0], "exact", CODED, text_toks, [],
                                   f"the coder's figure: '{word.text} {verb.text} {prep.text} {num.text}'", word, word.text)
    return None


HEADER_REASON = "the coder's toll field:"


def toll_header(word) -> Optional[Mention]:
    """A coder's toll field ("FATALITIES: 2 - ACTORS NOT SPECIFIED", "Fatalities: 3"): a
    header word, a colon, then the figure (or all three written as one token in capitals,
    "FATALITIES:17"); a figure of 'others' ("FATALITIES: 3 others killed") is more dead than
    those told before it."""
    doc = word.doc
    glued = GLUED_HEADER.match(word.text)
    if glued is not None and glued.group(1).lower() in TOLL_HEADERS and word.text.isupper():   # "FATALITIES:17", one token
        return Mention(int(glued.group(2)), "exact", CODED, [word], [], f"{HEADER_REASON} '{word.text}'", word, word.text)
    if word.lower_ not in TOLL_HEADERS or word.i + 2 >= len(doc) or doc[word.i + 1].text != ":" \
            or not (word.text.isupper() or word.is_sent_start or word.i and doc[word.i - 1].text in (".", "(", "[", ";")):
        return None
    num = doc[word.i + 2]
    phrase = number_phrase(num) if is_numberish(num) else []
    got = parse_number([t.text for t in phrase]) if phrase else None
    if got is None:
        return None
    after = doc[phrase[-1].i + 1] if phrase[-1].i + 1 < len(doc) else None
    return Mention(got[0], "exact", CODED, [word, doc[word.i + 1], num], [],
                   f"{HEADER_REASON} '{word.text}: {num.text}'", word, word.text,
                   more=after is not None and after.lower_ in ("other", "others"))   # "FATALITIES: 3 others killed"


GLUED_HEADER = re.compile(r"^([A-Za-z]+):(\d+)$")
ESTIMATE = re.compile(r"(?i:estimates?\b[\s:]*(?:only\b[\s:]*)?(?:of\s+|at\s+|include\s+)?)(\d[\d,]*)\b(?!\s*[-/]|\.\d)"
                      r"(?=\s*(?:$|[^\w\s]|[A-Z]|(?i:people|persons|deaths|fatalities|dead|killed)\b))")


def coded_estimate(word) -> Optional[Mention]:
    """A coder's estimate standing for the toll ("coded at low estimate of 3", "FATALITIES:
    Estimate of 3 people", "ESTIMATE ONLY: 24"): ACLED codes an estimate where sources give no
    firm figure (acled-codebook-text/fatalities.txt). Only in a sentence about the dead or their
    coding (or right after a toll field cut off as a sentence), and only a figure of the dead (not a date range
    "31-12", not one of two figures "10/ 6", not "20 houses")."""
    if word.lower_ not in ("estimate", "estimates"):
        return None
    sent, doc = word.sent, word.doc
    cut = sent.start > 1 and doc[sent.start - 1].text == ":" and doc[sent.start - 2].lower_ in TOLL_HEADERS
    if not cut and not any(t.lower_.startswith("fatal") or t.lower_ == "coded" or t.lemma_.lower() in (
            "death", "dead", "kill", "die") for t in sent):   # cut: "FATALITIES:" parsed as a sentence of its own
        return None
    found = ESTIMATE.match(doc.text, word.idx, sent.end_char)
    if found is None:
        return None
    num = doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
    return Mention(int(found.group(1).replace(",", "")), "about", CODED, [word, *num], [],
                   f"the coder's estimate: '{found.group(0)}'", word, word.text)


def _victims_deed(word, row) -> bool:
    """A killing told of who a dead man is ("a man who killed his wife was lynched", "a suspect
    they believe killed a child", "a student suspected of joining a raid that killed six was
    stoned to death"): the death word sits in the phrase of another death word's victim and its
    dead are others; it is the victim's deed, not this event's toll."""
    words = lexicon()["words"]
    if any(c.dep_ == "prep" and c.lower_ in ("in", "during") for c in word.children):
        return False   # "gunmen who had killed three villagers in an attack": an incident of its own
    nouns = {n.i for n in word.ancestors if n.pos_ in ("NOUN", "PROPN")} - {v.i for v in victims_of(word, row)}
    prev = word.doc[word.i - 1] if word.i else None
    if prev is not None and prev.dep_ == "relcl" and word.dep_ in ("conj", "advcl") and prev.head.pos_ in ("NOUN", "PROPN"):
        nouns.add(prev.head.i)   # "lynches a man they believe/relcl killed/conj a child": the parser's clause
    if not nouns:
        return False
    for gov in word.sent:
        grow = words.get((gov.lemma_.lower(), gov.pos_))
        if gov.i != word.i and grow is not None and grow["kind"] == "death" and not _no_death(gov) \
                and nouns & {v.i for v in victims_of(gov, grow)}:
            return True
    return False


def closing_toll(word) -> Optional[Mention]:
    """A coder's closing total: a sentence of only a count and a toll word that ends the note
    ("... A third man died in hospital. 3 fatalities.", "Five fatalities.")."""
    doc, sent = word.doc, word.sent
    if word.lower_ not in TOLL_HEADERS:
        return None
    words = [t for t in sent if not t.is_punct]
    rest = doc[sent.end:].text.strip()
    if len(words) < 2 or words[-1].i != word.i or rest and not (rest.startswith("[") and rest.endswith("]")):
        return None
    got = parse_number([t.text for t in words[:-1]]) if all(is_numberish(t) for t in words[:-1]) else None
    if got is None or got[1] != "exact":
        return None
    return Mention(got[0], "exact", CODED, words, [], f"{HEADER_REASON} closing '{sent.text.strip()}'", word, word.text)


def _either_or(word) -> bool:
    """A death word coordinated by 'or' with harm that is no death ("killed or injured",
    "wounded or killed", "killed, injured or captured")."""
    harm = kind_words("not_death") | {"capture", "arrest", "abduct", "kidnap", "missing"}
    doc, sent = word.doc, word.sent
    i, harmed = word.i + 1, False   # "killed[, injured] or captured": the list after the word
    while i + 1 < sent.end and (doc[i].text == "," or doc[i].lemma_.lower() in harm):
        harmed, i = harmed or doc[i].lemma_.lower() in harm, i + 1
    if i + 1 < sent.end and doc[i].lower_ == "or" and (harmed or doc[i + 1].lemma_.lower() in harm):
        return True
    return word.i - 2 >= sent.start and doc[word.i - 1].lower_ == "or" and doc[word.i - 2].lemma_.lower() in harm


def _headline_verb(word) -> bool:
    """A killing verb the parser made a noun compound of its object ("Mob lynches/compound man/ROOT",
    "Mob lynches/compound murder/compound suspect/ROOT")."""
    row = lexicon()["words"].get((word.lemma_.lower(), word.pos_))
    return word.pos_ in ("NOUN", "VERB") and row is not None and row["role"] == "object" and word.dep_ == "compound" \
        and compound_head(word).dep_ == "ROOT" and compound_head(word).pos_ == "NOUN" and word.i > 0


def _no_death(word) -> bool:
    """A death word that reports no death here: "the dead" alone, "death squads", "tried to
    kill", "escaped death", "arrested/lynched for killing", "sentenced to death"."""
    if word.lemma_ == "dead" and word.pos_ == "NOUN" and word.i > 0 and word.nbor(-1).text.lower() == "the" \
            and not list(word.children):
        return True
    if word.dep_ == "compound" and not _headline_verb(word):
        return True  # "death toll" is counted on "toll"
    if _either_or(word):
        return True  # "2 fighters were killed, injured or captured": no one is said to be dead
    if any(c.dep_ == "advmod" and c.lower_ in ("nearly", "almost") or c.dep_ == "mark" and c.lower_ in ("whether", "if")
           for c in word.children):
        return True  # "nearly lynched", "whether anyone was killed is not clear"
    if any(c.dep_ == "aux" and c.lower_ in ("may", "might", "could") for c in word.children):
        return True  # "3 others may have been killed": ACLED's conservative figure leaves the possible dead out
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
        a.lemma_.lower() in kind_words("attempt") | kind_words("charge") and not _misread_suspected(a, word)
        for a in governors if a.i != word.i)


LYNCH = ("lynch", "lynche")
SURVIVAL = ("rescue", "survive")
NONE_DIED = re.compile(r"\bno\s+(?:fatalities|deaths)\b", re.I)


def _lynching_survived(word) -> bool:
    """A lynching whose report, from its own sentence on, tells that its victim lived ("A thief
    is lynched by a mob. Police rescued him before death", "the couple survived", "No fatalities
    reported"): a mob's lynching is its beating, not always a killing (data/fatality_words.tsv),
    and ACLED codes only deaths reported. Someone else rescued ("lynched a man who had attacked
    his wife ... came to rescue the wife") is no survival of it."""
    if word.lemma_.lower() not in LYNCH:
        return False
    after = word.doc[word.sent.start:]
    if NONE_DIED.search(after.text):
        return True
    lynched = {t.lemma_.lower() for c in word.children if c.dep_ in ("dobj", "nsubjpass") for t in (c, *c.conjuncts)}
    return any(t.lemma_.lower() in SURVIVAL and any(_the_lynched(p, lynched) for p in _survivors(t)) for t in after)


def _survivors(verb) -> list:
    """Who a survival verb says lived: the one rescued ("rescued him", "he is rescued") or the one
    who survived ("the couple survived")."""
    deps = ("dobj", "nsubjpass") if verb.lemma_.lower() == "rescue" else ("nsubj",)
    return [c for c in verb.children if c.dep_ in deps]


def _the_lynched(person, lynched: set[str]) -> bool:
    """A survivor that can be the lynching's victim: a pronoun, the victim's noun again, or a noun
    the text has not named before (someone named earlier who is not the victim is someone else)."""
    lemma = person.lemma_.lower()
    return person.pos_ == "PRON" or lemma in lynched or lemma not in {t.lemma_.lower() for t in person.doc[:person.i]}


CRASH_VERBS = ("hit", "strike")   # a vehicle that hit someone ("his motorbike hit and killed a man")


def _road_death(word) -> bool:
    """A killing told as a road crash ("his motorbike hit and killed a man", "was knocked down
    and killed", "collided with a motorcycle, killing two") or done by a vehicle ("killed by a
    vehicle"): a road death, not a death of political violence (data/fatality_words.tsv, kind
    traffic). Read on the death verb and the verb it is coordinated with or a clause of; not
    where a weapon is in that clause ("the truck hit a landmine, killing five")."""
    traffic, tools = kind_words("traffic"), kind_words("instrument")
    for verb in (word, word.head) if word.dep_ in ("conj", "advcl") else (word,):
        if verb.pos_ != "VERB" or any(t.lemma_.lower() in tools for t in verb.subtree):
            continue
        doers = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"] if verb is word \
            else [c for c in verb.children if c.dep_ == "nsubj"] if verb.lemma_.lower() in CRASH_VERBS else []
        if verb.lemma_.lower() in traffic or any(d.lemma_.lower() in traffic for d in doers):
            return True
    return False


def _misread_suspected(gov, word) -> bool:
    """'suspected' the parser made the verb over a clause that stands on its own: the adjective
    of the subject ("suspected militants killed villagers") or a coder's tail
    ("Blast at a market kills five; militants suspected")."""
    if gov.lower_ != "suspected" or word.dep_ != "ccomp" or not any(c.dep_.startswith("nsubj") for c in word.children):
        return False
    own_subject = any(c.dep_.startswith("nsubj") for c in gov.children)
    return gov.i > word.i or (not own_subject and gov.i < min(c.i for c in word.children if c.dep_.startswith("nsubj")))
