"""Reading articles from files and streams into article dicts for ``pipe``.

A .txt or .html file is one article; a .jsonl file (or stdin whose first non-blank
character is ``{``) is one article per line with keys id, text (or html), published,
title, source, url. Bytes are decoded and checked by the ingest stage.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator, Optional

from .errors import Errors, SitrepError
from .stages.ingest import decode

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}


def jsonl_articles(text: str, what: str, published: Optional[str] = None) -> Iterator[dict]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise SitrepError(Errors.E007, line=n, what=what, detail=err.msg) from None
        if not isinstance(obj, dict):
            raise SitrepError(Errors.E007, line=n, what=what, detail="not a JSON object")
        if obj.get("text") is None and obj.get("html") is None:
            obj["text"] = None  # ingest reports E008 for this article alone
        obj.setdefault("id", f"{Path(what).stem}:{n}")
        if published and not obj.get("published"):
            obj["published"] = published
        yield obj


def articles_from_path(path: Path, *, published: Optional[str] = None) -> Iterator[dict]:
    if not path.exists() or not path.is_file():
        raise SitrepError(Errors.E010, what=path)
    suffix = path.suffix.lower()
    data = path.read_bytes()
    base = {"id": path.stem, "path": str(path), "published": published}
    if suffix in JSONL_SUFFIXES:
        yield from jsonl_articles(decode(data, str(path)), str(path), published)
    elif suffix in HTML_SUFFIXES:
        yield dict(base, html=data)
    elif suffix in TEXT_SUFFIXES or suffix == ".md":
        yield dict(base, text=data)
    else:
        raise SitrepError(Errors.E009, what=path)


def articles_from_stdin(data: bytes, *, published: Optional[str] = None) -> Iterator[dict]:
    text = decode(data, "standard input")
    if text.lstrip().startswith("{"):
        yield from jsonl_articles(text, "stdin", published)
    elif text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        yield {"id": "stdin", "html": text, "published": published}
    else:
        yield {"id": "stdin", "text": text, "published": published}
