"""Contested claims side by side, as text (``sitrep claims --contested``).

``contested_table`` takes claim dicts in the SPEC §2 shape (as stored or from
``Result.to_dict()``) and prints each contested pair once: speaker, stance, verb, the
character span and the claimed text of each side in two columns, then the reason the pair
was flagged.
"""
from __future__ import annotations

import textwrap
from typing import Optional

WIDTH = 44


def _speaker(claim: dict) -> str:
    sp: Optional[dict] = claim.get("speaker")
    if not sp:
        return "(no named source)"
    country = sp.get("country")
    return f"{sp.get('name') or '?'}" + (f" [{country}]" if country else "")


def _column(claim: dict, width: int) -> list[str]:
    span = claim.get("text") or {}
    text = span.get("text", "")
    where = f"  chars {span['start']}-{span['end']}" if "start" in span and "end" in span else ""
    head = [f"{claim.get('id', '?')}  {_speaker(claim)}", f"{claim.get('stance', '?')} ({claim.get('verb', '?')}){where}"]
    quoted = text if any(q in text for q in "“”\"") else f"“{text}”"   # the claim's own quotes suffice
    body = textwrap.wrap(quoted, width) or [""]
    return [line[:width] for line in head] + body


def _why(claim: dict, other_id: str) -> str:
    reason = claim.get("reason") or ""
    marker = f"contested by {other_id}: "
    if marker not in reason:
        return ""
    return reason.split(marker, 1)[1].split("; contested by ", 1)[0]


def contested_pairs(claims: list[dict]) -> list[tuple[dict, dict]]:
    """Each contested pair once, in the order of the first claim."""
    by_id = {c.get("id"): c for c in claims}
    seen, pairs = set(), []
    for c in claims:
        for other in c.get("contested_by") or []:
            key = frozenset((c.get("id"), other))
            if key in seen or other not in by_id:
                continue
            seen.add(key)
            pairs.append((c, by_id[other]))
    return pairs


def contested_table(claims: list[dict], *, width: int = WIDTH) -> str:
    """Contested claims side by side with speakers, stances and the claimed text."""
    pairs = contested_pairs(claims)
    if not pairs:
        return "no contested claims"
    rule = "-" * (2 * width + 3)
    lines = [f"{len(pairs)} contested pair{'s' if len(pairs) != 1 else ''}"]
    for left, right in pairs:
        a, b = _column(left, width), _column(right, width)
        lines.append(rule)
        for i in range(max(len(a), len(b))):
            la = a[i] if i < len(a) else ""
            lb = b[i] if i < len(b) else ""
            lines.append(f"{la.ljust(width)} | {lb}".rstrip())
        why = _why(left, right.get("id"))
        if why:
            lines += textwrap.wrap(f"why: {why}", 2 * width + 3)
    lines.append(rule)
    return "\n".join(lines)
