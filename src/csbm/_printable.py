"""Text as it may reach a terminal: no control characters from the data.

A dossier's names, a news text's words and a file's path are data; printed raw, an escape
sequence in them would recolour, move or rewrite the terminal (or hide what follows).
Everything csbm prints passes through `printable`: control characters (C0 but tab and
newline, DEL, C1) and the bidirectional overrides that reorder what is shown are dropped.
Styling csbm adds itself (Rich's colours) is added after, so it survives.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.segment import Segment

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """text without control characters (tab and newline kept)."""
    return _CONTROL.sub("", text)


def write_out(text: str, *, err: bool = False) -> None:
    """Write text to standard output (or error) with control characters dropped."""
    (sys.stderr if err else sys.stdout).write(printable(text))


def echo(text: str, *, err: bool = False) -> None:
    """typer.echo for data: a line, control characters dropped."""
    write_out(text + "\n", err=err)


@cache
def console_class() -> type[Any]:
    """A Rich Console that drops control characters from what it is given to print (Rich's
    Text removes a few, not ESC), keeping the control codes it writes itself, and prints
    emoji codes (`:100:`) as the text they are."""
    from rich.console import Console
    from rich.segment import Segment

    class CleanConsole(Console):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # No emoji codes either: Rich would print "file.yaml:100: …" as "file.yaml💯 …"
            # and a name with ":fire:" in it with a flame.
            kwargs.setdefault("emoji", False)
            super().__init__(*args, **kwargs)

        def _render_buffer(self, buffer: Iterable[Segment]) -> str:
            return str(
                super()._render_buffer(
                    s if s.control else Segment(printable(s.text), s.style, s.control)
                    for s in buffer
                )
            )

    return CleanConsole
