"""Stage: events. Find event triggers and their arguments; type them in ACLED, PLOVER
and CAMEO from the trigger lexicon (data/event_triggers.tsv)."""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import load_table, split
from ..records import AcledType, Event, PloverType, Span
from .actors import actor_of

DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Riots": "Political violence",
    "Protests": "Demonstrations", "Strategic developments": "Strategic developments",
}


@lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, str], dict]:
    out = {}
    for row in load_table("event_triggers.tsv", required=["lemma", "pos", "plover_type"]):
        for pos in split(row["pos"]):
            out[(row["lemma"].lower(), pos)] = row
    return out


def _subtree_actors(state, tok):
    found = []
    for t in tok.subtree:
        a = actor_of(state, t)
        if a and a not in found:
            found.append(a)
    return found


def run(state):
    lex = triggers()
    doc = state.doc
    events = []
    for tok in doc:
        row = lex.get((tok.lemma_.lower(), tok.pos_)) or lex.get((tok.text.lower(), tok.pos_))
        if row is None:
            continue
        sent = tok.sent
        actors, recipients = [], []
        for child in tok.children:
            if child.dep_ in ("nsubj", "agent"):
                actors += _subtree_actors(state, child)
            elif child.dep_ in ("dobj", "nsubjpass", "dative"):
                recipients += _subtree_actors(state, child)
            elif child.dep_ == "prep":
                recipients += _subtree_actors(state, child)
        et = row.get("acled_event_type")
        events.append(Event(
            id=f"e{len(events) + 1}",
            trigger=Span(tok.text, tok.idx, tok.idx + len(tok.text)),
            sentence=Span(sent.text, sent.start_char, sent.end_char),
            acled=AcledType(disorder_type=DISORDER.get(et), event_type=et,
                            sub_event_type=row.get("acled_sub_event_type")),
            plover=PloverType(type=row["plover_type"], mode=row.get("plover_mode")),
            cameo=row.get("cameo"), actors=actors, recipients=recipients,
            reason=f"trigger '{tok.lemma_}' ({tok.pos_}) in event_triggers.tsv",
        ))
    state.result.events = events
    return state
