"""Reading an article that did not come from a crawl: a saved HTML page or a plain-text file,
by path, "-" for stdin, or an http(s) URL. HTML goes through the crawler's own extraction
(trafilatura plus fallbacks), so a saved page yields the same text as a crawled one. A URL on a
loopback, private, link-local or metadata address is refused unless allowed
(``alerts.netguard``)."""

from __future__ import annotations

import os
import stat
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date, datetime
from typing import BinaryIO
from zoneinfo import ZoneInfo

from alerts.netguard import AddressRefused, guarded
from crawler.encoding import UndecodableError, decode_html
from crawler.encoding import decode_text as _decode_text
from crawler.errors import CommandError
from crawler.extracted import ExtractedArticle
from crawler.schema import DEFAULT_TZ
from crawler.textextract import extract_article

MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    """What was read: the raw bytes, and for HTML the extracted article."""

    location: str
    raw: bytes
    is_html: bool
    extracted: ExtractedArticle | None
    text: str
    title: str | None

    def published_day(self, tz: ZoneInfo = DEFAULT_TZ) -> date | None:
        if self.extracted and self.extracted.published_at_utc:
            return self.extracted.published_at_utc.astimezone(tz).date()
        return None


def looks_like_html(raw: bytes) -> bool:
    head = raw[:2048].lstrip().lower()
    return head.startswith(b"<") or b"<html" in head or b"<body" in head


def decode_text(raw: bytes, location: str) -> str:
    """A plain-text file: BOM, else UTF-8, GB18030 or Big5 by detection; else one line."""
    try:
        return _decode_text(raw)
    except UndecodableError as exc:
        raise CommandError(f"{location}: cannot decode ({exc})") from None


def _too_large(location: str) -> CommandError:
    return CommandError(f"{location}: larger than {MAX_BYTES // (1024 * 1024)} MB")


def _read_bounded(stream: BinaryIO, location: str) -> bytes:
    """At most MAX_BYTES + 1 bytes, in pieces, so that an endless stream costs 10 MB at most."""
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_BYTES:
        chunk = stream.read(min(1 << 20, MAX_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > MAX_BYTES:
        raise _too_large(location)
    return b"".join(chunks)


def _opener(allow_private: bool) -> urllib.request.OpenerDirector:
    """urllib's opener, its connections through the address check (no proxy: the address
    connected to must be the one checked)."""
    import http.client

    class Http(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(guarded(http.client.HTTPConnection, allow_private), req)

    class Https(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(guarded(http.client.HTTPSConnection, allow_private), req)

    return urllib.request.build_opener(urllib.request.ProxyHandler({}), Http(), Https())


def read_page(location: str, *, allow_private: bool = False) -> tuple[bytes, str | None]:
    """The bytes at a path, "-" (stdin) or an http(s) URL, and the HTTP Content-Type if any.
    A file's size is checked before it is read; every read stops after MAX_BYTES. A URL on a
    non-public address is refused unless ``allow_private``."""
    if location == "-":
        return _read_bounded(sys.stdin.buffer, location), None
    if location.startswith(("http://", "https://")):
        request = urllib.request.Request(location, headers={"User-Agent": "evwatch"})
        try:
            with _opener(allow_private).open(request, timeout=20) as response:
                length = response.headers.get("Content-Length", "")
                if length.isdigit() and int(length) > MAX_BYTES:
                    raise _too_large(location)
                body = _read_bounded(response, location)
                return body, response.headers.get("Content-Type")
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, AddressRefused):
                why = str(exc.reason).replace("allow_private_addresses is set", "")
                raise CommandError(
                    f"{location}: refused: {why}--allow-private-addresses fetches it"
                ) from None
            raise CommandError(f"{location}: cannot fetch ({exc.reason})") from None
        except OSError as exc:
            raise CommandError(f"{location}: cannot fetch ({exc})") from None
    try:
        with open(location, "rb") as stream:
            info = os.fstat(stream.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise CommandError(f"{location}: cannot read (Is a directory)")
            if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
                raise _too_large(location)
            return _read_bounded(stream, location), None
    except OSError as exc:
        raise CommandError(f"{location}: cannot read ({exc.strerror or exc})") from None


def read_bytes(location: str, *, allow_private: bool = False) -> bytes:
    """The bytes at a path, "-" or URL, bounded (see read_page)."""
    return read_page(location, allow_private=allow_private)[0]


def read_document(
    location: str,
    raw: bytes | None = None,
    content_type: str | None = None,
    *,
    allow_private: bool = False,
) -> Document:
    if raw is None:
        raw, content_type = read_page(location, allow_private=allow_private)
    if len(raw) > MAX_BYTES:
        raise _too_large(location)
    if not raw.strip():
        raise CommandError(f"{location}: empty")
    url = location if location.startswith(("http://", "https://")) else None
    if looks_like_html(raw):
        try:
            _, html = decode_html(raw, content_type)
        except UndecodableError as exc:
            raise CommandError(f"{location}: cannot decode ({exc})") from None
        extracted = extract_article(html, url)
        if extracted.is_empty:
            raise CommandError(f"{location}: no article text found in the page")
        return Document(location, raw, True, extracted, extracted.text, extracted.title)
    text = decode_text(raw, location)
    return Document(location, raw, False, None, text, None)


def parse_day(text: str, option: str = "--published") -> date:
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise CommandError(f"{option} takes YYYY-MM-DD, got {text!r}") from None
