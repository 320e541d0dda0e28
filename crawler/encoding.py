"""Decoding saved pages and text files as browsers do: a byte-order mark first, then the HTTP
``Content-Type`` charset, then ``<meta charset>`` (both read by ``w3lib.encoding``, which also
takes GB2312 and GBK as their superset GB18030), and only then detection among UTF-8, GB18030
and Big5. What none of these decodes is refused, never stored as garbage."""

from __future__ import annotations

from charset_normalizer import from_bytes
from w3lib.encoding import (
    html_body_declared_encoding,
    html_to_unicode,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

# Candidates for pages that do not say what they are, in the order they are tried.
DETECTED = ("utf_8", "gb18030", "big5")
# A declared encoding may meet a stray bad byte (browsers show U+FFFD); more than this share of
# replacement characters means the declaration is wrong and the page is refused.
MAX_REPLACED_SHARE = 0.01


class UndecodableError(ValueError):
    """The bytes are not text in any encoding a page declared or detection can find."""


def detect_encoding(raw: bytes) -> str | None:
    """UTF-8 if the bytes are valid UTF-8, else GB18030 or Big5, whichever reads as text."""
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw, cp_isolation=list(DETECTED)).best()
    return None if best is None else resolve_encoding(best.encoding)


def _strict_or_refuse(raw: bytes, encoding: str, what: str) -> str:
    text = raw.decode(encoding, errors="replace")
    replaced = text.count("\ufffd") - raw.count("\ufffd".encode())
    if replaced > max(1, len(text) * MAX_REPLACED_SHARE):
        raise UndecodableError(f"{what}: not {encoding} text ({replaced} undecodable sequences)")
    return text


def decode_html(raw: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(encoding, text) of an HTML page; raises UndecodableError."""
    if read_bom(raw)[0] is not None:
        return html_to_unicode(content_type, raw)
    # (the declared encoding read here, not through html_to_unicode's auto_detect_fun, which
    # w3lib 2.6 deprecates)
    declared = http_content_type_encoding(content_type) or html_body_declared_encoding(raw)
    if declared is None:
        detected = detect_encoding(raw)
        if detected is None:
            raise UndecodableError("neither UTF-8, GB18030 nor Big5")
        return detected, _strict_or_refuse(raw, detected, f"detected {detected}")
    # (UTF-16 or UTF-32 declared without a byte-order mark: big-endian, as html_to_unicode reads)
    encoding = f"{declared}-be" if declared in ("utf-16", "utf-32") else declared
    return encoding, _strict_or_refuse(raw, encoding, f"declared {encoding}")


def decode_text(raw: bytes) -> str:
    """A plain-text file: BOM, else detection; raises UndecodableError."""
    encoding, bom = read_bom(raw)
    if encoding is not None and bom is not None:
        return raw[len(bom) :].decode(encoding, errors="replace")
    detected = detect_encoding(raw)
    if detected is None:
        raise UndecodableError("neither UTF-8, GB18030 nor Big5")
    return _strict_or_refuse(raw, detected, f"detected {detected}")
