"""One loader for sitrep's versioned data files (lexicons, gazetteers, actor lists).

A data file is UTF-8 TSV. It opens with a provenance header of ``#`` lines, at least
``# source:``; a ``# known problems:`` block may follow. The first non-comment line names
the columns. Cells holding several values separate them with ``|``. Empty cells are None.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

from .errors import Errors, SitrepError

DATA_DIR = Path(str(resources.files("sitrep") / "data"))


@dataclass
class Table:
    path: Path
    header: dict[str, str]
    columns: list[str]
    rows: list[dict[str, Optional[str]]] = field(default_factory=list)

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def split(cell: Optional[str]) -> list[str]:
    """A multi-valued cell as a list ('a|b' -> ['a', 'b'])."""
    return [v.strip() for v in cell.split("|") if v.strip()] if cell else []


def _lines(path: Path) -> Iterable[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").rstrip("\r")


def load_table(path: Path | str, *, required: Iterable[str] = ()) -> Table:
    """Load and validate one data file. Relative paths are under sitrep/data."""
    path = Path(path)
    if not path.is_absolute():
        path = DATA_DIR / path
    header: dict[str, str] = {}
    columns: list[str] = []
    rows: list[dict] = []
    key = None
    for n, line in enumerate(_lines(path), 1):
        if not columns:
            if line.startswith("#"):
                body = line[1:].strip()
                if ":" in body and not body.startswith("-"):
                    key, _, value = body.partition(":")
                    key = key.strip().lower()
                    header[key] = value.strip()
                elif key and body:
                    header[key] = (header[key] + "\n" + body).strip()
                continue
            if not line.strip():
                continue
            columns = line.split("\t")
            continue
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) > len(columns):
            raise SitrepError(Errors.E102, path=path, detail=f"line {n} has {len(cells)} cells for {len(columns)} columns")
        cells += [""] * (len(columns) - len(cells))
        rows.append({c: (v.strip() or None) for c, v in zip(columns, cells)})
    if "source" not in header:
        raise SitrepError(Errors.E103, path=path)
    missing = [c for c in required if c not in columns]
    if missing:
        raise SitrepError(Errors.E102, path=path, detail=f"missing columns {missing}")
    return Table(path=path, header=header, columns=columns, rows=rows)


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for r in load_table("word_classes.tsv", required=["class", "word"]):
        classes.setdefault(r["class"], set()).add(r["word"])
    return {name: frozenset(words) for name, words in classes.items()}


@lru_cache(maxsize=None)
def word_class(*names: str) -> frozenset[str]:
    """The words of one or more classes of data/word_classes.tsv, joined
    (``word_class("civilian_thing", "military_thing")``)."""
    classes = _word_classes()
    unknown = [n for n in names if n not in classes]
    if unknown:
        raise SitrepError(Errors.E105, name=unknown[0], known=", ".join(sorted(classes)))
    return frozenset().union(*(classes[n] for n in names))
