"""The Store: an embedded SQLite file holding documents, canonical actors, event mentions
fused into events, claims and relations (schema in docs/store.md).

Writes are idempotent by the document's content hash and atomic per batch; the file is in
WAL mode so readers query while an ingest writes. Every SQL statement is parameterised.
"""
from __future__ import annotations

import json
import os
import sqlite3
import sys
import threading
from pathlib import Path
from typing import Iterable, Optional, Union

from ..errors import Errors, SitrepError
from ..records import Result
from . import fusion, queries
from .schema import migrate

ENV_VAR = "SITREP_DB"


def _data_dir() -> Path:
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "sitrep"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "sitrep"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "sitrep"


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)


def _content_hash(result: Result) -> str:
    from ..stages.ingest import content_hash

    return result.document.content_hash or content_hash(result.document.text)


class Store:
    """Open (creating and migrating if needed) a sitrep store."""

    def __init__(self, path: Union[str, Path, None] = None):
        self.path = Path(path) if path is not None else self.default_path()
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False, timeout=60)
            self.conn.execute("PRAGMA busy_timeout = 60000")
            if str(self.path) != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.migrations = migrate(self.conn, str(self.path))
        except sqlite3.DatabaseError as err:
            raise SitrepError(Errors.E201, path=self.path, detail=str(err)) from None
        self.conn.row_factory = sqlite3.Row
        self._lock = threading.RLock()

    @staticmethod
    def default_path() -> Path:
        """$SITREP_DB, else sitrep.db in the user's data directory."""
        env = os.environ.get(ENV_VAR)
        return Path(env).expanduser() if env else _data_dir() / "sitrep.db"

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- writing ---------------------------------------------------------------------
    def has(self, content_hash: str) -> bool:
        return self.document_id(content_hash) is not None

    def document_id(self, content_hash: str) -> Optional[str]:
        """The id a text (by content hash) is stored under, or None."""
        with self._lock:
            row = self.conn.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        return None if row is None else row[0]

    def add(self, result: Result) -> bool:
        """Store one coded document; False if a document with its content hash is there
        already (or it was dropped by the coder)."""
        return self.add_many([result], batch_size=1) == 1

    def add_many(self, results: Iterable[Result], *, batch_size: int = 500) -> int:
        """Store coded documents in atomic batches; return how many were new."""
        added, batch = 0, []
        for result in results:
            batch.append(result)
            if len(batch) >= batch_size:
                added += self._write_batch(batch)
                batch = []
        if batch:
            added += self._write_batch(batch)
        return added

    def _write_batch(self, batch: list[Result]) -> int:
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                added = sum(self._insert(r) for r in batch)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        return added

    def _insert(self, result: Result) -> bool:
        doc = result.document
        if doc.dropped is not None or not doc.text:
            return False
        digest = _content_hash(result)
        if self.has(digest):
            return False
        c = self.conn
        doc_id = str(doc.id)
        if c.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
            doc_id = f"{doc_id}~{digest[:8]}"
        seq = c.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents").fetchone()[0]
        c.execute("INSERT INTO documents (id, content_hash, title, published, source, url, language, text, "
                  "n_events, seq) VALUES (?,?,?,?,?,?,?,?,?,?)",
                  (doc_id, digest, doc.title, doc.published, doc.source, doc.url, doc.language, doc.text,
                   len(result.events), seq))
        canon = self._insert_actors(doc_id, result)
        mention_ids, touched = self._insert_events(doc_id, result, canon)
        self._insert_claims(doc_id, result, canon, mention_ids)
        self._insert_relations(doc_id, result, canon)
        for fused_id in sorted(touched):
            self._refresh_fused(fused_id)
        return True

    def _canonical(self, actor: dict) -> int:
        key = fusion.actor_key(actor)
        row = self.conn.execute("SELECT id FROM actors WHERE key = ?", (key,)).fetchone()
        if row:
            self.conn.execute(
                "UPDATE actors SET sector = COALESCE(sector, ?), title = COALESCE(title, ?), "
                "acled_name = COALESCE(acled_name, ?), acled_inter = COALESCE(acled_inter, ?) WHERE id = ?",
                (actor.get("sector"), actor.get("title"), actor.get("acled_name"), actor.get("acled_inter"), row[0]))
            return row[0]
        cur = self.conn.execute(
            "INSERT INTO actors (key, name, kind, country, sector, title, acled_name, acled_inter, members) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            (key, actor.get("name") or "", actor.get("kind") or "unknown", actor.get("country"),
             actor.get("sector"), actor.get("title"), actor.get("acled_name"), actor.get("acled_inter"),
             _dumps(actor.get("members") or [])))
        return cur.lastrowid

    def _insert_actors(self, doc_id: str, result: Result) -> dict[str, int]:
        """Canonical ids for every actor the document names, by local id."""
        canon: dict[str, int] = {}
        for actor in result.actors:
            d = actor.to_dict()
            aid = canon[actor.id] = self._canonical(d)
            self.conn.execute("INSERT OR IGNORE INTO document_actors (document_id, local_id, actor_id, name, reason) "
                              "VALUES (?,?,?,?,?)", (doc_id, actor.id, aid, actor.name, actor.reason))
            self.conn.executemany(
                'INSERT INTO actor_mentions (document_id, local_id, actor_id, text, start, "end") VALUES (?,?,?,?,?,?)',
                [(doc_id, actor.id, aid, m.text, m.start, m.end) for m in actor.mentions])
        embedded = [a for e in result.events for a in e.actors + e.recipients + e.reported_by]
        embedded += [c.speaker for c in result.claims if c.speaker is not None]
        embedded += [a for r in result.relations for a in (r.source, r.target)]
        embedded += [a for e in result.events if e.fatalities for a in e.fatalities.of]
        for actor in embedded:
            if actor.id not in canon:
                canon[actor.id] = self._canonical(actor.ref())
                self.conn.execute("INSERT OR IGNORE INTO document_actors (document_id, local_id, actor_id, name, "
                                  "reason) VALUES (?,?,?,?,?)", (doc_id, actor.id, canon[actor.id], actor.name,
                                                                 actor.reason))
        return canon

    def _countries(self, ids: Iterable[int]) -> dict[int, Optional[str]]:
        ids = sorted(set(ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {r[0]: r[1] for r in self.conn.execute(f"SELECT id, country FROM actors WHERE id IN ({marks})", ids)}

    def _insert_events(self, doc_id: str, result: Result, canon: dict[str, int]):
        countries = self._countries(canon.values())
        mention_ids: dict[str, int] = {}
        touched: set[int] = set()
        for event in result.events:
            e = event.to_dict()
            key = fusion.key_from_event(doc_id, e, canon, countries)
            fused_id = self._fuse_target(key)
            if fused_id is None:
                fused_id = self.conn.execute("INSERT INTO fused_events (data) VALUES ('{}')").lastrowid
            loc = e["location"] or {}
            fat = e.get("fatalities") or {}
            cur = self.conn.execute(
                "INSERT INTO event_mentions (document_id, local_id, fused_id, date_start, date_end, date_precision, "
                "country, admin1, location, lat, lon, geo_precision, geonameid, event_type, sub_event_type, "
                "plover_type, status, fatalities, fatalities_qualifier, trigger_start, trigger_end, sentence_start, "
                "sentence_end, parties, initiators, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc_id, event.id, fused_id, (key.date_start or "")[:10] or None, (key.date_end or "")[:10] or None,
                 key.date_precision, key.country,
                 key.admin1, key.location, key.lat, key.lon, key.geo_precision, key.geonameid, key.event_type,
                 key.sub_event_type, key.plover_type, key.status, fat.get("count"), fat.get("qualifier"),
                 event.trigger.start, event.trigger.end, event.sentence.start, event.sentence.end,
                 "|".join(str(p) for p in sorted(key.parties)), "|".join(str(p) for p in sorted(key.initiators)),
                 _dumps(e)))
            mention_ids[event.id] = cur.lastrowid
            touched.add(fused_id)
        return mention_ids, touched

    def _fuse_target(self, key: fusion.MentionKey) -> Optional[int]:
        if not key.fusable:
            return None
        lo, hi = key.date_start[:10], (key.date_end or key.date_start)[:10]
        # narrow in SQL: same type, overlapping dates, no country conflict, and either a
        # shared party (actor or country) or, for mentions without parties, a close place
        tokens = sorted(t for t in key.party_tokens if not t.startswith("actor:"))
        ids = sorted(key.parties)
        share = ("EXISTS (SELECT 1 FROM event_actors ea JOIN actors a ON a.id = ea.actor_id WHERE ea.fused_id = "
                 f"c.fused_id AND ea.role != 'reported_by' AND (a.country IN ({','.join('?' * len(tokens))}) OR "
                 f"a.id IN ({','.join('?' * len(ids))})))") if ids else "0"
        near = "(c.geo_precision <= 3 AND (c.parties = '' OR ? = ''))" if (key.geo_precision or 9) <= 3 else "0"
        earliest = fusion.earliest_start(lo)  # fusable spans are at most a month: bounds the index range
        params = [hi, earliest, lo, key.event_type, key.plover_type, key.country, key.country] + tokens + ids
        if near != "0":
            params.append("|".join(map(str, ids)))
        rows = self.conn.execute(
            "SELECT m.fused_id, m.document_id, m.date_start, m.date_end, m.date_precision, m.country, m.admin1, "
            "m.location, m.lat, m.lon, m.geo_precision, m.geonameid, m.event_type, m.sub_event_type, m.plover_type, "
            "m.status, m.parties, m.initiators, m.fatalities FROM event_mentions m WHERE m.fused_id IN (SELECT c.fused_id FROM event_mentions c "
            "WHERE c.date_start <= ? AND c.date_start >= ? AND c.date_end >= ? AND (c.event_type = ? OR c.plover_type = ?) "
            "AND c.status IN ('asserted', 'claimed', 'denied') AND (c.country IS NULL OR ? IS NULL OR c.country = ?) "
            f"AND ({share} OR {near})) ORDER BY m.fused_id, m.id", params).fetchall()
        if not rows:
            return None
        parties = {int(p) for r in rows if r["parties"] for p in r["parties"].split("|")}
        countries = self._countries(parties)
        candidates: dict[int, list[fusion.MentionKey]] = {}
        for r in rows:
            ids = frozenset(int(p) for p in r["parties"].split("|")) if r["parties"] else frozenset()
            candidates.setdefault(r["fused_id"], []).append(fusion.MentionKey(
                document_id=r["document_id"], date_start=r["date_start"], date_end=r["date_end"],
                date_precision=r["date_precision"], country=r["country"], admin1=r["admin1"], location=r["location"],
                lat=r["lat"], lon=r["lon"], geo_precision=r["geo_precision"], geonameid=r["geonameid"],
                event_type=r["event_type"], sub_event_type=r["sub_event_type"], plover_type=r["plover_type"],
                status=r["status"], parties=ids, party_tokens=frozenset(countries.get(p) or f"actor:{p}" for p in ids),
                deadly=bool(r["fatalities"]),
                initiators=frozenset(int(p) for p in r["initiators"].split("|")) if r["initiators"] else frozenset()))
        return fusion.choose(key, candidates)

    def _insert_claims(self, doc_id: str, result: Result, canon: dict[str, int], mention_ids: dict[str, int]):
        claim_ids: dict[str, int] = {}
        for claim in result.claims:
            d = claim.to_dict()
            cur = self.conn.execute(
                'INSERT INTO claims (document_id, local_id, speaker_id, verb, stance, text, start, "end", date, data) '
                "VALUES (?,?,?,?,?,?,?,?,?,?)",
                (doc_id, claim.id, canon.get(claim.speaker.id) if claim.speaker else None, claim.verb, claim.stance,
                 claim.text.text, claim.text.start, claim.text.end, result.document.published, _dumps(d)))
            claim_ids[claim.id] = cur.lastrowid
            for eid in claim.event_ids:
                if eid in mention_ids:
                    fused = self.conn.execute("SELECT fused_id FROM event_mentions WHERE id = ?",
                                              (mention_ids[eid],)).fetchone()[0]
                    self.conn.execute("INSERT OR IGNORE INTO claim_events (claim_id, mention_id, fused_id) "
                                      "VALUES (?,?,?)", (cur.lastrowid, mention_ids[eid], fused))
        for claim in result.claims:
            for other in claim.contested_by:
                if other in claim_ids:
                    self._contest(claim_ids[claim.id], claim_ids[other])

    def _contest(self, a: int, b: int) -> None:
        if a == b:
            return
        self.conn.executemany("INSERT OR IGNORE INTO claim_contests (claim_id, other_id) VALUES (?,?)", [(a, b), (b, a)])
        self.conn.execute("UPDATE claims SET contested = 1 WHERE id IN (?, ?)", (a, b))

    def _insert_relations(self, doc_id: str, result: Result, canon: dict[str, int]):
        for rel in result.relations:
            self.conn.execute(
                'INSERT INTO relations (document_id, local_id, type, source_id, target_id, since, until, text, start, '
                '"end", data) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
                (doc_id, rel.id, rel.type, canon[rel.source.id], canon[rel.target.id], rel.since, rel.until,
                 rel.text.text, rel.text.start, rel.text.end, _dumps(rel.to_dict())))

    def _refresh_fused(self, fused_id: int) -> None:
        """Rebuild a fused event's record and index columns from all its mentions."""
        rows = self.conn.execute(
            "SELECT m.id, m.document_id, m.local_id, m.data, d.seq FROM event_mentions m "
            "JOIN documents d ON d.id = m.document_id WHERE m.fused_id = ? ORDER BY d.seq, m.id",
            (fused_id,)).fetchall()
        canon = {}
        for r in self.conn.execute("SELECT document_id, local_id, actor_id FROM document_actors WHERE document_id IN "
                                   "(SELECT document_id FROM event_mentions WHERE fused_id = ?)", (fused_id,)):
            canon[(r[0], r[1])] = r[2]
        claims = self.conn.execute(
            "SELECT ce.claim_id, c.contested FROM claim_events ce JOIN claims c ON c.id = ce.claim_id "
            "WHERE ce.fused_id = ? ORDER BY ce.claim_id", (fused_id,)).fetchall()
        record = queries.build_fused(fused_id, rows, canon, [c[0] for c in claims])
        self._contest_across(fused_id)
        contested = self.conn.execute(
            "SELECT COUNT(*) FROM claim_events ce JOIN claims c ON c.id = ce.claim_id WHERE ce.fused_id = ? "
            "AND c.contested = 1", (fused_id,)).fetchone()[0] > 0
        record["contested"] = contested
        loc, date, acled = record["location"] or {}, record["date"] or {}, record["acled"] or {}
        fat = record.get("fatalities") or {}
        search = " ".join([" ".join(a["name"] for a in record["actors"] + record["recipients"]),
                           loc.get("name") or "", " ".join(json.loads(r["data"])["sentence"]["text"] for r in rows)])
        self.conn.execute(
            "UPDATE fused_events SET date_start=?, date_end=?, date_precision=?, country=?, admin1=?, location=?, "
            "lat=?, lon=?, geo_precision=?, disorder_type=?, event_type=?, sub_event_type=?, plover_type=?, cameo=?, "
            "status=?, fatalities=?, fatalities_low=?, fatalities_high=?, n_mentions=?, n_sources=?, contested=?, "
            "search=?, data=? WHERE id=?",
            (date.get("start"), date.get("end"), date.get("precision"), loc.get("country"), loc.get("admin1"),
             loc.get("name"), loc.get("lat"), loc.get("lon"), loc.get("precision"), acled.get("disorder_type"),
             acled.get("event_type"), acled.get("sub_event_type"), (record["plover"] or {}).get("type"),
             record.get("cameo"), record["status"], fat.get("count"), (fat.get("range") or [None, None])[0],
             (fat.get("range") or [None, None])[1], len(record["mentions"]), len(record["sources"]), int(contested),
             search.lower(), _dumps(record), fused_id))
        self.conn.execute("DELETE FROM event_actors WHERE fused_id = ?", (fused_id,))
        self.conn.executemany("INSERT OR IGNORE INTO event_actors (fused_id, actor_id, role, date_start) "
                              "VALUES (?,?,?,?)", [(fused_id, aid, role, date.get("start"))
                                                   for role, aid in queries.roles(rows, canon)])

    def _contest_across(self, fused_id: int) -> None:
        """Claims from different documents about one fused event contest each other when their
        speakers are opposing parties (different countries, each a party of the event) and
        they blame different sides, disagree on whether it happened, or on the toll."""
        rows = self.conn.execute(
            "SELECT c.id, c.document_id, c.stance, a.country, m.data FROM claim_events ce "
            "JOIN claims c ON c.id = ce.claim_id JOIN actors a ON a.id = c.speaker_id "
            "JOIN event_mentions m ON m.id = ce.mention_id WHERE ce.fused_id = ? ORDER BY c.id", (fused_id,)).fetchall()
        facts = []
        for r in rows:
            ev = json.loads(r["data"])
            blamed = frozenset(a.get("country") for a in ev.get("actors") or [] if a.get("country"))
            parties = blamed | {a.get("country") for a in ev.get("recipients") or [] if a.get("country")}
            toll = (ev.get("fatalities") or {}).get("count")
            facts.append((r["id"], r["document_id"], r["stance"], r["country"], blamed, parties, toll))
        for i, a in enumerate(facts):
            for b in facts[i + 1:]:
                if a[1] == b[1] or not a[3] or not b[3] or a[3] == b[3]:
                    continue
                if a[3] not in a[5] | b[5] or b[3] not in a[5] | b[5]:
                    continue
                denial = (a[2] == "deny") != (b[2] == "deny")
                blame = a[4] and b[4] and a[4] != b[4]
                toll = a[6] is not None and b[6] is not None and a[6] != b[6]
                if denial or blame or toll:
                    self._contest(a[0], b[0])

    # ---- reading ---------------------------------------------------------------------
    def events(self, **filters) -> list[dict]:
        with self._lock:
            return queries.events(self.conn, **filters)

    def count_events(self, **filters) -> int:
        with self._lock:
            return queries.count_events(self.conn, **filters)

    def event(self, id) -> Optional[dict]:
        with self._lock:
            return queries.event(self.conn, id)

    def mentions(self, id) -> list[dict]:
        with self._lock:
            return queries.mentions(self.conn, id)

    def claims(self, **filters) -> list[dict]:
        with self._lock:
            return queries.claims(self.conn, **filters)

    def actors(self, **filters) -> list[dict]:
        with self._lock:
            return queries.actors(self.conn, **filters)

    def actor(self, id) -> Optional[dict]:
        with self._lock:
            return queries.actor(self.conn, id)

    def relations(self, **filters) -> list[dict]:
        with self._lock:
            return queries.relations(self.conn, **filters)

    def document(self, id) -> Optional[dict]:
        with self._lock:
            return queries.document(self.conn, id)

    def documents(self, **filters) -> list[dict]:
        with self._lock:
            return queries.documents(self.conn, **filters)

    def timeline(self, **filters) -> list[dict]:
        with self._lock:
            return queries.timeline(self.conn, **filters)

    def network(self, **filters) -> dict:
        with self._lock:
            return queries.network(self.conn, **filters)

    def stats(self) -> dict:
        with self._lock:
            s = queries.stats(self.conn)
        s["path"] = str(self.path)
        s["size_bytes"] = sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*")
                              if p.is_file()) if str(self.path) != ":memory:" else 0
        return s
