"""The progress bar of a batch run (documents, claims, documents per second, time left).

Rich redraws it in a terminal; elsewhere (a log, a CI job) it is printed once at the end.
It goes to standard error, so standard output carries only the summary.
"""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class _Rate(ProgressColumn):
    """Documents per second over the run so far (Rich's own speed column smooths over a
    few updates, which jumps about with partition-sized steps)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:,.0f} docs/s", style="progress.data.speed")


def make_progress(console: Console | None = None, *, enabled: bool = True) -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("docs, {task.fields[claims]:,} claims"),
        _Rate(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console or Console(stderr=True),
        disable=not enabled,
    )


__all__ = ["make_progress"]
