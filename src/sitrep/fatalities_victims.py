"""Who died and how many: the victims of one death word read from the parse (the object of
an active verb, the subject of a passive or of "die", the number counting a noun, the
phrase "left dead" predicates), their coordinated and "along with" companions, their count
(fatalities_lex) and whose dead they are (the actors stage's resolver)."""
from __future__ import annotations

from typing import Optional

from .fatalities_lex import in_date, is_numberish, kind_words, lexicon, number_phrase, parse_number, \
    qualifier_before, range_low
from .knowledge import knowledge
from .records import Actor
from .stages import actors as actors_stage


def victim_count(victim) -> Optional[tuple[int, str, list]]:
    """(count, qualifier, tokens) of one victim phrase headed by ``victim``."""
    nums = lexicon()["numbers"]
    if victim.lower_ == "old" and victim.pos_ != "VERB" and any(t.lower_ == "year" for t in victim.subtree):
        return 1, "exact", [victim]  # "killed a 21-year-old": one person (the tagger makes the age a date)
    if victim.pos_ in ("VERB", "AUX") or in_date(victim):
        return None
    if victim.text.lower() in ("nobody", "none") or (victim.text.lower() == "one" and any(c.text.lower() == "no" for c in victim.children)):
        return 0, "exact", [victim]
    num = victim if is_numberish(victim) and (victim.pos_ in ("NUM", "NOUN", "ADJ", "DET", "PRON", "PROPN") or victim.tag_ == "LS") \
        and victim.text.lower() not in ("a", "an") else None   # "2/LS die in clashes": the tagger's list marker
    if num is None and _one_by_article(victim):
        return 1, "exact", [victim]   # "a form four student": the number names a class, not a count
    if num is None:
        for c in victim.children:
            if in_date(c):
                continue
            if c.dep_ in ("nummod", "quantmod") or (c.dep_ in ("amod", "det") and c.text.lower() in nums and c.text.lower() not in ("a", "an")):
                num = c
                break
        else:  # a number the parser hung elsewhere in the phrase ("Four/compound Azerbaijani soldiers")
            left = [t for t in victim.subtree if t.i < victim.i and t.pos_ == "NUM" and not in_date(t)
                    and not (t.i < t.head.i and in_date(t.head))]   # not the day of "27 February: a civilian shot dead"
            left = [t for t in left if parse_number([t.text]) is not None   # not "police on 11/04 shot dead two"
                    and t.head.lower_ not in AGE_UNITS]   # not the age of "a 5 yr old child"
            num = left[0] if left else _stray_number(victim)
    if num is not None:
        phrase = number_phrase(num)
        words = [t.text for t in phrase]
        for c in num.children:  # "a number of", "an unknown number of"
            if c.dep_ in ("amod", "det") and c.text.lower() in nums and nums[c.text.lower()]["kind"] == "vague":
                words = [c.text]
        got = parse_number(words)
        if got is None:
            return None
        value, kind = got
        qual, qtoks = qualifier_before(phrase[0])
        low = range_low(phrase, value)
        if low is not None:  # "2 to 4", "between 10 and 15", "10-15": the lower figure
            return low, "at_least", phrase
        if kind != "exact":
            qual = qual if qual != "exact" else kind
        return value, qual, qtoks + phrase
    for c in victim.children:  # "a family of three", "a group of 5 people"
        if c.dep_ == "prep" and c.text.lower() == "of":
            for g in c.children:
                if g.dep_ == "pobj" and (is_numberish(g) or any(k.dep_ == "nummod" for k in g.children)):
                    return victim_count(g)
    if victim.tag_ in ("NN", "NNP") or (victim.pos_ == "PRON" and victim.text.lower() in ("him", "her", "he", "she", "his")):
        return 1, "exact", [victim]  # "a man", "the driver", "his father"
    if _noun_read_as_adjective(victim):
        return 1, "exact", [victim]  # "Gunmen kill civilian/JJ"
    if victim.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in victim.children):
        return 1, "exact", [victim]  # "an unidentified gunmen is killed": the article counts one (a slip of number)
    if victim.lower_ == "other" and any(c.dep_ == "det" and c.lower_ == "the" for c in victim.children):
        return 1, "exact", [victim]  # "one was injured and the other died"
    return None


AGE_UNITS = ("yr", "yrs", "year", "years", "month", "months")


def _noun_read_as_adjective(victim) -> bool:
    """A headline's bare singular object the tagger read as an adjective ("Gunmen kill
    civilian/JJ", "kills elder"): headlines drop the article, and one such noun is one person.
    Not a number or estimate word ("killed several", "killed many")."""
    return victim.tag_ == "JJ" and victim.dep_ == "dobj" and victim.lower_ not in lexicon()["numbers"]


def _one_by_article(victim) -> bool:
    """A singular noun with an indefinite article of its own ("a form four student", "a class 8
    pupil"): one person, whatever number names the class, grade or unit in the phrase."""
    return victim.tag_ == "NN" and any(c.dep_ == "det" and c.text.lower() in ("a", "an") for c in victim.children) \
        and any(t.pos_ == "NUM" for t in victim.subtree if t.i < victim.i)


def compound_head(word):
    """The noun a chain of compounds ends in ("lynches murder suspect" -> 'suspect')."""
    while word.dep_ == "compound" and word.head.i != word.i:
        word = word.head
    return word


def _stray_number(victim):
    """A number right before a plural victim's phrase that the parser cut off as a fragment of
    its own ("14/ROOT Al Shabaab militants were killed")."""
    first = min(t.i for t in victim.subtree)
    prev = victim.doc[first - 1] if first else None
    if prev is not None and prev.sent.start != victim.sent.start and len(prev.sent) > 1:
        return None   # a number that ends the sentence before ("...in 2020. Militants"), not a fragment
    if victim.tag_ in ("NNS", "NNPS") and prev is not None and prev.pos_ == "NUM" and prev.dep_ in ("ROOT", "npadvmod") \
            and is_numberish(prev) and not in_date(prev):
        return prev
    return None


def _nearest(kids: list, deps: tuple, word) -> list:
    """Children with one of ``deps``, in order of preference then nearness to ``word``."""
    return sorted((c for c in kids if c.dep_ in deps), key=lambda c: (deps.index(c.dep_), abs(c.i - word.i)))


def _raised(verb) -> list:
    """The subject of the clause a subjectless verb hangs in ("two people were reported to
    have died", "two men were in the evening shot dead")."""
    if verb.dep_ in ("xcomp", "advcl", "conj", "ccomp") and not any(c.dep_.startswith("nsubj") for c in verb.children):
        got = _nearest(list(verb.head.children), ("nsubjpass", "nsubj"), verb)
        if not got and verb.dep_ == "xcomp" and verb.head.dep_ == "conj":
            return _raised(verb.head)   # "a member was detained and later found/conj killed/xcomp"
        return got
    return []


def _before_aux(verb) -> list:
    """The subject of a passive the parser hung elsewhere, right before its auxiliary ("attacked
    members of the tribe - 8 people/pobj were killed", "houses razed/ 1 was killed")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if any(c.dep_.startswith("nsubj") for c in verb.children) or not aux:
        return []
    first = min(a.i for a in aux)
    prev = verb.doc[first - 1] if first > verb.sent.start else None
    if prev is not None and prev.tag_ in ("NN", "NNS") and not any(c.dep_ == "nummod" for c in prev.children) \
            and prev.i > verb.sent.start:
        prev = prev.nbor(-1)   # "8 people were killed", the 8 hung on a word before
    if prev is not None and (prev.pos_ == "NUM" and parse_number([prev.text]) is not None or prev.tag_ in ("NN", "NNS")
                             and any(c.dep_ == "nummod" for c in prev.children)) and not in_date(prev):
        return [prev]
    return []


def _count_after(word):
    """A number right after a 'dead' predicate, past a qualifier ("shooting dead 2", "shot dead
    at least 2"), that the parser attached to nothing it counts."""
    doc, quals = word.doc, lexicon()["qualifiers"]
    i = word.i + 1
    for n in (3, 2, 1):
        if tuple(t.text.lower() for t in doc[i:i + n]) in quals:
            i += n
            break
    tok = doc[i] if i < word.sent.end else None
    if tok is None or tok.pos_ != "NUM" or in_date(tok) or parse_number([tok.text]) is None:
        return None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok if nxt is None or nxt.is_punct or nxt.pos_ not in ("NOUN", "PROPN") else None


def _stolen_subject(verb) -> list:
    """The subject of a passive verb the parser gave to a clause before it ("a man believed/ccomp
    to be a rebel was shot dead": 'man' the subject of 'believed')."""
    if any(c.dep_.startswith("nsubj") for c in verb.children) or not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    for c in verb.children:
        if c.dep_ in ("ccomp", "advcl", "csubj") and c.i < verb.i and c.tag_ in ("VBN", "VBD"):
            subj = [g for g in c.children if g.dep_.startswith("nsubj") and g.i < c.i and g.pos_ in ("NOUN", "PROPN", "NUM")]
            if subj:
                return subj[:1]
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
        if shared and c.dep_ == "conj" and c.lemma_.lower() not in kind_words("not_death") | SURVIVABLE and (
                shared[0].tag_ == "PRP" or c.lemma_.lower() not in kind_words("death")) \
                and shared[0].lemma_.lower() not in kind_words("death"):   # not "killed and mutilated the body of"
            return shared[:1]   # "killing and robbing him", "lynched and burned three men": one object of both
        if shared:
            return []   # "killed and injured 5 people": the object is the conjunct's
    hurt = kind_words("not_death")
    counts = [c for c in kids if c.i > word.i and c.pos_ == "NUM" and c.dep_ in ("nummod", "npadvmod", "attr")
              and not any(k.lemma_.lower() in hurt for k in c.children)]   # not "7 killed, ten wounded"
    if counts:
        return counts[:1]
    if word.tag_ == "VBN" and word.dep_ in ("xcomp", "advcl", "ccomp") and not any(c.dep_.startswith("nsubj") for c in kids):
        return _raised(word)   # "Man found killed" (a complement clause of no subject of its own)
    own = [c for c in word.children if c.dep_ == "nsubj"]
    if own and (word.tag_ == "VBN" or word.tag_ == "VBD" and own[0].pos_ == "NUM") \
            and not any(c.dep_ in ("aux", "auxpass") for c in kids) \
            and (own[0].pos_ in ("NOUN", "NUM", "PROPN") or is_numberish(own[0])) \
            and own[0].lemma_.lower() not in kind_words("not_person"):
        return own[:1]   # "attacked the market, one killed and one injured", ", 15 killed in a village": a
        # participle's subject, or a bare count's with no object ("fights with a faction, 15 killed/VBD")
    headline = word.dep_ in ("ROOT", "ccomp", "parataxis") or word.dep_ == "conj" and word.head.tag_ in ("VBD", "VBN") \
        and word.head.dep_ in ("ROOT", "ccomp", "parataxis") and not any(
            c.dep_ in ("dobj", "aux", "auxpass") for c in word.head.children)   # "1 priest dragged ... and killed"
    if word.tag_ in ("VBD", "VBN") and headline and not any(c.dep_ in ("aux", "auxpass") for c in kids):
        subj = _nearest(kids, ("nsubj",), word)
        if subj and subj[0].pos_ in ("NOUN", "NUM", "PROPN") and subj[0].lemma_.lower() not in kind_words("not_person"):
            return subj
    return []


def _noun_verb_object(word, kids: list) -> list:
    """The object of a headline killing verb the parser took for a noun and its object for an
    apposition after it ("A mob lynch/NOUN a suspect/appos"): that noun is the one killed."""
    if word.pos_ != "NOUN":
        return []
    return [c for c in kids if c.dep_ == "appos" and c.i > word.i][:1]


def _count_after_date(head) -> list:
    """A count the tagger ran into the date before it ("12 Sep. 4 killed by gunmen": '4' a nummod of
    'Sep.', 'killed' a participle on the month): the count is the victims, the month none."""
    if not in_date(head):
        return []
    return [c for c in head.children if c.dep_ == "nummod" and c.i > head.i and not in_date(c)][:1]


def victims_of(word, row) -> list:
    role, kids = row["role"], list(word.children)
    if word.dep_ == "conj" and word.pos_ == "VERB" and not any(c.dep_.startswith("nsubj") for c in kids):
        kids = kids + [c for c in word.head.children if c.dep_.startswith("nsubj")]  # "was shot and killed"
    if role == "subject":
        if row["lemma"] == "lose" and not any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in kids):
            return []  # only "lost their lives"
        subjects = [c for c in _nearest(kids, ("nsubj", "nsubjpass"), word) if not in_date(c)]
        if subjects and subjects[0].tag_ in ("WDT", "WP") and word.dep_ == "relcl":
            rel = subjects[0]   # "shot one robber, who died later": a clause after a comma tells a new fact;
            told = rel.i > 0 and rel.nbor(-1).text == "," and word.head.dep_ in ("dobj", "nsubjpass")
            return [word.head] if told else []   # not "honour a man who died in riots" (who he is)
        return subjects or _raised(word) or _dangling_subject(word)
    if role == "object":
        if word.pos_ in ("NOUN", "VERB") and word.dep_ == "compound":
            return [compound_head(word)]   # "Mob lynches/compound man": the parser's noun compound of a headline verb
        noun_verb = _noun_verb_object(word, kids)
        if noun_verb:
            return noun_verb   # "A mob lynch/NOUN a suspect/appos"
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
            if word.dep_ in ("acl", "amod", "relcl"):
                own = [c for c in kids if c.dep_ == "nsubj" and c.pos_ == "NUM" and not in_date(c)]
                head = word.head
                first = head.head
                if not own and head.dep_ == "conj" and first.dep_ == "ROOT" and first.pos_ in ("NOUN", "PROPN") \
                        and word.i == head.i + 1 and any(c.dep_ == "nummod" for c in first.children) \
                        and not any(c.dep_ in ("acl", "relcl") for c in first.children):
                    return [head.head]   # "Two gunmen and a police officer/conj killed/acl": all the headline's victims
                return own[:1] or _count_after_date(head) or [head]   # "clashes; three/nsubj killed/acl": the parser's subject
            # "30 people are reported to have been killed", "a man believed to be a rebel was killed"
            return _dangling_subject(word) or _before_aux(word) or _raised(word) or _stolen_subject(word)
        if word.dep_ == "ROOT" and not any(c.dep_ in ("dobj", "aux") for c in kids) and not any(
                c.dep_ == "conj" and any(g.dep_ == "dobj" for g in c.children) for c in kids) and \
                (word.tag_ == "VBN" or any(c.dep_ == "nsubj" and is_numberish(next(iter(c.lefts), c))
                                            and next(iter(c.lefts), c).lower_ not in ("a", "an") for c in kids)
                 or any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in kids)):
            # headline style "5 killed in raid", "1 killed."
            after = word.nbor(1) if word.i + 1 < word.sent.end else None
            if after is not None and after.pos_ == "NUM" and not in_date(after):
                return [after]   # "1000 raiders - killed 8, abducted 3": the count after the verb
            return _nearest(kids, ("nsubj",), word) or [c for c in word.lefts if is_numberish(c) and c.pos_ == "NUM"][-1:]
        objects = [o for o in _nearest(kids, ("dobj",), word) if not _bracketed(o)   # not "6 killed (spears)"
                   and not any(c.dep_ == "acl" and c.lemma_.lower() in kind_words("not_death") for c in o.children)]
        # not "1 killed 3/dobj injured/acl": the parser's object of the count of the injured
        for o in objects[:1]:
            counts = [n for n in o.children if n.dep_ == "nummod" and any(
                c.dep_ == "conj" and c.pos_ == "VERB" for c in n.children)]
            if counts:   # "killing four and stealing cattle": the parser hung the next verb on the count
                return counts
        after = word.nbor(1) if word.i + 1 < word.sent.end else None
        if objects and objects[0].pos_ in ("VERB", "AUX") and after is not None and after.pos_ == "NUM" \
                and not in_date(after):
            return [after]   # "killing 2 - DETAILS NOT SPECIFIED": the parser made the coder's words the object
        if objects:
            return objects
        return _objectless(word, kids)
    if role == "count":
        if word.dep_ == "conj" and any(c.dep_ == "nummod" for c in word.head.children) \
                and word.head.pos_ in ("NOUN", "ADJ", "PROPN") and any(c.dep_ == "nummod" for c in kids):
            return [word.head]  # "2 rebel and 1 military fatality": both counts (the conjunct comes along)
        if word.lemma_ == "toll":
            head = word.head
            return [t for t in head.subtree if t.i > word.i and is_numberish(t) and t.pos_ == "NUM"][:1]
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
        broken = _shot_dead_subject(word)
        if broken:
            return broken
        head = word.head
        hung = [c for c in head.children if c.dep_ == "nummod" and c.i > word.i and is_numberish(c)]
        if head.pos_ == "VERB" and hung:
            return hung[:1]  # "shooting dead 3": the count the parser hung on the verb
        after = _count_after(word) if head.pos_ == "VERB" and word.dep_ in ("oprd", "acomp", "advmod", "amod") else None
        if after is not None:
            return [after]   # "police responded shooting dead 2", "shooting dead at least 2": a count the parser cut off
        if word.dep_ == "amod" and (is_numberish(head) or head.pos_ in ("NOUN", "PROPN")):
            return [head]  # "Five dead", "shot dead two herders"
        if head.dep_ == "acl" and head.tag_ == "VBN" and head.head.pos_ in ("NOUN", "PROPN"):
            return [head.head]   # "9 rustlers shot dead by police"
        return _nearest([c for c in head.children if c.i != word.i], ("dobj", "nsubjpass", "nsubj"), word) \
            or _raised(head) or _stolen_subject(head)
    return []


def _shot_dead_subject(word) -> list:
    """The subject of a passive "shot dead" the parser broke: 'shot' tagged a noun ("Two policemen
    were Friday afternoon shot/NOUN dead"), hung on 'was' with no subject of its own ("A motorcyclist
    was on Saturday shot/dep dead") or 'dead' hung on a word after it ("An aid worker was shot
    dead/amod - motives/NOUN are unknown")."""
    prev = word.doc[word.i - 1] if word.i > word.sent.start else None
    if prev is None or prev.lower_ != "shot":
        return []
    hung = prev.pos_ == "VERB" and word.head.i == prev.i
    if hung and (any(c.dep_.startswith("nsubj") for c in prev.children) or prev.head.lemma_ != "be"):
        return []   # a parse the other readings take ("police shot dead two", "a man was shot dead")
    gov = prev if prev.pos_ == "VERB" and not hung else prev.head   # "was on Monday/pobj shot/dep dead": 'was'
    if not any(c.dep_ in ("aux", "auxpass") or c.lemma_ == "be" for c in (gov, *gov.children)):
        return []   # only a passive ("was shot dead"), not "police shot dead ..." told otherwise
    return _nearest([c for c in gov.children if c.i != prev.i], ("nsubjpass", "nsubj"), word)


def with_conjuncts(tok) -> list:
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
        hurt = kind_words("not_death") | {"injure", "wound"}
        if c.dep_ == "conj" and (after is not None and after.lemma_.lower() in hurt or any(
                k.dep_ in ("acl", "relcl", "amod") and k.lemma_.lower() in hurt for k in c.children)):
            continue   # "left 3 fighters dead and 6 others injured (near X)", "One dead and three/conj injured/amod":
            # the injured are no dead
        if c.dep_ == "conj":
            named = tok.tag_ == "NNP" or any(k.dep_ in ("appos", "compound", "flat") and k.tag_ in ("NNP", "NNPS")
                                             for k in (*tok.children, *c.children))
            singular = any(k.dep_ in ("aux", "auxpass") and k.lower_ in ("was", "is", "has")
                           for k in tok.head.children)
            if c.tag_ == "NN" and tok.tag_ in ("NN", "NNP") and (named or singular) and not any(
                    k.dep_ in ("det", "poss", "nummod") for k in c.children):
                continue
            out += with_conjuncts(c)
        elif _listed_appos(c):
            out += with_conjuncts(c)   # "A boy, a woman/appos, and a demonstrator/conj were killed": a list
    return out



def _listed_appos(c) -> bool:
    """An apposition that is an item of a list the parser cut ("A 7 year old boy, a pregnant
    woman/appos, and a demonstrator/conj"): its own article or count, a comma before it, and an
    'and' joining it to a further item; not one person told twice ("a farmer, a father of three")."""
    first = min(t.i for t in c.subtree)
    return c.dep_ == "appos" and c.tag_ in ("NN", "NNS") and first > 0 and c.doc[first - 1].text == "," \
        and any(k.dep_ in ("det", "nummod") and (k.text.lower() in ("a", "an") or k.pos_ == "NUM") for k in c.children) \
        and any(k.dep_ == "cc" and k.text.lower() == "and" for k in c.children) and any(k.dep_ == "conj" for k in c.children)


def split_subjects(word, victim) -> list:
    """Coordinated subjects the parser split into several of one verb ("3 policemen, 2 militia
    members, and 1 soldier/nsubjpass were killed", "4 people as well as 2 policemen/nsubjpass
    were killed"): the others, when a conjunction or comma joins the nearest to them."""
    if not victim.dep_.startswith("nsubj") or victim.head.i != word.i:
        return []
    first = min(t.i for t in victim.subtree)
    joined = first > 0 and (victim.doc[first - 1].dep_ == "cc" or victim.doc[first - 1].text == ",")
    others = [c for c in word.children if c.dep_ == victim.dep_ and c.i < first and c.pos_ == "NOUN"
              and c.ent_type_ not in ("GPE", "LOC", "FAC")] if joined else []   # not "in Town, Region/nsubjpass, a man"
    return others + [a for o in others for a in o.children if a.dep_ == "appos" and a.i < first   # "4 guards, 3/appos
                     and any(k.dep_ == "cc" for k in a.children) and any(k.dep_ == "nummod" for k in a.children)]   # drivers, and"


def along_with(word) -> list:
    """Victims added by 'along with' or 'together with' on the death word or the verb it completes
    ("was shot dead along with two guards", "is shot and killed, along with his nephew", "died
    together with his passenger"), however the parser hung 'with' (under 'along' or on the verb)."""
    verbs = [word] + ([word.head] if word.dep_ in ("oprd", "acomp", "conj") else [])
    doc = word.doc
    withs = [w for v in verbs for a in v.children if a.dep_ == "prep" and a.lower_ == "along"
             for w in a.children if w.dep_ == "prep" and w.lower_ == "with"]
    withs += [a for v in verbs for a in v.children if a.dep_ == "prep" and a.lower_ == "with" and a.i
              and doc[a.i - 1].lower_ in ("along", "together")]
    return [g for w in withs for g in w.children if g.dep_ == "pobj"]


def whose(state, tok) -> list[Actor]:
    """Whose dead: the actor the victim phrase names ("his country's soldiers" -> ARM MIL),
    read in the phrase itself, not in a clause that tells who harmed them ("a farmer who was
    shot by militants", "a herder attacked by bandits": the killers are no victims)."""
    resolve = getattr(actors_stage, "resolve_phrase", None) or actors_stage.actor_of
    got = resolve(state, tok)
    if got is None:
        for t in _own_phrase(tok):
            got = actors_stage.actor_of(state, t)
            if got is not None:
                break
    if got is None:
        return []
    return list(got) if isinstance(got, (list, tuple)) else [got]


NOT_THE_VICTIM = ("acl", "relcl", "agent", "advcl", "conj", "cc", "punct")


def _own_phrase(tok) -> list:
    """The words of the victim phrase headed by ``tok`` without its clauses and other
    victims: its modifiers and "of"/"from" phrases ("members of the KDF", "soldiers from
    Uganda"), not a relative or participle clause ("who was shot by militants", "attacked
    by bandits"), a coordinated victim or a prepositional phrase of the scene ("in a police raid")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in NOT_THE_VICTIM or c.dep_ == "prep" and c.text.lower() not in ("of", "from"):
            continue
        out += _own_phrase(c)
    return sorted(out, key=lambda t: t.i)
