"""Identity militias and crowds, for the actors stage (stages/actors.py) and the implied
actors stage: people of an ethnic group, tribe or clan who fight are its identity militia
(ACLED inter 4: "Turkana Ethnic Militia (Kenya)"); unarmed people who riot are rioters
(inter 5), who protest are protesters (inter 6), read from the event lexicon's triggers.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.tokens import Token

from .actors_nationality import origin, stance_prefixed
from .actors_places import big_place
from .actors_registry import Resolver
from .events_lex import cues, frames, triggers
from .knowledge import Title, identity_cues
from .records import Actor

CROWD_SECTORS = ("CVL", "EDU", "JRN", "MED", "REF", "OPP", "LAB", "BUS", "AGR")  # unarmed people who may form a crowd
HOLD_VERBS = {"hold", "stage", "organize", "organise", "launch", "join", "begin", "start", "perform"}


def _identity_kind(title: Optional[Title]) -> Optional[str]:
    """"Tribal" for a title naming an identity militia's men ("tribesmen": titles.tsv's
    "Unidentified Tribal Militia ({country})"), else None."""
    words = (title.acled or "").split() if title is not None else []
    return words[1] if len(words) == 4 and words[0] == "Unidentified" and words[2] == "Militia" else None


def names_people(r: Resolver, ent) -> bool:
    """A name NER took for a person that names a tribe or clan: written before "tribesmen",
    "clansmen" or an identity word and a militia ("Al Tilan and Al Dahshal tribal militias"),
    possibly through the other names of a pair; no office holder of that name is known."""
    if r.kb.role_for(ent.text, r.day) is not None:
        return False
    cues = identity_cues()
    for t in r.doc[ent.end:min(ent.end + 8, ent.sent.end)]:
        if t.text.lower() in ("and", "al", "ba", "bin", "el") or (t.is_title and t.pos_ == "PROPN"):
            continue
        if cues.get(t.lower_, ("", False))[1]:
            return True
        return _identity_kind(r.kb.title_for(t.lower_)) is not None
    return False


def ethnic_militia(r: Resolver, tok: Token, title: Optional[Title] = None) -> Optional[Actor]:
    """"Turkana raiders", "Orma ethnic group", "a Pokot militia" -> an identity militia
    (inter 4), of the country the phrase says it comes from ("Garre militia from Ethiopia"),
    else of its people's country; "Moran ethnic militia", "Al Tilan tribal militias": a group
    the ethnic file lacks, named by the capitalised words before "ethnic", "tribal", "clan",
    "communal"."""
    for child in tok.lefts:
        hit = r.kb.ethnic_for(child.text) if child.dep_ in ("amod", "compound", "nmod", "npadvmod") else None
        if hit:
            home = origin(r.kb, tok)   # "Garre militia from Ethiopia": a people across a border, from there
            return militia(r, hit[0], home[0] if home else hit[1], f"ethnic group '{child.text}' with '{tok.text}' "
                           f"(actors_ethnic.tsv)" + (f", from {home[1].text}" if home else ""))
    for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "from"):   # "bandits from Pokot",
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):   # "armed men from Marakwet village"
            for word in [pobj] + [c for c in pobj.lefts if c.dep_ == "compound"]:
                hit = r.kb.ethnic_for(word.text)
                if hit:
                    return militia(r, *hit, f"'{tok.text} from {word.text}': an ethnic group (actors_ethnic.tsv)")
            home = _home_community(r, pobj)
            if home is not None:   # "militias from Odejo", "militiamen from the Leelkayse clan"
                iso = r.doc_country()
                return militia(r, home[0], iso, f"'{tok.text} from {home[0]}': armed men of a community, clan or "
                               f"village (ACLED identity militia)" + (f"; country {iso}: the document's main country"
                                                                     if iso else ""), home[1], guessed=True)
    cues = identity_cues()
    marker = next((c for c in tok.lefts if cues.get(c.text.lower(), ("", False))[1] and c.i == tok.i - 1), None)
    kind = _identity_kind(title)
    if marker is None and kind in ("Tribal", "Clan"):   # "Al Hayash tribesmen": the men's word is the marker
        marker = tok
    if marker is None:
        return None
    words = []
    for t in reversed(tok.doc[max(tok.sent.start, marker.i - 5):marker.i]):
        if not (t.is_title or (words and t.text.lower() in ("al", "ba", "bin", "el"))) or r.of(t.i) is not None \
                and r.of(t.i).kind not in ("group", "organization") or stance_prefixed(t):
            break   # "pro-Hadi Al Humayqani tribal militia": the militia is Al Humayqani's
        words.insert(0, t)
    if not words or r.kb.country_for(words[-1].text):
        return None
    name = " ".join(t.text for t in words)
    known = r.kb.ethnic_for(name)
    if known is not None:   # "Pokot tribesmen"
        return militia(r, *known, f"ethnic group '{name}' with '{tok.text}' (actors_ethnic.tsv)")
    iso = r.doc_country()
    said = f"{marker.text} {tok.text}" if marker is not tok else tok.text
    return militia(r, name, iso, f"'{name} {said}': an identity militia no file holds"
                   + (f"; country {iso}: the document's main country" if iso else ""),
                   cues[marker.text.lower()][0] if marker is not tok else kind, guessed=True)


COMMUNITY_WORDS = {"village": "Communal", "villages": "Communal", "area": "Communal", "community": "Communal",
                   "clan": "Clan", "clans": "Clan", "subclan": "Sub-Clan", "sub-clan": "Sub-Clan"}


def _home_community(r: Resolver, pobj: Token) -> Optional[tuple[str, str]]:
    """The community armed men come 'from' ("from Odejo", "from Marakwet village", "from the
    Leelkayse clan", "from the Ayr sub-clan"): a proper name that is no country, capital or
    big place ("from Somalia", "from Mandera town" tell where, not which community), with
    the militia kind its head word gives (Communal, Clan, Sub-Clan)."""
    doc = pobj.doc
    if pobj.pos_ == "PROPN":
        end, nxt = pobj.i, doc[pobj.i + 1:pobj.i + 4]
        head = "sub-clan" if [t.lower_ for t in nxt] == ["sub", "-", "clan"] else (nxt[0].lower_ if len(nxt) else "")
    elif pobj.lower_ == "clan" and pobj.i >= 3 and [t.lower_ for t in doc[pobj.i - 2:pobj.i]] == ["sub", "-"]:
        end, head = pobj.i - 3, "sub-clan"
    elif pobj.lower_ in COMMUNITY_WORDS:
        end, head = pobj.i - 1, pobj.lower_
    else:
        return None
    words = []
    for t in reversed(doc[max(pobj.sent.start, end - 2):end + 1]):
        known = r.of(t.i)
        if not (t.is_title and t.pos_ == "PROPN") or known is not None and known.reason not in (
                "named person", "named organisation (NER)"):
            break   # a name NER took for a person or an organisation no file holds may name the community
        words.insert(0, t)
    if not words:
        return None
    name = " ".join(t.text for t in words)
    if r.kb.country_for(name) or r.kb.capital_for(name) or r.kb.ethnic_for(name) or big_place(name):
        return None
    return name, COMMUNITY_WORDS.get(head, "Communal")


def militia(r: Resolver, name: str, iso: Optional[str], reason: str, kind: str = "Ethnic", *,
            guessed: bool = False) -> Actor:
    """An identity militia (ACLED inter 4): "Turkana Ethnic Militia (Kenya)", "Al Tilan Tribal Militia".
    One of no country, or whose country is only a guess (``guessed``: the document's main
    country), takes the country of the place where it acts, like a sector actor
    (``Resolver.localise``): "Al Hayash Tribal Militia (Yemen)" where the text's place names
    voted for Libya. A people of a state born since takes the former state before its birth
    (``Knowledge.ethnic_country``)."""
    iso = r.kb.ethnic_country(name, iso, r.day)
    cname = r.kb.countries[iso].name if iso in r.kb.countries else None
    label = f"{name} {kind} Militia ({cname})" if cname else f"{name} {kind} Militia"
    key = f"ethnic:{name}:militia"
    new = key not in r.actors
    actor = r.get(key, name=label, kind="armed_group", country=iso, sector="PRM",
                  acled_name=label, acled_inter=4, reason=reason)
    if new and (guessed or iso is None):
        title = Title(f"{name} {kind} Militia", "body", "PRM", "armed_group", f"{name} {kind} Militia ({{country}})", 4)
        (r.untied if iso is None else r.guessed)[actor.id] = title
    return actor


def in_context(title: Title, tok: Token) -> Title:
    """Unarmed people who protest are protesters, who riot are rioters (ACLED inter 6, 5);
    violence wins ("demonstrated and pelted stones"). Their PLOVER sector stays who they
    are (students EDU, workers LAB, supporters OPP). People a title names as an identity
    militia ("pastoralists", "herders", "a community": ACLED inter 4) who attack or fight
    stay that militia, not a mob. People the text calls unknown or unidentified who attack
    ("unknown men ambushed a ranger", "a group of unidentified youths attacked") are an
    unidentified armed group (ACLED's name for perpetrators nobody identified, inter 3), also
    as the agent of a passive attack ("stabbed by unidentified youths"); as victims they stay
    who they are. So are people a title names as civilians whom the text calls armed ("an
    armed man") or who shoot ("two men opened fire on the officers", "police were shot at by
    men in a car"): civilians are unarmed by ACLED's definition, and armed perpetrators
    nobody identified are its unidentified armed group."""
    if title.sector not in CROWD_SECTORS:
        return title
    lemmas = _act_lemmas(tok)
    if (_unknown(tok) and any(_attack(w) for w in lemmas | _agent_of(tok))) or (title.inter == 7 and _armed(tok)):
        return Title(title.phrase, title.role, "UAF", "armed_group", "Unidentified Armed Group ({country})", 3)
    acts = {_crowd_act(w) for w in lemmas}
    if "riot" in acts and not (title.inter == 4 and any(_attack(w) for w in lemmas)):
        return Title(title.phrase, title.role, title.sector, "group", "Rioters ({country})", 5)
    if "protest" in acts:
        return Title(title.phrase, title.role, title.sector, "group", "Protesters ({country})", 6)
    return title


UNKNOWN_WORDS = ("unknown", "unidentified")
SHOT_AT = ("at", "on", "upon", "into")   # "shot at a house", "fired on police"


def _armed(tok: Token) -> bool:
    """The people of the phrase headed by ``tok`` are called armed ("an armed man", "a group of
    armed men") or shoot: a verb they are the subject of, or that qualifies them, is a
    firearm's (a trigger whose frame's PLOVER mode is firearms) and has an object ("two men
    shot a trader", "men shooting at a house", "they opened fire": not the headline's
    "two herders shot dead", a passive with its auxiliary dropped), or they are the agent
    of such a passive ("officers were shot by a man")."""
    members = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    if any(c.dep_ == "amod" and c.lower_ == "armed" for t in [tok] + members for c in t.lefts):
        return True
    verbs = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    if tok.dep_ == "nsubj":
        verbs.append(tok.head)
    verbs += [c for v in verbs for c in v.conjuncts if not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    if any((c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in SHOT_AT))
           and (_firearm(v.lemma_.lower()) or (v.lemma_.lower() == "open" and c.lower_ == "fire"))
           for v in verbs for c in v.children):
        return True
    return any(_firearm(w) for w in _agent_of(tok))


@lru_cache(maxsize=4096)
def _firearm(word: str) -> bool:
    """``word`` is a one-word trigger of shooting (event_triggers.tsv, a frame whose PLOVER
    mode is firearms)."""
    known = frames()
    return any(known[value].plover_mode == "firearms" for _, value in triggers().single(word))


def _unknown(tok: Token) -> bool:
    """The phrase headed by ``tok`` calls its people unknown or unidentified ("unknown men",
    "an unidentified group of youths", "a group of unknown youths")."""
    members = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return any(c.dep_ == "amod" and c.lower_ in UNKNOWN_WORDS for t in [tok] + members for c in t.lefts)


def _act_lemmas(tok: Token) -> set[str]:
    """Lemmas of what the people a phrase names do: the verbs it is the subject of or that
    qualify it, and the objects of 'hold', 'stage' ('staged a protest')."""
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):   # "journalists and media workers"
        tok = tok.head
    verbs = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    if tok.dep_ == "nsubj":
        verbs.append(tok.head)
    verbs += [c for v in verbs for c in v.conjuncts]
    lemmas = {v.lemma_.lower() for v in verbs}
    return lemmas | {c.lemma_.lower() for v in verbs if v.lemma_.lower() in HOLD_VERBS for c in v.children
                     if c.dep_ == "dobj"}


def _agent_of(tok: Token) -> set[str]:
    """The lemma of the passive verb whose agent the phrase is ("a trader was stabbed by
    unknown youths": stab), as what its people did."""
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "agent" else None
    return {verb.lemma_.lower()} if verb is not None and verb.pos_ == "VERB" else set()


def _attack(word: str) -> bool:
    """``word`` is a one-word trigger of an attack or a fight (event_triggers.tsv: a violent
    frame of ACLED's Violence against civilians or Battles), not of a riot."""
    known = frames()
    return any(known[value].kind in ("violent", "outcome")
               and known[value].event_type in ("Violence against civilians", "Battles")
               for _, value in triggers().single(word))


def _deeds(tok: Token) -> set[str]:
    """Lemmas of what the people a phrase names did, for ``ethnic_attackers``: its verbs
    (``_act_lemmas``), the passive verb it is the agent of ("beaten by Pokot youths"), and the
    action noun it is written right before ("Kalenjin youths attack": their attack)."""
    done = {tok.head.lemma_.lower()} if tok.dep_ == "compound" and tok.head.i == tok.i + 1 else set()
    return _act_lemmas(tok) | _agent_of(tok) | done


def ethnic_attackers(r: Resolver, tok: Token, title: Optional[Title],
                     actor_tok: Optional[Token] = None) -> Optional[Actor]:
    """"Kalenjin youths killed two men", "a group of armed Maasai youths attacked a village"
    (``actor_tok``: the group word that acts), "a girl beaten by Pokot youths", "a Luo group
    attacked" (``title`` None: a group word, no title): people of an ethnic group
    (actors_ethnic.tsv) who attack or fight are its identity militia (ACLED inter 4), not
    rioters."""
    if title is not None and title.sector not in CROWD_SECTORS or not any(_attack(w) for w in _deeds(actor_tok or tok)):
        return None
    for child in tok.lefts:
        hit = r.kb.ethnic_for(child.text) if child.dep_ in ("amod", "compound", "nmod") else None
        if hit and r.kb.country_for(child.text) is None:
            return militia(r, *hit, f"'{child.text} {tok.text}' attacking: an ethnic group (actors_ethnic.tsv)")
    return None


@lru_cache(maxsize=4096)
def _crowd_act(word: str) -> Optional[str]:
    """What a crowd does that is ``word``, read from the event lexicon's one-word triggers
    (event_triggers.tsv) and their frames (event_frames.tsv): "riot" for rioting behaviour
    (a riot, mob violence or a violent demonstration, looting or destruction, and violence
    without weapons: a fight, an attack, a beating, whose PLOVER mode names no weapon),
    "protest" for a protest, a strike or a boycott (PLOVER PROTEST) and a word of the events
    stage's protest context ("demand", "petition": event_cues.tsv), else None."""
    known = frames()
    found = [known[value] for _, value in triggers().single(word)]
    if any(f.event_type == "Riots" or f.sub_event_type == "Looting/property destruction"
           or (f.kind == "violent" and f.plover_mode in (None, "beat")) for f in found):
        return "riot"
    if any(f.event_type == "Protests" or f.plover_type == "PROTEST" for f in found) \
            or any(value == "protest_ctx" for _, value in cues().single(word)):
        return "protest"
    return None
