"""Which database a command uses, and what kind of database a URL names, answered without
importing SQLAlchemy (whose URL parser is used only for URLs beyond a plain SQLite file)."""

from __future__ import annotations

import os
import re
from pathlib import Path

DEFAULT_DB_URL = "sqlite:///evwatch.db"
# A plain SQLite file URL: no query string, no %-escapes (anything else is SQLAlchemy's to read)
_SQLITE_FILE = re.compile(r"sqlite(?:\+pysqlite)?:///(?P<path>[^?%]+)")


def resolve_db_url(cli_value: str | None = None) -> str:
    """The database URL: ``--db``, else ``EVWATCH_DB``, else ``evwatch.db`` in the working dir."""
    return cli_value or os.environ.get("EVWATCH_DB") or DEFAULT_DB_URL


def sqlite_file(url: str) -> Path | None:
    """The file of a plain SQLite URL; None for any other URL (and for ``:memory:``)."""
    match = _SQLITE_FILE.fullmatch(url)
    if match is None or match["path"] == ":memory:":
        return None
    return Path(match["path"]).expanduser()


def is_postgresql(url: str) -> bool:
    if sqlite_file(url) is not None:  # the common case, without SQLAlchemy's URL parser
        return False
    from sqlalchemy.engine import make_url

    return make_url(url).get_backend_name() == "postgresql"
