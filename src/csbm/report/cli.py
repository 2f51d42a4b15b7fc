"""`csbm report`: one activity as a document for a reader who has never heard of csbm."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

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
from csbm.data import bundled_dossier, bundled_ids, dossiers_dir
from csbm.errors import InputError, Problem, UsageError

if TYPE_CHECKING:
    from csbm.model.dossier import Dossier
    from csbm.rules import Assessment


class ReportFormat(StrEnum):
    html = "html"
    pdf = "pdf"
    markdown = "markdown"
    claimreview = "claimreview"


def _dossier(activity: str) -> Dossier:
    """A dossier file, or the bundled dossier of an activity id."""
    from csbm.model.load import load_dossier

    path = Path(activity)
    if path.is_file():
        return load_dossier(path)
    found = bundled_dossier(activity)
    if found is None:
        raise InputError(
            activity,
            [
                Problem(
                    "no such dossier file, nor a bundled activity id (see `csbm assess --all`; "
                    f"bundled: {', '.join(bundled_ids())})"
                )
            ],
        )
    return load_dossier(found)


def _bundled_parts(activity_id: str) -> list[str]:
    """Ids of bundled activities recorded as parts of this one (a cheap text scan first)."""
    from csbm.model.load import load_dossier

    out = []
    for path in sorted(dossiers_dir().glob("*.yaml")):
        if f"parent: {activity_id}" in path.read_text(encoding="utf-8"):
            d = load_dossier(path)
            if d.activity.parent == activity_id:
                out.append(d.activity.id)
    return out


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename.

    A failure (no such folder, no permission, disk full) leaves `path` as it was and no
    temporary file behind, and is reported as a UsageError naming the file.
    """
    folder = path.parent if str(path.parent) else Path(".")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        # mkstemp makes the file private; give it the mode any new file would get.
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise UsageError(f"--out {path}: cannot write it ({exc.strerror or exc})") from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


def render(
    a: Assessment,
    fmt: ReportFormat,
    *,
    parts: list[str],
    made: datetime,
    url: str | None,
) -> bytes:
    """The document in the requested format, as bytes ready to write."""
    # Imported here so that `csbm --help` does not load Jinja2, shapely maps or WeasyPrint.
    from csbm.report.view import activity_view

    view: dict[str, Any] = activity_view(a, parts=parts)
    if fmt is ReportFormat.claimreview:
        from csbm.report.claimreview import to_claimreview_json

        address = url or f"urn:csbm:report:{view['activity']['id']}"
        return to_claimreview_json(view, url=address, published=made.date()).encode()
    if fmt is ReportFormat.markdown:
        from csbm.report.reader_markdown import render_markdown

        return render_markdown(view, made=made).encode()
    from csbm.report.document import render_html

    html = render_html(view, made=made)
    if fmt is ReportFormat.pdf:
        from csbm.report.pdf import html_to_pdf

        return html_to_pdf(html)
    return html.encode()


def report_command(
    activity: Annotated[
        str,
        typer.Argument(
            help="A bundled activity id (e.g. union-resolve-2022), a dossier file, or with "
            "--db an activity id in the database.",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            help="html (one self-contained file), pdf (A4, from the same HTML), markdown, or "
            "claimreview (schema.org ClaimReview JSON-LD).",
        ),
    ] = ReportFormat.html,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Write to this file (through a temporary file, renamed when complete). "
            "Default: standard output.",
            show_default=False,
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Read the activity from this database: a URL, a SQLite path, or 'default' "
            "($CSBM_DATABASE_URL or the user data file).",
        ),
    ] = None,
    ruleset: RulesetOption = None,
    as_of: AsOfOption = None,
    scenario: ScenarioOption = None,
    overlay: OverlayOption = None,
    set_: SetOption = None,
    url: Annotated[
        str | None,
        typer.Option(
            help="claimreview: the address the review is published at (each ClaimReview's url "
            "is it plus #rule). Default: urn:csbm:report:ACTIVITY_ID."
        ),
    ] = None,
    strict: StrictOption = False,
    assume: AssumeOption = None,
) -> None:
    """Write one activity's assessment as a document for a reader new to the Vienna Document.

    The verdicts, every finding with its citations, the evidence, a timeline and a map, with a
    plain introduction to the rules, the sources with links, the date, the csbm version and the
    ruleset. HTML and PDF need no network and load nothing from outside the file.
    """
    from csbm.rules import assess as run_assessment
    from csbm.rules.overlay import load_overlay, overlay_from_settings

    overlays = [load_overlay(o) for o in overlay or []]
    if set_:
        overlays.append(overlay_from_settings(set_))
    day = parse_day(as_of, "--as-of")
    if output_format is ReportFormat.pdf and out is None and sys.stdout.isatty():
        raise UsageError("a PDF is not for the terminal: give --out FILE (or redirect)")
    # As `csbm assess`: the default database's version of an activity id, if it holds it.
    stored, _ = stored_activities([activity], use_db=db is None)
    parts: list[str] = []
    context: list[Dossier] = []
    if stored:
        dossiers = stored
        context = record_context(None, dossiers)
    elif db is not None:
        from csbm.store import load_from_db

        url = None if db == "default" else db
        dossiers = load_from_db(url, [activity])
        context = record_context(url, dossiers)
    else:
        dossier = _dossier(activity)
        dossiers = [dossier]
        parts = _bundled_parts(dossier.activity.id)
    [result] = run_assessment(
        dossiers,
        ruleset=ruleset,
        as_of=day,
        scenarios=scenario or None,
        overlays=overlays,
        strict=strict,
        assume=assume or (),
        context=context,
    )
    data = render(result, output_format, parts=parts, made=datetime.now(UTC), url=url)
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_atomically(out, data)


__all__ = ["ReportFormat", "render", "report_command", "write_atomically"]
