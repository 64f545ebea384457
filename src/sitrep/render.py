"""Readable text renderings of results (the CLI's table format)."""
from __future__ import annotations

from .records import Event, Result


def _names(actors) -> str:
    return ", ".join(dict.fromkeys(a.country or a.name for a in actors)) or "-"


def _row(e: Event) -> list[str]:
    toll = "-"
    if e.fatalities:
        q = {"at_least": ">=", "at_most": "<=", "about": "~"}.get(e.fatalities.qualifier, "")
        toll = f"{q}{e.fatalities.count}"
    kind = e.acled.sub_event_type or e.plover.type or "-"
    where = e.location.name or e.location.country or "-"
    return [e.id, e.date.start or "-", kind, e.plover.type or "-", _names(e.actors), _names(e.recipients),
            where, toll, e.status, e.trigger.text]


def events_table(result: Result) -> str:
    head = ["id", "date", "type", "plover", "actors", "recipients", "where", "dead", "status", "trigger"]
    rows = [head] + [_row(e) for e in result.events]
    widths = [min(28, max(len(r[i]) for r in rows)) for i in range(len(head))]
    lines = [f"{result.document.id}  published {result.document.published or '?'}  "
             f"{len(result.events)} events, {len(result.actors)} actors, {len(result.claims)} claims, "
             f"{len(result.relations)} relations"]
    for r in rows:
        lines.append("  ".join(c[:w].ljust(w) for c, w in zip(r, widths)).rstrip())
    return "\n".join(lines)
