"""re3d (Dstl): entity spans in defence and security documents about Syria and Iraq.

Each document is run through sitrep's spaCy pipeline (the entity ruler built from the actor
data files, then NER and surname propagation). Predicted entities map to re3d types:
PERSON -> Person; ORG -> Organisation; NORP -> Nationality; GPE, LOC, FAC -> Location. A
GPE that sitrep resolves as an acting government ("Syria accused Israel") is also counted
as an Organisation, as re3d annotates such mentions both ways. Scores are span precision,
recall and F1 per type: ``strict`` needs the same start and end; ``lenient`` counts
overlapping spans of the same type.

The gold files are read at evaluation time only; nothing of them is kept.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator, Optional

from .base import MetricSpec
from .metrics import Measure, every_kth

NAME = "re3d"
TYPES = ("Person", "Organisation", "Nationality", "Location")
LABELS = {"PERSON": "Person", "ORG": "Organisation", "NORP": "Nationality",
          "GPE": "Location", "LOC": "Location", "FAC": "Location"}
METRICS = tuple(
    MetricSpec(f"re3d.{t.lower()}_{m}", None, f"{t} span {m.upper() if m == 'f1' else m} (strict: same start and end)")
    for t in TYPES for m in ("p", "r", "f1")
) + (MetricSpec("re3d.micro_f1", None, "span F1 over the four types (strict)"),
     MetricSpec("re3d.micro_f1_lenient", None, "span F1 over the four types (overlapping spans count)"))


def files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / NAME).glob("*/documents.json")) + sorted((data_dir / NAME).glob("*/entities.json"))


def _records(path: Path) -> Iterator[dict]:
    """mongoexport JSON: one object per line."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                yield json.loads(line)


def load(data_dir: Path, limit: Optional[int] = None) -> list[tuple[dict, set]]:
    """(document, gold spans {(type, begin, end)}) pairs, every k-th document when limited."""
    docs: dict[str, dict] = {}
    gold: dict[str, set] = {}
    for folder in sorted((data_dir / NAME).glob("*/")):
        if not (folder / "documents.json").exists():
            continue
        for d in _records(folder / "documents.json"):
            docs[d["_id"]] = d
            gold.setdefault(d["_id"], set())
        for e in _records(folder / "entities.json"):
            if e["type"] in TYPES and e["documentId"] in gold:
                gold[e["documentId"]].add((e["type"], int(e["begin"]), int(e["end"])))
    pairs = [(docs[k], gold[k]) for k in sorted(docs)]
    return every_kth(pairs, limit)


KIND_TYPES = {"person": "Person", "state": "Organisation", "igo": "Organisation",
              "organization": "Organisation", "armed_group": "Organisation", "group": "Organisation"}


def actor_spans(doc, settings) -> set:
    """Spans of the actor mentions sitrep's actors stage resolves that are not entities:
    institutions and forces ("the Iraqi government", "Iraqi security forces") and pronouns."""
    from ..pipeline import State
    from ..records import Document, Result
    from ..stages import actors

    state = actors.run(State(doc=doc, result=Result(document=Document(id="re3d", text=doc.text)), settings=settings))
    ents = {(e.start_char, e.end_char) for e in doc.ents}
    return {(KIND_TYPES[a.kind], m.start, m.end) for a in state.result.actors if a.kind in KIND_TYPES
            for m in a.mentions if ((m.start, m.end) not in ents and " " in m.text) or m.text.lower() in PRONOUNS}


PRONOUNS = {"he", "she", "him", "her", "his", "it", "its"}


def predicted(doc, settings=None) -> set:
    """Predicted spans {(type, start_char, end_char)} of a spaCy Doc (plus resolved actor
    phrases when settings are given)."""
    out = set() if settings is None else actor_spans(doc, settings)
    for ent in doc.ents:
        t = LABELS.get(ent.label_)
        if t:
            if len(ent) > 1 and ent[-1].text in ("'s", "’s"):   # re3d spans leave the possessive out
                ent = ent[:-1]
            out.add((t, ent.start_char, ent.end_char))
            if ent.label_ == "GPE" and ent.root.dep_ in ("nsubj", "nsubjpass", "poss"):
                out.add(("Organisation", ent.start_char, ent.end_char))
    return out


def _prf(tp: int, npred: int, ngold: int) -> tuple[Optional[float], Optional[float], Optional[float]]:
    p = tp / npred if npred else None
    r = tp / ngold if ngold else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return p, r, f


def _overlaps(a: tuple, spans: set) -> bool:
    return any(a[0] == b[0] and a[1] < b[2] and b[1] < a[2] for b in spans)


def score_pairs(pairs: list[tuple[set, set]]) -> dict[str, Measure]:
    """Measures from (gold, predicted) span sets, one pair per document."""
    out: dict[str, Measure] = {}
    totals = [0, 0, 0, 0]   # tp, pred, gold, lenient tp
    for t in TYPES:
        tp = npred = ngold = 0
        for gold, pred in pairs:
            g = {s for s in gold if s[0] == t}
            p = {s for s in pred if s[0] == t}
            tp += len(g & p)
            npred += len(p)
            ngold += len(g)
            totals[3] += sum(_overlaps(s, g) for s in p)
        totals[0] += tp
        totals[1] += npred
        totals[2] += ngold
        p, r, f = _prf(tp, npred, ngold)
        out[f"re3d.{t.lower()}_p"] = Measure(p, npred)
        out[f"re3d.{t.lower()}_r"] = Measure(r, ngold)
        out[f"re3d.{t.lower()}_f1"] = Measure(f, ngold)
    out["re3d.micro_f1"] = Measure(_prf(totals[0], totals[1], totals[2])[2], totals[2])
    out["re3d.micro_f1_lenient"] = Measure(_prf(min(totals[3], totals[2]), totals[1], totals[2])[2], totals[2])
    return out


def score(pipeline, data_dir: Path, limit: Optional[int] = None) -> dict[str, Measure]:
    pairs = load(data_dir, limit)
    docs = pipeline.nlp.pipe((d["text"] for d, _ in pairs), batch_size=8)
    return score_pairs([(gold, predicted(doc, pipeline.settings)) for (_, gold), doc in zip(pairs, docs)])
