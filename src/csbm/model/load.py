"""Reading dossiers from YAML, with errors that name file, line and field."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from csbm._yaml import Located, dotted, parse_yaml, read_yaml
from csbm.errors import DossierError, InputError, Problem
from csbm.model.dossier import Dossier


def problems_from(
    exc: ValidationError, located: Located, model: type[BaseModel] | None = None
) -> list[Problem]:
    """Turn pydantic's errors into problems located in the YAML source. With `model`, an
    unknown key is answered with the nearest field name of the model at that place."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        # Union members add their type name to the location; drop what is not a real key.
        real = _real_path(loc, located.data)
        message = err["msg"]
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        if err["type"] == "extra_forbidden" and model is not None and real:
            message = _unknown_field(model, real)
        elif err["type"] == "bool_type":
            # Only YAML's true and false: 'no', 'off', 0 or 'yes' are refused rather than
            # guessed (a dossier's facts are too important to read a typo as a value).
            message = f"{err['input']!r} is not true or false"
        real = _field_named(message, real, located.data)
        problems.append(Problem(message, field=dotted(real) or None, line=located.line_of(real)))
    return problems


def _field_named(message: str, path: tuple[str | int, ...], data: Any) -> tuple[str | int, ...]:
    """A check across fields whose message opens with one of them ("end 2022-01-20 is
    before start ...") points at that field's line rather than at the mapping's."""
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return path
    first = message.split(" ", 1)[0]
    if isinstance(node, dict) and first in node and first.isidentifier():
        return (*path, first)
    return path


def _unknown_field(model: type[BaseModel], path: tuple[str | int, ...]) -> str:
    """'unknown field' with the nearest known name of the model the key sits in."""
    import difflib

    known = _fields_at(model, path[:-1])
    name = str(path[-1])
    near = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f"; did you mean {near[0]!r}?" if near else ""
    return f"unknown field {name!r}{hint}"


def _fields_at(model: type[BaseModel], path: tuple[str | int, ...]) -> list[str]:
    """The field names of the model reached by following `path` from `model`."""
    current: type[BaseModel] | None = model
    for part in path:
        if current is None:
            return []
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        current = _model_in(field.annotation) if field is not None else None
    return list(current.model_fields) if current is not None else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside an annotation (list[X], X | None, Annotated[...])."""
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _real_path(loc: tuple[Any, ...], data: Any) -> tuple[str | int, ...]:
    path: list[str | int] = []
    node = data
    for part in loc:
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and path[-1:] != [part]:
            # A missing key: name it, at the line of its parent.
            path.append(part)
            node = None
        # anything else is a pydantic-internal label (e.g. a union member's type)
    return tuple(path)


def parse_dossier(text: str | bytes, path: Path | str | None = None) -> Dossier:
    """Validate dossier text; raise DossierError naming file, line and field."""
    located = parse_yaml(text, path, DossierError)
    return _validate(located, path)


def load_dossier(path: Path | str) -> Dossier:
    path = Path(path)
    return _validate(read_yaml(path, DossierError), path)


def _validate(located: Located, path: Path | str | None) -> Dossier:
    if not isinstance(located.data, dict):
        raise DossierError(path, [Problem("a dossier is a mapping with csbm, activity, …", line=1)])
    try:
        return Dossier.model_validate(located.data)
    except ValidationError as exc:
        raise DossierError(path, problems_from(exc, located, Dossier)) from None


def dossier_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Expand directories into their *.yaml / *.yml files, sorted; keep files as given."""
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found.extend(sorted(q for q in p.rglob("*") if q.suffix in {".yaml", ".yml"}))
        elif p.exists():
            found.append(p)
        else:
            raise InputError(p, [Problem("no such file or directory")])
    return found


def load_dossiers(paths: Iterable[Path | str]) -> list[Dossier]:
    """Load every dossier; report all bad files at once, and load nothing if any is bad."""
    dossiers: list[Dossier] = []
    problems: list[str] = []
    for path in dossier_paths(paths):
        try:
            dossiers.append(load_dossier(path))
        except DossierError as exc:
            problems.append(str(exc))
    if problems:
        raise DossierError(None, [Problem(p) for p in problems])
    ids: dict[str, int] = {}
    for d in dossiers:
        ids[d.activity.id] = ids.get(d.activity.id, 0) + 1
    twice = sorted(k for k, n in ids.items() if n > 1)
    if twice:
        raise DossierError(
            None, [Problem(f"activity id {k!r} is in more than one dossier") for k in twice]
        )
    return dossiers
