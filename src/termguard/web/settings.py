"""What the web app is allowed to do, decided once at start-up and frozen.

The bind address decides the security posture: on loopback the app trusts the local user; on any other
address a token is mandatory (generated if not given) and every request must present it.
"""

from __future__ import annotations

import ipaddress
import secrets
import socket
from dataclasses import dataclass, field

MB = 1024 * 1024
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and the name `localhost` (never for 0.0.0.0, which means every interface)."""
    if host.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _host_names(host: str) -> set[str]:
    """Names a browser may put in the Host header for a server bound to `host`."""
    names = {"127.0.0.1", "localhost", "[::1]"}
    bare = host.strip("[]")
    names.add(f"[{bare}]" if ":" in bare else bare)
    if bare in ("0.0.0.0", "::"):
        names.update({socket.gethostname(), socket.getfqdn()})
    return {n.lower() for n in names if n}


@dataclass(frozen=True)
class WebSettings:
    """`token` is None only on loopback; `allowed_hosts` are host names without ports."""

    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    extra_hosts: tuple[str, ...] = ()
    max_upload_bytes: int = 25 * MB
    default_playbook: str = "strict"
    allowed_hosts: frozenset[str] = field(default=frozenset())

    @staticmethod
    def build(host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
              extra_hosts: tuple[str, ...] = (), max_upload_bytes: int = 25 * MB,
              default_playbook: str = "strict") -> WebSettings:
        """Fill in the Host allow-list and, off loopback, a token when none was given."""
        if not is_loopback(host) and not token:
            token = secrets.token_urlsafe(24)
        allowed = _host_names(host) | {h.lower() for h in extra_hosts}
        return WebSettings(host, port, token, extra_hosts, max_upload_bytes, default_playbook, frozenset(allowed))

    @property
    def needs_token(self) -> bool:
        return self.token is not None

    def url(self) -> str:
        bare = self.host.strip("[]")
        shown = f"[{bare}]" if ":" in bare else bare
        if shown in ("0.0.0.0", "[::]"):
            shown = socket.gethostname()
        return f"http://{shown}:{self.port}/"
