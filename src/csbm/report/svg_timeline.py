"""An activity's dates as one inline SVG: the period, the deadlines, the acts on record.

Pure: the view's ``timeline`` events in, an SVG string out. Deadlines can lie a year before
the activity (the annual calendar) while the acts cluster in a few days, so the time axis is
broken: dates close together share a stretch drawn to scale, and a long quiet gap is drawn
as a short break labelled with its length. One row per event keeps every label readable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from csbm.report._svg import attr, shorten, text

# Dates less than this many days apart are drawn on one stretch of the axis, to scale.
_CLUSTER_DAYS = 21
_ROW = 20
_GAP_PX = 34
_MARGIN = 14
_AXIS_H = 34

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# Marker colours by status (deadline: met/missed/open; act: made/not_made).
_COLOUR = {
    "met": "#2e7d32",
    "missed": "#b3261e",
    "open": "#6b6b6b",
    "made": "#1f4e79",
    "not_made": "#b3261e",
}
_STATUS_WORDS = {
    "met": "met",
    "missed": "missed",
    "open": "not known if met",
    "made": "done",
    "not_made": "not done",
}


def day_text(d: date) -> str:
    """A date as a reader writes it: 9 Feb 2022."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _parse(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class _Stretch:
    """One to-scale piece of the broken axis."""

    first: date
    last: date
    x0: float
    x1: float

    def x(self, d: date) -> float:
        days = (self.last - self.first).days
        if days == 0:
            return (self.x0 + self.x1) / 2
        return self.x0 + (self.x1 - self.x0) * (d - self.first).days / days


def _stretches(days: list[date], left: float, right: float) -> list[_Stretch]:
    groups: list[list[date]] = []
    for d in sorted(set(days)):
        if groups and (d - groups[-1][-1]).days <= _CLUSTER_DAYS:
            groups[-1].append(d)
        else:
            groups.append([d])
    # Each stretch gets room by its length in days, but never less than a fixed minimum,
    # so a lone deadline still has space for its marker.
    spans = [max((g[-1] - g[0]).days, 3) + 2 for g in groups]
    room = right - left - _GAP_PX * (len(groups) - 1)
    minimum = min(60.0, room / len(groups))
    widths = [max(room * s / sum(spans), minimum) for s in spans]
    scale = room / sum(widths)
    out = []
    x = left
    for g, w in zip(groups, widths, strict=True):
        w *= scale
        # Some padding inside a stretch keeps its end markers off the break marks.
        inner = w * 0.08 if g[0] != g[-1] else 0.0
        out.append(_Stretch(g[0], g[-1], x + inner, x + w - inner))
        x += w + _GAP_PX
    return out


def _where(stretches: list[_Stretch], d: date) -> float:
    for s in stretches:
        if s.first <= d <= s.last:
            return s.x(d)
    raise ValueError(f"{d} is on no stretch")  # unreachable: every date made a stretch


def _gap_text(days: int) -> str:
    if days >= 60:
        return f"{round(days / 30.44)} months"
    return f"{days} days"


def timeline_svg(
    events: Sequence[Mapping[str, Any]],
    *,
    undated: Sequence[str] = (),
    width: int = 720,
    title: str | None = None,
) -> str | None:
    """An SVG timeline of the events, or None when none has a date.

    ``events`` are the view's timeline entries: ``date`` and ``end`` (ISO days), ``kind``
    (activity, deadline or act), ``label`` and ``status``. ``undated`` are lines for acts on
    record without a date (e.g. a notification that was not made); they are listed below.
    """
    rows = [(e, _parse(e.get("date")), _parse(e.get("end"))) for e in events]
    dated = [(e, d, end) for e, d, end in rows if d is not None]
    if not dated:
        return None
    dated.sort(key=lambda r: (r[1], r[0].get("kind") != "activity"))
    days: list[date] = []
    for _e, d, end in dated:
        assert d is not None
        days.append(d)
        if end is not None and end >= d:
            days.append(end)
    left, right = float(_MARGIN), float(width - _MARGIN)
    stretches = _stretches(days, left, right)
    top = 26
    chart_h = _ROW * len(dated)
    axis_y = top + chart_h + 6
    undated_h = (16 * (len(undated) + 1)) if undated else 0
    total_h = axis_y + _AXIS_H + undated_h + 6
    caption = title or "Timeline"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="csbm-timeline" role="img" '
        f'viewBox="0 0 {width} {total_h}" width="{width}" height="{total_h}" '
        'font-family="sans-serif" font-size="11">',
        f"<title>{text(caption)}</title>",
    ]
    # The activity period as a band behind every row, so each act is seen against it.
    for e, d, end in dated:
        if e.get("kind") == "activity" and d is not None:
            x0 = _where(stretches, d)
            x1 = _where(stretches, end) if end is not None and end >= d else x0
            out.append(
                f'<rect class="period" x="{x0 - 3:.1f}" y="{top - 6}" '
                f'width="{x1 - x0 + 6:.1f}" height="{chart_h + 12}" fill="#f3e6c4"/>'
            )
    mid = (left + right) / 2
    for i, (e, d, end) in enumerate(dated):
        assert d is not None
        y = top + i * _ROW + _ROW / 2
        x = _where(stretches, d)
        kind = str(e.get("kind") or "")
        status = str(e.get("status") or "")
        colour = _COLOUR.get(status, "#444")
        when = day_text(d)
        if kind == "activity" and end is not None and end > d:
            x1 = _where(stretches, end)
            shape = (
                f'<rect x="{x:.1f}" y="{y - 5:.1f}" width="{max(x1 - x, 4):.1f}" height="10" '
                'rx="2" fill="#9a5b00"/>'
            )
            when = f"{day_text(d)} to {day_text(end)}"
            anchor_x = x1 if x < mid else x
        elif kind == "deadline":
            fill = colour if status != "open" else "#fff"
            shape = (
                f'<path d="M{x:.1f} {y - 6:.1f}L{x + 6:.1f} {y:.1f}L{x:.1f} {y + 6:.1f}'
                f'L{x - 6:.1f} {y:.1f}Z" fill="{fill}" stroke="{colour}" stroke-width="1.5"/>'
            )
            anchor_x = x
        else:
            fill = colour if status != "not_made" else "#fff"
            shape = (
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{fill}" stroke="{colour}" '
                'stroke-width="1.5"/>'
            )
            anchor_x = x
        words = _STATUS_WORDS.get(status)
        label = f"{e.get('label') or kind}: {when}" + (f" ({words})" if words else "")
        if anchor_x < mid:
            tx, anchor, room = anchor_x + 10, "start", right - anchor_x - 10
        else:
            tx, anchor, room = anchor_x - 10, "end", anchor_x - 10 - left
        # About 6 px a character at 11 px: cut what would run off the edge (full text in title).
        shown = shorten(label, max(int(room / 6.2), 12))
        out.append(
            f'<g class="event {attr(kind)} {attr(status)}"><title>{text(label)}</title>'
            f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x:.1f}" y2="{axis_y}" stroke="#bbb" '
            f'stroke-dasharray="2 2"/>{shape}'
            f'<text x="{tx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">{text(shown)}</text></g>'
        )
    # The broken axis: one line per stretch, its first and last dates, the gaps named.
    for i, s in enumerate(stretches):
        a, b = s.x0 - 4, s.x1 + 4
        out.append(
            f'<line x1="{a:.1f}" y1="{axis_y}" x2="{b:.1f}" y2="{axis_y}" stroke="#333" '
            'stroke-width="1.2"/>'
        )
        out.append(
            f'<text x="{s.x(s.first):.1f}" y="{axis_y + 14}" text-anchor="middle" '
            f'font-size="9" fill="#333">{text(day_text(s.first))}</text>'
        )
        if s.last != s.first and s.x1 - s.x0 > 110:
            out.append(
                f'<text x="{s.x(s.last):.1f}" y="{axis_y + 14}" text-anchor="middle" '
                f'font-size="9" fill="#333">{text(day_text(s.last))}</text>'
            )
        if i + 1 < len(stretches):
            nxt = stretches[i + 1]
            gx = (b + nxt.x0 - 4) / 2
            out.append(
                f'<text x="{gx:.1f}" y="{axis_y + 4}" text-anchor="middle" font-size="12" '
                f'fill="#333">≈</text><text x="{gx:.1f}" y="{axis_y + 26}" '
                f'text-anchor="middle" font-size="8" fill="#666">'
                f"{text(_gap_text((nxt.first - s.last).days))}</text>"
            )
    if undated:
        y = axis_y + _AXIS_H + 12
        out.append(f'<text x="{left}" y="{y}" font-weight="bold">On record without a date:</text>')
        for line in undated:
            y += 16
            shown = shorten(line, int((right - left - 8) / 6.2))
            out.append(f'<text class="undated" x="{left + 8}" y="{y}">{text(shown)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def undated_acts(acts: Sequence[Mapping[str, Any]]) -> list[str]:
    """Lines for the view's acts that have no date, for ``timeline_svg(undated=...)``."""
    out = []
    for act in acts:
        if act.get("date") or act.get("requested"):
            continue
        by = ", ".join(str(s) for s in act.get("by") or [])
        made = "made" if act.get("made") else "not made"
        out.append(f"{act.get('label') or act.get('type')} by {by}: {made}")
    return out


__all__ = ["day_text", "timeline_svg", "undated_acts"]
