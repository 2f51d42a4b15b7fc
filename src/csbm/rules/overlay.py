"""What-if overlays: parameter values laid over the ruleset in force.

An overlay is a YAML file with a title, a source (a published proposal, or
"illustrative") and parameter paths with values. Findings that use an overlaid value
cite the overlay instead of the instrument, so no what-if verdict can pass for law.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from csbm._yaml import Located, parse_yaml, read_yaml
from csbm.errors import InputError, Problem, UsageError
from csbm.model.dossier import Slug
from csbm.model.load import problems_from
from csbm.rules._tree import Parameter, Scalar, load_parameters


class OverlayError(InputError):
    """An overlay file that cannot be read, or names parameters that do not exist."""


class OverlaySource(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
    publisher: str | None = None
    url: str | None = None
    date: str | None = None


class Overlay(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    csbm_overlay: Literal[1] = 1
    id: Slug
    title: str = Field(min_length=1)
    source: Literal["illustrative"] | OverlaySource = Field(
        description="A published proposal, or 'illustrative' for a made-up what-if."
    )
    description: str | None = None
    parameters: dict[str, int | float | str | None] = Field(min_length=1)

    @property
    def source_text(self) -> str:
        if isinstance(self.source, str):
            return "illustrative, not a published proposal"
        parts = [self.source.title, self.source.publisher, self.source.date, self.source.url]
        return ", ".join(p for p in parts if p)

    def as_json(self) -> dict[str, object]:
        return self.model_dump(mode="json")


def _check_against_tree(overlay: Overlay, located: Located | None, path: Path | str) -> None:
    params = load_parameters()
    problems = []
    for name, value in overlay.parameters.items():
        line = located.line_of(("parameters", name)) if located else None
        param = params.get(name)
        if param is None:
            close = ", ".join(sorted(p for p in params if p.split(".")[0] == name.split(".")[0]))
            hint = f"; parameters of that chapter: {close}" if close else ""
            problems.append(
                Problem(f"no parameter {name!r}{hint}", field=f"parameters.{name}", line=line)
            )
            continue
        wanted = _kind(param)
        if value is not None and value != "none" and not _fits(value, wanted):
            problems.append(
                Problem(
                    f"{value!r} does not fit {name}, which takes a {wanted}",
                    field=f"parameters.{name}",
                    line=line,
                )
            )
    if problems:
        raise OverlayError(path, problems)


def _kind(param: Parameter) -> str:
    kinds = {type(v.value) for v in param.values if v.value not in (None, "none")}
    if kinds <= {int, float}:
        return "number"
    return "text"


def _fits(value: Scalar, kind: str) -> bool:
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    return is_number if kind == "number" else isinstance(value, str)


def load_overlay(path: Path | str) -> Overlay:
    """An overlay from a file, or a bundled one by id (e.g. 'lower-thresholds')."""
    p = Path(path)
    if not p.exists():
        bundled = bundled_overlays().get(str(path))
        if bundled is None:
            known = ", ".join(sorted(bundled_overlays()))
            raise OverlayError(path, [Problem(f"no such file, nor a bundled overlay ({known})")])
        p = bundled
    return _validated(read_yaml(p, OverlayError), p)


def parse_overlay(text: str, name: str = "<overlay>") -> Overlay:
    return _validated(parse_yaml(text, name, OverlayError), name)


def _validated(located: Located, where: Path | str) -> Overlay:
    try:
        overlay = Overlay.model_validate(located.data)
    except ValidationError as exc:
        raise OverlayError(where, problems_from(exc, located)) from None
    _check_against_tree(overlay, located, where)
    return overlay


def overlay_from_settings(settings: list[str]) -> Overlay:
    """`--set PATH=VALUE` options as one overlay; VALUE is read as a YAML scalar."""
    values: dict[str, int | float | str | None] = {}
    for item in settings:
        name, sep, raw = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--set {item!r}: write PATH=VALUE, e.g. ch05.land.troops=5000")
        try:
            value = yaml.safe_load(raw)
        except yaml.YAMLError:
            raise UsageError(f"--set {item!r}: {raw!r} is not a value") from None
        if not isinstance(value, int | float | str) or isinstance(value, bool):
            raise UsageError(f"--set {item!r}: give a number or a word, not {raw!r}")
        values[name.strip()] = value
    overlay = Overlay(
        id="command-line",
        title="--set " + " ".join(settings),
        source="illustrative",
        parameters=values,
    )
    _check_against_tree(overlay, None, "--set")
    return overlay


def bundled_overlays() -> dict[str, Path]:
    from importlib import resources

    root = Path(str(resources.files("csbm.data") / "overlays"))
    return {p.stem: p for p in sorted(root.glob("*.yaml"))}
