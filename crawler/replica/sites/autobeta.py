"""Replica of AutoBeta: home, section lists with pagination, article pages (layout guessed)."""

from __future__ import annotations

import re
from typing import Any

from crawler.replica.site import Page, ReplicaSite, esc, not_found, paragraphs

HOST = "https://www.autobeta.net"
NAV = (
    '<div class="nav"><a href="/">AutoBeta Home</a> <a href="/news/">News</a> '
    '<a href="/vehicle/">New Vehicle</a> <a href="/industry/">Industry Report</a> '
    '<a href="/data/">Data Report</a> <a href="/economy/">Industrial Economy</a></div>'
    '<div class="wechat"><p>Besides Weibo, you can also find us on WeChat</p>'
    "<p>Follow us</p><p>WeChat public account</p></div>"
)
FOOTER = (
    '<div class="footer"><p>&copy; 2024 AutoBeta.Net. Rights reserved by '
    "Tiger Media Company.</p></div>"
)


class AutoBeta(ReplicaSite):
    source = "autobeta"
    hosts = ("www.autobeta.net", "autobeta.net")

    def url(self, article: dict[str, Any]) -> str:
        return f"{HOST}/{article['category']}/{article['id']}.html"

    def handle(self, host: str, path: str, query: str) -> Page:
        if path == "/":
            return self.listing(1, home=True)
        if path == "/news/":
            return self.listing(1)
        if match := re.fullmatch(r"/news/list_(\d+)\.html", path):
            return self.listing(int(match.group(1)))
        if match := re.fullmatch(r"/([a-z]+)/(\d+)\.html", path):
            article = self.article_by_id(int(match.group(2)))
            if article and article["category"] != match.group(1):
                article = None
            return self.serve_article(path, article, self.render_article)
        return not_found(path)

    def listing(self, page: int, home: bool = False) -> Page:
        pages = self.page_count(self.articles)
        if page > pages:
            return not_found(f"/news/list_{page}.html")
        items = "".join(
            f'<li><a href="{self.url(a)}">{esc(a["title"])}</a> <span>{a["published"]}</span></li>'
            for a in self.pages_of(self.articles, page)
        )
        links = "".join(
            f'<a href="/news/list_{n}.html">{n}</a>' if n > 1 else '<a href="/news/">1</a>'
            for n in range(1, pages + 1)
            if n != page
        )
        pager = "" if home else f'<div class="pages">{links}</div>'
        body = (
            '<html><head><meta charset="utf-8"><title>News - AutoBeta</title></head><body>'
            f'{NAV}<div class="list"><ul>{items}</ul></div>{pager}{FOOTER}</body></html>'
        )
        return Page(body=body)

    def render_article(self, article: dict[str, Any]) -> Page:
        source = esc(article.get("source", "AutoBeta"))
        body = f"""<html><head><meta charset="utf-8">
<title>{esc(article["title"])} - AutoBeta</title></head><body>{NAV}
<h1>{esc(article["title"])}</h1>
<div class="info">{article["published"]} Update From: {source} autobeta
<span class="breadcrumb">NAV: <a href="/">AutoBeta</a> &gt; <a href="/news/">News</a> &gt;</span>
</div>
<div class="content"><p>AutoBeta( Report--</p>{paragraphs(article["body"])}
<p>Welcome to subscribe to the WeChat public account "Automotive Industry Focus" for car
news as it happens. WeChat ID autoWechat</p></div>
<div class="views">Views: 0</div>
<div class="comments"><p>*Comments on the article above are their writers' own views, and this
website neither shares nor endorses them.</p><p>Share To</p>
<p>Network comments speak for the people who post them, never for this
website</p></div>{FOOTER}</body></html>"""
        return Page(body=body)
