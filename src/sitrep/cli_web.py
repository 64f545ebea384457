"""``sitrep serve``: the web app and JSON API over the store."""
from __future__ import annotations

import ipaddress

import click

from .cli import cli, fail
from .errors import SitrepError


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@cli.command()
@click.option("--db", "db", type=click.Path(dir_okay=False), default=None, envvar="SITREP_DB",
              help="Store file to serve (default: the default store).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback exposes the store to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--enable-writes", is_flag=True,
              help="Turn on POST /api/documents with a bearer token from SITREP_TOKEN or the token file "
                   "(generated on first use, mode 0600, in the user config dir).")
@click.option("--max-body", default=2_000_000, show_default=True, type=click.IntRange(1, 50_000_000),
              help="Largest request body POST /api/documents accepts, in bytes.")
@click.pass_obj
def serve(settings, db, host, port, enable_writes, max_body):
    """Serve the web app (events table, map, timeline, network, claims, documents) and the JSON API."""
    from .web import serve as run
    from .web.auth import ENV, configured_token, token_path

    try:
        token = configured_token(enable_writes=enable_writes)
    except SitrepError as err:
        raise fail(err) from None
    if not _loopback(host):
        click.echo(f"warning: binding {host} exposes the store beyond this machine", err=True)
    if token is None:
        click.echo("writes are off (use --enable-writes or set SITREP_TOKEN to turn on POST /api/documents)", err=True)
    else:
        import os

        where = "the SITREP_TOKEN environment variable" if os.environ.get(ENV, "").strip() else str(token_path())
        click.echo(f"writes are on: POST /api/documents needs 'Authorization: Bearer <token>' (token in {where})",
                   err=True)
    click.echo(f"serving on http://{host}:{port}/  (Ctrl-C to stop)", err=True)
    run(db, host=host, port=port, token=token, max_body=max_body, settings=settings)
