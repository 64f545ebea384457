"""Places, step 1: how a place name sits in its sentence: the role it plays (a locative "in X",
the target of a verb, where someone spoke, an actor), the countries a document or sentence names,
and the coder's "LOCATION:" field. The stage is sitrep.stages.places."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional

from .geo import Place, terms, titled


PLACE_LABELS = ("GPE", "LOC", "FAC")
STRONG = ("locative", "target")
PLACING = ("locative", "route", "coded")  # roles that say where (a route's end, "the Mpeketoni-Lamu road", is weaker;
# a coder's note, "coordinates for Kapedo used", decides)
SETTLEMENT_WORDS = ("city", "town", "village", "municipality", "township")
ROUTES = ("road", "highway", "route", "border", "boundary")  # "the X-Y road" runs from X (near it: precision 2)


@dataclass
class Mention:
    start: int          # token offsets of the whole phrase ("southern and central Armenia")
    end: int
    anchor: int         # the name's root token
    head: int           # the token the phrase attaches to (preposition's head or verb)
    place: Place
    precision: int
    role: str           # locative | target | speech | other
    reason: str
    entity: bool = True  # found by the NER as GPE/LOC/FAC (else a proper noun the gazetteer knows)
    alias: bool = False  # found by another name than the place's own ("Bala" for Basel)
    contained: bool = False  # followed by its region or country ("Ol Kalou in Nyandarua County"), which agrees
    variant: bool = False  # found only as another transliteration of a town's name ("Quamishli": Al Qamishli)
    seat: Optional[Place] = None  # the seat town a region's name alone stands for ("in Wajir"), where the event is
    seat_precision: Optional[int] = None  # put; the mention still ranks and teaches as the region


def term_roles(word: str) -> dict:
    return terms().get(word.lower(), {})


def has_term(word: str, role: str) -> bool:
    return role in term_roles(word)


def country_named(text: str) -> Optional[str]:
    from .knowledge import knowledge

    return knowledge().country_for(text)


def possessive_stem(tok) -> Optional[str]:
    """The name ``tok`` may be the possessive of, written without its apostrophe ("Kenyas coast", "Manderas
    cattle market"): the word less its final "s", where a word it may qualify follows."""
    doc, text = tok.doc, tok.text
    if len(text) < 5 or not text.endswith("s") or text.endswith("ss") or tok.i + 1 >= len(doc) \
            or doc[tok.i + 1].pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    return text[:-1]


def possessive_country(tok) -> Optional[str]:
    """ISO3 of the country ``tok`` names as a possessive without its apostrophe ("Kenyas Tana River County")."""
    stem = possessive_stem(tok)
    return country_named(stem) if stem and not country_named(tok.text) else None


def document_countries(doc) -> list[str]:
    """ISO3 of the countries the document names, most mentioned first; not a country that only qualifies
    a currency ("protests over the soaring US dollar rate" in a Lebanese story)."""
    from .knowledge import qualifies_currency

    counts: Counter = Counter()
    first: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "LOC") and not qualifies_currency(ent):
            iso3 = country_named(ent.text) or possessive_country(ent[0])  # ("Kenyas Tana River County")
            if iso3:
                counts[iso3] += 1
                first.setdefault(iso3, ent.start)
    return sorted(counts, key=lambda c: (-counts[c], first[c]))


def sentence_countries(sent) -> set[str]:
    return {c for e in sent.ents if e.label_ in ("GPE", "NORP", "LOC") for c in [country_named(e.text)] if c}


def names_inhabitants(tok) -> bool:
    """Whether ``tok`` names people by where they live ("residents", "traders")."""
    return has_term(tok.lemma_.lower(), "inhabitant")


def _people_modified(tok):
    """The person or group noun that place name ``tok`` modifies ("the Kitui mayor", "Isiolo
    militia", "Kisumu based journalists", "Nairobi-based police"), if any."""
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].head.i == tok.head.i and doc[tok.i + 1].dep_ == tok.dep_ \
            and has_term(doc[tok.i + 1].lemma_.lower(), "people"):
        return doc[tok.i + 1]  # "Nairobi police arrest ...", parsed as two subjects
    if tok.dep_ not in ("compound", "amod", "npadvmod", "nmod"):
        return None
    head = tok.head
    if head.lower_ == "based":
        head = head.head
    while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head  # "the Kitui county commissioner": the commissioner
    return head if head.pos_ in ("NOUN", "PROPN") and has_term(head.lemma_.lower(), "people") else None


def role_of(tok) -> tuple[str, object, Optional[int]]:
    """(role, the token the name attaches to, precision implied by a vicinity word); a name in a
    coder's "LOCATION: Kalaha, Saboti Constituency" field is "coded": the coder's own note of where the
    note's events were, which outranks the places its story names."""
    if tok.i in _coder_fields(tok.doc):
        role, head, vicinity = _role_of(tok)
        return "coded", head, vicinity if role == "locative" else None
    return _role_of(tok)


def _titled_person(tok) -> bool:
    """Whether ``tok`` is an office's title that a place or country follows with "of" ("President", "Governor")."""
    from .knowledge import knowledge

    title = knowledge().title_for(tok.lower_)
    return title is not None and title.role == "person" and title.sector != "CVL"  # (not "residents of Molo")


def _role_of(tok) -> tuple[str, object, Optional[int]]:
    town = tok.head if tok.dep_ == "compound" and tok.head.lower_ in SETTLEMENT_WORDS else tok
    named = town.dep_ == "compound" or town.dep_ == "amod" and town.pos_ == "ADJ" and not town.ent_type_ \
        and titled(town.text)  # (a name the tagger made an adjective: "Lamu residents")
    if named and names_inhabitants(town.head):
        return "locative", town.head, None  # "Kibwezi residents", "Embu Town traders": where they live
    people = _people_modified(tok)
    if people is not None:  # "the Kitui mayor": a weaker tie, for a sentence that names no better place
        return "attributive", people, term_roles(people.lemma_.lower()).get("people")
    r = tok
    if tok.dep_ == "poss" and tok.head.dep_ == "pobj" and has_term(tok.head.head.lower_, "locative"):
        r = tok.head  # "in Nairobi's Freedom Park": the possessor says where (not "Baku's forces")
    while r.dep_ in ("compound", "amod", "nmod", "appos", "conj", "flat", "nummod") and r.head is not r:
        r = r.head
    if r is not tok and r.lemma_.lower() in ROUTES and any(t.text == "-" for t in tok.doc[max(0, tok.i - 1):r.i]):
        return "route", r, 2  # "blocked the Mpeketoni-Lamu road", "the Isiolo-Meru border": near the town
    if r is not tok and r.lemma_.lower() in ("road", "highway") and r.dep_ in ("dobj", "pobj", "nsubjpass"):
        return "route", r, 2  # "blocked the Saddnayel road": a road named after the town it leads to, near it
    if r.dep_ == "pobj":
        prep = r.head
        word = prep.text.lower()
        vicinity = term_roles(word).get("vicinity")
        if word in ("of", "from") and (has_term(prep.head.text, "area") or has_term(prep.head.text, "vicinity")):
            return "locative", prep.head, term_roles(prep.head.text.lower()).get("vicinity")
        if word == "of" and has_term(prep.head.text.lower(), "direction"):
            return "locative", prep.head, 2  # "south of Rafah", "10 km east of Garissa": near the town
        if word == "of" and _titled_person(prep.head):
            return "attributive", prep.head, 2  # "the President of Brazil", "the Governor of Mombasa": the office's
            # place, a weak tie like "the Kitui mayor", not where the event is
        if word == "of" and (prep.head.pos_ == "PROPN" or r.text.lower() in SETTLEMENT_WORDS):
            # "Bat Galim Square of Haifa city", "University of Nairobi"
            return "locative", prep.head, term_roles(prep.head.text.lower()).get("vicinity")
        if word == "of" and prep.head.pos_ in ("NOUN", "VERB"):
            return "of", prep.head, None  # "residents of Molo" (a place), "invasion of Ukraine" (a target)
        if word == "on" and (prep.head.pos_ == "NOUN" and has_term(prep.head.lemma_.lower(), "feature")
                             or r is not tok and has_term(r.lemma_.lower(), "feature")):
            return "locative", prep.head, 2 if r.lemma_.lower() in ("border", "frontier") else None
            # "the county offices on Hola", "villages on the Isiolo-Meru border" (near it)
        if word in ("on", "against") and prep.head.pos_ in ("NOUN", "VERB"):
            return "target", prep.head, None
        if word == "into" and _went_away(prep.head):
            return "goal", prep.head, None  # "fled into Somalia", "took them into Somalia": where they went
        if has_term(word, "locative") or word == "to" and prep.head.text.lower() in ("close", "next"):
            head = prep.head
            spoke = has_term(head.lemma_, "speech") and any(c.dep_ == "nsubj" for c in head.children)
            if spoke or (head.dep_ == "nsubj" and has_term(head.head.lemma_, "speech")):
                return "speech", head, None  # "said in Baku", "the ministry in Baku said"
            if word == "to":
                vicinity = 2
            return "locative", head, vicinity
        return "other", prep.head, None
    if r.dep_ in ("dobj", "nsubjpass"):
        return "target", r.head, None
    if r.dep_ == "npadvmod" and r.head.pos_ in ("VERB", "AUX") and r.head.dep_ in ("ROOT", "conj") \
            and not (r.i + 1 < len(r.doc) and r.doc[r.i + 1].text == "-"):
        return "locative", r.head, None
    return "other", r.head, None


def _went_away(verb) -> bool:
    """Whether ``verb`` tells of going away (``departure`` rows of data/geo_terms.tsv: "fled", "took the hostages"),
    or of going back ("crossed back", "returned back"): the place it goes "into" is not where the event was."""
    lemma = verb.lemma_.lower()
    return verb.pos_ == "VERB" and (has_term(lemma, "departure") or lemma in ("cross", "return")
                                    and any(c.lower_ == "back" for c in verb.children))


def _coder_fields(doc) -> tuple:
    """The token indices of a coder's "LOCATION: ..." field (up to the next full stop, at most 20 tokens
    on), found once per document (kept in ``doc.user_data`` as a tuple, which Doc serialisation takes)."""
    key = "sitrep_places_coder_fields"
    if key not in doc.user_data:
        inside = []
        for t in doc:
            if t.lower_ == "location" and t.i + 1 < len(doc) and doc[t.i + 1].text == ":":
                for u in doc[t.i + 1:min(len(doc), t.i + 21)]:
                    if u.text == ".":
                        break
                    inside.append(u.i)
        doc.user_data[key] = tuple(sorted(set(inside)))
    return doc.user_data[key]


def chain_dep(tok) -> str:
    """The dependency of a name through coordination ("Moscow and Baku said" -> nsubj);
    a name modifying a noun ("Kahawa residents") keeps its compound role."""
    while tok.dep_ in ("flat", "appos", "conj") and tok.head is not tok:
        tok = tok.head
    return tok.dep_


def directions_start(doc, start: int) -> int:
    """The start of a run of direction words before token ``start`` ("southern and central")."""
    i = start
    while i > 0 and (has_term(doc[i - 1].text, "direction") or
                     (doc[i - 1].text in ("and", ",", "-") and i > 1 and has_term(doc[i - 2].text, "direction"))):
        i -= 1
    return i
