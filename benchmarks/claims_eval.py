"""Attribution precision and recall of the claims stage over the table of reporting
sentences in tests/test_claims_table.py (speaker and stance per sentence), and, where the
gold data is present, speaker recall on WikiEvents' communication events (Contact.* with
a Communicator argument, ../shared/data/wikievents/dev.jsonl, read at run time only).

    .venv/bin/python benchmarks/claims_eval.py [--rows] [--wikievents]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLOVER = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared")) / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
PLOVER_STANCE = {"DEMAND": {"demand"}, "REJECT": {"reject", "deny"}, "DISAPPROVE": {"accuse"},
                 "SUPPORT": {"support"}}
WIKIEVENTS = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared")) / "data" / "wikievents" / "dev.jsonl"


def _offsets(text: str, tokens: list[str]) -> list[int]:
    """Character offset of each gold token in the document text."""
    out, pos = [], 0
    for tok in tokens:
        at = text.find(tok, pos)
        out.append(at if at >= 0 else pos)
        pos = at + len(tok) if at >= 0 else pos
    return out


def _speaker_hit(claim, communicator: str) -> bool:
    sp = claim.speaker
    if sp is None:
        return False
    want = communicator.lower()
    names = {sp.name.lower()} | {m.text.lower() for m in sp.mentions}
    return any(want == n or want in n or (len(n) > 3 and n in want) for n in names)


def wikievents(pipeline, verbose: bool = False) -> dict:
    """Of the gold communication events with a Communicator, how many have a claim whose cue
    is the gold trigger (cue recall) and whose speaker is the Communicator (speaker recall)."""
    gold = cued = right = 0
    for line in WIKIEVENTS.read_text().splitlines():
        d = json.loads(line)
        text, tokens = d["text"], d["tokens"]
        offs = _offsets(text, tokens)
        result = pipeline._finish(_document(d["doc_id"], text), pipeline.nlp(text))
        for ev in d["event_mentions"]:
            comm = [a["text"] for a in ev["arguments"] if a["role"] == "Communicator"]
            if not ev["event_type"].startswith("Contact") or not comm:
                continue
            gold += 1
            start = offs[ev["trigger"]["start"]]
            claims = [c for c in result.claims if c.cue and c.cue.start <= start < c.cue.end]
            cued += bool(claims)
            hit = any(_speaker_hit(c, comm[0]) for c in claims)
            right += hit
            if verbose:
                got = [(c.speaker.name if c.speaker else None) for c in claims]
                print(f"{'ok ' if hit else 'XX '} {ev['event_type']:36} {ev['trigger']['text']!r:14} "
                      f"gold {comm[0]!r:24} got {got}")
    return {"gold": gold, "cued": cued, "right": right}


def plover(pipeline, verbose: bool = False) -> dict:
    """PLOVER GSR sentences coded DEMAND, REJECT, DISAPPROVE or SUPPORT: is there a claim whose
    speaker is the gold source's country, and does it carry the matching stance?"""
    records = [r for r in json.loads(PLOVER.read_text()) if r.get("event") in PLOVER_STANCE and r.get("text")]
    gold = speaker_ok = stance_ok = 0
    texts = [r["text"] for r in records]
    for r, doc in zip(records, pipeline.nlp.pipe(texts)):
        src = {(a.get("code") or "")[:3] for a in r.get("source") or []}
        if not src - {""}:
            continue
        gold += 1
        result = pipeline._finish(_document(r["id"], r["text"]), doc)
        mine = [c for c in result.claims if c.speaker is not None and (
            c.speaker.country in src or ("IGO" in src and c.speaker.kind == "igo"))]
        speaker_ok += bool(mine)
        hit = any(c.stance in PLOVER_STANCE[r["event"]] for c in mine)
        stance_ok += hit
        if verbose:
            got = [(c.speaker.country if c.speaker else None, c.stance) for c in result.claims]
            print(f"{'ok ' if hit else 'XX '} {r['event']:10} src {sorted(src)} got {got}  {r['text'][:90]}")
    return {"gold": gold, "speaker": speaker_ok, "stance": stance_ok}


def _document(doc_id: str, text: str):
    from sitrep.records import Document

    return Document(id=doc_id, text=text, language="en")


def _table():
    spec = importlib.util.spec_from_file_location("claims_table", ROOT / "tests" / "test_claims_table.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", action="store_true", help="print every row with what was found")
    ap.add_argument("--wikievents", action="store_true", help="also score speakers on WikiEvents (gold data)")
    ap.add_argument("--plover", action="store_true", help="also score speaker+stance on PLOVER GSR (gold data)")
    args = ap.parse_args()
    from sitrep.pipeline import Pipeline

    table = _table()
    pipeline = Pipeline()
    results = table.code_all(pipeline)
    s = table.score(results)
    held = table.score(results, start=table.HELD_OUT)
    held2 = table.score(results, start=table.HELD_OUT_2)
    if args.rows:
        for text, speaker, stance, why, claims, hit, stance_hit in s["rows"]:
            got = "; ".join(f"{c.speaker.name if c.speaker else None}"
                            f"[{c.speaker.country if c.speaker else '-'}]/{c.stance}" for c in claims) or "-"
            mark = "ok " if hit and (stance_hit or speaker == "") else ("st " if hit else "XX ")
            print(f"{mark} want {speaker!r}/{stance or '-'}  got {got}\n      {text}")
    print(f"sentences {len(table.CASES)}  expected claims {s['expected']}  predicted claims {s['predicted']}")
    print(f"attribution precision {s['precision']:.3f} ({s['correct']}/{s['predicted']})  "
          f"recall {s['recall']:.3f} ({s['found']}/{s['expected']})  "
          f"stance accuracy {s['stance_accuracy']:.3f}")
    print(f"held-out rows {len(table.CASES) - table.HELD_OUT} (written after the rules were settled): "
          f"precision {held['precision']:.3f} ({held['correct']}/{held['predicted']})  "
          f"recall {held['recall']:.3f} ({held['found']}/{held['expected']})  "
          f"stance accuracy {held['stance_accuracy']:.3f}")
    print(f"  of which the second batch {len(table.CASES) - table.HELD_OUT_2}: "
          f"precision {held2['precision']:.3f} ({held2['correct']}/{held2['predicted']})  "
          f"recall {held2['recall']:.3f} ({held2['found']}/{held2['expected']})  "
          f"stance accuracy {held2['stance_accuracy']:.3f}")

    if args.plover and PLOVER.exists():
        g = plover(pipeline, verbose=args.rows)
        print(f"PLOVER GSR DEMAND/REJECT/DISAPPROVE/SUPPORT sentences: {g['gold']}  "
              f"claim by the source's country {g['speaker']} ({g['speaker'] / max(g['gold'], 1):.3f})  "
              f"with the matching stance {g['stance']} ({g['stance'] / max(g['gold'], 1):.3f})")
    elif args.plover:
        print(f"{PLOVER} not present: PLOVER scoring skipped")
    if args.wikievents:
        if not WIKIEVENTS.exists():
            print(f"{WIKIEVENTS} not present: WikiEvents scoring skipped")
            return
        w = wikievents(pipeline, verbose=args.rows)
        print(f"WikiEvents communication events with a Communicator: {w['gold']}  "
              f"cue found {w['cued']} ({w['cued'] / max(w['gold'], 1):.3f})  "
              f"speaker right {w['right']} ({w['right'] / max(w['gold'], 1):.3f})")


if __name__ == "__main__":
    main()
