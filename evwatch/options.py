"""What several commands take from the global options: the database (``--db``) and the alert
configuration (``--config``), each opened only by the commands that use it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from crawler.errors import CommandError

if TYPE_CHECKING:
    from alerts.config import Config
    from store.db import Database


_opened: list[Database] = []


def open_db(args: argparse.Namespace) -> Database:
    """The database named by ``--db``, ``EVWATCH_DB`` or the default, migrated to head; closed
    by ``close_databases`` when the command ends."""
    from store.db import Database
    from store.dburl import resolve_db_url

    database = Database(resolve_db_url(args.db))
    _opened.append(database)
    return database


def close_databases() -> None:
    """Closes the connections of every database a command opened (a server-side database
    sees the session end at once, not when the process exits)."""
    while _opened:
        _opened.pop().dispose()


def alert_config(args: argparse.Namespace) -> Config:
    """evwatch.toml (``--config``, ``EVWATCH_CONFIG`` or ./evwatch.toml); an error names the
    file and the key."""
    from alerts.config import ConfigError, config_path, load_config

    try:
        return load_config(config_path(args.config))
    except ConfigError as exc:
        raise CommandError(str(exc)) from None
