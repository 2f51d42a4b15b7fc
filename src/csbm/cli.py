"""The command line: `csbm assess`, `csbm rules`, `csbm schema`, `csbm check`."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from csbm import __version__
from csbm._console import (
    AsOfOption,
    AssumeOption,
    OverlayOption,
    RulesetOption,
    ScenarioOption,
    SetOption,
    StrictOption,
    parse_day,
    record_context,
    stored_activities,
)
from csbm._console import console as make_console
from csbm._printable import console_class, echo, write_out
from csbm.batch.cli import batch_app
from csbm.errors import CsbmError, InputError, Problem, UsageError
from csbm.extract.cli import extract_command
from csbm.record.cli import record_app
from csbm.report.cli import report_command
from csbm.store.cli import db_app
from csbm.web.cli import serve_command, token_app

if TYPE_CHECKING:
    from csbm.model.finding import Citation
    from csbm.rules import Assessment

# Everything else is imported inside the command that uses it: `csbm --help` and the
# light commands start without pydantic models, the rules, Dask, SQLAlchemy or FastAPI.

app = typer.Typer(
    help="csbm: the OSCE Vienna Document on CSBMs, executable. Cited verdicts on military "
    "activities from the rules and the evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(
    help="The encoded rules: list them, show one, and what each citation was checked against.",
    no_args_is_help=True,
)
schema_app = typer.Typer(help="JSON Schemas of csbm's file formats.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")
app.add_typer(schema_app, name="schema")
states_app = typer.Typer(help="The CSCE/OSCE participating States.", no_args_is_help=True)
app.add_typer(states_app, name="states")
zone_app = typer.Typer(help="The zone of application (Annex I).", no_args_is_help=True)
app.add_typer(zone_app, name="zone")
app.add_typer(db_app, name="db")
app.add_typer(batch_app, name="batch")
app.add_typer(record_app, name="record")
app.command("extract")(extract_command)
app.command("serve")(serve_command)
app.add_typer(token_app, name="token")
app.command("report")(report_command)


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def _resolve(paths: list[str]) -> list[Path]:
    """Paths as given; a bare activity id names a bundled dossier."""
    from csbm.data import bundled_dossier, bundled_ids

    out = []
    for raw in paths:
        p = Path(raw)
        if not p.exists() and (found := bundled_dossier(raw)) is not None:
            out.append(found)
        elif not p.exists():
            ids = ", ".join(bundled_ids())
            raise InputError(
                raw, [Problem(f"no such file or directory, nor a bundled dossier ({ids})")]
            )
        else:
            out.append(p)
    return out


@app.command()
def assess(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="ACTIVITY",
            help="Activity ids (e.g. union-resolve-2022), dossier files or folders of them.",
            show_default=False,
        ),
    ] = None,
    all_: Annotated[
        bool,
        typer.Option(
            "--all",
            help="The whole bundled record (and any ACTIVITY given), one line per activity.",
        ),
    ] = False,
    state: Annotated[
        str | None,
        typer.Option(
            metavar="CODE",
            help="With --year: a State's Chapter VIII limits (ISO3 code, e.g. RUS).",
        ),
    ] = None,
    year: Annotated[
        int | None, typer.Option(metavar="YEAR", help="With --state: the calendar year.")
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL|PATH",
            help="Read from this database ('default': the db commands'); no ACTIVITY: all.",
        ),
    ] = None,
    ruleset: RulesetOption = None,
    as_of: AsOfOption = None,
    scenario: ScenarioOption = None,
    overlay: OverlayOption = None,
    set_: SetOption = None,
    strict: StrictOption = False,
    assume: AssumeOption = None,
    details: Annotated[
        bool,
        typer.Option(
            "--details", help="The full account (table and markdown): every rule, figure, source."
        ),
    ] = False,
    output_format: Annotated[
        Format, typer.Option("--format", help="Output format.")
    ] = Format.table,
) -> None:
    """Assess activities under the Vienna Document and explain every verdict.

    Chapter VIII constraints count each State's activities over all the dossiers given.
    """
    from csbm.data import dossiers_dir
    from csbm.model.load import load_dossiers
    from csbm.rules import assess as run_assessment
    from csbm.rules.overlay import load_overlay, overlay_from_settings

    overlays = [load_overlay(o) for o in overlay or []]
    if set_:
        overlays.append(overlay_from_settings(set_))
    if (state is None) != (year is None):
        raise UsageError("give --state and --year together")
    if state is not None and year is not None:
        state = check_state_year(state, year)
    if db is not None:
        from csbm.store import load_from_db

        if all_ or state is not None:
            raise UsageError("--db reads activities from the database; drop --all/--state")
        url = None if db == "default" else db
        stored = load_from_db(url, paths or None)
        results = run_assessment(
            stored,
            ruleset=ruleset,
            as_of=parse_day(as_of, "--as-of"),
            scenarios=scenario or None,
            overlays=overlays,
            strict=strict,
            assume=assume or (),
            # Chapter VIII counts every activity of a State the database holds.
            context=record_context(url, stored) if paths else (),
        )
        _print_results(results, output_format, details=details)
        return
    from_db, paths = stored_activities(paths or [], use_db=not (all_ or state is not None))
    sources = [str(p) for p in _resolve(paths)]
    if all_ or state is not None:
        named = {Path(p).resolve() for p in sources}
        # The whole bundled record, less what was already named (no activity twice).
        sources += [
            str(p) for p in sorted(dossiers_dir().glob("*.yaml")) if p.resolve() not in named
        ]
    if not sources and not from_db:
        raise UsageError("name dossiers to assess, or use --all")
    dossiers = from_db + (load_dossiers(sources) if sources else [])
    results = run_assessment(
        dossiers,
        ruleset=ruleset,
        as_of=parse_day(as_of, "--as-of"),
        scenarios=scenario or None,
        overlays=overlays,
        strict=strict,
        assume=assume or (),
        # Read from the default database: judged against the whole record it holds.
        context=record_context(None, dossiers) if from_db and not all_ else (),
    )
    if state is not None and year is not None:
        _print_state_year(results, state, year, output_format)
    elif all_:
        from csbm.report.summary import summary_csv, summary_json, summary_table

        if output_format is Format.json:
            write_out(summary_json(results))
        elif output_format is Format.csv:
            write_out(summary_csv(results))
        elif output_format is Format.markdown:
            raise UsageError("--all prints table, json or csv")
        else:
            summary_table(results, make_console())
    else:
        _print_results(results, output_format, details=details)


def check_state_year(state: str, year: int) -> str:
    """--state as a participating State's code (upper case) and --year as a year of the
    CSCE/OSCE, or a UsageError that says what was meant."""
    import difflib
    from datetime import date

    from csbm.data.states import participating_states

    known = participating_states()
    code = state.strip().upper()
    if code not in known:
        said = state.strip().casefold()
        named = [c for c, s in known.items() if said and s.name.casefold().startswith(said)]
        guess = (named[0] if len(named) == 1 else None) or next(
            iter(difflib.get_close_matches(code, list(known), n=1)), None
        )
        hint = f"; did you mean {guess} ({known[guess].name})?" if guess else ""
        raise UsageError(
            f"--state {state!r} is not the ISO 3166 alpha-3 code of a participating State"
            f"{hint} (csbm states list)"
        )
    last = date.today().year + 1
    if not 1975 <= year <= last:
        raise UsageError(
            f"--year {year}: give a calendar year from 1975 (the Helsinki Final Act) to {last}"
        )
    return code


def _print_results(
    results: list[Assessment], output_format: Format, *, details: bool = False
) -> None:
    from csbm.report import to_json, to_markdown, to_terminal
    from csbm.report.summary import findings_csv as summary_csv

    if output_format is Format.json:
        write_out(to_json(results))
    elif output_format is Format.markdown:
        write_out(to_markdown(results, details=details))
    elif output_format is Format.csv:
        write_out(summary_csv(results))
    else:
        to_terminal(results, make_console(), details=details)


def _print_state_year(results: list[Assessment], state: str, year: int, fmt: Format) -> None:
    from rich.table import Table

    from csbm.report.summary import state_year_findings

    found = state_year_findings(results, state.upper(), year)
    if fmt is Format.markdown:
        raise UsageError("--state/--year prints table, json or csv")
    if fmt is Format.csv:
        from csbm.report.summary import state_year_csv

        write_out(state_year_csv(found, state.upper(), year))
        return
    if fmt is Format.json:
        data = {
            "state": state.upper(),
            "year": year,
            "scenarios": {
                s.value: [f.model_dump(mode="json") for f in fs] for s, fs in found.items()
            },
        }
        echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    console = make_console()
    if not found:
        console.print(f"No activity of {state.upper()} in {year} is on record.")
        return
    table = Table(title=f"Chapter VIII constraints: {state.upper()} {year}", show_lines=True)
    table.add_column("rule", no_wrap=True)
    table.add_column("scenario", no_wrap=True)
    table.add_column("outcome", no_wrap=True)
    table.add_column("reason")
    for s, fs in found.items():
        for f in fs:
            table.add_row(f.rule, s.value, f.outcome.value, f.reason)
    console.print(table)


@app.command()
def check(
    paths: Annotated[
        list[str], typer.Argument(help="Dossier files or directories.", show_default=False)
    ],
) -> None:
    """Validate dossiers; report every problem with file, line and field."""
    from csbm.model.load import load_dossiers

    found = load_dossiers(_resolve(paths))
    echo(f"{len(found)} dossier(s) valid")


@rules_app.command("list")
def rules_list(
    output_format: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = (
        ListFormat.table
    ),
) -> None:
    """List every encoded rule with its citations and the date it takes effect."""
    from rich.table import Table

    from csbm.rules import rules
    from csbm.rules.history import rule_data

    specs = rules()
    if output_format is ListFormat.json:
        echo(json.dumps([rule_data(s.id) for s in specs], indent=2))
        return
    table = Table(title="Rules")
    for col in ("id", "title", "in force from", "cites"):
        table.add_column(col)
    for s in specs:
        table.add_row(s.id, s.title, str(s.since), "; ".join(c.label() for c in s.citations))
    make_console().print(table)


@rules_app.command("show")
def rules_show(
    rule_id: Annotated[
        str, typer.Argument(help="A rule id, e.g. ch05.prior_notification.", show_default=False)
    ],
    output_format: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = (
        ListFormat.table
    ),
) -> None:
    """Show one rule: what it says, its parameters over time, its citations."""
    from rich.table import Table

    from csbm.model.finding import Citation
    from csbm.rules import get_rule
    from csbm.rules.history import rule_data

    data = rule_data(rule_id)
    if output_format is ListFormat.json:
        echo(json.dumps(data, indent=2))
        return
    console = make_console()
    console.print(f"[bold]{data['id']}[/bold]: {data['title']}")
    console.print(str(data["summary"]))
    console.print(f"In force from {data['in_force']['from']}")
    console.print("Cites: " + "; ".join(c.label() for c in get_rule(rule_id).citations))
    table = Table(title="Parameters over time")
    for col in ("parameter", "since", "value", "confidence", "citation", "checked against"):
        table.add_column(col, overflow="fold")
    for p in data["parameters"]:
        for v in p["values"]:
            cite = Citation.model_validate(v["citation"])
            table.add_row(
                p["path"],
                v["since"],
                value_words(p["comparator"], v["value"]),
                v["confidence"],
                f"{cite.symbol} {cite.paragraph}",
                _checked(cite),
            )
    console.print(table)


_COMPARATOR_WORDS = {">": "more than", ">=": "at least", "<=": "at most", "<": "fewer than"}


def value_words(comparator: str | None, value: object) -> str:
    """A parameter's value as a person writes it: "at least 9,000", "unknown", "no such
    criterion"."""
    shown = value_text(value)
    words = _COMPARATOR_WORDS.get(comparator or "")
    return f"{words} {shown}" if words and value not in (None, "none") else shown


def value_text(value: object, unit: object = None) -> str:
    """A parameter value in words, read with its unit where one is given ("15 December",
    "3 years"; a year is never written with a thousands comma)."""
    if value is None:
        return "unknown"
    if value == "none":
        return "no such criterion"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if unit == "month-day" and isinstance(value, str) and len(value) == 5:
        import calendar

        month, day = value.split("-")
        return f"{int(day)} {calendar.month_name[int(month)]}"
    if isinstance(value, int) and unit in ("years", "days", "hours", "months"):
        return f"{value:,} {unit if value != 1 else unit[:-1]}"
    if isinstance(value, int) and unit != "year":
        return f"{value:,}"
    return str(value)


@app.command()
def quota(
    state: Annotated[str, typer.Argument(help="A State code, e.g. RUS.", show_default=False)],
    year: Annotated[int, typer.Argument(help="A calendar year, e.g. 2014.", show_default=False)],
    record: Annotated[
        Path | None,
        typer.Option(help="A State-year file to judge instead of the bundled record."),
    ] = None,
    output_format: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = (
        ListFormat.table
    ),
) -> None:
    """A State-year's inspection and evaluation ledger, and the Chapter I-IX findings on it.

    The ledger: requests, acceptances, refusals, quota used and left, the day it ran out.
    """
    from rich.table import Table

    from csbm.rules.state_year import (
        bundled_history,
        find_state_year,
        known_state_years,
        load_state_year,
        quota_report,
    )

    found = load_state_year(record) if record else find_state_year(state, year)
    if found is None:
        known = ", ".join(known_state_years())
        raise UsageError(f"no bundled record for {state.upper()} {year}; bundled: {known}")
    if found.state != state.upper() or found.year != year:
        raise UsageError(f"{record} is the record of {found.state} {found.year}")
    data = quota_report(found, bundled_history(found.state))
    if output_format is ListFormat.json:
        echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    console = make_console()
    for kind, lg in data["ledgers"].items():
        quota_text = "unknown" if lg["quota"] is None else str(lg["quota"])
        title = (
            f"{kind.capitalize()}s on {found.state} in {year}: quota {quota_text}, "
            f"{lg['used']} used, {'?' if lg['remaining'] is None else lg['remaining']} left"
        )
        if lg["exhausted_on"]:
            on = "on" if lg["exhausted_date_exact"] else "on or before"
            title += f"; exhausted {on} {lg['exhausted_on']} by {lg['exhausted_by']}"
        table = Table(title=title)
        for col in ("date", "by", "answer", "visit", "counted", "used", "left", "source"):
            table.add_column(col)
        for r in lg["rows"]:
            visit = f"{r['start']} to {r['end']}" if r["start"] else ""
            table.add_row(
                r["date"] if r["date_exact"] else f"by {r['date']}",
                r["by"] or "(not named)",
                r["answer"],
                visit,
                {True: "yes", False: "no", None: "?"}[r["counted"]],
                str(r["used_after"]),
                "?" if r["remaining_after"] is None else str(r["remaining_after"]),
                r["source"],
            )
        if lg["rows"]:
            console.print(table)
        else:
            console.print(f"No {kind} on {found.state} in {year} is on record.")
    findings = Table(title="Findings", show_lines=True)
    for col in ("rule", "subject", "outcome", "reason"):
        findings.add_column(col)
    for f in data["findings"]:
        findings.add_row(f["rule"], f["subject"] or "", f["outcome"], f["reason"])
    console.print(findings)


@rules_app.command("verify")
def rules_verify(
    instrument: Annotated[
        str | None, typer.Option(help="Only the citations of this instrument, e.g. vd2011.")
    ] = None,
    output_format: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = (
        ListFormat.table
    ),
) -> None:
    """What each citation was checked against: parameter, value, paragraph, level, sources."""
    from rich.table import Table

    from csbm.rules.verification import verification_rows, verification_summary

    rows = verification_rows(instrument=instrument)
    summary = verification_summary(rows)
    if output_format is ListFormat.json:
        data = {"summary": summary, "citations": [r.as_json() for r in rows]}
        echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    table = Table(title="Citations and what they were checked against", show_lines=True)
    for col in ("parameter or rule", "since", "value", "paragraph", "level", "sources"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            r.name,
            r.since,
            r.value,
            f"{r.citation.instrument} {r.citation.paragraph}",
            r.citation.level_label(),
            "\n".join(s.url for s in r.citation.sources),
        )
    console = make_console()
    console.print(table)
    for key, what in (("rules", "rule citations"), ("parameters", "parameter values")):
        n = summary[key]
        console.print(f"{what}: {n['checked_against_text']} of {n['total']} checked against a text")


@rules_app.command("diff")
def rules_diff(
    old: Annotated[str, typer.Argument(help="A ruleset id, e.g. vd1990.", show_default=False)],
    new: Annotated[str, typer.Argument(help="A ruleset id, e.g. vd2011.", show_default=False)],
    output_format: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = (
        ListFormat.table
    ),
) -> None:
    """What changed between two versions: parameter, old value, new value, citations."""
    from rich.table import Table

    from csbm.rules.history import diff_rulesets

    rows = diff_rulesets(old, new)
    if output_format is ListFormat.json:
        echo(json.dumps(rows, indent=2))
        return
    table = Table(title=f"Parameters that differ between {old} and {new}")
    table.add_column("parameter", no_wrap=True)
    for col in (old, new, f"{old} citation", f"{new} citation"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            str(r["parameter"]),
            _show(r["old"], r["unit"]),
            _show(r["new"], r["unit"]),
            _cite(r["old"]),
            _cite(r["new"]),
        )
    console = make_console()
    console.print(table)
    console.print(f"{len(rows)} parameter(s) differ.")


@rules_app.command("timeline")
def rules_timeline(
    parameter: Annotated[
        str, typer.Argument(help="A parameter path, e.g. ch05.land.troops.", show_default=False)
    ],
    output_format: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = (
        ListFormat.table
    ),
) -> None:
    """A parameter's values over time, each with its instrument, citation and confidence."""
    from rich.table import Table

    from csbm.rules.history import parameter_timeline

    rows = parameter_timeline(parameter)
    if output_format is ListFormat.json:
        echo(json.dumps(rows, indent=2))
        return
    table = Table(title=f"{parameter} over time")
    for col in ("since", "value", "confidence", "citation", "note"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            str(r["since"]),
            _show(r, r["unit"]),
            str(r["confidence"]),
            _cite(r),
            str(r.get("note") or ""),
        )
    make_console().print(table)


def _show(entry: object, unit: object) -> str:
    if not isinstance(entry, dict):
        return "—"
    return value_text(entry.get("value"), unit)


def _cite(entry: object) -> str:
    if not isinstance(entry, dict):
        return ""
    from csbm.model.finding import Citation

    return Citation.model_validate(entry["citation"]).label()


def _checked(c: Citation) -> str:
    """The level, and the URLs of the sources checked, for a terminal table."""
    return "\n".join([c.level_label(), *(s.url for s in c.sources)])


@states_app.command("list")
def states_list(
    on: Annotated[
        str | None, typer.Option(help="Only the States participating on this date (YYYY-MM-DD).")
    ] = None,
    output_format: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = (
        ListFormat.table
    ),
) -> None:
    """The CSCE/OSCE participating States, with the dates they took part and the sources."""
    from rich.table import Table

    from csbm.data.states import participating_states

    day = parse_day(on, "--on")
    states = [s for s in participating_states().values() if day is None or s.participating_on(day)]
    if output_format is ListFormat.json:
        echo(
            json.dumps(
                [s.model_dump(mode="json", by_alias=True) for s in states],
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    title = f"Participating States on {day}" if day else "CSCE/OSCE participating States"
    table = Table(title=f"{title} ({len(states)})")
    for col in ("code", "name", "joined", "left", "confidence", "verified", "first source"):
        table.add_column(col)
    for s in states:
        table.add_row(
            s.code,
            s.name,
            str(s.joined),
            str(s.left or ""),
            s.confidence,
            "yes" if s.verified else "no",
            s.sources[0].url,
        )
    make_console().print(table)


@zone_app.command("check", context_settings={"ignore_unknown_options": True})
def zone_check(
    lat: Annotated[
        float, typer.Argument(help="Latitude in degrees (north positive).", show_default=False)
    ],
    lon: Annotated[
        float, typer.Argument(help="Longitude in degrees (east positive).", show_default=False)
    ],
    output_format: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = (
        ListFormat.table
    ),
) -> None:
    """Is a point in the zone of application (Annex I)? inside, outside or uncertain, and why."""
    import dataclasses

    from csbm.rules.zone import check as zone_check_point

    result = zone_check_point(lat, lon)
    if output_format is ListFormat.json:
        echo(json.dumps(dataclasses.asdict(result), indent=2))
        return
    echo(f"{result.status} ({result.confidence} confidence): {result.reason}")


@schema_app.command("dossier")
def schema_dossier() -> None:
    """Print the JSON Schema of the dossier format."""
    from csbm.model.dossier import Dossier

    echo(json.dumps(Dossier.model_json_schema(), indent=2))


@schema_app.command("state-year")
def schema_state_year() -> None:
    """Print the JSON Schema of the State-year record format (csbm quota)."""
    from csbm.model.state_year import StateYear

    echo(json.dumps(StateYear.model_json_schema(), indent=2))


def _version(value: bool) -> None:
    if value:
        echo(f"csbm {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    pass


def main() -> None:
    """Entry point: csbm's own errors exit with code 2 and a message, never a traceback."""
    try:
        app()
    except CsbmError as exc:
        err = console_class()(stderr=True, soft_wrap=True, highlight=False)
        err.print("[red]error:[/red] ", end="")
        err.print(str(exc), markup=False)
        sys.exit(2)
