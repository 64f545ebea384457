"""Place names as the actors stage reads them (stages/actors.py): whether an entity is a
place, a country written as a name, a currency's country, or sits in a place slot
("in/near X", "(X, Y)"), and which countries the document's place names point to.
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

from spacy.tokens import Token

from .geo import fold, lookup
from .knowledge import Knowledge, qualifies_currency
from .places_syntax import has_term, term_roles

GEO_NOUN_ROLES = ("feature", "area", "direction", "admin", "quarter")
HYPHENS = ("-", "‐", "–")
PLACE_UNIT_ROLES = ("area", "admin", "quarter")   # geo_terms.tsv roles of nouns that name areas and units
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "around", "across", "into", "within"}
PLACE_WORDS = {"city", "town", "village", "district", "county", "province", "state", "region", "governorate",
               "municipality", "area", "subdivision", "lga", "division", "neighborhood", "neighbourhood", "(", ")"}


def is_place(text: str) -> bool:
    return bool(lookup(text))


def big_place(text: str) -> Optional[str]:
    """Country of a name whose main reading is a region or a town of 100,000 or more, also
    with a compass word after it ("Embu East", a sub-county of Embu): a name NER took for a
    person that is more likely the place."""
    words = text.split()
    if len(words) == 2 and has_term(words[1].lower(), "direction"):
        words = words[:1]
    if len(words) != 1:
        return None
    places = lookup(words[0])
    top = places[0] if places else None
    if top is None or not top.country or not (top.kind in ("admin1", "country") or (top.population or 0) >= 100_000):
        return None
    return top.country


def place_countries(doc, kb: Knowledge, *, country_names: bool = True) -> Counter:
    """Countries of the document's place names: a country that several names may lie in
    wins over the most populous reading of one name ("Valparaiso, Zacatecas" -> MEX).
    Names NER mislabels (a region taken for a PERSON) count when they sit in a place slot.
    Without ``country_names``, names of countries ("US drone strike", "Turkey shelled")
    do not vote: only the towns and regions the text names."""
    names: list[tuple[str, float]] = []
    for ent in doc.ents:
        if qualifies_currency(ent) or kb.group_for(ent.text) or kb.igo_for(ent.text):
            continue   # a party, armed group or IGO the knowledge files hold is no place ("Jubilee")
        if ent.label_ == "ORG" and len(ent) > 1 and not place_slot(ent.root):
            # "Kisumu Girls' School", "Kabul University": a big place in an institution's name
            names += [(t.text, -0.3) for t in ent if t.pos_ == "PROPN" and len(t.text) > 3 and not geo_noun(t)]
            continue
        if ent.label_ in ("GPE", "LOC", "FAC") or (ent.label_ in ("PERSON", "NORP", "ORG") and place_slot(ent.root)
                                                   and not after_title(kb, ent) and not person_of(ent)) \
                or (ent.label_ == "NORP" and ent.root.dep_ == "compound"):   # "a Mombasa neighbourhood"
            words = [t for t in ent if not t.is_punct]
            while words and words[-1].text.lower() in PLACE_WORDS:   # "Haifa city", "Kolofata subdivision"
                words.pop()
            names.append((" ".join(t.text for t in words), 1.0))
            names += [(t.text, 0.3) for t in words if t.pos_ == "PROPN" and len(t.text) > 3 and len(words) > 1
                      and not geo_noun(t)]
    names += [(t.text, 0.7) for t in doc if t.ent_iob_ == "O" and t.pos_ == "PROPN" and place_slot(t)
              and not name_direction(t) and may_name_place(t)]
    names += [(ent[0].text, 0.7) for ent in doc.ents if ent.label_ == "PERSON" and not place_slot(ent.root)
              and big_place(ent.text) and kb.role_for(ent.text, None) is None]   # "on Garissa", "Embu East"
    names += [(t.text, 0.7) for t in doc if modifier_place(kb, t)]   # "Migori MCAs", "a Wajir shop"
    if not country_names:
        names = [(name, weight) for name, weight in names if not kb.country_for(name)]
    counts: Counter = Counter()
    for name, weight in names:
        places = lookup(name)[:8] if name else []
        if not places and name.endswith("s") and " " not in name:   # "Nairobis CBD": no apostrophe
            places = lookup(name[:-1])[:8]
        seen: set = set()
        for n, p in enumerate(places):
            if not p.country or p.country in seen:
                continue
            seen.add(p.country)
            big = p.kind in ("admin1", "country") or (p.population or 0) >= 100_000
            if weight < 0 and not (big and n == 0):
                continue   # a word of a name (weight -w): only its main reading as a big place counts
            counts[p.country] += abs(weight) * (1.0 if n == 0 else 0.6) * (1.0 if big else 0.5)
    return counts


def modifier_place(kb: Knowledge, tok: Token) -> bool:
    """A one-word name of a region or a big town (``big_place``) written as the modifier of a
    noun ("Migori MCAs", "a Wajir shop", "Nyeri KMTC students") names where the thing is or
    where its people come from, whatever NER made of the word (an organisation, a product,
    nothing). The word must be that place's own name, not another spelling of it ("Mar" is
    no Mary), an untagged word must not open its sentence, where any word has a capital
    ("Grenade attack ..."), and what it qualifies must be a common noun, over the names it
    may qualify first ("Nyeri KMTC students"), not a name ("a Toyota Landcruiser": a brand).
    Not a word of a longer entity, nor one in a place slot (both read above), nor a name NER
    read as a person's or a people's, nor one the knowledge files hold as a country, people,
    party, armed group, IGO or office holder ("Kikuyu elders"), nor a part of a hyphened name
    ("a Shan-e-Mustafa rally")."""
    if tok.pos_ != "PROPN" or tok.dep_ not in ("compound", "nmod") or place_slot(tok) \
            or tok.ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "NORP") or _in_longer_entity(tok) \
            or (tok.is_sent_start and not tok.ent_type_) or _qualified(tok).pos_ != "NOUN" or _hyphened(tok):
        return False
    text = tok.text
    places = lookup(text)
    return bool(places) and fold(places[0].name) == fold(text) and big_place(text) is not None \
        and not (kb.country_for(text) or kb.ethnic_for(text) or kb.group_for(text) or kb.igo_for(text)
                 or kb.role_for(text, None))


def _qualified(tok: Token) -> Token:
    """The word a modifier qualifies, over the proper nouns it qualifies on the way
    ("Nyeri" in "Nyeri KMTC students": "students")."""
    head = tok.head
    for _ in range(3):
        if head.pos_ != "PROPN" or head.dep_ not in ("compound", "nmod") or head.head.i == head.i:
            break
        head = head.head
    return head


def _hyphened(tok: Token) -> bool:
    """The word is joined by a hyphen to the word after or before it: part of a longer name."""
    doc = tok.doc
    after = tok.i + 1 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text in HYPHENS
    before = tok.i > 0 and doc[tok.i - 1].text in HYPHENS and not doc[tok.i - 1].whitespace_
    return after or before


def _in_longer_entity(tok: Token) -> bool:
    """The token is one word of an entity of two words or more."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.ent_iob_ == "I" or (tok.ent_iob_ == "B" and nxt is not None and nxt.ent_iob_ == "I")


def may_name_place(tok: Token) -> bool:
    """A proper noun no entity holds may name a place by itself when written with a capital,
    or in lower case only as the very name of a place ("in mombasa"; a lower-case "city" the
    tagger called a proper noun is no name, though a gazetteer's other names hold it), and not
    as a word of the title chain before a person's name ("Deputy Chief Justice X": Justice,
    Illinois is no vote)."""
    if tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON":
        return False
    return tok.text[:1].isupper() or any(p.name.lower() == tok.lower_ for p in lookup(tok.text)[:1])


def geo_noun(tok: Token) -> bool:
    """A word of a longer name that is a common noun of geography ("Kerio Valley", "Kaimosi
    University", "Embakasi East"): it names no place by itself, and its namesakes (Valley,
    Texas; Cameroon's East region) are no vote for a country."""
    return any(role in GEO_NOUN_ROLES for role in term_roles(tok.lower_))


def place_noun_name(ent) -> bool:
    """A name whose last word, or the word right after it, is a common noun of an area or an
    administrative unit ("Sittwe District", "(Chanchaga LGA, Niger)", "of Al Judayry area"):
    English names a place so, not a person. A building or a feature may bear a person's name
    ("the X mosque", "X Hospital"), so those nouns do not count, nor compass words."""
    doc = ent.doc
    words = [ent[-1], *doc[ent.end:ent.end + 1]]
    return any(role in PLACE_UNIT_ROLES for t in words for role in term_roles(t.text.lower()))


def name_direction(tok: Token) -> bool:
    """A compass word written after a proper noun is part of that name ("Embakasi East MP",
    "Embu East"), not a region called East; after a comma it may be one ("(Bertoua, East)")."""
    return has_term(tok.lower_, "direction") and tok.i > 0 and tok.nbor(-1).pos_ == "PROPN"


def after_title(kb: Knowledge, ent) -> bool:
    """A name written right after a person's title ("the MP Jane Doe", "supporters of Governor
    X") is that person's, not a place in the "of" slot: its words vote for no namesake."""
    title = kb.title_for(ent.doc[ent.start - 1].text) if ent.start > 0 else None
    return ent.label_ == "PERSON" and title is not None and title.role == "person"


def country_name(kb: Knowledge, ent) -> Optional[str]:
    """The country an entity names, also as a one-word possessive written without its
    apostrophe ("at Kenyas border"), or misspelt by one letter (``misspelt_country``) when NER
    reads the word as a country or city and no place, person or party bears it as written."""
    text = ent.text
    return kb.country_for(text) or (kb.country_for(text[:-1]) if len(ent) == 1 and text.endswith("s") else None) \
        or (kb.misspelt_country(text) if _unknown_gpe(kb, ent) else None)


def _unknown_gpe(kb: Knowledge, ent) -> bool:
    """A one-word GPE entity that nothing bundled knows as written: no gazetteer place, capital,
    territory, group, IGO, ethnic group or office holder (guards a real name one letter from a
    country's: the Egyptian town of Mallawi is no misspelt Malawi)."""
    text = ent.text
    return len(ent) == 1 and ent.label_ == "GPE" and text.istitle() and not is_place(text) \
        and not (kb.capital_for(text) or kb.territory_for(text) or kb.group_for(text) or kb.igo_for(text)
                 or kb.ethnic_for(text) or kb.role_for(text, None))


def in_parens(span) -> bool:
    """Inside an open parenthesis of its sentence: "(Mudiyah, Abyan)"."""
    depth = 0
    for t in span.sent:
        if t.i >= span.start:
            break
        depth += (t.text == "(") - (t.text == ")")
    return depth > 0


def place_slot(tok: Token) -> bool:
    """In a place position: "in/near X", "X, Y" after such a place, "(X, Y)"."""
    return slot_preposition(tok) is not None


def slot_preposition(tok: Token) -> Optional[str]:
    """The preposition of the place position ``tok`` sits in ("in", "of", ...), or None."""
    for _ in range(3):
        if tok.dep_ == "pobj" and tok.head.text.lower() in LOCATIVE_PREPS | {"of", "from", "to"}:
            return tok.head.text.lower()
        if tok.dep_ not in ("appos", "conj", "npadvmod", "compound") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def person_of(ent) -> bool:
    """A name NER reads as a person's, written after "of" (not as a modifier there: "a group of
    Nakuru matatu drivers"), that the gazetteer does not hold whole ("the arrest of Sheikh X",
    "the killing of Jane Doe"): English puts a person after "of" as often as a place ("the
    people of Mosul"), so NER's reading stands, and neither the name nor its words (a first
    name that is also a town abroad) vote for a country."""
    return ent.label_ == "PERSON" and ent.root.dep_ != "compound" and slot_preposition(ent.root) == "of" \
        and not is_place(ent.text)
