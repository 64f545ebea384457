"""Read queries over the store. Every user value is a bound parameter; sort keys come from
a whitelist. Store-wide ids are prefixed: E (fused event), A (canonical actor), C (claim),
R (relation); documents keep their own ids.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Optional

from ..errors import Errors, SitrepError
from . import fusion

SORTS = {"date": "f.date_start", "fatalities": "f.fatalities", "mentions": "f.n_mentions",
         "sources": "f.n_sources", "type": "f.event_type", "country": "f.country", "id": "f.id"}


def _num(value, prefix: str) -> Optional[int]:
    s = str(value).strip()
    if s[:1].upper() == prefix:
        s = s[1:]
    return int(s) if s.isdigit() else None


def _canon_ref(conn: sqlite3.Connection, actor_id: int, local: Optional[dict] = None) -> dict:
    r = conn.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
    ref = {"id": f"A{r['id']}", "name": r["name"], "kind": r["kind"], "country": r["country"], "sector": r["sector"],
           "title": r["title"], "acled_name": r["acled_name"], "acled_inter": r["acled_inter"],
           "members": json.loads(r["members"] or "[]")}
    if local:
        ref["name"] = local.get("name") or ref["name"]
        ref["local_id"] = local.get("id")
    return ref


# ---- fused records (used by the writer) ------------------------------------------------
def _canonicalise(actors: list, doc_id: str, canon: dict) -> list:
    out = []
    for a in actors or []:
        aid = canon.get((doc_id, a.get("id")))
        out.append(dict(a, id=f"A{aid}" if aid is not None else a.get("id"), local_id=a.get("id")))
    return out


def build_fused(fused_id: int, rows: list, canon: dict, claim_ids: list[int]) -> dict:
    """The Fused record (SPEC §2) from a fused event's mention rows (id, document_id,
    local_id, data, seq), in document order."""
    mentions = [(r["document_id"], r["local_id"], json.loads(r["data"]), r["seq"]) for r in rows]
    rep_doc, _, rep, _ = min(mentions, key=lambda m: fusion.representative_order(m[2], m[3]))
    record = dict(rep)
    record["id"] = f"E{fused_id}"
    record["document_id"] = rep_doc
    record["actors"] = _canonicalise(rep.get("actors"), rep_doc, canon)
    record["recipients"] = _canonicalise(rep.get("recipients"), rep_doc, canon)
    parties, reported, seen_p, seen_r = [], [], set(), set()
    for doc_id, _, ev, _ in mentions:
        for a in _canonicalise((ev.get("actors") or []) + (ev.get("recipients") or []), doc_id, canon):
            if a["id"] not in seen_p:
                seen_p.add(a["id"])
                parties.append(a)
        for a in _canonicalise(ev.get("reported_by"), doc_id, canon):
            if a["id"] not in seen_r:
                seen_r.add(a["id"])
                reported.append(a)
    record["parties"] = parties
    record["reported_by"] = reported
    located = [m for m in mentions if (m[2].get("location") or {}).get("precision") is not None
               or (m[2].get("location") or {}).get("name")]
    if located:
        record["location"] = min(located, key=lambda m: ((m[2]["location"].get("precision") or 9), m[3]))[2]["location"]
    record["fatalities"] = fusion.fuse_fatalities(
        {"document_id": doc_id, "count": ev["fatalities"].get("count"), "qualifier": ev["fatalities"].get("qualifier"),
         "of": _canonicalise(ev["fatalities"].get("of"), doc_id, canon), "text": ev["fatalities"].get("text")}
        for doc_id, _, ev, _ in mentions if ev.get("fatalities"))
    record["status"] = fusion.fused_status([ev.get("status") or "asserted" for _, _, ev, _ in mentions])
    record["claim_ids"] = [f"C{c}" for c in claim_ids]
    record["confidence"] = max((ev.get("confidence") or 0) for _, _, ev, _ in mentions)
    record["mentions"] = [{"document_id": d, "event_id": e} for d, e, _, _ in mentions]
    record["sources"] = list(dict.fromkeys(d for d, _, _, _ in mentions))
    return record


def roles(rows: list, canon: dict):
    for r in rows:
        ev = json.loads(r["data"])
        for role, key in (("actor", "actors"), ("recipient", "recipients"), ("reported_by", "reported_by")):
            for a in ev.get(key) or []:
                aid = canon.get((r["document_id"], a.get("id")))
                if aid is not None:
                    yield role, aid


# ---- events ----------------------------------------------------------------------------
def _actor_match(actor) -> tuple[str, list]:
    num = _num(actor, "A")
    like = f"%{str(actor).lower()}%"
    return ("SELECT id FROM actors WHERE id = ? OR lower(name) LIKE ? OR lower(COALESCE(acled_name, '')) LIKE ? "
            "OR country = ?", [num if num is not None else -1, like, like, str(actor).upper()])


def _event_where(*, country=None, actor=None, type=None, status=None, since=None, until=None, contested=None,
                 q=None, document=None, **_ignored) -> tuple[str, list]:
    where, params = [], []
    # the date range repeated inside the actor subqueries lets them read only events in range
    dates, dparams = "", []
    if since:
        dates += " AND ea.date_start >= ?"
        dparams.append(str(since))
    if until:
        dates += " AND ea.date_start <= ?"
        dparams.append(str(until) + "\uffff")
    if country:
        where.append("(f.country = ? OR f.id IN (SELECT ea.fused_id FROM event_actors ea JOIN actors a "
                     f"ON a.id = ea.actor_id WHERE a.country = ? AND ea.role != 'reported_by'{dates}))")
        params += [str(country).upper()] * 2 + dparams
    if actor:
        sub, p = _actor_match(actor)
        where.append(f"f.id IN (SELECT ea.fused_id FROM event_actors ea WHERE ea.role != 'reported_by'{dates} "
                     f"AND ea.actor_id IN ({sub}))")
        params += dparams + p
    if type:
        where.append("(lower(f.event_type) = ? OR lower(f.sub_event_type) = ? OR lower(f.plover_type) = ? "
                     "OR lower(f.disorder_type) = ?)")
        params += [str(type).lower()] * 4
    if status:
        where.append("f.status = ?")
        params.append(status)
    if since:
        where.append("f.date_start >= ?")
        params.append(str(since))
    if until:
        where.append("f.date_start <= ?")  # a prefix: '2022-09' covers every day of the month
        params.append(str(until) + "\uffff")
    if contested is not None:
        where.append("f.contested = ?")
        params.append(1 if contested else 0)
    if q:
        where.append("f.search LIKE ?")
        params.append(f"%{str(q).lower()}%")
    if document:
        where.append("f.id IN (SELECT fused_id FROM event_mentions WHERE document_id = ?)")
        params.append(str(document))
    return (" WHERE " + " AND ".join(where)) if where else "", params


def events(conn, *, sort="date", desc=True, limit=50, offset=0, **filters) -> list[dict]:
    if sort not in SORTS:
        raise SitrepError(Errors.E203, key=sort, choices=", ".join(SORTS))
    where, params = _event_where(**filters)
    order = f"{SORTS[sort]} {'DESC' if desc else 'ASC'} NULLS LAST, f.id {'DESC' if desc else 'ASC'}"
    rows = conn.execute(f"SELECT f.data FROM fused_events f{where} ORDER BY {order} LIMIT ? OFFSET ?",
                        params + [int(limit) if limit is not None else -1, int(offset or 0)])
    return [json.loads(r[0]) for r in rows]


def count_events(conn, **filters) -> int:
    where, params = _event_where(**filters)
    return conn.execute(f"SELECT COUNT(*) FROM fused_events f{where}", params).fetchone()[0]


def event(conn, id) -> Optional[dict]:
    num = _num(id, "E")
    row = conn.execute("SELECT data FROM fused_events WHERE id = ?", (num,)).fetchone() if num is not None else None
    return json.loads(row[0]) if row else None


def mentions(conn, id) -> list[dict]:
    """The mention-level Event records behind a fused event, each with its document_id."""
    num = _num(id, "E")
    rows = conn.execute("SELECT document_id, data FROM event_mentions WHERE fused_id = ? ORDER BY id", (num,))
    return [dict(json.loads(r[1]), document_id=r[0]) for r in rows]


# ---- claims ----------------------------------------------------------------------------
def _claim(conn, r) -> dict:
    d = json.loads(r["data"])
    d["local_id"] = d["id"]
    d["id"] = f"C{r['id']}"
    d["document_id"] = r["document_id"]
    d["date"] = r["date"]
    if r["speaker_id"] is not None:
        d["speaker"] = _canon_ref(conn, r["speaker_id"], d.get("speaker"))
    d["event_ids"] = [f"E{x[0]}" for x in conn.execute(
        "SELECT DISTINCT fused_id FROM claim_events WHERE claim_id = ? ORDER BY fused_id", (r["id"],))]
    d["contested_by"] = [f"C{x[0]}" for x in conn.execute(
        "SELECT other_id FROM claim_contests WHERE claim_id = ? ORDER BY other_id", (r["id"],))]
    d["contested"] = bool(r["contested"])
    return d


def claims(conn, *, contested=None, country=None, actor=None, since=None, until=None, limit=50, offset=0,
           **_ignored) -> list[dict]:
    where, params = [], []
    if contested is not None:
        where.append("c.contested = ?")
        params.append(1 if contested else 0)
    if country:
        where.append("(c.speaker_id IN (SELECT id FROM actors WHERE country = ?) OR c.id IN (SELECT ce.claim_id "
                     "FROM claim_events ce JOIN fused_events f ON f.id = ce.fused_id WHERE f.country = ?))")
        params += [str(country).upper()] * 2
    if actor:
        sub, p = _actor_match(actor)
        where.append(f"c.speaker_id IN ({sub})")
        params += p
    if since:
        where.append("c.date >= ?")
        params.append(str(since))
    if until:
        where.append("c.date <= ?")
        params.append(str(until) + "\uffff")
    sql = "SELECT c.* FROM claims c" + ((" WHERE " + " AND ".join(where)) if where else "")
    rows = conn.execute(sql + " ORDER BY c.date DESC NULLS LAST, c.id LIMIT ? OFFSET ?",
                        params + [int(limit) if limit is not None else -1, int(offset or 0)]).fetchall()
    out = []
    for r in rows:
        d = _claim(conn, r)
        if d["contested_by"]:
            ids = [_num(x, "C") for x in d["contested_by"]]
            marks = ",".join("?" * len(ids))
            d["opposing"] = [_claim(conn, o) for o in conn.execute(
                f"SELECT * FROM claims WHERE id IN ({marks}) ORDER BY id", ids)]
        out.append(d)
    return out


# ---- actors and relations --------------------------------------------------------------
_ACTOR_COUNTS = ("(SELECT COUNT(*) FROM actor_mentions m WHERE m.actor_id = a.id) AS n_mentions, "
                 "(SELECT COUNT(DISTINCT document_id) FROM document_actors d WHERE d.actor_id = a.id) AS n_documents, "
                 "(SELECT COUNT(DISTINCT fused_id) FROM event_actors e WHERE e.actor_id = a.id "
                 "AND e.role != 'reported_by') AS n_events")


def _actor_row(r) -> dict:
    return {"id": f"A{r['id']}", "name": r["name"], "kind": r["kind"], "country": r["country"],
            "sector": r["sector"], "title": r["title"], "acled_name": r["acled_name"],
            "acled_inter": r["acled_inter"], "members": json.loads(r["members"] or "[]"), "key": r["key"],
            "n_mentions": r["n_mentions"], "n_documents": r["n_documents"], "n_events": r["n_events"]}


def actors(conn, *, country=None, kind=None, q=None, limit=50, offset=0, **_ignored) -> list[dict]:
    where, params = [], []
    if country:
        where.append("a.country = ?")
        params.append(str(country).upper())
    if kind:
        where.append("a.kind = ?")
        params.append(kind)
    if q:
        where.append("(lower(a.name) LIKE ? OR lower(COALESCE(a.acled_name, '')) LIKE ?)")
        params += [f"%{str(q).lower()}%"] * 2
    sql = f"SELECT a.*, {_ACTOR_COUNTS} FROM actors a" + ((" WHERE " + " AND ".join(where)) if where else "")
    rows = conn.execute(sql + " ORDER BY n_documents DESC, n_events DESC, a.name, a.id LIMIT ? OFFSET ?",
                        params + [int(limit) if limit is not None else -1, int(offset or 0)])
    return [_actor_row(r) for r in rows]


def actor(conn, id) -> Optional[dict]:
    num = _num(id, "A")
    r = conn.execute(f"SELECT a.*, {_ACTOR_COUNTS} FROM actors a WHERE a.id = ?", (num,)).fetchone()
    if r is None:
        return None
    d = _actor_row(r)
    d["mentions"] = [{"document_id": m[0], "text": m[1], "start": m[2], "end": m[3]} for m in conn.execute(
        'SELECT document_id, text, start, "end" FROM actor_mentions WHERE actor_id = ? ORDER BY rowid LIMIT 500',
        (num,))]
    d["names"] = [x[0] for x in conn.execute(
        "SELECT DISTINCT name FROM document_actors WHERE actor_id = ? ORDER BY name LIMIT 50", (num,))]
    for role, key in (("actor", "events_as_actor"), ("recipient", "events_as_recipient")):
        d[key] = [json.loads(x[0]) for x in conn.execute(
            "SELECT f.data FROM fused_events f JOIN event_actors ea ON ea.fused_id = f.id WHERE ea.actor_id = ? "
            "AND ea.role = ? ORDER BY f.date_start DESC NULLS LAST, f.id LIMIT 200", (num, role))]
    d["relations"] = relations(conn, actor=f"A{num}", limit=200)
    return d


def relations(conn, *, type=None, actor=None, country=None, limit=50, offset=0, **_ignored) -> list[dict]:
    where, params = [], []
    if type:
        where.append("r.type = ?")
        params.append(type)
    if actor:
        num = _num(actor, "A")
        if num is not None and str(actor).strip()[:1].upper() == "A":
            where.append("(r.source_id = ? OR r.target_id = ?)")
            params += [num, num]
        else:
            sub, p = _actor_match(actor)
            where.append(f"(r.source_id IN ({sub}) OR r.target_id IN ({sub}))")
            params += p + p
    if country:
        where.append("(r.source_id IN (SELECT id FROM actors WHERE country = ?) OR "
                     "r.target_id IN (SELECT id FROM actors WHERE country = ?))")
        params += [str(country).upper()] * 2
    sql = "SELECT r.* FROM relations r" + ((" WHERE " + " AND ".join(where)) if where else "")
    out = []
    for r in conn.execute(sql + " ORDER BY r.id LIMIT ? OFFSET ?",
                          params + [int(limit) if limit is not None else -1, int(offset or 0)]).fetchall():
        d = json.loads(r["data"])
        d["local_id"] = d["id"]
        d["id"] = f"R{r['id']}"
        d["document_id"] = r["document_id"]
        d["source"] = _canon_ref(conn, r["source_id"], d.get("source"))
        d["target"] = _canon_ref(conn, r["target_id"], d.get("target"))
        out.append(d)
    return out


# ---- documents -------------------------------------------------------------------------
_DOC_FIELDS = ("id", "title", "published", "source", "url", "language", "content_hash")


def documents(conn, *, limit=50, offset=0, **_ignored) -> list[dict]:
    rows = conn.execute("SELECT id, title, published, source, url, language, content_hash, n_events FROM documents "
                        "ORDER BY seq LIMIT ? OFFSET ?", (int(limit) if limit is not None else -1, int(offset or 0)))
    return [dict(r) for r in rows]


def document(conn, id) -> Optional[dict]:
    r = conn.execute("SELECT * FROM documents WHERE id = ?", (str(id),)).fetchone()
    if r is None:
        return None
    doc = {k: r[k] for k in _DOC_FIELDS}
    doc["text"] = r["text"]
    actors_out = []
    for a in conn.execute("SELECT * FROM document_actors WHERE document_id = ? ORDER BY rowid", (doc["id"],)).fetchall():
        ref = _canon_ref(conn, a["actor_id"])
        ref.update(canonical_id=ref["id"], id=a["local_id"], name=a["name"], reason=a["reason"])
        ref["mentions"] = [{"text": m[0], "start": m[1], "end": m[2]} for m in conn.execute(
            'SELECT text, start, "end" FROM actor_mentions WHERE document_id = ? AND local_id = ? ORDER BY start',
            (doc["id"], a["local_id"]))]
        actors_out.append(ref)
    events_out = [dict(json.loads(m[0]), fused_id=f"E{m[1]}") for m in conn.execute(
        "SELECT data, fused_id FROM event_mentions WHERE document_id = ? ORDER BY id", (doc["id"],))]
    claims_out = [dict(json.loads(c[0]), store_id=f"C{c[1]}") for c in conn.execute(
        "SELECT data, id FROM claims WHERE document_id = ? ORDER BY id", (doc["id"],))]
    rels_out = [dict(json.loads(x[0]), store_id=f"R{x[1]}") for x in conn.execute(
        "SELECT data, id FROM relations WHERE document_id = ? ORDER BY id", (doc["id"],))]
    meta = {k: v for k, v in doc.items() if k not in ("text", "content_hash")}
    return {"document": doc, "result": {"document": meta, "actors": actors_out, "events": events_out,
                                        "claims": claims_out, "relations": rels_out}}


# ---- aggregates ------------------------------------------------------------------------
def timeline(conn, **filters) -> list[dict]:
    where, params = _event_where(**filters)
    rows = conn.execute(
        f"SELECT substr(f.date_start, 1, 10) AS date, f.event_type, COUNT(*) AS count, "
        f"COALESCE(SUM(f.fatalities), 0) AS fatalities FROM fused_events f{where} "
        f"GROUP BY date, f.event_type HAVING date IS NOT NULL ORDER BY date, f.event_type", params)
    return [dict(r) for r in rows]


def network(conn, *, limit=2000, **filters) -> dict:
    where, params = _event_where(**filters)
    edges: dict[tuple, dict] = {}
    nodes: set[int] = set()
    rows = conn.execute(
        f"SELECT f.id, f.event_type FROM fused_events f{where} ORDER BY f.id LIMIT ?", params + [int(limit)]).fetchall()
    for fid, etype in rows:
        roles_ = conn.execute("SELECT actor_id, role FROM event_actors WHERE fused_id = ?", (fid,)).fetchall()
        sources = sorted({a for a, role in roles_ if role == "actor"})
        targets = sorted({a for a, role in roles_ if role == "recipient"})
        for s in sources:
            for t in targets:
                if s != t:
                    e = edges.setdefault((s, t, etype or "event", "event"), {"weight": 0})
                    e["weight"] += 1
                    nodes.update((s, t))
    rel_filters = {k: filters[k] for k in ("actor", "country") if filters.get(k)}
    for r in relations(conn, limit=limit, **rel_filters):
        s, t = _num(r["source"]["id"], "A"), _num(r["target"]["id"], "A")
        e = edges.setdefault((s, t, r["type"], "relation"), {"weight": 0})
        e["weight"] += 1
        nodes.update((s, t))
    node_list = []
    for nid in sorted(nodes):
        a = conn.execute("SELECT id, name, kind, country FROM actors WHERE id = ?", (nid,)).fetchone()
        node_list.append({"id": f"A{a['id']}", "name": a["name"], "kind": a["kind"], "country": a["country"]})
    return {"nodes": node_list,
            "edges": [{"source": f"A{s}", "target": f"A{t}", "type": typ, "weight": v["weight"], "kind": kind}
                      for (s, t, typ, kind), v in sorted(edges.items(), key=lambda kv: kv[0][:2] + (kv[0][2], kv[0][3]))]}


def stats(conn) -> dict:
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731 - constant SQL only
    return {
        "documents": one("SELECT COUNT(*) FROM documents"),
        "events": one("SELECT COUNT(*) FROM fused_events"),
        "event_mentions": one("SELECT COUNT(*) FROM event_mentions"),
        "multi_source_events": one("SELECT COUNT(*) FROM fused_events WHERE n_sources > 1"),
        "actors": one("SELECT COUNT(*) FROM actors"),
        "claims": one("SELECT COUNT(*) FROM claims"),
        "contested_claims": one("SELECT COUNT(*) FROM claims WHERE contested = 1"),
        "relations": one("SELECT COUNT(*) FROM relations"),
        "fatalities": one("SELECT COALESCE(SUM(fatalities), 0) FROM fused_events"),
        "first_date": one("SELECT MIN(date_start) FROM fused_events"),
        "last_date": one("SELECT MAX(date_start) FROM fused_events"),
        "event_types": {r[0]: r[1] for r in conn.execute(
            "SELECT COALESCE(event_type, plover_type, 'unknown'), COUNT(*) FROM fused_events GROUP BY 1 ORDER BY 2 DESC")},
        "countries": {r[0]: r[1] for r in conn.execute(
            "SELECT country, COUNT(*) FROM fused_events WHERE country IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 50")},
        "migrations": [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY rowid")],
    }
