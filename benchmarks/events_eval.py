"""Score the events stage on the gold data in ../shared/data (read at run time, never copied).

    .venv/bin/python benchmarks/events_eval.py [--n 300] [--which acled,case,plover] [--errors 0]

For each text the *main event* is the one `sitrep eval` scores (sitrep.evaluate.base.main_event:
the highest-confidence non-historical typed event). Each file is split deterministically into two halves by a hash of the
record id: "look" (the half rules were read against) and "held" (not looked at); both are
reported so that rules fitted to single examples show as a gap between them.

ACLED notes: event_type accuracy, sub_event_type accuracy and weighted F1.
CASE 2021 task 2: weighted F1 over the 25 ACLED classes (snippets whose gold is an ACLED
class) and over all 30 classes. PLOVER GSR: type accuracy (PLOVER 0.5 labels of the GSR
mapped to the 16 types: DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE, FIGHT->ASSAULT).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("SITREP_DATA", ROOT.parent / "shared" / "data"))
ACLED_FILES = {
    "global": DATA / "acled-global-2020-apr-may" / "acled_global_2020-04-27_to_2020-05-09.csv",
    "kenya": DATA / "acled-kenya-2004-2019" / "acled_kenya_2004-2019.csv",
}
CASE_FILE = DATA / "case2021-task2" / "test_set_final_release_with_labels.tsv"
PLOVER_FILE = DATA / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
CASE_CODES = {
    "Armed clash": "ARMED_CLASH", "Air/drone strike": "AIR_STRIKE",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK", "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Grenade": "GRENADE", "Suicide bomb": "SUIC_BOMB", "Chemical weapon": "CHEM_WEAP", "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP", "Sexual violence": "SEX_VIOL",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Peaceful protest": "PEACE_PROTEST", "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST", "Violent demonstration": "VIOL_DEMONSTR",
    "Mob violence": "MOB_VIOL", "Agreement": "AGREEMENT", "Arrests": "ARREST",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT", "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Looting/property destruction": "PROPERTY_DISTRUCT", "Other": "OTHER",
}
GSR_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def half(key: str) -> str:
    return "look" if int(hashlib.md5(key.encode()).hexdigest(), 16) % 2 == 0 else "held"


def weighted_f1(gold: list, pred: list) -> float:
    labels = Counter(gold)
    total = 0.0
    for lab, n in labels.items():
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if g != lab and p == lab)
        fn = n - tp
        f1 = 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)
        total += f1 * n
    return total / max(1, len(gold))


def main_event(result):
    """The main event as `sitrep eval` picks it (sitrep.evaluate.base.main_event)."""
    from sitrep.evaluate.base import main_event as pick

    return pick(result)


def main_event_plover(result):
    from sitrep.evaluate.base import main_event as pick

    return pick(result, ontology="plover")


def _date(s: str) -> str | None:
    for fmt in ("%d-%B-%Y", "%d %B %Y", "%d-%b-%y", "%d-%m-%y", "%d-%m-%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(s.strip(), fmt).date().isoformat()
        except ValueError:
            pass
    return None


FAST = True  # only the stages events needs (actors, events); --full runs the whole pipeline


CACHE = Path(os.environ.get("SITREP_EVAL_CACHE", "/tmp/sitrep-events-eval-cache"))


def _parsed(pipeline, texts: list[str]):
    """spaCy Docs for texts, cached on disk outside the repo (parsing dominates run time)."""
    from spacy.tokens import DocBin

    key = hashlib.md5(("\x00".join(texts) + pipeline.settings.model).encode()).hexdigest()
    path = CACHE / f"{key}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(pipeline.nlp.vocab))
    docs = list(pipeline.nlp.pipe(texts, batch_size=32))
    CACHE.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


def code_all(pipeline, items):
    arts = [{"id": str(i), "text": t, "published": d} for i, (t, d) in enumerate(items)]
    if not FAST:
        return list(pipeline.pipe(arts, batch_size=32))
    from sitrep.pipeline import State
    from sitrep.records import Document, Result
    from sitrep.stages import actors, events

    out = []
    for doc in _parsed(pipeline, [a["text"] for a in arts]):
        state = State(doc=doc, result=Result(document=Document(id="x", text=doc.text)), settings=pipeline.settings)
        for stage in (actors, events):
            state = stage.run(state)
        out.append(state.result)
    return out


def report(name, rows, errors: int):
    """rows: (half, gold_et, pred_et, gold_sub, pred_sub, text)"""
    for h in ("look", "held", "all"):
        sel = [r for r in rows if h == "all" or r[0] == h]
        if not sel:
            continue
        et = sum(r[1] == r[2] for r in sel) / len(sel)
        sub = sum(r[3] == r[4] for r in sel) / len(sel)
        f1 = weighted_f1([r[3] for r in sel], [r[4] for r in sel])
        print(f"{name:14s} {h:5s} n={len(sel):4d} event_type={et:.3f} sub_acc={sub:.3f} sub_wF1={f1:.3f}")
    conf = Counter((r[3], r[4]) for r in rows if r[3] != r[4])
    print("  top confusions (gold -> predicted):")
    for (g, p), n in conf.most_common(12):
        print(f"    {n:3d}  {g} -> {p}")
    if errors:
        shown = [r for r in rows if r[0] == "look" and r[3] != r[4]][:errors]
        for r in shown:
            print(f"  [{r[3]} -> {r[4]}] {r[5][:300]}")


def eval_acled(pipeline, n: int, errors: int):
    for name, path in ACLED_FILES.items():
        if not path.exists():
            print(f"skip {name}: {path} not present")
            continue
        with open(path, newline="", encoding="utf-8") as fh:
            recs = list(csv.DictReader(fh))
        recs.sort(key=lambda r: r["data_id"])
        sample = random.Random(13).sample(recs, min(n, len(recs)))
        results = code_all(pipeline, [(r["notes"], _date(r["event_date"])) for r in sample])
        rows = []
        for r, res in zip(sample, results):
            e = main_event(res)
            rows.append((half(r["data_id"]), r["event_type"], e.acled.event_type if e else None,
                         r["sub_event_type"], e.acled.sub_event_type if e else None, r["notes"]))
        report(f"acled-{name}", rows, errors)


def snippet_label(result, doc_cues) -> str:
    """CASE label of a snippet: the main event's ACLED sub-event type, else a non-ACLED class
    from cue words (crime, disaster, responsibility claims), else DIPLO for PLOVER-only events."""
    e = main_event(result)
    if "responsibility" in doc_cues:
        return "ATTRIB"
    if e is not None and e.acled.sub_event_type:
        return CASE_CODES[e.acled.sub_event_type]
    for cue, label in (("crime", "ORG_CRIME"), ("natural", "NATURAL_DISASTER"), ("accident", "MAN_MADE_DISASTER")):
        if cue in doc_cues:
            return label
    return "DIPLO"


def eval_case(pipeline, n: int, errors: int):
    from sitrep.events_lex import cue_set

    if not CASE_FILE.exists():
        print(f"skip case: {CASE_FILE} not present")
        return
    with open(CASE_FILE, encoding="utf-8") as fh:
        recs = [line.rstrip("\n").split("\t") for line in fh][1:]
    recs = [r for r in recs if len(r) >= 3]
    sample = random.Random(13).sample(recs, min(n, len(recs)))
    docs = _parsed(pipeline, [r[1] for r in sample])
    results = code_all(pipeline, [(r[1], None) for r in sample])
    rows = []
    for r, doc, res in zip(sample, docs, results):
        cues = set(cue_set(doc, range(len(doc))))
        rows.append((half(r[0]), None, None, r[2], snippet_label(res, cues), r[1]))
    acled = [r for r in rows if r[3] in CASE_CODES.values()]
    for h in ("look", "held", "all"):
        sel = [r for r in acled if h == "all" or r[0] == h]
        sel30 = [r for r in rows if h == "all" or r[0] == h]
        print(f"{'case2021':14s} {h:5s} n={len(sel):4d} wF1(25 ACLED)={weighted_f1([r[3] for r in sel], [r[4] for r in sel]):.3f}"
              f"  acc={sum(r[3] == r[4] for r in sel) / max(1, len(sel)):.3f}"
              f"  | n={len(sel30)} wF1(30)={weighted_f1([r[3] for r in sel30], [r[4] for r in sel30]):.3f}")
    conf = Counter((r[3], r[4]) for r in rows if r[3] != r[4])
    print("  top confusions (gold -> predicted):")
    for (g, p), k in conf.most_common(12):
        print(f"    {k:3d}  {g} -> {p}")
    for r in [r for r in rows if r[0] == "look" and r[3] != r[4]][:errors]:
        print(f"  [{r[3]} -> {r[4]}] {r[5][:300]}")


def _depth(doc, event) -> int:
    """How deep the event's trigger sits in its parse (the main clause's event is shallowest)."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return len(list(span.root.ancestors)) if span is not None else 99


def eval_plover(pipeline, n: int, errors: int):
    if not PLOVER_FILE.exists():
        print(f"skip plover: {PLOVER_FILE} not present")
        return
    recs = [r for r in json.load(open(PLOVER_FILE, encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    sample = random.Random(13).sample(recs, min(n, len(recs)))
    results = code_all(pipeline, [(r["text"], None) for r in sample])
    docs = _parsed(pipeline, [r["text"] for r in sample])
    rows = []
    for r, res, doc in zip(sample, results, docs):
        gold = GSR_TYPES.get(r["event"], r["event"])
        e = main_event_plover(res)
        pred = e.plover.type if e else None
        rows.append((half(r["id"]), None, None, gold, pred, r["text"]))
    for h in ("look", "held", "all"):
        sel = [r for r in rows if h == "all" or r[0] == h]
        print(f"{'plover-gsr':14s} {h:5s} n={len(sel):4d} type_acc={sum(r[3] == r[4] for r in sel) / max(1, len(sel)):.3f}")
    conf = Counter((r[3], r[4]) for r in rows if r[3] != r[4])
    print("  top confusions (gold -> predicted):")
    for (g, p), k in conf.most_common(12):
        print(f"    {k:3d}  {g} -> {p}")
    for r in [r for r in rows if r[0] == "look" and r[3] != r[4]][:errors]:
        print(f"  [{r[3]} -> {r[4]}] {r[5][:300]}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=300, help="records sampled per file (deterministic)")
    ap.add_argument("--which", default="acled,case,plover")
    ap.add_argument("--errors", type=int, default=0, help="print this many misses from the 'look' half")
    ap.add_argument("--full", action="store_true", help="run every pipeline stage (slower)")
    args = ap.parse_args(argv)
    global FAST
    FAST = not args.full
    from sitrep.pipeline import Pipeline

    pipeline = Pipeline()
    which = set(args.which.split(","))
    if "acled" in which:
        eval_acled(pipeline, args.n, args.errors)
    if "case" in which:
        eval_case(pipeline, args.n, args.errors)
    if "plover" in which:
        eval_plover(pipeline, args.n, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
