"""A terminal view of an extraction (Rich): what was found, where, and why.

Text from the input is shown as plain text (never as Rich markup) and with control
characters replaced, so a hostile input cannot restyle or scramble the terminal.
"""

from __future__ import annotations

import re

from rich.console import Console
from rich.table import Table
from rich.text import Text

from csbm.extract.gazetteer import state_names
from csbm.extract.result import Extraction, Figure

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def _safe(text: str, limit: int = 120) -> Text:
    clean = _CONTROL.sub("·", text.replace("\n", " "))
    if len(clean) > limit:
        clean = clean[: limit - 1] + "…"
    return Text(clean)


def _figure_value(f: Figure) -> str:
    if f.low is not None and f.high is not None:
        return f"{f.low:,}–{f.high:,}"
    return f"{f.value:,}" if f.value is not None else "?"


def to_terminal(x: Extraction, console: Console) -> None:
    """Print the extraction as a few small tables."""
    doc = f"published {x.published.isoformat() if x.published else 'unknown'}"
    if x.url:
        doc += f", {x.url}"
    console.print(_safe(f"Document: {len(x.text):,} characters, {doc}", 200))
    for note in x.notes:
        console.print(_safe(f"Note: {note}", 200))
    main = x.main_exercise
    if x.exercises:
        names = ", ".join(
            f"{e.name}{' (reported)' if e.main else ''}"
            f"{f' [dossier {e.activity_id}]' if e.activity_id else ''}"
            for e in x.exercises
        )
        console.print(_safe(f"Exercises: {names}", 300))
    else:
        console.print("Exercises: none named")
    if x.period is not None:
        start = x.period.start.isoformat() if x.period.start else "?"
        end = x.period.end.isoformat() if x.period.end else "?"
        console.print(_safe(f"Period: {start} to {end}", 200))
        console.print(_safe(f"  start: {x.period.start_reason}", 300))
        console.print(_safe(f"  end: {x.period.end_reason}", 300))
    else:
        console.print("Period: no dates for the activity in the text")
    if x.states:
        table = Table(title="States", show_lines=False)
        table.add_column("code", no_wrap=True)
        table.add_column("name")
        table.add_column("role", no_wrap=True)
        table.add_column("why")
        known = state_names()
        for s in x.states:
            table.add_row(s.code, known.get(s.code, ""), "+".join(s.roles), _safe(s.reasons[0], 90))
        console.print(table)
    if x.figures:
        table = Table(title="Figures", show_lines=False)
        for col in ("quantity", "figure", "qualifier", "attributed to", "exercise", "evidence"):
            table.add_column(col, no_wrap=col in ("quantity", "figure", "qualifier"))
        for f in x.figures:
            exercise = f.exercise or "-"
            if main is not None and f.exercise not in (None, main.name):
                exercise += " (other)"
            if f.scope:
                exercise += f"; scope: {f.scope}"
            table.add_row(
                f.quantity.value,
                _figure_value(f),
                f.qualifier.value,
                _safe(f.attributed_to or "-", 40),
                _safe(exercise, 60),
                _safe(f.evidence.text, 60),
            )
        console.print(table)
    else:
        console.print("Figures: none")
    vd = x.vienna_document
    if vd.mentioned or vd.threshold_mentions:
        held = ", ".join(f"{t.value:,} {t.quantity.value}" for t in vd.threshold_mentions)
        console.print(
            _safe(
                "Vienna Document: named"
                + (f"; thresholds cited (not claims): {held}" if held else ""),
                300,
            )
        )
    if x.locations:
        table = Table(title="Places (gazetteer; coordinates with their sources)")
        for col in ("place", "lat", "lon", "State", "source"):
            table.add_column(col)
        for p in x.locations:
            table.add_row(
                _safe(p.name, 40),
                f"{p.lat:.2f}" if p.lat is not None else "-",
                f"{p.lon:.2f}" if p.lon is not None else "-",
                p.country or "-",
                _safe(p.source, 60),
            )
        console.print(table)
    if x.acts:
        table = Table(title="Acts (Vienna Document)")
        for col in ("act", "by", "made", "date", "why"):
            table.add_column(col)
        for a in x.acts:
            table.add_row(
                a.type.value,
                a.by,
                "yes" if a.made else "no",
                a.date.isoformat() if a.date else "-",
                _safe(a.reason, 80),
            )
        console.print(table)
    if x.dropped:
        table = Table(title="Numbers set aside")
        table.add_column("text")
        table.add_column("why")
        for d in x.dropped[:50]:
            table.add_row(_safe(d.text, 50), _safe(d.reason, 80))
        console.print(table)
        if len(x.dropped) > 50:
            console.print(f"… and {len(x.dropped) - 50} more")


__all__ = ["to_terminal"]
