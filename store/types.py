"""Column types shared by the models: aware-UTC datetimes and compressed blobs."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, LargeBinary
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from store.pages import COMPRESSION_LEVEL, CompressedPage
from store.sqlread import utc


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC and always hands back aware UTC datetimes.

    A time zone aware column (``timestamptz`` on PostgreSQL). SQLite has no time zone type: there
    the value is written as naive UTC text, which keeps its ordering correct.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value.isoformat()} given where UTC is required")
        moment = value.astimezone(UTC)
        return moment.replace(tzinfo=None) if dialect.name == "sqlite" else moment

    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        # SQLite hands back text: read once, by ``datetime.fromisoformat`` (the generic
        # DateTime parser before it would read it by regular expression first)
        return utc

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return utc(value)


class CompressedBytes(TypeDecorator[bytes]):
    """Bytes stored zlib-compressed: raw pages are kept so they can be re-parsed later.
    A ``CompressedPage`` is stored as it is."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: bytes | None, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        if isinstance(value, CompressedPage):
            return bytes(value)
        return zlib.compress(value, COMPRESSION_LEVEL)

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> bytes | None:
        return None if value is None else zlib.decompress(value)


def utcnow() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)
