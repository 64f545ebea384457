"""Event arguments and status from the dependency parse.

``arguments(state, tok, frame)`` returns the actor-side and recipient-side noun heads of
an event mention and the actors they resolve to; ``status_of(tok)`` reads modality
(future, hypothetical) and negation off the trigger and the verbs that govern it.
``target_heads(tok)`` lists, level by level, where else the sentence may name the party
an act is aimed at (PLOVER's target), and ``demanded_of(tok)`` reads 'X said Y must ...'
as X's request of Y; the implied-actors stage uses both for events left without one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Token

from .events_lex import DYING
from .records import Actor
from .knowledge import STATE_FORCES, knowledge
from .lexicon import word_class
from .stages.actors import actor_of, resolver, stance_prefixed

SUBJ = {"nsubj", "csubj"}
OBJ = {"dobj", "nsubjpass", "dative", "attr", "oprd"}
RECIPIENT_PREPS = {"among", "to", "against", "on", "at", "with", "between", "upon", "toward", "towards", "into", "from", "of"}
SYMMETRIC_PREPS = {"with", "between", "among", "amongst"}
GOVERNOR_PREPS = SYMMETRIC_PREPS | {"against"}   # "engaged in ethnic cleansing against X", "launched fire against X"
SPEECH = {"say", "tell", "report", "claim", "state", "announce", "allege", "add", "confirm", "insist",
          "write", "declare", "accuse", "deny", "assert", "note", "warn", "stress", "reiterate", "repeat"}
PLURAL_ANAPHORS = {"side", "country", "nation", "state", "ally", "neighbour", "neighbor", "party", "rival",
                   "foe", "government", "capital", "adversary", "enemy", "republic"}
NEGATING_GOVERNORS = {"fail", "refuse", "decline"}
HYPOTHETICAL_GOVERNORS = {"threaten", "warn", "fear", "risk", "could", "would", "consider", "call", "demand",
                          "urge", "ask", "request", "appeal", "push", "press"}
REQUESTS = {"call", "demand", "urge", "ask", "request", "appeal", "push", "press", "seek", "want"}
MODAL_FUTURE = {"will", "shall", "'ll", "wo"}
MODAL_HYPO = {"could", "would", "might", "may", "should", "must", "ought", "can"}


def resolve_np(state, tok: Token) -> list[Actor]:
    """The actors the noun phrase headed by ``tok`` denotes (coordination fans out)."""
    out: list[Actor] = []
    # "X and Y Z" misparsed as a modifier of Z: a coordinated modifier is a conjunct
    extra = [c for c in tok.children if c.dep_ in ("nmod", "compound") and any(g.dep_ == "cc" for g in c.children)]
    first: list[Actor] = []
    heads = sorted({tok, *_later_conjuncts(tok), *extra, *_owners_conjuncts(tok)}, key=lambda t: t.i)
    for n, head in enumerate(heads):
        got = [_city_struck(state, head, a) or _armed_state(state, head, a) or a for a in _resolve_one(state, head)]
        got = _shared_nationality(state, head, got, first) if first else got
        got = got or (_shared_people(state, head, first) if first else [])
        got = _shared_title(state, head, got, heads[n + 1:])
        first = first or got
        for a in got + _coordinated_countries(state, head, got):
            if a not in out:
                out.append(a)
    return out


def _later_conjuncts(tok: Token) -> list[Token]:
    """The conjuncts a phrase fans out to: all of them from the head of the coordination,
    only those after it from a later conjunct (the parser may run one chain through a place
    and the subject after its comma: 'in X, Y region, drivers and conductors protested')."""
    return [c for c in tok.conjuncts if tok.dep_ != "conj" or c.i > tok.i]


def _shared_nationality(state, head: Token, got: list[Actor], first: list[Actor]) -> list[Actor]:
    """'Israeli helicopters and tanks': a bare conjunct (no modifier of its own) shares the
    first conjunct's nationality, where its own country was only the document's main one."""
    from .stages.actors import resolver

    if head.dep_ != "conj" or any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in head.children):
        return got
    guessed = resolver(state).guessed
    return [next((f for f in first if f.country and f.sector == a.sector), a) if a.id in guessed else a for a in got]


def _owners_conjuncts(tok: Token) -> list[Token]:
    """'shelled posts of the X police and nearby homes': the parser hangs a second
    place or thing on the owner of the first; both are what the act is aimed at. The later
    conjuncts of the 'of' object of a place or thing noun, where they are places or things."""
    if tok.lemma_.lower() not in word_class("civilian_thing", "military_thing"):
        return []
    return [k for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in _pobjs(c)
            for k in g.conjuncts if k.i > g.i and k.lemma_.lower() in word_class("civilian_thing", "military_thing")]


def _shared_people(state, head: Token, first: list[Actor]) -> list[Actor]:
    """'the X police and nearby homes', 'X tanks and bulldozers': a civilian or
    military place or thing that names no actor, coordinated after a conjunct that has a
    country, is that country's civilians or military (as ``_people`` reads it with the
    nationality on it). Not a vehicle: 'troops and vehicles' are one side's."""
    lemma = head.lemma_.lower()
    named = [a for a in first if a.country]
    if head.dep_ != "conj" or not named or lemma not in word_class("civilian_thing", "military_thing") or lemma in VEHICLES:
        return []
    phrase = "civilians" if lemma in word_class("civilian_thing") else "military"
    title = knowledge().title_for(phrase)
    why = f"'... and {head.text}': {phrase} of {named[0].country}"
    sub = resolver(state).sub_actor(named[0].country, title, why) if title is not None else None
    return [sub] if sub is not None else []


def _shared_title(state, head: Token, got: list[Actor], later: list[Token]) -> list[Actor]:
    """'Sierra Leonean and Liberian refugees' parsed as two conjuncts: the bare nationality
    shares the title of the last conjunct (its refugees, not its state)."""
    from .stages.actors import phrase_title, resolver

    if not later or head.ent_type_ != "NORP" or head.tag_ not in ("NNP", "JJ") \
            or len(got) != 1 or got[0].kind != "state" or not got[0].country:
        return got
    hit = phrase_title(resolver(state), later[-1])
    if hit is None or hit[0].sector in ("GOV", None):
        return got
    why = f"'{head.text} and ... {later[-1].text}': {hit[0].phrase} of {got[0].country}"
    sub = resolver(state).sub_actor(got[0].country, hit[0], why)
    return [sub] if sub is not None else got


def _coordinated_countries(state, head: Token, got: list[Actor]) -> list[Actor]:
    """'Hungarian and Romanian officials', 'French and Egyptian warships': the head resolved
    to the first nationality's actor; each coordinated nationality has its own."""
    if not got or not got[0].country:
        return []
    from .knowledge import knowledge
    from .stages.actors import ent_country, phrase_title, resolver

    first, r, kb = got[0], resolver(state), knowledge()
    out = []
    for c in head.children:
        if c.dep_ not in ("amod", "compound", "nmod") or c.i > head.i:
            continue
        if ent_country(kb, c) != first.country:
            continue
        for k in c.conjuncts:
            iso = ent_country(kb, k)   # the words of the phrase are all marked as the first actor's
            if iso is None or iso == first.country:
                continue
            hit = phrase_title(r, head)
            title = hit[0] if hit else kb.title_for({"MIL": "military", "CVL": "civilians"}.get(first.sector or "", ""))
            why = f"'{c.text} and {k.text} {head.text}': {k.text} as well"
            sub = title is not None and (first.kind != "state" or first.sector != "GOV")
            out.append(r.sub_actor(iso, title, why) if sub else r.state_actor(iso, why))
    return out


def _resolve_one(state, head: Token) -> list[Actor]:
    if head.lower_ in FIRST_PLURAL and head.pos_ == "PRON":
        return _speakers_side(state, head)
    left = head.doc[head.i - 1] if head.i > 0 else None
    if left is not None and head.ent_type_ == "NORP" and head.tag_ in ("NNS", "NNPS"):
        a = actor_of(state, left)   # 'Iraqi Kurds', 'Bosnian Serbs': a people of a country, its civilians
        people = _people(state, head, left, a) if a is not None and a.country and a.kind == "state" else None
        if people is not None:
            return [people]
    led = _led_by(state, head)
    if led is not None:
        return [led]
    minority = _minority(state, head)
    if minority is not None:
        return [minority]
    try:  # the actors stage's phrase resolver, when present
        from .stages.actors import resolve_phrase  # type: ignore[attr-defined]
    except ImportError:
        resolve_phrase = None
    if resolve_phrase is not None:
        got = resolve_phrase(state, head)
        if got:
            return list(got) if isinstance(got, (list, tuple)) else [got]
    a = actor_of(state, head)
    if a is not None:
        return [a]
    titled = _titled_modifier(state, head)
    if titled is not None:
        return [titled]
    counted = _counted(head)
    whole = resolve_np(state, counted) if counted is not None else []
    if whole:   # 'hundreds of Chadian and Sudanese herders': the herders, all of them
        return whole
    # modifiers of the head: possessor, adjective, compound, appositive, "of"-complement
    for t in _np_tokens(head):
        a = actor_of(state, t) if not stance_prefixed(t) else None   # 'pro-Iranian X group': not Iran
        if a is not None:
            return [_people(state, head, t, a) or a]
    if head.lemma_.lower() in PLURAL_ANAPHORS and head.tag_ in ("NNS", "NNPS"):
        return _recent_states(state, head)
    return []


TITLE_MODIFIERS = ("compound", "nmod", "amod", "npadvmod")
MINORITY_NOUNS = {"population", "minority", "community"}   # a people where it lives: 'the X population of Y'


def _minority(state, head: Token) -> Optional[Actor]:
    """An ethnic minority: a people called ethnic ('ethnic Albanians', 'ethnic Turks') or a
    nationality on a word for a community ('the Albanian population of the province') are
    civilians of the country they live in, not of their kin state (CAMEO codes a minority by
    its country of residence): the country their sentence names with 'in' (``_home``), else
    the document's main country, where that is another than the kin state (a guess the
    event's place may replace)."""
    if head.ent_type_ == "NORP" and head.tag_ in ("NNS", "NNPS"):
        kin = head if any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in head.children) else None
    elif head.lemma_.lower() in MINORITY_NOUNS:
        kin = next((c for c in head.children if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"), None)
    else:
        kin = None
    a = actor_of(state, kin) if kin is not None else None
    r = resolver(state)
    iso = (_home(state, head) or r.doc_country()) if a is not None and a.country else None
    title = knowledge().title_for("civilians")
    if iso is None or iso == a.country or title is None:
        return None
    return r.sub_actor(iso, title, f"'{head.text}': a minority, of the country the text places it in ({iso}), "
                                   f"not {a.country}", guessed=True)


def _home(state, head: Token) -> Optional[str]:
    """The country its sentence names with 'in' ('in Montenegro'), or None."""
    for t in head.sent:
        if t.dep_ == "pobj" and t.head.lower_ == "in" and t.ent_type_ == "GPE":
            a = actor_of(state, t)
            if a is not None and a.kind == "state" and a.country:
                return a.country
    return None


def _led_by(state, head: Token) -> Optional[Actor]:
    """'Vietnamese-led forces': the leading nationality's forces (the parse hangs the
    nationality from 'led'), where the actors stage gave the title only the document's
    main country or none ('X-backed' stays with the actors stage: a proxy is not its backer)."""
    from .stages.actors import ent_country, phrase_title, resolver

    r = resolver(state)
    known = r.of(head.i)
    if known is not None and known.country and known.id not in r.guessed:
        return None
    for c in head.children:
        if c.dep_ != "amod" or c.lemma_.lower() != "lead" or c.i > head.i:
            continue
        for n in c.children:
            iso = ent_country(r.kb, n) if n.i < c.i and n.ent_type_ in ("NORP", "GPE") else None
            hit = phrase_title(r, head)
            if iso and hit is not None:
                return r.sub_actor(iso, hit[0], f"'{n.text}-led {head.text}': {hit[0].phrase} of {iso}")
    return None


QUANTITIES = {"score", "dozen", "hundred", "thousand", "million", "number", "handful", "couple", "some", "many",
              "most", "all", "few", "several", "tens", "none", "each", "both"}
PARTS = {"part", "portion", "half", "rest", "remainder", "bulk", "section"}   # a share of a whole


def _counted(head: Token) -> Optional[Token]:
    """The noun a quantity or a share heads with 'of' ('scores of X', 'thousands of X', 'some
    of X', 'five of X', 'part of a rebel stronghold'), whose phrase is resolved as a whole
    rather than word by word: an act on part of X is aimed at X, whose own phrase says whose
    it is ('a Karen guerrilla stronghold': the guerrillas', not a person the tagger saw)."""
    lemma = head.lemma_.lower()
    if lemma not in QUANTITIES | PARTS and head.text.lower() not in QUANTITIES and head.pos_ != "NUM":
        return None
    return next((g for c in head.children if c.dep_ == "prep" and c.text.lower() == "of" for g in _pobjs(c)), None)


def _titled_modifier(state, head: Token) -> Optional[Actor]:
    """A title word modifying the head, with a nationality on the phrase: 'Israeli army
    bulldozers', 'Kenyan police vehicles', 'Russian civilian advisers', 'Kampuchean guerrilla
    camps', 'Albanian rebel-held territory' - that country's army, police, civilians or rebels,
    not its state (a government title stays out: 'Party of Kenya governor candidate' is no
    governor). With no nationality, a rebel or unidentified armed title right before what
    such a group holds or a word for a body ('shelled rebel positions', 'a guerrilla
    stronghold', 'banned an extremist organisation') names that armed group, as the actors
    stage resolves the title on its own (a singular one as its plural group), unless a name in
    apposition says who it is ('the militant group X'). Not a state's forces ('a police post'
    is where the police are, and ACLED's first actor of an attack on it is the attacker)."""
    from .stages.actors import phrase_title, resolve_phrase, resolver

    for c in head.doc[head.left_edge.i:head.i]:
        if c.dep_ not in TITLE_MODIFIERS or c.pos_ not in ("NOUN", "ADJ") or c.ent_type_ \
                or head not in c.ancestors:
            continue
        hit = phrase_title(resolver(state), c)
        if hit is None or hit[0].sector in ("GOV", None):
            continue
        nationals = [t for t in head.doc[head.left_edge.i:c.i] if t.dep_ in ("amod", "compound", "nmod")
                     and t.ent_type_ in ("NORP", "GPE") and head in t.ancestors]
        for t in nationals:
            a = actor_of(state, t)
            if a is not None and a.kind == "state" and a.country and not stance_prefixed(t):
                return resolver(state).sub_actor(a.country, hit[0], f"'{t.text} {c.text} {head.text}': "
                                                                    f"{hit[0].phrase} of {a.country}")
        held = word_class("military_thing", "held_place")
        if c.i == head.i - 1 and hit[0].sector in REBELS and (head.lemma_.lower() in BODIES or head.lemma_.lower() in held) \
                and not any(k.dep_ == "appos" and actor_of(state, k) for k in head.children):
            group = (resolve_phrase(state, c) if c.pos_ == "NOUN" else None) or _group_of(state, c, head)
            if group is not None:
                return _fought_by(state, group, head)
    return None


FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
SPEAKER_SIDES = {"GOV", "MIL"}   # a leader's or commander's 'we' is his state


def _speakers_side(state, pron: Token) -> list[Actor]:
    """'we'/'our' in a quote is the quoted speaker's side ('"We are ready for talks," the
    prime minister said': his country). A speaker of a state's government or forces speaks
    for the state; any other speaker (a rebel commander, a union) for himself."""
    from .claims_attribution import find
    from .stages.actors import resolver

    found = state.scratch.get("events_args.attributions")
    if found is None:
        found = state.scratch["events_args.attributions"] = find(pron.doc)
    for a in found:
        if not (a.quoted and a.speaker is not None and a.content[0] <= pron.i < a.content[1]):
            continue
        speaker = pron.doc[a.speaker]
        if speaker.lower_ in FIRST_PLURAL:
            return []
        out = []
        for actor in resolve_np(state, speaker):
            if actor.kind == "person" and actor.country and actor.sector in SPEAKER_SIDES:
                actor = resolver(state).state_actor(actor.country, f"'{pron.text}' in {speaker.text}'s quote")
            if actor not in out:
                out.append(actor)
        return out
    return []


PEOPLES = {"population", "community", "minority", "populace"}   # 'the Albanian population': civilians
VEHICLES = {"lorry", "truck", "vehicle"}   # civilian things that go with whom they are named with
REBELS = ("REB", "UAF")   # rebels, militants, gunmen; a militia is left to the actors stage (its people or party)
BODIES = {"group", "organization", "organisation", "movement", "faction", "network", "cell", "outfit", "wing"}


def _people(state, head: Token, mod: Token, a: Actor) -> Optional[Actor]:
    """A nationality adjective on a noun that names no actor: 'Iraqi towns', 'a Kenyan
    village', 'Palestinian lorries' (civilian homes, places, vehicles, one or several) are
    that country's civilians (PLOVER CVL), and so are a people ('Iraqi Kurds') and one of a
    group ('a Somali refugee', 'a Palestinian prisoner'); 'Israeli helicopters', 'a Russian
    warplane' its military (MIL) - not its government."""
    lemma = head.lemma_.lower()
    people = head.ent_type_ == "NORP" and head.tag_ in ("NNS", "NNPS")   # 'Iraqi Kurds', 'Bosnian Serbs'
    one = _one_of(head)
    if not (mod.dep_ in ("amod", "compound") and mod.i == head.i - 1 and _nationality(mod, one) and a.kind == "state"
            and (head.tag_ == "NNS" or lemma in PEOPLES or lemma in word_class("civilian_thing", "military_thing")
                 or people or one)
            and a.country):
        return None
    if one is not None:
        return resolver(state).sub_actor(a.country, one, f"'{mod.text} {head.text}': one of the {one.phrase} "
                                                         f"of {a.country}")
    phrase = "civilians" if lemma in PEOPLES or lemma in word_class("civilian_thing") or people \
        else "military" if lemma in word_class("military_thing") else None
    if phrase is None:
        return None
    title = knowledge().title_for(phrase)
    return resolver(state).sub_actor(a.country, title, f"'{mod.text} {head.text}': {phrase} of {a.country}") \
        if title is not None else None


PLACE_ACTS = {"attack", "shell", "shelling", "bomb", "bombing", "bombard", "bombardment", "blockade", "besiege",
              "siege", "storm", "raid", "rocket", "encircle", "surround", "invade", "invasion", "strike"}
STRUCK_PREPS = {"on", "against"}   # 'an attack on X', 'rockets fired against X'


def _city_struck(state, head: Token, a: Actor) -> Optional[Actor]:
    """A capital named as what a physical act is done to ('shelled Kabul', 'would blockade
    Nairobi', 'a rocket attack on Kampala') is the city, its people: the country's civilians
    (PLOVER CVL, ACLED 'Civilians (X)'), as a town or village is (``_people``), not the state
    its name stands for where it speaks or acts ('Nairobi said', 'talks with Moscow')."""
    if a.kind != "state" or not a.country or head.ent_type_ != "GPE" or knowledge().capital_for(head.text) != a.country:
        return None
    act = head.head if head.dep_ == "dobj" else \
        head.head.head if head.dep_ == "pobj" and head.head.lower_ in STRUCK_PREPS else None
    if act is None or act.lemma_.lower() not in PLACE_ACTS:
        return None
    title = knowledge().title_for("civilians")
    return resolver(state).sub_actor(a.country, title, f"'{act.text} ... {head.text}': the city struck, civilians of "
                                                       f"{a.country}") if title is not None else None


ARMED_ACTS = PLACE_ACTS | {"airstrike", "offensive", "assault", "incursion"}   # acts of war a state's forces do


def _armed_state(state, head: Token, a: Actor) -> Optional[Actor]:
    """A state named only by the nationality or country name on an act of war ('Israeli air
    strikes', 'Russian shelling', 'US drone attacks') acts through its armed forces: its
    military (PLOVER MIL, whose manual counts a state's military people and equipment; ACLED
    'Military Forces of X'), not its government. The modifier may sit on a compound of the act ('US drone')."""
    if a.kind != "state" or a.sector != "GOV" or not a.country or head.ent_type_ not in ("NORP", "GPE") \
            or head.dep_ not in ("amod", "compound"):
        return None
    act = head.head
    while act.dep_ == "compound" and act.head.i > act.i:
        act = act.head
    if act.lemma_.lower() not in ARMED_ACTS or act.pos_ not in ("NOUN", "PROPN"):
        return None
    title = knowledge().title_for("military")
    return resolver(state).sub_actor(a.country, title, f"'{head.text} ... {act.text}': an act of war of "
                                                       f"{a.country}'s forces") if title is not None else None


def _nationality(mod: Token, one) -> bool:
    """The word before a noun says whose people it names: a nationality ('Iraqi towns'), or a
    country's name as a compound on one member of a group ('a US national', 'a UK citizen':
    the country's civilians, not its state)."""
    return mod.ent_type_ == "NORP" or (one is not None and mod.dep_ == "compound" and mod.ent_type_ == "GPE")


def _one_of(head: Token, tags: tuple = ("NN",)):
    """The group title a singular noun is one of ('refugee' of 'refugees', 'farmer' of
    'farmers'; titles.tsv names groups in the plural), not a government body."""
    if head.tag_ not in tags or not head.is_alpha:
        return None
    from .knowledge import knowledge

    title = knowledge().title_for(head.lower_ + "s")
    return title if title is not None and title.role == "body" and title.sector != "GOV" else None


def _group_of(state, mod: Token, head: Token) -> Optional[Actor]:
    """'rebel positions': a singular title word as a modifier names the group ('rebels'), of
    the document's main country, a guess the event's place may replace."""
    group = _one_of(mod, ("NN", "JJ"))   # the tagger reads 'rebel' before a noun as either
    iso = resolver(state).doc_country() if group is not None else None
    if iso is None:
        return None
    return resolver(state).sub_actor(iso, group, f"'{mod.text} {head.text}': {group.phrase} with the document's "
                                                 f"main country", guessed=True)


def _fought_by(state, group: Actor, head: Token) -> Actor:
    """A rebel group whose country is only a guess, that a state's forces act on ('Burmese
    troops captured part of a guerrilla stronghold'), is of that state (``_opposing_state``):
    insurgents are coded by the state they fight, not by where the report is filed from."""
    r = resolver(state)
    if group.sector not in REBELS or group.id not in r.guessed:
        return group
    against = _opposing_state(state, head)
    if against is None or against.country == group.country:
        return group
    title = r.guessed[group.id]
    return r.sub_actor(against.country, title, f"'{title.phrase}' that {against.name} act on: of {against.country}",
                       guessed=True) or group


def _opposing_state(state, head: Token) -> Optional[Actor]:
    """The state forces that act on the thing ``head`` names ('Burmese troops captured part of
    a guerrilla stronghold'): the subject of the verb the phrase is the object of (through
    'of' and 'part of'), when it is a state's army or police of a country the text names."""
    tok = head
    while tok.dep_ in ("pobj", "prep", "dobj", "nsubjpass", "compound", "conj") and tok.head is not tok:
        tok = tok.head
        if tok.pos_ == "VERB":
            break
    if tok.pos_ != "VERB":
        return None
    r = resolver(state)
    for s in subject_of(tok):
        a = actor_of(state, s)
        if a is not None and a.sector in STATE_FORCES and a.country and a.id not in r.guessed:
            return a
    return None


RELATIONAL = {"ally", "partner", "counterpart", "neighbor", "neighbour", "rival", "enemy", "foe", "opponent", "proxy"}


def _np_tokens(head: Token):
    relational = head.lemma_.lower() in RELATIONAL
    for c in head.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod", "appos", "npadvmod") and not stance_prefixed(c) \
                and not (relational and c.dep_ == "poss"):   # "Israel's ally" is not Israel
            yield from c.subtree
        elif c.dep_ == "prep" and c.text.lower() == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    yield from _without_patron(g)


def _without_patron(tok: Token):
    """The words of an 'of' complement, less the possessor of a relational noun in it ('the
    chief of Israel's militia ally': the ally's people, not Israel)."""
    skip = {t.i for c in tok.children if c.dep_ == "poss" and tok.lemma_.lower() in RELATIONAL for t in c.subtree}
    return (t for t in tok.subtree if t.i not in skip)


def _recent_states(state, head: Token, n: int = 2) -> list[Actor]:
    """'the two allies', 'the sides': the last n distinct countries named before."""
    doc = head.doc
    first = doc[max(0, head.sent.start - 1)].sent.start
    seen: list[Actor] = []
    for i in range(head.i - 1, first - 1, -1):
        a = actor_of(state, doc[i])
        if a is not None and a.country and all(a.country != s.country for s in seen):
            seen.append(a)
            if len(seen) == n:
                break
    return seen if len(seen) == n else []


@dataclass
class Args:
    actor_heads: list[Token] = field(default_factory=list)
    recipient_heads: list[Token] = field(default_factory=list)
    governor: Optional[Token] = None  # light verb or governing verb of a nominal trigger


def _pobjs(prep: Token) -> list[Token]:
    return [g for g in prep.children if g.dep_ == "pobj"]


TIME_ENTS = {"DATE", "TIME"}


def _parties(prep: Token) -> list[Token]:
    """A preposition's objects that may be a party: not a date or time ('on Monday', 'at dawn')
    unless a name hangs from it (the parser hangs 'the evening of 20 June X member' on the date)."""
    return [g for g in _pobjs(prep) if g.ent_type_ not in TIME_ENTS
            or any(t.ent_type_ and t.ent_type_ not in TIME_ENTS | {"CARDINAL", "ORDINAL"} for t in g.subtree)]


DOCUMENTS = {"statement", "declaration", "communique", "communiqué", "letter", "resolution", "decree", "message",
             "note", "petition", "memorandum", "notice", "circular", "ultimatum", "manifesto"}


def subject_of(verb: Token) -> list[Token]:
    """Subject heads of a verb, following shared subjects, control and relative clauses."""
    for _ in range(4):
        subj = [c for c in verb.children if c.dep_ in SUBJ]
        agent = [g for c in verb.children if c.dep_ == "agent" for g in _pobjs(c)]
        if agent and not any(c.dep_ == "nsubj" for c in verb.children):   # not a stray 'by' ('by one hour')
            return agent
        if subj:
            return subj
        if verb.dep_ == "xcomp":
            obj = [c for c in verb.head.children if c.dep_ in ("dobj",)]
            if obj:
                return obj
            verb = verb.head
        elif verb.dep_ in ("conj", "acomp"):   # "X is willing to ...": the copula's subject
            verb = verb.head
        elif verb.dep_ == "acl" and verb.head.lemma_.lower() in DOCUMENTS and verb.head.dep_ == "dobj" \
                and verb.head.head.pos_ == "VERB":
            verb = verb.head.head   # "X issued a declaration demanding ...": X's demand
        elif verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return [verb.head]
        elif verb.dep_ == "advcl" and (verb.tag_ == "VBG" or _to_infinitive(verb)):
            verb = verb.head   # "X telephoned Y to discuss ...": the purpose is X's
        elif verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ in ("VERB", "AUX") \
                and not any(c.dep_ == "dobj" for c in verb.head.head.children):
            verb = verb.head.head   # "X resorted to throwing stones", "X responded by firing": X's act
            # (not "X led a group in storming ...": the group takes part)
        elif verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ == "ADJ" \
                and verb.head.head.dep_ == "acomp":
            verb = verb.head.head   # "X are guilty of violating", "X is capable of launching": the copula's subject
        else:
            return _stray_subject(verb)
    return []


VERB_SATELLITES = {"aux", "auxpass", "neg", "advmod"}


def _stray_subject(verb: Token) -> list[Token]:
    """The subject of a main verb that the parser hung as a conjunct or apposition of the
    phrase before it, past a comma ('In X, Y region, bus drivers and conductors protested';
    'With the signing of a deal, the government and the rebels agreed'): the noun phrase
    between that comma and the verb is who does it (English puts the subject right before
    its verb; a comma does not join a sentence's subject to a place or a fronted phrase)."""
    if verb.dep_ != "ROOT" or verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "auxpass" for c in verb.children):
        return []   # before a passive verb, the phrase is what the act befalls
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].dep_ in VERB_SATELLITES and verb.doc[i].head.i == verb.i:
        i -= 1
    if i < verb.sent.start or verb.doc[i].pos_ not in ("NOUN", "PROPN"):
        return []
    head = verb.doc[i]
    while head.dep_ in ("conj", "appos") and head.head.i > verb.sent.start \
            and not any(t.text == "," for t in verb.doc[head.head.i:head.i]):
        head = head.head
    left = head.left_edge.i
    if head.dep_ in ("conj", "appos") and left > verb.sent.start and verb.doc[left - 1].text == ",":
        return [head]
    return []


GRIEVANCE_FRAMES = {"disapprove", "accuse"}   # whom a complaint is about, not whom it is made to
GRIEVANCE_PREPS = {"over", "about"}
PROPOSALS = {"offer", "proposal", "request", "demand", "appeal", "plan", "invitation", "call", "bid", "initiative"}
TAKING_PART = {"engage", "involve", "implicate"}   # "were engaged/involved in an attack": its doers
MEETINGS = {"consult", "visit", "phone"}   # "came to Geneva for talks": the subject takes part
# 'were withdrawn', 'were pulled (shipped) out', 'was recalled' with no agent: their own side pulls them back
SELF_MOVED = {"withdraw", "demobilize", "demobilise", "disband", "redeploy", "pull", "ship", "recall"}
STATIVE_PASSIVES = {"commit", "prepare", "determine", "dedicate", "resolve", "oppose"}   # 'is committed to': the subject's stance


def _to_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def arguments(tok: Token, frame_name: str) -> Args:
    """The actor-side and recipient-side heads of a trigger (and the verb that governs a
    nominal one); with no actor named, whoever holds a victim in custody ('died in police
    custody', 'tortured while in Israeli police custody')."""
    args = _arguments(tok, frame_name)
    if not args.actor_heads:
        args.actor_heads = _custodian([tok, args.governor, tok.head if tok.dep_ in ("advcl", "conj") else None])
    return args


def _stray_agent(tok: Token) -> list[Token]:
    """The agent of a passive trigger that the parser hung on a verb above it, past an aside:
    'X has been accused of misusing funds, much of it believed embezzled, by government
    officials' (the 'by' phrase follows the trigger and the verb holding it is active, so
    no passive of its own claims it)."""
    for v in tok.ancestors:
        if v.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
            return []
        by = [g for c in v.children if c.dep_ in ("prep", "agent") and c.text.lower() == "by" and c.i > tok.i
              for g in _pobjs(c) if g.pos_ in ("NOUN", "PROPN") and g.ent_type_ not in TIME_ENTS]
        if by:
            return by[:1]
    return []


def _custodian(verbs: list[Optional[Token]]) -> list[Token]:
    """The 'custody' noun named with its holder ('in police custody', 'in Kenyan police
    custody') on one of the verbs: resolved as a phrase, its holder."""
    for v in verbs:
        for c in v.children if v is not None else ():
            if c.dep_ == "prep" and c.lower_ in ("in", "under"):
                held = [g for g in _pobjs(c) if g.lemma_.lower() == "custody"
                        and any(k.dep_ in ("compound", "amod", "poss", "nmod") and k.pos_ != "ADJ" or k.ent_type_
                                for k in g.children)]
                if held:
                    return held[:1]
    return []


def _arguments(tok: Token, frame_name: str) -> Args:
    args = Args()
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ != "amod"):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        stative = passive and tok.lemma_.lower() in STATIVE_PASSIVES
        for c in tok.children:
            if c.dep_ in SUBJ or (stative and c.dep_ == "nsubjpass"):   # "X is committed to ..." 
                args.actor_heads.append(c)
            elif c.dep_ == "agent":
                args.actor_heads += _pobjs(c)
            elif c.dep_ in OBJ:   # "offered its support to X" parsed with a dative "to"
                args.recipient_heads += _pobjs(c) if c.pos_ == "ADP" else [c]
            elif c.dep_ == "prep" and c.text.lower() in RECIPIENT_PREPS:
                args.recipient_heads += _parties(c)
            elif c.dep_ == "prt" and c.text.lower() == "up":   # "killed up to 16 people": the parser's particle
                args.recipient_heads += [g for p in c.children if p.dep_ == "prep" and p.text.lower() == "to"
                                         for g in _parties(p)]
        grievance = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in GRIEVANCE_PREPS for g in _pobjs(c)]
        if grievance and frame_name in GRIEVANCE_FRAMES:   # "complained to the UN over X's raids": X, not the UN
            args.recipient_heads = [h for h in args.recipient_heads if h.head.lower_ != "to"] + grievance
        if not any(c.dep_ in OBJ for c in tok.children):  # "killed and wounded scores of X"
            for c in tok.children:
                if c.dep_ == "conj" and c.pos_ == "VERB":
                    args.recipient_heads += [g for g in c.children if g.dep_ == "dobj"]
        for t in tok.subtree:  # "appealed to X ..., as well as to Y"
            if t.dep_ == "prep" and t.head.dep_ == "cc" and t.text.lower() in RECIPIENT_PREPS and t.head.head.i != tok.i:
                args.recipient_heads += _pobjs(t)
        if not args.actor_heads and not passive:
            args.actor_heads = subject_of(tok)
        if not args.actor_heads and passive:   # "attacked and killed by a vigilante group": a shared agent
            sibs = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
            args.actor_heads = [g for v in sibs for c in v.children if c.dep_ == "agent" for g in _pobjs(c)][:1]
        if not args.actor_heads and passive:
            args.actor_heads = _stray_agent(tok)
        if not args.actor_heads and passive and tok.lemma_.lower() in SELF_MOVED:
            moved = [c for c in tok.children if c.dep_ == "nsubjpass"]   # "guerrillas have been demobilized"
            args.actor_heads = moved
            args.recipient_heads = [h for h in args.recipient_heads if h not in moved]
        if not args.recipient_heads and tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            args.recipient_heads.append(tok.head)  # "soldiers killed in ..."
        return args
    if tok.pos_ == "ADP" and frame_name == "reject" and tok.head.lemma_.lower() == "be":
        return _verdict(tok)
    if tok.pos_ == "ADP":  # "X is on the side of Y"
        args.actor_heads = subject_of(tok.head) if tok.head.pos_ in ("VERB", "AUX") else []
        args.recipient_heads = [g for t in tok.subtree if t.dep_ == "prep" and t.i != tok.i for g in _pobjs(t)]
        return args
    # nominal trigger
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")):
            args.actor_heads.append(c)
        elif c.dep_ == "compound" and c.i < tok.i and tok.lemma_.lower() in ARMED_ACTS:
            args.actor_heads += _means_owner(c)
        elif c.dep_ == "prep" and c.text.lower() == "by":
            args.actor_heads += _pobjs(c)
        elif c.dep_ == "prep" and c.lower_ == "from" and tok.lemma_.lower() in PROPOSALS:
            args.actor_heads += _pobjs(c)   # "an offer from X", "a request from X": X makes it
        elif c.dep_ == "prep" and c.text.lower() in RECIPIENT_PREPS:
            args.recipient_heads += _parties(c)
        elif c.dep_ in ("relcl", "acl"):
            for g in c.children:
                if g.dep_ == "prep" and g.text.lower() in SYMMETRIC_PREPS:
                    args.recipient_heads += _pobjs(g)
    if not args.recipient_heads:
        args.recipient_heads = _coordination_complements(tok)
    gov = _governor(tok)
    if gov is not None and tok.dep_ == "pobj" and gov.lemma_.lower() in DYING and _harmful(frame_name):
        args.governor = gov   # "civilians died in an air strike", "died as a result of torture": the harmed
        args.recipient_heads += [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]
        return args
    if gov is not None:
        args.governor = gov
        participant = tok.dep_ == "pobj" and (tok.head.text.lower() in ("in", "during", "amid")
                                              or (tok.head.lower_ == "for" and frame_name in MEETINGS))
        if not args.actor_heads and (gov.lemma_.lower() in word_class("light_verb") or participant
                                     or (_object_of(tok, gov) and _agentive(gov, frame_name))):
            subj = subject_of(gov)
            if not subj:
                subj = [c for c in gov.children if c.dep_ == "nsubjpass" and c.i != tok.i]
                if participant and _one_sided(frame_name) and gov.lemma_.lower() not in TAKING_PART:
                    # "civilians were killed in a bombing" (but "troops were engaged in a massacre")
                    args.recipient_heads += subj
                    subj = []
            args.actor_heads += [s for s in subj if s.i != tok.i]
        for c in gov.children:
            if c.dep_ == "prep" and c.text.lower() in GOVERNOR_PREPS and c.i != tok.head.i:
                args.recipient_heads += _pobjs(c)
            elif c.dep_ in ("dobj", "dative") and c.i != tok.i and tok.dep_ != "dobj":
                args.recipient_heads.append(c)
    return args


def _verdict(tok: Token) -> Args:
    """A refusal told as a verdict on a thing ('X said that talks are out of the question') is
    the speaker's (X): the copula's subject is what is refused, no doer of the refusal."""
    speaker = speaker_of(tok)
    return Args([speaker] if speaker is not None else [], [])


def _means_owner(means: Token) -> list[Token]:
    """'US drone attacks', 'Russian missile strikes': the nationality or name on the means
    compounded with an act of war ('drone', 'missile') tells whose act it is, as it would on
    the act itself; not on the place or thing it is aimed at ('a Kenyan village raid')."""
    if means.lemma_.lower() in word_class("civilian_thing"):
        return []
    return [c for c in means.children if c.dep_ in ("amod", "compound") and c.i < means.i
            and c.ent_type_ in ("NORP", "GPE", "ORG")][:1]


SHARED_PREPS = RECIPIENT_PREPS - {"of"}   # 'a village of X' is the last noun's own


def _coordination_complements(tok: Token) -> list[Token]:
    """'artillery, mortar and rocket fire against X', 'raids and air strikes on X': a phrase
    of direction after the last of coordinated nouns completes them all, though the parser
    hangs it on the last one; a nominal trigger with no recipient phrase of its own takes
    that one's ('of' stays with its noun: 'cattle and a village of X')."""
    later = [c for c in tok.conjuncts if c.i > tok.i and c.pos_ in ("NOUN", "PROPN")]
    if not later:
        return []
    last = max(later, key=lambda c: c.i)
    return [g for c in last.children if c.dep_ == "prep" and c.i > last.i and c.lower_ in SHARED_PREPS
            for g in _parties(c)]




ACLED_PLAIN = {"arrest", "capture", "regain", "loot", "destroy", "disrupt", "find", "transfer", "deploy", "group", "hq"}


def _object_of(tok: Token, gov: Token) -> bool:
    """The trigger is (in) the governor's object: 'reimposed blockades', 'undertook a mediation
    mission', 'gave Y 5 million dollars of aid'."""
    t = tok
    for _ in range(3):
        if t.dep_ == "dobj" and t.head.i == gov.i:
            return True
        if t.dep_ == "compound" or (t.dep_ == "pobj" and t.head.lower_ == "of"):
            t = t.head if t.dep_ == "compound" else t.head.head
        else:
            return False
    return False


def _agentive(gov: Token, frame_name: str) -> bool:
    """Whether the subject of the verb a nominal trigger is the object of does the act: 'X
    gave Y a grant', 'X declared a ceasefire', 'X imposed sanctions' - for the non-violent
    frames ACLED does not code (never 'police foiled an attack', 'X condemned the arrest'),
    and not under a verb of speech or attitude."""
    from .events_lex import frames

    frame = frames().get(frame_name)
    return frame is not None and frame.kind == "plain" and frame_name not in ACLED_PLAIN \
        and gov.lemma_.lower() not in SPEECH and gov.lemma_.lower() not in word_class("attitude_verb")


def _harmful(frame_name: str) -> bool:
    """A frame of one-sided violence or its outcome (an air strike, torture, a killing), not
    a fight ('died after fighting between X and Y': the dead may be either side's or neither's)."""
    from .events_lex import frames

    frame = frames().get(frame_name)
    return frame is not None and (frame.kind == "outcome" or _one_sided(frame_name))


TWO_SIDED = {"clash", "war"}


def _one_sided(frame_name: str) -> bool:
    """A violent frame done by one side to another (a bombing, an air strike), not a fight
    whose participants are its sides (a clash, a war)."""
    from .events_lex import frames

    frame = frames().get(frame_name)
    return frame is not None and frame.kind == "violent" and frame_name not in TWO_SIDED


def _governor(tok: Token) -> Optional[Token]:
    """The verb a nominal trigger is an argument of ('held talks', 'killed in clashes')."""
    t = tok
    for _ in range(3):
        if t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "conj", "appos", "compound"):
            t = t.head
        elif t.dep_ == "pobj" and t.head.dep_ == "prep":
            t = t.head.head
        else:
            break
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def speaker_of(tok: Token) -> Optional[Token]:
    """Subject head of the reporting verb a mention is embedded under, if any."""
    t = tok
    for _ in range(8):
        if t.head is t:
            break
        t = t.head
        if t.lemma_.lower() in SPEECH and t.pos_ == "VERB":
            subj = subject_of(t)
            return subj[0] if subj else None
    return None


DEONTIC = {"must", "should"}


OBLIGED_PRONOUNS = {"it", "they"}


def _deontic_clause(tok: Token) -> Optional[Token]:
    """The reported clause with 'must'/'should' a trigger is in: the trigger's own verb, the
    verb it is the purpose or complement of ('must ensure security to allow ...'), or the
    verb a nominal trigger is the object of ('must reach an agreement')."""
    t = tok
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in DEONTIC for c in t.children):
            return t if t.dep_ in ("ccomp", "acl") else None
        if t.dep_ in ("xcomp", "acomp", "conj") or (t.dep_ == "advcl" and _to_infinitive(t)) \
                or (t.dep_ == "dobj" and t.pos_ in ("NOUN", "PROPN") and t.head.pos_ == "VERB"):
            t = t.head
        else:
            return None
    return None


def _addressees(gov: Token, skip: Token) -> list[Token]:
    """Who a reporting verb or noun is addressed to: 'told X', 'a reminder to X'."""
    out = [c for c in gov.children if c.dep_ in ("dobj", "dative") and c.i != skip.i and c.pos_ != "ADP"]
    return out + [g for c in gov.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for g in _pobjs(c)]


def demanded_of(tok: Token) -> Optional[tuple[Token, list[Token]]]:
    """'X said that Y must hand over ...': a REQUEST told as an obligation in a reported
    clause is the speaker's (X) request of the clause's subject (Y). The clause may govern
    the trigger ('must ensure security to allow ...') or hang from a noun ('issued a
    reminder to Y that it must ...'); an 'it'/'they' obliged is the one addressed.
    Returns (speaker head, subject heads) or None."""
    clause = _deontic_clause(tok)
    if clause is None:
        return None
    subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    gov = clause.head
    if gov.pos_ in ("NOUN", "PROPN") and clause.dep_ == "acl":
        noun, gov = gov, _governor(gov)
        if gov is None:
            return None
        addressed = _addressees(noun, clause) + _addressees(gov, noun)
    elif gov.pos_ in ("VERB", "AUX") and clause.dep_ == "ccomp":
        addressed = _addressees(gov, clause)
    else:
        return None
    if addressed and subj and all(s.lower_ in OBLIGED_PRONOUNS for s in subj):
        subj = addressed[:1]
    speaker = [s if s.pos_ != "VERB" else next((c for c in s.children if c.dep_ == "nsubj"), s)
               for s in subject_of(gov)]   # "The Red Cross operating in Iraq said": 'operating' misparsed
    return (speaker[0], subj) if speaker and subj else None


ONSET_VERBS = {"start", "begin", "break", "erupt", "resume", "happen", "occur", "escalate", "spread", "flare"}


def status_of(tok: Token, governor: Optional[Token] = None) -> tuple[str, Optional[str]]:
    """(status, reason) from modals, negation and governing verbs."""
    chain = [tok] + ([governor] if governor is not None else [])
    if governor is None and tok.dep_ == "acomp" and tok.head.pos_ == "AUX":
        chain.append(tok.head)   # "X must be ready to ...": the copula carries the modal
    t = chain[-1]
    onset = tok.dep_ in ("nsubj", "nsubjpass") and governor is not None and governor.lemma_.lower() in ONSET_VERBS
    if governor is not None and not (tok.dep_ == "dobj" or (tok.dep_ == "pobj" and tok.head.text.lower() == "for")
                                     or onset):
        chain, t = [tok], tok  # "abide by a cease-fire": the cease-fire itself is not modal
    # "if war starts", "fighting could break out": the onset verb's modality is the event's
    for _ in range(3 if (governor is None or len(chain) > 1) else 0):
        if t.dep_ in ("xcomp", "ccomp", "advcl", "acl", "pobj", "dobj", "prep") and t.head is not t:
            t = t.head
            chain.append(t)
        else:
            break
    for i, v in enumerate(chain):
        kids = list(v.children)
        if any(k.dep_ == "neg" for k in kids) and i <= 1:
            return "denied", f"negated '{v.text}'"
        for k in kids:
            if k.dep_ == "aux" and k.text.lower() in MODAL_FUTURE:
                return "future", f"modal '{k.text}'"
            if k.dep_ == "aux" and k.text.lower() in MODAL_HYPO:
                return "hypothetical", f"modal '{k.text}'"
            if k.dep_ == "mark" and k.text.lower() in ("if", "unless", "whether"):
                return "hypothetical", f"conditional '{k.text}'"
            if k.dep_ == "advmod" and k.text.lower() == "yet" and i >= 1:
                return "future", "'yet to'"
        if i == 0:
            continue
        below = chain[i - 1]
        lem = v.lemma_.lower()
        clausal = below.dep_ in ("xcomp", "ccomp") or (below.dep_ == "acl" and below.tag_ == "VB")
        objective = below.dep_ in ("dobj", "pobj", "prep")
        if lem in NEGATING_GOVERNORS and clausal:
            return "denied", f"under '{v.text}'"
        if any(k.dep_ == "prt" and k.lower_ == "off" for k in kids):
            lem = "call off"   # "called off the strike" ends it; it asks for nothing
        if lem in HYPOTHETICAL_GOVERNORS and (clausal or (objective and lem in REQUESTS)):
            return "hypothetical", f"under '{v.text}'"
        if lem in word_class("future_governor") and clausal:
            return "future", f"under '{v.text}'"
    return "asserted", None


NESTED_PREPS = RECIPIENT_PREPS | {"for", "by", "over", "as"}
CLAUSE_DEPS = ("xcomp", "ccomp", "advcl", "acl", "relcl")
PREDICATES = ("VERB", "AUX", "ADJ")
TARGET_DEPTH = 3


STANCE_NOUNS = {"protest", "defiance", "solidarity", "response", "retaliation", "support", "opposition", "reaction"}


def _pp_objects(tok: Token, stances: bool = True) -> list[Token]:
    """Objects of the prepositions a word governs ('on X', 'against X'), through 'from X to Y';
    with ``stances``, also 'in protest against X', 'in retaliation for X'."""
    out = []
    for c in [*tok.children, *_particle_preps(tok)]:
        if c.dep_ == "prep" and c.text.lower() in NESTED_PREPS:
            for g in _parties(c):
                out.append(g)
                out += [p for q in g.children if q.dep_ == "prep" and q.text.lower() == "to" for p in _pobjs(q)]
        elif c.dep_ == "prep" and c.lower_ == "in" and stances:   # "in protest against X", "in defiance of X"
            out += [g for g in _pobjs(c) if g.pos_ == "NOUN" and not g.ent_type_ and g.lemma_.lower() in STANCE_NOUNS]
    return out


def _particle_preps(tok: Token) -> list[Token]:
    """The preposition of a particle written right after a verb ('taken away from X', 'handed
    back to X', 'turned over to X'): the parser hangs it on the adverb, not the verb."""
    if tok.pos_ not in ("VERB", "AUX"):
        return []
    return [g for c in tok.children if c.dep_ in ("advmod", "prt") and c.i == tok.i + 1
            for g in c.children if g.dep_ == "prep" and g.i == c.i + 1]


def _nested(nouns: list[Token], depth: int = 2) -> list[Token]:
    """The complements of argument nouns: 'a blockade on X', 'calls by X', 'sanctions against X',
    'the resignation of X', 'contact with X', taken depth levels down."""
    out: list[Token] = []
    level = list(nouns)
    for _ in range(depth):
        level = [g for n in level for g in _complements(n) if g not in out]
        out += level
    return out


def _complements(noun: Token) -> list[Token]:
    """A noun's prepositional objects, and the apposition of an 'as' phrase ('denounced as a
    crime X's suppression of ...')."""
    out = _pp_objects(noun)
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        out += [c for c in noun.children if c.dep_ == "appos"]
    return out


def _clause_args(verb: Token) -> list[Token]:
    """The argument nouns of a complement clause's verb: its objects and prepositional
    objects, and their complements."""
    direct = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if verb.dep_ not in SUBJECT_FIRST:
        direct = _clause_subjects(verb, any_clause=True) + direct
    direct += [g for c in verb.children if c.dep_ == "agent" for g in _pobjs(c)]
    direct += _pp_objects(verb, stances=False)
    return direct + _nested(direct)


SUBJECT_FIRST = ("ccomp", "acl")


def _clause_subjects(verb: Token, any_clause: bool = False) -> list[Token]:
    """The subject of a that-clause ('demanded that X cancel ...', 'its demand that X
    ease ...'): the one asked, tried before the clause's objects; a passive one ('that X
    be freed') is the one acted on, which ``target_heads`` tries after them."""
    if verb.dep_ not in SUBJECT_FIRST and not any_clause:
        return []
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


WH_PLACE_TIME = {"where", "when", "whereby"}
CIRCUMSTANCE_MARKS = {"as", "while", "after", "before", "when", "because", "since", "although", "though", "until",
                      "whereas", "once"}


def circumstantial(verb: Token) -> bool:
    """A clause of time or cause ('as authorities in X cracked down', 'where 100 people were
    killed'), not one the act is aimed through (a purpose, a condition of a threat, a
    that-clause)."""
    if any(c.dep_ == "advmod" and c.lower_ in WH_PLACE_TIME and c.i < verb.i for c in verb.children):
        return True   # "... a raid on the city where 100 people were killed" (parsed as a complement)
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in verb.children)


def target_heads(tok: Token) -> list[list[Token]]:
    """Candidate heads of an event's target beyond its own arguments, for an event whose
    parse gave it no recipient, in levels to try in turn (PLOVER codes the party an act is
    aimed at wherever the sentence names it):

    0. for an inquiry, whom the claim it looks into is about ('an investigation into an
       allegation by X that Y ...': Y, ``_alleged``);
    1. complements of the trigger's arguments: 'lifted a blockade on X', 'rejected calls by
       X', 'called for sanctions against X', 'demanded the resignation of X';
    2..: the arguments of the complement clauses below the trigger, one clause level at a
       time: 'demanded that X cancel ...', 'threatened to break relations with X', 'is ready
       to ship arms to help defend X', 'a hunger strike to protest X's failure'; the subject
       of a passive that-clause is the one acted on, not the one asked, so it comes after the
       clause's agent and complements ('marched, demanding that their leader be freed by
       the junta': the junta, not the leader);
    then, for the purpose of a movement, where the movement goes ('sent observers to X to
    investigate'); last, whoever presses for what is withstood ('declined to resign despite
    pressure by X').
    A nominal trigger starts from itself and the verb that governs it.
    """
    starts = [tok] + _shared_objects(tok)
    if tok.pos_ not in ("VERB", "AUX", "ADJ"):
        gov = _governor(tok)
        if gov is not None:
            starts.append(gov)
    direct = [g for s in starts for c in s.children if c.dep_ in ("dobj", "dative", "attr", "nsubjpass")
              and c.i != tok.i for g in (_pobjs(c) if c.pos_ == "ADP" else [c])]
    direct += [g for s in starts for g in _pp_objects(s, stances=False) if g.i != tok.i]
    levels = ([_alleged(direct)] if tok.lemma_.lower() in INQUIRIES else []) + [direct + _nested(direct)]
    # "threatened to shell X in retaliation for a raid on Y": the act's own clause names its
    # target before the stance phrase, whose complements are the other side's doing
    stance = [g for s in starts for g in _pp_objects(s) if g.i != tok.i and g not in direct]
    # "its demand that X ease ...", "approved a plan that bars X": a clause on an object says what it does
    verbs = [c for s in starts + direct for c in s.children
             if c.dep_ in CLAUSE_DEPS and c.pos_ in PREDICATES and (s in starts or c.dep_ in ("acl", "ccomp", "relcl"))]
    verbs = [v for v in verbs if not circumstantial(v)]
    for _ in range(TARGET_DEPTH):
        if not verbs:
            break
        subjects = [h for v in verbs for h in _clause_subjects(v)]
        levels.append([h for h in subjects if h.dep_ != "nsubjpass"])
        levels.append([h for v in verbs for h in _clause_args(v)])
        levels.append([h for h in subjects if h.dep_ == "nsubjpass"])   # the one acted on, last
        verbs = [c for v in verbs for c in v.children
                 if c.dep_ in CLAUSE_DEPS + ("conj",) and c.pos_ in PREDICATES and not circumstantial(c)]
    levels.append(stance + _nested(stance))
    during = [g for s in starts for g in _occasions(s) if g.i != tok.i]
    levels.append(_nested(during))
    levels.append(_negotiated_with(starts))
    levels.append(_destination(tok))
    # "declined to resign despite pressure by X": a refusal is aimed at whose pressure it withstands
    despite = [g for s in starts for c in s.children if c.dep_ == "prep" and c.text.lower() == "despite"
               for g in _pobjs(c) if g.lemma_.lower() in PRESSURES]
    levels.append(_nested(despite, depth=1))
    levels += _own_aims(starts)
    return [[h for h in level if h.i != tok.i] for level in levels]


INQUIRIES = {"investigate", "investigation", "probe", "inquiry", "enquiry", "inquire", "enquire"}
ALLEGATIONS = {"allegation", "claim", "charge", "accusation", "report", "complaint", "suspicion"}


def _alleged(nouns: list[Token]) -> list[Token]:
    """'an investigation into an allegation by X that Y had seized the town': an inquiry into
    a claim is aimed at whom the claim is about, the subject of its that-clause (the parser may
    hang the clause on the claimant), not at the claimant."""
    return [s for n in nouns if n.lemma_.lower() in ALLEGATIONS for v in n.subtree
            if v.dep_ in CLAUSE_DEPS and any(c.dep_ == "mark" and c.lower_ == "that" for c in v.children)
            for s in v.children if s.dep_ in ("nsubj", "nsubjpass")]


DOERS_AGAIN = {"they", "he", "she", "we"}   # the act's doers named again as the subject of its setting


def _own_aims(starts: list[Token]) -> list[list[Token]]:
    """'blocked the roads as they pressed their campaign to topple the government of X': a
    clause of time or cause whose subject is the doers again (a pronoun) tells what they are
    pressing for while they act; whom that aim is against is whom the act is aimed at, where
    nothing closer names anyone. One level per clause depth, the clause's own arguments first,
    then those of the clauses below it and below its object nouns ('their campaign to topple X')."""
    verbs = [c for s in starts for c in s.children if c.dep_ == "advcl" and c.pos_ in ("VERB", "AUX")
             and circumstantial(c) and any(k.dep_ == "nsubj" and k.lower_ in DOERS_AGAIN for k in c.children)]
    levels = []
    for _ in range(TARGET_DEPTH):
        if not verbs:
            break
        args = [h for v in verbs for h in _clause_args(v)]
        levels.append(args)
        verbs = [c for t in verbs + args for c in t.children
                 if c.dep_ in CLAUSE_DEPS + ("conj",) and c.pos_ in PREDICATES and not circumstantial(c)]
    return levels


def _shared_objects(tok: Token) -> list[Token]:
    """A verb with no object of its own coordinated with one that has it ('donated and
    delivered goods to X'): the later verb's objects are both verbs'."""
    if tok.pos_ != "VERB" or any(c.dep_ in OBJ or c.dep_ == "dative" for c in tok.children):
        return []
    return [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > tok.i
            and any(k.dep_ in ("dobj", "dative") for k in c.children)][:1]


TALKS = {"talk", "negotiation", "deliberation", "consultation", "dialogue", "discussion", "meeting"}


def _negotiated_with(starts: list[Token]) -> list[Token]:
    """'called off the strike after deliberations with the government', 'freed the hostages
    following negotiations with X': an act that concludes talks with a party is aimed at
    that party, where nothing closer names one."""
    return [p for s in starts for c in s.children if c.dep_ == "prep" and c.lower_ in ("after", "following")
            for g in _pobjs(c) if g.lemma_.lower() in TALKS
            for q in g.children if q.dep_ == "prep" and q.lower_ == "with" for p in _pobjs(q)]


DESTINATION_PREPS = {"to", "into"}
MOVEMENT_VERBS = {"send", "dispatch", "deploy", "despatch", "go", "come", "travel", "fly", "arrive", "return",
                  "head", "move", "rush", "airlift", "ship"}


def _destination(tok: Token) -> list[Token]:
    """'sent observers to X to investigate ...', 'flew to X to assess ...': an act that is the
    purpose of a movement (a to-infinitive under a verb of sending or going) is aimed where
    the movement goes."""
    if not (_to_infinitive(tok) and tok.dep_ in ("advcl", "xcomp") and tok.head.lemma_.lower() in MOVEMENT_VERBS):
        return []
    return [g for c in tok.head.children if c.dep_ == "prep" and c.lower_ in DESTINATION_PREPS and c.i < tok.i
            for g in _parties(c)]


OCCASION_PREPS = {"during", "amid"}
PRESSURES = {"pressure", "call", "demand", "appeal", "plea", "request", "urging", "protest", "objection", "warning"}


def _occasions(tok: Token) -> list[Token]:
    """Event nouns an act happens during ('threw stones during demonstrations against X',
    'killed amid an assault on X'): whom that occasion is aimed at is whom the act is aimed at.
    Only nouns that are event triggers themselves (never a place: 'in Gaza')."""
    from .events_lex import triggers

    idx = triggers()
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in OCCASION_PREPS for g in _pobjs(c)
            if g.pos_ in ("NOUN", "PROPN") and idx.match_at(g.doc, g.i)]
