"""Stage: events. Every event a document reports, typed in ACLED, PLOVER and CAMEO.

    triggers (data/event_triggers.tsv) -> mentions with arguments (events_mention, events_args)
      -> victims another sentence ties to organised crime count as armed (events_incident)
      -> absorb outcomes into their causes ("killed in clashes"), light verbs into their
         nouns ("signed a pact"), arrests and shootings into the protest they end
      -> type each mention (events_typing) -> upgrade protests from what happens to them
         (events_demo)
      -> one event per incident, as ACLED codes it (events_incident, events_demo): explosions
         within a battle join the battle; a demonstration's protest, rioting, clashes and the force used on its crowd
         become one demonstration typed by the codebook's hierarchy (violent demonstration >
         excessive force > intervention > peaceful); what a protest is about is background;
         people displaced by fighting that hurt no one: the displacement is the event
      -> PLOVER codes the act, its intent and its ending (events_plover)
      -> merge coreferent mentions ("clashes" ... "the fighting")
      -> a category label the report opens with ("Movement of forces:") types its lead event
      -> Event records

Confidence ranks the events of a document (``evaluate.base.main_event`` takes the highest):
the typing's confidence, plus resolved actors/recipients, plus the lead of the report
(the first sentence's main verb); denied events and events named only as the setting of
another ("after two days of fighting") rank lower.

Writes ``result.events`` (status asserted/future/hypothetical/denied; the dates stage
marks background as historical and the claims stage marks claimed/denied).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from spacy.tokens import Doc, Token

from ..events_args import Args
from ..events_demo import (
    crowd_demand, demands_next, demonstration, dispersal_last, gathered_over, no_dispersal, protest_window)
from ..events_incident import (
    BACKGROUND_PREPS, OUTCOME_VERBS, SANCTION_WORDS, abduction_ended, absorb, accident_retold, aimless, arrest_harmed,
    arrests_follow, at_dwellings, attempted_capture, attributed, battle_first, battle_prominence, battle_setting,
    clash_modifier, crime_targets, displacement_first, dropped_noun, ethnic_doers, ethnic_victims, followed,
    found_noun, fought_over, merge, none_told, place_freed, raids_arresting, resisted, sanction_act, sanction_reason,
    sexual_first, territory_first, with_absorbed)
from ..events_lex import DISORDER, Hit
from ..events_mention import Mention, mentions
from ..events_plover import (
    act_now, contexts, ended, given, hosted, intent_content, lone_meetings, meeting_parties, obligations, orders,
    plover_modality, protest_aims, retyped, speech_acts_first)
from ..events_typing import Context, labelled, labels, type_mention
from ..knowledge import knowledge
from ..records import AcledType, Actor, Event, PloverType, Span


SPLIT_TYPES = {"CONSULT"}
PROMINENCE = 0.15
REPORTING = {"say", "report", "announce", "tell", "confirm", "claim", "state", "add", "disclose", "reveal"}


def _swallowed(verb: Token) -> bool:
    """The parser took the clause a relative clause reports for the sentence's own verb
    ("mothers who say their sons have been taken held a vigil": 'sons' made the object of
    'say', 'taken' the root with 'mothers' its subject). In English a
    reporting verb's noun object right before a finite verb is that verb's subject: the verb
    belongs to the relative clause."""
    first = min([c.i for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg")] + [verb.i])
    for subj in verb.lefts:
        if subj.dep_ not in ("nsubj", "nsubjpass"):
            continue
        for rel in subj.children:
            if rel.dep_ == "relcl" and rel.lemma_.lower() in REPORTING and any(
                    c.dep_ == "dobj" and c.right_edge.i + 1 == first for c in rel.rights):
                return True
    return False


def _main_verb(gov: Token) -> bool:
    """The sentence's main verb: its root, or, when the root is a reported clause the parser
    swallowed (_swallowed), the verb conjoined to it ('... have been taken held a vigil')."""
    if gov.dep_ == "ROOT":
        return True
    return gov.dep_ == "conj" and gov.head.dep_ == "ROOT" and _swallowed(gov.head)


def _described(tok: Token) -> bool:
    """The event is told in a relative clause that describes a participant of the sentence's
    main event ("families who claim their children were kidnapped continued their sit-in",
    "relatives of a man who was shot protested"): background, not what is reported. This
    holds too where the parser swallowed the relative clause's reported clause (_swallowed)."""
    if _swallowed(tok):
        return True
    for a in [tok, *tok.ancestors]:
        if a.dep_ == "relcl" and a.head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return True
    return False


def _phrase_head(tok: Token) -> Token:
    """A trigger that describes a noun ('their sit-in protest', parsed as its adjectival or
    nominal modifier) stands in the sentence where that noun stands: the noun phrase, not
    its modifier, is the verb's object. The first noun of a compound names another thing
    ('missile batteries', 'an assassination attempt') and keeps its own place."""
    while tok.dep_ in ("amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _prominence(tok: Token) -> float:
    """A report leads with its event: the main verb of the first sentence (or a noun it
    governs directly; past a reporting verb, the reported clause's verb) ranks a little
    above events in subordinate clauses; an event named only as the time or setting of
    another ("after two days of fighting", "during the war", "the raid follows weeks of clashes")
    a little below."""
    for a in tok.ancestors:
        if a.dep_ == "prep" and a.lower_ in BACKGROUND_PREPS:
            # "killed after clashes": the clashes are what killed them, not background
            return 0.0 if a.head.lemma_.lower() in OUTCOME_VERBS else -PROMINENCE
        if a.pos_ in ("VERB", "AUX"):
            break
    if _described(tok) or followed(tok):
        return -PROMINENCE
    if tok.sent.start != 0:
        return 0.0
    tok = _phrase_head(tok)
    gov = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if not (gov is tok or tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")):
        return 0.0
    if _main_verb(gov) and gov.lemma_.lower() not in REPORTING:
        return PROMINENCE
    if gov.dep_ == "ccomp" and gov.head.dep_ == "ROOT" and gov.head.lemma_.lower() in REPORTING:
        return PROMINENCE
    return 0.0


def _rank(m: Mention, recipients: list[Actor]) -> float:
    """An event's confidence, which ranks the events of a document: its typing's, plus
    resolved actors and recipients, plus the lead of the report."""
    t = m.typing
    conf = t.confidence + (0.1 if m.actors else 0) + (0.05 if recipients else 0)
    if m.status == "denied" and t.plover_type != "REJECT":  # "police did not engage the protesters"
        conf = min(conf, 0.4)  # (a refusal PLOVER codes as REJECT is what happened)
    return conf + _prominence(m.tok)


def _label(doc: Doc) -> Optional[tuple[str, int]]:
    """The category label a report opens with ('Movement of forces:', 'Property
    destruction:') and the token index of its colon, if the text has one
    (data/event_labels.tsv)."""
    colon = next((t for t in doc[:8] if t.text == ":"), None)
    if colon is None or colon.i == 0:
        return None
    label = " ".join(doc[:colon.i].text.lower().split())
    return (label, colon.i) if label in labels() else None


def _labelled(live: list[Mention], state) -> list[Mention]:
    """ACLED's notes open a strategic development with its category ('Movement of forces:
    a military column entered ...', 'Defusal: ...'): the label types the report's lead
    event (the asserted mention ranked first), which keeps its actors; when the triggers
    found nothing asserted, the label itself is the event."""
    found = _label(state.doc)
    if found is None:
        return live
    label, colon = found
    asserted = [m for m in live if m.status == "asserted"]
    if asserted:
        lead = max(asserted, key=lambda m: (_rank(m, m.recipients), -m.tok.i))
        lead.typing = labelled(label, lead.typing)
        return live
    doc = state.doc
    hit = Hit(0, colon, labels()[label])
    m = Mention(hit, hit.head(doc), hit.value, Args(), [], [], Context(set(), set(), set(), set()), frozenset())
    m.typing = labelled(label)
    return [m] + live


def _event(n: int, m: Mention, recipients: list[Actor]) -> Event:
    t, tok = m.typing, m.tok
    h = m.hit
    span = tok.doc[h.start:h.end]
    sent = tok.sent
    merged = len([a for a in m.absorbed if a.host is None])
    reason = t.reason + (f"; status {m.status}: {m.status_reason}" if m.status_reason else "")
    if merged:
        reason += f"; merged {merged} coreferent mention(s)"
    conf = _rank(m, recipients)
    return Event(
        id=f"e{n}", trigger=Span(span.text, span.start_char, span.end_char),
        sentence=Span(sent.text, sent.start_char, sent.end_char),
        acled=AcledType(disorder_type=DISORDER.get(t.event_type) if t.event_type else None,
                        event_type=t.event_type, sub_event_type=t.sub_event_type),
        plover=PloverType(type=t.plover_type, mode=t.plover_mode, context=contexts(m)),
        cameo=t.cameo, actors=list(m.actors), recipients=list(recipients), status=m.status,
        confidence=round(min(conf, 0.95), 2), reason=reason)


def run(state):
    doc = state.doc
    ms = [m for m in mentions(state) if not no_dispersal(m) and not clash_modifier(m)]
    demands = {id(m) for m in ms if crowd_demand(m)}
    kb = knowledge(state.settings.user_actors)
    for m in ms:
        if ethnic_doers(m, kb) or ethnic_victims(m, kb) and "mob" in m.ctx.words_of("actor") \
                and not {"state_force", "armed", "nonstate"} & m.ctx.words_of("actor"):
            # 'identity': the community is named (not just 'community members'): no mob, however its actor resolved
            m.ctx.actor_text = m.ctx.words_of("actor") | {"communal", "identity"}
    for m in ms:
        if id(m) in demands:
            m.frame = "protest"
    crime_targets(ms, doc)
    absorb(ms, doc)
    for m in ms:
        m.typing = type_mention(m.frame, with_absorbed(m))
        if id(m) in demands:
            m.typing = replace(m.typing, reason=m.typing.reason + f"; a crowd's demand ('{m.tok.text}') made in "
                               "public: a demonstration")
        elif not m.typing.keep and (demands_next(m, doc) or gathered_over(m)):
            why = "the crowd's demands told in the next sentence" if demands_next(m, doc) else \
                "what the crowd gathered over or against is its grievance"
            m.ctx.sentence.add("protest_ctx")
            m.typing = type_mention(m.frame, with_absorbed(m))
            m.typing = replace(m.typing, reason=m.typing.reason + f"; {why}")
        if found_noun(m) and m.typing.keep:
            m.typing = replace(m.typing, keep=False, reason=m.typing.reason + f"; '{m.tok.text}' is what was found, "
                               "no explosion")
        elif place_freed(m):
            m.frame = "regain"
            won = type_mention("regain", with_absorbed(m))
            m.typing = replace(won, reason=won.reason + f"; '{m.tok.text}': a place freed from armed men is liberated")
        elif aimless(m) and m.typing.keep:
            m.typing = replace(m.typing, event_type="Strategic developments", sub_event_type="Other",
                               reason=m.typing.reason + f"; '{m.tok.text}' fired into the air or as a warning, at "
                               "no one: a strategic development, not a battle (codebook)")
        elif at_dwellings(m, doc) and m.typing.keep:
            m.typing = replace(m.typing, event_type="Explosions/Remote violence",
                               sub_event_type="Shelling/artillery/missile attack", plover_mode="heavy-weapons",
                               cameo="18" if m.typing.plover_type == "ASSAULT" else m.typing.cameo,
                               reason=m.typing.reason + "; heavy weapons fired at places where people live, nothing "
                               "armed targeted and no fire back told: one-sided remote violence, a shelling (codebook)")
        elif dropped_noun(m) and m.typing.keep:
            air = type_mention("drop", with_absorbed(m))
            m.typing = replace(air, reason=f"'{m.tok.text}' is what was dropped: " + air.reason) if air.keep else m.typing
    sanctions = {m.tok.i for m in ms if m.frame == "sanction" and m.tok.lemma_.lower() in SANCTION_WORDS}
    for m in ms:
        if m.typing.keep and m.typing.event_type and (sanction_reason(m, sanctions) or sanction_act(m, sanctions)):
            m.typing = replace(m.typing, keep=False, reason=m.typing.reason + "; the reason given for sanctions: "
                               "background of a diplomatic act, not a reported event")
        elif m.typing.keep and m.typing.event_type and attributed(m):
            m.typing = replace(m.typing, keep=False, reason=m.typing.reason + f"; '{m.tok.text}' is what a claim or "
                               "accusation lays at someone's door: an attribution, the act told elsewhere if at all")
        elif m.typing.keep and accident_retold(m, ms):
            m.typing = replace(m.typing, keep=False, reason=m.typing.reason + f"; '{m.tok.text}' tells again an "
                               "explosion the text gives as an accident")
        elif m.typing.keep and none_told(m):
            m.typing = replace(m.typing, keep=False, reason=m.typing.reason + f"; told as not having happened "
                               f"('{m.tok.text}' with 'no' or 'without')")
        elif m.typing.keep and fought_over(m):
            m.typing = replace(m.typing, keep=False, reason=m.typing.reason + f"; '{m.tok.text}' is what a fight "
                               "is over, no capture told")
        elif m.typing.keep and attempted_capture(m):
            m.typing = replace(m.typing, keep=False, reason=m.typing.reason + "; an attempted capture: no change "
                               "of control told")
    for m in ms:
        if m.kind == "protest" and m.typing.event_type == "Protests" and m.host is None:
            m.typing = protest_window(m, doc)
    live = dispersal_last([m for m in ms if m.host is None and m.typing.keep])
    live = territory_first(live)
    live = displacement_first(live, ms)
    live = battle_first(live, doc)
    live = demonstration(live, doc)
    resisted(live, doc)
    battle_prominence(live)
    for m in live:
        if battle_setting(m):
            m.typing = replace(m.typing, confidence=m.typing.confidence - PROMINENCE,
                               reason=m.typing.reason + "; a war or battle named as the setting ranks below the "
                               "events in it")
    live = sexual_first(live)
    live = arrest_harmed(live)
    abduction_ended(live)
    raids_arresting(live)
    arrests_follow(live)
    live = ended(live, state)
    live = hosted(lone_meetings(given(live)))
    for m in live:
        retyped(m)
        m.typing = plover_modality(m)
        act_now(m)
        meeting_parties(m)
    intent_content(live)
    protest_aims(live)
    orders(live, state)
    live = obligations(live, state)
    live = _labelled(merge(live), state)
    events: list[Event] = []
    pairs: list[tuple[Mention, Event]] = []
    for m in live:
        groups = m.recipient_groups if m.typing.plover_type in SPLIT_TYPES and len(m.recipients) > 1 else []
        if groups and len(groups) == 1 and len(groups[0]) > 1:
            groups = [[a] for a in groups[0]]
        if len(groups) > 1:
            for g in groups:
                events.append(_event(len(events) + 1, m, [a for a in g if a not in m.actors]))
                pairs.append((m, events[-1]))
        else:
            events.append(_event(len(events) + 1, m, m.recipients))
            pairs.append((m, events[-1]))
    speech_acts_first(pairs)
    state.result.events = events
    return state
