"""`csbm record …`: how much of the record is on file, and what its verdicts lack.

Mounted by csbm.cli as ``record``. Heavy modules (the model, the rules) are imported inside
the commands, so `csbm record --help` stays light.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

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
        typer.echo(json.dumps(counts.as_json(), indent=2))
        return
    typer.echo("\n".join(counts.lines()))
