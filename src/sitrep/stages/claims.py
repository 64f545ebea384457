"""Stage: claims. Who says what: reporting constructions, stances, contested accounts.

Reads the Doc, ``result.actors`` (through ``actors.resolve_phrase`` / ``actor_of``) and
``result.events``; writes ``result.claims`` and, on the events a claim reports, ``status``
(claimed / denied), ``reported_by`` and ``claim_ids``.

1. ``sitrep.claims_attribution.find`` gives every reporting construction with its speaker
   token, cue and content range (Doc logic only).
2. The speaker phrase becomes an actor; pronouns ("he", "it") take the last fitting speaker.
3. The stance starts from the reporting verb (data/reporting_verbs.tsv) and is refined by
   the content (data/claim_cues.tsv): support/deny/reject/demand phrases, a denial of the
   speaker's own side's action, or a hostile act by another side (an accusation).
4. Events whose trigger lies in the content are linked to the claim.
5. ``sitrep.claims_contest`` marks contradicting claims of opposing parties.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Token

from .. import claims_contest
from ..claims_attribution import Attribution, Lexicon, find, lexicon
from ..records import Actor, Claim, Event, Span
from . import actors as actors_stage

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
OTHER_PRONOUNS = {"it", "its", "they", "them", "their", "we", "our", "us", "who", "which"}
SELF_WORDS = {"it", "its", "we", "our", "us", "they", "their", "itself", "ourselves"}
HOSTILE_TYPES = {"ASSAULT", "COERCE", "THREATEN"}
STANCE_ORDER = ("deny", "reject", "support", "demand", "accuse")


@dataclass
class ClaimInfo:
    """Working facts about one claim, used by the contested rule (not serialised)."""
    claim: Claim
    content: tuple[int, int]
    blamed: set = field(default_factory=set)       # countries the claim presents as perpetrators
    opponents: set = field(default_factory=set)    # ids of actors of another side it presents as perpetrators
    fighting: bool = False                         # the content is about the fighting itself
    days: set = field(default_factory=set)         # dates of the fighting it reports (empty: undated)
    tolls: dict = field(default_factory=dict)      # victim country (or None) -> count


def _char_span(doc: Doc, start: int, end: int) -> Span:
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    return Span(doc.text[s:e], s, e)


# ---------------------------------------------------------------- speakers

def resolve_speaker(state, tok: Token, prior: list[Claim]) -> tuple[Optional[Actor], str]:
    """The actor a speaker phrase refers to: the actors stage's ``resolve_phrase`` when it
    knows, else this stage's fallback (pronouns, statement nouns, countries in the phrase)."""
    resolver = getattr(actors_stage, "resolve_phrase", None)
    if resolver is not None and not _is_pronoun(tok):
        actor = resolver(state, tok)
        if actor is not None and (actor.country or actor.kind in ("person", "igo", "state")):
            return actor, "actors.resolve_phrase"
        if actor is not None:   # an organisation with no country: the phrase may still name one
            other, why = _fallback(state, tok, prior)
            if other is not None and other.country:
                return other, why
            return actor, "actors.resolve_phrase"
    return _fallback(state, tok, prior)


def _previous_actor(state, tok: Token, person: bool) -> Optional[Actor]:
    doc = tok.doc
    sents = list(doc.sents)
    here = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
    lo = sents[max(0, here - 2)].start
    for i in range(tok.i - 1, lo - 1, -1):
        a = actors_stage.actor_of(state, doc[i])
        if a is not None and (a.kind == "person") == person:
            return a
    return None


def _np_tokens(tok: Token) -> list[Token]:
    """The speaker phrase without clauses, appositions and conjuncts."""
    out, stack = [tok], [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in ("compound", "amod", "poss", "nmod", "prep", "pobj", "flat", "det"):
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _is_pronoun(tok: Token) -> bool:
    return (tok.pos_ == "PRON" or tok.lower_ in PERSON_PRONOUNS | OTHER_PRONOUNS) and not tok.text.isupper()


def _fallback(state, tok: Token, prior: list[Claim]) -> tuple[Optional[Actor], str]:
    low = tok.lower_
    if _is_pronoun(tok):
        person = low in PERSON_PRONOUNS
        for c in reversed(prior):
            if c.speaker is not None and (c.speaker.kind == "person") == person:
                return c.speaker, f"pronoun '{tok.text}': the previous {'person ' if person else ''}speaker"
        a = _previous_actor(state, tok, person)
        return (a, f"pronoun '{tok.text}': the nearest earlier actor") if a else (None, f"pronoun '{tok.text}' unresolved")
    lex = lexicon()
    if tok.lemma_.lower() in lex.kind("statement_noun") or low in lex.kind("statement_noun"):
        owners = []
        for c in tok.children:
            owner = c if c.dep_ in ("poss", "compound") else None
            if c.dep_ == "prep" and c.lower_ in ("from", "of", "by", "for"):
                owner = next((g for g in c.children if g.dep_ == "pobj"), None)
            if owner is not None and owner.pos_ in ("PROPN", "NOUN", "PRON"):
                actor, why = _fallback(state, owner, prior)
                if actor is not None and actor.kind != "unknown":
                    owners.append((actor, f"'{tok.text}' stands for its owner; {why}"))
        owners.sort(key=lambda o: o[0].country is None)
        if owners:
            return owners[0]
    np = _np_tokens(tok)
    head = actors_stage.actor_of(state, tok)
    if head is not None and (head.country or head.kind in ("person", "state", "igo")):
        return head, "the speaker phrase's head"
    states = [a for t in np if (a := actors_stage.actor_of(state, t)) is not None and a.kind == "state"]
    if states:
        return states[0], f"fallback: the speaker phrase names {states[0].name}"
    if head is not None:
        return head, "the speaker phrase's head"
    others = [a for t in np if (a := actors_stage.actor_of(state, t)) is not None]
    if others:
        return others[0], "an actor inside the speaker phrase"
    return _unknown_actor(state, np), "speaker phrase not in the actor list: kept as an unknown actor"


def _unknown_actor(state, np: list[Token]) -> Actor:
    words = [t for t in np if t.dep_ != "det" and not t.is_punct]
    name = " ".join(t.text for t in words) or np[0].text
    for a in state.result.actors:
        if a.kind == "unknown" and a.name.lower() == name.lower():
            a.mentions.append(_char_span(np[0].doc, words[0].i if words else np[0].i, np[-1].i + 1))
            return a
    used = {a.id for a in state.result.actors}
    n = len(used) + 1
    while f"a{n}" in used:
        n += 1
    doc = np[0].doc
    actor = Actor(id=f"a{n}", name=name, kind="unknown", mentions=[_char_span(doc, np[0].i, np[-1].i + 1)],
                  reason="speaker of a claim; not resolved to a known actor")
    state.result.actors.append(actor)
    return actor


# ---------------------------------------------------------------- stance

def _countries(state, tokens) -> set:
    out = set()
    for t in tokens:
        a = actors_stage.actor_of(state, t)
        if a is not None and a.country:
            out.add(a.country)
    return out


def _agents(tok: Token) -> list[Token]:
    """Tokens that name who carried out a hostile act."""
    found: list[Token] = []
    if tok.pos_ in ("VERB", "AUX"):
        for c in tok.children:
            if c.dep_ == "nsubj":
                found += list(c.subtree)
            elif c.dep_ == "agent":
                found += list(c.subtree)
        if not found and tok.dep_ == "conj" and tok.head.pos_ == "VERB":
            found = _agents(tok.head)
        return found
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod"):
            found += list(c.subtree)
        elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
            found += list(c.subtree)
    if not found:
        gov = tok.head.head if tok.dep_ == "pobj" else tok.head if tok.dep_ == "dobj" else None
        if gov is not None and gov.pos_ == "VERB":
            found = _agents(gov)
    return found


def _self_subject(tokens: list[Token]) -> bool:
    return any(t.lower_ in SELF_WORDS for t in tokens[:3])


REBEL_SECTORS = {"REB", "OPP", "UAF", "INS"}
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY"}


def _other_side(a: Actor, speaker: Optional[Actor]) -> bool:
    """Is actor ``a`` on another side than the speaker (another country, or state vs armed group)?"""
    if speaker is None or a.id == speaker.id:
        return False
    if a.country and speaker.country and a.country != speaker.country:
        return True
    rebel = lambda x: x.kind == "armed_group" or (x.sector or "") in REBEL_SECTORS  # noqa: E731
    state_side = lambda x: (x.sector or "") in STATE_SECTORS or x.kind == "state"  # noqa: E731
    same_place = not (a.country and speaker.country) or a.country == speaker.country
    return same_place and ((rebel(a) and state_side(speaker)) or (rebel(speaker) and state_side(a)))


def _agent_actor(state, tok: Token) -> Optional[Actor]:
    """The actor a token of an agent phrase names; the phrase head is resolved as a whole."""
    a = actors_stage.actor_of(state, tok)
    resolver = getattr(actors_stage, "resolve_phrase", None)
    if a is None and resolver is not None and tok.dep_ in ("nsubj", "pobj") and tok.pos_ in ("NOUN", "PROPN"):
        a = resolver(state, tok)
    return a


def _blamed(state, toks: list[Token], events: list[Event], speaker: Optional[Actor],
            lex: Lexicon) -> tuple[set, set, bool]:
    """Countries the content presents as perpetrators of a hostile act, the perpetrators on
    another side than the speaker (actor ids), and whether it names "the enemy"."""
    mine = speaker.country if speaker else None
    blamed, opponents, enemy_named = set(), set(), False
    for ev in events:
        doers = [a for a in ev.actors if a.country]
        if ev.plover.type in HOSTILE_TYPES and ev.status != "historical" and mine \
                and mine not in {a.country for a in doers}:
            blamed |= {a.country for a in doers}
            opponents |= {a.id for a in doers if _other_side(a, speaker)}
    hostile, enemy = lex.kind("hostile"), lex.kind("enemy")
    for t in toks:
        if t.lower_ in hostile or t.lemma_.lower() in hostile:
            agents = _agents(t)
            if agents and _self_subject(agents):
                continue
            enemy_named |= speaker is not None and any(g.lower_ in enemy for g in agents)
            for g in agents:
                a = _agent_actor(state, g)
                if a is not None and a.country and a.country != mine:
                    blamed.add(a.country)
                if a is not None and _other_side(a, speaker):
                    opponents.add(a.id)
    blamed.discard(None)
    blamed.discard(mine)
    return blamed, opponents, enemy_named


def _phrase_stance(text: str, lex: Lexicon) -> Optional[tuple[str, str]]:
    low = text.lower().replace("’", "'")
    hits = []
    for cue, row in lex.kind("content_stance").items():
        if re.search(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", low):
            hits.append((STANCE_ORDER.index(row["stance"]) if row["stance"] in STANCE_ORDER else 9, row["stance"], cue))
    return (min(hits)[1], min(hits)[2]) if hits else None


def _self_denial(toks: list[Token], speaker_country: Optional[str], state, lex: Lexicon) -> bool:
    """'X said it did not attack', 'said its forces had not fired': the speaker's side denies a
    hostile act ('they have not received water' is a complaint, not a denial)."""
    hostile = lex.kind("hostile")
    for t in toks:
        act = t.head
        if t.dep_ == "neg" and act.pos_ in ("VERB", "AUX") and (act.lower_ in hostile or act.lemma_.lower() in hostile):
            subj = [s for c in act.children if c.dep_ in ("nsubj", "nsubjpass") for s in c.subtree]
            if _self_subject(subj) or (speaker_country and speaker_country in _countries(state, subj)):
                return True
    return False


def _self_refusal(toks: list[Token]) -> bool:
    """'X said it would not meet the demands', 'we will not withdraw': a refusal."""
    for t in toks:
        act = t.head
        if t.dep_ == "neg" and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo") for c in act.children):
            subj = [s for c in act.children if c.dep_ == "nsubj" for s in c.subtree]
            if _self_subject(subj):
                return True
    return False


def refine_stance(state, a: Attribution, speaker: Optional[Actor], events: list[Event],
                  lex: Lexicon) -> tuple[str, set, set, str]:
    """Stance, blamed countries, opponents (actor ids) and the reason, from the cue and the content."""
    doc = state.doc
    toks = list(doc[a.content[0]:a.content[1]])
    blamed, opponents, enemy_named = _blamed(state, toks, events, speaker, lex)
    if a.stance != "assert":
        return a.stance, blamed, opponents, f"verb stance {a.stance}"
    phrase = _phrase_stance(doc[a.content[0]:a.content[1]].text, lex)
    if phrase:
        return phrase[0], blamed, opponents, f"content cue '{phrase[1]}' ({phrase[0]})"
    if _self_denial(toks, speaker.country if speaker else None, state, lex):
        return "deny", blamed, opponents, "the content denies an act of the speaker's own side"
    if _self_refusal(toks):
        return "reject", blamed, opponents, "the speaker's side says it will not act"
    if opponents or enemy_named:
        whom = ", ".join(sorted(blamed)) or "the other side"
        return "accuse", blamed, opponents, f"the content blames {whom} for a hostile act"
    return "assert", blamed, opponents, "reporting verb, no stance cue in the content"


# ---------------------------------------------------------------- events

def _overlaps(ev: Event, start: int, end: int) -> bool:
    return ev.trigger.start < end and ev.trigger.end > start


def linked_events(state, a: Attribution) -> list[Event]:
    doc = state.doc
    span = _char_span(doc, *a.content)
    out = [e for e in state.result.events if _overlaps(e, span.start, span.end)]
    if a.antecedent is not None:
        noun = doc[a.antecedent]
        left = min((t.i for t in noun.lefts if t.dep_ in ("compound", "punct", "amod", "nummod")), default=noun.i)
        s, e = doc[left].idx, noun.idx + len(noun.text)
        out += [ev for ev in state.result.events if _overlaps(ev, s, e) and ev not in out]
    return out


def _apply_to_events(claims: list[Claim], events: list[Event]) -> None:
    by_id = {c.id: c for c in claims}
    for ev in events:
        linked = [by_id[i] for i in ev.claim_ids if i in by_id]
        if not linked or ev.status != "asserted":
            continue
        ev.status = "denied" if all(c.stance == "deny" for c in linked) else "claimed"


# ---------------------------------------------------------------- stage

def _toll(events: list[Event]) -> dict:
    tolls = {}
    for ev in events:
        if ev.fatalities is not None and ev.status != "historical":
            whose = next((a.country for a in ev.fatalities.of if a.country), None)
            tolls[whose] = ev.fatalities.count
    return tolls


def _content_head(doc: Doc, rng: tuple[int, int]) -> Token:
    toks = doc[rng[0]:rng[1]]
    return next((t for t in toks if not (rng[0] <= t.head.i < rng[1]) or t.head is t), toks[0])


def _answered(infos: list[ClaimInfo], a: Attribution, speaker: Optional[Actor], stance: str,
              doc: Doc, lex: Lexicon) -> Optional[ClaimInfo]:
    """The earlier claim a denial refers back to: "X denied the claim", "Y rejected this"."""
    if stance not in ("deny", "reject"):
        return None
    head = _content_head(doc, a.content)
    if head.lemma_.lower() not in lex.kind("reference") and head.lower_ not in lex.kind("reference"):
        return None
    for info in reversed(infos):
        other = info.claim.speaker
        if other is None or speaker is None or (other.id != speaker.id and (
                other.country != speaker.country or _other_side(other, speaker))):
            return info
    return None


def build_claims(state) -> list[ClaimInfo]:
    lex = lexicon()
    doc = state.doc
    fighting = lex.kind("fighting")
    infos: list[ClaimInfo] = []
    claims: list[Claim] = []
    for a in find(doc, lex):
        tok = doc[a.speaker] if a.speaker is not None else None
        speaker, why = resolve_speaker(state, tok, claims) if tok is not None else (None, "no named source")
        events = linked_events(state, a)
        stance, blamed, opponents, stance_why = refine_stance(state, a, speaker, events, lex)
        answered = _answered(infos, a, speaker, stance, doc, lex)
        if answered is not None:
            events += [e for e in state.result.events if e.id in answered.claim.event_ids and e not in events]
            stance_why += f"; answers {answered.claim.id}"
        cid = f"c{len(claims) + 1}"
        sent = doc[a.content[0]].sent if a.cue is None else doc[a.cue[0]].sent
        claim = Claim(id=cid, speaker=speaker, verb=a.verb, stance=stance,
                      text=_char_span(doc, *a.content), event_ids=[e.id for e in events],
                      cue=_char_span(doc, *a.cue) if a.cue else None,
                      sentence=Span(sent.text, sent.start_char, sent.end_char),
                      reason=f"{a.reason}; speaker: {why}; stance: {stance_why}")
        for ev in events:
            if cid not in ev.claim_ids:
                ev.claim_ids.append(cid)
            if speaker is not None and all(r.id != speaker.id for r in ev.reported_by):
                ev.reported_by.append(speaker)
        words = {t.lower_ for t in doc[a.content[0]:a.content[1]]}
        current = [e for e in events if e.status != "historical"]
        is_fighting = bool(words & set(fighting)) or any(e.plover.type == "ASSAULT" for e in current)
        if events and not current:
            is_fighting = False
        days = {e.date.start for e in current if e.date.start}   # empty: the claim dates nothing
        if answered is not None:
            is_fighting |= answered.fighting
            days |= answered.days
        claims.append(claim)
        infos.append(ClaimInfo(claim=claim, content=a.content, blamed=blamed, opponents=opponents,
                               fighting=is_fighting,
                               days=days, tolls=_toll(events)))
    return infos


def run(state):
    infos = build_claims(state)
    claims_contest.mark(infos, state.result.events)
    state.result.claims = [i.claim for i in infos]
    _apply_to_events(state.result.claims, state.result.events)
    return state
