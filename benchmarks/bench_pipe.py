"""Benchmark: sitrep.pipe against bare spaCy nlp.pipe on the same texts, same run.

    .venv/bin/python benchmarks/bench_pipe.py [--n 200] [--source example|acled]

Prints articles/s for both, their ratio (sitrep / bare spaCy) and peak RSS. Texts are the
bundled example article (with its sentences rotated so no two texts are identical) or,
with --source acled, ACLED notes read from ../shared/data at run time.
"""
from __future__ import annotations

import argparse
import csv
import resource
import time
from pathlib import Path

from sitrep.demo import article
from sitrep.pipeline import Pipeline
from sitrep.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def example_texts(n: int) -> list[str]:
    sentences = article()["text"].split("\n")
    return ["\n".join(sentences[i % len(sentences):] + sentences[: i % len(sentences)]) for i in range(n)]


def acled_texts(n: int) -> list[str]:
    path = next((ROOT.parent / "shared/data/acled-global-2020-apr-may").glob("*.csv"))
    with open(path, newline="", encoding="utf-8") as fh:
        rows = [r["notes"] for r in csv.DictReader(fh) if r.get("notes")]
    step = max(1, len(rows) // n)
    return rows[::step][:n]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200, help="number of texts")
    ap.add_argument("--source", choices=["example", "acled"], default="example")
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()
    texts = example_texts(args.n) if args.source == "example" else acled_texts(args.n)
    pipeline = Pipeline(Settings())
    nlp = pipeline.nlp
    list(nlp.pipe(texts[:4]))  # warm-up both paths
    list(pipeline.pipe({"text": t} for t in texts[:4]))

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.batch_size):
        pass
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    events = 0
    for r in pipeline.pipe(({"id": str(i), "text": t, "published": "2022-09-13"} for i, t in enumerate(texts)),
                           batch_size=args.batch_size):
        events += len(r.events)
    full = time.perf_counter() - t0

    chars = sum(len(t) for t in texts)
    print(f"texts: {len(texts)} ({args.source}, {chars / len(texts):,.0f} chars avg), model {pipeline.settings.model}")
    print(f"bare spaCy nlp.pipe : {len(texts) / bare:8.1f} articles/s")
    print(f"sitrep.pipe         : {len(texts) / full:8.1f} articles/s  ({events} events)")
    print(f"ratio sitrep/spaCy  : {bare / full:8.2f} (1.00 = no overhead beyond spaCy)")
    print(f"peak RSS            : {peak_rss_mb():8.0f} MB")


if __name__ == "__main__":
    main()
