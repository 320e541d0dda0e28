"""Column types shared by the models: aware-UTC datetimes and compressed blobs."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, LargeBinary
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from store.pages import COMPRESSION_LEVEL, CompressedPage


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC and always hands back aware UTC datetimes.

    SQLite has no time zone type; PostgreSQL's ``timestamptz`` would round-trip the zone, but a
    naive UTC value keeps the SQL portable and the ordering correct on both.
    """

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value.isoformat()} given where UTC is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment = datetime.fromisoformat(value) if isinstance(value, str) else value
        assert isinstance(moment, datetime)
        return moment.replace(tzinfo=UTC)


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
