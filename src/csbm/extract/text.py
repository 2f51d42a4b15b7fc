"""Text handling: decoding, character offsets, sentences.

Every offset the extractor reports is an index into the text as decoded here, so evidence
can be cut out of the original with ``text[start:end]``. Nothing in the extractor rewrites
the text before matching (no Unicode normalisation, no lower-casing of the whole text):
``"İ".lower()`` is two characters long, and one such letter would shift every later offset.
Case-insensitive matching is done by the regular expressions instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence longer than this is cut into pieces at whitespace. Real sentences are far
# shorter; the cap keeps every per-sentence step bounded on hostile input (a 10 MB line
# without a full stop), so the whole run stays linear in the size of the text.
MAX_SENTENCE = 2000

_ABBREVIATIONS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "st",
        "no",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "u.s.a",
        "approx",
        "ca",
        "cf",
        "fig",
        "corp",
        "inc",
        "ltd",
        "jr",
        "sr",
        "prof",
        "rep",
        "sen",
        "gov",
        "pres",
        "dept",
        "est",
        "al",
    ]
)

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
# A full stop, question or exclamation mark, perhaps a closing quote or bracket, then space
# and something that can start a sentence.
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9\u0400-\u04FF])")
_LAST_WORD = re.compile(r"([^\s\"“‘(\[]+)$")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the text: offsets and the exact characters between them."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or one piece of an over-long one): its offsets and its text."""

    index: int
    start: int
    end: int
    text: str


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without a byte-order mark), else Windows-1252.

    Undecodable bytes become U+FFFD, one per bad byte, so binary input is processed (and
    yields nothing much) instead of failing.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if data.count(b"\x00") * 20 < len(data):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", errors="replace")


def clean(text: str) -> str:
    """Replace lone surrogates (which cannot be written as UTF-8) by '?', keeping offsets."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", errors="replace").decode("utf-8")
    return text


def split_sentences(text: str) -> list[Sentence]:
    """Lines, then sentences within lines; over-long pieces are cut at whitespace.

    A full stop ends a sentence unless it closes a known abbreviation ("Feb.", "U.S.",
    "Gen.") or a single capital (an initial), which is the usual trap in news text.
    """
    out: list[Sentence] = []
    for base, stop in _paragraphs(text):
        body = text[base:stop]
        begin = 0
        for m in _BOUNDARY.finditer(body):
            word = _LAST_WORD.search(body[max(0, m.start() - 12) : m.start()])
            if word is not None:
                # the last part of "30-Sept." or "Aug./Sept.": a month's abbreviation
                token = re.split(r"[-–—/]", word.group(1).lower())[-1]
                if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                    continue
            cut = m.start() + 1
            _add(out, text, base + begin, base + cut)
            begin = m.end()
        _add(out, text, base + begin, base + len(body))
    return out


# A hard-wrapped line (a copied page, a video description) goes on in the next line when it
# ends without a full stop and the next starts in lower case: "Observers from the\ncountries
# bordering Belarus ... watched" is one sentence.
_WRAPPED_END = re.compile(r"[\w,;\-–]$")
_WRAPPED_START = re.compile(r"[a-z0-9(\[]")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Lines, with hard-wrapped ones joined (offsets into the text)."""
    out: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start, end = line.span()
        if out:
            prev_start, prev_end = out[-1]
            gap = text[prev_end:start]
            if (
                gap in ("\n", "\r\n")
                and _WRAPPED_END.search(text, prev_end - 1, prev_end)
                and _WRAPPED_START.match(text, start)
            ):
                out[-1] = (prev_start, end)
                continue
        out.append((start, end))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        if cut <= start:
            cut = start + MAX_SENTENCE
        out.append(Sentence(len(out), start, cut, text[start:cut]))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end]))


__all__ = ["MAX_SENTENCE", "Sentence", "Span", "clean", "decode", "split_sentences"]
