"""States named in a text, and the part each plays in the activity.

Roles, as csbm's dossier needs them: ``participant`` (conducts the activity or sends forces
to it: the dossier's ``conducting_states``), ``host`` (the activity is on its territory:
``host_states``), ``observer`` (sends or is invited to send observers) and ``mentioned``
(anything else). One State can hold several roles; the single ``role`` reported is the first
of host, participant, observer, mentioned that it holds.

Roles come from cues the press uses, each recorded with its reason:

- participant: a State adjective before forces or the exercise ("Russian troops", "joint
  Russian-Belarusian drills", "U.S.-led"); a State as the subject of conducting or sending
  ("Russia has moved", "Sweden and Finland ... are taking part"); a possessive before the
  exercise ("Poland's Anakonda-16"); forces "from" a State ("units from Armenia, Belarus");
- host: "in", "into", "across" or "deploy to" a State in a sentence about the activity, "on
  Belarusian territory", "on the territory of Belarus", "as host nation", or a range from the
  gazetteer that lies in the State;
- observer: "observers from", "sent observers", "invited ... to observe".

Cues count only in sentences about the activity (naming it, an exercise word, forces or a
figure), not in sentences about another activity ("In 1981, the Soviet Union held ...").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from csbm.extract.gazetteer import Match

ROLES = ("host", "participant", "observer", "mentioned")

# Forces or the activity after a State adjective: "Russian troops", "joint Russian drills".
# "military", "army" and "side" are left out: "the Russian military said" names a speaker.
_FORCE = (
    r"(?:troops|soldiers|servicemen|servicewomen|service\s*members|forces|force|units?"
    r"|contingents?|personnel|paratroopers|marines|sailors|crews|jets|aircraft|tanks|warships"
    r"|ships|vessels|brigades?|battalions?|divisions?|regiments?|drills?|exercises?|manoeuvres"
    r"|maneuvers|war\s*games|deployment|build-?up|reservists|grouping)"
)
_FORCE_WIDE = rf"(?:{_FORCE}|military|army|armies|navy|air\s+force)"
_EXERCISE_WORD = re.compile(
    r"\b(?:exercises?|drills?|manoeuvres|maneuvers|war\s*games|snap\s+(?:\w+\s+)?(?:check|inspection)"
    r"|(?:combat[\s-])?readiness\s+checks?|deployment|build-?up)\b",
    re.I,
)
_LOWER_MOD = r"(?:[a-z][a-z-]*)"
# After a possessive: "Estonia's largest exercise", not "Russia's foreign ministry called the
# exercise".
_OWN_EXERCISE = re.compile(
    r"(?:[a-z][\w-]*\s+){0,2}?(?:exercises?|drills?|manoeuvres|maneuvers|war\s*games"
    r"|snap\s+(?:check|inspection)|deployment|build-?up)\b",
    re.I,
)
# Capitalised words of a service's name: "the Russian Armed Forces", "Air and Space Forces".
_SERVICE_MOD = (
    r"(?:Armed|Air|Ground|Land|Naval|Special|Airborne|Aerospace|Space|Territorial|Defen[cs]e)"
)
_AFTER_ADJ = re.compile(
    rf"(?:\s*(?:,|and|or|-|–)\s*(?P<more>[A-Z][\w.]*))*"
    rf"(?:(?P<led>-led\b)|(?:\s+(?:{_LOWER_MOD}|{_SERVICE_MOD})){{0,3}}?\s+(?P<noun>{_FORCE}|(?<=\s)Forces)\b)",
)
_SPEAKS = re.compile(
    r"\s+(?:(?:has|have|had|also)\s+)?(?:said|say|says|told|announced|stated|reported|claimed"
    r"|estimated|estimate)\b",
    re.I,
)
_DIRECTION = (
    r"(?:north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?|central|north-?(?:east|west)(?:ern)?"
    r"|south-?(?:east|west)(?:ern)?|occupied|neighbou?ring|mainland|continental)"
)
_LEAD = re.compile(rf"(?:the\s+)?(?:{_DIRECTION}(?:\s*(?:,|and)\s*{_DIRECTION})*\s+)?", re.I)
_TRAILING_LEAD = re.compile(
    rf"(?:\bthe\s+)?(?:\b{_DIRECTION}(?:\s*(?:,|and)\s*{_DIRECTION})*\s+)?$", re.I
)
_SEP = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+|as\s+well\s+as\s+|plus\s+)?|\s+and\s+|\s+or\s+|\s*&\s*|\s+plus\s+"
    r"|\s+as\s+well\s+as\s+)"
)
# What may stand in a list between two States without ending it: "itself" ("Sweden itself plus
# the USA") and an item the lexicon has no State for (", Kosovo, Moldova", ", Kosovo and ...").
_NOT_LISTED = re.compile(
    r"\s+(?:itself|themselves)(?=\s*(?:,|\s+and\s|\s+plus\s))"
    r"|\s*,\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}(?=\s*(?:,|\s+and\s))"
)
# A list that ends in a group rather than "and X": "the United States, France, Norway and other
# NATO allies" is one list.
_AND_OTHERS = re.compile(
    r"\s*,?\s+(?:and|as\s+well\s+as|plus)\s+(?:(?:several|many|some|a\s+few|their|its|the)\s+)?"
    r"(?:other|others|more|partner|allied|fellow)\b",
    re.I,
)
# Words before a list that name its States as participants: "Sixteen nations will take part,
# among them ...", "Taking part are ...", "partners of 12 nations: ...", "forces of ...".
_PARTICIPANTS_INTRO = re.compile(
    r"(?:\b(?:tak(?:e|es|ing)\s+part|took\s+part|participa(?:nt|t)\w*|join(?:s|ed|ing)?|contribut\w*"
    r"|involv(?:e|es|ed|ing)|troops|forces|soldiers|servicemen|units|contingents|militaries|armies|navies)\b[^.;:]{0,60}?"
    r"(?:(?:,\s*|\s+)(?:among\s+them|including|such\s+as|notably|namely|from)\s+|\s*:\s*)"
    # "The exercise, which involves Georgia, Ukraine and ...", "brings together X and Y"
    r"|\b(?:exercises?|drills?|manoeuvres|maneuvers|training)\b[^.;:]{0,20}?\b(?:involv(?:e|es|ed|ing)"
    r"|br(?:ings?|ought)\s+together|gather(?:s|ed)|unit(?:es|ed))\s+(?:(?:forces|troops|units"
    r"|militaries|servicemen|soldiers)\s+(?:from|of)\s+)?"
    # "with the participation of X", "in cooperation with X", "jointly with X"
    r"|\bparticipation\s+of\s+(?:the\s+)?(?:(?:armed\s+forces|troops|units)\s+of\s+)?"
    r"|\b(?:in\s+(?:cooperation|co-operation|partnership)|together|jointly)\s+with\s+"
    r"(?:the\s+)?(?:(?:armed\s+forces|troops|units)\s+of\s+)?"
    r"|\b(?:tak(?:e|es|ing)\s+part|participa(?:ting|nts?)|contributors?|joining)\b[^.;:]{0,50}?"
    r"\b(?:are|were|will\s+be|include[sd]?|including)\s+"
    r"|\bwith\b[^.;:]{0,60}\b(?:nations|countries|allies|partners|states)\s*:\s*"
    r"|\b(?:troops|forces|armed\s+forces|soldiers|servicemen|service\s+members|units|contingents"
    r"|militaries|armies|navies|personnel|jets|aircraft|warships|ships|vessels|brigades|battalions"
    r"|divisions|regiments)\s+of\s+"
    # "troops of the two countries, Russia and Belarus"
    r"(?:the\s+)?(?:(?:two|three|four|five|six|both|several|\d+)\s+(?:countries|nations|states)"
    r"\s*[,:]\s*)?)(?:the\s+)?$",
    re.I,
)
_NOT_TAKING_PART = re.compile(r"\b(?:observ\w*|inspect\w*|monitor\w*|attach[eé]s?)\b", re.I)
# An adversary's forces, not a participant's: "train for confronting the forces of ...".
_AGAINST = re.compile(
    r"\b(?:against|confront\w*|counter\w*|repel\w*|fight\w*|attack\w*|threat\w*|oppos\w*"
    r"|deter\w*|enem\w*|hostile|aggress\w*|defen[cd]\w*\s+against)\b[^.;]*$",
    re.I,
)
_BESIDES = re.compile(
    r"\b(?:[Bb]esides|[Aa]part\s+from|[Ii]n\s+addition\s+to|[Aa]longside)\s+(?:the\s+)?$"
)
_PARTICIPATION = re.compile(
    r"\b(?:participa\w*|tak(?:e|es|ing)\s+part|took\s+part|troops|soldiers|forces|contingents"
    r"|units|servicemen)\b",
    re.I,
)
_LED_BY = re.compile(
    r"\b(?:led|headed|commanded|organi[sz]ed|hosted\s+and\s+led)\s+by\s+(?:the\s+)?$"
    r"|\b(?:exercises?|drills?|manoeuvres|maneuvers|war\s*games)\s+with\s+(?:the\s+)?"
    r"(?:[A-Za-z-]+\s+){0,3}?(?:nations|countries|states|allies|partners|armies)?\s*$",
    re.I,
)
_AS_ENEMY = re.compile(
    r"\s+as\s+(?:the|an?|its)\s+(?:\w+\s+)?(?:enemy|adversary|opponent|aggressor|foe|target)\b",
    re.I,
)
_UNDER = re.compile(r"\bunder\s+$", re.I)
_LEAD_AFTER = re.compile(r"['’]s\s+(?:lead|leadership|command)\b", re.I)
_WATCHING = re.compile(
    r"\b(?:observ\w*|inspect\w*|monitor\w*|watch(?:ed|es|ing)|attend(?:ed|s|ing)|delegations?)\b",
    re.I,
)
# "... were watching the troops, among them three NATO countries, X, Y and Z"
_WATCHERS_INTRO = re.compile(
    r"\b(?:observ\w*|inspect\w*|monitor\w*|watch(?:ed|es|ing)|attend(?:ed|s|ing)|delegations?"
    r"|representatives)\b[^.;]{0,100}?(?:,\s*|\s+)(?:among\s+them|including|such\s+as|notably)"
    r"\s+(?:[^.;,]{0,40},\s*)?(?:the\s+)?$",
    re.I,
)
_WATCHED = re.compile(
    r"(?:['’]s)?(?:\s+(?:military|armed\s+forces|army|defen[cs]e|officers?|officials|delegation"
    r"|delegates|inspectors|observers|representatives|attach[eé]s|experts))*"
    r"\s+(?:(?:were|was|have|has|had|also)\s+)*(?:(?:been\s+)?invited\s+to\s+(?:send\s+observers"
    r"|observe|attend|watch)|watch(?:ed|es)|attend(?:ed|s)|observ(?:ed|es)|monitor(?:ed|s)"
    # "Russia declined the invitation to observe": invited all the same
    r"|(?:declined|turned\s+down|rejected|refused|accepted|took\s+up)\s+(?:the|an|its|their)"
    r"\s+invitations?\s+to\s+(?:send\s+observers|observe|attend|watch))\b",
    re.I,
)
_AMONG_THEM = re.compile(r"\s+(?:among\s+them|included|among\s+others)\b", re.I)
_AMONG_PARTICIPANTS = re.compile(
    r"\s+(?:are|were|is|was|will\s+be)\s+(?:also\s+)?among\s+the\s+(?:participants|contributors"
    r"|participating)\b",
    re.I,
)
_POSSESSIVE = re.compile(r"['’]s\b")
_CONDUCT = (
    r"(?:launch(?:es|ed)?|hold(?:s|ing)?|held|conduct(?:s|ed|ing)?|stag(?:e|es|ed|ing)"
    r"|beg(?:in|ins|an|un)|start(?:s|ed)?|kick(?:s|ed)?\s+off|mov(?:e|es|ed|ing)|sen(?:d|ds|t|ding)"
    r"|deploy(?:s|ed|ing)?|dispatch(?:es|ed)?|mass(?:es|ed)?|contribut(?:e|es|ed|ing)"
    r"|tak(?:e|es|ing)\s+part|took\s+part|participat(?:e|es|ed|ing)|join(?:s|ed|ing)?"
    r"|lead(?:s|ing)?|led|br(?:ing|ings|ought)|pour(?:s|ed)|train(?:s|ed|ing)?"
    r"|carr(?:y|ies|ied)\s+out|organi[sz](?:e|es|ed))"
)
_SUBJECT_VERB = re.compile(
    rf"(?:\s*,[^,.;]{{1,60}},)?\s+(?:(?:has|have|had|will|would|is|are|was|were|also|jointly"
    rf"|reportedly|now|been|to)\s+){{0,3}}{_CONDUCT}\b",
    re.I,
)
_OBJECT_OBSERVERS = re.compile(r"\s+(?:\w+\s+){0,2}?(?:observers|inspectors|monitors)\b", re.I)
_THEIR_JOINT = re.compile(r"\s+(?:say|says|said)\s+(?:their|its)\s+(?:own\s+|joint\s+)?", re.I)
_NOT_SUBJECT = re.compile(
    r"\b(?:of|from|to|in|into|near|with|against|by|for|on|across|at|between|than|about)\s+(?:the\s+)?$",
    re.I,
)
_OWN_OBSERVERS = re.compile(
    r"['’]s?\s+(?:military\s+|arms\s+control\s+)?(?:observers|inspectors|monitors)\b", re.I
)
_OWN_FORCES = re.compile(
    r"['’]s?\s+(?:[a-z-]+\s+){0,2}?(?:contingents?|troops|soldiers|servicemen|armed\s+forces"
    r"|(?<=\s)Defen[cs]e\s+Forces|units|marines|paratroopers|sailors|warships|brigades?"
    r"|battalions?)\b"
    # "Poland's navy port", "Russia's troops commander": a compound about something else
    r"(?!\s+(?:ports?|bases?|headquarters|chiefs?|commanders?|spokes\w+|command|ministry"
    r"|minister|officials?|leadership)\b)",
    re.I,
)
_OWNER = re.compile(
    r"(?:\s+(?:Army|Navy|Air\s+Force|military|armed\s+forces|forces))?['’]s\s+", re.I
)
_FROM = re.compile(
    rf"\b(?:{_FORCE_WIDE}|sent|come|coming|drawn|participants?|infantry|gunners|artillery"
    rf"|engineers|pilots|airmen|helicopters|crews|specialists)\b[^.;]{{0,40}}?\b(?P<from>from)\s+"
    r"(?:[^.;]{0,60}?(?:,\s*|:\s*|\b(?:including|such\s+as|notably|mainly|mostly|chiefly|primarily"
    r"|especially|namely|in\s+particular)\s+))?$",
    re.I,
)
_OBSERVERS_FROM = re.compile(
    r"(?:\b(?:observers?|inspectors?|monitors?|attach[eé]s|observation\s+teams?)"
    r"(?:\s+(?:came|arrived|were|are|will\s+be|had\s+come|have\s+come))?"
    r"(?:\s+(?:including|with)\s+(?:officers|members|representatives))?\s+(?:from|of)\s+"
    r"|\b(?:observ|watch|attend|monitor|inspect)ed\s+by\s+(?:[a-z-]+\s+){0,2}"
    r"(?:representatives|officers|observers|delegations?|inspectors|attach[eé]s|teams?|experts)"
    r"\s+(?:of|from)\s+(?:the\s+)?)"
    r"(?:[^.;]{0,60}?\b(?:including|such\s+as|notably|among\s+them)\s+)?$",
    re.I,
)
_SEND_OBSERVERS = re.compile(
    r"\s+(?:(?:has|have|had|will|would|also)\s+)*(?:sent|send|sends|sending)\s+observers\b", re.I
)
_INVITED = re.compile(r"\binvit(?:e|es|ed|ing)\s+$", re.I)
_TO_OBSERVE = re.compile(r"\s+to\s+(?:send\s+observers|observe)\b", re.I)
_ADJ_OBSERVERS = re.compile(r"\s+(?:military\s+)?(?:observers|inspectors)\b", re.I)
_TAKING_PART = re.compile(
    r"\b(?:tak(?:e|es|ing)\s+part|took\s+part|participa(?:nt|t)\w*|observers?|observation|phase|stage)\b",
    re.I,
)
_FORCE_RX = re.compile(rf"\b{_FORCE_WIDE}\b", re.I)
_IN = re.compile(
    r"\b(?i:in|into|across|throughout|inside|within)\s+(?:[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?,\s+)?$"
)
_IN_WORDS = frozenset({"in", "into", "across", "throughout", "inside", "within"})
# "the defence ministry in Minsk", "talks in Moscow": the capital names an office, not a venue.
_ORGAN_IN = re.compile(
    r"\b(?:ministry|ministries|governments?|embassy|officials|authorities|leadership|talks|meetings?"
    r"|parliament|court|office|headquarters|spokes(?:man|woman|person)|president|command"
    r"|conference|summit|briefing|forum|visit|press|reporters|journalists|leaders)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?\s+in\s+$",
    re.I,
)
_MOVE_TO = re.compile(
    r"\b(?:sen[dt]|sends|sending|mov(?:e|es|ed|ing)|deploy(?:s|ed|ing)?|dispatch(?:es|ed)?"
    r"|br(?:ing|ings|ought)|transferr?(?:s|ed|ing)?|redeploy(?:s|ed)?|travell?(?:ed|ing)?"
    r"|arriv(?:e|es|ed|ing)|airlift(?:s|ed)?|flown|shipp(?:ed|ing)|poured|headed|head)\b"
    r"[^.;]{0,120}?\bto\s+$",
    re.I,
)
# "drilling in the northern regions of Finland, Norway and Sweden", "across parts of Poland"
_PARTS_OF = re.compile(
    r"\b(?:in|across|throughout|over|into)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:parts?|regions?|areas?"
    r"|territor(?:y|ies)|north|south|east|west)\s+of\s+$"
    # "on training areas along the coasts of Sweden, Poland and Germany"
    r"|\b(?:along|off|on|near)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:coasts?|shores?|coastlines?"
    r"|waters)\s+of\s+$",
    re.I,
)
_TERRITORY_OF = re.compile(r"\bon\s+the\s+(?:territory|soil)\s+of\s+$", re.I)
_ON_ADJ = re.compile(
    r"\s*(?:(?:,|and|or)\s*(?P<more>[A-Z][\w]*)\s*)*\s+(?:territory|soil|ranges?|training\s+grounds?"
    r"|ground|land|airfields?)\b"
)
_ON_BEFORE = re.compile(r"\b(?:on|at)\s+$", re.I)
_HOST_NATION = re.compile(r"^,?\s+(?:as|the)\s+host\s+(?:nation|country|state)\b", re.I)
_HOSTED_BY = re.compile(r"\bhosted\s+by\s+$|\bhost\s+(?:nation|country)\s+$", re.I)
_HOSTS = re.compile(r"\s+(?:(?:is|will|was)\s+)?host(?:s|ed|ing)?\b", re.I)


@dataclass(frozen=True, slots=True)
class StateMention:
    """A State named in the text: by name, adjective, metonym, group or place."""

    codes: tuple[str, ...]
    start: int
    end: int
    text: str
    kind: str
    possessive: bool


@dataclass(frozen=True, slots=True)
class RoleCue:
    """Evidence for a role: the State, the role, where the cue is and what it says."""

    code: str
    role: str
    start: int
    end: int
    reason: str


@dataclass
class StateResult:
    """Everything the text says about one State."""

    code: str
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def role(self) -> str:
        return next((r for r in ROLES if r in self.roles), "mentioned")


def mentions_from(matches: list[Match], text: str) -> list[StateMention]:
    """State mentions among the gazetteer matches (metonyms not followed by a name)."""
    out: list[StateMention] = []
    for m in matches:
        entry = next(
            (e for e in m.entries if e.kind in ("state", "adjective", "metonym", "group")), None
        )
        if entry is None:
            continue
        if entry.kind == "metonym" and re.match(r"\s+[A-Z]", text[m.end : m.end + 3]):
            continue  # "Washington Post", "Moscow Times": a name, not the State
        possessive = _POSSESSIVE.match(text, m.end) is not None
        out.append(StateMention(entry.codes, m.start, m.end, m.text, entry.kind, possessive))
    return out


# Items a list joined by commas alone needs to count as one (a headline's or a roll's style).
_ASYNDETON = 2


def _lists(text: str, mentions: list[StateMention]) -> list[list[StateMention]]:
    """Group mentions into lists: 'Latvia, Lithuania and the Baltic states' is one list.

    One pass over the mentions in order: a mention continues the list when only a list
    separator (and 'the', or a direction word) stands between it and the previous one.
    """
    lists: list[list[StateMention]] = []
    joins: list[list[str]] = []
    for m in mentions:
        if lists and not lists[-1][-1].possessive and m.kind != "metonym":
            prev = lists[-1][-1]
            gap = text[prev.end : m.start]
            skip = _NOT_LISTED.match(gap)  # "Sweden itself plus", ", Kosovo, Moldova"
            sep = _SEP.match(gap, skip.end() if skip is not None else 0)
            if sep is None and skip is not None:
                sep = _SEP.match(gap)
            if sep is not None and _LEAD.fullmatch(gap, sep.end()) is not None:
                lists[-1].append(m)
                joins[-1].append(sep.group().strip())
                continue
        lists.append([m])
        joins.append([])
    out: list[list[StateMention]] = []
    for items, seps in zip(lists, joins, strict=True):
        # A list ends with "and" or "or": in "Finland and Sweden, the U.S. Sixth Fleet said"
        # the U.S. is not in it, and "Belarus, Moscow ..." is no list at all.
        last = max((i for i, sep in enumerate(seps) if sep not in (",", ";")), default=-1)
        if last < 0 and len(items) > 2 and _AND_OTHERS.match(text, items[-1].end):
            last = len(seps) - 1  # "France, Norway and other NATO allies"
        elif last < 0 and len(items) > _ASYNDETON:
            last = len(seps) - 1  # "Observers from Czech Republic, Denmark, Finland, Russia"
        out.append(items[: last + 2])
        out.extend([i] for i in items[last + 2 :])
    return out


def _strip_lead(before: str) -> str:
    """'... in the ' -> '... in ': drop 'the' and direction words ending the window."""
    m = _tail(_TRAILING_LEAD, before, 80)
    return before[: m.start()] if m is not None else before


class _Tail:
    r"""A match found in the end of a window, with positions relative to the whole window.

    Patterns anchored at the end of a window (``...from\s+$``) are searched only in its last
    ``width`` characters: re tries every start position, so on a long window the cost would
    grow with its length for every mention in the sentence.
    """

    def __init__(self, m: re.Match[str], offset: int) -> None:
        self.m = m
        self.offset = offset

    def start(self, group: int | str = 0) -> int:
        return self.offset + self.m.start(group)

    def end(self, group: int | str = 0) -> int:
        return self.offset + self.m.end(group)


def _tail(rx: re.Pattern[str], before: str, width: int) -> _Tail | None:
    offset = max(0, len(before) - width)
    m = rx.search(before, offset)
    return _Tail(m, 0) if m is not None else None


def role_cues(
    text: str,
    start: int,
    end: int,
    mentions: list[StateMention],
    place_codes: list[tuple[str, int, int, str]],
) -> list[RoleCue]:
    """Role cues in one sentence about the activity."""
    by_start = {m.start: m for m in mentions}
    starts = sorted(by_start)
    cues: list[RoleCue] = []

    def named_between(lo: int, hi: int) -> bool:
        i = bisect_left(starts, lo)
        return i < len(starts) and starts[i] < hi

    def add(items: list[StateMention], role: str, a: int, b: int, reason: str) -> None:
        for item in items:
            for code in item.codes:
                cues.append(RoleCue(code, role, a, b, f"{reason}: '{text[a:b]}'"))

    for m in mentions:
        # Adjective (or name) before forces or the exercise: "Russian troops", "U.S.-led".
        if m.kind in ("adjective", "state", "group") and not m.possessive:
            after = _AFTER_ADJ.match(text, m.end, end)
            if after is not None and _SPEAKS.match(text, after.end(), end):
                after = None  # "the Norwegian armed forces said": a speaker
            if after is not None and (
                m.kind == "adjective" or after.group("led") or _direct(text, m.end)
            ):
                items = [m]
                more = re.finditer(
                    r"[A-Z][\w.]*",
                    text[
                        m.end : after.start("noun") if after.group("noun") else after.start("led")
                    ],
                )
                for w in more:
                    other = by_start.get(m.end + w.start())
                    if other is not None:
                        items.append(other)
                add(
                    items,
                    "participant",
                    m.start,
                    after.end(),
                    "State adjective before forces or the activity",
                )
        # Possessive before its forces: "Russia's contingent will consist of ...", "Germany's
        # navy leads"; not when they speak ("Poland's armed forces said").
        if m.possessive and m.kind == "state" and _OWN_OBSERVERS.match(text, m.end, end):
            add([m], "observer", m.start, m.end + 20, "the State's observers")
        elif m.possessive and m.kind == "state":
            forces = _OWN_FORCES.match(text, m.end, end)
            if forces is not None and not _SPEAKS.match(text, forces.end(), end):
                add([m], "participant", m.start, forces.end(), "the State's own forces")
        # Possessive before the exercise: "Poland's Anakonda-16", "U.S. Army's Defender-Europe".
        owner = _OWNER.match(text, m.end, end) if m.kind in ("state", "metonym") else None
        if owner is not None:
            window = text[owner.end() : min(end, owner.end() + 60)]
            own = _OWN_EXERCISE.match(window)
            if own is not None or _is_named_exercise(window):
                stop = owner.end() + (own.end() if own is not None else 0)
                add([m], "participant", m.start, stop, "the State's own activity")
    for items in _lists(text, mentions):
        a, b = items[0].start, items[-1].end
        lo_before = max(start, a - 160)
        before = _strip_lead(text[lo_before:a])
        last = before.rstrip().rsplit(None, 1)[-1].lower() if before.strip() else ""
        # Subject of conducting or sending: "Russia has moved", "Sweden and Finland ... take part".
        subject = _tail(_NOT_SUBJECT, before, 40) is None
        if subject and all(i.kind != "adjective" for i in items):
            verb = _SUBJECT_VERB.match(text, b, end)
            if verb is not None and _OBJECT_OBSERVERS.match(text, verb.end(), end):
                verb = None  # "Russia and Belarus sent observers": observers, not forces
            if verb is not None:
                add(items, "participant", a, verb.end(), "conducts or sends forces")
            joint = _THEIR_JOINT.match(text, b, end)
            if joint is not None:
                add(items, "participant", a, joint.end(), "their joint activity")
        # A list its words name as participants: "nations will take part, among them ...".
        intro = _tail(_PARTICIPANTS_INTRO, before, 140)
        if intro is not None and (
            _NOT_TAKING_PART.search(intro.m.group())
            or _AGAINST.search(before, max(0, intro.start() - 40), intro.start() + 1)
        ):
            intro = None  # "with observers from ...", "confronting the forces of ..."
        if intro is not None and all(i.kind != "adjective" for i in items):
            direct = re.search(
                r"(?:including|such\s+as|among\s+them|notably|namely|:|\bof)\s*(?:the\s+)?$",
                intro.m.group(),
                re.I,
            )
            if not named_between(lo_before + intro.start(), a) or direct:
                add(items, "participant", lo_before + intro.start(), b, "listed as taking part")
        # "Besides Estonia, Latvia and Lithuania, the participants were ...": those too
        besides = _tail(_BESIDES, before, 30)
        if (
            besides is not None
            and _PARTICIPATION.search(text, b, end)
            and all(i.kind != "adjective" for i in items)
        ):
            add(items, "participant", lo_before + besides.start(), b, "besides the participants")
        # "led by Norway", "under Norway's lead", "exercises with the Nordic nations X, Y",
        # "troops from 27 nations, Finland and Sweden among them, take part"
        names_only = all(i.kind != "adjective" for i in items)
        led = _tail(_LED_BY, before, 80)
        if led is not None and names_only and not _AS_ENEMY.match(text, b, end):
            add(items, "participant", lo_before + led.start(), b, "leads the activity")
        if names_only and _tail(_UNDER, before, 12) and _LEAD_AFTER.match(text, b, end):
            add(items, "participant", a, b, "the activity is under its lead")
        tagged = _AMONG_THEM.match(text, b, end)
        watching = _WATCHING.search(text, start, end) is not None
        if tagged is not None and names_only and watching:
            add(items, "observer", a, tagged.end(), "named among the observers")
        elif tagged is not None and names_only and _PARTICIPATION.search(text, start, end):
            add(items, "participant", a, tagged.end(), "named among the participants")
        if intro is None and names_only and watching:
            watchers = _tail(_WATCHERS_INTRO, before, 140)
            if watchers is not None:
                add(
                    items, "observer", lo_before + watchers.start(), b, "listed among the observers"
                )
        # "the U.S. military watched Zapad-2025", "Russia's defence was invited to send
        # observers"
        seen = _WATCHED.match(text, b, end)
        if seen is not None:
            add(items, "observer", a, seen.end(), "watches the activity")
        among = _AMONG_PARTICIPANTS.match(text, b, end)
        if among is not None:
            add(items, "participant", a, among.end(), "among the participants")
        # Observers, and forces from a State.
        lowered = before.lower()
        observers = ("from" in lowered or " of " in lowered) and any(
            w in lowered for w in ("observ", "inspect", "monit", "attach", "watch", "attend")
        )
        to_observe = _TO_OBSERVE.match(text, b, end) if last.startswith("invit") else None
        found_from = _tail(_FROM, before, 130) if " from " in before else None
        if observers and _tail(_OBSERVERS_FROM, before, 130) is not None:
            add(items, "observer", a, b, "observers from")
        elif to_observe is not None and _tail(_INVITED, before, 20) is not None:
            add(items, "observer", a, to_observe.end(), "invited to observe")
        elif found_from is not None and not named_between(lo_before + found_from.end("from"), a):
            add(items, "participant", a, b, "forces from")
        send = _SEND_OBSERVERS.match(text, b, end)
        if send is not None:
            add(items, "observer", a, send.end(), "sends observers")
        if items[0].kind == "adjective" and _ADJ_OBSERVERS.match(text, items[0].end, end):
            add(items[:1], "observer", a, b, "observers of that State")
        # Host.
        names = [i for i in items if i.kind != "adjective"]
        if names:
            metonym_ok = names[0].kind != "metonym" or (
                last == "in" and _tail(_ORGAN_IN, before, 40) is None
            )
            lo = lo_before
            found_in = (
                _tail(_IN, before, 60) if last in _IN_WORDS or before.endswith(", ") else None
            )
            territory = _tail(_TERRITORY_OF, before, 40) if last == "of" else None
            if territory is None and last == "of":
                territory = _tail(_PARTS_OF, before, 80)
            if found_in is not None and metonym_ok:
                add(names, "host", lo + found_in.start(), b, "the activity is in that State")
            elif last == "to" and _tail(_MOVE_TO, before, 150) is not None:
                add(names, "host", max(lo, a - 4), b, "forces sent to that State")
            elif territory is not None:
                add(names, "host", lo + territory.start(), b, "on the State's territory")
            hosted = last in ("by", "nation", "country") and _tail(_HOSTED_BY, before, 30)
            if hosted or _HOST_NATION.match(text, b, end) or _HOSTS.match(text, b, end):
                # "hosted by Norway, Sweden and Finland": every State of the list
                add(names if len(items) > 1 else names[:1], "host", a, b, "host nation")
        if items[0].kind == "adjective" and last in ("on", "at"):
            on = _ON_ADJ.match(text, items[0].end, end)
            if on is not None:
                add([items[0]], "host", a, on.end(), "on the State's territory")
                for w in re.finditer(r"[A-Z]\w*", text[items[0].end : on.end()]):
                    other = by_start.get(items[0].end + w.start())
                    if other is not None:
                        add([other], "host", a, on.end(), "on the State's territory")
    for code, a, b, name in place_codes:
        cues.append(
            RoleCue(
                code, "host", a, b, f"the activity uses {name}, which lies in {code} (gazetteer)"
            )
        )
    return cues


def _direct(text: str, pos: int) -> bool:
    """A State name used as an adjective: 'U.S. soldiers', 'US troops' (no words between)."""
    return re.match(rf"\s+{_FORCE_WIDE}\b", text[pos : pos + 40], re.I) is not None


def _is_named_exercise(window: str) -> bool:
    return re.match(r"\s*(?:[A-Z][\w-]+\s*){1,3}[-\s]?(?:19|20)?[0-9]{2}\b", window) is not None


def is_activity_sentence(sentence: str, has_exercise: bool, has_figure: bool) -> bool:
    """Whether a sentence is about a military activity (so role cues in it count)."""
    if has_exercise or has_figure:
        return True
    if _EXERCISE_WORD.search(sentence) or _TAKING_PART.search(sentence):
        return True
    return _FORCE_RX.search(sentence) is not None


def combine(mentions: list[StateMention], cues: list[RoleCue]) -> list[StateResult]:
    """One result per State, in order of first mention; 'mentioned' only when no other role."""
    results: dict[str, StateResult] = {}
    for m in mentions:
        for code in m.codes:
            r = results.setdefault(code, StateResult(code))
            r.mentions.append((m.start, m.end))
    for c in cues:
        r = results.setdefault(c.code, StateResult(c.code))
        if c.role not in r.roles:
            r.roles.append(c.role)
        if c.reason not in r.reasons and len(r.reasons) < 20:
            r.reasons.append(c.reason)
    for r in results.values():
        if not r.roles:
            r.roles.append("mentioned")
            r.reasons.append("named in the text, with no cue for a role")
        r.roles.sort(key=ROLES.index)
    return list(results.values())


__all__ = [
    "ROLES",
    "RoleCue",
    "StateMention",
    "StateResult",
    "combine",
    "is_activity_sentence",
    "mentions_from",
    "role_cues",
]
