"""Benchmark: the places stage on ACLED notes (read from ../shared/data at run time).

    .venv/bin/python benchmarks/places_eval.py [--n 500] [--events pipeline|root] [--show 20]

Each note is coded with ``sitrep.pipe`` (published = event_date); the main event (first
event with an ACLED event_type, else the first event) gives the predicted location.
Reported per file and overall:

* admin1 (strict): ACLED admin1 == predicted admin1 after ``norm_label`` (the gate's rule);
* admin1 (loose): also accepts GeoNames spellings of the same name ("Idlib"/"Idleb",
  "Banaadir"/"Banadir"): equal after dropping 'al'/'ar'-style articles, or a string
  similarity of at least 0.8;
* within 25 km: share of geo_precision==1 notes located within 25 km of ACLED's point;
* located: share of notes that got any location.

``--events root`` skips the events stage's output and puts one event on each sentence's
root verb, to measure the places stage alone while the events stage is changing.
Nothing of the gold data is written anywhere.
"""
from __future__ import annotations

import argparse
import difflib
import re
import time
from pathlib import Path
from typing import Optional

from sitrep.evaluate.acled import FOLDERS, read_notes
from sitrep.evaluate.base import main_event
from sitrep.evaluate.metrics import every_kth, haversine_km, norm_label

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
ARTICLES = re.compile(r"\b(al|ar|as|ad|an|at|el|az|ash)\b")


def admin1_match(gold: Optional[str], pred: Optional[str], *, loose: bool) -> bool:
    g, p = norm_label(gold), norm_label(pred)
    if not g or not p:
        return False
    if g == p:
        return True
    if not loose:
        return False
    g2, p2 = (re.sub(r"\s+", "", ARTICLES.sub("", x)) for x in (g, p))
    return g2 == p2 or difflib.SequenceMatcher(None, g2, p2).ratio() >= 0.8


def root_events(pipeline, articles):
    """Code articles, then replace the events by one event per sentence root and re-run
    the places stage only."""
    from sitrep.errors import SitrepError
    from sitrep.pipeline import State
    from sitrep.records import Event, Result, Span
    from sitrep.stages import ingest, places

    for art in articles:
        try:
            document = ingest.run(art, pipeline.settings)
        except SitrepError as err:
            yield Result(document=ingest.dropped(art, err))
            continue
        doc = pipeline.nlp(document.text)
        events = [Event(id=f"e{i + 1}", trigger=Span(s.root.text, s.root.idx, s.root.idx + len(s.root)),
                        sentence=Span(s.text, s.start_char, s.end_char)) for i, s in enumerate(doc.sents)]
        state = State(doc=doc, result=Result(document=document, events=events), settings=pipeline.settings)
        yield places.run(state).result


def evaluate(n: int, mode: str, show: int) -> None:
    from sitrep.pipeline import Pipeline

    pipeline = Pipeline()
    totals: dict[str, list] = {}
    for folder in FOLDERS:
        path = next((DATA / folder).glob("*.csv"))
        notes = every_kth(list(read_notes(path)), n)
        arts = [{"id": x.id, "text": x.text, "published": x.published} for x in notes]
        t0 = time.time()
        results = root_events(pipeline, arts) if mode == "root" else pipeline.pipe(arts)
        rows = []
        for note, res in zip(notes, results):
            ev = main_event(res) or (res.events[0] if res.events else None)
            loc = ev.location if ev is not None else None
            pred_admin1 = loc.admin1 if loc else None
            near = None
            if note.geo_precision == 1 and note.lat is not None:
                near = bool(loc and loc.lat is not None and
                            haversine_km(note.lat, note.lon, loc.lat, loc.lon) <= 25.0)
            rows.append((note, loc, admin1_match(note.admin1, pred_admin1, loose=False),
                         admin1_match(note.admin1, pred_admin1, loose=True), near))
        totals[folder] = rows
        _report(folder, rows, time.time() - t0)
        for note, loc, strict, loose, near in [r for r in rows if not r[3]][:show]:
            got = f"{loc.name} / {loc.admin1} / {loc.country} p{loc.precision}" if loc and loc.name else "-"
            print(f"   x gold {note.admin1!r:24} got {got:50} | {note.text[:110]}")
    _report("overall", [r for rows in totals.values() for r in rows], None)


def _report(name: str, rows: list, seconds: Optional[float]) -> None:
    def pct(xs):
        xs = list(xs)
        return f"{sum(xs) / len(xs):.3f} (n={len(xs)})" if xs else "n/a"

    print(f"{name}: admin1 strict {pct(r[2] for r in rows if r[0].admin1)}, "
          f"admin1 loose {pct(r[3] for r in rows if r[0].admin1)}, "
          f"within 25 km {pct(r[4] for r in rows if r[4] is not None)}, "
          f"located {pct(bool(r[1] and r[1].name) for r in rows)}"
          + (f", {seconds:.0f}s" if seconds is not None else ""))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=500, help="notes per file (even sample)")
    ap.add_argument("--events", choices=("pipeline", "root"), default="pipeline")
    ap.add_argument("--show", type=int, default=0, help="print this many admin1 misses per file")
    args = ap.parse_args(argv)
    evaluate(args.n, args.events, args.show)


if __name__ == "__main__":
    main()
