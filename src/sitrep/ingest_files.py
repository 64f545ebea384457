"""Reading the inputs of ``sitrep ingest`` into article dicts: .txt/.html files, JSONL,
CSV with configurable columns, RSS/Atom feeds, and directories walked recursively in a
stable (sorted) order. A file that cannot be read becomes a ``Bad(path, reason)`` item in
the stream instead of an exception, so one bad file never stops an ingest.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .errors import Errors, SitrepError
from .inputs import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES, articles_from_path
from .stages.ingest import decode

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
CSV_SUFFIXES = {".csv", ".tsv"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | CSV_SUFFIXES | {".md"}
_FEED_HEAD = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.I)


@dataclass(frozen=True)
class Bad:
    """An input that could not be read, with the coded reason."""
    path: str
    reason: str


@dataclass(frozen=True)
class CsvColumns:
    """Which CSV columns hold the article fields (``--text-column`` etc.)."""
    text: str = "text"
    id: Optional[str] = "id"
    published: Optional[str] = "published"
    title: Optional[str] = "title"
    url: Optional[str] = "url"
    source: Optional[str] = "source"
    extra: dict = field(default_factory=dict)


def walk(paths: Iterable[Union[str, Path]]) -> Iterator[Union[Path, Bad]]:
    """Files under the given paths: directories recursively (sorted, hidden entries
    skipped, unknown suffixes ignored); a missing path is a Bad item."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).parts
                if f.is_file() and not any(part.startswith(".") for part in rel) and f.suffix.lower() in KNOWN_SUFFIXES:
                    yield f
        elif p.is_file():
            yield p
        else:
            yield Bad(str(p), str(SitrepError(Errors.E010, what=p)))


def articles(paths: Iterable[Union[str, Path]], *, columns: CsvColumns = CsvColumns(),
             published: Optional[str] = None) -> Iterator[Union[dict, Bad]]:
    """Article dicts (each with ``path``) and Bad items, in a stable order."""
    for f in walk(paths):
        if isinstance(f, Bad):
            yield f
            continue
        try:
            items = list(file_articles(f, columns=columns, published=published))
        except SitrepError as err:
            yield Bad(str(f), str(err))
            continue
        except (OSError, ValueError, csv.Error) as err:
            yield Bad(str(f), str(SitrepError(Errors.E204, what=f, detail=f"{type(err).__name__}: {err}")))
            continue
        yield from items


def file_articles(path: Path, *, columns: CsvColumns = CsvColumns(),
                  published: Optional[str] = None) -> Iterator[dict]:
    """CSV/TSV and RSS/Atom here; .txt, .html and .jsonl as ``sitrep code`` reads them."""
    suffix = path.suffix.lower()
    data = path.read_bytes()
    if suffix in CSV_SUFFIXES:
        yield from csv_articles(decode(data, str(path)), str(path), columns=columns, published=published,
                                delimiter="\t" if suffix == ".tsv" else ",")
    elif suffix in FEED_SUFFIXES or (suffix in HTML_SUFFIXES | {""} and _FEED_HEAD.search(data[:2048])):
        yield from feed_articles(data, str(path))
    else:
        for a in articles_from_path(path, published=published):
            yield dict(a, path=f"{path}:{a['id']}") if suffix in JSONL_SUFFIXES else a


def csv_articles(text: str, what: str, *, columns: CsvColumns = CsvColumns(), published: Optional[str] = None,
                 delimiter: str = ",") -> Iterator[dict]:
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    fields = reader.fieldnames or []
    if columns.text not in fields:
        raise SitrepError(Errors.E205, what=what, column=columns.text, columns=", ".join(fields) or "none")
    stem = Path(what).stem
    for n, row in enumerate(reader, 1):
        get = lambda name: (row.get(name) or None) if name else None  # noqa: E731
        article = {"id": get(columns.id) or f"{stem}:{n}", "text": get(columns.text) or "",
                   "published": get(columns.published) or published, "title": get(columns.title),
                   "url": get(columns.url), "source": get(columns.source), "path": f"{what}:{n}"}
        article.update({k: get(v) for k, v in columns.extra.items()})
        yield article


def feed_articles(data: bytes, what: str) -> Iterator[dict]:
    """Entries of an RSS or Atom feed: the entry's content (or summary) as HTML."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        raise SitrepError(Errors.E206, what=what, detail=str(feed.get("bozo_exception") or "no entries"))
    source = (feed.feed or {}).get("title")
    bodies = []
    for entry in feed.entries:
        content = entry.get("content") or []
        bodies.append(content[0].get("value") if content else entry.get("summary") or entry.get("description") or "")
    if feed.bozo and not any(b.strip() for b in bodies):
        raise SitrepError(Errors.E206, what=what, detail=str(feed.get("bozo_exception") or "no entry has text"))
    for n, (entry, body) in enumerate(zip(feed.entries, bodies), 1):
        title = entry.get("title")
        stamp = entry.get("published") or entry.get("updated")
        if not re.search(r"<\w", body or ""):
            article = {"text": body}
        else:
            article = {"html": f"<html><body><article>{body}</article></body></html>"}
        article.update(id=entry.get("id") or entry.get("link") or f"{Path(what).stem}:{n}", title=title,
                       url=entry.get("link"), source=source, published=stamp, path=f"{what}:{n}")
        yield article


def estimate(paths: Iterable[Union[str, Path]]) -> int:
    """A quick count of the articles under the paths, for the progress bar's ETA."""
    total = 0
    for f in walk(paths):
        if isinstance(f, Bad):
            continue
        suffix = f.suffix.lower()
        try:
            if suffix in JSONL_SUFFIXES:
                with f.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif suffix in CSV_SUFFIXES:
                with f.open("rb") as fh:
                    total += max(0, sum(1 for _ in fh) - 1)
            elif suffix in FEED_SUFFIXES:
                data = f.read_bytes()
                total += max(1, len(re.findall(rb"<(item|entry)\b", data)))
            else:
                total += 1
        except OSError:
            total += 1
    return total
