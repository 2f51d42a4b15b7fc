"""The closeness check of tests/extract/realworld/overlap.py."""

from __future__ import annotations

from pathlib import Path

from tests.extract.realworld.overlap import body, grams, main, shared_runs, words


def test_runs_and_share_of_a_close_copy(tmp_path: Path) -> None:
    page = "The drills will include live firing and the launch of guided missiles over the lake."
    close = "url: x\n---\nThe drills will include live firing and the launch of guided rockets."
    own = "url: x\n---\nGuided missiles are to be launched, and there is to be live fire."
    assert shared_runs(words(body(close)), words(page)) == [
        "the drills will include live firing and the launch of guided"
    ]
    assert shared_runs(words(body(own)), words(page)) == []
    assert not grams(words(body(own)), 6) & grams(words(page), 6)
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    (tmp_path / "text.txt").write_text(close, encoding="utf-8")
    assert main([str(tmp_path / "text.txt"), str(tmp_path / "page.txt")]) == 0


def test_markup_counts_as_its_surface() -> None:
    assert body("h\n---\nsome [[troops:2500:approx|2.500 soldiers]] came") == (
        "some 2.500 soldiers came"
    )
