"""`csbm serve` and `csbm token create|list|revoke`."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from csbm._console import console as make_console
from csbm._printable import echo

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL or SQLite path (default: $CSBM_DATABASE_URL, else the user data file).",
    ),
]


def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            metavar="N", help="Server processes; 0: one per CPU this process may use.", min=0
        ),
    ] = 1,
) -> None:
    """Serve the web app: activities, verdicts, map and timeline, rules, extraction.

    Offline: every script and map layer is served by the app itself. Writes need a token
    (csbm token create). See docs/web.md.
    """
    import os
    import secrets

    import uvicorn

    from csbm.store.url import resolve_url
    from csbm.web.app import create_app
    from csbm.web.security import SECRET_ENV

    app = create_app(db)  # fails here, with a message, if the database is not set up
    count = workers or len(os.sched_getaffinity(0))
    where = app.state.record.store.where
    echo(
        f"csbm serving {where} on http://{host}:{port}/"
        + (f" ({count} worker processes)" if count > 1 else "")
    )
    if host not in ("127.0.0.1", "localhost", "::1"):
        echo(
            "note: listening beyond this machine without TLS; put csbm behind a reverse "
            "proxy that terminates HTTPS (see docs/web.md)",
            err=True,
        )
    if count == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
        return
    app.state.record.close()
    # Each worker makes its own app from the environment: the same database, and one
    # secret key for all, so that a session and its CSRF token hold whichever answers.
    os.environ["CSBM_DATABASE_URL"] = resolve_url(db)
    os.environ.setdefault(SECRET_ENV, secrets.token_urlsafe(32))
    uvicorn.run(
        "csbm.web.app:app_from_env",
        factory=True,
        workers=count,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
    )


token_app = typer.Typer(help="API tokens for the web app's write endpoints.", no_args_is_help=True)


class TokenFormat(StrEnum):
    table = "table"
    json = "json"


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Argument(help="Who or what will use the token.")],
    db: DbOption = None,
) -> None:
    """Create a token and print it once (only its digest is stored)."""
    from csbm.store import Store
    from csbm.store.tokens import create_token

    with Store(db) as store:
        info, secret = create_token(store, name)
    echo(secret)
    echo(f"token {info.name!r} ({info.prefix}…) created; it is not shown again", err=True)


@token_app.command("list")
def token_list(
    db: DbOption = None,
    output_format: Annotated[TokenFormat, typer.Option("--format", help="Output format.")] = (
        TokenFormat.table
    ),
) -> None:
    """List tokens: name, prefix, created, last used, revoked (never the secret)."""
    from rich.table import Table

    from csbm.store import Store
    from csbm.store.tokens import list_tokens

    with Store(db) as store:
        tokens = list_tokens(store)
    if output_format is TokenFormat.json:
        rows = [
            {
                "name": t.name,
                "prefix": t.prefix,
                "created_at": t.created_at.isoformat(),
                "created_by": t.created_by,
                "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
                "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None,
            }
            for t in tokens
        ]
        echo(json.dumps(rows, indent=2))
        return
    table = Table(title=f"{len(tokens)} token(s)")
    for col in ("name", "prefix", "created", "by", "last used", "revoked"):
        table.add_column(col)
    for t in tokens:
        table.add_row(
            t.name,
            t.prefix + "…",
            f"{t.created_at:%Y-%m-%d %H:%M}",
            t.created_by,
            f"{t.last_used_at:%Y-%m-%d %H:%M}" if t.last_used_at else "never",
            f"{t.revoked_at:%Y-%m-%d %H:%M}" if t.revoked_at else "",
        )
    make_console().print(table)


@token_app.command("revoke")
def token_revoke(
    name: Annotated[str, typer.Argument(help="The token's name or its shown prefix.")],
    db: DbOption = None,
) -> None:
    """Revoke every active token with this name (or prefix); it never works again."""
    from csbm.store import Store
    from csbm.store.tokens import revoke_token

    with Store(db) as store:
        revoked = revoke_token(store, name)
    for t in revoked:
        echo(f"revoked {t.name} ({t.prefix}…)")
