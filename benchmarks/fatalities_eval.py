"""Fatalities and dates on ACLED dev notes, coded with ``sitrep.pipe``.

    .venv/bin/python benchmarks/fatalities_eval.py [--sample 1000] [--seed 0] [--data DIR] [--only kenya]

Each note is coded as an article published on its ``event_date`` (``d-Mon-yy`` in the
global 2020 file, ``dd-mm-yy`` in the Kenya file). ACLED codes ONE event per note, while
sitrep may code several events for it (the attack, the killing, the clash). The note's
coded toll is the MAX over its non-historical events: those events are mostly one
real-world event told by several words, and a restatement ("killing two men. 2
fatalities.") that lands on a second event would be counted twice by a sum. The sum is
printed beside it (it is right when one note tells distinct deaths on distinct events,
and measured lower on the dev notes). "No toll" counts as 0, as ACLED codes it.

"main event" is the gate's measure: the toll of the note's main event
(sitrep.evaluate.base.main_event), on all notes of the sample.

Dates: the ``date.start`` of the note's first non-historical event ("date") and of its main
event as the gate picks it ("main date"; a note with no typed event has none) must equal
``event_date``.

Each file is also split by a hash of the record id into "look" (the half rules were read
against) and "held" (not looked at), as in benchmarks/events_eval.py; the main event's
toll on notes with deaths is printed for both halves. ``--misses PATH`` writes every note
whose main-event toll differs from gold (file, id, half, gold, coded, text, published) as TSV to PATH
for a confusion list; keep PATH outside the repository (it holds gold text).

The gold data is read from ../shared/data at run time and never copied (see its README).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
FILES = {
    "global-2020": ("acled-global-2020-apr-may/acled_global_2020-04-27_to_2020-05-09.csv", "%d-%b-%y"),
    "kenya": ("acled-kenya-2004-2019/acled_kenya_2004-2019.csv", "%d-%m-%y"),
}
SPLIT_WORDS = ("split", "between two events", "across")


def half(key: str) -> str:
    return "look" if int(hashlib.md5(key.encode()).hexdigest(), 16) % 2 == 0 else "held"


def load(path: Path, fmt: str, n: int, seed: int) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if (r.get("notes") or "").strip()]
    random.Random(seed).shuffle(rows)
    out = []
    for r in rows[:n]:
        out.append({
            "id": r["data_id"], "text": r["notes"],
            "published": datetime.strptime(r["event_date"], fmt).date().isoformat(),
            "gold": int(float(r["fatalities"] or 0)),
        })
    return out


def note_toll(result) -> tuple[int, int]:
    counts = [e.fatalities.count for e in result.events
              if e.fatalities is not None and e.status != "historical"]
    return sum(counts), max(counts, default=0)


def main_toll(result) -> int:
    """The toll of the note's main event, as the gate scores it (sitrep.evaluate.acled)."""
    from sitrep.evaluate.base import main_event

    ev = main_event(result)
    return ev.fatalities.count if ev is not None and ev.fatalities is not None and ev.fatalities.count else 0


def main_date(result):
    """The date the gate's main event starts on (None without a typed event)."""
    from sitrep.evaluate.base import main_event

    ev = main_event(result)
    return ev.date.start if ev is not None else None


def first_date(result):
    for e in result.events:
        if e.status != "historical" and e.date.start:
            return e.date.start
    return None


def score(name: str, notes: list[dict], show: int, misses_out=None) -> dict:
    import sitrep

    t0 = time.time()
    results = list(sitrep.pipe([{k: v for k, v in n.items() if k != "gold"} for n in notes]))
    secs = time.time() - t0
    agg = {k: 0 for k in ("n", "exact_sum", "exact_max", "deaths", "deaths_sum", "deaths_max",
                          "single", "single_sum", "date", "no_event", "main", "deaths_main",
                          "deaths_look", "deaths_held", "main_look", "main_held", "main_date")}
    misses, date_misses = [], []
    for note, res in zip(notes, results):
        summed, total = note_toll(res)
        gold = note["gold"]
        single = not any(w in note["text"].lower() for w in SPLIT_WORDS)
        agg["n"] += 1
        agg["exact_sum"] += summed == gold
        agg["exact_max"] += total == gold
        agg["main"] += main_toll(res) == gold
        agg["deaths_main"] += gold > 0 and main_toll(res) == gold
        if gold > 0:
            agg["deaths_" + half(note["id"])] += 1
            agg["main_" + half(note["id"])] += main_toll(res) == gold
        if misses_out is not None and main_toll(res) != gold:
            text = " ".join(note["text"].split())
            misses_out.write(f"{name}\t{note['id']}\t{half(note['id'])}\t{gold}\t{main_toll(res)}\t{text}"
                             f"\t{note['published']}\n")
        agg["single"] += single
        agg["single_sum"] += single and total == gold
        if gold > 0:
            agg["deaths"] += 1
            agg["deaths_sum"] += summed == gold
            agg["deaths_max"] += total == gold
        coded_date = first_date(res)
        agg["date"] += coded_date == note["published"]
        agg["main_date"] += main_date(res) == note["published"]
        if coded_date != note["published"] and len(date_misses) < show:
            date_misses.append((note["published"], coded_date, note["text"][:200]))
        agg["no_event"] += not res.events
        if total != gold:
            misses.append((gold, total, note["text"][:300]))
    out = {
        "file": name, "notes": agg["n"], "seconds": round(secs, 1),
        "exact": agg["exact_max"] / agg["n"], "exact_sum": agg["exact_sum"] / agg["n"],
        "exact_single_event_notes": agg["single_sum"] / max(agg["single"], 1),
        "notes_with_deaths": agg["deaths"],
        "exact_with_deaths": agg["deaths_max"] / max(agg["deaths"], 1),
        "exact_with_deaths_sum": agg["deaths_sum"] / max(agg["deaths"], 1),
        "exact_main": agg["main"] / agg["n"], "exact_main_with_deaths": agg["deaths_main"] / max(agg["deaths"], 1),
        "main_with_deaths_look": agg["main_look"] / max(agg["deaths_look"], 1),
        "main_with_deaths_held": agg["main_held"] / max(agg["deaths_held"], 1),
        "date_exact": agg["date"] / agg["n"], "main_date_exact": agg["main_date"] / agg["n"],
        "notes_without_events": agg["no_event"],
    }
    for gold, total, text in misses[:show]:
        print(f"  gold {gold:>4} coded {total:>4}  {text}", file=sys.stderr)
    for gold, coded, text in date_misses:
        print(f"  date {gold} coded {coded}  {text}", file=sys.stderr)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sample", type=int, default=1000, help="notes per file (default 1000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--show", type=int, default=0, help="print this many misses per file to stderr")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--only", choices=sorted(FILES), default=None, help="score this file only")
    ap.add_argument("--misses", type=Path, default=None,
                    help="write notes whose main-event toll differs from gold to this TSV (outside the repo)")
    args = ap.parse_args(argv)
    rows = []
    out = open(args.misses, "w", encoding="utf-8") if args.misses else None
    for name, (rel, fmt) in FILES.items():
        if args.only and name != args.only:
            continue
        path = args.data / rel
        if not path.exists():
            print(f"skip {name}: {path} not present", file=sys.stderr)
            continue
        rows.append(score(name, load(path, fmt, args.sample, args.seed), args.show, out))
    if out is not None:
        out.close()
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        for r in rows:
            print(f"{r['file']:<12} n={r['notes']:<5} exact={r['exact']:.3f} (sum {r['exact_sum']:.3f}) "
                  f"single-event={r['exact_single_event_notes']:.3f} | deaths>0 n={r['notes_with_deaths']} "
                  f"exact={r['exact_with_deaths']:.3f} (sum {r['exact_with_deaths_sum']:.3f}) "
                  f"| main event: exact={r['exact_main']:.3f} deaths>0 exact={r['exact_main_with_deaths']:.3f} "
                  f"(look {r['main_with_deaths_look']:.3f} held {r['main_with_deaths_held']:.3f}) "
                  f"| date={r['date_exact']:.3f} main date={r['main_date_exact']:.3f} no-event={r['notes_without_events']} ({r['seconds']}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
