"""The extraction pipeline: text in, exercises, States, period and figures out.

Two passes over the sentences. The first finds names (exercises, States, places) and picks
the exercise the text is about, because the second needs it: a figure belongs to that
exercise unless its sentence names another one or points elsewhere ("In 1981, ...", "last
year's edition"), a "Feb. 10" takes its year from the publication date or the exercise's
name, and State roles count only in sentences about the activity.

Everything is rule-based and offline; each step is linear in the length of the text (see
:mod:`csbm.extract.text` for the cap on sentence length that keeps it so on hostile input).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

import yaml

from csbm.data import bundled_dossier
from csbm.extract import (
    acts,
    attribution,
    dates,
    exercises,
    figures,
    officials,
    states,
    thresholds,
)
from csbm.extract.gazetteer import (
    Match,
    PlaceMention,
    compass_parts,
    lexicon,
    place_mentions,
    pointless_regions,
    unlisted_places,
)
from csbm.extract.numbers import Spans, find_numbers
from csbm.extract.relevance import has_activity_cue
from csbm.extract.result import (
    Dropped,
    Evidence,
    Extraction,
    Figure,
    PlaceFound,
    ThresholdMention,
    ViennaDocument,
)
from csbm.extract.text import Sentence, clean, split_sentences
from csbm.model.bounds import MAX_FIGURE
from csbm.model.dossier import Qualifier, Quantity

_EXERCISE_WORD = re.compile(
    r"\b(?:exercises?|drills?|manoeuvres|maneuvers|war\s*games|snap\s+(?:check|inspection)s?"
    r"|(?:combat[\s-])?readiness\s+(?:checks?|inspections?)|checks?\s+of\s+(?:combat\s+)?readiness"
    r"|check(?:s|ed|ing)?\s+(?:the\s+)?(?:combat\s+)?readiness|live[\s-]fir(?:e|ing)"
    r"|build-?up|deployments?|massed|massing)\b",
    re.I,
)
# Words for the activity in a sentence that gives its dates: "The check, which runs until ...".
_ACTIVITY_WORD = re.compile(
    r"\b(?:checks?|inspections?|the\s+(?:exercise|drills|manoeuvres)|this\s+year['’]s\s+edition)\b"
    # "the units were ordered to move, and their training lasted until 19 June"
    r"|\b(?:their|its)\s+training\b"
    # "It will be held in many places and last until May 31": the activity as a pronoun
    r"|^(?:It|They)\s+(?:\w+\s+){0,3}?(?:held|runs?|lasts?|ends?|ended|began|begins?|starts?"
    r"|started|takes?\s+place|took\s+place|continues?|continued)\b",
    re.I,
)
_OTHER = re.compile(
    r"\b(?:last\s+year['’]s|last\s+year|previous|a\s+year\s+(?:ago|earlier)"
    r"|the\s+(?:19|20)[0-9]{2}\s+(?:edition|exercise|drills?)|(?:during|in)\s+the\s+Cold\s+War"
    r"|of\s+the\s+same\s+name|predecessor)\b",
    re.I,
)
_OTHER_INDEFINITE = re.compile(
    r"\b(?:(?:a|an|another)\s+(?:separate\s+|earlier\s+|similar\s+|previous\s+)?"
    r"(?:snap\s+(?:check|inspection|exercise)|edition)|another\s+(?:exercise|drill)"
    # "Ukraine started its own ten-day drills", "in a separate exercise"
    r"|(?:its|their)\s+own\s+(?:[\w-]+\s+){0,2}?(?:drills?|exercises?|manoeuvres|maneuvers)"
    r"|(?:a|an)\s+separate\s+(?:[\w-]+\s+){0,2}?(?:drills?|exercises?))\b",
    re.I,
)
# "in 2017", "during 2017", "the one of 2016", "the edition of 2016"
_IN_YEAR = re.compile(
    r"(?:\b(?:[Ii]n|[Dd]uring)\s+(?:the\s+year\s+)?|\b(?:edition|one|version)\s+of\s+)"
    r"(?P<y>(?:19|20)[0-9]{2})\b"
)
_PROCUREMENT = re.compile(
    r"\b(?:order(?:s|ed)?|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|procur(?:e|es|ed|ement)"
    r"|deliver(?:s|ed|y|ies)?|acquir(?:e|es|ed)|export(?:s|ed)?|import(?:s|ed)?)\b",
    re.I,
)
# "80,000 people" counts troops only where the sentence says they take part.
_TAKING_PART = re.compile(
    r"\b(?:tak(?:e|es|ing)\s+part|took\s+part|participa(?:nt|t)\w*|involv\w*|engag\w*|expected"
    r"|mobili[sz]\w*|deploy\w*|exercises?|drills?|manoeuvres|maneuvers|war\s*games)\b",
    re.I,
)
# "Each can have up to 900 personnel", "each of the 13 nations sends 100 troops": a figure
# in the clause after "each" counts one unit or part, not the activity.
_EACH = re.compile(r"\b[Ee]ach\b(?!\s+(?:other|year|day|week|time)\b)[^,;:.()]*$")
_FEW_OFFICERS = re.compile(r"'(?:[\w-]+\s+)*officers'")
# Forces a State will not send or has pulled out: "Finland, with 400 soldiers, has already
# pulled out of the exercise", "it would not send the 400 troops it had planned to".
_WITHDRAWN = re.compile(
    r"\b(?:(?:would|will|did|does|do|could|shall)\s+not|won['’]t|wouldn['’]t|didn['’]t|doesn['’]t"
    r"|don['’]t|no\s+longer)\s+(?:\w+\s+)?(?:send|sending|take\s+part|participate|join|deploy)\b"
    r"|\bpull(?:ed|s|ing)?\s+out\b|\bwithdr[ae]w(?:n|s|ing)?\s+from\b|\bdropped\s+out\b",
    re.I,
)
# Forces a State keeps, not ones an activity uses: "30,000 troops stationed in Belarus
# permanently", "the army has 300,000 soldiers in total", "4 battle groups, together 15,000
# soldiers, stand in Poland"; and losses of a war. Only in a clause that names no activity.
_STANDING = re.compile(
    r"\b(?:stationed|garrison\w*|permanent(?:ly)?|in\s+total|total\s+strength"
    r"|peacetime\s+strength|standing\s+(?:army|force)|on\s+active\s+duty|active-duty"
    r"|(?:an?\s+)?(?:army|armed\s+forces|military)\s+of\s+(?:some\s+|about\s+|around\s+)?\d+"
    r"|(?:build|grow|expand|enlarge|raise|increase)\s+(?:[\w-]+\s+){0,4}?(?:to|of)\s+(?:some\s+"
    r"|about\s+|around\s+)?\d+|(?:keeps?|kept|maintains?|maintained)\s+(?:some\s+|about\s+"
    r"|around\s+|roughly\s+|nearly\s+)?\d+|killed|wounded|casualties|died|dead"
    # a call-up of conscripts is no activity: "will call up 128,000 conscripts aged 18 to 27"
    r"|conscription|call(?:s|ed|ing)?\s+up\s+(?:\S+\s+){0,3}?conscripts|aged\s+\d+)\b",
    re.I,
)
# A value the figure is compared with, of another time: "up from 3,000", "compared with
# 40,000 in March", "grows from 3,000 troops last spring to 5,000" (the 3,000).
_COMPARED = re.compile(
    r"\b(?:(?:up|down)\s+from|compared\s+(?:with|to)|as\s+against|against|versus|vs\.?"
    r"|(?P<from>from))\s+(?:the\s+|some\s+|about\s+|around\s+|roughly\s+)?$",
    re.I,
)
_FROM_TO = re.compile(r"[^.;:!?]{0,60}?\bto\s+(?:about\s+|some\s+|around\s+|nearly\s+)?\d")
_CHANGE_FROM = re.compile(
    r"\b(?:ris(?:e|es|ing)|rose|gr(?:ow|ows|ew|own|owing)|increas\w*|expand\w*|doubl\w*"
    r"|fell|fall(?:s|ing)?|dropp\w*|decreas\w*|reduc\w*|cut|shr[iu]nk\w*)\b[^.;:!?]{0,60}$",
    re.I,
)
# A phase of the activity: its figure is a part when the text gives a larger whole.
_PHASE = re.compile(
    r"\b(?:jump(?:s|ed|ing)?|parachut\w*|air[\s-]?drop\w*|(?:airborne|tactical|amphibious"
    r"|live[\s-]fire)\s+phase|phase\s+at\s+sea|the\s+landing|landed|came\s+ashore)\b",
    re.I,
)
_PHASE_REASON = "in a phase of the activity (a jump, a landing)"
_JOINING = re.compile(r"\b(?:join\w*|train\w*|arriv\w*|rehears\w*)\b", re.I)
_CLAUSE_TURN = re.compile(r";|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b", re.I)


def _clause_of(text: str, s: Sentence, start: int, end: int) -> str:
    """The part of the sentence around text[start:end] between turns ("; ", "but", "while")."""
    lo = s.start
    for m in _CLAUSE_TURN.finditer(text, s.start, start):
        lo = m.end()
    hi = s.end
    m2 = _CLAUSE_TURN.search(text, end, s.end)
    if m2 is not None:
        hi = m2.start()
    return text[lo:hi]


_MAX_MENTIONS = 1000
# A news report has tens of numbers; past this many in one text the rest are not read (and a
# note says so), which bounds the time spent on a hostile or mistaken input such as a table
# dump. Split archives into one text per article.
MAX_NUMBERS = 20_000
# Share of undecodable (U+FFFD) or control characters above which the input is not text.
_NOT_TEXT_SHARE = 0.10
_NOT_TEXT = re.compile(r"[\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NO_ACTIVITY_NOTE = (
    "the text names no exercise or military activity (no activity word, no exercise name): "
    "it was not read further, so no figures, dates, States or places are listed"
)
_SET_ASIDE_UNITS = ("distance", "percentage", "money", "weight", "calibre", "duration")


@dataclass
class _SentenceInfo:
    sentence: Sentence
    matches: list[Match]
    exercise_mentions: list[exercises.ExerciseMention]
    state_mentions: list[states.StateMention]
    place_matches: list[PlaceMention]
    dates: list[dates.DateMention] = field(default_factory=list)
    candidates: list[figures.Candidate] = field(default_factory=list)
    speakers: list[attribution.Speaker] = field(default_factory=list)
    other_cue: str | None = None
    # Where the words about another activity begin to govern: what comes before the clause
    # holding the cue ("12,800 troops, up from 12,700 in 2017") is about the reported one.
    other_from: int = 0
    names_main: bool = False


def extract(
    text: str,
    *,
    published: date | None = None,
    url: str | None = None,
    read_all: bool = False,
) -> Extraction:
    """Read one text: exercises, States and roles, period, figures, places, thresholds.

    ``published`` anchors relative dates ("on Thursday") and years left out ("Feb. 10-20");
    without it such dates stay unresolved, with the reason. ``url`` is recorded only.

    A text with no cue of a military activity (:mod:`csbm.extract.relevance`) could give
    no exercise and no claim, and is read no further (a note says so); ``read_all`` reads it
    anyway, sentence by sentence, as the tests of that gate do.
    """
    text = clean(text)
    odd = _odd_share(text)
    if odd > _NOT_TEXT_SHARE:
        return _empty(
            text,
            published,
            url,
            f"the input does not look like text ({odd:.0%} undecodable or control characters): "
            "nothing was read",
        )
    if not read_all and not has_activity_cue(text):
        return _empty(text, published, url, NO_ACTIVITY_NOTE)
    lex = lexicon()
    infos: list[_SentenceInfo] = []
    all_mentions: list[exercises.ExerciseMention] = []
    for s in split_sentences(text):
        matches = lex.find(text, s.start, s.end, on=published)
        ex = exercises.mentions_in(text, matches, s.start, s.end)
        taken = Spans([(m.start, m.end) for m in ex])
        outside = [m for m in matches if not taken.overlaps(m.start, m.start + 1)]
        infos.append(
            _SentenceInfo(
                s,
                matches,
                ex,
                states.mentions_from(outside, text),
                place_mentions(text, s.start, s.end, outside),
            )
        )
        all_mentions.extend(ex)
    all_mentions = _named_again(text, infos, all_mentions)
    found = exercises.collect(all_mentions, published)
    main = next((x for x in found if x.main), None)
    name_of: dict[int, str] = {}
    for x in found:
        for m in x.mentions:
            name_of[m.start] = x.name
        if len(x.mentions) > _MAX_MENTIONS:
            x.reasons.append(f"named {len(x.mentions)} times; the first {_MAX_MENTIONS} are listed")
    doc_activity = bool(found) or any(_EXERCISE_WORD.search(i.sentence.text) for i in infos)
    main_year = main.year if main is not None else None
    # The year written in the exercise's name, not one it took from the publication date.
    name_year = main_year if main is not None and any(m.year for m in main.mentions) else None

    carry = None
    budget = MAX_NUMBERS
    for info in infos:
        s = info.sentence
        info.dates = dates.find_dates(text, s.start, s.end, published, main_year, name_year)
        info.names_main = main is not None and any(
            name_of.get(m.start) == main.name for m in info.exercise_mentions
        )
        info.other_cue, info.other_from = _other_cue(s.text, main, published)
        info.other_from += s.start
        masked = [(m.start, m.end) for m in info.exercise_mentions] + [
            (d.start, d.end) for d in info.dates
        ]
        numbers = find_numbers(text, s.start, s.end, masked) if budget > 0 else []
        budget -= len(numbers)
        info.candidates = figures.read(text, s.start, s.end, numbers, carry)
        counted = [c.quantity for c in info.candidates if c.quantity is not None]
        carry = counted[-1] if counted else carry

    if doc_activity:
        _read_speakers(text, infos, published)
    figs: list[Figure] = []
    held: list[ThresholdMention] = []
    dropped: list[Dropped] = []
    previous: _SentenceInfo | None = None
    voices: Counter[str] = Counter()
    lead = _lead_voice(infos)
    heading = _heading_voice(text, infos) if lead is None else None
    for info in infos:
        carried = (
            _carried(text, previous, info)
            or _one_voice(info, voices, lead)
            or _heading_voice_for(info, voices, heading)
        )
        _figures_of(text, info, main, name_of, doc_activity, figs, held, dropped, carried)
        voices.update(_norm(sp.who) for sp in info.speakers)
        previous = info
    merged = _parts_in_phases(_merge(figs), dropped)

    cues: list[states.RoleCue] = []
    all_state_mentions: list[states.StateMention] = []
    for info in infos:
        if _in_link_line(text, info.sentence.start):
            continue  # "Read more: Ukraine says ...": another page's headline
        all_state_mentions.extend(info.state_mentions)
        if doc_activity:
            cues.extend(_role_cues(text, info, main, name_of))
    main_name = main.name if main is not None else None
    for f in merged:
        if f.contingent is not None and f.exercise == main_name:
            cues.append(
                states.RoleCue(
                    f.contingent,
                    "participant",
                    f.evidence.start,
                    f.evidence.end,
                    f"its contingent is counted: '{f.evidence.text}'",
                )
            )
    state_results = states.combine(all_state_mentions, cues)
    _host_organs(merged, state_results, all_state_mentions)
    acts_found = acts.find(
        text,
        [
            acts.SentenceView(
                i.sentence.start,
                i.sentence.end,
                i.state_mentions,
                i.dates,
                i.other_cue is not None and not i.names_main,
            )
            for i in infos
        ],
        _acting_hosts(state_results),
    )

    period_dates = [
        d
        for info in infos
        for d in _activity_dates(info, main)
        if d.role in ("start", "end", "range") and not _of_another(text, info, d, main, name_of)
    ]
    # Days the sentences naming the exercise give come first: "Caucasus-2016 began on 5
    # September and runs until September 10" over "a readiness check from 25 to 31 August".
    named_dates = [
        d
        for info in infos
        if info.names_main
        for d in info.dates
        if d.role in ("start", "end", "range") and not _of_another(text, info, d, main, name_of)
    ]
    # A period with both ends from those sentences, else the whole text's (where a range
    # wins), else what those sentences give.
    named = dates.choose_period(named_dates, main_name) if named_dates else None
    period = dates.choose_period(period_dates, main_name) if period_dates else None

    def ends(p: dates.Period | None) -> int:
        return 0 if p is None else (p.start is not None) + (p.end is not None)

    if ends(named) == 2 or (ends(named) == 1 and (ends(period) < 2 or _disagree(named, period))):
        period = named
    # a phase named in a sentence of its own ("The second phase runs from 7 May to 13 May")
    # is the activity's unless the sentence is about another one
    phase_dates = [
        d for i in infos for d in (_activity_dates(i, main) if i.other_cue is not None else i.dates)
    ]
    period = _with_phases(period, phase_dates, main_name, text)

    vd_spans: list[tuple[int, int]] = []
    for info in infos:
        vd_spans.extend(thresholds.mentions_document(text, info.sentence.start, info.sentence.end))
    notes = []
    if budget <= 0:
        notes.append(
            f"more than {MAX_NUMBERS:,} numbers in one text: the numbers after that were not "
            "read (split archives into one text per article)"
        )
    all_dates = [d for info in infos for d in info.dates]
    for label, items in (("date mentions", all_dates), ("numbers set aside", dropped)):
        if len(items) > _MAX_MENTIONS:
            notes.append(f"{len(items):,} {label}: the first {_MAX_MENTIONS:,} are listed")
    if published is None:
        notes.append("no publication date given: relative dates and years left out stay unresolved")
    if not doc_activity:
        notes.append("the text names no exercise or military activity: no figures are claims")
    return Extraction(
        text=text,
        url=url,
        published=published,
        exercises=found,
        states=state_results,
        period=period,
        dates=all_dates[:_MAX_MENTIONS],
        figures=merged,
        locations=_locations(infos),
        vienna_document=ViennaDocument(bool(vd_spans), vd_spans[:_MAX_MENTIONS], held),
        dropped=dropped[:_MAX_MENTIONS],
        notes=notes,
        acts=acts_found[:_MAX_MENTIONS],
    )


# A line that links to other pages ("Read more: ...", "Related: ...", "See also ..."): page
# debris, whose States are not the text's.
_LINK_LINE = re.compile(
    r"[ \t]*(?:read\s+more|read\s+also|also\s+read|related(?:\s+(?:articles?|stories|news))?"
    r"|see\s+also|more\s+on\s+this|recommended|most\s+read|you\s+may\s+also\s+like)\b\s*[:|\-–]",
    re.I,
)


def _in_link_line(text: str, pos: int) -> bool:
    return _LINK_LINE.match(text, text.rfind("\n", 0, pos) + 1) is not None


def _acting_hosts(found: list[states.StateResult]) -> list[str]:
    """The States whose acts an agentless act is ("observers were invited", "it notified the
    OSCE"): the hosts, or, where the text names none, the one State taking part, or the one
    State the text names."""
    hosts = [r.code for r in found if "host" in r.roles]
    if hosts:
        return hosts
    taking_part = [r.code for r in found if "participant" in r.roles]
    if len(taking_part) == 1:
        return taking_part
    # (a text that names one State only: "Anakonda, notified to the OSCE in March, opened
    # on Monday, the Polish command said")
    return [found[0].code] if len(found) == 1 else []


def _named_again(
    text: str, infos: list[_SentenceInfo], mentions: list[exercises.ExerciseMention]
) -> list[exercises.ExerciseMention]:
    """An unknown exercise named with its year ("Nordic Response 2024") is the same exercise
    where the text names it again without the year ("Nordic Response, with 20,000 troops")."""
    bases: dict[str, tuple[str, int] | None] = {}
    for m in mentions:
        if m.series is None and m.year is not None:
            base = m.name.rsplit(" ", 1)[0]
            if len(base) < 4:
                continue
            seen = bases.get(base, (m.name, m.year))
            bases[base] = seen if seen == (m.name, m.year) else None  # two editions: unsure
    known = {b: v for b, v in bases.items() if v is not None}
    if not known:
        return mentions
    rx = re.compile(
        r"(?<![\w-])(?P<base>"
        + "|".join(re.escape(b) for b in sorted(known, key=len, reverse=True))
        + r")(?:[\s-](?P<y>(?:19|20)[0-9]{2})\b(?![,.][0-9]))?(?![\w-]|\s+(?:19|20)?[0-9]{2}\b)"
    )
    out = list(mentions)
    for info in infos:
        s = info.sentence
        added = False
        for hit in rx.finditer(text, s.start, s.end):
            a, b = hit.span()
            if any(e.start < b and a < e.end for e in info.exercise_mentions):
                continue
            name, year = known[hit.group("base")]
            other = hit.group("y")
            if other is not None:
                # another edition of the same name: "Joint Efforts 2020, last year's exercise"
                year = exercises.full_year(other)
                name = f"{hit.group('base')} {year}"
            mention = exercises.ExerciseMention(
                name, None, year, a, b, hit.group(), "named again without its year"
            )
            info.exercise_mentions.append(mention)
            out.append(mention)
            added = True
        if added:
            info.exercise_mentions.sort(key=lambda e: e.start)
    out.sort(key=lambda e: e.start)
    return out


def _odd_share(text: str) -> float:
    """Share of undecodable or control characters, from a sample of up to 1 MB."""
    sample = text[:1_000_000]
    if not sample:
        return 0.0
    return sum(1 for _ in _NOT_TEXT.finditer(sample)) / len(sample)


def _empty(text: str, published: date | None, url: str | None, note: str) -> Extraction:
    return Extraction(
        text=text,
        url=url,
        published=published,
        exercises=[],
        states=[],
        period=None,
        dates=[],
        figures=[],
        locations=[],
        vienna_document=ViennaDocument(False),
        dropped=[],
        notes=[note],
    )


_TITLE_OWNER = re.compile(
    r"^(ministry|department|agency|military|army|command|alliance|government|staff)['’]s\b",
    re.I,
)


def _fold(name: str) -> str:
    """Case and accents folded: "Linkevičius" is "Linkevicius" spelt without the caron."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


def _fuller(cue: attribution.Speaker, named: list[attribution.Speaker]) -> attribution.Speaker:
    """A short form of a speaker named more fully before: "Shoigu" after "Russian Defence
    Minister Sergei Shoigu", "the Defense Ministry" after "the Russian Defense Ministry"."""
    key = re.compile(rf"\b{re.escape(_fold(cue.who))}\b")
    for n in reversed(named):
        if n.person != cue.person or len(n.phrase) <= len(cue.phrase):
            continue
        if key.search(_fold(n.phrase)):
            return replace(
                cue,
                who=n.who,
                phrase=n.phrase,
                declared_by=n.declared_by,
                how=f"{cue.how}; '{cue.who}' is {n.who}, named before",
            )
    return cue


def _read_speakers(text: str, infos: list[_SentenceInfo], published: date | None) -> None:
    """Every sentence's speakers, with pronouns and titles ("he said", "the ministry said",
    "according to the statement") resolved to the speaker named last before them; a person
    with no State in the words is looked up among the listed office holders (on the
    publication date: the offices held then decide)."""
    named: list[attribution.Speaker] = []
    # Speakers serve figures: none are read after the last sentence with one (those could
    # only name speakers for later figures), and none in a text without figures.
    last = max((i for i, info in enumerate(infos) if info.candidates), default=-1)
    if last >= 0:
        last += _QUOTE_REACH  # a quotation's speaker may be named a few sentences on
    for info in infos[: last + 1]:
        s = info.sentence
        out: list[attribution.Speaker] = []
        for cue in attribution.speakers(text, s.start, s.end):
            cue = _office_holder(cue, published)
            if cue.anaphor is None:
                # "the ministry's press release says": the ministry named before
                title = _TITLE_OWNER.match(cue.phrase)
                if title is not None:
                    anaphor = replace(cue, anaphor=f"the {title.group(1).casefold()}")
                    cue = attribution.resolve(anaphor, named) or cue
                elif cue.declared_by is None:
                    cue = _fuller(cue, named)
                out.append(cue)
                named.append(cue)
                continue
            sp = attribution.resolve(cue, named) or attribution.literal(cue)
            if sp is not None:
                out.append(sp)
        # An office opening the sentence, for an "it said" in a later sentence.
        subject = attribution.opening_subject(text, s.start, s.end)
        if subject is not None and not subject.person and not out:
            named.append(subject)
        # People named with a title, for a "he said" in a later sentence (not speakers here).
        named.extend(
            _office_holder(p, published)
            for p in attribution.persons(text, s.start, s.end)
            # not one this sentence's speakers name already (with the State their words give)
            if not any(p.start <= c.start < p.end or c.who == p.who for c in out)
        )
        info.speakers = out
    _quoted_speakers(text, infos[: last + 1])


# A national organ or office named without its State ("the defence ministry", "defence
# minister Kristof Szalay-Bobrovniczky", "the General Staff"); not the alliance's or a union's.
_NATIONAL_ORGAN = re.compile(
    r"\b(?:ministry\s+of\s+(?:defen[cs]e|foreign\s+affairs)|(?:defen[cs]e|foreign)\s+ministry"
    r"|(?:defen[cs]e|foreign)\s+minister|minister\s+of\s+(?:defen[cs]e|foreign\s+affairs)"
    r"|general\s+staff|chief\s+of\s+(?:the\s+)?(?:general\s+|defen[cs]e\s+)staff|MoD|MFA"
    r"|armed\s+forces|defen[cs]e\s+forces|ministry|military|army|navy|air\s+force)\b",
    re.I,
)
_NOT_NATIONAL = re.compile(
    r"\b(?:NATO|alliance|allied|EU|European|OSCE|UN|United\s+Nations|CSTO|SHAPE)\b", re.I
)


def _host_organs(
    figs: list[Figure], found: list[states.StateResult], mentions: list[states.StateMention]
) -> None:
    """A figure from a national organ that names no State ("the defence ministry said") is
    the organ of a State that takes part in or hosts the activity: the last such State named
    within a few hundred characters before the organ, else the text's one host State; the
    reasons say so. Otherwise it stays without a State."""
    taking_part = {r.code for r in found if {"host", "participant"} & set(r.roles)}
    hosts = [r.code for r in found if "host" in r.roles]
    for f in figs:
        cue = f.attribution
        if f.declared_by is not None or cue is None:
            continue
        if _NATIONAL_ORGAN.search(cue.text) is None or _NOT_NATIONAL.search(cue.text):
            continue
        before = [
            m
            for m in mentions
            if cue.start - _ORGAN_REACH <= m.start < cue.start
            and len(m.codes) == 1
            and m.codes[0] in taking_part
        ]
        if before:
            m = max(before, key=lambda m: m.start)
            code, why = m.codes[0], f"the State named before it ('{m.text}')"
        elif len(hosts) == 1:
            code, why = hosts[0], "the one host State"
        else:
            continue
        f.declared_by = code
        f.reasons.append(f"'{cue.text}' names no State: read as {code}'s, {why}")


_ORGAN_REACH = 400


def _office_holder(cue: attribution.Speaker, published: date | None) -> attribution.Speaker:
    """A named person's State from the officials list ("Lukashenko said"), with the office in
    the reason; a person the list does not know, or whose State it cannot tell, keeps none."""
    if not cue.person or cue.declared_by is not None:
        return cue
    found = officials.state_of(cue.phrase, published)
    if found is None or found[0] is None:
        return cue
    state, person = found
    return replace(cue, declared_by=state, how=f"{cue.how}; {person.name} spoke for {state}")


_QUOTE_REACH = 4
_OPEN_QUOTE = re.compile(r"^\s*[“\"]")
_CLOSE_QUOTE = re.compile(r"[”\"]")


def _quoted_speakers(text: str, infos: list[_SentenceInfo]) -> None:
    """A quotation of several sentences names its speaker after it closes: '"... at least
    30 thousand soldiers. This must stop," Linkevicius said.' The sentences inside take the
    speaker named right after the closing quotation mark."""
    i = 0
    while i < len(infos):
        s = infos[i].sentence
        quotes = _CLOSE_QUOTE.findall(s.text)
        if not _OPEN_QUOTE.match(s.text) or len(quotes) != 1:
            i += 1
            continue  # no quotation opens here and runs on
        j = i + 1
        while (
            j < len(infos)
            and j <= i + _QUOTE_REACH
            and not _CLOSE_QUOTE.search(infos[j].sentence.text)
        ):
            j += 1
        if j >= len(infos) or j > i + _QUOTE_REACH:
            i += 1
            continue
        closing = infos[j]
        close = _CLOSE_QUOTE.search(text, closing.sentence.start, closing.sentence.end)
        after = [
            sp for sp in closing.speakers if close is not None and 0 <= sp.start - close.end() <= 4
        ]
        if after:
            sp = after[0]
            for k in range(i, j):
                if not infos[k].speakers:
                    infos[k].speakers = [replace(sp, how=f"{sp.how}, after the quotation")]
        i = j + 1


_IMPERSONAL = re.compile(
    r"\bit\s+(?:became|has\s+become|was|is|has\s+been)\s+(?:known|reported|announced|learned"
    r"|learnt)\b|\breportedly\b",
    re.I,
)


def _carried(
    text: str, previous: _SentenceInfo | None, info: _SentenceInfo
) -> attribution.Speaker | None:
    """The speaker a sentence with none of its own takes from the sentence before it, in the
    same paragraph or the line before: "..., the Russian Defense Ministry said on Tuesday.
    Altogether 128,000 troops ..." (the last speaker there, who is also the one nearest)."""
    if previous is None or info.speakers or not previous.speakers:
        return None
    if _IMPERSONAL.search(info.sentence.text):
        return None  # "it became known that ...": a source of its own, unnamed
    if text.count("\n", previous.sentence.end, info.sentence.start) > 1:
        return None  # a blank line: a new paragraph (one line may be one short paragraph)
    last = previous.speakers[-1]
    return replace(last, how=f"{last.how}, in the sentence before")


# What opens the clause that holds a cue of another activity: "..., up from 12,700 in 2017",
# "...; in 2017 it had 10,000", "... than in 2017".
_CLAUSE_OPEN = re.compile(
    r"[;(—–]|,(?=\s)|\b(?:but|while|whereas|than|compared|up\s+from|down\s+from|against|versus)\b",
    re.I,
)


_LEAD_END = re.compile(r"[.!?][\"”’')]*\s*$")


def _lead_voice(infos: list[_SentenceInfo]) -> tuple[attribution.Speaker, bool] | None:
    """The source a wire item or a release names at the end of its lead ("A large joint
    exercise ... is getting under way, the Russian Defense Ministry said on Tuesday."): the
    lead is the first full sentence (eight words or more, a full stop, headlines and bylines
    passed over) about an activity, and the speaker must close it, after what it says. With
    it, whether the lead gives a figure of its own."""
    for info in infos:
        s = info.sentence
        if len(s.text.split()) < 8 or not _LEAD_END.search(s.text):
            continue
        about = (
            info.exercise_mentions
            or _EXERCISE_WORD.search(s.text)
            or any(c.quantity is not None for c in info.candidates)
        )
        if not about:
            continue
        if not info.speakers:
            return None
        sp = info.speakers[-1]
        if sp.start - s.start < len(s.text) // 2 or any(
            c.quantity is not None and c.start < s.start for c in info.candidates
        ):
            return None  # "Belarus says it wants ...": the speaker opens the sentence
        return sp, any(c.quantity is not None for c in info.candidates)
    return None


def _one_voice(
    info: _SentenceInfo, voices: Counter[str], lead: tuple[attribution.Speaker, bool] | None
) -> attribution.Speaker | None:
    """The lead's source, for a later sentence with no speaker of its own while no other
    speaker has been named: a wire item names its source once and gives the figures in later
    paragraphs without repeating it. A lead that attributes a figure of its own ("... with
    about 90,000 troops, General Cavoli said") attributes that figure, not the whole text,
    unless the text cites the same source again ("According to the ministry, ...")."""
    if lead is None or info.speakers or _IMPERSONAL.search(info.sentence.text):
        return None
    sp, own_figure = lead
    who = _norm(sp.who)
    if set(voices) != {who} or (own_figure and voices[who] < 2):
        return None
    return replace(sp, how=f"{sp.how}; the source the lead names, and no other since")


def _heading_voice(text: str, infos: list[_SentenceInfo]) -> attribution.Speaker | None:
    """The author a statement's heading names, among the text's first three sentences (page
    debris and a repeated headline come first on many pages)."""
    for info in infos[:3]:
        sp = attribution.heading_voice(text, info.sentence.start, info.sentence.end)
        if sp is not None:
            return sp
    return None


def _heading_voice_for(
    info: _SentenceInfo, voices: Counter[str], heading: attribution.Speaker | None
) -> attribution.Speaker | None:
    """A statement's author, for a sentence with no speaker of its own while no other speaker
    has been named: a ministry's comment gives its figures in its own voice."""
    if heading is None or info.speakers or _IMPERSONAL.search(info.sentence.text):
        return None
    if set(voices) - {_norm(heading.who)}:
        return None
    return replace(heading, how=f"{heading.how}; no other speaker named since")


def _other_cue(
    sentence: str, main: exercises.Exercise | None, published: date | None
) -> tuple[str | None, int]:
    """Words saying the sentence is about another activity ('In 1981', 'last year's'), and
    where the clause holding them opens (offset in the sentence; 0 when it is the first)."""
    m = _OTHER.search(sentence)
    if m is None and main is not None:
        m = _OTHER_INDEFINITE.search(sentence)
    if m is None and main is not None:
        m = _foreign_activity(sentence, main)
    if m is None:
        for y in _IN_YEAR.finditer(sentence):
            year = int(y.group("y"))
            if main is not None and main.year == year:
                continue
            if published is not None and published.year == year:
                continue
            if main is None and published is None:
                continue
            m = y
            break
    if m is None:
        return None, 0
    opens = [o.start() for o in _CLAUSE_OPEN.finditer(sentence, 0, m.start())]
    return m.group(), (opens[-1] if opens else 0)


# "the Russian manoeuvres", "the Belarusian war games": an activity by its State's adjective
_BY_ADJECTIVE = re.compile(
    r"\b[Tt]he\s+(?P<adj>[A-Z][a-z]+)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:exercises?|drills?|manoeuvres|maneuvers|war\s+games)\b"
)


@functools.cache
def _conducting(activity_id: str) -> frozenset[str]:
    """The conducting States the bundled record of an activity gives (none if unknown)."""
    path = bundled_dossier(activity_id)
    if path is None:
        return frozenset()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return frozenset((data.get("activity") or {}).get("conducting_states") or ())


def _foreign_activity(sentence: str, main: exercises.Exercise) -> re.Match[str] | None:
    """An activity named by the adjective of a State that does not conduct the reported one
    ("NATO generals say Aurora is no answer to the Russian exercises that start on
    Thursday", in a text on a Swedish exercise): its dates are not the period."""
    if main.activity_id is None:
        return None
    own = _conducting(main.activity_id)
    if not own:
        return None
    for m in _BY_ADJECTIVE.finditer(sentence):
        codes = {
            c
            for x in lexicon().find(m.group("adj"))
            if x.start == 0 and x.end == len(m.group("adj"))
            for e in x.entries
            if e.kind == "adjective"
            for c in e.codes
        }
        if codes and not codes & own:
            return m
    return None


def _about_activity(info: _SentenceInfo, main: exercises.Exercise | None) -> bool:
    """Whether the dates in a sentence can be the reported activity's."""
    if info.names_main:
        return True
    if any(m.year is not None for m in info.exercise_mentions):
        return False  # names another edition: "Zapad-2017 ran from 14 to 20 September"
    if info.other_cue is not None:
        return False
    text = info.sentence.text
    return bool(_EXERCISE_WORD.search(text) or _ACTIVITY_WORD.search(text) or info.candidates)


_WHICH = re.compile(r"\s*(?:\([^)]*\))?\s*,\s*(?:which|that)\b[^,;]*")


def _of_another(
    text: str,
    info: _SentenceInfo,
    d: dates.DateMention,
    main: exercises.Exercise | None,
    name_of: dict[int, str],
) -> bool:
    """Whether the date is in a relative clause on another exercise named just before it:
    "It follows Exercise Iron Wolf, which ended on 5 May"."""
    if main is None:
        return False
    return any(
        m.end <= d.start
        and name_of.get(m.start) != main.name
        and _WHICH.fullmatch(text, m.end, d.start) is not None
        for m in info.exercise_mentions
    )


def _disagree(named: dates.Period | None, other: dates.Period | None) -> bool:
    """Whether the whole text's period contradicts the day the sentences naming the
    exercise give: "X began on Monday" and, later, "Russia held its own snap check from 2 to
    5 May" (a range that ends before X starts, or starts after X ends, is another
    activity's). A range after a named start is not: that start may be a preparation's
    ("On August 25, snap exercises began to prepare for X. Held on September 5-10, ...")."""
    if named is None or other is None or other.start is None or other.end is None:
        return False
    if named.start is not None and named.start > other.end:
        return True
    return named.end is not None and named.end < other.start


def _activity_dates(
    info: _SentenceInfo, main: exercises.Exercise | None
) -> list[dates.DateMention]:
    """The sentence's dates that can be the reported activity's: all of them when the
    sentence is about it, else those of a part between semicolons that is ("The exercise
    started on Monday; the 2020 edition was called off")."""
    if _about_activity(info, main):
        return info.dates
    s = info.sentence
    head = _head_dates(info)
    if head:
        return head
    if not info.dates or ";" not in s.text:
        return []
    out: list[dates.DateMention] = []
    lo = s.start
    for part in s.text.split(";"):
        hi = lo + len(part)
        inside = [d for d in info.dates if lo <= d.start < hi]
        other = any(lo <= m.start < hi and m.year is not None for m in info.exercise_mentions)
        cue = info.other_cue is not None and info.other_cue in part
        if inside and not other and not cue and _EXERCISE_WORD.search(part):
            out.extend(inside)
        lo = hi + 1
    return out


_COUNTS = {"two": "second", "three": "third", "four": "fourth", "five": "fifth"}
_N_PHASES = re.compile(r"\b(?P<n>two|three|four|five)\s+(?:phases|stages)\b", re.I)


def _last_phase(text: str, d: dates.DateMention) -> bool:
    """Whether a phase's range is the last phase by the text's own words: "the final phase
    runs from ...", or "in two phases: ..., and the second will then run from ..."."""
    before = text[max(0, d.start - 80) : d.start]
    if re.search(r"\b(?:final|last|closing|concluding)\s+(?:phase|stage)\b", before, re.I):
        return True
    count = None
    for m in _N_PHASES.finditer(text, max(0, d.start - 300), d.start):
        count = m.group("n").lower()
    return (
        count is not None
        and re.search(rf"\b(?:the\s+){_COUNTS[count]}\b", before, re.I) is not None
    )


def _phase_range(d: dates.DateMention) -> bool:
    """A phase dated from one day to another (not a single day, not a month)."""
    return (
        d.role == "phase"
        and d.precision == "day"
        and d.first is not None
        and d.last is not None
        and d.first != d.last
    )


def _with_phases(
    period: dates.Period | None,
    candidates: list[dates.DateMention],
    exercise: str | None,
    text: str = "",
) -> dates.Period | None:
    """An end the text leaves out, from the activity's phases: a text that gives the phases'
    ranges ("the second phase runs from 7 May to 13 May") has the activity end with the last
    of them. A start is never taken from a phase (the first phase the text dates need not
    be the first), nor an end from a phase's single day. With no start, only a phase the
    text calls the last ("the final phase", "the second" of "two phases") ends it."""
    if (period is None or period.start is None) and (period is None or period.end is None):
        final = [d for d in candidates if _phase_range(d) and _last_phase(text, d)]
        if not final:
            return period
        d = final[-1]
        reason = f"'{d.text}': the end of the last phase, as the text says ({d.reason})"
        if period is None:
            return dates.Period(exercise, None, d.last, "no start date in the text", reason, (d,))
        return replace(period, end=d.last, end_reason=reason, evidence=(*period.evidence, d))
    if period is None or period.start is None or period.end is not None:
        return period
    ranges = [
        d for d in candidates if _phase_range(d) and d.last is not None and d.last >= period.start
    ]
    if not ranges:
        return period
    last = max(ranges, key=lambda d: d.last or date.min)
    reason = f"'{last.text}': the end of the last phase the text dates ({last.reason})"
    return replace(period, end=last.last, end_reason=reason, evidence=(*period.evidence, last))


def _head_dates(info: _SentenceInfo) -> list[dates.DateMention]:
    """The dates before the clause about another activity, when that first part is about an
    activity: "The drills begin on 10 September, a week later than in 2017"."""
    s = info.sentence
    if info.other_cue is None or info.other_from <= s.start:
        return []
    if any(m.year is not None and m.start < info.other_from for m in info.exercise_mentions):
        return []
    head = [d for d in info.dates if d.end <= info.other_from]
    part = s.text[: info.other_from - s.start]
    if head and (_EXERCISE_WORD.search(part) or _ACTIVITY_WORD.search(part)):
        return head
    return []


def _bound_exercise(info: _SentenceInfo, pos: int, name_of: dict[int, str]) -> str | None:
    """The exercise named nearest before pos in the sentence (else the first after it)."""
    before = [m for m in info.exercise_mentions if m.start < pos]
    if before:
        return name_of.get(before[-1].start)
    after = [m for m in info.exercise_mentions if m.start >= pos]
    return name_of.get(after[0].start) if after else None


def _figures_of(
    text: str,
    info: _SentenceInfo,
    main: exercises.Exercise | None,
    name_of: dict[int, str],
    doc_activity: bool,
    figs: list[Figure],
    held: list[ThresholdMention],
    dropped: list[Dropped],
    carried: attribution.Speaker | None = None,
) -> None:
    s = info.sentence
    if not any(c.quantity is not None or c.set_aside or c.unit for c in info.candidates):
        return
    speakers = info.speakers
    procurement = _PROCUREMENT.search(s.text) is not None and not (
        info.exercise_mentions or _EXERCISE_WORD.search(s.text)
    )
    previous: list[tuple[figures.Candidate, Figure | None]] = []
    obligation = any(c.quantity is not None for c in info.candidates) and (
        thresholds.speaks_of_obligation(text, s.start, s.end)
    )
    for c in info.candidates:
        span = text[c.start : c.end]
        if c.unit is not None:
            if c.unit in _SET_ASIDE_UNITS and not c.number.year_like:
                what = "an amount of money" if c.unit == "money" else f"a {c.unit}"
                dropped.append(Dropped(span, c.start, c.end, f"{what}, not a count of forces"))
            continue
        if c.set_aside is not None:
            dropped.append(Dropped(span, c.start, c.end, c.set_aside))
            continue
        if c.quantity is None:
            continue
        if c.value is None and (c.low is None or c.high is None):
            dropped.append(Dropped(span, c.start, c.end, "not a whole number"))
            continue
        if any(f is not None and f > MAX_FIGURE for f in (c.value, c.low, c.high)):
            # a dossier refuses it (csbm.model.bounds): no exercise involves that many
            ceiling = f"above {MAX_FIGURE:,}, the most csbm accepts for a figure"
            dropped.append(Dropped(span, c.start, c.end, ceiling))
            continue
        if not doc_activity:
            dropped.append(
                Dropped(span, c.start, c.end, "the text names no exercise or military activity")
            )
            continue
        if c.how.startswith("'people'") and not _TAKING_PART.search(s.text):
            dropped.append(
                Dropped(span, c.start, c.end, "people, not said to take part in an activity")
            )
            continue
        if procurement:
            dropped.append(
                Dropped(span, c.start, c.end, "procurement or delivery, not an activity")
            )
            continue
        value = c.value if c.value is not None else c.high
        why = thresholds.is_threshold(
            text, s.start, s.end, c.start, c.end, c.quantity, value, obligation
        )
        if why is not None and value is not None:
            held.append(ThresholdMention(c.quantity, value, Evidence(span, c.start, c.end), why))
            previous.append((c, None))
            continue
        if (
            c.quantity is Quantity.TROOPS
            and value is not None
            and value < 20
            and (_FEW_OFFICERS.search(c.how))
        ):
            dropped.append(
                Dropped(
                    span, c.start, c.end, "a few officers: a delegation or observers, not forces"
                )
            )
            continue
        if _WITHDRAWN.search(_clause_of(text, s, c.start, c.end)):
            dropped.append(
                Dropped(span, c.start, c.end, "forces said not to take part (not sent, pulled out)")
            )
            continue
        clause = _clause_of(text, s, c.start, c.end)
        if (
            _STANDING.search(clause)
            and not _TAKING_PART.search(clause)
            and not _JOINING.search(clause)
            and not _EXERCISE_WORD.search(clause)
            and not any(s.start <= m.start < s.end for m in info.exercise_mentions)
        ):
            dropped.append(
                Dropped(span, c.start, c.end, "forces a State keeps or lost, not the activity's")
            )
            continue
        compared = _COMPARED.search(text, max(s.start, c.start - 40), c.start)
        if compared is not None and (
            not compared.group("from")
            or _FROM_TO.match(text, c.end, s.end)
            or _CHANGE_FROM.search(text, max(s.start, compared.start() - 60), compared.start())
        ):
            dropped.append(
                Dropped(span, c.start, c.end, "a value compared with, of another time or activity")
            )
            continue
        if _EACH.search(text, max(s.start, c.start - 80), c.start):
            dropped.append(
                Dropped(span, c.start, c.end, "the size of each unit or part, not a total")
            )
            continue
        reasons = [
            f"{c.quantity.value}: {c.how}",
            f"qualifier {c.qualifier.value}: {c.qualifier_reason}",
        ]
        if c.quantity in (Quantity.TROOPS, Quantity.SHIPS) and _PHASE.search(clause):
            reasons.append(_PHASE_REASON)
        bound = _bound_exercise(info, c.start, name_of)
        governed = info.other_cue is not None and c.start >= info.other_from
        if governed and not any(
            info.other_from <= m.start < c.start for m in info.exercise_mentions
        ):
            # "13,000 take part, against roughly 200,000 in 2021, the last Zapad before ...":
            # the cue before the name after the figure decides
            bound = None
        if bound is not None:
            exercise: str | None = bound
            if main is None or bound != main.name:
                reasons.append(f"about {bound}, named in the same sentence")
        elif info.other_cue is not None and c.start >= info.other_from:
            dropped.append(
                Dropped(
                    span,
                    c.start,
                    c.end,
                    f"about another activity ('{info.other_cue}'), not the one reported",
                )
            )
            continue
        else:
            exercise = main.name if main is not None else None
            if main is not None:
                reasons.append(f"about {main.name}, the exercise the text reports")
        scope, contingent = _scope(text, s, c, previous)
        if scope is not None:
            reasons.append(f"scope: {scope}")
        speaker = attribution.for_figure(speakers, c.start, c.end, text) or carried
        if speaker is not None:
            reasons.append(f"attributed to {speaker.who} ({speaker.how} '{speaker.phrase}')")
        fig = Figure(
            quantity=c.quantity,
            value=c.value,
            low=c.low,
            high=c.high,
            qualifier=c.qualifier,
            attributed_to=speaker.who if speaker is not None else None,
            exercise=exercise,
            scope=scope,
            evidence=Evidence(span, c.start, c.end),
            mentions=[(c.start, c.end)],
            declared_by=speaker.declared_by if speaker is not None else None,
            contingent=contingent,
            attribution=Evidence(text[speaker.start : speaker.end], speaker.start, speaker.end)
            if speaker is not None
            else None,
            reasons=reasons,
        )
        figs.append(fig)
        previous.append((c, fig))


_PART = re.compile(r"(?:including|of\s+(?:which|whom|them)|among\s+them)\s*(?:\S+\s+){0,2}$", re.I)


def _scope(
    text: str,
    s: Sentence,
    c: figures.Candidate,
    previous: list[tuple[figures.Candidate, Figure | None]],
) -> tuple[str | None, str | None]:
    """The part of the activity a figure covers, when the text says it is a part."""
    if c.combined is not None:
        return c.combined, None
    same = [p for p, f in previous if p.quantity == c.quantity and f is not None]
    window = text[max(s.start, c.start - 30) : c.start]
    adjective = figures.contingent_adjective(c.mods)
    code = _adjective_code(adjective) if adjective else None
    coordinated = "shares the noun" in c.how or any(
        "shares the noun" in p.how for p, _ in previous[-1:]
    )
    part = c.how.startswith("part of")
    if (same and (_PART.search(window) or part)) or (coordinated and code is not None):
        if code is not None:
            return f"{adjective} contingent", code
        return f"part of a larger figure ('{text[c.start : c.end]}')", None
    return None, None


def _adjective_code(word: str) -> str | None:
    for m in lexicon().find(word):
        for e in m.entries:
            if e.kind in ("adjective", "state") and len(e.codes) == 1:
                return e.codes[0]
    return None


def _role_cues(
    text: str, info: _SentenceInfo, main: exercises.Exercise | None, name_of: dict[int, str]
) -> list[states.RoleCue]:
    s = info.sentence
    other = info.other_cue is not None and not info.names_main
    if other and info.other_from <= s.start:
        return []
    if _PROCUREMENT.search(s.text) and not _EXERCISE_WORD.search(s.text):
        return []
    has_figure = any(c.quantity is not None for c in info.candidates)
    if not states.is_activity_sentence(s.text, bool(info.exercise_mentions), has_figure):
        return []
    place_codes = []
    for m in info.place_matches:
        if m.data.country:
            place_codes.append((m.data.country, m.start, m.end, m.name))
    cues = states.role_cues(text, s.start, s.end, info.state_mentions, place_codes)
    if other:  # only the part before the clause about another activity
        cues = [c for c in cues if c.end <= info.other_from]
    if main is None:
        return cues
    kept = []
    for cue in cues:
        bound = _bound_exercise(info, cue.start, name_of)
        before = [m for m in info.exercise_mentions if m.start < cue.start]
        if before and bound is not None and bound != main.name:
            continue  # the cue follows another exercise's name: it is about that one
        kept.append(cue)
    return kept


# Words of a sentence about the activity's parts or training: "This week's second phase takes
# place chiefly in ...", "Units will train across the whole country, above all in south Sweden".
_TRAINING_WORD = re.compile(
    r"\b(?:phases?|train|trains|training|rehears(?:e|es|ed|ing|als?))\b", re.I
)


def _pointless(name: str, state: str | None, why: str, start: int, end: int) -> PlaceFound:
    """A place the text names that has no point: lat and lon None, never a guess."""
    return PlaceFound(
        name,
        None,
        None,
        state,
        f"{why}: no point",
        "the text itself",
        Evidence(name, start, end),
        1,
    )


def _state_parts(info: _SentenceInfo) -> list[PlaceFound]:
    """Parts of States the text names by compass (gazetteer.compass_parts): places with a
    State and no point."""
    out: list[PlaceFound] = []
    s = info.sentence
    if not (info.names_main or _EXERCISE_WORD.search(s.text) or _TRAINING_WORD.search(s.text)):
        return out  # a part of a State where the activity is, not any region named
    base = s.start
    for a, b, name in pointless_regions(s.text, 0, len(s.text)):
        out.append(_pointless(name, None, "a region with no agreed outline", base + a, base + b))
    spans = [(p.start - base, p.end - base) for p in info.place_matches]
    for m in info.state_mentions:
        if m.kind != "state" or len(m.codes) != 1 or m.text.casefold() == "america":
            continue  # "North America" is a continent
        for at, name in compass_parts(s.text, 0, (m.start - base, m.text), spans):
            why = f"a part of {m.text} named by compass"
            out.append(_pointless(name, m.codes[0], why, base + at, m.end))
    return out


def _unlisted(info: _SentenceInfo) -> list[PlaceFound]:
    """Ranges, airfields and bases the gazetteer does not list (gazetteer.unlisted_places),
    unless a listed place or a town spans the name already: places with no point."""
    s = info.sentence
    out = []
    for a, b, name in unlisted_places(s.text, 0, len(s.text)):
        start, end = s.start + a, s.start + b
        if any(
            m.start < end
            and start < m.end
            and (m.data.kind != "town" or (m.start, m.end) == (start, end))
            for m in info.place_matches
        ):
            continue
        why = "a range, airfield or base the text names, not in the gazetteer"
        out.append(_pointless(name, None, why, start, end))
    return out


def _locations(infos: list[_SentenceInfo]) -> list[PlaceFound]:
    found: dict[tuple[str, bool], PlaceFound] = {}
    for info in infos:
        other = info.other_cue is not None and not info.names_main
        if other and info.other_from <= info.sentence.start:
            continue  # "since Moscow annexed Ukraine's Crimea region in 2014": another event
        unlisted = _unlisted(info)
        for m in info.place_matches:
            if other and m.start >= info.other_from:
                continue
            if any(u.evidence.start <= m.start and m.end <= u.evidence.end for u in unlisted):
                continue  # "Cruz" in "the Pinheiro da Cruz training range"
            key = (m.ref, m.region)
            old = found.get(key)
            if old is not None:
                found[key] = replace(old, mentions=old.mentions + 1)
                continue
            p = m.data
            precision = p.precision
            if m.region:
                precision = f"the point of its administrative centre, {p.name}: {precision}"
            found[key] = PlaceFound(
                m.name if p.kind == "town" else p.name,
                p.lat,
                p.lon,
                p.country,
                precision,
                p.source.cite(),
                Evidence(m.text, m.start, m.end),
                1,
            )
        for u in unlisted:
            if other and u.evidence.start >= info.other_from:
                continue
            key = (f"unlisted:{u.name.casefold()}", False)
            old = found.get(key)
            found[key] = replace(old, mentions=old.mentions + 1) if old is not None else u
        for part in _state_parts(info):
            if other and part.evidence.start >= info.other_from:
                continue
            key = (f"part:{part.country}:{part.name.casefold()}", False)
            old = found.get(key)
            found[key] = replace(old, mentions=old.mentions + 1) if old is not None else part
    return list(found.values())


def _norm(who: str | None) -> str:
    return re.sub(r"^the\s+", "", (who or "").casefold()).strip()


def _parts_in_phases(figs: list[Figure], dropped: list[Dropped]) -> list[Figure]:
    """A figure read in a phase ("800 paratroopers jumped") is a part of the activity when
    the text gives a larger figure of the same thing for it; else it is the only one."""

    def size(f: Figure) -> int:
        return (f.value if f.value is not None else f.high) or 0

    out: list[Figure] = []
    for f in figs:
        larger = _PHASE_REASON in f.reasons and any(
            g is not f
            and _PHASE_REASON not in g.reasons
            and g.quantity == f.quantity
            and g.exercise == f.exercise
            and size(g) > size(f)
            for g in figs
        )
        if larger:
            e = f.evidence
            why = "a part of the activity (a phase) whose whole the text gives"
            dropped.append(Dropped(e.text, e.start, e.end, why))
            continue
        out.append(f)
    return out


def _merge(figs: list[Figure]) -> list[Figure]:
    """One figure per claim: the same number for the same thing, stated more than once.

    A hedge at one mention ("About 30,000 Russian troops") covers the bare repetition
    ("30,000 Russian troops"), and a speaker named at one mention covers the others; two
    different speakers, or two different hedges, stay separate claims.
    """
    out: list[Figure] = []
    for f in figs:
        key = (f.quantity, f.value, f.low, f.high, f.exercise, f.scope)
        target = None
        for g in out:
            if (g.quantity, g.value, g.low, g.high, g.exercise, g.scope) != key:
                continue
            if (
                g.attributed_to
                and f.attributed_to
                and _norm(g.attributed_to) != _norm(f.attributed_to)
            ):
                continue
            if g.qualifier != f.qualifier and Qualifier.EXACT not in (g.qualifier, f.qualifier):
                continue
            target = g
            break
        if target is None:
            out.append(f)
            continue
        if len(target.mentions) < _MAX_MENTIONS:
            target.mentions.append(f.mentions[0])
        if target.qualifier is Qualifier.EXACT and f.qualifier is not Qualifier.EXACT:
            target.qualifier = f.qualifier
            target.reasons.append(
                f"qualifier {f.qualifier.value} from another mention of the same figure: "
                f"'{f.evidence.text}'"
            )
        if target.attributed_to is None and f.attributed_to is not None:
            target.attributed_to = f.attributed_to
            target.declared_by = f.declared_by
            target.attribution = f.attribution
            target.evidence = f.evidence
            target.reasons.append(
                f"attributed to {f.attributed_to} at another mention of the same figure"
            )
        if len(target.mentions) == 2:
            target.reasons.append("the same figure is stated more than once; merged")
    return out


__all__ = ["extract"]
