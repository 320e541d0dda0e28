"""Alembic wiring: run the packaged migrations against a database, programmatically.

Opening a database at head costs one read of ``alembic_version`` (deferred, no write lock, no
Alembic import); Alembic runs only when a migration is pending.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

    from store.db import Database

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# The newest migration in migrations/versions (tests/test_store.py checks it is Alembic's head).
HEAD_REVISION = "0015"


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    url = engine.url.render_as_string(hide_password=False)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser syntax
    config.attributes["engine"] = engine
    return config


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None when it has no schema yet)."""
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        revision = connection.scalar(text("SELECT version_num FROM alembic_version"))
        return None if revision is None else str(revision)


def head_revision(engine: Engine) -> str | None:
    """Alembic's own view of the newest migration."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def known_revisions() -> set[str]:
    """The revisions this evwatch ships, from the migration files' names (no Alembic import)."""
    return {path.name.split("_", 1)[0] for path in (MIGRATIONS_DIR / "versions").glob("*.py")}


def upgrade_to_head(db: Database) -> bool:
    """Apply pending migrations; returns True when something was applied. A database at a
    revision this evwatch does not know (written by a newer one) is refused in one line."""
    revision = current_revision(db.read_engine)
    if revision == HEAD_REVISION:
        return False
    if revision is not None and revision not in known_revisions():
        from store.db import DatabaseError

        raise DatabaseError(
            f"this database was written by a newer evwatch (revision {revision}); upgrade evwatch"
        )
    from alembic import command

    command.upgrade(alembic_config(db.engine), "head")
    return True
