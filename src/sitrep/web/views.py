"""What each page shows, as plain dicts built from the store.

The HTML pages render these dicts with Jinja templates and their JSON twins return them
as they are, so the two can never disagree.
"""
from __future__ import annotations

from typing import Any, Optional
from urllib.parse import quote

from . import highlight

MAP_LIMIT = 5000      # most recent matching events drawn on the map
NETWORK_NODES = 150   # busiest actors kept in the network view


def evidence_url(event: dict) -> Optional[str]:
    """The document view, scrolled to the first mention of a fused event."""
    for m in event.get("mentions") or []:
        if m.get("document_id") is not None:
            return f"/documents/{quote(str(m['document_id']), safe='')}#ev-{quote(str(m.get('event_id')), safe='')}"
    return None


def names(actors: Optional[list]) -> list[str]:
    return [str(a.get("name")) for a in actors or [] if a]


def overview(store) -> dict:
    return {"stats": store.stats(), "recent": store.events(limit=10),
            "documents": store.documents(limit=10)}


def events(store, filters: dict, paging: dict) -> dict:
    rows = store.events(**filters, **paging)
    return {"events": rows, "total": store.count_events(**filters), "filters": filters, **paging}


def point(ev: dict) -> Optional[dict]:
    loc = ev.get("location") or {}
    if loc.get("lat") is None or loc.get("lon") is None:
        return None
    acled, fat = ev.get("acled") or {}, ev.get("fatalities") or {}
    return {"id": ev.get("id"), "lat": loc["lat"], "lon": loc["lon"], "place": loc.get("name"),
            "type": acled.get("event_type"), "sub_type": acled.get("sub_event_type"),
            "date": (ev.get("date") or {}).get("start"), "actors": names(ev.get("actors")),
            "recipients": names(ev.get("recipients")), "fatalities": fat.get("count"),
            "status": ev.get("status"), "evidence": evidence_url(ev)}


def map_points(store, filters: dict, limit: int = MAP_LIMIT) -> dict:
    rows = store.events(**filters, sort="date", desc=True, limit=limit)
    points = [p for p in map(point, rows) if p]
    return {"points": points, "total": store.count_events(**filters), "scanned": len(rows),
            "filters": filters}


def timeline(store, filters: dict) -> dict:
    return {"days": store.timeline(**filters), "filters": filters}


def network(store, filters: dict, max_nodes: int = NETWORK_NODES) -> dict:
    """The actor network, trimmed to the actors with the heaviest ties."""
    net = store.network(**filters)
    nodes, edges = net.get("nodes") or [], net.get("edges") or []
    degree: dict[Any, float] = {}
    for e in edges:
        for end in (e.get("source"), e.get("target")):
            degree[end] = degree.get(end, 0) + (e.get("weight") or 1)
    keep = {n["id"] for n in sorted(nodes, key=lambda n: -degree.get(n["id"], 0))[:max_nodes]}
    return {"nodes": [n for n in nodes if n["id"] in keep],
            "edges": [e for e in edges if e.get("source") in keep and e.get("target") in keep],
            "total_nodes": len(nodes), "filters": filters}


def claim_groups(claims: list[dict]) -> list[list[dict]]:
    """Claims that contest each other, side by side: the connected components of
    ``contested_by`` over the page's claims and the store's ``opposing`` claims."""
    by_id: dict[str, dict] = {}
    for c in claims:
        by_id.setdefault(str(c.get("id")), c)
        for o in c.get("opposing") or []:
            by_id.setdefault(str(o.get("id")), o)
    seen: set[str] = set()
    groups = []
    for c in claims:
        if str(c.get("id")) in seen:
            continue
        group, stack = [], [str(c.get("id"))]
        while stack:
            cid = stack.pop()
            if cid in seen or cid not in by_id:
                continue
            seen.add(cid)
            group.append(by_id[cid])
            stack += [str(o) for o in by_id[cid].get("contested_by") or []]
        groups.append(sorted(group, key=lambda x: (str((x.get("speaker") or {}).get("country")), str(x.get("id")))))
    return groups


def claims(store, filters: dict, contested: Optional[bool], limit: int, offset: int) -> dict:
    keep = {k: v for k, v in filters.items() if k in ("country", "actor", "since", "until")}
    rows = store.claims(contested=contested, **keep, limit=limit, offset=offset)
    events: dict[str, Optional[dict]] = {}
    for c in rows + [o for c in rows for o in c.get("opposing") or []]:
        for eid in (c.get("event_ids") or [])[:5]:
            if str(eid) not in events:
                events[str(eid)] = store.event(eid)
        c["events"] = [events[str(e)] for e in (c.get("event_ids") or [])[:5] if events.get(str(e))]
    return {"groups": claim_groups(rows), "claims": rows, "contested": contested,
            "limit": limit, "offset": offset, "filters": keep}


def document(store, doc_id: str) -> Optional[dict]:
    found = store.document(doc_id)
    if found is None:
        return None
    text = (found.get("document") or {}).get("text") or ""
    return {**found, "segments": highlight.segments(text, found.get("result") or {})}


def claim_document(claim: dict) -> Optional[str]:
    doc = claim.get("document_id") or (claim.get("document") or {}).get("id")
    return None if doc is None else f"/documents/{quote(str(doc), safe='')}#claim-{quote(str(claim.get('local_id') or claim.get('id')), safe='')}"
