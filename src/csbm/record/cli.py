"""`csbm record …`: how much of the record is on file, and what its verdicts lack.

Mounted by csbm.cli as ``record``. Heavy modules (the model, the rules) are imported inside
the commands, so `csbm record --help` stays light.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from csbm._printable import echo

record_app = typer.Typer(
    help="The bundled record: its coverage, and the gaps that leave verdicts open.",
    no_args_is_help=True,
)


class Format(StrEnum):
    table = "table"
    json = "json"


@record_app.command("coverage")
def coverage_command(
    output_format: Annotated[Format, typer.Option("--format", help="Output format.")] = (
        Format.table
    ),
) -> None:
    """Count the bundled dossiers, the years they cover, the share with any act and the
    share of top-level activities with a notification act (made or not made)."""
    from csbm.data import dossiers_dir
    from csbm.model.load import load_dossiers
    from csbm.record.coverage import coverage

    counts = coverage(load_dossiers([dossiers_dir()]))
    if output_format is Format.json:
        echo(json.dumps(counts.as_json(), indent=2))
        return
    echo("\n".join(counts.lines()))


@record_app.command("gaps")
def gaps_command(
    activities: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[ACTIVITY]...",
            help="Bundled activity ids or dossier files (default: the whole bundled record).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[Format, typer.Option("--format", help="Output format.")] = (
        Format.table
    ),
    include_idle: Annotated[
        bool,
        typer.Option("--all", help="Also list gaps that bear on no open verdict."),
    ] = False,
) -> None:
    """What the verdicts lack, per activity: acts not on record or undated, quantities with
    no figure and unknown facts, each with the number of open headline verdicts it would
    settle whatever its value turns out to be (method: docs/gaps.md). The most decisive
    gap comes first."""
    from csbm._console import console
    from csbm.data import dossiers_dir
    from csbm.model.load import load_dossiers
    from csbm.record.gaps import gaps_json, record_gaps

    paths = _resolve(activities) if activities else [dossiers_dir()]
    gaps = record_gaps(load_dossiers(paths), include_idle=include_idle)
    if output_format is Format.json:
        echo(json.dumps(gaps_json(gaps), indent=2, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table(title="csbm record gaps: the research list, most decisive first")
    table.add_column("settles", justify="right")
    table.add_column("open", justify="right")
    table.add_column("settled")
    table.add_column("bears", justify="right")
    table.add_column("activity", no_wrap=True)
    table.add_column("gap", ratio=1)
    for g in gaps:
        chapters = ",".join(s.split(".", 1)[0] for s in g.settles) or "-"
        table.add_row(
            str(g.count), str(g.open_now), chapters, str(len(g.bears_on)), g.activity, g.fact
        )
    console().print(table)
    if not gaps:
        echo("no gap bears on an open headline verdict")


def _resolve(raw: list[str]) -> list[Path]:
    """Paths as given; a bare activity id names a bundled dossier."""
    from csbm.data import bundled_dossier
    from csbm.errors import InputError, Problem

    out = []
    for item in raw:
        p = Path(item)
        if p.exists():
            out.append(p)
        elif (found := bundled_dossier(item)) is not None:
            out.append(found)
        else:
            raise InputError(item, [Problem("no such file or directory, nor a bundled dossier")])
    return out
