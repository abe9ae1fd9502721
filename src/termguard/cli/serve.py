"""`termguard serve`: the local web app under uvicorn, on 127.0.0.1 unless told otherwise.

We start uvicorn ourselves (not `fastapi run`, which binds 0.0.0.0). Any non-loopback address gets a token,
printed once at start-up inside the URL to open.
"""

from __future__ import annotations

import os

import typer

from termguard.cli.common import fail


def serve_cmd(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind. Anything but loopback needs a token."),
    port: int = typer.Option(8000, "--port", help="Port to listen on (0 picks a free one)."),
    token: str | None = typer.Option(None, "--token", envvar="TERMGUARD_TOKEN",
                                        help="Access token when bound beyond loopback (default: generated)."),
    allow_host: list[str] = typer.Option([], "--allow-host",
                                         help="Extra Host header name to accept (a DNS name for this machine)."),
    max_upload_mb: int = typer.Option(25, "--max-upload-mb", min=1, help="Largest upload accepted, in MB."),
    playbook: str = typer.Option("strict", "--playbook", "-p", help="Default playbook for uploads."),
    register_: bool = typer.Option(False, "--register", help="Keep reviews and negotiation status in the "
                                                              "register (SQLite) instead of memory."),
    db: str | None = typer.Option(None, "--db", envvar="TERMGUARD_DB",
                                     help="Register database (path or URL); implies --register."),
) -> None:
    """Serve the web app: upload, review with highlighted evidence, negotiate, compare, register."""
    import socket

    import uvicorn

    from termguard.assess.playbook import shipped_playbooks
    from termguard.web import WebSettings, create_app

    if playbook not in shipped_playbooks():
        fail(f"unknown playbook {playbook!r}; choose one of {', '.join(shipped_playbooks())}")
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror}")
    actual_port = sock.getsockname()[1]
    settings = WebSettings.build(host, actual_port, token, tuple(allow_host), max_upload_mb * 1024 * 1024, playbook)
    store = None
    if register_ or db:
        try:
            from termguard.web.register_store import RegisterStore
        except ImportError:
            fail("the register (termguard.store) is not installed in this build")
        store = RegisterStore(db)
    url = settings.url()
    if settings.token:
        typer.echo(f"termguard serving on {url}?token={settings.token}")
        typer.echo(f"API clients: Authorization: Bearer {settings.token}")
    else:
        typer.echo(f"termguard serving on {url}")
    typer.echo("Press Ctrl+C to stop. " + ("Reviews are kept in the register." if store else
                                           "Reviews are kept in memory and forgotten on exit."))
    config = uvicorn.Config(create_app(settings, store), log_level=os.environ.get("TERMGUARD_LOG", "warning"),
                            access_log=False, server_header=False, proxy_headers=False)
    uvicorn.Server(config).run(sockets=[sock])


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
