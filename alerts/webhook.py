"""The webhook channel: Standard Webhooks signing/verification and the signed JSON POST.

Signature: ``v1,<base64 HMAC-SHA256 over "{msg_id}.{timestamp}." + body>``; a secret of the form
``whsec_<base64>`` uses the decoded bytes as key, any other secret its UTF-8 bytes. The POST uses
``urllib`` with an opener that refuses redirects and a total deadline (a receiver that trickles
a byte at a time meets no per-read timeout: at the deadline the socket is shut down); the
response body is read at most up to a bound, and ``send_webhook`` never raises for network or
HTTP errors. Details never contain the URL (webhook URLs often embed tokens) nor the secret.
Loopback, private, link-local and metadata addresses are refused unless the subscriber sets
``allow_private_addresses`` (``alerts.netguard``: the address connected to is the one checked).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import http.client
import json
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from alerts.channels import MAX_RETRY_AFTER, DeliveryResult, one_line
from alerts.netguard import AddressRefused, guarded

SECRET_PREFIX = "whsec_"
USER_AGENT = "evwatch"
_EXCERPT = 160


def _key(secret: str) -> bytes:
    if not secret:
        raise ValueError("webhook secret must not be empty")
    if secret.startswith(SECRET_PREFIX):
        encoded = secret[len(SECRET_PREFIX) :]
        try:
            key = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("webhook secret has the whsec_ prefix but is not base64") from None
        if not key:
            raise ValueError("webhook secret must not be empty")
        return key
    return secret.encode("utf-8")


def _digest(secret: str, msg_id: str, timestamp: int, body: bytes) -> bytes:
    signed = f"{msg_id}.{int(timestamp)}.".encode() + body
    return hmac.new(_key(secret), signed, hashlib.sha256).digest()


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """The ``webhook-signature`` value for ``body`` sent as ``msg_id`` at ``timestamp``."""
    return "v1," + base64.b64encode(_digest(secret, msg_id, timestamp, body)).decode("ascii")


def verify(secret: str, msg_id: str, timestamp: int, body: bytes, signature_header: str) -> bool:
    """True when one of the space-separated ``v1,<sig>`` entries of ``signature_header`` matches
    (constant-time comparison). Timestamp tolerance is the receiver's business."""
    expected = _digest(secret, msg_id, timestamp, body)
    matched = False
    for entry in (signature_header or "").split():
        version, _, encoded = entry.partition(",")
        if version != "v1" or not encoded:
            continue
        try:
            candidate = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            continue
        matched |= hmac.compare_digest(expected, candidate)
    return matched


def encode_body(payload: dict[str, Any]) -> bytes:
    """The exact bytes POSTed: compact JSON, UTF-8, non-ASCII kept as is, key order preserved."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delay-seconds or HTTP-date), in [0, 3600]."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if moment is None or moment.tzinfo is None:
            return None
        seconds = moment.timestamp() - now
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """Makes every 3xx surface as an HTTPError instead of being followed."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


class _Deadline:
    """The total time one send may take: when it is up, the connection's socket is shut down,
    which ends whatever read or write is waiting on it."""

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.fired:
                self._shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):  # closed already
            sock.shutdown(socket.SHUT_RDWR)


def _watched(base: type[http.client.HTTPConnection], deadline: _Deadline) -> Any:
    """``base`` whose socket, once connected, is handed to ``deadline``."""

    class Watched(base):  # type: ignore[valid-type,misc]
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    return Watched


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline, allow_private: bool) -> None:
        super().__init__()
        self._deadline = deadline
        self._base = guarded(http.client.HTTPConnection, allow_private)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_watched(self._base, self._deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline, allow_private: bool) -> None:
        super().__init__()
        self._deadline = deadline
        self._base = guarded(http.client.HTTPSConnection, allow_private)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        # No context: http.client's default, which verifies certificates and host names.
        return self.do_open(_watched(self._base, self._deadline), req)


def _opener(deadline: _Deadline, allow_private: bool) -> urllib.request.OpenerDirector:
    # No proxy: the address connected to must be the receiver's, checked.
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}),
        _RefuseRedirects(),
        _HTTPHandler(deadline, allow_private),
        _HTTPSHandler(deadline, allow_private),
    )


def _read_bounded(response: Any, limit: int, deadline: float) -> bytes:
    """At most ``limit`` bytes of the response body, giving up at ``deadline`` (monotonic)."""
    chunks: list[bytes] = []
    remaining = limit
    try:
        while remaining > 0 and time.monotonic() < deadline:
            chunk = response.read(min(remaining, 16384))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except (OSError, http.client.HTTPException, ValueError):
        pass  # the status is what counts; a broken body changes nothing
    return b"".join(chunks)


def _secrets_of(url: str, secret: str) -> list[str]:
    """Strings that must never reach a detail: the secret (with and without its prefix), the
    URL and its parts that may carry tokens (query, fragment, user info, path)."""
    found = [secret, secret.removeprefix(SECRET_PREFIX), url]
    try:
        parts = urlsplit(url)
        found += [parts.query, parts.fragment, parts.password or "", parts.username or ""]
        found += [value for _, value in parse_qsl(parts.query, keep_blank_values=True)]
        if len(parts.path) > 1:
            found.append(parts.path)
    except ValueError:
        pass
    return sorted({s for s in found if len(s) >= 4}, key=len, reverse=True)


def _mask(text: str, hidden: list[str]) -> str:
    for value in hidden:
        text = text.replace(value, "***")
    return text


def _excerpt(body: bytes, hidden: list[str]) -> str:
    """``: <start of the response body>`` on one line, with anything in ``hidden`` masked."""
    if not body:
        return ""
    text = one_line(_mask(body[: _EXCERPT * 4].decode("utf-8", "replace"), hidden), _EXCERPT)
    return f": {text}" if text else ""


def _classify(status: int, headers: Any, body_excerpt: str, now: float) -> DeliveryResult:
    if 200 <= status < 300:
        return DeliveryResult(ok=True, detail=f"HTTP {status}", status=status)
    if 300 <= status < 400:
        return DeliveryResult(
            ok=False,
            detail=f"HTTP {status}: redirect not followed; fix the webhook URL",
            permanent=True,
            status=status,
        )
    if status == 410:
        return DeliveryResult(ok=False, detail="gone", permanent=True, status=status)
    retry_after = None
    if status == 429 or status >= 500:
        retry_after = parse_retry_after(headers.get("Retry-After") if headers else None, now)
    permanent = 400 <= status < 500 and status not in (408, 429)
    return DeliveryResult(
        ok=False,
        detail=f"HTTP {status}{body_excerpt}",
        permanent=permanent,
        retry_after=retry_after,
        status=status,
    )


def send_webhook(
    url: str,
    secret: str,
    msg_id: str,
    payload: dict[str, Any],
    *,
    timeout: float = 10.0,
    max_response_bytes: int = 65536,
    now: Callable[[], float] = time.time,
    allow_private_addresses: bool = False,
) -> DeliveryResult:
    """POST ``payload`` signed with ``secret`` as message ``msg_id`` (the same id on every retry).
    2xx is delivered; 3xx (never followed), 410 and other 4xx (except 408/429) are permanent;
    429, 5xx, timeouts and connection errors are retryable, with Retry-After honoured. A host
    that is or resolves to a non-public address is refused (permanent) unless
    ``allow_private_addresses``."""
    if not msg_id or any(ord(c) < 33 or ord(c) == 127 for c in msg_id):
        raise ValueError("msg_id must be a non-empty token without spaces or control characters")
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        host = parts.hostname
    except ValueError:
        scheme, host = "", None
    if scheme not in ("http", "https") or not host:
        return DeliveryResult(
            ok=False, detail="webhook URL must be http(s) with a host", permanent=True
        )
    body = encode_body(payload)
    timestamp = int(now())
    try:
        signature = sign(secret, msg_id, timestamp, body)
    except ValueError as error:
        # A configuration problem (e.g. a malformed whsec_ secret) an operator can fix: retryable.
        return DeliveryResult(ok=False, detail=f"cannot sign: {error}")
    hidden = _secrets_of(url, secret)
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "webhook-id": msg_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": signature,
        },
    )
    where = f"{scheme}://{host}"
    with _Deadline(timeout) as total:
        result = _post(
            request, timeout, max_response_bytes, hidden, where, now, total,
            allow_private_addresses,
        )  # fmt: skip
    if total.fired and not result.ok and result.status is None:
        return DeliveryResult(ok=False, detail=f"timed out after {timeout:g} s waiting for {where}")
    return result


def _post(
    request: urllib.request.Request,
    timeout: float,
    max_response_bytes: int,
    hidden: list[str],
    where: str,
    now: Callable[[], float],
    total: _Deadline,
    allow_private: bool,
) -> DeliveryResult:
    deadline = time.monotonic() + timeout
    try:
        with _opener(total, allow_private).open(request, timeout=timeout) as response:
            status = response.status
            excerpt = ""
            if not 200 <= status < 300:
                excerpt = _excerpt(_read_bounded(response, max_response_bytes, deadline), hidden)
            return _classify(status, response.headers, excerpt, now())
    except urllib.error.HTTPError as error:
        with error:
            excerpt = _excerpt(_read_bounded(error, max_response_bytes, deadline), hidden)
            return _classify(error.code, error.headers, excerpt, now())
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, AddressRefused):
            return DeliveryResult(ok=False, detail=f"refused: {reason}", permanent=True)
        if isinstance(reason, TimeoutError):
            return DeliveryResult(ok=False, detail=f"timed out connecting to {where}")
        if isinstance(reason, ssl.SSLCertVerificationError):
            return DeliveryResult(
                ok=False, detail=f"TLS certificate verification failed for {where}"
            )
        text = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
        return DeliveryResult(ok=False, detail=f"cannot reach {where}: {_mask(text, hidden)}")
    except TimeoutError:
        return DeliveryResult(ok=False, detail=f"timed out waiting for {where}")
    except (OSError, http.client.HTTPException) as error:
        return DeliveryResult(
            ok=False, detail=f"connection to {where} failed: {type(error).__name__}"
        )
    except ValueError as error:  # e.g. a URL http.client cannot use
        return DeliveryResult(
            ok=False, detail=f"unusable webhook URL: {type(error).__name__}", permanent=True
        )
