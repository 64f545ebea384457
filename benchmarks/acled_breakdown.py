"""The ACLED metrics of `sitrep eval`, per gold file (global 2020 notes vs Kenya 2004-2019).

    .venv/bin/python benchmarks/acled_breakdown.py [--sample N] [--data ../shared/data]

Same notes, main event and scoring as the gate (sitrep.evaluate.acled.score_pairs); only
the pooling differs. Two more rows count the misses that come from coding nothing: no place
for the main event, no country for its first actor (most such notes name neither). With
--sample N, an even sample of at most N notes per file. Nothing of the gold data is written
anywhere.
"""
from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Optional

from sitrep.evaluate.acled import load, score_pairs
from sitrep.evaluate.base import main_event
from sitrep.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("SITREP_DATA", ROOT.parent / "shared" / "data"))


def _cell(m) -> str:
    value = "-" if m.value is None else f"{m.value:.3f}"
    return f"{value:>15s} (n={m.n:>5d})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=None, help="notes per file (default: all)")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args()
    notes = load(args.data, args.sample)
    t0 = time.perf_counter()
    results = Pipeline().pipe({"id": n.id, "text": n.text, "published": n.published} for n in notes)
    by_file: dict[str, list] = {}
    for n, r in zip(notes, results):
        by_file.setdefault(n.id.split(":")[0], []).append((n, main_event(r)))
    secs = time.perf_counter() - t0
    groups = {**by_file, "all": [p for ps in by_file.values() for p in ps]}
    scores = {g: score_pairs(ps) for g, ps in groups.items()}
    metrics = list(next(iter(scores.values())))
    print(f"{'metric':30s}" + "".join(f"{g[:22]:>24s}" for g in groups))
    for m in metrics:
        print(f"{m:30s}" + "".join(_cell(scores[g][m]) for g in groups))
    print("misses that no choice between namesakes can mend: the main event has no place (of the notes scored on"
          " admin1), or its first actor no country (of those scored on actor1 country)")
    print(f"{'no place coded':30s}" + "".join(_share(ps, _placeless) for ps in groups.values()))
    print(f"{'no actor country coded':30s}" + "".join(_share(ps, _stateless) for ps in groups.values()))
    print(f"{len(notes)} notes coded in {secs:.0f} s")


def _placeless(n, ev) -> Optional[bool]:
    return None if not n.admin1 else ev is None or ev.location is None or ev.location.name is None


def _stateless(n, ev) -> Optional[bool]:
    return None if not n.actor1_country else ev is None or not ev.actors or ev.actors[0].country is None


def _share(pairs, test) -> str:
    marks = [m for m in (test(n, ev) for n, ev in pairs) if m is not None]
    return f"{sum(marks) / max(1, len(marks)):>15.3f} (n={len(marks):>5d})"


if __name__ == "__main__":
    main()
