"""Exercise names: which exercises a text names, and which one it is about.

Names come from the series gazetteer ("Zapad", "Union Resolve", "Allied Resolve", "Запад")
with the year that follows ("Zapad-2021", "Zapad-81", "BALTOPS 22", "Defender-Europe 20"),
and from two patterns for names csbm does not know: a quoted name after "exercise" or
"drills", and a capitalised name with a year followed by "exercise" or "drills". Output
names are normalised to "<series> <four-digit year>" so mentions of one edition collapse.

The *main* exercise (the one the figures are about unless the text says otherwise) is the
edition closest to the publication year, then the most mentioned, then the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from csbm.data import bundled_ids
from csbm.extract.gazetteer import Match, lexicon, series_list

# Year after a series name: "Zapad-2021", "Zapad 2021", "Zapad-81", "BALTOPS 22", "Zapad’21".
_YEAR = re.compile(
    # a gloss in brackets may stand between: 'Zapad ("West") 2013'
    r"(?:\s*\([“\"'‘]?[\w\s-]{1,24}[”\"'’]?\))?"
    r"(?:\s*[-–‐]\s*|\s+|\s*['’]\s*)?(?P<y>(?:19|20)[0-9]{2}|[0-9]{2})(?![\w]|[,.][0-9])"
)
_IN_YEAR_AFTER = re.compile(
    r"\s+(?:(?:exercises?|drills?|manoeuvres|maneuvers)\s+)?(?:in|of)\s+"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+)?(?P<y>(?:19|20)[0-9]{2})\b(?![,.][0-9])"
)
_IN_YEAR_HOW = "series name with 'in' and a year after it, or 'the' and a year before it"
_YEAR_BEFORE = re.compile(
    r"(?:\b[Tt]he\s+(?P<y>(?:19|20)[0-9]{2})|\b(?P<y2>(?:19|20)[0-9]{2})['’]s)\s+$"
)
# A clause opening with the year: "In 2017, Zapad involved ...", "Back in 2013, the Zapad
# drills ..." (the name within a few words of it).
_OPENING_YEAR = re.compile(
    r"(?:^|[.;]\s+)\s*(?:[Ii]n|[Dd]uring|[Bb]ack\s+in)\s+(?:(?:January|February|March|April|May"
    r"|June|July|August|September|October|November|December)\s+)?(?P<y>(?:19|20)[0-9]{2})\s*,"
    r"\s*(?:[\w’'-]+\s+){0,3}$"
)
_FOUNDED = re.compile(
    r"\b(?:launch\w*|found\w*|start\w*|creat\w*|establish\w*|introduc\w*|began|begun"
    r"|inaugurat\w*|initiat\w*|first\s+held|invent\w*)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}$"
)
_QUOTED = re.compile(
    r"(?:exercises?|drills?|manoeuvres|maneuvers|war\s+games|operation)"
    r"(?:\s+|,\s+(?=(?:called|named|dubbed|code-?named|codenamed)\s))"
    r"(?:(?:called|named|dubbed|code-?named|codenamed)\s+)?[“\"'‘«„]"
    r"(?P<name>[A-Z\u0400-\u042f][^”\"'’»“\n]{2,40}?)[,.]?[”\"'’»“]",
)
_CAPITALISED = re.compile(
    r"(?P<name>(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w]+)[\s-](?P<y>(?:19|20)[0-9]{2}|[0-9]{2})"
    # "Grom-2019 strategic nuclear drill", "Ladoga-2021 joint exercise"
    r"\s+(?:[A-Z]{2,5}\s+)?(?:(?:strategic|joint|nuclear|naval|military|command(?:-and-|\s+and\s+)?staff|staff"
    r"|tactical|operational|large-scale|international|multinational|combined|live-fire|air"
    r"|field|special|annual|allied|bilateral|trilateral|snap)\s+){0,3}"
    r"(?:exercises?|drills?|manoeuvres|maneuvers|war\s+games)\b"
)
# An unknown name with a year after words that introduce an exercise: "take part in Nordic
# Response 2024", "launched Iron Wolf 2022". Names of documents and events are not exercises.
_INTRODUCED = re.compile(
    r"(?:part\s+in|participat(?:e|es|ing)\s+in|join(?:s|ed|ing)?|launch(?:es|ed)?|beg[ai]n|held"
    r"|hold(?:s|ing)?|host(?:s|ed|ing)?|stag(?:e|es|ed|ing)|conduct(?:s|ed|ing)?"
    r"|(?:start|opening|end|close)\s+of|during|ahead\s+of|exercises?|drills?|[a-z]+-led),?\s+"
    r"(?P<name>(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+)[\s-](?P<y>(?:19|20)[0-9]{2})\b"
)
# An unknown name with a year opening a sentence, then a verb of an activity's course:
# "Silver Arrow 2019 runs from 9 to 20 September", "Northern Shield 2025 began on Monday".
_LEADING = re.compile(
    r"(?P<name>(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+)[\s-]"
    r"(?P<y>(?:19|20)[0-9]{2})\s+(?:(?:will|is|was|has|had)\s+(?:be\s+|been\s+)?)?"
    r"(?:runs?|ran|running|beg[iau]ns?|began|start(?:s|ed)?|kick(?:s|ed)\s+off|end(?:s|ed)?"
    r"|continu(?:e|es|ed)|last(?:s|ed)?|take\s+place|takes\s+place|took\s+place"
    r"|under\s+way|underway|held|conducted|staged)\b"
)
_OPENS = re.compile(r"(?:^|[.!?:\n])[\s\"“‘'«]*$")
# After an exercise word a two-digit year is one too: "the large exercise Nordic Response 24
# begins" (not a count: no digit, unit or noun after it).
_AFTER_EXERCISE = re.compile(
    r"\b(?:exercises?|drills?|manoeuvres|maneuvers),?\s+"
    r"(?P<name>(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+)[\s-](?P<y>[0-9]{2})\b"
    r"(?![.,]?[0-9]|\s*(?:%|per\b|km\b|[a-z]+\s+(?:of|from)\b))"
)
# A name glued to its year: "Zapad2009" (read only for a series csbm knows).
_GLUED = re.compile(r"\b(?P<name>[A-Z][A-Za-z]{2,})(?P<y>(?:19|20)[0-9]{2}|[0-9]{2})\b")
_EX_WORD = r"(?:exercises?|drills?|manoeuvres|maneuvers|war\s+games|wargames)"
_NAMING = r"(?:called|named|dubbed|code-?named|codenamed|known\s+as)"
# Words between a name and an exercise word that keep it an apposition ("Spring Storm, a
# large military exercise", "Aurora, its biggest war games"): no preposition, no verb of
# saying, so "X, the commander of the exercise" and "X, a spokesman for the drills" are not.
_APPOSED = re.compile(
    r",\s+(?:a|an|the|its|their|this\s+year['’]s|Europe['’]s|NATO['’]s)\s+"
    r"(?:(?!(?:of|in|for|at|to|with|by|on|said|says|who|which|that)\b)[\w-]+\s+){0,4}?"
    + _EX_WORD
    + r"\b"
)
# An exercise word or a verb of naming or launching right before a name ("exercise Rapid
# Trident", "the exercise, which is named Aurora", "Sweden launches Aurora").
_CUE_BEFORE = re.compile(
    r"(?:\b" + _EX_WORD + r",?|\b" + _NAMING + r"|\blaunch(?:es|ed)?)\s+(?:the\s+)?$", re.I
)
_CUE_AFTER = re.compile(r"\s+(?:[a-z-]+\s+){0,2}" + _EX_WORD + r"\b")
# An unknown name with no year, given an exercise word before it or an apposition after it.
_BARE_NAME = r"(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})"
_BARE_BEFORE = re.compile(
    r"\b(?:[Ee]xercises?|[Dd]rills?|[Mm]anoeuvres|[Mm]aneuvers|war\s+games)"
    r"(?:,\s+(?=" + _BARE_NAME.replace("?P<name>", "") + r",\s+(?:has|have|is|was|will|began"
    r"|begins|started|starts|runs|ran|takes|took|opened|opens)\b)|\s+(?:"
    + _NAMING
    + r"\s+)?)"
    + _BARE_NAME
    + r"(?![\w-])"
)
# "The Sea Breeze exercise, held by ...": an unknown name between "the" and an exercise word.
_BARE_THE = re.compile(
    r"\b[Tt]he\s+" + _BARE_NAME + r"\s+(?:exercises?|drills?|manoeuvres|maneuvers|war\s+games)\b"
)
_BARE_APPOSED = re.compile(_BARE_NAME + r"(?=" + _APPOSED.pattern + r")")
# A quoted name before the exercise word: '"Agile Spirit 2019" multinational military
# exercise', 'the "Agile Spirit" exercises'.
_QUOTED_BEFORE = re.compile(
    r"[“\"'‘«„](?P<name>[A-Z\u0400-\u042f][^”\"'’»“\n]{2,40}?)[,.]?[”\"'’»“]"
    r"(?:,\s+(?:the|a|an)\s+|\s+)(?:(?!(?:of|in|at|to|with|by|on|for|and|or)\b)[\w-]+\s+){0,3}?"
    + _EX_WORD
    + r"\b"
)
# "Joint Efforts 2021, the strategic command and staff exercises"
_YEAR_APPOSED = re.compile(
    r"(?P<name>(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w]+)[\s-](?P<y>(?:19|20)[0-9]{2}|[0-9]{2})(?="
    + _APPOSED.pattern
    + r")"
)
# Capitalised words that start no exercise name (headline words, weekdays, titles).
_NOT_BARE = frozenset(
    {
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "In",
        "On",
        "At",
        "As",
        "And",
        "But",
        "For",
        "From",
        "With",
        "During",
        "After",
        "Before",
        "Since",
        "When",
        "While",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "NATO",
        "OSCE",
        "Commander",
        "General",
        "Colonel",
        "Major",
        "Lieutenant",
        "Minister",
        "Ministry",
        "President",
        "Photo",
        "Source",
        "Read",
        "More",
        "Share",
        "Defence",
        "Defense",
        "Army",
        "Navy",
        "Air",
        "Forces",
        "Force",
        "Joint",
        "Military",
        "Exercise",
        "Exercises",
        "Drills",
        "Update",
        "Video",
        "Live",
        "New",
        "Day",
        "Phase",
        "Part",
        "Area",
        "Zone",
        "Region",
        "I",
        "We",
        "They",
        "He",
        "She",
        "There",
        "Here",
        "Today",
        "Yesterday",
        "Tomorrow",
        "Allied",
        "European",
        "Ocean",
        "Command",
        "Staff",
        "Headquarters",
        "Officials",
        "Troops",
        "Soldiers",
        "Fleet",
        "District",
        "Brigade",
        "Division",
        "Group",
        "Battalion",
        "Regiment",
        "Several",
        "Some",
        "Many",
        "All",
        "Other",
        "A",
        "An",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Ten",
        "First",
        "Second",
        "Last",
        "Next",
        "Each",
        "Every",
        "Both",
        "Such",
        "Lt",
        "Col",
        "Gen",
        "Maj",
        "Capt",
        "Sgt",
        "Adm",
        "Brig",
        "Mr",
        "Ms",
        "Mrs",
        "Dr",
        "St",
        "Marine",
        "Marines",
        "Corps",
        "Guard",
        "National",
        "Coast",
        "Airborne",
        "Special",
        "Operations",
        "Land",
        "Ground",
        "Territorial",
        "Reserve",
        "Rocket",
        "Missile",
        "Strategic",
        "Nuclear",
        "Tank",
        "Infantry",
        "Artillery",
        "War",
        "Cold",
        "Naval",
        "Pentagon",
        "Kremlin",
        "Security",
        "Council",
        "Union",
        "Alliance",
        "Federation",
        "Republic",
        "State",
        "States",
    }
)
# A compound of a State word or of "-led": "the NATO-led exercise", "the Russia-Belarus drills".
_COMPOUND = re.compile(r"-(?:led|hosted|run|based|sponsored|organi[sz]ed|backed|style)$", re.I)
_NOT_EXERCISE = re.compile(
    r"\b(?:Document|Act|Treaty|Charter|Agreement|Convention|Summit|Declaration|Report|Budget"
    r"|Strategy|Concept|Games|Olympics|Cup|Plan|Programme|Program|Law|Review)\b"
)
_DIGIT = re.compile(r"[0-9]")
_NAME_YEAR = re.compile(r"^(?P<base>.*?)[\s-]*(?P<y>(?:19|20)[0-9]{2}|[0-9]{2})$")
_NOT_NAMES = frozenset({"The", "This", "That", "Last", "Next", "In", "On", "Since", "A", "An"})


@dataclass(frozen=True, slots=True)
class ExerciseMention:
    """One place where an exercise is named."""

    name: str
    series: str | None
    year: int | None
    start: int
    end: int
    text: str
    how: str
    # Named as a term of comparison or as the umbrella of another ("more troops than the
    # Zapad 2017 drills", "part of the larger Steadfast Defender 24 series"): such a mention
    # does not count towards making it the exercise the text reports.
    aside: bool = False


# Words before a name that make it a comparison or an umbrella, not the exercise reported.
_ASIDE_BEFORE = re.compile(
    r"\b(?:than|part\s+of|belongs?\s+to|belonged\s+to|ties?\s+in\s+with|within|under\s+the\s+umbrella\s+of|component\s+of|phase\s+of)"
    r"\s+(?:the\s+|an?\s+|its\s+|their\s+|NATO['’]s\s+)?(?:(?:larger|wider|broader|bigger|overall"
    r"|much|multinational|large-scale)\s+)*(?:[A-Z][\w.-]*\s+){0,2}"
    # "part of a bigger NATO exercise, Steadfast Defender"
    r"(?:(?:exercises?|drills?|manoeuvres|maneuvers|series|operation)\s*,?\s+)?$"
)


def mark_asides(text: str, start: int, found: list[ExerciseMention]) -> list[ExerciseMention]:
    """Mark the mentions named as a comparison or an umbrella (see ``aside``)."""
    out = []
    for m in found:
        before = text[max(start, m.start - 60) : m.start]
        out.append(replace(m, aside=True) if _ASIDE_BEFORE.search(before) else m)
    return out


@dataclass
class Exercise:
    """An exercise the text names, with every mention and where it points in csbm."""

    name: str
    series: str | None
    year: int | None
    mentions: list[ExerciseMention] = field(default_factory=list)
    activity_id: str | None = None
    main: bool = False
    reasons: list[str] = field(default_factory=list)


def full_year(two_or_four: str) -> int:
    """'2021' -> 2021, '21' -> 2021, '81' -> 1981 (two digits from 50 up are 19xx)."""
    year = int(two_or_four)
    if len(two_or_four) == 2:
        year += 1900 if year >= 50 else 2000
    return year


def mentions_in(text: str, matches: list[Match], start: int, end: int) -> list[ExerciseMention]:
    """Exercise mentions in text[start:end], given the gazetteer matches there."""
    out: list[ExerciseMention] = []
    for m in matches:
        series = next((e for e in m.entries if e.kind == "series"), None)
        if series is None:
            continue
        y = _YEAR.match(text, m.end, end)
        in_year = False
        if y is None and not series.needs_year and not _FOUNDED.search(text, start, m.start):
            # "Trident Juncture in 2018", "the previous Siil exercise in May 2015" (not for
            # common words that need a year of their own: "the West in 2021", nor the
            # series' own start: "NATO launched BALTOPS in 1972")
            y = _IN_YEAR_AFTER.match(text, m.end, end)
            in_year = y is not None
        before = None
        if y is None and not series.needs_year:
            # "the 2014 Cold Response exercise", "2009's Zapad": the year before the name
            before = _YEAR_BEFORE.search(text, max(start, m.start - 12), m.start)
            # on the clause itself: "^" marks the sentence's start only in its own string
            opening = _OPENING_YEAR.search(text[start : m.start]) if before is None else None
            if opening is not None:
                before = opening
        if y is None and series.needs_year and not _cued(text, start, end, m, series.ref):
            continue
        year = full_year(y.group("y")) if y is not None else None
        if before is not None:
            year = int(before.group("y") or before.groupdict()["y2"])
        stop = y.end() if y is not None else m.end
        name = f"{series.ref} {year}" if year is not None else series.ref
        how = "series name and year" if year is not None else "series name without a year"
        if in_year or before is not None:
            how = _IN_YEAR_HOW
        out.append(
            ExerciseMention(name, series.ref, year, m.start, stop, text[m.start : stop], how)
        )
    for g in _GLUED.finditer(text, start, end):
        series_ref = _series_of(g.group("name"))
        if series_ref is None or any(x.start <= g.start() < x.end for x in out):
            continue
        year = full_year(g.group("y"))
        out.append(
            ExerciseMention(
                f"{series_ref} {year}",
                series_ref,
                year,
                g.start(),
                g.end(),
                g.group(),
                "series name glued to its year",
            )
        )
    taken = [(x.start, x.end) for x in out]
    patterns = (
        (_QUOTED, "quoted name after 'exercise'"),
        (_QUOTED_BEFORE, "quoted name before 'exercise'"),
        (_CAPITALISED, "name and year before 'exercise'"),
        (_INTRODUCED, "name and year after 'take part in', 'launched', ..."),
        (_LEADING, "name and year opening a sentence, before 'runs', 'began', ..."),
        (_AFTER_EXERCISE, "name and two-digit year after 'exercise'"),
        (_YEAR_APPOSED, "name and year before ', the ... exercise'"),
    )
    has_digit = _DIGIT.search(text, start, end) is not None
    has_quote = any(ch in text[start:end] for ch in "\"“‘'«„")
    for rx, how in patterns:
        quoted = rx is _QUOTED or rx is _QUOTED_BEFORE
        if (quoted and not has_quote) or (not quoted and not has_digit):
            continue
        for q in rx.finditer(text, start, end):
            s, e = q.span("name")
            if rx is _LEADING and not _OPENS.search(text[max(start, s - 40) : s]):
                continue  # only where the sentence opens with the name
            if not quoted:
                e = q.end("y")
                s = _past_lead(text, s, e)
            if _NOT_EXERCISE.search(text, s, e) or _is_known_name(text[s:e]):
                continue
            if any(a < e and s < b for a, b in taken):
                continue
            raw = text[s:e].strip()
            first, _, rest = raw.partition(" ")
            if rx is _QUOTED_BEFORE and not _title_like(raw):
                continue  # a quotation, not a name: '"We are ready," the exercise commander'
            if first in _NOT_NAMES and not quoted and _NAME_YEAR.match(rest):
                # "The Grom-2019 strategic drill": the article is no part of the name
                s += text[s:e].index(rest)
                raw = rest
                if _is_known_name(raw) or not raw[:1].isupper():
                    continue
            if raw.split()[0] in _NOT_NAMES:
                continue
            ny = _NAME_YEAR.match(raw)
            year = full_year(ny.group("y")) if ny is not None else None
            base = ny.group("base").strip() if ny is not None and ny.group("base") else raw
            name = f"{base} {year}" if year is not None else base
            if first == "The" and quoted and rest:
                base = base[4:] if base.startswith("The ") else base
                name = f"{base} {year}" if year is not None else base
            known = _series_of(base)
            if known is not None:
                # a known series in quotes: '"The Union Shield 2019"'
                name = f"{known} {year}" if year is not None else known
                out.append(ExerciseMention(name, known, year, s, e, text[s:e], how))
            else:
                out.append(ExerciseMention(name, None, year, s, e, text[s:e], how))
            taken.append((s, e))
    words_here = re.findall(r"\b[^\W\d_]{4,}\b", text[start:end])
    headline = sum(w[0].isupper() for w in words_here) > 0.6 * len(words_here)
    for rx, how in (
        ()
        if headline
        else (
            (_BARE_BEFORE, "name without a year after 'exercise'"),
            (_BARE_APPOSED, "name without a year before ', a ... exercise'"),
            (_BARE_THE, "name without a year between 'the' and 'exercise'"),
        )
    ):
        for q in rx.finditer(text, start, end):
            s, e = q.span("name")
            raw = text[s:e]
            if any(a < e and s < b for a, b in taken):
                continue
            words = raw.split()
            if words[0] in _NOT_BARE or words[-1] in _NOT_BARE | {"Sea"} or _is_known_name(raw):
                continue
            if _NOT_EXERCISE.search(raw) or any(_is_known_name(w) for w in words):
                continue
            if any(_COMPOUND.search(w) for w in words) or any(
                f.start == 0 for f in lexicon().find(raw)
            ):
                continue  # "the NATO-led exercise"; a known word ("the Caucasus drills")
            if raw.isupper() and len(words) == 1 and len(raw) <= 4:
                continue  # an acronym of a body: "exercise USAREUR said"
            if len(words) == 1 and _ADJECTIVE_LIKE.search(raw):
                continue  # "the Arctic exercise", "the Nordic drills": a word for a region
            if _is_person(raw):
                continue  # "during the exercise Shoigu visited the range"
            out.append(ExerciseMention(raw, None, None, s, e, raw, how))
            taken.append((s, e))
    out.sort(key=lambda x: x.start)
    return mark_asides(text, start, out)


_ADJECTIVE_LIKE = re.compile(r"(?:ic|ian|ean|ese|ern|ish|ist|ary|al)$")


def _title_like(raw: str) -> bool:
    """A name's shape: at most five words, each capitalised, a number or a short word."""
    words = raw.replace("-", " ").split()
    return len(words) <= 5 and all(w[:1].isupper() or w[:1].isdigit() or len(w) <= 3 for w in words)


def _is_person(raw: str) -> bool:
    from csbm.extract.officials import state_of

    return state_of(raw) is not None


def _cued(text: str, start: int, end: int, m: Match, ref: str) -> bool:
    """A series whose own name is a common word ("Aurora") counts without a year when an
    exercise word or a verb of naming is next to it: "the exercise, named Aurora", "Sweden
    launches Aurora, its biggest war games", "the Aurora exercise"."""
    if text[m.start : m.end].casefold() != ref.casefold():
        return False  # an alias that is an ordinary word ("West") always needs its year
    return bool(
        _CUE_BEFORE.search(text[max(start, m.start - 40) : m.start])
        or _CUE_AFTER.match(text, m.end, end)
        or _APPOSED.match(text, m.end, end)
    )


def _series_of(phrase: str) -> str | None:
    """The known series a whole phrase names ("Zapad", "Union Shield"), if any."""
    for f in lexicon().find(phrase):
        if f.start == 0 and f.end == len(phrase):
            for e in f.entries:
                if e.kind == "series" and not (
                    e.needs_year and phrase.casefold() != e.ref.casefold()
                ):
                    return e.ref
    return None


_LEAD_WORD = re.compile(r"[A-Z][\w]*(?:-led|-hosted|-run)?\s+|[A-Z][\w]*-led\s+")


def _past_lead(text: str, s: int, e: int) -> int:
    """Past the State words that lead a name: "Norwegian-led Nordic Response 24", "U.S.
    Steadfast ..." (a State's adjective or name is no part of an exercise's name)."""
    while True:
        m = _LEAD_WORD.match(text, s, e)
        if m is None or text.count(" ", m.end(), e) < 1:
            return s
        word = m.group().strip()
        bare = re.sub(r"-(?:led|hosted|run)$", "", word)
        led = bare != word
        if not led and not any(
            e.kind in ("state", "adjective") for f in lexicon().find(bare) for e in f.entries
        ):
            return s
        s = m.end()


def _is_known_name(phrase: str) -> bool:
    """A State, place or month is not an exercise name ('Belarus 2022', 'September 2021')."""
    words = phrase.split()
    if words and words[0] in _MONTHS:
        return True
    # A small town that counts as a place only with a cue ("Efes", a GeoNames town) does not
    # stop a name with a year and an exercise word: "the EFES-2022 military exercise".
    return any(
        e.kind != "series" and not (e.kind == "place" and e.needs_cue)
        for m in lexicon().find(phrase)
        for e in m.entries
        if m.start == 0
    )


_MONTHS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)


@cache
def _dossier_patterns() -> dict[str, str]:
    return {s.name: s.dossier_id for s in series_list() if s.dossier_id}


@cache
def _bundled() -> frozenset[str]:
    return frozenset(bundled_ids())


def dossier_id(series: str | None, year: int | None) -> str | None:
    """The id of csbm's bundled dossier for this edition, if it ships one."""
    if series is None or year is None:
        return None
    pattern = _dossier_patterns().get(series)
    if pattern is None:
        return None
    candidate = pattern.format(yyyy=f"{year:04d}", yy=f"{year % 100:02d}")
    return candidate if candidate in _bundled() else None


def _group(m: ExerciseMention) -> str:
    """The series a mention names: the known series, else the name without its year."""
    if m.series is not None:
        return m.series
    if m.year is not None:
        return _NAME_YEAR.sub(lambda x: x.group("base"), m.name).strip()
    return m.name


def collect(mentions: list[ExerciseMention], published: date | None) -> list[Exercise]:
    """Group mentions into exercises, give series-only mentions a year, pick the main one.

    "The Zapad exercise" takes its year from a dated mention of the same series in the text;
    when the text dates no exercise at all, from the publication date (the reason is recorded
    either way). Otherwise it stays a series name: "previously known as Cold Response" in a
    text on Nordic Response 2024 names no edition.
    """
    any_dated = any(m.year is not None and m.how != _IN_YEAR_HOW for m in mentions)
    dated: dict[str, int] = {}
    for m in mentions:
        # a year read from "X in 2018" names that one edition, not the text's other mentions
        if m.year is not None and m.how != _IN_YEAR_HOW:
            dated.setdefault(_group(m), m.year)
    # The one year of every dated name, if they share one: the year of an umbrella named
    # without its own ("Nordic Response 2024, part of the Steadfast Defender series").
    years = {m.year for m in mentions if m.year is not None and m.how != _IN_YEAR_HOW}
    one_year = next(iter(years)) if len(years) == 1 else None
    umbrellas = {_group(m) for m in mentions if m.aside and m.year is None}
    by_name: dict[str, Exercise] = {}
    for m in mentions:
        name, year, reason = m.name, m.year, ""
        group = _group(m)
        if m.year is None:
            if group in dated:
                year = dated[group]
                reason = f"'{m.text}' has no year; {year} from '{group} {year}' in the text"
            elif published is not None and not any_dated:
                year = published.year
                reason = f"'{m.text}' has no year; {year} from the publication date"
            elif group in umbrellas and one_year is not None:
                year = one_year
                reason = f"'{m.text}' has no year; {year}, the year of the exercise it contains"
            if year is not None:
                name = f"{group} {year}"
        exercise = by_name.get(name)
        if exercise is None:
            exercise = Exercise(name, m.series, year)
            exercise.activity_id = dossier_id(m.series, year)
            by_name[name] = exercise
        exercise.mentions.append(m)
        if reason and reason not in exercise.reasons:
            exercise.reasons.append(reason)
    exercises = list(by_name.values())
    if exercises:
        ref = (
            published.year
            if published is not None
            else max(
                (
                    x.year
                    for x in exercises
                    if x.year is not None and any(m.how != _IN_YEAR_HOW for m in x.mentions)
                ),
                default=None,
            )
        )

        def rank(x: Exercise) -> tuple[int, int, int, int]:
            if x.year is not None and ref is not None:
                distance = abs(x.year - ref)
            elif x.year is None and x.series is not None and ref is not None:
                # a series named with no edition ("cancel Cold Response"): as likely the
                # current one as any, so the order of naming decides between equals
                distance = 0
            else:
                distance = 99
            if all(m.how == _IN_YEAR_HOW for m in x.mentions):
                # "Finland pulled out of the 2014 Cold Response": an edition named in passing
                return (2, 0, distance, x.mentions[0].start)
            named = sum(1 for m in x.mentions if not m.aside)
            return (int(distance > 1), -named, distance, x.mentions[0].start)

        main = min(exercises, key=rank)
        main.main = True
        main.reasons.append(
            "the exercise the text is about: "
            + ("closest to the publication year, " if published is not None else "")
            + f"named {len(main.mentions)} time(s)"
        )
    return exercises


__all__ = ["Exercise", "ExerciseMention", "collect", "dossier_id", "full_year", "mentions_in"]
