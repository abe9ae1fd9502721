"""Where the register lives and how we connect to it.

URL order: explicit `url` (the CLI's `--db`) → `TERMGUARD_DB` → a SQLite file in the user's data directory
(`platformdirs.user_data_dir("termguard")/register.sqlite`). A bare file path is accepted as SQLite.

SQLite is opened the way RELIABILITY.md measured to be safe: WAL journal (readers never block the one
writer), `busy_timeout` (a second process waits instead of failing), `secure_delete=ON` (deleted text is
overwritten, which `forget` relies on) and foreign keys on (ON DELETE CASCADE is what makes forgetting
complete). Writes use `BEGIN IMMEDIATE` so two writers serialise up front instead of deadlocking later.
The schema is created and upgraded by Alembic (`migrations/`), never by `create_all`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

ENV_VAR = "TERMGUARD_DB"
MIGRATIONS = Path(__file__).parent / "migrations"


def default_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("termguard", appauthor=False)) / "register.sqlite"


def resolve_url(url: str | None = None) -> str:
    """The database URL to use; a plain path means a SQLite file."""
    url = url or os.environ.get(ENV_VAR) or ""
    if not url:
        path = default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://"):  # prefer psycopg 3, the driver the `postgres` extra installs
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def display_url(url: str) -> str:
    """The URL for messages: the password masked, a SQLite URL shown as its file."""
    try:
        u = make_url(url)
    except Exception:  # noqa: BLE001 - a malformed URL is shown as given
        return url
    if u.get_backend_name() == "sqlite" and u.database:
        return u.database
    return u.render_as_string(hide_password=True).replace("postgresql+psycopg://", "postgresql://", 1)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL (None for in-memory databases)."""
    db = make_url(url).database
    return Path(db) if db and db != ":memory:" else None


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _begin)
    cur = dbapi_conn.cursor()
    for pragma in ("journal_mode=WAL", "busy_timeout=30000", "secure_delete=ON", "foreign_keys=ON",
                   "synchronous=NORMAL"):
        cur.execute(f"PRAGMA {pragma}")
    cur.close()


def _begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    """An engine with the pragmas above; the database file's folder is created if needed."""
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to `revision` with the packaged Alembic migrations."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
