"""What differs between the databases evwatch runs on (SQLite, PostgreSQL) for the schema: how
Alembic compares column types where SQLite stores the same value either way."""

from __future__ import annotations

from typing import Any

from sqlalchemy import DateTime, String


def compare_type(
    context: Any,
    inspected_column: Any,
    metadata_column: Any,
    inspected_type: Any,
    metadata_type: Any,
) -> bool | None:
    """Alembic's ``compare_type`` hook. On SQLite a VARCHAR(n) and a TEXT are the same column
    (no length is enforced) and so are DATETIMEs with and without a time zone (there is no time
    zone type): no difference. Elsewhere, and for other types, None: Alembic's own comparison."""
    if context.dialect.name != "sqlite":
        return None
    for kind in (String, DateTime):
        if isinstance(inspected_type, kind) and isinstance(metadata_type, kind):
            return False
    return None
