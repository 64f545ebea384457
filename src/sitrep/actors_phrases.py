"""Pass 3 and 5 of the actors stage (stages/actors.py): noun phrases headed by a title or
institution word (data/titles.tsv) -> a country's sector actor, a named armed group, an
IGO's or organisation's people, or the person the title refers back to ("Azerbaijani
forces", "Armenia's Defense Ministry", "his country's soldiers", "Hamas fighters", "UN
peacekeepers", "the premier"); and personal pronouns -> the nearest fitting actor.

``resolve_phrase(state, token)`` is the entry later stages use.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .actors_identity import CROWD_SECTORS, ethnic_attackers, ethnic_militia, in_context
from .actors_named import ent_country, group_actor, title_key
from .actors_nationality import (backer_country, ethnic_country, ethnic_marked, origin, place_nationality,
                                 placed_in, residence, stance_prefixed)
from .actors_places import big_place, is_place
from .actors_registry import Resolver, resolver
from .knowledge import ARMED_SECTORS, STATE_FORCES, Title
from .records import Actor

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
PLURAL_PRONOUNS = {"they", "them", "their", "themselves"}
TITLE_SYNONYMS = {"premier": ("prime minister", "premier"), "pm": ("prime minister",)}
GROUP_WORDS = {"group", "number", "hundreds", "dozens", "thousands", "scores", "crowd", "band", "bunch"}
AGENT_ENDS = ("ers", "ors", "ists", "ants", "ents", "eers")   # agent nouns: people ("advisers", "contractors")
OPPOSING_VERBS = {"repel", "repulse", "foil", "thwart", "resist", "counter", "fend"}   # one opposes another's act


def resolve_phrase(state, token: Token, _seen: Optional[set] = None) -> Optional[Actor]:
    """The actor the noun phrase headed by ``token`` refers to ("Azerbaijani forces", "his
    country's soldiers", "Armenia's Defense Ministry", "the premier", "its"), creating a
    country's sector actor when needed (one per country, sector and name in a document)."""
    r = resolver(state)
    known = r.of(token.i)
    if known is not None:
        return known
    return resolve_head(r, token, _seen if _seen is not None else {token.i})


def resolve_head(r: Resolver, tok: Token, seen: set) -> Optional[Actor]:
    if tok.pos_ == "PRON" or tok.text.lower() in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
        return pronoun_actor(r, tok)
    if tok.lemma_.lower() in GROUP_WORDS or tok.text.lower() in GROUP_WORDS:   # "a group of farmers protested"
        for member in (p for c in tok.children if c.dep_ == "prep" and c.text.lower() == "of"
                       for p in c.children if p.dep_ == "pobj"):
            hit = phrase_title(r, member)
            if hit is not None and hit[0].kind == "armed_group":   # "a group of Pokot militia": the militia
                return resolve_head(r, member, seen)
            if hit is not None and hit[0].role == "body":
                attackers = ethnic_attackers(r, member, hit[0], tok)
                if attackers is not None:
                    return attackers
                iso, _, why = _modifier_country(r, member, seen)
                guessed = iso is None
                if guessed:
                    iso, why = r.doc_country(), "the document's main country"
                return r.sub_actor(iso, in_context(hit[0], tok), f"'{tok.text} of {member.text}' with {why}",
                                   guessed=guessed)
        attackers = ethnic_attackers(r, tok, None) if tok.tag_ not in ("NNS", "NNPS") else None
        if attackers is not None:   # "a Luo group attacked": the people's militia (groups may be of two peoples)
            return attackers
    hit = phrase_title(r, tok) or _modifier_title(r, tok)
    if hit is None:
        return None
    title, first = hit
    # a title in apposition to a named person is that person ("his counterpart Sergei Lavrov"),
    # a media title in apposition to a named outlet that outlet ("the newspaper X")
    named = ("person", "organization") if title.kind == "organization" else ("person",)
    for child in tok.children:
        if child.dep_ == "appos" and r.of(child.i) is not None and r.of(child.i).kind in named:
            return r.of(child.i)
    if title.kind == "armed_group" or title.phrase in ("community", "ethnic group"):
        ident = ethnic_militia(r, tok, title)
        if ident is not None:
            return ident
    group = _group_modifier(r, tok, seen, title)
    if group is not None and title.sector in ARMED_SECTORS and (title.sector != "COP" or group.kind == "state"):
        return group   # "its fighters" (the RSF's), "Hamas militants", "KDF soldiers": the group itself
    if title.sector in ARMED_SECTORS and title.role != "person":
        written = _group_written(r, tok)
        if written is not None:   # "Islamic state militants", "al-shabaab fighters": a known group in lower case
            return written
    if title.sector in ("REB", "PRM", "UAF", "MIL") and title.role != "person":
        named = _named_force(r, tok, title) or _from_group(r, tok)
        if named is not None:
            return named
    org = _org_modifier(r, tok, title, seen)
    if org is not None:   # "Red Cross officials", "Hamas officials", "the militia's spokesman"
        return org
    igo = _igo_modifier(r, tok)
    if igo is not None:   # "UN peacekeepers", "NATO troops", "AU forces"
        if title.sector == igo.sector or title.role == "person":
            return igo
        return r.get(f"{igo.id}:{title.sector}", name=f"{igo.name} ({title.phrase})", kind="igo", sector=title.sector,
                     members=list(igo.members), acled_name=igo.acled_name, acled_inter=8,
                     reason=f"'{title.phrase}' of {igo.name}")
    iso, _, why = _modifier_country(r, tok, seen)
    if iso is not None and ethnic_marked(tok):
        home, where = residence(r, tok)
        if home is None:
            home, where = placed_in(r, tok)
        if home is not None and home != iso:
            iso, why = home, f"{why}, an ethnic group living in {where} ({home})"
    backer = backer_country(r, tok) if iso is None else None   # "Iranian-backed militias": not of Iran
    guessed = iso is None
    if title.role == "person":
        if iso is None:
            words = TITLE_SYNONYMS.get(title.phrase, (title.phrase,))
            prev = _recent(r, tok.i, lambda a: a.kind == "person" and (a.title or "").lower() in words, sentences=6)
            if prev is not None or title.sector not in CROWD_SECTORS + STATE_FORCES or tok.tag_ != "NN":
                return prev
            # "a journalist was killed", "a police officer was shot": an unnamed civilian or
            # member of the state forces of the document's country; with none named yet, of
            # no country until the text or the event's place gives one ("Police Forces")
            iso = r.doc_country()
            why = "the document's main country" if iso else "no country named"
        return None if title.phrase in ("counterpart", "official", "leader") and iso is None else \
            r.sub_actor(iso, Title(title.phrase, "body", title.sector, "state" if title.sector in ("GOV",) + STATE_FORCES
                                   else "group",
                                   title.acled, title.inter), f"title '{title.phrase}' with {why}", guessed=guessed)
    if iso is None:
        prev = _recent(r, tok.i, lambda a: a.sector == title.sector and a.kind != "person"
                       and (a.reason or "").find(f"'{title.phrase}'") >= 0, sentences=6)
        if prev is not None:
            return prev
        named = _named_before(r, tok, title)
        if named is not None:
            return named
        attackers = ethnic_attackers(r, tok, title)
        if attackers is not None:
            return attackers
        iso, why = ethnic_country(r, tok)
    town = _town_modifier(tok) if iso is None and backer is None else None
    if town is not None:   # a guess, as the document's country is: the event's own place may replace it
        iso, why = town[0], f"place modifier '{town[1]}' (a region or big town of {town[0]})"
    elif iso is None and backer is None:
        iso = r.doc_country()
        why = "the document's main country" if iso else "no country named"
    elif iso is None:
        why = f"no country named but its backer's ({backer}): the country where it acts"
    actor = r.sub_actor(iso, in_context(title, tok), f"'{title.phrase}' ({title.sector}) with {why}", guessed=guessed)
    if actor is not None and backer is not None and actor.country is None:
        r.backed[actor.id] = backer
    return actor


def _modifier_country(r: Resolver, tok: Token, seen: set) -> tuple[Optional[str], list[int], str]:
    """Country of a phrase from its modifiers: demonym/name (amod, compound, nmod; also on a
    compound modifier, ``_compound_nationality``), possessor
    ("Armenia's", "its", "his country's"), "from <country>" (``origin``), or "in/of <place>" (a
    country's name read whole: "in South Sudan"). Returns (iso, tokens, reason)."""
    kb = r.kb
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "nmod", "npadvmod") and child.i < tok.i and not stance_prefixed(child):
            iso = ent_country(kb, child) if child.ent_type_ in ("GPE", "NORP", "ORG") or child.pos_ == "PROPN" else None
            if iso:
                return iso, [child.i], f"modifier '{child.text}'"
            person = r.of(child.i)   # "the Bush administration", "the Erdogan government"
            if person is not None and person.kind == "person" and person.country and child.dep_ == "compound":
                return person.country, [child.i], f"modifier '{child.text}' ({person.name})"
            nested = _compound_nationality(kb, child) if child.dep_ == "compound" else None
            if nested is not None:   # "Turkish Army forces": the Turkish Army's forces
                return nested[0], [nested[1].i, child.i], f"modifier '{nested[1].text} {child.text}'"
    for child in tok.children:   # a nationality beats a possessor: "his Iranian counterpart"
        if child.dep_ == "poss":
            if child.i in seen:
                continue
            seen.add(child.i)
            if child.text.lower() in ("country", "nation") or child.lemma_ in ("country", "nation"):
                iso, toks, why = _modifier_country(r, child, seen)
                if iso:
                    return iso, toks + [child.i], why
            actor = r.of(child.i) or resolve_phrase(r.state, child, _seen=seen)
            if actor is not None and actor.country:
                return actor.country, [child.i], f"possessor '{child.text}' -> {actor.name}"
            iso = ent_country(kb, child)
            if iso:
                return iso, [child.i], f"possessor '{child.text}'"
    home = origin(kb, tok)
    if home is not None:   # where its people come from, before where they are
        return home[0], [t.i for t in home[1]], f"'from {home[1].text}'"
    for child in tok.children:
        if child.dep_ == "prep" and child.text.lower() in ("in", "of") and child.i > tok.i:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    iso = ent_country(kb, pobj) or kb.capital_for(pobj.text) or place_nationality(kb, pobj)
                    if iso:
                        return iso, [child.i, pobj.i], f"'{child.text} {pobj.text}'"
    return None, [], ""


def _compound_nationality(kb, mod: Token) -> Optional[tuple[str, Token]]:
    """The nationality written on a noun that itself qualifies the phrase's head ("Turkish"
    in "Turkish Army forces", "Kenyan" in "Kenyan Navy personnel"): the forces are the
    Turkish Army's, so Turkey's. Returns (country, the nationality's token)."""
    for g in mod.lefts:
        if g.dep_ in ("amod", "compound") and g.ent_type_ in ("NORP", "GPE") and not stance_prefixed(g):
            iso = ent_country(kb, g)
            if iso:
                return iso, g
    return None


def _town_modifier(tok: Token) -> Optional[tuple[str, str]]:
    """'Eldoret residents', 'Imphal West police': a region or a town of 100,000 or more
    (``big_place``), written capitalised right before the phrase, is where its people are
    from (also at a sentence's start, where the tagger may take it for a common noun); a
    name NER took for a person or an organisation ('Kisumu Girls' school') is not read.
    Returns (country, name)."""
    for c in (c for c in tok.lefts if c.dep_ == "compound"):
        words = [t for t in tok.doc[c.left_edge.i:c.i + 1]]
        if all(t.is_title and t.ent_type_ in ("GPE", "LOC", "") for t in words):
            name = " ".join(t.text for t in words)
            iso = big_place(name)
            if iso:
                return iso, name
    return None


def phrase_title(r: Resolver, tok: Token) -> Optional[tuple[Title, int]]:
    """The title phrase ending at tok: its compound/amod/nmod words and tok itself."""
    text, lemma = tok.text.lower(), tok.lemma_.lower()
    ends = r.kb.title_ends
    if text not in ("'s", "’s") and _last_word(text) not in ends and _last_word(lemma) not in ends \
            and _last_word(text) and _last_word(lemma):
        return None   # no title ends with this word: no phrase to look up
    mods = [c for c in _modifiers(tok) if c.dep_ in ("compound", "amod", "nmod") and not
            (c.ent_type_ in ("GPE", "NORP") and r.kb.country_for(c.text))]
    words = mods + [tok]   # in text order, all before tok
    gaps = [b.i - a.i <= 2 for a, b in zip(words, words[1:])]
    for k in range(len(words)):
        if all(gaps[k:]):
            seq = words[k:]
            t = r.kb.title_for(title_key(seq))
            if t is None and lemma != text:   # "ministers" -> "minister"
                t = r.kb.title_for((title_key(seq[:-1]) + " " + tok.lemma_).strip())
            if t:
                return t, seq[0].i
    return None


def _modifiers(tok: Token) -> list[Token]:
    """The words before ``tok`` that modify it: its left children; in a headline whose verb
    the tagger took for a plural noun ("A vigilante group attacks ...": "attacks" the head
    of a flat compound), also the compounds of that head right before ``tok``."""
    head = tok.head
    if tok.dep_ != "compound" or head.i != tok.i + 1 or head.tag_ != "NNS":
        return list(tok.lefts)
    flat = []
    for t in reversed(tok.doc[tok.sent.start:tok.i]):
        if t.head.i != head.i or t.dep_ not in ("compound", "amod"):
            break
        flat.insert(0, t)
    return sorted(set(tok.lefts) | set(flat), key=lambda t: t.i)


def of_place_end(r: Resolver, tok: Token) -> Optional[int]:
    """End of a phrase whose "of" names the place it belongs to ("the Government of Iraq",
    "the people of Mosul"), or whose own "from" the country its people come from ("bandits
    from Ethiopia", ``origin``): the title and its place name one party, so the mention runs
    to the place's last word. Only a place name standing alone after "of", not yet another
    actor's mention."""
    for prep in tok.rights:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or pobj.ent_type_ != "GPE" or r.of(pobj.i) is not None:
                continue
            ent = next((e for e in pobj.doc.ents if e.start <= pobj.i < e.end), None)
            if ent is not None and ent.start == prep.i + 1 and pobj.right_edge.i < ent.end:
                return ent.end
    home = origin(r.kb, tok)
    if home is not None and home[2] and r.of(home[1].start) is None:   # "bandits from Ethiopia": one party
        return home[1].end
    return None


def _last_word(text: str) -> str:
    """The last word of a title key made of ``text`` ("" when it has none)."""
    words = text.replace("-", " ").split()
    return words[-1] if words else ""


def _recent(r: Resolver, before: int, test, *, sentences: int = 3) -> Optional[Actor]:
    """The actor of the nearest token before ``before`` satisfying test, within a few sentences."""
    doc = r.doc
    first_sent = doc[before].sent
    limit = first_sent.start
    sent = first_sent
    for _ in range(sentences - 1):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
        limit = sent.start
    for i in range(before - 1, limit - 1, -1):
        a = r.of(i)
        if a is not None and test(a):
            return a
    return None


def _named_before(r: Resolver, tok: Token, title: Title) -> Optional[Actor]:
    """A bare definite title of armed men ("the militants", "the attackers"), with no word of
    its own to name them, refers back to the armed group of the knowledge files its sentence
    or the one before names ("Al Shabaab attacked a village. The attackers burnt a school":
    al-Shabaab), as a definite noun phrase takes up a referent already in the text."""
    if title.sector not in ("REB", "UAF") or tok.tag_ != "NNS" \
            or [c.lower_ for c in tok.lefts] != ["the"]:
        return None
    return _recent(r, tok.i, lambda a: a.kind == "armed_group" and (a.reason or "").startswith("actors_groups.tsv"),
                   sentences=2)


def pronoun_actor(r: Resolver, tok: Token) -> Optional[Actor]:
    low = tok.text.lower()
    if low in PERSON_PRONOUNS:
        return _recent(r, tok.i, lambda a: a.kind == "person")
    if low in PLURAL_PRONOUNS:
        # "Students blocked the road. They burnt tyres": the nearest plural noun that is an actor
        first = tok.doc[max(0, tok.sent.start - 1)].sent.start
        opposers = {id(r.of(i)) for i in _opposer_tokens(tok)}
        for i in range(tok.i - 1, first - 1, -1):
            t = tok.doc[i]
            a = r.of(i)
            if a is not None and a.kind != "person" and t.tag_ in ("NNS", "NNPS") and i != tok.i \
                    and id(a) not in opposers:
                return a
        return None
    if low in THING_PRONOUNS:
        if tok.dep_ not in ("nsubj", "nsubjpass", "poss", "dobj", "pobj"):
            return None
        thing = lambda a: a.kind in ("state", "igo", "organization", "armed_group")  # noqa: E731
        sent = tok.sent
        subj = [r.of(t.i) for t in sent if t.i < tok.i and t.dep_ in ("nsubj", "nsubjpass")
                and r.of(t.i) is not None and thing(r.of(t.i))]
        if subj:
            return subj[-1]
        return _recent(r, tok.i, thing, sentences=2)
    return None


def _opposer_tokens(tok: Token) -> list[int]:
    """The words of the subject of a verb of opposing whose object a possessive pronoun
    qualifies: one repels or foils another's act, so in "forces repulsed their attack" the
    pronoun is not the forces (English: 'repel', 'repulse', 'foil', 'thwart', 'resist',
    'counter', 'fend off' take the other side's act as their object)."""
    if tok.dep_ != "poss" or tok.head.dep_ != "dobj" or tok.head.head.lemma_.lower() not in OPPOSING_VERBS:
        return []
    verb = tok.head.head
    while not any(c.dep_ == "nsubj" for c in verb.children) and verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head   # "engaged in a fire fight and repelled their attack": the first verb's subject
    return [t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree]


def _unnamed_force_coding(title: Optional[Title]) -> tuple[str, int]:
    """PLOVER sector and ACLED inter of a named group no file holds: rebels (inter 2) when
    the text calls its men rebels or insurgents, else a political militia (inter 3)."""
    rebels = title is not None and any(w in title.phrase for w in ("rebel", "insurgent"))
    return ("REB", 2) if rebels else ("UAF", 3)


def _group_modifier(r: Resolver, tok: Token, seen: set, title: Optional[Title] = None) -> Optional[Actor]:
    """A named armed group modifying or possessing the phrase ("Hamas fighters", "its fighters")."""
    for child in tok.lefts:
        if child.dep_ in ("compound", "nmod", "poss") and child.i not in seen:
            a = r.of(child.i)
            if a is None and child.dep_ == "poss" and child.pos_ == "PRON":
                a = pronoun_actor(r, child)
            if a is not None and a.kind == "armed_group" and a.name and not a.name.startswith(("Unidentified", "Rebel")):
                return a
            if a is not None and a.kind == "state" and a.sector in ("MIL", "COP") and child.dep_ == "compound" \
                    and a.mentions and r.kb.group_for(a.mentions[0].text) is not None:   # "KDF soldiers"
                return a
            if a is not None and a.id in r.unknown_orgs and child.dep_ == "compound" \
                    and (title is None or title.sector in ARMED_SECTORS):   # "Nasa supporters" are no force
                # "Southern Resistance forces": a named group no file holds is an armed group,
                # by default a political militia (ACLED inter 3); "NAF rebel forces": rebels (2)
                a.kind = "armed_group"
                a.sector, a.acled_inter = _unnamed_force_coding(title)
                a.acled_name = a.acled_name or a.name
                a.reason = f"{a.reason}; armed: '{child.text} {tok.text}'"
                return a
    a = _of_group(r, tok, seen)
    if a is not None and a.kind == "armed_group" and a.name and not a.name.startswith(("Unidentified", "Rebel")):
        return a   # "a commander of al-Shabaab", "fighters of the Mungiki sect"
    prev = tok.doc[tok.i - 1] if tok.i else None   # "IS militants": the tagger took "IS" for the verb
    if prev is not None and (prev.dep_ in ("aux", "auxpass") or prev.pos_ == "AUX") and prev.ent_type_ == "ORG" \
            and prev.i not in seen:   # its auxiliary, or the root with the men as its attribute
        a = r.of(prev.i)
        if a is not None and a.kind == "armed_group":
            return a
    return None


def _group_written(r: Resolver, tok: Token) -> Optional[Actor]:
    """A group or state force of the knowledge files named by the words right before an armed
    title, however they are capitalised ("Islamic state militants", "al-shabaab fighters",
    "Puntland Dervish forces"), that no earlier pass marked (NER and the entity ruler match
    names as written, and NER may cut a force's name at a place word)."""
    mods = [c for c in _modifiers(tok) if c.dep_ in ("compound", "amod", "nmod") and r.of(c.i) is None]
    for k in range(len(mods)):
        seq = mods[k:]
        if seq[-1].i != tok.i - 1 or any(b.i - a.i != 1 for a, b in zip(seq, seq[1:])):
            continue
        group = r.kb.group_for(" ".join(t.text for t in seq))
        if group is not None and group.kind in ("armed_group", "state"):
            return group_actor(r, group)
    return None


def _named_force(r: Resolver, tok: Token, title: Optional[Title] = None) -> Optional[Actor]:
    """"National Resistance forces", "Southern Transitional Council fighters": capitalised
    words before an armed title that name no country, people or place are a group's name;
    a group no file holds is by default a political militia (ACLED inter 3)."""
    for c in tok.lefts:   # "pro-Houthi forces": the Houthis' forces
        if c.text.lower() == "pro" and c.i + 2 < tok.i and c.nbor(1).text == "-":
            a = r.of(c.i + 2)
            if a is not None and a.kind == "armed_group":
                return a
    comp = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == tok.i - 1]
    if not comp:
        return None
    words = [t for t in comp[0].subtree if t.i <= comp[0].i]
    run = []   # "anti-Houthi National Resistance forces": the capitalised run after a stance prefix
    for t in reversed(words):
        if not (t.is_title and t.pos_ in ("PROPN", "ADJ")) or stance_prefixed(t) or (run and t.i != run[0].i - 1):
            break
        run.insert(0, t)
    if len(run) < len(words) and any(stance_prefixed(t) for t in words):
        words = run
    if not all(t.is_title and t.pos_ in ("PROPN", "ADJ") for t in words) or len(words) < 2:
        return None   # one capitalised word alone ("Army forces") is too weak a name
    name = " ".join(t.text for t in words)
    if any(r.of(t.i) for t in words) or r.kb.country_for(name) or any(r.kb.country_for(t.text) for t in words) \
            or is_place(name):
        return None
    sec, inter = _unnamed_force_coding(title)
    actor = r.get(f"org:{name.lower()}", name=name, kind="armed_group", sector=sec, acled_name=name, acled_inter=inter,
                  reason=f"named armed group '{name} {tok.text}' (no knowledge file holds it; ACLED inter {inter})")
    r.unknown_orgs.add(actor.id)
    return actor


def _from_group(r: Resolver, tok: Token) -> Optional[Actor]:
    """"forces from the 4th Brigade of the Southern Resistance", "fighters from al-Shabaab":
    armed men said to come from a named armed group, or from one of its units, are that
    group's, not the state's forces of the document's country. Only the noun phrase after
    "from" is read, not a clause inside it."""
    for prep in tok.rights:
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            todo = [obj]
            while todo:
                t = todo.pop()
                a = r.of(t.i)
                if a is not None and a.kind == "armed_group" and a.name \
                        and not a.name.startswith(("Unidentified", "Rebel")):
                    return a
                todo += [c for c in t.children if c.pos_ not in ("VERB", "AUX") and c.dep_ not in ("relcl", "acl")]
    return None


def _modifier_title(r: Resolver, tok: Token) -> Optional[tuple[Title, int]]:
    """"Russian civilian advisers", "civilian contractors": people named by a noun that is no
    title (an agent noun: -er, -or, -ist, -ant, -ent, -eer) with a civilian person title as
    modifier are civilians (CVL), not the state their nationality names."""
    if tok.tag_ != "NNS" or not tok.lower_.endswith(AGENT_ENDS):
        return None
    for child in tok.lefts:
        title = r.kb.title_for(child.lower_) if child.dep_ in ("amod", "compound") else None
        if title is not None and title.role == "person" and title.sector == "CVL":
            return r.kb.title_for(f"{child.lower_}s") or title, child.i
    return None


def _org_modifier(r: Resolver, tok: Token, title: Title, seen: set) -> Optional[Actor]:
    """An official of a named organisation, party or armed group ("Red Cross officials",
    "Hamas officials", "the militia's spokesman"): a government title (GOV) modified by a
    non-state actor is that actor, not the government of the document's country."""
    if title.sector != "GOV":
        return None
    for child in tok.lefts:
        if child.dep_ not in ("compound", "nmod", "poss") or child.i in seen:
            continue
        a = r.of(child.i)
        if a is None and child.dep_ == "poss" and child.pos_ != "PRON":
            a = resolve_phrase(r.state, child, _seen=seen | {child.i})
        if a is not None and a.kind in ("organization", "armed_group") or (a is not None and a.sector == "PTY"):
            return a
    a = _of_group(r, tok, seen)   # "the leader of the ODM", "a spokesman of the Red Cross"
    return a if a is not None and (a.kind in ("organization", "armed_group") or a.sector == "PTY") else None


def _of_group(r: Resolver, tok: Token, seen: set) -> Optional[Actor]:
    """The named actor a title belongs to when written after it with "of" ("a commander of
    al-Shabaab", "the leader of the ODM"): the organisation the person serves, as the same
    actor written before the title ("an al-Shabaab commander") is."""
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.i not in seen and r.of(obj.i) is not None:
                    return r.of(obj.i)
    return None


def _igo_modifier(r: Resolver, tok: Token) -> Optional[Actor]:
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss"):
            a = r.of(child.i)
            if a is not None and a.kind == "igo":
                return a
    return None
