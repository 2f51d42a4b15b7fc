"""YAML reading that remembers where every value came from.

PyYAML's composer gives nodes with line marks; we build plain Python data from
the nodes ourselves so that each path (keys and indices) maps to its line. Dates
are left as strings for pydantic to parse, so an impossible date such as
2022-02-30 is reported like any other bad field instead of crashing the parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from csbm.errors import InputError, Problem

Path_ = tuple[str | int, ...]

# The most one file may hold. Anchors and aliases can make a small file expand into a huge
# tree, and a plain file of megabytes takes seconds to build; the largest bundled dossier is
# about 25 kB and has a few thousand values, so both limits leave two orders of magnitude.
MAX_VALUES = 200_000
MAX_BYTES = 2_000_000
# Values reached again through aliases: no bundled file uses one, and a small file of
# nested aliases ("billion laughs") is refused after this much work, not 200,000 values.
MAX_REPEATS = 10_000


class _PyLoader(yaml.SafeLoader):
    """A safe loader that reads plain scalars as YAML 1.2 does (see _CORE_12)."""


# libyaml's parser when PyYAML was built with it (about ten times faster than the pure
# Python one, which is what start-up spent most on); its nodes carry the same line marks.
# A file it cannot parse is parsed again by the Python one, whose messages and lines are
# the ones csbm reports (libyaml puts an error at the end of the file on the next line).
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", _PyLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """The fast loader, with the same resolvers."""


# YAML 1.2's core schema, not PyYAML's YAML 1.1 one: under 1.1, `050000` is the octal
# 20,480, `3:00:00` the sexagesimal 10,800, `yes`, `no`, `on` and `off` are booleans, and
# `1_000` is a thousand, all silently. Under 1.2 a number is decimal (leading zeros
# allowed), 0o octal or 0x hexadecimal; true and false are the booleans; everything else
# is text. Timestamps are left as text for pydantic to parse, so an impossible date such
# as 2022-02-30 is reported like any other bad field; merge keys (`<<`) are not YAML 1.2.
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TAG = "tag:yaml.org,2002:"
_MAX_DIGITS = 1_000  # far beyond any figure; Python itself converts at most 4,300
_CORE_12: list[tuple[str, re.Pattern[str], str]] = [
    (_TAG + "bool", _BOOL, "tTfF"),
    (_TAG + "int", _INT, "-+0123456789"),
    (_TAG + "float", _FLOAT, "-+.0123456789"),
    (_TAG + "null", _NULL, "~nN"),
]
# The tags a file may give a value explicitly (`!!str 1`): the core schema's, nothing else
# (`!!binary`, `!!set`, `!!timestamp` and the like would hand the model types it never sees).
_CORE_TAGS = frozenset(_TAG + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))


def quote_like_yaml_1_2(dumper: type[yaml.SafeDumper]) -> None:
    """Make a dumper quote every string YAML 1.2 would read as something else (`1e5`,
    `0o17`): PyYAML's dumper quotes only what YAML 1.1 would, and csbm reads 1.2."""
    for tag, rx, firsts in _CORE_12:
        for first in firsts:
            dumper.add_implicit_resolver(tag, rx, list(first))


def _resolvers() -> dict[str | None, list[tuple[str, re.Pattern[str]]]]:
    table: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}
    for tag, rx, firsts in _CORE_12:
        for first in firsts:
            table.setdefault(first, []).append((tag, rx))
    table.setdefault(None, []).append((_TAG + "null", _NULL))  # the empty scalar
    return table


def _int_12(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if not _INT.match(text):
        raise _Bad(node, f"{text!r} is not a whole number (YAML 1.2: decimal, 0o or 0x)")
    if len(text) > _MAX_DIGITS:
        raise _Bad(node, f"a number of {len(text):,} digits (csbm reads up to {_MAX_DIGITS:,})")
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text, 10)  # leading zeros are decimal, as YAML 1.2 reads them


def _float_12(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = str(loader.construct_scalar(node))
    if not _FLOAT.match(text) and not _INT.match(text):
        raise _Bad(node, f"{text!r} is not a number")
    if text.lstrip("+-").lower() == ".inf":
        return float("-inf") if text.startswith("-") else float("inf")
    if text.lower() == ".nan":
        return float("nan")
    return float(_int_12(loader, node)) if _INT.match(text) else float(text)


def _bool_12(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> bool:
    text = str(loader.construct_scalar(node))
    if not _BOOL.match(text):
        raise _Bad(node, f"{text!r} is not true or false")
    return text.lower() == "true"


for _cls in (_PyLoader, _Loader):
    _cls.yaml_implicit_resolvers = _resolvers()
    _cls.add_constructor(_TAG + "int", _int_12)
    _cls.add_constructor(_TAG + "float", _float_12)
    _cls.add_constructor(_TAG + "bool", _bool_12)


@dataclass
class Located:
    """Parsed YAML data with the line of every path in it."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """The line of the deepest known prefix of path (a missing key reports its parent)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


class _Walk:
    """What building one file has used: values left, the nodes met, whether any came twice
    (an alias), so a refusal can say which limit was reached."""

    def __init__(self) -> None:
        self.left = MAX_VALUES
        self.repeats = MAX_REPEATS
        self.seen: set[int] = set()
        self.aliased = False


_MAX_DEPTH = 100


def _tag_problem(node: yaml.Node) -> str | None:
    if node.tag in _CORE_TAGS:
        return None
    return f"the tag {node.tag!r} is not read here (only YAML 1.2 core values)"


def _build(node: yaml.Node, path: Path_, out: Located, loader: yaml.SafeLoader, walk: _Walk) -> Any:
    walk.left -= 1
    if id(node) in walk.seen:
        walk.aliased = True
        walk.repeats -= 1
        if walk.repeats < 0:
            raise _TooBig(node, f"its aliases repeat more than {MAX_REPEATS:,} values")
    else:
        walk.seen.add(id(node))
    if walk.left < 0:
        what = "with its aliases expanded, it holds" if walk.aliased else "it holds"
        raise _TooBig(node, f"{what} more than {MAX_VALUES:,} values")
    if len(path) > _MAX_DEPTH:
        raise _Bad(node, f"nested more than {_MAX_DEPTH} levels deep")
    problem = _tag_problem(node)
    if problem is not None:
        raise _Bad(node, problem)
    out.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or _tag_problem(key_node):
                raise _Bad(key_node, "mapping keys must be strings or whole numbers")
            key = _scalar(key_node, loader)
            if not isinstance(key, str | int) or isinstance(key, bool):
                raise _Bad(key_node, "mapping keys must be strings or whole numbers")
            if key in result:
                raise _Bad(key_node, f"key {key!r} appears twice")
            result[key] = _build(value_node, (*path, key), out, loader, walk)
            out.lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), out, loader, walk) for i, item in enumerate(node.value)]
    return _scalar(node, loader)


def _scalar(node: yaml.Node, loader: yaml.SafeLoader) -> Any:
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, TypeError, OverflowError) as exc:
        # e.g. a whole number of more digits than Python converts (4,300)
        raise _Bad(node, f"unreadable value: {exc}") from None


class _Bad(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        self.node = node
        self.message = message


class _TooBig(Exception):
    def __init__(self, node: yaml.Node, what: str) -> None:
        self.node = node
        self.what = what


def _line_of_offset(text: str, offset: int) -> int:
    return text.count("\n", 0, max(offset, 0)) + 1


def parse_yaml(text: str | bytes, path: Path | str | None, error: type[InputError]) -> Located:
    """Parse one YAML document; on any failure raise `error` naming the file and line."""
    size = len(text.encode("utf-8", "surrogatepass")) if isinstance(text, str) else len(text)
    if size > MAX_BYTES:
        raise error(
            path,
            [Problem(f"the file is {size:,} bytes; csbm reads files of up to {MAX_BYTES:,} bytes")],
        )
    if isinstance(text, bytes):
        raw = text
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            raise error(path, [Problem(f"not UTF-8 text (byte {exc.start})", line=line)]) from None
    try:
        return _parse(text, path, error, _Loader)
    except error as exc:
        if _Loader.__mro__[1] is _PyLoader or not getattr(exc, "reparse", False):
            raise
        return _parse(text, path, error, _PyLoader)  # raises, with the Python parser's words


def _parse(
    text: str, path: Path | str | None, error: type[InputError], cls: type[yaml.SafeLoader]
) -> Located:
    try:
        loader = cls(text)
    except yaml.reader.ReaderError as exc:
        line = _line_of_offset(text, exc.position)
        raise error(path, [Problem(f"unreadable text: {exc.reason}", line=line)]) from None
    except yaml.YAMLError as exc:
        raise error(path, [Problem(f"unreadable text: {exc}".replace("\n", " "))]) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise error(path, [Problem("the file is empty", line=1)])
        out = Located(data=None)
        out.data = _build(node, (), out, loader, _Walk())
        return out
    except yaml.reader.ReaderError as exc:
        line = _line_of_offset(text, exc.position)
        raise error(path, [Problem(f"unreadable text: {exc.reason}", line=line)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "malformed YAML"
        if "nesting depth" in what:  # libyaml's own limit: the Python parser would recurse
            raise error(path, [Problem("nesting too deep", line=at)]) from None
        refused = error(path, [Problem(f"YAML syntax error: {what}", line=at)])
        refused.reparse = True  # type: ignore[attr-defined]
        raise refused from None
    except yaml.YAMLError as exc:
        raise error(path, [Problem(f"YAML error: {exc}".replace("\n", " "))]) from None
    except _Bad as exc:
        raise error(path, [Problem(exc.message, line=exc.node.start_mark.line + 1)]) from None
    except _TooBig as exc:
        line = exc.node.start_mark.line + 1
        message = f"{exc.what}, the most csbm reads from one file"
        raise error(path, [Problem(message, line=line)]) from None
    except RecursionError:
        raise error(path, [Problem("nesting too deep", line=1)]) from None
    finally:
        loader.dispose()


def read_yaml(path: Path, error: type[InputError]) -> Located:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise error(path, [Problem(f"cannot read: {exc.strerror or exc}")]) from None
    return parse_yaml(raw, path, error)


def dotted(loc: Path_) -> str:
    """('claims', 0, 'value') -> 'claims[0].value'."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
