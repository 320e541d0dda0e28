"""``evwatch seed check SOURCE --page saved.html``: what a seed's selectors read from a saved
page (title, date, author, body, article and pagination links), so that a seed can be adapted
when its site changes, without crawling."""

from __future__ import annotations

import argparse

from scrapy.http import HtmlResponse
from scrapy.settings import Settings

from crawler.documents import read_bytes
from crawler.encoding import UndecodableError, decode_html
from crawler.errors import CommandError
from crawler.seeds import Seed, load_seeds
from crawler.spiderloader import SeedSpiderLoader
from crawler.textextract import extract_article
from crawler.urls import canonicalize

BODY_PREVIEW_CHARS = 300


def page_response(path: str, url: str) -> HtmlResponse:
    body = read_bytes(path)
    try:
        encoding, _ = decode_html(body)
    except UndecodableError as exc:
        raise CommandError(f"{path}: cannot decode ({exc})") from None
    return HtmlResponse(url=url, body=body, encoding=encoding)


def check_report(seed: Seed, response: HtmlResponse) -> tuple[list[str], bool]:
    """The lines to print, and whether the seed read anything from the page."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    if seed.path is not None:
        settings.set("EVWATCH_SEEDS", str(seed.path.parent))
    spider = SeedSpiderLoader(settings).load(seed.name).for_seed(seed)  # type: ignore[attr-defined]
    extracted = extract_article(response.text, response.url, seed.article, seed.tz, None)
    links = [url for url, _ in spider.article_links(response)]
    pages = list(dict.fromkeys(spider.pagination_links(response)))
    published = extracted.published_at_utc
    lines = [
        f"seed:       {seed.name} ({seed.path})",
        f"page:       read as {response.url}",
        f"canonical:  {spider.canonical_for(response)}",
        f"title:      {extracted.title or '(none found)'}",
        "published:  "
        + (f"{published.astimezone(seed.tz):%Y-%m-%d %H:%M} {seed.timezone}" if published
           else "(none found)"),
        f"author:     {extracted.author or '(none found)'}",
        f"source:     {extracted.source_line or '(none found)'}",
        f"language:   {extracted.language}",
        f"body:       {len(extracted.text)} characters",
    ]  # fmt: skip
    if extracted.text:
        preview = " ".join(extracted.text.split())[:BODY_PREVIEW_CHARS]
        lines.append(f"            {preview}…")
    lines.append(f"article links: {len(links)}")
    lines += [f"  {url}" for url in links]
    lines.append(f"pagination links: {len(pages)}")
    lines += [f"  {url}" for url in pages]
    return lines, bool(extracted.text or links)


def cmd_seed_check(args: argparse.Namespace) -> int:
    seeds = load_seeds(args.seeds)
    if args.source not in seeds:
        raise CommandError(f"unknown source {args.source} (known: {', '.join(seeds)})")
    seed = seeds[args.source]
    url = args.url or seed.home_url
    discovery = seed.discovery
    response = page_response(
        args.page, canonicalize(url, discovery.host_aliases, discovery.keep_query_params)
    )
    lines, found = check_report(seed, response)
    print("\n".join(lines))
    return 0 if found else 1
