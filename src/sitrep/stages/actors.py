"""Stage: actors. Every mention of a state, person, organisation, IGO or armed group
resolves to one canonical Actor (SPEC §2), with its country, PLOVER sector, title and
ACLED name and inter code.

Passes, in order (each token belongs to at most one actor):
1. PERSON entities, with the title and nationality written before them ("Armenian Prime
   Minister Nikol Pashinyan", "U.S. Secretary of State Antony Blinken") or in apposition,
   completed from the date-bounded office holders (data/office_holders.tsv) at the
   publication date; a bare surname joins the full name met before.
2. Named IGOs and groups (data/igos.tsv, data/actors_groups.tsv) and other ORG entities.
3. Noun phrases headed by a title or institution word (data/titles.tsv): "Azerbaijani
   forces", "Armenia's Defense Ministry", "the Defense Ministry in Baku", "his country's
   soldiers", "its forces", "the premier" -> a country's sub-actor (MIL, GOV, COP...) or the
   person the title refers back to.
4. Remaining country names, demonyms and capitals ("Baku said") -> the state (GOV).
5. Personal pronouns ("he", "his", "its") -> the nearest fitting actor before them.

The passes live in sitrep/actors_named.py (1, 2), actors_phrases.py (3, 5, with
actors_nationality.py and actors_identity.py) and here (4); the registry in
actors_registry.py, place-name helpers in actors_places.py.

Writes ``result.actors`` and ``state.scratch["actors"]`` (the resolver). Later stages ask
``actor_of(state, token)`` and ``resolve_phrase(state, token)``.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..actors_identity import CROWD_SECTORS, militia, names_people
from ..actors_named import (ent_country, mark_org, mark_outlet, mark_person, name_start, names_office_holder,
                            propagate_names)
from ..actors_nationality import bystander_head, ethnic_marked, placed_in, residence, stance_prefixed
from ..actors_phrases import (PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS, of_place_end, phrase_title, pronoun_actor,
                              resolve_head, resolve_phrase)
from ..actors_places import LOCATIVE_PREPS, PLACE_WORDS, big_place, country_name, in_parens, place_slot
from ..actors_registry import SCRATCH, Resolver, actor_of, resolver
from ..events_lex import cues, frames, triggers
from ..events_typing import WEAPONS
from ..knowledge import qualifies_currency

# names other stages and tests import from here (the stage's public face)
__all__ = ["run", "actor_of", "resolve_phrase", "resolver", "Resolver", "SCRATCH", "militia", "CROWD_SECTORS",
           "ent_country", "phrase_title", "stance_prefixed"]




def _phrase_span(tok: Token, r: Resolver) -> tuple[int, int]:
    start = tok.i
    for t in tok.lefts:
        if t.dep_ in ("amod", "compound", "nmod", "poss", "det", "case") and r.of(t.i) is None:
            doers = [c.i for c in t.subtree if c.dep_ == "compound" and _action_agent(c)]
            # not over an action noun and its doer ("Pokot attack Luhya farmers": the farmers are Luhya)
            start = min(start, max([t.left_edge.i] + [i + 2 for i in doers]))
    end = of_place_end(r, tok) or tok.i + 1
    for t in tok.rights:
        if t.dep_ == "prep" and t.text.lower() == "in" and any(c.dep_ == "pobj" and r.kb.capital_for(c.text) for c in t.children):
            end = t.right_edge.i + 1
    return start, end


LABEL_WORDS = 5   # at most this many words before the colon of a leading label


def _in_label(tok: Token) -> bool:
    """A word of a short label that opens a sentence ("Movement of forces: Turkish troops
    ...", "Security measures: ...") that is not the label's head: the label names a kind of
    report, and its "forces" are nobody in particular. A label that is itself a party
    ("Police: three killed") keeps its actor."""
    sent = tok.sent
    colon = next((t for t in tok.doc[sent.start:min(sent.end, sent.start + LABEL_WORDS + 1)] if t.text == ":"), None)
    if colon is None or tok.i >= colon.i:
        return False
    label = tok.doc[sent.start:colon.i]
    return label.root.i != tok.i and not any(t.ent_type_ for t in label)


def _headline_subject(tok: Token) -> bool:
    """The subject of a headline the tagger read as a noun compound: "Mob attacks woman",
    "Gunmen raids village" ("attacks" taken for a plural noun)."""
    head = tok.head
    word = head.text.lower()
    return head.i == tok.i + 1 and head.tag_ == "NNS" and any(
        word.endswith(end) and _verb_trigger(word[:-len(end)]) for end in ("s", "es")) \
        and any(c.dep_ in ("dobj", "conj") for c in head.children)


def _action_agent(tok: Token) -> bool:
    """A noun written right before an action noun names who acts ("a police raid", "a militia
    attack": a raid by the police, an attack by a militia; English noun compounds put the agent
    of an action noun before it); so does a headline's subject before its bare verb, which the
    tagger reads as one compound ("Police battle Mungiki sect"), or as a compound hung on the
    verb itself ("Turkana militia attack a camp": the militia attack). A weapon there is the
    means, not the doer ("artillery fire from an unseen side"), and an action noun that itself
    qualifies a thing outside a headline names the thing ("the police patrol car")."""
    head = tok.head
    return head.i == tok.i + 1 and (head.tag_ == "NN" or head.pos_ == "VERB") and _verb_trigger(head.lower_) \
        and (head.dep_ != "compound" or tok.i == tok.sent.start) \
        and not any(cue in WEAPONS for _, cue in cues().single(tok.lower_))


def _violent_agent(tok: Token) -> bool:
    """``_action_agent`` of a violent action ("Pokot attack Luhya farmers"): a people doing it
    is its militia, not a people doing a protest ("Maasai protest over land")."""
    return _action_agent(tok) and any(frames()[f].kind == "violent" for _, f in triggers().single(tok.head.lower_)
                                      if f in frames())


def _verb_trigger(word: str) -> bool:
    """Whether ``word`` is a one-word trigger of the event lexicon that may be a verb (event_triggers.tsv)."""
    return any("VERB" in pos for pos, _ in triggers().single(word))


def _acting(tok: Token) -> bool:
    """A capital stands for its government when it acts or is addressed ("Baku said",
    "Moscow's offer", "talks with Washington"), not as a place ("met in Brussels") or part
    of a longer name ("Lake Victoria", "the Washington Post")."""
    if tok.dep_ == "conj":
        return _acting(tok.head)
    if tok.dep_ == "pobj":
        return tok.head.text.lower() not in LOCATIVE_PREPS | {"of", "near", "to", "toward", "towards"} \
            or (tok.head.text.lower() == "to" and tok.head.head.pos_ == "VERB" and tok.head.head.lemma_ in
                ("appeal", "write", "turn", "speak", "talk", "send"))
    return tok.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "dative", "appos", "npadvmod")


def _untagged_slips(doc, kb) -> list[Span]:
    """One-word proper nouns NER left untagged that are a country name misspelt by one letter
    ("Ethopia has agreed"): read as place entities, under country_name's guards."""
    return [Span(doc, t.i, t.i + 1, label="GPE") for t in doc
            if t.ent_iob_ == "O" and t.pos_ == "PROPN" and kb.misspelt_country(t.text)]


def run(state):
    r = Resolver(state)
    state.scratch[SCRATCH] = r
    doc, kb = r.doc, r.kb
    ents = doc.ents   # built on each access: read once (this stage sets none)
    for ent in ents:
        if ent.label_ == "PERSON" and names_people(r, ent):
            continue   # "Al Hayash tribesmen", "Bani Ali and Al Badi tribesmen": a tribe's name, no person
        if ent.label_ in ("PERSON", "ORG") and mark_outlet(r, ent):
            continue   # "the opposition newspaper X": the newspaper, whatever NER made of its name
        if ent.label_ == "PERSON" or (ent.label_ in ("ORG", "GPE", "NORP") and names_office_holder(kb, ent, r.day)):
            mark_person(r, ent)
    propagate_names(r)
    for ent in ents:
        if ent.label_ in ("ORG", "NORP", "GPE") and not any(r.of(i) for i in range(ent.start, ent.end)):
            mark_org(r, ent)
    for tok in doc:
        if r.of(tok.i) is None and tok.pos_ in ("NOUN", "PROPN") \
                and (tok.dep_ != "compound" or _headline_subject(tok) or _action_agent(tok)) and not _in_label(tok):
            actor = resolve_head(r, tok, {tok.i})
            if actor is not None:
                start, end = _phrase_span(tok, r)
                r.mark(actor, start, end)
    for ent in (*ents, *_untagged_slips(doc, kb)):
        if ent.label_ not in ("GPE", "NORP", "LOC", "ORG") or any(r.of(i) for i in range(ent.start, ent.end)):
            continue
        text = ent.text
        ethnic = kb.ethnic_for(text) if ent.label_ == "NORP" or (   # "clashes between Kikuyu and Maasai"
            ent.label_ in ("GPE", "LOC", "ORG") and not place_slot(ent.root) and not in_parens(ent)
            and not (ent.root.dep_ == "compound" and ent.root.head.lower_ in PLACE_WORDS)) else None   # "Turkana village"
        if ethnic and kb.country_for(text) is None:
            name, e_iso = ethnic
            if ent.root.dep_ in ("nsubj", "compound") and (ent.root.head.pos_ == "VERB" or _violent_agent(ent.root)):
                actor = militia(r, name, e_iso, f"ethnic group '{text}' acting (actors_ethnic.tsv)")
            else:
                actor = r.get(f"ethnic:{name}:people", name=name, kind="group", country=e_iso, sector="CVL",
                              acled_name=r.kb.acled_name("Civilians ({country})", e_iso, r.day), acled_inter=7,
                              reason=f"ethnic group '{text}' (actors_ethnic.tsv)")
            r.mark(actor, ent.start, ent.end)
            continue
        if qualifies_currency(ent):
            continue   # "the US dollar exchange rate", "Kenyan shillings": a currency, no party
        iso = country_name(kb, ent)
        why = f"'{text}' names the country"
        if iso is None and kb.capital_for(text) and _acting(ent.root) and not in_parens(ent):
            iso, why = kb.capital_for(text), f"capital metonymy: '{text}' for its government"
        if iso is None:
            continue
        bystander = bystander_head(kb, ent)
        if bystander is not None:   # "a Sudanese girl", "a British citizen": civilians of that country
            phrase = doc[ent.start:bystander.i + 1].text
            r.mark(_civilians(r, iso, f"{iso}:people", phrase, f"'{phrase}': a private person, civilians of {iso}"),
                   ent.start, ent.end)
            continue
        if ent.label_ == "NORP" and ent.root.tag_ in ("NNPS", "NNS") and ent.root.dep_ not in ("amod", "compound"):
            home, where = residence(r, ent.root)
            if home is None and ethnic_marked(ent.root):
                home, where = placed_in(r, ent.root)
            why = f"'{text}': people of {iso}" + (f" living in {where} ({home})" if home else "")
            iso = home or iso
            actor = _civilians(r, iso, f"{iso}:people:{ent.text.lower()}" if home else f"{iso}:people",
                               ent.text.rstrip("’'"), why)
        else:
            actor = r.state_actor(iso, why)
        end = ent.end - 1 if ent[-1].text.lower() in ("'s", "’s") and len(ent) > 1 else ent.end
        r.mark(actor, name_start(ent), end)
    for tok in doc:
        if r.of(tok.i) is None and tok.text.lower() in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS \
                and tok.pos_ == "PRON":
            actor = pronoun_actor(r, tok)
            if actor is not None:
                r.mark(actor, tok.i, tok.i + 1)
    _tie_to_document(r)
    state.scratch["token_actor"] = r.token_actor
    return state


def _civilians(r: Resolver, iso: str, key: str, name: str, why: str):
    """The document's actor for private people of a country (PLOVER CVL; ACLED "Civilians (Country)", inter 7)."""
    return r.get(key, name=name, kind="group", country=iso, sector="CVL",
                 acled_name=f"Civilians ({r.kb.countries[iso].name})", acled_inter=7, reason=why)


def _tie_to_document(r: Resolver) -> None:
    """Sector actors of no named country ("police", "residents", "gunmen") resolved before
    the text's countries, people and parties were all read take the document's main country
    as it stands at the end; the event's own place may still replace it (implied_actors)."""
    loose = [a for a in r.actors.values() if a.id in r.untied and a.country is None and a.mentions]
    people = [a for a in r.actors.values() if a.id in r.stateless and a.country is None]
    if not loose and not people:
        return
    iso = r.doc_country()
    if iso is None:
        return
    for a in loose:
        if a.id in r.backed:   # a backed group is of the country where the text places it, not its backer's
            home = next((c for c in _slot_countries(r) if c != r.backed[a.id]), None)
            if home is not None:
                r.localise(a, home, "the country the text places it in (not its backer's)", guess=True)
            continue
        r.localise(a, iso, "the document's main country", guess=True)
    for a in people:   # "President X said ... in Haiti": a title with no nationality, the text's country
        a.country, a.acled_name = iso, r.kb.acled_name(r.stateless[a.id], iso, r.day)
        r.guessed_people.add(a.id)
        a.reason = f"{a.reason}; title without a nationality: the document's main country {iso} (the whole text)"


def _slot_countries(r: Resolver) -> list[str]:
    """Countries the text names as places ("in eastern Syria", "near Afrin"), in text order."""
    out = []
    for ent in r.doc.ents:   # not a modifier ("at a US base": whose base, not where)
        if ent.label_ not in ("GPE", "LOC") or ent.root.dep_ in ("compound", "amod") or not place_slot(ent.root):
            continue
        iso = r.kb.place_country(ent.text) or big_place(ent.text)
        if iso and iso not in out:
            out.append(iso)
    return out
