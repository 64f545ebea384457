"""The ACLED metrics of `sitrep eval`, per gold file (global 2020 notes vs Kenya 2004-2019).

    .venv/bin/python benchmarks/acled_breakdown.py [--sample N] [--data ../shared/data]

Same notes, main event and scoring as the gate (sitrep.evaluate.acled.score_pairs); only
the pooling differs. With --sample N, an even sample of at most N notes per file. Nothing
of the gold data is written anywhere.
"""
from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

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
    print(f"{len(notes)} notes coded in {secs:.0f} s")


if __name__ == "__main__":
    main()
