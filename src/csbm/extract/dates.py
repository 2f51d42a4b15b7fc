"""Dates as news reports give them, resolved against the publication date.

Reports rarely give full dates. "Feb. 10-20" needs a year, "on Thursday" needs a week, and
both come from the publication date: the year is the one that puts the day nearest to
publication, the weekday is the last one on or before publication when the sentence speaks of
the past ("began on Monday", "said on Thursday") and the next one on or after it when it speaks
of the future or the timetable ("begins on Friday", "runs until Thursday"). Every resolved
date carries the reason, so a reader can check it.

Each mention also gets a role for the activity's period: ``start`` ("began on", "from"),
``end`` ("until", "runs through", "the last day of"), ``range`` (both ends), ``statement``
(the day someone spoke: "said on Thursday"), ``another`` (another activity of the kind: "a
similar drill was held from 1 to 5 March"), ``phase`` (a stage of the activity, not the
activity), ``prior`` (something before it: "preparations begin on Monday", "an inspection
held from 7 to 12 September before the drill") or ``other``. Month-only dates ("between
February and May") are not days and never make a period: csbm does not fill a gap with a
default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_ORD = r"(?:st|nd|rd|th)?"
_JOIN = r"\s*(?:-|–|—|‒|to|through|until|till|and)\s*"
_YEAR = r"(?:,?\s+(?P<y>(?:19|20)[0-9]{2}))?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "iso",
        re.compile(
            r"(?<![\w.])(?P<y>(?:19|20)[0-9]{2})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9])(?![\w])"
        ),
    ),
    # "10-16.09.2021", "10.09-16.09.2021": a range in numbers, as Russian and Belarusian
    # sources write it (one year, at the end).
    (
        "dotted-range",
        re.compile(
            r"(?<![\w.,])(?P<d1>[0-3]?[0-9])(?:\.(?P<m1>[01]?[0-9]))?\.?\s*[-–—]\s*"
            r"(?P<d2>[0-3]?[0-9])\.(?P<m2>[01]?[0-9])\.(?P<y>(?:19|20)[0-9]{2})(?![\w])"
        ),
    ),
    (
        "dotted",
        re.compile(
            r"(?<![\w.,])(?P<d>[0-3]?[0-9])\.(?P<m>[01]?[0-9])\.(?P<y>(?:19|20)[0-9]{2})(?![\w])"
        ),
    ),
    (
        "month-day",
        re.compile(
            rf"(?<![\w])(?P<m1>{_MONTH})\s+(?P<d1>[0-3]?[0-9]){_ORD}"
            rf"(?:{_JOIN}(?:(?P<m2>{_MONTH})\s+)?(?P<d2>[0-3]?[0-9]){_ORD})?"
            rf"{_YEAR}(?![\w]|[,.][0-9])"
        ),
    ),
    (
        "day-month",
        re.compile(
            rf"(?<![\w.,])(?P<d1>[0-3]?[0-9]){_ORD}(?:\s+(?:of\s+)?(?P<m1>{_MONTH}))?"
            # "from the 10th to the 16th of September"
            rf"(?:{_JOIN}(?:the\s+)?(?P<d2>[0-3]?[0-9]){_ORD})?\s+(?:of\s+)?(?P<m2>{_MONTH}){_YEAR}"
            r"(?![\w])"
        ),
    ),
    ("month-year", re.compile(rf"(?<![\w])(?P<m1>{_MONTH})\s+(?P<y>(?:19|20)[0-9]{{2}})(?![\w])")),
    (
        "weekday",
        re.compile(
            r"(?<![\w])(?:(?P<rel>(?i:last|next|this|coming|past))\s+)?"
            r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\w])"
        ),
    ),
    ("relative", re.compile(r"(?<![\w])(?P<rd>today|yesterday|tomorrow|tonight)(?![\w])", re.I)),
]
_DIGIT = re.compile(r"[0-9]")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# Cues in the clause before a date; the nearest one decides its role.
_CUES: list[tuple[str, re.Pattern[str]]] = [
    (
        "start",
        re.compile(
            r"\b(?:from|since|starting|starts?|started|begins?|began|begun|beginning|opens?|opened"
            r"|kicks?\s+off|kicked\s+off|launch(?:es|ed)?|got\s+under\s+way|gets?\s+under\s+way"
            r"|commenc(?:e|es|ed)|held\s+from)\b",
            re.I,
        ),
    ),
    (
        "end",
        re.compile(
            r"\b(?:until|till|through|to\s+end|ends?|ended|ending|conclud(?:e|es|ed)|finish(?:es|ed)?"
            r"|wraps?\s+up|wrapped\s+up|last\s+until|lasts?\s+until|runs?\s+through|run\s+through)\b",
            re.I,
        ),
    ),
    (
        "statement",
        re.compile(
            r"\b(?:said|says|say|told|tells|announced|stated|added|reported|warned|speaking|spoke"
            r"|declared|claimed|wrote|tweeted|confirmed|asked|requested|called)\b",
            re.I,
        ),
    ),
]
# "the active phase", "the airborne part of exercise X", "the live training part of the
# exercise, which started on 19 October": a stage of the activity, not the activity.
_PHASE = re.compile(r"\b(?:phase|stage|part\s+of|portion\s+of|segment\s+of|leg\s+of)\b", re.I)
# One event within the activity, dated just before its day: "until the mock battle of May
# 23-24", "the live-fire demonstration on 14 September", "a parade on Friday".
_EPISODE = re.compile(
    r"\b(?:(?:mock|tank|final)\s+battles?|live[- ]fire\s+\w+|live[- ]firing|demonstration"
    r"|parade|episode|final\s+event|culminating\s+event|distinguished\s+visitors?\s+day"
    r"|media\s+day|open\s+day|air\s+show)\s+(?:of|on|from|between|held\s+on)\s+(?:the\s+)?$",
    re.I,
)
# After the date: "..., which in fact became the first phase of the exercise".
_PHASE_AFTER = re.compile(
    r"^[^.;]{0,30}?\b(?:became|becomes|was|is|as|formed|forms|marked|marks)\s+(?:in\s+fact\s+)?"
    r"(?:the\s+|its\s+)?(?:\w+\s+)?(?:phase|stage)\b",
    re.I,
)
# Another activity before the reported one: "preparations for the exercise begin on Monday",
# "an inspection held from Sept. 7 to Sept. 12 before the drill".
_PREPARATION = re.compile(r"\b(?:preparations?|preparatory|rehearsals?|planning)\b", re.I)
# The sentence's subject: "Preparations for Anakonda-23, one of ..., begin on Monday".
_PREPARED = re.compile(r"\W*(?:the\s+)?(?:preparations?|rehearsals?|planning)\b", re.I)
_BEFORE_IT = re.compile(
    r"^\s*,?\s*(?:before|ahead\s+of|prior\s+to|in\s+preparation\s+for|to\s+prepare\s+for)\s+"
    r"(?:the|this|that|its)\s+(?:\w+\s+)?(?:drills?|exercises?|manoeuvres|maneuvers|war\s*games)\b",
    re.I,
)
# Roles of a range that is not the activity's: it keeps them.
_NOT_ITS = ("phase", "statement", "prior", "another")
# Another activity of the same kind before the date in its sentence: "A similar drill was
# held from 1 to 5 March", "an earlier exercise ran ...", "another snap check began on ...".
_ANOTHER = re.compile(
    r"\b(?:(?:a|an)\s+(?:similar|earlier|separate|previous|prior)|another)\s+(?:[\w-]+\s+)?"
    r"(?:drills?|exercises?|manoeuvres|maneuvers|war\s*games|checks?|inspections?|training)\b",
    re.I,
)
# "There will be three phases: combat readiness until May 4; ... from May 5-7": a list of
# phases, whose dates are the phases'.
_VERB_AFTER = re.compile(
    # a dash alone is a dateline's end ("RIGA, 8 May 2023 - The exercise started"), not a word
    r"\s*,?\s+(?:(?!(?:said|says|told|announced|reported|stated)\b|[-–—]\s)[\w'’.,-]+\s+){0,7}?"
    r"(?:(?P<start>began|begins|started|starts|launched|launches"
    r"|kicked\s+off|kicks\s+off|opened|opens|got\s+under\s+way)|(?P<end>ended|ends|concluded"
    r"|wrapped\s+up|finished|to\s+close|to\s+end|to\s+conclude|to\s+mark\s+the\s+end\s+of))\b"
    r"(?=[^,;:]*)",
    re.I,
)
_PHASE_LIST = re.compile(r"\b(?:phases|stages)\b[^.;]{0,20}?[:—–]", re.I)
_LAST_DAY = re.compile(r"^,?\s*the\s+last\s+day\s+of\b", re.I)
_FIRST_DAY = re.compile(r"^,?\s*the\s+first\s+day\s+of\b", re.I)
_PAST = re.compile(
    r"\b(?:began|begun|started|opened|ended|launched|kicked|got|was|were|had|has|have|said|told"
    r"|announced|held|took|came|went|\w+ed)\b",
    re.I,
)
_FUTURE = re.compile(
    # "will be held from 15 May": a participle after a modal speaks of the future.
    r"\b(?:will|shall|is\s+to|are\s+to|to)\s+be\s+(?:\w+ed|\w+en|held|run|begun)\b"
    r"|\b(?:will|would|shall|is\s+to|are\s+to|due|scheduled|planned|expected|set\s+to|begins?"
    r"|starts?|runs?|ends?|opens?|continues?|kicks\s+off|lasts?|is|are|next)\b|['’]ll\b",
    re.I,
)
# A clause starts after one of these; cues before it do not reach the date.
_CLAUSE = re.compile(r"[,;:(—–|•]|\b(?:while|but|whereas)\b")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or date range in the text, resolved (or not) with the reason."""

    start: int
    end: int
    text: str
    kind: str
    first: date | None
    last: date | None
    role: str
    reason: str
    precision: str = "day"


def _shift(day: date, days: int) -> date | None:
    """day + days, or None past either end of the calendar (years 1 to 9999): a caller
    handing in a publication date at the edge gets an unresolved date, not a crash."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


_EDGE = "beyond the end of the calendar (years 1 to 9999) from the publication date"


def _month(token: str | None) -> int | None:
    if token is None:
        return None
    return _MONTHS.get(token.rstrip(".").lower())


_UNDER_WAY = 14


def _nearest_year(month: int, day: int, published: date, tense: str) -> tuple[date, str] | None:
    """The year that puts the day nearest to publication, on the side the tense points to.

    Past tense ("began on 9 February") means on or before publication (a day of slack for
    time zones), future ("is scheduled for Feb. 10-20") on or after; no tense, the nearest.
    """
    days: list[date] = []
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            days.append(date(y, month, day))
        except ValueError:
            continue
    # Differences, not published ± a day: those overflow at the ends of the calendar.
    if tense == "past":
        side = [d for d in days if (d - published).days <= 1]
        how = "the last such day up to"
    elif tense == "future":
        # A timetable in the present ("runs from 21 to 26 September", published on the 25th)
        # is read as the future: days of the last two weeks are the activity under way.
        side = [d for d in days if (published - d).days <= _UNDER_WAY]
        how = "the next such day (or one under way) from"
    else:
        side, how = days, "the nearest such day to"
    if not side:
        side, how = days, "the nearest such day to"
    if not side:
        return None
    best = min(side, key=lambda d: abs((d - published).days))
    return best, f"year {best.year}: {how} the publication date {published}"


# How far the year in the reported exercise's name may be from the publication year and still
# date its days: a text that names "Agile Spirit 2019" and gives "July 27 to August 9" means
# 2019 whether it came out that summer or was reposted three years on.
_NAME_YEAR_REACH = 10


def _with_year(
    month: int,
    day: int,
    year: int | None,
    published: date | None,
    fallback_year: int | None,
    tense: str = "unknown",
    name_year: int | None = None,
) -> tuple[date | None, str]:
    if year is not None:
        try:
            return date(year, month, day), "date as written"
        except ValueError:
            return None, "not a valid date"
    if published is not None:
        got = _nearest_year(month, day, published, tense)
        if (
            got is not None
            and name_year is not None
            and got[0].year != name_year
            and abs(name_year - published.year) <= _NAME_YEAR_REACH
        ):
            try:
                named = date(name_year, month, day)
            except ValueError:
                return got
            return named, (
                f"year {name_year} from the exercise's name (the publication date "
                f"{published} alone would give {got[0].year})"
            )
        if got is not None:
            return got
        return None, "not a valid date"
    if fallback_year is not None:
        try:
            return date(fallback_year, month, day), f"year {fallback_year} from the exercise name"
        except ValueError:
            return None, "not a valid date"
    return None, "no year in the text and no publication date"


def _clause_before(text: str, floor: int, pos: int) -> tuple[int, str]:
    lo = max(floor, pos - 160)
    window = text[lo:pos]
    cut = 0
    for m in _CLAUSE.finditer(window):
        cut = m.end()
    return lo + cut, window[cut:]


def _tense(clause: str) -> str:
    """'past', 'future' or 'unknown': the last verb cue in the clause before the date."""
    past = [m.end() for m in _PAST.finditer(clause)]
    future = [m.end() for m in _FUTURE.finditer(clause)]
    if not past and not future:
        return "unknown"
    # "scheduled", "planned" and "expected" end in -ed but speak of the future: a tie is future.
    return "future" if (future[-1] if future else -1) >= (past[-1] if past else -1) else "past"


def _weekday(wd: str, rel: str | None, published: date, tense: str) -> tuple[date | None, str]:
    target = _WEEKDAYS.index(wd.lower())
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    rel = rel.lower() if rel else None
    if rel in ("last", "past"):
        shift, why = -(back or 7), f"{wd} before the publication date {published} ('{rel}')"
    elif rel in ("next", "coming"):
        shift, why = ahead or 7, f"{wd} after the publication date {published} ('{rel}')"
    elif tense == "future":
        shift = ahead
        why = f"{wd} on or after the publication date {published} (future or timetable)"
    else:
        cue = "past tense" if tense == "past" else "no tense cue: news reports the past"
        shift, why = -back, f"{wd} on or before the publication date {published} ({cue})"
    d = _shift(published, shift)
    return (d, why) if d is not None else (None, f"{wd}: {_EDGE} {published}")


def _role(text: str, floor: int, start: int, end: int, ceiling: int) -> str:
    after = text[end : min(ceiling, end + 40)]
    if _LAST_DAY.match(after):
        return "end"
    if _FIRST_DAY.match(after):
        return "start"
    cut, clause = _clause_before(text, floor, start)
    if re.match(r"\s*(?:which|that)\b", clause, re.I):
        # "the live training part of the exercise, which started on 19 October": its subject
        clause = _clause_before(text, floor, max(floor, cut - 1))[1] + clause
    if (
        _PHASE.search(clause)
        or _EPISODE.search(clause)
        or _PHASE_LIST.search(text, floor, start)
        or _PHASE_AFTER.match(after)
    ):
        return "phase"
    if _ANOTHER.search(text, floor, start):
        return "another"
    opening = text[floor : min(start, floor + 40)]
    if _PREPARATION.search(clause) or _PREPARED.match(opening) or _BEFORE_IT.match(after):
        return "prior"
    return _cue_role(text, clause, end, ceiling)


# "from late August to September 16": the day after "to" ends a span the clause opened.
_SPAN_END = re.compile(r"\b(?:from|between)\b.*\b(?:to|and)\s+(?:the\s+)?$", re.I | re.S)


def _cue_role(text: str, clause: str, end: int, ceiling: int) -> str:
    if _SPAN_END.search(clause):
        return "end"
    best: tuple[int, str] | None = None
    for role, rx in _CUES:
        for m in rx.finditer(clause):
            if best is None or m.end() > best[0]:
                best = (m.end(), role)
    if best is None:
        # "On Sunday NATO began an exercise": the verb after the date, in its clause. Not
        # when the clause before has a verb of its own and 'and' leads to the next one: in
        # "Troops arrived on 2 May and the exercise begins on 15 May" the day is the
        # arrival's ("assembled on June 21 to end X" keeps it).
        verb = _VERB_AFTER.match(text, end, min(ceiling, end + 80))
        if (
            verb is not None
            and _tense(clause) != "unknown"
            and re.search(r"\band\b", verb.group(), re.I)
        ):
            return "other"
        if verb is not None:
            return "start" if verb.group("start") else "end"
        # "Feb. 10-20" after "scheduled for", "planned for", "held on": no direction word.
        return "other"
    return best[1]


def find_dates(
    text: str,
    start: int,
    end: int,
    published: date | None,
    fallback_year: int | None = None,
    name_year: int | None = None,
) -> list[DateMention]:
    """Every date mention in text[start:end] (one sentence), resolved with its reason.

    ``name_year`` is the year in the reported exercise's name ("Siil 2018"): a day without
    a year takes it when it is within a year of the publication date (a text of November
    2017 on "May 2-12" of Siil 2018), before the publication date's nearest year."""
    found: list[DateMention] = []
    taken: set[int] = set()
    has_digit = _DIGIT.search(text, start, end) is not None
    for kind, rx in _PATTERNS:
        if kind not in ("weekday", "relative") and not has_digit:
            continue
        for m in rx.finditer(text, start, end):
            s, e = m.span()
            if any(i in taken for i in range(s, e)):
                continue
            mention = _resolve(kind, m, text, start, end, published, fallback_year, name_year)
            if mention is None:
                continue
            found.append(mention)
            taken.update(range(s, e))
    found.sort(key=lambda d: d.start)
    return _appositions(text, found)


# "on Tuesday, June 9", "on Tuesday afternoon (9 June 2015)"
_APPOSED = re.compile(r"\s*(?:(?:morning|afternoon|evening|night)\s*)?(?:,|\()\s*(?:the\s+)?$")


def _appositions(text: str, found: list[DateMention]) -> list[DateMention]:
    """A date in apposition to a weekday ("on Tuesday, June 9", "on Wednesday (2 May 2018)")
    is the same day in the same role: the weekday's cue ("begins ... on") reaches it."""
    out = list(found)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        if prev.kind != "weekday" or cur.kind == "weekday" or cur.role != "other":
            continue
        if prev.role not in ("start", "end") or cur.first != cur.last:
            continue
        if _APPOSED.fullmatch(text, prev.end, cur.start) is None:
            continue
        out[i] = DateMention(
            cur.start,
            cur.end,
            cur.text,
            cur.kind,
            cur.first,
            cur.last,
            prev.role,
            f"{cur.reason}; the day of '{prev.text}' before it",
            cur.precision,
        )
    return out


def _resolve(
    kind: str,
    m: re.Match[str],
    text: str,
    floor: int,
    ceiling: int,
    published: date | None,
    fallback_year: int | None,
    name_year: int | None = None,
) -> DateMention | None:
    s, e = m.span()
    raw = m.group()
    role = _role(text, floor, s, e, ceiling)
    groups = m.groupdict()
    if kind == "dotted-range":
        try:
            to = date(int(groups["y"]), int(groups["m2"]), int(groups["d2"]))
            since = date(to.year, int(groups["m1"] or groups["m2"]), int(groups["d1"]))
        except ValueError:
            return None
        if since > to:
            return None
        span_role = role if role in _NOT_ITS else "range"
        return DateMention(s, e, raw, kind, since, to, span_role, "date as written")
    if kind in ("iso", "dotted"):
        try:
            d = date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
        except ValueError:
            return None
        return DateMention(s, e, raw, kind, d, d, role, "date as written")
    if kind == "month-year":
        return DateMention(s, e, raw, kind, None, None, role, "a month, not a day", "month")
    if kind in ("month-day", "day-month"):
        m1 = _month(groups.get("m1"))
        m2 = _month(groups.get("m2"))
        d1 = int(groups["d1"])
        d2 = int(groups["d2"]) if groups.get("d2") else None
        year = int(groups["y"]) if groups.get("y") else None
        if kind == "month-day":
            first_month, last_month = m1, (m2 or m1)
        else:
            first_month, last_month = (m1 or m2), m2
        if first_month is None or last_month is None:
            return None
        _, clause = _clause_before(text, floor, s)
        tense = _tense(clause)
        first, reason = _with_year(
            first_month, d1, year, published, fallback_year, tense, name_year
        )
        if d2 is None:
            return DateMention(s, e, raw, kind, first, first, role, reason)
        # One year for the whole range, from its first day; a range across the new year
        # ("28 December to 3 January") ends in the next one.
        last: date | None = None
        reason2 = reason
        if first is not None:
            try:
                last = date(first.year, last_month, d2)
                if last < first and year is None:
                    last = date(first.year + 1, last_month, d2)
            except ValueError:
                last, reason2 = None, "not a valid date"
        elif year is not None:
            last, reason2 = _with_year(
                last_month, d2, year, published, fallback_year, tense, name_year
            )
        why = reason if reason == reason2 else f"{reason}; {reason2}"
        span_role = role if role in _NOT_ITS else "range"
        return DateMention(s, e, raw, kind, first, last, span_role, why)
    if kind == "weekday":
        if published is None:
            return DateMention(
                s,
                e,
                raw,
                kind,
                None,
                None,
                role,
                "a weekday, and no publication date to count from",
            )
        _, clause = _clause_before(text, floor, s)
        wday, reason = _weekday(groups["wd"], groups.get("rel"), published, _tense(clause))
        return DateMention(s, e, raw, kind, wday, wday, role, reason)
    if kind == "relative":
        if published is None:
            return DateMention(
                s, e, raw, kind, None, None, role, "relative, and no publication date"
            )
        word = groups["rd"].lower()
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
        rday = _shift(published, shift)
        why = f"'{word}' counted from the publication date {published}" if rday else _EDGE
        return DateMention(s, e, raw, kind, rday, rday, role, why)
    return None


@dataclass(frozen=True, slots=True)
class Period:
    """The activity's first and last day, as far as the text says, and why."""

    exercise: str | None
    start: date | None
    end: date | None
    start_reason: str
    end_reason: str
    evidence: tuple[DateMention, ...]


def choose_period(candidates: list[DateMention], exercise: str | None) -> Period:
    """A range wins; otherwise the first start and the first end.

    An end before the start is a misread weekday more often than a real period: it is moved
    on by a week when it came from a weekday, and dropped otherwise.
    """
    days = [d for d in candidates if d.first is not None and d.precision == "day"]
    # A range that ends before a start the text gives, or opens after an end it gives, is
    # another activity's ("X began on 8 May. An earlier inspection ran from 1 to 3 May").
    first_start = next((d.first for d in days if d.role == "start"), None)
    first_end = next((d.last for d in days if d.role == "end"), None)
    for d in days:
        if d.role == "range" and d.first is not None and d.last is not None and d.first != d.last:
            if (first_start is not None and d.last < first_start) or (
                first_end is not None and d.first > first_end
            ):
                continue
            why = f"both ends from '{d.text}': {d.reason}"
            return Period(exercise, d.first, d.last, why, why, (d,))
    start = next((d for d in days if d.role == "start"), None)
    end = next((d for d in days if d.role == "end"), None)
    first = start.first if start else None
    last = end.last if end else None
    start_reason = f"'{start.text}' ({start.reason})" if start else "no start date in the text"
    end_reason = f"'{end.text}' ({end.reason})" if end else "no end date in the text"
    if first is not None and last is not None and last < first and end is not None:
        later = _shift(last, 7) if end.kind == "weekday" else None
        if later is not None and later >= first:
            last = later
            end_reason += "; a week later, since it cannot end before it starts"
        else:
            last = None
            end_reason = f"'{end.text}' is before the start date; left out"
    used = tuple(d for d in (start, end) if d is not None)
    return Period(exercise, first, last, start_reason, end_reason, used)


__all__ = ["DateMention", "Period", "choose_period", "find_dates"]
