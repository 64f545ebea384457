"""The batch path: read inputs, skip what the store already holds, code the rest through
``sitrep.pipe`` (in this process, in N local processes, or on a Dask cluster) and write the
results in atomic batches, in input order.

Coding happens wherever the workers are; writing always happens here, in input order, so
a serial run, a multi-process run and a Dask run give the same store, and a run killed
at any point and started again ends exactly as one clean run (committed batches are
skipped by content hash, the uncommitted one is redone).
"""
from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from ..errors import Errors, SitrepError
from ..ingest_files import Bad, CsvColumns, articles as read_articles
from ..records import Result
from ..settings import Settings
from .store import Store

Coder = Callable[[Iterable[dict]], Iterator[Result]]


@dataclass
class IngestReport:
    read: int = 0          # articles read from the inputs
    added: int = 0         # new documents stored
    duplicates: int = 0    # already in the store, or repeated in the input
    events: int = 0        # event mentions in the new documents
    bad: list[Bad] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {"read": self.read, "added": self.added, "duplicates": self.duplicates, "events": self.events,
                "bad": [{"path": b.path, "reason": b.reason} for b in self.bad], "seconds": round(self.seconds, 3)}


def _batched(items: Iterable, n: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


def _failed(article: dict, err: Exception) -> Result:
    from ..records import Document

    detail = str(err) if isinstance(err, SitrepError) else \
        str(SitrepError(Errors.E210, what=article.get("path") or article.get("id"), detail=f"{type(err).__name__}: {err}"))
    return Result(document=Document(id=str(article.get("path") or article.get("id")), text="", dropped=detail))


def code_safely(articles: list[dict], settings: Settings) -> list[Result]:
    """Code a chunk with sitrep.pipe; if the chunk fails, code its articles one by one so
    that one article that breaks a stage is reported instead of stopping the run."""
    from .. import pipe

    try:
        return list(pipe(articles, settings=settings))
    except Exception:  # noqa: BLE001 - isolated below, article by article
        out = []
        for a in articles:
            try:
                out.extend(pipe([a], settings=settings))
            except Exception as err:  # noqa: BLE001 - reported as a bad input with its reason
                out.append(_failed(a, err))
        return out


def local_coder(settings: Settings, *, workers: int = 1, chunk: int = 64) -> Coder:
    """Code with sitrep.pipe in this process (in chunks, isolating failures) or, with
    workers > 1, streamed through ``workers`` processes."""
    def code(articles: Iterable[dict]) -> Iterator[Result]:
        from .. import pipe

        if workers > 1:
            yield from pipe(articles, n_process=workers, settings=settings)
            return
        for part in _batched(articles, chunk):
            yield from code_safely(part, settings)
    return code


def code_chunk(articles: list[dict], settings: Settings) -> list[dict]:
    """Run on a Dask worker: code a chunk of articles, return plain Result dicts."""
    return [r.to_dict() for r in code_safely(articles, settings)]


def keyword_chunk(articles: list[dict], settings: Settings) -> list[dict]:
    """Like code_chunk with the synthetic keyword coder (tests of the Dask path)."""
    from .synthetic import keyword_coder

    return [r.to_dict() for r in keyword_coder(articles)]


def dask_coder(address: str, settings: Settings, *, workers: Optional[int] = None, chunk: int = 32,
               chunk_fn: Callable[[list[dict], Settings], list[dict]] = code_chunk) -> Coder:
    """Code on a Dask cluster (``address`` of a scheduler, or 'local' for a LocalCluster).
    Chunks are submitted with a bounded window and gathered in input order."""
    def code(articles: Iterable[dict]) -> Iterator[Result]:
        from dask.distributed import Client, LocalCluster

        cluster = None
        try:
            if address == "local":
                cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
                client = Client(cluster)
            else:
                client = Client(address, timeout="20s")
        except (OSError, TimeoutError) as err:
            if cluster is not None:
                cluster.close()
            raise SitrepError(Errors.E208, address=address, detail=str(err)) from None
        try:
            window = 2 * max(1, len(client.scheduler_info().get("workers", {})) or 1)
            pending: deque = deque()
            for part in _batched(articles, chunk):
                pending.append(client.submit(chunk_fn, part, settings, pure=False))
                while len(pending) >= window:
                    yield from (Result.from_dict(d) for d in pending.popleft().result())
            while pending:
                yield from (Result.from_dict(d) for d in pending.popleft().result())
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    return code


def _prepare(items: Iterable[Union[dict, Bad]], store: Store, settings: Settings, report: IngestReport,
             progress: Optional[Callable[[int], None]]) -> Iterator[dict]:
    """Validate each article (ingest stage) and yield only those the store lacks."""
    from ..stages.ingest import run as validate

    seen: set[str] = set()
    for item in items:
        if isinstance(item, Bad):
            report.bad.append(item)
            continue
        report.read += 1
        try:
            doc = validate(item, settings)
        except SitrepError as err:
            report.bad.append(Bad(str(item.get("path") or item.get("id")), str(err)))
            progress and progress(1)
            continue
        if doc.content_hash in seen or store.has(doc.content_hash):
            report.duplicates += 1
            progress and progress(1)
            continue
        seen.add(doc.content_hash)
        yield {"id": doc.id, "text": doc.text, "published": doc.published, "title": doc.title,
               "source": doc.source, "url": doc.url, "path": item.get("path")}


def ingest(paths: Iterable[Union[str, Path]], store: Store, *, workers: int = 1, dask: Optional[str] = None,
           batch_size: int = 200, settings: Optional[Settings] = None, columns: CsvColumns = CsvColumns(),
           published: Optional[str] = None, progress: Optional[Callable[[int], None]] = None,
           coder: Optional[Coder] = None) -> IngestReport:
    """Ingest files, directories, JSONL, CSV and feeds into the store; never raises for a
    bad input (it is listed in the report)."""
    settings = settings or Settings()
    report = IngestReport()
    started = time.perf_counter()
    if coder is None:
        coder = dask_coder(dask, settings, workers=workers if workers > 1 else None) if dask \
            else local_coder(settings, workers=workers)
    todo = _prepare(read_articles(paths, columns=columns, published=published), store, settings, report, progress)
    batch: list[Result] = []
    for result in coder(todo):
        if result.document.dropped:
            report.bad.append(Bad(str(result.document.id), result.document.dropped))
        else:
            batch.append(result)
        if len(batch) >= batch_size:
            report.added += store.add_many(batch, batch_size=len(batch))
            report.events += sum(len(r.events) for r in batch)
            progress and progress(len(batch))
            batch = []
        elif result.document.dropped and progress:
            progress(1)
    if batch:
        report.added += store.add_many(batch, batch_size=len(batch))
        report.events += sum(len(r.events) for r in batch)
        progress and progress(len(batch))
    report.seconds = time.perf_counter() - started
    return report
