"""`csbm extract FILE|-`: read a news text and print what it says about an exercise.

Mount it in csbm's Typer app with ``app.command("extract")(extract_command)``. Errors are
csbm's own (:class:`~csbm.errors.InputError`, :class:`~csbm.errors.UsageError`), which the
app's ``main`` turns into a message and exit code 2.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, cast

import typer
from rich.console import Console

from csbm._printable import console_class, write_out
from csbm.errors import InputError, Problem, UsageError
from csbm.model.bounds import EARLIEST_DAY, LATEST_DAY, parse_day

# Larger inputs are refused rather than read: a news archive is many texts, not one.
MAX_BYTES = 64 * 1024 * 1024


class ExtractFormat(StrEnum):
    table = "table"
    json = "json"
    dossier = "dossier"


def _read(file: str) -> bytes:
    if file == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        where: str = "<stdin>"
    else:
        path = Path(file)
        if not path.is_file():
            raise InputError(path, [Problem("no such file")])
        if path.stat().st_size > MAX_BYTES:
            raise InputError(path, [Problem(f"larger than {MAX_BYTES // (1024 * 1024)} MB")])
        data = path.read_bytes()
        where = file
    if len(data) > MAX_BYTES:
        raise InputError(where, [Problem(f"larger than {MAX_BYTES // (1024 * 1024)} MB")])
    return data


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as exc:
        raise UsageError(f"--published: {exc}") from None


def _console() -> Console:
    fixed = not sys.stdout.isatty() and "COLUMNS" not in os.environ
    return cast(Console, console_class()(width=100 if fixed else None, soft_wrap=False))


def extract_command(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE|-",
            help="The text to read (UTF-8 or Windows-1252), or - for standard input.",
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help="Publication date (YYYY-MM-DD, from "
            f"{EARLIEST_DAY.isoformat()} to {LATEST_DAY.isoformat()}): resolves 'on Thursday' "
            "and dates without a year.",
        ),
    ] = None,
    url: Annotated[str | None, typer.Option("--url", help="Where the text was published.")] = None,
    output_format: Annotated[
        ExtractFormat, typer.Option("--format", help="table, json, or a csbm dossier (YAML).")
    ] = ExtractFormat.table,
    into: Annotated[
        Path | None,
        typer.Option(
            "--into",
            help="With --format dossier: add the source and claims to this dossier (printed, "
            "the file is not changed).",
        ),
    ] = None,
    publisher: Annotated[
        str | None,
        typer.Option(
            "--publisher",
            help="With --format dossier: the source's publisher (default: the URL's host).",
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="With --format dossier: the source's title.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
    ] = None,
) -> None:
    """Read exercises, States, dates and figures from a news text, each with its evidence.

    Offline and rule-based. Figures that are Vienna Document thresholds, distances, years,
    percentages or about other exercises are kept apart from the claims. See docs/extract.md.
    """
    from csbm.extract.output import to_dossier, to_json, to_terminal, to_yaml
    from csbm.extract.pipeline import extract
    from csbm.extract.text import decode
    from csbm.model.load import load_dossier, parse_dossier

    if into is not None and output_format is not ExtractFormat.dossier:
        raise UsageError("--into needs --format dossier")
    when = _published(published)
    text = decode(_read(file))
    result = extract(text, published=when, url=url)
    if output_format is ExtractFormat.table:
        if output is not None:
            with output.open("w", encoding="utf-8") as fh:
                to_terminal(
                    result, cast(Console, console_class()(file=fh, width=100, soft_wrap=False))
                )
        else:
            to_terminal(result, _console())
        return
    if output_format is ExtractFormat.json:
        rendered = to_json(result)
    else:
        base = load_dossier(into) if into is not None else None
        rendered = to_yaml(to_dossier(result, into=base, publisher=publisher, title=title))
        parse_dossier(rendered, output or "<extracted dossier>")  # never hand out an invalid one
    if output is not None:
        output.write_text(rendered, encoding="utf-8")
    else:
        write_out(rendered)


__all__ = ["MAX_BYTES", "ExtractFormat", "extract_command"]
