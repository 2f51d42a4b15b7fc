"""Assertions shared by the in-process and command-line report tests."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

SVG_NS = "http://www.w3.org/2000/svg"


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def assert_self_contained(doc: str) -> None:
    """No script, no stylesheet link, no outside reference except source links in <a href>."""
    parser = _Refs()
    parser.feed(doc)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags and "link" not in tags
    assert "iframe" not in tags and "img" not in tags and "object" not in tags
    for tag, attrs in parser.tags:
        for name, value in attrs:
            value = value or ""
            if tag == "svg" and name == "xmlns":
                assert value == SVG_NS  # a namespace name, never fetched
                continue
            if name == "href" and tag == "a":
                assert value.startswith(("#", "http://", "https://")), value
                continue
            assert "//" not in value or name == "d", (tag, name, value)
            assert name not in ("src", "srcset", "xlink:href", "data") and not name.startswith(
                "on"
            ), (tag, name)
    css = "\n".join(parser.styles)
    assert "url(" not in css and "@import" not in css
    # Every http(s) address in the text is a source link inside an <a>.
    links = {v for t, a in parser.tags if t == "a" for n, v in a if n == "href" and v}
    for found in re.findall(r"https?://[^\s\"<>]+", doc):
        address = html.unescape(found)
        assert address == SVG_NS or address in links, address


def expected_facts(view: dict[str, Any]) -> list[str]:
    """Texts the reader's documents must contain, unescaped."""
    facts = [view["activity"]["name"], view["ruleset_line"]]
    facts += [v["line"].split(": ", 1)[1] for v in view["verdicts"]]
    facts += [e["claim_id"] for e in view["evidence"]]
    facts += [e["figure"] for e in view["evidence"]]
    facts += [s["url"] for s in view["sources"] if s.get("url")]
    facts += [loc["name"] for loc in view["locations"]]
    facts += [f["reason"] for f in view["findings"]]
    return facts
