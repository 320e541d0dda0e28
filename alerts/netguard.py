"""Outbound connections to addresses a user wrote down (webhook URLs, ``evwatch extract URL``).

Loopback, private, link-local (cloud metadata at 169.254.169.254 among them), shared, reserved
and other non-global addresses are refused unless the caller allows them, however the address
is spelled (``2852039166``, ``[::ffff:169.254.169.254]``, a name that resolves to one). The
host is resolved once and the connection goes to an address that was checked, so a DNS answer
that changes between the check and the connection (rebinding) cannot slip through.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
from typing import Any

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
ALLOW_HINT = "allow_private_addresses"


class AddressRefused(OSError):
    """The host is, or resolves to, an address that is not public."""


def not_public(address: str) -> str | None:
    """Why ``address`` (an IP literal) is not a public address, or None if it is."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            ip = embedded
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local (cloud metadata)" if str(ip) == "169.254.169.254" else "link-local"
    if ip.is_private:
        return "private"
    if ip.is_multicast or ip.is_unspecified or ip.is_reserved or not ip.is_global:
        return "non-public"
    return None


def resolve_checked(host: str, port: int, *, allow_private: bool) -> list[Any]:
    """``getaddrinfo`` answers for ``host``, once; raises ``AddressRefused`` when one of them
    is not public and that is not allowed."""
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise OSError(f"cannot resolve {host} ({exc.strerror})") from None
    if not allow_private:
        for *_, sockaddr in answers:
            ip = str(sockaddr[0])
            why = not_public(ip)
            if why:
                what = f"{ip} is" if host.strip("[]") == ip else f"{host} resolves to {ip},"
                raise AddressRefused(f"{what} a {why} address: refused unless {ALLOW_HINT} is set")
    return answers


def connect(
    address: tuple[str, int],
    timeout: float | None = None,
    source_address: tuple[str, int] | None = None,
    *,
    allow_private: bool = False,
) -> socket.socket:
    """``socket.create_connection`` that connects only to addresses it checked."""
    host, port = address
    error: OSError | None = None
    for family, kind, proto, _, sockaddr in resolve_checked(
        host, port, allow_private=allow_private
    ):
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not None:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            error = exc
            sock.close()
    raise error or OSError(f"cannot connect to {host}")


def guarded(base: type[http.client.HTTPConnection], allow_private: bool) -> Any:
    """``base`` (HTTPConnection or HTTPSConnection) connecting through ``connect``; HTTPS still
    verifies the certificate against the host name of the URL."""

    class Guarded(base):  # type: ignore[valid-type,misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)

            def create(
                address: tuple[str, int],
                timeout: float | None = None,
                source_address: tuple[str, int] | None = None,
            ) -> socket.socket:
                return connect(address, timeout, source_address, allow_private=allow_private)

            self._create_connection = create

    return Guarded
