"""Passes 1 and 2 of the actors stage (stages/actors.py): named people, with the title
and nationality written before them or in apposition and the date-bounded office holders
(data/office_holders.tsv), bare surnames and aliases of people already named; then named
IGOs, groups and other ORG entities (data/igos.tsv, data/actors_groups.tsv,
data/actors_forces.tsv). With the parse helpers that find titles and countries in tokens.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token

from .actors_places import big_place, country_name, in_parens, is_place, place_noun_name, place_slot
from .actors_registry import COMPANY_WORDS, GOV_TEMPLATE, Resolver
from .knowledge import Group, Knowledge, Title
from .records import Actor

FORMER = {"former", "ousted", "exiled", "deposed", "ex", "late"}
PORTFOLIO_PREPS = ("for", "of")   # "Minister for Interior", "Minister of State for Defence"
# bodies a leader or spokesman may speak for that are no state's ("the leader of a local group, X")
PRIVATE_BODIES = frozenset({"group", "movement", "organisation", "organization", "party", "union", "association",
                            "front", "coalition", "alliance", "faction", "network"}) | COMPANY_WORDS
UNIT_WORDS = frozenset({"brigade", "battalion", "division", "regiment", "corps"})   # an army's numbered units
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$", re.I)


# --- helpers on the parse -------------------------------------------------------------
def title_key(tokens) -> str:
    return " ".join(t.text.lower().replace("-", " ") for t in tokens if t.text.lower() not in ("'s", "’s"))


def _title_in(kb: Knowledge, tokens: list[Token], *, role: Optional[str] = None) -> Optional[tuple[Title, int]]:
    """Longest title phrase among tokens (contiguous), returned with its first token index."""
    best = None
    for i in range(len(tokens)):
        for j in range(len(tokens), i, -1):
            t = kb.title_for(title_key(tokens[i:j]))
            if t and (role is None or t.role == role) and (best is None or j - i > best[2]):
                best = (t, tokens[i].i, j - i)
                break
    return (best[0], best[1]) if best else None


def words_country(kb: Knowledge, words: list[Token]) -> Optional[str]:
    """The first country a place or demonym entity among ``words`` names ("Kenya's Minister for ...",
    "the Kenyan broadcaster X")."""
    return next((c for t in words if t.ent_type_ in ("GPE", "NORP") for c in [ent_country(kb, t)] if c), None)


def ent_country(kb: Knowledge, tok: Token) -> Optional[str]:
    """Country named by a token (a country, demonym or capital entity, or a bare name)."""
    text = tok.text
    if tok.ent_type_ in ("GPE", "NORP", "LOC", "ORG") and tok.ent_iob_ != "O":   # the whole entity's text
        doc, start, end = tok.doc, tok.i, tok.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        text = doc[start:end].text
    return kb.country_for(text) or kb.capital_for(text) or kb.country_for(tok.text)


def _written(tokens: list[Token], phrase: str) -> str:
    """A title as the text writes it ("Secretary of State"), else the lexicon's phrase."""
    n = len(phrase.split())
    for i in range(len(tokens) - n + 1):
        if title_key(tokens[i:i + n]) == phrase:
            return " ".join(t.text for t in tokens[i:i + n])
    return phrase


# --- pass 1: people ---------------------------------------------------------------------
def mark_person(r: Resolver, ent) -> None:
    doc, kb = r.doc, r.kb
    name = ent.text
    if ent[-1].text.lower() in ("'s", "’s"):
        name = doc[ent.start:ent.end - 1].text
    # title and nationality written before the name, within the same noun phrase
    left: list[Token] = []
    i = ent.start - 1
    while i >= 0 and ent.start - i <= 8:
        t = doc[i]
        ok = (t.ent_type_ in ("GPE", "NORP") or t.text.lower() in ("of", "'s", "’s", "-") or
              (t.ent_type_ == "ORG" and kb.igo_for(t.text) is not None) or
              (t.is_title and t.pos_ in ("PROPN", "NOUN", "ADJ")) or kb.title_for(t.text.lower()) is not None
              or t.text.lower() in ("foreign", "defense", "defence", "interior", "deputy", "prime", "state", "junior",
                                    "senior", "acting", "chief", "assistant", "new", "interim", "incoming", "outgoing")
              or t.text.lower() in FORMER)
        if not ok or t.is_sent_start and t.text.lower() in ("of",):
            break
        left.insert(0, t)
        i -= 1
    found = _title_in(kb, left, role="person")
    text_title = found[0] if found else None
    country = None
    for t in left:
        c = ent_country(kb, t) if t.ent_type_ in ("GPE", "NORP") else None
        if c:
            country = c
            break
    # apposition after: "Sergei Lavrov, Russia's foreign minister"
    for child in ent.root.children:
        if child.dep_ == "appos" and child.i >= ent.end:
            sub = list(child.subtree)
            hit = _title_in(kb, sub, role="person")
            if hit and text_title is None:
                text_title = hit[0]
            for t in sub:
                c = ent_country(kb, t) if t.ent_type_ in ("GPE", "NORP") else None
                if c and country is None:
                    country = c
    head_words = _title_head(kb, ent) if text_title is None else []
    if head_words:   # "the Federal Minister for Interior, X": the title is the head, the name its apposition
        text_title = _title_in(kb, head_words, role="person")[0]
        country = country or words_country(kb, head_words)
    role = kb.role_for(name, r.day)
    if role is None and name.endswith("s") and kb.role_for(name[:-1], r.day):   # "Kibakis win": no apostrophe
        name, role = name[:-1], kb.role_for(name[:-1], r.day)
    if role is None and text_title is None and (place_slot(ent.root) or in_parens(ent)) \
            and (is_place(name) or place_noun_name(ent)):
        return   # a place NER took for a person: "in Adh Dhalah area (As Said, Shabwah)", "near X Bridge"
    if role is None and text_title is None and not left and big_place(name):
        return   # "killed by gunmen on Garissa", "(neighbourhood), Embu East": a big place, no title
    existing = None
    if role is None and len(name.split()) == 1:
        existing = next((a for a in r.actors.values() if a.kind == "person" and a.name.split()[-1] == name), None)
    canonical = role.name if role else (existing.name if existing else name)
    if text_title and text_title.phrase == "counterpart":
        text_title = None
    title = (role.title if role and role.title and text_title.phrase in role.title.lower().replace("-", " ") else
             _written(left, text_title.phrase)) if text_title else (role.title if role else None)
    sector = "IGO" if role and role.sector == "IGO" else (text_title.sector if text_title else (role.sector if role else None))
    country = country or (role.country if role else None)
    reasons = []
    if role is not None and r.day and (role.start or "") > r.day and not text_title:
        # known only by an office taken after the report ("Sharon" in 2000, prime minister from 2001): the
        # person and country, not the office; a politician out of office is of the elite (PLOVER ELI)
        title, sector = None, ("IGO" if role.sector == "IGO" else "ELI")
        reasons.append(f"holds the office of the knowledge files only from {role.start}")
    if any(t.text.lower() in FORMER for t in left) and (role is None or not role.holds_on(r.day)):
        sector, reasons = "ELI", ["a former office holder (PLOVER ELI)"]
    scope = head_words or left
    igo = next((kb.igo_for(e.text) for e in doc.ents if e.label_ == "ORG" and scope[0].i <= e.start
                and e.end <= ent.start and kb.igo_for(e.text)), None) \
        if scope and country is None and text_title is not None and role is None else None   # "Arab League Secretary-General X"
    if igo is not None:
        sector, reasons = "IGO", [f"an official of {igo.name} ('{doc[scope[0].i:ent.start].text}')"]
    guess = False   # the country is the document's main country, no nationality the text gives
    if country is None and text_title is not None and role is None and sector != "IGO":
        country = r.doc_country()
        if country:
            reasons.append(f"title without a nationality: the document's main country {country}")
            guess = True
    if left and (text_title or country) and not head_words:
        reasons.append(f"written with '{doc[left[0].i:ent.start].text}'")
    if head_words:
        reasons.append(f"with the title written out as its head: '{doc[head_words[0].i:head_words[-1].i + 1].text}'")
    if role:
        reasons.append(f"office holder: {role.title} ({role.country or 'IGO'}) from {role.start} (office_holders.tsv)")
    template = (text_title.acled if text_title else None) or (GOV_TEMPLATE if sector in ("GOV", "LEG", "MIL") else None)
    new = f"person:{canonical.lower()}" not in r.actors
    actor = r.get(f"person:{canonical.lower()}", name=canonical, kind="person", country=country, sector=sector,
                  title=title, acled_name=kb.acled_name(template, country, r.day) if country else None,
                  acled_inter=(text_title.inter if text_title else (1 if sector in ("GOV", "MIL", "LEG") and country else None)),
                  reason="; ".join(reasons) or "named person")
    if actor.country is None and text_title is not None and role is None and sector != "IGO":
        r.stateless[actor.id] = template   # "President X" before the text named a country: tied at the end
    elif guess and new:
        r.guessed_people.add(actor.id)
    start = _title_start(left, found[1], ent.start) if found else ent.start
    if country:
        start = min([t.i for t in left if t.ent_type_ in ("GPE", "NORP")] + [start])
    r.mark(actor, start, ent.end)


def _title_head(kb: Knowledge, ent) -> list[Token]:
    """The words of a title phrase whose head a person's name stands in apposition to,
    written before the name ("the Federal Minister for Interior, X", "Minister for Interior
    X", "Kenya's Minister for Internal Security, X"): English names the office holder so
    when the title is written out with its portfolio. The head itself must be a person's
    title (titles.tsv); none when the phrase holds no such title, or names another party
    the person speaks for ("the leader of the rebels, X", "a commander of the army, Y")."""
    head = _portfolio_title(ent)
    if head is None or head.i >= ent.start or not _title_in(kb, [head], role="person"):
        return []
    words = [t for t in head.subtree if t.i < ent.start and not t.is_punct]
    return [] if any(_other_party(kb, t) for t in words if t.i != head.i) else words


def _portfolio_title(ent) -> Optional[Token]:
    """The word a name stands in apposition to, read over the portfolio the tagger may hang
    the name on: "the Minister for Water Resources, X" (X in apposition to "Resources": the
    minister's) and "Minister for Energy X" (X taken for the object of "for", with the
    portfolio's capitalised words between them; not "a spokesman for X", nobody's portfolio),
    or the title with its portfolio hung on the name as a modifier ("The Federal Minister for
    Interior X" read as one noun phrase)."""
    root, head = ent.root, ent.root.head
    modifier = next((c for c in root.children if c.dep_ in ("nmod", "compound") and c.i < ent.start
                     and any(g.dep_ == "prep" and g.lower_ in PORTFOLIO_PREPS for g in c.children)), None)
    if modifier is not None:
        return modifier
    if root.dep_ == "appos" and head.dep_ == "pobj" and head.head.lower_ in PORTFOLIO_PREPS:
        return head.head.head
    if root.dep_ == "pobj" and head.lower_ in PORTFOLIO_PREPS and head.i + 1 < ent.start \
            and all(t.is_title and not t.ent_type_ for t in ent.doc[head.i + 1:ent.start]):
        return head.head
    return head if root.dep_ == "appos" else None


def _other_party(kb: Knowledge, tok: Token) -> bool:
    """A word of a title phrase naming a party other than the state's executive: a body or
    person of another sector ("rebels", "army", "opposition"), a named group or party, or
    a private body ("a local group", "the company")."""
    title = kb.title_for(tok.lower_) or kb.title_for(tok.lemma_.lower())
    return (title is not None and title.sector != "GOV") or kb.group_for(tok.text) is not None \
        or tok.lemma_.lower() in PRIVATE_BODIES


def _title_start(left: list[Token], first: int, start: int) -> int:
    """Where a person's mention begins when a title is written before the name: at the
    whole title phrase ("Deputy Interior Minister X", "former President Y"), from the
    title's first word found back over the words before it up to a joining word ("of",
    "'s", "-"), as the name and title name one person; not over the people a phrase
    of theirs names ("supporters of former President Y": the supporters are others)."""
    begin = first
    for t in reversed([t for t in left if t.i < first]):
        if t.text.lower() in ("of", "'s", "’s", "-"):
            break
        begin = t.i
    return min(begin, start)


def group_actor(r: Resolver, group: Group) -> Actor:
    """The document's actor for a group of the knowledge files (a party, armed group or state force)."""
    acled = group.acled_name   # a state force's name is a template (actors_forces.tsv)
    country = group.country_on(r.day)
    acled = r.kb.acled_name(acled, country, r.day) if acled and "{" in acled else acled
    return r.get(f"group:{group.name.lower()}", name=group.name, kind=group.kind, country=country,
                 sector=group.sector, acled_name=acled, acled_inter=group.acled_inter,
                 reason=group.source or "actors_groups.tsv")


def local_group(r: Resolver, text: str) -> Optional[Group]:
    """A name a group shares with others (a local alias: "NASA", "ANC") is that group in a
    text of its time whose place names lie in its country. Where the files give the name
    to another party too (South Africa's ANC), the places must point to the group's country;
    where they do not (the US space agency is no party), it is enough that they point nowhere
    else: a text of the group's time that names no place is read as the group's."""
    group = r.kb.local_group_for(text, r.day)
    if group is None:
        return None
    place = r.place_country()
    if r.kb.group_for(text) is not None:
        return group if place == group.country else None
    return group if place in (None, group.country) else None


def names_office_holder(kb: Knowledge, ent, day: Optional[str]) -> bool:
    """A one-word entity NER labelled a place or organisation that is a known office holder's
    name, possibly with a possessive 's' written without its apostrophe ("Kenyattas victory")."""
    text = ent.text
    if len(ent) != 1 or kb.country_for(text) or kb.group_for(text) or kb.igo_for(text) or kb.capital_for(text):
        return False
    return kb.role_for(text, day) is not None or (text.endswith("s") and kb.role_for(text[:-1], day) is not None)


def propagate_names(r: Resolver) -> None:
    """A later bare surname or known alias ("Abiy", "Pashinyan") of a person already named
    is that person, whatever NER made of it."""
    names: dict[str, Actor] = {}
    for a in r.actors.values():
        if a.kind != "person":
            continue
        role = r.kb.role_for(a.name, r.day)
        for n in [a.name.split()[-1], *(role.aliases if role and role.name == a.name else ())]:
            if len(n.split()) == 1:
                names.setdefault(n, a)
    for tok in r.doc:
        a = names.get(tok.text)
        if a is not None and r.of(tok.i) is None and tok.pos_ in ("PROPN", "NOUN", "X", ""):
            r.mark(a, tok.i, tok.i + 1)


def name_start(ent) -> int:
    """First token of a named party's mention: the article written before the name is part
    of it ("the United States", "The EU", "the Syrian Democratic Forces"), as in "the
    Netherlands"; a possessor or any other word before it is not."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ == "the" and before.dep_ == "det" and ent.start <= before.head.i < ent.end:
        return ent.start - 1
    return ent.start


def outlet_title(kb: Knowledge, ent) -> Optional[tuple[Title, list[Token]]]:
    """The media title a name stands beside as the outlet's own name, with the title's words:
    the name in apposition to it ("the opposition newspaper X", "the broadcaster X"), written
    as its modifier ("the X newspaper") or with the title as the name's own modifier ("the
    news agency X" parsed as one noun phrase). English names a newspaper, broadcaster or news
    agency so, whatever NER made of the name (often a person). Only titles of media outlets
    (titles.tsv kind 'organization': PLOVER's JRN), ending at the head word ("opposition"
    before "newspaper" is the paper's stance, not a title of its own)."""
    root = ent.root
    heads = [root.head] if root.dep_ in ("appos", "compound") and not ent.start <= root.head.i < ent.end else []
    heads += [c for c in root.children if c.dep_ in ("compound", "nmod") and c.i < ent.start]
    for head in heads:
        words = sorted([c for c in head.lefts if c.dep_ in ("compound", "amod") and not ent.start <= c.i < ent.end]
                       + [head], key=lambda t: t.i)
        title = next((t for k in range(len(words)) for t in [kb.title_for(title_key(words[k:]))] if t), None)
        if title is not None and title.kind == "organization":
            return title, words
    return None


def mark_outlet(r: Resolver, ent) -> bool:
    """Pass 1: a named media outlet (``outlet_title``) is an organisation of the title's
    sector, of the country its words name or, like a title without a nationality, of the
    document's main country at the end; the title written right after the name is part of
    the mention ("the X newspaper"). False when the name stands beside no media title."""
    found = outlet_title(r.kb, ent)
    if found is None:
        return False
    title, words = found
    country = words_country(r.kb, words)
    written = r.doc[words[0].i:words[-1].i + 1].text
    actor = r.get(f"org:{ent.text.lower()}", name=ent.text, kind="organization", country=country,
                  sector=title.sector, acled_name=r.kb.acled_name(title.acled, country, r.day) if country else None,
                  acled_inter=title.inter, reason=f"a named {title.phrase}: written with '{written}' (titles.tsv)")
    if actor.country is None:
        r.stateless[actor.id] = title.acled
    r.mark(actor, name_start(ent), words[-1].i + 1 if words[0].i == ent.end else ent.end)
    return True


# --- pass 2: named organisations ----------------------------------------------------------
def mark_org(r: Resolver, ent) -> None:
    kb = r.kb
    igo = kb.igo_for(ent.text)
    if igo:
        actor = r.get(f"igo:{igo.id}", name=igo.name, kind=igo.kind, sector=igo.sector, members=list(igo.members),
                      acled_name=igo.acled_name, acled_inter=8 if igo.kind == "igo" else None,
                      reason="igos.tsv")
        r.mark(actor, name_start(ent), ent.end)
        return
    group = local_group(r, ent.text) or kb.group_for(ent.text)
    if group:
        r.mark(group_actor(r, group), name_start(ent), ent.end)
        return
    if ent.label_ != "ORG":
        return
    if ent.text.endswith("-") or len(ent.text.strip("-")) < 2:
        return   # "anti-" of "anti-Houthi" cut off by NER
    if kb.title_for(title_key(ent)) or _title_in(kb, list(ent), role="body"):
        return   # an institution ("the Defense Ministry"): resolved as a phrase in pass 3
    if country_name(kb, ent) or kb.territory_for(ent.text):
        return   # a country NER took for an organisation: pass 4
    if is_place(ent.text):
        return   # a town NER took for an organisation ("in Kolofata")
    if kb.ethnic_for(ent.text):
        return   # an ethnic group NER took for an organisation ("the Ogiek and Kipsigi groups"): pass 4
    if numbered_unit(ent):   # "the 14th Mechanized Brigade": a state army's unit, of the country where it acts
        r.mark(r.sub_actor(None, kb.title_for("military"), f"'{ent.text}': a numbered military unit"),
               name_start(ent), ent.end)
        return
    actor = r.get(f"org:{ent.text.lower()}", name=ent.text, kind="organization", reason="named organisation (NER)")
    r.unknown_orgs.add(actor.id)
    r.mark(actor, name_start(ent), ent.end)


def numbered_unit(ent) -> bool:
    """An organisation no file holds named as a numbered unit of an army ("the 7th Armoured
    Brigade", "3rd Infantry Division"; the ordinal may stand just before the entity): armies
    number their brigades and divisions, armed groups name theirs ("Al-Quds Brigades")."""
    if ent[-1].lower_ not in UNIT_WORDS:
        return False
    words = [t for t in ent if t.lower_ != "the"]
    before = ent.doc[ent.start - 1] if ent.start else None
    return bool(words) and (ORDINAL.match(words[0].text) is not None
                            or (before is not None and ORDINAL.match(before.text) is not None))
