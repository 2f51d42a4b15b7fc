"""`csbm db …`: the record in a database (a Typer sub-app, mounted by csbm.cli).

Every command takes `--db URL/PATH`; without it `CSBM_DATABASE_URL`, else the SQLite file
in the user's data directory (`csbm db init` prints which). Errors are CsbmErrors, so the
main program prints them and exits with code 2; `python -m csbm.store` does the same.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from csbm._console import console, parse_day
from csbm._printable import echo, write_out
from csbm.errors import UsageError
from csbm.store.errors import StoreError

# SQLAlchemy, Alembic and the repository are imported by the commands that use them, so
# that the rest of csbm starts without them.

db_app = typer.Typer(
    help="The record in a database: SQLite by default, PostgreSQL by URL. Import dossiers, "
    "export them, list them and see every earlier version.",
    no_args_is_help=True,
)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL (postgresql+psycopg://…, sqlite:///…) or SQLite file path. "
        "Default: $CSBM_DATABASE_URL, else csbm.sqlite in the user data directory.",
        show_default=False,
    ),
]


class Format(StrEnum):
    table = "table"
    json = "json"


FormatOption = Annotated[Format, typer.Option("--format", help="Output format.")]


def _moment(value: str | None, option: str) -> datetime | None:
    """A date-time; without a zone it is read as UTC (the database keeps UTC)."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"{option}: {value!r} is not a date-time (e.g. 2026-01-31T12:00, UTC unless "
            "an offset is given)"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _time(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


@db_app.command()
def init(db: DbOption = None) -> None:
    """Create the database (if needed) and bring its schema up to date."""
    from csbm.store.repository import init_store

    where, revision = init_store(db)
    echo(f"csbm database ready: {where} (schema revision {revision})")


@db_app.command()
def upgrade(
    db: DbOption = None,
    revision: Annotated[
        str, typer.Argument(help="Schema revision to upgrade to.", show_default=True)
    ] = "head",
) -> None:
    """Apply the database migrations (Alembic) up to the latest schema revision."""
    from csbm.store.engine import make_engine, migrate
    from csbm.store.url import display, resolve_url, sqlite_path

    url = resolve_url(db)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise StoreError(f"no database at {path}: run `csbm db init` to create one")
    engine = make_engine(url)
    try:
        now = migrate(engine, revision)
    except StoreError:
        raise
    except Exception as exc:
        raise StoreError(f"upgrading {display(url)} failed: {exc}") from exc
    finally:
        engine.dispose()
    echo(f"{display(url)} is at schema revision {now}")


@db_app.command("import")
def import_(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Dossier files or directories of them.", show_default=False),
    ] = None,
    bundled: Annotated[
        bool, typer.Option("--bundled", help="Also import the bundled historical record.")
    ] = False,
    by: Annotated[
        str | None,
        typer.Option("--by", help="Who is recording, for the history. Default: the OS user."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Import dossiers in one transaction: all of them or, if any is invalid, none.

    An activity already in the database with the same content is left alone; one whose
    dossier changed is updated in place, and the previous version is kept as a revision.
    """
    from csbm.store.files import read_dossiers
    from csbm.store.repository import Store

    if not paths and not bundled:
        raise UsageError("name dossier files or directories to import, or use --bundled")
    dossiers = read_dossiers(paths or [], bundled=bundled)
    with Store(db) as store:
        report = store.import_dossiers(dossiers, by=by)
        where = store.where
    echo(
        f"imported {report.total} dossier(s) into {where}: {len(report.created)} new, "
        f"{len(report.updated)} updated, {len(report.unchanged)} unchanged"
    )
    if report.updated:
        echo("updated: " + ", ".join(report.updated))


@db_app.command()
def export(
    directory: Annotated[Path, typer.Argument(help="Directory to write <id>.yaml files to.")],
    activity: Annotated[
        list[str] | None,
        typer.Option("--activity", help="Export only this activity; repeatable."),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Only the claims and acts known on this date."),
    ] = None,
    recorded_as_of: Annotated[
        str | None,
        typer.Option(
            "--recorded-as-of",
            help="The record as the database held it at this moment (ISO date-time, UTC "
            "unless an offset is given).",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write dossiers as YAML files; the same content always gives the same bytes.

    Comments of the imported files are not kept: they are not part of the dossier.
    """
    from csbm.store.files import export_dossiers
    from csbm.store.repository import Store

    with Store(db) as store:
        dossiers = store.load(
            activity or None,
            as_of=parse_day(as_of, "--as-of"),
            recorded_as_of=_moment(recorded_as_of, "--recorded-as-of"),
        )
    written = export_dossiers(dossiers, directory)
    echo(f"wrote {len(written)} dossier(s) to {directory}")


@db_app.command("list")
def list_(db: DbOption = None, output_format: FormatOption = Format.table) -> None:
    """List the activities in the database with their current version."""
    from rich.table import Table

    from csbm.store.repository import Store

    with Store(db) as store:
        rows = store.activities()
        where = store.where
    if output_format is Format.json:
        echo(
            json.dumps(
                [
                    {
                        "id": r.activity_id,
                        "name": r.name,
                        "kind": r.kind,
                        "start": r.start.isoformat(),
                        "end": r.end.isoformat(),
                        "conducting_states": r.conducting_states,
                        "host_states": r.host_states,
                        "version": r.version,
                        "recorded_at": r.recorded_at.isoformat(),
                        "recorded_by": r.recorded_by,
                        "sources": r.sources,
                        "claims": r.claims,
                        "acts": r.acts,
                    }
                    for r in rows
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    table = Table(title=f"{len(rows)} activities in {where}")
    for col in ("id", "start", "states", "version", "claims", "acts", "recorded"):
        table.add_column(col, no_wrap=col in {"id", "start"})
    for r in rows:
        table.add_row(
            r.activity_id,
            str(r.start),
            ", ".join(dict.fromkeys(r.conducting_states + r.host_states)),
            str(r.version),
            str(r.claims),
            str(r.acts),
            f"{r.recorded_at.date()} by {r.recorded_by}",
        )
    console().print(table)


@db_app.command()
def history(
    activity_id: Annotated[str, typer.Argument(help="Activity id.")],
    db: DbOption = None,
    output_format: FormatOption = Format.table,
    show: Annotated[
        int | None,
        typer.Option("--show", help="Print the dossier of this version (YAML) instead."),
    ] = None,
) -> None:
    """Every version of an activity: when, by whom, and what changed."""
    from rich.table import Table

    from csbm.store.files import dossier_yaml
    from csbm.store.repository import Store

    with Store(db) as store:
        revisions = store.history(activity_id)
        current = store.load([activity_id])[0] if show is not None else None
    if show is not None:
        versions = {r.version for r in revisions}
        if show not in versions:
            raise UsageError(f"--show: {activity_id} has versions 1 to {max(versions)}")
        later = [r for r in revisions if r.version == show + 1]
        dossier = later[0].previous() if later else current
        assert dossier is not None
        write_out(dossier_yaml(dossier))
        return
    if output_format is Format.json:
        out: list[dict[str, Any]] = [
            {
                "version": r.version,
                "recorded_at": r.recorded_at.isoformat(),
                "recorded_by": r.recorded_by,
                "change": r.change,
                "summary": r.summary,
                "content_hash": r.content_hash,
                "previous": None if r.previous_json is None else json.loads(r.previous_json),
            }
            for r in revisions
        ]
        echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"History of {activity_id}")
    for col in ("version", "recorded", "by", "what changed"):
        table.add_column(col, no_wrap=col != "what changed")
    for r in revisions:
        table.add_row(str(r.version), _time(r.recorded_at), r.recorded_by, "\n".join(r.summary))
    console().print(table)


@db_app.command()
def assessments(
    activity_id: Annotated[
        str | None, typer.Argument(help="Activity id (default: all).", show_default=False)
    ] = None,
    db: DbOption = None,
    output_format: FormatOption = Format.table,
) -> None:
    """Saved assessments: ruleset, overlays, as-of date and outcomes per scenario."""
    from rich.table import Table

    from csbm.store.repository import Store

    with Store(db) as store:
        saved = store.assessments(activity_id)
    if output_format is Format.json:
        echo(
            json.dumps(
                [
                    {
                        "id": s.pk,
                        "activity": s.activity_id,
                        "ruleset": s.ruleset,
                        "overlays": s.overlays,
                        "as_of": s.as_of.isoformat() if s.as_of else None,
                        "recorded_as_of": s.recorded_as_of.isoformat()
                        if s.recorded_as_of
                        else None,
                        "created_at": s.created_at.isoformat(),
                        "created_by": s.created_by,
                        "outcomes": s.outcomes,
                    }
                    for s in saved
                ],
                indent=2,
            )
        )
        return
    table = Table(title="Saved assessments")
    for col in ("id", "activity", "ruleset", "overlays", "as of", "saved", "outcomes"):
        table.add_column(col, no_wrap=col != "outcomes")
    for s in saved:
        outcomes = "; ".join(
            f"{scenario}: " + ", ".join(f"{n} {o}" for o, n in counts.items())
            for scenario, counts in s.outcomes.items()
        )
        table.add_row(
            str(s.pk),
            s.activity_id,
            s.ruleset or "-",
            ", ".join(s.overlays) or "-",
            str(s.as_of or "-"),
            f"{_time(s.created_at)} by {s.created_by}",
            outcomes,
        )
    console().print(table)


@db_app.command()
def verify(db: DbOption = None) -> None:
    """Check the database: integrity, and every dossier reassembling to what was imported."""
    from csbm.store.repository import Store

    with Store(db) as store:
        problems = store.verify()
        where = store.where
    if problems:
        raise StoreError(f"{where}: {len(problems)} problem(s)\n" + "\n".join(problems))
    echo(f"{where}: consistent")


@db_app.command()
def review(
    db: DbOption = None,
    accept: Annotated[
        int | None,
        typer.Option("--accept", help="Accept this proposal: import it as an activity."),
    ] = None,
    as_id: Annotated[
        str | None,
        typer.Option(
            "--as",
            help="With --accept: the activity id to use; a recorded activity's id adds the "
            "proposal's sources and claims to it.",
            show_default=False,
        ),
    ] = None,
    reject: Annotated[
        int | None, typer.Option("--reject", help="Reject this proposal.", show_default=False)
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", help="List decided proposals too.")] = False,
    by: Annotated[
        str | None,
        typer.Option("--by", help="Who decides, for the record. Default: the OS user."),
    ] = None,
    output_format: FormatOption = Format.table,
) -> None:
    """Activities proposed by `csbm batch ingest`: list the pending ones, accept or reject.

    Accepting validates the proposed dossier and imports it (a proposal the texts left
    incomplete, e.g. without dates, is refused with what is missing: accept it into a
    recorded activity with --as). Decisions are recorded with who and when.
    """
    from rich.table import Table

    from csbm.store.repository import Store
    from csbm.store.review import accept_proposal, list_proposals, reject_proposal

    if accept is not None and reject is not None:
        raise UsageError("--accept and --reject: one decision at a time")
    if as_id is not None and accept is None:
        raise UsageError("--as goes with --accept")
    with Store(db) as store:
        if accept is not None:
            decided, report = accept_proposal(store, accept, as_id=as_id, by=by)
            outcome = "created" if report.created else "updated"
            echo(
                f"proposal {accept} accepted: {decided.activity_id} {outcome} "
                f"({decided.claims} claims from {decided.documents} documents)"
            )
            return
        if reject is not None:
            reject_proposal(store, reject, by=by)
            echo(f"proposal {reject} rejected")
            return
        proposals = list_proposals(store, None if show_all else "pending")
        where = store.where
    if output_format is Format.json:
        echo(json.dumps([p.as_dict() for p in proposals], indent=2, ensure_ascii=False))
        return
    title = "Proposals" if show_all else "Pending proposals"
    table = Table(title=f"{title} in {where}")
    for col in ("id", "name", "dates", "states", "documents", "claims", "status"):
        table.add_column(col, no_wrap=col in {"id", "dates"})
    for p in proposals:
        dates = f"{p.start or '?'} to {p.end or '?'}"
        status = p.status if p.decided_by is None else f"{p.status} by {p.decided_by}"
        table.add_row(
            str(p.pk), p.name, dates, ", ".join(p.states), str(p.documents), str(p.claims), status
        )
    console().print(table)


__all__ = ["db_app"]
