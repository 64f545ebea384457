"""What every dataset scorer shares: the metric declarations, the choice of a result's
main event, and the data files a scorer reads (checksummed by the gate)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..records import NOT_TODAY, Event, Result


@dataclass(frozen=True)
class MetricSpec:
    """A metric a scorer reports: its name, the issue's target (None: no target) and a
    one-line description for docs/eval.md and the table."""
    name: str
    target: Optional[float]
    about: str


POLITICAL_VIOLENCE = ("Battles", "Violence against civilians", "Explosions/Remote violence")
PLOVER_INTENTS = ("AGREE", "THREATEN", "REQUEST")   # promises, threats, demands: acts of the day they are told


def main_event(result: Result, *, ontology: str = "acled") -> Optional[Event]:
    """The event a one-event text (an ACLED note, a CASE snippet, a PLOVER GSR sentence)
    is about, or None.

    Candidates are the events typed in ``ontology`` ("acled": an ACLED event_type;
    "plover": a PLOVER type) whose status is not historical, future or hypothetical; if
    none is left, typed events of any status are candidates. PLOVER codes an intent as an
    event of its own, made when it is reported: a future or hypothetical event typed AGREE,
    THREATEN or REQUEST ("will withdraw", "must hand over") is a PLOVER candidate. The
    main event is the candidate of highest confidence; ties go to the one that comes first
    in the text. In ACLED, political violence outranks a strategic development: an arrest,
    a seizure or a patrol yields to a battle, an attack or a blast of the same text that has
    a toll (the codebook's precedence of political violence; the note is about its deadly
    event).
    """
    def typed(e: Event) -> bool:
        return bool(e.acled.event_type) if ontology == "acled" else bool(e.plover.type)

    def rank(e: Event):
        return -(e.confidence or 0.0), e.trigger.start if e.trigger else 0

    def today(e: Event) -> bool:
        return e.status not in NOT_TODAY or (ontology == "plover" and e.status != "historical"
                                             and e.plover.type in PLOVER_INTENTS)

    typed_events = [e for e in result.events if typed(e)]
    candidates = [e for e in typed_events if today(e)] or typed_events
    if not candidates:
        return None
    best = min(candidates, key=rank)
    if ontology == "acled" and best.acled.event_type == "Strategic developments":
        deadly = [e for e in candidates if e.acled.event_type in POLITICAL_VIOLENCE and e.fatalities is not None
                  and e.fatalities.count > 0]
        best = min(deadly, key=rank) if deadly else best
    return best


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
