"""Types shared by the delivery channels: the outcome of one delivery attempt and SMTP settings.

``DeliveryResult`` is what every channel (email, webhook) returns instead of raising for network
or protocol failures; the dispatcher records it and decides on retries. ``SmtpSettings`` holds
how to reach the SMTP server; its password never appears in ``repr`` or in any result detail.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

SECURITY_MODES = ("starttls", "ssl", "none")
MAX_RETRY_AFTER = 3600.0
MAX_DETAIL = 300


def one_line(text: str, limit: int = MAX_DETAIL) -> str:
    """``text`` with every control character and run of whitespace collapsed to one space,
    cut to ``limit`` characters (an ellipsis marks the cut)."""
    cleaned = "".join(" " if (ord(c) < 32 or ord(c) == 127) else c for c in text)
    cleaned = " ".join(cleaned.split())
    if len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rstrip() + "…"
    return cleaned


@dataclass(frozen=True)
class DeliveryResult:
    """The outcome of one attempt to deliver one message through one channel."""

    ok: bool
    detail: str  # one line for logs/DB, never containing a secret
    permanent: bool = False  # retrying cannot help (410 Gone, most 4xx, SMTP 5xx on RCPT)
    retry_after: float | None = None  # seconds asked by the receiver, capped at 3600
    status: int | None = None  # HTTP status or SMTP reply code, when there was one

    def __post_init__(self) -> None:
        object.__setattr__(self, "detail", one_line(self.detail))
        if self.retry_after is not None:
            capped = min(max(float(self.retry_after), 0.0), MAX_RETRY_AFTER)
            object.__setattr__(self, "retry_after", capped)


def is_loopback_host(host: str) -> bool:
    """True for ``localhost`` and loopback IP literals (127.0.0.0/8, ::1)."""
    name = host.strip().strip("[]").lower().rstrip(".")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class SmtpSettings:
    """How to reach the SMTP server. Certificate verification is always on for starttls/ssl;
    ``ca_file`` adds a CA bundle (e.g. a private CA). ``security="none"`` is only allowed for a
    loopback host (a local relay)."""

    host: str
    port: int = 587
    security: str = "starttls"
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    sender: str = "evwatch <evwatch@localhost>"
    timeout: float = 20.0
    ca_file: str | None = None

    def __post_init__(self) -> None:
        if not self.host or any(c.isspace() for c in self.host):
            raise ValueError("smtp.host must be a host name or address without spaces")
        if not 0 < int(self.port) < 65536:
            raise ValueError(f"smtp.port must be between 1 and 65535, not {self.port}")
        if self.security not in SECURITY_MODES:
            raise ValueError(
                f"smtp.security must be one of {', '.join(SECURITY_MODES)}, not {self.security!r}"
            )
        if self.security == "none" and not is_loopback_host(self.host):
            raise ValueError(
                "smtp.security = 'none' is only allowed for a loopback host "
                f"(127.0.0.1, ::1, localhost), not {self.host!r}"
            )
        if self.timeout <= 0:
            raise ValueError("smtp.timeout must be positive")
        if self.password is not None and self.username is None:
            raise ValueError("smtp.password is set but smtp.username is not")
