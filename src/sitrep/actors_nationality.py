"""Where a people or force belongs, for the actors stage's phrases (actors_phrases.py):
the country of a place it lives in ("Albanians in southern Serbia", "residents of the
Sudanese border town"), an ethnic group's country, a backer's country ("Iranian-backed
militias", which is not the militias' own), the country people come from ("bandits from
Ethiopia"), stance prefixes ("anti-Syria") that are no nationality, and the private people a
nationality qualifies ("a Sudanese girl"), who are civilians of that country.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from .actors_named import ent_country
from .actors_registry import COMPANY_WORDS, Resolver
from .knowledge import Knowledge, private_people

BACKING_VERBS = ("back", "support", "sponsor", "fund", "arm", "align", "ally", "finance", "train")


def place_nationality(kb: Knowledge, place: Token) -> Optional[str]:
    """'residents of the Sudanese border town', 'villagers of the Kenyan coast': the country
    of the nationality that modifies a place a phrase is 'of' or 'in' (not 'from': "gunmen
    from Somalia attack Kenyan village", parsed with the village as the object of 'from').
    A company is no place: its nationality is where it is owned ('labourers of a Chinese
    firm' are not Chinese by it)."""
    if place.lemma_.lower() in COMPANY_WORDS:
        return None
    return next((iso for c in place.children if c.dep_ in ("amod", "compound") and c.i < place.i
                 and c.ent_type_ == "NORP" for iso in [ent_country(kb, c)] if iso), None)


def residence(r: Resolver, tok: Token) -> tuple[Optional[str], str]:
    """'Albanians in southern Serbia', 'Palestinians of the West Bank': the country a
    people named by nationality or ethnicity lives in, when the phrase says (PLOVER codes
    them there)."""
    for child in tok.children:
        if child.dep_ != "prep" or child.lower_ not in ("in", "of"):
            continue
        for pobj in (g for g in child.children if g.dep_ == "pobj"):
            iso, where = _named_place(r, pobj)
            if iso:
                return iso, where
    return None, ""


def _named_place(r: Resolver, pobj: Token) -> tuple[Optional[str], str]:
    """The country of the place a preposition's object names ("southern Serbia"), with the
    words that name it."""
    name = pobj.doc[pobj.left_edge.i:pobj.i + 1]
    return r.kb.country_for(pobj.text) or r.kb.place_country(name.text) or r.kb.place_country(pobj.text), name.text


def ethnic_marked(tok: Token) -> bool:
    """'ethnic Uzbeks', 'ethnic Somali militants': people named by an ethnonym, who may live
    in any country (a nationality alone, 'Uzbeks', is read as that country's people)."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound")]
    return any(c.lower_ == "ethnic" for m in mods for c in [m, *m.children])


def placed_in(r: Resolver, tok: Token) -> tuple[Optional[str], str]:
    """The country the clause places a people in: "ethnic Somalis marched in Ethiopia", "shot
    two ethnic Uzbeks in a raid in southern Kyrgyzstan", "ethnic Azerbaijani militants
    operating in Georgia" (its own verb's or its relative clause's 'in')."""
    verbs = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.pos_ == "VERB":
        verbs.append(tok.head)
    for verb in verbs:
        for pobj in (g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                     for g in c.children if g.dep_ == "pobj"):
            inner = [g for c in pobj.children if c.dep_ == "prep" and c.lower_ == "in"
                     for g in c.children if g.dep_ == "pobj"]   # "in a raid in southern Kyrgyzstan"
            for p in [pobj, *inner]:
                iso, where = _named_place(r, p)
                if iso:
                    return iso, where
    return None, ""


def stance_prefixed(tok: Token) -> bool:
    """'anti-Syria journalist', 'pro-Iranian militia': a stance towards a country, not a nationality."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("anti", "pro")


def ethnic_country(r: Resolver, tok: Token) -> tuple[Optional[str], str]:
    """The country of an ethnic group modifying the phrase ("Luhya farmers", "Turkana
    herders"): the country actors_ethnic.tsv gives the group. A guess like the document's
    country: the event's place may replace it."""
    for child in tok.lefts:
        hit = r.kb.ethnic_for(child.text) if child.dep_ in ("amod", "compound", "nmod") else None
        if hit and hit[1] and r.kb.country_for(child.text) is None:
            return hit[1], f"ethnic group '{child.text}' (actors_ethnic.tsv)"
    return None, ""


def backer_country(r: Resolver, tok: Token) -> Optional[str]:
    """The country of a phrase's backer ("Iranian-backed militias", "militias backed by
    Iran", "Turkish-supported rebels"), which is not the phrase's own country."""
    for verb in tok.children:
        if verb.dep_ not in ("amod", "acl") or verb.lemma_.lower() not in BACKING_VERBS or verb.tag_ != "VBN":
            continue
        for c in verb.children:
            names = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "agent" else [c]
            for n in names:
                iso = ent_country(r.kb, n) if n.ent_type_ in ("GPE", "NORP") else None
                if iso:
                    return iso
    return None


def _origin_preps(tok: Token) -> list[tuple[Token, bool]]:
    """The 'from' of a phrase that says where its people come from, each with whether it is
    the phrase's own ("bandits from Ethiopia") rather than a hedged 'to be' the phrase governs
    ("bandits believed to be from Ethiopia", "gunmen suspected to be from Somalia")."""
    preps = [(c, True) for c in tok.rights if c.dep_ == "prep" and c.lower_ == "from"]
    for verb in (c for c in tok.rights if c.dep_ in ("acl", "relcl")):
        for be in (c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ == "be"):
            preps += [(c, False) for c in be.children if c.dep_ == "prep" and c.lower_ == "from"]
    return preps


def origin(kb: Knowledge, tok: Token) -> Optional[tuple[str, Span, bool]]:
    """The country the people a phrase names come from: a country or capital named right
    after its 'from' (``_origin_preps``), read whole ("from South Sudan", not Sudan) and
    however the tagger hung it inside the preposition's phrase (a headline's "militia from
    Tanzania attacks ..." parsed as "Tanzania attacks", the verb taken for a noun). Returns
    (country, the name's span, whether the 'from' is the phrase's own)."""
    doc = tok.doc
    for prep, own in _origin_preps(tok):
        first = prep.i + 1 + (prep.i + 1 < len(doc) and doc[prep.i + 1].lower_ == "the")
        ent = next((e for e in doc.ents if e.start <= first < e.end and e.label_ == "GPE"), None)
        if ent is None or ent.start < prep.i + 1 or ent.end - 1 > prep.right_edge.i:
            continue
        name = (ent[1:] if ent[0].lower_ == "the" else ent).text
        iso = kb.country_for(name) or kb.capital_for(name)
        if iso:
            return iso, ent, own
    return None


BYSTANDER_GAP = 2   # words allowed between a nationality and the person it qualifies ("a Somali teenage girl")


def bystander_head(kb: Knowledge, span: Span) -> Optional[Token]:
    """The private person or people a nationality qualifies ("a Sudanese girl", "a British
    citizen", "Somali traders"; data/actors_private_people.tsv): ACLED names them
    "Civilians (Country)" after that nationality, and the nationality names no state party.
    A word whose plural is a title ("farmer": titles.tsv "farmers", AGR) keeps the title's
    reading, which the events stage takes from the word with the nationality's country."""
    root, head = span.root, span.root.head
    if root.dep_ not in ("amod", "compound", "nmod") or not 0 <= head.i - span.end <= BYSTANDER_GAP:
        return None
    lemma = head.lemma_.lower()
    if kb.title_for(lemma) or kb.title_for(f"{lemma}s"):
        return None
    return head if head.pos_ == "NOUN" and not head.ent_type_ and lemma in private_people() else None
