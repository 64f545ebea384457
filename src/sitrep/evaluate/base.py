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


def main_event(result: Result, *, ontology: str = "acled") -> Optional[Event]:
    """The event a one-event text (an ACLED note, a CASE snippet, a PLOVER GSR sentence)
    is about, or None.

    Candidates are the events typed in ``ontology`` ("acled": an ACLED event_type;
    "plover": a PLOVER type) whose status is not historical, future or hypothetical; if
    none is left, typed events of any status are candidates. The main event is the
    candidate of highest confidence; ties go to the one that comes first in the text.
    """
    def typed(e: Event) -> bool:
        return bool(e.acled.event_type) if ontology == "acled" else bool(e.plover.type)

    typed_events = [e for e in result.events if typed(e)]
    candidates = [e for e in typed_events if e.status not in NOT_TODAY] or typed_events
    if not candidates:
        return None
    return min(candidates, key=lambda e: (-(e.confidence or 0.0), e.trigger.start if e.trigger else 0))


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
