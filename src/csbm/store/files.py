"""Dossier files in and out of the store: reading what to import, writing exports.

Exports are byte-stable: the same dossier always gives the same bytes, so exporting twice
gives identical files and an export can be kept under version control. The text is
``Dossier.model_dump(mode="json", exclude_defaults=True)`` written by PyYAML with:

- keys in the model's field order (``csbm``, ``activity``, ``sources``, ``claims``,
  ``acts``; within each, the order of the fields in ``csbm.model.dossier``);
- fields at their default value left out (``made: true``, ``qualifier: exact``, empty
  lists, nulls);
- dates unquoted (``start: 2022-02-10``), as in hand-written dossiers (csbm's reader
  never turns them into YAML timestamps);
- lists of State codes inline (``[RUS, BLR]``), other lists as blocks, indented;
- text with line breaks as literal blocks (``|``), text over 80 characters as folded
  blocks (``>``) wrapped at 100 columns, text with unusual line breaks (CR, NEL, U+2028)
  double-quoted with escapes (PyYAML would otherwise turn them into plain line breaks);
- a blank line before ``sources``, ``claims`` and ``acts``.

Comments in the original files are not kept (they are not part of the dossier model): an
exported bundled dossier has the same content but not its header comments.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from csbm._yaml import dotted, quote_like_yaml_1_2, read_yaml
from csbm.data import dossiers_dir
from csbm.errors import DossierError, Problem
from csbm.model.dossier import Dossier
from csbm.model.load import dossier_paths, load_dossiers
from csbm.store.convert import storable_problems

_STATE = re.compile(r"^[A-Z]{3}$")


def read_dossiers(paths: Iterable[Path | str], *, bundled: bool = False) -> list[Dossier]:
    """Every dossier in `paths` (files or directories), plus the bundled record if asked.

    Nothing is returned unless every file is valid: all problems are raised together in
    one DossierError naming file, line and field, the same as `csbm check` prints. That
    includes values the database cannot hold (see `storable_problems`).
    """
    sources = [Path(p) for p in paths]
    if bundled:
        sources.append(dossiers_dir())
    files = dossier_paths(sources)
    dossiers = load_dossiers(files)
    problems: list[Problem] = []
    for path, dossier in zip(files, dossiers, strict=True):
        found = storable_problems(dossier)
        if found:
            located = read_yaml(path, DossierError)
            problems += [
                Problem(Problem(message, field=dotted(loc), line=located.line_of(loc)).render(path))
                for loc, message in found
            ]
    if problems:
        raise DossierError(None, problems)
    return dossiers


class _Dumper(yaml.SafeDumper):
    """Block lists indented under their key; strings that look like dates left plain."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


# Dates are strings in the dump; csbm's reader keeps them strings, so no quotes are needed.
_Dumper.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


# Line breaks other than \n: PyYAML writes them raw in plain and single-quoted text, and
# they come back as \n (or a space). Double quotes escape them.
_ODD_BREAKS = frozenset("\r\x85\u2028\u2029\ufeff")
_FOLD_OVER = 80


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style: str | None = None
    if not _ODD_BREAKS.isdisjoint(value):
        style = '"'
    elif "\n" in value:
        style = "|"
    elif len(value) > _FOLD_OVER and " " in value:
        style = ">"
    # PyYAML falls back to a quoted style where a block style cannot hold the text.
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    inline = bool(value) and all(isinstance(v, str) and _STATE.match(v) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=inline)


quote_like_yaml_1_2(_Dumper)
_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)

_SECTIONS = re.compile(r"^(sources|claims|acts):", re.MULTILINE)


def dossier_yaml(dossier: Dossier) -> str:
    """The dossier as YAML text, the same bytes every time (see the module docstring)."""
    data = dossier.model_dump(mode="json", exclude_defaults=True)
    text = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return _SECTIONS.sub(r"\n\1:", text)


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and a rename: a reader never sees half a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_dossiers(dossiers: Sequence[Dossier], directory: Path | str) -> list[Path]:
    """Write each dossier to `directory/<activity id>.yaml`; return the paths written."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for dossier in dossiers:
        path = out / f"{dossier.activity.id}.yaml"
        write_atomic(path, dossier_yaml(dossier))
        written.append(path)
    return written


__all__ = ["dossier_yaml", "export_dossiers", "read_dossiers", "write_atomic"]
