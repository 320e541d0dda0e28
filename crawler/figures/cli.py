"""`evwatch extract`: print the figures in one article (a file, a URL or stdin).

HTML is read through crawler.textextract (the crawler's own trafilatura path) for its text and
publication date; plain text needs --published.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path

from crawler.figures.model import Figure
from crawler.figures.parser import parse_figures

FORMATS = ("table", "jsonl", "json")
HEADERS = ("entity", "metric", "segment", "period", "start", "end", "value", "qualifier", "yoy %",
           "mom %", "claims")


def add_extract_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE", help='a file, an http(s) URL, or "-" for stdin')
    parser.add_argument("--published", metavar="YYYY-MM-DD",
                        help="publication date (default: from the page's metadata)")
    parser.add_argument("--lang", choices=("en", "zh", "auto"), default="auto",
                        help="language hint (default: auto, per sentence)")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format")


def _error(message: str) -> Exception:
    from crawler.errors import CommandError

    return CommandError(message)


def _read(source: str) -> tuple[bytes, str | None]:
    if source == "-":
        return sys.stdin.buffer.read(), None
    if source.startswith(("http://", "https://")):
        import urllib.error
        import urllib.request

        request = urllib.request.Request(source, headers={"User-Agent": "evwatch-extract"})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.read(), source
        except (urllib.error.URLError, TimeoutError, ValueError) as exc:
            raise _error(f"cannot fetch {source}: {exc}") from exc
    try:
        return Path(source).read_bytes(), None
    except OSError as exc:
        raise _error(f"cannot read {source}: {exc.strerror or exc}") from exc


def _is_html(text: str) -> bool:
    return text.lstrip().startswith("<") or "<html" in text[:5000].lower()


def _published_date(value: datetime | date | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            from zoneinfo import ZoneInfo

            value = value.astimezone(ZoneInfo("Asia/Shanghai"))
        return value.date()
    return value


def load_article(source: str) -> tuple[str, date | None]:
    """Text to parse and the page's own publication date (None for plain text)."""
    raw, url = _read(source)
    text = raw.decode("utf-8", errors="replace")
    if not _is_html(text):
        return text, None
    from crawler.textextract import extract_article

    article = extract_article(raw, url=url)
    published = getattr(article, "published", None) or getattr(article, "published_at_utc", None)
    body = article.text
    if article.title:
        body = f"{article.title}\n{body}"
    return body, _published_date(published)


def _row(f: Figure) -> tuple[object, ...]:
    return (
        f.entity, f.metric, f.segment, f.period_kind, f.period_start.isoformat(),
        f.period_end.isoformat(), f"{f.value:,}", f.qualifier,
        "" if f.yoy_pct is None else f"{f.yoy_pct:g}",
        "" if f.mom_pct is None else f"{f.mom_pct:g}", ",".join(f.claims),
    )


def run_extract(args: argparse.Namespace) -> int:
    published: date | None = None
    if args.published:
        try:
            published = date.fromisoformat(args.published)
        except ValueError as exc:
            raise _error(f"--published must be YYYY-MM-DD, got {args.published!r}") from exc
    text, page_date = load_article(args.source)
    published = published or page_date
    if published is None:
        raise _error("no publication date found; pass --published YYYY-MM-DD")
    lang = None if args.lang == "auto" else args.lang
    figures = parse_figures(text, published, lang)
    if args.format == "jsonl":
        for f in figures:
            print(json.dumps(f.as_json(), ensure_ascii=False))
    elif args.format == "json":
        print(json.dumps([f.as_json() for f in figures], ensure_ascii=False, indent=2))
    else:
        from crawler.tables import format_table

        ordered = sorted(figures, key=lambda f: (f.entity, f.metric, f.period_start, f.period_end))
        print(format_table(HEADERS, [_row(f) for f in ordered]))
        print(f"{len(figures)} figure(s); published {published.isoformat()}")
    return 0
