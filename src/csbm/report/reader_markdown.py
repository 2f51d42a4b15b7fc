"""The reader's report as Markdown: the same document as the HTML, for wikis and e-mail.

`csbm assess --format markdown` is a compact table dump for people who know csbm; this one
explains itself to a reader who does not. Same view, same explanations (from
`csbm.report.document`), no drawings: the places are listed with coordinates and the
timeline as a dated list.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from csbm import __version__
from csbm.report.document import (
    BOUNDARY_TEXT,
    GRADES_TEXT,
    INTRO,
    LICENCE_TEXT,
    OUTCOME_MEANING,
    OUTCOME_WORD,
    SCENARIOS_TEXT,
    VERIFIED_TEXT,
    activity_facts,
    headline_verdict,
    made_text,
    one_line,
    rule_sections,
    state_name,
    verdict_table,
    web_url,
)
from csbm.report.svg_timeline import day_text

# Markdown would pass raw HTML through to a renderer: every dossier text is escaped so that
# it shows as written and cannot become markup (a link, an image, a script).
# Brackets are escaped, so no parenthesis can end up as a link target and "(" stays as is.
_SPECIAL = re.compile(r"([\\`*_{}\[\]|~])")


def md(value: object) -> str:
    """Text from a dossier as literal Markdown on one line."""
    text = one_line(str(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def _link(label: str, url: str | None) -> str:
    url = web_url(url)
    if url is None:
        return md(label)
    # Angle-bracket destinations take any URL; only these three characters need escaping.
    safe = url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
    return f"[{md(label)}](<{safe}>)"


def _day(iso: str | None) -> str:
    if not iso:
        return "undated"
    # Acts may be dated by month ("2018-10") or year ("2018") only: shown as given.
    if len(iso) < 10:
        return iso
    return day_text(date.fromisoformat(iso[:10]))


def _outcome(o: str | None) -> str:
    return f"**{OUTCOME_WORD.get(o, o)}**" if o else "—"


def _cite(c: Mapping[str, Any]) -> str:
    links = " ".join(f"[{i}]({s['url']})" for i, s in enumerate(c["sources"], 1))
    tail = f" {links}" if links else ""
    return f"{md(c['symbol'] or c['instrument'])} {md(c['paragraph'])} ({c['level_label']}){tail}"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return [*out, ""]


def _what_if(view: Mapping[str, Any]) -> list[str]:
    what_if = view.get("what_if")
    if not what_if:
        return []
    out = ["### What-if", "", "These verdicts were reached with changed rules:", ""]
    for o in what_if["overlays"]:
        source = o["source"]
        where = (
            "illustrative, not a published proposal"
            if isinstance(source, str)
            else ", ".join(
                str(source[k]) for k in ("title", "publisher", "date", "url") if source.get(k)
            )
        )
        values = ", ".join(f"`{k}` = {md(v)}" for k, v in o["parameters"].items())
        out.append(f"- {md(o['title'])} ({md(where)}): {values}")
    out.append("")
    if not what_if["changes"]:
        return [*out, "No finding changes against the rules as they stand.", ""]
    rows = [
        [
            md(c["scenario"]),
            f"`{c['rule']}`" + (f" \\[{md(c['subject'])}\\]" if c["subject"] else ""),
            _outcome(c["baseline_outcome"]),
            _outcome(c["overlay_outcome"]),
            md(c["why"] or ""),
        ]
        for c in what_if["changes"]
    ]
    return out + _table(["scenario", "rule", "without the change", "with it", "why"], rows)


def render_markdown(view: Mapping[str, Any], *, made: datetime) -> str:
    """The reader's report for one activity, as Markdown."""
    act = view["activity"]
    label, verdict = headline_verdict(view)
    out = [
        f"# {md(act['name'])} under the Vienna Document",
        "",
        md(view["headline"]),
        "",
        "**Bottom line** (on all the evidence; where the rules leave a verdict open, the way "
        "the evidence leans stands beside it):",
        "",
    ]
    for x in view["obligations"]["lines"]:
        reasons = f" ({md(x['reasons'])})" if x["reasons"] else ""
        out.append(f"- **{md(x['title'])}:** {md(x['verdict'])}{reasons}")
    if view["obligations"]["scope"]:
        out += ["", "Scope: " + md("; ".join(view["obligations"]["scope"])) + "."]
    out += [
        "",
        f"> **{label}:** {md(verdict)}.",
    ]
    for v in view["verdicts"]:
        if v["scenario"] != "all" and v["line"].split(": ", 1)[1] != verdict:
            out.append(f">\n> On the {md(v['label'])} figures: {md(v['line'].split(': ', 1)[1])}.")
    out += [
        "",
        f"Made {made_text(made)} by csbm {__version__}. {md(view['ruleset_line'])}. "
        f"{md(view['knowledge_line'])}.",
        "",
        "## What this report is about",
        "",
    ]
    for para in INTRO:
        out += [para, ""]
    out += [SCENARIOS_TEXT, "", "### How to read the outcomes", ""]
    out += [f"- **{OUTCOME_WORD[o]}**: {meaning}" for o, meaning in OUTCOME_MEANING.items()]
    out += ["", "### Citations: what each was checked against", "", VERIFIED_TEXT, ""]
    out += ["### Grades of the evidence", "", GRADES_TEXT, ""]

    out += ["## The activity", ""]
    out += _table(["", ""], [[md(k), md(v)] for k, v in activity_facts(view)])
    if act.get("notes"):
        out += [f"Compiler's notes: {md(act['notes'])}", ""]
    if view["unknowns"]:
        out += [f"Not known from the record: {md('; '.join(view['unknowns']))}.", ""]

    out += ["## Where", ""]
    located = [loc for loc in view["locations"] if loc.get("lat") is not None]
    if not located:
        out += ["No place in the dossier has coordinates, so there is no map.", ""]
    rows = []
    for i, loc in enumerate(view["locations"], start=1):
        where = (
            f"{loc['lat']:.2f}, {loc['lon']:.2f}"
            if loc.get("lat") is not None and loc.get("lon") is not None
            else "none"
        )
        rows.append(
            [
                str(i),
                md(loc["name"]),
                where,
                md(loc.get("precision") or ""),
                md(loc.get("source") or ""),
            ]
        )
    if rows:
        out += _table(["#", "place", "coordinates (lat, lon)", "how precise", "named by"], rows)
    out += [BOUNDARY_TEXT, ""]

    out += ["## When", ""]
    for e in view["timeline"]:
        when = _day(e["date"]) + (f" to {_day(e['end'])}" if e.get("end") else "")
        status = f" ({md(e['status'].replace('_', ' '))})" if e.get("status") else ""
        out.append(f"- {when}: {md(e['label'])}{status}")
    for act_row in view["acts"]:
        if not act_row["date"] and not act_row["requested"]:
            made_word = "made" if act_row["made"] else "not made"
            out.append(
                f"- undated: {md(act_row['label'])} by {md(', '.join(act_row['by']))}: {made_word}"
            )
    out += [
        "",
        "A deadline marked missed means the act was not on record by that date; whether it "
        "was owed is the finding's outcome below.",
        "",
    ]
    if view["acts"]:
        out += ["### Official acts on record", ""]
        out += _table(
            ["act", "by", "to", "made", "date", "source", "note"],
            [
                [
                    md(a["label"]),
                    md(", ".join(a["by"])),
                    md(", ".join(a["to"] or [])),
                    "yes" if a["made"] else "no",
                    _day(a["date"]),
                    md(f"{a['source_publisher']} ({a['source']})"),
                    md(a["note"] or ""),
                ]
                for a in view["acts"]
            ],
        )

    if view["acts_left_out"]:
        out += [
            f"Acts left out because they were not yet known on {md(view['as_of'])}: "
            f"{md(', '.join(view['acts_left_out']))}.",
            "",
        ]

    out += ["## Verdicts, rule by rule", ""]
    labels, verdict_rows = verdict_table(view)
    out += _table(
        ["rule", *[md(label) for label in labels]],
        [
            [f"{md(r['title'])} (`{r['rule']}`)", *[_outcome(o) for o in r["outcomes"]]]
            for r in verdict_rows
        ],
    )

    out += _what_if(view)

    out += ["## Why: every finding", ""]
    group = ""
    for s in rule_sections(view):
        if s["group"] != group:
            group = s["group"]
            out += [f"### {group}", ""]
        out += [f"#### {md(s['title'])} (`{s['rule']}`)", ""]
        if s["summary"]:
            out += [f"*What the rule asks:* {md(s['summary'])}", ""]
        for f in s["rows"]:
            subject = f"{md(f['subject'])}: " if f["subject"] else ""
            line = (
                f"- {md(', '.join(f['scenario_labels']))}: {_outcome(f['outcome'])}. "
                f"{subject}{md(f['reason'])}"
            )
            if f["deadline"]:
                line += f" Deadline: {md(f['deadline']['text'])}."
            if f["claims"]:
                line += f" Figures used: {md(', '.join(f['claims']))}."
            out.append(line)
        out += ["", "Cites: " + "; ".join(_cite(c) for c in s["citations"]) + ".", ""]
        if s["parameters"]:
            values = "; ".join(
                f"`{p['path']}` = {md(p['text'])} (since {_day(p['since'])}, {md(p['confidence'])}"
                f" confidence; {_cite(p['citation'])})"
                for p in s["parameters"]
            )
            out += [f"Values used: {values}.", ""]
        if s["assumptions"]:
            out += [f"Taken as given: {md(' '.join(s['assumptions']))}", ""]

    out += ["## The evidence", ""]
    if view["estimates"]:
        out += ["### Estimates", ""]
        out += _table(
            ["scenario", "quantity", "range", "best estimate"],
            [
                [
                    md(e["scenario_label"]),
                    md(e["quantity"]),
                    md(e["text"]),
                    f"{e['best']:,.0f}" if e["best"] is not None else "—",
                ]
                for e in view["estimates"]
            ],
        )
    if view["weighing"]:
        out += ["### Weight of evidence", ""]
        out += [f"- {md(w['scenario'])}: {md(w['statement'])}" for w in view["weighing"]]
        out.append("")
    out += ["### Figures from the sources", ""]
    if view["evidence"]:
        out += _table(
            ["figure", "of", "said by", "source", "date", "grade", "side", "quote"],
            [
                [
                    f"{md(e['figure'])} (`{e['claim_id']}`)",
                    md(e["quantity"] + (f" ({e['scope']})" if e["scope"] else "")),
                    md(e["attributed_to"] or ""),
                    _link(e["publisher"], e["url"]),
                    _day(e["stated"]),
                    md(e["grade"]) + ("\\*" if e["grade_defaulted"] else ""),
                    md(e["side"]),
                    md(e["quote"] or ""),
                ]
                for e in view["evidence"]
            ],
        )
    else:
        out += ["The dossier gives no figures.", ""]

    out += ["## Sources", ""]
    for i, s in enumerate(view["sources"], start=1):
        who = s["publisher"] + (f", {s['author']}" if s.get("author") else "")
        title = f": “{md(s['title'])}”" if s.get("title") else ""
        what = s["kind"].replace("_", " ")
        if s.get("state"):
            what += f", speaks for {state_name(s['state'])}"
        if s.get("reliability"):
            what += f", reliability {s['reliability']}"
        where = _link(s["url"], s["url"]) if s.get("url") else ""
        if s.get("url") and web_url(s["url"]) is None:
            where = f"Address given: {md(s['url'])} (not a web address, so not a link)."
        symbol = f" Document {md(s['symbol'])}." if s.get("symbol") else ""
        out.append(
            f"{i}. **{md(who)}**{title} ({md(what)}), {_day(s.get('published'))}. "
            f"{where}{symbol} (`{s['id']}`)"
        )
    out += [
        "",
        "---",
        "",
        f"Made {made_text(made)} by csbm {__version__} from the dossier of {md(act['name'])} "
        f"(id `{act['id']}`). {md(view['ruleset_line'])}. {md(view['knowledge_line'])}.",
        "",
        LICENCE_TEXT,
        "",
    ]
    return "\n".join(out)


__all__ = ["md", "render_markdown"]
