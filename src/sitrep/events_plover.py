"""PLOVER re-typing of event mentions: PLOVER codes the act, its intent and its ending (a
threat to attack is THREATEN, ending aid is SANCTION, lifting a blockade RETREAT, granting money
AID, evacuating civilians AID, admitting peacekeepers RETREAT); ACLED typing is unchanged.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from spacy.tokens import Token

from .events_args import SPEECH, Args, circumstantial, demanded_of, resolve_np, subject_of
from .events_demo import negated
from .events_incident import BACKGROUND_PREPS
from .events_lex import Hit, frames
from .events_mention import Mention, dedupe
from .events_typing import Context, Typing
from .knowledge import currency_words, knowledge
from .records import NOT_TODAY, Event


COOPERATIVE = {"AID", "RETREAT", "COOPERATE", "SUPPORT", "CONSULT", "CONCEDE", "AGREE"}
CONFLICTUAL = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}


def act_now(m: Mention) -> None:
    """A request, promise or threat is made when it is reported: "must help" is a REQUEST
    today, "will release the hostages" an AGREE. Only for events with no ACLED type, whose
    status nothing else reads."""
    t = m.typing
    if t.event_type or m.status not in ("future", "hypothetical") \
            or t.plover_type not in ("REQUEST", "AGREE", "THREATEN") or t.plover_type == frames()[m.frame].plover_type:
        return
    m.typing = replace(t, reason=t.reason + f"; the {t.plover_type.lower()} itself is made now ({m.status_reason})")
    m.status, m.status_reason = "asserted", None


MEDIATION = {"mediation", "mediate", "mediator"}   # a third party's act: the parties it mediates between are its recipients


def meeting_parties(m: Mention) -> None:
    """PLOVER manual (Compound and Reciprocal Actors): every party to a meeting, a call or a
    visit is on the actor side ("all of the entities are considered as the actor"); the party
    the act is directed at ("met Y", "talks with Y", "telephoned Y") stays the recipient as
    well, the visit/host direction CAMEO-derived codings keep. Not the parties of a mediation
    ("mediation between X and Y"), nor a meeting with several recipients ("talks with X, Y
    and Z"), which the events stage splits into one event per recipient."""
    if m.typing.plover_type != "CONSULT" or len(m.recipients) > 1 or m.tok.lemma_.lower() in MEDIATION:
        return
    m.actors = dedupe(m.actors + m.recipients)


END_VERBS = {"end", "halt", "stop", "suspend", "lift", "ease", "cease", "terminate", "abandon", "freeze", "cancel",
             "scrap", "relax", "shorten"}
OFF_VERBS = {"break", "call", "cut"}  # "broke off talks", "called off the visit", "cut off aid"
# eased curbs with material effect are RETREAT (CAMEO 085, 0872); other restrictions CONCEDE (081), and so is
# lifting a curfew: the PLOVER manual treats it as a verbal concession (a promise not to arrest)
MATERIAL_CURBS = {"blockade", "siege", "embargo", "boycott", "closure"}


def _ender(tok: Token, verbs: set = END_VERBS, off: set = OFF_VERBS, prt: tuple = ("off",)) -> Optional[Token]:
    """The verb that ends the event named by tok ("ended mediation efforts", "lifted the
    blockade", "talks were broken off"), if any and not negated."""
    if tok.dep_ == "compound":  # "ended mediation efforts"
        tok = tok.head
    if _clause_object(tok, verbs):   # the object the parser made a clause's subject: its verb is above the clause
        head = tok.head.head
    elif tok.dep_ in ("dobj", "nsubjpass"):
        head = tok.head
    else:
        return None
    lemma = head.lemma_.lower()
    if lemma in verbs or (lemma in off and any(c.dep_ == "prt" and c.lower_ in prt for c in head.children)):
        return None if negated(head) else head
    return None


def _clause_object(tok: Token, verbs: set) -> bool:
    """tok is the object of an ending verb that the parser made the subject of a clause under it
    ('shortened by two hours the night curfew declared after a coup ousted ...'): a verb that ends
    or stops a thing takes no clause, so the subject of one it governs is its object."""
    verb = tok.head.head
    return tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp" and verb.lemma_.lower() in verbs \
        and not any(c.dep_ == "dobj" for c in verb.children)


# PLOVER manual (ASSAULT crowd-control): "police pushed back protesters" is a restriction,
# COERCE; only force (weapons, tear gas, killings) on a crowd is ASSAULT
SUPPRESS_VERBS = {"prevent", "ban", "forbid", "bar", "disperse", "outlaw", "prohibit", "suppress", "block", "foil",
                  "thwart"}
FORCE_SUBS = {"Protest with intervention", "Excessive force against protesters"}  # tear gas etc.: force
SUPPRESS_UP = {"break", "put"}  # "broke up the rally", "put down the uprising" (organisers calling off a march


# is their own concession, not a restriction)


def _doers(verb: Token, m: Mention, state) -> list:
    """The actors the subject of ``verb`` names, less the mention's recipients."""
    return [a for s in subject_of(verb) for a in resolve_np(state, s) if a not in m.recipients]


def _stopped_by(m: Mention, stopper: Token, state) -> None:
    """A demonstration stopped ("police prevented the march staged by students") is the
    stopper's restriction: its subject joins the actor side as PLOVER's source, after the
    demonstrators, whom ACLED keeps as the demonstration's first actor."""
    m.actors = dedupe(m.actors + _doers(stopper, m, state))


def ended(live: list[Mention], state=None) -> list[Mention]:
    """PLOVER codes ending an exchange as SANCTION ("ended mediation", "suspended aid":
    CAMEO 16, reduce relations) and ending a restriction or sanction as RETREAT ("lifted
    the blockade", "eased sanctions": CAMEO 085/0872). The ending verb's own mention
    ("lifted" as a concession, "halt" as a sanction) is the same act and is absorbed.
    A demonstration stopped short of force is COERCE by whoever stopped it (``state``
    resolves them). ACLED typing is unchanged."""
    gone: set[int] = set()
    for m in live:
        ender = _ender(m.tok)
        t = m.typing
        stopper = _ender(m.tok, SUPPRESS_VERBS, SUPPRESS_UP, ("up", "down")) if t.plover_type == "PROTEST" else None
        if stopper is not None and t.plover_mode != "riot" and t.sub_event_type not in FORCE_SUBS:
            m.typing = replace(t, plover_type="COERCE", plover_mode="restrict", cameo="17",
                               reason=t.reason + f"; PLOVER COERCE: the demonstration was stopped ('{stopper.text}'), "
                                                 f"a restriction short of force")
            if state is not None:
                _stopped_by(m, stopper, state)
            ender = stopper
        elif ender is None or not t.plover_type:
            continue
        elif t.plover_type == "PROTEST" and t.plover_mode != "riot":   # "called off the strike": CAMEO 082
            m.typing = replace(t, plover_type="CONCEDE", plover_mode=None, cameo="08",
                               reason=t.reason + f"; PLOVER CONCEDE: '{ender.text}' ends a protest (eases dissent)")
        elif t.plover_type in COOPERATIVE - {"RETREAT", "CONCEDE"}:
            m.typing = replace(t, plover_type="SANCTION", plover_mode="discontinue", cameo="16",
                               reason=t.reason + f"; PLOVER SANCTION: '{ender.text}' ends a {t.plover_type.lower()}")
        elif t.plover_type == "SANCTION" or (t.plover_type == "COERCE" and m.tok.lemma_.lower() in MATERIAL_CURBS):
            m.typing = replace(t, plover_type="RETREAT", plover_mode=None, cameo="08",
                               reason=t.reason + f"; PLOVER RETREAT: '{ender.text}' eases a {m.tok.lemma_.lower()}")
        elif t.plover_type == "COERCE" and m.frame == "restrict":   # a state of emergency, a ban (CAMEO 081)
            m.typing = replace(t, plover_type="CONCEDE", plover_mode=None, cameo="08",
                               reason=t.reason + f"; PLOVER CONCEDE: '{ender.text}' eases an administrative "
                                                 f"restriction")
        else:
            continue
        for k in live:
            if k is not m and k.tok.i == ender.i and not k.typing.event_type:
                m.absorbed.append(k)   # the event is now the ending, with its status ("may halt")
                m.status, m.status_reason = k.status, k.status_reason
                gone.add(id(k))
        if state is not None and not m.actors:   # "X shortened the curfew": X eases it
            m.actors = dedupe(_doers(ender, m, state))
    return [m for m in live if id(m) not in gone]


GOODS = {"loan", "credit", "fund", "funding", "money", "million", "billion", "grant", "aid", "assistance", "food",
         "equipment", "weapon", "arms"}  # what may be given in an AID event, besides a currency (currencies.tsv)


RELIEF_GOODS = {"food", "medicine", "medication", "drug", "vaccine", "supplies", "supply", "tent", "blanket", "grain",
                "flour", "rice", "water", "aid", "relief", "assistance"}   # handed over: humanitarian aid, not weapons


def _relief_handed(h: Mention) -> bool:
    """'handed over 700 kg of medicine to X', 'delivered food to X': relief goods handed over
    (the object, or what a quantity of it is), not a place, prisoners or weapons."""
    if h.tok.lemma_.lower() not in ("hand", "deliver", "donate") or h.typing.plover_type in ("AID", None):
        return False
    objs = [c for c in h.tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
             if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in RELIEF_GOODS or o.lower_ in RELIEF_GOODS for o in objs)


def given(live: list[Mention]) -> list[Mention]:
    """'Grant' is a concession when what is granted is an amnesty, a pardon or a demand,
    and AID (CAMEO 07, provide aid) when it is money, goods or an aid event ("granted five
    million dollars in aid", "granted a loan"); the aid event then is the act. Relief goods
    handed over or delivered are AID too ("handed over 700 kg of medicine")."""
    gone: set[int] = set()
    for h in live:
        if _relief_handed(h):
            h.typing = replace(h.typing, plover_type="AID", plover_mode=None, cameo="07",
                               reason=h.typing.reason + "; relief goods handed over: PLOVER AID")
            continue
        if h.frame != "concede" or h.tok.lemma_.lower() not in ("grant", "give", "offer"):
            continue
        objs = [c for c in h.tok.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
        aid = next((m for m in live if m.typing.plover_type == "AID" and _content_of(m, h)), None)
        if aid is not None:
            aid.absorbed.append(h)
            gone.add(id(h))
            aid.actors = aid.actors or h.actors
            aid.recipients = aid.recipients or h.recipients
            aid.typing = replace(aid.typing, confidence=max(aid.typing.confidence, h.typing.confidence),
                                 reason=aid.typing.reason + f"; granted ('{h.tok.text}')")
        elif any(o.lemma_.lower() in GOODS or o.lemma_.lower() in currency_words() for o in objs):
            h.typing = replace(h.typing, plover_type="AID", plover_mode=None, cameo="07",
                               reason=h.typing.reason + "; money or goods granted: PLOVER AID")
    return [m for m in live if id(m) not in gone]


PEOPLE_MOVED = {"wounded", "injured", "sick", "civilian", "refugee", "resident", "people", "child", "children",
                "family", "citizen", "national", "villager", "survivor", "patient", "foreigner"}


def evacuated(m: Mention) -> None:
    """Evacuating people (the wounded, civilians, foreign nationals) is humanitarian help:
    PLOVER AID, like a rescue (PLOVER manual); troops evacuating a place stay RETREAT."""
    if m.tok.lemma_.lower() not in ("evacuate", "evacuation") or m.typing.plover_type != "RETREAT":
        return
    objs = [c for c in m.tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for c in m.tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if any(o.lemma_.lower() in PEOPLE_MOVED or o.lower_ in PEOPLE_MOVED for o in objs):
        m.typing = replace(m.typing, plover_type="AID", plover_mode=None, cameo="07",
                           reason=m.typing.reason + "; people evacuated: PLOVER AID (humanitarian)")


MONITORS = {"peacekeeper", "peacekeeping", "observer", "monitor", "inspector", "blue helmet"}


def admitted(m: Mention) -> None:
    """Peacekeepers, observers or inspectors arriving or hosted are the host allowing
    international involvement: PLOVER RETREAT, access (CAMEO 0861-0862), not a visit."""
    if m.frame not in ("visit", "consult") or m.typing.plover_type != "CONSULT":
        return
    near = [c for c in m.tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    words = {t.lemma_.lower() for c in near for t in c.subtree} | {t.lower_ for c in near for t in c.subtree}
    if words & MONITORS:
        m.typing = replace(m.typing, plover_type="RETREAT", plover_mode="access", cameo="08",
                           reason=m.typing.reason + "; peacekeepers or observers admitted: PLOVER RETREAT (access)")


INVOLVEMENT = MONITORS | {"aid", "humanitarian", "relief", "ambassador", "envoy", "diplomat", "embassy", "mission"}
WITHDRAWALS = {"withdraw", "withdrawal", "recall", "pull", "ship"}   # "ship out": event_triggers.tsv


def withdrawn(m: Mention) -> None:
    """Withdrawing peacekeepers, inspectors, observers, aid workers or envoys ends an
    international involvement: PLOVER SANCTION (CAMEO 1661-1663 'expel or withdraw
    peacekeepers, inspectors, aid agencies'; promised, CAMEO 136 'threaten to halt
    international involvement', which plover_modality makes THREATEN), not a military retreat."""
    if m.typing.plover_type != "RETREAT" or m.tok.lemma_.lower() not in WITHDRAWALS:
        return
    objs = [c for c in m.tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for c in m.tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    words = {t.lemma_.lower() for o in objs for t in o.subtree} | {t.lower_ for o in objs for t in o.subtree}
    if words & INVOLVEMENT:
        m.typing = replace(m.typing, plover_type="SANCTION", plover_mode="expel", cameo="16",
                           reason=m.typing.reason + "; peacekeepers, inspectors, aid workers or envoys withdrawn: "
                                                    "PLOVER SANCTION (an international involvement ended)")


DEMANDS = {"demand", "request", "call", "condition", "ultimatum", "plea", "appeal"}
YIELD_VERBS = {"accept", "meet", "heed", "satisfy", "fulfil", "fulfill"}


def yielded(m: Mention) -> None:
    """Accepting or meeting another's demands is yielding to them: PLOVER CONCEDE (CAMEO 08,
    accede to demands), not an agreement; refused ("would not meet the demands"), it stays a
    REJECT through plover_modality."""
    if m.typing.plover_type not in ("AGREE", "COOPERATE") or m.tok.lemma_.lower() not in YIELD_VERBS:
        return
    if any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in DEMANDS for c in m.tok.children):
        m.typing = replace(m.typing, plover_type="CONCEDE", plover_mode=None, cameo="08",
                           reason=m.typing.reason + "; demands accepted: PLOVER CONCEDE (yields to them)")


HOSTING = {"receive", "welcome"}
VISITORS = {"delegation", "mission", "visitor", "guest", "envoy", "team", "counterpart"}


def _visitor(tok: Token) -> bool:
    """What is received or welcomed (the verb's object, or 'a welcome to X') is a person or
    a party of people: a name, a title ('the foreign minister'), a delegation or an envoy;
    not a thing ('received aid', 'received a letter', 'welcomed the decision')."""
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    light = [tok.head] if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else []   # 'gave a warm welcome to X'
    objs += [g for c in [*tok.children, *(c for v in light for c in v.children)]
             if c.dep_ in ("prep", "dative") and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    kb = knowledge()
    return any(o.ent_type_ in ("PERSON", "NORP") or o.lemma_.lower() in VISITORS or kb.title_for(o.lemma_)
               or kb.title_for(o.lower_) for o in objs)


def _met_alone(m: Mention, live: list[Mention]) -> bool:
    """'The cabinet met on Sunday and approved a plan': a body that meets with no other party
    named (no object, no 'with') and goes on to act holds no consultation (PLOVER CONSULT is
    between actors); the act its meeting leads to, a verb coordinated with 'met' that is an
    event of its own, is what the sentence reports."""
    tok = m.tok
    if tok.lemma_.lower() != "meet" or tok.pos_ != "VERB" or m.recipients or len(m.actors) > 1:
        return False
    if any(c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("with", "between", "among"))
           for c in tok.children):
        return False
    acts = {c.i for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"}
    acts |= {g.i for c in tok.children if c.i in acts for g in c.children if g.dep_ == "xcomp"}   # 'decided to approve'
    return any(k is not m and k.tok.i in acts for k in live)


def lone_meetings(live: list[Mention]) -> list[Mention]:
    """The mentions less the meetings of a body alone before it acts (``_met_alone``)."""
    return [m for m in live if not _met_alone(m, live)]


def hosted(live: list[Mention]) -> list[Mention]:
    """Receiving or welcoming a visitor is hosting a visit: PLOVER CONSULT, visit (CAMEO 043,
    host a visit); observers or peacekeepers received are admitted (admitted: RETREAT access).
    'Receive' with no party as its object (aid, a letter, injuries) is no event of its own;
    'welcome' said of a thing stays approval (SUPPORT)."""
    gone: set[int] = set()
    for m in live:
        if m.tok.lemma_.lower() not in HOSTING or m.frame not in ("visit", "support"):
            continue
        if _visitor(m.tok):
            m.frame = "visit"
            m.typing = replace(m.typing, plover_type="CONSULT", plover_mode="visit", cameo="04",
                               reason=m.typing.reason + f"; a visitor '{m.tok.text}': PLOVER CONSULT (hosts a visit)")
        elif m.frame == "visit":
            gone.add(id(m))
    return [m for m in live if id(m) not in gone]


def retyped(m: Mention) -> None:
    """The PLOVER recodings of one mention by what its act is done to or with, before its
    modality is read (plover_modality)."""
    for rule in (admitted, evacuated, withdrawn, yielded):
        rule(m)


def _infinitive(tok: Token) -> bool:
    """'to fight' under a verb (the parser makes it xcomp, or advcl after 'sworn')."""
    return tok.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def intent_content(live: list[Mention]) -> None:
    """A promise or vow is AGREE only for cooperation: "vowed to fight on" is a THREATEN
    (PLOVER: AGREE is willingness to cooperate; THREATEN intent to use force or coerce).
    Only the verb the vow governs directly ("vowed to attack") is its content."""
    for h in live:
        if h.frame != "intent" or h.typing.plover_type != "AGREE":
            continue
        inner = [m for k in live if k is not h for m in [k] + k.absorbed
                 if m.tok.head.i == h.tok.i and m.typing is not None and _infinitive(m.tok)
                 and (m.typing.plover_type in CONFLICTUAL or m.typing.plover_type == "THREATEN")]
        if inner:
            h.typing = replace(h.typing, plover_type="THREATEN", plover_mode=None, cameo="13",
                               reason=h.typing.reason + f"; PLOVER THREATEN: a vow to {inner[0].tok.text}")


ORDER_VERBS = {"order", "force", "compel", "instruct", "oblige"}


def orders(live: list[Mention], state) -> None:
    """'X ordered Y to suspend publication': PLOVER codes the order, X's act upon Y (CAMEO
    coerce), where the parse makes Y the doer of what is ordered. Only acts with no ACLED type
    (a suspension, a closure): in 'X ordered troops to attack', the troops attack. An act
    named as what is ordered ('X ordered patrols by police') is X's too (``_ordered_by``)."""
    for m in live:
        tok, t = m.tok, m.typing
        if tok.dep_ == "dobj" and t.plover_type and tok.head.lemma_.lower() in ORDERING and not negated(tok.head):
            _ordered_by(m, state)
            continue
        if t.event_type or not t.plover_type or tok.dep_ != "xcomp" or tok.head.lemma_.lower() not in ORDER_VERBS:
            continue
        giver, told, ordered = _order_parties(tok.head, state)
        if not told or not set(told) & set(m.args.actor_heads) or not giver or not ordered:
            continue
        m.actors, m.recipients = giver, ordered
        m.typing = replace(t, reason=t.reason + f"; ordered by {', '.join(a.name for a in giver)} "
                           f"('{tok.head.text}'): the order is its act upon {', '.join(a.name for a in ordered)}")


ORDERING = {"order", "command"}   # verbs whose object is an act the subject sets going


def _ordered_by(m: Mention, state) -> None:
    """'The provincial government ordered patrols by police': an act ordered is initiated by
    whoever orders it (PLOVER manual: the actor is the entity that initiated the event; a
    court that orders a payment is its actor). The one who orders joins the actor side after
    the doers the sentence names, who stay first (ACLED's actor1); with no doers named, the
    implied-actors stage names them ('ordered patrols along the border': the forces patrol)."""
    giver = [a for a in _doers(m.tok.head, m, state) if a not in m.actors]
    if giver and m.actors:
        m.actors = dedupe(m.actors + giver)
        m.typing = replace(m.typing, reason=m.typing.reason + f"; ordered by {', '.join(a.name for a in giver)} "
                                                              f"('{m.tok.head.text}'), who set it going")


def _order_parties(verb: Token, state) -> tuple[list, list[Token], list]:
    """(giver, object heads, ordered) of an order verb: who gives it (the verb's subject)
    and to whom (its object); no parties when the two sides share an actor."""
    told = [c for c in verb.children if c.dep_ == "dobj"]
    giver = dedupe([a for h in subject_of(verb) for a in resolve_np(state, h)])
    ordered = dedupe([a for h in told for a in resolve_np(state, h)])
    if set(map(id, giver)) & set(map(id, ordered)):
        return [], told, []
    return giver, told, ordered


def _answerable(a) -> bool:
    """A party a demand can be put to: a state, an IGO, or an organisation or person in a known
    role (not a crowd or people, not a name the actors stage could place nowhere)."""
    return a.kind in ("state", "igo", "person", "organization") and a.sector is not None \
        and (a.country is not None or a.kind == "igo")


def protest_aims(live: list[Mention]) -> None:
    """PLOVER PROTEST: demonstrations "carried out as protests against the recipient". A
    protest the parse gave no recipient is against whom the demand it is held for is made
    ("began a hunger strike to demand the removal of President X", "a
    demonstration calling for the removal of X"): the recipients of the REQUEST whose
    trigger the protest word, or the verb that governs it, takes as a clause; only parties in
    a known role (``_answerable``): the requests' other recipients are often the
    protesters' own wants ('the payment of their salaries', 'amid the lockdown')."""
    for m in live:
        if m.typing.plover_type != "PROTEST" or m.recipients:
            continue
        anchors = {t.i for t in [m.tok] + [a.tok for a in m.absorbed]}
        if m.tok.pos_ in ("NOUN", "PROPN") and m.tok.dep_ in ("dobj", "nsubj", "nsubjpass"):
            anchors.add(m.tok.head.i)   # "began a hunger strike to demand ..."
        for r in live:
            aim = [a for a in r.recipients if a not in m.actors and _answerable(a)]
            if r is m or r.typing.plover_type != "REQUEST" or not aim or r.tok.head.i not in anchors \
                    or r.tok.dep_ not in ("acl", "relcl", "advcl", "xcomp") or r.tok.sent.start != m.tok.sent.start:
                continue
            m.recipients = aim
            m.typing = replace(m.typing, reason=m.typing.reason + f"; target {', '.join(a.name for a in aim)}: "
                               f"whom the protest's demand ('{r.tok.text}') is made of")
            break


def _readying(m: Mention) -> Optional[Token]:
    """The verb 'prepare' under which forces get ready for an attack ("the army prepared to
    resume shelling", "is preparing an offensive"); 'is prepared to' (an adjective, willing)
    is not it."""
    tok = m.tok
    for _ in range(2):    # "prepared to resume shelling", "prepared to launch an offensive"
        if tok.dep_ in ("dobj", "xcomp") and tok.head.dep_ == "xcomp" and tok.head.lemma_.lower() != "prepare":
            tok = tok.head
    head = tok.head
    if head.lemma_.lower() == "prepare" and head.pos_ == "VERB" and (_infinitive(tok) or tok.dep_ == "dobj"):
        return head
    return None


def plover_modality(m: Mention) -> Typing:
    """PLOVER codes intent as a type: a future cooperative act is AGREE, a future or
    conditional conflictual one THREATEN, a refused or failed cooperative one REJECT.
    Forces getting ready to attack are MOBILIZE (increase readiness; PLOVER manual)."""
    t, why = m.typing, m.status_reason or ""
    ready = _readying(m) if t.plover_type == "ASSAULT" else None
    if ready is not None:
        return replace(t, plover_type="MOBILIZE", plover_mode=None, cameo="15",
                       reason=t.reason + f"; PLOVER MOBILIZE: forces readied ('{ready.text}')")
    if why in ("modal 'must'", "modal 'should'") and t.plover_type and t.plover_type != "REQUEST":
        return replace(t, plover_type="REQUEST", plover_mode=None, cameo="10",
                       reason=t.reason + f"; PLOVER REQUEST: '{why[7:-1]}' on another's {t.plover_type.lower()}")
    # "said it would tighten the blockade": in reported speech 'would' is the speaker's intent
    intent = m.status == "future" or (m.status == "hypothetical" and why.startswith("modal"))
    if intent and t.plover_type in COOPERATIVE and t.plover_type != "AGREE":
        return replace(t, plover_type="AGREE", plover_mode=None, cameo="03",
                       reason=t.reason + f"; PLOVER AGREE: intent to {t.plover_type.lower()}")
    if intent and t.plover_type in CONFLICTUAL:
        return replace(t, plover_type="THREATEN", plover_mode=None, cameo="13",
                       reason=t.reason + f"; PLOVER THREATEN: intent to {t.plover_type.lower()}")
    if m.status == "denied" and t.plover_type in COOPERATIVE:
        return replace(t, plover_type="REJECT", plover_mode=None, cameo="12",
                       reason=t.reason + f"; PLOVER REJECT: refused {t.plover_type.lower()}")
    return t


def contexts(m: Mention) -> list[str]:
    """PLOVER contexts: the frame's (CAMEO2PLOVER) plus what the cues say the event is about."""
    out = [c for c in [frames()[m.frame].context] if c]
    cues = m.ctx.scope | m.ctx.sentence
    for cue, context in (("natural", "environment"), ("crime", "crime"), ("chemical", "cbrn")):
        if cue in cues and context not in out:
            out.append(context)
    return out


ACT_MARGIN = 0.05  # above what later stages add to an event for its named actors
CONTENT_SKIP = {"nsubj", "nsubjpass", "csubj", "csubjpass", "advcl", "punct", "appos", "mark"}


def _content_of(m: Mention, h: Mention) -> bool:
    """m is what h says, asks for, threatens, rejects or discusses: m's trigger lies below
    h's in the parse, reached through an object, complement or argument of h, not through
    its subject, an adverbial clause or a background phrase ("after two days of fighting")."""
    tok = m.tok
    if tok.i == h.tok.i or tok.sent.start != h.tok.sent.start:
        return False
    while tok.head.i != tok.i and tok.head.i != h.tok.i:
        tok = tok.head
    if tok.head.i != h.tok.i or tok.i == h.tok.i:
        return False
    return (tok.dep_ not in CONTENT_SKIP or _infinitive(tok)) and not (tok.dep_ == "prep" and tok.lower_ in BACKGROUND_PREPS)


def _judged(m: Mention, h: Mention) -> bool:
    """m is the subject of h's predicate ('removing the sanctions is out of the question'): what
    a verdict on a thing refuses, as an object is what a verb refuses."""
    cop = h.tok.head
    if h.tok.pos_ != "ADP" or h.tok.dep_ != "prep" or cop.lemma_.lower() != "be" \
            or m.tok.sent.start != cop.sent.start:
        return False
    return any(s.dep_ in ("csubj", "nsubj") and s.head.i == cop.i for s in [m.tok, *m.tok.ancestors])


def _circumstance_of(m: Mention, h: Mention) -> bool:
    """m is told in a clause of time or cause on the clause of h's act ("X said it would
    close the border while fighting went on in the north"): the setting of the act, which
    PLOVER codes as the sentence's event, not an act of its own that outranks it."""
    verb = h.tok if h.tok.pos_ in ("VERB", "AUX") else h.tok.head
    tok = m.tok
    if tok.sent.start != h.tok.sent.start or tok.i == h.tok.i:
        return False
    while tok.head.i != tok.i:
        if tok.head.i == verb.i:
            return circumstantial(tok)
        tok = tok.head
    return False


def speech_acts_first(pairs: list[tuple[Mention, Event]]) -> None:
    """PLOVER codes the act, not its content: "threatened to launch an offensive" is
    THREATEN, "dismissed an appeal" REJECT, "indicted for atrocities in the war" ACCUSE.
    A verbal or diplomatic event (a PLOVER type with no ACLED type) ranks at least level
    a little above the events it governs (at 0.95, the earlier trigger, the act, wins). So
    does an act over the events told in a clause of time or cause on its clause, its setting
    ("would close the border while fighting went on": the threat, not the fighting;
    ``_circumstance_of``), also an ACLED-typed act that did not happen on the reported day (a
    threat, a promise), which ACLED never ranks over the day's events. ACLED typing and
    ranking among ACLED-typed events are unchanged."""
    for h, he in pairs:
        if not he.plover.type or (he.acled.event_type and he.status not in NOT_TODAY):
            continue
        others = [(m, e) for m, e in pairs if e is not he and e.plover.type]
        judged = [e for m, e in others if _judged(m, h)]
        content = [e for m, e in others if _content_of(m, h)] + judged if not he.acled.event_type else []
        setting = [e for m, e in others if _circumstance_of(m, h)]
        inner = [e.confidence for e in content + setting]
        if inner and max(inner) + ACT_MARGIN > he.confidence:
            he.confidence = round(min(max(inner) + ACT_MARGIN, 0.95), 2)
            he.reason += "; the act that governs another event in its sentence (PLOVER codes the act)" if content \
                else "; the act its sentence reports, over the events of its setting (PLOVER codes the act)"
        if content and not he.recipients and (not he.actors or judged):   # (with actors, the implied-actors
            _content_target(he, content)   # stage searches the clauses below for a target, not a verdict's subject)


def _content_target(he: Event, content: list[Event]) -> None:
    """A speech act or intent the parse gave no actor and no recipient is aimed where what it
    governs is: "willing to forgive X" (AGREE) and "threatened to attack X" at X, the content's recipient;
    a REJECT of another's act ("violated a ban by X", "rejected a plan by X") at X, the
    content's actor (PLOVER: the recipient is whose demand or order is refused). A REJECT of
    an act no one is named to do (one's own, refused in a verdict: 'lifting the sanctions on X
    is out of the question') is aimed at that act's recipient, X."""
    for e in content:
        refused = he.plover.type == "REJECT" and e.actors
        aim = e.actors if refused else e.recipients
        if aim:
            he.recipients = list(aim)
            he.reason += f"; target {', '.join(a.name for a in aim)}: " + \
                (f"whose {e.trigger.text} it refuses" if refused
                 else f"at whom what it governs ('{e.trigger.text}') is aimed")
            return


OBLIGATION_CONFIDENCE = 0.5   # below any triggered event: a bare obligation only leads a sentence with no event word


def _clause_chain(tok: Token):
    """tok and its heads up to the top of its clause, past complements but not out of an
    adverbial or relative clause ('... must hand over X as he embarked on a trip to seek
    support': 'support' is not what must be done)."""
    yield tok
    while tok.head.i != tok.i and tok.dep_ not in ("advcl", "relcl"):
        tok = tok.head
        yield tok


def obligations(live: list[Mention], state) -> list[Mention]:
    """PLOVER REQUEST (CAMEO 10, demand) told with no request word: an obligation in reported
    speech whose clause has no event word of its own ("X said that Y must drop its
    barriers" is X's demand of Y; the clause's verb is the trigger), or an order whose
    content is no event (``commands``). Returns ``live`` with these added."""
    doc = state.doc
    toks = [t for m in live for t in [m.tok] + [a.tok for a in m.absorbed]]
    taken = {a.i for t in toks for a in _clause_chain(t)}   # triggers and the clause verbs above them
    out = list(live)
    for v in doc:
        if v.dep_ != "ccomp" or v.pos_ not in ("VERB", "AUX") or v.head.lemma_.lower() not in SPEECH \
                or v.i in taken or v.head.i in {t.i for t in toks}:   # an event word below, or a speech act coded
            continue
        found = demanded_of(v)
        speaker = resolve_np(state, found[0]) if found else []
        obliged = [a for h in found[1] for a in resolve_np(state, h)] if found else []
        if not speaker or not obliged or any(a in obliged for a in speaker):
            continue
        out.append(_request(v, Args([found[0]], list(found[1])), speaker, obliged,
                            f"PLOVER REQUEST: '{v.text}' is what {found[0].text} says "
                            f"{' and '.join(h.text for h in found[1])} must do (an obligation in reported speech)"))
    return out + commands(live, state)


def _request(v: Token, args: Args, speaker: list, obliged: list, reason: str) -> Mention:
    """A REQUEST mention triggered by the verb ``v`` that no event word carries."""
    m = Mention(Hit(v.i, v.i + 1, "request"), v, "request", args, speaker, obliged,
                Context(set(), set(), set(), set()), frozenset())
    m.typing = Typing(None, None, "REQUEST", None, "10", OBLIGATION_CONFIDENCE, reason)
    return m


COMMAND_VERBS = {"order", "instruct", "direct", "command"}
PAYMENTS = {"pay", "compensate", "refund"}   # an ordered payment is a SANCTION (PLOVER manual), not a request


def commands(live: list[Mention], state) -> list[Mention]:
    """PLOVER REQUEST covers "all requests, demands, and orders" (PLOVER manual): 'X ordered Y
    to appear in court' is X's demand of Y, where what is ordered is no event of its own
    (an ordered act that is one, 'ordered the paper to suspend publication', is that act,
    ``orders``). Not a negated order, nor one to do with force ('forced Y to flee' is coercion),
    nor an order to pay, which the manual codes as a sanction ('ordered X to pay compensation')."""
    told = {t.i for m in live for t in [m.tok] + [a.tok for a in m.absorbed]}
    out = []
    for v in state.doc:
        if v.lemma_.lower() not in COMMAND_VERBS or v.pos_ != "VERB" or v.i in told or negated(v):
            continue
        acts = [c for c in v.children if _infinitive(c) and c.dep_ == "xcomp" and c.i not in told
                and c.lemma_.lower() not in PAYMENTS]
        giver, heads, ordered = _order_parties(v, state)
        if not acts or not giver or not ordered:
            continue
        out.append(_request(v, Args(subject_of(v)[:1], heads), giver, ordered,
                            f"PLOVER REQUEST: {', '.join(a.name for a in giver)} '{v.text}' "
                            f"{', '.join(a.name for a in ordered)} to {acts[0].text} (an order)"))
    return out
