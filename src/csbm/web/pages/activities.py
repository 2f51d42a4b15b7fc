"""The activities table (filterable, sortable) and the timeline by State: `/`, `/activities`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import HTMLResponse

from csbm.model.finding import Outcome, Scenario
from csbm.report.headline import headline, headline_scenario
from csbm.report.summary import summary_rows
from csbm.web.pages.common import bad_request, cached_json, cached_page, snapshot
from csbm.web.record import Snapshot

router = APIRouter(tags=["activities"])

SORTS = ("start", "end", "name", "states", "ruleset", "declared", "independent", "all", "signals")
OUTCOMES = [o.value for o in Outcome]
SCENARIOS = [s.value for s in Scenario]


NOTIFICATION_RULE = "ch05.prior_notification"

# The timeline's colours, settled outcomes at the ends and the leans of open ones between.
TONES = (
    ("compliant", "kept"),
    ("lean_compliant", "open, leans kept"),
    ("open", "open, no lean"),
    ("lean_non_compliant", "open, leans not kept"),
    ("non_compliant", "not kept"),
    ("not_applicable", "not owed"),
    ("none", "no notification finding"),
)
SETTLED = {"compliant", "non_compliant", "not_applicable"}
# The timeline opens on this many years when the rows span more (all years a click away):
# fifteen years on one screen draw a two-week activity a few pixels wide.
WINDOW_YEARS = 2


def tone(line: dict[str, Any]) -> str:
    """The colour class of a headline line: its outcome when settled, else its lean."""
    outcome, lean = line["outcome"], line["lean"]
    if outcome in SETTLED:
        return str(outcome)
    if lean == "not_applicable":
        return "not_applicable"
    if lean in ("compliant", "non_compliant"):
        return f"lean_{lean}"
    return "open"


def all_rows(snap: Snapshot) -> list[dict[str, Any]]:
    """One row per activity (parents first, each followed by its parts), cached."""

    def make() -> list[dict[str, Any]]:
        rows = []
        by_id = {a.dossier.activity.id: a for a in snap.assessments}
        for row in summary_rows(snap.assessments):
            act = snap.dossiers[row["id"]].activity
            a = by_id.get(row["id"])
            lines = headline(a, headline_scenario(a)) if a is not None and a.scenarios else []
            first = next((x for x in lines if x.rule == NOTIFICATION_RULE), None)
            rows.append(
                {
                    "id": act.id,
                    "name": act.name,
                    "aliases": list(act.aliases),
                    "kind": act.kind.value,
                    "start": row["start"],
                    "end": row["end"],
                    "year": act.start.year,
                    "conducting_states": list(act.conducting_states),
                    "host_states": list(act.host_states),
                    "parent": act.parent,
                    "ruleset": row["ruleset"] or None,
                    "notification": {s: row.get(f"{s}_notification") or None for s in SCENARIOS},
                    "observation": {s: row.get(f"{s}_observation") or None for s in SCENARIOS},
                    "worst": {s: row.get(f"{s}_worst") or None for s in SCENARIOS},
                    "signals": row["signals"].split(),
                    # The headline's prior-notification line (its lean beside an open
                    # outcome), and the colour class it gives the timeline.
                    "headline": first.as_json() if first else None,
                    "tone": tone(first.as_json()) if first else "none",
                }
            )
        return rows

    return snap.cached(("rows",), make)


class Filters:
    """The table's query: every field optional; unknown values are refused with a message."""

    def __init__(
        self,
        state: str | None,
        year: int | None,
        ruleset: str | None,
        verdict: str | None,
        scenario: str | None,
        signal: str | None,
        q: str | None,
        sort: str | None,
        order: str | None,
    ) -> None:
        self.state = (state or "").strip().upper() or None
        self.year = year
        self.ruleset = (ruleset or "").strip().lower() or None
        self.verdict = (verdict or "").strip() or None
        self.scenario = (scenario or "").strip() or None
        self.signal = (signal or "").strip() or None
        self.q = (q or "").strip() or None
        self.sort = (sort or "").strip() or None
        self.order = (order or "asc").strip()
        if self.verdict and self.verdict not in OUTCOMES:
            raise bad_request(f"verdict must be one of {', '.join(OUTCOMES)}")
        if self.scenario and self.scenario not in SCENARIOS:
            raise bad_request(f"scenario must be one of {', '.join(SCENARIOS)}")
        if self.sort and self.sort not in SORTS:
            raise bad_request(f"sort must be one of {', '.join(SORTS)}")
        if self.order not in ("asc", "desc"):
            raise bad_request("order must be asc or desc")
        if self.q and len(self.q) > 200:
            raise bad_request("the search text is longer than 200 characters")

    def as_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "year": self.year,
            "ruleset": self.ruleset,
            "verdict": self.verdict,
            "scenario": self.scenario,
            "signal": self.signal,
            "q": self.q,
            "sort": self.sort,
            "order": self.order,
        }

    def keep(self, row: dict[str, Any]) -> bool:
        if self.state and self.state not in row["conducting_states"] + row["host_states"]:
            return False
        if self.year is not None and not (row["start"][:4] <= str(self.year) <= row["end"][:4]):
            return False
        if self.ruleset and (row["ruleset"] or "none") != self.ruleset:
            return False
        if self.verdict:
            scenarios = [self.scenario] if self.scenario else SCENARIOS
            if all(row["notification"][s] != self.verdict for s in scenarios):
                return False
        if self.signal and self.signal.removeprefix("signal.") not in row["signals"]:
            return False
        if self.q:
            # Plain substring search in memory: the text never reaches SQL.
            needle = self.q.casefold()
            names = [row["id"], row["name"], *row["aliases"]]
            if not any(needle in n.casefold() for n in names):
                return False
        return True

    def apply(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        kept = [r for r in rows if self.keep(r)]
        if self.sort is None:
            return kept if self.order == "asc" else kept[::-1]

        def key(row: dict[str, Any]) -> tuple[str, str]:
            s = self.sort or "start"
            if s in SCENARIOS:
                value = row["notification"][s] or "~"
            elif s == "states":
                value = " ".join(row["conducting_states"])
            elif s == "signals":
                value = " ".join(row["signals"]) or "~"
            else:
                value = str(row[s] or "~")
            return value.casefold(), row["start"]

        return sorted(kept, key=key, reverse=self.order == "desc")


def _filters(
    state: Annotated[str | None, Query(description="A State (ISO3) conducting or hosting")] = None,
    # Text, not int: the HTML form sends "year=" for "any".
    year: Annotated[str | None, Query(description="Running in this year (YYYY)")] = None,
    ruleset: Annotated[str | None, Query(description="vd1990 … vd2011, or none")] = None,
    verdict: Annotated[str | None, Query(description="Notification outcome")] = None,
    scenario: Annotated[str | None, Query(description="declared, independent or all")] = None,
    signal: Annotated[str | None, Query(description="A signal that fired, e.g. splitting")] = None,
    q: Annotated[str | None, Query(description="Search in names, aliases and ids")] = None,
    sort: Annotated[str | None, Query(description="Column to sort by")] = None,
    order: Annotated[str | None, Query(description="asc or desc")] = None,
) -> Filters:
    text = (year or "").strip()
    if text and not (text.isdigit() and 1900 <= int(text) <= 2100):
        raise bad_request(f"year must be a year between 1900 and 2100, not {text!r}")
    number = int(text) if text else None
    return Filters(state, number, ruleset, verdict, scenario, signal, q, sort, order)


def timeline(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """What the timeline draws: one bar per activity and conducting State, coloured by the
    headline's prior-notification line; the States busiest first; the opening window."""
    items = [
        {
            "id": f"{r['id']}@{state}",
            "group": state,
            "start": r["start"],
            "end": r["end"],
            "activity": r["id"],
            "label": r["name"],
            "tone": r["tone"],
            "headline": r["headline"]["text"] if r["headline"] else None,
        }
        for r in rows
        for state in r["conducting_states"]
    ]
    counts: dict[str, int] = {}
    for x in items:
        counts[x["group"]] = counts.get(x["group"], 0) + 1
    states = [
        {"code": c, "count": n} for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    tally = {t: 0 for t, _ in TONES}
    for r in rows:
        tally[r["tone"]] += 1
    legend = [{"tone": t, "label": label, "count": tally[t]} for t, label in TONES]
    years = sorted({y for r in rows for y in range(int(r["start"][:4]), int(r["end"][:4]) + 1)})
    window = None
    if years:
        last = years[-1]
        first = years[0] if last - years[0] < WINDOW_YEARS else last - WINDOW_YEARS + 1
        # The latest activities first: the opening window ends with the last year held.
        window = {"start": f"{first}-01-01", "end": f"{last + 1}-01-01"}
    return {
        "items": items,
        "states": states,
        "legend": legend,
        "years": years,
        "window": window,
        "all": {"start": f"{years[0]}-01-01", "end": f"{years[-1] + 1}-01-01"} if years else None,
    }


def _data(snap: Snapshot, f: Filters) -> dict[str, Any]:
    every = all_rows(snap)
    rows = f.apply(every)
    return {
        "count": len(rows),
        "total": len(every),
        "filters": f.as_dict(),
        "choices": {
            "states": sorted({s for r in every for s in r["conducting_states"] + r["host_states"]}),
            "years": sorted({r["year"] for r in every}),
            "rulesets": sorted({r["ruleset"] or "none" for r in every}),
            "verdicts": OUTCOMES,
            "scenarios": SCENARIOS,
            "signals": sorted({s for r in every for s in r["signals"]}),
        },
        "rows": rows,
        "timeline": timeline(rows),
    }


@router.get("/activities.json", summary="Activities (JSON twin of /activities)")
def activities_json(request: Request, f: Annotated[Filters, Depends(_filters)]) -> Response:
    snap = snapshot(request)
    return cached_json(request, lambda: _data(snap, f), snap)


@router.get("/", response_class=HTMLResponse, summary="Activities (HTML)")
@router.get("/activities", response_class=HTMLResponse, summary="Activities (HTML)")
def activities_page(request: Request, f: Annotated[Filters, Depends(_filters)]) -> Response:
    snap = snapshot(request)
    return cached_page(request, "activities.html", lambda: _page(snap, f), snap)


def _page(snap: Snapshot, f: Filters) -> tuple[dict[str, Any], str]:
    return {**_data(snap, f), "sorts": SORTS}, "Activities"
