"""The reader's HTML and Markdown documents, rendered in-process from real dossiers."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from csbm import __version__, assess, load_dossier
from csbm.report.claimreview import claim_reviews
from csbm.report.document import render_html, web_url
from csbm.report.reader_markdown import md, render_markdown
from csbm.report.view import activity_view
from csbm.rules.overlay import load_overlay
from tests.conftest import BUNDLED
from tests.report.checks import assert_self_contained, expected_facts
from tests.report.conftest import ACTIVITIES, MADE

View = Callable[[str], dict[str, Any]]


@pytest.mark.parametrize("activity", ACTIVITIES)
def test_html_holds_every_fact_and_nothing_from_outside(bundled_view: View, activity: str) -> None:
    view = bundled_view(activity)
    doc = render_html(view, made=MADE)
    assert doc.startswith("<!DOCTYPE html>")
    assert_self_contained(doc)
    text = html.unescape(doc)
    for fact in expected_facts(view):
        assert fact in text, fact
    # Every citation of every finding, with what it was checked against, and its sources.
    for f in view["findings"]:
        for c in f["citations"]:
            flag = "verified" if c["verified"] else "unverified"
            cited = (
                f"{html.escape(c['symbol'] or c['instrument'])} {html.escape(c['paragraph'])} "
                f'<span class="{flag}">{html.escape(c["level_label"])}</span>'
            )
            assert cited in doc, cited
            for s in c["sources"]:
                assert f'<a href="{html.escape(s["url"])}">' in doc
    for e in view["evidence"]:
        assert f'id="claim-{e["claim_id"]}"' in doc
    assert f"csbm {__version__}" in doc
    assert "27 Nov 2026" in doc
    assert "Natural Earth" in doc and "public domain" in doc
    assert 'class="csbm-timeline"' in doc
    located = [loc for loc in view["locations"] if loc.get("lat") is not None]
    if located:
        assert doc.count('class="place"') == len(located)
        assert 'class="country ' in doc
    else:
        assert "no place in the dossier has coordinates" in doc


def test_html_explains_itself_to_a_new_reader(bundled_view: View) -> None:
    doc = render_html(bundled_view("union-resolve-2022"), made=MADE)
    for words in (
        "The Vienna Document is an agreement",
        "How to read the outcomes",
        "Cannot be determined: the evidence on record does not decide",
        "A citation counts as checked against a text when it is official",
        "Admiralty scale",
        "What the rule asks:",
        "Vienna Document 2011",
    ):
        assert words in doc, words


@pytest.mark.parametrize("activity", ACTIVITIES)
def test_markdown_holds_the_same_facts(bundled_view: View, activity: str) -> None:
    view = bundled_view(activity)
    doc = render_markdown(view, made=MADE)
    assert doc.startswith(f"# {md(view['activity']['name'])} under the Vienna Document")
    for fact in expected_facts(view):
        assert md(fact) in doc or fact in doc, fact
    for f in view["findings"]:
        for c in f["citations"]:
            where = f"{md(c['symbol'] or c['instrument'])} {md(c['paragraph'])}"
            cited = f"{where} ({c['level_label']})"
            assert cited in doc, cited
    assert "Natural Earth" in doc and f"csbm {__version__}" in doc
    assert "## Sources" in doc and "## Why: every finding" in doc


def test_markdown_escaping() -> None:
    assert md("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert md("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"
    assert md("*a* _b_ `c` ~d~ & e") == "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ &amp; e"
    assert md("a | b\nc") == "a \\| b c"


def test_what_if_and_as_of_are_shown() -> None:
    [result] = assess(
        [load_dossier(BUNDLED / "zapad-2017.yaml")],
        as_of=date(2017, 9, 1),
        overlays=[load_overlay("lower-thresholds")],
    )
    view = activity_view(result)
    assert view["what_if"] is not None
    for doc in (render_html(view, made=MADE), render_markdown(view, made=MADE)):
        text = html.unescape(doc)
        assert "What-if" in text
        for o in view["what_if"]["overlays"]:
            assert o["title"] in text
        for c in view["what_if"]["changes"]:
            assert c["rule"] in text
        assert "only what was known on 2017-09-01" in text
        if view["acts_left_out"]:
            assert "not yet known on 2017-09-01" in text


def test_only_web_addresses_become_links() -> None:
    assert web_url("https://tass.com/defense/1389595") == "https://tass.com/defense/1389595"
    assert web_url(" http://example.org/a?b=c ") == "http://example.org/a?b=c"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil", "https://a b", None, 3):
        assert web_url(bad) is None


def test_an_activity_before_any_ruleset(tmp_path: Path) -> None:
    text = (BUNDLED / "union-resolve-2022.yaml").read_text(encoding="utf-8")
    text = text.replace("start: 2022-02-10", "start: 1985-02-10")
    text = text.replace("end: 2022-02-20", "end: 1985-02-20")
    path = tmp_path / "before-1990.yaml"
    path.write_text(text, encoding="utf-8")
    [result] = assess([load_dossier(path)])
    view = activity_view(result)
    assert view["ruleset"] is None
    for doc in (render_html(view, made=MADE), render_markdown(view, made=MADE)):
        assert "Ruleset: none encoded for this date" in doc
    reviews = claim_reviews(view, url="u", published=date(2026, 11, 27))
    assert reviews
    assert all(" of the Vienna Document on " in r["claimReviewed"] for r in reviews)
