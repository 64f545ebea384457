"""The store: idempotent writes, migrations, canonical actors, filtered queries, parameterised
SQL, readers during an ingest, kill -9 resume, and a Hypothesis fuzz of ingest inputs.
Records are built by hand (sitrep.store.synthetic) so no model runs here."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from sitrep.errors import SitrepError
from sitrep.stages.ingest import content_hash
from sitrep.store import Store
from sitrep.store.batch import ingest
from sitrep.store.synthetic import keyword_coder, report

ARM = ("Armenian forces", "state", "ARM", "MIL")
AZE = ("Azerbaijani forces", "state", "AZE", "MIL")
KEN_POLICE = ("Police Forces of Kenya", "state", "KEN", "MIL")
BATTLE = ("Political violence", "Battles", "Armed clash")
PROTEST = ("Demonstrations", "Protests", "Protest with intervention")


def sample(n=0):
    return [
        report(f"doc{n}a", f"Azerbaijani forces clashed with Armenian forces near Jermuk ({n}).", published="2022-09-13",
               events=[dict(trigger="clashed", type=BATTLE, plover="ASSAULT", actors=[AZE], recipients=[ARM],
                            place=("Jermuk", "ARM", 1, 39.84, 45.67), fatalities=(3, "at_least"))],
               relations=[("territorial_dispute", ARM, AZE)]),
        report(f"doc{n}b", f"Police dispersed protesters in Nairobi ({n}).", published="2023-03-20",
               events=[dict(trigger="dispersed", type=PROTEST, plover="PROTEST", actors=[("Protesters", "group", "KEN")],
                            recipients=[KEN_POLICE], place=("Nairobi", "KEN", 1, -1.28, 36.82))]),
    ]


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "s.db")
    yield s
    s.close()


def dump(path) -> list:
    """Every row of every table, for comparing two stores."""
    conn = sqlite3.connect(path)
    out = []
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "applied_at"]
        names = ", ".join(f'"{c}"' for c in cols)
        order = ", ".join(str(i) for i in range(1, len(cols) + 1))
        out.append((table, conn.execute(f"SELECT {names} FROM {table} ORDER BY {order}").fetchall()))
    conn.close()
    return out


def test_add_is_idempotent_by_content_hash(store):
    first = sample()
    assert store.add_many(first) == 2
    assert store.add_many(sample()) == 0, "same texts again add nothing"
    renamed = sample()[0]
    renamed.document.id = "other-id"
    assert store.add(renamed) is False, "the content hash decides, not the id"
    assert store.document_id(content_hash(renamed.document.text)) == "doc0a", "found under the id it was stored as"
    edited = sample()[0]
    edited.document.text += " Updated."
    digest = content_hash(edited.document.text)
    assert store.add(edited) and store.document_id(digest) == f"doc0a~{digest[:8]}", "a new text, a clashing id"
    assert store.stats()["documents"] == 3


def test_migrations_are_recorded_and_run_once(tmp_path):
    path = tmp_path / "m.db"
    s = Store(path)
    assert s.migrations and s.stats()["migrations"] == s.migrations
    s.close()
    s = Store(path)
    assert s.migrations == []
    s.close()


def test_a_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(SitrepError) as err:
        Store(path)
    assert err.value.reason == "E201"


def test_default_path_honours_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SITREP_DB", str(tmp_path / "env.db"))
    assert Store.default_path() == tmp_path / "env.db"


def test_actors_are_canonical_across_documents(store):
    store.add_many(sample(1) + sample(2))
    arm = store.actors(country="ARM")
    assert len(arm) == 1 and arm[0]["n_documents"] == 2
    detail = store.actor(arm[0]["id"])
    assert len(detail["events_as_recipient"]) == 1, "the two reports of one clash fused"
    assert detail["events_as_recipient"][0]["sources"] == ["doc1a", "doc2a"] and detail["relations"]
    assert {m["document_id"] for m in detail["mentions"]} == {"doc1a", "doc2a"}


@pytest.mark.parametrize("filters,expected,why", [
    (dict(country="ARM"), 1, "place country"),
    (dict(country="KEN"), 1, "party or place"),
    (dict(actor="azerbaijani"), 1, "part of a name"),
    (dict(type="Battles"), 1, "ACLED event type"),
    (dict(type="protest"), 1, "PLOVER type, any case"),
    (dict(since="2023"), 1, "a year prefix"),
    (dict(until="2022-09"), 1, "a month prefix"),
    (dict(q="nairobi"), 1, "free text"),
    (dict(contested=True), 0, "no contested claims here"),
    (dict(country="ARM') OR 1=1 --"), 0, "user values are bound, never spliced"),
])
def test_event_filters(store, filters, expected, why):
    store.add_many(sample())
    assert store.count_events(**filters) == expected, why
    assert len(store.events(**filters)) == expected, why


def test_sort_keys_come_from_a_whitelist(store):
    with pytest.raises(SitrepError) as err:
        store.events(sort="date; DROP TABLE documents")
    assert err.value.reason == "E203"
    assert store.stats()["documents"] == 0


def test_fused_shape_and_document_view(store):
    store.add_many(sample())
    ev = store.events(type="Battles")[0]
    assert ev["mentions"] == [{"document_id": "doc0a", "event_id": "e1"}] and ev["sources"] == ["doc0a"]
    assert ev["actors"][0]["id"].startswith("A") and ev["actors"][0]["local_id"] == "a1"
    assert store.event(ev["id"]) == ev
    doc = store.document("doc0a")
    assert doc["document"]["text"].startswith("Azerbaijani")
    assert doc["result"]["events"][0]["fused_id"] == ev["id"]
    actor = doc["result"]["actors"][0]
    assert actor["id"] == "a1" and actor["canonical_id"].startswith("A") and actor["mentions"]
    assert store.document("nope") is None and store.event("E999") is None


def test_timeline_network_stats(store):
    store.add_many(sample())
    assert store.timeline() == [
        {"date": "2022-09-13", "event_type": "Battles", "count": 1, "fatalities": 3},
        {"date": "2023-03-20", "event_type": "Protests", "count": 1, "fatalities": 0}]
    net = store.network()
    kinds = {(e["kind"], e["type"]) for e in net["edges"]}
    assert ("event", "Battles") in kinds and ("relation", "territorial_dispute") in kinds
    assert {n["country"] for n in net["nodes"]} >= {"ARM", "AZE", "KEN"}
    s = store.stats()
    assert (s["documents"], s["events"], s["relations"]) == (2, 2, 1) and s["size_bytes"] > 0


def test_a_failing_batch_leaves_nothing_half_written(store):
    good, bad = sample()
    bad.relations = [bad.relations[0]] if bad.relations else []
    from sitrep.records import Actor, Relation, Span

    ghost = Actor(id="a1", name="x")
    bad.relations.append(Relation(id="r9", type="alliance", source=ghost, target=ghost, text=Span("x", 0, 1)))
    bad.relations[-1].source = None  # breaks the write half-way through the document
    with pytest.raises(Exception):
        store.add_many([good, bad], batch_size=10)
    assert store.stats()["documents"] == 0 and store.stats()["actors"] == 0


# ---- the batch path with the keyword coder ------------------------------------------------
SENTENCES = ["Armenian and Azerbaijani forces clashed near Jermuk; {n} soldiers were killed.",
             "Protesters marched in Nairobi against fuel prices, day {n}.",
             "Russian artillery shelled positions near Aleppo for the {n}th time.",
             "Malian and Russian officials met in Gao to discuss a ceasefire, round {n}."]


def corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"id": f"art{i}", "published": f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}",
                         "text": SENTENCES[i % 4].format(n=i) + " Officials said the situation remained tense."})
             for i in range(n)]
    (folder / "corpus.jsonl").write_text("\n".join(lines) + "\n")
    return folder


def test_ingest_twice_adds_nothing(tmp_path, store):
    src = corpus(tmp_path / "in", 30)
    first = ingest([src], store, coder=keyword_coder, batch_size=7)
    again = ingest([src], store, coder=keyword_coder, batch_size=7)
    assert (first.added, again.added, again.duplicates) == (30, 0, 30)


WRITER = textwrap.dedent("""
    import sys, time
    from sitrep.store import Store
    from sitrep.store.batch import ingest
    from sitrep.store.synthetic import keyword_coder

    def slow(articles):
        for r in keyword_coder(articles):
            time.sleep(float(sys.argv[3]))
            yield r

    store = Store(sys.argv[2])
    rep = ingest([sys.argv[1]], store, coder=slow, batch_size=5)
    print(rep.added)
""")


def run_writer(src, db, delay):
    return subprocess.Popen([sys.executable, "-c", WRITER, str(src), str(db), str(delay)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_documents(db, at_least, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if db.exists():
            try:
                conn = sqlite3.connect(db, timeout=5)
                n = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
                conn.close()
                if n >= at_least:
                    return n
            except sqlite3.OperationalError:
                pass
        time.sleep(0.05)
    raise AssertionError("the writer never committed")


def test_kill_9_then_resume_equals_one_clean_run(tmp_path):
    src = corpus(tmp_path / "in", 60)
    clean = tmp_path / "clean.db"
    assert run_writer(src, clean, 0).wait(60) == 0
    killed = tmp_path / "killed.db"
    proc = run_writer(src, killed, 0.02)
    n = wait_for_documents(killed, 10)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = wait_for_documents(killed, 0)
    assert 10 <= stored < 60 and stored % 5 == 0, "only whole batches are committed"
    resumed = run_writer(src, killed, 0)
    out, _ = resumed.communicate(timeout=60)
    assert int(out) == 60 - stored
    assert dump(killed) == dump(clean)
    assert n


def test_readers_query_while_an_ingest_writes(tmp_path):
    src = corpus(tmp_path / "in", 80)
    db = tmp_path / "live.db"
    Store(db).close()
    proc = run_writer(src, db, 0.01)
    reader = Store(db)
    seen = []
    while proc.poll() is None:
        seen.append(reader.count_events())
        reader.events(country="ARM", limit=5)
        time.sleep(0.02)
    assert proc.returncode == 0
    seen.append(reader.count_events())
    assert seen == sorted(seen) and len(set(seen)) > 2, "readers saw the store grow, batch by batch"
    assert reader.stats()["documents"] == 80


def test_the_dask_path_gives_the_serial_store(tmp_path):
    pytest.importorskip("dask.distributed")
    from sitrep.settings import Settings
    from sitrep.store.batch import dask_coder, keyword_chunk

    src = corpus(tmp_path / "in", 40)
    serial, parallel = Store(tmp_path / "serial.db"), Store(tmp_path / "dask.db")
    ingest([src], serial, coder=keyword_coder, batch_size=8)
    ingest([src], parallel, batch_size=8,
           coder=dask_coder("local", Settings(), workers=2, chunk=5, chunk_fn=keyword_chunk))
    serial.close(), parallel.close()
    assert dump(tmp_path / "serial.db") == dump(tmp_path / "dask.db")


def whole(store: Store) -> None:
    """Nothing half-written: every stored document has all its rows."""
    conn = store.conn
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    bad = conn.execute("SELECT d.id FROM documents d WHERE d.n_events != "
                       "(SELECT COUNT(*) FROM event_mentions m WHERE m.document_id = d.id)").fetchall()
    assert bad == []
    assert conn.execute("SELECT COUNT(*) FROM fused_events WHERE data = '{}'").fetchone()[0] == 0


FILE_KINDS = st.sampled_from(["a.txt", "b.jsonl", "c.csv", "d.html", "e.rss", "f.xml", "g.md", "h.atom"])
CONTENT = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from(SENTENCES + ['{"id": 1, "text": "x"}', '{"text": null}', "[1, 2]", "id,text",
                                          '<rss><channel><item><title>t</title></item></channel></rss>',
                                          "<html><body><p>Armenian forces clashed.</p></body></html>"]),
             max_size=6).map(lambda xs: "\n".join(x.replace("{n}", "3") for x in xs).encode()),
)


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.tuples(FILE_KINDS, CONTENT), min_size=1, max_size=4))
def test_fuzzed_inputs_never_crash_or_half_write(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("fuzz")
    for n, (name, data) in enumerate(files):
        (folder / f"{n}{name}").write_bytes(data)
    with Store(folder / "s.db") as store:
        rep = ingest([folder, folder / "missing.txt"], store, coder=keyword_coder, batch_size=2)
        assert any(b.path.endswith("missing.txt") for b in rep.bad)
        assert all(b.reason.startswith("[E") for b in rep.bad), rep.bad
        assert store.stats()["documents"] == rep.added
        whole(store)


def test_an_older_store_is_upgraded_in_place(tmp_path, monkeypatch):
    from sitrep.store import schema

    path = tmp_path / "old.db"
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:4])
    with Store(path) as old:
        old.conn.execute("BEGIN")
        old.conn.execute("INSERT INTO fused_events (id, date_start, data) VALUES (1, '2022-09-13', '{}')")
        old.conn.execute("INSERT INTO actors (id, key, name, kind) VALUES (1, 'state|ARM|x', 'x', 'state')")
        old.conn.execute("INSERT INTO event_actors (fused_id, actor_id, role) VALUES (1, 1, 'actor')")
        old.conn.execute("COMMIT")
    monkeypatch.undo()
    with Store(path) as new:
        assert new.migrations == ["m005_event_actor_dates", "m006_mention_initiators"]
        assert new.conn.execute("SELECT date_start FROM event_actors").fetchone()[0] == "2022-09-13"


def test_an_older_store_gets_its_mentions_initiators(tmp_path, monkeypatch):
    # m006 fills event_mentions.initiators from each stored Event's actors (not its recipients)
    from sitrep.store import schema

    path = tmp_path / "old.db"
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:5])
    with Store(path) as old:
        c = old.conn
        c.execute("BEGIN")
        c.execute("INSERT INTO documents (id, content_hash, text, seq) VALUES ('d1', 'h', 'x', 1)")
        c.execute("INSERT INTO fused_events (id, date_start, data) VALUES (1, '2020-05-07', '{}')")
        for n, name in ((1, "a"), (2, "b")):
            c.execute("INSERT INTO actors (id, key, name, kind) VALUES (?, ?, ?, 'armed_group')", (n, f"k{n}", name))
            c.execute("INSERT INTO document_actors (document_id, local_id, actor_id, name) VALUES ('d1', ?, ?, ?)",
                      (f"a{n}", n, name))
        c.execute("INSERT INTO event_mentions (document_id, local_id, fused_id, parties, data) VALUES "
                  "('d1', 'e1', 1, '1|2', ?)", ('{"actors": [{"id": "a2"}], "recipients": [{"id": "a1"}]}',))
        c.execute("COMMIT")
    monkeypatch.undo()
    with Store(path) as new:
        assert new.migrations == ["m006_mention_initiators"]
        assert new.conn.execute("SELECT initiators FROM event_mentions").fetchone()[0] == "2"
