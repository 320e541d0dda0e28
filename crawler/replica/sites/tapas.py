"""Replica of the TAPAS show site's "What's New" press pages (layout guessed, domain unknown)."""

from __future__ import annotations

import re
from typing import Any

from crawler.replica.site import Page, ReplicaSite, esc, not_found

HOST = "https://tapas.invalid"
HEADER = (
    '<div class="topbar">Welcome to TAPAS ! Taizhou · China, 22-24 May 2026 '
    '<span class="language-switcher">中文(简体)</span></div>'
    '<div class="breadcrumb"><a href="/">Home</a> / <a href="/press/">Press &amp; Links</a> /</div>'
    '<h2 class="section">What\'s New</h2>'
)
SIDEBAR = (
    '<div class="sidebar"><h3>Exhibit</h3><ul><li><a href="/exhibit/apply.html">Book a booth'
    '</a></li><li><a href="/visit/register.html">Visitor registration</a></li></ul></div>'
)


class Tapas(ReplicaSite):
    source = "tapas"
    hosts = ("tapas.invalid",)

    def handle(self, host: str, path: str, query: str) -> Page:
        if path in ("/press/news/", "/"):
            return self.listing(1)
        if match := re.fullmatch(r"/press/news/page/(\d+)/", path):
            return self.listing(int(match.group(1)))
        if match := re.fullmatch(r"/press/news/(\d+)\.html", path):
            return self.serve_article(
                path, self.article_by_id(int(match.group(1))), self.render_article
            )
        return not_found(path)

    def listing(self, page: int) -> Page:
        pages = self.page_count(self.articles)
        if page > pages:
            return not_found(f"/press/news/page/{page}/")
        items = []
        for article in self.pages_of(self.articles, page):
            url = f"{HOST}/press/news/{article['id']}.html"
            items.append(
                f'<li><a href="{url}">{esc(article["title"])}</a>'
                f'<span class="date">{article["posted"]}</span></li>'
            )
            if article.get("role") == "two_urls":
                items.append(
                    f'<li><a href="{url}?utm_source=wechat&amp;from=timeline">'
                    f"{esc(article['title'])} (shared)</a></li>"
                )
        links = "".join(
            f'<a href="{HOST}/press/news/page/{n}/">{n}</a>'
            for n in range(2, pages + 1)
            if n != page
        )
        body = (
            '<html><head><meta charset="utf-8"><title>What\'s New - TAPAS</title></head><body>'
            f'{HEADER}<ul class="news-list">{"".join(items)}</ul>'
            f'<div class="pagination">{links}</div>{SIDEBAR}</body></html>'
        )
        return Page(body=body)

    def render_article(self, article: dict[str, Any]) -> Page:
        images = list(article.get("images", []))
        blocks = []
        subtitle = article.get("subtitle")
        blocks.append(f"<p>{esc(article['title'])}{' ' + esc(subtitle) if subtitle else ''}</p>")
        for paragraph in article["body"]:
            if paragraph.startswith("## "):
                if images:
                    name = images.pop(0)
                    blocks.append(
                        f'<figure><img src="/uploads/{esc(name)}" alt="{esc(name)}">'
                        f"<figcaption>{esc(name)}</figcaption></figure>"
                    )
                blocks.append("<p>&nbsp;</p>")
                blocks.append(f"<h3>{esc(paragraph[3:])}</h3>")
            else:
                blocks.append(f"<p>{esc(paragraph)}</p>")
        body = (
            f'<html><head><meta charset="utf-8"><title>{esc(article["title"])} - TAPAS</title>'
            f'</head><body>{HEADER}<article><h1 class="entry-title">{esc(article["title"])}'
            f'</h1><div class="entry-content">{"".join(blocks)}</div></article>{SIDEBAR}'
            "</body></html>"
        )
        return Page(body=body)
