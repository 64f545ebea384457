"""Stage: dates. Each event gets its own date, resolved against the publication date."""
from __future__ import annotations

from ..records import EventDate


def run(state):
    published = state.result.document.published
    for ev in state.result.events:
        if ev.date.start is None and published:
            ev.date = EventDate(start=published, end=published, precision="day", text=None,
                                reason="no date in the sentence: publication date")
    return state
