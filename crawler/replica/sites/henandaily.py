"""Replica of en.dahe.cn (Henan Daily's English site): home with paging, article pages."""

from __future__ import annotations

import re
from typing import Any

from crawler.replica.site import Page, ReplicaSite, esc, local_time, not_found, paragraphs

HOST = "https://en.dahe.cn"
NAV = (
    '<div class="nav"><a href="/">Home</a> <a href="/local/">Local</a> '
    '<a href="/business/">Business</a> <a href="/culture/">Culture</a></div>'
)


class HenanDaily(ReplicaSite):
    source = "henandaily"
    hosts = ("en.dahe.cn",)

    def url(self, article: dict[str, Any]) -> str:
        when = local_time(article["published"])
        return f"{HOST}/{when:%Y}/{when:%m-%d}/{article['id']}.html"

    def handle(self, host: str, path: str, query: str) -> Page:
        if path == "/":
            return self.listing(1)
        if match := re.fullmatch(r"/news/index_(\d+)\.html", path):
            return self.listing(int(match.group(1)))
        if match := re.fullmatch(r"/(\d{4})/(\d{2})-(\d{2})/(\d+)\.html", path):
            article = self.article_by_id(int(match.group(4)))
            if article and self.url(article) != HOST + path:
                article = None
            return self.serve_article(path, article, self.render_article)
        return not_found(path)

    def listing(self, page: int) -> Page:
        pages = self.page_count(self.articles)
        if page > pages:
            return not_found(f"/news/index_{page}.html")
        items = "".join(
            f'<li><a href="{self.url(a)}">{esc(a["title"])}</a>'
            f'<span class="time">{a["published"][:10]}</span></li>'
            for a in self.pages_of(self.articles, page)
        )
        next_link = (
            f'<a class="next" href="{HOST}/news/index_{page + 1}.html">Next</a>'
            if page < pages
            else ""
        )
        body = (
            '<html><head><meta charset="utf-8"><title>en.dahe.cn</title></head><body>'
            f'{NAV}<div class="news-list"><ul>{items}</ul></div>'
            f'<div class="page">{next_link}</div></body></html>'
        )
        return Page(body=body)

    def render_article(self, article: dict[str, Any]) -> Page:
        title_zh = article.get("title_zh")
        trailer = article.get("trailer", "")
        body = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{esc(article["title"])}</title></head><body>{NAV}
<div class="breadcrumb">Home &gt;&gt;{esc(article.get("channel", "Local"))}</div>
<h1 id="4g_title">{esc(article["title"])}</h1>
{f'<h2 class="title-zh">{esc(title_zh)}</h2>' if title_zh else ""}
<div class="info"><span id="source_baidu">Source:HICC</span>
<span id="pubtime_baidu">Published:{article["published"]}</span></div>
<div id="mainCon">{paragraphs(article["body"])}
{f"<p>{esc(trailer)}</p>" if trailer.startswith("(") else ""}</div>
{f'<p id="editor_baidu">{esc(trailer)}</p>' if trailer.startswith("Editor") else ""}
<div class="share">Share to: Facebook Twitter WeChat</div>
<div class="related"><h3>Related</h3></div></body></html>"""
        return Page(body=body)
