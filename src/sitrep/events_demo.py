"""Demonstrations, as ACLED codes them: once, by what happened at them. A protest is upgraded
from what happens in the sentences around it (the crowd turns violent, force is used on it);
its rioting, clashes and the force used on the crowd become one event; what a demonstration is
about (the grievance) is background. Also the grammar those decisions read: grievance phrases,
negation, background clauses, who does what to whom.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from .events_lex import cue_set
from .events_mention import Mention, POLICE_UNITS, riot_units, sent_index
from .events_typing import Typing, less_lethal, type_mention


HURT = {"injure", "beat", "assault", "wound"}
HURT_SIDE = {"protester", "civilian", "person_target", "they"}


def _hurt_or_denied(tok: Token, roles: tuple[set, set]) -> bool:
    """A rioting word that tells no rioting: the crowd is who was hurt ("several protesters
    were injured", "police beat a protester"), or the violence is denied ("a non-violent
    demonstration")."""
    if tok.lemma_.lower() in HURT and (roles[1] & HURT_SIDE and not _forces_hurt(roles) or roles[0] & FORCES):
        return True
    before = tok.doc[max(tok.i - 2, 0):tok.i]
    return tok.lower_.startswith("violen") and any(t.lower_ in ("non", "non-") for t in before)


def _forces_hurt(roles: tuple[set, set]) -> bool:
    """Codebook (riots: demonstrators who engage in violence; they may target armed actors):
    police or soldiers told hurt at a demonstration by no one of their own ("at the march, three
    constables on duty were injured", "marchers injured two constables") were hurt by the crowd, so
    the hurting is rioting, not force the crowd met. The hurt must be named only as forces, not
    with the crowd, and not by forces."""
    return bool(roles[1] & FORCES) and not roles[1] & (CROWD | {"civilian"}) and not roles[0] & FORCES


def _arrests_made(tok: Token) -> bool:
    """'Arrests reported', 'six arrests were made': arrests told as happening, not the
    arrest of someone a protest is against ('against the arrest of the editor', 'his arrest')."""
    return tok.lemma_.lower() == "arrest" and tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ == "NNS" \
        and not any(c.dep_ in ("prep", "poss") for c in tok.children)


def protest_window(m: Mention, doc: Doc) -> Typing:
    """Upgrade a peaceful protest from what happens to it in the next sentences."""
    t = m.typing
    sents = list(doc.sents)
    n = next(k for k, s in enumerate(sents) if s.start <= m.tok.i < s.end)
    toks = range(sents[max(0, n - 2)].start, sents[min(n + 2, len(sents) - 1)].end)
    found = cue_set(doc, toks)
    for c in ("riot_act", "lethal_force", "intervention"):  # "protest against the killing of": the grievance
        found[c] = [i for i in found.get(c, []) if not grievance(doc[i]) and not negated(doc[i])]
    found["riot_act"] = [i for i in found.get("riot_act", [])  # "a hail storm", "carrying torches"
                         if not (doc[i].pos_ in ("NOUN", "PROPN") and doc[i].lemma_.lower() in THING_NOT_ACT)
                         and not (doc[i].pos_ == "PROPN" and doc[i].ent_type_ in NAME_ENTS)   # "in Tyre" 
                         and not (doc[i].dep_ == "amod" and doc[i].tag_ == "VBN"
                                  and doc[i].head.lemma_.lower() not in BURNT_THINGS)]   # "looted funds" 
    roles = {i: _roles(doc[i]) for c in ("riot_act", "lethal_force", "intervention") for i in found.get(c, [])}
    found["riot_act"] = [i for i in found["riot_act"] if not _hurt_or_denied(doc[i], roles[i])
                         and not _self_barricaded(doc[i])]
    riot = [i for i in found.get("riot_act", []) if roles[i][0] & (CROWD | {"protest_ctx"})
            and not (roles[i][0] & FORCES and not roles[i][0] & {"protester", "mob"})   # "riot police beat ..." 
            or (doc[i].text.lower() in ("violently", "violent") and (doc[i].head.i == m.tok.i or not roles[i][0]))
            or (doc[i].pos_ in ("NOUN", "PROPN") and not roles[i][0] & FORCES and not roles[i][1] & CROWD)
            or (not roles[i][0] and "property" in roles[i][1]) or _things_wrecked(doc[i])
            or _crowd_disorderly(doc[i], m.tok)
            or (_linked(doc[i], m.tok) and not roles[i][0] & FORCES and not roles[i][1] & CROWD
                and i != m.tok.i)]
    lethal = [i for i in found.get("lethal_force", []) if not roles[i][0] & CROWD
              and (doc[i].pos_ in ("VERB", "AUX") or doc[i].text.lower() in STRONG_FORCE)
              and not told_before(doc[i], m.tok) and not _cause_told_first(doc[i], m.tok, roles[i])]
    lethal += [i for i in toks if _violent_force(doc[i], roles.get(i) or _roles(doc[i]))]
    interv = [i for i in found.get("intervention", [])
              if doc[i].pos_ in ("NOUN", "PROPN") and not roles[i][0] & CROWD
              and (doc[i].lemma_.lower() not in ("arrest", "detention", "bar", "seal", "cordon", "break")
                   or _arrests_made(doc[i]))
              or roles[i][0] & FORCES or (roles[i][1] & CROWD and not roles[i][0] & CROWD)]
    interv += [i for i in found.get("halt", []) if _halted(doc[i], m.tok)]
    absorbed = {a.frame for a in m.absorbed if not grievance(a.tok) and not told_before(a.tok, m.tok)
                and not (a.frame == "shoot" and less_lethal(a.ctx.scope))}
    riot += _rioters_named(doc, found.get("rioter", []), m.tok)
    if riot and _rally(m) and all(doc[i].pos_ != "ADJ" and not doc[i].lower_.startswith("riot") for i in riot):
        return replace(t, event_type="Riots", sub_event_type="Mob violence", plover_mode="riot", confidence=0.7,
                       reason=t.reason + f"; violence at a rally, no demonstration: rioting ('{doc[riot[0]].text}')")
    if riot:
        return replace(t, event_type="Riots", sub_event_type="Violent demonstration", plover_mode="riot",
                       confidence=0.7, reason=t.reason + f"; demonstrators turned violent ('{doc[riot[0]].text}')")
    on_crowd = [a for a in m.absorbed if {"protester", "mob"} & a.ctx.recipient]
    beaten = [a for a in on_crowd if _armed_beating(a)]
    if lethal or absorbed & {"kill", "shoot"} or beaten:
        # (PLOVER manual: a beating with blunt instruments is ASSAULT 'beat', not 'firearms')
        mode, why = ("firearms", "lethal force used on protesters") if lethal or absorbed & {"kill", "shoot"} \
            else ("beat", f"protesters beaten with weapons ('{beaten[0].tok.text}')")
        return replace(t, event_type="Protests", sub_event_type="Excessive force against protesters",
                       plover_type="ASSAULT", plover_mode=mode, cameo="18",
                       confidence=0.7, reason=t.reason + f"; {why} (PLOVER: the repression)")
    if interv or {a.frame for a in on_crowd} & {"arrest", "beat", "attack", "injure"}:
        why = f"'{doc[interv[0]].text}'" if interv else "arrests"
        return replace(t, sub_event_type="Protest with intervention", confidence=0.7,
                       reason=t.reason + f"; protest met with intervention ({why})")
    return replace(t, confidence=0.75, reason=t.reason + "; no violence or intervention reported")


VICTIM_CROWD = {"protester", "rioter", "they"}


def _halted(tok: Token, protest: Token) -> bool:
    """Codebook (protest with intervention: a peaceful protest physically dispersed or suppressed
    without serious injury): police or soldiers stopping, blocking or ejecting the demonstrators
    or their demonstration ('police stopped the march', 'officers blocked them from entering',
    'soldiers stopped protesters from pitching tents'). A halt verb (event_cues.tsv) counts only
    with forces as its doers and the crowd or a demonstration as what it stops, so that
    'protesters blocked the road' stays the crowd's own act and 'police blocked the road' is no
    force on anyone; not negated, not part of the grievance nor told as what came before it
    ('protested after the police stopped them at the border')."""
    if tok.pos_ != "VERB" or grievance(tok) or negated(tok) or told_before(tok, protest):
        return False
    doers, stopped = _roles(tok)
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(doers & FORCES) and not doers & CROWD \
        and (bool(stopped & (CROWD | {"protest_ctx"})) or any(o.lemma_.lower() in DEMO_NOUNS for o in objs))


def _cause_told_first(tok: Token, protest: Token, roles: tuple[set, set]) -> bool:
    """A death or shooting told in a sentence before the demonstration's own is what the
    demonstration answers ("Three men were killed in a land dispute. The next day villagers
    protested"), not force used on it (codebook: excessive force is violence against people
    engaged in a protest), unless its victims are named as the crowd ("gunmen shot two
    marchers") or state forces, who police demonstrations, did it ("Police shot two men. The
    men had joined a march")."""
    return tok.sent.start < protest.sent.start and not roles[1] & VICTIM_CROWD \
        and "state_force" not in roles[0]


WRECK = {"burn", "torch", "destroy", "smash", "vandalise", "vandalize", "loot", "ransack", "damage"}
PEOPLE_CUES = {"protester", "rioter", "mob", "civilian", "person_target", "armed", "state_force"}


def _things_wrecked(tok: Token) -> bool:
    """Codebook (violent demonstration: vandalism, property destruction): things told wrecked
    in the passive with no doer ('benches were set alight and windows smashed', 'stalls were
    looted') around a demonstration are the crowd's rioting. The passive subject must be a
    thing, not people or forces, and the wrecking not told as earlier; a verb that shares
    the auxiliary of the passive it is conjoined to ('... were set alight and windows
    smashed') is passive too."""
    if tok.lemma_.lower() not in WRECK or tok.tag_ != "VBN":
        return False
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    passive = any(c.dep_ == "auxpass" for c in tok.children) \
        or tok.dep_ == "conj" and not own_aux and any(c.dep_ == "auxpass" for c in tok.head.children)
    if not passive or any(c.dep_ == "agent" or c.lower_ == "had" for c in tok.children):
        return False   # (a doer named, or what had been wrecked before: 'their homes had been burnt')
    subj = [c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")]
    words = set().union(*(cue_set(tok.doc, [t.i for t in s.subtree]) for s in subj))
    return bool(subj) and not PEOPLE_CUES & words and all(s.ent_type_ != "PERSON" for s in subj)


def _crowd_disorderly(tok: Token, protest: Token) -> bool:
    """Codebook (violent demonstration: demonstrators who engage in violent or destructive
    behaviour): a word of disorder said of the crowd or of the demonstration itself ('police
    dispersed the rowdy youths', 'the march turned chaotic') tells how the crowd behaved,
    whoever acts on the crowd in that clause. The clause's roles decide for verbs ('police beat
    the marchers': the crowd is hurt, not violent); an adjective of the crowd has no such side."""
    if tok.pos_ != "ADJ":
        return False
    if tok.dep_ == "amod":
        said_of = tok.head
    elif tok.dep_ in ("acomp", "oprd"):
        said_of = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    else:
        return False
    return said_of is not None and (said_of.i == protest.i or said_of.lemma_.lower() in DEMO_NOUNS
                                    or bool(CROWD & set(cue_set(tok.doc, [said_of.i])))
                                    or said_of.lower_ in CROWD_WORDS)


def _armed_beating(m: Mention) -> bool:
    """A beating with sticks, clubs or rods is violence that could lead to serious injury
    (codebook: excessive force against protesters); one told with no weapon stays an
    intervention, as ACLED's notes code it either way."""
    return m.frame == "beat" and "primitive" in m.ctx.scope


def _violent_force(tok: Token, roles: tuple[set, set]) -> bool:
    """'Violently' or 'brutally' tells force that could cause serious injury (codebook: excessive
    force against protesters) when the verb is done by forces, or done to the crowd or the
    demonstration by someone not of it ('violently suppressed the protest', 'the marchers were
    brutally beaten'); not what the crowd itself did violently."""
    if tok.text.lower() not in ("violently", "brutally"):
        return False
    crowd = CROWD | {"protest_ctx"}
    return bool(roles[0] & FORCES) or bool(roles[1] & crowd) and not roles[0] & crowd


def _rioters_named(doc: Doc, found: list[int], protest: Token) -> list[int]:
    """The text calls the demonstrators rioters ("a crowd of rioting youths", "Rioters took to
    the streets"): not a police unit ("riot police"), not what the protest is against, not negated,
    not riots told as background (told_before, as for _riot_before)."""
    units = riot_units(doc)
    return [i for i in found if i not in units and not grievance(doc[i]) and not negated(doc[i])
            and not _about(doc[i], set()) and not _earlier(doc[i]) and not told_before(doc[i], protest)
            and not (i + 1 < len(doc) and doc[i + 1].lemma_.lower() in POLICE_UNITS)]   # "Riot police chase ..."


def _earlier(tok: Token) -> bool:
    """The word is in a phrase of what came before ("since the prison riot in March")."""
    return any(a.dep_ == "prep" and a.lower_ in EARLIER_PREPS for a in tok.ancestors)


EARLIER_PREPS = {"since", "after", "following", "before"}
CROWD = {"protester", "rioter", "mob", "they"}
SAYING = {"say", "complain", "claim", "allege", "accuse", "argue", "chant", "demand", "insist", "warn", "state"}
CROWD_WORDS = {"protester", "protestor", "demonstrator", "crowd", "marcher", "they", "who", "rioter", "student"}
EARLIER_MARKS = {"after", "following", "because"}


def told_before(tok: Token, protest: Token) -> bool:
    """A death told as background of the protest, not force used on it: in a relative
    clause or participle on someone other than the crowd ("relatives of a man who died in an
    accident", "the site of the attack which killed a woman", "coffins of those killed"), in
    what the crowd says ("complaining that ... kills") or in a clause of what came before or
    caused it ("after a rider was gunned down ..., his comrades protested")."""
    if protest in tok.subtree and protest.dep_ != "compound":   # "two people killed in the protests"
        return False
    if _pluperfect(tok):
        return True
    for a in [tok, *tok.ancestors]:
        if a.i == protest.i:
            return False
        if a.dep_ in ("relcl", "acl") and a.head.lemma_.lower() not in CROWD_WORDS \
                and a.head.lower_ not in CROWD_WORDS and not _own_clause(a, protest):
            return True
        if a.dep_ == "ccomp" and a.head.lemma_.lower() in SAYING and a.head in _verb_of(protest).subtree:
            return True   # what the crowd says: "protested, complaining that the lockdown kills tourism"
        if a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in EARLIER_MARKS for c in a.children) \
                and not _on_demonstration(a):
            return True
    return False


def _pluperfect(tok: Token) -> bool:
    """A death or shooting told in the past perfect ("after an officer had killed two men", "whose
    son had been shot") was over before the demonstration was told: background, not force used on it."""
    return tok.pos_ == "VERB" and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in tok.children)


DEMO_NOUNS = {"demonstration", "protest", "rally", "march", "sit-in", "gathering"}


def _own_clause(clause: Token, protest: Token) -> bool:
    """A participle or relative clause on the demonstration word itself, or on another word
    naming a demonstration, tells how that demonstration went ("a march broken up using live
    rounds", "injured after police dispersed a demonstration using live bullets"): force in it
    is used on it."""
    return clause.head.i == protest.i or clause.head.lemma_.lower() in DEMO_NOUNS


def _means_of_verb(v: Token) -> bool:
    """A participle the parser hung on a demonstration noun that is a verb's object ("dispersed a
    demonstration using live bullets"): a demonstration uses nothing, so the participle tells how
    the verb's doers acted, as an adverbial participle after an object does."""
    return v.dep_ == "acl" and v.tag_ == "VBG" and v.head.lemma_.lower() in DEMO_NOUNS and v.head.dep_ == "dobj"


def _on_demonstration(clause: Token) -> bool:
    """An 'after' clause whose verb is done to a demonstration ("after police dispersed a
    demonstration", "after the rally was broken up") tells that demonstration's end, not what
    came before it: the force in it is used on the crowd."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in DEMO_NOUNS for c in clause.children)


LINK_DEPS = {"advcl", "xcomp", "conj", "pcomp", "acl", "amod", "prep", "pobj", "dobj"}


def _verb_of(tok: Token) -> Token:
    v = tok
    for _ in range(4):
        if v.pos_ in ("VERB", "AUX") or v.head is v:
            break
        v = v.head
    return v


def _means(v: Token, heads: set[int]) -> bool:
    """The verb tells how the protest was made: "protest ... by setting fire to stalls",
    "protested by blocking a road and lighting fires" ('by' on the protest or its verb)."""
    means = v.head if v.dep_ == "conj" and v.head.dep_ == "pcomp" else v
    return means.dep_ == "pcomp" and means.head.lower_ == "by" and means.head.head.i in heads


def _manner(v: Token, protest_verb: Token) -> bool:
    """A participle of the protest verb with no subject or conjunction of its own ("demonstrated
    throwing eggs at the offices", "protested, burning tyres") tells how the crowd protested:
    its doers are the demonstrators."""
    return v.dep_ in ("advcl", "xcomp") and v.tag_ == "VBG" and v.head.i == protest_verb.i \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in v.children)


def _linked(cue: Token, protest: Token) -> bool:
    """The cue is done by the demonstrators themselves: its verb is the protest verb, or
    the verb the protest clause hangs on ("burnt ballots, protesting ...", "blocked the
    road with burning tyres to demonstrate")."""
    v = _verb_of(cue)
    pv = _verb_of(protest)
    if v.i == pv.i:
        return True
    if pv.dep_ in ("advcl", "xcomp", "conj") and pv.head.i == v.i:
        return True
    if v.dep_ in ("conj",) and v.head.i == pv.i or _manner(v, pv):
        return True
    if _means(v, {pv.i, protest.i}):
        return True
    # a participle inside the protest verb's own clause ("with burning tyres")
    return v.dep_ in ("amod", "acl") and any(a.i == pv.i or (pv.dep_ in ("advcl", "xcomp") and a.i == pv.head.i)
                                            for a in v.ancestors)


STRONG_FORCE = {"live", "gunshot", "gunshots", "excessive", "fatal", "fatally", "brutally"}
FORCES = {"armed", "state_force"}
THING_NOT_ACT = {"storm", "torch", "fire"}
NAME_ENTS = {"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"}
BURNT_THINGS = {"tyre", "tire", "barricade", "object", "debris", "fire", "bonfire", "firecracker", "window"}   # "burnt tyres" is rioting; "looted funds" is not


PRIVATIVE = {"devoid", "free", "void", "absence", "lack"}   # "X of": the X is missing


def negated(tok: Token) -> bool:
    """"No reports of violence", "did not clash", "free of clashes": the cue is negated."""
    for a in [tok, *tok.ancestors][:4]:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in a.children):
            return True
    return said_missing(tok)


def said_missing(tok: Token) -> bool:
    """"Ended without violence", "devoid of tear gas and running battles", "free of clashes": the
    cue's noun phrase (or a phrase it is coordinated with) is the object of a preposition that says
    it is missing."""
    while tok.dep_ in ("amod", "compound", "conj") and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj":
        return False
    return prep.lower_ == "without" or (prep.lower_ == "of" and prep.head.lemma_.lower() in PRIVATIVE)


GRIEVANCE_VERBS = {"protest", "denounce", "condemn", "decry", "demonstrate"}
GRIEVANCE_PREPS = {"against", "over", "about", "following", "after", "for", "into"}
BECAME = {"degenerate", "turn", "escalate", "descend", "spiral", "deteriorate", "develop", "transform", "erupt",
          "break", "dissolve", "devolve"}
TIME_NOUNS = {"day", "night", "week", "weekend", "month", "year", "hour", "time", "minute", "evening", "morning"}


def _grievance_prep(tok: Token) -> bool:
    """A preposition that may say what a protest is about ("over the arrest", "for
    justice", "in protest of the shooting"), not one of time ("for a second day", "for three
    hours")."""
    word = tok.text.lower()
    if tok.dep_ == "prep" and word == "of" and tok.head.lemma_.lower() == "protest" \
            and tok.head.head.text.lower() == "in":
        return True
    if tok.dep_ != "prep" or word not in GRIEVANCE_PREPS:
        return False
    if word == "into" and tok.head.lemma_.lower() in BECAME:   # "the protest degenerated into a clash": what
        return False                                            # it turned into, not what it is about
    return not (word == "for" and any(c.dep_ == "pobj" and c.lemma_.lower() in TIME_NOUNS for c in tok.children))


def _participle_clause(tok: Token) -> bool:
    """"..., burning tyres": a participle phrase after a comma that the parser hung as an
    apposition on the noun before it, as a second object of the verb, or as one more item
    conjoined to what is protested ("protested against the mayor, burning posters"); it tells
    what the crowd did, not more of what they protest."""
    doc = tok.doc
    return tok.dep_ in ("appos", "dobj", "conj") and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == "," \
        and any(c.dep_ == "amod" and c.tag_ == "VBG" and c.i < tok.i for c in tok.children)


def _up(tok: Token) -> list[Token]:
    """The token and its ancestors, below a participle clause it belongs to (the clause's
    link to the rest of the sentence is the parser's, not the text's)."""
    out = []
    for a in [tok, *tok.ancestors]:
        if _participle_clause(a):
            break
        out.append(a)
    return out


def grievance(tok: Token) -> bool:
    """A cue inside what a protest is about ("protest over the arrest of", "after the killing",
    "protested the attack")."""
    path = _up(tok)
    return any(_grievance_prep(a) for a in path[1:]) \
        or any(a.dep_ == "dobj" and a.head.lemma_.lower() in GRIEVANCE_VERBS for a in path)


def _roles(tok: Token) -> tuple[set, set]:
    """Cue names on the agent side and the patient side of the verb a cue word belongs to. A
    noun the verb's clause describes ("measures to disperse crowds", "people who burnt tyres
    to demand fuel") is read without the verb's own subject or object, which are the other side."""
    v = tok
    while v.pos_ not in ("VERB", "AUX") and v.head is not v and v.dep_ not in ("ROOT",):
        v = v.head
    agent = [c for c in v.children if c.dep_ == "nsubj"] + [g for c in v.children if c.dep_ == "agent"
                                                           for g in c.children]
    patient = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    own = {id(h): {t.i for t in h.subtree} for h in agent + patient}
    if _means_of_verb(v):   # "dispersed a demonstration using live bullets": the dispersers used them
        agent += [c for c in v.head.head.children if c.dep_ == "nsubj"]
    elif v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
        (patient if v.tag_ == "VBN" else agent).append(v.head)
    if v.dep_ == "conj" and not agent:
        agent = [c for c in v.head.children if c.dep_ == "nsubj"]
    if not agent:
        agent = _controller(v)

    def cues(heads, other):
        skip = set().union(*(own.get(id(h), set()) for h in other))
        toks = {t.i for h in heads for t in h.subtree if t.i not in skip}
        out = set(cue_set(tok.doc, toks))
        if any(h.text.lower() in ("they", "them", "demonstrators", "crowd") for h in heads):
            out.add("they")
        return out

    return cues(agent, patient), cues(patient, agent)


def _controller(v: Token) -> list[Token]:
    """The doer of an active verb with no subject of its own that completes another verb
    ("the students are suspected of burning the hall", "youths tried to loot shops"): the
    subject of that verb, which has no object of its own (in "police ordered the crowd to
    leave", the crowd leaves, not the police)."""
    if v.tag_ not in ("VBG", "VB") or any(c.dep_ in ("auxpass", "nsubj", "nsubjpass") for c in v.children):
        return []
    if v.dep_ == "xcomp":
        main = v.head
    elif v.dep_ == "pcomp" and v.head.dep_ == "prep":
        main = v.head.head
    else:
        return []
    if main.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("dobj", "dative") for c in main.children):
        return []
    return [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")]


DEMO_TYPES = {"Protests", "Riots"}
CROWD_ACTS = {"clash", "attack", "shoot", "kill", "beat", "injure", "arrest", "destroy", "loot", "mob", "riot",
              "abduct", "restrict", "disrupt"}
REPRESSION = {"shoot", "kill", "beat", "injure", "attack"}
DEMO_RANK = {"Violent demonstration": 3, "Mob violence": 3, "Excessive force against protesters": 2,
             "Protest with intervention": 1, "Peaceful protest": 0}


def _crowd_side(m: Mention, host: Mention) -> bool:
    """The violent act is the crowd's: done by demonstrators, rioters, a mob, "they", the
    demonstration's own participants, people the demonstration word itself describes
    ("traders protesting the fees attacked the guards"), or (a clash at a demonstration) by no
    one armed."""
    words = m.ctx.words_of("actor")
    if {"protester", "rioter", "mob"} & words:
        return True
    if any(t.lower_ in ("they", "demonstrators", "protesters", "crowd") for t in m.args.actor_heads):
        return True
    if m.actors and any(a in host.actors for a in m.actors):
        return True
    if any(h.left_edge.i <= host.tok.i <= h.right_edge.i for h in m.args.actor_heads):
        return True   # "a group of women protesting ... attacked them": the doers are named by their protest
    sides = words | m.ctx.words_of("recipient")
    return m.frame == "clash" and not ({"armed", "nonstate"} & words) and (
        bool({"armed", "state_force", "mob", "protester", "rioter", "civilian"} & sides)
        or not (m.args.actor_heads or m.args.recipient_heads))  # not "the fight against poverty"


def _riot_default(m: Mention) -> bool:
    """Which rioting mentions yield the riot's sub-event type to others: the riot word's own
    typing is a default, and so is a fight with the police ("traders rioted and fought the
    police"). The codebook's mob violence is rioters against other rioters, an armed group or
    civilians; police containing a riot are the force any violent demonstration meets, not
    that other side. So what the crowd did to anyone else decides, else the riot word."""
    return m.frame == "riot" or "state_force" in (m.ctx.words_of("actor") | m.ctx.words_of("recipient"))


def _storming(m: Mention) -> bool:
    """A crowd storming a place ("residents stormed the county offices") forces its way in
    but tells no violence: the codebook's violent demonstration needs vandalism, barricades or
    other violent or destructive behaviour, so the storming alone leaves the demonstration
    as it was (event_cues: 'storm' is no riot_act); what the crowd did inside is told by
    its own words."""
    return m.tok.lemma_.lower() == "storm"


REFLEXIVES = {"themselves", "himself", "herself", "ourselves"}


def _self_barricaded(tok: Token) -> bool:
    """Codebook (violent demonstration: road-blocking using barricades). People who barricade
    themselves inside an office or a school occupy it, as a sit-in does: they block no road and
    damage nothing, so their barricading tells no violence."""
    return tok.lemma_.lower() == "barricade" and any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES
                                                      for c in tok.children)


def _about(tok: Token, demo_heads: set[int]) -> bool:
    """The word is inside what a demonstration is about: under a grievance preposition
    attached to a demonstration trigger ("protest over the arrest", "rioting after being
    blocked") or the object of "protest"/"denounce" ("protested the killing")."""
    for a in _up(tok):
        if _grievance_prep(a) and a.head.i in demo_heads and a.head.i != tok.i:
            return True
        if _crowd_named_by(a, demo_heads):
            return True
        if a.dep_ == "dobj" and a.head.lemma_.lower() in GRIEVANCE_VERBS:
            return True
    return False


def _crowd_named_by(a: Token, demo_heads: set[int]) -> bool:
    """The word is in an 'of' phrase on the demonstrators' own noun, which names them by what
    befell them or their kin ("victims of the ethnic clashes held a demonstration", "widows of
    the men killed in the raid marched"): who the crowd are, as a grievance is what they are
    about, not violence of theirs (codebook: a violent demonstration is one whose demonstrators
    are violent). The noun is a bereaved cue (event_cues.tsv) and the subject of the
    demonstration's verb."""
    subj = a.head
    return a.dep_ == "prep" and a.lower_ == "of" and subj.dep_ in ("nsubj", "nsubjpass") \
        and subj.head.i in demo_heads and "bereaved" in cue_set(a.doc, [subj.i])


def _on_crowd(m: Mention, host: Mention) -> bool:
    """Force used on the demonstrators: the target is the crowd, or state forces act with
    no other target in the demonstration's sentence."""
    if {"protester", "rioter", "mob"} & m.ctx.words_of("recipient") \
            or any(t.lower_ in ("them", "they", "crowd") for t in m.args.recipient_heads):
        return True
    return not m.args.recipient_heads and "state_force" in m.ctx.actor and m.tok.sent.start == host.tok.sent.start


RALLY_WORDS = {"rally", "convention", "campaign", "celebration", "celebrate", "meeting"}
UNARMED_SIDES = {"armed", "state_force", "nonstate"}


def _crowd_fight(riot: list[Mention], host: Mention) -> bool:
    """Codebook (Mob violence): rioters fighting other rioters outside a demonstration. A
    political rally or celebration is no demonstration of a grievance; supporters fighting
    each other there, with no police or armed group on either side, are mob violence."""
    if host.tok.lemma_.lower() not in RALLY_WORDS:
        return False
    fights = [m for m in riot if m is not host]
    return bool(fights) and all(
        m.frame == "clash" and not (UNARMED_SIDES & (m.ctx.words_of("actor") | m.ctx.words_of("recipient")
                                                      | m.ctx.actor | m.ctx.recipient))
        for m in fights)


def _rally(m: Mention) -> bool:
    """Codebook (Mob violence: rioting outside demonstrations). A political rally, campaign
    meeting or celebration gathers supporters; it voices no grievance, so it is no demonstration
    that would make the violence told with it a violent demonstration ("supporters of two
    candidates clashed at a rally", "youths stoned cars after the rally"): what the crowd did
    decides, by its own typing; violence told around the rally itself is mob violence, but a crowd
    only called rowdy there, or said to riot, stays a violent demonstration, as ACLED codes it."""
    return m.tok.lemma_.lower() in RALLY_WORDS


TARGET_PREPS = {"at", "on", "against", "into"}
NOT_TARGET = {"nsubj", "nsubjpass", "conj", "advcl", "relcl", "acl", "agent"}


def _crowd_target(p: Mention, riot: list[Mention]) -> bool:
    """The rally or march is what the violent crowd attacks ("youths threw stones at a
    political rally", "pelted rally attendees"): below the crowd's act through its object or
    a preposition of aim, not through a subject, a clause or another preposition ("threw
    stones at police during the rally"). It is not the crowd's own demonstration: its
    attackers are a mob (codebook: mob violence is rioting outside demonstrations)."""
    for r in riot:
        if r is p:
            continue
        a = p.tok
        while a.head.i != a.i and a.i != r.tok.i and a.dep_ not in NOT_TARGET \
                and (a.dep_ != "prep" or a.lower_ in TARGET_PREPS):
            a = a.head
        if a.i == r.tok.i:
            return True
    return False


def demonstration(live: list[Mention], doc: Doc) -> list[Mention]:
    """One demonstration event (_one_demonstration), in a report that tags its crowd's size a
    demonstration whatever its triggers say (crowd_sized); prisoners' riots with no demand told
    are mob violence (prison_riot)."""
    return prison_riot(crowd_sized(_one_demonstration(live, doc), doc), doc)


PRISON_WORDS = {"prison", "prisoner", "inmate", "jail", "jailhouse", "penitentiary", "detainee"}
PRISON_FIGHTS = {"riot", "clash"}


def prison_riot(live: list[Mention], doc: Doc) -> list[Mention]:
    """Codebook (violent demonstration: demonstrators engaging in violence; mob violence: rioting
    outside demonstrations). Prisoners rioting in their prison ('inmates rioted and set fire to
    a wing', 'a prison riot left one inmate dead') voice no grievance to anyone by rioting: where
    the report tells no demand, protest or call for anything, the riot is mob violence, not a
    violent demonstration; prisoners who demand or protest, or riot over or after something
    ('rioted over a cut in visits'), stay demonstrators."""
    if not any(t.lemma_.lower() in PRISON_WORDS for t in doc):
        return live
    if "protest_ctx" in cue_set(doc, range(len(doc))) or any(
            t.lemma_.lower() == "call" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "for" for t in doc):
        return live
    for m in live:
        t = m.typing
        if t is None or m.status != "asserted" or (t.event_type, t.sub_event_type) != ("Riots", "Violent demonstration"):
            continue
        fights = [x for x in [m, *m.absorbed] if x.frame in PRISON_FIGHTS]
        if not fights or any(_cause_told(x.tok) for x in fights):
            continue
        m.typing = replace(t, sub_event_type="Mob violence", reason=t.reason + "; prisoners rioting with no demand "
                           "or protest told: rioting, not a demonstration (codebook: mob violence)")
    return live


SIZE_TAG = re.compile(r"\[\s*size\s*=", re.IGNORECASE)
SIZED_VIOLENCE = {("Battles", "Armed clash"), ("Violence against civilians", "Attack")}


def crowd_sized(live: list[Mention], doc: Doc) -> list[Mention]:
    """ACLED's notes record the size of the crowd ('[size=no report]', '[size=about 300]') for
    demonstration events only, protests and riots (codebook: crowd size is recorded for
    demonstrations). A report carrying that tag is about a demonstration: violence its triggers
    type as an armed clash or an attack is a crowd's violence against people (mob violence), and a
    strategic development told in it (a lockdown defied, a road blocked, people detained) or an act
    with no ACLED type (a demand, a complaint) is the demonstration: typed as the demonstration
    another mention tells (the most violent), or, when none does, by what happened to it
    (protest_window). Explosions and mentions already typed as a demonstration keep their typing."""
    if not SIZE_TAG.search(doc.text):
        return live
    why = "the report tags its crowd's size, which ACLED records for demonstrations only"
    asserted = [m for m in live if m.status == "asserted" and m.typing is not None]
    for m in asserted:
        t = m.typing
        if (t.event_type, t.sub_event_type) in SIZED_VIOLENCE:
            m.typing = replace(t, event_type="Riots", sub_event_type="Mob violence", plover_mode="primitive",
                               cameo="14" if t.plover_type == "PROTEST" else "18",
                               reason=t.reason + f"; {why}: the crowd's violence against people (mob violence)")
    demos = [m for m in asserted if m.typing.event_type in DEMO_TYPES]
    lead = max(demos, key=lambda m: (DEMO_RANK.get(m.typing.sub_event_type, 0), m.typing.confidence), default=None)
    for m in asserted:
        t = m.typing
        if t.event_type not in (None, "Strategic developments"):
            continue
        if lead is not None:   # the demonstration the text types elsewhere
            m.typing = replace(t, event_type=lead.typing.event_type, sub_event_type=lead.typing.sub_event_type,
                               reason=t.reason + f"; {why}: the demonstration ('{lead.tok.text}')")
            continue
        m.typing = replace(t, event_type="Protests", sub_event_type="Peaceful protest",
                           reason=t.reason + f"; {why}: the demonstration")
        m.typing = protest_window(m, doc)
    return live


def _one_demonstration(live: list[Mention], doc: Doc) -> list[Mention]:
    """ACLED codes a demonstration once, by what happened at it: a protest whose crowd
    turns violent is a violent demonstration (a crowd may start peacefully and turn to rioting),
    one met with force is a protest with intervention or excessive force. The protest
    mention, the rioting, the crowd's clash with police and the force used on the crowd
    (within two sentences, not part of the grievance, not negated) become one event; what the
    demonstration is about is background and ranks below it."""
    sidx = sent_index(doc)
    sent = {id(m): sidx[m.tok.sent.start] for m in live}
    cand = [m for m in live if m.typing.event_type in DEMO_TYPES and m.status == "asserted"
            and (m.kind == "protest" or m.frame in ("riot", "obstruct", "mob"))]
    heads = {m.tok.i for m in cand}
    # "held a protest against ...", "protest was staged against ...", "demonstrators pelted stones over ..."
    heads |= {m.tok.head.i for m in cand if m.tok.dep_ in ("dobj", "nsubj", "nsubjpass")}
    demos = [m for m in cand if not _about(m.tok, heads)]
    if not demos:
        return live
    for m in live:
        if m not in demos and _about(m.tok, heads):
            m.typing = replace(m.typing, confidence=min(m.typing.confidence, 0.5),
                               reason=m.typing.reason + "; what a demonstration is about (background)")
    host = demos[0]
    members = [host]
    background = grievance(host.tok)
    for m in live:
        if m is host or m.status != "asserted" or _about(m.tok, heads) or negated(m.tok) or _pluperfect(m.tok) \
                or (grievance(m.tok) and not background) or _riot_before(m, host) \
                or not any(abs(sent[id(m)] - sent[id(d)]) <= 2 for d in demos):
            continue
        if m.typing.event_type in DEMO_TYPES:
            members.append(m)
        elif m.frame in CROWD_ACTS and m.typing.event_type in (
                "Battles", "Violence against civilians", "Strategic developments") \
                and m.typing.sub_event_type in ("Armed clash", "Attack", "Arrests", "Looting/property destruction") \
                and not ({"nonstate"} & (m.ctx.words_of("actor") | m.ctx.words_of("recipient"))):
            members.append(m)
    riot = [m for m in members if not _storming(m) and not _self_barricaded(m.tok) and (
            m.typing.event_type == "Riots" or "rioter" in m.ctx.words_of("actor")
            or (m.frame in ("clash", "destroy", "loot", "attack", "beat") and _crowd_side(m, host)))]
    if len(members) < 2 and not (riot and host.typing.event_type != "Riots"):
        return live
    force = [m for m in members if m.frame in REPRESSION and m not in riot and _on_crowd(m, host)]
    protest = any(m.kind == "protest" and m.frame != "obstruct" and not _crowd_target(m, riot) and not _rally(m)
                  for m in members)
    conf = max(m.typing.confidence for m in members)
    t = host.typing
    if riot:
        fight = _crowd_fight(riot, host)
        sub = "Mob violence" if fight else "Violent demonstration" if protest else next(  # "riot"'s own typing
            (m.typing.sub_event_type for m in sorted(riot, key=_riot_default)  # is a default
             if m.typing.event_type == "Riots"), "Mob violence")
        if (t.event_type, t.sub_event_type) != ("Riots", sub):
            why = "supporters fighting each other at a rally, not a demonstration: mob violence" if fight \
                else f"the crowd turned violent ('{riot[0].tok.text}')"
            t = replace(t, event_type="Riots", sub_event_type=sub, plover_type="PROTEST", plover_mode="riot",
                        cameo="14", reason=t.reason + f"; {why}")
    else:
        best = max((m for m in members if m.typing.event_type == "Protests"),
                   key=lambda m: DEMO_RANK.get(m.typing.sub_event_type, 0), default=host)
        if best is not host:
            t = replace(best.typing, reason=best.typing.reason + " (from another mention of the demonstration)")
        if force and DEMO_RANK.get(t.sub_event_type, 0) < 2:
            lethal = any(m.frame == "kill" or _armed_beating(m)
                         or (m.frame == "shoot" and not less_lethal(m.ctx.scope)) for m in force)
            sub = "Excessive force against protesters" if lethal else "Protest with intervention"
            t = replace(t, sub_event_type=sub, reason=t.reason + f"; force used on the crowd ('{force[0].tok.text}')")
    host.typing = replace(t, confidence=max(conf, t.confidence),
                          reason=t.reason + "; one demonstration (ACLED codes it once)")
    for m in members[1:]:
        host.absorbed.append(m)
    gone = {id(m) for m in members[1:]}
    return [m for m in live if id(m) not in gone]


def _riot_before(m: Mention, host: Mention) -> bool:
    """Riots told as background, as a death is (told_before: in a relative clause on someone other
    than the crowd, "to honour a man who was hurt during riots last year"), are no rioting of
    this demonstration's crowd."""
    return m.frame == "riot" and told_before(m.tok, host.tok)


def _cause_told(tok: Token) -> bool:
    """The act is told with what it answers: a grievance phrase ('rioted over the food', 'in
    protest of') or a clause of what came before it ('rioted after visits were banned')."""
    return any(_grievance_prep(c) or c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in EARLIER_MARKS
                                                               for g in c.children) for c in tok.children)


DEMANDERS = {"group", "crowd"}   # "a group of workers demanded": the people of the phrase
ARMED_SIDE = {"armed", "state_force", "nonstate"}


def crowd_demand(m: Mention) -> bool:
    """People of the street who demand something ('residents demanded water', 'a group of
    workers demanded their wages'): a demand made in public by a crowd is a demonstration
    (codebook: protests are public demonstrations against a political entity, an institution,
    a policy or a business). Not a demand of a state, party, armed group, official or one
    person, which is a statement (PLOVER REQUEST), and not a demand reported, denied or awaited,
    nor one told as what came before ('fired on the porters after they demanded their wages')."""
    tok = m.tok
    if m.frame != "request" or tok.lemma_.lower() != "demand" or tok.pos_ != "VERB" or m.status != "asserted":
        return False
    if len(m.args.actor_heads) != 1 or any(c.dep_ == "mark" and c.lower_ in EARLIER_MARKS for c in tok.children):
        return False   # "after they demanded their wages": the cause, told as background
    head = m.args.actor_heads[0]
    plural = head.tag_ in ("NNS", "NNPS") or head.lemma_.lower() in DEMANDERS
    return plural and "mob" in m.ctx.words_of("actor") and not ARMED_SIDE & m.ctx.actor


CROWD_PRONOUNS = {"they", "participants", "protesters", "demonstrators"}


def demands_next(m: Mention, doc: Doc) -> bool:
    """A gathering whose crowd makes its demands in the next sentence ('Workers gathered
    outside the ministry. They demanded their wages.'): a demonstration, as when its own
    sentence says so ('gathered to demand')."""
    if m.frame != "assemble":
        return False
    sents = list(doc.sents)
    n = next(k for k, s in enumerate(sents) if s.start <= m.tok.i < s.end)
    if n + 1 >= len(sents):
        return False
    nxt = sents[n + 1]
    found = cue_set(doc, range(nxt.start, nxt.end)).get("protest_ctx", [])
    return any(c.dep_ == "nsubj" and c.lower_ in CROWD_PRONOUNS for i in found for c in doc[i].children)


AIM_PREPS = {"over", "against"}


def gathered_over(m: Mention) -> bool:
    """A crowd taking to the streets or gathering over or against something ('workers took to the
    streets over unpaid salaries', 'residents gathered against the eviction'): what they gather
    about is a grievance, so the gathering is a demonstration. Not a time ('over the weekend')."""
    if m.frame != "assemble":
        return False
    verb = m.tok if m.tok.pos_ in ("VERB", "AUX") else m.tok.head
    return any(c.dep_ == "prep" and c.lower_ in AIM_PREPS and any(
        g.dep_ in ("pobj", "pcomp") and g.lemma_.lower() not in TIME_NOUNS and g.ent_type_ not in ("DATE", "TIME")
        for g in c.children) for c in verb.children)


def dispersal_last(live: list[Mention]) -> list[Mention]:
    """A crowd dispersed ('police dispersed hundreds of supporters') tells a gathering met with
    force only where the text tells no demonstration or riot of its own: beside rioting or a
    mob's violence the dispersal is the force used on that crowd (an intervention cue), and
    no demonstration the codebook would need to make the riot a violent demonstration."""
    told = any(m.typing.event_type in ("Protests", "Riots") for m in live if not _dispersal(m))
    return [m for m in live if not (told and _dispersal(m))]


def _dispersal(m: Mention) -> bool:
    return m.frame == "protest" and m.tok.lemma_.lower() == "disperse"


def no_dispersal(m: Mention) -> bool:
    """'Disperse' with no one dispersed ('told them to disperse', 'the crowd dispersed') or no
    crowd dispersed by the authorities (events_typing): no force used on a gathering. Dropped
    before outcomes are absorbed, so that what it would absorb ('assaulted the officers who
    told them to disperse') stays an event of its own."""
    return _dispersal(m) and (not any(c.dep_ in ("dobj", "nsubjpass", "auxpass", "agent") for c in m.tok.children)
                              or not type_mention(m.frame, m.ctx).keep)
