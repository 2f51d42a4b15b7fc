"""Pieces every command-line module shares: the console and date options."""

from __future__ import annotations

import os
import sys
from datetime import date

from rich.console import Console

from csbm.errors import UsageError


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
