"""Import on demand: a package names what it exports and where, and loads a module only
when one of its names is first used, so that `csbm --help` does not pay for Dask, SQLAlchemy
or FastAPI. Type checkers read the same names from an `if TYPE_CHECKING:` block."""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable
from typing import Any


class _Package(types.ModuleType):
    """A package whose exported names win over its submodules of the same name.

    Importing a submodule sets it as an attribute of its package; where the package
    exports a function of that name (`csbm.batch.run`, the function, from the module
    `csbm.batch.run`), the function is kept, as an eager `from … import run` in the
    package would have left it."""

    _csbm_exports: dict[str, str]

    def __setattr__(self, name: str, value: Any) -> None:
        where = self.__dict__.get("_csbm_exports", {})
        if isinstance(value, types.ModuleType) and name in where:
            module, _, original = where[name].partition(":")
            if value.__name__ == module:
                value = getattr(value, original or name)
        super().__setattr__(name, value)


def exports(
    package: str, where: dict[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """`__getattr__` and `__dir__` for `package`: `where` maps each exported name to the
    module that defines it ("module", or "module:name" where the package renames it). A
    name is imported once, then kept in the package."""
    mod = sys.modules[package]
    mod.__class__ = _Package
    mod._csbm_exports = where  # type: ignore[attr-defined]

    def __getattr__(name: str) -> Any:
        spec = where.get(name)
        if spec is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module, _, original = spec.partition(":")
        value = getattr(importlib.import_module(module), original or name)
        setattr(mod, name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(where) | set(vars(mod)))

    return __getattr__, __dir__


__all__ = ["exports"]
