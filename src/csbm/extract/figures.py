"""Figures: a number, what it counts, and how it is hedged.

A number counts something when a quantity noun follows it ("30,000 Russian troops", "12
Su-35 fighter jets", "250 artillery pieces"), when it is glued to one ("a 30,000-strong
force", "the 13,000-troop threshold"), or when the noun came just before ("the number of
troops ... will not exceed 12,800", "a force of 30,000") or in a figure it continues ("of whom
20,000", "around 12.000 Russian and 4.000 Belarusian servicemen"). Numbers with a unit
(km, %, days, tonnes, mm, money) are set aside with the reason, as are vehicles and
"pieces of equipment", which are not among the quantities csbm weighs.

A hedge before a list covers the list ("some 3,000 vehicles, 105 aircraft and 12 vessels":
all approx) until a number brings its own qualifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from csbm.extract import qualifiers
from csbm.extract.gazetteer import demonyms
from csbm.extract.numbers import Number, as_count
from csbm.model.dossier import Qualifier, Quantity

# Quantity nouns, most specific first (the first alternative that matches wins).
_NOUN_SOURCES: list[tuple[Quantity, str]] = [
    (
        Quantity.AIR_DEFENCE_SYSTEMS,
        r"air[\s-]defen[cs]e\s+(?:missile\s+)?systems|(?:surface-to-air|anti-aircraft)\s+missile\s+systems"
        r"|SAM\s+systems",
    ),
    (
        Quantity.ACV,
        r"armou?red\s+(?:combat\s+|personnel\s+|fighting\s+)?(?:vehicles|carriers)"
        r"|infantry\s+fighting\s+vehicles|IFVs|APCs|BMPs|BTRs|ACVs",
    ),
    (
        Quantity.ARTILLERY,
        r"artillery\s+(?:pieces|systems|guns|units)|(?:pieces|units)\s+of\s+artillery|artillery"
        r"|howitzers"
        r"|multiple\s+(?:launch\s+)?rocket\s+(?:systems|launchers)|rocket\s+launchers|MLRS|mortars",
    ),
    (Quantity.TANKS, r"main\s+battle\s+tanks|battle\s+tanks|tanks|MBTs"),
    (Quantity.HELICOPTERS, r"(?:attack\s+|transport\s+)?helicopters|choppers"),
    (
        Quantity.AIRCRAFT,
        r"(?:combat\s+|military\s+|fixed-wing\s+)?aircraft|(?:fighter\s+|combat\s+)?jets|warplanes"
        r"|aircrafts|airplanes|aeroplanes|planes|bombers|fighters|fighter-bombers|interceptors",
    ),
    (Quantity.SHIPS, r"warships|ships|vessels|boats|submarines|frigates|corvettes"),
    (Quantity.SORTIES, r"(?:air\s+|combat\s+)?sorties|flights"),
    (
        Quantity.TROOPS,
        r"troops|soldiers|servicemen|servicewomen|service\s*members|service\s+personnel"
        r"|military\s+personnel|personnel|men|marines|paratroopers|sailors|airmen|reservists"
        r"|conscripts|participants|forces|officers|people|pilots|crew\s+members"
        # "7,000 members of the armed forces"; "some 12,000 military will take part"
        r"|members\s+of\s+(?:the\s+)?(?:[A-Za-z]+\s+){0,2}?(?:armed\s+forces|military|army"
        r"|forces|navy|troops|Defen[cs]e\s+League|Home\s+Guard|National\s+Guard)|military(?=\s+(?:will|would|are|were|have|had|took|take|from"
        r"|of|to|in|and|attend\w*|join\w*|participat\w*)\b|\s*[,.;])",
    ),
]
_NOUNS = "|".join(f"(?P<q{i}>{src})" for i, (_, src) in enumerate(_NOUN_SOURCES))
_NOUN2 = "|".join(f"(?P<r{i}>{src})" for i, (_, src) in enumerate(_NOUN_SOURCES))
_LOWER_MOD = (
    r"additional|extra|more|combat|armed|military|foreign|ground|active|regular|reserve|allied"
    r"|elite|airborne|mechani[sz]ed|motori[sz]ed|infantry|heavy|modern|armou?red|main|battle"
    r"|front-?line|other|new|own|naval|navy|army|marine|special|fighter|strike|attack|transport"
    r"|multirole|tactical|strategic|of|its|their|the|his|her|contract|conscript|professional"
    r"|combat-ready|moderni[sz]ed|self-propelled|towed|surface|amphibious|landing|support"
    r"|rocket|missile|anti-aircraft|air|service|fixed-wing|joint|western|eastern|state"
    r"|partner|volunteer|coalition|nato"
)
# Other lower-case words count as modifiers when they look like adjectives: "multinational",
# "well-equipped", "fresh-deployed" (the ending decides; "times" or "years" never match).
_ADJECTIVE_LIKE = (
    r"[a-z][a-z-]*(?:al|ic|ed|ive|ary|ian|ing|ese|ish|ful|less|ous|ent|ant|ile|able|ible)"
)
_MOD = (
    # "Allied and partner troops": "and" joins two modifiers of one noun
    rf"(?:[A-Z\u0400-\u042f][\w.’'/-]*"
    rf"|(?:and|or)(?=\s+(?:[A-Z\u0400-\u042f]|(?:{_LOWER_MOD})\s))"
    rf"|(?:{_LOWER_MOD}|{_ADJECTIVE_LIKE})\b)"
)
_AFTER = re.compile(
    rf"(?P<post>\s+or\s+(?:more|so|fewer|less|above|over)\b|\+|-?plus\b)?"
    rf"(?P<mods>(?:\s+{_MOD}){{0,4}}?)"
    rf"\s+(?i:(?P<noun>{_NOUNS}))\b"
    rf"(?P<also>\s+(?:and|or|&)\s+(?:{_MOD}\s+)?(?i:(?P<noun2>{_NOUN2}))\b)?"
)
# A model designation among a noun's modifiers: Su-35, F-16, MiG-29, Tu-22M3.
_DESIGNATION = re.compile(r"[A-Z][\w]*-?[0-9]")
_COMPOUND = re.compile(
    r"-\s?(?P<c>strong|troops?|man|soldiers?|member|tanks?|ships?|vessels?|aircraft|planes?)\b",
    re.I,
)
_COMPOUND_Q = {
    "strong": Quantity.TROOPS,
    "troop": Quantity.TROOPS,
    "troops": Quantity.TROOPS,
    "man": Quantity.TROOPS,
    "soldier": Quantity.TROOPS,
    "soldiers": Quantity.TROOPS,
    "member": Quantity.TROOPS,
    "tank": Quantity.TANKS,
    "tanks": Quantity.TANKS,
    "ship": Quantity.SHIPS,
    "ships": Quantity.SHIPS,
    "vessel": Quantity.SHIPS,
    "vessels": Quantity.SHIPS,
    "aircraft": Quantity.AIRCRAFT,
    "plane": Quantity.AIRCRAFT,
    "planes": Quantity.AIRCRAFT,
}
# "50,000 troops from 31 countries, 250 aircraft ...": the origin belongs to the list item.
_FROM_COUNTRIES = re.compile(
    r"\s+from\s+(?:\w+\s+){0,3}?(?:countries|nations|allies|states|members|partners)\b", re.I
)
_NON_QUANTITY = re.compile(
    rf"(?:\s+{_MOD}){{0,3}}?\s+(?i:(?:military\s+|combat\s+|other\s+)?vehicles"
    r"|(?:pieces|units|items)\s+of\s+(?:military\s+)?(?:equipment|hardware|weaponry)|equipment)\b"
)
# "five nuclear submarines", "of which 12 submarines": submarines alone are counted apart
# from the ships they are among; "50 ships and submarines" stays a ships figure.
_SUBMARINES = re.compile(
    rf"(?:\s+{_MOD}){{0,2}}?\s+(?i:submarines?)\b"
    r"(?!\s+(?:and|or|&)\s+(?:[a-z-]+\s+){0,2}(?:ships|vessels|warships|boats|frigates))",
)
_STATES_COUNT = re.compile(
    r"(?:\s+(?:other|more|NATO|EU|allied|partner|member|participating|different|European))*"
    r"\s+(?:nationalities|nations|countries|states|allies|partners|member\s+states)\b",
    re.I,
)
_UNIT: list[tuple[str, re.Pattern[str]]] = [
    (
        "percentage",
        re.compile(r"\s*(?:%|per\s?cent\b|percent\b|pct\b|percentage\s+points?\b)", re.I),
    ),
    (
        "distance",
        re.compile(
            r"\s*-?\s*(?:km|kilomet(?:re|er)s?|miles?|mi|nautical\s+miles|nm|metres?|meters?|m|feet|ft"
            r"|sq\s*km|square\s+(?:kilomet(?:re|er)s?|miles))\b",
            re.I,
        ),
    ),
    (
        "duration",
        re.compile(
            r"\s*-?\s*(?:days?|hours?|weeks?|months?|years?|minutes?|hrs?|decades?)\b", re.I
        ),
    ),
    ("weight", re.compile(r"\s*-?\s*(?:tonnes?|tons?|kg|kilograms?)\b", re.I)),
    ("money", re.compile(r"\s*(?:dollars|euros?|roubles|rubles|zlotys?|USD|EUR|RUB)\b", re.I)),
    ("calibre", re.compile(r"\s*-?\s*mm\b", re.I)),
]
_CURRENCY_BEFORE = re.compile(r"[$€£¥₽]\s*$")
_NEXT_WORDS = re.compile(r"(?:\s+(?!(?:and|or)\b)[^\s,;.:]+){1,5}")
_LIST_GAP = re.compile(r"\s*(?:,|;)?\s*(?:and|or|as\s+well\s+as|plus|along\s+with)?\s*", re.I)
_PART_OF = re.compile(r"(?:of\s+(?:whom|which|them)|among\s+them|including)\s*$", re.I)
_NUMBER_OF = re.compile(
    rf"\b(?:number|total|strength|size|count)\s+of\s+(?:the\s+)?(?:{_MOD}\s+){{0,3}}?"
    rf"(?i:(?P<noun>{_NOUNS}))\b[^.;:!?]{{0,100}}$"
)
_FORCE_OF = re.compile(
    rf"\b(?:(?P<force>force|contingent|grouping|army)|(?i:(?P<noun>{_NOUNS})))"
    # "U.S. marines, numbering roughly 3,000"; "the Polish contingent is the largest, at 12,000"
    r"(?:,?\s+(?:is|was|will\s+be|are|were)\s+the\s+(?:[\w-]+-)?[a-z]+est,)?,?\s+"
    r"(?:numbering|totall?ing|of|at|estimated\s+at|put\s+at|(?:will\s+)?numbers?|numbered"
    r"|(?:will\s+)?totals?|totall?ed|:)\s*$",
    re.I,
)
_FORCE_OF_LAST = frozenset(
    {
        "numbering",
        "totalling",
        "totaling",
        "of",
        "at",
        "number",
        "numbers",
        "numbered",
        "total",
        "totals",
        "totalled",
        "totaled",
    }
)
_COUNTRIES_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:countries|nations|states|allies|partners|members)\b", re.I
)
_NUMBER_AT = re.compile(
    r"\b(?:number|figure|total|tally|count|participation|headcount|turnout)\s+(?:at|was|is"
    r"|stood\s+at|stands\s+at|reached|reaches|to\s+be|(?:comes|came|amounts|amounted)\s+to"
    r"|(?:is|was)\s+put\s+at"
    # "said the number had been cut to 30,000"
    r"|(?:(?:had|has|have|was|is|will|would)\s+)?(?:been\s+|be\s+)?(?:cut|reduced|raised"
    r"|increased|lowered|revised|scaled\s+back|scaled\s+down|brought\s+down|brought)"
    r"\s+(?:down\s+|up\s+)?to)\s*$",
    re.I,
)
# The figure spoken of as the subject of a hedge: "the total could reach 110,000".
_NUMBER_SUBJECT = re.compile(r"\b(?:number|figure|total|tally|count)\s*$", re.I)
_ELLIPSIS_NEXT = re.compile(
    r"\s*(?:[,.;)]|$|(?:that|which|who|in|on|at|for|is|are|was|were|will|would|could|have|has"
    r"|had|more|across|under|from|declared|announced|reported|claimed|given|stated|cited"
    r"|notified|officially|near|along|close|inside|within|outside|deployed|stationed)\b)",
    re.I,
)
_COORDINATED = re.compile(r"(?P<adj>\s+[A-Z\u0400-\u042f][\w-]*)?\s+(?:and|or)\s+$")
# "about 3,000 Swedish, 450 French and about 50 British soldiers": an adjective, then a comma
# or "and", before the next number of the list (its hedge, if any, belongs to that number).
_COORDINATED_LIST = re.compile(
    r"\s+[A-Z\u0400-\u042f][\w-]*\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$"
)
# "nearly 1,800 professional; 2,600 conscript; 9,000 reserve and 2,100 allied troops": numbers
# with modifiers only, in a list whose last number has the noun they all share.
_ELLIPTIC_LIST = re.compile(
    rf"(?P<mods>(?:\s+(?:{_MOD})){{1,5}}?)\s*(?:[,;]\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
)
# A State adjective after a part: "of which 2,500 Russian", "2,500 of them Russian".
_PART_ADJ = re.compile(r"(?P<adj>\s+[A-Z\u0400-\u042f][\w-]*)(?=\s*(?:[,.;)]|$|and\b|or\b|—|–))")
_OF_THEM = re.compile(
    # "20,000 of them from Poland"
    r"\s+of\s+(?:them|whom|these|those)(?P<adj>\s+(?:from\s+)?[A-Z\u0400-\u042f][\w-]*)?"
    r"(?=\s*(?:[,.;)]|$|and\b|or\b|—|–|are\b|were\b|will\b|would\b))"
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A number in a sentence and what the figure rules made of it.

    ``quantity`` is None for numbers that count nothing csbm weighs; ``unit`` names the unit
    of a measurement (distance, percentage, ...); ``set_aside`` says why a number with a noun
    is not a figure (vehicles, equipment).
    """

    number: Number
    quantity: Quantity | None
    start: int
    end: int
    item_end: int
    how: str
    qualifier: Qualifier = Qualifier.EXACT
    hedge: qualifiers.Hedge | None = None
    qualifier_reason: str = "a bare number"
    unit: str | None = None
    set_aside: str | None = None
    combined: str | None = None
    mods: str = ""

    @property
    def value(self) -> int | None:
        return None if self.number.is_range else as_count(self.number.value)

    @property
    def low(self) -> int | None:
        return as_count(self.number.value) if self.number.is_range else None

    @property
    def high(self) -> int | None:
        return as_count(self.number.high) if self.number.high is not None else None


def _quantity_of(m: re.Match[str], prefix: str) -> Quantity | None:
    for i, (q, _) in enumerate(_NOUN_SOURCES):
        if m.group(f"{prefix}{i}") is not None:
            return q
    return None


@cache
def _demonyms() -> re.Pattern[str]:
    """Plural demonyms as nouns for people: '12,500 Poles', '3,000 Americans'."""
    words = {
        w
        for extra in demonyms().states.values()
        for w in extra.adjectives
        if w.endswith("s") and w not in ("Swiss",)
    }
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"\s+(?P<dem>{alternatives})\b")


def _unit(text: str, n: Number, limit: int) -> tuple[str, int] | None:
    """The kind of measurement a number is (and where its unit ends), if it is one."""
    if _CURRENCY_BEFORE.search(text[max(0, n.start - 3) : n.start]):
        return "money", n.end
    for reason, rx in _UNIT:
        m = rx.match(text, n.end, limit)
        if m is not None:
            return reason, m.end()
    return None


def read(
    text: str, start: int, end: int, numbers: list[Number], carry: Quantity | None = None
) -> list[Candidate]:
    """What each number in one sentence counts, with its qualifier (hedges spread).

    ``carry`` is the quantity of the last figure in the sentences before, for "Analysts put
    the real number at 75,000" after a sentence about troops.
    """
    out: list[Candidate] = []
    for n in numbers:
        out.append(_forward(text, end, n))
    out = _backward(text, start, out, carry)
    out = _hedges(text, start, end, out)
    return out


def _set_aside(n: Number, end: int, how: str, why: str) -> Candidate:
    """A number with a noun that is no figure csbm weighs, and why."""
    return Candidate(n, None, n.start, end, end, how, set_aside=why)


def _forward(text: str, limit: int, n: Number) -> Candidate:
    unit = _unit(text, n, limit)
    if unit is not None:
        return Candidate(n, None, n.start, unit[1], unit[1], "unit", unit=unit[0])
    comp = _COMPOUND.match(text, n.end, limit)
    if comp is not None:
        compound = _COMPOUND_Q[comp.group("c").lower()]
        return Candidate(
            n, compound, n.start, comp.end(), comp.end(), f"'{comp.group()}' after the number"
        )
    sub = _SUBMARINES.match(text, n.end, limit)
    if sub is not None:
        why = "submarines alone: counted apart from ships, not a ships figure"
        return _set_aside(n, sub.end(), "submarines", why)
    m = _AFTER.match(text, n.end, limit)
    if m is not None and m.group("noun").casefold() == "forces" and n.value < 100:
        m = None  # "the two armed forces": armies, not a count of people
    if (
        m is not None
        and m.group("noun").casefold() == "fighters"
        and not _DESIGNATION.search(m.group("mods") or "")
    ):
        m = None  # "5,000 fighters" of a militia are people; "12 Su-35 fighters" are aircraft
    if m is not None:
        q = _quantity_of(m, "q")
        assert q is not None
        end = m.end("noun")
        combined = None
        if m.group("noun2") is not None:
            q2 = _quantity_of(m, "r")
            end = m.end("noun2")
            if q2 is not None and q2 != q:
                combined = f"{m.group('noun')} and {m.group('noun2')} together"
        origin = _FROM_COUNTRIES.match(text, end, limit)
        cand = Candidate(
            n,
            q,
            n.start,
            end,
            origin.end() if origin is not None else end,
            f"'{m.group('noun')}' after the number",
            combined=combined,
            mods=m.group("mods") or "",
        )
        if m.group("post"):
            hedge = qualifiers.after(text, n.end, limit)
            if hedge is not None:
                cand = replace(cand, hedge=hedge)
        return cand
    dem = _demonyms().match(text, n.end, limit)
    if dem is not None:
        return Candidate(
            n,
            Quantity.TROOPS,
            n.start,
            dem.end(),
            dem.end(),
            f"'{dem.group('dem')}' after the number (people of a State)",
            mods=dem.group(),
        )
    nq = _NON_QUANTITY.match(text, n.end, limit)
    if nq is not None:
        why = "vehicles or equipment: not a quantity csbm weighs"
        return _set_aside(n, nq.end(), "vehicles or equipment", why)
    states = _STATES_COUNT.match(text, n.end, limit)
    if states is not None:
        # "36,000 soldiers of more than 30 nationalities": how many States, not forces
        why = "a count of States or nationalities, not of forces"
        return _set_aside(n, states.end(), "a count of States", why)
    words = _NEXT_WORDS.match(text, n.end, limit)
    item_end = words.end() if words is not None else n.end
    return Candidate(n, None, n.start, n.end, item_end, "no quantity noun")


def _coordinated(text: str, out: list[Candidate]) -> list[Candidate]:
    """ "12.000 Russian and 4.000 Belarusian servicemen", "about 3,000 Swedish, 450 French and
    about 50 British soldiers": a number with no noun takes the noun of the next one in a list
    of State adjectives (from the last number back, so the noun passes along the list)."""
    for i in range(len(out) - 2, -1, -1):
        c, nxt = out[i], out[i + 1]
        if c.quantity is not None or c.unit is not None or c.set_aside is not None:
            continue
        if nxt.quantity is None:
            continue
        n = c.number
        nxt_hedge = qualifiers.before(text, nxt.number.start, n.end)
        gap = text[n.end : nxt_hedge.start if nxt_hedge is not None else nxt.number.start]
        if _COORDINATED.fullmatch(gap) or re.fullmatch(r"\s+(?:[A-Z][\w-]*\s+)?(?:and|or)\s+", gap):
            end = n.end + len(gap.rstrip().rsplit(" ", 1)[0]) if gap.strip() else n.end
        elif (
            _COORDINATED_LIST.fullmatch(gap)
            and _states_adjective(gap)
            and ("shares the noun" in nxt.how or _states_adjective(nxt.mods))
        ):
            word = re.search(r"[A-Z\u0400-\u042f][\w-]*", gap)
            assert word is not None
            end = n.end + word.end()
        elif (m := _ELLIPTIC_LIST.fullmatch(gap)) is not None and _list_shares(gap, nxt):
            end = n.end + len(m.group("mods"))
        else:
            continue
        out[i] = replace(
            c,
            quantity=nxt.quantity,
            end=end,
            item_end=end,
            how=f"shares the noun of '{text[nxt.start : nxt.end]}'",
            mods=gap,
        )
    return out


def _backward(
    text: str, start: int, cands: list[Candidate], carry: Quantity | None
) -> list[Candidate]:
    """Numbers without a noun after them: take it from before, or from the next figure."""
    out = _coordinated(text, list(cands))
    latest: Candidate | None = None  # the last number before this one that counts something
    for i, c in enumerate(out):
        if i > 0 and out[i - 1].quantity is not None:
            latest = out[i - 1]
        if c.quantity is not None or c.unit is not None or c.set_aside is not None:
            continue
        n = c.number
        hedge = qualifiers.before(text, n.start, start)
        lead = hedge.start if hedge is not None else n.start
        window_start = max(start, lead - 160)
        window = text[window_start:lead]
        tail = window[-40:].rstrip().lower()
        last = tail.rsplit(None, 1)[-1] if tail else ""
        prev = latest
        part_of = last.rstrip(",:") in ("whom", "which", "them", "including") and _PART_OF.search(
            tail.rstrip(",:")
        )
        part_adj = _PART_ADJ.match(text, n.end)
        whole_q = prev.quantity if prev is not None else carry
        if part_of and whole_q is not None and (_ELLIPSIS_NEXT.match(text, n.end) or part_adj):
            # "Of them, 2,000 are reservists" opening the next sentence: of the figure before
            whole = f"'{text[prev.start : prev.end]}'" if prev is not None else "the figure before"
            out[i] = replace(
                c,
                quantity=whole_q,
                how=f"part of {whole}",
                mods=part_adj.group("adj") if part_adj is not None else "",
            )
            continue
        sent = _SENT_BARE.search(tail)
        if sent is not None and whole_q is not None and not n.year_like and n.value >= 10:
            # "Latvia sent 500, Riga said", "Another 500 come from Latvia": the count before
            out[i] = replace(c, quantity=whole_q, how=f"'{sent.group().strip()}' before the number")
            continue
        # "12,800 troops (a mere 2,500 of them Russian)": a part named after the number
        # "3.500 of them are Latvian" in the next sentence: of the figure before it
        part_after = _OF_THEM.match(text, n.end)
        near_prev = prev is not None and n.start - prev.end <= 120
        if part_after is not None and (near_prev or (prev is None and carry is not None)):
            whole = f"'{text[prev.start : prev.end]}'" if prev is not None else "the figure before"
            out[i] = replace(
                c,
                quantity=prev.quantity if prev is not None else carry,
                end=part_after.end(),
                item_end=part_after.end(),
                how=f"part of {whole} ('{part_after.group().strip()}')",
                mods=part_after.group("adj") or "",
            )
            continue
        lowered = window.lower()
        number_of = (
            _NUMBER_OF.search(window)
            if any(w in lowered for w in ("number", "total", "strength", "size", "count"))
            else None
        )
        if number_of is not None and any(
            window_start + number_of.end("noun") <= o.number.start < n.start for o in out[:i]
        ):
            number_of = None  # another number stands between the noun and this one
        if number_of is not None:
            q = _quantity_of(number_of, "q")
            if q is not None:
                out[i] = replace(
                    c, quantity=q, how=f"'{number_of.group().strip()}' before the number"
                )
                continue
        number_at = (
            _NUMBER_AT.search(tail)
            if last in ("at", "was", "is", "reached", "reaches", "be", "to")
            else _NUMBER_SUBJECT.search(tail)
            if hedge is not None
            else None
        )
        earlier = prev.quantity if prev is not None else carry
        if number_at is not None and earlier is not None:
            out[i] = replace(
                c, quantity=earlier, how=f"'{number_at.group().strip()}': the figure spoken of"
            )
            continue
        force_of = (
            _FORCE_OF.search(window, max(0, len(window) - 60))
            if last in _FORCE_OF_LAST or tail.endswith(":")
            else None
        )
        if force_of is not None and _COUNTRIES_AFTER.match(text, n.end):
            force_of = None  # "Forces of 24 allied and partner countries": a count of States
        if force_of is not None:
            fq = Quantity.TROOPS if force_of.group("force") else _quantity_of(force_of, "q")
            if fq is not None:
                out[i] = replace(
                    c, quantity=fq, how=f"'{force_of.group().strip()}' before the number"
                )
                continue
        taking_part = _TAKE_PART_AFTER.match(text, n.end)
        if taking_part is not None and not n.year_like and n.value >= _PEOPLE_MIN:
            # "A total of 7,000 take part", "Nearly 7,000 are taking part": people
            out[i] = replace(
                c,
                quantity=Quantity.TROOPS,
                end=taking_part.end(),
                item_end=taking_part.end(),
                how=f"'{taking_part.group().strip()}' after the number: people taking part",
            )
            continue
        near = prev is not None and n.start - prev.end <= 90
        if near and prev is not None and _ELLIPSIS_NEXT.match(text, n.end) and not n.year_like:
            out[i] = replace(
                c, quantity=prev.quantity, how=f"continues '{text[prev.start : prev.end]}'"
            )
    return out


# A bare number that takes part counts people: "A total of 7,000 take part" (not "two take
# part", which are more often States or units).
_TAKE_PART_AFTER = re.compile(
    r"\s+(?:(?:will|would|are|were|have|has|had|also|to|be|been)\s+){0,2}"
    r"(?:tak(?:e|es|ing)\s+part|took\s+part|participat(?:e|es|ed|ing)|involved)\b",
    re.I,
)
_PEOPLE_MIN = 50


# A verb of sending before a number with no noun, or "another": the count spoken of before.
_SENT_BARE = re.compile(
    r"(?:\b(?:sent|sends|sending|deployed|deploys|contributed|contributes|provided|provides"
    r"|brought|brings|dispatched|dispatches)(?:\s+(?:some|about|around|nearly|another"
    r"|a\s+further))?|\b(?:another|a\s+further))$",
    re.I,
)


def _list_shares(gap: str, nxt: Candidate) -> bool:
    """Whether a list item with modifiers only shares the next item's noun: the list is
    separated by semicolons, or the next item also has modifiers before its noun ("1,800
    professional and 2,600 conscript troops"), so that "2,500 Russian, and 300 tanks" stays
    apart."""
    if ";" in gap:
        return True
    return bool(nxt.mods.strip()) or "shares the noun" in nxt.how


def _states_adjective(gap: str) -> bool:
    """Whether the capitalised word in a list gap is a State's adjective ("Swedish")."""
    word = re.search(r"[A-Z\u0400-\u042f][\w-]*", gap)
    if word is None:
        return False
    from csbm.extract.gazetteer import lexicon

    return any(e.kind == "adjective" for m in lexicon().find(word.group()) for e in m.entries)


def _hedges(text: str, start: int, end: int, cands: list[Candidate]) -> list[Candidate]:
    """Qualifier of each number; a hedge before a list spreads to the rest of the list.

    A number inside the previous list item ("50,000 troops from 31 countries") is not an item
    of its own: it neither takes the hedge nor breaks the list.
    """
    out: list[Candidate] = []
    item: Candidate | None = None  # the last list item, for the hedge to spread from
    for c in cands:
        if item is not None and c.number.start < item.item_end:
            out.append(c)
            continue
        hedge = c.hedge or qualifiers.before(text, c.number.start, start)
        if hedge is None:
            hedge = qualifiers.after(text, c.number.end, end) if c.quantity is None else None
        if hedge is not None:
            reason = f"'{hedge.text}'"
            c = replace(
                c,
                hedge=hedge,
                qualifier=hedge.qualifier,
                qualifier_reason=reason,
                start=min(c.start, hedge.start),
            )
        elif (
            item is not None
            and item.qualifier is not Qualifier.EXACT
            and _LIST_GAP.fullmatch(text, item.item_end, c.number.start)
        ):
            first = item.qualifier_reason
            if not first.startswith("hedge"):
                head = text[item.number.start : item.item_end]
                first = f"hedge {first} before '{head}' spreads over the list"
            c = replace(c, qualifier=item.qualifier, qualifier_reason=first)
        out.append(c)
        item = c
    return out


def contingent_adjective(mods: str) -> str | None:
    """The State adjective in a figure's words, for a contingent scope ('Russian')."""
    words = re.findall(r"[A-Z\u0400-\u042f][\w-]*", mods)
    return words[0] if words else None


def decimal_text(value: Decimal) -> str:
    return f"{value:,.0f}" if value == value.to_integral_value() else str(value)


__all__ = ["Candidate", "contingent_adjective", "decimal_text", "read"]
