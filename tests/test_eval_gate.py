"""The evaluation gate: CI runs it on its sample of the gold data (skipped where
../shared/data is absent) and fails when a pinned floor breaks or the data changed."""
import json
import re

import pytest
from click.testing import CliRunner

from conftest import DATA, EXAMPLE, needs
from sitrep.cli import cli
from sitrep.errors import SitrepError
from sitrep.evaluate import gate


@needs(DATA)
def test_gate_on_ci_sample(pipeline):
    report = gate.run(pipeline, DATA, sample=gate.CI_SAMPLE)  # E303 if a gold file changed
    print("\n" + gate.format_table(report))
    assert {"acled", "case2021", "plover", "example"} <= set(report.seconds), report.skipped
    assert all(r.floor is not None for r in report.rows if r.value is not None), \
        "metrics without a floor: run `sitrep eval --update-baseline` and commit data/eval_baseline.json"
    broken = [f"{r.name} {r.value:.3f} < {r.floor:.2f}" for r in report.broken]
    assert not broken, f"evaluation floors broken: {broken}"


def test_baseline_holds_floors_and_checksums_only():
    baseline = gate.load_baseline()
    assert set(baseline) <= {"about", "data", "floors"}
    assert all(re.fullmatch(r"[0-9a-f]{64}", sha) for sha in baseline["data"].values())
    for floors in baseline["floors"].values():
        assert all(isinstance(v, float | int) and 0 <= v <= 1 for v in floors.values())


@needs(DATA)
def test_baseline_pins_every_gold_file_read():
    pinned = gate.load_baseline()["data"]
    for name in ("acled", "case2021", "plover", "example"):
        module = gate.scorer(name)
        for rel in gate.checksums(gate.scorer_files(name, module, DATA), DATA):
            assert rel in pinned, f"{rel} has no checksum in eval_baseline.json"


@needs(DATA)
def test_changed_gold_data_is_refused_before_coding():
    baseline = {"data": {"plover-gsr/PLOVER_GSR_CAMEO.json": "0" * 64}, "floors": {}}
    with pytest.raises(SitrepError) as err:
        gate.run(None, DATA, only=("plover",), baseline=baseline)  # no pipeline needed: refused first
    assert err.value.reason == "E303"


def test_missing_data_and_unknown_scorer(tmp_path):
    with pytest.raises(SitrepError) as err:
        gate.resolve_data_dir(tmp_path / "nowhere")
    assert err.value.reason == "E301"
    with pytest.raises(SitrepError) as err:
        gate.scorer("muc4")
    assert err.value.reason == "E305"


def _cli(*args):
    return CliRunner().invoke(cli, ["eval", "--data", str(DATA), "--only", "example", *args])


@needs(EXAMPLE)
def test_cli_refuses_to_lower_a_floor_without_allow_lower(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"data": {}, "floors": {"250": {"example.must_not": 1.0}}}))
    before = path.read_text()
    res = _cli("--update-baseline", "--baseline", str(path))  # pin(any value <= 1) < 1.0: a lowering
    assert res.exit_code != 0 and "E304" in res.output, res.output
    assert path.read_text() == before
    res = _cli("--update-baseline", "--allow-lower", "--baseline", str(path))
    assert res.exit_code == 0, res.output
    floors = json.loads(path.read_text())["floors"]["250"]
    assert floors["example.must_not"] < 1.0 and "example.events" in floors


@needs(EXAMPLE)
def test_cli_fails_when_a_floor_breaks(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"data": {}, "floors": {"250": {"example.events": 1.5}}}))
    res = _cli("--baseline", str(path), "--format", "json")
    assert res.exit_code != 0 and "E302" in res.output
    payload = json.loads(res.output[res.output.index("{"): res.output.rindex("}") + 1])
    row = next(m for m in payload["metrics"] if m["metric"] == "example.events")
    assert row["status"] == "FAIL" and row["floor"] == 1.5 and payload["ok"] is False


@pytest.mark.parametrize("args,why", [
    (["--full", "--sample", "10"], "a full run is not a sample"),
    (["--allow-lower"], "--allow-lower without --update-baseline would do nothing"),
])
def test_cli_rejects_contradictory_options(args, why):
    res = CliRunner().invoke(cli, ["eval", *args])
    assert res.exit_code == 2, why
