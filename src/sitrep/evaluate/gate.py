"""The evaluation gate (``sitrep eval``), in the manner of trafilatura's: every dataset
scorer reports metrics; floors are pinned in data/eval_baseline.json together with a
sha256 checksum of every gold file read; a run fails when a floor breaks (E302) or the
gold data changed (E303); re-pinning never lowers a floor without ``allow_lower`` (E304).

Floors are pinned per sample ("250" scores an even sample of at most 250 items per gold
file, "full" everything), since a metric measured on a sample is not the same number as
on the whole set. The gold data is read at evaluation time only, never copied.
"""
from __future__ import annotations

import importlib
import importlib.util
import json
import math
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from ..errors import Errors, SitrepError
from ..lexicon import DATA_DIR
from .base import MetricSpec, sha256_file
from .metrics import Measure

SCORERS = ("acled", "case2021", "plover", "re3d", "example")  # modules of sitrep.evaluate
BASELINE = DATA_DIR / "eval_baseline.json"
CI_SAMPLE = 250
EPS = 1e-9


@dataclass
class Row:
    name: str
    value: Optional[float]
    n: int
    floor: Optional[float] = None
    target: Optional[float] = None
    about: str = ""

    @property
    def status(self) -> str:
        """ok | FAIL (below its floor) | n/a (nothing scored) | new (no floor pinned)."""
        if self.value is None:
            return "n/a"
        if self.floor is None:
            return "new"
        return "ok" if self.value + EPS >= self.floor else "FAIL"

    @property
    def met(self) -> Optional[bool]:
        return None if self.value is None or self.target is None else self.value + EPS >= self.target

    def to_dict(self) -> dict:
        return {"metric": self.name, "value": self.value, "n": self.n, "floor": self.floor,
                "target": self.target, "ok": self.status != "FAIL", "status": self.status,
                "target_met": self.met, "about": self.about}


@dataclass
class Report:
    sample: str                                     # "250" or "full"
    rows: list[Row] = field(default_factory=list)
    checksums: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)

    @property
    def broken(self) -> list[Row]:
        return [r for r in self.rows if r.status == "FAIL"]

    def to_dict(self) -> dict:
        return {"sample": self.sample, "ok": not self.broken, "metrics": [r.to_dict() for r in self.rows],
                "data": self.checksums, "seconds": self.seconds, "skipped": self.skipped}


def default_data_dir() -> Path:
    """$SITREP_DATA, else ../shared/data beside the repository checkout (or the cwd)."""
    if os.environ.get("SITREP_DATA"):
        return Path(os.environ["SITREP_DATA"])
    repo = Path(__file__).resolve().parents[3]
    for base in (repo, Path.cwd()):
        if (base.parent / "shared" / "data").is_dir():
            return base.parent / "shared" / "data"
    return repo.parent / "shared" / "data"


def resolve_data_dir(path: Optional[Path | str]) -> Path:
    data_dir = Path(path) if path else default_data_dir()
    if not data_dir.is_dir():
        raise SitrepError(Errors.E301, path=data_dir)
    return data_dir


def sample_key(sample: Optional[int]) -> str:
    return "full" if not sample else str(sample)


def scorer(name: str):
    """The scorer module ``sitrep.evaluate.<name>``, or None when it is not installed."""
    if name not in SCORERS:
        raise SitrepError(Errors.E305, name=name, choices=", ".join(SCORERS))
    if importlib.util.find_spec(f"{__package__}.{name}") is None:
        return None
    return importlib.import_module(f"{__package__}.{name}")


def scorer_files(name: str, module, data_dir: Path) -> list[Path]:
    if hasattr(module, "files"):
        return list(module.files(data_dir))
    return sorted((data_dir / name).glob("*/*.json"))  # re3d: <source>/{documents,entities,relations}.json


def checksums(files: list[Path], data_dir: Path) -> dict[str, str]:
    return {os.path.relpath(p, data_dir): sha256_file(p) for p in files}


def load_baseline(path: Path = BASELINE) -> dict:
    if not Path(path).exists():
        return {"data": {}, "floors": {}}
    try:
        baseline = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise SitrepError(Errors.E306, path=path, detail=str(err)) from None
    if not isinstance(baseline.get("data", {}), dict) or not isinstance(baseline.get("floors", {}), dict):
        raise SitrepError(Errors.E306, path=path, detail="'data' and 'floors' must be objects")
    baseline.setdefault("data", {})
    baseline.setdefault("floors", {})
    return baseline


def save_baseline(baseline: dict, path: Path = BASELINE) -> None:
    Path(path).write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def changed_data(found: dict[str, str], baseline: dict) -> list[tuple[str, str, str]]:
    """(file, found, pinned) for every file whose checksum differs from the pinned one."""
    pinned = baseline.get("data", {})
    return [(name, sha, pinned[name]) for name, sha in sorted(found.items())
            if name in pinned and pinned[name] != sha]


def _as_measure(value) -> Measure:
    """Scorers return Measures; a plain number or a {value, n} dict is accepted too."""
    if isinstance(value, Measure):
        return value
    if isinstance(value, dict):
        return Measure(value.get("value"), int(value.get("n") or 0))
    return Measure(None if value is None else float(value), 1 if value is not None else 0)


def run(pipeline, data_dir: Path, *, only: tuple[str, ...] = (), sample: Optional[int] = CI_SAMPLE,
        baseline: Optional[dict] = None, check_data: bool = True,
        progress: Optional[Callable[[str], None]] = None) -> Report:
    """Score every selected dataset; raise E303 (before coding anything) when a gold file's
    checksum differs from the baseline's, unless ``check_data`` is False."""
    baseline = baseline if baseline is not None else load_baseline()
    report = Report(sample=sample_key(sample))
    floors = baseline.get("floors", {}).get(report.sample, {})
    plan = []
    for name in only or SCORERS:
        module = scorer(name)
        if module is None:
            report.skipped[name] = "scorer not installed"
            continue
        files = scorer_files(name, module, data_dir)
        missing = [str(p) for p in files if not p.exists()]
        if not files or missing:
            report.skipped[name] = f"gold data not found: {missing[0] if missing else data_dir / name}"
            continue
        report.checksums.update(checksums(files, data_dir))
        plan.append((name, module))
    if check_data:
        for name, found, pinned in changed_data(report.checksums, baseline):
            raise SitrepError(Errors.E303, name=name, found=found[:12], expected=pinned[:12])
    for name, module in plan:
        if progress:
            progress(f"scoring {name} ...")
        t0 = time.perf_counter()
        measures = module.score(pipeline, data_dir, limit=sample or None)
        report.seconds[name] = round(time.perf_counter() - t0, 1)
        specs = {m.name: m for m in getattr(module, "METRICS", ())}
        for key, value in measures.items():
            metric = key if key.startswith(f"{name}.") else f"{name}.{key}"
            spec = specs.get(metric) or specs.get(key) or MetricSpec(metric, None, "")
            m = _as_measure(value)
            report.rows.append(Row(metric, m.value, m.n, floors.get(metric), spec.target, spec.about))
    return report


def pin(value: float, margin: float = 0.01) -> float:
    """A floor for a measured value: rounded down to 2 decimals, then ``margin`` below."""
    return max(0.0, round(math.floor(value * 100 + EPS) / 100 - margin, 2))


def rebaseline(report: Report, baseline: dict, *, allow_lower: bool = False, margin: float = 0.01) -> dict:
    """A new baseline with floors re-pinned at the report's values and its checksums.
    Raises E304, changing nothing, when a floor would go down and ``allow_lower`` is False."""
    new = json.loads(json.dumps(baseline))
    floors = new.setdefault("floors", {}).setdefault(report.sample, {})
    lowered = []
    for row in report.rows:
        if row.value is None:
            continue
        floor = pin(row.value, margin)
        old = floors.get(row.name)
        if old is not None and floor < old - EPS:
            lowered.append(f"{row.name} {old:.2f} -> {floor:.2f}")
        floors[row.name] = floor
    if lowered and not allow_lower:
        raise SitrepError(Errors.E304, detail="; ".join(lowered))
    new.setdefault("data", {}).update(report.checksums)
    return new


def with_floors(report: Report, baseline: dict) -> Report:
    """The report with its floors read again from ``baseline`` (after re-pinning)."""
    floors = baseline.get("floors", {}).get(report.sample, {})
    for row in report.rows:
        row.floor = floors.get(row.name)
    return report


def gate(report: Report) -> None:
    """Raise E302 when a metric is below its floor."""
    if report.broken:
        detail = "; ".join(f"{r.name} {r.value:.3f} < floor {r.floor:.2f}" for r in report.broken)
        raise SitrepError(Errors.E302, detail=detail)


def _num(v: Optional[float], digits: int = 2) -> str:
    return "-" if v is None else f"{v:.{digits}f}"


def format_table(report: Report) -> str:
    """The report as a fixed-width table: metric, value, n, floor, target, ok."""
    head = ("metric", "value", "n", "floor", "target", "ok")
    body = [(r.name, _num(r.value, 3), str(r.n), _num(r.floor),
             "-" if r.target is None else f"{r.target:.2f}{' *' if r.met else ''}", r.status) for r in report.rows]
    widths = [max(len(str(x[i])) for x in [head, *body]) for i in range(len(head))]
    line = lambda cells: "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)  # noqa: E731
                                   for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    out = [line(head), line(["-" * w for w in widths]), *(line(b) for b in body)]
    out.append("")
    with_target = [r for r in report.rows if r.met is not None]
    out.append(f"{sum(1 for r in with_target if r.met)} of {len(with_target)} targets met; "
               f"{len(report.broken)} floors broken")
    out.append(f"sample: {report.sample} (floors pinned per sample)   * = target met   "
               + "   ".join(f"{k} {v:.0f}s" for k, v in report.seconds.items()))
    for name, why in report.skipped.items():
        out.append(f"skipped {name}: {why}")
    return "\n".join(out)
