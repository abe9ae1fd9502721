"""The error catalogue: every failure a user can see has a code, a status and a message they can act on."""

from __future__ import annotations

from dataclasses import dataclass

# Terminal statuses of one input file, shared by review, scan and the web app.
STATUSES = ("ok", "partial", "needs-password", "no-text-layer", "unsupported", "rejected", "limit-exceeded", "error")


@dataclass
class TermguardError(Exception):
    """Base error. `code` is stable (E1xx ingest, E2xx rules/playbooks, E3xx usage)."""

    code: str
    message: str

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


@dataclass
class IngestError(TermguardError):
    """A file that could not be read. `status` is one of STATUSES; `path` names the file."""

    status: str = "error"
    path: str = ""

    def one_line(self) -> str:
        """`<file>: <status>: <reason> [<code>]`, without repeating the status when the reason starts with it."""
        said = self.message.lower().replace("-", " ")
        if said.startswith(self.status.replace("-", " ")):
            return f"{self.path}: {self.message} [{self.code}]"
        return f"{self.path}: {self.status}: {self.message} [{self.code}]"


@dataclass
class RuleError(TermguardError):
    """A rule or playbook file that does not validate. `where` is 'file:line'."""

    where: str = ""

    def __str__(self) -> str:
        return f"{self.where}: [{self.code}] {self.message}"


class UsageError(TermguardError):
    pass
