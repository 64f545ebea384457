"""Stage: implied actors. ACLED gives every event an actor1, and records a crowd under a
generic name, 'Protesters (Country)' or 'Rioters (Country)', with any group the crowd stands
for as its associated actor (the codebook's event types). Unknown perpetrators are an
'Unidentified Armed Group (Country)'. This stage runs after places, because the
country of a generic actor is the country where the event happened, and after claims:
an implied actor is no party a speaker can accuse.

Per event, by its ACLED sub_event_type (data/acled_implied_actors.tsv):

- ``crowd`` rule (protests, riots): the first actor is the generic crowd of the event
  type. A crowd the text names with the other label ("protesters" who threw stones in a
  riot; "residents" who demonstrated) is relabelled; a crowd coded as the recipient of a
  state force ("police dispersed protesters") becomes the actor and the force the
  recipient, as ACLED codes the protest as the protesters' event; otherwise the generic
  crowd is put first and the named actors follow as associated actors.
- ``unnamed`` rule: an armed clash whose two sides were both coded as recipients
  ("a battle between X and Y") takes the first as its actor; an event with no actor at all
  takes the first armed actor (state
  forces, an armed group) its sentence mentions that is not its recipient ("border guard
  police and ARSA clashed", where the parse found no subject); a clash told with no party
  takes the named armed actor of the sentence right before it; failing that, the generic
  actor.
- remote explosives: state forces the parse made the actor of a mine or IED that the
  sentence tells only as those it hit ("their vehicle struck a mine", "troops suffered
  casualties") are its recipients; ACLED codes the planter, named or unidentified.
- a device told only as found or gone off, in a text naming no armed actor, is its unknown
  planter's disrupted weapons use (an unidentified armed group), not the police's.

Before that, an actor of no known country that takes part in a violent or demonstration
event (unnamed "police", "residents", an organisation no knowledge file holds) takes the
country of the event's place (``Resolver.localise``). Every added or changed actor says
why in its ``reason``.

Last, PLOVER targets (after claims, so no speaker accuses an implied party; recipients
are not scored by ACLED): a REQUEST told as 'X said Y must ...' is X's request of Y; an
event with an actor but no recipient takes the first level of ``events_args.target_heads``
that names another party ('threatened to cut off gas to X', 'demanded that X ...',
'rejected calls by X', 'in protest against X'), else the place its clause names - a
country as its state, a town as its people (CVL) - except for political violence and
protests at home, where the place is only where it happened.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..claims_attribution import lexicon
from ..knowledge import ARMED_SECTORS, STATE_FORCES, FrontSide, Title, front_sides, identity_cues, knowledge
from ..lexicon import load_table
from ..records import IMPLIED, NOT_TODAY, Actor, Event
from ..events_args import demanded_of, resolve_np, target_heads
from ..events_lex import frames, triggers
from .actors import CROWD_SECTORS, Resolver, ent_country, militia, resolver


CROWD_INTER = (5, 6)  # rioters, protesters
FORCE_KINDS = ("state",)


@lru_cache(maxsize=1)
def rules() -> dict[str, tuple[Title, str]]:
    """sub_event_type -> (title of the implied actor, rule)."""
    kb = knowledge()
    out = {}
    for row in load_table("acled_implied_actors.tsv", required=["sub_event_type", "title", "rule"]):
        title = kb.title_for(row["title"])
        if title is None or row["rule"] not in ("crowd", "unnamed"):
            raise ValueError(f"acled_implied_actors.tsv: bad row {row}")
        out[row["sub_event_type"]] = (title, row["rule"])
    return out


def _country(ev: Event, r: Resolver) -> tuple[Optional[str], str]:
    if ev.location is not None and ev.location.country:
        return ev.location.country, f"the event's place ({ev.location.name or ev.location.country})"
    iso = r.doc_country()
    return iso, ("the document's main country" if iso else "no country known")


def _armed(a: Actor) -> bool:
    return a.sector in ARMED_SECTORS and a.kind in ("state", "armed_group", "group")


def _in_sentence(ev: Event, actors: list[Actor], keep) -> list[Actor]:
    """The actors ``keep`` accepts that the event's sentence mentions, first mentioned first."""
    if ev.sentence is None:
        return []
    return _in_span(ev.sentence.start, ev.sentence.end, actors, keep)


def _in_span(lo: int, hi: int, actors: list[Actor], keep) -> list[Actor]:
    """The actors ``keep`` accepts that characters lo..hi-1 mention, first mentioned first."""
    seen = [(min(starts), n, a) for n, a in enumerate(actors) if keep(a)
            and (starts := [m.start for m in a.mentions if lo <= m.start < hi])]
    return [a for _, _, a in sorted(seen)]


def _sentence_actor(ev: Event, actors: list[Actor], doc) -> Optional[Actor]:
    """The first armed actor mentioned in the event's sentence, not its recipient nor told
    as one acted on ("two policemen were shot dead by gunmen": the gunmen); else a mob
    ("a vigilante mob lynched ...": ACLED rioters, inter 5) it mentions."""
    return next(iter(_in_sentence(ev, actors, lambda a: _armed(a) and a not in ev.recipients
                                  and not _acted_on(ev, a, doc) and not _hit_forces(ev, a, doc))), None) or \
        next(iter(_in_sentence(ev, actors, lambda a: a.acled_inter == 5 and a.kind == "group"
                               and a not in ev.recipients)), None)


def _side_before(ev: Event, actors: list[Actor], doc) -> Optional[Actor]:
    """A clash its sentence tells with no party ("A shoot-out broke out") has as one side the
    first armed actor the sentence right before it names, not the clash's recipient: a fight
    has two sides, and English names who fought in the sentence leading up to it ("Police
    raided the estate. A shoot-out broke out": the police fought); so does one whose only
    named side is unidentified ("a heavy shoot-out ensued; four suspects were shot": the
    suspects are the other side). An unnamed side in the sentence before ("the attackers")
    tells no more than the generic actor, which takes the event's place."""
    span = doc.char_span(ev.sentence.start, ev.sentence.end, alignment_mode="expand") if ev.sentence else None
    if span is None or not len(span) or span.sent.start == 0:
        return None
    before = doc[span.sent.start - 1].sent
    return next(iter(_in_span(before.start_char, before.end_char, actors,
                              lambda a: _armed(a) and not _unidentified(a) and a not in ev.recipients)), None)


def _named_side(ev: Event, actors: list[Actor], doc) -> Optional[Actor]:
    """A clash whose every party is unidentified ("armed men exchanged fire with a patrol",
    "a gunfight erupted and two suspects died") has as its named side the first armed
    actor that is not unidentified its sentence names outside its parties ("gunmen traded
    fire as police arrived", where the parse tied the police to no role), else the one
    the sentence before names (``_side_before``): a fight has two sides, and an unnamed one
    is the other side of the one the text names."""
    parties = ev.actors + ev.recipients
    return next(iter(_in_sentence(ev, actors, lambda a: _armed(a) and not _unidentified(a) and not _hit_only(ev, a, doc)
                                  and all(a is not b for b in parties))), None) or _side_before(ev, actors, doc)


def _hit_only(ev: Event, a: Actor, doc) -> bool:
    """Every mention of ``a`` in the event's sentence is a passive subject ("two policemen
    were shot by gunmen"): told only as those the act was done to, not as a side that
    fought, so not the side a clash is told from."""
    roots = [span.root for m in a.mentions if ev.sentence.start <= m.start < ev.sentence.end
             for span in [doc.char_span(m.start, m.end, alignment_mode="expand")] if span is not None and len(span)]
    return bool(roots) and all(_passive_subject(t) for t in roots)


def _acted_on(ev: Event, a: Actor, doc) -> bool:
    """Every mention of ``a`` in the sentence of a one-sided event (an attack, a blast) is
    the passive subject of a verb ("an officer was killed", "police were hit by a landmine"):
    those the act was done to, not its doers. In a clash both sides fight, the fallen too."""
    return ev.acled.sub_event_type != "Armed clash" and _hit_only(ev, a, doc)


def _passive_subject(tok) -> bool:
    """The passive subject of a verb of doing ("was killed", "were attacked"), not of a verb
    of saying or believing that reports what it did ("are accused of assaulting", "are
    reported to have struck", "is suspected of")."""
    if tok.dep_ == "conj" and tok.head.dep_ == "nsubjpass":
        tok = tok.head
    verb = tok.head
    return tok.dep_ == "nsubjpass" and not any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "of")
                                               for c in verb.children)


def _ethnic_sides(ev: Event, r: Resolver, actors: list[Actor]) -> None:
    """In an armed clash, ethnic groups are the sides' identity militias (ACLED inter 4):
    "clashes between Kikuyu and Maasai" is Kikuyu Ethnic Militia vs Maasai Ethnic Militia."""
    people = {id(a): key.split(":")[1] for key, a in r.actors.items()
              if key.startswith("ethnic:") and key.endswith(":people")}

    def side(a: Actor) -> Actor:
        if id(a) not in people:
            return a
        return militia(r, people[id(a)], a.country, f"'{a.name}' as a side of an armed clash (actors_ethnic.tsv)")

    ev.actors = [side(a) for a in ev.actors]
    ev.recipients = [side(a) for a in ev.recipients]
    if not ev.actors:
        sides = [side(a) for a in _in_sentence(ev, actors, lambda a: id(a) in people)]
        ev.actors = [s for s in sides if s not in ev.recipients][:1]


def _localise(ev: Event, r: Resolver, actors: Optional[list[Actor]] = None) -> None:
    """The event's actors (or ``actors``) of no country, or of a guessed one, take the
    country of its place (``Resolver.localise``)."""
    loc = ev.location
    if loc is None or not loc.country or (loc.precision or 4) > 3 or ev.acled.disorder_type is None:
        return
    for a in ev.actors + ev.recipients if actors is None else actors:
        r.localise(a, loc.country, f"it takes part in an event at {loc.name} ({ev.acled.sub_event_type})")


def _unidentified(a: Actor) -> bool:
    """ACLED's generic unidentified armed group (gunmen, attackers, an implied perpetrator)."""
    return a.acled_inter == 3 and a.kind == "armed_group" and \
        (a.acled_name or a.name or "").startswith("Unidentified Armed Group")


KIN_SIDES = {"families": "Clan", "sections": "Clan", "villages": "Communal"}  # kin and home groups
_KIN_SIDES = re.compile(r"\bbetween(?:\s+[\w'-]+){0,3}?\s+(" + "|".join(KIN_SIDES) + r")\b", re.I)


def _kin_sides(sentence: str) -> Optional[str]:
    """The ACLED militia kind of violence whose two sides the sentence names as families,
    clan sections or villages ("a fight between two families", "clashes between rival Nuer
    sections", "an attack between two villages"): groups organised around kinship or a
    community, the codebook's identity militias (inter 4). The plural after 'between' is
    what names both sides; one family against an official ("between a family and a chief")
    is not a kin fight."""
    m = _KIN_SIDES.search(sentence)
    return KIN_SIDES[m.group(1).lower()] if m else None


def _identity(ev: Event, r: Resolver, text: str, replaced: list[Actor]) -> None:
    """An unidentified armed side of political violence that its note calls ethnic, tribal,
    clan or communal ("ethnic clashes", "a tribal clash over land", "inter-clan fighting",
    "clashes between two communities"), or cattle rustling (livelihood), or whose two sides
    are kin or home groups (``_kin_sides``), is an identity militia (ACLED inter 4: an armed
    group held together by a shared community, people, region or faith)."""
    if ev.acled.disorder_type != "Political violence" or ev.sentence is None:
        return
    kind = _identity_violence(text[ev.sentence.start:ev.sentence.end])
    if kind is None:
        return
    for side in ("actors", "recipients"):
        group = getattr(ev, side)
        for n, a in enumerate(group):
            if _unidentified(a):
                m = militia(r, "Unidentified", a.country, f"an unidentified armed side of {kind.lower()} violence "
                            f"(ACLED identity militia, inter 4)" + (f"; country {a.country}" if a.country else ""), kind,
                            guessed=a.id in r.guessed)
                group[n] = m
                replaced.append(a)
                ev.reason = (ev.reason or "") + f"; {a.name} coded as {m.name} ('{kind.lower()}' violence)"


def _identity_violence(sentence: str) -> Optional[str]:
    """The ACLED militia kind (Ethnic, Tribal, Clan, Communal) of the violence a sentence calls
    identity violence: a cue word of data/identity_cues.tsv ("clan fighting", "cattle raiders")
    or two kin or home groups as its sides (``_kin_sides``); None if it names none."""
    words = [w.lower() for w in sentence.replace("/", " ").split()]
    cues = identity_cues()
    return next((cues[w][0] for w in (w.strip(".,;:()\"'") for w in words) if w in cues), None) \
        or _kin_sides(sentence)


@lru_cache(maxsize=1)
def _attribution() -> re.Pattern:
    """The attribution cues of data/claim_cues.tsv, each a stem matched at a word's start."""
    stems = sorted(lexicon().kind("attribution"), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(s) for s in stems) + r")\w*", re.I)


PLANTED = re.compile(r"\b(?:planted|placed|laid)\s+by\b", re.I)


def _attributed(ev: Event, state, text: str, replaced: list[Actor]) -> None:
    """An unidentified perpetrator of an event whose note attributes it to the one armed
    group it names ("Al Shabaab are the suspected perpetrators", "JNIM claimed
    responsibility", "alleged members of the CJNG") is that group; so is the one armed group
    a remote explosive event's note says planted a device ("the mine was planted by X
    militants"): ACLED codes remote violence to who set the device."""
    if not ev.actors or not _unidentified(ev.actors[0]):
        return
    if _attribution().search(text):
        said = lambda m: _as_party(state.doc, m)
    elif ev.acled.sub_event_type == REMOTE and (planted := [m.end() for m in PLANTED.finditer(text)]):
        said = lambda m: any(0 <= m.start - end <= 2 for end in planted)   # "planted by X militants"
    else:
        return
    groups = [a for a in state.result.actors if a.kind == "armed_group" and a.mentions
              and (a.reason or "").startswith("actors_groups.tsv") and all(a is not b for b in ev.recipients)
              and any(said(m) for m in a.mentions)]
    if len(groups) != 1:
        return
    generic, ev.actors[0] = ev.actors[0], groups[0]
    replaced.append(generic)
    ev.reason = (ev.reason or "") + f"; {groups[0].name}: the armed group the note attributes the event to"


ARMED_TYPES = ("Violence against civilians", "Battles", "Explosions/Remote violence")


KIN_HEADS = {"caste": "Caste", "castes": "Caste", "family": "Clan", "families": "Clan", "clan": "Clan",
             "clans": "Clan", "tribe": "Tribal", "tribes": "Tribal"}   # "the X caste", "the X and Y families"
_KIN_HEAD = re.compile(r"(?:\s+and(?:\s+[A-Z][\w'-]*){1,3})?\s+(" + "|".join(KIN_HEADS) + r")\b")


def _party_militia(ev: Event, r: Resolver, text: str, replaced: list[Actor]) -> None:
    """A political party or its wing as the doer of political violence ("Imbonerakure
    attacked a CNL member") acts as a political militia (ACLED inter 3: violence "for the
    furtherance of a political purpose"); a party otherwise has no inter of its own
    (actors_parties.tsv: ACLED codes its members by their role, protesters or rioters). So
    does an organisation no knowledge file holds ("the Tiger Brigade attacked a village"):
    named, organised and violent, and not known as a state's, a rebel or an identity group.
    A name NER took for a private person's, with no office or title, that attacks, fights
    or bombs is ACLED's armed perpetrator too (inter 3): ACLED codes no individual, and such
    a name is most often a group's NER misread ("members of the Sultan Brigade evicted ..."),
    else one man's violence, which ACLED gives an unidentified armed group. Such a name, or
    an organisation's, that a kin word heads ("members of the X caste", "the X and Y
    clans"), or a person's name in a sentence of identity violence ("X raiders", "clan
    fighting", ``_identity_violence``) is a kin or home group's name: its identity militia
    (inter 4, "X Caste Militia")."""
    if not ev.actors:
        return
    a = ev.actors[0]
    person = a.kind == "person" and a.reason == "named person" and ev.acled.event_type in ARMED_TYPES
    if not (a.acled_inter is None and (a.sector == "PTY" or a.id in r.unknown_orgs or person)):
        return
    name = re.sub(r"^(?:the|suspected)\s+", "", a.name, flags=re.I)
    kind = _kin_of(a, ev, text, sentence_wide=person) if (person or a.id in r.unknown_orgs) \
        and not name.isupper() else None   # "SDLF raided": an acronym names an organisation
    if kind is not None:
        if name.lower() in identity_cues() or name.lower() in KIN_HEADS:   # "(Clan violence)": no name
            name = "Unidentified"
        ev.actors[0] = militia(r, name, a.country, f"'{a.name}', a name of no known group, as the doer "
                               f"of {kind.lower()} violence: a kin or home group (ACLED identity militia, "
                               f"inter 4)", kind, guessed=a.id in r.guessed)
        replaced.append(a)
        ev.reason = (ev.reason or "") + f"; {a.name} coded as {ev.actors[0].name}"
        return
    a.acled_inter = 3
    what = "a party" if a.sector == "PTY" else "a named person" if person \
        else "an organisation no knowledge file holds"
    a.reason = f"{a.reason}; {what} as the doer of {ev.acled.sub_event_type}: ACLED political militia (inter 3)"


def _kin_of(a: Actor, ev: Event, text: str, sentence_wide: bool) -> Optional[str]:
    """The militia kind of a kin word right after one of the name's mentions in the event's
    sentence ("the X caste", "the X and Y clans"), else (``sentence_wide``) of the sentence's
    identity violence."""
    if ev.sentence is None:
        return None
    for m in a.mentions:
        if ev.sentence.start <= m.start < ev.sentence.end and (head := _KIN_HEAD.match(text, m.end)):
            return KIN_HEADS[head.group(1).lower()]
    return _identity_violence(text[ev.sentence.start:ev.sentence.end]) if sentence_wide else None


def _as_party(doc, mention) -> bool:
    """A group's mention that names the group as a party, not a modifier of someone else
    ("an al Shabaab suspect" was shot: a suspected member, a victim)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ not in ("compound", "nmod", "amod"):
        return True
    title = knowledge().title_for(root.head.lemma_) or knowledge().title_for(root.head.text)
    return title is not None and title.sector in ARMED_SECTORS   # "Al Shabaab militants"


def _drop_unused(state, r: Resolver, actors: list[Actor]) -> None:
    """An implied actor that was recoded everywhere it stood (no mention, no event) is dropped."""
    used = {id(a) for ev in state.result.events for a in ev.actors + ev.recipients}
    for a in actors:
        if a.mentions or id(a) in used or a not in state.result.actors:
            continue
        state.result.actors.remove(a)
        r.by_id.pop(a.id, None)


def _civilian_perpetrators(ev: Event, r: Resolver) -> None:
    """Civilians are victims in ACLED ("by definition, unarmed and, hence, vulnerable"), never
    the actor of an attack, a clash, a bombing or of looting or destroying property ("the
    X initiative carried out an arson attack"): a civilian first actor ("a man was shot by
    gunmen", the parse's subject) is a recipient, and the event falls back to the armed actor
    its sentence names or the generic one. An ethnic people as the actor ("the Pokot attacked
    Luhya farmers") is its identity militia (ACLED inter 4)."""
    people = {id(a): key.split(":")[1] for key, a in r.actors.items()
              if key.startswith("ethnic:") and key.endswith(":people")}
    kept = []
    for a in ev.actors:
        if id(a) in people:
            kept.append(militia(r, people[id(a)], a.country, f"'{a.name}' as the actor of an attack (actors_ethnic.tsv)"))
        elif a.acled_inter == 7 and a.kind == "group":
            if all(a is not b for b in ev.recipients):
                ev.recipients.append(a)
            ev.reason = (ev.reason or "") + f"; {a.name} are civilians: a recipient, not the actor (ACLED)"
        else:
            kept.append(a)
    ev.actors = kept


REMOTE = "Remote explosive/landmine/IED"
LIGHT_VERBS = frozenset(("carry", "conduct", "launch", "stage", "mount", "commit", "perpetrate"))   # X carried out an act
DESTRUCTION = "Looting/property destruction"   # a strategic development in ACLED, not political violence
UNDERGONE = frozenset(("suffer", "escape", "survive", "sustain", "run", "drive", "hit", "strike", "trigger",
                       "step", "die", "lose", "pass", "patrol", "travel", "return", "be"))


def _remote_targets(ev: Event, doc) -> None:
    """A device planted against state forces is its planter's act (ACLED codes remote
    violence to who set the device, the forces it hit being actor2): forces the parse made
    the actor that the sentence tells only as those the device hit (``_hit_forces``) are
    its recipients, and the event falls back to the armed actor its sentence names, else
    the generic one."""
    if not ev.actors or not _hit_forces(ev, ev.actors[0], doc):
        return
    a = ev.actors[0]
    ev.actors = ev.actors[1:]
    if all(a is not b for b in ev.recipients):
        ev.recipients.insert(0, a)
    ev.reason = (ev.reason or "") + f"; {a.name}: the forces the device hit, its recipient, not its planter (ACLED)"


def _hit_forces(ev: Event, a: Actor, doc) -> bool:
    """State forces of a remote explosive event that its sentence never tells as a doer
    ("soldiers were wounded when their vehicle struck a mine", "an IED targeted a police
    convoy", "troops suffered casualties from a landmine"; not "police defused", "the army
    bombed", "mines planted by the army")."""
    if ev.acled.sub_event_type != REMOTE or ev.sentence is None or a.kind != "state" or a.acled_inter != 1:
        return False
    spans = [span for m in a.mentions if ev.sentence.start <= m.start < ev.sentence.end
             for span in [doc.char_span(m.start, m.end, alignment_mode="expand")] if span is not None and len(span)]
    return bool(spans) and not any(_doer(span.root) for span in spans)


def _doer(tok) -> bool:
    """The token names one who acts: the subject of an active verb other than one of
    undergoing ("suffered", "ran over", "struck a mine"), or the agent of a passive ("planted
    by the army")."""
    while tok.dep_ == "conj" or (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN"):
        tok = tok.head if tok.dep_ == "conj" else tok.head.head   # "a group of police who opened fire"
    if tok.dep_ == "nsubj":
        return tok.head.lemma_.lower() not in UNDERGONE
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


FOUND = frozenset(("find", "discover", "explode", "detonate"))   # a device found, or gone off harmlessly


def _planter(ev: Event, actors: list[Actor], doc) -> Optional[Title]:
    """A device told only as found or gone off ("a bomb was found in a bus", "an explosive
    thrown from a car exploded by a wall"), in a text that names no armed actor at all, is
    ACLED's disrupted weapons use of whoever planted or threw it: an unidentified armed
    group, not the police the table implies for a seizure or a defusal ("a cache was
    seized", "a device was defused")."""
    if ev.acled.sub_event_type != "Disrupted weapons use" or any(_armed(a) and a.mentions for a in actors):
        return None
    tok = _trigger_token(doc, ev)
    if tok is None or tok.lemma_.lower() not in FOUND:
        return None
    return knowledge().title_for("gunmen")


def _crowd(a: Actor) -> bool:
    """Protesters, rioters, or civilians (inter 7) acting as a crowd."""
    return a.kind == "group" and a.sector in CROWD_SECTORS and a.acled_inter in (5, 6, 7)


def _crowd_rule(ev: Event, r: Resolver, title: Title, iso: Optional[str], where: str) -> None:
    sub = ev.acled.sub_event_type
    first = next((a for a in ev.actors if _crowd(a)), None)
    if first is None:
        moved = [a for a in ev.recipients if _crowd(a) and a.acled_inter in CROWD_INTER]
        if moved:   # "police dispersed protesters": the protest is the protesters' event
            forces = [a for a in ev.actors if a.kind in FORCE_KINDS]
            ev.actors = [moved[0]] + [a for a in ev.actors if a not in forces]
            ev.recipients = [a for a in ev.recipients if a is not moved[0]] + forces
            ev.reason = (ev.reason or "") + f"; {moved[0].name} are the actor of a {sub} (ACLED), the force its recipient"
            first = moved[0]
        elif not ev.actors:   # the parse tied no actor to the trigger: the crowd its sentence names
            first = next(iter(_in_sentence(ev, r.state.result.actors, lambda a: _crowd(a) and a not in ev.recipients)),
                         None)
            if first is not None:
                ev.reason = (ev.reason or "") + f"; {first.name}: the crowd its sentence names"
    if first is not None:   # found here, after the event's actors were placed: a crowd it names acts there too
        _localise(ev, r, [first])
    if first is not None and first.acled_inter == title.inter and first.country \
            and (first.acled_name or first.name) == r.kb.acled_name(title.acled, first.country, r.day):
        # already the generic crowd ("Protesters (Kenya)"; "Opposition (Kenya)" is relabelled below)
        ev.actors = [first] + [a for a in ev.actors if a is not first]
        return
    if first is not None:
        c_iso = first.country or iso   # the crowd's own country stands (a place vote of the whole text)
        why = (f"'{first.name}' in a {sub}: ACLED notes them as {title.phrase} of "
               + (f"{first.country}" if first.country else where))
        if first.sector != title.sector:   # students stay EDU, activists OPP (PLOVER): only the ACLED name is generic
            title = Title(title.phrase, title.role, first.sector, title.kind, title.acled, title.inter)
            why += f"; sector {first.sector} of '{first.name}'"
        generic = r.sub_actor(c_iso, title, why, guessed=first.id in r.guessed)   # a guess stays one
        if generic is None:
            return
        ev.actors = [generic] + [a for a in ev.actors if a is not first and a is not generic]
        ev.reason = (ev.reason or "") + f"; '{first.name}' coded as {generic.name} (ACLED generic crowd)"
        return
    generic = r.sub_actor(iso, title, f"the crowd of a {sub}, unnamed in the text (ACLED generic "
                                      f"'{title.acled}'), country from {where}")
    if generic is None:
        return
    named = [a for a in ev.actors if a is not generic]
    ev.actors = [generic] + named
    ev.recipients = [a for a in ev.recipients if a is not generic]
    ev.reason = (ev.reason or "") + (f"; generic actor {generic.name}" +
                                     (f", {', '.join(a.name for a in named)} associated" if named else ""))


FRONT_TYPES = ("Armed clash", "Shelling/artillery/missile attack")   # fire exchanged across a front
FRONT_LINE = re.compile(r"\b(front ?lines?|line of contact|contact line)\b", re.I)


def _front_line(ev: Event, r: Resolver, text: str, watched: dict[int, str]) -> Optional[Actor]:
    """A clash along a front line in a country, no side named ("fire in both directions of
    the frontline near X"): one side is that country's military, as in a civil war the state
    holds one side of every front on its soil; the other stays unnamed. Likewise fire that an
    unarmed mission watching one country's line of contact observes ("the OSCE SMM observed
    2 explosions near X": igos.tsv host, a mission that is no armed force): the line is that
    country's front, whatever the place stage made of the village: ``watched`` notes the
    event as one on the host's own soil (``_external``)."""
    if ev.sentence is None:
        return None
    monitors = [(igo, a) for igo, a in r.missions() if igo.sector != "MIL"
                and any(ev.sentence.start <= m.start < ev.sentence.end for m in a.mentions)]
    if monitors:
        igo = monitors[0][0]
        watched[id(ev)] = igo.host
        side = _side_of_line(text[ev.sentence.start:ev.sentence.end], igo.host, _day(ev, r))
        if side is not None and side.held_by == "state":   # fire near a government-held place came from across
            return r.get(f"group:{side.party.lower()}", name=side.party.split(": ", 1)[-1], kind="armed_group",
                         country=side.country, sector="REB" if side.party_inter == 2 else "UAF",
                         acled_name=side.party, acled_inter=side.party_inter,
                         reason=f"fire {igo.name} observed near {side.place}, held by the government: the other "
                                f"side of the line fired (actors_front_sides.tsv)")
        return r.sub_actor(igo.host, r.kb.title_for("military"),
                           f"the state's forces on the line of contact {igo.name} watches ({igo.host})"
                           + (f"; near {side.place}, held by the other side" if side is not None else ""))
    loc = ev.location
    if loc is None or not loc.country or (loc.precision or 4) > 3 \
            or not FRONT_LINE.search(text[ev.sentence.start:ev.sentence.end]):
        return None
    return r.sub_actor(loc.country, r.kb.title_for("military"), f"the state's forces on a front line at {loc.name}")


def _side_of_line(sentence: str, country: str, day: Optional[str]) -> Optional[FrontSide]:
    """The settlement of a front line in ``country`` (data/actors_front_sides.tsv) that the
    sentence names first (the longest name where two overlap: "Zolote-5" before "Zolote"),
    if its side is known on ``day``."""
    sides = front_sides()
    found = []
    for name, side in sides.items():
        if side.country != country or (day and not side.start <= day < side.end):
            continue
        m = re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", sentence, re.I)
        if m:
            found.append((m.start(), -len(name), side))
    return min(found, key=lambda f: f[:2])[2] if found else None


def _day(ev: Event, r: Resolver) -> Optional[str]:
    return (ev.date.start if ev.date is not None else None) or r.day


def _external(events: list[Event], r: Resolver, watched: dict[int, str]) -> None:
    """State forces acting only outside their country get ACLED's inter 8 ("state forces
    active outside of their main country of operation"). A state named as the actor of
    political violence or a strategic development ("Turkey and Russia conducted a joint
    patrol in Idlib") counts as its forces. Forces whose own country the towns and regions
    the text names point to at least as much as to the country of their events' places
    (``Resolver.town_votes``) are at home: that place abroad is a namesake the place stage
    took ("Afghan police in Chora district and Tarinkot, Urozgan" is no operation in Greece).
    Country names do not vote: "a US drone strike in Helmand" names the actor, not a place.
    Fire a mission observes on the line of contact it watches (``watched``, ``_front_line``)
    lies in that line's country, whatever namesake abroad the place stage took for the
    village: it sends none of that country's forces abroad."""
    where: dict[int, tuple[Actor, set]] = {}
    for ev in events:
        if ev.status in NOT_TODAY or ev.acled.disorder_type is None:
            continue
        loc = ev.location
        country = loc.country if loc is not None else None
        violent = ev.acled.disorder_type in ("Political violence", "Strategic developments")
        if not country:   # the place names' vote (Resolver.place_country) misplaces forces near borders
            for a in ev.actors[:1] if violent else []:
                if a.kind == "state" and a.acled_inter == 1 and a.sector in STATE_FORCES and _crossed(ev, a, r):
                    a.acled_inter = 8
                    a.reason = f"{a.reason}; external force: crossed a border to act (ACLED inter 8)"
            continue
        for a in ev.actors + ev.recipients:
            if watched.get(id(ev)) == a.country:
                continue
            if a.kind == "state" and a.acled_inter == 1 and a.country and (
                    a.sector in STATE_FORCES or (violent and a.sector == "GOV" and a in ev.actors)):
                where.setdefault(id(a), (a, set()))[1].add(country)
    abroad = [(a, countries) for a, countries in where.values() if a.country not in countries]
    votes = r.town_votes() if abroad else None   # read only when some force acts abroad
    for a, countries in abroad:
        if not 0 < max(votes[c] for c in countries) <= votes[a.country]:
            a.acled_inter = 8
            a.reason = f"{a.reason}; external force: acts in {', '.join(sorted(countries))} (ACLED inter 8)"


BORDER_WORDS = ("border", "frontier", "boundary")


def _crossed(ev: Event, a: Actor, r: Resolver) -> bool:
    """The event's sentence has state forces ``a`` cross a border to act ("Ugandan soldiers
    crossed the border and attacked herders": the subject of "cross" with a border as its
    object, also through a verb joined to it), or tells the act as done inside or across
    another country's border ("shelling by X inside the Kenyan border"): forces acting
    beyond their own country's border, which ACLED codes as external forces (inter 8), where
    the place stage found no place to tell it."""
    span = r.doc.char_span(ev.sentence.start, ev.sentence.end, alignment_mode="expand") if ev.sentence else None
    if span is None:
        return False
    own = {t.i for m in a.mentions if ev.sentence.start <= m.start < ev.sentence.end
           for sp in [r.doc.char_span(m.start, m.end, alignment_mode="expand")] if sp is not None for t in sp}
    for t in span:
        if t.lemma_.lower() == "cross" and t.pos_ == "VERB" \
                and any(c.dep_ == "dobj" and c.lemma_.lower() in BORDER_WORDS for c in t.children):
            verb = t
            while not any(c.dep_ == "nsubj" for c in verb.children) and verb.dep_ == "conj" and verb.head is not verb:
                verb = verb.head
            if any(s.i in own for c in verb.children if c.dep_ == "nsubj" for s in c.subtree):
                return True
        if t.lower_ in ("inside", "across") and t.dep_ == "prep":
            for border in (c for c in t.children if c.dep_ == "pobj" and c.lemma_.lower() in BORDER_WORDS):
                named = [ent_country(r.kb, m) for m in border.lefts if m.dep_ in ("amod", "compound", "poss")]
                if any(iso and iso != a.country for iso in named):
                    return True
    return False


def _host(ev: Event, r: Resolver) -> None:
    """A visit's recipient is its host (CAMEO 042/043, PLOVER CONSULT): "Saddam Hussein
    arrived in Amman on a visit" is a visit to Jordan, the country of the visited place."""
    loc = ev.location
    if ev.plover.type != "CONSULT" or ev.recipients or loc is None or not loc.country or (loc.precision or 4) > 3:
        return
    if not ev.actors or any(a.country == loc.country for a in ev.actors):
        return
    if ev.plover.mode != "visit":   # the visit frame's mode (event_frames.tsv)
        return
    host = r.state_actor(loc.country, f"host of a visit to {loc.name}")
    ev.recipients = [host]
    ev.reason = (ev.reason or "") + f"; the host of the visit: {host.name} ({loc.name})"


def _object_only(r: Resolver, ev: Event) -> bool:
    """A strategic development named only as the object of a crowd's act ("protesters
    defied the curfew"): the crowd acted on it, and its author is not told, so no implied
    actor (the curfew's author is not the police of the place). The object of a light verb
    ("carried out an arson attack", "staged a raid") is the subject's own act, not another's."""
    tok = _trigger_token(r.doc, ev)
    if ev.acled.event_type != "Strategic developments" or tok is None or tok.dep_ != "dobj" \
            or tok.head.lemma_.lower() in LIGHT_VERBS:
        return False
    return any(c.dep_ == "nsubj" and (a := r.of(c.i)) is not None and _crowd(a) for c in tok.head.children)


def _fighting(doc, ev: Event) -> bool:
    """The event's trigger is a word of fighting (the lexicon's armed-clash frames: 'clashes',
    'fighting', 'battle'), not a clash read from its parties ('members were killed')."""
    tok = _trigger_token(doc, ev)
    if tok is None:
        return False
    known = frames()
    return any(known[value].sub_event_type == "Armed clash" for key in {tok.lemma_.lower(), tok.lower_}
               for _, _, value, _ in triggers().by_first.get(key, ()))


def _trigger_token(doc, ev: Event):
    span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand") if ev.trigger else None
    return span.root if span is not None and len(span) else None


def _obligation(ev: Event, state) -> None:
    """A REQUEST told as an obligation in a reported clause ('X said Y must ...', CAMEO
    'demand'): its source is the speaker, its target the one obliged."""
    if ev.plover.type != "REQUEST" or ev.acled.disorder_type in ("Political violence", "Demonstrations"):
        return
    tok = _trigger_token(state.doc, ev)
    found = demanded_of(tok) if tok is not None else None
    if found is None:
        return
    speaker = resolve_np(state, found[0])
    obliged = [a for h in found[1] for a in resolve_np(state, h)]
    if not speaker or not obliged or any(a in obliged for a in speaker):
        return
    ev.actors, ev.recipients = speaker, obliged
    ev.reason = (ev.reason or "") + f"; target {', '.join(a.name for a in obliged)}, obliged in a reported " \
        f"clause ('must'); source the speaker {', '.join(a.name for a in speaker)}"


GOVERNED_PLACE = {"SUPPORT", "CONSULT", "COOPERATE", "PROTEST"}   # aimed at a place's rulers, not its people


def _at_rulers(ev: Event) -> bool:
    """A diplomatic act or a protest aimed at a town is aimed at its rulers ('ties with and an
    embassy in Tehran', 'a strike that shut down the capital'); a demonstration ACLED codes
    keeps ACLED's reading, the place where it is held."""
    return ev.plover.type in GOVERNED_PLACE and not (ev.plover.type == "PROTEST" and ev.acled.event_type)


def _target(ev: Event, state, r: Resolver) -> None:
    """PLOVER's target of an event the parse gave no recipient: the first level of
    ``events_args.target_heads`` that names an actor other than the event's own, else the
    country of the event's place when the trigger's clause names it ('lifted a curfew in X';
    CAMEO codes the place as target when no party is named): a town stands for its people,
    or for its rulers when the act is diplomatic or a protest (``_at_rulers``)."""
    if ev.recipients or not ev.plover.type or not ev.actors:   # actorless: the store would fuse distinct notes
        return
    if ev.acled.sub_event_type == "Armed clash":   # a clash's sides are its parties as the parse found them:
        return   # an inferred other side made the store fuse distinct clashes of one front and day
    tok = _trigger_token(state.doc, ev)
    if tok is None:
        return
    own = {id(a) for a in ev.actors}
    named = r.of(tok.i) if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass") else None
    if named is not None and id(named) not in own and tok.head.pos_ == "VERB":   # "to disperse demonstrators"
        ev.recipients = [named]
        ev.reason = (ev.reason or "") + f"; target {named.name}: the trigger names those acted on"
        return
    for level in target_heads(tok):
        found = [a for h in level for a in resolve_np(state, h) if id(a) not in own
                 and not _own_organ(ev, a, h)]
        if found:
            ev.recipients = [a for n, a in enumerate(found) if all(a is not b for b in found[:n])]
            ev.reason = (ev.reason or "") + "; target " + ", ".join(a.name for a in ev.recipients) + \
                " from the trigger's complements"
            return
    loc = ev.location
    if loc is None or not loc.country or loc.span is None or loc.country not in r.kb.countries or not ev.actors:
        return
    if ev.acled.disorder_type in ("Political violence", "Demonstrations") \
            and any(a.country in (loc.country, None) for a in ev.actors):
        return   # political violence and protests at home: the place is where, not whom (ACLED)
    clause = tok if tok.pos_ in ("VERB", "AUX", "ADJ") or tok.head is tok else tok.head
    lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    if not lo <= loc.span.start < hi:
        return
    named = r.kb.country_for(loc.name or "") or r.kb.country_for(loc.text or "")
    if named:   # a country stands for its state (its name wins over a town of that name abroad)
        host = r.state_actor(named, f"the country of {loc.name}, where the event is aimed")
    elif _at_rulers(ev):
        host = r.state_actor(loc.country, f"the government at {loc.name}, where a {ev.plover.type.lower()} is aimed")
    else:   # a town, district or region: the people who live there (PLOVER CVL)
        host = r.sub_actor(loc.country, r.kb.title_for("civilians"),
                           f"the people of {loc.name}, where the event is aimed")
    if host is None or id(host) in own:
        return
    ev.recipients = [host]
    ev.reason = (ev.reason or "") + f"; target {host.name}: the place of the act ({loc.name}), no party named"


def _own_organ(ev: Event, a: Actor, head) -> bool:
    """A state organ of the event's own state is no target when it is the actor's own
    ("X is willing to send its troops": a possessive pronoun), of the same sector (the
    actor told again), or the forces of a state acting as a whole ("France is ready to
    contribute troops"); another organ of that country named in its own right is one
    ("the Sudanese army accused the Sudanese government", "Kenyan police arrested a Kenyan MP")."""
    if a.kind != "state" or not a.country:
        return False
    same = [b for b in ev.actors if b.kind == "state" and b.country == a.country]
    if not same:
        return False
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)
    return owned or any(b.sector == a.sector or (b.sector == "GOV" and a.sector in STATE_FORCES) for b in same)


def run(state):
    r = resolver(state)
    table = rules()
    replaced: list[Actor] = []   # generic actors recoded per event
    watched: dict[int, str] = {}   # id of an event on a line of contact a mission watches -> the line's country
    text = state.doc.text   # built from the tokens on each access: read once
    for ev in state.result.events:
        _localise(ev, r)
        _host(ev, r)
        rule = table.get(ev.acled.sub_event_type or "")
        if rule is None or ev.status in NOT_TODAY:   # no generic actor for "if war starts", "the 2020 war"
            continue
        title, kind = rule
        iso, where = _country(ev, r)
        if ev.acled.sub_event_type == "Armed clash":
            _ethnic_sides(ev, r, list(state.result.actors))
        if kind == "unnamed" and ev.acled.disorder_type == "Political violence":
            _civilian_perpetrators(ev, r)
            _remote_targets(ev, state.doc)
        elif ev.acled.sub_event_type == DESTRUCTION:   # "an arson attack": violence too, by no civilians
            _civilian_perpetrators(ev, r)
        if kind == "crowd":
            _crowd_rule(ev, r, title, iso, where)
        elif not ev.actors and ev.acled.sub_event_type == "Armed clash" and len(ev.recipients) >= 2:
            # "a gun battle between militants and the army": both sides are named,
            # none is unidentified; the first named is actor1
            ev.actors, ev.recipients = ev.recipients[:1], ev.recipients[1:]
            ev.reason = (ev.reason or "") + f"; {ev.actors[0].name} and {ev.recipients[0].name} are the clash's sides"
        elif not ev.actors and (named := _sentence_actor(ev, state.result.actors, state.doc)) is not None:
            ev.actors = [named]
            ev.reason = (ev.reason or "") + f"; actor {named.name}: the armed actor its sentence names"
        elif not ev.actors and ev.acled.sub_event_type in FRONT_TYPES and (front := _front_line(ev, r, text, watched)):
            ev.actors = [front]
            ev.reason = (ev.reason or "") + f"; {front.name}: a side of a front line ({front.reason})"
        elif not ev.actors and ev.acled.sub_event_type == "Armed clash" and \
                (force := next((a for a in ev.recipients if a.kind == "state" and a.sector in STATE_FORCES), None)
                 or (_fighting(state.doc, ev) and next((a for a in ev.recipients if a.kind == "armed_group"), None))):
            # "gang members died exchanging fire with police", "fighting between Kipsigis and
            # Maasai communities" (one phrase, one side found): the named side of a clash is
            # its actor, the other side is unnamed
            ev.actors, ev.recipients = [force], [a for a in ev.recipients if a is not force]
            ev.reason = (ev.reason or "") + f"; {force.name}: the named side of a clash whose other side is unnamed"
        elif not ev.actors and ev.acled.sub_event_type == "Armed clash" and all(map(_unidentified, ev.recipients)) \
                and (side := _side_before(ev, state.result.actors, state.doc)) is not None:
            ev.actors = [side]
            ev.reason = (ev.reason or "") + f"; actor {side.name}: the armed actor the sentence before names"
        elif not ev.actors and not _object_only(r, ev):
            title = _planter(ev, state.result.actors, state.doc) or title
            generic = r.sub_actor(iso, title, f"{IMPLIED}{ev.acled.sub_event_type} (ACLED generic "
                                              f"'{title.acled}'), country from {where}")
            if generic is not None and generic not in ev.recipients:
                ev.actors = [generic]
                ev.reason = (ev.reason or "") + f"; generic actor {generic.name}"
        if kind == "unnamed" and ev.acled.disorder_type == "Political violence":
            _attributed(ev, state, text, replaced)
        if ev.actors and ev.acled.sub_event_type == "Armed clash" and all(map(_unidentified, ev.actors + ev.recipients)) \
                and (side := _named_side(ev, state.result.actors, state.doc)) is not None:
            # "gunmen traded fire as police arrived": the named side is the clash's
            # actor, as where the parse found no actor; the unidentified are the other side
            ev.actors, ev.recipients = [side], ev.actors + ev.recipients
            ev.reason = (ev.reason or "") + f"; {side.name}: the named side of a clash whose other side is unidentified"
        if ev.acled.disorder_type == "Political violence":
            _party_militia(ev, r, text, replaced)
        _identity(ev, r, text, replaced)
        _localise(ev, r)   # an actor the rules above gave it (its sentence's armed actor) acts at its place too
    _drop_unused(state, r, replaced)
    _external(state.result.events, r, watched)
    for ev in state.result.events:
        _obligation(ev, state)
        _target(ev, state, r)
    return state
