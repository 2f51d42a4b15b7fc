"""The range of values csbm accepts where data enters: days and figures.

One place, so that the command line, the batch reader, the web forms, the JSON API and the
dossier format all refuse the same things with the same words (documented in
docs/dossier.md, "Bounds").

Days run from the signing of the Helsinki Final Act, whose Document on confidence-building
measures introduced prior notification of major military manoeuvres (CSCE, Final Act,
Helsinki, 1 August 1975, https://www.osce.org/helsinki-final-act; text at
http://athena.hri.org/docs/Helsinki75.html), to a fixed last day. The
last day is a constant, not "today", so a dossier that validates today validates on any
day; it leaves room for activities scheduled years ahead, and keeps every date the
extractor derives (a year either side of a publication date, a week on from a weekday)
far inside Python's calendar (years 1 to 9999).

Figures (troops, tanks, sorties, any quantity) have a ceiling of ten million: far above
anything an activity can involve, low enough that every sum, ratio and float csbm computes
from them stays exact and finite.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import date as Day

EARLIEST_DAY = date(1975, 8, 1)
LATEST_DAY = date(2099, 12, 31)
MAX_FIGURE = 10_000_000


def day_problem(value: date) -> str | None:
    """Why a day is outside csbm's range, or None when it is inside."""
    day = value.date() if isinstance(value, datetime) else value
    if day < EARLIEST_DAY or day > LATEST_DAY:
        return (
            f"{day.isoformat()} is outside the range csbm accepts "
            f"({EARLIEST_DAY.isoformat()} to {LATEST_DAY.isoformat()})"
        )
    return None


def check_day(value: date) -> date:
    """The day itself, or ValueError saying it is out of range."""
    problem = day_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def _day_in(value: Any) -> Any:
    """A day given as text or a date, never a number: pydantic would read 0 as 1970-01-01.

    The range is checked here too, so an out-of-range day is refused before the type is.
    """
    if isinstance(value, bool | int | float):
        raise ValueError(f"{value!r} is a number, not a date (YYYY-MM-DD)")
    if isinstance(value, str):
        text = value.strip()
        try:
            parsed = date.fromisoformat(text) if len(text) == 10 else None
        except ValueError:
            parsed = None  # pydantic's own message says what is wrong with it
        if parsed is not None:
            return check_day(parsed)
        return value
    if isinstance(value, date):
        return check_day(value)
    return value


_DAY_SCHEMA = {
    "type": "string",
    "format": "date",
    "description": f"A day (YYYY-MM-DD) from {EARLIEST_DAY.isoformat()} to "
    f"{LATEST_DAY.isoformat()}.",
}


def __getattr__(name: str) -> Any:
    # `Day`, a day as a pydantic field (text or a date, inside the range), is built on first
    # use: the command line reads the bounds without paying for pydantic (`csbm --help`).
    if name == "Day":
        from typing import Annotated

        from pydantic import AfterValidator, BeforeValidator, WithJsonSchema

        # The range is checked after pydantic's parsing too: it reads forms _day_in leaves
        # to it (a date-time at midnight, for one).
        day_type = Annotated[
            date,
            BeforeValidator(_day_in),
            AfterValidator(check_day),
            WithJsonSchema(_DAY_SCHEMA),
        ]
        globals()["Day"] = day_type
        return day_type
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def parse_day(text: str) -> date:
    """A day from YYYY-MM-DD text inside the range, or ValueError saying what is wrong."""
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)") from None
    return check_day(value)


__all__ = [
    "EARLIEST_DAY",
    "LATEST_DAY",
    "MAX_FIGURE",
    "Day",
    "check_day",
    "day_problem",
    "parse_day",
]
