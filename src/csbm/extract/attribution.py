"""Who a figure is attributed to.

csbm weighs a claim by who makes it: a figure a State gives about its own activity is
*declared*, anyone else's is *independent*, and copies of one originator's figure count once
(docs/evidence.md). News reports name the speaker around the figure: "according to NATO
Secretary-General Jens Stoltenberg, 30,000 ...", "... 30,000 troops, the ministry said",
"Minsk says 12,700 ...", "while Western analysts expect more than 200,000 ...". A figure takes
the nearest speaker before it in its sentence, else the first one after it (not across "but"
or ";"); the pipeline carries a speaker one sentence on and resolves pronouns and titles ("he
said", "it said", "the ministry said", "according to the statement") with :func:`resolve`.

The speaker is reduced to a person's name when it ends with one ("NATO Secretary-General Jens
Stoltenberg" -> "Jens Stoltenberg"); offices stay whole ("Belarus's defence ministry"). When
it speaks for exactly one State ("Russia's Defence Minister Sergei Shoigu", "Minsk"), that
State is recorded as ``declared_by``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from csbm.extract.gazetteer import Match, lexicon

_VERB = re.compile(
    r"\b(?:(?:has|have|had|also|reportedly|earlier|previously|now|later|again|then|officially"
    r"|recently|initially|first|publicly|further)\s+)*"
    r"(?P<verb>said|says|say|told|tells|estimated|estimates|estimate|believe|believes|believed"
    r"|claimed|claims|expects|expect|expected|puts|put\s+the\s+(?:\w+\s+)?(?:number|figure|total)"
    r"|counted|counts"
    r"|report(?=\s+that\b)|announce(?=\s+that\b)|reported|reports|declared|declares|announced|announces|stated|noted|warned|warns|insisted"
    r"|insists|wrote|writes|added|adds|spoke\s+of|speaks\s+of|cited|cites|hinted|hints|confirmed"
    r"|confirms|revealed|reveals|indicated|indicates|explained|explains|specified|disclosed"
    r"|promised|promises|predicted|predicts|suggested|suggests|informed|informs|think|thinks"
    r"|thought|reckon|reckons|reckoned|assess|assesses|assessed|fear|fears|feared"
    # "the ministry's figures show 12,800": the owner of the figures speaks
    r"|(?:figures|data|numbers|statistics)\s+(?:show|shows|showed|suggest|suggests))\b"
)
_ACCORDING = re.compile(
    # "Per the Estonian ministry, ...": "per" before a name, never "per cent" or "per day"
    r"(?:\b[Aa]ccording\s+to|\b(?:[Pp]er|[Aa]s\s+(?:stated|reported|announced)\s+by)"
    r"(?=\s+(?:the\s+)?[A-Z]))"
    # "according to figures released by U.S. Army Europe": the body that released them
    r"(?:\s+(?:the\s+)?(?:figures|data|numbers|estimates|information)\s+(?:released|published"
    r"|provided|given|issued)\s+by)?"
    # "U.S. Army": the stop of an abbreviation ends no name
    r"\s+(?P<who>(?:[^,;:.()“”\"]|\.(?=\S)|(?<=\.[A-Z])\.\s(?=[A-Z])){2,90}?)"
    r"(?=\s*(?:[,;:()“”\"]|(?<!\.[A-Z])\.(?:\s|$)|$)|\s+that\b)"
)
_INVERTED = re.compile(
    r"(?:[,”\"]['’]?\s*)(?:said|says|according\s+to)\s+(?P<who>(?:(?:[A-Z][\w.'’-]*|to|of|the|for)\s+){0,7}[A-Z][\w'’-]+)"
    # not "..., said Russia had massed": there the name is the subject of what was said
    r"(?![\w'’-])(?!['’]s\b|\s+(?:had|has|have|was|were|is|are|would|will|could|may|might|did|does|do"
    r"|planned|plans|intended|intends|wanted|wants|massed|moved|deployed|sent|held)\b)"
)
# "..., reported the press service of the Western Military District", "..., said the ministry".
_INVERTED_ORGAN = re.compile(
    r"(?:[,”\"]['’]?\s*)(?:said|says|reported|reports|announced|added|stated|noted|explained"
    r"|wrote)\s+"
    r"(?P<who>(?:the|an?)\s+(?:[a-z-]+\s+){0,2}?(?:press\s+(?:service|office)|ministry|spokes(?:man|woman"
    r"|person)|military|army|command|headquarters|department|agency|alliance|government|staff)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:(?:[A-Z][\w'’.-]*|of|the|and|army|navy|military|ministry"
    r"|armed|forces|defen[cs]e|staff|command)\b\s*){1,7})?)"
)
# "Russian Defence Ministry: about 12,800 troops ...": a headline's speaker before a colon.
_COLON = re.compile(r"\s*(?P<who>[A-Z][^:;,.()“”\"\n]{2,80}?)\s*:\s")
# A speaker's apposition after it: "said Ivan Petrov, a spokesman for the Russian ministry".
_APPOSED = re.compile(
    r"\s*,\s*(?P<app>(?:(?:an?|the|who\s+(?:heads|leads|is|was|commands|serves\s+as))\s+"
    r"|(?=(?:deputy|head|chief|commander|spokes(?:man|woman|person)|press\s+secretary|director"
    r"|minister|secretary|ambassador|representative)\b))(?:[^,;.()“”\"]|\.(?=\S)){3,80})",
    re.I,
)
# Organs that belong to one State though no State word names it.
_ORGAN_OF = (
    (
        re.compile(
            r"\b(?:Western|Southern|Central|Eastern|Northern|Moscow|Leningrad)\s+Military"
            r"\s+District\b|\b(?:Northern|Baltic|Black\s+Sea|Pacific)\s+Fleet\b|\bCaspian\s+Flotilla\b"
        ),
        "RUS",
    ),
)
# "Russian news agencies quoted Col. Gen. Postnikov as saying": the one quoted speaks.
_QUOTED = re.compile(
    r"\bquot(?:ed|es|ing)\s+(?P<who>(?:[^,;:.()“”\"]|\.(?=\S)|\.\s(?=[A-Z]))"
    r"{2,90}?)\s+as\s+say(?:ing|s)\b"
)
# "Interfax reports, citing the General Staff of the Polish Army": the one cited speaks.
_CITING = re.compile(
    r"\bciting\s+(?P<who>(?:[^,;:.()“”\"]|\.(?=\S)){2,90}?)(?=\s*(?:[,;:()“”\"]|\.(?:\s|$)|$))"
)
# A speaker named by a pronoun or a title ("it said", "he added", "the ministry said",
# "according to the statement"), resolved in the pipeline to a speaker named before.
_ANAPHOR = re.compile(
    r"\b(?P<who>[Ii]t|[Hh]e|[Ss]he|[Tt]hey|[Tt]he\s+(?:ministry|department|agency|military"
    r"|army|command|spokes(?:man|woman|person)|minister|general|official|officials|statement"
    r"|director|commander|colonel|admiral|ambassador|president"
    r"|release|press\s+service|headquarters|alliance|government|staff))\s+(?:also\s+|further\s+|later\s+)?"
    r"(?P<verb>said|says|added|adds|told|tells|stated|noted|reported|announced|explained"
    r"|estimated|wrote|writes|specified|clarified)\b"
    r"|\b[Aa]ccording\s+to\s+(?P<doc>(?:the|its|his|her|their)\s+(?:statement|release|report"
    r"|data|figures|ministry|press\s+service|communiqu[eé]|announcement|plan|minister|general"
    r"|spokes(?:man|woman|person)|official|officials|military|army|command|department|agency"
    r"|alliance|government|staff|headquarters|commander)|him|her|them)\b"
    r"|\b[Ii]n\s+(?P<words>his|her|their|its)\s+words\b"
)
_PERSON_ANAPHOR = frozenset(
    {
        "he",
        "she",
        "him",
        "her",
        "the minister",
        "the general",
        "the spokesman",
        "the spokeswoman",
        "the spokesperson",
        "the official",
        "the director",
        "the commander",
        "the colonel",
        "the admiral",
        "the ambassador",
        "the president",
    }
)
_LEADING = re.compile(
    r"^(?:(?:and|but|then|also|meanwhile|later|earlier|separately|so|yet|if|as)\s+)*"
    r"(?:(?:on|in|at|by|last|this|early|late)\s+(?:[A-Z][a-z]+\.?\s+)?[0-9]{1,4}(?:st|nd|rd|th)?"
    r",?\s+(?:[0-9]{4}\s+)?)?",
    re.I,
)
_NOT_FIRST = frozenset(
    {
        "not",
        "no",
        "many",
        "few",
        "all",
        "only",
        "even",
        "more",
        "most",
        "that",
        "this",
        "there",
        "here",
        "what",
        "which",
        "if",
        "as",
        "when",
        "while",
        "so",
        "some",
        "other",
    }
)
_BY = re.compile(
    r"\b(?:declared|announced|reported|claimed|given|stated|cited|notified|estimated|put\s+forward)"
    r"\s+by\s+(?P<who>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|of|the|defen[cs]e"
    r"|ministry|officials|government|military|intelligence)){0,6})"
)
_BOUNDARY = re.compile(r"[,;:(“”\"—–]|\b(?:while|but|whereas|which)\b")
_PRONOUN = re.compile(r"^(?:it|he|she|they|we|i|you|this|that|these|those|who|which)$", re.I)
_SPEAKER_NOUN = re.compile(
    r"\b(?:officials?|ministry|minister|analysts?|experts?|intelligence|sources?|spokes(?:man|woman|person|people)"
    r"|government|military|army|command|staff|observers|diplomats?|officers?|commander|chief"
    r"|media|agency|estimates?|generals?|president|ambassador|delegation|authorities|alliance"
    r"|press\s+service|fleet|headquarters|organi[sz]ers)\b",
    re.I,
)
_ORGAN = re.compile(
    r"\b(?:ministry|minister|government|staff|army|forces|military|intelligence|officials?|officers?|ambassador"
    r"|president|spokes(?:man|woman|person)|delegation|MoD|defen[cs]e|command|fleet|navy|embassy"
    r"|mission|general|chief|authorities|kremlin|pentagon|MFA|foreign\s+office|side)\b",
    re.I,
)
# A heading that names the body whose text this is: "Comment of the MFA of Ukraine on ...",
# "Statement by the Ministry of Defence regarding ...", "Press release of the General Staff".
_STATEMENT_HEAD = re.compile(
    r"\s*(?:(?:Official\s+)?(?:Comment|Commentary|Statement|Press\s+release|Communiqu[eé]"
    r"|Declaration|Information\s+message|Announcement|Remarks)\s+(?:of|by|from)\s+)"
    r"(?P<who>(?:the\s+)?[A-Z][^\n:;\"“”]{2,80}?)"
    r"(?=\s+(?:on|regarding|concerning|about|in\s+connection\s+with|at|to|in\s+response\s+to)\s"
    r"|\s*(?:[:\n]|$))",
)
_NOT_NAME = frozenset(
    [
        "ministry",
        "minister",
        "defence",
        "defense",
        "foreign",
        "forces",
        "force",
        "fleet",
        "staff",
        "general",
        "army",
        "navy",
        "command",
        "council",
        "office",
        "department",
        "intelligence",
        "service",
        "services",
        "committee",
        "union",
        "organization",
        "organisation",
        "alliance",
        "nato",
        "osce",
        "eu",
        "un",
        "secretary",
        "secretary-general",
        "president",
        "prime",
        "chief",
        "spokesman",
        "spokeswoman",
        "ambassador",
        "commander",
        "colonel",
        "lieutenant",
        "major",
        "admiral",
        "marshal",
        "deputy",
        "head",
        "director",
        "saceur",
        "gen",
        "gen.",
        "lt",
        "lt.",
        "col",
        "col.",
        "mr",
        "mr.",
        "mrs",
        "dr",
        "kremlin",
        "pentagon",
        "government",
        "parliament",
        "duma",
        "agency",
        "tass",
        "reuters",
        "interfax",
        "sixth",
        "military",
        "district",
        "western",
        "eastern",
        "southern",
        "northern",
        "central",
        "joint",
        "operational",
        "strategic",
    ]
)


# A stem of every cue below (the verbs of _VERB, _BY and _ANAPHOR, "according", "quoted",
# "citing"): a sentence without one names no speaker.
_ANY_CUE = re.compile(
    r"\b(?:sa(?:id|ys?|ying)\b|t[oe]ll?[ds]?\b|estimat|believ|claim|expect|puts?\b|count(?:ed|s)\b"
    r"|report|declar|announc|stat(?:ed|ing)\b|not(?:ed|ing)\b|notified\b|warn|insist|wr[io]t"
    r"|add(?:ed|s|ing)\b|spoke|speak"
    r"|cit(?:ed|es|ing)\b|hint|confirm|reveal|indicat|explain|specif|disclos|promis|predict"
    r"|suggest|inform|according|quot|given\b|clarif|th(?:inks?|ought)\b|reckon|assess|fear"
    r"|show|per\s+(?:the\s+)?[A-Z]|words\b)",
    re.I,
)
_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z.&-]{1,11}\)\s*$")
_DETERMINER = re.compile(r"\b(?:their|its|the|his|her|our|an?|these|those|this|that)\s+$", re.I)
# A word set off by commas between a speaker and the verb.
_ASIDE = re.compile(
    r",\s*(?:though|however|too|also|in\s+turn|meanwhile|moreover|for\s+(?:its|his|her|their)"
    r"\s+part|in\s+a\s+statement|in\s+a\s+(?:press\s+)?release|earlier|later|separately"
    r"|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    # "A NATO official, speaking on condition of anonymity, said"
    r"|speaking\s+(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|anonymously|to\s+[^,]{2,30}"
    r"|at\s+[^,]{2,40}|in\s+[^,]{2,30})|who\s+(?:declined|asked)\s+(?:not\s+)?to\s+be\s+"
    r"(?:named|identified)|who\s+(?:was\s+)?not\s+authori[sz]ed\s+to\s+speak\s+publicly"
    # "Oleg Petrenko of Belarus, quoted by BelTA, said": the outlet passes the words on
    r"|(?:as\s+)?(?:quoted|cited)\s+by\s+[^,]{2,40}|in\s+(?:an\s+)?interview\s+with\s+[^,]{2,40})"
    r"\s*,\s*$",
    re.I,
)
_TITLE = frozenset(
    {
        "gen",
        "general",
        "col",
        "colonel",
        "lt",
        "lieutenant",
        "maj",
        "major",
        "adm",
        "admiral",
        "minister",
        "president",
        "mr",
        "mrs",
        "ms",
        "dr",
        "commander",
        "spokesman",
        "spokeswoman",
        "secretary",
        "secretary-general",
        "ambassador",
        "marshal",
        "chief",
        "director",
        "deputy",
    }
)


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker cue in a sentence: who, where the cue is, and the State it speaks for.

    ``anaphor`` is set for a pronoun or a title ("he", "the ministry") that names a speaker
    named before: :func:`resolve` replaces it by that speaker."""

    who: str
    phrase: str
    start: int
    end: int
    declared_by: str | None
    how: str
    anaphor: str | None = None
    person: bool = False


def _clean(phrase: str) -> str:
    phrase = phrase.strip().strip("’'\"”“,")
    phrase = phrase[_LEADING.match(phrase).end() :]  # type: ignore[union-attr]
    phrase = re.sub(r"\s+(?:is|are)\s+to\s+be$", "", phrase)  # "if X is to be believed"
    if re.search(r"[a-z]{2}\.$", phrase):
        phrase = phrase[:-1]  # a sentence's full stop, not the one of "U.S."
    phrase = re.sub(r"^(?:the|The)\s+", "", phrase)
    phrase = re.sub(
        r"\s+(?:on|in|at)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$",
        "",
        phrase,
    )
    return phrase.strip()


def _plausible(phrase: str) -> bool:
    words = phrase.split()
    if not words or len(words) > 10 or any(ch.isdigit() for ch in phrase):
        return False
    if len(words) == 1 and _PRONOUN.match(words[0]):
        return False
    if words[0].casefold() in _NOT_FIRST:
        return False  # "All told", "not many next to Belarus say"
    if words[-1].casefold() in ("been", "be", "is", "was", "were", "are", "being"):
        return False  # "the drill had been expected": a passive, no speaker
    if not any(w[:1].isupper() for w in words) and _SPEAKER_NOUN.search(phrase) is None:
        return False
    return not re.match(r"^(?:it|he|she|they|we)\b", phrase, re.I)


def _named_thing(found: list[Match]) -> bool:
    """Whether a word is a State's, a series' or a listed place's name; a town's name is
    also a first or last name often enough ("Linas", "Victoria") to count as one."""
    return any(not (e.kind == "place" and e.needs_cue) for m in found for e in m.entries)


def _person(phrase: str) -> str | None:
    """The person's name a speaker phrase ends with, if any."""
    words = phrase.split()
    lex = lexicon()
    run: list[str] = []
    for w in reversed(words):
        bare = w.strip("’'\".,")
        parts = bare.lower().split("-")
        if (
            not bare[:1].isupper()
            or bare.lower() in _NOT_NAME
            or any(p in _NOT_NAME for p in parts)
            or _named_thing(lex.find(bare))
        ):
            break
        run.append(bare)
    run.reverse()
    if len(run) >= 2 or (len(run) == 1 and len(words) == 1):
        return " ".join(run)
    if len(run) == 1 and words[-2].strip(".,").casefold() in _TITLE:
        return run[0]  # "Col. Gen. Postnikov", "Minister Shoigu": a surname after a title
    head, sep, _ = phrase.partition(" of ")
    if sep and head.strip():
        return _person(head)  # "Lieutenant Colonel Ivar Moen of the ... headquarters"
    return None


def _titled(phrase: str, person: str) -> bool:
    """Whether the phrase is the person's name, alone or after titles ("Colonel General
    Alexander Postnikov")."""
    if not phrase.endswith(person):
        return False
    head = phrase[: len(phrase) - len(person)].split()
    return all(w.strip(".").casefold() in _TITLE for w in head)


def _declared_by(phrase: str) -> str | None:
    codes: set[str] = set()
    kinds: set[str] = set()
    for m in lexicon().find(phrase):
        for e in m.entries:
            if e.kind in ("state", "adjective", "metonym"):
                codes.update(e.codes)
                kinds.add(e.kind)
    for rx, code in _ORGAN_OF:
        if rx.search(phrase):
            codes.add(code)
            kinds.add("organ")
    if len(codes) != 1:
        return None
    bare = re.sub(r"['’]s$", "", phrase.strip())
    whole = lexicon().find(bare)
    just_the_state = len(whole) == 1 and whole[0].start == 0 and whole[0].end == len(bare)
    if _ORGAN.search(phrase) or just_the_state or "organ" in kinds:
        return next(iter(codes))
    return None


def _speaker(phrase: str, start: int, end: int, how: str) -> Speaker | None:
    phrase = _clean(phrase)
    if not _plausible(phrase):
        return None
    person = _person(phrase)
    who = person or phrase
    return Speaker(who, phrase, start, end, _declared_by(phrase), how, person=person is not None)


_APPOSITION = re.compile(r"(?P<a>[^,;:()“”\"]{2,90}),\s+(?P<b>[^,;:()“”\"]{2,90}),\s*$")


def _apposition(window: str, lo: int, start: int, end: int, how: str) -> Speaker | None:
    """'Josep Borrell, the EU's top diplomat, said' and 'NATO's top commander, Chris Cavoli,
    said': of a name and its apposition, the name speaks; the State is read from both."""
    m = _APPOSITION.search(window)
    if m is None:
        return None
    a, b = _clean(m.group("a")), _clean(m.group("b"))
    for name, other in ((b, a), (a, b)):
        person = _person(name) if _plausible(name) else None
        if person is not None and _titled(name.strip(), person):
            both = f"{other}, {name}"
            return Speaker(
                person, both, lo + m.start("a"), end, _declared_by(both), how, person=True
            )
    return None


# "said Colonel Ivan Petrov of the Estonian army": the body the person is of
_OF_ORGAN = re.compile(r"\s+(?P<app>of\s+the\s+[^,;.()“”\"]{3,60})")
_PHRASE_REST = re.compile(r"(?:\s+[a-z][\w-]*){1,3}(?=\s*(?:[,.;:]|$))")
_NAME_LAST = frozenset({"according to", "said (inverted)", "citing", "by", "quoted as saying"})


def _with_apposition(text: str, sp: Speaker, end: int) -> Speaker:
    if sp.declared_by is not None or not sp.person or sp.how not in _NAME_LAST:
        return sp  # after "X said" comes what was said, not an apposition
    app = _APPOSED.match(text, sp.end, end) or _OF_ORGAN.match(text, sp.end, end)
    if app is not None:
        declared = _declared_by(f"{sp.phrase}, {app.group('app')}")
    else:
        # "said Colonel Ivan Petrov of the Estonian army": the phrase ran to "Estonian"
        rest = _PHRASE_REST.match(text, sp.end, end)
        declared = _declared_by(sp.phrase + rest.group()) if rest is not None else None
    return sp if declared is None else replace(sp, declared_by=declared)


def heading_voice(text: str, start: int, end: int) -> Speaker | None:
    """The body a statement's heading names as its author ("Comment of the MFA of Ukraine on
    ..."): the voice of the whole text where no other speaker is named."""
    m = _STATEMENT_HEAD.match(text, start, end)
    if m is None or not _ORGAN.search(m.group("who")):
        return None
    phrase = _clean(m.group("who"))
    if not _plausible(phrase):
        return None
    # a body, never a person: "MFA of Ukraine" is not Mr MFA
    how = "the body the heading names"
    return Speaker(phrase, phrase, m.start("who"), m.end("who"), _declared_by(phrase), how)


def speakers(text: str, start: int, end: int) -> list[Speaker]:
    """Every speaker cue in text[start:end] (one sentence), in order of position."""
    found: list[Speaker] = []
    head = _COLON.match(text, start, end)
    if head is not None and _ORGAN.search(head.group("who")):
        sp = _speaker(head.group("who"), head.start("who"), head.end(), "headline colon")
        if sp is not None:
            found.append(sp)
    if _ANY_CUE.search(text, start, end) is None:
        return found  # most sentences name no speaker: one cheap scan first
    for m in _QUOTED.finditer(text, start, end):
        sp = _speaker(m.group("who"), m.start(), m.end(), "quoted as saying")
        if sp is not None:
            found.append(sp)
    for m in _CITING.finditer(text, start, end):
        sp = _speaker(m.group("who"), m.start(), m.end(), "citing")
        if sp is not None:
            found.append(sp)
    for m in _ANAPHOR.finditer(text, start, end):
        owner = m.group("words")
        if owner is not None:  # "in his words": he
            word = {"his": "he", "her": "she", "their": "they", "its": "it"}[owner.casefold()]
        else:
            word = (m.group("who") or m.group("doc")).casefold()
        found.append(Speaker(word, m.group(), m.start(), m.end(), None, "anaphor", anaphor=word))
    anaphor_at = {f.start for f in found if f.anaphor}
    for m in _ACCORDING.finditer(text, start, end):
        if m.start() in anaphor_at:
            continue  # "according to the minister": the anaphor, resolved later
        sp = _speaker(m.group("who"), m.start(), m.end(), "according to")
        if sp is not None:
            found.append(sp)
    for m in _BY.finditer(text, start, end):
        sp = _speaker(m.group("who"), m.start(), m.end(), "by")
        if sp is not None:
            found.append(sp)
    for m in _INVERTED.finditer(text, start, end):
        sp = _speaker(m.group("who"), m.start(), m.end(), "said (inverted)")
        if sp is not None:
            found.append(sp)
    for m in _INVERTED_ORGAN.finditer(text, start, end):
        who = m.group("who")
        bare = who.removeprefix("the ").strip()
        if " " not in bare or bare in ("press service", "press office"):
            # "said the ministry": a title, resolved later to the one named before
            word = f"the {bare}"
            found.append(
                Speaker(word, m.group(), m.start(), m.end(), None, "anaphor", anaphor=word)
            )
            continue
        sp = _speaker(who, m.start(), m.end(), "said (inverted)")
        if sp is not None:
            found.append(sp)

    for m in _VERB.finditer(text, start, end):
        lo = max(start, m.start() - 110)
        window = text[lo : m.start()]
        if _DETERMINER.search(window):
            continue  # "their announced strategic exercise", "an estimated": an adjective
        aside = _ASIDE.search(window)
        if aside is not None:
            window = window[: aside.start()] + " "  # "A Russian general, though, has hinted"
        # "Ukrainian intelligence (HUR) said": the acronym in brackets is the same speaker
        window = _ACRONYM.sub(" ", window)
        cut = 0
        for b in _BOUNDARY.finditer(window):
            cut = b.end()
        phrase = window[cut:]
        if not phrase.strip():
            sp = _apposition(window, lo, lo + cut, m.end(), m.group("verb"))
            if sp is not None:
                found.append(sp)
            continue
        if any(f.end == m.end() for f in found if f.anaphor):
            continue  # "the ministry said": the anaphor, resolved later
        sp = _speaker(phrase, lo + cut, m.end(), m.group("verb"))
        if sp is not None:
            found.append(sp)
    # "Minister X disagreed, saying about 100,000 ...": the subject that opens the sentence
    for m in _SAYING.finditer(text, start, end):
        subject = opening_subject(text, start, m.start())
        if subject is not None:
            found.append(replace(subject, end=m.end(), how="saying"))
    # "said Ivan Petrov, a spokesman for the Russian ministry", "according to Valery Revenko,
    # who heads the Belarusian ministry's department": a person's State from the apposition.
    found = [_with_apposition(text, sp, end) for sp in found]
    # "Interfax reports, citing the General Staff": the reporter passes the figure on.
    citing = [f for f in found if f.how == "citing"]
    found = [f for f in found if not any(0 <= c.start - f.end <= 3 and f is not c for c in citing)]
    found.sort(key=lambda s: s.start)
    return found


_SAYING = re.compile(
    r",\s+(?:and\s+)?(?:saying|adding|noting|claiming|estimating|stating|insisting|warning)\b"
    r"(?!\s+(?:goodbye|farewell))"
)
# The words that open a sentence as its subject: capitalised words and the small words of
# offices between them ("The Belarusian Ministry of Defence published ...").
_SUBJECT = re.compile(
    r"\s*(?:[Tt]he\s+)?(?P<who>(?:[A-Z][\w'’.-]*|of|the|for|and|defen[cs]e|foreign|ministry"
    r"|minister|armed|forces|press|service|office|staff|general|navy|army|military|intelligence"
    r"|spokes(?:man|woman|person)|commander|chief|officials?)"
    r"(?:\s+(?:[A-Z][\w'’.-]*|of|the|for|and|defen[cs]e|foreign|ministry|minister|armed|forces"
    r"|press|service|office|staff|general|navy|army|military|intelligence|spokes(?:man|woman"
    r"|person)|commander|chief|officials?))*)(?=\s+[a-z])"
)


def opening_subject(text: str, start: int, end: int) -> Speaker | None:
    """The organ or person whose words open the sentence at ``start`` as its subject, when
    they name an office ("The Belarusian Ministry of Defence published a video", "Ukrainian
    Defence Minister X disagreed"): a speaker a later "it said" or ", saying" names."""
    m = _SUBJECT.match(text, start, end)
    if m is None:
        return None
    phrase = re.sub(r"\s+(?:of|the|for|and)$", "", m.group("who"))
    if _ORGAN.search(phrase) is None:
        return None
    sp = _speaker(phrase, start + m.start("who"), start + m.start("who") + len(phrase), "subject")
    if sp is None or (not sp.person and sp.declared_by is None):
        return None
    return sp


_NAMED_PERSON = re.compile(
    r"\b(?P<title>(?:Defen[cs]e\s+|Foreign\s+|Prime\s+)?Minister|President|General|Gen\.|Colonel"
    r"|Col\.|Admiral|Adm\.|Commander|Secretary(?:-General)?|Spokes(?:man|woman|person)|Chief"
    r"|Lieutenant|Lt\.|Major|Maj\.|Marshal|Ambassador"
    # "navy spokesman Johann Fischer", "Fleet commander Admiral X": a title written small
    r"|spokes(?:man|woman|person)|commander|minister|chief)\s+"
    r"(?P<name>(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
)
# Capitalised words just before a title: "Russian Defence Minister", "NATO Secretary-General".
_LEAD = re.compile(
    r"(?:(?:[A-Z][\w'’.-]*|of|the|for|defen[cs]e|foreign|army|navy|military|press|armed|forces)\s+)"
    r"{0,5}(?:[A-Z][\w'’.-]*|defen[cs]e|army|navy|military)\s+$"
)


def persons(text: str, start: int, end: int) -> list[Speaker]:
    """People named with a title in text[start:end] ("Defence Minister Sergei Shoigu
    visited ..."), who a later "he said" may name though they said nothing here."""
    out: list[Speaker] = []
    for m in _NAMED_PERSON.finditer(text, start, end):
        lo = max(start, m.start() - 60)
        lead = _LEAD.search(text, lo, m.start())
        a = lead.start() if lead is not None else m.start()
        phrase = _clean(text[a : m.end()])
        who = _person(phrase)
        if who is None:
            continue
        declared = _declared_by(phrase)
        app = _APPOSED.match(text, m.end(), end) or _OF_ORGAN.match(text, m.end(), end)
        if declared is None and app is not None:
            # "Colonel General Alexander Postnikov, deputy chief of the Russian General Staff"
            declared = _declared_by(f"{phrase}, {app.group('app')}")
        out.append(Speaker(who, phrase, a, m.end(), declared, "named", person=True))
    return out


def literal(cue: Speaker) -> Speaker | None:
    """An anaphor no speaker before it resolves, as said: "the ministry" stays a speaker (a
    reader can look it up), "he" or "the statement" does not."""
    word = cue.anaphor or ""
    if not word.startswith("the ") or word.split()[-1] in ("statement", "release"):
        return None
    return _speaker(word, cue.start, cue.end, "said")


def resolve(cue: Speaker, named: list[Speaker]) -> Speaker | None:
    """A pronoun or title ("he", "it", "the ministry", "according to the statement") as the
    speaker named last before it (``named``, in text order): a person for "he", "she" and
    titles of persons, else the last speaker that is no person (an organ, a State, a
    publication), and for a title the last whose words contain it ("the ministry" after "the
    Belarusian defence ministry"). None when no such speaker was named."""
    word = cue.anaphor or ""
    if word in _PERSON_ANAPHOR:
        pool = [n for n in named if n.person]
    else:
        pool = [n for n in named if not n.person]
        noun = word.removeprefix("the ").removeprefix("its ").split()[-1] if " " in word else ""
        if noun and noun not in ("statement", "release", "report", "data", "figures", "plan"):
            fitting = [n for n in pool if noun in n.phrase.casefold()]
            if not fitting:
                return None  # "the ministry" with no ministry named before: kept as said
            pool = fitting
    if not pool:
        return None
    target = pool[-1]
    return Speaker(
        target.who,
        target.phrase,
        cue.start,
        cue.end,
        target.declared_by,
        f"{cue.phrase!r}, which names {target.who} (named before)",
        person=target.person,
    )


_TURN = re.compile(r"[;]|,\s*(?:but|while|whereas|although)\b|\bbut\b")


def for_figure(cues: list[Speaker], fig_start: int, fig_end: int, text: str = "") -> Speaker | None:
    """The speaker the figure names ('the 12,700 declared by Moscow'), else the nearest
    speaker before it in its sentence, else the first after it unless a turn ("but", ";")
    stands between (``text`` is where the offsets point)."""
    agent = [c for c in cues if c.how == "by" and fig_end <= c.start <= fig_end + 20]
    if agent:
        return agent[0]
    before = [
        c for c in cues if c.end <= fig_start or (c.how == "according to" and c.start < fig_start)
    ]
    if before:
        return max(before, key=lambda c: c.end)
    after = [c for c in cues if c.start >= fig_end]
    if not after:
        return None
    # Not across a turn: "expected to have 35,000 soldiers, but X said it was cut to 30,000".
    between = text[fig_end : after[0].start]
    if _TURN.search(between) and not re.search(r"[”\"]", between):  # a quote's speaker after it
        return None
    return after[0]


__all__ = [
    "Speaker",
    "for_figure",
    "heading_voice",
    "literal",
    "opening_subject",
    "persons",
    "resolve",
    "speakers",
]
