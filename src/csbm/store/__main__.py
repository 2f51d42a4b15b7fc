"""`python -m csbm.store …`: the `csbm db` commands on their own, with csbm's error
handling (a message and exit code 2 for csbm's own errors, never a traceback)."""

from __future__ import annotations

import sys

from csbm._printable import console_class
from csbm.errors import CsbmError
from csbm.store.cli import db_app


def main() -> None:
    try:
        db_app(prog_name="csbm db")
    except CsbmError as exc:
        err = console_class()(stderr=True, soft_wrap=True, highlight=False)
        err.print("[red]error:[/red] ", end="")
        err.print(str(exc), markup=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
