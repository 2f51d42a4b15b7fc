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
from typing import Annotated, Any, cast

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


def _day(flag: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as exc:
        raise UsageError(f"{flag}: {exc}") from None


def _as_dossier_field(flag: str, field: Any, value: object) -> Any:
    """`value` checked as a dossier's field of type `field` is, its error named by `flag`."""
    from pydantic import TypeAdapter, ValidationError

    try:
        return TypeAdapter(field).validate_python(value)
    except ValidationError as exc:
        raise UsageError(
            f"{flag}: {exc.errors()[0]['msg'].removeprefix('Value error, ')}"
        ) from None


def _states(flag: str, value: str | None) -> tuple[str, ...]:
    """Comma-separated ISO 3166-1 alpha-3 codes, checked as a dossier checks them."""
    if value is None:
        return ()
    from csbm.model.dossier import StateCodes

    codes = [c.strip().upper() for c in value.split(",") if c.strip()]
    return tuple(_as_dossier_field(flag, StateCodes, codes))


def _slug(value: str | None) -> str | None:
    if value is None:
        return None
    from csbm.model.dossier import Slug

    return str(_as_dossier_field("--id", Slug, value))


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
    activity_id: Annotated[
        str | None,
        typer.Option(
            "--id", help="With --format dossier: the new activity's id (default: from its name)."
        ),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(
            "--name", help="With --format dossier: the activity's name, where the text gives none."
        ),
    ] = None,
    conducting: Annotated[
        str | None,
        typer.Option(
            "--conducting",
            help="With --format dossier: the conducting States, as ISO codes (BLR,RUS), where "
            "the text does not give them.",
        ),
    ] = None,
    host: Annotated[
        str | None,
        typer.Option(
            "--host",
            help="With --format dossier: the host States, as ISO codes, where the text does "
            "not give them.",
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--start",
            help="With --format dossier: the activity's first day (YYYY-MM-DD), where the "
            "text does not give it.",
        ),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option(
            "--end",
            help="With --format dossier: the activity's last day (YYYY-MM-DD), where the text "
            "does not give it.",
        ),
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
    from csbm.extract.output.dossier import Given
    from csbm.extract.pipeline import extract
    from csbm.extract.text import decode
    from csbm.model.load import load_dossier, parse_dossier

    given = Given(
        id=_slug(activity_id),
        name=name.strip() or None if name is not None else None,
        conducting=_states("--conducting", conducting),
        host=_states("--host", host),
        start=_day("--start", start),
        end=_day("--end", end),
    )
    if output_format is not ExtractFormat.dossier:
        flags = [*(["--into"] if into is not None else []), *given.named()]
        if flags:
            raise UsageError(
                f"{', '.join(flags)} need{'s' if len(flags) == 1 else ''} --format dossier"
            )
    when = _day("--published", published)
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
        rendered = to_yaml(
            to_dossier(result, into=base, publisher=publisher, title=title, given=given)
        )
        parse_dossier(rendered, output or "<extracted dossier>")  # never hand out an invalid one
    if output is not None:
        output.write_text(rendered, encoding="utf-8")
    else:
        write_out(rendered)


__all__ = ["MAX_BYTES", "ExtractFormat", "extract_command"]
