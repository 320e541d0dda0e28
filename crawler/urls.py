"""URL canonicalisation: one spelling per article, whatever link or host led to it."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Parameters that identify a campaign or a click, never a page.
TRACKING_PREFIXES = ("utm_", "spm", "from", "share", "wx", "fbclid", "gclid", "isappinstalled")


def canonicalize(
    url: str,
    host_aliases: dict[str, str] | None = None,
    keep_query_params: tuple[str, ...] = (),
) -> str:
    """https scheme, lower-case host with aliases applied, no fragment, no tracking parameters.

    Only parameters listed in ``keep_query_params`` survive: article pages on our sources are
    identified by their path alone.
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    host = (host_aliases or {}).get(host, host)
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key in keep_query_params and not key.lower().startswith(TRACKING_PREFIXES)
    ]
    path = parts.path or "/"
    return urlunsplit(("https", host, path, urlencode(sorted(query)), ""))
