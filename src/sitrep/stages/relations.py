"""Stage: relations. Standing relations between actors (SPEC §2 Relation), each with the
sentence that supports it, its start date when the text gives one, and the rule that fired.

Rules read the dependency parse; their cue words are in data/relation_cues.tsv:
- defense_treaty / alliance: a treaty or pact word with a defence modifier ("a 1997
  mutual-defense treaty", "a defense pact"), between the parties named "between A and B", the
  signers ("the two allies signed"), or the appealing and appealed-to parties ("A appealed
  to B under a treaty"); "A and other allies" / "A's ally B" give an alliance.
- member_of: "X (and Y) are members of Z", "X joined Z", "X, a member of Z", and a state
  appealing to an organisation it belongs to (membership confirmed by data/igos.tsv).
- mediator: members of a group "of mediators"; "X brokered/mediated a truce between A and B".
- military_presence: "X has a (military) base in Y"; "X sent/deployed troops to Y" (a
  disputed territory resolves to its internationally recognised country, sector PRE).
- territorial_dispute: "the disputed territory of T", "T ... recognized as part of X's
  territory" (the other claimant from data/actors_territories.tsv).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from spacy.tokens import Token

from ..lexicon import load_table
from ..records import Actor, Relation, Span
from .actors import Resolver, actor_of, resolver

YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset]:
    out: dict[str, set] = {}
    for row in load_table("relation_cues.tsv", required=["cue", "word"]):
        out.setdefault(row["cue"], set()).add(row["word"].lower())
    return {k: frozenset(v) for k, v in out.items()}


def _is(tok: Token, cue: str) -> bool:
    c = cues().get(cue, frozenset())
    return tok.lemma_.lower() in c or tok.text.lower() in c


class _Builder:
    def __init__(self, state):
        self.state = state
        self.r: Resolver = resolver(state)
        self.kb = self.r.kb
        self.out: list[Relation] = []
        self.seen: set = set()

    def country_actor(self, a: Optional[Actor]) -> Optional[Actor]:
        """Relations hold between states and organisations: lift a person or sub-actor."""
        if a is None:
            return None
        if a.kind in ("igo", "armed_group", "organization") or (a.kind == "state" and a.sector in ("GOV", "PRE")):
            return a
        if a.country and a.country in self.kb.countries:
            return self.r.state_actor(a.country, f"country of {a.name}")
        return None

    def actors_in(self, tok: Token) -> list[Actor]:
        """Actors of a token and its conjuncts ("Russia, the US and France")."""
        found: list[Actor] = []
        for t in [tok, *tok.conjuncts]:
            a = self.country_actor(actor_of(self.state, t) or self._inner(t))
            if a is not None and a not in found:
                found.append(a)
        return found

    def _inner(self, tok: Token) -> Optional[Actor]:
        for t in tok.subtree:
            a = actor_of(self.state, t)
            if a is not None:
                return a
        return None

    def add(self, kind: str, source: Optional[Actor], target: Optional[Actor], sent, *, since=None, reason=""):
        if source is None or target is None or source.id == target.id:
            return
        key = (kind, *sorted((source.id, target.id))) if kind in ("defense_treaty", "alliance", "territorial_dispute") \
            else (kind, source.id, target.id)
        if key in self.seen:
            for rel in self.out:   # a later mention may give the date
                if rel.type == kind and {rel.source.id, rel.target.id} == {source.id, target.id} and not rel.since:
                    rel.since = since
            return
        self.seen.add(key)
        self.out.append(Relation(id=f"r{len(self.out) + 1}", type=kind, source=source, target=target,
                                 text=Span(sent.text, sent.start_char, sent.end_char), since=since, reason=reason))


# --- shared parse helpers -----------------------------------------------------------------
def _verb(tok: Token) -> Token:
    while tok.dep_ not in ("ROOT",) and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head
    return tok


def _subject(verb: Token) -> Optional[Token]:
    v = verb
    for _ in range(3):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i:
            v = v.head
        else:
            break
    return None


def _preps(tok: Token, words: Iterable[str]) -> list[Token]:
    words = set(words)
    return [p for c in tok.children if c.dep_ in ("prep", "dative") and c.text.lower() in words
            for p in c.children if p.dep_ == "pobj"]


def _year(tok: Token, published: Optional[str]) -> Optional[str]:
    """A year in the phrase or clause of tok: "a 1997 treaty", "signed ... last year", "in 2010"."""
    for c in tok.subtree:
        if YEAR.match(c.text) and c.i <= tok.i:
            return c.text
    verb = tok.head if tok.dep_ in ("dobj", "nsubjpass", "pobj") else tok
    for c in verb.subtree:
        if c.text.lower() == "year" and any(x.text.lower() == "last" for x in c.children) and published:
            return str(int(published[:4]) - 1)
        if YEAR.match(c.text) and c.head.text.lower() in ("in", "since") and c.head.head.i == verb.i:
            return c.text
    return None


def _states_before(b: _Builder, tok: Token, n: int = 2, exclude: Iterable[str] = ()) -> list[Actor]:
    """The last n distinct states named before tok (this sentence, else the one before),
    leaving out the countries in ``exclude`` (a mediator is not one of the sides)."""
    sent = tok.sent
    starts = [sent.start] + ([tok.doc[sent.start - 1].sent.start] if sent.start > 0 else [])
    for start in starts:
        found: list[Actor] = []
        for i in range(tok.i - 1, start - 1, -1):
            a = b.country_actor(actor_of(b.state, tok.doc[i]))
            if a is not None and a.kind == "state" and a not in found and a.country not in exclude:
                found.append(a)
        if len(found) >= n:
            return list(reversed(found[:n]))
    return []


def _sides(b: _Builder, tok: Token, exclude: Iterable[str] = ()) -> list[Actor]:
    """Parties named "between A and B", or "between the (two) sides" -> two states before."""
    for p in _preps(tok, ("between",)):
        found = b.actors_in(p)
        if len(found) >= 2:
            return found
        if _is(p, "pair"):
            return _states_before(b, tok, exclude=exclude)
    return []


# --- rules --------------------------------------------------------------------------------
def _treaties(b: _Builder, sent, published) -> None:
    for tok in sent:
        if not _is(tok, "treaty") or actor_of(b.state, tok) is not None:   # not the T of "CSTO"
            continue
        mods = [c for c in tok.subtree if c.i < tok.i]
        if not any(_is(m, "defence") for m in mods) and not _is(tok, "alliance"):
            continue
        kind = "alliance" if _is(tok, "alliance") else "defense_treaty"
        since = _year(tok, published)
        parties = _sides(b, tok)
        reason = f"'{tok.text}' with a defence modifier"
        verb = tok.head if tok.dep_ in ("dobj", "nsubjpass") else (tok.head.head if tok.dep_ == "pobj" else None)
        if not parties and verb is not None and tok.dep_ == "pobj" and tok.head.text.lower() in ("under", "through"):
            subj = _subject(verb)
            to = [a for p in _preps(verb, ("to",)) for a in b.actors_in(p) if a.kind == "state"]
            if subj is not None and to:
                parties = b.actors_in(subj)[:1] + to[:1]
                reason += f": '{verb.text}' to {to[0].name} under it"
        if not parties and verb is not None and tok.dep_ == "dobj" and _is(verb, "sign"):
            subj = _subject(verb)
            if subj is not None:
                parties = b.actors_in(subj)
                if len(parties) < 2 and (_is(subj, "pair") or any(c.text.lower() in ("two", "both") for c in subj.children)):
                    parties = _states_before(b, subj)
                    reason += f": signed by '{' '.join(t.text for t in subj.subtree)}'"
                    if _is(subj, "ally"):
                        for x, y in zip(parties, parties[1:]):
                            b.add("alliance", x, y, sent, reason="called allies")
        for x, y in zip(parties, parties[1:]):
            b.add(kind, x, y, sent, since=since, reason=reason)


def _allies(b: _Builder, sent) -> None:
    for tok in sent:
        if _is(tok, "ally") and tok.dep_ == "attr":
            # "Iran and Syria are close allies"; "Belarus is Russia's closest ally"
            subj = _subject(tok.head)
            sides = b.actors_in(subj) if subj is not None else []
            sides += [a for c in tok.children if c.dep_ == "poss" for a in [b.country_actor(actor_of(b.state, c))] if a]
            for x, y in zip(sides, sides[1:]):
                b.add("alliance", x, y, sent, reason=f"called '{tok.text}'")
            continue
        if _is(tok, "ally") and tok.dep_ == "appos":
            # "Egypt's president, a close ally of Burhan": the two countries
            head = b.country_actor(actor_of(b.state, tok.head) or b._inner(tok.head))
            for other in [a for p in _preps(tok, ("of",)) for a in b.actors_in(p)]:
                b.add("alliance", head, other, sent, reason=f"'{tok.text} of {other.name}'")
            continue
        if not _is(tok, "ally") or tok.dep_ != "conj":
            continue
        # "X appealed to Russia and other allies": Russia is X's ally
        head = tok.head
        if head.dep_ == "pobj" and head.head.text.lower() == "to":
            subj = _subject(_verb(head.head))
            ally = b.country_actor(actor_of(b.state, head))
            if subj is not None and ally is not None:
                for x in b.actors_in(subj)[:1]:
                    b.add("alliance", x, ally, sent, reason=f"'{head.text} and other {tok.text}'")


def _members(b: _Builder, sent) -> None:
    for tok in sent:
        if _is(tok, "member"):
            for org_tok in _preps(tok, ("of",)):
                org = b.country_actor(actor_of(b.state, org_tok) or b._inner(org_tok))
                if org is None or org.kind not in ("igo", "organization", "armed_group"):
                    continue
                holders: list[Actor] = []
                if tok.dep_ in ("attr", "appos") or tok.head.lemma_ == "be":
                    subj = _subject(tok.head) if tok.dep_ == "attr" else tok.head
                    holders = b.actors_in(subj) if subj is not None else []
                mediating = any(_is(t, "mediate") for t in org_tok.subtree)
                for h in holders:
                    b.add("member_of", h, org, sent, reason=f"'{h.name} ... {tok.text} of {org.name}'")
                    if mediating:
                        b.add("mediator", h, org, sent, reason=f"member of {org.name}, a group of mediators")
        elif _is(tok, "join") and tok.pos_ == "VERB":
            subj = _subject(tok)
            for c in tok.children:
                org = actor_of(b.state, c) if c.dep_ == "dobj" else None
                if subj is not None and org is not None and org.kind == "igo":
                    for h in b.actors_in(subj):
                        b.add("member_of", h, org, sent, reason=f"'{tok.text} {org.name}'")
        elif _is(tok, "appeal") and tok.pos_ == "VERB":
            # appealing to an organisation the state belongs to (membership from igos.tsv)
            subj = _subject(tok)
            orgs = [a for p in _preps(tok, ("to",)) for a in [actor_of(b.state, p) or b._inner(p)] if a]
            for c in tok.children:   # "as well as to the CSTO" hangs off the first object
                if c.dep_ in ("prep", "cc", "conj"):
                    orgs += [a for p in c.subtree if p.dep_ == "pobj" for a in [actor_of(b.state, p)] if a]
            for org in orgs:
                if org.kind != "igo" or subj is None:
                    continue
                for h in b.actors_in(subj):
                    if h.country and h.country in org.members:
                        b.add("member_of", h, org, sent,
                              reason=f"{h.name} appealed to {org.name}, of which igos.tsv lists it a member")


def _mediators_of(b: _Builder, tok: Token) -> list[Actor]:
    """"mediated by X", "X-brokered": the mediators named on the verb itself."""
    found: list[Actor] = []
    for c in tok.children:
        if c.dep_ == "agent":
            found += [a for p in c.children if p.dep_ == "pobj" for a in b.actors_in(p)]
        elif c.dep_ in ("npadvmod", "nmod", "compound") and c.i < tok.i:
            found += b.actors_in(c)
    return found


def _mediation(b: _Builder, sent) -> None:
    for tok in sent:
        if not (_is(tok, "broker") and tok.pos_ == "VERB"):
            continue
        named = _mediators_of(b, tok)
        if named and (tok.dep_ in ("amod", "acl") or any(c.dep_ == "nsubjpass" for c in tok.children)):
            # "a Russian-brokered ceasefire between A and B"; "the truce between A and B was mediated by X"
            thing = tok.head if tok.dep_ in ("amod", "acl") else next(c for c in tok.children if c.dep_ == "nsubjpass")
            own = {m.country for m in named}
            for m in named:
                for p in _sides(b, thing, own):
                    if p.id != m.id and (p.country is None or p.country not in own):
                        b.add("mediator", m, p, sent, reason=f"'{thing.text} ... {tok.text}' by {m.name}")
            continue
        subj = _subject(tok)
        if subj is None and tok.dep_ == "relcl":
            subj = tok.head
        if subj is None:
            continue
        mediators = b.actors_in(subj)
        if not mediators and subj.pos_ == "PRON":
            mediators = [a for a in [b.country_actor(actor_of(b.state, subj))] if a]
        own = {m.country for m in mediators}
        parties = _sides(b, tok, own)
        for c in tok.children:
            if not parties and c.dep_ == "dobj":
                parties = _sides(b, c, own)
        if not parties and tok.dep_ in ("relcl", "ccomp"):
            parties = _sides(b, tok.head, own) or _sides(b, _verb(tok.head), own)
        for m in mediators:
            for p in parties:
                if p.country != m.country:
                    b.add("mediator", m, p, sent, reason=f"'{tok.text}' between the parties")


def _place_actor(b: _Builder, tok: Token) -> Optional[Actor]:
    """The state (or disputed territory, sector PRE) a place phrase lies in."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    text = ent.text if ent is not None else tok.text
    terr = b.kb.territory_for(text)
    if terr is not None and terr.country in b.kb.countries:
        actor = b.r.get(f"territory:{terr.name}", name=terr.name, kind="state", country=terr.country, sector="PRE",
                        reason=f"disputed territory of {terr.country} (actors_territories.tsv; PLOVER PRE)")
        if ent is not None:
            b.r.mark(actor, ent.start, ent.end)
        return actor
    iso = b.kb.place_country(text)
    if iso is None:
        from ..geo import lookup

        places = lookup(text)
        iso = places[0].country if places else None
    return b.r.state_actor(iso, f"'{text}' lies in {iso}") if iso in b.kb.countries else None


def _presence(b: _Builder, sent) -> None:
    for tok in sent:
        if _is(tok, "base") and tok.pos_ in ("NOUN", "PROPN"):
            where = _preps(tok, ("in", "on", "at"))
            owner = None
            poss = [c for c in tok.children if c.dep_ == "poss"]
            if poss:
                owner = b.country_actor(actor_of(b.state, poss[0]))
            elif tok.dep_ == "dobj":
                subj = _subject(tok.head)
                owner = b.actors_in(subj)[0] if subj is not None and b.actors_in(subj) else None
            for w in where:
                b.add("military_presence", owner, _place_actor(b, w), sent, reason=f"'{tok.text} {w.head.text} {w.text}'")
        elif _is(tok, "stationed") and tok.pos_ == "VERB" and any(c.dep_ == "nsubjpass" for c in tok.children):
            # "Russia's Black Sea Fleet is based in Sevastopol"; "U.S. troops are stationed in Syria"
            subj = next(c for c in tok.children if c.dep_ == "nsubjpass")
            owner = b.country_actor(actor_of(b.state, subj) or b._inner(subj))
            for w in _preps(tok, ("in", "on", "at")):
                b.add("military_presence", owner, _place_actor(b, w), sent, reason=f"'{subj.text} ... {tok.text} {w.head.text} {w.text}'")
        elif _is(tok, "deploy") and tok.pos_ == "VERB":
            troops = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and _is(c, "troops")]
            if not troops:
                continue
            subj = _subject(tok) if troops[0].dep_ == "dobj" else None
            sender = (b.actors_in(subj)[:1] if subj is not None else []) or \
                [a for a in [b.country_actor(actor_of(b.state, troops[0]))] if a]
            for w in _preps(tok, ("to", "in", "into")) + _preps(troops[0], ("to", "in", "into")):
                for s in sender:
                    b.add("military_presence", s, _place_actor(b, w), sent,
                          reason=f"'{tok.text} ... {troops[0].text} {w.head.text} {w.text}'")


def _territory_of(b: _Builder, tok: Token):
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return b.kb.territory_for(ent.text if ent is not None else tok.text)


def _disputes(b: _Builder, sent) -> None:
    for tok in sent:
        if _is(tok, "claim") and tok.pos_ == "VERB":
            # "India and Pakistan both claim Kashmir": the claimants and the sovereign
            subj = _subject(tok)
            terrs = [t for c in tok.children if c.dep_ == "dobj" for t in [_territory_of(b, c)] if t]
            for terr in terrs:
                sides = b.actors_in(subj) if subj is not None else []
                if terr.country in b.kb.countries:
                    sides.append(b.r.state_actor(terr.country, "recognised sovereign (actors_territories.tsv)"))
                sides = list({a.id: a for a in sides}.values())
                for x, y in zip(sides, sides[1:]):
                    b.add("territorial_dispute", x, y, sent, reason=f"'{tok.text} {terr.name}'")
            continue
        terr = None
        if _is(tok, "disputed"):
            head = tok.head
            cands = [head] + _preps(head, ("of",))
            for c in cands:
                ent = next((e for e in tok.doc.ents if e.start <= c.i < e.end), None)
                terr = b.kb.territory_for(ent.text if ent is not None else c.text)
                if terr:
                    break
            reason = f"'{tok.text} {head.text}'"
        elif _is(tok, "recognized"):
            # "T, which ... (internationally) recognized as part of its/X's territory"
            owner = None
            for t in tok.subtree:
                if t.lemma_ == "territory":
                    owner = b.country_actor(actor_of(b.state, [c for c in t.children if c.dep_ == "poss"][0])) \
                        if any(c.dep_ == "poss" for c in t.children) else None
            anchor = tok.head if tok.dep_ == "conj" else tok
            anchor = anchor.head if anchor.dep_ == "relcl" else anchor
            ent = next((e for e in tok.doc.ents if e.start <= anchor.i < e.end), None)
            terr = b.kb.territory_for(ent.text if ent is not None else anchor.text)
            if terr and owner is not None and terr.disputed_by in b.kb.countries:
                other = b.r.state_actor(terr.disputed_by, "claimant (actors_territories.tsv)")
                b.add("territorial_dispute", other, owner, sent,
                      reason=f"{terr.name} recognized as part of {owner.name}'s territory; claimant per actors_territories.tsv")
            continue
        else:
            continue
        if terr and terr.country in b.kb.countries and terr.disputed_by in b.kb.countries:
            b.add("territorial_dispute", b.r.state_actor(terr.disputed_by, "claimant (actors_territories.tsv)"),
                  b.r.state_actor(terr.country, "recognised sovereign (actors_territories.tsv)"), sent,
                  reason=f"{reason}: {terr.name}, claimants per actors_territories.tsv")


RULES = (_treaties, _allies, _members, _mediation, _presence, _disputes)


def run(state):
    b = _Builder(state)
    published = state.result.document.published
    for sent in state.doc.sents:
        for rule in RULES:
            if rule is _treaties:
                rule(b, sent, published)
            else:
                rule(b, sent)
    state.result.relations = b.out
    return state
