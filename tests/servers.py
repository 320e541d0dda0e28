"""Real servers for the delivery tests, on 127.0.0.1 with a free port, started by the tests:

- ``SmtpServer``: aiosmtpd in a thread, recording every accepted message as raw bytes, with
  optional TLS (STARTTLS required), authentication and recipients to refuse;
- ``WebhookReceiver``: a threaded HTTP server answering from a script (status, headers, delay,
  body size, redirect), verifying signatures with the ``standardwebhooks`` reference package
  and recording every request;
- ``sample_alert``: an ``AlertView`` to render and send.
"""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from alerts.render import AlertView

HOST = "127.0.0.1"


def free_port() -> int:
    """A port nothing listens on (bound then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def reference_verifier(secret: str) -> Webhook:
    """The Standard Webhooks reference implementation, not our signer, checks what we send.
    A ``whsec_`` secret is a base64 key; any other string is used as the key bytes."""
    return Webhook(secret) if secret.startswith("whsec_") else Webhook(secret.encode("utf-8"))


# --- SMTP --------------------------------------------------------------------------------------


@dataclass
class Received:
    """One message as the SMTP server accepted it."""

    mail_from: str
    rcpt_tos: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = message_from_bytes(self.raw, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


class _Handler:
    def __init__(self, refuse: set[str], refuse_reply: str, data_reply: str | None) -> None:
        self.refuse, self.refuse_reply, self.data_reply = refuse, refuse_reply, data_reply
        self.messages: list[Received] = []

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address.lower() in self.refuse:
            return self.refuse_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.data_reply is not None:
            return self.data_reply
        content = envelope.original_content or envelope.content or b""
        raw = content if isinstance(content, bytes) else content.encode()
        self.messages.append(Received(str(envelope.mail_from), list(envelope.rcpt_tos), bytes(raw)))
        return "250 Message accepted for delivery"


class _Authenticator:
    """Accepts exactly one login/password pair; records the logins it saw."""

    def __init__(self, username: str, password: str) -> None:
        self.username, self.password = username.encode(), password.encode()
        self.logins: list[str] = []

    def __call__(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        ok = auth_data.login == self.username and auth_data.password == self.password
        if ok:
            self.logins.append(auth_data.login.decode())
        return AuthResult(success=ok, handled=False)


class _Controller(Controller):
    """aiosmtpd's Controller, listening on port 0: learns the real port before its self-test."""

    def _trigger_server(self) -> None:
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class SmtpServer:
    """An aiosmtpd server on 127.0.0.1 (context manager). ``tls_context`` enables STARTTLS
    (then required), ``implicit_tls`` makes it SMTPS, ``credentials`` enables AUTH; addresses
    in ``refuse`` get ``refuse_reply`` on RCPT; ``data_reply`` replaces the DATA acceptance.
    ``port`` 0 picks a free port; a fixed one lets a test bring a server back "up" where a
    sender failed to reach it."""

    def __init__(
        self,
        *,
        tls_context: ssl.SSLContext | None = None,
        implicit_tls: ssl.SSLContext | None = None,
        credentials: tuple[str, str] | None = None,
        refuse: Iterable[str] = (),
        refuse_reply: str = "550 5.1.1 No such user here",
        data_reply: str | None = None,
        port: int = 0,
    ) -> None:
        self.handler = _Handler({address.lower() for address in refuse}, refuse_reply, data_reply)
        self.authenticator = _Authenticator(*credentials) if credentials else None
        kwargs: dict[str, Any] = {}
        if tls_context is not None:
            kwargs.update(tls_context=tls_context, require_starttls=True)
        if implicit_tls is not None:
            kwargs.update(ssl_context=implicit_tls)
        if self.authenticator is not None:
            kwargs.update(
                authenticator=self.authenticator,
                auth_required=True,
                auth_require_tls=tls_context is not None or implicit_tls is not None,
            )
        self.controller = _Controller(
            self.handler, hostname=HOST, port=port, server_hostname="localhost", **kwargs
        )
        self.port = 0

    @property
    def messages(self) -> list[Received]:
        return self.handler.messages

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        self.port = self.controller.port
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


# --- webhook receiver --------------------------------------------------------------------------


@dataclass
class Reply:
    """One scripted answer. ``body_size`` bytes of filler follow ``body``; with ``stall_after``
    the server writes that many body bytes, then waits ``stall`` seconds before the rest."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0
    body_size: int = 0
    stall_after: int | None = None
    stall: float = 0.0
    trickle: float = 0.0  # > 0: the status line and headers sent a byte at a time, this far apart


@dataclass
class Request:
    """One request as the receiver saw it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    signature_ok: bool | None


class _ReceiverHandler(BaseHTTPRequestHandler):
    server: _ReceiverServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if len(body) < length:
            # the sender died between its headers and the end of its body (a dispatcher killed
            # mid-send): no request was made, as a real receiver would see it
            self.server.owner.client_hung_up += 1
            self.close_connection = True
            return
        self.server.owner.record(self.command, self.path, dict(self.headers.items()), body)
        reply = self.server.owner.next_reply(self.path)
        self._answer(reply)

    do_GET = do_POST

    def _answer(self, reply: Reply) -> None:
        stop = self.server.owner.stopping
        if reply.delay and stop.wait(reply.delay):
            return
        if reply.trickle:
            self._trickle(reply, stop)
            return
        try:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body) + reply.body_size))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(reply.body)
            filler = b"x" * 65536
            sent, stalled = 0, False
            while sent < reply.body_size:
                if not stalled and reply.stall_after is not None and sent >= reply.stall_after:
                    stalled = True
                    if stop.wait(reply.stall):
                        return
                chunk = filler[: reply.body_size - sent]
                self.wfile.write(chunk)
                sent += len(chunk)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.server.owner.client_hung_up += 1
        self.close_connection = True

    def _trickle(self, reply: Reply, stop: threading.Event) -> None:
        """A receiver that never stalls long enough for a per-read timeout: one byte at a time."""
        head = f"HTTP/1.1 {reply.status} OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        try:
            for byte in head.encode():
                if stop.wait(reply.trickle):
                    return
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.server.owner.client_hung_up += 1
        self.close_connection = True


class _ReceiverServer(ThreadingHTTPServer):
    daemon_threads = False
    block_on_close = True
    owner: WebhookReceiver


class WebhookReceiver:
    """A threaded HTTP server on 127.0.0.1 (context manager; HTTPS with ``tls_context``).
    Answers each request with the next ``Reply`` of the script (the last one repeats), checks
    the ``webhook-signature`` with ``verify`` when given the secret, records every request."""

    def __init__(
        self,
        script: Iterable[Reply | int] = (200,),
        secret: str | None = None,
        tls_context: ssl.SSLContext | None = None,
    ) -> None:
        self.script = [r if isinstance(r, Reply) else Reply(status=r) for r in script]
        if not self.script:
            raise ValueError("empty script")
        self.secret = secret
        self.requests: list[Request] = []
        self.client_hung_up = 0
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._answered = 0
        self._server = _ReceiverServer((HOST, 0), _ReceiverHandler)
        self._server.owner = self
        self.scheme = "http"
        if tls_context is not None:
            self.scheme = "https"
            self._server.socket = tls_context.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.port = int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"{self.scheme}://{HOST}:{self.port}/hook"

    def url_for(self, path: str) -> str:
        return f"{self.scheme}://{HOST}:{self.port}{path}"

    def record(self, method: str, path: str, headers: dict[str, str], body: bytes) -> None:
        lower = {name.lower(): value for name, value in headers.items()}
        signature_ok: bool | None = None
        if self.secret is not None:
            try:
                reference_verifier(self.secret).verify(body, lower, json_parse=False)
                signature_ok = True
            except (WebhookVerificationError, ValueError):
                signature_ok = False
        with self._lock:
            self.requests.append(Request(method, path, lower, body, signature_ok))

    def next_reply(self, path: str) -> Reply:
        with self._lock:
            index = min(self._answered, len(self.script) - 1)
            self._answered += 1
            return self.script[index]

    def __enter__(self) -> WebhookReceiver:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def redirect(location: str) -> Reply:
    return Reply(status=302, headers={"Location": location})


# --- sample data -------------------------------------------------------------------------------


def sample_alert(**overrides: Any) -> AlertView:
    """A realistic threshold alert; keyword arguments replace fields."""
    values: dict[str, Any] = {
        "alert_id": 42,
        "key": "threshold:HIMA:deliveries:nev:80000",
        "kind": "threshold",
        "entity": "HIMA",
        "metric": "deliveries",
        "segment": "nev",
        "period_kind": "month",
        "period_start": date(2025, 11, 1),
        "period_end": date(2025, 11, 30),
        "value": 81864,
        "qualifier": None,
        "rung": 80000,
        "previous_value": None,
        "previous_period": None,
        "streak": None,
        "claims": (),
        "message": "HIMA: first month above 80,000 deliveries — 81,864 in Nov 2025",
        "source_name": "jiemian",
        "article_url": "https://www.jiemian.com/article/123.html",
        "article_title": "鸿蒙智行11月交付81864辆",
        "published_at": datetime(2025, 12, 1, 8, 30, tzinfo=UTC),
        "snippet": "鸿蒙智行11月全系交付新车81864辆，首次突破8万辆。",
        "created_at": datetime(2025, 12, 1, 9, 0, tzinfo=UTC),
        "historical": False,
    }
    values.update(overrides)
    return AlertView(**values)
