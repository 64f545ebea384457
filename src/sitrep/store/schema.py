"""The store's schema: SQLite tables, built by a list of named migrations.

Each migration is a plain function ``(conn) -> None``; the names of the migrations that
have run are recorded in the ``migrations`` table, so opening a store runs only the new
ones, in order, each in its own transaction. docs/store.md documents every table.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Callable

from ..errors import Errors, SitrepError

APPLICATION_ID = 0x53495452  # "SITR": marks the file as a sitrep store for `file` and SQLite tools


def m001_documents(conn: sqlite3.Connection) -> None:
    _script(conn, """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,              -- the article's id, made unique in the store
        content_hash TEXT NOT NULL UNIQUE, -- sha256 of the normalised text: the idempotency key
        title TEXT, published TEXT, source TEXT, url TEXT, language TEXT,
        text TEXT NOT NULL,
        n_events INTEGER NOT NULL DEFAULT 0,
        seq INTEGER NOT NULL UNIQUE       -- insertion order
    );
    CREATE INDEX documents_published ON documents(published);
    """)


def m002_actors(conn: sqlite3.Connection) -> None:
    _script(conn, """
    CREATE TABLE actors (                 -- canonical actors, shared across documents
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,         -- kind|country|normalised name
        name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT, sector TEXT, title TEXT,
        acled_name TEXT, acled_inter INTEGER, members TEXT  -- JSON list of ISO3 codes
    );
    CREATE INDEX actors_country ON actors(country);
    CREATE TABLE document_actors (        -- an actor as one document names it (local id a1...)
        document_id TEXT NOT NULL REFERENCES documents(id),
        local_id TEXT NOT NULL,
        actor_id INTEGER NOT NULL REFERENCES actors(id),
        name TEXT NOT NULL, reason TEXT,
        PRIMARY KEY (document_id, local_id)
    );
    CREATE INDEX document_actors_actor ON document_actors(actor_id);
    CREATE TABLE actor_mentions (
        document_id TEXT NOT NULL REFERENCES documents(id),
        local_id TEXT NOT NULL,
        actor_id INTEGER NOT NULL REFERENCES actors(id),
        text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
    );
    CREATE INDEX actor_mentions_actor ON actor_mentions(actor_id);
    CREATE INDEX actor_mentions_doc ON actor_mentions(document_id);
    """)


def m003_events(conn: sqlite3.Connection) -> None:
    _script(conn, """
    CREATE TABLE fused_events (           -- one real-world event, told by one or more documents
        id INTEGER PRIMARY KEY,
        date_start TEXT, date_end TEXT, date_precision TEXT,
        country TEXT, admin1 TEXT, location TEXT, lat REAL, lon REAL, geo_precision INTEGER,
        disorder_type TEXT, event_type TEXT, sub_event_type TEXT, plover_type TEXT, cameo TEXT,
        status TEXT, fatalities INTEGER, fatalities_low INTEGER, fatalities_high INTEGER,
        n_mentions INTEGER NOT NULL DEFAULT 0, n_sources INTEGER NOT NULL DEFAULT 0,
        contested INTEGER NOT NULL DEFAULT 0,
        search TEXT NOT NULL DEFAULT '',  -- lower-cased names and sentences for q=
        data TEXT NOT NULL                -- the Fused record (SPEC §2) as JSON
    );
    CREATE INDEX fused_date ON fused_events(date_start);
    CREATE INDEX fused_country_date ON fused_events(country, date_start);
    CREATE INDEX fused_type ON fused_events(event_type);
    CREATE TABLE event_mentions (         -- an event as one document codes it
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id),
        local_id TEXT NOT NULL,
        fused_id INTEGER NOT NULL REFERENCES fused_events(id),
        date_start TEXT, date_end TEXT, date_precision TEXT,
        country TEXT, admin1 TEXT, location TEXT, lat REAL, lon REAL, geo_precision INTEGER, geonameid INTEGER,
        event_type TEXT, sub_event_type TEXT, plover_type TEXT, status TEXT,
        fatalities INTEGER, fatalities_qualifier TEXT,
        trigger_start INTEGER, trigger_end INTEGER, sentence_start INTEGER, sentence_end INTEGER,
        parties TEXT NOT NULL DEFAULT '', -- sorted canonical actor ids of actors+recipients, '|' joined
        data TEXT NOT NULL,               -- the Event record as JSON
        UNIQUE (document_id, local_id)
    );
    CREATE INDEX mentions_fused ON event_mentions(fused_id);
    CREATE INDEX mentions_fuse_key ON event_mentions(event_type, date_start);
    CREATE INDEX mentions_fuse_plover ON event_mentions(plover_type, date_start);
    CREATE INDEX mentions_doc ON event_mentions(document_id);
    CREATE TABLE event_actors (           -- who takes part in a fused event, in which role
        fused_id INTEGER NOT NULL REFERENCES fused_events(id),
        actor_id INTEGER NOT NULL REFERENCES actors(id),
        role TEXT NOT NULL,               -- actor | recipient | reported_by
        PRIMARY KEY (fused_id, actor_id, role)
    );
    CREATE INDEX event_actors_actor ON event_actors(actor_id, role);
    """)


def m004_claims_relations(conn: sqlite3.Connection) -> None:
    _script(conn, """
    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id),
        local_id TEXT NOT NULL,
        speaker_id INTEGER REFERENCES actors(id),
        verb TEXT, stance TEXT, text TEXT, start INTEGER, "end" INTEGER,
        date TEXT,                        -- the document's publication date
        contested INTEGER NOT NULL DEFAULT 0,
        data TEXT NOT NULL,
        UNIQUE (document_id, local_id)
    );
    CREATE INDEX claims_speaker ON claims(speaker_id);
    CREATE TABLE claim_events (
        claim_id INTEGER NOT NULL REFERENCES claims(id),
        mention_id INTEGER NOT NULL REFERENCES event_mentions(id),
        fused_id INTEGER NOT NULL REFERENCES fused_events(id),
        PRIMARY KEY (claim_id, mention_id)
    );
    CREATE INDEX claim_events_fused ON claim_events(fused_id);
    CREATE TABLE claim_contests (         -- contested_by, across documents as well as within
        claim_id INTEGER NOT NULL REFERENCES claims(id),
        other_id INTEGER NOT NULL REFERENCES claims(id),
        PRIMARY KEY (claim_id, other_id)
    );
    CREATE TABLE relations (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id),
        local_id TEXT NOT NULL,
        type TEXT NOT NULL,
        source_id INTEGER NOT NULL REFERENCES actors(id),
        target_id INTEGER NOT NULL REFERENCES actors(id),
        since TEXT, until TEXT, text TEXT, start INTEGER, "end" INTEGER,
        data TEXT NOT NULL,
        UNIQUE (document_id, local_id)
    );
    CREATE INDEX relations_source ON relations(source_id);
    CREATE INDEX relations_target ON relations(target_id);
    CREATE INDEX relations_type ON relations(type);
    """)


def m005_event_actor_dates(conn: sqlite3.Connection) -> None:
    """Event dates beside event actors, so an actor or country filter with a date range
    reads only the events in range."""
    _script(conn, """
    ALTER TABLE event_actors ADD COLUMN date_start TEXT;
    UPDATE event_actors SET date_start = (SELECT f.date_start FROM fused_events f WHERE f.id = event_actors.fused_id);
    CREATE INDEX event_actors_actor_date ON event_actors(actor_id, date_start)
    """)


def m006_mention_initiators(conn: sqlite3.Connection) -> None:
    """event_mentions.initiators: the canonical ids of the parties that acted (its Event's actors, not its
    recipients), so fusion can tell "A struck B" from "B struck A"; filled for stored mentions from their JSON."""
    _script(conn, """
    ALTER TABLE event_mentions ADD COLUMN initiators TEXT NOT NULL DEFAULT '';
    UPDATE event_mentions SET initiators = COALESCE((
        SELECT group_concat(actor_id, '|') FROM (
            SELECT DISTINCT da.actor_id AS actor_id FROM json_each(event_mentions.data, '$.actors') j
            JOIN document_actors da ON da.document_id = event_mentions.document_id
                 AND da.local_id = json_extract(j.value, '$.id')
            ORDER BY da.actor_id)), '')
    """)


def _script(conn: sqlite3.Connection, sql: str) -> None:
    """Run statements one by one (executescript would commit the open transaction)."""
    for statement in sql.split(";"):
        if statement.strip():
            conn.execute(statement)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    m001_documents, m002_actors, m003_events, m004_claims_relations, m005_event_actor_dates,
    m006_mention_initiators,
]


def migrate(conn: sqlite3.Connection, path: str) -> list[str]:
    """Run the migrations this store has not seen; return their names."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables and "migrations" not in tables):
        raise SitrepError(Errors.E201, path=path, detail="it holds other tables")
    if "migrations" not in tables:
        conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    done = {r[0] for r in conn.execute("SELECT name FROM migrations")}
    known = {m.__name__ for m in MIGRATIONS}
    if done - known:
        raise SitrepError(Errors.E202, path=path, found=len(done), known=len(known))
    ran = []
    for migration in MIGRATIONS:
        if migration.__name__ in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration(conn)
            conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                         (migration.__name__, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        ran.append(migration.__name__)
    return ran
