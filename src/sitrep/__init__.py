"""sitrep: news reports about armed conflict -> structured, explainable event data."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator, Optional

from .errors import Errors, SitrepError
from .records import Actor, Claim, Document, Event, Relation, Result, Span
from .settings import Settings

__version__ = "0.1.0"
__all__ = ["code", "pipe", "Pipeline", "Settings", "Result", "Document", "Actor", "Event",
           "Claim", "Relation", "Span", "SitrepError", "Errors", "__version__"]


@lru_cache(maxsize=2)
def _pipeline(settings: Settings):
    from .pipeline import Pipeline

    return Pipeline(settings)


def code(text: str, *, published=None, settings: Optional[Settings] = None, **meta) -> Result:
    """Code one article. Raises SitrepError on bad input."""
    return _pipeline(settings or Settings()).code(text, published=published, **meta)


def pipe(docs: Iterable[dict], *, n_process: int = 1, batch_size: Optional[int] = None,
         settings: Optional[Settings] = None) -> Iterator[Result]:
    """Code an iterable of article dicts (id, text or html, published, title, source, url),
    yielding Results in input order; a bad article yields an empty Result with
    ``document.dropped`` set to the coded reason."""
    return _pipeline(settings or Settings()).pipe(docs, n_process=n_process, batch_size=batch_size)


def Pipeline(settings: Optional[Settings] = None):  # noqa: N802 - a factory named like the class
    from .pipeline import Pipeline as _P

    return _P(settings)
