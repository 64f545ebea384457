"""CASE 2021 shared task 2 (case2021-task2): news-like snippets, each labelled with one
of 25 ACLED sub-event types or one of five classes outside ACLED (organised crime, natural
and man-made disasters, diplomacy, attributions; see the task's note on event types). Snippets
and labels come from ../shared/data when the evaluation runs; this module keeps none of them.

Each snippet is coded with a fixed publication date (snippets carry none); its main
event's ACLED sub_event_type becomes a CASE code through data/eval_acled_classes.tsv,
and no ACLED event becomes "NONE". The weighted F1 is over the 25 ACLED classes, on
every snippet: a non-ACLED snippet adds no weight, but coding an ACLED class on it is a
false positive of that class (a coder must abstain on diplomacy, crime, disasters).
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..lexicon import load_table
from .base import MetricSpec, main_event
from .metrics import Measure, accuracy, every_kth, norm_label, share, weighted_f1

NAME = "case2021"
FOLDER = "case2021-task2"
FILE = "test_set_final_release_with_labels.tsv"
PUBLISHED = "2020-01-01"
NONE = "NONE"
METRICS = (
    MetricSpec("case2021.weighted_f1", 0.75, "F1 over the 25 ACLED classes weighted by support, on all snippets"),
    MetricSpec("case2021.accuracy", None, "accuracy on the snippets with an ACLED class"),
    MetricSpec("case2021.abstain", None, "share of non-ACLED snippets (DIPLO, ATTRIB, crime, disasters) coded with no ACLED event"),
)


@lru_cache(maxsize=1)
def case_codes() -> dict[str, str]:
    """norm_label(ACLED sub_event_type) -> CASE code, for the 25 ACLED classes."""
    table = load_table("eval_acled_classes.tsv", required=["case_code", "sub_event_type"])
    return {norm_label(r["sub_event_type"]): r["case_code"] for r in table}


def to_case(sub_event_type: Optional[str]) -> str:
    return case_codes().get(norm_label(sub_event_type), NONE) if sub_event_type else NONE


def files(data_dir: Path) -> list[Path]:
    return [data_dir / FOLDER / FILE]


def load(data_dir: Path, limit: Optional[int] = None) -> list[dict]:
    with open(data_dir / FOLDER / FILE, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if r.get("EventSnippet")]
    return every_kth(rows, limit)


def score_labels(gold: list[str], pred: list[str]) -> dict[str, Measure]:
    classes = set(case_codes().values())
    acled = [(g, p) for g, p in zip(gold, pred) if g in classes]
    return {
        "case2021.weighted_f1": weighted_f1(gold, pred, labels=classes),
        "case2021.accuracy": accuracy([g for g, _ in acled], [p for _, p in acled]),
        "case2021.abstain": share(p == NONE for g, p in zip(gold, pred) if g not in classes),
    }


def score(pipeline, data_dir: Path, limit: Optional[int] = None) -> dict[str, Measure]:
    rows = load(data_dir, limit)
    articles = ({"id": f"case2021:{r['id']}", "text": r["EventSnippet"], "published": PUBLISHED} for r in rows)
    pred = []
    for result in pipeline.pipe(articles):
        ev = main_event(result)
        pred.append(to_case(ev.acled.sub_event_type if ev else None))
    return score_labels([r["SubType"].strip() for r in rows], pred)
