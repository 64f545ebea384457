"""The bundled example: an AP-style report of the Armenia-Azerbaijan clashes of 13 September 2022."""
from __future__ import annotations

import json
from importlib import resources

from ..records import Result
from ..settings import Settings


def article() -> dict:
    here = resources.files(__name__)
    meta = json.loads((here / "meta.json").read_text(encoding="utf-8"))
    return {"id": "armenia-azerbaijan-2022-09-13", "text": (here / "article.txt").read_text(encoding="utf-8"),
            "published": meta["published"], "title": "Armenia-Azerbaijan border clashes", "source": "example"}


def code_demo(settings: Settings) -> Result:
    from ..pipeline import Pipeline

    a = article()
    return Pipeline(settings).code(a.pop("text"), **a)


def run_demo(settings: Settings, db=None) -> str:
    """Code the example, add it to the store (default path unless ``db``), render its events."""
    from ..render import events_table
    from ..store import Store

    result = code_demo(settings)
    with Store(db) as store:
        added = store.add(result)
        where = store.path
    note = "stored in" if added else "already in"
    return f"{events_table(result)}\n\n{note} {where}; try: sitrep events --db {where}"
