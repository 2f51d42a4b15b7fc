"""Pieces every command-line module shares: the console, date options and the options that
choose how an activity is judged (ruleset, knowledge date, scenarios, what-ifs)."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer
from rich.console import Console

from csbm._printable import console_class, echo
from csbm.errors import UsageError
from csbm.model.scenario import Scenario

if TYPE_CHECKING:
    from csbm.model.dossier import Dossier


# Typer shows each value's Python type in help (`<list[str]>`, `<bool>` on a flag); a person
# reading csbm's help wants what to type. One rule for every command: a flag shows nothing,
# choices show the choices, a repeatable option says so, and other values a plain word.
_WORDS = {"str": "TEXT", "int": "N", "float": "NUMBER", "path": "PATH", "datetime": "DATE"}


def _value_in_words(param: Any, ctx: Any) -> str | None:
    if param.metavar is not None:
        # An argument's metavar is its name, shown already in the first column.
        return None if param.param_type_name == "argument" else str(param.metavar)
    if getattr(param, "is_flag", False):
        return None
    label = str(param.display_type(ctx)).strip("<>")
    repeat = label.startswith("list[")
    if repeat:
        label = label.removeprefix("list[").removesuffix("]")
    word = _WORDS.get(label.lower(), label)
    return f"{word}…" if repeat else word


def _plain_help_types() -> None:
    from typer.core import TyperArgument, TyperOption

    for cls in (TyperArgument, TyperOption):
        cls.display_type_rich = _value_in_words  # type: ignore[method-assign,assignment]


_plain_help_types()


def console() -> Console:
    """Piped output gets 100 columns (not Rich's 80) so reasons stay readable; COLUMNS wins."""
    fixed = not sys.stdout.isatty() and "COLUMNS" not in os.environ
    return cast(Console, console_class()(width=100 if fixed else None, soft_wrap=False))


def parse_day(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value, or a UsageError naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not a date (YYYY-MM-DD)") from None


def stored_activities(names: list[str], *, use_db: bool) -> tuple[list[Dossier], list[str]]:
    """The named activities the default database holds (read from it, as the `db` commands
    read it), and the other names (files, bundled ids). A note on standard error says
    which came from where; a file path always means the file."""
    from csbm.store.url import default_database_given

    ids = [n for n in names if not Path(n).exists()]
    if not use_db or not ids or not default_database_given():
        return [], names
    from csbm.store import Store

    with Store(None) as store:
        held = {r.activity_id for r in store.activities()} & set(ids)
        where = store.where
        stored = store.load(sorted(held)) if held else []
    if held:
        echo(
            f"note: {', '.join(sorted(held))} read from the database at {where} "
            "(give a dossier file to read the file instead)",
            err=True,
        )
    return stored, [n for n in names if n not in held]


def record_context(url: str | None, judged: list[Dossier]) -> list[Dossier]:
    """The rest of the database's record, for the rules that count a State's activities
    (Chapter VIII): an activity read from a database is judged against all it holds."""
    from csbm.store import load_from_db

    ids = {d.activity.id for d in judged}
    return [d for d in load_from_db(url) if d.activity.id not in ids]


RulesetOption = Annotated[
    str | None,
    typer.Option(
        metavar="ID",
        help="Judge under this ruleset (e.g. vd2011), not the one in force at the start.",
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of", metavar="DATE", help="Use only claims and acts known on this date (YYYY-MM-DD)."
    ),
]
ScenarioOption = Annotated[
    list[Scenario] | None,
    typer.Option(help="Judge on this evidence only; repeatable. Default: all three."),
]
OverlayOption = Annotated[
    list[str] | None,
    typer.Option(
        metavar="FILE|ID",
        help="A what-if overlay (file, or lower-thresholds, alert-24h); shows what changes.",
    ),
]
StrictOption = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="No presumptions: open findings lean only on graded evidence (docs/lean.md).",
    ),
]
AssumeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--assume",
        metavar="FACT=VALUE",
        help="Take a fact as given, e.g. single_operational_command=false or tanks=0; "
        "repeatable. The verdicts say they are conditional on it.",
    ),
]
SetOption = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        metavar="PARAM=VALUE",
        help="A what-if parameter value, e.g. ch05.land.troops=5000; repeatable.",
    ),
]
