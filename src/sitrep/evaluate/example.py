"""The worked example (../shared/examples/armenia-azerbaijan-2022-09-13): code article.txt
and count the facts of expected.yaml that hold (``facts.check``), per section."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from .base import MetricSpec
from .facts import check
from .metrics import Measure, share

NAME = "example"
EXAMPLE = Path("examples") / "armenia-azerbaijan-2022-09-13"
SECTIONS = {  # metric -> sections of facts.check it counts
    "example.events": ("events.must",),
    "example.must_not": ("events.must_not",),
    "example.actors": ("actors.must", "actors.mentions"),
    "example.relations": ("relations.must",),
    "example.claims": ("claims.must", "claims.contested"),
}
METRICS = (
    MetricSpec("example.events", 1.0, "share of expected.yaml's event facts that hold"),
    MetricSpec("example.must_not", 1.0, "share of expected.yaml's must_not event facts that hold"),
    MetricSpec("example.actors", 1.0, "share of expected.yaml's actor facts that hold"),
    MetricSpec("example.relations", 1.0, "share of expected.yaml's relation facts that hold"),
    MetricSpec("example.claims", 1.0, "share of expected.yaml's claim facts (and the contested one) that hold"),
)


def folder(data_dir: Path) -> Path:
    """The example sits beside the data folder: ../shared/examples/... for ../shared/data."""
    return data_dir.parent / EXAMPLE


def files(data_dir: Path) -> list[Path]:
    return [folder(data_dir) / "article.txt", folder(data_dir) / "expected.yaml"]


def score(pipeline, data_dir: Path, limit: Optional[int] = None) -> dict[str, Measure]:
    import yaml

    here = folder(data_dir)
    meta = json.loads((here / "meta.json").read_text(encoding="utf-8")) if (here / "meta.json").exists() else {}
    expected = yaml.safe_load((here / "expected.yaml").read_text(encoding="utf-8"))
    article = {"id": here.name, "text": (here / "article.txt").read_text(encoding="utf-8"),
               "published": meta.get("published")}
    result = next(iter(pipeline.pipe([article], strict=True)))
    facts = check(result.to_dict(), expected)
    return {metric: share(f.held for f in facts if f.section in sections)
            for metric, sections in SECTIONS.items()}
