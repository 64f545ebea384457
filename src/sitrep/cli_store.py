"""Store verbs of the CLI: ingest, events, claims, actors, relations, export. Each is a
thin wrapper over a library function in sitrep.store / sitrep.export."""
from __future__ import annotations

import contextlib
import csv
import json
import shutil
import sys
import textwrap

import click

from .cli import cli, fail
from .errors import SitrepError

FORMATS = ["table", "json", "jsonl", "csv"]


def db_option(f):
    return click.option("--db", "db", type=click.Path(dir_okay=False), envvar="SITREP_DB", default=None,
                        help="Store file (default: $SITREP_DB, else sitrep.db in the user data directory).")(f)


def format_option(f):
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table: readable columns; json: one array; jsonl: one record per line; csv: flat columns.")(f)


def page_options(f):
    f = click.option("--limit", type=int, default=50, show_default=True, help="Most records to print (0: all).")(f)
    return click.option("--offset", type=int, default=0, show_default=True, help="Records to skip first.")(f)


@contextlib.contextmanager
def open_store(db):
    """The store for one command: closed afterwards, its coded errors shown as CLI errors."""
    from .store import Store

    try:
        with Store(db) as store:
            yield store
    except SitrepError as err:
        raise fail(err) from None


def _names(actors) -> str:
    return "; ".join(a.get("name") or "" for a in actors or [])


def _cut(s, n) -> str:
    s = (s or "").replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def _table(rows: list[dict], columns: list[tuple[str, int]]) -> str:
    lines = ["  ".join(name.ljust(w) for name, w in columns), "  ".join("-" * w for _, w in columns)]
    for r in rows:
        lines.append("  ".join(_cut(str(r.get(name, "") if r.get(name) is not None else ""), w).ljust(w)
                               for name, w in columns))
    return "\n".join(lines)


def emit(records: list[dict], fmt: str, flat, columns: list[tuple[str, int]]) -> None:
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for r in records:
            click.echo(json.dumps(r, ensure_ascii=False))
    elif fmt == "csv":
        rows = [flat(r) for r in records]
        w = csv.DictWriter(sys.stdout, fieldnames=[c for c, _ in columns], extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    else:
        click.echo(_table([flat(r) for r in records], columns))


# ---- ingest ----------------------------------------------------------------------------
@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--workers", type=int, default=1, show_default=True,
              help="Local processes coding in parallel (sitrep.pipe n_process); with --dask, LocalCluster workers.")
@click.option("--dask", "dask", default=None, metavar="ADDRESS|local",
              help="Code on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' for a LocalCluster.")
@click.option("--batch-size", type=int, default=200, show_default=True,
              help="Documents per atomic write (a killed run redoes at most one batch).")
@click.option("--published", default=None, help="Publication date (ISO) for inputs that carry none.")
@click.option("--text-column", default="text", show_default=True, help="CSV column holding the article text.")
@click.option("--id-column", default="id", show_default=True, help="CSV column holding the article id.")
@click.option("--date-column", default="published", show_default=True, help="CSV column holding the publication date.")
@click.option("--title-column", default="title", show_default=True, help="CSV column holding the title.")
@click.option("--url-column", default="url", show_default=True, help="CSV column holding the URL.")
@click.option("--source-column", default="source", show_default=True, help="CSV column holding the source name.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Show a progress bar with rate and ETA on standard error.")
@click.pass_obj
def ingest(settings, paths, db, workers, dask, batch_size, published, text_column, id_column, date_column,
           title_column, url_column, source_column, progress):
    """Code files, directories (recursively), JSONL, CSV and RSS/Atom feeds into the store.

    Idempotent by content hash and resumable: run it again after an interruption and the
    store ends as after one clean run. Bad inputs are listed at the end; they never abort.
    """
    from .ingest_files import CsvColumns, estimate
    from .store.batch import ingest as run_ingest

    columns = CsvColumns(text=text_column, id=id_column, published=date_column, title=title_column,
                         url=url_column, source=source_column)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=estimate(paths), unit="article", dynamic_ncols=True, file=sys.stderr,
                   desc="ingest", smoothing=0.1)
    try:
        with open_store(db) as store:
            report = run_ingest(paths, store, workers=workers, dask=dask, batch_size=batch_size, settings=settings,
                                columns=columns, published=published, progress=bar.update if bar else None)
    finally:
        if bar:
            bar.close()
    rate = report.added / report.seconds if report.seconds else 0.0
    click.echo(f"{report.added} added, {report.duplicates} already stored, {len(report.bad)} bad, "
               f"{report.events} event mentions; {report.seconds:.1f} s ({rate:.1f} articles/s) -> {store.path}",
               err=True)
    for bad in report.bad:
        click.echo(f"  bad: {bad.path}: {bad.reason}", err=True)


# ---- queries ---------------------------------------------------------------------------
EVENT_COLUMNS = [("id", 7), ("date", 10), ("type", 26), ("actors", 28), ("recipients", 28), ("location", 18),
                 ("country", 7), ("fatalities", 12), ("status", 9), ("sources", 7)]


def flat_event(e: dict) -> dict:
    acled, date, loc = e.get("acled") or {}, e.get("date") or {}, e.get("location") or {}
    fat = e.get("fatalities") or {}
    return {"id": e["id"], "date": (date.get("start") or "")[:10],
            "type": acled.get("sub_event_type") or acled.get("event_type") or (e.get("plover") or {}).get("type"),
            "actors": _names(e.get("actors")), "recipients": _names(e.get("recipients")),
            "location": loc.get("name") or "", "country": loc.get("country") or "",
            "fatalities": "" if not fat else (f"{fat['count']}" + (f" ({fat['range'][0]}-{fat['range'][1]})"
                                                                   if fat.get("range") and fat["range"][0] != fat["range"][1] else "")),
            "status": e.get("status"), "sources": len(e.get("sources") or [])}


def event_filters(f):
    for opt in reversed([
        click.option("--country", default=None, help="ISO3 code: events located in, or with a party from, it."),
        click.option("--actor", default=None, help="Actor id (A12) or part of an actor's name."),
        click.option("--type", "type_", default=None, help="ACLED event or sub-event type, or PLOVER type."),
        click.option("--status", default=None, help="asserted, claimed, denied, historical, future or hypothetical."),
        click.option("--since", default=None, help="Earliest event date (ISO, a prefix like 2022-09 works)."),
        click.option("--until", default=None, help="Latest event date (ISO, a prefix like 2022-09 works)."),
        click.option("--contested/--any", "contested", default=None, help="Only events with contested claims."),
        click.option("-q", "--query", "q", default=None, help="Words in actor names, places or sentences."),
    ]):
        f = opt(f)
    return f


@cli.command()
@db_option
@event_filters
@click.option("--sort", default="date", show_default=True,
              type=click.Choice(["date", "fatalities", "mentions", "sources", "type", "country", "id"]),
              help="Sort key.")
@click.option("--asc", is_flag=True, help="Sort ascending (default descending).")
@format_option
@page_options
def events(db, country, actor, type_, status, since, until, contested, q, sort, asc, fmt, limit, offset):
    """List fused events in the store (one real-world event told by one or more documents)."""
    with open_store(db) as store:
        rows = store.events(country=country, actor=actor, type=type_, status=status, since=since, until=until,
                            contested=contested, q=q, sort=sort, desc=not asc, limit=limit or None, offset=offset)
    emit(rows, fmt, flat_event, EVENT_COLUMNS)


CLAIM_COLUMNS = [("id", 6), ("date", 10), ("speaker", 26), ("stance", 7), ("verb", 10), ("text", 60),
                 ("span", 11), ("document", 14), ("contested_by", 12)]


def flat_claim(c: dict) -> dict:
    t = c.get("text") or {}
    return {"id": c["id"], "date": c.get("date") or "", "speaker": (c.get("speaker") or {}).get("name") or "(unattributed)",
            "stance": c.get("stance"), "verb": c.get("verb"), "text": t.get("text"),
            "span": f"{t.get('start')}-{t.get('end')}", "document": c.get("document_id"),
            "contested_by": " ".join(c.get("contested_by") or [])}


def side_by_side(claims: list[dict]) -> str:
    """Contested claims as pairs, each side with speaker, stance and span."""
    width = max(30, (shutil.get_terminal_size((120, 20)).columns - 3) // 2)
    done, blocks = set(), []
    for c in claims:
        for o in c.get("opposing") or []:
            pair = tuple(sorted((c["id"], o["id"])))
            if pair in done:
                continue
            done.add(pair)
            cols = []
            for x in (c, o):
                t = x.get("text") or {}
                head = (f"{x['id']} {(x.get('speaker') or {}).get('name') or '(unattributed)'} "
                        f"[{x.get('stance')}: {x.get('verb')}]")
                where = f"{x.get('document_id')} @ {t.get('start')}-{t.get('end')}"
                cols.append([head[:width], where[:width]] + textwrap.wrap(t.get("text") or "", width))
            n = max(len(cols[0]), len(cols[1]))
            lines = [f"{(cols[0][i] if i < len(cols[0]) else '').ljust(width)} | "
                     f"{cols[1][i] if i < len(cols[1]) else ''}" for i in range(n)]
            blocks.append("\n".join(lines))
    return ("\n" + "-" * (2 * width + 3) + "\n").join(blocks) if blocks else "(no contested claims)"


@cli.command()
@db_option
@click.option("--contested/--any", "contested", default=None,
              help="Only contested claims, shown side by side with the claims opposing them.")
@click.option("--country", default=None, help="ISO3 code of the speaker or of the event's place.")
@click.option("--actor", default=None, help="Speaker: actor id (A12) or part of a name.")
@click.option("--since", default=None, help="Earliest publication date of the claim's document (ISO).")
@click.option("--until", default=None, help="Latest publication date of the claim's document (ISO).")
@format_option
@page_options
def claims(db, contested, country, actor, since, until, fmt, limit, offset):
    """List claims: who says what about which events, and who contests it."""
    with open_store(db) as store:
        rows = store.claims(contested=contested, country=country, actor=actor, since=since, until=until,
                            limit=limit or None, offset=offset)
    if fmt == "table" and contested:
        click.echo(side_by_side(rows))
    else:
        emit(rows, fmt, flat_claim, CLAIM_COLUMNS)


ACTOR_COLUMNS = [("id", 7), ("name", 34), ("kind", 12), ("country", 7), ("sector", 6), ("acled_name", 36),
                 ("n_documents", 11), ("n_events", 8), ("n_mentions", 10)]


@cli.command()
@db_option
@click.option("--country", default=None, help="ISO3 country code of the actor.")
@click.option("--kind", default=None, help="state, person, organization, igo, armed_group, group or unknown.")
@click.option("-q", "--query", "q", default=None, help="Part of the actor's name.")
@format_option
@page_options
def actors(db, country, kind, q, fmt, limit, offset):
    """List canonical actors (merged across documents) with how often they appear."""
    with open_store(db) as store:
        rows = store.actors(country=country, kind=kind, q=q, limit=limit or None, offset=offset)
    emit(rows, fmt, lambda r: r, ACTOR_COLUMNS)


RELATION_COLUMNS = [("id", 6), ("type", 20), ("source", 28), ("target", 28), ("since", 10), ("until", 10),
                    ("document", 14), ("text", 50)]


def flat_relation(r: dict) -> dict:
    return {"id": r["id"], "type": r["type"], "source": r["source"]["name"], "target": r["target"]["name"],
            "since": r.get("since"), "until": r.get("until"), "document": r.get("document_id"),
            "text": (r.get("text") or {}).get("text")}


@cli.command()
@db_option
@click.option("--type", "type_", default=None, help="Relation type, e.g. defense_treaty, member_of, mediator.")
@click.option("--actor", default=None, help="Either side: actor id (A12) or part of a name.")
@click.option("--country", default=None, help="ISO3 code of either side.")
@format_option
@page_options
def relations(db, type_, actor, country, fmt, limit, offset):
    """List standing relations between actors (treaties, memberships, mediation, bases...)."""
    with open_store(db) as store:
        rows = store.relations(type=type_, actor=actor, country=country, limit=limit or None, offset=offset)
    emit(rows, fmt, flat_relation, RELATION_COLUMNS)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["acled", "plover", "geojson", "parquet", "json"]),
              default="acled", show_default=True,
              help="acled: ACLED-column CSV; plover: PLOVER JSONL; geojson; parquet; json: Fused records.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Output file (default standard output; parquet needs a file).")
@event_filters
def export(db, fmt, output, country, actor, type_, status, since, until, contested, q):
    """Export the store's fused events as ACLED CSV, PLOVER JSONL, GeoJSON, Parquet or JSON."""
    from .export import export as run_export

    with open_store(db) as store:
        n = run_export(store, fmt, output or sys.stdout, country=country, actor=actor, type=type_, status=status,
                       since=since, until=until, contested=contested, q=q)
    if output:
        click.echo(f"{n} events -> {output}", err=True)
