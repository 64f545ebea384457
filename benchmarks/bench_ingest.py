"""Ingest throughput and store growth.

1. Articles/s for `sitrep ingest` serially, with 2 processes (--workers 2) and on a local
   Dask cluster (--dask local), each as a ratio to bare spaCy ``nlp.pipe`` on the same
   texts in the same run.
2. Growth 1k -> 10k -> 100k documents through the store path (write + fusion), with the
   database size and the latency of a filtered ``events`` query. These documents are coded
   by the deterministic keyword coder (sitrep.store.synthetic), so the figures isolate the
   store; model coding time is part 1.

Texts are synthetic, built from sentence templates written for this benchmark.

    .venv/bin/python benchmarks/bench_ingest.py --n 300 --growth 1000,10000,100000
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

SIDES = [("Armenian", "Azerbaijani", ["Jermuk", "Goris"]), ("Russian", "Ukrainian", ["Kharkiv", "Bakhmut"]),
         ("Sudanese", "Chadian", ["Nyala", "Geneina"]), ("Malian", "Burkinabe", ["Gao", "Mopti"]),
         ("Syrian", "Turkish", ["Aleppo", "Afrin"]), ("Kenyan", "Somali", ["Mandera", "Garissa"])]
TEMPLATES = [
    "{a} forces clashed with {b} troops near {town} on {day}, killing {n} soldiers, the {a} Defence Ministry said.",
    "{b} artillery shelled positions near {town} overnight, according to {a} officials.",
    "Hundreds of protesters marched in {town} on {day} to demand an end to the fighting, police said.",
    "The {b} government denied that its forces had attacked {town} and accused {a} troops of provocations.",
    "{a} and {b} envoys agreed to a ceasefire that took effect at 9 a.m. on {day}, mediators said.",
    "A drone strike hit a convoy near {town} on {day}, killing {n} people, witnesses told reporters.",
    "Officials said the situation near {town} remained tense but calm by the evening.",
]
START = dt.date(2020, 1, 1)  # publication dates spread over three years
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def texts(n: int, seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        a, b, towns = rnd.choice(SIDES)
        if rnd.random() < 0.5:
            a, b = b, a
        body = " ".join(rnd.choice(TEMPLATES).format(a=a, b=b, town=rnd.choice(towns), day=rnd.choice(DAYS),
                                                      n=rnd.randint(1, 60)) for _ in range(rnd.randint(4, 8)))
        out.append({"id": f"bench{i}", "text": f"{body} (Report {i}.)",
                    "published": (START + dt.timedelta(days=(i * 7) % 1096)).isoformat()})
    return out


def write_jsonl(folder: Path, arts: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "corpus.jsonl").write_text("\n".join(json.dumps(a) for a in arts) + "\n")
    return folder


def bare_spacy(arts: list[dict], model: str) -> float:
    import spacy

    nlp = spacy.load(model)
    list(nlp.pipe([a["text"] for a in arts[:20]]))  # warm
    t = time.perf_counter()
    for _ in nlp.pipe((a["text"] for a in arts), batch_size=16):
        pass
    return len(arts) / (time.perf_counter() - t)


def sitrep_rate(src: Path, n: int, tmp: Path, name: str, **kw) -> tuple[float, dict]:
    from sitrep import pipe
    from sitrep.settings import Settings
    from sitrep.store import Store
    from sitrep.store.batch import ingest

    settings = Settings()
    list(pipe([{"text": "Warm-up: forces clashed near the border on Monday, officials said."}], settings=settings))
    store = Store(tmp / f"{name}.db")
    t = time.perf_counter()
    rep = ingest([src], store, settings=settings, **kw)
    secs = time.perf_counter() - t
    stats = store.stats()
    store.close()
    assert rep.added == n, (rep.added, rep.bad[:3])
    return n / secs, stats


def throughput(n: int, dask: bool) -> None:
    from sitrep.settings import Settings

    arts = texts(n)
    model = Settings().model
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        src = write_jsonl(tmp / "in", arts)
        base = bare_spacy(arts, model)
        print(f"bare spaCy {model} nlp.pipe: {base:.1f} articles/s ({n} articles)")
        runs = [("serial", {}), ("2 processes", {"workers": 2})]
        cluster = None
        if dask:
            from dask.distributed import Client, LocalCluster

            from sitrep.store.batch import code_chunk

            t = time.perf_counter()
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
            with Client(cluster) as client:  # warm both workers: spaCy loaded before timing
                client.gather([client.submit(code_chunk, [arts[i]], Settings(), pure=False, workers=[w])
                               for i, w in enumerate(client.scheduler_info()["workers"])])
            print(f"local Dask cluster start-up incl. loading the model on 2 workers: {time.perf_counter() - t:.1f} s")
            runs.append(("local Dask (2 workers, started)", {"dask": cluster.scheduler_address}))
        ref = None
        for name, kw in runs:
            rate, stats = sitrep_rate(src, n, tmp, name.split()[0], **kw)
            ref = ref or stats
            same = (stats["events"], stats["event_mentions"], stats["actors"]) == \
                   (ref["events"], ref["event_mentions"], ref["actors"])
            print(f"sitrep ingest, {name}: {rate:.1f} articles/s = {rate / base:.2f} x bare spaCy; "
                  f"{stats['event_mentions']} mentions -> {stats['events']} events; same store as serial: {same}")
        if cluster is not None:
            cluster.close()


def growth(sizes: list[int]) -> None:
    from sitrep.store import Store
    from sitrep.store.batch import ingest
    from sitrep.store.synthetic import keyword_coder

    print("growth through the store path (keyword coder):")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for n in sizes:
            src = write_jsonl(tmp / f"in{n}", texts(n, seed=n))
            store = Store(tmp / f"g{n}.db")
            t = time.perf_counter()
            rep = ingest([src], store, coder=keyword_coder, batch_size=500)
            secs = time.perf_counter() - t
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            lat = []
            for _ in range(20):
                q = time.perf_counter()
                store.events(country="ARM", type="Battles", since="2022-03", until="2022-09", limit=50)
                store.count_events(country="ARM", type="Battles", since="2022-03", until="2022-09")
                lat.append(time.perf_counter() - q)
            s = store.stats()
            print(f"  {n:>7} docs: {secs:7.1f} s ({rep.added / secs:6.0f} docs/s), {s['event_mentions']} mentions -> "
                  f"{s['events']} events, db {s['size_bytes'] / 1e6:.1f} MB, filtered events+count query "
                  f"median {statistics.median(lat) * 1000:.1f} ms")
            store.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="Articles for the throughput runs (0 to skip).")
    ap.add_argument("--no-dask", action="store_true", help="Skip the local Dask run.")
    ap.add_argument("--growth", default="1000,10000", help="Comma-separated store sizes ('' to skip).")
    args = ap.parse_args()
    if args.n:
        throughput(args.n, not args.no_dask)
    if args.growth:
        growth([int(x) for x in args.growth.split(",")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
