"""Pieces every command-line module shares: the console, date options and the options that
choose how an activity is judged (ruleset, knowledge date, scenarios, what-ifs)."""

from __future__ import annotations

import os
import sys
from datetime import date
from typing import Annotated

import typer
from rich.console import Console

from csbm.errors import UsageError
from csbm.model.scenario import Scenario


def console() -> Console:
    """Piped output gets 100 columns (not Rich's 80) so reasons stay readable; COLUMNS wins."""
    fixed = not sys.stdout.isatty() and "COLUMNS" not in os.environ
    return Console(width=100 if fixed else None, soft_wrap=False)


def parse_day(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value, or a UsageError naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not a date (YYYY-MM-DD)") from None


RulesetOption = Annotated[
    str | None,
    typer.Option(
        help="Judge under this ruleset instead of the one in force on each activity's start "
        "date (e.g. vd2011)."
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="Use only claims and acts known on this date (YYYY-MM-DD)."),
]
ScenarioOption = Annotated[
    list[Scenario] | None,
    typer.Option(help="Which evidence to judge on; repeat for several. Default: all three."),
]
OverlayOption = Annotated[
    list[str] | None,
    typer.Option(
        help="A what-if overlay file (or a bundled one: lower-thresholds, alert-24h) laid over "
        "the rules; repeatable. The output shows what changes against the baseline."
    ),
]
SetOption = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        help="A what-if parameter value, PATH=VALUE (e.g. ch05.land.troops=5000); repeatable.",
    ),
]
