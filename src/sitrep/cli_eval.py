"""``sitrep eval``: the evaluation gate, a thin wrapper over sitrep.evaluate.gate."""
from __future__ import annotations

import json
from pathlib import Path

import click

from .cli import cli, fail
from .errors import SitrepError


@cli.command("eval")
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Gold data folder (default: $SITREP_DATA, else ../shared/data beside the repository).")
@click.option("--only", multiple=True, type=click.Choice(["acled", "case2021", "plover", "re3d", "example"]),
              help="Score only this dataset (repeatable).")
@click.option("--sample", type=click.IntRange(min=1), default=None,
              help="Score an even sample of at most N items per gold file (default: the CI sample, 250).")
@click.option("--full", is_flag=True, help="Score every item of every gold file (slow; floors pinned separately).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: metric / value / n / floor / target / ok; json: the same as one object.")
@click.option("--update-baseline", is_flag=True,
              help="Re-pin the floors (and data checksums) at the measured values instead of gating.")
@click.option("--allow-lower", is_flag=True, help="With --update-baseline: allow floors to go down.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Baseline file to read and re-pin (default: sitrep/data/eval_baseline.json).")
@click.pass_obj
def eval_(settings, data_dir, only, sample, full, fmt, update_baseline, allow_lower, baseline_path):
    """Score sitrep against the gold data and fail when a pinned floor breaks.

    Prints every metric with its value, the number of items scored, the pinned floor, the
    issue's target and ok/FAIL. Exits non-zero when a metric is below its floor (E302) or a
    gold file's checksum changed (E303). --update-baseline re-pins the floors, refusing to
    lower one unless --allow-lower is given (E304).
    """
    from .evaluate import gate
    from .pipeline import Pipeline

    if full and sample:
        raise click.UsageError("--full and --sample exclude each other.")
    if allow_lower and not update_baseline:
        raise click.UsageError("--allow-lower only applies with --update-baseline.")
    path = baseline_path or gate.BASELINE
    count = None if full else (sample or gate.CI_SAMPLE)
    try:
        data = gate.resolve_data_dir(data_dir)
        baseline = gate.load_baseline(path)
        pipeline = Pipeline(settings)
        report = gate.run(pipeline, data, only=tuple(only), sample=count, baseline=baseline,
                          check_data=not update_baseline, progress=lambda m: click.echo(m, err=True))
    except SitrepError as err:
        raise fail(err) from None
    refused = None
    if update_baseline:
        try:
            gate.save_baseline(gate.rebaseline(report, baseline, allow_lower=allow_lower), path)
            report = gate.with_floors(report, gate.load_baseline(path))
        except SitrepError as err:
            refused = err
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(gate.format_table(report))
    if refused:
        raise fail(refused)
    if update_baseline:
        click.echo(f"floors for sample {report.sample} pinned in {path}", err=True)
        return
    try:
        gate.gate(report)
    except SitrepError as err:
        raise fail(err) from None
