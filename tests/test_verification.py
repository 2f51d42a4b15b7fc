"""What each citation was checked against: the level rules, and the table's scope."""

from __future__ import annotations

import pytest

from csbm.model.finding import CheckSource, Citation, Level
from csbm.rules._tree import load_instruments, load_parameters
from csbm.rules.verification import verification_rows, verification_summary


def _src(n: int, *, figure: bool, paragraph: bool) -> CheckSource:
    return CheckSource(
        url=f"https://example.org/{n}",
        publisher=f"publisher {n}",
        states_figure=figure,
        states_paragraph=paragraph,
    )


@pytest.mark.parametrize(
    ("sources", "checked"),
    [
        # figure attested twice, paragraph never: the paragraph number is still unchecked
        ([_src(1, figure=True, paragraph=False), _src(2, figure=True, paragraph=False)], False),
        # one source with both is not enough
        ([_src(1, figure=True, paragraph=True), _src(2, figure=True, paragraph=False)], False),
        # one gives the figure, another the paragraph: neither states both
        ([_src(1, figure=True, paragraph=False), _src(2, figure=False, paragraph=True)], False),
        ([_src(1, figure=True, paragraph=True), _src(2, figure=True, paragraph=True)], True),
    ],
)
def test_secondary_is_checked_only_with_two_sources_stating_both(
    sources: list[CheckSource], checked: bool
) -> None:
    c = Citation(instrument="vd2011", paragraph="V 38", level=Level.SECONDARY, sources=sources)
    assert c.verified is checked
    assert c.secondary_count == sum(1 for s in sources if s.states_figure and s.states_paragraph)


def test_method_values_are_not_law_citations() -> None:
    # csbm's own readings (cited to a method instrument) must not inflate or deflate the
    # count of law citations checked against a text.
    instruments = load_instruments()
    method_paths = {
        path
        for path, p in load_parameters().items()
        if all(instruments[v.citation.instrument].method for v in p.values)
    }
    assert "ch08.constraint_1.window_reading" in method_paths
    shown = {r.name for r in verification_rows() if r.kind == "parameter"}
    assert not method_paths & shown


def test_summary_counts_add_up() -> None:
    rows = verification_rows()
    s = verification_summary(rows)
    kinds = {"all": {"rule", "parameter"}, "rules": {"rule"}, "parameters": {"parameter"}}
    for part, wanted in kinds.items():
        selected = [r for r in rows if r.kind in wanted]
        assert s[part]["total"] == len(selected)
        assert sum(s[part].get(level.value, 0) for level in Level) == len(selected)
        assert s[part]["checked_against_text"] == sum(r.citation.verified for r in selected)
