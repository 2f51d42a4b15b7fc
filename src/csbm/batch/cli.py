"""`csbm batch …`: extraction over news archives on Dask, and ingest into the store.

Mounted by csbm.cli as ``batch``. Errors are CsbmErrors (exit code 2 with a message).
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from csbm._console import console
from csbm._printable import echo
from csbm.batch.defaults import DEFAULT_PARTITION_SIZE
from csbm.errors import UsageError

if TYPE_CHECKING:
    from rich.table import Table

    from csbm.batch.run import Summary

batch_app = typer.Typer(
    help="News archives at scale: extract claims from thousands of documents on a local or "
    "remote Dask cluster into a Parquet dataset, then ingest them into the store.",
    no_args_is_help=True,
)


class Format(StrEnum):
    table = "table"
    json = "json"


def _summary_table(s: Summary) -> Table:
    from rich.table import Table

    table = Table(title=f"csbm batch extract: {s.out}", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    rate = s.documents / s.seconds if s.seconds else 0.0
    rows: list[tuple[str, str]] = [
        ("documents read", f"{s.documents:,}"),
        ("skipped by prefilter", f"{s.skipped:,}"),
        ("with claims", f"{s.with_claims:,}"),
        ("claims", f"{s.claims:,}"),
        ("failed", f"{s.failed:,}"),
        *((f"  {reason}", f"{n:,}") for reason, n in s.failures.items()),
        ("partitions", f"{s.partitions:,} ({s.resumed:,} finished earlier)"),
        ("workers", str(s.workers) if s.workers else "-"),
        ("seconds", f"{s.seconds:,.1f} ({rate:,.0f} docs/s)"),
    ]
    if s.failed:
        rows.append(("errors file", s.errors_file))
    for what, count in rows:
        table.add_row(what, count)
    return table


@batch_app.command("extract")
def extract_command(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            metavar="INPUT",
            help="Directories or files: .txt (one document each), .jsonl/.ndjson (one JSON "
            "object per line) or .parquet (one document per row).",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help="Output directory (a Parquet dataset); a re-run resumes it.",
            show_default=False,
        ),
    ],
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Address of a Dask scheduler (tcp://host:8786). Default: a local cluster.",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            help="Worker processes of the local cluster. Default: one per CPU.",
            show_default=False,
            min=1,
        ),
    ] = None,
    text_field: Annotated[
        str, typer.Option("--text-field", help="Field (column) holding the text.")
    ] = "text",
    published_field: Annotated[
        str | None,
        typer.Option(
            "--published-field",
            help="Field (column) holding the publication date. Default: published, if present.",
            show_default=False,
        ),
    ] = None,
    partition_size: Annotated[
        int, typer.Option("--partition-size", help="Documents per partition (task).", min=1)
    ] = DEFAULT_PARTITION_SIZE,
    no_prefilter: Annotated[
        bool,
        typer.Option(
            "--no-prefilter", help="Extract every document, even ones that cannot hold claims."
        ),
    ] = False,
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="Show the progress bar.")
    ] = True,
    output_format: Annotated[
        Format, typer.Option("--format", help="Summary format.")
    ] = Format.table,
) -> None:
    """Extract claims from every document of a news archive into a Parquet dataset.

    OUT gets documents/, claims/ and errors/ (one Parquet file per partition, fields of
    `csbm extract --format json` flattened) and errors.jsonl. A partition counts as done
    only once all its files are written, so an interrupted run is finished by running the
    same command again. A document that fails is recorded with file, line and reason; the
    run goes on. See docs/batch.md.
    """
    # Dask and pyarrow only when a batch runs.
    from csbm.batch.inputs import Fields
    from csbm.batch.progress import make_progress
    from csbm.batch.run import run

    if scheduler is not None and workers is not None:
        raise UsageError(
            "--workers sizes the local cluster; a cluster at --scheduler has the workers "
            "started with `dask worker`"
        )
    fields = Fields(
        text=text_field,
        published=published_field or "published",
        published_given=published_field is not None,
    )
    bar = make_progress(enabled=progress)
    task: list[Any] = []

    claims = 0

    def on_start(total: int, earlier: Summary) -> None:
        # Partitions finished by an earlier run count as done from the start.
        nonlocal claims
        claims = earlier.claims
        task.append(
            bar.add_task("extracting", total=total, completed=earlier.documents, claims=claims)
        )
        bar.start()

    def on_partition(stats: dict[str, Any]) -> None:
        nonlocal claims
        claims += int(stats["claims"])
        bar.update(task[0], advance=int(stats["documents"]), claims=claims)

    try:
        summary = run(
            inputs,
            out,
            fields=fields,
            scheduler=scheduler,
            workers=workers,
            partition_size=partition_size,
            prefilter=not no_prefilter,
            on_start=on_start,
            on_partition=on_partition,
        )
    finally:
        bar.stop()
    if output_format is Format.json:
        echo(json.dumps(summary.as_dict(), indent=2))
    else:
        console().print(_summary_table(summary))
    if summary.failed_partitions:
        for pid, reason in summary.failed_partitions.items():
            print(f"partition {pid} failed: {reason}", file=sys.stderr)
        raise typer.Exit(1)


@batch_app.command("ingest")
def ingest_command(
    out: Annotated[
        Path, typer.Argument(metavar="OUT", help="Output directory of `csbm batch extract`.")
    ],
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Database URL or SQLite file path. Default: $CSBM_DATABASE_URL, else "
            "csbm.sqlite in the user data directory.",
            show_default=False,
        ),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option("--by", help="Who is recording, for the history. Default: the OS user."),
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", help="Report format.")
    ] = Format.table,
) -> None:
    """Put extracted claims into the store: on the activities they match, or as proposals.

    A document's claims go to the recorded activity whose name or alias is the exercise's
    and whose dates meet the document's (as a new source, once: ingesting again changes
    nothing). Claims about exercises not on record become proposals for `csbm db review`.
    """
    from rich.table import Table

    from csbm.batch.ingest import ingest

    if not out.is_dir():
        raise UsageError(f"{out}: not a directory")
    report = ingest(out, db, by=by)
    if output_format is Format.json:
        echo(json.dumps(report.as_dict(), indent=2))
        return
    table = Table(title=f"csbm batch ingest: {out} into {report.where}", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for what, value in report.lines():
        table.add_row(what, value)
    console().print(table)


__all__ = ["batch_app"]
