"""Stored pages: a page's bytes compressed the way the database keeps them (zlib). Imports
nothing else, so an extraction worker can compress pages without loading the store."""

from __future__ import annotations

import zlib

COMPRESSION_LEVEL = 6


class CompressedPage(bytes):
    """Page bytes compressed already, as ``store.types.CompressedBytes`` stores them: a crawl
    compresses each page in its extraction worker, so the database writer only copies it."""

    @classmethod
    def of(cls, raw: bytes) -> CompressedPage:
        return cls(zlib.compress(raw, COMPRESSION_LEVEL))
