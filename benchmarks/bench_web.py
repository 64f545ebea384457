"""Benchmark of `sitrep serve` over a store of 100k synthetic events (loopback only, bounded).

    .venv/bin/python benchmarks/bench_web.py [--events 100000] [--db PATH] [--requests 400]

Builds (once, then reuses) a store of hand-built synthetic reports, starts uvicorn on a free
127.0.0.1 port in a child process, and reports:
  * server time (the app's Server-Timing header) and client latency for the first events page
    and for a filtered query, median of 20 sequential requests each;
  * p50/p99 latency with 20 concurrent clients over a fixed mix of pages and API calls.
"""
from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from sitrep.store import Store
from sitrep.store.synthetic import report

TYPES = [("Political violence", "Battles", "Armed clash", "ASSAULT"),
         ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT"),
         ("Political violence", "Violence against civilians", "Attack", "ASSAULT"),
         ("Demonstrations", "Protests", "Peaceful protest", "PROTEST"),
         ("Demonstrations", "Riots", "Violent demonstration", "PROTEST"),
         ("Strategic developments", "Strategic developments", "Agreement", "AGREE")]
COUNTRIES = ["ARM", "AZE", "GEO", "UKR", "RUS", "SYR", "IRQ", "YEM", "SDN", "MLI"]
FILTERED = "/events?country=ARM&type=Battles&since=2020-01-01&until=2021-12-31"
MIX = ["/events", FILTERED, "/api/events?limit=50&offset=500", "/api/events?q=forces+of+arm&limit=20",
       "/timeline.json?country=AZE&since=2021-01-01&until=2021-03-31", "/events.json?sort=fatalities&limit=50",
       "/api/stats", "/map.json?country=GEO&since=2022-01-01&until=2022-02-28"]


def synthetic(n_events: int, per_doc: int = 5, seed: int = 7):
    rng = random.Random(seed)
    day0 = 18262  # 2020-01-01 as days since the epoch
    for d in range(0, n_events, per_doc):
        country = rng.choice(COUNTRIES)
        text = f"Synthetic report {d} about fighting in {country}."
        events = []
        for k in range(min(per_doc, n_events - d)):
            disorder, etype, sub, plover = rng.choice(TYPES)
            other = rng.choice(COUNTRIES)
            place = f"Town {rng.randrange(400)} {country}"
            date = time.strftime("%Y-%m-%d", time.gmtime((day0 + rng.randrange(1500)) * 86400))
            events.append(dict(trigger="fighting", date=date, type=(disorder, etype, sub), plover=plover,
                               actors=[(f"Forces of {country} {rng.randrange(20)}", "armed_group", country, "MIL")],
                               recipients=[(f"Forces of {other} {rng.randrange(20)}", "armed_group", other, "MIL")],
                               place=(place, country, 1, rng.uniform(-40, 60), rng.uniform(-20, 120)),
                               fatalities=(rng.randrange(0, 30), "exact") if rng.random() < 0.5 else None))
        yield report(f"synthetic-{d}", text, published=events[0]["date"], events=events, title=f"Report {d}")


def build(db: Path, n_events: int) -> int:
    with Store(db) as store:
        have = store.count_events()
        if have >= n_events * 0.9:
            return have
        began = time.perf_counter()
        store.add_many(synthetic(n_events), batch_size=500)
        n = store.count_events()
        print(f"built {n:,} fused events in {time.perf_counter() - began:.0f} s -> {db}", file=sys.stderr)
        return n


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(db: Path, port: int) -> subprocess.Popen:
    code = ("from sitrep.web import serve; import sys; "
            "serve(sys.argv[1], host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(port)])
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=30)
            return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start")


def timed(client: httpx.Client, url: str) -> tuple[float, float]:
    began = time.perf_counter()
    r = client.get(url)
    wall = (time.perf_counter() - began) * 1000
    r.raise_for_status()
    server = float(r.headers["server-timing"].split("dur=")[1])
    return server, wall


def sequential(base: str, url: str, n: int = 20) -> dict:
    with httpx.Client(base_url=base, timeout=60) as c:
        first = timed(c, url)
        rest = [timed(c, url) for _ in range(n - 1)]
    return {"first_server_ms": first[0], "median_server_ms": statistics.median(s for s, _ in rest),
            "median_client_ms": statistics.median(w for _, w in rest)}


def concurrent(base: str, clients: int, total: int) -> dict:
    latencies: list[float] = []
    lock = threading.Lock()
    jobs = [MIX[i % len(MIX)] for i in range(total)]

    def worker(k: int):
        with httpx.Client(base_url=base, timeout=120) as c:
            for url in jobs[k::clients]:
                _, wall = timed(c, url)
                with lock:
                    latencies.append(wall)

    began = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    q = statistics.quantiles(latencies, n=100)
    return {"requests": len(latencies), "p50_ms": q[49], "p99_ms": q[98], "req_per_s": len(latencies) / elapsed}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000, help="synthetic events in the store")
    ap.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "sitrep-bench-web.db",
                    help="store file (built once, then reused)")
    ap.add_argument("--clients", type=int, default=20, help="concurrent clients")
    ap.add_argument("--requests", type=int, default=400, help="requests in the concurrent run")
    args = ap.parse_args()
    n = build(args.db, args.events)
    port = free_port()
    proc = start(args.db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        first = sequential(base, "/events")
        filtered = sequential(base, FILTERED)
        with httpx.Client(base_url=base, timeout=60) as c:
            per_url = {u: min(timed(c, u)[0] for _ in range(3)) for u in MIX}
        load = concurrent(base, args.clients, args.requests)
    finally:
        proc.terminate()
        proc.wait(10)
    print(f"store: {n:,} fused events ({args.db})")
    print(f"first events page  /events: first request {first['first_server_ms']:.1f} ms server; "
          f"median {first['median_server_ms']:.1f} ms server, {first['median_client_ms']:.1f} ms client")
    print(f"filtered query     {FILTERED}: first request {filtered['first_server_ms']:.1f} ms server; "
          f"median {filtered['median_server_ms']:.1f} ms server, {filtered['median_client_ms']:.1f} ms client")
    for u, ms in per_url.items():
        print(f"  server time {ms:7.1f} ms  {u}")
    print(f"{args.clients} concurrent clients, {load['requests']} requests over {len(MIX)} URLs: "
          f"p50 {load['p50_ms']:.1f} ms, p99 {load['p99_ms']:.1f} ms, {load['req_per_s']:.1f} req/s")


if __name__ == "__main__":
    main()
