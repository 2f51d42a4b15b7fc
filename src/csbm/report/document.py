"""The reader's report as HTML: one self-contained file (CSS inline, map and timeline as SVG).

Built on the shared view (`csbm.report.view.activity_view`) so that the report and the web
page say the same things. The explanations for a reader new to the Vienna Document live here
once and are used by the HTML, the PDF (the same HTML) and the Markdown document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from csbm import __version__
from csbm.data.states import participating_states
from csbm.report.svg_map import ATTRIBUTION, map_svg
from csbm.report.svg_timeline import day_text, timeline_svg, undated_acts

# --- What a reader needs to know, in plain words -------------------------------------------

INTRO = (
    "The Vienna Document is an agreement among the participating States of the "
    "Organization for Security and Co-operation in Europe (OSCE): the States of Europe, "
    "North America and Central Asia. First adopted in 1990 and reissued several times "
    "(the current issue dates from 2011), it is politically binding rather than a treaty. "
    "Its confidence- and security-building measures ask each State to be open about its "
    "military activities: to notify the others in advance of larger exercises, to invite "
    "observers to the largest, to list them in an annual calendar, to hold only a limited "
    "number of very large ones, and to explain unusual military activity when another State "
    "asks.",
    "csbm (short for confidence- and security-building measures) is a program that applies "
    "these rules to one activity at a time. It reads a dossier: the activity's dates, "
    "places and States, the figures that each source gives (troops, tanks, aircraft …), and "
    "the official acts on record (notifications, calendar entries, requests and replies). "
    "It then decides, rule by rule, what the Document required and whether the record shows "
    "it was done. Every conclusion names the paragraph it rests on and the sources behind "
    "every figure. Where the evidence does not decide, it says so rather than guess.",
)

SCENARIOS_TEXT = (
    "Figures about an exercise often disagree: the States that hold it may give one number, "
    "other governments and the press another. csbm therefore judges each rule up to three "
    "times: on the figures the conducting States declared (declared), on everyone else's "
    "(independent), and on all of them together (all evidence). A rule can come out "
    "differently in each."
)

OUTCOME_MEANING = {
    "compliant": "the rule applied, and the record shows it was kept.",
    "non_compliant": "the rule applied, and the record shows it was not kept.",
    "indeterminate": "cannot be determined: the evidence on record does not decide; a figure "
    "straddles a threshold, or a fact the rule needs (a date, a command structure) is unknown.",
    "not_applicable": "the rule did not apply: the activity was below its threshold, outside "
    "the zone it covers, or the rule was not in force.",
    "conflict": "two provisions give contradicting answers; the report shows both.",
}

# The words the verdict lines use, so that the badges and the sentences match.
OUTCOME_WORD = {
    "compliant": "compliant",
    "non_compliant": "non compliant",
    "indeterminate": "indeterminate",
    "not_applicable": "not applicable",
    "conflict": "conflict",
}

VERIFIED_TEXT = (
    "Each finding cites the paragraphs of the Document it rests on, with what each citation "
    "was checked against: the official text; an official translation (the language is "
    "named); secondary sources (ministries, delegations, the press), counted and linked, "
    "with how many state both the figure and the paragraph number; or nothing yet "
    "(unverified: the paragraph number is the best known, and may be off). A citation counts "
    "as checked against a text when it is official or an official translation, or when at "
    "least two independent secondary sources state the same figure and paragraph."
)

GRADES_TEXT = (
    "Each figure carries a two-part grade on the Admiralty scale used by intelligence "
    "analysts: a letter for how reliable the source usually is (A completely reliable, "
    "B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be "
    "judged) and a digit for how credible this piece of information is (1 confirmed by "
    "other sources, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be "
    "judged). A grade marked * was not given in the dossier; csbm used the default for that "
    "kind of source."
)

BOUNDARY_TEXT = (
    "The map shows where the activity was reported to take place, as the sources name the "
    "places; points placed by the dossier's compiler are approximate. It shows nothing "
    "else."
)

LICENCE_TEXT = (
    "Country borders: Natural Earth 1:50m Admin 0 countries (public domain), via the "
    "world-atlas 2.0.2 package (ISC licence). csbm is free software (MIT licence). "
    "Quotations belong to their authors; every source is listed with its address."
)

RULE_GROUPS = (
    ("ch", "Obligations of the Vienna Document"),
    ("zone.", "Where the Document applies"),
    ("general.", "Who the Document binds"),
    ("signal.", "Signals: patterns that deserve a closer look (not rules)"),
)

_OUTCOMES_WORST_FIRST = (
    "conflict",
    "non_compliant",
    "indeterminate",
    "compliant",
    "not_applicable",
)


# --- Facts computed from the view -----------------------------------------------------------


_WEB_URL = re.compile(r"https?://[^\s<>\"'\x00-\x1f\x7f]+", re.IGNORECASE)


def web_url(url: object) -> str | None:
    """The address if it is a plain http(s) URL, else None: a dossier's `url` is free text,
    and a link must never carry a `javascript:` or `data:` address into the document."""
    if isinstance(url, str) and _WEB_URL.fullmatch(url.strip()):
        return url.strip()
    return None


def state_name(code: str) -> str:
    state = participating_states().get(code)
    return f"{state.name} ({code})" if state is not None else code


def states_text(codes: Sequence[str] | None) -> str:
    return ", ".join(state_name(c) for c in codes or [])


def one_line(text: str | None) -> str:
    """Folded YAML and docstrings as one line of prose."""
    return re.sub(r"\s+", " ", text or "").strip()


def rule_group(rule: str) -> int:
    for i, (prefix, _title) in enumerate(RULE_GROUPS):
        if rule.startswith(prefix):
            return i
    return len(RULE_GROUPS)


def rule_sections(view: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Findings per rule, rules grouped (obligations first), identical findings merged.

    A finding that reads the same in several scenarios is shown once, with those scenarios
    named together, as the terminal report does.
    """
    rules: dict[str, dict[str, Any]] = {}
    for f in view["findings"]:
        rule = rules.setdefault(
            f["rule"],
            {
                "rule": f["rule"],
                "title": f["title"],
                "summary": one_line(f.get("summary")),
                "citations": f["citations"],
                "parameters": f["parameters"],
                "assumptions": [],
                "rows": {},
                "outcomes": {},
            },
        )
        key = (
            f["subject"],
            f["outcome"],
            f["reason"],
            repr(f["deadline"]),
            tuple(f["claims"]),
            f.get("lean_text", ""),
        )
        row = rule["rows"].setdefault(key, dict(f, scenario_labels=[]))
        row["scenario_labels"].append(f["scenario_label"])
        for x in f["assumptions"]:
            if x not in rule["assumptions"]:
                rule["assumptions"].append(x)
        for c in f["citations"]:
            if c not in rule["citations"]:
                rule["citations"].append(c)
    for v in view["verdicts"]:
        for rule_id, outcome in v["outcomes"].items():
            if rule_id in rules:
                rules[rule_id]["outcomes"][v["label"]] = outcome
    out = []
    for rule in sorted(rules.values(), key=lambda r: (rule_group(r["rule"]), r["rule"])):
        rule["rows"] = list(rule["rows"].values())
        rule["group"] = RULE_GROUPS[rule_group(rule["rule"])][1]
        out.append(rule)
    return out


def verdict_table(view: Mapping[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    """Scenario labels, and one row per rule: rule, title, outcome per scenario label."""
    labels = [v["label"] for v in view["verdicts"]]
    titles = {f["rule"]: f["title"] for f in view["findings"]}
    rule_ids = sorted(
        {r for v in view["verdicts"] for r in v["outcomes"]},
        key=lambda r: (rule_group(r), r),
    )
    rows = []
    for rule_id in rule_ids:
        rows.append(
            {
                "rule": rule_id,
                "title": titles.get(rule_id, rule_id),
                "group": RULE_GROUPS[rule_group(rule_id)][1],
                "outcomes": [v["outcomes"].get(rule_id) for v in view["verdicts"]],
            }
        )
    return labels, rows


def activity_facts(view: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, value) pairs describing the activity, for the fact box."""
    act = view["activity"]
    kind = str(act["kind"]).replace("_", " ")
    start, end = date.fromisoformat(act["start"]), date.fromisoformat(act["end"])
    days = (end - start).days + 1
    rows = [
        ("Activity", f"{act['name']} (csbm id {act['id']})"),
        ("Kind", kind),
        ("Dates", f"{day_text(start)} to {day_text(end)} ({days} days)"),
        ("Conducted by", states_text(act.get("conducting_states"))),
        ("On the territory of", states_text(act.get("host_states"))),
    ]
    if act.get("aliases"):
        rows.insert(1, ("Also known as", "; ".join(act["aliases"])))
    if act.get("duration_hours") is not None:
        rows.append(("Duration", f"{act['duration_hours']} hours"))
    yes_no = {True: "yes", False: "no", None: "unknown"}
    rows.append(("Alert activity (no advance notice to troops)", yes_no[act.get("alert")]))
    rows.append(
        ("Under a single operational command", yes_no[act.get("single_operational_command")])
    )
    links = view.get("links") or {}
    if links.get("parent"):
        rows.append(("Part of", str(links["parent"])))
    if links.get("parts"):
        rows.append(("Parts recorded", ", ".join(links["parts"])))
    if links.get("series"):
        rows.append(("Series", str(links["series"])))
    return rows


def made_text(made: datetime) -> str:
    return f"{day_text(made.date())}, {made:%H:%M} UTC"


def headline_verdict(view: Mapping[str, Any]) -> tuple[str, str]:
    """What the reader sees first: on all the evidence (else the first scenario judged),
    the outcome of the rules a reader asks about first."""
    verdicts = view["verdicts"]
    if not verdicts:
        return "in short", "no scenario was judged"
    rated = next((v for v in verdicts if v["scenario"] == "all"), verdicts[0])
    label = (
        "on all the evidence" if rated["scenario"] == "all" else f"on the {rated['label']} figures"
    )
    return f"In short, {label}", str(rated["line"]).split(": ", 1)[-1]


def map_and_timeline(view: Mapping[str, Any]) -> tuple[str | None, str | None]:
    name = view["activity"]["name"]
    places = map_svg(view["locations"], title=f"Where {name} was reported")
    times = timeline_svg(
        view["timeline"], undated=undated_acts(view["acts"]), title=f"Timeline of {name}"
    )
    return places, times


def document_context(view: Mapping[str, Any], *, made: datetime) -> dict[str, Any]:
    """Everything the templates use: the view plus the explanations and the drawings."""
    labels, rows = verdict_table(view)
    places, times = map_and_timeline(view)
    present = {f["outcome"] for f in view["findings"]}
    return {
        "v": view,
        "version": __version__,
        "made": made_text(made),
        "made_iso": made.isoformat(timespec="seconds"),
        "intro": INTRO,
        "scenarios_text": SCENARIOS_TEXT,
        "outcome_meaning": [
            (o, OUTCOME_WORD[o], OUTCOME_MEANING[o])
            for o in _OUTCOMES_WORST_FIRST
            if o in present or o in ("compliant", "non_compliant", "indeterminate")
        ],
        "outcome_word": OUTCOME_WORD,
        "verified_text": VERIFIED_TEXT,
        "grades_text": GRADES_TEXT,
        "boundary_text": BOUNDARY_TEXT,
        "licence_text": LICENCE_TEXT,
        "attribution": ATTRIBUTION,
        "headline_verdict": headline_verdict(view),
        "facts": activity_facts(view),
        "scenario_labels": labels,
        "verdict_rows": rows,
        "sections": rule_sections(view),
        "map_svg": Markup(places) if places else None,
        "timeline_svg": Markup(times) if times else None,
        "notes": one_line(view["activity"].get("notes")),
        "day_text": _day_or_period,
        "one_line": one_line,
        "state_name": state_name,
        "web_url": web_url,
    }


@cache
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("csbm.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(view: Mapping[str, Any], *, made: datetime) -> str:
    """The report as one self-contained HTML document (no scripts, no outside references)."""
    return _env().get_template("report.html.j2").render(document_context(view, made=made))


__all__ = [
    "BOUNDARY_TEXT",
    "GRADES_TEXT",
    "INTRO",
    "LICENCE_TEXT",
    "OUTCOME_MEANING",
    "OUTCOME_WORD",
    "SCENARIOS_TEXT",
    "VERIFIED_TEXT",
    "document_context",
    "render_html",
    "rule_sections",
    "web_url",
]


def _day_or_period(iso: object) -> str:
    """A day in words; a month or year ("2018-10", "2018") as given; nothing for none."""
    if not iso:
        return ""
    text = str(iso)
    if len(text) < 10:
        return text
    return day_text(date.fromisoformat(text[:10]))
