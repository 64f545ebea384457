"""Stage: actors. Every entity mention resolves to one canonical Actor.

Writes ``result.actors`` and ``state.scratch["token_actor"]`` (token index -> actor id)
so later stages can ask which actor a token refers to (see ``actor_of``).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..knowledge import knowledge
from ..records import Actor, Span

LABELS = {"GPE", "NORP", "PERSON", "ORG"}


def _span(ent) -> Span:
    return Span(ent.text, ent.start_char, ent.end_char)


def run(state):
    kb = knowledge()
    doc = state.doc
    by_key: dict[str, Actor] = {}
    token_actor: dict[int, str] = {}

    def get(key: str, **fields) -> Actor:
        if key not in by_key:
            by_key[key] = Actor(id=f"a{len(by_key) + 1}", **fields)
        return by_key[key]

    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        actor: Optional[Actor] = None
        if ent.label_ in ("GPE", "NORP"):
            iso = kb.country_for(ent.text) or kb.capital_for(ent.text)
            if iso:
                c = kb.countries[iso]
                actor = get(f"state:{iso}", name=c.name, kind="state", country=iso, sector="GOV")
        elif ent.label_ == "ORG":
            igo = kb.igo_for(ent.text)
            if igo:
                actor = get(f"igo:{igo.id}", name=igo.name, kind="igo", sector=igo.sector,
                            members=list(igo.members))
            else:
                actor = get(f"org:{ent.text.lower()}", name=ent.text, kind="organization")
        elif ent.label_ == "PERSON":
            actor = get(f"person:{ent.text.lower()}", name=ent.text, kind="person")
        if actor is None:
            continue
        actor.mentions.append(_span(ent))
        for i in range(ent.start, ent.end):
            token_actor[i] = actor.id
    state.result.actors = list(by_key.values())
    state.scratch["token_actor"] = token_actor
    return state


def actor_of(state, token: Token) -> Optional[Actor]:
    """The actor a token refers to, if any."""
    aid = state.scratch.get("token_actor", {}).get(token.i)
    if aid is None:
        return None
    return next((a for a in state.result.actors if a.id == aid), None)
