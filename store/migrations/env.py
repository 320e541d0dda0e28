"""Alembic environment: uses the engine handed over by ``store.migrate`` when there is one."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from store.dialects import compare_type
from store.models import Base

config = context.config
target_metadata = Base.metadata
# Tables other code owns in the same database: the daemon's APScheduler job store.
FOREIGN_TABLES = {"apscheduler_jobs"}
# The article search index (FTS5, migration 0011) and its shadow tables: SQL, not models.
SEARCH_INDEX_PREFIX = "articles_fts"


def include_object(obj: object, name: str | None, type_: str, reflected: bool, _: object) -> bool:
    """Autogenerate leaves alone what is not ours."""
    return not (
        type_ == "table"
        and (name in FOREIGN_TABLES or (name or "").startswith(SEARCH_INDEX_PREFIX))
    )


def run_migrations_online() -> None:
    engine = config.attributes.get("engine") or create_engine(
        config.get_main_option("sqlalchemy.url") or ""
    )
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            include_object=include_object,
            compare_type=compare_type,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
