"""Every CLI verb is documented."""
import click
import pytest
from click.testing import CliRunner

from sitrep.cli import cli


def all_commands(group: click.Group, prefix=()):
    for name, cmd in group.commands.items():
        yield prefix + (name,), cmd
        if isinstance(cmd, click.Group):
            yield from all_commands(cmd, prefix + (name,))


@pytest.mark.parametrize("path,cmd", list(all_commands(cli)), ids=lambda x: " ".join(x) if isinstance(x, tuple) else "")
def test_every_verb_has_help(path, cmd):
    assert cmd.help and len(cmd.help.strip()) > 20, f"sitrep {' '.join(path)} has no help text"
    res = CliRunner().invoke(cli, [*path, "--help"])
    assert res.exit_code == 0 and "Usage:" in res.output
    for param in cmd.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help, f"option {param.name} of sitrep {' '.join(path)} has no help"


def test_spec_verbs_exist():
    assert {"code", "demo"} <= set(cli.commands)
