"""Fusion on real codings.

Over-fusion: each ACLED note (acled-global-2020-apr-may, acled-kenya-2004-2019) is a
distinct event. Code every note (its event_date as publication date), store each as its
own document, and count the notes whose events fused with another note's: those are
errors (target <= 2%).

Under-fusion: sets of differently worded reports of one event, written for sitrep (each
side's ministry, a mediator, a wire service), coded by the model; each set should end as
one fused event of its type.

    .venv/bin/python benchmarks/fusion_eval.py [--limit N] [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("SITREP_DATA", ROOT.parent / "shared" / "data"))

SETS = [  # (name, published, ACLED event type the set is about, reports) - written for sitrep
    ("border clash", "2022-09-13", "Battles", [
        "Armenia's Defence Ministry said on Tuesday that Azerbaijani forces attacked Armenian positions near "
        "the town of Jermuk overnight and that Armenian troops fought back.",
        "Azerbaijan's Defence Ministry said on Tuesday that Armenian forces attacked Azerbaijani army positions "
        "near the border overnight and that its troops responded.",
        "Russia's Foreign Ministry said on Tuesday it was alarmed by the fighting between Armenian and "
        "Azerbaijani forces on the border and urged both sides to show restraint.",
        "Armenian and Azerbaijani troops clashed overnight on Tuesday near Jermuk in Armenia, officials on both "
        "sides said, in the worst fighting since 2020.",
    ]),
    ("market bombing", "2023-05-02", "Explosions/Remote violence", [
        "A car bomb exploded in a market in Mogadishu on Tuesday, killing 12 people, police said.",
        "Al Shabaab claimed responsibility for a car bomb that went off in a Mogadishu market on Tuesday, "
        "saying it killed 20 people.",
        "A car bomb ripped through a busy market in Mogadishu, Somalia, on Tuesday, killing at least 12 people, "
        "a wire service reported.",
    ]),
    ("village shelling", "2021-03-16", "Explosions/Remote violence", [  # a village the gazetteer lacks
        "Ukraine's army said Russian-backed separatist forces shelled Ukrainian positions near Verkhnie Zhovte, "
        "Luhansk, on Tuesday with 120mm mortars.",
        "Russian-backed separatist forces shelled Ukrainian army positions near Verkhnie Zhovte, Luhansk, with "
        "mortars on Tuesday, monitors said.",
    ]),
]


def stored_results(path: Path):
    """The Results of a store's documents, in insertion order (to fuse them again)."""
    from sitrep.records import Result
    from sitrep.store import Store

    with Store(path) as old:
        for d in old.documents(limit=None):
            r = old.document(d["id"])["result"]
            doc = dict(old.document(d["id"])["document"])
            yield Result.from_dict(dict(r, document=doc))


def overfusion(limit: int | None, refuse: Path | None = None, keep: Path | None = None) -> dict:
    from sitrep import pipe
    from sitrep.evaluate.acled import load
    from sitrep.store import Store

    notes = load(DATA, limit) if refuse is None else []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(keep or Path(tmp) / "notes.db")
        if refuse is not None:
            store.add_many(stored_results(refuse), batch_size=500)
        else:
            articles = ({"id": n.id, "text": n.text, "published": n.published} for n in notes)
            store.add_many(pipe(articles), batch_size=100)
        rows = store.conn.execute(
            "SELECT fused_id, COUNT(DISTINCT document_id) FROM event_mentions GROUP BY fused_id").fetchall()
        coded = store.conn.execute("SELECT COUNT(DISTINCT document_id) FROM event_mentions").fetchone()[0]
        docs_per_fused = defaultdict(set)
        for fid, doc in store.conn.execute("SELECT fused_id, document_id FROM event_mentions"):
            docs_per_fused[fid].add(doc)
        merged_notes = set()
        pairs = 0
        for docs in docs_per_fused.values():
            if len(docs) > 1:
                merged_notes |= docs
                pairs += len(list(itertools.combinations(docs, 2)))
        stats = store.stats()
        store.close()
    return {"notes": len(notes) or stats["documents"], "notes_with_events": coded, "event_mentions": stats["event_mentions"],
            "fused_events": stats["events"], "multi_note_events": sum(1 for _, n in rows if n > 1),
            "fused_note_pairs": pairs, "notes_fused_with_another": len(merged_notes),
            "overfusion_rate": len(merged_notes) / coded if coded else 0.0,
            "seconds": round(time.perf_counter() - started, 1)}


def underfusion() -> list[dict]:
    from sitrep import pipe
    from sitrep.store import Store

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, published, etype, reports in SETS:
            store = Store(Path(tmp) / f"{name.replace(' ', '_')}.db")
            arts = [{"id": f"{name}-{i}", "text": t, "published": published} for i, t in enumerate(reports)]
            store.add_many(pipe(arts))
            events = store.events(type=etype, limit=None)
            covering = [e for e in events if len(e["sources"]) == len(reports)]
            out.append({"set": name, "reports": len(reports), "events_of_type": len(events),
                        "sources_per_event": [len(e["sources"]) for e in events], "all_fused": bool(covering)})
            store.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="Even sample of at most N notes per ACLED file.")
    ap.add_argument("--keep", type=Path, default=None, help="Keep the coded notes in this store.")
    ap.add_argument("--refuse", type=Path, default=None,
                    help="Fuse again the coded notes of a store kept with --keep (no model run).")
    ap.add_argument("--no-sets", action="store_true", help="Skip the under-fusion report sets.")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"gold data not found at {DATA}: set SITREP_DATA", file=sys.stderr)
        return 2
    o = overfusion(args.limit, args.refuse, args.keep)
    print("over-fusion on ACLED notes (each note a distinct event):")
    for k, v in o.items():
        print(f"  {k}: {v:.4f}" if isinstance(v, float) else f"  {k}: {v}")
    print("under-fusion on report sets written for sitrep:")
    for u in ([] if args.no_sets else underfusion()):
        print(f"  {u}")
    return 0 if o["overfusion_rate"] <= 0.02 else 1


if __name__ == "__main__":
    sys.exit(main())
