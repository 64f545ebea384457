"""Metric functions for the evaluation gate: pure, small, and unit-tested on hand-made inputs.

Nothing here reads gold data or runs the pipeline; the dataset modules (acled, case2021,
plover) call these on the lists of gold and predicted labels they collect.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Hashable, Iterable, Optional, Sequence, TypeVar

T = TypeVar("T")
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Measure:
    """One metric's value over ``n`` scored items (value None when n is 0)."""
    value: Optional[float]
    n: int


def share(hits: Iterable[bool]) -> Measure:
    """The share of True among ``hits``; None over no items."""
    hits = list(hits)
    return Measure(sum(hits) / len(hits) if hits else None, len(hits))


def accuracy(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> Measure:
    """Share of items whose prediction equals the gold label (None predictions are wrong)."""
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    return share(g == p for g, p in zip(gold, pred))


def per_class_f1(gold: Sequence[Hashable], pred: Sequence[Hashable], label: Hashable) -> float:
    tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
    fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
    fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def weighted_f1(gold: Sequence[Hashable], pred: Sequence[Hashable],
                labels: Optional[Iterable[Hashable]] = None) -> Measure:
    """F1 per label averaged with the gold support of each label as weight
    (scikit-learn's ``average="weighted"``).

    ``labels`` fixes the label set (default: the gold labels). An item whose gold label
    is outside the set adds no weight, but predicting a label of the set for it is a
    false positive of that label; predicting a label outside the set (or None) is a
    miss of the gold label and no one's false positive.
    """
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    label_set = set(gold) if labels is None else set(labels)
    support = {lab: sum(1 for g in gold if g == lab) for lab in label_set}
    total = sum(support.values())
    if not total:
        return Measure(None, 0)
    value = sum(support[lab] * per_class_f1(gold, pred, lab) for lab in label_set if support[lab]) / total
    return Measure(value, total)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def norm_label(text: Optional[str]) -> Optional[str]:
    """Compare labels and place names loosely: case, accents, punctuation and ACLED's two
    spellings of 'protesters' do not count ('Excessive force against protestors')."""
    if text is None:
        return None
    t = unicodedata.normalize("NFKD", str(text))
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    t = t.replace("protestors", "protesters")
    t = re.sub(r"['\u2019`]", "", t)
    t = re.sub(r"[^0-9a-z]+", " ", t).strip()
    return t or None


def place_skeleton(name: Optional[str]) -> Optional[str]:
    """A transliteration-tolerant key for place names: no article (al-, el-, ad-), no
    vowels (nor y, w), no doubled letters, no final h; 'Idleb' and 'Idlib', 'Ma'rib'
    and 'Marib', 'Khost' and 'Khowst', 'Kiev City' and 'Kyiv City' share one."""
    t = norm_label(name)
    if not t:
        return None
    t = re.sub(r"^(al|el|ad|ar|as|ash|an|at|az)\s+", "", t)
    t = re.sub(r"[aeiouyw\s]", "", t)
    t = re.sub(r"(.)\1+", r"\1", t)
    t = re.sub(r"h$", "", t)
    return t if len(t) >= 3 else None


ADMIN_SUFFIX = re.compile(r"\s+(region|province|governorate|state|oblast|area|county|department|division)$")


def same_place(gold: Optional[str], pred: Optional[str]) -> bool:
    """Place names match when equal after ``norm_label`` and without a generic admin word
    at the end ("Southern Region" is "Southern", "Western Area" is "Western"), or with one
    ``place_skeleton``."""
    if not gold or not pred:
        return False
    gold, pred = norm_label(gold), norm_label(pred)
    if gold == pred or ADMIN_SUFFIX.sub("", gold or "") == ADMIN_SUFFIX.sub("", pred or ""):
        return True
    skeleton = place_skeleton(gold)
    return skeleton is not None and skeleton == place_skeleton(pred)


def every_kth(items: Sequence[T], limit: Optional[int]) -> list[T]:
    """A deterministic sample of at most ``limit`` items spread evenly over ``items``
    (every k-th, starting with the first); all items when ``limit`` is None or 0."""
    items = list(items)
    if not limit or limit >= len(items):
        return items
    k = len(items) / limit
    return [items[int(i * k)] for i in range(limit)]
