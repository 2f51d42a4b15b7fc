"""Numbers as the press writes them.

English-language reports on exercises are often translated or written by non-native
writers, so one text can mix conventions: "30,000", "30 000" (with an ordinary, no-break or
thin space), "30.000" and "3.500" (European thousands), "12,7 thousand" (European decimal,
typical of translations from Russian), "30 thousand", "thirty thousand", "12 thousand 900",
"two hundred and fifty". :func:`parse_number` reads one such expression; :func:`find_numbers`
finds them all in a stretch of text, joins ranges ("20,000 to 30,000", "20-30 thousand"), and
leaves out what is not a count: model designations (S-400, Su-35, T-72B3), ordinals (51st),
clock times and anything inside a masked span (dates, exercise names such as Zapad-2021).

Values are :class:`~decimal.Decimal`, so "12,7 thousand" is exactly 12700, not
12699.999999999998.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "mln": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "k": 1000,
    "dozen": 12,
}
_WORD = r"(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
_SCALE = r"(?:hundred|thousand|million|billion|mln|bn|dozen)"
_ANYWORD = rf"(?:{_WORD}|{_SCALE})"
_SPACE = " \u00a0\u202f\u2009"

# Digits with separators: a space separates thousands only before a group of exactly three
# digits, so "in 2021 30 troops" stays two numbers.
# A stray space before the comma ("13 ,000", page debris of a reflowed copy) is one number.
_DIGITS = (
    rf"[0-9]+(?:(?:[,.'’]|[{_SPACE}][,.](?=[0-9]{{3}}(?![0-9]))"
    rf"|[{_SPACE}](?=[0-9]{{3}}(?![0-9])))[0-9]+)*"
)
_START = re.compile(
    rf"""
    (?<![\w.,:/'’])            # not glued to a word, a number or a time
    (?<![^\W\d_]-)             # not a model designation: S-400, Su-35
    (?:
        (?P<digits>{_DIGITS})
      | (?P<word>(?:(?:a|an)\s+)?{_ANYWORD})(?![\w])
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
_NEXT_WORD = re.compile(rf"(?:\s+and\s+|[\s-]+)(?P<w>{_ANYWORD})(?![\w])", re.IGNORECASE)
_NEXT_REMAINDER = re.compile(r"\s+(?P<d>[0-9]{1,3})(?![0-9,.\w])")
_AND_A_HALF = re.compile(rf"\s+and\s+a\s+half(?=[\s-]+{_SCALE}\b)", re.IGNORECASE)
_HALF_BEFORE = re.compile(r"\bhalf\s+$", re.IGNORECASE)
_K_SUFFIX = re.compile(r"(?P<k>[kK])(?![\w])")
# A letter glued to the digits: 51st, 1980s, 152mm, K2 (the K is before). Not a count.
_GLUED_LETTER = re.compile(r"[^\W\d_]")
_TIME_OR_FRACTION = re.compile(r"[:/][0-9]")
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|‒|to|and)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"(?:between|from)\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Number:
    """A number expression in the text.

    ``high`` is set for a range ("20,000 to 30,000"), and then ``value`` is its low end.
    ``form`` says how it was written (digits, grouped, decimal, words, scaled, mixed), for
    reports and tests. ``year_like`` marks four plain digits between 1900 and 2100, which
    are years unless a quantity noun follows ("2000 troops").
    """

    start: int
    end: int
    text: str
    value: Decimal
    high: Decimal | None = None
    form: str = "digits"
    scale: int | None = None
    year_like: bool = False

    @property
    def is_range(self) -> bool:
        return self.high is not None


def _digits_value(raw: str) -> tuple[Decimal, str] | None:
    """Read '30,000', '30 000', '30.000', '3.500', '12,7', '1.5', '30,000.5'.

    Groups of exactly three digits after the first are thousands, whatever the mark
    ("3.500" is 3500); one or two digits after a single comma or point are decimals
    ("12,7", "1.5"). Anything else ("1,2,3") is not one number.
    """
    raw = re.sub(rf"[{_SPACE}](?=[,.])", "", raw)  # "13 ,000": the stray space goes
    parts = re.split(rf"([,.'’{_SPACE}])", raw)
    groups = parts[0::2]
    seps = parts[1::2]
    if not seps:
        return Decimal(raw), "digits"
    first, rest = groups[0], groups[1:]
    if len(set(seps)) == 1:
        sep = seps[0]
        all_three = all(len(g) == 3 for g in rest) and 1 <= len(first) <= 3
        if all_three:
            return Decimal("".join(groups)), "grouped"
        if len(seps) == 1 and sep in ",.":
            return Decimal(f"{first}.{rest[0]}"), "decimal"
        return None
    # Mixed separators: thousands groups, then a decimal part after a different mark.
    *head, last_sep = seps
    if last_sep in ",." and len(set(head)) == 1 and head[0] != last_sep:
        body = groups[:-1]
        if all(len(g) == 3 for g in body[1:]) and 1 <= len(body[0]) <= 3:
            return Decimal("".join(body) + "." + groups[-1]), "decimal"
    return None


def _words_value(words: Sequence[Decimal | str]) -> Decimal | None:
    """Combine number words and digit parts: 'two hundred and fifty', '12 thousand 900'."""
    total = Decimal(0)
    current = Decimal(0)
    seen = False
    for w in words:
        if isinstance(w, Decimal):
            current += w
            seen = True
            continue
        key = w.lower()
        if key in ("a", "an"):
            current += 1
        elif key in _UNITS:
            current += _UNITS[key]
        elif key == "hundred":
            current = (current or Decimal(1)) * 100
        elif key in _SCALES:
            total += (current or Decimal(1)) * _SCALES[key]
            current = Decimal(0)
        else:
            return None
        seen = True
    return total + current if seen else None


def _scan(text: str, pos: int, limit: int) -> Number | None:
    """Read one number expression starting at a match of _START."""
    m = _START.match(text, pos, limit)
    if m is None:
        return None
    parts: list[Decimal | str] = []
    form: str
    end = m.end()
    scale: int | None = None
    if m.group("digits") is not None:
        raw = m.group("digits")
        after = text[end:limit]
        if _TIME_OR_FRACTION.match(after):
            return None
        k = _K_SUFFIX.match(after)
        if k is None and _GLUED_LETTER.match(after):
            return None
        read = _digits_value(raw)
        if read is None:
            return None
        digits_value, form = read
        parts.append(digits_value)
        if k is not None:
            parts.append("k")
            end += k.end() - k.start()
            scale = 1000
            form = "scaled"
    else:
        form = "words"
        parts.extend(m.group("word").split())
    # Continue with number words (and a remainder after "thousand": "12 thousand 900").
    while True:
        half = _AND_A_HALF.match(text, end, limit)
        last = parts[-1] if parts else None
        if half is not None and (
            isinstance(last, Decimal) or (isinstance(last, str) and last.lower() in _UNITS)
        ):
            parts.append(Decimal("0.5"))  # "three and a half thousand", "2 and a half million"
            end = half.end()
            continue
        nxt = _NEXT_WORD.match(text, end, limit)
        if nxt is not None:
            word = nxt.group("w")
            low = word.lower()
            if m.group("digits") is not None and low not in _SCALES:
                break  # "30 five" is not a number; only scales follow digits
            parts.append(word)
            end = nxt.end()
            if low in _SCALES and low != "hundred":
                scale = _SCALES[low]
            if form != "words":
                form = "scaled"
            continue
        if parts and isinstance(parts[-1], str) and parts[-1].lower() in ("thousand", "million"):
            rem = _NEXT_REMAINDER.match(text, end, limit)
            if rem is not None:
                parts.append(Decimal(rem.group("d")))
                end = rem.end()
                form = "mixed"
        break
    if form == "words" and all(isinstance(p, str) and p.lower() in ("a", "an") for p in parts):
        return None
    total = _words_value(parts)
    if total is None:
        return None
    value = total
    begin = m.start()
    halved = _HALF_BEFORE.search(text, max(0, begin - 6), begin)
    if halved is not None and form == "words" and str(parts[0]).lower() in ("a", "an"):
        value, begin = value / 2, halved.start()  # "half a million"
    raw_text = text[begin:end]
    year_like = form == "digits" and len(raw_text) == 4 and 1900 <= value <= 2100
    return Number(begin, end, raw_text, value, None, form, scale, year_like)


def parse_number(expression: str) -> Decimal | None:
    """The value of one number expression, or None if it is not one (whole string only).

    >>> parse_number("12,7 thousand")
    Decimal('12700.0')
    """
    text = expression.strip()
    number = _scan(text, 0, len(text))
    if number is None or number.end != len(text):
        return None
    return number.value


class Spans:
    """Sorted, non-overlapping spans, asked whether a stretch overlaps any (bisect)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start


def find_numbers(
    text: str,
    start: int = 0,
    end: int | None = None,
    masked: Sequence[tuple[int, int]] = (),
) -> list[Number]:
    """Every number expression in text[start:end], ranges joined, masked spans skipped."""
    limit = len(text) if end is None else end
    found: list[Number] = []
    pos = start
    spans = Spans(masked)
    for m in _START.finditer(text, start, limit):
        if m.start() < pos:
            continue
        if spans.overlaps(m.start(), m.end()):
            continue
        try:
            number = _scan(text, m.start(), limit)
        except (InvalidOperation, ValueError):
            number = None
        if number is None:
            continue
        if spans.overlaps(number.start, number.end):
            continue
        found.append(number)
        pos = number.end
    return _join_ranges(text, found)


def _join_ranges(text: str, numbers: list[Number]) -> list[Number]:
    """'20,000 to 30,000', '20-30 thousand', 'between 20,000 and 30,000' become ranges."""
    out: list[Number] = []
    i = 0
    while i < len(numbers):
        a = numbers[i]
        if i + 1 < len(numbers):
            b = numbers[i + 1]
            gap = text[a.end : b.start]
            join = _RANGE_JOIN.fullmatch(gap)
            if join is not None and not (a.year_like and b.year_like):
                word = gap.strip().lower()
                between = _BETWEEN.search(text[max(0, a.start - 12) : a.start]) is not None
                low = a.value
                if b.scale and not a.scale and a.value * b.scale <= b.value:  # '20 to 30 thousand'
                    low = a.value * b.scale
                if (word != "and" or between) and low < b.value:
                    out.append(
                        Number(
                            a.start,
                            b.end,
                            text[a.start : b.end],
                            low,
                            b.value,
                            f"range({a.form},{b.form})",
                            b.scale,
                            False,
                        )
                    )
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def as_count(value: Decimal) -> int | None:
    """A whole, non-negative count, or None ('1.5 troops' is not a count)."""
    if value < 0 or value != value.to_integral_value():
        return None
    return int(value)


__all__ = ["Number", "Spans", "as_count", "find_numbers", "parse_number"]
