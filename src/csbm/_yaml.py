"""YAML reading that remembers where every value came from.

PyYAML's composer gives nodes with line marks; we build plain Python data from
the nodes ourselves so that each path (keys and indices) maps to its line. Dates
are left as strings for pydantic to parse, so an impossible date such as
2022-02-30 is reported like any other bad field instead of crashing the parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from csbm.errors import InputError, Problem

Path_ = tuple[str | int, ...]

# Anchors and aliases can make a small file expand into a huge tree.
_MAX_NODES = 200_000


class _PyLoader(yaml.SafeLoader):
    """A safe loader that does not turn timestamps into dates."""


# libyaml's parser when PyYAML was built with it (about ten times faster than the pure
# Python one, which is what start-up spent most on); its nodes carry the same line marks.
# A file it cannot parse is parsed again by the Python one, whose messages and lines are
# the ones csbm reports (libyaml puts an error at the end of the file on the next line).
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", _PyLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """The fast loader, with the same resolvers."""


_PyLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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


def _build(
    node: yaml.Node, path: Path_, out: Located, loader: yaml.SafeLoader, budget: list[int]
) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooBig(node)
    out.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int):
                raise _Bad(key_node, "mapping keys must be strings or whole numbers")
            if key in result:
                raise _Bad(key_node, f"key {key!r} appears twice")
            result[key] = _build(value_node, (*path, key), out, loader, budget)
            out.lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), out, loader, budget) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


class _Bad(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        self.node = node
        self.message = message


class _TooBig(Exception):
    def __init__(self, node: yaml.Node) -> None:
        self.node = node


def parse_yaml(text: str | bytes, path: Path | str | None, error: type[InputError]) -> Located:
    """Parse one YAML document; on any failure raise `error` naming the file and line."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise error(path, [Problem(f"not UTF-8 text (byte {exc.start})")]) from None
    try:
        return _parse(text, path, error, _Loader)
    except error:
        if _Loader.__mro__[1] is _PyLoader:
            raise
        return _parse(text, path, error, _PyLoader)  # raises, with the Python parser's words


def _parse(
    text: str, path: Path | str | None, error: type[InputError], cls: type[yaml.SafeLoader]
) -> Located:
    try:
        loader = cls(text)
    except yaml.YAMLError as exc:
        raise error(path, [Problem(f"unreadable text: {exc}".replace("\n", " "))]) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise error(path, [Problem("the file is empty")])
        out = Located(data=None)
        out.data = _build(node, (), out, loader, [_MAX_NODES])
        return out
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "malformed YAML"
        raise error(path, [Problem(f"YAML syntax error: {what}", line=line)]) from None
    except yaml.YAMLError as exc:
        raise error(path, [Problem(f"YAML error: {exc}")]) from None
    except _Bad as exc:
        raise error(path, [Problem(exc.message, line=exc.node.start_mark.line + 1)]) from None
    except _TooBig as exc:
        line = exc.node.start_mark.line + 1
        raise error(
            path, [Problem(f"more than {_MAX_NODES} values (alias expansion?)", line=line)]
        ) from None
    except RecursionError:
        raise error(path, [Problem("nesting too deep")]) from None
    except (ValueError, TypeError, OverflowError) as exc:
        # PyYAML constructors can raise these for odd scalars (e.g. huge binary tags).
        raise error(path, [Problem(f"unreadable value: {exc}")]) from None
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
