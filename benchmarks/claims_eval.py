"""Attribution precision and recall of the claims stage over the table of reporting
sentences in tests/test_claims_table.py (speaker and stance per sentence).

    .venv/bin/python benchmarks/claims_eval.py [--rows]
"""
from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _table():
    spec = importlib.util.spec_from_file_location("claims_table", ROOT / "tests" / "test_claims_table.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", action="store_true", help="print every row with what was found")
    args = ap.parse_args()
    from sitrep.pipeline import Pipeline

    table = _table()
    results = table.code_all(Pipeline())
    s = table.score(results)
    held = table.score(results, start=table.HELD_OUT)
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


if __name__ == "__main__":
    main()
