"""The pipeline: one explicit list of stages, run in order on every article.

    ingest -> nlp -> actors -> events -> dates -> places -> fatalities -> claims
        -> implied_actors -> relations

Each stage is a module in ``sitrep.stages`` with ``run(state) -> state``. ``State`` carries
the spaCy ``Doc``, the ``Result`` being filled and the settings; stages read what earlier
stages wrote (``requires``) and add their own records (``assigns``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Optional

from spacy.tokens import Doc

from .errors import SitrepError
from .records import Document, Result
from .settings import Settings
from .stages import actors, claims, dates, events, fatalities, implied_actors, ingest, places, relations

STAGES = [actors, events, dates, places, fatalities, claims, implied_actors, relations]


@dataclass
class State:
    doc: Doc
    result: Result
    settings: Settings
    scratch: dict[str, Any] = field(default_factory=dict)  # per-document working data shared by stages


class Pipeline:
    """Loads spaCy once and codes articles."""

    def __init__(self, settings: Optional[Settings] = None):
        from . import nlp as nlp_mod

        self.settings = settings or Settings()
        self.nlp = nlp_mod.load(self.settings)

    def _finish(self, document: Document, doc: Doc) -> Result:
        state = State(doc=doc, result=Result(document=document), settings=self.settings)
        for stage in STAGES:
            state = stage.run(state)
        return state.result

    def code(self, text: str, **meta) -> Result:
        return next(self.pipe([dict(meta, text=text)], strict=True))

    def pipe(self, articles: Iterable[dict], *, batch_size: Optional[int] = None,
             n_process: int = 1, strict: bool = False) -> Iterator[Result]:
        """Code articles in order. A bad article yields an empty Result whose
        ``document.dropped`` carries the coded reason (or raises, if ``strict``)."""
        docs = (self._prepare(a, strict) for a in articles)
        ready = ((d, d.text if d.dropped is None else "") for d in docs)
        for doc, document in self.nlp.pipe(((t, d) for d, t in ready), as_tuples=True,
                                           batch_size=batch_size or self.settings.batch_size,
                                           n_process=n_process):
            if document.dropped is not None:
                yield Result(document=document)
            else:
                yield self._finish(document, doc)

    def _prepare(self, article: dict, strict: bool) -> Document:
        try:
            return ingest.run(article, self.settings)
        except SitrepError as err:
            if strict:
                raise
            return ingest.dropped(article, err)
